//! Stances: which actor holds which position on which issue, sentence by
//! sentence, with the evidence to show for it.
//!
//! The unit is a [`Statement`] (as in the Discourse Network Analyzer): one
//! sentence, one actor, one issue, support or oppose, with the spans of the
//! actor mention, the cue and the issue phrase. [`extract`] finds them;
//! [`matrix`] aggregates those of a selection of articles into actor ×
//! issue cells; a cell with statements both ways is *mixed*.
//!
//! The method is rule-based and explainable; `docs/stances.md` describes
//! it. Its stages, one module each:
//!
//! 1. [`crate::phrases`] (shared with the facets and the passage finder):
//!    phrase and alias matching on a sentence's words.
//! 2. `sentence`: per sentence, the tokens' facts, issue mentions, actor
//!    mentions, cues and passives; `groups`: coordinated mentions and
//!    anaphora.
//! 3. `cues` and `polarity`: the cue that governs an issue mention, with
//!    negation and inversion.
//! 4. `attribution`: the source of that cue (subject, reported speech,
//!    passive agent, an anaphor resolved to the article's joint group).
//! 5. Here: one statement per sentence, actor and issue; a sentence that
//!    gives one actor both polarities on one issue gives none.
//! 6. `matrix`: the cells.
//!
//! Deterministic, total (never panics), no allocation per corpus beyond the
//! result and one pass of per-sentence scratch.

mod attribution;
mod cues;
mod discover;
mod groups;
mod matrix;
mod polarity;
mod sentence;
#[cfg(test)]
pub(crate) mod tests;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::lexicon::Lexicon;
use crate::model::{Article, Corpus, Span};

pub use discover::{discover, Discovered};
pub use matrix::{cell_outlets, matrix, Cell, Evidence, Stance, StanceMatrix};

pub(crate) use groups::PLURAL_ANAPHORA;

use attribution::{Context, HeadSources, Updates};
use sentence::{analyse_sentence, Matchers, SentenceInfo};

/// For or against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// For.
    Support,
    /// Against.
    Oppose,
}

impl Polarity {
    /// The lowercase name, as in JSON and CSV.
    pub fn label(self) -> &'static str {
        match self {
            Polarity::Support => "support",
            Polarity::Oppose => "oppose",
        }
    }
}

/// How the statement's actor was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// The actor is named as the subject of the cue.
    Subject,
    /// A plural anaphor ("they", "the parties") or "It" (the statement),
    /// resolved to the actors of the joint statement being reported; or
    /// "he" / "she", resolved within the sentence.
    Anaphor,
    /// Reported speech: "according to X", "X said".
    Reported,
    /// The agent of a passive: "denounced by China".
    Agent,
}

/// One actor's position on one issue in one sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Index into `Corpus::articles`.
    pub article: usize,
    /// Index into `Article::sentences`.
    pub sentence: usize,
    /// The sentence's span.
    pub span: Span,
    /// Index into `Lexicon::actors`.
    pub actor: usize,
    /// Index into `Lexicon::issues`.
    pub issue: usize,
    /// For or against the issue.
    pub polarity: Polarity,
    /// The cue that decided the polarity ("opposed", "calling for",
    /// "unacceptable").
    pub cue: Span,
    /// The actor mention, or the anaphor ("they", "the parties") it was
    /// resolved from, or the reporting source ("according to Putin and Xi").
    pub actor_span: Span,
    /// The issue phrase.
    pub issue_span: Span,
    /// How the actor was found.
    pub attribution: Attribution,
    /// A negation flipped the cue ("does not rule out").
    pub negated: bool,
}

/// Extracts every statement of the corpus.
pub fn extract(corpus: &Corpus, lex: &Lexicon) -> Vec<Statement> {
    extract_with(corpus, lex, false)
}

/// [`extract`] with a lexicon found in the text ([`discover`]): without the
/// cues that are positions only in a text about chosen issues.
pub fn extract_found(corpus: &Corpus, lex: &Lexicon) -> Vec<Statement> {
    extract_with(corpus, lex, true)
}

/// [`extract`], strict or not about cues.
fn extract_with(corpus: &Corpus, lex: &Lexicon, strict: bool) -> Vec<Statement> {
    let c = Matchers::new(lex, strict);
    let mut out = Vec::new();
    for (ai, art) in corpus.articles.iter().enumerate() {
        extract_article(ai, art, corpus, &c, &mut out);
    }
    out
}

fn extract_article(ai: usize, art: &Article, corpus: &Corpus, c: &Matchers, out: &mut Vec<Statement>) {
    let infos: Vec<SentenceInfo> = (0..art.sentences.len()).map(|si| analyse_sentence(corpus, art, si, c)).collect();
    let mut ctx = Context::default();
    for (si, info) in infos.iter().enumerate() {
        let updates = attribution::joint_updates(info);
        let heads = attribution::head_sources(info);
        let at = Place { article: ai, sentence: si, span: art.sentences[si].span };
        let stmts = sentence_statements(at, info, &heads, &ctx, &updates);
        keep_consistent(&stmts, out);
        ctx.advance(info, &updates);
    }
}

/// Where a sentence is.
#[derive(Clone, Copy)]
struct Place {
    article: usize,
    sentence: usize,
    span: Span,
}

/// The statements of one sentence, one per issue mention and actor of its
/// source, in issue order.
fn sentence_statements(
    at: Place,
    info: &SentenceInfo,
    heads: &HeadSources,
    ctx: &Context,
    updates: &Updates,
) -> Vec<Statement> {
    let mut stmts: Vec<Statement> = Vec::new();
    for &(s, e, issue) in &info.issues {
        let Some(f) = polarity::govern(info, s, e) else { continue };
        let Some((gi, attribution)) = attribution::source_group(info, &f.source, heads) else { continue };
        let Some(g) = info.groups.get(gi) else { continue };
        let actors = attribution::resolve(info, g, ctx, updates);
        let cue = &info.cues[f.cue];
        let cue_span = info.span(cue.start, cue.end);
        let actor_span = info.span(g.start, g.end);
        let issue_span = info.span(s, e);
        for actor in actors {
            stmts.push(Statement {
                article: at.article,
                sentence: at.sentence,
                span: at.span,
                actor,
                issue,
                polarity: if f.polarity > 0 { Polarity::Support } else { Polarity::Oppose },
                cue: cue_span,
                actor_span,
                issue_span,
                attribution,
                negated: f.negated,
            });
        }
    }
    stmts
}

/// One sentence, one actor, one issue: one statement (the first), pushed
/// to `out` in order; conflicting polarities cancel.
fn keep_consistent(stmts: &[Statement], out: &mut Vec<Statement>) {
    let mut seen: BTreeMap<(usize, usize), (usize, bool)> = BTreeMap::new();
    for (i, st) in stmts.iter().enumerate() {
        match seen.get_mut(&(st.actor, st.issue)) {
            None => {
                seen.insert((st.actor, st.issue), (i, true));
            }
            Some((first, ok)) => {
                if stmts[*first].polarity != st.polarity {
                    *ok = false;
                }
            }
        }
    }
    let mut keep: Vec<usize> = seen.values().filter(|(_, ok)| *ok).map(|(i, _)| *i).collect();
    crate::sort::ord(&mut keep);
    for i in keep {
        out.push(stmts[i].clone());
    }
}
