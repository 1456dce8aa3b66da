//! The property-graph model every database and graph-tool export shares:
//!
//! ```text
//! (:Entity:Person|Place|Organization {id, name, type, source, mentions, documents, wikidata?, ...})
//!     -[:CO_OCCURS {weight, documents}]-(:Entity)
//! (:Entity)-[:QUOTED_ABOUT {weight, documents, quotes}]->(:Entity)
//! (:Entity)-[:SAID]->(:Quote {id, text, kind, document, start, end, cue?, speaker?, speaker_name?})
//!     -[:ABOUT]->(:Entity)
//! (:Document {id, bytes, paragraphs, sentences, mentions, quotes, path?, title?, ...})
//!     -[:MENTIONS {count}]->(:Entity)
//! ```
//!
//! Nodes have a graph-wide key: an entity's key is its id, a quotation's is
//! `quote:<id>`, a document's `document:<id>`. Keys and every property are
//! derived from the corpus alone, so they are the same on every run and
//! re-imports merge instead of duplicating. Formats differ only in syntax
//! and escaping; what is exported is decided here, once.

use super::json::entity_properties;
use super::GraphView;
use crate::graph::{EntityNode, EntitySource, Relation, RelationEdge};
use crate::pipeline::{Corpus, QuoteRecord};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// A property value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value<'a> {
    Str(Cow<'a, str>),
    Int(i64),
    Float(f64),
    Bool(bool),
    List(Vec<Cow<'a, str>>),
}

impl Value<'_> {
    pub(crate) fn ty(&self) -> PropType {
        match self {
            Value::Str(_) => PropType::Str,
            Value::Int(_) => PropType::Int,
            Value::Float(_) => PropType::Float,
            Value::Bool(_) => PropType::Bool,
            Value::List(_) => PropType::List,
        }
    }

    /// The value as one string: lists joined with `;`.
    pub(crate) fn to_text(&self) -> Cow<'_, str> {
        match self {
            Value::Str(s) => Cow::Borrowed(s),
            Value::Int(i) => Cow::Owned(i.to_string()),
            Value::Float(f) => Cow::Owned(f.to_string()),
            Value::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Value::List(l) => Cow::Owned(l.join(";")),
        }
    }
}

/// The type of a property column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum PropType {
    Bool,
    Int,
    Float,
    Str,
    List,
}

impl PropType {
    /// The type two values of one column share (a mix becomes a string).
    fn unify(self, other: PropType) -> PropType {
        match (self, other) {
            (a, b) if a == b => a,
            (PropType::Int, PropType::Float) | (PropType::Float, PropType::Int) => PropType::Float,
            (PropType::List, _) | (_, PropType::List) => PropType::List,
            _ => PropType::Str,
        }
    }
}

/// The three kinds of node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum NodeKind {
    Entity,
    Quote,
    Document,
}

impl NodeKind {
    pub(crate) const ALL: [NodeKind; 3] = [NodeKind::Entity, NodeKind::Quote, NodeKind::Document];

    /// The node label (table name in Kùzu).
    pub(crate) fn label(self) -> &'static str {
        match self {
            NodeKind::Entity => "Entity",
            NodeKind::Quote => "Quote",
            NodeKind::Document => "Document",
        }
    }

    fn key_prefix(self) -> &'static str {
        match self {
            NodeKind::Entity => "",
            NodeKind::Quote => "quote:",
            NodeKind::Document => "document:",
        }
    }

    /// The graph-wide key of the node of this kind with this id.
    pub(crate) fn key(self, id: &str) -> Cow<'_, str> {
        match self.key_prefix() {
            "" => Cow::Borrowed(id),
            p => Cow::Owned(format!("{p}{id}")),
        }
    }
}

/// The relationship types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum RelType {
    CoOccurs,
    QuotedAbout,
    Said,
    About,
    Mentions,
}

