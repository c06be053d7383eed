//! Word-level alignment of two passages for the side-by-side view.

use serde::{Deserialize, Serialize};

use crate::model::Span;
use crate::token::{english_stemmer, stem_word, words};

/// How a stretch of words compares between the two sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlignKind {
    /// The same words (compared on stems, so "enlarge"/"enlarged" and case
    /// differences count as equal).
    Equal,
    /// Words on both sides that differ.
    Changed,
    /// Words only in A (`b` is an empty span where they would go in B).
    OnlyA,
    /// Words only in B (`a` is an empty span where they would go in A).
    OnlyB,
}

/// One step of an alignment: byte ranges relative to the two texts passed
/// to [`word_alignment`]. Ranges run from the first word's start to the
/// last word's end; the punctuation and spaces between consecutive ops
/// belong to neither and are shown as they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlignOp {
    /// Whether the words are alike, or only in one text.
    pub kind: AlignKind,
    /// The words' bytes in text A.
    pub a: Span,
    /// The words' bytes in text B.
    pub b: Span,
}

fn range_of(ws: &[(usize, usize)], start: usize, len: usize, text_len: usize) -> Span {
    if len == 0 {
        // Empty: at the start of the next word, or the end of the text.
        let at = ws.get(start).map(|w| w.0).or_else(|| ws.last().map(|w| w.1)).unwrap_or(0).min(text_len);
        return Span::new(at, at);
    }
    Span::new(ws[start].0, ws[start + len - 1].1)
}

/// Aligns the words of `a_text` and `b_text` on lowercased stems (a longest
/// common subsequence, so the fewest words marked) and returns the ops with
/// byte ranges into the original texts, in order: runs of equal words, and
/// between them the words of A and of B that differ ([`AlignKind::Changed`]
/// when both sides have some). Total: empty texts give an empty list.
pub fn word_alignment(a_text: &str, b_text: &str) -> Vec<AlignOp> {
    aligned_share(a_text, b_text).0
}

/// [`word_alignment`] and the share of words the two texts have in common:
/// twice the words aligned as equal over the words of both (Dice's
/// coefficient on the alignment; 1 for identical wording, 0 for none, and
/// 1 for two empty texts).
pub fn aligned_share(a_text: &str, b_text: &str) -> (Vec<AlignOp>, f32) {
    let stemmer = english_stemmer();
    let split = |t: &str| -> (Vec<(usize, usize)>, Vec<String>) {
        words(t).map(|(o, w)| ((o, o + w.len()), stem_word(&stemmer, w))).unzip()
    };
    let (wa, ka) = split(a_text);
    let (wb, kb) = split(b_text);
    let mut out = Vec::new();
    let (mut i0, mut j0, mut equal) = (0, 0, 0usize);
    let mut push = |kind, ai: usize, al: usize, bi: usize, bl: usize| {
        out.push(AlignOp { kind, a: range_of(&wa, ai, al, a_text.len()), b: range_of(&wb, bi, bl, b_text.len()) });
    };
    // Each run of matched words closes the differing stretch before it.
    for (i, j, len) in matched_runs(&ka, &kb) {
        let (al, bl) = (i - i0, j - j0);
        match (al, bl) {
            (0, 0) => {}
            (_, 0) => push(AlignKind::OnlyA, i0, al, j0, 0),
            (0, _) => push(AlignKind::OnlyB, i0, 0, j0, bl),
            _ => push(AlignKind::Changed, i0, al, j0, bl),
        }
        if len > 0 {
            push(AlignKind::Equal, i, len, j, len);
            equal += len;
        }
        (i0, j0) = (i + len, j + len);
    }
    let words = ka.len() + kb.len();
    (out, if words == 0 { 1.0 } else { (2 * equal) as f32 / words as f32 })
}

/// Cells of the table above which [`matched_runs`] gives up on the middle
/// of two texts (after their common start and end): 4 M cells, 16 MB.
const TABLE_MAX: usize = 4 << 20;

