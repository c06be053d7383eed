//! The stance matrix as JSON and CSV: one shape for the CLI and the page's
//! export buttons, so what a user downloads is what outside checks read.

use serde::Serialize;

use crate::lexicon::Lexicon;
use crate::model::Corpus;
use crate::stance::{StanceMatrix, Statement};

/// One cell of [`stances_json`]. Fields in alphabetical order, as the
/// JSON has always had them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CellJson<'a> {
    /// The actor's name.
    pub actor: &'a str,
    /// The sentences that show the stance.
    pub evidence: Vec<EvidenceJson<'a>>,
    /// The issue's name.
    pub issue: &'a str,
    /// The stance: "support", "oppose" or "mixed".
    pub stance: &'static str,
}

/// One evidence sentence of a [`CellJson`]: byte offsets into the article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvidenceJson<'a> {
    /// The article's id.
    pub article: &'a str,
    /// Where the sentence ends (exclusive).
    pub end: u32,
    /// Where the sentence starts.
    pub start: u32,
}

/// `[{"actor", "evidence": [{"article", "end", "start"}], "issue", "stance"}]`,
/// cells in matrix order (rows and columns by evidence count). Typed rather
/// than a `serde_json::Value`, so that the page can write it without
/// serde_json (the browser's `JSON.stringify` does).
pub fn stances_json<'a>(corpus: &'a Corpus, lex: &'a Lexicon, m: &StanceMatrix) -> Vec<CellJson<'a>> {
    m.cells
        .iter()
        .map(|c| CellJson {
            actor: &lex.actors[c.actor].name,
            evidence: c
                .evidence
                .iter()
                .map(|e| EvidenceJson {
                    article: &corpus.articles[e.article].meta.id,
                    end: e.span.end,
                    start: e.span.start,
                })
                .collect(),
            issue: &lex.issues[c.issue].name,
            stance: c.stance.label(),
        })
        .collect()
}

/// A CSV field: quoted when needed; a leading `=`, `+`, `@` or tab is
/// escaped so spreadsheets do not run it as a formula.
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '@', '\t']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// One row per evidence sentence.
pub fn stances_csv(corpus: &Corpus, lex: &Lexicon, statements: &[Statement], m: &StanceMatrix) -> String {
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