impl RelType {
    pub(crate) const ALL: [RelType; 5] = [
        RelType::CoOccurs,
        RelType::QuotedAbout,
        RelType::Said,
        RelType::About,
        RelType::Mentions,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            RelType::CoOccurs => "CO_OCCURS",
            RelType::QuotedAbout => "QUOTED_ABOUT",
            RelType::Said => "SAID",
            RelType::About => "ABOUT",
            RelType::Mentions => "MENTIONS",
        }
    }

    /// Node kinds at the (start, end) of this relationship.
    pub(crate) fn ends(self) -> (NodeKind, NodeKind) {
        match self {
            RelType::CoOccurs | RelType::QuotedAbout => (NodeKind::Entity, NodeKind::Entity),
            RelType::Said => (NodeKind::Entity, NodeKind::Quote),
            RelType::About => (NodeKind::Quote, NodeKind::Entity),
            RelType::Mentions => (NodeKind::Document, NodeKind::Entity),
        }
    }
}

/// Properties in export order.
pub(crate) type Props<'a> = Vec<(Cow<'a, str>, Value<'a>)>;

/// One node.
#[derive(Clone, Debug)]
pub(crate) struct Node<'a> {
    pub(crate) kind: NodeKind,
    /// The raw id (the `id` property).
    pub(crate) id: &'a str,
    /// The graph-wide key.
    pub(crate) key: Cow<'a, str>,
    /// A display name: the entity's name, the quotation's or document's id.
    pub(crate) name: &'a str,
    /// `Person`, `Place` or `Organization` for entities.
    pub(crate) sublabel: Option<&'static str>,
    /// Every property, `id` first.
    pub(crate) props: Props<'a>,
}

impl Node<'_> {
    /// All labels: `["Entity", "Person"]`, `["Quote"]`.
    pub(crate) fn labels(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.kind.label()).chain(self.sublabel)
    }
}

/// One relationship.
#[derive(Clone, Debug)]
pub(crate) struct Edge<'a> {
    pub(crate) rel: RelType,
    pub(crate) source: Cow<'a, str>,
    pub(crate) target: Cow<'a, str>,
    /// Raw ids of both ends (what Cypher MATCHes on).
    pub(crate) source_id: &'a str,
    pub(crate) target_id: &'a str,
    /// Labels of the ends (entity sublabels included).
    pub(crate) source_sublabel: Option<&'static str>,
    pub(crate) target_sublabel: Option<&'static str>,
    pub(crate) props: Props<'a>,
}

impl Edge<'_> {
    /// A stable key: `REL:source->target`.
    pub(crate) fn key(&self) -> String {
        format!("{}:{}->{}", self.rel.name(), self.source, self.target)
    }

    /// The weight, for formats with a weight column (1 when none).
    pub(crate) fn weight(&self) -> i64 {
        self.props
            .iter()
            .find_map(|(k, v)| match (k.as_ref(), v) {
                ("weight", Value::Int(w)) => Some(*w),
                _ => None,
            })
            .unwrap_or(1)
    }
}

/// Property keys and their types, per node kind and relationship type, in
/// a fixed order: what GraphML keys, GEXF attributes, CSV headers and
/// Kùzu tables declare before the data.
#[derive(Clone, Debug, Default)]
pub(crate) struct Schema {
    pub(crate) nodes: BTreeMap<NodeKind, Vec<(String, PropType)>>,
    pub(crate) edges: BTreeMap<RelType, Vec<(String, PropType)>>,
}

impl Schema {
    fn add(cols: &mut Vec<(String, PropType)>, props: &Props<'_>) {
        for (k, v) in props {
            match cols.iter_mut().find(|(c, _)| c == k.as_ref()) {
                Some((_, t)) => *t = t.unify(v.ty()),
                None => cols.push((k.to_string(), v.ty())),
            }
        }
    }

