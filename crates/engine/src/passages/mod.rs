//! Shared passages: the same content in two or more articles, whether
//! copied verbatim, lightly edited or translated independently.
//!
//! The method, at sentence level:
//!
//! 1. Every sentence becomes a set of *concepts*: stems without
//!    stopwords, with actor aliases folded (Moscow ~ Russia, Alliance ~
//!    NATO) and each stem's synonym classes alongside (WordNet, and
//!    curated paraphrase groups of news reporting: `concepts.rs`). A
//!    concept weighs its IDF over the corpus' sentences, more inside
//!    quotation marks.
//! 2. Candidates come from an inverted index of rare keys (concepts and
//!    synonym classes found in at most `max_df_share` of the sentences):
//!    a pair is scored only if it shares enough rare evidence. No
//!    all-pairs scan.
//! 3. A pair's score is the best *mutual* IDF-weighted containment (the
//!    smaller of the two directions) over the two sentences and their
//!    clause windows (runs of one to three clauses, split at , ; : dashes,
//!    quotes and conjunctions), so that the same clause matches even when
//!    the rest of the two sentences differs. A synonym counts
//!    `synonym_weight` of an identical concept; a window pair whose figures
//!    all differ is halved. Pairs need `min_score`, `min_weight` of matched
//!    evidence and `min_shared` matched concepts; much distinctive evidence
//!    (`strong_*`) lowers the score bar for long sentences. A sentence
//!    split in two by one translation is matched against the union of two
//!    adjacent sentences (1-to-2).
//!    A link also needs `min_distinct` matched concepts that are neither
//!    actors' names, generic news words ("said", "statement") nor topic
//!    words found in (nearly) every article: what the sentences say, not
//!    who says it.
//!    Corroboration: a pair below the score bar (from
//!    `corroborated_min_score`, with the evidence of any link) links when
//!    a third article's sentence links to both, matching distinctive
//!    concepts they share, and the two articles share
//!    `corroborated_pair_links` other links (the same clause in three
//!    articles that report the same event).
//! 4. Per pair of articles, links are selected greedily by score: first
//!    one-to-one, then one second link per sentence from
//!    `second_min_score` (one-to-many is real: a lede and a later quote may
//!    carry the same clause). Links that follow each other on both sides
//!    merge into passages; passages of a pair never overlap on both sides
//!    and a sentence is in at most two.
//! 5. Context: position corroborates weaker links next to selected ones
//!    (thresholds `context_*`, down to 0.25 with one distinctive concept).
//!    Next to a link that looks copied (score `context_anchor_score` or
//!    part of a run), free sentences following (preceding) it on both
//!    sides within `context_gap` link, as alignments grow between anchors.
//!    Next to any single link, the sentence after (before) one side's
//!    sentence joins as a 1-to-2 link when the two together match the other
//!    side better than the one alone (a sentence split in two, or a clause
//!    carried on in the next sentence). Sentences joined by mutual-best
//!    links form clusters when they reach three or more articles.

mod align;
mod concepts;
mod dedup;
mod feat;

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use crate::par::chunked;

use serde::{Deserialize, Serialize};

pub use align::{word_alignment, AlignKind, AlignOp};
use concepts::ConceptMap;
use feat::{build, passes, passes_evidence, score_pair, Feat, Score};

use crate::model::{Corpus, Span};

/// Tuning of [`find_passages`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PassageConfig {
    /// Minimum score: mutual IDF-weighted containment of the best pair of
    /// clause windows (0..1).
    pub min_score: f32,
    /// Minimum number of concepts in a clause window.
    pub window_min_concepts: usize,
    /// Minimum matched evidence (sum of IDF of matched concepts).
    pub min_weight: f32,
    /// Minimum number of matched concepts.
    pub min_shared: usize,
    /// Minimum number of matched concepts that are neither actors' names
    /// nor generic news words ("said", "statement", "two countries").
    pub min_distinct: usize,
    /// With only `min_distinct` of them, a link needs this score.
    pub few_distinct_min_score: f32,
    /// ... and their minimum share of the matched evidence.
    pub min_distinct_share: f32,
    /// Much shared evidence makes up for long sentences: with at least
    /// `strong_min_distinct` distinctive matched concepts weighing
    /// `strong_min_weight`, a link needs only `strong_min_score`.
    pub strong_min_distinct: usize,
    pub strong_min_weight: f32,
    pub strong_min_score: f32,
    /// Concepts found in at least this share of the articles (of four or
    /// more) are topic words: like actors' names, not distinctive.
    pub topic_share: f32,
    /// A 1-to-2 match must beat the better of its two halves by this much.
    pub split_gain: f32,
    /// A sentence already linked to one sentence of the other article links
    /// to a second one only from this score up (one-to-many is real: a lede
    /// and a quote later on may both carry the same clause).
    pub second_min_score: f32,
    /// A pair below the score bar links from this score up when a third
    /// article's sentence links to both (the same clause in three
    /// articles), with the evidence a link needs otherwise (0 turns it off).
    pub corroborated_min_score: f32,
    /// ... when the two articles share this many other links (they report
    /// the same event).
    pub corroborated_pair_links: usize,
    /// Weight of a synonym match relative to an identical concept.
    pub synonym_weight: f32,
    /// Weight multiplier of words inside quotation marks.
    pub quote_weight: f32,
    /// Index keys found in more than this share of the sentences are too
    /// common to generate candidates (they still count in the score).
    pub max_df_share: f32,
    /// ... but keys in at most this many sentences are always indexed (so
    /// tiny corpora work).
    pub max_df_floor: u32,
    /// A pair is scored when the rare keys it shares weigh this share of
    /// `min_weight` (and two of them are distinctive, or they weigh it all).
    pub candidate_share: f32,
    /// Try the 1-to-2 sentence match from this single-pair score up.
    pub split_min_score: f32,
    /// Also link sentences of the same article (normally off).
    pub same_article: bool,
    /// Context: once two articles share a passage, the sentences next to
    /// it on both sides (up to `context_gap` sentences away) link from this
    /// score up, their position corroborating them (0 turns it off).
    pub context_min_score: f32,
    /// ... with this much matched evidence,
    pub context_min_weight: f32,
    /// ... this many matched concepts,
    pub context_min_shared: usize,
    /// ... and this many distinctive ones (one only from
    /// `context_few_distinct_min_score`).
    pub context_min_distinct: usize,
    pub context_few_distinct_min_score: f32,
    /// How far from a linked sentence context looks (1: adjacent only).
    pub context_gap: u32,
    /// Neighbours of a link are context only when the link looks copied:
    /// it scores this much, or it is part of a run of links.
    pub context_anchor_score: f32,
    /// The next (or previous) sentence of a linked one joins the link when
    /// the two sentences together match its partner better by this much.
    pub context_split_gain: f32,
}

