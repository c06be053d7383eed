//! Groups: who a sentence names as a possible source. Coordinated actor
//! mentions form one group ("Russia and China", "Russian President
//! Vladimir Putin and his Chinese counterpart Xi Jinping"); an anaphor
//! ("they", "the two countries", "he", a sentence-initial "It") is a group
//! whose actors are resolved later. Each group is marked when it is a
//! prepositional object, or the X of "according to X".

use super::sentence::{is_determiner, Tok};
use crate::phrases::PatternSet;

/// An actor mention: (start, end, actor).
pub(super) type Mention = (usize, usize, usize);

/// A group of tokens `start..end` naming actors.
#[derive(Clone, Debug)]
pub(super) struct Group {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The actors named; empty for an anaphor.
    pub(super) actors: Vec<usize>,
    /// Resolved later when set (its `actors` are empty).
    pub(super) anaphor: Option<Anaphor>,
    /// Ends in a possessive ("Russia's", "their").
    pub(super) poss: bool,
    /// After a preposition or a quantifier: not a speaker.
    pub(super) prep_object: bool,
    /// The X of "according to X".
    pub(super) according: bool,
}

/// The kind of an anaphor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Anaphor {
    /// "they", "the two countries", "It": the joint group.
    Plural,
    /// "he", "she": a single actor earlier in the sentence.
    Singular,
}

impl Group {
    fn new(start: usize, end: usize, actors: Vec<usize>, anaphor: Option<Anaphor>, poss: bool) -> Self {
        Group { start, end, actors, anaphor, poss, prep_object: false, according: false }
    }
}

/// Prepositions: a mention after one (and its determiners) is an object.
const PREPOSITIONS: &[&str] = &[
    "alongside",
    "beside",
    "besides",
    "around",
    "throughout",
    "per",
    "versus",
    "unlike",
    "except",
    "with",
    "from",
    "to",
    "of",
    "on",
    "against",
    "by",
    "for",
    "in",
    "at",
    "between",
    "about",
    "over",
    "toward",
    "towards",
    "into",
    "regarding",
    "like",
    "than",
    "among",
    "under",
    "after",
    "before",
    "via",
    "within",
    "without",
    "through",
    "upon",
    "across",
    "beyond",
    "near",
    "amid",
    "despite",
    "including",
    "naming",
    "concerning",
];

/// Quantifiers: a mention after one modifies a noun ("most EU aid").
const QUANTIFIERS: &[&str] = &["most", "some", "many", "much", "several", "few", "each", "every", "other", "more"];

/// Words allowed between two mentions of one coordinated group.
const CONNECTORS: &[&str] = &[
    "and",
    "&",
    "both",
    "the",
    "his",
    "her",
    "its",
    "president",
    "presidents",
    "counterpart",
    "leader",
    "leaders",
    "prime",
    "minister",
    "foreign",
    "joins",
    "join",
    "joined",
    "along",
    "as",
    "well",
    "nor",
];

/// Plural anaphora: resolved to the actors of the joint statement (the
/// actor model reads its noun phrases too).
pub(crate) const PLURAL_ANAPHORA: &[&str] = &[
    "they",
    "their",
    "the two countries",
    "both countries",
    "the two sides",
    "both sides",
    "the parties",
    "the two parties",
    "both parties",
    "the leaders",
    "the two leaders",
    "both leaders",
    "the presidents",
    "the two presidents",
    "both presidents",
    "the two capitals",
    "both capitals",
    "the two heads of state",
    "the joint statement",
    "the statement",
    "the declaration",
    "the joint declaration",
    "the two",
    "both",
];

/// Plural anaphora compiled on normalised words; the value says whether
/// the anaphor is a possessive ("their").
pub(super) fn anaphora_patterns() -> PatternSet<bool> {
    let mut anaphora = PatternSet::new();
    for a in PLURAL_ANAPHORA {
        anaphora.add(a, None, *a == "their");
    }
    anaphora
}

/// The groups of a sentence, by position: coordinated mentions, then
/// anaphora, each marked as a prepositional object or "according to" X.
pub(super) fn find_groups(
    toks: &[Tok],
    norms: &[&str],
    stems: &[&str],
    in_issue: &[bool],
    mentions: &[Mention],
    anaphora: &PatternSet<bool>,
) -> Vec<Group> {
    let mut groups = coordinate(toks, norms, mentions);
    find_anaphora(&mut groups, norms, in_issue, mentions, anaphora);
    crate::sort::by_key(&mut groups, |g| (g.start, g.end));
    mark_objects(&mut groups, norms, stems);
    groups
}