    /// Every node property key over all kinds with its unified type, in
    /// first-seen order.
    pub(crate) fn node_columns(&self) -> Vec<(String, PropType)> {
        let mut all: Vec<(String, PropType)> = Vec::new();
        for cols in self.nodes.values() {
            for (k, t) in cols {
                match all.iter_mut().find(|(c, _)| c == k) {
                    Some((_, u)) => *u = u.unify(*t),
                    None => all.push((k.clone(), *t)),
                }
            }
        }
        all
    }

    /// Every relationship property key with its unified type.
    pub(crate) fn edge_columns(&self) -> Vec<(String, PropType)> {
        let mut all: Vec<(String, PropType)> = Vec::new();
        for cols in self.edges.values() {
            for (k, t) in cols {
                match all.iter_mut().find(|(c, _)| c == k) {
                    Some((_, u)) => *u = u.unify(*t),
                    None => all.push((k.clone(), *t)),
                }
            }
        }
        all
    }
}

/// Turns a property key into `[A-Za-z0-9_]+` (not starting with a digit),
/// the identifier every target accepts without quoting rules of its own.
pub(crate) fn prop_key(k: &str) -> Cow<'_, str> {
    let ok = |c: char| c.is_ascii_alphanumeric() || c == '_';
    if !k.is_empty() && k.chars().all(ok) && !k.starts_with(|c: char| c.is_ascii_digit()) {
        return Cow::Borrowed(k);
    }
    let mut s: String = k.chars().map(|c| if ok(c) { c } else { '_' }).collect();
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    Cow::Owned(s)
}

fn sublabel(e: &EntityNode) -> &'static str {
    match e.kind {
        crate::EntityType::Person => "Person",
        crate::EntityType::Place => "Place",
        crate::EntityType::Organization => "Organization",
    }
}

fn str_list<'a>(items: impl IntoIterator<Item = &'a String>) -> Value<'a> {
    Value::List(
        items
            .into_iter()
            .map(|s| Cow::Borrowed(s.as_str()))
            .collect(),
    )
}

fn int(n: impl TryInto<i64>) -> Value<'static> {
    Value::Int(n.try_into().unwrap_or(i64::MAX))
}

/// The property graph of a corpus under an export's options: streamed
/// node by node and edge by edge.
pub(crate) struct PropertyGraph<'a> {
    corpus: &'a Corpus,
    view: GraphView<'a>,
    /// Kept entity ids with their sublabel.
    kept: HashMap<&'a str, &'static str>,
    /// (document, entity) -> count, when mention records were kept.
    mention_counts: Option<HashMap<(&'a str, &'a str), u64>>,
    /// Document id -> the kept entities it mentions, sorted by id.
    entities_by_document: HashMap<&'a str, Vec<&'a EntityNode>>,
}