impl Default for PassageConfig {
    fn default() -> Self {
        PassageConfig {
            min_score: 0.4,
            window_min_concepts: 3,
            min_weight: 7.0,
            min_shared: 3,
            min_distinct: 2,
            few_distinct_min_score: 0.55,
            strong_min_distinct: 5,
            strong_min_weight: 14.0,
            strong_min_score: 0.33,
            min_distinct_share: 0.4,
            second_min_score: 0.36,
            corroborated_min_score: 0.25,
            corroborated_pair_links: 2,
            topic_share: 1.0,
            split_gain: 0.1,
            synonym_weight: 0.8,
            quote_weight: 1.3,
            max_df_share: 0.002,
            max_df_floor: 40,
            split_min_score: 0.25,
            candidate_share: 0.6,
            same_article: false,
            context_min_score: 0.25,
            context_min_weight: 4.0,
            context_min_shared: 2,
            context_min_distinct: 1,
            context_few_distinct_min_score: 0.3,
            context_gap: 2,
            context_anchor_score: 0.7,
            context_split_gain: 0.02,
        }
    }
}

/// Half-open range of sentence indices into `Article::sentences`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SentenceRange {
    pub start: u32,
    pub end: u32,
}

impl SentenceRange {
    pub fn new(start: usize, end: usize) -> SentenceRange {
        SentenceRange { start: start as u32, end: end as u32 }
    }
    pub fn contains(self, i: usize) -> bool {
        (self.start as usize) <= i && i < self.end as usize
    }
    pub fn overlaps(self, o: SentenceRange) -> bool {
        self.start < o.end && o.start < self.end
    }
}

/// One side of a shared passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PassageSide {
    /// Index into `Corpus::articles` (sorted by id).
    pub article: u32,
    /// Byte range in the article's original text.
    pub span: Span,
    pub sentences: SentenceRange,
}

/// A matched pair of sentences (or of a sentence and two adjacent ones).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentenceLink {
    pub a: SentenceRange,
    pub b: SentenceRange,
    pub score: f32,
}

/// A passage found in two articles; `a.article < b.article`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedPassage {
    pub a: PassageSide,
    pub b: PassageSide,
    /// 0..1: evidence-weighted mean of the links' scores.
    pub score: f32,
    /// The sentence links it was built from, in order.
    pub links: Vec<SentenceLink>,
}

/// Where a [`SharedPassage`] is, without its links.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PassageSides {
    pub a: PassageSide,
    pub b: PassageSide,
    pub score: f32,
}

/// A passage carried by three or more articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    /// Position in `Passages::clusters` (sorted by reach, then position).
    pub id: u32,
    /// Each article's variant(s), sorted by article then position.
    pub members: Vec<PassageSide>,
    /// Distinct articles, ascending.
    pub articles: Vec<u32>,
    /// Indices into `Passages::pairs` of the passages it groups.
    pub passages: Vec<u32>,
}

/// Everything [`find_passages`] finds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Passages {
    /// Sorted by (a.article, b.article, a.span, b.span).
    pub pairs: Vec<SharedPassage>,
    pub clusters: Vec<Cluster>,
}

/// The heat map cell of two articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairSummary {
    pub a: u32,
    pub b: u32,
    /// Number of shared passages.
    pub passages: u32,
    /// Words of A (B) inside passages shared with B (A).
    pub a_words: u32,
    pub b_words: u32,
    /// Share (0..1) of the shorter article's words that are shared.
    pub shorter_share: f32,
}

