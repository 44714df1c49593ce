//! The words of `ladder import`'s warnings and notes, one line each, as compilers write
//! them: `FILE:LINE: warning: ...`, then `note: ...`.

use std::io::Write;

use anyhow::Result;

use crate::handbook::warning::{Note, Warning, WarningKind};
use crate::text::escape_controls;

/// Writes every warning, then every note. They quote file names and page text: each line is
/// escaped whole, so nothing of it reaches the terminal raw.
pub fn import(out: &mut impl Write, warnings: &[Warning], notes: &[Note]) -> Result<()> {
    for warning in warnings {
        writeln!(out, "{}", escape_controls(&warning_line(warning)))?;
    }
    for note in notes {
        writeln!(out, "note: {}", escape_controls(&note_text(note)))?;
    }
    Ok(())
}

fn warning_line(w: &Warning) -> String {
    let at = match w.line {
        Some(line) => format!("{}:{line}", w.page),
        None => w.page.clone(),
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
        WarningKind::Code(line) => format!("could not place code {:?}", escape_controls(line)),
        WarningKind::Heading(text) => format!(
            "heading {text:?} is a sub-heading, not a dimension: what follows it is read into the section it sits in"
        ),
        WarningKind::Text(text) => format!("could not place {text:?}"),
        WarningKind::NumberedItem(text) => format!(
            "could not place numbered item {text:?}: it is not a link to a level page"
        ),
        WarningKind::BulletBeforeDimensions(text) => format!(
            "could not place {text:?}: a bullet before the first dimension that is not `**Attribute**: value`"
        ),
        WarningKind::NoLevelPrefix { heading, level } => format!(
            "heading {heading:?} has no `LEVEL:` prefix; took level {level:?} from the file name"
        ),
        WarningKind::NotListed => {
            "the index does not list this page; it comes after those it lists".to_string()
        }
        WarningKind::UndefinedAttribute(label) => format!(
            "attribute {label:?} is not defined on the index page; added without a meaning"
        ),
        WarningKind::UndefinedDimension { name, alone } => format!(
            "dimension {name:?} is not on the index page{}; added as a dimension of its own",
            if *alone { " and no other page has it" } else { "" }
        ),
        WarningKind::NoValue(attribute) => format!("no value for attribute {attribute:?}"),
        WarningKind::LinkTargets(attribute) => format!(
            "attribute {attribute:?} keeps the text of its links but not their targets"
        ),
        WarningKind::NoExamples(dimension) => format!("dimension {dimension:?} has no examples"),
        WarningKind::NoSummary => "no quoted self-description after the heading; the summary is left as the title".to_string(),
        WarningKind::FrontMatter(problem) => format!(
            "the front matter is not YAML ({}); its title is not read",
            crate::text::cut(problem)
        ),
    }
}

fn note_text(note: &Note) -> String {
    match note {
        Note::MappedAttribute {
            label,
            attribute,
            page,
            line,
        } => format!("mapped attribute label {label:?} to {attribute:?} ({page}:{line})"),
        Note::InferredTrack { id, roles, .. } => {
            format!("inferred track {id}: {}", roles.join(" → "))
        }
        Note::ProsePage { page } => format!(
            "{page} has prose only: its first paragraph is the role's summary, and it sets no expectations"
        ),
        Note::PlainPage { page, level, more } => format!(
            "{page} has no `# LEVEL Title` heading: its first line is the title, level {level:?} comes from the file name{}",
            match more {
                0 => String::new(),
                n => format!(" (and so for {n} more pages)"),
            }
        ),
        Note::MappedDimension {
            dimension,
            headings,
        } => {
            let quoted: Vec<String> = headings.iter().map(|h| format!("{h:?}")).collect();
            format!(
                "read section{} {} as dimension {dimension:?}",
                if headings.len() == 1 { "" } else { "s" },
                quoted.join(", ")
            )
        }
    }
}
