//! The Markdown format: GitHub-flavoured Markdown carrying what the table format shows, ready to paste.

mod fold;
mod outline;
pub(crate) mod text;

pub use fold::fold_markdown;

use std::borrow::Cow;
use std::io::Write;

use anyhow::Result;

use super::{
    BUILDS_ON, Report, in_brief, legend_marks, mark_legend, mark_symbol, only_at, summary, worded,
};
use crate::model::Band;
use crate::query::compare::{Comparison, Mark, Marked};
use crate::query::search::Hits;
use crate::text::some_of;
use crate::validate::{SHOWN_FINDINGS, Severity, Validation, left_out, shown_in_all};
use crate::view::{
    Detail, DimensionList, LadderHead, LadderList, LadderView, NextSteps, PathView, PerLadder,
    RoleList, RoleView, TrackList,
};
use text::{inline, mermaid};

/// Writes the report as a Markdown document.
pub fn render(out: &mut impl Write, report: &Report<'_>) -> Result<()> {
    let text = match report {
        Report::List(list) => role_list(list),
        Report::CatalogueList(lists) => each(lists, |list, _| role_list(list)),
        Report::Ladders(list) => ladders(list),
        Report::Show(view) => role(view, "#"),
        Report::ShowAll(all) => format!("# {}\n\n{}", inline(all.name), handbook(all, 2)),
        Report::CatalogueShowAll(alls) => each(alls, handbook),
        Report::Diff(c, detail) => diff(c, 1, *detail),
        Report::Next(n, detail) => next(n, *detail),
        // Written row by row: its tables have a cell for every level of the track.
        Report::Path(p) => return path(out, p, 1),
        Report::CataloguePath(paths) => {
            for (i, (head, p)) in paths.ladders.iter().enumerate() {
                out.write_all(ladder_heading(i, head).as_bytes())?;
                path(out, p, 3)?;
            }
            return Ok(());
        }
        Report::Search(hits, _) => search(hits),
        Report::Tracks(list) => tracks(list),
        Report::CatalogueTracks(lists) => each(lists, |list, _| tracks(list)),
        Report::Dimensions(s) => dimensions(s, 2),
        Report::CatalogueDimensions(all) => each(all, dimensions),
        Report::Validation(v) => validation(v),
        Report::Validations(all) => validations(all),
        Report::Changes(view) => changes(view),
        Report::Review(view) => review(view),
        Report::Evidence(evidence, width) => return outline::write(out, evidence, *width),
    };
    out.write_all(text.as_bytes())?;
    Ok(())
}

fn role_list(list: &RoleList<'_>) -> String {
    let rows = list.rows.iter().map(|r| {
        let tracks: Vec<&str> = r.tracks.iter().map(|t| t.id.as_str()).collect();
        vec![
            inline(&r.role.level),
            inline(&r.role.id),
            inline(&r.role.title),
            inline(&tracks.join(", ")),
            inline(&r.role.summary),
        ]
    });
    table(&["Level", "Role", "Title", "Tracks", "Summary"], rows)
}

/// A view of a catalogue (`list`, `tracks`, `dimensions`, `show --all`): each ladder's as
/// `view` writes it with its headings at the depth given (three), under a heading with the
/// ladder's id and name.
fn each<V>(ladders: &PerLadder<'_, V>, view: impl Fn(&V, usize) -> String) -> String {
    let mut md = String::new();
    for (i, (head, one)) in ladders.ladders.iter().enumerate() {
        md += &ladder_heading(i, head);
        md += &view(one, 3);
    }
    md
}

/// The heading of the `i`th ladder of a catalogue view, a blank line after the one before.
fn ladder_heading(i: usize, head: &LadderHead<'_>) -> String {
    let gap = if i > 0 { "\n" } else { "" };
    let id = inline(head.id.unwrap_or_default());
    format!("{gap}## {id}: {}\n\n", inline(head.name))
}