/// Byte spans inside quotation marks, per sentence (as token flags).
fn quoted_flags(text: &str, tokens: &[crate::model::Token], span: Span) -> Vec<bool> {
    let s = text.get(span.range()).unwrap_or("");
    let base = span.start as usize;
    let mut regions: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    for (i, ch) in s.char_indices() {
        match ch {
            '“' | '«' | '„' => open = Some(i),
            '”' | '»' => {
                if let Some(o) = open.take() {
                    regions.push((base + o, base + i));
                }
            }
            '"' => match open.take() {
                Some(o) => regions.push((base + o, base + i)),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    tokens
        .iter()
        .map(|t| regions.iter().any(|&(a, b)| a < t.span.start as usize && (t.span.end as usize) <= b))
        .collect()
}

/// The sentences of a corpus as matching sees them; also answers "how
/// similar are these two sentences?" (for explanations and tests).
pub struct Matcher<'c> {
    corpus: &'c Corpus,
    cfg: PassageConfig,
    cmap: ConceptMap,
    /// Global sentence number -> (article, sentence).
    owner: Vec<(u32, u32)>,
    /// Article -> global number of its first sentence.
    first: Vec<usize>,
    feats: Vec<Feat>,
    /// Per sentence, in text order: (concept, quoted) and clause numbers.
    occurrences: Vec<Vec<(u32, bool)>>,
    clauses: Vec<Vec<u32>>,
    df: Vec<u32>,
    class_df: BTreeMap<u32, u32>,
}

/// A sentence pair's similarity, see [`Matcher::score`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairScore {
    /// IDF-weighted containment of the lighter sentence (0..1).
    pub score: f32,
    /// Matched evidence (sum of IDF).
    pub weight: f32,
    /// Matched concepts.
    pub shared: u32,
    /// Matched concepts other than actors' names and generic words.
    pub distinct: u32,
    /// Whether it passes the thresholds.
    pub linked: bool,
}

impl<'c> Matcher<'c> {
    pub fn new(corpus: &'c Corpus, cfg: &PassageConfig) -> Matcher<'c> {
        let mut cmap = ConceptMap::new(corpus);
        let mut owner: Vec<(u32, u32)> = Vec::new();
        let mut first = Vec::with_capacity(corpus.articles.len());
        let mut raw: Vec<Vec<(u32, bool)>> = Vec::new();
        // Per sentence, in text order: (concept, quoted) and clause numbers.
        let mut occurrences: Vec<Vec<(u32, bool)>> = Vec::new();
        let mut clauses: Vec<Vec<u32>> = Vec::new();
        // Per article (in parallel with the `parallel` feature), per
        // sentence: its concepts in text order with their quotation flags
        // and clause numbers, and the distinct ones.
        type Sentences = Vec<(Vec<(u32, bool)>, Vec<u32>, Vec<(u32, bool)>)>;
        let per_article: Vec<Sentences> = crate::par::map(&corpus.articles, |art| {
            art.sentences
                .iter()
                .map(|sent| {
                    let f = sent.first_token as usize;
                    let count = sent.token_count as usize;
                    let concepts =
                        if f + count <= art.tokens.len() { cmap.concepts(art, f, count) } else { Vec::new() };
                    let toks = art.tokens.get(f..f + count).unwrap_or(&[]);
                    let q = quoted_flags(&art.text, toks, sent.span);
                    let cl = clause_ids(&art.text, toks);
                    let cls: Vec<u32> = concepts.iter().map(|&(ti, _)| cl.get(ti - f).copied().unwrap_or(0)).collect();
                    let occ: Vec<(u32, bool)> =
                        concepts.iter().map(|&(ti, c)| (c, q.get(ti - f).copied().unwrap_or(false))).collect();
                    let mut v = occ.clone();
                    crate::sort::numbers(&mut v);
                    // Keep one entry per concept, quoted if any occurrence is.
                    let mut d: Vec<(u32, bool)> = Vec::with_capacity(v.len());
                    for (c, qq) in v {
                        match d.last_mut() {
                            Some(l) if l.0 == c => l.1 |= qq,
                            _ => d.push((c, qq)),
                        }
                    }
                    (occ, cls, d)
                })
                .collect()
        });
        for (ai, sentences) in per_article.into_iter().enumerate() {
            first.push(owner.len());
            for (si, (occ, cls, d)) in sentences.into_iter().enumerate() {
                occurrences.push(occ);
                clauses.push(cls);
                owner.push((ai as u32, si as u32));
                raw.push(d);
            }
        }
        let n = raw.len();
        // Sentence frequency of concepts and of synonym classes.
        let mut df = vec![0u32; cmap.concept_count as usize];
        let mut class_df: BTreeMap<u32, u32> = BTreeMap::new();
        for s in &raw {
            let mut cls: Vec<u32> = Vec::new();
            for &(c, _) in s {
                df[c as usize] += 1;
                cls.extend_from_slice(&cmap.classes[c as usize]);
            }
            crate::sort::numbers(&mut cls);
            cls.dedup();
            for c in cls {
                *class_df.entry(c).or_insert(0) += 1;
            }
        }
        // Topic words: a concept nearly every article uses names the event,
        // not a passage (with four or more articles).
        let arts = corpus.articles.len();
        if arts >= 4 {
            let mut art_df = vec![0u32; cmap.concept_count as usize];
            let mut seen = vec![u32::MAX; cmap.concept_count as usize];
            for (g, s) in raw.iter().enumerate() {
                let a = owner[g].0;
                for &(c, _) in s {
                    if seen[c as usize] != a {
                        seen[c as usize] = a;
                        art_df[c as usize] += 1;
                    }
                }
            }
            for (c, &d) in art_df.iter().enumerate() {
                if d as f32 >= cfg.topic_share * arts as f32 {
                    cmap.mark_generic(c as u32);
                }
            }
        }
        let idf = |d: u32| idf(n, d);
        let weight = |c: u32, q: bool| idf(df[c as usize]) * if q { cfg.quote_weight } else { 1.0 };
        let global: Vec<usize> = (0..occurrences.len()).collect();
        let feats: Vec<Feat> =
            crate::par::map(&global, |&g| build(&occurrences[g], &clauses[g], &weight, &cmap, cfg.window_min_concepts));
        Matcher { corpus, cfg: cfg.clone(), cmap, owner, first, feats, occurrences, clauses, df, class_df }
    }

    fn global(&self, article: usize, sentence: usize) -> Option<usize> {
        let f = *self.first.get(article)?;
        let len = self.corpus.articles[article].sentences.len();
        (sentence < len).then_some(f + sentence)
    }

    /// Similarity of sentence `sa` of article `a` and `sb` of `b` (indices
    /// into `Corpus::articles` and `Article::sentences`); `None` when out of
    /// range.
    /// The features of global sentences `lo` and `lo + 1` together.
    fn union(&self, lo: usize) -> Feat {
        let n = self.feats.len();
        let df = &self.df;
        let weight = |c: u32, q: bool| idf(n, df[c as usize]) * if q { self.cfg.quote_weight } else { 1.0 };
        let mut occ = self.occurrences[lo].clone();
        occ.extend_from_slice(&self.occurrences[lo + 1]);
        let off = self.clauses[lo].last().map_or(0, |c| c + 1);
        let mut cl = self.clauses[lo].clone();
        cl.extend(self.clauses[lo + 1].iter().map(|c| c + off));
        build(&occ, &cl, &weight, &self.cmap, self.cfg.window_min_concepts)
    }

    /// The concepts of a sentence with their weights, `*` marking the
    /// generic ones (actors' names, news words): for debugging and tests.
    pub fn explain(&self, a: usize, sa: usize) -> Option<String> {
        let x = self.global(a, sa)?;
        let nv = self.corpus.vocab.len();
        let names: Vec<String> = self.feats[x]
            .concepts
            .iter()
            .map(|&(c, w)| {
                let name = if (c as usize) < nv { self.corpus.vocab[c as usize].clone() } else { format!("@{c}") };
                format!("{name}{}:{w:.1}", if self.cmap.is_generic(c) { "*" } else { "" })
            })
            .collect();
        Some(names.join(" "))
    }

    pub fn score(&self, a: usize, sa: usize, b: usize, sb: usize) -> Option<PairScore> {
        let (x, y) = (self.global(a, sa)?, self.global(b, sb)?);
        let s = score_pair(&self.feats[x], &self.feats[y], &self.cmap, &self.cfg);
        Some(PairScore {
            score: s.score,
            weight: s.weight,
            shared: s.shared as u32,
            distinct: s.distinct as u32,
            linked: passes(s, &self.cfg),
        })
    }
}

/// Words that open a new clause.
const CLAUSE_WORDS: &[&str] = &["and", "but", "while", "whereas", "which", "who", "although", "though", "because"];

/// Clause number of each token: a clause ends at , ; : ( ) dashes and
/// quotation marks, and before a conjunction or relative pronoun.
fn clause_ids(text: &str, toks: &[crate::model::Token]) -> Vec<u32> {
    let mut out = Vec::with_capacity(toks.len());
    let mut id = 0u32;
    for (k, t) in toks.iter().enumerate() {
        if k > 0 {
            let gap = text.get(toks[k - 1].span.end as usize..t.span.start as usize).unwrap_or("");
            let punct =
                gap.chars().any(|c| matches!(c, ',' | ';' | ':' | '(' | ')' | '–' | '—' | '"' | '“' | '”' | '«' | '»'));
            let word = text.get(t.span.range()).unwrap_or("");
            if punct || CLAUSE_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w)) {
                id += 1;
            }
        }
        out.push(id);
    }
    out
}

