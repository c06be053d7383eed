//! `parallax facets`: the articles a filter selects, in the list's order,
//! and every facet value with its count — what the Articles view's facet
//! column shows.

use parallax_engine::bundle::Bundle;
use parallax_engine::facets::{Facet, Filter, Sort};
use parallax_engine::filter::Query;
use serde_json::{json, Map, Value};

/// The filter options: `--q TEXT`, `--sort KEY`, and one `--<facet> VALUE`
/// per selected value (`--actor`, `--issue`, `--outlet`, `--event`,
/// `--date`, `--shares`, `--carries`).
#[derive(Default)]
pub struct FilterArgs {
    pub q: String,
    pub sort: Option<String>,
    pub values: Vec<(Facet, String)>,
}

/// The facet an option names (`--outlet` → outlets), if any.
pub fn facet_option(opt: &str) -> Option<Facet> {
    Some(match opt {
        "--actor" => Facet::Actor,
        "--issue" => Facet::Issue,
        "--outlet" => Facet::Outlet,
        "--event" => Facet::Event,
        "--date" => Facet::Date,
        "--shares" => Facet::Shares,
        "--carries" => Facet::Carries,
        _ => return None,
    })
}

pub fn json(bundle: &Bundle, args: &FilterArgs) -> Result<Value, String> {
    let mut f = Filter { query: Query::parse(&args.q), ..Filter::default() };
    for (facet, v) in &args.values {
        match facet {
            Facet::Actor => f.actors.push(v.clone()),
            Facet::Issue => f.issues.push(v.clone()),
            Facet::Outlet => f.outlets.push(v.clone()),
            Facet::Event => f.events.push(v.clone()),
            Facet::Date => f.dates.push(v.clone()),
            Facet::Shares => f.shares.push(v.clone()),
            Facet::Carries => {
                f.carries.push(v.parse().map_err(|_| format!("--carries needs a cluster id, not {v:?}"))?)
            }
        }
    }
    let sort = match &args.sort {
        Some(s) => Sort::parse(s)
            .ok_or_else(|| format!("unknown sort {s:?}: id, date, outlet, length or shared, - reverses"))?,
        None => Sort::default(),
    };
    let fx = bundle.facets();
    let sel = fx.select(&f);
    let mut order = sel.articles.clone();
    fx.sort(&mut order, sort);
    let mut facets = Map::new();
    for g in &sel.groups {
        facets.insert(
            g.facet.key().to_string(),
            Value::Array(
                g.values
                    .iter()
                    .map(|v| json!({"key": v.key, "label": v.label, "count": v.count, "selected": v.selected}))
                    .collect(),
            ),
        );
    }
    Ok(json!({
        "total": bundle.corpus.articles.len(),
        "articles": order.iter().map(|&i| bundle.corpus.articles[i].id()).collect::<Vec<_>>(),
        "facets": facets,
    }))
}
