//! Ingest: reading documents from files, directories and standard input.
//!
//! Each document is decoded to UTF-8 once; that decoded text is the
//! "original text" every reported offset refers to.
//!
//! - Plain text (`.txt`, `.md`, `.text`, and any file named directly) is
//!   decoded from UTF-8 (a BOM removed), UTF-16 with a BOM, or, when it is
//!   not valid UTF-8, Windows-1252 (byte by byte where UTF-8 is invalid). A file with a NUL byte (outside UTF-16)
//!   is binary and skipped with an error.
//! - JSON Lines (`.jsonl`, or standard input with
//!   [`DocumentReaderBuilder::jsonl_stdin`]) holds one document per line;
//!   see [`DocumentMeta::body_offset`] for how a title becomes text.
//! - Directories are walked recursively in sorted order, following symbolic
//!   links; loops and unreadable entries are errors, and the walk goes on.
//! - Document ids are unique within one reader: a document whose id was
//!   already read is renamed (see [`RenamedDocument`]).

mod decode;
mod ids;
mod jsonl;
mod walk;

use crate::error::{Error, Result};
pub use ids::RenamedDocument;
use ids::UniqueIds;
use jsonl::JsonlReader;
use serde::Serialize;
use std::collections::VecDeque;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use walk::Found;

/// One input document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Document id: the path relative to the directory it was found in, the
    /// file name when given directly, `stdin` for standard input. A JSON
    /// Lines record's id is its `id` field, else `FILE:LINE` (`FILE` being
    /// the file's id as above, `LINE` 1-based). A [`DocumentReader`] never
    /// yields the same id twice; see [`RenamedDocument`].
    pub id: String,
    /// The document's text, decoded to UTF-8. Every offset refers to it.
    /// For a JSON Lines record with a title this is `title + "\n\n" +
    /// text`; see [`DocumentMeta::body_offset`].
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
    /// The encoding the bytes were decoded from: `utf-8`, `utf-16le`,
    /// `utf-16be`, `windows-1252`, or `utf-8+windows-1252` for UTF-8 text
    /// with stray bytes that are not UTF-8 (each read as Windows-1252).
    pub encoding: &'static str,
    /// True when the file started with a byte-order mark, which is not part
    /// of the text. For UTF-8 that shifts offsets: file byte = text offset
    /// + 3.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub bom: bool,
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
    /// Date (JSON Lines input), as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Line number in a JSON Lines file (1-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// Where the record's `text` starts in [`Document::text`], when a title
    /// was put before it.
    ///
    /// A JSON Lines record with a non-empty `title` becomes the document
    /// text `title + "\n\n" + text`, so tagging sees the title as its own
    /// paragraph; `body_offset` is then `title.len() + 2`. Every offset a
    /// document reports refers to that composed text: an offset `o >=
    /// body_offset` is `o - body_offset` in the record's `text`, one below
    /// `title.len()` is in the title. `None` when the text is the record's
    /// `text` unchanged (no title, or an empty one) and for plain files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_offset: Option<usize>,
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
const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "text", "jsonl"];

/// Configures a [`DocumentReader`].
///
/// ```
/// use newsgraph::{DocumentReader, Input};
/// let reader = DocumentReader::builder()
///     .jsonl_stdin(true)
///     .build([Input::Stdin]);
/// assert_eq!(reader.skipped_files(), 0);
/// ```
#[derive(Clone, Debug, Default)]
pub struct DocumentReaderBuilder {
    jsonl_stdin: bool,
}

impl DocumentReaderBuilder {
    /// A builder with the defaults: standard input is one plain document.
    pub fn new() -> DocumentReaderBuilder {
        DocumentReaderBuilder::default()
    }

    /// Reads standard input as JSON Lines (`--jsonl`) instead of one plain
    /// text document.
    pub fn jsonl_stdin(&mut self, yes: bool) -> &mut DocumentReaderBuilder {
        self.jsonl_stdin = yes;
        self
    }

