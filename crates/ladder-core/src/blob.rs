//! A ladder as one pointer-free byte string, and back: how `build.rs` embeds the ladder it has
//! loaded and checked, so that the binary neither parses TOML nor relocates statics at start.
//!
//! The layout is private to this module (both halves live here): every text of the ladder, one
//! after another, then the numbers that cut them apart and count the lists, in the order the
//! model's fields are visited. `encode` and `decode` destructure and build every struct in
//! full, so a new model field fails to compile here until it is carried. Each role is framed by
//! the lengths of its texts and numbers, so that [`one_role`] steps over the others unread.

use std::collections::BTreeMap;

use crate::load::OneRole;
use crate::model::{
    Attribute, Band, Dimension, Discipline, Expectation, Ladder, Lookup, Role, RoleDimension,
    Theme, Track,
};

/// The ladder as bytes that [`decode`] turns back into the same ladder.
pub fn encode(ladder: &Ladder) -> Vec<u8> {
    let mut w = Writer::default();
    w.ladder(ladder);
    let mut bytes = Vec::with_capacity(4 + w.text.len() + 4 * w.numbers.len());
    bytes.extend_from_slice(&count(w.text.len()).to_le_bytes());
    bytes.extend_from_slice(w.text.as_bytes());
    for n in w.numbers {
        bytes.extend_from_slice(&n.to_le_bytes());
    }
    bytes
}

/// The ladder that [`encode`] wrote into these bytes; `None` if they are not such bytes.
pub fn decode(bytes: &[u8]) -> Option<Ladder> {
    let mut r = Reader::of(bytes)?;
    let mut ladder = r.head()?;
    ladder.roles = r.list(Reader::framed_role)?;
    r.is_empty().then_some(ladder)
}

/// The head of the ladder in these bytes and its role with exactly this id, without building
/// the other roles: what `ladder show ID` needs. `None` when no role has this id, or the
/// bytes are not [`encode`]'s.
pub fn one_role(bytes: &[u8], id: &str) -> Option<OneRole> {
    let mut r = Reader::of(bytes)?;
    let head = r.head()?;
    for _ in 0..r.number()? {
        let mut frame = r.frame()?;
        if frame.peek_str()? == id {
            let role = frame.role()?;
            return frame.is_empty().then_some(OneRole { head, role });
        }
    }
    None
}

/// A length or count as stored: the embedded ladder is far below 4 GiB.
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[derive(Default)]
struct Writer {
    text: String,
    numbers: Vec<u32>,
}

impl Writer {
    fn str(&mut self, s: &str) {
        self.text.push_str(s);
        self.numbers.push(count(s.len()));
    }

    fn opt(&mut self, s: Option<&String>) {
        self.numbers.push(u32::from(s.is_some()));
        if let Some(s) = s {
            self.str(s);
        }
    }

    fn list<T>(
        &mut self,
        items: impl ExactSizeIterator<Item = T>,
        mut each: impl FnMut(&mut Self, T),
    ) {
        self.numbers.push(count(items.len()));
        for item in items {
            each(self, item);
        }
    }

    /// The ladder; its roles come last, so that a reader can stop before them.
    fn ladder(&mut self, ladder: &Ladder) {
        let Ladder {
            name,
            motto,
            about,
            levels,
            disciplines,
            attributes,
            dimensions,
            bands,
            tracks,
            roles,
            lookup: _,
        } = ladder;
        self.str(name);
        self.opt(motto.as_ref());
        self.opt(about.as_ref());
        self.list(levels.iter(), |w, l| w.str(l));
        self.list(disciplines.iter(), |w, d| {
            let Discipline {
                id,
                name,
                definition,
            } = d;
            w.str(id);
            w.str(name);
            w.str(definition);
        });
        self.list(attributes.iter(), |w, a| {
            let Attribute { id, name, meaning } = a;
            w.str(id);
            w.str(name);
            w.str(meaning);
        });
        self.list(dimensions.iter(), Writer::dimension);
        self.list(bands.iter(), |w, b| {
            let Band { id, name, meaning } = b;
            w.str(id);
            w.str(name);
            w.str(meaning);
        });
        self.list(tracks.iter(), |w, t| {
            let Track { id, name, roles } = t;
            w.str(id);
            w.str(name);
            w.list(roles.iter(), |w, r| w.str(r));
        });
        self.list(roles.iter(), Writer::framed_role);
    }

