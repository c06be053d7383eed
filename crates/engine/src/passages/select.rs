//! Per pair of articles, the links that become passages: a one-to-one
//! selection greedy by score, then one second link per sentence
//! (`second_min_score`); growth by context (weaker links next to selected
//! ones, their position corroborating them); and the merge of the links
//! into passages that never overlap on both sides.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::config::{LinkBar, PassageConfig};
use super::feat::{passes, score_pair, Feat};
use super::matcher::Matcher;
use super::{PassageSide, SentenceLink, SentenceRange, SharedPassage};
use crate::model::{Article, Corpus, Span};

/// How many selected links each sentence of a pair's two articles is in.
#[derive(Default)]
struct Used {
    /// Sentence of A -> links.
    a: BTreeMap<u32, u32>,
    /// Sentence of B -> links.
    b: BTreeMap<u32, u32>,
}

impl Used {
    /// Counts the sentences of `l` as in one more link.
    fn take(&mut self, l: &SentenceLink) {
        for i in l.a.start..l.a.end {
            *self.a.entry(i).or_insert(0) += 1;
        }
        for i in l.b.start..l.b.end {
            *self.b.entry(i).or_insert(0) += 1;
        }
    }
}

/// The most links any sentence of `r` is in.
fn uses(m: &BTreeMap<u32, u32>, r: SentenceRange) -> u32 {
    (r.start..r.end).map(|i| m.get(&i).copied().unwrap_or(0)).max().unwrap_or(0)
}

/// Whether sentences `lo..hi` are in no link.
fn free(m: &BTreeMap<u32, u32>, lo: u32, hi: u32) -> bool {
    (lo..hi).all(|i| !m.contains_key(&i))
}

/// The links of one pair of articles that become passages. First a
/// one-to-one matching, greedily by score: a link whose sentences are all
/// free. Then second links: a sentence linked once may take one more link
/// of `second_min_score` (a lede and a later quote may carry the same
/// clause), unless that link lies inside one passage already. Returns
/// (link, is a second link).
pub(super) fn select_links(mut ls: Vec<SentenceLink>, cfg: &PassageConfig) -> Vec<(SentenceLink, bool)> {
    crate::sort::by(&mut ls, |x, y| y.score.total_cmp(&x.score).then((x.a, x.b).cmp(&(y.a, y.b))));
    ls.dedup_by(|x, y| x.a == y.a && x.b == y.b);
    let mut used = Used::default();
    let mut out: Vec<(SentenceLink, bool)> = Vec::new();
    let mut rest = Vec::new();
    for l in ls {
        if uses(&used.a, l.a) == 0 && uses(&used.b, l.b) == 0 {
            used.take(&l);
            out.push((l, false));
        } else if l.score >= cfg.second_min_score {
            rest.push(l);
        }
    }
    // The first links' sentences, to tell a second link inside a passage.
    let firsts: Vec<SentenceLink> = out.iter().map(|x| x.0).collect();
    for l in rest {
        let single = |r: SentenceRange| r.end - r.start == 1;
        // Sentences on a used side must be single and linked once only.
        let (ua, ub) = (uses(&used.a, l.a), uses(&used.b, l.b));
        if ua > 1 || ub > 1 || (ua == 1 && !single(l.a)) || (ub == 1 && !single(l.b)) {
            continue;
        }
        // Not within one first link on both sides.
        if firsts.iter().any(|f| f.a.overlaps(l.a) && f.b.overlaps(l.b)) {
            continue;
        }
        used.take(&l);
        out.push((l, true));
    }
    out
}

/// Context scores by distinct sentence text (copies score alike).
pub(super) struct ContextMemo<'a> {
    canon: &'a [u32],
    /// The bar of a context link.
    bar: LinkBar<'a>,
    /// (A's sentence, B's sentence) -> score if it passes the context bar.
    scores: FxHashMap<(u32, u32), Option<f32>>,
    /// (fixed sentence, first and second of the pair, fixed is on side A)
    /// -> score of the fixed sentence against the pair.
    unions: FxHashMap<(u32, u32, u32, bool), f32>,
    /// (first, second sentence) -> the features of the two together.
    union_feats: FxHashMap<(u32, u32), Feat>,
}

