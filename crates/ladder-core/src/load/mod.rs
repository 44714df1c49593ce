//! Text to model: reads a ladder's TOML (the embedded one, a file, or stdin), refusing what is not
//! a text file of sane size, parses it, and loads it only when `validate` finds no error.

pub mod catalogue;
pub mod chunks;

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use anyhow::Context as _;
use anyhow::{Result, bail};
use serde::Deserialize;

use crate::document::{self, Document};
use crate::model::{Ladder, Lookup, Role};
use crate::text;
use crate::validate::{self, Scope, Severity, Validation};

/// The Security Operations ladder, compiled into the binary.
pub const EMBEDDED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/ladder.toml"
));

/// The largest ladder file `ladder` reads: room for a ladder of some ten thousand roles.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The name findings and errors give the embedded ladder.
pub(crate) const EMBEDDED_NAME: &str = "<embedded>";

impl Document {
    /// The ladder compiled into the binary.
    pub fn embedded() -> Document {
        Document {
            name: EMBEDDED_NAME.to_string(),
            text: EMBEDDED.to_string(),
        }
    }
}

/// Reads a ladder file, or stdin for `-`.
///
/// Fails with one line naming the file when it is missing, a directory, empty,
/// larger than [`MAX_BYTES`], or not UTF-8 text.
pub fn read(path: &Path) -> Result<Document> {
    let name = path.display().to_string();
    if name == "-" {
        let bytes = read_limited(io::stdin().lock(), 0)
            .with_context(|| "cannot read a ladder from stdin".to_string())?;
        return from_bytes(name, bytes);
    }
    let shown = crate::text::cut_middle(&name);
    let file = File::open(path).with_context(|| format!("cannot read ladder file {shown:?}"))?;
    let meta = file
        .metadata()
        .with_context(|| format!("cannot read ladder file {shown:?}"))?;
    if meta.is_dir() {
        bail!("cannot read ladder file {shown:?}: it is a directory");
    }
    read_opened(name, file, meta.len())
}

/// Reads a ladder file already opened (and checked) as `name`, `len` bytes long when checked.
pub fn read_opened(name: String, file: File, len: u64) -> Result<Document> {
    let shown = crate::text::cut_middle(&name);
    if len > MAX_BYTES {
        bail!("ladder file {shown:?} is {len} bytes, over the limit of {MAX_BYTES} (64 MiB)");
    }
    let bytes =
        read_limited(file, len).with_context(|| format!("cannot read ladder file {shown:?}"))?;
    from_bytes(name, bytes)
}

/// Opens a file for reading without waiting: opening a FIFO that has no writer returns at once
/// (O_NONBLOCK, which reads of a regular file ignore), and a terminal never becomes the
/// controlling one (O_NOCTTY), so that a check of what was opened can refuse either.
pub fn open_without_waiting(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

/// Whether two looks at a file saw the same file: its device and inode.
#[cfg(unix)]
pub(crate) fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

/// Whether two looks at a file saw the same file (without inodes: the same length).
#[cfg(not(unix))]
pub(crate) fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.len() == b.len()
}

/// Checks bytes read from `name` and makes them a source: not over the limit, not empty, UTF-8.
pub fn from_bytes(name: String, bytes: Vec<u8>) -> Result<Document> {
    let shown = crate::text::cut_middle(&name);
    if bytes.len() as u64 > MAX_BYTES {
        bail!("ladder file {shown:?} is over the limit of {MAX_BYTES} bytes (64 MiB)");
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        bail!("ladder file {shown:?} is empty");
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "ladder file {shown:?} is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(Document { name, text })
}

/// Reads at most one byte past the limit, so an endless stream cannot exhaust memory;
/// `expected` sizes the buffer up front, so a large file is read without copying it over.
fn read_limited(reader: impl Read, expected: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(expected.min(MAX_BYTES) as usize + 1);
    reader.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Validates a ladder's source: TOML syntax and shape first (the first such error ends the
/// check), then every semantic error and warning, each located in the file.
pub fn validate(source: &Document) -> Validation {
    report(source, Scope::All)
}

/// Only the errors of a ladder's source, each located in the file: what loading a broken
/// ladder reports, without the cost of checking and placing every warning.
pub(crate) fn validate_errors(source: &Document) -> Validation {
    report(source, Scope::Errors)
}

/// The findings of `scope`, each placed by parsing again only the piece of the file it is in
/// (the head, or one role) when the file cuts into pieces.
fn report(source: &Document, scope: Scope) -> Validation {
    let parsed = Ladder::parse(&source.text);
    let chunks = chunks::split(&source.text);
    let pieces = chunks.as_ref().map(|c| validate::Pieces {
        head: c.head,
        roles: &c.roles,
    });
    validate::report_in(source, &parsed, scope, pieces)
}

/// The roles of one `[[role]]` piece of a ladder file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Piece {
    role: Vec<Role>,
}

/// A ladder parsed from its head and its role pieces (see [`chunks`]).
fn parse_pieces<'a>(
    head: &str,
    roles: impl IntoIterator<Item = &'a str>,
) -> Result<Ladder, toml::de::Error> {
    let mut ladder: Ladder = toml::from_str(head)?;
    for piece in roles {
        ladder.roles.extend(toml::from_str::<Piece>(piece)?.role);
    }
    Ok(ladder)
}

