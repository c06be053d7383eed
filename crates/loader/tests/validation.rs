//! A bad corpus fails with a message naming the file (and the line, for
//! metadata and JSON lines). Each case builds a corpus in a fresh temporary
//! folder and checks the exact `Diagnostic` text.

#![allow(clippy::disallowed_methods)] // tests sort with std: no page size at stake

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use parallax_engine::source::MAX_ARTICLE_BYTES;

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A fresh, empty temporary folder, removed when dropped.
struct TempDir(PathBuf);
impl TempDir {
    fn new(name: &str) -> TempDir {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let p = std::env::temp_dir().join(format!("parallax-loader-test-{}-{n}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&p);
        fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(name);
        fs::write(&p, bytes).unwrap();
        p
    }
    fn path(&self, name: &str) -> String {
        self.0.join(name).display().to_string()
    }
}
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

const TEXT: &str = "A headline\n\nThe leaders met in Beijing on Friday and signed a joint statement.\n";

fn entry(id: &str, date: &str) -> String {
    format!(
        "[[article]]\nid = \"{id}\"\ntitle = \"unknown\"\noutlet = \"unknown\"\nurl = \"unknown\"\ndate = \"{date}\"\nevent = \"unknown\"\n\n"
    )
}

/// A valid two-article folder; `meta` replaces corpus.toml when given.
fn folder(name: &str, meta: Option<&str>) -> TempDir {
    let d = TempDir::new(name);
    d.write("a.txt", TEXT);
    d.write("b.txt", TEXT);
    let default = format!("[corpus]\nname = \"test\"\n\n{}{}", entry("a", "2022-02-04"), entry("b", "unknown"));
    d.write("corpus.toml", meta.unwrap_or(&default));
    d
}

fn errors(path: &Path) -> Vec<String> {
    match parallax_loader::load(path) {
        Ok(c) => panic!("{} loaded with {} articles, expected errors", path.display(), c.articles.len()),
        Err(d) => d.iter().map(|d| d.to_string()).collect(),
    }
}

#[test]
fn a_valid_folder_loads() {
    let d = folder("valid", None);
    let c = parallax_loader::load(&d.0).unwrap();
    assert_eq!(c.name, "test");
    assert_eq!(c.articles.len(), 2);
    assert_eq!(c.articles[0].meta.date.as_deref(), Some("2022-02-04"));
    assert_eq!(c.articles[1].meta.date, None, "\"unknown\" is None");
}

#[test]
fn the_seeds_load() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let c = parallax_loader::load(&seeds).unwrap();
    let txt = std::fs::read_dir(&seeds)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "txt"))
        .count();
    assert_eq!(c.articles.len(), txt, "one article per .txt file");
    // The build reruns when any article, the metadata or the lexicon changes.
    let inputs = parallax_loader::folder_inputs(&seeds);
    let names: Vec<String> = inputs.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert!(names.contains(&"corpus.toml".to_string()) && names.contains(&"lexicon.toml".to_string()), "{names:?}");
    assert_eq!(names.iter().filter(|n| n.ends_with(".txt")).count(), txt);
}

#[test]
fn empty_file() {
    let d = folder("empty", None);
    d.write("b.txt", "  \n\n ");
    assert_eq!(errors(&d.0), vec![format!("{}: file is empty", d.path("b.txt"))]);
}

#[test]
fn invalid_utf8() {
    let d = folder("utf8", None);
    d.write("b.txt", b"line one\nline two \xff\xfe broken\n");
    assert_eq!(errors(&d.0), vec![format!("{}:2: invalid UTF-8 at byte 18 (is this a text file?)", d.path("b.txt"))]);
}

#[test]
fn binary_file() {
    let d = folder("binary", None);
    d.write("b.txt", b"text\n\nmore\0\0\0binary");
    assert_eq!(errors(&d.0), vec![format!("{}:3: file contains a NUL byte (is this a text file?)", d.path("b.txt"))]);
}

