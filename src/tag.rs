//! Tagging: one Aho-Corasick automaton over folded text finds every
//! gazetteer surface form; rules for word boundaries, case, possessives,
//! derived person forms and ambiguity decide which candidates are mentions.

use crate::gazetteer::EntityIdx;
use crate::span::Span;

/// One mention of an entity in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte span of the name (without a possessive `'s`) in the text the
    /// tagger was given.
    pub span: Span,
    /// The entity, or `None` when the surface form is ambiguous and nothing
    /// in the document decided it (see `candidates`).
    pub entity: Option<EntityIdx>,
    /// For an ambiguous mention, the entities it may refer to.
    pub candidates: Vec<EntityIdx>,
    /// Role words before a person's name ("Kremlin aide", "President").
    pub title: Option<Span>,
    /// True when the mention is a demonym or adjective ("Russian").
    pub demonym: bool,
    /// Index of the sentence the mention starts in.
    pub sentence: u32,
}
