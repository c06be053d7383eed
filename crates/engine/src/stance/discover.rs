//! A lexicon found in the text, for corpora that come without one: the
//! actors of the actor model, and as issues the targets that stance cues
//! govern ("oppose any further enlargement of NATO" gives "enlargement of
//! NATO"), normalised and grouped across articles.
//!
//! A target starts after the cue, past determiners, quantifiers
//! ("any", "further", "new"), a preposition ("opposition to", "concerned
//! about", "call for") and a reversing cue ("an end to"; after "call on X
//! to", past the verb). It runs over content words, through "of" and
//! possessives, up to a function word, a comma or clause boundary, another
//! cue, or five content words. Targets are grouped when their content
//! words match one to one, by stem or by a shared synonym class (WordNet,
//! as the passage finder reads it): "NATO expansion", "enlargement of
//! NATO" and "further NATO enlargement" are one issue, named by its most
//! frequent wording. Each wording becomes one of the issue's phrases, so
//! statements are then found exactly as for a hand-written lexicon.

use std::collections::{BTreeMap, HashMap};

use super::cues::CueKind;
use super::sentence::{analyse_sentence, is_determiner, Matchers, SentenceInfo};
use crate::actors::{ActorKind, ActorModel};
use crate::lexicon::{Actor, Issue, Lexicon};
use crate::model::Corpus;
use crate::passages::concepts::{synonym_table, STOPWORDS};
use crate::token;

/// Words skipped between a cue and its target.
const SKIPPED: &[&str] = &[
    "any",
    "further",
    "new",
    "future",
    "possible",
    "more",
    "such",
    "every",
    "each",
    "to",
    "for",
    "about",
    "over",
    "of",
    "on",
    "with",
    "regarding",
    "at",
];

/// Content words at most in one target.
const MAX_WORDS: usize = 5;

/// One target as found: its words as written, and their stems.
struct Target {
    words: Vec<String>,
    stems: Vec<String>,
}

/// A lexicon found in the text, with how often each entry was found.
#[derive(Clone, Debug, PartialEq)]
pub struct Discovered {
    /// The actors and issues.
    pub lexicon: Lexicon,
    /// Per actor, its mentions.
    pub actor_mentions: Vec<u32>,
    /// Per issue, the cue targets grouped into it.
    pub issue_mentions: Vec<usize>,
}

/// The lexicon found in `corpus`: the actors of `actors` (each with its
/// variants as aliases) and the issues its stance cues govern, those
/// found at least `min_mentions` times, most mentioned first.
pub fn discover(corpus: &Corpus, actors: &ActorModel, min_mentions: usize) -> Discovered {
    // A variant several actors share ("Bush") names none of them.
    let mut owners: HashMap<&str, usize> = HashMap::new();
    for a in &actors.actors {
        for v in a.variants.iter().chain(std::iter::once(&a.name)) {
            *owners.entry(v.as_str()).or_default() += 1;
        }
    }
    let lex_actors: Vec<Actor> = actors
        .actors
        .iter()
        .filter(|a| !crate::actors::is_title_only(&a.name))
        .map(|a| {
            let mut aliases = vec![a.name.clone()];
            aliases.extend(a.variants.iter().filter(|v| **v != a.name && owners[v.as_str()] == 1).cloned());
            Actor { name: a.name.clone(), kind: Some(kind_name(a.kind).to_string()), aliases }
        })
        .collect();
    let lex = Lexicon { actors: lex_actors, issues: Vec::new() };
    let matchers = Matchers::new(&lex, true);
    // An actor's name is who holds a position, not an issue.
    let names: std::collections::HashSet<String> =
        lex.actors.iter().flat_map(|a| a.aliases.iter().map(|n| n.to_lowercase())).collect();
    let mut targets = Vec::new();
    for art in &corpus.articles {
        for si in 0..art.sentences.len() {
            let info = analyse_sentence(corpus, art, si, &matchers);
            sentence_targets(&info, &mut targets);
        }
    }
    targets.retain(|t| !names.contains(&t.words.join(" ").to_lowercase()) && nominal(t));
    let (issues, issue_mentions) = group(targets, min_mentions).into_iter().unzip();
    Discovered {
        lexicon: Lexicon { actors: lex.actors, issues },
        actor_mentions: actors
            .actors
            .iter()
            .filter(|a| !crate::actors::is_title_only(&a.name))
            .map(|a| a.mentions)
            .collect(),
        issue_mentions,
    }
}