impl<'a> PropertyGraph<'a> {
    pub(crate) fn new(corpus: &'a Corpus, view: GraphView<'a>) -> PropertyGraph<'a> {
        let kept: HashMap<&str, &'static str> = view
            .nodes
            .iter()
            .map(|e| (e.id.as_str(), sublabel(e)))
            .collect();
        let keeps_records = !corpus.mentions().is_empty()
            || !corpus.quotes().is_empty()
            || view.nodes.iter().all(|e| e.mentions == 0);
        let mention_counts = keeps_records.then(|| {
            let mut counts: HashMap<(&str, &str), u64> = HashMap::new();
            for m in corpus.mentions() {
                if let Some(e) = m.entity.as_deref() {
                    *counts.entry((m.document.as_str(), e)).or_default() += 1;
                }
            }
            // An inferred speaker's mentions are the quotations that name it.
            for q in corpus.quotes() {
                let graph = corpus.graph();
                if let (Some(s), Some(_)) = (q.speaker.as_deref(), &q.speaker_mention) {
                    let inferred = graph
                        .node_index(s)
                        .is_some_and(|i| graph.node(i).source == EntitySource::Inferred);
                    if inferred {
                        *counts.entry((q.document.as_str(), s)).or_default() += 1;
                    }
                }
            }
            counts
        });
        let mut entities_by_document: HashMap<&str, Vec<&EntityNode>> = HashMap::new();
        for e in &view.nodes {
            for d in &e.documents {
                entities_by_document.entry(d.as_str()).or_default().push(e);
            }
        }
        PropertyGraph {
            corpus,
            view,
            kept,
            mention_counts,
            entities_by_document,
        }
    }

    /// Entities (sorted by id), then quotations, then documents.
    pub(crate) fn nodes(&self) -> impl Iterator<Item = Node<'a>> + '_ {
        let entities = self.view.nodes.iter().map(|e| entity_node(e));
        let quotes = self.corpus.quotes().iter().map(quote_node);
        let docs = self.corpus.documents().iter().map(document_node);
        entities.chain(quotes).chain(docs)
    }

    /// CO_OCCURS and QUOTED_ABOUT (sorted), then SAID and ABOUT per
    /// quotation, then MENTIONS per document.
    pub(crate) fn edges(&self) -> impl Iterator<Item = Edge<'a>> + '_ {
        let relations = self
            .view
            .edges
            .iter()
            .map(|(s, t, e)| relation_edge(s, t, e));
        let quotes = self
            .corpus
            .quotes()
            .iter()
            .flat_map(move |q| self.quote_edges(q));
        let mentions = self
            .corpus
            .documents()
            .iter()
            .flat_map(move |d| self.mention_edges(&d.id));
        relations.chain(quotes).chain(mentions)
    }

    fn entity_sublabel(&self, id: &str) -> Option<&'static str> {
        self.kept.get(id).copied()
    }

    fn quote_edges(&self, q: &'a QuoteRecord) -> Vec<Edge<'a>> {
        let qkey = NodeKind::Quote.key(&q.id);
        let mut out = Vec::new();
        if let Some(s) = q.speaker.as_deref().filter(|s| self.kept.contains_key(s)) {
            out.push(Edge {
                rel: RelType::Said,
                source: Cow::Borrowed(s),
                target: qkey.clone(),
                source_id: s,
                target_id: &q.id,
                source_sublabel: self.entity_sublabel(s),
                target_sublabel: None,
                props: Vec::new(),
            });
        }
        for a in q
            .about
            .iter()
            .filter(|a| self.kept.contains_key(a.as_str()))
        {
            out.push(Edge {
                rel: RelType::About,
                source: qkey.clone(),
                target: Cow::Borrowed(a),
                source_id: &q.id,
                target_id: a,
                source_sublabel: None,
                target_sublabel: self.entity_sublabel(a),
                props: Vec::new(),
            });
        }
        out
    }

    fn mention_edges(&self, doc: &'a str) -> Vec<Edge<'a>> {
        let mut out = Vec::new();
        let entities = self
            .entities_by_document
            .get(doc)
            .map_or(&[][..], Vec::as_slice);
        for &e in entities {
            let count = match &self.mention_counts {
                Some(c) => c.get(&(doc, e.id.as_str())).copied(),
                None if e.documents.len() == 1 => Some(e.mentions),
                None => None,
            };
            out.push(Edge {
                rel: RelType::Mentions,
                source: NodeKind::Document.key(doc),
                target: Cow::Borrowed(&e.id),
                source_id: doc,
                target_id: &e.id,
                source_sublabel: None,
                target_sublabel: Some(sublabel(e)),
                props: count
                    .map(|c| (Cow::Borrowed("count"), int(c)))
                    .into_iter()
                    .collect(),
            });
        }
        out
    }

    /// The schema: one pass over every node and edge.
    pub(crate) fn schema(&self) -> Schema {
        use PropType::{Int, List, Str};
        let mut schema = Schema::default();
        // The columns every graph has, declared even when no node or edge
        // of the kind exists yet, so tables (Kùzu) and keys exist for a
        // later import into the same database.
        let base: [(NodeKind, &[(&str, PropType)]); 3] = [
            (
                NodeKind::Entity,
                &[
                    ("id", Str),
                    ("name", Str),
                    ("type", Str),
                    ("source", Str),
                    ("mentions", Int),
                    ("documents", List),
                ],
            ),
            (
                NodeKind::Quote,
                &[
                    ("id", Str),
                    ("text", Str),
                    ("kind", Str),
                    ("document", Str),
                    ("start", Int),
                    ("end", Int),
                    ("cue", Str),
                    ("speaker", Str),
                    ("speaker_name", Str),
                    ("speaker_mention", Str),
                ],
            ),
            (NodeKind::Document, &[("id", Str)]),
        ];
        for (k, cols) in base {
            schema
                .nodes
                .insert(k, cols.iter().map(|(c, t)| (c.to_string(), *t)).collect());
        }
        let rels: [(RelType, &[(&str, PropType)]); 5] = [
            (RelType::CoOccurs, &[("weight", Int), ("documents", List)]),
            (
                RelType::QuotedAbout,
                &[("weight", Int), ("documents", List), ("quotes", List)],
            ),
            (RelType::Said, &[]),
            (RelType::About, &[]),
            (RelType::Mentions, &[("count", Int)]),
        ];
        for (r, cols) in rels {
            schema
                .edges
                .insert(r, cols.iter().map(|(c, t)| (c.to_string(), *t)).collect());
        }
        for n in self.nodes() {
            Schema::add(schema.nodes.get_mut(&n.kind).expect("all kinds"), &n.props);
        }
        for e in self.edges() {
            Schema::add(schema.edges.get_mut(&e.rel).expect("all types"), &e.props);
        }
        schema
    }
}

fn entity_node(e: &EntityNode) -> Node<'_> {
    let mut props: Props<'_> = vec![
        ("id".into(), Value::Str(Cow::Borrowed(&e.id))),
        ("name".into(), Value::Str(Cow::Borrowed(&e.name))),
        ("type".into(), Value::Str(Cow::Borrowed(e.kind.as_str()))),
        (
            "source".into(),
            Value::Str(Cow::Borrowed(match e.source {
                EntitySource::Gazetteer => "gazetteer",
                EntitySource::Inferred => "inferred",
            })),
        ),
        ("mentions".into(), int(e.mentions)),
        ("documents".into(), str_list(&e.documents)),
    ];
    for (k, v) in entity_properties(e) {
        let k = prop_key(k);
        if !props.iter().any(|(p, _)| *p == k) {
            props.push((k, Value::Str(Cow::Borrowed(v))));
        }
    }
    Node {
        kind: NodeKind::Entity,
        id: &e.id,
        key: NodeKind::Entity.key(&e.id),
        name: &e.name,
        sublabel: Some(sublabel(e)),
        props,
    }
}

