//! The TSV format: a header line, then one record per line, fields escaped so `cut` and `awk` work.

use std::io::Write;

use anyhow::Result;

use super::{Report, mark_name};
use crate::compare::Comparison;

/// Writes the report as a header line and one tab-separated record per line.
pub fn render(out: &mut impl Write, report: &Report<'_>) -> Result<()> {
    let (header, rows) = records(report);
    line(out, header.iter().copied())?;
    for row in &rows {
        line(out, row.iter().map(String::as_str))?;
    }
    Ok(())
}

/// The header and records of a report; every record has as many fields as the header.
fn records(report: &Report<'_>) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row = |fields: &[&str]| rows.push(fields.iter().map(|f| f.to_string()).collect());
    let header = match report {
        Report::List(list) => {
            for r in &list.rows {
                let tracks: Vec<&str> = r.tracks.iter().map(|t| t.id.as_str()).collect();
                row(&[
                    &r.role.id,
                    &r.role.level,
                    &r.role.title,
                    &tracks.join(","),
                    &r.role.summary,
                ]);
            }
            vec!["role", "level", "title", "tracks", "summary"]
        }
        Report::Show(view) => {
            let id = view.role.id.as_str();
            row(&[id, "level", "", "", "", &view.role.level]);
            row(&[id, "title", "", "", "", &view.role.title]);
            for t in &view.tracks {
                row(&[id, "track", "", "", "", &t.id]);
            }
            row(&[id, "summary", "", "", "", &view.role.summary]);
            for b in view.bands {
                row(&[id, "band", "", "", "", &b.name]);
            }
            for (a, value) in &view.attributes {
                row(&[id, "attribute", "", "", &a.id, value.unwrap_or("")]);
            }
            for dv in &view.dimensions {
                let d = dv.dimension.id.as_str();
                for (theme, text) in &dv.expectations {
                    row(&[
                        id,
                        "expectation",
                        d,
                        theme.map_or("", |t| t.id.as_str()),
                        "",
                        text,
                    ]);
                }
                for text in dv.examples {
                    row(&[id, "example", d, "", "", text]);
                }
            }
            vec!["role", "field", "dimension", "theme", "attribute", "text"]
        }
        Report::Search(hits) => {
            for h in &hits.hits {
                row(&[
                    &h.role.id,
                    h.field.kind(),
                    h.field.dimension().map_or("", |d| d.id.as_str()),
                    h.field.theme().map_or("", |t| t.id.as_str()),
                    h.field.attribute().map_or("", |a| a.id.as_str()),
                    h.text,
                ]);
            }
            vec!["role", "field", "dimension", "theme", "attribute", "text"]
        }
        Report::Diff(c) => {
            diff_rows(c, &[], &mut row);
            vec![
                "dimension",
                "theme",
                "attribute",
                "side",
                "change",
                "text",
                "similarity",
            ]
        }
        Report::Next(n) => {
            for step in &n.steps {
                let tracks: Vec<&str> = step.tracks.iter().map(|t| t.id.as_str()).collect();
                let tracks = tracks.join(",");
                match &step.next {
                    Some(c) => diff_rows(c, &[&tracks, &c.to.id], &mut row),
                    None => row(&[&tracks, "", "", "", "", "", "", "", ""]),
                }
            }
            vec![
                "tracks",
                "next",
                "dimension",
                "theme",
                "attribute",
                "side",
                "change",
                "text",
                "similarity",
            ]
        }
        Report::Path(p) => {
            for (step, role) in p.roles.iter().enumerate() {
                let step_text = (step + 1).to_string();
                for (a, values) in &p.attributes {
                    row(&[
                        &p.track.id,
                        &step_text,
                        &role.id,
                        "",
                        "",
                        &a.id,
                        values[step].unwrap_or(""),
                    ]);
                }
                for d in &p.dimensions {
                    for (theme, cells) in &d.themes {
                        let theme = theme.map_or("", |t| t.id.as_str());
                        for text in &cells[step] {
                            row(&[
                                &p.track.id,
                                &step_text,
                                &role.id,
                                &d.dimension.id,
                                theme,
                                "",
                                text,
                            ]);
                        }
                    }
                }
            }
            vec![
                "track",
                "step",
                "role",
                "dimension",
                "theme",
                "attribute",
                "text",
            ]
        }
        Report::Tracks(list) => {
            for (track, roles) in &list.tracks {
                for (step, role) in roles.iter().enumerate() {
                    row(&[
                        &track.id,
                        &track.name,
                        &(step + 1).to_string(),
                        &role.level,
                        &role.id,
                    ]);
                }
            }
            vec!["track", "name", "step", "level", "role"]
        }
        Report::Dimensions(s) => {
            for a in s.attributes {
                row(&["attribute", &a.id, &a.name, "", "", &a.meaning]);
            }
            for d in s.dimensions {
                row(&[
                    "dimension",
                    &d.id,
                    &d.name,
                    "",
                    d.emoji.as_deref().unwrap_or(""),
                    "",
                ]);
                for t in &d.themes {
                    row(&["theme", &t.id, &t.name, &d.id, "", ""]);
                }
            }
            for b in s.bands {
                row(&["band", &b.id, &b.name, "", "", &b.meaning]);
            }
            vec!["kind", "id", "name", "dimension", "emoji", "meaning"]
        }
        Report::Validation(v) => {
            for f in &v.findings {
                row(&[
                    &f.file,
                    &f.line.to_string(),
                    &f.column.to_string(),
                    f.severity.name(),
                    &f.message,
                ]);
            }
            vec!["file", "line", "column", "severity", "message"]
        }
    };
    (header, rows)
}

/// The records of a comparison, each led by the given fields.
fn diff_rows(c: &Comparison<'_>, lead: &[&str], row: &mut impl FnMut(&[&str])) {
    let mut emit = |fields: &[&str]| {
        let all: Vec<&str> = lead.iter().chain(fields).copied().collect();
        row(&all);
    };
    for a in &c.attributes {
        let change = mark_name(a.mark);
        emit(&[
            "",
            "",
            &a.attribute.id,
            "from",
            change,
            a.from.unwrap_or(""),
            "",
        ]);
        emit(&[
            "",
            "",
            &a.attribute.id,
            "to",
            change,
            a.to.unwrap_or(""),
            "",
        ]);
    }
    for d in &c.dimensions {
        for t in &d.themes {
            let theme = t.theme.map_or("", |t| t.id.as_str());
            for (side, items) in [("from", &t.from), ("to", &t.to)] {
                for m in items.iter() {
                    let similarity = m.similarity.map(|s| format!("{s:.2}")).unwrap_or_default();
                    emit(&[
                        &d.dimension.id,
                        theme,
                        "",
                        side,
                        mark_name(m.mark),
                        m.text,
                        &similarity,
                    ]);
                }
            }
        }
    }
}

fn line<'a>(out: &mut impl Write, fields: impl Iterator<Item = &'a str>) -> Result<()> {
    let fields: Vec<String> = fields.map(escape).collect();
    writeln!(out, "{}", fields.join("\t"))?;
    Ok(())
}

/// Backslash, tab, newline and carriage return as `\\`, `\t`, `\n` and `\r`.
fn escape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    for c in field.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_inside_fields_are_escaped() {
        assert_eq!(escape("a\tb\nc\\d\re"), "a\\tb\\nc\\\\d\\re");
        assert_eq!(escape("plain"), "plain");
    }
}
