//! Checks a ladder: TOML syntax and shape, references, ids and text, with the place of each finding.

use std::collections::{HashMap, HashSet};
use std::fmt;

mod locate;

pub use locate::{report, syntax_message};

use crate::model::{Ladder, Role};
use crate::text::{self, quoted as q};

/// How serious a finding is: errors make a ladder unusable, warnings point at likely mistakes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// `error` or `warning`, as compilers write it.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One step of a path into the TOML document: a key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// One problem found in a ladder, with the path of the value it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub message: String,
    pub at: Vec<Seg>,
}

/// A finding placed in its file: what editors and CI read as `FILE:LINE:COLUMN`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub message: String,
    /// A window of the source line around the column, escaped: at most [`EXCERPT_CHARS`]
    /// characters of the line, with `…` on a side where the line was cut.
    pub source_line: String,
    /// How many characters of `source_line` come before the one the column points at, so
    /// that a caret can be put under it.
    pub caret: usize,
}

/// How many characters of a source line a finding shows around its column. A finding never
/// carries its whole line: a line of a megabyte with a thousand findings on it would cost a
/// gigabyte.
pub const EXCERPT_CHARS: usize = 80;

/// How many findings the formats people read (table, Markdown) show; they count the rest.
/// The machine formats (JSON, TSV) list them all: one short record each.
pub const SHOWN_FINDINGS: usize = 100;

/// Every finding of a file, ready to render.
#[derive(Debug)]
pub struct Validation {
    pub file: String,
    pub findings: Vec<Located>,
}

impl Validation {
    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

impl fmt::Display for Located {
    /// The one-line form: `FILE:LINE:COLUMN: error: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            text::escape_controls(&self.file),
            self.line,
            self.column,
            self.severity.name(),
            self.message
        )
    }
}

/// Every semantic problem of a parsed ladder, in the order of the file's sections.
pub fn check(ladder: &Ladder) -> Vec<Finding> {
    check_scope(ladder, Scope::All)
}

/// Only the errors: what loading a ladder needs to know, without the cost of the warnings.
pub fn errors(ladder: &Ladder) -> Vec<Finding> {
    check_scope(ladder, Scope::Errors)
}

/// The errors of a ladder loaded with only some of its roles: what concerns the roles it
/// holds and everything else, but not tracks, whose other roles are not there to check.
pub fn errors_without_other_roles(ladder: &Ladder) -> Vec<Finding> {
    check_scope(ladder, Scope::SomeRoles)
}

/// Which findings a check looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every error and warning: what `ladder validate` reports.
    All,
    /// Only the errors: what loading needs to know.
    Errors,
    /// The errors of a ladder loaded with only some of its roles.
    SomeRoles,
}

