//! Evaluation of quotation detection and speaker attribution on short
//! wire-style articles written for this purpose (`tests/data/quotes-eval/`),
//! through the real pipeline: segmenter, tagger, quote finder.
//!
//! A predicted quotation matches a gold one when their spans overlap
//! (the gold span is where the gold text is found in the article). The test
//! prints precision, recall, F1 and speaker accuracy over matched
//! quotations (`cargo test --test quotes_eval -- --nocapture`), and fails
//! when they drop below the floors.

use newsgraph::normalize::fold_str;
use newsgraph::quotes::{find_quotes, QuoteInput, QuoteKind, Speaker};
use newsgraph::segment::segment;
use newsgraph::{Gazetteer, Span, Tagger};
use std::path::Path;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/quotes-eval");
const F1_FLOOR: f64 = 0.9;
const SPEAKER_FLOOR: f64 = 0.85;

struct Gold {
    article: String,
    span: Span,
    kind: QuoteKind,
    speaker: Option<String>,
}

fn parse_kind(s: &str) -> QuoteKind {
    match s {
        "full" => QuoteKind::Full,
        "partial" => QuoteKind::Partial,
        "scare" => QuoteKind::Scare,
        other => panic!("unknown kind {other}"),
    }
}

fn load_gold(dir: &Path) -> Vec<Gold> {
    let tsv = std::fs::read_to_string(dir.join("gold.tsv")).unwrap();
    let mut out = Vec::new();
    for line in tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 5, "bad gold line: {line}");
        let text = std::fs::read_to_string(dir.join(f[0])).unwrap();
        let nth: usize = f[2].parse().unwrap();
        let start = text
            .match_indices(f[1])
            .nth(nth - 1)
            .unwrap_or_else(|| panic!("{}: {:?} #{nth} not found", f[0], f[1]))
            .0;
        out.push(Gold {
            article: f[0].to_string(),
            span: Span::new(start, start + f[1].len()),
            kind: parse_kind(f[3]),
            speaker: (f[4] != "-").then(|| f[4].to_string()),
        });
    }
    out
}

/// How a speaker is compared with the gold: by entity id (the evaluation
/// gazetteer, whose ids the gold uses) or by name (any other gazetteer).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Compare {
    Id,
    Name,
}

fn speaker_key(g: &Gazetteer, s: &Option<Speaker>, how: Compare) -> Option<String> {
    match s {
        None => None,
        Some(Speaker::Entity(e)) if how == Compare::Id => Some(g.entity(*e).id.clone()),
        Some(Speaker::Entity(e)) => Some(g.entity(*e).name.clone()),
        Some(Speaker::Inferred { name, .. }) if how == Compare::Id => {
            Some(format!("inferred:{name}"))
        }
        Some(Speaker::Inferred { name, .. }) => Some(name.clone()),
    }
}

/// The gold speaker as compared: the id, or the name (the evaluation
/// gazetteer's name for an id, the name itself for an inferred speaker).
fn gold_key(eval: &Gazetteer, gold: &Option<String>, how: Compare) -> Option<String> {
    let g = gold.as_ref()?;
    if how == Compare::Id {
        return Some(g.clone());
    }
    let names: Vec<String> = g
        .split('|')
        .map(|g| match g.strip_prefix("inferred:") {
            Some(name) => name.to_string(),
            None => eval
                .entity(eval.get(g).expect("gold id in the evaluation gazetteer"))
                .name
                .clone(),
        })
        .collect();
    Some(names.join("|"))
}

/// Compares speakers ignoring case and accents; a gold speaker may list
/// alternatives separated by `|` (two names of one organization).
fn same_speaker(gold: &Option<String>, got: &Option<String>) -> bool {
    let norm = |s: &str| fold_str(&s.replace('’', "'")).to_lowercase();
    match (gold, got) {
        (None, None) => true,
        (Some(a), Some(b)) => a.split('|').any(|a| {
            norm(a.trim_start_matches("inferred:")) == norm(b.trim_start_matches("inferred:"))
        }),
        _ => false,
    }
}

struct Scores {
    f1: f64,
    speaker_accuracy: f64,
}

