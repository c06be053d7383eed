//! The stance matrix as JSON and CSV: one shape for the CLI and the page's
//! export buttons, so what a user downloads is what outside checks read.
//! Each evidence sentence stands alone: its text, cue, stance, and the
//! article's id, title, outlet and date travel with it.

use serde::Serialize;

use crate::lexicon::Lexicon;
use crate::model::{Article, Corpus};
use crate::stance::{Evidence, StanceMatrix, Statement};

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
    /// The cell's verdict over its evidence: "support", "oppose" or "mixed".
    pub stance: &'static str,
}

/// One evidence sentence of a [`CellJson`], with what a reader needs to
/// check it without the corpus. Fields in alphabetical order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvidenceJson<'a> {
    /// The article's id.
    pub article: &'a str,
    /// The words that carry the stance ("backed", "rejected").
    pub cue: &'a str,
    /// The article's date (`YYYY-MM-DD`), if known.
    pub date: Option<&'a str>,
    /// Where the sentence ends (exclusive), a byte offset into the
    /// article's original text.
    pub end: u32,
    /// The article's outlet, if known.
    pub outlet: Option<&'a str>,
    /// The sentence, its runs of white space made one space.
    pub sentence: String,
    /// This sentence's stance: "support" or "oppose".
    pub stance: &'static str,
    /// Where the sentence starts (byte offset).
    pub start: u32,
    /// The article's title, its runs of white space made one space.
    pub title: String,
}

/// `s` with every run of white space made one space, trimmed.
fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// One evidence sentence as both exports write it.
fn evidence<'a>(corpus: &'a Corpus, statements: &[Statement], e: &Evidence) -> EvidenceJson<'a> {
    let a: &'a Article = &corpus.articles[e.article];
    EvidenceJson {
        article: &a.meta.id,
        cue: a.slice(statements[e.statement].cue),
        date: a.meta.date.as_deref(),
        end: e.span.end,
        outlet: a.meta.outlet.as_deref(),
        sentence: squash(a.slice(e.span)),
        stance: e.polarity.label(),
        start: e.span.start,
        title: squash(a.title()),
    }
}

/// `[{"actor", "evidence": [{"article", "cue", "date", "end", "outlet",
/// "sentence", "stance", "start", "title"}], "issue", "stance"}]`, cells in
/// matrix order (rows and columns by evidence count), evidence in article
/// then sentence order. A missing date or outlet is `null`. Typed rather
/// than a `serde_json::Value`, so that the page can write it without
/// serde_json (the browser's `JSON.stringify` does).
pub fn stances_json<'a>(
    corpus: &'a Corpus,
    lex: &'a Lexicon,
    statements: &[Statement],
    m: &StanceMatrix,
) -> Vec<CellJson<'a>> {
    m.cells
        .iter()
        .map(|c| CellJson {
            actor: &lex.actors[c.actor].name,
            evidence: c.evidence.iter().map(|e| evidence(corpus, statements, e)).collect(),
            issue: &lex.issues[c.issue].name,
            stance: c.stance.label(),
        })
        .collect()
}

/// [`stances_json`]'s cells as JSON text, exactly as `serde_json`'s pretty
/// printer and the browser's `JSON.stringify(v, null, 2)` write them (two
/// spaces, fields in order, no final newline). Written here so that the
/// page needs no serializer for this one shape.
pub fn stances_json_text(cells: &[CellJson]) -> String {
    let mut w = String::new();
    array(&mut w, 0, cells, |w, c| {
        let field = |w: &mut String, name: &str| {
            w.push_str("\n    \"");
            w.push_str(name);
            w.push_str("\": ");
        };
        field(w, "actor");
        push_json_str(w, c.actor);
        w.push(',');
        field(w, "evidence");
        array(w, 2, &c.evidence, |w, e| {
            let fields: [(&str, Option<&str>, Option<u32>); 9] = [
                ("article", Some(e.article), None),
                ("cue", Some(e.cue), None),
                ("date", e.date, None),
                ("end", None, Some(e.end)),
                ("outlet", e.outlet, None),
                ("sentence", Some(&e.sentence), None),
                ("stance", Some(e.stance), None),
                ("start", None, Some(e.start)),
                ("title", Some(&e.title), None),
            ];
            for (k, (name, text, num)) in fields.into_iter().enumerate() {
                w.push_str(if k == 0 { "\n        \"" } else { ",\n        \"" });
                w.push_str(name);
                w.push_str("\": ");
                match (text, num) {
                    (_, Some(n)) => w.push_str(&n.to_string()),
                    (Some(t), None) => push_json_str(w, t),
                    (None, None) => w.push_str("null"),
                }
            }
            w.push_str("\n      }");
        });
        w.push(',');
        field(w, "issue");
        push_json_str(w, c.issue);
        w.push(',');
        field(w, "stance");
        push_json_str(w, c.stance);
        w.push_str("\n  }");
    });
    w
}

