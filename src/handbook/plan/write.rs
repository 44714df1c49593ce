//! A plan written as TOML for a person to correct: each inferred choice under a comment that
//! says how it was inferred, strings written by the ladder's own TOML writer (so no text from
//! a page reaches a terminal raw when the plan is printed).

use std::io::{self, Write};

use super::{Choice, DimensionPlan, Fate, PagePlan, Plan, Reads, RolePlan, TrackPlan};
use crate::handbook::words::Words;
use crate::ladder_toml::{pair as field, string, strings_inline as strings};

/// Writes `plan`, read from the folder shown as `folder`.
pub fn write(plan: &Plan, folder: &str, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    let folder = one_line(folder);
    let what = match plan.reads {
        Reads::Pages(_) => "the handbook in",
        Reads::Sheet => "the sheet",
    };
    writeln!(out, "# How `ladder import` reads {what} {folder}.")?;
    writeln!(
        out,
        "# Correct what is wrong, then import by it: ladder import {folder} --plan PLAN"
    )?;
    writeln!(out, "# The comments say how each choice was inferred.")?;
    writeln!(out)?;
    comment(&plan.name.how, out)?;
    write!(out, "name = ")?;
    string(&plan.name.value, out)?;
    writeln!(out)?;
    writeln!(out)?;
    comment(&plan.levels.how, out)?;
    write!(out, "levels = ")?;
    strings(&plan.levels.value, out)?;
    writeln!(out)?;
    for track in &plan.tracks {
        self::track(track, out)?;
    }
    for dimension in &plan.dimensions {
        self::dimension(dimension, out)?;
    }
    if !plan.pages.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "# The pages in ladder order: the role each becomes, or why it is left out (skip)."
        )?;
    }
    for page in &plan.pages {
        self::page(page, &plan.reads, out)?;
    }
    match &plan.reads {
        Reads::Pages(words) => blocks(words, out),
        Reads::Sheet => Ok(()),
    }
}

fn track(track: &Choice<TrackPlan>, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    writeln!(out)?;
    comment(&track.how, out)?;
    writeln!(out, "[[track]]")?;
    field("id", &track.value.id, out)?;
    field("name", &track.value.name, out)
}

fn dimension(d: &Choice<DimensionPlan>, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    writeln!(out)?;
    comment(&d.how, out)?;
    writeln!(out, "[[dimension]]")?;
    field("id", &d.value.id, out)?;
    field("name", &d.value.name, out)?;
    if let Some(emoji) = &d.value.emoji {
        field("emoji", emoji, out)?;
    }
    write!(out, "headings = ")?;
    strings(&d.value.headings, out)?;
    writeln!(out)?;
    write!(out, "labels = ")?;
    strings(&d.value.labels, out)?;
    writeln!(out)
}

/// The words that tell blocks apart, under the rules that need no words.
fn blocks(words: &Words, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    const RULES: &[&str] = &[
        "How each block of a page is read. The first paragraph or quote under the title is",
        "the role's summary (unless every page opens with the same one); `**Label**: value`",
        "lines, bullets and two-column table rows above the first section are attributes; a",
        "list or line of links only is navigation, left out; every other bullet, paragraph and",
        "table cell is a statement of its section's dimension, or an example under a heading",
        "or label below. Words are compared without case or a trailing colon; a `*` at the",
        "end matches any ending. A key left out keeps these defaults; `[]` means none.",
    ];
    writeln!(out)?;
    for line in RULES {
        writeln!(out, "# {line}")?;
    }
    writeln!(out, "[blocks]")?;
    let lists: [(&str, &str, &[String]); 3] = [
        (
            "Headings below a section's, and labels, whose blocks are examples.",
            "examples",
            &words.examples,
        ),
        (
            "Headings that end a page's content: what follows them is links, left out.",
            "end",
            &words.end,
        ),
        (
            "First headers of two-column tables whose rows are attributes in any section.",
            "attribute_tables",
            &words.attribute_tables,
        ),
    ];
    for (how, key, list) in lists {
        comment(how, out)?;
        write!(out, "{key} = ")?;
        strings(list, out)?;
        writeln!(out)?;
    }
    Ok(())
}

fn page(page: &PagePlan, reads: &Reads, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    writeln!(out)?;
    match &page.fate {
        Fate::Role(role) => {
            comment(&role.how, out)?;
            writeln!(out, "[[page]]")?;
            field("file", &page.file, out)?;
            self::role(&role.value, out)
        }
        Fate::Skip(why) => {
            writeln!(out, "[[page]]")?;
            field("file", &page.file, out)?;
            field("skip", why, out)
        }
        Fate::Parts(parts) => {
            let how = match reads {
                Reads::Pages(_) => "Several levels on one page: a role for each level heading.",
                Reads::Sheet => "The sheet: a role for each row, its heading the row's first cell.",
            };
            comment(how, out)?;
            writeln!(out, "[[page]]")?;
            field("file", &page.file, out)?;
            for part in parts {
                comment(&part.role.how, out)?;
                writeln!(out, "[[page.part]]")?;
                field("heading", &part.heading, out)?;
                self::role(&part.role.value, out)?;
            }
            Ok(())
        }
    }
}

fn role(role: &RolePlan, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    field("role", &role.id, out)?;
    field("title", &role.title, out)?;
    field("level", &role.level, out)?;
    write!(out, "tracks = ")?;
    strings(&role.tracks, out)?;
    writeln!(out)
}

/// `# how`, when there is a how: on one line, its control characters escaped.
fn comment(how: &str, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    if how.is_empty() {
        return Ok(());
    }
    writeln!(out, "# {}", one_line(how))
}

fn one_line(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    crate::text::escape_controls(&flat).into_owned()
}
