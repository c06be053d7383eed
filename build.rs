//! Compiles the corpus into the app.
//!
//! Reads `seeds/` (or the folder / JSON-lines file named by the
//! `PARALLAX_CORPUS` environment variable), validates it, runs the whole
//! analysis natively and writes the result for `include_bytes!`. A bad
//! corpus stops the build with messages naming the file and line.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=PARALLAX_CORPUS");
    println!("cargo:rerun-if-changed=build.rs");
    let path = match std::env::var_os("PARALLAX_CORPUS") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from("seeds"),
    };
    println!("cargo:rerun-if-changed={}", path.display());
    if path.is_dir() {
        for f in parallax_loader::folder_inputs(&path) {
            println!("cargo:rerun-if-changed={}", f.display());
        }
    }
    // No lexicon.toml: the lexicon found in the text (`None` below).
    let lexicon_path = parallax_loader::lexicon_path(&path, None);
    if let Some(p) = &lexicon_path {
        println!("cargo:rerun-if-changed={}", p.display());
    }
    let source = parallax_loader::load(&path);
    let lexicon = lexicon_path.map(|p| parallax_loader::load_lexicon(&p)).transpose();
    let mut diags = Vec::new();
    if let Err(d) = &source {
        diags.extend(d.iter().cloned());
    }
    if let Err(d) = &lexicon {
        diags.extend(d.iter().cloned());
    }
    let (Ok(source), Ok(lexicon)) = (source, lexicon) else {
        eprintln!("\nParallax: the corpus at {} has {} problem(s):\n", path.display(), diags.len());
        for d in &diags {
            eprintln!("error: {d}");
        }
        eprintln!("\nFix the file(s) above and build again.\n");
        std::process::exit(1);
    };
    let bundle = match lexicon {
        Some(lexicon) => parallax_engine::bundle::Bundle::build(source, lexicon),
        None => parallax_engine::bundle::Bundle::build_found(source),
    };
    let bytes = match bundle.to_stored() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    if let Err(e) = std::fs::write(out.join("bundle.bin"), bytes) {
        eprintln!("error: cannot write {}: {e}", out.join("bundle.bin").display());
        std::process::exit(1);
    }
}
