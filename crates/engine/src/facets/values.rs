//! Each facet's values (key and label, in display order) and the values
//! each article carries: what [`super::FacetTable`] is built from.

use super::table::{SlotLookup, TableSource};
use super::{Facet, UNKNOWN};
use crate::model::Article;

/// An article's outlet, as the facet files it.
fn outlet_key(a: &Article) -> &str {
    a.meta.outlet.as_deref().unwrap_or(UNKNOWN)
}
/// An article's event, as the facet files it.
fn event_key(a: &Article) -> &str {
    a.meta.event.as_deref().unwrap_or(UNKNOWN)
}
/// An article's date, as the facet files it.
fn date_key(a: &Article) -> &str {
    a.meta.date.as_deref().unwrap_or(UNKNOWN)
}

impl TableSource<'_> {
    /// Appends facet `f`'s values from its items `range` (see
    /// [`super::FacetTableBuilder`]: articles for "shares", clusters for
    /// "carries"; the other facets have one item, all their values).
    pub(super) fn compute_values(&self, f: Facet, range: std::ops::Range<usize>, out: &mut Vec<(String, String)>) {
        let c = self.corpus;
        let distinct = |key: fn(&Article) -> &str| {
            let mut v: Vec<&str> = c.articles.iter().map(key).collect();
            crate::sort::ord(&mut v);
            v.dedup();
            v
        };
        if range.is_empty() {
            return;
        }
        match f {
            Facet::Actor => out.extend(self.lexicon.actors.iter().map(|a| (a.name.clone(), a.name.clone()))),
            Facet::Issue => out.extend(self.lexicon.issues.iter().map(|i| (i.name.clone(), i.name.clone()))),
            Facet::Outlet => out.extend(
                distinct(outlet_key)
                    .into_iter()
                    .map(|o| (o.to_string(), if o == UNKNOWN { "unknown outlet".into() } else { o.to_string() })),
            ),
            Facet::Event => {
                // In order of first date, as `Corpus::events`; unknown last.
                let mut ev: Vec<String> = c.events().into_iter().map(str::to_string).collect();
                if c.articles.iter().any(|a| a.meta.event.is_none()) {
                    ev.push(UNKNOWN.to_string());
                }
                out.extend(ev.into_iter().map(|e| {
                    let label = if e == UNKNOWN { "unknown event".to_string() } else { e.clone() };
                    (e, label)
                }))
            }
            Facet::Date => out.extend(
                distinct(date_key)
                    .into_iter()
                    .map(|d| (d.to_string(), if d == UNKNOWN { "date unknown".into() } else { d.to_string() })),
            ),
            Facet::Shares => out.extend(
                c.articles[range.clone()]
                    .iter()
                    .zip(range)
                    .filter(|(_, i)| self.index.shares.get(*i).is_some_and(|s| !s.is_empty()))
                    .map(|(a, _)| {
                        let label = match &a.meta.outlet {
                            Some(o) => format!("{} ({o})", a.title()),
                            None => a.title().to_string(),
                        };
                        (a.id().to_string(), label)
                    }),
            ),
            Facet::Carries => out.extend(self.passages.clusters[range].iter().map(|cl| {
                use std::fmt::Write;
                let text = cl.members.first().map(|m| c.articles[m.article as usize].slice(m.span)).unwrap_or("");
                // The first 60 characters; "…" if cut.
                let cut = text.char_indices().nth(60).map_or(text.len(), |(i, _)| i);
                let mut label = String::with_capacity(cut + 16);
                let _ = write!(label, "“");
                if cut < text.len() {
                    label.push_str(text[..cut].trim_end());
                    label.push('…');
                } else {
                    label.push_str(text);
                }
                label.push('”');
                (cl.key(c), label)
            })),
        }
    }

    /// Is `key` a value of facet `f` (cheaper than searching its values)?
    pub(super) fn has_value(&self, f: Facet, key: &str) -> bool {
        let c = self.corpus;
        match f {
            Facet::Actor => self.lexicon.actors.iter().any(|a| a.name == key),
            Facet::Issue => self.lexicon.issues.iter().any(|i| i.name == key),
            Facet::Outlet => c.articles.iter().any(|a| outlet_key(a) == key),
            Facet::Event => c.articles.iter().any(|a| event_key(a) == key),
            Facet::Date => c.articles.iter().any(|a| date_key(a) == key),
            Facet::Shares => c.index_of(key).is_some_and(|i| self.index.shares.get(i).is_some_and(|s| !s.is_empty())),
            Facet::Carries => self.passages.clusters.iter().any(|cl| cl.key(c) == key),
        }
    }

    /// Value slots (indices into `values(f)`) article `ai` carries, each
    /// once (the index lists are sorted and deduplicated).
    pub(super) fn article_slots(
        &self,
        f: Facet,
        ai: usize,
        values: &[Vec<(String, String)>; 7],
        lookup: &SlotLookup,
        out: &mut Vec<usize>,
    ) {
        out.clear();
        let a = &self.corpus.articles[ai];
        let keys = &values[f as usize];
        let find = |k: &str| keys.binary_search_by(|(x, _)| x.as_str().cmp(k)).ok();
        match f {
            Facet::Actor => out.extend(self.index.actors.get(ai).into_iter().flatten().map(|&x| x as usize)),
            Facet::Issue => out.extend(self.index.issues.get(ai).into_iter().flatten().map(|&x| x as usize)),
            Facet::Outlet => out.extend(find(outlet_key(a))),
            Facet::Date => out.extend(find(date_key(a))),
            Facet::Event => {
                // The first slot of that name (as a scan in slot order finds).
                let key = event_key(a);
                let i = lookup.event.partition_point(|&s| keys[s].0.as_str() < key);
                out.extend(lookup.event.get(i).filter(|&&s| keys[s].0 == key));
            }
            Facet::Shares => {
                // Values are the articles that share anything, in corpus
                // order: the slot of article `o` is its rank among them.
                for &o in self.index.shares.get(ai).into_iter().flatten() {
                    out.extend(lookup.share.get(o as usize).copied().flatten());
                }
            }
            Facet::Carries => {
                for &cl in self.index.carries.get(ai).into_iter().flatten() {
                    out.extend(lookup.cluster.get(&cl).copied());
                }
            }
        }
    }
}
