//! `validate`: each finding as a compiler writes it, then a count, wrapped to the terminal.

use std::io::Write;

use anyhow::Result;

use super::layout::{display_width, wrap};
use crate::render::count;
use crate::style::Style;
use crate::validate::{SHOWN_FINDINGS, Severity, Validation, left_out, shown_in_all};

/// Each finding as a compiler writes it: the `FILE:LINE:COLUMN` line, then the source line
/// (if it shows anything) with a caret under the column; then a count. Every line is wrapped to `width`.
pub fn render(out: &mut impl Write, v: &Validation, style: &Style, width: usize) -> Result<()> {
    render_some(out, v, SHOWN_FINDINGS, style, width)
}

/// [`render`] showing at most `shown` of the file's findings.
fn render_some(
    out: &mut impl Write,
    v: &Validation,
    shown: usize,
    style: &Style,
    width: usize,
) -> Result<()> {
    for f in v.findings.iter().take(shown) {
        for line in wrap(&f.to_string(), width, "", "  ") {
            let line = match f.severity {
                Severity::Error => style.removed(&line),
                Severity::Warning => style.changed(&line),
            };
            writeln!(out, "{line}")?;
        }
        // A finding about the file as a whole (empty, unreadable, its id taken) has no line
        // to show; nor has one at an empty line, where a caret would point at nothing.
        if f.source_line.trim().is_empty() {
            continue;
        }
        let number = f.line.to_string();
        let gutter = " ".repeat(number.len());
        let room = width.saturating_sub(number.len() + 3).max(1);
        let pieces = pieces(&f.source_line, room);
        let last = pieces.len() - 1;
        for (i, (start, piece)) in pieces.iter().enumerate() {
            let label = if i == 0 { &number } else { &gutter };
            let shown = if i == last { piece } else { piece.trim_end() };
            writeln!(out, "{} | {shown}", style.muted(label))?;
            let end = start + piece.chars().count();
            // A caret past the end of the line (a missing value) goes after its last piece.
            if (*start..end).contains(&f.caret) || (i == last && f.caret >= end) {
                let before: String = piece.chars().take(f.caret - start).collect();
                writeln!(
                    out,
                    "{gutter} | {}{}",
                    " ".repeat(display_width(&before).min(room - 1)),
                    style.heading("^")
                )?;
            }
        }
    }
    summary(out, v, shown, style, width)
}

/// Each file of a catalogue as [`render`] writes one, a blank line between them, within one
/// bound on the findings of all files together; then what was left out, and the totals.
pub fn each(out: &mut impl Write, all: &[Validation], style: &Style, width: usize) -> Result<()> {
    let shown = shown_in_all(all);
    for (i, (v, n)) in all.iter().zip(&shown).enumerate() {
        let Some(n) = n else { break };
        if i > 0 {
            writeln!(out)?;
        }
        render_some(out, v, *n, style, width)?;
    }
    let (files, findings) = left_out(all, &shown);
    if files > 0 {
        let more = format!(
            "… and {} in {} more file{}",
            count(findings, "finding"),
            files,
            if files == 1 { "" } else { "s" }
        );
        let total = |s| all.iter().map(|v| v.count(s)).sum::<usize>();
        let count = format!(
            "{} files: {}, {}",
            all.len(),
            count(total(Severity::Error), "error"),
            count(total(Severity::Warning), "warning")
        );
        writeln!(out)?;
        for line in [more, count].iter().flat_map(|l| wrap(l, width, "", "  ")) {
            writeln!(out, "{}", style.muted(&line))?;
        }
    }
    Ok(())
}

/// A source line in pieces of at most `room` columns, broken after a space where there is one
/// (source is not prose: a run without spaces wider than the room is broken where it must),
/// each with the index of its first character so that the caret finds its piece.
fn pieces(line: &str, room: usize) -> Vec<(usize, String)> {
    let chars: Vec<char> = line.chars().collect();
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < chars.len() || pieces.is_empty() {
        let mut end = start;
        let mut used = 0;
        let mut last_space = None;
        while end < chars.len() {
            let w = display_width(chars[end].encode_utf8(&mut [0; 4]));
            if used + w > room && end > start {
                break;
            }
            used += w;
            if chars[end] == ' ' {
                last_space = Some(end + 1);
            }
            end += 1;
        }
        if end < chars.len() {
            end = last_space.filter(|&s| s > start).unwrap_or(end);
        }
        pieces.push((start, chars[start..end].iter().collect()));
        start = end;
    }
    pieces
}

/// How many findings were not shown, then the file's count of errors and warnings.
fn summary(
    out: &mut impl Write,
    v: &Validation,
    shown: usize,
    style: &Style,
    width: usize,
) -> Result<()> {
    let (errors, warnings) = (v.count(Severity::Error), v.count(Severity::Warning));
    if let Some(more) = v.findings.len().checked_sub(shown).filter(|&n| n > 0) {
        writeln!(
            out,
            "{}",
            style.muted(&format!("… and {}", count(more, "more finding")))
        )?;
    }
    let file = crate::text::escape_controls(&v.file);
    let count = format!(
        "{file}: {}, {}",
        count(errors, "error"),
        count(warnings, "warning")
    );
    for line in wrap(&count, width, "", "  ") {
        writeln!(out, "{}", style.muted(&line))?;
    }
    Ok(())
}
