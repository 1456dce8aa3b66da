//! The tools for people who grow a gazetteer: `check`, the spaCy pattern
//! round trip, and `suggest`.

use newsgraph::gazetteer::check::{check_tsv, Severity};
use newsgraph::gazetteer::spacy::{
    demonyms, read_pattern_bytes, read_patterns, write_patterns, write_tsv,
};
use newsgraph::suggest::Suggester;
use newsgraph::{EntityType, Gazetteer, Pipeline};
use std::collections::BTreeSet;

#[test]
fn check_reports_each_problem_with_its_line() {
    let header = "id\ttype\tname\taliases\tweak\n";
    let cases: &[(&str, u64, Severity, &str)] = &[
        (
            "x\tperson\tAna Costa\n",
            2,
            Severity::Error,
            "expected 5 tab-separated columns",
        ),
        (
            "x\tplanet\tMars\t\t\n",
            2,
            Severity::Error,
            "unknown type `planet`",
        ),
        ("\tplace\tTarvos\t\t\n", 2, Severity::Error, "empty id"),
        (
            "a\tplace\tTarvos\t\t\na\tplace\tTarvos\tTarvo\t\n",
            3,
            Severity::Warning,
            "duplicate id `a`",
        ),
        (
            "chad\tplace\tChad\t\t\n",
            2,
            Severity::Warning,
            "`Chad` is an ordinary English word",
        ),
        (
            "reading\tplace\tReading\t\tReading\n",
            0,
            Severity::Warning,
            "",
        ),
        (
            "g1\tplace\tGeorgia\t\t\ng2\tplace\tGeorgia\t\t\n",
            3,
            Severity::Warning,
            "`georgia` is claimed by 2 entities (g1, g2)",
        ),
        (
            "cher\tperson\tCher\t\t\n",
            2,
            Severity::Warning,
            "one-word name",
        ),
    ];
    for (rows, line, severity, message) in cases {
        let text = format!("{header}{rows}");
        let findings = check_tsv(&[("mine.tsv", &text)]);
        if message.is_empty() {
            assert!(
                findings.is_empty(),
                "{rows:?}: expected nothing, got {findings:?}"
            );
            continue;
        }
        let hit = findings
            .iter()
            .find(|f| f.message.contains(message))
            .unwrap_or_else(|| {
                panic!("{rows:?}: no finding containing {message:?} in {findings:?}")
            });
        assert_eq!(
            (hit.line, hit.severity),
            (*line, *severity),
            "{rows:?}: {hit}"
        );
        assert!(hit.to_string().starts_with(&format!("mine.tsv:{line}: ")));
    }
}

