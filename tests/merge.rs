//! Merging graphs built separately gives the graph one run over all
//! documents gives: the library (`read_json` + `Corpus::merge`) and the
//! `newsgraph merge` command.

#[path = "data/exports/fixture.rs"]
mod fixture;

use newsgraph::export::{read_json, write_json, ExportOptions};
use newsgraph::{Analysis, Corpus};
use std::path::Path;
use std::process::Command;

fn json(c: &Corpus) -> String {
    let mut out = Vec::new();
    write_json(c, &ExportOptions::new(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn corpus_of(analyses: Vec<Analysis>) -> Corpus {
    let mut c = Corpus::new();
    for a in analyses {
        c.add(a);
    }
    c
}

/// Splits the fixture's analyses into shards at the given document indexes.
fn shards(cuts: &[usize]) -> Vec<Vec<Analysis>> {
    let mut all = fixture::analyses();
    let mut out = Vec::new();
    for &cut in cuts.iter().rev() {
        out.push(all.split_off(cut));
    }
    out.push(all);
    out.reverse();
    out
}

#[test]
fn json_reads_back_to_the_same_json() {
    let original = json(&fixture::corpus());
    let back = read_json(original.as_bytes(), "fixture.json").unwrap();
    assert_eq!(json(&back), original);
}

#[test]
fn merged_shards_equal_one_run_byte_for_byte() {
    let one_run = json(&fixture::corpus());
    for cuts in [&[1][..], &[2], &[1, 2], &[0], &[3]] {
        // Each shard written as JSON and read back, as `merge` does.
        let mut merged = Corpus::new();
        for (i, shard) in shards(cuts).into_iter().enumerate() {
            let text = json(&corpus_of(shard));
            merged.merge(read_json(text.as_bytes(), format!("shard{i}.json")).unwrap());
        }
        assert_eq!(json(&merged), one_run, "cuts {cuts:?}");
        // In memory, without the JSON round trip.
        let mut merged = Corpus::new();
        for shard in shards(cuts) {
            merged.merge(corpus_of(shard));
        }
        assert_eq!(json(&merged), one_run, "cuts {cuts:?}, in memory");
    }
}

#[test]
fn merge_order_changes_only_record_order() {
    let mut forward = Corpus::new();
    let mut backward = Corpus::new();
    let parts = shards(&[1, 2]);
    let parts2 = shards(&[1, 2]);
    for s in parts {
        forward.merge(corpus_of(s));
    }
    for s in parts2.into_iter().rev() {
        backward.merge(corpus_of(s));
    }
    let (f, b): (serde_json::Value, serde_json::Value) = (
        serde_json::from_str(&json(&forward)).unwrap(),
        serde_json::from_str(&json(&backward)).unwrap(),
    );
    assert_eq!(f["entities"], b["entities"]);
    assert_eq!(f["edges"], b["edges"]);
}

#[test]
fn evidence_cap_survives_a_round_trip() {
    // An edge with more windows than evidence kept, over several documents.
    let mut analyses = Vec::new();
    for d in 0..4 {
        let mut a = fixture::analyses().remove(2);
        a.document.id = format!("doc{d}");
        for q in &mut a.quotes {
            q.document = a.document.id.clone();
            q.id = format!("doc{d}#q1");
        }
        for m in &mut a.mentions {
            m.document = a.document.id.clone();
        }
        for n in a.entities.values_mut() {
            n.documents = [a.document.id.clone()].into();
        }
        a.windows = (0..3)
            .map(|i| {
                (
                    newsgraph::Span::new(i * 10, i * 10 + 5),
                    vec!["zoe-oneil".to_string(), "kyiv".to_string()],
                )
            })
            .collect();
        analyses.push(a);
    }
    let whole = json(&corpus_of(analyses.clone()));
    let back = read_json(whole.as_bytes(), "whole.json").unwrap();
    assert_eq!(json(&back), whole);
    let second = analyses.split_off(2);
    let mut merged = read_json(json(&corpus_of(analyses)).as_bytes(), "a.json").unwrap();
    merged.merge(read_json(json(&corpus_of(second)).as_bytes(), "b.json").unwrap());
    assert_eq!(json(&merged), whole);
    let v: serde_json::Value = serde_json::from_str(&whole).unwrap();
    assert_eq!(v["edges"][0]["weight"], 12);
    assert_eq!(v["edges"][0]["evidence"].as_array().unwrap().len(), 5);
}

#[test]
fn bad_json_names_the_file_and_line() {
    let cases: &[(&str, &str)] = &[
        (
            "{\"schema\": \"newsgraph/1\",\n \"documents\": [1,]}",
            "bad.json:2: invalid newsgraph JSON",
        ),
        (
            "{\"schema\": \"other/2\"}",
            "bad.json: schema \"other/2\" is not \"newsgraph/1\"",
        ),
        ("", "bad.json:1: invalid newsgraph JSON: EOF"),
        (
            concat!(
                "{\"schema\": \"newsgraph/1\", \"documents\": [",
                "{\"id\": \"a\", \"bytes\": 0, \"paragraphs\": 0, \"sentences\": 0, ",
                "\"mentions\": 0, \"quotes\": 0, \"encoding\": \"utf-8\"},",
                "{\"id\": \"a\", \"bytes\": 0, \"paragraphs\": 0, \"sentences\": 0, ",
                "\"mentions\": 0, \"quotes\": 0, \"encoding\": \"utf-8\"}]}"
            ),
            "bad.json: document \"a\" is listed twice",
        ),
    ];
    for (input, want) in cases {
        let err = read_json(input.as_bytes(), "bad.json")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with(want), "{input:?}: {err}");
    }
}

fn newsgraph(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn sorted_records(mut v: serde_json::Value) -> serde_json::Value {
    for key in ["documents", "quotes"] {
        if let Some(items) = v[key].as_array_mut() {
            items.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
        }
    }
    if let Some(items) = v["mentions"].as_array_mut() {
        items.sort_by(|a, b| {
            (a["document"].as_str(), a["start"].as_u64())
                .cmp(&(b["document"].as_str(), b["start"].as_u64()))
        });
    }
    v
}

#[test]
fn merge_command_equals_one_build_over_the_articles() {
    let dir = tempfile::tempdir().unwrap();
    let all = dir.path().join("all.json");
    let out = newsgraph(&["build", "examples/articles", "-o", all.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut shards = Vec::new();
    for entry in
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles")).unwrap()
    {
        let path = entry.unwrap().path();
        let shard = dir.path().join(format!(
            "{}.json",
            path.file_name().unwrap().to_string_lossy()
        ));
        let out = newsgraph(&[
            "build",
            path.to_str().unwrap(),
            "-o",
            shard.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        shards.push(shard.to_str().unwrap().to_string());
    }
    assert!(shards.len() >= 2);
    let mut args = vec!["merge"];
    args.extend(shards.iter().map(String::as_str));
    let out = newsgraph(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let whole: serde_json::Value = serde_json::from_slice(&std::fs::read(&all).unwrap()).unwrap();
    // Document paths differ (a directory vs single files); ids are the same.
    let strip = |mut v: serde_json::Value| {
        for d in v["documents"].as_array_mut().unwrap() {
            d.as_object_mut().unwrap().remove("path");
        }
        sorted_records(v)
    };
    assert!(!whole["edges"].as_array().unwrap().is_empty());
    assert_eq!(strip(merged), strip(whole.clone()));

    // Any format, including the neo4j-admin directory.
    let csv = dir.path().join("csv");
    let mut args = vec!["merge", "-f", "neo4j-csv", "-o", csv.to_str().unwrap()];
    args.extend(shards.iter().map(String::as_str));
    let out = newsgraph(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let nodes = std::fs::read_to_string(csv.join("nodes.csv")).unwrap();
    let entities = whole["entities"].as_array().unwrap().len();
    assert_eq!(
        nodes
            .lines()
            .filter(|l| l.ends_with(",Entity;Person")
                || l.ends_with(",Entity;Place")
                || l.ends_with(",Entity;Organization"))
            .count(),
        entities
    );
}

#[test]
fn merge_command_reports_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.json");
    std::fs::write(&bad, "{\"schema\": \"newsgraph/1\",\n\"entities\": [}").unwrap();
    let out = newsgraph(&["merge", bad.to_str().unwrap(), "-f", "graphml"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("broken.json:2: invalid newsgraph JSON"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

/// `merge a.json a.json` doubled every weight without a word.
#[test]
fn merging_a_document_twice_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let mut first = std::fs::read_dir(&articles)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect::<Vec<_>>();
    first.sort();
    let one_id = first[0].file_name().unwrap().to_string_lossy().into_owned();
    let all = dir.path().join("all.json");
    let one = dir.path().join("one.json");
    for (input, shard) in [(&articles, &all), (&first[0], &one)] {
        let out = newsgraph(&[
            "build",
            input.to_str().unwrap(),
            "-o",
            shard.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let (all, one) = (all.to_str().unwrap(), one.to_str().unwrap());
    // (shards, the file named, the earlier file named)
    let cases: &[(&[&str], &str, &str)] = &[
        (&[all, all], all, all),
        (&[one, all], all, one),
        (&[all, one], one, all),
    ];
    for (n, &(shards, file, earlier)) in cases.iter().enumerate() {
        let output = dir.path().join(format!("merged-{n}.json"));
        let mut args = vec!["merge", "-o", output.to_str().unwrap()];
        args.extend(shards);
        let out = newsgraph(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{shards:?}: {err}");
        let want = format!("newsgraph: {file}: document \"{one_id}\" is already in {earlier};");
        assert!(err.starts_with(&want), "{shards:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!output.exists(), "{shards:?} wrote {}", output.display());
    }
}
