//! Detection: finds quotation spans from quote marks alone.
//!
//! Marks are read one paragraph at a time. Each mark gets a family (double,
//! single, guillemet), what its glyph prefers (open, close, either) and what
//! its neighbours allow (a mark after a space and before a letter opens; a
//! mark after a letter and before a space or punctuation closes). A stack
//! pairs them. Apostrophes ("Russia’s", "’90s", "rock ’n’ roll") are told
//! apart from single quotes by their neighbours. Broken text is contained:
//! an unclosed quotation ends at its paragraph, a closing mark with nothing
//! open yields the quotation from its sentence start (or the previous
//! quotation's end), and a paragraph that reopens an unclosed quotation
//! that opened a clause continues it (the multi-paragraph convention).

use crate::span::Span;

/// Quote-mark families: a closing mark only closes an opening one of its family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    Double,
    Single,
    Guillemet,
}

/// What a glyph prefers to be before its context is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Glyph {
    Open,
    Close,
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    pos: usize,
    len: usize,
    family: Family,
    glyph: Glyph,
    /// Straight `"` or `'`: the only marks that can be inch or foot signs.
    straight: bool,
    prev: Option<char>,
    next: Option<char>,
}

impl Mark {
    fn end(&self) -> usize {
        self.pos + self.len
    }

    /// After a boundary and before a non-space: can open.
    fn open_ctx(&self) -> bool {
        is_open_boundary(self.prev) && self.next.is_some_and(|c| !c.is_whitespace())
    }

    /// After a non-space and before a boundary: can close.
    fn close_ctx(&self) -> bool {
        self.prev.is_some_and(|c| !c.is_whitespace()) && is_close_boundary(self.next)
    }
}

/// A quotation found from its marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawQuote {
    /// From the first opening mark to the last closing mark (or the
    /// paragraph end when unclosed, or the paragraph start when the opening
    /// mark is missing).
    pub span: Span,
    /// The quoted words of each paragraph, marks excluded, trimmed.
    pub pieces: Vec<Span>,
    /// The family of the outer marks.
    pub family: Family,
    /// No closing mark was found.
    pub unclosed: bool,
    /// No opening mark was found.
    pub open_missing: bool,
}

/// Deepest nesting followed; deeper opening marks are ignored.
const MAX_DEPTH: usize = 32;
/// How far a possessive `s’` looks ahead for a better closing mark.
const LOOKAHEAD: usize = 64;

/// Finds every top-level quotation in `text`, paragraph by paragraph.
pub(crate) fn detect(text: &str, paragraphs: &[Span], sentence_starts: &[usize]) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let mut marks = Vec::new();
    let mut carry: Option<RawQuote> = None;
    for &para in paragraphs {
        marks.clear();
        collect_marks(text, para, &mut marks);
        let mut state = ParaState {
            text,
            para,
            marks: &marks,
            stack: Vec::new(),
            out: &mut out,
            last_end: para.start,
            sentence_starts,
            carry: carry.take(),
            first_decisive: true,
            nested: Vec::new(),
        };
        state.run();
        carry = state.finish();
    }
    if let Some(c) = carry {
        end_carry(&mut out, c);
    }
    out.sort_by_key(|q| q.span.start);
    out
}

#[derive(Clone, Copy, Debug)]
struct Open {
    mark: Mark,
}

struct ParaState<'t, 'o> {
    text: &'t str,
    para: Span,
    marks: &'t [Mark],
    stack: Vec<Open>,
    out: &'o mut Vec<RawQuote>,
    /// End of the last quotation emitted in this paragraph.
    last_end: usize,
    /// Where sentences start (sorted), for quotations whose opening mark
    /// is missing.
    sentence_starts: &'t [usize],
    /// An unclosed quotation from the previous paragraph that this one may continue.
    carry: Option<RawQuote>,
    /// No mark of this paragraph has been decided yet.
    first_decisive: bool,
    /// Double quotations closed inside an open single mark: top-level after
    /// all if that single mark never closes (it was a stray apostrophe).
    nested: Vec<(Span, Span, Family)>,
}

