//! No panic and no nonsense on hostile input: random bytes, NUL bytes,
//! megabyte lines, deep and unbalanced quotation marks, huge gazetteers.
//! Every span an analysis reports must lie inside the original text, on
//! character boundaries.

use newsgraph::{Analysis, Document, Gazetteer, Pipeline, Tagger};
use proptest::prelude::*;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        Pipeline::builder()
            .build()
            .expect("default pipeline builds")
    })
}

fn check_spans(text: &str, a: &Analysis) {
    let ok = |s: usize, e: usize| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    for m in &a.mentions {
        assert!(ok(m.start, m.end), "mention {m:?}");
        assert_eq!(&text[m.start..m.end], m.text);
    }
    for q in &a.quotes {
        assert!(ok(q.start, q.end), "quote {q:?}");
        if let Some(sm) = &q.speaker_mention {
            assert!(ok(sm.start, sm.end));
            assert_eq!(&text[sm.start..sm.end], sm.text);
        }
    }
    for (span, ids) in &a.windows {
        assert!(ok(span.start, span.end), "window {span:?}");
        assert!(ids.len() >= 2);
    }
    assert_eq!(a.document.bytes, text.len());
}

fn analyze(text: &str) -> Analysis {
    let doc = Document::from_text("hostile", text);
    let a = pipeline().analyze(&doc);
    check_spans(text, &a);
    a
}

/// Text built from pieces that stress the stages: names, marks, mojibake,
/// lost punctuation, invisible characters, line breaks.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Vladimir Putin".to_string()),
        Just("Putin\u{2019}s".to_string()),
        Just("U.S.".to_string()),
        Just("Mr. ".to_string()),
        Just("\u{201C}".to_string()),
        Just("\u{201D}".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("\u{2018}".to_string()),
        Just("\u{2019}".to_string()),
        Just("\u{AB}".to_string()),
        Just("\u{BB}".to_string()),
        Just("``".to_string()),
        Just("''".to_string()),
        Just("\u{E2}\u{20AC}\u{153}".to_string()),
        Just("\u{C3}\u{A9}".to_string()),
        Just("\u{E42}".to_string()),
        Just(" said ".to_string()),
        Just(", he added.".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{200B}\u{AD}\u{A0}".to_string()),
        Just("\0".to_string()),
        Just("Erdo\u{11F}an".to_string()),
        Just("\u{130}stanbul".to_string()),
        "[a-zA-Z ]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_strings_never_panic(text in any::<String>()) {
        analyze(&text);
    }

    #[test]
    fn random_bytes_decoded_lossily_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        analyze(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn news_like_noise_never_panics(text in newsish()) {
        analyze(&text);
    }
}

#[test]
fn empty_and_blank_documents() {
    for text in ["", " ", "\n\n\n", "\0\0\0", "\u{FEFF}", "\u{201C}", "\""] {
        let a = analyze(text);
        assert!(a.mentions.is_empty(), "{text:?}");
    }
}

#[test]
fn a_ten_megabyte_line_without_a_newline() {
    let sentence =
        "Kremlin aide Yuri Ushakov said Moscow and Kyiv \u{201C}talked\u{201D} at length ";
    let text = sentence.repeat(10 * 1024 * 1024 / sentence.len());
    assert!(!text.contains('\n'));
    let a = analyze(&text);
    assert!(
        a.mentions.len() > 100_000,
        "names are still found: {}",
        a.mentions.len()
    );
    assert_eq!(a.document.paragraphs, 1);
}

#[test]
fn deep_and_unbalanced_quotation_marks() {
    let deep = format!(
        "{}Putin said so{}",
        "\u{201C}\u{2018}\"'\u{AB}".repeat(5000),
        "\u{BB}'\"\u{2019}\u{201D}".repeat(4000)
    );
    analyze(&deep);
    let unbalanced = "\u{201C}".repeat(100_000) + &"Zelensky spoke. \u{201D}".repeat(1000);
    let a = analyze(&unbalanced);
    assert!(a
        .mentions
        .iter()
        .any(|m| m.entity.as_deref() == Some("volodymyr-zelensky") || m.text == "Zelensky"));
}

#[test]
fn a_gazetteer_of_100k_aliases_builds_and_tags() {
    let mut tsv = String::from("id\ttype\tname\taliases\n");
    for i in 0..50_000u32 {
        // Pronounceable synthetic names, two aliases each.
        let syl = ["ka", "lo", "mi", "ru", "te", "sa", "no", "vi", "da", "pe"];
        let name: String = (0..5)
            .map(|k| syl[(i / 10u32.pow(k) % 10) as usize])
            .collect();
        tsv.push_str(&format!(
            "city-{i}\tplace\tPort {name}\t{name}ville|New {name}\n",
            name = capitalize(&name)
        ));
    }
    let g = Gazetteer::from_tsv_str("big.tsv", &tsv).unwrap();
    assert_eq!(g.len(), 50_000);
    let t = Tagger::new(&g).unwrap();
    assert!(t.pattern_count() >= 150_000);
    let text = "Ships left Port Kalomiruka for New Tesanovika; Kalomirukaville slept.";
    let seg = newsgraph::segment::segment(text);
    let found: Vec<&str> = t
        .tag(text, &seg)
        .iter()
        .map(|m| &text[m.span.range()])
        .collect();
    assert_eq!(
        found,
        ["Port Kalomiruka", "New Tesanovika", "Kalomirukaville"]
    );
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
