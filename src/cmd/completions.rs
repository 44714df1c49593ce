//! Shell completion: `ladder completions SHELL` prints the line that registers it, and the shell
//! then asks the binary itself (`LADDER_COMPLETE=bash ladder -- WORDS`), answered by
//! [`complete_if_asked`] from the ladder in use at that moment.
//!
//! A candidate is data: the shell receives it as the output of a command and offers it, never
//! evaluates it. Ids are in the safe alphabet ([`text::is_safe_id`]: validation refuses
//! others, and any that got past are left out), and titles reach the shell only as
//! descriptions, one line each, with control characters escaped when the ladder was loaded.
//! File names are never candidates: at a path, the shell's own file completion takes over
//! ([`shells`]), which quotes what it inserts.

mod shells;

pub use shells::{Answer, FILES, FOLDERS, is_plain};

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::Result;
use clap::{CommandFactory, ValueHint};
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::CompleteEnv;

use super::Context;
use crate::cli::{Cli, CompletionsArgs};
use crate::exit::Exit;
use crate::model::Ladder;
use crate::render;
use crate::text;

/// The variable the registered scripts set when they ask for candidates.
const VAR: &str = "LADDER_COMPLETE";

/// Prints the line that registers completion for the shell (for its start-up file).
pub fn run(ctx: &Context, args: &CompletionsArgs, out: &mut impl Write) -> Result<Exit> {
    ctx.only_format("completions", "a shell script", None)?;
    render::completion_line(out, args.shell.registration())?;
    Ok(Exit::Success)
}

/// When a shell asks for candidates (`LADDER_COMPLETE` set), prints them, or the registration script
/// when no words follow, and ends the process; otherwise returns at once, having read one
/// environment variable, so a normal run pays nothing more.
pub fn complete_if_asked() {
    if std::env::var_os(VAR).is_none_or(|v| v.is_empty() || v == "0") {
        return;
    }
    let args: Vec<OsString> = std::env::args_os().collect();
    let _ = DATA.set(data_on_line(&args));
    let mut env = CompleteEnv::with_factory(command)
        .var(VAR)
        .shells(shells::SHELLS);
    if let Some(completer) = args.first().and_then(|a| completer(Path::new(a))) {
        env = env.completer(completer);
    }
    env.complete();
}

/// What `ladder` answers a shell that completes the last of `words` (the program first): the
/// shell's own path completion, or candidates each made of plain characters. The one way in
/// for the fuzz target; the shells' answers are this, written in each one's format.
pub fn answer(words: Vec<OsString>, current_dir: Option<&Path>) -> Answer {
    let index = words.len().saturating_sub(1);
    shells::answer(&mut command(), words, index, current_dir)
}

/// How the registration script calls `ladder` back: the path it was run by, when that is
/// made only of characters no shell treats specially (the scripts put it inside double
/// quotes, where `$(...)` would run), else plain `ladder` from the PATH.
fn completer(argv0: &Path) -> Option<String> {
    let path = if argv0.components().count() > 1 && argv0.is_relative() {
        std::env::current_dir().ok()?.join(argv0)
    } else {
        argv0.to_path_buf()
    };
    let path = path.to_str()?;
    let plain = |b: u8| b.is_ascii_alphanumeric() || b"/._-+".contains(&b);
    Some(if path.bytes().all(plain) {
        path.to_string()
    } else {
        "ladder".to_string()
    })
}

/// The `--data` file named on the line being completed (after `--`), else `LADDER_DATA`.
static DATA: OnceLock<Option<PathBuf>> = OnceLock::new();

/// The last `--data FILE` or `--data=FILE` among the words being completed, or `LADDER_DATA`.
fn data_on_line(args: &[OsString]) -> Option<PathBuf> {
    let words = args.iter().skip_while(|a| *a != "--").skip(1);
    let mut flag = None;
    let mut after_data = false;
    for word in words {
        if after_data {
            flag = Some(PathBuf::from(word));
        } else if let Some(value) = word.to_str().and_then(|w| w.strip_prefix("--data=")) {
            flag = Some(PathBuf::from(value));
        }
        after_data = word == "--data";
    }
    crate::source::data_path(flag)
}