fn check_scope(ladder: &Ladder, scope: Scope) -> Vec<Finding> {
    let warnings = scope == Scope::All;
    let mut findings = Vec::new();
    let mut report = |severity: Severity, at: Vec<Seg>, message: String| {
        findings.push(Finding {
            severity,
            message,
            at,
        })
    };
    let key = |k: &str| Seg::Key(k.to_string());
    let item = |kind: &str, i: usize, field: &str| vec![key(kind), Seg::Index(i), key(field)];

    // Ids: unique within their kind, never empty.
    duplicates(
        "level",
        ladder
            .levels
            .iter()
            .enumerate()
            .map(|(i, l)| (vec![key("levels"), Seg::Index(i)], l.as_str())),
        &mut report,
    );
    duplicates(
        "attribute",
        ladder
            .attributes
            .iter()
            .enumerate()
            .map(|(i, a)| (item("attribute", i, "id"), a.id.as_str())),
        &mut report,
    );
    duplicates(
        "dimension",
        ladder
            .dimensions
            .iter()
            .enumerate()
            .map(|(i, d)| (item("dimension", i, "id"), d.id.as_str())),
        &mut report,
    );
    for (di, d) in ladder.dimensions.iter().enumerate() {
        let kind = format!("theme in dimension {}", q(&d.id));
        let themes = d.themes.iter().enumerate().map(|(ti, t)| {
            (
                vec![
                    key("dimension"),
                    Seg::Index(di),
                    key("themes"),
                    Seg::Index(ti),
                    key("id"),
                ],
                t.id.as_str(),
            )
        });
        duplicates(&kind, themes, &mut report);
    }
    duplicates(
        "track",
        ladder
            .tracks
            .iter()
            .enumerate()
            .map(|(i, t)| (item("track", i, "id"), t.id.as_str())),
        &mut report,
    );
    duplicates(
        "role",
        ladder
            .roles
            .iter()
            .enumerate()
            .map(|(i, r)| (item("role", i, "id"), r.id.as_str())),
        &mut report,
    );
    duplicates(
        "discipline",
        ladder
            .disciplines
            .iter()
            .enumerate()
            .map(|(i, d)| (item("discipline", i, "id"), d.id.as_str())),
        &mut report,
    );

    // Ids in the safe alphabet, one-line fields on one line.
    ids_and_lines(ladder, &mut report);

    // Empty text anywhere, and characters that will be shown escaped. Paths cost an
    // allocation per text, so without warnings they are built only when some text is empty.
    let needs_paths = warnings || any_text(ladder, |t| t.trim().is_empty());
    for (at, value, kind) in if needs_paths {
        texts(ladder)
    } else {
        Vec::new()
    } {
        if value.trim().is_empty() {
            report(Severity::Error, at, format!("{kind} is empty"));
        } else if text::has_controls(value) {
            report(
                Severity::Warning,
                at,
                format!(
                    "{kind} holds control or bidirectional characters; they are shown as escapes"
                ),
            );
        }
    }

    if ladder.roles.is_empty() && scope != Scope::SomeRoles {
        report(
            Severity::Error,
            vec![key("name")],
            "the ladder has no [[role]] table".to_string(),
        );
    }

    // Tracks: every role exists, levels ascend.
    let all_roles = scope != Scope::SomeRoles;
    for (ti, track) in ladder.tracks.iter().enumerate().filter(|_| all_roles) {
        let mut last: Option<(usize, &str)> = None;
        for (ri, id) in track
            .roles
            .iter()
            .enumerate()
            .filter(|(_, id)| safe_ref(id))
        {
            let at = vec![key("track"), Seg::Index(ti), key("roles"), Seg::Index(ri)];
            let Some(role) = ladder.role(id) else {
                report(
                    Severity::Error,
                    at,
                    format!("track {} names unknown role {}", q(&track.id), q(id)),
                );
                continue;
            };
            if let Some(rank) = ladder.level_rank(&role.level) {
                if let Some((before, before_id)) = last {
                    if rank <= before {
                        report(
                            Severity::Error,
                            at,
                            format!(
                                "track {} does not ascend: {} ({}) comes after {} ({})",
                                q(&track.id),
                                q(id),
                                text::cut(&role.level),
                                q(before_id),
                                text::cut(&ladder.levels[before])
                            ),
                        );
                    }
                }
                last = Some((rank, id));
            }
        }
    }

    // Roles: level, attributes, dimensions and themes resolve; every attribute has a value.
    // Every search goes through a set or the ladder's look-ups: a search of the declarations
    // for every role or expectation would cost their product.
    let declared: HashSet<&str> = ladder.attributes.iter().map(|a| a.id.as_str()).collect();
    for (ri, role) in ladder.roles.iter().enumerate() {
        let at = |rest: &[&str]| {
            let mut path = vec![key("role"), Seg::Index(ri)];
            path.extend(rest.iter().map(|k| key(k)));
            path
        };
        if safe_ref(&role.level) && ladder.level_rank(&role.level).is_none() {
            report(
                Severity::Error,
                at(&["level"]),
                format!(
                    "role {} has level {}, which `levels` does not list",
                    q(&role.id),
                    q(&role.level)
                ),
            );
        }
        for id in role.attributes.keys().filter(|id| safe_ref(id)) {
            if !declared.contains(id.as_str()) {
                report(
                    Severity::Error,
                    at(&["attributes", id]),
                    format!(
                        "role {} gives a value for unknown attribute {}",
                        q(&role.id),
                        q(id)
                    ),
                );
            }
        }
        for attribute in &ladder.attributes {
            if !role.attributes.contains_key(&attribute.id) {
                report(
                    Severity::Error,
                    at(&["id"]),
                    format!(
                        "role {} has no value for attribute {}",
                        q(&role.id),
                        q(&attribute.id)
                    ),
                );
            }
        }
        for (id, rd) in role.dimensions.iter().filter(|(id, _)| safe_ref(id)) {
            let Some(dimension) = ladder.dimension(id) else {
                report(
                    Severity::Error,
                    at(&["dimensions", id]),
                    format!("role {} names unknown dimension {}", q(&role.id), q(id)),
                );
                continue;
            };
            for (ei, e) in rd.expectations.iter().enumerate() {
                if let Some(theme) = e.theme.as_deref().filter(|t| safe_ref(t)) {
                    if ladder.theme(dimension, theme).is_none() {
                        let mut path = at(&["dimensions", id, "expectations"]);
                        path.extend([Seg::Index(ei), key("theme")]);
                        report(
                            Severity::Error,
                            path,
                            format!(
                                "role {} tags an expectation with theme {}, which dimension {} does not declare",
                                q(&role.id),
                                q(theme),
                                q(id)
                            ),
                        );
                    }
                }
            }
        }
        // Warnings only when they are wanted: roles times dimensions of them could be built.
        for dimension in ladder.dimensions.iter().filter(|_| warnings) {
            let count = role.in_dimension(&dimension.id).expectations.len();
            if count < 2 {
                let path = if role.dimensions.contains_key(&dimension.id) {
                    at(&["dimensions", &dimension.id])
                } else {
                    at(&["id"])
                };
                report(
                    Severity::Warning,
                    path,
                    format!(
                        "role {} has {count} expectation{} in dimension {}; a level usually needs at least two",
                        q(&role.id),
                        if count == 1 { "" } else { "s" },
                        q(&dimension.id)
                    ),
                );
            }
        }
        if warnings && ladder.tracks_of(role).next().is_none() && !ladder.tracks.is_empty() {
            report(
                Severity::Warning,
                at(&["id"]),
                format!("role {} is on no track", q(&role.id)),
            );
        }
    }

    if !warnings {
        return findings
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
    }

    theme_gaps(ladder, &mut report);

    // The same sentence in two places. The first place of each sentence is kept as an index
    // into the texts, and described only when the sentence comes back.
    let all = texts(ladder);
    let mut seen: HashMap<Folded<'_>, usize> = HashMap::with_capacity(all.len());
    for (n, (at, value, kind)) in all.iter().enumerate() {
        if !kind.is_prose() {
            continue;
        }
        for sentence in sentences(value) {
            match seen.get(&Folded(sentence)) {
                Some(&first) => report(
                    Severity::Warning,
                    at.clone(),
                    format!(
                        "the sentence {} also appears at {}",
                        q(sentence),
                        describe(&all[first].0)
                    ),
                ),
                None => {
                    seen.insert(Folded(sentence), n);
                }
            }
        }
    }
    findings
}

