//! A small tokenizer for the bounded windows around a quotation: words,
//! punctuation, and each other quotation collapsed into one token.

use super::cues::{self, VerbForm};
use crate::span::Span;
use std::cell::Cell;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters and digits, with inner apostrophes, hyphens and periods
    /// ("Russia's", "so-called", "U.S").
    Word,
    /// One punctuation character.
    Punct(char),
    /// A whole quotation.
    Quote,
    /// A paragraph break (only in windows that cross paragraphs).
    Break,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub span: Span,
    pub kind: TokKind,
    /// Index of the same token in the document's `TokenIndex` (where what
    /// is known about it is remembered), `NOT_INDEXED` when tokenized apart.
    pub idx: u32,
}

/// `Tok::idx` of a token that is not the document index's.
pub(crate) const NOT_INDEXED: u32 = u32::MAX;

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.range()]
    }

    /// The word without a possessive ending ("Russia's" -> "Russia").
    pub fn stem<'t>(&self, text: &'t str) -> &'t str {
        let w = self.text(text);
        for suffix in ["'s", "’s", "'", "’"] {
            if let Some(s) = w.strip_suffix(suffix) {
                if !s.is_empty() {
                    return s;
                }
            }
        }
        w
    }

    /// End of the word without a possessive ending.
    pub fn stem_end(&self, text: &str) -> usize {
        self.span.start + self.stem(text).len()
    }

    pub fn is_capitalized(&self, text: &str) -> bool {
        self.is_word() && self.text(text).starts_with(|c: char| c.is_uppercase())
    }
}

/// Tokenizes `text[range]`, collapsing every span of `quotes` (sorted, not
/// overlapping) into one `Quote` token, into `out`.
pub(crate) fn tokenize(text: &str, range: Span, quotes: &[Span], out: &mut Vec<Tok>) {
    out.clear();
    let mut cur = Cursor::new(range, quotes);
    while cur.pos < range.end {
        cur.step(text, quotes, out);
    }
}

/// The tokenizer's state inside one window: the next byte and the next
/// quotation not yet passed.
struct Cursor {
    range: Span,
    pos: usize,
    qi: usize,
}

impl Cursor {
    fn new(range: Span, quotes: &[Span]) -> Cursor {
        Cursor {
            range,
            pos: range.start,
            qi: quotes.partition_point(|q| q.end <= range.start),
        }
    }

    /// Reads the character (or quotation) at `pos`, pushing its token, if
    /// any, to `out`.
    fn step(&mut self, text: &str, quotes: &[Span], out: &mut Vec<Tok>) {
        let (pos, end) = (self.pos, self.range.end);
        if let Some(q) = quotes.get(self.qi) {
            if q.start <= pos {
                let qend = q.end.min(end);
                out.push(Tok {
                    span: Span::new(q.start.max(self.range.start), qend),
                    kind: TokKind::Quote,
                    idx: NOT_INDEXED,
                });
                let mut next = qend.max(pos + 1);
                while next < end && !text.is_char_boundary(next) {
                    next += 1;
                }
                self.pos = next;
                self.qi += 1;
                return;
            }
        }
        let limit = quotes.get(self.qi).map_or(end, |q| q.start.min(end));
        let c = match text.as_bytes().get(pos) {
            Some(&b) if b.is_ascii() => char::from(b),
            _ => text[pos..].chars().next().unwrap_or(' '),
        };
        let clen = c.len_utf8();
        if c == '\n' {
            if !matches!(out.last(), Some(t) if t.kind == TokKind::Break) {
                out.push(Tok {
                    span: Span::new(pos, pos + 1),
                    kind: TokKind::Break,
                    idx: NOT_INDEXED,
                });
            }
            self.pos = pos + 1;
        } else if c.is_whitespace() {
            self.pos = pos + clen;
        } else if c.is_alphanumeric() {
            let mut wend = word_end(text, pos, limit);
            if text[wend..limit].starts_with('.')
                && (cues::is_title_word(&text[pos..wend]) || cues::is_org_suffix(&text[pos..wend]))
                && cues::is_abbreviation(&text[pos..wend])
            {
                wend += 1; // "Mr.", "Sgt.", "Inc.": the period belongs to the word
            }
            out.push(Tok {
                span: Span::new(pos, wend),
                kind: TokKind::Word,
                idx: NOT_INDEXED,
            });
            self.pos = wend;
        } else {
            out.push(Tok {
                span: Span::new(pos, pos + clen),
                kind: TokKind::Punct(c),
                idx: NOT_INDEXED,
            });
            self.pos = pos + clen;
        }
    }
}

/// The tokens of a whole document, so that the many overlapping windows
/// read around quotations are copied out of it instead of tokenized again.
pub(crate) struct TokenIndex {
    toks: Vec<Tok>,
    /// False when the quotations overlap (broken marks in hostile text):
    /// windows are then tokenized directly.
    usable: bool,
    /// Per token, what the attribution rules asked about it, remembered
    /// (`Memo::UNKNOWN` until first asked): windows overlap, so the same
    /// tokens are classified again and again otherwise.
    verb: Vec<Cell<u8>>,
    name: Vec<Cell<u8>>,
    ends: Vec<Cell<u8>>,
}