impl ContextMemo<'_> {
    /// An empty memo over sentences numbered by `canon` (see
    /// [`canonical`](super::candidates::canonical)), scoring against `bar`.
    pub(super) fn new<'a>(canon: &'a [u32], bar: LinkBar<'a>) -> ContextMemo<'a> {
        let (scores, unions, union_feats) = Default::default();
        ContextMemo { canon, bar, scores, unions, union_feats }
    }

    /// The score of global sentences `gx` (of A) and `gy` (of B) if it
    /// passes the context bar.
    fn score(&mut self, m: &Matcher, gx: usize, gy: usize) -> Option<f32> {
        let c = self.canon;
        *self.scores.entry((c[gx], c[gy])).or_insert_with(|| {
            let s = score_pair(&m.feats[gx], &m.feats[gy], &m.cmap, &self.bar);
            passes(s, &self.bar).then_some(s.score)
        })
    }

    /// The score of global sentence `fixed` against `lo` and `lo + 1`
    /// together, `fixed` on side A when `on_a`.
    fn union_score(&mut self, m: &Matcher, fixed: usize, lo: usize, on_a: bool) -> f32 {
        let c = self.canon;
        let key = (c[fixed], c[lo], c[lo + 1], on_a);
        if let Some(&su) = self.unions.get(&key) {
            return su;
        }
        let u = self.union_feats.entry((c[lo], c[lo + 1])).or_insert_with(|| m.union(lo));
        let su = if on_a {
            score_pair(&m.feats[fixed], u, &m.cmap, &self.bar).score
        } else {
            score_pair(u, &m.feats[fixed], &m.cmap, &self.bar).score
        };
        self.unions.insert(key, su);
        su
    }
}

/// Context: grows the selected links of a pair of articles with weaker
/// links next to them. A sentence after (before) a linked one in A matched
/// with one after (before) its partner in B, at most `context_gap`
/// sentences away on each side, is accepted on the lower context bar
/// because its position corroborates it (as alignments are extended
/// between anchors). Both sentences must be free; the best candidate is
/// taken first and the new link is itself an anchor, so passages grow
/// sentence by sentence.
pub(super) fn grow_context(
    m: &Matcher,
    memo: &mut ContextMemo,
    a_art: u32,
    b_art: u32,
    sel: Vec<(SentenceLink, bool)>,
) -> Vec<(SentenceLink, bool)> {
    if m.cfg.context_gap == 0 || m.cfg.context_min_score <= 0.0 || sel.is_empty() {
        return sel;
    }
    let (na, nb) = (
        m.corpus.articles[a_art as usize].sentences.len() as i64,
        m.corpus.articles[b_art as usize].sentences.len() as i64,
    );
    let mut used = Used::default();
    for (l, _) in &sel {
        used.take(l);
    }
    let mut g = Growth { m, a_art, b_art, na, nb, sel, used };
    while let Some((score, x, y, ext)) = g.best(memo) {
        let link = SentenceLink {
            a: SentenceRange::new(x as usize, x as usize + 1),
            b: SentenceRange::new(y as usize, y as usize + 1),
            score,
        };
        g.used.take(&link);
        g.sel.push((link, ext));
    }
    g.sel
}

/// The links of one pair of articles as [`grow_context`] grows them.
struct Growth<'m, 'c> {
    m: &'m Matcher<'c>,
    a_art: u32,
    b_art: u32,
    /// The number of sentences of A and of B.
    na: i64,
    nb: i64,
    /// (link, is a second or joined link), as selected so far.
    sel: Vec<(SentenceLink, bool)>,
    used: Used,
}

impl Growth<'_, '_> {
    /// The best context link next to a selected one, as (score, A's
    /// sentence, B's sentence, extends a linked sentence); ties go to the
    /// first position.
    fn best(&self, memo: &mut ContextMemo) -> Option<(f32, u32, u32, bool)> {
        let mut best: Option<(f32, u32, u32, bool)> = None;
        for (l, second) in &self.sel {
            for (x, y, ext) in self.candidates(l, *second) {
                let Some((x, y)) = self.placeable(l, x, y, ext) else { continue };
                if let Some(sc) = self.score(memo, l, x, y, ext) {
                    if best.is_none_or(|b| sc > b.0 || (sc == b.0 && (x, y) < (b.1, b.2))) {
                        best = Some((sc, x, y, ext));
                    }
                }
            }
        }
        best
    }

