//! Word-level alignment of two passages for the side-by-side view.

use serde::{Deserialize, Serialize};
use similar::algorithms::{myers, Capture, Compact, Replace};
use similar::DiffOp;

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

/// Aligns the words of `a_text` and `b_text` (Myers' diff from `similar`,
/// on lowercased stems) and returns the ops with byte ranges into the
/// original texts, in order. Total: empty texts give an empty list.
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
    // Plain Myers (exact, no speed-up heuristics), with similar's usual
    // clean-up (`Compact`, `Replace`): `capture_diff_slices` would add a
    // hashing pre-pass and a second compiled Myers, 10 KB of wasm, for
    // passages that are a few dozen words long.
    let mut hook = Compact::new(Replace::new(Capture::new()), &ka[..], &kb[..]);
    let Ok(()) = myers::diff_deadline_raw(&mut hook, &ka[..], 0..ka.len(), &kb[..], 0..kb.len(), None);
    let ops = hook.into_inner().into_inner().into_ops();
    let mut out = Vec::with_capacity(ops.len());
    let mut equal = 0usize;
    for op in ops {
        let (kind, ai, al, bi, bl) = match op {
            DiffOp::Equal { old_index, new_index, len } => {
                equal += len;
                (AlignKind::Equal, old_index, len, new_index, len)
            }
            DiffOp::Delete { old_index, old_len, new_index } => (AlignKind::OnlyA, old_index, old_len, new_index, 0),
            DiffOp::Insert { old_index, new_index, new_len } => (AlignKind::OnlyB, old_index, 0, new_index, new_len),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                (AlignKind::Changed, old_index, old_len, new_index, new_len)
            }
        };
        out.push(AlignOp { kind, a: range_of(&wa, ai, al, a_text.len()), b: range_of(&wb, bi, bl, b_text.len()) });
    }
    let words = ka.len() + kb.len();
    (out, if words == 0 { 1.0 } else { (2 * equal) as f32 / words as f32 })
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
}
