//! Site furniture by pattern: the sentences news sites put around every
//! article (subscription appeals, newsletter sign-ups, copyright lines,
//! syndication notes, cookie banners, related and share links, author bios).
//!
//! The patterns are data, `data/furniture.txt` (its header gives the source
//! and the pattern syntax). A pattern matches a *whole sentence*, so prose
//! that only mentions the same words ("He urged readers to support local
//! journalism.") never matches, and a line is furniture only when *every*
//! sentence of it is: a line that carries one sentence of content stays.
//! Author-bio and contact patterns are only asked about the closing
//! paragraphs of a page ([`crate::clean`] decides where they are).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::segment::split_sentences;

const PATTERNS: &str = include_str!("../data/furniture.txt");

/// Lines longer than this (bytes) are never furniture: the split and the
/// match stay cheap on long paragraphs.
const MAX_LINE: usize = 600;
/// Sentences longer than this (bytes) are never furniture.
const MAX_SENTENCE: usize = 400;
/// Most words `*` stands for.
const MAX_GAP: usize = 12;
/// Most words `@` (a name) stands for.
const MAX_NAME: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Furniture anywhere in the page.
    Page,
    /// The first sentence of an author bio.
    Bio,
    /// A contact line of an author bio.
    Contact,
}

#[derive(Debug)]
enum Tok {
    Word(String),
    OneOf(Vec<String>),
    Gap,
    Name,
}

struct Pattern {
    kind: Kind,
    toks: Vec<Tok>,
    /// Its literal words, all of which a matching sentence has (a cheap
    /// test before the match of a pattern that opens with `*` or `@`).
    needs: Vec<String>,
}

/// The patterns, indexed by the word they open with (or `floating`: they
/// open with `*` or `@`).
struct Index {
    patterns: Vec<Pattern>,
    by_first: BTreeMap<String, Vec<usize>>,
    floating: Vec<usize>,
    /// Hashes of the words page patterns open with, and of the longest word
    /// of each floating page pattern: a sentence with none of them is no
    /// page furniture (the quick test most sentences fail).
    page_first: Vec<u64>,
    page_anchors: Vec<u64>,
}

fn parse(l: &str) -> Option<Pattern> {
    let (kind, pat) = l.split_once(char::is_whitespace)?;
    let kind = match kind {
        "cue" => return None,
        "bio" => Kind::Bio,
        "contact" => Kind::Contact,
        _ => Kind::Page,
    };
    let toks: Vec<Tok> = pat
        .split_whitespace()
        .map(|t| match t {
            "*" => Tok::Gap,
            "@" => Tok::Name,
            _ if t.contains('|') => Tok::OneOf(t.split('|').map(str::to_string).collect()),
            _ => Tok::Word(t.to_string()),
        })
        .collect();
    if toks.is_empty() {
        return None;
    }
    let needs = toks.iter().filter_map(|t| if let Tok::Word(w) = t { Some(w.clone()) } else { None }).collect();
    Some(Pattern { kind, toks, needs })
}

fn index() -> &'static Index {
    static P: OnceLock<Index> = OnceLock::new();
    P.get_or_init(|| {
        let patterns: Vec<Pattern> = PATTERNS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(parse)
            .collect();
        let mut by_first: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut floating = Vec::new();
        for (i, p) in patterns.iter().enumerate() {
            match &p.toks[0] {
                Tok::Word(x) => by_first.entry(x.clone()).or_default().push(i),
                Tok::OneOf(xs) => xs.iter().for_each(|x| by_first.entry(x.clone()).or_default().push(i)),
                Tok::Gap | Tok::Name => floating.push(i),
            }
        }
        let hash = |x: &String| crate::learned::word_hash(x);
        let (mut page_first, mut page_anchors) = (Vec::new(), Vec::new());
        for p in patterns.iter().filter(|p| p.kind == Kind::Page) {
            match &p.toks[0] {
                Tok::Word(x) => page_first.push(hash(x)),
                Tok::OneOf(xs) => page_first.extend(xs.iter().map(hash)),
                Tok::Gap | Tok::Name => {
                    // The data has no page pattern without a word.
                    page_anchors.extend(p.needs.iter().max_by_key(|x| x.len()).map(hash));
                }
            }
        }
        crate::sort::ord(&mut page_first);
        crate::sort::ord(&mut page_anchors);
        Index { patterns, by_first, floating, page_first, page_anchors }
    })
}

/// A sentence's words: lower-cased letters and digits, and whether each
/// starts with a capital or a digit. "©" is the word "copyright".
fn words(s: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for w in s.split(|c: char| !c.is_alphanumeric() && c != '©') {
        for (i, part) in w.split('©').enumerate() {
            if i > 0 {
                out.push(("copyright".to_string(), true));
            }
            if let Some(c) = part.chars().next() {
                out.push((part.to_lowercase(), c.is_uppercase() || c.is_ascii_digit()));
            }
        }
    }
    out
}

