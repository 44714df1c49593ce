//! `ladder changes OLD NEW`: the edit test set. Hundreds of single edits of the embedded ladder,
//! of eight kinds, each compared with the ladder before it; each must come out as exactly its
//! one record, and the precision and recall of every kind are shown on stderr.

use std::collections::{BTreeSet, HashMap};

use ladder::model::{Dimension, Expectation, Ladder, Role};

use super::*;

/// How many edits of each kind are made (when there are that many candidates).
const COUNT: usize = 45;

/// The kinds of edit, each with the one record it must come out as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Reword,
    Add,
    Remove,
    MoveTheme,
    MoveDimension,
    MoveRole,
    RenameRole,
    ChangeAttribute,
}

const KINDS: [Kind; 8] = [
    Kind::Reword,
    Kind::Add,
    Kind::Remove,
    Kind::MoveTheme,
    Kind::MoveDimension,
    Kind::MoveRole,
    Kind::RenameRole,
    Kind::ChangeAttribute,
];

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Reword => "reword",
            Kind::Add => "add",
            Kind::Remove => "remove",
            Kind::MoveTheme => "move to theme",
            Kind::MoveDimension => "move to dimension",
            Kind::MoveRole => "move to role",
            Kind::RenameRole => "rename role",
            Kind::ChangeAttribute => "change attribute",
        }
    }

    /// The kind of edit a reported record stands for, by its change and what changed (and, for
    /// a move, by what differs between its places); `None` for a record of no kind here.
    fn of(record: &str) -> Option<Kind> {
        let f: Vec<&str> = record.split('\t').collect();
        if f.len() != 8 {
            return None;
        }
        let dimension = |place: &str| place.split('/').next().unwrap_or_default().to_string();
        Some(match (f[0], f[1]) {
            ("reworded", "expectation") => Kind::Reword,
            ("added", "expectation") => Kind::Add,
            ("removed", "expectation") => Kind::Remove,
            ("moved", "expectation") if f[2] != f[4] => Kind::MoveRole,
            ("moved", "expectation") if dimension(f[3]) != dimension(f[5]) => Kind::MoveDimension,
            ("moved", "expectation") => Kind::MoveTheme,
            ("renamed", "role") => Kind::RenameRole,
            ("changed", "attribute-value") => Kind::ChangeAttribute,
            _ => return None,
        })
    }
}

/// One edit: the ladder file after it (the file before it is the embedded ladder as written)
/// and the record `changes --format tsv --no-header` must print for it.
struct Edit {
    kind: Kind,
    new: String,
    expected: String,
}

/// One expectation of the base ladder: its role (by index), dimension and index there.
#[derive(Debug, Clone)]
struct Spot {
    role: usize,
    dimension: String,
    index: usize,
    theme: Option<String>,
    text: String,
}

impl Spot {
    fn place(&self) -> String {
        place(&self.dimension, self.theme.as_deref())
    }
}

fn place(dimension: &str, theme: Option<&str>) -> String {
    match theme {
        Some(theme) => format!("{dimension}/{theme}"),
        None => dimension.to_string(),
    }
}

/// A text as `show --format tsv` writes it in a cell.
fn escape(text: &str) -> String {
    text.replace('\\', r"\\")
        .replace('\t', r"\t")
        .replace('\n', r"\n")
        .replace('\r', r"\r")
}

/// The record of one change: eight cells, texts escaped.
fn record(cells: [&str; 8]) -> String {
    let [
        change,
        what,
        from_role,
        from_place,
        to_role,
        to_place,
        from,
        to,
    ] = cells;
    let (from, to) = (escape(from), escape(to));
    [
        change, what, from_role, from_place, to_role, to_place, &from, &to,
    ]
    .join("\t")
}

fn load(name: &str, text: String) -> Ladder {
    let document = ladder::document::Document {
        name: name.into(),
        text,
    };
    Ladder::load(&document).unwrap_or_else(|e| panic!("{name} does not load: {e}"))
}

