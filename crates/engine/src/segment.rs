//! Paragraphs and sentences, with byte offsets into the original text.
//!
//! A paragraph is one kept line. Sentences are found by a rule-based
//! splitter in the spirit of pragmatic_segmenter's "Golden Rules" (see
//! `tests/text_golden_rules.rs`): a sentence ends at `.`, `!`, `?`, `…` or
//! CJK `。！？` (plus any closing quotes and brackets) when the next word can
//! start a sentence (capital letter, digit, opening quote or bracket, a
//! caseless script), and the period does not end an abbreviation (`U.S.`,
//! `Feb.`, `Mr.`, initials) unless a typical sentence opener follows. A
//! period followed by a lower-case word or a closing quote is not a
//! boundary: machine translation leaves stray periods mid-sentence ("in
//! good faith their commitments. and that they …", "he said. ”, he
//! said."). Ellipses of three dots, omissions `(…)` / `[...]`, decimals and
//! inline numbered lists are handled; see [`split_sentences`].
//!
//! Every scan is local (a bounded look-around), so a pathological line of
//! 100,000 characters costs linear time.

use crate::clean::{ends_like_sentence, Line};
use crate::model::{Paragraph, ParagraphKind, RemovalReason, Removed, Span};

/// An article split by [`segment_article`].
pub struct Segmented {
    /// The paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentence spans with their paragraph index (tokens filled later).
    pub sentences: Vec<(Span, u32)>,
    /// The text left out of the paragraphs, and why.
    pub removed: Vec<Removed>,
}

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov",
    "sen", "rep", "pres", "rev", "hon", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "est", "approx", "fig", "vol", "pp", "e.g",
    "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "ave", "blvd", "rd", "cf", "al", "dist", "atty", "const", "det",
    "dep", "supt", "insp", "cpl", "pvt", "maj", "brig", "cdr", "ald", "sta", "ft", "mtn", "messrs", "mme", "mlle",
    "gens", "reps", "sens", "govs", "univ", "assn", "bros", "op", "ed", "eds", "tel", "msgr", "calif", "conn", "fla",
    "ariz", "colo", "mich", "minn", "tenn", "okla", "nev", "neb", "wis", "wyo", "penn",
];

/// Abbreviations that stand before a name ("Mr. Smith", "Mt. Fuji"): a
/// period after them never ends a sentence.
const PREPOSITIVE: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "mt", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep",
    "pres", "rev", "hon", "dist", "atty", "const", "det", "dep", "supt", "insp", "cpl", "pvt", "maj", "brig", "cdr",
    "ald", "ft", "messrs", "mme", "mlle", "gens", "reps", "sens", "govs", "msgr",
];

/// Words that typically open an English sentence. After an abbreviation
/// that can also end a sentence ("U.S.", "Co.", "p.m."), one of these
/// capitalised words means the sentence did end there.
const SENTENCE_STARTERS: &[&str] = &[
    "i",
    "it",
    "he",
    "she",
    "they",
    "we",
    "you",
    "the",
    "this",
    "that",
    "these",
    "those",
    "there",
    "how",
    "what",
    "why",
    "when",
    "where",
    "who",
    "but",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "mr",
    "mrs",
    "ms",
    "dr",
    "did",
    "does",
    "do",
    "is",
    "are",
    "was",
    "were",
    "however",
    "meanwhile",
    "still",
    "yet",
    "then",
    "so",
    "if",
    "in",
    "on",
    "at",
    "after",
    "before",
    "since",
    "while",
    "although",
    "as",
    "for",
    "according",
];

const CLOSERS: &[char] = &['"', '\'', '’', '”', '»', ')', ']', '}'];
const OPENERS: &[char] = &['"', '\'', '‘', '“', '«', '(', '[', '¿', '¡', '—', '–', '-', '`', '•', '⁃', '·', '*'];
/// Characters that can only continue a sentence, never open one.
const CONTINUERS: &[char] = &['’', '”', '»', ')', ']', '}', ',', ';', ':', '%'];

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

fn is_cjk_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// The word immediately before byte `i` (letters, digits and inner dots).
fn word_before(s: &str, i: usize) -> &str {
    let head = &s[..i];
    let start = head
        .char_indices()
        .rev()
        .take(MAX_SCAN)
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
    // "Tuesday.Mr": only the last part counts.
    let last = w.rsplit('.').next().unwrap_or(&w);
    ABBREVIATIONS.contains(&last)
}

