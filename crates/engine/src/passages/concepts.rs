//! The concept map of the passage finder: what a word means for matching
//! (stopwords, actor aliases and synonym classes), resolved once per corpus
//! onto the interned stems.
//!
//! * Stopwords carry no evidence and are dropped.
//! * Actors: the names the actor model ([`crate::actors`]) finds for one
//!   actor (Moscow ~ Russia ~ Russian, NATO ~ North Atlantic Treaty
//!   Organization, Putin ~ Vladimir Putin) map to one *concept*. A name of
//!   one word counts only when capitalised as a name ("US", not "us");
//!   names of several words are matched on stem sequences and are one
//!   piece of evidence, not several.
//! * Synonym classes come from a reduced WordNet 3.0 table
//!   (`data/synonyms.txt`, made by `scripts/gen_synonyms.py`): two words
//!   are near-synonyms when their class lists intersect (enlargement ~
//!   expansion, denounce ~ criticize, oppose ~ opposition). The relation is
//!   not transitive, so classes never snowball into huge groups.
//! * Paraphrase groups (`data/paraphrases.txt`, curated) add the classes
//!   WordNet misses, words independent translations of one quote use for
//!   the same thing (renounce ~ reject, approaches ~ methods, soldiers ~
//!   troops).
//! * Discourse markers ("for its part", "in particular") are dropped.

use std::collections::HashMap;

use rust_stemmers::Stemmer;

use crate::actors::{ActorKind, ActorModel};
use crate::model::{Article, Corpus};
use crate::phrases::PatternSet;
use crate::token::{english_stemmer, stem_word};

/// The reduced WordNet table: `word class class ...`, classes in base 36.
const SYNONYMS: &str = include_str!("../../data/synonyms.txt");

/// Curated paraphrase groups of news reporting (`data/paraphrases.txt`):
/// one class per line, numbered from `PARAPHRASE_BASE`.
const PARAPHRASES: &str = include_str!("../../data/paraphrases.txt");
const PARAPHRASE_BASE: u32 = 1 << 24;

/// English function words and reporting clichés with no evidential value.
pub(crate) const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "few",
    "for",
    "from",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "said",
    "say",
    "says",
    "told",
    "according",
    "per",
    "via",
    "its",
    "it's",
    "also",
    "still",
    "however",
    "well",
    "would",
    "one",
    "two",
    "new",
    "s",
    "t",
    "mr",
    "ms",
    "mrs",
];

/// Discourse markers: phrases that link a sentence to the text around it
/// ("for its part", "in particular") and say nothing of its content. Their
/// words are dropped like stopwords (alone, "part" and "particular" are
/// content words).
const DISCOURSE: &[&str] = &[
    "for its part",
    "for their part",
    "for his part",
    "for her part",
    "in particular",
    "in this sense",
    "in that sense",
    "what's more",
    "on the other hand",
    "in addition",
    "in turn",
    "at the same time",
    "in this regard",
    "in this context",
    "for its own part",
];

/// Words of any news report that say little about its content (with the
/// days of the week): they count in a score, but a link needs evidence
/// beyond them and actors' names.
const GENERIC: &[&str] = &[
    "say",
    "said",
    "says",
    "tell",
    "told",
    "state",
    "stated",
    "statement",
    "declare",
    "declared",
    "announce",
    "announced",
    "according",
    "report",
    "reported",
    "reports",
    "official",
    "officials",
    "leader",
    "leaders",
    "president",
    "minister",
    "government",
    "country",
    "countries",
    "nation",
    "nations",
    "two",
    "one",
    "new",
    "year",
    "years",
    "week",
    "day",
    "today",
    "time",
    "meet",
    "met",
    "meeting",
    "talks",
    "news",
    "people",
    "world",
    "include",
    "including",
    "last",
    "first",
    "well",
    "part",
    "side",
    "issue",
    "issues",
    "mr",
    "ms",
    "percent",
    "make",
    "made",
    "see",
    "seem",
    "use",
    "used",
    "come",
    "way",
    "like",
    "already",
    "several",
    "elsewhere",
    "take",
    "give",
    "get",
    "many",
    "much",
    "other",
    "others",
    "since",
    "however",
    "still",
    "according",
    "added",
    "noted",
    "stressed",
];

