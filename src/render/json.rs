//! The JSON format: one document per invocation, a contract for scripts (see docs/json.md).

use std::borrow::Cow;
use std::io::Write;

use anyhow::{Result, bail};
use schemars::generate::SchemaSettings;
use schemars::transform::{RecursiveTransform, Transform};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Serialize;

use super::{Report, change_name, direction_name, mark_name, state_name, verdict_words, what_name};
use crate::model::{Band, Dimension, Role};
use crate::query::changes::Spot;
use crate::query::compare::{self, Comparison, Marked};
use crate::query::search::Hits;
use crate::validate::{Severity, Validation};
use crate::view::{
    ChangesView, DimensionList, LadderChanges, LadderHead, LadderList, LadderView, NextSteps,
    PathRow, PathView, PerLadder, ReviewView, RoleList, RoleView, TrackList, What,
};

/// The version of the JSON documents; it changes only when a field changes meaning or goes away.
pub const SCHEMA: u32 = 2;

/// Writes the report as one pretty-printed JSON document followed by a newline.
pub fn render(out: &mut impl Write, report: &Report<'_>) -> Result<()> {
    match report {
        Report::List(list) => write(out, &list_doc(list)),
        Report::CatalogueList(lists) => write(out, &catalogue_list_doc(lists)),
        Report::Ladders(list) => write(out, &ladders_doc(list)),
        Report::Show(view) => write(out, &show_doc(view)),
        Report::ShowAll(all) => write(out, &all_doc(all)),
        Report::CatalogueShowAll(alls) => write(out, &catalogue_all_doc(alls)),
        Report::Diff(c, _) => write(out, &doc(diff_body(c))),
        Report::Next(steps, _) => write(out, &next_doc(steps)),
        Report::Path(path) => write(out, &doc(path_body(None, path))),
        Report::CataloguePath(paths) => write(out, &catalogue_path_doc(paths)),
        Report::Search(hits, _) => write(out, &search_doc(hits)),
        Report::Tracks(list) => write(out, &doc(tracks_body([(None, list)]))),
        Report::CatalogueTracks(lists) => write(out, &doc(tracks_body(each(lists)))),
        Report::Dimensions(s) => write(out, &doc(structure_body([(None, s)]))),
        Report::CatalogueDimensions(all) => write(out, &doc(structure_body(each(all)))),
        Report::Validation(v) => write(out, &doc(validation_body(v))),
        Report::Validations(all) => write(out, &validations_doc(all)),
        Report::Changes(view) => write(out, &changes_doc(view)),
        Report::Review(view) => write(out, &doc(review_body(view))),
        Report::Evidence(..) => bail!("the evidence outline is Markdown; it has no JSON form"),
    }
}

fn write(out: &mut impl Write, doc: &impl Serialize) -> Result<()> {
    // As an `io::Error`, a closed pipe is recognised as one (`exit::for_error`) and ends the
    // run quietly, as it does for the other formats.
    serde_json::to_writer_pretty(&mut *out, doc).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

/// Writes a JSON Schema (`ladder schema`), pretty as every document is: a schema carries no
/// `schema` version of ours, it is the contract itself.
pub(super) fn schema(out: &mut impl Write, schema: &impl Serialize) -> Result<()> {
    write(out, schema)
}

/// The JSON Schema (draft 2020-12) of every document `--format json` writes (`ladder schema
/// json`), generated from the types below, which are the ones serialized: under `$defs` one
/// document per report, and at the top any one of them. Every object is closed
/// (`additionalProperties: false`), so an output with a field the schema does not name fails it.
pub fn output_schema() -> Schema {
    let mut generator = SchemaGenerator::new(SchemaSettings::draft2020_12().for_serialize());
    let reports = [
        (
            "list",
            "`list`, of one ladder or of a catalogue (each role naming its ladder)",
            <Doc<ListBody<'static>>>::json_schema(&mut generator),
        ),
        (
            "ladders",
            "`ladders`: each ladder's id (null outside a catalogue), name, role count and tracks",
            <Doc<LaddersBody<LadderOut<'static, LadderCounts<'static>>>>>::json_schema(
                &mut generator,
            ),
        ),
        (
            "show",
            "`show ROLE`: one role in full",
            <Doc<ShowBody<'static>>>::json_schema(&mut generator),
        ),
        (
            "show-all",
            "`show --all` of one ladder: its name and levels, structure, tracks and every role",
            <Doc<HandbookBody<'static, AllHead<'static>>>>::json_schema(&mut generator),
        ),
        (
            "catalogue-show-all",
            "`show --all` of a catalogue: each ladder's id, name and levels, then the structures, \
             tracks and roles of all of them, each naming its ladder",
            <Doc<CatalogueAllBody<'static>>>::json_schema(&mut generator),
        ),
        (
            "diff",
            "`diff A B`: two roles compared",
            <Doc<DiffBody<'static>>>::json_schema(&mut generator),
        ),
        (
            "next",
            "`next ROLE`: each step up from a role, compared with it",
            <Doc<NextBody<'static>>>::json_schema(&mut generator),
        ),
        (
            "path",
            "`path TRACK` of one ladder: every role of the track side by side",
            <Doc<PathBody<'static>>>::json_schema(&mut generator),
        ),
        (
            "catalogue-path",
            "`path TRACK` of a catalogue: the path of each ladder that has the track",
            <Doc<PathsBody<'static>>>::json_schema(&mut generator),
        ),
        (
            "search",
            "`search`, of one ladder or of a catalogue: every matching text",
            <Doc<SearchBody<'static>>>::json_schema(&mut generator),
        ),
        (
            "tracks",
            "`tracks`, of one ladder or of a catalogue: each track and its roles",
            <Doc<TracksBody<'static>>>::json_schema(&mut generator),
        ),
        (
            "dimensions",
            "`dimensions`, of one ladder or of a catalogue: attributes, dimensions and bands",
            <Doc<StructureBody<'static>>>::json_schema(&mut generator),
        ),
        (
            "validate",
            "`validate FILE`: the findings in one file",
            <Doc<ValidationBody<'static>>>::json_schema(&mut generator),
        ),
        (
            "validate-folder",
            "`validate DIR`: each file's validation under `files`",
            <Doc<FilesBody<'static>>>::json_schema(&mut generator),
        ),
        (
            "changes",
            "`changes OLD NEW`: two versions of a ladder compared (its own `schema` version)",
            <ChangesDoc<'static>>::json_schema(&mut generator),
        ),
        (
            "review",
            "`review OUTLINE`: a filled evidence outline matched to the role's expectations",
            <Doc<ReviewBody<'static>>>::json_schema(&mut generator),
        ),
    ];
    let mut defs = generator.take_definitions(true);
    let mut any = Vec::new();
    for (name, description, mut report) in reports {
        report.insert("description".into(), description.into());
        defs.insert(name.into(), report.into());
        any.push(serde_json::json!({ "$ref": format!("#/$defs/{name}") }));
    }
    let mut schema = schemars::json_schema!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "The JSON documents of ladder",
        "description": "What `ladder --format json` writes: one document per run, whose first \
                        field is `schema`, its version (docs/json.md).",
        "anyOf": any,
        "$defs": defs,
    });
    RecursiveTransform(close_objects).transform(&mut schema);
    schema
}