enum Role {
    Open,
    Close(usize),
    Orphan,
    Ignore,
}

impl ParaState<'_, '_> {
    fn run(&mut self) {
        for i in 0..self.marks.len() {
            let m = self.marks[i];
            let role = self.role(i);
            if !matches!(role, Role::Ignore) {
                self.settle_carry(&m, &role);
            }
            match role {
                Role::Open => self.push(m),
                Role::Close(at) => self.close(at, m),
                Role::Orphan => self.orphan(m),
                Role::Ignore => {}
            }
        }
    }

    /// Decides what the mark at `i` does given its glyph, neighbours and the stack.
    fn role(&self, i: usize) -> Role {
        let m = self.marks[i];
        if m.family == Family::Single && self.is_apostrophe(i) {
            return Role::Ignore;
        }
        let matching = self.stack.iter().rposition(|o| o.mark.family == m.family);
        let (open_ctx, close_ctx) = (m.open_ctx(), m.close_ctx());
        match m.glyph {
            Glyph::Close => match matching {
                Some(at) => Role::Close(at),
                None if open_ctx && !close_ctx => Role::Open,
                None => Role::Orphan,
            },
            Glyph::Open => match matching {
                Some(at) if close_ctx && !open_ctx => Role::Close(at),
                _ => Role::Open,
            },
            Glyph::Either => {
                if close_ctx && !open_ctx {
                    matching.map_or(Role::Orphan, Role::Close)
                } else if open_ctx && !close_ctx {
                    Role::Open
                } else {
                    match matching {
                        Some(at) => Role::Close(at),
                        None if open_ctx => Role::Open,
                        None => Role::Ignore,
                    }
                }
            }
        }
    }

    /// True when a single mark is an apostrophe: inside a word ("don’t",
    /// "Russia’s", "O'Brien"), an elision ("’90s", "’n’", "’em"), or a plural
    /// possessive ("workers’ rights") when a later mark can close instead.
    fn is_apostrophe(&self, i: usize) -> bool {
        let m = self.marks[i];
        let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        if alnum(m.prev) && alnum(m.next) {
            return true;
        }
        let after = &self.text[m.end()..self.para.end];
        if !alnum(m.prev) && is_elision(after) {
            return true;
        }
        if matches!(m.prev, Some('s' | 'S'))
            && m.glyph != Glyph::Open
            && after.starts_with(' ')
            && after[1..].starts_with(|c: char| c.is_lowercase())
            && !self.stack.is_empty()
        {
            // "the workers’ rights,’ she said": prefer the later closing mark.
            return self.marks[i + 1..]
                .iter()
                .take(LOOKAHEAD)
                .take_while(|n| !(n.family == Family::Single && n.open_ctx() && !n.close_ctx()))
                .any(|n| n.family == Family::Single && n.glyph != Glyph::Open && n.close_ctx());
        }
        false
    }

    /// Before the first decided mark of a paragraph: a carried quotation
    /// continues when this paragraph reopens (or only closes) it; otherwise
    /// it ends at its own paragraph.
    fn settle_carry(&mut self, m: &Mark, role: &Role) {
        if !self.first_decisive {
            return;
        }
        self.first_decisive = false;
        let Some(carry) = self.carry.take() else {
            return;
        };
        let at_start = self.text[self.para.start..m.pos].trim().is_empty();
        // Only a quotation that opened a clause runs over paragraphs; a
        // phrase quoted inside a sentence and left open ("called the talks
        // “useful.") ends at its paragraph.
        let continues = carry.family == m.family
            && opens_clause(self.text, carry.span.start)
            && ((matches!(role, Role::Open) && at_start) || matches!(role, Role::Orphan));
        if continues {
            self.carry = Some(carry);
        } else {
            end_carry(self.out, carry);
        }
    }

    fn push(&mut self, m: Mark) {
        // A second opening mark of a family already open: the first one was
        // never closed. End it before this one rather than nest.
        if let Some(at) = self.stack.iter().rposition(|o| o.mark.family == m.family) {
            let open = self.stack[at].mark;
            self.stack.truncate(at);
            if self.stack.is_empty() {
                let end = trim_end_pos(self.text, open.end(), m.pos);
                self.emit_unclosed(open, end);
            }
        }
        if self.stack.len() < MAX_DEPTH {
            self.stack.push(Open { mark: m });
        }
    }

