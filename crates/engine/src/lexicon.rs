//! The stance lexicon: actors (canonical name + aliases) and issues (name +
//! identifying phrases), read from a TOML file such as `seeds/lexicon.toml`.
//!
//! The format is documented at the top of `seeds/lexicon.toml`. Validation
//! collects every problem, each a [`Diagnostic`] with the file and line.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::source::Diagnostic;
use crate::token;

/// Someone who can hold a position: a state, an alliance, a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical name, shown in the matrix.
    pub name: String,
    /// What kind of actor it is (a country, an organisation ...), if given.
    pub kind: Option<String>,
    /// Every way of naming the actor, the canonical name first.
    pub aliases: Vec<String>,
}

/// Something positions are held on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// The issue's name, shown in the matrix.
    pub name: String,
    /// A sentence on what the issue is, if given.
    pub description: Option<String>,
    /// Identifying phrases, matched on stems; `*` stands for up to three words.
    pub phrases: Vec<String>,
}

/// The actors and issues that stances are found for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Lexicon {
    /// The actors, in the file's order.
    pub actors: Vec<Actor>,
    /// The issues, in the file's order.
    pub issues: Vec<Issue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexFile {
    #[serde(default)]
    actor: Vec<Spanned<ActorEntry>>,
    #[serde(default)]
    issue: Vec<Spanned<IssueEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorEntry {
    name: Spanned<String>,
    kind: Option<Spanned<String>>,
    aliases: Spanned<Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IssueEntry {
    name: Spanned<String>,
    description: Option<Spanned<String>>,
    phrases: Spanned<Vec<Spanned<String>>>,
}

fn line_of(text: &str, byte: usize) -> usize {
    text.as_bytes()[..byte.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

fn diag(file: &str, text: &str, byte: usize, message: impl Into<String>) -> Diagnostic {
    Diagnostic { file: file.to_string(), line: Some(line_of(text, byte)), message: message.into() }
}

/// The words of a phrase, normalised (lowercase, straight apostrophes, no
/// possessive), joined by single spaces: the key duplicates are found by.
pub fn phrase_key(s: &str) -> String {
    token::words(s).map(|(_, w)| token::fold_word(w)).collect::<Vec<_>>().join(" ")
}

/// Parses and validates a lexicon. `path_for_messages` names the file in
/// diagnostics.
pub fn parse_lexicon(path_for_messages: &str, text: &str) -> Result<Lexicon, Vec<Diagnostic>> {
    let file = path_for_messages;
    let parsed: LexFile = match toml::from_str(text) {
        Ok(p) => p,
        Err(e) => {
            let line = e.span().map(|s| line_of(text, s.start));
            let message = e.message().trim().to_string();
            return Err(vec![Diagnostic { file: file.to_string(), line, message }]);
        }
    };
    let mut diags = Vec::new();

    if parsed.actor.is_empty() {
        diags.push(Diagnostic {
            file: file.to_string(),
            line: None,
            message: "no [[actor]]: declare at least one".into(),
        });
    }
    if parsed.issue.is_empty() {
        diags.push(Diagnostic {
            file: file.to_string(),
            line: None,
            message: "no [[issue]]: declare at least one".into(),
        });
    }

    let actors = parse_actors(file, text, &parsed.actor, &mut diags);
    let issues = parse_issues(file, text, &parsed.issue, &mut diags);
    let lex = Lexicon { actors, issues };

    if diags.is_empty() {
        Ok(lex)
    } else {
        crate::sort::ord(&mut diags);
        Err(diags)
    }
}

/// An `[[actor]]`'s or `[[issue]]`'s name, trimmed, when it is not empty
/// and not already taken (case-insensitively) by an earlier entry of its
/// `kind`; otherwise the problem goes to `diags`.
fn new_name(
    kind: &str,
    name: &Spanned<String>,
    seen: &mut BTreeMap<String, usize>,
    (file, text): (&str, &str),
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let at = name.span().start;
    let name = name.get_ref().trim().to_string();
    if name.is_empty() {
        diags.push(diag(file, text, at, format!("{kind} name is empty")));
        return None;
    }
    if let Some(prev) = seen.insert(name.to_lowercase(), line_of(text, at)) {
        diags.push(diag(file, text, at, format!("duplicate {kind} {name:?} (first at line {prev})")));
        return None;
    }
    Some(name)
}

/// The `[[actor]]` entries: unique names, aliases unique across actors.
fn parse_actors(file: &str, text: &str, entries: &[Spanned<ActorEntry>], diags: &mut Vec<Diagnostic>) -> Vec<Actor> {
    let mut actors = Vec::new();
    let mut actor_names: BTreeMap<String, usize> = BTreeMap::new();
    let mut alias_owner: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for entry in entries {
        let a = entry.get_ref();
        let Some(name) = new_name("actor", &a.name, &mut actor_names, (file, text), diags) else { continue };
        if a.aliases.get_ref().is_empty() {
            let why = format!("actor {name:?} has an empty alias list (list at least one other name, e.g. a capital)");
            diags.push(diag(file, text, a.aliases.span().start, why));
        }
        let mut aliases = vec![name.clone()];
        let mut all: Vec<(String, usize)> = vec![(name.clone(), a.name.span().start)];
        for al in a.aliases.get_ref() {
            all.push((al.get_ref().trim().to_string(), al.span().start));
        }
        let mut own = std::collections::BTreeSet::new();
        for (i, (alias, at)) in all.iter().enumerate() {
            if alias.is_empty() {
                diags.push(diag(file, text, *at, format!("empty alias for actor {name:?}")));
                continue;
            }
            let key = phrase_key(alias);
            if key.is_empty() {
                diags.push(diag(file, text, *at, format!("alias {alias:?} of actor {name:?} has no words")));
                continue;
            }
            if !own.insert(key.clone()) {
                continue; // the same alias twice for one actor: harmless
            }
            match alias_owner.get(&key) {
                Some((other, line)) if *other != name => {
                    diags.push(diag(
                        file,
                        text,
                        *at,
                        format!("alias {alias:?} of actor {name:?} already names actor {other:?} (line {line})"),
                    ));
                    continue;
                }
                _ => {
                    alias_owner.insert(key, (name.clone(), line_of(text, *at)));
                }
            }
            if i > 0 {
                aliases.push(alias.clone());
            }
        }
        let kind = a.kind.as_ref().map(|k| k.get_ref().trim().to_string()).filter(|k| !k.is_empty());
        actors.push(Actor { name, kind, aliases });
    }

    actors
}

/// The `[[issue]]` entries: unique names, non-empty phrases.
fn parse_issues(file: &str, text: &str, entries: &[Spanned<IssueEntry>], diags: &mut Vec<Diagnostic>) -> Vec<Issue> {
    let mut issues = Vec::new();
    let mut issue_names: BTreeMap<String, usize> = BTreeMap::new();
    for entry in entries {
        let e = entry.get_ref();
        let Some(name) = new_name("issue", &e.name, &mut issue_names, (file, text), diags) else { continue };
        if e.phrases.get_ref().is_empty() {
            let why = format!("issue {name:?} has an empty phrase list (list the phrases that identify it)");
            diags.push(diag(file, text, e.phrases.span().start, why));
        }
        let mut phrases = Vec::new();
        for p in e.phrases.get_ref() {
            let s = p.get_ref().trim().to_string();
            if s.is_empty() {
                diags.push(diag(file, text, p.span().start, format!("empty phrase for issue {name:?}")));
                continue;
            }
            if phrase_key(&s).is_empty() {
                diags.push(diag(file, text, p.span().start, format!("phrase {s:?} of issue {name:?} has no words")));
                continue;
            }
            if !phrases.contains(&s) {
                phrases.push(s);
            }
        }
        let description = e.description.as_ref().map(|d| d.get_ref().trim().to_string()).filter(|d| !d.is_empty());
        issues.push(Issue { name, description, phrases });
    }

    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errs(text: &str) -> Vec<Diagnostic> {
        parse_lexicon("lex.toml", text).expect_err("should fail")
    }

    const ISSUE: &str = "[[issue]]\nname = \"sanctions\"\nphrases = [\"sanctions\"]\n";

    #[test]
    fn seeds_lexicon_is_valid() {
        let text = include_str!("../../../seeds/lexicon.toml");
        let lex = parse_lexicon("seeds/lexicon.toml", text).unwrap();
        assert!(lex.actors.iter().any(|a| a.name == "Russia" && a.aliases.contains(&"Moscow".to_string())));
        assert!(lex.issues.iter().any(|i| i.name == "NATO enlargement"));
    }

    #[test]
    fn toml_syntax_error_has_line() {
        let e = errs("[[actor]]\nname = \"Russia\"\naliases = [\"Moscow\"\n");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].file, "lex.toml");
        assert_eq!(e[0].line, Some(3));
    }

    #[test]
    fn unknown_field() {
        let e = errs(&format!("[[actor]]\nname = \"Russia\"\naliases = [\"Moscow\"]\ncolour = \"red\"\n{ISSUE}"));
        assert_eq!(e.len(), 1);
        assert!(e[0].message.contains("unknown field `colour`"), "{}", e[0].message);
        assert_eq!(e[0].line, Some(4));
    }

    #[test]
    fn duplicate_actor_name() {
        let e = errs(&format!(
            "[[actor]]\nname = \"Russia\"\naliases = [\"Moscow\"]\n[[actor]]\nname = \"russia\"\naliases = [\"Kremlin\"]\n{ISSUE}"
        ));
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].message, "duplicate actor \"russia\" (first at line 2)");
        assert_eq!(e[0].line, Some(5));
    }

    #[test]
    fn duplicate_issue_name() {
        let e = errs(&format!("[[actor]]\nname = \"Russia\"\naliases = [\"Moscow\"]\n{ISSUE}{ISSUE}"));
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].message, "duplicate issue \"sanctions\" (first at line 5)");
        assert_eq!(e[0].line, Some(8));
    }

    #[test]
    fn alias_shared_by_two_actors() {
        let e = errs(&format!(
            "[[actor]]\nname = \"Russia\"\naliases = [\"Moscow\"]\n[[actor]]\nname = \"China\"\naliases = [\"Beijing\",\n  \"moscow\"]\n{ISSUE}"
        ));
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].message, "alias \"moscow\" of actor \"China\" already names actor \"Russia\" (line 3)");
        assert_eq!(e[0].line, Some(7));
    }

    #[test]
    fn empty_lists_and_strings() {
        let e = errs(
            "[[actor]]\nname = \"Russia\"\naliases = []\n[[actor]]\nname = \"China\"\naliases = [\"\"]\n[[issue]]\nname = \"x\"\nphrases = []\n[[issue]]\nname = \"  \"\nphrases = [\"a\"]\n[[issue]]\nname = \"y\"\nphrases = [\"--\"]\n",
        );
        let got: Vec<(Option<usize>, &str)> = e.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (Some(3), "actor \"Russia\" has an empty alias list (list at least one other name, e.g. a capital)"),
                (Some(6), "empty alias for actor \"China\""),
                (Some(9), "issue \"x\" has an empty phrase list (list the phrases that identify it)"),
                (Some(11), "issue name is empty"),
                (Some(15), "phrase \"--\" of issue \"y\" has no words"),
            ]
        );
    }

    #[test]
    fn missing_sections() {
        let e = errs("");
        assert_eq!(e.len(), 2);
        assert!(e.iter().all(|d| d.line.is_none()));
    }
}
