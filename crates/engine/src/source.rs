//! The raw corpus and its validation.
//!
//! Two input shapes, both read by the caller (this crate does no IO):
//!
//! * a *seeds folder*: one `.txt` file per article plus `corpus.toml`
//!   giving each article's metadata ([`parse_seed_folder`]);
//! * *JSON lines* in passim's input format: one object a line with `id`
//!   and `text`, optional `title`, `series` (the outlet), `date`, `url`,
//!   `event` ([`parse_jsonl`]).
//!
//! Validation collects every problem it finds, each a [`Diagnostic`] naming
//! the file and, where there is one, the line.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Metadata of one article. `None` means "unknown": the text does not
/// reveal it, and Parallax never invents it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// The file stem (seeds folder) or the `id` field (JSON lines).
    pub id: String,
    /// The headline, if given.
    pub title: Option<String>,
    /// The outlet that published it, if given.
    pub outlet: Option<String>,
    /// Where it was published, if given.
    pub url: Option<String>,
    /// ISO date, `YYYY-MM-DD`, validated.
    pub date: Option<String>,
    /// The news event it reports, if given.
    pub event: Option<String>,
}

impl ArticleMeta {
    /// The outlet, or "unknown outlet".
    pub fn outlet_or_unknown(&self) -> &str {
        self.outlet.as_deref().unwrap_or("unknown outlet")
    }
}

/// One article before analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawArticle {
    /// Its metadata.
    pub meta: ArticleMeta,
    /// Its text, as given.
    pub text: String,
}

/// A validated corpus, ready for [`crate::Corpus::build`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusSource {
    /// The corpus's name.
    pub name: String,
    /// The articles, in the order read.
    pub articles: Vec<RawArticle>,
}

/// A problem with the input, naming where it is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file, as the caller named it (e.g. `seeds/corpus.toml`).
    pub file: String,
    /// 1-based line, where the problem has one.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl Diagnostic {
    fn new(file: &str, line: Option<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { file: file.to_string(), line, message: message.into() }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Largest article accepted, in bytes. Larger files are refused with a
/// message rather than freezing the page.
pub const MAX_ARTICLE_BYTES: usize = 8 * 1024 * 1024;

/// One file of a seeds folder, as read from disk.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path as it should appear in messages, e.g. `seeds/000_x.txt`.
    pub path: String,
    /// The file stem: the article id.
    pub stem: String,
    /// The file's contents.
    pub bytes: Vec<u8>,
}

/// The accepted value for unknown metadata.
pub const UNKNOWN: &str = "unknown";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetaFile {
    corpus: Option<CorpusHeader>,
    #[serde(default)]
    article: Vec<toml::Spanned<MetaEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CorpusHeader {
    name: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetaEntry {
    id: toml::Spanned<String>,
    title: Option<toml::Spanned<String>>,
    outlet: toml::Spanned<String>,
    url: toml::Spanned<String>,
    date: toml::Spanned<String>,
    event: toml::Spanned<String>,
}

fn line_of(text: &str, byte: usize) -> usize {
    text.as_bytes()[..byte.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Parses a `YYYY-MM-DD` date, checking the month and day are real.
// `is_multiple_of` needs Rust 1.87; the workspace's MSRV is 1.84.
#[allow(unknown_lints, clippy::manual_is_multiple_of)]
pub fn parse_date(s: &str) -> Result<(u16, u8, u8), String> {
    let bad = || format!("date {s:?} is not a valid date (expected YYYY-MM-DD or \"unknown\")");
    let parts: Vec<&str> = s.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return Err(bad());
    }
    if !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        return Err(bad());
    }
    let y: u16 = parts[0].parse().map_err(|_| bad())?;
    let m: u8 = parts[1].parse().map_err(|_| bad())?;
    let d: u8 = parts[2].parse().map_err(|_| bad())?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if d == 0 || d > days {
        return Err(bad());
    }
    Ok((y, m, d))
}

/// Checks an article's source address: the reader links to it, so only a
/// web address is accepted (never `javascript:`, `data:` or a relative
/// path that would resolve inside the page).
pub fn check_url(s: &str) -> Result<(), String> {
    let lower = s.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !s.chars().any(|c| c.is_control() || c.is_whitespace()) => Ok(()),
        _ => Err(format!("url {s:?} is not a web address (expected http:// or https://, or \"unknown\")")),
    }
}

fn known(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty() && !t.eq_ignore_ascii_case(UNKNOWN)).then(|| t.to_string())
}

