//! JSON Lines: one document per line, read line by line.

use super::{Document, DocumentMeta};
use crate::error::{Error, Result};
use serde::Deserialize;
use std::fmt;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// One JSON Lines record. Unknown fields are ignored.
#[derive(Deserialize)]
struct Record {
    text: String,
    #[serde(default)]
    id: Option<Id>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    date: Option<String>,
}

/// A record id: a string, or a number used as one.
#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Number(serde_json::Number),
}

impl Id {
    fn into_string(self) -> String {
        match self {
            Id::Text(s) => s,
            Id::Number(n) => n.to_string(),
        }
    }
}

/// Reads documents from a JSON Lines stream, one line at a time.
pub(super) struct JsonlReader {
    reader: Box<dyn BufRead + Send>,
    /// The file, or `<stdin>`, for errors and metadata.
    path: PathBuf,
    /// Whether `path` is a real file (recorded in `DocumentMeta::path`).
    is_file: bool,
    /// Id prefix for records without an id: `FILE:LINE`.
    id_base: String,
    line: u64,
    /// File offset of the next line.
    offset: u64,
    buf: Vec<u8>,
    done: bool,
}

impl fmt::Debug for JsonlReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JsonlReader")
            .field("path", &self.path)
            .field("line", &self.line)
            .finish_non_exhaustive()
    }
}

impl JsonlReader {
    /// A reader over `reader`; `path` names it in errors, `is_file` says
    /// whether it is a file to record in each document's metadata.
    pub(super) fn new(
        reader: Box<dyn BufRead + Send>,
        path: &Path,
        is_file: bool,
        id_base: String,
    ) -> JsonlReader {
        JsonlReader {
            reader,
            path: path.to_path_buf(),
            is_file,
            id_base,
            line: 0,
            offset: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    /// The next document or bad line; `None` at the end. Empty lines are
    /// passed over; a read error ends the stream after it is reported.
    pub(super) fn next_document(&mut self) -> Option<Result<Document>> {
        while !self.done {
            self.buf.clear();
            let line_start = self.offset;
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(n) => {
                    self.line += 1;
                    self.offset += n as u64;
                    if let Some(result) = self.parse_line(line_start) {
                        return Some(result);
                    }
                }
                Err(e) => {
                    self.done = true;
                    let line = self.line + 1;
                    return Some(Err(Error::io(&self.path, e).with_line(line)));
                }
            }
        }
        None
    }

    /// The document on the line in `buf`; `None` for a blank line.
    fn parse_line(&mut self, line_start: u64) -> Option<Result<Document>> {
        let mut bytes = self.buf.as_slice();
        let mut start = line_start;
        let (path, line) = (&self.path, self.line);
        let err = |msg: &str| Error::input(msg).with_path(path).with_line(line);
        if self.line == 1 {
            if bytes.starts_with(b"\xEF\xBB\xBF") {
                bytes = &bytes[3..];
                start += 3;
            } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
                self.done = true;
                return Some(Err(err("JSON Lines must be UTF-8, not UTF-16")));
            }
        }
        if let Some(at) = memchr::memchr(0, bytes) {
            // Not text at all: one error for the file, not one per line.
            self.done = true;
            let at = start + at as u64;
            return Some(Err(err("binary file (NUL byte)").with_byte(at)));
        }
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return None;
        }
        if let Err(e) = std::str::from_utf8(bytes) {
            let at = start + e.valid_up_to() as u64;
            return Some(Err(err("line is not valid UTF-8").with_byte(at)));
        }
        let record: Record = match serde_json::from_slice(bytes) {
            Ok(r) => r,
            Err(e) => return Some(Err(err(&json_message(&e)))),
        };
        Some(Ok(self.document(record)))
    }

    fn document(&self, record: Record) -> Document {
        let id = match record.id {
            Some(id) => id.into_string(),
            None => format!("{}:{}", self.id_base, self.line),
        };
        let (text, body_offset) = match record.title.as_deref() {
            Some(title) if !title.is_empty() => {
                let composed = format!("{title}\n\n{}", record.text);
                (composed, Some(title.len() + 2))
            }
            _ => (record.text, None),
        };
        Document {
            id,
            text,
            meta: DocumentMeta {
                path: self.is_file.then(|| self.path.clone()),
                encoding: "utf-8",
                line: Some(self.line),
                title: record.title,
                url: record.url,
                source: record.source,
                date: record.date,
                body_offset,
                ..DocumentMeta::default()
            },
        }
    }
}

/// serde_json's message without its "at line 1 column N" (always line 1
/// here), with the column kept in front.
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let msg = full.strip_suffix(&suffix).unwrap_or(&full);
    format!("invalid JSON Lines record (column {}): {msg}", e.column())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &str) -> Vec<Result<Document>> {
        let reader = Box::new(std::io::Cursor::new(input.as_bytes().to_vec()));
        let mut r = JsonlReader::new(reader, Path::new("<stdin>"), false, "stdin".into());
        std::iter::from_fn(|| r.next_document()).collect()
    }

    #[test]
    fn records_errors_and_blank_lines() {
        let input = "\u{feff}{\"text\": \"One.\", \"id\": 7}\n\n  \n{\"text\": 3}\r\n{bad\n\
                     {\"title\": \"T\", \"text\": \"Body.\", \"url\": \"u\"}\r\n{\"id\": \"x\"}";
        let got = read_all(input);
        assert_eq!(got.len(), 5);
        let first = got[0].as_ref().unwrap();
        assert_eq!((first.id.as_str(), first.text.as_str()), ("7", "One."));
        assert_eq!(first.meta.path, None);
        let e = got[1].as_ref().unwrap_err();
        assert_eq!(e.line(), Some(4));
        assert!(
            e.to_string()
                .starts_with("<stdin>:4: invalid JSON Lines record"),
            "{e}"
        );
        assert_eq!(got[2].as_ref().unwrap_err().line(), Some(5));
        let titled = got[3].as_ref().unwrap();
        assert_eq!(titled.id, "stdin:6");
        assert_eq!(titled.text, "T\n\nBody.");
        assert_eq!(titled.meta.body_offset, Some(3));
        assert_eq!(&titled.text[3..], "Body.");
        assert_eq!(titled.meta.url.as_deref(), Some("u"));
        let missing = got[4].as_ref().unwrap_err();
        assert!(
            missing.to_string().contains("missing field `text`"),
            "{missing}"
        );
    }

    #[test]
    fn binary_and_utf16_streams_give_one_error() {
        let got = read_all("{\"text\": \"a\"}\n\0\0\0\n\0\n{\"text\": \"b\"}\n");
        assert_eq!(got.len(), 2);
        assert!(got[0].is_ok());
        let e = got[1].as_ref().unwrap_err();
        assert_eq!((e.line(), e.byte()), (Some(2), Some(14)));

        let reader = Box::new(std::io::Cursor::new(b"\xFF\xFE{\x00\n\x00".to_vec()));
        let mut r = JsonlReader::new(reader, Path::new("f.jsonl"), true, "f.jsonl".into());
        let got: Vec<_> = std::iter::from_fn(|| r.next_document()).collect();
        assert_eq!(got.len(), 1);
        assert!(got[0].as_ref().unwrap_err().to_string().contains("UTF-16"));
    }
}