fn idf(n: usize, d: u32) -> f32 {
    ((1.0 + n as f32) / (0.5 + d as f32)).ln().max(0.0)
}

/// Finds the passages shared between every pair of articles.
/// Deterministic and total: any corpus, including an empty one, works.
///
/// Articles with identical text are analysed once (see [`dedup`]); the
/// rest is [`find_distinct`].
pub fn find_passages(corpus: &Corpus, cfg: &PassageConfig) -> Passages {
    let pairs = find_pairs(corpus, cfg);
    let clusters = cluster_passages(corpus, &pairs);
    Passages { pairs, clusters }
}

/// The pairs of [`find_passages`] alone, sorted the same way: for callers
/// that do not show clusters (at thousands of articles clustering the
/// expanded pairs takes a seventh of the time).
pub fn find_pairs(corpus: &Corpus, cfg: &PassageConfig) -> Vec<SharedPassage> {
    dedup::find(corpus, cfg)
}

/// The pairs of [`find_pairs`] without their links, in the same order:
/// for callers that print only where passages are (at thousands of
/// articles with copies, building every copy's links costs more than
/// printing them).
pub fn find_pair_sides(corpus: &Corpus, cfg: &PassageConfig) -> Vec<PassageSides> {
    dedup::find_sides(corpus, cfg)
}

/// The passages of a corpus whose articles' texts are all distinct, and
/// those that each article of `twins` shares with an identical copy of
/// itself (its passages have `a.article == b.article`). Unsorted.
fn find_distinct(corpus: &Corpus, cfg: &PassageConfig, twins: &[u32]) -> (Vec<SharedPassage>, Vec<SharedPassage>) {
    let m = Matcher::new(corpus, cfg);
    let n = m.feats.len();
    if n == 0 {
        return Default::default();
    }
    let canon = canonical(&m);
    let scored = candidates(&m, &canon);
    let links = link_sentences(&m, &scored);
    let ctx = context_config(cfg);
    let min_alone = cfg.second_min_score.min(cfg.min_score);
    let links: Vec<((u32, u32), Vec<SentenceLink>)> = links.into_iter().collect();
    let pairs = chunked(links.len(), |range| {
        let mut memo = ContextMemo::new(&canon);
        let mut pairs = Vec::new();
        for ((a_art, b_art), ls) in &links[range] {
            let sel = grow_context(&m, &ctx, &mut memo, *a_art, *b_art, select_links(ls.clone(), cfg));
            pairs.extend(passages_of_pair(corpus, *a_art, *b_art, sel, min_alone));
        }
        pairs
    });
    let selves = chunked(twins.len(), |range| {
        let mut memo = ContextMemo::new(&canon);
        let mut selves = Vec::new();
        for &a in &twins[range] {
            // Each sentence against its own copy, then the same selection
            // and context growth as any pair.
            let first = m.first.get(a as usize).copied().unwrap_or(n);
            let count = corpus.articles.get(a as usize).map_or(0, |x| x.sentences.len());
            let ls: Vec<SentenceLink> = (first..(first + count).min(n))
                .filter_map(|g| {
                    let s = score_pair(&m.feats[g], &m.feats[g], &m.cmap, cfg);
                    let si = (g - first) as u32;
                    passes(s, cfg).then_some(SentenceLink {
                        a: SentenceRange { start: si, end: si + 1 },
                        b: SentenceRange { start: si, end: si + 1 },
                        score: s.score,
                    })
                })
                .collect();
            let sel = grow_context(&m, &ctx, &mut memo, a, a, select_links(ls, cfg));
            selves.extend(passages_of_pair(corpus, a, a, sel, min_alone));
        }
        selves
    });
    (pairs, selves)
}

