//! The pipeline: configuration, per-document analysis, and the corpus that
//! collects analyses into one graph.
//!
//! ```
//! use newsgraph::{Corpus, Document, Pipeline};
//! let pipeline = Pipeline::builder().build().unwrap();
//! let doc = Document::from_text("d1", "Vladimir Putin spoke with officials in Kyiv and Moscow.");
//! let mut corpus = Corpus::new();
//! corpus.add(pipeline.analyze(&doc));
//! let graph = corpus.graph();
//! assert!(graph.node_index("vladimir-putin").is_some());
//! ```

use crate::error::Result;
use crate::gazetteer::{EntityIdx, EntityType, Gazetteer};
use crate::graph::{EntityGraph, EntityNode, EntitySource, Relation};
use crate::ingest::{Document, DocumentMeta};
use crate::normalize::{fold_str, repair, Repairs};
use crate::quotes::{find_quotes, QuoteInput, QuoteKind, Speaker};
use crate::segment::segment;
use crate::span::Span;
use crate::tag::Tagger;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

/// Which span two entities must share to co-occur.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Window {
    /// The same sentence (default).
    #[default]
    Sentence,
    /// The same paragraph.
    Paragraph,
    /// The same document.
    Document,
}

/// Builds a [`Pipeline`].
#[derive(Clone, Debug)]
pub struct PipelineBuilder {
    default_gazetteer: bool,
    gazetteers: Vec<PathBuf>,
    extra: Option<Gazetteer>,
    window: Window,
    demonyms: bool,
    quotes: bool,
}

impl Default for PipelineBuilder {
    fn default() -> Self {
        PipelineBuilder {
            default_gazetteer: true,
            gazetteers: Vec::new(),
            extra: None,
            window: Window::Sentence,
            demonyms: true,
            quotes: true,
        }
    }
}

impl PipelineBuilder {
    /// Whether to load the embedded default gazetteer first (default: yes).
    pub fn default_gazetteer(&mut self, yes: bool) -> &mut Self {
        self.default_gazetteer = yes;
        self
    }

    /// Adds a gazetteer file or directory, loaded after the default one.
    pub fn gazetteer_path(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.gazetteers.push(path.into());
        self
    }

    /// Adds an in-memory gazetteer, loaded last.
    pub fn gazetteer(&mut self, g: Gazetteer) -> &mut Self {
        self.extra = Some(g);
        self
    }

    /// The co-occurrence window (default: sentence).
    pub fn window(&mut self, window: Window) -> &mut Self {
        self.window = window;
        self
    }

    /// Whether demonyms ("Russian") count as mentions (default: yes).
    pub fn demonyms(&mut self, yes: bool) -> &mut Self {
        self.demonyms = yes;
        self
    }

    /// Whether to find quotations (default: yes).
    pub fn quotes(&mut self, yes: bool) -> &mut Self {
        self.quotes = yes;
        self
    }

    /// Loads the gazetteers and compiles the automaton, once.
    pub fn build(&self) -> Result<Pipeline> {
        let mut g = if self.default_gazetteer {
            Gazetteer::default_gazetteer()
        } else {
            Gazetteer::new()
        };
        for p in &self.gazetteers {
            g.load_path(p)?;
        }
        if let Some(extra) = &self.extra {
            for e in extra.entities() {
                g.insert(e.clone());
            }
        }
        let tagger = Tagger::new(&g)?;
        let properties = g
            .entities()
            .iter()
            .map(|e| {
                Arc::new(
                    e.properties
                        .iter()
                        .filter(|(_, v)| !v.is_empty())
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                )
            })
            .collect();
        Ok(Pipeline {
            gazetteer: Arc::new(g),
            tagger: Arc::new(tagger),
            properties: Arc::new(properties),
            window: self.window,
            demonyms: self.demonyms,
            quotes: self.quotes,
        })
    }
}

/// A configured pipeline: the gazetteer and its automaton, built once and
/// shared by every document and thread.
#[derive(Clone, Debug)]
pub struct Pipeline {
    gazetteer: Arc<Gazetteer>,
    tagger: Arc<Tagger>,
    /// Each entity's non-empty properties, shared by every node of it.
    properties: Arc<Vec<Arc<BTreeMap<String, String>>>>,
    window: Window,
    demonyms: bool,
    quotes: bool,
}

/// What an entity reference in an analysis points to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct EntityRef {
    /// Entity id (gazetteer id or `inferred:<slug>`).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Kind.
    #[serde(rename = "type")]
    pub kind: EntityType,
}

