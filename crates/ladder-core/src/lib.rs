//! The core of `ladder`: the model of a ladder, reading it from TOML, and checking it. Shared by
//! the `ladder` crate and its build script, which validates the embedded ladder and encodes it.

pub mod blob;
pub mod document;
pub mod ladder_toml;
pub mod load;
pub mod model;
pub mod text;
pub mod validate;
