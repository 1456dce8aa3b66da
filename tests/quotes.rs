//! Table-driven tests of quotation detection and speaker attribution,
//! through the real segmenter and tagger, on sentences written for them.
//!
//! Each row: a text and the quotations expected in it, each with its text
//! (marks removed), kind, speaker (entity id, `inferred:Name`, or `-`) and
//! the words naming the speaker (`-` for none).

use newsgraph::quotes::{find_quotes, Quote, QuoteInput, QuoteKind, Speaker};
use newsgraph::segment::segment;
use newsgraph::{Gazetteer, Tagger};
use std::sync::OnceLock;

use QuoteKind::{Full, Partial, Scare};

const GAZETTEER: &str = include_str!("data/quotes-eval/gazetteer.tsv");

fn pipeline() -> &'static (Gazetteer, Tagger) {
    static P: OnceLock<(Gazetteer, Tagger)> = OnceLock::new();
    P.get_or_init(|| {
        let g = Gazetteer::from_tsv_str("gazetteer.tsv", GAZETTEER).unwrap();
        let t = Tagger::new(&g).unwrap();
        (g, t)
    })
}

fn quotes(text: &str) -> Vec<Quote> {
    let (g, tagger) = pipeline();
    let segments = segment(text);
    let mentions = tagger.tag(text, &segments);
    find_quotes(&QuoteInput {
        text,
        segments: &segments,
        mentions: &mentions,
        gazetteer: g,
    })
}

fn speaker_key(s: &Option<Speaker>) -> String {
    let (g, _) = pipeline();
    match s {
        None => "-".to_string(),
        Some(Speaker::Entity(e)) => g.entity(*e).id.clone(),
        Some(Speaker::Inferred { name, .. }) => format!("inferred:{name}"),
    }
}

