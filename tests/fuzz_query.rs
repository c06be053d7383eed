//! Fuzzing the URL-state codec (`src/query.rs`) natively with proptest: any
//! fragment decodes without a panic, and what it decodes to survives
//! `encode` → `decode` unchanged and without notices (the canonical link is
//! stable). Budget as in `crates/engine/tests/fuzz.rs`: `PROPTEST_CASES`
//! (default 256) or `PARALLAX_FUZZ_SECS` for a long run:
//! `PARALLAX_FUZZ_SECS=600 cargo test --release -p parallax --test fuzz_query -- --nocapture`.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use parallax::query::{decode, encode, Known, ViewState, MAX_QUERY_CHARS};
use parallax_engine::facets::Facet;
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestCaseError, TestRunner};

/// A small corpus: ids, actors and issues with characters that need escaping.
struct K;
const ARTICLES: &[&str] = &["000_a", "b/ c", "ü&=?#", "<img src=x onerror=alert(1)>"];
impl Known for K {
    fn article_sentences(&self, id: &str) -> Option<usize> {
        ARTICLES.contains(&id).then_some(7)
    }
    fn has_actor(&self, name: &str) -> bool {
        ["Russia", "United States", "A&B=C"].contains(&name)
    }
    fn has_issue(&self, name: &str) -> bool {
        ["NATO enlargement", "x+y %20", "“quoted”"].contains(&name)
    }
    fn pair_passages(&self, a: &str, b: &str) -> Option<usize> {
        (ARTICLES.contains(&a) && ARTICLES.contains(&b) && a < b).then_some(3)
    }
    fn cluster_count(&self) -> usize {
        2
    }
    fn has_cluster(&self, key: &str) -> bool {
        ["000_a.3", "b/ c.0"].contains(&key)
    }
    fn cluster_key(&self, n: usize) -> Option<String> {
        ["000_a.3", "b/ c.0"].get(n).map(|k| k.to_string())
    }
    fn facet_has(&self, f: Facet, key: &str) -> bool {
        match f {
            Facet::Actor => self.has_actor(key),
            Facet::Issue => self.has_issue(key),
            Facet::Outlet => ["Global News (Reuters)", "a,b", "unknown"].contains(&key),
            Facet::Event => ["Yalta, 1945", "x%2Cy"].contains(&key),
            Facet::Date => ["2022-02-04", "2023-03-21"].contains(&key),
            Facet::Shares => ARTICLES.contains(&key),
            Facet::Carries => ["0", "1"].contains(&key),
        }
    }
}

const PIECES: &[&str] = &[
    "#",
    "/",
    "?",
    "&",
    "=",
    "+",
    "%",
    "%2",
    "%20",
    "%25",
    "%26",
    "%3D",
    "%23",
    "%3F",
    "%C3%BC",
    "%FF",
    "%E2%80%AE",
    "%00",
    "%0A",
    "%ZZ",
    ",",
    "/overlap",
    "/stances",
    "/articles",
    "q",
    "article",
    "s",
    "actor",
    "issue",
    "pair",
    "p",
    "cluster",
    "base",
    "all",
    "000_a.3",
    "boilerplate",
    "actors",
    "issues",
    "outlets",
    "events",
    "dates",
    "shares",
    "carries",
    "sort",
    "show",
    "-date",
    "length",
    "a,b",
    "a%2Cb",
    "2022-02-04",
    "Global%20News%20(Reuters)",
    "Yalta%2C%201945",
    "000_a",
    "b/%20c",
    "b/ c",
    "Russia",
    "NATO%20enlargement",
    "0",
    "1",
    "2",
    "7",
    "4294967295",
    "4294967296",
    "-1",
    "true",
    "on",
    "<script>window.__pwned=1</script>",
    "javascript:alert(1)",
    "&lt;b&gt;",
    "\u{202e}",
    "😀",
    "中",
    "Ж",
    " ",
];

fn fragment() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        5 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    prop_oneof![
        5 => prop::collection::vec(piece, 0..40).prop_map(|v| v.concat()),
        1 => any::<String>(),
    ]
}

fn fuzz<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.trim().parse::<u64>().ok());
    let secs = env("PARALLAX_FUZZ_SECS").unwrap_or(0);
    let cases = env("PROPTEST_CASES").unwrap_or(256) as u32;
    let t0 = Instant::now();
    let mut total = 0u64;
    loop {
        let config = Config {
            cases,
            source_file: Some(file!()),
            failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
            ..Config::default()
        };
        if let Err(e) = TestRunner::new(config).run(&strategy, &test) {
            panic!("fuzz target {name} failed after {total} cases: {e}");
        }
        total += u64::from(cases);
        if t0.elapsed() >= Duration::from_secs(secs) {
            break;
        }
    }
    println!("fuzz {name}: {total} cases, {:.1} s", t0.elapsed().as_secs_f64());
}

#[test]
fn any_fragment_decodes_to_a_stable_canonical_link() {
    fuzz("url-state", fragment(), |frag| {
        let (st, _notices) = decode(&frag, &K);
        prop_assert!(st.q.chars().count() <= MAX_QUERY_CHARS);
        prop_assert!(!st.q.chars().any(char::is_control));
        let link = encode(&st);
        prop_assert!(link.starts_with("#/"), "{link}");
        let (again, notices) = decode(&link, &K);
        prop_assert_eq!(&again, &st, "decode(encode(state)) of {:?} via {}", frag, link);
        prop_assert!(notices.is_empty(), "the canonical link {} has notices {:?}", link, notices);
        prop_assert_eq!(encode(&again), link);
        Ok(())
    });
}

#[test]
fn any_search_text_round_trips() {
    let q = prop_oneof![
        3 => prop::collection::vec(prop::sample::select(PIECES), 0..30).prop_map(|v| v.concat()),
        1 => any::<String>(),
    ];
    fuzz("search-text", q, |q| {
        let q: String = q.chars().filter(|c| !c.is_control()).take(MAX_QUERY_CHARS).collect();
        let st = ViewState { q: q.clone(), ..ViewState::default() };
        let link = encode(&st);
        // One fragment, no raw whitespace: the link survives copying.
        prop_assert!(!link[1..].contains('#') && !link.contains(char::is_whitespace), "{}", link);
        let (back, notices) = decode(&link, &K);
        prop_assert_eq!(back.q, q);
        prop_assert!(notices.is_empty(), "{:?}", notices);
        Ok(())
    });
}