/// The first word of `rest`, after whitespace and opening punctuation.
fn first_word(rest: &str) -> &str {
    let t = rest.trim_start_matches(|c: char| c.is_whitespace() || OPENERS.contains(&c));
    let end = t.find(|c: char| !c.is_alphanumeric()).unwrap_or(t.len());
    &t[..end]
}

/// After the abbreviation `abbr` (followed by whitespace and a word that
/// could start a sentence), does the sentence end? `so_far` is the text of
/// the sentence up to the abbreviation.
fn abbreviation_ends_sentence(abbr: &str, so_far: &str, rest: &str) -> bool {
    let a = abbr.trim_start_matches('.').to_lowercase();
    let a = if a.split('.').all(|p| p.chars().count() <= 2) { a.as_str() } else { a.rsplit('.').next().unwrap_or(&a) };
    if PREPOSITIVE.contains(&a) {
        return false;
    }
    let next = first_word(rest);
    if a == "no" || a == "nos" {
        // "No. 5" vs "He said no. The crowd …"
        return !next.starts_with(|c: char| c.is_ascii_digit());
    }
    // "At 5 a.m. Mr. Smith went …": too short to be a sentence yet.
    if so_far.split_whitespace().take(4).count() < 4 {
        return false;
    }
    next.starts_with(char::is_uppercase) && SENTENCE_STARTERS.contains(&next.to_lowercase().as_str())
}

