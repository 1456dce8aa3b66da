//! `suggest`: names a reader would tag that the gazetteer missed.
//!
//! Capitalized word sequences that no gazetteer mention covers are
//! collected with the cues that make them names: a title before them
//! ("Health Minister Ana Costa"), a reporting verb next to them ("Costa
//! said", "said Costa"), an apposition ("Ana Costa, a spokeswoman for"),
//! an organization suffix ("Northwind Energy Ltd.", "Green Party"), a
//! preposition of place ("in Tarvos"). Candidates are ranked by how often
//! they were cued, then by frequency, and printed as gazetteer rows.

use crate::gazetteer::{english_words, EntityType};
use crate::normalize::repair;
use crate::pipeline::{slug, Pipeline};
use crate::segment::segment;
use crate::span::Span;
use crate::tag::is_title_word;
use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

/// One suggested entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The name as written most often.
    pub name: String,
    /// The guessed type.
    pub kind: EntityType,
    /// Occurrences over all documents.
    pub count: u64,
    /// Occurrences with a cue.
    pub cued: u64,
    /// Up to two example sentences.
    pub examples: Vec<String>,
}

/// Collects suggestions over documents.
#[derive(Debug, Default)]
pub struct Suggester {
    found: HashMap<String, Entry>,
}

#[derive(Debug, Default)]
struct Entry {
    count: u64,
    cued: u64,
    votes: [u32; 3],
    examples: Vec<String>,
}

const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "noted",
    "stated",
    "wrote",
    "warned",
    "argued",
    "insisted",
    "stressed",
    "explained",
    "announced",
    "declared",
    "claimed",
    "replied",
    "responded",
    "tweeted",
    "posted",
    "urged",
    "acknowledged",
    "admitted",
    "confirmed",
    "denied",
];

const ROLE_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "official",
    "director",
    "chief",
    "head",
    "leader",
    "adviser",
    "advisor",
    "analyst",
    "professor",
    "researcher",
    "nurse",
    "doctor",
    "lawyer",
    "member",
    "chairman",
    "chairwoman",
    "president",
    "executive",
    "founder",
    "commander",
    "economist",
    "ambassador",
    "senator",
    "mayor",
    "governor",
];

const ORG_SUFFIXES: &[&str] = &[
    "Inc",
    "Inc.",
    "Ltd",
    "Ltd.",
    "Corp",
    "Corp.",
    "LLC",
    "PLC",
    "AG",
    "SA",
    "GmbH",
    "Party",
    "Ministry",
    "Agency",
    "Council",
    "Bank",
    "University",
    "Group",
    "Institute",
    "Company",
    "Committee",
    "Commission",
    "Association",
    "Foundation",
    "Organization",
    "Organisation",
    "Union",
    "Front",
    "Army",
    "Movement",
    "Court",
    "Fund",
    "Authority",
    "Service",
    "Office",
    "Department",
    "Federation",
    "Airlines",
    "Network",
    "Alliance",
    "Coalition",
    "Brigade",
    "Forces",
    "Police",
    "Times",
    "Post",
    "News",
    "Press",
    "Holdings",
    "Industries",
    "Energy",
];

const PLACE_PREPOSITIONS: &[&str] = &["in", "from", "near", "to", "across", "outside", "inside"];

/// Capitalized words that start sentences or name days and months, never
/// entities on their own.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "My",
    "There",
    "Here",
    "When",
    "While",
    "After",
    "Before",
    "If",
    "As",
    "Asked",
    "According",
    "However",
    "Meanwhile",
    "Still",
    "Yet",
    "So",
    "Some",
    "Many",
    "Most",
    "Both",
    "All",
    "No",
    "Not",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Officials",
    "Police",
    "Reporters",
    "For",
    "With",
    "From",
    "To",
    "By",
    "Of",
    "Under",
    "Over",
    "Since",
    "During",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
];

const CONNECTORS: &[&str] = &[
    "of", "de", "von", "van", "der", "al", "bin", "la", "du", "da", "del", "for", "and",
];

#[derive(Clone, Copy)]
struct Word<'a> {
    span: Span,
    text: &'a str,
    /// Punctuation right after the word (a comma or period ends a run).
    stop_after: bool,
}

