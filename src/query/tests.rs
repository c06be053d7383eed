//! The codec's round trips and notices, on a small made-up corpus.

use super::*;
use parallax_engine::facets::{FacetSelection, SortKey};

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
    fn has_cluster(&self, key: &str) -> bool {
        key == "000_a.3" || key == "b/ c.0"
    }
    fn cluster_key(&self, n: usize) -> Option<String> {
        ["000_a.3", "b/ c.0"].get(n).map(|k| k.to_string())
    }
    fn facet_has(&self, f: Facet, key: &str) -> bool {
        match f {
            Facet::Actor => self.has_actor(key),
            Facet::Issue => self.has_issue(key),
            Facet::Outlet => ["The Times", "a,b & c", "unknown"].contains(&key),
            Facet::Event => ["Moscow, 2023", "Путин 🎉"].contains(&key),
            Facet::Date => ["2022-02-04", "unknown"].contains(&key),
            Facet::Shares => self.article_sentences(key).is_some(),
            Facet::Carries => self.has_cluster(key),
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
        for q in
            ["", "nato", "\"joint statement\" AUKUS", "a&b=c?d#e%f+g", "Путин 习近平 🎉", "<script>alert(1)</script>"]
        {
            for article in [None, Some("000_a".to_string()), Some("b/ c".to_string())] {
                for boilerplate in [false, true] {
                    let sentence = article.as_ref().map(|_| 3);
                    for cell in [None, Some(("United States", "A&B / \"C\""))] {
                        let cell = cell.map(|(a, i)| (a.to_string(), i.to_string()));
                        for (pair, passage, cluster, base, all) in [
                            (None, None, None, None, false),
                            (Some(("000_a", "b/ c")), None, Some("b/ c.0"), None, false),
                            (None, None, Some("000_a.3"), Some("b/ c"), true),
                            (None, None, Some("b/ c.0"), Some("000_a"), false),
                            (None, None, Some("b/ c.0"), Some("000_a.4"), false),
                            (Some(("000_a", "b/ c")), Some(PassageRef::Index(3)), None, None, false),
                            (Some(("000_a", "b/ c")), Some(PassageRef::Sentence(9)), None, None, false),
                        ] {
                            let pair = pair.map(|(a, b)| (a.to_string(), b.to_string()));
                            let (cluster, base) = (cluster.map(String::from), base.map(String::from));
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
                                base,
                                all,
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
        (s(&["Russia"]), s(&[]), s(&[]), s(&[]), s(&[]), s(&[]), s(&[])),
        (
            s(&["Russia", "United States"]),
            s(&["A&B / \"C\"", "NATO enlargement"]),
            s(&[]),
            s(&[]),
            s(&[]),
            s(&[]),
            s(&[]),
        ),
        (s(&[]), s(&[]), s(&["The Times", "a,b & c", "unknown"]), s(&[]), s(&[]), s(&[]), s(&[])),
        (s(&[]), s(&[]), s(&[]), s(&["Moscow, 2023", "Путин 🎉"]), s(&["2022-02-04", "unknown"]), s(&[]), s(&[])),
        (s(&[]), s(&[]), s(&[]), s(&[]), s(&[]), s(&["000_a", "b/ c"]), s(&["000_a.3", "b/ c.0"])),
        (
            s(&["Russia"]),
            s(&["NATO enlargement"]),
            s(&["a,b & c"]),
            s(&["Moscow, 2023"]),
            s(&["unknown"]),
            s(&["b/ c"]),
            s(&["b/ c.0"]),
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
                    facets: FacetSelection::from([
                        actors.clone(),
                        issues.clone(),
                        outlets.clone(),
                        events.clone(),
                        dates.clone(),
                        shares.clone(),
                        carries.clone(),
                    ]),
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
                    passage: Some(PassageRef::Sentence(2)),
                    ..base.clone()
                });
            }
        }
    }
}

#[test]
fn old_numbered_carries_links_open_the_same_passages_and_name_their_lasting_keys() {
    let (st, notices) = decode("#/?carries=1,0", &KNOWN);
    assert_eq!(st.facets.get(Facet::Carries), ["000_a.3", "b/ c.0"]);
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("1 is now b/ c.0") && notices[0].contains("0 is now 000_a.3"), "{notices:?}");
    assert!(encode(&st).contains("carries=000_a.3,b%2F+c.0"), "{}", encode(&st));
}

#[test]
fn facet_values_are_kept_sorted_and_deduplicated() {
    let (st, notices) = decode("#/?outlets=unknown,The+Times,unknown&carries=b%2F+c.0,000_a.3,b%2F+c.0", &KNOWN);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(st.facets.get(Facet::Outlet), ["The Times", "unknown"]);
    assert_eq!(st.facets.get(Facet::Carries), ["000_a.3", "b/ c.0"]);
    let t = st.toggled(Facet::Outlet, "The Times");
    assert_eq!(t.facets.get(Facet::Outlet), ["unknown"]);
    let t = t.toggled(Facet::Outlet, "a,b & c");
    assert_eq!(t.facets.get(Facet::Outlet), ["a,b & c", "unknown"]);
    assert!(encode(&t).contains("outlets=a%2Cb+%26+c,unknown"), "{}", encode(&t));
    assert!(!t.without_facets().has_facets());
}

#[test]
fn unknown_facet_values_are_named_and_the_rest_kept() {
    let (st, notices) = decode("#/?outlets=The+Times,Nowhere,%FF&dates=2022-02-04", &KNOWN);
    assert_eq!(st.facets.get(Facet::Outlet), ["The Times"]);
    assert_eq!(st.facets.get(Facet::Date), ["2022-02-04"]);
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
        ("#/overlap?pair=000_a,b%2F+c&p=s10", "no such passage"),
        ("#/overlap?pair=000_a,b%2F+c&p=sx", "no such passage"),
        ("#/overlap?pair=000_a,b%2F+c&p=s", "no such passage"),
        ("#/overlap?p=1", "no pair is open"),
        ("#/overlap?cluster=7", "no such cluster"),
        ("#/overlap?cluster=000_a.4", "no such cluster"),
        ("#/overlap?base=000_a", "Ignored base"),
        ("#/overlap?all=1", "Ignored all"),
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
fn an_old_numbered_cluster_link_opens_that_position_with_a_notice() {
    let (st, notices) = decode("#/overlap?cluster=1", &KNOWN);
    assert_eq!(st.cluster.as_deref(), Some("b/ c.0"));
    assert_eq!(notices.len(), 1);
    assert!(notices[0].contains("old link") && notices[0].contains("cluster=b/ c.0"), "{notices:?}");
    // A base names an article, or one of its sentences (< its 10).
    let (st, notices) = decode("#/overlap?cluster=000_a.3&base=000_a.9", &KNOWN);
    assert_eq!((st.base.as_deref(), notices.len()), (Some("000_a.9"), 0), "{notices:?}");
    let (st, notices) = decode("#/overlap?cluster=000_a.3&base=000_a.10", &KNOWN);
    assert_eq!((st.base.as_deref(), notices.len()), (None, 1), "{notices:?}");
    let (st, notices) = decode("#/overlap?cluster=000_a.3&base=zzz&all=2", &KNOWN);
    assert_eq!((st.cluster.as_deref(), st.base.as_deref(), st.all), (Some("000_a.3"), None, false));
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert_eq!(encode(&st), "#/overlap?cluster=000_a.3");
}

#[test]
fn a_pair_is_stored_in_id_order() {
    let (st, notices) = decode("#/overlap?pair=b%2F+c,000_a&p=2", &KNOWN);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(st.pair, Some(("000_a".to_string(), "b/ c".to_string())));
    assert_eq!(st.passage, Some(PassageRef::Index(2)));
}

#[test]
fn a_passage_is_named_by_a_sentence_of_a_and_old_numbers_still_open() {
    let (st, notices) = decode("#/overlap?pair=000_a,b%2F+c&p=s7", &KNOWN);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(st.passage, Some(PassageRef::Sentence(7)));
    assert!(encode(&st).contains("p=s7"), "{}", encode(&st));
    let (st, _) = decode("#/overlap?pair=000_a,b%2F+c&p=3", &KNOWN);
    assert_eq!(st.passage, Some(PassageRef::Index(3)));
    assert!(encode(&st).ends_with("p=3"), "{}", encode(&st));
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
