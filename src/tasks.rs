//! Yielding to the browser between slices of long work.

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
