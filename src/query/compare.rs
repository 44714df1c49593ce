//! Pure comparison of two roles: attribute by attribute, then dimension by dimension and theme by theme.

use std::collections::HashMap;
use std::ops::Range;

use crate::model::{Attribute, Dimension, Ladder, Role, Theme};
use crate::query::{similarity, wording};

/// How one item reads at B compared with A. A level builds on the ones below, so what A
/// lists and B does not is not restated at B, not gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// The same words at A and B.
    Same,
    /// Nearly the same words at A and B: one expectation, reworded (see [`Marked::similarity`]).
    Reworded,
    /// A statement of B paired with one of A in the same thread, worded differently, and B is
    /// the higher level: the expectation grows.
    Grows,
    /// As [`Mark::Grows`], but B is at the same level as A or below it, where "grows" would be
    /// false.
    Differs,
    /// Only at B: new at B.
    New,
    /// Only at A: B does not restate it (B still builds on A).
    NotRestated,
}

impl Mark {
    /// How much a reader must act on the mark, weakest first: a theme takes its statements'
    /// strongest mark.
    fn strength(self) -> u8 {
        match self {
            Mark::Same => 0,
            Mark::Reworded => 1,
            Mark::NotRestated => 2,
            Mark::Grows | Mark::Differs => 3,
            Mark::New => 4,
        }
    }
}

/// The lowest similarity at which a statement of B, in a theme both roles have, continues a
/// statement of A (and so grows or differs from it) rather than being new.
///
/// Measured on the embedded ladder, over adjacent levels of every track and the themes both
/// levels have (`ladder diff L2 L3 --track engineer` and the like): every pair the greedy
/// pairing chooses among statements sharing a meaningful word scores 0.042 to 0.214 and
/// reads as one thread growing ("Notices quality and reliability problems…" → "Guards
/// quality across the whole stack…", 0.071); statements that share no word score 0 and are
/// separate threads ("Makes sure alerts stay actionable…", new at L3 engineer). Only two
/// pairs fall in between (0.036 and 0.038, one shared "team" in a 26-word sentence), and
/// neither is a thread; 0.04 keeps every thread and no stray word.
pub const CONTINUES: f64 = 0.04;

/// Where B stands from A.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// B is at a higher level: what it says more grows.
    Up,
    /// Another role at the same level (sideways).
    Level,
    /// B is at a lower level: what it lists that A does not is no step up.
    Down,
    /// A and B are one role.
    Same,
    /// A and B are of two ladders, whose levels do not compare.
    Across,
}

/// The whole comparison of role A (`from`) with role B (`to`).
#[derive(Debug)]
pub struct Comparison<'a> {
    pub from: &'a Role,
    pub to: &'a Role,
    /// Whether B is at a higher level than A: then what changes grows, else it differs.
    pub upward: bool,
    /// Where B stands from A: above, at the same level, below, or the same role.
    pub direction: Direction,
    pub attributes: Vec<AttributeChange<'a>>,
    pub dimensions: Vec<DimensionChange<'a>>,
    /// Across two ladders: the dimensions only A's ladder has, and only B's; empty within one.
    pub only_at: [Vec<&'a Dimension>; 2],
    /// Across two ladders of a catalogue: the ids of A's ladder and B's, so that each side is
    /// named `ladder/role`; `None` within one ladder.
    pub ladders: Option<[&'a str; 2]>,
}

/// One attribute's value at A and at B.
#[derive(Debug)]
pub struct AttributeChange<'a> {
    pub attribute: &'a Attribute,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub mark: Mark,
}

/// One dimension, theme by theme.
#[derive(Debug)]
pub struct DimensionChange<'a> {
    pub dimension: &'a Dimension,
    pub themes: Vec<ThemeChange<'a>>,
}

/// The expectations of one theme at A and at B; `theme` is `None` for untagged expectations.
#[derive(Debug)]
pub struct ThemeChange<'a> {
    pub theme: Option<&'a Theme>,
    pub mark: Mark,
    pub from: Vec<Marked<'a>>,
    pub to: Vec<Marked<'a>>,
}

