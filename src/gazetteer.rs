//! The gazetteer: entities (people, places, organizations) and the surface
//! forms that name them, loaded from tab-separated files.
//!
//! File format: UTF-8, `#` comments, a header line naming the columns, one
//! entity per line. Required columns are `id`, `type`, `name`, `aliases`
//! (`|`-separated, may be empty); any further column is kept as an entity
//! property. Well-known optional columns: `wikidata`, `demonyms`
//! (`|`-separated adjectives such as `Russian`), `descriptors`
//! (`|`-separated role phrases such as `Russian president|Kremlin leader`),
//! `gender` (`male`/`female`), `country` (an entity id), `weak`
//! (`|`-separated aliases that need context).

use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// The three kinds of entity newsgraph tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    /// A person.
    Person,
    /// A place: country, territory, region, city.
    Place,
    /// An organization: institution, body, company, outlet, group.
    Organization,
}

impl EntityType {
    /// Parses a type name, accepting the usual NER synonyms
    /// (PER/PERSON, LOC/GPE/PLACE, ORG/ORGANIZATION), case-insensitively.
    ///
    /// ```
    /// use newsgraph::EntityType;
    /// assert_eq!(EntityType::parse("GPE"), Some(EntityType::Place));
    /// assert_eq!(EntityType::parse("org"), Some(EntityType::Organization));
    /// assert_eq!(EntityType::parse("thing"), None);
    /// ```
    pub fn parse(s: &str) -> Option<EntityType> {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" | "per" | "people" => Some(EntityType::Person),
            "place" | "loc" | "location" | "gpe" | "fac" => Some(EntityType::Place),
            "organization" | "organisation" | "org" => Some(EntityType::Organization),
            _ => None,
        }
    }

    /// The lower-case name used in every output.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Place => "place",
            EntityType::Organization => "organization",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Index of an entity in a [`Gazetteer`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityIdx(pub u32);

impl EntityIdx {
    /// The index as `usize`.
    #[inline]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One entity of the gazetteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Stable id (a slug or a Wikidata QID).
    pub id: String,
    /// Kind of entity.
    pub kind: EntityType,
    /// Canonical name.
    pub name: String,
    /// Other names, as listed.
    pub aliases: Vec<String>,
    /// Further columns, by column name.
    pub properties: BTreeMap<String, String>,
}

impl Entity {
    /// A property value, if the column exists and is not empty.
    pub fn property(&self, key: &str) -> Option<&str> {
        self.properties
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// The `|`-separated values of a list property.
    pub fn list_property<'a>(&'a self, key: &str) -> impl Iterator<Item = &'a str> + 'a {
        self.property(key)
            .unwrap_or("")
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }
}

/// A loaded set of entities. Build the matcher from it with
/// [`crate::Tagger::new`]; the gazetteer itself is plain data.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    by_id: std::collections::HashMap<String, EntityIdx>,
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Gazetteer {
        Gazetteer::default()
    }

    /// Adds an entity, or replaces the one with the same id (a later file
    /// extends or overrides an earlier one).
    pub fn insert(&mut self, entity: Entity) -> EntityIdx {
        if let Some(&idx) = self.by_id.get(&entity.id) {
            self.entities[idx.index()] = entity;
            return idx;
        }
        let idx = EntityIdx(self.entities.len() as u32);
        self.by_id.insert(entity.id.clone(), idx);
        self.entities.push(entity);
        idx
    }

    /// The entity at `idx`.
    ///
    /// # Panics
    /// When `idx` did not come from this gazetteer.
    pub fn entity(&self, idx: EntityIdx) -> &Entity {
        &self.entities[idx.index()]
    }

    /// The entity with the given id.
    pub fn get(&self, id: &str) -> Option<EntityIdx> {
        self.by_id.get(id).copied()
    }

    /// All entities, in load order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when no entity is loaded.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}
