//! Renderers: each turns a command's plain result into bytes on a writer, one module per format.

mod table;

use std::io::Write;

use anyhow::Result;

use crate::compare::Comparison;
use crate::style::Style;
use crate::term::Terminal;
use crate::view::{RoleList, RoleView};

/// What a command produced, ready to be rendered.
#[derive(Debug)]
pub enum Report<'a> {
    List(RoleList<'a>),
    Show(RoleView<'a>),
    Diff(Comparison<'a>),
}

/// Writes a report for a person at a terminal.
pub fn render(out: &mut impl Write, report: &Report<'_>, term: &Terminal) -> Result<()> {
    let style = Style::new(term.color);
    table::render(out, report, &style, term)
}