#[test]
fn file_too_large() {
    let d = folder("large", None);
    let big = "word ".repeat(MAX_ARTICLE_BYTES / 5 + 1);
    d.write("b.txt", &big);
    assert_eq!(
        errors(&d.0),
        vec![format!("{}: file is {} bytes; the limit is {MAX_ARTICLE_BYTES} bytes", d.path("b.txt"), big.len())]
    );
}

#[test]
fn duplicate_id() {
    let meta = format!("{}{}{}", entry("a", "unknown"), entry("b", "unknown"), entry("a", "unknown"));
    let d = folder("dup", Some(&meta));
    // Entries are 8 lines each: ids on lines 2, 10, 18.
    assert_eq!(errors(&d.0), vec![format!("{}:18: duplicate id \"a\" (first at line 2)", d.path("corpus.toml"))]);
}

#[test]
fn metadata_for_a_missing_file() {
    let meta = format!("{}{}{}", entry("a", "unknown"), entry("b", "unknown"), entry("c", "unknown"));
    let d = folder("missing-file", Some(&meta));
    assert_eq!(
        errors(&d.0),
        vec![format!("{}:18: metadata for \"c\", but there is no file c.txt", d.path("corpus.toml"))]
    );
}

#[test]
fn file_without_metadata() {
    let d = folder("no-meta", Some(&entry("a", "unknown")));
    assert_eq!(
        errors(&d.0),
        vec![format!(
            "{}: no metadata: add an [[article]] with id = \"b\" to {}",
            d.path("b.txt"),
            d.path("corpus.toml")
        )]
    );
}

#[test]
fn no_corpus_toml() {
    let d = folder("no-toml", None);
    fs::remove_file(d.0.join("corpus.toml")).unwrap();
    let e = errors(&d.0);
    assert_eq!(e.len(), 1);
    assert!(e[0].starts_with(&format!("{}: no corpus.toml", d.0.display())), "{e:?}");
}

#[test]
fn unparseable_dates() {
    // Header (3 lines), entry a (8 lines: date on line 9), entry b (date on 17).
    for bad in
        ["2022-13-01", "2022-02-30", "2021-02-29", "04/02/2022", "2022-2-4", "Friday", "2022-00-10", "20222-01-01"]
    {
        let meta = format!("[corpus]\nname = \"t\"\n\n{}{}", entry("a", "2022-02-04"), entry("b", bad));
        let d = folder("date", Some(&meta));
        assert_eq!(
            errors(&d.0),
            vec![format!(
                "{}:17: date \"{bad}\" is not a valid date (expected YYYY-MM-DD or \"unknown\")",
                d.path("corpus.toml")
            )],
            "{bad}"
        );
    }
    // Leap days are real dates.
    let meta = format!("{}{}", entry("a", "2024-02-29"), entry("b", "2000-02-29"));
    let d = folder("leap", Some(&meta));
    assert!(parallax_loader::load(&d.0).is_ok());
}

#[test]
fn missing_field() {
    let meta = format!(
        "{}[[article]]\nid = \"b\"\ntitle = \"t\"\nurl = \"unknown\"\ndate = \"unknown\"\nevent = \"unknown\"\n",
        entry("a", "unknown")
    );
    let d = folder("missing-field", Some(&meta));
    let e = errors(&d.0);
    assert_eq!(e.len(), 1, "{e:?}");
    let prefix = format!("{}:", d.path("corpus.toml"));
    assert!(e[0].starts_with(&prefix), "{e:?}");
    let rest = &e[0][prefix.len()..];
    let (line, msg) = rest.split_once(": ").unwrap();
    let line: usize = line.parse().unwrap_or_else(|_| panic!("no line number in {e:?}"));
    assert!((9..=14).contains(&line), "line {line} is not the second entry: {e:?}");
    assert!(msg.contains("outlet"), "{e:?}");
}

#[test]
fn unknown_field() {
    let meta =
        format!("{}{}", entry("a", "unknown"), entry("b", "unknown").replace("event = ", "author = \"x\"\nevent = "));
    let d = folder("unknown-field", Some(&meta));
    let e = errors(&d.0);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with(&format!("{}:15: unknown field `author`", d.path("corpus.toml"))), "{e:?}");
}

