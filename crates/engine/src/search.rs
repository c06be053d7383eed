//! The search's index: built once per corpus, so that a keystroke costs a
//! few lookups per query word rather than a pass over every token.
//!
//! A query word matches a token (see [`crate::query`]) when the token's
//! stem is the word's stem, or when the token's form starts with the word.
//! Both reduce to a set of stems: the word's own stem and the stems of every
//! corpus form that starts with it (forms are kept sorted, so that is one
//! range). An article matches the word when it holds any of those stems,
//! which the per-stem article lists ([`SearchIndex`]'s postings) answer
//! without looking at the text. (Matching by stem means that while
//! "kille" is being typed, "kills" matches too: it has the stem of
//! "killed", which starts with "kille".) Highlights mark the tokens whose
//! stem is in the set, so what is marked is what matched.

use crate::model::{Article, Corpus, Paragraph, Span, Token};
use crate::query::{find_phrase, with_phrases, Query};
use crate::token::{self, english_stemmer, normalize_word, stem_word};
use rustc_hash::FxHashMap;

/// See the module documentation. Built by [`SearchIndex::build`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchIndex {
    /// Every distinct word form of the corpus as the search compares it
    /// ([`normalize_word`]), sorted, with its stem id.
    forms: Vec<(String, u32)>,
    /// Stem ids sorted by their text (for a query word's own stem).
    stems_by_text: Vec<u32>,
    /// Stems that occur only in metadata titles (ids from `vocab.len()`).
    extra: Vec<String>,
    /// Per stem id `s`: the articles (ascending) whose text or title holds
    /// it are `postings[starts[s]..starts[s + 1]]`.
    starts: Vec<u32>,
    postings: Vec<u32>,
    /// Per article: the tokens of its metadata title (spans into the
    /// title), or nothing when the title is the text's first paragraph.
    titles: Vec<Vec<Token>>,
}

/// A query resolved against the index: per query word, the stems it
/// matches; and one flag per stem, set when any word matches it.
#[derive(Clone, Debug)]
pub struct Compiled<'q> {
    /// The query it resolves.
    pub query: &'q Query,
    terms: Vec<Vec<u32>>,
    hit: Vec<bool>,
}

impl Compiled<'_> {
    /// Is the query empty (nothing to mark, everything matches)?
    pub fn is_empty(&self) -> bool {
        self.query.is_empty()
    }
    fn token_hits(&self, t: &Token) -> bool {
        self.hit.get(t.stem as usize).copied().unwrap_or(false)
    }
}

impl SearchIndex {
    /// The index over `corpus` ([`SearchIndexBuilder`] in one step).
    pub fn build(corpus: &Corpus) -> SearchIndex {
        let mut b = SearchIndexBuilder::new(corpus);
        while !b.step(corpus, usize::MAX) {}
        b.finish(corpus)
    }
    fn stem_text<'a>(&'a self, corpus: &'a Corpus, id: u32) -> &'a str {
        let i = id as usize;
        corpus.vocab.get(i).map_or_else(|| self.extra[i - corpus.vocab.len()].as_str(), String::as_str)
    }

