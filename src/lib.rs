//! Parallax, the Yew app: routes, pages and props-only components over the
//! analysis that `build.rs` compiled in. All analysis lives in
//! `parallax-engine`; this crate only renders it and keeps the view in the
//! URL.

pub mod a11y;
pub mod app;
pub mod components;
pub mod data;
pub mod pages;
pub mod panic;
pub mod query;
pub mod tasks;
pub mod url;

/// Entry point: install the panic panel, then render.
pub fn run() {
    panic::install();
    yew::Renderer::<app::App>::new().render();
}