/// `ladders`: one row per ladder.
fn ladders(list: &LadderList<'_>) -> String {
    let rows = list.ladders.iter().map(|row| {
        let tracks: Vec<&str> = row.tracks.iter().map(|t| t.id.as_str()).collect();
        vec![
            inline(row.head.id.unwrap_or("-")),
            inline(row.head.name),
            row.roles.to_string(),
            inline(&tracks.join(", ")),
        ]
    });
    table(&["Ladder", "Name", "Roles", "Tracks"], rows)
}

/// `show --all`: the whole ladder as one document, a handbook, under its title: its
/// attributes, dimensions and bands, its tracks, then every role, each under a heading of
/// `depth` hashes (two after the ladder's title), a level down from `show`.
fn handbook(all: &LadderView<'_>, depth: usize) -> String {
    let h = "#".repeat(depth);
    let mut md = dimensions(&all.structure, depth);
    if !all.tracks.tracks.is_empty() {
        md += &format!("\n{h} Tracks\n\n");
        md += &tracks(&all.tracks);
    }
    for view in all.roles() {
        md += "\n";
        md += &role(&view, &h);
    }
    md
}

/// One role, under a heading of the given depth (`#` for `show`), its dimensions one deeper.
fn role(view: &RoleView<'_>, depth: &str) -> String {
    let role = view.role;
    let tracks: Vec<&str> = view.tracks.iter().map(|t| t.id.as_str()).collect();
    let mut md = format!("{depth} {}\n\n", inline(&role.heading()));
    md += &format!(
        "Role {} · level {} · tracks: {}\n\n",
        inline(&role.id),
        inline(&role.level),
        if tracks.is_empty() {
            "none".to_string()
        } else {
            inline(&tracks.join(", "))
        }
    );
    md += &format!("{}\n\n", inline(&role.summary));
    let attributes = view.attributes_for_people();
    let rows = attributes
        .shown
        .iter()
        .map(|(a, value)| vec![inline(&a.name), inline(value.unwrap_or(super::NOT_STATED))]);
    md += &table(&["Attribute", "Value"], rows);
    if attributes.more_empty > 0 {
        md += &format!("\nAnd {}.\n", super::more_not_stated(attributes.more_empty));
    }
    let dimensions = view.dimensions_for_people();
    for dv in dimensions.shown {
        md += &format!(
            "\n{depth}# {}\n\n**Expectations**\n\n",
            inline(&dv.dimension.label())
        );
        for (_, text) in &dv.expectations {
            md += &format!("- {}\n", inline(text));
        }
        if !dv.examples.is_empty() {
            md += "\n**Examples**\n\n";
            for text in dv.examples {
                md += &format!("- {}\n", inline(text));
            }
        }
    }
    if dimensions.more_empty > 0 {
        md += &format!(
            "\nAnd {}.\n",
            super::more_without_expectations(dimensions.more_empty)
        );
    }
    if view.whole && !view.bands.is_empty() {
        md += &format!("\n{}\n", inline(&super::bands_pointer(view.bands)));
    }
    md
}

/// The bands as a table of name and meaning.
fn bands(bands: &[Band]) -> String {
    let rows = bands
        .iter()
        .map(|b| vec![inline(&b.name), inline(&b.meaning)]);
    table(&["Band", "Meaning"], rows)
}

fn next(n: &NextSteps<'_>, detail: Detail) -> String {
    let mut md = format!("# Next steps from {}\n\n", inline(&n.role.heading()));
    if n.steps.is_empty() {
        md += &format!(
            "{} is on no track, so it has no next level.\n",
            inline(&n.role.id)
        );
    }
    let count = n.count();
    for (i, step) in n.steps.iter().enumerate() {
        let tracks = inline(&some_of(step.tracks.iter().map(|t| t.id.as_str())));
        let plural = if step.tracks.len() == 1 { "" } else { "s" };
        let on = format!("track{plural} {tracks}");
        let of = if count > 1 {
            format!("Step {} of {count} — ", i + 1)
        } else {
            String::new()
        };
        match &step.next {
            Some(c) => {
                let lead = if of.is_empty() {
                    format!("Track{plural} {tracks}: ")
                } else {
                    format!("{of}{on}: ")
                };
                md += &diff_titled(c, 2, &lead, detail);
                md += "\n";
            }
            None => {
                md += &format!(
                    "{of}{} is the top of {on}: there is no next level.\n\n",
                    inline(&n.role.heading())
                )
            }
        }
    }
    if let Some(left_out) = &n.left_out {
        md += &format!("{}\n", inline(&super::steps_left_out(&n.role.id, left_out)));
    }
    md
}

