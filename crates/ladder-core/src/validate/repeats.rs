//! The repeated-sentence warning: the same sentence, ignoring case, in two prose texts.

use std::collections::HashMap;

use super::finding::{Seg, Severity};
use super::texts::texts;
use crate::model::{Ladder, TextKind};
use crate::text::quoted as q;

/// Reports every prose sentence that comes back, at its later places, naming its first one.
///
/// The first place of each sentence is kept as an index into the texts, and described only
/// when the sentence comes back.
pub(super) fn repeated_sentences(
    ladder: &Ladder,
    report: &mut impl FnMut(Severity, Vec<Seg>, String),
) {
    let all = texts(ladder);
    let mut seen: HashMap<Folded<'_>, usize> = HashMap::with_capacity(all.len());
    for (n, (at, value, kind)) in all.iter().enumerate() {
        if *kind != TextKind::Prose {
            continue;
        }
        for sentence in sentences(value) {
            match seen.get(&Folded(sentence)) {
                Some(&first) => report(
                    Severity::Warning,
                    at.clone(),
                    format!(
                        "the sentence {} also appears at {}",
                        q(sentence),
                        describe(&all[first].0)
                    ),
                ),
                None => {
                    seen.insert(Folded(sentence), n);
                }
            }
        }
    }
}

/// A sentence compared and hashed without regard to case, without building its lower-case copy.
#[derive(Debug, Clone, Copy)]
struct Folded<'a>(&'a str);

impl Folded<'_> {
    fn chars(&self) -> impl Iterator<Item = char> + '_ {
        self.0.chars().flat_map(char::to_lowercase)
    }
}

impl PartialEq for Folded<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.chars().eq(other.chars())
    }
}

impl Eq for Folded<'_> {}

impl std::hash::Hash for Folded<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // The lower-case bytes go to the hasher in blocks: one call per character costs more
        // than the rest of the check together.
        let mut block = [0u8; 128];
        let mut len = 0;
        for c in self.chars() {
            if len + 4 > block.len() {
                state.write(&block[..len]);
                len = 0;
            }
            len += c.encode_utf8(&mut block[len..]).len();
        }
        state.write(&block[..len]);
    }
}

/// The sentences of a text: split after `.`, `!` and `?`, trimmed, empty ones dropped.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(['.', '!', '?'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A path as a reader would write it, e.g. `role[3].dimensions.domain-expertise.examples[1]`.
fn describe(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) if out.is_empty() => out += k,
            Seg::Key(k) => {
                out.push('.');
                out += k;
            }
            Seg::Index(i) => out += &format!("[{i}]"),
        }
    }
    out
}
