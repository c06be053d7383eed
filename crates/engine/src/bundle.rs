//! Everything the page shows, computed once.
//!
//! The app's build script builds a [`Bundle`] natively from `seeds/` (or
//! `PARALLAX_CORPUS`) and serialises it into the wasm binary, so the
//! browser never re-runs the analysis for the compiled-in corpus. The CLI
//! builds the same bundle, so the page and the command line agree.

use serde::{Deserialize, Serialize};

use std::sync::OnceLock;

use crate::facets::{FacetIndex, FacetTable, Facets, TableSource};
use crate::lexicon::Lexicon;
use crate::model::{Article, Corpus, Span, Token};
use crate::passages::{self, Cluster, PairSummary, PassageConfig, Passages, SharedPassage};
use crate::search::SearchIndex;
use crate::source::CorpusSource;
use crate::stance::{self, Statement};
use crate::token;

/// Bumped whenever the serialised layout changes.
pub const BUNDLE_FORMAT: u32 = 8;

/// Everything the page shows, computed once from a corpus and a lexicon:
/// what the build script compiles into the page and the CLI prints.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// [`BUNDLE_FORMAT`] when it was written.
    pub format: u32,
    /// The articles, cleaned, segmented and tokenised.
    pub corpus: Corpus,
    /// The stance lexicon the statements were found with.
    pub lexicon: Lexicon,
    /// Every stance statement in the corpus; the matrix for any subset of
    /// articles is [`stance::matrix`] over these.
    pub statements: Vec<Statement>,
    /// Every shared passage and cluster.
    pub passages: Passages,
    /// The heat map: one summary per pair of articles that share something.
    pub pair_summaries: Vec<PairSummary>,
    /// Pairs of stems (smaller first, sorted) that the concept map relates
    /// and that face each other in a shared passage: what the pair view
    /// marks as the same concept in other words ([`passages::row_marks`]).
    pub related: Vec<(u32, u32)>,
    /// What each article mentions, shares and carries, for the facets.
    pub facet_index: FacetIndex,
    /// The search index and facet table, derived from the above on first
    /// use (not serialised: cheaper to rebuild than to ship).
    #[serde(skip)]
    pub prepared: Prepared,
}

/// Derived tables, built once on first use. Compares equal to any other
/// (it is a cache of the bundle's own data); a clone starts empty.
#[derive(Default)]
pub struct Prepared {
    search: OnceLock<SearchIndex>,
    table: OnceLock<FacetTable>,
}

impl Clone for Prepared {
    fn clone(&self) -> Prepared {
        Prepared::default()
    }
}
impl PartialEq for Prepared {
    fn eq(&self, _: &Prepared) -> bool {
        true
    }
}
impl std::fmt::Debug for Prepared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prepared")
            .field("search", &self.search.get().is_some())
            .field("table", &self.table.get().is_some())
            .finish()
    }
}

/// An issue found in the text is kept from this many cue targets up.
pub const FOUND_MIN_MENTIONS: usize = 1;

impl Bundle {
    /// Analyses `source` with `lexicon`: the corpus, statements, passages,
    /// heat-map summaries and facet index.
    pub fn build(source: CorpusSource, lexicon: Lexicon) -> Bundle {
        let corpus = Corpus::build(source);
        let statements = stance::extract(&corpus, &lexicon);
        Bundle::from_corpus(corpus, lexicon, statements)
    }

    /// [`Bundle::build`] with the lexicon found in the text
    /// ([`stance::discover`]: the actor model's actors, and the issues
    /// stance cues govern, from `FOUND_MIN_MENTIONS` targets up), its
    /// statements found without the cues that are positions only in a
    /// text about chosen issues ([`stance::extract_found`]).
    pub fn build_found(source: CorpusSource) -> Bundle {
        let corpus = Corpus::build(source);
        let actors = crate::actors::ActorModel::find(&corpus);
        let found = stance::discover(&corpus, &actors, FOUND_MIN_MENTIONS);
        let statements = stance::extract_found(&corpus, &found.lexicon);
        Bundle::from_corpus(corpus, found.lexicon, statements)
    }

