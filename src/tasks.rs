//! Yielding to the browser between slices of long work.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// One channel for every yield, and the waiters in the order their
    /// messages were posted (messages arrive in that order).
    static CHANNEL: Option<Channel> = Channel::new();
}

struct Channel {
    port: web_sys::MessagePort,
    waiting: Rc<RefCell<VecDeque<js_sys::Function>>>,
    _on_message: Closure<dyn FnMut()>,
}

impl Channel {
    fn new() -> Option<Channel> {
        let ch = web_sys::MessageChannel::new().ok()?;
        let waiting: Rc<RefCell<VecDeque<js_sys::Function>>> = Rc::default();
        let on_message = {
            let waiting = waiting.clone();
            Closure::<dyn FnMut()>::new(move || {
                let next = waiting.borrow_mut().pop_front();
                if let Some(resolve) = next {
                    let _ = resolve.call0(&JsValue::UNDEFINED);
                }
            })
        };
        ch.port1().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Channel { port: ch.port2(), waiting, _on_message: on_message })
    }
}

/// Resolves in a task of its own, after the browser has had its chance to
/// render and handle input. A message to ourselves, unlike `setTimeout(0)`,
/// is never delayed to 4 ms (which nested timeouts are). Any number may
/// wait at once; they resume in the order they began to wait.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        CHANNEL.with(|ch| match ch {
            Some(ch) => {
                ch.waiting.borrow_mut().push_back(resolve.clone());
                if ch.port.post_message(&JsValue::UNDEFINED).is_err() {
                    ch.waiting.borrow_mut().pop_back();
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

/// Resolves at the browser's next frame (`requestAnimationFrame`), before
/// it is drawn; at once where there are no frames to wait for.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let asked = web_sys::window().and_then(|w| w.request_animation_frame(&resolve).ok());
        if asked.is_none() {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `then` in a task after the next frame has been drawn (the frame,
/// then [`next_task`]), unless the returned function is called first (an
/// effect's cleanup). For work that must not delay what the current task
/// changed from reaching the screen.
pub fn after_next_frame(then: impl FnOnce() + 'static) -> impl FnOnce() {
    let cancelled = Rc::new(Cell::new(false));
    let stop = cancelled.clone();
    wasm_bindgen_futures::spawn_local(async move {
        next_frame().await;
        next_task().await;
        if !cancelled.get() {
            then();
        }
    });
    move || stop.set(true)
}
