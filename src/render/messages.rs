//! The lines commands print outside their reports: `list --ids`, what `export` and `import`
//! wrote, the line that registers completion, and the words of `import`'s warnings and notes,
//! one line each, as compilers write them: `FILE:LINE: warning: ...`, then `note: ...`; after
//! the last of a kind said, how many more like it there were. A page is named as it opens
//! from the current directory (`handbook/L1.md`), never by its path inside the folder alone.

use std::collections::HashMap;
use std::io::Write;
use std::mem::discriminant;
use std::path::Path;

use anyhow::Result;

use super::Manual;
use crate::files;
use crate::view::{PerLadder, RoleList};

use crate::handbook::import::Imported;
use crate::handbook::warning::{Note, SHOWN_PER_KIND, SheetShape, Warning, WarningKind};
use crate::text::{cut_middle, escape_controls, quoted};

/// Writes one role id per line and nothing else, for `ladder list --ids`.
pub fn ids(out: &mut impl Write, list: &RoleList<'_>) -> Result<()> {
    for row in &list.rows {
        writeln!(out, "{}", row.role.id)?;
    }
    Ok(())
}

/// Writes one `LADDER/ROLE` per line, for `ladder list --ids` over a catalogue.
pub fn qualified_ids(out: &mut impl Write, list: &PerLadder<'_, RoleList<'_>>) -> Result<()> {
    for (head, roles) in &list.ladders {
        for row in &roles.rows {
            writeln!(out, "{}/{}", head.id.unwrap_or_default(), row.role.id)?;
        }
    }
    Ok(())
}

/// The line `ladder export` prints once the handbook is in place, whatever the format.
pub fn exported(
    out: &mut impl Write,
    pages: usize,
    ladders: Option<usize>,
    dir: &Path,
) -> Result<()> {
    let dir = files::shown(dir);
    match ladders {
        Some(1) => writeln!(out, "wrote {pages} pages of 1 ladder to {dir}")?,
        Some(ladders) => writeln!(out, "wrote {pages} pages of {ladders} ladders to {dir}")?,
        None => writeln!(out, "wrote {pages} pages to {dir}")?,
    }
    Ok(())
}

/// What `ladder import` says about how it read a handbook: its warnings, then its notes, one
/// line each and the first of each kind only, with how many more (for stderr, whatever the
/// format).
pub fn import_messages(out: &mut impl Write, imported: &Imported) -> Result<()> {
    import(out, imported)
}

/// What `evidence --output FILE` says once the file is written, as `export` says what it
/// wrote.
pub fn wrote(out: &mut impl Write, path: &Path) -> Result<()> {
    writeln!(out, "wrote {}", files::shown(path))?;
    Ok(())
}

/// What `init` asks on a terminal for what its flags leave out: the ladder's name (Enter takes
/// the one made from the file's name), then each list with the answer Enter takes.
pub const ASK_NAME: &str = "Name of the ladder";
pub const ASK_LEVELS: (&str, &str) = ("Level ids, lowest first", "L1,L2,L3");
pub const ASK_TRACKS: (&str, &str) = ("Tracks (career paths)", "Main");
pub const ASK_DIMENSIONS: (&str, &str) = ("Dimensions", "Craft,Collaboration");

/// What `init` says on stderr when the schema beside the new ladder is an older one, which it
/// leaves alone without `--force`.
pub fn schema_kept(out: &mut impl Write, path: &Path) -> Result<()> {
    let shown = files::shown(path);
    writeln!(
        out,
        "note: {shown} was there already and differs from this version's schema; kept \
         (`ladder schema > {shown}` replaces it)"
    )?;
    Ok(())
}

/// What `--data -` says on stderr when standard input is a terminal, before it waits for the
/// ladder to be typed or pasted.
pub fn reading_stdin(out: &mut impl Write) -> Result<()> {
    writeln!(
        out,
        "reading a ladder from standard input (end with Ctrl-D)"
    )?;
    Ok(())
}

/// The line that registers completion in a shell's start-up file (see
/// [`Shell::registration`](crate::cli::Shell::registration)), for `ladder completions SHELL`.
pub fn completion_line(out: &mut impl Write, line: &str) -> Result<()> {
    writeln!(out, "{line}")?;
    Ok(())
}

