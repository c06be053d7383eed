//! A location fragment to a [`ViewState`] and the notices saying what was
//! ignored.

use parallax_engine::facets::{Facet, Sort};

use super::facets::decode_facet;
use super::{percent_decode, Known, PassageRef, View, ViewState, MAX_QUERY_CHARS, PAGE_ROWS};

/// A value as a notice quotes it: its first 40 characters.
pub(super) fn show(s: &str) -> String {
    let t: String = s.chars().take(40).collect();
    if t.len() < s.len() {
        format!("{t}…")
    } else {
        t
    }
}

/// A decoding in progress: the state so far, its notices, and the
/// parameters that are checked against each other at the end.
struct Decoder<'a, K: Known> {
    known: &'a K,
    st: ViewState,
    notices: Vec<String>,
    /// Keys already read (a repeated key is ignored).
    seen: Vec<String>,
    /// `s`: the number and its text.
    sentence: Option<(u32, String)>,
    actor: Option<String>,
    issue: Option<String>,
    /// `p`, as written.
    passage: Option<String>,
    /// `base` and `all`, as written: they need a cluster.
    base: Option<String>,
    all: Option<String>,
}

/// Parses a location fragment (with or without the leading `#`).
pub fn decode(fragment: &str, known: &impl Known) -> (ViewState, Vec<String>) {
    let mut d = Decoder {
        known,
        st: ViewState::default(),
        notices: Vec::new(),
        seen: Vec::new(),
        sentence: None,
        actor: None,
        issue: None,
        passage: None,
        base: None,
        all: None,
    };
    let frag = fragment.strip_prefix('#').unwrap_or(fragment);
    let (path, query) = match frag.split_once('?') {
        Some((p, q)) => (p, q),
        None => (frag, ""),
    };
    let path_dec = percent_decode(path).unwrap_or_else(|| path.to_string());
    match View::from_path(if path_dec.is_empty() { "/" } else { &path_dec }) {
        Some(v) => d.st.view = v,
        None => d.notices.push(format!("There is no view “{}”; showing the article list.", show(&path_dec))),
    }
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        d.param(pair);
    }
    // Parameters that depend on each other.
    d.sentence();
    d.passage();
    d.collation();
    d.cell();
    (d.st, d.notices)
}