/// Refuses fields an object's schema does not name: the output's structs are the whole
/// contract, and a field added to one must reach the schema to pass the tests.
fn close_objects(schema: &mut Schema) {
    if let Some(object) = schema.as_object_mut()
        && object.contains_key("properties")
    {
        object
            .entry("additionalProperties")
            .or_insert(serde_json::Value::Bool(false));
    }
}

/// A document of schema 2: its version, then the fields of its report.
#[derive(Serialize, JsonSchema)]
struct Doc<T: Serialize> {
    /// The version of the contract (docs/json.md).
    #[schemars(extend("const" = SCHEMA))]
    schema: u32,
    #[serde(flatten)]
    body: T,
}

fn doc<T: Serialize>(body: T) -> Doc<T> {
    Doc {
        schema: SCHEMA,
        body,
    }
}

/// Each ladder's view of a catalogue with the ladder's id, which every item written from it
/// carries first as `ladder`; a view outside a catalogue goes with `None`, and its items
/// without the field.
fn each<'v, 'a, V>(
    ladders: &'v PerLadder<'a, V>,
) -> impl Iterator<Item = (Option<&'a str>, &'v V)> + Clone {
    ladders.ladders.iter().map(|(head, view)| (head.id, view))
}

/// A role as `list` writes it: its id, level, title, track ids and summary.
#[derive(Serialize, JsonSchema)]
struct RoleSummary<'a> {
    /// Only in a catalogue of several ladders: the id of the role's ladder.
    #[serde(skip_serializing_if = "Option::is_none")]
    ladder: Option<&'a str>,
    id: &'a str,
    level: &'a str,
    title: &'a str,
    tracks: Vec<&'a str>,
    summary: &'a str,
}

/// The fields of a `list` document: every role, by track, then level.
#[derive(Serialize, JsonSchema)]
struct ListBody<'a> {
    roles: Vec<RoleSummary<'a>>,
}

fn list_doc<'a>(list: &'a RoleList<'a>) -> Doc<ListBody<'a>> {
    doc(ListBody {
        roles: summaries(None, list).collect(),
    })
}

/// `list` over a catalogue: the roles of every ladder in one array, each naming its ladder.
fn catalogue_list_doc<'a>(lists: &'a PerLadder<'a, RoleList<'a>>) -> Doc<ListBody<'a>> {
    doc(ListBody {
        roles: each(lists)
            .flat_map(|(ladder, roles)| summaries(ladder, roles))
            .collect(),
    })
}

/// The roles of a list as `list` writes them, under the ladder id given.
fn summaries<'a>(
    ladder: Option<&'a str>,
    list: &'a RoleList<'a>,
) -> impl Iterator<Item = RoleSummary<'a>> {
    list.rows.iter().map(move |row| RoleSummary {
        ladder,
        id: &row.role.id,
        level: &row.role.level,
        title: &row.role.title,
        tracks: row.tracks.iter().map(|t| t.id.as_str()).collect(),
        summary: &row.role.summary,
    })
}

/// A ladder's `id` (null outside a catalogue) and `name`, then the fields of its report: an
/// item of the `ladders` of `ladders` and of `show --all` over a catalogue.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "LadderWith{T}")]
struct LadderOut<'a, T: Serialize> {
    id: Option<&'a str>,
    name: &'a str,
    #[serde(flatten)]
    rest: T,
}

/// The fields of a document that lists ladders.
#[derive(Serialize, JsonSchema)]
struct LaddersBody<T: Serialize> {
    ladders: Vec<T>,
}

fn ladder_out<'a, T: Serialize>(head: &LadderHead<'a>, rest: T) -> LadderOut<'a, T> {
    LadderOut {
        id: head.id,
        name: head.name,
        rest,
    }
}

