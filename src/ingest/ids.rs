//! Keeping document ids unique within one reader.
//!
//! Ids come from file names relative to the directory walked, so two
//! directories holding `a.txt` both give `a.txt`. Exports key documents and
//! quotations (`a.txt#q1`) by id, so a repeated id would fold two documents
//! into one; the later document is renamed instead.

use super::Document;
use std::collections::HashMap;
use std::fmt;

/// A document whose id was already taken by an earlier document of the same
/// reader, and the id it was given instead.
///
/// The new id is the document's path as given on the command line (for a
/// JSON Lines record `PATH:LINE`), or, when that is taken too, the first of
/// `NEW~2`, `NEW~3`, ... that is free. Reading order is deterministic, so
/// the same inputs always give the same ids.
///
/// Its `Display` form is a one-line warning naming both documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenamedDocument {
    /// The id both documents would have had.
    pub original: String,
    /// The id the later document was given.
    pub id: String,
    /// Where the earlier document holding `original` came from.
    pub first: String,
    /// Where the renamed document came from.
    pub origin: String,
}

impl fmt::Display for RenamedDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "document id {:?} of {} is already used by {}; {} is read as {:?}",
            self.original, self.origin, self.first, self.origin, self.id
        )
    }
}

/// Ids handed out so far, each with where its document came from.
#[derive(Debug, Default)]
pub(super) struct UniqueIds {
    taken: HashMap<String, String>,
}

impl UniqueIds {
    /// Claims `doc`'s id, renaming `doc` when the id is taken.
    pub(super) fn claim(&mut self, doc: &mut Document) -> Option<RenamedDocument> {
        let origin = origin(doc);
        let Some(first) = self.taken.get(&doc.id) else {
            self.taken.insert(doc.id.clone(), origin);
            return None;
        };
        let first = first.clone();
        let base = fallback_id(doc).unwrap_or_else(|| doc.id.clone());
        let mut id = base.clone();
        let mut n = 2u64;
        while self.taken.contains_key(&id) {
            id = format!("{base}~{n}");
            n += 1;
        }
        self.taken.insert(id.clone(), origin.clone());
        let original = std::mem::replace(&mut doc.id, id.clone());
        Some(RenamedDocument {
            original,
            id,
            first,
            origin,
        })
    }
}

/// The document's path as given (with `/` separators), and `:LINE` for a
/// JSON Lines record; `stdin:LINE` for a record read from standard input.
fn fallback_id(doc: &Document) -> Option<String> {
    let path = doc
        .meta
        .path
        .as_ref()
        .map(|p| p.to_string_lossy().replace('\\', "/"));
    match (path, doc.meta.line) {
        (Some(p), Some(line)) => Some(format!("{p}:{line}")),
        (Some(p), None) => Some(p),
        (None, Some(line)) => Some(format!("stdin:{line}")),
        (None, None) => None,
    }
}

/// Where a document came from, for warnings: `PATH`, `PATH:LINE`, `<stdin>`.
fn origin(doc: &Document) -> String {
    let path = doc
        .meta
        .path
        .as_ref()
        .map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string());
    match doc.meta.line {
        Some(line) => format!("{path}:{line}"),
        None => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn doc(id: &str, path: Option<&str>, line: Option<u64>) -> Document {
        let mut d = Document::from_text(id, "");
        d.meta.path = path.map(PathBuf::from);
        d.meta.line = line;
        d
    }

    #[test]
    fn repeated_ids_table() {
        // Documents in reading order: (id, path, line, id given).
        type Case<'a> = (&'a str, Option<&'a str>, Option<u64>, &'a str);
        let cases: &[Case] = &[
            ("a.txt", Some("d1/a.txt"), None, "a.txt"),
            ("a.txt", Some("d2/a.txt"), None, "d2/a.txt"),
            // The path as given is taken by the rename above.
            ("d2/a.txt", Some("x/d2/a.txt"), None, "x/d2/a.txt"),
            // The same file given twice: the path is the id itself.
            ("b.txt", Some("b.txt"), None, "b.txt"),
            ("b.txt", Some("b.txt"), None, "b.txt~2"),
            ("b.txt", Some("b.txt"), None, "b.txt~3"),
            ("7", Some("j1/r.jsonl"), Some(1), "7"),
            ("7", Some("j2/r.jsonl"), Some(4), "j2/r.jsonl:4"),
            ("stdin", None, None, "stdin"),
            ("stdin", None, None, "stdin~2"),
            ("7", None, Some(2), "stdin:2"),
        ];
        let mut ids = UniqueIds::default();
        for &(id, path, line, want) in cases {
            let mut d = doc(id, path, line);
            let renamed = ids.claim(&mut d);
            assert_eq!(d.id, want, "{id} from {path:?}");
            assert_eq!(renamed.is_some(), id != want, "{id} from {path:?}");
        }
    }

    #[test]
    fn warning_names_both_documents() {
        let mut ids = UniqueIds::default();
        assert_eq!(ids.claim(&mut doc("a.txt", Some("d1/a.txt"), None)), None);
        let renamed = ids
            .claim(&mut doc("a.txt", Some("d2/a.txt"), None))
            .unwrap();
        assert_eq!(
            renamed.to_string(),
            "document id \"a.txt\" of d2/a.txt is already used by d1/a.txt; d2/a.txt is read as \"d2/a.txt\""
        );
    }
}
