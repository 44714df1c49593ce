//! The help's words that are longer than a line: what each command's `-h` and `--help` say
//! after its options, and the sections the top-level help shares with the manual page.

use crate::render::fitted_help;

// The sections of the top-level help, each also a section of the manual page (`ladder man`):
// macros, so that `concat!` can join them into the help at compile time.
macro_rules! examples {
    () => {
        "  ladder list
  ladder show L3-senior-security-engineer
  ladder diff L2 L3 --track engineer
  ladder search incident --dimension business
  ladder show cloud --format json | jq '.role.attributes'
  ladder show --all --format tsv --no-header | cut -f1 | uniq -c
  ladder --data my-ladder.toml list"
    };
}
macro_rules! naming {
    () => {
        "  A full id (case-insensitive), a level with --track (L3 --track engineer),
  or any unambiguous part of an id or title (cloud, senior-cloud).
  In a catalogue (--data DIR): LADDER/ROLE (secops/L3 --track engineer)."
    };
}
macro_rules! exit_codes {
    () => {
        "  0  success
  1  runtime failure (a ladder file that cannot be read or has errors,
     output that cannot be written); for search: nothing matched;
     for validate: errors found; for changes: the versions differ;
     for review --check: a New expectation has no evidence
  2  usage error: unknown or ambiguous role, track, dimension or level,
     bad flag, bad search pattern, a --format the command cannot write;
     for changes and review: any trouble"
    };
}

/// Examples of whole commands, one a line, indented.
pub const EXAMPLES: &str = examples!();
/// How a role may be named, indented.
pub const NAMING: &str = naming!();
/// The exit codes and what each means, indented.
pub const EXIT_CODES: &str = exit_codes!();

/// What the top-level `--help` says after the commands and options.
pub const AFTER_HELP: &str = concat!(
    "Examples:\n",
    examples!(),
    "\n\nNaming a role:\n",
    naming!(),
    "\n\nExit codes:\n",
    exit_codes!()
);

/// The names of the global options, for the `-h` of every command: their help is in `--help`.
macro_rules! globals_line {
    () => {
        "Global options: --color --format --data --ladder --no-pager --no-header"
    };
}

/// The texts after a subcommand's options, as two constants: `$short` for `-h` (its examples
/// and the names of the global options), `$long` for `--help` (its examples, then `$more`).
/// Write each paragraph of `$more` as one line: clap wraps it to the terminal.
macro_rules! after_help {
    ($short:ident, $long:ident, $examples:literal) => {
        pub const $short: &str = concat!("Examples:\n", $examples, "\n\n", globals_line!());
        pub const $long: &str = concat!("Examples:\n", $examples);
    };
    ($short:ident, $long:ident, $examples:literal, $($more:tt)+) => {
        pub const $short: &str = concat!("Examples:\n", $examples, "\n\n", globals_line!());
        pub const $long: &str = concat!("Examples:\n", $examples, "\n\n", $($more)+);
    };
}

/// What the top-level `-h` says after the options.
pub const SHORT_HELP: &str = globals_line!();

/// The marks of a comparison, as `diff --help` and `next --help` list them.
macro_rules! marks {
    ($not_restated:literal) => {
        concat!(
            "Marks (they hold without colour):\n",
            "  +  new: a statement at B that nothing at A continues\n",
            "  ~  grows: a statement at B that continues one at A, further\n",
            "     (differs, when B is not above A)\n",
            "  ≈  reworded: the same statement in other words\n",
            "  ·  not restated at B: ",
            $not_restated,
            "\n",
            "  =  same: the same words at A and B"
        )
    };
}

