//! JSON shapes of `parallax passages`: shared passage pairs, clusters and
//! each pair's layout in rows (`--rows`).
//! Fields are declared in alphabetical order, the order the output has
//! always had.

use parallax_engine::bundle::Bundle;
use parallax_engine::passages::{
    aligned_share, collation_row, find_pair_sides, find_passages, MarkKind, PairItem, PassageConfig, PassageSide,
    PassageWithoutLinks, Placement, SentenceRange, Tier, WordMark,
};
use parallax_engine::{Article, Corpus, Span};
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

/// One passage shared by two articles: `{"a", "b", "score", "tier"}`.
#[derive(Serialize)]
struct PairJson<'a> {
    a: SideJson<'a>,
    b: SideJson<'a>,
    /// Rounded to three decimals.
    score: f64,
    /// `copied` (most words the same, in order: the share of equal stems
    /// reaches `COPIED_MIN_SAME`) or `reworded`, as the page's pair rows
    /// and collations say.
    tier: &'static str,
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
        let text = |s: &PassageSide| self.corpus.articles[s.article as usize].slice(s.span);
        s.collect_seq(self.pairs.iter().map(|p| PairJson {
            a: SideJson::new(self.corpus, &p.a),
            b: SideJson::new(self.corpus, &p.b),
            score: (p.score as f64 * 1000.0).round() / 1000.0,
            tier: Tier::of_share(aligned_share(text(&p.a), text(&p.b)).1).name(),
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

/// Sentences `first..end` of an article, bytes `start..stop` of its text.
#[derive(Serialize)]
struct RangeJson {
    end: u32,
    first: u32,
    start: u32,
    stop: u32,
}

fn ranges_json(art: &Article, v: &[SentenceRange]) -> Vec<RangeJson> {
    let at = |i: u32, f: fn(&Span) -> u32| art.sentences.get(i as usize).map_or(0, |s| f(&s.span));
    v.iter()
        .map(|r| RangeJson {
            end: r.end,
            first: r.start,
            start: at(r.start, |s| s.start),
            stop: at(r.end.max(1) - 1, |s| s.end),
        })
        .collect()
}

/// A marked word: `{"end", "id"?, "kind", "start"}` (bytes of its article).
#[derive(Serialize)]
struct MarkJson {
    end: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<u32>,
    kind: MarkKind,
    start: u32,
}

#[derive(Serialize)]
struct MarksJson {
    a: Vec<MarkJson>,
    b: Vec<MarkJson>,
}

/// A row of shared text, named `s` + A's first sentence as links name it.
#[derive(Serialize)]
struct RowJson {
    a: Vec<RangeJson>,
    b: Vec<RangeJson>,
    copied: bool,
    id: String,
    marks: MarksJson,
    passages: Vec<u32>,
    placement: Placement,
    /// Rounded to three decimals, as `score`.
    same: f64,
    score: f64,
}

#[derive(Serialize)]
struct GapJson {
    a: Vec<RangeJson>,
    b: Vec<RangeJson>,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum ItemJson {
    Row(RowJson),
    Gap(GapJson),
}

/// One pair as the pair view lays it out.
#[derive(Serialize)]
pub struct LayoutJson<'a> {
    a: &'a str,
    b: &'a str,
    items: Vec<ItemJson>,
}

fn round3(x: f32) -> f64 {
    (x as f64 * 1000.0).round() / 1000.0
}

/// Every pair that shares a passage (or only `pair`, ids in either
/// order), in (a, b) order, as rows and unshared stretches.
pub fn rows_json<'a>(bundle: &'a Bundle, pair: Option<&str>) -> Vec<LayoutJson<'a>> {
    let arts = &bundle.corpus.articles;
    let wanted = pair.and_then(|p| p.split_once(',')).map(|(x, y)| if x <= y { (x, y) } else { (y, x) });
    let marks = |v: &[WordMark]| -> Vec<MarkJson> {
        v.iter().map(|w| MarkJson { end: w.span.end, id: w.id, kind: w.kind, start: w.span.start }).collect()
    };
    bundle
        .pair_summaries
        .iter()
        .filter(|s| s.a != s.b)
        .map(|s| (s.a, s.b, &arts[s.a as usize], &arts[s.b as usize]))
        .filter(|(_, _, x, y)| wanted.is_none_or(|(i, j)| (x.id(), y.id()) == (i, j)))
        .map(|(ia, ib, x, y)| {
            let items = bundle
                .pair_layout(ia, ib)
                .items
                .iter()
                .map(|it| match it {
                    PairItem::Gap { a, b } => ItemJson::Gap(GapJson { a: ranges_json(x, a), b: ranges_json(y, b) }),
                    PairItem::Row(r) => {
                        let m = bundle.row_marks(ia, ib, r);
                        ItemJson::Row(RowJson {
                            a: ranges_json(x, &r.a),
                            b: ranges_json(y, &r.b),
                            copied: m.copied,
                            id: format!("s{}", r.first_a()),
                            marks: MarksJson { a: marks(&m.a), b: marks(&m.b) },
                            passages: r.passages.clone(),
                            placement: r.placement,
                            same: round3(m.same),
                            score: round3(r.score),
                        })
                    }
                })
                .collect();
            LayoutJson { a: x.id(), b: y.id(), items }
        })
        .collect()
}