/// The concept map of one corpus: per stem, the concept it stands for
/// (stopwords dropped, aliases folded), its synonym classes and whether it
/// is a number or a generic word.
pub struct ConceptMap {
    /// For each vocab stem: its concept id (`u32::MAX` = stopword).
    /// Concepts `< vocab.len()` are stems; above are actor concepts.
    pub concept: Vec<u32>,
    /// Synonym classes of each concept (sorted), empty for most.
    pub classes: Vec<Vec<u32>>,
    /// Whether the stem is a number.
    pub numeric: Vec<bool>,
    /// Whether the stem is a specific figure (see [`Self::is_specific_figure`]).
    specific: Vec<bool>,
    /// Actor names of several words, discourse markers and paraphrases:
    /// stem id sequence -> concept ([`STOP`] for a discourse marker); the
    /// longest match wins, the first added on a tie.
    phrases: PatternSet<u32, u32>,
    /// Actor names of one word: stem -> (actor concept, written in
    /// capitals), counted only when the token is written so.
    names: NameMap,
    /// Number of concepts (stems + actors + paraphrases).
    pub concept_count: u32,
    /// Whether a concept names an actor or is a generic news word.
    generic: Vec<bool>,
    /// Whether a concept names a person.
    person: Vec<bool>,
    /// Whether a concept is a name (see `specifics.rs`).
    name: Vec<bool>,
    /// The concepts of the actor model's actors.
    actors: std::ops::Range<u32>,
}

/// The concept of a stopword: no concept.
pub const STOP: u32 = u32::MAX;

fn parse_base36(s: &str) -> Option<u32> {
    u32::from_str_radix(s, 36).ok()
}

/// The paraphrase groups, numbered: one class per non-comment line.
fn paraphrase_lines() -> impl Iterator<Item = (u32, &'static str)> {
    PARAPHRASES.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).enumerate().map(|(k, l)| (k as u32, l))
}

/// The synonym table keyed by stem (classes of all words with that stem).
pub fn synonym_table(stemmer: &Stemmer) -> HashMap<String, Vec<u32>> {
    let mut map: HashMap<String, Vec<u32>> = HashMap::new();
    for line in SYNONYMS.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        let Some(word) = parts.next() else { continue };
        let entry = map.entry(stem_word(stemmer, word)).or_default();
        entry.extend(parts.filter_map(parse_base36));
    }
    // Curated paraphrase groups: class numbers above WordNet's.
    for (k, line) in paraphrase_lines() {
        for word in line.split_whitespace().filter(|w| !w.contains('_')) {
            map.entry(stem_word(stemmer, word)).or_default().push(PARAPHRASE_BASE + k);
        }
    }
    for v in map.values_mut() {
        crate::sort::ord(v);
        v.dedup();
    }
    map
}

