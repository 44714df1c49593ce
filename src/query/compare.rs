//! Pure comparison of two roles: attribute by attribute, then dimension by dimension and theme by theme.

use std::collections::HashMap;

use crate::model::{Attribute, Dimension, Ladder, Role, Theme};
use crate::query::similarity;

/// How one item reads at B compared with A.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The same words at A and B.
    Unchanged,
    /// Nearly the same words at A and B: one expectation, reworded (see [`Marked::similarity`]).
    Reworded,
    /// Its theme is at both, in other words: the expectation grows.
    Changed,
    /// Only at B: new at B.
    Added,
    /// Only at A: B no longer lists it, or does not restate it.
    Removed,
}

/// The whole comparison of role A (`from`) with role B (`to`).
#[derive(Debug)]
pub struct Comparison<'a> {
    pub from: &'a Role,
    pub to: &'a Role,
    pub attributes: Vec<AttributeChange<'a>>,
    pub dimensions: Vec<DimensionChange<'a>>,
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
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marked<'a> {
    pub text: &'a str,
    pub mark: Mark,
    /// The most similar expectation at the other role, when the two pair up.
    pub counterpart: Option<&'a str>,
    /// How alike the pair reads (see [`crate::query::similarity`]); `None` when unpaired.
    pub similarity: Option<f64>,
}

/// How many themes carry each mark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    pub unchanged: usize,
}

impl Comparison<'_> {
    /// The number of themes with each mark, over every compared dimension.
    pub fn theme_counts(&self) -> Counts {
        let mut counts = Counts::default();
        for theme in self.dimensions.iter().flat_map(|d| &d.themes) {
            *match theme.mark {
                Mark::Added => &mut counts.added,
                Mark::Changed | Mark::Reworded => &mut counts.changed,
                Mark::Removed => &mut counts.removed,
                Mark::Unchanged => &mut counts.unchanged,
            } += 1;
        }
        counts
    }
}

#[cfg(test)]
impl Comparison<'_> {
    /// Whether A and B read exactly alike.
    pub fn is_unchanged(&self) -> bool {
        self.attributes.iter().all(|a| a.mark == Mark::Unchanged)
            && self
                .dimensions
                .iter()
                .flat_map(|d| &d.themes)
                .all(|t| t.mark == Mark::Unchanged)
    }
}

/// Compares role `from` (A) with role `to` (B) over the given dimensions, in ladder order.
pub fn compare<'a>(
    ladder: &'a Ladder,
    from: &'a Role,
    to: &'a Role,
    dimensions: &[&'a Dimension],
) -> Comparison<'a> {
    let attributes = ladder
        .attributes
        .iter()
        .map(|attribute| {
            let a = from.attributes.get(&attribute.id).map(String::as_str);
            let b = to.attributes.get(&attribute.id).map(String::as_str);
            AttributeChange {
                attribute,
                from: a,
                to: b,
                mark: presence_mark(a.is_some(), b.is_some(), a == b),
            }
        })
        .collect();
    let dimensions = dimensions
        .iter()
        .map(|dimension| DimensionChange {
            dimension,
            themes: compare_dimension(dimension, from, to),
        })
        .collect();
    Comparison {
        from,
        to,
        attributes,
        dimensions,
    }
}

fn compare_dimension<'a>(
    dimension: &'a Dimension,
    from: &'a Role,
    to: &'a Role,
) -> Vec<ThemeChange<'a>> {
    // Each role's texts grouped by theme once: a filter of all expectations for every theme
    // would cost their product.
    let group = |role: &'a Role| {
        let mut by_theme: HashMap<Option<&'a str>, Vec<&'a str>> = HashMap::new();
        for e in &role.in_dimension(&dimension.id).expectations {
            by_theme
                .entry(e.theme.as_deref())
                .or_default()
                .push(e.text.as_str());
        }
        by_theme
    };
    let (at_a, at_b) = (group(from), group(to));
    let none = Vec::new();
    // Declared themes in ladder order, then the untagged expectations last.
    let keys = dimension
        .themes
        .iter()
        .map(|t| (Some(t), Some(t.id.as_str())))
        .chain(std::iter::once((None, None)));
    keys.filter_map(|(theme, key)| {
        let (a, b) = (
            at_a.get(&key).unwrap_or(&none),
            at_b.get(&key).unwrap_or(&none),
        );
        if a.is_empty() && b.is_empty() {
            return None;
        }
        // Within a theme both roles have, unpaired expectations grow; without themes, they are
        // new at B or not restated at B.
        let themed = theme.is_some();
        let (from, to) = mark_pairs(a, b, themed);
        let same = from.iter().chain(&to).all(|m| m.mark == Mark::Unchanged);
        Some(ThemeChange {
            theme,
            mark: presence_mark(!a.is_empty(), !b.is_empty(), same),
            from,
            to,
        })
    })
    .collect()
}

/// Marks both sides of one group of expectations by pairing them on similarity.
fn mark_pairs<'a>(
    a: &[&'a str],
    b: &[&'a str],
    themed: bool,
) -> (Vec<Marked<'a>>, Vec<Marked<'a>>) {
    // Each text's partner and similarity, by index: a search of the pairs for every text
    // would cost the product of the two lists.
    let (mut of_a, mut of_b) = (vec![None; a.len()], vec![None; b.len()]);
    for (i, j, s) in similarity::pair(a, b, similarity::REWORDED) {
        of_a[i] = Some((j, s));
        of_b[j] = Some((i, s));
    }
    let both = !a.is_empty() && !b.is_empty();
    let side =
        |mine: &[&'a str], other: &[&'a str], partners: &[Option<(usize, f64)>], alone: Mark| {
            mine.iter()
                .zip(partners)
                .map(|(text, &partner)| match partner {
                    Some((k, s)) => {
                        let counterpart = other[k];
                        Marked {
                            text,
                            mark: if s >= 1.0 {
                                Mark::Unchanged
                            } else {
                                Mark::Reworded
                            },
                            counterpart: Some(counterpart),
                            similarity: Some(s),
                        }
                    }
                    None => Marked {
                        text,
                        mark: if themed && both { Mark::Changed } else { alone },
                        counterpart: None,
                        similarity: None,
                    },
                })
                .collect::<Vec<Marked<'a>>>()
        };
    (
        side(a, b, &of_a, Mark::Removed),
        side(b, a, &of_b, Mark::Added),
    )
}

fn presence_mark(at_a: bool, at_b: bool, same: bool) -> Mark {
    match (at_a, at_b) {
        (true, false) => Mark::Removed,
        (false, true) => Mark::Added,
        _ if same => Mark::Unchanged,
        _ => Mark::Changed,
    }
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
                ("learn-in-the-open", Mark::Removed),
                ("grow-others", Mark::Added),
                ("document-practices", Mark::Added),
            ]
        );
        let depth = &c.dimensions[0].themes[0];
        assert_eq!(depth.mark, Mark::Changed);
        assert!(
            depth
                .from
                .iter()
                .chain(&depth.to)
                .all(|m| m.mark == Mark::Changed)
        );
    }

    #[test]
    fn attributes_mark_what_moved() {
        let l = embedded();
        let l2 = l.role("L2-security-analyst").expect("L2");
        let l3 = l.role("L3-senior-security-analyst").expect("L3");
        let c = compare(&l, l2, l3, &[]);
        let marks: Vec<Mark> = c.attributes.iter().map(|a| a.mark).collect();
        assert_eq!(
            marks,
            [
                Mark::Unchanged,
                Mark::Changed,
                Mark::Unchanged,
                Mark::Changed
            ]
        );
    }
}
