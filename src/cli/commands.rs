//! The commands: resolve arguments into a pipeline ("high" arguments),
//! run it over the inputs, and print.

use super::*;
use anyhow::{Context, Result};
use newsgraph::export::{write_atomic, write_csv_record, ExportOptions};
use newsgraph::normalize::fold_str;
use newsgraph::pipeline::QuoteRecord;
use newsgraph::{Corpus, DocumentReader, Input, Pipeline, Window};
use std::io::{self, IsTerminal, Write};

/// An error in how the command was called (exit status 2).
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Runs a command; returns the number of inputs skipped.
pub fn run(cli: Cli) -> Result<u64> {
    match cli.command {
        Command::Build(a) => build(a),
        Command::Entities(a) => entities(a),
        Command::Quotes(a) => quotes(a),
        Command::Gazetteer(c) => gazetteer(c),
        Command::Suggest(a) => suggest(a),
        Command::Merge(a) => merge(a),
    }
}

fn gazetteer(c: GazetteerCommand) -> Result<u64> {
    use newsgraph::gazetteer::{check, spacy};
    match c {
        GazetteerCommand::Check { files } => {
            let mut paths = Vec::new();
            for f in files {
                if f.is_dir() {
                    let mut inner: Vec<_> = std::fs::read_dir(&f)
                        .with_context(|| format!("{}", f.display()))?
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
                        .collect();
                    inner.sort();
                    paths.extend(inner);
                } else {
                    paths.push(f);
                }
            }
            let mut texts = Vec::new();
            for p in &paths {
                let bytes = std::fs::read(p).with_context(|| format!("{}", p.display()))?;
                let text = String::from_utf8(bytes).map_err(|e| {
                    anyhow::anyhow!(
                        "{}: byte {}: not valid UTF-8",
                        p.display(),
                        e.utf8_error().valid_up_to()
                    )
                })?;
                texts.push((p.display().to_string(), text));
            }
            let refs: Vec<(&str, &str)> = texts
                .iter()
                .map(|(o, t)| (o.as_str(), t.as_str()))
                .collect();
            let findings = check::check_tsv(&refs);
            let errors = findings
                .iter()
                .filter(|f| f.severity == check::Severity::Error)
                .count();
            for f in &findings {
                println!("{f}");
            }
            eprintln!(
                "newsgraph: checked {} file(s): {} error(s), {} warning(s)",
                paths.len(),
                errors,
                findings.len() - errors
            );
            Ok(errors as u64)
        }
        GazetteerCommand::Import {
            spacy: file,
            output,
        } => {
            let bytes = std::fs::read(&file).with_context(|| format!("{}", file.display()))?;
            let (g, warnings) = spacy::read_pattern_bytes(&file.display().to_string(), &bytes)?;
            for w in &warnings {
                eprintln!("newsgraph: {w}");
            }
            emit(output.as_deref(), |w| spacy::write_tsv(&g, w))?;
            Ok(warnings.len() as u64)
        }
        GazetteerCommand::Export {
            spacy: _,
            gazetteers,
            no_default_gazetteer,
            output,
        } => {
            let mut g = if no_default_gazetteer {
                newsgraph::Gazetteer::new()
            } else {
                newsgraph::Gazetteer::default_gazetteer()
            };
            for p in &gazetteers {
                g.load_path(p)?;
            }
            emit(output.as_deref(), |w| spacy::write_patterns(&g, w))?;
            Ok(0)
        }
    }
}

fn suggest(a: SuggestArgs) -> Result<u64> {
    use newsgraph::suggest::{write_suggestions, Suggester};
    let session = Session::new(&a.input, Window::Sentence)?;
    let mut suggester = Suggester::new();
    let mut skipped = 0;
    for item in session.reader() {
        match item {
            Ok(doc) => suggester.add(&session.pipeline, &doc.text),
            Err(e) => {
                skipped += 1;
                eprintln!("newsgraph: skipped: {e}");
            }
        }
    }
    let mut list = suggester.finish();
    list.truncate(a.limit);
    emit(None, |w| write_suggestions(&list, w))?;
    Ok(skipped)
}

/// The resolved inputs and pipeline.
struct Session {
    pipeline: Pipeline,
    inputs: Vec<Input>,
    threads: Option<usize>,
    jsonl: bool,
}

