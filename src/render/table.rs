//! The terminal format: tables and wrapped text for people; the only place that knows comfy-table.

use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;
use comfy_table::{Cell, ColumnConstraint, ContentArrangement, Table, presets};

use super::grid::Grid;
use super::{Report, mark_legend as legend, mark_symbol as symbol, with_similarity};
use crate::query::compare::{Comparison, Mark};
use crate::query::search::{Field, Hits};
use crate::style::Style;
use crate::term::Terminal;
use crate::validate::{SHOWN_FINDINGS, Severity, Validation};
use crate::view::{Hint, NextSteps, PathView, RoleList, RoleView, Structure, TrackList};

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
        Report::Next(steps) => next(out, steps, style, term),
        Report::Path(path) => path_matrix(out, path, style, term),
        Report::Search(hits) => search(out, hits, style, term),
        Report::Tracks(list) => tracks(out, list, style, term),
        Report::Dimensions(structure) => dimensions(out, structure, style, term),
        Report::Validation(v) => validation(out, v, style),
    }
}

/// Each finding as a compiler writes it: the `FILE:LINE:COLUMN` line, then the source line
/// with a caret under the column; then a count.
fn validation(out: &mut impl Write, v: &Validation, style: &Style) -> Result<()> {
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
    if !view.bands.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.heading("Bands within a level"))?;
        bands(out, view.bands, style, width)?;
    }
    // Hints are for a person at a terminal, not for a pipe.
    if let Some(hint) = view.hint.filter(|_| term.is_tty) {
        let sentence = match hint {
            Hint::CompareWithNext { role_id } => {
                format!("Compare with the next level: ladder next {role_id}")
            }
        };
        writeln!(out)?;
        writeln!(out, "{}", style.muted(&sentence))?;
    }
    Ok(())
}

/// Each band's name, then its meaning wrapped beneath.
fn bands(
    out: &mut impl Write,
    bands: &[crate::model::Band],
    style: &Style,
    width: usize,
) -> Result<()> {
    for b in bands {
        writeln!(out, "  {}", style.heading(&b.name))?;
        for line in wrap(&b.meaning, width, "    ", "    ") {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

fn next(out: &mut impl Write, n: &NextSteps<'_>, style: &Style, term: &Terminal) -> Result<()> {
    if n.steps.is_empty() {
        writeln!(
            out,
            "{} is on no track, so it has no next level.",
            style.id(&n.role.id)
        )?;
    }
    for (i, step) in n.steps.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let tracks: Vec<&str> = step.tracks.iter().map(|t| t.id.as_str()).collect();
        let tracks = tracks.join(", ");
        let plural = if step.tracks.len() == 1 { "" } else { "s" };
        match &step.next {
            Some(c) => {
                writeln!(
                    out,
                    "{}",
                    style.muted(&format!("On track{plural} {tracks}:"))
                )?;
                diff(out, c, style, term)?;
            }
            None => writeln!(
                out,
                "{} is the top of track{plural} {tracks}: there is no next level.",
                style.heading(&n.role.heading())
            )?,
        }
    }
    Ok(())
}

fn path_matrix(
    out: &mut impl Write,
    p: &PathView<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    writeln!(
        out,
        "{}  {}",
        style.id(&p.track.id),
        style.heading(&p.track.name)
    )?;
    let levels: Vec<String> = p.roles.iter().map(|r| r.heading()).collect();
    for line in wrap(&levels.join(" → "), prose_width(term), "", "") {
        writeln!(out, "{}", style.muted(&line))?;
    }
    if p.roles.is_empty() {
        return Ok(());
    }
    let (label, side) = grid_widths(usize::from(term.width), p.roles.len());
    let headings: Vec<String> = p.roles.iter().map(|r| r.heading()).collect();
    let bullets = |texts: &[&str]| -> String {
        let mut lines: Vec<String> = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            if i > 0 {
                lines.push(String::new());
            }
            lines.extend(wrap(text, side, "• ", "  "));
        }
        lines.join("\n")
    };
    writeln!(out)?;
    writeln!(out, "{}", style.heading("Attributes"))?;
    let mut table = grid(style, "Attribute", &headings, label, side);
    for (a, values) in &p.attributes {
        let mut row = vec![heading_lines(style, &a.name, label)];
        row.extend(
            values
                .iter()
                .map(|v| wrap(v.unwrap_or("—"), side, "", "").join("\n")),
        );
        table.add_row(row);
    }
    put(out, &table)?;
    for d in &p.dimensions {
        writeln!(out)?;
        writeln!(out, "{}", style.heading(&d.dimension.label()))?;
        let mut table = grid(style, "Theme", &headings, label, side);
        for (theme, cells) in &d.themes {
            let name = theme.map_or("(no theme)", |t| t.name.as_str());
            let mut row = vec![heading_lines(style, name, label)];
            row.extend(cells.iter().map(|texts| bullets(texts)));
            table.add_row(row);
        }
        put(out, &table)?;
    }
    Ok(())
}

/// Writes a grid and a newline in one piece: drawn into a string first, it reaches the
/// writer in one call instead of hundreds of small ones.
fn put(out: &mut impl Write, grid: &Grid) -> Result<()> {
    let mut text = grid.to_string();
    text.push('\n');
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// The widths of a label column and `n` equal columns that fit `total` terminal columns.
fn grid_widths(total: usize, n: usize) -> (usize, usize) {
    let label = (total / 5).clamp(12, 30);
    // n + 2 vertical lines, and a space of padding each side of n + 1 columns.
    let chrome = (n + 2) + 2 * (n + 1);
    let side = (total.saturating_sub(label + chrome) / n.max(1)).max(10);
    (label, side)
}

/// A bordered grid with a label column and one column per heading, of fixed widths.
fn grid(style: &Style, first: &str, headings: &[String], label: usize, side: usize) -> Grid {
    let mut header = vec![style.heading(first)];
    header.extend(headings.iter().map(|h| heading_lines(style, h, side)));
    let widths = std::iter::once(label)
        .chain(std::iter::repeat_n(side, headings.len()))
        .collect();
    Grid::new(widths, header)
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
        [
            Mark::Added,
            Mark::Changed,
            Mark::Removed,
            Mark::Reworded,
            Mark::Unchanged
        ]
        .iter()
        .map(|m| paint(style, *m, &format!("{} {}", symbol(*m), legend(*m))))
        .collect::<Vec<_>>()
        .join("   ")
    )?;

    let (label, side) = grid_widths(usize::from(term.width), 2);
    let headings = [a.heading(), b.heading()];
    let grid = |first: &str| grid(style, first, &headings, label, side);

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
    put(out, &table)?;

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
            let cell = |items: &[crate::query::compare::Marked<'_>]| {
                let mut lines = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        lines.push(String::new());
                    }
                    lines.extend(marked_lines(style, item.mark, &with_similarity(item), side));
                }
                lines.join("\n")
            };
            table.add_row([
                block(style, tc.mark, &[name], label, true),
                cell(&tc.from),
                cell(&tc.to),
            ]);
        }
        put(out, &table)?;
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