/// Reports themes that stop at a level of a track and come back later: a gap in a thread.
///
/// In the order of a search of every track, dimension, declared theme and role, but linear:
/// each role's themes are gathered once, as numbers in that order; a track sorts the numbers
/// of its roles, and only the places between a theme's first and last role are visited.
fn theme_gaps(ladder: &Ladder, report: &mut impl FnMut(Severity, Vec<Seg>, String)) {
    // Every declared theme, numbered in ladder order; a repeated id has every number.
    let mut declared: Vec<(&str, &str)> = Vec::new();
    let mut numbers: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for d in &ladder.dimensions {
        for t in &d.themes {
            numbers
                .entry((d.id.as_str(), t.id.as_str()))
                .or_default()
                .push(declared.len());
            declared.push((d.id.as_str(), t.id.as_str()));
        }
    }
    let theme_names = |role: &Role| -> Vec<usize> {
        let mut found: Vec<usize> = role
            .dimensions
            .iter()
            .flat_map(|(d, rd)| {
                rd.expectations.iter().filter_map(|e| {
                    let theme = e.theme.as_deref()?;
                    numbers.get(&(d.as_str(), theme))
                })
            })
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    };
    let mut of_role: HashMap<&str, Vec<usize>> = HashMap::new();
    for (ti, track) in ladder.tracks.iter().enumerate() {
        let roles: Vec<&Role> = track
            .roles
            .iter()
            .filter_map(|id| ladder.role(id))
            .collect();
        // (theme number, place on the track), sorted: each theme's places, ascending.
        let mut present: Vec<(usize, usize)> = Vec::new();
        for (i, role) in roles.iter().enumerate() {
            let themes = of_role
                .entry(role.id.as_str())
                .or_insert_with(|| theme_names(role));
            present.extend(themes.iter().map(|&n| (n, i)));
        }
        present.sort_unstable();
        for places in present.chunk_by(|a, b| a.0 == b.0) {
            let (dimension, theme) = declared[places[0].0];
            let mut at = places.iter().map(|p| p.1).peekable();
            let (first, last) = (places[0].1, places[places.len() - 1].1);
            for (i, role) in roles.iter().enumerate().take(last).skip(first + 1) {
                while at.next_if(|&p| p < i).is_some() {}
                if at.next_if_eq(&i).is_some() {
                    continue;
                }
                report(
                    Severity::Warning,
                    vec![key("track"), Seg::Index(ti), key("roles"), Seg::Index(i)],
                    format!(
                        "theme {} of {} has no expectation at {} on track {}, though the track has it before and after",
                        q(theme),
                        q(dimension),
                        q(&role.id),
                        q(&track.id)
                    ),
                );
            }
        }
    }
}

/// A path key: what [`Seg::Key`] holds.
fn key(k: &str) -> Seg {
    Seg::Key(k.to_string())
}

/// A sentence compared and hashed without regard to case, without building its lower-case copy.
#[derive(Debug, Clone, Copy)]
struct Folded<'a>(&'a str);

impl Folded<'_> {
    fn chars(&self) -> impl Iterator<Item = char> + '_ {
        self.0.chars().flat_map(char::to_lowercase)
    }
}

impl PartialEq for Folded<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.chars().eq(other.chars())
    }
}

impl Eq for Folded<'_> {}

impl std::hash::Hash for Folded<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // The lower-case bytes go to the hasher in blocks: one call per character costs more
        // than the rest of the check together.
        let mut block = [0u8; 128];
        let mut len = 0;
        for c in self.chars() {
            if len + 4 > block.len() {
                state.write(&block[..len]);
                len = 0;
            }
            len += c.encode_utf8(&mut block[len..]).len();
        }
        state.write(&block[..len]);
    }
}

/// Whether any text of the ladder passes the test; the same texts as [`texts`], without paths.
fn any_text(ladder: &Ladder, test: impl FnMut(&str) -> bool) -> bool {
    let l = ladder;
    [l.name.as_str()]
        .into_iter()
        .chain(l.motto.as_deref())
        .chain(l.about.as_deref())
        .chain(l.levels.iter().map(String::as_str))
        .chain(
            l.disciplines
                .iter()
                .flat_map(|d| [d.id.as_str(), &d.name, &d.definition]),
        )
        .chain(
            l.attributes
                .iter()
                .flat_map(|a| [a.id.as_str(), &a.name, &a.meaning]),
        )
        .chain(l.dimensions.iter().flat_map(|d| {
            [d.id.as_str(), &d.name]
                .into_iter()
                .chain(d.themes.iter().flat_map(|t| [t.id.as_str(), &t.name]))
        }))
        .chain(
            l.bands
                .iter()
                .flat_map(|b| [b.id.as_str(), &b.name, &b.meaning]),
        )
        .chain(l.tracks.iter().flat_map(|t| [t.id.as_str(), &t.name]))
        .chain(l.roles.iter().flat_map(|r| {
            [r.id.as_str(), &r.title, &r.summary]
                .into_iter()
                .chain(r.attributes.values().map(String::as_str))
                .chain(r.dimensions.values().flat_map(|rd| {
                    rd.expectations
                        .iter()
                        .map(|e| e.text.as_str())
                        .chain(rd.examples.iter().map(String::as_str))
                }))
        }))
        .any(test)
}