impl Session {
    fn new(a: &InputArgs, window: Window) -> Result<Session> {
        let mut inputs = Vec::new();
        for p in &a.inputs {
            if p.as_os_str() == "-" {
                inputs.push(Input::Stdin);
            } else {
                std::fs::metadata(p).with_context(|| format!("{}", p.display()))?;
                inputs.push(Input::Path(p.clone()));
            }
        }
        if inputs.is_empty() {
            if io::stdin().is_terminal() {
                return Err(UsageError(
                    "no INPUT given and standard input is a terminal (pass files, directories or `-`)".into(),
                )
                .into());
            }
            inputs.push(Input::Stdin);
        }
        if a.threads == Some(0) {
            return Err(UsageError("--threads must be at least 1".into()).into());
        }
        let mut b = Pipeline::builder();
        b.default_gazetteer(!a.no_default_gazetteer)
            .window(window)
            .demonyms(!a.no_demonyms);
        for g in &a.gazetteers {
            b.gazetteer_path(g);
        }
        let pipeline = b.build()?;
        Ok(Session {
            pipeline,
            inputs,
            threads: a.threads,
            jsonl: a.jsonl,
        })
    }

    fn reader(&self) -> DocumentReader {
        DocumentReader::builder()
            .jsonl_stdin(self.jsonl)
            .build(self.inputs.clone())
    }

    /// Reads and analyzes every input; reports skipped ones on stderr.
    fn run(&self, mut corpus: Corpus) -> Result<(Corpus, u64)> {
        let mut reader = self.reader();
        let mut skipped = 0u64;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.threads.unwrap_or(0))
            .build()
            .context("cannot start worker threads")?;
        let done = pool.install(|| {
            self.pipeline.process(&mut reader, &mut corpus, |e| {
                skipped += 1;
                eprintln!("newsgraph: skipped: {e}");
            })
        });
        for renamed in reader.renamed() {
            eprintln!("newsgraph: warning: {renamed}");
        }
        let passed_over = reader.skipped_files();
        if skipped > 0 || passed_over > 0 {
            eprintln!(
                "newsgraph: {done} documents read, {skipped} skipped, {passed_over} non-text files passed over"
            );
        }
        Ok((corpus, skipped))
    }
}

fn window(w: WindowArg) -> Window {
    match w {
        WindowArg::Sentence => Window::Sentence,
        WindowArg::Paragraph => Window::Paragraph,
        WindowArg::Document => Window::Document,
    }
}

/// Writes to the output file atomically, or to stdout.
fn emit(
    output: Option<&std::path::Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    match output {
        Some(path) => Ok(write_atomic(path, write)?),
        None => {
            let stdout = io::stdout();
            let mut lock = io::BufWriter::new(stdout.lock());
            match write(&mut lock).and_then(|_| lock.flush()) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                r => r.context("writing to standard output"),
            }
        }
    }
}

fn build(a: BuildArgs) -> Result<u64> {
    let session = Session::new(&a.input, window(a.window))?;
    let corpus = match a.format {
        GraphFormat::Dot => Corpus::graph_only(),
        _ => Corpus::new(),
    };
    let (corpus, skipped) = session.run(corpus)?;
    let mut opts = ExportOptions::new();
    opts.min_weight(a.min_weight).top(a.top);
    export_graph(&corpus, &opts, a.format, a.dialect, a.output.as_deref())?;
    exit_without_freeing(corpus, session);
    Ok(skipped)
}

/// The process exits right after a command: freeing a large graph and the
/// gazetteer piece by piece would only cost time.
fn exit_without_freeing(corpus: Corpus, session: Session) {
    std::mem::forget(corpus);
    std::mem::forget(session);
}

