//! End-to-end tests of the `newsgraph` binary: outputs, exit codes, error
//! messages and atomic output files.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles")
}

fn run_with_stdin(cmd: &mut Command, stdin: &str) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "failed: {}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("stdout is JSON")
}

#[test]
fn build_json_follows_the_schema_and_offsets_point_into_the_original() {
    let out = bin().arg("build").arg(examples()).output().unwrap();
    let v = json(&out);
    assert_eq!(v["schema"], "newsgraph/1");
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 3);
    for d in docs {
        for key in [
            "id",
            "bytes",
            "sentences",
            "paragraphs",
            "encoding",
            "repairs",
        ] {
            assert!(d.get(key).is_some(), "document lacks {key}: {d}");
        }
    }
    let entities = v["entities"].as_array().unwrap();
    let ids: Vec<&str> = entities.iter().map(|e| e["id"].as_str().unwrap()).collect();
    for want in [
        "vladimir-putin",
        "russia",
        "kremlin",
        "nato",
        "ursula-von-der-leyen",
    ] {
        assert!(ids.contains(&want), "{want} missing from {ids:?}");
    }
    for e in entities {
        assert_eq!(
            e["source"]
                .as_str()
                .map(|s| s == "gazetteer" || s == "inferred"),
            Some(true)
        );
        assert!(
            e["mentions"].as_u64().is_some() && e["forms"].is_object() && e["documents"].is_array()
        );
        assert!(["person", "place", "organization"].contains(&e["type"].as_str().unwrap()));
    }
    // Every mention's text is exactly the original bytes at its offsets.
    for m in v["mentions"].as_array().unwrap() {
        let doc = m["document"].as_str().unwrap();
        let text = std::fs::read_to_string(examples().join(doc)).unwrap();
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], m["text"].as_str().unwrap(), "mention {m}");
    }
    let edges = v["edges"].as_array().unwrap();
    let putin_kremlin = edges.iter().find(|e| {
        e["relation"] == "co_occurs"
            && ((e["source"] == "kremlin" && e["target"] == "vladimir-putin")
                || (e["source"] == "vladimir-putin" && e["target"] == "kremlin"))
    });
    assert!(
        putin_kremlin.is_some(),
        "Putin and the Kremlin share a sentence"
    );
    for e in edges {
        assert!(e["weight"].as_u64().unwrap() >= 1);
        assert!(!e["documents"].as_array().unwrap().is_empty());
        assert!(e["evidence"].as_array().unwrap().len() <= 5);
    }
}

#[test]
fn stdin_is_read_when_no_input_is_given() {
    let out = run_with_stdin(
        bin()
            .args(["build", "--no-default-gazetteer", "-g"])
            .arg(data("tricky.tsv")),
        "Anna Ruiz flew from Z\u{fc}rich to S\u{e3}o Paulo.\n",
    );
    let v = json(&out);
    assert_eq!(v["documents"][0]["id"], "stdin");
    let ids: Vec<&str> = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["anna-ruiz", "sao-paulo", "zurich"]);
    assert_eq!(v["edges"].as_array().unwrap().len(), 3);
}