/// What kind of text a field holds: ids and names identify, values describe a level, prose explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Id,
    Name,
    Value,
    Prose,
}

impl TextKind {
    fn is_prose(self) -> bool {
        self == TextKind::Prose
    }
}

impl fmt::Display for TextKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TextKind::Id => "an id",
            TextKind::Name => "a name",
            TextKind::Value => "a value",
            TextKind::Prose => "a text",
        })
    }
}

/// Every text of the ladder with its path and kind, in file order.
pub fn texts(ladder: &Ladder) -> Vec<(Vec<Seg>, &str, TextKind)> {
    let key = |k: &str| Seg::Key(k.to_string());
    let mut out: Vec<(Vec<Seg>, &str, TextKind)> = Vec::new();
    out.push((vec![key("name")], &ladder.name, TextKind::Name));
    if let Some(m) = &ladder.motto {
        out.push((vec![key("motto")], m, TextKind::Name));
    }
    if let Some(a) = &ladder.about {
        out.push((vec![key("about")], a, TextKind::Prose));
    }
    for (i, l) in ladder.levels.iter().enumerate() {
        out.push((vec![key("levels"), Seg::Index(i)], l, TextKind::Id));
    }
    let field = |kind: &str, i: usize, f: &str| vec![key(kind), Seg::Index(i), key(f)];
    for (i, d) in ladder.disciplines.iter().enumerate() {
        out.push((field("discipline", i, "id"), &d.id, TextKind::Id));
        out.push((field("discipline", i, "name"), &d.name, TextKind::Name));
        out.push((
            field("discipline", i, "definition"),
            &d.definition,
            TextKind::Prose,
        ));
    }
    for (i, a) in ladder.attributes.iter().enumerate() {
        out.push((field("attribute", i, "id"), &a.id, TextKind::Id));
        out.push((field("attribute", i, "name"), &a.name, TextKind::Name));
        out.push((
            field("attribute", i, "meaning"),
            &a.meaning,
            TextKind::Prose,
        ));
    }
    for (i, d) in ladder.dimensions.iter().enumerate() {
        out.push((field("dimension", i, "id"), &d.id, TextKind::Id));
        out.push((field("dimension", i, "name"), &d.name, TextKind::Name));
        for (ti, t) in d.themes.iter().enumerate() {
            let at = |f: &str| {
                vec![
                    key("dimension"),
                    Seg::Index(i),
                    key("themes"),
                    Seg::Index(ti),
                    key(f),
                ]
            };
            out.push((at("id"), &t.id, TextKind::Id));
            out.push((at("name"), &t.name, TextKind::Name));
        }
    }
    for (i, b) in ladder.bands.iter().enumerate() {
        out.push((field("band", i, "id"), &b.id, TextKind::Id));
        out.push((field("band", i, "name"), &b.name, TextKind::Name));
        out.push((field("band", i, "meaning"), &b.meaning, TextKind::Prose));
    }
    for (i, t) in ladder.tracks.iter().enumerate() {
        out.push((field("track", i, "id"), &t.id, TextKind::Id));
        out.push((field("track", i, "name"), &t.name, TextKind::Name));
    }
    for (i, r) in ladder.roles.iter().enumerate() {
        out.push((field("role", i, "id"), &r.id, TextKind::Id));
        out.push((field("role", i, "title"), &r.title, TextKind::Name));
        out.push((field("role", i, "summary"), &r.summary, TextKind::Prose));
        for (k, v) in &r.attributes {
            out.push((
                vec![key("role"), Seg::Index(i), key("attributes"), key(k)],
                v,
                TextKind::Value,
            ));
        }
        for (d, rd) in &r.dimensions {
            let base = || vec![key("role"), Seg::Index(i), key("dimensions"), key(d)];
            for (ei, e) in rd.expectations.iter().enumerate() {
                let mut at = base();
                at.extend([key("expectations"), Seg::Index(ei), key("text")]);
                out.push((at, &e.text, TextKind::Prose));
            }
            for (xi, x) in rd.examples.iter().enumerate() {
                let mut at = base();
                at.extend([key("examples"), Seg::Index(xi)]);
                out.push((at, x, TextKind::Prose));
            }
        }
    }
    out
}

/// The sentences of a text: split after `.`, `!` and `?`, trimmed, empty ones dropped.
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(['.', '!', '?'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A path as a reader would write it, e.g. `role[3].dimensions.domain-expertise.examples[1]`.
fn describe(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) if out.is_empty() => out += k,
            Seg::Key(k) => {
                out.push('.');
                out += k;
            }
            Seg::Index(i) => out += &format!("[{i}]"),
        }
    }
    out
}

/// What ids may hold, as error messages say it.
const ID_ALPHABET: &str = "ASCII letters, digits, '-', '_' and '.'";

/// Whether a reference to an id is worth looking up: one outside the id alphabet has its own
/// error already (see [`ids_and_lines`]), and "unknown" on top of it would say nothing more.
fn safe_ref(id: &str) -> bool {
    id.trim().is_empty() || text::is_safe_id(id)
}

