//! Graphviz DOT through dot-writer. dot-writer escapes nothing, so every
//! id and label goes through [`quote`] here.

use super::{ErrorLatch, ExportOptions, GraphView};
use crate::gazetteer::EntityType;
use crate::graph::Relation;
use crate::pipeline::Corpus;
use dot_writer::{Attributes, DotWriter};
use std::io::{self, Write};

/// Quotes a DOT string: `"` and `\` escaped, line breaks as `\n`.
///
/// ```
/// assert_eq!(newsgraph::export::dot_quote("say \"hi\" \\ now"), r#""say \"hi\" \\ now""#);
/// ```
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn style(kind: EntityType) -> (&'static str, &'static str) {
    match kind {
        EntityType::Person => ("ellipse", "#a6cee3"),
        EntityType::Place => ("box", "#b2df8a"),
        EntityType::Organization => ("hexagon", "#fdbf6f"),
    }
}

/// Pen width grows with the logarithm of the weight, from 1 to 8.
fn pen_width(weight: u64) -> f32 {
    (1.0 + (weight.max(1) as f32).log2()).min(8.0)
}

/// Writes the graph as a DOT digraph: nodes shaped and coloured by type and
/// labelled with names; co-occurrence edges undirected (`dir=none`) with
/// pen width by weight; quoted_about edges dashed and labelled with the
/// number of quotations.
pub fn write_dot(corpus: &Corpus, opts: &ExportOptions, w: &mut dyn Write) -> io::Result<()> {
    let GraphView { nodes, edges } = opts.view(corpus);
    let mut latch = ErrorLatch::new(w);
    {
        let mut writer = DotWriter::from(&mut latch);
        writer.set_pretty_print(true);
        let mut g = writer.digraph();
        g.graph_attributes()
            .set("overlap", "false", false)
            .set("splines", "true", false)
            .set("layout", "dot", false);
        g.node_attributes()
            .set("style", "filled", false)
            .set("fontname", "Helvetica", true);
        for n in &nodes {
            let (shape, color) = style(n.kind);
            g.node_named(quote(&n.id))
                .set("label", &escape_inner(&n.name), true)
                .set("shape", shape, false)
                .set("fillcolor", color, true)
                .set(
                    "tooltip",
                    &escape_inner(&format!("{} ({}, {} mentions)", n.name, n.kind, n.mentions)),
                    true,
                );
        }
        for (s, t, e) in &edges {
            let mut attrs = g.edge(quote(&s.id), quote(&t.id)).attributes();
            match e.relation {
                Relation::CoOccurs => {
                    attrs
                        .set("dir", "none", false)
                        .set("penwidth", &format!("{:.2}", pen_width(e.weight)), false)
                        .set("weight", &e.weight.to_string(), false)
                        .set("tooltip", &format!("co-occurs {}x", e.weight), true);
                }
                Relation::QuotedAbout => {
                    attrs
                        .set("style", "dashed", false)
                        .set("color", "#e31a1c", true)
                        .set("fontcolor", "#e31a1c", true)
                        .set("label", &e.weight.to_string(), true)
                        .set("tooltip", &format!("quoted about {}x", e.weight), true);
                }
            }
        }
    }
    latch.finish()
}

/// The inside of a quoted DOT string (dot-writer adds the outer quotes).
fn escape_inner(s: &str) -> String {
    let q = quote(s);
    q[1..q.len() - 1].to_string()
}