/// The last line `ladder import` prints: what it read and made of it.
pub fn imported(
    out: &mut impl Write,
    ladder: Option<&str>,
    t: &crate::handbook::import::Tally,
) -> Result<()> {
    if let Some(id) = ladder {
        write!(out, "{id}: ")?;
    }
    writeln!(
        out,
        "read {}: {}, {}, {}; {}",
        super::count(t.pages, if t.sheet { "sheet" } else { "page" }),
        super::count(t.roles, "role"),
        super::count(t.statements, "statement"),
        super::count(t.examples, "example"),
        super::count(t.warnings, "warning"),
    )?;
    Ok(())
}

/// The line `ladder import --plan-out` ends with: how many pages the plan it wrote reads (or
/// that it reads a sheet).
pub fn plan_written(out: &mut impl Write, pages: usize, sheet: bool, path: &Path) -> Result<()> {
    let s = if pages == 1 { "" } else { "s" };
    let what = if sheet {
        "the sheet".to_string()
    } else {
        format!("{pages} page{s}")
    };
    writeln!(out, "wrote the plan of {what} to {}", files::shown(path))?;
    Ok(())
}

/// The note `ladder import` gives when a folder could be one ladder or a catalogue: which it
/// read it as (`ladders` is how many, for a catalogue).
pub fn import_found(out: &mut impl Write, dir: &Path, ladders: Option<usize>) -> Result<()> {
    let dir = files::shown(dir);
    match ladders {
        Some(1) => writeln!(out, "note: {dir} is a catalogue of 1 ladder")?,
        Some(n) => writeln!(out, "note: {dir} is a catalogue of {n} ladders")?,
        None => writeln!(out, "note: {dir} is one ladder")?,
    }
    Ok(())
}

/// The manual page (roff) of a built clap command and all its subcommands, for `ladder man`.
pub fn man(out: &mut impl Write, cmd: &clap::Command, manual: &Manual<'_>) -> Result<()> {
    super::man::render(out, cmd, manual)
}

/// The manual page of the ladder file format (roff), ladder-format(5), from its Markdown, for
/// `ladder man format`.
pub fn man_format(out: &mut impl Write, markdown: &str) -> Result<()> {
    super::man::format_page(out, markdown)
}

/// How many names a note lists (the roles of a track, the headings read as a dimension)
/// before it says how many more there are.
const SHOWN_NAMES: usize = 10;

/// Writes every warning kept, then the first notes of each kind. They quote file names and
/// page text: each text is quoted and cut ([`quoted`]), each page named from the folder as
/// typed and cut in the middle ([`Imported::shown`]), and each line escaped whole, so nothing
/// of it reaches the terminal raw and no line is long.
pub fn import(out: &mut impl Write, imported: &Imported) -> Result<()> {
    for warning in imported.warnings.iter() {
        writeln!(out, "{}", escape_controls(&warning_line(warning, imported)))?;
        more_like_this(out, warning.more)?;
    }
    let notes = &imported.notes;
    let mut of_kind: HashMap<_, usize> = HashMap::new();
    for note in notes {
        *of_kind.entry(discriminant(note)).or_default() += 1;
    }
    let mut said: HashMap<_, usize> = HashMap::new();
    for note in notes {
        let n = said.entry(discriminant(note)).or_default();
        *n += 1;
        if *n <= SHOWN_PER_KIND {
            writeln!(out, "note: {}", escape_controls(&note_text(note, imported)))?;
        }
        if *n == SHOWN_PER_KIND {
            more_like_this(out, of_kind[&discriminant(note)] - SHOWN_PER_KIND)?;
        }
    }
    Ok(())
}

/// The line after the last message of a kind said, when more were met.
fn more_like_this(out: &mut impl Write, more: usize) -> Result<()> {
    if more > 0 {
        writeln!(out, "… and {more} more like this")?;
    }
    Ok(())
}

fn warning_line(w: &Warning, imported: &Imported) -> String {
    let page = imported.shown(&w.page);
    let at = match w.line {
        Some(line) => format!("{page}:{line}"),
        None => page,
    };
    let more = match w.repeats {
        0 => String::new(),
        1 => " (and on 1 more page)".to_string(),
        n => format!(" (and on {n} more pages)"),
    };
    format!("{at}: warning: {}{more}", warning_text(&w.kind))
}