after_help!(
    LIST_SHORT,
    LIST_LONG,
    "  ladder list
  ladder list --track cloud
  for id in $(ladder list --ids); do ladder show \"$id\"; done"
);
after_help!(
    SHOW_SHORT,
    SHOW_LONG,
    "  ladder show L3-senior-security-engineer
  ladder show L2 --track analyst
  ladder show cloud --dimension domain
  ladder show --all --format json | jq '.roles[].id'"
);
after_help!(
    DIFF_SHORT,
    DIFF_LONG,
    "  ladder diff L2 L3 --track engineer
  ladder diff L2 L3 --track engineer --brief --format markdown
  ladder diff L3-senior-security-analyst L3-senior-security-engineer",
    concat!(
        "Within a theme, each statement at B is paired with the most alike at A; a theme of one \
         statement on each side is one pair, whatever its words.\n\n\
         A pair is reworded when it says the same in other words: at least 30% of their \
         meaningful words shared (articles and the like do not count), and neither side adds \
         two or more meaningful words more than it drops. A side that does asks for more: the \
         pair grows.\n\n",
        marks!("only at A; a B above A still builds on it")
    )
);
after_help!(
    NEXT_SHORT,
    NEXT_LONG,
    "  ladder next L2-security-engineer
  ladder next L2-security-engineer --track cloud
  ladder next L3 --track analyst --brief",
    concat!(
        "A role on several tracks shows each next step, titled \"Step 1 of 2\" and so on; \
         --track picks one. Past eight, the table and Markdown count the other steps and name \
         their tracks; JSON and TSV list every one. At the top of a track it says so and exits \
         0.\n\n",
        marks!("B still builds on A, so it still applies")
    )
);
after_help!(
    BROWSE_SHORT,
    BROWSE_LONG,
    "  ladder browse L2-security-engineer
  ladder browse L2 --track cloud
  ladder --data ladders/ browse secops/L3 --track analyst",
    "Keys: → ← step B up or down its track, Shift+→ ← step A; t the next track; ↑ ↓ PgUp PgDn \
     Home End scroll; Tab and Shift+Tab the next or previous section, 1–9 one dimension, 0 \
     all; b brief (only what is new and what grows); s swap A and B; / search both sides, n N \
     the next or previous match; r pick A or B from every role, typing narrows the list; e \
     write the evidence outline for B from A to a file (never overwriting one); ? every key; q, \
     Esc or Ctrl-C quit; Ctrl-Z suspends to the shell.\n\n\
     Below the width where the two sides fit beside each other, they are stacked, as diff \
     stacks them. A screen smaller than 40x10 says so on one line. With stdin or stdout not a \
     terminal, browse refuses to start (exit 2): use diff there. With NO_COLOR or --color never \
     there is no colour; the marks + ~ ≈ · = still show."
);
after_help!(
    PATH_SHORT,
    PATH_LONG,
    "  ladder path --track analyst
  ladder path --track engineer --dimension teaching
  ladder path --track cloud --format markdown > cloud.md"
);
after_help!(
    EVIDENCE_SHORT,
    EVIDENCE_LONG,
    "  ladder evidence L3-senior-security-engineer
  ladder evidence L3 --track analyst --output my-evidence.md
  ladder evidence L4 --from L3-senior-security-analyst",
    "Expectations that are new relative to --from (by default the level below on the same \
     track) are marked. These are prompts, not a checklist. `ladder review FILE` reads the \
     filled outline back."
);
after_help!(
    EXPORT_SHORT,
    EXPORT_LONG,
    "  ladder export handbook/
  ladder export handbook/ --force",
    "A missing or empty DIR gets the whole handbook at once (built in a hidden \
     .ladder-export-* folder beside it, then renamed), so a reader never sees half of one. A DIR \
     that is not empty is refused unless --force.\n\n\
     With --data CATALOGUE_DIR and no --ladder, DIR gets one handbook folder per ladder \
     (DIR/ID/) and a README.md linking them."
);
after_help!(
    IMPORT_SHORT,
    IMPORT_LONG,
    "  ladder import handbook/ --output ladder.toml
  ladder import handbook/ --plan-out plan.toml
  ladder import handbook/ --plan plan.toml --output ladder.toml
  ladder --data base.toml import sheet.tsv --output ladder.toml",
    "Warnings (FILE:LINE: warning: ...) and notes on what was inferred go to stderr; the TOML \
     goes to stdout or --output. The pages ladder export writes read back whole; tracks are \
     inferred from the pages' titles. A folder whose subfolders each hold an index (and whose \
     own index links no level page) is a catalogue: --output DIR gets one ID.toml per \
     subfolder.\n\n\
     A .csv or .tsv file is a spreadsheet: long (the columns of show --all --format tsv, one row \
     per statement; --data names the ladder that gives what a sheet cannot hold) or wide (one \
     row per level, one column per dimension)."
);
after_help!(
    SEARCH_SHORT,
    SEARCH_LONG,
    "  ladder search incident
  ladder search -e threat -e risk --level L3 -l
  ladder search -c mentor
  ladder search -q mentor && echo found",
    "A pattern in lower case matches any case; one with a capital letter matches that case \
     only (smart case, as rg's). -i and -s decide instead, the last given winning.\n\n\
     Exit codes: 0 when something matched, 1 when nothing did, 2 on a bad pattern or flag."
);
after_help!(
    LADDERS_SHORT,
    LADDERS_LONG,
    "  ladder --data handbook/ ladders
  ladder --data handbook/ ladders --format tsv --no-header | cut -f1"
);
after_help!(
    TRACKS_SHORT,
    TRACKS_LONG,
    "  ladder tracks
  ladder tracks --format markdown
  ladder tracks --format tsv --no-header | cut -f1,5"
);
after_help!(
    DIMENSIONS_SHORT,
    DIMENSIONS_LONG,
    "  ladder dimensions
  ladder dimensions --format json | jq -r '.dimensions[].themes[].id'"
);
after_help!(
    VALIDATE_SHORT,
    VALIDATE_LONG,
    "  ladder validate my-ladder.toml
  ladder validate --strict my-ladder.toml
  ladder validate my-ladder.toml --format json",
    "Findings read FILE:LINE:COLUMN: error|warning: message. Exit codes: 0 when there is no \
     error, 1 with errors (or with warnings under --strict)."
);
/// What `ladder changes --help` says after its examples: a paragraph a line (clap wraps them),
/// and what it prints, line by line.
macro_rules! changes_more {
    () => {
        "An argument that names an existing file or folder is one; anything else is a git \
         revision of the ladder file (--data, else data/ladder.toml in the repository), read with \
         `git show`. One argument is compared with the working copy of the ladder file.\n\n\
         Each statement is paired with its old version: added, removed, reworded (other words, \
         the same expectation), grows (the old words kept, more asked), moved (another theme, \
         dimension or role). Each role ends with a verdict: wording only, or expectations \
         changed.\n\n\
         Exit status: 0 when both describe the same ladder (formatting, comments and key order \
         do not count), 1 when they differ (with --brief, only when expectations changed), 2 on \
         trouble.\n\n\
         What it prints in tests/data/changes of the source, which holds the two files:\n\n  \
         $ ladder changes old.toml new.toml --role W1\n  \
         Changes from old.toml to new.toml\n\n  \
         Summary\n    \
         1 role: 1 with wording only.\n    \
         2 statements: 1 reworded, 1 moved.\n    \
         W1-apprentice: wording only\n\n  \
         W1-apprentice (wording only)\n    \
         ≈ expectation reworded in craft / tools\n        \
         was: Uses the workshop's hand tools safely after a demonstration.\n        \
         now: Uses the workshop's hand tools safely once shown how.\n    \
         → expectation moved from craft / quality to craft / tools\n        \
         Checks each joint against the drawing before glueing it."
    };
}

