//! Boilerplate removal by general rules.
//!
//! Scraped pages carry the page around the article: comment forms, "Read
//! more:" teasers, video captions, ad markers, author bios, breadcrumbs,
//! source links. Each rule here describes a *kind* of junk, not a string:
//!
//! * **labels**: a line whose first words before a colon are web-UI words
//!   ("Read more:", "Click to play video: …"), and the headline-like lines
//!   (no sentence punctuation) that follow it, are a teaser;
//! * **chrome**: a short line made of web-UI vocabulary with at least one
//!   strong UI word ("Leave A Reply", "Back to top button");
//! * **repetition**: a short line that occurs twice in one article (a
//!   sentence keeps its first occurrence), or
//!   verbatim in several articles of the corpus (passim's boilerplate idea)
//!   when at least half its words are UI words (so a subhead two articles
//!   of one site share, or a dateline, stays);
//! * **structure**: a line starting with a URL, a line that is another
//!   line with a navigation prefix (breadcrumb), a paragraph with an
//!   e-mail address or contact phrase after the article's last paragraph
//!   (author bio), and short fragments after the last sentence (trailer).
//!
//! Nothing is thrown away: every removed line keeps its byte span and
//! reason, so the reader can show it in place.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{RemovalReason, Span};
use crate::{furniture, learned};

/// One non-blank line of an article, trimmed, with its verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The line, in the article's text.
    pub span: Span,
    /// Why the line is dropped, if it is.
    pub removed: Option<RemovalReason>,
}

/// Words that make up web-page furniture.
const UI_WORDS: &[&str] = &[
    "free",
    "app",
    "download",
    "rss",
    "feed",
    "signup",
    "newsletters",
    "topics",
    "links",
    "link",
    "copy",
    "telegram",
    "linkedin",
    "whatsapp",
    "twitter",
    "facebook",
    "register",
    "hide",
    "show",
    "reading",
    "tell",
    "our",
    "a",
    "about",
    "above",
    "accept",
    "ad",
    "ads",
    "advertisement",
    "all",
    "also",
    "and",
    "article",
    "articles",
    "back",
    "below",
    "button",
    "categories",
    "category",
    "click",
    "comment",
    "comments",
    "content",
    "continue",
    "continues",
    "cookie",
    "cookies",
    "email",
    "enter",
    "follow",
    "for",
    "from",
    "gallery",
    "here",
    "home",
    "image",
    "in",
    "latest",
    "leave",
    "listen",
    "load",
    "loading",
    "log",
    "login",
    "menu",
    "more",
    "most",
    "name",
    "news",
    "newsletter",
    "next",
    "now",
    "of",
    "on",
    "photo",
    "play",
    "please",
    "popular",
    "post",
    "posts",
    "previous",
    "print",
    "read",
    "recent",
    "recommended",
    "related",
    "reply",
    "required",
    "save",
    "search",
    "see",
    "share",
    "sign",
    "site",
    "skip",
    "source",
    "sponsored",
    "stories",
    "story",
    "subscribe",
    "tags",
    "the",
    "this",
    "to",
    "top",
    "trending",
    "tweet",
    "uncategorized",
    "up",
    "us",
    "video",
    "videos",
    "view",
    "watch",
    "website",
    "your",
];

/// UI words that, on their own, mark a short line as furniture.
const STRONG_UI_WORDS: &[&str] = &[
    "signup",
    "newsletters",
    "rss",
    "telegram",
    "linkedin",
    "whatsapp",
    "twitter",
    "facebook",
    "ad",
    "ads",
    "advertisement",
    "button",
    "categories",
    "comment",
    "comments",
    "cookie",
    "cookies",
    "loading",
    "login",
    "menu",
    "newsletter",
    "print",
    "recent",
    "related",
    "reply",
    "site",
    "skip",
    "sponsored",
    "subscribe",
    "tags",
    "trending",
    "tweet",
    "uncategorized",
    "website",
];

/// Words that, before a colon at the start of a line, make it a link label.
const LABEL_WORDS: &[&str] = &[
    "read",
    "click",
    "play",
    "video",
    "watch",
    "see",
    "related",
    "recommended",
    "more",
    "listen",
    "gallery",
    "photo",
    "photos",
    "image",
    "advertisement",
    "sponsored",
    "subscribe",
    "also",
    "trending",
];

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect()
}

