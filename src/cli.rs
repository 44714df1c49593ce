//! What the user can type: the clap definitions, whose doc comments are the help text.

use clap::{Args, ColorChoice, Parser, Subcommand};

const AFTER_HELP: &str = "\
Examples:
  ladder list
  ladder show L3-senior-security-engineer
  ladder show cloud
  ladder diff L2 L3 --track engineer

Naming a role:
  A full id (case-insensitive), a level with --track (L3 --track engineer),
  or any unambiguous part of an id or title (cloud, senior-cloud).

Exit codes:
  0  success
  1  runtime failure (for example, output could not be written)
  2  usage error: unknown or ambiguous role or track, bad flag";

/// Explore a career ladder from the terminal.
///
/// Ships with the Security Operations ladder: security analysts, security
/// engineers, cloud security engineers and technical leads, levels L1 to L4.
#[derive(Debug, Parser)]
#[command(name = "ladder", version, after_help = AFTER_HELP, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options that every subcommand accepts.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// When to use colour: auto means only when stdout is a terminal and NO_COLOR is unset.
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
}

/// The subcommands, one file each under `src/cmd/`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every role: level, id, title, tracks and a one-line summary.
    #[command(after_help = "Examples:\n  ladder list\n  ladder list --track cloud")]
    List(ListArgs),

    /// Show one role in full: attributes, then expectations and examples per dimension.
    #[command(
        after_help = "Examples:\n  ladder show L3-senior-security-engineer\n  \
                            ladder show L2 --track analyst\n  ladder show cloud"
    )]
    Show(ShowArgs),

    /// Compare two roles side by side: attributes, then each dimension theme by theme.
    #[command(after_help = "Examples:\n  ladder diff L2 L3 --track engineer\n  \
                            ladder diff L3-senior-security-analyst L3-senior-security-engineer\n\n\
                            Marks (they hold without colour):\n  \
                            +  new at B: a theme B has and A does not\n  \
                            ~  grows: a theme both have, worded differently at B\n  \
                            -  no longer listed at B\n  \
                            =  unchanged: the same words at A and B")]
    Diff(DiffArgs),
}

/// Arguments of `ladder list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only the roles on this track (analyst, engineer, cloud, ...).
    #[arg(long, short, value_name = "TRACK")]
    pub track: Option<String>,
}

/// Arguments of `ladder show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The role: a full id, a level with --track, or an unambiguous part of an id or title.
    #[arg(value_name = "ROLE")]
    pub role: String,

    /// The track that settles a level or an ambiguous name.
    #[arg(long, short, value_name = "TRACK")]
    pub track: Option<String>,
}

/// Arguments of `ladder diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The role to compare from (usually the current level).
    #[arg(value_name = "A")]
    pub from: String,

    /// The role to compare with (usually the next level).
    #[arg(value_name = "B")]
    pub to: String,

    /// The track that settles levels or ambiguous names in A and B.
    #[arg(long, short, value_name = "TRACK")]
    pub track: Option<String>,
}
