//! The search query: what the user types in the search box, parsed, and
//! how it matches plain text.
//!
//! A query is words and "quoted phrases". A word matches a token when
//! their stems are equal ("enlarge" finds "enlargement") or when the word
//! is a prefix of the token (so the list narrows while a word is still
//! being typed); over a corpus, [`crate::search::SearchIndex`] widens the
//! prefix to the tokens that share a stem with a word it begins. A phrase
//! matches the cleaned text case-insensitively, as typed (apostrophes
//! straightened, whitespace runs as one space), starting at a word start.
//! An article matches when every word and phrase matches its title or its
//! cleaned text (see [`crate::search`]).

use crate::token::{english_stemmer, normalize_word, stem_word, words};

/// A parsed search query (see the module documentation).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// `(lowercased word, stem)`.
    pub terms: Vec<(String, String)>,
    /// Lowercased phrases.
    pub phrases: Vec<String>,
}

impl Query {
    /// Parses what was typed: words, and phrases in double quotes (an
    /// unclosed quote takes the rest as a phrase being typed).
    pub fn parse(input: &str) -> Query {
        let stemmer = english_stemmer();
        let mut q = Query::default();
        let mut rest = input;
        loop {
            let Some(open) = rest.find('"') else {
                push_terms(&mut q, rest, &stemmer);
                break;
            };
            push_terms(&mut q, &rest[..open], &stemmer);
            let after = &rest[open + 1..];
            match after.find('"') {
                Some(close) => {
                    let phrase = normalize_phrase(&after[..close]);
                    if !phrase.is_empty() {
                        q.phrases.push(phrase);
                    }
                    rest = &after[close + 1..];
                }
                None => {
                    // An unclosed quote: treat what follows as a phrase
                    // being typed.
                    let phrase = normalize_phrase(after);
                    if !phrase.is_empty() {
                        q.phrases.push(phrase);
                    }
                    break;
                }
            }
        }
        q
    }
    /// No word and no phrase: the query matches everything.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.phrases.is_empty()
    }
}

fn normalize_phrase(s: &str) -> String {
    normalize_word(s.split_whitespace().collect::<Vec<_>>().join(" ").as_str())
}

fn push_terms(q: &mut Query, s: &str, stemmer: &rust_stemmers::Stemmer) {
    for (_, w) in words(s) {
        let lw = normalize_word(w);
        let stem = stem_word(stemmer, w);
        if !q.terms.iter().any(|(l, _)| *l == lw) {
            q.terms.push((lw, stem));
        }
    }
}

fn term_matches(term: &(String, String), word_lower: &str, stem: &str) -> bool {
    stem == term.1 || word_lower.starts_with(term.0.as_str())
}

/// Byte ranges of `text` that match the query (words and phrases),
/// sorted and merged.
pub fn highlight(text: &str, q: &Query) -> Vec<(usize, usize)> {
    if q.is_empty() {
        return Vec::new();
    }
    let stemmer = english_stemmer();
    let mut out = Vec::new();
    for (off, w) in words(text) {
        let lw = normalize_word(w);
        let st = stem_word(&stemmer, w);
        if q.terms.iter().any(|t| term_matches(t, &lw, &st)) {
            out.push((off, off + w.len()));
        }
    }
    with_phrases(out, text, q)
}

/// Adds the phrase hits in `text` to `spans` (byte ranges of `text`),
/// sorts and merges overlapping or touching ranges.
pub(crate) fn with_phrases(mut spans: Vec<(usize, usize)>, text: &str, q: &Query) -> Vec<(usize, usize)> {
    for p in &q.phrases {
        spans.extend(find_phrase(text, p));
    }
    crate::sort::ord(&mut spans);
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// Case-insensitive occurrences of a lowercased phrase, as byte ranges of
/// `text` (which may differ in case, apostrophes and runs of whitespace),
/// starting at the start of a word; the end may be inside a word, so a
/// phrase being typed ("joint stat) already matches.
pub(crate) fn find_phrase(text: &str, phrase: &str) -> Vec<(usize, usize)> {
    // Map each char of the normalised text back to its source byte.
    let mut norm = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        for l in normalize_word(c.encode_utf8(&mut [0; 4])).chars() {
            // Runs of whitespace match one space, as in the query.
            let l = if l.is_whitespace() { ' ' } else { l };
            if l == ' ' && norm.ends_with(' ') {
                continue;
            }
            for _ in 0..l.len_utf8() {
                map.push((i, i + c.len_utf8()));
            }
            norm.push(l);
        }
    }
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = norm[from..].find(phrase) {
        let a = from + pos;
        let b = a + phrase.len();
        // A phrase starts at the start of a word ("int" is not in "joint").
        let starts_word = !(norm[..a].chars().next_back().is_some_and(char::is_alphanumeric)
            && phrase.starts_with(char::is_alphanumeric));
        if starts_word {
            out.push((map[a].0, map[b - 1].1));
        }
        from = b.max(a + 1);
        while from < norm.len() && !norm.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}