/// `ladders`: each ladder's id (null outside a catalogue), name, role count and track ids.
fn ladders_doc<'a>(list: &'a LadderList<'a>) -> Doc<LaddersBody<LadderOut<'a, LadderCounts<'a>>>> {
    doc(LaddersBody {
        ladders: list
            .ladders
            .iter()
            .map(|row| {
                let tracks = row.tracks.iter().map(|t| t.id.as_str()).collect();
                let counts = LadderCounts {
                    roles: row.roles,
                    tracks,
                };
                ladder_out(&row.head, counts)
            })
            .collect(),
    })
}

fn show_doc<'a>(view: &'a RoleView<'a>) -> Doc<ShowBody<'a>> {
    doc(ShowBody {
        role: full_role(None, view),
    })
}

/// `show --all`: the ladder's name and levels, its structure as `dimensions` writes it, its
/// tracks as `tracks` writes them, then every role as `show` writes it.
fn all_doc<'a>(all: &'a LadderView<'a>) -> Doc<HandbookBody<'a, AllHead<'a>>> {
    let head = AllHead {
        name: all.name,
        levels: all.levels,
    };
    handbook_doc(head, vec![(None, all)])
}

/// `show --all` over a catalogue: each ladder's id, name and levels under `ladders`, then the
/// structures, tracks and roles of every ladder, each item naming its ladder.
fn catalogue_all_doc<'a>(alls: &'a PerLadder<'a, LadderView<'a>>) -> Doc<CatalogueAllBody<'a>> {
    let head = LaddersBody {
        ladders: alls
            .ladders
            .iter()
            .map(|(head, all)| ladder_out(head, LadderLevels { levels: all.levels }))
            .collect(),
    };
    handbook_doc(head, each(alls).collect())
}

/// A `show --all` document after its head: the structures, tracks and roles of the ladders.
fn handbook_doc<'a, H: Serialize + JsonSchema + 'a>(
    head: H,
    ladders: Vec<(Option<&'a str>, &'a LadderView<'a>)>,
) -> Doc<HandbookBody<'a, H>> {
    // By value: the bodies made from them must not borrow `ladders`, which `Roles` takes.
    let parts = ladders.clone().into_iter();
    doc(HandbookBody {
        head,
        structure: structure_body(parts.clone().map(|(id, all)| (id, &all.structure))),
        tracks: tracks_body(parts.map(|(id, all)| (id, &all.tracks))),
        roles: Roles(ladders),
    })
}

/// The fields of a `show --all` document after its head.
#[derive(Serialize, JsonSchema)]
struct HandbookBody<'a, H: Serialize> {
    #[serde(flatten)]
    head: H,
    #[serde(flatten)]
    structure: StructureBody<'a>,
    #[serde(flatten)]
    tracks: TracksBody<'a>,
    /// Every role in full, as `show` writes it.
    roles: Roles<'a>,
}

/// The head of `show --all` over one ladder.
#[derive(Serialize, JsonSchema)]
struct AllHead<'a> {
    name: &'a str,
    levels: &'a [String],
}

/// The head of `show --all` over a catalogue: each ladder's id, name and levels.
type CatalogueAllBody<'a> = HandbookBody<'a, LaddersBody<LadderOut<'a, LadderLevels<'a>>>>;

/// What `show --all` over a catalogue writes of each ladder after its id and name.
#[derive(Serialize, JsonSchema)]
struct LadderLevels<'a> {
    levels: &'a [String],
}

/// The roles written one by one as they are made: every role holds every attribute and
/// dimension, so all of them at once would be the roles times those.
struct Roles<'a>(Vec<(Option<&'a str>, &'a LadderView<'a>)>);

impl Serialize for Roles<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.0
                .iter()
                .flat_map(|&(ladder, all)| all.roles().map(move |view| full_role(ladder, &view))),
        )
    }
}

/// Written as the array of roles it serializes to.
impl JsonSchema for Roles<'_> {
    fn schema_name() -> Cow<'static, str> {
        <Vec<FullRole<'static>>>::schema_name()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        <Vec<FullRole<'static>>>::json_schema(generator)
    }
}

/// What `ladders` writes of each ladder after its id and name.
#[derive(Serialize, JsonSchema)]
struct LadderCounts<'a> {
    roles: usize,
    tracks: Vec<&'a str>,
}

/// The fields of a `show` document.
#[derive(Serialize, JsonSchema)]
struct ShowBody<'a> {
    role: FullRole<'a>,
}

/// A role in full, as `show` writes it.
#[derive(Serialize, JsonSchema)]
struct FullRole<'a> {
    #[serde(flatten)]
    summary: RoleSummary<'a>,
    attributes: Vec<AttributeValue<'a>>,
    dimensions: Vec<DimensionEntry<'a>>,
    bands: Vec<BandOut<'a>>,
}

/// A role's value of one attribute (`null` when it states none).
#[derive(Serialize, JsonSchema)]
struct AttributeValue<'a> {
    attribute: &'a str,
    name: &'a str,
    value: Option<&'a str>,
}

/// A role's expectations and examples in one dimension.
#[derive(Serialize, JsonSchema)]
struct DimensionEntry<'a> {
    dimension: &'a str,
    name: &'a str,
    emoji: Option<&'a str>,
    /// The role's own line for the dimension, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    expectations: Vec<Expectation<'a>>,
    examples: &'a [String],
}

