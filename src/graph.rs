//! The graph: one node per entity, undirected `co_occurs` edges weighted by
//! the number of windows two entities share, and directed `quoted_about`
//! edges from a speaker to the entities their quotations are about.
//!
//! Graphs built from separate runs merge by entity id into the same graph
//! one run over all documents would give: node and edge order in every
//! export is sorted by id, so output does not depend on the order in which
//! documents were processed.

use crate::gazetteer::EntityType;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Most pieces of evidence kept per edge.
pub const EVIDENCE_CAP: usize = 5;

/// Where an entity came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntitySource {
    /// Listed in a gazetteer.
    Gazetteer,
    /// Found in the text as a speaker the gazetteer lacks.
    Inferred,
}

/// An entity node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityNode {
    /// Stable id: the gazetteer id, or `inferred:<slug>`.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Person, place or organization.
    pub kind: EntityType,
    /// Gazetteer or inferred.
    pub source: EntitySource,
    /// Number of mentions over all documents.
    pub mentions: u64,
    /// Ids of the documents that mention it.
    pub documents: BTreeSet<String>,
    /// Surface forms seen, with counts.
    pub forms: BTreeMap<String, u64>,
    /// Gazetteer properties (wikidata, role, ...), non-empty values only;
    /// shared, since every document's node of an entity holds the same.
    pub properties: Arc<BTreeMap<String, String>>,
}

/// The kind of relation an edge stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Undirected: both entities appear in one window.
    CoOccurs,
    /// Directed: the source was quoted about the target.
    QuotedAbout,
}

impl Relation {
    /// The name used in outputs.
    pub fn as_str(&self) -> &'static str {
        match self {
            Relation::CoOccurs => "co_occurs",
            Relation::QuotedAbout => "quoted_about",
        }
    }
}

/// A piece of evidence behind an edge: a window (or quotation) span.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Evidence {
    /// Document id.
    pub document: String,
    /// Start byte of the window in the document's original text.
    pub start: usize,
    /// End byte.
    pub end: usize,
}

/// An edge between two entities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelationEdge {
    /// What the edge means.
    pub relation: Relation,
    /// Number of windows shared (co_occurs) or quotations (quoted_about).
    pub weight: u64,
    /// Ids of the documents behind the edge.
    pub documents: BTreeSet<String>,
    /// Up to [`EVIDENCE_CAP`] spans, the first by (document, start).
    pub evidence: Vec<Evidence>,
    /// Quote ids (quoted_about only).
    pub quotes: BTreeSet<String>,
}

/// The entity graph of a corpus.
///
/// ```
/// use newsgraph::{EntityGraph, EntityType};
/// use newsgraph::graph::{EntityNode, EntitySource, Relation};
/// let node = |id: &str| EntityNode {
///     id: id.into(), name: id.into(), kind: EntityType::Place, source: EntitySource::Gazetteer,
///     mentions: 1, documents: ["d1".to_string()].into(), forms: Default::default(), properties: Default::default(),
/// };
/// let mut g = EntityGraph::new();
/// let a = g.add_entity(node("kyiv"));
/// let b = g.add_entity(node("moscow"));
/// g.add_edge(a, b, Relation::CoOccurs, 1, "d1", None, None);
/// g.add_edge(b, a, Relation::CoOccurs, 2, "d2", None, None);
/// let edges: Vec<_> = g.edges().collect();
/// assert_eq!(edges.len(), 1);
/// assert_eq!(edges[0].2.weight, 3);
/// ```
#[derive(Clone, Debug, Default)]
pub struct EntityGraph {
    graph: StableDiGraph<EntityNode, RelationEdge>,
    by_id: HashMap<String, NodeIndex>,
    edge_index: HashMap<(NodeIndex, NodeIndex, Relation), EdgeIndex>,
}

impl EntityGraph {
    /// An empty graph.
    pub fn new() -> EntityGraph {
        EntityGraph::default()
    }

