//! Ingest: encodings, binary files, JSON Lines, directory walks, errors.
//!
//! Every fixture is written by the test into a temporary directory.

use newsgraph::normalize::repair;
use newsgraph::{Document, DocumentReader, Error, Input};
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn read(inputs: impl IntoIterator<Item = Input>) -> (Vec<Document>, Vec<Error>, u64) {
    let mut reader = DocumentReader::new(inputs);
    let (mut docs, mut errors) = (Vec::new(), Vec::new());
    for item in reader.by_ref() {
        match item {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(e),
        }
    }
    (docs, errors, reader.skipped_files())
}

fn read_one(path: &Path) -> Result<Document, Error> {
    let mut all: Vec<_> = DocumentReader::new([Input::Path(path.to_path_buf())]).collect();
    assert_eq!(all.len(), 1, "{}", path.display());
    all.pop().unwrap()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        let pair = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

#[test]
#[rustfmt::skip]
fn encodings_table() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Caf\u{e9} \u{201C}Kyiv\u{201D} \u{2014} Erdo\u{11f}an";
    // (file, bytes, text, encoding, bom, transcoded)
    type Case<'a> = (&'a str, Vec<u8>, &'a str, &'a str, bool, bool);
    let cases: Vec<Case> = vec![
        ("plain.txt", text.as_bytes().to_vec(), text, "utf-8", false, false),
        ("bom.txt", [b"\xEF\xBB\xBF", text.as_bytes()].concat(), text, "utf-8", true, false),
        ("le.txt", utf16(text, false), text, "utf-16le", true, true),
        ("be.txt", utf16(text, true), text, "utf-16be", true, true),
        ("cp1252.txt", b"caf\xe9 \x93ok\x94".to_vec(), "caf\u{e9} \u{201C}ok\u{201D}", "windows-1252", false, true),
        ("mixed.txt", b"na\xC3\xAFve caf\xE9".to_vec(), "na\u{ef}ve caf\u{e9}", "utf-8+windows-1252", false, true),
        ("empty.txt", Vec::new(), "", "utf-8", false, false),
        ("only-bom.txt", b"\xEF\xBB\xBF".to_vec(), "", "utf-8", true, false),
    ];
    for (name, bytes, want, encoding, bom, transcoded) in cases {
        let path = write(dir.path(), name, bytes);
        let doc = read_one(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(doc.id, name);
        assert_eq!(doc.text, want, "{name}");
        assert_eq!(doc.meta.encoding, encoding, "{name}");
        assert_eq!(
            (doc.meta.bom, doc.meta.transcoded),
            (bom, transcoded),
            "{name}"
        );
        assert_eq!(doc.meta.path.as_deref(), Some(path.as_path()));
    }
}

#[test]
fn binary_file_is_skipped_with_path_and_byte() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Before.");
    let bin = write(dir.path(), "b.txt", b"GIF89a\x00\x01rest");
    write(dir.path(), "c.txt", "After.");
    let (docs, errors, _) = read([Input::Path(dir.path().to_path_buf())]);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a.txt", "c.txt"]);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path(), Some(bin.as_path()));
    assert_eq!(errors[0].byte(), Some(6));
    assert!(errors[0].to_string().contains("byte 6"), "{}", errors[0]);
}

#[test]
fn jsonl_with_a_broken_line_in_the_middle() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"id": "r1", "text": "Moscow said no.", "source": "Wire", "date": "2024-05-01"}"#,
        "",
        r#"{"text": "No id here.", "url": "https://example.org/2"}"#,
        r#"{"text": "unterminated"#,
        r#"{"title": "Talks end", "text": "Kyiv waits.", "id": 44}"#,
        r#"{"text": ["not", "a", "string"]}"#,
        r#"{"text": "Last."}"#,
    ];
    let path = write(dir.path(), "feed.jsonl", lines.join("\n"));
    let (docs, errors, _) = read([Input::Path(path.clone())]);

    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["r1", "feed.jsonl:3", "44", "feed.jsonl:7"]);
    let bad_lines: Vec<Option<u64>> = errors.iter().map(|e| e.line()).collect();
    assert_eq!(bad_lines, [Some(4), Some(6)]);
    for e in &errors {
        assert_eq!(e.path(), Some(path.as_path()));
        assert!(
            e.to_string().starts_with(&format!("{}:", path.display())),
            "{e}"
        );
    }

    let r1 = &docs[0];
    assert_eq!(r1.text, "Moscow said no.");
    assert_eq!(r1.meta.source.as_deref(), Some("Wire"));
    assert_eq!(r1.meta.date.as_deref(), Some("2024-05-01"));
    assert_eq!(r1.meta.line, Some(1));
    assert_eq!(r1.meta.path.as_deref(), Some(path.as_path()));
    assert_eq!(docs[1].meta.url.as_deref(), Some("https://example.org/2"));

    let titled = &docs[2];
    assert_eq!(titled.text, "Talks end\n\nKyiv waits.");
    assert_eq!(titled.meta.title.as_deref(), Some("Talks end"));
    let body = titled.meta.body_offset.unwrap();
    assert_eq!(&titled.text[body..], "Kyiv waits.");
    assert_eq!(docs[1].meta.body_offset, None);

    let json = serde_json::to_value(&titled.meta).unwrap();
    assert_eq!(json["body_offset"], 11);
    assert_eq!(json["encoding"], "utf-8");
}