/// One expected behaviour, under its theme's id (`null` outside a theme).
#[derive(Serialize, JsonSchema)]
struct Expectation<'a> {
    theme: Option<&'a str>,
    text: &'a str,
}

/// A role in full, naming its ladder in a catalogue.
fn full_role<'a>(ladder: Option<&'a str>, view: &RoleView<'a>) -> FullRole<'a> {
    let role = view.role;
    FullRole {
        summary: RoleSummary {
            ladder,
            id: &role.id,
            level: &role.level,
            title: &role.title,
            tracks: view.tracks.iter().map(|&t| t.id.as_str()).collect(),
            summary: &role.summary,
        },
        attributes: view
            .attributes
            .iter()
            .map(|&(a, value)| AttributeValue {
                attribute: &a.id,
                name: &a.name,
                value,
            })
            .collect(),
        dimensions: view
            .dimensions
            .iter()
            .map(|dv| {
                let dimension = dv.dimension;
                DimensionEntry {
                    dimension: &dimension.id,
                    name: &dimension.name,
                    emoji: dimension.emoji.as_deref(),
                    summary: dv.summary,
                    expectations: dv
                        .expectations
                        .iter()
                        .map(|&(theme, text)| Expectation {
                            theme: theme.map(|t| t.id.as_str()),
                            text,
                        })
                        .collect(),
                    examples: dv.examples,
                }
            })
            .collect(),
        bands: view.bands.iter().map(|b| band(None, b)).collect(),
    }
}

/// A band of the ladder: an id, a name and what it means.
#[derive(Serialize, JsonSchema)]
struct BandOut<'a> {
    /// Only in a catalogue of several ladders: the id of the band's ladder.
    #[serde(skip_serializing_if = "Option::is_none")]
    ladder: Option<&'a str>,
    id: &'a str,
    name: &'a str,
    meaning: &'a str,
}

fn band<'a>(ladder: Option<&'a str>, b: &'a Band) -> BandOut<'a> {
    BandOut {
        ladder,
        id: &b.id,
        name: &b.name,
        meaning: &b.meaning,
    }
}

/// A role named by its id, level and title.
#[derive(Serialize, JsonSchema)]
struct RoleRef<'a> {
    /// The role's ladder, across the ladders of a catalogue only.
    #[serde(skip_serializing_if = "Option::is_none")]
    ladder: Option<&'a str>,
    id: &'a str,
    level: &'a str,
    title: &'a str,
}

fn role_ref(role: &Role) -> RoleRef<'_> {
    RoleRef {
        ladder: None,
        id: &role.id,
        level: &role.level,
        title: &role.title,
    }
}

/// The fields of a comparison, shared by `diff` and `next`.
#[derive(Serialize, JsonSchema)]
struct DiffBody<'a> {
    from: RoleRef<'a>,
    to: RoleRef<'a>,
    /// Where B stands from A: up, level, down or same.
    direction: &'static str,
    attributes: Vec<AttributeChange<'a>>,
    dimensions: Vec<DimensionChange<'a>>,
    counts: Counts,
    /// Across two ladders only: the dimensions only A's ladder has, by id.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    only_at_a: Vec<&'a str>,
    /// Across two ladders only: the dimensions only B's ladder has, by id.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    only_at_b: Vec<&'a str>,
}

/// One attribute compared: its value at A (`from`) and at B (`to`), and the change.
#[derive(Serialize, JsonSchema)]
struct AttributeChange<'a> {
    attribute: &'a str,
    name: &'a str,
    change: &'static str,
    from: Option<&'a str>,
    to: Option<&'a str>,
}

/// One dimension compared, theme by theme, with its counts.
#[derive(Serialize, JsonSchema)]
struct DimensionChange<'a> {
    dimension: &'a str,
    name: &'a str,
    counts: Counts,
    themes: Vec<ThemeChange<'a>>,
}

/// One theme compared: A's statements (`from`) and B's (`to`), each marked.
#[derive(Serialize, JsonSchema)]
struct ThemeChange<'a> {
    theme: Option<&'a str>,
    name: Option<&'a str>,
    change: &'static str,
    from: Vec<ExpectationChange<'a>>,
    to: Vec<ExpectationChange<'a>>,
}

/// One statement of a comparison, its mark, and its partner at the other side if any.
#[derive(Serialize, JsonSchema)]
struct ExpectationChange<'a> {
    text: &'a str,
    change: &'static str,
    counterpart: Option<&'a str>,
    similarity: Option<f64>,
    /// In a pair, the runs of words B has and A lacks, and those A has and B lacks; the same
    /// on both sides of the pair; `null` when unpaired.
    added: Option<Vec<&'a str>>,
    dropped: Option<Vec<&'a str>>,
}

/// How many statements carry each change: B's, but A's for `not-restated`. The keys are the
/// values of `change`.
#[derive(Serialize, JsonSchema)]
struct Counts {
    new: usize,
    grows: usize,
    differs: usize,
    reworded: usize,
    #[serde(rename = "not-restated")]
    not_restated: usize,
    same: usize,
}

fn counts(n: compare::Counts) -> Counts {
    Counts {
        new: n.new,
        grows: n.grows,
        differs: n.differs,
        reworded: n.reworded,
        not_restated: n.not_restated,
        same: n.same,
    }
}

