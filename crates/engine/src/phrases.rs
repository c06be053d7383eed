//! Phrase and alias matching on the words of a sentence: the one matcher
//! of the stance extraction, the facets and the passage finder.
//!
//! Two matchers, independent of what they find:
//!
//! - [`PatternSet`]: phrases compiled into word patterns (stems or
//!   normalised words, `*` for a gap of up to three words), looked up by
//!   their first word; used for issue phrases, cues and anaphora, and (on
//!   interned stem ids, without gaps) for the passage finder's multi-word
//!   concepts.
//! - [`Aliases`]: names matched on whole normalised words, or to the letter
//!   when written in capitals ("US" is not "us"); used for actors.
//!
//! Both take a sentence as a slice of keys (one per token) and a token
//! index, and report the end (exclusive) of what matched with its value.
//! Each offers the longest match at a token (`longest`) or every match
//! (`all`): the stance extraction wants the first, the facets the second.

use std::collections::BTreeMap;

use crate::token;

/// A token's key as looked up among a set's words of type `W`: `&str`
/// among words (`String`), `u32` among interned stem ids.
pub(crate) trait Key<W> {
    /// The entry of `map` filed under this key.
    fn lookup<'m, V>(&self, map: &'m BTreeMap<W, V>) -> Option<&'m V>;
    /// Whether this key is the word `w`.
    fn is(&self, w: &W) -> bool;
}

impl Key<String> for &str {
    fn lookup<'m, V>(&self, map: &'m BTreeMap<String, V>) -> Option<&'m V> {
        map.get(*self)
    }
    fn is(&self, w: &String) -> bool {
        *self == w
    }
}

impl Key<u32> for u32 {
    fn lookup<'m, V>(&self, map: &'m BTreeMap<u32, V>) -> Option<&'m V> {
        map.get(self)
    }
    fn is(&self, w: &u32) -> bool {
        self == w
    }
}

/// One element of a compiled phrase.
#[derive(Clone, Debug)]
enum Pat<W> {
    /// A word (stemmed or normalised, as the phrase was compiled).
    Word(W),
    /// Up to three words of anything.
    Gap,
}

/// Splits a phrase into patterns: words, stemmed with `stemmer` when given
/// or else normalised, with `*` for a gap of up to three words.
fn compile(phrase: &str, stemmer: Option<&rust_stemmers::Stemmer>) -> Vec<Pat<String>> {
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
                None => token::fold_word(w),
            }));
        }
    }
    while matches!(out.last(), Some(Pat::Gap)) {
        out.pop();
    }
    out
}

