//! Yielding to the browser between slices of long work.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsValue;

thread_local! {
    /// One channel for every yield (only one is awaited at a time).
    static CHANNEL: Option<web_sys::MessageChannel> = web_sys::MessageChannel::new().ok();
}

/// Resolves in a task of its own, after the browser has had its chance to
/// render and handle input. A message to ourselves, unlike `setTimeout(0)`,
/// is never delayed to 4 ms (which nested timeouts are).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        CHANNEL.with(|ch| match ch {
            Some(ch) => {
                ch.port1().set_onmessage(Some(&resolve));
                if ch.port2().post_message(&JsValue::UNDEFINED).is_err() {
                    let _ = resolve.call0(&JsValue::UNDEFINED);
                }
            }
            None => {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `slice` in tasks of its own, one after another (each after
/// [`next_task`]), until it returns false or the returned function is
/// called (an effect's cleanup).
pub fn in_slices(mut slice: impl FnMut() -> bool + 'static) -> impl FnOnce() {
    let cancelled = Rc::new(Cell::new(false));
    let stop = cancelled.clone();
    wasm_bindgen_futures::spawn_local(async move {
        loop {
            next_task().await;
            if cancelled.get() || !slice() {
                break;
            }
        }
    });
    move || stop.set(true)
}
