//! Clusters: the same passage carried by three or more articles.
//!
//! Sentences are joined by mutual-best links across articles (a link
//! counts only when it is the best link of both its sentences towards the
//! other article), which keeps one hub sentence from chaining unrelated
//! content. A group of sentences joined that way can still drift: A links
//! to B and B to C while C shares nothing with A. So each group is cut
//! into *stars* that hold together:
//!
//! 1. the *core* is the sentence linked to the most other articles (then
//!    the highest sum of link scores, then the first in corpus order);
//! 2. the core and every sentence linked to it directly form a cluster;
//! 3. they leave the group, and the rest is cut again the same way.
//!
//! Every member of a cluster thus links directly to its core: the core's
//! reading is the one all the others were matched with. A cluster is kept
//! when it reaches three or more articles. This is the "star" clustering
//! of text-reuse tools (a witness joins a collation through its link to
//! the base, as in Juxta), instead of the transitive closure.
//!
//! A cluster's [`key`](Cluster::key) names its core member by article id
//! and first sentence, which a rebuild with more articles keeps.

use rustc_hash::FxHashMap;

use super::{Cluster, PassageSide, SentenceRange, SharedPassage};
use crate::model::Corpus;

/// The root of `x` in the union-find forest `parent`, halving the path.
fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// A link between two sentence nodes: (node x, node y, score, passage).
type Edge = (usize, usize, f32, u32);

/// Groups sentences linked across articles into clusters reaching three
/// or more articles, each the star of a core sentence and the sentences
/// linked to it directly (see the module doc).
pub(super) fn cluster_passages(corpus: &Corpus, pairs: &[SharedPassage]) -> Vec<Cluster> {
    let mut first = Vec::with_capacity(corpus.articles.len() + 1);
    let mut total = 0usize;
    for a in &corpus.articles {
        first.push(total);
        total += a.sentences.len();
    }
    let edges = mutual_best(pairs, |art, s| first[art as usize] + s as usize);
    let mut parent: Vec<usize> = (0..total).collect();
    for &(x, y, ..) in &edges {
        let (rx, ry) = (find(&mut parent, x), find(&mut parent, y));
        parent[rx] = ry;
    }
    // Any order: clusters are sorted below by keys unique to each.
    let mut groups: FxHashMap<usize, Vec<Edge>> = FxHashMap::default();
    for &e in &edges {
        groups.entry(find(&mut parent, e.0)).or_default().push(e);
    }
    let owner = |x: usize| owner_of(&first, x) as u32;
    let mut clusters = Vec::new();
    for group in groups.into_values() {
        for star in stars(group, owner) {
            let nodes: Vec<usize> = star.nodes.iter().map(|n| n.0).collect();
            let mut articles: Vec<u32> = nodes.iter().map(|&x| owner(x)).collect();
            articles.dedup();
            if articles.len() < 3 {
                continue;
            }
            let members = members(corpus, &first, &nodes);
            let mut links = vec![0.0f32; members.len()];
            let mut core = 0;
            for &(x, score) in &star.nodes {
                let (art, si) = (owner(x), (x - first[owner(x) as usize]) as u32);
                let k = members.iter().position(|m| m.article == art && m.sentences.contains(si as usize)).unwrap_or(0);
                links[k] = links[k].max(score);
                if x == star.core {
                    core = k as u32;
                }
            }
            clusters.push(Cluster { id: 0, members, articles, passages: star.passages, core, links });
        }
    }
    crate::sort::by(&mut clusters, |x, y| {
        y.articles
            .len()
            .cmp(&x.articles.len())
            .then_with(|| (x.members[0], x.passages[0]).cmp(&(y.members[0], y.passages[0])))
    });
    for (i, c) in clusters.iter_mut().enumerate() {
        c.id = i as u32;
    }
    clusters
}

