//! `ladder schema`: the JSON Schema of the ladder file format, generated from the types the
//! loader reads; built only when asked for, so no other command pays for it.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::exit::Exit;
use crate::model;

/// Prints the schema of a ladder file.
pub fn run(ctx: &Context, out: &mut impl Write) -> Result<Exit> {
    ctx.only_format("schema", "a JSON Schema", None)?;
    crate::render::schema(out, &model::file_schema())?;
    Ok(Exit::Success)
}