after_help!(
    CHANGES_SHORT,
    CHANGES_LONG,
    "  ladder changes HEAD~1                       the last commit's change
  ladder changes origin/main --brief          what a branch changes
  ladder changes v1..v2 --format markdown     for a changelog
  ladder changes old.toml new.toml --role L3  two files, one role",
    changes_more!()
);
after_help!(
    REVIEW_SHORT,
    REVIEW_LONG,
    "  ladder evidence L3-senior-security-engineer --output me.md
  ladder review me.md                    what has evidence, and the gaps
  ladder review me.md --format markdown  a summary to send ahead
  ladder review me.md --since HEAD~5     what was added since that commit
  ladder review me.md --check            exit 1 while a New one has none",
    "The file is read, never written, and nothing is sent anywhere. Each expectation is found \
     by the invisible comment under its heading, else by its words. Thin: fewer than 15 \
     words.\n\n\
     Exit status: 0 when the file was read (with --check: and every New expectation has \
     evidence), 1 with --check when one has none, 2 on trouble."
);
after_help!(
    INIT_SHORT,
    INIT_LONG,
    "  ladder init team.toml --levels L1,L2 --tracks Main --dimensions Craft
  ladder init team.toml
  ladder --data team.toml validate",
    "FILE starts with a #:schema line naming ladder.schema.json beside it, which init writes \
     too (unless it is there already): an editor with taplo (the TOML language server of the \
     common editor extensions) then checks and completes FILE as it is typed. An existing FILE \
     is refused unless --force; both files are written whole or not at all. Without a \
     terminal, --levels, --tracks and --dimensions are required."
);
after_help!(
    SCHEMA_SHORT,
    SCHEMA_LONG,
    "  ladder schema > ladder.schema.json
  ladder schema | jq '.properties | keys'
  ladder schema json > ladder-output.schema.json"
);
after_help!(
    COMPLETIONS_SHORT,
    COMPLETIONS_LONG,
    "  ladder completions bash >> ~/.bashrc
  ladder completions zsh >> ~/.zshrc
  ladder completions fish >> ~/.config/fish/config.fish"
);
after_help!(
    MAN_SHORT,
    MAN_LONG,
    "  ladder man > ~/.local/share/man/man1/ladder.1 && man ladder
  ladder man format > ~/.local/share/man/man5/ladder-format.5
  ladder man format | man -l -"
);

/// The command line's definition with every example that `width` columns cannot hold broken
/// between its arguments (see [`crate::render::fitted_help`]), for help shown at that width:
/// clap would break it anywhere, and a line cut inside a command does not paste.
pub fn fitted(cmd: clap::Command, width: usize) -> clap::Command {
    let fit = move |cmd: clap::Command| {
        let short = cmd
            .get_after_help()
            .map(|t| fitted_help(&t.to_string(), width));
        let long = cmd
            .get_after_long_help()
            .map(|t| fitted_help(&t.to_string(), width));
        let cmd = match short {
            Some(text) => cmd.after_help(text),
            None => cmd,
        };
        match long {
            Some(text) => cmd.after_long_help(text),
            None => cmd,
        }
    };
    fit(cmd).term_width(width).mut_subcommands(fit)
}