/// The links between sentences of different articles that are the best
/// link of both their sentences towards the other article, in the pairs'
/// order. `node` numbers a sentence (article, sentence) across the corpus.
fn mutual_best(pairs: &[SharedPassage], node: impl Fn(u32, u32) -> usize) -> Vec<Edge> {
    // Best score per (sentence node, other article).
    let mut best: FxHashMap<(usize, u32), f32> = FxHashMap::default();
    // With each edge, its two articles.
    let mut edges: Vec<(Edge, u32, u32)> = Vec::new();
    for (pi, p) in pairs.iter().enumerate() {
        for l in &p.links {
            for i in l.a.start..l.a.end {
                for j in l.b.start..l.b.end {
                    let (x, y) = (node(p.a.article, i), node(p.b.article, j));
                    edges.push(((x, y, l.score, pi as u32), p.a.article, p.b.article));
                    let bx = best.entry((x, p.b.article)).or_insert(0.0);
                    *bx = bx.max(l.score);
                    let by = best.entry((y, p.a.article)).or_insert(0.0);
                    *by = by.max(l.score);
                }
            }
        }
    }
    let is_best = |n: usize, other: u32, sc: f32| best.get(&(n, other)).is_some_and(|&b| sc >= b);
    edges
        .into_iter()
        .filter(|&((x, y, sc, _), ax, ay)| x != y && is_best(x, ay, sc) && is_best(y, ax, sc))
        .map(|(e, ..)| e)
        .collect()
}

/// One cohesive cluster of a group: its core, its nodes (ascending) with
/// the score of their link to the core (1 for the core itself), and the
/// passages (ascending) of the links between its nodes.
#[derive(Debug, PartialEq)]
struct Star {
    core: usize,
    nodes: Vec<(usize, f32)>,
    passages: Vec<u32>,
}

/// Cuts a group of linked sentence nodes into stars (see the module doc):
/// every node of a star links directly to its core. `owner` gives a
/// node's article. Deterministic whatever the order of `edges`.
fn stars(mut edges: Vec<Edge>, owner: impl Fn(usize) -> u32) -> Vec<Star> {
    crate::sort::by(&mut edges, |x, y| (x.0, x.1, x.3).cmp(&(y.0, y.1, y.3)).then(x.2.total_cmp(&y.2)));
    let mut nodes: Vec<usize> = edges.iter().flat_map(|e| [e.0, e.1]).collect();
    crate::sort::ord(&mut nodes);
    nodes.dedup();
    let local = |x: usize| nodes.binary_search(&x).unwrap_or(0);
    // Per node: (neighbour, score, passage), in edge order.
    let mut adj: Vec<Vec<(usize, f32, u32)>> = vec![Vec::new(); nodes.len()];
    for &(x, y, sc, pi) in &edges {
        let (lx, ly) = (local(x), local(y));
        adj[lx].push((ly, sc, pi));
        adj[ly].push((lx, sc, pi));
    }
    let mut alive = vec![true; nodes.len()];
    let mut out = Vec::new();
    loop {
        // The core: most other articles reached, then the highest sum of scores.
        let mut core: Option<(usize, usize, f32)> = None;
        for v in (0..nodes.len()).filter(|&v| alive[v]) {
            let mut arts: Vec<u32> = adj[v].iter().filter(|n| alive[n.0]).map(|n| owner(nodes[n.0])).collect();
            crate::sort::ord(&mut arts);
            arts.dedup();
            let sum: f32 = adj[v].iter().filter(|n| alive[n.0]).map(|n| n.1).sum();
            if core.is_none_or(|(_, a, s)| (arts.len(), sum) > (a, s)) {
                core = Some((v, arts.len(), sum));
            }
        }
        let Some((c, ..)) = core.filter(|c| c.1 > 0) else { break };
        let mut star: Vec<(usize, f32)> = vec![(c, 1.0)];
        for &(u, sc, _) in adj[c].iter().filter(|n| alive[n.0]) {
            match star.iter_mut().find(|s| s.0 == u) {
                Some(s) => s.1 = s.1.max(sc),
                None => star.push((u, sc)),
            }
        }
        crate::sort::by(&mut star, |x, y| x.0.cmp(&y.0));
        let inside = |v: usize| star.binary_search_by(|s| s.0.cmp(&v)).is_ok();
        let mut passages: Vec<u32> =
            star.iter().flat_map(|s| adj[s.0].iter().filter(|n| inside(n.0)).map(|n| n.2)).collect();
        crate::sort::ord(&mut passages);
        passages.dedup();
        for s in &star {
            alive[s.0] = false;
        }
        out.push(Star { core: nodes[c], nodes: star.iter().map(|s| (nodes[s.0], s.1)).collect(), passages });
    }
    out
}