    /// The role after the lengths of its texts and of its numbers.
    fn framed_role(&mut self, role: &Role) {
        let mut frame = Writer::default();
        frame.role(role);
        self.numbers.push(count(frame.text.len()));
        self.numbers.push(count(frame.numbers.len()));
        self.text.push_str(&frame.text);
        self.numbers.extend(frame.numbers);
    }

    fn dimension(&mut self, dimension: &Dimension) {
        let Dimension {
            id,
            name,
            emoji,
            themes,
        } = dimension;
        self.str(id);
        self.str(name);
        self.opt(emoji.as_ref());
        self.list(themes.iter(), |w, t| {
            let Theme { id, name } = t;
            w.str(id);
            w.str(name);
        });
    }

    fn role(&mut self, role: &Role) {
        let Role {
            id,
            level,
            title,
            summary,
            attributes,
            dimensions,
        } = role;
        self.str(id);
        self.str(level);
        self.str(title);
        self.str(summary);
        self.list(attributes.iter(), |w, (k, v)| {
            w.str(k);
            w.str(v);
        });
        self.list(dimensions.iter(), |w, (k, d)| {
            let RoleDimension {
                summary,
                expectations,
                examples,
            } = d;
            w.str(k);
            w.opt(summary.as_ref());
            w.list(expectations.iter(), |w, e| {
                let Expectation { theme, text } = e;
                w.opt(theme.as_ref());
                w.str(text);
            });
            w.list(examples.iter(), |w, x| w.str(x));
        });
    }
}

struct Reader<'a> {
    /// The texts not yet read.
    text: &'a str,
    /// The numbers not yet read, four bytes each.
    numbers: &'a [u8],
}

impl<'a> Reader<'a> {
    /// A reader of [`encode`]'s bytes: the length of the texts, the texts, the numbers.
    fn of(bytes: &'a [u8]) -> Option<Reader<'a>> {
        let (len, rest) = bytes.split_first_chunk::<4>()?;
        let len = usize::try_from(u32::from_le_bytes(*len)).ok()?;
        Some(Reader {
            text: std::str::from_utf8(rest.get(..len)?).ok()?,
            numbers: rest.get(len..)?,
        })
    }

    fn is_empty(&self) -> bool {
        self.text.is_empty() && self.numbers.is_empty()
    }

    /// The texts and numbers of the next framed role, taken off this reader.
    fn frame(&mut self) -> Option<Reader<'a>> {
        let text_len = self.number()?;
        let numbers_len = self.number()?.checked_mul(4)?;
        let text = self.text.get(..text_len)?;
        let numbers = self.numbers.get(..numbers_len)?;
        self.text = &self.text[text_len..];
        self.numbers = &self.numbers[numbers_len..];
        Some(Reader { text, numbers })
    }

    /// The role of a frame, which it must hold exactly.
    fn framed_role(&mut self) -> Option<Role> {
        let mut frame = self.frame()?;
        let role = frame.role()?;
        frame.is_empty().then_some(role)
    }