impl<K: Known> Decoder<'_, K> {
    /// Notes `key` as read; false (with a notice) if it was read before.
    fn first(&mut self, key: &str) -> bool {
        if self.seen.iter().any(|k| k == key) {
            self.notices.push(format!("Ignored a repeated {key}."));
            return false;
        }
        self.seen.push(key.to_string());
        true
    }

    /// One `key=value` of the query.
    fn param(&mut self, pair: &str) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(key) = percent_decode(k) else {
            self.notices.push(format!("Ignored a malformed parameter “{}”.", show(k)));
            return;
        };
        if let Some(f) = Facet::from_key(&key) {
            if self.first(&key) {
                decode_facet(&mut self.st, &mut self.notices, self.known, f, v);
            }
            return;
        }
        let Some(val) = percent_decode(v) else {
            self.notices.push(format!("Ignored {key}: its value is not valid URL encoding."));
            return;
        };
        if self.first(&key) {
            self.value(&key, val);
        }
    }

    /// A parameter other than a facet list, its value decoded.
    fn value(&mut self, key: &str, val: String) {
        let st = &mut self.st;
        let notices = &mut self.notices;
        match key {
            "q" => {
                let mut q: String = val.chars().filter(|c| !c.is_control()).collect();
                if q.chars().count() > MAX_QUERY_CHARS {
                    q = q.chars().take(MAX_QUERY_CHARS).collect();
                    notices.push(format!("The search text was cut to {MAX_QUERY_CHARS} characters."));
                }
                st.q = q;
            }
            "article" => {
                if self.known.article_sentences(&val).is_some() {
                    st.article = Some(val);
                } else {
                    notices.push(format!("Ignored article={}: there is no such article.", show(&val)));
                }
            }
            "s" => match val.parse::<u32>() {
                Ok(n) => self.sentence = Some((n, val)),
                Err(_) => notices.push(format!("Ignored s={}: expected a sentence number.", show(&val))),
            },
            "actor" => self.actor = Some(val),
            "pair" => self.pair(val),
            "p" => self.passage = Some(val),
            "cluster" => self.cluster(val),
            "base" => self.base = Some(val),
            "all" => self.all = Some(val),
            "issue" => self.issue = Some(val),
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
            _ => notices.push(format!("Ignored the unknown parameter “{}”.", show(key))),
        }
    }

    /// `pair=a,b`: two different articles sharing passages, kept in id order.
    fn pair(&mut self, val: String) {
        match val.split_once(',') {
            Some((a, b)) if a != b => {
                let (a, b) = if a <= b { (a, b) } else { (b, a) };
                if self.known.pair_passages(a, b).is_some() {
                    self.st.pair = Some((a.to_string(), b.to_string()));
                } else {
                    self.notices.push(format!("Ignored pair={}: no such pair of articles.", show(&val)));
                }
            }
            _ => self.notices.push(format!("Ignored pair={}: expected two article ids, comma-separated.", show(&val))),
        }
    }

    /// `s`, if the open article has that sentence.
    fn sentence(&mut self) {
        let Some((n, raw)) = self.sentence.take() else { return };
        match self.st.article.as_deref().and_then(|a| self.known.article_sentences(a)) {
            Some(count) if (n as usize) < count => self.st.sentence = Some(n),
            Some(_) => self.notices.push(format!("Ignored s={}: the article has no such sentence.", show(&raw))),
            None => self.notices.push(format!("Ignored s={}: no article is open.", show(&raw))),
        }
    }

    /// `p`, if the open pair has that passage: `s12` (A's sentence 12)
    /// or, as older links have it, a passage's number.
    fn passage(&mut self) {
        let Some(raw) = self.passage.take() else { return };
        let Some((a, b)) = &self.st.pair else {
            return self.notices.push(format!("Ignored p={}: no pair is open.", show(&raw)));
        };
        let sentences = self.known.article_sentences(a).unwrap_or(0);
        let passages = self.known.pair_passages(a, b).unwrap_or(0);
        let parsed = match raw.strip_prefix('s') {
            Some(s) => s.parse::<u32>().ok().filter(|&s| (s as usize) < sentences).map(PassageRef::Sentence),
            None => raw.parse::<u32>().ok().filter(|&n| (n as usize) < passages).map(PassageRef::Index),
        };
        match parsed {
            Some(p) => self.st.passage = Some(p),
            None => self.notices.push(format!("Ignored p={}: the pair has no such passage.", show(&raw))),
        }
    }

    /// `cluster=<key>`, or an old numbered link: the cluster at that
    /// position in this build, with a notice that it may have moved.
    fn cluster(&mut self, val: String) {
        if self.known.has_cluster(&val) {
            self.st.cluster = Some(val);
        } else if let Some(key) = val.parse::<usize>().ok().and_then(|n| self.known.cluster_key(n)) {
            self.notices.push(format!(
                "cluster={val} is an old link by number, which may now name another passage; this one's lasting link is cluster={key}."
            ));
            self.st.cluster = Some(key);
        } else {
            self.notices.push(format!("Ignored cluster={}: there is no such cluster.", show(&val)));
        }
    }

    /// `base` and `all`, if a cluster is open.
    fn collation(&mut self) {
        let open = self.st.cluster.is_some();
        if let Some(b) = self.base.take() {
            // An article, or one of its sentences (`<article>.<sentence>`).
            let sentence = |b: &str| {
                let (id, s) = b.rsplit_once('.')?;
                let n = self.known.article_sentences(id)?;
                s.parse::<usize>().ok().filter(|&s| s < n)
            };
            if open && (self.known.article_sentences(&b).is_some() || sentence(&b).is_some()) {
                self.st.base = Some(b);
            } else {
                self.notices.push(format!("Ignored base={}: expected an article of the open passage.", show(&b)));
            }
        }
        if let Some(v) = self.all.take() {
            if open && v == "1" {
                self.st.all = true;
            } else if v != "0" {
                self.notices.push(format!("Ignored all={}: expected 1, with a passage open.", show(&v)));
            }
        }
    }

    /// `actor` and `issue` together: the stance cell.
    fn cell(&mut self) {
        match (self.actor.take(), self.issue.take()) {
            (Some(a), Some(i)) => {
                if !self.known.has_actor(&a) {
                    self.notices.push(format!("Ignored the stance cell: there is no actor “{}”.", show(&a)));
                } else if !self.known.has_issue(&i) {
                    self.notices.push(format!("Ignored the stance cell: there is no issue “{}”.", show(&i)));
                } else {
                    self.st.cell = Some((a, i));
                }
            }
            (Some(_), None) | (None, Some(_)) => {
                self.notices.push("Ignored the stance cell: it needs both an actor and an issue.".to_string())
            }
            (None, None) => {}
        }
    }
}
