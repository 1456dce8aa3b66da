//! Gazetteer-wide lookup tables that the quote finder consults for every
//! document: built once per gazetteer, on first use, and shared by all
//! threads (never rebuilt per document).

use super::{EntityIdx, EntityType, Gazetteer};
use rustc_hash::FxHashMap;

/// Names and descriptors of a gazetteer, lower case, to the entities that
/// have them.
#[derive(Debug, Default)]
pub(crate) struct Lookup {
    /// Lower-case name, alias or person surname (last word) -> entities.
    names: FxHashMap<String, Vec<EntityIdx>>,
    /// [`descriptor_key`] of a `descriptors` value -> entities listing it.
    descriptors: FxHashMap<String, Vec<EntityIdx>>,
}

impl Lookup {
    pub(crate) fn new(gaz: &Gazetteer) -> Lookup {
        let mut lookup = Lookup::default();
        let mut forms: Vec<String> = Vec::new();
        for (i, ent) in gaz.entities().iter().enumerate() {
            let idx = EntityIdx(i as u32);
            forms.clear();
            forms.extend(
                std::iter::once(&ent.name)
                    .chain(&ent.aliases)
                    .map(|n| n.to_lowercase()),
            );
            if ent.kind == EntityType::Person {
                if let Some(last) = ent.name.rsplit(' ').next() {
                    forms.push(last.to_lowercase());
                }
            }
            forms.sort();
            forms.dedup();
            for f in forms.drain(..) {
                lookup.names.entry(f).or_default().push(idx);
            }
            for d in ent.list_property("descriptors") {
                let owners = lookup.descriptors.entry(descriptor_key(d)).or_default();
                if !owners.contains(&idx) {
                    owners.push(idx);
                }
            }
        }
        lookup
    }

    /// Entities whose name, alias or (for people) surname is `lower`.
    pub(crate) fn named(&self, lower: &str) -> &[EntityIdx] {
        self.names.get(lower).map_or(&[], Vec::as_slice)
    }

    /// Entities listing a descriptor with this [`descriptor_key`].
    pub(crate) fn described(&self, key: &str) -> &[EntityIdx] {
        self.descriptors.get(key).map_or(&[], Vec::as_slice)
    }
}

/// A word without its possessive ending: "Putin's" -> "Putin".
pub(crate) fn possessive_stem(w: &str) -> &str {
    strip_all(strip_all(w, "'s"), "’s").trim_end_matches(['\'', '’'])
}

/// `w.trim_end_matches(suffix)` without building a substring searcher.
fn strip_all<'a>(mut w: &'a str, suffix: &str) -> &'a str {
    while let Some(rest) = w.strip_suffix(suffix) {
        w = rest;
    }
    w
}

/// A descriptor as compared: lower case, possessives dropped ("Putin's
/// spokesman" and "putin spokesman" are one key).
pub(crate) fn descriptor_key(d: &str) -> String {
    let mut key = String::with_capacity(d.len());
    for w in d.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(possessive_stem(w).chars().flat_map(char::to_lowercase));
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessive_stem_trims_like_trim_end_matches() {
        for w in [
            "Russia's",
            "workers’",
            "'s's",
            "’s’s'",
            "s",
            "",
            "'",
            "Putin’s",
            "boss's's",
        ] {
            let want = w
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .trim_end_matches(['\'', '’']);
            assert_eq!(possessive_stem(w), want, "{w}");
        }
    }
}
