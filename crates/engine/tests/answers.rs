//! The bundle's answers to the page (`parallax_engine::answers`) agree, on
//! the seeds, with the computations the pages did themselves before: a
//! scan of every pair, the sentence links built with a map per pair, the
//! overview's clusters and top pairs, the capped facet groups, and the
//! stance matrix.

#![allow(clippy::disallowed_methods)] // tests sort with std: no page size at stake

mod common;

use std::collections::BTreeMap;

use parallax_engine::answers::PassageLink;
use parallax_engine::bundle::Bundle;
use parallax_engine::facets::{Facet, Filter};
use parallax_engine::lexicon::parse_lexicon;
use parallax_engine::passages::PairSummary;
use parallax_engine::stance;

fn seed_bundle() -> Bundle {
    let text = std::fs::read_to_string(common::repo().join("seeds/lexicon.toml")).unwrap();
    Bundle::build(common::seed_source(), parse_lexicon("seeds/lexicon.toml", &text).unwrap())
}

#[test]
fn a_pairs_passages_are_those_a_scan_finds() {
    let b = seed_bundle();
    let n = b.corpus.articles.len() as u32;
    let mut found = 0;
    for x in 0..n {
        for y in 0..n {
            let scan: Vec<_> = b.passages.pairs.iter().filter(|p| p.a.article == x && p.b.article == y).collect();
            assert_eq!(b.pair_passages(x, y).collect::<Vec<_>>(), scan, "pair {x} {y}");
            found += scan.len();
            let summary = b.pair_summaries.iter().find(|s| s.a == x && s.b == y);
            assert_eq!(b.pair_summary(x, y), summary, "summary {x} {y}");
        }
    }
    assert_eq!(found, b.passages.pairs.len());
    assert!(found > 5, "the seeds share passages");
}

/// The page's former `sentence_links`, without the links' text.
fn old_sentence_links(b: &Bundle, me: usize) -> Vec<Option<PassageLink>> {
    let mut out = vec![None; b.corpus.articles[me].sentences.len()];
    let mut per_pair: BTreeMap<(u32, u32), u32> = BTreeMap::new();
    let mut found = Vec::new();
    for (pi, p) in b.passages.pairs.iter().enumerate() {
        let k = per_pair.entry((p.a.article, p.b.article)).or_default();
        let index = *k;
        *k += 1;
        let (mine, other) = if p.a.article as usize == me {
            (&p.a, &p.b)
        } else if p.b.article as usize == me {
            (&p.b, &p.a)
        } else {
            continue;
        };
        let cluster = b.passages.clusters.iter().find(|c| c.passages.contains(&(pi as u32))).map(|c| c.id);
        let link = PassageLink {
            a: p.a.article,
            b: p.b.article,
            other: other.article,
            index,
            sentence: p.a.sentences.start,
            cluster,
        };
        found.push((cluster.is_none(), pi, mine.sentences, link));
    }
    found.sort_by_key(|f| (f.0, f.1));
    for (_, _, range, link) in found {
        for i in range.start..range.end {
            if let Some(slot @ None) = out.get_mut(i as usize) {
                *slot = Some(link);
            }
        }
    }
    out
}

#[test]
fn sentence_links_are_the_pages_former_ones() {
    let b = seed_bundle();
    let mut linked = 0;
    let mut clustered = 0;
    for me in 0..b.corpus.articles.len() {
        let links = b.sentence_links(me);
        assert_eq!(links, old_sentence_links(&b, me), "article {me}");
        linked += links.iter().flatten().count();
        clustered += links.iter().flatten().filter(|l| l.cluster.is_some()).count();
    }
    assert!(linked > 0 && clustered > 0, "the seeds have shared and clustered sentences");
    assert!(b.sentence_links(usize::MAX).is_empty());
}