/// An expectation's text with its mark, and the text it pairs with at the other role.
#[derive(Debug, Clone, PartialEq)]
pub struct Marked<'a> {
    pub text: &'a str,
    pub mark: Mark,
    /// The expectation at the other role this one pairs with, when it pairs.
    pub counterpart: Option<&'a str>,
    /// Where the counterpart sits in the other role's list of the same theme.
    pub partner: Option<usize>,
    /// How alike the pair reads (see [`crate::query::similarity`]); `None` when unpaired.
    pub similarity: Option<f64>,
    /// The runs of words of `text` that its counterpart lacks (see [`wording`]): at B the
    /// words B adds, at A the words B drops. Empty when unpaired, the same, or sharing no
    /// meaningful word with its counterpart.
    pub changed: Vec<Range<usize>>,
}

/// How many statements carry each mark: B's statements for every mark but
/// [`Mark::NotRestated`], which counts A's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub new: usize,
    pub grows: usize,
    pub differs: usize,
    pub reworded: usize,
    pub not_restated: usize,
    pub same: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.new += other.new;
        self.grows += other.grows;
        self.differs += other.differs;
        self.reworded += other.reworded;
        self.not_restated += other.not_restated;
        self.same += other.same;
    }

    /// The count of statements with this mark.
    pub fn of(&self, mark: Mark) -> usize {
        match mark {
            Mark::Same => self.same,
            Mark::Reworded => self.reworded,
            Mark::Grows => self.grows,
            Mark::Differs => self.differs,
            Mark::New => self.new,
            Mark::NotRestated => self.not_restated,
        }
    }
}

impl Comparison<'_> {
    /// The number of statements with each mark, over every compared dimension.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for d in &self.dimensions {
            counts.add(d.counts());
        }
        counts
    }
}

impl DimensionChange<'_> {
    /// The number of statements with each mark in this dimension.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        let marks = self.themes.iter().flat_map(|t| {
            let b = t.to.iter().map(|m| m.mark);
            let a = t.from.iter().map(|m| m.mark);
            b.chain(a.filter(|&m| m == Mark::NotRestated))
        });
        for mark in marks {
            *match mark {
                Mark::Same => &mut counts.same,
                Mark::Reworded => &mut counts.reworded,
                Mark::Grows => &mut counts.grows,
                Mark::Differs => &mut counts.differs,
                Mark::New => &mut counts.new,
                Mark::NotRestated => &mut counts.not_restated,
            } += 1;
        }
        counts
    }
}

impl<'a> ThemeChange<'a> {
    /// The statements side by side, partners on one row: pairs in B's order, then what is new
    /// at B, then what B does not restate.
    pub fn rows(&self) -> Vec<(Option<&Marked<'a>>, Option<&Marked<'a>>)> {
        let pairs = self.to.iter().filter_map(|b| {
            let a = self.from.get(b.partner?)?;
            Some((Some(a), Some(b)))
        });
        let new = self.to.iter().filter(|b| b.partner.is_none());
        let not_restated = self.from.iter().filter(|a| a.partner.is_none());
        pairs
            .chain(new.map(|b| (None, Some(b))))
            .chain(not_restated.map(|a| (Some(a), None)))
            .collect()
    }
}

#[cfg(test)]
impl Comparison<'_> {
    /// Whether A and B read exactly alike.
    pub fn is_unchanged(&self) -> bool {
        self.attributes.iter().all(|a| a.mark == Mark::Same)
            && self
                .dimensions
                .iter()
                .flat_map(|d| &d.themes)
                .all(|t| t.mark == Mark::Same)
    }
}

/// Compares role `from` (A) with role `to` (B) of one ladder over the given dimensions, in
/// ladder order: a comparison across two ladders that are the same, so one builder serves both.
pub fn compare<'a>(
    ladder: &'a Ladder,
    from: &'a Role,
    to: &'a Role,
    dimensions: &[&'a Dimension],
) -> Comparison<'a> {
    compare_sides((ladder, from), (ladder, to), Some(dimensions), None)
}

