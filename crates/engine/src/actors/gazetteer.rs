//! The gazetteer of states: names, alternate names, demonyms and capitals
//! (`data/countries.txt`, made from the `world-countries` package by
//! `scripts/gen_countries.py`), matched on folded words.

use crate::phrases::PatternSet;

/// The state table: see `scripts/gen_countries.py` (ODbL 1.0).
const COUNTRIES: &str = include_str!("../../data/countries.txt");

/// How a state is named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameKind {
    /// Its name or an alternate name ("Russia", "Russian Federation").
    Name,
    /// A demonym ("Russian", "Russians").
    Demonym,
    /// Its capital, as a metonym ("Moscow").
    Capital,
}

/// The states and their names, compiled for matching.
pub(crate) struct Gazetteer {
    /// Each state's common name.
    pub(crate) names: Vec<&'static str>,
    /// Folded name words -> (state, kind, written in capitals).
    set: PatternSet<(u32, NameKind, bool)>,
}

impl Gazetteer {
    /// The gazetteer of the built-in table.
    pub(crate) fn new() -> Gazetteer {
        let mut names = Vec::new();
        let mut set = PatternSet::new();
        for line in COUNTRIES.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut fields = line.split('\t');
            let Some(common) = fields.next() else { continue };
            let id = names.len() as u32;
            names.push(common);
            set.add(common, None, (id, NameKind::Name, false));
            let kinds = [NameKind::Name, NameKind::Demonym, NameKind::Capital];
            for (field, kind) in fields.zip(kinds) {
                for v in field.split('|').filter(|v| !v.is_empty()) {
                    let caps = v.chars().all(|c| !c.is_lowercase()) && v.chars().any(char::is_alphabetic);
                    set.add(v, None, (id, kind, caps));
                }
            }
        }
        Gazetteer { names, set }
    }

    /// The longest state name at word `j` of `folded` (the words of
    /// `texts`, folded): (end, state, kind). The first word must be
    /// capitalised, and a code written in capitals ("US") must be so in
    /// the text too.
    pub(crate) fn at(&self, texts: &[&str], folded: &[&str], j: usize) -> Option<(usize, u32, NameKind)> {
        let mut found = Vec::new();
        self.set.all(folded, j, &mut found);
        let capitalised = texts.get(j).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        if !capitalised {
            return None;
        }
        let ok = |&&(s, e, (_, _, caps)): &&(usize, usize, (u32, NameKind, bool))| {
            !caps || texts[s..e].iter().all(|w| w.chars().all(|c| !c.is_lowercase()))
        };
        let mut best: Option<(usize, u32, NameKind)> = None;
        for &(_, e, (state, kind, _)) in found.iter().filter(ok) {
            if best.is_none_or(|(b, _, _)| e > b) {
                best = Some((e, state, kind));
            }
        }
        best
    }
}
