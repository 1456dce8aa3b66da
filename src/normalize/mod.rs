//! Normalize: repair of damaged text (mojibake, lost punctuation) with an
//! offset map back to the original, and folding for matching.
//!
//! Repair and folding are different things. [`repair`] restores the
//! characters the author meant (`â€™` becomes `’`, a lossy `โ` becomes `“`
//! or `—`), producing the text every later stage works on, with curly quotes
//! intact for the quote finder. [`fold`] then makes a matching-only copy
//! (straight quotes, no accents, lower case) with its own offset map.

mod fold;
mod lossy;
mod mojibake;

pub use fold::{fold, fold_into, fold_str, Folded};

use crate::span::{OffsetMap, OffsetMapBuilder};
use mojibake::{Boldness, Item};
use serde::Serialize;
use std::borrow::Cow;

/// What repair changed in one document, counted per kind of repair.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Repairs {
    /// Double-decoded UTF-8 sequences fixed (`â€™` -> `’`).
    pub mojibake: u64,
    /// Lost punctuation (`โ`) restored from context.
    pub lossy_punctuation: u64,
}

impl Repairs {
    /// True when nothing was repaired.
    pub fn is_empty(&self) -> bool {
        *self == Repairs::default()
    }
}

/// A repaired text with the map from its offsets to the original's.
#[derive(Clone, Debug)]
pub struct Repaired<'a> {
    /// The repaired text: the original itself when nothing needed repair.
    pub text: Cow<'a, str>,
    /// Offsets of `text` back to the original.
    pub map: OffsetMap,
    /// What was repaired.
    pub repairs: Repairs,
}

/// Repairs `original`: mojibake from double decoding and punctuation lost
/// to the Thai letter `โ`. Text that needs no repair is borrowed, not
/// copied, after one fast byte scan.
///
/// Mojibake (`â€™`, `Ã©`, also encoded twice, and `â€` whose last byte was
/// lost) is fixed only where the decoded character is clearly better, the
/// way `ftfy` does it; real Latin-1 text (`«É»`, `SÃO`, `café`) is left
/// alone. Isolated sequences that could also be clean text (`Ã”`) are fixed
/// only when the same document has certain mojibake elsewhere. `โ` is
/// restored as `’ “ ” — –` from its context, only in Latin-script text with
/// no other Thai letter.
///
/// ```
/// use newsgraph::normalize::repair;
/// use newsgraph::Span;
///
/// let original = "The caf\u{c3}\u{a9}\u{e2}\u{20ac}\u{2122}s owner";
/// let r = repair(original);
/// assert_eq!(r.text, "The caf\u{e9}\u{2019}s owner");
/// assert_eq!(r.repairs.mojibake, 2);
/// // "owner" in the repaired text maps back onto "owner" in the original.
/// let at = r.text.find("owner").unwrap();
/// let span = r.map.span_to_source(Span::new(at, at + 5));
/// assert_eq!(&original[span.range()], "owner");
///
/// let clean = repair("Nothing to see here.");
/// assert!(matches!(clean.text, std::borrow::Cow::Borrowed(_)));
/// assert!(clean.repairs.is_empty());
/// ```
pub fn repair(original: &str) -> Repaired<'_> {
    if !may_need_repair(original.as_bytes()) {
        return Repaired::unchanged(original);
    }
    let lossy =
        memchr::memmem::find(original.as_bytes(), LOST_UTF8).is_some() && lossy::applies(original);
    let strict = Repairer::new(original, Boldness::Strict, lossy).run();
    let done = if strict.repairs.mojibake > 0 {
        Repairer::new(original, Boldness::Relaxed, lossy).run()
    } else {
        strict
    };
    done.into_repaired()
}