    /// A reader over `inputs`, in order.
    pub fn build(&self, inputs: impl IntoIterator<Item = Input>) -> DocumentReader {
        DocumentReader {
            inputs: inputs.into_iter().collect(),
            pending: VecDeque::new(),
            current: None,
            skipped: 0,
            jsonl_stdin: self.jsonl_stdin,
            ids: UniqueIds::default(),
            renamed: Vec::new(),
        }
    }
}

/// Reads documents from a list of inputs, one at a time.
///
/// Iteration yields `Ok(document)` or an `Err` naming the path (and line or
/// byte) of one thing skipped: an unreadable file or directory, a binary
/// file, a directory loop, a bad JSON Lines record. An error never ends the
/// iteration, so one broken file does not stop a run.
///
/// Every document yielded has an id no earlier document of this reader
/// had: a repeated id (`a.txt` in two directories) is replaced by the
/// document's path as given, and [`renamed`](DocumentReader::renamed)
/// lists each such replacement.
///
/// ```
/// use newsgraph::{DocumentReader, Input};
/// let dir = std::env::temp_dir().join(format!("newsgraph-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("a.txt"), "Kyiv \u{2014} talks resumed.").unwrap();
/// std::fs::write(dir.join("b.jsonl"), "{\"id\": \"b1\", \"text\": \"More.\"}\n").unwrap();
/// std::fs::write(dir.join("c.png"), [0x89, b'P', b'N', b'G']).unwrap();
///
/// let mut reader = DocumentReader::new([Input::Path(dir.clone())]);
/// let ids: Vec<String> = reader.by_ref().map(|d| d.unwrap().id).collect();
/// assert_eq!(ids, ["a.txt", "b1"]);
/// assert_eq!(reader.skipped_files(), 1);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
#[derive(Debug)]
pub struct DocumentReader {
    inputs: VecDeque<Input>,
    pending: VecDeque<Pending>,
    /// The JSON Lines stream being read.
    current: Option<JsonlReader>,
    skipped: u64,
    jsonl_stdin: bool,
    ids: UniqueIds,
    renamed: Vec<RenamedDocument>,
}

impl DocumentReader {
    /// A reader over `inputs`, in order, with the default configuration.
    pub fn new(inputs: impl IntoIterator<Item = Input>) -> DocumentReader {
        DocumentReaderBuilder::new().build(inputs)
    }

    /// A builder to configure a reader.
    pub fn builder() -> DocumentReaderBuilder {
        DocumentReaderBuilder::new()
    }

    /// Files passed over in directories because of their extension (or
    /// because they are not regular files), so far.
    pub fn skipped_files(&self) -> u64 {
        self.skipped
    }

    /// Documents renamed so far because their id was already taken, in
    /// reading order.
    ///
    /// ```
    /// use newsgraph::{DocumentReader, Input};
    /// let dir = std::env::temp_dir().join(format!("newsgraph-ids-{}", std::process::id()));
    /// for sub in ["d1", "d2"] {
    ///     std::fs::create_dir_all(dir.join(sub)).unwrap();
    ///     std::fs::write(dir.join(sub).join("a.txt"), "Text.").unwrap();
    /// }
    /// let mut reader = DocumentReader::new([Input::Path(dir.join("d1")), Input::Path(dir.join("d2"))]);
    /// let ids: Vec<String> = reader.by_ref().map(|d| d.unwrap().id).collect();
    /// let second = dir.join("d2").join("a.txt").to_string_lossy().replace('\\', "/");
    /// assert_eq!(ids, ["a.txt".to_string(), second.clone()]);
    /// assert_eq!(reader.renamed()[0].original, "a.txt");
    /// assert_eq!(reader.renamed()[0].id, second);
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn renamed(&self) -> &[RenamedDocument] {
        &self.renamed
    }

    /// Gives `doc` an id no earlier document had.
    fn unique(&mut self, mut doc: Document) -> Document {
        if let Some(r) = self.ids.claim(&mut doc) {
            self.renamed.push(r);
        }
        doc
    }