#[test]
fn check_finds_no_errors_in_the_default_gazetteer() {
    let root = env!("CARGO_MANIFEST_DIR");
    let files: Vec<(String, String)> = ["places", "organizations", "people"]
        .iter()
        .map(|f| {
            let p = format!("{root}/gazetteer/{f}.tsv");
            (p.clone(), std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let errors: Vec<_> = check_tsv(&refs)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn spacy_round_trip_keeps_ids_types_names_aliases_and_demonyms() {
    let g = Gazetteer::default_gazetteer();
    let mut patterns = Vec::new();
    write_patterns(&g, &mut patterns).unwrap();
    let (back, warnings) =
        read_patterns("patterns.jsonl", std::str::from_utf8(&patterns).unwrap()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(back.len(), g.len());
    for e in g.entities() {
        let b = back.entity(back.get(&e.id).unwrap_or_else(|| panic!("{} lost", e.id)));
        assert_eq!((b.kind, &b.name), (e.kind, &e.name), "{}", e.id);
        let a1: BTreeSet<&String> = e.aliases.iter().collect();
        let a2: BTreeSet<&String> = b.aliases.iter().collect();
        assert_eq!(a1, a2, "{}", e.id);
        assert_eq!(demonyms(e), demonyms(b), "{}", e.id);
    }
    // And the TSV written from the import loads again as the same entities.
    let mut tsv = Vec::new();
    write_tsv(&back, &mut tsv).unwrap();
    let again = Gazetteer::from_tsv_str("again.tsv", std::str::from_utf8(&tsv).unwrap()).unwrap();
    assert_eq!(again.len(), back.len());
}

#[test]
fn spacy_import_reads_token_patterns_and_skips_what_it_cannot_express() {
    let patterns = r#"{"label": "GPE", "pattern": [{"LOWER": "tarvos"}, {"LOWER": "city"}], "id": "tarvos"}
{"label": "GPE", "pattern": "Tarvos City", "id": "tarvos"}
{"label": "NORP", "pattern": "Tarvosian", "id": "tarvos"}
{"label": "PERSON", "pattern": "Ana Costa"}
{"label": "ORG", "pattern": [{"LOWER": "green"}, {"IS_PUNCT": true}], "id": "green"}
{"label": "EVENT", "pattern": "Spring Fair", "id": "fair"}
"#;
    let (g, warnings) = read_patterns("p.jsonl", patterns).unwrap();
    assert_eq!(g.len(), 2);
    let t = g.entity(g.get("tarvos").unwrap());
    assert_eq!(
        (t.kind, t.name.as_str()),
        (EntityType::Place, "Tarvos City")
    );
    assert_eq!(t.aliases, ["tarvos city"]);
    assert_eq!(demonyms(t), ["Tarvosian"]);
    assert_eq!(
        g.entity(g.get("ana-costa").unwrap()).kind,
        EntityType::Person
    );
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].starts_with("p.jsonl:5: skipped"));
    assert!(warnings[1].starts_with("p.jsonl:6: skipped: label `EVENT`"));
}

/// One line that was not JSON made the import fail as a whole.
#[test]
fn spacy_import_skips_each_bad_line_and_keeps_the_rest() {
    let good =
        |id: &str| format!("{{\"label\": \"ORG\", \"pattern\": \"{id} Group\", \"id\": \"{id}\"}}");
    // (bad line, the start of its warning)
    let cases: &[(&[u8], &str)] = &[
        (b"{\"label\": \"ORG\"", "skipped: not JSON (column 15): EOF"),
        (
            b"label: ORG",
            "skipped: not JSON (column 1): expected value",
        ),
        (b"[1, 2]", "skipped: not a JSON object"),
        (b"\"Tarvos\"", "skipped: not a JSON object"),
        (
            b"{\"label\": \"ORG\", \"pattern\": \"Caf\xE9\"}",
            "skipped: not UTF-8 (byte 32 of the line)",
        ),
        (
            b"{\"label\": \"ORG\", \"pattern\": \"x\"}}",
            "skipped: not JSON (column 33): trailing characters",
        ),
    ];
    let mut file = Vec::new();
    let mut want = Vec::new();
    for (i, (bad, warning)) in cases.iter().enumerate() {
        file.extend_from_slice(good(&format!("a{i}")).as_bytes());
        file.extend_from_slice(b"\r\n");
        file.extend_from_slice(bad);
        file.push(b'\n');
        want.push(format!("p.jsonl:{}: {warning}", 2 * i + 2));
    }
    file.extend_from_slice(good("last").as_bytes());
    let (g, warnings) = read_pattern_bytes("p.jsonl", &file).unwrap();
    let ids: Vec<&str> = g.entities().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["a0", "a1", "a2", "a3", "a4", "a5", "last"]);
    assert_eq!(warnings.len(), want.len(), "{warnings:#?}");
    for (got, want) in warnings.iter().zip(&want) {
        assert!(
            got.starts_with(want.as_str()),
            "{got:?} does not start with {want:?}"
        );
    }

    // The command prints each on stderr, writes the rest and exits with 1.
    let dir = tempfile::tempdir().unwrap();
    let patterns = dir.path().join("p.jsonl");
    std::fs::write(&patterns, &file).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["gazetteer", "import", "--spacy"])
        .arg(&patterns)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let prefix = format!("newsgraph: {}:", patterns.display());
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), cases.len(), "{err}");
    for (line, n) in lines.iter().zip((2..).step_by(2)) {
        assert!(
            line.starts_with(&format!("{prefix}{n}: skipped: ")),
            "{err}"
        );
    }
    let tsv = String::from_utf8(out.stdout).unwrap();
    let loaded = Gazetteer::from_tsv_str("out.tsv", &tsv).unwrap();
    assert_eq!(loaded.len(), 7, "{tsv}");
}

