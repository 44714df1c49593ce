//! The embedded ladder: `data/ladder.toml` as `build.rs` loaded and validated it, carried as
//! one pointer-free blob (`ladder_core::blob`) and decoded at run time, without parsing TOML.

use crate::load::OneRole;
use crate::model::Ladder;

/// The blob `build.rs` wrote: plain bytes, so nothing in it is relocated at start.
const BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ladder.blob"));

/// The embedded Security Operations ladder.
pub fn ladder() -> Ladder {
    // build.rs wrote it with the encoder of this very crate, after loading and checking it.
    ladder_core::blob::decode(BLOB).expect("build.rs writes a blob that decodes")
}

/// The embedded ladder's head and its role with exactly this id, the other roles left
/// undecoded; `None` when no role has this id.
pub fn one_role(id: &str) -> Option<OneRole> {
    ladder_core::blob::one_role(BLOB, id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    #[test]
    fn the_embedded_ladder_is_the_data_file_loaded() {
        let loaded = Ladder::load(&Document::embedded()).expect("data/ladder.toml loads");
        assert_eq!(crate::embedded::ladder(), loaded);
    }
}
