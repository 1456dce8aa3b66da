//! The library's error type: what went wrong, and where (file, line, byte).

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// An error with the place it happened.
///
/// The `Display` form is one line, `PATH:LINE: message` (or `PATH: byte N:
/// message`), suitable for printing to a user as it is.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    path: Option<PathBuf>,
    line: Option<u64>,
    byte: Option<u64>,
}

/// What kind of error happened.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing failed.
    Io(io::Error),
    /// A gazetteer file is malformed.
    Gazetteer(String),
    /// An input document could not be read as text or JSON.
    Input(String),
    /// A configuration value is invalid.
    Config(String),
}

impl Error {
    /// A new error of the given kind with no location yet.
    pub fn new(kind: ErrorKind) -> Error {
        Error {
            kind,
            path: None,
            line: None,
            byte: None,
        }
    }

    /// An I/O error on `path`.
    pub fn io(path: impl AsRef<Path>, err: io::Error) -> Error {
        Error::new(ErrorKind::Io(err)).with_path(path)
    }

    /// A malformed gazetteer line.
    pub fn gazetteer(path: impl AsRef<Path>, line: u64, msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Gazetteer(msg.into()))
            .with_path(path)
            .with_line(line)
    }

    /// A bad input document.
    pub fn input(msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Input(msg.into()))
    }

    /// An invalid configuration value.
    pub fn config(msg: impl Into<String>) -> Error {
        Error::new(ErrorKind::Config(msg.into()))
    }

    /// Attaches the file the error is about.
    pub fn with_path(mut self, path: impl AsRef<Path>) -> Error {
        self.path = Some(path.as_ref().to_path_buf());
        self
    }

    /// Attaches a 1-based line number.
    pub fn with_line(mut self, line: u64) -> Error {
        self.line = Some(line);
        self
    }

    /// Attaches a 0-based byte offset.
    pub fn with_byte(mut self, byte: u64) -> Error {
        self.byte = Some(byte);
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file, if the error is about one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The 1-based line, if known.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The 0-based byte offset, if known.
    pub fn byte(&self) -> Option<u64> {
        self.byte
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{}", path.display())?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
            }
            if let Some(byte) = self.byte {
                write!(f, ": byte {byte}")?;
            }
            f.write_str(": ")?;
        } else if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        } else if let Some(byte) = self.byte {
            write!(f, "byte {byte}: ")?;
        }
        match &self.kind {
            ErrorKind::Io(e) => write!(f, "{e}"),
            ErrorKind::Gazetteer(m) | ErrorKind::Input(m) | ErrorKind::Config(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

/// Result with the library's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_path_line_and_byte() {
        let e = Error::gazetteer("g/people.tsv", 12, "expected 4 columns, found 3");
        assert_eq!(
            e.to_string(),
            "g/people.tsv:12: expected 4 columns, found 3"
        );
        let e = Error::input("invalid JSON")
            .with_path("a.jsonl")
            .with_line(3);
        assert_eq!(e.to_string(), "a.jsonl:3: invalid JSON");
        let e = Error::input("NUL byte").with_path("b.txt").with_byte(40);
        assert_eq!(e.to_string(), "b.txt: byte 40: NUL byte");
    }
}
