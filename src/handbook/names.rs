//! How a handbook's names compare and become ids: emoji split off, case and punctuation
//! ignored, and the stem two labels of one attribute share.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A heading or bullet's leading emoji (anything before the first letter or digit) and its name.
pub(super) fn split_emoji(text: &str) -> (Option<String>, String) {
    let start = text
        .find(|c: char| c.is_alphanumeric())
        .unwrap_or(text.len());
    let emoji = text[..start].trim();
    let name = text[start..].trim();
    (
        (!emoji.is_empty()).then(|| emoji.to_string()),
        name.to_string(),
    )
}

/// Whether a word is a level code: short, letters and digits (and dots), with a digit (`L3`,
/// `MG1`, `L1.0`, `IC4`).
pub(super) fn is_level_code(word: &str) -> bool {
    word.len() <= 10
        && word.chars().any(|c| c.is_ascii_digit())
        && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
}

/// Lower-case words joined by dashes: the id a name gets when no comment gives one. In the id
/// alphabet (see `text::slug`); never empty.
pub(super) fn kebab(text: &str) -> String {
    let id = crate::text::slug(text).to_lowercase();
    if id.is_empty() {
        "role".to_string()
    } else {
        id
    }
}

/// Whether a file's name opens with a level code that has a letter
/// (`L2-Junior-Customer-Success-Manager`): a date such as `2024-notes` does not.
pub(super) fn named_with_level(name: &str) -> bool {
    let first = name.split(['-', '_', ' ']).next().unwrap_or("");
    is_level_code(first) && first.chars().any(|c| c.is_ascii_alphabetic())
}

/// A title without a trailing level code in parentheses, for its id: `Senior Customer
/// Success Manager (IC4)` is `Senior Customer Success Manager`. Other qualifiers
/// (`Engineer (Backend)`) tell roles apart, and stay.
pub(super) fn without_level_qualifier(title: &str) -> &str {
    let Some(open) = title
        .trim_end()
        .strip_suffix(')')
        .and_then(|t| t.rfind('('))
    else {
        return title;
    };
    let inner = &title[open + 1..title.trim_end().len() - 1];
    let mut words = inner.split_whitespace();
    let code = match (words.next(), words.next(), words.next()) {
        (Some(code), None, _) => is_level_code(code),
        (Some(word), Some(code), None) => word.eq_ignore_ascii_case("level") && is_level_code(code),
        _ => false,
    };
    let rest = title[..open].trim_end();
    if code && !rest.is_empty() {
        rest
    } else {
        title
    }
}

/// A readable name for an id that comes without one: `planning-horizon` is "Planning
/// horizon", `on_call` is "On call".
pub(super) fn name_of_id(id: &str) -> String {
    let words = id.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => id.to_string(),
    }
}

/// Names compare equal ignoring case, punctuation and emoji.
pub(super) fn same_name(a: &str, b: &str) -> bool {
    kebab(&split_emoji(a).1) == kebab(&split_emoji(b).1)
}

/// The first five letters of a name's first word, when it has five: what two labels of one
/// attribute share when their names differ.
pub(super) fn stem_of(name: &str) -> Option<String> {
    let key = kebab(name);
    let first = key.split('-').next().unwrap_or("");
    (first.chars().count() >= 5).then(|| first.chars().take(5).collect())
}

/// Two attribute labels name the same attribute when equal ignoring case and punctuation, or
/// when their first words share a stem of at least five letters (`Evaluation`, `Evaluated by`).
/// The rule that `Names::find_attribute` follows through its maps.
#[cfg(test)]
pub(super) fn same_attribute(a: &str, b: &str) -> bool {
    if same_name(a, b) {
        return true;
    }
    let first = |s: &str| kebab(s).split('-').next().unwrap_or("").to_string();
    let (x, y) = (first(a), first(b));
    let common = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
    common >= 5
}

/// GitHub's shortcodes and their emoji (from the `emojis` crate's table, written by
/// `build.rs`), one `code<TAB>emoji` line each.
const SHORTCODES: &str = include_str!(concat!(env!("OUT_DIR"), "/shortcodes.tsv"));

/// The emoji a GitHub shortcode (without its colons) stands for; the table is indexed the
/// first time a page has a shortcode.
fn emoji_of(code: &str) -> Option<&'static str> {
    static INDEX: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            SHORTCODES
                .lines()
                .filter_map(|l| l.split_once('\t'))
                .collect()
        })
        .get(code)
        .copied()
}

/// GitHub's `:shortcode:` spellings of emoji made the emoji; an unknown code is left as
/// written.
pub(super) fn shortcodes(text: &str) -> String {
    if !text.contains(':') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(':') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || "_+-".contains(c)))
            .unwrap_or(after.len());
        match (after[end..].starts_with(':'), emoji_of(&after[..end])) {
            (true, Some(emoji)) if end > 0 => {
                out.push_str(emoji);
                rest = &after[end + 1..];
            }
            _ => {
                out.push(':');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_emoji_and_shortcodes() {
        assert_eq!(
            split_emoji("🦉 Domain expertise"),
            (Some("🦉".into()), "Domain expertise".into())
        );
        assert!(same_attribute("Evaluation", "Evaluated by"));
        assert!(!same_attribute("Impact radius", "Planning horizon"));
        assert_eq!(
            shortcodes(":triangular_flag_on_post: Leadership"),
            "🚩 Leadership"
        );
        assert_eq!(shortcodes("Time: 10:30 :nope: x:"), "Time: 10:30 :nope: x:");
    }

    #[test]
    fn a_level_code_in_parentheses_is_no_part_of_the_id() {
        assert_eq!(
            without_level_qualifier("Senior Customer Success Manager (IC4)"),
            "Senior Customer Success Manager"
        );
        assert_eq!(without_level_qualifier("Analyst (Level 2) "), "Analyst");
        assert_eq!(
            without_level_qualifier("Engineer (Backend)"),
            "Engineer (Backend)"
        );
        assert_eq!(without_level_qualifier("(IC4)"), "(IC4)");
        assert_eq!(without_level_qualifier("Lead (a) (b)"), "Lead (a) (b)");
    }

    #[test]
    fn file_names_with_a_level_code() {
        assert!(named_with_level("L2-Junior-Customer-Success-Manager"));
        assert!(named_with_level("L1.0-Graduate"));
        assert!(named_with_level("IC3 Engineer"));
        assert!(!named_with_level("LICENSE"));
        assert!(!named_with_level("Dockerfile"));
        assert!(!named_with_level("2024-notes"));
    }

    #[test]
    fn level_codes_and_names_of_ids() {
        assert!(is_level_code("MG3") && is_level_code("L1.0") && is_level_code("IC10"));
        assert!(
            !is_level_code("Manager") && !is_level_code("L-3") && !is_level_code("Level3ButLonger")
        );
        assert_eq!(name_of_id("planning-horizon"), "Planning horizon");
        assert_eq!(name_of_id("on_call"), "On call");
        assert_eq!(name_of_id("x"), "X");
    }
}
