//! One passage across every outlet that carries it: the collation table.
//!
//! Each row is one reading, compared with a base reading (the core's by
//! default, any row's on request: `base=` in the link), with its
//! closeness to the base and its tier. Counts and "Not carried by" are
//! the whole corpus's; readings the filters hide are counted, and one
//! link (`all=1`) shows them.

use std::rc::Rc;

use parallax_engine::passages::{CollationRow, PassageSide, Tier};
use parallax_engine::Article;
use yew::prelude::*;

use super::overview_state;
use super::pair::side_marks;
use crate::components::diff;
use crate::data::Data;
use crate::pages::articles::{date_label, scope_note, Filtered};
use crate::pages::stances::source_label;
use crate::pages::{first_named, member_table, paged};
use crate::query::{encode, View, ViewState};

/// Readings per page of a cluster's collation table.
const CLUSTER_ROWS: usize = 50;
/// Articles named in "Not carried by" (the rest are counted).
const MISSING_NAMED: usize = 30;
/// What a row's closeness means, for its tooltip and the legend.
const CLOSENESS: &str = "Closeness: the share of words this reading and the base have in common (compared on word stems). Copied: 60% or more; reworded: the same content in other words. Every reading is linked directly to the core reading.";

/// What [`cluster_view`] shows.
pub(super) struct ClusterViewProps {
    pub(super) state: Rc<ViewState>,
    pub(super) filtered: Rc<Filtered>,
    pub(super) cluster: AttrValue,
}

/// One cluster's collation (opened at its top: `a11y::use_view_effects`).
pub(super) fn cluster_view(data: &Data, props: &ClusterViewProps) -> Html {
    let st = &props.state;
    let corpus = &data.corpus;
    let Some(pos) = data.cluster_by_key(&props.cluster) else { return html! {} };
    let c = &data.passages.clusters[pos];
    let in_sel = member_table(corpus.articles.len(), props.filtered.indices.iter().copied());
    let visible = |a: u32| st.all || in_sel.get(a as usize).copied().unwrap_or(false);
    let shown_members = c.members.iter().filter(|m| visible(m.article)).count();
    let hidden = c.members.len() - shown_members;
    // The base: the article asked for, else the core, else the first shown.
    let wanted = st.base.as_deref().and_then(|b| {
        let id_of = |m: &parallax_engine::passages::PassageSide| corpus.articles[m.article as usize].id();
        c.members.iter().position(|m| id_of(m) == b).or_else(|| {
            // `<article>.<sentence>`: one of an article's two readings.
            let (id, s) = b.rsplit_once('.')?;
            let s: u32 = s.parse().ok()?;
            c.members.iter().position(|m| id_of(m) == id && m.sentences.start == s)
        })
    });
    let base = [wanted, Some(c.core as usize), c.members.iter().position(|m| visible(m.article))]
        .into_iter()
        .flatten()
        .find(|&i| visible(c.members[i].article))
        .unwrap_or(0);
    let (shown, more) = paged(st, shown_members, CLUSTER_ROWS, "readings", "collation-more");
    let rows: Vec<CollationRow> = if shown_members == 0 {
        Vec::new()
    } else {
        data.collation(pos, base, |m| visible(m.article)).take(shown).collect()
    };
    let carries = member_table(corpus.articles.len(), c.articles.iter().map(|&a| a as usize));
    let missing: Vec<usize> = (0..corpus.articles.len()).filter(|&i| !carries[i]).collect();
    let missing_sel = missing.iter().filter(|&&i| in_sel[i]).count();
    let carried_sel = c.articles.iter().filter(|&&a| in_sel[a as usize]).count();
    let narrowed = props.filtered.indices.len() < props.filtered.total;
    let twice = |a: u32| c.members.iter().filter(|m| m.article == a).count() > 1;
    let back = encode(&overview_state(st));
    html! {
        <div class="cluster-page" data-testid="cluster-view" data-cluster={c.key(corpus)}>
            <nav class="crumbs"><a href={back}>{ "← All pairs and clusters" }</a></nav>
            { scope_note(st, &props.filtered) }
            <h2 class="section-title">{ format!("One passage, {} versions", c.members.len()) }</h2>
            <p class="muted small" data-testid="carried-count">
                { format!("Carried by {} of the corpus's {} articles", c.articles.len(), corpus.articles.len()) }
                { if narrowed { format!("; {carried_sel} of them selected.") } else { ".".to_string() } }
            </p>
            { hidden_note(st, hidden) }
            <p class="muted small" data-testid="closeness-legend">{ "Each row is one article's reading, compared with the base reading. " }{ CLOSENESS }</p>
            { diff::collation_legend() }
            <table class="collation" data-testid="collation">
                <thead><tr><th scope="col">{ "Article" }</th><th scope="col">{ "Closeness" }</th><th scope="col">{ "Reading" }</th></tr></thead>
                <tbody>
                    { for rows.iter().map(|r| {
                        let reading = reading(data, r, &c.members[base]);
                        row(st, corpus.articles.get(r.member.article as usize), r, (r.index == c.core as usize, twice(r.member.article)), reading)
                    }) }
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{ "Not carried by" }</th>
                        <td colspan="2" data-testid="not-carried-by">
                            if missing.is_empty() { { "every article in the corpus carries it." } }
                            else {
                                { first_named(missing.iter().map(|&i| source_label(&corpus.articles[i])), missing.len(), MISSING_NAMED).join("; ") }
                                { if narrowed { format!(" ({missing_sel} of them selected)") } else { String::new() } }
                            }
                        </td>
                    </tr>
                </tfoot>
            </table>
            { more }
        </div>
    }
}

