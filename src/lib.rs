//! newsgraph turns news text into a knowledge graph.
//!
//! The pipeline, one module a stage:
//! [`ingest`] (read inputs) -> [`normalize`] (repair, fold, offset maps) ->
//! [`segment`] (paragraphs, sentences) -> [`gazetteer`] + [`tag`] (one
//! automaton, mentions) -> [`quotes`] (quotations and speakers) -> [`graph`]
//! (petgraph model, merge) -> [`export`] (one module a format).
#![deny(missing_docs)]

pub mod error;
pub mod export;
pub mod gazetteer;
pub mod graph;
pub mod ingest;
pub mod normalize;
pub mod pipeline;
pub mod quotes;
pub mod segment;
pub mod span;
pub mod suggest;
pub mod tag;

pub use error::{Error, ErrorKind, Result};
pub use gazetteer::{Entity, EntityIdx, EntityType, Gazetteer};
pub use graph::EntityGraph;
pub use ingest::{Document, DocumentMeta, DocumentReader, DocumentReaderBuilder, Input};
pub use pipeline::{Analysis, Corpus, Pipeline, PipelineBuilder, Window};
pub use span::{OffsetMap, OffsetMapBuilder, Span};
pub use tag::{Mention, TagStats, Tagger};