    /// The next text, left to be read again.
    fn peek_str(&self) -> Option<&'a str> {
        let (n, _) = self.numbers.split_first_chunk::<4>()?;
        self.text
            .get(..usize::try_from(u32::from_le_bytes(*n)).ok()?)
    }

    fn number(&mut self) -> Option<usize> {
        let (n, rest) = self.numbers.split_first_chunk::<4>()?;
        self.numbers = rest;
        usize::try_from(u32::from_le_bytes(*n)).ok()
    }

    fn str(&mut self) -> Option<String> {
        let len = self.number()?;
        // `get` refuses a cut inside a character as well as one past the end.
        let s = self.text.get(..len)?;
        self.text = &self.text[len..];
        Some(s.to_string())
    }

    fn opt(&mut self) -> Option<Option<String>> {
        match self.number()? {
            0 => Some(None),
            1 => self.str().map(Some),
            _ => None,
        }
    }

    fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.number()?;
        // Each item takes at least one number: a count past them all is not ours.
        let mut items = Vec::with_capacity(n.min(self.numbers.len() / 4));
        for _ in 0..n {
            items.push(each(self)?);
        }
        Some(items)
    }

    /// Every part of the ladder but its roles, which follow it.
    fn head(&mut self) -> Option<Ladder> {
        Some(Ladder {
            name: self.str()?,
            motto: self.opt()?,
            about: self.opt()?,
            levels: self.list(Reader::str)?,
            disciplines: self.list(|r| {
                Some(Discipline {
                    id: r.str()?,
                    name: r.str()?,
                    definition: r.str()?,
                })
            })?,
            attributes: self.list(|r| {
                Some(Attribute {
                    id: r.str()?,
                    name: r.str()?,
                    meaning: r.str()?,
                })
            })?,
            dimensions: self.list(Reader::dimension)?,
            bands: self.list(|r| {
                Some(Band {
                    id: r.str()?,
                    name: r.str()?,
                    meaning: r.str()?,
                })
            })?,
            tracks: self.list(|r| {
                Some(Track {
                    id: r.str()?,
                    name: r.str()?,
                    roles: r.list(Reader::str)?,
                })
            })?,
            roles: Vec::new(),
            lookup: Lookup::default(),
        })
    }

    fn dimension(&mut self) -> Option<Dimension> {
        Some(Dimension {
            id: self.str()?,
            name: self.str()?,
            emoji: self.opt()?,
            themes: self.list(|r| {
                Some(Theme {
                    id: r.str()?,
                    name: r.str()?,
                })
            })?,
        })
    }

    fn role(&mut self) -> Option<Role> {
        Some(Role {
            id: self.str()?,
            level: self.str()?,
            title: self.str()?,
            summary: self.str()?,
            attributes: self
                .list(|r| Some((r.str()?, r.str()?)))?
                .into_iter()
                .collect::<BTreeMap<_, _>>(),
            dimensions: self
                .list(|r| {
                    let id = r.str()?;
                    let dimension = RoleDimension {
                        summary: r.opt()?,
                        expectations: r.list(|r| {
                            Some(Expectation {
                                theme: r.opt()?,
                                text: r.str()?,
                            })
                        })?,
                        examples: r.list(Reader::str)?,
                    };
                    Some((id, dimension))
                })?
                .into_iter()
                .collect::<BTreeMap<_, _>>(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn embedded() -> Ladder {
        Ladder::load(&Document::embedded()).expect("data/ladder.toml loads")
    }

    #[test]
    fn the_embedded_ladder_comes_back_the_same() {
        let ladder = embedded();
        assert_eq!(decode(&encode(&ladder)), Some(ladder));
    }

    #[test]
    fn absent_and_empty_parts_come_back_as_they_were() {
        let text = "name = \"Tiny\"\nlevels = [\"A\"]\n\n[[dimension]]\nid = \"d\"\nname = \"D é\"\n\n\
                    [[role]]\nid = \"a\"\nlevel = \"A\"\ntitle = \"A\"\nsummary = \"\"\n";
        // Parsed, not loaded: the codec carries any model, checked or not.
        let mut ladder = Ladder::parse(text).expect("the tiny ladder parses");
        let with_none = decode(&encode(&ladder));
        ladder.motto = Some(String::new());
        let with_empty = decode(&encode(&ladder));
        assert_eq!(with_empty.as_ref(), Some(&ladder));
        assert_ne!(with_none, with_empty);
    }

    #[test]
    fn one_role_is_the_head_and_that_role_of_the_whole() {
        let ladder = embedded();
        let bytes = encode(&ladder);
        let mut head = ladder.clone();
        head.roles.clear();
        for role in &ladder.roles {
            let one = one_role(&bytes, &role.id).expect("every role is found by its id");
            assert_eq!(one.role, *role);
            assert_eq!(one.head, head);
        }
        assert_eq!(one_role(&bytes, "L3"), None, "only an exact id");
        assert_eq!(one_role(&bytes, "l3-senior-security-engineer"), None);
    }

    #[test]
    fn cut_or_padded_bytes_are_refused_without_a_panic() {
        let bytes = encode(&embedded());
        let last = embedded().roles.pop().expect("a role").id;
        for len in 0..bytes.len() {
            assert_eq!(decode(&bytes[..len]), None, "cut at {len}");
            assert_eq!(one_role(&bytes[..len], &last), None, "cut at {len}");
        }
        let mut padded = bytes.clone();
        padded.push(0);
        assert_eq!(decode(&padded), None);
    }

    #[test]
    fn a_cut_inside_a_character_is_refused() {
        let mut ladder = embedded();
        ladder.name = "é".to_string();
        let mut bytes = encode(&ladder);
        // The name's length, the first number after the text, claims half the character.
        let len = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
        bytes[4 + len] = 1;
        assert_eq!(decode(&bytes), None);
    }
}
