//! Which words of a row to mark, by the kind of link.
//!
//! A row is *copied* when most of its words are the same words in the
//! same order: the words of the two sides, aligned on stems (a longest
//! common subsequence), are equal for at least [`COPIED_MIN_SAME`] of them (Dice: twice
//! the equal words over the words of both sides). Copied rows mark the few
//! differences, as a code diff does: words changed on both sides, and
//! words only on one side.
//!
//! Otherwise the row is *reworded* (an independent translation, a
//! paraphrase): its differences would be most of its words, so it marks
//! what the two sides share instead, content words only (no stopwords):
//! the same word, the same stem in another form, or the same concept in
//! other words (an alias or a synonym of the concept map:
//! enlargement ~ expansion). Matches are one to one, in order first (the
//! alignment's equal words), then by stem, then by concept, leftmost first.
//!
//! Both sides of a match carry the same id, so the page can link them.
//! The concept relation comes from the build ([`related_stems`]): the page
//! has no synonym table.

use super::align::matched_runs;
use serde::{Deserialize, Serialize};

use super::concepts::{ConceptMap, STOP, STOPWORDS};
use super::{SentenceRange, SharedPassage};
use crate::model::{Article, Corpus, Span, Token};
use crate::token::fold_word;

/// The least share of equal words (Dice, on stems) for a row to count as
/// copied; below it, the row is reworded. Measured in `BENCHMARKS.md`.
pub const COPIED_MIN_SAME: f32 = 0.6;

/// What a marked word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkKind {
    /// Copied row: a word changed on the other side.
    Changed,
    /// Copied row: a word only on this side.
    Only,
    /// Reworded row: the same word on the other side.
    Exact,
    /// Reworded row: the same stem in another form.
    Stem,
    /// Reworded row: the same concept in another word (alias, synonym).
    Concept,
}

/// One marked word: its bytes in its article's text, what it is, and the
/// id its partner on the other side shares (none for [`MarkKind::Only`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordMark {
    /// The word, in the article's original text.
    pub span: Span,
    /// What it is.
    pub kind: MarkKind,
    /// Shared with its partner(s) on the other side.
    pub id: Option<u32>,
}

/// The marks of one row, each side in text order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowMarks {
    /// Copied (marks differences) or reworded (marks matches).
    pub copied: bool,
    /// The share of equal words (0..1) the decision was made on.
    pub same: f32,
    /// Side A's marks.
    pub a: Vec<WordMark>,
    /// Side B's marks.
    pub b: Vec<WordMark>,
}

/// The tokens of sentences `ranges` of `art`, in order.
fn tokens_of<'a>(art: &'a Article, ranges: &[SentenceRange]) -> Vec<&'a Token> {
    let mut out = Vec::new();
    for r in ranges {
        for i in r.start as usize..(r.end as usize).min(art.sentences.len()) {
            out.extend(art.sentence_tokens(i));
        }
    }
    out
}

/// Whether a word is worth marking as shared: not a stopword, not one letter.
fn content(art: &Article, t: &Token) -> bool {
    let w = art.text.get(t.span.range()).unwrap_or("");
    w.chars().nth(1).is_some() && !STOPWORDS.contains(&fold_word(w).as_str())
}

/// The marks of a row: sentences `ra` of `a` against `rb` of `b`, with
/// `related` the concept relation of
/// [`related_stems`] (sorted pairs of stems, smaller first). Total: empty
/// sides give no marks.
pub fn row_marks(
    (a, ra): (&Article, &[SentenceRange]),
    (b, rb): (&Article, &[SentenceRange]),
    related: &[(u32, u32)],
) -> RowMarks {
    let (ta, tb) = (tokens_of(a, ra), tokens_of(b, rb));
    let ka: Vec<u32> = ta.iter().map(|t| t.stem).collect();
    let kb: Vec<u32> = tb.iter().map(|t| t.stem).collect();
    let runs = matched_runs(&ka, &kb);
    let equal: usize = runs.iter().map(|r| r.2).sum();
    let total = ta.len() + tb.len();
    let same = if total == 0 { 0.0 } else { 2.0 * equal as f32 / total as f32 };
    let copied = same >= COPIED_MIN_SAME;
    let mut m = RowMarks { copied, same, a: Vec::new(), b: Vec::new() };
    if copied {
        differences(&runs, &ta, &tb, &mut m);
    } else {
        matches(&runs, (a, &ta), (b, &tb), related, &mut m);
    }
    crate::sort::by_key(&mut m.a, |w| w.span.start);
    crate::sort::by_key(&mut m.b, |w| w.span.start);
    m
}

