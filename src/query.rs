//! The URL ↔ view-state codec.
//!
//! Every piece of view state lives in the URL fragment:
//! `#/<view>?key=value&…`. [`decode`] is total: any string gives a valid
//! [`ViewState`] plus a list of notices saying what was ignored, so a bad
//! link opens the nearest valid view instead of a blank page. [`encode`]
//! writes the canonical fragment; `decode(encode(s)) == s` for every state.
//!
//! Pure (no web APIs), so it is tested natively.

use std::fmt::Write;

use parallax_engine::facets::{Facet, Filter, Sort};
use parallax_engine::query::Query;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Articles,
    Overlap,
    Stances,
}

impl View {
    pub const ALL: [View; 3] = [View::Articles, View::Overlap, View::Stances];
    pub fn path(self) -> &'static str {
        match self {
            View::Articles => "/",
            View::Overlap => "/overlap",
            View::Stances => "/stances",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            View::Articles => "Articles",
            View::Overlap => "Overlap",
            View::Stances => "Stances",
        }
    }
    fn from_path(p: &str) -> Option<View> {
        match p.trim_end_matches('/') {
            "" | "/articles" => Some(View::Articles),
            "/overlap" => Some(View::Overlap),
            "/stances" => Some(View::Stances),
            _ => None,
        }
    }
}

/// What the page shows, all of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub view: View,
    /// Search text, as typed.
    pub q: String,
    /// The article open in the reader.
    pub article: Option<String>,
    /// Show removed boilerplate in the reader.
    pub boilerplate: bool,
    /// The sentence of the open article to scroll to and mark.
    pub sentence: Option<u32>,
    /// The selected stance cell: actor and issue names.
    pub cell: Option<(String, String)>,
    /// The pair of articles open side by side (ids, in id order).
    pub pair: Option<(String, String)>,
    /// The selected passage of the pair (index in the pair's passages).
    pub passage: Option<u32>,
    /// The cluster open as a collation table.
    pub cluster: Option<u32>,
    /// Selected facet values, each sorted and without duplicates (see
    /// [`ViewState::facet`]): actor and issue names, outlets, events,
    /// dates, article ids ("shares passages with"), cluster ids.
    pub actors: Vec<String>,
    pub issues: Vec<String>,
    pub outlets: Vec<String>,
    pub events: Vec<String>,
    pub dates: Vec<String>,
    pub shares: Vec<String>,
    pub carries: Vec<u32>,
    /// The list's order.
    pub sort: Sort,
    /// How many list rows to render (None: the first [`PAGE_ROWS`]).
    pub show: Option<u32>,
}

/// Rows of the article list rendered at first; "show more" adds as many.
pub const PAGE_ROWS: u32 = 15;

impl ViewState {
    /// The selected values of a facet, as the URL writes them.
    pub fn facet(&self, f: Facet) -> Vec<String> {
        match f {
            Facet::Actor => self.actors.clone(),
            Facet::Issue => self.issues.clone(),
            Facet::Outlet => self.outlets.clone(),
            Facet::Event => self.events.clone(),
            Facet::Date => self.dates.clone(),
            Facet::Shares => self.shares.clone(),
            Facet::Carries => self.carries.iter().map(u32::to_string).collect(),
        }
    }

    /// Sets a facet's values (sorted, deduplicated; cluster ids that are
    /// not numbers are dropped).
    pub fn set_facet(&mut self, f: Facet, mut v: Vec<String>) {
        parallax_engine::sort::ord(&mut v);
        v.dedup();
        match f {
            Facet::Actor => self.actors = v,
            Facet::Issue => self.issues = v,
            Facet::Outlet => self.outlets = v,
            Facet::Event => self.events = v,
            Facet::Date => self.dates = v,
            Facet::Shares => self.shares = v,
            Facet::Carries => {
                let mut n: Vec<u32> = v.iter().filter_map(|x| x.parse().ok()).collect();
                parallax_engine::sort::ord(&mut n);
                n.dedup();
                self.carries = n;
            }
        }
    }

    /// This state with `key` ticked or unticked in facet `f`; the list
    /// starts again at its first page.
    pub fn toggled(&self, f: Facet, key: &str) -> ViewState {
        let mut v = self.facet(f);
        match v.iter().position(|x| x == key) {
            Some(i) => {
                v.remove(i);
            }
            None => v.push(key.to_string()),
        }
        let mut st = ViewState { show: None, ..self.clone() };
        st.set_facet(f, v);
        st
    }

