//! Byte spans and offset maps.
//!
//! Every position newsgraph reports is a UTF-8 byte offset into the
//! document's original text. Stages that rewrite text (repair, folding for
//! matching) keep an [`OffsetMap`] from the rewritten text back to the text
//! it came from, so spans found in rewritten text can be reported in the
//! original.

use serde::Serialize;

/// A half-open byte range `start..end` into a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Creates a span; `start` must not exceed `end`.
    ///
    /// ```
    /// let s = newsgraph::Span::new(2, 5);
    /// assert_eq!(s.len(), 3);
    /// assert_eq!(&"a quick fox"[s.range()], "qui");
    /// ```
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    /// Number of bytes covered.
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a range, for slicing.
    #[inline]
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// True when `other` lies entirely inside this span.
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// One rewritten piece: `derived[d .. d + d_len]` stands for `source[s .. s + s_len]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Edit {
    d: usize,
    d_len: usize,
    s: usize,
    s_len: usize,
}

/// Maps byte offsets in a derived text back to the source text it was
/// rewritten from.
///
/// The map is sparse: it stores only the rewritten pieces; text copied
/// unchanged costs nothing. An identity map (no rewrite) is empty.
///
/// ```
/// use newsgraph::{OffsetMapBuilder, Span};
/// // source "Caf\u{e9} au lait" folded to "cafe au lait": 'é' (2 bytes) became 'e' (1 byte).
/// let mut b = OffsetMapBuilder::new();
/// b.copy(3);
/// b.replace(1, 2);
/// b.copy(8);
/// let map = b.finish();
/// assert_eq!(map.span_to_source(Span::new(0, 4)), Span::new(0, 5));
/// assert_eq!(map.span_to_source(Span::new(5, 7)), Span::new(6, 8));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    edits: Vec<Edit>,
}

impl OffsetMap {
    /// The map of a text that was not rewritten.
    pub fn identity() -> OffsetMap {
        OffsetMap::default()
    }

    /// True when derived and source offsets are the same everywhere.
    pub fn is_identity(&self) -> bool {
        self.edits.iter().all(|e| e.d == e.s && e.d_len == e.s_len)
    }

    /// The source offset where a span starting at derived offset `pos` starts.
    pub fn start_to_source(&self, pos: usize) -> usize {
        self.to_source(pos, false)
    }

    /// The source offset where a span ending at derived offset `pos` ends.
    pub fn end_to_source(&self, pos: usize) -> usize {
        self.to_source(pos, true)
    }

    /// Maps a derived span to the source span it came from. A span that
    /// starts or ends inside a rewritten piece widens to cover all of it.
    pub fn span_to_source(&self, span: Span) -> Span {
        let start = self.start_to_source(span.start);
        let end = self.end_to_source(span.end).max(start);
        Span::new(start, end)
    }

    fn to_source(&self, pos: usize, is_end: bool) -> usize {
        // Last edit starting at or before pos (for an end, strictly before,
        // so an end at an edit's first byte stays outside it).
        let idx = self
            .edits
            .partition_point(|e| if is_end { e.d < pos } else { e.d <= pos });
        if idx == 0 {
            return pos;
        }
        let e = self.edits[idx - 1];
        let d_end = e.d + e.d_len;
        if pos >= d_end {
            e.s + e.s_len + (pos - d_end)
        } else if is_end {
            e.s + e.s_len
        } else {
            e.s
        }
    }
}

/// Builds an [`OffsetMap`] while a derived text is written left to right.
#[derive(Debug, Default)]
pub struct OffsetMapBuilder {
    edits: Vec<Edit>,
    d: usize,
    s: usize,
}

impl OffsetMapBuilder {
    /// A builder at offset 0 of both texts.
    pub fn new() -> OffsetMapBuilder {
        OffsetMapBuilder::default()
    }

    /// `len` bytes were copied unchanged.
    #[inline]
    pub fn copy(&mut self, len: usize) {
        self.d += len;
        self.s += len;
    }

    /// `source_len` source bytes were written as `derived_len` derived bytes.
    #[inline]
    pub fn replace(&mut self, derived_len: usize, source_len: usize) {
        if derived_len == source_len && derived_len > 0 {
            // Same length: offsets stay aligned, nothing to record.
            self.d += derived_len;
            self.s += source_len;
            return;
        }
        self.edits.push(Edit {
            d: self.d,
            d_len: derived_len,
            s: self.s,
            s_len: source_len,
        });
        self.d += derived_len;
        self.s += source_len;
    }

    /// Current derived offset.
    pub fn derived_len(&self) -> usize {
        self.d
    }

    /// Current source offset.
    pub fn source_len(&self) -> usize {
        self.s
    }

    /// The finished map.
    pub fn finish(self) -> OffsetMap {
        OffsetMap { edits: self.edits }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_every_offset_to_itself() {
        let m = OffsetMap::identity();
        for i in 0..10 {
            assert_eq!(m.start_to_source(i), i);
            assert_eq!(m.end_to_source(i), i);
        }
        assert!(m.is_identity());
    }

    #[test]
    fn deletion_and_insertion() {
        // source: "a\u{ad}bc" (soft hyphen, 2 bytes, deleted) -> derived "abc"
        let mut b = OffsetMapBuilder::new();
        b.copy(1);
        b.replace(0, 2);
        b.copy(2);
        let m = b.finish();
        assert_eq!(m.span_to_source(Span::new(0, 3)), Span::new(0, 5));
        assert_eq!(m.span_to_source(Span::new(1, 3)), Span::new(3, 5));
        assert_eq!(m.span_to_source(Span::new(0, 1)), Span::new(0, 1));
        // growth: 1 source byte -> 3 derived bytes
        let mut b = OffsetMapBuilder::new();
        b.copy(2);
        b.replace(3, 1);
        b.copy(1);
        let m = b.finish();
        assert_eq!(m.span_to_source(Span::new(2, 5)), Span::new(2, 3));
        assert_eq!(m.span_to_source(Span::new(3, 4)), Span::new(2, 3));
        assert_eq!(m.span_to_source(Span::new(5, 6)), Span::new(3, 4));
    }

    #[test]
    fn adjacent_edits_stay_precise() {
        // "\u{e7}\u{e3}o" folded to "cao": each 2-byte letter became 1 byte.
        let mut b = OffsetMapBuilder::new();
        b.replace(1, 2);
        b.replace(1, 2);
        b.copy(1);
        let m = b.finish();
        assert_eq!(m.span_to_source(Span::new(0, 3)), Span::new(0, 5));
        assert_eq!(m.span_to_source(Span::new(1, 2)), Span::new(2, 4));
        assert_eq!(m.span_to_source(Span::new(2, 3)), Span::new(4, 5));
    }
}
