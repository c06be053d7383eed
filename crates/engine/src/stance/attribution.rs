//! Attribution: whose statement it is. The source of a cue is the nearest
//! eligible group before it in its clause, else the source of the cue it
//! is coordinated with, else the sentence's reported-speech source.
//! Anaphora resolve through the article's [`Context`]: the latest joint
//! group.

use std::collections::BTreeMap;

use super::cues::{is_head, CueKind};
use super::groups::{Anaphor, Group};
use super::polarity::Source;
use super::sentence::{Cue, SentenceInfo};
use super::Attribution;

/// Nominal cues whose source may follow as "of X": "the concern of Moscow
/// and Beijing".
const NOMINAL_CUES: &[&str] = &["concern", "opposition", "support", "criticism", "condemnation", "rejection"];

/// Joint-group updates of a sentence: (token position, actors), in order.
pub(super) type Updates = Vec<(usize, Vec<usize>)>;

/// The source of each head cue (by cue index): a group and how it was
/// found, or none.
pub(super) type HeadSources = BTreeMap<usize, Option<(usize, Attribution)>>;

/// Resolution context of one article.
#[derive(Default)]
pub(super) struct Context {
    /// Latest joint group before the current sentence.
    current: Option<Vec<usize>>,
    /// Fallback: the first coordinated group of an earlier sentence (often
    /// the headline's).
    first: Option<Vec<usize>>,
}

impl Context {
    /// Moves past a sentence with these groups and joint-group updates.
    pub(super) fn advance(&mut self, info: &SentenceInfo, updates: &Updates) {
        if let Some((_, a)) = updates.last() {
            self.current = Some(a.clone());
        }
        if self.first.is_none() {
            self.first =
                info.groups.iter().find(|g| g.anaphor.is_none() && g.actors.len() >= 2).map(|g| g.actors.clone());
        }
    }
}

/// Joint-group updates in a sentence: coordinated subjects of a verb cue,
/// and "according to X and Y".
pub(super) fn joint_updates(info: &SentenceInfo) -> Updates {
    let mut updates = Vec::new();
    for g in info.groups.iter().filter(|g| g.anaphor.is_none() && g.actors.len() >= 2) {
        let subject = !g.prep_object
            && !g.poss
            && info
                .cues
                .iter()
                .any(|cue| cue.start >= g.end && cue.start <= g.end + 4 && cue.kind != CueKind::Inverter);
        if subject || g.according {
            updates.push((g.end, g.actors.clone()));
        }
    }
    updates
}

/// Sources of head cues, left to right, inheriting across coordinated
/// predicates ("Russia voiced support for …, and opposes …").
pub(super) fn head_sources(info: &SentenceInfo) -> HeadSources {
    let mut head_source = HeadSources::new();
    let mut prev: Option<usize> = None;
    for (ci, cue) in info.cues.iter().enumerate() {
        if !is_head(cue.kind) || cue.passive {
            continue;
        }
        let region_start = prev.map(|p| info.cues[p].end).unwrap_or(0);
        let src = nominal_source(info, cue)
            .or_else(|| subject_before(info, region_start, cue))
            .or_else(|| prev.and_then(|p| head_source.get(&p).copied().flatten()));
        head_source.insert(ci, src);
        prev = Some(ci);
    }
    head_source
}

/// "the concern of Moscow and Beijing": a named group right after a
/// nominal stance cue and "of".
fn nominal_source(info: &SentenceInfo, cue: &Cue) -> Option<(usize, Attribution)> {
    if !(matches!(cue.kind, CueKind::Stance(_))
        && NOMINAL_CUES.contains(&info.toks[cue.start].norm.as_str())
        && info.toks.get(cue.end).map(|t| t.norm.as_str()) == Some("of"))
    {
        return None;
    }
    info.groups
        .iter()
        .position(|g| g.anaphor.is_none() && (g.start == cue.end + 1 || g.start == cue.end + 2))
        .map(|gi| (gi, Attribution::Subject))
}

/// The nearest eligible group before `cue`, after `region_start` (the end
/// of the previous head cue) and the last clause boundary.
fn subject_before(info: &SentenceInfo, region_start: usize, cue: &Cue) -> Option<(usize, Attribution)> {
    let mut boundary = region_start;
    for k in region_start..cue.start {
        if info.toks[k].boundary_before {
            boundary = k;
        }
    }
    info.groups
        .iter()
        .enumerate()
        .rev()
        .find(|(_, g)| g.start >= boundary && g.end <= cue.start && eligible(info, g, cue.start))
        .map(|(gi, g)| (gi, if g.anaphor.is_some() { Attribution::Anaphor } else { Attribution::Subject }))
}

/// A candidate subject: an explicit group or anaphor not inside an issue,
/// not a prepositional object, not a possessive unless it qualifies the
/// cue at `cue_start`.
fn eligible(info: &SentenceInfo, g: &Group, cue_start: usize) -> bool {
    if info.in_issue[g.start..g.end].iter().any(|&x| x) {
        return false;
    }
    let close_poss = g.poss && cue_start >= g.end && cue_start - g.end <= 3;
    if g.poss && !close_poss {
        return false;
    }
    if g.prep_object && !close_poss {
        return false;
    }
    true
}

/// The reported-speech source of a sentence: "according to X", "X said",
/// "said X".
fn reported_source(info: &SentenceInfo) -> Option<usize> {
    if let Some(g) = info.groups.iter().position(|g| g.according) {
        return Some(g);
    }
    for cue in info.cues.iter().filter(|c| c.kind == CueKind::Reporting) {
        let before =
            info.groups.iter().rposition(|g| g.end <= cue.start && cue.start - g.end <= 3 && !g.prep_object && !g.poss);
        if let Some(g) = before {
            return Some(g);
        }
        let after = info.groups.iter().position(|g| g.start >= cue.end && g.start - cue.end <= 4 && !g.prep_object);
        if let Some(g) = after {
            return Some(g);
        }
    }
    None
}

/// The group a statement is attributed to, and how: by its head cue's
/// source, else (and for verdicts) the reported-speech source.
pub(super) fn source_group(info: &SentenceInfo, source: &Source, heads: &HeadSources) -> Option<(usize, Attribution)> {
    let reported = || reported_source(info).map(|g| (g, Attribution::Reported));
    match *source {
        Source::Head(h) => heads.get(&h).copied().flatten().or_else(reported),
        Source::Reported => reported(),
        Source::Group(gi, a) => Some((gi, a)),
    }
}

/// Actors of `g`, given the joint-group `updates` earlier in this
/// sentence: a named group's own; a singular anaphor's, the nearest single
/// actor before it in the sentence; a plural anaphor's, the latest joint
/// group before it (in this sentence, else the article's context).
pub(super) fn resolve(info: &SentenceInfo, g: &Group, ctx: &Context, updates: &Updates) -> Vec<usize> {
    match g.anaphor {
        None => g.actors.clone(),
        Some(Anaphor::Singular) => info
            .groups
            .iter()
            .rev()
            .find(|h| h.anaphor.is_none() && h.end <= g.start && h.actors.len() == 1)
            .map(|h| h.actors.clone())
            .unwrap_or_default(),
        Some(Anaphor::Plural) => updates
            .iter()
            .rev()
            .find(|(pos, _)| *pos < g.start)
            .map(|(_, a)| a.clone())
            .or_else(|| ctx.current.clone())
            .or_else(|| ctx.first.clone())
            .unwrap_or_default(),
    }
}
