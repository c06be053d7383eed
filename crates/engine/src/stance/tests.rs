//! The stance rules on short sentences, and the matrix.

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

/// A corpus of one article per text (ids a0, a1, …).
pub(crate) fn corpus(texts: &[&str]) -> Corpus {
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

/// The lexicon found in `texts` (issues found at least once).
fn found(texts: &[&str]) -> Discovered {
    let c = corpus(texts);
    let actors = crate::actors::ActorModel::find(&c);
    discover(&c, &actors, 1)
}

#[test]
fn discovery_groups_one_target_in_other_words() {
    let d = found(&[
        "Russia and China oppose any further enlargement of NATO, the statement said.",
        "Beijing joined Moscow in calling for an end to NATO expansion.",
        "The two leaders are opposed to further NATO enlargement in Europe.",
    ]);
    let nato: Vec<&crate::lexicon::Issue> =
        d.lexicon.issues.iter().filter(|i| i.phrases.iter().any(|p| p.to_lowercase().contains("nato"))).collect();
    assert_eq!(nato.len(), 1, "{:?}", d.lexicon.issues);
    let mut phrases = nato[0].phrases.clone();
    crate::sort::ord(&mut phrases);
    assert_eq!(phrases, ["enlargement of nato", "nato enlargement", "nato expansion"]);
    assert_eq!(d.issue_mentions[0], 3);
    // Statements found with it, as with a written lexicon.
    let c = corpus(&[
        "Russia and China oppose any further enlargement of NATO, the statement said.",
        "Beijing joined Moscow in calling for an end to NATO expansion.",
        "The two leaders are opposed to further NATO enlargement in Europe.",
    ]);
    let st = extract(&c, &d.lexicon);
    let russia = d.lexicon.actors.iter().position(|a| a.name == "Russia").unwrap();
    assert!(st.iter().any(|s| s.actor == russia && s.polarity == Polarity::Oppose), "{st:?}");
    assert!(st.iter().all(|s| s.polarity == Polarity::Oppose), "{st:?}");
}

#[test]
fn discovery_takes_advocacy_and_concern_targets_not_actors() {
    let d = found(&[
        "We urge Congress to enact emission caps this year.",
        "The agency is concerned about the escalating tensions on the border.",
        "The minister criticised Washington and praised the new agreement.",
    ]);
    let names: Vec<&str> = d.lexicon.issues.iter().map(|i| i.name.as_str()).collect();
    assert!(names.contains(&"emission caps"), "{names:?}");
    assert!(names.contains(&"escalating tensions"), "{names:?}");
    assert!(names.contains(&"agreement"), "{names:?}");
    // An actor's name is not an issue.
    assert!(!names.iter().any(|n| n.eq_ignore_ascii_case("washington")), "{names:?}");
}
