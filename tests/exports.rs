//! Every export format on a hand-made corpus whose names and quotation
//! hold quotes, a backslash, a line break and non-ASCII text: counts,
//! escaping, stable output, atomic files, and the command line. The real
//! clients (networkx, Kùzu, FalkorDB, Oxigraph, rdflib, Cytoscape.js) load
//! the same files in `.ci/clients/graph-clients.sh`.

#[path = "data/exports/fixture.rs"]
mod fixture;

use newsgraph::export::*;
use newsgraph::Corpus;
use std::process::Command;

type Export = fn(&Corpus, &ExportOptions, &mut dyn std::io::Write) -> std::io::Result<()>;

/// 5 entities + 4 quotations + 3 documents.
const NODES: usize = 12;
/// 5 co_occurs + 3 quoted_about + 3 said + 5 about + 9 mentions.
const EDGES: usize = 25;

fn render(export: Export) -> String {
    let mut out = Vec::new();
    export(&fixture::corpus(), &ExportOptions::new(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

const FORMATS: &[(&str, Export)] = &[
    ("graphml", write_graphml),
    ("gexf", write_gexf),
    ("node-link", write_node_link),
    ("cytoscape", write_cytoscape),
    ("cypher-neo4j", |c, o, w| {
        write_cypher(c, o, CypherDialect::Neo4j, w)
    }),
    ("cypher-falkordb", |c, o, w| {
        write_cypher(c, o, CypherDialect::FalkorDb, w)
    }),
    ("cypher-kuzu", |c, o, w| {
        write_cypher(c, o, CypherDialect::Kuzu, w)
    }),
    ("neo4j-nodes", write_neo4j_nodes),
    ("neo4j-relationships", write_neo4j_relationships),
    ("ntriples", write_ntriples),
    ("turtle", write_turtle),
    ("jsonl", write_jsonl),
];

/// How each format must write the tricky name and quotation: escaped in
/// its one way, nothing else touched.
const ESCAPED: &[(&str, &str, &str)] = &[
    (
        "graphml",
        "<data key=\"n1\">Zoë &quot;The Hammer&quot; O&apos;Neil \\ Jr.</data>",
        "It&apos;s a &quot;deal&quot;; C:\\temp\\new isn&apos;t&#10;over — Zoë&apos;s ‘word’ 😀",
    ),
    (
        "gexf",
        "label=\"Zoë &quot;The Hammer&quot; O&apos;Neil \\ Jr.\"",
        "It&apos;s a &quot;deal&quot;; C:\\temp\\new isn&apos;t&#10;over",
    ),
    (
        "node-link",
        r#""name":"Zoë \"The Hammer\" O'Neil \\ Jr.""#,
        r#""text":"It's a \"deal\"; C:\\temp\\new isn't\nover"#,
    ),
    (
        "cytoscape",
        r#""label":"Zoë \"The Hammer\" O'Neil \\ Jr.""#,
        r#""text":"It's a \"deal\"; C:\\temp\\new isn't\nover"#,
    ),
    (
        "cypher-neo4j",
        r#"MERGE (n:Entity:Person {id: 'zoe-oneil'}) SET n.`name` = 'Zoë "The Hammer" O\'Neil \\ Jr.'"#,
        "'It\\'s a \"deal\"; C:\\\\temp\\\\new isn\\'t\nover — Zoë\\'s ‘word’ 😀'",
    ),
    (
        "cypher-kuzu",
        "MERGE (n:Entity {id: 'zoe-oneil'})",
        "'It\\'s a \"deal\"; C:\\\\temp\\\\new isn\\'t\nover",
    ),
    (
        "neo4j-nodes",
        "\"Zoë \"\"The Hammer\"\" O'Neil \\ Jr.\"",
        "\"It's a \"\"deal\"\"; C:\\temp\\new isn't\nover — Zoë's ‘word’ 😀\"",
    ),
    (
        "ntriples",
        r#"<urn:newsgraph:entity:zoe-oneil> <https://schema.org/name> "Zoë \"The Hammer\" O'Neil \\ Jr." ."#,
        r#"<https://schema.org/text> "It's a \"deal\"; C:\\temp\\new isn't\nover — Zoë's ‘word’ 😀" ."#,
    ),
    (
        "turtle",
        r#"schema:name "Zoë \"The Hammer\" O'Neil \\ Jr.""#,
        r#"schema:text "It's a \"deal\"; C:\\temp\\new isn't\nover"#,
    ),
    (
        "jsonl",
        r#""name":"Zoë \"The Hammer\" O'Neil \\ Jr.""#,
        r#""text":"It's a \"deal\"; C:\\temp\\new isn't\nover"#,
    ),
];

#[test]
fn every_format_escapes_the_tricky_strings_its_own_way() {
    for (name, name_form, quote_form) in ESCAPED {
        let export = FORMATS.iter().find(|f| f.0 == *name).unwrap().1;
        let out = render(export);
        assert!(out.contains(name_form), "{name}: no {name_form}\n{out}");
        assert!(out.contains(quote_form), "{name}: no {quote_form}\n{out}");
    }
}

#[test]
fn every_format_is_stable_across_runs() {
    for (name, export) in FORMATS {
        assert_eq!(render(*export), render(*export), "{name}");
    }
}

#[test]
fn json_formats_hold_every_node_and_edge() {
    let v: serde_json::Value = serde_json::from_str(&render(write_node_link)).unwrap();
    assert_eq!(v["nodes"].as_array().unwrap().len(), NODES);
    assert_eq!(
        v["links"], v["edges"],
        "networkx 3.4 reads links, 3.6 edges"
    );
    assert_eq!(v["links"].as_array().unwrap().len(), EDGES);
    assert_eq!(v["multigraph"], true);

    let v: serde_json::Value = serde_json::from_str(&render(write_cytoscape)).unwrap();
    let nodes = v["elements"]["nodes"].as_array().unwrap();
    let edges = v["elements"]["edges"].as_array().unwrap();
    assert_eq!((nodes.len(), edges.len()), (NODES, EDGES));
    let ids: std::collections::HashSet<&str> = nodes
        .iter()
        .map(|n| n["data"]["id"].as_str().unwrap())
        .collect();
    for e in edges {
        assert!(ids.contains(e["data"]["source"].as_str().unwrap()), "{e}");
        assert!(ids.contains(e["data"]["target"].as_str().unwrap()), "{e}");
    }
    let quote = nodes
        .iter()
        .find(|n| n["data"]["id"] == "quote:kyiv-talks.txt#q1")
        .unwrap();
    assert_eq!(quote["data"]["text"], fixture::TRICKY_QUOTE);

    let out = render(write_jsonl);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.iter().filter(|l| l["type"] == "node").count(), NODES);
    assert_eq!(
        lines.iter().filter(|l| l["type"] == "relationship").count(),
        EDGES
    );
    let zoe = lines.iter().find(|l| l["id"] == "zoe-oneil").unwrap();
    assert_eq!(zoe["labels"], serde_json::json!(["Entity", "Person"]));
    assert_eq!(zoe["properties"]["name"], fixture::TRICKY_NAME);
    assert_eq!(zoe["properties"]["mentions"], 4);
}

/// Splits a Cypher script on `;` outside string literals.
fn statements(script: &str) -> Vec<String> {
    let (mut out, mut cur, mut quote, mut esc) = (Vec::new(), String::new(), None, false);
    for c in script.chars() {
        cur.push(c);
        match quote {
            Some(_) if esc => esc = false,
            Some(_) if c == '\\' => esc = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if matches!(c, '\'' | '"' | '`') => quote = Some(c),
            None if c == ';' => out.push(std::mem::take(&mut cur).trim().to_string()),
            None => {}
        }
    }
    assert!(cur.trim().is_empty(), "unterminated: {cur:?}");
    out
}

#[test]
fn cypher_scripts_have_one_statement_per_item() {
    // (dialect, schema statements)
    let cases = [
        (CypherDialect::Neo4j, 3),
        (CypherDialect::FalkorDb, 3),
        (CypherDialect::Kuzu, 8),
    ];
    for (dialect, schema) in cases {
        let mut out = Vec::new();
        write_cypher(&fixture::corpus(), &ExportOptions::new(), dialect, &mut out).unwrap();
        let script = String::from_utf8(out).unwrap();
        let stmts = statements(&script);
        assert_eq!(stmts.len(), schema + NODES + EDGES, "{dialect:?}");
        assert_eq!(
            stmts.iter().filter(|s| s.starts_with("MERGE")).count(),
            NODES,
            "{dialect:?}"
        );
        assert_eq!(
            stmts.iter().filter(|s| s.starts_with("MATCH")).count(),
            EDGES,
            "{dialect:?}"
        );
        // Line breaks stay raw inside literals: the tricky quotation spans two lines.
        let tricky = stmts
            .iter()
            .find(|s| s.contains("kyiv-talks.txt#q1'}) SET"))
            .unwrap();
        assert!(tricky.contains("isn\\'t\nover"), "{dialect:?}: {tricky}");
    }
}

#[test]
fn cypher_literals_escape_only_backslash_and_quote() {
    let cases = [
        ("plain", "'plain'"),
        ("O'Neil", r"'O\'Neil'"),
        (r"C:\temp", r"'C:\\temp'"),
        ("two\nlines", "'two\nlines'"),
        ("\"Zoë\" ‘x’ 😀", "'\"Zoë\" ‘x’ 😀'"),
        ("\\'", r"'\\\''"),
    ];
    for (input, want) in cases {
        assert_eq!(CypherStr(input).to_string(), want, "{input:?}");
    }
}

#[test]
fn ntriples_is_one_triple_per_line_with_full_iris() {
    let out = render(write_ntriples);
    for line in out.lines() {
        assert!(
            line.starts_with("<urn:newsgraph:") && line.ends_with(" ."),
            "{line}"
        );
    }
    let count = |p: &str| out.lines().filter(|l| l.contains(p)).count();
    assert_eq!(
        count("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Quotation>"),
        4
    );
    assert_eq!(count("<https://schema.org/creator>"), 3);
    assert_eq!(count("<https://schema.org/isBasedOn>"), 4);
    assert_eq!(count("<urn:newsgraph:vocab:coOccursWith>"), 5);
    assert!(out.contains("<urn:newsgraph:document:d%C3%ADa%203%20%27notes%27%20%22draft%22.txt>"));
    assert!(out.contains("<https://schema.org/sameAs> <http://www.wikidata.org/entity/Q4115189>"));
}

/// Reads RFC 4180 CSV (quoted fields may hold commas, quotes, newlines).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field, mut quoted, mut chars) = (
        Vec::new(),
        Vec::new(),
        String::new(),
        false,
        text.chars().peekable(),
    );
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn neo4j_csv_directory_has_admin_headers_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("neo4j");
    write_neo4j_csv(&fixture::corpus(), &ExportOptions::new(), &out).unwrap();
    let nodes = parse_csv(&std::fs::read_to_string(out.join("nodes.csv")).unwrap());
    let rels = parse_csv(&std::fs::read_to_string(out.join("relationships.csv")).unwrap());
    let (nh, rh) = (&nodes[0], &rels[0]);
    assert_eq!(nh[0], ":ID");
    assert_eq!(nh.last().unwrap(), ":LABEL");
    for col in [
        "id:string",
        "mentions:long",
        "documents:string[]",
        "start:long",
        "end:long",
    ] {
        assert!(nh.contains(&col.to_string()), "{col} in {nh:?}");
    }
    assert_eq!(&rh[..3], &[":START_ID", ":END_ID", ":TYPE"]);
    assert!(rh.contains(&"weight:long".to_string()) && rh.contains(&"count:long".to_string()));
    assert_eq!((nodes.len() - 1, rels.len() - 1), (NODES, EDGES));
    assert!(nodes.iter().all(|r| r.len() == nh.len()) && rels.iter().all(|r| r.len() == rh.len()));
    let col = |name: &str| nh.iter().position(|h| h == name).unwrap();
    let zoe = nodes.iter().find(|r| r[0] == "zoe-oneil").unwrap();
    assert_eq!(zoe[col("name:string")], fixture::TRICKY_NAME);
    assert_eq!(zoe[col(":LABEL")], "Entity;Person");
    let q = nodes
        .iter()
        .find(|r| r[0] == "quote:kyiv-talks.txt#q1")
        .unwrap();
    assert_eq!(q[col("text:string")], fixture::TRICKY_QUOTE);
    let readme = std::fs::read_to_string(out.join("README.md")).unwrap();
    assert!(readme.contains(NEO4J_IMPORT_COMMAND));
    // Written again over itself: replaced whole, nothing left behind.
    write_neo4j_csv(&fixture::corpus(), &ExportOptions::new(), &out).unwrap();
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("neo4j")]);
}

