//! Candidate sentence pairs: an inverted index of rare keys (concepts and
//! synonym classes found in at most `max_df` sentences) finds
//! the pairs that share enough rare evidence to be worth scoring. No
//! all-pairs scan.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::feat::{score_pair, Score};
use super::matcher::{idf, Matcher};
use crate::par::chunked;

/// Identical sentences (wire copy repeated across outlets) score the same:
/// each gets the number of its first copy, so that each distinct pair of
/// them is scored once.
pub(super) fn canonical(m: &Matcher) -> Vec<u32> {
    let n = m.feats.len();
    type Sentence<'a> = (&'a [(u32, bool)], &'a [u32]);
    let mut canon_of: FxHashMap<Sentence, u32> = FxHashMap::default();
    (0..n)
        .map(|i| {
            let next = canon_of.len() as u32;
            *canon_of.entry((&m.occurrences[i], &m.clauses[i])).or_insert(next)
        })
        .collect()
}

/// The inverted index of rare keys: concepts, then synonym classes (offset
/// by the number of concepts).
struct RareIndex {
    /// Per key, the global sentences that have it, ascending.
    postings: Vec<Vec<u32>>,
    /// Per sentence: its rare keys with their evidence and whether they
    /// are distinctive (an identical concept that is not generic).
    keys_of: Vec<Vec<(u32, f32, bool)>>,
}

impl RareIndex {
    fn new(m: &Matcher) -> RareIndex {
        let Matcher { cmap, feats, class_df, cfg, owner, rarity, .. } = m;
        let n = feats.len();
        let nc = cmap.concept_count as usize;
        let idf = |d: u32| idf(n, d);
        let cap = cfg.max_df;
        let class_ids: BTreeMap<u32, u32> = class_df
            .iter()
            .filter(|(_, &d)| d >= 2 && d <= cap)
            .enumerate()
            .map(|(i, (&c, _))| (c, i as u32))
            .collect();
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); nc + class_ids.len()];
        let mut keys_of: Vec<Vec<(u32, f32, bool)>> = Vec::with_capacity(n);
        for (i, f) in feats.iter().enumerate() {
            let mut keys = Vec::new();
            for &(c, w) in &f.concepts {
                // Rare in the sentence's own series (see `rarity.rs`).
                let d = rarity.df(owner[i].0, c).1;
                if d >= 2 && d <= cap {
                    keys.push((c, w, !cmap.is_generic(c)));
                }
            }
            for cl in &f.classes {
                if let Some(&k) = class_ids.get(cl) {
                    keys.push((nc as u32 + k, idf(class_df[cl]) * cfg.synonym_weight * 0.5, false));
                }
            }
            for &(k, _, _) in &keys {
                postings[k as usize].push(i as u32);
            }
            keys_of.push(keys);
        }
        RareIndex { postings, keys_of }
    }
}

/// Candidate sentence pairs `(i, j, score)`, `i < j` global sentence
/// numbers, from an inverted index of rare keys: a pair is scored exactly
/// only when the evidence its rare keys share could let it pass.
pub(super) fn candidates(m: &Matcher, canon: &[u32]) -> Vec<(u32, u32, Score)> {
    let Matcher { cmap, owner, feats, cfg, .. } = m;
    let link = &cfg.link_bar();
    let n = feats.len();
    let RareIndex { postings, keys_of } = RareIndex::new(m);
    chunked(n, |range| {
        let mut memo: FxHashMap<(u32, u32), Score> = FxHashMap::default();
        let mut acc = vec![0f32; n];
        let mut hits = vec![0u16; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut scored: Vec<(u32, u32, Score)> = Vec::new();
        for i in range {
            let ai = owner[i].0;
            for &(k, w, distinct) in &keys_of[i] {
                let p = &postings[k as usize];
                let from = p.partition_point(|&j| j as usize <= i);
                for &j in &p[from..] {
                    let ju = j as usize;
                    if !cfg.same_article && owner[ju].0 == ai {
                        continue;
                    }
                    if acc[ju] == 0.0 && hits[ju] == 0 {
                        touched.push(j);
                    }
                    acc[ju] += w;
                    hits[ju] += distinct as u16;
                }
            }
            crate::sort::numbers(&mut touched);
            for &j in &touched {
                let ju = j as usize;
                // Enough rare evidence, at least one piece of it distinctive.
                if acc[ju] >= cfg.min_weight * cfg.candidate_share && (hits[ju] >= 2 || acc[ju] >= cfg.min_weight) {
                    let s = *memo
                        .entry((canon[i], canon[ju]))
                        .or_insert_with(|| score_pair(&feats[i], &feats[ju], cmap, link));
                    if s.score >= cfg.split_min_score {
                        scored.push((i as u32, j, s));
                    }
                }
                acc[ju] = 0.0;
                hits[ju] = 0;
            }
            touched.clear();
        }
        scored
    })
}
