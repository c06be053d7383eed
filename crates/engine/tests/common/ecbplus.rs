//! Where the tests find ECB+ (982 news articles, CC BY 3.0): `PARALLAX_ECBPLUS`,
//! else `../shared/corpora/ecbplus/ecbplus_docs.jsonl` beside the repository.
//! Shared by the engine's and the CLI's tests (`#[path]`).

use std::io::Write;
use std::path::{Path, PathBuf};

/// The ECB+ JSON-lines file, or `None` after a line on the terminal saying
/// the test that asked is skipped. Written to stderr directly, past the test
/// harness's capture, so that a skip is seen in every run.
#[allow(dead_code)] // Not every test crate uses every helper.
#[track_caller]
pub fn path() -> Option<PathBuf> {
    let path = match std::env::var_os("PARALLAX_ECBPLUS") {
        Some(p) => PathBuf::from(p),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/ecbplus/ecbplus_docs.jsonl"),
    };
    if path.is_file() {
        return Some(path);
    }
    let caller = std::panic::Location::caller();
    let _ = writeln!(
        std::io::stderr().lock(),
        "SKIPPED ({}:{}): ECB+ not found at {} (set PARALLAX_ECBPLUS)",
        caller.file(),
        caller.line(),
        path.display()
    );
    None
}

/// The ECB+ file's bytes (see [`path`]).
#[allow(dead_code)]
#[track_caller]
pub fn bytes() -> Option<Vec<u8>> {
    path().map(|p| std::fs::read(p).unwrap())
}
