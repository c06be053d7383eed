//! Polarity: from an issue mention to the cue that governs it. First back
//! through the clause (a stance cue, inverters on the way, a directive
//! with an inverter), then forward (a relative clause, a verdict, a
//! passive with an agent).

use super::cues::{cue_polarity, negated, post_inversion, stacked_cue, CueKind};
use super::groups::Group;
use super::sentence::{skip_determiners, SentenceInfo};
use super::Attribution;

/// How far back from an issue a cue may stand, in tokens.
const MAX_BACK: usize = 30;
/// How far after an issue a verdict or passive may stand, in tokens.
const MAX_FORWARD: usize = 40;

/// Auxiliaries and copulas: between a cue and an issue they start another
/// predicate.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "should", "may", "might", "must",
    "can", "shall", "does", "did", "do",
];

/// The cue that decided an issue mention's polarity.
pub(super) struct Found {
    /// Index into `SentenceInfo::cues`.
    pub(super) cue: usize,
    /// +1 support, -1 oppose.
    pub(super) polarity: i8,
    /// A negation flipped the cue.
    pub(super) negated: bool,
    /// Where the statement's source is to be found.
    pub(super) source: Source,
}

/// Where the source of a statement is.
pub(super) enum Source {
    /// Attribute like the head cue at this index.
    Head(usize),
    /// The sentence's reported-speech source.
    Reported,
    /// This group, found this way.
    Group(usize, Attribution),
}

/// The walk back from an issue: decided (a statement or none), or open
/// with the polarity of the inverters met.
enum Walk {
    Decided(Option<Found>),
    Open(i8),
}

/// The polarity of issue mention `(s, e)`, with the cue that decided it.
pub(super) fn govern(info: &SentenceInfo, s: usize, e: usize) -> Option<Found> {
    let mut f = govern_phrase(info, s, e)?;
    f.polarity *= post_inversion(info, e);
    Some(f)
}

fn govern_phrase(info: &SentenceInfo, s: usize, e: usize) -> Option<Found> {
    let pol = match walk_back(info, s) {
        Walk::Decided(f) => return f,
        Walk::Open(pol) => pol,
    };
    if let Some(f) = relative_clause(info, e) {
        return f;
    }
    forward(info, e, pol)
}

/// Walks back from the issue at `s` to its governing cue.
fn walk_back(info: &SentenceInfo, s: usize) -> Walk {
    let mut pol: i8 = 1;
    let mut inverters = 0;
    let mut first_inverter = None;
    let lo = s.saturating_sub(MAX_BACK);
    let mut k = s;
    while k > lo {
        if info.toks[k].boundary_before && k < s {
            break;
        }
        k -= 1;
        if info.is_boundary(k) {
            break;
        }
        if let Some(ci) = info.cues.iter().position(|c| c.end == k + 1 && c.end <= s && !c.passive) {
            let cue = &info.cues[ci];
            match cue.kind {
                CueKind::Stance(p) => return Walk::Decided(stance_head(info, ci, p, pol)),
                CueKind::Inverter => {
                    pol = -pol;
                    inverters += 1;
                    first_inverter.get_or_insert(ci);
                }
                CueKind::Directive => {
                    if inverters > 0 {
                        let decisive = first_inverter.unwrap_or(ci);
                        let f = Found { cue: decisive, polarity: pol, negated: false, source: Source::Head(ci) };
                        return Walk::Decided(Some(f));
                    }
                    return Walk::Decided(None);
                }
                CueKind::Reporting => break,
                CueKind::Verdict(_) | CueKind::Event => {}
            }
            k = cue.start;
            continue;
        }
        // An auxiliary between cue and issue starts another predicate
        // ("support for his government was weak before the violence").
        if AUXILIARIES.contains(&info.toks[k].norm.as_str()) {
            break;
        }
        // Crossing another subject ends the clause.
        // (A group right before the issue modifies it: "the US missile
        // defence plans".)
        if info.groups.iter().any(|g| g.end == k + 1 && g.end < s && crosses(info, g)) {
            break;
        }
    }
    Walk::Open(pol)
}

