//! Cues: the words that carry a position, report speech or mark an event,
//! and what happens to a cue's polarity (negation, inversion, a stance cue
//! taking another as its object).

use super::sentence::{Cue, SentenceInfo};
use crate::phrases::PatternSet;

/// What a cue does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum CueKind {
    /// Sets the polarity of what follows: +1 support, -1 oppose.
    Stance(i8),
    /// Flips the polarity of what follows ("an end to", "abandon").
    Inverter,
    /// "call on X to …", "urge": counts only with an inverter after it.
    Directive,
    /// A verdict on what precedes it ("is unacceptable").
    Verdict(i8),
    /// Reported speech: "said", "stressed".
    Reporting,
    /// A verb whose subject is the group being reported ("met", "issued").
    Event,
}

/// Stance cues against what follows.
const OPPOSE: &[&str] = &[
    "oppose",
    "opposed",
    "opposition",
    "denounce",
    "denunciation",
    "condemn",
    "condemnation",
    "reject",
    "rejection",
    "criticize",
    "criticise",
    "criticism",
    "critical of",
    "concern",
    "concerned",
    "against",
    "rebuff",
    "rule out",
    "object to",
    "objection to",
    "disapprove",
    "counter",
    "resist",
    "deplore",
    "decry",
    "warn against",
    "protest against",
    "veto",
];

/// Stance cues for what follows.
const SUPPORT: &[&str] = &[
    "support",
    "back",
    "sympathize with",
    "sympathise with",
    "welcome",
    "endorse",
    "agree",
    "in favor of",
    "in favour of",
    "advocate",
    "call for",
    "committed to",
    "commitment to",
    "uphold",
    "maintain that",
    "confirm that",
    "confirming that",
    "reaffirm",
    "praise",
    "recognize",
    "recognise",
    "reach * agreement",
    "the need",
    "champion",
];

/// Cues that flip the polarity of what follows.
const INVERTERS: &[&str] = &[
    "end",
    "halt",
    "stop",
    "abandon",
    "renounce",
    "limit",
    "curb",
    "restrict",
    "lift",
    "undermine",
    "reverse",
    "scrap",
    "withdraw",
    "ease",
];

/// Nouns right after an issue phrase that turn it into its reversal:
/// "sanctions relief", "the enlargement freeze".
const POST_INVERTERS: &[&str] =
    &["relief", "removal", "lifting", "easing", "freeze", "suspension", "moratorium", "rollback", "halt", "end"];

/// Oppose cues whose negation reads as support ("does not rule out", "has
/// no objection to", "is not opposed to"); other negated oppose cues ("did
/// not condemn") give no statement at all.
const NEGATABLE_OPPOSE: &[&str] = &["rule", "object", "objection", "oppos", "against"];

/// Cues that ask someone else to act.
const DIRECTIVES: &[&str] = &["call on", "call upon", "urge", "ask", "push", "encourage", "appeal to"];

/// Verdicts against what precedes them.
const VERDICTS_AGAINST: &[&str] = &[
    "unacceptable",
    "destabilizing",
    "destabilising",
    "destabilize",
    "destabilise",
    "endangering",
    "mockery",
    "dangerous",
    "harmful",
    "illegitimate",
    "counterproductive",
];

/// Reporting verbs: their subject is the source of the sentence.
const REPORTING: &[&str] = &[
    "say",
    "said",
    "stress",
    "note",
    "point out",
    "add",
    "declare",
    "specify",
    "assert",
    "emphasize",
    "emphasise",
    "highlight",
    "tell",
    "told",
    "announce",
    "insist",
    "warn",
    "believe",
    "think",
    "consider",
    "write",
    "wrote",
    "reiterate",
    "affirm",
    "proclaim",
    "indicate",
    "assure",
    "claim",
    "argue",
];

/// Verbs whose subject is the group being reported ("met", "issued").
const EVENTS: &[&str] =
    &["meet", "met", "hold", "held", "issue", "publish", "sign", "release", "unite", "make", "adopt", "discuss"];