impl ConceptMap {
    /// The concept map of `corpus`'s vocabulary.
    pub fn new(corpus: &Corpus) -> ConceptMap {
        let stemmer = english_stemmer();
        let vocab = &corpus.vocab;
        let n = vocab.len() as u32;
        let index: HashMap<&str, u32> = vocab.iter().enumerate().map(|(i, s)| (s.as_str(), i as u32)).collect();
        let mut concept: Vec<u32> = (0..n).collect();
        let stop: Vec<String> = STOPWORDS.iter().map(|w| stem_word(&stemmer, w)).collect();
        for s in &stop {
            if let Some(&i) = index.get(s.as_str()) {
                concept[i as usize] = STOP;
            }
        }
        let actors = ActorModel::find(corpus);
        let (mut phrases, names) = actor_names(&actors, &index, n);
        let first_phrase = n + actors.actors.len() as u32;
        for phrase in DISCOURSE {
            let stems: Vec<String> = crate::token::stems_of(phrase);
            let ids: Option<Vec<u32>> = stems.iter().map(|s| index.get(s.as_str()).copied()).collect();
            if let Some(ids) = ids.filter(|ids| ids.len() > 1) {
                phrases.push((ids, STOP));
            }
        }
        // Multi-word paraphrases ("end_to" in a group: "an end to" one
        // concept of that class), each a concept after the aliases.
        let mut phrase_classes: Vec<u32> = Vec::new();
        for (k, line) in paraphrase_lines() {
            for word in line.split_whitespace().filter(|w| w.contains('_')) {
                let stems: Vec<String> = crate::token::stems_of(&word.replace('_', " "));
                let ids: Option<Vec<u32>> = stems.iter().map(|s| index.get(s.as_str()).copied()).collect();
                if let Some(ids) = ids.filter(|ids| ids.len() > 1) {
                    let id = first_phrase + phrase_classes.len() as u32;
                    phrases.push((ids, id));
                    phrase_classes.push(PARAPHRASE_BASE + k);
                }
            }
        }
        let mut phrase_set = PatternSet::new();
        for (ids, id) in phrases {
            phrase_set.add_words(ids, id);
        }
        let table = synonym_table(&stemmer);
        let concept_count = first_phrase + phrase_classes.len() as u32;
        let mut classes = vec![Vec::new(); concept_count as usize];
        for (p, &k) in phrase_classes.iter().enumerate() {
            classes[first_phrase as usize + p] = vec![k];
        }
        let mut numeric = vec![false; n as usize];
        let mut specific = vec![false; n as usize];
        for (i, s) in vocab.iter().enumerate() {
            numeric[i] = s.chars().next().is_some_and(|c| c.is_ascii_digit());
            specific[i] = numeric[i] && specific_figure(s);
            let c = concept[i];
            if c == i as u32 {
                if let Some(cl) = table.get(s.as_str()) {
                    classes[i] = cl.clone();
                }
            }
        }
        let mut generic = vec![false; concept_count as usize];
        let mut person = vec![false; concept_count as usize];
        // States are named in most sentences of a topic: like generic
        // words, they are not evidence of one fact.
        for (k, a) in actors.actors.iter().enumerate() {
            generic[n as usize + k] = a.kind == ActorKind::State;
            person[n as usize + k] = a.kind == ActorKind::Person;
        }
        for w in GENERIC.iter().chain(crate::actors::WEEKDAYS) {
            if let Some(&i) = index.get(stem_word(&stemmer, w).as_str()) {
                if concept[i as usize] == i {
                    generic[i as usize] = true;
                }
            }
        }
        ConceptMap {
            concept,
            classes,
            numeric,
            specific,
            phrases: phrase_set,
            names,
            concept_count,
            generic,
            person,
            name: Vec::new(),
            actors: n..first_phrase,
        }
    }

    /// The concepts of tokens `[first, first + count)` of `article`, with
    /// the index of the token each starts at (stopwords dropped).
    pub fn concepts(&self, article: &Article, first: usize, count: usize) -> Vec<(usize, u32)> {
        let toks = &article.tokens[first..first + count];
        let stems: Vec<u32> = toks.iter().map(|t| t.stem).collect();
        let mut out = Vec::with_capacity(toks.len());
        let mut i = 0;
        while i < toks.len() {
            if let Some((end, id)) = self.phrases.longest(&stems, i) {
                if id != STOP {
                    out.push((first + i, id));
                }
                i = end;
                continue;
            }
            let t = toks[i];
            let w = article.text.get(t.span.range()).unwrap_or("");
            let c = self.concept.get(t.stem as usize).copied().unwrap_or(STOP);
            if let Some(&(actor, _)) = self.names.get(&t.stem).filter(|&&(_, caps)| written_as_name(w, caps)) {
                // "US" is the United States, "us" a pronoun.
                out.push((first + i, actor));
            } else if c != STOP && (w.chars().count() > 1 || w.chars().all(|ch| ch.is_ascii_digit())) {
                out.push((first + i, c));
            }
            i += 1;
        }
        out
    }

