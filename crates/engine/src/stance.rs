//! Stances: which actor holds which position on which issue, sentence by
//! sentence, with the evidence to show for it.
//!
//! The unit is a [`Statement`] (as in the Discourse Network Analyzer): one
//! sentence, one actor, one issue, support or oppose, with the spans of the
//! actor mention, the cue and the issue phrase. [`matrix`] aggregates
//! statements into actor × issue cells; a cell with statements both ways is
//! *mixed*.
//!
//! The method is rule-based and explainable (see METHODS.md, "Stance"):
//!
//! 1. **Mentions.** Issue phrases ([`Lexicon`] issues, matched on stems,
//!    longest first) and actor aliases (matched on words; possessives too).
//!    Actor names inside an issue phrase ("Chinese proposals") are part of
//!    the issue, never its speaker. Coordinated mentions ("Russia and
//!    China", "Russian President Vladimir Putin and his Chinese counterpart
//!    Xi Jinping") form one *group*.
//! 2. **Polarity.** From an issue phrase, walk back through the clause to
//!    the governing cue. Stance cues (oppose, denounce, reject, condemn,
//!    criticise, be concerned, against … / support, back, sympathise with,
//!    welcome, agree, call for …) set the polarity and end the walk;
//!    *inverters* on the way (an end to, halt, abandon, renounce, limit …)
//!    flip it: "calling for an end to NATO expansion" opposes NATO
//!    enlargement. A directive ("call on NATO to abandon …", "urge …")
//!    only counts together with an inverter or stance cue after it. A
//!    negation just before a stance cue ("does not support", "does not rule
//!    out") flips it. The walk stops at a clause boundary (`;`, `|`, a
//!    spaced dash, "while", "but" …), at a reporting verb, and where it would
//!    cross another subject. Failing that, a verdict *after* the issue in the
//!    same clause counts ("any attempt to limit X is unacceptable", "X …
//!    is destabilising"), as does a passive with an agent ("AUKUS had been
//!    denounced by China") and a relative clause ("X, which they oppose").
//! 3. **Attribution.** The source of a cue is the nearest subject before it
//!    in its clause (an actor group, or a plural anaphor: "they", "the two
//!    countries", "the parties", "the leaders", "both capitals", a
//!    sentence-initial "It" for the statement being reported), not a
//!    prepositional object ("relations with Washington") and not a
//!    possessive unless it directly qualifies the cue ("Washington's
//!    criticism", "their opposition"). Coordinated predicates share the
//!    subject ("Russia voiced support for …, and opposes …"). Otherwise
//!    the sentence's reported-speech source: "according to X", "X said",
//!    "…, they stressed". Plural anaphora resolve to the most recent
//!    coordinated group that was the subject of a statement, reporting or
//!    meeting verb in the article (else the first coordinated group of an
//!    earlier sentence, e.g. the headline's). "he"/"she" resolve only
//!    within the sentence.
//! 4. **Safety.** One sentence giving one actor both polarities on one
//!    issue is dropped: a wrong polarity is worse than a missing one.
//!
//! Deterministic, total (never panics), no allocation per corpus beyond the
//! result and one pass of per-sentence scratch.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::lexicon::Lexicon;
use crate::model::{Article, Corpus, Span};
use crate::token;

/// For or against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Support,
    Oppose,
}

impl Polarity {
    pub fn label(self) -> &'static str {
        match self {
            Polarity::Support => "support",
            Polarity::Oppose => "oppose",
        }
    }
}

/// How the statement's actor was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// The actor is named as the subject of the cue.
    Subject,
    /// A plural anaphor ("they", "the parties") or "It" (the statement),
    /// resolved to the actors of the joint statement being reported.
    Anaphor,
    /// Reported speech: "according to X", "X said".
    Reported,
    /// The agent of a passive: "denounced by China".
    Agent,
}

/// One actor's position on one issue in one sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Index into `Corpus::articles`.
    pub article: usize,
    /// Index into `Article::sentences`.
    pub sentence: usize,
    /// The sentence's span.
    pub span: Span,
    /// Index into `Lexicon::actors`.
    pub actor: usize,
    /// Index into `Lexicon::issues`.
    pub issue: usize,
    pub polarity: Polarity,
    /// The cue that decided the polarity ("opposed", "calling for",
    /// "unacceptable").
    pub cue: Span,
    /// The actor mention, or the anaphor ("they", "the parties") it was
    /// resolved from, or the reporting source ("according to Putin and Xi").
    pub actor_span: Span,
    /// The issue phrase.
    pub issue_span: Span,
    pub attribution: Attribution,
    /// A negation flipped the cue ("does not rule out").
    pub negated: bool,
}

/// A cell's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Support,
    Oppose,
    /// Evidence both ways.
    Mixed,
}

impl Stance {
    pub fn label(self) -> &'static str {
        match self {
            Stance::Support => "support",
            Stance::Oppose => "oppose",
            Stance::Mixed => "mixed",
        }
    }
}

/// One evidence sentence of a cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Index into the `statements` given to [`matrix`].
    pub statement: usize,
    pub article: usize,
    pub sentence: usize,
    /// The sentence span.
    pub span: Span,
    pub polarity: Polarity,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub actor: usize,
    pub issue: usize,
    pub stance: Stance,
    /// Number of supporting / opposing evidence sentences.
    pub support: usize,
    pub oppose: usize,
    /// In article then sentence order.
    pub evidence: Vec<Evidence>,
    /// The articles that carried this stance (sorted indices); see
    /// [`cell_outlets`] for their outlets.
    pub articles: Vec<usize>,
}

