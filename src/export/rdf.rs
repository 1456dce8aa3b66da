//! RDF with schema.org terms, as N-Triples or Turtle.
//!
//! Resources are named under [`RDF_BASE`]: `urn:newsgraph:entity:<id>`,
//! `urn:newsgraph:quote:<id>`, `urn:newsgraph:document:<id>`, with each id
//! percent-encoded (every byte but `A-Z a-z 0-9 - . _ ~`), so the plain id
//! survives in `schema:identifier`. Terms schema.org lacks live under
//! `urn:newsgraph:vocab:`.
//!
//! - entities: `a schema:Person|Place|Organization`, `schema:identifier`,
//!   `schema:name`, `schema:sameAs <http://www.wikidata.org/entity/Q…>`,
//!   `ng:mentions`, `ng:coOccursWith`, `ng:quotedAbout`;
//! - quotations: `a schema:Quotation`, `schema:text`, `schema:creator`
//!   (the speaker), `schema:about`, `schema:isBasedOn` (the document);
//! - documents: `a schema:NewsArticle`, `schema:mentions` each entity;
//! - each co-occurrence or quoted-about edge also as a node
//!   (`a ng:CoOccurrence|ng:QuotedAbout`, `ng:source`, `ng:target`,
//!   `ng:weight`, `ng:document`) for its weight.
//!
//! Every literal goes through [`escape_literal`], every IRI piece through
//! [`iri_part`].

use super::model::{Edge, Node, NodeKind, PropertyGraph, RelType, Value};
use super::ExportOptions;
use crate::pipeline::Corpus;
use std::fmt::Write as _;
use std::io::{self, Write};

