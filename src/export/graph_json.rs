//! JSON graph formats for graph tools: networkx node-link, Cytoscape.js
//! elements and JSON Lines. serde_json does all the escaping.

use super::model::{Edge, Node, PropertyGraph, PropsJson};
use super::ExportOptions;
use crate::pipeline::Corpus;
use std::io::{self, Write};

fn json<W: Write + ?Sized, T: serde::Serialize + ?Sized>(w: &mut W, v: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *w, v).map_err(io::Error::from)
}

fn node_link_node<W: Write + ?Sized>(w: &mut W, n: &Node<'_>) -> io::Result<()> {
    let labels: Vec<&str> = n.labels().collect();
    json(
        w,
        &PropsJson {
            extra: &[("id", &n.key), ("labels", &labels)],
            props: &n.props,
            skip: &[],
        },
    )
}

fn node_link_edge<W: Write + ?Sized>(w: &mut W, e: &Edge<'_>) -> io::Result<()> {
    let rel = e.rel.name();
    json(
        w,
        &PropsJson {
            extra: &[
                ("source", &e.source),
                ("target", &e.target),
                ("key", &rel),
                ("label", &rel),
            ],
            props: &e.props,
            skip: &[],
        },
    )
}

/// Writes networkx node-link JSON (`directed`, `multigraph`, `graph`,
/// `nodes`, and the edges twice: under `links`, which networkx 3.4 reads,
/// and under `edges`, which 3.6 reads). Edges are keyed by relationship
/// type, so `nx.node_link_graph(data)` gives a `MultiDiGraph`. A node's
/// `id` is its graph key (entity id, `quote:<id>`, `document:<id>`).
///
/// ```
/// use newsgraph::export::{write_node_link, ExportOptions};
/// use newsgraph::{Corpus, Document, Pipeline};
/// let p = Pipeline::builder().build().unwrap();
/// let mut c = Corpus::new();
/// c.add(p.analyze(&Document::from_text("d", "Moscow and Kyiv traded blame.")));
/// let mut out = Vec::new();
/// write_node_link(&c, &ExportOptions::new(), &mut out).unwrap();
/// let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
/// assert_eq!(v["links"], v["edges"]);
/// assert_eq!(v["nodes"][0]["id"], "kyiv");
/// ```
pub fn write_node_link(corpus: &Corpus, opts: &ExportOptions, w: &mut dyn Write) -> io::Result<()> {
    let pg = PropertyGraph::new(corpus, opts.view(corpus));
    w.write_all(
        b"{\"directed\":true,\"multigraph\":true,\"graph\":{\"name\":\"newsgraph\"},\n\"nodes\":[",
    )?;
    for (i, n) in pg.nodes().enumerate() {
        w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        node_link_node(w, &n)?;
    }
    for key in ["links", "edges"] {
        write!(w, "],\n\"{key}\":[")?;
        for (i, e) in pg.edges().enumerate() {
            w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
            node_link_edge(w, &e)?;
        }
    }
    w.write_all(b"]}\n")
}