fn warning_text(kind: &WarningKind) -> String {
    match kind {
        WarningKind::NotARegularFile { folder } => {
            format!("not a regular file inside {folder}; skipped without reading it")
        }
        WarningKind::MissingPage => "the index links to this page, which does not exist".to_string(),
        WarningKind::NoIndex => "no README.md index page; the ladder's name, attributes and dimensions come from the level pages".to_string(),
        WarningKind::NotALevelPage => "no `# LEVEL: Title` heading; the page is not a level page and was skipped".to_string(),
        WarningKind::Code(line) => format!("could not place code {}", quoted(line)),
        WarningKind::Heading(text) => format!(
            "heading {} is a sub-heading, not a dimension: what follows it is read into the section it sits in",
            quoted(text)
        ),
        WarningKind::Text(text) => format!("could not place {}", quoted(text)),
        WarningKind::NumberedItem(text) => format!(
            "could not place numbered item {}: it is not a link to a level page",
            quoted(text)
        ),
        WarningKind::HtmlTable => "an HTML table is not read: its text is left out (a Markdown table, or a list, is read)".to_string(),
        WarningKind::NoLevelPrefix { heading, level } => format!(
            "heading {} has no `LEVEL:` prefix; took level {} from the file name",
            quoted(heading),
            quoted(level)
        ),
        WarningKind::PageNotInPlan => {
            "the plan does not name this page; it was left out (add it to the plan to read it)".to_string()
        }
        WarningKind::RowNotInPlan(first) => format!(
            "the plan does not name row {}; it was left out (add it as a [[page.part]] to read it)",
            quoted(first)
        ),
        WarningKind::HeadingNotInPlan(heading) => format!(
            "the plan reads heading {} as no dimension; its text was left out",
            quoted(heading)
        ),
        WarningKind::UndefinedAttribute(label) => format!(
            "attribute {} is not defined on the index page; added without a meaning",
            quoted(label)
        ),
        WarningKind::UndefinedDimension { name, alone } => format!(
            "dimension {} is not on the index page{}; added as a dimension of its own",
            quoted(name),
            if *alone { " and no other page has it" } else { "" }
        ),
        WarningKind::NoValue(attribute) => format!("no value for attribute {}", quoted(attribute)),
        WarningKind::LinkTargets(attribute) => format!(
            "attribute {} keeps the text of its links but not their targets",
            quoted(attribute)
        ),
        WarningKind::NoExamples(dimension) => {
            format!("dimension {} has no examples", quoted(dimension))
        }
        WarningKind::NoSummary => "no quoted self-description after the heading; the summary is left as the title".to_string(),
        WarningKind::FrontMatter(problem) => format!(
            "the front matter is not YAML ({}); its title is not read",
            crate::text::cut(problem)
        ),
        WarningKind::NoBase => "no base ladder (--data FILE): the names of its attributes, dimensions, themes, bands and tracks are made from their ids, and the meanings of attributes and bands are placeholders".to_string(),
        WarningKind::NotInBase { what, id, name } => format!(
            "{what} {} is not in the base ladder; added{}",
            quoted(id),
            name.as_ref().map_or(String::new(), |n| format!(" as {}", quoted(n)))
        ),
        WarningKind::TrackLeftOut(id) => format!(
            "no role of the sheet is on track {} of the base ladder; the track is left out",
            quoted(id)
        ),
        WarningKind::Cut {
            what,
            text,
            chars,
            max,
        } => format!(
            "the {what} {} has {chars} characters; cut to the {max} {} {what} may have",
            quoted(text),
            crate::validate::limits::a(what)
        ),
    }
}

