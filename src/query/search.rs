//! Finds text across the roles of a ladder: titles, summaries, attribute values, expectations, examples.

use std::ops::Range;

use regex::{Regex, RegexBuilder};
use regex_syntax::hir::{Hir, HirKind, Literal};

use crate::exit::UsageError;
use crate::model::{Attribute, Dimension, Ladder, Role, Theme, Track};

/// What to look for, and where.
#[derive(Debug)]
pub struct Query<'a> {
    /// The patterns as the user typed them.
    pub texts: Vec<String>,
    pub pattern: Matcher,
    pub dimension: Option<&'a Dimension>,
    pub track: Option<&'a Track>,
    pub level: Option<&'a str>,
}

/// Which part of a role a hit is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field<'a> {
    Title,
    Summary,
    Attribute(&'a Attribute),
    Expectation(&'a Dimension, Option<&'a Theme>),
    Example(&'a Dimension),
}

/// One text that matched, with the byte ranges of every match in it.
#[derive(Debug)]
pub struct Hit<'a> {
    /// The id of the role's ladder, in a search across a catalogue.
    pub ladder: Option<&'a str>,
    pub role: &'a Role,
    pub field: Field<'a>,
    pub text: &'a str,
    pub matches: Vec<Range<usize>>,
}

/// The result of a search, with the patterns as the user typed them.
#[derive(Debug)]
pub struct Hits<'a> {
    pub patterns: Vec<String>,
    pub hits: Vec<Hit<'a>>,
}

impl Hit<'_> {
    /// The role's id, after its ladder's (`LADDER/ROLE`) in a search across a catalogue.
    pub fn role_id(&self) -> String {
        match self.ladder {
            Some(ladder) => format!("{ladder}/{}", self.role.id),
            None => self.role.id.clone(),
        }
    }
}

/// Whether a search matches case: as the patterns ask (smart case), or as a flag says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Case {
    /// Any case, unless a pattern holds a capital letter (as rg's `--smart-case`).
    #[default]
    Smart,
    Ignore,
    Sensitive,
}

impl Case {
    /// Whether the search of these patterns matches case exactly.
    fn sensitive(self, texts: &[String], regex: bool) -> bool {
        match self {
            Case::Ignore => false,
            Case::Sensitive => true,
            Case::Smart => texts.iter().any(|t| has_capital(t, regex)),
        }
    }
}

/// Whether a pattern holds a capital letter that it matches: in a regular expression, not
/// one that is part of an escape (`\W`, `\S`, `\p{Lu}`), as rg's smart case reads it.
fn has_capital(text: &str, regex: bool) -> bool {
    if !regex {
        return text.chars().any(char::is_uppercase);
    }
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            // A class by name: skip its braces, or its one letter; any other escape's letter.
            '\\' => {
                if let Some('p' | 'P') = chars.next() {
                    if chars.clone().next() == Some('{') {
                        chars.by_ref().find(|&c| c == '}');
                    } else {
                        chars.next();
                    }
                }
            }
            c if c.is_uppercase() => return true,
            _ => {}
        }
    }
    false
}

/// Compiles the user's patterns into one matcher: literal substrings unless `regex`, in the
/// case `case` says. A text matches when any pattern does.
pub fn patterns(texts: &[String], regex: bool, case: Case) -> Result<Matcher, UsageError> {
    let sensitive = case.sensitive(texts, regex);
    let mut each = texts
        .iter()
        .map(|t| pattern(t, regex, sensitive))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(match each.len() {
        1 => each.remove(0),
        _ => Matcher::Any(each),
    })
}

/// Compiles the user's pattern: a literal substring unless `regex`, ignoring case unless `case_sensitive`.
///
/// A literal pattern of ASCII characters (the usual case) is matched directly, ASCII letters in
/// any case: building a Unicode-aware regex for it cost a good part of a search (BENCHMARKS.md,
/// "Figures the code relies on"). Any other
/// pattern is a regular expression whose case folding follows Unicode.
pub fn pattern(text: &str, regex: bool, case_sensitive: bool) -> Result<Matcher, UsageError> {
    if !regex && text.is_ascii() && !text.is_empty() {
        let needle: Vec<u8> = if case_sensitive {
            text.as_bytes().to_vec()
        } else {
            text.to_ascii_lowercase().into_bytes()
        };
        return Ok(Matcher::Ascii {
            fallback: fallbacks(&needle),
            needle,
            case_sensitive,
        });
    }
    compile(text, regex, case_sensitive).map(Matcher::Regex)
}