/// `items` as a pretty JSON array at nesting `depth` (in two-space steps):
/// `[]` when empty, else each item on its own line, opened with `{` by
/// this and closed by `item`.
fn array<T>(w: &mut String, depth: usize, items: &[T], mut item: impl FnMut(&mut String, &T)) {
    if items.is_empty() {
        w.push_str("[]");
        return;
    }
    w.push('[');
    for (k, x) in items.iter().enumerate() {
        w.push_str(if k == 0 { "\n" } else { ",\n" });
        w.push_str(&"  ".repeat(depth + 1));
        w.push('{');
        item(w, x);
    }
    w.push('\n');
    w.push_str(&"  ".repeat(depth));
    w.push(']');
}

/// Appends `s` as a JSON string, escaped as `serde_json` and
/// `JSON.stringify` escape: `"`, `\\` and control characters only.
fn push_json_str(w: &mut String, s: &str) {
    w.push('"');
    for ch in s.chars() {
        match ch {
            '"' => w.push_str("\\\""),
            '\\' => w.push_str("\\\\"),
            '\n' => w.push_str("\\n"),
            '\r' => w.push_str("\\r"),
            '\t' => w.push_str("\\t"),
            '\u{8}' => w.push_str("\\b"),
            '\u{c}' => w.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                w.push_str("\\u00");
                w.push(HEX[(c as usize) >> 4] as char);
                w.push(HEX[(c as usize) & 15] as char);
            }
            c => w.push(c),
        }
    }
    w.push('"');
}

/// Appends `s` to `out` as one CSV field (RFC 4180): quoted, its quotes
/// doubled, when it holds a comma, a quote or a line break. A leading `=`,
/// `+`, `@`, tab or carriage return gets a `'` first, so that spreadsheets
/// show it rather than run it as a formula.
pub fn push_csv_field(out: &mut String, s: &str) {
    let guard = if s.starts_with(['=', '+', '@', '\t', '\r']) { "'" } else { "" };
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(guard);
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(guard);
        out.push_str(s);
    }
}

/// The header of [`stances_csv`].
pub const CSV_HEADER: [&str; 11] =
    ["actor", "issue", "stance", "sentence", "cue", "outlet", "date", "title", "article", "start", "end"];

/// The UTF-8 byte order mark [`stances_csv`] starts with: without it, Excel
/// reads a CSV as the system's legacy code page and garbles every quote
/// mark and dash of news text; LibreOffice, Google Sheets, pandas and
/// Python's `utf-8-sig` skip it.
pub const BOM: char = '\u{feff}';

/// The stance matrix as CSV (RFC 4180: CRLF line ends, quoted fields), one
/// row per evidence sentence in [`stances_json`]'s order, under
/// [`CSV_HEADER`]: `stance` is the sentence's own ("support" or "oppose");
/// a missing outlet or date is an empty field. Starts with [`BOM`].
pub fn stances_csv(corpus: &Corpus, lex: &Lexicon, statements: &[Statement], m: &StanceMatrix) -> String {
    let mut out = String::new();
    out.push(BOM);
    push_csv_row(&mut out, &CSV_HEADER);
    for c in &m.cells {
        let (actor, issue) = (lex.actors[c.actor].name.as_str(), lex.issues[c.issue].name.as_str());
        for e in &c.evidence {
            let e = evidence(corpus, statements, e);
            let (start, end) = (e.start.to_string(), e.end.to_string());
            let row = [
                actor,
                issue,
                e.stance,
                &e.sentence,
                e.cue,
                e.outlet.unwrap_or(""),
                e.date.unwrap_or(""),
                &e.title,
                e.article,
                &start,
                &end,
            ];
            push_csv_row(&mut out, &row);
        }
    }
    out
}

