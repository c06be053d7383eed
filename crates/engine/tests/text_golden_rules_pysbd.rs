//! pySBD's English Golden Rules (48 cases, `tests/data/golden_rules_en.json`,
//! copied unchanged from the pySBD 0.3.3 sdist by
//! `scripts/gen_golden_rules.py`; MIT licence) against the engine's
//! sentence splitter, three ways:
//!
//! * `split_sentences` on the case's text;
//! * the whole text pipeline (cleaning, paragraphs, sentences) on an article
//!   that is only the case;
//! * the same on an article where the case follows a headline and a lead
//!   paragraph, as text sits in a news page: nothing of it may be removed
//!   as boilerplate, and its sentences must be the expected ones.
//!
//! The cases written earlier from memory stay in `text_golden_rules.rs`.

use parallax_engine::clean::clean_article;
use parallax_engine::segment::{segment_article, split_sentences};

#[derive(serde::Deserialize)]
struct Case {
    n: u32,
    name: String,
    text: String,
    sentences: Vec<String>,
}

#[derive(serde::Deserialize)]
struct Rules {
    cases: Vec<Case>,
}

fn cases() -> Vec<Case> {
    let rules: Rules = serde_json::from_str(include_str!("data/golden_rules_en.json")).expect("valid JSON");
    assert_eq!(rules.cases.len(), 48);
    rules.cases
}

/// The sentences the pipeline finds in `text` from byte `from` on, and
/// whether any of that text was removed as boilerplate.
fn pipeline(text: &str, from: usize) -> (Vec<String>, bool) {
    let lines = clean_article(text);
    let seg = segment_article(text, &lines);
    let got = seg.sentences.iter().filter(|(s, _)| s.start as usize >= from).map(|(s, _)| text[s.range()].to_string());
    let removed = seg.removed.iter().any(|r| r.span.end as usize > from);
    (got.collect(), removed)
}

const HEADLINE: &str = "Council approves new budget after long debate";
const LEAD: &str = "The city council approved the budget on Tuesday evening after a debate that lasted more than four hours, officials said.";

/// Runs every case one way; returns the failures, printed with the pass count.
fn run(way: &str, f: impl Fn(&str) -> (Vec<String>, bool)) -> Vec<u32> {
    let all = cases();
    let mut failed = Vec::new();
    for c in &all {
        let (got, removed) = f(&c.text);
        if got != c.sentences || removed {
            eprintln!(
                "{way}: #{} {} failed\n  want {:?}\n  got  {:?} (removed: {removed})",
                c.n, c.name, c.sentences, got
            );
            failed.push(c.n);
        }
    }
    eprintln!("{way}: {} of {} pass", all.len() - failed.len(), all.len());
    failed
}

#[test]
fn golden_rules_split_sentences() {
    let failed =
        run("split_sentences", |t| (split_sentences(t).into_iter().map(|(a, b)| t[a..b].to_string()).collect(), false));
    assert!(failed.is_empty(), "failed: {failed:?}");
}

#[test]
fn golden_rules_as_an_article() {
    let failed = run("article", |t| pipeline(t, 0));
    assert!(failed.is_empty(), "failed: {failed:?}");
}

#[test]
fn golden_rules_after_a_lead_paragraph() {
    let failed = run("after a lead", |t| {
        let text = format!("{HEADLINE}\n\n{LEAD}\n\n{t}");
        pipeline(&text, HEADLINE.len() + LEAD.len() + 4)
    });
    assert!(failed.is_empty(), "failed: {failed:?}");
}

#[test]
fn an_ellipsis_character_before_spaced_dots_is_no_glued_period() {
    // "…" is three bytes: the rule for "word. . . ." must not cut inside it.
    for t in ["It ended… . Then", "It ended…. . . Then came more.", "word… . . . Next one."] {
        let pieces = split_sentences(t);
        assert!(pieces.iter().all(|&(a, b)| t.is_char_boundary(a) && t.is_char_boundary(b)), "{t}");
    }
}
