//! A ladder file as it stood at a git revision, read with the `git` command: run directly,
//! never through a shell, each revision and path one argument, in the file's own folder (so
//! the path is `./NAME` and git finds the repository as it would there). A revision that
//! starts with `-` is refused before git sees it.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

use crate::document::Document;
use crate::exit::UsageError;
use crate::files;
use crate::load;
use crate::text::quoted;

/// Refuses a revision git could take for an option, or that could not name one commit.
pub fn check_revision(rev: &str) -> Result<()> {
    let bad = rev.is_empty()
        || rev.starts_with('-')
        || rev.contains(':')
        || rev.chars().any(char::is_control);
    if bad {
        return Err(UsageError(format!(
            "{} is not a revision (a revision does not start with '-' or hold ':')",
            quoted(rev)
        ))
        .into());
    }
    Ok(())
}

/// The text of `file` at revision `rev`, named `REV:FILE` in messages.
pub fn show(file: &Path, rev: &str) -> Result<Document> {
    check_revision(rev)?;
    let name = format!("{rev}:{}", files::shown(file));
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Some(base) = file.file_name() else {
        bail!("{} names no file", quoted(&files::shown(file)));
    };
    let commit = commit_of(folder, rev)?;
    let mut spec = std::ffi::OsString::from(format!("{commit}:./"));
    spec.push(base);
    let (ok, bytes) = git_show(folder, &spec)?;
    if !ok {
        return Err(UsageError(format!(
            "{} did not exist at revision {}",
            quoted(&files::shown(file)),
            quoted(rev)
        ))
        .into());
    }
    let text = String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{name}: not UTF-8 text"))?;
    Ok(Document { name, text })
}

/// The commit `rev` names in the repository around `folder`.
fn commit_of(folder: &Path, rev: &str) -> Result<String> {
    let spec = format!("{rev}^{{commit}}");
    let args = ["rev-parse", "--verify", "--quiet", spec.as_str()].map(std::ffi::OsStr::new);
    let (ok, out, err) = git(folder, &args)?;
    if ok {
        return Ok(String::from_utf8_lossy(&out).trim().to_string());
    }
    let message = if String::from_utf8_lossy(&err).contains("not a git repository") {
        format!(
            "{} is not inside a git repository",
            quoted(&files::shown(folder))
        )
    } else {
        format!("unknown revision {}", quoted(rev))
    };
    Err(UsageError(message).into())
}

/// The root of the repository around the current folder, if there is one.
pub fn top_level() -> Option<std::path::PathBuf> {
    let args = ["rev-parse", "--show-toplevel"].map(std::ffi::OsStr::new);
    let (ok, out, _) = git(Path::new("."), &args).ok()?;
    let top = String::from_utf8(out).ok()?;
    ok.then(|| std::path::PathBuf::from(top.trim_end_matches('\n')))
}

/// Runs `git -C FOLDER ARGS…` without a shell, for a short answer: whether it succeeded, its
/// stdout and its stderr.
fn git(folder: &Path, args: &[&std::ffi::OsStr]) -> Result<(bool, Vec<u8>, Vec<u8>)> {
    let out = command(folder, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| UsageError(format!("cannot run git: {e}")))?;
    Ok((out.status.success(), out.stdout, out.stderr))
}

/// `git -C FOLDER show SPEC`: whether it succeeded, and its stdout, read within
/// [`load::MAX_BYTES`] (git is stopped past it).
fn git_show(folder: &Path, spec: &std::ffi::OsStr) -> Result<(bool, Vec<u8>)> {
    let mut child = command(folder, &[std::ffi::OsStr::new("show"), spec])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| UsageError(format!("cannot run git: {e}")))?;
    let mut out = Vec::new();
    let stdout = child.stdout.take().context("git's output")?;
    stdout
        .take(load::MAX_BYTES + 1)
        .read_to_end(&mut out)
        .context("cannot read git's output")?;
    if out.len() as u64 > load::MAX_BYTES {
        let _ = child.kill();
        let _ = child.wait();
        bail!(
            "the file at that revision is over the limit of {} bytes (64 MiB) that every command reads",
            load::MAX_BYTES
        );
    }
    let status = child.wait().context("cannot run git")?;
    Ok((status.success(), out))
}

fn command(folder: &Path, args: &[&std::ffi::OsStr]) -> Command {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(folder)
        .args(args)
        .stdin(Stdio::null());
    command
}
