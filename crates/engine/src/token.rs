//! Word tokens with byte offsets, lowercased and stemmed.
//!
//! Words are Unicode word segments (UAX #29, `unicode-segmentation`) that
//! contain a letter or digit. Each is lowercased, its typographic
//! apostrophes straightened, and stemmed with the Snowball English stemmer
//! (`rust-stemmers`). Stems are interned corpus-wide: a token stores an
//! index into [`crate::Corpus::vocab`].

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use unicode_segmentation::UnicodeSegmentation;

use crate::model::{Sentence, Span, Token};

/// Interns stems; ids are given in order of first appearance, so the same
/// corpus always yields the same ids.
#[derive(Default)]
pub struct Vocab {
    /// Hashed, not ordered: ids follow first appearance either way, and a
    /// corpus of thousands of articles looks up millions of stems.
    ids: FxHashMap<String, u32>,
    list: Vec<String>,
}

impl Vocab {
    /// The id of `stem`, given the next one if it is new.
    pub fn intern(&mut self, stem: &str) -> u32 {
        if let Some(&id) = self.ids.get(stem) {
            return id;
        }
        let id = self.list.len() as u32;
        self.ids.insert(stem.to_string(), id);
        self.list.push(stem.to_string());
        id
    }
    /// Gives `tokens`, whose stems index `local` (an article's stems in
    /// order of first use, from [`tokenize_local`]), this vocabulary's ids.
    /// Interned in that order, so ids are those an article-by-article pass
    /// gives, whichever thread tokenised the article.
    pub fn renumber(&mut self, local: &[String], tokens: &mut [Token]) {
        let ids: Vec<u32> = local.iter().map(|s| self.intern(s)).collect();
        for t in tokens {
            t.stem = ids.get(t.stem as usize).copied().unwrap_or(0);
        }
    }
    /// The stems, indexed by id.
    pub fn into_vec(self) -> Vec<String> {
        self.list
    }
}

/// Lowercases a word and straightens apostrophes.
pub fn normalize_word(w: &str) -> String {
    w.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '’' | '‘' | 'ʼ' | '`' => '\'',
            c => c,
        })
        .collect()
}

/// A word as aliases, phrases and stems are matched: lowercased
/// ([`normalize_word`]), without a possessive "'s" or stray apostrophes.
pub fn fold_word(w: &str) -> String {
    let n = normalize_word(w);
    let n = n.strip_suffix("'s").unwrap_or(&n);
    n.trim_matches('\'').to_string()
}

/// The stem of a single word ([`fold_word`], then stemmed).
pub fn stem_word(stemmer: &Stemmer, w: &str) -> String {
    stemmer.stem(&fold_word(w)).into_owned()
}

/// The Snowball English stemmer.
pub fn english_stemmer() -> Stemmer {
    Stemmer::create(Algorithm::English)
}

/// Word spans `(start, end)` of `s`, relative to `s`.
pub fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_word_bound_indices().filter(|(_, w)| w.chars().any(char::is_alphanumeric))
}

/// Stems of every word of `s` (for queries).
pub fn stems_of(s: &str) -> Vec<String> {
    let stemmer = english_stemmer();
    words(s).map(|(_, w)| stem_word(&stemmer, w)).collect()
}

/// Tokenises each sentence span of `text`.
pub fn tokenize_sentences(text: &str, spans: Vec<(Span, u32)>, vocab: &mut Vocab) -> (Vec<Sentence>, Vec<Token>) {
    let (sentences, mut tokens, stems) = tokenize_local(text, spans);
    vocab.renumber(&stems, &mut tokens);
    (sentences, tokens)
}

/// The stems of word forms stemmed before: stemming is the costly step of
/// tokenising, and the articles of a corpus share most of their words.
pub struct StemCache {
    stemmer: Stemmer,
    stems: FxHashMap<String, String>,
}

impl Default for StemCache {
    fn default() -> Self {
        StemCache { stemmer: english_stemmer(), stems: FxHashMap::default() }
    }
}

impl StemCache {
    /// [`stem_word`] of `w`.
    pub fn stem(&mut self, w: &str) -> &str {
        if !self.stems.contains_key(w) {
            self.stems.insert(w.to_string(), stem_word(&self.stemmer, w));
        }
        self.stems.get(w).map_or("", |s| s.as_str())
    }
}

/// [`tokenize_sentences`] without a vocabulary: token stems index the
/// returned list of the article's stems, in order of first use.
pub fn tokenize_local(text: &str, spans: Vec<(Span, u32)>) -> (Vec<Sentence>, Vec<Token>, Vec<String>) {
    tokenize_cached(text, spans, &mut StemCache::default())
}

/// [`tokenize_local`] with the stems of a cache (shared by the articles of
/// a corpus; the result is the same).
pub fn tokenize_cached(
    text: &str,
    spans: Vec<(Span, u32)>,
    cache: &mut StemCache,
) -> (Vec<Sentence>, Vec<Token>, Vec<String>) {
    let mut sentences = Vec::with_capacity(spans.len());
    let mut tokens = Vec::new();
    let mut seen: FxHashMap<&str, u32> = FxHashMap::default();
    // Each distinct word form is stemmed once. (Only looked up, never
    // iterated: ids stay in order of first use.)
    let mut local = Vocab::default();
    for (span, paragraph) in spans {
        let first = tokens.len() as u32;
        let base = span.start as usize;
        for (off, w) in words(&text[span.range()]) {
            let stem = *seen.entry(w).or_insert_with(|| local.intern(cache.stem(w)));
            tokens.push(Token { span: Span::new(base + off, base + off + w.len()), stem });
        }
        sentences.push(Sentence { span, paragraph, first_token: first, token_count: tokens.len() as u32 - first });
    }
    (sentences, tokens, local.into_vec())
}
