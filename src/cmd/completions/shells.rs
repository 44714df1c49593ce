//! Each shell's side of completion: the script that registers it, and how the candidates are
//! written back to it. A file name is never a candidate: where a path goes, `ladder` answers
//! with a mark ([`FILES`], [`FOLDERS`]) and the script hands the word to the shell's own file
//! completion, which quotes what it inserts and shows control characters visibly.
//!
//! clap_complete's own adapters list the names of the folder as plain words, which bash
//! inserts unquoted: a file named `$(touch PWN).toml` became code on the command line.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::Path;

use clap_complete::engine::CompletionCandidate;
use clap_complete::env::{self, EnvCompleter, Shells};

use crate::text;

/// The shells `ladder` registers completion for.
pub const SHELLS: Shells<'static> = Shells(&[&Bash, &Elvish, &Fish, &Powershell, &Zsh]);

/// The answer that asks the shell to complete a file name itself.
pub const FILES: &str = "<files>";

/// The answer that asks the shell to complete a folder's name itself.
pub const FOLDERS: &str = "<folders>";

/// What a path argument's completer returns: one candidate carrying the mark as its id (the
/// engine may prefix its value, as for `--data=`, but keeps the id).
pub fn path_mark(mark: &'static str) -> CompletionCandidate {
    CompletionCandidate::new("").id(Some(mark.to_string()))
}

/// What the shell is to offer for the word under the cursor.
#[derive(Debug, PartialEq, Eq)]
pub enum Answer {
    /// The shell's own completion of a path: [`FILES`] or [`FOLDERS`].
    Paths(&'static str),
    /// These candidates: a value in [`is_plain`]'s alphabet and a description on one line
    /// with no control character.
    Candidates(Vec<(String, Option<String>)>),
}

/// Asks clap's engine for the candidates of word `index` of `args` (`args[0]` is the program),
/// and turns them into an [`Answer`]: a path argument's mark wins unless the word starts an
/// option (`-`, though not `--data=`), when the options are offered; any value outside the
/// plain alphabet is left out. No error: a completion has no place for one.
pub fn answer(
    cmd: &mut clap::Command,
    args: Vec<OsString>,
    index: usize,
    current_dir: Option<&Path>,
) -> Answer {
    let word = args.get(index).map(|w| w.to_string_lossy().into_owned());
    let word = word.unwrap_or_default();
    let found = clap_complete::engine::complete(cmd, args, index, current_dir);
    let found = found.unwrap_or_default();
    let mark = found
        .iter()
        .find_map(|c| match c.get_id().map(String::as_str) {
            Some(FILES) => Some(FILES),
            Some(FOLDERS) => Some(FOLDERS),
            _ => None,
        });
    let option = word.starts_with('-') && !(word.starts_with("--") && word.contains('='));
    match mark {
        Some(mark) if !option => Answer::Paths(mark),
        _ => Answer::Candidates(found.iter().filter_map(plain).collect()),
    }
}

/// A candidate as the shells may receive it, or `None` when its value holds anything but the
/// plain alphabet (marks included: their value is empty).
fn plain(candidate: &CompletionCandidate) -> Option<(String, Option<String>)> {
    let value = candidate.get_value().to_str()?;
    if !is_plain(value) || candidate.get_id().is_some_and(|id| id.starts_with('<')) {
        return None;
    }
    let help = candidate.get_help().map(|help| {
        let help = help.to_string();
        let line = help.lines().next().unwrap_or_default();
        text::escape_controls(line).into_owned()
    });
    Some((value.to_string(), help))
}

/// Whether a value is made only of what no shell treats specially, in a word or in a glob:
/// ASCII letters and digits and `-_./=`, which options, subcommands, ids, `LADDER/ROLE` and
/// `--option=VALUE` need, and nothing else.
pub fn is_plain(value: &str) -> bool {
    !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./=".contains(&b))
}

/// The index clap's scripts pass in `_CLAP_COMPLETE_INDEX`.
fn index_from_env() -> usize {
    std::env::var("_CLAP_COMPLETE_INDEX")
        .ok()
        .and_then(|i| i.parse().ok())
        .unwrap_or_default()
}

/// The separator the script asks for in `_CLAP_IFS`, else a newline.
fn ifs_from_env() -> String {
    std::env::var("_CLAP_IFS").unwrap_or_else(|_| "\n".to_string())
}

/// How the script calls `ladder` back: the path it gave, when no shell reads anything in it
/// (`completions::completer` sees to that), else `ladder` from the PATH.
fn callable(completer: &str) -> &str {
    let plain = completer
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"/._-+".contains(&b));
    if plain && !completer.is_empty() {
        completer
    } else {
        "ladder"
    }
}