fn words(text: &str, sentence: Span) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let s = &text[sentence.range()];
    let mut pos = sentence.start;
    for raw in s.split_whitespace() {
        let start = pos + text[pos..].find(raw).unwrap_or(0);
        pos = start + raw.len();
        let lead = raw.len()
            - raw
                .trim_start_matches(['"', '\'', '(', '[', '\u{201C}', '\u{2018}'])
                .len();
        let core = raw[lead..].trim_end_matches([
            '"', '\'', ')', ']', ',', ';', ':', '!', '?', '\u{201D}', '\u{2019}',
        ]);
        let core = core
            .strip_suffix("'s")
            .or_else(|| core.strip_suffix("\u{2019}s"))
            .unwrap_or(core);
        let keep_dot =
            ORG_SUFFIXES.contains(&core) || core.len() <= 3 && core.matches('.').count() >= 1;
        let core = if keep_dot {
            core
        } else {
            core.trim_end_matches('.')
        };
        if core.is_empty() {
            continue;
        }
        let stop_after = raw[lead + core.len()..].starts_with([',', '.', ';', ':', '!', '?']);
        out.push(Word {
            span: Span::new(start + lead, start + lead + core.len()),
            text: core,
            stop_after,
        });
    }
    out
}

fn capitalized(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && w.chars().any(char::is_alphabetic)
}

impl Suggester {
    /// A new, empty collector.
    pub fn new() -> Suggester {
        Suggester::default()
    }

