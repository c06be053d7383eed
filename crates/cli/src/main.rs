//! `parallax`: the explorer's analysis from a terminal, as JSON.
//!
//! ```text
//! parallax corpus   [--corpus PATH] [--json]
//! parallax stances  [--corpus PATH] [--lexicon PATH] [--json | --csv]
//! parallax passages [--corpus PATH] [--json] [--clusters]
//! parallax facets   [--corpus PATH] [--lexicon PATH] [--q TEXT] [--sort KEY] [--outlet X …] [--json]
//! ```
//!
//! PATH is a seeds folder (default `seeds/`) or a JSON-lines file in
//! passim's format. Byte offsets index each article's original text.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use parallax_engine::Corpus;

mod facets;
mod output;
mod passages;
mod stances;

const USAGE: &str = "\
parallax — one event, many reports: the explorer's analysis as JSON

USAGE:
    parallax <COMMAND> [OPTIONS]

COMMANDS:
    corpus      the parsed corpus: articles, paragraphs, sentences, removed boilerplate
    stances     actor × issue stances: [{actor, issue, stance, evidence: [{article, start, end}]}]
    passages    passages shared by two articles: [{a, b: {article, start, end}, score}]
                (byte offsets into the original text; a before b in id order)
    facets      the articles a filter selects, in list order, and every facet value
                with its count: {total, articles: [ids], facets: {actors: [{key,
                label, count, selected}], issues, outlets, events, dates, shares, carries}}

OPTIONS:
    --corpus PATH   a seeds folder (*.txt + corpus.toml) or a JSON-lines file
                    (one {\"id\", \"text\", \"title\"?, \"series\"?, \"date\"?} a line);
                    default: seeds/
    --lexicon PATH  the stance lexicon (actors, issues); default: lexicon.toml in
                    the corpus folder if there is one, else seeds/lexicon.toml
    --json          JSON output (the default)
    --csv           stances as CSV, one row per evidence sentence
    --q TEXT        with `facets`: the search text (stems, \"phrases\")
    --sort KEY      with `facets`: id, date, outlet, length or shared; -KEY reverses
    --actor NAME, --issue NAME, --outlet NAME, --event NAME, --date YYYY-MM-DD,
    --shares ID, --carries CLUSTER
                    with `facets`: select a value (repeat for more: values of one
                    facet are alternatives, different facets must all hold);
                    \"unknown\" selects a missing outlet, event or date
    --clusters      with `passages`: passages carried by three or more articles,
                    [{id, articles, members: [{article, start, end, text}]}]
    -h, --help      this text
";

struct Args {
    command: String,
    corpus: PathBuf,
    lexicon: Option<PathBuf>,
    csv: bool,
    clusters: bool,
    filter: facets::FilterArgs,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut command = None;
    let mut corpus = PathBuf::from("seeds");
    let mut lexicon = None;
    let mut csv = false;
    let mut clusters = false;
    let mut filter = facets::FilterArgs::default();
    while let Some(a) = args.next() {
        if let Some(f) = facets::facet_option(&a) {
            filter.values.push((f, args.next().ok_or(format!("{a} needs a value"))?));
            continue;
        }
        match a.as_str() {
            "--q" => filter.q = args.next().ok_or("--q needs TEXT")?,
            "--sort" => filter.sort = Some(args.next().ok_or("--sort needs a KEY")?),
            "-h" | "--help" => return Err(String::new()),
            "--json" => {}
            "--csv" => csv = true,
            "--lexicon" => lexicon = Some(PathBuf::from(args.next().ok_or("--lexicon needs a PATH")?)),
            s if s.starts_with("--lexicon=") => lexicon = Some(PathBuf::from(&s["--lexicon=".len()..])),
            "--clusters" => clusters = true,
            "--corpus" => corpus = PathBuf::from(args.next().ok_or("--corpus needs a PATH")?),
            s if s.starts_with("--corpus=") => corpus = PathBuf::from(&s["--corpus=".len()..]),
            s if s.starts_with('-') => return Err(format!("unknown option {s:?}")),
            s if command.is_none() => command = Some(s.to_string()),
            s => return Err(format!("unexpected argument {s:?}")),
        }
    }
    let command = command.ok_or("missing COMMAND")?;
    Ok(Args { command, corpus, lexicon, csv, clusters, filter })
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
    if args.command == "facets" {
        let Some(lex) = lexicon(&args) else { return ExitCode::FAILURE };
        let bundle = parallax_engine::bundle::Bundle::build(source, lex);
        return match facets::json(&bundle, &args.filter) {
            Ok(v) => print_json(&v),
            Err(e) => {
                eprintln!("parallax: {e}");
                ExitCode::from(2)
            }
        };
    }
    let corpus = Corpus::build(source);
    let value = match args.command.as_str() {
        "corpus" => output::corpus_json(&corpus),
        "stances" => {
            let Some(lex) = lexicon(&args) else { return ExitCode::FAILURE };
            let (statements, matrix) = stances::compute(&corpus, &lex);
            if args.csv {
                let text = stances::csv(&corpus, &lex, &statements, &matrix);
                return if std::io::stdout().lock().write_all(text.as_bytes()).is_ok() {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                };
            }
            match serde_json::to_value(stances::json(&corpus, &lex, &matrix)) {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("parallax: cannot write the stances: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
        "passages" if args.clusters => passages::clusters_json(&corpus),
        "passages" => {
            // Tens of megabytes at thousands of articles: few, large writes.
            let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
            let ok = passages::write_pairs(&corpus, &mut out).is_ok() && writeln!(out).is_ok() && out.flush().is_ok();
            return if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE };
        }
        other => {
            eprintln!("parallax: unknown command {other:?}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    print_json(&value)
}

/// The stance lexicon for `args`, or `None` after printing its problems.
fn lexicon(args: &Args) -> Option<parallax_engine::lexicon::Lexicon> {
    let path = stances::lexicon_path(&args.corpus, args.lexicon.as_deref());
    match stances::load_lexicon(&path) {
        Ok(l) => Some(l),
        Err(diags) => {
            for d in diags {
                eprintln!("error: {d}");
            }
            None
        }
    }
}

fn print_json(value: &serde_json::Value) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let ok = serde_json::to_writer(&mut out, value).is_ok() && writeln!(out).is_ok();
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
