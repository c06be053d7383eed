//! Reads a corpus from disk: a seeds folder (`*.txt` + `corpus.toml`) or a
//! JSON-lines file, and hands the bytes to the engine for validation.
//!
//! This is the only place, with the CLI, that touches the file system; the
//! app's build script and the CLI share it so both see the same corpus.

#![deny(missing_docs)]

use std::fs;
use std::path::Path;

use parallax_engine::lexicon::{self, Lexicon};
use parallax_engine::sort;
use parallax_engine::source::{self, SourceFile};
use parallax_engine::{CorpusSource, Diagnostic};

/// The metadata file of a seeds folder.
pub const META_FILE: &str = "corpus.toml";

fn io_error(path: &Path, e: std::io::Error) -> Vec<Diagnostic> {
    vec![Diagnostic { file: path.display().to_string(), line: None, message: format!("cannot read: {e}") }]
}

/// Loads and validates the corpus at `path` (folder or `.jsonl` file).
pub fn load(path: &Path) -> Result<CorpusSource, Vec<Diagnostic>> {
    let meta = fs::metadata(path).map_err(|e| io_error(path, e))?;
    if meta.is_dir() {
        load_folder(path)
    } else {
        let bytes = fs::read(path).map_err(|e| io_error(path, e))?;
        source::parse_jsonl(&path.display().to_string(), &bytes)
    }
}

/// The stance lexicon's file name inside a corpus folder.
pub const LEXICON_FILE: &str = "lexicon.toml";

/// The lexicon for the corpus at `corpus`: `explicit` if given, else
/// `lexicon.toml` in the corpus folder (or next to a JSON-lines file) if it
/// exists; `None` when there is none (stances then use the lexicon found
/// in the text).
pub fn lexicon_path(corpus: &Path, explicit: Option<&Path>) -> Option<std::path::PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    let folder = if corpus.is_dir() { Some(corpus) } else { corpus.parent() };
    folder.map(|f| f.join(LEXICON_FILE)).filter(|c| c.is_file())
}

/// Reads and validates a stance lexicon.
pub fn load_lexicon(path: &Path) -> Result<Lexicon, Vec<Diagnostic>> {
    let text = fs::read(path).map_err(|e| io_error(path, e))?;
    let shown = path.display().to_string();
    match std::str::from_utf8(&text) {
        Ok(t) => lexicon::parse_lexicon(&shown, t),
        Err(e) => Err(vec![Diagnostic {
            file: shown,
            line: Some(text[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1),
            message: format!("invalid UTF-8 at byte {}", e.valid_up_to()),
        }]),
    }
}

/// Every file a seeds folder consists of (for build scripts' rerun rules).
pub fn folder_inputs(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "toml"))
        .collect();
    sort::ord(&mut v);
    v
}

fn load_folder(dir: &Path) -> Result<CorpusSource, Vec<Diagnostic>> {
    let mut files = Vec::new();
    let mut meta = None;
    let entries = fs::read_dir(dir).map_err(|e| io_error(dir, e))?;
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    sort::ord(&mut paths);
    for p in paths {
        if !p.is_file() {
            continue;
        }
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name == META_FILE {
            meta = Some((p.display().to_string(), fs::read(&p).map_err(|e| io_error(&p, e))?));
        } else if p.extension().is_some_and(|x| x == "txt") {
            let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            files.push(SourceFile {
                path: p.display().to_string(),
                stem,
                bytes: fs::read(&p).map_err(|e| io_error(&p, e))?,
            });
        }
    }
    let meta_ref = meta.as_ref().map(|(p, b)| (p.as_str(), b.as_slice()));
    source::parse_seed_folder(&dir.display().to_string(), meta_ref, &files)
}
