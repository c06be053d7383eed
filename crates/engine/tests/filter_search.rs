//! The article list's search: stems, prefixes while typing, quoted phrases,
//! case and apostrophes, highlights on char boundaries.

use parallax_engine::query::{highlight, Query};
use parallax_engine::search::{matching_articles, snippet_sentence};
use parallax_engine::source::{ArticleMeta, RawArticle};
use parallax_engine::{Corpus, CorpusSource};

fn corpus(texts: &[&str]) -> Corpus {
    let articles = texts
        .iter()
        .enumerate()
        .map(|(i, t)| RawArticle {
            meta: ArticleMeta { id: format!("a{i}"), title: None, outlet: None, url: None, date: None, event: None },
            text: t.to_string(),
        })
        .collect();
    Corpus::build(CorpusSource { name: "t".into(), articles })
}

const A: &str = "Putin and Xi meet in Beijing\n\nThey oppose any further enlargement of NATO, the joint statement says. Russia’s position was clear.";
const B: &str =
    "Talks in Moscow\n\nThe statement was not joint, officials said. China wants to enlarge trade with Europe.";
const C: &str = "Olympics open\n\nAthletes   marched into the stadium on Friday. The JOINT  Statement came later.";
const D: &str = "Путин в Пекине\n\nПутин и Си Цзиньпин подписали совместное заявление. İstanbul talks 😀 followed.";

fn hits(q: &str) -> Vec<usize> {
    let c = corpus(&[A, B, C, D]);
    matching_articles(&c, &Query::parse(q))
}

#[test]
fn stems_match() {
    assert_eq!(hits("enlarge"), vec![0, 1], "enlarge finds enlargement");
    assert_eq!(hits("enlargements"), vec![0, 1]);
    assert_eq!(hits("opposing"), vec![0]);
}

#[test]
fn prefixes_match_while_typing() {
    assert_eq!(hits("russ"), vec![0]);
    assert_eq!(hits("statem"), vec![0, 1, 2]);
    assert_eq!(hits("пут"), vec![3], "Cyrillic prefixes");
    assert_eq!(hits("russ beij"), vec![0], "every word must match");
}

#[test]
fn quoted_phrases_are_exact() {
    assert_eq!(hits("\"joint statement\""), vec![0, 2], "case and spacing ignored, order kept");
    assert_eq!(hits("\"statement joint\""), Vec::<usize>::new());
    assert_eq!(hits("\"joint statement\" beijing"), vec![0]);
}

#[test]
fn case_and_apostrophes_do_not_matter() {
    assert_eq!(hits("RUSSIA'S"), vec![0]);
    assert_eq!(hits("russia’s"), vec![0]);
    assert_eq!(hits("\"Russia's position\""), vec![0]);
    assert_eq!(hits("\"RUSSIA’S POSITION\""), vec![0]);
}

#[test]
fn unclosed_quotes_and_odd_queries_are_fine() {
    assert_eq!(hits("\"joint stat"), vec![0, 2], "an unclosed quote is a phrase being typed");
    assert_eq!(hits("\""), vec![0, 1, 2, 3], "a lone quote is an empty query");
    assert_eq!(hits("\"\""), vec![0, 1, 2, 3]);
    assert_eq!(hits(""), vec![0, 1, 2, 3]);
    assert_eq!(hits("   "), vec![0, 1, 2, 3]);
    assert!(Query::parse("😀 !!! ,,,").is_empty());
    assert_eq!(hits("nonexistentword"), Vec::<usize>::new());
}

#[test]
fn highlights_are_on_char_boundaries() {
    for (text, q) in [
        (D, "пут"),
        (D, "\"путин и си\""),
        (D, "istanbul"),
        (D, "\"İstanbul talks\""),
        (A, "russia's"),
        (A, "\"russia’s position\""),
        (C, "\"joint statement\""),
        ("ẞtraße STRASSE ﬁnal 😀 ǅemal", "straße"),
        ("ẞtraße STRASSE ﬁnal 😀 ǅemal", "\"ß\""),
        ("ẞtraße STRASSE ﬁnal 😀 ǅemal", "\"fi\""),
        ("ẞtraße STRASSE ﬁnal 😀 ǅemal", "\"😀\""),
        ("e\u{301}te\u{301} \u{202e}abc", "\"\u{301}\""),
    ] {
        let q = Query::parse(q);
        let hl = highlight(text, &q);
        for w in hl.windows(2) {
            assert!(w[0].1 < w[1].0, "sorted and merged: {hl:?}");
        }
        for &(a, b) in &hl {
            assert!(a < b && text.is_char_boundary(a) && text.is_char_boundary(b), "{text:?} {q:?}: {a}..{b}");
        }
    }
    let q = Query::parse("\"joint statement\"");
    let hl = highlight(C, &q);
    assert_eq!(hl.iter().map(|&(a, b)| &C[a..b]).collect::<Vec<_>>(), vec!["JOINT  Statement"]);
    let q = Query::parse("russia's enlarge");
    let hl = highlight(A, &q);
    assert_eq!(hl.iter().map(|&(a, b)| &A[a..b]).collect::<Vec<_>>(), vec!["enlargement", "Russia’s"]);
}

#[test]
fn snippet_is_the_first_hit() {
    let c = corpus(&[A]);
    let a = &c.articles[0];
    let i = snippet_sentence(&c, 0, &Query::parse("russ")).unwrap();
    assert_eq!(a.slice(a.sentences[i].span), "Russia’s position was clear.");
    let i = snippet_sentence(&c, 0, &Query::parse("")).unwrap();
    assert!(a.slice(a.sentences[i].span).starts_with("They oppose"));
}