    /// Collects the candidates in one document.
    pub fn add(&mut self, pipeline: &Pipeline, original: &str) {
        let repaired = repair(original);
        let text: &str = &repaired.text;
        let segs = segment(text);
        let mentions = pipeline.tagger().tag(text, &segs);
        for sentence in &segs.sentences {
            let ws = words(text, sentence.span);
            let mut i = 0;
            while i < ws.len() {
                // A sentence's first word is capitalized anyway: an ordinary
                // English word there ("Residents of Tarvos") starts no name.
                let common_opener =
                    i == 0 && english_words().contains(ws[i].text.to_lowercase().as_str());
                if common_opener
                    || !capitalized(ws[i].text)
                    || NOT_NAMES.contains(&ws[i].text)
                    || is_title_word(ws[i].text)
                {
                    i += 1;
                    continue;
                }
                // Extend the run over capitals and inner connectors.
                let mut j = i;
                while !ws[j].stop_after && j + 1 < ws.len() {
                    if capitalized(ws[j + 1].text) && !NOT_NAMES.contains(&ws[j + 1].text) {
                        j += 1;
                    } else if j + 2 < ws.len()
                        && CONNECTORS.contains(&ws[j + 1].text)
                        && !ws[j + 1].stop_after
                        && capitalized(ws[j + 2].text)
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
                let run = Span::new(ws[i].span.start, ws[j].span.end);
                let next_i = j + 1;
                if j - i >= 5 || mentions.iter().any(|m| m.span.overlaps(run)) {
                    i = next_i;
                    continue;
                }
                let name = &text[run.range()];
                let (kind, cued) = guess(&ws, i, j);
                let sentence_initial = i == 0;
                if cued || !sentence_initial || i != j {
                    let e = self.found.entry(name.to_string()).or_default();
                    e.count += 1;
                    if let Some(k) = kind {
                        e.votes[k as usize] += 1;
                    }
                    if cued {
                        e.cued += 1;
                    }
                    if e.examples.len() < 2 {
                        let s: String = text[sentence.span.range()].chars().take(160).collect();
                        e.examples.push(s);
                    }
                }
                i = next_i;
            }
        }
    }

    /// Ranked suggestions: cued at least once, or seen three times. A lone
    /// word that is the last word of a suggested multi-word name ("Costa"
    /// after "Ana Costa") is counted as that name.
    pub fn finish(mut self) -> Vec<Suggestion> {
        let singles: Vec<String> = self
            .found
            .keys()
            .filter(|k| !k.contains(' '))
            .cloned()
            .collect();
        for single in singles {
            let mut owners = self
                .found
                .keys()
                .filter(|k| k.contains(' ') && k.rsplit(' ').next() == Some(single.as_str()));
            let (Some(owner), None) = (owners.next().cloned(), owners.next()) else {
                continue;
            };
            if let Some(e) = self.found.remove(&single) {
                let o = self.found.get_mut(&owner).expect("owner exists");
                o.count += e.count;
                o.cued += e.cued;
            }
        }
        let mut out: Vec<Suggestion> = self
            .found
            .into_iter()
            .filter(|(_, e)| e.cued > 0 || e.count >= 3)
            .map(|(name, e)| {
                let kinds = [
                    EntityType::Person,
                    EntityType::Place,
                    EntityType::Organization,
                ];
                let best = (0..3)
                    .max_by_key(|&k| (e.votes[k], std::cmp::Reverse(k)))
                    .unwrap_or(0);
                let kind = if e.votes[best] == 0 {
                    EntityType::Organization
                } else {
                    kinds[best]
                };
                Suggestion {
                    name,
                    kind,
                    count: e.count,
                    cued: e.cued,
                    examples: e.examples,
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.cued
                .cmp(&a.cued)
                .then(b.count.cmp(&a.count))
                .then(a.name.cmp(&b.name))
        });
        out
    }
}

/// The type a run's context suggests, and whether any cue was present.
fn guess(ws: &[Word<'_>], i: usize, j: usize) -> (Option<EntityType>, bool) {
    let last = ws[j].text;
    if ORG_SUFFIXES.contains(&last) {
        return (Some(EntityType::Organization), true);
    }
    let before = i.checked_sub(1).map(|k| ws[k].text.to_lowercase());
    let after = ws.get(j + 1).map(|w| w.text.to_lowercase());
    let multi = j > i;
    if before.as_deref().is_some_and(is_title_word) && multi {
        return (Some(EntityType::Person), true);
    }
    let reporting = |w: &Option<String>| w.as_deref().is_some_and(|w| REPORTING.contains(&w));
    if reporting(&after) || reporting(&before) && !ws[i].text.is_empty() {
        return (
            Some(if multi {
                EntityType::Person
            } else {
                EntityType::Organization
            }),
            true,
        );
    }
    // Apposition: "Ana Costa, a spokeswoman for ..."
    if ws[j].stop_after {
        let window: Vec<String> = ws[j + 1..ws.len().min(j + 5)]
            .iter()
            .map(|w| w.text.to_lowercase())
            .collect();
        if window
            .first()
            .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "the"))
            && window.iter().any(|w| ROLE_NOUNS.contains(&w.as_str()))
        {
            return (Some(EntityType::Person), true);
        }
    }
    if before
        .as_deref()
        .is_some_and(|b| PLACE_PREPOSITIONS.contains(&b))
    {
        return (Some(EntityType::Place), true);
    }
    (None, false)
}

/// Writes suggestions as a gazetteer file: a comment saying what it is,
/// the header `id type name aliases`, and for each suggestion a `#`
/// comment with its counts and an example sentence followed by its row.
///
/// The output loads as it is (`newsgraph build -g suggestions.tsv`), and
/// its rows, having the four required columns and nothing else, can be
/// pasted under any gazetteer's header of those columns. Ids are slugs of
/// the names, made unique with `-2`, `-3`, ... when two names give the
/// same slug.
///
/// ```
/// use newsgraph::suggest::{write_suggestions, Suggestion};
/// use newsgraph::EntityType;
/// let s = Suggestion {
///     name: "Ana Costa".into(),
///     kind: EntityType::Person,
///     count: 3,
///     cued: 2,
///     examples: vec!["Ana Costa said so.".into()],
/// };
/// let mut out = Vec::new();
/// write_suggestions(&[s], &mut out).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.ends_with("id\ttype\tname\taliases\n# count 3, cued 2: Ana Costa said so.\nana-costa\tperson\tAna Costa\t\n"));
/// let g = newsgraph::Gazetteer::from_tsv_str("suggestions.tsv", &text).unwrap();
/// assert_eq!(g.entities()[0].name, "Ana Costa");
/// ```
pub fn write_suggestions(list: &[Suggestion], w: &mut dyn Write) -> io::Result<()> {
    writeln!(
        w,
        "# Names the gazetteer missed (newsgraph suggest), most often cued first."
    )?;
    writeln!(
        w,
        "# Review every row: the comment above it gives how often the name was seen and cued."
    )?;
    writeln!(w, "id\ttype\tname\taliases")?;
    let mut ids: HashSet<String> = HashSet::new();
    for s in list {
        let one_line = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let name = one_line(&s.name);
        write!(w, "# count {}, cued {}", s.count, s.cued)?;
        match s.examples.first() {
            Some(example) => writeln!(w, ": {}", one_line(example))?,
            None => writeln!(w)?,
        }
        writeln!(w, "{}\t{}\t{}\t", unique_id(&mut ids, &name), s.kind, name)?;
    }
    Ok(())
}

/// The slug of `name`, or its first free variant `slug-2`, `slug-3`, ...
fn unique_id(taken: &mut HashSet<String>, name: &str) -> String {
    let mut base = slug(name);
    if base.is_empty() {
        base = "suggestion".to_string();
    }
    let mut id = base.clone();
    let mut n = 2u64;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}
