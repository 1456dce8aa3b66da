//! Walking directories: recursive, sorted, following symbolic links, with
//! loops and unreadable entries reported and walked past.

use crate::error::Error;
use std::io;
use std::path::{Path, PathBuf};

/// What a walk found, in order.
#[derive(Debug)]
pub(super) enum Found {
    /// A file to read.
    File(PathBuf),
    /// Something that could not be walked; the walk went on.
    Error(Error),
}

enum Frame {
    /// A directory entry still to look at.
    Entry(PathBuf),
    /// All entries of the innermost open directory were looked at.
    Leave,
}

/// Walks `root` depth first, each directory's entries sorted by name, so
/// the result is the same on every run and every file system. Symbolic
/// links are followed; a link back to a directory being walked is reported
/// as a loop. Files whose name `wanted` refuses are counted in `skipped`.
pub(super) fn walk(root: &Path, wanted: impl Fn(&Path) -> bool, skipped: &mut u64) -> Vec<Found> {
    let mut found = Vec::new();
    // Canonical paths of the directories being walked, outermost first.
    let mut ancestors: Vec<PathBuf> = Vec::new();
    let mut stack = vec![Frame::Entry(root.to_path_buf())];
    while let Some(frame) = stack.pop() {
        let path = match frame {
            Frame::Leave => {
                ancestors.pop();
                continue;
            }
            Frame::Entry(path) => path,
        };
        // metadata() follows links; a dangling link is an error here.
        let md = match std::fs::metadata(&path) {
            Ok(md) => md,
            Err(e) => {
                found.push(Found::Error(Error::io(&path, e)));
                continue;
            }
        };
        if md.is_file() {
            if wanted(&path) {
                found.push(Found::File(path));
            } else {
                *skipped += 1;
            }
            continue;
        }
        if !md.is_dir() {
            // FIFOs, sockets, devices: never text files.
            *skipped += 1;
            continue;
        }
        let canonical = match std::fs::canonicalize(&path) {
            Ok(c) => c,
            Err(e) => {
                found.push(Found::Error(Error::io(&path, e)));
                continue;
            }
        };
        if ancestors.contains(&canonical) {
            let msg = format!("directory loop: leads back to {}", canonical.display());
            found.push(Found::Error(Error::io(&path, io::Error::other(msg))));
            continue;
        }
        match sorted_entries(&path, &mut found) {
            Some(entries) => {
                ancestors.push(canonical);
                stack.push(Frame::Leave);
                stack.extend(entries.into_iter().rev().map(Frame::Entry));
            }
            None => continue,
        }
    }
    found
}

/// The entries of `dir` sorted by name; errors on single entries go to
/// `found`. `None` when the directory cannot be read at all.
fn sorted_entries(dir: &Path, found: &mut Vec<Found>) -> Option<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            found.push(Found::Error(Error::io(dir, e)));
            return None;
        }
    };
    let mut paths = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(e) => found.push(Found::Error(Error::io(dir, e))),
        }
    }
    paths.sort();
    Some(paths)
}