fn embedded() -> Ladder {
    load("ladder.toml", DATA.to_string())
}

/// The ladder as `ladder_toml` writes it, checked to load: an edit that breaks the ladder is a
/// bug in its generator.
fn written(ladder: &Ladder, what: &str) -> String {
    let text = ladder::ladder_toml::to_string(ladder).expect("written");
    let document = ladder::document::Document {
        name: "edited.toml".into(),
        text: text.clone(),
    };
    if let Err(e) = Ladder::load(&document) {
        panic!("the edit generator broke the ladder ({what}): {e}\n{text}");
    }
    text
}

/// The edit that makes `ladder` of the base ladder, with the record it must come out as.
fn edit(kind: Kind, ladder: &Ladder, cells: [&str; 8]) -> Edit {
    let expected = record(cells);
    let new = written(ladder, &expected);
    Edit {
        kind,
        new,
        expected,
    }
}

/// An edit that moves `spot`'s statement unchanged: from its role and place to `to_role` at
/// `to_place`.
fn moved(kind: Kind, ladder: &Ladder, spot: &Spot, from: &str, to: [&str; 2]) -> Edit {
    let p = spot.place();
    let cells = [
        "moved",
        "expectation",
        from,
        &p,
        to[0],
        to[1],
        &spot.text,
        &spot.text,
    ];
    edit(kind, ladder, cells)
}

/// The dimensions the role has, in the ladder's order.
fn dimensions_of<'a>(ladder: &'a Ladder, role: &Role) -> Vec<&'a Dimension> {
    let has = |d: &&Dimension| role.dimensions.contains_key(&d.id);
    ladder.dimensions.iter().filter(has).collect()
}

/// Every text of expectations and examples in the ladder, with how often it occurs.
fn text_counts(ladder: &Ladder) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for role in &ladder.roles {
        for rd in role.dimensions.values() {
            let texts = rd.expectations.iter().map(|e| &e.text).chain(&rd.examples);
            for text in texts {
                *counts.entry(text.clone()).or_insert(0) += 1;
            }
        }
    }
    counts
}

/// Every expectation whose text occurs once in the whole ladder, role by role, dimension by
/// dimension in the ladder's order.
fn unique_spots(ladder: &Ladder) -> Vec<Spot> {
    let counts = text_counts(ladder);
    let mut spots = Vec::new();
    for (role, r) in ladder.roles.iter().enumerate() {
        for d in &ladder.dimensions {
            let Some(rd) = r.dimensions.get(&d.id) else {
                continue;
            };
            for (index, e) in rd.expectations.iter().enumerate() {
                if counts[&e.text] == 1 {
                    spots.push(Spot {
                        role,
                        dimension: d.id.clone(),
                        index,
                        theme: e.theme.clone(),
                        text: e.text.clone(),
                    });
                }
            }
        }
    }
    spots
}

/// `COUNT` of the items, spread evenly over them from `offset` on (all of them when there are
/// no more than `COUNT`).
fn spread<T: Clone>(items: &[T], offset: usize) -> Vec<T> {
    let n = items.len();
    if n <= COUNT {
        return items.to_vec();
    }
    (0..COUNT)
        .map(|i| items[(i * n / COUNT + offset) % n].clone())
        .collect()
}

/// Spots whose dimension keeps another expectation when they leave it: a role's dimension
/// with none would still load, but an emptied one is a second change, not this edit.
fn movable(base: &Ladder, spots: &[Spot]) -> Vec<Spot> {
    spots
        .iter()
        .filter(|s| {
            base.roles[s.role].dimensions[&s.dimension]
                .expectations
                .len()
                > 1
        })
        .cloned()
        .collect()
}

fn take(ladder: &mut Ladder, spot: &Spot) -> Expectation {
    let rd = ladder.roles[spot.role]
        .dimensions
        .get_mut(&spot.dimension)
        .expect("the spot's dimension");
    rd.expectations.remove(spot.index)
}

