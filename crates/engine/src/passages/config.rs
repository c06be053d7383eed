//! The passage finder's settings: one [`PassageConfig`], and the bar a
//! sentence pair must clear to link ([`LinkBar`]), built from it for an
//! ordinary link ([`PassageConfig::link_bar`]) and for a context link next
//! to a selected one ([`PassageConfig::context_bar`]).

use serde::{Deserialize, Serialize};

/// Tuning of [`find_passages`](super::find_passages).
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
    /// Minimum number of matched distinctive concepts that are neither
    /// names nor figures: a shared name alone never links.
    pub min_content: usize,
    /// ... unless it matches this many names and actors (a run of names,
    /// "Goldman, Sachs and Co", counts once).
    pub min_entities: usize,
    /// With only `min_distinct` of them, a link needs this score.
    pub few_distinct_min_score: f32,
    /// ... and their minimum share of the matched evidence.
    pub min_distinct_share: f32,
    /// Much shared evidence makes up for long sentences: with at least
    /// `strong_min_distinct` distinctive matched concepts weighing
    /// `strong_min_weight`, a link needs only `strong_min_score`.
    pub strong_min_distinct: usize,
    /// ... the matched evidence of those concepts (see `strong_min_distinct`),
    pub strong_min_weight: f32,
    /// ... and the score that is then enough (see `strong_min_distinct`).
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
    /// A pair sharing a specific figure ("100,000", "6.1": not a year or
    /// a count below ten) and at least one more concept links from this
    /// score up, whatever its other figures: two reports of one event that
    /// give the same figure state one fact in other words (0 turns it off).
    pub anchored_min_score: f32,
    /// ... with this much matched evidence.
    pub anchored_min_weight: f32,
    /// A series (outlet) with this many sentences has word rarity of its
    /// own; the articles of smaller series, or of none, share theirs (see
    /// `rarity.rs`).
    pub series_min_sentences: usize,
    /// Weight of a synonym match relative to an identical concept.
    pub synonym_weight: f32,
    /// Weight multiplier of words inside quotation marks.
    pub quote_weight: f32,
    /// Index keys found in more than this many sentences, however large
    /// the corpus, are too common to generate candidates (they still count
    /// in the score): the work per key is bounded, so finding candidates
    /// grows with the corpus, not with its square.
    pub max_df: u32,
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
    /// ... the score of a context link with only `context_min_distinct`
    /// distinctive concepts.
    pub context_few_distinct_min_score: f32,
    /// ... and this many that are neither names nor figures.
    pub context_min_content: usize,
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
            min_content: 1,
            min_entities: 3,
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
            anchored_min_score: 0.2,
            anchored_min_weight: 5.0,
            synonym_weight: 0.8,
            quote_weight: 1.3,
            max_df: 40,
            series_min_sentences: 5000,
            split_min_score: 0.25,
            candidate_share: 0.6,
            same_article: false,
            context_min_score: 0.25,
            context_min_weight: 4.0,
            context_min_shared: 2,
            context_min_distinct: 1,
            context_few_distinct_min_score: 0.3,
            context_min_content: 0,
            context_gap: 2,
            context_anchor_score: 0.7,
            context_split_gain: 0.02,
        }
    }
}

/// What a sentence pair's score must reach to link: the thresholds that
/// differ between an ordinary link and a context link, and through `cfg`
/// the settings they share (`min_distinct_share`, `strong_*`,
/// `synonym_weight`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct LinkBar<'a> {
    /// The settings both bars share.
    pub cfg: &'a PassageConfig,
    /// Minimum score ([`PassageConfig::min_score`] or `context_min_score`).
    pub min_score: f32,
    /// Minimum matched evidence.
    pub min_weight: f32,
    /// Minimum number of matched concepts.
    pub min_shared: usize,
    /// Minimum number of distinctive matched concepts.
    pub min_distinct: usize,
    /// Minimum number of matched concepts that are neither names nor
    /// figures.
    pub min_content: usize,
    /// The score a link with only `min_distinct` of them needs.
    pub few_distinct_min_score: f32,
    /// Clause windows are paired from this containment up (see
    /// [`PassageConfig::split_min_score`]).
    pub split_min_score: f32,
}

impl PassageConfig {
    /// The bar of an ordinary link: `min_score` and the evidence thresholds.
    pub(crate) fn link_bar(&self) -> LinkBar<'_> {
        self.bar(false)
    }

    /// The lower bar of a context link, whose position next to a selected
    /// link corroborates it: the `context_*` thresholds in place of the
    /// ordinary ones (clause windows paired from the lower of the two
    /// scores).
    pub(crate) fn context_bar(&self) -> LinkBar<'_> {
        self.bar(true)
    }

    /// The bar of an ordinary link, or of a context link when `context`.
    fn bar(&self, context: bool) -> LinkBar<'_> {
        LinkBar {
            cfg: self,
            min_score: if context { self.context_min_score } else { self.min_score },
            min_weight: if context { self.context_min_weight } else { self.min_weight },
            min_shared: if context { self.context_min_shared } else { self.min_shared },
            min_distinct: if context { self.context_min_distinct } else { self.min_distinct },
            min_content: if context { self.context_min_content } else { self.min_content },
            few_distinct_min_score: if context {
                self.context_few_distinct_min_score
            } else {
                self.few_distinct_min_score
            },
            split_min_score: if context {
                self.split_min_score.min(self.context_min_score)
            } else {
                self.split_min_score
            },
        }
    }
}
