//! A sentence (or two adjacent ones) as matching sees it, and the pair
//! score: the best mutual containment over clause windows.

use super::concepts::ConceptMap;
use super::config::LinkBar;
use super::specifics::{contradicts, name_heads};

/// A run of clauses: indices into `Feat::concepts` as a bit mask.
#[derive(Clone, Debug)]
pub(crate) struct Win {
    pub mask: Vec<u64>,
    pub total: f32,
    /// Its numbers, and the people it names.
    pub numbers: u16,
    pub persons: u16,
}

impl Win {
    fn has(&self, j: u16) -> bool {
        self.mask.get(j as usize / 64).is_some_and(|m| m >> (j % 64) & 1 == 1)
    }
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Feat {
    /// (concept, weight), sorted by concept, distinct.
    pub concepts: Vec<(u32, f32)>,
    /// Union of the concepts' synonym classes, sorted, distinct.
    pub classes: Vec<u32>,
    /// (class, concept index) for every class of every concept, sorted.
    pub class_index: Vec<(u32, u16)>,
    pub total: f32,
    /// The whole sentence first, then runs of one to three clauses.
    pub windows: Vec<Win>,
    /// Concepts that start a name (a run of names in text order, see
    /// `specifics.rs`), as bits over `concepts`.
    pub heads: Vec<u64>,
}

impl Feat {
    /// Whether concept `i` starts a name.
    fn head(&self, i: usize) -> bool {
        self.heads.get(i / 64).is_some_and(|m| m >> (i % 64) & 1 == 1)
    }
}

/// Builds the features of a concept sequence (`(concept, quoted)` in text
/// order with clause numbers); `weight` gives a concept's evidence.
pub(crate) fn build(
    occ: &[(u32, bool)],
    clause: &[u32],
    weight: &dyn Fn(u32, bool) -> f32,
    cmap: &ConceptMap,
    min_concepts: usize,
) -> Feat {
    let mut v: Vec<(u32, f32)> = occ.iter().map(|&(c, q)| (c, weight(c, q))).collect();
    crate::sort::by(&mut v, |a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    v.dedup_by_key(|p| p.0);
    let concepts = v;
    // (class, concept index) as one sortable number: sorted, they give
    // both the index and the distinct classes.
    let mut keys: Vec<u64> = concepts
        .iter()
        .enumerate()
        .flat_map(|(i, &(c, _))| cmap.classes[c as usize].iter().map(move |&k| (k as u64) << 16 | i as u64))
        .collect();
    crate::sort::numbers(&mut keys);
    let class_index: Vec<(u32, u16)> = keys.iter().map(|&k| ((k >> 16) as u32, k as u16)).collect();
    let mut classes: Vec<u32> = class_index.iter().map(|p| p.0).collect();
    classes.dedup();
    let total = concepts.iter().map(|c| c.1).sum();
    // Each occurrence's concept index.
    let pos: Vec<u16> =
        occ.iter().map(|&(c, _)| concepts.binary_search_by_key(&c, |p| p.0).unwrap_or(0) as u16).collect();
    let words = concepts.len().div_ceil(64).max(1);
    let heads = name_heads(occ, &pos, cmap, words);
    // A window from its mask: its concepts in index order.
    let win = |mask: Vec<u64>| {
        let (mut total, mut numbers, mut persons) = (0.0, 0u16, 0u16);
        for (k, &m) in mask.iter().enumerate() {
            let mut bits = m;
            while bits != 0 {
                let (c, w) = concepts[k * 64 + bits.trailing_zeros() as usize];
                bits &= bits - 1;
                total += w;
                numbers += cmap.is_numeric(c) as u16;
                persons += cmap.is_person(c) as u16;
            }
        }
        Win { mask, total, numbers, persons }
    };
    let mut all = vec![0u64; words];
    for j in 0..concepts.len() {
        all[j / 64] |= 1 << (j % 64);
    }
    let mut windows = vec![win(all)];
    // Clause boundaries as index ranges into occ.
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    for (i, &c) in clause.iter().enumerate() {
        match bounds.last_mut() {
            Some(b) if clause[b.0] == c => b.1 = i + 1,
            _ => bounds.push((i, i + 1)),
        }
    }
    for i in 0..bounds.len() {
        for j in i..bounds.len().min(i + 3) {
            if i == 0 && j + 1 == bounds.len() {
                continue; // the whole sentence
            }
            let mut mask = vec![0u64; words];
            for &p in &pos[bounds[i].0..bounds[j].1] {
                mask[p as usize / 64] |= 1 << (p % 64);
            }
            if mask.iter().map(|m| m.count_ones() as usize).sum::<usize>() >= min_concepts {
                windows.push(win(mask));
            }
        }
    }
    Feat { concepts, classes, class_index, total, windows, heads }
}

/// Result of scoring two sentences.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Score {
    pub score: f32,
    pub weight: f32,
    pub shared: usize,
    /// Matched concepts that are neither names of actors nor generic news
    /// words, and their evidence: what the two sentences say, not who.
    pub distinct: usize,
    pub distinct_weight: f32,
    /// Matched specific figures (see [`ConceptMap::is_specific_figure`]).
    pub figures: usize,
    /// How the two sides contradict each other, as a number of halvings
    /// of the score: different figures (twice when none is shared),
    /// different people (see `Matched::score`).
    pub contradicts: u8,
    /// Matched distinctive concepts that are neither names nor figures:
    /// what is said, not of whom (see `specifics.rs`).
    pub content: usize,
    /// Matched names (a run of names counts once) and actors.
    pub entities: usize,
}

/// Whether a pair's score clears `bar`: the score (or, with much
/// distinctive evidence, the lower `strong_min_score`), the evidence, and
/// enough of it distinctive.
pub(crate) fn passes(s: Score, bar: &LinkBar) -> bool {
    let strong = s.distinct >= bar.cfg.strong_min_distinct
        && s.distinct_weight >= bar.cfg.strong_min_weight
        && s.score >= bar.cfg.strong_min_score;
    let ordinary = (s.score >= bar.min_score || strong)
        && ordinary_evidence(s, bar)
        && s.distinct_weight >= bar.cfg.min_distinct_share * s.weight
        && (s.distinct > bar.min_distinct || s.score >= bar.few_distinct_min_score);
    ordinary || (anchored_evidence(s, bar) && s.score >= bar.cfg.anchored_min_score)
}

/// The thresholds that only grow with more text: a window's figures are
/// bounded by its sentence's.
pub(crate) fn passes_evidence(s: Score, bar: &LinkBar) -> bool {
    ordinary_evidence(s, bar) || anchored_evidence(s, bar)
}

/// The evidence of an ordinary link.
fn ordinary_evidence(s: Score, bar: &LinkBar) -> bool {
    s.weight >= bar.min_weight
        && s.shared >= bar.min_shared
        && s.distinct >= bar.min_distinct
        && (s.content >= bar.min_content || s.entities >= bar.cfg.min_entities)
}

/// The evidence of a link anchored on a shared specific figure: the figure
/// and one more concept.
fn anchored_evidence(s: Score, bar: &LinkBar) -> bool {
    bar.cfg.anchored_min_score > 0.0 && s.figures >= 1 && s.shared >= 2 && s.weight >= bar.cfg.anchored_min_weight
}

/// For each concept of `x`, what of `y` it matches: the same concept (a
/// match worth 1), or else its synonyms among `y`'s concepts (worth
/// `synonym_weight`), as bits over `y`'s concept indices like a window's
/// mask. Buffers reused from pair to pair (see [`score_pair`]).
#[derive(Default)]
pub(crate) struct Partners {
    /// Per concept of x: the index of the same concept in y, or `NONE`.
    exact: Vec<u16>,
    /// Per concept of x without the same concept in y: `words` words of
    /// bits, its synonyms in y.
    syn: Vec<u64>,
    words: usize,
    /// Concepts of x with any partner, as bits.
    any: Vec<u64>,
    /// A synonym's worth (as the best of the synonyms' worths, from 0).
    syn_best: f32,
}

const NONE: u16 = u16::MAX;

impl Partners {
    /// Empty partners of `n` concepts in a sentence of `m`.
    fn reset(&mut self, n: usize, m: usize, bar: &LinkBar) {
        let words = m.div_ceil(64).max(1);
        self.words = words;
        self.syn_best = 0.0f32.max(bar.cfg.synonym_weight);
        self.exact.clear();
        self.exact.resize(n, NONE);
        self.syn.clear();
        self.syn.resize(n * words, 0);
        self.any.clear();
        self.any.resize(n.div_ceil(64).max(1), 0);
    }