/// `path`: the track's attributes, then each dimension, in tables of one column per level,
/// under a title of `depth` hashes (one, or three under a ladder's heading in a catalogue).
/// A Markdown table has every cell of every row, so the rows are written one at a time, each
/// made from the view's sparse row, and no matrix is held.
fn path(out: &mut impl Write, p: &PathView<'_>, depth: usize) -> Result<()> {
    let (h1, h2) = ("#".repeat(depth), "#".repeat(depth + 1));
    let mut md = format!(
        "{h1} Track {}: {}\n\n",
        inline(&p.track.id),
        inline(&p.track.name)
    );
    let headings: Vec<String> = p.roles.iter().map(|r| inline(&r.heading())).collect();
    let header = |first: &'static str| -> Vec<&str> {
        std::iter::once(first)
            .chain(headings.iter().map(String::as_str))
            .collect()
    };
    let places = p.roles.len();
    md += &format!("{h2} Attributes\n\n");
    md += &table_head(&header("Attribute"));
    let not_stated = inline(crate::render::NOT_STATED);
    for (a, values) in &p.attributes {
        out.write_all(md.as_bytes())?;
        md.clear();
        let cells = values.dense(places).map(|texts| match texts.first() {
            Some(value) => inline(value).into(),
            None => Cow::Borrowed(not_stated.as_str()),
        });
        table_row(
            &mut md,
            std::iter::once(inline(&a.name).into()).chain(cells),
        );
    }
    for d in &p.dimensions {
        md += &format!("\n{h2} {}\n\n", inline(&d.dimension.label()));
        md += &table_head(&header("Theme"));
        for (theme, row) in &d.themes {
            out.write_all(md.as_bytes())?;
            md.clear();
            let label = inline(theme.map_or("(no theme)", |t| t.name.as_str()));
            let cells = row.dense(places).map(|texts| match texts {
                [] => Cow::Borrowed(""),
                texts => {
                    let texts: Vec<String> = texts.iter().map(|t| inline(t)).collect();
                    texts.join("<br><br>").into()
                }
            });
            table_row(&mut md, std::iter::once(label.into()).chain(cells));
        }
        out.write_all(md.as_bytes())?;
        md.clear();
    }
    out.write_all(md.as_bytes())?;
    Ok(())
}

/// A comparison whose title is a heading of `depth` hashes; its sections sit one deeper.
fn diff(c: &Comparison<'_>, depth: usize, detail: Detail) -> String {
    diff_titled(c, depth, "", detail)
}

/// A comparison under a title that starts with `lead` (already escaped).
fn diff_titled(c: &Comparison<'_>, depth: usize, lead: &str, detail: Detail) -> String {
    let (a, b) = (inline(&c.from.heading()), inline(&c.to.heading()));
    let (h1, h2) = ("#".repeat(depth), "#".repeat(depth + 1));
    let mut md = format!("{h1} {lead}{a} → {b}\n\n");
    let [id_a, id_b] = super::side_ids(c);
    md += &format!("A is {}, B is {}.\n\n", inline(&id_a), inline(&id_b));
    if let Some(note) = super::direction_note(c) {
        md += &format!("{note}\n\n");
    }
    match detail {
        Detail::Full | Detail::WordDiff => md += &diff_full(c, &h2, [&a, &b]),
        Detail::Brief => md += &diff_brief(c, &h2),
    }
    md
}

