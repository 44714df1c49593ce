//! The JSON Schema (draft 2020-12) of a ladder file, generated from the types the loader reads:
//! a key the types do not know, a missing one or a value of the wrong shape fails it, and
//! each key is described by its type's doc comment.

use schemars::Schema;

use super::Ladder;

/// The schema of a whole ladder file.
pub fn file_schema() -> Schema {
    let mut schema = schemars::schema_for!(Ladder);
    schema.insert("title".into(), "A ladder file".into());
    schema
}
