//! Sentence analysis: the facts of each token, then the issue mentions,
//! actor mentions, cues (and which of them are passives) and the groups
//! of a sentence, in that order.

use super::cues::{self, CueKind};
use super::groups::{self, Group, Mention};
use crate::lexicon::Lexicon;
use crate::model::{Article, Corpus, Span};
use crate::phrases::{Aliases, PatternSet};
use crate::token;

/// Words that end the clause a cue governs.
const BOUNDARY_WORDS: &[&str] = &["while", "but", "whereas", "although", "though", "however", "meanwhile"];

/// Determiners, skipped before a mention.
const DETERMINERS: &[&str] =
    &["the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those", "some", "all", "both"];

/// The lexicon and the method's word lists, compiled for matching.
pub(super) struct Matchers {
    aliases: Aliases<usize>,
    issues: PatternSet<usize>,
    cues: PatternSet<CueKind>,
    anaphora: PatternSet<bool>,
}

impl Matchers {
    /// Actor aliases (values: actor indices), issue phrases on stems
    /// (values: issue indices), cues (without ambiguous ones when `strict`)
    /// and plural anaphora.
    pub(super) fn new(lex: &Lexicon, strict: bool) -> Self {
        let stemmer = token::english_stemmer();
        let mut aliases = Aliases::new();
        for (ai, a) in lex.actors.iter().enumerate() {
            for al in &a.aliases {
                aliases.add(al, ai);
            }
        }
        let mut issues = PatternSet::new();
        for (ii, is) in lex.issues.iter().enumerate() {
            for p in &is.phrases {
                issues.add(p, Some(&stemmer), ii);
            }
        }
        let cues = cues::cue_patterns(&stemmer, strict);
        let anaphora = groups::anaphora_patterns();
        Matchers { aliases, issues, cues, anaphora }
    }
}

/// One token of a sentence.
pub(super) struct Tok<'a> {
    /// As written.
    pub(super) text: &'a str,
    /// Normalised (see [`token::fold_word`]).
    pub(super) norm: String,
    /// Stemmed.
    pub(super) stem: &'a str,
    /// In the article's text.
    pub(super) span: Span,
    /// Ends in a possessive ("Russia's", "States'").
    pub(super) poss: bool,
    /// A clause boundary lies between this token and the previous one.
    pub(super) boundary_before: bool,
    /// A comma lies between this token and the previous one.
    pub(super) comma_before: bool,
}

/// A cue found in a sentence: tokens `start..end`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cue {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: CueKind,
    /// Followed by "by <actor>": it does not govern what follows.
    pub(super) passive: bool,
}

/// What one sentence holds; all positions are token indices.
pub(super) struct SentenceInfo<'a> {
    pub(super) toks: Vec<Tok<'a>>,
    /// Issue mentions (start, end, issue), in order, not overlapping.
    pub(super) issues: Vec<(usize, usize, usize)>,
    /// Whether each token is part of an issue mention.
    pub(super) in_issue: Vec<bool>,
    /// Actor groups and anaphora, by position.
    pub(super) groups: Vec<Group>,
    /// Cues, in order, not overlapping.
    pub(super) cues: Vec<Cue>,
}

impl SentenceInfo<'_> {
    /// The text span of tokens `start..end` (`end > start`).
    pub(super) fn span(&self, start: usize, end: usize) -> Span {
        Span { start: self.toks[start].span.start, end: self.toks[end - 1].span.end }
    }

    /// Is token `k` a word that ends a clause ("while", "but")?
    pub(super) fn is_boundary(&self, k: usize) -> bool {
        BOUNDARY_WORDS.contains(&self.toks[k].norm.as_str())
    }
}

/// The first token from `k` on that is not a determiner, given each
/// token's normalised word (`None` past the end).
pub(super) fn skip_determiners<'w>(word: impl Fn(usize) -> Option<&'w str>, mut k: usize) -> usize {
    while word(k).is_some_and(is_determiner) {
        k += 1;
    }
    k
}

/// Is `w` a determiner?
pub(super) fn is_determiner(w: &str) -> bool {
    DETERMINERS.contains(&w)
}

