//! Native timing of what the Articles view does per keystroke: the filter
//! with every facet's counts, the sort, and the snippets of the first page
//! of rows. Used to profile the filter's latency (BENCHMARKS.md, section 3).
//!
//!     cargo run --release -p parallax-cli --example filter_timing -- CORPUS [WORD ...]
//!
//! The bundle is cached in the system's temporary folder (delete it after
//! changing the engine).
use std::path::PathBuf;
use std::time::Instant;

use parallax_engine::bundle::Bundle;
use parallax_engine::facets::{Filter, Sort};
use parallax_engine::query::Query;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(args.next().expect("usage: filter_timing CORPUS [WORD ...]"));
    let mut words: Vec<String> = args.collect();
    if words.is_empty() {
        words = vec!["police".into(), "earthquake".into(), "killed".into()];
    }
    let name: String = path.display().to_string().chars().map(|c| if c.is_alphanumeric() { c } else { '_' }).collect();
    let cache = std::env::temp_dir().join(format!("parallax-{name}.bundle"));
    let bundle: Bundle = match std::fs::read(&cache).ok().and_then(|b| postcard::from_bytes(&b).ok()) {
        Some(b) => b,
        None => {
            let t = Instant::now();
            let source = parallax_loader::load(&path).expect("corpus loads");
            let lexicon =
                parallax_loader::load_lexicon(&parallax_loader::lexicon_path(&path, None).expect("a lexicon.toml"))
                    .expect("lexicon");
            let b = Bundle::build(source, lexicon);
            eprintln!("bundle built in {:?}", t.elapsed());
            std::fs::write(&cache, postcard::to_allocvec(&b).unwrap()).unwrap();
            b
        }
    };
    if std::env::var_os("SPLIT").is_some() {
        split_timing(&bundle);
    }
    let t = Instant::now();
    let fx = bundle.facets();
    eprintln!("search index and facet table built in {:?}", t.elapsed());
    let mut queries = Vec::new();
    for w in &words {
        for n in 1..=w.len() {
            queries.push(w[..n].to_string());
        }
        for n in (0..w.len()).rev() {
            queries.push(w[..n].to_string());
        }
    }
    let (mut t_parse, mut t_select, mut t_sort, mut t_rows) = (0.0, 0.0, 0.0, 0.0);
    let mut worst = 0.0f64;
    for q in &queries {
        let t0 = Instant::now();
        let query = Query::parse(q);
        let f = Filter { query, ..Filter::default() };
        let t1 = Instant::now();
        let sel = fx.counts(&f);
        let t2 = Instant::now();
        let mut order = sel.articles.clone();
        fx.sort(&mut order, Sort::default());
        let t3 = Instant::now();
        let mut n = 0;
        let search = bundle.search();
        let c = search.compile(&bundle.corpus, &f.query);
        for &i in order.iter().take(200) {
            let a = &bundle.corpus.articles[i];
            if let Some(s) = search.snippet_sentence(a, &c) {
                n += search.sentence_highlights(a, s, &c).len();
            }
            n += search.title_highlights(i, a, &c).len();
        }
        let t4 = Instant::now();
        std::hint::black_box(n);
        let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1e3;
        t_parse += ms(t0, t1);
        t_select += ms(t1, t2);
        t_sort += ms(t2, t3);
        t_rows += ms(t3, t4);
        worst = worst.max(ms(t0, t4));
    }
    let k = queries.len() as f64;
    println!(
        "{} articles, {} keystrokes: mean per keystroke parse {:.2} ms, select {:.2} ms, sort {:.2} ms, rows {:.2} ms; worst total {:.2} ms",
        bundle.corpus.articles.len(),
        queries.len(),
        t_parse / k,
        t_select / k,
        t_sort / k,
        t_rows / k,
        worst
    );
}

#[allow(dead_code)]
fn split_timing(b: &Bundle) {
    let t = Instant::now();
    let s = parallax_engine::search::SearchIndex::build(&b.corpus);
    eprintln!("search index {:?}", t.elapsed());
    let t = Instant::now();
    let f = parallax_engine::facets::FacetTable::build(&b.corpus, &b.lexicon, &b.passages, &b.facet_index);
    eprintln!("facet table {:?}", t.elapsed());
    std::hint::black_box((s, f));
}