    /// Resolves each query word to the stems it matches.
    pub fn compile<'q>(&self, corpus: &Corpus, q: &'q Query) -> Compiled<'q> {
        let mut hit = vec![false; self.stems_by_text.len()];
        let mut terms = Vec::with_capacity(q.terms.len());
        for (lw, stem) in &q.terms {
            let mut set: Vec<u32> = Vec::new();
            let from = self.forms.partition_point(|(f, _)| f.as_str() < lw.as_str());
            for (f, s) in &self.forms[from..] {
                if !f.starts_with(lw.as_str()) {
                    break;
                }
                set.push(*s);
            }
            let i = self.stems_by_text.partition_point(|&id| self.stem_text(corpus, id) < stem.as_str());
            if let Some(&id) = self.stems_by_text.get(i) {
                if self.stem_text(corpus, id) == stem {
                    set.push(id);
                }
            }
            crate::sort::ord(&mut set);
            set.dedup();
            for &s in &set {
                hit[s as usize] = true;
            }
            terms.push(set);
        }
        Compiled { query: q, terms, hit }
    }

    /// Which articles match (one flag per article).
    pub fn matching(&self, corpus: &Corpus, c: &Compiled) -> Vec<bool> {
        let n = corpus.articles.len();
        let mut ok = vec![true; n];
        let mut mark = vec![false; n];
        for set in &c.terms {
            mark.iter_mut().for_each(|m| *m = false);
            for &s in set {
                let s = s as usize;
                for &a in &self.postings[self.starts[s] as usize..self.starts[s + 1] as usize] {
                    mark[a as usize] = true;
                }
            }
            for (o, m) in ok.iter_mut().zip(&mark) {
                *o &= *m;
            }
        }
        for p in &c.query.phrases {
            for (ai, o) in ok.iter_mut().enumerate() {
                if *o {
                    let a = &corpus.articles[ai];
                    *o = a.sentences.iter().any(|s| !find_phrase(a.slice(s.span), p).is_empty())
                        || !find_phrase(a.title(), p).is_empty();
                }
            }
        }
        ok
    }

    /// Does sentence `si` hold a hit?
    fn sentence_hits(a: &Article, si: usize, c: &Compiled) -> bool {
        a.sentence_tokens(si).iter().any(|t| c.token_hits(t))
            || c.query.phrases.iter().any(|p| !find_phrase(a.slice(a.sentences[si].span), p).is_empty())
    }

    /// The sentence to show under an article in the list: the first body
    /// sentence with a hit, else the lede.
    pub fn snippet_sentence(&self, a: &Article, c: &Compiled) -> Option<usize> {
        if !c.is_empty() {
            if let Some((i, _)) = a.body_sentences().find(|(i, _)| Self::sentence_hits(a, *i, c)) {
                return Some(i);
            }
        }
        let lede = a.lede()?;
        a.sentences.iter().position(|s| s == lede)
    }

    /// Highlights in sentence `si`, as byte ranges relative to its start,
    /// sorted and merged.
    pub fn sentence_highlights(&self, a: &Article, si: usize, c: &Compiled) -> Vec<(usize, usize)> {
        if c.is_empty() {
            return Vec::new();
        }
        let s = &a.sentences[si];
        let base = s.span.start as usize;
        let toks = a
            .sentence_tokens(si)
            .iter()
            .filter(|t| c.token_hits(t))
            .map(|t| (t.span.start as usize - base, t.span.end as usize - base));
        with_phrases(toks.collect(), a.slice(s.span), c.query)
    }

    /// Highlights in a paragraph, relative to its start.
    pub fn paragraph_highlights(&self, a: &Article, p: &Paragraph, c: &Compiled) -> Vec<(usize, usize)> {
        if c.is_empty() {
            return Vec::new();
        }
        let base = p.span.start as usize;
        let first = p.first_sentence as usize;
        let toks = (first..first + p.sentence_count as usize)
            .flat_map(|si| a.sentence_tokens(si))
            .filter(|t| c.token_hits(t))
            .map(|t| (t.span.start as usize - base, t.span.end as usize - base))
            .collect();
        with_phrases(toks, a.slice(p.span), c.query)
    }

    /// Highlights in the article's title (`Article::title`), relative to it.
    pub fn title_highlights(&self, ai: usize, a: &Article, c: &Compiled) -> Vec<(usize, usize)> {
        if c.is_empty() {
            return Vec::new();
        }
        let title = a.title();
        let toks: Vec<(usize, usize)> = match (a.meta.title.is_some(), a.paragraphs.first()) {
            (true, _) => self
                .titles
                .get(ai)
                .into_iter()
                .flatten()
                .filter(|t| c.token_hits(t))
                .map(|t| (t.span.start as usize, t.span.end as usize))
                .collect(),
            (false, Some(p)) => return self.paragraph_highlights(a, p, c),
            (false, None) => Vec::new(),
        };
        with_phrases(toks, title, c.query)
    }
}

/// Indices of the articles that match (builds a [`SearchIndex`]; to test
/// many queries, build it once: see `Bundle::search`).
pub fn matching_articles(corpus: &Corpus, q: &Query) -> Vec<usize> {
    let index = SearchIndex::build(corpus);
    let c = index.compile(corpus, q);
    index.matching(corpus, &c).iter().enumerate().filter(|(_, m)| **m).map(|(i, _)| i).collect()
}

/// The sentence to show under an article in the list (builds a
/// [`SearchIndex`] over `corpus`; see [`SearchIndex::snippet_sentence`]).
pub fn snippet_sentence(corpus: &Corpus, article: usize, q: &Query) -> Option<usize> {
    let index = SearchIndex::build(corpus);
    let c = index.compile(corpus, q);
    index.snippet_sentence(&corpus.articles[article], &c)
}