    /// This state without any facet selection (search and sort stay).
    pub fn without_facets(&self) -> ViewState {
        let mut st = ViewState { show: None, ..self.clone() };
        for f in Facet::ALL {
            st.set_facet(f, Vec::new());
        }
        st
    }

    pub fn has_facets(&self) -> bool {
        Facet::ALL.iter().any(|&f| !self.facet(f).is_empty())
    }

    /// The engine filter this state selects articles with.
    pub fn filter(&self) -> Filter {
        Filter {
            query: Query::parse(&self.q),
            actors: self.actors.clone(),
            issues: self.issues.clone(),
            outlets: self.outlets.clone(),
            events: self.events.clone(),
            dates: self.dates.clone(),
            shares: self.shares.clone(),
            carries: self.carries.clone(),
        }
    }
}

/// What [`decode`] needs to know about the corpus to validate ids.
pub trait Known {
    /// The number of sentences of the article, if it exists.
    fn article_sentences(&self, id: &str) -> Option<usize>;
    fn has_actor(&self, name: &str) -> bool;
    fn has_issue(&self, name: &str) -> bool;
    /// How many passages the two articles share (None: not a valid pair).
    fn pair_passages(&self, a: &str, b: &str) -> Option<usize>;
    fn cluster_count(&self) -> usize;
    /// Is `key` a value of facet `f` in this corpus?
    fn facet_has(&self, f: Facet, key: &str) -> bool;
}

/// Decodes `%XX` escapes and `+` (space). `None` on a malformed escape or
/// invalid UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let hex = b.get(i + 1..i + 3)?;
                let h = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(h, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Encodes everything but unreserved characters; space becomes `+`.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &c in s.as_bytes() {
        match c {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(c as char),
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{c:02X}");
            }
        }
    }
    out
}

/// Longest search text kept from a URL.
pub const MAX_QUERY_CHARS: usize = 500;

fn show(s: &str) -> String {
    let t: String = s.chars().take(40).collect();
    if t.len() < s.len() {
        format!("{t}…")
    } else {
        t
    }
}

/// What a facet's values are, for notices.
fn facet_noun(f: Facet) -> &'static str {
    match f {
        Facet::Actor => "actor",
        Facet::Issue => "issue",
        Facet::Outlet => "outlet",
        Facet::Event => "event",
        Facet::Date => "date",
        Facet::Shares => "article sharing passages",
        Facet::Carries => "cluster",
    }
}