fn quote_node(q: &QuoteRecord) -> Node<'_> {
    let kind = match q.kind {
        crate::quotes::QuoteKind::Full => "full",
        crate::quotes::QuoteKind::Partial => "partial",
        crate::quotes::QuoteKind::Scare => "scare",
    };
    let mut props: Props<'_> = vec![
        ("id".into(), Value::Str(Cow::Borrowed(&q.id))),
        ("text".into(), Value::Str(Cow::Borrowed(&q.text))),
        ("kind".into(), Value::Str(Cow::Borrowed(kind))),
        ("document".into(), Value::Str(Cow::Borrowed(&q.document))),
        ("start".into(), int(q.start)),
        ("end".into(), int(q.end)),
    ];
    let optional = [
        ("cue", &q.cue),
        ("speaker", &q.speaker),
        ("speaker_name", &q.speaker_name),
    ];
    for (k, v) in optional {
        if let Some(v) = v {
            props.push((k.into(), Value::Str(Cow::Borrowed(v))));
        }
    }
    if let Some(m) = &q.speaker_mention {
        props.push(("speaker_mention".into(), Value::Str(Cow::Borrowed(&m.text))));
    }
    Node {
        kind: NodeKind::Quote,
        id: &q.id,
        key: NodeKind::Quote.key(&q.id),
        name: &q.id,
        sublabel: None,
        props,
    }
}

