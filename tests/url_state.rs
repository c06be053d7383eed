//! URL-state wiring in a real browser: the fragment drives what is shown,
//! and what the user does is written back to the fragment.
#![cfg(target_arch = "wasm32")]

use gloo::utils::{document, window};
use parallax::app::App;
use parallax_engine::facets::{Facet, FacetSelection, Filter};
use parallax_engine::query::Query;
use parallax_engine::search::matching_articles;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Sets the fragment without a history entry.
fn set_fragment(f: &str) {
    window().history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(f)).unwrap();
}

async fn settle() {
    for _ in 0..3 {
        yew::scheduler::flush().await;
        gloo::timers::future::TimeoutFuture::new(20).await;
    }
}

/// The session history's length after pruning forward entries that earlier
/// tests in this page may have left (a push prunes them), so that a later
/// `length()` counts exactly the entries added since.
fn history_length_without_forward_entries() -> u32 {
    let h = window().history().unwrap();
    let here = window().location().hash().unwrap();
    h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&here)).unwrap();
    h.length().unwrap()
}

struct Mounted {
    root: web_sys::Element,
    handle: Option<yew::AppHandle<App>>,
}

impl Mounted {
    async fn at(fragment: &str) -> Mounted {
        set_fragment(fragment);
        let root = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        let handle = yew::Renderer::<App>::with_root(root.clone()).render();
        settle().await;
        Mounted { root, handle: Some(handle) }
    }
    fn all(&self, testid: &str) -> Vec<web_sys::Element> {
        let list = self.root.query_selector_all(&format!("[data-testid=\"{testid}\"]")).unwrap();
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
    }
    fn one(&self, testid: &str) -> Option<web_sys::Element> {
        self.all(testid).into_iter().next()
    }
    fn row_ids(&self) -> Vec<String> {
        self.all("article-row").iter().filter_map(|r| r.get_attribute("data-article-id")).collect()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }
}

fn expected_ids(q: &str) -> Vec<String> {
    let data = parallax::data::load().expect("bundle loads");
    matching_articles(&data.corpus, &Query::parse(q))
        .into_iter()
        .map(|i| data.corpus.articles[i].id().to_string())
        .collect()
}

#[wasm_bindgen_test]
async fn the_fragment_selects_the_articles_shown() {
    let all = expected_ids("");
    let m = Mounted::at("#/").await;
    assert_eq!(m.row_ids(), all);
    drop(m);

    let want = expected_ids("aukus");
    assert!(!want.is_empty() && want.len() < all.len(), "the seeds have some but not all articles on AUKUS");
    let m = Mounted::at("#/?q=aukus").await;
    assert_eq!(m.row_ids(), want);
    let count = m.one("result-count").unwrap().text_content().unwrap();
    assert_eq!(count, format!("{} of {} articles", want.len(), all.len()));
    let input: web_sys::HtmlInputElement = m.one("search").unwrap().dyn_into().unwrap();
    assert_eq!(input.value(), "aukus");
}

#[wasm_bindgen_test]
async fn typing_a_word_is_one_history_entry() {
    let m = Mounted::at("#/").await;
    let before = history_length_without_forward_entries();
    let input: web_sys::HtmlInputElement = m.one("search").unwrap().dyn_into().unwrap();
    for typed in ["t", "ta", "taiwan"] {
        input.set_value(typed);
        let ev = web_sys::InputEvent::new("input").unwrap();
        input.dispatch_event(&ev).unwrap();
        settle().await;
    }
    assert_eq!(m.row_ids(), expected_ids("taiwan"), "the list follows at once");
    // The address bar follows once typing pauses.
    gloo::timers::future::TimeoutFuture::new(parallax::url::REPLACE_DELAY_MS + 100).await;
    assert_eq!(window().location().hash().unwrap(), "#/?q=taiwan");
    assert_eq!(
        window().history().unwrap().length().unwrap(),
        before + 1,
        "the first keystroke pushes, the rest replace"
    );
    assert_eq!(m.row_ids(), expected_ids("taiwan"));
}

#[wasm_bindgen_test]
async fn opening_an_article_is_a_link_and_back_closes_it() {
    let m = Mounted::at("#/").await;
    assert!(m.one("reader").is_none());
    let first = m.all("article-row").into_iter().next().unwrap();
    let id = first.get_attribute("data-article-id").unwrap();
    let link: web_sys::HtmlElement = first.query_selector("a").unwrap().unwrap().dyn_into().unwrap();
    link.click();
    settle().await;
    assert_eq!(window().location().hash().unwrap(), format!("#/?article={id}"));
    let reader = m.one("reader").expect("the reader opens");
    assert_eq!(reader.get_attribute("data-article-id").as_deref(), Some(id.as_str()));

    window().history().unwrap().back().unwrap();
    gloo::timers::future::TimeoutFuture::new(150).await;
    settle().await;
    assert!(m.one("reader").is_none(), "back closes the reader");
}

