//! Which scored candidates link: a pair passes the bar of IDF-weighted
//! containment and distinctive evidence (the `LinkBar`), or a sentence
//! split in two by one translation matches the union of two adjacent ones
//! (1-to-2), or a third article corroborates a pair just below the bar.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::feat::{passes, passes_evidence, score_pair, Feat, Score};
use super::matcher::Matcher;
use super::{SentenceLink, SentenceRange};

/// Links between sentences, per pair of articles `(a, b)`, `a < b`: the
/// pairs that pass, plus 1-to-2 matches (one translation split a sentence
/// in two) where both halves were candidates on their own.
pub(super) fn link_sentences(m: &Matcher, scored: &[(u32, u32, Score)]) -> BTreeMap<(u32, u32), Vec<SentenceLink>> {
    let Matcher { cmap, owner, feats, cfg, .. } = m;
    let link = &cfg.link_bar();
    let n = feats.len();
    let cands: FxHashMap<(u32, u32), f32> =
        scored.iter().flat_map(|&(i, j, s)| [((i, j), s.score), ((j, i), s.score)]).collect();
    let mut unions: FxHashMap<usize, Feat> = FxHashMap::default();
    let mut links: BTreeMap<(u32, u32), Vec<SentenceLink>> = BTreeMap::new();
    let same_art = |x: usize, y: usize| y < n && owner[x].0 == owner[y].0;
    let corroborated = corroborated(m, scored);
    for &(i, j, s) in scored {
        let (i, j) = (i as usize, j as usize);
        let (aa, sa) = owner[i];
        let (ab, sb) = owner[j];
        // Normalise so that a is the lower article index.
        let (a_art, a_si, b_art, b_si, gi, gj) = if aa <= ab { (aa, sa, ab, sb, i, j) } else { (ab, sb, aa, sa, j, i) };
        let mut push = |a0: u32, a1: u32, b0: u32, b1: u32, sc: f32| {
            links.entry((a_art, b_art)).or_default().push(SentenceLink {
                a: SentenceRange { start: a0, end: a1 },
                b: SentenceRange { start: b0, end: b1 },
                score: sc,
            });
        };
        if passes(s, link) || corroborated.binary_search(&(i as u32, j as u32)).is_ok() {
            push(a_si, a_si + 1, b_si, b_si + 1, s.score);
        }
        // 1-to-2: the other side split this sentence in two.
        let mut best: Option<(Score, bool, usize)> = None;
        for (side_a, x, y) in [(false, gi, gj), (true, gj, gi)] {
            // Merge y with the sentence after it; both halves must have been
            // candidates with x on their own (so each union is tried from
            // its first half only).
            let (lo, hi) = (y, y + 1);
            let Some(&s_hi) = cands.get(&(x as u32, hi as u32)) else { continue };
            if !same_art(y, hi) || hi == x {
                continue;
            }
            if feats[lo].concepts.len() < 3 || feats[hi].concepts.len() < 3 {
                continue;
            }
            let u = unions.entry(lo).or_insert_with(|| m.union(lo));
            let su = score_pair(&feats[x], u, cmap, link);
            let gain = su.score >= s.score.max(s_hi) + cfg.split_gain;
            if passes(su, link) && gain && best.is_none_or(|b| su.score > b.0.score) {
                best = Some((su, side_a, lo));
            }
        }
        if let Some((su, merged_is_a, lo)) = best {
            let lo_si = owner[lo].1;
            if merged_is_a {
                push(lo_si, lo_si + 2, b_si, b_si + 1, su.score);
            } else {
                push(a_si, a_si + 1, lo_si, lo_si + 2, su.score);
            }
        }
    }
    links
}

/// Candidate pairs `(i, j)` (as in `scored`, sorted) below the score bar
/// that a third article corroborates: one of its sentences links to both
/// (the same clause carried by three articles, in three wordings). They
/// need `corroborated_min_score` and the evidence of any link.
fn corroborated(m: &Matcher, scored: &[(u32, u32, Score)]) -> Vec<(u32, u32)> {
    let Matcher { owner, feats, cfg, .. } = m;
    let link = &cfg.link_bar();
    if cfg.corroborated_min_score <= 0.0 {
        return Vec::new();
    }
    // Per sentence its passing partners, per pair of articles its links.
    let mut adj: Vec<Vec<u32>> = vec![Vec::new(); feats.len()];
    let mut by_pair: std::collections::HashMap<(u32, u32), Vec<(u32, u32)>> = Default::default();
    for &(i, j, s) in scored {
        if passes(s, link) {
            adj[i as usize].push(j);
            adj[j as usize].push(i);
            by_pair.entry((owner[i as usize].0, owner[j as usize].0)).or_default().push((i, j));
        }
    }
    for v in &mut adj {
        crate::sort::numbers(v);
    }
    let mut out: Vec<(u32, u32)> = scored
        .iter()
        .filter(|&&(i, j, s)| {
            let weak = s.score >= cfg.corroborated_min_score
                && !passes(s, link)
                && passes_evidence(s, link)
                && s.distinct_weight >= cfg.min_distinct_share * s.weight;
            let (ai, aj) = (owner[i as usize].0, owner[j as usize].0);
            // The two articles share other passages: the same event.
            let others = |ls: Option<&Vec<(u32, u32)>>| {
                ls.map_or(0, |v| v.iter().filter(|&&(x, y)| x != i && x != j && y != i && y != j).count())
            };
            weak && others(by_pair.get(&(ai, aj))) + others(by_pair.get(&(aj, ai))) >= cfg.corroborated_pair_links
                && adj[i as usize].iter().any(|&z| {
                    let az = owner[z as usize].0;
                    az != ai
                        && az != aj
                        && adj[j as usize].binary_search(&z).is_ok()
                        && common_distinct(m, i as usize, j as usize, z as usize) >= cfg.min_distinct
                })
        })
        .map(|&(i, j, _)| (i, j))
        .collect();
    crate::sort::numbers(&mut out);
    out
}

/// Distinctive concepts of sentence `x` that `y` and `z` both match (the
/// same concept or a synonym): the content the three sentences share.
fn common_distinct(m: &Matcher, x: usize, y: usize, z: usize) -> usize {
    let cmap = &m.cmap;
    let has = |f: &Feat, c: u32| {
        f.concepts.binary_search_by_key(&c, |p| p.0).is_ok()
            || cmap.classes[c as usize].iter().any(|k| f.classes.binary_search(k).is_ok())
    };
    let (fy, fz) = (&m.feats[y], &m.feats[z]);
    m.feats[x].concepts.iter().filter(|&&(c, _)| !cmap.is_generic(c) && has(fy, c) && has(fz, c)).count()
}
