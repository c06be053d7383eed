//! Facets and sorting: mentions from the lexicon, OR within a facet, AND
//! across facets, counts computed with every *other* filter applied, and
//! each sort key — on a small hand-made corpus, and as invariants over the
//! seeds.

#![allow(clippy::disallowed_methods)] // tests sort with std: no page size at stake

use std::path::{Path, PathBuf};

use parallax_engine::bundle::Bundle;
use parallax_engine::facets::{
    Facet, FacetIndex, FacetSelection, FacetTable, FacetTableBuilder, Facets, Filter, Sort, SortKey,
};
use parallax_engine::lexicon::parse_lexicon;
use parallax_engine::passages::{Cluster, PassageSide, Passages, SentenceRange, SharedPassage};
use parallax_engine::query::Query;
use parallax_engine::source::{parse_seed_folder, ArticleMeta, RawArticle, SourceFile};
use parallax_engine::{Corpus, CorpusSource};

const LEX: &str = r#"
[[actor]]
name = "Russia"
aliases = ["Moscow", "Putin"]

[[actor]]
name = "United States"
aliases = ["US", "Washington"]

[[issue]]
name = "NATO enlargement"
phrases = ["enlargement of NATO", "NATO * expansion"]

[[issue]]
name = "Taiwan"
phrases = ["Taiwan"]
"#;

fn meta(id: &str, outlet: Option<&str>, date: Option<&str>, event: Option<&str>) -> ArticleMeta {
    ArticleMeta {
        id: id.into(),
        title: None,
        outlet: outlet.map(Into::into),
        url: None,
        date: date.map(Into::into),
        event: event.map(Into::into),
    }
}

/// Four articles: a–c about one event, d about another.
fn small() -> Bundle {
    let texts = [
        (
            meta("a", Some("Daily"), Some("2022-02-04"), Some("Beijing")),
            "Summit in Beijing\n\nPutin's aides oppose any enlargement of NATO. The talks lasted long. Trade grew fast.",
        ),
        (
            meta("b", Some("Wire"), Some("2022-02-04"), Some("Beijing")),
            "Leaders meet\n\nThe talks lasted long. Washington criticised the NATO eastward expansion plans.",
        ),
        (
            meta("c", None, Some("2022-02-05"), Some("Beijing")),
            "Olympics open\n\nThe talks lasted long, said a guest. Moscow watched Taiwan closely.",
        ),
        (
            meta("d", Some("Daily"), None, None),
            "Moscow visit\n\nNobody mentioned us here. Trade grew fast. Gas deals were signed by both.",
        ),
    ];
    let articles = texts.into_iter().map(|(meta, t)| RawArticle { meta, text: t.to_string() }).collect();
    let corpus = Corpus::build(CorpusSource { name: "t".into(), articles });
    let lexicon = parse_lexicon("lex.toml", LEX).unwrap();
    // "The talks lasted long" in a, b and c (a cluster); "Trade grew fast" in a and d.
    let side = |art: usize, needle: &str| {
        let a = &corpus.articles[art];
        let s = a.sentences.iter().position(|s| a.slice(s.span).starts_with(needle)).unwrap();
        PassageSide { article: art as u32, span: a.sentences[s].span, sentences: SentenceRange::new(s, s + 1) }
    };
    let pair = |x: PassageSide, y: PassageSide| SharedPassage { a: x, b: y, score: 1.0, links: vec![] };
    let talks = [side(0, "The talks"), side(1, "The talks"), side(2, "The talks")];
    let passages = Passages {
        pairs: vec![
            pair(talks[0], talks[1]),
            pair(talks[0], talks[2]),
            pair(side(0, "Trade"), side(3, "Trade")),
            pair(talks[1], talks[2]),
        ],
        clusters: vec![Cluster {
            id: 0,
            members: talks.to_vec(),
            articles: vec![0, 1, 2],
            passages: vec![0, 1, 3],
            core: 0,
            links: vec![1.0; talks.len()],
        }],
    };
    let facet_index = FacetIndex::build(&corpus, &lexicon, &passages);
    Bundle {
        format: parallax_engine::bundle::BUNDLE_FORMAT,
        corpus,
        lexicon,
        statements: vec![],
        passages,
        pair_summaries: vec![],
        related: vec![],
        facet_index,
        prepared: Default::default(),
    }
}

fn ids(b: &Bundle, v: &[usize]) -> Vec<String> {
    v.iter().map(|&i| b.corpus.articles[i].id().to_string()).collect()
}

