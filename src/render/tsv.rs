//! The TSV format: a header line, then one record per line, fields escaped so `cut` and `awk` work.
//!
//! Each report names its columns in one table of (header, field) pairs, and both the header
//! line and every record are read from that table, so a record cannot have more or fewer
//! fields than its header (two hand-kept header lists once drifted: commit 4475d41).

use std::borrow::Cow;
use std::io::Write;

use anyhow::{Result, bail};

use super::{Header, Report, change_name, mark_name, place, state_name, what_name};
use crate::model::{Role, Track};
use crate::query::changes::Change as Edit;
use crate::query::compare::Comparison;
use crate::query::search::{Hit, Hits};
use crate::validate::{Located, Validation};
use crate::view::{self, ChangesView, ItemReview, Record, ReviewView, What};
use crate::view::{
    DimensionList, LadderList, LadderRow, LadderView, NextSteps, PathView, PerLadder, RoleList,
    RoleRow, RoleView, TrackList,
};

/// One column: its header, and how to read its field from a record of type `R`.
type Column<R> = (&'static str, fn(&R) -> Cow<'_, str>);

/// Writes the report as a header line (unless omitted) and one tab-separated record per line.
pub fn render(out: &mut impl Write, report: &Report<'_>, header: Header) -> Result<()> {
    let out = &mut Records {
        out,
        header,
        ladder: None,
    };
    match report {
        Report::List(list) => role_list(out, list),
        Report::CatalogueList(lists) => each(out, heads(lists), role_list),
        Report::Ladders(list) => ladders(out, list),
        Report::Show(view) => role_fields(out, fields_of(view)),
        Report::ShowAll(all) => show_all(out, all),
        Report::CatalogueShowAll(alls) => each(out, heads(alls), show_all),
        Report::Search(hits, _) => search(out, hits),
        Report::Diff(c, _) => diff(out, c),
        Report::Next(n, _) => next(out, n),
        Report::Path(p) => path(out, p),
        Report::CataloguePath(paths) => each(out, heads(paths), path),
        Report::Tracks(list) => tracks(out, list),
        Report::CatalogueTracks(lists) => each(out, heads(lists), tracks),
        Report::Dimensions(s) => structure(out, s),
        Report::CatalogueDimensions(all) => each(out, heads(all), structure),
        Report::Validation(v) => validation(out, v),
        Report::Validations(all) => validation_rows(out, all.iter().flat_map(|v| &v.findings)),
        Report::Changes(view) => versions(out, view),
        Report::Review(view) => review(out, view),
        Report::Evidence(..) => bail!("the evidence outline is Markdown; it has no TSV form"),
    }
}

/// `changes`: one record per change; over two catalogues, led by the ladder's id (a ladder
/// only one has is one record).
fn versions(out: &mut Records<impl Write>, view: &ChangesView<'_>) -> Result<()> {
    let columns: [Column<Record>; 8] = [
        ("change", |r| r.change.map_or("", change_name).into()),
        ("what", |r| r.what.map_or("", what_name).into()),
        ("from_role", |r| r.from_role.into()),
        ("from_place", |r| place(r.from_place, "/").into()),
        ("to_role", |r| r.to_role.into()),
        ("to_place", |r| place(r.to_place, "/").into()),
        ("from", |r| r.from.unwrap_or_default().into()),
        ("to", |r| r.to.unwrap_or_default().into()),
    ];
    for (i, ladder) in view.ladders.iter().enumerate() {
        let mut records = Records {
            out: &mut *out.out,
            header: if i == 0 { out.header } else { Header::Omitted },
            ladder: ladder.id,
        };
        let rows = match (&ladder.changes, ladder.change) {
            (Some(c), _) => view::records(c),
            (None, Some(change)) => vec![Record {
                change: Some(change),
                what: Some(What::Ladder),
                from: (change == Edit::Removed).then_some(ladder.id.unwrap_or_default()),
                to: (change == Edit::Added).then_some(ladder.id.unwrap_or_default()),
                ..Record::default()
            }],
            (None, None) => Vec::new(),
        };
        table(&mut records, &columns, rows)?;
    }
    Ok(())
}