impl<'a> Repaired<'a> {
    fn unchanged(original: &'a str) -> Repaired<'a> {
        Repaired {
            text: Cow::Borrowed(original),
            map: OffsetMap::identity(),
            repairs: Repairs::default(),
        }
    }
}

/// `โ` in UTF-8.
const LOST_UTF8: &[u8] = "\u{0E42}".as_bytes();

/// The no-repair fast path: true when `bytes` holds a possible trigger.
///
/// Every mojibake sequence starts with a character U+00C2..=U+00F4 (UTF-8
/// 0xC3 0x82..=0xB4) followed by one whose UTF-8 starts with 0xC2 (U+0080..
/// U+00BF), 0xC5, 0xC6, 0xCB (the Windows-1252 letters and accents) or 0xE2
/// (its punctuation, `€` and `™`). Lossy punctuation is `โ` (E0 B9 82).
fn may_need_repair(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(0xC3, 0xE0, bytes).any(|i| {
        if bytes[i] == 0xC3 {
            matches!(bytes.get(i + 2), Some(0xC2 | 0xC5 | 0xC6 | 0xCB | 0xE2))
        } else {
            bytes.get(i + 1..i + 3) == Some(&LOST_UTF8[1..])
        }
    })
}

/// One left-to-right repair pass over a document.
struct Repairer<'a> {
    original: &'a str,
    boldness: Boldness,
    lossy: bool,
    out: String,
    map: OffsetMapBuilder,
    /// `original[..copied_to]` is accounted for in `out`.
    copied_to: usize,
    edited: bool,
    repairs: Repairs,
    run: Vec<Item>,
    scratch: Vec<Item>,
    quotes: QuoteState,
}

impl<'a> Repairer<'a> {
    fn new(original: &'a str, boldness: Boldness, lossy: bool) -> Repairer<'a> {
        Repairer {
            original,
            boldness,
            lossy,
            out: String::new(),
            map: OffsetMapBuilder::new(),
            copied_to: 0,
            edited: false,
            repairs: Repairs::default(),
            run: Vec::new(),
            scratch: Vec::new(),
            quotes: QuoteState::default(),
        }
    }

    fn run(mut self) -> Repairer<'a> {
        let text = self.original;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] < 0x80 {
                self.flush_run(i);
                i += bytes[i..]
                    .iter()
                    .position(|&b| b >= 0x80)
                    .unwrap_or(bytes.len() - i);
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if mojibake::is_run_char(c) {
                if self.run.len() >= mojibake::MAX_RUN {
                    self.flush_run(i);
                }
                self.run.push(Item {
                    start: i,
                    end: i + c.len_utf8(),
                    ch: c,
                    repaired: false,
                });
            } else {
                self.flush_run(i);
                if c == lossy::LOST && self.lossy {
                    self.restore_lost_punctuation(i);
                }
            }
            i += c.len_utf8();
        }
        self.flush_run(bytes.len());
        self
    }

    /// Repairs the pending run of mojibake candidates; `next` is the
    /// offset just after it.
    fn flush_run(&mut self, next: usize) {
        if self.run.is_empty() {
            return;
        }
        let mut run = std::mem::take(&mut self.run);
        let cx = mojibake::Context {
            boldness: self.boldness,
            before: self.original[..run[0].start].chars().next_back(),
            after: self.original[next..].chars().next(),
        };
        let mut fixed = mojibake::fix_run(&mut run, &mut self.scratch, cx);
        if self.boldness == Boldness::Relaxed {
            fixed += self.a_grave_before_space(&mut run, next);
        }
        self.space_after_lost_quote(&mut run, next);
        self.repairs.mojibake += fixed;
        let mut buf = [0u8; 4];
        for item in &run {
            if item.repaired {
                self.replace(item.start, item.end, item.ch.encode_utf8(&mut buf));
            }
            match item.ch {
                '\u{201C}' => self.quotes.open_at(item.start),
                '\u{201D}' => self.quotes.close(),
                _ => {}
            }
        }
        run.clear();
        self.run = run;
    }

    /// `à` is C3 A0, and 0xA0 (no-break space) often became a plain space
    /// or vanished: `voilÃ  tout`, `Ã  Paris`. A run ending in `Ã` before a
    /// space, after a lower-case letter or a gap, is that `à`; of two
    /// spaces after it, the first was the lost byte. Only in documents with
    /// certain mojibake: `IRMÃ MAIS` is real Portuguese.
    fn a_grave_before_space(&self, run: &mut [Item], next: usize) -> u64 {
        let Some(last) = run.last_mut() else {
            return 0;
        };
        let after = &self.original[next..];
        if last.ch != 'Ã' || last.repaired || last.end != next || !after.starts_with(' ') {
            return 0;
        }
        let prev = self.original[..last.start].chars().next_back();
        if !prev.is_none_or(|c| c.is_lowercase() || c.is_whitespace()) {
            return 0;
        }
        if after.starts_with("  ") {
            last.end += 1;
        }
        last.ch = 'à';
        last.repaired = true;
        1
    }

    /// When the lost last byte of `”` became a plain space, the space is
    /// not text: `â€ , he said`, `â€  Then`. A run ending in the lost-byte
    /// quote takes one following space along when whitespace, punctuation
    /// or the end of the text comes next; before a word the space is kept.
    fn space_after_lost_quote(&self, run: &mut [Item], next: usize) {
        let Some(last) = run.last_mut() else {
            return;
        };
        let is_lost_quote = last.repaired
            && last.end == next
            && &self.original[last.start..last.end] == mojibake::LOST_QUOTE;
        let Some(rest) = self.original[next..].strip_prefix(' ') else {
            return;
        };
        let then = rest.chars().next();
        let not_a_word = then.is_none_or(|c| {
            c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')')
        });
        if is_lost_quote && not_a_word {
            last.end += 1;
        }
    }

    fn restore_lost_punctuation(&mut self, at: usize) {
        let end = at + lossy::LOST.len_utf8();
        let open = self.quotes.is_open(self.original, at);
        let mark = lossy::decide(&self.original[..at], &self.original[end..], open);
        match mark {
            lossy::Mark::OpenQuote => self.quotes.open_at(at),
            lossy::Mark::CloseQuote => self.quotes.close(),
            _ => {}
        }
        self.replace(at, end, mark.as_str());
        self.repairs.lossy_punctuation += 1;
    }

    /// Writes `with` in place of `original[start..end]`.
    fn replace(&mut self, start: usize, end: usize, with: &str) {
        debug_assert!(self.copied_to <= start && start <= end);
        if !self.edited {
            self.out.reserve(self.original.len() + 16);
            self.edited = true;
        }
        self.out.push_str(&self.original[self.copied_to..start]);
        self.map.copy(start - self.copied_to);
        self.out.push_str(with);
        self.map.replace(with.len(), end - start);
        self.copied_to = end;
    }

    fn into_repaired(mut self) -> Repaired<'a> {
        if !self.edited {
            return Repaired::unchanged(self.original);
        }
        let tail = &self.original[self.copied_to..];
        self.out.push_str(tail);
        self.map.copy(tail.len());
        Repaired {
            text: Cow::Owned(self.out),
            map: self.map.finish(),
            repairs: self.repairs,
        }
    }
}