/// Actors down, issues across.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct StanceMatrix {
    /// Row order: actor indices by evidence count (descending), then index.
    pub actors: Vec<usize>,
    /// Column order: issue indices by evidence count (descending), then index.
    pub issues: Vec<usize>,
    /// Non-empty cells, row-major in the order above.
    pub cells: Vec<Cell>,
}

impl StanceMatrix {
    pub fn cell(&self, actor: usize, issue: usize) -> Option<&Cell> {
        self.cells.iter().find(|c| c.actor == actor && c.issue == issue)
    }
}

/// The distinct outlets ("unknown outlet" when not known) of a cell's
/// articles, sorted.
pub fn cell_outlets(corpus: &Corpus, cell: &Cell) -> Vec<String> {
    let mut outlets: Vec<String> = cell
        .articles
        .iter()
        .filter_map(|&a| corpus.articles.get(a))
        .map(|a| a.meta.outlet_or_unknown().to_string())
        .collect();
    // Not collected into a BTreeSet: that sorts with a std sort of its own
    // (wasm size, see `crate::sort`).
    crate::sort::ord(&mut outlets);
    outlets.dedup();
    outlets
}

/// Aggregates statements of the selected `articles` into a matrix.
pub fn matrix(statements: &[Statement], articles: &[usize]) -> StanceMatrix {
    // Collections are filled by insertion, not `collect()`: collecting
    // into a BTreeMap or BTreeSet sorts with a std sort of its own, a few
    // KB of wasm each (see `crate::sort`).
    let mut selected = vec![false; statements.iter().map(|s| s.article + 1).max().unwrap_or(0)];
    for &a in articles {
        if let Some(x) = selected.get_mut(a) {
            *x = true;
        }
    }
    let mut cells: BTreeMap<(usize, usize), Cell> = BTreeMap::new();
    for (i, s) in statements.iter().enumerate() {
        if !selected.get(s.article).copied().unwrap_or(false) {
            continue;
        }
        let c = cells.entry((s.actor, s.issue)).or_insert_with(|| Cell {
            actor: s.actor,
            issue: s.issue,
            stance: Stance::Support,
            support: 0,
            oppose: 0,
            evidence: Vec::new(),
            articles: Vec::new(),
        });
        match s.polarity {
            Polarity::Support => c.support += 1,
            Polarity::Oppose => c.oppose += 1,
        }
        c.evidence.push(Evidence {
            statement: i,
            article: s.article,
            sentence: s.sentence,
            span: s.span,
            polarity: s.polarity,
        });
        if !c.articles.contains(&s.article) {
            c.articles.push(s.article);
        }
    }
    let mut actor_count: BTreeMap<usize, usize> = BTreeMap::new();
    let mut issue_count: BTreeMap<usize, usize> = BTreeMap::new();
    for c in cells.values_mut() {
        c.stance = match (c.support > 0, c.oppose > 0) {
            (true, true) => Stance::Mixed,
            (false, true) => Stance::Oppose,
            _ => Stance::Support,
        };
        crate::sort::by_key(&mut c.evidence, |e| (e.article, e.sentence, e.statement));
        crate::sort::ord(&mut c.articles);
        *actor_count.entry(c.actor).or_default() += c.evidence.len();
        *issue_count.entry(c.issue).or_default() += c.evidence.len();
    }
    let order = |m: &BTreeMap<usize, usize>| {
        let mut v: Vec<(usize, usize)> = m.iter().map(|(&k, &n)| (k, n)).collect();
        crate::sort::by(&mut v, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v.into_iter().map(|(k, _)| k).collect::<Vec<usize>>()
    };
    let actors = order(&actor_count);
    let issues = order(&issue_count);
    let rank = |v: &[usize]| {
        let mut m = BTreeMap::new();
        for (i, &k) in v.iter().enumerate() {
            m.insert(k, i);
        }
        m
    };
    let (ar, ir) = (rank(&actors), rank(&issues));
    let mut cells: Vec<Cell> = cells.into_values().collect();
    crate::sort::by_key(&mut cells, |c| (ar.get(&c.actor).copied(), ir.get(&c.issue).copied()));
    StanceMatrix { actors, issues, cells }
}

// ------------------------------------------------------------------ cues

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CueKind {
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

const DIRECTIVES: &[&str] = &["call on", "call upon", "urge", "ask", "push", "encourage", "appeal to"];

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

const EVENTS: &[&str] =
    &["meet", "met", "hold", "held", "issue", "publish", "sign", "release", "unite", "make", "adopt", "discuss"];

/// Words that end the clause a cue governs.
const BOUNDARY_WORDS: &[&str] = &["while", "but", "whereas", "although", "though", "however", "meanwhile"];

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

const QUANTIFIERS: &[&str] = &["most", "some", "many", "much", "several", "few", "each", "every", "other", "more"];

/// Auxiliaries and copulas: between a cue and an issue they start another
/// predicate.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "should", "may", "might", "must",
    "can", "shall", "does", "did", "do",
];

const DETERMINERS: &[&str] =
    &["the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those", "some", "all", "both"];

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

/// Plural anaphora: resolved to the actors of the joint statement.
const PLURAL_ANAPHORA: &[&str] = &[
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

/// Nominal cues whose source may follow as "of X": "the concern of Moscow
/// and Beijing".
const NOMINAL_CUES: &[&str] = &["concern", "opposition", "support", "criticism", "condemnation", "rejection"];

const NEGATORS: &[&str] = &["not", "never", "no", "neither", "nor", "cannot"];

const MAX_BACK: usize = 30;
const MAX_FORWARD: usize = 40;

#[derive(Clone, Debug)]
enum Pat {
    Word(String),
    Gap,
}

/// Splits a phrase into patterns: words, stemmed (`stem`) or normalised,
/// with `*` for a gap of up to three words.
fn compile(phrase: &str, stem: bool, stemmer: &rust_stemmers::Stemmer) -> Vec<Pat> {
    let mut out = Vec::new();
    for piece in phrase.split_whitespace() {
        if piece == "*" {
            if !out.is_empty() && !matches!(out.last(), Some(Pat::Gap)) {
                out.push(Pat::Gap);
            }
            continue;
        }
        for (_, w) in token::words(piece) {
            out.push(Pat::Word(if stem { token::stem_word(stemmer, w) } else { norm(w) }));
        }
    }
    while matches!(out.last(), Some(Pat::Gap)) {
        out.pop();
    }
    out
}

fn norm(w: &str) -> String {
    let n = token::normalize_word(w);
    let n = n.strip_suffix("'s").map(str::to_string).unwrap_or(n);
    n.trim_matches('\'').to_string()
}

/// Matches `pat` at `j` in `keys`; returns the end (exclusive).
fn match_at(pat: &[Pat], keys: &[&str], j: usize) -> Option<usize> {
    match pat.first() {
        None => Some(j),
        Some(Pat::Word(w)) => {
            if j < keys.len() && keys[j] == w {
                match_at(&pat[1..], keys, j + 1)
            } else {
                None
            }
        }
        Some(Pat::Gap) => {
            (0..=3).find_map(|g| if j + g <= keys.len() { match_at(&pat[1..], keys, j + g) } else { None })
        }
    }
}

fn first_word(p: &[Pat]) -> Option<&str> {
    match p.first() {
        Some(Pat::Word(w)) => Some(w),
        _ => None,
    }
}

struct PatternSet<T> {
    by_first: BTreeMap<String, Vec<(Vec<Pat>, T)>>,
}

impl<T: Copy> PatternSet<T> {
    fn new() -> Self {
        PatternSet { by_first: BTreeMap::new() }
    }
    fn add(&mut self, p: Vec<Pat>, v: T) {
        if let Some(f) = first_word(&p).map(str::to_string) {
            self.by_first.entry(f).or_default().push((p, v));
        }
    }
    /// Longest match at `j`.
    fn longest(&self, keys: &[&str], j: usize) -> Option<(usize, T)> {
        let list = self.by_first.get(*keys.get(j)?)?;
        let mut best: Option<(usize, T)> = None;
        for (p, v) in list {
            if let Some(end) = match_at(p, keys, j) {
                if best.is_none_or(|(e, _)| end > e) {
                    best = Some((end, *v));
                }
            }
        }
        best
    }
    /// Every match at `j`.
    fn all(&self, keys: &[&str], j: usize, out: &mut Vec<(usize, usize, T)>) {
        if let Some(list) = keys.get(j).and_then(|k| self.by_first.get(*k)) {
            for (p, v) in list {
                if let Some(end) = match_at(p, keys, j) {
                    out.push((j, end, *v));
                }
            }
        }
    }
}

/// An actor alias: matched case-insensitively, or exactly when written in
/// capitals ("US").
struct AliasPat {
    words: Vec<String>,
    exact: Option<Vec<String>>,
    actor: usize,
}

struct Compiled {
    aliases: BTreeMap<String, Vec<AliasPat>>,
    issues: PatternSet<usize>,
    cues: PatternSet<CueKind>,
    anaphora: PatternSet<bool>,
}

fn is_all_caps(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

fn compile_all(lex: &Lexicon) -> Compiled {
    let stemmer = token::english_stemmer();
    let mut aliases: BTreeMap<String, Vec<AliasPat>> = BTreeMap::new();
    for (ai, a) in lex.actors.iter().enumerate() {
        for al in &a.aliases {
            let words: Vec<String> = token::words(al).map(|(_, w)| norm(w)).collect();
            let Some(first) = words.first().cloned() else { continue };
            let exact = is_all_caps(al).then(|| token::words(al).map(|(_, w)| w.to_string()).collect());
            aliases.entry(first).or_default().push(AliasPat { words, exact, actor: ai });
        }
    }
    let mut issues = PatternSet::new();
    for (ii, is) in lex.issues.iter().enumerate() {
        for p in &is.phrases {
            issues.add(compile(p, true, &stemmer), ii);
        }
    }
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
        for c in list {
            cues.add(compile(c, true, &stemmer), kind);
        }
    }
    let mut anaphora = PatternSet::new();
    for a in PLURAL_ANAPHORA {
        anaphora.add(compile(a, false, &stemmer), *a == "their");
    }
    Compiled { aliases, issues, cues, anaphora }
}

// ------------------------------------------------------- sentence analysis

struct Tok<'a> {
    text: &'a str,
    norm: String,
    stem: &'a str,
    span: Span,
    /// Ends in a possessive ("Russia's", "States'").
    poss: bool,
    /// A clause boundary lies between this token and the previous one.
    boundary_before: bool,
    /// A comma lies between this token and the previous one.
    comma_before: bool,
}

#[derive(Clone, Debug)]
struct Group {
    start: usize,
    end: usize,
    actors: Vec<usize>,
    /// Resolved later (plural anaphor) when empty and `anaphor` is set.
    anaphor: Option<Anaphor>,
    poss: bool,
    prep_object: bool,
    according: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Anaphor {
    Plural,
    Singular,
}

#[derive(Clone, Copy, Debug)]
struct Cue {
    start: usize,
    end: usize,
    kind: CueKind,
    passive: bool,
}

struct SentenceInfo<'a> {
    toks: Vec<Tok<'a>>,
    issues: Vec<(usize, usize, usize)>,
    in_issue: Vec<bool>,
    groups: Vec<Group>,
    cues: Vec<Cue>,
}

fn analyse_sentence<'a>(corpus: &'a Corpus, art: &'a Article, si: usize, c: &Compiled) -> SentenceInfo<'a> {
    let raw = art.sentence_tokens(si);
    let text = art.text.as_str();
    let mut toks: Vec<Tok<'a>> = Vec::with_capacity(raw.len());
    for (k, t) in raw.iter().enumerate() {
        let s = text.get(t.span.range()).unwrap_or("");
        let lower = token::normalize_word(s);
        let after = text.get(t.span.end as usize..).and_then(|r| r.chars().next());
        let after2 = text.get(t.span.end as usize..).and_then(|r| r.chars().nth(1));
        let poss = lower.ends_with("'s")
            || (matches!(after, Some('\'' | '’'))
                && lower.ends_with('s')
                && !after2.is_some_and(char::is_alphanumeric));
        let gap = if k == 0 { "" } else { text.get(raw[k - 1].span.end as usize..t.span.start as usize).unwrap_or("") };
        let boundary_before = gap.contains(';')
            || gap.contains('|')
            || ((gap.contains('–') || gap.contains('—')) && gap.starts_with(char::is_whitespace));
        let stem = corpus.vocab.get(t.stem as usize).map(String::as_str).unwrap_or("");
        let comma_before = gap.contains(',');
        toks.push(Tok { text: s, norm: norm(s), stem, span: t.span, poss, boundary_before, comma_before });
    }
    let n = toks.len();
    let stems: Vec<&str> = toks.iter().map(|t| t.stem).collect();
    let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();

    // Issue mentions: longest first, no overlaps.
    let mut found = Vec::new();
    for j in 0..n {
        c.issues.all(&stems, j, &mut found);
    }
    crate::sort::by(&mut found, |a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
    let mut in_issue = vec![false; n];
    let mut issues = Vec::new();
    for (s, e, i) in found {
        if e > s && !in_issue[s..e].iter().any(|&x| x) {
            in_issue[s..e].iter_mut().for_each(|x| *x = true);
            issues.push((s, e, i));
        }
    }
    crate::sort::ord(&mut issues);

    // Actor mentions (outside issue phrases).
    let mut mentions: Vec<(usize, usize, usize)> = Vec::new();
    let mut j = 0;
    while j < n {
        let mut best: Option<(usize, usize)> = None;
        if !in_issue[j] {
            if let Some(list) = c.aliases.get(&toks[j].norm) {
                for a in list {
                    let end = j + a.words.len();
                    if end > n || in_issue[j..end].iter().any(|&x| x) {
                        continue;
                    }
                    let ok = match &a.exact {
                        Some(ex) => ex.iter().zip(&toks[j..end]).all(|(w, t)| {
                            t.text == w || t.text.strip_suffix("'s").or(t.text.strip_suffix("’s")) == Some(w)
                        }),
                        None => a.words.iter().zip(&toks[j..end]).all(|(w, t)| *w == t.norm),
                    };
                    if ok && best.is_none_or(|(e, _)| end > e) {
                        best = Some((end, a.actor));
                    }
                }
            }
        }
        if let Some((end, actor)) = best {
            mentions.push((j, end, actor));
            j = end;
        } else {
            j += 1;
        }
    }

    // Cues.
    let mut cues = Vec::new();
    let mut j = 0;
    while j < n {
        if in_issue[j] {
            j += 1;
            continue;
        }
        match c.cues.longest(&stems, j) {
            Some((end, kind))
                if !in_issue[j..end].iter().any(|&x| x) && !mentions.iter().any(|m| m.0 < end && j < m.1) =>
            {
                cues.push(Cue { start: j, end, kind, passive: false });
                j = end;
            }
            _ => j += 1,
        }
    }
    // A cue followed by "by <actor>" is a passive: it does not govern
    // what follows.
    for cue in &mut cues {
        if norms.get(cue.end) == Some(&"by") {
            let mut k = cue.end + 1;
            while k < n && DETERMINERS.contains(&norms[k]) {
                k += 1;
            }
            cue.passive = mentions.iter().any(|m| m.0 == k);
        }
    }

    // Groups: coordinated mentions.
    let mut groups: Vec<Group> = Vec::new();
    for &(s, e, a) in &mentions {
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
        groups.push(Group {
            start: s,
            end: e,
            actors: vec![a],
            anaphor: None,
            poss: toks[e - 1].poss,
            prep_object: false,
            according: false,
        });
    }
    // Anaphora.
    let mut j = 0;
    while j < n {
        if in_issue[j] || mentions.iter().any(|m| m.0 <= j && j < m.1) {
            j += 1;
            continue;
        }
        let w = norms[j];
        if matches!(w, "he" | "she") {
            groups.push(Group {
                start: j,
                end: j + 1,
                actors: vec![],
                anaphor: Some(Anaphor::Singular),
                poss: false,
                prep_object: false,
                according: false,
            });
            j += 1;
            continue;
        }
        if w == "it" && j == 0 {
            groups.push(Group {
                start: 0,
                end: 1,
                actors: vec![],
                anaphor: Some(Anaphor::Plural),
                poss: false,
                prep_object: false,
                according: false,
            });
            j += 1;
            continue;
        }
        if let Some((end, poss)) = c.anaphora.longest(&norms, j) {
            // "both" before a mention is a determiner, not an anaphor.
            let before_mention = mentions.iter().any(|m| m.0 == end);
            let determiner = before_mention && norms[j] == "both" && end == j + 1;
            if !determiner && !in_issue[j..end].iter().any(|&x| x) {
                // "the leaders of Russia and China", "the statement by
                // Moscow and Beijing": the group itself.
                let nominal = !matches!(norms[j..end], ["they"] | ["their"] | ["both"] | ["the", "two"]);
                let head_of = nominal && matches!(norms.get(end), Some(&("of" | "by" | "from" | "between")));
                if head_of {
                    let at = if norms.get(end + 1) == Some(&"the") { end + 2 } else { end + 1 };
                    if let Some(g) = groups.iter_mut().find(|g| g.anaphor.is_none() && g.start == at) {
                        g.start = j;
                        j = end;
                        continue;
                    }
                }
                groups.push(Group {
                    start: j,
                    end,
                    actors: vec![],
                    anaphor: Some(Anaphor::Plural),
                    poss,
                    prep_object: false,
                    according: false,
                });
                j = end;
                continue;
            }
        }
        j += 1;
    }
    crate::sort::by_key(&mut groups, |g| (g.start, g.end));
    for g in &mut groups {
        let mut k = g.start;
        while k > 0 && DETERMINERS.contains(&norms[k - 1]) && !(g.anaphor.is_some() && k == g.start) {
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
    SentenceInfo { toks, issues, in_issue, groups, cues }
}

fn negated(info: &SentenceInfo, cue: &Cue) -> bool {
    let lo = cue.start.saturating_sub(3);
    (lo..cue.start).rev().any(|k| {
        let w = info.toks[k].norm.as_str();
        NEGATORS.contains(&w) || w.ends_with("n't")
    })
}

/// The polarity of a stance cue of base polarity `p`, given negation:
/// `None` when a negated oppose cue does not amount to support.
fn cue_polarity(info: &SentenceInfo, cue: &Cue, p: i8) -> Option<(i8, bool)> {
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
fn post_inversion(info: &SentenceInfo, e: usize) -> i8 {
    match info.toks.get(e) {
        Some(t) if POST_INVERTERS.contains(&t.norm.as_str()) => -1,
        _ => 1,
    }
}

/// A stance cue right before cue `ci` (only determiners between) that
/// takes it as its object: "rejected [the] calls for".
fn stacked_cue(info: &SentenceInfo, ci: usize) -> Option<usize> {
    let start = info.cues[ci].start;
    let outer = info.cues[..ci].iter().rposition(|c| c.end <= start && !c.passive)?;
    let c = &info.cues[outer];
    let between = &info.toks[c.end..start];
    (matches!(c.kind, CueKind::Stance(_))
        && between.len() <= 2
        && between.iter().all(|t| matches!(t.norm.as_str(), "the" | "a" | "an" | "any" | "all" | "these" | "those")))
    .then_some(outer)
}

fn is_boundary(info: &SentenceInfo, k: usize) -> bool {
    BOUNDARY_WORDS.contains(&info.toks[k].norm.as_str())
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

/// Resolution context of one article.
struct Context {
    /// Latest joint group before the current sentence.
    current: Option<Vec<usize>>,
    /// Fallback: the first coordinated group of an earlier sentence (often
    /// the headline's).
    first: Option<Vec<usize>>,
}

/// Actors of `g` at token `at` of the sentence, given the groups updated
/// earlier in this sentence.
fn resolve(info: &SentenceInfo, g: &Group, ctx: &Context, updates: &[(usize, Vec<usize>)]) -> Vec<usize> {
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

fn is_head(kind: CueKind) -> bool {
    matches!(kind, CueKind::Stance(_) | CueKind::Directive | CueKind::Reporting)
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

struct Found {
    cue: usize,
    polarity: i8,
    negated: bool,
    source: Source,
}

enum Source {
    /// Attribute like the head cue at this index.
    Head(usize),
    Reported,
    Group(usize, Attribution),
}

/// The polarity of issue mention `(s, e)`, with the cue that decided it.
fn govern(info: &SentenceInfo, s: usize, e: usize) -> Option<Found> {
    let mut f = govern_phrase(info, s, e)?;
    f.polarity *= post_inversion(info, e);
    Some(f)
}

fn govern_phrase(info: &SentenceInfo, s: usize, e: usize) -> Option<Found> {
    let n = info.toks.len();
    let mut pol: i8 = 1;
    let mut inverters = 0;
    let mut first_inverter = None;
    let lo = s.saturating_sub(MAX_BACK);
    // Walk back from the issue to its governing cue.
    let mut k = s;
    while k > lo {
        if info.toks[k].boundary_before && k < s {
            break;
        }
        k -= 1;
        if is_boundary(info, k) {
            break;
        }
        if let Some(ci) = info.cues.iter().position(|c| c.end == k + 1 && c.end <= s && !c.passive) {
            let cue = &info.cues[ci];
            match cue.kind {
                CueKind::Stance(p) => {
                    let (p, neg) = cue_polarity(info, cue, p)?;
                    pol *= p;
                    // Stacked cues multiply: "rejected calls for a
                    // ceasefire" opposes the ceasefire.
                    let mut head = ci;
                    while let Some(outer) = stacked_cue(info, head) {
                        let CueKind::Stance(q) = info.cues[outer].kind else { break };
                        let (q, _) = cue_polarity(info, &info.cues[outer], q)?;
                        pol *= q;
                        head = outer;
                    }
                    return Some(Found { cue: ci, polarity: pol, negated: neg, source: Source::Head(ci) });
                }
                CueKind::Inverter => {
                    pol = -pol;
                    inverters += 1;
                    first_inverter.get_or_insert(ci);
                }
                CueKind::Directive => {
                    if inverters > 0 {
                        let decisive = first_inverter.unwrap_or(ci);
                        return Some(Found { cue: decisive, polarity: pol, negated: false, source: Source::Head(ci) });
                    }
                    return None;
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
    // Forward: a verdict, a passive with an agent, or "which they oppose".
    let hi = (e + MAX_FORWARD).min(n);
    if let Some(rel) = (e..hi.min(e + 2)).find(|&k| matches!(info.toks[k].norm.as_str(), "which" | "that" | "whom")) {
        if let Some((gi, g)) = info.groups.iter().enumerate().find(|(_, g)| g.start == rel + 1 && !g.poss) {
            if let Some((ci, cue)) = info
                .cues
                .iter()
                .enumerate()
                .find(|(_, c)| c.start >= g.end && c.start <= g.end + 2 && matches!(c.kind, CueKind::Stance(_)))
            {
                if let CueKind::Stance(p) = cue.kind {
                    let (p, neg) = cue_polarity(info, cue, p)?;
                    let attribution = if g.anaphor.is_some() { Attribution::Anaphor } else { Attribution::Subject };
                    return Some(Found { cue: ci, polarity: p, negated: neg, source: Source::Group(gi, attribution) });
                }
            }
        }
    }
    for (ci, cue) in info.cues.iter().enumerate().filter(|(_, c)| c.start >= e && c.start < hi) {
        if (e + 1..=cue.start).any(|k| k < n && (info.toks[k].boundary_before || is_boundary(info, k))) {
            return None;
        }
        match cue.kind {
            CueKind::Verdict(p) => {
                let neg = negated(info, cue);
                let p = if neg { -p } else { p };
                return Some(Found { cue: ci, polarity: p * pol, negated: neg, source: Source::Reported });
            }
            CueKind::Stance(p) if cue.passive => {
                let mut k = cue.end + 1;
                while k < n && DETERMINERS.contains(&info.toks[k].norm.as_str()) {
                    k += 1;
                }
                let gi = info.groups.iter().position(|g| g.start == k && g.anaphor.is_none())?;
                let (p, neg) = cue_polarity(info, cue, p)?;
                return Some(Found {
                    cue: ci,
                    polarity: p * pol,
                    negated: neg,
                    source: Source::Group(gi, Attribution::Agent),
                });
            }
            CueKind::Stance(_) | CueKind::Reporting | CueKind::Directive => return None,
            _ => {}
        }
    }
    None
}

/// Extracts every statement of the corpus.
pub fn extract(corpus: &Corpus, lex: &Lexicon) -> Vec<Statement> {
    let c = compile_all(lex);
    let mut out = Vec::new();
    for (ai, art) in corpus.articles.iter().enumerate() {
        extract_article(ai, art, corpus, &c, &mut out);
    }
    out
}

fn extract_article(ai: usize, art: &Article, corpus: &Corpus, c: &Compiled, out: &mut Vec<Statement>) {
    let infos: Vec<SentenceInfo> = (0..art.sentences.len()).map(|si| analyse_sentence(corpus, art, si, c)).collect();
    let mut ctx = Context { current: None, first: None };
    for (si, info) in infos.iter().enumerate() {
        // Joint-group updates in this sentence: coordinated subjects of a
        // verb cue, and "according to X and Y".
        let mut updates: Vec<(usize, Vec<usize>)> = Vec::new();
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

        // Sources of head cues, left to right, inheriting across
        // coordinated predicates.
        let mut head_source: BTreeMap<usize, Option<(usize, Attribution)>> = BTreeMap::new();
        let mut prev: Option<usize> = None;
        for (ci, cue) in info.cues.iter().enumerate() {
            if !is_head(cue.kind) || cue.passive {
                continue;
            }
            let region_start = prev.map(|p| info.cues[p].end).unwrap_or(0);
            let mut src = None;
            // "the concern of Moscow and Beijing"
            if matches!(cue.kind, CueKind::Stance(_))
                && NOMINAL_CUES.contains(&info.toks[cue.start].norm.as_str())
                && info.toks.get(cue.end).map(|t| t.norm.as_str()) == Some("of")
            {
                src = info
                    .groups
                    .iter()
                    .position(|g| g.anaphor.is_none() && (g.start == cue.end + 1 || g.start == cue.end + 2))
                    .map(|gi| (gi, Attribution::Subject));
            }
            if src.is_none() {
                let mut boundary = region_start;
                for k in region_start..cue.start {
                    if info.toks[k].boundary_before {
                        boundary = k;
                    }
                }
                src = info
                    .groups
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|(_, g)| g.start >= boundary && g.end <= cue.start && eligible(info, g, cue.start))
                    .map(|(gi, g)| (gi, if g.anaphor.is_some() { Attribution::Anaphor } else { Attribution::Subject }));
            }
            if src.is_none() {
                src = prev.and_then(|p| head_source.get(&p).copied().flatten());
            }
            head_source.insert(ci, src);
            prev = Some(ci);
        }

        let mut stmts: Vec<Statement> = Vec::new();
        for &(s, e, issue) in &info.issues {
            let Some(f) = govern(info, s, e) else { continue };
            let (gi, attribution) = match f.source {
                Source::Head(h) => match head_source.get(&h).copied().flatten() {
                    Some(x) => x,
                    None => match reported_source(info) {
                        Some(g) => (g, Attribution::Reported),
                        None => continue,
                    },
                },
                Source::Reported => match reported_source(info) {
                    Some(g) => (g, Attribution::Reported),
                    None => continue,
                },
                Source::Group(gi, a) => (gi, a),
            };
            let Some(g) = info.groups.get(gi) else { continue };
            let actors = resolve(info, g, &ctx, &updates);
            let cue = &info.cues[f.cue];
            let cue_span = Span { start: info.toks[cue.start].span.start, end: info.toks[cue.end - 1].span.end };
            let actor_span = Span { start: info.toks[g.start].span.start, end: info.toks[g.end - 1].span.end };
            let issue_span = Span { start: info.toks[s].span.start, end: info.toks[e - 1].span.end };
            for actor in actors {
                stmts.push(Statement {
                    article: ai,
                    sentence: si,
                    span: art.sentences[si].span,
                    actor,
                    issue,
                    polarity: if f.polarity > 0 { Polarity::Support } else { Polarity::Oppose },
                    cue: cue_span,
                    actor_span,
                    issue_span,
                    attribution,
                    negated: f.negated,
                });
            }
        }
        // One sentence, one actor, one issue: one statement; conflicting
        // polarities cancel.
        let mut seen: BTreeMap<(usize, usize), (usize, bool)> = BTreeMap::new();
        for (i, st) in stmts.iter().enumerate() {
            match seen.get_mut(&(st.actor, st.issue)) {
                None => {
                    seen.insert((st.actor, st.issue), (i, true));
                }
                Some((first, ok)) => {
                    if stmts[*first].polarity != st.polarity {
                        *ok = false;
                    }
                }
            }
        }
        let mut keep: Vec<usize> = seen.values().filter(|(_, ok)| *ok).map(|(i, _)| *i).collect();
        crate::sort::ord(&mut keep);
        for i in keep {
            out.push(stmts[i].clone());
        }

        if let Some((_, a)) = updates.last() {
            ctx.current = Some(a.clone());
        }
        if ctx.first.is_none() {
            ctx.first =
                info.groups.iter().find(|g| g.anaphor.is_none() && g.actors.len() >= 2).map(|g| g.actors.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::parse_lexicon;
    use crate::source::{parse_jsonl, CorpusSource};

    const LEX: &str = r#"
[[actor]]
name = "Russia"
aliases = ["Moscow", "Putin", "Russian", "the Kremlin"]
[[actor]]
name = "China"
aliases = ["Beijing", "Xi", "Chinese"]
[[actor]]
name = "United States"
aliases = ["US", "Washington", "Kirby"]
[[actor]]
name = "NATO"
aliases = ["North Atlantic Alliance"]
[[issue]]
name = "NATO enlargement"
phrases = ["NATO enlargement", "enlargement of NATO", "NATO expansion", "expansion of NATO"]
[[issue]]
name = "AUKUS"
phrases = ["AUKUS"]
[[issue]]
name = "sanctions"
phrases = ["sanctions"]
[[issue]]
name = "Cold War mentality"
phrases = ["ideological approaches", "Cold War mentality"]
[[issue]]
name = "Internet sovereignty"
phrases = ["sovereign right to regulate the Internet"]
"#;

    fn corpus(texts: &[&str]) -> Corpus {
        let mut jsonl = String::new();
        for (i, t) in texts.iter().enumerate() {
            jsonl.push_str(&serde_json::json!({"id": format!("a{i}"), "text": t}).to_string());
            jsonl.push('\n');
        }
        let src: CorpusSource = parse_jsonl("t.jsonl", jsonl.as_bytes()).unwrap();
        Corpus::build(src)
    }

    /// (actor, issue, polarity) triples of a one-article corpus.
    fn stances(text: &str) -> Vec<(String, String, &'static str)> {
        let lex = parse_lexicon("lex.toml", LEX).unwrap();
        let c = corpus(&[text]);
        let mut v: Vec<_> = extract(&c, &lex)
            .into_iter()
            .map(|s| (lex.actors[s.actor].name.clone(), lex.issues[s.issue].name.clone(), s.polarity.label()))
            .collect();
        crate::sort::ord(&mut v);
        v.dedup();
        v
    }

    fn t(a: &str, i: &str, p: &'static str) -> (String, String, &'static str) {
        (a.to_string(), i.to_string(), p)
    }

    #[test]
    fn explicit_joint_subject() {
        assert_eq!(
            stances("Russia and China oppose any further enlargement of NATO, officials said."),
            vec![t("China", "NATO enlargement", "oppose"), t("Russia", "NATO enlargement", "oppose")]
        );
    }

    #[test]
    fn nato_in_general_is_not_enlargement() {
        assert_eq!(stances("Moscow opposes NATO and its ideas."), vec![]);
    }

    #[test]
    fn negation_flips() {
        assert_eq!(stances("Putin does not support new sanctions."), vec![t("Russia", "sanctions", "oppose")]);
        assert_eq!(
            stances("The Kremlin said Washington does not rule out sanctions."),
            vec![t("United States", "sanctions", "support")]
        );
    }

    #[test]
    fn negated_oppose_is_support_only_in_idioms() {
        assert_eq!(stances("Putin did not condemn the sanctions."), vec![]);
        assert_eq!(stances("Putin is not opposed to sanctions."), vec![t("Russia", "sanctions", "support")]);
        assert_eq!(
            stances("Neither Moscow nor Beijing supports NATO expansion."),
            vec![t("China", "NATO enlargement", "oppose"), t("Russia", "NATO enlargement", "oppose")]
        );
    }

    #[test]
    fn stacked_cues_multiply() {
        assert_eq!(stances("Putin has rejected calls for sanctions."), vec![t("Russia", "sanctions", "oppose")]);
    }

    #[test]
    fn no_reach_across_another_predicate() {
        assert_eq!(stances("Putin voiced support for his government, which was weak before the sanctions."), vec![]);
    }

    #[test]
    fn reversing_noun_after_the_issue() {
        assert_eq!(stances("Putin opposes sanctions relief."), vec![t("Russia", "sanctions", "support")]);
    }

    #[test]
    fn inversion_call_for_an_end() {
        assert_eq!(
            stances("China joins Russia in calling for an end to NATO expansion."),
            vec![t("China", "NATO enlargement", "oppose"), t("Russia", "NATO enlargement", "oppose")]
        );
        assert_eq!(
            stances("Moscow and Beijing call on the North Atlantic Alliance to abandon its ideological approaches."),
            vec![t("China", "Cold War mentality", "oppose"), t("Russia", "Cold War mentality", "oppose")]
        );
    }

    #[test]
    fn plural_anaphora_resolve_to_joint_statement() {
        let text = "Russia and China issued a joint statement on Friday.\n\nThe two countries denounce AUKUS. \
                    In particular, they say they are opposed to the expansion of NATO.";
        assert_eq!(
            stances(text),
            vec![
                t("China", "AUKUS", "oppose"),
                t("China", "NATO enlargement", "oppose"),
                t("Russia", "AUKUS", "oppose"),
                t("Russia", "NATO enlargement", "oppose"),
            ]
        );
    }

    #[test]
    fn prepositional_objects_are_not_speakers() {
        let text = "Russia and China met on Friday. The two countries, with tense relations with Washington, \
                    denounce AUKUS.";
        let got = stances(text);
        assert!(!got.iter().any(|x| x.0 == "United States"), "{got:?}");
        assert!(got.contains(&t("Russia", "AUKUS", "oppose")));
    }

    #[test]
    fn reported_speech_and_verdicts() {
        assert_eq!(
            stances("Russia and China said that any attempt to limit the sovereign right to regulate the Internet is unacceptable."),
            vec![t("China", "Internet sovereignty", "support"), t("Russia", "Internet sovereignty", "support")]
        );
        assert_eq!(stances("AUKUS is dangerous, Kirby said."), vec![t("United States", "AUKUS", "oppose")]);
    }

    #[test]
    fn passive_agent_and_relative_clause() {
        assert_eq!(
            stances("The creation of AUKUS had been strongly denounced by China."),
            vec![t("China", "AUKUS", "oppose")]
        );
        assert_eq!(
            stances("Russia and China met. NATO expansion, which they oppose, was discussed."),
            vec![t("China", "NATO enlargement", "oppose"), t("Russia", "NATO enlargement", "oppose")]
        );
    }

    #[test]
    fn coordinated_predicates_share_the_subject() {
        assert_eq!(
            stances("Russia voiced support for China's position on AUKUS, and opposes NATO expansion."),
            vec![t("Russia", "AUKUS", "support"), t("Russia", "NATO enlargement", "oppose")]
        );
    }

    #[test]
    fn no_speaker_no_statement() {
        assert_eq!(stances("Against AUKUS and NATO"), vec![]);
        assert_eq!(stances("They oppose AUKUS."), vec![]);
    }

    #[test]
    fn possessive_alias_and_caps_alias() {
        // "us" is not the United States.
        assert_eq!(stances("Give us sanctions, they support sanctions."), vec![]);
        assert_eq!(stances("Washington’s criticism of AUKUS was muted."), vec![t("United States", "AUKUS", "oppose")]);
    }

    #[test]
    fn matrix_mixed_and_selection() {
        let lex = parse_lexicon("lex.toml", LEX).unwrap();
        let c = corpus(&["Putin supports sanctions.", "Putin opposes sanctions.", "Xi opposes AUKUS."]);
        let st = extract(&c, &lex);
        let m = matrix(&st, &[0, 1, 2]);
        let russia = lex.actors.iter().position(|a| a.name == "Russia").unwrap();
        let sanctions = lex.issues.iter().position(|i| i.name == "sanctions").unwrap();
        let cell = m.cell(russia, sanctions).unwrap();
        assert_eq!(cell.stance, Stance::Mixed);
        assert_eq!((cell.support, cell.oppose), (1, 1));
        assert_eq!(cell.articles, vec![0, 1]);
        assert_eq!(m.actors[0], russia);
        let m1 = matrix(&st, &[1]);
        assert_eq!(m1.cell(russia, sanctions).unwrap().stance, Stance::Oppose);
        assert!(matrix(&st, &[]).cells.is_empty());
    }

    #[test]
    fn never_panics_on_odd_text() {
        let lex = parse_lexicon("lex.toml", LEX).unwrap();
        let c = corpus(&[
            "they",
            "’s ’ ' — | ; NATO",
            "oppose oppose oppose NATO expansion of NATO expansion",
            "Россия и Китай против расширения НАТО. 中国和俄罗斯反对北约扩张。",
            "by by by denounced by",
        ]);
        let _ = extract(&c, &lex);
    }
}