/// Identical sentences (wire copy repeated across outlets) score the same:
/// each gets the number of its first copy, so that each distinct pair of
/// them is scored once.
fn canonical(m: &Matcher) -> Vec<u32> {
    let n = m.feats.len();
    type Sentence<'a> = (&'a [(u32, bool)], &'a [u32]);
    let mut canon_of: FxHashMap<Sentence, u32> = FxHashMap::default();
    (0..n)
        .map(|i| {
            let next = canon_of.len() as u32;
            *canon_of.entry((&m.occurrences[i], &m.clauses[i])).or_insert(next)
        })
        .collect()
}

/// Candidate sentence pairs `(i, j, score)`, `i < j` global sentence
/// numbers, from an inverted index of rare keys: a pair is scored exactly
/// only when the evidence its rare keys share could let it pass.
fn candidates(m: &Matcher, canon: &[u32]) -> Vec<(u32, u32, Score)> {
    let Matcher { cmap, owner, feats, df, class_df, cfg, .. } = m;
    let n = feats.len();
    let nc = cmap.concept_count as usize;
    let idf = |d: u32| idf(n, d);
    // Inverted index over rare keys: concepts, then classes (offset by nc).
    let cap = ((n as f32 * cfg.max_df_share) as u32).max(cfg.max_df_floor);
    let class_ids: BTreeMap<u32, u32> =
        class_df.iter().filter(|(_, &d)| d >= 2 && d <= cap).enumerate().map(|(i, (&c, _))| (c, i as u32)).collect();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); nc + class_ids.len()];
    // Per sentence: its rare keys with their evidence and whether they are
    // distinctive (an identical concept that is not generic).
    let mut keys_of: Vec<Vec<(u32, f32, bool)>> = Vec::with_capacity(n);
    for (i, f) in feats.iter().enumerate() {
        let mut keys = Vec::new();
        for &(c, w) in &f.concepts {
            let d = df[c as usize];
            if d >= 2 && d <= cap {
                keys.push((c, w, !cmap.is_generic(c)));
            }
        }
        for cl in &f.classes {
            if let Some(&k) = class_ids.get(cl) {
                keys.push((nc as u32 + k, idf(class_df[cl]) * cfg.synonym_weight * 0.5, false));
            }
        }
        for &(k, _, _) in &keys {
            postings[k as usize].push(i as u32);
        }
        keys_of.push(keys);
    }

    chunked(n, |range| {
        let mut memo: FxHashMap<(u32, u32), Score> = FxHashMap::default();
        let mut acc = vec![0f32; n];
        let mut hits = vec![0u16; n];
        let mut touched: Vec<u32> = Vec::new();
        let mut scored: Vec<(u32, u32, Score)> = Vec::new();
        for i in range {
            let ai = owner[i].0;
            for &(k, w, distinct) in &keys_of[i] {
                let p = &postings[k as usize];
                let from = p.partition_point(|&j| j as usize <= i);
                for &j in &p[from..] {
                    let ju = j as usize;
                    if !cfg.same_article && owner[ju].0 == ai {
                        continue;
                    }
                    if acc[ju] == 0.0 && hits[ju] == 0 {
                        touched.push(j);
                    }
                    acc[ju] += w;
                    hits[ju] += distinct as u16;
                }
            }
            crate::sort::numbers(&mut touched);
            for &j in &touched {
                let ju = j as usize;
                // Enough rare evidence, at least one piece of it distinctive.
                if acc[ju] >= cfg.min_weight * cfg.candidate_share && (hits[ju] >= 2 || acc[ju] >= cfg.min_weight) {
                    let s = *memo
                        .entry((canon[i], canon[ju]))
                        .or_insert_with(|| score_pair(&feats[i], &feats[ju], cmap, cfg));
                    if s.score >= cfg.split_min_score {
                        scored.push((i as u32, j, s));
                    }
                }
                acc[ju] = 0.0;
                hits[ju] = 0;
            }
            touched.clear();
        }
        scored
    })
}

