//! `parallax-bench CORPUS.jsonl`: times, natively and in one process, the
//! phases the browser bench times (parse + build, then `find_passages`), and
//! prints them as one JSON line.

use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parallax-bench CORPUS.jsonl");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("parallax-bench: cannot read {path}: {e}");
        std::process::exit(1);
    });
    let t0 = Instant::now();
    let corpus = parallax_bench::build(&bytes).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    let t1 = Instant::now();
    let (pairs, clusters) = parallax_bench::passages(&corpus);
    let t2 = Instant::now();
    let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1000.0;
    println!(
        "{{\"articles\":{},\"build_ms\":{:.1},\"passages_ms\":{:.1},\"pairs\":{pairs},\"clusters\":{clusters}}}",
        corpus.articles.len(),
        ms(t0, t1),
        ms(t1, t2)
    );
}
