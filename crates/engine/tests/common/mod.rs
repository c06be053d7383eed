//! Shared by the engine's integration tests: the repository's seed corpus,
//! and where ECB+ is ([`ecbplus`]).

#![allow(clippy::disallowed_methods)] // tests sort with std: no page size at stake

use std::path::{Path, PathBuf};

use parallax_engine::source::{parse_seed_folder, CorpusSource, SourceFile};
use parallax_engine::Corpus;

pub mod ecbplus;

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `seeds/` parsed and built, as the build script does.
#[allow(dead_code)] // Not every test file uses both.
pub fn seeds() -> Corpus {
    Corpus::build(seed_source())
}

/// `seeds/` parsed.
pub fn seed_source() -> CorpusSource {
    folder_source(&repo().join("seeds"), "seeds")
}

/// A seeds-style folder (`*.txt` and `corpus.toml`) parsed; `name` is how
/// diagnostics name it.
pub fn folder_source(dir: &Path, name: &str) -> CorpusSource {
    let mut files = Vec::new();
    let mut meta = None;
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        let file = p.file_name().unwrap().to_string_lossy().into_owned();
        if file == "corpus.toml" {
            meta = Some(std::fs::read(&p).unwrap());
        } else if file.ends_with(".txt") {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            files.push(SourceFile { path: file, stem, bytes: std::fs::read(&p).unwrap() });
        }
    }
    let meta_path = format!("{name}/corpus.toml");
    parse_seed_folder(name, meta.as_deref().map(|m| (meta_path.as_str(), m)), &files).unwrap()
}
