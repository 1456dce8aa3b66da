//! JSON: the `newsgraph/1` document, the contract other tools rely on.
//!
//! ```text
//! {"schema": "newsgraph/1",
//!  "documents": [{"id", "bytes", "paragraphs", "sentences", "mentions", "quotes", "encoding", ..., "repairs": {...}}],
//!  "entities":  [{"id", "name", "type", "source", "mentions", "documents", "forms", ...properties}],
//!  "mentions":  [{"document", "entity", "start", "end", "text", "sentence", "title"?, "demonym"?, "ambiguous"?, "candidates"?}],
//!  "quotes":    [{"id", "document", "start", "end", "text", "kind", "speaker", "speaker_name", "speaker_mention", "cue", "about"}],
//!  "edges":     [{"source", "target", "relation", "weight", "documents", "evidence", "quotes"?}]}
//! ```
//! Arrays are streamed one element per line.

use super::{ExportOptions, GraphView};
use crate::graph::{EntityNode, Evidence, RelationEdge};
use crate::pipeline::Corpus;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

/// The schema tag written at the top of every JSON document.
pub const JSON_SCHEMA: &str = "newsgraph/1";

/// Keys of an entity object that a gazetteer property may not shadow.
const ENTITY_KEYS: &[&str] = &[
    "id",
    "name",
    "type",
    "source",
    "mentions",
    "documents",
    "forms",
];

struct EntityJson<'a>(&'a EntityNode);

impl Serialize for EntityJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &e.id)?;
        m.serialize_entry("name", &e.name)?;
        m.serialize_entry("type", &e.kind)?;
        m.serialize_entry("source", &e.source)?;
        m.serialize_entry("mentions", &e.mentions)?;
        m.serialize_entry("documents", &e.documents)?;
        m.serialize_entry("forms", &e.forms)?;
        for (k, v) in entity_properties(e) {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

#[derive(Serialize)]
struct EdgeJson<'a> {
    source: &'a str,
    target: &'a str,
    relation: &'static str,
    weight: u64,
    documents: &'a BTreeSet<String>,
    evidence: &'a [Evidence],
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    quotes: &'a BTreeSet<String>,
}

impl<'a> EdgeJson<'a> {
    fn new(s: &'a EntityNode, t: &'a EntityNode, e: &'a RelationEdge) -> Self {
        EdgeJson {
            source: &s.id,
            target: &t.id,
            relation: e.relation.as_str(),
            weight: e.weight,
            documents: &e.documents,
            evidence: &e.evidence,
            quotes: &e.quotes,
        }
    }
}

fn array<W: Write, T: Serialize>(
    w: &mut W,
    key: &str,
    items: impl IntoIterator<Item = T>,
    last: bool,
) -> io::Result<()> {
    write!(w, "{}:[", serde_json::to_string(key)?)?;
    // Each element is serialized into one reused buffer and written whole:
    // serde_json's many small writes stay out of the (dynamic) writer.
    let mut buf = Vec::with_capacity(4096);
    for (i, item) in items.into_iter().enumerate() {
        buf.clear();
        buf.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        serde_json::to_writer(&mut buf, &item)?;
        w.write_all(&buf)?;
    }
    w.write_all(if last { b"]\n" } else { b"],\n" })
}

/// Writes the corpus as one `newsgraph/1` JSON document.
///
/// ```
/// use newsgraph::{export::{write_json, ExportOptions}, Corpus, Document, Pipeline};
/// let p = Pipeline::builder().build().unwrap();
/// let mut c = Corpus::new();
/// c.add(p.analyze(&Document::from_text("d", "Moscow and Kyiv traded blame.")));
/// let mut out = Vec::new();
/// write_json(&c, &ExportOptions::new(), &mut out).unwrap();
/// let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
/// assert_eq!(v["schema"], "newsgraph/1");
/// assert_eq!(v["edges"][0]["relation"], "co_occurs");
/// ```
pub fn write_json(corpus: &Corpus, opts: &ExportOptions, w: &mut dyn Write) -> io::Result<()> {
    let GraphView { nodes, edges } = opts.view(corpus);
    let mut w = w;
    w.write_all(b"{\"schema\":")?;
    serde_json::to_writer(&mut w, JSON_SCHEMA)?;
    w.write_all(b",\n")?;
    array(&mut w, "documents", corpus.documents(), false)?;
    array(
        &mut w,
        "entities",
        nodes.iter().map(|e| EntityJson(e)),
        false,
    )?;
    // Under --top, the records of the entities left out go too.
    let all = nodes.len() == corpus.graph().entity_count();
    let kept: std::collections::HashSet<&str> = nodes.iter().map(|e| e.id.as_str()).collect();
    let keeps = |id: &Option<String>| all || id.as_deref().is_some_and(|i| kept.contains(i));
    array(
        &mut w,
        "mentions",
        corpus.mentions().iter().filter(|m| keeps(&m.entity)),
        false,
    )?;
    array(
        &mut w,
        "quotes",
        corpus.quotes().iter().filter(|q| keeps(&q.speaker)),
        false,
    )?;
    array(
        &mut w,
        "edges",
        edges.iter().map(|(s, t, e)| EdgeJson::new(s, t, e)),
        true,
    )?;
    w.write_all(b"}\n")
}

/// An entity's gazetteer properties as exported: not shadowing the fixed
/// keys, without the tagger-internal `weak` list.
pub(crate) fn entity_properties(e: &EntityNode) -> BTreeMap<&str, &str> {
    e.properties
        .iter()
        .filter(|(k, _)| !ENTITY_KEYS.contains(&k.as_str()) && k.as_str() != "weak")
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}