/// The runs of equal items of a longest common subsequence of `a` and `b`,
/// as `(start in a, start in b, length)` in order, ending with the empty
/// run `(a.len(), b.len(), 0)`. Dynamic programming on the middle (a few
/// dozen words for a passage); a middle too large to tabulate is left
/// unmatched.
pub(crate) fn matched_runs<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize, usize)> {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..].iter().rev().zip(b[pre..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (ma, mb) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    let mut pairs: Vec<(usize, usize)> = (0..pre).map(|k| (k, k)).collect();
    let (n, m) = (ma.len(), mb.len());
    if n > 0 && m > 0 && (n + 1) * (m + 1) <= TABLE_MAX {
        // len[i][j]: the LCS of ma[i..] and mb[j..].
        let w = m + 1;
        let mut len = vec![0u32; (n + 1) * w];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                len[i * w + j] = if ma[i] == mb[j] {
                    len[(i + 1) * w + j + 1] + 1
                } else {
                    len[(i + 1) * w + j].max(len[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n && j < m {
            if ma[i] == mb[j] {
                pairs.push((pre + i, pre + j));
                (i, j) = (i + 1, j + 1);
            } else if len[(i + 1) * w + j] >= len[i * w + j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    pairs.extend((0..suf).map(|k| (a.len() - suf + k, b.len() - suf + k)));
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    for (i, j) in pairs {
        match runs.last_mut() {
            Some(r) if r.0 + r.2 == i && r.1 + r.2 == j => r.2 += 1,
            _ => runs.push((i, j, 1)),
        }
    }
    runs.push((a.len(), b.len(), 0));
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_on_stems_and_keeps_original_ranges() {
        let a = "The parties oppose further NATO enlargement.";
        let b = "the Parties are opposed to a new NATO expansion";
        let ops = word_alignment(a, b);
        let text = |t: &str, s: Span| t[s.range()].to_string();
        assert_eq!(ops[0].kind, AlignKind::Equal);
        assert_eq!(text(a, ops[0].a), "The parties");
        assert_eq!(text(b, ops[0].b), "the Parties");
        assert!(ops.iter().any(|o| o.kind == AlignKind::Equal && text(a, o.a) == "NATO"));
        assert!(ops.iter().any(|o| o.kind == AlignKind::Changed && text(a, o.a) == "enlargement"));
        assert!(word_alignment("", "").is_empty());
        let only_b = word_alignment("", "new words");
        assert_eq!(only_b, vec![AlignOp { kind: AlignKind::OnlyB, a: Span::new(0, 0), b: Span::new(0, 9) }]);
        // 4 equal words of 6 + 9: the parties, NATO and "oppose(d)".
        assert_eq!(aligned_share(a, b).1, 8.0 / 15.0);
        assert_eq!(aligned_share("Same words here.", "same Words here").1, 1.0);
    }

    /// The length of a longest common subsequence, by plain recursion.
    fn lcs(a: &[u8], b: &[u8]) -> usize {
        match (a.split_first(), b.split_first()) {
            (Some((x, ra)), Some((y, rb))) if x == y => 1 + lcs(ra, rb),
            (Some((_, ra)), Some((_, rb))) => lcs(ra, b).max(lcs(a, rb)),
            _ => 0,
        }
    }

    #[test]
    fn matched_runs_are_a_longest_common_subsequence() {
        // Every pair of strings over {a, b, c} up to 5 long, against each other.
        let mut all: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..5 {
            let next: Vec<Vec<u8>> = all
                .iter()
                .filter(|v| v.len() == all.last().map_or(0, |l| l.len()))
                .flat_map(|v| b"abc".iter().map(move |&c| [v.clone(), vec![c]].concat()))
                .collect();
            all.extend(next);
        }
        let sample: Vec<&Vec<u8>> = all.iter().step_by(7).collect();
        for a in &sample {
            for b in &sample {
                let runs = matched_runs(&a[..], &b[..]);
                let (mut i, mut j, mut total) = (0, 0, 0);
                for &(ri, rj, len) in &runs {
                    assert!(ri >= i && rj >= j, "runs in order: {a:?} {b:?} {runs:?}");
                    assert_eq!(a[ri..ri + len], b[rj..rj + len], "runs match");
                    (i, j, total) = (ri + len, rj + len, total + len);
                }
                assert_eq!(runs.last(), Some(&(a.len(), b.len(), 0)));
                assert_eq!(total, lcs(a, b), "{a:?} {b:?}");
            }
        }
    }
}
