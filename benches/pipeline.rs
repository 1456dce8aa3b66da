//! Criterion benchmarks, one group a pipeline stage, on the seeded corpus
//! of `benches/corpus` (about 2 MB of news-like text):
//!
//! - `normalize`: repair (mojibake and lossy punctuation scan);
//! - `segment`: paragraphs and sentences;
//! - `matcher`: the tagger (fold, automaton, boundary and case rules,
//!   ambiguity) against the bare `find_iter` scan of the same patterns;
//! - `quotes`: detection and attribution;
//! - `analyze`: the whole per-document pipeline;
//! - `export`: every streaming format of the resulting graph.
//!
//! `cargo bench --bench pipeline` runs them; `cargo bench --bench pipeline
//! -- matcher` one group. Throughput is reported in bytes of input text.

#[path = "corpus/mod.rs"]
mod corpus;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use newsgraph::export::{self, CypherDialect, ExportOptions};
use newsgraph::normalize::repair;
use newsgraph::quotes::{find_quotes, QuoteInput};
use newsgraph::segment::segment;
use newsgraph::{Corpus, Document, Pipeline};
use std::hint::black_box;
use std::io;

const CORPUS_BYTES: usize = 2_000_000;

fn texts() -> Vec<String> {
    corpus::articles(7, CORPUS_BYTES)
}

fn total(texts: &[String]) -> u64 {
    texts.iter().map(|t| t.len() as u64).sum()
}

fn stages(c: &mut Criterion) {
    let texts = texts();
    let pipeline = Pipeline::builder().build().expect("default gazetteer");
    let bytes = total(&texts);

    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("repair", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(repair(t).repairs.is_empty());
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("segment", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(segment(t).sentences.len());
            }
        })
    });
    g.finish();

    let segments: Vec<_> = texts.iter().map(|t| segment(t)).collect();
    let tagger = pipeline.tagger();
    let patterns: Vec<&str> = tagger.patterns().collect();
    let mut g = c.benchmark_group("matcher");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("tagger", |b| {
        b.iter(|| {
            for (t, s) in texts.iter().zip(&segments) {
                black_box(tagger.tag(t, s).len());
            }
        })
    });
    for (name, kind) in [
        ("bare_find_iter_nfa", AhoCorasickKind::ContiguousNFA),
        ("bare_find_iter_dfa", AhoCorasickKind::DFA),
    ] {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .kind(Some(kind))
            .build(&patterns)
            .expect("patterns build");
        g.bench_function(name, |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(ac.find_iter(t.as_str()).count());
                }
            })
        });
    }
    g.finish();

    let mentions: Vec<_> = texts
        .iter()
        .zip(&segments)
        .map(|(t, s)| tagger.tag(t, s))
        .collect();
    let mut g = c.benchmark_group("quotes");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("find_quotes", |b| {
        b.iter(|| {
            for ((text, segments), mentions) in texts.iter().zip(&segments).zip(&mentions) {
                let input = QuoteInput {
                    text,
                    segments,
                    mentions,
                    gazetteer: pipeline.gazetteer(),
                };
                black_box(find_quotes(&input).len());
            }
        })
    });
    g.finish();

    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::from_text(format!("a{i}"), t.clone()))
        .collect();
    let mut g = c.benchmark_group("analyze");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.bench_function("analyze_and_merge", |b| {
        b.iter(|| {
            let mut corpus = Corpus::graph_only();
            for d in &docs {
                corpus.add(pipeline.analyze(d));
            }
            black_box(corpus.graph().edge_count())
        })
    });
    g.finish();
}

fn exports(c: &mut Criterion) {
    let texts = texts();
    let pipeline = Pipeline::builder().build().expect("default gazetteer");
    let mut corpus = Corpus::new();
    for (i, t) in texts.iter().enumerate() {
        corpus.add(pipeline.analyze(&Document::from_text(format!("a{i}"), t.clone())));
    }
    let opts = ExportOptions::new();
    type Writer = fn(&Corpus, &ExportOptions, &mut dyn io::Write) -> io::Result<()>;
    let formats: [(&str, Writer); 9] = [
        ("json", export::write_json),
        ("dot", export::write_dot),
        ("graphml", export::write_graphml),
        ("gexf", export::write_gexf),
        ("node-link", export::write_node_link),
        ("cytoscape", export::write_cytoscape),
        ("jsonl", export::write_jsonl),
        ("ntriples", export::write_ntriples),
        ("turtle", export::write_turtle),
    ];
    let mut g = c.benchmark_group("export");
    g.sample_size(10);
    for (name, write) in formats {
        g.bench_with_input(BenchmarkId::from_parameter(name), &corpus, |b, corpus| {
            b.iter(|| write(corpus, &opts, &mut io::sink()).expect("sink never fails"))
        });
    }
    g.bench_function("cypher", |b| {
        b.iter(|| {
            export::write_cypher(&corpus, &opts, CypherDialect::Neo4j, &mut io::sink())
                .expect("sink never fails")
        })
    });
    g.finish();
}

criterion_group!(benches, stages, exports);
criterion_main!(benches);