/// How a search pattern finds its matches in a text.
#[derive(Debug)]
pub enum Matcher {
    /// A literal of ASCII characters (in lower case unless `case_sensitive`), compared byte
    /// by byte.
    Ascii {
        needle: Vec<u8>,
        /// For each length of a partial match, the length of the longest proper prefix of
        /// the needle that ends it: where to go on from after a mismatch (Knuth-Morris-Pratt).
        fallback: Vec<usize>,
        case_sensitive: bool,
    },
    /// A regular expression.
    Regex(Regex),
    /// Several patterns (`-e`): a text matches where any of them does.
    Any(Vec<Matcher>),
}

impl Matcher {
    /// The byte ranges of the non-overlapping, non-empty matches in `text`, in order.
    pub fn find_iter(&self, text: &str) -> Vec<Range<usize>> {
        match self {
            Matcher::Ascii {
                needle,
                fallback,
                case_sensitive,
            } => {
                // One pass over the text whatever the needle: comparing the needle at every
                // place would cost the text times the needle, which a long needle makes
                // seconds. After a match, the next starts afresh: matches do not overlap.
                let n = needle.len();
                let mut found = Vec::new();
                let mut matched = 0;
                for (i, &b) in text.as_bytes().iter().enumerate() {
                    let b = if *case_sensitive {
                        b
                    } else {
                        b.to_ascii_lowercase()
                    };
                    while matched > 0 && needle[matched] != b {
                        matched = fallback[matched];
                    }
                    if needle[matched] == b {
                        matched += 1;
                    }
                    if matched == n {
                        found.push(i + 1 - n..i + 1);
                        matched = 0;
                    }
                }
                found
            }
            Matcher::Regex(regex) => regex
                .find_iter(text)
                .map(|m| m.range())
                .filter(|r| !r.is_empty())
                .collect(),
            Matcher::Any(each) => {
                // Each pattern's matches, in order, those that overlap or touch made one: the
                // union of what the patterns match, as rg highlights it.
                let mut all: Vec<Range<usize>> =
                    each.iter().flat_map(|m| m.find_iter(text)).collect();
                all.sort_by_key(|r| r.start);
                let mut found: Vec<Range<usize>> = Vec::new();
                for r in all {
                    match found.last_mut() {
                        Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                        _ => found.push(r),
                    }
                }
                found
            }
        }
    }

    /// Whether the text holds a match.
    pub fn is_match(&self, text: &str) -> bool {
        !self.find_iter(text).is_empty()
    }
}

/// The fallback table of Knuth-Morris-Pratt: `fallback[k]`, for a partial match of `k`
/// bytes, is the length of the longest proper prefix of the needle that is also a suffix of
/// its first `k` bytes.
fn fallbacks(needle: &[u8]) -> Vec<usize> {
    let mut fallback = vec![0; needle.len() + 1];
    let mut k = 0;
    for i in 1..needle.len() {
        while k > 0 && needle[i] != needle[k] {
            k = fallback[k];
        }
        if needle[i] == needle[k] {
            k += 1;
        }
        fallback[i + 1] = k;
    }
    fallback
}

/// The most places a `--regex` pattern may have: each character or class it matches, times
/// the repetitions around it (`a[ab]{1000}c` has 1,002, `\w+` 1).
///
/// When the regex crate's lazy DFA cannot cache the states a pattern needs (`a[ab]{N}c` needs
/// 2^N), it falls back on following every place of the pattern at once, byte by byte: time
/// grows as the text times the places, and 50 places keep a search of a large ladder within
/// its budget (the times: BENCHMARKS.md, "Figures the code relies on").
/// The compiled size (`RegexBuilder::size_limit`) cannot tell those apart: `\w+`, all Unicode
/// classes, compiles to about as many bytes as `a[ab]{600}c`, yet runs in linear time. A
/// literal search (without `--regex`) has no such limit: it never falls back.
pub const MAX_REGEX_PLACES: u64 = 50;

/// The lazy DFA's cache: 8 MiB instead of the crate's 2, so that a repeated Unicode class
/// (`\w{50}`, whose states are many) stays cached rather than falling back (BENCHMARKS.md,
/// "Figures the code relies on").
const DFA_CACHE_BYTES: usize = 8 << 20;

/// How many places a pattern has: characters and classes, each Unicode class counted once
/// (the byte-level NFA follows only a few of its states at a time), repetitions multiplied
/// out (an unbounded one counted once more than its least), alternatives added up.
fn places(hir: &Hir) -> u64 {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 0,
        HirKind::Literal(Literal(bytes)) => String::from_utf8_lossy(bytes).chars().count() as u64,
        HirKind::Class(_) => 1,
        HirKind::Repetition(r) => {
            let times = u64::from(r.max.unwrap_or(r.min.saturating_add(1)).max(1));
            places(&r.sub).saturating_mul(times)
        }
        HirKind::Capture(c) => places(&c.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            subs.iter().fold(0, |n, h| n.saturating_add(places(h)))
        }
    }
}