/// Compares role `from` (A) of ladder `a` with role `to` (B) of ladder `b`: a sideways move.
/// Attributes line up by id or name; dimensions and their themes by id, else by name, else by
/// the words of their names (see [`align`]). A dimension only one ladder has is compared with
/// nothing: new at B, or not restated at B. Levels compare by their rank in each ladder.
pub fn compare_across<'a>(
    a: (&'a Ladder, &'a Role),
    b: (&'a Ladder, &'a Role),
    ladders: Option<[&'a str; 2]>,
) -> Comparison<'a> {
    compare_sides(a, b, None, ladders)
}

/// The one builder of a comparison: A's and B's attributes, dimensions and themes lined up
/// (see [`align`]; a ladder lines up with itself item by item), then compared theme by theme;
/// `only` keeps the dimensions given, of A's ladder.
fn compare_sides<'a>(
    (a, from): (&'a Ladder, &'a Role),
    (b, to): (&'a Ladder, &'a Role),
    only: Option<&[&'a Dimension]>,
    ladders: Option<[&'a str; 2]>,
) -> Comparison<'a> {
    // "Grows" only where B is above A; a level unknown to the ladder ranks below every other.
    // Across two ladders the ranks compare only when both declare the same levels (one scheme
    // of levels, or copies); else B is never above A, nor builds on it.
    let (rank_a, rank_b) = (a.level_rank(&from.level), b.level_rank(&to.level));
    let comparable = std::ptr::eq(a, b) || a.levels == b.levels;
    let upward = comparable && rank_a < rank_b;
    let direction = match rank_a.cmp(&rank_b) {
        _ if !std::ptr::eq(a, b) => Direction::Across,
        _ if std::ptr::eq(from, to) => Direction::Same,
        std::cmp::Ordering::Less => Direction::Up,
        std::cmp::Ordering::Equal => Direction::Level,
        std::cmp::Ordering::Greater => Direction::Down,
    };
    let differ = if upward { Mark::Grows } else { Mark::Differs };
    let named = |items: &'a [Attribute]| items.iter().map(|x| (x.id.as_str(), x.name.as_str()));
    let same = std::ptr::eq(a, b);
    let attributes = line_up(same, named(&a.attributes), named(&b.attributes))
        .into_iter()
        .map(|(i, j)| {
            let (at_a, at_b) = (i.map(|i| &a.attributes[i]), j.map(|j| &b.attributes[j]));
            let value = |role: &'a Role, at: Option<&Attribute>| {
                at.and_then(|x| role.attributes.get(&x.id))
                    .map(String::as_str)
            };
            let (va, vb) = (value(from, at_a), value(to, at_b));
            AttributeChange {
                attribute: at_a.or(at_b).expect("one side at least"),
                from: va,
                to: vb,
                mark: attribute_mark(va, vb, differ),
            }
        })
        .collect();
    let dims = |l: &'a Ladder| {
        l.dimensions
            .iter()
            .map(|d| (d.id.as_str(), d.name.as_str()))
    };
    let mut only_at = [Vec::new(), Vec::new()];
    let kept = |i: &Option<usize>| match (only, i) {
        (None, _) => true,
        (Some(only), Some(i)) => only.iter().any(|d| std::ptr::eq(*d, &a.dimensions[*i])),
        (Some(_), None) => false,
    };
    let dimensions = line_up(same, dims(a), dims(b))
        .into_iter()
        .filter(|(i, _)| kept(i))
        .map(|(i, j)| {
            let (da, db) = (i.map(|i| &a.dimensions[i]), j.map(|j| &b.dimensions[j]));
            match (da, db) {
                (Some(d), None) => only_at[0].push(d),
                (None, Some(d)) => only_at[1].push(d),
                _ => {}
            }
            let sides = [da.map(|d| d.id.as_str()), db.map(|d| d.id.as_str())];
            let themes = |d: Option<&'a Dimension>| {
                d.map_or(&[][..], |d| &d.themes[..])
                    .iter()
                    .map(|t| (t.id.as_str(), t.name.as_str()))
            };
            let (ta, tb) = (
                da.map_or(&[][..], |d| &d.themes),
                db.map_or(&[][..], |d| &d.themes),
            );
            let keys = line_up(same, themes(da), themes(db))
                .into_iter()
                .map(|(i, j)| {
                    let (x, y) = (i.map(|i| &ta[i]), j.map(|j| &tb[j]));
                    (
                        x.or(y),
                        x.map(|t| Some(t.id.as_str())),
                        y.map(|t| Some(t.id.as_str())),
                    )
                })
                .chain(std::iter::once((None, Some(None), Some(None))))
                .collect();
            DimensionChange {
                dimension: da.or(db).expect("one side at least"),
                themes: compare_dimension(sides, keys, from, to, differ),
            }
        })
        .collect();
    Comparison {
        from,
        to,
        upward,
        direction,
        attributes,
        dimensions,
        only_at,
        ladders,
    }
}