/// A document's scalar fields as properties (nested objects such as
/// `repairs` are left to the JSON output).
fn document_node(d: &crate::pipeline::DocumentRecord) -> Node<'_> {
    let mut props: Props<'_> = vec![("id".into(), Value::Str(Cow::Borrowed(&d.id)))];
    if let Ok(serde_json::Value::Object(map)) = serde_json::to_value(d) {
        for (k, v) in map {
            if k == "id" {
                continue;
            }
            let value = match v {
                serde_json::Value::String(s) => Value::Str(Cow::Owned(s)),
                serde_json::Value::Bool(b) => Value::Bool(b),
                serde_json::Value::Number(n) => match n.as_i64() {
                    Some(i) => Value::Int(i),
                    None => Value::Float(n.as_f64().unwrap_or(0.0)),
                },
                _ => continue,
            };
            props.push((Cow::Owned(prop_key(&k).into_owned()), value));
        }
    }
    Node {
        kind: NodeKind::Document,
        id: &d.id,
        key: NodeKind::Document.key(&d.id),
        name: &d.id,
        sublabel: None,
        props,
    }
}

fn relation_edge<'a>(s: &'a EntityNode, t: &'a EntityNode, e: &'a RelationEdge) -> Edge<'a> {
    let rel = match e.relation {
        Relation::CoOccurs => RelType::CoOccurs,
        Relation::QuotedAbout => RelType::QuotedAbout,
    };
    let mut props: Props<'a> = vec![
        ("weight".into(), int(e.weight)),
        ("documents".into(), str_list(&e.documents)),
    ];
    if rel == RelType::QuotedAbout {
        props.push(("quotes".into(), str_list(&e.quotes)));
    }
    Edge {
        rel,
        source: NodeKind::Entity.key(&s.id),
        target: NodeKind::Entity.key(&t.id),
        source_id: &s.id,
        target_id: &t.id,
        source_sublabel: Some(sublabel(s)),
        target_sublabel: Some(sublabel(t)),
        props,
    }
}

impl serde::Serialize for Value<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Str(v) => s.serialize_str(v),
            Value::Int(v) => s.serialize_i64(*v),
            Value::Float(v) => s.serialize_f64(*v),
            Value::Bool(v) => s.serialize_bool(*v),
            Value::List(v) => s.collect_seq(v.iter().map(|x| x.as_ref())),
        }
    }
}

/// Serializes properties as one JSON object, leaving out the keys in
/// `skip` and adding `extra` entries first.
pub(crate) struct PropsJson<'p, 'a> {
    pub(crate) extra: &'p [(&'p str, &'p dyn erased::Json)],
    pub(crate) props: &'p Props<'a>,
    pub(crate) skip: &'p [&'p str],
}

impl serde::Serialize for PropsJson<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        for (k, v) in self.extra {
            m.serialize_entry(k, &erased::AsSer(*v))?;
        }
        for (k, v) in self.props {
            if !self.skip.contains(&k.as_ref()) && !self.extra.iter().any(|(e, _)| *e == k.as_ref())
            {
                m.serialize_entry(k.as_ref(), v)?;
            }
        }
        m.end()
    }
}

/// Object-safe JSON values for [`PropsJson::extra`].
pub(crate) mod erased {
    /// A value that can write itself as JSON.
    pub(crate) trait Json {
        fn json(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
        }
    }
    pub(crate) struct AsSer<'a>(pub(crate) &'a dyn Json);
    impl serde::Serialize for AsSer<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            self.0.json().serialize(s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prop_keys_are_plain_identifiers() {
        for (k, want) in [
            ("wikidata", "wikidata"),
            ("a b", "a_b"),
            ("2x", "_2x"),
            ("", "_"),
            ("é", "_"),
        ] {
            assert_eq!(prop_key(k), want);
        }
    }
}
