//! Mojibake: UTF-8 text that was decoded as Windows-1252 or Latin-1 (once or
//! twice) and stored again as UTF-8, so `’` reads `â€™` and `é` reads `Ã©`.
//!
//! The fix follows `ftfy`: a maximal run of non-ASCII characters that all
//! have a byte in "sloppy" Windows-1252 (Windows-1252 where its five
//! undefined bytes, and every C1 control, map to the Latin-1 character) is
//! encoded back to those bytes; each valid multi-byte UTF-8 sequence in them
//! decodes to the character the author meant, but only where that character
//! is plausible (see [`plausible`]). Decoding repeats for text encoded
//! twice. Every decoded character remembers the original bytes it came from,
//! so the offset map stays exact per character.

/// One character of a run: `ch` stands for `original[start..end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Item {
    pub start: usize,
    pub end: usize,
    pub ch: char,
    /// True when `ch` was decoded from several characters of the original.
    pub repaired: bool,
}

/// What the decoder knows about a run beyond its characters.
#[derive(Clone, Copy, Debug)]
pub(super) struct Context {
    pub boldness: Boldness,
    /// The character just before the run, if any.
    pub before: Option<char>,
    /// The character just after the run, if any.
    pub after: Option<char>,
}

/// How bold the decoder may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Boldness {
    /// Only sequences that are mojibake beyond doubt.
    Strict,
    /// The document has certain mojibake elsewhere: also fix isolated
    /// sequences that could, in clean text, be two real characters.
    Relaxed,
}

/// The byte a character had before it was mis-decoded, in sloppy
/// Windows-1252; `None` for ASCII and for characters outside it.
#[inline]
pub(super) fn sloppy_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if (0x80..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    let b = match c {
        '\u{20AC}' => 0x80,
        '\u{201A}' => 0x82,
        '\u{0192}' => 0x83,
        '\u{201E}' => 0x84,
        '\u{2026}' => 0x85,
        '\u{2020}' => 0x86,
        '\u{2021}' => 0x87,
        '\u{02C6}' => 0x88,
        '\u{2030}' => 0x89,
        '\u{0160}' => 0x8A,
        '\u{2039}' => 0x8B,
        '\u{0152}' => 0x8C,
        '\u{017D}' => 0x8E,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201C}' => 0x93,
        '\u{201D}' => 0x94,
        '\u{2022}' => 0x95,
        '\u{2013}' => 0x96,
        '\u{2014}' => 0x97,
        '\u{02DC}' => 0x98,
        '\u{2122}' => 0x99,
        '\u{0161}' => 0x9A,
        '\u{203A}' => 0x9B,
        '\u{0153}' => 0x9C,
        '\u{017E}' => 0x9E,
        '\u{0178}' => 0x9F,
        _ => return None,
    };
    Some(b)
}

/// True for characters that can be part of a mojibake run: sloppy
/// Windows-1252 characters above ASCII, and U+FFFD, which a decoder leaves
/// where a byte was undefined (`â€�` for `”`).
#[inline]
pub(super) fn is_run_char(c: char) -> bool {
    c == '\u{FFFD}' || sloppy_byte(c).is_some()
}

/// Longest run handed to [`fix_run`] at once, so hostile input (megabytes
/// of Latin-1 symbols) costs bounded memory.
pub(super) const MAX_RUN: usize = 4096;

/// Repairs one run in place. Returns the number of characters repaired.
pub(super) fn fix_run(items: &mut Vec<Item>, scratch: &mut Vec<Item>, cx: Context) -> u64 {
    if items.len() < 2 {
        return 0;
    }
    // Text encoded n times needs n passes; four is more than anyone sees.
    for _ in 0..4 {
        if !decode_pass(items, scratch, cx) {
            break;
        }
        std::mem::swap(items, scratch);
    }
    for item in items.iter_mut() {
        // A dagger decoded in one step from `â€` + no-break space was a
        // middle step that went nowhere: it is the lost-byte `”`.
        if item.ch == '\u{2020}' && item.repaired && item.end - item.start == LOST_QUOTE_NBSP_LEN {
            item.ch = '\u{201D}';
        }
    }
    restore_lost_closing_quote(items);
    items.iter().filter(|it| it.repaired).count() as u64
}

/// A valid UTF-8 sequence found in a run: `len` items from `at` decode to `ch`.
#[derive(Clone, Copy, Debug)]
struct Sequence {
    at: usize,
    len: usize,
    ch: char,
}