/// Writes `corpus` in `format` to the output (a directory for neo4j-csv).
fn export_graph(
    corpus: &Corpus,
    opts: &ExportOptions,
    format: GraphFormat,
    dialect: DialectArg,
    output: Option<&std::path::Path>,
) -> Result<()> {
    use newsgraph::export::*;
    if let GraphFormat::Neo4jCsv = format {
        let dir = output.ok_or_else(|| {
            UsageError("-f neo4j-csv writes a directory: give it with -o DIR".into())
        })?;
        return Ok(write_neo4j_csv(corpus, opts, dir)?);
    }
    let dialect = match dialect {
        DialectArg::Neo4j => CypherDialect::Neo4j,
        DialectArg::Falkordb => CypherDialect::FalkorDb,
        DialectArg::Kuzu => CypherDialect::Kuzu,
    };
    emit(output, |w| match format {
        GraphFormat::Json => write_json(corpus, opts, w),
        GraphFormat::Dot => write_dot(corpus, opts, w),
        GraphFormat::Graphml => write_graphml(corpus, opts, w),
        GraphFormat::Gexf => write_gexf(corpus, opts, w),
        GraphFormat::NodeLink => write_node_link(corpus, opts, w),
        GraphFormat::Cytoscape => write_cytoscape(corpus, opts, w),
        GraphFormat::Cypher => write_cypher(corpus, opts, dialect, w),
        GraphFormat::Ntriples => write_ntriples(corpus, opts, w),
        GraphFormat::Turtle => write_turtle(corpus, opts, w),
        GraphFormat::Jsonl => write_jsonl(corpus, opts, w),
        GraphFormat::Neo4jCsv => unreachable!("handled above"),
    })
}

/// Reads newsgraph/1 JSON files, merges them in order, and writes the result.
///
/// A document listed by two files (or a file given twice) is an error
/// before anything is written: merging it again would double every weight
/// and count it came with.
fn merge(a: MergeArgs) -> Result<u64> {
    let mut corpus = Corpus::new();
    let mut first_file: std::collections::HashMap<String, usize> = Default::default();
    for (n, path) in a.inputs.iter().enumerate() {
        let shard = newsgraph::export::read_json_file(path)?;
        for d in shard.documents() {
            let first = *first_file.entry(d.id.clone()).or_insert(n);
            if first != n {
                anyhow::bail!(
                    "{}: document {:?} is already in {}; merging it twice would double its counts and weights",
                    path.display(),
                    d.id,
                    a.inputs[first].display()
                );
            }
        }
        corpus.merge(shard);
    }
    let mut opts = ExportOptions::new();
    opts.min_weight(a.min_weight).top(a.top);
    export_graph(&corpus, &opts, a.format, a.dialect, a.output.as_deref())?;
    Ok(0)
}

fn entities(a: EntitiesArgs) -> Result<u64> {
    let session = Session::new(&a.input, Window::Sentence)?;
    let (corpus, skipped) = session.run(Corpus::graph_only())?;
    let mut list = corpus.graph().entities();
    list.sort_by(|x, y| y.mentions.cmp(&x.mentions).then(x.id.cmp(&y.id)));
    emit(None, |w| match a.format {
        TableFormat::Json => {
            let rows: Vec<serde_json::Value> = list
                .iter()
                .map(|e| {
                    serde_json::json!({"id": e.id, "name": e.name, "type": e.kind, "source": e.source,
                        "mentions": e.mentions, "documents": e.documents.len(), "forms": e.forms})
                })
                .collect();
            serde_json::to_writer_pretty(&mut *w, &rows)?;
            writeln!(w)
        }
        TableFormat::Tsv => {
            writeln!(w, "id\tname\ttype\tmentions\tdocuments")?;
            for e in &list {
                writeln!(
                    w,
                    "{}\t{}\t{}\t{}\t{}",
                    e.id,
                    e.name,
                    e.kind,
                    e.mentions,
                    e.documents.len()
                )?;
            }
            Ok(())
        }
        TableFormat::Table => {
            let width = list
                .iter()
                .map(|e| e.name.chars().count())
                .max()
                .unwrap_or(6)
                .clamp(6, 40);
            writeln!(
                w,
                "{:<width$}  {:<12}  {:>8}  {:>9}  ID",
                "ENTITY", "TYPE", "MENTIONS", "DOCUMENTS"
            )?;
            for e in &list {
                writeln!(
                    w,
                    "{:<width$}  {:<12}  {:>8}  {:>9}  {}",
                    truncate(&e.name, width),
                    e.kind.as_str(),
                    e.mentions,
                    e.documents.len(),
                    e.id
                )?;
            }
            Ok(())
        }
    })?;
    Ok(skipped)
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
    t.push('\u{2026}');
    t
}

