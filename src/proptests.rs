//! Property tests: generated ladders, arbitrary bytes and mutated ladder files never make `ladder` panic.

use clap::Parser;
use proptest::prelude::*;
use proptest::test_runner::Config;
use toml::{Table, Value};

use crate::cli::Cli;
use crate::document::Document;
use crate::exit::Exit;
use crate::load;
use crate::load::EMBEDDED;
use crate::model::{Dimension, Ladder};
use crate::query::compare;
use crate::query::resolve;
use crate::term::Terminal;
use crate::validate::Severity;

/// Text as a hostile ladder might hold it: letters first, then anything including controls.
fn text() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z0-9 .,|*_#<>\\\\\"'\\n\\t\\r\\x00-\\x1f\\x7f\\u{9b}\\u{202e}\\u{2066}é🦉-]{0,24}"
}

/// Text for a one-line field (a name, a title): hostile like [`text`], but without line breaks,
/// which validation refuses there.
fn line() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z0-9 .,|*_#<>\\\\\"'\\t\\x00-\\x09\\x0e-\\x1f\\x7f\\u{9b}\\u{202e}\\u{2066}é🦉-]{0,24}"
}

/// A role id that is unique by its index and readable by the shells.
fn role_id(i: usize) -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z0-9]{0,8}".prop_map(move |s| format!("{s}-{i}"))
}

#[derive(Debug, Clone)]
struct Shape {
    levels: usize,
    attributes: Vec<(String, String)>,
    dimensions: Vec<(String, Option<String>, Vec<String>)>,
}

fn shape() -> impl Strategy<Value = Shape> {
    (
        1usize..=5,
        prop::collection::vec((line(), text()), 0..=3),
        prop::collection::vec(
            (
                line(),
                prop::option::of("[🦉🌱x]"),
                prop::collection::vec(line(), 0..=3),
            ),
            1..=3,
        ),
    )
        .prop_map(|(levels, attributes, dimensions)| Shape {
            levels,
            attributes,
            dimensions,
        })
}

/// One generated role: id, level index, title, summary, attribute values, and per dimension
/// its expectations (theme index, text) and examples.
type GenRole = (
    String,
    usize,
    String,
    String,
    Vec<String>,
    Vec<(Vec<(Option<usize>, String)>, Vec<String>)>,
);

fn roles(shape: &Shape) -> impl Strategy<Value = Vec<GenRole>> + use<> {
    let (levels, attributes, dimensions) =
        (shape.levels, shape.attributes.len(), shape.dimensions.len());
    (1usize..=8).prop_flat_map(move |n| {
        (0..n)
            .map(|i| {
                (
                    role_id(i),
                    0..levels,
                    line(),
                    text(),
                    prop::collection::vec(text(), attributes),
                    prop::collection::vec(
                        (
                            prop::collection::vec((prop::option::of(0usize..3), text()), 0..=3),
                            prop::collection::vec(text(), 0..=2),
                        ),
                        dimensions,
                    ),
                )
            })
            .collect::<Vec<_>>()
    })
}

/// A generated ladder as TOML text, with the role ids in file order.
fn ladder_toml() -> impl Strategy<Value = (String, Vec<String>)> {
    shape()
        .prop_flat_map(|shape| {
            let n_tracks = 0usize..=3;
            (Just(shape.clone()), roles(&shape), n_tracks, any::<u64>())
        })
        .prop_map(|(shape, roles, n_tracks, seed)| {
            let mut doc = head_table(&shape);
            doc.insert(
                "track".into(),
                Value::Array(tracks(&shape, &roles, n_tracks, seed)),
            );
            let role_values = roles.iter().map(|r| role_table(&shape, r)).collect();
            let ids = roles.iter().map(|r| r.0.clone()).collect();
            // The roles last, as ladder files keep them, so that loading goes piece by piece.
            let mut roles_doc = Table::new();
            roles_doc.insert("role".into(), Value::Array(role_values));
            (
                toml::to_string(&doc).expect("generated ladder serialises")
                    + "\n"
                    + &toml::to_string(&roles_doc).expect("generated roles serialise"),
                ids,
            )
        })
}

