//! What a run reads of its source: the text, the ladder or the catalogue, each read once, on
//! first use (the roles names mean are found by `resolver.rs`).

use std::cell::OnceCell;

use anyhow::{Result, bail};

use super::Source;
use crate::document::Document;
use crate::exit::UsageError;
use crate::load::OneRole;
use crate::model::{Catalogue, Ladder};
use crate::text;

/// A source and what has been read of it.
#[derive(Debug)]
pub struct Loader {
    pub source: Source,
    document: OnceCell<Document>,
    ladder: OnceCell<Ladder>,
    catalogue: OnceCell<Catalogue>,
    /// What the resolver read for the roles a command named: one role and its ladder's head
    /// (with the ladder's id in its catalogue), or the ladders of a catalogue that the names
    /// qualify.
    pub(super) one_role: OnceCell<(Option<String>, OneRole)>,
    pub(super) members: OnceCell<Catalogue>,
}

impl Loader {
    /// Nothing read yet.
    pub fn new(source: Source) -> Loader {
        Loader {
            source,
            document: OnceCell::new(),
            ladder: OnceCell::new(),
            catalogue: OnceCell::new(),
            one_role: OnceCell::new(),
            members: OnceCell::new(),
        }
    }

    /// The text of the ladder, read once: the file, stdin, the catalogue's chosen ladder or
    /// the embedded ladder. A catalogue folder has no one text: `validate` reads it file by file.
    pub fn document(&self) -> Result<&Document> {
        if let Some(document) = self.document.get() {
            return Ok(document);
        }
        let Some(document) = self.source.document()? else {
            bail!("a catalogue folder is read ladder by ladder");
        };
        Ok(self.document.get_or_init(|| document))
    }

    /// The ladder, loaded the first time a command asks for it; in a catalogue, its only
    /// ladder, else a usage error asking for `--ladder`.
    pub fn ladder(&self) -> Result<&Ladder> {
        if let Some(ladder) = self.ladder.get() {
            return Ok(ladder);
        }
        if let Some(catalogue) = self.catalogue()? {
            return match catalogue.ladders.as_slice() {
                [one] => Ok(&one.ladder),
                many => Err(UsageError(format!(
                    "the catalogue holds {} ladders ({}); choose one with --ladder ID",
                    many.len(),
                    text::some_of(catalogue.ids())
                ))
                .into()),
            };
        }
        let ladder = match &self.source {
            Source::Embedded => crate::embedded::ladder(),
            _ => Ladder::load(self.document()?)?,
        };
        Ok(self.ladder.get_or_init(|| ladder))
    }

    /// The catalogue of `--data DIR`, loaded the first time a command asks for it; `None` when
    /// the ladder is one file or the embedded one.
    pub fn catalogue(&self) -> Result<Option<&Catalogue>> {
        if let Some(catalogue) = self.catalogue.get() {
            return Ok(Some(catalogue));
        }
        let Some(catalogue) = self.source.catalogue()? else {
            return Ok(None);
        };
        Ok(Some(self.catalogue.get_or_init(|| catalogue)))
    }

    /// The catalogue when it holds more than one ladder: the commands that read across
    /// ladders do so then; with one ladder they print as for a single file.
    pub fn many(&self) -> Result<Option<&Catalogue>> {
        Ok(self.catalogue()?.filter(|c| c.ladders.len() > 1))
    }
}