    fn close(&mut self, at: usize, m: Mark) {
        let open = self.stack[at].mark;
        self.stack.truncate(at);
        let piece = trimmed(self.text, Span::new(open.end(), m.pos));
        let span = Span::new(open.pos, m.end());
        if !self.stack.is_empty() {
            // A nested quotation: part of the outer one's text, unless the
            // outer "quotation" is a single mark that never closes.
            let under_single = self.stack.iter().all(|o| o.mark.family == Family::Single);
            if under_single && open.family != Family::Single && self.plausible(open.family, piece) {
                self.nested.push((span, piece, open.family));
            }
            return;
        }
        self.nested.clear();
        if !self.plausible(open.family, piece) {
            return;
        }
        self.emit(span, piece, open.family, false, false);
    }

    /// A closing mark with nothing open: the quotation runs from the start
    /// of its sentence, or the end of the previous quotation if later.
    fn orphan(&mut self, m: Mark) {
        if m.family == Family::Single || !self.stack.is_empty() {
            return;
        }
        if m.straight && m.prev.is_some_and(|c| c.is_ascii_digit()) {
            return; // 12" pipe
        }
        let strong_prev = m
            .prev
            .is_some_and(|c| matches!(c, ',' | '.' | '!' | '?' | '…' | '—' | '–' | '-'));
        if m.glyph != Glyph::Close && !strong_prev {
            return;
        }
        // From the start of the sentence the mark closes (the segmenter
        // does not split after the closing punctuation inside the marks).
        let at = self.sentence_starts.partition_point(|&p| p < m.pos);
        let sentence = at.checked_sub(1).map_or(0, |i| self.sentence_starts[i]);
        let start = self.last_end.max(sentence);
        let piece = trimmed(self.text, Span::new(start, m.pos));
        if piece.is_empty() || !has_letter(&self.text[piece.range()]) {
            return;
        }
        let span = Span::new(piece.start, m.end());
        self.emit(span, piece, m.family, false, true);
    }

    fn emit_unclosed(&mut self, open: Mark, end: usize) {
        let piece = trimmed(self.text, Span::new(open.end(), end.max(open.end())));
        if !self.plausible(open.family, piece) {
            return;
        }
        let span = Span::new(open.pos, piece.end.max(open.end()));
        self.emit(span, piece, open.family, true, false);
    }

    /// Records a quotation, merging it into a carried one it continues.
    fn emit(
        &mut self,
        span: Span,
        piece: Span,
        family: Family,
        unclosed: bool,
        open_missing: bool,
    ) {
        self.last_end = span.end;
        if let Some(mut carry) = self.carry.take() {
            if carry.family == family {
                carry.span.end = span.end;
                carry.pieces.push(piece);
                carry.unclosed = unclosed;
                self.out.push(carry);
                return;
            }
            end_carry(self.out, carry);
        }
        self.out.push(RawQuote {
            span,
            pieces: vec![piece],
            family,
            unclosed,
            open_missing,
        });
    }

    /// Quoted text must hold a letter or digit; single quotes must also hold
    /// more than one character (not "’n’").
    fn plausible(&self, family: Family, piece: Span) -> bool {
        let s = &self.text[piece.range()];
        if !s.chars().any(char::is_alphanumeric) {
            return false;
        }
        family != Family::Single || s.chars().nth(1).is_some()
    }