/// Parses a location fragment (with or without the leading `#`).
pub fn decode(fragment: &str, known: &impl Known) -> (ViewState, Vec<String>) {
    let mut notices = Vec::new();
    let mut st = ViewState::default();
    let frag = fragment.strip_prefix('#').unwrap_or(fragment);
    let (path, query) = match frag.split_once('?') {
        Some((p, q)) => (p, q),
        None => (frag, ""),
    };
    let path_dec = percent_decode(path).unwrap_or_else(|| path.to_string());
    match View::from_path(if path_dec.is_empty() { "/" } else { &path_dec }) {
        Some(v) => st.view = v,
        None => notices.push(format!("There is no view “{}”; showing the article list.", show(&path_dec))),
    }
    let mut seen: Vec<String> = Vec::new();
    let (mut sentence, mut actor, mut issue, mut passage) = (None, None, None, None);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(key) = percent_decode(k) else {
            notices.push(format!("Ignored a malformed parameter “{}”.", show(k)));
            continue;
        };
        if let Some(f) = Facet::from_key(&key) {
            if seen.contains(&key) {
                notices.push(format!("Ignored a repeated {key}."));
                continue;
            }
            seen.push(key.clone());
            let mut kept = Vec::new();
            let mut ignored = Vec::new();
            for item in v.split(',').filter(|x| !x.is_empty()) {
                match percent_decode(item) {
                    Some(x) if known.facet_has(f, &x) => kept.push(x),
                    Some(x) => ignored.push(format!("“{}”", show(&x))),
                    None => ignored.push(format!("“{}” (not valid URL encoding)", show(item))),
                }
            }
            if !ignored.is_empty() {
                notices.push(format!("Ignored {key}={}: no such {}.", ignored.join(", "), facet_noun(f)));
            }
            st.set_facet(f, kept);
            continue;
        }
        let Some(val) = percent_decode(v) else {
            notices.push(format!("Ignored {key}: its value is not valid URL encoding."));
            continue;
        };
        if seen.contains(&key) {
            notices.push(format!("Ignored a repeated {key}."));
            continue;
        }
        seen.push(key.clone());
        match key.as_str() {
            "q" => {
                let mut q: String = val.chars().filter(|c| !c.is_control()).collect();
                if q.chars().count() > MAX_QUERY_CHARS {
                    q = q.chars().take(MAX_QUERY_CHARS).collect();
                    notices.push(format!("The search text was cut to {MAX_QUERY_CHARS} characters."));
                }
                st.q = q;
            }
            "article" => {
                if known.article_sentences(&val).is_some() {
                    st.article = Some(val);
                } else {
                    notices.push(format!("Ignored article={}: there is no such article.", show(&val)));
                }
            }
            "s" => match val.parse::<u32>() {
                Ok(n) => sentence = Some((n, val)),
                Err(_) => notices.push(format!("Ignored s={}: expected a sentence number.", show(&val))),
            },
            "actor" => actor = Some(val),
            "pair" => match val.split_once(',') {
                Some((a, b)) if a != b => {
                    let (a, b) = if a <= b { (a, b) } else { (b, a) };
                    if known.pair_passages(a, b).is_some() {
                        st.pair = Some((a.to_string(), b.to_string()));
                    } else {
                        notices.push(format!("Ignored pair={}: no such pair of articles.", show(&val)));
                    }
                }
                _ => notices.push(format!("Ignored pair={}: expected two article ids, comma-separated.", show(&val))),
            },
            "p" => passage = Some(val),
            "cluster" => match val.parse::<u32>() {
                Ok(n) if (n as usize) < known.cluster_count() => st.cluster = Some(n),
                _ => notices.push(format!("Ignored cluster={}: there is no such cluster.", show(&val))),
            },
            "issue" => issue = Some(val),
            "boilerplate" => match val.as_str() {
                "1" | "true" | "on" => st.boilerplate = true,
                "0" | "false" | "off" | "" => st.boilerplate = false,
                _ => notices.push(format!("Ignored boilerplate={}: expected 1 or 0.", show(&val))),
            },
            "sort" => match Sort::parse(&val) {
                Some(sort) => st.sort = sort,
                None => notices.push(format!(
                    "Ignored sort={}: expected date, outlet, length, shared or id (a leading - reverses).",
                    show(&val)
                )),
            },
            "show" => match val.parse::<u32>() {
                Ok(n) if n > PAGE_ROWS => st.show = Some(n),
                Ok(_) => {}
                Err(_) => notices.push(format!("Ignored show={}: expected a number of rows.", show(&val))),
            },
            _ => notices.push(format!("Ignored the unknown parameter “{}”.", show(&key))),
        }
    }
    // Parameters that depend on each other.
    if let Some((n, raw)) = sentence {
        match st.article.as_deref().and_then(|a| known.article_sentences(a)) {
            Some(count) if (n as usize) < count => st.sentence = Some(n),
            Some(_) => notices.push(format!("Ignored s={}: the article has no such sentence.", show(&raw))),
            None => notices.push(format!("Ignored s={}: no article is open.", show(&raw))),
        }
    }
    if let Some(raw) = passage {
        match (&st.pair, raw.parse::<u32>()) {
            (None, _) => notices.push(format!("Ignored p={}: no pair is open.", show(&raw))),
            (Some((a, b)), Ok(n)) if (n as usize) < known.pair_passages(a, b).unwrap_or(0) => st.passage = Some(n),
            (Some(_), _) => notices.push(format!("Ignored p={}: the pair has no such passage.", show(&raw))),
        }
    }
    match (actor, issue) {
        (Some(a), Some(i)) => {
            if !known.has_actor(&a) {
                notices.push(format!("Ignored the stance cell: there is no actor “{}”.", show(&a)));
            } else if !known.has_issue(&i) {
                notices.push(format!("Ignored the stance cell: there is no issue “{}”.", show(&i)));
            } else {
                st.cell = Some((a, i));
            }
        }
        (Some(_), None) | (None, Some(_)) => {
            notices.push("Ignored the stance cell: it needs both an actor and an issue.".to_string())
        }
        (None, None) => {}
    }
    (st, notices)
}