    /// Adds an entity node, or merges it into the node with the same id
    /// (counts summed, documents and forms united).
    pub fn add_entity(&mut self, node: EntityNode) -> NodeIndex {
        if let Some(&idx) = self.by_id.get(&node.id) {
            let n = &mut self.graph[idx];
            n.mentions += node.mentions;
            n.documents.extend(node.documents);
            for (form, c) in node.forms {
                *n.forms.entry(form).or_default() += c;
            }
            if !Arc::ptr_eq(&n.properties, &node.properties) {
                let props = Arc::make_mut(&mut n.properties);
                for (k, v) in node.properties.iter() {
                    props.entry(k.clone()).or_insert_with(|| v.clone());
                }
            }
            return idx;
        }
        let id = node.id.clone();
        let idx = self.graph.add_node(node);
        self.by_id.insert(id, idx);
        idx
    }

    /// The node with this id.
    pub fn node_index(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.get(id).copied()
    }

    /// The node at `idx`.
    pub fn node(&self, idx: NodeIndex) -> &EntityNode {
        &self.graph[idx]
    }

    /// Adds `weight` to the edge `a -> b` of `relation` (for co_occurs the
    /// pair is unordered), recording the document, evidence and quote id.
    #[allow(clippy::too_many_arguments)]
    pub fn add_edge(
        &mut self,
        a: NodeIndex,
        b: NodeIndex,
        relation: Relation,
        weight: u64,
        document: &str,
        evidence: Option<Evidence>,
        quote: Option<&str>,
    ) {
        let e = self.edge_mut(a, b, relation, weight, document, quote);
        if let Some(ev) = evidence {
            push_evidence(&mut e.evidence, ev);
        }
    }

    /// `add_edge` with evidence in `document` itself, `span` (start, end):
    /// the evidence is only allocated when the edge keeps it.
    pub(crate) fn add_edge_in(
        &mut self,
        a: NodeIndex,
        b: NodeIndex,
        relation: Relation,
        document: &str,
        span: (usize, usize),
        quote: Option<&str>,
    ) {
        let e = self.edge_mut(a, b, relation, 1, document, quote);
        push_evidence_in(&mut e.evidence, document, span);
    }

    /// The edge `a -> b` (created when new) with the weight, document and
    /// quote id added.
    fn edge_mut(
        &mut self,
        a: NodeIndex,
        b: NodeIndex,
        relation: Relation,
        weight: u64,
        document: &str,
        quote: Option<&str>,
    ) -> &mut RelationEdge {
        let (a, b) = if relation == Relation::CoOccurs && self.graph[a].id > self.graph[b].id {
            (b, a)
        } else {
            (a, b)
        };
        let idx = *self.edge_index.entry((a, b, relation)).or_insert_with(|| {
            self.graph.add_edge(
                a,
                b,
                RelationEdge {
                    relation,
                    weight: 0,
                    documents: BTreeSet::new(),
                    evidence: Vec::new(),
                    quotes: BTreeSet::new(),
                },
            )
        });
        let e = &mut self.graph[idx];
        e.weight += weight;
        if !e.documents.contains(document) {
            e.documents.insert(document.to_string());
        }
        if let Some(q) = quote {
            e.quotes.insert(q.to_string());
        }
        e
    }

    /// Merges `other` into this graph by entity id.
    pub fn merge(&mut self, other: EntityGraph) {
        let EntityGraph { mut graph, .. } = other;
        let mut map = HashMap::default();
        let nodes: Vec<NodeIndex> = graph.node_indices().collect();
        let edges: Vec<(NodeIndex, NodeIndex, RelationEdge)> = (&graph)
            .edge_references()
            .map(|e| (e.source(), e.target(), e.weight().clone()))
            .collect();
        for n in nodes {
            if let Some(node) = graph.remove_node(n) {
                map.insert(n, self.add_entity(node));
            }
        }
        for (s, t, e) in edges {
            let (s, t) = (map[&s], map[&t]);
            let mut evidence = e.evidence.into_iter();
            let mut docs = e.documents.into_iter();
            let first_doc = docs.next().unwrap_or_default();
            self.add_edge(
                s,
                t,
                e.relation,
                e.weight,
                &first_doc,
                evidence.next(),
                None,
            );
            let idx = self.edge_index[&self.key(s, t, e.relation)];
            let edge = &mut self.graph[idx];
            edge.documents.extend(docs);
            for ev in evidence {
                push_evidence(&mut edge.evidence, ev);
            }
            edge.quotes.extend(e.quotes);
        }
    }

