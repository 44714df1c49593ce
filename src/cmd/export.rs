//! `ladder export DIR`: the ladder as a Markdown handbook, one page per role and an index.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::ExportArgs;
use crate::exit::Exit;
use crate::files;
use crate::handbook::{self, Handbook};
use crate::render::{self, Format};

/// Renders every page, then has `files::write_folder` put the handbook in place whole;
/// refuses a non-empty directory without `--force`.
pub fn run(ctx: &Context, args: &ExportArgs, out: &mut impl Write) -> Result<Exit> {
    ctx.only_format("export", "a Markdown handbook", Some(Format::Markdown))?;
    let ladder = ctx.ladder()?;
    let book = Handbook::of(ladder);
    // Every page is written out first: the folder is put in place whole or not at all.
    let pages = handbook::write::pages(&book);
    files::write_folder(&args.dir, &pages, args.force)?;
    render::exported(out, pages.len(), &args.dir)?;
    Ok(Exit::Success)
}