#[test]
fn toml_syntax_error() {
    let meta = format!("{}[[article]\nid = \"b\"\n", entry("a", "unknown"));
    let d = folder("syntax", Some(&meta));
    let e = errors(&d.0);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with(&format!("{}:9:", d.path("corpus.toml"))), "{e:?}");
}

#[test]
fn several_problems_are_all_reported() {
    let meta = format!("{}{}", entry("a", "2022-99-99"), entry("c", "unknown"));
    let d = folder("several", Some(&meta));
    d.write("a.txt", "");
    let e = errors(&d.0);
    assert_eq!(e.len(), 4, "{e:?}");
    assert!(e.iter().any(|x| x.contains("a.txt: file is empty")));
    assert!(e.iter().any(|x| x.contains("corpus.toml:6: date \"2022-99-99\"")));
    assert!(e.iter().any(|x| x.contains("corpus.toml:10: metadata for \"c\"")));
    assert!(e.iter().any(|x| x.contains("b.txt: no metadata")));
}

// ---- JSON lines ----

fn jsonl(name: &str, body: &str) -> (TempDir, PathBuf) {
    let d = TempDir::new(name);
    let p = d.write("corpus.jsonl", body);
    (d, p)
}

const GOOD: &str = r#"{"id": "a", "text": "The leaders met.", "date": "2022-02-04", "series": "Reuters"}"#;

#[test]
fn jsonl_valid() {
    let body =
        format!("{GOOD}\n\n{}\n", r#"{"doc": 7, "text": "Second.", "date": "2022-02-04T10:00:00Z", "event": 3}"#);
    let (_d, p) = jsonl("valid", &body);
    let c = parallax_loader::load(&p).unwrap();
    assert_eq!(c.name, "corpus");
    assert_eq!(c.articles.len(), 2);
    assert_eq!(c.articles[0].meta.outlet.as_deref(), Some("Reuters"));
    assert_eq!(c.articles[1].meta.id, "7");
    assert_eq!(c.articles[1].meta.date.as_deref(), Some("2022-02-04"));
}

fn jsonl_errors(name: &str, body: &str) -> (String, Vec<String>) {
    let (_d, p) = jsonl(name, body);
    (p.display().to_string(), errors(&p))
}

#[test]
fn jsonl_malformed_line() {
    let (p, e) = jsonl_errors("malformed", &format!("{GOOD}\n{{\"id\": \"b\", \"text\": \n"));
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with(&format!("{p}:2: not valid JSON: ")), "{e:?}");
    let (p, e) = jsonl_errors("array", &format!("{GOOD}\n[1, 2]\n"));
    assert_eq!(e, vec![format!("{p}:2: not a JSON object")]);
}

#[test]
fn jsonl_missing_id() {
    let (p, e) = jsonl_errors("no-id", &format!("{GOOD}\n{{\"text\": \"x\"}}\n"));
    assert_eq!(e, vec![format!("{p}:2: missing \"id\" (a string)")]);
}

#[test]
fn jsonl_missing_text() {
    let (p, e) = jsonl_errors("no-text", &format!("{GOOD}\n{{\"id\": \"b\"}}\n"));
    assert_eq!(e, vec![format!("{p}:2: article \"b\" has no \"text\"")]);
    let (p, e) = jsonl_errors("empty-text", &format!("{GOOD}\n{{\"id\": \"b\", \"text\": \" \\n \"}}\n"));
    assert_eq!(e, vec![format!("{p}:2: article \"b\" has an empty \"text\"")]);
    let (p, e) = jsonl_errors("number-text", &format!("{GOOD}\n{{\"id\": \"b\", \"text\": 5}}\n"));
    assert_eq!(e, vec![format!("{p}:2: \"text\" must be a string")]);
}

#[test]
fn jsonl_duplicate_id() {
    let (p, e) = jsonl_errors("dup", &format!("{GOOD}\n{{\"id\": \"b\", \"text\": \"x\"}}\n{GOOD}\n"));
    assert_eq!(e, vec![format!("{p}:3: duplicate id \"a\" (first at line 1)")]);
}

