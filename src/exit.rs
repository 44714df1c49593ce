//! Exit codes with names, and the error type that turns a failure into a usage error.

use std::fmt;
use std::io;
use std::process::ExitCode;

/// What the process tells its caller when it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The command did what was asked (0).
    Success,
    /// Something went wrong at run time, e.g. output could not be written (1).
    Failure,
    /// A search found nothing, as grep reports it (1).
    NoMatch,
    /// Two versions compared differ, as diff(1) reports it (1).
    Differ,
    /// `review --check`: a New expectation has no evidence yet (1).
    Unmet,
    /// The command line asked for something that does not exist or is ambiguous (2).
    Usage,
    /// A command whose 1 says "they differ" (`changes`, as diff(1)) met trouble (2).
    Trouble,
}

impl Exit {
    /// The number the process exits with.
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Failure | Exit::NoMatch | Exit::Differ | Exit::Unmet => 1,
            Exit::Usage | Exit::Trouble => 2,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit.code())
    }
}

/// A mistake in what the user typed: an unknown or ambiguous role, track or dimension.
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// An error of a command whose exit status 1 means "they differ": any trouble is then 2, as
/// for diff(1). Shown as the error it wraps.
#[derive(Debug)]
pub struct Trouble(pub anyhow::Error);

impl fmt::Display for Trouble {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#}", self.0)
    }
}

impl std::error::Error for Trouble {}

/// The exit code an error maps to, or `None` when it is a closed pipe and the run counts as a success.
pub fn for_error(err: &anyhow::Error) -> Option<Exit> {
    for cause in err.chain() {
        if let Some(io) = cause.downcast_ref::<io::Error>()
            && io.kind() == io::ErrorKind::BrokenPipe
        {
            return None;
        }
        if cause.downcast_ref::<UsageError>().is_some() {
            return Some(Exit::Usage);
        }
        if let Some(Trouble(inner)) = cause.downcast_ref::<Trouble>() {
            return for_error(inner).map(|_| Exit::Trouble);
        }
    }
    Some(Exit::Failure)
}