/// A table of string values, in the order given.
fn strings<'a>(pairs: impl IntoIterator<Item = (&'a str, String)>) -> Table {
    pairs
        .into_iter()
        .map(|(k, v)| (k.to_string(), Value::String(v)))
        .collect()
}

/// The ladder's name, levels, attributes and dimensions with their themes.
fn head_table(shape: &Shape) -> Table {
    let mut doc = strings([("name", "Generated".to_string())]);
    let levels = (0..shape.levels).map(|i| Value::String(format!("V{i}")));
    doc.insert("levels".into(), Value::Array(levels.collect()));
    let attributes = shape
        .attributes
        .iter()
        .enumerate()
        .map(|(i, (name, meaning))| {
            Value::Table(strings([
                ("id", format!("a{i}")),
                ("name", name.clone()),
                ("meaning", meaning.clone()),
            ]))
        });
    doc.insert("attribute".into(), Value::Array(attributes.collect()));
    let dimensions = shape
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, (name, emoji, themes))| {
            let mut t = strings([("id", format!("d{i}")), ("name", name.clone())]);
            if let Some(e) = emoji {
                t.insert("emoji".into(), Value::String(e.clone()));
            }
            let themes = themes.iter().enumerate().map(|(j, n)| {
                Value::Table(strings([("id", format!("t{j}")), ("name", n.clone())]))
            });
            t.insert("themes".into(), Value::Array(themes.collect()));
            Value::Table(t)
        });
    doc.insert("dimension".into(), Value::Array(dimensions.collect()));
    doc
}

/// One generated role as its `[[role]]` table.
fn role_table(shape: &Shape, role: &GenRole) -> Value {
    let (id, level, title, summary, values, dims) = role;
    let mut r = strings([
        ("id", id.clone()),
        ("level", format!("V{level}")),
        ("title", title.clone()),
        ("summary", summary.clone()),
    ]);
    let attrs = values
        .iter()
        .enumerate()
        .map(|(i, v)| (format!("a{i}"), Value::String(v.clone())));
    r.insert("attributes".into(), Value::Table(attrs.collect()));
    let mut rds = Table::new();
    for (d, (expectations, examples)) in dims.iter().enumerate() {
        let themes = shape.dimensions[d].2.len();
        let ex = expectations.iter().map(|(theme, text)| {
            let mut e = Table::new();
            // Only declared themes: a theme index past the list means no theme.
            if let Some(t) = theme.filter(|t| *t < themes) {
                e.insert("theme".into(), Value::String(format!("t{t}")));
            }
            e.insert("text".into(), Value::String(text.clone()));
            Value::Table(e)
        });
        let mut rd = Table::new();
        rd.insert("expectations".into(), Value::Array(ex.collect()));
        let examples = examples.iter().cloned().map(Value::String);
        rd.insert("examples".into(), Value::Array(examples.collect()));
        rds.insert(format!("d{d}"), Value::Table(rd));
    }
    r.insert("dimensions".into(), Value::Table(rds));
    Value::Table(r)
}

/// Tracks: for each track, at most one role per level, in ascending level order.
fn tracks(shape: &Shape, roles: &[GenRole], n_tracks: usize, seed: u64) -> Vec<Value> {
    (0..n_tracks)
        .map(|k| {
            let mut chosen: Vec<&GenRole> = Vec::new();
            for level in 0..shape.levels {
                let at_level: Vec<&GenRole> = roles.iter().filter(|r| r.1 == level).collect();
                if !at_level.is_empty() && (seed >> (k * 5 + level)) & 1 == 1 {
                    chosen.push(at_level[(seed as usize + k) % at_level.len()]);
                }
            }
            let mut t = strings([("id", format!("track{k}")), ("name", format!("Track {k}"))]);
            let ids = chosen.iter().map(|r| Value::String(r.0.clone()));
            t.insert("roles".into(), Value::Array(ids.collect()));
            Value::Table(t)
        })
        .collect()
}

/// A folder of this test thread's own, for the files a run reads and writes.
fn scratch() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "ladder-prop-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs one command line in-process against a ladder file's text; returns the exit and the output.
fn run(source: &Document, args: &[&str]) -> (Result<Exit, String>, String) {
    let path = scratch().join("ladder.toml");
    std::fs::write(&path, &source.text).expect("ladder written");
    run_on(&path, args)
}