/// The one line a pattern the regex crate refuses is reported with.
fn invalid(text: &str, reason: &str) -> UsageError {
    // The pattern is the user's and may be long: quoted cut, as every echo is.
    UsageError(format!(
        "invalid regular expression {}: {reason}",
        crate::text::quoted(text)
    ))
}

fn compile(text: &str, regex: bool, case_sensitive: bool) -> Result<Regex, UsageError> {
    let source = if regex {
        // Parsed once more to measure it: a parse error is left to the builder, which words it.
        let parsed = regex_syntax::ParserBuilder::new()
            .case_insensitive(!case_sensitive)
            .build()
            .parse(text);
        if let Ok(hir) = parsed {
            let n = places(&hir);
            if n > MAX_REGEX_PLACES {
                return Err(invalid(
                    text,
                    &format!(
                        "it has {n} places (characters or classes, times their repetitions), \
                         more than the {MAX_REGEX_PLACES} a search can follow in time; \
                         search for a literal text without --regex"
                    ),
                ));
            }
        }
        text.to_string()
    } else {
        regex::escape(text)
    };
    RegexBuilder::new(&source)
        .case_insensitive(!case_sensitive)
        .dfa_size_limit(DFA_CACHE_BYTES)
        .build()
        .map_err(|err| {
            // The regex crate explains over several lines; keep its last one, the reason.
            let message = err.to_string();
            let reason = message
                .lines()
                .rev()
                .find_map(|l| l.trim().strip_prefix("error: "))
                .unwrap_or(message.lines().last().unwrap_or_default().trim())
                .to_string();
            invalid(text, &reason)
        })
}

impl Field<'_> {
    /// The field's kind as one word: title, summary, attribute, expectation or example.
    pub fn kind(&self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Summary => "summary",
            Field::Attribute(_) => "attribute",
            Field::Expectation(..) => "expectation",
            Field::Example(_) => "example",
        }
    }

    /// The dimension the field belongs to, if any.
    pub fn dimension(&self) -> Option<&Dimension> {
        match self {
            Field::Expectation(d, _) | Field::Example(d) => Some(d),
            _ => None,
        }
    }

    /// The theme of an expectation, if it has one.
    pub fn theme(&self) -> Option<&Theme> {
        match self {
            Field::Expectation(_, theme) => *theme,
            _ => None,
        }
    }

    /// The attribute of an attribute value.
    pub fn attribute(&self) -> Option<&Attribute> {
        match self {
            Field::Attribute(a) => Some(a),
            _ => None,
        }
    }
}

