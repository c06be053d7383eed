//! The actor model on sentences of other genres (business, science,
//! sport, domestic politics), and on ECB+ when it is present.

use super::*;
use crate::stance::tests::corpus;

fn model(texts: &[&str]) -> (Corpus, ActorModel) {
    let c = corpus(texts);
    let m = ActorModel::find(&c);
    (c, m)
}

fn actor<'a>(m: &'a ActorModel, name: &str) -> &'a Actor {
    let id = m.lookup(name).unwrap_or_else(|| panic!("{name} not found in {:#?}", m.actors));
    &m.actors[id as usize]
}

fn affiliation<'a>(m: &'a ActorModel, name: &str) -> Option<&'a str> {
    actor(m, name).affiliation.map(|s| m.actors[s as usize].name.as_str())
}

/// The actor names of sentence `s` of article `a`.
fn named(m: &ActorModel, a: usize, s: u32) -> Vec<&str> {
    m.in_sentence(a, s).iter().map(|x| m.actors[x.actor as usize].name.as_str()).collect()
}

#[test]
fn titles_and_demonyms_give_person_and_affiliation() {
    let (_, m) = model(&["German Chancellor Olaf Scholz met Brazilian President Luiz Inacio Lula da Silva in \
        Brasilia on Monday. Scholz praised the trade talks."]);
    assert_eq!(actor(&m, "Olaf Scholz").kind, ActorKind::Person);
    assert_eq!(affiliation(&m, "Olaf Scholz"), Some("Germany"));
    assert_eq!(affiliation(&m, "Luiz Inacio Lula"), Some("Brazil"));
    // The capital stands for the state; the surname for the person.
    assert!(named(&m, 0, 0).contains(&"Brazil"));
    assert_eq!(named(&m, 0, 1), vec!["Olaf Scholz"]);
    assert!(actor(&m, "Olaf Scholz").variants.contains(&"Scholz".to_string()));
}

#[test]
fn acronym_joins_its_long_form() {
    let (_, m) = model(&[
        "The Environmental Protection Agency (EPA) proposed limits on methane from oil wells. \
         Industry groups said the EPA had overreached.",
        "EPA officials declined to comment.",
    ]);
    let epa = actor(&m, "Environmental Protection Agency");
    assert_eq!(epa.kind, ActorKind::Organisation);
    assert!(epa.variants.contains(&"EPA".to_string()));
    // The long form, "(EPA)", "the EPA" and "EPA officials".
    assert_eq!(epa.mentions, 4);
    assert_eq!(m.lookup("EPA"), m.lookup("Environmental Protection Agency"));
}

#[test]
fn organisations_by_head_noun_and_joiners() {
    let (_, m) = model(&["Shares of the Bank of Japan rose after the Federal Reserve Board met, and the \
        Japanese Finance Ministry said the yen was stable."]);
    assert_eq!(actor(&m, "Bank of Japan").kind, ActorKind::Organisation);
    assert_eq!(actor(&m, "Federal Reserve Board").kind, ActorKind::Organisation);
    assert_eq!(affiliation(&m, "Japanese Finance Ministry"), Some("Japan"));
}

#[test]
fn surname_across_articles_and_groups() {
    let (_, m) = model(&[
        "Coach Pep Guardiola and manager Jurgen Klopp shook hands before kick-off. The two leaders \
         later praised the referee.",
        "Guardiola said the title race was over.",
    ]);
    let g = named(&m, 0, 1);
    assert!(g.contains(&"Pep Guardiola") && g.contains(&"Jurgen Klopp"), "{g:?}");
    assert!(m.in_sentence(0, 1).iter().all(|x| x.group));
    assert_eq!(named(&m, 1, 0), vec!["Pep Guardiola"]);
}

#[test]
fn country_codes_need_capitals() {
    let (_, m) = model(&["The U.S. and Canada signed a deal that lets us ship lumber. The US Senate must approve it."]);
    assert_eq!(named(&m, 0, 0), vec!["United States", "Canada"]);
    assert!(named(&m, 0, 1).contains(&"United States"));
    assert_eq!(m.actors.iter().filter(|a| a.name == "United States").count(), 1);
}

#[test]
fn sentence_initial_common_words_are_not_names() {
    let (_, m) =
        model(&["Researchers at Stanford University found the drug works. Researchers said more trials are needed. \
         many researchers agree."]);
    assert!(m.lookup("Researchers").is_none(), "{:#?}", m.actors);
    assert_eq!(actor(&m, "Stanford University").kind, ActorKind::Organisation);
}

#[test]
fn treaties_events_and_places_are_not_people() {
    let (_, m) =
        model(&["The Paris Agreement took effect before the Winter Olympics. Lawmakers met near Chapel Hill \
        and on Main Street, where Maria Lopez spoke about the Kyoto Protocol."]);
    for thing in ["Paris Agreement", "Winter Olympics", "Chapel Hill", "Main Street", "Kyoto Protocol"] {
        assert!(
            m.lookup(thing).is_none_or(|id| m.actors[id as usize].kind != ActorKind::Person),
            "{thing}: {:#?}",
            m.actors
        );
    }
    assert_eq!(actor(&m, "Maria Lopez").kind, ActorKind::Person);
}

#[test]
fn deterministic_and_total() {
    let texts = ["((( ))) '' ’s A. B. C. (ABC) of and the", "-", "X (Y) Z", "Mr. . Dr", "The Two Leaders. Both Sides"];
    let (_, a) = model(&texts);
    let (_, b) = model(&texts);
    assert_eq!(a, b);
}

#[test]
fn ecbplus_actors_if_present() {
    let Ok(path) = std::env::var("PARALLAX_ECBPLUS") else {
        println!("note: PARALLAX_ECBPLUS not set; ECB+ actor test skipped");
        return;
    };
    let Ok(bytes) = std::fs::read(&path) else {
        println!("note: {path} not readable; ECB+ actor test skipped");
        return;
    };
    let src = crate::source::parse_jsonl("ecbplus.jsonl", &bytes).expect("ECB+ parses");
    let c = Corpus::build(src);
    let m = ActorModel::find(&c);
    let kinds = |k: ActorKind| m.actors.iter().filter(|a| a.kind == k).count();
    println!(
        "ECB+: {} actors ({} states, {} people, {} organisations)",
        m.actors.len(),
        kinds(ActorKind::State),
        kinds(ActorKind::Person),
        kinds(ActorKind::Organisation)
    );
    assert!(kinds(ActorKind::State) >= 20 && kinds(ActorKind::Person) >= 100 && kinds(ActorKind::Organisation) >= 50);
    assert_eq!(m.mentions.len(), c.articles.len());
}