/// Links between sentences, per pair of articles `(a, b)`, `a < b`: the
/// pairs that pass, plus 1-to-2 matches (one translation split a sentence
/// in two) where both halves were candidates on their own.
fn link_sentences(m: &Matcher, scored: &[(u32, u32, Score)]) -> BTreeMap<(u32, u32), Vec<SentenceLink>> {
    let Matcher { cmap, owner, feats, cfg, .. } = m;
    let n = feats.len();
    let cands: FxHashMap<(u32, u32), f32> =
        scored.iter().flat_map(|&(i, j, s)| [((i, j), s.score), ((j, i), s.score)]).collect();
    let mut unions: FxHashMap<usize, Feat> = FxHashMap::default();
    let mut links: BTreeMap<(u32, u32), Vec<SentenceLink>> = BTreeMap::new();
    let same_art = |x: usize, y: usize| y < n && owner[x].0 == owner[y].0;
    let corroborated = corroborated(m, scored);
    for &(i, j, s) in scored {
        let (i, j) = (i as usize, j as usize);
        let (aa, sa) = owner[i];
        let (ab, sb) = owner[j];
        // Normalise so that a is the lower article index.
        let (a_art, a_si, b_art, b_si, gi, gj) = if aa <= ab { (aa, sa, ab, sb, i, j) } else { (ab, sb, aa, sa, j, i) };
        let mut push = |a0: u32, a1: u32, b0: u32, b1: u32, sc: f32| {
            links.entry((a_art, b_art)).or_default().push(SentenceLink {
                a: SentenceRange { start: a0, end: a1 },
                b: SentenceRange { start: b0, end: b1 },
                score: sc,
            });
        };
        if passes(s, cfg) || corroborated.binary_search(&(i as u32, j as u32)).is_ok() {
            push(a_si, a_si + 1, b_si, b_si + 1, s.score);
        }
        // 1-to-2: the other side split this sentence in two.
        let mut best: Option<(Score, bool, usize)> = None;
        for (side_a, x, y) in [(false, gi, gj), (true, gj, gi)] {
            // Merge y with the sentence after it; both halves must have been
            // candidates with x on their own (so each union is tried from
            // its first half only).
            let (lo, hi) = (y, y + 1);
            let Some(&s_hi) = cands.get(&(x as u32, hi as u32)) else { continue };
            if !same_art(y, hi) || hi == x {
                continue;
            }
            if feats[lo].concepts.len() < 3 || feats[hi].concepts.len() < 3 {
                continue;
            }
            let u = unions.entry(lo).or_insert_with(|| m.union(lo));
            let su = score_pair(&feats[x], u, cmap, cfg);
            let gain = su.score >= s.score.max(s_hi) + cfg.split_gain;
            if passes(su, cfg) && gain && best.is_none_or(|b| su.score > b.0.score) {
                best = Some((su, side_a, lo));
            }
        }
        if let Some((su, merged_is_a, lo)) = best {
            let lo_si = owner[lo].1;
            if merged_is_a {
                push(lo_si, lo_si + 2, b_si, b_si + 1, su.score);
            } else {
                push(a_si, a_si + 1, lo_si, lo_si + 2, su.score);
            }
        }
    }
    links
}

/// Candidate pairs `(i, j)` (as in `scored`, sorted) below the score bar
/// that a third article corroborates: one of its sentences links to both
/// (the same clause carried by three articles, in three wordings). They
/// need `corroborated_min_score` and the evidence of any link.
fn corroborated(m: &Matcher, scored: &[(u32, u32, Score)]) -> Vec<(u32, u32)> {
    let Matcher { owner, feats, cfg, .. } = m;
    if cfg.corroborated_min_score <= 0.0 {
        return Vec::new();
    }
    // Per sentence its passing partners, per pair of articles its links.
    let mut adj: Vec<Vec<u32>> = vec![Vec::new(); feats.len()];
    let mut by_pair: std::collections::HashMap<(u32, u32), Vec<(u32, u32)>> = Default::default();
    for &(i, j, s) in scored {
        if passes(s, cfg) {
            adj[i as usize].push(j);
            adj[j as usize].push(i);
            by_pair.entry((owner[i as usize].0, owner[j as usize].0)).or_default().push((i, j));
        }
    }
    for v in &mut adj {
        crate::sort::numbers(v);
    }
    let mut out: Vec<(u32, u32)> = scored
        .iter()
        .filter(|&&(i, j, s)| {
            let weak = s.score >= cfg.corroborated_min_score
                && !passes(s, cfg)
                && passes_evidence(s, cfg)
                && s.distinct_weight >= cfg.min_distinct_share * s.weight;
            let (ai, aj) = (owner[i as usize].0, owner[j as usize].0);
            // The two articles share other passages: the same event.
            let others = |ls: Option<&Vec<(u32, u32)>>| {
                ls.map_or(0, |v| v.iter().filter(|&&(x, y)| x != i && x != j && y != i && y != j).count())
            };
            weak && others(by_pair.get(&(ai, aj))) + others(by_pair.get(&(aj, ai))) >= cfg.corroborated_pair_links
                && adj[i as usize].iter().any(|&z| {
                    let az = owner[z as usize].0;
                    az != ai
                        && az != aj
                        && adj[j as usize].binary_search(&z).is_ok()
                        && common_distinct(m, i as usize, j as usize, z as usize) >= cfg.min_distinct
                })
        })
        .map(|&(i, j, _)| (i, j))
        .collect();
    crate::sort::numbers(&mut out);
    out
}

/// Distinctive concepts of sentence `x` that `y` and `z` both match (the
/// same concept or a synonym): the content the three sentences share.
fn common_distinct(m: &Matcher, x: usize, y: usize, z: usize) -> usize {
    let cmap = &m.cmap;
    let has = |f: &Feat, c: u32| {
        f.concepts.binary_search_by_key(&c, |p| p.0).is_ok()
            || cmap.classes[c as usize].iter().any(|k| f.classes.binary_search(k).is_ok())
    };
    let (fy, fz) = (&m.feats[y], &m.feats[z]);
    m.feats[x].concepts.iter().filter(|&&(c, _)| !cmap.is_generic(c) && has(fy, c) && has(fz, c)).count()
}

