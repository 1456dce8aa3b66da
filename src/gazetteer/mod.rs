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

pub mod check;
pub(crate) mod lookup;
pub mod spacy;

use crate::error::{Error, Result};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

/// The default gazetteer's files, embedded at build time: (name, contents).
const EMBEDDED: &[(&str, &str)] = &[
    (
        "gazetteer/places.tsv",
        include_str!("../../gazetteer/places.tsv"),
    ),
    (
        "gazetteer/organizations.tsv",
        include_str!("../../gazetteer/organizations.tsv"),
    ),
    (
        "gazetteer/people.tsv",
        include_str!("../../gazetteer/people.tsv"),
    ),
];

/// Lower-case English words (Debian's wamerican), used to decide which
/// aliases are ordinary words.
const ENGLISH_WORDS: &str = include_str!("../../gazetteer/english-words.txt");

/// Columns every gazetteer file must have.
const REQUIRED_COLUMNS: [&str; 4] = ["id", "type", "name", "aliases"];

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
    by_id: HashMap<String, EntityIdx>,
    /// Built on first use, cleared by every change.
    lookup: OnceLock<std::sync::Arc<lookup::Lookup>>,
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Gazetteer {
        Gazetteer::default()
    }

    /// The embedded default gazetteer (the files in `gazetteer/`).
    ///
    /// ```
    /// let g = newsgraph::Gazetteer::default_gazetteer();
    /// assert!(g.get("russia").is_some());
    /// ```
    pub fn default_gazetteer() -> Gazetteer {
        let mut g = Gazetteer::new();
        for (name, text) in EMBEDDED {
            // The embedded files are checked by the test suite; a failure
            // here is a build defect, not a user error.
            g.load_tsv_str(name, text)
                .unwrap_or_else(|e| panic!("embedded gazetteer is invalid: {e}"));
        }
        g
    }

    /// Parses one gazetteer file's contents into a new gazetteer.
    ///
    /// ```
    /// let tsv = "id\ttype\tname\taliases\nnato\torganization\tNATO\tNorth Atlantic Treaty Organization\n";
    /// let g = newsgraph::Gazetteer::from_tsv_str("inline", tsv).unwrap();
    /// assert_eq!(g.entity(g.get("nato").unwrap()).aliases, ["North Atlantic Treaty Organization"]);
    /// ```
    pub fn from_tsv_str(origin: &str, text: &str) -> Result<Gazetteer> {
        let mut g = Gazetteer::new();
        g.load_tsv_str(origin, text)?;
        Ok(g)
    }

    /// Loads a gazetteer file, or every `.tsv` file in a directory (sorted),
    /// adding to and overriding this gazetteer.
    pub fn load_path(&mut self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let md = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if md.is_dir() {
            let mut files = Vec::new();
            for entry in std::fs::read_dir(path).map_err(|e| Error::io(path, e))? {
                let p = entry.map_err(|e| Error::io(path, e))?.path();
                if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("tsv")) {
                    files.push(p);
                }
            }
            files.sort();
            if files.is_empty() {
                return Err(
                    Error::config("directory holds no .tsv gazetteer files").with_path(path)
                );
            }
            for f in files {
                self.load_file(&f)?;
            }
            Ok(())
        } else {
            self.load_file(path)
        }
    }

    fn load_file(&mut self, path: &Path) -> Result<()> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            Error::config("gazetteer is not valid UTF-8")
                .with_path(path)
                .with_byte(e.valid_up_to() as u64)
        })?;
        self.load_tsv_str(&path.to_string_lossy(), text)
    }

    /// Loads gazetteer rows from `text`; `origin` names the source in errors.
    /// An entity whose id is already loaded is extended: its aliases are
    /// united, and non-empty new values override name, type and properties
    /// (a replaced name stays an alias).
    pub fn load_tsv_str(&mut self, origin: &str, text: &str) -> Result<()> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut header: Option<Vec<String>> = None;
        let mut cols = [0usize; 4];
        for (i, line) in text.lines().enumerate() {
            let lineno = i as u64 + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let Some(names) = &header else {
                let names: Vec<String> = fields
                    .iter()
                    .map(|f| f.trim().to_ascii_lowercase())
                    .collect();
                for (slot, req) in cols.iter_mut().zip(REQUIRED_COLUMNS) {
                    *slot = names.iter().position(|n| n == req).ok_or_else(|| {
                        Error::gazetteer(origin, lineno, format!(
                            "header lacks the required column `{req}` (need id, type, name, aliases, tab-separated)"
                        ))
                    })?;
                }
                header = Some(names);
                continue;
            };
            if fields.len() != names.len() {
                return Err(Error::gazetteer(
                    origin,
                    lineno,
                    format!(
                        "expected {} tab-separated columns as in the header, found {}",
                        names.len(),
                        fields.len()
                    ),
                ));
            }
            let entity = parse_row(names, &cols, &fields)
                .map_err(|m| Error::gazetteer(origin, lineno, m))?;
            self.merge(entity);
        }
        if header.is_none() && !text.trim().is_empty() {
            return Err(Error::gazetteer(origin, 1, "no header line"));
        }
        Ok(())
    }

    fn merge(&mut self, new: Entity) {
        self.lookup = OnceLock::new();
        let Some(&idx) = self.by_id.get(&new.id) else {
            self.insert(new);
            return;
        };
        let old = &mut self.entities[idx.index()];
        old.kind = new.kind;
        // The name it replaces stays a form of the entity.
        if old.name != new.name {
            let previous = std::mem::replace(&mut old.name, new.name);
            if !old.aliases.contains(&previous) {
                old.aliases.push(previous);
            }
        }
        old.aliases.retain(|a| *a != old.name);
        for a in new.aliases {
            if !old.aliases.contains(&a) {
                old.aliases.push(a);
            }
        }
        for (k, v) in new.properties {
            if !v.is_empty() {
                old.properties.insert(k, v);
            }
        }
    }

    /// Adds an entity, or replaces the one with the same id.
    pub fn insert(&mut self, entity: Entity) -> EntityIdx {
        self.lookup = OnceLock::new();
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

    /// The lookup tables of names and descriptors, built once.
    pub(crate) fn lookup(&self) -> &lookup::Lookup {
        self.lookup
            .get_or_init(|| std::sync::Arc::new(lookup::Lookup::new(self)))
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

fn parse_row(
    names: &[String],
    cols: &[usize; 4],
    fields: &[&str],
) -> std::result::Result<Entity, String> {
    let id = fields[cols[0]].trim();
    if id.is_empty() {
        return Err("empty id".into());
    }
    if id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("id `{id}` contains white space"));
    }
    let kind_raw = fields[cols[1]].trim();
    let kind = EntityType::parse(kind_raw)
        .ok_or_else(|| format!("unknown type `{kind_raw}` (use person, place or organization)"))?;
    let name = fields[cols[2]].trim();
    if name.is_empty() {
        return Err(format!("entity `{id}` has an empty name"));
    }
    let aliases = split_list(fields[cols[3]])
        .filter(|a| *a != name)
        .map(str::to_string)
        .collect();
    let properties = names
        .iter()
        .zip(fields)
        .enumerate()
        .filter(|(i, _)| !cols.contains(i))
        .map(|(_, (k, v))| (k.clone(), v.trim().to_string()))
        .collect();
    Ok(Entity {
        id: id.to_string(),
        kind,
        name: name.to_string(),
        aliases,
        properties,
    })
}