/// A copied row's marks: between the runs of equal words, changed words
/// on both sides (one id per change) or words only on one side.
fn differences(runs: &[(usize, usize, usize)], ta: &[&Token], tb: &[&Token], m: &mut RowMarks) {
    let mark = |v: &mut Vec<WordMark>, ts: &[&Token], kind, id| {
        v.extend(ts.iter().map(|t| WordMark { span: t.span, kind, id }))
    };
    let (mut i0, mut j0) = (0, 0);
    for (k, &(i, j, len)) in runs.iter().enumerate() {
        let (da, db) = (&ta[i0..i], &tb[j0..j]);
        let (kind, id) =
            if da.is_empty() || db.is_empty() { (MarkKind::Only, None) } else { (MarkKind::Changed, Some(k as u32)) };
        mark(&mut m.a, da, kind, id);
        mark(&mut m.b, db, kind, id);
        (i0, j0) = (i + len, j + len);
    }
}

/// A reworded row's marks: content words matched one to one, in the
/// diff's order, then by stem, then by concept.
fn matches(
    runs: &[(usize, usize, usize)],
    (a, ta): (&Article, &[&Token]),
    (b, tb): (&Article, &[&Token]),
    related: &[(u32, u32)],
    m: &mut RowMarks,
) {
    let ca: Vec<bool> = ta.iter().map(|t| content(a, t)).collect();
    let cb: Vec<bool> = tb.iter().map(|t| content(b, t)).collect();
    let (mut used_a, mut used_b) = (vec![false; ta.len()], vec![false; tb.len()]);
    let mut next = 0u32;
    let mut pair = |i: usize, j: usize, kind: MarkKind, m: &mut RowMarks, ua: &mut [bool], ub: &mut [bool]| {
        let kind = match kind {
            MarkKind::Stem if fold_word(a.slice(ta[i].span)) == fold_word(b.slice(tb[j].span)) => MarkKind::Exact,
            k => k,
        };
        m.a.push(WordMark { span: ta[i].span, kind, id: Some(next) });
        m.b.push(WordMark { span: tb[j].span, kind, id: Some(next) });
        (ua[i], ub[j]) = (true, true);
        next += 1;
    };
    for &(i0, j0, len) in runs {
        for (i, j) in (i0..i0 + len).zip(j0..j0 + len) {
            if ca[i] && cb[j] {
                pair(i, j, MarkKind::Stem, m, &mut used_a, &mut used_b);
            }
        }
    }
    let same = |x: u32, y: u32| x == y;
    let rel = |x: u32, y: u32| related.binary_search(&(x.min(y), x.max(y))).is_ok();
    for (kind, test) in [(MarkKind::Stem, &same as &dyn Fn(u32, u32) -> bool), (MarkKind::Concept, &rel)] {
        for i in 0..ta.len() {
            if used_a[i] || !ca[i] {
                continue;
            }
            if let Some(j) = (0..tb.len()).find(|&j| !used_b[j] && cb[j] && test(ta[i].stem, tb[j].stem)) {
                pair(i, j, kind, m, &mut used_a, &mut used_b);
            }
        }
    }
}