/// The record of one document in every output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocumentRecord {
    /// Document id.
    pub id: String,
    /// Length of the original text in bytes.
    pub bytes: usize,
    /// Number of paragraphs.
    pub paragraphs: usize,
    /// Number of sentences.
    pub sentences: usize,
    /// Number of entity mentions (resolved and ambiguous).
    pub mentions: usize,
    /// Number of quotations.
    pub quotes: usize,
    /// Where it came from and how it was read.
    #[serde(flatten)]
    pub meta: DocumentMeta,
    /// What was repaired.
    pub repairs: RepairReport,
}

/// Repairs made to one document, counted per kind.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RepairReport {
    /// Text repairs.
    #[serde(flatten)]
    pub text: Repairs,
    /// Names found glued to the next word ("Peskovwho").
    pub glued_words: u64,
}

/// One mention, with offsets into the original text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MentionRecord {
    /// Document id.
    pub document: String,
    /// Entity id, or null when ambiguous.
    pub entity: Option<String>,
    /// Start byte in the original text.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// The original text of the span.
    pub text: String,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Role words before a person's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// True for demonym mentions ("Russian").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub demonym: bool,
    /// True when the surface form could not be resolved.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub ambiguous: bool,
    /// The entity ids an ambiguous mention may refer to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<String>,
}

/// A span of text in an output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TextSpan {
    /// Start byte in the original text.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// The original text of the span.
    pub text: String,
}

/// One quotation, with offsets into the original text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuoteRecord {
    /// `DOCUMENT#qN`.
    pub id: String,
    /// Document id.
    pub document: String,
    /// Start byte of the quotation, marks included.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// The quoted words without the marks.
    pub text: String,
    /// Full, partial or scare.
    pub kind: QuoteKind,
    /// Speaker entity id.
    pub speaker: Option<String>,
    /// Speaker's canonical name.
    pub speaker_name: Option<String>,
    /// The words naming the speaker.
    pub speaker_mention: Option<TextSpan>,
    /// The reporting verb or phrase.
    pub cue: Option<String>,
    /// Ids of the entities the quotation is about.
    pub about: Vec<String>,
}

/// Everything found in one document.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The document record.
    pub document: DocumentRecord,
    /// Mentions in order.
    pub mentions: Vec<MentionRecord>,
    /// Quotations in order.
    pub quotes: Vec<QuoteRecord>,
    /// Entities referenced by mentions and quotes.
    pub entities: BTreeMap<String, EntityNode>,
    /// Co-occurrence windows: the distinct entity ids in each, with the
    /// window's span.
    pub windows: Vec<(Span, Vec<String>)>,
}

