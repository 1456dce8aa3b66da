//! Reading `newsgraph/1` JSON (what [`write_json`](super::write_json)
//! writes) back into a [`Corpus`], so graphs built separately (per day,
//! per shard, on many machines) can be merged with [`Corpus::merge`].
//!
//! The corpus is rebuilt through the same [`Corpus::add`] a run uses:
//! entities as written, quotations (which give the `quoted_about` edges
//! again) and, for each `co_occurs` edge, windows that reproduce its
//! weight, documents and capped evidence exactly.

use crate::error::{Error, Result};
use crate::gazetteer::EntityType;
use crate::graph::{EntityNode, EntitySource, Relation};
use crate::ingest::DocumentMeta;
use crate::normalize::Repairs;
use crate::pipeline::{
    Analysis, Corpus, DocumentRecord, MentionRecord, QuoteRecord, RepairReport, TextSpan,
};
use crate::quotes::QuoteKind;
use crate::span::Span;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

#[derive(Deserialize)]
struct FileJson {
    schema: String,
    #[serde(default)]
    documents: Vec<DocJson>,
    #[serde(default)]
    entities: Vec<EntityJson>,
    #[serde(default)]
    mentions: Vec<MentionJson>,
    #[serde(default)]
    quotes: Vec<QuoteJson>,
    #[serde(default)]
    edges: Vec<EdgeJson>,
}

#[derive(Deserialize)]
struct DocJson {
    id: String,
    bytes: usize,
    paragraphs: usize,
    sentences: usize,
    mentions: usize,
    quotes: usize,
    path: Option<PathBuf>,
    encoding: String,
    #[serde(default)]
    transcoded: bool,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
    date: Option<String>,
    line: Option<u64>,
    #[serde(default)]
    repairs: RepairsJson,
}

#[derive(Deserialize, Default)]
struct RepairsJson {
    #[serde(default)]
    mojibake: u64,
    #[serde(default)]
    lossy_punctuation: u64,
    #[serde(default)]
    glued_words: u64,
}

#[derive(Deserialize)]
struct EntityJson {
    id: String,
    name: String,
    #[serde(rename = "type")]
    kind: String,
    source: String,
    mentions: u64,
    documents: BTreeSet<String>,
    #[serde(default)]
    forms: BTreeMap<String, u64>,
    #[serde(flatten)]
    properties: BTreeMap<String, serde_json::Value>,
}

#[derive(Deserialize)]
struct MentionJson {
    document: String,
    entity: Option<String>,
    start: usize,
    end: usize,
    text: String,
    sentence: usize,
    title: Option<String>,
    #[serde(default)]
    demonym: bool,
    #[serde(default)]
    ambiguous: bool,
    #[serde(default)]
    candidates: Vec<String>,
}

#[derive(Deserialize)]
struct SpanJson {
    start: usize,
    end: usize,
    text: String,
}

#[derive(Deserialize)]
struct QuoteJson {
    id: String,
    document: String,
    start: usize,
    end: usize,
    text: String,
    kind: String,
    speaker: Option<String>,
    speaker_name: Option<String>,
    speaker_mention: Option<SpanJson>,
    cue: Option<String>,
    #[serde(default)]
    about: Vec<String>,
}

#[derive(Deserialize)]
struct EvidenceJson {
    document: String,
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct EdgeJson {
    source: String,
    target: String,
    relation: String,
    weight: u64,
    #[serde(default)]
    documents: BTreeSet<String>,
    #[serde(default)]
    evidence: Vec<EvidenceJson>,
}

/// The same `&'static str` for equal encoding names (a handful exist).
fn intern(s: &str) -> &'static str {
    static SEEN: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut seen = SEEN
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(&known) = seen.get(s) {
        return known;
    }
    let leaked: &'static str = Box::leak(s.to_string().into_boxed_str());
    seen.insert(leaked);
    leaked
}

fn bad(path: &Path, msg: impl Into<String>) -> Error {
    Error::input(msg).with_path(path)
}