/// The members of a cluster of sentence nodes (ascending): runs of
/// consecutive sentences of one article.
fn members(corpus: &Corpus, first: &[usize], nodes: &[usize]) -> Vec<PassageSide> {
    let mut members: Vec<PassageSide> = Vec::new();
    for &x in nodes {
        let art = owner_of(first, x);
        let si = (x - first[art]) as u32;
        let sent = &corpus.articles[art].sentences[si as usize];
        match members.last_mut() {
            Some(m) if m.article as usize == art && m.sentences.end == si => {
                m.sentences.end = si + 1;
                m.span.end = sent.span.end;
            }
            _ => members.push(PassageSide {
                article: art as u32,
                span: sent.span,
                sentences: SentenceRange { start: si, end: si + 1 },
            }),
        }
    }
    members
}

/// The article of global sentence node `x`.
fn owner_of(first: &[usize], x: usize) -> usize {
    first.partition_point(|&f| f <= x).saturating_sub(1)
}

impl Cluster {
    /// The core member, which every other member links to directly.
    pub fn core_member(&self) -> &PassageSide {
        &self.members[(self.core as usize).min(self.members.len().saturating_sub(1))]
    }

    /// The name of the cluster in links, kept by a rebuild with more
    /// articles: the core member's article id and first sentence,
    /// `<article-id>.<sentence>`.
    pub fn key(&self, corpus: &Corpus) -> String {
        let m = self.core_member();
        let id = corpus.articles.get(m.article as usize).map_or("", |a| a.id());
        format!("{id}.{}", m.sentences.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Articles as node ranges: article k owns nodes 10k..10k+9.
    fn owner(x: usize) -> u32 {
        (x / 10) as u32
    }

    #[test]
    fn a_chain_is_cut_where_it_stops_sharing_with_the_core() {
        // A0–B0, A0–C0, A0–D0 (a star around A0), then D0–E0–F0–G0: E0
        // shares nothing with A0, so it and what follows form their own star.
        let edges = vec![
            (0, 10, 0.9, 0),
            (0, 20, 0.8, 1),
            (0, 30, 0.7, 2),
            (30, 40, 0.6, 3),
            (40, 50, 0.9, 4),
            (40, 60, 0.5, 5),
        ];
        let got = stars(edges.clone(), owner);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].core, 0);
        assert_eq!(got[0].nodes, vec![(0, 1.0), (10, 0.9), (20, 0.8), (30, 0.7)]);
        assert_eq!(got[0].passages, vec![0, 1, 2]);
        assert_eq!(got[1].core, 40);
        assert_eq!(got[1].nodes, vec![(40, 1.0), (50, 0.9), (60, 0.5)]);
        // The same whatever the order of the links.
        let mut rev = edges;
        rev.reverse();
        assert_eq!(stars(rev, owner), got);
    }

    #[test]
    fn a_chain_of_three_keeps_its_middle_as_core() {
        // A–B–C with no A–C link: B is the core, A and C both link to it.
        let got = stars(vec![(0, 10, 0.9, 0), (10, 20, 0.8, 1)], owner);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].core, 10);
        assert_eq!(got[0].nodes.len(), 3);
        // A–B–C–D: the core B takes A and C; D is left alone (no star).
        let got = stars(vec![(0, 10, 0.9, 0), (10, 20, 0.8, 1), (20, 30, 0.7, 2)], owner);
        assert_eq!(got.len(), 1);
        assert!(got[0].nodes.iter().all(|n| n.0 != 30), "{got:?}");
    }
}