/// The legend, the summary per dimension and both sides in tables, partners on one row.
fn diff_full(c: &Comparison<'_>, h2: &str, [a, b]: [&str; 2]) -> String {
    let marks: Vec<String> = legend_marks(c)
        .iter()
        .map(|&m| format!("`{}` {}", mark_symbol(m), mark_legend(m)))
        .collect();
    let mut md = format!("Marks: {}\n\n", marks.join(" · "));
    if c.upward {
        md += &format!("{BUILDS_ON}\n\n");
    }
    for d in &c.dimensions {
        md += &format!(
            "- {}: {}\n",
            inline(&d.dimension.label()),
            summary(&d.counts())
        );
    }
    for line in only_at(c) {
        md += &format!("\n{}\n", inline(&line));
    }
    md += &format!("\n{h2} Attributes\n\n");
    let rows = c.attributes.iter().map(|ch| {
        let value = |v: Option<&str>| marked(ch.mark, v.unwrap_or(super::NOT_STATED));
        vec![
            marked(ch.mark, &ch.attribute.name),
            value(ch.from),
            value(ch.to),
        ]
    });
    md += &table(&["Attribute", a, b], rows);
    for d in &c.dimensions {
        md += &format!("\n{h2} {}\n\n", inline(&d.dimension.label()));
        if d.themes.is_empty() {
            md += "Neither role lists an expectation here.\n";
            continue;
        }
        // One table row per pair, so that partners sit side by side; the theme's name on
        // its first row only.
        let rows = d.themes.iter().flat_map(|t| {
            let name = marked(t.mark, t.theme.map_or("(no theme)", |t| t.name.as_str()));
            // B's words that A lacks in bold; each piece escaped on its own, so that the
            // bold markers stay markup.
            let cell = |m: Option<&Marked<'_>>, at_b: bool| {
                m.map(|m| {
                    let bold = |run: &str| match at_b {
                        true => format!("**{}**", inline(run)),
                        false => inline(run),
                    };
                    format!("{} {}", mark_symbol(m.mark), worded(m, inline, bold))
                })
                .unwrap_or_default()
            };
            t.rows().into_iter().enumerate().map(move |(i, (x, y))| {
                let label = if i == 0 { name.clone() } else { String::new() };
                vec![label, cell(x, false), cell(y, true)]
            })
        });
        md += &table(&["Theme", a, b], rows);
    }
    md
}

/// Only what is new and what grows at B, a list per dimension: the text to paste into a
/// one-to-one document.
fn diff_brief(c: &Comparison<'_>, h2: &str) -> String {
    let item = |mark: Mark, text: &str| format!("- **{}:** {}\n", brief_word(mark), inline(text));
    let mut sections: Vec<String> = Vec::new();
    let attributes: Vec<String> = c
        .attributes
        .iter()
        .filter(|a| in_brief(a.mark))
        .map(|a| {
            let text = format!(
                "{}: {}",
                a.attribute.name,
                a.to.unwrap_or(crate::render::NOT_STATED)
            );
            item(a.mark, &text)
        })
        .collect();
    if !attributes.is_empty() {
        sections.push(format!("{h2} Attributes\n\n{}", attributes.concat()));
    }
    for d in &c.dimensions {
        let items: Vec<String> = d
            .themes
            .iter()
            .flat_map(|t| &t.to)
            .filter(|m| in_brief(m.mark))
            .map(|m| item(m.mark, m.text))
            .collect();
        if !items.is_empty() {
            let label = inline(&d.dimension.label());
            sections.push(format!("{h2} {label}\n\n{}", items.concat()));
        }
    }
    if sections.is_empty() {
        sections.push("No expectation is new or grows at B.\n".to_string());
    }
    sections.join("\n")
}

/// The word a brief list leads an item with.
fn brief_word(mark: Mark) -> &'static str {
    match mark {
        Mark::New => "New",
        Mark::Grows => "Grows",
        Mark::Differs => "Differs",
        Mark::Reworded => "Reworded",
        Mark::NotRestated => "Not restated",
        Mark::Same => "Same",
    }
}

