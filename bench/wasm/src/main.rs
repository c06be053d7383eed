//! Times, natively and in one process, what the browser bench times.
//!
//!   parallax-bench CORPUS.jsonl                  parse + build, then find_passages
//!   parallax-bench --stances CORPUS.jsonl LEX    parse + build, then stance extract + matrix
//!
//! Prints one JSON line.

use std::time::Instant;

fn die(msg: String) -> ! {
    eprintln!("parallax-bench: {msg}");
    std::process::exit(1)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (path, lexicon) = match args.as_slice() {
        [p] => (p.clone(), None),
        [flag, p, l] if flag == "--stances" => (p.clone(), Some(l.clone())),
        _ => {
            eprintln!("usage: parallax-bench CORPUS.jsonl | parallax-bench --stances CORPUS.jsonl LEXICON.toml");
            std::process::exit(2);
        }
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| die(format!("cannot read {path}: {e}")));
    let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1000.0;
    let t0 = Instant::now();
    let corpus = parallax_bench::build(&bytes).unwrap_or_else(|e| die(e));
    let t1 = Instant::now();
    let n = corpus.articles.len();
    if let Some(lex) = lexicon {
        let text = std::fs::read_to_string(&lex).unwrap_or_else(|e| die(format!("cannot read {lex}: {e}")));
        let lex = parallax_engine::lexicon::parse_lexicon(&lex, &text)
            .unwrap_or_else(|d| die(d.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")));
        let t2 = Instant::now();
        let statements = parallax_engine::stance::extract(&corpus, &lex);
        let all: Vec<usize> = (0..n).collect();
        let m = parallax_engine::stance::matrix(&statements, &all);
        let t3 = Instant::now();
        println!(
            "{{\"articles\":{n},\"build_ms\":{:.1},\"stances_ms\":{:.1},\"statements\":{},\"cells\":{}}}",
            ms(t0, t1),
            ms(t2, t3),
            statements.len(),
            m.cells.len()
        );
        return;
    }
    let (pairs, clusters) = parallax_bench::passages(&corpus);
    let t2 = Instant::now();
    println!(
        "{{\"articles\":{n},\"build_ms\":{:.1},\"passages_ms\":{:.1},\"pairs\":{pairs},\"clusters\":{clusters}}}",
        ms(t0, t1),
        ms(t1, t2)
    );
}