/// Splits a `|`-separated list, dropping empty items.
pub(crate) fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// The ordinary lower-case English words, sorted byte-wise in the embedded
/// file, so a lookup is a binary search and start-up hashes nothing.
pub(crate) struct EnglishWords(Vec<&'static str>);

impl EnglishWords {
    /// True when `word` (lower case) is an ordinary English word.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.0.binary_search(&word).is_ok()
    }
}

/// The embedded English word list.
pub(crate) fn english_words() -> &'static EnglishWords {
    static WORDS: std::sync::OnceLock<EnglishWords> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<&'static str> = ENGLISH_WORDS
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty() && !w.starts_with('#'))
            .collect();
        if !words.is_sorted() {
            words.sort_unstable();
        }
        EnglishWords(words)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id\ttype\tname\taliases\twikidata\n";

    #[test]
    fn malformed_lines_name_origin_and_line() {
        let cases = [
            (
                "id\ttype\tname\n",
                "people.tsv:1: header lacks the required column `aliases`",
            ),
            (
                "# c\nid\ttype\tname\taliases\nx\tperson\tX\n",
                "people.tsv:3: expected 4 tab-separated columns as in the header, found 3",
            ),
            (
                "id\ttype\tname\taliases\nx\tthing\tX\t\n",
                "people.tsv:2: unknown type `thing`",
            ),
            (
                "id\ttype\tname\taliases\n\tperson\tX\t\n",
                "people.tsv:2: empty id",
            ),
            (
                "id\ttype\tname\taliases\nx\tperson\t \t\n",
                "people.tsv:2: entity `x` has an empty name",
            ),
            (
                "x\tperson\tX\t\n",
                "people.tsv:1: header lacks the required column `id`",
            ),
        ];
        for (text, want) in cases {
            let err = Gazetteer::from_tsv_str("people.tsv", text)
                .unwrap_err()
                .to_string();
            assert!(
                err.starts_with(want),
                "{text:?}: got {err:?}, want {want:?}"
            );
        }
    }

    #[test]
    fn synonyms_properties_and_overrides() {
        let mut g = Gazetteer::from_tsv_str(
            "a",
            &format!("{HEADER}nato\tORG\tNATO\tNorth Atlantic Treaty Organization\tQ7184\nkyiv\tGPE\tKyiv\tKiev\t\n"),
        )
        .unwrap();
        let nato = g.get("nato").unwrap();
        assert_eq!(g.entity(nato).kind, EntityType::Organization);
        assert_eq!(g.entity(nato).property("wikidata"), Some("Q7184"));
        assert_eq!(g.entity(g.get("kyiv").unwrap()).property("wikidata"), None);
        g.load_tsv_str(
            "b",
            "id\ttype\tname\taliases\tnote\nnato\torg\tNATO\tthe Alliance\tuser row\n",
        )
        .unwrap();
        let e = g.entity(nato);
        assert_eq!(
            e.aliases,
            ["North Atlantic Treaty Organization", "the Alliance"]
        );
        assert_eq!(e.property("note"), Some("user row"));
        assert_eq!(e.property("wikidata"), Some("Q7184"));
        assert_eq!(g.len(), 2);
        // A new canonical name keeps the old one as an alias.
        g.load_tsv_str("c", "id\ttype\tname\taliases\nkyiv\tplace\tKyiv City\t\n")
            .unwrap();
        let e = g.entity(g.get("kyiv").unwrap());
        assert_eq!(e.name, "Kyiv City");
        assert_eq!(e.aliases, ["Kiev", "Kyiv"]);
    }

    #[test]
    fn embedded_default_loads() {
        let g = Gazetteer::default_gazetteer();
        assert!(g.len() > 10);
        assert!(english_words().contains("turkey"));
        assert!(!english_words().contains("kyiv"));
    }
}