fn search(hits: &Hits<'_>) -> String {
    let rows = hits.hits.iter().map(|h| {
        // Escape each piece on its own, so the bold markers around matches stay markup.
        let mut text = String::new();
        let mut at = 0;
        for m in &h.matches {
            text += &inline(&h.text[at..m.start]);
            text += &format!("**{}**", inline(&h.text[m.clone()]));
            at = m.end;
        }
        text += &inline(&h.text[at..]);
        let place = match (h.field.dimension(), h.field.attribute()) {
            (Some(d), _) => d.label(),
            (None, Some(a)) => a.name.clone(),
            (None, None) => String::new(),
        };
        vec![
            inline(&h.role_id()),
            h.field.kind().to_string(),
            inline(&place),
            inline(h.field.theme().map_or("", |t| t.name.as_str())),
            text,
        ]
    });
    table(&["Role", "Field", "Where", "Theme", "Text"], rows)
}

fn tracks(list: &TrackList<'_>) -> String {
    let mut md = mermaid(list);
    md += "\n";
    md += &tracks_table(list);
    md
}

fn tracks_table(list: &TrackList<'_>) -> String {
    let rows = list.tracks.iter().map(|(t, roles)| {
        let path: Vec<String> = roles.iter().map(|r| inline(&r.heading())).collect();
        vec![inline(&t.id), inline(&t.name), path.join(" → ")]
    });
    table(&["Track", "Name", "Roles, level by level"], rows)
}

/// `dimensions`: the attributes, dimensions and bands, each under a heading of `depth` hashes.
fn dimensions(s: &DimensionList<'_>, depth: usize) -> String {
    let h = "#".repeat(depth);
    let mut md = format!("{h} Attributes\n\n");
    let rows = s
        .attributes
        .iter()
        .map(|a| vec![inline(&a.name), inline(&a.id), inline(&a.meaning)]);
    md += &table(&["Attribute", "Id", "Meaning"], rows);
    md += &format!("\n{h} Dimensions\n\n");
    let rows = s.dimensions.iter().map(|d| {
        let themes: Vec<String> = d
            .themes
            .iter()
            .map(|t| format!("{} ({})", inline(&t.name), inline(&t.id)))
            .collect();
        vec![inline(&d.label()), inline(&d.id), themes.join("<br>")]
    });
    md += &table(&["Dimension", "Id", "Themes"], rows);
    if !s.bands.is_empty() {
        md += &format!("\n{h} Bands\n\n");
        md += &bands(s.bands);
    }
    md
}

/// Each file's findings, within one bound on the findings of all files together; then what
/// was left out, and the totals.
fn validations(all: &[Validation]) -> String {
    let shown = shown_in_all(all);
    let mut parts: Vec<String> = all
        .iter()
        .zip(&shown)
        .filter_map(|(v, n)| n.map(|n| validation_some(v, n)))
        .collect();
    let (files, findings) = left_out(all, &shown);
    if files > 0 {
        let total = |s| all.iter().map(|v| v.count(s)).sum::<usize>();
        parts.push(format!(
            "… and {findings} more finding{} in {files} more file{}; {} files: {} errors, {} warnings\n",
            if findings == 1 { "" } else { "s" },
            if files == 1 { "" } else { "s" },
            all.len(),
            total(Severity::Error),
            total(Severity::Warning)
        ));
    }
    parts.join("\n")
}

fn validation(v: &Validation) -> String {
    validation_some(v, SHOWN_FINDINGS)
}

/// A file's count, then at most `shown` of its findings as a table, and how many more there are.
fn validation_some(v: &Validation, shown: usize) -> String {
    let mut md = format!(
        "{}: {} errors, {} warnings\n\n",
        inline(&v.file),
        v.count(Severity::Error),
        v.count(Severity::Warning)
    );
    if !v.findings.is_empty() {
        let rows = v.findings.iter().take(shown).map(|f| {
            vec![
                inline(&format!("{}:{}:{}", f.file, f.line, f.column)),
                f.severity.name().to_string(),
                inline(&f.message),
            ]
        });
        md += &table(&["Location", "Severity", "Message"], rows);
    }
    if let Some(more) = v.findings.len().checked_sub(shown).filter(|&n| n > 0) {
        md += &format!(
            "\n… and {more} more finding{}\n",
            if more == 1 { "" } else { "s" }
        );
    }
    md
}