fn count(b: &Bundle, f: &Filter, facet: Facet, key: &str) -> usize {
    let sel = b.facets().select(f);
    let g = sel.groups.iter().find(|g| g.facet == facet).unwrap();
    g.values.iter().find(|v| v.key == key).unwrap_or_else(|| panic!("no value {key} in {facet:?}")).count
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn mentions_follow_the_lexicon() {
    let b = small();
    let f = &b.facet_index;
    // Actors: 0 Russia, 1 United States. "us" (lowercase) is not "US".
    assert_eq!(f.actors, vec![vec![0], vec![1], vec![0], vec![0]]);
    // Issues: a "enlargement of NATO", b "NATO eastward expansion" (gap), c Taiwan.
    assert_eq!(f.issues, vec![vec![0], vec![0], vec![1], vec![]]);
    assert_eq!(f.shares, vec![vec![1, 2, 3], vec![0, 2], vec![0, 1], vec![0]]);
    assert_eq!(f.carries, vec![vec![0], vec![0], vec![0], vec![]]);
    // a: two shared sentences of 4+3 words.
    assert_eq!(f.shared_words[0], 7);
}

#[test]
fn no_filter_selects_everything_with_full_counts() {
    let b = small();
    let sel = b.facets().select(&Filter::default());
    assert_eq!(sel.articles, vec![0, 1, 2, 3]);
    let f = Filter::default();
    assert_eq!(count(&b, &f, Facet::Actor, "Russia"), 3);
    assert_eq!(count(&b, &f, Facet::Actor, "United States"), 1);
    assert_eq!(count(&b, &f, Facet::Outlet, "Daily"), 2);
    assert_eq!(count(&b, &f, Facet::Outlet, "unknown"), 1);
    assert_eq!(count(&b, &f, Facet::Event, "Beijing"), 3);
    assert_eq!(count(&b, &f, Facet::Event, "unknown"), 1);
    assert_eq!(count(&b, &f, Facet::Date, "2022-02-04"), 2);
    assert_eq!(count(&b, &f, Facet::Date, "unknown"), 1);
    assert_eq!(count(&b, &f, Facet::Shares, "a"), 3);
    assert_eq!(count(&b, &f, Facet::Shares, "d"), 1);
    // A cluster is named by its lasting key (its core's article and sentence).
    assert_eq!(count(&b, &f, Facet::Carries, &b.passages.clusters[0].key(&b.corpus)), 3);
}

#[test]
fn or_within_a_facet_and_across_facets() {
    let b = small();
    let fx = b.facets();
    let sel = |f: Facet, v: &[&str]| FacetSelection::default().with(f, v.iter().copied());
    let f = Filter { facets: sel(Facet::Outlet, &["Daily", "Wire"]), ..Filter::default() };
    assert_eq!(ids(&b, &fx.select(&f).articles), s(&["a", "b", "d"]));
    let f =
        Filter { facets: sel(Facet::Outlet, &["Daily", "Wire"]).with(Facet::Actor, ["Russia"]), ..Filter::default() };
    assert_eq!(ids(&b, &fx.select(&f).articles), s(&["a", "d"]));
    let f = Filter { facets: sel(Facet::Shares, &["d"]), ..Filter::default() };
    assert_eq!(ids(&b, &fx.select(&f).articles), s(&["a"]));
    let key = b.passages.clusters[0].key(&b.corpus);
    let f =
        Filter { facets: sel(Facet::Carries, &[key.as_str()]).with(Facet::Date, ["2022-02-05"]), ..Filter::default() };
    assert_eq!(ids(&b, &fx.select(&f).articles), s(&["c"]));
    let f = Filter { query: Query::parse("trade"), facets: sel(Facet::Issue, &["NATO enlargement"]) };
    assert_eq!(ids(&b, &fx.select(&f).articles), s(&["a"]));
}

#[test]
fn counts_apply_every_other_filter_but_not_their_own() {
    let b = small();
    let f = Filter { facets: FacetSelection::default().with(Facet::Outlet, ["Daily"]), ..Filter::default() };
    // Outlet counts ignore the outlet selection: ticking Wire would add 1.
    assert_eq!(count(&b, &f, Facet::Outlet, "Daily"), 2);
    assert_eq!(count(&b, &f, Facet::Outlet, "Wire"), 1);
    // Other facets count within Daily (a, d).
    assert_eq!(count(&b, &f, Facet::Actor, "Russia"), 2);
    assert_eq!(count(&b, &f, Facet::Actor, "United States"), 0);
    assert_eq!(count(&b, &f, Facet::Carries, &b.passages.clusters[0].key(&b.corpus)), 1);
    // The search narrows every count.
    let f = Filter { query: Query::parse("taiwan"), ..Filter::default() };
    assert_eq!(count(&b, &f, Facet::Actor, "Russia"), 1);
    assert_eq!(count(&b, &f, Facet::Outlet, "unknown"), 1);
    assert_eq!(count(&b, &f, Facet::Outlet, "Daily"), 0);
    let sel = b.facets().select(&f);
    let g = sel.groups.iter().find(|g| g.facet == Facet::Outlet).unwrap();
    assert!(g.values.iter().all(|v| !v.selected));
}

#[test]
fn an_unknown_value_selects_nothing() {
    let b = small();
    let f = Filter { facets: FacetSelection::default().with(Facet::Outlet, ["Nowhere"]), ..Filter::default() };
    assert!(b.facets().select(&f).articles.is_empty());
    // …but the counts of its own facet still show what is there.
    assert_eq!(count(&b, &f, Facet::Outlet, "Daily"), 2);
    assert_eq!(count(&b, &f, Facet::Actor, "Russia"), 0);
}

#[test]
fn every_sort_key() {
    let b = small();
    let fx = b.facets();
    let sorted = |sort: Sort| {
        let mut v = vec![3, 1, 0, 2];
        fx.sort(&mut v, sort);
        ids(&b, &v)
    };
    let by = |key| Sort { key, reverse: false };
    assert_eq!(sorted(by(SortKey::Id)), s(&["a", "b", "c", "d"]));
    assert_eq!(sorted(by(SortKey::Date)), s(&["a", "b", "c", "d"]), "unknown date last");
    assert_eq!(sorted(by(SortKey::Outlet)), s(&["a", "d", "b", "c"]), "unknown outlet last");
    let words: Vec<usize> = b.corpus.articles.iter().map(|a| a.word_count()).collect();
    let mut by_len = vec![0, 1, 2, 3];
    by_len.sort_by(|&x, &y| words[y].cmp(&words[x]).then(x.cmp(&y)));
    assert_eq!(sorted(by(SortKey::Length)), ids(&b, &by_len));
    let shared = sorted(by(SortKey::Shared));
    let shares: Vec<f64> =
        ["a", "b", "c", "d"].iter().map(|id| fx.shared_share(b.corpus.index_of(id).unwrap())).collect();
    let order: Vec<f64> = shared.iter().map(|id| shares[b.corpus.index_of(id).unwrap()]).collect();
    assert!(order.windows(2).all(|w| w[0] >= w[1]), "{shared:?} {order:?}");
    let mut rev = sorted(Sort { key: SortKey::Date, reverse: true });
    rev.reverse();
    assert_eq!(rev, sorted(by(SortKey::Date)));
}

#[test]
fn a_subset_sorts_as_it_lies_in_the_whole_order() {
    // The list sorts only the selected articles; it must keep their order
    // in the whole corpus (the ranks are computed once, over all).
    let b = small();
    let fx = b.facets();
    for &key in &SortKey::ALL {
        for reverse in [false, true] {
            let sort = Sort { key, reverse };
            let mut all = vec![0, 1, 2, 3];
            fx.sort(&mut all, sort);
            for subset in [vec![2, 0], vec![3, 1, 2], vec![1], vec![]] {
                let mut got = subset.clone();
                fx.sort(&mut got, sort);
                let want: Vec<usize> = all.iter().copied().filter(|i| subset.contains(i)).collect();
                assert_eq!(got, want, "{sort:?} of {subset:?}");
            }
        }
    }
}

#[test]
fn sort_round_trips_as_text() {
    for key in SortKey::ALL {
        for reverse in [false, true] {
            let s = Sort { key, reverse };
            assert_eq!(Sort::parse(&s.as_string()), Some(s));
        }
    }
    assert_eq!(Sort::parse("size"), None);
    assert_eq!(Sort::parse("--date"), None);
    assert_eq!(Sort::parse(""), None);
}

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn seeds() -> Bundle {
    let dir = seeds_dir();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    paths.sort();
    let files: Vec<SourceFile> = paths
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| SourceFile {
            path: p.display().to_string(),
            stem: p.file_stem().unwrap().to_string_lossy().into_owned(),
            bytes: std::fs::read(p).unwrap(),
        })
        .collect();
    let meta = std::fs::read(dir.join("corpus.toml")).unwrap();
    let source = parse_seed_folder("seeds", Some(("seeds/corpus.toml", &meta)), &files).unwrap();
    let lex_text = std::fs::read_to_string(dir.join("lexicon.toml")).unwrap();
    Bundle::build(source, parse_lexicon("seeds/lexicon.toml", &lex_text).unwrap())
}