/// Analyses sentence `si` of `art`.
pub(super) fn analyse_sentence<'a>(corpus: &'a Corpus, art: &'a Article, si: usize, c: &Matchers) -> SentenceInfo<'a> {
    let toks = tokens(corpus, art, si);
    let stems: Vec<&str> = toks.iter().map(|t| t.stem).collect();
    let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
    let texts: Vec<&str> = toks.iter().map(|t| t.text).collect();
    let (issues, in_issue) = issue_mentions(&stems, &c.issues);
    let mentions = actor_mentions(&texts, &norms, &in_issue, &c.aliases);
    let mut cues = find_cues(&stems, &in_issue, &mentions, &c.cues);
    mark_passives(&mut cues, &norms, &mentions);
    let groups = groups::find_groups(&toks, &norms, &stems, &in_issue, &mentions, &c.anaphora);
    SentenceInfo { toks, issues, in_issue, groups, cues }
}

/// The tokens of sentence `si` with their facts.
fn tokens<'a>(corpus: &'a Corpus, art: &'a Article, si: usize) -> Vec<Tok<'a>> {
    let raw = art.sentence_tokens(si);
    let text = art.text.as_str();
    let mut toks: Vec<Tok<'a>> = Vec::with_capacity(raw.len());
    for (k, t) in raw.iter().enumerate() {
        let s = text.get(t.span.range()).unwrap_or("");
        let lower = token::normalize_word(s);
        let after = text.get(t.span.end as usize..).and_then(|r| r.chars().next());
        let after2 = text.get(t.span.end as usize..).and_then(|r| r.chars().nth(1));
        let poss = lower.ends_with("'s")
            || (matches!(after, Some('\'' | '’'))
                && lower.ends_with('s')
                && !after2.is_some_and(char::is_alphanumeric));
        let gap = if k == 0 { "" } else { text.get(raw[k - 1].span.end as usize..t.span.start as usize).unwrap_or("") };
        let boundary_before = gap.contains(';')
            || gap.contains('|')
            || ((gap.contains('–') || gap.contains('—')) && gap.starts_with(char::is_whitespace));
        let stem = corpus.vocab.get(t.stem as usize).map(String::as_str).unwrap_or("");
        let comma_before = gap.contains(',');
        toks.push(Tok { text: s, norm: token::fold_word(s), stem, span: t.span, poss, boundary_before, comma_before });
    }
    toks
}

/// Issue mentions, longest first, no overlaps; returned in order, with
/// which tokens they cover.
fn issue_mentions(stems: &[&str], issues: &PatternSet<usize>) -> (Vec<(usize, usize, usize)>, Vec<bool>) {
    let n = stems.len();
    let mut found = Vec::new();
    for j in 0..n {
        issues.all(stems, j, &mut found);
    }
    crate::sort::by(&mut found, |a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
    let mut in_issue = vec![false; n];
    let mut out = Vec::new();
    for (s, e, i) in found {
        if e > s && !in_issue[s..e].iter().any(|&x| x) {
            in_issue[s..e].iter_mut().for_each(|x| *x = true);
            out.push((s, e, i));
        }
    }
    crate::sort::ord(&mut out);
    (out, in_issue)
}

/// Actor mentions outside issue phrases, longest first from left to right.
fn actor_mentions(texts: &[&str], norms: &[&str], in_issue: &[bool], aliases: &Aliases<usize>) -> Vec<Mention> {
    let n = norms.len();
    let mut mentions = Vec::new();
    let mut j = 0;
    while j < n {
        let best = if in_issue[j] {
            None
        } else {
            aliases.longest(texts, norms, j, |s, e| !in_issue[s..e].iter().any(|&x| x))
        };
        if let Some((end, actor)) = best {
            mentions.push((j, end, actor));
            j = end;
        } else {
            j += 1;
        }
    }
    mentions
}

/// Cues outside issue phrases and actor mentions, longest first from left
/// to right.
fn find_cues(stems: &[&str], in_issue: &[bool], mentions: &[Mention], patterns: &PatternSet<CueKind>) -> Vec<Cue> {
    let n = stems.len();
    let mut cues = Vec::new();
    let mut j = 0;
    while j < n {
        if in_issue[j] {
            j += 1;
            continue;
        }
        match patterns.longest(stems, j) {
            Some((end, kind))
                if !in_issue[j..end].iter().any(|&x| x) && !mentions.iter().any(|m| m.0 < end && j < m.1) =>
            {
                cues.push(Cue { start: j, end, kind, passive: false });
                j = end;
            }
            _ => j += 1,
        }
    }
    cues
}

/// A cue followed by "by <actor>" is a passive: it does not govern what
/// follows.
fn mark_passives(cues: &mut [Cue], norms: &[&str], mentions: &[Mention]) {
    for cue in cues {
        if norms.get(cue.end) == Some(&"by") {
            let k = skip_determiners(|k| norms.get(k).copied(), cue.end + 1);
            cue.passive = mentions.iter().any(|m| m.0 == k);
        }
    }
}