#[test]
fn jsonl_bad_date() {
    let (p, e) =
        jsonl_errors("date", &format!("{GOOD}\n{{\"id\": \"b\", \"text\": \"x\", \"date\": \"2022-13-01\"}}\n"));
    assert_eq!(e, vec![format!("{p}:2: date \"2022-13-01\" is not a valid date (expected YYYY-MM-DD or \"unknown\")")]);
    let (p, e) = jsonl_errors(
        "date-junk",
        &format!("{GOOD}\n{{\"id\": \"b\", \"text\": \"x\", \"date\": \"2022-02-04xyz\"}}\n"),
    );
    assert_eq!(
        e,
        vec![format!("{p}:2: date \"2022-02-04xyz\" is not a valid date (expected YYYY-MM-DD or \"unknown\")")]
    );
    let (p, e) =
        jsonl_errors("date-type", &format!("{GOOD}\n{{\"id\": \"b\", \"text\": \"x\", \"date\": 20220204}}\n"));
    assert_eq!(e, vec![format!("{p}:2: \"date\" must be a string")]);
}

#[test]
fn jsonl_binary_and_large_and_empty() {
    let (p, e) = jsonl_errors("nul", &format!("{GOOD}\n{{\"id\": \"b\", \"text\": \"a\\u0000b\"}}\n"));
    assert_eq!(e, vec![format!("{p}:2: article \"b\" contains a NUL character (is this text?)")]);
    let (_d, p) = jsonl("utf8", "{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"\u{ff} Путин 中\"}\n");
    assert!(parallax_loader::load(&p).is_ok(), "non-ASCII UTF-8 is fine");
    let d = TempDir::new("utf8-bad");
    let p = d.write("c.jsonl", b"{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"\xff\"}\n");
    assert_eq!(errors(&p), vec![format!("{}:2: invalid UTF-8 at byte 47", p.display())]);
    let big = format!("{{\"id\": \"big\", \"text\": \"{}\"}}\n", "word ".repeat(MAX_ARTICLE_BYTES / 5 + 1));
    let (p, e) = jsonl_errors("large", &format!("{GOOD}\n{big}"));
    assert_eq!(
        e,
        vec![format!(
            "{p}:2: article \"big\" is {} bytes; the limit is {MAX_ARTICLE_BYTES}",
            5 * (MAX_ARTICLE_BYTES / 5 + 1)
        )]
    );
    let (p, e) = jsonl_errors("empty", "\n  \n");
    assert_eq!(e, vec![format!("{p}: file is empty")]);
}

#[test]
fn unreadable_path() {
    let e = errors(Path::new("/nonexistent/parallax/corpus"));
    assert_eq!(e.len(), 1);
    assert!(e[0].starts_with("/nonexistent/parallax/corpus: cannot read:"), "{e:?}");
}

// ---- every metadata field of corpus.toml ----
//
// The default folder's corpus.toml: `[corpus]` on line 1, `name` on 2; entry
// a on lines 4–10 (id 5, title 6, outlet 7, url 8, date 9, event 10), entry b
// on lines 12–18 (id 13, title 14, outlet 15, url 16, date 17, event 18).

/// The default corpus.toml with `field = …` of entry b replaced by `line`
/// (or removed, for an empty `line`).
fn meta_with_b(field: &str, line: &str) -> String {
    let b = entry("b", "unknown");
    let b: String = b
        .lines()
        .map(|l| if l.starts_with(&format!("{field} = ")) { line.to_string() } else { l.to_string() })
        .filter(|l| !l.is_empty() || !line.is_empty())
        .map(|l| l + "\n")
        .collect();
    format!("[corpus]\nname = \"test\"\n\n{}{b}", entry("a", "2022-02-04"))
}

fn meta_errors(name: &str, meta: &str) -> (String, Vec<String>) {
    let d = folder(name, Some(meta));
    let p = d.path("corpus.toml");
    (p, errors(&d.0))
}

