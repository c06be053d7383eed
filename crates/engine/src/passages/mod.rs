//! Shared passages: the same content in two or more articles, whether
//! copied verbatim, lightly edited or translated independently.
//!
//! The method, at sentence level:
//!
//! 1. Every sentence becomes a set of *concepts*: stems without
//!    stopwords, with the names of one actor folded (the actor model
//!    found in the text, `crate::actors`: Moscow ~ Russia, a surname ~ the
//!    full name, an acronym ~ its long form) and each stem's synonym
//!    classes alongside (WordNet, and
//!    curated paraphrase groups of news reporting). A concept weighs its
//!    IDF over the sentences of its article's series (an outlet with
//!    `series_min_sentences` or more; the other articles pooled), more
//!    inside quotation marks: adding articles of other series changes no
//!    weight (`rarity.rs`). Table rows ("Net 20.6 mln vs 16.1 mln") carry
//!    no concepts. Stems the corpus capitalises inside sentences are
//!    names; names and figures are a sentence's specifics (`specifics.rs`).
//! 2. Candidates come from an inverted index of rare keys (concepts rare
//!    in their own series and synonym classes, found in at most `max_df`
//!    sentences however large the corpus, so that the work per key is
//!    bounded):
//!    a pair is scored only if it shares enough rare evidence. No
//!    all-pairs scan.
//! 3. A pair's score is the best *mutual* IDF-weighted containment (the
//!    smaller of the two directions) over the two sentences and their
//!    clause windows (runs of one to three clauses, split at , ; : dashes,
//!    quotes and conjunctions), so that the same clause matches even when
//!    the rest of the two sentences differs. A synonym counts
//!    `synonym_weight` of an identical concept. Evidence against: two
//!    sentences that each give figures of their own (more than they share)
//!    have their score halved, twice when they share none ("fell 0.04
//!    points to 971.52" is not "rose 6.48 points to 990.51"), and halved
//!    again when each names a person the other does not ("X stopped Y"
//!    against "X stopped Z"). Evidence for: a shared specific figure
//!    ("100,000", "6.1"; not a year) and one more concept link from
//!    `anchored_min_score` (one fact in other words: "deploying 100,000
//!    soldiers on its border with Ukraine" ~ "over 100,000 Russian troops
//!    near Ukraine"). Pairs need `min_score`, `min_weight` of matched
//!    evidence and `min_shared` matched concepts; much distinctive evidence
//!    (`strong_*`) lowers the score bar for long sentences. A sentence
//!    split in two by one translation is matched against the union of two
//!    adjacent sentences (1-to-2).
//!    A link also needs `min_distinct` matched concepts that are neither
//!    actors' names, generic news words ("said", "statement") nor topic
//!    words found in (nearly) every article: what the sentences say, not
//!    who says it; `min_content` of them neither names nor figures, unless
//!    `min_entities` names and actors match (a run of names counts once):
//!    a shared name alone never links. Two sentences with different
//!    figures and no name or figure in common never link (the same frame
//!    about another company or another day).
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
//!    links form clusters when they reach three or more articles; a group
//!    that does not hold together is cut into stars, each a core sentence
//!    and the sentences linked to it directly (`clusters.rs`).
//!
//! The files, by stage:
//! - `config.rs`: the thresholds ([`PassageConfig`]) and the bar of an
//!   ordinary and of a context link built from them;
//! - `concepts.rs`: the concept map (stopwords, actor names, synonym classes,
//!   paraphrase groups, generic words);
//! - `matcher.rs`: the sentences as matching sees them ([`Matcher`]):
//!   concepts, IDF weights, clause numbers, quotation flags;
//! - `rarity.rs`: concept frequencies and IDF per series;
//! - `specifics.rs`: names, figures, table rows, and the contradiction of
//!   two sentences' specifics;
//! - `feat.rs`: a sentence's features and the pair score (mutual
//!   IDF-weighted containment over clause windows);
//! - `candidates.rs`: candidate pairs from the inverted index of rare keys;
//! - `scoring.rs`: which candidates link (the bar, 1-to-2 matches,
//!   corroboration by a third article);
//! - `select.rs`: per pair of articles, selection, context growth and the
//!   merge into passages;
//! - `clusters.rs`: passages reaching three or more articles, each a core
//!   sentence and the sentences linked to it directly;
//! - `collation.rs`: a cluster's readings against a chosen base: closeness
//!   and tier (copied or reworded);
//! - `dedup.rs`: identical articles analysed once;
//! - `align.rs`: the word-level alignment of two passages, for display;
//! - `layout.rs`: a pair as rows, one place per sentence ([`PairLayout`]);
//! - `marks.rs`: which words of a row to mark, copied or reworded
//!   ([`RowMarks`]).

mod align;
mod candidates;
mod clusters;
mod collation;
pub(crate) mod concepts;
mod config;
mod dedup;
mod feat;
mod layout;
mod marks;
mod matcher;
mod rarity;
mod scoring;
mod select;
mod specifics;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use align::{aligned_share, word_alignment, AlignKind, AlignOp};
pub use collation::{collation_row, CollationRow, Tier};
pub use config::PassageConfig;
pub use layout::{pair_layout, PairItem, PairLayout, PairRow, Placement};
pub use marks::{related_stems, row_marks, MarkKind, RowMarks, WordMark, COPIED_MIN_SAME};
pub use matcher::{Matcher, PairScore};