fn tracks(
    out: &mut impl Write,
    list: &TrackList<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    if !list.tracks.is_empty() {
        for line in drawing(list, style, usize::from(term.width)) {
            writeln!(out, "{}", line.trim_end())?;
        }
        writeln!(out)?;
    }
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
            // The title goes only where it fits; the id is what matters to type back.
            let title = if 2 + level_w + 2 + id_w + 2 + display_width(&role.title)
                <= usize::from(term.width)
            {
                format!("  {}", role.title)
            } else {
                String::new()
            };
            writeln!(
                out,
                "  {}{}  {}{}{title}",
                role.level,
                pad(&role.level, level_w),
                style.id(&role.id),
                if title.is_empty() {
                    String::new()
                } else {
                    pad(&role.id, id_w)
                },
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
    if !s.bands.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.heading("Bands within a level"))?;
        bands(out, s.bands, style, width)?;
    }
    Ok(())
}

/// The shape of the ladder: tracks side by side, levels from the first rung down, a line
/// following each track, and roles that tracks share drawn once with the tracks joining them.
fn drawing(list: &TrackList<'_>, style: &Style, width: usize) -> Vec<String> {
    let levels = &list.levels;
    let n = list.tracks.len();
    // at[c][l]: the role of track c at level l.
    let at: Vec<Vec<Option<&crate::model::Role>>> = list
        .tracks
        .iter()
        .map(|(_, roles)| {
            // The first role of each level, looked up: a search of the track for every level
            // would cost their product.
            let mut by_level: HashMap<&str, &crate::model::Role> = HashMap::new();
            for r in roles.iter().rev() {
                by_level.insert(&r.level, r);
            }
            levels.iter().map(|l| by_level.get(l).copied()).collect()
        })
        .collect();
    // The first and last level of each track that has a role: whether a track goes on above
    // or below a level, without a search of its levels for every cell.
    let ends: Vec<Option<(usize, usize)>> = at
        .iter()
        .map(|column| {
            let first = column.iter().position(Option::is_some)?;
            let last = column.iter().rposition(Option::is_some)?;
            Some((first, last))
        })
        .collect();
    let same = |c: usize, l: usize| {
        c > 0 && matches!((at[c][l], at[c - 1][l]), (Some(a), Some(b)) if a.id == b.id)
    };
    let first_of_group = |c: usize, l: usize| at[c][l].is_some() && !same(c, l);
    let continues = |c: usize, l: usize| c + 1 < n && same(c + 1, l);
    let up = |c: usize, l: usize| ends[c].is_some_and(|(first, _)| first < l);
    let down = |c: usize, l: usize| ends[c].is_some_and(|(_, last)| last > l);

    let label = levels.iter().map(|l| display_width(l)).max().unwrap_or(0) + 2;
    let mut widths: Vec<usize> = (0..n)
        .map(|c| {
            let titles = (0..levels.len())
                .filter(|&l| first_of_group(c, l))
                .filter_map(|l| at[c][l]);
            titles
                .map(|r| display_width(&r.title))
                .chain([display_width(&list.tracks[c].0.id)])
                .max()
                .unwrap_or(0)
                + 3
        })
        .collect();
    while label + widths.iter().sum::<usize>() > width {
        let Some((widest, w)) = widths.iter().copied().enumerate().max_by_key(|(_, w)| *w) else {
            break;
        };
        if w <= 10 {
            break;
        }
        widths[widest] -= 1;
    }

    let mut lines = Vec::new();
    let mut header = " ".repeat(label);
    for (c, (track, _)) in list.tracks.iter().enumerate() {
        header += &style.id(&fit(&track.id, widths[c] - 1));
        header +=
            &" ".repeat(widths[c].saturating_sub(display_width(&fit(&track.id, widths[c] - 1))));
    }
    lines.push(header);
    for l in 0..levels.len() {
        let mut line = style.muted(&format!("{:<label$}", levels[l]));
        for c in 0..n {
            let w = widths[c];
            let segment = match at[c][l] {
                Some(role) if first_of_group(c, l) => {
                    let title = fit(&role.title, w - 2);
                    let used = display_width(&title);
                    let rest = if continues(c, l) {
                        format!(" {}", "─".repeat(w - used - 1))
                    } else {
                        " ".repeat(w - used)
                    };
                    format!("{title}{}", style.muted(&rest))
                }
                Some(_) => {
                    let last = !continues(c, l);
                    let junction = match (up(c, l), down(c, l), last) {
                        (true, true, true) => '┤',
                        (true, false, true) => '┘',
                        (false, true, true) => '┐',
                        (true, true, false) => '┼',
                        (true, false, false) => '┴',
                        (false, true, false) => '┬',
                        (false, false, _) => '─',
                    };
                    let fill = if last { " " } else { "─" };
                    style.muted(&format!("{junction}{}", fill.repeat(w - 1)))
                }
                None if up(c, l) && down(c, l) => style.muted(&format!("│{}", " ".repeat(w - 1))),
                None => " ".repeat(w),
            };
            line += &segment;
        }
        lines.push(line);
        if l + 1 < levels.len() {
            let mut link = " ".repeat(label);
            for c in 0..n {
                let through = ends[c].is_some_and(|(first, last)| first <= l && last > l);
                link += &if through {
                    style.muted(&format!("│{}", " ".repeat(widths[c] - 1)))
                } else {
                    " ".repeat(widths[c])
                };
            }
            lines.push(link);
        }
    }
    lines
}

