//! Large and strange input: each shape builds the whole bundle (corpus,
//! passages, stances, heat map) within stated bounds of time and memory.
//!
//! Memory is measured exactly, with a counting global allocator: the peak of
//! live heap bytes while one bundle is built, and the total bytes allocated
//! (a deterministic stand-in for work done). The bounds:
//!
//! * peak heap ≤ [`PEAK_PER_INPUT_BYTE`] × input bytes + [`PEAK_BASE`];
//! * doubling the input at most [`GROWTH`]× the peak and the total allocated
//!   (linear, not quadratic, behaviour), checked on the 5 MB article and on
//!   the single long line;
//! * wall time ≤ [`secs_bound`] (generous: the machine may be busy; the
//!   measured times are printed).
//!
//! One `#[test]` runs the cases one after another, so the allocator's counts
//! belong to one build at a time.
//!
//! The big article is 5 MB in a release build (`cargo test --release -p
//! parallax-engine --test large_inputs -- --nocapture`) and 1 MB in a debug
//! build (`cargo test`, as CI runs it: unoptimised, the 5 MB build takes
//! minutes); `PARALLAX_LARGE_MB` sets it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use parallax_engine::bundle::Bundle;
use parallax_engine::lexicon::parse_lexicon;
use parallax_engine::source::{ArticleMeta, RawArticle};
use parallax_engine::CorpusSource;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static TOTAL: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
            TOTAL.fetch_add(l.size(), Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, l, new) };
        if !q.is_null() {
            if new >= l.size() {
                let now = LIVE.fetch_add(new - l.size(), Ordering::Relaxed) + new - l.size();
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(l.size() - new, Ordering::Relaxed);
            }
            TOTAL.fetch_add(new, Ordering::Relaxed);
        }
        q
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Peak live heap per byte of input, on top of [`PEAK_BASE`].
const PEAK_PER_INPUT_BYTE: usize = 25;
/// Fixed costs: the synonym table, the stemmer, the lexicon.
const PEAK_BASE: usize = 8 << 20;
/// Growth allowed when the input doubles (2 would be exactly linear).
const GROWTH: f64 = 2.6;

/// Wall-time bound for a build over `bytes` of input: a base plus a rate,
/// ten times slower in a debug build.
fn secs_bound(bytes: usize) -> Duration {
    let mb = bytes as f64 / (1 << 20) as f64;
    let secs = 10.0 + 6.0 * mb;
    Duration::from_secs_f64(if cfg!(debug_assertions) { secs * 10.0 } else { secs })
}

const SEED: &str = include_str!("../../../seeds/002_a1216f472dd9412b.txt");
const OTHER: &str = include_str!("../../../seeds/000_81f88f833ff57646.txt");
const LEXICON: &str = include_str!("../../../seeds/lexicon.toml");

struct Measured {
    input: usize,
    peak: usize,
    total: usize,
    took: Duration,
    sentences: usize,
    statements: usize,
    passages: usize,
}

/// Builds the bundle of `text` plus a seed article (so passages have a
/// partner and stances a lexicon), measuring it.
fn measure(name: &str, text: String) -> Measured {
    let lexicon = parse_lexicon("seeds/lexicon.toml", LEXICON).unwrap();
    let meta = |id: &str| ArticleMeta { id: id.into(), title: None, outlet: None, url: None, date: None, event: None };
    let input = text.len() + OTHER.len();
    let source = CorpusSource {
        name: name.into(),
        articles: vec![RawArticle { meta: meta(name), text }, RawArticle { meta: meta("zz-seed"), text: OTHER.into() }],
    };
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let total0 = TOTAL.load(Ordering::Relaxed);
    let t0 = Instant::now();
    let b = Bundle::build(source, lexicon);
    let took = t0.elapsed();
    let m = Measured {
        input,
        peak: PEAK.load(Ordering::Relaxed) - base,
        total: TOTAL.load(Ordering::Relaxed) - total0,
        took,
        sentences: b.corpus.articles.iter().map(|a| a.sentences.len()).sum(),
        statements: b.statements.len(),
        passages: b.passages.pairs.len(),
    };
    drop(b);
    println!(
        "{name:>22}: input {:>9} B, peak heap {:>6.1} MB ({:>4.1}×), allocated {:>7.1} MB, {:>7.2?}; {} sentences, {} statements, {} passages",
        m.input,
        m.peak as f64 / 1e6,
        m.peak as f64 / m.input as f64,
        m.total as f64 / 1e6,
        m.took,
        m.sentences,
        m.statements,
        m.passages
    );
    assert!(
        m.peak <= PEAK_PER_INPUT_BYTE * m.input + PEAK_BASE,
        "{name}: peak heap {} B for {} B of input (bound {PEAK_PER_INPUT_BYTE}× + {PEAK_BASE})",
        m.peak,
        m.input
    );
    assert!(m.took <= secs_bound(m.input), "{name}: took {:?} (bound {:?})", m.took, secs_bound(m.input));
    m
}

