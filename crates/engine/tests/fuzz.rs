//! Fuzzing the engine's entry points with proptest (stable Rust).
//!
//! Each target feeds generated input (arbitrary Unicode mixed with the
//! pieces that matter to the rules: abbreviations, quotes, CJK and
//! Cyrillic, bidi controls, emoji, TOML and JSON fragments, actor and issue
//! phrases of the seed lexicon, cue words) to one entry point and checks
//! that it neither panics nor breaks its output's invariants (spans slice
//! the original text on char boundaries, ordered, in bounds; diagnostics
//! name a real line; the bundle survives the postcard round trip the page
//! relies on).
//!
//! Budget, from the environment:
//!
//! * default (CI smoke run): `PROPTEST_CASES` cases per target (64 if unset),
//!   a few seconds in all;
//! * long runs: `PARALLAX_FUZZ_SECS=600 cargo test --release -p
//!   parallax-engine --test fuzz -- --nocapture` repeats each target with
//!   fresh random seeds until that many seconds have passed (the targets run
//!   in parallel, one per test thread) and prints how many cases ran.
//!
//! A failing input is shrunk and written to
//! `tests/proptest-regressions/fuzz.txt`; that file is committed and every
//! run replays it first, so a bug once found stays a regression test.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestCaseError, TestRunner};

use parallax_engine::bundle::{Bundle, BundleReader};
use parallax_engine::clean::{clean_article, clean_corpus, lines};
use parallax_engine::lexicon::{parse_lexicon, Lexicon};
use parallax_engine::passages::word_alignment;
use parallax_engine::query::{highlight, Query};
use parallax_engine::search::matching_articles;
use parallax_engine::segment::split_sentences;
use parallax_engine::source::{parse_jsonl, parse_seed_folder, ArticleMeta, RawArticle, SourceFile};
use parallax_engine::stance::{extract, matrix};
use parallax_engine::token::{stems_of, words};
use parallax_engine::{Corpus, CorpusSource, Span};

const SEED_LEXICON: &str = include_str!("../../../seeds/lexicon.toml");

// ---------------------------------------------------------------- harness

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

/// Runs `test` on values of `strategy`: once with `PROPTEST_CASES` cases
/// (default `smoke`), or, with `PARALLAX_FUZZ_SECS` set, in rounds of fresh
/// random seeds until the time is up. Panics (with the shrunk input) on a
/// failure.
fn fuzz<S: Strategy>(name: &str, smoke: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    let secs = env_u64("PARALLAX_FUZZ_SECS").unwrap_or(0);
    let cases = env_u64("PROPTEST_CASES").map_or(if secs > 0 { 256 } else { smoke }, |c| c as u32);
    let t0 = Instant::now();
    let (mut total, mut rounds) = (0u64, 0u64);
    loop {
        let config = Config {
            cases,
            source_file: Some(file!()),
            failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
            // Shrinking a slow input must not run for ever.
            max_shrink_time: 120_000,
            ..Config::default()
        };
        let mut runner = TestRunner::new(config);
        if let Err(e) = runner.run(&strategy, &test) {
            panic!("fuzz target {name} failed after {total} cases: {e}");
        }
        total += u64::from(cases);
        rounds += 1;
        if t0.elapsed() >= Duration::from_secs(secs) {
            break;
        }
    }
    println!("fuzz {name}: {total} cases in {rounds} round(s), {:.1} s", t0.elapsed().as_secs_f64());
}

/// Pieces that exercise the rules; mixed with arbitrary characters.
const PIECES: &[&str] = &[
    "a",
    "The",
    "the",
    "U.S.",
    "Mr.",
    "Feb.",
    "No.",
    "no.",
    "3.5",
    "$27. 5",
    "1.",
    "2.)",
    "a.",
    "b.",
    "•",
    ".",
    "..",
    "...",
    "…",
    ". . .",
    "(…)",
    "[...]",
    "!",
    "?",
    "!?",
    "。",
    "！",
    "？",
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "(",
    ")",
    "[",
    "]",
    "-",
    "–",
    "—",
    ":",
    ";",
    ",",
    "@",
    "http://x.y/z",
    "www.x.com",
    "e-mail@x.org",
    "Путин",
    "Россия",
    "Си.",
    "中国",
    "俄罗斯。",
    "習近平",
    "😀",
    "👩‍👩‍👧",
    "👍🏽",
    "🇷🇺",
    "e\u{301}",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
    "\u{200f}",
    "\u{200b}",
    "\u{feff}",
    "\u{a0}",
    "\u{2028}",
    "\u{85}",
    "\t",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "Leave A Reply",
    "Read more:",
    "Related News",
    "Click to play video:",
    "Russia’s",
    "co-operation",
    "10,000",
    "ß",
    "İ",
    "ǅ",
    "ﬁ",
    "Ⅻ",
    "٣",
    "مرحبا",
    "שלום",
    "\u{7f}",
    "\u{fffd}",
    "𝔘𝔖",
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "&lt;b&gt;",
    "&amp;",
    "&#x3C;", // actors, issues and cues of the seed lexicon
    "Russia",
    "China",
    "Moscow",
    "Beijing",
    "Putin",
    "Xi Jinping",
    "NATO",
    "the United States",
    "Washington",
    "Ukraine",
    "Taiwan",
    "the parties",
    "They",
    "both sides",
    "said",
    "stressed",
    "according to",
    "oppose",
    "opposed",
    "support",
    "supports",
    "not",
    "does not rule out",
    "called for",
    "is unacceptable",
    "reject",
    "NATO enlargement",
    "expansion of NATO",
    "sanctions",
    "independence of Taiwan",
    "peace talks",
    "Kirby said",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Z]{1,12}",
    ]
}