/// `review`: one record per expectation, with its evidence state and the evidence text.
fn review(out: &mut Records<impl Write>, view: &ReviewView<'_>) -> Result<()> {
    let columns: [Column<ReviewRow>; 7] = [
        ("dimension", |(d, _)| (*d).into()),
        ("theme", |(_, i)| {
            i.theme.map_or("", |t| t.id.as_str()).into()
        }),
        ("new", |(_, i)| if i.new { "new" } else { "" }.into()),
        ("state", |(_, i)| state_name(i.state).into()),
        ("line", |(_, i)| {
            i.line.map(|l| l.to_string()).unwrap_or_default().into()
        }),
        ("text", |(_, i)| i.text.into()),
        ("evidence", |(_, i)| i.evidence.into()),
    ];
    let r = &view.review;
    let rows = r
        .each()
        .map(|(d, _, i)| (r.dimensions[d].dimension.id.as_str(), i));
    table(out, &columns, rows)
}

/// A record of `review`: the dimension's id and the expectation.
type ReviewRow<'v> = (&'v str, &'v ItemReview<'v>);

/// `list`: one record per role.
fn role_list(out: &mut Records<impl Write>, list: &RoleList<'_>) -> Result<()> {
    let columns: [Column<&RoleRow>; 5] = [
        ("role", |r| r.role.id.as_str().into()),
        ("level", |r| r.role.level.as_str().into()),
        ("title", |r| r.role.title.as_str().into()),
        ("tracks", |r| ids(&r.tracks).into()),
        ("summary", |r| r.role.summary.as_str().into()),
    ];
    table(out, &columns, &list.rows)
}

/// The records of several ladders under one header line: each ladder's as `write` writes
/// them for one ladder, led by the ladder's id in a `ladder` column (`list`, `tracks`,
/// `dimensions`, `path`, `show --all` and `search` over a catalogue).
fn each<'v, W: Write, V: ?Sized + 'v>(
    out: &mut Records<W>,
    ladders: impl IntoIterator<Item = (&'v str, &'v V)>,
    write: impl Fn(&mut Records<W>, &V) -> Result<()>,
) -> Result<()> {
    for (i, (id, view)) in ladders.into_iter().enumerate() {
        let header = if i == 0 { out.header } else { Header::Omitted };
        let mut records = Records {
            out: &mut *out.out,
            header,
            ladder: Some(id),
        };
        write(&mut records, view)?;
    }
    Ok(())
}

/// Each ladder's view of a catalogue, with its id.
fn heads<'v, V>(ladders: &'v PerLadder<'_, V>) -> impl Iterator<Item = (&'v str, &'v V)> {
    ladders
        .ladders
        .iter()
        .map(|(head, view)| (head.id.unwrap_or_default(), view))
}

/// `ladders`: one record per ladder, its tracks comma-separated.
fn ladders(out: &mut Records<impl Write>, list: &LadderList<'_>) -> Result<()> {
    let columns: [Column<&LadderRow>; 4] = [
        ("ladder", |r| r.head.id.unwrap_or_default().into()),
        ("name", |r| r.head.name.into()),
        ("roles", |r| r.roles.to_string().into()),
        ("tracks", |r| {
            let tracks: Vec<&str> = r.tracks.iter().map(|t| t.id.as_str()).collect();
            tracks.join(",").into()
        }),
    ];
    table(out, &columns, &list.ladders)
}

/// One field of a role, as `show` and `search` both write it.
#[derive(Default)]
struct RoleField<'a> {
    role: &'a str,
    field: &'a str,
    dimension: &'a str,
    theme: &'a str,
    attribute: &'a str,
    text: &'a str,
}

impl<'a> RoleField<'a> {
    /// A field that belongs to no dimension, theme or attribute.
    fn new(role: &'a str, field: &'a str, text: &'a str) -> RoleField<'a> {
        RoleField {
            role,
            field,
            text,
            ..RoleField::default()
        }
    }
}

/// The columns of `show` and `search`, which share one shape so scripts can treat them alike.
fn role_fields<'a>(
    out: &mut Records<impl Write>,
    fields: impl IntoIterator<Item = RoleField<'a>>,
) -> Result<()> {
    let columns: [Column<RoleField>; 6] = [
        ("role", |f| f.role.into()),
        ("field", |f| f.field.into()),
        ("dimension", |f| f.dimension.into()),
        ("theme", |f| f.theme.into()),
        ("attribute", |f| f.attribute.into()),
        ("text", |f| f.text.into()),
    ];
    table(out, &columns, fields)
}

