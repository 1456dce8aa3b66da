//! Lossy mojibake: text in which every `’ “ ” — –` became the Thai letter
//! `โ` (U+0E42). Their UTF-8 forms all start with byte 0xE2, which is `โ`
//! in the Thai code page; the two bytes after it were dropped. Which mark
//! it was is decided from the characters around it.

/// The character lossy decoding left behind.
pub(super) const LOST: char = '\u{0E42}';

/// What a `โ` stood for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mark {
    /// `’`, inside a word or for elided digits (`’90s`).
    Apostrophe,
    /// `“`.
    OpenQuote,
    /// `”`.
    CloseQuote,
    /// `—`, spaced on both sides.
    Dash,
    /// `–`, between digits (`2019โ2020`).
    RangeDash,
}

impl Mark {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Mark::Apostrophe => "\u{2019}",
            Mark::OpenQuote => "\u{201C}",
            Mark::CloseQuote => "\u{201D}",
            Mark::Dash => "\u{2014}",
            Mark::RangeDash => "\u{2013}",
        }
    }
}

/// True when `text` looks like Latin-script (English) text in which `โ`
/// stands for lost punctuation: no other Thai character anywhere (Thai
/// never writes `โ` without a consonant after it), and at least nine in ten
/// letters ASCII.
pub(super) fn applies(text: &str) -> bool {
    let mut ascii_letters = 0usize;
    let mut other_letters = 0usize;
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            ascii_letters += 1;
        } else if c == LOST {
            continue;
        } else if ('\u{0E00}'..='\u{0E7F}').contains(&c) {
            return false;
        } else if c.is_alphabetic() {
            other_letters += 1;
        }
    }
    ascii_letters > 0 && other_letters * 10 <= ascii_letters
}

/// Decides what the `โ` between `before` and `after` stood for.
/// `quote_open` tells whether a double quote opened earlier in the same
/// paragraph is still open; it settles `sโ ` (closing quote or plural
/// possessive) and marks glued to punctuation on both sides.
pub(super) fn decide(before: &str, after: &str, quote_open: bool) -> Mark {
    let prev = before.chars().next_back();
    let next = after.chars().next();
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let is_gap = |c: Option<char>| c.is_none_or(|c| c.is_whitespace());
    let opens = |c: Option<char>| {
        is_gap(c)
            || matches!(
                c,
                Some('(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/')
            )
    };
    let (prev_word, next_word) = (is_word(prev), is_word(next));

    if prev_word && next_word {
        let digits =
            prev.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit());
        return if digits {
            Mark::RangeDash
        } else {
            Mark::Apostrophe
        };
    }
    if is_gap(prev) && is_gap(next) {
        return Mark::Dash;
    }
    if opens(prev) && next_word {
        return if is_elided_decade(after) {
            Mark::Apostrophe
        } else {
            Mark::OpenQuote
        };
    }
    if prev_word {
        // Before a gap or punctuation: the end of a quotation, unless the
        // word is a plural possessive (`the rebelsโ base`): no quotation is
        // open, or a later mark closes it (`โWe love the Beatlesโ songs,โ`).
        let possessive = prev == Some('s') && (!quote_open || closed_later(after));
        return if possessive {
            Mark::Apostrophe
        } else {
            Mark::CloseQuote
        };
    }
    if next_word {
        // Punctuation before, word after (`said:โWe`, `end.โThe`).
        return if quote_open {
            Mark::CloseQuote
        } else {
            Mark::OpenQuote
        };
    }
    // Punctuation or a gap on both sides (`,โ said`, ` โ.`).
    if is_gap(prev) && !quote_open {
        Mark::OpenQuote
    } else {
        Mark::CloseQuote
    }
}

/// How far [`closed_later`] looks for the end of a quotation.
const LOOKAHEAD: usize = 2000;

/// True when the next `โ` in the same paragraph (within [`LOOKAHEAD`]
/// bytes) that is not an apostrophe between letters would close a
/// quotation: it follows a word or punctuation rather than a gap.
fn closed_later(after: &str) -> bool {
    let mut prev = None;
    let mut chars = after.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' || i > LOOKAHEAD {
            return false;
        }
        if c == LOST {
            let next = chars.peek().map(|&(_, n)| n);
            let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            if !(alnum(prev) && alnum(next)) {
                let after_gap = prev.is_none_or(|p: char| p.is_whitespace() || "([{".contains(p));
                return !after_gap;
            }
        }
        prev = Some(c);
    }
    false
}

/// `90s`, `90`, `08,`: two digits, an optional `s`, then no more letters or
/// digits; the apostrophe stands for the century.
fn is_elided_decade(after: &str) -> bool {
    let b = after.as_bytes();
    let two_digits = b.len() >= 2 && b[0].is_ascii_digit() && b[1].is_ascii_digit();
    if !two_digits {
        return false;
    }
    let rest = &after[2..];
    let rest = rest.strip_prefix('s').unwrap_or(rest);
    !rest.chars().next().is_some_and(|c| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_table() {
        use Mark::*;
        // (before, after, quote open, expected)
        let cases = [
            ("Washington", "s envoy", false, Apostrophe),
            ("don", "t know", false, Apostrophe),
            ("WASHINGTON ", " Russian", false, Dash),
            ("", " Reporting", false, Dash),
            ("said ", "We will", false, OpenQuote),
            ("", "We will", false, OpenQuote),
            ("(", "sic", false, OpenQuote),
            ("win,", " he said", true, CloseQuote),
            ("a mess", " and left", true, CloseQuote),
            ("the rebels", " base", false, Apostrophe),
            ("the rebels", " base", true, CloseQuote),
            (
                "love the Beatles",
                " songs,\u{0E42} he said",
                true,
                Apostrophe,
            ),
            (
                "a mess",
                " and the city\u{0E42}s \u{0E42}late\u{0E42}",
                true,
                CloseQuote,
            ),
            ("a mess", " and\nthen,\u{0E42} he", true, CloseQuote),
            ("talks", ".", true, CloseQuote),
            ("in the ", "90s", false, Apostrophe),
            ("in the ", "90s.", false, Apostrophe),
            ("the ", "1990 plan", false, OpenQuote),
            ("2019", "2020", false, RangeDash),
            ("said:", "We", false, OpenQuote),
            ("over.", "The", true, CloseQuote),
            ("over.", " The", true, CloseQuote),
        ];
        for (before, after, open, want) in cases {
            assert_eq!(decide(before, after, open), want, "{before:?} โ {after:?}");
        }
    }

    #[test]
    fn thai_text_is_not_english() {
        assert!(!applies(
            "\u{0E42}\u{0E23}\u{0E07}\u{0E40}\u{0E23}\u{0E35}\u{0E22}\u{0E19}"
        ));
        assert!(!applies("Bangkok \u{0E42}\u{0E23}\u{0E07} said"));
        assert!(applies("Washington\u{0E42}s envoy"));
        assert!(!applies("\u{0E42}"));
    }
}