/// Reads one `newsgraph/1` JSON document into a corpus. `path` names the
/// input in errors (`PATH:LINE: invalid newsgraph JSON: ... (column N)`).
///
/// ```
/// use newsgraph::export::{read_json, write_json, ExportOptions};
/// use newsgraph::{Corpus, Document, Pipeline};
/// let p = Pipeline::builder().build().unwrap();
/// let mut c = Corpus::new();
/// c.add(p.analyze(&Document::from_text("d", "Moscow and Kyiv traded blame.")));
/// let mut json = Vec::new();
/// write_json(&c, &ExportOptions::new(), &mut json).unwrap();
/// let back = read_json(&json[..], "d.json").unwrap();
/// let mut again = Vec::new();
/// write_json(&back, &ExportOptions::new(), &mut again).unwrap();
/// assert_eq!(json, again);
/// assert!(read_json(&b"{\"schema\": 1"[..], "bad.json").unwrap_err().to_string().starts_with("bad.json:1:"));
/// ```
pub fn read_json(reader: impl Read, path: impl AsRef<Path>) -> Result<Corpus> {
    let path = path.as_ref();
    let file: FileJson = serde_json::from_reader(std::io::BufReader::new(reader)).map_err(|e| {
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        let err = bad(
            path,
            format!("invalid newsgraph JSON: {msg} (column {})", e.column()),
        );
        if e.line() > 0 {
            err.with_line(e.line() as u64)
        } else {
            err
        }
    })?;
    if file.schema != super::JSON_SCHEMA {
        return Err(bad(
            path,
            format!("schema {:?} is not {:?}", file.schema, super::JSON_SCHEMA),
        ));
    }
    rebuild(file, path)
}

/// Reads a `newsgraph/1` JSON file into a corpus.
pub fn read_json_file(path: impl AsRef<Path>) -> Result<Corpus> {
    let path = path.as_ref();
    let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    read_json(f, path)
}

fn entity(e: EntityJson, path: &Path) -> Result<EntityNode> {
    let kind = EntityType::parse(&e.kind)
        .ok_or_else(|| bad(path, format!("entity {}: unknown type {:?}", e.id, e.kind)))?;
    let source = match e.source.as_str() {
        "gazetteer" => EntitySource::Gazetteer,
        "inferred" => EntitySource::Inferred,
        s => return Err(bad(path, format!("entity {}: unknown source {s:?}", e.id))),
    };
    let properties = std::sync::Arc::new(
        e.properties
            .into_iter()
            .filter_map(|(k, v)| match v {
                serde_json::Value::String(s) => Some((k, s)),
                _ => None,
            })
            .collect(),
    );
    Ok(EntityNode {
        id: e.id,
        name: e.name,
        kind,
        source,
        mentions: e.mentions,
        documents: e.documents,
        forms: e.forms,
        properties,
    })
}

// `..Default::default()` keeps this compiling when fields are added.
#[allow(clippy::needless_update)]
fn document(d: DocJson) -> DocumentRecord {
    let meta = DocumentMeta {
        path: d.path,
        encoding: intern(&d.encoding),
        transcoded: d.transcoded,
        title: d.title,
        url: d.url,
        source: d.source,
        date: d.date,
        line: d.line,
        ..DocumentMeta::default()
    };
    let text = Repairs {
        mojibake: d.repairs.mojibake,
        lossy_punctuation: d.repairs.lossy_punctuation,
        ..Repairs::default()
    };
    DocumentRecord {
        id: d.id,
        bytes: d.bytes,
        paragraphs: d.paragraphs,
        sentences: d.sentences,
        mentions: d.mentions,
        quotes: d.quotes,
        meta,
        repairs: RepairReport {
            text,
            glued_words: d.repairs.glued_words,
            ..RepairReport::default()
        },
    }
}