fn push(ladder: &mut Ladder, role: usize, dimension: &str, expectation: Expectation) {
    let rd = ladder.roles[role]
        .dimensions
        .get_mut(dimension)
        .expect("the role has the dimension");
    rd.expectations.push(expectation);
}

/// Replacement words for a rewording: of five letters or more, none in the embedded ladder's
/// sense of any word they replace.
const WORDS: [&str; 8] = [
    "careful", "steady", "several", "honest", "proper", "timely", "modest", "patient",
];

fn core(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The text with one lowercase word of five letters or more (not the first) replaced by a word
/// of `WORDS` it lacks; `None` when it has fewer than five words of four letters or more, so
/// that one word changed would leave it less than alike.
fn reworded(text: &str, seed: usize) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    if words
        .iter()
        .filter(|w| core(w).chars().count() >= 4)
        .count()
        < 5
    {
        return None;
    }
    let long: Vec<usize> = (1..words.len())
        .filter(|&i| core(words[i]).len() >= 5)
        .filter(|&i| core(words[i]).chars().all(|c| c.is_ascii_lowercase()))
        .collect();
    let at = *long.get(seed % long.len().max(1))?;
    let lower = text.to_lowercase();
    let word = (0..WORDS.len())
        .map(|k| WORDS[(seed + k) % WORDS.len()])
        .find(|w| !lower.contains(w))?;
    let mut new: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    new[at] = words[at].replacen(core(words[at]), word, 1);
    Some(new.join(" "))
}

/// Each expectation with one word changed (see [`reworded`]), in place.
fn rewords(base: &Ladder) -> Vec<Edit> {
    let counts = text_counts(base);
    let candidates: Vec<(Spot, String)> = unique_spots(base)
        .into_iter()
        .enumerate()
        .filter_map(|(i, s)| reworded(&s.text, i).map(|new| (s, new)))
        .filter(|(_, new)| !counts.contains_key(new))
        .collect();
    let mut edits = Vec::new();
    for (spot, new) in spread(&candidates, 0) {
        let mut ladder = base.clone();
        let rd = ladder.roles[spot.role].dimensions.get_mut(&spot.dimension);
        rd.expect("dimension").expectations[spot.index]
            .text
            .clone_from(&new);
        let (r, p) = (&base.roles[spot.role].id, spot.place());
        let cells = ["reworded", "expectation", r, &p, r, &p, &spot.text, &new];
        edits.push(edit(Kind::Reword, &ladder, cells));
    }
    edits
}

/// The expectations of the design ladder (tests/data/design.toml) that the embedded ladder has
/// nowhere, as texts to add.
fn foreign_texts(base: &Ladder) -> Vec<String> {
    let counts = text_counts(base);
    let design = load(
        DESIGN,
        std::fs::read_to_string(DESIGN).expect("the design ladder"),
    );
    let mut texts: Vec<String> = Vec::new();
    for role in &design.roles {
        for rd in role.dimensions.values() {
            for e in &rd.expectations {
                if !counts.contains_key(&e.text) && !texts.contains(&e.text) {
                    texts.push(e.text.clone());
                }
            }
        }
    }
    texts
}

/// Each text added to a role's dimension (roles and dimensions taken in turn), under one of
/// the dimension's themes when it has them.
fn adds(base: &Ladder) -> Vec<Edit> {
    let roles = base.roles.len();
    let mut edits = Vec::new();
    for (i, text) in spread(&foreign_texts(base), 1).into_iter().enumerate() {
        let role = &base.roles[i % roles];
        let dims = dimensions_of(base, role);
        let d = dims[(i / roles) % dims.len()];
        let theme = (!d.themes.is_empty()).then(|| d.themes[i % d.themes.len()].id.clone());
        let p = place(&d.id, theme.as_deref());
        let mut ladder = base.clone();
        let text = &text;
        push(
            &mut ladder,
            i % roles,
            &d.id,
            Expectation {
                theme,
                text: text.clone(),
            },
        );
        let cells = ["added", "expectation", "", "", &role.id, &p, "", text];
        edits.push(edit(Kind::Add, &ladder, cells));
    }
    edits
}