#[test]
fn every_required_field_missing_is_named_with_its_entry() {
    // Without the line, entry b spans lines 12–17; toml reports the entry.
    for field in ["id", "outlet", "url", "date", "event"] {
        let (p, e) = meta_errors(&format!("missing-{field}"), &meta_with_b(field, ""));
        assert_eq!(e, vec![format!("{p}:12: missing field `{field}`")], "{field}");
    }
}

#[test]
fn title_is_optional() {
    let d = folder("no-title", Some(&meta_with_b("title", "")));
    let c = parallax_loader::load(&d.0).unwrap();
    assert_eq!(c.articles[1].meta.title, None);
}

#[test]
fn every_field_of_the_wrong_type_is_named_with_its_line() {
    for (field, value, expected) in [
        ("id", "7", "invalid type: integer `7`, expected a string"),
        ("title", "[\"t\"]", "invalid type: sequence, expected a string"),
        ("outlet", "true", "invalid type: boolean `true`, expected a string"),
        ("url", "{ href = \"x\" }", "invalid type: map, expected a string"),
        ("date", "2022-02-04", "2022-02-04 is a TOML date, not a string: write \"2022-02-04\""),
        ("event", "3.5", "invalid type: floating point `3.5`, expected a string"),
    ] {
        let line = [("id", 13), ("title", 14), ("outlet", 15), ("url", 16), ("date", 17), ("event", 18)]
            .iter()
            .find(|(f, _)| *f == field)
            .unwrap()
            .1;
        let (p, e) = meta_errors(&format!("type-{field}"), &meta_with_b(field, &format!("{field} = {value}")));
        assert_eq!(e, vec![format!("{p}:{line}: {expected}")], "{field}");
    }
}

#[test]
fn corpus_header_fields() {
    let (p, e) = meta_errors("name-type", &format!("[corpus]\nname = 5\n\n{}", entry("a", "unknown")));
    assert_eq!(e, vec![format!("{p}:2: invalid type: integer `5`, expected a string")]);
    let (p, e) = meta_errors("header-unknown", &format!("[corpus]\nnmae = \"x\"\n\n{}", entry("a", "unknown")));
    assert_eq!(e, vec![format!("{p}:2: unknown field `nmae`, expected `name`")]);
    let (p, e) = meta_errors("top-unknown", &format!("[corpos]\nname = \"x\"\n\n{}", entry("a", "unknown")));
    assert_eq!(e, vec![format!("{p}:1: unknown field `corpos`, expected `corpus` or `article`")]);
    // Without a name, the corpus is named after its folder.
    let d = folder("no-name", Some(&format!("{}{}", entry("a", "unknown"), entry("b", "unknown"))));
    assert_eq!(parallax_loader::load(&d.0).unwrap().name, d.0.display().to_string());
}

#[test]
fn empty_id() {
    let (p, e) = meta_errors("empty-id", &meta_with_b("id", "id = \"  \""));
    assert_eq!(
        e,
        vec![
            format!("{}: no metadata: add an [[article]] with id = \"b\" to {p}", p.replace("corpus.toml", "b.txt")),
            format!("{p}:13: empty id (the article's file name without .txt)"),
        ]
    );
}

#[test]
fn url_must_be_a_web_address() {
    // The reader links to the url: a javascript: or data: url, or a path
    // resolving inside the page, is refused at build time.
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>x</script>",
        "/local",
        "https://",
        "www.example.org",
        "https://a b",
    ] {
        let (p, e) = meta_errors("url", &meta_with_b("url", &format!("url = {bad:?}")));
        assert_eq!(
            e,
            vec![format!("{p}:16: url {bad:?} is not a web address (expected http:// or https://, or \"unknown\")")],
            "{bad}"
        );
    }
    for good in ["https://example.org/a?b=c#d", "HTTP://EXAMPLE.ORG", "unknown", "Unknown", ""] {
        let d = folder("url-ok", Some(&meta_with_b("url", &format!("url = {good:?}"))));
        assert!(parallax_loader::load(&d.0).is_ok(), "{good}");
    }
    let (p, e) =
        jsonl_errors("url", &format!("{GOOD}\n{{\"id\": \"b\", \"text\": \"x\", \"url\": \"javascript:alert(1)\"}}\n"));
    assert_eq!(
        e,
        vec![format!(
            "{p}:2: url \"javascript:alert(1)\" is not a web address (expected http:// or https://, or \"unknown\")"
        )]
    );
}

