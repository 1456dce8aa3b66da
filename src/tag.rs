//! Tagging: one Aho-Corasick automaton over folded text finds every
//! gazetteer surface form; rules for word boundaries, case, possessives,
//! derived person forms and ambiguity decide which candidates are mentions.
//!
//! The steps for one text:
//! 1. fold the text (lower case, accents, apostrophes; see
//!    [`crate::normalize::fold`]) and run the automaton over it, collecting
//!    every overlapping candidate;
//! 2. keep candidates with a word boundary on both sides (a possessive `'s`
//!    or a hyphen is a boundary; a name glued to a following common word,
//!    as in `Peskovwho`, counts too) whose original characters satisfy the
//!    surface form's case rule;
//! 3. choose leftmost-longest among them;
//! 4. resolve each chosen span to one entity: weak forms (a surname that is
//!    an English word or shared by several people, aliases marked weak)
//!    need context, ambiguous forms are decided by the document's other
//!    mentions or reported as ambiguous.

use crate::error::{Error, Result};
use crate::gazetteer::{english_words, EnglishWords, EntityIdx, EntityType, Gazetteer};
use crate::normalize::{fold_into, fold_str};
use crate::segment::Segments;
use crate::span::{OffsetMapBuilder, Span};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap as FastMap;
use std::borrow::Cow;
use std::collections::HashMap;

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

/// How a surface form came to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FormKind {
    /// The canonical name or a listed alias.
    Listed,
    /// A surname derived from a person's full name.
    Surname,
    /// A demonym or adjective of a place.
    Demonym,
}

/// Which capitalizations of a surface form count as a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CaseRule {
    /// Short acronym (`US`, `WHO`, `U.S.`): upper case only.
    Upper,
    /// Longer acronym (`NATO`): upper case or title case (`Nato`).
    UpperOrTitle,
    /// A name: each capitalized word of the form is capitalized in the
    /// text (all-caps datelines qualify); wholly lower case only when the
    /// form is no English word.
    Name {
        /// Wholly lower case is acceptable.
        lowercase_ok: bool,
        /// Bit `i` set: word `i` of the form is capitalized.
        caps: u64,
    },
}

/// One entity a pattern may stand for.
#[derive(Clone, Debug)]
struct Target {
    entity: EntityIdx,
    kind: FormKind,
    weak: bool,
    case: CaseRule,
    /// The form as written in the gazetteer, for the case check.
    form: Box<str>,
}

/// Counters of what tagging did to one text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TagStats {
    /// Mentions found glued to the following word (`Peskovwho`).
    pub glued: u64,
    /// Mentions left ambiguous.
    pub ambiguous: u64,
}

/// The gazetteer compiled into one automaton plus the rules to apply to
/// its matches. Build it once and share it (it is `Send + Sync`).
///
/// ```
/// use newsgraph::{segment::segment, Gazetteer, Tagger};
/// let g = Gazetteer::from_tsv_str("inline", "id\ttype\tname\taliases\n\
///     vladimir-putin\tperson\tVladimir Putin\t\n\
///     russia\tplace\tRussia\tRussian Federation\n").unwrap();
/// let tagger = Tagger::new(&g).unwrap();
/// let text = "Vladimir Putin met officials. Putin\u{2019}s visit to Russia\u{2019}s north ended.";
/// let mentions = tagger.tag(text, &segment(text));
/// let found: Vec<&str> = mentions.iter().map(|m| &text[m.span.range()]).collect();
/// assert_eq!(found, ["Vladimir Putin", "Putin", "Russia"]);
/// ```
#[derive(Debug)]
pub struct Tagger {
    automaton: AhoCorasick,
    /// The folded surface forms, in pattern order (for benchmarks and
    /// tools that compare other matchers on the same forms).
    patterns: Vec<Box<str>>,
    /// For pattern `i`, its targets are `targets[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    targets: Vec<Target>,
    /// Per entity: its kind and its `country` property as an index.
    kinds: Vec<EntityType>,
    countries: Vec<Option<EntityIdx>>,
}

/// How far (bytes) from a weak place name a place of its country counts
/// as context: the same phrase or the next ("Nice, France").
const PLACE_CONTEXT_BYTES: usize = 40;

/// Lower-case particles that start a multi-word surname.
const SURNAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "del", "della", "du", "la", "le", "bin", "ibn",
    "al", "el", "ter", "ten", "dos", "das", "do",
];