/// Runs one command line in-process with `--data PATH` (a file or a catalogue folder).
fn run_on(path: &std::path::Path, args: &[&str]) -> (Result<Exit, String>, String) {
    let mut argv = vec![
        "ladder",
        "--data",
        path.to_str().expect("UTF-8 path"),
        "--color",
        "never",
    ];
    argv.extend(args);
    let cli = Cli::try_parse_from(&argv).expect("command line parses");
    let term = Terminal {
        color: false,
        width: 80,
        is_tty: false,
        blocks: true,
    };
    let mut out = Vec::new();
    let result = crate::cmd::execute(cli, term, &mut out).map_err(|e| format!("{e:#}"));
    (result, String::from_utf8(out).expect("output is UTF-8"))
}

/// Every command in every format, with roles named by the ladder's own ids.
fn every_command(source: &Document, first: &str, last: &str) {
    let commands: [&[&str]; 12] = [
        &["list"],
        &["show", first],
        &["diff", first, last],
        &["next", first],
        &["path", "--track", "track0"],
        &["evidence", last],
        &["search", "a"],
        &["tracks"],
        &["dimensions"],
        &["validate"],
        &["show", last, "--dimension", "d0"],
        &["show", "--all"],
    ];
    for command in commands {
        for format in ["table", "json", "markdown", "tsv"] {
            let mut args = vec!["--format", format];
            args.extend(command);
            let (result, out) = run(source, &args);
            if let Err(e) = &result {
                // A broken ladder may be refused, but only ever with one line.
                assert!(!e.contains('\n'), "{args:?}: {e}");
            }
            assert_clean(&format!("{args:?}"), &out, format == "tsv");
        }
    }
}

/// Fails when an output holds a character that must not reach a terminal raw (a tab only
/// where it separates TSV columns).
fn assert_clean(what: &str, out: &str, tsv: bool) {
    let separator = |c: &char| tsv && *c == '\t';
    let raw: Vec<char> = out
        .chars()
        .filter(|c| crate::text::is_unsafe(*c) && !separator(c))
        .collect();
    assert!(raw.is_empty(), "{what} printed raw {raw:?}");
    assert!(!out.contains('\u{1b}'), "{what} printed an escape");
}

/// A ladder with every field of the format filled in (a test below holds it to that).
const EVERY_FIELD: &str = include_str!("../tests/data/every-field.toml");

/// A run of characters no terminal may see raw: title and colour sequences, C0 and C1
/// controls (no line breaks, which one-line fields refuse), bidirectional controls and
/// invisible characters.
fn hostile() -> impl Strategy<Value = String> {
    "(\\x1b\\]0;TITLE\\x07|\\x1b\\[31m|\\u{9b}31m|[\\x00-\\x09\\x0e-\\x1f\\x7f\\u{80}-\\u{84}\\u{86}-\\u{9f}\\u{200b}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}\\u{feff}\\u{e0041}\\u{ad}\\u{34f}\\u{115f}\\u{3164}\\u{fe00}\\u{e0100}]){1,4}"
}

/// Appends a hostile run to every string of a TOML document that is not an id or a
/// reference (those are refused outright); returns how many strings it changed. It walks the
/// document, not the model, so it reaches a field the model's walk would miss.
fn poison(value: &mut Value, key: &str, hostile: &[String], changed: &mut usize) {
    match value {
        Value::String(s) if !matches!(key, "id" | "level" | "levels" | "roles" | "theme") => {
            s.push(' ');
            let run = &hostile[*changed % hostile.len()];
            // An emoji may have at most 32 characters (docs/format.md, "Limits"): the run is
            // cut to fit; every other field has room for the longest run.
            let room = match key {
                "emoji" => {
                    crate::validate::limits::MAX_SYMBOL_CHARS.saturating_sub(s.chars().count())
                }
                _ => usize::MAX,
            };
            s.extend(run.chars().take(room.max(1)));
            *changed += 1;
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|v| poison(v, key, hostile, changed)),
        Value::Table(t) => t
            .iter_mut()
            .for_each(|(k, v)| poison(v, k, hostile, changed)),
        _ => {}
    }
}

