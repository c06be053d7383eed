//! `parallax`: the explorer's analysis from a terminal, as JSON.
//!
//! ```text
//! parallax corpus   [--corpus PATH] [--json]
//! parallax stances  [--corpus PATH] [--lexicon PATH] [--json | --csv]
//! ```
//!
//! PATH is a seeds folder (default `seeds/`) or a JSON-lines file in
//! passim's format. Byte offsets index each article's original text.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use parallax_engine::Corpus;

mod output;
mod stances;

const USAGE: &str = "\
parallax — one event, many reports: the explorer's analysis as JSON

USAGE:
    parallax <COMMAND> [OPTIONS]

COMMANDS:
    corpus      the parsed corpus: articles, paragraphs, sentences, removed boilerplate
    stances     actor × issue stances: [{actor, issue, stance, evidence: [{article, start, end}]}]

OPTIONS:
    --corpus PATH   a seeds folder (*.txt + corpus.toml) or a JSON-lines file
                    (one {\"id\", \"text\", \"title\"?, \"series\"?, \"date\"?} a line);
                    default: seeds/
    --lexicon PATH  the stance lexicon (actors, issues); default: lexicon.toml in
                    the corpus folder if there is one, else seeds/lexicon.toml
    --json          JSON output (the default)
    --csv           stances as CSV, one row per evidence sentence
    -h, --help      this text
";

struct Args {
    command: String,
    corpus: PathBuf,
    lexicon: Option<PathBuf>,
    csv: bool,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut command = None;
    let mut corpus = PathBuf::from("seeds");
    let mut lexicon = None;
    let mut csv = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--json" => {}
            "--csv" => csv = true,
            "--lexicon" => lexicon = Some(PathBuf::from(args.next().ok_or("--lexicon needs a PATH")?)),
            s if s.starts_with("--lexicon=") => lexicon = Some(PathBuf::from(&s["--lexicon=".len()..])),
            "--corpus" => corpus = PathBuf::from(args.next().ok_or("--corpus needs a PATH")?),
            s if s.starts_with("--corpus=") => corpus = PathBuf::from(&s["--corpus=".len()..]),
            s if s.starts_with('-') => return Err(format!("unknown option {s:?}")),
            s if command.is_none() => command = Some(s.to_string()),
            s => return Err(format!("unexpected argument {s:?}")),
        }
    }
    let command = command.ok_or("missing COMMAND")?;
    Ok(Args { command, corpus, lexicon, csv })
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) if e.is_empty() => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("parallax: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let source = match parallax_loader::load(&args.corpus) {
        Ok(s) => s,
        Err(diags) => {
            for d in diags {
                eprintln!("error: {d}");
            }
            return ExitCode::FAILURE;
        }
    };
    let corpus = Corpus::build(source);
    let value = match args.command.as_str() {
        "corpus" => output::corpus_json(&corpus),
        "stances" => {
            let path = stances::lexicon_path(&args.corpus, args.lexicon.as_deref());
            let lex = match stances::load_lexicon(&path) {
                Ok(l) => l,
                Err(diags) => {
                    for d in diags {
                        eprintln!("error: {d}");
                    }
                    return ExitCode::FAILURE;
                }
            };
            let (statements, matrix) = stances::compute(&corpus, &lex);
            if args.csv {
                let text = stances::csv(&corpus, &lex, &statements, &matrix);
                return if std::io::stdout().lock().write_all(text.as_bytes()).is_ok() {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                };
            }
            stances::json(&corpus, &lex, &matrix)
        }
        other => {
            eprintln!("parallax: unknown command {other:?}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut out = std::io::stdout().lock();
    let ok = serde_json::to_writer(&mut out, &value).is_ok() && writeln!(out).is_ok();
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
