//! Boilerplate learned from the corpus itself: a line that articles of one
//! site carry verbatim although they report different stories is the
//! site's furniture ("The Ledger relies on readers like you. Become a
//! member today."), whatever its wording.
//!
//! Copying is what Parallax looks for, so repetition alone proves nothing:
//! outlets copy wire paragraphs and quotes verbatim, and one site reprints
//! its own background paragraph in every update of a story. A repeated
//! line is learned only when
//!
//! * it is no quotation (no quotation mark: quotes are news);
//! * its carriers are of **one site** (same outlet, or same web host), when
//!   the corpus says;
//! * its carriers report **different stories**: their other text shares
//!   few words (Jaccard of their content words below [`SAME_STORY`]), so
//!   the line is not part of a story they report;
//! * and either it has a **cue word** of `data/furniture.txt` (subscribe,
//!   newsletter, copyright, feed, newsroom, …) and most pairs of its
//!   carriers are different stories, or it is **long** ([`LONG_LINE`]
//!   words), at least three articles carry it and every pair of them is a
//!   different story (below [`OTHER_STORY`]): generic news sentences that
//!   recur in unrelated stories ("No one was injured.") are short, copied
//!   news recurs in articles on one story.
//!
//! On ECB+, articles on one event have a median Jaccard of 0.15 (5 % below
//! 0.04), articles on different events 0.03 (95 % below 0.07): one pair
//! says little, so the rules ask for most or all pairs.

use std::collections::{BTreeMap, BTreeSet};

use crate::furniture;

/// Below this Jaccard similarity of their content words, two articles
/// report different stories (for a line with a cue word).
const SAME_STORY: f64 = 0.12;
/// The stricter bar for a long line without a cue word.
const OTHER_STORY: f64 = 0.08;
/// A line this long (words) needs no cue word.
const LONG_LINE: usize = 20;
/// Longest line (words) considered.
const MAX_WORDS: usize = 80;
/// Carriers of one line compared pairwise, at most.
const MAX_CARRIERS: usize = 12;

/// A word's hash, lower-cased, without allocating.
pub(crate) fn word_hash(w: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for c in w.chars().flat_map(char::to_lowercase) {
        h.write_u32(c as u32);
    }
    h.finish()
}

fn split_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// What one text contributes: its candidate lines (normalised) and its
/// content words (hashed).
pub(crate) struct TextProfile {
    candidates: Vec<String>,
    content: Vec<u64>,
}

/// Profiles one text's lines (`lines[0]`, the headline, is never a
/// candidate).
pub(crate) fn profile(lines: &[&str]) -> TextProfile {
    let mut candidates = Vec::new();
    let mut content = Vec::new();
    let mut w: Vec<(u64, usize)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        w.clear();
        w.extend(split_words(l).take(MAX_WORDS + 1).map(|x| (word_hash(x), x.len())));
        let cue = w.iter().any(|&(h, _)| furniture::is_cue_hash(h));
        let quote =
            l.contains(['"', '“', '”', '«', '»', '„']) || l.contains("``") || l.contains("''") || l.starts_with('\'');
        if i > 0 && !quote && (3..=MAX_WORDS).contains(&w.len()) && (cue || w.len() >= LONG_LINE) {
            candidates.push(split_words(l).map(str::to_lowercase).collect::<Vec<_>>().join(" "));
        }
        if !cue && w.len() >= 8 {
            content.extend(w.iter().filter(|&&(_, n)| n >= 4).map(|&(h, _)| h));
        }
    }
    crate::sort::ord(&mut candidates);
    candidates.dedup();
    crate::sort::ord(&mut content);
    content.dedup();
    TextProfile { candidates, content }
}

/// Jaccard similarity of two sorted, deduplicated word lists.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        1.0
    } else {
        both as f64 / union as f64
    }
}

/// For each text, its lines (normalised) learned as furniture. `sites[i]`
/// is the site of text `i`, if known; texts without one form one group.
pub(crate) fn learn(profiles: &[TextProfile], sites: &[Option<String>]) -> Vec<BTreeSet<String>> {
    let mut carriers: BTreeMap<(Option<&str>, &str), Vec<usize>> = BTreeMap::new();
    for (i, p) in profiles.iter().enumerate() {
        let site = sites.get(i).and_then(|s| s.as_deref());
        for c in &p.candidates {
            carriers.entry((site, c.as_str())).or_default().push(i);
        }
    }
    let mut out = vec![BTreeSet::new(); profiles.len()];
    for ((_, line), texts) in carriers {
        if texts.len() < 2 {
            continue;
        }
        let some = &texts[..texts.len().min(MAX_CARRIERS)];
        let sims: Vec<f64> = some
            .iter()
            .enumerate()
            .flat_map(|(n, &a)| some[n + 1..].iter().map(move |&b| (a, b)))
            .map(|(a, b)| jaccard(&profiles[a].content, &profiles[b].content))
            .collect();
        let cue = line.split(' ').any(|x| furniture::is_cue_hash(word_hash(x)));
        let learned = if cue {
            sims.iter().filter(|&&j| j < SAME_STORY).count() * 2 > sims.len()
        } else {
            some.len() >= 3 && sims.iter().all(|&j| j < OTHER_STORY)
        };
        if learned {
            for &t in &texts {
                out[t].insert(line.to_string());
            }
        }
    }
    out
}
