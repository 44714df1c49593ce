//! The terminal format: tables and wrapped text for people; the only place that knows comfy-table.

use std::io::Write;

use anyhow::Result;
use comfy_table::{Cell, ColumnConstraint, ContentArrangement, Table, Width, presets};

use super::Report;
use crate::compare::{Comparison, Mark};
use crate::search::{Field, Hits};
use crate::style::Style;
use crate::term::Terminal;
use crate::validate::{Severity, Validation};
use crate::view::{RoleList, RoleView, Structure, TrackList};

/// Wrapped prose never runs wider than this, even on a wide terminal.
const PROSE_WIDTH: usize = 100;

/// Below this many columns for the summary, `list` puts each summary under its role instead.
const MIN_SUMMARY: usize = 40;

/// Writes the report as text laid out for `term`.
pub fn render(
    out: &mut impl Write,
    report: &Report<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    match report {
        Report::List(list) => role_list(out, list, style, term),
        Report::Show(view) => role(out, view, style, term),
        Report::Diff(comparison) => diff(out, comparison, style, term),
        Report::Search(hits) => search(out, hits, style, term),
        Report::Tracks(list) => tracks(out, list, style),
        Report::Dimensions(structure) => dimensions(out, structure, style, term),
        Report::Validation(v) => validation(out, v, style),
    }
}