/// A seed article repeated to `bytes`, each repetition's lines numbered so
/// the repetition rules see distinct lines.
fn big_article(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + SEED.len());
    let mut i = 0;
    while text.len() < bytes {
        for line in SEED.lines() {
            text.push_str(line);
            if !line.is_empty() {
                text.push_str(&format!(" ({i})"));
            }
            text.push('\n');
        }
        i += 1;
    }
    text
}

/// The seed's words, punctuation and all, as one line of `chars` characters.
fn one_line(chars: usize) -> String {
    let flat: String = SEED.split_whitespace().collect::<Vec<_>>().join(" ");
    flat.chars().cycle().take(chars).collect::<String>().replace('\n', " ")
}

fn linear(name: &str, small: &Measured, large: &Measured) {
    let r_in = large.input as f64 / small.input as f64;
    let r_peak = large.peak as f64 / small.peak as f64;
    let r_total = large.total as f64 / small.total as f64;
    println!("{name:>22}: input ×{r_in:.2} → peak ×{r_peak:.2}, allocated ×{r_total:.2}");
    let bound = GROWTH * r_in / 2.0;
    assert!(r_peak <= bound, "{name}: peak grew ×{r_peak:.2} for input ×{r_in:.2}");
    assert!(r_total <= bound, "{name}: allocation grew ×{r_total:.2} for input ×{r_in:.2}");
}

#[test]
fn large_and_strange_inputs_build_within_bounds() {
    // A 5 MB article, and half of it: linear growth.
    let mb: usize = std::env::var("PARALLAX_LARGE_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) { 1 } else { 5 });
    let half = measure(&format!("{mb}/2 MB article"), big_article(mb << 19));
    let full = measure(&format!("{mb} MB article"), big_article(mb << 20));
    assert!(full.input >= mb << 20);
    assert!(full.sentences > mb * 4_000, "the big article is segmented");
    assert!(full.statements > mb * 2_000, "and its stances found");
    linear("full vs half article", &half, &full);

    // One line of 100,000 characters (and of 50,000).
    let l50 = measure("50,000-char line", one_line(50_000));
    let l100 = measure("100,000-char line", one_line(100_000));
    linear("100k vs 50k line", &l50, &l100);

    // No sentence punctuation at all: one sentence per line, lines of
    // 10,000 words.
    let words: Vec<&str> = SEED.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let no_punct: String = (0..20)
        .map(|k| words.iter().cycle().skip(k * 7).take(10_000).copied().collect::<Vec<_>>().join(" ") + "\n")
        .collect();
    assert!(!no_punct.contains(['.', '!', '?']));
    measure("no punctuation", no_punct);

    // Empty after cleaning: web furniture only.
    let junk = "Leave A Reply\n\nPlease enter your comment!\nPlease enter your name here\nRelated News\n";
    measure("empty after cleaning", junk.to_string());

    // Mixed scripts and emoji, 1 MB.
    let mixed = "Путин и Си Цзиньпин встретились в Пекине. 中俄两国发表联合声明。双方反对北约扩张！\
                 Russia and China oppose NATO enlargement 👍🏽🇷🇺🇨🇳👩‍👩‍👧, they said. Ж中😀e\u{301} «Нет».\n";
    measure("mixed scripts, emoji", mixed.repeat((1 << 20) / mixed.len()));

    // Punctuation-only and quote-only lines (the splitter's and the passage
    // finder's quote scanner's worst cases).
    measure("100k dots", ".".repeat(100_000));
    measure("100k quotes", "“ ”\" « »".repeat(10_000));
    measure("100k abbreviations", "U.S. Mr. Feb. No. 5 ".repeat(5_000));
}
