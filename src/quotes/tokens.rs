//! A small tokenizer for the bounded windows around a quotation: words,
//! punctuation, and each other quotation collapsed into one token.

use super::cues;
use crate::span::Span;

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
}

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
    let mut qi = quotes.partition_point(|q| q.end <= range.start);
    let mut pos = range.start;
    let end = range.end;
    while pos < end {
        if let Some(q) = quotes.get(qi) {
            if q.start <= pos {
                let qend = q.end.min(end);
                out.push(Tok {
                    span: Span::new(q.start.max(range.start), qend),
                    kind: TokKind::Quote,
                });
                pos = qend.max(pos + 1);
                while pos < end && !text.is_char_boundary(pos) {
                    pos += 1;
                }
                qi += 1;
                continue;
            }
        }
        let limit = quotes.get(qi).map_or(end, |q| q.start.min(end));
        let c = text[pos..].chars().next().unwrap_or(' ');
        let clen = c.len_utf8();
        if c == '\n' {
            if !matches!(out.last(), Some(t) if t.kind == TokKind::Break) {
                out.push(Tok {
                    span: Span::new(pos, pos + 1),
                    kind: TokKind::Break,
                });
            }
            pos += 1;
        } else if c.is_whitespace() {
            pos += clen;
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
            });
            pos = wend;
        } else {
            out.push(Tok {
                span: Span::new(pos, pos + clen),
                kind: TokKind::Punct(c),
            });
            pos += clen;
        }
    }
}

fn word_end(text: &str, start: usize, limit: usize) -> usize {
    let s = &text[start..limit];
    let mut last_end = 0;
    let mut chars = s.char_indices().peekable();
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