/// Each finding as a compiler writes it: the `FILE:LINE:COLUMN` line, then the source line
/// with a caret under the column; then a count.
fn validation(out: &mut impl Write, v: &Validation, style: &Style) -> Result<()> {
    for f in &v.findings {
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
        let before: String = f
            .source_line
            .chars()
            .take(f.column.saturating_sub(1))
            .collect();
        writeln!(
            out,
            "{gutter} | {}{}",
            " ".repeat(display_width(&before)),
            style.heading("^")
        )?;
    }
    let (errors, warnings) = (v.count(Severity::Error), v.count(Severity::Warning));
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
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

fn role_list(
    out: &mut impl Write,
    list: &RoleList<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    let rows: Vec<[String; 5]> = list
        .rows
        .iter()
        .map(|row| {
            let tracks: Vec<&str> = row.tracks.iter().map(|t| t.id.as_str()).collect();
            [
                row.role.level.clone(),
                row.role.id.clone(),
                row.role.title.clone(),
                tracks.join(", "),
                row.role.summary.clone(),
            ]
        })
        .collect();
    let header = ["Level", "Role", "Title", "Tracks", "Summary"];
    let widest = |i: usize| {
        rows.iter()
            .map(|r| display_width(&r[i]))
            .chain([header[i].len()])
            .max()
            .unwrap_or(0)
    };
    // Levels, ids, titles and tracks never wrap; the summary needs room to be worth a column.
    let fixed: usize = (0..4).map(|i| widest(i) + 2).sum();
    if usize::from(term.width) >= fixed + MIN_SUMMARY {
        let mut table = plain_table(term);
        table.set_header(header.into_iter().map(|h| Cell::new(style.heading(h))));
        for [level, id, title, tracks, summary] in &rows {
            table.add_row([
                Cell::new(level),
                Cell::new(style.id(id)),
                Cell::new(title),
                Cell::new(tracks),
                Cell::new(summary),
            ]);
        }
        for i in 0..4 {
            if let Some(column) = table.column_mut(i) {
                column.set_constraint(ColumnConstraint::ContentWidth);
            }
        }
        tighten(&mut table);
        writeln!(out, "{}", trim_lines(&table.to_string()))?;
        return Ok(());
    }
    // Too narrow for five columns: each role takes a line for level, id and tracks, and
    // its title and summary follow underneath, wrapped, as cargo search does.
    let bare = |i: usize| rows.iter().map(|r| display_width(&r[i])).max().unwrap_or(0);
    let (level_w, id_w) = (bare(0), bare(1));
    let indent = " ".repeat(level_w + 2);
    for [level, id, title, tracks, summary] in &rows {
        let pad = |s: &str, w: usize| " ".repeat(w.saturating_sub(display_width(s)));
        writeln!(
            out,
            "{level}{}  {}{}  {tracks}",
            pad(level, level_w),
            style.id(id),
            pad(id, id_w)
        )?;
        let text = format!("{title}: {summary}");
        for line in wrap(&text, prose_width(term), &indent, &indent) {
            writeln!(out, "{}", style.muted(&line))?;
        }
    }
    Ok(())
}

fn role(out: &mut impl Write, view: &RoleView<'_>, style: &Style, term: &Terminal) -> Result<()> {
    let width = prose_width(term);
    let role = view.role;
    let tracks: Vec<&str> = view.tracks.iter().map(|t| t.id.as_str()).collect();
    writeln!(out, "{}", style.heading(&role.heading()))?;
    let tracks = match tracks.as_slice() {
        [] => "on no track".to_string(),
        [one] => format!("track {one}"),
        many => format!("tracks {}", many.join(", ")),
    };
    writeln!(
        out,
        "{} · level {} · {tracks}",
        style.id(&role.id),
        role.level
    )?;
    writeln!(out)?;
    for line in wrap(&role.summary, width, "", "") {
        writeln!(out, "{line}")?;
    }

    writeln!(out)?;
    writeln!(out, "{}", style.heading("Attributes"))?;
    let mut table = plain_table(term);
    // The table sits two columns in, under the heading.
    table.set_width((width - 2) as u16);
    for (attribute, value) in &view.attributes {
        table.add_row([
            Cell::new(style.muted(&attribute.name)),
            Cell::new(value.unwrap_or("—")),
        ]);
    }
    tighten(&mut table);
    for line in trim_lines(&table.to_string()).lines() {
        writeln!(out, "  {line}")?;
    }

    for dv in &view.dimensions {
        writeln!(out)?;
        writeln!(out, "{}", style.heading(&dv.dimension.label()))?;
        writeln!(out, "  {}", style.muted("Expectations"))?;
        for (_, text) in &dv.expectations {
            for line in wrap(text, width, "  • ", "    ") {
                writeln!(out, "{line}")?;
            }
        }
        if !dv.examples.is_empty() {
            writeln!(out, "  {}", style.muted("Examples"))?;
            for text in dv.examples {
                for line in wrap(text, width, "  • ", "    ") {
                    writeln!(out, "{line}")?;
                }
            }
        }
    }
    Ok(())
}

fn diff(out: &mut impl Write, c: &Comparison<'_>, style: &Style, term: &Terminal) -> Result<()> {
    let (a, b) = (c.from, c.to);
    writeln!(
        out,
        "{} → {}",
        style.heading(&a.heading()),
        style.heading(&b.heading())
    )?;
    writeln!(out, "A = {}   B = {}", style.id(&a.id), style.id(&b.id))?;
    writeln!(
        out,
        "{}",
        [Mark::Added, Mark::Changed, Mark::Removed, Mark::Unchanged]
            .iter()
            .map(|m| paint(style, *m, &format!("{} {}", symbol(*m), legend(*m))))
            .collect::<Vec<_>>()
            .join("   ")
    )?;

    // Three columns: the label, then A and B sharing what is left.
    let total = usize::from(term.width);
    let label = (total / 5).clamp(12, 24);
    // Four borders and a space of padding each side of three columns: ten columns of chrome.
    let side = (total.saturating_sub(label + 10) / 2).max(12);
    let grid = |first: &str| {
        let mut table = Table::new();
        table
            .load_style(presets::UTF8_FULL)
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_header([
                Cell::new(style.heading(first)),
                Cell::new(heading_lines(style, &a.heading(), side)),
                Cell::new(heading_lines(style, &b.heading(), side)),
            ]);
        for (i, w) in [label, side, side].into_iter().enumerate() {
            if let Some(column) = table.column_mut(i) {
                // The fixed width counts the padding of one space each side.
                column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(w as u16 + 2)));
            }
        }
        table
    };

    writeln!(out)?;
    writeln!(out, "{}", style.heading("Attributes"))?;
    let mut table = grid("Attribute");
    for change in &c.attributes {
        let cell =
            |value: Option<&str>| block(style, change.mark, &[value.unwrap_or("—")], side, false);
        table.add_row([
            block(style, change.mark, &[&change.attribute.name], label, true),
            cell(change.from),
            cell(change.to),
        ]);
    }
    writeln!(out, "{table}")?;

    for dc in &c.dimensions {
        writeln!(out)?;
        writeln!(out, "{}", style.heading(&dc.dimension.label()))?;
        if dc.themes.is_empty() {
            writeln!(
                out,
                "  {}",
                style.muted("Neither role lists an expectation here.")
            )?;
            continue;
        }
        let mut table = grid("Theme");
        for tc in &dc.themes {
            let name = tc.theme.map_or("(no theme)", |t| t.name.as_str());
            let cell = |items: &[crate::compare::Marked<'_>]| {
                let mut lines = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        lines.push(String::new());
                    }
                    lines.extend(marked_lines(style, item.mark, item.text, side));
                }
                Cell::new(lines.join("\n"))
            };
            table.add_row([
                block(style, tc.mark, &[name], label, true),
                cell(&tc.from),
                cell(&tc.to),
            ]);
        }
        writeln!(out, "{table}")?;
    }

    writeln!(out)?;
    let n = c.theme_counts();
    writeln!(
        out,
        "{}",
        style.muted(&format!(
            "Themes: {} new at B, {} grow, {} no longer listed, {} unchanged.",
            n.added, n.changed, n.removed, n.unchanged
        ))
    )?;
    Ok(())
}