impl Pipeline {
    /// A builder with the default configuration.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The loaded gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The compiled tagger.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// Analyzes one document: repair, segment, tag, find quotations, and
    /// collect co-occurrence windows. Never fails and never panics on any
    /// text; every span refers to the document's original text.
    pub fn analyze(&self, doc: &Document) -> Analysis {
        let original = doc.text.as_str();
        let repaired = repair(original);
        let text: &str = &repaired.text;
        let to_original = |s: Span| repaired.map.span_to_source(s);
        let segs = segment(text);
        let (mut mentions, stats) = self.tagger.tag_with_stats(text, &segs);
        if !self.demonyms {
            mentions.retain(|m| !m.demonym);
        }
        let quotes = if self.quotes {
            find_quotes(&QuoteInput {
                text,
                segments: &segs,
                mentions: &mentions,
                gazetteer: &self.gazetteer,
            })
        } else {
            Vec::new()
        };

        let mut entities = DocEntities::new(self, &doc.id);
        let mut mention_records = Vec::with_capacity(mentions.len());
        for m in &mentions {
            let span = to_original(m.span);
            let entity = m.entity.map(|e| {
                let node = entities.gazetteer(e);
                node.mentions += 1;
                count_form(&mut node.forms, &text[m.span.range()]);
                node.id.clone()
            });
            mention_records.push(MentionRecord {
                document: doc.id.clone(),
                entity,
                start: span.start,
                end: span.end,
                text: original[span.range()].to_string(),
                sentence: m.sentence as usize,
                title: m
                    .title
                    .map(|t| original[to_original(t).range()].to_string()),
                demonym: m.demonym,
                ambiguous: m.entity.is_none(),
                candidates: m
                    .candidates
                    .iter()
                    .map(|c| self.gazetteer.entity(*c).id.clone())
                    .collect(),
            });
        }

        let mut quote_records = Vec::with_capacity(quotes.len());
        for (i, q) in quotes.iter().enumerate() {
            let span = to_original(q.span);
            let speaker = q.speaker.as_ref().map(|s| match s {
                Speaker::Entity(e) => {
                    let n = entities.gazetteer(*e);
                    (n.id.clone(), n.name.clone())
                }
                Speaker::Inferred { name, kind } => {
                    let id = format!("{INFERRED_PREFIX}{}", slug(name));
                    entities.inferred(&id, name, *kind);
                    (id, name.clone())
                }
            });
            if let (Some(sm), Some(Speaker::Inferred { .. })) = (q.speaker_mention, &q.speaker) {
                let n = entities
                    .by_id
                    .get_mut(&speaker.as_ref().expect("speaker set").0)
                    .expect("inserted");
                n.mentions += 1;
                count_form(&mut n.forms, &text[sm.range()]);
            }
            let mut about: Vec<String> = Vec::new();
            for e in &q.about {
                let id = &entities.gazetteer(*e).id;
                if !about.contains(id) && speaker.as_ref().is_none_or(|s| s.0 != *id) {
                    about.push(id.clone());
                }
            }
            quote_records.push(QuoteRecord {
                id: format!("{}#q{}", doc.id, i + 1),
                document: doc.id.clone(),
                start: span.start,
                end: span.end,
                text: q.text.clone(),
                kind: q.kind,
                speaker_name: speaker.as_ref().map(|s| s.1.clone()),
                speaker: speaker.map(|s| s.0),
                speaker_mention: q.speaker_mention.map(|sm| {
                    let o = to_original(sm);
                    TextSpan {
                        start: o.start,
                        end: o.end,
                        text: original[o.range()].to_string(),
                    }
                }),
                cue: q.cue.map(|c| text[c.range()].to_string()),
                about,
            });
        }
        let entities = entities.into_map();

        let windows = self
            .windows(&mentions, &segs, text.len())
            .into_iter()
            .map(|(span, ids)| {
                let ids = ids
                    .into_iter()
                    .map(|e| self.gazetteer.entity(e).id.clone())
                    .collect();
                (to_original(span), ids)
            })
            .collect();

        Analysis {
            document: DocumentRecord {
                id: doc.id.clone(),
                bytes: original.len(),
                paragraphs: segs.paragraphs.len(),
                sentences: segs.sentences.len(),
                mentions: mention_records.len(),
                quotes: quote_records.len(),
                meta: doc.meta.clone(),
                repairs: RepairReport {
                    text: repaired.repairs.clone(),
                    glued_words: stats.glued,
                },
            },
            mentions: mention_records,
            quotes: quote_records,
            entities,
            windows,
        }
    }

    /// The distinct resolved entities of each window that holds two or more.
    fn windows(
        &self,
        mentions: &[crate::tag::Mention],
        segs: &crate::segment::Segments,
        len: usize,
    ) -> Vec<(Span, Vec<EntityIdx>)> {
        let mut out: Vec<(Span, Vec<EntityIdx>)> = Vec::new();
        let mut current: Option<(usize, Span, Vec<EntityIdx>)> = None;
        for m in mentions {
            let Some(e) = m.entity else { continue };
            let (key, span) = match self.window {
                Window::Sentence => {
                    let i = m.sentence as usize;
                    (i, segs.sentences.get(i).map_or(m.span, |s| s.span))
                }
                Window::Paragraph => {
                    let i = segs.paragraph_at(m.span.start).unwrap_or(0);
                    (i, segs.paragraphs.get(i).copied().unwrap_or(m.span))
                }
                Window::Document => (0, Span::new(0, len)),
            };
            match &mut current {
                Some((k, _, ids)) if *k == key => {
                    if !ids.contains(&e) {
                        ids.push(e);
                    }
                }
                _ => {
                    if let Some((_, s, ids)) = current.take() {
                        if ids.len() > 1 {
                            out.push((s, ids));
                        }
                    }
                    current = Some((key, span, vec![e]));
                }
            }
        }
        if let Some((_, s, ids)) = current {
            if ids.len() > 1 {
                out.push((s, ids));
            }
        }
        out
    }
}

/// Counts one more use of a surface form (allocated only when new).
fn count_form(forms: &mut BTreeMap<String, u64>, form: &str) {
    match forms.get_mut(form) {
        Some(c) => *c += 1,
        None => {
            forms.insert(form.to_string(), 1);
        }
    }
}

