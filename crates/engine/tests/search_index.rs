//! The search index (`SearchIndex`) against the plain definition of a
//! match, on the seeds: every article matched has a visible highlight (in
//! its title or a paragraph), every article holding a word that starts
//! with the query word or shares its stem is matched, and a match by a
//! shared stem only is limited to forms of a word that starts with the
//! query word.

use std::collections::BTreeSet;

mod common;
use common::seeds;

use parallax_engine::query::Query;
use parallax_engine::search::{SearchIndex, SearchIndexBuilder};
use parallax_engine::token::{english_stemmer, normalize_word, stem_word, words};
use parallax_engine::Corpus;

/// Every prefix (1..=6 chars, and whole) of every distinct word of the corpus.
fn queries(c: &Corpus) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for a in &c.articles {
        for t in &a.tokens {
            let w = normalize_word(a.slice(t.span));
            let chars: Vec<char> = w.chars().collect();
            for n in 1..=chars.len().min(6) {
                out.insert(chars[..n].iter().collect());
            }
            out.insert(w);
        }
    }
    out
}

#[test]
fn matches_are_highlighted_and_cover_prefixes_and_stems() {
    let c = seeds();
    let index = SearchIndex::build(&c);
    let stemmer = english_stemmer();
    let qs = queries(&c);
    // Per article: its words (text and title) as (normalised form, stem).
    let plain_words: Vec<Vec<(String, String)>> = c
        .articles
        .iter()
        .map(|a| {
            a.tokens
                .iter()
                .map(|t| a.slice(t.span))
                .chain(words(a.title()).map(|(_, w)| w))
                .map(|w| (normalize_word(w), stem_word(&stemmer, w)))
                .collect()
        })
        .collect();
    // Per stem id: every normalised form of it in the corpus.
    let mut forms_of: std::collections::HashMap<u32, BTreeSet<String>> = Default::default();
    for a in &c.articles {
        for t in &a.tokens {
            forms_of.entry(t.stem).or_default().insert(normalize_word(a.slice(t.span)));
        }
    }
    assert!(qs.len() > 2000, "{} queries", qs.len());
    for text in &qs {
        let q = Query::parse(text);
        if q.terms.len() != 1 {
            continue; // "u.s" and the like parse into two words
        }
        let (lw, stem) = &q.terms[0];
        let compiled = index.compile(&c, &q);
        let matched = index.matching(&c, &compiled);
        for (ai, a) in c.articles.iter().enumerate() {
            let shown = !index.title_highlights(ai, a, &compiled).is_empty()
                || a.paragraphs.iter().any(|p| !index.paragraph_highlights(a, p, &compiled).is_empty());
            assert_eq!(matched[ai], shown, "{text:?} in {}: matched {} but highlighted {}", a.id(), matched[ai], shown);
            // The plain definition, over the text's words and the title's.
            let plain = plain_words[ai].iter().any(|(w, s)| w.starts_with(lw.as_str()) || s == stem);
            if plain {
                assert!(matched[ai], "{text:?} must match {}", a.id());
            }
            if matched[ai] && !plain {
                // Only through a shared stem with a word that starts with the query.
                let why = a.tokens.iter().any(|t| forms_of[&t.stem].iter().any(|f| f.starts_with(lw.as_str())));
                assert!(why, "{text:?} matched {} without a reason", a.id());
            }
        }
        // The snippet is a body sentence with a highlight when there is one.
        for (ai, a) in c.articles.iter().enumerate() {
            if let Some(si) = index.snippet_sentence(a, &compiled) {
                let has = !index.sentence_highlights(a, si, &compiled).is_empty();
                let any_body = a.body_sentences().any(|(i, _)| !index.sentence_highlights(a, i, &compiled).is_empty());
                assert_eq!(has, any_body, "{text:?} snippet of article {ai}");
            }
        }
    }
}

#[test]
fn phrases_and_several_words() {
    let c = seeds();
    let index = SearchIndex::build(&c);
    for (text, must_hold) in
        [("\"joint statement\"", "joint statement"), ("nato enlarg", "nato"), ("\"xi jinping\" putin", "xi jinping")]
    {
        let q = Query::parse(text);
        let compiled = index.compile(&c, &q);
        let matched = index.matching(&c, &compiled);
        assert!(matched.iter().any(|m| *m), "{text} matches something in the seeds");
        for (ai, a) in c.articles.iter().enumerate() {
            let holds = a.text.to_lowercase().contains(must_hold) || a.title().to_lowercase().contains(must_hold);
            if matched[ai] {
                assert!(holds, "{text}: {} does not contain {must_hold:?}", a.id());
            }
        }
    }
}

#[test]
fn built_in_steps_it_is_the_same_index() {
    // The page builds the index a few articles at a time between frames.
    let c = seeds();
    let whole = SearchIndex::build(&c);
    for per_step in [1, 2, 3, 1000] {
        let mut b = SearchIndexBuilder::new(&c);
        assert_eq!((b.done(), b.total()), (0, 4 * c.articles.len() + 2));
        let mut steps = 0;
        let mut last = 0;
        while !b.step(&c, per_step) {
            steps += 1;
            assert!(b.done() >= last && b.done() < b.total(), "progress never goes back, and stays below the total");
            last = b.done();
        }
        assert_eq!(b.done(), b.total());
        assert!(steps + 1 >= 4 * c.articles.len().div_ceil(per_step), "{per_step} per step took {steps} steps");
        assert_eq!(b.finish(&c), whole, "{per_step} articles per step");
    }
    // Finishing early completes the remaining steps.
    let mut b = SearchIndexBuilder::new(&c);
    b.step(&c, 2);
    assert_eq!(b.finish(&c), whole);
}