/// Text built from pieces, with spaces between some of them.
fn text(max_pieces: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), prop::bool::weighted(0.6)), 0..=max_pieces).prop_map(|v| {
        let mut s = String::new();
        for (p, space) in v {
            s.push_str(&p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

/// Mostly structured text, sometimes wholly arbitrary Unicode.
fn any_text(max_pieces: usize) -> impl Strategy<Value = String> {
    prop_oneof![4 => text(max_pieces), 1 => any::<String>()]
}

fn seed_lexicon() -> Lexicon {
    parse_lexicon("seeds/lexicon.toml", SEED_LEXICON).expect("the seed lexicon is valid")
}

fn source_of(texts: &[String]) -> CorpusSource {
    let articles = texts
        .iter()
        .enumerate()
        .map(|(i, t)| RawArticle {
            meta: ArticleMeta { id: format!("a{i:03}"), title: None, outlet: None, url: None, date: None, event: None },
            text: t.clone(),
        })
        .collect();
    CorpusSource { name: "fuzz".into(), articles }
}

fn span_ok(text: &str, s: Span) -> bool {
    range_ok(text, (s.start as usize, s.end as usize))
}

fn range_ok(text: &str, (a, b): (usize, usize)) -> bool {
    a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)
}

/// Spans ordered, disjoint, in bounds, on char boundaries, non-empty.
fn ordered_spans(text: &str, spans: &[Span]) -> Result<(), TestCaseError> {
    let mut last = 0;
    for &s in spans {
        prop_assert!(span_ok(text, s) && s.start < s.end && s.start >= last, "bad span {s:?} in {text:?}");
        last = s.end;
    }
    Ok(())
}

/// The corpus invariants the page relies on: every span slices the text.
fn check_corpus(c: &Corpus) -> Result<(), TestCaseError> {
    for a in &c.articles {
        let t = a.text.as_str();
        ordered_spans(t, &a.paragraphs.iter().map(|p| p.span).collect::<Vec<_>>())?;
        ordered_spans(t, &a.sentences.iter().map(|s| s.span).collect::<Vec<_>>())?;
        ordered_spans(t, &a.tokens.iter().map(|s| s.span).collect::<Vec<_>>())?;
        ordered_spans(t, &a.removed.iter().map(|s| s.span).collect::<Vec<_>>())?;
        for (i, s) in a.sentences.iter().enumerate() {
            prop_assert!((s.paragraph as usize) < a.paragraphs.len());
            prop_assert!(a.paragraphs[s.paragraph as usize].span.contains(s.span));
            for tok in a.sentence_tokens(i) {
                prop_assert!(s.span.contains(tok.span));
                prop_assert!((tok.stem as usize) < c.vocab.len());
            }
        }
        let _ = a.title();
        let _ = a.lede();
    }
    Ok(())
}

/// Lines of a diagnostic are real lines of the file (or one past the end,
/// for "expected more input").
fn diag_lines_ok(text: &str, diags: &[parallax_engine::Diagnostic]) -> Result<(), TestCaseError> {
    let n = text.split('\n').count() + 1;
    for d in diags {
        prop_assert!(!d.message.is_empty());
        if let Some(l) = d.line {
            prop_assert!(l >= 1 && l <= n, "line {l} of {n}: {d}");
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- metadata

const TOML_PIECES: &[&str] = &[
    "[[article]]\nid = \"a\"\ntitle = \"t\"\noutlet = \"o\"\nurl = \"https://x.org/\"\ndate = \"2022-02-04\"\nevent = \"e\"\n",
    "[[article]]\nid = \"b\"\noutlet = \"unknown\"\nurl = \"unknown\"\ndate = \"unknown\"\nevent = \"unknown\"\n",
    "[[article]]\nid = \"c\"\noutlet = \"o\"\nurl = \"JavaScript:alert(1)\"\ndate = \"unknown\"\nevent = \"e\"\n",
    "[corpus]\n",
    "name = \"x\"\n",
    "[[article]]\n",
    "id = \"a\"\n",
    "id = \"b\"\n",
    "id = \"\"\n",
    "id = 5\n",
    "title = \"t\"\n",
    "title = \"unknown\"\n",
    "outlet = \"unknown\"\n",
    "outlet = \"Reuters\"\n",
    "url = \"https://example.org/a\"\n",
    "url = \"javascript:alert(1)\"\n",
    "url = \"unknown\"\n",
    "date = \"2022-02-04\"\n",
    "date = \"2022-02-30\"\n",
    "date = \"unknown\"\n",
    "date = 2022-02-04\n",
    "date = \"٢٠٢٢-٠٢-٠٤\"\n",
    "date = \"2022-02-04T10:00\"\n",
    "event = \"e\"\n",
    "event = \"unknown\"\n",
    "author = \"x\"\n",
    "\"\"\"",
    "'''",
    "= ",
    "[",
    "]",
    "{",
    "}",
    "#",
    "\n",
    "\"",
    "\\u0000",
    "\\",
    "[[actor]]\n",
    "[[issue]]\n",
    "name = \"Russia\"\n",
    "name = \"\"\n",
    "name = \"NATO enlargement\"\n",
    "kind = \"state\"\n",
    "aliases = [\"Moscow\", \"Putin\"]\n",
    "aliases = []\n",
    "aliases = [\"Moscow\"]\n",
    "aliases = [\"*\"]\n",
    "aliases = [\"\u{202e}\"]\n",
    "phrases = [\"NATO expansion\", \"enlargement of * NATO\"]\n",
    "phrases = []\n",
    "phrases = [\"*\"]\n",
    "phrases = [\"* *\"]\n",
    "phrases = [\"\"]\n",
    "description = \"d\"\n",
];

fn toml_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(
            prop_oneof![4 => prop::sample::select(TOML_PIECES).prop_map(str::to_string), 1 => piece()],
            0..60
        )
        .prop_map(|v| v.concat()),
        1 => any::<String>(),
    ]
}

fn file_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => any_text(40).prop_map(String::into_bytes),
        1 => prop::collection::vec(any::<u8>(), 0..200),
    ]
}

#[test]
fn fuzz_corpus_toml() {
    let files = prop::collection::vec((prop::sample::select(&["a", "b", "c", ""][..]), file_bytes()), 0..4);
    fuzz("corpus.toml", 64, (toml_text(), files), |(meta, files)| {
        let files: Vec<SourceFile> = files
            .into_iter()
            .map(|(stem, bytes)| SourceFile { path: format!("f/{stem}.txt"), stem: stem.to_string(), bytes })
            .collect();
        match parse_seed_folder("f", Some(("f/corpus.toml", meta.as_bytes())), &files) {
            Ok(src) => {
                prop_assert!(!src.articles.is_empty());
                for a in &src.articles {
                    prop_assert!(files.iter().any(|f| f.stem == a.meta.id), "an article without a file");
                    prop_assert!(!a.text.trim().is_empty() && !a.text.contains('\0'));
                    if let Some(u) = &a.meta.url {
                        let u = u.to_ascii_lowercase();
                        prop_assert!(u.starts_with("http://") || u.starts_with("https://"), "url {u:?}");
                    }
                }
                check_corpus(&Corpus::build(src))?;
            }
            Err(diags) => {
                prop_assert!(!diags.is_empty());
                diag_lines_ok(&meta, &diags.iter().filter(|d| d.file.ends_with(".toml")).cloned().collect::<Vec<_>>())?;
            }
        }
        Ok(())
    });
}

const JSON_PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"id\"",
    "\"doc\"",
    "\"text\"",
    "\"title\"",
    "\"series\"",
    "\"outlet\"",
    "\"date\"",
    "\"url\"",
    "\"event\"",
    "\"a\"",
    "\"b\"",
    "7",
    "-1e999",
    "null",
    "true",
    "\"2022-02-04\"",
    "\"2022-02-04T10:00Z\"",
    "\"2022-02-04 x\"",
    "\"2022-13-01\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\\u202e\"",
    "\"https://x.org\"",
    "\"javascript:alert(1)\"",
    "\"<script>window.__pwned=1</script>\"",
    "\n",
    "\r\n",
    " ",
    "{\"id\": \"a\", \"text\": \"The leaders met. They said so.\"}",
    "{\"id\": \"b\", \"text\": \"Russia and China oppose NATO enlargement.\", \"date\": \"2022-02-04\"}",
];

#[test]
fn fuzz_jsonl() {
    let body = prop_oneof![
        4 => prop::collection::vec(
            prop_oneof![4 => prop::sample::select(JSON_PIECES).prop_map(str::to_string), 1 => piece()],
            0..60
        )
        .prop_map(|v| v.concat().into_bytes()),
        1 => prop::collection::vec(any::<u8>(), 0..300),
    ];
    fuzz("jsonl", 64, body, |bytes| {
        match parse_jsonl("c.jsonl", &bytes) {
            Ok(src) => {
                prop_assert!(!src.articles.is_empty());
                check_corpus(&Corpus::build(src))?;
            }
            Err(diags) => {
                prop_assert!(!diags.is_empty());
                diag_lines_ok(&String::from_utf8_lossy(&bytes), &diags)?;
            }
        }
        Ok(())
    });
}

#[test]
fn fuzz_lexicon() {
    fuzz("lexicon.toml", 64, toml_text(), |text| {
        match parse_lexicon("lexicon.toml", &text) {
            Ok(lex) => {
                prop_assert!(!lex.actors.is_empty() && !lex.issues.is_empty());
                // A lexicon that parses can be used on any corpus.
                let c = Corpus::build(source_of(&[
                    "Russia and China oppose NATO enlargement. Moscow said it supports peace talks.".to_string(),
                    text.clone(),
                ]));
                let st = extract(&c, &lex);
                for s in &st {
                    prop_assert!(s.actor < lex.actors.len() && s.issue < lex.issues.len());
                }
                let _ = matrix(&st, &[0, 1]);
            }
            Err(diags) => {
                prop_assert!(!diags.is_empty());
                diag_lines_ok(&text, &diags)?;
            }
        }
        Ok(())
    });
}

// ---------------------------------------------------------------- text

#[test]
fn fuzz_cleaning() {
    fuzz("cleaning", 64, prop::collection::vec(any_text(150), 1..5), |texts| {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let all = clean_corpus(&refs);
        prop_assert_eq!(all.len(), texts.len());
        for (t, ls) in texts.iter().zip(&all) {
            let spans: Vec<Span> = ls.iter().map(|l| l.span).collect();
            prop_assert_eq!(&spans, &lines(t), "cleaning classifies every line, in order");
            ordered_spans(t, &spans)?;
            for s in &spans {
                let l = &t[s.range()];
                prop_assert!(!l.is_empty() && l.trim() == l);
            }
        }
        let one = clean_article(&texts[0]);
        prop_assert_eq!(one.iter().map(|l| l.span).collect::<Vec<_>>(), lines(&texts[0]));
        Ok(())
    });
}

#[test]
fn fuzz_sentence_splitting() {
    fuzz("sentences", 64, any_text(200), |t| {
        let mut last = 0;
        for (a, b) in split_sentences(&t) {
            prop_assert!(range_ok(&t, (a, b)) && a < b && a >= last, "bad sentence ({a}, {b}) of {t:?}");
            let s = &t[a..b];
            prop_assert!(s.trim() == s, "untrimmed sentence {s:?}");
            // Nothing but whitespace between sentences.
            prop_assert!(t[last..a].trim().is_empty(), "text lost before {s:?}");
            last = b;
        }
        prop_assert!(t[last..].trim().is_empty(), "text lost at the end of {t:?}");
        Ok(())
    });
}

#[test]
fn fuzz_tokenizing() {
    fuzz("tokens", 64, any_text(200), |t| {
        let mut last = 0;
        let mut n = 0;
        for (off, w) in words(&t) {
            prop_assert!(off >= last && range_ok(&t, (off, off + w.len())) && &t[off..off + w.len()] == w);
            prop_assert!(w.chars().any(char::is_alphanumeric));
            last = off + w.len();
            n += 1;
        }
        prop_assert_eq!(stems_of(&t).len(), n);
        // The search box: any text is a query; highlights slice the text.
        let q = Query::parse(&t);
        for r in highlight(&t, &q) {
            prop_assert!(range_ok(&t, r), "highlight {r:?} of {t:?}");
        }
        Ok(())
    });
}

#[test]
fn fuzz_corpus_build() {
    fuzz("corpus", 48, prop::collection::vec(any_text(120), 1..5), |texts| {
        let c = Corpus::build(source_of(&texts));
        prop_assert_eq!(c.articles.len(), texts.len());
        check_corpus(&c)?;
        let q = Query::parse(&texts[0].chars().take(30).collect::<String>());
        for i in matching_articles(&c, &q) {
            prop_assert!(i < c.articles.len());
        }
        Ok(())
    });
}

/// Shared text, so passages are actually found: each article is a shuffle
/// of sentences drawn from one small pool.
fn overlapping_articles() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(any_text(40), 1..6).prop_flat_map(|pool| {
        let n = pool.len();
        let article = prop::collection::vec((0..n, prop::sample::select(&[" ", "\n", ". ", "\n\n", "” "][..])), 0..12)
            .prop_map(move |picks| picks.into_iter().map(|(i, sep)| format!("{}{sep}", pool[i])).collect::<String>());
        prop::collection::vec(article, 2..5)
    })
}