/// Every text of every role that matches, in ladder order and, within a role, in reading order.
pub fn search<'a>(ladder: &'a Ladder, query: &Query<'a>) -> Hits<'a> {
    let mut hits = Vec::new();
    let roles = ladder
        .roles_on(query.track)
        .filter(|r| query.level.is_none_or(|l| r.level == l));
    for role in roles {
        let mut look = |field: Field<'a>, text: &'a str| {
            let matches: Vec<Range<usize>> = query.pattern.find_iter(text);
            if !matches.is_empty() {
                hits.push(Hit {
                    ladder: None,
                    role,
                    field,
                    text,
                    matches,
                });
            }
        };
        if query.dimension.is_none() {
            look(Field::Title, &role.title);
            look(Field::Summary, &role.summary);
            for attribute in &ladder.attributes {
                if let Some(value) = role.attributes.get(&attribute.id) {
                    look(Field::Attribute(attribute), value);
                }
            }
        }
        for dimension in &ladder.dimensions {
            if query.dimension.is_some_and(|d| d.id != dimension.id) {
                continue;
            }
            let rd = role.in_dimension(&dimension.id);
            for e in &rd.expectations {
                let theme = e.theme.as_deref().and_then(|t| ladder.theme(dimension, t));
                look(Field::Expectation(dimension, theme), &e.text);
            }
            for example in &rd.examples {
                look(Field::Example(dimension), example);
            }
        }
    }
    Hits {
        patterns: query.texts.clone(),
        hits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ladder() -> Ladder {
        crate::embedded::ladder()
    }

    #[test]
    fn a_literal_pattern_ignores_case_and_escapes_regex_syntax() {
        let p = pattern("Peers (2-5)", false, false).expect("compiles");
        assert!(p.is_match("peers (2-5)"));
        assert!(!p.is_match("Peers 2-5"));
        let exact = pattern("Manager", false, true).expect("compiles");
        assert!(!exact.is_match("manager"));
    }

    #[test]
    fn ascii_literals_match_like_a_case_insensitive_regex() {
        let texts = [
            "Incident response",
            "an INCIDENT, then incidents",
            "no match here",
            "ïncident é incident",
        ];
        for needle in ["incident", "Incident", "nt", "e"] {
            for case_sensitive in [false, true] {
                let literal = pattern(needle, false, case_sensitive).expect("literal");
                assert!(matches!(literal, Matcher::Ascii { .. }));
                let regex = Matcher::Regex(compile(needle, false, case_sensitive).expect("regex"));
                for text in texts {
                    assert_eq!(
                        literal.find_iter(text),
                        regex.find_iter(text),
                        "{needle:?} in {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn ascii_literals_that_repeat_themselves_match_like_a_regex() {
        let texts = [
            "aaab aab AAB",
            "abababab ABABA",
            "aaaaa",
            "abcabcabd ABCABD",
            &format!("{}b", "a".repeat(5000)),
        ];
        for needle in [
            "aab",
            "abab",
            "aa",
            "abcabd",
            "AbAb",
            &format!("{}b", "a".repeat(999)),
        ] {
            for case_sensitive in [false, true] {
                let literal = pattern(needle, false, case_sensitive).expect("literal");
                let regex = Matcher::Regex(compile(needle, false, case_sensitive).expect("regex"));
                for text in texts {
                    assert_eq!(
                        literal.find_iter(text),
                        regex.find_iter(text),
                        "{needle:?} in {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_bad_regex_is_a_one_line_usage_error() {
        let err = pattern("(unclosed", true, false).expect_err("invalid");
        assert_eq!(
            err.0,
            "invalid regular expression \"(unclosed\": unclosed group"
        );
    }

    #[test]
    fn a_regex_of_too_many_places_is_a_one_line_usage_error() {
        let err = pattern("a[ab]{1000}c", true, false).expect_err("too many places");
        assert_eq!(
            err.0,
            "invalid regular expression \"a[ab]{1000}c\": it has 1002 places (characters or \
             classes, times their repetitions), more than the 50 a search can follow in time; \
             search for a literal text without --regex"
        );
        assert!(pattern("a{9000}b", true, true).is_err());
        assert!(pattern("(ab|cd){50}", true, false).is_err());
        assert!(pattern("x+".repeat(26).as_str(), true, false).is_err());
        assert!(pattern("a[ab]{49}c", true, false).is_err());
        // What people search for, Unicode classes and all, is well within.
        for fine in [
            r"\bincident(s|al)?\b",
            r"\w{3,}ing\b",
            r"threat\s+model(l?ing)?",
            r"\p{L}+",
            "a[ab]{48}c",
            r"\w{50}",
            r"(\w|\s){50}",
        ] {
            assert!(pattern(fine, true, false).is_ok(), "{fine}");
        }
        // A literal pattern is never measured: a long one is searched as it always was.
        let long = "a".repeat(10_000);
        assert!(pattern(&long, false, false).is_ok());
        assert!(pattern(&"é".repeat(1_000), false, false).is_ok());
    }

    #[test]
    fn filters_narrow_the_roles_and_fields() {
        let l = ladder();
        let business = l.dimension("business-success").expect("dimension");
        let query = Query {
            texts: vec!["incident".to_string()],
            pattern: pattern("incident", false, false).expect("compiles"),
            dimension: Some(business),
            track: None,
            level: Some("L2"),
        };
        let hits = search(&l, &query).hits;
        assert!(!hits.is_empty());
        for hit in &hits {
            assert_eq!(hit.role.level, "L2");
            assert_eq!(
                hit.field.dimension().map(|d| d.id.as_str()),
                Some("business-success")
            );
            for m in &hit.matches {
                assert_eq!(hit.text[m.clone()].to_lowercase(), "incident");
            }
        }
    }

    #[test]
    fn titles_and_attribute_values_are_searched() {
        let l = ladder();
        let query = Query {
            texts: vec!["director".to_string()],
            pattern: pattern("director", false, false).expect("compiles"),
            dimension: None,
            track: None,
            level: None,
        };
        let hits = search(&l, &query).hits;
        let found: Vec<(&str, &str)> = hits
            .iter()
            .map(|h| (h.role.id.as_str(), h.field.kind()))
            .collect();
        assert!(
            found.contains(&("L4-technical-lead", "attribute")),
            "{found:?}"
        );
        let title = Query {
            texts: vec!["cloud security".to_string()],
            pattern: pattern("cloud security", false, false).expect("compiles"),
            dimension: None,
            track: None,
            level: None,
        };
        assert!(
            search(&l, &title)
                .hits
                .iter()
                .any(|h| h.field == Field::Title)
        );
    }
}