/// Text cut to `width` columns with an ellipsis when it does not fit.
fn fit(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if display_width(&out) + display_width(c.encode_utf8(&mut [0; 4])) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
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
fn block(style: &Style, mark: Mark, texts: &[&str], width: usize, bold: bool) -> String {
    let lines: Vec<String> = texts
        .iter()
        .flat_map(|t| marked_lines(style, mark, t, width))
        .map(|l| if bold { style.heading(&l) } else { l })
        .collect();
    lines.join("\n")
}

fn marked_lines(style: &Style, mark: Mark, text: &str, width: usize) -> Vec<String> {
    let first = format!("{} ", symbol(mark));
    wrap(text, width, &first, "  ")
        .into_iter()
        .map(|line| paint(style, mark, &line))
        .collect()
}

fn paint(style: &Style, mark: Mark, text: &str) -> String {
    match mark {
        Mark::Added => style.added(text),
        Mark::Changed => style.changed(text),
        Mark::Removed => style.removed(text),
        Mark::Unchanged | Mark::Reworded => style.unchanged(text),
    }
}

fn prose_width(term: &Terminal) -> usize {
    usize::from(term.width).min(PROSE_WIDTH)
}

/// Wraps text at spaces, first fit, with `first` before the first line and `rest` before the
/// others; a word longer than a line is cut. Newlines in the text are kept as line breaks.
/// Widths are terminal columns, not counting colour escape sequences.
///
/// Equivalent to textwrap's first-fit wrapping (a test holds them to it), at a fraction of
/// the cost: wrapping was a third of what `ladder show` spent (see BENCHMARKS.md).
fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let width = width.max(first.len() + 8);
    let mut lines = Vec::new();
    let mut line = String::from(first);
    let mut used = display_width(first);
    let mut empty = true;
    let limit = |lines: &Vec<String>| {
        width.saturating_sub(display_width(if lines.is_empty() { first } else { rest }))
    };
    for (p, paragraph) in text.split('\n').enumerate() {
        if p > 0 {
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            used = display_width(rest);
            empty = true;
        }
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let w = display_width(word);
            if !empty && used + 1 + w <= width {
                line.push(' ');
                line.push_str(word);
                used += 1 + w;
                continue;
            }
            if !empty {
                lines.push(std::mem::replace(&mut line, rest.to_string()));
                used = display_width(rest);
            }
            if w <= limit(&lines) {
                line.push_str(word);
                used += w;
            } else {
                // Longer than a whole line: cut it into pieces that fit.
                let mut piece = String::new();
                let mut piece_width = 0;
                for unit in units(word) {
                    let cw = display_width(unit);
                    if piece_width + cw > limit(&lines).max(1) && !piece.is_empty() {
                        line.push_str(&piece);
                        lines.push(std::mem::replace(&mut line, rest.to_string()));
                        piece.clear();
                        piece_width = 0;
                    }
                    piece.push_str(unit);
                    piece_width += cw;
                }
                line.push_str(&piece);
                used = display_width(&line);
            }
            empty = false;
        }
    }
    lines.push(line);
    lines
}

