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

use std::collections::HashMap;

use super::{find_distinct, PassageConfig, PassageSide, SentenceLink, SharedPassage};
use crate::model::Corpus;

/// Every shared passage of `corpus`, unsorted.
pub(super) fn find(corpus: &Corpus, cfg: &PassageConfig) -> Vec<SharedPassage> {
    let groups = groups(corpus);
    if groups.len() == corpus.articles.len() {
        return find_distinct(corpus, cfg, &[]).0;
    }
    let distinct = Corpus {
        name: corpus.name.clone(),
        articles: groups.iter().map(|g| corpus.articles[g[0] as usize].clone()).collect(),
        vocab: corpus.vocab.clone(),
    };
    let twins: Vec<u32> = (0..groups.len() as u32).filter(|&r| groups[r as usize].len() > 1).collect();
    let (pairs, selves) = find_distinct(&distinct, cfg, &twins);
    let mut out = Vec::new();
    for p in &pairs {
        for &x in &groups[p.a.article as usize] {
            for &y in &groups[p.b.article as usize] {
                out.push(relabel(p, x, y));
            }
        }
    }
    for p in &selves {
        let g = &groups[p.a.article as usize];
        for (i, &x) in g.iter().enumerate() {
            for &y in &g[i + 1..] {
                out.push(relabel(p, x, y));
            }
        }
    }
    out
}

/// Articles grouped by identical text: each group ascending, groups in the
/// order of their first article (so the representatives stay sorted by id).
fn groups(corpus: &Corpus) -> Vec<Vec<u32>> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut groups: Vec<Vec<u32>> = Vec::new();
    for (i, a) in corpus.articles.iter().enumerate() {
        let next = groups.len();
        let g = *index.entry(a.text.as_str()).or_insert(next);
        if g == next {
            groups.push(Vec::new());
        }
        groups[g].push(i as u32);
    }
    groups
}

/// `p` between articles `x` (its side A's copy) and `y` (side B's), with
/// the smaller article on side A.
fn relabel(p: &SharedPassage, x: u32, y: u32) -> SharedPassage {
    let side = |s: &PassageSide, article: u32| PassageSide { article, ..*s };
    if x < y {
        SharedPassage { a: side(&p.a, x), b: side(&p.b, y), score: p.score, links: p.links.clone() }
    } else {
        let mut links: Vec<SentenceLink> =
            p.links.iter().map(|l| SentenceLink { a: l.b, b: l.a, score: l.score }).collect();
        links.sort_by_key(|l| (l.a, l.b));
        SharedPassage { a: side(&p.b, y), b: side(&p.a, x), score: p.score, links }
    }
}