/// Fills a script template: `NAME` the function's name part, `BIN` the command completed,
/// `COMPLETER` how it is called back, `VAR` the variable that asks for candidates.
fn fill(template: &str, var: &str, name: &str, bin: &str, completer: &str) -> String {
    template
        .replace("NAME", &name.replace('-', "_"))
        .replace("COMPLETER", callable(completer))
        .replace("BIN", bin)
        .replace("VAR", var)
}

/// bash: candidates separated by `_CLAP_IFS` (vertical tab); at a path, the function turns on
/// readline's own file (`default`) or folder (`dirnames`) completion and offers nothing itself.
#[derive(Debug, Clone, Copy)]
pub struct Bash;

const BASH: &str = r#"
_clap_complete_NAME() {
    local IFS=$'\013'
    local _CLAP_COMPLETE_INDEX=${COMP_CWORD}
    local _CLAP_COMPLETE_COMP_TYPE=${COMP_TYPE}
    if compopt +o nospace 2> /dev/null; then
        local _CLAP_COMPLETE_SPACE=false
    else
        local _CLAP_COMPLETE_SPACE=true
    fi
    # bash splits `--data=FILE` at `=` into three words; the completer reads it as one, as
    # the command does. Only before the word being completed.
    local words=() cword=$COMP_CWORD i=0
    while (( i < ${#COMP_WORDS[@]} )); do
        if (( i + 2 < COMP_CWORD )) && [[ ${COMP_WORDS[i+1]} == "=" && ${COMP_WORDS[i]} == --* ]]; then
            words+=("${COMP_WORDS[i]}=${COMP_WORDS[i+2]}")
            (( i += 3, cword -= 2 ))
        else
            words+=("${COMP_WORDS[i]}")
            (( i += 1 ))
        fi
    done
    # The word being completed may be the value of `--data=`: then the completer reads the
    # option and the value alone (`--data` `` when nothing is typed after the `=`).
    local value=$2
    if (( cword >= 2 )) && [[ ${words[cword-1]} == "=" && ${words[cword-2]} == --* ]]; then
        words=("${words[@]:0:cword-1}" "${words[@]:cword}")
        (( cword -= 1 ))
    elif (( cword >= 1 )) && [[ ${words[cword]} == "=" && ${words[cword-1]} == --* ]]; then
        value=""
    fi
    _CLAP_COMPLETE_INDEX=$cword
    if [[ "${BASH_VERSINFO[0]}" -ge 4 || $value == "" ]]; then
        words[cword]="$value"
    fi
    local reply
    reply=$( \
        _CLAP_IFS="$IFS" \
        _CLAP_COMPLETE_INDEX="$_CLAP_COMPLETE_INDEX" \
        _CLAP_COMPLETE_COMP_TYPE="$_CLAP_COMPLETE_COMP_TYPE" \
        _CLAP_COMPLETE_SPACE="$_CLAP_COMPLETE_SPACE" \
        VAR="bash" \
        "COMPLETER" -- "${words[@]}" \
    ) || { unset COMPREPLY; return; }
    COMPREPLY=()
    case $reply in
        '<files>') compopt +o bashdefault -o default 2> /dev/null; return ;;
        '<folders>') compopt +o bashdefault -o dirnames 2> /dev/null; return ;;
    esac
    COMPREPLY=( $reply )
    if [[ $_CLAP_COMPLETE_SPACE == false ]] && [[ "${COMPREPLY-}" =~ [=/:]$ ]]; then
        compopt -o nospace
    fi
}
if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -o nospace -o bashdefault -o nosort -F _clap_complete_NAME BIN
else
    complete -o nospace -o bashdefault -F _clap_complete_NAME BIN
fi
"#;

impl EnvCompleter for Bash {
    fn name(&self) -> &'static str {
        "bash"
    }
    fn is(&self, name: &str) -> bool {
        name == "bash"
    }
    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn Write,
    ) -> io::Result<()> {
        writeln!(buf, "{}", fill(BASH, var, name, bin, completer))
    }
    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<OsString>,
        current_dir: Option<&Path>,
        buf: &mut dyn Write,
    ) -> io::Result<()> {
        let answer = answer(cmd, args, index_from_env(), current_dir);
        write_values(buf, &answer, &ifs_from_env(), |value, _| value.to_string())
    }
}

