//! Segmentation into paragraphs and sentences.
//!
//! A paragraph ends at a line break (a blank line or a single newline
//! between paragraphs). A sentence ends at `.`, `!` or `?` (and any closing
//! quotes or brackets after it) followed by white space and a capital,
//! digit or opening quote, except after abbreviations (`Mr.`, `Dr.`,
//! `U.S.`, `Jan.`), initials (`J. K. Rowling`), decimals and ellipses.

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
pub fn segment(text: &str) -> Segments {
    let mut segs = Segments::default();
    for para in paragraphs(text) {
        let pidx = segs.paragraphs.len() as u32;
        segs.paragraphs.push(para);
        split_sentences(text, para, pidx, &mut segs.sentences);
    }
    segs
}

/// Paragraph spans: runs of text between line breaks, trimmed.
fn paragraphs(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut pos = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let start = pos;
        pos += line.len();
        trim_span(text, Span::new(start, start + line.len()))
    })
}

fn trim_span(text: &str, span: Span) -> Option<Span> {
    let s = &text[span.range()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    (!trimmed.is_empty()).then(|| Span::new(span.start + lead, span.start + lead + trimmed.len()))
}

fn split_sentences(text: &str, para: Span, pidx: u32, out: &mut Vec<Sentence>) {
    if let Some(span) = trim_span(text, para) {
        out.push(Sentence {
            span,
            paragraph: pidx,
        });
    }
}