/// The overview's former clusters and top pairs.
fn old_overlap(
    b: &Bundle,
    sel: &[usize],
    max: usize,
    top: usize,
) -> (Vec<(usize, usize)>, usize, usize, Vec<PairSummary>) {
    let chosen = |a: u32| sel.contains(&(a as usize));
    let mut clusters: Vec<(usize, usize)> = b
        .passages
        .clusters
        .iter()
        .enumerate()
        .map(|(k, c)| (k, c.articles.iter().filter(|&&a| chosen(a)).count()))
        .filter(|(_, n)| *n >= 2)
        .collect();
    let ids = &b.passages.clusters;
    clusters.sort_by(|x, y| y.1.cmp(&x.1).then(ids[x.0].id.cmp(&ids[y.0].id)));
    let left = clusters.len().saturating_sub(max);
    clusters.truncate(max);
    let mut pairs: Vec<PairSummary> = b.pair_summaries.iter().filter(|p| chosen(p.a) && chosen(p.b)).cloned().collect();
    let shared = pairs.len();
    pairs.sort_by(|x, y| {
        y.shorter_share.total_cmp(&x.shorter_share).then(y.passages.cmp(&x.passages)).then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    pairs.truncate(top);
    (clusters, left, shared, pairs)
}

#[test]
fn a_selections_overlap_is_the_overviews_former_one() {
    let b = seed_bundle();
    let n = b.corpus.articles.len();
    let all: Vec<usize> = (0..n).collect();
    let selections = [all.clone(), all.iter().copied().step_by(2).collect(), all[..n / 2].to_vec(), vec![0], vec![]];
    for sel in &selections {
        for (max, top) in [(50, 50), (50, 0), (2, 3), (1, 1)] {
            let got = b.overlap(sel, max, top);
            let (clusters, left, shared, pairs) = old_overlap(&b, sel, max, top);
            assert_eq!(got.clusters, clusters, "{sel:?}");
            assert_eq!(got.clusters_left, left);
            assert_eq!(got.shared_pairs, shared);
            assert_eq!(got.top_pairs, pairs);
        }
    }
    let whole = b.overlap(&all, 50, 50);
    assert!(!whole.clusters.is_empty() && whole.shared_pairs > 1, "the seeds share passages");
}

#[test]
fn facet_groups_are_capped_as_the_panel_did() {
    let b = seed_bundle();
    let fx = b.facets();
    let mut filter = Filter::default();
    let counts = fx.counts(&filter);
    for cap in [1, 2, 3, 20, 1000] {
        let groups = b.facet_groups(&counts, cap);
        assert_eq!(groups.len(), Facet::ALL.len());
        for (fi, g) in groups.iter().enumerate() {
            let n = &counts.counts[fi];
            assert_eq!(g.facet, Facet::ALL[fi]);
            assert_eq!(g.values.len(), n.len().min(cap));
            assert_eq!(g.hidden, n.len().saturating_sub(cap));
            // Old: the selected values, then most articles, then slot, best `cap`, in slot order.
            let mut slots: Vec<usize> = (0..n.len()).collect();
            let sel = &counts.selected[fi];
            slots.sort_by_key(|&i| (sel.binary_search(&i).is_err(), std::cmp::Reverse(n[i]), i));
            slots.truncate(cap);
            slots.sort();
            let want: Vec<(&str, u32, bool)> =
                slots.iter().map(|&i| (fx.value(g.facet, i).0, n[i], sel.binary_search(&i).is_ok())).collect();
            let got: Vec<(&str, u32, bool)> = g.values.iter().map(|v| (v.key, v.count, v.checked)).collect();
            assert_eq!(got, want, "{:?} cap {cap}", g.facet);
            for (v, &i) in g.values.iter().zip(&slots) {
                assert_eq!(v.label, fx.value(g.facet, i).1);
            }
        }
    }
    // With a selected value that has few articles, it is kept in a capped group.
    let outlets = b.facet_groups(&counts, 1000).into_iter().find(|g| g.facet == Facet::Outlet).unwrap();
    let rare = outlets.values.iter().min_by_key(|v| (v.count, std::cmp::Reverse(v.key))).unwrap().key.to_string();
    filter.facets.get_mut(Facet::Outlet).push(rare.clone());
    let counts = fx.counts(&filter);
    let capped = b.facet_groups(&counts, 1).into_iter().find(|g| g.facet == Facet::Outlet).unwrap();
    assert_eq!(capped.values.len(), 1);
    assert!(capped.values[0].checked && capped.values[0].key == rare);
}

#[test]
fn a_selections_stance_matrix_is_the_engines() {
    let b = seed_bundle();
    let n = b.corpus.articles.len();
    let all: Vec<usize> = (0..n).collect();
    for sel in [all.clone(), all[..n / 2].to_vec(), vec![]] {
        assert_eq!(b.stance_matrix(&sel), stance::matrix(&b.statements, &sel));
    }
    assert!(!b.stance_matrix(&all).cells.is_empty(), "the seeds state stances");
}
