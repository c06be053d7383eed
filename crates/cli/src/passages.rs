//! JSON shapes of `parallax passages`: shared passage pairs and clusters.

use std::collections::hash_map::{Entry, HashMap};
use std::io::Write;

use parallax_engine::passages::{find_pair_sides, find_passages, PassageConfig, PassageSide, Passages};
use parallax_engine::Corpus;
use serde_json::{json, Value};

fn side(corpus: &Corpus, s: &PassageSide) -> Value {
    let a = &corpus.articles[s.article as usize];
    json!({"article": a.id(), "start": s.span.start, "end": s.span.end})
}

fn run(corpus: &Corpus) -> Passages {
    find_passages(corpus, &PassageConfig::default())
}

/// Writes `[{"a": {"article", "end", "start"}, "b": {...}, "score"}, ...]`
/// (compact, keys sorted: what `serde_json` prints for the same maps),
/// sorted by (a, b) in id order; `a` is always the article with the
/// smaller id. Streamed: a corpus of thousands of articles has hundreds of
/// thousands of pairs, so each piece is formatted once: ids as JSON
/// strings per article, each rounded score once.
pub fn write_pairs(corpus: &Corpus, mut out: impl Write) -> std::io::Result<()> {
    let pairs = find_pair_sides(corpus, &PassageConfig::default());
    let ids: Vec<String> = corpus.articles.iter().map(|a| serde_json::to_string(a.id())).collect::<Result<_, _>>()?;
    let mut scores: HashMap<u64, String> = HashMap::new();
    let mut rec: Vec<u8> = Vec::with_capacity(256);
    out.write_all(b"[")?;
    for (k, sp) in pairs.iter().enumerate() {
        rec.clear();
        if k > 0 {
            rec.push(b',');
        }
        for (key, s) in [(&b"{\"a\":{\"article\":"[..], &sp.a), (&b",\"b\":{\"article\":"[..], &sp.b)] {
            rec.extend_from_slice(key);
            rec.extend_from_slice(ids[s.article as usize].as_bytes());
            rec.extend_from_slice(b",\"end\":");
            push_u32(&mut rec, s.span.end);
            rec.extend_from_slice(b",\"start\":");
            push_u32(&mut rec, s.span.start);
            rec.push(b'}');
        }
        rec.extend_from_slice(b",\"score\":");
        let score = (sp.score as f64 * 1000.0).round() / 1000.0;
        let text = match scores.entry(score.to_bits()) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => e.insert(serde_json::to_string(&score)?),
        };
        rec.extend_from_slice(text.as_bytes());
        rec.push(b'}');
        out.write_all(&rec)?;
    }
    out.write_all(b"]")
}

/// `n` in decimal, as `serde_json` prints it.
fn push_u32(out: &mut Vec<u8>, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
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
