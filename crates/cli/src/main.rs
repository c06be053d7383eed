//! `parallax`: the explorer's analysis from a terminal, as JSON.
//!
//! ```text
//! parallax corpus   [--corpus PATH] [--json]
//! parallax stances  [--corpus PATH] [--lexicon PATH] [--q TEXT] [--outlet X …] [--json | --csv]
//! parallax passages [--corpus PATH] [--json] [--clusters | --rows [--pair A,B]]
//! parallax actors   [--corpus PATH] [--json] [--mentions]
//! parallax lexicon  [--corpus PATH] --discover
//! parallax facets   [--corpus PATH] [--lexicon PATH] [--q TEXT] [--outlet X …] [--sort KEY] [--json]
//! ```
//!
//! PATH is a seeds folder (default `seeds/`) or a JSON-lines file in
//! passim's format. Byte offsets index each article's original text.
//! `parallax help COMMAND` or `parallax COMMAND --help` lists a command's
//! options (see `args.rs`).

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;
use parallax_engine::bundle::Bundle;
use parallax_engine::lexicon::Lexicon;
use parallax_engine::{Corpus, Diagnostic};
use serde::Serialize;

mod actors;
mod args;
mod facets;
mod lexicon_found;
mod output;
mod passages;
mod stances;

use args::{Cli, Command, Common};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let source = match parallax_loader::load(cli.common.corpus()) {
        Ok(s) => s,
        Err(diags) => return report(diags),
    };
    // `Ok(None)`: no lexicon, use the one found in the text.
    let lexicon = || match lexicon_path(&cli.common) {
        Some(p) => stances::load_lexicon(&p).map(Some),
        None => Ok(None),
    };
    match &cli.command {
        Command::Facets(filter) => match lexicon() {
            Ok(lex) => print_json(&facets::json(&bundle(source, lex), filter)),
            Err(diags) => report(diags),
        },
        Command::Corpus => print_json(&output::corpus_json(&Corpus::build(source))),
        Command::Stances { csv, filter } => match lexicon() {
            Ok(lex) => print_stances(&bundle(source, lex), filter, *csv),
            Err(diags) => report(diags),
        },
        Command::Lexicon { .. } => {
            let corpus = Corpus::build(source);
            let model = parallax_engine::actors::ActorModel::find(&corpus);
            let found = parallax_engine::stance::discover(&corpus, &model, parallax_engine::bundle::FOUND_MIN_MENTIONS);
            print!("{}", lexicon_found::toml(&found, &cli.common.corpus().display().to_string()));
            ExitCode::SUCCESS
        }
        Command::Actors { mentions } => {
            let corpus = Corpus::build(source);
            let model = parallax_engine::actors::ActorModel::find(&corpus);
            print_json(&actors::ActorsJson::new(&corpus, &model, *mentions))
        }
        Command::Passages { rows: true, pair, .. } => match lexicon() {
            Ok(lex) => print_json(&passages::rows_json(&bundle(source, lex), pair.as_deref())),
            Err(diags) => report(diags),
        },
        Command::Passages { clusters: true, .. } => print_json(&passages::clusters_json(&Corpus::build(source))),
        Command::Passages { .. } => print_json(&passages::PairsJson::new(&Corpus::build(source))),
    }
}

/// The stance lexicon's path for these options.
fn lexicon_path(common: &Common) -> Option<std::path::PathBuf> {
    if common.no_lexicon {
        return None;
    }
    stances::lexicon_path(common.corpus(), common.lexicon.as_deref())
}

/// The bundle with `lexicon`, or with the lexicon found in the text.
fn bundle(source: parallax_engine::source::CorpusSource, lexicon: Option<Lexicon>) -> Bundle {
    match lexicon {
        Some(lex) => Bundle::build(source, lex),
        None => Bundle::build_found(source),
    }
}

/// Prints the problems that stopped the run; exit code 1.
fn report(diags: Vec<Diagnostic>) -> ExitCode {
    for d in diags {
        eprintln!("error: {d}");
    }
    ExitCode::FAILURE
}

/// Prints the stance matrix of the articles `filter` selects as JSON, or
/// as CSV if `csv`.
fn print_stances(b: &Bundle, filter: &facets::FilterArgs, csv: bool) -> ExitCode {
    let m = stances::matrix(b, filter);
    if csv {
        let text = stances::csv(&b.corpus, &b.lexicon, &b.statements, &m);
        print_with(|out| out.write_all(text.as_bytes()))
    } else {
        print_json(&stances::json(&b.corpus, &b.lexicon, &b.statements, &m))
    }
}

/// Prints `value` as compact JSON and a newline.
fn print_json(value: &impl Serialize) -> ExitCode {
    print_with(|out| {
        serde_json::to_writer(&mut *out, value)?;
        writeln!(out)
    })
}

/// Runs `write` on standard output; exit code 1 if it fails.
fn print_with(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> ExitCode {
    // Tens of megabytes at thousands of articles: few, large writes.
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parallax: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}