    /// The analysis of a built corpus with `lexicon` and its statements.
    fn from_corpus(corpus: Corpus, lexicon: Lexicon, statements: Vec<stance::Statement>) -> Bundle {
        let passages = passages::find_passages(&corpus, &PassageConfig::default());
        let pair_summaries = passages::pair_summaries(&corpus, &passages);
        let related = passages::related_stems(&corpus, &passages.pairs);
        let facet_index = FacetIndex::build(&corpus, &lexicon, &passages);
        Bundle {
            format: BUNDLE_FORMAT,
            corpus,
            lexicon,
            statements,
            passages,
            pair_summaries,
            related,
            facet_index,
            prepared: Prepared::default(),
        }
    }

    /// The search index (built on first use: the first search pays for it).
    pub fn search(&self) -> &SearchIndex {
        self.prepared.search.get_or_init(|| SearchIndex::build(&self.corpus))
    }

    /// Is the search index there (see [`Bundle::set_search`])?
    pub fn search_ready(&self) -> bool {
        self.prepared.search.get().is_some()
    }

    /// Installs an index built elsewhere, in steps ([`crate::search::SearchIndexBuilder`]
    /// over this bundle's corpus); ignored if one is there already.
    pub fn set_search(&self, index: SearchIndex) {
        let _ = self.prepared.search.set(index);
    }

    /// What its facet table is built from (see [`crate::facets::FacetTableBuilder`]).
    pub fn table_source(&self) -> TableSource<'_> {
        TableSource { corpus: &self.corpus, lexicon: &self.lexicon, passages: &self.passages, index: &self.facet_index }
    }

    /// Is the facet table there (built by [`Bundle::facets`] or installed
    /// by [`Bundle::set_table`])?
    pub fn table_ready(&self) -> bool {
        self.prepared.table.get().is_some()
    }

    /// Installs a facet table built elsewhere, in steps (a
    /// [`crate::facets::FacetTableBuilder`] over [`Bundle::table_source`]); ignored if one
    /// is there already.
    pub fn set_table(&self, table: FacetTable) {
        let _ = self.prepared.table.set(table);
    }

    /// The facets over this bundle (its facet table is built on first use).
    pub fn facets(&self) -> Facets<'_> {
        let table = self
            .prepared
            .table
            .get_or_init(|| FacetTable::build(&self.corpus, &self.lexicon, &self.passages, &self.facet_index));
        Facets { source: self.table_source(), table, search: &self.prepared.search }
    }
}

/// Everything but the articles, passages and clusters, which follow it one
/// by one in the stored form ([`Bundle::to_stored`]).
#[derive(Serialize, Deserialize)]
struct Head {
    format: u32,
    name: String,
    /// The stem vocabulary when tokens are stored (each article is then
    /// followed by its tokens); None when the reader tokenises again.
    vocab: Option<Vec<String>>,
    lexicon: Lexicon,
    statements: Vec<Statement>,
    pair_summaries: Vec<PairSummary>,
    related: Vec<(u32, u32)>,
    facet_index: FacetIndex,
    articles: u32,
    passages: u32,
    clusters: u32,
}

/// Corpora with less text than this are stored without their tokens, and
/// the reader tokenises them again; larger ones carry their tokens.
///
/// Tokens and stems are about 40 % of a stored corpus (gzipped), but
/// tokenising again costs about 0.17 ms per KB of text natively (word
/// segmentation and stemming) and several times that in the page's
/// first, unoptimised run of the wasm: for the seeds (25 KB) 11 KB less
/// to download for about 40 ms more start-up on this machine; for 5,000
/// articles (10 MB) it would be seconds of work to save 2 MB. Below this,
/// the bytes weigh more.
pub const DERIVE_TOKENS_BELOW: usize = 128 * 1024;

impl Bundle {
    /// Whether [`Bundle::to_stored`] stores tokens (see [`DERIVE_TOKENS_BELOW`]).
    pub fn stores_tokens(&self) -> bool {
        self.corpus.articles.iter().map(|a| a.text.len()).sum::<usize>() >= DERIVE_TOKENS_BELOW
    }