/// Number of words, without allocating, counted up to 26 (no rule looks
/// at more), so long paragraphs cost little.
fn word_count(s: &str) -> usize {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(26).count()
}

fn normalize(s: &str) -> String {
    words(s).join(" ")
}

/// Ends like a sentence: `.`, `!`, `?`, `…`, possibly followed by closing
/// quotes or brackets.
pub(crate) fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(['"', '\'', '’', '”', '»', ')', ']', ' ']);
    t.ends_with(['.', '!', '?', '…'])
}

fn starts_with_url(s: &str) -> bool {
    let t = s.trim_start();
    let end = t.char_indices().nth(8).map_or(t.len(), |(i, _)| i);
    let l = t[..end].to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://") || l.starts_with("www.") || l.starts_with("http:")
}

/// Is `label` (the words before a colon) a web link label?
fn is_label(label: &str) -> bool {
    if word_count(label) > 5 {
        return false;
    }
    let w = words(label);
    !w.is_empty()
        && w.len() <= 5
        && w.iter().any(|x| LABEL_WORDS.contains(&x.as_str()))
        && w.iter().all(|x| UI_WORDS.contains(&x.as_str()) || LABEL_WORDS.contains(&x.as_str()))
}

fn label_line(text: &str) -> bool {
    match text.find(':') {
        Some(i) => is_label(&text[..i]),
        None => false,
    }
}

/// Function words: UI words that say nothing about furniture on their own.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "all", "also", "and", "for", "from", "here", "in", "now", "of", "on", "the", "this", "to", "up",
    "us", "your", "our",
];

/// Share of the words of `text` (numbers left out) that are UI words:
/// `(ui words, words, has a strong UI word, has a non-function UI word)`.
fn ui_share(text: &str) -> (usize, usize, bool, bool) {
    let w = words(text);
    let w: Vec<&String> = w.iter().filter(|x| !x.chars().all(|c| c.is_ascii_digit())).collect();
    let ui = w.iter().filter(|x| UI_WORDS.contains(&x.as_str())).count();
    let strong = w.iter().any(|x| STRONG_UI_WORDS.contains(&x.as_str()));
    let content = w.iter().any(|x| UI_WORDS.contains(&x.as_str()) && !FUNCTION_WORDS.contains(&x.as_str()));
    (ui, w.len(), strong, content)
}

/// A short line of web-page furniture: at most 8 words, and either
/// * 80 % UI words including a strong one ("Leave A Reply", "Back to top
///   button", "source site-64"), or
/// * only UI words, at least one of them more than a function word
///   ("Share this article", "Continue reading below"), at least two words.
///
/// A line that reads as a sentence (final period) must consist of UI words
/// only, so prose mentioning them ("He declined to comment on the reply.")
/// stays.
fn chrome_line(text: &str) -> bool {
    if word_count(text) > 8 {
        return false;
    }
    let (ui, n, strong, content) = ui_share(text);
    if n == 0 || n > 8 {
        return false;
    }
    if ui == n && content && n >= 2 {
        return true;
    }
    strong && ui * 10 >= n * 8 && !ends_like_sentence(text.trim_end_matches(['!', '?']))
}

/// At least half the words are UI words: the corpus-wide repetition rule
/// needs this, or a subhead two articles of one site share ("energy
/// agreement") or a dateline ("May 03, 2013") would go.
fn mostly_ui(text: &str) -> bool {
    let (ui, n, _, _) = ui_share(text);
    n > 0 && ui * 2 >= n
}

/// A short line without sentence punctuation: a headline, a teaser, a
/// caption.
fn headline_like(text: &str) -> bool {
    let n = word_count(text);
    n > 0 && n <= 25 && !ends_like_sentence(text)
}

/// Splits `text` into trimmed non-blank lines.
pub fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.len();
        let body = piece.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            let s = start + lead;
            out.push(Span::new(s, s + trimmed.len()));
        }
        start = end;
    }
    out
}

/// Short lines eligible for the repetition rules.
const REPEAT_MAX_WORDS: usize = 12;
const SHARED_MAX_WORDS: usize = 6;

/// Cleans every article of a corpus; the result is parallel to `texts`.
/// No site is known: see [`clean_corpus_sites`].
pub fn clean_corpus(texts: &[&str]) -> Vec<Vec<Line>> {
    clean_corpus_sites(texts, &[])
}

