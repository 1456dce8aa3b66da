//! Folding for matching: one canonical form of text in which gazetteer
//! aliases and document text are compared.
//!
//! Folding lower-cases, strips accents (Erdoğan = Erdogan), straightens
//! apostrophes and quotes, turns every kind of space into a plain space and
//! every kind of hyphen or dash into `-`, and deletes invisible characters
//! (zero-width spaces and joiners, soft hyphens, byte-order marks). The
//! folded text keeps an [`OffsetMap`] back to the text it was folded from,
//! so a match in folded text is reported on the original characters.

use crate::span::{OffsetMap, OffsetMapBuilder};
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Text folded for matching, with a map back to the text it came from.
#[derive(Clone, Debug, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// Offsets of `text` back to the unfolded text.
    pub map: OffsetMap,
}

/// Folds `text` for matching. ASCII text costs one pass and no edits.
///
/// ```
/// use newsgraph::normalize::fold;
/// let f = fold("Recep Tayyip Erdo\u{11f}an\u{2019}s");
/// assert_eq!(f.text, "recep tayyip erdogan's");
/// ```
pub fn fold(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMapBuilder::new();
    fold_into(text, &mut out, &mut map);
    Folded {
        text: out,
        map: map.finish(),
    }
}

/// Folds a pattern (an alias) exactly as [`fold`] folds text.
pub fn fold_str(text: &str) -> String {
    fold(text).text
}

/// Folds `text` into `out`, recording edits in `map`. Callers that fold many
/// texts reuse `out`.
pub fn fold_into(text: &str, out: &mut String, map: &mut OffsetMapBuilder) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII run: lower-case in place, offsets unchanged.
        let run_start = i;
        while i < bytes.len() && bytes[i] < 0x80 {
            i += 1;
        }
        if i > run_start {
            let at = out.len();
            out.push_str(&text[run_start..i]);
            out[at..].make_ascii_lowercase();
            map.copy(i - run_start);
        }
        if i >= bytes.len() {
            break;
        }
        let c = text[i..].chars().next().expect("non-empty tail");
        let src_len = c.len_utf8();
        let before = out.len();
        fold_char(c, out);
        let written = out.len() - before;
        if written == src_len && out[before..].starts_with(c) {
            map.copy(src_len);
        } else {
            map.replace(written, src_len);
        }
        i += src_len;
    }
}

/// Writes the folded form of one non-ASCII character.
fn fold_char(c: char, out: &mut String) {
    match c {
        // Apostrophes and single quotes.
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}'
        | '\u{02B9}' | '\u{00B4}' => out.push('\''),
        // Double quotes and guillemets.
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => out.push('"'),
        // Hyphens and dashes.
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => out.push('-'),
        // Spaces.
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{0085}' => out.push(' '),
        // Invisible: zero-width space/joiners, word joiner, BOM, soft hyphen.
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
        // Letters NFKD does not decompose.
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        'ı' => out.push('i'),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'ß' | 'ẞ' => out.push_str("ss"),
        'þ' | 'Þ' => out.push_str("th"),
        _ => {
            let mut pushed = false;
            decompose_compatible(c, |d| {
                if !is_combining_mark(d) {
                    pushed = true;
                    for l in d.to_lowercase() {
                        if !is_combining_mark(l) {
                            out.push(l);
                        }
                    }
                }
            });
            if !pushed && !is_combining_mark(c) {
                out.extend(c.to_lowercase());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn folding_table() {
        let cases = [
            ("Putin", "putin"),
            ("Erdoğan", "erdogan"),
            ("Zelenskyy\u{2019}s", "zelenskyy's"),
            ("Türkiye", "turkiye"),
            ("Łódź", "lodz"),
            ("São Paulo", "sao paulo"),
            ("U.S.\u{2013}led", "u.s.-led"),
            ("a\u{00A0}b", "a b"),
            ("Mer\u{00AD}kel", "merkel"),
            ("Ze\u{200B}lensky", "zelensky"),
            ("ÉLYSÉE", "elysee"),
            ("İstanbul", "istanbul"),
            ("Straße", "strasse"),
            ("\u{FB01}nance", "finance"),
            // Decomposed (NFD) and compatibility forms fold like composed ones.
            ("Erdog\u{306}an", "erdogan"),
            ("Ko\u{308}ln", "koln"),
            ("\u{FF2E}\u{FF21}\u{FF34}\u{FF2F}", "nato"),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input).text, want, "folding {input:?}");
        }
    }

    #[test]
    fn spans_map_back_to_original_characters() {
        let text = "Mr Erdoğan’s party";
        let f = fold(text);
        let start = f.text.find("erdogan").unwrap();
        let span = f
            .map
            .span_to_source(Span::new(start, start + "erdogan".len()));
        assert_eq!(&text[span.range()], "Erdoğan");
        let tail = f.text.find("party").unwrap();
        let span = f.map.span_to_source(Span::new(tail, tail + 5));
        assert_eq!(&text[span.range()], "party");
    }

    #[test]
    fn deleted_characters_inside_a_match_are_covered() {
        let text = "Mer\u{00AD}kel said";
        let f = fold(text);
        let span = f.map.span_to_source(Span::new(0, 6));
        assert_eq!(&text[span.range()], "Mer\u{00AD}kel");
    }
}
