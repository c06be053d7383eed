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
    let mut out = format!("#{}", st.view.path());
    for (i, (k, v)) in params.iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        out.push_str(k);
        out.push('=');
        out.push_str(&percent_encode(v));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
                                });
                            }
                        }
                    }
                }
            }
        }
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