type Expected = (&'static str, QuoteKind, &'static str, &'static str);

fn check(name: &str, text: &str, want: &[Expected]) -> Vec<Quote> {
    let got = quotes(text);
    let seen: Vec<(String, QuoteKind, String, String)> = got
        .iter()
        .map(|q| {
            (
                q.text.clone(),
                q.kind,
                speaker_key(&q.speaker),
                q.speaker_mention
                    .map_or("-".to_string(), |s| text[s.range()].to_string()),
            )
        })
        .collect();
    let want: Vec<(String, QuoteKind, String, String)> = want
        .iter()
        .map(|(t, k, s, m)| (t.to_string(), *k, s.to_string(), m.to_string()))
        .collect();
    assert_eq!(seen, want, "case {name}: {text:?}");
    for q in &got {
        let inner = &text[q.span.range()];
        assert!(q.span.end <= text.len(), "case {name}: span out of text");
        assert!(
            inner.contains(q.text.split('\n').next().unwrap()),
            "case {name}: text not inside span"
        );
    }
    got
}

#[test]
fn attribution_patterns() {
    #[rustfmt::skip]
    let table: &[(&str, &str, &[Expected])] = &[
        // Regressions: a colon clause or an interruption is the attribution,
        // not the sentence that follows the quotation.
        ("before colon, next sentence names another",
         "Peskov said: “Nothing has changed.” Ushakov spoke later.",
         &[("Nothing has changed.", Full, "dmitry-peskov", "Peskov")]),
        ("according to, next sentence quotes another",
         "According to Peskov, “the door is open.” Trump wrote on Truth Social: “Great call.”",
         &[("the door is open.", Full, "dmitry-peskov", "Peskov"),
           ("Great call.", Full, "donald-trump", "Trump")]),
        ("interrupted quotation, next sentence names another",
         "Kaja Kallas arrived. “The talks were useful,” she said, “but hard.” Keir Starmer spoke later.",
         &[("The talks were useful,", Full, "kaja-kallas", "she"),
           ("but hard.", Full, "kaja-kallas", "she")]),
        ("coordinated verb before a colon",
         "Xi Jinping arrived on Monday and said: “We need a deal.” The president added that time was short.",
         &[("We need a deal.", Full, "xi-jinping", "Xi Jinping")]),
        ("after: name verb",
         "“We will not give up,” Ushakov said.",
         &[("We will not give up,", Full, "yuri-ushakov", "Ushakov")]),
        ("after: verb name",
         "“We will not give up,” said Yuri Ushakov.",
         &[("We will not give up,", Full, "yuri-ushakov", "Yuri Ushakov")]),
        ("before: name verb colon",
         "Ushakov said: “We will not give up.”",
         &[("We will not give up.", Full, "yuri-ushakov", "Ushakov")]),
        ("before: comma, straight quotes",
         "Peskov said, \"Nothing has been decided yet.\"",
         &[("Nothing has been decided yet.", Full, "dmitry-peskov", "Peskov")]),
        ("after: pronoun added",
         "Yuri Ushakov met the envoy on Tuesday. “We are ready,” he added.",
         &[("We are ready,", Full, "yuri-ushakov", "he")]),
        ("interrupted quotation",
         "Kaja Kallas spoke in Brussels. “We are ready,” she said, “but not at any price.”",
         &[("We are ready,", Full, "kaja-kallas", "she"),
           ("but not at any price.", Full, "kaja-kallas", "she")]),
        ("title before the name",
         "“The talks were useful,” Kremlin aide Yuri Ushakov told reporters.",
         &[("The talks were useful,", Full, "yuri-ushakov", "Yuri Ushakov")]),
        ("apposition of an unknown name",
         "“The beds are full,” said Jane Doe, a spokeswoman for the ministry.",
         &[("The beds are full,", Full, "inferred:Jane Doe", "Jane Doe")]),
        ("apposition between subject and verb",
         "“Nothing is agreed,” Dmitry Peskov, the Kremlin spokesman, told reporters.",
         &[("Nothing is agreed,", Full, "dmitry-peskov", "Dmitry Peskov")]),
        ("name in commas after its role",
         "Hungary's foreign minister, Peter Szijjarto, called the plan \"pointless\".",
         &[("pointless", Partial, "inferred:Peter Szijjarto", "Peter Szijjarto")]),
        ("according to, after",
         "“The talks will resume in January,” according to Dmitry Peskov.",
         &[("The talks will resume in January,", Full, "dmitry-peskov", "Dmitry Peskov")]),
        ("according to, before",
         "According to Peskov, “the talks will resume in January.”",
         &[("the talks will resume in January.", Full, "dmitry-peskov", "Peskov")]),
        ("told reporters",
         "Peskov told reporters: “Nothing has been decided.”",
         &[("Nothing has been decided.", Full, "dmitry-peskov", "Peskov")]),
        ("wrote on X",
         "Zelensky wrote on X: “Every strike is a reminder of what Russia wants.”",
         &[("Every strike is a reminder of what Russia wants.", Full, "volodymyr-zelensky", "Zelensky")]),
        ("posted on Telegram",
         "Zelensky posted on Telegram that Russia had launched “more than 400 drones” overnight.",
         &[("more than 400 drones", Partial, "volodymyr-zelensky", "Zelensky")]),
        ("said in a statement, organization",
         "“We reject these claims,” the Kremlin said in a statement.",
         &[("We reject these claims,", Full, "kremlin", "Kremlin")]),
        ("in a statement, before",
         "In a statement, the Kremlin said: “The claims are false.”",
         &[("The claims are false.", Full, "kremlin", "Kremlin")]),
        ("in an interview with Y, X said",
         "In an interview with CBS News, Zelensky said: “We need more air defence.”",
         &[("We need more air defence.", Full, "volodymyr-zelensky", "Zelensky")]),
        ("pronoun by gender",
         "Volodymyr Zelensky met Kaja Kallas in Kyiv. “Europe stands with Ukraine,” she said.",
         &[("Europe stands with Ukraine,", Full, "kaja-kallas", "she")]),
        ("pronoun: subject of the previous sentence",
         "Vladimir Putin met Donald Trump in Alaska on Friday. “It was a good meeting,” he said.",
         &[("It was a good meeting,", Full, "vladimir-putin", "he")]),
        ("pronoun it: an organization",
         "The World Health Organization published its report on Monday. “The trend is alarming,” it said.",
         &[("The trend is alarming,", Full, "who", "it")]),
        ("descriptor through the title",
         "Russian President Vladimir Putin received the envoy. “We are open to talks,” the Russian president said.",
         &[("We are open to talks,", Full, "vladimir-putin", "the Russian president")]),
        ("descriptor through gazetteer descriptors",
         "Vladimir Putin spoke on Friday. “The West is not serious,” the Kremlin leader said.",
         &[("The West is not serious,", Full, "vladimir-putin", "the Kremlin leader")]),
        ("descriptor through an apposition",
         "Dmitry Peskov, the Kremlin spokesman, spoke briefly. “No comment,” the spokesman said.",
         &[("No comment,", Full, "dmitry-peskov", "the spokesman")]),
        ("demonym descriptor",
         "Chelsea head coach Enzo Maresca was angry. “I don’t want to talk about it,” the Italian said.",
         &[("I don’t want to talk about it,", Full, "enzo-maresca", "the Italian")]),
        ("continuation paragraph",
         "“We will rebuild,” Zelensky said.\n\n“Every city, every village.”",
         &[("We will rebuild,", Full, "volodymyr-zelensky", "Zelensky"),
           ("Every city, every village.", Full, "volodymyr-zelensky", "-")]),
        ("continuation after reported speech",
         "Zelensky said Ukraine would not cede land.\n\n“Our land is not for sale.”",
         &[("Our land is not for sale.", Full, "volodymyr-zelensky", "-")]),
        ("partial quotation takes the clause subject",
         "Donald Trump acknowledged he had made “no progress” with Moscow.",
         &[("no progress", Partial, "donald-trump", "Donald Trump")]),
        ("partial quotations after the verb",
         "Peskov called the talks “useful” and “constructive”.",
         &[("useful", Partial, "dmitry-peskov", "Peskov"),
           ("constructive", Partial, "dmitry-peskov", "Peskov")]),
        ("scare quote: so-called",
         "Moscow wants the so-called “root causes” of the war addressed.",
         &[("root causes", Scare, "-", "-")]),
        ("title of a programme",
         "Zelensky told CBS News's “Face the Nation” that talks had stalled.",
         &[("Face the Nation", Scare, "-", "-")]),
        ("scare quote: no speech",
         "The plan includes a “security guarantee” for Kyiv.",
         &[("security guarantee", Scare, "-", "-")]),
        ("unknown person, then surname only",
         "“We have no beds left,” said Maria Lopez, a nurse in Ohio. Lopez said the hospital was “at breaking point.”",
         &[("We have no beds left,", Full, "inferred:Maria Lopez", "Maria Lopez"),
           ("at breaking point.", Partial, "inferred:Maria Lopez", "Lopez")]),
        ("unknown organization",
         "“We will respond,” the Pentagon said.",
         &[("We will respond,", Full, "inferred:Pentagon", "Pentagon")]),
        ("title stripped from an unknown name",
         "Health Minister Jane Doe said: “The wards are full.”",
         &[("The wards are full.", Full, "inferred:Jane Doe", "Jane Doe")]),
        ("group speakers are not resolved",
         "“It is chaos,” officials said.",
         &[("It is chaos,", Full, "-", "officials")]),
        ("quoted as saying",
         "Interfax quoted Peskov as saying that “nothing is agreed”.",
         &[("nothing is agreed", Partial, "dmitry-peskov", "Peskov")]),
        ("an outlet quoting the speaker",
         "“Nothing is agreed,” the RIA news agency quoted Peskov as saying.",
         &[("Nothing is agreed,", Full, "dmitry-peskov", "Peskov")]),
        ("passive quoted as saying",
         "“Nothing is agreed,” Peskov was quoted as saying by Interfax.",
         &[("Nothing is agreed,", Full, "dmitry-peskov", "Peskov")]),
        ("headline with single quotes",
         "Putin says 'no progress' in talks with US envoy",
         &[("no progress", Partial, "vladimir-putin", "Putin")]),
        ("headline name and colon",
         "Arteta: ‘We showed the character of champions’",
         &[("We showed the character of champions", Full, "mikel-arteta", "Arteta")]),
        ("colon at the end of the previous paragraph",
         "Tedros told reporters:\n\n“No child should die of measles.”",
         &[("No child should die of measles.", Full, "tedros", "Tedros")]),
        ("inverted verb first",
         "Said Peskov: “Nothing is agreed.”",
         &[("Nothing is agreed.", Full, "dmitry-peskov", "Peskov")]),
        ("possessive descriptor through gazetteer descriptors",
         "“We have nothing to add,” Putin's spokesman said.",
         &[("We have nothing to add,", Full, "dmitry-peskov", "Putin's spokesman")]),
        ("age before a title",
         "Donald Trump spoke in Ohio. “We are winning,” the 79-year-old president said.",
         &[("We are winning,", Full, "donald-trump", "the 79-year-old president")]),
        ("brackets between subject and verb",
         "“Nothing is agreed,” Peskov (pictured) said.",
         &[("Nothing is agreed,", Full, "dmitry-peskov", "Peskov")]),
        ("owner of the words",
         "Peskov's answer was blunt: “No.”",
         &[("No.", Full, "dmitry-peskov", "Peskov")]),
        ("question",
         "“Who will pay for this?” asked Keir Starmer.",
         &[("Who will pay for this?", Full, "keir-starmer", "Keir Starmer")]),
    ];
    for (name, text, want) in table {
        check(name, text, want);
    }
}

#[test]
fn about_lists_entities_inside_and_the_addressee() {
    let text = "Putin told Donald Trump: “Ukraine must leave Donbas, and NATO must stay out.”";
    let got = check(
        "addressee",
        text,
        &[(
            "Ukraine must leave Donbas, and NATO must stay out.",
            Full,
            "vladimir-putin",
            "Putin",
        )],
    );
    let (g, _) = pipeline();
    let about: Vec<&str> = got[0]
        .about
        .iter()
        .map(|e| g.entity(*e).id.as_str())
        .collect();
    assert_eq!(about, ["ukraine", "nato", "donald-trump"]);

    // The interviewer is no addressee, and the speaker is never "about" themselves.
    let text = "In an interview with CBS News, Zelensky said: “Zelensky will not resign, Russia will not win.”";
    let got = quotes(text);
    let about: Vec<&str> = got[0]
        .about
        .iter()
        .map(|e| g.entity(*e).id.as_str())
        .collect();
    assert_eq!(about, ["russia"]);
}

#[test]
fn detection_styles() {
    #[rustfmt::skip]
    let table: &[(&str, &str, &[Expected])] = &[
        ("curly double", "“We won,” Arteta said.", &[("We won,", Full, "mikel-arteta", "Arteta")]),
        ("straight double", "\"We won,\" Arteta said.", &[("We won,", Full, "mikel-arteta", "Arteta")]),
        ("curly single", "‘We won,’ Arteta said.", &[("We won,", Full, "mikel-arteta", "Arteta")]),
        ("straight single", "'We won,' Arteta said.", &[("We won,", Full, "mikel-arteta", "Arteta")]),
        ("guillemets", "«Nous avons gagné», said Arteta.", &[("Nous avons gagné", Full, "mikel-arteta", "Arteta")]),
        ("German low-high", "„Wir haben gewonnen“, said Arteta.", &[("Wir haben gewonnen", Full, "mikel-arteta", "Arteta")]),
        ("typewriter backticks", "``We won,'' Arteta said.", &[("We won,", Full, "mikel-arteta", "Arteta")]),
        ("typewriter two apostrophes", "''We won,'' Arteta said.", &[("We won,", Full, "mikel-arteta", "Arteta")]),
        ("nested other style",
         "“He called it ‘a disgrace’ twice,” Arteta said.",
         &[("He called it ‘a disgrace’ twice,", Full, "mikel-arteta", "Arteta")]),
        ("nested straight",
         "\"He called it 'a disgrace' twice,\" Arteta said.",
         &[("He called it 'a disgrace' twice,", Full, "mikel-arteta", "Arteta")]),
        ("apostrophes are not quotes",
         "Russia’s army, rock ’n’ roll in the ’90s, the workers’ union, don't, O'Brien, the players' fees, the '24 race.",
         &[]),
        ("apostrophes inside a single-quoted quotation",
         "‘It’s the workers’ money,’ Arteta said of Reuters’ story.",
         &[("It’s the workers’ money,", Full, "mikel-arteta", "Arteta")]),
        ("multi-paragraph quotation",
         "“We are seeing things we have never seen,” Tedros said. “Some of them will last.\n\n“It does not have to be like this.\n\n“The vaccine works.”\n\nOther news.",
         &[("We are seeing things we have never seen,", Full, "tedros", "Tedros"),
           ("Some of them will last.\nIt does not have to be like this.\nThe vaccine works.", Full, "tedros", "-")]),
    ];
    for (name, text, want) in table {
        check(name, text, want);
    }
}

#[test]
fn multi_paragraph_span_runs_from_first_open_to_last_close() {
    let text = "“One.\n\n“Two,” Arteta said.";
    let q = &quotes(text)[0];
    assert_eq!(q.span.start, 0);
    assert_eq!(&text[q.span.end - "”".len()..q.span.end], "”");
    assert_eq!(q.text, "One.\nTwo,");
}

#[test]
fn broken_text() {
    #[rustfmt::skip]
    let table: &[(&str, &str, &[Expected])] = &[
        ("unclosed quotation ends at its paragraph",
         "“We will never give in, Zelensky said.\n\nOther news followed. “The talks are over,” Peskov said.",
         &[("We will never give in, Zelensky said.", Full, "-", "-"),
           ("The talks are over,", Full, "dmitry-peskov", "Peskov")]),
        ("closing mark without opening",
         "We are not satisfied with the current situation,” Yuri Ushakov insisted.",
         &[("We are not satisfied with the current situation,", Full, "yuri-ushakov", "Yuri Ushakov")]),
        ("a second opening mark ends the unclosed first",
         "“One, Peskov said. “Two,” Ushakov said.",
         &[("One, Peskov said.", Full, "-", "-"),
           ("Two,", Full, "yuri-ushakov", "Ushakov")]),
        ("stray single mark does not hide a double quotation",
         "The ‘experts were wrong. “We are ready,” Peskov said.",
         &[("We are ready,", Full, "dmitry-peskov", "Peskov")]),
        ("inch marks are not quotations",
         "The 12\" pipe burst. \"It was old,\" Peskov said.",
         &[("It was old,", Full, "dmitry-peskov", "Peskov")]),
    ];
    for (name, text, want) in table {
        check(name, text, want);
    }
}

#[test]
fn never_panics_and_stays_in_bounds() {
    let long_line = format!("“{}", "word ".repeat(200_000));
    let many_marks = "“a” ‘b’ \"c\" 'd' «e» „f“ ``g'' ".repeat(2_000);
    let deep = format!("{}x{}", "“‘".repeat(500), "’”".repeat(500));
    let inputs: Vec<String> = vec![
        String::new(),
        "\"".into(),
        "”".into(),
        "'".into(),
        "\0“\0”\0".into(),
        "“\n\n“\n\n“".into(),
        "said ” said “ said".into(),
        "é“ñ”ü‘’ü\u{200b}“".into(),
        long_line,
        many_marks,
        deep,
        "”,”,”,” he said".into(),
        "\"\"\"\"\"\"".into(),
        ": “".into(),
    ];
    for text in &inputs {
        for q in quotes(text) {
            assert!(q.span.start <= q.span.end && q.span.end <= text.len());
            assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            for s in [q.speaker_mention, q.cue].into_iter().flatten() {
                assert!(
                    s.end <= text.len()
                        && text.is_char_boundary(s.start)
                        && text.is_char_boundary(s.end)
                );
            }
        }
    }
}

#[test]
fn mentions_that_do_not_fit_are_ignored() {
    use newsgraph::tag::Mention;
    use newsgraph::{EntityIdx, Span};
    let text = "“We won,” Arteta said.";
    let (g, _) = pipeline();
    let bad = |span: Span, entity: u32| Mention {
        span,
        entity: Some(EntityIdx(entity)),
        candidates: Vec::new(),
        title: Some(Span::new(3, 999)),
        demonym: false,
        sentence: 0,
    };
    let mentions = [
        bad(Span::new(1, 2), 0),
        bad(Span::new(12, 18), 99_999),
        bad(Span::new(500, 600), 0),
    ];
    let segments = segment(text);
    let got = find_quotes(&QuoteInput {
        text,
        segments: &segments,
        mentions: &mentions,
        gazetteer: g,
    });
    assert_eq!(got.len(), 1);
    // Found without the tagger: the unknown name is the gazetteer's only Arteta.
    assert_eq!(speaker_key(&got[0].speaker), "mikel-arteta");
}

#[test]
fn linear_in_text_length() {
    let para = "“We will keep going,” Peskov said, adding that talks were “useful”.\n";
    let small = para.repeat(500);
    let big = para.repeat(5_000);
    let t = std::time::Instant::now();
    assert_eq!(quotes(&small).len(), 1_000);
    let small_time = t.elapsed();
    let t = std::time::Instant::now();
    assert_eq!(quotes(&big).len(), 10_000);
    let big_time = t.elapsed();
    // Ten times the text: far less than a hundred times the work.
    assert!(
        big_time < small_time * 40 + std::time::Duration::from_millis(200),
        "{small_time:?} -> {big_time:?}"
    );
}

/// A capitalized made-up name for `n` ("Bado Kefi").
fn made_up_name(n: usize) -> String {
    const SYL: [&str; 10] = ["ba", "do", "ke", "fi", "lu", "mo", "ra", "se", "ti", "vo"];
    let word = |mut k: usize| {
        let mut w = String::new();
        for _ in 0..3 {
            w.push_str(SYL[k % 10]);
            k /= 10;
        }
        let mut c = w.chars();
        c.next()
            .unwrap()
            .to_uppercase()
            .chain(c)
            .collect::<String>()
    };
    format!("{} {}", word(n), word(n / 7 + 13))
}

#[test]
fn many_unknown_speakers_stay_linear() {
    let doc = |n: usize| {
        (0..n)
            .map(|i| {
                format!(
                    "Analyst {} spoke on Monday. “Prices will rise,” said {}. “We are sure,” he added.\n",
                    made_up_name(i),
                    made_up_name(i + 1)
                )
            })
            .collect::<String>()
    };
    let (small, big) = (doc(100), doc(1_000));
    let t = std::time::Instant::now();
    assert_eq!(quotes(&small).len(), 200);
    let small_time = t.elapsed();
    let t = std::time::Instant::now();
    assert_eq!(quotes(&big).len(), 2_000);
    let big_time = t.elapsed();
    assert!(
        big_time < small_time * 40 + std::time::Duration::from_millis(300),
        "{small_time:?} -> {big_time:?}"
    );
}

#[test]
fn public_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Quote>();
    assert_send_sync::<Speaker>();
}

