//! The corpus pass: candidates of every sentence, registered as actors
//! (long forms first, so that a single name word or an acronym used
//! before its definition still finds them), then resolved in text order.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::gazetteer::Gazetteer;
use super::recognise::{candidates, Cand, CandKind, Words};
use super::{groups, Actor, ActorKind, ActorMention, ActorModel};
use crate::model::{Article, Corpus};
use crate::token::fold_word;

/// A candidate found: (sentence, the sentence's first token, candidate).
type Found = (u32, usize, Cand);

/// The folded form of a word as names are matched: dots dropped from a
/// word in capitals ("U.S." -> "us").
pub(super) fn fold_name(w: &str) -> String {
    let f = fold_word(w);
    if w.chars().any(char::is_uppercase) && !w.chars().any(char::is_lowercase) {
        f.replace('.', "")
    } else {
        f
    }
}

/// The words of sentence `s` of `a`, with the text before each.
pub(super) fn sentence_words(a: &Article, s: usize) -> (Vec<&str>, Vec<String>, Vec<&str>) {
    let Some(sent) = a.sentences.get(s) else { return Default::default() };
    let first = sent.first_token as usize;
    let toks = a.tokens.get(first..first + sent.token_count as usize).unwrap_or(&[]);
    let mut prev = sent.span.start as usize;
    let mut texts = Vec::with_capacity(toks.len());
    let mut gaps = Vec::with_capacity(toks.len());
    for t in toks {
        gaps.push(a.text.get(prev..t.span.start as usize).unwrap_or(""));
        texts.push(a.text.get(t.span.range()).unwrap_or(""));
        prev = t.span.end as usize;
    }
    let folded = texts.iter().map(|w| fold_name(w)).collect();
    (texts, folded, gaps)
}

/// Words the corpus writes more often in lowercase than capitalised
/// inside a sentence: common words, not names.
fn common_words(corpus: &Corpus) -> HashSet<String> {
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for a in &corpus.articles {
        for s in &a.sentences {
            let first = s.first_token as usize;
            for (k, t) in a.tokens.iter().skip(first).take(s.token_count as usize).enumerate() {
                let w = a.text.get(t.span.range()).unwrap_or("");
                let lower = w.chars().next().is_some_and(char::is_lowercase);
                if k == 0 && !lower {
                    continue;
                }
                let e = counts.entry(fold_word(w)).or_default();
                if lower {
                    e.0 += 1;
                } else {
                    e.1 += 1;
                }
            }
        }
    }
    counts.into_iter().filter(|(_, (l, c))| l > c).map(|(w, _)| w).collect()
}

/// The candidates of every sentence of `a`.
fn article_cands(a: &Article, gaz: &Gazetteer, common: &dyn Fn(&str) -> bool) -> Vec<Found> {
    let mut out = Vec::new();
    for (si, sent) in a.sentences.iter().enumerate() {
        let (texts, folded, gaps) = sentence_words(a, si);
        let folded: Vec<&str> = folded.iter().map(String::as_str).collect();
        let words = Words { texts, folded, gaps };
        for c in candidates(&words, gaz, common) {
            out.push((si as u32, sent.first_token as usize, c));
        }
    }
    out
}

/// The actors found so far, with their keys, votes and variant counts.
#[derive(Default)]
struct Registry {
    actors: Vec<Actor>,
    keys: HashMap<(ActorKind, String), u32>,
    states: HashMap<u32, u32>,
    acronyms: HashMap<String, u32>,
    affiliation_votes: Vec<BTreeMap<u32, u32>>,
    variant_counts: Vec<BTreeMap<String, u32>>,
    /// Each actor's name, lowercased.
    lower: Vec<String>,
}

