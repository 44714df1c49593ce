//! `tracks`: a drawing of the tracks side by side, then each track's roles in order.

use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;

use super::layout::{display_width, longest_word, pad, wrap};
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
    let width = usize::from(term.width);
    if !list.tracks.is_empty() {
        match Drawing::new(list, width) {
            Some(drawing) => {
                for line in drawing.lines(style) {
                    writeln!(out, "{}", line.trim_end())?;
                }
            }
            None => levels(out, list, style, width)?,
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
        roles_of(out, roles, style, width)?;
    }
    Ok(())
}

/// Too many tracks to draw side by side: each level's roles, one a line, with the tracks
/// they are on.
fn levels(out: &mut impl Write, list: &TrackList<'_>, style: &Style, width: usize) -> Result<()> {
    let label = list
        .levels
        .iter()
        .map(|l| display_width(l))
        .max()
        .unwrap_or(0)
        + 2;
    let indent = " ".repeat(label);
    for (level, seen) in list.by_level() {
        for (i, (role, tracks)) in seen.iter().enumerate() {
            let first = if i == 0 {
                style.muted(&format!("{level}{}", pad(level, label)))
            } else {
                indent.clone()
            };
            let text = format!("{}: {}", role.title, tracks.join(", "));
            for line in wrap(&text, width, &first, &indent) {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

/// A track's roles, one a line: level, id, and the title wrapped beside them where its words
/// fit in `width`, else beneath them.
fn roles_of(out: &mut impl Write, roles: &[&Role], style: &Style, width: usize) -> Result<()> {
    let widest = |of: fn(&Role) -> &str| {
        roles
            .iter()
            .map(|r| display_width(of(r)))
            .max()
            .unwrap_or(0)
    };
    let (level_w, id_w) = (widest(|r| &r.level), widest(|r| &r.id));
    let column = 2 + level_w + 2 + id_w + 2;
    let beside = roles
        .iter()
        .all(|r| column + longest_word(&r.title) <= width);
    for role in roles {
        let head = format!(
            "  {}{}  {}",
            role.level,
            pad(&role.level, level_w),
            style.id(&role.id)
        );
        if beside {
            let first = format!("{head}{}  ", pad(&role.id, id_w));
            let rest = " ".repeat(column);
            for line in wrap(&role.title, width, &first, &rest) {
                writeln!(out, "{line}")?;
            }
        } else {
            writeln!(out, "{head}")?;
            for line in wrap(&role.title, width, "      ", "      ") {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

/// The widths narrowed until they fit `room`: the widest column narrowed by one, the last of
/// the widest first, again and again, none below its floor (`floors` fit `room`, and no
/// width is below its floor).
///
/// Found as a level lowered over the columns, by bisection: narrowing one column by one at a
/// time would cost the columns times their widths, for each column.
fn narrow(mut widths: Vec<usize>, floors: &[usize], room: usize) -> Vec<usize> {
    // The columns' total with none above `level` (nor below its floor).
    let total = |level: usize| -> usize {
        widths
            .iter()
            .zip(floors)
            .map(|(&w, &floor)| w.min(level).max(floor))
            .sum()
    };
    let widest = widths.iter().copied().max().unwrap_or(0);
    if total(widest) <= room {
        return widths;
    }
    // The highest level at which the columns fit: they do at 0 (their floors), not at the
    // widest.
    let (mut fits, mut over) = (0, widest);
    while over - fits > 1 {
        let mid = fits + (over - fits) / 2;
        if total(mid) <= room {
            fits = mid;
        } else {
            over = mid;
        }
    }
    // Every column at most one above that level; then the last of those still above it go
    // down to it, one each, until the total fits.
    let mut left = total(over) - room;
    for (w, &floor) in widths.iter_mut().zip(floors) {
        *w = (*w).min(over).max(floor);
    }
    for (w, &floor) in widths.iter_mut().zip(floors).rev() {
        if left == 0 {
            break;
        }
        if *w == over && floor < over {
            *w = fits;
            left -= 1;
        }
    }
    widths
}

/// The columns between a title and the next track's column: a space and a line, or blanks.
const MARGIN: usize = 2;

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
    /// The drawing of `list`, its columns narrowed until it fits `width`; none when its
    /// columns cannot be narrow enough without cutting a word.
    fn new(list: &'a TrackList<'a>, width: usize) -> Option<Drawing<'a>> {
        let label = list
            .levels
            .iter()
            .map(|l| display_width(l))
            .max()
            .unwrap_or(0)
            + 2;
        // Each column is at least as wide as its track's id and a space: when those alone
        // cannot fit, neither can the drawing, and its grid of tracks times levels is not
        // built (thousands of tracks over thousands of levels would be gigabytes).
        let ids: usize = list
            .tracks
            .iter()
            .map(|(t, _)| display_width(&t.id) + 1)
            .sum();
        if label + ids > width {
            return None;
        }
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
        let mut drawing = Drawing {
            list,
            at,
            ends,
            label,
            widths: Vec::new(),
        };
        drawing.widths = drawing.widths_within(width)?;
        Some(drawing)
    }

    /// Each column as wide as its widest title (or track id) and a margin, then the widest
    /// narrowed one column at a time until all fit `width`, no column below its longest word
    /// and margin (titles wrap); none when even that does not fit.
    fn widths_within(&self, width: usize) -> Option<Vec<usize>> {
        let levels = self.list.levels.len();
        let measure = |c: usize, of: fn(&str) -> usize, margin: usize| {
            (0..levels)
                .filter(|&l| self.first_of_group(c, l))
                .filter_map(|l| self.at[c][l])
                .map(|r| of(&r.title) + margin)
                .chain([display_width(&self.list.tracks[c].0.id) + 1])
                .max()
                .unwrap_or(0)
        };
        let columns = 0..self.list.tracks.len();
        let floors: Vec<usize> = (columns.clone())
            .map(|c| measure(c, longest_word, MARGIN))
            .collect();
        // A column more than its margin where there is room.
        let widths: Vec<usize> = columns
            .map(|c| measure(c, display_width, MARGIN + 1))
            .collect();
        if self.label + floors.iter().sum::<usize>() > width {
            return None;
        }
        Some(narrow(widths, &floors, width - self.label))
    }

    /// Each level's titles wrapped to their columns: `titles[l][c]`, empty where the column
    /// draws no title.
    fn titles(&self) -> Vec<Vec<Vec<String>>> {
        (0..self.list.levels.len())
            .map(|l| {
                (0..self.list.tracks.len())
                    .map(|c| match self.at[c][l] {
                        Some(role) if self.first_of_group(c, l) => {
                            wrap(&role.title, self.widths[c] - MARGIN, "", "")
                        }
                        _ => Vec::new(),
                    })
                    .collect()
            })
            .collect()
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

    /// The header of track ids, then each level's lines with a line of links below it.
    fn lines(&self, style: &Style) -> Vec<String> {
        let mut lines = Vec::new();
        let mut header = " ".repeat(self.label);
        for (c, (track, _)) in self.list.tracks.iter().enumerate() {
            header += &style.id(&track.id);
            header += &pad(&track.id, self.widths[c]);
        }
        lines.push(header);
        let levels = &self.list.levels;
        for (l, titles) in self.titles().iter().enumerate() {
            let height = titles.iter().map(Vec::len).max().unwrap_or(0).max(1);
            for k in 0..height {
                let name: &str = if k == 0 { levels[l] } else { "" };
                let mut line = style.muted(&format!("{name:<label$}", label = self.label));
                for (c, title) in titles.iter().enumerate() {
                    line += &self.segment(c, l, title.get(k).map(String::as_str), k, style);
                }
                lines.push(line);
            }
            if l + 1 < levels.len() {
                lines.push(self.link(l, style));
            }
        }
        lines
    }

    /// Line `k` of track `c` at level `l`: a line of its role's title (`title`), a junction
    /// into a shared role, a line passing by, or nothing.
    fn segment(&self, c: usize, l: usize, title: Option<&str>, k: usize, style: &Style) -> String {
        let w = self.widths[c];
        match self.at[c][l] {
            Some(_) if self.first_of_group(c, l) => {
                let title = title.unwrap_or("");
                let used = display_width(title);
                let rest = if k == 0 && self.continues(c, l) {
                    format!(" {}", "─".repeat(w - used - 1))
                } else {
                    " ".repeat(w - used)
                };
                format!("{title}{}", style.muted(&rest))
            }
            Some(_) if k > 0 => self.passing(w, self.down(c, l), style),
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
            None => self.passing(w, self.up(c, l) && self.down(c, l), style),
        }
    }

    /// A column of `w` with a line going through it, or blank.
    fn passing(&self, w: usize, through: bool, style: &Style) -> String {
        if through {
            style.muted(&format!("│{}", " ".repeat(w - 1)))
        } else {
            " ".repeat(w)
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

#[cfg(test)]
mod tests {
    use super::narrow;

    /// The narrowing as it was first written: the widest column, the last of them, by one.
    fn narrowed_one_by_one(mut widths: Vec<usize>, floors: &[usize], room: usize) -> Vec<usize> {
        while widths.iter().sum::<usize>() > room {
            let narrowable = widths.iter().zip(floors).enumerate();
            let Some((widest, _)) = narrowable
                .filter(|(_, (w, floor))| w > floor)
                .max_by_key(|(_, (w, _))| **w)
            else {
                break;
            };
            widths[widest] -= 1;
        }
        widths
    }

    #[test]
    fn narrowing_by_levels_gives_the_widths_narrowing_one_by_one_gives() {
        // A small generator of columns: widths at or above their floors, a room the floors fit.
        let mut seed = 7u64;
        let mut next = |below: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            usize::try_from((seed >> 33) % below).expect("small")
        };
        for _ in 0..2000 {
            let n = 1 + next(8);
            let floors: Vec<usize> = (0..n).map(|_| 1 + next(6)).collect();
            let widths: Vec<usize> = floors.iter().map(|f| f + next(12)).collect();
            let least: usize = floors.iter().sum();
            let room = least + next(widths.iter().sum::<usize>() as u64 - least as u64 + 3);
            assert_eq!(
                narrow(widths.clone(), &floors, room),
                narrowed_one_by_one(widths.clone(), &floors, room),
                "{widths:?} {floors:?} {room}"
            );
        }
    }
}
