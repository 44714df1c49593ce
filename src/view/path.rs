//! The view of `ladder path`: a track's roles side by side, attribute by attribute and theme
//! by theme, in sparse rows.

use std::collections::HashMap;

use crate::model::{Attribute, Dimension, Ladder, Role, Theme, Track};

/// A whole track as a matrix: one column per role, one row per attribute and per theme. The
/// rows are sparse: each holds only the places that have text, so a track of many levels and
/// few texts costs its texts, not its rows times its levels.
#[derive(Debug)]
pub struct PathView<'a> {
    pub track: &'a Track,
    pub roles: Vec<&'a Role>,
    /// Each attribute with the values the roles of the track state for it.
    pub attributes: Vec<(&'a Attribute, PathRow<'a>)>,
    pub dimensions: Vec<PathDimension<'a>>,
}

/// One dimension of a path: every theme, with the expectations each role lists in it.
#[derive(Debug)]
pub struct PathDimension<'a> {
    pub dimension: &'a Dimension,
    /// Each declared theme (then `None` for untagged expectations, when there are any), with
    /// the texts the roles of the track list in it.
    pub themes: Vec<(Option<&'a Theme>, PathRow<'a>)>,
}

/// One row of a path: its texts, each with the place of its role on the track (an index into
/// [`PathView::roles`]), in track order and, at one place, in the ladder's order. A place
/// without text is not there.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PathRow<'a> {
    places: Vec<usize>,
    texts: Vec<&'a str>,
}

impl<'a> PathRow<'a> {
    /// Adds a text at a place no earlier than the row's last.
    fn push(&mut self, place: usize, text: &'a str) {
        debug_assert!(self.places.last().is_none_or(|&p| p <= place));
        self.places.push(place);
        self.texts.push(text);
    }