fn search(out: &mut impl Write, hits: &Hits<'_>, style: &Style, term: &Terminal) -> Result<()> {
    let width = prose_width(term);
    for (i, hit) in hits.hits.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let place = match hit.field {
            Field::Title => "title".to_string(),
            Field::Summary => "summary".to_string(),
            Field::Attribute(a) => a.name.clone(),
            Field::Expectation(d, Some(theme)) => format!("{} › {}", d.label(), theme.name),
            Field::Expectation(d, None) => d.label(),
            Field::Example(d) => format!("{} › example", d.label()),
        };
        writeln!(out, "{}  {}", style.id(&hit.role.id), style.muted(&place))?;
        // Highlight before wrapping: textwrap measures widths without escape sequences.
        let mut text = String::new();
        let mut at = 0;
        for m in &hit.matches {
            text += &hit.text[at..m.start];
            text += &style.matched(&hit.text[m.clone()]);
            at = m.end;
        }
        text += &hit.text[at..];
        for line in wrap(&text, width, "    ", "    ") {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

fn tracks(out: &mut impl Write, list: &TrackList<'_>, style: &Style) -> Result<()> {
    for (i, (track, roles)) in list.tracks.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{}  {}",
            style.id(&track.id),
            style.heading(&track.name)
        )?;
        let level_w = roles
            .iter()
            .map(|r| display_width(&r.level))
            .max()
            .unwrap_or(0);
        let id_w = roles
            .iter()
            .map(|r| display_width(&r.id))
            .max()
            .unwrap_or(0);
        for role in roles {
            let pad = |s: &str, w: usize| " ".repeat(w.saturating_sub(display_width(s)));
            writeln!(
                out,
                "  {}{}  {}{}  {}",
                role.level,
                pad(&role.level, level_w),
                style.id(&role.id),
                pad(&role.id, id_w),
                role.title
            )?;
        }
    }
    Ok(())
}

fn dimensions(
    out: &mut impl Write,
    s: &Structure<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    let width = prose_width(term);
    writeln!(out, "{}", style.heading("Attributes"))?;
    for a in s.attributes {
        writeln!(out, "  {}  {}", style.heading(&a.name), style.muted(&a.id))?;
        for line in wrap(&a.meaning, width, "    ", "    ") {
            writeln!(out, "{line}")?;
        }
    }
    for d in s.dimensions {
        writeln!(out)?;
        writeln!(out, "{}  {}", style.heading(&d.label()), style.muted(&d.id))?;
        let id_w = d
            .themes
            .iter()
            .map(|t| display_width(&t.id))
            .max()
            .unwrap_or(0);
        for t in &d.themes {
            let pad = " ".repeat(id_w.saturating_sub(display_width(&t.id)));
            writeln!(out, "  {}{pad}  {}", style.id(&t.id), t.name)?;
        }
    }
    Ok(())
}

/// A table without borders, laid out for the terminal's width.
fn plain_table(term: &Terminal) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(term.width);
    table
}

/// Drops the padding before the first column and after the last, keeping two spaces between columns.
fn tighten(table: &mut Table) {
    let last = table.column_count().saturating_sub(1);
    for (i, column) in table.column_iter_mut().enumerate() {
        column.set_padding((0, if i == last { 0 } else { 2 }));
    }
}

/// One cell of marked lines, wrapped to `width` with a hanging indent under the mark.
fn block(style: &Style, mark: Mark, texts: &[&str], width: usize, bold: bool) -> Cell {
    let lines: Vec<String> = texts
        .iter()
        .flat_map(|t| marked_lines(style, mark, t, width))
        .map(|l| if bold { style.heading(&l) } else { l })
        .collect();
    Cell::new(lines.join("\n"))
}

fn marked_lines(style: &Style, mark: Mark, text: &str, width: usize) -> Vec<String> {
    let first = format!("{} ", symbol(mark));
    wrap(text, width, &first, "  ")
        .into_iter()
        .map(|line| paint(style, mark, &line))
        .collect()
}

fn symbol(mark: Mark) -> &'static str {
    match mark {
        Mark::Added => "+",
        Mark::Changed => "~",
        Mark::Removed => "-",
        Mark::Unchanged => "=",
    }
}

fn legend(mark: Mark) -> &'static str {
    match mark {
        Mark::Added => "new at B",
        Mark::Changed => "grows",
        Mark::Removed => "no longer listed at B",
        Mark::Unchanged => "unchanged",
    }
}

fn paint(style: &Style, mark: Mark, text: &str) -> String {
    match mark {
        Mark::Added => style.added(text),
        Mark::Changed => style.changed(text),
        Mark::Removed => style.removed(text),
        Mark::Unchanged => style.unchanged(text),
    }
}

fn prose_width(term: &Terminal) -> usize {
    usize::from(term.width).min(PROSE_WIDTH)
}

/// Wraps text at word boundaries; words longer than the width are broken.
fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let options = textwrap::Options::new(width.max(first.len() + 8))
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(true);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// A heading wrapped to `width`, each line styled on its own.
fn heading_lines(style: &Style, text: &str, width: usize) -> String {
    let lines: Vec<String> = wrap(text, width, "", "")
        .iter()
        .map(|l| style.heading(l))
        .collect();
    lines.join("\n")
}

/// How many terminal columns the text takes.
fn display_width(text: &str) -> usize {
    textwrap::core::display_width(text)
}

/// Removes the padding comfy-table leaves at the ends of lines.
fn trim_lines(table: &str) -> String {
    table
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}