fn matches(toks: &[Tok], w: &[(String, bool)]) -> bool {
    let Some((t, rest)) = toks.split_first() else { return w.is_empty() };
    match t {
        Tok::Word(x) => w.first().is_some_and(|(y, _)| x == y) && matches(rest, &w[1..]),
        Tok::OneOf(xs) => w.first().is_some_and(|(y, _)| xs.contains(y)) && matches(rest, &w[1..]),
        Tok::Gap => (0..=MAX_GAP.min(w.len())).any(|k| matches(rest, &w[k..])),
        Tok::Name => (1..=MAX_NAME.min(w.len())).take_while(|&k| w[k - 1].1).any(|k| matches(rest, &w[k..])),
    }
}

/// Could `sentence` match a page pattern at all (no allocation)?
fn maybe_page(ix: &Index, sentence: &str) -> bool {
    let mut w = sentence.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let Some(first) = w.next() else { return false };
    let has = |v: &[u64], x: &str| v.binary_search(&crate::learned::word_hash(x)).is_ok();
    sentence.contains('©') || has(&ix.page_first, first) || w.any(|x| has(&ix.page_anchors, x))
}

/// Is `sentence` site furniture (a page pattern: any kind but bios)?
pub(crate) fn is_page_sentence(sentence: &str) -> bool {
    kinds(sentence, true).0
}

/// The kinds of pattern `sentence` matches, as (page, bio, contact); only
/// page patterns if `page_only`.
fn kinds(sentence: &str, page_only: bool) -> (bool, bool, bool) {
    let mut out = (false, false, false);
    let ix = index();
    if sentence.len() > MAX_SENTENCE || page_only && !maybe_page(ix, sentence) {
        return out;
    }
    let w = words(sentence);
    if w.is_empty() {
        return out;
    }
    let mut present: Vec<&str> = w.iter().map(|(x, _)| x.as_str()).collect();
    crate::sort::ord(&mut present);
    present.dedup();
    // Anchored: a pattern that opens with a word must open the sentence;
    // one that opens with `*` or `@` needs all its words somewhere.
    let opening = ix.by_first.get(w[0].0.as_str()).map_or(&[][..], Vec::as_slice).iter();
    let floating = ix
        .floating
        .iter()
        .filter(|&&i| ix.patterns[i].needs.iter().all(|x| present.binary_search(&x.as_str()).is_ok()));
    for &i in opening.chain(floating) {
        let p = &ix.patterns[i];
        if (!page_only || p.kind == Kind::Page) && matches(&p.toks, &w) {
            match p.kind {
                Kind::Page => out.0 = true,
                Kind::Bio => out.1 = true,
                Kind::Contact => out.2 = true,
            }
        }
    }
    out
}

fn sentences(line: &str) -> Option<Vec<&str>> {
    (line.len() <= MAX_LINE).then(|| split_sentences(line).into_iter().map(|(a, b)| &line[a..b]).collect())
}

/// Is every sentence of `line` site furniture? (The line's first sentence
/// opens with its first word: the quick test on the line is exact.)
pub(crate) fn is_furniture(line: &str) -> bool {
    maybe_page(index(), line) && sentences(line).is_some_and(|s| !s.is_empty() && s.iter().all(|x| is_page_sentence(x)))
}

/// Is `line` an author bio: its first sentence introduces the author
/// ("Anna Berg is a correspondent based in Geneva."), or every sentence is
/// a contact or furniture line ("Write to her at anna@example.org.")?
/// Only asked about a page's closing paragraphs.
pub(crate) fn is_bio(line: &str) -> bool {
    let Some(s) = sentences(line) else { return false };
    let Some(first) = s.first() else { return false };
    kinds(first, false).1 || s.iter().all(|x| matches!(kinds(x, false), (true, _, _) | (_, _, true)))
}

/// Is this (a [`crate::learned::word_hash`]) a word that marks a line as
/// being about the site or its reader rather than the news (the `cue`
/// lines of the data)? For lines learned from repetition.
pub(crate) fn is_cue_hash(hash: u64) -> bool {
    static CUES: OnceLock<Vec<u64>> = OnceLock::new();
    let cues = CUES.get_or_init(|| {
        let mut v: Vec<u64> = PATTERNS
            .lines()
            .filter_map(|l| l.strip_prefix("cue "))
            .flat_map(str::split_whitespace)
            .map(crate::learned::word_hash)
            .collect();
        crate::sort::ord(&mut v);
        v.dedup();
        v
    });
    cues.binary_search(&hash).is_ok()
}