#[test]
fn metadata_invalid_utf8_has_a_line() {
    let d = folder("meta-utf8", None);
    d.write("corpus.toml", b"[corpus]\nname = \"t\xff\"\n");
    assert_eq!(errors(&d.0), vec![format!("{}:2: invalid UTF-8 at byte 18", d.path("corpus.toml"))]);
}

// ---- the lexicon (seeds/lexicon.toml) ----

const ACTOR: &str = "[[actor]]\nname = \"Russia\"\nkind = \"state\"\naliases = [\"Moscow\"]\n";
const ISSUE: &str = "[[issue]]\nname = \"sanctions\"\ndescription = \"d\"\nphrases = [\"sanctions\"]\n";

fn lexicon_errors(name: &str, text: impl AsRef<[u8]>) -> (String, Vec<String>) {
    let d = TempDir::new(name);
    let p = d.write("lexicon.toml", text);
    let shown = p.display().to_string();
    match parallax_loader::load_lexicon(&p) {
        Ok(_) => panic!("{shown} loaded, expected errors"),
        Err(d) => (shown, d.iter().map(|d| d.to_string()).collect()),
    }
}

#[test]
fn the_seed_lexicon_loads_and_a_folder_lexicon_wins() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let lex = parallax_loader::load_lexicon(&seeds.join("lexicon.toml")).unwrap();
    assert!(!lex.actors.is_empty() && !lex.issues.is_empty());
    let d = folder("own-lexicon", None);
    assert_eq!(parallax_loader::lexicon_path(&d.0, None), None);
    let own = d.write("lexicon.toml", format!("{ACTOR}{ISSUE}"));
    assert_eq!(parallax_loader::lexicon_path(&d.0, None), Some(own.clone()));
    let lex = parallax_loader::load_lexicon(&own).unwrap();
    assert_eq!(lex.actors[0].aliases, vec!["Russia", "Moscow"]);
    assert_eq!(lex.issues[0].description.as_deref(), Some("d"));
}

#[test]
fn lexicon_syntax_and_encoding() {
    let (p, e) = lexicon_errors("syntax", format!("{ACTOR}{ISSUE}[[issue]\nname = \"x\"\n"));
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with(&format!("{p}:9: ")), "{e:?}");
    let (p, e) = lexicon_errors("utf8", b"[[actor]]\nname = \"R\xffssia\"\n");
    assert_eq!(e, vec![format!("{p}:2: invalid UTF-8 at byte 19")]);
    let e = parallax_loader::load_lexicon(Path::new("/nonexistent/lexicon.toml")).unwrap_err();
    assert!(e[0].to_string().starts_with("/nonexistent/lexicon.toml: cannot read:"), "{e:?}");
}

#[test]
fn lexicon_sections_are_required() {
    let (p, e) = lexicon_errors("no-issue", ACTOR);
    assert_eq!(e, vec![format!("{p}: no [[issue]]: declare at least one")]);
    let (p, e) = lexicon_errors("no-actor", ISSUE);
    assert_eq!(e, vec![format!("{p}: no [[actor]]: declare at least one")]);
}