#[test]
fn neo4j_csv_never_replaces_a_directory_of_other_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("precious.txt"), "keep").unwrap();
    let err = write_neo4j_csv(&fixture::corpus(), &ExportOptions::new(), dir.path()).unwrap_err();
    assert!(err.to_string().contains("not replacing"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("precious.txt")).unwrap(),
        "keep"
    );
    assert!(!dir.path().join("nodes.csv").exists());
}

#[test]
fn xml_formats_declare_typed_keys_and_apoc_labels() {
    let g = render(write_graphml);
    assert!(
        g.contains("<key id=\"labels\" for=\"node\" attr.name=\"labels\" attr.type=\"string\"/>")
    );
    assert!(g.contains("attr.name=\"mentions\" attr.type=\"long\""));
    assert!(g.contains("attr.name=\"weight\" attr.type=\"long\""));
    assert!(g.contains("<node id=\"zoe-oneil\" labels=\":Entity:Person\"><data key=\"labels\">:Entity:Person</data>"));
    assert!(g.contains("label=\"CO_OCCURS\"><data key=\"label\">CO_OCCURS</data>"));
    assert_eq!(g.matches("<node ").count(), NODES);
    assert_eq!(g.matches("<edge ").count(), EDGES);
    let x = render(write_gexf);
    assert!(x.contains("xmlns=\"http://gexf.net/1.3\"") && x.contains("version=\"1.3\""));
    assert!(x.contains("source=\"kyiv\" target=\"zoe-oneil\" weight=\"4\" label=\"CO_OCCURS\""));
    assert_eq!(
        (x.matches("<node ").count(), x.matches("<edge ").count()),
        (NODES, EDGES)
    );
}

