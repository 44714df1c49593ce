//! The helpers every test of validation shares: a text validated as `ladder validate` and as
//! loading see it, its findings as printed, and the documented minimal ladder.

use super::{Scope, Validation, report};
use crate::document::Document;

/// What `load::validate` reports, with the whole-text parse (the same ladder as the
/// piece-by-piece one).
pub(crate) fn validate(source: &Document) -> Validation {
    report(source, &toml::from_str(&source.text), Scope::All)
}

/// What loading reports: only the errors, with the whole-text parse.
pub(crate) fn validate_errors(source: &Document) -> Validation {
    report(source, &toml::from_str(&source.text), Scope::Errors)
}

/// A text as the file `t.toml`.
pub(crate) fn source(text: &str) -> Document {
    Document {
        name: "t.toml".to_string(),
        text: text.to_string(),
    }
}

/// Every finding of a text, as `ladder validate` prints it.
pub(crate) fn lines(text: &str) -> Vec<String> {
    validate(&source(text))
        .findings
        .iter()
        .map(|f| f.to_string())
        .collect()
}

/// The annotated minimal ladder of docs/format.md.
pub(crate) fn minimal() -> String {
    let doc = include_str!("../../../../docs/format.md");
    let start = doc.find("```toml\n").expect("toml block") + "```toml\n".len();
    let end = start + doc[start..].find("```").expect("closed block");
    doc[start..end].to_string()
}