/// Matches `pat` at `j` in `keys`; returns the end (exclusive).
fn match_at<W, K: Key<W>>(pat: &[Pat<W>], keys: &[K], j: usize) -> Option<usize> {
    match pat.first() {
        None => Some(j),
        Some(Pat::Word(w)) => {
            if j < keys.len() && keys[j].is(w) {
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

/// Compiled phrases with their values, in the order added.
type Phrases<W, T> = Vec<(Vec<Pat<W>>, T)>;

/// Phrases, each with a value, indexed by their first word. Words are
/// `String`s (stems or normalised words) unless `W` says otherwise.
pub(crate) struct PatternSet<T, W = String> {
    by_first: BTreeMap<W, Phrases<W, T>>,
}

impl<T: Copy, W: Ord + Clone> PatternSet<T, W> {
    /// An empty set.
    pub(crate) fn new() -> Self {
        PatternSet { by_first: BTreeMap::new() }
    }

    /// Adds a compiled phrase; one without words is never matched.
    fn insert(&mut self, p: Vec<Pat<W>>, v: T) {
        if let Some(Pat::Word(f)) = p.first() {
            self.by_first.entry(f.clone()).or_default().push((p, v));
        }
    }

    /// Adds the phrase of exactly the words `words` (no gaps) with value `v`.
    pub(crate) fn add_words(&mut self, words: Vec<W>, v: T) {
        self.insert(words.into_iter().map(Pat::Word).collect(), v);
    }

    /// Longest match at `j`: (end, value); the first added wins a tie.
    pub(crate) fn longest<K: Key<W>>(&self, keys: &[K], j: usize) -> Option<(usize, T)> {
        let list = keys.get(j)?.lookup(&self.by_first)?;
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
    pub(crate) fn all<K: Key<W>>(&self, keys: &[K], j: usize, out: &mut Vec<(usize, usize, T)>) {
        if let Some(list) = keys.get(j).and_then(|k| k.lookup(&self.by_first)) {
            for (p, v) in list {
                if let Some(end) = match_at(p, keys, j) {
                    out.push((j, end, *v));
                }
            }
        }
    }
}

impl<T: Copy> PatternSet<T> {
    /// Adds `phrase` with value `v`, its words stemmed with `stemmer` (to
    /// be matched against stems) or, without one, normalised with
    /// [`token::fold_word`]. A phrase without words is never matched.
    pub(crate) fn add(&mut self, phrase: &str, stemmer: Option<&rust_stemmers::Stemmer>, v: T) {
        self.insert(compile(phrase, stemmer), v);
    }
}

/// One alias: its normalised words, and its words to the letter when it
/// is written in capitals.
struct Alias<T> {
    words: Vec<String>,
    exact: Option<Vec<String>>,
    value: T,
}

impl<T> Alias<T> {
    /// Whether the alias covers tokens `[j, end)` of a sentence given as
    /// its tokens' text (`texts`) and [`token::fold_word`] forms (`norms`).
    fn matches(&self, texts: &[&str], norms: &[&str], j: usize, end: usize) -> bool {
        match &self.exact {
            Some(ex) => ex
                .iter()
                .zip(&texts[j..end])
                .all(|(w, t)| *t == w || t.strip_suffix("'s").or(t.strip_suffix("’s")) == Some(w.as_str())),
            None => self.words.iter().zip(&norms[j..end]).all(|(w, t)| w == t),
        }
    }
}

/// Aliases, each with a value, indexed by their first normalised word.
pub(crate) struct Aliases<T> {
    by_first: BTreeMap<String, Vec<Alias<T>>>,
}

fn is_all_caps(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

impl<T: Copy> Aliases<T> {
    /// An empty set.
    pub(crate) fn new() -> Self {
        Aliases { by_first: BTreeMap::new() }
    }

    /// Adds `alias` with value `v`; an alias without words is ignored.
    pub(crate) fn add(&mut self, alias: &str, v: T) {
        let words: Vec<String> = token::words(alias).map(|(_, w)| token::fold_word(w)).collect();
        let Some(first) = words.first().cloned() else { return };
        let exact = is_all_caps(alias).then(|| token::words(alias).map(|(_, w)| w.to_string()).collect());
        self.by_first.entry(first).or_default().push(Alias { words, exact, value: v });
    }

    /// The aliases at token `j` of a sentence given as its tokens' text
    /// (`texts`) and [`token::fold_word`] forms (`norms`), with their ends
    /// (exclusive), in the order added. An alias in capitals matches only
    /// the same capitals, with or without a possessive "'s".
    fn at<'s>(&'s self, texts: &'s [&str], norms: &'s [&str], j: usize) -> impl Iterator<Item = (usize, T)> + 's {
        let list = norms.get(j).and_then(|n| self.by_first.get(*n)).map_or(&[][..], Vec::as_slice);
        list.iter().filter_map(move |a| {
            let end = j + a.words.len();
            (end <= norms.len() && a.matches(texts, norms, j, end)).then_some((end, a.value))
        })
    }

    /// The longest alias at token `j` (see [`Aliases::at`]) among the spans
    /// (start, end) that `allowed` accepts: (end, value); the first added
    /// wins a tie.
    pub(crate) fn longest(
        &self,
        texts: &[&str],
        norms: &[&str],
        j: usize,
        allowed: impl Fn(usize, usize) -> bool,
    ) -> Option<(usize, T)> {
        let mut best: Option<(usize, T)> = None;
        for (end, v) in self.at(texts, norms, j) {
            if allowed(j, end) && best.is_none_or(|(e, _)| end > e) {
                best = Some((end, v));
            }
        }
        best
    }

    /// The values of every alias at token `j` (see [`Aliases::at`]), pushed
    /// in the order added.
    pub(crate) fn all(&self, texts: &[&str], norms: &[&str], j: usize, out: &mut Vec<T>) {
        out.extend(self.at(texts, norms, j).map(|(_, v)| v));
    }
}
