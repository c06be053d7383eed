//! A cluster's collation: each member's reading against a base reading
//! (by default the core's), with how close it is and its tier.
//!
//! Closeness is a word-overlap measure, not the link score: the share of
//! words the reading and the base have in common in their word alignment
//! ([`aligned_share`]: twice the equal words over the words of both, on
//! stems). A reading is *copied* when that share reaches [`COPIED_MIN_SAME`]
//! (the pair view's rule for a copied row), *reworded* otherwise: it shares content with
//! the core (it links to it), in other words. The link score to the core
//! is given too ([`CollationRow::link`]).

use serde::{Deserialize, Serialize};

use super::align::aligned_share;
use super::marks::COPIED_MIN_SAME;
use super::{AlignOp, Cluster, PassageSide};
use crate::model::Corpus;

/// How a reading's wording compares with the base's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// The base reading itself.
    Base,
    /// Near-identical wording: at least [`COPIED_MIN_SAME`] of the words.
    Copied,
    /// The same content in other words.
    Reworded,
}

impl Tier {
    /// The tier of a reading whose words are `share` the same as the base's.
    pub fn of_share(share: f32) -> Tier {
        if share >= COPIED_MIN_SAME {
            Tier::Copied
        } else {
            Tier::Reworded
        }
    }

    /// Its name, as the CLI and the page write it.
    pub fn name(self) -> &'static str {
        match self {
            Tier::Base => "base",
            Tier::Copied => "copied",
            Tier::Reworded => "reworded",
        }
    }
}

/// One reading of a collation (see [`collation_row`]).
#[derive(Clone, Debug, PartialEq)]
pub struct CollationRow {
    /// Its position in the cluster's members.
    pub index: usize,
    /// The member.
    pub member: PassageSide,
    /// The score of its link to the core (1 for the core).
    pub link: f32,
    /// Closeness to the base: the share (0..1) of words the two have in
    /// common (1 for the base).
    pub closeness: f32,
    /// Its tier relative to the base.
    pub tier: Tier,
    /// The word alignment of the reading (side A) with the base (side B);
    /// empty for the base.
    pub ops: Vec<AlignOp>,
}

/// Member `index` of cluster `c` against member `base` (None if either is
/// not a member).
pub fn collation_row(corpus: &Corpus, c: &Cluster, base: usize, index: usize) -> Option<CollationRow> {
    let text = |m: &PassageSide| corpus.articles.get(m.article as usize).map_or("", |a| a.slice(m.span));
    let (member, b) = (*c.members.get(index)?, c.members.get(base)?);
    let link = c.links.get(index).copied().unwrap_or(0.0);
    if index == base {
        return Some(CollationRow { index, member, link, closeness: 1.0, tier: Tier::Base, ops: Vec::new() });
    }
    let (ops, closeness) = aligned_share(text(&member), text(b));
    Some(CollationRow { index, member, link, closeness, tier: Tier::of_share(closeness), ops })
}