/// Each expectation taken away.
fn removes(base: &Ladder) -> Vec<Edit> {
    let mut edits = Vec::new();
    for spot in spread(&movable(base, &unique_spots(base)), 2) {
        let mut ladder = base.clone();
        take(&mut ladder, &spot);
        let (r, p) = (&base.roles[spot.role].id, spot.place());
        let cells = ["removed", "expectation", r, &p, "", "", &spot.text, ""];
        edits.push(edit(Kind::Remove, &ladder, cells));
    }
    edits
}

/// The themes of a dimension of the ladder, by id.
fn themes_of(ladder: &Ladder, dimension: &str) -> Vec<String> {
    let d = ladder.dimensions.iter().find(|d| d.id == dimension);
    d.expect("dimension")
        .themes
        .iter()
        .map(|t| t.id.clone())
        .collect()
}

/// Each expectation (of a theme, in a dimension of two themes or more) given the next theme
/// of its dimension, in place.
fn theme_moves(base: &Ladder) -> Vec<Edit> {
    let spots: Vec<Spot> = unique_spots(base)
        .into_iter()
        .filter(|s| s.theme.is_some() && themes_of(base, &s.dimension).len() > 1)
        .collect();
    let mut edits = Vec::new();
    for spot in spread(&spots, 3) {
        let all = themes_of(base, &spot.dimension);
        let at = all.iter().position(|t| Some(t) == spot.theme.as_ref());
        let theme = all[(at.expect("theme") + 1) % all.len()].clone();
        let mut ladder = base.clone();
        let rd = ladder.roles[spot.role].dimensions.get_mut(&spot.dimension);
        rd.expect("dimension").expectations[spot.index].theme = Some(theme.clone());
        let (r, to) = (
            &base.roles[spot.role].id,
            place(&spot.dimension, Some(&theme)),
        );
        edits.push(moved(Kind::MoveTheme, &ladder, &spot, r, [r, &to]));
    }
    edits
}

/// Each expectation taken from its dimension and appended to the role's next dimension (in
/// the ladder's order), under that dimension's first theme when it has themes.
fn dimension_moves(base: &Ladder) -> Vec<Edit> {
    let mut edits = Vec::new();
    for spot in spread(&movable(base, &unique_spots(base)), 4) {
        let role = &base.roles[spot.role];
        let dims = dimensions_of(base, role);
        let at = dims.iter().position(|d| d.id == spot.dimension);
        let d = dims[(at.expect("dimension") + 1) % dims.len()];
        assert_ne!(d.id, spot.dimension, "{} has one dimension only", role.id);
        let theme = d.themes.first().map(|t| t.id.clone());
        let to = place(&d.id, theme.as_deref());
        let mut ladder = base.clone();
        let mut e = take(&mut ladder, &spot);
        e.theme = theme;
        push(&mut ladder, spot.role, &d.id, e);
        edits.push(moved(
            Kind::MoveDimension,
            &ladder,
            &spot,
            &role.id,
            [&role.id, &to],
        ));
    }
    edits
}

/// Each expectation taken from its role and appended to the next role (in the ladder's order)
/// that has its dimension, under the same theme.
fn role_moves(base: &Ladder) -> Vec<Edit> {
    let n = base.roles.len();
    let mut edits = Vec::new();
    for spot in spread(&movable(base, &unique_spots(base)), 5) {
        let to = (1..n)
            .map(|k| (spot.role + k) % n)
            .find(|&b| base.roles[b].dimensions.contains_key(&spot.dimension))
            .expect("another role with the dimension");
        let mut ladder = base.clone();
        let e = take(&mut ladder, &spot);
        push(&mut ladder, to, &spot.dimension, e);
        let (a, b, p) = (&base.roles[spot.role].id, &base.roles[to].id, spot.place());
        edits.push(moved(Kind::MoveRole, &ladder, &spot, a, [b, &p]));
    }
    edits
}