    /// Concept `a` has the synonyms `bs` (unless it has the same concept).
    fn synonyms(&mut self, a: u16, bs: &[(u32, u16)]) {
        let a = a as usize;
        if self.exact[a] == NONE {
            let row = &mut self.syn[a * self.words..(a + 1) * self.words];
            for &(_, b) in bs {
                row[b as usize / 64] |= 1 << (b % 64);
            }
            self.any[a / 64] |= 1 << (a % 64);
        }
    }

    /// The partners of `x` in `y` and of `y` in `x`, from two merges of
    /// sorted lists: the concepts (identical matches), then the (class,
    /// concept) indexes (synonyms, for concepts without an identical
    /// match).
    fn fill(pxy: &mut Partners, pyx: &mut Partners, x: &Feat, y: &Feat, bar: &LinkBar) {
        let (n, m) = (x.concepts.len(), y.concepts.len());
        pxy.reset(n, m, bar);
        pyx.reset(m, n, bar);
        let (mut i, mut j) = (0, 0);
        while i < n && j < m {
            match x.concepts[i].0.cmp(&y.concepts[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    pxy.exact[i] = j as u16;
                    pxy.any[i / 64] |= 1 << (i % 64);
                    pyx.exact[j] = i as u16;
                    pyx.any[j / 64] |= 1 << (j % 64);
                    i += 1;
                    j += 1;
                }
            }
        }
        let (xc, yc) = (&x.class_index, &y.class_index);
        let (mut i, mut j) = (0, 0);
        while i < xc.len() && j < yc.len() {
            match xc[i].0.cmp(&yc[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let k = xc[i].0;
                    let ie = i + xc[i..].iter().take_while(|p| p.0 == k).count();
                    let je = j + yc[j..].iter().take_while(|p| p.0 == k).count();
                    for &(_, a) in &xc[i..ie] {
                        pxy.synonyms(a, &yc[j..je]);
                    }
                    for &(_, b) in &yc[j..je] {
                        pyx.synonyms(b, &xc[i..ie]);
                    }
                    i = ie;
                    j = je;
                }
            }
        }
    }