/// Coordinated mentions: at most three connector words apart, within one
/// clause.
fn coordinate(toks: &[Tok], norms: &[&str], mentions: &[Mention]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for &(s, e, a) in mentions {
        if let Some(g) = groups.last_mut() {
            if g.anaphor.is_none()
                && s >= g.end
                && s - g.end <= 3
                && norms[g.end..s].iter().all(|w| CONNECTORS.contains(w))
                && !toks[g.end..=s].iter().any(|t| t.boundary_before)
            {
                if !g.actors.contains(&a) {
                    g.actors.push(a);
                }
                g.end = e;
                g.poss = toks[e - 1].poss;
                continue;
            }
        }
        groups.push(Group::new(s, e, vec![a], None, toks[e - 1].poss));
    }
    groups
}

/// Adds the anaphora outside issue phrases and mentions.
fn find_anaphora(
    groups: &mut Vec<Group>,
    norms: &[&str],
    in_issue: &[bool],
    mentions: &[Mention],
    anaphora: &PatternSet<bool>,
) {
    let n = norms.len();
    let mut j = 0;
    while j < n {
        if in_issue[j] || mentions.iter().any(|m| m.0 <= j && j < m.1) {
            j += 1;
            continue;
        }
        let w = norms[j];
        if matches!(w, "he" | "she") {
            groups.push(Group::new(j, j + 1, vec![], Some(Anaphor::Singular), false));
            j += 1;
            continue;
        }
        if w == "it" && j == 0 {
            groups.push(Group::new(0, 1, vec![], Some(Anaphor::Plural), false));
            j += 1;
            continue;
        }
        j = match anaphora.longest(norms, j) {
            Some((end, poss)) => plural_anaphor(groups, norms, in_issue, mentions, j, end, poss).unwrap_or(j + 1),
            None => j + 1,
        };
    }
}

/// The plural anaphor matched at `j..end`: added as a group, or taken as
/// the head of the group it introduces; returns where to go on, or `None`
/// when it is no anaphor.
fn plural_anaphor(
    groups: &mut Vec<Group>,
    norms: &[&str],
    in_issue: &[bool],
    mentions: &[Mention],
    j: usize,
    end: usize,
    poss: bool,
) -> Option<usize> {
    // "both" before a mention is a determiner, not an anaphor.
    let before_mention = mentions.iter().any(|m| m.0 == end);
    let determiner = before_mention && norms[j] == "both" && end == j + 1;
    if determiner || in_issue[j..end].iter().any(|&x| x) {
        return None;
    }
    // "the leaders of Russia and China", "the statement by Moscow and
    // Beijing": the group itself.
    let nominal = !matches!(norms[j..end], ["they"] | ["their"] | ["both"] | ["the", "two"]);
    let head_of = nominal && matches!(norms.get(end), Some(&("of" | "by" | "from" | "between")));
    if head_of {
        let at = if norms.get(end + 1) == Some(&"the") { end + 2 } else { end + 1 };
        if let Some(g) = groups.iter_mut().find(|g| g.anaphor.is_none() && g.start == at) {
            g.start = j;
            return Some(end);
        }
    }
    groups.push(Group::new(j, end, vec![], Some(Anaphor::Plural), poss));
    Some(end)
}

/// Marks prepositional objects (and modifiers after a quantifier: "most
/// EU aid") and the X of "according to X".
fn mark_objects(groups: &mut [Group], norms: &[&str], stems: &[&str]) {
    for g in groups {
        let mut k = g.start;
        while k > 0 && is_determiner(norms[k - 1]) && !(g.anaphor.is_some() && k == g.start) {
            k -= 1;
        }
        if k > 0 {
            let p = norms[k - 1];
            if p == "to" && k >= 2 && stems[k - 2] == "accord" {
                g.according = true;
            }
            // "most EU aid": a modifier after a quantifier is no speaker
            // either.
            g.prep_object = PREPOSITIONS.contains(&p) || QUANTIFIERS.contains(&norms[g.start - 1]);
        }
    }
}