    /// At the paragraph end: the outermost open quotation is unclosed. It is
    /// carried to the next paragraph, which may continue it (when it reopens
    /// with a mark of the same family) or not (then it ends here).
    fn finish(mut self) -> Option<RawQuote> {
        for (span, piece, family) in std::mem::take(&mut self.nested) {
            self.emit(span, piece, family, false, false);
        }
        let carry = self.carry.take();
        let Some(open) = self.stack.first().map(|o| o.mark) else {
            // Nothing left open; a carry this paragraph did not take up ends.
            if let Some(carry) = carry {
                end_carry(self.out, carry);
            }
            return None;
        };
        let piece = trimmed(
            self.text,
            Span::new(open.end(), self.para.end.max(open.end())),
        );
        if !self.plausible(open.family, piece) {
            if let Some(carry) = carry {
                end_carry(self.out, carry);
            }
            return None;
        }
        let end = piece.end.max(open.end());
        if let Some(mut carry) = carry {
            // This paragraph reopened the carried quotation and left it open.
            carry.span.end = end;
            carry.pieces.push(piece);
            return Some(carry);
        }
        Some(RawQuote {
            span: Span::new(open.pos, end),
            pieces: vec![piece],
            family: open.family,
            unclosed: true,
            open_missing: false,
        })
    }
}

/// Does the mark at `pos` open a clause: first in its line, or after a
/// colon, comma, dash or sentence end, rather than inside a sentence?
fn opens_clause(text: &str, pos: usize) -> bool {
    let line = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    text[line..pos]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| {
            matches!(
                c,
                ':' | ',' | '—' | '–' | '-' | '(' | ';' | '.' | '!' | '?' | '…'
            ) || is_quote_char(c)
        })
}

/// Ends a carried quotation that no paragraph continued: an unclosed
/// double quotation is kept up to its paragraph end; an unclosed single one
/// was most likely an apostrophe and is dropped.
fn end_carry(out: &mut Vec<RawQuote>, carry: RawQuote) {
    if !(carry.unclosed && carry.family == Family::Single) {
        out.push(carry);
    }
}

/// Collects the quote marks of one paragraph with their neighbours.
fn collect_marks(text: &str, para: Span, out: &mut Vec<Mark>) {
    let s = &text[para.range()];
    let mut prev: Option<char> = None;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let pos = para.start + i;
        let next_c = iter.peek().map(|&(_, c)| c);
        let mark = match c {
            '"' => Some((Family::Double, Glyph::Either, 1, true)),
            '“' | '‟' | '„' => Some((Family::Double, Glyph::Open, c.len_utf8(), false)),
            '”' => Some((Family::Double, Glyph::Close, c.len_utf8(), false)),
            '«' => Some((Family::Guillemet, Glyph::Open, c.len_utf8(), false)),
            '»' => Some((Family::Guillemet, Glyph::Close, c.len_utf8(), false)),
            '`' if next_c == Some('`') => Some((Family::Double, Glyph::Open, 2, false)),
            '`' => Some((Family::Single, Glyph::Open, 1, false)),
            '\'' if next_c == Some('\'') => Some((Family::Double, Glyph::Either, 2, true)),
            '\'' => Some((Family::Single, Glyph::Either, 1, true)),
            '‘' | '‚' | '‛' => Some((Family::Single, Glyph::Open, c.len_utf8(), false)),
            '’' => Some((Family::Single, Glyph::Close, c.len_utf8(), false)),
            _ => None,
        };
        let Some((family, glyph, len, straight)) = mark else {
            prev = Some(c);
            continue;
        };
        if len == 2 {
            iter.next();
        }
        let next = text[pos + len..para.end].chars().next();
        out.push(Mark {
            pos,
            len,
            family,
            glyph,
            straight,
            prev,
            next,
        });
        prev = Some(if len == 2 { '\'' } else { c });
    }
}

/// Before an opening mark: nothing, white space, an opening bracket, a dash,
/// a colon-like punctuation or another quote mark.
fn is_open_boundary(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || "([{<—–-/:;,".contains(c) || is_quote_char(c),
    }
}

/// After a closing mark: nothing, white space, punctuation or another mark.
fn is_close_boundary(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || ".,;:!?)]}>—–-/…".contains(c) || is_quote_char(c),
    }
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '`' | '“' | '”' | '„' | '‟' | '‘' | '’' | '‚' | '‛' | '«' | '»'
    )
}

