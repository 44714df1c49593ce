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
    use crate::compare::compare;
    use crate::model::Ladder;
    use crate::search::{self, Query};
    use crate::source::Source;
    use crate::view::{NextSteps, PathView, RoleList, RoleView, Step, Structure, TrackList};

    #[test]
    fn separators_inside_fields_are_escaped() {
        assert_eq!(escape("a\tb\nc\\d\re"), "a\\tb\\nc\\\\d\\re");
        assert_eq!(escape("plain"), "plain");
    }

    /// A ladder from a file of tests/data, loaded as `--data` loads it.
    fn test_data(name: &str) -> (Source, Ladder) {
        let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
        let source = crate::load::read(std::path::Path::new(&path)).expect("test data");
        let ladder = Ladder::load(&source).expect("test data loads");
        (source, ladder)
    }

    /// Every kind of report over a whole ladder: each role shown and compared with the next
    /// on each of its tracks (the top of a track too), each track's path, and so on.
    fn every_report<'a>(source: &Source, ladder: &'a Ladder) -> Vec<Report<'a>> {
        let dimensions: Vec<_> = ladder.dimensions.iter().collect();
        let query = Query {
            text: "e",
            pattern: search::pattern("e", false, false).expect("pattern"),
            dimension: None,
            track: None,
            level: None,
        };
        let mut reports = vec![
            Report::List(RoleList::of(ladder, None)),
            Report::Search(search::search(ladder, &query)),
            Report::Tracks(TrackList::of(ladder)),
            Report::Dimensions(Structure::of(ladder)),
            Report::Validation(crate::load::validate(source)),
        ];
        for role in &ladder.roles {
            reports.push(Report::Show(RoleView::of(ladder, role, &dimensions)));
            let steps = ladder
                .tracks_of(role)
                .map(|t| Step {
                    tracks: vec![t],
                    next: (ladder.next_on(t, role)).map(|n| compare(ladder, role, n, &dimensions)),
                })
                .collect();
            reports.push(Report::Next(NextSteps { role, steps }));
        }
        for track in &ladder.tracks {
            reports.push(Report::Path(PathView::of(ladder, track, &dimensions)));
            for pair in track.roles.windows(2) {
                let (from, to) = (ladder.role(&pair[0]), ladder.role(&pair[1]));
                let (from, to) = (from.expect("role"), to.expect("role"));
                reports.push(Report::Diff(compare(ladder, from, to, &dimensions)));
            }
        }
        reports
    }

    #[test]
    fn every_record_has_as_many_fields_as_its_header() {
        let ladders = [
            (Source::embedded(), Ladder::embedded()),
            test_data("design.toml"),
            test_data("hostile.toml"),
        ];
        for (source, ladder) in &ladders {
            for report in every_report(source, ladder) {
                let mut out = Vec::new();
                render(&mut out, &report).expect("rendered");
                let out = String::from_utf8(out).expect("UTF-8");
                let mut lines = out.lines();
                let header = lines.next().expect("a header line");
                let columns = header.split('\t').count();
                for line in lines {
                    let fields = line.split('\t').count();
                    assert_eq!(fields, columns, "{}: {header}\n{line}", source.name);
                }
            }
        }
    }
}