impl Ladder {
    /// Parses a ladder, rejects it when it has errors, and makes its text safe to print.
    ///
    /// Errors are one line: `FILE:LINE:COLUMN: message`, plus how many more there are.
    pub fn load(source: &Document) -> Result<Ladder> {
        let mut ladder: Ladder = match Ladder::parse(&source.text) {
            Ok(ladder) => ladder,
            Err(err) => {
                let (line, column) =
                    document::line_column(&source.text, err.span().map_or(0, |s| s.start));
                let file = text::escape_controls(&source.name);
                bail!(
                    "{file}:{line}:{column}: {}",
                    text::escape_controls(&validate::syntax_message(&err))
                );
            }
        };
        ladder.reject_errors(source, validate::errors(&ladder).is_empty())?;
        ladder.escape_controls();
        Ok(ladder)
    }

    /// Parses ladder TOML into the model, without checking it. Piece by piece where the layout
    /// allows (see [`chunks`]): the same ladder in less memory. Any error comes from a parse of
    /// the whole text, so that its place in the file is right.
    pub fn parse(text: &str) -> Result<Ladder, toml::de::Error> {
        let pieces = chunks::split(text)
            .and_then(|c| parse_pieces(c.head, c.roles.iter().map(|r| r.1)).ok());
        match pieces {
            Some(ladder) => Ok(ladder),
            None => toml::from_str(text),
        }
    }
}

/// A ladder's head (every section but the roles) and one of its roles, parsed without the
/// others: what `ladder show ID` needs from a large `--data` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OneRole {
    /// The ladder without its roles: levels, attributes, dimensions, bands and tracks.
    pub head: Ladder,
    /// The role whose id was asked for.
    pub role: Role,
}

/// Loads only the head of the ladder and the role with exactly this id, when the file's
/// layout lets that role be found without parsing the others; `None` otherwise.
///
/// This is what keeps `ladder show ID` fast on a ladder of thousands of roles. The role and
/// the head are checked as a full load checks them, except for what needs the other roles
/// (tracks naming roles, levels ascending along a track).
pub fn one_role(source: &Document, id: &str) -> Result<Option<OneRole>> {
    let Some(chunks) = chunks::split(&source.text) else {
        return Ok(None);
    };
    let Some(piece) = chunks
        .roles
        .iter()
        .find(|(_, c)| chunks::plain_id(c) == Some(id))
    else {
        return Ok(None);
    };
    let Ok(mut ladder) = parse_pieces(chunks.head, [piece.1]) else {
        return Ok(None);
    };
    // Too many roles for the attributes and dimensions is an error of the whole file, which a
    // full load reports at its place.
    if validate::limits::too_many_roles(&ladder, chunks.roles.len()) {
        return Ok(None);
    }
    ladder.reject_errors(source, validate::errors_of_one_role(&ladder).is_empty())?;
    ladder.escape_controls();
    // A piece holds one `[[role]]` table: the splitter cuts the file at every header.
    let Some(role) = ladder.roles.pop() else {
        return Ok(None);
    };
    // The look-ups validation built serve the head too, once they forget the role.
    ladder.lookup.forget_roles();
    Ok(Some(OneRole { head: ladder, role }))
}

