//! GraphML and GEXF: XML written by hand, every text and attribute value
//! escaped by [`XmlText`].

use super::model::{Node, PropType, PropertyGraph, Schema, Value};
use super::ExportOptions;
use crate::pipeline::Corpus;
use std::fmt;
use std::io::{self, Write};

/// Displays a string escaped for XML 1.0 text and attribute values: the
/// five markup characters as entities, tab, line feed and carriage return
/// as character references (so attribute-value normalization keeps them),
/// and characters XML 1.0 cannot carry at all as U+FFFD.
pub(crate) struct XmlText<'a>(pub(crate) &'a str);

impl fmt::Display for XmlText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let mut last = 0;
        for (i, c) in s.char_indices() {
            let rep = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                '\n' => "&#10;",
                '\r' => "&#13;",
                '\t' => "&#9;",
                '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => "\u{fffd}",
                _ => continue,
            };
            f.write_str(&s[last..i])?;
            f.write_str(rep)?;
            last = i + c.len_utf8();
        }
        f.write_str(&s[last..])
    }
}

/// A value as XML text: lists as a JSON array (the form Neo4j APOC writes
/// and reads for `attr.list`), everything else as its plain text.
fn value_text(v: &Value<'_>) -> String {
    match v {
        Value::List(_) => serde_json::to_string(v).unwrap_or_default(),
        v => v.to_text().into_owned(),
    }
}

fn graphml_type(t: PropType) -> &'static str {
    match t {
        PropType::Bool => "boolean",
        PropType::Int => "long",
        PropType::Float => "double",
        PropType::Str | PropType::List => "string",
    }
}

/// `:Entity:Person`, the node `labels` value APOC reads.
fn apoc_labels(n: &Node<'_>) -> String {
    n.labels().fold(String::new(), |mut s, l| {
        s.push(':');
        s.push_str(l);
        s
    })
}

/// Writes GraphML: typed `<key>`s for every node and edge property, node
/// `labels` (`:Entity:Person`) and edge `label` (`CO_OCCURS`) both as XML
/// attributes and as data, the way Neo4j APOC exports and imports them.
/// Node ids are the graph keys (entity id, `quote:<id>`, `document:<id>`).
///
/// ```
/// use newsgraph::export::{write_graphml, ExportOptions};
/// use newsgraph::{Corpus, Document, Pipeline};
/// let p = Pipeline::builder().build().unwrap();
/// let mut c = Corpus::new();
/// c.add(p.analyze(&Document::from_text("d", "Moscow and Kyiv traded blame.")));
/// let mut out = Vec::new();
/// write_graphml(&c, &ExportOptions::new(), &mut out).unwrap();
/// let xml = String::from_utf8(out).unwrap();
/// assert!(xml.contains(r#"<node id="kyiv" labels=":Entity:Place">"#));
/// assert!(xml.contains(r#"label="CO_OCCURS""#));
/// ```
pub fn write_graphml(corpus: &Corpus, opts: &ExportOptions, w: &mut dyn Write) -> io::Result<()> {
    let pg = PropertyGraph::new(corpus, opts.view(corpus));
    let schema = pg.schema();
    let (ncols, ecols) = (schema.node_columns(), schema.edge_columns());
    w.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    )?;
    writeln!(
        w,
        "<key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>"
    )?;
    for (i, (k, t)) in ncols.iter().enumerate() {
        let list = if *t == PropType::List {
            " attr.list=\"string\""
        } else {
            ""
        };
        writeln!(
            w,
            "<key id=\"n{i}\" for=\"node\" attr.name=\"{}\" attr.type=\"{}\"{list}/>",
            XmlText(k),
            graphml_type(*t)
        )?;
    }
    writeln!(
        w,
        "<key id=\"label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>"
    )?;
    for (i, (k, t)) in ecols.iter().enumerate() {
        let list = if *t == PropType::List {
            " attr.list=\"string\""
        } else {
            ""
        };
        writeln!(
            w,
            "<key id=\"e{i}\" for=\"edge\" attr.name=\"{}\" attr.type=\"{}\"{list}/>",
            XmlText(k),
            graphml_type(*t)
        )?;
    }
    writeln!(w, "<graph id=\"newsgraph\" edgedefault=\"directed\">")?;
    for n in pg.nodes() {
        let labels = apoc_labels(&n);
        write!(
            w,
            "<node id=\"{}\" labels=\"{}\"><data key=\"labels\">{}</data>",
            XmlText(&n.key),
            XmlText(&labels),
            XmlText(&labels)
        )?;
        for (k, v) in &n.props {
            let i = ncols
                .iter()
                .position(|(c, _)| c == k.as_ref())
                .expect("schema has every key");
            write!(w, "<data key=\"n{i}\">{}</data>", XmlText(&value_text(v)))?;
        }
        w.write_all(b"</node>\n")?;
    }
    for e in pg.edges() {
        let rel = e.rel.name();
        write!(
            w,
            "<edge id=\"{}\" source=\"{}\" target=\"{}\" label=\"{rel}\"><data key=\"label\">{rel}</data>",
            XmlText(&e.key()),
            XmlText(&e.source),
            XmlText(&e.target)
        )?;
        for (k, v) in &e.props {
            let i = ecols
                .iter()
                .position(|(c, _)| c == k.as_ref())
                .expect("schema has every key");
            write!(w, "<data key=\"e{i}\">{}</data>", XmlText(&value_text(v)))?;
        }
        w.write_all(b"</edge>\n")?;
    }
    w.write_all(b"</graph>\n</graphml>\n")
}