/// [`SearchIndex::build`] in steps, so that a page can build the index
/// between frames (with a progress bar) instead of in one long task. Each
/// [`step`](Self::step) handles a bounded number of articles; the result
/// is the same index whatever the step sizes.
#[derive(Debug)]
pub struct SearchIndexBuilder {
    phase: Phase,
    /// Articles in the corpus, and done in the current phase.
    n: usize,
    next: usize,
    /// Per stem: its distinct raw forms.
    forms_of: Vec<Vec<Box<str>>>,
    raw: FxHashMap<String, u32>,
    stem_id: FxHashMap<String, u32>,
    extra: Vec<String>,
    titles: Vec<Vec<Token>>,
    title_stems: Vec<Vec<u32>>,
    /// Postings under construction (see [`SearchIndex`]).
    last: Vec<u32>,
    starts: Vec<u32>,
    fill: Vec<u32>,
    postings: Vec<u32>,
    forms: Vec<(String, u32)>,
    stems_by_text: Vec<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Collect each stem's raw forms, article by article.
    Forms,
    /// Tokenise metadata titles.
    Titles,
    /// Count each stem's articles.
    Count,
    /// Fill the postings.
    Fill,
    /// Sort the word forms (no articles: one step).
    SortForms,
    /// Sort the stems by text (one step).
    SortStems,
    Done,
}

impl SearchIndexBuilder {
    /// A builder at the start: nothing done yet.
    pub fn new(corpus: &Corpus) -> SearchIndexBuilder {
        SearchIndexBuilder {
            phase: if corpus.articles.is_empty() { Phase::Done } else { Phase::Forms },
            n: corpus.articles.len(),
            next: 0,
            forms_of: vec![Vec::new(); corpus.vocab.len()],
            raw: FxHashMap::default(),
            stem_id: FxHashMap::default(),
            extra: Vec::new(),
            titles: Vec::with_capacity(corpus.articles.len()),
            title_stems: Vec::with_capacity(corpus.articles.len()),
            last: Vec::new(),
            starts: Vec::new(),
            fill: Vec::new(),
            postings: Vec::new(),
            forms: Vec::new(),
            stems_by_text: Vec::new(),
        }
    }

    /// Work done, out of [`total`](Self::total) (articles times phases).
    pub fn done(&self) -> usize {
        let n = self.n;
        let done = match self.phase {
            Phase::Forms => self.next,
            Phase::Titles => n + self.next,
            Phase::Count => 2 * n + self.next,
            Phase::Fill => 3 * n + self.next,
            Phase::SortForms => 4 * n,
            Phase::SortStems => 4 * n + 1,
            Phase::Done => 4 * n + 2,
        };
        done.min(self.total())
    }
    /// All the work (see [`done`](Self::done)).
    pub fn total(&self) -> usize {
        4 * self.n + 2
    }

    /// Handles up to `articles` articles of the current phase; true when
    /// everything is done (then call [`finish`](Self::finish)).
    pub fn step(&mut self, corpus: &Corpus, articles: usize) -> bool {
        let n = self.n;
        if self.next == n && self.phase != Phase::Done {
            // Between phases: one-off work, a step of its own.
            self.next_phase(corpus);
            return self.phase == Phase::Done;
        }
        let end = self.next.saturating_add(articles.max(1)).min(n);
        let range = self.next..end;
        match self.phase {
            Phase::Forms => {
                for a in &corpus.articles[range] {
                    for t in &a.tokens {
                        let w = a.slice(t.span);
                        if let Some(list) = self.forms_of.get_mut(t.stem as usize) {
                            if !list.iter().any(|f| &**f == w) {
                                list.push(w.into());
                            }
                        }
                    }
                }
            }
            Phase::Titles => {
                let stemmer = english_stemmer();
                for a in &corpus.articles[range] {
                    let Some(title) = a.meta.title.as_deref() else {
                        self.titles.push(Vec::new());
                        self.title_stems.push(Vec::new());
                        continue;
                    };
                    let mut toks = Vec::new();
                    for (off, w) in token::words(title) {
                        let stem = match self.raw.get(w) {
                            Some(&s) => s,
                            None => {
                                let st = stem_word(&stemmer, w);
                                match self.stem_id.get(st.as_str()) {
                                    Some(&id) => id,
                                    None => {
                                        let id = (corpus.vocab.len() + self.extra.len()) as u32;
                                        self.stem_id.insert(st.clone(), id);
                                        self.extra.push(st);
                                        id
                                    }
                                }
                            }
                        };
                        toks.push(Token { span: Span::new(off, off + w.len()), stem });
                    }
                    self.title_stems.push(toks.iter().map(|t| t.stem).collect());
                    self.titles.push(toks);
                }
            }
            Phase::Count => {
                for ai in range {
                    let stems =
                        corpus.articles[ai].tokens.iter().map(|t| t.stem).chain(self.title_stems[ai].iter().copied());
                    for s in stems {
                        if self.last[s as usize] != ai as u32 {
                            self.last[s as usize] = ai as u32;
                            self.starts[s as usize + 1] += 1;
                        }
                    }
                }
            }
            Phase::Fill => {
                for ai in range {
                    let stems =
                        corpus.articles[ai].tokens.iter().map(|t| t.stem).chain(self.title_stems[ai].iter().copied());
                    for s in stems {
                        let s = s as usize;
                        if self.last[s] != ai as u32 {
                            self.last[s] = ai as u32;
                            self.postings[self.fill[s] as usize] = ai as u32;
                            self.fill[s] += 1;
                        }
                    }
                }
            }
            Phase::SortForms | Phase::SortStems => {}
            Phase::Done => return true,
        }
        self.next = end;
        false
    }