/// The links of one pair of articles that become passages. First a
/// one-to-one matching, greedily by score: a link whose sentences are all
/// free. Then second links: a sentence linked once may take one more link
/// of `second_min_score` (a lede and a later quote may carry the same
/// clause), unless that link lies inside one passage already. Returns
/// (link, is a second link).
fn select_links(mut ls: Vec<SentenceLink>, cfg: &PassageConfig) -> Vec<(SentenceLink, bool)> {
    crate::sort::by(&mut ls, |x, y| y.score.total_cmp(&x.score).then((x.a, x.b).cmp(&(y.a, y.b))));
    ls.dedup_by(|x, y| x.a == y.a && x.b == y.b);
    let mut used_a: BTreeMap<u32, u32> = BTreeMap::new();
    let mut used_b: BTreeMap<u32, u32> = BTreeMap::new();
    let uses = |m: &BTreeMap<u32, u32>, r: SentenceRange| {
        (r.start..r.end).map(|i| m.get(&i).copied().unwrap_or(0)).max().unwrap_or(0)
    };
    let take = |l: &SentenceLink, used_a: &mut BTreeMap<u32, u32>, used_b: &mut BTreeMap<u32, u32>| {
        for i in l.a.start..l.a.end {
            *used_a.entry(i).or_insert(0) += 1;
        }
        for i in l.b.start..l.b.end {
            *used_b.entry(i).or_insert(0) += 1;
        }
    };
    let mut out: Vec<(SentenceLink, bool)> = Vec::new();
    let mut rest = Vec::new();
    for l in ls {
        if uses(&used_a, l.a) == 0 && uses(&used_b, l.b) == 0 {
            take(&l, &mut used_a, &mut used_b);
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
        let (ua, ub) = (uses(&used_a, l.a), uses(&used_b, l.b));
        if ua > 1 || ub > 1 || (ua == 1 && !single(l.a)) || (ub == 1 && !single(l.b)) {
            continue;
        }
        // Not within one first link on both sides.
        if firsts.iter().any(|f| f.a.overlaps(l.a) && f.b.overlaps(l.b)) {
            continue;
        }
        take(&l, &mut used_a, &mut used_b);
        out.push((l, true));
    }
    out
}

/// The thresholds of a context link (see [`grow_context`]).
fn context_config(cfg: &PassageConfig) -> PassageConfig {
    PassageConfig {
        min_score: cfg.context_min_score,
        min_weight: cfg.context_min_weight,
        min_shared: cfg.context_min_shared,
        min_distinct: cfg.context_min_distinct,
        few_distinct_min_score: cfg.context_few_distinct_min_score,
        split_min_score: cfg.split_min_score.min(cfg.context_min_score),
        ..cfg.clone()
    }
}

/// Context scores by distinct sentence text (copies score alike).
struct ContextMemo<'a> {
    canon: &'a [u32],
    /// (A's sentence, B's sentence) -> score if it passes `ctx`.
    scores: FxHashMap<(u32, u32), Option<f32>>,
    /// (fixed sentence, first and second of the pair, fixed is on side A)
    /// -> score of the fixed sentence against the pair.
    unions: FxHashMap<(u32, u32, u32, bool), f32>,
    /// (first, second sentence) -> the features of the two together.
    union_feats: FxHashMap<(u32, u32), Feat>,
}

impl ContextMemo<'_> {
    fn new(canon: &[u32]) -> ContextMemo<'_> {
        ContextMemo { canon, scores: Default::default(), unions: Default::default(), union_feats: Default::default() }
    }
}

