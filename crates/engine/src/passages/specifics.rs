//! What tells a shared fact from a shared frame: names, numbers and
//! table rows.
//!
//! - *Names*: stems the corpus writes with a capital inside sentences more
//!   often than without (after the first word, outside headlines in title
//!   case). Names and numbers are a sentence's *specifics*; the rest of
//!   its distinctive concepts its *content*.
//! - A link needs shared content ([`PassageConfig::min_content`]): a shared
//!   name (or several words of one name) alone is never enough.
//! - Two sentences *contradict* when they share no specific and each has
//!   figures the other lacks, or two specifics: the same frame about different companies,
//!   people, places or figures ("X said it named Y president", "tender
//!   for 100,000 tonnes" against "for 200,000 tonnes"). They never link.
//! - *Table rows* ("Net 20.6 mln vs 16.1 mln") are not prose: a sentence
//!   without final punctuation of which at least a quarter of the words,
//!   and two or more, are figures. They carry no concepts.
//!
//! [`PassageConfig::min_content`]: super::PassageConfig::min_content

use super::concepts::ConceptMap;
use super::feat::Feat;
use crate::model::{Article, Corpus, Sentence, Token};

/// Whether a token is a figure (it starts with a digit).
fn is_figure(text: &str, t: &Token) -> bool {
    text.get(t.span.range()).is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether `sent` of `art` is a table row rather than prose (see the
/// module doc).
pub(super) fn table_like(art: &Article, sent: &Sentence) -> bool {
    let f = sent.first_token as usize;
    let toks = art.tokens.get(f..f + sent.token_count as usize).unwrap_or(&[]);
    let figures = toks.iter().filter(|t| is_figure(&art.text, t)).count();
    let end = art.text.get(sent.span.range()).unwrap_or("").trim_end();
    let closed = end.ends_with(['.', '!', '?', '"', '\'', '”', '’', '»', ')', ':', ';']);
    !closed && figures >= 2 && figures * 4 >= toks.len()
}

/// Marks as names the stems of `corpus` written with a capital more often
/// than without, inside sentences (not their first word, nor the word
/// after a quotation mark or colon), in sentences not mostly capitalised.
pub(super) fn mark_names(cmap: &mut ConceptMap, corpus: &Corpus) {
    let nv = corpus.vocab.len();
    let (mut upper, mut lower) = (vec![0u32; nv], vec![0u32; nv]);
    for art in &corpus.articles {
        for sent in &art.sentences {
            let f = sent.first_token as usize;
            let toks = art.tokens.get(f..f + sent.token_count as usize).unwrap_or(&[]);
            let word = |t: &Token| art.text.get(t.span.range()).unwrap_or("");
            let caps = toks.iter().filter(|t| word(t).starts_with(char::is_uppercase)).count();
            if caps * 2 > toks.len() {
                continue; // a headline in title case, or capitals
            }
            for (k, t) in toks.iter().enumerate().skip(1) {
                let gap = art.text.get(toks[k - 1].span.end as usize..t.span.start as usize).unwrap_or("");
                if gap.contains(['"', '“', '«', ':', '(', '\'', '`', '‘']) {
                    continue;
                }
                let w = word(t);
                let Some(first) = w.chars().next() else { continue };
                let s = t.stem as usize;
                if s >= nv {
                    continue;
                }
                if first.is_uppercase() {
                    upper[s] += 1;
                } else if first.is_lowercase() {
                    lower[s] += 1;
                }
            }
        }
    }
    for s in 0..nv {
        if upper[s] > lower[s] && cmap.concept.get(s) == Some(&(s as u32)) {
            cmap.mark_name(s as u32);
        }
    }
}

/// Per concept index of a sentence (`pos`: each occurrence's), whether it
/// starts a name: a name whose previous concept in text order is not one
/// (stopwords between do not count: "Goldman, Sachs and Co" is one name).
/// As bits, `words` words.
pub(super) fn name_heads(occ: &[(u32, bool)], pos: &[u16], cmap: &ConceptMap, words: usize) -> Vec<u64> {
    let mut heads = vec![0u64; words];
    let mut prev = false;
    for (&(c, _), &p) in occ.iter().zip(pos) {
        let name = cmap.is_name(c);
        if name && !prev {
            heads[p as usize / 64] |= 1 << (p % 64);
        }
        prev = name;
    }
    heads
}

/// Whether a concept is a specific: a name or a figure (not an actor's
/// alias, which is generic).
fn specific(cmap: &ConceptMap, c: u32) -> bool {
    (cmap.is_name(c) || cmap.is_numeric(c)) && !cmap.is_generic(c)
}

/// Whether `x` and `y` contradict: they share no specific, and each has
/// figures the other lacks, or two names or figures (see the module doc).
pub(super) fn contradicts(x: &Feat, y: &Feat, cmap: &ConceptMap) -> bool {
    // Per side: specifics the other lacks, and figures among them.
    let (mut x_only, mut y_only) = ((0, 0), (0, 0));
    let count = |side: &mut (usize, usize), c: u32| {
        if specific(cmap, c) {
            side.0 += 1;
            side.1 += cmap.is_numeric(c) as usize;
        }
    };
    let (xs, ys) = (&x.concepts, &y.concepts);
    let (mut i, mut j) = (0, 0);
    while i < xs.len() || j < ys.len() {
        match (xs.get(i).map(|p| p.0), ys.get(j).map(|p| p.0)) {
            (Some(a), Some(b)) if a == b => {
                if specific(cmap, a) {
                    return false;
                }
                i += 1;
                j += 1;
            }
            (Some(a), b) if b.is_none_or(|b| a < b) => {
                count(&mut x_only, a);
                i += 1;
            }
            (_, Some(b)) => {
                count(&mut y_only, b);
                j += 1;
            }
            _ => break,
        }
    }
    x_only.1 > 0 && y_only.1 > 0
}