/// Writes each candidate as `entry` makes it, separated by `separator`, or the mark alone.
fn write_values(
    buf: &mut dyn Write,
    answer: &Answer,
    separator: &str,
    entry: impl Fn(&str, Option<&str>) -> String,
) -> io::Result<()> {
    match answer {
        Answer::Paths(mark) => write!(buf, "{mark}"),
        Answer::Candidates(candidates) => {
            let entries: Vec<String> = candidates
                .iter()
                .map(|(value, help)| entry(value, help.as_deref()))
                .collect();
            write!(buf, "{}", entries.join(separator))
        }
    }
}

/// zsh: `value:description` one a line; at a path, `_files` (`-/` for a folder), after the
/// `--option=` the word may start with.
#[derive(Debug, Clone, Copy)]
pub struct Zsh;

const ZSH: &str = r#"#compdef BIN
function _clap_dynamic_completer_NAME() {
    local _CLAP_COMPLETE_INDEX=$(expr $CURRENT - 1)
    local _CLAP_IFS=$'\n'

    local completions=("${(@f)$( \
        _CLAP_IFS="$_CLAP_IFS" \
        _CLAP_COMPLETE_INDEX="$_CLAP_COMPLETE_INDEX" \
        VAR="zsh" \
        COMPLETER -- "${words[@]}" 2>/dev/null \
    )}")

    case ${completions[1]-} in
        '<files>'|'<folders>')
            if [[ $PREFIX == --*=* ]]; then
                IPREFIX+="${PREFIX%%=*}="
                PREFIX="${PREFIX#*=}"
            fi
            if [[ ${completions[1]} == '<folders>' ]]; then
                _files -/
            else
                _files
            fi
            return
            ;;
    esac
    if [[ -n $completions ]]; then
        _describe -V 'values' completions
    fi
}

compdef _clap_dynamic_completer_NAME BIN"#;

impl EnvCompleter for Zsh {
    fn name(&self) -> &'static str {
        "zsh"
    }
    fn is(&self, name: &str) -> bool {
        name == "zsh"
    }
    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn Write,
    ) -> io::Result<()> {
        writeln!(buf, "{}", fill(ZSH, var, name, bin, completer))
    }
    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        mut args: Vec<OsString>,
        current_dir: Option<&Path>,
        buf: &mut dyn Write,
    ) -> io::Result<()> {
        let index = index_from_env();
        // zsh leaves out an empty word under the cursor.
        if args.len() == index {
            args.push(OsString::new());
        }
        let answer = answer(cmd, args, index, current_dir);
        write_values(buf, &answer, &ifs_from_env(), |value, help| match help {
            // Values are plain (no `:` or `\`); a description's `\` would start an escape.
            Some(help) => format!("{value}:{}", help.replace('\\', "\\\\")),
            None => value.to_string(),
        })
    }
}

/// fish: `value<TAB>description` one a line. A second rule forces fish's own file completion
/// where `ladder` answers with a mark, which the first rule keeps from the candidates.
#[derive(Debug, Clone, Copy)]
pub struct Fish;

const FISH: &str = r#"function __NAME_complete
    VAR=fish COMPLETER -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token)
end
complete --keep-order --exclusive --command BIN --arguments '(__NAME_complete | string match --invert "<*>")'
complete --command BIN --condition '__NAME_complete | string match --quiet "<*>"' --force-files"#;