/// Writes Cytoscape.js elements JSON: `{"elements": {"nodes": [{"data":
/// ...}], "edges": [{"data": ...}]}}`. Node data has `id` (the graph key),
/// `label` (the display name) and `labels`; edge data has `id`, `source`,
/// `target` and `label` (the relationship type). Every edge's endpoints
/// are among the nodes.
///
/// ```
/// use newsgraph::export::{write_cytoscape, ExportOptions};
/// use newsgraph::{Corpus, Document, Pipeline};
/// let p = Pipeline::builder().build().unwrap();
/// let mut c = Corpus::new();
/// c.add(p.analyze(&Document::from_text("d", "Moscow and Kyiv traded blame.")));
/// let mut out = Vec::new();
/// write_cytoscape(&c, &ExportOptions::new(), &mut out).unwrap();
/// let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
/// assert_eq!(v["elements"]["edges"][0]["data"]["label"], "CO_OCCURS");
/// ```
pub fn write_cytoscape(corpus: &Corpus, opts: &ExportOptions, w: &mut dyn Write) -> io::Result<()> {
    let pg = PropertyGraph::new(corpus, opts.view(corpus));
    w.write_all(b"{\"data\":{\"name\":\"newsgraph\"},\"elements\":{\"nodes\":[")?;
    for (i, n) in pg.nodes().enumerate() {
        w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        let labels: Vec<&str> = n.labels().collect();
        w.write_all(b"{\"group\":\"nodes\",\"data\":")?;
        json(
            w,
            &PropsJson {
                extra: &[("id", &n.key), ("label", &n.name), ("labels", &labels)],
                props: &n.props,
                skip: &[],
            },
        )?;
        w.write_all(b"}")?;
    }
    w.write_all(b"],\n\"edges\":[")?;
    for (i, e) in pg.edges().enumerate() {
        w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        w.write_all(b"{\"group\":\"edges\",\"data\":")?;
        let (id, rel) = (e.key(), e.rel.name());
        json(
            w,
            &PropsJson {
                extra: &[
                    ("id", &id),
                    ("source", &e.source),
                    ("target", &e.target),
                    ("label", &rel),
                ],
                props: &e.props,
                skip: &[],
            },
        )?;
        w.write_all(b"}")?;
    }
    w.write_all(b"]}}\n")
}

#[derive(serde::Serialize)]
struct EndJson<'a> {
    id: &'a str,
    labels: Vec<&'static str>,
}

fn end_labels(kind: super::model::NodeKind, sub: Option<&'static str>) -> Vec<&'static str> {
    std::iter::once(kind.label()).chain(sub).collect()
}

/// Writes JSON Lines in the shape Neo4j APOC's `apoc.export.json` writes
/// and `apoc.import.json` reads: one `{"type":"node","id","labels",
/// "properties"}` object per node, then one `{"type":"relationship","id",
/// "label","start":{"id","labels"},"end":{...},"properties"}` per edge.
///
/// ```
/// use newsgraph::export::{write_jsonl, ExportOptions};
/// use newsgraph::{Corpus, Document, Pipeline};
/// let p = Pipeline::builder().build().unwrap();
/// let mut c = Corpus::new();
/// c.add(p.analyze(&Document::from_text("d", "Moscow and Kyiv traded blame.")));
/// let mut out = Vec::new();
/// write_jsonl(&c, &ExportOptions::new(), &mut out).unwrap();
/// let first: serde_json::Value = serde_json::from_str(std::str::from_utf8(&out).unwrap().lines().next().unwrap()).unwrap();
/// assert_eq!(first["labels"], serde_json::json!(["Entity", "Place"]));
/// ```
pub fn write_jsonl(corpus: &Corpus, opts: &ExportOptions, w: &mut dyn Write) -> io::Result<()> {
    let pg = PropertyGraph::new(corpus, opts.view(corpus));
    for n in pg.nodes() {
        let labels: Vec<&str> = n.labels().collect();
        let props = PropsJson {
            extra: &[],
            props: &n.props,
            skip: &[],
        };
        json(
            w,
            &serde_json::json!({"type": "node", "id": n.key, "labels": labels, "properties": props}),
        )?;
        w.write_all(b"\n")?;
    }
    for e in pg.edges() {
        let (from, to) = e.rel.ends();
        let props = PropsJson {
            extra: &[],
            props: &e.props,
            skip: &[],
        };
        let start = EndJson {
            id: &e.source,
            labels: end_labels(from, e.source_sublabel),
        };
        let end = EndJson {
            id: &e.target,
            labels: end_labels(to, e.target_sublabel),
        };
        json(
            w,
            &serde_json::json!({"type": "relationship", "id": e.key(), "label": e.rel.name(),
                "start": start, "end": end, "properties": props}),
        )?;
        w.write_all(b"\n")?;
    }
    Ok(())
}
