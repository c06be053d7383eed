//! The matrix: statements of a selection of articles aggregated into
//! actor × issue cells, each with its evidence sentences; a cell with
//! statements both ways is *mixed*.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Polarity, Statement};
use crate::model::{Corpus, Span};

/// A cell's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Every statement supports.
    Support,
    /// Every statement opposes.
    Oppose,
    /// Evidence both ways.
    Mixed,
}

impl Stance {
    /// The lowercase name, as in JSON and CSV.
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
    /// Index into `Corpus::articles`.
    pub article: usize,
    /// Index into `Article::sentences`.
    pub sentence: usize,
    /// The sentence span.
    pub span: Span,
    /// The statement's polarity.
    pub polarity: Polarity,
}

/// One actor's stance on one issue over the selected articles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// Index into `Lexicon::actors`.
    pub actor: usize,
    /// Index into `Lexicon::issues`.
    pub issue: usize,
    /// The verdict of the evidence.
    pub stance: Stance,
    /// Number of supporting evidence sentences.
    pub support: usize,
    /// Number of opposing evidence sentences.
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
    /// The cell of `actor` and `issue`, if it has evidence.
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