fn diff_body<'a>(c: &'a Comparison<'a>) -> DiffBody<'a> {
    DiffBody {
        from: RoleRef {
            ladder: c.ladders.map(|[a, _]| a),
            ..role_ref(c.from)
        },
        to: RoleRef {
            ladder: c.ladders.map(|[_, b]| b),
            ..role_ref(c.to)
        },
        direction: direction_name(c.direction),
        attributes: c
            .attributes
            .iter()
            .map(|a| AttributeChange {
                attribute: &a.attribute.id,
                name: &a.attribute.name,
                change: mark_name(a.mark),
                from: a.from,
                to: a.to,
            })
            .collect(),
        dimensions: c.dimensions.iter().map(dimension_change).collect(),
        counts: counts(c.counts()),
        only_at_a: c.only_at[0].iter().map(|d| d.id.as_str()).collect(),
        only_at_b: c.only_at[1].iter().map(|d| d.id.as_str()).collect(),
    }
}

fn dimension_change<'a>(d: &'a compare::DimensionChange<'a>) -> DimensionChange<'a> {
    DimensionChange {
        dimension: &d.dimension.id,
        name: &d.dimension.name,
        counts: counts(d.counts()),
        themes: d
            .themes
            .iter()
            .map(|t| ThemeChange {
                theme: t.theme.map(|t| t.id.as_str()),
                name: t.theme.map(|t| t.name.as_str()),
                change: mark_name(t.mark),
                from: t
                    .from
                    .iter()
                    .map(|m| expectation_change(m, &t.to, false))
                    .collect(),
                to: t
                    .to
                    .iter()
                    .map(|m| expectation_change(m, &t.from, true))
                    .collect(),
            })
            .collect(),
    }
}

/// One statement of a comparison; `others` are the statements of its theme at the other side,
/// where its partner is, and `at_b` whether it is at B.
fn expectation_change<'a>(
    m: &Marked<'a>,
    others: &[Marked<'a>],
    at_b: bool,
) -> ExpectationChange<'a> {
    let runs = |m: &Marked<'a>| m.changed.iter().map(|r| &m.text[r.clone()]).collect();
    let partner = m.partner.and_then(|k| others.get(k));
    let (at_a, at_b) = match (partner, at_b) {
        (Some(p), true) => (Some(runs(p)), Some(runs(m))),
        (Some(p), false) => (Some(runs(m)), Some(runs(p))),
        (None, _) => (None, None),
    };
    ExpectationChange {
        text: m.text,
        change: mark_name(m.mark),
        counterpart: m.counterpart,
        // Two decimals: enough to read, and stable across platforms.
        similarity: m.similarity.map(|s| (s * 100.0).round() / 100.0),
        added: at_b,
        dropped: at_a,
    }
}

/// The fields of a `next` document.
#[derive(Serialize, JsonSchema)]
struct NextBody<'a> {
    role: RoleRef<'a>,
    steps: Vec<StepOut<'a>>,
}

/// One step up from the role: the tracks it is on, and the role it leads to compared with
/// this one (both `null` at the top).
#[derive(Serialize, JsonSchema)]
struct StepOut<'a> {
    tracks: Vec<&'a str>,
    next: Option<RoleRef<'a>>,
    comparison: Option<DiffBody<'a>>,
}

fn next_doc<'a>(n: &'a NextSteps<'a>) -> Doc<NextBody<'a>> {
    doc(NextBody {
        role: role_ref(n.role),
        steps: n
            .steps
            .iter()
            .map(|s| StepOut {
                tracks: s.tracks.iter().map(|t| t.id.as_str()).collect(),
                next: s.next.as_ref().map(|c| role_ref(c.to)),
                comparison: s.next.as_ref().map(diff_body),
            })
            .collect(),
    })
}

/// `path` over a catalogue: under `paths`, the path of each ladder that has the track, as
/// `path` writes it, each naming its ladder first. A path's rows hold one item per role of its
/// track, so the paths of several ladders cannot share one set of rows.
fn catalogue_path_doc<'a>(paths: &'a PerLadder<'a, PathView<'a>>) -> Doc<PathsBody<'a>> {
    doc(PathsBody {
        paths: each(paths)
            .map(|(ladder, path)| path_body(ladder, path))
            .collect(),
    })
}

/// The fields of a `path` document, after its ladder's id in a catalogue.
/// The fields of `path` over a catalogue.
#[derive(Serialize, JsonSchema)]
struct PathsBody<'a> {
    paths: Vec<PathBody<'a>>,
}

/// The fields of a `path` document.
#[derive(Serialize, JsonSchema)]
struct PathBody<'a> {
    /// Only in a catalogue: the id of the path's ladder.
    #[serde(skip_serializing_if = "Option::is_none")]
    ladder: Option<&'a str>,
    track: TrackRef<'a>,
    roles: Vec<RoleRef<'a>>,
    attributes: Vec<PathAttributeRow<'a>>,
    dimensions: Vec<PathDimensionRows<'a>>,
}

/// A track named by its id and name.
#[derive(Serialize, JsonSchema)]
struct TrackRef<'a> {
    id: &'a str,
    name: &'a str,
}

/// One attribute along a path: its value at each role of the track.
#[derive(Serialize, JsonSchema)]
struct PathAttributeRow<'a> {
    attribute: &'a str,
    name: &'a str,
    /// One item per role of the track.
    values: Dense<'a, Option<&'a str>>,
}

/// One dimension along a path, theme by theme.
#[derive(Serialize, JsonSchema)]
struct PathDimensionRows<'a> {
    dimension: &'a str,
    name: &'a str,
    themes: Vec<PathThemeRow<'a>>,
}