    /// The stored form that the page compiles in: a head (the format
    /// first), then every article (with its tokens if
    /// [`Bundle::stores_tokens`]), shared passage and cluster one after
    /// another, so that [`BundleReader`] can read it a few at a time.
    pub fn to_stored(&self) -> Result<Vec<u8>, String> {
        let count = |n: usize, what: &str| u32::try_from(n).map_err(|_| format!("too many {what} to store: {n}"));
        let tokens = self.stores_tokens();
        let head = Head {
            format: self.format,
            name: self.corpus.name.clone(),
            vocab: tokens.then(|| self.corpus.vocab.clone()),
            lexicon: self.lexicon.clone(),
            statements: self.statements.clone(),
            pair_summaries: self.pair_summaries.clone(),
            related: self.related.clone(),
            facet_index: self.facet_index.clone(),
            articles: count(self.corpus.articles.len(), "articles")?,
            passages: count(self.passages.pairs.len(), "shared passages")?,
            clusters: count(self.passages.clusters.len(), "clusters")?,
        };
        let err = |e: postcard::Error| format!("cannot store the bundle: {e}");
        let mut out = postcard::to_allocvec(&head).map_err(err)?;
        for a in &self.corpus.articles {
            out = postcard::to_extend(a, out).map_err(err)?;
            if tokens {
                out = postcard::to_extend(&flat_tokens(&a.tokens), out).map_err(err)?;
            }
        }
        for p in &self.passages.pairs {
            out = postcard::to_extend(p, out).map_err(err)?;
        }
        for c in &self.passages.clusters {
            out = postcard::to_extend(c, out).map_err(err)?;
        }
        Ok(out)
    }
}

/// Reads a bundle's stored form ([`Bundle::to_stored`]) in steps of about
/// a given number of bytes, so that the page can show its progress and
/// never block for long on a large corpus. Whatever the steps, the result
/// is the same bundle.
///
/// A small corpus's articles are stored without their tokens (see
/// [`DERIVE_TOKENS_BELOW`]): the reader tokenises each again as it reads
/// it, with the tokeniser that made them, numbering stems article by
/// article in id order as [`Corpus::build`] does, so tokens and vocabulary
/// come out the same (`tests/bundle_stored.rs`).
pub struct BundleReader<'a> {
    rest: &'a [u8],
    total: usize,
    head: Head,
    articles: Vec<Article>,
    vocab: token::Vocab,
    stems: token::StemCache,
    pairs: Vec<SharedPassage>,
    clusters: Vec<Cluster>,
}

impl<'a> BundleReader<'a> {
    /// Reads the head. Fails on another format or a damaged head.
    pub fn new(bytes: &'a [u8]) -> Result<BundleReader<'a>, String> {
        let damaged = |e: postcard::Error| format!("the stored corpus is damaged: {e}");
        let (format, _) = postcard::take_from_bytes::<u32>(bytes).map_err(damaged)?;
        if format != BUNDLE_FORMAT {
            return Err(format!("the stored corpus has format {format}, expected {BUNDLE_FORMAT}"));
        }
        let (head, rest) = postcard::take_from_bytes::<Head>(bytes).map_err(damaged)?;
        // No more room reserved than the bytes could hold (a damaged count
        // must not allocate gigabytes): every item takes at least one byte.
        let room = |n: u32| (n as usize).min(rest.len());
        Ok(BundleReader {
            total: bytes.len(),
            articles: Vec::with_capacity(room(head.articles)),
            pairs: Vec::with_capacity(room(head.passages)),
            clusters: Vec::with_capacity(room(head.clusters)),
            vocab: token::Vocab::default(),
            stems: token::StemCache::default(),
            rest,
            head,
        })
    }

    /// Reads items until about `bytes` more bytes are read (at least one
    /// item). Returns true once everything is read.
    pub fn step(&mut self, bytes: usize) -> Result<bool, String> {
        let goal = self.rest.len().saturating_sub(bytes.max(1));
        loop {
            let h = &self.head;
            if self.articles.len() < h.articles as usize {
                self.rest = take(self.rest, &mut self.articles, "an article")?;
                let n = self.articles.len();
                let damaged = |e: String| format!("the stored corpus is damaged at an article (item {n}): {e}");
                if let Some(a) = self.articles.last_mut() {
                    if let Some(vocab) = &self.head.vocab {
                        let (flat, rest) = postcard::take_from_bytes::<Vec<u32>>(self.rest)
                            .map_err(|e| damaged(format!("its tokens: {e}")))?;
                        self.rest = rest;
                        stored_tokens(a, &flat, vocab.len()).map_err(damaged)?;
                    } else {
                        tokenize(a, &mut self.vocab, &mut self.stems).map_err(damaged)?;
                    }
                }
            } else if self.pairs.len() < h.passages as usize {
                self.rest = take(self.rest, &mut self.pairs, "a shared passage")?;
            } else if self.clusters.len() < h.clusters as usize {
                self.rest = take(self.rest, &mut self.clusters, "a cluster")?;
            } else if !self.rest.is_empty() {
                return Err(format!("the stored corpus has {} bytes too many at its end", self.rest.len()));
            } else {
                return Ok(true);
            }
            if self.rest.len() <= goal {
                return Ok(false);
            }
        }
    }

    /// Bytes read so far, and in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.total - self.rest.len(), self.total)
    }

