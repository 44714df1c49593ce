//! `validate`: each finding as a compiler writes it, then a count.

use std::io::Write;

use anyhow::Result;

use super::layout::display_width;
use crate::style::Style;
use crate::validate::{SHOWN_FINDINGS, Severity, Validation};

/// Each finding as a compiler writes it: the `FILE:LINE:COLUMN` line, then the source line
/// with a caret under the column; then a count.
pub fn render(out: &mut impl Write, v: &Validation, style: &Style) -> Result<()> {
    for f in v.findings.iter().take(SHOWN_FINDINGS) {
        let line = f.to_string();
        writeln!(
            out,
            "{}",
            match f.severity {
                Severity::Error => style.removed(&line),
                Severity::Warning => style.changed(&line),
            }
        )?;
        let number = f.line.to_string();
        let gutter = " ".repeat(number.len());
        writeln!(out, "{} | {}", style.muted(&number), f.source_line)?;
        let before: String = f.source_line.chars().take(f.caret).collect();
        writeln!(
            out,
            "{gutter} | {}{}",
            " ".repeat(display_width(&before)),
            style.heading("^")
        )?;
    }
    summary(out, v, style)
}

/// How many findings were not shown, then the file's count of errors and warnings.
fn summary(out: &mut impl Write, v: &Validation, style: &Style) -> Result<()> {
    let (errors, warnings) = (v.count(Severity::Error), v.count(Severity::Warning));
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if let Some(more) = v
        .findings
        .len()
        .checked_sub(SHOWN_FINDINGS)
        .filter(|&n| n > 0)
    {
        writeln!(
            out,
            "{}",
            style.muted(&format!("… and {}", plural(more, "more finding")))
        )?;
    }
    let file = crate::text::escape_controls(&v.file);
    writeln!(
        out,
        "{}",
        style.muted(&format!(
            "{file}: {}, {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        ))
    )?;
    Ok(())
}
