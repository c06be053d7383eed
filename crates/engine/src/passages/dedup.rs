//! Identical articles: the same text under several ids (wire copy that
//! outlets republish word for word, a mirror, a corpus replicated for a
//! benchmark).
//!
//! Such copies are analysed once. The passage finder runs on one
//! representative per distinct text (the copy with the smallest id), so
//! document frequencies count distinct texts: republishing a text does not
//! make its words look common. Then:
//! - what two representatives share, every copy of one shares with every
//!   copy of the other (sides swapped where the copies' ids are in the
//!   other order);
//! - copies of one text share with each other what the text shares with
//!   itself: every sentence linked to its own copy, selected and grown into
//!   passages like any pair's links.
//!
//! With no two texts alike, this is the plain finder on the whole corpus.

use super::{find_distinct, PassageConfig, PassageSide, PassageWithoutLinks, SentenceLink, SharedPassage};
use crate::model::Corpus;

/// Every shared passage of `corpus`, sorted by (a, b).
pub(super) fn find(corpus: &Corpus, cfg: &PassageConfig) -> Vec<SharedPassage> {
    let copies = match analyse(corpus, cfg) {
        Analysed::Distinct(pairs) => return pairs,
        Analysed::Copies(c) => c,
    };
    let Copies { found, swapped_from, plan, source } = &copies;
    // Where a copy of side B precedes one of side A, the sides swap: each
    // passage's links swapped once, not once per pair of copies.
    let swapped: Vec<Vec<SentenceLink>> = crate::par::map(&found[..*swapped_from], |p| {
        let mut links: Vec<SentenceLink> =
            p.links.iter().map(|l| SentenceLink { a: l.b, b: l.a, score: l.score }).collect();
        crate::sort::by_key(&mut links, |l| (l.a, l.b));
        links
    });
    crate::par::chunked(plan.len(), |range| {
        plan[range]
            .iter()
            .map(|&(a, b, seq)| {
                let (i, swap) = source[seq as usize];
                let p = &found[i as usize];
                let links = if swap { swapped[i as usize].clone() } else { p.links.clone() };
                SharedPassage { a, b, score: p.score, links }
            })
            .collect()
    })
}

/// [`find`] without the links: the sides and score of every passage, in
/// the same order.
pub(super) fn find_sides(corpus: &Corpus, cfg: &PassageConfig) -> Vec<PassageWithoutLinks> {
    match analyse(corpus, cfg) {
        Analysed::Distinct(pairs) => {
            pairs.into_iter().map(|p| PassageWithoutLinks { a: p.a, b: p.b, score: p.score }).collect()
        }
        Analysed::Copies(Copies { found, plan, source, .. }) => plan
            .iter()
            .map(|&(a, b, seq)| PassageWithoutLinks { a, b, score: found[source[seq as usize].0 as usize].score })
            .collect(),
    }
}

/// The passages of a corpus with copies, before they are built for every
/// copy.
struct Copies {
    /// Passages between representatives, then each twin's with itself.
    found: Vec<SharedPassage>,
    /// Where the twins' passages start in `found`.
    swapped_from: usize,
    /// Every copy's passage as (its sort key, generation number), sorted.
    plan: Vec<(PassageSide, PassageSide, u32)>,
    /// Per generation number: (index into `found`, sides swapped).
    source: Vec<(u32, bool)>,
}

enum Analysed {
    /// No two texts alike: the passages, sorted.
    Distinct(Vec<SharedPassage>),
    Copies(Copies),
}

fn analyse(corpus: &Corpus, cfg: &PassageConfig) -> Analysed {
    // Articles grouped by identical text, representatives sorted by id.
    let groups = crate::pipeline::same_text(corpus.articles.iter().map(|a| a.text.as_str()));
    if groups.len() == corpus.articles.len() {
        let mut pairs = find_distinct(corpus, cfg, &[]).0;
        crate::sort::by_key(&mut pairs, |x| (x.a, x.b));
        return Analysed::Distinct(pairs);
    }
    let distinct = Corpus {
        name: corpus.name.clone(),
        articles: groups.iter().map(|g| corpus.articles[g[0] as usize].clone()).collect(),
        vocab: corpus.vocab.clone(),
    };
    let twins: Vec<u32> = (0..groups.len() as u32).filter(|&r| groups[r as usize].len() > 1).collect();
    let (mut found, selves) = find_distinct(&distinct, cfg, &twins);
    let swapped_from = found.len();
    found.extend(selves);
    // Every copy's passage as (its sort key, source passage): sorted first,
    // built after, so each is built once, in place, and the sort moves
    // small keys. The generation order breaks ties, as a stable sort of
    // the built passages would.
    let mut plan: Vec<(PassageSide, PassageSide, u32)> = Vec::new();
    // (source passage, sides swapped), by generation order.
    let mut source: Vec<(u32, bool)> = Vec::new();
    let side = |s: &PassageSide, article: u32| PassageSide { article, ..*s };
    for (i, p) in found.iter().enumerate() {
        let g = &groups[p.a.article as usize];
        if i < swapped_from {
            for &x in g {
                for &y in &groups[p.b.article as usize] {
                    let (a, b) = if x < y { (side(&p.a, x), side(&p.b, y)) } else { (side(&p.b, y), side(&p.a, x)) };
                    plan.push((a, b, source.len() as u32));
                    source.push((i as u32, x >= y));
                }
            }
        } else {
            for (k, &x) in g.iter().enumerate() {
                for &y in &g[k + 1..] {
                    plan.push((side(&p.a, x), side(&p.b, y), source.len() as u32));
                    source.push((i as u32, false));
                }
            }
        }
    }
    crate::par::sort_unstable(&mut plan);
    Analysed::Copies(Copies { found, swapped_from, plan, source })
}