/// Does the text at the start of `rest` (after whitespace) begin a new
/// sentence?
fn starts_sentence(rest: &str) -> bool {
    let mut chars = rest.chars().skip_while(|c| OPENERS.contains(c) || c.is_whitespace());
    match chars.next() {
        Some(c) if CONTINUERS.contains(&c) => false,
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

/// How far (in chars) the splitter looks around a candidate boundary, so a
/// pathological line (100,000 characters without a space) stays linear.
const MAX_SCAN: usize = 64;

/// The whitespace-delimited token around byte `i` (at most [`MAX_SCAN`]
/// characters each side).
fn token_around(s: &str, i: usize) -> &str {
    let mut a = i;
    for (j, c) in s[..i].char_indices().rev().take(MAX_SCAN) {
        if c.is_whitespace() {
            break;
        }
        a = j;
    }
    let mut b = i;
    for (j, c) in s[i..].char_indices().take(MAX_SCAN) {
        if c.is_whitespace() {
            break;
        }
        b = i + j + c.len_utf8();
    }
    &s[a..b]
}

/// A sentence end glued to the next sentence ("world.Today", "era.\"The"):
/// a lower-case letter or digit, the terminal run, then a capitalised word.
/// Never inside web or e-mail addresses.
fn glued_boundary(s: &str, i: usize, end: usize) -> bool {
    let before = s[..i].chars().next_back();
    if !before.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()) {
        return false;
    }
    let mut next = s[end..].chars();
    let (Some(a), Some(b)) = (next.next(), next.next()) else { return false };
    if !(a.is_uppercase() && b.is_lowercase()) {
        return false;
    }
    let tok = token_around(s, i);
    if tok.contains('@') || tok.contains('/') || tok.to_lowercase().contains("www.") {
        return false;
    }
    let w = word_before(s, i);
    !PREPOSITIVE.contains(&w.to_lowercase().as_str())
}

/// Splits `s` into sentence ranges `(start, end)` relative to `s`, trimmed.
///
/// Rules, in order, at every run of terminal punctuation (with the closing
/// quotes and brackets that follow it):
///
/// * an omission marker — the run right after `(` or `[` — is no end;
/// * an ellipsis of exactly three dots (`…`, `...`, `. . .`) is no end;
///   four dots (an ellipsis and a period) or `..` (a translation artefact)
///   are;
/// * glued to the next word, the run ends a sentence only before a
///   capitalised word (and only outside addresses), or after CJK
///   punctuation;
/// * the next word must be able to start a sentence: not lower case, not a
///   closing quote or comma (stray periods in machine translation);
/// * after an abbreviation the sentence ends only if a typical sentence
///   opener follows ("… in the U.S. How about you?"), never after a title
///   ("Mr.", "Gen.") and never after "No." before a number;
/// * a short number followed by a number ("$27. 5 million", tokenised
///   decimals in ECB+) and "N°. 12" are no end.
pub fn split_sentences(s: &str) -> Vec<(usize, usize)> {
    let mut cuts = sentence_ends(s);
    let markers = list_markers(s);
    if !markers.is_empty() {
        cuts.retain(|&c| !markers.iter().any(|m| m.start < c && c <= m.end));
        cuts.extend(markers.iter().skip(1).map(|m| m.cut));
        crate::sort::ord(&mut cuts);
        cuts.dedup();
    }
    let mut out = Vec::new();
    let mut start = 0;
    for c in cuts {
        push_trimmed(s, start, c, &mut out);
        start = c;
    }
    if start < s.len() {
        push_trimmed(s, start, s.len(), &mut out);
    }
    out
}

/// A list item marker: "1.", "2.)", "3)", "a." — at the start of the text
/// or after whitespace or a bullet, followed by whitespace.
#[derive(Clone, Copy, Debug)]
struct ListMarker {
    start: usize,
    end: usize,
    /// Where the item's sentence starts (before a bullet, if any).
    cut: usize,
    value: u32,
    alpha: bool,
    style: u8,
}

/// Markers of an inline list: at least two consecutive items of the same
/// style (1, 2, … or a, b, …). Empty if there is none.
fn list_markers(s: &str) -> Vec<ListMarker> {
    let b = s.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !(b[i].is_ascii_digit() || b[i].is_ascii_lowercase()) {
            i += 1;
            continue;
        }
        let at_word_start = i == 0
            || b[i - 1].is_ascii_whitespace()
            || b[i - 1] >= 0x80 && (s[..i].ends_with(char::is_whitespace) || s[..i].ends_with(['•', '⁃']));
        if !at_word_start {
            i += 1;
            continue;
        }
        let alpha = b[i].is_ascii_lowercase();
        let mut j = i;
        while j < b.len() && b[j].is_ascii_digit() && !alpha && j - i < 2 {
            j += 1;
        }
        if alpha {
            j += 1;
        }
        let value = if alpha { (b[i] - b'a') as u32 + 1 } else { s[i..j].parse().unwrap_or(0) };
        let tail = &s[j..];
        let (style, len) = if tail.starts_with(".)") {
            (1, 2)
        } else if tail.starts_with('.') {
            (2, 1)
        } else if tail.starts_with(')') {
            (3, 1)
        } else {
            (0, 0)
        };
        let end = j + len;
        if style != 0 && s[end..].starts_with(char::is_whitespace) && (j - i) <= 2 {
            let mut cut = i;
            let head = s[..i].trim_end();
            if head.ends_with(['•', '⁃']) {
                cut = head.len() - head.chars().next_back().map_or(0, char::len_utf8);
            }
            found.push(ListMarker { start: i, end, cut, value, alpha, style });
        }
        i = j.max(i + 1);
    }
    // Keep the longest chain of consecutive markers of one style. A line
    // with very many "markers" is not an inline list (and the search is
    // quadratic).
    if found.len() > 64 {
        return Vec::new();
    }
    let mut best: Vec<ListMarker> = Vec::new();
    for (n, m) in found.iter().enumerate() {
        let mut chain = vec![*m];
        for x in &found[n + 1..] {
            let last = chain[chain.len() - 1];
            if x.style == last.style && x.alpha == last.alpha && x.value == last.value + 1 {
                chain.push(*x);
            }
        }
        // A list starts the paragraph (after bullets) or follows a colon,
        // and items start with words: "ranging from 3. 6 to 4. 3" (ECB+'s
        // tokenised decimals) is no list.
        let head = s[..m.cut].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '⁃' | '-' | '*'));
        let opens = head.is_empty() || head.ends_with(':');
        let items_are_words = chain.iter().all(|x| s[x.end..].trim_start().starts_with(|c: char| !c.is_ascii_digit()));
        let plausible = (!m.alpha || m.value == 1) && opens && items_are_words;
        if plausible && chain.len() >= 2 && chain.len() > best.len() {
            best = chain;
        }
    }
    best
}

