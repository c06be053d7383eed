//! Clusters: sentences joined by mutual-best links across articles, kept
//! when they reach three or more articles (the same passage carried by
//! several outlets).

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

/// Groups sentences linked across articles into clusters reaching three
/// or more articles. To keep one hub sentence from chaining unrelated
/// content together, a link joins a cluster only when it is the best link
/// of both its sentences towards the other article (mutual best match).
pub(super) fn cluster_passages(corpus: &Corpus, pairs: &[SharedPassage]) -> Vec<Cluster> {
    let mut first = Vec::with_capacity(corpus.articles.len() + 1);
    let mut total = 0usize;
    for a in &corpus.articles {
        first.push(total);
        total += a.sentences.len();
    }
    let node = |art: u32, s: u32| first[art as usize] + s as usize;
    // Best score per (sentence node, other article).
    let mut best: FxHashMap<(usize, u32), f32> = FxHashMap::default();
    // (node x, node y, score, passage, x's article, y's article)
    type Edge = (usize, usize, f32, u32, u32, u32);
    let mut edges: Vec<Edge> = Vec::new();
    for (pi, p) in pairs.iter().enumerate() {
        for l in &p.links {
            for i in l.a.start..l.a.end {
                for j in l.b.start..l.b.end {
                    let (x, y) = (node(p.a.article, i), node(p.b.article, j));
                    edges.push((x, y, l.score, pi as u32, p.a.article, p.b.article));
                    let bx = best.entry((x, p.b.article)).or_insert(0.0);
                    *bx = bx.max(l.score);
                    let by = best.entry((y, p.a.article)).or_insert(0.0);
                    *by = by.max(l.score);
                }
            }
        }
    }
    let mut parent: Vec<usize> = (0..total).collect();
    let mut used: Vec<(usize, u32)> = Vec::new();
    for &(x, y, sc, pi, ax, ay) in &edges {
        if best.get(&(x, ay)).is_some_and(|&b| sc >= b) && best.get(&(y, ax)).is_some_and(|&b| sc >= b) {
            let (rx, ry) = (find(&mut parent, x), find(&mut parent, y));
            parent[rx] = ry;
            used.push((x, pi));
            used.push((y, pi));
        }
    }
    // Any order: clusters are sorted below by keys unique to each.
    let mut groups: FxHashMap<usize, (Vec<usize>, Vec<u32>)> = FxHashMap::default();
    for &(x, pi) in &used {
        let r = find(&mut parent, x);
        let g = groups.entry(r).or_default();
        g.0.push(x);
        g.1.push(pi);
    }
    let mut clusters = Vec::new();
    for (mut nodes, mut passages) in groups.into_values() {
        crate::sort::ord(&mut nodes);
        nodes.dedup();
        crate::sort::ord(&mut passages);
        passages.dedup();
        let mut articles: Vec<u32> = nodes.iter().map(|&x| owner_of(&first, x) as u32).collect();
        articles.dedup();
        if articles.len() < 3 {
            continue;
        }
        let members = members(corpus, &first, &nodes);
        clusters.push(Cluster { id: 0, members, articles, passages });
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