#[test]
fn directory_walk_is_sorted_and_counts_skipped_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "b.md", "B");
    write(root, "a.txt", "A");
    write(root, "sub/c.text", "C");
    write(root, "sub/deeper/d.TXT", "D");
    write(root, "e.jsonl", "{\"text\": \"E\"}\n");
    write(root, "photo.png", [0x89, b'P']);
    write(root, "page.html", "<p>");
    write(root, "sub/notes.docx", "x");
    let (docs, errors, skipped) = read([Input::Path(root.to_path_buf())]);
    assert!(errors.is_empty(), "{errors:?}");
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "a.txt",
            "b.md",
            "e.jsonl:1",
            "sub/c.text",
            "sub/deeper/d.TXT"
        ]
    );
    assert_eq!(skipped, 3);
}

#[test]
fn file_given_directly_is_read_whatever_its_extension() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "nested/story.html", "Text.");
    let doc = read_one(&path).unwrap();
    assert_eq!(doc.id, "story.html");
}

#[test]
fn missing_input_is_an_error_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let ok = write(dir.path(), "ok.txt", "Fine.");
    let missing = dir.path().join("missing.txt");
    let (docs, errors, _) = read([Input::Path(missing.clone()), Input::Path(ok)]);
    assert_eq!(docs.len(), 1);
    assert_eq!(errors[0].path(), Some(missing.as_path()));
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_reported_and_walk_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a/one.txt", "1");
    write(root, "z.txt", "2");
    let link = root.join("a/back");
    std::os::unix::fs::symlink(root, &link).unwrap();
    // A link to a file is followed like the file.
    std::os::unix::fs::symlink(root.join("z.txt"), root.join("a/linked.txt")).unwrap();
    let (docs, errors, _) = read([Input::Path(root.to_path_buf())]);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a/linked.txt", "a/one.txt", "z.txt"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path(), Some(link.as_path()));
    assert!(errors[0].to_string().contains("loop"), "{}", errors[0]);
}

/// Paths that cannot be read whoever runs the test (root included): a
/// dangling link met in a walk, and a path under a file given directly.
/// A file and a directory with no permissions are unreadable too, except
/// for root (as CI runs), who reads them; both outcomes are asserted.
#[cfg(unix)]
#[test]
fn unreadable_file_and_directory_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let secret = write(root, "b-secret.txt", "hidden");
    let locked = root.join("c-locked");
    write(root, "c-locked/inside.txt", "inside");
    write(root, "a.txt", "A");
    write(root, "d.txt", "D");
    let dangling = root.join("e-dangling.txt");
    std::os::unix::fs::symlink(root.join("gone.txt"), &dangling).unwrap();
    let under_file = root.join("a.txt/inner.txt");
    let set = |p: &Path, mode| std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode));
    set(&secret, 0o000).unwrap();
    set(&locked, 0o000).unwrap();
    let denied = std::fs::read(&secret).is_err();
    let (docs, errors, _) = read([
        Input::Path(root.to_path_buf()),
        Input::Path(under_file.clone()),
    ]);
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["entities", "-f", "tsv"])
        .arg(root)
        .output()
        .unwrap();
    set(&locked, 0o755).unwrap();
    set(&secret, 0o644).unwrap();

    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let paths: Vec<&Path> = errors.iter().map(|e| e.path().unwrap()).collect();
    let mut unreadable = vec![dangling.as_path(), under_file.as_path()];
    if denied {
        assert_eq!(ids, ["a.txt", "d.txt"]);
        unreadable.splice(0..0, [secret.as_path(), locked.as_path()]);
    } else {
        assert_eq!(
            ids,
            ["a.txt", "b-secret.txt", "c-locked/inside.txt", "d.txt"]
        );
    }
    assert_eq!(paths, unreadable, "{errors:?}");
    for e in &errors {
        let line = e.to_string();
        assert!(
            line.starts_with(&format!("{}: ", e.path().unwrap().display())),
            "{line}"
        );
        assert!(!line.contains('\n'), "{line:?}");
    }

    // The command reports each skipped path on one line, goes on, exits 1.
    assert_eq!(cli.status.code(), Some(1));
    let err = String::from_utf8_lossy(&cli.stderr);
    let skipped: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("newsgraph: skipped: "))
        .collect();
    let walked = &unreadable[..unreadable.len() - 1];
    assert_eq!(skipped.len(), walked.len(), "{err}");
    for (line, path) in skipped.iter().zip(walked) {
        assert!(
            line.starts_with(&format!("newsgraph: skipped: {}: ", path.display())),
            "{err}"
        );
    }
    assert!(
        err.contains(&format!("{} documents read", ids.len())),
        "{err}"
    );
}

#[test]
fn ten_megabyte_line_goes_through_ingest_and_repair() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "Kyiv\u{0E42}s mayor said \u{0E42}no\u{0E42} to caf\u{c3}\u{a9} owners. ";
    let line = sentence.repeat(10_000_000 / sentence.len() + 1);
    let path = write(dir.path(), "long.txt", &line);
    let doc = read_one(&path).unwrap();
    assert!(doc.text.len() >= 10_000_000);
    assert!(!doc.text.contains('\n'));
    let r = repair(&doc.text);
    assert!(r
        .text
        .starts_with("Kyiv\u{2019}s mayor said \u{201C}no\u{201D} to caf\u{e9} owners."));
    assert!(r.repairs.lossy_punctuation > 0 && r.repairs.mojibake > 0);

    let record = format!("{{\"text\": \"{line}\"}}");
    let path = write(dir.path(), "long.jsonl", record);
    let doc = read_one(&path).unwrap();
    assert_eq!(doc.text, line);
}

#[test]
fn reader_is_send() {
    fn is_send<T: Send>() {}
    is_send::<DocumentReader>();
    is_send::<Document>();
}