/// The ladders completions come from, loaded on first use, each with its id in a catalogue
/// (`--data DIR`); empty when they cannot be read or loaded, or are not in a regular file or
/// a folder ([`read_data`]): then nothing is offered and nothing printed, for a completion has
/// no place for an error.
fn ladders() -> &'static [(Option<String>, Ladder)] {
    static LADDERS: OnceLock<Vec<(Option<String>, Ladder)>> = OnceLock::new();
    LADDERS.get_or_init(|| match DATA.get().cloned().flatten() {
        None => vec![(None, crate::embedded::ladder())],
        Some(path) => read_data(&path).unwrap_or_default(),
    })
}

/// The ladders of `--data` when it is a regular file or a folder of them. Anything else is
/// left unread: stdin (`-`, `/dev/stdin`), a terminal or a FIFO belongs to the shell, and
/// reading it would wait for keys the user types next and swallow them. What the path is
/// comes from the file opened, without waiting (a FIFO with no writer would block the open
/// itself), never from a look-up by name that the file could change after.
fn read_data(path: &Path) -> Option<Vec<(Option<String>, Ladder)>> {
    if path.as_os_str() == "-" {
        return None;
    }
    let file = crate::load::open_without_waiting(path).ok()?;
    let meta = file.metadata().ok()?;
    if meta.is_dir() {
        // Each file of a catalogue is opened as this one is, and checked as opened.
        let catalogue = crate::load::catalogue::load(path).ok()?;
        Some(
            catalogue
                .ladders
                .into_iter()
                .map(|e| (Some(e.id), e.ladder))
                .collect(),
        )
    } else if meta.is_file() {
        let source = crate::load::read_opened(path.display().to_string(), file, meta.len()).ok()?;
        Some(vec![(None, Ladder::load(&source).ok()?)])
    } else {
        None
    }
}

/// The command line as clap knows it, with a completer on every argument that takes an id or
/// a path.
fn command() -> clap::Command {
    let mut cmd = Cli::command();
    // Subcommands add their arguments when built (`defer` in cli.rs): build all of them first.
    cmd.build();
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, with_completers);
    }
    // Global options typed before the subcommand are the top command's own.
    with_completers(cmd)
}

/// `cmd` with each argument's completer: the ids of its kind, or the mark that hands a path
/// to the shell.
fn with_completers(mut cmd: clap::Command) -> clap::Command {
    let args: Vec<(String, ValueHint)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.get_value_hint()))
        .collect();
    for (arg, hint) in args {
        let completer = match (Kind::of(&arg), hint) {
            (Some(kind), _) => kind.completer(),
            (None, ValueHint::AnyPath | ValueHint::FilePath) => |_: &OsStr| files(),
            (None, ValueHint::DirPath) => |_: &OsStr| folders(),
            (None, _) => continue,
        };
        cmd = cmd.mut_arg(&arg, |a| a.add(ArgValueCompleter::new(completer)));
    }
    cmd
}

fn files() -> Vec<CompletionCandidate> {
    vec![shells::path_mark(shells::FILES)]
}

fn folders() -> Vec<CompletionCandidate> {
    vec![shells::path_mark(shells::FOLDERS)]
}

/// What an argument names, by its clap id.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Role,
    Track,
    Dimension,
    Level,
    Ladder,
}

impl Kind {
    fn of(arg: &str) -> Option<Kind> {
        match arg {
            "role" | "from" | "to" => Some(Kind::Role),
            "track" => Some(Kind::Track),
            "dimension" => Some(Kind::Dimension),
            "level" => Some(Kind::Level),
            "ladder" => Some(Kind::Ladder),
            _ => None,
        }
    }

    fn completer(self) -> fn(&OsStr) -> Vec<CompletionCandidate> {
        match self {
            Kind::Role => |current| offer(current, ids(Kind::Role)),
            Kind::Track => |current| offer(current, ids(Kind::Track)),
            Kind::Dimension => |current| offer(current, ids(Kind::Dimension)),
            Kind::Level => |current| offer(current, ids(Kind::Level)),
            Kind::Ladder => |current| offer(current, ids(Kind::Ladder)),
        }
    }
}