    fn next_phase(&mut self, corpus: &Corpus) {
        self.next = 0;
        self.phase = match self.phase {
            Phase::Forms => {
                // Comparing a title word against a stem's few forms is
                // cheaper than hashing every token; titles need the map.
                self.raw = self
                    .forms_of
                    .iter()
                    .enumerate()
                    .flat_map(|(stem, list)| list.iter().map(move |w| (w.to_string(), stem as u32)))
                    .collect();
                self.stem_id = corpus.vocab.iter().enumerate().map(|(i, s)| (s.clone(), i as u32)).collect();
                Phase::Titles
            }
            Phase::Titles => {
                let n_stems = corpus.vocab.len() + self.extra.len();
                self.last = vec![u32::MAX; n_stems];
                self.starts = vec![0u32; n_stems + 1];
                Phase::Count
            }
            Phase::Count => {
                let n_stems = self.last.len();
                for i in 0..n_stems {
                    self.starts[i + 1] += self.starts[i];
                }
                self.fill = self.starts[..n_stems].to_vec();
                self.postings = vec![0u32; self.starts[n_stems] as usize];
                self.last.iter_mut().for_each(|l| *l = u32::MAX);
                Phase::Fill
            }
            Phase::Fill => {
                let mut forms: Vec<(String, u32)> = self.raw.iter().map(|(w, &s)| (normalize_word(w), s)).collect();
                for (a, toks) in corpus.articles.iter().zip(&self.titles) {
                    let title = a.meta.title.as_deref().unwrap_or("");
                    forms.extend(toks.iter().map(|t| (normalize_word(&title[t.span.range()]), t.stem)));
                }
                crate::sort::ord(&mut forms);
                forms.dedup();
                self.forms = forms;
                self.next = self.n;
                Phase::SortForms
            }
            Phase::SortForms => {
                let (vocab, extra) = (&corpus.vocab, &self.extra);
                let text = |id: u32| -> &str {
                    let i = id as usize;
                    if i < vocab.len() {
                        &vocab[i]
                    } else {
                        &extra[i - vocab.len()]
                    }
                };
                let mut stems_by_text: Vec<u32> = (0..(vocab.len() + extra.len()) as u32).collect();
                crate::sort::by(&mut stems_by_text, |&x, &y| text(x).cmp(text(y)));
                self.stems_by_text = stems_by_text;
                self.next = self.n;
                Phase::SortStems
            }
            Phase::SortStems | Phase::Done => Phase::Done,
        };
    }

    /// The index (after the remaining steps, if any).
    pub fn finish(mut self, corpus: &Corpus) -> SearchIndex {
        while !self.step(corpus, usize::MAX) {}
        let n_stems = corpus.vocab.len() + self.extra.len();
        let (starts, postings) = if corpus.articles.is_empty() {
            (vec![0u32; n_stems + 1], Vec::new())
        } else {
            (self.starts, self.postings)
        };
        SearchIndex {
            forms: self.forms,
            stems_by_text: self.stems_by_text,
            extra: self.extra,
            starts,
            postings,
            titles: self.titles,
        }
    }
}