/// Each role's id changed, in the role and on every track. The embedded ladder has 7 roles,
/// fewer than `COUNT`: each is renamed six ways (a suffix, a prefix, its level alone with a
/// number, an id sharing nothing with the old one, and two spellings), 42 edits in all.
fn renames(base: &Ladder) -> Vec<Edit> {
    let mut edits = Vec::new();
    for (i, role) in base.roles.iter().enumerate() {
        for new in [
            format!("{}-renamed", role.id),
            format!("moved-role-{}", i + 1),
            format!("{}-role-{}", role.level, i + 1),
            format!("new-{}", role.id),
            role.id.replace('-', "_"),
            format!("{}.v2", role.id),
        ] {
            let ladder = renamed(base, &role.id, &new);
            let cells = ["renamed", "role", &role.id, "", &new, "", "", ""];
            edits.push(edit(Kind::RenameRole, &ladder, cells));
        }
    }
    edits
}

/// The base ladder with the role `old` renamed `new`, on its tracks too.
fn renamed(base: &Ladder, old: &str, new: &str) -> Ladder {
    let mut ladder = base.clone();
    let ids = ladder.roles.iter_mut().map(|r| &mut r.id);
    let on_tracks = ladder.tracks.iter_mut().flat_map(|t| t.roles.iter_mut());
    for id in ids.chain(on_tracks).filter(|id| *id == old) {
        *id = new.to_string();
    }
    ladder
}

/// Each role's value for each attribute, with " and beyond" appended, and swapped for the next
/// role's value (in the ladder's order) that differs from it. The embedded ladder has 7 roles
/// and 4 attributes: 28 values, fewer than `COUNT`, hence the two ways of changing each.
fn attribute_changes(base: &Ladder) -> Vec<Edit> {
    let n = base.roles.len();
    let mut edits = Vec::new();
    for (i, role) in base.roles.iter().enumerate() {
        for a in &base.attributes {
            let Some(old) = role.attributes.get(&a.id) else {
                continue;
            };
            let mut others = (1..n).filter_map(|k| base.roles[(i + k) % n].attributes.get(&a.id));
            let other = others.find(|v| *v != old).cloned();
            for new in std::iter::once(format!("{old} and beyond")).chain(other) {
                let mut ladder = base.clone();
                ladder.roles[i].attributes.insert(a.id.clone(), new.clone());
                let (r, a) = (&role.id, &a.id);
                let cells = ["changed", "attribute-value", r, a, r, a, old, &new];
                edits.push(edit(Kind::ChangeAttribute, &ladder, cells));
            }
        }
    }
    edits
}

/// Every edit of the set, kind by kind, and the base ladder's file they are compared with.
fn edit_set() -> (String, Vec<Edit>) {
    let base = embedded();
    let generators: [fn(&Ladder) -> Vec<Edit>; 8] = [
        rewords,
        adds,
        removes,
        theme_moves,
        dimension_moves,
        role_moves,
        renames,
        attribute_changes,
    ];
    let edits = generators.iter().flat_map(|g| g(&base)).collect();
    (written(&base, "the base ladder"), edits)
}

/// One statement of a ladder, as a record names it: what it is, its role, place and text.
type Fact = (String, String, String, String);

fn facts(ladder: &Ladder) -> BTreeSet<Fact> {
    let fact = |what: &str, role: &str, place: String, text: &str| {
        (what.to_string(), role.to_string(), place, text.to_string())
    };
    let mut facts = BTreeSet::new();
    for role in &ladder.roles {
        for (d, rd) in &role.dimensions {
            for e in &rd.expectations {
                let p = place(d, e.theme.as_deref());
                facts.insert(fact("expectation", &role.id, p, &e.text));
            }
        }
        for (a, value) in &role.attributes {
            facts.insert(fact("attribute-value", &role.id, a.clone(), value));
        }
    }
    facts
}