/// Name suffixes that are not surnames.
const NAME_SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "phd", "md"];

/// Titles of people known by a given name and a number.
const REGNAL_TITLES: &[&str] = &[
    "king", "queen", "pope", "emperor", "empress", "sultan", "emir", "sheikh", "prince",
    "princess", "grand", "crown", "tsar", "shah",
];

/// "Jr.", "Sr." or a Roman numeral ("III", "XIV").
fn is_name_suffix(word: &str) -> bool {
    let w = word.trim_end_matches(',');
    NAME_SUFFIXES.contains(&w.to_lowercase().as_str())
        || !w.is_empty() && w.len() <= 5 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// Countries whose people are named family name first in English news.
const FAMILY_NAME_FIRST: &[&str] = &[
    "china",
    "taiwan",
    "north-korea",
    "south-korea",
    "vietnam",
    "cambodia",
    "hong-kong",
];

/// Lower-case words a name is sometimes glued to by scrapers.
const GLUE_WORDS: &[&str] = &[
    "who",
    "whose",
    "which",
    "quoted",
    "said",
    "says",
    "told",
    "added",
    "noted",
    "stated",
    "wrote",
    "warned",
    "stressed",
    "insisted",
    "explained",
    "argued",
    "was",
    "has",
    "had",
    "and",
    "the",
    "with",
    "from",
    "that",
    "also",
];

impl Tagger {
    /// Compiles `gazetteer` into a tagger.
    pub fn new(gazetteer: &Gazetteer) -> Result<Tagger> {
        let mut by_pattern: HashMap<String, Vec<Target>> = HashMap::new();
        let words = english_words();
        let surnames = derived_surnames(gazetteer);
        let mut surname_owners: HashMap<String, Vec<EntityIdx>> = HashMap::new();
        for (folded, entity, _) in &surnames {
            let owners = surname_owners.entry(folded.clone()).or_default();
            if !owners.contains(entity) {
                owners.push(*entity);
            }
        }
        for (i, e) in gazetteer.entities().iter().enumerate() {
            let idx = EntityIdx(i as u32);
            let weak: Vec<String> = e.list_property("weak").map(fold_str).collect();
            for form in std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str))
            {
                let folded = fold_str(form);
                let is_weak = weak.contains(&folded);
                add_target(
                    &mut by_pattern,
                    form,
                    folded,
                    idx,
                    FormKind::Listed,
                    is_weak,
                    words,
                );
            }
            for form in e.list_property("demonyms") {
                add_target(
                    &mut by_pattern,
                    form,
                    fold_str(form),
                    idx,
                    FormKind::Demonym,
                    false,
                    words,
                );
            }
        }
        for (folded, entity, form) in surnames {
            if by_pattern
                .get(&folded)
                .is_some_and(|ts| ts.iter().any(|t| t.entity == entity))
            {
                continue;
            }
            let shared = surname_owners.get(&folded).is_some_and(|o| o.len() > 1);
            let common = words.contains(folded.as_str()) || folded.chars().count() < 3;
            add_target(
                &mut by_pattern,
                &form,
                folded,
                entity,
                FormKind::Surname,
                shared || common,
                words,
            );
        }
        let mut patterns: Vec<(String, Vec<Target>)> = by_pattern.into_iter().collect();
        patterns.sort_by(|a, b| a.0.cmp(&b.0));
        let mut starts = Vec::with_capacity(patterns.len() + 1);
        let mut targets = Vec::new();
        for (_, ts) in &mut patterns {
            starts.push(targets.len() as u32);
            targets.append(ts);
        }
        starts.push(targets.len() as u32);
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(patterns.iter().map(|(p, _)| p.as_str()))
            .map_err(|e| Error::config(format!("cannot build the gazetteer automaton: {e}")))?;
        let kinds = gazetteer.entities().iter().map(|e| e.kind).collect();
        let countries = gazetteer
            .entities()
            .iter()
            .map(|e| e.property("country").and_then(|c| gazetteer.get(c)))
            .collect();
        let patterns = patterns.into_iter().map(|(p, _)| p.into()).collect();
        Ok(Tagger {
            automaton,
            patterns,
            starts,
            targets,
            kinds,
            countries,
        })
    }

    /// Number of distinct folded surface forms in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// The folded surface forms the automaton searches for (lower case,
    /// accents removed, apostrophes straightened), sorted: listed names
    /// and aliases, demonyms and the derived surnames.
    ///
    /// ```
    /// use newsgraph::{Gazetteer, Tagger};
    /// let g = Gazetteer::from_tsv_str("inline", "id\ttype\tname\taliases\n\
    ///     recep-erdogan\tperson\tRecep Tayyip Erdo\u{11f}an\t\n").unwrap();
    /// let tagger = Tagger::new(&g).unwrap();
    /// let forms: Vec<&str> = tagger.patterns().collect();
    /// assert_eq!(forms, ["erdogan", "recep tayyip erdogan"]);
    /// ```
    pub fn patterns(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.patterns.iter().map(|p| &**p)
    }

    /// Finds the mentions in `text`, sorted by start, not overlapping.
    pub fn tag(&self, text: &str, segments: &Segments) -> Vec<Mention> {
        self.tag_with_stats(text, segments).0
    }

    /// Like [`Tagger::tag`], also returning counters.
    pub fn tag_with_stats(&self, text: &str, segments: &Segments) -> (Vec<Mention>, TagStats) {
        let mut folded = String::with_capacity(text.len());
        let mut map = OffsetMapBuilder::new();
        fold_into(text, &mut folded, &mut map);
        let map = map.finish();
        let mut stats = TagStats::default();

        // 1-3: valid candidates, then leftmost-longest among them.
        let mut cands: Vec<Candidate> = Vec::new();
        for m in self.automaton.find_overlapping_iter(folded.as_str()) {
            let (fs, fe) = (m.start(), m.end());
            if !left_boundary(&folded, fs) {
                continue;
            }
            let glued = match right_boundary(&folded, fe) {
                Boundary::Clean => false,
                Boundary::Glued => true,
                Boundary::None => continue,
            };
            let span = map.span_to_source(Span::new(fs, fe));
            // A match that starts or ends inside one character folded into
            // several (a circled letter into "(x)", a thorn into "th")
            // names nothing.
            let Some(surface) = text.get(span.range()).filter(|s| !s.is_empty()) else {
                continue;
            };
            let pid = m.pattern().as_usize();
            let viable = self
                .pattern_targets(pid)
                .iter()
                .take(64)
                .enumerate()
                .filter(|(_, t)| case_ok(t, surface))
                .fold(0u64, |acc, (i, _)| acc | 1 << i);
            if viable != 0 {
                cands.push(Candidate {
                    span,
                    pattern: pid as u32,
                    glued,
                    viable,
                });
            }
        }
        cands.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
        });
        let mut chosen: Vec<Candidate> = Vec::with_capacity(cands.len());
        for c in cands {
            if chosen.last().is_none_or(|l| c.span.start >= l.span.end) {
                chosen.push(c);
            }
        }

        // Titles before person names, needed to admit weak surnames.
        let spans: Vec<Span> = chosen.iter().map(|c| c.span).collect();
        let titles: Vec<Option<Span>> = chosen
            .iter()
            .map(|c| {
                let person = self
                    .pattern_targets(c.pattern as usize)
                    .iter()
                    .any(|t| self.kinds[t.entity.index()] == EntityType::Person);
                if person {
                    title_before(text, c.span.start, &spans)
                } else {
                    None
                }
            })
            .collect();

        // 4a: entities named unambiguously by a strong form.
        let mut strong: FastMap<EntityIdx, u32> = FastMap::default();
        // Where strong place names stand: context for weak place names.
        let mut strong_places: Vec<(Span, EntityIdx)> = Vec::new();
        for c in &chosen {
            let mut viable = self.viable_targets(c);
            if let Some(first) = viable.next() {
                let single = viable.all(|t| t.entity == first.entity);
                if single && !first.weak && first.kind != FormKind::Surname {
                    *strong.entry(first.entity).or_default() += 1;
                    if self.kinds[first.entity.index()] == EntityType::Place {
                        strong_places.push((c.span, first.entity));
                    }
                }
            }
        }

        // 4b: resolve every chosen span.
        let mut mentions = Vec::with_capacity(chosen.len());
        let mut admissible: Vec<(EntityIdx, FormKind, bool)> = Vec::new();
        for (c, title) in chosen.iter().zip(&titles) {
            admissible.clear();
            let listed = |e: EntityIdx| {
                self.viable_targets(c)
                    .any(|o| o.entity != e && o.kind != FormKind::Surname)
            };
            // "Ana Costa" is not António Costa: a lone surname right after
            // another given name names somebody else.
            // "Dan Kelly" is not Nicușor Dan either: a lone surname used as
            // the given name of a longer unknown name.
            let family_name_after = surname_after(text, c.span.end, &spans);
            let other_given_name = title.is_none()
                && (given_name_before(text, c.span.start, &spans) || family_name_after);
            for t in self.viable_targets(c) {
                let person = self.kinds[t.entity.index()] == EntityType::Person;
                if person && other_given_name && !t.form.contains(' ') {
                    continue;
                }
                // "Paris Hilton", "China Miéville", "Paris Saint-Germain": a
                // place name followed by a capitalized word that is no English
                // word starts a longer name the gazetteer does not know.
                if self.kinds[t.entity.index()] == EntityType::Place
                    && t.kind == FormKind::Listed
                    && family_name_after
                {
                    continue;
                }
                // A surname that is also another entity's name ("Washington")
                // needs the same context as a weak one.
                let weak = t.weak || t.kind == FormKind::Surname && listed(t.entity);
                let ok = !weak
                    || strong.contains_key(&t.entity)
                    || person && title.is_some()
                    || self.place_of_country_near(t.entity, c.span, &strong_places, segments);
                if ok && !admissible.iter().any(|(e, ..)| *e == t.entity) {
                    admissible.push((t.entity, t.kind, weak));
                }
            }
            let (entity, candidates, kind) = match admissible.len() {
                0 => continue,
                1 => (Some(admissible[0].0), Vec::new(), admissible[0].1),
                _ => match self.decide(&admissible, &strong) {
                    Some(i) => (Some(admissible[i].0), Vec::new(), admissible[i].1),
                    None => {
                        stats.ambiguous += 1;
                        let mut cs: Vec<EntityIdx> = admissible.iter().map(|a| a.0).collect();
                        cs.sort();
                        (None, cs, FormKind::Listed)
                    }
                },
            };
            stats.glued += c.glued as u64;
            let is_person = entity.is_some_and(|e| self.kinds[e.index()] == EntityType::Person);
            mentions.push(Mention {
                span: c.span,
                entity,
                candidates,
                title: if is_person { *title } else { None },
                demonym: kind == FormKind::Demonym,
                sentence: segments.sentence_at(c.span.start).unwrap_or(0) as u32,
            });
        }
        (mentions, stats)
    }

    /// The targets of a candidate's pattern that passed the case rule.
    fn viable_targets<'a>(&'a self, c: &Candidate) -> impl Iterator<Item = &'a Target> + 'a {
        let viable = c.viable;
        self.pattern_targets(c.pattern as usize)
            .iter()
            .take(64)
            .enumerate()
            .filter(move |(i, _)| viable >> i & 1 == 1)
            .map(|(_, t)| t)
    }

    fn pattern_targets(&self, pid: usize) -> &[Target] {
        &self.targets[self.starts[pid] as usize..self.starts[pid + 1] as usize]
    }

    /// Is a strong mention of `place`'s country, or of another place in
    /// it, within a few words of `span` ("Nice, France", "Reading,
    /// England")? The context a weak place name needs.
    fn place_of_country_near(
        &self,
        place: EntityIdx,
        span: Span,
        strong_places: &[(Span, EntityIdx)],
        segments: &Segments,
    ) -> bool {
        if self.kinds[place.index()] != EntityType::Place {
            return false;
        }
        let Some(country) = self.countries[place.index()] else {
            return false;
        };
        let from = span.start.saturating_sub(PLACE_CONTEXT_BYTES);
        let to = span.end + PLACE_CONTEXT_BYTES;
        let sentence = segments.sentence_at(span.start);
        let at = strong_places.partition_point(|(s, _)| s.end < from);
        strong_places[at..]
            .iter()
            .take_while(|(s, _)| s.start <= to)
            .any(|&(s, e)| {
                s != span
                    && e != place
                    && (e == country || self.countries[e.index()] == Some(country))
                    && segments.sentence_at(s.start) == sentence
            })
    }

    /// Picks among several admissible entities by the document's evidence:
    /// unambiguous mentions of each, then mentions of places in the same
    /// country; on a tie with places named by a weak form, the only one
    /// named by a strong form ("Washington" is the city, the state's bare
    /// name being weak). `None` when nothing decides.
    fn decide(
        &self,
        options: &[(EntityIdx, FormKind, bool)],
        strong: &FastMap<EntityIdx, u32>,
    ) -> Option<usize> {
        let score = |e: EntityIdx| -> u32 {
            let own = strong.get(&e).copied().unwrap_or(0) * 4;
            let related = strong
                .keys()
                .filter(|&&o| o != e)
                .filter(|&&o| {
                    self.countries[o.index()] == Some(e)
                        || self.countries[e.index()] == Some(o)
                        || self.countries[e.index()].is_some()
                            && self.countries[o.index()] == self.countries[e.index()]
                })
                .count() as u32;
            own + related
        };
        let mut scores: Vec<(u32, usize)> = options
            .iter()
            .enumerate()
            .map(|(i, (e, ..))| (score(*e), i))
            .collect();
        scores.sort_by_key(|s| std::cmp::Reverse(s.0));
        if scores[0].0 > scores[1].0 && scores[0].0 > 0 {
            return Some(scores[0].1);
        }
        let top = scores[0].0;
        let tied = || scores.iter().take_while(|s| s.0 == top);
        let weak_are_places = tied()
            .filter(|s| options[s.1].2)
            .all(|s| self.kinds[options[s.1].0.index()] == EntityType::Place);
        let mut tied_strong = tied().filter(|s| !options[s.1].2);
        match (tied_strong.next(), tied_strong.next()) {
            (Some(only), None) if weak_are_places => Some(only.1),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Candidate {
    span: Span,
    pattern: u32,
    glued: bool,
    /// Bit `i`: target `i` of the pattern passes the case rule (a pattern
    /// has at most 64 targets that count).
    viable: u64,
}

fn add_target(
    map: &mut HashMap<String, Vec<Target>>,
    form: &str,
    folded: String,
    entity: EntityIdx,
    kind: FormKind,
    weak: bool,
    words: &EnglishWords,
) {
    if folded.trim().is_empty() {
        return;
    }
    let case = case_rule(form, &folded, kind, words);
    let targets = map.entry(folded).or_default();
    if targets
        .iter()
        .any(|t| t.entity == entity && t.kind == kind && &*t.form == form)
    {
        return;
    }
    targets.push(Target {
        entity,
        kind,
        weak,
        case,
        form: form.into(),
    });
}

fn case_rule(form: &str, folded: &str, kind: FormKind, words: &EnglishWords) -> CaseRule {
    let letters: Vec<char> = form.chars().filter(|c| c.is_alphabetic()).collect();
    let all_upper = !letters.is_empty() && letters.iter().all(|c| c.is_uppercase());
    if all_upper && letters.len() <= 3 {
        return CaseRule::Upper;
    }
    if all_upper && !form.contains(' ') && letters.len() <= 6 {
        return CaseRule::UpperOrTitle;
    }
    let lowercase_ok = kind != FormKind::Demonym
        && !words.contains(folded)
        && letters.len() >= 4
        && folded.split([' ', '-']).any(|w| {
            w.chars().count() >= 3 && !words.contains(w) && !SURNAME_PARTICLES.contains(&w)
        });
    let caps = form
        .split(is_word_separator)
        .filter(|w| !w.is_empty())
        .take(64)
        .enumerate()
        .filter(|(_, w)| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .fold(0u64, |acc, (i, _)| acc | 1 << i);
    // A name listed in lower case ("turkey", as spaCy LOWER patterns
    // import) that is an English word must still be capitalized in text.
    let caps = if caps == 0 && !lowercase_ok {
        form.split(is_word_separator)
            .filter(|w| !w.is_empty())
            .take(64)
            .enumerate()
            .filter(|(_, w)| !SURNAME_PARTICLES.contains(w))
            .fold(0u64, |acc, (i, _)| acc | 1 << i)
    } else {
        caps
    };
    CaseRule::Name { lowercase_ok, caps }
}

/// Does `surface` (original characters) satisfy the target's case rule?
fn case_ok(t: &Target, surface: &str) -> bool {
    let first_alpha_upper = |w: &str| {
        w.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
    };
    match t.case {
        CaseRule::Upper => surface
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase()),
        CaseRule::UpperOrTitle => {
            let mut letters = surface.chars().filter(|c| c.is_alphabetic());
            if !letters.next().is_some_and(char::is_uppercase) {
                return false;
            }
            let (mut upper, mut lower) = (true, true);
            for c in letters {
                upper &= c.is_uppercase();
                lower &= c.is_lowercase();
            }
            upper || lower
        }
        CaseRule::Name { lowercase_ok, caps } => {
            let has_upper = if surface.is_ascii() {
                surface.bytes().any(|b| b.is_ascii_uppercase())
            } else {
                surface.chars().any(char::is_uppercase)
            };
            if !has_upper {
                return lowercase_ok || caps == 0;
            }
            surface
                .split(is_word_separator)
                .filter(|w| !w.is_empty())
                .take(64)
                .enumerate()
                .all(|(i, w)| caps >> i & 1 == 0 || first_alpha_upper(w))
        }
    }
}

fn is_word_separator(c: char) -> bool {
    c.is_whitespace() || c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

fn left_boundary(folded: &str, start: usize) -> bool {
    folded[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

enum Boundary {
    Clean,
    Glued,
    None,
}

fn right_boundary(folded: &str, end: usize) -> Boundary {
    let rest = &folded[end..];
    match rest.chars().next() {
        None => Boundary::Clean,
        Some(c) if !c.is_alphanumeric() => Boundary::Clean,
        Some(_) => {
            // A name glued to a common word: "peskovwho declined".
            let word_len = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            let word = &rest[..word_len];
            let before_ok = folded[..end]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic);
            if before_ok && GLUE_WORDS.contains(&word) {
                Boundary::Glued
            } else {
                Boundary::None
            }
        }
    }
}

/// Surnames derived from every person's name and full-name aliases:
/// (folded surname, entity, surname as written).
fn derived_surnames(g: &Gazetteer) -> Vec<(String, EntityIdx, String)> {
    let mut out = Vec::new();
    for (i, e) in g.entities().iter().enumerate() {
        if e.kind != EntityType::Person {
            continue;
        }
        let family_first = e
            .property("country")
            .is_some_and(|c| FAMILY_NAME_FIRST.contains(&c));
        for full in std::iter::once(&e.name).chain(&e.aliases) {
            let Some(s) = surname(full, family_first) else {
                continue;
            };
            // "el-Sisi", "al-Assad": news also writes the name without the
            // Arabic article ("Mr Sisi", "Assad said").
            let bare = arabic_article_stripped(&s).map(str::to_string);
            for s in std::iter::once(s).chain(bare) {
                let folded = fold_str(&s);
                if !out.iter().any(|(f, x, _): &(String, EntityIdx, String)| {
                    *x == EntityIdx(i as u32) && *f == folded
                }) {
                    out.push((folded, EntityIdx(i as u32), s));
                }
            }
        }
    }
    out
}

/// A one-word surname without its hyphenated Arabic article: "el-Sisi" ->
/// "Sisi", "al-Burhan" -> "Burhan"; `None` for anything else.
fn arabic_article_stripped(surname: &str) -> Option<&str> {
    if surname.contains(' ') {
        return None;
    }
    let (article, rest) = surname.split_once('-')?;
    let article_ok = matches!(
        article.to_lowercase().as_str(),
        "al" | "el" | "as" | "ash" | "ad" | "an" | "ar" | "at" | "az"
    );
    (article_ok && rest.chars().next().is_some_and(char::is_uppercase) && rest.chars().count() >= 3)
        .then_some(rest)
}

/// The surname of a full name: the last word, or a particle-led run ("von
/// der Leyen"), or the first word for family-name-first names.
fn surname(full: &str, family_first: bool) -> Option<String> {
    let mut words: Vec<&str> = full.split_whitespace().collect();
    // Monarchs, popes and emirs ("King Charles III", "Pope Leo XIV") have
    // no surname: their given name alone would match everyone so named.
    if words
        .first()
        .is_some_and(|w| REGNAL_TITLES.contains(&w.to_lowercase().as_str()))
    {
        return None;
    }
    // "Hamad II of Bahrain" names a realm, not a family.
    if words.iter().any(|w| matches!(*w, "of" | "the")) {
        return None;
    }
    while words.len() > 2 && words.last().is_some_and(|w| is_name_suffix(w)) {
        words.pop();
    }
    if words.len() < 2 || !words[0].chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if family_first {
        return Some(words[0].to_string());
    }
    let start = (1..words.len() - 1)
        .find(|&i| SURNAME_PARTICLES.contains(&words[i]))
        .unwrap_or(words.len() - 1);
    let s = words[start..].join(" ");
    s.chars().any(char::is_uppercase).then_some(s)
}

/// Role words before a person's name: "President", "Kremlin aide",
/// "Russian Foreign Minister", "Secretary of State". Tokens allowed are
/// title words, other mentions ("Kremlin", "Russian", "U.S.", "Russia's")
/// and "of" inside a title; the word next to the name must be a title word.
fn title_before(text: &str, name_start: usize, mentions: &[Span]) -> Option<Span> {
    #[derive(Clone, Copy, PartialEq)]
    enum Class {
        Title,
        Mention,
        Of,
        Capital,
    }
    let mut toks: Vec<(Span, Class)> = Vec::new();
    let mut pos = name_start;
    while toks.len() < 7 {
        let before = &text[..pos];
        let trimmed = before.trim_end_matches([' ', '\t', '\u{a0}']);
        if trimmed.len() == before.len() && !toks.is_empty() || trimmed.is_empty() {
            break;
        }
        let tok_start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let span = Span::new(tok_start, trimmed.len());
        let tok = &text[span.range()];
        let bare = tok.trim_end_matches('.');
        // Mentions are sorted by start: find one starting at this token.
        let at = mentions.partition_point(|m| m.start < span.start);
        let class = if mentions.get(at).is_some_and(|m| {
            m.start == span.start
                && m.end <= span.end
                && is_possessive_tail(&tok[m.end - span.start..])
        }) {
            Class::Mention
        } else if is_title_word(bare) {
            Class::Title
        } else if tok == "of" {
            Class::Of
        } else if tok.chars().next().is_some_and(char::is_uppercase)
            && tok.chars().all(|c| c.is_alphabetic() || c == '-')
        {
            Class::Capital
        } else {
            break;
        };
        toks.push((span, class));
        pos = span.start;
    }
    // toks[0] is next to the name. Accept from the name outwards.
    let mut accepted = 0;
    let mut i = 0;
    while i < toks.len() {
        match toks[i].1 {
            Class::Title => {
                accepted = i + 1;
                i += 1;
            }
            Class::Mention if accepted > 0 || i > 0 => {
                accepted = i + 1;
                i += 1;
            }
            // "Secretary of State": a capital word after "of" after a title.
            Class::Capital | Class::Mention
                if toks.get(i + 1).is_some_and(|t| t.1 == Class::Of)
                    && toks.get(i + 2).is_some_and(|t| t.1 == Class::Title) =>
            {
                accepted = i + 3;
                i += 3;
            }
            _ => break,
        }
    }
    if accepted == 0 || !toks[..accepted].iter().any(|t| t.1 == Class::Title) {
        return None;
    }
    Some(Span::new(toks[accepted - 1].0.start, toks[0].0.end))
}

/// Is the word right before `start` (same line, spaces only between) a
/// capitalized word that could be a given name: not a title, not a day or
/// month, not part of another mention?
fn given_name_before(text: &str, start: usize, mentions: &[Span]) -> bool {
    const NOT_GIVEN: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "the",
        "a",
        "an",
        "and",
        "but",
        "when",
        "as",
        "if",
        "then",
        // Headline words before a name ("Talks With Trump Stalled").
        "with",
        "without",
        "for",
        "from",
        "to",
        "on",
        "in",
        "at",
        "by",
        "of",
        "over",
        "after",
        "before",
        "against",
        "about",
        "amid",
        "despite",
        "versus",
        "vs",
        "says",
        "meets",
        "tells",
        "warns",
        "urges",
        "calls",
        "backs",
        "visits",
        "hosts",
        "joins",
        "rejects",
        "accuses",
        "praises",
        "thanks",
    ];
    let before = &text[..start];
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    if trimmed.len() == before.len() {
        return false;
    }
    let word_start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &trimmed[word_start..];
    let shaped = word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''));
    if !shaped || is_title_word(word.trim_end_matches('.')) {
        return false;
    }
    // "Monday. Putin left.": a word ending a sentence is no given name (an
    // initial, "J. Smith", may be); nor is a word of an all-caps headline
    // ("MACRON MEETS PUTIN").
    let bare = word.trim_end_matches('.');
    if bare.len() < word.len() && bare.chars().count() > 1
        || bare.chars().count() > 1 && bare.chars().all(|c| !c.is_lowercase())
    {
        return false;
    }
    let mut buf = [0u8; 64];
    let lower = lowercase(word, &mut buf);
    if NOT_GIVEN.contains(&&*lower) {
        return false;
    }
    // A sentence's first word is capitalized anyway: "Later Brown left."
    let sentence_initial = trimmed[..word_start]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| {
            matches!(
                c,
                '.' | '!' | '?' | '"' | '\u{201C}' | '\u{201D}' | ':' | '\u{2014}'
            )
        });
    if sentence_initial && english_words().contains(&lower) {
        return false;
    }
    let at = mentions.partition_point(|m| m.end <= word_start);
    mentions.get(at).is_none_or(|m| m.start >= trimmed.len())
}