/// `show --all`: the records of `show` of every role, under one header.
fn show_all(out: &mut Records<impl Write>, all: &LadderView<'_>) -> Result<()> {
    role_fields(out, all.roles().flat_map(|view| fields_of(&view)))
}

/// `show`: one record per field of the role, in the order the table shows them; `show --all`
/// writes these of every role, under one header.
fn fields_of<'a>(view: &RoleView<'a>) -> Vec<RoleField<'a>> {
    let this = view.role;
    let role = this.id.as_str();
    let mut fields = vec![
        RoleField::new(role, "level", &this.level),
        RoleField::new(role, "title", &this.title),
    ];
    fields.extend(
        view.tracks
            .iter()
            .map(|&t| RoleField::new(role, "track", &t.id)),
    );
    fields.push(RoleField::new(role, "summary", &this.summary));
    fields.extend(
        view.bands
            .iter()
            .map(|b| RoleField::new(role, "band", &b.name)),
    );
    for &(a, value) in &view.attributes {
        fields.push(RoleField {
            attribute: &a.id,
            ..RoleField::new(role, "attribute", value.unwrap_or(""))
        });
    }
    for dv in &view.dimensions {
        let dimension = dv.dimension.id.as_str();
        for &(theme, text) in &dv.expectations {
            fields.push(RoleField {
                dimension,
                theme: theme.map_or("", |t| t.id.as_str()),
                ..RoleField::new(role, "expectation", text)
            });
        }
        for text in dv.examples {
            fields.push(RoleField {
                dimension,
                ..RoleField::new(role, "example", text)
            });
        }
    }
    fields
}

/// `search`: one record per matching text; across a catalogue, led by the hit's ladder (the
/// hits of each ladder follow one another).
fn search(out: &mut Records<impl Write>, hits: &Hits<'_>) -> Result<()> {
    if hits.hits.first().is_some_and(|h| h.ladder.is_some()) {
        let ladders = hits
            .hits
            .chunk_by(|a, b| a.ladder == b.ladder)
            .map(|hits| (hits[0].ladder.unwrap_or_default(), hits));
        return each(out, ladders, hit_fields);
    }
    hit_fields(out, &hits.hits)
}

/// The records of some hits of a search.
fn hit_fields(out: &mut Records<impl Write>, hits: &[Hit<'_>]) -> Result<()> {
    role_fields(
        out,
        hits.iter().map(|h| RoleField {
            dimension: h.field.dimension().map_or("", |d| d.id.as_str()),
            theme: h.field.theme().map_or("", |t| t.id.as_str()),
            attribute: h.field.attribute().map_or("", |a| a.id.as_str()),
            ..RoleField::new(&h.role.id, h.field.kind(), h.text)
        }),
    )
}

/// One side of one compared item, as `diff` and `next` write it.
#[derive(Default)]
struct Change<'a> {
    /// The tracks a step of `next` is on, comma-separated; `diff` has no such column.
    tracks: &'a str,
    /// The role a step of `next` leads to; `diff` has no such column.
    next: &'a str,
    dimension: &'a str,
    theme: &'a str,
    attribute: &'a str,
    side: &'a str,
    change: &'a str,
    text: &'a str,
    similarity: Option<f64>,
}

/// The columns of a comparison; `next` leads them with two of its own.
fn change_columns<'a>() -> [Column<Change<'a>>; 7] {
    [
        ("dimension", |c| c.dimension.into()),
        ("theme", |c| c.theme.into()),
        ("attribute", |c| c.attribute.into()),
        ("side", |c| c.side.into()),
        ("change", |c| c.change.into()),
        ("text", |c| c.text.into()),
        ("similarity", |c| {
            c.similarity
                .map(|s| format!("{s:.2}"))
                .unwrap_or_default()
                .into()
        }),
    ]
}

/// The records of a comparison: each attribute, then each expectation, from A's side and B's.
fn changes<'a>(c: &'a Comparison<'a>) -> Vec<Change<'a>> {
    let mut changes = Vec::new();
    for a in &c.attributes {
        let change = mark_name(a.mark);
        for (side, value) in [("from", a.from), ("to", a.to)] {
            changes.push(Change {
                attribute: &a.attribute.id,
                side,
                change,
                text: value.unwrap_or(""),
                ..Change::default()
            });
        }
    }
    for d in &c.dimensions {
        for t in &d.themes {
            let theme = t.theme.map_or("", |t| t.id.as_str());
            for (side, items) in [("from", &t.from), ("to", &t.to)] {
                changes.extend(items.iter().map(|m| Change {
                    dimension: &d.dimension.id,
                    theme,
                    side,
                    change: mark_name(m.mark),
                    text: m.text,
                    similarity: m.similarity,
                    ..Change::default()
                }));
            }
        }
    }
    changes
}