fn gexf_type(t: PropType) -> &'static str {
    match t {
        PropType::Bool => "boolean",
        PropType::Int => "long",
        PropType::Float => "double",
        PropType::Str | PropType::List => "string",
    }
}

/// Writes GEXF 1.3 for Gephi: node `label` is the name, edges carry
/// `weight` (co-occurrence windows, quotation counts; 1 for the others),
/// `label` and `kind` (the relationship type, so Gephi keeps parallel
/// edges of different types apart); lists become `;`-joined strings.
///
/// ```
/// use newsgraph::export::{write_gexf, ExportOptions};
/// use newsgraph::{Corpus, Document, Pipeline};
/// let p = Pipeline::builder().build().unwrap();
/// let mut c = Corpus::new();
/// c.add(p.analyze(&Document::from_text("d", "Moscow and Kyiv traded blame.")));
/// let mut out = Vec::new();
/// write_gexf(&c, &ExportOptions::new(), &mut out).unwrap();
/// assert!(String::from_utf8(out).unwrap().contains(r#"source="kyiv" target="moscow" weight="1""#));
/// ```
pub fn write_gexf(corpus: &Corpus, opts: &ExportOptions, w: &mut dyn Write) -> io::Result<()> {
    let pg = PropertyGraph::new(corpus, opts.view(corpus));
    let schema: Schema = pg.schema();
    let ncols = schema.node_columns();
    let ecols: Vec<_> = schema
        .edge_columns()
        .into_iter()
        .filter(|(k, _)| k != "weight")
        .collect();
    w.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n\
<meta><creator>newsgraph</creator><description>entities, quotations and documents</description></meta>\n\
<graph defaultedgetype=\"directed\" mode=\"static\">\n<attributes class=\"node\">\n\
<attribute id=\"labels\" title=\"labels\" type=\"string\"/>\n",
    )?;
    for (i, (k, t)) in ncols.iter().enumerate() {
        writeln!(
            w,
            "<attribute id=\"n{i}\" title=\"{}\" type=\"{}\"/>",
            XmlText(k),
            gexf_type(*t)
        )?;
    }
    w.write_all(b"</attributes>\n<attributes class=\"edge\">\n")?;
    for (i, (k, t)) in ecols.iter().enumerate() {
        writeln!(
            w,
            "<attribute id=\"e{i}\" title=\"{}\" type=\"{}\"/>",
            XmlText(k),
            gexf_type(*t)
        )?;
    }
    w.write_all(b"</attributes>\n<nodes>\n")?;
    for n in pg.nodes() {
        let labels: Vec<&str> = n.labels().collect();
        write!(
            w,
            "<node id=\"{}\" label=\"{}\"><attvalues>",
            XmlText(&n.key),
            XmlText(n.name)
        )?;
        write!(
            w,
            "<attvalue for=\"labels\" value=\"{}\"/>",
            XmlText(&labels.join(";"))
        )?;
        for (k, v) in &n.props {
            let i = ncols
                .iter()
                .position(|(c, _)| c == k.as_ref())
                .expect("schema has every key");
            write!(
                w,
                "<attvalue for=\"n{i}\" value=\"{}\"/>",
                XmlText(&v.to_text())
            )?;
        }
        w.write_all(b"</attvalues></node>\n")?;
    }
    w.write_all(b"</nodes>\n<edges>\n")?;
    for e in pg.edges() {
        let rel = e.rel.name();
        write!(
            w,
            "<edge id=\"{}\" source=\"{}\" target=\"{}\" weight=\"{}\" label=\"{rel}\" kind=\"{rel}\"><attvalues>",
            XmlText(&e.key()),
            XmlText(&e.source),
            XmlText(&e.target),
            e.weight()
        )?;
        for (k, v) in e.props.iter().filter(|(k, _)| k != "weight") {
            let i = ecols
                .iter()
                .position(|(c, _)| c == k.as_ref())
                .expect("schema has every key");
            write!(
                w,
                "<attvalue for=\"e{i}\" value=\"{}\"/>",
                XmlText(&v.to_text())
            )?;
        }
        w.write_all(b"</attvalues></edge>\n")?;
    }
    w.write_all(b"</edges>\n</graph>\n</gexf>\n")
}

#[cfg(test)]
mod tests {
    use super::XmlText;

    #[test]
    fn xml_text_escapes_markup_and_line_breaks() {
        let cases = [
            ("plain Zoë", "plain Zoë"),
            ("a<b>&\"c'", "a&lt;b&gt;&amp;&quot;c&apos;"),
            ("line\nbreak\r\ttab", "line&#10;break&#13;&#9;tab"),
            ("nul\u{0}bell\u{7}", "nul\u{fffd}bell\u{fffd}"),
            ("back\\slash", "back\\slash"),
        ];
        for (input, want) in cases {
            assert_eq!(XmlText(input).to_string(), want, "{input:?}");
        }
    }
}