impl Ladder {
    /// Fails with the first error located in the file, when `clean` says there is one.
    fn reject_errors(&self, source: &Document, clean: bool) -> Result<()> {
        if !clean {
            // Locating findings parses the file again; only a broken ladder pays for it, and
            // only for its errors: the warnings are not reported here.
            let validation = validate_errors(source);
            let mut errors = validation
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error);
            if let Some(first) = errors.next() {
                let first = first.to_string().replacen(": error: ", ": ", 1);
                match errors.count() {
                    0 => bail!("{first}"),
                    more => {
                        bail!("{first} (and {more} more; run `ladder validate` to see them all)")
                    }
                }
            }
        }
        Ok(())
    }

    /// Parses ladder TOML held in memory, as [`Ladder::load`] does for a file.
    #[cfg(test)]
    pub(crate) fn from_toml(text: &str) -> Result<Ladder> {
        Ladder::load(&Document {
            name: "test.toml".to_string(),
            text: text.to_string(),
        })
    }

    /// Rewrites every text so that no control character or bidirectional override survives.
    fn escape_controls(&mut self) {
        // Whether any text was rewritten: only then may the look-ups that validation built be
        // out of date (a loaded ladder's ids, which they index, hold no control character).
        let mut changed = false;
        self.visit_texts_mut(|s, _| {
            if let Cow::Owned(safe) = text::escape_controls(s) {
                *s = safe;
                changed = true;
            }
        });
        if changed {
            self.lookup = Lookup::default();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Theme;
    use crate::validate;

    /// The embedded ladder, loaded as `ladder` loads it (the binary's compiled copy equals it).
    fn embedded() -> Ladder {
        Ladder::load(&Document::embedded()).expect("data/ladder.toml loads")
    }

    const MINIMAL: &str = r#"
name = "Tiny"
levels = ["A", "B"]
[[attribute]]
id = "scope"
name = "Scope"
meaning = "How far the work reaches."
[[dimension]]
id = "craft"
name = "Craft"
themes = [{ id = "depth", name = "Depth" }]
[[track]]
id = "main"
name = "Main"
roles = ["A-one", "B-two"]
[[role]]
id = "A-one"
level = "A"
title = "One"
summary = "First."
attributes = { scope = "Self" }
dimensions.craft.expectations = [{ theme = "depth", text = "Learns." }]
[[role]]
id = "B-two"
level = "B"
title = "Two"
summary = "Second."
attributes = { scope = "Team" }
dimensions.craft.expectations = [{ theme = "depth", text = "Teaches." }]
"#;

    #[test]
    fn a_minimal_ladder_loads_and_resolves_look_ups() {
        let ladder = Ladder::from_toml(MINIMAL).expect("minimal ladder loads");
        let two = ladder.role("B-two").expect("role B-two");
        assert_eq!(ladder.level_rank(&two.level), Some(1));
        let tracks: Vec<_> = ladder.tracks_of(two).map(|t| t.id.as_str()).collect();
        assert_eq!(tracks, ["main"]);
        assert_eq!(two.in_dimension("craft").expectations[0].text, "Teaches.");
        assert!(two.in_dimension("missing").expectations.is_empty());
    }

    #[test]
    fn themes_and_levels_are_looked_up_as_a_search_finds_them() {
        let mut ladder: Ladder = toml::from_str(MINIMAL).expect("parses");
        ladder.levels.push("A".to_string());
        let mut twin = ladder.dimensions[0].clone();
        twin.themes = vec![Theme {
            id: "other".to_string(),
            name: "Other".to_string(),
        }];
        ladder.dimensions.push(twin);
        // A repeated level ranks where it first appears.
        assert_eq!(ladder.level_rank("A"), Some(0));
        assert_eq!(ladder.level_rank("Z"), None);
        // Each dimension's own themes, even under a repeated id; none of another ladder's.
        let (craft, twin) = (&ladder.dimensions[0], &ladder.dimensions[1]);
        assert_eq!(
            ladder.theme(craft, "depth").map(|t| &t.name[..]),
            Some("Depth")
        );
        assert_eq!(ladder.theme(craft, "other"), None);
        assert_eq!(
            ladder.theme(twin, "other").map(|t| &t.name[..]),
            Some("Other")
        );
        assert_eq!(ladder.theme(twin, "depth"), None);
        let elsewhere = embedded();
        assert_eq!(
            elsewhere.theme(craft, "depth").map(|t| &t.id[..]),
            Some("depth")
        );
    }

    #[test]
    fn the_head_of_one_role_answers_look_ups_as_a_head_loaded_afresh() {
        let source = Document {
            name: "test.toml".to_string(),
            text: MINIMAL.to_string(),
        };
        let one = one_role(&source, "B-two").expect("loads").expect("found");
        let mut fresh = one.head.clone();
        fresh.lookup = Lookup::default();
        // The look-ups validation built are kept, without the role that was taken out.
        for head in [&one.head, &fresh] {
            assert_eq!(head.role("B-two"), None);
            let tracks: Vec<&str> = head.tracks_of(&one.role).map(|t| &t.id[..]).collect();
            assert_eq!(tracks, ["main"]);
            assert_eq!(head.level_rank("B"), Some(1));
            let craft = &head.dimensions[0];
            assert_eq!(
                head.theme(craft, "depth").map(|t| &t.name[..]),
                Some("Depth")
            );
        }
    }

    #[test]
    fn look_ups_built_before_escaping_are_rebuilt_when_an_id_changes() {
        let hostile = MINIMAL.replace("\"A-one\"", "\"A\\u001bone\"");
        let mut ladder: Ladder = toml::from_str(&hostile).expect("parses");
        assert!(ladder.role("A\u{1b}one").is_some());
        ladder.escape_controls();
        assert!(ladder.role("A\u{1b}one").is_none());
        assert!(ladder.role("A\\u{1b}one").is_some());
    }

    #[test]
    fn control_characters_are_escaped_on_load() {
        let hostile = MINIMAL.replace("title = \"One\"", "title = \"O\\u001b[31mne\\u202e\"");
        let ladder = Ladder::from_toml(&hostile).expect("loads");
        assert_eq!(ladder.roles[0].title, "O\\u{1b}[31mne\\u{202e}");
    }

    #[test]
    fn findings_placed_piece_by_piece_are_those_of_the_whole_text() {
        // Warnings in many roles, and errors in the head, in tracks and in roles.
        let text = EMBEDDED
            .replacen("title = \"Technical Lead\"", "title = \"\"", 1)
            .replacen("level = \"L2\"", "level = \"L9\"", 1)
            .replacen(
                "  \"L1-junior-security-analyst\",\n",
                "  \"L0-nobody\",\n",
                1,
            )
            .replacen("name = \"Security Operations\"", "name = \"\"", 1);
        let source = Document {
            name: "t.toml".to_string(),
            text,
        };
        assert!(chunks::split(&source.text).is_some());
        let whole = validate::report(&source, &toml::from_str(&source.text), Scope::All);
        let pieces = validate(&source);
        assert!(whole.count(Severity::Error) >= 4, "{:#?}", whole.findings);
        assert!(
            whole.count(Severity::Warning) >= 10,
            "{:#?}",
            whole.findings
        );
        assert_eq!(pieces.findings, whole.findings);
    }

    #[test]
    fn a_dangling_track_reference_is_an_error() {
        let broken = MINIMAL.replace(
            "roles = [\"A-one\", \"B-two\"]",
            "roles = [\"A-one\", \"C-three\"]",
        );
        let err = Ladder::from_toml(&broken).expect_err("dangling role");
        assert_eq!(
            err.to_string(),
            "test.toml:15:19: track \"main\" names unknown role \"C-three\""
        );
    }

    #[test]
    fn the_embedded_file_holds_no_control_characters() {
        let bad: Vec<(usize, char)> = EMBEDDED
            .lines()
            .enumerate()
            .flat_map(|(n, line)| {
                line.chars()
                    .filter(|c| text::is_unsafe(*c))
                    .map(move |c| (n + 1, c))
            })
            .collect();
        assert!(bad.is_empty(), "control characters at {bad:?}");
    }

    #[test]
    fn the_embedded_ladder_has_no_errors_and_only_the_source_quirks_as_warnings() {
        let ladder = embedded();
        let findings = validate::check(&ladder);
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        // Kept from the source on purpose: thin dimensions (L1 has one Business Success
        // expectation) and threads that pause (escalation skips L3 on the analyst track).
        let unexpected: Vec<&str> = findings
            .iter()
            .map(|f| f.message.as_str())
            .filter(|m| {
                !m.contains("a level usually needs at least two")
                    && !m.contains("though the track has it before and after")
            })
            .collect();
        assert!(unexpected.is_empty(), "{unexpected:#?}");
    }

    #[test]
    fn the_embedded_ladder_has_the_seven_roles_on_three_tracks() {
        let ladder = embedded();
        let ids: Vec<&str> = ladder.roles.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "L1-junior-security-analyst",
                "L2-security-analyst",
                "L2-security-engineer",
                "L3-senior-security-analyst",
                "L3-senior-security-engineer",
                "L3-senior-cloud-security-engineer",
                "L4-technical-lead",
            ]
        );
        let tracks: Vec<(&str, Vec<&str>)> = ladder
            .tracks
            .iter()
            .map(|t| (t.id.as_str(), t.roles.iter().map(|r| &r[..2]).collect()))
            .collect();
        assert_eq!(
            tracks,
            [
                ("analyst", vec!["L1", "L2", "L3", "L4"]),
                ("engineer", vec!["L2", "L3", "L4"]),
                ("cloud", vec!["L2", "L3", "L4"]),
            ]
        );
        for track in &ladder.tracks {
            assert_eq!(
                track.roles.last().map(String::as_str),
                Some("L4-technical-lead")
            );
        }
    }

    #[test]
    fn every_embedded_role_is_complete_and_themed() {
        let ladder = embedded();
        for role in &ladder.roles {
            for attribute in &ladder.attributes {
                let value = role.attributes.get(&attribute.id).map(|v| v.trim());
                assert!(
                    value.is_some_and(|v| !v.is_empty()),
                    "{} lacks {}",
                    role.id,
                    attribute.id
                );
            }
            for dimension in &ladder.dimensions {
                let rd = role.in_dimension(&dimension.id);
                assert!(
                    !rd.expectations.is_empty(),
                    "{} has no expectation in {}",
                    role.id,
                    dimension.id
                );
                assert!(
                    !rd.examples.is_empty(),
                    "{} has no example in {}",
                    role.id,
                    dimension.id
                );
                for e in &rd.expectations {
                    let theme = e.theme.as_deref().unwrap_or("");
                    assert!(
                        dimension.theme(theme).is_some(),
                        "{}: {:?} has theme {theme:?}",
                        role.id,
                        e.text
                    );
                }
            }
        }
        for dimension in &ladder.dimensions {
            assert!(
                (4..=6).contains(&dimension.themes.len()),
                "{} has {} themes",
                dimension.id,
                dimension.themes.len()
            );
            for theme in &dimension.themes {
                let kebab = theme
                    .id
                    .split('-')
                    .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()));
                assert!(kebab, "theme id {:?} is not kebab-case", theme.id);
            }
        }
    }

    #[test]
    fn the_embedded_ladder_carries_every_fact_sheet_statement() {
        // (expectations, examples) per dimension, in ladder order, from the counts table
        // of the fact sheet: one entry per statement and example of the source pages.
        let counts = [
            (
                "L1-junior-security-analyst",
                [(3, 3), (2, 3), (3, 4), (1, 1)],
            ),
            ("L2-security-analyst", [(3, 3), (2, 3), (4, 4), (2, 3)]),
            ("L2-security-engineer", [(4, 3), (2, 3), (3, 3), (4, 3)]),
            (
                "L3-senior-security-analyst",
                [(4, 5), (2, 3), (5, 5), (3, 4)],
            ),
            (
                "L3-senior-security-engineer",
                [(5, 5), (2, 4), (7, 5), (4, 4)],
            ),
            (
                "L3-senior-cloud-security-engineer",
                [(8, 5), (2, 5), (6, 4), (4, 4)],
            ),
            ("L4-technical-lead", [(5, 3), (5, 5), (8, 9), (4, 4)]),
        ];
        let ladder = embedded();
        for (id, expected) in counts {
            let role = ladder.role(id).expect("role exists");
            let actual: Vec<(usize, usize)> = ladder
                .dimensions
                .iter()
                .map(|d| {
                    let rd = role.in_dimension(&d.id);
                    (rd.expectations.len(), rd.examples.len())
                })
                .collect();
            assert_eq!(actual, expected, "{id}");
        }
    }

    #[test]
    fn no_sentence_of_the_embedded_ladder_is_repeated() {
        let ladder = embedded();
        let repeats: Vec<String> = validate::check(&ladder)
            .into_iter()
            .filter(|f| f.message.starts_with("the sentence "))
            .map(|f| f.message)
            .collect();
        assert!(repeats.is_empty(), "{repeats:#?}");
    }
}