/// Reports every id, declared or referred to, outside the alphabet of [`text::is_safe_id`], and
/// every one-line field (names, titles, the motto, emoji) that holds a line break.
///
/// Ids reach shell completion scripts and Markdown; a line break in a title would end a
/// Markdown heading or a Mermaid label early. Paths are built only for what is reported, so
/// a clean ladder costs one pass over its short fields.
fn ids_and_lines(ladder: &Ladder, report: &mut impl FnMut(Severity, Vec<Seg>, String)) {
    let key = |k: &str| Seg::Key(k.to_string());
    let field = |kind: &str, i: usize, f: &str| vec![key(kind), Seg::Index(i), key(f)];
    // Empty ids have their own error ("an id is empty").
    let mut id = |kind: &str, value: &str, at: &dyn Fn() -> Vec<Seg>| {
        if !safe_ref(value) {
            let message = format!("{kind} {} must use only {ID_ALPHABET}", q(value));
            report(Severity::Error, at(), message);
        }
    };
    for (i, l) in ladder.levels.iter().enumerate() {
        id("level", l, &|| vec![key("levels"), Seg::Index(i)]);
    }
    for (i, d) in ladder.disciplines.iter().enumerate() {
        id("discipline id", &d.id, &|| field("discipline", i, "id"));
    }
    for (i, a) in ladder.attributes.iter().enumerate() {
        id("attribute id", &a.id, &|| field("attribute", i, "id"));
    }
    for (i, d) in ladder.dimensions.iter().enumerate() {
        id("dimension id", &d.id, &|| field("dimension", i, "id"));
        for (ti, t) in d.themes.iter().enumerate() {
            id("theme id", &t.id, &|| {
                let mut at = field("dimension", i, "themes");
                at.extend([Seg::Index(ti), key("id")]);
                at
            });
        }
    }
    for (i, b) in ladder.bands.iter().enumerate() {
        id("band id", &b.id, &|| field("band", i, "id"));
    }
    for (i, t) in ladder.tracks.iter().enumerate() {
        id("track id", &t.id, &|| field("track", i, "id"));
        for (ri, r) in t.roles.iter().enumerate() {
            id("role id", r, &|| {
                let mut at = field("track", i, "roles");
                at.push(Seg::Index(ri));
                at
            });
        }
    }
    for (i, r) in ladder.roles.iter().enumerate() {
        let at = |rest: &[&str]| {
            let mut path = vec![key("role"), Seg::Index(i)];
            path.extend(rest.iter().map(|k| key(k)));
            path
        };
        id("role id", &r.id, &|| at(&["id"]));
        id("level", &r.level, &|| at(&["level"]));
        for k in r.attributes.keys() {
            id("attribute id", k, &|| at(&["attributes", k]));
        }
        for (d, rd) in &r.dimensions {
            id("dimension id", d, &|| at(&["dimensions", d]));
            for (ei, e) in rd.expectations.iter().enumerate() {
                if let Some(theme) = &e.theme {
                    id("theme id", theme, &|| {
                        let mut path = at(&["dimensions", d, "expectations"]);
                        path.extend([Seg::Index(ei), key("theme")]);
                        path
                    });
                }
            }
        }
    }
    one_line_fields(ladder, report);
}

/// Reports every one-line field that holds a line break (see [`ids_and_lines`]).
fn one_line_fields(ladder: &Ladder, report: &mut impl FnMut(Severity, Vec<Seg>, String)) {
    let key = |k: &str| Seg::Key(k.to_string());
    let field = |kind: &str, i: usize, f: &str| vec![key(kind), Seg::Index(i), key(f)];
    let mut line = |what: &str, value: &str, at: &dyn Fn() -> Vec<Seg>| {
        if value.contains(text::is_line_break) {
            let message = format!("this {what} holds a line break; a {what} must fit on one line");
            report(Severity::Error, at(), message);
        }
    };
    line("name", &ladder.name, &|| vec![key("name")]);
    if let Some(m) = &ladder.motto {
        line("motto", m, &|| vec![key("motto")]);
    }
    for (i, d) in ladder.disciplines.iter().enumerate() {
        line("name", &d.name, &|| field("discipline", i, "name"));
    }
    for (i, a) in ladder.attributes.iter().enumerate() {
        line("name", &a.name, &|| field("attribute", i, "name"));
    }
    for (i, d) in ladder.dimensions.iter().enumerate() {
        line("name", &d.name, &|| field("dimension", i, "name"));
        if let Some(e) = &d.emoji {
            line("emoji", e, &|| field("dimension", i, "emoji"));
        }
        for (ti, t) in d.themes.iter().enumerate() {
            line("name", &t.name, &|| {
                let mut at = field("dimension", i, "themes");
                at.extend([Seg::Index(ti), key("name")]);
                at
            });
        }
    }
    for (i, b) in ladder.bands.iter().enumerate() {
        line("name", &b.name, &|| field("band", i, "name"));
    }
    for (i, t) in ladder.tracks.iter().enumerate() {
        line("name", &t.name, &|| field("track", i, "name"));
    }
    for (i, r) in ladder.roles.iter().enumerate() {
        line("title", &r.title, &|| field("role", i, "title"));
    }
}

