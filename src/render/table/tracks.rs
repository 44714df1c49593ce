//! `tracks`: a drawing of the tracks side by side, then each track's roles in order.

use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;

use super::layout::{display_width, fit, pad};
use crate::model::Role;
use crate::style::Style;
use crate::term::Terminal;
use crate::view::TrackList;

/// Writes the drawing, then each track's heading and its roles, one a line.
pub fn render(
    out: &mut impl Write,
    list: &TrackList<'_>,
    style: &Style,
    term: &Terminal,
) -> Result<()> {
    if !list.tracks.is_empty() {
        for line in Drawing::new(list, usize::from(term.width)).lines(style) {
            writeln!(out, "{}", line.trim_end())?;
        }
        writeln!(out)?;
    }
    for (i, (track, roles)) in list.tracks.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{}  {}",
            style.id(&track.id),
            style.heading(&track.name)
        )?;
        roles_of(out, roles, style, usize::from(term.width))?;
    }
    Ok(())
}

/// A track's roles, one a line: level, id, and the title where it fits in `width`.
fn roles_of(out: &mut impl Write, roles: &[&Role], style: &Style, width: usize) -> Result<()> {
    let widest = |of: fn(&Role) -> &str| {
        roles
            .iter()
            .map(|r| display_width(of(r)))
            .max()
            .unwrap_or(0)
    };
    let (level_w, id_w) = (widest(|r| &r.level), widest(|r| &r.id));
    for role in roles {
        // The title goes only where it fits; the id is what matters to type back.
        let title = if 2 + level_w + 2 + id_w + 2 + display_width(&role.title) <= width {
            format!("  {}", role.title)
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {}{}  {}{}{title}",
            role.level,
            pad(&role.level, level_w),
            style.id(&role.id),
            if title.is_empty() {
                String::new()
            } else {
                pad(&role.id, id_w)
            },
        )?;
    }
    Ok(())
}

/// The shape of the ladder: tracks side by side, levels from the first rung down, a line
/// following each track, and roles that tracks share drawn once with the tracks joining them.
struct Drawing<'a> {
    list: &'a TrackList<'a>,
    /// `at[c][l]`: the role of track `c` at level `l`.
    at: Vec<Vec<Option<&'a Role>>>,
    /// The first and last level of each track that has a role: whether a track goes on above
    /// or below a level, without a search of its levels for every cell.
    ends: Vec<Option<(usize, usize)>>,
    /// The width of the level names' column.
    label: usize,
    /// The width of each track's column.
    widths: Vec<usize>,
}

