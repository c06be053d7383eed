//! JSON shapes of `parallax passages`: shared passage pairs and clusters.

use parallax_engine::passages::{find_passages, PassageConfig, PassageSide, Passages};
use parallax_engine::Corpus;
use serde_json::{json, Value};

fn side(corpus: &Corpus, s: &PassageSide) -> Value {
    let a = &corpus.articles[s.article as usize];
    json!({"article": a.id(), "start": s.span.start, "end": s.span.end})
}

fn run(corpus: &Corpus) -> Passages {
    find_passages(corpus, &PassageConfig::default())
}

/// `[{"a": {"article", "start", "end"}, "b": {...}, "score"}, ...]`, sorted
/// by (a, b) in id order; `a` is always the article with the smaller id.
pub fn pairs_json(corpus: &Corpus) -> Value {
    let p = run(corpus);
    Value::Array(
        p.pairs
            .iter()
            .map(|sp| {
                json!({
                    "a": side(corpus, &sp.a),
                    "b": side(corpus, &sp.b),
                    "score": (sp.score as f64 * 1000.0).round() / 1000.0,
                })
            })
            .collect(),
    )
}

/// `[{"id", "articles": [ids], "members": [{"article", "start", "end",
/// "text"}]}]`, sorted by reach (number of articles), then position.
pub fn clusters_json(corpus: &Corpus) -> Value {
    let p = run(corpus);
    Value::Array(
        p.clusters
            .iter()
            .map(|c| {
                json!({
                    "id": c.id,
                    "articles": c.articles.iter().map(|&a| corpus.articles[a as usize].id()).collect::<Vec<_>>(),
                    "members": c.members.iter().map(|m| {
                        let mut v = side(corpus, m);
                        v["text"] = json!(corpus.articles[m.article as usize].slice(m.span));
                        v
                    }).collect::<Vec<_>>(),
                })
            })
            .collect(),
    )
}
