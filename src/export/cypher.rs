//! A Cypher script of parameter-free `MERGE` statements that Neo4j
//! (cypher-shell), FalkorDB and Kùzu run as it is, one statement per
//! `;`-terminated item.
//!
//! Every string literal goes through [`CypherStr`]: single-quoted, with
//! only `\` and `'` escaped. UTF-8 and line breaks stay raw, because the
//! engines disagree on `\u` and `\n` escapes but all read raw text.

use super::model::{
    prop_key, Edge, Node, NodeKind, PropType, PropertyGraph, RelType, Schema, Value,
};
use super::ExportOptions;
use crate::pipeline::Corpus;
use std::fmt;
use std::io::{self, Write};

/// Which engine a Cypher script is for: they differ in schema statements
/// (constraints, indexes, Kùzu's typed tables) and in Kùzu's lack of
/// multiple labels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum CypherDialect {
    /// Neo4j 5 (cypher-shell, Browser): uniqueness constraints on `id`.
    #[default]
    Neo4j,
    /// FalkorDB: an index on `id` per label.
    FalkorDb,
    /// Kùzu / Ladybug: `CREATE NODE TABLE` / `REL TABLE` first; entities
    /// in one `Entity` table with a `type` column instead of extra labels.
    Kuzu,
}

/// Displays a Cypher string literal: `'...'` with `\` and `'` escaped.
///
/// ```
/// use newsgraph::export::CypherStr;
/// assert_eq!(CypherStr("O'Neil \\ \"Zoë\"\nJr.").to_string(), "'O\\'Neil \\\\ \"Zoë\"\nJr.'");
/// ```
pub struct CypherStr<'a>(pub &'a str);

impl fmt::Display for CypherStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("'")?;
        let s = self.0;
        let mut last = 0;
        for (i, c) in s.char_indices() {
            let rep = match c {
                '\\' => "\\\\",
                '\'' => "\\'",
                _ => continue,
            };
            f.write_str(&s[last..i])?;
            f.write_str(rep)?;
            last = i + 1;
        }
        f.write_str(&s[last..])?;
        f.write_str("'")
    }
}

/// A property name in backticks (keys are already `[A-Za-z0-9_]`; the
/// backticks keep keywords such as `end` usable).
struct Ident<'a>(&'a str);