#[test]
fn top_and_min_weight_cut_every_format() {
    let mut opts = ExportOptions::new();
    opts.top(Some(2));
    let mut out = Vec::new();
    write_node_link(&fixture::corpus(), &opts, &mut out).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let entities = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["labels"][0] == "Entity")
        .count();
    assert_eq!(entities, 2);
    let ids: std::collections::HashSet<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    for e in v["edges"].as_array().unwrap() {
        assert!(
            ids.contains(e["source"].as_str().unwrap())
                && ids.contains(e["target"].as_str().unwrap())
        );
    }
}

#[test]
fn mention_counts_add_up_to_entity_mentions() {
    let out = render(write_jsonl);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for node in lines.iter().filter(|l| l["labels"][0] == "Entity") {
        let sum: u64 = lines
            .iter()
            .filter(|l| l["label"] == "MENTIONS" && l["end"]["id"] == node["id"])
            .map(|l| l["properties"]["count"].as_u64().unwrap())
            .sum();
        assert_eq!(
            sum,
            node["properties"]["mentions"].as_u64().unwrap(),
            "{}",
            node["id"]
        );
    }
}

#[test]
fn cli_writes_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_newsgraph"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap()
    };
    let formats = [
        "graphml",
        "gexf",
        "node-link",
        "cytoscape",
        "cypher",
        "ntriples",
        "turtle",
        "jsonl",
    ];
    for f in formats {
        let path = dir.path().join(format!("out.{f}"));
        let out = run(&[
            "build",
            "examples/articles",
            "-f",
            f,
            "-o",
            path.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{f}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(std::fs::metadata(&path).unwrap().len() > 0, "{f}");
    }
    for d in ["neo4j", "falkordb", "kuzu"] {
        let out = run(&["build", "examples/articles", "-f", "cypher", "--dialect", d]);
        assert!(out.status.success(), "{d}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("MERGE (n:Entity"),
            "{d}"
        );
    }
    let csv = dir.path().join("csv");
    let out = run(&[
        "build",
        "examples/articles",
        "-f",
        "neo4j-csv",
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(csv.join("nodes.csv").exists() && csv.join("relationships.csv").exists());
    let out = run(&["build", "examples/articles", "-f", "neo4j-csv"]);
    assert_eq!(out.status.code(), Some(2), "neo4j-csv needs -o DIR");
}

#[test]
fn fixture_example_runs() {
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", "export_fixture", "--"])
        .arg(dir.path())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .unwrap();
    assert!(status.success());
    for f in [
        "expected.json",
        "graph.graphml",
        "graph.kuzu.cypher",
        "neo4j-csv/nodes.csv",
        "graph.ttl",
    ] {
        assert!(dir.path().join(f).exists(), "{f}");
    }
}

mod any_text {
    //! Property: any entity name and quotation text comes back exactly
    //! from every format's escaping (XML: except characters XML 1.0
    //! cannot carry, which become U+FFFD).
    use super::*;
    use newsgraph::graph::{EntityNode, EntitySource};
    use newsgraph::pipeline::{DocumentRecord, QuoteRecord, RepairReport};
    use newsgraph::quotes::QuoteKind;
    use newsgraph::{Analysis, DocumentMeta, EntityType};
    use proptest::prelude::*;

    fn corpus(name: &str, text: &str) -> Corpus {
        let entity = EntityNode {
            id: "e".into(),
            name: name.into(),
            kind: EntityType::Person,
            source: EntitySource::Gazetteer,
            mentions: 0,
            documents: ["d".to_string()].into(),
            forms: Default::default(),
            properties: Default::default(),
        };
        let quote = QuoteRecord {
            id: "d#q1".into(),
            document: "d".into(),
            start: 0,
            end: 1,
            text: text.into(),
            kind: QuoteKind::Full,
            speaker: Some("e".into()),
            speaker_name: Some(name.into()),
            speaker_mention: None,
            cue: None,
            about: Vec::new(),
        };
        let document = DocumentRecord {
            id: "d".into(),
            bytes: 1,
            paragraphs: 1,
            sentences: 1,
            mentions: 0,
            quotes: 1,
            meta: DocumentMeta {
                encoding: "utf-8",
                ..DocumentMeta::default()
            },
            repairs: RepairReport::default(),
        };
        let mut c = Corpus::new();
        c.add(Analysis {
            document,
            mentions: Vec::new(),
            quotes: vec![quote],
            entities: [("e".to_string(), entity)].into(),
            windows: Vec::new(),
        });
        c
    }

    fn out(c: &Corpus, export: Export) -> String {
        let mut v = Vec::new();
        export(c, &ExportOptions::new(), &mut v).unwrap();
        String::from_utf8(v).unwrap()
    }

    /// The Cypher literal that starts right after `prefix` in `script`.
    fn cypher_literal(script: &str, prefix: &str) -> String {
        let start = script.find(prefix).unwrap() + prefix.len();
        let mut chars = script[start..].chars();
        assert_eq!(chars.next(), Some('\''));
        let mut s = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => s.push(chars.next().unwrap()),
                '\'' => return s,
                c => s.push(c),
            }
        }
        panic!("unterminated literal");
    }

    /// The N-Triples literal object of the line holding `predicate`.
    fn nt_literal(nt: &str, subject_predicate: &str) -> String {
        let line = nt
            .lines()
            .find(|l| l.starts_with(subject_predicate))
            .unwrap();
        let lit = &line[subject_predicate.len() + 1..line.len() - 2];
        let lit = &lit[1..lit.len() - 1];
        let (mut s, mut chars) = (String::new(), lit.chars());
        while let Some(c) = chars.next() {
            s.push(match (c, c == '\\') {
                (_, true) => match chars.next().unwrap() {
                    'n' => '\n',
                    'r' => '\r',
                    c => c,
                },
                (c, false) => c,
            });
        }
        s
    }

    fn xml_unescape(s: &str) -> String {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&#10;", "\n")
            .replace("&#13;", "\r")
            .replace("&#9;", "\t")
            .replace("&amp;", "&")
    }

    fn xml_safe(s: &str) -> String {
        s.chars()
            .map(|c| match c {
                '\t' | '\n' | '\r' => c,
                '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
                c => c,
            })
            .collect()
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![any::<String>(), "[a-zë😀 \"'\\\\\n\r\t;,<>&‘’]{0,24}"]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]
        #[test]
        fn names_and_quotations_round_trip(name in text(), quote in text()) {
            let c = corpus(&name, &quote);

            let jsonl = out(&c, write_jsonl);
            let lines: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
            prop_assert_eq!(lines[0]["properties"]["name"].as_str().unwrap(), name.as_str());
            prop_assert_eq!(lines[1]["properties"]["text"].as_str().unwrap(), quote.as_str());

            let script = out(&c, |c, o, w| write_cypher(c, o, CypherDialect::Neo4j, w));
            prop_assert_eq!(statements(&script).len(), 3 + 3 + 2);
            prop_assert_eq!(cypher_literal(&script, "SET n.`name` = "), name.clone());
            prop_assert_eq!(cypher_literal(&script, "SET n.`text` = "), quote.clone());

            let csv = parse_csv(&out(&c, write_neo4j_nodes));
            prop_assert_eq!(csv.len(), 4);
            let col = |h: &str| csv[0].iter().position(|x| x == h).unwrap();
            prop_assert_eq!(&csv[1][col("name:string")], &name);
            prop_assert_eq!(&csv[2][col("text:string")], &quote);

            let nt = out(&c, write_ntriples);
            prop_assert_eq!(nt_literal(&nt, "<urn:newsgraph:entity:e> <https://schema.org/name>"), name.clone());
            prop_assert_eq!(nt_literal(&nt, "<urn:newsgraph:quote:d%23q1> <https://schema.org/text>"), quote.clone());

            let graphml = out(&c, write_graphml);
            let data = |key: &str| {
                let open = format!("<data key=\"{key}\">");
                let start = graphml.find(&open).unwrap() + open.len();
                xml_unescape(&graphml[start..start + graphml[start..].find("</data>").unwrap()])
            };
            prop_assert_eq!(data("n1"), xml_safe(&name));
        }
    }
}