#[test]
fn fuzz_passages() {
    fuzz("passages", 6, overlapping_articles(), |texts| {
        let bundle = Bundle::build(source_of(&texts), seed_lexicon());
        check_corpus(&bundle.corpus)?;
        let arts = &bundle.corpus.articles;
        for p in &bundle.passages.pairs {
            for side in [&p.a, &p.b] {
                let a = arts.get(side.article as usize);
                prop_assert!(a.is_some_and(|a| span_ok(&a.text, side.span)), "passage side {side:?}");
            }
            prop_assert!(p.a.article != p.b.article);
            let (ta, tb) = (&arts[p.a.article as usize], &arts[p.b.article as usize]);
            for op in word_alignment(ta.slice(p.a.span), tb.slice(p.b.span)) {
                prop_assert!(span_ok(ta.slice(p.a.span), op.a) && span_ok(tb.slice(p.b.span), op.b));
            }
        }
        for pair in &bundle.pair_summaries {
            prop_assert!((pair.a as usize) < arts.len() && (pair.b as usize) < arts.len());
            prop_assert!(pair.shorter_share.is_finite());
        }
        // The page reads exactly this.
        let bytes = bundle.to_stored().expect("stores");
        let back = BundleReader::read(&bytes).expect("reads");
        prop_assert!(back == bundle, "stored round trip");
        Ok(())
    });
}