/// The items of A and B lined up as [`align`] does; a ladder's items line up with themselves,
/// one by one, without the look-ups.
fn line_up<'a>(
    same: bool,
    a: impl Iterator<Item = (&'a str, &'a str)>,
    b: impl Iterator<Item = (&'a str, &'a str)>,
) -> Vec<(Option<usize>, Option<usize>)> {
    if same {
        return (0..a.count()).map(|i| (Some(i), Some(i))).collect();
    }
    align(a, b)
}

/// How an attribute's value at B reads against A's.
fn attribute_mark(a: Option<&str>, b: Option<&str>, differ: Mark) -> Mark {
    match (a, b) {
        (Some(_), None) => Mark::NotRestated,
        (None, Some(_)) => Mark::New,
        _ if a == b => Mark::Same,
        _ => differ,
    }
}

/// Lines up two lists of (id, name): by id, else by name in any case, else by the words of
/// the names (the most alike first, sharing at least one word). A's items in order, each with
/// its partner in B if any, then B's items that found none.
pub fn align<'a>(
    a: impl Iterator<Item = (&'a str, &'a str)>,
    b: impl Iterator<Item = (&'a str, &'a str)>,
) -> Vec<(Option<usize>, Option<usize>)> {
    let (a, b): (Vec<_>, Vec<_>) = (a.collect(), b.collect());
    let mut partner: Vec<Option<usize>> = vec![None; a.len()];
    let mut taken = vec![false; b.len()];
    // Tables, not searches: a catalogue's ladders may be large.
    let by_id: HashMap<&str, usize> = b.iter().enumerate().rev().map(|(j, x)| (x.0, j)).collect();
    let by_name: HashMap<String, usize> = b
        .iter()
        .enumerate()
        .rev()
        .map(|(j, x)| (x.1.to_lowercase(), j))
        .collect();
    for (i, (id, name)) in a.iter().enumerate() {
        let found = by_id
            .get(id)
            .or_else(|| by_name.get(&name.to_lowercase()))
            .copied()
            .filter(|&j| !taken[j]);
        if let Some(j) = found {
            partner[i] = Some(j);
            taken[j] = true;
        }
    }
    let left: Vec<usize> = (0..a.len()).filter(|&i| partner[i].is_none()).collect();
    let right: Vec<usize> = (0..b.len()).filter(|&j| !taken[j]).collect();
    let names = |items: &[(&'a str, &'a str)], at: &[usize]| -> Vec<&'a str> {
        at.iter().map(|&k| items[k].1).collect()
    };
    let (left_names, right_names) = (names(&a, &left), names(&b, &right));
    for (i, j, _) in similarity::pair(&left_names, &right_names, f64::MIN_POSITIVE) {
        partner[left[i]] = Some(right[j]);
        taken[right[j]] = true;
    }
    let mut aligned: Vec<_> = partner
        .iter()
        .enumerate()
        .map(|(i, j)| (Some(i), *j))
        .collect();
    aligned.extend((0..b.len()).filter(|&j| !taken[j]).map(|j| (None, Some(j))));
    aligned
}

/// Where a theme's expectations are at one role: `None` when that role's dimension has no
/// such theme, `Some(None)` for the untagged expectations, `Some(Some(id))` for a theme.
type Slot<'a> = Option<Option<&'a str>>;

