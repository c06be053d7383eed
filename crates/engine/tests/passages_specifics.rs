//! What tells a shared fact from a shared frame: table rows, different
//! figures, a shared name alone, and word rarity counted per series.

use parallax_engine::passages::{Matcher, PassageConfig};
use parallax_engine::source::parse_jsonl;
use parallax_engine::Corpus;

/// A corpus of `(id, series, text)`.
fn corpus(lines: &[(&str, &str, &str)]) -> Corpus {
    let text: String = lines
        .iter()
        .map(|(id, series, t)| serde_json::json!({"id": id, "series": series, "text": t}).to_string() + "\n")
        .collect();
    Corpus::build(parse_jsonl("test.jsonl", text.as_bytes()).unwrap())
}

/// Articles about other things, so that the words above are rare.
const FILLER: &[&str] = &[
    "The city council met on Tuesday to discuss the new budget for schools and roads.",
    "Heavy rain flooded several villages in the north, and rescue teams were sent.",
    "The museum opened an exhibition of early photographs from the harbour.",
    "Local farmers expect a good harvest of apples after a mild and sunny summer.",
];

fn with_filler(articles: &[(&str, &str)]) -> Corpus {
    let mut lines: Vec<(String, &str, &str)> = articles.iter().map(|(id, t)| (id.to_string(), "s", *t)).collect();
    for (k, t) in FILLER.iter().enumerate() {
        lines.push((format!("filler-{k}"), "s", t));
    }
    let refs: Vec<(&str, &str, &str)> = lines.iter().map(|(a, b, c)| (a.as_str(), *b, *c)).collect();
    corpus(&refs)
}

fn linked(m: &Matcher, a: usize, sa: usize, b: usize, sb: usize) -> bool {
    m.score(a, sa, b, sb).unwrap().linked
}

/// Whether article "a" links to its near copy "c", and to "b" (the
/// articles' first sentences, beside the filler).
fn copy_and_other(articles: &[(&str, &str)]) -> (bool, bool) {
    let c = with_filler(articles);
    let m = Matcher::new(&c, &PassageConfig::default());
    (linked(&m, 0, 0, 2, 0), linked(&m, 0, 0, 1, 0))
}

/// Different figures with no name or figure in common (the same frame
/// about another country), and a shared name alone: no link, where a near
/// copy of the same sentence links.
#[test]
fn a_shared_frame_or_name_is_not_a_shared_fact() {
    let figures = [
        ("a", "Bangladesh bought 100,000 tonnes of soft wheat for shipment in the spring, private traders said."),
        ("b", "Egypt bought 200,000 tonnes of soft wheat for shipment in the spring, private traders said."),
        ("c", "Bangladesh bought 100,000 tonnes of soft wheat for shipment in the spring, private traders said today."),
    ];
    let name = [
        ("a", "Analysts at Drexel Burnham Lambert expect oil prices to climb sharply this spring."),
        ("b", "The offering of new shares will be managed by Drexel Burnham Lambert next month."),
        ("c", "Analysts at Drexel Burnham Lambert expect oil prices to climb quite sharply this spring."),
        ("d", "Drexel Burnham Lambert hired a new chief economist, who joined from a bank."),
    ];
    for (what, articles) in [("other figures", &figures[..]), ("only a name in common", &name[..])] {
        assert_eq!(copy_and_other(articles), (true, false), "{what}: the copy links, the other does not");
    }
}

#[test]
fn table_rows_are_not_prose() {
    let c = with_filler(&[
        ("a", "Shr 1.16 dlrs vs 1.19 dlrs\nNet 20.6 mln vs 16.1 mln"),
        ("b", "Shr 1.16 dlrs vs 70 cts\nNet 20.6 mln vs 9.4 mln"),
    ]);
    let m = Matcher::new(&c, &PassageConfig::default());
    for (sa, sb) in [(0, 0), (1, 1)] {
        let s = m.score(0, sa, 1, sb).unwrap();
        assert!(!s.linked && s.shared == 0, "table rows carry no concepts: {s:?}");
    }
}

#[test]
fn rarity_of_one_series_ignores_the_articles_of_another() {
    let cfg = PassageConfig { series_min_sentences: 1, ..PassageConfig::default() };
    let alpha = [
        ("a1", "alpha", "The bridge over the river was closed after engineers found cracks in its steel."),
        ("a2", "alpha", "Engineers found cracks in the steel of the river bridge, which was closed."),
        ("a3", "alpha", "The bridge will stay closed for repairs, officials said."),
    ];
    let mut mixed = alpha.to_vec();
    // Another series using the same words often: alone it would make
    // them common.
    let beta: Vec<String> =
        (0..12).map(|k| format!("Report {k}: engineers found cracks in steel beams again.")).collect();
    let ids: Vec<String> = (0..12).map(|k| format!("b{k}")).collect();
    for (id, t) in ids.iter().zip(&beta) {
        mixed.push((id.as_str(), "beta", t.as_str()));
    }
    let (small, large) = (corpus(&alpha), corpus(&mixed));
    let (ms, ml) = (Matcher::new(&small, &cfg), Matcher::new(&large, &cfg));
    let (s, l) = (ms.score(0, 0, 1, 0).unwrap(), ml.score(0, 0, 1, 0).unwrap());
    assert!(s.shared >= 5, "{s:?}");
    // The same figures (up to the order of a float sum: the concepts'
    // numbers differ between the two corpora).
    assert!((s.score - l.score).abs() < 1e-5 && (s.weight - l.weight).abs() < 1e-4, "{s:?} {l:?}");
    assert_eq!((s.shared, s.distinct, s.linked), (l.shared, l.distinct, l.linked));
    // Pooled (the series too small for statistics of their own), the
    // other series' articles change the weights.
    let pooled = PassageConfig::default();
    let (ps, pl) = (Matcher::new(&small, &pooled), Matcher::new(&large, &pooled));
    let (ps, pl) = (ps.score(0, 0, 1, 0).unwrap(), pl.score(0, 0, 1, 0).unwrap());
    assert!((ps.weight - s.weight).abs() < 1e-4 && (pl.weight - ps.weight).abs() > 0.5, "{ps:?} {pl:?}");
}