impl EnvCompleter for Fish {
    fn name(&self) -> &'static str {
        "fish"
    }
    fn is(&self, name: &str) -> bool {
        name == "fish"
    }
    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn Write,
    ) -> io::Result<()> {
        writeln!(buf, "{}", fill(FISH, var, name, bin, completer))
    }
    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<OsString>,
        current_dir: Option<&Path>,
        buf: &mut dyn Write,
    ) -> io::Result<()> {
        let index = args.len().saturating_sub(1);
        write_lines(buf, &answer(cmd, args, index, current_dir))
    }
}

/// One candidate a line, `value<TAB>description`, or the mark alone (fish, PowerShell).
fn write_lines(buf: &mut dyn Write, answer: &Answer) -> io::Result<()> {
    write_values(buf, answer, "\n", |value, help| match help {
        Some(help) => format!("{value}\t{help}"),
        None => value.to_string(),
    })?;
    match answer {
        Answer::Candidates(c) if c.is_empty() => Ok(()),
        _ => writeln!(buf),
    }
}

/// elvish: clap's registration; nothing is offered at a path, as elvish's own file
/// completion cannot be handed the word from here.
#[derive(Debug, Clone, Copy)]
pub struct Elvish;

impl EnvCompleter for Elvish {
    fn name(&self) -> &'static str {
        "elvish"
    }
    fn is(&self, name: &str) -> bool {
        name == "elvish"
    }
    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn Write,
    ) -> io::Result<()> {
        env::Elvish.write_registration(var, name, bin, callable(completer), buf)
    }
    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<OsString>,
        current_dir: Option<&Path>,
        buf: &mut dyn Write,
    ) -> io::Result<()> {
        match answer(cmd, args, index_from_env(), current_dir) {
            Answer::Paths(_) => Ok(()),
            answer => write_values(buf, &answer, &ifs_from_env(), |value, _| value.to_string()),
        }
    }
}

/// PowerShell: clap's registration; nothing is offered at a path, so that PowerShell falls
/// back to its own completion of file names, which quotes them.
#[derive(Debug, Clone, Copy)]
pub struct Powershell;

impl EnvCompleter for Powershell {
    fn name(&self) -> &'static str {
        "powershell"
    }
    fn is(&self, name: &str) -> bool {
        env::Powershell.is(name)
    }
    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn Write,
    ) -> io::Result<()> {
        env::Powershell.write_registration(var, name, bin, callable(completer), buf)
    }
    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<OsString>,
        current_dir: Option<&Path>,
        buf: &mut dyn Write,
    ) -> io::Result<()> {
        let index = args.len().saturating_sub(1);
        match answer(cmd, args, index, current_dir) {
            Answer::Paths(_) => Ok(()),
            answer => write_lines(buf, &answer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer_to(line: &str) -> Answer {
        let words: Vec<OsString> = line.split(' ').map(OsString::from).collect();
        let index = words.len() - 1;
        answer(&mut crate::cmd::completions::command(), words, index, None)
    }

    fn values(answer: &Answer) -> Vec<&str> {
        match answer {
            Answer::Candidates(c) => c.iter().map(|(v, _)| v.as_str()).collect(),
            Answer::Paths(mark) => vec![mark],
        }
    }

    #[test]
    fn a_path_is_handed_to_the_shells_own_completion() {
        for (line, mark) in [
            ("ladder --data ev/", FILES),
            ("ladder show --data=ev/$(x)", FILES),
            ("ladder validate ", FILES),
            ("ladder import --output o", FILES),
            ("ladder import ", FILES),
            ("ladder export h", FOLDERS),
        ] {
            assert_eq!(answer_to(line), Answer::Paths(mark), "{line}");
        }
        // A word that starts an option is completed as one.
        let options = answer_to("ladder validate --s");
        assert_eq!(values(&options), ["--strict"]);
    }

    #[test]
    fn only_plain_values_are_written() {
        for plain in ["--data=", "L1-one", "sec/L1.x_y", "json"] {
            assert!(is_plain(plain), "{plain}");
        }
        for odd in [
            "", "a b", "$(x)", "`x`", "a\nb", "a*", "~", "a;b", "é", "a:b", "\u{1b}",
        ] {
            assert!(!is_plain(odd), "{odd:?}");
        }
        // Ids come from the ladder in use (embedded here), each plain, each described.
        let roles = answer_to("ladder show L1");
        assert!(values(&roles).iter().all(|v| v.starts_with("L1-")));
    }
}
