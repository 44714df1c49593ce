//! Decides once how output looks: whether to colour it and how wide to lay it out.

use std::io::IsTerminal;

use clap::ColorChoice;

/// The width used when stdout is not a terminal and `COLUMNS` is unset.
pub const PIPE_WIDTH: u16 = 100;

/// The narrowest layout we attempt; narrower requests are widened to this.
pub const MIN_WIDTH: u16 = 40;

/// The widest layout we attempt: wider than any screen, and tables stretched to 65,535
/// columns would be megabytes of padding.
pub const MAX_WIDTH: u16 = 1000;

/// How output should look, decided from flags, environment and the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terminal {
    /// Whether styles emit escape sequences.
    pub color: bool,
    /// The column budget for tables and wrapped text.
    pub width: u16,
    /// Whether stdout is a terminal (hints for people, not for pipes).
    pub is_tty: bool,
    /// Whether the locale can show block characters (`█`): else bars are drawn with `#`.
    pub blocks: bool,
}

impl Terminal {
    /// Reads the real stdout and process environment.
    pub fn detect(choice: ColorChoice) -> Terminal {
        let is_tty = std::io::stdout().is_terminal();
        let env = |name: &str| std::env::var(name).ok();
        let size = || terminal_size::terminal_size().map(|(w, _)| w.0);
        Terminal {
            color: color_enabled(choice, is_tty, env),
            width: width(is_tty, env, size),
            is_tty,
            blocks: blocks(env),
        }
    }
}

/// Whether the locale shows block characters: the first of `LC_ALL`, `LC_CTYPE` and `LANG`
/// that is set names UTF-8 (or none is set, as in most terminals that are not told otherwise).
/// `LANG=C` or `POSIX` and other single-byte locales get `#`.
pub fn blocks(env: impl Fn(&str) -> Option<String>) -> bool {
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|name| env(name).filter(|v| !v.is_empty()));
    locale.is_none_or(|l| {
        let l = l.to_ascii_lowercase();
        l.contains("utf-8") || l.contains("utf8")
    })
}

/// Whether to colour: `--color always|never` wins; in auto mode a non-empty `NO_COLOR`
/// turns colour off, a non-empty `CLICOLOR_FORCE` (other than "0") turns it on,
/// `TERM=dumb` turns it off, and otherwise colour follows whether stdout is a terminal.
pub fn color_enabled(
    choice: ColorChoice,
    is_tty: bool,
    env: impl Fn(&str) -> Option<String>,
) -> bool {
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("NO_COLOR") => false,
        ColorChoice::Auto
            if set("CLICOLOR_FORCE") && env("CLICOLOR_FORCE").as_deref() != Some("0") =>
        {
            true
        }
        ColorChoice::Auto if env("TERM").as_deref() == Some("dumb") => false,
        ColorChoice::Auto => is_tty,
    }
}

/// The layout width: the terminal's own width on a terminal, otherwise `COLUMNS`
/// when it holds a number, otherwise [`PIPE_WIDTH`]; never below [`MIN_WIDTH`] nor
/// above [`MAX_WIDTH`].
pub fn width(
    is_tty: bool,
    env: impl Fn(&str) -> Option<String>,
    size: impl Fn() -> Option<u16>,
) -> u16 {
    let columns = || {
        let c = env("COLUMNS")?;
        let digits = c.trim();
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // A number too big for any type is still a (too) wide terminal.
        let n = digits.parse::<u64>().unwrap_or(u64::MAX);
        (n > 0).then(|| u16::try_from(n).unwrap_or(u16::MAX))
    };
    let measured = if is_tty {
        size().or_else(columns)
    } else {
        columns()
    };
    measured.unwrap_or(PIPE_WIDTH).clamp(MIN_WIDTH, MAX_WIDTH)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An environment of the given variables, as the functions here read one.
    pub(crate) fn env_of<'a>(
        pairs: &'a [(&'a str, &'a str)],
    ) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn auto_colour_follows_the_terminal() {
        assert!(color_enabled(ColorChoice::Auto, true, env_of(&[])));
        assert!(!color_enabled(ColorChoice::Auto, false, env_of(&[])));
    }

    #[test]
    fn no_color_wins_over_clicolor_force_but_not_over_the_flag() {
        let both = [("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")];
        assert!(!color_enabled(ColorChoice::Auto, true, env_of(&both)));
        assert!(color_enabled(ColorChoice::Always, false, env_of(&both)));
        assert!(color_enabled(
            ColorChoice::Auto,
            false,
            env_of(&[("CLICOLOR_FORCE", "1")])
        ));
        assert!(!color_enabled(
            ColorChoice::Auto,
            false,
            env_of(&[("CLICOLOR_FORCE", "0")])
        ));
    }

    #[test]
    fn an_empty_no_color_is_ignored_and_dumb_terminals_get_none() {
        assert!(color_enabled(
            ColorChoice::Auto,
            true,
            env_of(&[("NO_COLOR", "")])
        ));
        assert!(!color_enabled(
            ColorChoice::Auto,
            true,
            env_of(&[("TERM", "dumb")])
        ));
        assert!(!color_enabled(ColorChoice::Never, true, env_of(&[])));
    }

    #[test]
    fn width_comes_from_the_terminal_then_columns_then_the_default() {
        assert_eq!(width(true, env_of(&[("COLUMNS", "70")]), || Some(132)), 132);
        assert_eq!(width(true, env_of(&[("COLUMNS", "70")]), || None), 70);
        assert_eq!(width(false, env_of(&[("COLUMNS", "70")]), || Some(132)), 70);
        assert_eq!(
            width(false, env_of(&[("COLUMNS", "wide")]), || None),
            PIPE_WIDTH
        );
        assert_eq!(
            width(false, env_of(&[("COLUMNS", "10")]), || None),
            MIN_WIDTH
        );
    }

    #[test]
    fn an_absurd_width_is_capped() {
        // 65,535 columns made `diff` write megabytes of padding (BENCHMARKS.md, "Hostile
        // inputs"); 99,999 was read as no number.
        for columns in ["65535", "99999", "18446744073709551616"] {
            assert_eq!(
                width(false, env_of(&[("COLUMNS", columns)]), || None),
                MAX_WIDTH,
                "{columns}"
            );
        }
        assert_eq!(width(true, env_of(&[]), || Some(u16::MAX)), MAX_WIDTH);
        assert_eq!(
            width(false, env_of(&[("COLUMNS", "-3")]), || None),
            PIPE_WIDTH
        );
    }
}
