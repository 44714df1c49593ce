//! The view of `ladder evidence`: a role's expectations, marked against the role it is
//! compared with, for the outline.

use std::collections::HashMap;

use crate::model::{Dimension, Ladder, Role, Theme};
use crate::query::compare::{self, Mark, Marked};

/// The texts at B of a compared dimension, theme by theme, each with its first mark. Looked
/// up, not searched: a search for every expectation would cost the product of the
/// expectations and the themes or texts.
fn marks_by_theme<'a, 'c>(
    dimension: &'c crate::query::compare::DimensionChange<'a>,
) -> HashMap<Option<&'a str>, HashMap<&'a str, &'c Marked<'a>>> {
    let mut out = HashMap::new();
    for change in &dimension.themes {
        out.entry(change.theme.map(|t| t.id.as_str()))
            .or_insert_with(|| {
                let mut texts = HashMap::with_capacity(change.to.len());
                for m in &change.to {
                    texts.entry(m.text).or_insert(m);
                }
                texts
            });
    }
    out
}

/// One expectation of the outline: new when the comparison marks it so, else quoting the
/// statement at A it grows from or rewords.
fn item<'a>(
    theme: Option<&'a Theme>,
    text: &'a str,
    marked: Option<&Marked<'a>>,
) -> EvidenceItem<'a> {
    let (new, before) = match marked.map(|m| (m.mark, m.counterpart)) {
        Some((Mark::New, _)) => (true, Vec::new()),
        Some((Mark::Reworded | Mark::Grows | Mark::Differs, Some(c))) => (false, vec![c]),
        _ => (false, Vec::new()),
    };
    EvidenceItem {
        theme,
        text,
        new,
        before,
    }
}

/// The outline of `ladder evidence`: a role's expectations, marked where they are new.
#[derive(Debug)]
pub struct Evidence<'a> {
    pub role: &'a Role,
    /// The role the person holds now, when there is one to compare with.
    pub from: Option<&'a Role>,
    pub dimensions: Vec<EvidenceDimension<'a>>,
}

/// One dimension of an evidence outline.
#[derive(Debug)]
pub struct EvidenceDimension<'a> {
    pub dimension: &'a Dimension,
    pub items: Vec<EvidenceItem<'a>>,
    pub examples: &'a [String],
}

/// One expectation to gather evidence for.
#[derive(Debug)]
pub struct EvidenceItem<'a> {
    pub theme: Option<&'a Theme>,
    pub text: &'a str,
    /// Whether the expectation is new relative to `from`: nothing in its theme there continues
    /// into it (see [`crate::query::compare`]).
    pub new: bool,
    /// What `from` says that this expectation grows from or rewords: its partner there.
    pub before: Vec<&'a str>,
}

impl<'a> Evidence<'a> {
    /// The outline for `role`, compared with `from` when given (a role of the same ladder, or
    /// in a catalogue of another): an expectation is new when the comparison marks it new at
    /// `role`; it quotes the statement it grows from or rewords.
    pub fn of(
        ladder: &'a Ladder,
        role: &'a Role,
        from: Option<(&'a Ladder, &'a Role)>,
    ) -> Evidence<'a> {
        let all: Vec<&Dimension> = ladder.dimensions.iter().collect();
        let comparison = from.map(|(other, f)| {
            if std::ptr::eq(other, ladder) {
                compare::compare(ladder, f, role, &all)
            } else {
                compare::compare_across((other, f), (ladder, role), None)
            }
        });
        let same_ladder = from.is_some_and(|(other, _)| std::ptr::eq(other, ladder));
        // Across ladders the comparison is laid out on A's dimensions and themes: B's
        // statements are found by their text.
        let by_text: HashMap<&str, &Marked<'a>> = match (&comparison, same_ladder) {
            (Some(c), false) => c
                .dimensions
                .iter()
                .flat_map(|d| &d.themes)
                .flat_map(|t| &t.to)
                .map(|m| (m.text, m))
                .collect(),
            _ => HashMap::new(),
        };
        let dimensions = ladder
            .dimensions
            .iter()
            .enumerate()
            .map(|(k, dimension)| {
                let rd = role.in_dimension(&dimension.id);
                let changes = comparison
                    .as_ref()
                    .filter(|_| same_ladder)
                    .map(|c| marks_by_theme(&c.dimensions[k]));
                let items = rd
                    .expectations
                    .iter()
                    .map(|e| {
                        let theme = e.theme.as_deref().and_then(|t| ladder.theme(dimension, t));
                        let marked = match &changes {
                            Some(c) => c
                                .get(&e.theme.as_deref())
                                .and_then(|f| f.get(e.text.as_str()).copied()),
                            None => by_text.get(e.text.as_str()).copied(),
                        };
                        item(theme, &e.text, marked)
                    })
                    .collect();
                EvidenceDimension {
                    dimension,
                    items,
                    examples: &rd.examples,
                }
            })
            .collect();
        Evidence {
            role,
            from: from.map(|(_, f)| f),
            dimensions,
        }
    }
}
