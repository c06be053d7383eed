//! Phrase and alias matching on the words of a sentence.
//!
//! Two matchers, independent of what they find:
//!
//! - [`PatternSet`]: phrases compiled into word patterns (stems or
//!   normalised words, `*` for a gap of up to three words), looked up by
//!   their first word; used for issue phrases, cues and anaphora.
//! - [`Aliases`]: names matched on whole normalised words, or to the letter
//!   when written in capitals ("US" is not "us"); used for actors.
//!
//! Both take a sentence as slices of keys (one per token) and a token
//! index, and return the end (exclusive) of what matched with its value.

use std::collections::BTreeMap;

use crate::token;

/// One element of a compiled phrase.
#[derive(Clone, Debug)]
enum Pat {
    /// A word (stemmed or normalised, as the phrase was compiled).
    Word(String),
    /// Up to three words of anything.
    Gap,
}

/// Splits a phrase into patterns: words, stemmed with `stemmer` when given
/// or else normalised, with `*` for a gap of up to three words.
fn compile(phrase: &str, stemmer: Option<&rust_stemmers::Stemmer>) -> Vec<Pat> {
    let mut out = Vec::new();
    for piece in phrase.split_whitespace() {
        if piece == "*" {
            if !out.is_empty() && !matches!(out.last(), Some(Pat::Gap)) {
                out.push(Pat::Gap);
            }
            continue;
        }
        for (_, w) in token::words(piece) {
            out.push(Pat::Word(match stemmer {
                Some(stemmer) => token::stem_word(stemmer, w),
                None => norm(w),
            }));
        }
    }
    while matches!(out.last(), Some(Pat::Gap)) {
        out.pop();
    }
    out
}

/// A word as aliases and unstemmed phrases are matched: lowercase,
/// straight apostrophes, without a possessive "'s" or stray apostrophes.
pub(super) fn norm(w: &str) -> String {
    let n = token::normalize_word(w);
    let n = n.strip_suffix("'s").map(str::to_string).unwrap_or(n);
    n.trim_matches('\'').to_string()
}

/// Matches `pat` at `j` in `keys`; returns the end (exclusive).
fn match_at(pat: &[Pat], keys: &[&str], j: usize) -> Option<usize> {
    match pat.first() {
        None => Some(j),
        Some(Pat::Word(w)) => {
            if j < keys.len() && keys[j] == w {
                match_at(&pat[1..], keys, j + 1)
            } else {
                None
            }
        }
        Some(Pat::Gap) => {
            (0..=3).find_map(|g| if j + g <= keys.len() { match_at(&pat[1..], keys, j + g) } else { None })
        }
    }
}

fn first_word(p: &[Pat]) -> Option<&str> {
    match p.first() {
        Some(Pat::Word(w)) => Some(w),
        _ => None,
    }
}

/// Phrases, each with a value, indexed by their first word.
pub(super) struct PatternSet<T> {
    by_first: BTreeMap<String, Vec<(Vec<Pat>, T)>>,
}

impl<T: Copy> PatternSet<T> {
    /// An empty set.
    pub(super) fn new() -> Self {
        PatternSet { by_first: BTreeMap::new() }
    }

    /// Adds `phrase` with value `v`, its words stemmed with `stemmer` (to
    /// be matched against stems) or, without one, normalised with [`norm`].
    /// A phrase without words is never matched.
    pub(super) fn add(&mut self, phrase: &str, stemmer: Option<&rust_stemmers::Stemmer>, v: T) {
        let p = compile(phrase, stemmer);
        if let Some(f) = first_word(&p).map(str::to_string) {
            self.by_first.entry(f).or_default().push((p, v));
        }
    }

    /// Longest match at `j`: (end, value); the first added wins a tie.
    pub(super) fn longest(&self, keys: &[&str], j: usize) -> Option<(usize, T)> {
        let list = self.by_first.get(*keys.get(j)?)?;
        let mut best: Option<(usize, T)> = None;
        for (p, v) in list {
            if let Some(end) = match_at(p, keys, j) {
                if best.is_none_or(|(e, _)| end > e) {
                    best = Some((end, *v));
                }
            }
        }
        best
    }

    /// Every match at `j`, pushed as (start, end, value) in the order added.
    pub(super) fn all(&self, keys: &[&str], j: usize, out: &mut Vec<(usize, usize, T)>) {
        if let Some(list) = keys.get(j).and_then(|k| self.by_first.get(*k)) {
            for (p, v) in list {
                if let Some(end) = match_at(p, keys, j) {
                    out.push((j, end, *v));
                }
            }
        }
    }
}

/// One alias: its normalised words, and its words to the letter when it
/// is written in capitals.
struct Alias<T> {
    words: Vec<String>,
    exact: Option<Vec<String>>,
    value: T,
}

/// Aliases, each with a value, indexed by their first normalised word.
pub(super) struct Aliases<T> {
    by_first: BTreeMap<String, Vec<Alias<T>>>,
}

fn is_all_caps(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

impl<T: Copy> Aliases<T> {
    /// An empty set.
    pub(super) fn new() -> Self {
        Aliases { by_first: BTreeMap::new() }
    }

    /// Adds `alias` with value `v`; an alias without words is ignored.
    pub(super) fn add(&mut self, alias: &str, v: T) {
        let words: Vec<String> = token::words(alias).map(|(_, w)| norm(w)).collect();
        let Some(first) = words.first().cloned() else { return };
        let exact = is_all_caps(alias).then(|| token::words(alias).map(|(_, w)| w.to_string()).collect());
        self.by_first.entry(first).or_default().push(Alias { words, exact, value: v });
    }

    /// The longest alias at token `j` of a sentence given as its tokens'
    /// text (`texts`) and [`norm`] forms (`norms`), among the spans
    /// (start, end) that `allowed` accepts: (end, value); the first added
    /// wins a tie. An alias in capitals matches only the same capitals,
    /// with or without a possessive "'s".
    pub(super) fn longest(
        &self,
        texts: &[&str],
        norms: &[&str],
        j: usize,
        allowed: impl Fn(usize, usize) -> bool,
    ) -> Option<(usize, T)> {
        let list = self.by_first.get(*norms.get(j)?)?;
        let mut best: Option<(usize, T)> = None;
        for a in list {
            let end = j + a.words.len();
            if end > norms.len() || !allowed(j, end) {
                continue;
            }
            let ok = match &a.exact {
                Some(ex) => ex
                    .iter()
                    .zip(&texts[j..end])
                    .all(|(w, t)| *t == w || t.strip_suffix("'s").or(t.strip_suffix("’s")) == Some(w.as_str())),
                None => a.words.iter().zip(&norms[j..end]).all(|(w, t)| w == t),
            };
            if ok && best.is_none_or(|(e, _)| end > e) {
                best = Some((end, a.value));
            }
        }
        best
    }
}