/// A GitHub-flavoured Markdown table; cells must already be escaped with [`inline`].
fn table(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut md = table_head(header);
    for row in rows {
        table_row(&mut md, row.into_iter().map(Cow::Owned));
    }
    md
}

/// A table's header line and the line under it.
fn table_head(header: &[&str]) -> String {
    format!(
        "| {} |\n|{}\n",
        header.join(" | "),
        "---|".repeat(header.len())
    )
}

/// Appends one row of a table, its cells already escaped.
fn table_row<'c>(md: &mut String, cells: impl Iterator<Item = Cow<'c, str>>) {
    md.push_str("| ");
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            md.push_str(" | ");
        }
        md.push_str(&cell);
    }
    md.push_str(" |\n");
}

/// A mark symbol in front of escaped text.
fn marked(mark: Mark, text: &str) -> String {
    format!("{} {}", mark_symbol(mark), inline(text))
}

/// `changes`: the outline for people, as headings and lists; each text under its change as a
/// nested item.
fn changes(view: &crate::view::ChangesView<'_>) -> String {
    use super::people::{Block, changes_outline};
    let mut out = String::new();
    for block in changes_outline(view) {
        match block {
            Block::Title(t) => out.push_str(&format!("# {}\n\n", inline(&t))),
            Block::Heading(h) => {
                if !out.ends_with("\n\n") {
                    out.push('\n');
                }
                out.push_str(&format!("## {}\n\n", inline(&h)));
            }
            Block::Fact(f) => out.push_str(&format!("- {}\n", inline(&f))),
            Block::Item { text, .. } => out.push_str(&format!("- {}\n", inline(&text))),
            Block::Detail(d) => out.push_str(&format!("  - {}\n", inline(&d))),
        }
    }
    out
}

/// `review`: a short summary to send ahead of the conversation: per dimension how many
/// expectations have evidence, and the gaps; never the evidence itself.
fn review(view: &crate::view::ReviewView<'_>) -> String {
    let r = &view.review;
    let mut md = format!("# Evidence for {}\n\n", inline(&r.role.heading()));
    if let Some(from) = r.from {
        md += &format!("Compared with {}.\n\n", inline(&from.heading()));
    }
    md += "| Dimension | With evidence | New with evidence |\n| --- | ---: | ---: |\n";
    let row = |label: &str, t: crate::view::Tally| {
        let new = if t.new_all > 0 {
            format!("{} of {}", t.new_with, t.new_all)
        } else {
            "—".to_string()
        };
        format!("| {} | {} of {} | {new} |\n", inline(label), t.with, t.all)
    };
    for d in &r.dimensions {
        md += &row(&d.dimension.label(), d.tally());
    }
    md += &row("In all", r.total());
    let gaps = r.gaps();
    if !gaps.is_empty() {
        md += "\n## Gaps\n\n";
        for at in gaps {
            let item = r.item(at);
            let mark = if item.new { "**New:** " } else { "" };
            let theme = item
                .theme
                .map(|t| format!(" _({})_", inline(&t.name)))
                .unwrap_or_default();
            let dimension = inline(&r.dimensions[at.0].dimension.name);
            md += &format!("- {mark}{} — {dimension}{theme}\n", inline(item.text));
        }
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cells of a Markdown table row, splitting only at unescaped pipes.
    fn cells(row: &str) -> usize {
        let mut count = 0;
        let mut escaped = false;
        for c in row.trim().chars() {
            match c {
                '\\' if !escaped => escaped = true,
                '|' if !escaped => count += 1,
                _ => escaped = false,
            }
        }
        count - 1
    }

    #[test]
    fn a_pipe_or_newline_in_a_cell_keeps_the_row_intact() {
        let mut ladder = crate::embedded::ladder();
        ladder.roles[0].summary = "Left | right\nsecond line".to_string();
        let list = RoleList::of(&ladder, None);
        let md = role_list(&list);
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines.len(), 2 + ladder.roles.len());
        assert!(lines.iter().all(|l| cells(l) == 5), "{md}");
        assert!(md.contains("Left \\| right<br>second line"));
    }
}