impl<'a> Drawing<'a> {
    /// The drawing of `list`, its columns narrowed until it fits `width` where they can be.
    fn new(list: &'a TrackList<'a>, width: usize) -> Drawing<'a> {
        let at: Vec<Vec<Option<&Role>>> = list
            .tracks
            .iter()
            .map(|(_, roles)| {
                // The first role of each level, looked up: a search of the track for every
                // level would cost their product.
                let mut by_level: HashMap<&str, &Role> = HashMap::new();
                for r in roles.iter().rev() {
                    by_level.insert(&r.level, r);
                }
                list.levels
                    .iter()
                    .map(|l| by_level.get(l).copied())
                    .collect()
            })
            .collect();
        let ends = at
            .iter()
            .map(|column| {
                let first = column.iter().position(Option::is_some)?;
                let last = column.iter().rposition(Option::is_some)?;
                Some((first, last))
            })
            .collect();
        let label = list
            .levels
            .iter()
            .map(|l| display_width(l))
            .max()
            .unwrap_or(0)
            + 2;
        let mut drawing = Drawing {
            list,
            at,
            ends,
            label,
            widths: Vec::new(),
        };
        drawing.widths = drawing.widths_within(width);
        drawing
    }

    /// Each column as wide as its widest title (or track id) and a margin, then the widest
    /// narrowed one column at a time, down to 10, until all fit `width`.
    fn widths_within(&self, width: usize) -> Vec<usize> {
        let levels = self.list.levels.len();
        let mut widths: Vec<usize> = (0..self.list.tracks.len())
            .map(|c| {
                let titles = (0..levels)
                    .filter(|&l| self.first_of_group(c, l))
                    .filter_map(|l| self.at[c][l]);
                titles
                    .map(|r| display_width(&r.title))
                    .chain([display_width(&self.list.tracks[c].0.id)])
                    .max()
                    .unwrap_or(0)
                    + 3
            })
            .collect();
        while self.label + widths.iter().sum::<usize>() > width {
            let Some((widest, w)) = widths.iter().copied().enumerate().max_by_key(|(_, w)| *w)
            else {
                break;
            };
            if w <= 10 {
                break;
            }
            widths[widest] -= 1;
        }
        widths
    }

    /// Whether track `c` shares its role at level `l` with the track before it.
    fn same(&self, c: usize, l: usize) -> bool {
        c > 0 && matches!((self.at[c][l], self.at[c - 1][l]), (Some(a), Some(b)) if a.id == b.id)
    }

    /// Whether track `c` draws its role's title at level `l`: the first of the tracks sharing it.
    fn first_of_group(&self, c: usize, l: usize) -> bool {
        self.at[c][l].is_some() && !self.same(c, l)
    }

    /// Whether the track after `c` shares its role at level `l`.
    fn continues(&self, c: usize, l: usize) -> bool {
        c + 1 < self.list.tracks.len() && self.same(c + 1, l)
    }

    /// Whether track `c` has a role above level `l`.
    fn up(&self, c: usize, l: usize) -> bool {
        self.ends[c].is_some_and(|(first, _)| first < l)
    }

    /// Whether track `c` has a role below level `l`.
    fn down(&self, c: usize, l: usize) -> bool {
        self.ends[c].is_some_and(|(_, last)| last > l)
    }

    /// The header of track ids, then each level's line with a line of links below it.
    fn lines(&self, style: &Style) -> Vec<String> {
        let mut lines = Vec::new();
        let mut header = " ".repeat(self.label);
        for (c, (track, _)) in self.list.tracks.iter().enumerate() {
            let id = fit(&track.id, self.widths[c] - 1);
            header += &style.id(&id);
            header += &" ".repeat(self.widths[c].saturating_sub(display_width(&id)));
        }
        lines.push(header);
        let levels = &self.list.levels;
        for l in 0..levels.len() {
            let mut line = style.muted(&format!("{:<label$}", levels[l], label = self.label));
            for c in 0..self.list.tracks.len() {
                line += &self.segment(c, l, style);
            }
            lines.push(line);
            if l + 1 < levels.len() {
                lines.push(self.link(l, style));
            }
        }
        lines
    }

    /// Track `c` at level `l`: its role's title, a junction into a shared role, a line
    /// passing by, or nothing.
    fn segment(&self, c: usize, l: usize, style: &Style) -> String {
        let w = self.widths[c];
        match self.at[c][l] {
            Some(role) if self.first_of_group(c, l) => {
                let title = fit(&role.title, w - 2);
                let used = display_width(&title);
                let rest = if self.continues(c, l) {
                    format!(" {}", "─".repeat(w - used - 1))
                } else {
                    " ".repeat(w - used)
                };
                format!("{title}{}", style.muted(&rest))
            }
            Some(_) => {
                let last = !self.continues(c, l);
                let junction = match (self.up(c, l), self.down(c, l), last) {
                    (true, true, true) => '┤',
                    (true, false, true) => '┘',
                    (false, true, true) => '┐',
                    (true, true, false) => '┼',
                    (true, false, false) => '┴',
                    (false, true, false) => '┬',
                    (false, false, _) => '─',
                };
                let fill = if last { " " } else { "─" };
                style.muted(&format!("{junction}{}", fill.repeat(w - 1)))
            }
            None if self.up(c, l) && self.down(c, l) => {
                style.muted(&format!("│{}", " ".repeat(w - 1)))
            }
            None => " ".repeat(w),
        }
    }

    /// The line between level `l` and the next: a `│` for each track that goes on through it.
    fn link(&self, l: usize, style: &Style) -> String {
        let mut link = " ".repeat(self.label);
        for (c, &w) in self.widths.iter().enumerate() {
            let through = self.ends[c].is_some_and(|(first, last)| first <= l && last > l);
            link += &if through {
                style.muted(&format!("│{}", " ".repeat(w - 1)))
            } else {
                " ".repeat(w)
            };
        }
        link
    }
}
