//! Segmentation into paragraphs and sentences.
//!
//! A paragraph ends at a line break (a blank line or a single newline
//! between paragraphs). A sentence ends at `.`, `!` or `?` (with any
//! closing quotes or brackets after it) followed by white space and a
//! capital letter, digit, or opening quote or bracket; not after
//! abbreviations (`Mr.`, `Dr.`, `Jan.`, `Gen.`), initials (`J. K. Rowling`),
//! inside decimals (`3.5`), or at an ellipsis. `U.S.`-style dotted
//! abbreviations end a sentence only when the next word is a typical
//! sentence opener ("The", "He", ...).

use crate::span::Span;

/// One sentence: its span and the paragraph it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span, trimmed of surrounding white space.
    pub span: Span,
    /// Index of its paragraph in [`Segments::paragraphs`].
    pub paragraph: u32,
}

/// Paragraphs and sentences of one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segments {
    /// Paragraph spans, trimmed, in order, never empty.
    pub paragraphs: Vec<Span>,
    /// Sentence spans, in order, each inside one paragraph.
    pub sentences: Vec<Sentence>,
}

impl Segments {
    /// Index of the sentence containing byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }

    /// Index of the paragraph containing byte `pos`, if any.
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.end <= pos);
        (i < self.paragraphs.len() && self.paragraphs[i].start <= pos).then_some(i)
    }
}

/// Splits `text` into paragraphs and sentences.
///
/// ```
/// use newsgraph::segment::segment;
/// let text = "Mr. Smith met Dr. Jones in the U.S. capital. They spoke.\nA new paragraph.";
/// let segs = segment(text);
/// let sentences: Vec<&str> = segs.sentences.iter().map(|s| &text[s.span.range()]).collect();
/// assert_eq!(sentences, ["Mr. Smith met Dr. Jones in the U.S. capital.", "They spoke.", "A new paragraph."]);
/// assert_eq!(segs.paragraphs.len(), 2);
/// ```
pub fn segment(text: &str) -> Segments {
    let mut segs = Segments::default();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let span = Span::new(pos, pos + line.len());
        pos += line.len();
        if let Some(para) = trim_span(text, span) {
            let pidx = segs.paragraphs.len() as u32;
            segs.paragraphs.push(para);
            split_sentences(text, para, pidx, &mut segs.sentences);
        }
    }
    segs
}

fn trim_span(text: &str, span: Span) -> Option<Span> {
    let s = &text[span.range()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    (!trimmed.is_empty()).then(|| Span::new(span.start + lead, span.start + lead + trimmed.len()))
}

/// Abbreviations after which a period does not end a sentence (lower case,
/// without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "cmdr",
    "adm", "sgt", "maj", "st", "mt", "ft", "jr", "sr", "rev", "hon", "pres", "supt", "det", "insp",
    "cpl", "pvt", "vs", "v", "etc", "approx", "dept", "est", "inc", "ltd", "co", "corp", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ave", "blvd", "rd", "fig", "al",
    "e.g", "i.e", "cf", "op", "ed", "eds", "vol", "pp", "para", "art", "ch", "sec", "mln", "bln",
    "tr", "ca",
];

/// Words that typically open a sentence, used after `U.S.`-style
/// abbreviations that might also end one.
const OPENERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "In",
    "On",
    "At",
    "A",
    "An",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "There",
    "However",
    "Yet",
    "So",
    "Still",
    "Meanwhile",
    "After",
    "Before",
    "When",
    "While",
    "As",
    "If",
    "Some",
    "Many",
    "Officials",
    "Asked",
];

