//! `ladder` as a library: the model, the commands and the renderers behind the `ladder` binary
//! (and the fuzz targets in `fuzz/`).

// The model, loading and validation live in the `ladder-core` crate (which build.rs uses too);
// they keep their paths here, `crate::model` and the rest.
pub use ladder_core::{document, ladder_toml, load, model, text, validate};

pub mod browse;
pub mod cli;
pub mod cmd;
pub mod embedded;
pub mod exit;
pub mod files;
pub mod handbook;
pub mod outline;
pub mod pager;
#[cfg(test)]
mod proptests;
pub mod query;
pub mod render;
pub mod source;
pub mod style;
pub mod term;
pub mod view;
