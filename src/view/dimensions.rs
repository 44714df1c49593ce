//! The view of `ladder dimensions`: the attributes, dimensions with their themes, and bands.

use crate::model::{Attribute, Band, Dimension, Ladder};

/// What every role is described by: the attributes and the dimensions with their themes.
#[derive(Debug)]
pub struct DimensionList<'a> {
    pub attributes: &'a [Attribute],
    pub dimensions: &'a [Dimension],
    pub bands: &'a [Band],
}

impl<'a> DimensionList<'a> {
    /// The ladder's attributes and dimensions, in ladder order.
    pub fn of(ladder: &'a Ladder) -> DimensionList<'a> {
        DimensionList {
            attributes: &ladder.attributes,
            dimensions: &ladder.dimensions,
            bands: &ladder.bands,
        }
    }
}