mod properties {
    use super::quotes;
    use proptest::prelude::*;

    /// Pieces that exercise every path: marks, apostrophes, names, cues,
    /// pronouns, descriptors, line breaks, multi-byte letters.
    const PIECES: &[&str] = &[
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "«",
        "»",
        "„",
        "``",
        "''",
        " ",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "—",
        "Putin",
        "Peskov",
        "Maria Lopez",
        "Lopez",
        "said",
        "told",
        "added",
        "according to",
        "he",
        "she",
        "it",
        "they",
        "the Russian president",
        "the ministry",
        "the",
        "a",
        "who",
        ", who",
        "We won",
        "so-called",
        "é",
        "Ш",
        "\0",
        "Mr.",
        "Inc.",
        "’90s",
        "don't",
        "Russia’s",
        "saying",
        "quoted",
        "as saying",
        "in a statement",
        "Health Ministry",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_text_is_safe(idx in prop::collection::vec(0..PIECES.len(), 0..60)) {
            let text: String = idx.iter().map(|&i| PIECES[i]).collect();
            for q in quotes(&text) {
                prop_assert!(q.span.start <= q.span.end && q.span.end <= text.len());
                prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
                for s in [q.speaker_mention, q.cue].into_iter().flatten() {
                    prop_assert!(s.start <= s.end && s.end <= text.len());
                    prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                }
            }
        }
    }
}