impl fmt::Display for Ident<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`", prop_key(self.0))
    }
}

struct Literal<'a, 'v>(&'a Value<'v>);

impl fmt::Display for Literal<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Value::Str(s) => CypherStr(s).fmt(f),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) if x.is_finite() => write!(f, "{x:?}"),
            Value::Float(_) => f.write_str("null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::List(items) => {
                f.write_str("[")?;
                for (i, s) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    CypherStr(s).fmt(f)?;
                }
                f.write_str("]")
            }
        }
    }
}

fn kuzu_type(t: PropType) -> &'static str {
    match t {
        PropType::Bool => "BOOLEAN",
        PropType::Int => "INT64",
        PropType::Float => "DOUBLE",
        PropType::Str => "STRING",
        PropType::List => "STRING[]",
    }
}

fn write_schema(w: &mut dyn Write, dialect: CypherDialect, schema: &Schema) -> io::Result<()> {
    for kind in NodeKind::ALL {
        let label = kind.label();
        match dialect {
            CypherDialect::Neo4j => writeln!(
                w,
                "CREATE CONSTRAINT newsgraph_{}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE;",
                label.to_lowercase()
            )?,
            CypherDialect::FalkorDb => writeln!(w, "CREATE INDEX FOR (n:{label}) ON (n.id);")?,
            CypherDialect::Kuzu => {
                write!(w, "CREATE NODE TABLE IF NOT EXISTS {label}(")?;
                for (k, t) in &schema.nodes[&kind] {
                    write!(w, "{} {}, ", Ident(k), kuzu_type(*t))?;
                }
                writeln!(w, "PRIMARY KEY(`id`));")?;
            }
        }
    }
    if dialect == CypherDialect::Kuzu {
        for rel in RelType::ALL {
            let (from, to) = rel.ends();
            write!(
                w,
                "CREATE REL TABLE IF NOT EXISTS {}(FROM {} TO {}",
                rel.name(),
                from.label(),
                to.label()
            )?;
            for (k, t) in &schema.edges[&rel] {
                write!(w, ", {} {}", Ident(k), kuzu_type(*t))?;
            }
            writeln!(w, ");")?;
        }
    }
    Ok(())
}

/// `SET x.a = 1, x.b = 'b'` for every property but `id` (empty lists are
/// left out: Kùzu cannot type them).
fn write_set(
    w: &mut dyn Write,
    var: &str,
    props: &[(std::borrow::Cow<'_, str>, Value<'_>)],
) -> io::Result<()> {
    let mut first = true;
    for (k, v) in props {
        if k == "id" || matches!(v, Value::List(l) if l.is_empty()) {
            continue;
        }
        w.write_all(if first { b" SET " } else { b", " })?;
        first = false;
        write!(w, "{var}.{} = {}", Ident(k), Literal(v))?;
    }
    Ok(())
}

fn write_node(w: &mut dyn Write, dialect: CypherDialect, n: &Node<'_>) -> io::Result<()> {
    let labels: String = match dialect {
        CypherDialect::Kuzu => n.kind.label().to_string(),
        _ => n.labels().collect::<Vec<_>>().join(":"),
    };
    write!(w, "MERGE (n:{labels} {{id: {}}})", CypherStr(n.id))?;
    write_set(w, "n", &n.props)?;
    w.write_all(b";\n")
}

fn write_edge(w: &mut dyn Write, e: &Edge<'_>) -> io::Result<()> {
    let (from, to) = e.rel.ends();
    write!(
        w,
        "MATCH (a:{} {{id: {}}}) MATCH (b:{} {{id: {}}}) MERGE (a)-[r:{}]->(b)",
        from.label(),
        CypherStr(e.source_id),
        to.label(),
        CypherStr(e.target_id),
        e.rel.name()
    )?;
    write_set(w, "r", &e.props)?;
    w.write_all(b";\n")
}

/// Writes the graph as a Cypher script for `dialect`: schema statements,
/// then one `MERGE` per node and one `MATCH ... MATCH ... MERGE` per relationship
/// (two MATCH clauses rather than a comma: no cartesian-product warning),
/// each ending with `;` and a line break. Running it twice leaves the
/// same graph (properties are `SET`, not added).
///
/// Statements are separated by `;` at the end of a line; a quotation may
/// itself hold `;` and line breaks inside a string literal, so split with
/// a reader that knows quoting (cypher-shell does; see docs/exports.md for
/// FalkorDB).
///
/// ```
/// use newsgraph::export::{write_cypher, CypherDialect, ExportOptions};
/// use newsgraph::{Corpus, Document, Pipeline};
/// let p = Pipeline::builder().build().unwrap();
/// let mut c = Corpus::new();
/// c.add(p.analyze(&Document::from_text("d", "Moscow and Kyiv traded blame.")));
/// let mut out = Vec::new();
/// write_cypher(&c, &ExportOptions::new(), CypherDialect::FalkorDb, &mut out).unwrap();
/// let script = String::from_utf8(out).unwrap();
/// assert!(script.contains("MERGE (n:Entity:Place {id: 'kyiv'}) SET n.`name` = 'Kyiv'"));
/// assert!(script.contains("MATCH (a:Entity {id: 'kyiv'}) MATCH (b:Entity {id: 'moscow'}) MERGE (a)-[r:CO_OCCURS]->(b)"));
/// ```
pub fn write_cypher(
    corpus: &Corpus,
    opts: &ExportOptions,
    dialect: CypherDialect,
    w: &mut dyn Write,
) -> io::Result<()> {
    let pg = PropertyGraph::new(corpus, opts.view(corpus));
    write_schema(w, dialect, &pg.schema())?;
    for n in pg.nodes() {
        write_node(w, dialect, &n)?;
    }
    for e in pg.edges() {
        write_edge(w, &e)?;
    }
    Ok(())
}