    /// Every text of the row, each with its place, in order.
    pub fn cells(&self) -> impl Iterator<Item = (usize, &'a str)> + '_ {
        self.places.iter().copied().zip(self.texts.iter().copied())
    }

    /// How many texts the row holds.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// Whether the row holds no text.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// The places that have text, each with its texts, in track order.
    pub fn places(&self) -> impl Iterator<Item = (usize, &[&'a str])> + '_ {
        let mut from = 0;
        std::iter::from_fn(move || {
            let place = *self.places.get(from)?;
            let to = from + self.places[from..].partition_point(|&p| p == place);
            let texts = &self.texts[from..to];
            from = to;
            Some((place, texts))
        })
    }

    /// The texts at each of the first `n` places, empty where there are none: the row as a
    /// matrix has it, made as it is read, for the formats that write every place.
    pub fn dense(&self, n: usize) -> impl ExactSizeIterator<Item = &[&'a str]> + '_ {
        let mut places = self.places().peekable();
        (0..n).map(move |at| match places.next_if(|&(place, _)| place == at) {
            Some((_, texts)) => texts,
            None => &[],
        })
    }
}

impl<'a> PathView<'a> {
    /// The track's roles side by side, over the given dimensions.
    pub fn of(ladder: &'a Ladder, track: &'a Track, dimensions: &[&'a Dimension]) -> PathView<'a> {
        let roles: Vec<&Role> = track
            .roles
            .iter()
            .filter_map(|id| ladder.role(id))
            .collect();
        // Rows are filled from each role's own values and expectations, looked up by id: a
        // look-up of every attribute and dimension at every role would cost their product
        // (ids are unique: loading refuses a ladder that repeats one).
        let mut attributes: Vec<(&Attribute, PathRow)> = ladder
            .attributes
            .iter()
            .map(|a| (a, PathRow::default()))
            .collect();
        let attribute_at: HashMap<&str, usize> = ladder
            .attributes
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let dimension_at: HashMap<&str, usize> = dimensions
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let theme_at: Vec<HashMap<&str, usize>> = dimensions
            .iter()
            .map(|d| {
                d.themes
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (t.id.as_str(), i))
                    .collect()
            })
            .collect();
        let mut themes: Vec<Vec<PathRow>> = dimensions
            .iter()
            .map(|d| vec![PathRow::default(); d.themes.len()])
            .collect();
        // The expectations without a theme, per dimension, each at its place.
        let mut untagged: Vec<Vec<(usize, &'a str)>> = vec![Vec::new(); dimensions.len()];
        for (place, role) in roles.iter().enumerate() {
            for (id, value) in &role.attributes {
                if let Some(&a) = attribute_at.get(id.as_str()) {
                    attributes[a].1.push(place, value);
                }
            }
            for (id, said) in &role.dimensions {
                let Some(&d) = dimension_at.get(id.as_str()) else {
                    continue;
                };
                for e in &said.expectations {
                    match e.theme.as_deref() {
                        Some(theme) => {
                            if let Some(&t) = theme_at[d].get(theme) {
                                themes[d][t].push(place, &e.text);
                            }
                        }
                        None => untagged[d].push((place, &e.text)),
                    }
                }
            }
        }
        let dimensions = dimensions
            .iter()
            .zip(themes)
            .zip(untagged)
            .map(|((dimension, rows), untagged)| {
                // A theme empty at every level of the track is no row.
                let mut themes: Vec<(Option<&Theme>, PathRow)> = (dimension.themes.iter())
                    .map(Some)
                    .zip(rows)
                    .filter(|(_, row)| !row.is_empty())
                    .collect();
                themes.extend(chains(&untagged).into_iter().map(|row| (None, row)));
                PathDimension { dimension, themes }
            })
            .collect();
        PathView {
            track,
            roles,
            attributes,
            dimensions,
        }
    }
}

/// Rows for expectations without a theme, given each with its place in track order: each row
/// follows one expectation up the track, pairing it at every level with the most similar
/// wording (see [`crate::query::similarity`]); an expectation like none before it starts a
/// new row.
fn chains<'a>(texts: &[(usize, &'a str)]) -> Vec<PathRow<'a>> {
    use crate::query::similarity::{REWORDED, WordIndex, visits_each};
    let mut rows: Vec<PathRow<'a>> = Vec::new();
    // The latest text of every row so far, to pair each level's texts with, in an index that
    // follows the rows as they grow: pairing with every row, or indexing every row again at
    // every level, would cost the rows times the levels.
    let mut index = WordIndex::new(texts.iter().map(|&(_, text)| text), REWORDED);
    // Each row's end as its entry in the index.
    let mut ends: Vec<usize> = Vec::new();
    let visits = visits_each(texts.len());
    let mut from = 0;
    while from < texts.len() {
        let place = texts[from].0;
        let to = from + texts[from..].partition_point(|&(p, _)| p == place);
        // The row each text continues, by index: searching the pairs per text is quadratic.
        let mut continues = vec![None; to - from];
        for (row, text, _) in index.pair(from..to, visits) {
            continues[text - from] = Some(row);
        }
        for (text, row) in (from..to).zip(continues) {
            // A row takes at most one text at a level, which becomes its end.
            match row {
                Some(r) => {
                    rows[r].push(place, texts[text].1);
                    index.remove(ends[r]);
                    ends[r] = index.insert(r, text);
                }
                None => {
                    let mut row = PathRow::default();
                    row.push(place, texts[text].1);
                    rows.push(row);
                    ends.push(index.insert(rows.len() - 1, text));
                }
            }
        }
        from = to;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::{PathRow, chains};

    #[test]
    fn an_untagged_row_continues_from_its_latest_text_across_a_level_without_one() {
        let texts = [
            (0, "Alpha beta gamma delta."),
            (2, "Gamma delta epsilon zeta."),
            (2, "Writes the runbooks."),
            (3, "Epsilon zeta eta theta."),
        ];
        // The third level's first text continues the first (2 of 6 words shared), the fourth
        // continues the third, which shares nothing with the first; the runbooks start a row.
        let row = |cells: &[(usize, &'static str)]| {
            let mut row = PathRow::default();
            for &(place, text) in cells {
                row.push(place, text);
            }
            row
        };
        assert_eq!(
            chains(&texts),
            [
                row(&[
                    (0, "Alpha beta gamma delta."),
                    (2, "Gamma delta epsilon zeta."),
                    (3, "Epsilon zeta eta theta.")
                ]),
                row(&[(2, "Writes the runbooks.")]),
            ]
        );
    }

    #[test]
    fn a_row_reads_as_its_places_and_as_a_dense_matrix_row() {
        let mut row = PathRow::default();
        for (place, text) in [(1, "a"), (1, "b"), (3, "c")] {
            row.push(place, text);
        }
        let places: Vec<_> = row.places().collect();
        assert_eq!(places, [(1, &["a", "b"][..]), (3, &["c"][..])]);
        let dense: Vec<_> = row.dense(5).collect();
        let expected: [&[&str]; 5] = [&[], &["a", "b"], &[], &["c"], &[]];
        assert_eq!(dense, expected);
        assert_eq!(row.dense(2).len(), 2);
    }
}
