//! The evidence outline as a document `ladder` both writes (`evidence`) and reads back
//! (`review`): the invisible anchor each expectation carries (its role, dimension, theme and a
//! fingerprint of its text), the one the outline opens with (the role and the level it is
//! compared with), and the placeholder where evidence goes. [`read`] reads a filled outline
//! back into its sections.

pub mod read;

use serde::{Deserialize, Serialize};

/// The word an anchor comment opens with: `<!-- ladder-evidence {…} -->`.
pub const TAG: &str = "ladder-evidence";

/// The line under each expectation that the person replaces with their evidence.
pub const PLACEHOLDER: &str = "_Your evidence: what you did, when, and who saw it._";

/// What outlines written before anchors said under each expectation instead.
pub const OLD_PLACEHOLDER: &str = "Evidence: what you did, when, and who saw it.";

/// The line that opens the examples of a dimension (written above its expectations; outlines
/// before anchors wrote it after them).
pub const EXAMPLES: &str = "What has counted at this level, for example:";

/// An anchor: on the outline's head, the role and the level it is compared with; on an
/// expectation, its role, dimension, theme and the fingerprint of its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Anchor {
    /// The comment line that carries the anchor, invisible in rendered Markdown. Its values
    /// are ids and a fingerprint (no `>`), so it cannot close early.
    pub fn comment(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        format!("<!-- {TAG} {json} -->")
    }

    /// The anchor a line carries, if it is one of ours.
    pub fn parse(line: &str) -> Option<Anchor> {
        let inner = line
            .trim()
            .strip_prefix("<!--")?
            .strip_suffix("-->")?
            .trim();
        let json = inner.strip_prefix(TAG)?.trim();
        serde_json::from_str(json).ok()
    }

    /// Whether the anchor is an expectation's (else the outline's head).
    pub fn is_expectation(&self) -> bool {
        self.text.is_some()
    }
}

/// A short fingerprint of an expectation's text: 8 hex digits of FNV-1a over its words, so
/// that spacing does not count.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            hash = (hash ^ u32::from(b' ')).wrapping_mul(0x0100_0193);
        }
        for b in word.bytes() {
            hash = (hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    }
    format!("{hash:08x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_anchor_is_one_comment_line_read_back_as_written() {
        let anchor = Anchor {
            role: "L3-x".into(),
            dimension: Some("d".into()),
            theme: None,
            text: Some(fingerprint("Leads  the\nteam.")),
            from: None,
        };
        let line = anchor.comment();
        assert_eq!(
            line,
            r#"<!-- ladder-evidence {"role":"L3-x","dimension":"d","text":"9c62cfae"} -->"#
        );
        assert_eq!(Anchor::parse(&format!("  {line}  ")), Some(anchor));
        assert_eq!(
            fingerprint("Leads the team."),
            fingerprint("Leads  the\nteam.")
        );
        assert_eq!(Anchor::parse("<!-- ladder {\"role\":\"x\"} -->"), None);
        assert_eq!(Anchor::parse("<!-- ladder-evidence {oops -->"), None);
    }
}
