//! `parallax stances`: the actor × issue matrix as JSON (the exact shape
//! outside checks read) or CSV (one row per evidence sentence).

use parallax_engine::lexicon::Lexicon;
use parallax_engine::stance::{self, StanceMatrix, Statement};
use parallax_engine::Corpus;
use serde_json::{json, Value};

pub use parallax_loader::{lexicon_path, load_lexicon};

/// Extracts the statements and the matrix over all articles.
pub fn compute(corpus: &Corpus, lex: &Lexicon) -> (Vec<Statement>, StanceMatrix) {
    let statements = stance::extract(corpus, lex);
    let all: Vec<usize> = (0..corpus.articles.len()).collect();
    let m = stance::matrix(&statements, &all);
    (statements, m)
}

/// `[{"actor", "issue", "stance", "evidence": [{"article", "start", "end"}]}]`,
/// cells in matrix order (rows and columns by evidence count).
pub fn json(corpus: &Corpus, lex: &Lexicon, m: &StanceMatrix) -> Value {
    Value::Array(
        m.cells
            .iter()
            .map(|c| {
                json!({
                    "actor": lex.actors[c.actor].name,
                    "issue": lex.issues[c.issue].name,
                    "stance": c.stance.label(),
                    "evidence": c.evidence.iter().map(|e| json!({
                        "article": corpus.articles[e.article].meta.id,
                        "start": e.span.start,
                        "end": e.span.end,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect(),
    )
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One row per evidence sentence.
pub fn csv(corpus: &Corpus, lex: &Lexicon, statements: &[Statement], m: &StanceMatrix) -> String {
    let mut out = String::from("actor,issue,stance,polarity,article,outlet,date,start,end,cue,sentence\n");
    for c in &m.cells {
        for e in &c.evidence {
            let a = &corpus.articles[e.article];
            let st = &statements[e.statement];
            let sentence: String = a.slice(e.span).split_whitespace().collect::<Vec<_>>().join(" ");
            let row = [
                lex.actors[c.actor].name.as_str(),
                lex.issues[c.issue].name.as_str(),
                c.stance.label(),
                e.polarity.label(),
                a.meta.id.as_str(),
                a.meta.outlet_or_unknown(),
                a.meta.date.as_deref().unwrap_or(""),
                &e.span.start.to_string(),
                &e.span.end.to_string(),
                a.slice(st.cue),
                &sentence,
            ];
            out.push_str(&row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
            out.push('\n');
        }
    }
    out
}
