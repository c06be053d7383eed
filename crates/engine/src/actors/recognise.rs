//! Actor candidates in one sentence: runs of capitalised words, read as a
//! state (by the gazetteer), an organisation (a run ending in a head noun:
//! "… Agency"), a person (two or more name words, after any titles), an
//! acronym ("NATO") or a single name word ("Putin", "Mr Gunness") that the
//! corpus pass resolves to a person named before.

use super::gazetteer::{Gazetteer, NameKind};
use super::words::{is_in, never_name, JOINERS, ORG_HEADS, THING_HEADS, TITLES};

/// What a candidate is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum CandKind {
    /// A state, named by name, demonym or capital.
    State(u32, NameKind),
    /// A person's full name.
    Person,
    /// An organisation's name.
    Org,
    /// A word in capitals that no gazetteer entry names.
    Acronym,
    /// One name word; `true` after a title ("Mr Gunness").
    Single(bool),
}

/// An actor candidate: words `start..end` of the sentence.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: CandKind,
    /// Its name as written (a final possessive dropped).
    pub(crate) name: String,
    /// The state a title or a name part ties it to ("Chinese President").
    pub(crate) affiliation: Option<u32>,
    /// The acronym defined right after it: "… Agency (EPA)".
    pub(crate) defines: Option<String>,
    /// After a title ("President", "Mr").
    pub(crate) titled: bool,
}

/// One sentence's words: as written, folded, and the text before each.
pub(crate) struct Words<'a> {
    pub(crate) texts: Vec<&'a str>,
    pub(crate) folded: Vec<&'a str>,
    pub(crate) gaps: Vec<&'a str>,
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A word in capitals of 2 to 6 letters ("EPA", "U.S").
fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
}

fn possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
}

/// Strips a final possessive: "Russia's" -> "Russia".
pub(crate) fn strip_possessive(w: &str) -> &str {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(s) = w.strip_suffix(suffix) {
            return s;
        }
    }
    w
}

/// Whether the text between two words keeps them in one name.
fn joins(prev: &str, gap: &str) -> bool {
    let g = gap.trim_matches(' ');
    g.is_empty() || g == "-" || (g == "." && (prev.len() <= 3 || is_in(TITLES, &prev.to_lowercase())))
}

/// Finds the actor candidates of a sentence. `common(w)` says whether the
/// corpus writes the folded word `w` mostly in lowercase (a common word,
/// not a name).
pub(crate) fn candidates(w: &Words, gaz: &Gazetteer, common: &dyn Fn(&str) -> bool) -> Vec<Cand> {
    let mut out = Vec::new();
    for mut c in runs(w, gaz, common) {
        // Names of several words that the corpus also writes in lowercase
        // ("Cold War", "Eastern Europe") are not people's names.
        if c.kind == CandKind::Person && !c.titled && w.folded[c.start..c.end].iter().any(|f| common(f)) {
            continue;
        }
        // Nor are treaties, events and places ("North Atlantic Treaty",
        // "Chapel Hill"): a name ending in one of their head nouns.
        if c.kind == CandKind::Person && !c.titled && c.end > c.start + 1 && is_in(THING_HEADS, w.folded[c.end - 1]) {
            continue;
        }
        c.defines = defined_acronym(w, &c);
        out.push(c);
    }
    out
}

/// The candidates of the runs of name words of a sentence.
fn runs(w: &Words, gaz: &Gazetteer, common: &dyn Fn(&str) -> bool) -> Vec<Cand> {
    let n = w.texts.len();
    let caps = w.texts.iter().filter(|t| is_cap(t)).count();
    let title_case = n >= 4 && caps * 10 >= n * 6;
    let name_word = |i: usize| {
        is_cap(w.texts[i])
            && !(title_case
                && common(w.folded[i])
                && gaz.at(&w.texts, &w.folded, i).is_none()
                && !is_in(ORG_HEADS, w.folded[i]))
    };
    let mut out: Vec<Cand> = Vec::new();
    let mut i = 0;
    while i < n {
        if !name_word(i) {
            i += 1;
            continue;
        }
        let (s, e) = run(w, i, &name_word);
        let s = strip_start(w, s, e, gaz, common);
        if s < e {
            let prev_state = out.last().and_then(|c| match c.kind {
                CandKind::State(st, _) if c.end == s && possessive(w.texts[s - 1]) => Some(st),
                _ => None,
            });
            read_run(w, s, e, gaz, prev_state, &mut out);
        }
        i = e.max(i + 1);
    }
    out
}

/// The run of name words from `i`: capitalised words, bridged by a joiner
/// ("of", "and") inside an organisation's name.
fn run(w: &Words, i: usize, name_word: &dyn Fn(usize) -> bool) -> (usize, usize) {
    let n = w.texts.len();
    let plain = |from: usize| {
        let mut e = from;
        while e < n && name_word(e) && (e == from || joins(w.texts[e - 1], w.gaps[e])) {
            e += 1;
            if possessive(w.texts[e - 1]) {
                break;
            }
        }
        e
    };
    let mut e = plain(i);
    loop {
        if e >= n || possessive(w.texts[e - 1]) || !is_in(JOINERS, w.folded[e]) || w.folded[e] == "the" {
            break;
        }
        let mut from = e + 1;
        if from < n && w.folded[from] == "the" {
            from += 1;
        }
        if from >= n || !name_word(from) || never_name(w.folded[from]) {
            break;
        }
        let f = plain(from);
        let head_before = w.folded[i..e].iter().any(|x| is_in(ORG_HEADS, x));
        let head_after = is_in(ORG_HEADS, w.folded[f - 1]);
        let ok = if w.folded[e] == "and" || w.folded[e] == "&" { head_after && !head_before } else { head_before };
        if !ok {
            break;
        }
        e = f;
    }
    (i, e)
}

