//! The analysed corpus: plain data with public fields.

use serde::{Deserialize, Serialize};

use crate::source::ArticleMeta;

/// A half-open byte range `[start, end)` into an article's original text.
///
/// `u32`, not `usize`: the same on native and wasm32, and half the size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// The first byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// `[start, end)`; `start <= end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start: start as u32, end: end as u32 }
    }
    /// As a range, for slicing the text.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    /// Its length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    /// No bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    /// Does it hold all of `other`?
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// Do the two share a byte?
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What kind of text a kept paragraph is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// The headline (the first kept line, when it reads like one).
    Title,
    /// A short line without sentence punctuation inside the body.
    Heading,
    /// Any other kept paragraph.
    Body,
}

/// A kept paragraph (a line of the cleaned text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Where it is in the original text.
    pub span: Span,
    /// Headline, heading or body.
    pub kind: ParagraphKind,
    /// Index of the first sentence of this paragraph in `Article::sentences`.
    pub first_sentence: u32,
    /// Number of sentences in this paragraph.
    pub sentence_count: u32,
}

/// A sentence of a kept paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where it is in the original text.
    pub span: Span,
    /// Index into `Article::paragraphs`.
    pub paragraph: u32,
    /// Index of the first token of this sentence in `Article::tokens`.
    /// Not stored in a bundle: the reader sets it (see `Article::tokens`).
    #[serde(skip)]
    pub first_token: u32,
    /// Number of its tokens (not stored either).
    #[serde(skip)]
    pub token_count: u32,
}

/// A word: its span in the original text and its stem (an index into
/// `Corpus::vocab`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// The word in the original text.
    pub span: Span,
    /// Its stem: an index into `Corpus::vocab`.
    pub stem: u32,
}

/// Why a stretch of the scraped page was removed as boilerplate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// Comment forms, navigation, "related" boxes, ad markers.
    PageChrome,
    /// A "Read more:" / "Click to play video:" label and the teaser
    /// headlines that follow it.
    Teaser,
    /// The same short line repeated within the article.
    Repeated,
    /// A short line that several articles of the corpus carry verbatim.
    SharedBoilerplate,
    /// A navigation trail ("Home › Section › Title").
    Breadcrumb,
    /// A line that is (or starts with) a web address.
    SourceLink,
    /// An author biography or contact line.
    AuthorBio,
    /// Short fragments closing the page after the article's last sentence.
    Trailer,
    /// Site furniture: subscription appeals, newsletter sign-ups, copyright
    /// and syndication notes, cookie banners, share and related links
    /// (`data/furniture.txt`).
    Furniture,
}

impl RemovalReason {
    /// How the reader names it.
    pub fn label(self) -> &'static str {
        match self {
            RemovalReason::PageChrome => "page chrome",
            RemovalReason::Teaser => "link teaser",
            RemovalReason::Repeated => "repeated line",
            RemovalReason::SharedBoilerplate => "boilerplate shared by several pages",
            RemovalReason::Breadcrumb => "breadcrumb",
            RemovalReason::SourceLink => "source link",
            RemovalReason::AuthorBio => "author bio",
            RemovalReason::Trailer => "page trailer",
            RemovalReason::Furniture => "site furniture",
        }
    }
}

/// A stretch of the scraped page removed as boilerplate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// Where it is in the original text.
    pub span: Span,
    /// Why it was removed.
    pub reason: RemovalReason,
}

/// One analysed article: its original text and what the pipeline found in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Id, title, outlet, date, event.
    pub meta: ArticleMeta,
    /// The original file text, exactly as read (after UTF-8 validation).
    pub text: String,
    /// Kept paragraphs, in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences, in text order.
    pub sentences: Vec<Sentence>,
    /// Stored after the article in a bundle, or not at all for a small
    /// corpus, which [`crate::bundle::BundleReader`] tokenises again (see
    /// [`crate::bundle::DERIVE_TOKENS_BELOW`]).
    #[serde(skip)]
    pub tokens: Vec<Token>,
    /// Boilerplate removed by [`crate::clean`], in text order.
    pub removed: Vec<Removed>,
}

impl Article {
    /// Its id (file stem or JSON `id`).
    pub fn id(&self) -> &str {
        &self.meta.id
    }
    /// The text at `span`.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }
    /// The display title: the metadata's, else the headline, else the start
    /// of the first sentence.
    pub fn title(&self) -> &str {
        if let Some(t) = self.meta.title.as_deref() {
            return t;
        }
        match self.paragraphs.first() {
            Some(p) => self.slice(p.span),
            None => "(empty article)",
        }
    }
    /// Sentences of the body (not the headline).
    pub fn body_sentences(&self) -> impl Iterator<Item = (usize, &Sentence)> {
        self.sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| self.paragraphs[s.paragraph as usize].kind != ParagraphKind::Title)
    }
    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        let s = &self.sentences[i];
        let a = s.first_token as usize;
        &self.tokens[a..a + s.token_count as usize]
    }
    /// Number of words in the cleaned text.
    pub fn word_count(&self) -> usize {
        self.tokens.len()
    }
    /// The first sentence of a body paragraph, for list snippets.
    pub fn lede(&self) -> Option<&Sentence> {
        self.sentences
            .iter()
            .find(|s| self.paragraphs[s.paragraph as usize].kind == ParagraphKind::Body)
            .or(self.sentences.first())
    }
    /// Index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: u32) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }
}

/// The analysed corpus (built by `Corpus::build`, in `pipeline.rs`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// The corpus's name (folder or file).
    pub name: String,
    /// Articles sorted by id.
    pub articles: Vec<Article>,
    /// Stems, indexed by `Token::stem`.
    pub vocab: Vec<String>,
}

impl Corpus {
    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.binary_search_by(|a| a.meta.id.as_str().cmp(id)).ok().map(|i| &self.articles[i])
    }
    /// The index of the article with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.articles.binary_search_by(|a| a.meta.id.as_str().cmp(id)).ok()
    }
    /// The text of stem `id`.
    pub fn stem(&self, id: u32) -> &str {
        &self.vocab[id as usize]
    }
    /// Distinct events, in order of first appearance by date then name.
    pub fn events(&self) -> Vec<&str> {
        let mut ev: Vec<(&str, &str)> = self
            .articles
            .iter()
            .filter_map(|a| a.meta.event.as_deref().map(|e| (a.meta.date.as_deref().unwrap_or("~"), e)))
            .collect();
        crate::sort::ord(&mut ev);
        let mut seen = Vec::new();
        for (_, e) in ev {
            if !seen.contains(&e) {
                seen.push(e);
            }
        }
        seen
    }
}