    fn key(
        &self,
        a: NodeIndex,
        b: NodeIndex,
        relation: Relation,
    ) -> (NodeIndex, NodeIndex, Relation) {
        if relation == Relation::CoOccurs && self.graph[a].id > self.graph[b].id {
            (b, a, relation)
        } else {
            (a, b, relation)
        }
    }

    /// Entities sorted by id.
    pub fn entities(&self) -> Vec<&EntityNode> {
        let mut v: Vec<&EntityNode> = self.graph.node_weights().collect();
        // Ids are unique: an unstable sort gives the same order.
        v.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// Edges as (source, target, edge), sorted by relation, source id,
    /// target id.
    pub fn edges(&self) -> impl Iterator<Item = (&EntityNode, &EntityNode, &RelationEdge)> {
        let mut v: Vec<_> = (&self.graph)
            .edge_references()
            .map(|e| (&self.graph[e.source()], &self.graph[e.target()], e.weight()))
            .collect();
        // One edge per (relation, source, target): an unstable sort gives
        // the same order.
        v.sort_unstable_by(|a, b| {
            (a.2.relation, &a.0.id, &a.1.id).cmp(&(b.2.relation, &b.0.id, &b.1.id))
        });
        v.into_iter()
    }

    /// Number of entities.
    pub fn entity_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The underlying petgraph graph, for algorithms.
    pub fn petgraph(&self) -> &StableDiGraph<EntityNode, RelationEdge> {
        &self.graph
    }
}

/// Keeps the `EVIDENCE_CAP` smallest evidence items, sorted, so the kept
/// set does not depend on the order evidence arrives in.
fn push_evidence(list: &mut Vec<Evidence>, ev: Evidence) {
    if let Some(pos) = evidence_slot(list, (&ev.document, ev.start, ev.end)) {
        insert_evidence(list, pos, ev);
    }
}

/// `push_evidence` of (`document`, `span`), the evidence built only when kept.
fn push_evidence_in(list: &mut Vec<Evidence>, document: &str, span: (usize, usize)) {
    if let Some(pos) = evidence_slot(list, (document, span.0, span.1)) {
        let ev = Evidence {
            document: document.to_string(),
            start: span.0,
            end: span.1,
        };
        insert_evidence(list, pos, ev);
    }
}

/// Where evidence `key` (document, start, end: its order) goes in the
/// sorted `list`; `None` when it is there already or would be cut off.
fn evidence_slot(list: &[Evidence], key: (&str, usize, usize)) -> Option<usize> {
    fn key_of(x: &Evidence) -> (&str, usize, usize) {
        (x.document.as_str(), x.start, x.end)
    }
    if list.iter().any(|x| key_of(x) == key) {
        return None;
    }
    let pos = list.partition_point(|x| key_of(x) < key);
    (pos < EVIDENCE_CAP).then_some(pos)
}

fn insert_evidence(list: &mut Vec<Evidence>, pos: usize, ev: Evidence) {
    list.insert(pos, ev);
    list.truncate(EVIDENCE_CAP);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The evidence list as `push_evidence` used to keep it.
    fn reference_push(list: &mut Vec<Evidence>, ev: Evidence) {
        if list.contains(&ev) {
            return;
        }
        let pos = list.partition_point(|x| *x < ev);
        if pos < EVIDENCE_CAP {
            list.insert(pos, ev);
            list.truncate(EVIDENCE_CAP);
        }
    }

    #[test]
    fn evidence_keeps_the_smallest_whatever_the_order() {
        let docs = ["d10", "d2", "d1", "d2", "a", "d1", "z", "d10", "d1"];
        let (mut got, mut borrowed, mut want) = (Vec::new(), Vec::new(), Vec::new());
        for (i, d) in docs.iter().enumerate() {
            for start in [7, 3, 7, 0] {
                let ev = Evidence {
                    document: d.to_string(),
                    start,
                    end: start + i % 3,
                };
                reference_push(&mut want, ev.clone());
                push_evidence_in(&mut borrowed, d, (ev.start, ev.end));
                push_evidence(&mut got, ev);
                assert_eq!(got, want);
                assert_eq!(borrowed, want);
            }
        }
    }
}