#[test]
fn every_lexicon_field_missing_or_mistyped_is_named_with_its_line() {
    // ACTOR on lines 1–4 (name 2, kind 3, aliases 4), ISSUE on 5–8 (name 6,
    // description 7, phrases 8).
    let cases: &[(&str, &str, &str)] = &[
        ("name = \"Russia\"\n", "", "1: missing field `name`"),
        ("aliases = [\"Moscow\"]\n", "", "1: missing field `aliases`"),
        ("name = \"sanctions\"\n", "", "5: missing field `name`"),
        ("phrases = [\"sanctions\"]\n", "", "5: missing field `phrases`"),
        ("name = \"Russia\"\n", "name = [\"Russia\"]\n", "2: invalid type: sequence, expected a string"),
        ("kind = \"state\"\n", "kind = 1\n", "3: invalid type: integer `1`, expected a string"),
        (
            "aliases = [\"Moscow\"]\n",
            "aliases = \"Moscow\"\n",
            "4: invalid type: string \"Moscow\", expected a sequence",
        ),
        ("aliases = [\"Moscow\"]\n", "aliases = [\"Moscow\", 2]\n", "4: invalid type: integer `2`, expected a string"),
        ("name = \"sanctions\"\n", "name = false\n", "6: invalid type: boolean `false`, expected a string"),
        ("description = \"d\"\n", "description = [1]\n", "7: invalid type: sequence, expected a string"),
        (
            "phrases = [\"sanctions\"]\n",
            "phrases = \"sanctions\"\n",
            "8: invalid type: string \"sanctions\", expected a sequence",
        ),
        (
            "kind = \"state\"\n",
            "colour = \"red\"\n",
            "3: unknown field `colour`, expected one of `name`, `kind`, `aliases`",
        ),
        (
            "description = \"d\"\n",
            "desc = \"d\"\n",
            "7: unknown field `desc`, expected one of `name`, `description`, `phrases`",
        ),
        ("[[actor]]\n", "[[actors]]\n", "1: unknown field `actors`, expected `actor` or `issue`"),
    ];
    let base = format!("{ACTOR}{ISSUE}");
    for (i, (from, to, expected)) in cases.iter().enumerate() {
        // Replace the first occurrence after the section the field belongs to.
        let at = if ["name = \"sanctions\"\n", "description = \"d\"\n", "phrases = [\"sanctions\"]\n"].contains(from) {
            ACTOR.len()
        } else {
            0
        };
        let k = at + base[at..].find(from).unwrap();
        let text = format!("{}{to}{}", &base[..k], &base[k + from.len()..]);
        let (p, e) = lexicon_errors(&format!("field-{i}"), &text);
        assert_eq!(e, vec![format!("{p}:{expected}")], "case {i}: {text}");
    }
}

#[test]
fn lexicon_values_are_checked_with_their_lines() {
    let text = "[[actor]]\nname = \"Russia\"\naliases = []\n\
                [[actor]]\nname = \" \"\naliases = [\"x\"]\n\
                [[actor]]\nname = \"China\"\naliases = [\"\", \"--\",\n  \"russia\"]\n\
                [[actor]]\nname = \"RUSSIA\"\naliases = [\"Kremlin\"]\n\
                [[issue]]\nname = \"x\"\nphrases = []\n\
                [[issue]]\nname = \"\"\nphrases = [\"a\"]\n\
                [[issue]]\nname = \"y\"\nphrases = [\"\", \"…\"]\n\
                [[issue]]\nname = \"X\"\nphrases = [\"a\"]\n";
    let (p, e) = lexicon_errors("values", text);
    let mut want: Vec<String> = [
        "3: actor \"Russia\" has an empty alias list (list at least one other name, e.g. a capital)",
        "5: actor name is empty",
        "9: empty alias for actor \"China\"",
        "9: alias \"--\" of actor \"China\" has no words",
        "12: duplicate actor \"RUSSIA\" (first at line 2)",
        "10: alias \"russia\" of actor \"China\" already names actor \"Russia\" (line 2)",
        "16: issue \"x\" has an empty phrase list (list the phrases that identify it)",
        "18: issue name is empty",
        "22: empty phrase for issue \"y\"",
        "22: phrase \"…\" of issue \"y\" has no words",
        "24: duplicate issue \"X\" (first at line 15)",
    ]
    .iter()
    .map(|s| format!("{p}:{s}"))
    .collect();
    want.sort();
    let mut got = e.clone();
    got.sort();
    assert_eq!(got, want);
}
