//! `neo4j-admin database import` CSV: `nodes.csv` and `relationships.csv`
//! with typed headers, RFC 4180 quoting through [`write_csv_record`], and
//! a README with the exact import command, written into a directory
//! atomically.

use super::model::{PropType, PropertyGraph, Value};
use super::{write_csv_record, ExportOptions};
use crate::error::{Error, Result};
use crate::pipeline::Corpus;
use std::borrow::Cow;
use std::io::{self, BufWriter, Write};
use std::path::Path;

fn header_type(t: PropType) -> &'static str {
    match t {
        PropType::Bool => "boolean",
        PropType::Int => "long",
        PropType::Float => "double",
        PropType::Str => "string",
        PropType::List => "string[]",
    }
}

/// The text of one CSV cell: lists `;`-joined (neo4j-admin's default
/// array delimiter), absent values empty (no property).
fn cell<'v>(v: Option<&'v Value<'_>>) -> Cow<'v, str> {
    v.map(Value::to_text).unwrap_or(Cow::Borrowed(""))
}

/// Writes `nodes.csv`: `:ID` (the graph key), every property with its
/// type (`mentions:long`, `documents:string[]`), then `:LABEL`
/// (`Entity;Person`).
pub fn write_neo4j_nodes(
    corpus: &Corpus,
    opts: &ExportOptions,
    w: &mut dyn Write,
) -> io::Result<()> {
    let pg = PropertyGraph::new(corpus, opts.view(corpus));
    let cols = pg.schema().node_columns();
    let header: Vec<String> = std::iter::once(":ID".to_string())
        .chain(cols.iter().map(|(k, t)| format!("{k}:{}", header_type(*t))))
        .chain(std::iter::once(":LABEL".to_string()))
        .collect();
    write_csv_record(w, header.iter().map(String::as_str))?;
    for n in pg.nodes() {
        let labels = n.labels().collect::<Vec<_>>().join(";");
        let cells: Vec<Cow<'_, str>> = std::iter::once(Cow::Borrowed(n.key.as_ref()))
            .chain(
                cols.iter()
                    .map(|(k, _)| cell(n.props.iter().find(|(p, _)| p == k).map(|(_, v)| v))),
            )
            .chain(std::iter::once(Cow::Owned(labels)))
            .collect();
        write_csv_record(w, cells.iter().map(|c| c.as_ref()))?;
    }
    Ok(())
}

/// Writes `relationships.csv`: `:START_ID`, `:END_ID`, `:TYPE`, then every
/// relationship property with its type.
pub fn write_neo4j_relationships(
    corpus: &Corpus,
    opts: &ExportOptions,
    w: &mut dyn Write,
) -> io::Result<()> {
    let pg = PropertyGraph::new(corpus, opts.view(corpus));
    let cols = pg.schema().edge_columns();
    let header: Vec<String> = [":START_ID", ":END_ID", ":TYPE"]
        .into_iter()
        .map(String::from)
        .chain(cols.iter().map(|(k, t)| format!("{k}:{}", header_type(*t))))
        .collect();
    write_csv_record(w, header.iter().map(String::as_str))?;
    for e in pg.edges() {
        let cells: Vec<Cow<'_, str>> = [
            e.source.clone(),
            e.target.clone(),
            Cow::Borrowed(e.rel.name()),
        ]
        .into_iter()
        .chain(
            cols.iter()
                .map(|(k, _)| cell(e.props.iter().find(|(p, _)| p == k).map(|(_, v)| v))),
        )
        .collect();
        write_csv_record(w, cells.iter().map(|c| c.as_ref()))?;
    }
    Ok(())
}

/// The import command for a directory written by [`write_neo4j_csv`].
pub const NEO4J_IMPORT_COMMAND: &str = "neo4j-admin database import full \
--nodes=nodes.csv --relationships=relationships.csv \
--multiline-fields=true --array-delimiter=';' --id-type=string --overwrite-destination neo4j";