/// The pieces a word may be cut between: single characters, and whole colour escape sequences
/// (ESC `[` parameters, then a final byte), which a cut would leave half on each line.
fn units(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        let c = rest.chars().next()?;
        let end = if c == '\u{1b}' && rest[1..].starts_with('[') {
            rest[2..]
                .find(|c: char| ('@'..='~').contains(&c))
                .map_or(rest.len(), |at| at + 3)
        } else {
            c.len_utf8()
        };
        let (unit, tail) = rest.split_at(end);
        rest = tail;
        Some(unit)
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: textwrap's first-fit wrapping with the same options.
    fn reference(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
        let options = textwrap::Options::new(width.max(first.len() + 8))
            .initial_indent(first)
            .subsequent_indent(rest)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
            .break_words(true);
        textwrap::wrap(text, options)
            .into_iter()
            .map(|l| l.into_owned())
            .collect()
    }

    #[test]
    fn wrapping_matches_textwrap_first_fit_on_every_text_of_the_ladder() {
        let ladder = crate::embedded::ladder();
        let mut texts: Vec<&str> = vec![];
        for role in &ladder.roles {
            texts.push(&role.summary);
            for rd in role.dimensions.values() {
                texts.extend(rd.expectations.iter().map(|e| e.text.as_str()));
                texts.extend(rd.examples.iter().map(String::as_str));
            }
        }
        for text in texts {
            for (width, first, rest) in [
                (100, "", ""),
                (80, "  • ", "    "),
                (29, "~ ", "  "),
                (14, "", ""),
            ] {
                assert_eq!(
                    wrap(text, width, first, rest),
                    reference(text, width, first, rest),
                    "{text:?} at {width}"
                );
            }
        }
    }

    #[test]
    fn long_words_are_cut_and_colour_does_not_count() {
        let long = "x".repeat(30);
        let lines = wrap(&format!("a {long} b"), 12, "", "");
        assert!(lines.iter().all(|l| display_width(l) <= 12), "{lines:?}");
        assert_eq!(lines.concat().replace(' ', ""), format!("a{long}b"));
        let coloured = "one \u{1b}[1mtwo\u{1b}[0m three";
        assert_eq!(wrap(coloured, 13, "", ""), [coloured]);
        assert_eq!(
            wrap(coloured, 12, "", ""),
            ["one \u{1b}[1mtwo\u{1b}[0m", "three"]
        );
    }

    #[test]
    fn a_long_coloured_word_is_cut_between_escape_sequences_never_inside_one() {
        // `search . --regex --color always` paints every character of a long word.
        let painted: String = "abcdefghij"
            .chars()
            .map(|c| format!("\u{1b}[1;31m{c}\u{1b}[0m"))
            .collect();
        let lines = wrap(&painted, 12, "    ", "    ");
        assert_eq!(lines.concat().replace("    ", ""), painted);
        for line in &lines {
            let plain = line.replace("\u{1b}[1;31m", "").replace("\u{1b}[0m", "");
            assert!(!plain.contains('\u{1b}'), "split escape in {line:?}");
            assert!(display_width(line) <= 12, "{line:?}");
        }
        assert_eq!(lines.len(), 2, "{lines:?}");
    }
}