/// Checks an article's bytes: UTF-8, not empty, not too large.
fn check_text(path: &str, bytes: &[u8], diags: &mut Vec<Diagnostic>) -> Option<String> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        diags.push(Diagnostic::new(
            path,
            None,
            format!("file is {} bytes; the limit is {} bytes", bytes.len(), MAX_ARTICLE_BYTES),
        ));
        return None;
    }
    match std::str::from_utf8(bytes) {
        Err(e) => {
            let line = line_of(&String::from_utf8_lossy(&bytes[..e.valid_up_to()]), e.valid_up_to());
            diags.push(Diagnostic::new(
                path,
                Some(line),
                format!("invalid UTF-8 at byte {} (is this a text file?)", e.valid_up_to()),
            ));
            None
        }
        Ok(t) if t.trim().is_empty() => {
            diags.push(Diagnostic::new(path, None, "file is empty"));
            None
        }
        Ok(t) if t.contains('\0') => {
            diags.push(Diagnostic::new(
                path,
                Some(line_of(t, t.find('\0').unwrap_or(0))),
                "file contains a NUL byte (is this a text file?)",
            ));
            None
        }
        Ok(t) => Some(t.to_string()),
    }
}

/// `corpus.toml`'s text and its parsed entries, or the one problem that
/// stops reading it (not UTF-8, not TOML, a field of the wrong type).
fn read_meta<'m>(meta_path: &str, meta_bytes: &'m [u8]) -> Result<(&'m str, MetaFile), Vec<Diagnostic>> {
    let meta_text = match std::str::from_utf8(meta_bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = meta_bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(vec![Diagnostic::new(
                meta_path,
                Some(line),
                format!("invalid UTF-8 at byte {}", e.valid_up_to()),
            )]);
        }
    };
    let parsed: MetaFile = match toml::from_str(meta_text) {
        Ok(m) => m,
        Err(e) => {
            let line = e.span().map(|s| line_of(meta_text, s.start));
            let mut msg = e.message().trim().to_string();
            // An unquoted date is a TOML datetime, which serde sees as a map.
            let value = e.span().and_then(|s| meta_text.get(s)).unwrap_or("").trim();
            if msg.starts_with("invalid type: map") && value.len() >= 10 && value.as_bytes()[4] == b'-' {
                msg = format!("{value} is a TOML date, not a string: write \"{value}\"");
            }
            return Err(vec![Diagnostic::new(meta_path, line, msg)]);
        }
    };
    Ok((meta_text, parsed))
}

/// Validates a seeds folder: `files` are its `.txt` files, `meta` is
/// `(path, text)` of its `corpus.toml` (None if absent).
pub fn parse_seed_folder(
    folder_name: &str,
    meta: Option<(&str, &[u8])>,
    files: &[SourceFile],
) -> Result<CorpusSource, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let Some((meta_path, meta_bytes)) = meta else {
        return Err(vec![Diagnostic::new(
            folder_name,
            None,
            "no corpus.toml: every article needs a metadata entry (id, title, outlet, url, date, event)",
        )]);
    };
    let (meta_text, parsed) = read_meta(meta_path, meta_bytes)?;
    let name = parsed.corpus.and_then(|c| c.name).unwrap_or_else(|| folder_name.to_string());

    let mut by_stem: BTreeMap<&str, &SourceFile> = BTreeMap::new();
    for f in files {
        if by_stem.insert(f.stem.as_str(), f).is_some() {
            diags.push(Diagnostic::new(&f.path, None, format!("duplicate article id {:?}", f.stem)));
        }
    }
    let mut seen_ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut articles = Vec::new();
    for entry in &parsed.article {
        let e = entry.get_ref();
        let id = e.id.get_ref().trim().to_string();
        let line = line_of(meta_text, e.id.span().start);
        if id.is_empty() {
            diags.push(Diagnostic::new(meta_path, Some(line), "empty id (the article's file name without .txt)"));
            continue;
        }
        if let Some(prev) = seen_ids.insert(id.clone(), line) {
            diags.push(Diagnostic::new(meta_path, Some(line), format!("duplicate id {id:?} (first at line {prev})")));
            continue;
        }
        let mut date = None;
        if let Some(d) = known(e.date.get_ref()) {
            match parse_date(&d) {
                Ok(_) => date = Some(d),
                Err(msg) => {
                    diags.push(Diagnostic::new(meta_path, Some(line_of(meta_text, e.date.span().start)), msg));
                }
            }
        }
        let url = known(e.url.get_ref());
        if let Some(Err(msg)) = url.as_deref().map(check_url) {
            diags.push(Diagnostic::new(meta_path, Some(line_of(meta_text, e.url.span().start)), msg));
        }
        let Some(file) = by_stem.get(id.as_str()) else {
            diags.push(Diagnostic::new(
                meta_path,
                Some(line),
                format!("metadata for {id:?}, but there is no file {id}.txt"),
            ));
            continue;
        };
        let Some(text) = check_text(&file.path, &file.bytes, &mut diags) else { continue };
        articles.push(RawArticle {
            meta: ArticleMeta {
                id,
                title: e.title.as_ref().and_then(|t| known(t.get_ref())),
                outlet: known(e.outlet.get_ref()),
                url,
                date,
                event: known(e.event.get_ref()),
            },
            text,
        });
    }
    for (stem, f) in &by_stem {
        if !seen_ids.contains_key(*stem) {
            diags.push(Diagnostic::new(
                &f.path,
                None,
                format!("no metadata: add an [[article]] with id = {stem:?} to {meta_path}"),
            ));
        }
    }
    if articles.is_empty() && diags.is_empty() {
        diags.push(Diagnostic::new(folder_name, None, "the corpus has no articles"));
    }
    if diags.is_empty() {
        Ok(CorpusSource { name, articles })
    } else {
        crate::sort::ord(&mut diags);
        Err(diags)
    }
}

