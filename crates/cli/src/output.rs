//! The command line's JSON shapes for `parallax corpus`: serialisable
//! counterparts of the engine's types (the engine's own types stay free to
//! change). Fields are declared in alphabetical order, the order the
//! output has always had.

use parallax_engine::{Article, Corpus, ParagraphKind, RemovalReason, Span};
use serde::Serialize;

/// A stretch of an article: `{"end", "kind"?, "reason"?, "start", "text"}`
/// (a paragraph has a kind, removed boilerplate a reason).
#[derive(Serialize)]
struct SpanJson<'a> {
    end: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<ParagraphKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<RemovalReason>,
    start: u32,
    text: &'a str,
}

impl<'a> SpanJson<'a> {
    /// `s` in `a`, without a kind or a reason.
    fn new(a: &'a Article, s: Span) -> Self {
        SpanJson { end: s.end, kind: None, reason: None, start: s.start, text: a.slice(s) }
    }
}

/// One article of `parallax corpus`: its metadata, size and parsed pieces.
#[derive(Serialize)]
pub struct ArticleJson<'a> {
    bytes: usize,
    date: Option<&'a str>,
    event: Option<&'a str>,
    id: &'a str,
    outlet: Option<&'a str>,
    paragraphs: Vec<SpanJson<'a>>,
    removed: Vec<SpanJson<'a>>,
    sentences: Vec<SpanJson<'a>>,
    title: &'a str,
    url: Option<&'a str>,
    words: usize,
}

impl<'a> ArticleJson<'a> {
    /// The row of article `a`.
    fn new(a: &'a Article) -> Self {
        let m = &a.meta;
        ArticleJson {
            bytes: a.text.len(),
            date: m.date.as_deref(),
            event: m.event.as_deref(),
            id: &m.id,
            outlet: m.outlet.as_deref(),
            paragraphs: a
                .paragraphs
                .iter()
                .map(|p| SpanJson { kind: Some(p.kind), ..SpanJson::new(a, p.span) })
                .collect(),
            removed: a
                .removed
                .iter()
                .map(|r| SpanJson { reason: Some(r.reason), ..SpanJson::new(a, r.span) })
                .collect(),
            sentences: a.sentences.iter().map(|s| SpanJson::new(a, s.span)).collect(),
            title: a.title(),
            url: m.url.as_deref(),
            words: a.word_count(),
        }
    }
}

/// Every article of `corpus`, in corpus (id) order.
pub fn corpus_json(corpus: &Corpus) -> Vec<ArticleJson<'_>> {
    corpus.articles.iter().map(ArticleJson::new).collect()
}
