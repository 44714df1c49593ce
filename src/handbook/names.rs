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

/// Whether a word is a level code: short, with a digit, of letters, digits and dots (`L3`,
/// `IC2`, `MG4`, `L1.0`).
pub(super) fn is_level_code(word: &str) -> bool {
    word.len() <= 10
        && word.chars().any(|c| c.is_ascii_digit())
        && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
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
