//! The CLI's output, byte for byte, on the seeds and on ECB+: a refactoring
//! must not change it. Each command's standard output is hashed (SHA-256)
//! and compared with `data/output_checksums.txt`, written from the code
//! before the change. When an output changes on purpose, run
//! `PARALLAX_WRITE_CHECKSUMS=1 cargo test -p parallax-cli --test output_checksums`
//! and say in the commit why it changed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

#[path = "../../engine/tests/common/ecbplus.rs"]
mod ecbplus;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Name → arguments of every command whose output is checked, for one corpus.
fn commands(corpus: &str, lexicon: &str) -> Vec<(String, Vec<String>)> {
    let runs: &[(&str, &[&str])] = &[
        ("corpus", &["corpus", "--json"]),
        ("stances", &["stances", "--json"]),
        ("stances-csv", &["stances", "--csv"]),
        ("passages", &["passages", "--json"]),
        ("clusters", &["passages", "--clusters", "--json"]),
        ("facets", &["facets", "--json"]),
        ("facets-search", &["facets", "--q", "president", "--sort", "-date"]),
        ("facets-sort", &["facets", "--sort", "shared"]),
    ];
    runs.iter()
        .map(|(name, args)| {
            let mut a: Vec<String> = args.iter().map(|s| s.to_string()).collect();
            a.extend(["--corpus".to_string(), corpus.to_string(), "--lexicon".to_string(), lexicon.to_string()]);
            (name.to_string(), a)
        })
        .collect()
}

fn sha256_of_run(args: &[String]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax")).args(args).current_dir(repo()).output().unwrap();
    assert!(out.status.success(), "parallax {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    Sha256::digest(&out.stdout).iter().map(|b| format!("{b:02x}")).collect()
}

fn check(corpus_name: &str, corpus: &str, lexicon: &str) {
    let file = repo().join("crates/cli/tests/data/output_checksums.txt");
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let mut expected: BTreeMap<String, String> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once(' ').map(|(h, k)| (k.to_string(), h.to_string())))
        .collect();
    let mut changed = Vec::new();
    for (name, args) in commands(corpus, lexicon) {
        let key = format!("{corpus_name}/{name}");
        let got = sha256_of_run(&args);
        if expected.get(&key) != Some(&got) {
            changed.push(format!("{key}: expected {:?}, got {got} (parallax {})", expected.get(&key), args.join(" ")));
            expected.insert(key, got);
        }
    }
    if std::env::var_os("PARALLAX_WRITE_CHECKSUMS").is_some() {
        let mut out = String::from("# SHA-256 of the CLI's standard output: crates/cli/tests/output_checksums.rs\n");
        for (k, h) in &expected {
            out.push_str(&format!("{h} {k}\n"));
        }
        std::fs::write(&file, out).unwrap();
        return;
    }
    assert!(changed.is_empty(), "the CLI's output changed:\n{}", changed.join("\n"));
}

#[test]
fn seeds_output_is_unchanged() {
    check("seeds", "seeds", "seeds/lexicon.toml");
}

#[test]
fn ecbplus_output_is_unchanged() {
    let Some(path) = ecbplus::path() else { return };
    let lexicon = repo().join("crates/engine/tests/data/ecbplus_lexicon.toml");
    check("ecbplus", path.to_str().unwrap(), lexicon.to_str().unwrap());
}
