//! Props-only views: no data access, no URL access; everything arrives as
//! props and leaves as callbacks or links.

pub mod article_list;
pub mod diff;
pub mod facet_panel;
pub mod grid;
pub mod notices;
pub mod reader;
pub mod stance_matrix;
pub mod text;
pub mod topbar;