    /// The positions `(A's sentence, B's sentence, extends a linked
    /// sentence)` a context link next to `l` may take, in the order they
    /// are tried.
    fn candidates(&self, l: &SentenceLink, second: bool) -> Vec<(i64, i64, bool)> {
        let cfg = &self.m.cfg;
        let (a0, a1, b0, b1) = (l.a.start as i64, l.a.end as i64, l.b.start as i64, l.b.end as i64);
        let gap = cfg.context_gap as i64;
        let mut cands: Vec<(i64, i64, bool)> = Vec::new();
        let next = |p: &SentenceLink, q: &SentenceLink| p.a.end == q.a.start && p.b.end == q.b.start;
        let strong = l.score >= cfg.context_anchor_score || self.sel.iter().any(|(o, _)| next(o, l) || next(l, o));
        for da in (1..=gap).filter(|_| strong) {
            for db in 1..=gap {
                cands.push((a1 - 1 + da, b1 - 1 + db, false));
                cands.push((a0 - da, b0 - db, false));
            }
        }
        // Order swapped next to the anchor (a headline and a lede).
        if strong {
            cands.push((a1, b0 - 1, false));
            cands.push((a0 - 1, b1, false));
        }
        // One side continues a single linked sentence in the next (or
        // previous) sentence of the other (a sentence split in two):
        // only next to a first link, not to a second or joined one.
        let once = |u: &BTreeMap<u32, u32>, r: SentenceRange| r.end - r.start == 1 && u.get(&r.start) == Some(&1);
        if !second && once(&self.used.a, l.a) {
            cands.extend([(a0, b1, true), (a0, b0 - 1, true)]);
        }
        if !second && once(&self.used.b, l.b) {
            cands.extend([(a1, b0, true), (a0 - 1, b0, true)]);
        }
        cands
    }

    /// Candidate `(x, y)` next to `l` as sentence numbers when it may
    /// link: inside both articles, both sentences free (for an extension,
    /// one of them, the other in `l`), and the sentences it skips over
    /// free too.
    fn placeable(&self, l: &SentenceLink, x: i64, y: i64, ext: bool) -> Option<(u32, u32)> {
        if x < 0 || y < 0 || x >= self.na || y >= self.nb {
            return None;
        }
        let (x, y) = (x as u32, y as u32);
        let x_free = !self.used.a.contains_key(&x);
        let y_free = !self.used.b.contains_key(&y);
        if !(x_free && y_free) && !(ext && (x_free || y_free)) {
            return None;
        }
        if ext && (l.a.contains(x as usize) == l.b.contains(y as usize)) {
            return None;
        }
        // Sentences skipped over must be free too.
        let (sa0, sa1) = if x >= l.a.end { (l.a.end, x) } else { ((x + 1).min(l.a.start), l.a.start) };
        let (sb0, sb1) = if y >= l.b.end { (l.b.end, y) } else { ((y + 1).min(l.b.start), l.b.start) };
        if !free(&self.used.a, sa0, sa1) || !free(&self.used.b, sb0, sb1) {
            return None;
        }
        Some((x, y))
    }

    /// The score of context link `(x, y)` next to `l`, if it passes the
    /// context bar (and, for an extension of `l`, the two sentences on one
    /// side match the other better together than alone).
    fn score(&self, memo: &mut ContextMemo, l: &SentenceLink, x: u32, y: u32, ext: bool) -> Option<f32> {
        let m = self.m;
        let gx = m.global(self.a_art as usize, x as usize)?;
        let gy = m.global(self.b_art as usize, y as usize)?;
        let sc = memo.score(m, gx, gy)?;
        if ext {
            // The linked sentence's partner and its neighbour together
            // must match it better than alone.
            let (ga, gb) = (
                m.global(self.a_art as usize, l.a.start as usize)?,
                m.global(self.b_art as usize, l.b.start as usize)?,
            );
            let (fixed, lo, on_a) = if ga == gx { (gx, gy.min(gb), true) } else { (gy, gx.min(ga), false) };
            if memo.union_score(m, fixed, lo, on_a) < l.score + m.cfg.context_split_gain {
                return None;
            }
        }
        Some(sc)
    }
}

