//! Repair: mojibake and lost punctuation, with offsets back to the original.
//!
//! All text here is written for these tests.

use newsgraph::normalize::{repair, Repairs};
use newsgraph::Span;
use proptest::prelude::*;
use std::borrow::Cow;

/// UTF-8 text read as Windows-1252 and stored again as UTF-8, as a broken
/// pipeline does it. Bytes Windows-1252 leaves undefined become C1 controls
/// (the WHATWG decoder), which is what such pipelines store.
fn double_decode(clean: &str) -> String {
    let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(clean.as_bytes());
    s.into_owned()
}

fn counts(mojibake: u64, lossy_punctuation: u64) -> Repairs {
    Repairs {
        mojibake,
        lossy_punctuation,
    }
}

/// A case: input, expected repaired text, expected counts, and a word of
/// the repaired text with how it reads in the original.
struct Case {
    name: &'static str,
    input: String,
    want: String,
    repairs: Repairs,
    word: (&'static str, String),
}

fn case(
    name: &'static str,
    input: impl Into<String>,
    want: impl Into<String>,
    repairs: Repairs,
    word: (&'static str, &str),
) -> Case {
    Case {
        name,
        input: input.into(),
        want: want.into(),
        repairs,
        word: (word.0, word.1.to_string()),
    }
}

const LOSSY_PARAGRAPH: &str = "WASHINGTON \u{0E42} The mayor\u{0E42}s office said on Tuesday it \
would not comment. \u{0E42}We don\u{0E42}t discuss ongoing talks,\u{0E42} spokeswoman Ana Ruiz \
told reporters. Critics called the plan \u{0E42}a mess\u{0E42} and said the city\u{0E42}s budget, \
drafted in the \u{0E42}90s, was out of date. The workers\u{0E42} union agreed. \u{0E42}We love \
the Beatles\u{0E42} songs,\u{0E42} she added.";

const LOSSY_PARAGRAPH_FIXED: &str =
    "WASHINGTON \u{2014} The mayor\u{2019}s office said on Tuesday \
it would not comment. \u{201C}We don\u{2019}t discuss ongoing talks,\u{201D} spokeswoman Ana Ruiz \
told reporters. Critics called the plan \u{201C}a mess\u{201D} and said the city\u{2019}s budget, \
drafted in the \u{2019}90s, was out of date. The workers\u{2019} union agreed. \u{201C}We love \
the Beatles\u{2019} songs,\u{201D} she added.";

const MOJIBAKE_PARAGRAPH: &str = "\u{c3}\u{2030}milie Dubois, the caf\u{c3}\u{a9}\u{e2}\u{20ac}\
\u{2122}s owner, said: \u{e2}\u{20ac}\u{153}We\u{e2}\u{20ac}\u{2122}re staying in M\u{c3}\u{bc}nchen.\
\u{e2}\u{20ac} She added \u{e2}\u{20ac}\u{201d} quietly \u{e2}\u{20ac}\u{201d} that prices rose \
5\u{e2}\u{201a}\u{ac}.";

const MOJIBAKE_PARAGRAPH_FIXED: &str = "\u{c9}milie Dubois, the caf\u{e9}\u{2019}s owner, said: \
\u{201C}We\u{2019}re staying in M\u{fc}nchen.\u{201D} She added \u{2014} quietly \u{2014} that \
prices rose 5\u{20ac}.";

const DOUBLE_ENCODED_CLEAN: &str =
    "Zo\u{eb} Brandt\u{2019}s \u{201C}Caf\u{e9} M\u{fc}ller\u{201D} \
opened in S\u{e3}o Paulo \u{2014} finally, for 12\u{20ac}.";

#[rustfmt::skip]
fn cases() -> Vec<Case> {
    let double = double_decode(&double_decode(DOUBLE_ENCODED_CLEAN));
    let double_non_ascii = DOUBLE_ENCODED_CLEAN
        .chars()
        .filter(|c| !c.is_ascii())
        .count() as u64;
    vec![
        case("clean ascii", "Putin met Xi.", "Putin met Xi.", counts(0, 0), ("met", "met")),
        case("e acute", "caf\u{c3}\u{a9} au lait", "caf\u{e9} au lait", counts(1, 0), ("caf\u{e9}", "caf\u{c3}\u{a9}")),
        case("u umlaut", "M\u{c3}\u{bc}ller", "M\u{fc}ller", counts(1, 0), ("M\u{fc}ller", "M\u{c3}\u{bc}ller")),
        case("n tilde", "Pe\u{c3}\u{b1}a Nieto", "Pe\u{f1}a Nieto", counts(1, 0), ("Nieto", "Nieto")),
        case("apostrophe", "Russia\u{e2}\u{20ac}\u{2122}s army", "Russia\u{2019}s army", counts(1, 0), ("army", "army")),
        case("quotes", "\u{e2}\u{20ac}\u{153}Yes\u{e2}\u{20ac}\u{9d}", "\u{201C}Yes\u{201D}", counts(2, 0), ("Yes", "Yes")),
        case("em dash", "Kyiv \u{e2}\u{20ac}\u{201d} Moscow", "Kyiv \u{2014} Moscow", counts(1, 0), ("Moscow", "Moscow")),
        case("lost quote byte then space", "\u{e2}\u{20ac}\u{153}No.\u{e2}\u{20ac} he said", "\u{201C}No.\u{201D} he said", counts(2, 0), ("he", "he")),
        case("lost quote byte at end", "said \u{e2}\u{20ac}\u{153}no\u{e2}\u{20ac}", "said \u{201C}no\u{201D}", counts(2, 0), ("no", "no")),
        case("replacement char for the lost byte", "\u{e2}\u{20ac}\u{fffd} after", "\u{201D} after", counts(1, 0), ("after", "after")),
        case("lost byte became nbsp", "x\u{e2}\u{20ac}\u{a0}y", "x\u{201D}y", counts(1, 0), ("y", "y")),
        case("lost byte became nbsp after a word", "\u{e2}\u{20ac}\u{153}Ol\u{c3}\u{a9}\u{e2}\u{20ac}\u{a0} he said", "\u{201C}Ol\u{e9}\u{201D} he said", counts(3, 0), ("Ol\u{e9}", "Ol\u{c3}\u{a9}")),
        case("lost byte became a space before punctuation", "\u{e2}\u{20ac}\u{153}No\u{e2}\u{20ac} , he said", "\u{201C}No\u{201D}, he said", counts(2, 0), ("he", "he")),
        case("lost byte became a space before a space", "No.\u{e2}\u{20ac}  Then", "No.\u{201D} Then", counts(1, 0), ("Then", "Then")),
        case("lost byte at the very end before a space", "no\u{e2}\u{20ac} ", "no\u{201D}", counts(1, 0), ("no", "no")),
        case("polish inside a word", "Kra\u{c5}\u{203a}nik and Gda\u{c5}\u{201e}sk", "Kra\u{15b}nik and Gda\u{144}sk", counts(2, 0), ("Gda\u{144}sk", "Gda\u{c5}\u{201e}sk")),
        case("capital before an ellipsis", "CAF\u{c9}\u{2026} OL\u{c9}\u{bb}", "CAF\u{c9}\u{2026} OL\u{c9}\u{bb}", counts(0, 0), ("CAF\u{c9}", "CAF\u{c9}")),
        case("double-encoded apostrophe", "Kyiv\u{c3}\u{a2}\u{e2}\u{201a}\u{ac}\u{e2}\u{201e}\u{a2}s mayor", "Kyiv\u{2019}s mayor", counts(1, 0), ("mayor", "mayor")),
        case("turkish", "Erdo\u{c4}\u{178}an", "Erdo\u{11f}an", counts(1, 0), ("Erdo\u{11f}an", "Erdo\u{c4}\u{178}an")),
        case("cyrillic chain", "\u{d0}\u{a0}\u{d0}\u{be}\u{d1}\u{81}\u{d1}\u{81}\u{d0}\u{b8}\u{d1}\u{8f} said", "\u{420}\u{43e}\u{441}\u{441}\u{438}\u{44f} said", counts(6, 0), ("said", "said")),
        case("bom mojibake", "\u{ef}\u{bb}\u{bf}Title", "\u{feff}Title", counts(1, 0), ("Title", "Title")),
        case("a grave lost nbsp", "voil\u{c3}  tout, caf\u{c3}\u{a9}", "voil\u{e0} tout, caf\u{e9}", counts(2, 0), ("tout", "tout")),
        case("a grave as a word", "caf\u{c3}\u{a9} \u{c3} Paris", "caf\u{e9} \u{e0} Paris", counts(2, 0), ("Paris", "Paris")),
        case("mojibake paragraph", MOJIBAKE_PARAGRAPH, MOJIBAKE_PARAGRAPH_FIXED, counts(10, 0), ("M\u{fc}nchen", "M\u{c3}\u{bc}nchen")),
        case("double-encoded paragraph", double.clone(), DOUBLE_ENCODED_CLEAN, counts(double_non_ascii, 0), ("Paulo", "Paulo")),
        case("lossy paragraph", LOSSY_PARAGRAPH, LOSSY_PARAGRAPH_FIXED, counts(0, 13), ("mayor\u{2019}s", "mayor\u{0E42}s")),
        case("lossy dash and quote", "KYIV \u{0E42} \u{0E42}Enough,\u{0E42} he said.", "KYIV \u{2014} \u{201C}Enough,\u{201D} he said.", counts(0, 3), ("Enough", "Enough")),
        case("lossy range", "in 2019\u{0E42}2020", "in 2019\u{2013}2020", counts(0, 1), ("2020", "2020")),
        case("lossy quote closed by new paragraph", "\u{0E42}It is over\n\nThe rebels\u{0E42} base fell.", "\u{201C}It is over\n\nThe rebels\u{2019} base fell.", counts(0, 2), ("base", "base")),
        // Clean text that looks like mojibake to a careless fixer.
        case("guillemets", "\u{ab}\u{c9}lys\u{e9}e\u{bb} \u{e0} Paris", "\u{ab}\u{c9}lys\u{e9}e\u{bb} \u{e0} Paris", counts(0, 0), ("Paris", "Paris")),
        case("portuguese caps", "S\u{c3}O PAULO, IRM\u{c3} MAIS", "S\u{c3}O PAULO, IRM\u{c3} MAIS", counts(0, 0), ("PAULO", "PAULO")),
        case("upper-case letter before a curly quote", "\u{201C}MA\u{c7}\u{c3}\u{201D}", "\u{201C}MA\u{c7}\u{c3}\u{201D}", counts(0, 0), ("MA\u{c7}\u{c3}", "MA\u{c7}\u{c3}")),
        case("german", "Gr\u{f6}\u{df}e \u{fc}ber \u{c4}rger", "Gr\u{f6}\u{df}e \u{fc}ber \u{c4}rger", counts(0, 0), ("\u{fc}ber", "\u{fc}ber")),
        case("spanish", "\u{bf}Qu\u{e9}? \u{a1}Se\u{f1}or!", "\u{bf}Qu\u{e9}? \u{a1}Se\u{f1}or!", counts(0, 0), ("Se\u{f1}or", "Se\u{f1}or")),
        case("accent before curly quotes", "\u{201C}Ol\u{e9}\u{2019}\u{201D} x", "\u{201C}Ol\u{e9}\u{2019}\u{201D} x", counts(0, 0), ("x", "x")),
        case("thai", "\u{0E42}\u{0E23}\u{0E07}\u{0E40}\u{0E23}\u{0E35}\u{0E22}\u{0E19} school", "\u{0E42}\u{0E23}\u{0E07}\u{0E40}\u{0E23}\u{0E35}\u{0E22}\u{0E19} school", counts(0, 0), ("school", "school")),
        case("thai word in english", "Bangkok \u{0E42}\u{0E23}\u{0E07} it\u{0E42}s", "Bangkok \u{0E42}\u{0E23}\u{0E07} it\u{0E42}s", counts(0, 0), ("Bangkok", "Bangkok")),
        case("real curly quotes", "\u{201C}We\u{2019}re here\u{201D} \u{2014} she", "\u{201C}We\u{2019}re here\u{201D} \u{2014} she", counts(0, 0), ("here", "here")),
    ]
}

#[test]
fn repair_table() {
    for c in cases() {
        let r = repair(&c.input);
        assert_eq!(r.text, c.want, "{}: text", c.name);
        assert_eq!(r.repairs, c.repairs, "{}: counts", c.name);
        if c.repairs.is_empty() {
            assert!(matches!(r.text, Cow::Borrowed(_)), "{}: copied", c.name);
            assert!(r.map.is_identity(), "{}: map", c.name);
        }
        let (word, in_original) = &c.word;
        let at = r
            .text
            .find(word)
            .unwrap_or_else(|| panic!("{}: {word:?} missing", c.name));
        let span = r.map.span_to_source(Span::new(at, at + word.len()));
        assert_eq!(
            &c.input[span.range()],
            in_original,
            "{}: offsets of {word:?}",
            c.name
        );
    }
}

#[test]
fn every_word_of_the_paragraphs_maps_back() {
    let double = double_decode(&double_decode(DOUBLE_ENCODED_CLEAN));
    for original in [MOJIBAKE_PARAGRAPH, LOSSY_PARAGRAPH, double.as_str()] {
        let r = repair(original);
        for (at, word) in ascii_words(&r.text) {
            let span = r.map.span_to_source(Span::new(at, at + word.len()));
            assert_eq!(&original[span.range()], word, "in {original:?}");
        }
    }
}

fn ascii_words(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, b) in text.bytes().enumerate().chain([(text.len(), b' ')]) {
        match (b.is_ascii_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    words
}

#[test]
fn repaired_text_repairs_to_itself() {
    for c in cases() {
        let once = repair(&c.input).text.into_owned();
        let twice = repair(&once);
        assert_eq!(twice.text, once, "{}", c.name);
    }
}

#[test]
fn huge_runs_do_not_blow_up() {
    let pieces = [
        "\u{a9}",
        "\u{e2}\u{20ac}",
        "\u{c3}\u{a9}",
        "\u{0E42}",
        "\u{c3}\u{a2}\u{e2}\u{201a}\u{ac}",
    ];
    for piece in pieces {
        let text = piece.repeat(2_000_000 / piece.len());
        let r = repair(&text);
        assert!(r.text.len() <= text.len() * 2);
        let end = r.map.span_to_source(Span::new(0, r.text.len()));
        assert_eq!(end, Span::new(0, text.len()));
    }
}

/// Checks the invariants that hold for any input.
fn check_invariants(original: &str) {
    let r = repair(original);
    let text: &str = &r.text;
    let full = r.map.span_to_source(Span::new(0, text.len()));
    assert_eq!(full, Span::new(0, original.len()));
    if r.repairs.is_empty() {
        assert!(matches!(r.text, Cow::Borrowed(_)));
        assert_eq!(text, original);
        assert!(r.map.is_identity());
    }
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let step = (bounds.len() / 64).max(1);
    for (n, &a) in bounds.iter().enumerate().step_by(step) {
        for &b in bounds[n..].iter().step_by(step).take(64) {
            let s = r.map.span_to_source(Span::new(a, b));
            assert!(
                s.start <= s.end && s.end <= original.len(),
                "{a}..{b} -> {s:?}"
            );
            assert!(original.is_char_boundary(s.start), "{a}..{b} -> {s:?}");
            assert!(original.is_char_boundary(s.end), "{a}..{b} -> {s:?}");
        }
    }
}

/// Pieces that repair reacts to, mixed at random.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "\u{c3}", "\u{a9}", "\u{c2}", "\u{a0}", "\u{e2}", "\u{20ac}", "\u{2122}", "\u{153}",
    "\u{9d}", "\u{201c}", "\u{201d}", "\u{2019}", "\u{2014}", "\u{fffd}", "\u{0E42}",
    "\u{0E23}", "\u{f0}", "\u{178}", "\u{2dc}", "\u{ef}", "\u{bb}", "\u{bf}", "\u{e9}",
    "\u{df}", "\u{c4}", "\u{d0}", "\0", " ", "  ", "\n", "s", "a", "Word", "9", ",", ".", "(",
    "\"", "'", "\u{65e5}", "\u{1F600}",
];

/// Clean text: words a real article has, joined by spaces.
#[rustfmt::skip]
const CLEAN_WORDS: &[&str] = &[
    "caf\u{e9}", "M\u{fc}ller", "S\u{e3}o", "S\u{c3}O", "Gr\u{f6}\u{df}e",
    "\u{201C}Yes,\u{201D}", "don\u{2019}t", "\u{2014}", "\u{2026}",
    "\u{ab}\u{c9}lys\u{e9}e\u{bb}", "\u{65e5}\u{672c}", "\u{1F600}", "se\u{f1}or",
    "\u{bf}Qu\u{e9}?", "\u{c0}", "\u{0E42}\u{0E23}\u{0E07}", "Putin",
    "CAF\u{c9}\u{2026}", "\u{201C}MA\u{c7}\u{c3}\u{201D}", "OL\u{c9}\u{bb}",
    "the", "U.S.", "2024",
    "(AP)", "Erdo\u{11f}an", "\u{420}\u{43e}\u{441}\u{441}\u{438}\u{44f}",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_break_repair(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        check_invariants(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn random_strings_never_break_repair(s in ".{0,300}") {
        check_invariants(&s);
    }

    #[test]
    fn mojibake_pieces_never_break_repair(
        pieces in prop::collection::vec(prop::sample::select(PIECES), 0..400),
    ) {
        check_invariants(&pieces.concat());
    }

    #[test]
    fn mojibake_of_text_repairs_to_the_text(
        // Text as written: an accented letter or a mark next to ASCII, words
        // of a non-Latin script as chains of letters (one lone Cyrillic
        // letter is left alone on purpose, see `plausible`). Clean text such
        // as `á’€` is itself mojibake of `ᒀ` and would be "repaired".
        s in "([a-zA-Z ]|[\u{e0}-\u{ff}\u{2019}\u{201c}\u{201d}\u{2014}\u{20ac}][a-z ]|[\u{420}-\u{44f}]{2,5} ){0,40}",
    ) {
        let once = double_decode(&s);
        let twice = double_decode(&once);
        check_invariants(&once);
        check_invariants(&twice);
        prop_assert_eq!(repair(&once).text, s.as_str());
        prop_assert_eq!(repair(&twice).text, s.as_str());
    }

    #[test]
    fn clean_text_is_left_alone(
        words in prop::collection::vec(prop::sample::select(CLEAN_WORDS), 0..60),
        newline in any::<bool>(),
    ) {
        let text = words.join(if newline { "\n" } else { " " });
        let r = repair(&text);
        prop_assert!(matches!(r.text, Cow::Borrowed(_)), "changed {:?} to {:?}", text, r.text);
        prop_assert!(r.repairs.is_empty());
    }
}

#[test]
fn huge_input_with_mixed_pieces() {
    let mut text = String::new();
    while text.len() < 3_000_000 {
        text.push_str(MOJIBAKE_PARAGRAPH);
        text.push_str(LOSSY_PARAGRAPH);
        text.push('\0');
    }
    check_invariants(&text);
}
