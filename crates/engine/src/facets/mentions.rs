//! Which lexicon actors and issues an article mentions, for the facets:
//! actor aliases and issue phrases matched within a sentence by the stance
//! extraction's matcher ([`crate::phrases`]), except that every match
//! counts, not only the longest, and an actor's name is one of its aliases.
//! The whole interface is [`MentionMatcher`]: built once from the lexicon,
//! asked once per article.

use crate::lexicon::Lexicon;
use crate::model::{Article, Corpus};
use crate::phrases::{Aliases, PatternSet};
use crate::token;

/// The lexicon's actor aliases and issue phrases (on stems); values are
/// lexicon indices.
pub(super) struct MentionMatcher {
    aliases: Aliases<u16>,
    phrases: PatternSet<u16>,
}

impl MentionMatcher {
    /// Prepares every alias (an actor's name counts as one) and phrase.
    pub(super) fn new(lexicon: &Lexicon) -> MentionMatcher {
        let mut aliases = Aliases::new();
        for (ai, a) in lexicon.actors.iter().enumerate() {
            for al in a.aliases.iter().chain(std::iter::once(&a.name)) {
                aliases.add(al, ai as u16);
            }
        }
        let stemmer = token::english_stemmer();
        let mut phrases = PatternSet::new();
        for (ii, is) in lexicon.issues.iter().enumerate() {
            for p in &is.phrases {
                phrases.add(p, Some(&stemmer), ii as u16);
            }
        }
        MentionMatcher { aliases, phrases }
    }

    /// The actors and the issues (lexicon indices, ascending, each once)
    /// that article `art` of `corpus` mentions: every alias and phrase
    /// that matches anywhere, overlapping or not.
    pub(super) fn mentions(&self, corpus: &Corpus, art: &Article) -> (Vec<u16>, Vec<u16>) {
        let mut actors = Vec::new();
        let mut issues = Vec::new();
        let mut found = Vec::new();
        for si in 0..art.sentences.len() {
            let toks = art.sentence_tokens(si);
            let texts: Vec<&str> = toks.iter().map(|t| art.text.get(t.span.range()).unwrap_or("")).collect();
            let folded: Vec<String> = texts.iter().map(|w| token::fold_word(w)).collect();
            let norms: Vec<&str> = folded.iter().map(String::as_str).collect();
            let stems: Vec<&str> =
                toks.iter().map(|t| corpus.vocab.get(t.stem as usize).map_or("", String::as_str)).collect();
            for j in 0..toks.len() {
                self.aliases.all(&texts, &norms, j, &mut actors);
                self.phrases.all(&stems, j, &mut found);
            }
            issues.extend(found.drain(..).map(|(_, _, v)| v));
        }
        crate::sort::ord(&mut actors);
        actors.dedup();
        crate::sort::ord(&mut issues);
        issues.dedup();
        (actors, issues)
    }
}