use candidates::{candidates, canonical};
use clusters::cluster_passages;
use feat::{passes, score_pair};
use scoring::link_sentences;
use select::{grow_context, passages_of_pair, select_links, ContextMemo};

use crate::model::{Corpus, Span};
use crate::par::chunked;

/// Half-open range of sentence indices into `Article::sentences`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SentenceRange {
    /// The first sentence.
    pub start: u32,
    /// One past the last sentence.
    pub end: u32,
}

impl SentenceRange {
    /// The sentences `start..end`.
    pub fn new(start: usize, end: usize) -> SentenceRange {
        SentenceRange { start: start as u32, end: end as u32 }
    }
    /// Whether sentence `i` is in the range.
    pub fn contains(self, i: usize) -> bool {
        (self.start as usize) <= i && i < self.end as usize
    }
    /// Whether the two ranges share a sentence.
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
    /// The sentences the span covers.
    pub sentences: SentenceRange,
}

/// A matched pair of sentences (or of a sentence and two adjacent ones).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentenceLink {
    /// The sentence(s) of the first article.
    pub a: SentenceRange,
    /// The sentence(s) of the second article.
    pub b: SentenceRange,
    /// The pair's score (0..1).
    pub score: f32,
}

/// A passage found in two articles; `a.article < b.article`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedPassage {
    /// Where it is in the first article.
    pub a: PassageSide,
    /// Where it is in the second article.
    pub b: PassageSide,
    /// 0..1: evidence-weighted mean of the links' scores.
    pub score: f32,
    /// The sentence links it was built from, in order.
    pub links: Vec<SentenceLink>,
}

/// A [`SharedPassage`] without its sentence links: its two sides and its
/// score (what `parallax passages --json` prints).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PassageWithoutLinks {
    /// See [`SharedPassage::a`].
    pub a: PassageSide,
    /// See [`SharedPassage::b`].
    pub b: PassageSide,
    /// See [`SharedPassage::score`].
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
    /// The member holding the core sentence (index into `members`): every
    /// other member links to it directly.
    pub core: u32,
    /// Per member, the score of its best link to the core (1 for the core).
    pub links: Vec<f32>,
}

/// Everything [`find_passages`] finds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Passages {
    /// Sorted by side A (its article, then its span), then side B: the
    /// passages of one first article are one run (`Bundle::pair_passages`).
    pub pairs: Vec<SharedPassage>,
    /// Passages carried by three or more articles, by reach.
    pub clusters: Vec<Cluster>,
}

/// The heat map cell of two articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairSummary {
    /// The first article (index into `Corpus::articles`).
    pub a: u32,
    /// The second article, `a < b` (`a == b` for identical copies).
    pub b: u32,
    /// Number of shared passages.
    pub passages: u32,
    /// Words of A (B) inside passages shared with B (A).
    pub a_words: u32,
    /// See `a_words`.
    pub b_words: u32,
    /// Share (0..1) of the shorter article's words that are shared.
    pub shorter_share: f32,
}

/// Finds the passages shared between every pair of articles.
/// Deterministic and total: any corpus, including an empty one, works.
///
/// Articles with identical text are analysed once (see `dedup.rs`); the
/// rest is `find_distinct`.
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
pub fn find_pair_sides(corpus: &Corpus, cfg: &PassageConfig) -> Vec<PassageWithoutLinks> {
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
    let min_alone = cfg.second_min_score.min(cfg.min_score);
    let link = cfg.link_bar();
    // Selection, context growth and the merge into passages.
    let passages = |memo: &mut ContextMemo, a: u32, b: u32, ls: Vec<SentenceLink>| {
        let sel = grow_context(&m, memo, a, b, select_links(ls, cfg));
        passages_of_pair(corpus, a, b, sel, min_alone)
    };
    let links: Vec<((u32, u32), Vec<SentenceLink>)> = links.into_iter().collect();
    let pairs = chunked(links.len(), |range| {
        let mut memo = ContextMemo::new(&canon, cfg.context_bar());
        let mut pairs = Vec::new();
        for ((a_art, b_art), ls) in &links[range] {
            pairs.extend(passages(&mut memo, *a_art, *b_art, ls.clone()));
        }
        pairs
    });
    let selves = chunked(twins.len(), |range| {
        let mut memo = ContextMemo::new(&canon, cfg.context_bar());
        let mut selves = Vec::new();
        for &a in &twins[range] {
            // Each sentence against its own copy, then the same selection
            // and context growth as any pair.
            let first = m.first.get(a as usize).copied().unwrap_or(n);
            let count = corpus.articles.get(a as usize).map_or(0, |x| x.sentences.len());
            let ls: Vec<SentenceLink> = (first..(first + count).min(n))
                .filter_map(|g| {
                    let s = score_pair(&m.feats[g], &m.feats[g], &m.cmap, &link);
                    let si = (g - first) as u32;
                    passes(s, &link).then_some(SentenceLink {
                        a: SentenceRange { start: si, end: si + 1 },
                        b: SentenceRange { start: si, end: si + 1 },
                        score: s.score,
                    })
                })
                .collect();
            selves.extend(passages(&mut memo, a, a, ls));
        }
        selves
    });
    (pairs, selves)
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