/// One decoding pass over `items` into `out`. False when nothing decoded.
fn decode_pass(items: &[Item], out: &mut Vec<Item>, cx: Context) -> bool {
    let sequences = find_sequences(items);
    if sequences.is_empty() {
        return false;
    }
    let chain = sequences.len();
    out.clear();
    let mut next = 0;
    let mut decoded_any = false;
    for seq in sequences {
        let second = sloppy_byte(items[seq.at + 1].ch).unwrap_or(0);
        let before = match seq.at {
            0 => cx.before,
            at => Some(items[at - 1].ch),
        };
        let after = items.get(seq.at + seq.len).map(|it| it.ch).or(cx.after);
        let in_word = [before, after]
            .iter()
            .any(|c| c.is_some_and(char::is_lowercase));
        let guess = Guess {
            ch: seq.ch,
            second,
            chain,
            in_word,
        };
        if !plausible(guess, cx.boldness) {
            continue;
        }
        out.extend_from_slice(&items[next..seq.at]);
        let last = items[seq.at + seq.len - 1];
        out.push(Item {
            start: items[seq.at].start,
            end: last.end,
            ch: seq.ch,
            repaired: true,
        });
        next = seq.at + seq.len;
        decoded_any = true;
    }
    out.extend_from_slice(&items[next..]);
    decoded_any
}

/// Valid multi-byte UTF-8 sequences in the sloppy bytes of `items`, left to
/// right, not overlapping.
fn find_sequences(items: &[Item]) -> Vec<Sequence> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let Some(lead) = sloppy_byte(items[i].ch) else {
            i += 1;
            continue;
        };
        let len = match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => {
                i += 1;
                continue;
            }
        };
        if let Some(ch) = decode_at(items, i, lead, len) {
            found.push(Sequence { at: i, len, ch });
            i += len;
        } else {
            i += 1;
        }
    }
    found
}

fn decode_at(items: &[Item], at: usize, lead: u8, len: usize) -> Option<char> {
    let tail = items.get(at + 1..at + len)?;
    let mut buf = [lead, 0, 0, 0];
    for (slot, item) in buf[1..len].iter_mut().zip(tail) {
        let b = sloppy_byte(item.ch)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        *slot = b;
    }
    // from_utf8 rejects overlong forms, surrogates and values past U+10FFFF.
    std::str::from_utf8(&buf[..len]).ok()?.chars().next()
}

/// A decoded character and what surrounds it.
#[derive(Clone, Copy, Debug)]
struct Guess {
    ch: char,
    /// The sloppy byte of the sequence's second character.
    second: u8,
    /// Number of sequences in the same run: real mojibake of a word comes
    /// in chains, a lone accident of clean text does not.
    chain: usize,
    /// True when a lower-case letter is next to the sequence: it sits inside
    /// a word, where an accented capital plus punctuation cannot.
    in_word: bool,
}

/// Whether a decoded character is clearly better than the characters it
/// replaces.
///
/// The guards protect clean text: an accented capital followed by
/// punctuation that ends words (`“MAÇÃ”`, `CAFÉ…`, `PÅ»`) decodes to a
/// Latin letter, but is far more likely real unless a lower-case letter
/// touches it or other mojibake is around; IPA, combining marks, Armenian,
/// Syriac and private use never come out of real mojibake in news; scripts
/// written in whole words (Greek, Cyrillic, Hebrew, Arabic, CJK) need a
/// chain or other mojibake in the document.
fn plausible(guess: Guess, boldness: Boldness) -> bool {
    let Guess {
        ch,
        second,
        chain,
        in_word,
    } = guess;
    let chained = chain >= 2 || boldness == Boldness::Relaxed;
    let ends_a_word = matches!(
        second,
        0x82 | 0x84 | 0x85 | 0x8B | 0x91
            ..=0x97 | 0x9B | 0xA0 | 0xA1 | 0xAB | 0xAD | 0xB7 | 0xBB | 0xBF
    );
    if chain >= 2 && sloppy_byte(ch).is_some() {
        // Possibly the middle step of double encoding (`Ë†` is `ˆ`, the
        // second byte of `ш`); the next pass decides.
        return true;
    }
    match ch as u32 {
        // A C1 control: only as the middle step of double encoding (above).
        0x80..=0x9F => false,
        0xA0..=0xBF => true,
        // From `Ã`: only a curly quote after it looks like clean text
        // (`“MAÇÃ”`); `Ã ` is `à`, `Ã«` is `ë` wherever they stand.
        0xC0..=0xFF => !matches!(second, 0x91..=0x94) || in_word || chained,
        // From `Ä`..`É` (Latin Extended): accented capitals in clean text.
        0x100..=0x24F => !ends_a_word || in_word || chained,
        0x250..=0x36F | 0x530..=0x58F | 0x700..=0x7FF => false,
        0x370..=0x52F | 0x590..=0x6FF => chained,
        0x800..=0x1FFF => chained,
        // `â€` + no-break space is far more often `”` (last byte lost) before
        // a no-break space than a dagger (see restore_lost_closing_quote).
        0x2020 => false,
        0x2000..=0x2BFF | 0xFEFF => true,
        0xD800..=0xF8FF => false,
        0x1F000..=0x1FAFF => true,
        0xF0000.. => false,
        _ => chained,
    }
}