/// One remembered answer per token: `UNKNOWN`, or the answer plus one.
pub(crate) struct Memo;

impl Memo {
    const UNKNOWN: u8 = 0;
}

impl TokenIndex {
    pub fn new(text: &str, quotes: &[Span]) -> TokenIndex {
        let mut toks = Vec::new();
        let usable = quotes.iter().all(|q| q.start < q.end)
            && quotes.windows(2).all(|w| w[0].end <= w[1].start);
        if usable {
            tokenize(text, Span::new(0, text.len()), quotes, &mut toks);
        }
        let usable = usable && toks.windows(2).all(|w| w[0].span.end <= w[1].span.start);
        if !usable {
            toks.clear();
        }
        for (i, t) in toks.iter_mut().enumerate() {
            t.idx = i as u32;
        }
        let memo = || vec![Cell::new(Memo::UNKNOWN); toks.len()];
        TokenIndex {
            verb: memo(),
            name: memo(),
            ends: memo(),
            toks,
            usable,
        }
    }

    /// The reporting-verb form of token `t` (see `cues::reporting_verb`).
    pub fn verb(&self, text: &str, t: &Tok) -> Option<VerbForm> {
        const FORMS: [Option<VerbForm>; 3] = [None, Some(VerbForm::Finite), Some(VerbForm::Ing)];
        let compute = || cues::reporting_verb(t.text(text));
        let Some(cell) = self.verb.get(t.idx as usize) else {
            return compute();
        };
        if cell.get() == Memo::UNKNOWN {
            let form = compute();
            let code = FORMS.iter().position(|f| *f == form).unwrap_or(0);
            cell.set(code as u8 + 1);
        }
        FORMS[usize::from(cell.get() - 1)]
    }

    /// `ends_sentence(text, toks, i)`, remembered for a token whose
    /// neighbours in `toks` are its neighbours in the document (all that
    /// `ends_sentence` reads).
    pub fn ends_sentence(&self, text: &str, toks: &[Tok], i: usize) -> bool {
        let idx = toks[i].idx;
        let indexed = |k: usize| toks[k].idx != NOT_INDEXED;
        let interior = i > 0
            && i + 1 < toks.len()
            && indexed(i - 1)
            && indexed(i)
            && indexed(i + 1)
            && toks[i - 1].idx + 1 == idx
            && toks[i + 1].idx == idx + 1;
        let Some(cell) = self.ends.get(idx as usize).filter(|_| interior) else {
            return ends_sentence(text, toks, i);
        };
        if cell.get() == Memo::UNKNOWN {
            cell.set(u8::from(ends_sentence(text, toks, i)) + 1);
        }
        cell.get() == 2
    }

    /// `is_name(t)`, remembered per token.
    pub fn name_flag(&self, t: &Tok, is_name: impl FnOnce(&Tok) -> bool) -> bool {
        let Some(cell) = self.name.get(t.idx as usize) else {
            return is_name(t);
        };
        if cell.get() == Memo::UNKNOWN {
            cell.set(u8::from(is_name(t)) + 1);
        }
        cell.get() == 2
    }

    /// Exactly what `tokenize(text, range, quotes, out)` gives (`text` and
    /// `quotes` those the index was built from).
    ///
    /// The tokenizer's state is its position and next quotation only (and
    /// whether the last token is a paragraph break, for the next one), so
    /// once a window's tokenizer stands where a whole-document word,
    /// punctuation or quotation token starts, it reproduces the document's
    /// tokens up to the last one ending inside the window. Only the start
    /// of the window (up to that point) and its cut-off end are tokenized.
    pub fn window(&self, text: &str, range: Span, quotes: &[Span], out: &mut Vec<Tok>) {
        self.window_unchecked(text, range, quotes, out);
        #[cfg(debug_assertions)]
        {
            let mut direct = Vec::new();
            tokenize(text, range, quotes, &mut direct);
            let same = direct.len() == out.len()
                && direct
                    .iter()
                    .zip(out.iter())
                    .all(|(a, b)| a.span == b.span && a.kind == b.kind);
            debug_assert!(same, "window {range:?}: {direct:?} != {out:?}");
        }
    }

    fn window_unchecked(&self, text: &str, range: Span, quotes: &[Span], out: &mut Vec<Tok>) {
        if !self.usable {
            tokenize(text, range, quotes, out);
            return;
        }
        out.clear();
        let all = &self.toks;
        let mut cur = Cursor::new(range, quotes);
        let mut j = all.partition_point(|t| t.span.start < range.start);
        while cur.pos < range.end {
            while j < all.len() && all[j].span.start < cur.pos {
                j += 1;
            }
            if j < all.len()
                && all[j].span.start == cur.pos
                && all[j].kind != TokKind::Break
                && all[j].span.end <= range.end
            {
                break;
            }
            cur.step(text, quotes, out);
        }
        if cur.pos >= range.end {
            return;
        }
        let k = j + all[j..].partition_point(|t| t.span.end <= range.end);
        out.extend_from_slice(&all[j..k]);
        let Some(next) = all.get(k) else {
            return;
        };
        if next.span.start >= range.end {
            return;
        }
        // The token cut by the window's end: tokenized again, up to the end.
        cur.pos = next.span.start;
        cur.qi = quotes.partition_point(|q| q.end <= cur.pos);
        while cur.pos < range.end {
            cur.step(text, quotes, out);
        }
    }
}