/// Context: grows the selected links of a pair of articles with weaker
/// links next to them. A sentence after (before) a linked one in A matched
/// with one after (before) its partner in B, at most `context_gap`
/// sentences away on each side, is accepted on the lower thresholds of
/// `ctx` because its position corroborates it (as alignments are extended
/// between anchors). Both sentences must be free; the best candidate is
/// taken first and the new link is itself an anchor, so passages grow
/// sentence by sentence.
fn grow_context(
    m: &Matcher,
    ctx: &PassageConfig,
    memo: &mut ContextMemo,
    a_art: u32,
    b_art: u32,
    mut sel: Vec<(SentenceLink, bool)>,
) -> Vec<(SentenceLink, bool)> {
    if ctx.context_gap == 0 || ctx.context_min_score <= 0.0 || sel.is_empty() {
        return sel;
    }
    let (na, nb) = (
        m.corpus.articles[a_art as usize].sentences.len() as i64,
        m.corpus.articles[b_art as usize].sentences.len() as i64,
    );
    let mut used_a: BTreeMap<u32, u32> = BTreeMap::new();
    let mut used_b: BTreeMap<u32, u32> = BTreeMap::new();
    for (l, _) in &sel {
        for i in l.a.start..l.a.end {
            *used_a.entry(i).or_insert(0) += 1;
        }
        for i in l.b.start..l.b.end {
            *used_b.entry(i).or_insert(0) += 1;
        }
    }
    let free = |m: &BTreeMap<u32, u32>, lo: u32, hi: u32| (lo..hi).all(|i| !m.contains_key(&i));
    let gap = ctx.context_gap as i64;
    loop {
        // (score, a, b, is an extension of a linked sentence)
        let mut best: Option<(f32, u32, u32, bool)> = None;
        for (l, second) in &sel {
            let (a0, a1, b0, b1) = (l.a.start as i64, l.a.end as i64, l.b.start as i64, l.b.end as i64);
            let mut cands: Vec<(i64, i64, bool)> = Vec::new();
            let next = |p: &SentenceLink, q: &SentenceLink| p.a.end == q.a.start && p.b.end == q.b.start;
            let strong = l.score >= ctx.context_anchor_score || sel.iter().any(|(o, _)| next(o, l) || next(l, o));
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
            if !second && once(&used_a, l.a) {
                cands.extend([(a0, b1, true), (a0, b0 - 1, true)]);
            }
            if !second && once(&used_b, l.b) {
                cands.extend([(a1, b0, true), (a0 - 1, b0, true)]);
            }
            for (x, y, ext) in cands {
                if x < 0 || y < 0 || x >= na || y >= nb {
                    continue;
                }
                let (x, y) = (x as u32, y as u32);
                let x_free = !used_a.contains_key(&x);
                let y_free = !used_b.contains_key(&y);
                if !(x_free && y_free) && !(ext && (x_free || y_free)) {
                    continue;
                }
                if ext && (l.a.contains(x as usize) == l.b.contains(y as usize)) {
                    continue;
                }
                // Sentences skipped over must be free too.
                let (sa0, sa1) = if x >= l.a.end { (l.a.end, x) } else { ((x + 1).min(l.a.start), l.a.start) };
                let (sb0, sb1) = if y >= l.b.end { (l.b.end, y) } else { ((y + 1).min(l.b.start), l.b.start) };
                if !free(&used_a, sa0, sa1) || !free(&used_b, sb0, sb1) {
                    continue;
                }
                let sc = (|| {
                    let gx = m.global(a_art as usize, x as usize)?;
                    let gy = m.global(b_art as usize, y as usize)?;
                    let c = memo.canon;
                    let sc = (*memo.scores.entry((c[gx], c[gy])).or_insert_with(|| {
                        let s = score_pair(&m.feats[gx], &m.feats[gy], &m.cmap, ctx);
                        passes(s, ctx).then_some(s.score)
                    }))?;
                    if ext {
                        // The linked sentence's partner and its neighbour
                        // together must match it better than alone.
                        let (ga, gb) = (
                            m.global(a_art as usize, l.a.start as usize)?,
                            m.global(b_art as usize, l.b.start as usize)?,
                        );
                        let (fixed, lo, on_a) = if ga == gx { (gx, gy.min(gb), true) } else { (gy, gx.min(ga), false) };
                        let key = (c[fixed], c[lo], c[lo + 1], on_a);
                        let su = match memo.unions.get(&key) {
                            Some(&su) => su,
                            None => {
                                let u = memo.union_feats.entry((c[lo], c[lo + 1])).or_insert_with(|| m.union(lo));
                                let su = if on_a {
                                    score_pair(&m.feats[fixed], u, &m.cmap, ctx).score
                                } else {
                                    score_pair(u, &m.feats[fixed], &m.cmap, ctx).score
                                };
                                memo.unions.insert(key, su);
                                su
                            }
                        };
                        if su < l.score + ctx.context_split_gain {
                            return None;
                        }
                    }
                    Some(sc)
                })();
                if let Some(sc) = sc {
                    if best.is_none_or(|b| sc > b.0 || (sc == b.0 && (x, y) < (b.1, b.2))) {
                        best = Some((sc, x, y, ext));
                    }
                }
            }
        }
        let Some((score, x, y, ext)) = best else { break };
        *used_a.entry(x).or_insert(0) += 1;
        *used_b.entry(y).or_insert(0) += 1;
        let link = SentenceLink {
            a: SentenceRange::new(x as usize, x as usize + 1),
            b: SentenceRange::new(y as usize, y as usize + 1),
            score,
        };
        sel.push((link, ext));
    }
    sel
}

/// Merges the selected links of one pair into passages: links that follow
/// each other on both sides join; a second link joins a passage it shares
/// a side with when it follows it on the other side (a 2-to-1 match), and
/// otherwise stays a passage of its own (unless it is a weak context link).
fn passages_of_pair(
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
    let span = |art: &crate::model::Article, r: SentenceRange| {
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
fn cluster_passages(corpus: &Corpus, pairs: &[SharedPassage]) -> Vec<Cluster> {
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
        // Runs of consecutive sentences of one article form a member.
        let mut members: Vec<PassageSide> = Vec::new();
        for &x in &nodes {
            let art = owner_of(&first, x);
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

/// The article of global sentence node `x`.
fn owner_of(first: &[usize], x: usize) -> usize {
    first.partition_point(|&f| f <= x).saturating_sub(1)
}

/// One heat-map cell per pair of articles that share at least one passage,
/// sorted by (a, b).
pub fn pair_summaries(corpus: &Corpus, passages: &Passages) -> Vec<PairSummary> {
    let mut by_pair: BTreeMap<(u32, u32), Vec<&SharedPassage>> = BTreeMap::new();
    for p in &passages.pairs {
        by_pair.entry((p.a.article, p.b.article)).or_default().push(p);
    }
    let covered = |art: u32, ranges: Vec<SentenceRange>| -> u32 {
        let Some(a) = corpus.articles.get(art as usize) else { return 0 };
        let mut flags = vec![false; a.sentences.len()];
        for r in ranges {
            for f in flags.iter_mut().take(r.end as usize).skip(r.start as usize) {
                *f = true;
            }
        }
        a.sentences.iter().zip(flags).filter(|(_, f)| *f).map(|(s, _)| s.token_count).sum()
    };
    by_pair
        .into_iter()
        .map(|((a, b), ps)| {
            let a_words = covered(a, ps.iter().map(|p| p.a.sentences).collect());
            let b_words = covered(b, ps.iter().map(|p| p.b.sentences).collect());
            let wa = corpus.articles.get(a as usize).map_or(0, |x| x.word_count());
            let wb = corpus.articles.get(b as usize).map_or(0, |x| x.word_count());
            let (covered_short, short) = if wa <= wb { (a_words, wa) } else { (b_words, wb) };
            let shorter_share = if short == 0 { 0.0 } else { (covered_short as f32 / short as f32).min(1.0) };
            PairSummary { a, b, passages: ps.len() as u32, a_words, b_words, shorter_share }
        })
        .collect()
}