/// Byte offsets where a sentence ends (see [`split_sentences`]).
fn sentence_ends(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        if !is_terminal(c) {
            i += c.len_utf8();
            continue;
        }
        let prev = s[..i].chars().next_back();
        // The run of terminals and closers, including a spaced ellipsis.
        let (mut dots, mut other, mut closer) = (0usize, false, false);
        let mut end = i;
        while let Some(d) = s[end..].chars().next() {
            if d == '.' {
                dots += 1;
            } else if d == '…' {
                dots += 3;
            } else if is_terminal(d) {
                other = true;
            } else if CLOSERS.contains(&d) {
                closer = true;
            } else if d == ' ' && !closer && dots > 0 && s[end + 1..].starts_with('.') {
                // ". . ." — the space is part of the ellipsis.
            } else {
                break;
            }
            end += d.len_utf8();
        }
        let at = i;
        i = end;
        if matches!(prev, Some('(' | '[')) {
            continue;
        }
        if c == '.'
            && dots == 4
            && !other
            && !closer
            && prev.is_some_and(char::is_alphanumeric)
            && starts_sentence(&s[end..])
        {
            // "compounds. . . . The practice": the glued period ends the
            // sentence, the spaced ellipsis opens the next (an omission at
            // its start).
            if s[at + 1..end].starts_with(" .") {
                out.push(at + 1);
                start = at + 1;
                continue;
            }
        }
        if dots == 3 && !other {
            continue;
        }
        let rest = &s[end..];
        if rest.is_empty() {
            break;
        }
        if !rest.starts_with(char::is_whitespace) {
            if is_cjk_terminal(c) || glued_boundary(s, at, end) {
                out.push(end);
                start = end;
            }
            continue;
        }
        if !starts_sentence(rest) {
            continue;
        }
        if dots == 1 && !other && !closer {
            let w = word_before(s, at);
            if is_abbreviation(w) && !abbreviation_ends_sentence(w, &s[start..at], rest) {
                continue;
            }
            let next_digit = first_word(rest).starts_with(|ch: char| ch.is_ascii_digit());
            let short_number = !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit());
            if next_digit && (short_number || matches!(prev, Some('°' | 'º'))) {
                continue;
            }
        }
        out.push(end);
        start = end;
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

/// A paragraph that opens or closes with site furniture ("The talks resume
/// on Monday. Sign up for our newsletter …"): the furniture sentences go
/// to `removed` (in text order), `pieces` keeps the content between them,
/// and the paragraph's new span is returned. A paragraph that is all
/// furniture is left as it is: the cleaner judged that line whole.
fn trim_furniture(pieces: &mut Vec<(usize, usize)>, t: &str, base: usize, removed: &mut Vec<Removed>) -> Option<Span> {
    if pieces.len() < 2 {
        return None;
    }
    let furniture = |&(a, b): &(usize, usize)| crate::furniture::is_page_sentence(&t[a..b]);
    let first = pieces.iter().position(|x| !furniture(x))?;
    let last = pieces.iter().rposition(|x| !furniture(x))?;
    if first == 0 && last + 1 == pieces.len() {
        return None;
    }
    let cut = |a: usize, b: usize| Removed { span: Span::new(base + a, base + b), reason: RemovalReason::Furniture };
    if first > 0 {
        removed.push(cut(pieces[0].0, pieces[first - 1].1));
    }
    let tail = (last + 1 < pieces.len()).then(|| cut(pieces[last + 1].0, pieces[pieces.len() - 1].1));
    pieces.truncate(last + 1);
    pieces.drain(..first);
    removed.extend(tail);
    Some(Span::new(base + pieces[0].0, base + pieces[pieces.len() - 1].1))
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
        let word_count = t.split_whitespace().take(31).count();
        // An inline list ("1. The first item 2. The second item") is body
        // text even without final punctuation: its items are sentences.
        let list = !ends_like_sentence(t) && !list_markers(t).is_empty();
        let kind = if list {
            ParagraphKind::Body
        } else if paragraphs.is_empty() && word_count <= 30 && !ends_like_sentence(t) {
            ParagraphKind::Title
        } else if word_count <= 12 && !ends_like_sentence(t) {
            ParagraphKind::Heading
        } else {
            ParagraphKind::Body
        };
        let p = paragraphs.len() as u32;
        let first = sentences.len() as u32;
        let base = line.span.start as usize;
        let mut span = line.span;
        if kind == ParagraphKind::Body {
            let mut pieces = split_sentences(t);
            span = trim_furniture(&mut pieces, t, base, &mut removed).unwrap_or(span);
            for (a, b) in pieces {
                sentences.push((Span::new(base + a, base + b), p));
            }
        } else {
            sentences.push((line.span, p));
        }
        let (first_sentence, sentence_count) = (first, sentences.len() as u32 - first);
        paragraphs.push(Paragraph { span, kind, first_sentence, sentence_count });
    }
    Segmented { paragraphs, sentences, removed }
}
