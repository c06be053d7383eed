//! Identical articles (one text under several ids): analysed once, and the
//! passages of a copy are those of its original.

use std::collections::BTreeSet;

use parallax_engine::passages::{find_passages, PassageConfig, Passages};
use parallax_engine::source::{CorpusSource, RawArticle};
use parallax_engine::Corpus;

mod common;
use common::seeds;

fn source(c: &Corpus) -> CorpusSource {
    CorpusSource {
        name: c.name.clone(),
        articles: c.articles.iter().map(|a| RawArticle { meta: a.meta.clone(), text: a.text.clone() }).collect(),
    }
}

/// The seeds plus `copies` copies of each of the first two articles, with
/// ids that sort before and after the others ("0-copy-…", "zz-copy-…").
fn with_copies(copies: usize) -> (Corpus, Corpus) {
    let plain = seeds();
    let mut src = source(&plain);
    for a in plain.articles.iter().take(2) {
        for k in 0..copies {
            let mut meta = a.meta.clone();
            meta.id = if k % 2 == 0 { format!("0-copy-{k}-{}", a.id()) } else { format!("zz-copy-{k}-{}", a.id()) };
            src.articles.push(RawArticle { meta, text: a.text.clone() });
        }
    }
    (plain, Corpus::build(src))
}

/// The original id of an article of the corpus with copies.
fn original(id: &str) -> &str {
    match id.find("-copy-") {
        Some(_) => id.splitn(4, '-').nth(3).unwrap_or(id),
        None => id,
    }
}

type Row = (String, u32, u32, String, u32, u32, u32);

fn rows(c: &Corpus, p: &Passages) -> Vec<Row> {
    p.pairs
        .iter()
        .map(|sp| {
            let (a, b) = (c.articles[sp.a.article as usize].id(), c.articles[sp.b.article as usize].id());
            assert!(a < b, "side a ({a}) must have the smaller id than b ({b})");
            (
                a.to_string(),
                sp.a.span.start,
                sp.a.span.end,
                b.to_string(),
                sp.b.span.start,
                sp.b.span.end,
                (sp.score * 1000.0).round() as u32,
            )
        })
        .collect()
}

/// A row with both articles named by their originals, side a first.
fn canonical(r: &Row) -> Row {
    let (a, b) = (original(&r.0).to_string(), original(&r.3).to_string());
    if a <= b {
        (a, r.1, r.2, b, r.4, r.5, r.6)
    } else {
        (b, r.4, r.5, a, r.1, r.2, r.6)
    }
}

#[test]
fn copies_are_analysed_like_their_original() {
    let (plain, copied) = with_copies(3);
    assert_eq!(copied.articles.len(), plain.articles.len() + 6);
    for a in &copied.articles {
        let o = plain.article(original(a.id())).unwrap();
        assert_eq!(a.text, o.text);
        assert_eq!(a.sentences, o.sentences, "{}", a.id());
        assert_eq!(a.tokens, o.tokens, "{}", a.id());
        assert_eq!(a.paragraphs, o.paragraphs, "{}", a.id());
    }
}

#[test]
fn copies_share_what_their_originals_share() {
    let cfg = PassageConfig::default();
    let (plain, copied) = with_copies(3);
    let p0 = find_passages(&plain, &cfg);
    let p1 = find_passages(&copied, &cfg);
    let plain_rows: BTreeSet<Row> = rows(&plain, &p0).into_iter().collect();
    assert!(plain_rows.len() >= 10, "the seeds share passages ({})", plain_rows.len());
    let copied_rows = rows(&copied, &p1);

    // Between different texts: exactly the originals' passages, once for
    // every combination of copies.
    let between: Vec<&Row> = copied_rows.iter().filter(|r| original(&r.0) != original(&r.3)).collect();
    let seen: BTreeSet<Row> = between.iter().map(|r| canonical(r)).collect();
    assert_eq!(seen, plain_rows);
    let copies_of = |id: &str| 1 + copied.articles.iter().filter(|a| a.id() != id && original(a.id()) == id).count();
    let expected: usize = plain_rows.iter().map(|r| copies_of(&r.0) * copies_of(&r.3)).sum::<usize>();
    assert_eq!(between.len(), expected);

    // Between copies of one text: passages in the same place on both
    // sides, covering most of the text, for each of the 4·3/2 pairs.
    for a in plain.articles.iter().take(2) {
        let twins: Vec<&Row> =
            copied_rows.iter().filter(|r| original(&r.0) == a.id() && original(&r.3) == a.id()).collect();
        let pairs: BTreeSet<(&str, &str)> = twins.iter().map(|r| (r.0.as_str(), r.3.as_str())).collect();
        assert_eq!(pairs.len(), 6, "{}: every two of its 4 copies share passages", a.id());
        for r in &twins {
            assert_eq!((r.1, r.2), (r.4, r.5), "{r:?}: the same place in identical texts");
        }
        let one: Vec<&&Row> =
            twins.iter().filter(|r| (r.0.as_str(), r.3.as_str()) == *pairs.first().unwrap()).collect();
        let covered: u32 = one.iter().map(|r| r.2 - r.1).sum();
        let body: u32 = a.sentences.iter().map(|s| s.span.end - s.span.start).sum();
        assert!(covered as f64 >= 0.8 * body as f64, "{}: copies share {covered} of {body} sentence bytes", a.id());
    }

    // Clusters: every passage the originals share with a third article now
    // reaches the copies too.
    assert!(p1.clusters.len() >= p0.clusters.len());
    for c in &p1.clusters {
        let ids: BTreeSet<&str> = c.articles.iter().map(|&i| copied.articles[i as usize].id()).collect();
        assert!(ids.len() >= 3);
    }
}

#[test]
fn a_corpus_of_one_text_under_many_ids() {
    let plain = seeds();
    let a = &plain.articles[0];
    let src = CorpusSource {
        name: "copies".into(),
        articles: (0..5)
            .map(|k| {
                let mut meta = a.meta.clone();
                meta.id = format!("copy-{k}");
                RawArticle { meta, text: a.text.clone() }
            })
            .collect(),
    };
    let c = Corpus::build(src);
    let p = find_passages(&c, &PassageConfig::default());
    let pairs: BTreeSet<(u32, u32)> = p.pairs.iter().map(|x| (x.a.article, x.b.article)).collect();
    assert_eq!(pairs.len(), 10, "every two of 5 copies");
    assert!(p.clusters.iter().any(|c| c.articles.len() == 5), "a passage carried by all 5");
}