fn word_end(text: &str, start: usize, limit: usize) -> usize {
    let s = &text[start..limit];
    // ASCII letters and digits first, a byte at a time (what the loop
    // below does with them: extend the word).
    let ascii = s.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let mut last_end = ascii;
    let mut chars = s[ascii..]
        .char_indices()
        .map(|(i, c)| (i + ascii, c))
        .peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            last_end = i + c.len_utf8();
            continue;
        }
        let joins = matches!(c, '\'' | '’' | '-' | '.' | '&' | '‑');
        let next_alnum = chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if joins && next_alnum {
            continue;
        }
        if matches!(c, '\'' | '’') && s[..i].ends_with(['s', 'S']) && !next_alnum {
            // Plural possessive "workers’": keep the mark with the word.
            last_end = i + c.len_utf8();
        }
        break;
    }
    start + last_end.max(1)
}

/// True when token `i` ends a sentence: `.`, `!` or `?` not after an
/// abbreviation, followed by the end or a capital, digit or quotation.
pub(crate) fn ends_sentence(text: &str, toks: &[Tok], i: usize) -> bool {
    let t = toks[i];
    if t.kind == TokKind::Break {
        return true;
    }
    if t.kind == TokKind::Quote {
        // “… the trip.” She added: a quotation ending a sentence.
        let inner = text[t.span.range()]
            .trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '.' | '!' | '?'));
        let ends = inner.ends_with(['.', '!', '?']);
        let next_capital = match toks.get(i + 1) {
            Some(n) => n.is_capitalized(text) || matches!(n.kind, TokKind::Quote | TokKind::Break),
            // The window ends here: look at the text itself.
            None => text[t.span.end..]
                .trim_start()
                .starts_with(|c: char| c.is_uppercase()),
        };
        return ends && next_capital;
    }
    if !matches!(t.kind, TokKind::Punct('.' | '!' | '?' | '…')) {
        return false;
    }
    if t.is_punct('.') && i > 0 && toks[i - 1].is_word() && toks[i - 1].span.end == t.span.start {
        let prev = toks[i - 1].text(text);
        if cues::is_abbreviation(prev) {
            // "Mr. Lopez" never ends; "in the U.S. He said" ends before a pronoun.
            let next_pronoun = toks
                .get(i + 1)
                .is_some_and(|n| cues::pronoun(n.text(text)).is_some() && n.is_capitalized(text));
            if !next_pronoun {
                return false;
            }
        }
    }
    match toks.get(i + 1) {
        None => true,
        Some(n) => match n.kind {
            TokKind::Word => n
                .text(text)
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()),
            TokKind::Quote | TokKind::Break => true,
            TokKind::Punct(c) => matches!(c, '(' | '[' | '—' | '-' | '"' | '“' | '‘' | '\''),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &[Tok], b: &[Tok]) -> bool {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| x.span == y.span && x.kind == y.kind)
    }

    #[test]
    fn index_windows_match_direct_tokenizing() {
        let text = "Mr. Lopez said: “We are ready,” she said.\n\nThe U.S. workers’ \
                    so-called plan — Acme Inc. (AP) ‘no’ Sgt. Li’s\ncall. “Open";
        let marks: Vec<usize> = text
            .match_indices(['“', '”', '‘', '’'])
            .map(|(i, _)| i)
            .collect();
        let quotes = vec![
            Span::new(marks[0], marks[1] + '”'.len_utf8()),
            Span::new(
                text.find('‘').unwrap(),
                text.find("’ Sgt").unwrap() + '’'.len_utf8(),
            ),
            Span::new(text.rfind('“').unwrap(), text.len()),
        ];
        let overlapping = vec![
            Span::new(0, marks[1]),
            Span::new(4, 20),
            Span::new(marks[1], marks[1]),
        ];
        for quotes in [quotes, overlapping, Vec::new()] {
            check_every_window(text, &quotes);
        }
    }

    fn check_every_window(text: &str, quotes: &[Span]) {
        let index = TokenIndex::new(text, quotes);
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let (mut direct, mut windowed) = (Vec::new(), Vec::new());
        for (n, &start) in bounds.iter().enumerate() {
            for &end in &bounds[n..] {
                let range = Span::new(start, end);
                tokenize(text, range, quotes, &mut direct);
                index.window_unchecked(text, range, quotes, &mut windowed);
                assert!(
                    same(&direct, &windowed),
                    "{range:?}: {direct:?} != {windowed:?}"
                );
            }
        }
    }
}