/// Is the word right after `end` (one space between) a capitalized word
/// that is no English word and no mention: the family name of somebody
/// whose given name the match is ("Dan Kelly", "Paul Bouchard")? Title-case
/// headlines ("Putin Says Talks Stalled") continue with English words.
fn surname_after(text: &str, end: usize, mentions: &[Span]) -> bool {
    let rest = &text[end..];
    let Some(after) = rest.strip_prefix(' ') else {
        return false;
    };
    let word_len = after
        .find(|c: char| !(c.is_alphabetic() || c == '-' || c == '\''))
        .unwrap_or(after.len());
    let word = &after[..word_len];
    if word.chars().count() < 2 || !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if word.chars().all(char::is_uppercase) {
        return false;
    }
    let start = end + 1;
    let at = mentions.partition_point(|m| m.end <= start);
    if mentions.get(at).is_some_and(|m| m.start <= start) {
        return false;
    }
    let mut buf = [0u8; 64];
    let lower = lowercase(word, &mut buf);
    !english_words().contains(&lower) && !is_title_word(&lower)
}

fn is_possessive_tail(s: &str) -> bool {
    matches!(s, "" | "'s" | "\u{2019}s" | "'" | "\u{2019}")
}

/// Words that form a person's title or role.
pub(crate) fn is_title_word(word: &str) -> bool {
    const TITLES: &[&str] = &[
        "president",
        "vice",
        "prime",
        "minister",
        "chancellor",
        "secretary",
        "senator",
        "sen",
        "representative",
        "rep",
        "congressman",
        "congresswoman",
        "governor",
        "gov",
        "mayor",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "general",
        "gen",
        "lieutenant",
        "lt",
        "colonel",
        "col",
        "admiral",
        "adm",
        "captain",
        "capt",
        "major",
        "maj",
        "sergeant",
        "sgt",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "aide",
        "adviser",
        "advisor",
        "ambassador",
        "envoy",
        "chief",
        "leader",
        "speaker",
        "judge",
        "justice",
        "commissioner",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "founder",
        "sheikh",
        "emir",
        "crown",
        "foreign",
        "defence",
        "defense",
        "deputy",
        "former",
        "ex",
        "late",
        "sir",
        "dame",
        "lord",
        "lady",
        "rabbi",
        "cardinal",
        "archbishop",
        "bishop",
        "premier",
        "president-elect",
        "lawmaker",
        "mp",
        "commander",
        "head",
        "interior",
        "finance",
        "economy",
        "trade",
        "health",
        "energy",
        "top",
        "opposition",
        "acting",
        "senior",
        "ayatollah",
        "sultan",
        "marshal",
        "attorney",
        "prosecutor",
        "negotiator",
        "diplomat",
        "official",
        "candidate",
        "nominee",
        "coach",
        "manager",
        "executive",
        "boss",
        "strongman",
        "dictator",
        "monarch",
        "ruler",
        "mufti",
        "imam",
        "father",
        "patriarch",
        "secretary-general",
        "director-general",
        "vice-president",
        "attorney-general",
        "solicitor-general",
        "governor-general",
        "inspector-general",
        "first",
        "supreme",
        "press",
        "national",
        "security",
        "presidential",
        "mister",
        "madam",
    ];
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    let titles = SET.get_or_init(|| TITLES.iter().copied().collect());
    let mut buf = [0u8; 64];
    let lower = lowercase(word, &mut buf);
    titles.contains(lower.trim_end_matches(['\'', '\u{2019}']))
}

/// `word.to_lowercase()`, in `buf` (no allocation) for a short ASCII word.
fn lowercase<'b>(word: &str, buf: &'b mut [u8; 64]) -> Cow<'b, str> {
    match buf.get_mut(..word.len()) {
        Some(out) if word.is_ascii() => {
            out.copy_from_slice(word.as_bytes());
            out.make_ascii_lowercase();
            Cow::Borrowed(std::str::from_utf8(out).expect("ASCII"))
        }
        _ => Cow::Owned(word.to_lowercase()),
    }
}