/// Cleans every article of a corpus whose sites (outlet or web host) are
/// `sites[i]` where known; the result is parallel to `texts`. Lines learned
/// as one site's furniture are looked for within that site (see
/// [`crate::learned`]).
pub fn clean_corpus_sites(texts: &[&str], sites: &[Option<String>]) -> Vec<Vec<Line>> {
    // Each text's lines and its short ones normalised (in parallel with
    // the `parallel` feature), then counted in order.
    let per_text: Vec<(Vec<Span>, Vec<String>, learned::TextProfile)> = crate::par::map(texts, |t| {
        let ls = lines(t);
        let line_texts: Vec<&str> = ls.iter().map(|s| &t[s.range()]).collect();
        // In how many articles does each short line occur (never counting
        // an article's first line, its headline)?
        let mut mine: Vec<String> = line_texts
            .iter()
            .skip(1)
            .filter(|l| {
                let n = word_count(l);
                n > 0 && n <= SHARED_MAX_WORDS && !ends_like_sentence(l)
            })
            .map(|l| normalize(l))
            .collect();
        crate::sort::ord(&mut mine);
        mine.dedup();
        let profile = learned::profile(&line_texts);
        (ls, mine, profile)
    });
    let mut shared: BTreeMap<String, usize> = BTreeMap::new();
    for (_, mine, _) in &per_text {
        for k in mine {
            match shared.get_mut(k) {
                Some(n) => *n += 1,
                None => {
                    shared.insert(k.clone(), 1);
                }
            }
        }
    }
    let (spans, profiles): (Vec<Vec<Span>>, Vec<learned::TextProfile>) =
        per_text.into_iter().map(|(ls, _, p)| (ls, p)).unzip();
    let learned = learned::learn(&profiles, sites);
    let work: Vec<(&str, &[Span], CorpusRules)> = texts
        .iter()
        .zip(&spans)
        .zip(learned)
        .map(|((t, ls), learned)| (*t, ls.as_slice(), CorpusRules { shared: Some(&shared), learned }))
        .collect();
    crate::par::map(&work, |(t, ls, rules)| clean_lines(t, ls, rules))
}

/// What the corpus-wide rules know about one text's lines.
#[derive(Default)]
struct CorpusRules<'a> {
    /// In how many texts each short line occurs (`None` for one article).
    shared: Option<&'a BTreeMap<String, usize>>,
    /// This text's lines learned as its site's furniture, normalised.
    learned: BTreeSet<String>,
}

impl CorpusRules<'_> {
    fn shared(&self, norm: &str) -> bool {
        self.shared.is_some_and(|m| m.get(norm).copied().unwrap_or(0) >= 2)
    }

    fn learned(&self, line: &str) -> bool {
        !self.learned.is_empty() && self.learned.contains(&normalize(line))
    }
}

/// Cleans one article on its own (no corpus-wide rules).
pub fn clean_article(text: &str) -> Vec<Line> {
    clean_lines(text, &lines(text), &CorpusRules::default())
}

