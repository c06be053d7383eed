//! Site furniture on pages as scraped: `tests/data/furniture_corpus` holds
//! synthetic news pages of four sites (local news, sports, business, an
//! aggregator) with their furniture left in (README.md there says which
//! line is what). Cleaning must remove every furniture line and nothing
//! else, the reader must still get every removed line, and the passage
//! finder must link no two pages whose only shared text is furniture.

use std::collections::BTreeSet;

use parallax_engine::passages::{find_passages, PassageConfig};
use parallax_engine::Corpus;

mod common;

fn corpus() -> Corpus {
    let dir = common::repo().join("crates/engine/tests/data/furniture_corpus");
    Corpus::build(common::folder_source(&dir, "furniture_corpus"))
}

fn furniture() -> BTreeSet<&'static str> {
    include_str!("data/furniture_corpus/furniture_lines.list").lines().filter(|l| !l.starts_with('#')).collect()
}

#[test]
fn all_furniture_goes_and_all_content_stays() {
    let c = corpus();
    let furniture = furniture();
    let mut seen = BTreeSet::new();
    for a in &c.articles {
        let removed: BTreeSet<&str> = a.removed.iter().map(|r| a.slice(r.span)).collect();
        for line in a.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if furniture.contains(line) {
                assert!(removed.contains(line), "{}: furniture kept: {line:?}", a.id());
                seen.insert(line);
            } else {
                assert!(!removed.contains(line), "{}: content removed: {line:?}", a.id());
                assert!(a.paragraphs.iter().any(|p| a.slice(p.span) == line), "{}: lost {line:?}", a.id());
            }
        }
        // Removed text stays with the article, in text order, for the
        // reader's boilerplate toggle, and never overlaps kept text.
        for w in a.removed.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
        for r in &a.removed {
            assert!(!a.paragraphs.iter().any(|p| p.span.overlaps(r.span)), "{}: removed overlaps kept text", a.id());
        }
    }
    assert_eq!(seen, furniture, "every listed furniture line occurs in a page");
}

#[test]
fn only_shared_content_links_pages() {
    let c = corpus();
    let p = find_passages(&c, &PassageConfig::default());
    let linked: BTreeSet<(&str, &str)> = p
        .pairs
        .iter()
        .map(|sp| (c.articles[sp.a.article as usize].id(), c.articles[sp.b.article as usize].id()))
        .collect();
    let want: BTreeSet<(&str, &str)> = [("hub_council_budget", "ledger_council_budget")].into_iter().collect();
    assert_eq!(linked, want, "pages linked through furniture");
    // Every linked sentence is content.
    let furniture = furniture();
    for sp in &p.pairs {
        for l in &sp.links {
            for (side, range) in [(&sp.a, l.a), (&sp.b, l.b)] {
                let a = &c.articles[side.article as usize];
                for s in &a.sentences[range.start as usize..range.end as usize] {
                    let text = a.slice(s.span);
                    assert!(!furniture.iter().any(|f| f.contains(text)), "furniture linked: {text:?}");
                }
            }
        }
    }
}

/// Lines that several articles carry verbatim: copied news and quotes stay,
/// a site's appeal in articles on different stories goes.
#[test]
fn learned_lines_are_site_furniture_not_copied_news() {
    use parallax_engine::clean::clean_corpus_sites;
    let appeal = "The Valley Gazette is a nonprofit newsroom, and readers like you keep it going every single day.";
    let quote = "“We appreciate your respect for the family's privacy at this time,” the spokesman said.";
    let wire = "The agency said the storm had knocked out power to more than 40,000 homes across three counties, and crews would work through the night to restore it.";
    let stories = [
        "The county fair opened on Friday with a record number of livestock entries, organisers said, and attendance was expected to top 60,000 over the weekend.",
        "A new bakery on Front Street drew a line around the block on its opening morning, selling out of sourdough before ten o'clock.",
        "Storm damage closed two schools in the north of the county on Tuesday, and the district said classes would resume on Thursday at the earliest.",
        "Utility crews from four states arrived on Tuesday to help restore power after the storm brought down lines and trees across the region.",
    ];
    let texts: Vec<String> = stories
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let extra = if i >= 2 { [wire, quote] } else { ["Officials expect a busy week.", "Parking is limited."] };
            format!("Headline {i}\n\n{s}\n\n{}\n\n{}\n\n{appeal}", extra[0], extra[1])
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let sites = vec![Some("valley gazette".to_string()); refs.len()];
    for (i, lines) in clean_corpus_sites(&refs, &sites).iter().enumerate() {
        let gone: Vec<&str> = lines.iter().filter(|l| l.removed.is_some()).map(|l| &refs[i][l.span.range()]).collect();
        assert_eq!(gone, vec![appeal], "article {i}");
    }
    // Another site's article with the same appeal teaches nothing about this
    // one's: one article of a site carries it.
    let mut sites2 = sites.clone();
    for s in sites2.iter_mut().skip(1) {
        *s = Some("another site".to_string());
    }
    let lines = &clean_corpus_sites(&refs, &sites2)[0];
    assert!(lines.iter().all(|l| l.removed.is_none()), "learned from another site");
}
