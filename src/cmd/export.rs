//! `ladder export DIR`: the ladder as a Markdown handbook, one page per role and an index.

use std::io::Write;

use anyhow::Result;

use super::Context;
use crate::cli::ExportArgs;
use crate::exit::Exit;
use crate::files;
use crate::handbook::{self, Handbook};
use crate::render;

/// Renders every page, then has `files::write_folder` put the handbook in place whole;
/// refuses a non-empty directory without `--force`.
pub fn run(ctx: &Context, args: &ExportArgs, out: &mut impl Write) -> Result<Exit> {
    let ladder = ctx.ladder()?;
    let book = Handbook::of(ladder);
    // Render everything first: a page that cannot be rendered stops the export before any write.
    let mut pages: Vec<(String, String)> =
        vec![(handbook::INDEX.to_string(), render::index_page(&book))];
    for page in &book.pages {
        pages.push((page.file.clone(), render::role_page(&book, page)));
    }
    files::write_folder(&args.dir, &pages, args.force)?;
    render::exported(out, pages.len(), &args.dir)?;
    Ok(Exit::Success)
}