/// `diff`: one record per side of each compared item.
fn diff(out: &mut Records<impl Write>, c: &Comparison<'_>) -> Result<()> {
    let columns = change_columns();
    table(out, &columns, changes(c))
}

/// `next`: the records of each step's comparison, led by its tracks and the role it leads to;
/// a step with no next role is one record of its tracks alone.
fn next(out: &mut Records<impl Write>, n: &NextSteps<'_>) -> Result<()> {
    let lead: [Column<Change>; 2] = [("tracks", |c| c.tracks.into()), ("next", |c| c.next.into())];
    let columns: Vec<Column<Change>> = lead.into_iter().chain(change_columns()).collect();
    // Joined before any record borrows them: every record of a step shares its step's field.
    let tracks: Vec<String> = n.steps.iter().map(|s| ids(&s.tracks)).collect();
    let mut all = Vec::new();
    for (step, tracks) in n.steps.iter().zip(&tracks) {
        match &step.next {
            Some(c) => all.extend(changes(c).into_iter().map(|change| Change {
                tracks,
                next: &c.to.id,
                ..change
            })),
            None => all.push(Change {
                tracks,
                ..Change::default()
            }),
        }
    }
    table(out, &columns, all)
}

/// One text of a track's matrix, as `path` writes it.
#[derive(Default)]
struct PathCell<'a> {
    track: &'a str,
    step: &'a str,
    role: &'a str,
    dimension: &'a str,
    theme: &'a str,
    attribute: &'a str,
    text: &'a str,
}

/// `path`: level by level, each attribute value, then each expectation theme by theme.
fn path(out: &mut Records<impl Write>, p: &PathView<'_>) -> Result<()> {
    let columns: [Column<PathCell>; 7] = [
        ("track", |c| c.track.into()),
        ("step", |c| c.step.into()),
        ("role", |c| c.role.into()),
        ("dimension", |c| c.dimension.into()),
        ("theme", |c| c.theme.into()),
        ("attribute", |c| c.attribute.into()),
        ("text", |c| c.text.into()),
    ];
    // Records go level by level, the view's rows theme by theme: each level's expectations
    // are put in record order once (a counting sort by place), instead of every row being
    // looked at for every level. Attribute values are written at every level, "" where none
    // is stated, read from each attribute's row as the levels pass.
    let places = p.roles.len();
    let mut start = vec![0usize; places + 1];
    for d in &p.dimensions {
        for (_, row) in &d.themes {
            for (place, _) in row.cells() {
                start[place + 1] += 1;
            }
        }
    }
    for at in 0..places {
        start[at + 1] += start[at];
    }
    let mut by_place = vec![("", "", ""); start[places]];
    let mut next = start.clone();
    for d in &p.dimensions {
        for (theme, row) in &d.themes {
            let theme = theme.map_or("", |t| t.id.as_str());
            for (place, text) in row.cells() {
                by_place[next[place]] = (d.dimension.id.as_str(), theme, text);
                next[place] += 1;
            }
        }
    }
    let mut values: Vec<_> = p
        .attributes
        .iter()
        .map(|(_, v)| v.cells().peekable())
        .collect();
    // Each level's step number written once, not once per record.
    let steps: Vec<String> = (1..=places).map(|step| step.to_string()).collect();
    let steps = &steps;
    let records = p.roles.iter().enumerate().flat_map(move |(at, role)| {
        let cell = |text| PathCell {
            track: &p.track.id,
            step: &steps[at],
            role: &role.id,
            text,
            ..PathCell::default()
        };
        let mut records = Vec::with_capacity(values.len() + start[at + 1] - start[at]);
        for ((a, _), row) in p.attributes.iter().zip(&mut values) {
            let value = row
                .next_if(|&(place, _)| place == at)
                .map_or("", |(_, v)| v);
            records.push(PathCell {
                attribute: &a.id,
                ..cell(value)
            });
        }
        records.extend(by_place[start[at]..start[at + 1]].iter().map(
            |&(dimension, theme, text)| PathCell {
                dimension,
                theme,
                ..cell(text)
            },
        ));
        records
    });
    table(out, &columns, records)
}

