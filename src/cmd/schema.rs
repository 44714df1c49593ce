//! `ladder schema [file|json]`: the JSON Schema of the ladder file format, generated from the
//! types the loader reads, or of the `--format json` documents, generated from the types the
//! JSON renderer writes; built only when asked for, so no other command pays for it.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::{SchemaArgs, SchemaOf};
use crate::exit::Exit;
use crate::model;
use crate::render;

/// Prints the schema asked for.
pub fn run(ctx: &Context, args: &SchemaArgs, out: &mut impl Write) -> Result<Exit> {
    ctx.only_format("schema", "a JSON Schema", None)?;
    let schema = match args.of {
        SchemaOf::File => model::file_schema(),
        SchemaOf::Json => render::output_schema(),
    };
    render::schema(out, &schema)?;
    Ok(Exit::Success)
}