/// One dimension, theme by theme: `sides` are the dimension's id at A and at B (`None` when
/// that ladder has no such dimension), `keys` each theme to show with where it is at A and B.
fn compare_dimension<'a>(
    sides: [Option<&'a str>; 2],
    keys: Vec<(Option<&'a Theme>, Slot<'a>, Slot<'a>)>,
    from: &'a Role,
    to: &'a Role,
    differ: Mark,
) -> Vec<ThemeChange<'a>> {
    // Each role's texts grouped by theme once: a filter of all expectations for every theme
    // would cost their product.
    let group = |role: &'a Role, dimension: Option<&'a str>| {
        let mut by_theme: HashMap<Option<&'a str>, Vec<&'a str>> = HashMap::new();
        let Some(dimension) = dimension else {
            return by_theme;
        };
        for e in &role.in_dimension(dimension).expectations {
            by_theme
                .entry(e.theme.as_deref())
                .or_default()
                .push(e.text.as_str());
        }
        by_theme
    };
    let (at_a, at_b) = (group(from, sides[0]), group(to, sides[1]));
    let none = Vec::new();
    keys.into_iter()
        .filter_map(|(theme, key_a, key_b)| {
            let a = key_a.and_then(|k| at_a.get(&k)).unwrap_or(&none);
            let b = key_b.and_then(|k| at_b.get(&k)).unwrap_or(&none);
            if a.is_empty() && b.is_empty() {
                return None;
            }
            // Within a theme, statements that share a thread grow (or differ); a theme of one
            // statement at each side is one thread, whatever words they share. Without a
            // theme, only a rewording pairs, and the rest is new at B or not restated at B.
            let threshold = match (theme, a.len(), b.len()) {
                (Some(_), 1, 1) => 0.0,
                (Some(_), _, _) => CONTINUES,
                (None, _, _) => similarity::REWORDED,
            };
            let (from, to) = mark_pairs(a, b, threshold, differ);
            let mark = match (a.is_empty(), b.is_empty()) {
                (false, true) => Mark::NotRestated,
                (true, false) => Mark::New,
                _ => from
                    .iter()
                    .chain(&to)
                    .map(|m| m.mark)
                    .max_by_key(|m| m.strength())
                    .unwrap_or(Mark::Same),
            };
            Some(ThemeChange {
                theme,
                mark,
                from,
                to,
            })
        })
        .collect()
}