/// Reports every id that appears more than once, at its second and later places.
fn duplicates<'a>(
    kind: &str,
    ids: impl Iterator<Item = (Vec<Seg>, &'a str)>,
    report: &mut impl FnMut(Severity, Vec<Seg>, String),
) {
    let mut seen = HashSet::new();
    for (at, id) in ids {
        if !seen.insert(id) {
            report(
                Severity::Error,
                at,
                format!("duplicate {kind} id {}", q(id)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::locate::{excerpt, locate};
    use super::*;
    use crate::source::Source;

    /// What `load::validate` reports, with the whole-text parse (the same ladder as the
    /// piece-by-piece one).
    fn validate(source: &Source) -> Validation {
        report(source, &toml::from_str(&source.text), Scope::All)
    }

    fn validate_errors(source: &Source) -> Validation {
        report(source, &toml::from_str(&source.text), Scope::Errors)
    }

    fn source(text: &str) -> Source {
        Source {
            name: "t.toml".to_string(),
            text: text.to_string(),
        }
    }

    fn lines(text: &str) -> Vec<String> {
        validate(&source(text))
            .findings
            .iter()
            .map(|f| f.to_string())
            .collect()
    }

    /// The annotated minimal ladder of docs/format.md.
    fn minimal() -> String {
        let doc = include_str!("../../docs/format.md");
        let start = doc.find("```toml\n").expect("toml block") + "```toml\n".len();
        let end = start + doc[start..].find("```").expect("closed block");
        doc[start..end].to_string()
    }

    #[test]
    fn the_documented_minimal_example_is_clean() {
        assert_eq!(lines(&minimal()), Vec::<String>::new());
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let broken = minimal().replacen("name = \"Tiny Design\"", "name = \"Tiny Design", 1);
        let found = lines(&broken);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("t.toml:"), "{found:?}");
        assert!(found[0].contains(": error: "), "{found:?}");
    }

    #[test]
    fn a_long_key_or_value_is_cut_in_a_syntax_message() {
        let key = "k".repeat(10_000);
        let text = minimal().replacen("title = \"Designer\"", &format!("{key} = 1"), 1);
        let found = lines(&text);
        let cut = format!("`{}…`", "k".repeat(60));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains(&format!("unknown field {cut}, expected one of `id`")),
            "{found:?}"
        );
        assert!(found[0].len() < 400, "{}", found[0].len());
    }

    #[test]
    fn unknown_keys_name_the_expected_ones() {
        let typo = minimal().replacen("title = \"Designer\"", "titel = \"Designer\"", 1);
        let found = lines(&typo);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("unknown field `titel`, expected one of"),
            "{found:?}"
        );
    }

    #[test]
    fn missing_attribute_values_and_empty_text_are_errors() {
        let text = minimal().replacen("scope = \"Own work\"", "", 1).replacen(
            "title = \"Senior Designer\"",
            "title = \"  \"",
            1,
        );
        let found = lines(&text);
        assert!(
            found
                .iter()
                .any(|f| f
                    .ends_with("error: role \"D1-designer\" has no value for attribute \"scope\"")),
            "{found:#?}"
        );
        assert!(
            found.iter().any(|f| f.ends_with("error: a name is empty")),
            "{found:#?}"
        );
    }

    #[test]
    fn warnings_cover_gaps_repeats_thin_dimensions_and_orphans() {
        let text = minimal()
            .replacen(
                "{ theme = \"reach\", text = \"Asks for critique early.\" },",
                "",
                1,
            )
            .replacen(
                "Runs critique sessions for the team.",
                "Applies the design system correctly.",
                1,
            )
            .replacen(
                "roles = [\"D1-designer\", \"D2-senior-designer\"]",
                "roles = [\"D2-senior-designer\"]",
                1,
            );
        let found: Vec<String> = lines(&text)
            .into_iter()
            .map(|f| f.split(": warning: ").nth(1).unwrap_or(&f).to_string())
            .collect();
        assert!(found.contains(&"role \"D1-designer\" has 1 expectation in dimension \"craft\"; a level usually needs at least two".to_string()), "{found:#?}");
        assert!(
            found.contains(&"role \"D1-designer\" is on no track".to_string()),
            "{found:#?}"
        );
        assert!(
            found.iter().any(|f| f.starts_with(
                "the sentence \"Applies the design system correctly.\" also appears at role[0]"
            )),
            "{found:#?}"
        );
    }

    #[test]
    fn a_theme_gap_inside_a_track_is_a_warning() {
        let l = Ladder::embedded();
        let gaps: Vec<String> = check(&l)
            .into_iter()
            .filter(|f| f.message.starts_with("theme \"escalation-ambiguity\""))
            .map(|f| f.message)
            .collect();
        assert_eq!(
            gaps,
            ["analyst", "engineer", "cloud"].map(|t| {
                let role = match t {
                    "analyst" => "L3-senior-security-analyst",
                    "engineer" => "L3-senior-security-engineer",
                    _ => "L3-senior-cloud-security-engineer",
                };
                format!(
                    "theme \"escalation-ambiguity\" of \"domain-expertise\" has no expectation at \"{role}\" on track \"{t}\", \
                     though the track has it before and after"
                )
            })
        );
    }

    /// The theme-gap check as a search of every track, dimension, theme and role: what
    /// [`theme_gaps`] must find, in the same order.
    fn theme_gaps_searched(ladder: &Ladder) -> Vec<(Vec<Seg>, String)> {
        let mut out = Vec::new();
        for (ti, track) in ladder.tracks.iter().enumerate() {
            let roles: Vec<&Role> = track
                .roles
                .iter()
                .filter_map(|id| ladder.role(id))
                .collect();
            for dimension in &ladder.dimensions {
                for theme in &dimension.themes {
                    let present: Vec<bool> = roles
                        .iter()
                        .map(|r| {
                            r.in_dimension(&dimension.id)
                                .expectations
                                .iter()
                                .any(|e| e.theme.as_deref() == Some(&theme.id))
                        })
                        .collect();
                    let (Some(first), Some(last)) = (
                        present.iter().position(|p| *p),
                        present.iter().rposition(|p| *p),
                    ) else {
                        continue;
                    };
                    for i in (first + 1..last).filter(|&i| !present[i]) {
                        out.push((
                            vec![key("track"), Seg::Index(ti), key("roles"), Seg::Index(i)],
                            format!(
                                "theme {:?} of {:?} has no expectation at {:?} on track {:?}, \
                                 though the track has it before and after",
                                theme.id, dimension.id, roles[i].id, track.id
                            ),
                        ));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn theme_gaps_are_those_a_search_finds_in_the_same_order() {
        // Themes declared twice, in two dimensions, along two tracks that share roles, one
        // naming an unknown role, with gaps of one and of several levels.
        let role = |id: &str, level: &str, themes: &[(&str, &str)]| {
            let mut text = format!(
                "[[role]]\nid = \"{id}\"\nlevel = \"{level}\"\ntitle = \"T\"\nsummary = \"S.\"\n"
            );
            for d in ["craft", "care"] {
                let es: Vec<String> = themes
                    .iter()
                    .filter(|(dim, _)| *dim == d)
                    .map(|(_, t)| format!("{{ theme = \"{t}\", text = \"{id} {t}.\" }}"))
                    .collect();
                text += &format!("dimensions.{d}.expectations = [{}]\n", es.join(", "));
            }
            text
        };
        let mut text = String::from(
            "name = \"G\"\nlevels = [\"A\", \"B\", \"C\", \"D\", \"E\"]\n\
             [[dimension]]\nid = \"craft\"\nname = \"Craft\"\nthemes = [\
             { id = \"x\", name = \"X\" }, { id = \"y\", name = \"Y\" }, { id = \"x\", name = \"X2\" }]\n\
             [[dimension]]\nid = \"care\"\nname = \"Care\"\nthemes = [\
             { id = \"y\", name = \"Y\" }, { id = \"z\", name = \"Z\" }]\n\
             [[track]]\nid = \"one\"\nname = \"One\"\nroles = [\"A-a\", \"B-b\", \"C-c\", \"D-d\", \"E-e\"]\n\
             [[track]]\nid = \"two\"\nname = \"Two\"\nroles = [\"A-a\", \"nobody\", \"C-c\", \"D-d2\", \"E-e\"]\n",
        );
        text += &role("A-a", "A", &[("craft", "x"), ("care", "y"), ("care", "z")]);
        text += &role("B-b", "B", &[("craft", "y")]);
        text += &role("C-c", "C", &[("craft", "y"), ("care", "z")]);
        text += &role("D-d", "D", &[("craft", "x")]);
        text += &role("D-d2", "D", &[]);
        text += &role("E-e", "E", &[("craft", "x"), ("craft", "y"), ("care", "y")]);
        let ladder: Ladder = toml::from_str(&text).expect("parses");
        let mut found = Vec::new();
        theme_gaps(&ladder, &mut |_, at, message| found.push((at, message)));
        let expected = theme_gaps_searched(&ladder);
        assert!(expected.len() > 10, "{expected:#?}");
        assert_eq!(found, expected);
    }

    #[test]
    fn an_undeclared_theme_is_found_through_the_look_up_in_its_own_dimension() {
        // "reach" is a theme of craft only: under another dimension it is undeclared.
        let text = minimal()
            .replacen(
                "[[track]]",
                "[[dimension]]\nid = \"care\"\nname = \"Care\"\nthemes = [{ id = \"kind\", name = \"Kind\" }]\n\n[[track]]",
                1,
            )
            .replacen(
                "[role.dimensions.craft]",
                "[role.dimensions.care]\nexpectations = [{ theme = \"reach\", text = \"Listens.\" }, { theme = \"kind\", text = \"Helps.\" }]\n\n[role.dimensions.craft]",
                1,
            );
        let errors: Vec<String> = errors(&toml::from_str(&text).expect("parses"))
            .into_iter()
            .map(|f| f.message)
            .collect();
        assert_eq!(
            errors,
            [
                "role \"D1-designer\" tags an expectation with theme \"reach\", which dimension \"care\" does not declare"
            ]
        );
    }

    #[test]
    fn any_text_sees_the_same_texts_as_texts() {
        for text in [
            minimal(),
            crate::load::EMBEDDED.to_string(),
            include_str!("../../tests/data/hostile.toml").to_string(),
        ] {
            let ladder: Ladder = toml::from_str(&text).expect("parses");
            let all: Vec<&str> = texts(&ladder).into_iter().map(|(_, t, _)| t).collect();
            let mut seen: Vec<String> = Vec::new();
            any_text(&ladder, |t| {
                seen.push(t.to_string());
                false
            });
            let mut all: Vec<String> = all.into_iter().map(String::from).collect();
            seen.sort();
            all.sort();
            assert_eq!(seen, all);
        }
    }

    #[test]
    fn semantic_errors_point_at_the_offending_value() {
        let text = minimal().replacen(
            "roles = [\"D1-designer\", \"D2-senior-designer\"]",
            "roles = [\"D2-senior-designer\", \"D1-designer\", \"D3-lead\"]",
            1,
        );
        let found = lines(&text);
        let line = text
            .lines()
            .position(|l| l.contains("D3-lead"))
            .expect("line")
            + 1;
        let column = text
            .lines()
            .nth(line - 1)
            .expect("line")
            .find("\"D1-designer\"")
            .expect("col")
            + 1;
        assert!(
            found.contains(&format!(
                "t.toml:{line}:{column}: error: track \"design\" does not ascend: \"D1-designer\" (D1) comes after \"D2-senior-designer\" (D2)"
            )),
            "{found:#?}"
        );
        assert!(
            found
                .iter()
                .any(|f| f.ends_with("error: track \"design\" names unknown role \"D3-lead\"")),
            "{found:#?}"
        );
    }

    #[test]
    fn ids_outside_the_safe_alphabet_are_errors_at_their_place() {
        let text = minimal()
            .replacen("id = \"design\"", "id = \"t$(touch X)\"", 1)
            .replacen("id = \"craft\"", "id = \"a`touch Y`\"", 1)
            .replacen(
                "[role.dimensions.craft]",
                "[role.dimensions.\"a`touch Y`\"]",
                2,
            );
        // Every line that holds a hostile id, with the column of its opening quote.
        let places: Vec<(usize, usize)> = text
            .lines()
            .enumerate()
            .filter_map(|(n, l)| Some((n + 1, l.find("\"t$").or_else(|| l.find("\"a`"))? + 1)))
            .collect();
        let alphabet = "must use only ASCII letters, digits, '-', '_' and '.'";
        let expected: Vec<String> = places
            .iter()
            .map(|(line, column)| {
                let what = if text.lines().nth(line - 1).is_some_and(|l| l.contains("t$")) {
                    "track id \"t$(touch X)\""
                } else {
                    "dimension id \"a`touch Y`\""
                };
                format!("t.toml:{line}:{column}: error: {what} {alphabet}")
            })
            .collect();
        assert_eq!(expected.len(), 4);
        assert_eq!(lines(&text), expected);
        assert!(crate::model::Ladder::from_toml(&text).is_err());
    }

    #[test]
    fn a_line_break_in_a_title_or_name_is_an_error() {
        for (from, to) in [
            (
                "title = \"Designer\"",
                "title = \"Designer\\n```\\n# Owned\"",
            ),
            ("title = \"Designer\"", "title = \"Designer\\u2028x\""),
            ("name = \"Craft\"", "name = \"Craft\\r\""),
        ] {
            let text = minimal().replacen(from, to, 1);
            let line = text.lines().position(|l| l.contains(to)).expect("line") + 1;
            let column = to.find('"').expect("quote") + 1;
            let what = if from.starts_with("title") {
                "title"
            } else {
                "name"
            };
            let message = format!(
                "t.toml:{line}:{column}: error: this {what} holds a line break; a {what} must fit on one line"
            );
            let found = lines(&text);
            assert!(found.contains(&message), "{message}\n{found:#?}");
            assert!(
                crate::model::Ladder::from_toml(&text).is_err(),
                "loading refuses {to}"
            );
        }
    }

    #[test]
    fn a_short_line_is_shown_whole_with_the_caret_at_the_column() {
        assert_eq!(
            excerpt("level = \"Z9\"", 8),
            ("level = \"Z9\"".to_string(), 8)
        );
        assert_eq!(excerpt("", 0), (String::new(), 0));
    }

    #[test]
    fn a_long_line_is_cut_around_the_column_and_marked() {
        let line: String = (0..1000)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        // In the middle: 40 characters each side, cut on both.
        let (shown, caret) = excerpt(&line, 500);
        assert_eq!(shown, format!("…{}…", &line[460..540]));
        assert_eq!(caret, 41);
        assert_eq!(shown.chars().nth(caret), line[500..].chars().next());
        // Near the start, the room before goes after.
        assert_eq!(excerpt(&line, 3), (format!("{}…", &line[..80]), 3));
        // At the end, the room after goes before.
        assert_eq!(excerpt(&line, 1000), (format!("…{}", &line[920..]), 81));
    }

    #[test]
    fn the_caret_counts_escapes_and_multibyte_characters_before_it() {
        let line = "é\u{1b}x = \"y\"";
        let at = line.find('"').expect("quote");
        let (shown, caret) = excerpt(line, at);
        assert_eq!(shown, "é\\u{1b}x = \"y\"");
        assert_eq!(shown.chars().nth(caret), Some('"'));
    }

    #[test]
    fn findings_on_one_line_get_the_columns_a_single_count_gives() {
        let text = "a = 1\nabout = \"ééé Word. Word. Word.\"\nb = 2\n";
        let offsets = [30, 0, 9, 15, 12, 40, 9];
        let found = offsets
            .iter()
            .map(|&o| (Severity::Warning, "m".to_string(), o))
            .collect();
        let placed: Vec<(usize, usize)> = locate(&source(text), found)
            .iter()
            .map(|f| (f.line, f.column))
            .collect();
        let expected: Vec<(usize, usize)> = offsets
            .iter()
            .map(|&o| crate::source::line_column(text, o))
            .collect();
        assert_eq!(placed, expected);
    }

    #[test]
    fn loading_locates_only_errors() {
        let text = minimal()
            .replacen("level = \"D1\"", "level = \"Z9\"", 1)
            .replacen(
                "Runs critique sessions for the team.",
                "Applies the design system correctly.",
                1,
            );
        let all = validate(&source(&text));
        let errors = validate_errors(&source(&text));
        assert!(all.count(Severity::Warning) > 0);
        assert_eq!(errors.count(Severity::Warning), 0);
        let only: Vec<&Located> = all
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert_eq!(errors.findings.iter().collect::<Vec<_>>(), only);
    }
}