/// Bytes of `â€` followed by a no-break space in UTF-8.
const LOST_QUOTE_NBSP_LEN: usize = 7;

/// `â€` in UTF-8: the mojibake of `”` whose last byte was lost.
pub(super) const LOST_QUOTE: &str = "\u{e2}\u{20ac}";

/// `”` is E2 80 9D, and 0x9D is undefined in Windows-1252, so decoders
/// leave `â€` followed by U+FFFD, a no-break space, or nothing at all. An
/// undecoded `â€` is such a quote: it becomes `”`, swallowing a U+FFFD or
/// no-break space that took the lost byte's place. (A plain space after it
/// is the caller's to judge: see `Repairer::space_after_lost_quote`.)
fn restore_lost_closing_quote(items: &mut Vec<Item>) {
    // Compacts in place: `write` trails `read` by the items merged so far.
    let mut write = 0;
    let mut read = 0;
    while read < items.len() {
        let a = items[read];
        let b = items.get(read + 1).copied();
        let mut merged = a;
        read += 1;
        if let Some(b) = b.filter(|b| a.ch == 'â' && b.ch == '€' && !a.repaired && !b.repaired) {
            merged = Item {
                start: a.start,
                end: b.end,
                ch: '\u{201D}',
                repaired: true,
            };
            read += 1;
            let stand_in = |c: &&Item| matches!(c.ch, '\u{FFFD}' | '\u{A0}') && !c.repaired;
            if let Some(c) = items.get(read).filter(stand_in) {
                merged.end = c.end;
                read += 1;
            }
        }
        items[write] = merged;
        write += 1;
    }
    items.truncate(write);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items_of(s: &str) -> Vec<Item> {
        s.char_indices()
            .map(|(i, ch)| Item {
                start: i,
                end: i + ch.len_utf8(),
                ch,
                repaired: false,
            })
            .collect()
    }

    fn fixed(s: &str, boldness: Boldness) -> String {
        let mut items = items_of(s);
        let cx = Context {
            boldness,
            before: None,
            after: None,
        };
        fix_run(&mut items, &mut Vec::new(), cx);
        items.iter().map(|it| it.ch).collect()
    }

    #[test]
    fn every_sloppy_byte_round_trips_through_windows_1252() {
        for b in 0x80u8..=0xFF {
            let byte = [b];
            let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
            let c = s.chars().next().unwrap();
            assert_eq!(sloppy_byte(c), Some(b), "byte {b:#x} as {c:?}");
        }
    }

    #[test]
    fn run_table() {
        use Boldness::*;
        let cases = [
            ("Ã©", Strict, "é"),
            ("â€™", Strict, "’"),
            ("â€œ", Strict, "“"),
            ("â€\u{9D}", Strict, "”"),
            ("â€�", Strict, "”"),
            ("â€", Strict, "”"),
            ("â€”", Strict, "—"),
            ("Ã¢â‚¬â„¢", Strict, "’"),
            ("Ã¢â‚¬Å“", Strict, "“"),
            ("Ð¿Ñ€Ð¸", Strict, "при"),
            ("ÄŸ", Strict, "ğ"),
            ("ðŸ˜€", Strict, "😀"),
            ("æ—¥æœ¬", Strict, "日本"),
            // Clean text that must stay.
            ("«É»", Strict, "«É»"),
            ("Ã”", Strict, "Ã”"),
            ("Å”", Strict, "Å”"),
            ("Ã”", Relaxed, "Ô"),
            ("é’”", Strict, "é’”"),
            ("öß", Strict, "öß"),
            ("Ñ”", Strict, "Ñ”"),
            ("É…", Strict, "É…"),
            ("Å»", Strict, "Å»"),
            ("Å›", Strict, "Å›"),
            ("Å›", Relaxed, "ś"),
        ];
        for (input, boldness, want) in cases {
            assert_eq!(fixed(input, boldness), want, "{input:?} {boldness:?}");
        }
    }
}