/// Matches a --speaker/--about NAME against entity ids and names.
struct NameFilter {
    ids: Vec<String>,
    folded: String,
}

impl NameFilter {
    fn new(p: &Pipeline, name: &str) -> NameFilter {
        NameFilter {
            ids: p.entity_ids_named(name),
            folded: fold_str(name.trim()),
        }
    }

    fn matches(&self, id: &str, name: Option<&str>) -> bool {
        self.ids.iter().any(|i| i == id)
            || fold_str(id) == self.folded
            || name.is_some_and(|n| newsgraph::pipeline::name_matches(n, &self.folded, true))
    }
}

fn quotes(a: QuotesArgs) -> Result<u64> {
    let session = Session::new(&a.input, Window::Sentence)?;
    let (corpus, skipped) = session.run(Corpus::new())?;
    let p = &session.pipeline;
    let speaker = a.speaker.as_deref().map(|n| NameFilter::new(p, n));
    let about = a.about.as_deref().map(|n| NameFilter::new(p, n));
    let contains = a.contains.as_deref().map(fold_str);
    let names: std::collections::HashMap<&str, &str> = corpus
        .graph()
        .entities()
        .into_iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    let selected: Vec<&QuoteRecord> = corpus
        .quotes()
        .iter()
        .filter(|q| {
            speaker.as_ref().is_none_or(|f| {
                q.speaker
                    .as_deref()
                    .is_some_and(|s| f.matches(s, q.speaker_name.as_deref()))
            })
        })
        .filter(|q| {
            about.as_ref().is_none_or(|f| {
                q.about
                    .iter()
                    .any(|id| f.matches(id, names.get(id.as_str()).copied()))
            })
        })
        .filter(|q| {
            contains
                .as_ref()
                .is_none_or(|c| fold_str(&q.text).contains(c.as_str()))
        })
        .filter(|q| {
            a.kind.is_none_or(|k| {
                matches!(
                    (k, q.kind),
                    (KindArg::Full, newsgraph::quotes::QuoteKind::Full)
                        | (KindArg::Partial, newsgraph::quotes::QuoteKind::Partial)
                        | (KindArg::Scare, newsgraph::quotes::QuoteKind::Scare)
                )
            })
        })
        .collect();
    emit(None, |w| match a.format {
        QuoteFormat::Json => {
            serde_json::to_writer_pretty(&mut *w, &selected)?;
            writeln!(w)
        }
        QuoteFormat::Jsonl => {
            for q in &selected {
                serde_json::to_writer(&mut *w, q)?;
                writeln!(w)?;
            }
            Ok(())
        }
        QuoteFormat::Csv => {
            write_csv_record(
                w,
                [
                    "id",
                    "document",
                    "start",
                    "end",
                    "kind",
                    "speaker",
                    "speaker_name",
                    "text",
                    "cue",
                    "about",
                ],
            )?;
            for q in &selected {
                let (start, end) = (q.start.to_string(), q.end.to_string());
                let kind = serde_json::to_value(q.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                let about = q.about.join(";");
                write_csv_record(
                    w,
                    [
                        q.id.as_str(),
                        &q.document,
                        &start,
                        &end,
                        &kind,
                        q.speaker.as_deref().unwrap_or(""),
                        q.speaker_name.as_deref().unwrap_or(""),
                        &q.text,
                        q.cue.as_deref().unwrap_or(""),
                        &about,
                    ],
                )?;
            }
            Ok(())
        }
        QuoteFormat::Table => {
            writeln!(
                w,
                "{:<24}  {:<60}  {:<30}  DOCUMENT",
                "SPEAKER", "QUOTATION", "ABOUT"
            )?;
            for q in &selected {
                let about: Vec<&str> = q
                    .about
                    .iter()
                    .map(|id| names.get(id.as_str()).copied().unwrap_or(id))
                    .collect();
                let text = q.text.split_whitespace().collect::<Vec<_>>().join(" ");
                writeln!(
                    w,
                    "{:<24}  {:<60}  {:<30}  {}",
                    truncate(q.speaker_name.as_deref().unwrap_or("(unknown)"), 24),
                    truncate(&text, 60),
                    truncate(&about.join(", "), 30),
                    q.document
                )?;
            }
            Ok(())
        }
    })?;
    Ok(skipped)
}
