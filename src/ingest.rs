//! Ingest: reading documents from files, directories and standard input.
//!
//! Each document is decoded to UTF-8 once; that decoded text is the
//! "original text" every reported offset refers to.

use crate::error::{Error, Result};
use serde::Serialize;
use std::collections::VecDeque;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One input document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Document id: the path relative to the directory it was found in, the
    /// file name when given directly, `stdin` for standard input.
    pub id: String,
    /// The document's text, decoded to UTF-8. Every offset refers to it.
    pub text: String,
    /// Where the document came from and how it was read.
    pub meta: DocumentMeta,
}

impl Document {
    /// A document from a string, for library use and tests.
    ///
    /// ```
    /// let doc = newsgraph::Document::from_text("a1", "Vladimir Putin spoke.");
    /// assert_eq!(doc.id, "a1");
    /// ```
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            meta: DocumentMeta::default(),
        }
    }
}

/// Metadata carried into every output's document record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DocumentMeta {
    /// The file read, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<PathBuf>,
    /// The encoding the bytes were decoded from (`utf-8` unless detected
    /// otherwise).
    pub encoding: &'static str,
    /// True when the file was not UTF-8 and offsets refer to the decoded
    /// UTF-8 text rather than the file's bytes.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub transcoded: bool,
    /// Title (JSON Lines input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// URL (JSON Lines input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Source or publisher (JSON Lines input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Date (JSON Lines input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Line number in a JSON Lines file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

/// Where to read documents from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file or a directory (read recursively).
    Path(PathBuf),
    /// Standard input.
    Stdin,
}

/// File extensions read from directories.
const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "text"];

/// Reads documents from a list of inputs, one at a time.
///
/// Iteration yields `Ok(document)` or an `Err` naming the path; an error
/// never ends the iteration, so one broken file does not stop a run.
#[derive(Debug)]
pub struct DocumentReader {
    pending: VecDeque<(PathBuf, Option<PathBuf>)>,
    inputs: VecDeque<Input>,
    skipped: u64,
}

impl DocumentReader {
    /// A reader over `inputs`, in order.
    pub fn new(inputs: impl IntoIterator<Item = Input>) -> DocumentReader {
        DocumentReader {
            pending: VecDeque::new(),
            inputs: inputs.into_iter().collect(),
            skipped: 0,
        }
    }

    /// Files passed over in directories because of their extension.
    pub fn skipped_files(&self) -> u64 {
        self.skipped
    }

    fn expand_dir(&mut self, root: &Path) -> Result<()> {
        let mut stack = vec![root.to_path_buf()];
        let mut files = Vec::new();
        while let Some(dir) = stack.pop() {
            let entries = std::fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))?;
            for entry in entries {
                let entry = entry.map_err(|e| Error::io(&dir, e))?;
                let path = entry.path();
                let ft = entry.file_type().map_err(|e| Error::io(&path, e))?;
                if ft.is_dir() {
                    stack.push(path);
                } else if has_text_extension(&path) {
                    files.push(path);
                } else {
                    self.skipped += 1;
                }
            }
        }
        files.sort();
        for f in files {
            self.pending.push_back((f, Some(root.to_path_buf())));
        }
        Ok(())
    }
}

fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT_EXTENSIONS.iter().any(|t| t.eq_ignore_ascii_case(e)))
}

fn read_file(path: &Path, root: Option<&Path>) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let id = match root {
        Some(root) => path.strip_prefix(root).unwrap_or(path),
        None => Path::new(path.file_name().unwrap_or(path.as_os_str())),
    };
    let mut doc =
        decode(id.to_string_lossy().replace('\\', "/"), bytes).map_err(|e| e.with_path(path))?;
    doc.meta.path = Some(path.to_path_buf());
    Ok(doc)
}

fn decode(id: String, bytes: Vec<u8>) -> Result<Document> {
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::input("not valid UTF-8").with_byte(e.utf8_error().valid_up_to() as u64)
    })?;
    Ok(Document {
        id,
        text,
        meta: DocumentMeta {
            encoding: "utf-8",
            ..DocumentMeta::default()
        },
    })
}

impl Iterator for DocumentReader {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            if let Some((path, root)) = self.pending.pop_front() {
                return Some(read_file(&path, root.as_deref()));
            }
            match self.inputs.pop_front()? {
                Input::Stdin => {
                    let mut bytes = Vec::new();
                    if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
                        return Some(Err(Error::io("<stdin>", e)));
                    }
                    return Some(
                        decode("stdin".to_string(), bytes).map_err(|e| e.with_path("<stdin>")),
                    );
                }
                Input::Path(path) => match std::fs::metadata(&path) {
                    Err(e) => return Some(Err(Error::io(&path, e))),
                    Ok(md) if md.is_dir() => {
                        if let Err(e) = self.expand_dir(&path) {
                            return Some(Err(e));
                        }
                    }
                    Ok(_) => return Some(read_file(&path, None)),
                },
            }
        }
    }
}