fn clean_lines(text: &str, spans: &[Span], rules: &CorpusRules) -> Vec<Line> {
    let mut out: Vec<Line> = spans.iter().map(|&span| Line { span, removed: None }).collect();
    let n = out.len();
    let texts: Vec<&str> = spans.iter().map(|s| &text[s.range()]).collect();
    let wcs: Vec<usize> = texts.iter().map(|t| word_count(t)).collect();
    // Normalised text of the lines the repetition and breadcrumb rules
    // look at (short lines, the first four); long lines never need it.
    let norms: Vec<String> = texts
        .iter()
        .zip(&wcs)
        .enumerate()
        .map(|(i, (t, &wc))| if wc <= REPEAT_MAX_WORDS || i < 4 { normalize(t) } else { String::new() })
        .collect();

    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for w in &norms {
        *counts.entry(w.as_str()).or_default() += 1;
    }

    // A repeated sentence (scrapers duplicate paragraphs) keeps its first
    // occurrence; a repeated fragment ("The story continues below the ad")
    // goes everywhere.
    let first_of: BTreeMap<&str, usize> = norms.iter().enumerate().rev().map(|(i, w)| (w.as_str(), i)).collect();
    let repeated = |i: usize| {
        let t = texts[i];
        let wc = wcs[i];
        wc > 0
            && wc <= REPEAT_MAX_WORDS
            && i > 0
            && counts[norms[i].as_str()] >= 2
            && !(ends_like_sentence(t) && first_of[norms[i].as_str()] == i)
    };

    // A short UI line several articles carry.
    let shared_short = |i: usize| {
        wcs[i] <= SHARED_MAX_WORDS && !ends_like_sentence(texts[i]) && rules.shared(&norms[i]) && mostly_ui(texts[i])
    };
    let mut i = 0;
    while i < n {
        let t = texts[i];
        let reason = if starts_with_url(t) {
            Some(RemovalReason::SourceLink)
        } else if label_line(t) {
            // The label and the teaser headlines that follow it.
            out[i].removed = Some(RemovalReason::Teaser);
            let mut j = i + 1;
            while j < n && headline_like(texts[j]) && !label_line(texts[j]) {
                out[j].removed = Some(RemovalReason::Teaser);
                j += 1;
            }
            i = j;
            continue;
        } else if chrome_line(t) {
            Some(RemovalReason::PageChrome)
        } else if furniture::is_furniture(t) {
            Some(RemovalReason::Furniture)
        } else if repeated(i) {
            Some(RemovalReason::Repeated)
        } else if i > 0 && (shared_short(i) || rules.learned(t)) {
            Some(RemovalReason::SharedBoilerplate)
        } else if is_breadcrumb(&norms, i) {
            Some(RemovalReason::Breadcrumb)
        } else {
            None
        };
        if out[i].removed.is_none() {
            out[i].removed = reason;
        }
        i += 1;
    }

    closing_lines(text, &mut out);
    out
}

/// The page's closing lines: author bios, then trailing fragments.
fn closing_lines(text: &str, out: &mut [Line]) {
    let n = out.len();
    let texts: Vec<&str> = out.iter().map(|l| &text[l.span.range()]).collect();
    let wcs: Vec<usize> = texts.iter().map(|t| word_count(t)).collect();

    // Author bio: a paragraph that introduces the author or only gives
    // contacts (`data/furniture.txt`) among the page's last lines — after
    // the last paragraph of the article that is neither removed nor a short
    // fragment. An address or a name in a sentence is no bio.
    for k in (1..n).rev() {
        if out[k].removed.is_some() {
            continue;
        }
        let t = texts[k];
        if furniture::is_bio(t) {
            out[k].removed = Some(RemovalReason::AuthorBio);
        } else if wcs[k] > SHARED_MAX_WORDS || ends_like_sentence(t) {
            break;
        }
    }

    // Trailer: short fragments without a final period after the last
    // sentence of the article ...
    let mut run = Vec::new();
    for k in (1..n).rev() {
        if out[k].removed.is_some() {
            continue;
        }
        if wcs[k] <= SHARED_MAX_WORDS && !ends_like_sentence(texts[k]) {
            run.push(k);
        } else {
            break;
        }
    }
    run.reverse();
    // ... except a list: a label ending with a colon and the two or more
    // items after it ("Did Not Practice:", "TE Jimmy Graham (ankle)", …).
    let mut keep = vec![false; run.len()];
    for (j, &k) in run.iter().enumerate() {
        let items = run[j + 1..].iter().take_while(|&&x| !texts[x].ends_with(':')).count();
        if texts[k].ends_with(':') && items >= 2 {
            keep[j..=j + items].iter_mut().for_each(|x| *x = true);
        }
    }
    for (&k, keep) in run.iter().zip(keep) {
        if !keep {
            out[k].removed = Some(RemovalReason::Trailer);
        }
    }
}

/// A navigation trail: the line ends with the text of a nearby line
/// (usually the headline) after a few extra words.
fn is_breadcrumb(norms: &[String], i: usize) -> bool {
    let me = &norms[i];
    if i > 2 {
        return false;
    }
    norms.iter().enumerate().take(4).any(|(j, other)| {
        j != i && other.split(' ').count() >= 4 && me.len() > other.len() && me.ends_with(other.as_str()) && {
            let extra = me[..me.len() - other.len()].split_whitespace().count();
            (1..=4).contains(&extra)
        }
    })
}
