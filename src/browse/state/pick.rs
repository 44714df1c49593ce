//! The role list `r` opens: every role of every ladder, narrowed by what is typed, one picked
//! as A or B.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{Browser, Choice, MAX_TYPED, Mode, Note, Side, Which};

impl<'a> Browser<'a> {
    /// The roles the picker lists for `filter`: every role of every ladder whose id or title
    /// holds each word typed, in any case.
    pub fn choices(&self, filter: &str) -> Vec<Choice<'a>> {
        let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
        let mut found = Vec::new();
        for (shelf, s) in self.shelves.iter().enumerate() {
            for role in &s.ladder.roles {
                let text =
                    format!("{}/{} {}", s.id.unwrap_or(""), role.id, role.title).to_lowercase();
                if words.iter().all(|w| text.contains(w.as_str())) {
                    found.push(Choice { shelf, role });
                }
            }
        }
        found
    }

    pub(super) fn picking(
        &mut self,
        key: KeyEvent,
        mut filter: String,
        mut target: Which,
        mut selected: usize,
    ) {
        match key.code {
            KeyCode::Esc => return,
            KeyCode::Enter => {
                if let Some(choice) = self.choices(&filter).get(selected) {
                    self.pick(*choice, target);
                    return;
                }
                // Nothing to pick: the list stays open, to type something else.
                self.status = Some(Note::NoRole);
            }
            KeyCode::Tab | KeyCode::BackTab => {
                target = match target {
                    Which::A => Which::B,
                    Which::B => Which::A,
                }
            }
            KeyCode::Up => selected = selected.saturating_sub(1),
            KeyCode::Down => selected += 1,
            KeyCode::PageUp => selected = selected.saturating_sub(10),
            KeyCode::PageDown => selected += 10,
            KeyCode::Backspace => {
                filter.pop();
                selected = 0;
            }
            KeyCode::Char(c) if !c.is_control() && filter.chars().count() < MAX_TYPED => {
                filter.push(c);
                selected = 0;
            }
            _ => {}
        }
        let count = self.choices(&filter).len();
        selected = selected.min(count.saturating_sub(1));
        self.mode = Mode::Pick {
            filter,
            target,
            selected,
        };
    }

    /// A picked role becomes a side, on the track that side was on when the role is on it,
    /// else on the role's first track.
    fn pick(&mut self, choice: Choice<'a>, target: Which) {
        let side = match target {
            Which::A => self.a,
            Which::B => self.b,
        };
        let ladder = self.shelves[choice.shelf].ladder;
        let kept = side
            .track
            .filter(|t| side.shelf == choice.shelf && t.contains(&choice.role.id));
        let side = Side {
            shelf: choice.shelf,
            role: choice.role,
            track: kept.or_else(|| ladder.tracks_of(choice.role).next()),
        };
        self.put(target, side);
        self.changed();
    }
}
