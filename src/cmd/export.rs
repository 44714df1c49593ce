//! `ladder export DIR`: the ladder as a Markdown handbook, one page per role and an index.

use std::fs;
use std::io::Write;

use anyhow::{Context as _, Result, bail};

use super::Context;
use crate::cli::ExportArgs;
use crate::exit::Exit;
use crate::files;
use crate::handbook::{self, Handbook};
use crate::render;

/// Writes every page, each through a temporary file; refuses a non-empty directory without `--force`.
pub fn run(ctx: &Context, args: &ExportArgs, out: &mut impl Write) -> Result<Exit> {
    let ladder = ctx.ladder()?;
    let dir = &args.dir;
    let shown = files::shown(dir);
    match fs::metadata(dir) {
        Ok(meta) if !meta.is_dir() => bail!("cannot export into {shown:?}: it is not a directory"),
        Ok(_) => {
            let mut entries =
                fs::read_dir(dir).with_context(|| format!("cannot read directory {shown:?}"))?;
            if entries.next().is_some() && !args.force {
                bail!(
                    "refusing to export into {shown:?}: it is not empty; pass --force to write into it anyway"
                );
            }
        }
        Err(_) => {
            fs::create_dir_all(dir).with_context(|| format!("cannot create directory {shown:?}"))?
        }
    }
    let book = Handbook::of(ladder);
    // Render everything first: a page that cannot be rendered stops the export before any write.
    let mut pages: Vec<(String, String)> =
        vec![(handbook::INDEX.to_string(), render::index_page(&book))];
    for page in &book.pages {
        pages.push((page.file.clone(), render::role_page(&book, page)));
    }
    for (file, text) in &pages {
        files::write_atomic(&dir.join(file), text.as_bytes())?;
    }
    writeln!(out, "wrote {} pages to {shown}", pages.len())?;
    Ok(Exit::Success)
}