/// The concept relation the page needs to mark reworded rows: every pair
/// of different stems, one in each side of a shared passage, that the
/// concept map relates (the same alias concept, or a common synonym
/// class). Sorted, each pair smaller stem first.
pub fn related_stems(corpus: &Corpus, pairs: &[SharedPassage]) -> Vec<(u32, u32)> {
    if pairs.is_empty() {
        return Vec::new();
    }
    let cmap = ConceptMap::new(corpus);
    let stems = |side: &super::PassageSide| -> Vec<u32> {
        let Some(art) = corpus.articles.get(side.article as usize) else { return Vec::new() };
        let mut v: Vec<u32> = tokens_of(art, &[side.sentences])
            .into_iter()
            .filter(|t| cmap.concept.get(t.stem as usize).is_some_and(|&c| c != STOP))
            .map(|t| t.stem)
            .collect();
        crate::sort::numbers(&mut v);
        v.dedup();
        v
    };
    let related = |x: u32, y: u32| {
        let (cx, cy) = (cmap.concept[x as usize], cmap.concept[y as usize]);
        let (kx, ky) = (cmap.classes.get(cx as usize), cmap.classes.get(cy as usize));
        cx == cy || kx.zip(ky).is_some_and(|(kx, ky)| kx.iter().any(|k| ky.binary_search(k).is_ok()))
    };
    let mut out = Vec::new();
    for p in pairs {
        let (sa, sb) = (stems(&p.a), stems(&p.b));
        for &x in &sa {
            for &y in sb.iter().filter(|&&y| y != x && sa.binary_search(&y).is_err()) {
                if related(x, y) {
                    out.push((x.min(y), x.max(y)));
                }
            }
        }
    }
    crate::sort::numbers(&mut out);
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passages::PassageSide;
    use crate::source::parse_jsonl;

    fn corpus(texts: &[&str]) -> Corpus {
        let mut jsonl = String::new();
        for (i, t) in texts.iter().enumerate() {
            jsonl.push_str(&serde_json::json!({"id": format!("a{i}"), "text": t}).to_string());
            jsonl.push('\n');
        }
        Corpus::build(parse_jsonl("t.jsonl", jsonl.as_bytes()).unwrap())
    }

    /// Marked words, as text, with their kind.
    type Words = Vec<(String, MarkKind)>;

    /// The marks of texts `a` and `b` as one row, the marked words, and
    /// their corpus.
    fn marks(a: &str, b: &str) -> (RowMarks, Words, Words, Corpus) {
        let c = corpus(&[a, b]);
        let all = |i: usize| vec![SentenceRange::new(0, c.articles[i].sentences.len())];
        let side = |i: usize| PassageSide { article: i as u32, span: Span::new(0, 0), sentences: all(i)[0] };
        let pass = SharedPassage { a: side(0), b: side(1), score: 1.0, links: Vec::new() };
        let related = related_stems(&c, &[pass]);
        let m = row_marks((&c.articles[0], &all(0)), (&c.articles[1], &all(1)), &related);
        let words = |art: &Article, v: &[WordMark]| v.iter().map(|w| (art.slice(w.span).to_string(), w.kind)).collect();
        let (wa, wb) = (words(&c.articles[0], &m.a), words(&c.articles[1], &m.b));
        (m, wa, wb, c)
    }

    #[test]
    fn reworded_rows_mark_matches_with_synonyms_on_both_sides() {
        let (m, wa, wb, c) = marks(
            "The two sides oppose further enlargement of NATO and call on the alliance to abandon its approaches.",
            "Both countries are against any new expansion of the North Atlantic bloc, urging it to drop its ideological stance.",
        );
        assert!(!m.copied, "same {}", m.same);
        assert!(wa.contains(&("enlargement".into(), MarkKind::Concept)), "{wa:?}");
        assert!(wb.contains(&("expansion".into(), MarkKind::Concept)), "{wb:?}");
        // Partners share an id; stopwords and unmatched words stay plain.
        let id = |v: &[WordMark], art: &Article, w: &str| v.iter().find(|x| art.slice(x.span) == w).and_then(|x| x.id);
        assert_eq!(id(&m.a, &c.articles[0], "enlargement"), id(&m.b, &c.articles[1], "expansion"));
        assert!(!wa.iter().any(|(w, _)| w == "the" || w == "of" || w == "further"), "{wa:?}");
        assert!(m.a.iter().all(|w| w.id.is_some()) && m.a.len() == m.b.len());
    }

    #[test]
    fn copied_rows_mark_only_differences() {
        let (m, wa, wb, _) = marks(
            "Russia and China oppose further enlargement of NATO, the leaders said in a joint statement on Friday.",
            "Russia and China oppose further expansion of NATO, the leaders said in a joint statement late on Friday.",
        );
        assert!(m.copied, "same {}", m.same);
        assert_eq!(wa, vec![("enlargement".to_string(), MarkKind::Changed)]);
        assert_eq!(wb, vec![("expansion".to_string(), MarkKind::Changed), ("late".to_string(), MarkKind::Only)]);
        assert_eq!(m.a[0].id, m.b[0].id);
        assert_eq!(m.b[1].id, None);
    }
}