/// The canonical fragment for a state, including the leading `#`.
pub fn encode(st: &ViewState) -> String {
    let mut params: Vec<(&str, String)> = Vec::new();
    if !st.q.is_empty() {
        params.push(("q", st.q.clone()));
    }
    if let Some(a) = &st.article {
        params.push(("article", a.clone()));
    }
    if st.boilerplate {
        params.push(("boilerplate", "1".into()));
    }
    if let (Some(n), Some(_)) = (st.sentence, &st.article) {
        params.push(("s", n.to_string()));
    }
    if let Some((a, b)) = &st.pair {
        params.push(("pair", format!("{a},{b}")));
        if let Some(p) = st.passage {
            params.push(("p", p.to_string()));
        }
    }
    if let Some(c) = st.cluster {
        params.push(("cluster", c.to_string()));
    }
    if let Some((a, i)) = &st.cell {
        params.push(("actor", a.clone()));
        params.push(("issue", i.clone()));
    }
    if st.sort != Sort::default() {
        params.push(("sort", st.sort.as_string()));
    }
    if let Some(n) = st.show.filter(|&n| n > PAGE_ROWS) {
        params.push(("show", n.to_string()));
    }
    let mut out = format!("#{}", st.view.path());
    for (i, (k, v)) in params.iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        out.push_str(k);
        out.push('=');
        out.push_str(&percent_encode(v));
    }
    // Facets: comma-separated values, each escaped (so a comma inside a
    // value is %2C).
    for f in Facet::ALL {
        let v = st.facet(f);
        if v.is_empty() {
            continue;
        }
        out.push(if out.contains('?') { '&' } else { '?' });
        out.push_str(f.key());
        out.push('=');
        out.push_str(&v.iter().map(|x| percent_encode(x)).collect::<Vec<_>>().join(","));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_engine::facets::SortKey;

    struct K;
    impl Known for K {
        fn article_sentences(&self, id: &str) -> Option<usize> {
            (id == "000_a" || id == "b/ c").then_some(10)
        }
        fn has_actor(&self, name: &str) -> bool {
            name == "Russia" || name == "United States"
        }
        fn has_issue(&self, name: &str) -> bool {
            name == "NATO enlargement" || name == "A&B / \"C\""
        }
        fn pair_passages(&self, a: &str, b: &str) -> Option<usize> {
            (a == "000_a" && b == "b/ c").then_some(4)
        }
        fn cluster_count(&self) -> usize {
            2
        }
        fn facet_has(&self, f: Facet, key: &str) -> bool {
            match f {
                Facet::Actor => self.has_actor(key),
                Facet::Issue => self.has_issue(key),
                Facet::Outlet => ["The Times", "a,b & c", "unknown"].contains(&key),
                Facet::Event => ["Moscow, 2023", "Путин 🎉"].contains(&key),
                Facet::Date => ["2022-02-04", "unknown"].contains(&key),
                Facet::Shares => self.article_sentences(key).is_some(),
                Facet::Carries => key.parse::<usize>().is_ok_and(|n| n < self.cluster_count()),
            }
        }
    }
    const KNOWN: K = K;

    fn roundtrip(st: ViewState) {
        let enc = encode(&st);
        let (back, notices) = decode(&enc, &KNOWN);
        assert_eq!(back, st, "via {enc}");
        assert!(notices.is_empty(), "{notices:?} via {enc}");
    }

    #[test]
    fn every_state_round_trips() {
        for view in View::ALL {
            for q in [
                "",
                "nato",
                "\"joint statement\" AUKUS",
                "a&b=c?d#e%f+g",
                "Путин 习近平 🎉",
                "<script>alert(1)</script>",
            ] {
                for article in [None, Some("000_a".to_string()), Some("b/ c".to_string())] {
                    for boilerplate in [false, true] {
                        let sentence = article.as_ref().map(|_| 3);
                        for cell in [None, Some(("United States", "A&B / \"C\""))] {
                            let cell = cell.map(|(a, i)| (a.to_string(), i.to_string()));
                            for (pair, passage, cluster) in [
                                (None, None, None),
                                (Some(("000_a", "b/ c")), None, Some(1)),
                                (Some(("000_a", "b/ c")), Some(3), None),
                            ] {
                                let pair = pair.map(|(a, b)| (a.to_string(), b.to_string()));
                                roundtrip(ViewState {
                                    view,
                                    q: q.into(),
                                    article: article.clone(),
                                    boilerplate,
                                    sentence,
                                    cell: cell.clone(),
                                    pair,
                                    passage,
                                    cluster,
                                    ..ViewState::default()
                                });
                            }
                        }
                    }
                }
            }
        }
    }

    fn facet_states() -> Vec<ViewState> {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let mut out = Vec::new();
        for (actors, issues, outlets, events, dates, shares, carries) in [
            (s(&["Russia"]), s(&[]), s(&[]), s(&[]), s(&[]), s(&[]), vec![]),
            (
                s(&["Russia", "United States"]),
                s(&["A&B / \"C\"", "NATO enlargement"]),
                s(&[]),
                s(&[]),
                s(&[]),
                s(&[]),
                vec![],
            ),
            (s(&[]), s(&[]), s(&["The Times", "a,b & c", "unknown"]), s(&[]), s(&[]), s(&[]), vec![]),
            (s(&[]), s(&[]), s(&[]), s(&["Moscow, 2023", "Путин 🎉"]), s(&["2022-02-04", "unknown"]), s(&[]), vec![]),
            (s(&[]), s(&[]), s(&[]), s(&[]), s(&[]), s(&["000_a", "b/ c"]), vec![0, 1]),
            (
                s(&["Russia"]),
                s(&["NATO enlargement"]),
                s(&["a,b & c"]),
                s(&["Moscow, 2023"]),
                s(&["unknown"]),
                s(&["b/ c"]),
                vec![1],
            ),
        ] {
            for sort in [
                Sort::default(),
                Sort { key: SortKey::Date, reverse: false },
                Sort { key: SortKey::Shared, reverse: true },
                Sort { key: SortKey::Id, reverse: true },
            ] {
                for show in [None, Some(PAGE_ROWS * 2)] {
                    out.push(ViewState {
                        actors: actors.clone(),
                        issues: issues.clone(),
                        outlets: outlets.clone(),
                        events: events.clone(),
                        dates: dates.clone(),
                        shares: shares.clone(),
                        carries: carries.clone(),
                        sort,
                        show,
                        ..ViewState::default()
                    });
                }
            }
        }
        out
    }

    #[test]
    fn every_facet_sort_and_page_state_round_trips() {
        for base in facet_states() {
            for view in View::ALL {
                for q in ["", "a,b", "\"x, y\" 50% + 7&8=9 #"] {
                    roundtrip(ViewState { view, q: q.into(), ..base.clone() });
                    roundtrip(ViewState {
                        view,
                        q: q.into(),
                        article: Some("b/ c".into()),
                        sentence: Some(1),
                        cell: Some(("Russia".into(), "NATO enlargement".into())),
                        pair: Some(("000_a".into(), "b/ c".into())),
                        passage: Some(2),
                        ..base.clone()
                    });
                }
            }
        }
    }

    #[test]
    fn facet_values_are_kept_sorted_and_deduplicated() {
        let (st, notices) = decode("#/?outlets=unknown,The+Times,unknown&carries=1,0,1", &KNOWN);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(st.outlets, vec!["The Times".to_string(), "unknown".to_string()]);
        assert_eq!(st.carries, vec![0, 1]);
        let t = st.toggled(Facet::Outlet, "The Times");
        assert_eq!(t.outlets, vec!["unknown".to_string()]);
        let t = t.toggled(Facet::Outlet, "a,b & c");
        assert_eq!(t.outlets, vec!["a,b & c".to_string(), "unknown".to_string()]);
        assert!(encode(&t).contains("outlets=a%2Cb+%26+c,unknown"), "{}", encode(&t));
        assert!(!t.without_facets().has_facets());
    }

    #[test]
    fn unknown_facet_values_are_named_and_the_rest_kept() {
        let (st, notices) = decode("#/?outlets=The+Times,Nowhere,%FF&dates=2022-02-04", &KNOWN);
        assert_eq!(st.outlets, vec!["The Times".to_string()]);
        assert_eq!(st.dates, vec!["2022-02-04".to_string()]);
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert!(
            notices[0].contains("outlets") && notices[0].contains("Nowhere") && notices[0].contains("%FF"),
            "{notices:?}"
        );
    }

    #[test]
    fn defaults_are_the_bare_fragment() {
        assert_eq!(encode(&ViewState::default()), "#/");
        assert_eq!(decode("", &KNOWN), (ViewState::default(), vec![]));
        assert_eq!(decode("#/", &KNOWN), (ViewState::default(), vec![]));
        assert_eq!(decode("#", &KNOWN), (ViewState::default(), vec![]));
    }

    #[test]
    fn malformed_values_fall_back_with_a_notice() {
        let cases = [
            ("#/?article=nope", "no such article"),
            ("#/?boilerplate=maybe", "expected 1 or 0"),
            ("#/no-such-view", "no view"),
            ("#/?q=%E0%A4%A", "not valid URL encoding"),
            ("#/?q=%FF", "not valid URL encoding"),
            ("#/?zoom=3", "unknown parameter"),
            ("#/?q=a&q=b", "repeated q"),
            ("#foo", "no view"),
            ("#/?article=000_a&s=99", "no such sentence"),
            ("#/?s=2", "no article is open"),
            ("#/?article=000_a&s=x", "expected a sentence number"),
            ("#/stances?actor=Mars&issue=NATO+enlargement", "no actor"),
            ("#/stances?actor=Russia&issue=Tea", "no issue"),
            ("#/stances?actor=Russia", "needs both"),
            ("#/overlap?pair=000_a,zzz", "no such pair"),
            ("#/overlap?pair=000_a", "comma-separated"),
            ("#/overlap?pair=000_a,000_a", "comma-separated"),
            ("#/overlap?pair=000_a,b%2F+c&p=9", "no such passage"),
            ("#/overlap?p=1", "no pair is open"),
            ("#/overlap?cluster=7", "no such cluster"),
            ("#/?actors=Mars", "no such actor"),
            ("#/?issues=Tea", "no such issue"),
            ("#/?outlets=Nowhere", "no such outlet"),
            ("#/?events=Yalta", "no such event"),
            ("#/?dates=2099-01-01", "no such date"),
            ("#/?shares=zzz", "no such article"),
            ("#/?carries=9", "no such cluster"),
            ("#/?carries=x", "no such cluster"),
            ("#/?sort=size", "expected date"),
            ("#/?show=lots", "expected a number"),
            ("#/?dates=2022-02-04&dates=unknown", "repeated dates"),
        ];
        for (frag, needle) in cases {
            let (st, notices) = decode(frag, &KNOWN);
            assert_eq!(notices.len(), 1, "{frag}: {notices:?}");
            assert!(notices[0].contains(needle), "{frag}: {notices:?}");
            assert_eq!(st.sentence, None, "{frag}");
            assert_eq!(st.cell, None, "{frag}");
            assert_eq!((st.passage, st.cluster), (None, None), "{frag}");
            assert!(!st.boilerplate, "{frag}");
        }
    }

    #[test]
    fn valid_parts_survive_invalid_neighbours() {
        let (st, notices) = decode("#/?q=nato&article=000_a&s=2&boilerplate=1", &KNOWN);
        assert_eq!((st.article.as_deref(), st.sentence), (Some("000_a"), Some(2)));
        assert!(notices.is_empty());
        let (st, notices) = decode("#/?q=nato&article=nope&boilerplate=1", &KNOWN);
        assert_eq!(st.q, "nato");
        assert!(st.boilerplate);
        assert_eq!(notices.len(), 1);
    }

    #[test]
    fn a_pair_is_stored_in_id_order() {
        let (st, notices) = decode("#/overlap?pair=b%2F+c,000_a&p=2", &KNOWN);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(st.pair, Some(("000_a".to_string(), "b/ c".to_string())));
        assert_eq!(st.passage, Some(2));
    }

    #[test]
    fn overlong_and_control_characters_are_trimmed() {
        let long = "x".repeat(MAX_QUERY_CHARS + 10);
        let (st, notices) = decode(&format!("#/?q={long}"), &KNOWN);
        assert_eq!(st.q.len(), MAX_QUERY_CHARS);
        assert_eq!(notices.len(), 1);
        let (st, _) = decode("#/?q=a%00b%0Ac", &KNOWN);
        assert_eq!(st.q, "abc");
    }
}