/// Brute force: an article is counted for value v of facet F when it
/// carries v and is selected by the filter with F's selection cleared.
#[test]
fn seed_counts_equal_brute_force_for_many_filters() {
    let b = seeds();
    let fx: Facets = b.facets();
    let base = fx.select(&Filter::default());
    assert_eq!(base.articles.len(), b.corpus.articles.len());
    // Every facet has values on the seeds, and the big ones have counts;
    // `has_value` agrees with the value lists.
    for g in &base.groups {
        for v in &g.values {
            assert!(fx.has_value(g.facet, &v.key), "{:?} {}", g.facet, v.key);
        }
        assert!(!fx.has_value(g.facet, "no such value"));
        assert!(!g.values.is_empty(), "{:?} has no values", g.facet);
        assert!(g.values.iter().any(|v| v.count > 0), "{:?}", g.facet);
    }
    let mut filters = vec![Filter::default(), Filter { query: Query::parse("nato"), ..Filter::default() }];
    for g in &base.groups {
        for v in g.values.iter().take(3) {
            let mut f = Filter::default();
            set(&mut f, g.facet, vec![v.key.clone()]);
            filters.push(f.clone());
            f.query = Query::parse("taiwan");
            filters.push(f);
        }
    }
    for f in &filters {
        let sel = fx.select(f);
        for g in &sel.groups {
            let mut without = f.clone();
            set(&mut without, g.facet, vec![]);
            let pool = fx.select(&without).articles;
            for v in &g.values {
                let mut only = without.clone();
                set(&mut only, g.facet, vec![v.key.clone()]);
                let with_v = fx.select(&only).articles;
                assert!(with_v.iter().all(|a| pool.contains(a)));
                assert_eq!(v.count, with_v.len(), "{:?}={} under {f:?}", g.facet, v.key);
            }
        }
    }
}

