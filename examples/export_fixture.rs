//! Writes the export test corpus (names and a quotation with quotes,
//! backslashes, line breaks and non-ASCII text) in every export format,
//! plus `expected.json` with the counts and strings each client must read
//! back. The CI client checks (`.ci/clients/graph-clients.sh`) load these
//! files into networkx, Kùzu, FalkorDB, Oxigraph, rdflib and Cytoscape.js.
//!
//! ```sh
//! cargo run --example export_fixture -- target/export-fixture
//! ```

#[path = "../tests/data/exports/fixture.rs"]
mod fixture;

use newsgraph::export::*;
use newsgraph::graph::Relation;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/export-fixture".into()),
    );
    std::fs::create_dir_all(&dir)?;
    let corpus = fixture::corpus();
    let opts = ExportOptions::new();
    type Export =
        fn(&newsgraph::Corpus, &ExportOptions, &mut dyn std::io::Write) -> std::io::Result<()>;
    let files: [(&str, Export); 10] = [
        ("graph.json", write_json),
        ("graph.dot", write_dot),
        ("graph.graphml", write_graphml),
        ("graph.gexf", write_gexf),
        ("graph.node-link.json", write_node_link),
        ("graph.cyjs", write_cytoscape),
        ("graph.nt", write_ntriples),
        ("graph.ttl", write_turtle),
        ("graph.jsonl", write_jsonl),
        ("graph.neo4j.cypher", |c, o, w| {
            write_cypher(c, o, CypherDialect::Neo4j, w)
        }),
    ];
    for (name, export) in files {
        write_atomic(dir.join(name), |w| export(&corpus, &opts, w))?;
    }
    write_atomic(dir.join("graph.falkordb.cypher"), |w| {
        write_cypher(&corpus, &opts, CypherDialect::FalkorDb, w)
    })?;
    write_atomic(dir.join("graph.kuzu.cypher"), |w| {
        write_cypher(&corpus, &opts, CypherDialect::Kuzu, w)
    })?;
    write_neo4j_csv(&corpus, &opts, dir.join("neo4j-csv"))?;

    // What every client must find, counted from the corpus, not from an export.
    let g = corpus.graph();
    let count = |r: Relation| g.edges().filter(|e| e.2.relation == r).count();
    let expected = serde_json::json!({
        "entities": g.entity_count(),
        "quotes": corpus.quotes().len(),
        "documents": corpus.documents().len(),
        "nodes": g.entity_count() + corpus.quotes().len() + corpus.documents().len(),
        "co_occurs": count(Relation::CoOccurs),
        "quoted_about": count(Relation::QuotedAbout),
        "said": corpus.quotes().iter().filter(|q| q.speaker.is_some()).count(),
        "about": corpus.quotes().iter().map(|q| q.about.len()).sum::<usize>(),
        "mentions": g.entities().iter().map(|e| e.documents.len()).sum::<usize>(),
        "tricky_id": "zoe-oneil",
        "tricky_name": fixture::TRICKY_NAME,
        "tricky_quote_id": corpus.quotes()[0].id,
        "tricky_quote": fixture::TRICKY_QUOTE,
    });
    let edges = ["co_occurs", "quoted_about", "said", "about", "mentions"]
        .iter()
        .map(|k| expected[k].as_u64().unwrap_or(0))
        .sum::<u64>();
    let mut expected = expected;
    expected["edges"] = edges.into();
    std::fs::write(
        dir.join("expected.json"),
        serde_json::to_string_pretty(&expected)?,
    )?;
    println!("wrote {}", dir.display());
    Ok(())
}