/// The ladder without its expectations and attribute values: what an edit other than a
/// rename leaves as it was.
fn stripped(ladder: &Ladder) -> Ladder {
    let mut ladder = ladder.clone();
    for role in &mut ladder.roles {
        role.attributes.clear();
        for rd in role.dimensions.values_mut() {
            rd.expectations.clear();
        }
    }
    ladder
}

/// Checks, without the binary, that the edit changes exactly what its record says: the
/// statement the record's "from" side names is gone, the one its "to" side names has come,
/// and nothing else differs.
fn check_edit(base: &Ladder, edit: &Edit) -> Result<(), String> {
    let new = load("edited.toml", edit.new.clone());
    let f: Vec<&str> = edit.expected.split('\t').collect();
    if Kind::of(&edit.expected) != Some(edit.kind) {
        return Err("the record is not of its edit's kind".into());
    }
    if edit.kind == Kind::RenameRole {
        let same = renamed(base, f[2], f[4]) == new && f[2] != f[4];
        return same.then_some(()).ok_or("not exactly the rename".into());
    }
    let side = |role: &str, place: &str, text: &str| {
        let fact = (
            f[1].to_string(),
            role.to_string(),
            place.to_string(),
            text.to_string(),
        );
        (!text.is_empty())
            .then_some(fact)
            .into_iter()
            .collect::<BTreeSet<Fact>>()
    };
    let (before, after) = (facts(base), facts(&new));
    let gone: BTreeSet<Fact> = before.difference(&after).cloned().collect();
    let came: BTreeSet<Fact> = after.difference(&before).cloned().collect();
    if gone != side(f[2], f[3], &f[6].replace(r"\\", r"\")) {
        return Err(format!("gone: {gone:?}"));
    }
    if came != side(f[4], f[5], &f[7].replace(r"\\", r"\")) {
        return Err(format!("came: {came:?}"));
    }
    let expectations = |l: &Ladder| facts(l).iter().filter(|f| f.0 == "expectation").count();
    let grows = match edit.kind {
        Kind::Add => 1,
        Kind::Remove => -1,
        _ => 0,
    };
    if expectations(&new) as isize - expectations(base) as isize != grows {
        return Err("the count of expectations".into());
    }
    (stripped(base) == stripped(&new))
        .then_some(())
        .ok_or("something else changed".into())
}

/// The edit set itself, checked without the binary: at least `COUNT` edits of each kind (but
/// renames, 14: see [`renames`]), each changing exactly what its record says.
#[test]
fn every_edit_of_the_set_changes_exactly_what_its_record_says() {
    let base = embedded();
    let (old, edits) = edit_set();
    assert!(
        load("old.toml", old) == base,
        "the base ladder does not round-trip"
    );
    for kind in KINDS {
        let count = edits.iter().filter(|e| e.kind == kind).count();
        let least = if kind == Kind::RenameRole { 14 } else { COUNT };
        assert!(count >= least, "{} edits of kind {}", count, kind.label());
    }
    let wrong: Vec<String> = edits
        .iter()
        .filter_map(|e| {
            check_edit(&base, e)
                .err()
                .map(|why| format!("{why}: {}", e.expected))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "edits that are not what they say:\n{}",
        wrong.join("\n")
    );
}

/// What `changes` did with one edit: its exit code, stdout and stderr.
struct Outcome {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `changes OLD NEW --format tsv --no-header` on every edit, a few at a time.
fn outcomes(folder: &Folder, edits: &[Edit]) -> Vec<Outcome> {
    let old = folder.arg("old.toml");
    let threads = std::thread::available_parallelism().map_or(4, |n| n.get().min(8));
    let chunk = edits.len().div_ceil(threads);
    let compare = |i: usize, edit: &Edit| {
        let name = format!("new-{i}.toml");
        folder.write(&name, &edit.new);
        let new = folder.arg(&name);
        let out = run(&mut ladder(&[
            "changes",
            &old,
            &new,
            "--format",
            "tsv",
            "--no-header",
        ]));
        Outcome {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    };
    std::thread::scope(|s| {
        let handles: Vec<_> = (edits.chunks(chunk).enumerate())
            .map(|(c, part)| {
                let compare = &compare;
                s.spawn(move || {
                    let each = part.iter().enumerate();
                    each.map(|(i, e)| compare(c * chunk + i, e))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a thread of runs"))
            .collect()
    })
}

/// Per kind: its edits, those reported exactly right, and the records of its kind reported
/// across all edits.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    edits: usize,
    exact: usize,
    reported: usize,
}

impl Tally {
    /// Edits reported exactly right over the records of the kind reported: NaN, which is not 1,
    /// when none is.
    fn precision(self) -> f64 {
        ratio(self.exact, self.reported)
    }

    fn recall(self) -> f64 {
        ratio(self.exact, self.edits)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    match whole {
        0 => f64::NAN,
        _ => part as f64 / whole as f64,
    }
}

/// Tallies the outcomes by kind, and gives every edit not reported exactly right (exit code 1,
/// its one record and nothing else on stdout) with what came out instead; also the count of
/// records of no kind here.
fn tally(edits: &[Edit], outcomes: &[Outcome]) -> (Vec<Tally>, Vec<String>, usize) {
    let mut tallies = vec![Tally::default(); KINDS.len()];
    let at = |kind: Kind| KINDS.iter().position(|k| *k == kind).expect("a kind");
    let (mut misses, mut strays) = (Vec::new(), 0);
    for (edit, out) in edits.iter().zip(outcomes) {
        tallies[at(edit.kind)].edits += 1;
        for line in out.stdout.lines() {
            match Kind::of(line) {
                Some(kind) => tallies[at(kind)].reported += 1,
                None => strays += 1,
            }
        }
        if out.code == Some(1) && out.stdout == format!("{}\n", edit.expected) {
            tallies[at(edit.kind)].exact += 1;
        } else {
            misses.push(format!(
                "{}:\n  expected (exit 1): {:?}\n  got (exit {:?}): {:?}\n  stderr: {:?}",
                edit.kind.label(),
                edit.expected,
                out.code,
                out.stdout,
                out.stderr.lines().next().unwrap_or_default()
            ));
        }
    }
    (tallies, misses, strays)
}

/// The table of precision and recall per kind, for stderr.
fn table(tallies: &[Tally], strays: usize) -> String {
    let mut lines = vec![format!(
        "{:<18} {:>5} {:>5} {:>8} {:>9} {:>6}",
        "kind", "edits", "exact", "reported", "precision", "recall"
    )];
    for (kind, t) in KINDS.iter().zip(tallies) {
        lines.push(format!(
            "{:<18} {:>5} {:>5} {:>8} {:>9.3} {:>6.3}",
            kind.label(),
            t.edits,
            t.exact,
            t.reported,
            t.precision(),
            t.recall()
        ));
    }
    lines.push(format!("records of no kind above: {strays}"));
    lines.join("\n")
}

/// Each edit of the set, compared with the ladder before it, comes out as exactly its one
/// record, exit code 1: precision and recall are 1 for every kind. Every miss is listed.
#[test]
fn changes_reports_each_edit_of_the_set_as_exactly_its_record() {
    let (old, edits) = edit_set();
    let folder = Folder::new("changes-edits");
    folder.write("old.toml", &old);
    let outcomes = outcomes(&folder, &edits);
    let (tallies, mut misses, strays) = tally(&edits, &outcomes);
    eprintln!(
        "ladder changes, edit test set:\n{}",
        table(&tallies, strays)
    );
    for (kind, t) in KINDS.iter().zip(&tallies) {
        if t.precision() != 1.0 || t.recall() != 1.0 {
            let (p, r) = (t.precision(), t.recall());
            misses.push(format!("{}: precision {p:.3}, recall {r:.3}", kind.label()));
        }
    }
    assert!(
        misses.is_empty(),
        "{} misses of the edit set:\n{}",
        misses.len(),
        misses.join("\n")
    );
}
