//! Paragraphs and sentences, with byte offsets into the original text.
//!
//! A paragraph is one kept line. Sentences are found by a rule-based
//! splitter in the spirit of pragmatic_segmenter's "Golden Rules":
//! a sentence ends at `.`, `!`, `?` or `…` (plus any closing quotes and
//! brackets) when whitespace follows and the next word starts a sentence
//! (capital letter, digit, opening quote or bracket), and the period does
//! not end an abbreviation (`U.S.`, `Feb.`, `Mr.`, initials). A period
//! followed by a lower-case word is not a boundary: machine translation
//! leaves stray periods mid-sentence ("in good faith their commitments.
//! and that they …").

use crate::clean::{ends_like_sentence, Line};
use crate::model::{Paragraph, ParagraphKind, Removed, Span};

pub struct Segmented {
    pub paragraphs: Vec<Paragraph>,
    /// Sentence spans with their paragraph index (tokens filled later).
    pub sentences: Vec<(Span, u32)>,
    pub removed: Vec<Removed>,
}

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov",
    "sen", "rep", "pres", "rev", "hon", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "est", "approx", "fig", "vol", "pp", "e.g",
    "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "ave", "blvd", "rd", "cf", "al",
];

const CLOSERS: &[char] = &['"', '\'', '’', '”', '»', ')', ']', '}'];
const OPENERS: &[char] = &['"', '\'', '‘', '“', '«', '(', '[', '¿', '¡', '—', '–', '-'];

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

/// The word immediately before byte `i` (letters, digits and inner dots).
fn word_before(s: &str, i: usize) -> &str {
    let head = &s[..i];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map(|(j, _)| j)
        .unwrap_or(i);
    &head[start..]
}

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches('.').to_lowercase();
    if w.is_empty() {
        return false;
    }
    // Initials and dotted acronyms: "J.", "U.S", "e.g".
    if w.chars().count() == 1 && w.chars().all(char::is_alphabetic) {
        return true;
    }
    if w.contains('.') && w.split('.').all(|p| p.chars().count() <= 2 && !p.is_empty()) {
        return true;
    }
    ABBREVIATIONS.contains(&w.as_str())
}

/// Does the text at the start of `rest` (after whitespace) begin a new
/// sentence?
fn starts_sentence(rest: &str) -> bool {
    let mut chars = rest.chars().skip_while(|c| OPENERS.contains(c) || c.is_whitespace());
    match chars.next() {
        Some(c) => {
            c.is_uppercase() || c.is_numeric() || !c.is_alphabetic() && !c.is_ascii_punctuation() || is_caseless(c)
        }
        None => false,
    }
}

/// Letters of scripts without case (CJK, Arabic, …) can start a sentence.
fn is_caseless(c: char) -> bool {
    c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase()
}

/// Splits `s` into sentence ranges `(start, end)` relative to `s`, trimmed.
pub fn split_sentences(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = s.len();
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_terminal(c) {
            continue;
        }
        // "(…)" marks an omission, not an ending.
        if c == '…' && s[..i].ends_with('(') {
            continue;
        }
        // Consume the run of terminals and closers.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if is_terminal(d) || CLOSERS.contains(&d) {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = &s[end..];
        let cjk = matches!(c, '。' | '！' | '？');
        if !cjk && !rest.starts_with(char::is_whitespace) && !rest.is_empty() {
            continue;
        }
        if !rest.trim().is_empty() && !starts_sentence(rest) {
            continue;
        }
        if c == '.' && end == i + 1 && is_abbreviation(word_before(s, i)) {
            continue;
        }
        push_trimmed(s, start, end, &mut out);
        start = end;
    }
    if start < bytes {
        push_trimmed(s, start, bytes, &mut out);
    }
    out
}

fn push_trimmed(s: &str, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &s[a..b];
    let lead = piece.len() - piece.trim_start().len();
    let t = piece.trim();
    if !t.is_empty() {
        out.push((a + lead, a + lead + t.len()));
    }
}

/// Segments an article whose lines were classified by [`crate::clean`].
pub fn segment_article(text: &str, lines: &[Line]) -> Segmented {
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    let mut removed = Vec::new();
    for line in lines {
        if let Some(reason) = line.removed {
            removed.push(Removed { span: line.span, reason });
            continue;
        }
        let t = &text[line.span.range()];
        let word_count = t.split_whitespace().count();
        let kind = if paragraphs.is_empty() && word_count <= 30 && !ends_like_sentence(t) {
            ParagraphKind::Title
        } else if word_count <= 12 && !ends_like_sentence(t) {
            ParagraphKind::Heading
        } else {
            ParagraphKind::Body
        };
        let p = paragraphs.len() as u32;
        let first = sentences.len() as u32;
        let base = line.span.start as usize;
        if kind == ParagraphKind::Body {
            for (a, b) in split_sentences(t) {
                sentences.push((Span::new(base + a, base + b), p));
            }
        } else {
            sentences.push((line.span, p));
        }
        paragraphs.push(Paragraph {
            span: line.span,
            kind,
            first_sentence: first,
            sentence_count: sentences.len() as u32 - first,
        });
    }
    Segmented { paragraphs, sentences, removed }
}