/// One theme along a path: the statements at each role of the track.
#[derive(Serialize, JsonSchema)]
struct PathThemeRow<'a> {
    theme: Option<&'a str>,
    name: Option<&'a str>,
    /// One item per role of the track.
    expectations: Dense<'a, &'a [&'a str]>,
}

fn path_body<'a>(ladder: Option<&'a str>, p: &'a PathView<'a>) -> PathBody<'a> {
    let places = p.roles.len();
    PathBody {
        ladder,
        track: TrackRef {
            id: &p.track.id,
            name: &p.track.name,
        },
        roles: p.roles.iter().map(|r| role_ref(r)).collect(),
        attributes: p
            .attributes
            .iter()
            .map(|(a, values)| PathAttributeRow {
                attribute: &a.id,
                name: &a.name,
                values: Dense::new(values, places, |texts| texts.first().copied()),
            })
            .collect(),
        dimensions: p
            .dimensions
            .iter()
            .map(|d| PathDimensionRows {
                dimension: &d.dimension.id,
                name: &d.dimension.name,
                themes: d
                    .themes
                    .iter()
                    .map(|(theme, row)| PathThemeRow {
                        theme: theme.map(|t| t.id.as_str()),
                        name: theme.map(|t| t.name.as_str()),
                        expectations: Dense::new(row, places, |texts| texts),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// A row of a path as the contract writes it: one item per role of the track, made from
/// the texts at that place as it is written, so that no matrix of the rows times the levels
/// is ever held.
struct Dense<'a, T> {
    row: &'a PathRow<'a>,
    places: usize,
    item: fn(&'a [&'a str]) -> T,
}

impl<'a, T> Dense<'a, T> {
    fn new(row: &'a PathRow<'a>, places: usize, item: fn(&'a [&'a str]) -> T) -> Dense<'a, T> {
        Dense { row, places, item }
    }
}

impl<'a, T: Serialize> Serialize for Dense<'a, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.row.dense(self.places).map(self.item))
    }
}

/// Written as the array it serializes to.
impl<T: JsonSchema> JsonSchema for Dense<'_, T> {
    fn schema_name() -> Cow<'static, str> {
        <Vec<T>>::schema_name()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        <Vec<T>>::json_schema(generator)
    }
}

/// The fields of a `search` document.
#[derive(Serialize, JsonSchema)]
struct SearchBody<'a> {
    /// The first pattern, as schema 2 always had it.
    pattern: &'a str,
    patterns: &'a [String],
    hits: Vec<Hit<'a>>,
}

/// One matching text: where it is (role, field, attribute, dimension, theme) and what matched.
#[derive(Serialize, JsonSchema)]
struct Hit<'a> {
    /// Only in a search across a catalogue: the id of the role's ladder.
    #[serde(skip_serializing_if = "Option::is_none")]
    ladder: Option<&'a str>,
    role: &'a str,
    field: &'static str,
    attribute: Option<&'a str>,
    dimension: Option<&'a str>,
    theme: Option<&'a str>,
    text: &'a str,
    matches: Vec<&'a str>,
}

fn search_doc<'a>(hits: &'a Hits<'a>) -> Doc<SearchBody<'a>> {
    doc(SearchBody {
        pattern: hits.patterns.first().map_or("", String::as_str),
        patterns: &hits.patterns,
        hits: hits
            .hits
            .iter()
            .map(|h| Hit {
                ladder: h.ladder,
                role: &h.role.id,
                field: h.field.kind(),
                attribute: h.field.attribute().map(|a| a.id.as_str()),
                dimension: h.field.dimension().map(|d| d.id.as_str()),
                theme: h.field.theme().map(|t| t.id.as_str()),
                text: h.text,
                matches: h.matches.iter().map(|m| &h.text[m.clone()]).collect(),
            })
            .collect(),
    })
}

/// The fields of a `tracks` document (which `show --all` carries too): the tracks of each
/// ladder given, each naming its ladder in a catalogue.
fn tracks_body<'a>(
    ladders: impl IntoIterator<Item = (Option<&'a str>, &'a TrackList<'a>)>,
) -> TracksBody<'a> {
    TracksBody {
        tracks: ladders
            .into_iter()
            .flat_map(|(ladder, list)| {
                list.tracks.iter().map(move |(t, roles)| TrackOut {
                    ladder,
                    id: &t.id,
                    name: &t.name,
                    roles: roles.iter().map(|r| role_ref(r)).collect(),
                })
            })
            .collect(),
    }
}

/// The fields of a `dimensions` document (which `show --all` carries too): the attributes,
/// dimensions and bands of each ladder given, each naming its ladder in a catalogue.
fn structure_body<'a>(
    ladders: impl IntoIterator<Item = (Option<&'a str>, &'a DimensionList<'a>)> + Clone,
) -> StructureBody<'a> {
    let dimension = |ladder: Option<&'a str>, d: &'a Dimension| DimensionOut {
        ladder,
        id: &d.id,
        name: &d.name,
        emoji: d.emoji.as_deref(),
        themes: d
            .themes
            .iter()
            .map(|t| ThemeOut {
                id: &t.id,
                name: &t.name,
            })
            .collect(),
    };
    StructureBody {
        attributes: ladders
            .clone()
            .into_iter()
            .flat_map(|(ladder, s)| {
                s.attributes.iter().map(move |a| AttributeOut {
                    ladder,
                    id: &a.id,
                    name: &a.name,
                    meaning: &a.meaning,
                })
            })
            .collect(),
        dimensions: ladders
            .clone()
            .into_iter()
            .flat_map(|(ladder, s)| s.dimensions.iter().map(move |d| dimension(ladder, d)))
            .collect(),
        bands: ladders
            .into_iter()
            .flat_map(|(ladder, s)| s.bands.iter().map(move |b| band(ladder, b)))
            .collect(),
    }
}