    /// Reads one file found directly or in a walk of `root`.
    fn open_file(&mut self, path: &Path, root: Option<&Path>) -> Option<Result<Document>> {
        let id = document_id(path, root);
        if is_jsonl(path) {
            let file = match std::fs::File::open(path) {
                Ok(f) => f,
                Err(e) => return Some(Err(Error::io(path, e))),
            };
            let reader = Box::new(BufReader::with_capacity(1 << 16, file));
            self.current = Some(JsonlReader::new(reader, path, true, id));
            return None;
        }
        Some(read_text_file(path, id))
    }

    fn read_stdin(&mut self) -> Option<Result<Document>> {
        let stdin = Path::new("<stdin>");
        if self.jsonl_stdin {
            let reader = Box::new(BufReader::with_capacity(1 << 16, std::io::stdin()));
            self.current = Some(JsonlReader::new(reader, stdin, false, "stdin".into()));
            return None;
        }
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
            return Some(Err(Error::io(stdin, e)));
        }
        Some(document_from_bytes("stdin".into(), bytes).map_err(|e| e.with_path(stdin)))
    }

    /// Starts on one input: a document, or `None` when it queued files or
    /// opened a JSON Lines stream.
    fn start(&mut self, input: Input) -> Option<Result<Document>> {
        let path = match input {
            Input::Stdin => return self.read_stdin(),
            Input::Path(path) => path,
        };
        match std::fs::metadata(&path) {
            Err(e) => Some(Err(Error::io(&path, e))),
            Ok(md) if md.is_dir() => {
                let root: Arc<Path> = Arc::from(path.as_path());
                let found = walk::walk(&path, has_text_extension, &mut self.skipped);
                self.pending.extend(found.into_iter().map(|f| match f {
                    Found::File(file) => Pending::File(file, Arc::clone(&root)),
                    Found::Error(e) => Pending::Error(e),
                }));
                None
            }
            Ok(_) => self.open_file(&path, None),
        }
    }
}

/// A file found in a directory walk (with the walk's root) or an error.
#[derive(Debug)]
enum Pending {
    File(PathBuf, Arc<Path>),
    Error(Error),
}

impl Iterator for DocumentReader {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        let item = self.next_as_read()?;
        Some(item.map(|doc| self.unique(doc)))
    }
}

impl DocumentReader {
    /// The next document with the id its place gives it, or an error.
    fn next_as_read(&mut self) -> Option<Result<Document>> {
        loop {
            if let Some(stream) = &mut self.current {
                match stream.next_document() {
                    Some(result) => return Some(result),
                    None => self.current = None,
                }
            }
            let step = match self.pending.pop_front() {
                Some(Pending::Error(e)) => return Some(Err(e)),
                Some(Pending::File(path, root)) => self.open_file(&path, Some(&root)),
                None => {
                    let input = self.inputs.pop_front()?;
                    self.start(input)
                }
            };
            if step.is_some() {
                return step;
            }
        }
    }
}

fn has_text_extension(path: &Path) -> bool {
    extension_is(path, TEXT_EXTENSIONS)
}

fn is_jsonl(path: &Path) -> bool {
    extension_is(path, &["jsonl"])
}

fn extension_is(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|t| t.eq_ignore_ascii_case(e)))
}

/// The id of a file: its path relative to the directory it was found in
/// (with `/` separators), or its file name when given directly.
fn document_id(path: &Path, root: Option<&Path>) -> String {
    let id = match root {
        Some(root) => path.strip_prefix(root).unwrap_or(path),
        None => Path::new(path.file_name().unwrap_or(path.as_os_str())),
    };
    id.to_string_lossy().replace('\\', "/")
}

fn read_text_file(path: &Path, id: String) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let mut doc = document_from_bytes(id, bytes).map_err(|e| e.with_path(path))?;
    doc.meta.path = Some(path.to_path_buf());
    Ok(doc)
}

fn document_from_bytes(id: String, bytes: Vec<u8>) -> Result<Document> {
    let decoded = decode::decode(bytes)?;
    Ok(Document {
        id,
        text: decoded.text,
        meta: DocumentMeta {
            encoding: decoded.encoding,
            bom: decoded.bom,
            transcoded: decoded.transcoded,
            ..DocumentMeta::default()
        },
    })
}