    /// The best worth of concept `i`'s partners inside window `v` of y (0:
    /// none).
    fn best(&self, i: usize, v: &Win) -> f32 {
        match self.exact[i] {
            NONE => {
                let row = &self.syn[i * self.words..(i + 1) * self.words];
                if row.iter().zip(&v.mask).any(|(a, b)| a & b != 0) {
                    self.syn_best
                } else {
                    0.0
                }
            }
            j => {
                if v.has(j) {
                    1.0
                } else {
                    0.0
                }
            }
        }
    }
}

/// Containment of window `w` of x in window `v` of y: the concepts of `w`
/// with a partner, in index order.
fn contain(x: &Feat, w: &Win, v: &Win, part: &Partners, cmap: &ConceptMap) -> Score {
    if w.total <= 0.0 {
        return Score::default();
    }
    let mut acc = Matched::default();
    for (k, (&m, &a)) in w.mask.iter().zip(&part.any).enumerate() {
        let mut bits = m & a;
        while bits != 0 {
            let i = k * 64 + bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let (c, wt) = x.concepts[i];
            acc.add(c, wt, part.best(i, v), cmap, x.head(i));
        }
    }
    acc.score(w, v)
}

/// The sums [`contain`] and [`contain_whole`] make over x's concepts.
#[derive(Default)]
struct Matched {
    matched: f32,
    shared: usize,
    numbers_shared: u16,
    persons_shared: u16,
    figures: usize,
    distinct: usize,
    distinct_weight: f32,
    content: usize,
    entities: usize,
}

impl Matched {
    /// Concept `c` of weight `wt`, matched in y at `best` (0: not at all).
    fn add(&mut self, c: u32, wt: f32, best: f32, cmap: &ConceptMap, head: bool) {
        if best > 0.0 {
            self.entities += (head || cmap.is_actor(c)) as usize;
            self.matched += wt * best;
            self.shared += 1;
            if !cmap.is_generic(c) {
                self.distinct += 1;
                self.distinct_weight += wt * best;
                self.content += !(cmap.is_name(c) || cmap.is_numeric(c)) as usize;
            }
            if best >= 1.0 && cmap.is_person(c) {
                self.persons_shared += 1;
            }
            if best >= 1.0 && cmap.is_numeric(c) {
                self.numbers_shared += 1;
                self.figures += cmap.is_specific_figure(c) as usize;
            }
        }
    }
    fn score(self, w: &Win, v: &Win) -> Score {
        let score = self.matched / w.total;
        // Different figures, or different people in the same frame ("X
        // stopped Y in the sixth round" against "X stopped Z in the seventh
        // round"): a different fact, however similar the words. Figures
        // contradict when each side has more of its own than shared ones.
        let (s, p) = (self.numbers_shared, self.persons_shared);
        let figures = w.numbers.saturating_sub(s) > s && v.numbers.saturating_sub(s) > s;
        let people = w.persons > p && v.persons > p;
        Score {
            score: score.min(1.0),
            weight: self.matched,
            shared: self.shared,
            distinct: self.distinct,
            distinct_weight: self.distinct_weight,
            figures: self.figures,
            // No figure in common at all counts twice.
            contradicts: figures as u8 * (1 + (s == 0) as u8) + people as u8,
            content: self.content,
            entities: self.entities,
        }
    }
}

/// [`contain`] of `x`'s whole sentence `w` in `y`'s whole sentence `v`,
/// without building [`Partners`]: most candidate pairs stop at this test,
/// so it allocates nothing. Every partner is inside the whole sentence, so
/// a concept's best match is 1 when `y` has it, else `synonym_weight`
/// when `y` has one of its classes (the same sums, in the same order).
fn contain_whole(x: &Feat, w: &Win, y: &Feat, v: &Win, cmap: &ConceptMap, bar: &LinkBar) -> Score {
    if w.total <= 0.0 {
        return Score::default();
    }
    let mut acc = Matched::default();
    // Concepts of x with a class of y, as bits (on the stack for all but
    // the longest sentences): one merge of the sorted class lists.
    let words = x.concepts.len().div_ceil(64);
    let (mut stack, mut heap) = ([0u64; 8], Vec::new());
    let syn: &mut [u64] = if words <= stack.len() {
        &mut stack[..words]
    } else {
        heap.resize(words, 0);
        &mut heap
    };
    let mut k = 0;
    for &(class, i) in &x.class_index {
        while k < y.classes.len() && y.classes[k] < class {
            k += 1;
        }
        if k == y.classes.len() {
            break;
        }
        if y.classes[k] == class {
            if let Some(b) = syn.get_mut(i as usize / 64) {
                *b |= 1 << (i % 64);
            }
        }
    }
    let mut j = 0;
    for (i, &(c, wt)) in x.concepts.iter().enumerate() {
        while j < y.concepts.len() && y.concepts[j].0 < c {
            j += 1;
        }
        let best = if j < y.concepts.len() && y.concepts[j].0 == c {
            1.0
        } else if syn[i / 64] >> (i % 64) & 1 == 1 {
            0.0f32.max(bar.cfg.synonym_weight)
        } else {
            0.0
        };
        acc.add(c, wt, best, cmap, x.head(i));
    }
    acc.score(w, v)
}

/// The smaller of two directions' figures, each on its own.
fn min_score(p: Score, q: Score) -> Score {
    Score {
        score: p.score.min(q.score),
        weight: p.weight.min(q.weight),
        shared: p.shared.min(q.shared),
        distinct: p.distinct.min(q.distinct),
        distinct_weight: p.distinct_weight.min(q.distinct_weight),
        figures: p.figures.min(q.figures),
        contradicts: p.contradicts.max(q.contradicts),
        content: p.content.min(q.content),
        entities: p.entities.min(q.entities),
    }
}

/// The best mutual containment (the smaller of the two directions) over
/// the two sentences and their clause windows: the same clause in two
/// translations matches even when the rest of the sentences differ. Window
/// pairs are tried only when the whole sentences share enough evidence.
pub(crate) fn score_pair(x: &Feat, y: &Feat, cmap: &ConceptMap, bar: &LinkBar) -> Score {
    let (Some(wx), Some(wy)) = (x.windows.first(), y.windows.first()) else { return Score::default() };
    // Cheap test first: the lighter sentence's evidence in the other.
    let (light, heavy, wl, wh) = if x.total <= y.total { (x, y, wx, wy) } else { (y, x, wy, wx) };
    let whole = contain_whole(light, wl, heavy, wh, cmap, bar);
    // Whole sentences that contradict each other halve the score of every
    // window pair, for figures (twice when they share none) and for
    // people: a clause cannot escape them, and a copy with one figure
    // edited still links.
    let halve = |s: Score| Score {
        score: s.score * 0.5f32.powi(whole.contradicts as i32),
        contradicts: whole.contradicts,
        ..s
    };
    if !passes_evidence(whole, bar) {
        return halve(Score { score: whole.score.min(bar.min_score * 0.99), ..whole });
    }
    // Different figures and no name or figure in common: the same frame
    // about something else.
    if contradicts(x, y, cmap) {
        return Score::default();
    }
    // The whole sentences are the first window pair tried below; when they
    // pass at the top score (the same concepts: copies, a sentence against
    // itself), no other pair can replace them.
    if whole.score >= 1.0 && whole.contradicts == 0 {
        let back = contain_whole(heavy, wh, light, wl, cmap, bar);
        let c = min_score(whole, back);
        if c.score >= 1.0 && passes(c, bar) {
            return c;
        }
    }
    halve(SCRATCH.with_borrow_mut(|s| windows(x, y, cmap, bar, s)))
}

/// Buffers of [`windows`], one set per thread.
#[derive(Default)]
struct Scratch {
    pxy: Partners,
    pyx: Partners,
    /// The windows of x (y) worth trying, with a bound of their
    /// containment in any window of y (x).
    xs: Vec<(usize, f32)>,
    ys: Vec<(usize, f32)>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = Default::default();
}

/// The window pairs of [`score_pair`].
fn windows(x: &Feat, y: &Feat, cmap: &ConceptMap, bar: &LinkBar, s: &mut Scratch) -> Score {
    let Scratch { pxy, pyx, xs, ys } = s;
    let (wx, wy) = (&x.windows[0], &y.windows[0]);
    Partners::fill(pxy, pyx, x, y, bar);
    // A window's containment in the whole other sentence bounds its
    // containment in any window of it: skip windows that cannot pass.
    // Kept with that bound before halving for different figures (matched
    // evidence only shrinks in a smaller window).
    let bound = |s: Score, w: &Win| if w.total > 0.0 { (s.weight / w.total).min(1.0) } else { 0.0 };
    xs.clear();
    for (k, w) in x.windows.iter().enumerate() {
        let s = contain(x, w, wy, pxy, cmap);
        if s.score >= bar.split_min_score {
            xs.push((k, bound(s, w)));
        }
    }
    ys.clear();
    for (k, v) in y.windows.iter().enumerate() {
        let s = contain(y, v, wx, pyx, cmap);
        if s.score >= bar.split_min_score {
            ys.push((k, bound(s, v)));
        }
    }
    let mut best = Score::default();
    let mut best_pass = false;
    for &(w, bw) in xs.iter() {
        // Once a pair passes, only a higher score replaces it: pairs whose
        // bounds cannot beat it are skipped.
        if best_pass && bw <= best.score {
            continue;
        }
        let w = &x.windows[w];
        for &(v, bv) in ys.iter() {
            if best_pass && bv <= best.score {
                continue;
            }
            let v = &y.windows[v];
            let p = contain(x, w, v, pxy, cmap);
            if p.score <= best.score && best_pass {
                continue;
            }
            let q = contain(y, v, w, pyx, cmap);
            let c = min_score(p, q);
            let ok = passes(c, bar);
            if (ok && !best_pass) || (ok == best_pass && c.score > best.score) {
                best = c;
                best_pass = ok;
            }
        }
    }
    best
}