/// The ids of one kind in the ladders in use, each with what describes it: in a catalogue,
/// roles as `LADDER/ROLE`, and the ids of every ladder for the rest.
fn ids(kind: Kind) -> Vec<(String, Option<&'static str>)> {
    let mut ids = Vec::new();
    for (id, ladder) in ladders() {
        match kind {
            Kind::Role => ids.extend(ladder.roles.iter().map(|r| {
                let name = match id {
                    Some(id) => format!("{id}/{}", r.id),
                    None => r.id.clone(),
                };
                (name, Some(r.title.as_str()))
            })),
            Kind::Track => ids.extend(
                ladder
                    .tracks
                    .iter()
                    .map(|t| (t.id.clone(), Some(t.name.as_str()))),
            ),
            Kind::Dimension => ids.extend(
                ladder
                    .dimensions
                    .iter()
                    .map(|d| (d.id.clone(), Some(d.name.as_str()))),
            ),
            Kind::Level => ids.extend(ladder.levels.iter().map(|l| (l.clone(), None))),
            Kind::Ladder => ids.extend(id.clone().map(|id| (id, Some(ladder.name.as_str())))),
        }
    }
    // A track or level that several ladders share is offered once.
    let mut seen = std::collections::HashSet::new();
    ids.retain(|(id, _)| seen.insert(id.clone()));
    ids
}

/// The ids that start with what was typed, ignoring case as `ladder` does; ids outside the
/// safe alphabet are never offered, and a description is one line.
fn offer(current: &OsStr, ids: Vec<(String, Option<&str>)>) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy().to_lowercase();
    // A qualified `LADDER/ROLE` is two safe ids.
    let safe = |id: &str| id.split('/').all(text::is_safe_id) && id.matches('/').count() <= 1;
    ids.into_iter()
        .filter(|(id, _)| safe(id) && id.to_lowercase().starts_with(&typed))
        .map(|(id, about)| {
            let about = about.map(|a| text::escape_controls(a).replace('\n', " "));
            CompletionCandidate::new(id).help(about.map(Into::into))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_outside_the_safe_alphabet_are_never_offered() {
        let ids = vec![
            ("L1-one", Some("One $(touch X)")),
            ("t$(touch X)", None),
            ("a`touch Y`", None),
            ("l'; rm -rf ~; '", Some("x")),
            ("sec/L1-one", None),
            ("sec/$(x)", None),
            ("a/b/c", None),
            ("/L1", None),
        ];
        let ids = ids.into_iter().map(|(i, a)| (i.to_string(), a)).collect();
        let offered = offer(OsStr::new(""), ids);
        let values: Vec<_> = offered.iter().map(|c| c.get_value().to_owned()).collect();
        assert_eq!(values, ["L1-one", "sec/L1-one"]);
    }

    #[test]
    fn what_was_typed_matches_without_regard_to_case() {
        let ids = ["L3-senior", "L2-x", "l3-lower"]
            .map(|i| (i.to_string(), None))
            .to_vec();
        let offered = offer(OsStr::new("l3-"), ids);
        let values: Vec<_> = offered.iter().map(|c| c.get_value().to_owned()).collect();
        assert_eq!(values, ["L3-senior", "l3-lower"]);
    }

    #[test]
    fn the_data_file_is_read_from_the_line_being_completed() {
        let line = |words: &[&str]| -> Vec<OsString> { words.iter().map(Into::into).collect() };
        assert_eq!(
            data_on_line(&line(&[
                "ladder", "--", "ladder", "--data", "a.toml", "show", ""
            ])),
            Some(PathBuf::from("a.toml"))
        );
        assert_eq!(
            data_on_line(&line(&[
                "ladder",
                "--",
                "ladder",
                "--data=b.toml",
                "show",
                "L"
            ])),
            Some(PathBuf::from("b.toml"))
        );
    }

    #[test]
    fn a_completer_path_with_shell_syntax_falls_back_to_the_name() {
        assert_eq!(
            completer(Path::new("/opt/bin/ladder")).as_deref(),
            Some("/opt/bin/ladder")
        );
        assert_eq!(
            completer(Path::new("/tmp/$(touch X)/ladder")).as_deref(),
            Some("ladder")
        );
        assert_eq!(completer(Path::new("ladder")).as_deref(), Some("ladder"));
    }
}
