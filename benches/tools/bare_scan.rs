//! The ceiling for newsgraph's throughput: a bare `AhoCorasick::find_iter`
//! over the same text with the same patterns, on one thread, and nothing
//! else (no folding, no segmenting, no rules, no output).
//!
//! ```sh
//! cargo run --release --example bare_scan -- corpus.jsonl
//! cargo run --release --example bare_scan -- corpus.jsonl --dump-patterns forms.txt
//! ```
//!
//! The patterns are the tagger's folded surface forms (the default
//! gazetteer, or `-g FILE` added to it). `--dump-patterns` writes them one a
//! line, so other matchers (flashtext, spaCy) are measured on the same
//! forms. Prints one line of JSON: bytes, documents, matches, seconds, MB/s
//! for each automaton kind.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use newsgraph::{Gazetteer, Tagger};
use std::io::{BufRead, BufReader, Write};
use std::time::Instant;

#[derive(serde::Deserialize)]
struct Line {
    text: String,
}

fn die(msg: String) -> ! {
    eprintln!("bare_scan: {msg}");
    std::process::exit(2)
}

fn main() {
    let mut corpus = None;
    let mut dump = None;
    let mut gazetteer = Gazetteer::default_gazetteer();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dump-patterns" => dump = args.next(),
            "-g" => {
                let path = args.next().unwrap_or_else(|| die("-g needs a path".into()));
                gazetteer
                    .load_path(&path)
                    .unwrap_or_else(|e| die(e.to_string()));
            }
            _ => corpus = Some(a),
        }
    }
    let tagger = Tagger::new(&gazetteer).unwrap_or_else(|e| die(e.to_string()));
    let patterns: Vec<&str> = tagger.patterns().collect();
    if let Some(path) = dump {
        let mut w = std::io::BufWriter::new(
            std::fs::File::create(&path).unwrap_or_else(|e| die(format!("{path}: {e}"))),
        );
        for p in &patterns {
            writeln!(w, "{p}").unwrap_or_else(|e| die(format!("{path}: {e}")));
        }
        w.flush().unwrap_or_else(|e| die(format!("{path}: {e}")));
    }
    let Some(corpus) = corpus else { return };
    let file = std::fs::File::open(&corpus).unwrap_or_else(|e| die(format!("{corpus}: {e}")));
    let texts: Vec<String> = BufReader::new(file)
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let line = line.unwrap_or_else(|e| die(format!("{corpus}: {e}")));
            serde_json::from_str::<Line>(&line)
                .unwrap_or_else(|e| die(format!("{corpus}:{}: {e}", i + 1)))
                .text
        })
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut results = Vec::new();
    for (name, kind) in [
        ("contiguous_nfa", AhoCorasickKind::ContiguousNFA),
        ("dfa", AhoCorasickKind::DFA),
    ] {
        let built = Instant::now();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .kind(Some(kind))
            .build(&patterns)
            .unwrap_or_else(|e| die(e.to_string()));
        let build_s = built.elapsed().as_secs_f64();
        let start = Instant::now();
        let mut matches = 0usize;
        for t in &texts {
            matches += ac.find_iter(t.as_str()).count();
        }
        let secs = start.elapsed().as_secs_f64();
        results.push(serde_json::json!({
            "kind": name,
            "build_seconds": build_s,
            "matches": matches,
            "seconds": secs,
            "mb_per_s": bytes as f64 / 1e6 / secs,
        }));
    }
    println!(
        "{}",
        serde_json::json!({
            "bytes": bytes,
            "documents": texts.len(),
            "patterns": patterns.len(),
            "scans": results,
        })
    );
}