impl Registry {
    fn get(&mut self, kind: ActorKind, name: &str) -> u32 {
        let key = (kind, name.to_lowercase());
        if let Some(&id) = self.keys.get(&key) {
            return id;
        }
        let id = self.actors.len() as u32;
        let actor = Actor { name: name.to_string(), kind, affiliation: None, variants: Vec::new(), mentions: 0 };
        self.actors.push(actor);
        self.affiliation_votes.push(BTreeMap::new());
        self.variant_counts.push(BTreeMap::new());
        self.lower.push(key.1.clone());
        self.keys.insert(key, id);
        id
    }

    fn state(&mut self, gaz: &Gazetteer, st: u32) -> u32 {
        if let Some(&id) = self.states.get(&st) {
            return id;
        }
        let id = self.get(ActorKind::State, gaz.names.get(st as usize).copied().unwrap_or(""));
        self.states.insert(st, id);
        id
    }

    /// Registers a long form (a state, a full name, an organisation) and
    /// the acronym it defines.
    fn long_form(&mut self, gaz: &Gazetteer, c: &Cand) -> Option<u32> {
        let id = match c.kind {
            CandKind::State(st, _) => self.state(gaz, st),
            CandKind::Person => self.get(ActorKind::Person, &c.name),
            CandKind::Org => self.get(ActorKind::Organisation, &c.name),
            _ => return None,
        };
        if let Some(acr) = &c.defines {
            self.acronyms.entry(acr.clone()).or_insert(id);
        }
        Some(id)
    }

    fn note(&mut self, id: u32, c: &Cand, gaz: &Gazetteer) {
        *self.variant_counts[id as usize].entry(c.name.clone()).or_default() += 1;
        if let Some(st) = c.affiliation {
            let s = self.state(gaz, st);
            if s != id {
                *self.affiliation_votes[id as usize].entry(s).or_default() += 1;
            }
        }
    }
}

/// The person a single name word stands for: the latest person of the
/// article with that last word (or any name word), else the only person of
/// the corpus with that last word.
fn single(word: &str, recent: &[u32], reg: &Registry, surnames: &HashMap<String, Vec<u32>>) -> Option<u32> {
    let w = word.to_lowercase();
    let words_of = |id: u32| reg.lower[id as usize].as_str();
    let last = |id: &&u32| words_of(**id).rsplit(' ').next() == Some(w.as_str());
    let any = |id: &&u32| words_of(**id).split(' ').any(|x| x == w);
    if let Some(&id) = recent.iter().rev().find(last).or_else(|| recent.iter().rev().find(any)) {
        return Some(id);
    }
    surnames.get(&w).filter(|l| l.len() == 1).map(|l| l[0])
}

/// The initials of a name of several words ("European Union" -> "EU"),
/// joiners skipped.
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> =
        name.split([' ', '-']).filter(|w| !super::words::is_in(super::words::JOINERS, &w.to_lowercase())).collect();
    (words.len() >= 2).then(|| words.iter().filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect())
}

/// Acronyms never defined in parentheses that are the initials of exactly
/// one organisation or state found ("EU" after "European Union").
fn implied_acronyms(reg: &mut Registry) {
    let mut by_initials: HashMap<String, Vec<u32>> = HashMap::new();
    for (id, a) in reg.actors.iter().enumerate().filter(|(_, a)| a.kind != ActorKind::Person) {
        if let Some(i) = initials(&a.name) {
            by_initials.entry(i).or_default().push(id as u32);
        }
    }
    let mut implied: Vec<(String, u32)> =
        by_initials.into_iter().filter(|(_, ids)| ids.len() == 1).map(|(i, ids)| (i, ids[0])).collect();
    crate::sort::ord(&mut implied);
    for (i, id) in implied {
        reg.acronyms.entry(i).or_insert(id);
    }
}