#[test]
fn suggest_finds_unlisted_people_organizations_and_places() {
    let p = Pipeline::builder().build().unwrap();
    let mut s = Suggester::new();
    s.add(
        &p,
        "Health Minister Ana Costa said the clinic in Tarvos would open soon. \"We are ready,\" Costa said.\n\
         The plan has support from Northwind Energy Ltd. and the Green Future Party, according to \
         Paulo Mendes, a spokesman for the council. Vladimir Putin was not asked.\n",
    );
    s.add(
        &p,
        "Paulo Mendes told reporters the vote would wait. Residents of Tarvos were split.\n",
    );
    let got: Vec<(String, EntityType)> = s.finish().into_iter().map(|x| (x.name, x.kind)).collect();
    let want = [
        ("Ana Costa", EntityType::Person),
        ("Paulo Mendes", EntityType::Person),
        ("Tarvos", EntityType::Place),
        ("Northwind Energy Ltd.", EntityType::Organization),
        ("Green Future Party", EntityType::Organization),
    ];
    for (name, kind) in want {
        assert!(
            got.contains(&(name.to_string(), kind)),
            "{name} ({kind}) not in {got:?}"
        );
    }
    assert!(
        !got.iter()
            .any(|(n, _)| n.contains("Putin") || n == "Costa" || n == "Health Minister"),
        "{got:?}"
    );
}

/// `suggest` printed 7-column rows that failed to load when pasted under a
/// gazetteer's 4-column header.
#[test]
fn suggest_output_is_a_gazetteer_file_and_its_rows_paste_under_a_header() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news.txt");
    std::fs::write(
        &news,
        "Harbour Director Lina Okafor said the ferry to Tarvos-Nord would run again.\n\
         Lina Okafor told reporters\tthat the pier in Tarvos Nord was safe.\n\
         The plan was backed by Brightwater Shipping Ltd. and by the Coastal Renewal Party.\n",
    )
    .unwrap();
    let newsgraph = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
            .args(args)
            .output()
            .unwrap()
    };
    let out = newsgraph(&["suggest".as_ref(), news.as_ref()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tsv = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = tsv.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(rows[0], "id\ttype\tname\taliases", "{tsv}");
    for row in &rows {
        assert_eq!(row.split('\t').count(), 4, "{row:?} in\n{tsv}");
    }
    let ids: Vec<&str> = rows[1..]
        .iter()
        .map(|r| r.split('\t').next().unwrap())
        .collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "{tsv}");
    for want in [
        "lina-okafor",
        "tarvos-nord",
        "tarvos-nord-2",
        "coastal-renewal-party",
    ] {
        assert!(ids.contains(&want), "{want} not in {ids:?}");
    }

    let suggestions = dir.path().join("s.tsv");
    std::fs::write(&suggestions, &tsv).unwrap();
    let check = newsgraph(&["gazetteer".as_ref(), "check".as_ref(), suggestions.as_ref()]);
    let report = String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success(), "{report}");
    assert!(report.contains(": 0 error(s)"), "{report}");

    let build = newsgraph(&[
        "build".as_ref(),
        "--no-default-gazetteer".as_ref(),
        "-g".as_ref(),
        suggestions.as_ref(),
        news.as_ref(),
    ]);
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&build.stdout).unwrap();
    let found: Vec<&str> = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(found.contains(&"lina-okafor"), "{found:?}");

    // Rows pasted under an existing gazetteer's header load as well.
    let pasted = format!(
        "id\ttype\tname\taliases\nnato\torg\tNATO\t\n{}\n",
        rows[1..].join("\n")
    );
    let g = Gazetteer::from_tsv_str("mine.tsv", &pasted).unwrap();
    assert_eq!(g.len(), ids.len() + 1);
}