/// Words that negate a cue within the three words before it.
const NEGATORS: &[&str] = &["not", "never", "no", "neither", "nor", "cannot"];

/// Cues that read as positions in a text about chosen issues, but in news
/// at large are mostly something else ("against Virginia Tech", "came
/// back", "critical condition", "endangered species", "agreed to meet"):
/// left out with a lexicon found in the text, whose issues are whatever
/// cues govern.
const AMBIGUOUS: &[&str] = &[
    "against",
    "counter",
    "resist",
    "back",
    "agree",
    "recognize",
    "recognise",
    "maintain that",
    "confirm that",
    "confirming that",
    "the need",
    "reach * agreement",
    "critical of",
    "endangering",
    "dangerous",
    "harmful",
];

/// Every cue, compiled on stems; without the [`AMBIGUOUS`] ones when
/// `strict`.
pub(super) fn cue_patterns(stemmer: &rust_stemmers::Stemmer, strict: bool) -> PatternSet<CueKind> {
    let mut cues = PatternSet::new();
    let lists: [(&[&str], CueKind); 7] = [
        (OPPOSE, CueKind::Stance(-1)),
        (SUPPORT, CueKind::Stance(1)),
        (INVERTERS, CueKind::Inverter),
        (DIRECTIVES, CueKind::Directive),
        (VERDICTS_AGAINST, CueKind::Verdict(-1)),
        (REPORTING, CueKind::Reporting),
        (EVENTS, CueKind::Event),
    ];
    for (list, kind) in lists {
        for c in list.iter().filter(|c| !(strict && AMBIGUOUS.contains(c))) {
            cues.add(c, Some(stemmer), kind);
        }
    }
    cues
}

/// Cues that have a source of their own (the head of a clause).
pub(super) fn is_head(kind: CueKind) -> bool {
    matches!(kind, CueKind::Stance(_) | CueKind::Directive | CueKind::Reporting)
}

/// A negator among the three words before the cue.
pub(super) fn negated(info: &SentenceInfo, cue: &Cue) -> bool {
    let lo = cue.start.saturating_sub(3);
    (lo..cue.start).rev().any(|k| {
        let w = info.toks[k].norm.as_str();
        NEGATORS.contains(&w) || w.ends_with("n't")
    })
}

/// The polarity of a stance cue of base polarity `p`, given negation:
/// `None` when a negated oppose cue does not amount to support.
pub(super) fn cue_polarity(info: &SentenceInfo, cue: &Cue, p: i8) -> Option<(i8, bool)> {
    if !negated(info, cue) {
        return Some((p, false));
    }
    if p > 0 {
        return Some((-p, true));
    }
    let first = info.toks[cue.start].stem;
    NEGATABLE_OPPOSE.contains(&first).then_some((-p, true))
}

/// -1 when the issue phrase ending at `e` is followed by a reversing noun
/// ("sanctions relief"), else 1.
pub(super) fn post_inversion(info: &SentenceInfo, e: usize) -> i8 {
    match info.toks.get(e) {
        Some(t) if POST_INVERTERS.contains(&t.norm.as_str()) => -1,
        _ => 1,
    }
}

/// A stance cue right before cue `ci` (only determiners between) that
/// takes it as its object: "rejected [the] calls for".
pub(super) fn stacked_cue(info: &SentenceInfo, ci: usize) -> Option<usize> {
    let start = info.cues[ci].start;
    let outer = info.cues[..ci].iter().rposition(|c| c.end <= start && !c.passive)?;
    let c = &info.cues[outer];
    let between = &info.toks[c.end..start];
    (matches!(c.kind, CueKind::Stance(_))
        && between.len() <= 2
        && between.iter().all(|t| matches!(t.norm.as_str(), "the" | "a" | "an" | "any" | "all" | "these" | "those")))
    .then_some(outer)
}