/// The entity nodes of one document while it is analyzed: gazetteer
/// entities by index (no string keys per mention), the others by id.
struct DocEntities<'p> {
    pipeline: &'p Pipeline,
    doc: &'p str,
    by_index: rustc_hash::FxHashMap<EntityIdx, EntityNode>,
    /// Inferred entities, and gazetteer ids that could be mistaken for
    /// inferred ones (they share the node, as they always did).
    by_id: BTreeMap<String, EntityNode>,
}

impl<'p> DocEntities<'p> {
    fn new(pipeline: &'p Pipeline, doc: &'p str) -> Self {
        DocEntities {
            pipeline,
            doc,
            by_index: Default::default(),
            by_id: BTreeMap::new(),
        }
    }

    /// The node of a gazetteer entity, created on first use.
    fn gazetteer(&mut self, e: EntityIdx) -> &mut EntityNode {
        let (pipeline, doc) = (self.pipeline, self.doc);
        let ent = pipeline.gazetteer.entity(e);
        let node = || EntityNode {
            id: ent.id.clone(),
            name: ent.name.clone(),
            kind: ent.kind,
            source: EntitySource::Gazetteer,
            mentions: 0,
            documents: BTreeSet::from([doc.to_string()]),
            forms: BTreeMap::new(),
            properties: Arc::clone(&pipeline.properties[e.index()]),
        };
        if ent.id.starts_with(INFERRED_PREFIX) {
            return self.by_id.entry(ent.id.clone()).or_insert_with(node);
        }
        self.by_index.entry(e).or_insert_with(node)
    }

    /// The node of an inferred entity, created on first use; the document
    /// is recorded either way.
    fn inferred(&mut self, id: &str, name: &str, kind: EntityType) {
        if !self.by_id.contains_key(id) {
            let node = EntityNode {
                id: id.to_string(),
                name: name.to_string(),
                kind,
                source: EntitySource::Inferred,
                mentions: 0,
                documents: BTreeSet::new(),
                forms: BTreeMap::new(),
                properties: Default::default(),
            };
            self.by_id.insert(id.to_string(), node);
        }
        let n = self.by_id.get_mut(id).expect("inserted above");
        if !n.documents.contains(self.doc) {
            n.documents.insert(self.doc.to_string());
        }
    }

    /// Every node, by id.
    fn into_map(self) -> BTreeMap<String, EntityNode> {
        let mut map = self.by_id;
        for node in self.by_index.into_values() {
            map.insert(node.id.clone(), node);
        }
        map
    }
}

/// Ids of inferred entities start with this.
const INFERRED_PREFIX: &str = "inferred:";

/// Does `name` equal the folded query `want`, or, for a person, end with it
/// as whole words (the surname)?
pub fn name_matches(name: &str, want: &str, person: bool) -> bool {
    let folded = fold_str(name);
    folded == want
        || person
            && !want.is_empty()
            && folded.len() > want.len()
            && folded.ends_with(want)
            && folded.as_bytes()[folded.len() - want.len() - 1] == b' '
}

/// A lower-case ASCII slug: `Maria López` -> `maria-lopez`.
pub fn slug(name: &str) -> String {
    let folded = fold_str(name);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Analyses collected into one graph, with the document, mention and
/// quotation records that outputs list.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    graph: EntityGraph,
    documents: Vec<DocumentRecord>,
    mentions: Vec<MentionRecord>,
    quotes: Vec<QuoteRecord>,
    keep_records: bool,
}

impl Corpus {
    /// An empty corpus that keeps every mention and quotation record.
    pub fn new() -> Corpus {
        Corpus {
            keep_records: true,
            ..Corpus::default()
        }
    }

    /// An empty corpus that keeps only the graph and document records
    /// (memory independent of corpus size for a fixed entity set).
    pub fn graph_only() -> Corpus {
        Corpus::default()
    }

    /// Adds one document's analysis.
    pub fn add(&mut self, a: Analysis) {
        let Analysis {
            document,
            mentions,
            quotes,
            entities,
            windows,
        } = a;
        let doc = document.id.as_str();
        for (_, node) in entities {
            self.graph.add_entity(node);
        }
        let mut nodes = Vec::new();
        for (span, ids) in &windows {
            nodes.clear();
            nodes.extend(ids.iter().map(|id| self.graph.node_index(id)));
            for (i, x) in nodes.iter().enumerate() {
                for y in &nodes[i + 1..] {
                    let (Some(x), Some(y)) = (*x, *y) else {
                        continue;
                    };
                    let span = (span.start, span.end);
                    self.graph
                        .add_edge_in(x, y, Relation::CoOccurs, doc, span, None);
                }
            }
        }
        for q in &quotes {
            let Some(s) = q.speaker.as_deref().and_then(|s| self.graph.node_index(s)) else {
                continue;
            };
            for about in &q.about {
                if let Some(t) = self.graph.node_index(about) {
                    let span = (q.start, q.end);
                    self.graph
                        .add_edge_in(s, t, Relation::QuotedAbout, doc, span, Some(&q.id));
                }
            }
        }
        self.documents.push(document);
        if self.keep_records {
            self.mentions.extend(mentions);
            self.quotes.extend(quotes);
        }
    }

