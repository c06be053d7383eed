//! JSON shapes of `parallax passages`: shared passage pairs and clusters.

use parallax_engine::passages::{find_pairs, find_passages, PassageConfig, PassageSide, Passages};
use parallax_engine::Corpus;
use serde::{Serialize, Serializer};
use serde_json::{json, Value};

fn side(corpus: &Corpus, s: &PassageSide) -> Value {
    let a = &corpus.articles[s.article as usize];
    json!({"article": a.id(), "start": s.span.start, "end": s.span.end})
}

fn run(corpus: &Corpus) -> Passages {
    find_passages(corpus, &PassageConfig::default())
}

/// One side of a pair as printed. Fields in the order `serde_json`'s maps
/// print them (sorted), so the typed output is the `json!` output.
#[derive(Serialize)]
struct SideOut<'a> {
    article: &'a str,
    end: u32,
    start: u32,
}

#[derive(Serialize)]
struct PairOut<'a> {
    a: SideOut<'a>,
    b: SideOut<'a>,
    score: f64,
}

/// Writes `[{"a": {"article", "start", "end"}, "b": {...}, "score"}, ...]`,
/// sorted by (a, b) in id order; `a` is always the article with the
/// smaller id. Streamed: a corpus of thousands of articles has hundreds of
/// thousands of pairs.
pub fn write_pairs(corpus: &Corpus, out: impl std::io::Write) -> serde_json::Result<()> {
    let pairs = find_pairs(corpus, &PassageConfig::default());
    let side = |s: &PassageSide| SideOut {
        article: corpus.articles[s.article as usize].id(),
        end: s.span.end,
        start: s.span.start,
    };
    let pairs = pairs.iter().map(|sp| PairOut {
        a: side(&sp.a),
        b: side(&sp.b),
        score: (sp.score as f64 * 1000.0).round() / 1000.0,
    });
    let mut ser = serde_json::Serializer::new(out);
    ser.collect_seq(pairs)
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