/// Finds the actors of `corpus` (see the module docs).
pub(super) fn find(corpus: &Corpus) -> ActorModel {
    let gaz = Gazetteer::new();
    let common = common_words(corpus);
    let is_common = |w: &str| common.contains(w);
    let found: Vec<Vec<Found>> = corpus.articles.iter().map(|a| article_cands(a, &gaz, &is_common)).collect();
    let mut reg = Registry::default();
    for (_, _, c) in found.iter().flatten() {
        reg.long_form(&gaz, c);
    }
    implied_acronyms(&mut reg);
    let mut surnames: HashMap<String, Vec<u32>> = HashMap::new();
    for (id, a) in reg.actors.iter().enumerate().filter(|(_, a)| a.kind == ActorKind::Person) {
        if let Some(last) = a.name.to_lowercase().rsplit(' ').next() {
            surnames.entry(last.to_string()).or_default().push(id as u32);
        }
    }
    let mut mentions = Vec::with_capacity(found.len());
    for list in &found {
        let mut recent: Vec<u32> = Vec::new();
        let mut out = Vec::new();
        for (sentence, first, c) in list {
            let id = match &c.kind {
                CandKind::Acronym => {
                    let letters: String = c.name.chars().filter(|ch| ch.is_alphabetic()).collect();
                    Some(
                        reg.acronyms
                            .get(&letters)
                            .copied()
                            .unwrap_or_else(|| reg.get(ActorKind::Organisation, &letters)),
                    )
                }
                CandKind::Single(titled) => single(&c.name, &recent, &reg, &surnames)
                    .or_else(|| titled.then(|| reg.get(ActorKind::Person, &c.name))),
                _ => reg.long_form(&gaz, c),
            };
            let Some(id) = id else { continue };
            if reg.actors[id as usize].kind == ActorKind::Person {
                // The people of the article, latest last, each once.
                recent.retain(|&r| r != id);
                recent.push(id);
            }
            reg.note(id, c, &gaz);
            let (start, end) = ((first + c.start) as u32, (first + c.end) as u32);
            out.push(ActorMention { sentence: *sentence, start, end, actor: id, group: false });
        }
        mentions.push(out);
    }
    finish(reg, mentions, corpus)
}

/// Counts, variants and affiliations; groups; actors renumbered in order
/// of first mention.
fn finish(mut reg: Registry, mut mentions: Vec<Vec<ActorMention>>, corpus: &Corpus) -> ActorModel {
    for (id, a) in reg.actors.iter_mut().enumerate() {
        let counts = &reg.variant_counts[id];
        a.mentions = counts.values().sum();
        let mut v: Vec<(&String, &u32)> = counts.iter().collect();
        crate::sort::by(&mut v, |x, y| y.1.cmp(x.1).then_with(|| x.0.cmp(y.0)));
        a.variants = v.into_iter().map(|(s, _)| s.clone()).collect();
        let votes = &reg.affiliation_votes[id];
        a.affiliation = votes.iter().max_by(|x, y| x.1.cmp(y.1).then_with(|| y.0.cmp(x.0))).map(|(&s, _)| s);
    }
    let mut order: Vec<u32> = Vec::new();
    let mut seen = vec![false; reg.actors.len()];
    for m in mentions.iter().flatten() {
        if !std::mem::replace(&mut seen[m.actor as usize], true) {
            order.push(m.actor);
        }
    }
    let mut new_id = vec![u32::MAX; reg.actors.len()];
    for (k, &old) in order.iter().enumerate() {
        new_id[old as usize] = k as u32;
    }
    let mut actors: Vec<Actor> = order.iter().map(|&old| reg.actors[old as usize].clone()).collect();
    for a in &mut actors {
        a.affiliation = a.affiliation.map(|s| new_id[s as usize]).filter(|&s| s != u32::MAX);
    }
    for list in &mut mentions {
        for m in list.iter_mut() {
            m.actor = new_id[m.actor as usize];
        }
    }
    for (ai, list) in mentions.iter_mut().enumerate() {
        let extra = groups::resolve(&corpus.articles[ai], list, &actors);
        list.extend(extra);
        crate::sort::by_key(list, |m| (m.sentence, m.start, m.end, m.actor));
    }
    ActorModel { actors, mentions }
}
