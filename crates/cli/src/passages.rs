//! JSON shapes of `parallax passages`: shared passage pairs and clusters.
//! Fields are declared in alphabetical order, the order the output has
//! always had.

use parallax_engine::passages::{
    collation_row, find_pair_sides, find_passages, PassageConfig, PassageSide, PassageWithoutLinks,
};
use parallax_engine::Corpus;
use serde::{Serialize, Serializer};

/// One side of a passage: `{"article", "end", "start"}` (byte offsets
/// into the article's original text).
#[derive(Serialize)]
struct SideJson<'a> {
    article: &'a str,
    end: u32,
    start: u32,
}

impl<'a> SideJson<'a> {
    /// Side `s`.
    fn new(corpus: &'a Corpus, s: &PassageSide) -> Self {
        SideJson { article: corpus.articles[s.article as usize].id(), end: s.span.end, start: s.span.start }
    }
}

/// One passage shared by two articles: `{"a", "b", "score"}`.
#[derive(Serialize)]
struct PairJson<'a> {
    a: SideJson<'a>,
    b: SideJson<'a>,
    /// Rounded to three decimals.
    score: f64,
}

/// Every shared passage of a corpus, sorted by (a, b) in id order; `a` is
/// always the article with the smaller id. Serialised as a sequence of
/// [`PairJson`] made one at a time: a corpus of thousands of articles has
/// hundreds of thousands of pairs.
pub struct PairsJson<'a> {
    corpus: &'a Corpus,
    pairs: Vec<PassageWithoutLinks>,
}

impl<'a> PairsJson<'a> {
    /// Finds the passages of `corpus` with the default configuration.
    pub fn new(corpus: &'a Corpus) -> Self {
        PairsJson { corpus, pairs: find_pair_sides(corpus, &PassageConfig::default()) }
    }
}

impl Serialize for PairsJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.pairs.iter().map(|p| PairJson {
            a: SideJson::new(self.corpus, &p.a),
            b: SideJson::new(self.corpus, &p.b),
            score: (p.score as f64 * 1000.0).round() / 1000.0,
        }))
    }
}

/// A passage carried by three or more articles: `{"articles": [ids],
/// "core", "id", "key", "members": [member]}`. `core` is the position of
/// the core member in `members` (every other member links to it
/// directly), `key` the cluster's lasting name in links
/// (`<article-id>.<sentence>`).
#[derive(Serialize)]
pub struct ClusterJson<'a> {
    articles: Vec<&'a str>,
    core: u32,
    id: u32,
    key: String,
    members: Vec<MemberJson<'a>>,
}

/// One reading of a cluster, compared with the core's: `{"article",
/// "closeness", "end", "link", "start", "text", "tier"}`. `closeness` is
/// the share of words it has in common with the core's reading, `link` the
/// score of its link to the core (both rounded to three decimals, 1 for
/// the core), `tier` "base" (the core), "copied" or "reworded".
#[derive(Serialize)]
struct MemberJson<'a> {
    article: &'a str,
    closeness: f64,
    end: u32,
    link: f64,
    start: u32,
    text: &'a str,
    tier: &'static str,
}

/// The clusters of `corpus`, sorted by reach (number of articles), then
/// position.
pub fn clusters_json(corpus: &Corpus) -> Vec<ClusterJson<'_>> {
    let p = find_passages(corpus, &PassageConfig::default());
    let round = |x: f32| (x as f64 * 1000.0).round() / 1000.0;
    p.clusters
        .iter()
        .map(|c| ClusterJson {
            articles: c.articles.iter().map(|&a| corpus.articles[a as usize].id()).collect(),
            core: c.core,
            id: c.id,
            key: c.key(corpus),
            members: (0..c.members.len())
                .filter_map(|i| collation_row(corpus, c, c.core as usize, i))
                .map(|r| {
                    let a = &corpus.articles[r.member.article as usize];
                    MemberJson {
                        article: a.id(),
                        closeness: round(r.closeness),
                        end: r.member.span.end,
                        link: round(r.link),
                        start: r.member.span.start,
                        text: a.slice(r.member.span),
                        tier: r.tier.name(),
                    }
                })
                .collect(),
        })
        .collect()
}