fn readme(w: &mut dyn Write) -> io::Result<()> {
    write!(
        w,
        "# newsgraph export for neo4j-admin\n\n\
`nodes.csv` holds entities (`Entity;Person|Place|Organization`), quotations\n\
(`Quote`) and documents (`Document`); `relationships.csv` holds CO_OCCURS,\n\
QUOTED_ABOUT, SAID, ABOUT and MENTIONS. `:ID` is the graph key (entity id,\n\
`quote:<id>`, `document:<id>`); the `id` property is the plain id.\n\n\
Stop the database, then run from this directory (quotations span lines, so\n\
`--multiline-fields=true` is required):\n\n\
```sh\n{NEO4J_IMPORT_COMMAND}\n```\n\n\
Afterwards, for fast lookups by id:\n\n\
```cypher\n\
CREATE CONSTRAINT newsgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n\
CREATE CONSTRAINT newsgraph_quote_id IF NOT EXISTS FOR (n:Quote) REQUIRE n.id IS UNIQUE;\n\
CREATE CONSTRAINT newsgraph_document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;\n\
```\n"
    )
}

/// Writes `nodes.csv`, `relationships.csv` and `README.md` into `dir`,
/// completely or not at all: the files go to a temporary directory next to
/// `dir`, which then replaces it.
///
/// ```
/// use newsgraph::export::{write_neo4j_csv, ExportOptions};
/// use newsgraph::{Corpus, Document, Pipeline};
/// let p = Pipeline::builder().build().unwrap();
/// let mut c = Corpus::new();
/// c.add(p.analyze(&Document::from_text("d", "Moscow and Kyiv traded blame.")));
/// let dir = tempfile::tempdir().unwrap();
/// write_neo4j_csv(&c, &ExportOptions::new(), dir.path().join("import")).unwrap();
/// let nodes = std::fs::read_to_string(dir.path().join("import/nodes.csv")).unwrap();
/// assert!(nodes.starts_with(":ID,id:string,name:string,"));
/// ```
pub fn write_neo4j_csv(corpus: &Corpus, opts: &ExportOptions, dir: impl AsRef<Path>) -> Result<()> {
    let dir = dir.as_ref();
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".newsgraph-");
    // An ordinary directory (0777 less the umask), not a private 0700 one.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o777));
    }
    let tmp = builder.tempdir_in(parent).map_err(|e| Error::io(dir, e))?;
    type Writer<'a> = &'a dyn Fn(&mut dyn Write) -> io::Result<()>;
    let files: [(&str, Writer<'_>); 3] = [
        ("nodes.csv", &|w| write_neo4j_nodes(corpus, opts, w)),
        ("relationships.csv", &|w| {
            write_neo4j_relationships(corpus, opts, w)
        }),
        ("README.md", &|w| readme(w)),
    ];
    for (name, write) in files {
        let path = tmp.path().join(name);
        let file = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
        let mut w = BufWriter::new(file);
        write(&mut w)
            .and_then(|_| w.flush())
            .map_err(|e| Error::io(&path, e))?;
        w.get_ref().sync_all().map_err(|e| Error::io(&path, e))?;
    }
    let tmp = tmp.keep();
    replace_dir(&tmp, dir).inspect_err(|_| {
        let _ = std::fs::remove_dir_all(&tmp);
    })
}

/// Moves `new` to `dir`; an existing `dir` (only if it holds nothing but a
/// previous export) is moved aside first and removed after.
fn replace_dir(new: &Path, dir: &Path) -> Result<()> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(Error::io(
                dir,
                io::Error::other("exists and is not a directory"),
            ));
        }
        let ours = ["nodes.csv", "relationships.csv", "README.md"];
        for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
            let name = entry.map_err(|e| Error::io(dir, e))?.file_name();
            if !ours.iter().any(|o| name == *o) {
                return Err(Error::io(
                    dir,
                    io::Error::other(
                        "directory holds files other than a neo4j-csv export; not replacing it",
                    ),
                ));
            }
        }
        let old = new.with_extension("old");
        std::fs::rename(dir, &old).map_err(|e| Error::io(dir, e))?;
        std::fs::rename(new, dir).map_err(|e| Error::io(dir, e))?;
        std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
    } else {
        std::fs::rename(new, dir).map_err(|e| Error::io(dir, e))?;
    }
    Ok(())
}