/// The base of every resource IRI.
pub const RDF_BASE: &str = "urn:newsgraph:";
const SCHEMA: &str = "https://schema.org/";
const VOCAB: &str = "urn:newsgraph:vocab:";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// Percent-encodes `s` for use inside an IRI.
///
/// ```
/// assert_eq!(newsgraph::export::iri_part("a b#q1/é"), "a%20b%23q1%2F%C3%A9");
/// ```
pub fn iri_part(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Escapes a string for a `"..."` literal in N-Triples and Turtle: `\`,
/// `"`, line feed and carriage return; all other text stays raw UTF-8.
///
/// ```
/// assert_eq!(newsgraph::export::escape_literal("say \"hi\"\n\\"), r#"say \"hi\"\n\\"#);
/// ```
pub fn escape_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn node_iri(kind: NodeKind, id: &str) -> String {
    let k = match kind {
        NodeKind::Entity => "entity",
        NodeKind::Quote => "quote",
        NodeKind::Document => "document",
    };
    format!("{RDF_BASE}{k}:{}", iri_part(id))
}

/// An object term.
enum Term {
    Iri(String),
    Lit(String),
    Typed(String, &'static str),
}

impl Term {
    fn from_value(v: &Value<'_>) -> Vec<Term> {
        match v {
            Value::Str(s) => vec![Term::Lit(s.to_string())],
            Value::Int(i) => vec![Term::Typed(i.to_string(), "integer")],
            Value::Float(x) => vec![Term::Typed(x.to_string(), "double")],
            Value::Bool(b) => vec![Term::Typed(b.to_string(), "boolean")],
            Value::List(l) => l.iter().map(|s| Term::Lit(s.to_string())).collect(),
        }
    }
}

/// Where triples go: N-Triples writes each in full, Turtle groups
/// consecutive triples of one subject and abbreviates the namespaces.
struct Sink<'w> {
    w: &'w mut dyn Write,
    turtle: bool,
    subject: Option<String>,
}

impl Sink<'_> {
    fn iri(&self, iri: &str) -> String {
        if self.turtle {
            if iri == RDF_TYPE {
                return "a".into();
            }
            for (prefix, ns) in [("schema", SCHEMA), ("ng", VOCAB), ("xsd", XSD)] {
                if let Some(local) = iri.strip_prefix(ns) {
                    if !local.is_empty() && local.bytes().all(|b| b.is_ascii_alphanumeric()) {
                        return format!("{prefix}:{local}");
                    }
                }
            }
        }
        format!("<{iri}>")
    }

    fn term(&self, t: &Term) -> String {
        match t {
            Term::Iri(i) => self.iri(i),
            Term::Lit(s) => format!("\"{}\"", escape_literal(s)),
            Term::Typed(s, ty) => format!(
                "\"{}\"^^{}",
                escape_literal(s),
                self.iri(&format!("{XSD}{ty}"))
            ),
        }
    }

    fn triple(&mut self, s: &str, p: &str, o: &Term) -> io::Result<()> {
        let (p, o) = (self.iri(p), self.term(o));
        if !self.turtle {
            return writeln!(self.w, "<{s}> {p} {o} .");
        }
        if self.subject.as_deref() == Some(s) {
            write!(self.w, " ;\n    {p} {o}")
        } else {
            if self.subject.is_some() {
                self.w.write_all(b" .\n")?;
            }
            self.subject = Some(s.to_string());
            write!(self.w, "<{s}> {p} {o}")
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.turtle && self.subject.take().is_some() {
            self.w.write_all(b" .\n")?;
        }
        Ok(())
    }
}

fn schema(local: &str) -> String {
    format!("{SCHEMA}{local}")
}

fn vocab(local: &str) -> String {
    format!("{VOCAB}{local}")
}

fn write_node(sink: &mut Sink<'_>, n: &Node<'_>) -> io::Result<()> {
    let s = node_iri(n.kind, n.id);
    let class = match n.kind {
        NodeKind::Entity => n.sublabel.unwrap_or("Thing"),
        NodeKind::Quote => "Quotation",
        NodeKind::Document => "NewsArticle",
    };
    sink.triple(&s, RDF_TYPE, &Term::Iri(schema(class)))?;
    for (k, v) in &n.props {
        let p = match (n.kind, k.as_ref()) {
            (_, "id") => schema("identifier"),
            (NodeKind::Entity, "name") => schema("name"),
            (NodeKind::Entity, "documents") => continue,
            (NodeKind::Entity, "wikidata") => {
                if let Value::Str(q) = v {
                    if q.starts_with('Q')
                        && q.len() > 1
                        && q[1..].bytes().all(|b| b.is_ascii_digit())
                    {
                        let iri = format!("http://www.wikidata.org/entity/{q}");
                        sink.triple(&s, &schema("sameAs"), &Term::Iri(iri))?;
                    }
                }
                vocab("wikidata")
            }
            (NodeKind::Quote, "text") => schema("text"),
            (NodeKind::Quote, "document") => {
                if let Value::Str(d) = v {
                    sink.triple(
                        &s,
                        &schema("isBasedOn"),
                        &Term::Iri(node_iri(NodeKind::Document, d)),
                    )?;
                }
                continue;
            }
            (NodeKind::Quote, "speaker") => continue,
            (NodeKind::Document, "title") => schema("headline"),
            (NodeKind::Document, "url") => schema("url"),
            (NodeKind::Document, "date") => schema("datePublished"),
            (_, k) => vocab(k),
        };
        for o in Term::from_value(v) {
            sink.triple(&s, &p, &o)?;
        }
    }
    Ok(())
}

fn write_edge(sink: &mut Sink<'_>, e: &Edge<'_>) -> io::Result<()> {
    let (from, to) = e.rel.ends();
    let (s, t) = (node_iri(from, e.source_id), node_iri(to, e.target_id));
    let (direct, class) = match e.rel {
        RelType::CoOccurs => ("coOccursWith", "CoOccurrence"),
        RelType::QuotedAbout => ("quotedAbout", "QuotedAbout"),
        RelType::Said => return sink.triple(&t, &schema("creator"), &Term::Iri(s)),
        RelType::About => return sink.triple(&s, &schema("about"), &Term::Iri(t)),
        RelType::Mentions => return sink.triple(&s, &schema("mentions"), &Term::Iri(t)),
    };
    sink.triple(&s, &vocab(direct), &Term::Iri(t.clone()))?;
    let edge = format!(
        "{RDF_BASE}edge:{}:{}:{}",
        e.rel.name(),
        iri_part(e.source_id),
        iri_part(e.target_id)
    );
    sink.triple(&edge, RDF_TYPE, &Term::Iri(vocab(class)))?;
    sink.triple(&edge, &vocab("source"), &Term::Iri(s))?;
    sink.triple(&edge, &vocab("target"), &Term::Iri(t))?;
    for (k, v) in &e.props {
        let p = match k.as_ref() {
            "documents" => {
                if let Value::List(docs) = v {
                    for d in docs {
                        sink.triple(
                            &edge,
                            &vocab("document"),
                            &Term::Iri(node_iri(NodeKind::Document, d)),
                        )?;
                    }
                }
                continue;
            }
            "quotes" => {
                if let Value::List(qs) = v {
                    for q in qs {
                        sink.triple(
                            &edge,
                            &vocab("quote"),
                            &Term::Iri(node_iri(NodeKind::Quote, q)),
                        )?;
                    }
                }
                continue;
            }
            k => vocab(k),
        };
        for o in Term::from_value(v) {
            sink.triple(&edge, &p, &o)?;
        }
    }
    Ok(())
}

fn write_rdf(
    corpus: &Corpus,
    opts: &ExportOptions,
    turtle: bool,
    w: &mut dyn Write,
) -> io::Result<()> {
    let pg = PropertyGraph::new(corpus, opts.view(corpus));
    if turtle {
        writeln!(
            w,
            "@prefix schema: <{SCHEMA}> .\n@prefix ng: <{VOCAB}> .\n@prefix xsd: <{XSD}> .\n"
        )?;
    }
    let mut sink = Sink {
        w,
        turtle,
        subject: None,
    };
    for n in pg.nodes() {
        write_node(&mut sink, &n)?;
    }
    for e in pg.edges() {
        write_edge(&mut sink, &e)?;
    }
    sink.finish()
}

/// Writes the graph as N-Triples (one triple a line, full IRIs).
///
/// ```
/// use newsgraph::export::{write_ntriples, ExportOptions};
/// use newsgraph::{Corpus, Document, Pipeline};
/// let p = Pipeline::builder().build().unwrap();
/// let mut c = Corpus::new();
/// c.add(p.analyze(&Document::from_text("d", "Moscow and Kyiv traded blame.")));
/// let mut out = Vec::new();
/// write_ntriples(&c, &ExportOptions::new(), &mut out).unwrap();
/// assert!(String::from_utf8(out).unwrap().contains(
///     "<urn:newsgraph:entity:kyiv> <https://schema.org/name> \"Kyiv\" ."));
/// ```
pub fn write_ntriples(corpus: &Corpus, opts: &ExportOptions, w: &mut dyn Write) -> io::Result<()> {
    write_rdf(corpus, opts, false, w)
}

/// Writes the graph as Turtle (the same triples as N-Triples, grouped by
/// subject, with `schema:`, `ng:` and `xsd:` prefixes).
///
/// ```
/// use newsgraph::export::{write_turtle, ExportOptions};
/// use newsgraph::{Corpus, Document, Pipeline};
/// let p = Pipeline::builder().build().unwrap();
/// let mut c = Corpus::new();
/// c.add(p.analyze(&Document::from_text("d", "Moscow and Kyiv traded blame.")));
/// let mut out = Vec::new();
/// write_turtle(&c, &ExportOptions::new(), &mut out).unwrap();
/// assert!(String::from_utf8(out).unwrap().contains("<urn:newsgraph:entity:kyiv> a schema:Place ;"));
/// ```
pub fn write_turtle(corpus: &Corpus, opts: &ExportOptions, w: &mut dyn Write) -> io::Result<()> {
    write_rdf(corpus, opts, true, w)
}
