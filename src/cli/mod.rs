//! Command-line arguments as clap parses them ("low" arguments); the
//! commands in `commands.rs` resolve them into a pipeline and run it.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub mod commands;

/// Turn news text into a knowledge graph: entities, co-occurrence edges,
/// quotations and their speakers.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the entity graph of the inputs and write it as JSON or DOT.
    Build(BuildArgs),
    /// List the entities found in the inputs with their counts.
    Entities(EntitiesArgs),
    /// List direct quotations: who was quoted on what.
    Quotes(QuotesArgs),
    /// Check, import and export gazetteer files.
    #[command(subcommand)]
    Gazetteer(GazetteerCommand),
    /// Suggest names the gazetteer missed, as a gazetteer file (load it with -g; its rows
    /// have the id, type, name and aliases columns, so they paste under any gazetteer header).
    Suggest(SuggestArgs),
    /// Merge graphs built separately (newsgraph/1 JSON files) and write the result.
    Merge(MergeArgs),
}

#[derive(Debug, Subcommand)]
pub enum GazetteerCommand {
    /// Validate gazetteer files: columns, duplicate ids, shared and common-word aliases.
    Check {
        /// Gazetteer files (.tsv) or directories of them.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Convert a spaCy EntityRuler pattern file (JSON Lines) to a gazetteer TSV.
    Import {
        /// The spaCy patterns file.
        #[arg(long, value_name = "FILE")]
        spacy: PathBuf,
        /// Write to FILE (atomically) instead of standard output.
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write the loaded gazetteer (default plus -g files) as spaCy EntityRuler patterns.
    Export {
        /// Write spaCy EntityRuler patterns (JSON Lines).
        #[arg(long, required = true)]
        spacy: bool,
        /// Gazetteer file or directory, loaded after the default (repeatable).
        #[arg(short = 'g', long = "gazetteer", value_name = "PATH")]
        gazetteers: Vec<PathBuf>,
        /// Do not include the embedded default gazetteer.
        #[arg(long)]
        no_default_gazetteer: bool,
        /// Write to FILE (atomically) instead of standard output.
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct SuggestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Print at most N suggestions.
    #[arg(short = 'n', long, value_name = "N", default_value_t = 50)]
    pub limit: usize,
}

/// Inputs and gazetteers, shared by every command that reads news.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files, directories (read recursively: .txt, .md, .text, .jsonl) or `-` for stdin.
    /// With none, standard input is read when it is not a terminal.
    ///
    /// A document's id is its path relative to the directory given, its file name when the
    /// file is given directly, `stdin`, or for JSON Lines the record's `id` (else FILE:LINE).
    /// Ids are unique within a run: when an id repeats, the later document gets its path as
    /// given (`d2/a.txt`; `PATH:LINE` for a JSON Lines record), or when that is taken too the
    /// path with `~2`, `~3`, ... appended, and a warning naming both documents is printed.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Gazetteer file or directory of .tsv files, loaded after the default (repeatable).
    #[arg(short = 'g', long = "gazetteer", value_name = "PATH")]
    pub gazetteers: Vec<PathBuf>,
    /// Do not load the embedded default gazetteer.
    #[arg(long)]
    pub no_default_gazetteer: bool,
    /// Do not count demonyms ("Russian") as mentions of their place.
    #[arg(long)]
    pub no_demonyms: bool,
    /// Read standard input as JSON Lines (one {"text": ...} object a line).
    #[arg(long)]
    pub jsonl: bool,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum GraphFormat {
    Json,
    Dot,
    Graphml,
    Gexf,
    NodeLink,
    Cytoscape,
    Cypher,
    /// neo4j-admin import CSV: a directory (-o DIR) with nodes.csv and relationships.csv.
    Neo4jCsv,
    Ntriples,
    Turtle,
    Jsonl,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DialectArg {
    Neo4j,
    Falkordb,
    Kuzu,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// newsgraph/1 JSON files written by `build -f json`.
    #[arg(value_name = "FILE", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(short = 'f', long, value_enum, default_value = "json")]
    pub format: GraphFormat,
    /// Cypher dialect (with -f cypher).
    #[arg(long, value_enum, default_value = "neo4j")]
    pub dialect: DialectArg,
    /// Write to FILE (atomically; a directory for neo4j-csv) instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Leave out edges of lower weight.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_weight: u64,
    /// Keep only the N most-mentioned entities.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum WindowArg {
    Sentence,
    Paragraph,
    Document,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(short = 'f', long, value_enum, default_value = "json")]
    pub format: GraphFormat,
    /// Cypher dialect (with -f cypher).
    #[arg(long, value_enum, default_value = "neo4j")]
    pub dialect: DialectArg,
    /// Write to FILE (atomically; a directory for neo4j-csv) instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The span two entities must share to co-occur.
    #[arg(long, value_enum, default_value = "sentence")]
    pub window: WindowArg,
    /// Leave out edges of lower weight.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_weight: u64,
    /// Keep only the N most-mentioned entities.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TableFormat {
    Table,
    Json,
    Tsv,
}

#[derive(Debug, Args)]
pub struct EntitiesArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    pub format: TableFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum QuoteFormat {
    Table,
    Json,
    Jsonl,
    Csv,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Full,
    Partial,
    Scare,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Only quotations by this speaker (entity id, name or alias; case-insensitive).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Only quotations about this entity (id, name or alias; case-insensitive).
    #[arg(long, value_name = "NAME")]
    pub about: Option<String>,
    /// Only quotations whose text contains TEXT (case-insensitive).
    #[arg(long, value_name = "TEXT")]
    pub contains: Option<String>,
    /// Only quotations of this kind.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Output format.
    #[arg(short = 'f', long, value_enum, default_value = "table")]
    pub format: QuoteFormat,
}