fn evaluate(label: &str, gazetteer: &Gazetteer, how: Compare) -> Scores {
    let dir = Path::new(DIR);
    let eval_gazetteer = Gazetteer::from_tsv_str(
        "gazetteer.tsv",
        &std::fs::read_to_string(dir.join("gazetteer.tsv")).unwrap(),
    )
    .unwrap();
    let tagger = Tagger::new(gazetteer).unwrap();
    let gold = load_gold(dir);
    let mut articles: Vec<String> = gold.iter().map(|g| g.article.clone()).collect();
    articles.dedup();

    let (mut predicted, mut matched, mut speaker_ok, mut kind_ok) =
        (0usize, 0usize, 0usize, 0usize);
    let mut report = String::new();
    for article in &articles {
        let text = std::fs::read_to_string(dir.join(article)).unwrap();
        let segments = segment(&text);
        let mentions = tagger.tag(&text, &segments);
        let input = QuoteInput {
            text: &text,
            segments: &segments,
            mentions: &mentions,
            gazetteer,
        };
        let quotes = find_quotes(&input);
        predicted += quotes.len();
        let mut used = vec![false; quotes.len()];
        for g in gold.iter().filter(|g| &g.article == article) {
            let hit = (0..quotes.len()).find(|&i| !used[i] && quotes[i].span.overlaps(g.span));
            let Some(i) = hit else {
                report += &format!("MISSED  {article}: {:?}\n", &text[g.span.range()]);
                continue;
            };
            used[i] = true;
            matched += 1;
            let q = &quotes[i];
            let got = speaker_key(gazetteer, &q.speaker, how);
            let want = gold_key(&eval_gazetteer, &g.speaker, how);
            if same_speaker(&want, &got) {
                speaker_ok += 1;
            } else {
                report += &format!(
                    "SPEAKER {article}: {:?}: want {:?}, got {:?} (via {:?})\n",
                    q.text,
                    want,
                    got,
                    q.speaker_mention.map(|s| &text[s.range()])
                );
            }
            if q.kind == g.kind {
                kind_ok += 1;
            } else {
                report += &format!(
                    "KIND    {article}: {:?}: want {:?}, got {:?}\n",
                    q.text, g.kind, q.kind
                );
            }
        }
        for q in quotes
            .iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|(q, _)| q)
        {
            report += &format!("EXTRA   {article}: {:?}\n", q.text);
        }
    }
    let precision = matched as f64 / predicted.max(1) as f64;
    let recall = matched as f64 / gold.len().max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    let speaker_accuracy = speaker_ok as f64 / matched.max(1) as f64;
    let kind_accuracy = kind_ok as f64 / matched.max(1) as f64;
    print!("{report}");
    println!(
        "quotes eval ({label}): {} articles, {} gold, {} predicted, {} matched\n\
         detection precision {precision:.3} recall {recall:.3} F1 {f1:.3}\n\
         speaker accuracy {speaker_accuracy:.3} ({speaker_ok}/{matched}), kind accuracy {kind_accuracy:.3}",
        articles.len(),
        gold.len(),
        predicted,
        matched
    );
    Scores {
        f1,
        speaker_accuracy,
    }
}

#[test]
fn evaluation_articles_meet_the_floors() {
    let dir = Path::new(DIR);
    let gazetteer = Gazetteer::from_tsv_str(
        "gazetteer.tsv",
        &std::fs::read_to_string(dir.join("gazetteer.tsv")).unwrap(),
    )
    .unwrap();
    let s = evaluate("evaluation gazetteer", &gazetteer, Compare::Id);
    assert!(
        s.f1 >= F1_FLOOR,
        "detection F1 {:.3} below {F1_FLOOR}",
        s.f1
    );
    assert!(
        s.speaker_accuracy >= SPEAKER_FLOOR,
        "speaker accuracy {:.3} below {SPEAKER_FLOOR}",
        s.speaker_accuracy
    );
}

/// The same articles with the default gazetteer (speakers compared by
/// name): the configuration users run.
#[test]
fn evaluation_with_the_default_gazetteer() {
    let gazetteer = Gazetteer::default_gazetteer();
    let s = evaluate("default gazetteer", &gazetteer, Compare::Name);
    assert!(
        s.f1 >= F1_FLOOR,
        "detection F1 {:.3} below {F1_FLOOR}",
        s.f1
    );
    assert!(
        s.speaker_accuracy >= SPEAKER_FLOOR,
        "speaker accuracy {:.3} below {SPEAKER_FLOOR}",
        s.speaker_accuracy
    );
}