/// Whether a double quote opened in the current paragraph is still open.
#[derive(Debug, Default)]
struct QuoteState {
    open: bool,
    /// Offset up to which the text after the opening quote was checked for
    /// a line break (a new paragraph closes every quotation).
    checked_to: usize,
}

impl QuoteState {
    fn open_at(&mut self, at: usize) {
        self.open = true;
        self.checked_to = at;
    }

    fn close(&mut self) {
        self.open = false;
    }

    fn is_open(&mut self, text: &str, at: usize) -> bool {
        if self.open && self.checked_to < at {
            let gap = &text.as_bytes()[self.checked_to..at];
            if memchr::memchr(b'\n', gap).is_some() {
                self.open = false;
            }
            self.checked_to = at;
        }
        self.open
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The slow path on its own, skipping the fast scan.
    fn slow_repair(text: &str) -> Repaired<'_> {
        let lossy = lossy::applies(text);
        let strict = Repairer::new(text, Boldness::Strict, lossy).run();
        if strict.repairs.mojibake > 0 {
            Repairer::new(text, Boldness::Relaxed, lossy)
                .run()
                .into_repaired()
        } else {
            strict.into_repaired()
        }
    }

    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "\u{c3}", "\u{a9}", "\u{c2}", "\u{a0}", "\u{e2}", "\u{20ac}", "\u{2122}", "\u{153}",
        "\u{9d}", "\u{201c}", "\u{fffd}", "\u{0E42}", "\u{f0}", "\u{178}", "\u{2dc}", "\u{2c6}",
        "\u{192}", "\u{ef}", "\u{bb}", "\u{bf}", "\u{c5}", "\u{d0}", " ", "  ", "a", "s", "\n",
    ];

    proptest! {
        #[test]
        fn fast_scan_never_misses_a_repair(
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40),
        ) {
            let text = pieces.concat();
            if !slow_repair(&text).repairs.is_empty() {
                prop_assert!(may_need_repair(text.as_bytes()), "{:?}", text);
            }
        }
    }

    #[test]
    fn results_are_send_and_sync() {
        fn is<T: Send + Sync>() {}
        is::<Repaired<'static>>();
        is::<Repairs>();
    }
}