/// Fails when any file under `dir` holds a character no terminal may see raw.
fn assert_files_clean(dir: &std::path::Path) {
    for entry in std::fs::read_dir(dir).expect("folder listed") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            assert_files_clean(&path);
        } else {
            let text = std::fs::read_to_string(&path).expect("UTF-8 file");
            assert_clean(&path.display().to_string(), &text, false);
        }
    }
}

#[test]
fn the_every_field_ladder_leaves_no_field_of_the_model_empty() {
    use crate::model::{Dimension, Expectation, Role, RoleDimension};
    let ladder: Ladder = toml::from_str(EVERY_FIELD).expect("parses");
    // Struct patterns without `..`: a field added to the model fails to compile here until
    // the file above fills it.
    let Ladder {
        name: _,
        motto: Some(_),
        about: Some(_),
        levels,
        disciplines,
        attributes,
        dimensions,
        bands,
        tracks,
        roles,
        lookup: _,
    } = &ladder
    else {
        panic!("the ladder's motto or about is missing");
    };
    let lists = [levels.len(), disciplines.len(), attributes.len()];
    let lists = lists
        .into_iter()
        .chain([dimensions.len(), bands.len(), tracks.len()]);
    assert!(lists.chain([roles.len()]).all(|n| n > 0));
    let Dimension {
        id: _,
        name: _,
        emoji: Some(_),
        themes,
    } = &dimensions[0]
    else {
        panic!("the dimension has no emoji");
    };
    assert!(!themes.is_empty());
    let Role {
        id: _,
        level: _,
        title: _,
        summary: _,
        attributes,
        dimensions,
    } = &roles[0];
    assert!(!attributes.is_empty());
    let RoleDimension {
        summary: Some(_),
        expectations,
        examples,
    } = &dimensions["d0"]
    else {
        panic!("the role's dimension has no summary");
    };
    assert!(!examples.is_empty());
    let Expectation {
        theme: Some(_),
        text: _,
    } = &expectations[0]
    else {
        panic!("the first expectation has no theme");
    };
}

/// `default` cases, or `PROPTEST_CASES` when set: a `cases:` written in a config would
/// otherwise override the variable, and a longer run could not be asked for.
pub(crate) fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