    /// Reads what remains and returns the bundle.
    pub fn finish(mut self) -> Result<Bundle, String> {
        while !self.step(usize::MAX)? {}
        let Head { format, name, vocab, lexicon, statements, pair_summaries, related, facet_index, .. } = self.head;
        let vocab = vocab.unwrap_or_else(|| self.vocab.into_vec());
        Ok(Bundle {
            format,
            corpus: Corpus { name, articles: self.articles, vocab },
            lexicon,
            statements,
            passages: Passages { pairs: self.pairs, clusters: self.clusters },
            pair_summaries,
            related,
            facet_index,
            prepared: Prepared::default(),
        })
    }

    /// Reads a whole stored bundle at once.
    pub fn read(bytes: &'a [u8]) -> Result<Bundle, String> {
        BundleReader::new(bytes)?.finish()
    }
}

/// Gives a read article its tokens and its sentences their token ranges.
/// Fails, rather than panics, on sentence spans that do not fit its text.
fn tokenize(a: &mut Article, vocab: &mut token::Vocab, stems: &mut token::StemCache) -> Result<(), String> {
    let mut spans = Vec::with_capacity(a.sentences.len());
    for s in &a.sentences {
        let r = s.span.range();
        if r.start > r.end || a.text.get(r).is_none() || s.paragraph as usize >= a.paragraphs.len() {
            return Err(format!("sentence {}..{} does not fit the text", s.span.start, s.span.end));
        }
        spans.push((s.span, s.paragraph));
    }
    let (sentences, mut tokens, local) = token::tokenize_cached(&a.text, spans, stems);
    vocab.renumber(&local, &mut tokens);
    a.sentences = sentences;
    a.tokens = tokens;
    Ok(())
}

/// Tokens stored compactly: per token the gap from the previous token's
/// end, its length and its stem, one flat list of small numbers (mostly a
/// byte each in postcard's varints).
fn flat_tokens(tokens: &[Token]) -> Vec<u32> {
    let mut flat = Vec::with_capacity(tokens.len() * 3);
    let mut end = 0u32;
    for t in tokens {
        flat.push(t.span.start.saturating_sub(end));
        flat.push(t.span.end - t.span.start);
        flat.push(t.stem);
        end = t.span.end;
    }
    flat
}

/// Gives a read article its stored tokens ([`flat_tokens`]) and its
/// sentences their token ranges. Fails on tokens outside the text or
/// stems outside the vocabulary.
fn stored_tokens(a: &mut Article, flat: &[u32], stems: usize) -> Result<(), String> {
    if !flat.len().is_multiple_of(3) {
        return Err("token list length is not a multiple of 3".into());
    }
    let mut tokens = Vec::with_capacity(flat.len() / 3);
    let mut end = 0u32;
    for c in flat.chunks_exact(3) {
        let start = end.checked_add(c[0]).ok_or("token offset overflows")?;
        let stop = start.checked_add(c[1]).ok_or("token offset overflows")?;
        if a.text.get(start as usize..stop as usize).is_none() || c[2] as usize >= stems {
            return Err(format!("token {start}..{stop} does not fit the text or the vocabulary"));
        }
        tokens.push(Token { span: Span { start, end: stop }, stem: c[2] });
        end = stop;
    }
    // Each sentence's tokens: those inside its span (tokens and sentences
    // are both in text order).
    let mut at = 0usize;
    for s in &mut a.sentences {
        while at < tokens.len() && tokens[at].span.start < s.span.start {
            at += 1;
        }
        let first = at;
        while at < tokens.len() && tokens[at].span.end <= s.span.end {
            at += 1;
        }
        s.first_token = first as u32;
        s.token_count = (at - first) as u32;
    }
    a.tokens = tokens;
    Ok(())
}

fn take<'a, T: Deserialize<'a>>(bytes: &'a [u8], into: &mut Vec<T>, what: &str) -> Result<&'a [u8], String> {
    let (item, rest) = postcard::take_from_bytes::<T>(bytes)
        .map_err(|e| format!("the stored corpus is damaged at {what} (item {}): {e}", into.len() + 1))?;
    into.push(item);
    Ok(rest)
}