fn value_to_string(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// One record of a JSON-lines corpus, fields checked for their types.
struct JsonLine {
    id: Option<String>,
    text: Option<String>,
    title: Option<String>,
    series: Option<String>,
    date: Option<String>,
    url: Option<String>,
    event: Option<String>,
}

fn read_json_line(line: &str) -> Result<JsonLine, String> {
    let value: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("not valid JSON: {e}"))?;
    let serde_json::Value::Object(map) = value else {
        return Err("not a JSON object".to_string());
    };
    // A string field: absent or null is None, another type an error.
    let string = |key: &str| -> Result<Option<String>, String> {
        match map.get(key) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(format!("{key:?} must be a string")),
        }
    };
    // Ids and events may be numbers (passim's `doc`, ECB+'s topics).
    let id = map.get("id").or(map.get("doc")).and_then(value_to_string);
    let event = map.get("event").and_then(value_to_string);
    Ok(JsonLine {
        id,
        text: string("text")?,
        title: string("title")?,
        series: string("series")?.or(string("outlet")?),
        date: string("date")?,
        url: string("url")?,
        event,
    })
}

/// Validates a JSON-lines corpus (passim's input format).
pub fn parse_jsonl(path: &str, bytes: &[u8]) -> Result<CorpusSource, Vec<Diagnostic>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(vec![Diagnostic::new(path, Some(line), format!("invalid UTF-8 at byte {}", e.valid_up_to()))]);
        }
    };
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::new(path, None, "file is empty")]);
    }
    let mut diags = Vec::new();
    let mut articles = Vec::new();
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let rec = match read_json_line(line) {
            Ok(r) => r,
            Err(msg) => {
                diags.push(Diagnostic::new(path, Some(n), msg));
                continue;
            }
        };
        let Some(id) = rec.id else {
            diags.push(Diagnostic::new(path, Some(n), "missing \"id\" (a string)"));
            continue;
        };
        let id = id.trim().to_string();
        if id.is_empty() {
            diags.push(Diagnostic::new(path, Some(n), "empty \"id\""));
            continue;
        }
        if let Some(first) = ids.get(&id) {
            diags.push(Diagnostic::new(path, Some(n), format!("duplicate id {id:?} (first at line {first})")));
            continue;
        }
        ids.insert(id.clone(), n);
        let Some(body) = rec.text else {
            diags.push(Diagnostic::new(path, Some(n), format!("article {id:?} has no \"text\"")));
            continue;
        };
        if body.trim().is_empty() {
            diags.push(Diagnostic::new(path, Some(n), format!("article {id:?} has an empty \"text\"")));
            continue;
        }
        if body.len() > MAX_ARTICLE_BYTES {
            diags.push(Diagnostic::new(
                path,
                Some(n),
                format!("article {id:?} is {} bytes; the limit is {MAX_ARTICLE_BYTES}", body.len()),
            ));
            continue;
        }
        if body.contains('\0') {
            diags.push(Diagnostic::new(
                path,
                Some(n),
                format!("article {id:?} contains a NUL character (is this text?)"),
            ));
            continue;
        }
        let mut date = None;
        if let Some(d) = rec.date.as_deref().and_then(known) {
            // passim dates may carry a time ("2022-02-04T10:00:00Z"): keep the day.
            let timed = d.len() > 10 && matches!(d.as_bytes()[10], b'T' | b' ');
            let day = if timed { d[..10].to_string() } else { d.clone() };
            match parse_date(&day) {
                Ok(_) => date = Some(day),
                Err(msg) => diags.push(Diagnostic::new(path, Some(n), msg)),
            }
        }
        let url = rec.url.as_deref().and_then(known);
        if let Some(Err(msg)) = url.as_deref().map(check_url) {
            diags.push(Diagnostic::new(path, Some(n), msg));
        }
        articles.push(RawArticle {
            meta: ArticleMeta {
                id,
                title: rec.title.as_deref().and_then(known),
                outlet: rec.series.as_deref().and_then(known),
                url,
                date,
                event: rec.event.as_deref().and_then(known),
            },
            text: body,
        });
    }
    if articles.is_empty() && diags.is_empty() {
        diags.push(Diagnostic::new(path, None, "the corpus has no articles"));
    }
    if diags.is_empty() {
        let name = path.rsplit('/').next().unwrap_or(path).trim_end_matches(".jsonl").to_string();
        Ok(CorpusSource { name, articles })
    } else {
        Err(diags)
    }
}