proptest! {
    #![proptest_config(Config { cases: cases(48), ..Config::default() })]

    #[test]
    fn generated_ladders_load_and_every_command_works((text, ids) in ladder_toml()) {
        let source = Document { name: "generated.toml".into(), text };
        // Parsing piece by piece gives the ladder a whole-file parse gives.
        let whole: Ladder = toml::from_str(&source.text).expect("whole parse");
        prop_assert!(crate::load::chunks::split(&source.text).is_some(), "the roles-last layout splits");
        prop_assert_eq!(Ladder::parse(&source.text).expect("parse"), whole);
        let ladder = Ladder::load(&source).map_err(|e| TestCaseError::fail(format!("{e:#}\n{}", source.text)))?;
        let errors: Vec<_> = load::validate(&source).findings.into_iter().filter(|f| f.severity == Severity::Error).collect();
        prop_assert!(errors.is_empty(), "{errors:#?}");

        // Every role resolves by its own id, and diffs with itself without a change.
        let dims: Vec<&Dimension> = ladder.dimensions.iter().collect();
        for role in &ladder.roles {
            let found = resolve::role(&ladder, &role.id, None).map_err(|e| TestCaseError::fail(e.0))?;
            prop_assert_eq!(&found.id, &role.id);
            prop_assert!(compare::compare(&ladder, role, role, &dims).is_unchanged());
        }

        // list --format json lists exactly the roles of the file.
        let (result, out) = run(&source, &["list", "--format", "json"]);
        prop_assert_eq!(result, Ok(Exit::Success));
        let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        let mut listed: Vec<String> = doc["roles"].as_array().expect("roles").iter().map(|r| r["id"].as_str().expect("id").to_string()).collect();
        let mut expected: Vec<String> = ladder.roles.iter().map(|r| r.id.clone()).collect();
        listed.sort();
        expected.sort();
        prop_assert_eq!(listed, expected);
        prop_assert_eq!(ladder.roles.len(), ids.len());

        every_command(&source, &ids[0], &ids[ids.len() - 1]);

        // show ID reads only the head and that role, and says the same as a full load.
        for id in &ids {
            let one = load::one_role(&source, id).expect("loads").expect("found by its plain id");
            prop_assert!(one.head.roles.is_empty());
            prop_assert_eq!(Some(&one.role), ladder.role(id));
            prop_assert_eq!(&one.head.tracks, &ladder.tracks);
            prop_assert_eq!(&one.head.dimensions, &ladder.dimensions);
        }
    }

    #[test]
    fn hostile_text_in_every_field_never_reaches_the_output(hostile in prop::collection::vec(hostile(), 1..6)) {
        let mut doc: Value = toml::from_str(EVERY_FIELD).expect("parses");
        let mut changed = 0;
        poison(&mut doc, "", &hostile, &mut changed);
        let text = toml::to_string(&doc).expect("serialises");
        // The model's walk sees exactly the texts the document's walk changed.
        let ladder = Ladder::parse(&text).expect("parses");
        let mut walked = 0;
        ladder.visit_texts(|_, _, kind| walked += usize::from(!matches!(kind, crate::model::TextKind::Id(_) | crate::model::TextKind::Ref(_))));
        prop_assert_eq!(walked, changed);
        let source = Document { name: "every-field.toml".into(), text };
        Ladder::load(&source).map_err(|e| TestCaseError::fail(format!("{e:#}")))?;
        every_command(&source, "F1-maker", "F2-senior-maker");

        let dir = scratch();
        let catalogue = dir.join("catalogue");
        let _ = std::fs::remove_dir_all(&catalogue);
        std::fs::create_dir_all(&catalogue).expect("catalogue folder");
        // Two ladders, so that the views of a catalogue put each under its (hostile) name.
        std::fs::write(catalogue.join("ev.toml"), &source.text).expect("ladder written");
        std::fs::write(catalogue.join("ev2.toml"), &source.text).expect("ladder written");
        for format in ["table", "json", "markdown", "tsv"] {
            for command in [&["show", "ev/F1-maker"][..], &["list"], &["search", "the"], &["diff", "ev/F1-maker", "ev/F2-senior-maker"], &["tracks"], &["dimensions"], &["path", "--track", "track0"], &["show", "--all"]] {
                let mut args = vec!["--format", format];
                args.extend(command);
                let (result, out) = run_on(&catalogue, &args);
                prop_assert!(result.is_ok(), "{:?}: {:?}", args, result);
                assert_clean(&format!("catalogue {args:?}"), &out, format == "tsv");
            }
        }
        for (data, out) in [(&dir.join("ladder.toml"), dir.join("export")), (&catalogue, dir.join("export-catalogue"))] {
            let _ = std::fs::remove_dir_all(&out);
            let (result, _) = run_on(data, &["export", out.to_str().expect("UTF-8 path")]);
            prop_assert!(result.is_ok(), "export: {:?}", result);
            assert_files_clean(&out);
        }
    }

    #[test]
    fn browse_takes_any_keys_at_any_size(
        (text, _ids) in ladder_toml(),
        hostile in prop::collection::vec(hostile(), 1..4),
        keys in prop::collection::vec(browse_key(), 1..40),
        sizes in prop::collection::vec((20u16..210, 5u16..60), 1..4),
    ) {
        // A generated ladder, and the every-field ladder with hostile text in every field.
        let mut doc: Value = toml::from_str(EVERY_FIELD).expect("parses");
        poison(&mut doc, "", &hostile, &mut 0);
        for text in [text, toml::to_string(&doc).expect("serialises")] {
            let source = Document { name: "generated.toml".into(), text };
            let ladder = Ladder::load(&source).map_err(|e| TestCaseError::fail(format!("{e:#}")))?;
            browse_keys(&ladder, &keys, &sizes)?;
        }
    }

    #[test]
    fn arbitrary_bytes_give_a_clean_error_or_a_clean_output(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(source) = load::from_bytes("bytes.toml".into(), bytes) {
            let _ = load::validate(&source);
            if let Ok(ladder) = Ladder::load(&source)
                && let (Some(first), Some(last)) = (ladder.roles.first(), ladder.roles.last()) {
                    every_command(&source, &first.id, &last.id);
                }
        }
    }

    #[test]
    fn mutated_embedded_ladders_give_a_clean_error_or_a_clean_output(
        edits in prop::collection::vec((0usize..4, any::<prop::sample::Index>(), any::<prop::sample::Index>(), "[\\x00-\\x7f\\[\\]\"=#\\n{}]{0,6}"), 1..4)
    ) {
        let mut bytes = EMBEDDED.as_bytes().to_vec();
        for (op, at, len, insert) in edits {
            let start = at.index(bytes.len().max(1)).min(bytes.len());
            let end = (start + len.index(40)).min(bytes.len());
            match op {
                0 => { bytes.drain(start..end); }
                1 => { bytes.splice(start..start, insert.bytes()); }
                2 => { bytes.truncate(start); }
                _ => { let copy = bytes[start..end].to_vec(); bytes.splice(end..end, copy); }
            }
        }
        if let Ok(source) = load::from_bytes("mutated.toml".into(), bytes) {
            let validation = load::validate(&source);
            match Ladder::load(&source) {
                Ok(ladder) => {
                    prop_assert!(validation.count(Severity::Error) == 0);
                    if let (Some(first), Some(last)) = (ladder.roles.first(), ladder.roles.last()) {
                        every_command(&source, &first.id, &last.id);
                    }
                }
                Err(e) => {
                    prop_assert!(validation.count(Severity::Error) > 0, "load refused what validate passed: {e:#}");
                    let message = format!("{e:#}");
                    prop_assert!(!message.contains('\n'), "{}", message);
                }
            }
        }
    }
}