/// Appends one CSV record and its CRLF.
fn push_csv_row(out: &mut String, fields: &[&str]) {
    for (k, f) in fields.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        push_csv_field(out, f);
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(s: &str) -> String {
        let mut out = String::new();
        push_csv_field(&mut out, s);
        out
    }

    #[test]
    fn json_text_is_serde_jsons_pretty_form() {
        let ev = |sentence: &str, date: Option<&'static str>| EvidenceJson {
            article: "a1",
            cue: "backed",
            date,
            end: 120,
            outlet: None,
            sentence: sentence.to_string(),
            stance: "support",
            start: 7,
            title: "Tabs\there, a \"quote\", a back\\slash, \u{1} and \u{1f}, bell \u{8} feed \u{c}, “curly” é".into(),
        };
        let cells = [
            CellJson {
                actor: "A \"one\"",
                evidence: vec![ev("first\nline\r", Some("2022-02-04")), ev("", None)],
                issue: "x",
                stance: "mixed",
            },
            CellJson { actor: "B", evidence: vec![], issue: "y\u{7f}", stance: "oppose" },
        ];
        for n in 0..=cells.len() {
            assert_eq!(stances_json_text(&cells[..n]), serde_json::to_string_pretty(&cells[..n]).unwrap(), "{n} cells");
        }
    }

    #[test]
    fn csv_fields_are_quoted_as_rfc_4180_says_and_formulas_defused() {
        for (text, want) in [
            ("plain text", "plain text"),
            ("a, b", "\"a, b\""),
            ("he said \"no\"", "\"he said \"\"no\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\r\nlf", "\"cr\r\nlf\""),
            ("", ""),
            ("“curly” — dash", "“curly” — dash"),
            // A spreadsheet would run these as formulas.
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+1", "'+1"),
            ("@x", "'@x"),
            ("=a,b", "\"'=a,b\""),
            ("-5%", "-5%"),
        ] {
            assert_eq!(field(text), want, "{text:?}");
        }
    }

    #[test]
    fn csv_rows_end_in_crlf() {
        let mut out = String::new();
        push_csv_row(&mut out, &["a", "b,c", ""]);
        assert_eq!(out, "a,\"b,c\",\r\n");
    }

    #[test]
    fn csv_header_names_each_column_once() {
        for (k, a) in CSV_HEADER.iter().enumerate() {
            assert!(!CSV_HEADER[k + 1..].contains(a), "{a} twice");
        }
        for want in ["actor", "issue", "stance", "sentence", "cue", "outlet", "date", "title", "article"] {
            assert!(CSV_HEADER.contains(&want), "{want}");
        }
    }

    const LEX: &str = "actor = [{ name = \"Russia\", aliases = [\"Putin\"] }]\n\
                       issue = [{ name = \"sanctions\", phrases = [\"sanctions\"] }]\n";

    /// Two articles: one with a title, outlet and date, one with none.
    fn fixture() -> (Corpus, Lexicon, Vec<Statement>, StanceMatrix) {
        let jsonl = concat!(
            r#"{"id": "a0", "title": "Putin, \"firm\"", "series": "The Wire", "date": "2023-03-21", "text": "Putin supports sanctions, he said.\n\nMore text."}"#,
            "\n",
            r#"{"id": "a1", "text": "Putin \t opposes   sanctions."}"#,
            "\n",
        );
        let corpus = Corpus::build(crate::source::parse_jsonl("t.jsonl", jsonl.as_bytes()).unwrap());
        let lex = crate::lexicon::parse_lexicon("lex.toml", LEX).unwrap();
        let statements = crate::stance::extract(&corpus, &lex);
        let m = crate::stance::matrix(&statements, &[0, 1]);
        (corpus, lex, statements, m)
    }

    #[test]
    fn json_evidence_carries_the_sentence_and_its_article() {
        let (corpus, lex, statements, m) = fixture();
        let cells = stances_json(&corpus, &lex, &statements, &m);
        assert_eq!(cells.len(), 1, "{cells:?}");
        let c = &cells[0];
        assert_eq!((c.actor, c.issue, c.stance), ("Russia", "sanctions", "mixed"), "{c:?}");
        let [a, b] = &c.evidence[..] else { panic!("two evidence sentences: {:?}", c.evidence) };
        assert_eq!(a.article, "a0");
        assert_eq!(a.sentence, "Putin supports sanctions, he said.");
        assert_eq!((a.stance, a.cue), ("support", "supports"));
        assert_eq!((a.outlet, a.date, a.title.as_str()), (Some("The Wire"), Some("2023-03-21"), "Putin, \"firm\""));
        assert_eq!(&corpus.articles[0].text[a.start as usize..a.end as usize], "Putin supports sanctions, he said.");
        assert_eq!(b.article, "a1");
        assert_eq!((b.sentence.as_str(), b.stance, b.cue), ("Putin opposes sanctions.", "oppose", "opposes"));
        assert_eq!((b.outlet, b.date), (None, None));
        assert_eq!(b.title, "Putin opposes sanctions.", "an untitled article is named by its first paragraph");
    }

    #[test]
    fn csv_has_one_quoted_row_per_evidence_sentence() {
        let (corpus, lex, statements, m) = fixture();
        let csv = stances_csv(&corpus, &lex, &statements, &m);
        let body = csv.strip_prefix(BOM).expect("starts with the BOM");
        let lines: Vec<&str> = body.split_terminator("\r\n").collect();
        assert_eq!(
            lines,
            [
                "actor,issue,stance,sentence,cue,outlet,date,title,article,start,end",
                "Russia,sanctions,support,\"Putin supports sanctions, he said.\",supports,The Wire,2023-03-21,\"Putin, \"\"firm\"\"\",a0,0,34",
                "Russia,sanctions,oppose,Putin opposes sanctions.,opposes,,,Putin opposes sanctions.,a1,0,28",
            ]
        );
        assert!(!body.replace("\r\n", "").contains('\n'), "no bare line feed outside quotes");
    }

    #[test]
    fn squash_makes_white_space_one_space() {
        assert_eq!(squash("  a\n\tb  c "), "a b c");
    }
}