/// One role at its place on a track, as `tracks` writes it.
struct TrackStep<'a> {
    track: &'a Track,
    step: usize,
    role: &'a Role,
}

/// `tracks`: one record per role of each track, in track order.
fn tracks(out: &mut Records<impl Write>, list: &TrackList<'_>) -> Result<()> {
    let columns: [Column<TrackStep>; 5] = [
        ("track", |s| s.track.id.as_str().into()),
        ("name", |s| s.track.name.as_str().into()),
        ("step", |s| s.step.to_string().into()),
        ("level", |s| s.role.level.as_str().into()),
        ("role", |s| s.role.id.as_str().into()),
    ];
    let steps = list.tracks.iter().flat_map(|(track, roles)| {
        roles.iter().enumerate().map(|(at, role)| TrackStep {
            track,
            step: at + 1,
            role,
        })
    });
    table(out, &columns, steps)
}

/// One entry of the ladder's structure, as `dimensions` writes it.
#[derive(Default)]
struct Entry<'a> {
    kind: &'a str,
    id: &'a str,
    name: &'a str,
    dimension: &'a str,
    emoji: &'a str,
    meaning: &'a str,
}

/// `dimensions`: the attributes, each dimension followed by its themes, then the bands.
fn structure(out: &mut Records<impl Write>, s: &DimensionList<'_>) -> Result<()> {
    let columns: [Column<Entry>; 6] = [
        ("kind", |e| e.kind.into()),
        ("id", |e| e.id.into()),
        ("name", |e| e.name.into()),
        ("dimension", |e| e.dimension.into()),
        ("emoji", |e| e.emoji.into()),
        ("meaning", |e| e.meaning.into()),
    ];
    let mut entries = Vec::new();
    for a in s.attributes {
        entries.push(Entry {
            kind: "attribute",
            id: &a.id,
            name: &a.name,
            meaning: &a.meaning,
            ..Entry::default()
        });
    }
    for d in s.dimensions {
        entries.push(Entry {
            kind: "dimension",
            id: &d.id,
            name: &d.name,
            emoji: d.emoji.as_deref().unwrap_or(""),
            ..Entry::default()
        });
        entries.extend(d.themes.iter().map(|t| Entry {
            kind: "theme",
            id: &t.id,
            name: &t.name,
            dimension: &d.id,
            ..Entry::default()
        }));
    }
    for b in s.bands {
        entries.push(Entry {
            kind: "band",
            id: &b.id,
            name: &b.name,
            meaning: &b.meaning,
            ..Entry::default()
        });
    }
    table(out, &columns, entries)
}

/// `validate`: one record per finding, placed in its file.
fn validation(out: &mut Records<impl Write>, v: &Validation) -> Result<()> {
    validation_rows(out, &v.findings)
}

/// One record per finding, each naming its file.
fn validation_rows<'a>(
    out: &mut Records<impl Write>,
    findings: impl IntoIterator<Item = &'a Located>,
) -> Result<()> {
    let columns: [Column<&Located>; 5] = [
        ("file", |f| f.file.as_str().into()),
        ("line", |f| f.line.to_string().into()),
        ("column", |f| f.column.to_string().into()),
        ("severity", |f| f.severity.name().into()),
        ("message", |f| f.message.as_str().into()),
    ];
    table(out, &columns, findings)
}

/// Track ids, comma-separated, as one field.
fn ids(tracks: &[&Track]) -> String {
    let ids: Vec<&str> = tracks.iter().map(|t| t.id.as_str()).collect();
    ids.join(",")
}

/// Where records go, whether a header line leads them, and the ladder they are of.
struct Records<'w, W: Write> {
    out: &'w mut W,
    header: Header,
    /// In a catalogue of several ladders, the id of the ladder whose records these are: a
    /// `ladder` column leads the header and every record then. Outside one, the columns
    /// stay as they were.
    ladder: Option<&'w str>,
}