/// A key `browse` may be sent: every key it knows, and letters typed into its prompts.
fn browse_key() -> impl Strategy<Value = crossterm_key::KeyEvent> {
    use crossterm_key::{KeyCode, KeyEvent, KeyModifiers};
    let codes = prop_oneof![
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Backspace),
        prop::char::range('0', '9').prop_map(KeyCode::Char),
        prop::sample::select(vec![
            't', 'b', 's', '/', 'n', 'N', 'r', 'e', '?', 'q', 'x', 'L', ' '
        ])
        .prop_map(KeyCode::Char),
    ];
    (codes, any::<bool>()).prop_map(|(code, shift)| {
        let modifiers = if shift {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        KeyEvent::new(code, modifiers)
    })
}

use ratatui::crossterm::event as crossterm_key;

/// Sends `keys` to a browse of the ladder's first role, drawing it after each at each size:
/// it never panics, never writes a file on its own, and no page line is wider than the screen
/// nor any cell holds a control character.
fn browse_keys(
    ladder: &Ladder,
    keys: &[crossterm_key::KeyEvent],
    sizes: &[(u16, u16)],
) -> Result<(), TestCaseError> {
    use crate::browse::{self, Browser, Shelf, Side};
    use ratatui::backend::TestBackend;
    use ratatui::layout::Size;
    let role = &ladder.roles[0];
    let a = Side {
        shelf: 0,
        role,
        track: ladder.tracks_of(role).next(),
    };
    let mut b = Browser::new(vec![Shelf { ladder, id: None }], a, true, true);
    for key in keys {
        b.key(*key);
        for &(width, height) in sizes {
            let mut terminal =
                ratatui::Terminal::new(TestBackend::new(width, height)).expect("a backend");
            browse::prepare(&mut b, Size::new(width, height))
                .map_err(|e| TestCaseError::fail(format!("{e:#}")))?;
            terminal
                .draw(|frame| browse::draw(frame, &b))
                .expect("drawn");
            if let Some(page) = b.drawn().filter(|_| width >= 40 && height >= 10) {
                for line in &page.plain {
                    prop_assert!(
                        crate::render::display_width(line) <= usize::from(width),
                        "{width}: {line}"
                    );
                }
            }
            let cells = terminal.backend().buffer().content();
            prop_assert!(
                cells
                    .iter()
                    .all(|c| !c.symbol().chars().any(char::is_control))
            );
        }
    }
    Ok(())
}
