//! Which lexicon actors and issues an article mentions, for the facets:
//! actor aliases and issue phrases matched within a sentence, as the stance
//! extraction matches them. The whole interface is [`MentionMatcher`]:
//! built once from the lexicon, asked once per article.

use std::collections::BTreeMap;

use crate::lexicon::Lexicon;
use crate::model::{Article, Corpus};
use crate::token;

/// The words of an alias or phrase, normalised as article words are for
/// matching: lowercased, apostrophes straightened, possessive dropped.
fn norm(w: &str) -> String {
    let n = token::normalize_word(w);
    let n = n.strip_suffix("'s").map(str::to_string).unwrap_or(n);
    n.trim_matches('\'').to_string()
}

fn is_all_caps(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// One alias: its normalised words, and for an all-capitals alias ("US")
/// the exact words (so the pronoun "us" is not the United States).
struct Alias {
    words: Vec<String>,
    exact: Option<Vec<String>>,
    actor: u16,
}

impl Alias {
    /// Does the alias start at word `j` of a sentence, given its words as
    /// written (`texts`) and normalised (`norms`)?
    fn matches_at(&self, texts: &[&str], norms: &[String], j: usize) -> bool {
        let end = j + self.words.len();
        if end > texts.len() {
            return false;
        }
        match &self.exact {
            Some(ex) => ex
                .iter()
                .zip(&texts[j..end])
                .all(|(w, t)| t == w || t.strip_suffix("'s").or(t.strip_suffix("’s")) == Some(w.as_str())),
            None => self.words.iter().zip(&norms[j..end]).all(|(w, t)| w == t),
        }
    }
}

/// An issue phrase on stems; `None` is `*` (up to three words).
struct Phrase {
    pat: Vec<Option<String>>,
    issue: u16,
}

fn match_at(pat: &[Option<String>], stems: &[&str], j: usize) -> bool {
    match pat.first() {
        None => true,
        Some(Some(w)) => j < stems.len() && stems[j] == w && match_at(&pat[1..], stems, j + 1),
        Some(None) => (0..=3).any(|g| j + g <= stems.len() && match_at(&pat[1..], stems, j + g)),
    }
}

/// The lexicon's actor aliases and issue phrases, each filed under its
/// first word (normalised for aliases, stemmed for phrases).
pub(super) struct MentionMatcher {
    aliases: BTreeMap<String, Vec<Alias>>,
    phrases: BTreeMap<String, Vec<Phrase>>,
}

impl MentionMatcher {
    /// Prepares every alias (an actor's name counts as one) and phrase.
    pub(super) fn new(lexicon: &Lexicon) -> MentionMatcher {
        MentionMatcher { aliases: aliases(lexicon), phrases: phrases(lexicon) }
    }

    /// The actors and the issues (lexicon indices, ascending, each once)
    /// that article `art` of `corpus` mentions.
    pub(super) fn mentions(&self, corpus: &Corpus, art: &Article) -> (Vec<u16>, Vec<u16>) {
        let mut actors = Vec::new();
        let mut issues = Vec::new();
        for si in 0..art.sentences.len() {
            let toks = art.sentence_tokens(si);
            let texts: Vec<&str> = toks.iter().map(|t| art.text.get(t.span.range()).unwrap_or("")).collect();
            let norms: Vec<String> = texts.iter().map(|w| norm(w)).collect();
            let stems: Vec<&str> =
                toks.iter().map(|t| corpus.vocab.get(t.stem as usize).map_or("", String::as_str)).collect();
            for j in 0..toks.len() {
                if let Some(list) = self.aliases.get(&norms[j]) {
                    actors.extend(list.iter().filter(|al| al.matches_at(&texts, &norms, j)).map(|al| al.actor));
                }
                if let Some(list) = self.phrases.get(stems[j]) {
                    issues.extend(list.iter().filter(|p| match_at(&p.pat, &stems, j)).map(|p| p.issue));
                }
            }
        }
        crate::sort::ord(&mut actors);
        actors.dedup();
        crate::sort::ord(&mut issues);
        issues.dedup();
        (actors, issues)
    }
}

fn aliases(lexicon: &Lexicon) -> BTreeMap<String, Vec<Alias>> {
    let mut aliases: BTreeMap<String, Vec<Alias>> = BTreeMap::new();
    for (ai, a) in lexicon.actors.iter().enumerate() {
        for al in a.aliases.iter().chain(std::iter::once(&a.name)) {
            let words: Vec<String> = token::words(al).map(|(_, w)| norm(w)).collect();
            let Some(first) = words.first().cloned() else { continue };
            let exact = is_all_caps(al).then(|| token::words(al).map(|(_, w)| w.to_string()).collect());
            aliases.entry(first).or_default().push(Alias { words, exact, actor: ai as u16 });
        }
    }
    aliases
}

fn phrases(lexicon: &Lexicon) -> BTreeMap<String, Vec<Phrase>> {
    let stemmer = token::english_stemmer();
    let mut phrases: BTreeMap<String, Vec<Phrase>> = BTreeMap::new();
    for (ii, is) in lexicon.issues.iter().enumerate() {
        for p in &is.phrases {
            let mut pat: Vec<Option<String>> = Vec::new();
            for piece in p.split_whitespace() {
                if piece == "*" {
                    if matches!(pat.last(), Some(Some(_))) {
                        pat.push(None);
                    }
                    continue;
                }
                pat.extend(token::words(piece).map(|(_, w)| Some(token::stem_word(&stemmer, w))));
            }
            while matches!(pat.last(), Some(None)) {
                pat.pop();
            }
            if let Some(Some(first)) = pat.first().cloned() {
                phrases.entry(first).or_default().push(Phrase { pat, issue: ii as u16 });
            }
        }
    }
    phrases
}