fn quote(q: QuoteJson, path: &Path) -> Result<QuoteRecord> {
    let kind = match q.kind.as_str() {
        "full" => QuoteKind::Full,
        "partial" => QuoteKind::Partial,
        "scare" => QuoteKind::Scare,
        k => return Err(bad(path, format!("quote {}: unknown kind {k:?}", q.id))),
    };
    Ok(QuoteRecord {
        id: q.id,
        document: q.document,
        start: q.start,
        end: q.end,
        text: q.text,
        kind,
        speaker: q.speaker,
        speaker_name: q.speaker_name,
        speaker_mention: q.speaker_mention.map(|s| TextSpan {
            start: s.start,
            end: s.end,
            text: s.text,
        }),
        cue: q.cue,
        about: q.about,
    })
}

/// Windows that give a `co_occurs` edge its weight, documents and
/// evidence again: one per evidence span, one empty span in each
/// document the evidence leaves out (it sorts after the kept evidence,
/// so it is not kept either), and repeats of the first span (not kept
/// twice) for the rest of the weight.
fn replay_windows(e: &EdgeJson) -> Vec<(String, Span)> {
    let mut out: Vec<(String, Span)> = e
        .evidence
        .iter()
        .map(|ev| (ev.document.clone(), Span::new(ev.start, ev.end)))
        .collect();
    let covered: HashSet<&str> = e.evidence.iter().map(|ev| ev.document.as_str()).collect();
    for d in &e.documents {
        if !covered.contains(d.as_str()) {
            out.push((d.clone(), Span::new(0, 0)));
        }
    }
    if let Some(first) = out.first().cloned() {
        let missing = (e.weight as usize).saturating_sub(out.len());
        out.extend(std::iter::repeat_n(first, missing));
    }
    out
}

fn rebuild(file: FileJson, path: &Path) -> Result<Corpus> {
    let mut analyses: Vec<Analysis> = Vec::with_capacity(file.documents.len());
    let mut by_doc: HashMap<String, usize> = HashMap::new();
    for d in file.documents {
        if by_doc.insert(d.id.clone(), analyses.len()).is_some() {
            // Its mentions and windows could not be told apart: merged
            // into one document, every weight would count twice.
            return Err(bad(path, format!("document {:?} is listed twice", d.id)));
        }
        analyses.push(Analysis {
            document: document(d),
            mentions: Vec::new(),
            quotes: Vec::new(),
            entities: BTreeMap::new(),
            windows: Vec::new(),
        });
    }
    let slot = |doc: &str, what: &str| -> Result<usize> {
        by_doc.get(doc).copied().ok_or_else(|| {
            bad(
                path,
                format!("{what} names document {doc:?}, which is not listed"),
            )
        })
    };
    if !file.entities.is_empty() && analyses.is_empty() {
        return Err(bad(path, "entities but no documents"));
    }
    for e in file.entities {
        let node = entity(e, path)?;
        analyses[0].entities.insert(node.id.clone(), node);
    }
    for m in file.mentions {
        let i = slot(&m.document, "a mention")?;
        analyses[i].mentions.push(MentionRecord {
            document: m.document,
            entity: m.entity,
            start: m.start,
            end: m.end,
            text: m.text,
            sentence: m.sentence,
            title: m.title,
            demonym: m.demonym,
            ambiguous: m.ambiguous,
            candidates: m.candidates,
        });
    }
    for q in file.quotes {
        let i = slot(&q.document, "a quotation")?;
        analyses[i].quotes.push(quote(q, path)?);
    }
    for e in &file.edges {
        match e.relation.as_str() {
            r if r == Relation::CoOccurs.as_str() => {
                for (doc, span) in replay_windows(e) {
                    let i = slot(&doc, "an edge")?;
                    analyses[i]
                        .windows
                        .push((span, vec![e.source.clone(), e.target.clone()]));
                }
            }
            // Rebuilt from the quotations.
            r if r == Relation::QuotedAbout.as_str() => {}
            r => return Err(bad(path, format!("unknown relation {r:?}"))),
        }
    }
    let mut corpus = Corpus::new();
    for a in analyses {
        corpus.add(a);
    }
    Ok(corpus)
}