/// The header line, then one line per record: a field for every column, read the same way.
fn table<R>(
    out: &mut Records<impl Write>,
    columns: &[Column<R>],
    records: impl IntoIterator<Item = R>,
) -> Result<()> {
    // Each line is put together here and reaches the writer in one piece: a report may have
    // millions of records (`path` writes every attribute at every level).
    let mut text = String::new();
    let ladder = out.ladder.map(Cow::Borrowed);
    if out.header == Header::Shown {
        let lead = ladder.as_ref().map(|_| Cow::Borrowed("ladder"));
        let names = columns.iter().map(|(name, _)| Cow::Borrowed(*name));
        line(&mut text, lead.into_iter().chain(names));
        out.out.write_all(text.as_bytes())?;
    }
    for record in records {
        text.clear();
        let fields = columns.iter().map(|(_, field)| field(&record));
        line(&mut text, ladder.clone().into_iter().chain(fields));
        out.out.write_all(text.as_bytes())?;
    }
    Ok(())
}

/// Appends fields escaped, tab-separated, as one line.
fn line<'a>(text: &mut String, fields: impl Iterator<Item = Cow<'a, str>>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            text.push('\t');
        }
        escape_into(text, &field);
    }
    text.push('\n');
}

/// Backslash, tab, newline and carriage return as `\\`, `\t`, `\n` and `\r`.
#[cfg(test)]
fn escape(field: &str) -> String {
    let mut text = String::new();
    escape_into(&mut text, field);
    text
}

/// Appends a field with backslash, tab, newline and carriage return as `\\`, `\t`, `\n`
/// and `\r`, copying the runs between them whole.
fn escape_into(text: &mut String, field: &str) {
    let mut rest = field;
    while let Some(at) = rest
        .bytes()
        .position(|b| matches!(b, b'\\' | b'\t' | b'\n' | b'\r'))
    {
        text.push_str(&rest[..at]);
        text.push_str(match rest.as_bytes()[at] {
            b'\\' => "\\\\",
            b'\t' => "\\t",
            b'\n' => "\\n",
            _ => "\\r",
        });
        rest = &rest[at + 1..];
    }
    text.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::model::Ladder;
    use crate::query::compare::compare;
    use crate::query::search::{self, Query};
    use crate::view::{
        Detail, DimensionList, NextSteps, PathView, RoleList, RoleView, Step, TrackList,
    };

    #[test]
    fn separators_inside_fields_are_escaped() {
        assert_eq!(escape("a\tb\nc\\d\re"), "a\\tb\\nc\\\\d\\re");
        assert_eq!(escape("plain"), "plain");
    }

    /// A ladder from a file of tests/data, loaded as `--data` loads it.
    fn test_data(name: &str) -> (Document, Ladder) {
        let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
        let source = crate::load::read(std::path::Path::new(&path)).expect("test data");
        let ladder = Ladder::load(&source).expect("test data loads");
        (source, ladder)
    }

    /// Every kind of report over a whole ladder: each role shown and compared with the next
    /// on each of its tracks (the top of a track too), each track's path, and so on.
    fn every_report<'a>(source: &Document, ladder: &'a Ladder) -> Vec<Report<'a>> {
        let dimensions: Vec<_> = ladder.dimensions.iter().collect();
        let query = Query {
            texts: vec!["e".to_string()],
            pattern: search::pattern("e", false, false).expect("pattern"),
            dimension: None,
            track: None,
            level: None,
        };
        let mut reports = vec![
            Report::List(RoleList::of(ladder, None)),
            Report::Search(search::search(ladder, &query), crate::view::Listing::Hits),
            Report::Tracks(TrackList::of(ladder)),
            Report::Dimensions(DimensionList::of(ladder)),
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
            reports.push(Report::Next(
                NextSteps {
                    role,
                    steps,
                    left_out: None,
                    hint: None,
                },
                Detail::Full,
            ));
        }
        for track in &ladder.tracks {
            reports.push(Report::Path(PathView::of(ladder, track, &dimensions)));
            for pair in track.roles.windows(2) {
                let (from, to) = (ladder.role(&pair[0]), ladder.role(&pair[1]));
                let (from, to) = (from.expect("role"), to.expect("role"));
                reports.push(Report::Diff(
                    compare(ladder, from, to, &dimensions),
                    Detail::Full,
                ));
            }
        }
        reports
    }

    #[test]
    fn every_record_has_as_many_fields_as_its_header() {
        let ladders = [
            (Document::embedded(), crate::embedded::ladder()),
            test_data("design.toml"),
            test_data("hostile.toml"),
        ];
        for (source, ladder) in &ladders {
            for report in every_report(source, ladder) {
                let mut out = Vec::new();
                render(&mut out, &report, Header::Shown).expect("rendered");
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
