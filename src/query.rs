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
}

/// What [`decode`] needs to know about the corpus to validate ids.
pub trait Known {
    fn has_article(&self, id: &str) -> bool;
}

impl<F: Fn(&str) -> bool> Known for F {
    fn has_article(&self, id: &str) -> bool {
        self(id)
    }
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
                if known.has_article(&val) {
                    st.article = Some(val);
                } else {
                    notices.push(format!("Ignored article={}: there is no such article.", show(&val)));
                }
            }
            "boilerplate" => match val.as_str() {
                "1" | "true" | "on" => st.boilerplate = true,
                "0" | "false" | "off" | "" => st.boilerplate = false,
                _ => notices.push(format!("Ignored boilerplate={}: expected 1 or 0.", show(&val))),
            },
            _ => notices.push(format!("Ignored the unknown parameter “{}”.", show(&key))),
        }
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

    fn known(id: &str) -> bool {
        id == "000_a" || id == "b/ c"
    }

    fn roundtrip(st: ViewState) {
        let enc = encode(&st);
        let (back, notices) = decode(&enc, &known);
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
                        roundtrip(ViewState { view, q: q.into(), article: article.clone(), boilerplate });
                    }
                }
            }
        }
    }

    #[test]
    fn defaults_are_the_bare_fragment() {
        assert_eq!(encode(&ViewState::default()), "#/");
        assert_eq!(decode("", &known), (ViewState::default(), vec![]));
        assert_eq!(decode("#/", &known), (ViewState::default(), vec![]));
        assert_eq!(decode("#", &known), (ViewState::default(), vec![]));
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
        ];
        for (frag, needle) in cases {
            let (st, notices) = decode(frag, &known);
            assert_eq!(notices.len(), 1, "{frag}: {notices:?}");
            assert!(notices[0].contains(needle), "{frag}: {notices:?}");
            assert_eq!(st.article, None, "{frag}");
            assert!(!st.boilerplate, "{frag}");
        }
    }

    #[test]
    fn valid_parts_survive_invalid_neighbours() {
        let (st, notices) = decode("#/?q=nato&article=nope&boilerplate=1", &known);
        assert_eq!(st.q, "nato");
        assert!(st.boilerplate);
        assert_eq!(notices.len(), 1);
    }

    #[test]
    fn overlong_and_control_characters_are_trimmed() {
        let long = "x".repeat(MAX_QUERY_CHARS + 10);
        let (st, notices) = decode(&format!("#/?q={long}"), &known);
        assert_eq!(st.q.len(), MAX_QUERY_CHARS);
        assert_eq!(notices.len(), 1);
        let (st, _) = decode("#/?q=a%00b%0Ac", &known);
        assert_eq!(st.q, "abc");
    }
}