/// Text after a mark that makes it an elision apostrophe: a two-digit year
/// ("’90s", "'24") or a clipped word ("’n’", "’em", "’til").
fn is_elision(after: &str) -> bool {
    let b = after.as_bytes();
    if b.len() >= 2 && b[0].is_ascii_digit() && b[1].is_ascii_digit() {
        return !b.get(2).is_some_and(u8::is_ascii_digit);
    }
    const CLIPPED: [&str; 11] = [
        "n", "em", "til", "tis", "twas", "cause", "bout", "round", "cos", "nuff", "n'",
    ];
    let word_len = after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len());
    let word = &after[..word_len];
    CLIPPED.iter().any(|w| word.eq_ignore_ascii_case(w))
        && (word != "n" || after[1..].starts_with(['’', '\'']))
}

fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// `span` shrunk to exclude surrounding white space.
pub(crate) fn trimmed(text: &str, span: Span) -> Span {
    let s = &text[span.range()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    Span::new(span.start + lead, span.start + lead + t.len())
}

fn trim_end_pos(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        let paras = crate::quotes::paragraphs(text);
        let sentences: Vec<usize> = crate::segment::segment(text)
            .sentences
            .iter()
            .map(|s| s.span.start)
            .collect();
        detect(text, &paras, &sentences)
            .iter()
            .map(|q| {
                q.pieces
                    .iter()
                    .map(|p| &text[p.range()])
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect()
    }

    #[test]
    fn styles() {
        assert_eq!(quotes("“We won,” he said."), ["We won,"]);
        assert_eq!(quotes("\"We won,\" he said."), ["We won,"]);
        assert_eq!(quotes("‘We won,’ he said."), ["We won,"]);
        assert_eq!(quotes("'We won,' he said."), ["We won,"]);
        assert_eq!(
            quotes("«Nous avons gagné», a-t-il dit."),
            ["Nous avons gagné"]
        );
        assert_eq!(
            quotes("„Wir schaffen das“, sagte sie."),
            ["Wir schaffen das"]
        );
        assert_eq!(quotes("``We won,'' he said."), ["We won,"]);
        assert_eq!(quotes("''We won,'' he said."), ["We won,"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quotes("Russia’s army, rock ’n’ roll in the ’90s, the workers’ union.").is_empty());
        assert!(quotes("Don't tell O'Brien about the players' fees or the '24 race.").is_empty());
        assert_eq!(
            quotes("‘It’s the workers’ money,’ she said of Reuters’ story."),
            ["It’s the workers’ money,"]
        );
        assert_eq!(
            quotes("Putin says 'no progress' in Russia's talks"),
            ["no progress"]
        );
    }

    #[test]
    fn nested_and_multi_paragraph() {
        assert_eq!(
            quotes("“He called it ‘a disaster’ twice,” she said."),
            ["He called it ‘a disaster’ twice,"]
        );
        assert_eq!(
            quotes("“First part.\n\n“Second part.\n\n“Last part,” he said.\n\nNext."),
            ["First part.\nSecond part.\nLast part,"]
        );
    }

    #[test]
    fn a_missing_opening_mark_costs_only_its_sentence() {
        assert_eq!(
            quotes("Peskov left early. We are not satisfied,” Ushakov insisted."),
            ["We are not satisfied,"]
        );
        // A phrase left open inside a sentence does not run into the next
        // paragraph's quotation.
        assert_eq!(
            quotes("Peskov called the talks \"useful.\n\n\"We will meet again,\" Ushakov said."),
            ["useful.", "We will meet again,"]
        );
        // A quotation that opened its clause still runs over paragraphs.
        assert_eq!(
            quotes("He said: \"First part.\n\n\"Last part,\" he added."),
            ["First part.\nLast part,"]
        );
    }

    #[test]
    fn broken_marks_are_contained() {
        assert_eq!(
            quotes("“Never closed, he said.\n\nOther text. “Fine,” she said."),
            ["Never closed, he said.", "Fine,"]
        );
        assert_eq!(
            quotes("The situation is bad,” Ushakov insisted. “Next,” he said."),
            ["The situation is bad,", "Next,"]
        );
        assert_eq!(
            quotes("“One, he said. “Two,” she said."),
            ["One, he said.", "Two,"]
        );
        assert!(quotes("a 12\" pipe").is_empty());
    }
}
