//! The command line's JSON shapes: serialisable counterparts of the
//! engine's types (the engine's own types stay free to change).

use parallax_engine::{Corpus, Span};
use serde_json::{json, Value};

fn span(a: &parallax_engine::Article, s: Span) -> Value {
    json!({"start": s.start, "end": s.end, "text": a.slice(s)})
}

pub fn corpus_json(corpus: &Corpus) -> Value {
    Value::Array(
        corpus
            .articles
            .iter()
            .map(|a| {
                json!({
                    "id": a.meta.id,
                    "title": a.title(),
                    "outlet": a.meta.outlet,
                    "url": a.meta.url,
                    "date": a.meta.date,
                    "event": a.meta.event,
                    "bytes": a.text.len(),
                    "words": a.word_count(),
                    "paragraphs": a.paragraphs.iter().map(|p| {
                        let mut v = span(a, p.span);
                        v["kind"] = json!(p.kind);
                        v
                    }).collect::<Vec<_>>(),
                    "sentences": a.sentences.iter().map(|s| span(a, s.span)).collect::<Vec<_>>(),
                    "removed": a.removed.iter().map(|r| {
                        let mut v = span(a, r.span);
                        v["reason"] = json!(r.reason);
                        v
                    }).collect::<Vec<_>>(),
                })
            })
            .collect(),
    )
}