/// The name of an actor kind, as in a lexicon.
fn kind_name(k: ActorKind) -> &'static str {
    match k {
        ActorKind::State => "state",
        ActorKind::Person => "person",
        ActorKind::Organisation => "organisation",
    }
}

/// The targets of the stance cues of one sentence.
fn sentence_targets(info: &SentenceInfo, out: &mut Vec<Target>) {
    for (ci, cue) in info.cues.iter().enumerate() {
        if cue.passive || !matches!(cue.kind, CueKind::Stance(_) | CueKind::Directive) {
            continue;
        }
        let directive = cue.kind == CueKind::Directive;
        if let Some(t) = target_after(info, ci, directive) {
            out.push(t);
        }
    }
}

/// Whether token `k` starts a cue of one of `kinds`; the cue's end.
fn cue_at(info: &SentenceInfo, k: usize, stance_too: bool) -> Option<usize> {
    info.cues
        .iter()
        .find(|c| c.start == k && (c.kind == CueKind::Inverter || (stance_too && matches!(c.kind, CueKind::Stance(_)))))
        .map(|c| c.end)
}

/// The target of cue `ci`, if it has one.
fn target_after(info: &SentenceInfo, ci: usize, directive: bool) -> Option<Target> {
    let toks = &info.toks;
    let n = toks.len();
    let mut k = info.cues[ci].end;
    if directive {
        // "call on X to V ...", "urge X to V ...": the target follows the
        // verb after "to", within six words.
        let to = (k..n.min(k + 7)).find(|&j| toks[j].norm == "to" && !toks[j].comma_before)?;
        k = to + 1;
        if k < n && cue_at(info, k, true).is_none() {
            k += 1;
        }
    }
    // Determiners, quantifiers, prepositions and reversing cues.
    loop {
        if k >= n || (k > info.cues[ci].end && (toks[k].comma_before || toks[k].boundary_before)) {
            return None;
        }
        if let Some(end) = cue_at(info, k, false) {
            k = end;
        } else if is_determiner(&toks[k].norm) || SKIPPED.contains(&toks[k].norm.as_str()) {
            k += 1;
        } else {
            break;
        }
    }
    let mut words = Vec::new();
    let mut stems = Vec::new();
    let mut j = k;
    while j < n && stems.len() < MAX_WORDS {
        let t = &toks[j];
        if j > k && (t.comma_before || t.boundary_before) {
            break;
        }
        if info.cues.iter().any(|c| c.start == j) {
            break;
        }
        let w = t.norm.as_str();
        if w == "of" && j > k {
            // "enlargement of [the] NATO": through "of" and determiners.
            let next = (j + 1..n).find(|&m| !is_determiner(&toks[m].norm));
            match next {
                Some(m) if m < n && !is_function(&toks[m].norm) && !toks[m].comma_before => {
                    words.extend(toks[j..m].iter().map(|t| t.text.to_string()));
                    j = m;
                    continue;
                }
                _ => break,
            }
        }
        if is_function(w) || !w.chars().any(char::is_alphanumeric) {
            break;
        }
        words.push(t.text.to_string());
        stems.push(t.stem.to_string());
        j += 1;
    }
    if stems.is_empty() {
        return None;
    }
    Some(Target { words, stems })
}

