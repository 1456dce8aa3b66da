//! A hand-made corpus for the export tests and the CI client checks: names
//! and a quotation with double and single quotes, a backslash, a line
//! break, a semicolon and non-ASCII text; an inferred speaker; a document
//! id with spaces and quotes. Shared by `tests/exports.rs` and
//! `examples/export_fixture.rs` (through `#[path]`).

use newsgraph::graph::{EntityNode, EntitySource};
use newsgraph::pipeline::{DocumentRecord, MentionRecord, QuoteRecord, RepairReport, TextSpan};
use newsgraph::quotes::QuoteKind;
use newsgraph::{Analysis, Corpus, DocumentMeta, EntityType, Span};
use std::collections::BTreeMap;

/// The entity name every client must read back exactly.
pub const TRICKY_NAME: &str = "Zoë \"The Hammer\" O'Neil \\ Jr.";
/// The quotation every client must read back exactly.
pub const TRICKY_QUOTE: &str = "It's a \"deal\"; C:\\temp\\new isn't\nover — Zoë's ‘word’ 😀";

fn meta() -> DocumentMeta {
    DocumentMeta {
        encoding: "utf-8",
        ..DocumentMeta::default()
    }
}

/// (entity id, name, type, source, mention count, properties)
type EntityRow = (
    &'static str,
    &'static str,
    EntityType,
    EntitySource,
    u64,
    &'static [(&'static str, &'static str)],
);
/// (text, kind, (speaker id, speaker name), about)
type QuoteRow = (
    &'static str,
    QuoteKind,
    Option<(&'static str, &'static str)>,
    Vec<&'static str>,
);

struct Doc {
    id: &'static str,
    entities: Vec<EntityRow>,
    windows: Vec<Vec<&'static str>>,
    quotes: Vec<QuoteRow>,
}

const ZOE: &str = "zoe-oneil";

fn analysis(d: Doc) -> Analysis {
    let mut entities = BTreeMap::new();
    let mut mentions = Vec::new();
    let mut pos = 0;
    for (id, name, kind, source, count, props) in &d.entities {
        let mut forms = BTreeMap::new();
        if *count > 0 {
            forms.insert(name.to_string(), *count);
        }
        entities.insert(
            id.to_string(),
            EntityNode {
                id: id.to_string(),
                name: name.to_string(),
                kind: *kind,
                source: *source,
                mentions: *count,
                documents: [d.id.to_string()].into(),
                forms,
                properties: props
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            },
        );
        if *source == EntitySource::Gazetteer {
            for _ in 0..*count {
                mentions.push(MentionRecord {
                    document: d.id.into(),
                    entity: Some(id.to_string()),
                    start: pos,
                    end: pos + name.len(),
                    text: name.to_string(),
                    sentence: 0,
                    title: None,
                    demonym: false,
                    ambiguous: false,
                    candidates: Vec::new(),
                });
                pos += name.len() + 1;
            }
        }
    }
    let quotes: Vec<QuoteRecord> = d
        .quotes
        .iter()
        .enumerate()
        .map(|(i, (text, kind, speaker, about))| {
            let start = pos + 10 * i;
            let inferred = speaker.is_some_and(|s| s.0.starts_with("inferred:"));
            QuoteRecord {
                id: format!("{}#q{}", d.id, i + 1),
                document: d.id.into(),
                start,
                end: start + text.len() + 2,
                text: text.to_string(),
                kind: *kind,
                speaker: speaker.map(|s| s.0.to_string()),
                speaker_name: speaker.map(|s| s.1.to_string()),
                speaker_mention: inferred.then(|| TextSpan {
                    start: 0,
                    end: 5,
                    text: speaker.unwrap().1.to_string(),
                }),
                cue: speaker.map(|_| "said".to_string()),
                about: about.iter().map(|a| a.to_string()).collect(),
            }
        })
        .collect();
    let windows = d
        .windows
        .iter()
        .enumerate()
        .map(|(i, ids)| {
            (
                Span::new(i * 100, i * 100 + 80),
                ids.iter().map(|s| s.to_string()).collect(),
            )
        })
        .collect();
    Analysis {
        document: DocumentRecord {
            id: d.id.into(),
            bytes: 400,
            paragraphs: 3,
            sentences: d.windows.len() + 2,
            mentions: mentions.len(),
            quotes: quotes.len(),
            meta: meta(),
            repairs: RepairReport::default(),
        },
        mentions,
        quotes,
        entities,
        windows,
    }
}

/// The fixture's analyses, one per document, in order.
pub fn analyses() -> Vec<Analysis> {
    use EntitySource::{Gazetteer, Inferred};
    use EntityType::{Organization, Person, Place};
    let docs = vec![
        Doc {
            id: "kyiv-talks.txt",
            entities: vec![
                (
                    ZOE,
                    TRICKY_NAME,
                    Person,
                    Gazetteer,
                    2,
                    &[("wikidata", "Q4115189"), ("role", "envoy")],
                ),
                (
                    "kyiv",
                    "Kyiv",
                    Place,
                    Gazetteer,
                    1,
                    &[("wikidata", "Q1899")],
                ),
                ("nato", "NATO", Organization, Gazetteer, 1, &[]),
                (
                    "inferred:maria-lopez",
                    "María López",
                    Person,
                    Inferred,
                    1,
                    &[],
                ),
            ],
            windows: vec![vec![ZOE, "kyiv"], vec![ZOE, "nato", "kyiv"]],
            quotes: vec![
                (
                    TRICKY_QUOTE,
                    QuoteKind::Full,
                    Some((ZOE, TRICKY_NAME)),
                    vec!["kyiv", "nato"],
                ),
                (
                    "We will wait and see.",
                    QuoteKind::Full,
                    Some(("inferred:maria-lopez", "María López")),
                    vec![ZOE],
                ),
            ],
        },
        Doc {
            id: "moscow/brief.txt",
            entities: vec![
                (
                    ZOE,
                    TRICKY_NAME,
                    Person,
                    Gazetteer,
                    1,
                    &[("wikidata", "Q4115189"), ("role", "envoy")],
                ),
                (
                    "kyiv",
                    "Kyiv",
                    Place,
                    Gazetteer,
                    2,
                    &[("wikidata", "Q1899")],
                ),
                ("moscow", "Moscow", Place, Gazetteer, 1, &[]),
            ],
            windows: vec![
                vec!["moscow", "kyiv"],
                vec!["moscow", ZOE],
                vec!["kyiv", ZOE],
            ],
            quotes: vec![("root causes", QuoteKind::Scare, None, vec!["moscow"])],
        },
        Doc {
            id: "día 3 'notes' \"draft\".txt",
            entities: vec![
                (
                    ZOE,
                    TRICKY_NAME,
                    Person,
                    Gazetteer,
                    1,
                    &[("wikidata", "Q4115189"), ("role", "envoy")],
                ),
                (
                    "kyiv",
                    "Kyiv",
                    Place,
                    Gazetteer,
                    1,
                    &[("wikidata", "Q1899")],
                ),
            ],
            windows: vec![vec![ZOE, "kyiv"]],
            quotes: vec![(
                "Kyiv stands",
                QuoteKind::Full,
                Some((ZOE, TRICKY_NAME)),
                vec!["kyiv"],
            )],
        },
    ];
    docs.into_iter().map(analysis).collect()
}

/// The whole fixture corpus.
pub fn corpus() -> Corpus {
    let mut c = Corpus::new();
    for a in analyses() {
        c.add(a);
    }
    c
}