/// A note's words; `imported` names the pages (see [`import`]).
fn note_text(note: &Note, imported: &Imported) -> String {
    let named = |page: &str| imported.shown(page);
    match note {
        Note::MappedAttribute {
            label,
            attribute,
            page,
            line,
        } => format!(
            "mapped attribute label {} to {} ({}:{line})",
            quoted(label),
            quoted(attribute),
            named(page)
        ),
        Note::InferredTrack { id, roles, .. } => {
            format!(
                "inferred track {}: {}",
                crate::text::cut(id),
                track_roles(roles)
            )
        }
        // Quoted, not cut as [`quoted`] cuts a text: the path is bounded, and it ends in the
        // page's name.
        Note::NotALevel { page, why } => format!("left out \"{}\": {why}", named(page)),
        Note::AboveLevels { page, line } => format!(
            "{}:{line}: the text above the page's first level belongs to no level; left out",
            named(page)
        ),
        Note::ProsePage { page } => format!(
            "{} has prose only: its first paragraph is the role's summary, and it sets no expectations",
            named(page)
        ),
        Note::PlainPage { page, level, more } => format!(
            "{} has no `# LEVEL Title` heading: its first line is the title, level {} comes from the file name{}",
            named(page),
            quoted(level),
            match more {
                0 => String::new(),
                n => format!(" (and so for {n} more pages)"),
            }
        ),
        Note::Sheet { file, shape } => sheet_note(&named(file), shape),
        Note::MappedDimension {
            dimension,
            headings,
        } => {
            let mut quoted_headings: Vec<String> = headings
                .iter()
                .take(SHOWN_NAMES)
                .map(|h| quoted(h))
                .collect();
            if headings.len() > SHOWN_NAMES {
                quoted_headings.push(format!("and {} more", headings.len() - SHOWN_NAMES));
            }
            format!(
                "read section{} {} as dimension {}",
                if headings.len() == 1 { "" } else { "s" },
                quoted_headings.join(", "),
                quoted(dimension)
            )
        }
        Note::Navigation { page, links, ended } => {
            navigation_text(&named(page), *links, ended.as_ref())
        }
        Note::Overview {
            dimension,
            page,
            pages,
        } => format!(
            "read the text above the first section as dimension {} on {}{}",
            quoted(dimension),
            named(page),
            match pages - 1 {
                0 => String::new(),
                1 => " and 1 more page".to_string(),
                n => format!(" and {n} more pages"),
            }
        ),
        Note::Boilerplate { text, pages } => format!(
            "all {pages} pages open with {}: left out as boilerplate, not each role's summary",
            quoted(text)
        ),
        Note::FiledByLabel {
            statements,
            dimensions,
        } => {
            let named: Vec<String> = dimensions
                .iter()
                .take(SHOWN_NAMES)
                .map(|d| quoted(d))
                .collect();
            let more = match dimensions.len().saturating_sub(SHOWN_NAMES) {
                0 => String::new(),
                n => format!(" and {n} more"),
            };
            format!(
                "filed {statements} statement{} under the dimension {} {}{more}",
                if *statements == 1 { "" } else { "s" },
                if *statements == 1 {
                    "its label names:"
                } else {
                    "their label names:"
                },
                named.join(", ")
            )
        }
    }
}

/// What a page (as named) left out as navigation: links, and what follows a heading that
/// ended it.
fn navigation_text(page: &str, links: usize, ended: Option<&(String, usize)>) -> String {
    let links = match links {
        0 => None,
        1 => Some("1 link".to_string()),
        n => Some(format!("{n} links")),
    };
    match (links, ended) {
        (Some(links), None) => format!("{page}: left out {links} as navigation"),
        (Some(links), Some((heading, line))) => format!(
            "{page}: left out {links} as navigation, and what follows heading {} (line {line})",
            quoted(heading)
        ),
        (None, Some((heading, line))) => format!(
            "{page}: left out what follows heading {} (line {line}) as navigation",
            quoted(heading)
        ),
        (None, None) => format!("{page}: left out nothing as navigation"),
    }
}

/// Which shape of spreadsheet `import` read, and where what it cannot hold came from.
fn sheet_note(file: &str, shape: &SheetShape) -> String {
    match shape {
        SheetShape::Long { base } => format!(
            "{file} is a long sheet (one row per statement, as `show --all --format tsv` writes it); {}",
            match base {
                Some(base) => format!(
                    "the rest of the ladder (its about text, meanings, names, emoji and tracks) comes from {}",
                    cut_middle(base)
                ),
                None => "no base ladder was given".to_string(),
            }
        ),
        SheetShape::Wide { roles, dimensions } => format!(
            "{file} is a wide sheet: one role per level row ({roles}), one dimension per column ({dimensions}), each paragraph or bullet of a cell a statement; the summaries are the titles"
        ),
    }
}

/// A track's roles joined by arrows; a long track as its first and last few, with how many
/// lie between.
fn track_roles(roles: &[String]) -> String {
    let cut = |id: &String| crate::text::cut(id).into_owned();
    if roles.len() <= SHOWN_NAMES {
        return roles.iter().map(cut).collect::<Vec<_>>().join(" → ");
    }
    let half = SHOWN_NAMES / 2;
    let head: Vec<String> = roles[..half].iter().map(cut).collect();
    let tail: Vec<String> = roles[roles.len() - half..].iter().map(cut).collect();
    format!(
        "{} → … {} more → {}",
        head.join(" → "),
        roles.len() - SHOWN_NAMES,
        tail.join(" → ")
    )
}
