//! `ladder` as a library: the model, the commands and the renderers behind the `ladder` binary
//! (and the fuzz targets in `fuzz/`).

pub mod cli;
pub mod cmd;
pub mod compare;
pub mod embedded;
pub mod exit;
pub mod files;
pub mod handbook;
pub mod import;
pub mod ladder_toml;
pub mod load;
pub mod model;
#[cfg(test)]
mod proptests;
pub mod render;
pub mod resolve;
pub mod search;
pub mod similarity;
pub mod source;
pub mod style;
pub mod term;
pub mod text;
pub mod validate;
pub mod view;
