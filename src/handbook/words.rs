//! The words that tell what a block of a handbook page is: the headings and labels that
//! introduce examples, the headings after which a page holds only links to other pages, and
//! the table headers whose rows are attributes. Import reads pages by these; the plan writes
//! them out for a person to correct, and reads them back.

/// The words import reads a page's blocks by. Each is compared with a heading, label or
/// header without case, a trailing colon or leading marks; a word ending in `*` matches any
/// text that begins with the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// Headings (below a section's) and labels whose blocks are examples.
    pub examples: Vec<String>,
    /// Headings that end a page's content: what follows is links to other pages.
    pub end: Vec<String>,
    /// First column headers of a two-column table whose rows are attributes.
    pub attribute_tables: Vec<String>,
}

impl Default for Words {
    fn default() -> Words {
        let owned = |words: &[&str]| words.iter().map(|w| (*w).to_string()).collect();
        Words {
            examples: owned(&[
                "example",
                "examples",
                "examples *",
                "for example",
                "e.g.",
                "what success looks like",
                "success looks like",
                "success stor*",
                "in practice",
                "what this looks like",
            ]),
            end: owned(&[
                "see also",
                "related",
                "related pages",
                "related links",
                "related reading",
                "further reading",
                "other pages",
            ]),
            attribute_tables: owned(&[
                "attribute",
                "attributes",
                "property",
                "properties",
                "field",
                "key",
                "aspect",
            ]),
        }
    }
}

impl Words {
    /// Whether a heading or label introduces examples: `Examples`, `What success looks like`.
    pub fn examples(&self, text: &str) -> bool {
        any_matches(&self.examples, text)
    }

    /// Whether a heading ends a page's content (`See also`).
    pub fn ends_content(&self, heading: &str) -> bool {
        any_matches(&self.end, heading)
    }

    /// Whether a table's first header says its rows are attributes (`Attribute | Value`).
    pub fn attribute_table(&self, header: &str) -> bool {
        any_matches(&self.attribute_tables, header)
    }
}

/// Whether `text`, its case, trailing colon and leading marks aside, is one of `words`.
fn any_matches(words: &[String], text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').trim().to_lowercase();
    let t = t.trim_start_matches(|c: char| !c.is_alphanumeric());
    words.iter().any(|w| {
        let w = w.trim().to_lowercase();
        match w.strip_suffix('*') {
            Some(start) => t.starts_with(start),
            None => t == w,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_without_case_colon_or_marks_and_a_star_matches_any_ending() {
        let words = Words::default();
        assert!(words.examples("Examples:"));
        assert!(words.examples("🌟 What success looks like"));
        assert!(words.examples("Examples of impact"));
        assert!(words.examples("Success stories"));
        assert!(!words.examples("Delivery"));
        assert!(!words.examples("Exampleship"));
        assert!(words.ends_content("See also:"));
        assert!(!words.ends_content("See"));
        assert!(words.attribute_table("Attribute"));
        assert!(!words.attribute_table("Level"));
    }

    #[test]
    fn a_corrected_list_is_read_as_written() {
        let words = Words {
            examples: vec!["Evidence*".into()],
            end: vec!["Links".into()],
            attribute_tables: Vec::new(),
        };
        assert!(words.examples("evidence we look for"));
        assert!(!words.examples("Examples"));
        assert!(words.ends_content("Links"));
        assert!(!words.attribute_table("Attribute"));
    }
}