/// The statement of stance cue `ci` (base polarity `p`) met walking back
/// with polarity `pol` so far. Stacked cues multiply: "rejected calls for
/// a ceasefire" opposes the ceasefire.
fn stance_head(info: &SentenceInfo, ci: usize, p: i8, mut pol: i8) -> Option<Found> {
    let (p, neg) = cue_polarity(info, &info.cues[ci], p)?;
    pol *= p;
    let mut head = ci;
    while let Some(outer) = stacked_cue(info, head) {
        let CueKind::Stance(q) = info.cues[outer].kind else { break };
        let (q, _) = cue_polarity(info, &info.cues[outer], q)?;
        pol *= q;
        head = outer;
    }
    Some(Found { cue: ci, polarity: pol, negated: neg, source: Source::Head(ci) })
}

/// "X, which they oppose": a relative pronoun right after the issue ending
/// at `e`, a group, then a stance cue. `None` when there is no such clause.
fn relative_clause(info: &SentenceInfo, e: usize) -> Option<Option<Found>> {
    let n = info.toks.len();
    let hi = (e + MAX_FORWARD).min(n);
    let rel = (e..hi.min(e + 2)).find(|&k| matches!(info.toks[k].norm.as_str(), "which" | "that" | "whom"))?;
    let (gi, g) = info.groups.iter().enumerate().find(|(_, g)| g.start == rel + 1 && !g.poss)?;
    let (ci, cue) = info
        .cues
        .iter()
        .enumerate()
        .find(|(_, c)| c.start >= g.end && c.start <= g.end + 2 && matches!(c.kind, CueKind::Stance(_)))?;
    let CueKind::Stance(p) = cue.kind else { return None };
    let found = cue_polarity(info, cue, p).map(|(p, neg)| {
        let attribution = if g.anaphor.is_some() { Attribution::Anaphor } else { Attribution::Subject };
        Found { cue: ci, polarity: p, negated: neg, source: Source::Group(gi, attribution) }
    });
    Some(found)
}

/// After the issue ending at `e`, in the same clause: a verdict, or a
/// passive stance cue with an agent ("denounced by China").
fn forward(info: &SentenceInfo, e: usize, pol: i8) -> Option<Found> {
    let n = info.toks.len();
    let hi = (e + MAX_FORWARD).min(n);
    for (ci, cue) in info.cues.iter().enumerate().filter(|(_, c)| c.start >= e && c.start < hi) {
        if (e + 1..=cue.start).any(|k| k < n && (info.toks[k].boundary_before || info.is_boundary(k))) {
            return None;
        }
        match cue.kind {
            CueKind::Verdict(p) => {
                let neg = negated(info, cue);
                let p = if neg { -p } else { p };
                return Some(Found { cue: ci, polarity: p * pol, negated: neg, source: Source::Reported });
            }
            CueKind::Stance(p) if cue.passive => {
                let k = skip_determiners(|k| info.toks.get(k).map(|t| t.norm.as_str()), cue.end + 1);
                let gi = info.groups.iter().position(|g| g.start == k && g.anaphor.is_none())?;
                let (p, neg) = cue_polarity(info, cue, p)?;
                let source = Source::Group(gi, Attribution::Agent);
                return Some(Found { cue: ci, polarity: p * pol, negated: neg, source });
            }
            CueKind::Stance(_) | CueKind::Reporting | CueKind::Directive => return None,
            _ => {}
        }
    }
    None
}

/// Is `g`, met between a cue and an issue, the subject of another clause?
/// Not if it is a prepositional object, a possessive, part of the issue,
/// or an item of a list ("alliances, NATO and AUKUS").
fn crosses(info: &SentenceInfo, g: &Group) -> bool {
    if g.poss || g.prep_object || info.in_issue[g.start] {
        return false;
    }
    if g.start > 0 && matches!(info.toks[g.start - 1].norm.as_str(), "and" | "or") {
        return false;
    }
    !info.toks[g.start].comma_before
}
