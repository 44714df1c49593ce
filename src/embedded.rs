//! The embedded ladder, compiled from `data/ladder.toml` by `build.rs`: validated when the
//! binary is built, and built from Rust code at run time, without parsing TOML.

use std::collections::BTreeMap;

use crate::model::{
    Attribute, Band, Dimension, Discipline, Expectation, Ladder, Role, RoleDimension, Theme, Track,
};

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The embedded Security Operations ladder.
pub fn ladder() -> Ladder {
    compiled()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    #[test]
    fn the_compiled_ladder_is_the_data_file_loaded() {
        let loaded = Ladder::load(&Source::embedded()).expect("data/ladder.toml loads");
        assert_eq!(crate::embedded::ladder(), loaded);
    }
}
