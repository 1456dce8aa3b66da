//! Export: one module a format, each streaming to an `io::Write` and
//! escaping in one place.
//!
//! JSON ([`write_json`]) is the newsgraph contract and reads back with
//! [`read_json`] (for merging shards). DOT is for Graphviz. Every other
//! format writes the same property graph (see the `model` module):
//! entities, quotations and documents as nodes; CO_OCCURS, QUOTED_ABOUT,
//! SAID, ABOUT and MENTIONS as relationships:
//! GraphML, GEXF, networkx node-link, Cytoscape.js, Cypher (Neo4j,
//! FalkorDB, Kùzu), neo4j-admin CSV, N-Triples, Turtle, JSON Lines.

mod csv;
mod cypher;
mod dot;
mod graph_json;
mod json;
mod json_read;
mod model;
mod neo4j_csv;
mod rdf;
mod xml;

pub use csv::write_csv_record;
pub use cypher::{write_cypher, CypherDialect, CypherStr};
pub use dot::{quote as dot_quote, write_dot};
pub use graph_json::{write_cytoscape, write_jsonl, write_node_link};
pub use json::{write_json, JSON_SCHEMA};
pub use json_read::{read_json, read_json_file};
pub use neo4j_csv::{
    write_neo4j_csv, write_neo4j_nodes, write_neo4j_relationships, NEO4J_IMPORT_COMMAND,
};
pub use rdf::{escape_literal, iri_part, write_ntriples, write_turtle, RDF_BASE};
pub use xml::{write_gexf, write_graphml};

use crate::error::{Error, Result};
use crate::graph::{EntityNode, RelationEdge};
use crate::pipeline::Corpus;
use std::collections::HashSet;
use std::io::{self, Write};
use std::path::Path;

/// Which parts of the graph an export includes.
#[derive(Clone, Debug, Default)]
pub struct ExportOptions {
    min_weight: u64,
    top: Option<usize>,
}

impl ExportOptions {
    /// Everything.
    pub fn new() -> ExportOptions {
        ExportOptions::default()
    }

    /// Drops edges lighter than `w`.
    pub fn min_weight(&mut self, w: u64) -> &mut Self {
        self.min_weight = w;
        self
    }

    /// Keeps only the `n` most-mentioned entities (ties by id).
    pub fn top(&mut self, n: Option<usize>) -> &mut Self {
        self.top = n;
        self
    }

    /// The selected nodes (sorted by id) and the edges among them (sorted).
    pub(crate) fn view<'a>(&self, corpus: &'a Corpus) -> GraphView<'a> {
        let graph = corpus.graph();
        let mut nodes = graph.entities();
        if let Some(n) = self.top {
            let mut ranked = nodes.clone();
            ranked.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.id.cmp(&b.id)));
            let keep: HashSet<&str> = ranked.iter().take(n).map(|e| e.id.as_str()).collect();
            nodes.retain(|e| keep.contains(e.id.as_str()));
        }
        let keep: HashSet<&str> = nodes.iter().map(|e| e.id.as_str()).collect();
        let edges = graph
            .edges()
            .filter(|(s, t, e)| {
                e.weight >= self.min_weight
                    && keep.contains(s.id.as_str())
                    && keep.contains(t.id.as_str())
            })
            .collect();
        GraphView { nodes, edges }
    }
}

/// The part of a graph an export writes.
pub(crate) struct GraphView<'a> {
    pub(crate) nodes: Vec<&'a EntityNode>,
    pub(crate) edges: Vec<(&'a EntityNode, &'a EntityNode, &'a RelationEdge)>,
}

/// Writes a file completely or not at all: the content goes to a temporary
/// file in the same directory, which is renamed over `path` only when
/// `write` succeeded.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("out.txt");
/// newsgraph::export::write_atomic(&path, |w| w.write_all(b"done")).unwrap();
/// assert_eq!(std::fs::read(&path).unwrap(), b"done");
/// let failed = newsgraph::export::write_atomic(dir.path().join("x.txt"), |_| {
///     Err(std::io::Error::other("broken"))
/// });
/// assert!(failed.is_err());
/// assert!(!dir.path().join("x.txt").exists());
/// ```
pub fn write_atomic(
    path: impl AsRef<Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let path = path.as_ref();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".newsgraph-").suffix(".tmp");
    // The file an ordinary create would make (mode 0666 less the umask),
    // or the mode of the file it replaces; not the temporary file's 0600.
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| Error::io(path, e))?;
    if let Some(perms) = existing {
        tmp.as_file()
            .set_permissions(perms)
            .map_err(|e| Error::io(path, e))?;
    }
    {
        let mut w = io::BufWriter::new(tmp.as_file_mut());
        write(&mut w).map_err(|e| Error::io(path, e))?;
        w.flush().map_err(|e| Error::io(path, e))?;
    }
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// A writer that remembers the first error and swallows the rest, for
/// writers (such as dot-writer's) that cannot report errors themselves.
pub(crate) struct ErrorLatch<W> {
    inner: W,
    error: Option<io::Error>,
}

impl<W: Write> ErrorLatch<W> {
    pub(crate) fn new(inner: W) -> Self {
        ErrorLatch { inner, error: None }
    }

    pub(crate) fn finish(mut self) -> io::Result<()> {
        match self.error.take() {
            Some(e) => Err(e),
            None => self.inner.flush(),
        }
    }
}

impl<W: Write> Write for ErrorLatch<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.error.is_none() {
            if let Err(e) = self.inner.write_all(buf) {
                self.error = Some(e);
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