/// The fields of a `tracks` document.
#[derive(Serialize, JsonSchema)]
struct TracksBody<'a> {
    tracks: Vec<TrackOut<'a>>,
}

/// A track and its roles, lowest level first.
#[derive(Serialize, JsonSchema)]
struct TrackOut<'a> {
    /// Only in a catalogue: the id of the track's ladder.
    #[serde(skip_serializing_if = "Option::is_none")]
    ladder: Option<&'a str>,
    id: &'a str,
    name: &'a str,
    roles: Vec<RoleRef<'a>>,
}

/// The fields of a `dimensions` document.
#[derive(Serialize, JsonSchema)]
struct StructureBody<'a> {
    attributes: Vec<AttributeOut<'a>>,
    dimensions: Vec<DimensionOut<'a>>,
    bands: Vec<BandOut<'a>>,
}

/// An attribute of the ladder: an id, a name and what it means.
#[derive(Serialize, JsonSchema)]
struct AttributeOut<'a> {
    /// Only in a catalogue: the id of the attribute's ladder.
    #[serde(skip_serializing_if = "Option::is_none")]
    ladder: Option<&'a str>,
    id: &'a str,
    name: &'a str,
    meaning: &'a str,
}

/// A dimension of the ladder with its themes.
#[derive(Serialize, JsonSchema)]
struct DimensionOut<'a> {
    /// Only in a catalogue: the id of the dimension's ladder.
    #[serde(skip_serializing_if = "Option::is_none")]
    ladder: Option<&'a str>,
    id: &'a str,
    name: &'a str,
    emoji: Option<&'a str>,
    themes: Vec<ThemeOut<'a>>,
}

/// A theme of a dimension, by id and name.
#[derive(Serialize, JsonSchema)]
struct ThemeOut<'a> {
    id: &'a str,
    name: &'a str,
}

/// The fields of `validate DIR`.
#[derive(Serialize, JsonSchema)]
struct FilesBody<'a> {
    files: Vec<ValidationBody<'a>>,
}

/// The fields of a `validate FILE` document.
#[derive(Serialize, JsonSchema)]
struct ValidationBody<'a> {
    file: &'a str,
    errors: usize,
    warnings: usize,
    findings: Vec<FindingOut<'a>>,
}

/// One finding of `validate`, located in its file.
#[derive(Serialize, JsonSchema)]
struct FindingOut<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    severity: &'static str,
    message: &'a str,
}

/// `validate DIR`: each file's validation as `validate FILE` writes it, under `files`.
fn validations_doc(all: &[Validation]) -> Doc<FilesBody<'_>> {
    doc(FilesBody {
        files: all.iter().map(validation_body).collect(),
    })
}

fn validation_body(v: &Validation) -> ValidationBody<'_> {
    ValidationBody {
        file: &v.file,
        errors: v.count(Severity::Error),
        warnings: v.count(Severity::Warning),
        findings: v
            .findings
            .iter()
            .map(|f| FindingOut {
                file: &f.file,
                line: f.line,
                column: f.column,
                severity: f.severity.name(),
                message: &f.message,
            })
            .collect(),
    }
}

/// The version of the `changes` document, which has its own: it changes only when one of its
/// fields changes meaning or goes away.
pub const CHANGES_SCHEMA: u32 = 1;

/// The `changes` document: two versions of a ladder compared, ladder by ladder.
#[derive(Serialize, JsonSchema)]
struct ChangesDoc<'a> {
    /// The version of the `changes` document, which has its own.
    #[schemars(extend("const" = CHANGES_SCHEMA))]
    schema: u32,
    document: &'static str,
    old: &'a str,
    new: &'a str,
    brief: bool,
    ladders: Vec<LadderChangesJson<'a>>,
}

/// One ladder's changes: its frame, its roles and its statements (empty for a ladder only one
/// catalogue has, which `change` names `added` or `removed`).
#[derive(Serialize, JsonSchema)]
struct LadderChangesJson<'a> {
    ladder: Option<&'a str>,
    change: Option<&'static str>,
    same: bool,
    frame: Vec<FrameJson<'a>>,
    roles: Vec<RoleChangesJson<'a>>,
    statements: Vec<StatementJson<'a>>,
}

/// A change to the frame: a level, track, dimension, theme or attribute added, removed or renamed.
#[derive(Serialize, JsonSchema)]
struct FrameJson<'a> {
    change: &'static str,
    item: &'static str,
    id: &'a str,
    from: Option<&'a str>,
    to: Option<&'a str>,
}

/// A value before (`from`) and after (`to`).
#[derive(Serialize, JsonSchema)]
struct FromTo<'a> {
    from: Option<&'a str>,
    to: Option<&'a str>,
}

/// An attribute value of a role, before and after.
#[derive(Serialize, JsonSchema)]
struct ValueJson<'a> {
    attribute: &'a str,
    from: Option<&'a str>,
    to: Option<&'a str>,
}

/// A role that changed: its `old` and `new` ids (one `null` when it was added or removed) and
/// what changed in it beyond its statements.
#[derive(Serialize, JsonSchema)]
struct RoleChangesJson<'a> {
    old: Option<&'a str>,
    new: Option<&'a str>,
    verdict: &'static str,
    level: Option<FromTo<'a>>,
    tracks_left: &'a [String],
    tracks_joined: &'a [String],
    title: Option<FromTo<'a>>,
    summary: Option<FromTo<'a>>,
    attributes: Vec<ValueJson<'a>>,
}