/// Drops the words a run starts with that are not part of a name: a
/// function word, or a common word that starts the sentence or a quote.
fn strip_start(w: &Words, mut s: usize, e: usize, gaz: &Gazetteer, common: &dyn Fn(&str) -> bool) -> usize {
    while s < e && gaz.at(&w.texts, &w.folded, s).is_none() {
        let f = w.folded[s];
        let starts = s == 0 || w.gaps[s].contains(['"', '“', ':', '(', '—', '‘', '\'']);
        if never_name(f) || (starts && common(f) && !is_in(TITLES, f)) {
            s += 1;
        } else {
            break;
        }
    }
    s
}

fn cand(w: &Words, start: usize, end: usize, kind: CandKind, affiliation: Option<u32>) -> Cand {
    let mut name = w.texts[start..end].iter().enumerate().fold(String::new(), |mut acc, (k, t)| {
        if k > 0 {
            acc.push_str(if w.gaps[start + k].trim_matches(' ') == "-" { "-" } else { " " });
        }
        acc.push_str(t);
        acc
    });
    name = strip_possessive(&name).to_string();
    Cand { start, end, kind, name, affiliation, defines: None, titled: false }
}

/// Reads one run: a state name first (a prefix that affiliates what
/// follows), then an organisation, or titles and a person's name.
fn read_run(w: &Words, s: usize, e: usize, gaz: &Gazetteer, prev_state: Option<u32>, out: &mut Vec<Cand>) {
    // A head noun last ("… Agency") or before a joiner ("Bank of …").
    let head_at = |i: usize| is_in(ORG_HEADS, w.folded[i]) && (i + 1 == e || is_in(JOINERS, w.folded[i + 1]));
    let last_head = e - s >= 2 && (s..e).any(head_at);
    let mut k = s;
    let mut affiliation = prev_state;
    if let Some((ge, st, kind)) = gaz.at(&w.texts, &w.folded, s).filter(|&(ge, _, _)| ge <= e) {
        out.push(cand(w, s, ge, CandKind::State(st, kind), None));
        if last_head && ge < e {
            out.push(cand(w, s, e, CandKind::Org, Some(st)));
            return;
        }
        if ge == e || possessive(w.texts[ge - 1]) {
            return;
        }
        k = ge;
        affiliation = Some(st);
    }
    if last_head {
        out.push(cand(w, k, e, CandKind::Org, affiliation));
        return;
    }
    // The name follows the last title: "Committee Chairman Rep. Edward
    // Markey" is Edward Markey.
    let titled = match (k..e).rev().find(|&i| is_in(TITLES, w.folded[i]) && i + 1 < e) {
        Some(t) => {
            k = t + 1;
            true
        }
        None => false,
    };
    if k >= e {
        return;
    }
    if let Some((ge, st, kind)) = gaz.at(&w.texts, &w.folded, k).filter(|&(ge, _, _)| ge <= e) {
        // "the President of Russia" is read in the next run; a state
        // after titles ("Prime Minister Britain") is just the state.
        out.push(cand(w, k, ge, CandKind::State(st, kind), None));
        return;
    }
    let kind = match e - k {
        1 if is_acronym(w.texts[k]) => CandKind::Acronym,
        1 => CandKind::Single(titled),
        _ => CandKind::Person,
    };
    let aff = if titled || kind == CandKind::Person { affiliation } else { None };
    let mut c = cand(w, k, e, kind, aff);
    c.titled = titled;
    out.push(c);
}

/// The acronym defined in parentheses right after a candidate, when its
/// letters are the initials of the candidate's words ("Environmental
/// Protection Agency (EPA)"; a word in capitals counts whole: "UN Relief
/// and Works Agency (UNRWA)").
fn defined_acronym(w: &Words, c: &Cand) -> Option<String> {
    let e = c.end;
    let acr = *w.texts.get(e)?;
    if c.end - c.start < 2 || !w.gaps[e].contains('(') || !is_acronym(acr) {
        return None;
    }
    let letters: String = acr.chars().filter(|ch| ch.is_alphabetic()).collect();
    let initials = |skip_joiners: bool| -> String {
        let mut s = String::new();
        for (t, f) in w.texts[c.start..e].iter().zip(&w.folded[c.start..e]) {
            if skip_joiners && is_in(JOINERS, f) {
                continue;
            }
            if is_acronym(t) {
                s.extend(t.chars().filter(|ch| ch.is_alphabetic()));
            } else {
                s.extend(t.chars().next().into_iter().flat_map(char::to_uppercase));
            }
        }
        s
    };
    (initials(true) == letters || initials(false) == letters).then_some(letters)
}
