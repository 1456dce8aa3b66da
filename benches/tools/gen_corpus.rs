//! Writes a reproducible corpus of news-like articles for the benchmarks.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --mb 100 --seed 7 -o /tmp/corpus.jsonl
//! cargo run --release --example gen_corpus -- --mb 5 --format dir -o /tmp/corpus
//!
//! cargo run --release --example gen_corpus -- --gazetteer 25000 -o /tmp/big.tsv
//! ```
//!
//! `--gazetteer N` writes a gazetteer of N made-up places with four aliases
//! each (100k surface forms for N = 25000) instead of articles.
//! The articles come from `benches/corpus` (templates filled with names from
//! the default gazetteer). The same `--seed` and `--mb` give the same bytes.

#[path = "../corpus/mod.rs"]
mod corpus;

use corpus::{article, write_gazetteer, Names, Rng};
use newsgraph::Gazetteer;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

fn json_string(s: &str, out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, s).map_err(io::Error::other)
}

struct Args {
    mb: f64,
    seed: u64,
    dir: bool,
    gazetteer: Option<usize>,
    output: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        mb: 10.0,
        seed: 1,
        dir: false,
        gazetteer: None,
        output: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--mb" => args.mb = value()?.parse().map_err(|e| format!("--mb: {e}"))?,
            "--seed" => args.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--format" => args.dir = value()? == "dir",
            "--gazetteer" => {
                args.gazetteer = Some(value()?.parse().map_err(|e| format!("--gazetteer: {e}"))?)
            }
            "-o" | "--output" => args.output = Some(value()?.into()),
            "-h" | "--help" => {
                return Err(
                    "usage: gen_corpus [--mb N] [--seed N] [--format jsonl|dir] [--gazetteer ROWS] [-o PATH]".into(),
                )
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(args)
}

fn main() -> io::Result<()> {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    if let Some(rows) = args.gazetteer {
        let path = args.output.unwrap_or_else(|| "gazetteer.tsv".into());
        let mut w = BufWriter::new(std::fs::File::create(&path)?);
        write_gazetteer(args.seed, rows, &mut w)?;
        w.flush()?;
        eprintln!("gen_corpus: {rows} entities, {} surface forms", rows * 5);
        return Ok(());
    }
    let names = Names::from_gazetteer(&Gazetteer::default_gazetteer());
    let mut rng = Rng::new(args.seed);
    let target = (args.mb * 1_000_000.0) as usize;
    let mut text = String::new();
    let mut written = 0;
    let mut n = 0usize;
    if args.dir {
        let dir = args.output.unwrap_or_else(|| "corpus".into());
        std::fs::create_dir_all(&dir)?;
        while written < target {
            article(&mut rng, &names, &mut text);
            std::fs::write(dir.join(format!("{n:07}.txt")), &text)?;
            written += text.len();
            n += 1;
        }
    } else {
        let sink: Box<dyn Write> = match &args.output {
            Some(p) => Box::new(std::fs::File::create(p)?),
            None => Box::new(io::stdout().lock()),
        };
        let mut w = BufWriter::new(sink);
        while written < target {
            article(&mut rng, &names, &mut text);
            write!(w, "{{\"id\":\"a{n:07}\",\"text\":")?;
            json_string(&text, &mut w)?;
            w.write_all(b"}\n")?;
            written += text.len();
            n += 1;
        }
        w.flush()?;
    }
    eprintln!("gen_corpus: {n} articles, {written} bytes of text");
    Ok(())
}
