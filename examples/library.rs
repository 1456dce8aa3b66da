//! Using newsgraph as a library: build a pipeline once, analyze documents,
//! collect them in a corpus, and read the graph and quotations.
//!
//! Run with `cargo run --example library [DIR]` (default: the bundled
//! example articles).

use newsgraph::export::{write_json, ExportOptions};
use newsgraph::{Corpus, DocumentReader, Input, Pipeline, Window};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles").to_string());

    // The default gazetteer is embedded; the automaton is compiled once here.
    let pipeline = Pipeline::builder().window(Window::Sentence).build()?;

    let mut corpus = Corpus::new();
    let read = pipeline.process(
        DocumentReader::new([Input::Path(dir.into())]),
        &mut corpus,
        |e| eprintln!("skipped: {e}"),
    );
    println!("{read} documents");

    println!("\nMost mentioned:");
    let mut entities = corpus.graph().entities();
    entities.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.id.cmp(&b.id)));
    for e in entities.iter().take(5) {
        println!("  {:<28} {:<12} {}", e.name, e.kind.as_str(), e.mentions);
    }

    println!("\nStrongest co-occurrences:");
    let mut edges: Vec<_> = corpus.graph().edges().collect();
    edges.sort_by(|a, b| b.2.weight.cmp(&a.2.weight).then(a.0.id.cmp(&b.0.id)));
    for (s, t, e) in edges.iter().take(5) {
        println!(
            "  {} -- {} ({} {})",
            s.name,
            t.name,
            e.relation.as_str(),
            e.weight
        );
    }

    println!("\nQuotations:");
    for q in corpus.quotes() {
        let who = q.speaker_name.as_deref().unwrap_or("(unknown)");
        println!("  {who}: \u{201c}{}\u{201d}", q.text);
    }

    // The same corpus as `newsgraph build -f json` writes it.
    let mut json = Vec::new();
    write_json(&corpus, &ExportOptions::new(), &mut json)?;
    println!("\nJSON: {} bytes", json.len());
    Ok(())
}