/// Where a statement is: role, dimension, theme, and its text.
#[derive(Serialize, JsonSchema)]
struct SpotJson<'a> {
    role: &'a str,
    dimension: &'a str,
    theme: Option<&'a str>,
    text: &'a str,
}

/// A statement that changed, with where it was (`from`) and where it is (`to`).
#[derive(Serialize, JsonSchema)]
struct StatementJson<'a> {
    change: &'static str,
    kind: &'static str,
    evaluative: bool,
    from: Option<SpotJson<'a>>,
    to: Option<SpotJson<'a>>,
}

fn changes_doc<'a>(view: &'a ChangesView<'a>) -> ChangesDoc<'a> {
    ChangesDoc {
        schema: CHANGES_SCHEMA,
        document: "changes",
        old: &view.sides[0],
        new: &view.sides[1],
        brief: view.brief,
        ladders: view.ladders.iter().map(ladder_changes_json).collect(),
    }
}

fn ladder_changes_json<'a>(l: &'a LadderChanges<'a>) -> LadderChangesJson<'a> {
    let pair = |p: Option<(&'a str, &'a str)>| {
        p.map(|(from, to)| FromTo {
            from: Some(from),
            to: Some(to),
        })
    };
    let spot = |s: Option<Spot<'a>>| {
        s.map(|s| SpotJson {
            role: s.role,
            dimension: s.dimension,
            theme: s.theme,
            text: s.text,
        })
    };
    let Some(c) = &l.changes else {
        return LadderChangesJson {
            ladder: l.id,
            change: l.change.map(change_name),
            same: l.change.is_none(),
            frame: Vec::new(),
            roles: Vec::new(),
            statements: Vec::new(),
        };
    };
    LadderChangesJson {
        ladder: l.id,
        change: None,
        same: c.same,
        frame: (c.frame.iter())
            .map(|f| FrameJson {
                change: change_name(f.change),
                item: what_name(What::Frame(f.item)),
                id: &f.id,
                from: f.from.as_deref(),
                to: f.to.as_deref(),
            })
            .collect(),
        roles: (c.roles.iter())
            .map(|r| RoleChangesJson {
                old: r.old.map(|x| x.id.as_str()),
                new: r.new.map(|x| x.id.as_str()),
                verdict: verdict_words(r.verdict()),
                level: pair(r.level),
                tracks_left: &r.tracks_left,
                tracks_joined: &r.tracks_joined,
                title: pair(r.title),
                summary: pair(r.summary),
                attributes: (r.attributes.iter())
                    .map(|v| ValueJson {
                        attribute: &v.attribute,
                        from: v.from,
                        to: v.to,
                    })
                    .collect(),
            })
            .collect(),
        statements: (c.statements.iter())
            .map(|s| StatementJson {
                change: change_name(s.change),
                kind: what_name(What::Statement(s.kind)),
                evaluative: s.evaluative(),
                from: spot(s.from),
                to: spot(s.to),
            })
            .collect(),
    }
}

/// The fields of a `review` document: each expectation of the role with the evidence found for it.
#[derive(Serialize, JsonSchema)]
struct ReviewBody<'a> {
    file: &'a str,
    role: &'a str,
    from: Option<&'a str>,
    matched_by_words: bool,
    expectations: Vec<ReviewItemJson<'a>>,
    gone: Vec<GoneJson<'a>>,
    since: Option<SinceJson<'a>>,
}

/// One expectation of the role, its state and the evidence under it.
#[derive(Serialize, JsonSchema)]
struct ReviewItemJson<'a> {
    dimension: &'a str,
    theme: Option<&'a str>,
    text: &'a str,
    new: bool,
    state: &'static str,
    line: Option<usize>,
    was: Option<&'a str>,
    evidence: &'a str,
}

/// A section of the file whose expectation the ladder no longer has, with its evidence.
#[derive(Serialize, JsonSchema)]
struct GoneJson<'a> {
    heading: &'a str,
    line: usize,
    evidence: &'a str,
}

/// With `--since REV`: the revision, and the texts of the expectations that have evidence now
/// and had none then.
#[derive(Serialize, JsonSchema)]
struct SinceJson<'a> {
    revision: &'a str,
    added: Vec<&'a str>,
}

fn review_body<'a>(view: &'a ReviewView<'a>) -> ReviewBody<'a> {
    let r = &view.review;
    ReviewBody {
        file: &view.file,
        role: &r.role.id,
        from: r.from.map(|f| f.id.as_str()),
        matched_by_words: r.by_words,
        expectations: r
            .each()
            .map(|(d, _, i)| ReviewItemJson {
                dimension: &r.dimensions[d].dimension.id,
                theme: i.theme.map(|t| t.id.as_str()),
                text: i.text,
                new: i.new,
                state: state_name(i.state),
                line: i.line,
                was: i.was.as_deref(),
                evidence: i.evidence,
            })
            .collect(),
        gone: (r.gone.iter())
            .map(|g| GoneJson {
                heading: &g.heading,
                line: g.line,
                evidence: g.evidence,
            })
            .collect(),
        since: view.since.as_ref().map(|(rev, gained)| SinceJson {
            revision: rev,
            added: gained.iter().map(|at| r.item(*at).text).collect(),
        }),
    }
}
