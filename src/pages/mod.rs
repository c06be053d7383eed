//! Route targets: they read the data and the URL state and turn them into
//! props for the components.

pub mod articles;
