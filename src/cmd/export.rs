//! `ladder export DIR`: the ladder as a Markdown handbook, one page per role and an index; a
//! catalogue as one such folder per ladder and an index linking them.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::ExportArgs;
use crate::exit::Exit;
use crate::files;
use crate::handbook::Handbook;
use crate::render::{self, Format};

/// Renders every page (of every ladder of a catalogue folder, unless `--ladder` chose one), then has `files::write_folder` put the handbook in place whole;
/// refuses a non-empty directory without `--force`.
pub fn run(ctx: &Context, args: &ExportArgs, out: &mut impl Write) -> Result<Exit> {
    ctx.only_format("export", "a Markdown handbook", Some(Format::Markdown))?;
    // Every page is written out first: the folder is put in place whole or not at all.
    let (pages, ladders) = match ctx.loader.catalogue()? {
        Some(catalogue) => (
            render::handbook::catalogue_pages(catalogue),
            Some(catalogue.ladders.len()),
        ),
        None => (
            render::handbook::pages(&Handbook::of(ctx.loader.ladder()?)),
            None,
        ),
    };
    files::write_folder(&args.dir, &pages, args.force)?;
    render::exported(out, pages.len(), ladders, &args.dir)?;
    Ok(Exit::Success)
}