    /// Merges another corpus (built separately) into this one.
    pub fn merge(&mut self, other: Corpus) {
        self.graph.merge(other.graph);
        self.documents.extend(other.documents);
        self.mentions.extend(other.mentions);
        self.quotes.extend(other.quotes);
    }

    /// The entity graph.
    pub fn graph(&self) -> &EntityGraph {
        &self.graph
    }

    /// Document records in the order added.
    pub fn documents(&self) -> &[DocumentRecord] {
        &self.documents
    }

    /// Mention records in document order.
    pub fn mentions(&self) -> &[MentionRecord] {
        &self.mentions
    }

    /// Quotation records in document order.
    pub fn quotes(&self) -> &[QuoteRecord] {
        &self.quotes
    }
}

/// Documents analyzed in parallel per batch; batches keep memory bounded
/// while output order follows input order.
const BATCH_DOCS: usize = 256;
/// Bytes of text per batch.
const BATCH_BYTES: usize = 16 << 20;

impl Pipeline {
    /// Analyzes every document from `documents` on the current rayon pool
    /// and adds the results to `corpus` in input order. A reader thread
    /// feeds documents through a bounded channel, so reading overlaps with
    /// analysis and memory stays bounded. A document that could not be read
    /// (an `Err` item) goes to `on_error` and the run goes on. Returns the
    /// number of documents analyzed.
    pub fn process<I>(
        &self,
        documents: I,
        corpus: &mut Corpus,
        mut on_error: impl FnMut(crate::Error),
    ) -> u64
    where
        I: IntoIterator<Item = Result<Document>>,
        I::IntoIter: Send,
    {
        use rayon::prelude::*;
        let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Document>>(BATCH_DOCS);
        let documents = documents.into_iter();
        std::thread::scope(|scope| {
            scope.spawn(move || {
                for item in documents {
                    if tx.send(item).is_err() {
                        break;
                    }
                }
            });
            let mut batch: Vec<Document> = Vec::with_capacity(BATCH_DOCS);
            let mut bytes = 0;
            let mut done = 0;
            // Analyses of the previous batch, merged into the corpus while
            // the workers analyze the next one (merging is serial).
            let mut pending: Vec<Analysis> = Vec::new();
            let mut flush =
                |batch: &mut Vec<Document>, corpus: &mut Corpus, pending: &mut Vec<Analysis>| {
                    let (analyses, ()) = rayon::join(
                        || {
                            batch
                                .par_iter()
                                .map(|d| self.analyze(d))
                                .collect::<Vec<_>>()
                        },
                        || pending.drain(..).for_each(|a| corpus.add(a)),
                    );
                    done += analyses.len() as u64;
                    *pending = analyses;
                    batch.clear();
                };
            for item in rx {
                match item {
                    Ok(doc) => {
                        bytes += doc.text.len();
                        batch.push(doc);
                        if batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
                            flush(&mut batch, corpus, &mut pending);
                            bytes = 0;
                        }
                    }
                    Err(e) => on_error(e),
                }
            }
            flush(&mut batch, corpus, &mut pending);
            pending.drain(..).for_each(|a| corpus.add(a));
            done
        })
    }
}

impl Pipeline {
    /// Ids of the gazetteer entities whose id, canonical name or an alias
    /// equals `name`, ignoring case and accents; for people, the surname
    /// (the last words of the name) counts too.
    ///
    /// ```
    /// let p = newsgraph::Pipeline::builder().build().unwrap();
    /// assert!(p.entity_ids_named("kremlin").contains(&"kremlin".to_string()));
    /// assert_eq!(p.entity_ids_named("Ushakov"), ["yuri-ushakov"]);
    /// ```
    pub fn entity_ids_named(&self, name: &str) -> Vec<String> {
        let want = fold_str(name.trim());
        self.gazetteer
            .entities()
            .iter()
            .filter(|e| {
                fold_str(&e.id) == want
                    || name_matches(&e.name, &want, e.kind == EntityType::Person)
                    || e.aliases.iter().any(|a| fold_str(a) == want)
            })
            .map(|e| e.id.clone())
            .collect()
    }
}