#[test]
fn fuzz_word_alignment() {
    fuzz("alignment", 64, (any_text(60), any_text(60)), |(a, b)| {
        for op in word_alignment(&a, &b) {
            prop_assert!(span_ok(&a, op.a) && span_ok(&b, op.b), "{op:?}");
        }
        Ok(())
    });
}

#[test]
fn fuzz_stances() {
    let lex = seed_lexicon();
    fuzz("stances", 32, prop::collection::vec(any_text(80), 1..4), |texts| {
        let c = Corpus::build(source_of(&texts));
        let st = extract(&c, &lex);
        for s in &st {
            let a = &c.articles[s.article];
            prop_assert!(s.sentence < a.sentences.len() && a.sentences[s.sentence].span == s.span);
            for sp in [s.span, s.cue, s.actor_span, s.issue_span] {
                prop_assert!(span_ok(&a.text, sp), "statement span {sp:?}");
            }
            prop_assert!(s.actor < lex.actors.len() && s.issue < lex.issues.len());
        }
        let all: Vec<usize> = (0..c.articles.len()).collect();
        let m = matrix(&st, &all);
        for a in 0..lex.actors.len() {
            for i in 0..lex.issues.len() {
                let _ = m.cell(a, i);
            }
        }
        Ok(())
    });
}

#[test]
fn fuzz_discovery() {
    fuzz("discovery", 32, prop::collection::vec(any_text(80), 1..4), |texts| {
        let c = Corpus::build(source_of(&texts));
        let actors = parallax_engine::actors::ActorModel::find(&c);
        let found = parallax_engine::stance::discover(&c, &actors, 1);
        let lex = &found.lexicon;
        prop_assert_eq!(lex.issues.len(), found.issue_mentions.len());
        prop_assert_eq!(lex.actors.len(), found.actor_mentions.len());
        for i in &lex.issues {
            prop_assert!(!i.name.is_empty() && !i.phrases.is_empty(), "issue {i:?}");
        }
        // The found lexicon drives extraction like a written one.
        for s in &extract(&c, lex) {
            prop_assert!(s.actor < lex.actors.len() && s.issue < lex.issues.len());
            prop_assert!(span_ok(&c.articles[s.article].text, s.issue_span));
        }
        // Deterministic.
        prop_assert_eq!(parallax_engine::stance::discover(&c, &actors, 1), found);
        Ok(())
    });
}
