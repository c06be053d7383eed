//! `parallax facets`: its filter options, and the articles the filter
//! selects, in the list's order, with every facet value and its count —
//! what the Articles view's facet column shows.

use std::collections::BTreeMap;

use clap::Args;
use parallax_engine::bundle::Bundle;
use parallax_engine::facets::{FacetSelection, FacetValue, Filter, Sort};
use parallax_engine::query::Query;
use serde::Serialize;

/// `parallax facets`' options: a filter and the list's sort.
#[derive(Debug, Default, Args)]
pub struct FacetsArgs {
    /// The articles to select.
    #[command(flatten)]
    filter: FilterArgs,
    /// id, date, outlet, length or shared; -KEY reverses
    #[arg(long, value_name = "KEY", allow_hyphen_values = true, value_parser = parse_sort)]
    sort: Option<Sort>,
}

/// The filter options: the search and the selected values of each facet
/// (repeat an option for more values), as the page's URL holds them.
#[derive(Debug, Default, Args)]
#[command(next_help_heading = "Filter")]
pub struct FilterArgs {
    /// The search text (stems, "phrases")
    #[arg(long = "q", value_name = "TEXT", allow_hyphen_values = true)]
    q: Option<String>,
    /// Select articles that mention this actor
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    actor: Vec<String>,
    /// Select articles that mention this issue
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    issue: Vec<String>,
    /// Select articles of this outlet
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    outlet: Vec<String>,
    /// Select articles of this event
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    event: Vec<String>,
    /// Select articles of this date
    #[arg(long, value_name = "YYYY-MM-DD", allow_hyphen_values = true)]
    date: Vec<String>,
    /// Select articles sharing a passage with this article
    #[arg(long, value_name = "ID", allow_hyphen_values = true)]
    shares: Vec<String>,
    /// Select articles carrying this passage cluster (its key, ARTICLE.SENTENCE)
    #[arg(long, value_name = "CLUSTER", allow_hyphen_values = true, value_parser = parse_cluster_key)]
    carries: Vec<String>,
}

/// `--carries KEY`: a cluster's key, `ARTICLE.SENTENCE` (as `passages
/// --clusters` names it).
fn parse_cluster_key(s: &str) -> Result<String, String> {
    match s.rsplit_once('.') {
        Some((id, n)) if !id.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => Ok(s.to_string()),
        _ => Err(format!("expected a cluster key ARTICLE.SENTENCE, as `passages --clusters` gives, not {s:?}")),
    }
}

/// `--sort KEY`: a sort key, `-KEY` reversed.
fn parse_sort(s: &str) -> Result<Sort, String> {
    Sort::parse(s).ok_or_else(|| format!("expected id, date, outlet, length or shared; -KEY reverses, not {s:?}"))
}

impl FilterArgs {
    /// The engine's filter for these options.
    pub fn filter(&self) -> Filter {
        let lists = [&self.actor, &self.issue, &self.outlet, &self.event, &self.date, &self.shares, &self.carries];
        let [a, i, o, e, d, s, carries] = lists.map(Clone::clone);
        Filter {
            query: Query::parse(self.q.as_deref().unwrap_or("")),
            facets: FacetSelection::from([a, i, o, e, d, s, carries]),
        }
    }
}

/// `{"articles": [ids], "facets": {key: [value]}, "total"}`: the output
/// of `parallax facets` (fields in alphabetical order, as it has always
/// printed them).
#[derive(Serialize)]
pub struct FacetsJson<'a> {
    articles: Vec<&'a str>,
    facets: BTreeMap<&'static str, Vec<ValueJson>>,
    total: usize,
}

/// One facet value: `{"count", "key", "label", "selected"}`.
#[derive(Serialize)]
struct ValueJson {
    count: usize,
    key: String,
    label: String,
    selected: bool,
}

impl From<FacetValue> for ValueJson {
    fn from(v: FacetValue) -> Self {
        ValueJson { count: v.count, key: v.key, label: v.label, selected: v.selected }
    }
}

/// The articles `args` selects, sorted as asked, and every facet's values.
pub fn json<'a>(bundle: &'a Bundle, args: &FacetsArgs) -> FacetsJson<'a> {
    let fx = bundle.facets();
    let sel = fx.select(&args.filter.filter());
    let mut order = sel.articles;
    fx.sort(&mut order, args.sort.unwrap_or_default());
    FacetsJson {
        articles: order.iter().map(|&i| bundle.corpus.articles[i].id()).collect(),
        facets: sel
            .groups
            .into_iter()
            .map(|g| (g.facet.key(), g.values.into_iter().map(ValueJson::from).collect()))
            .collect(),
        total: bundle.corpus.articles.len(),
    }
}
