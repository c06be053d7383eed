//! Filtering the article list: the search query and its highlights.
//!
//! A query is words and "quoted phrases". A word matches a token when
//! their stems are equal ("enlarge" finds "enlargement") or when the word
//! is a prefix of the token (so the list narrows while a word is still
//! being typed). A phrase matches the cleaned text case-insensitively,
//! as typed (apostrophes straightened, whitespace runs as one space),
//! starting at a word start. An article matches when every word and phrase matches its
//! title or its cleaned text.

use crate::model::{Article, Corpus};
use crate::token::{english_stemmer, normalize_word, stem_word, words};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// `(lowercased word, stem)`.
    pub terms: Vec<(String, String)>,
    /// Lowercased phrases.
    pub phrases: Vec<String>,
}

impl Query {
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
    for p in &q.phrases {
        out.extend(find_phrase(text, p));
    }
    out.sort();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in out {
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
fn find_phrase(text: &str, phrase: &str) -> Vec<(usize, usize)> {
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

/// Does `word` (as written) start with `prefix` (lowercased, apostrophes
/// straightened) once normalised like [`normalize_word`]? No allocation.
fn starts_with_normalized(word: &str, prefix: &str) -> bool {
    let mut p = prefix.chars();
    for c in word.chars().flat_map(char::to_lowercase) {
        let c = match c {
            '’' | '‘' | 'ʼ' | '`' => '\'',
            c => c,
        };
        match p.next() {
            None => return true,
            Some(x) if x == c => {}
            Some(_) => return false,
        }
    }
    p.next().is_none()
}

/// A query prepared against one corpus: each word's stem resolved to the
/// corpus's stem id once, so testing an article allocates nothing for
/// words (phrases still normalise the sentences they test).
pub struct Matcher<'q> {
    q: &'q Query,
    /// Per term: the corpus stem id equal to its stem, if any.
    stem_ids: Vec<Option<u32>>,
    stemmer: rust_stemmers::Stemmer,
}

impl<'q> Matcher<'q> {
    pub fn new(corpus: &Corpus, q: &'q Query) -> Matcher<'q> {
        let stem_ids =
            q.terms.iter().map(|(_, stem)| corpus.vocab.iter().position(|v| v == stem).map(|i| i as u32)).collect();
        Matcher { q, stem_ids, stemmer: english_stemmer() }
    }

    pub fn is_empty(&self) -> bool {
        self.q.is_empty()
    }

    fn term_in_title(&self, title: &str, t: &(String, String)) -> bool {
        words(title).any(|(_, w)| {
            starts_with_normalized(w, &t.0)
                || (w.trim_start_matches(['\'', '’', '‘', 'ʼ', '`']).chars().flat_map(char::to_lowercase).next()
                    == t.1.chars().next()
                    && stem_word(&self.stemmer, w) == t.1)
        })
    }

    /// Does the article match every word and phrase of the query?
    pub fn matches(&self, article: &Article) -> bool {
        if self.q.is_empty() {
            return true;
        }
        let title = article.title();
        for (t, sid) in self.q.terms.iter().zip(&self.stem_ids) {
            let in_text = article
                .tokens
                .iter()
                .any(|tok| Some(tok.stem) == *sid || starts_with_normalized(article.slice(tok.span), &t.0));
            if !in_text && !self.term_in_title(title, t) {
                return false;
            }
        }
        for p in &self.q.phrases {
            let in_text = article.sentences.iter().any(|s| !find_phrase(article.slice(s.span), p).is_empty());
            if !in_text && find_phrase(title, p).is_empty() {
                return false;
            }
        }
        true
    }
}

/// Does the article match the query? (Prepare a [`Matcher`] to test many.)
pub fn matches(corpus: &Corpus, article: &Article, q: &Query) -> bool {
    Matcher::new(corpus, q).matches(article)
}

/// Indices of the articles that match.
pub fn filter_articles(corpus: &Corpus, q: &Query) -> Vec<usize> {
    let m = Matcher::new(corpus, q);
    (0..corpus.articles.len()).filter(|&i| m.matches(&corpus.articles[i])).collect()
}

/// The sentence to show under an article in the list: the first one with
/// a hit, else the lede. Returns the sentence index.
pub fn snippet_sentence(article: &Article, q: &Query) -> Option<usize> {
    if !q.is_empty() {
        for (i, s) in article.body_sentences() {
            if !highlight(article.slice(s.span), q).is_empty() {
                return Some(i);
            }
        }
    }
    let lede = article.lede()?;
    article.sentences.iter().position(|s| s == lede)
}