/// Merges the selected links of one pair into passages: links that follow
/// each other on both sides join; a second link joins a passage it shares
/// a side with when it follows it on the other side (a 2-to-1 match), and
/// otherwise stays a passage of its own (unless it is a weak context link).
pub(super) fn passages_of_pair(
    corpus: &Corpus,
    a_art: u32,
    b_art: u32,
    sel: Vec<(SentenceLink, bool)>,
    min_alone: f32,
) -> Vec<SharedPassage> {
    let mut firsts: Vec<SentenceLink> = sel.iter().filter(|x| !x.1).map(|x| x.0).collect();
    crate::sort::by_key(&mut firsts, |x| (x.a, x.b));
    let mut groups: Vec<Vec<SentenceLink>> = Vec::new();
    for l in firsts {
        match groups.last_mut() {
            Some(g) if g.last().is_some_and(|p| p.a.end == l.a.start && p.b.end == l.b.start) => g.push(l),
            _ => groups.push(vec![l]),
        }
    }
    let range = |g: &[SentenceLink], f: fn(&SentenceLink) -> SentenceRange| SentenceRange {
        start: g.iter().map(|x| f(x).start).min().unwrap_or(0),
        end: g.iter().map(|x| f(x).end).max().unwrap_or(0),
    };
    let side_a = |x: &SentenceLink| x.a;
    let side_b = |x: &SentenceLink| x.b;
    for (l, _) in sel.iter().filter(|x| x.1) {
        // Inside a passage already (on both sides): nothing to add.
        if groups.iter().any(|g| range(g, side_a).overlaps(l.a) && range(g, side_b).overlaps(l.b)) {
            continue;
        }
        let within = |r: SentenceRange, x: SentenceRange| r.start <= x.start && x.end <= r.end;
        let next_to = |r: SentenceRange, x: SentenceRange| x.end == r.start || r.end == x.start;
        let host = groups.iter_mut().find(|g| {
            let (ra, rb) = (range(g, side_a), range(g, side_b));
            (within(ra, l.a) && next_to(rb, l.b)) || (within(rb, l.b) && next_to(ra, l.a))
        });
        match host {
            Some(g) => g.push(*l),
            // A weak (context) second link only extends a passage.
            None if l.score >= min_alone => groups.push(vec![*l]),
            None => {}
        }
    }
    // A second link may have landed in a passage that grew afterwards:
    // keep groups in order (first links' passages first) and drop any that
    // overlaps a kept one on both sides.
    let mut kept: Vec<Vec<SentenceLink>> = Vec::with_capacity(groups.len());
    for g in groups {
        let (ra, rb) = (range(&g, side_a), range(&g, side_b));
        if !kept.iter().any(|k| range(k, side_a).overlaps(ra) && range(k, side_b).overlaps(rb)) {
            kept.push(g);
        }
    }
    let groups = kept;
    let (art_a, art_b) = (&corpus.articles[a_art as usize], &corpus.articles[b_art as usize]);
    let span = |art: &Article, r: SentenceRange| {
        let s = &art.sentences;
        Span { start: s[r.start as usize].span.start, end: s[r.end as usize - 1].span.end }
    };
    groups
        .into_iter()
        .map(|mut g| {
            crate::sort::by_key(&mut g, |x| (x.a, x.b));
            let (ra, rb) = (range(&g, side_a), range(&g, side_b));
            let score = g.iter().map(|x| x.score).sum::<f32>() / g.len() as f32;
            SharedPassage {
                a: PassageSide { article: a_art, span: span(art_a, ra), sentences: ra },
                b: PassageSide { article: b_art, span: span(art_b, rb), sentences: rb },
                score,
                links: g,
            }
        })
        .collect()
}
