//! The compiled-in analysis (see `build.rs`): the only file that knows
//! where it comes from.

use std::cell::RefCell;
use std::rc::Rc;

use parallax_engine::bundle::{Bundle, BundleReader};
use parallax_engine::facets::FacetTableBuilder;
use parallax_engine::search::{SearchIndex, SearchIndexBuilder};
use yew::prelude::*;

static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundle.bin"));

/// Shared, cheaply compared handle on the bundle.
#[derive(Clone)]
pub struct Data(pub Rc<Bundle>);

impl PartialEq for Data {
    fn eq(&self, other: &Data) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Data {
    type Target = Bundle;
    fn deref(&self) -> &Bundle {
        &self.0
    }
}

/// Reads the whole compiled-in corpus at once.
pub fn load() -> Result<Data, String> {
    BundleReader::read(BUNDLE).map(|b| Data(Rc::new(b))).map_err(cannot_read)
}

fn cannot_read(e: String) -> String {
    format!("the compiled-in corpus cannot be read: {e}")
}

/// Where reading the compiled-in corpus stands (see [`load_step`]).
pub enum Load {
    /// Per cent done.
    Reading(u8),
    Ready(Data),
    Failed(String),
}

enum Reading {
    Bundle(Box<BundleReader<'static>>),
    /// Read; its facet table (which the first view needs) is being built.
    Table(Data, Box<FacetTableBuilder>),
    /// Read, with its facet table.
    Ready(Data),
}

thread_local! {
    static READING: RefCell<Option<Reading>> = const { RefCell::new(None) };
}

/// Bytes per reader step: about a millisecond's work (reading, and
/// tokenising the articles read).
const BYTES_PER_STEP: usize = 16 * 1024;
/// Items (articles, clusters) per facet table step: well under a millisecond.
const TABLE_ITEMS_PER_STEP: usize = 256;
/// Of the progress shown, the part that is reading (the rest: the table).
const READ_SHARE: usize = 90;

/// Reads the compiled-in corpus and builds its facet table for about
/// `budget_ms` milliseconds. Small corpora are ready within the first call;
/// 5,000 articles (35 MB) take a few hundred milliseconds, in steps, the
/// page showing the progress. The call that finishes the work returns
/// `Reading(100)` and the next one the data, so that the first render is a
/// task of its own.
pub fn load_step(budget_ms: f64) -> Load {
    let start = js_sys::Date::now();
    READING.with(|cell| {
        let mut slot = cell.borrow_mut();
        let mut state = match slot.take() {
            // Handed over once: a later call reads the corpus again.
            Some(Reading::Ready(data)) => return Load::Ready(data),
            Some(state) => state,
            None => match BundleReader::new(BUNDLE) {
                Ok(r) => Reading::Bundle(Box::new(r)),
                Err(e) => return Load::Failed(cannot_read(e)),
            },
        };
        loop {
            let pct;
            (state, pct) = match state {
                Reading::Bundle(mut reader) => match reader.step(BYTES_PER_STEP) {
                    Err(e) => return Load::Failed(cannot_read(e)),
                    Ok(true) => match (*reader).finish() {
                        Ok(b) => {
                            let builder = FacetTableBuilder::new(b.table_source());
                            (Reading::Table(Data(Rc::new(b)), Box::new(builder)), READ_SHARE)
                        }
                        Err(e) => return Load::Failed(cannot_read(e)),
                    },
                    Ok(false) => {
                        let (done, total) = reader.progress();
                        (Reading::Bundle(reader), READ_SHARE * done / total.max(1))
                    }
                },
                Reading::Table(data, mut builder) => {
                    if builder.step(data.table_source(), TABLE_ITEMS_PER_STEP) {
                        data.set_table(builder.finish(data.table_source()));
                        *slot = Some(Reading::Ready(data));
                        return Load::Reading(100);
                    }
                    let pct = READ_SHARE + (99 - READ_SHARE) * builder.done() / builder.total().max(1);
                    (Reading::Table(data, builder), pct)
                }
                Reading::Ready(data) => {
                    *slot = Some(Reading::Ready(data));
                    return Load::Reading(100);
                }
            };
            if js_sys::Date::now() - start >= budget_ms {
                *slot = Some(state);
                return Load::Reading(pct.min(99) as u8);
            }
        }
    })
}

/// A stored corpus smaller than this is read before the first paint,
/// however long that takes (for the seeds, 36 KB, some 20–60 ms on a slow
/// machine, most of it tokenising: see `bundle::DERIVE_TOKENS_BELOW`):
/// drawing a progress bar and then the page would cost more than the
/// reading. Larger ones show their progress.
const READ_AT_ONCE_BELOW: usize = 64 * 1024;

/// [`load_step`] until the corpus is ready or `budget_ms` is spent: the
/// seeds and small corpora are ready within the first call.
pub fn load_for(budget_ms: f64) -> Load {
    let budget_ms = if BUNDLE.len() < READ_AT_ONCE_BELOW { f64::INFINITY } else { budget_ms };
    let start = js_sys::Date::now();
    loop {
        let load = load_step(budget_ms);
        if !matches!(load, Load::Reading(_)) || js_sys::Date::now() - start >= budget_ms {
            return load;
        }
    }
}

#[hook]
pub fn use_data() -> Data {
    // <App> provides it before anything that calls this is rendered.
    use_context::<Data>().expect("Data is provided by <App>")
}

thread_local! {
    /// The search index being built in steps (see [`search_step`]).
    static BUILDER: RefCell<Option<SearchIndexBuilder>> = const { RefCell::new(None) };
}

/// Articles per builder step: small enough that one step stays well under
/// a millisecond, so the time budget is kept.
const ARTICLES_PER_STEP: usize = 25;

/// Builds the search index for about `budget_ms` milliseconds. Returns the
/// progress in per cent while work remains, None once the index is there.
/// Called between frames, so that building it at 5,000 articles (a few
/// hundred milliseconds) never blocks the page for long.
pub fn search_step(data: &Data, budget_ms: f64) -> Option<u8> {
    if data.search_ready() {
        return None;
    }
    let start = js_sys::Date::now();
    BUILDER.with(|cell| {
        let mut slot = cell.borrow_mut();
        let b = slot.get_or_insert_with(|| SearchIndexBuilder::new(&data.corpus));
        loop {
            if b.step(&data.corpus, ARTICLES_PER_STEP) {
                let b = slot.take().expect("the builder is there");
                data.set_search(b.finish(&data.corpus));
                return None;
            }
            if js_sys::Date::now() - start >= budget_ms {
                return Some((100 * b.done() / b.total().max(1)).min(99) as u8);
            }
        }
    })
}

/// The search index, finishing its build now if it is not done (a search
/// typed before the background build ended).
pub fn search(data: &Data) -> &SearchIndex {
    if !data.search_ready() {
        if let Some(b) = BUILDER.with(|cell| cell.borrow_mut().take()) {
            data.set_search(b.finish(&data.corpus));
        }
    }
    data.search()
}