    /// Marks a concept as not distinctive (see `GENERIC`).
    pub fn mark_generic(&mut self, concept: u32) {
        if let Some(g) = self.generic.get_mut(concept as usize) {
            *g = true;
        }
    }

    /// Whether `concept` names an actor or is a generic news word.
    pub fn is_generic(&self, concept: u32) -> bool {
        self.generic.get(concept as usize).copied().unwrap_or(false)
    }

    /// Whether `concept` names a person.
    pub fn is_person(&self, concept: u32) -> bool {
        self.person.get(concept as usize).copied().unwrap_or(false)
    }

    /// Marks a concept as a name (see `specifics.rs`).
    pub fn mark_name(&mut self, concept: u32) {
        let c = concept as usize;
        if self.name.len() <= c {
            self.name.resize(c + 1, false);
        }
        self.name[c] = true;
    }

    /// Whether `concept` is a name (see `specifics.rs`).
    pub fn is_name(&self, concept: u32) -> bool {
        self.name.get(concept as usize).copied().unwrap_or(false)
    }

    /// Whether `concept` is one of the actor model's actors.
    pub fn is_actor(&self, concept: u32) -> bool {
        self.actors.contains(&concept)
    }

    /// Whether `concept` is a number.
    pub fn is_numeric(&self, concept: u32) -> bool {
        self.numeric.get(concept as usize).copied().unwrap_or(false)
    }

    /// Whether `concept` is a specific figure: a number of three digits or
    /// more, or with a decimal part, that is not a year ("100,000", "6.1",
    /// "971.52"; not "2021", "12").
    pub fn is_specific_figure(&self, concept: u32) -> bool {
        self.specific.get(concept as usize).copied().unwrap_or(false)
    }
}

/// See [`ConceptMap::is_specific_figure`]: `s` is a number token's stem.
fn specific_figure(s: &str) -> bool {
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.')).collect();
    let count = digits.chars().filter(char::is_ascii_digit).count();
    let year = count == 4 && digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
    let decimal = digits.trim_end_matches('.').contains('.');
    !year && (count >= 3 || (decimal && count >= 2))
}

/// Actor names of one word: stem -> (actor concept, written in capitals).
type NameMap = HashMap<u32, (u32, bool)>;

/// Whether `w` is written as a name: capitalised, or in capitals for a
/// name written so ("US").
fn written_as_name(w: &str, caps: bool) -> bool {
    if caps {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    } else {
        w.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Actor names on the vocabulary: names of several words as stem
/// sequences (for the phrase set), names of one word by stem. Actor `k`
/// is concept `n + k`; a stem already naming an actor keeps the first.
fn actor_names(actors: &ActorModel, index: &HashMap<&str, u32>, n: u32) -> (Vec<(Vec<u32>, u32)>, NameMap) {
    let mut phrases = Vec::new();
    let mut names = NameMap::new();
    for (k, a) in actors.actors.iter().enumerate() {
        let id = n + k as u32;
        for v in std::iter::once(&a.name).chain(&a.variants) {
            let stems: Vec<String> = crate::token::stems_of(v);
            let ids: Option<Vec<u32>> = stems.iter().map(|s| index.get(s.as_str()).copied()).collect();
            let Some(ids) = ids else { continue };
            if ids.len() == 1 {
                let caps = !v.chars().any(char::is_lowercase);
                names.entry(ids[0]).or_insert((id, caps));
            } else if !ids.is_empty() {
                phrases.push((ids, id));
            }
        }
    }
    (phrases, names)
}