fn set(f: &mut Filter, facet: Facet, v: Vec<String>) {
    *f.facets.get_mut(facet) = v;
}

#[test]
fn seed_mentions_are_real_words_of_the_article() {
    let b = seeds();
    // Each actor an article is said to mention has an alias in its text.
    for (ai, actors) in b.facet_index.actors.iter().enumerate() {
        let text = b.corpus.articles[ai].text.to_lowercase().replace('’', "'");
        for &x in actors {
            let a = &b.lexicon.actors[x as usize];
            assert!(
                a.aliases.iter().chain([&a.name]).any(|al| text.contains(&al.to_lowercase().replace('’', "'"))),
                "{} does not name {}",
                b.corpus.articles[ai].id(),
                a.name
            );
        }
    }
    // Somebody mentions Russia and some issue.
    assert!(b.facet_index.actors.iter().any(|a| a.contains(&0)));
    assert!(b.facet_index.issues.iter().any(|i| !i.is_empty()));
}

#[test]
fn the_facet_table_built_in_any_steps_is_the_same() {
    for b in [small(), seeds()] {
        let whole = FacetTable::build(&b.corpus, &b.lexicon, &b.passages, &b.facet_index);
        for n in [1, 2, 3, 7, 64, usize::MAX] {
            let src = b.table_source();
            let mut builder = FacetTableBuilder::new(src);
            let mut last = builder.done();
            let mut steps = 0;
            while !builder.step(src, n) {
                steps += 1;
                // Each step does some work, and never more than asked.
                assert!(builder.done() > last && builder.done() - last <= n, "step {steps} of {n}");
                assert!(builder.done() < builder.total());
                last = builder.done();
            }
            assert_eq!(builder.done(), builder.total(), "steps of {n}: all done");
            if n == 1 {
                assert!(steps > b.corpus.articles.len(), "steps of 1 item: one step per article and facet at least");
            }
            let stepped = builder.finish(src);
            assert!(stepped == whole, "steps of {n}: the same table");
            // Installed in a bundle, it gives the same facets as one built on use.
            let fresh = seeds_or_small_copy(&b);
            fresh.set_table(stepped);
            assert!(fresh.table_ready());
            let f = Filter { query: Query::parse("the"), ..Filter::default() };
            assert_eq!(fresh.facets().select(&f), b.facets().select(&f));
        }
    }
}

/// The same bundle without its prepared parts (facet table, search index).
fn seeds_or_small_copy(b: &Bundle) -> Bundle {
    let bytes = b.to_stored().unwrap();
    parallax_engine::bundle::BundleReader::read(&bytes).unwrap()
}
