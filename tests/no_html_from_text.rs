//! Corpus and URL text reach the DOM only as text nodes and attribute values
//! (ARCHITECTURE.md): no source file of the app may parse a string as HTML
//! or script. `clippy.toml` forbids the same methods by path; this test also
//! catches them behind a `use` alias or a macro, and in JS strings.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// Ways a string becomes markup or code in the browser.
const FORBIDDEN: &[&str] = &[
    "inner_html",
    "outer_html",
    "insert_adjacent_html",
    "from_html_unchecked",
    "innerHTML",
    "outerHTML",
    "document.write",
    "js_sys::eval",
    "Function::new_no_args",
    "Function::new_with_args",
    "srcdoc",
    "create_contextual_fragment",
    "DomParser",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_source_file_parses_text_as_html_or_script() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "crates/engine/src", "crates/cli/src", "crates/loader/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    files.push(root.join("build.rs"));
    assert!(files.len() > 20, "found the sources: {files:?}");
    let mut hits = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for bad in FORBIDDEN {
                if code.contains(bad) {
                    hits.push(format!("{}:{}: {bad}: {}", f.display(), i + 1, line.trim()));
                }
            }
        }
    }
    // The one exception: `text::fixed`, whose markup is a `&'static str`
    // written in the source (legends); checked below to get only literals.
    hits.retain(|h| {
        !(h.contains("components/text.rs") && h.contains("Html::from_html_unchecked(AttrValue::Static(markup))"))
    });
    assert!(hits.is_empty(), "text must never be parsed as HTML or script:\n{}", hits.join("\n"));
}

/// `text::fixed` parses its argument as markup: every call passes a string
/// literal (`r#"…"#`, or `concat!` of them), never text made at run time.
#[test]
fn fixed_markup_is_only_ever_a_literal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut calls = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (at, _) in text.match_indices("fixed(") {
            let before = &text[..at];
            if before.ends_with("fn ") || before.ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue;
            }
            calls += 1;
            let arg = text[at + "fixed(".len()..].trim_start();
            let literal = arg.starts_with("r#\"")
                || arg.starts_with("concat!(\n") && {
                    // Every line of the concat! up to its `))` is a raw literal.
                    let body = &arg["concat!(".len()..arg.find("))").unwrap_or(arg.len())];
                    body.lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .all(|l| l.starts_with("r#\"") && l.ends_with("\"#,"))
                };
            assert!(literal, "{}: fixed() must get a literal: {}", f.display(), &arg[..arg.len().min(80)]);
        }
    }
    assert!(calls >= 4, "found the legends' calls ({calls})");
}

#[test]
fn index_html_has_no_inline_script_or_handler() {
    let html = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html")).unwrap();
    let lower = html.to_lowercase();
    // Only trunk's own <script> (added at build time and hashed into the CSP).
    assert!(!lower.contains("<script"), "index.html has no script of its own");
    assert!(!lower.contains(" onload=") && !lower.contains(" onerror=") && !lower.contains(" onclick="));
    assert!(!lower.contains("javascript:"));
    let csp = lower.find("http-equiv=\"content-security-policy\"").expect("a CSP meta");
    let first_link = lower.find("<link").expect("trunk links");
    assert!(csp < first_link, "the CSP precedes everything it governs");
}
