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

use std::sync::OnceLock;

use crate::segment::split_sentences;

const PATTERNS: &str = include_str!("../data/furniture.txt");

/// Lines longer than this (bytes) are never furniture: the split and the
/// match stay cheap on long paragraphs.
const MAX_LINE: usize = 600;
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
}

fn patterns() -> &'static [Pattern] {
    static P: OnceLock<Vec<Pattern>> = OnceLock::new();
    P.get_or_init(|| {
        PATTERNS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let (kind, pat) = l.split_once(char::is_whitespace)?;
                let kind = match kind {
                    "cue" => return None,
                    "bio" => Kind::Bio,
                    "contact" => Kind::Contact,
                    _ => Kind::Page,
                };
                let toks = pat
                    .split_whitespace()
                    .map(|t| match t {
                        "*" => Tok::Gap,
                        "@" => Tok::Name,
                        _ if t.contains('|') => Tok::OneOf(t.split('|').map(str::to_string).collect()),
                        _ => Tok::Word(t.to_string()),
                    })
                    .collect();
                Some(Pattern { kind, toks })
            })
            .collect()
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
        Tok::Name => (1..=MAX_NAME.min(w.len()))
            .take_while(|&k| w[k - 1].1)
            .any(|k| matches(rest, &w[k..])),
    }
}

/// The kinds of pattern `sentence` matches, as (page, bio, contact).
fn kinds(sentence: &str) -> (bool, bool, bool) {
    let w = words(sentence);
    let mut out = (false, false, false);
    if w.is_empty() {
        return out;
    }
    for p in patterns() {
        if matches(&p.toks, &w) {
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

/// Is every sentence of `line` site furniture?
pub(crate) fn is_furniture(line: &str) -> bool {
    sentences(line).is_some_and(|s| !s.is_empty() && s.iter().all(|x| kinds(x).0))
}

/// Is `line` an author bio: its first sentence introduces the author
/// ("Anna Berg is a correspondent based in Geneva."), or every sentence is
/// a contact or furniture line ("Write to her at anna@example.org.")?
/// Only asked about a page's closing paragraphs.
pub(crate) fn is_bio(line: &str) -> bool {
    let Some(s) = sentences(line) else { return false };
    let Some(first) = s.first() else { return false };
    kinds(first).1 || s.iter().all(|x| matches!(kinds(x), (true, _, _) | (_, _, true)))
}

/// Words that mark a line as being about the site or its reader rather
/// than the news (the `cue` lines of the data), for lines learned from
/// repetition (see [`crate::clean::clean_corpus`]).
pub(crate) fn is_cue_word(word: &str) -> bool {
    static CUES: OnceLock<Vec<&'static str>> = OnceLock::new();
    let cues = CUES.get_or_init(|| {
        let mut v: Vec<&str> = PATTERNS
            .lines()
            .filter_map(|l| l.strip_prefix("cue "))
            .flat_map(str::split_whitespace)
            .collect();
        crate::sort::ord(&mut v);
        v.dedup();
        v
    });
    cues.binary_search(&word).is_ok()
}