fn split_sentences(text: &str, para: Span, pidx: u32, out: &mut Vec<Sentence>) {
    let bytes = text.as_bytes();
    let mut start = para.start;
    let mut i = para.start;
    while i < para.end {
        let b = bytes[i];
        if b != b'.' && b != b'!' && b != b'?' {
            i += 1;
            continue;
        }
        // Run of terminal punctuation, then closing quotes/brackets.
        let mut j = i;
        while j < para.end && matches!(bytes[j], b'.' | b'!' | b'?') {
            j += 1;
        }
        let run = &text[i..j];
        let mut k = j;
        loop {
            let rest = &text[k..para.end];
            match rest.chars().next() {
                Some(c @ ('"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{BB}')) => {
                    k += c.len_utf8()
                }
                _ => break,
            }
        }
        let rest = &text[k..para.end];
        let ws = rest.len() - rest.trim_start().len();
        let next_word = rest.trim_start();
        let ends = ws > 0
            && !next_word.is_empty()
            && starts_sentence(next_word)
            && !(b == b'.' && run == "." && !period_ends(text, para.start, i, next_word))
            && !(run.len() >= 3 && run.bytes().all(|c| c == b'.') && !starts_upper(next_word));
        if ends {
            if let Some(span) = trim_span(text, Span::new(start, k)) {
                out.push(Sentence {
                    span,
                    paragraph: pidx,
                });
            }
            start = k;
        }
        i = k.max(j);
    }
    if let Some(span) = trim_span(text, Span::new(start, para.end)) {
        out.push(Sentence {
            span,
            paragraph: pidx,
        });
    }
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Can a sentence start with this text?
fn starts_sentence(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(
                c,
                '"' | '\'' | '(' | '[' | '\u{201C}' | '\u{2018}' | '\u{AB}' | '\u{2014}' | '-'
            )
    })
}

/// Does a single period at `dot` end the sentence, given the next word?
fn period_ends(text: &str, para_start: usize, dot: usize, next: &str) -> bool {
    let before = &text[para_start..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '\u{201C}'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    if matches!(lower.as_str(), "no" | "nos") {
        // "No. 10" is a number; "No." before a word is the word "no".
        return !next.starts_with(|c: char| c.is_ascii_digit());
    }
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // An initial: "J." in "J. K. Rowling".
    if letters == 1 && word.chars().count() == 1 && starts_upper(word) {
        return false;
    }
    // Dotted abbreviation: "U.S", "U.N", "a.m" (the final period is ours).
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        let next_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        return OPENERS.contains(&next_word.as_str());
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text)
            .sentences
            .iter()
            .map(|s| &text[s.span.range()])
            .collect()
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The talks ended. Both sides left.",
                &["The talks ended.", "Both sides left."],
            ),
            (
                "Mr. Lavrov and Dr. Tedros spoke.",
                &["Mr. Lavrov and Dr. Tedros spoke."],
            ),
            (
                "The U.S. envoy arrived. He met officials.",
                &["The U.S. envoy arrived.", "He met officials."],
            ),
            (
                "Troops left the U.S. The base closed.",
                &["Troops left the U.S.", "The base closed."],
            ),
            (
                "Talks began on Jan. 5 in Geneva.",
                &["Talks began on Jan. 5 in Geneva."],
            ),
            (
                "J. K. Rowling wrote it. Fans cheered.",
                &["J. K. Rowling wrote it.", "Fans cheered."],
            ),
            (
                "Growth was 3.5 percent. Prices rose.",
                &["Growth was 3.5 percent.", "Prices rose."],
            ),
            (
                "He paused... then went on. Later he left.",
                &["He paused... then went on.", "Later he left."],
            ),
            (
                "\u{201C}We will win.\u{201D} He smiled.",
                &["\u{201C}We will win.\u{201D}", "He smiled."],
            ),
            (
                "Is it over? Nobody knows!",
                &["Is it over?", "Nobody knows!"],
            ),
            (
                "He said \"No.\" Then he left.",
                &["He said \"No.\"", "Then he left."],
            ),
            (
                "The vote is at 10 a.m. on Friday.",
                &["The vote is at 10 a.m. on Friday."],
            ),
            (
                "Gen. Valery Gerasimov spoke.",
                &["Gen. Valery Gerasimov spoke."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(sentences(text), *want, "segmenting {text:?}");
        }
    }

    #[test]
    fn paragraphs_end_at_line_breaks() {
        let text = "First paragraph here.\n\nSecond one.\nThird one.\r\n  \n";
        let segs = segment(text);
        let paras: Vec<&str> = segs.paragraphs.iter().map(|p| &text[p.range()]).collect();
        assert_eq!(
            paras,
            ["First paragraph here.", "Second one.", "Third one."]
        );
        assert_eq!(segs.sentences[2].paragraph, 2);
        assert_eq!(segs.sentence_at(text.find("one.").unwrap()), Some(1));
        assert_eq!(segs.paragraph_at(text.find("Third").unwrap()), Some(2));
        assert_eq!(segs.paragraph_at(1000), None);
    }
}