#[test]
fn windows_min_weight_and_top() {
    let text = "Anna Ruiz visited Zurich.\nLater S\u{e3}o Paulo hosted her.\n\nZurich again, with Anna Ruiz.";
    let edges = |args: &[&str]| {
        let out = run_with_stdin(
            bin()
                .args(["build", "--no-default-gazetteer", "-g"])
                .arg(data("tricky.tsv"))
                .args(args),
            text,
        );
        json(&out)["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                format!(
                    "{}-{}:{}",
                    e["source"].as_str().unwrap(),
                    e["target"].as_str().unwrap(),
                    e["weight"]
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(edges(&[]), ["anna-ruiz-zurich:2"]);
    assert_eq!(edges(&["--window", "paragraph"]), ["anna-ruiz-zurich:2"]);
    assert_eq!(
        edges(&["--window", "document"]),
        [
            "anna-ruiz-sao-paulo:1",
            "anna-ruiz-zurich:1",
            "sao-paulo-zurich:1"
        ]
    );
    assert_eq!(edges(&["--min-weight", "3"]), Vec::<String>::new());
    assert_eq!(
        edges(&["--window", "document", "--top", "2"]),
        ["anna-ruiz-zurich:1"]
    );
}

#[test]
fn dot_renders_with_graphviz_whatever_the_names() {
    let text = "Anna \"La Jefa\" Ruiz met Back\\Slash Holdings in Z\u{fc}rich. \
                The graph of Strict Node Group met BackSlash Holdings and Anna Ruiz in S\u{e3}o Paulo.";
    let out = run_with_stdin(
        bin()
            .args(["build", "--no-default-gazetteer", "-f", "dot", "-g"])
            .arg(data("tricky.tsv")),
        text,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let dot = String::from_utf8(out.stdout).unwrap();
    assert!(dot.contains(r#"label="Anna \"La Jefa\" Ruiz""#), "{dot}");
    assert!(dot.contains(r#"label="Back\\Slash Holdings""#), "{dot}");
    let mut render = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("Graphviz `dot` is installed (.ci/run installs it)");
    render
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let svg = render.wait_with_output().unwrap();
    assert!(svg.status.success(), "dot failed: {}\n{dot}", stderr(&svg));
    let svg = String::from_utf8(svg.stdout).unwrap();
    for label in [
        "Anna &quot;La Jefa&quot; Ruiz",
        "Back\\Slash Holdings",
        "Zürich",
        "São Paulo",
        ">graph<",
    ] {
        assert!(svg.contains(label), "{label} not rendered:\n{svg}");
    }
    assert_eq!(svg.matches("class=\"node\"").count(), 5);
    // Sentence one links 3 entities (3 edges), sentence two 4 (6 edges), one pair in both.
    assert_eq!(svg.matches("class=\"edge\"").count(), 8);
    assert!(
        dot.contains("penwidth=2.00"),
        "the shared pair has weight 2:\n{dot}"
    );
}

#[test]
fn missing_input_is_an_error_naming_the_path_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("graph.json");
    let out = bin()
        .args(["build", "no/such/article.txt", "-o"])
        .arg(&out_file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("no/such/article.txt") && err.lines().count() == 1,
        "{err}"
    );
    assert!(!out_file.exists());
}

#[test]
fn malformed_gazetteer_names_file_and_line_and_keeps_the_old_output() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("graph.json");
    std::fs::write(&out_file, "previous run").unwrap();
    let out = bin()
        .arg("build")
        .arg(examples())
        .arg("-g")
        .arg(data("broken.tsv"))
        .arg("-o")
        .arg(&out_file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("broken.tsv:2:") && err.contains("columns"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(std::fs::read_to_string(&out_file).unwrap(), "previous run");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

#[test]
fn an_unreadable_document_is_reported_and_the_rest_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("good.txt"), "Anna Ruiz landed in Zurich.").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(docs.join("gone.txt"), docs.join("dangling.txt")).unwrap();
    let out_file = dir.path().join("graph.json");
    let out = bin()
        .args(["build", "--no-default-gazetteer", "-g"])
        .arg(data("tricky.tsv"))
        .arg(&docs)
        .arg("-o")
        .arg(&out_file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "a skipped document makes the exit status 1"
    );
    let err = stderr(&out);
    assert!(err.contains("dangling.txt"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out_file).unwrap()).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 1);
    assert_eq!(v["documents"][0]["id"], "good.txt");
}

#[test]
fn usage_errors_exit_with_2() {
    let out = bin()
        .args(["build", "--window", "chapter"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin().args(["frobnicate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn entities_table_tsv_and_json_agree() {
    let tsv = bin()
        .args(["entities", "-f", "tsv"])
        .arg(examples())
        .output()
        .unwrap();
    assert!(tsv.status.success(), "{}", stderr(&tsv));
    let tsv = String::from_utf8(tsv.stdout).unwrap();
    let mut lines = tsv.lines();
    assert_eq!(lines.next(), Some("id\tname\ttype\tmentions\tdocuments"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    let j = json(
        &bin()
            .args(["entities", "-f", "json"])
            .arg(examples())
            .output()
            .unwrap(),
    );
    let j = j.as_array().unwrap();
    assert_eq!(rows.len(), j.len());
    for (r, e) in rows.iter().zip(j) {
        assert_eq!(r[0], e["id"].as_str().unwrap());
        assert_eq!(r[3], e["mentions"].to_string());
    }
    let table = bin().args(["entities"]).arg(examples()).output().unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.starts_with("ENTITY"));
    assert!(table
        .lines()
        .any(|l| l.contains("Vladimir Putin") && l.contains("person")));
}

#[test]
fn json_lines_carry_metadata_and_report_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("feed.jsonl");
    std::fs::write(
        &file,
        "{\"id\": \"a1\", \"title\": \"Anna Ruiz in Zurich\", \"text\": \"She met officials in S\u{e3}o Paulo.\", \"url\": \"https://example.org/a1\", \"source\": \"Wire\", \"date\": \"2026-03-01\"}\n\
         {\"id\": \"a2\", \"text\": 42}\n\
         not json at all\n\
         {\"text\": \"Zurich and S\u{e3}o Paulo signed a pact.\"}\n",
    )
    .unwrap();
    let out = bin()
        .args(["build", "--no-default-gazetteer", "-g"])
        .arg(data("tricky.tsv"))
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("feed.jsonl:2") && err.contains("feed.jsonl:3"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["id"], "a1");
    assert_eq!(docs[0]["url"], "https://example.org/a1");
    assert_eq!(docs[0]["source"], "Wire");
    assert_eq!(docs[0]["title"], "Anna Ruiz in Zurich");
    assert_eq!(docs[1]["id"], "feed.jsonl:4");
    // The title is tagged as part of the text; offsets index title + "\n\n" + text.
    let m = &v["mentions"][0];
    assert_eq!(
        (
            m["document"].as_str(),
            m["text"].as_str(),
            m["start"].as_u64()
        ),
        (Some("a1"), Some("Anna Ruiz"), Some(0))
    );
    let body = docs[0]["body_offset"].as_u64().unwrap() as usize;
    assert_eq!(body, "Anna Ruiz in Zurich".len() + 2);
}

#[test]
fn jsonl_on_stdin() {
    let out = run_with_stdin(
        bin().args(["build", "--jsonl", "--no-default-gazetteer", "-g"]).arg(data("tricky.tsv")),
        "{\"id\": \"x\", \"text\": \"Zurich welcomed Anna Ruiz.\"}\n{\"id\": \"y\", \"text\": \"S\u{e3}o Paulo too.\"}\n",
    );
    let v = json(&out);
    let ids: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["x", "y"]);
}

#[test]
fn windows_1252_and_mojibake_keep_offsets_in_the_decoded_original() {
    let dir = tempfile::tempdir().unwrap();
    // "Zürich" in Windows-1252 (0xFC), and a double-decoded apostrophe.
    std::fs::write(dir.path().join("cp1252.txt"), b"Anna Ruiz left Z\xfcrich.").unwrap();
    std::fs::write(
        dir.path().join("mojibake.txt"),
        "Anna Ruizâ€™s trip to SÃ£o Paulo ended.".as_bytes(),
    )
    .unwrap();
    let out = bin()
        .args(["build", "--no-default-gazetteer", "-g"])
        .arg(data("tricky.tsv"))
        .arg(dir.path())
        .output()
        .unwrap();
    let v = json(&out);
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs[0]["id"], "cp1252.txt");
    assert_eq!(docs[0]["encoding"], "windows-1252");
    assert_eq!(docs[0]["transcoded"], true);
    assert_eq!(docs[1]["repairs"]["mojibake"], 2);
    let decoded = [
        "Anna Ruiz left Z\u{fc}rich.",
        "Anna Ruizâ€™s trip to SÃ£o Paulo ended.",
    ];
    let mut seen = Vec::new();
    for m in v["mentions"].as_array().unwrap() {
        let doc = if m["document"] == "cp1252.txt" {
            decoded[0]
        } else {
            decoded[1]
        };
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&doc[s..e], m["text"].as_str().unwrap());
        seen.push(format!(
            "{}:{}",
            m["entity"].as_str().unwrap(),
            m["text"].as_str().unwrap()
        ));
    }
    assert_eq!(
        seen,
        [
            "anna-ruiz:Anna Ruiz",
            "zurich:Z\u{fc}rich",
            "anna-ruiz:Anna Ruiz",
            "sao-paulo:SÃ£o Paulo"
        ]
    );
}

#[test]
fn quotes_command_answers_who_was_quoted_on_what() {
    let q = |args: &[&str]| {
        let out = bin()
            .arg("quotes")
            .arg(examples())
            .args(args)
            .args(["-f", "json"])
            .output()
            .unwrap();
        json(&out).as_array().unwrap().clone()
    };
    let all = q(&[]);
    assert_eq!(all.len(), 11);
    for quote in &all {
        let doc =
            std::fs::read_to_string(examples().join(quote["document"].as_str().unwrap())).unwrap();
        let (s, e) = (
            quote["start"].as_u64().unwrap() as usize,
            quote["end"].as_u64().unwrap() as usize,
        );
        let span = &doc[s..e];
        assert!(
            span.contains(quote["text"].as_str().unwrap()),
            "{span:?} vs {quote}"
        );
        if let Some(sm) = quote["speaker_mention"].as_object() {
            let (s, e) = (
                sm["start"].as_u64().unwrap() as usize,
                sm["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&doc[s..e], sm["text"].as_str().unwrap());
        }
    }
    // By surname, by canonical name, by id; case-insensitive.
    assert_eq!(q(&["--speaker", "ushakov"]).len(), 3);
    assert_eq!(q(&["--speaker", "Yuri Ushakov"]).len(), 3);
    assert_eq!(q(&["--speaker", "YURI-USHAKOV"]).len(), 3);
    // An inferred speaker, by the name in the text.
    let lopez = q(&["--speaker", "maria lopez"]);
    assert_eq!(lopez.len(), 1);
    assert_eq!(lopez[0]["speaker"], "inferred:maria-lopez");
    // About an entity, by an alias; by words in the quotation; by kind.
    let about = q(&["--about", "Ukraine"]);
    assert_eq!(about.len(), 1);
    assert_eq!(about[0]["speaker"], "volodymyr-zelensky");
    assert_eq!(q(&["--contains", "CHANNEL IS OPEN"]).len(), 1);
    assert!(q(&["--kind", "partial"])
        .iter()
        .all(|x| x["kind"] == "partial"));
    // The other formats carry the same quotations.
    let csv = bin()
        .arg("quotes")
        .arg(examples())
        .args(["-f", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with("id,document,start,end,kind,speaker,speaker_name,text,cue,about\n"));
    assert!(
        csv.contains("\"Every dollar we lose is a clinic that closes somewhere,\""),
        "{csv}"
    );
    let jsonl = bin()
        .arg("quotes")
        .arg(examples())
        .args(["-f", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(jsonl.stdout).unwrap().lines().count(), 11);
    let table = bin()
        .arg("quotes")
        .arg(examples())
        .args(["--speaker", "rutte"])
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.starts_with("SPEAKER") && table.contains("Mark Rutte") && table.contains("Russia"),
        "{table}"
    );
}

#[test]
fn build_json_has_quotes_and_quoted_about_edges() {
    let v = json(&bin().arg("build").arg(examples()).output().unwrap());
    let quotes = v["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 11);
    let edge = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["relation"] == "quoted_about" && e["source"] == "volodymyr-zelensky")
        .expect("Zelensky was quoted about Ukraine");
    assert_eq!(edge["target"], "ukraine");
    assert_eq!(edge["weight"], 1);
    assert_eq!(edge["quotes"][0], "kremlin-talks.txt#q5");
    let lopez = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "inferred:maria-lopez")
        .unwrap();
    assert_eq!(
        (lopez["source"].as_str(), lopez["type"].as_str()),
        (Some("inferred"), Some("person"))
    );
    let dot = bin()
        .args(["build", "-f", "dot"])
        .arg(examples())
        .output()
        .unwrap();
    let dot = String::from_utf8(dot.stdout).unwrap();
    assert!(
        dot.contains("style=dashed") && dot.contains("label=\"1\""),
        "quoted_about edges are dashed and labelled"
    );
}

/// `-o` makes the file an ordinary create would make (not the temporary
/// file's private mode), and keeps the mode of a file it replaces.
#[cfg(unix)]
#[test]
fn output_files_get_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let reference = dir.path().join("reference");
    std::fs::File::create(&reference).unwrap();
    let fresh = dir.path().join("graph.json");
    let out = bin()
        .arg("build")
        .arg(examples())
        .arg("-o")
        .arg(&fresh)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(mode(&fresh), mode(&reference));

    std::fs::set_permissions(&fresh, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = bin()
        .args(["build", "-f", "dot"])
        .arg(examples())
        .arg("-o")
        .arg(&fresh)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(mode(&fresh), 0o640);
    // Replaced by the DOT output, not left as the JSON.
    assert!(!std::fs::read_to_string(&fresh).unwrap().starts_with('{'));

    let csv = dir.path().join("neo4j");
    let out = bin()
        .args(["build", "-f", "neo4j-csv"])
        .arg(examples())
        .arg("-o")
        .arg(&csv)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let made = dir.path().join("made-dir");
    std::fs::create_dir(&made).unwrap();
    assert_eq!(mode(&csv), mode(&made));
    assert_eq!(mode(&csv.join("nodes.csv")), mode(&reference));
}

/// `--top N` keeps the records of the entities it keeps, and only those.
#[test]
fn top_drops_the_records_of_entities_left_out() {
    let out = bin()
        .arg("build")
        .arg(examples())
        .args(["--top", "3"])
        .output()
        .unwrap();
    let v = json(&out);
    let kept: std::collections::HashSet<&str> = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(kept.len(), 3);
    let mentions = v["mentions"].as_array().unwrap();
    assert!(!mentions.is_empty());
    for m in mentions {
        assert!(kept.contains(m["entity"].as_str().unwrap()), "{m}");
    }
    for q in v["quotes"].as_array().unwrap() {
        assert!(kept.contains(q["speaker"].as_str().unwrap()), "{q}");
    }
    let all = json(&bin().arg("build").arg(examples()).output().unwrap());
    assert!(all["mentions"].as_array().unwrap().len() > mentions.len());
}

/// Two directories holding `a.txt` gave two documents with id `a.txt` and
/// two quotations `a.txt#q1`, which exports then folded into one.
#[test]
fn repeated_document_ids_are_made_unique_with_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Vladimir Putin spoke in Moscow. \u{201C}The talks will go on,\u{201D} Putin said.";
    for sub in ["d1", "d2"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("a.txt"), text).unwrap();
    }
    let build = |args: &[&str]| {
        bin()
            .arg("build")
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let out = build(&["d1", "d2", "d2/a.txt"]);
    let err = stderr(&out);
    let v = json(&out);
    let ids: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a.txt", "d2/a.txt", "d2/a.txt~2"]);
    let quotes: Vec<&str> = v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert_eq!(quotes, ["a.txt#q1", "d2/a.txt#q1", "d2/a.txt~2#q1"]);
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(warnings.len(), 2, "{err}");
    assert!(
        warnings[0].contains("d1/a.txt") && warnings[0].contains("\"d2/a.txt\""),
        "{err}"
    );

    // neo4j-admin refuses duplicate :IDs; there are none now.
    let csv = dir.path().join("csv");
    let out = build(&["d1", "d2", "-f", "neo4j-csv", "-o", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let nodes = std::fs::read_to_string(csv.join("nodes.csv")).unwrap();
    let mut keys: Vec<&str> = nodes
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .collect();
    let all = keys.len();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), all, "duplicate :ID in\n{nodes}");
    assert!(nodes.contains("d2/a.txt#q1"), "{nodes}");

    let help = bin().args(["build", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&help.stdout).contains("~2"));
}