#[wasm_bindgen_test]
async fn a_bad_fragment_gives_a_notice_and_the_default_view() {
    let m = Mounted::at("#/?article=nope&boilerplate=maybe").await;
    let notice = m.one("notice").expect("a notice").text_content().unwrap();
    assert!(notice.contains("article=nope"), "{notice}");
    assert!(notice.contains("boilerplate=maybe"), "{notice}");
    assert_eq!(m.row_ids(), expected_ids(""));
    assert!(m.one("reader").is_none());
}

#[wasm_bindgen_test]
async fn a_fragment_without_a_leading_slash_does_not_blank_the_page() {
    let m = Mounted::at("#garbage?%%%").await;
    assert!(m.one("notice").is_some());
    assert_eq!(m.row_ids(), expected_ids(""));
}

#[wasm_bindgen_test]
async fn a_facet_in_the_fragment_selects_what_the_engine_selects_and_ticking_pushes() {
    let data = parallax::data::load().expect("bundle loads");
    let fx = data.facets();
    let all = fx.select(&Filter::default());
    let outlets = &all.groups.iter().find(|g| g.facet == Facet::Outlet).unwrap().values;
    let v = outlets.iter().find(|v| v.count > 0).expect("an outlet with articles");
    let want: Vec<String> = fx
        .select(&Filter { facets: FacetSelection::default().with(Facet::Outlet, [v.key.clone()]), ..Filter::default() })
        .articles
        .iter()
        .map(|&i| data.corpus.articles[i].id().to_string())
        .collect();
    let frag = parallax::query::encode(&parallax::query::ViewState {
        facets: FacetSelection::default().with(Facet::Outlet, [v.key.clone()]),
        ..Default::default()
    });
    let m = Mounted::at(&frag).await;
    assert_eq!(m.row_ids(), want);
    let boxes = m.all("facet-value");
    let ticked: Vec<_> =
        boxes.iter().filter_map(|b| b.dyn_ref::<web_sys::HtmlInputElement>()).filter(|b| b.checked()).collect();
    assert_eq!(ticked.len(), 1);
    assert_eq!(ticked[0].get_attribute("data-key").as_deref(), Some(v.key.as_str()));

    // Unticking it is a new history entry and brings every article back.
    let before = history_length_without_forward_entries();
    ticked[0].click();
    settle().await;
    assert_eq!(window().location().hash().unwrap(), "#/");
    assert_eq!(window().history().unwrap().length().unwrap(), before + 1);
    assert_eq!(m.row_ids().len(), data.corpus.articles.len());
}

/// The corpus is read in steps of a time budget: with none, one step of
/// reading (the seeds' whole bundle), then the facet table, then the data;
/// the same corpus as read at once.
#[wasm_bindgen_test]
fn the_corpus_is_read_in_steps_with_progress() {
    use parallax::data::{load, load_step, Load};
    let mut seen = Vec::new();
    let data = loop {
        match load_step(0.0) {
            Load::Reading(p) => seen.push(p),
            Load::Ready(d) => break d,
            Load::Failed(e) => panic!("{e}"),
        }
        assert!(seen.len() < 1000, "reading ends");
    };
    assert_eq!(seen.last(), Some(&100), "the facet table is a step of its own: {seen:?}");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "progress only grows: {seen:?}");
    let at_once = load().expect("bundle loads");
    assert!(*data.0 == *at_once.0, "the same bundle");
    assert_eq!(data.corpus.articles.len(), 5);
}

/// Work in slices from several places at once (the search index and the
/// facet column both yield): every run goes on to its end, in turns.
#[wasm_bindgen_test]
async fn slices_of_several_runs_at_once_all_finish() {
    use std::cell::RefCell;
    use std::rc::Rc;
    let log: Rc<RefCell<Vec<(u8, u32)>>> = Rc::default();
    for (run, slices) in [(0u8, 3u32), (1, 5), (2, 1)] {
        let log = log.clone();
        let mut n = 0;
        let _ = parallax::tasks::in_slices(move || {
            n += 1;
            log.borrow_mut().push((run, n));
            n < slices
        });
    }
    for _ in 0..50 {
        if log.borrow().len() == 9 {
            break;
        }
        parallax::tasks::next_task().await;
    }
    let log = log.borrow();
    for (run, slices) in [(0u8, 3u32), (1, 5), (2, 1)] {
        let mine: Vec<u32> = log.iter().filter(|(r, _)| *r == run).map(|(_, n)| *n).collect();
        assert_eq!(mine, (1..=slices).collect::<Vec<_>>(), "run {run} ran every slice once, in order: {log:?}");
    }
    // In turns: the first slices of all three before any second slice.
    assert_eq!(log[..3].iter().map(|(r, _)| *r).collect::<Vec<_>>(), vec![0, 1, 2], "{log:?}");
}
