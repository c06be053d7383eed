//! Groups: "the two leaders", "both countries", "the parties" (the noun
//! phrases of the stance engine's plural anaphora), resolved to the two
//! actors of that kind the article names most often before the group.

use super::corpus::sentence_words;
use super::{Actor, ActorKind, ActorMention};
use crate::model::Article;
use crate::phrases::PatternSet;
use crate::stance::PLURAL_ANAPHORA;

/// The kind of actor a group's noun asks for, if it says.
fn kind_of(phrase: &str) -> Option<ActorKind> {
    let has = |ws: &[&str]| phrase.split(' ').any(|w| ws.contains(&w));
    if has(&["leaders", "presidents", "heads"]) {
        Some(ActorKind::Person)
    } else if has(&["countries", "capitals", "nations", "states"]) {
        Some(ActorKind::State)
    } else {
        None
    }
}

/// The group phrases: noun phrases of two words or more, not the
/// statement itself.
fn patterns() -> PatternSet<Option<ActorKind>> {
    let mut set = PatternSet::new();
    for p in PLURAL_ANAPHORA {
        if p.contains(' ') && !p.contains("statement") && !p.contains("declaration") {
            set.add(p, None, kind_of(p));
        }
    }
    set
}

/// The mentions named so far: per actor, (count, order of its latest
/// mention).
type Tally = std::collections::BTreeMap<u32, (u32, usize)>;

/// The two actors a group stands for among the mentions before it: the
/// two named most often there (the article's protagonists: "the two
/// sides"), the latest first on a tie; a person and the state of their
/// title count as one side.
fn protagonists(tally: &Tally, kind: Option<ActorKind>, actors: &[Actor]) -> Option<[u32; 2]> {
    let fits = |a: u32| kind.is_none_or(|k| actors.get(a as usize).is_some_and(|x| x.kind == k));
    let tied = |x: u32, y: u32| actors.get(x as usize).is_some_and(|a| a.affiliation == Some(y));
    let best = |skip: Option<u32>| {
        let ok = |a: u32| fits(a) && skip.is_none_or(|s| s != a && !tied(s, a) && !tied(a, s));
        tally.iter().filter(|(&a, _)| ok(a)).max_by_key(|(_, &(n, last))| (n, last)).map(|(&a, _)| a)
    };
    let first = best(None)?;
    // "Russian President Vladimir Putin" is one side, not two.
    Some([first, best(Some(first))?])
}

/// The mentions the groups of `article` stand for, given its named
/// mentions (in text order).
pub(super) fn resolve(article: &Article, named: &[ActorMention], actors: &[Actor]) -> Vec<ActorMention> {
    let set = patterns();
    let mut out = Vec::new();
    let mut tally = Tally::new();
    let mut next = 0;
    for (si, sent) in article.sentences.iter().enumerate() {
        let (_, folded, _) = sentence_words(article, si);
        let folded: Vec<&str> = folded.iter().map(String::as_str).collect();
        let first = sent.first_token as usize;
        let mut j = 0;
        while j < folded.len() {
            let Some((end, kind)) = set.longest(&folded, j) else {
                j += 1;
                continue;
            };
            let at = (first + j) as u32;
            while let Some(m) = named.get(next).filter(|m| (m.sentence as usize) < si || m.end <= at) {
                let t = tally.entry(m.actor).or_insert((0, 0));
                *t = (t.0 + 1, next);
                next += 1;
            }
            for actor in protagonists(&tally, kind, actors).into_iter().flatten() {
                out.push(ActorMention {
                    sentence: si as u32,
                    start: at,
                    end: (first + end) as u32,
                    actor,
                    group: true,
                });
            }
            j = end;
        }
    }
    out
}