/// Marks both sides of one group of expectations by pairing them on similarity, at or above
/// `threshold`: identical pairs are the same, pairs from [`similarity::REWORDED`] reworded
/// unless one side adds content ([`similarity::adds_content`]), other pairs `differ`; what stays unpaired is new at B or not restated at B.
fn mark_pairs<'a>(
    a: &[&'a str],
    b: &[&'a str],
    threshold: f64,
    differ: Mark,
) -> (Vec<Marked<'a>>, Vec<Marked<'a>>) {
    // Each text's partner and similarity, by index: a search of the pairs for every text
    // would cost the product of the two lists.
    let (mut of_a, mut of_b) = (vec![None; a.len()], vec![None; b.len()]);
    for (i, j, s) in similarity::pair(a, b, threshold) {
        of_a[i] = Some((j, s));
        of_b[j] = Some((i, s));
    }
    let side =
        |mine: &[&'a str], other: &[&'a str], partners: &[Option<(usize, f64)>], alone: Mark| {
            mine.iter()
                .zip(partners)
                .map(|(text, &partner)| Marked {
                    text,
                    mark: match partner {
                        None => alone,
                        Some((_, s)) if s >= 1.0 => Mark::Same,
                        Some((k, s)) if s >= similarity::REWORDED && !adds(text, other[k]) => {
                            Mark::Reworded
                        }
                        Some(_) => differ,
                    },
                    counterpart: partner.map(|(k, _)| other[k]),
                    partner: partner.map(|(k, _)| k),
                    similarity: partner.map(|(_, s)| s),
                    // Two statements that share no word: every word changed, which would
                    // only shout; nothing is marked.
                    changed: match partner {
                        Some((k, s)) if s > 0.0 && s < 1.0 => wording::changed_runs(text, other[k]),
                        _ => Vec::new(),
                    },
                })
                .collect::<Vec<Marked<'a>>>()
        };
    (
        side(a, b, &of_a, Mark::NotRestated),
        side(b, a, &of_b, Mark::New),
    )
}

/// Whether one side of a pair adds content to the other, in either order: a pair where B asks
/// for more than A (or A for more than B) is not the same statement reworded.
fn adds(x: &str, y: &str) -> bool {
    similarity::adds_content(x, y) || similarity::adds_content(y, x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> Ladder {
        crate::embedded::ladder()
    }

    #[test]
    fn a_role_compared_with_itself_is_unchanged() {
        let l = embedded();
        let dims: Vec<&Dimension> = l.dimensions.iter().collect();
        for role in &l.roles {
            let c = compare(&l, role, role, &dims);
            assert!(c.is_unchanged(), "{} differs from itself", role.id);
        }
    }

    #[test]
    fn themes_only_at_one_side_are_added_or_removed() {
        let l = embedded();
        let dims: Vec<&Dimension> = l.dimensions.iter().collect();
        let l1 = l.role("L1-junior-security-analyst").expect("L1");
        let l2 = l.role("L2-security-analyst").expect("L2");
        let c = compare(&l, l1, l2, &dims);
        let tm = &c.dimensions[1];
        let marks: Vec<(&str, Mark)> = tm
            .themes
            .iter()
            .map(|t| (t.theme.map_or("", |t| t.id.as_str()), t.mark))
            .collect();
        assert_eq!(
            marks,
            [
                ("learn-in-the-open", Mark::NotRestated),
                ("grow-others", Mark::New),
                ("document-practices", Mark::New),
            ]
        );
        let depth = &c.dimensions[0].themes[0];
        assert_eq!(depth.mark, Mark::Grows);
        assert!(
            depth
                .from
                .iter()
                .chain(&depth.to)
                .all(|m| m.mark == Mark::Grows)
        );
    }

    #[test]
    fn a_statement_of_a_shared_theme_without_a_thread_at_a_is_new() {
        let l = embedded();
        let dims: Vec<&Dimension> = l.dimensions.iter().collect();
        let l2 = l.role("L2-security-engineer").expect("L2");
        let l3 = l.role("L3-senior-security-engineer").expect("L3");
        let c = compare(&l, l2, l3, &dims);
        let quality = c
            .dimensions
            .iter()
            .flat_map(|d| &d.themes)
            .find(|t| t.theme.is_some_and(|t| t.id == "quality-improvement"))
            .expect("quality-improvement");
        let marks: Vec<(&str, Mark)> = quality.to.iter().map(|m| (&m.text[..12], m.mark)).collect();
        assert_eq!(
            marks,
            [("Guards quali", Mark::Grows), ("Makes sure a", Mark::New)]
        );
        assert_eq!(quality.from[0].mark, Mark::Grows);
        assert_eq!(
            quality.mark,
            Mark::New,
            "a theme takes its strongest change"
        );
        let counts = c.dimensions[0].counts();
        assert_eq!(counts.of(Mark::New) + counts.of(Mark::Grows), 5);
    }

    #[test]
    fn sideways_pairs_differ_and_partners_share_a_row() {
        let l = embedded();
        let domain = l.dimension("domain-expertise").expect("domain");
        let a = l.role("L3-senior-security-analyst").expect("analyst");
        let b = l.role("L3-senior-security-engineer").expect("engineer");
        let c = compare(&l, a, b, &[domain]);
        let debt = c.dimensions[0]
            .themes
            .iter()
            .find(|t| t.theme.is_some_and(|t| t.id == "tradeoffs-debt"))
            .expect("tradeoffs-debt");
        for (left, right) in debt.rows() {
            if let (Some(left), Some(right)) = (left, right) {
                assert_eq!(left.counterpart, Some(right.text));
                assert_ne!(left.mark, Mark::Grows, "sideways nothing grows");
            }
        }
        let rows = debt.rows();
        assert_eq!(rows.len(), debt.from.len().max(debt.to.len()));
    }

    #[test]
    fn attributes_mark_what_moved() {
        let l = embedded();
        let l2 = l.role("L2-security-analyst").expect("L2");
        let l3 = l.role("L3-senior-security-analyst").expect("L3");
        let c = compare(&l, l2, l3, &[]);
        let marks: Vec<Mark> = c.attributes.iter().map(|a| a.mark).collect();
        assert_eq!(marks, [Mark::Same, Mark::Grows, Mark::Same, Mark::Grows]);
    }
}