/// "N more versions hidden by your search — show them", or with `all=1`
/// the way back to the selected readings only.
fn hidden_note(st: &ViewState, hidden: usize) -> Html {
    let by = match (st.q.is_empty(), st.has_facets()) {
        (false, false) => "your search",
        (true, true) => "your filters",
        _ => "your search and filters",
    };
    let filtered = !st.q.is_empty() || st.has_facets();
    let (msg, link) = if st.all && filtered {
        (format!("Showing every version, including those outside {by}. "), "Show only the selected")
    } else if hidden > 0 && !st.all {
        (format!("{hidden} more version{} hidden by {by} — ", if hidden == 1 { "" } else { "s" }), "show them")
    } else {
        return Html::default();
    };
    let href = encode(&ViewState { all: !st.all, show: None, ..st.clone() });
    html! {
        <p class="note" data-testid="hidden-readings">{ msg }<a href={href} data-testid="show-hidden">{ link }</a></p>
    }
}

/// A reading's text as the collation shows it: copied, its differences
/// from the base; reworded, what it shares with the base (words and
/// concepts), the rest plain; the base's own row, unmarked.
fn reading(data: &Data, r: &CollationRow, base: &PassageSide) -> Html {
    let Some(art) = data.corpus.articles.get(r.member.article as usize) else { return Html::default() };
    let text = art.slice(r.member.span);
    if r.tier != Tier::Reworded {
        return diff::side(text, &r.ops, true);
    }
    let m = data.reading_marks(&r.member, base);
    let base_art = &data.corpus.articles[base.article as usize];
    let marks = side_marks(r.index, &m.a, (&m.b, base_art, "the base"), &None);
    diff::marked(text, r.member.span.start, &marks, false)
}

/// One reading of the collation: article `art`, its closeness and tier
/// to the base, whether it is the core and its article has two readings,
/// and its text as [`reading`] marks it.
fn row(st: &ViewState, art: Option<&Article>, r: &CollationRow, (core, twice): (bool, bool), reading: Html) -> Html {
    let Some(art) = art else { return Html::default() };
    let reader = encode(&ViewState {
        view: View::Articles,
        article: Some(art.id().to_string()),
        sentence: Some(r.member.sentences.start),
        pair: None,
        passage: None,
        ..st.without_cluster()
    });
    let pct = (r.closeness * 100.0).round() as u32;
    // An article with two readings names the one: `<article>.<sentence>`.
    let base = if twice { format!("{}.{}", art.id(), r.member.sentences.start) } else { art.id().to_string() };
    let as_base = encode(&ViewState { base: Some(base), ..st.clone() });
    let title = super::short(art.title(), 70);
    html! {
        <tr data-testid="collation-row" data-article-id={art.id().to_string()} data-start={r.member.span.start.to_string()} data-closeness={pct.to_string()} data-tier={r.tier.name()}>
            <th scope="row">
                <a href={reader}>{ source_label(art) }</a>
                <span class="art-meta">
                    { date_label(art) }{ " · " }{ title }
                    { if twice { format!(" · sentence {}", r.member.sentences.start + 1) } else { String::new() } }
                    { if core { " · core" } else { "" } }
                </span>
                if r.tier != Tier::Base { <a class="use-base" href={as_base} data-testid="use-as-base">{ "Use as base" }</a> }
            </th>
            <td class="closeness" title={CLOSENESS}>
                <span class="visually-hidden">{ "Closeness to the base: " }</span>
                { pct }{ "% " }
                <span class="tier">{ r.tier.name() }</span>
            </td>
            <td>{ reading }</td>
        </tr>
    }
}