/// Whether a target reads as a noun phrase: several words, a name, or a
/// word with a noun's ending ("violence", "sanctions", "enlargement"; not
/// "build", "progress" as a verb cannot be told from the noun).
fn nominal(t: &Target) -> bool {
    const ENDINGS: &[&str] =
        &["tion", "sion", "ment", "ism", "ity", "ance", "ence", "ship", "ness", "age", "ure", "cy"];
    match t.words.as_slice() {
        [w] => {
            let lower = w.to_lowercase();
            w.chars().next().is_some_and(char::is_uppercase)
                || ENDINGS.iter().any(|e| lower.ends_with(e))
                || (lower.ends_with('s') && !lower.ends_with("ss"))
        }
        _ => true,
    }
}

/// A function word: a stopword that is not a quantity.
fn is_function(w: &str) -> bool {
    STOPWORDS.contains(&w) || SKIPPED.contains(&w) || is_determiner(w)
}

/// Targets grouped into issues: content words matched one to one, by stem
/// or by a shared synonym class; groups of at least `min_mentions`
/// targets, most mentioned first, each named by its most frequent wording.
fn group(targets: Vec<Target>, min_mentions: usize) -> Vec<(Issue, usize)> {
    let stemmer = token::english_stemmer();
    let table = synonym_table(&stemmer);
    // Distinct wordings, by their stems.
    // Each wording's first spelling, for labels.
    let mut spelling: HashMap<String, String> = HashMap::new();
    let mut by_key: BTreeMap<Vec<String>, BTreeMap<String, usize>> = BTreeMap::new();
    for t in &targets {
        let mut key = t.stems.clone();
        crate::sort::ord(&mut key);
        key.dedup();
        let written = t.words.join(" ");
        let lower = written.to_lowercase();
        spelling.entry(lower.clone()).or_insert(written);
        *by_key.entry(key).or_default().entry(lower).or_default() += 1;
    }
    let keys: Vec<&Vec<String>> = by_key.keys().collect();
    let classes = |s: &String| table.get(s.as_str()).map(Vec::as_slice).unwrap_or(&[]);
    let same = |a: &String, b: &String| a == b || classes(a).iter().any(|c| classes(b).binary_search(c).is_ok());
    let matches = |x: &[String], y: &[String]| {
        x.len() == y.len()
            && x.iter().all(|a| y.iter().any(|b| same(a, b)))
            && y.iter().all(|b| x.iter().any(|a| same(a, b)))
    };
    // Candidate pairs share the same number of words and one stem or class.
    let mut index: HashMap<(usize, String), Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        for s in k.iter() {
            index.entry((k.len(), s.clone())).or_default().push(i);
            for c in classes(s) {
                index.entry((k.len(), format!("#{c}"))).or_default().push(i);
            }
        }
    }
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let mut lists: Vec<&Vec<usize>> = index.values().collect();
    crate::sort::by(&mut lists, |a, b| a.cmp(b));
    for list in lists {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                if ri != rj && matches(keys[i], keys[j]) {
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, BTreeMap<String, usize>> = BTreeMap::new();
    for (i, wordings) in by_key.values().enumerate() {
        let r = root(&mut parent, i);
        for (w, n) in wordings {
            *groups.entry(r).or_default().entry(w.clone()).or_default() += n;
        }
    }
    let mut issues: Vec<(Issue, usize)> = groups
        .into_values()
        .filter_map(|wordings| {
            let total: usize = wordings.values().sum();
            if total < min_mentions {
                return None;
            }
            let label = wordings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.len().cmp(&a.0.len())).then(b.0.cmp(a.0)))
                .map(|(w, _)| spelling.get(w).cloned().unwrap_or_else(|| w.clone()))?;
            let phrases: Vec<String> = wordings.into_keys().collect();
            Some((Issue { name: label, description: None, phrases }, total))
        })
        .collect();
    crate::sort::by(&mut issues, |a, b| b.1.cmp(&a.1).then(a.0.name.cmp(&b.0.name)));
    issues
}
