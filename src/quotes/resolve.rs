//! Resolution: turns the words naming a speaker into an entity.
//!
//! - A mention is its entity.
//! - A pronoun is the nearest compatible person (he/she) or organization
//!   (they/it) in the sentences before it, the first one named in the
//!   nearest sentence that names one (subjects come first). Gender comes from
//!   the gazetteer's `gender`, from Mr/Ms/Mrs and gendered role words, or
//!   from an earlier he/she resolved to the same person.
//! - A descriptor ("the Russian president", "the Kremlin leader", "the
//!   spokeswoman") is matched against what the document said about the
//!   people it mentioned before (titles, appositions) and against their
//!   gazetteer `descriptors` and `role`; failing that, against a descriptor
//!   listed for exactly one entity in the whole gazetteer. Organization
//!   descriptors ("the ministry") resolve to an organization mentioned
//!   before whose name has that word; a bare common noun otherwise stays
//!   unresolved rather than guessed.
//!   A bare role in a headline or lead ("…, the health secretary has
//!   warned") may name the next person the following paragraphs introduce.
//! - An unknown name becomes an inferred entity; a later surname-only
//!   reference ("Lopez said") is the same inferred person, and a surname
//!   first seen alone takes the full name introduced earlier ("Mark Rutte")
//!   or later. A name the tagger left alone that names exactly one
//!   gazetteer entity ("Trump", an English word) is that entity.
//! - People introduced without speaking ("German Chancellor Friedrich
//!   Merz struck a conciliatory tone", "Alcaraz, who …") count as
//!   antecedents for pronouns and descriptors.

use super::attribute::{
    ceil_boundary, floor_boundary, introduced_people, reporting_subjects, Ctx, Introduced, Phrase,
    PhraseKind,
};
use super::cues::{self, Gender, Pronoun, VerbForm};
use super::tokens::Tok;
use super::Speaker;
use crate::gazetteer::lookup::{descriptor_key, possessive_stem};
use crate::gazetteer::{EntityIdx, EntityType};
use crate::span::Span;
use rustc_hash::FxBuildHasher;
use std::collections::HashMap;
use std::rc::Rc;

/// How far back (bytes) a pronoun looks for its antecedent.
const PRONOUN_WINDOW: usize = 2500;
/// How many sentences back a pronoun looks.
const PRONOUN_SENTENCES: usize = 4;
/// A descriptor in the first paragraphs may name someone named after it.
const LEAD_PARAGRAPHS: usize = 3;
/// How far (bytes) after such a descriptor its person is looked for.
const LEAD_LOOKAHEAD: usize = 1200;
/// How far back (bytes) a descriptor looks for inferred people.
const DESCRIPTOR_REACH: usize = 10_000;
/// How many of the most recent inferred entities a lookup scans.
const RECENT_INFERRED: usize = 256;
/// How far back (mentions) a descriptor looks.
const DESCRIPTOR_MENTIONS: usize = 300;

/// What a pronoun or a bare descriptor can refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    Person(Option<Gender>),
    Organization,
}

/// A speaker as resolved: a gazetteer entity or an inferred one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Target {
    Entity(EntityIdx),
    Inferred(usize),
}

struct Inferred {
    name: String,
    kind: EntityType,
    gender: Option<Gender>,
    /// What the text said the person is (lower case): "nurse in ohio".
    descriptions: Vec<String>,
}

/// Per-document resolution state, fed quotation by quotation in text order.
pub(crate) struct Resolver<'c, 'a> {
    ctx: &'c Ctx<'a>,
    inferred: Vec<Inferred>,
    /// Inferred entities by name.
    by_name: HashMap<String, usize>,
    /// Where inferred entities were named, in order.
    occurrences: Vec<(usize, usize)>,
    learned: HashMap<Target, Gender>,
    /// Appositions after person mentions: (mention index, lower-case text).
    appositions: Option<Vec<(usize, String)>>,
    toks: Vec<Tok>,
    /// Counts the changes to what descriptors are resolved against
    /// (inferred entities, their names and descriptions, occurrences).
    version: u64,
    /// Descriptors resolved while `in_salience`: (version, answer) by span.
    salient_descriptors: HashMap<(usize, usize), (u64, Option<Target>), FxBuildHasher>,
    /// What `person_by_description` compares for each mention.
    mention_descriptions: HashMap<usize, Vec<Description>, FxBuildHasher>,
    /// `introduced_before` answers by (position, reach).
    introduced: HashMap<(usize, usize), Rc<[Introduced]>, FxBuildHasher>,
    /// Resolving salient subjects for a pronoun: no further pronoun-like
    /// resolution (no recursion).
    in_salience: bool,
}

impl<'c, 'a> Resolver<'c, 'a> {
    pub fn new(ctx: &'c Ctx<'a>) -> Self {
        Resolver {
            ctx,
            inferred: Vec::new(),
            by_name: HashMap::new(),
            occurrences: Vec::new(),
            learned: HashMap::new(),
            appositions: None,
            toks: Vec::new(),
            introduced: HashMap::default(),
            mention_descriptions: HashMap::default(),
            version: 0,
            salient_descriptors: HashMap::default(),
            in_salience: false,
        }
    }

    /// The public form of a target.
    pub fn speaker(&self, t: Target) -> Speaker {
        match t {
            Target::Entity(e) => Speaker::Entity(e),
            Target::Inferred(i) => Speaker::Inferred {
                name: self.inferred[i].name.clone(),
                kind: self.inferred[i].kind,
            },
        }
    }

    /// Resolves the words naming a speaker.
    pub fn resolve(&mut self, phrase: &Phrase) -> Option<Target> {
        match phrase.kind {
            PhraseKind::Mention(mi) => self.ctx.mention_entity(mi).map(Target::Entity),
            PhraseKind::Pronoun(p) => self.pronoun(p, phrase.span.start),
            PhraseKind::Descriptor => self.descriptor(phrase.span),
            PhraseKind::Name { org } => Some(self.name_target(phrase.span, org, true)),
            PhraseKind::Group => None,
        }
    }

    // ---- names ----

    /// The inferred entity a name stands for (created when new); `record`
    /// notes this place as a mention of it (for later pronouns).
    fn name_target(&mut self, span: Span, org: bool, record: bool) -> Target {
        let text = self.ctx.text;
        let name = text[span.range()]
            .trim_end_matches(['\'', '’'])
            .trim_end_matches("'s");
        let name = name.trim_end_matches("’s").to_string();
        let surname = name.rsplit(' ').next().unwrap_or(&name).to_string();
        let found = self.by_name.get(&name).copied().or_else(|| {
            // "Lopez" after "Maria Lopez", or "Mikel Arteta" after a
            // headline's "Arteta" (the name then grows to the full one).
            let single = !name.contains(' ');
            self.recent_inferred()
                .find(|(_, p)| {
                    p.kind == EntityType::Person
                        && !org
                        && (single || !p.name.contains(' '))
                        && p.name.rsplit(' ').next() == Some(surname.as_str())
                })
                .map(|(i, _)| i)
        });
        if let Some(i) = found {
            if !self.inferred[i].name.contains(' ') && name.contains(' ') && !org {
                self.inferred[i].name = name.clone();
                self.by_name.insert(name.clone(), i);
                self.version += 1;
            }
        }
        let expanded = match found {
            None if !org && !name.contains(' ') => self.full_name_before(span.start, &name),
            _ => None,
        };
        let found = found.or_else(|| self.by_name.get(expanded.as_deref()?).copied());
        let name = expanded.unwrap_or(name);
        if found.is_none() {
            if let Some(e) = self.gazetteer_name(&name, org) {
                return Target::Entity(e);
            }
        }
        let idx = match found {
            Some(i) => i,
            None => {
                self.version += 1;
                self.by_name.insert(name.clone(), self.inferred.len());
                self.inferred.push(Inferred {
                    name,
                    kind: if org {
                        EntityType::Organization
                    } else {
                        EntityType::Person
                    },
                    gender: None,
                    descriptions: Vec::new(),
                });
                self.inferred.len() - 1
            }
        };
        if self.inferred[idx].kind == EntityType::Person {
            let (role, gender) = self.role_before(span);
            let appo = apposition_after(text, span.end);
            let p = &mut self.inferred[idx];
            let known = (p.gender, p.descriptions.len());
            for d in [role, appo].into_iter().flatten() {
                if p.gender.is_none() {
                    p.gender = d.split(' ').find_map(cues::gender_word);
                }
                if !p.descriptions.contains(&d) {
                    p.descriptions.push(d);
                }
            }
            if p.gender.is_none() {
                p.gender = gender;
            }
            if known != (p.gender, p.descriptions.len()) {
                self.version += 1;
            }
        }
        if record {
            let at = self.occurrences.partition_point(|&(p, _)| p <= span.start);
            self.occurrences.insert(at, (span.start, idx));
            self.version += 1;
        }
        Target::Inferred(idx)
    }

    /// The full name a surname-only reference stands for: the last person
    /// introduced before with that last name ("Mark Rutte" for "Rutte").
    fn full_name_before(&mut self, pos: usize, surname: &str) -> Option<String> {
        let text = self.ctx.text;
        let people = self.introduced_before(pos, PRONOUN_WINDOW * 2);
        let introduced = people.iter().rev().find_map(|p| {
            let name = &text[p.span.range()];
            (name.rsplit(' ').next() == Some(surname) && name.contains(' '))
                .then(|| name.to_string())
        });
        introduced.or_else(|| self.first_name_before(pos, surname))
    }

    /// "Bukayo Saka’s arm" before "Saka said": the capitalized word just
    /// before the first earlier occurrence of the surname.
    fn first_name_before(&mut self, pos: usize, surname: &str) -> Option<String> {
        let ctx = self.ctx;
        let text = ctx.text;
        let from = ceil_boundary(text, pos.saturating_sub(PRONOUN_WINDOW * 2));
        let mut toks = std::mem::take(&mut self.toks);
        ctx.tokenize(Span::new(from, pos), &mut toks);
        let found = (1..toks.len()).find_map(|k| {
            let (prev, t) = (&toks[k - 1], &toks[k]);
            let given = prev.text(text);
            let fits = t.stem(text) == surname
                && prev.is_capitalized(text)
                && prev.span.end + 1 == t.span.start
                && !cues::is_title_word(given)
                && !cues::is_not_name(given)
                && prev.stem(text).len() == given.len()
                && ctx.mention_overlapping(prev.span).is_none();
            fits.then(|| format!("{given} {surname}"))
        });
        self.toks = toks;
        found
    }

    /// People introduced in the `back` bytes before `pos`. A pure function
    /// of the document, asked again and again for the same names and
    /// descriptors: remembered.
    fn introduced_before(&mut self, pos: usize, back: usize) -> Rc<[Introduced]> {
        if let Some(people) = self.introduced.get(&(pos, back)) {
            return Rc::clone(people);
        }
        let ctx = self.ctx;
        let from = ceil_boundary(ctx.text, pos.saturating_sub(back));
        let mut toks = std::mem::take(&mut self.toks);
        ctx.tokenize(Span::new(from, pos), &mut toks);
        let mut people = Vec::new();
        introduced_people(ctx, &toks, &mut people);
        self.toks = toks;
        let people: Rc<[Introduced]> = people.into();
        self.introduced.insert((pos, back), Rc::clone(&people));
        people
    }

    /// Notes that an inferred entity spoke at `pos` (for later pronouns).
    pub fn note(&mut self, pos: usize, t: Target) {
        if let Target::Inferred(idx) = t {
            let at = self.occurrences.partition_point(|&(p, _)| p <= pos);
            if self.occurrences.get(at.wrapping_sub(1)) != Some(&(pos, idx)) {
                self.occurrences.insert(at, (pos, idx));
                self.version += 1;
            }
        }
    }

    /// The most recently created inferred entities, newest first, with
    /// their indices (bounded: the work per lookup stays constant).
    fn recent_inferred(&self) -> impl Iterator<Item = (usize, &Inferred)> + '_ {
        self.inferred.iter().enumerate().rev().take(RECENT_INFERRED)
    }

    /// Role words just before a name ("Health Minister", "nurse") and the
    /// gender an honorific gives ("Ms").
    fn role_before(&self, span: Span) -> (Option<String>, Option<Gender>) {
        let text = self.ctx.text;
        let from = ceil_boundary(text, span.start.saturating_sub(60));
        let before = &text[from..span.start];
        let mut words: Vec<&str> = Vec::new();
        for w in before.split_whitespace().rev() {
            let bare = w.trim_end_matches('.');
            if bare.is_empty()
                || !bare.chars().all(|c| c.is_alphabetic() || c == '-')
                || cues::is_determiner(bare)
                || cues::is_np_stop(bare)
                || cues::reporting_verb(bare).is_some()
                || words.len() == 4
            {
                break;
            }
            words.push(bare);
        }
        words.reverse();
        let gender = words.iter().find_map(|w| cues::gender_word(w));
        let role = words
            .iter()
            .filter(|w| !matches!(**w, "Mr" | "Mrs" | "Ms" | "Miss" | "Dr"))
            .map(|w| w.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        ((!role.is_empty()).then_some(role), gender)
    }

    // ---- pronouns ----

    fn pronoun(&mut self, p: Pronoun, pos: usize) -> Option<Target> {
        let want = match p {
            Pronoun::He => Want::Person(Some(Gender::Male)),
            Pronoun::She => Want::Person(Some(Gender::Female)),
            Pronoun::They | Pronoun::It => Want::Organization,
        };
        let chosen = self.antecedent(pos, want)?;
        if let Want::Person(Some(g)) = want {
            if self.gender_of(chosen, None).is_none() {
                self.learned.insert(chosen, g);
            }
        }
        Some(chosen)
    }

    /// The entity a pronoun (or a bare "the 24-year-old") at `pos` refers
    /// to: among compatible entities named outside quotations in the
    /// sentences before, a person is the first one named in the nearest
    /// sentence naming one (subjects come first), an organization the
    /// nearest. People introduced as the subject of reported speech count
    /// ("Dr Anna Whitfield said the figures ...").
    fn antecedent(&mut self, pos: usize, want: Want) -> Option<Target> {
        let ctx = self.ctx;
        let text = ctx.text;
        let from = ceil_boundary(text, pos.saturating_sub(PRONOUN_WINDOW));
        let mut toks = std::mem::take(&mut self.toks);
        ctx.tokenize(Span::new(from, pos), &mut toks);
        let bounds: Vec<usize> = (0..toks.len())
            .filter(|&i| ctx.ends_sentence(&toks, i))
            .map(|i| toks[i].span.end)
            .collect();
        // Reporting verbs earlier in the pronoun's own sentence: "Peskov
        // added that … what he called …" makes Peskov the antecedent.
        let sentence_start = bounds.last().copied().unwrap_or(from);
        let verbs_here: Vec<usize> = toks
            .iter()
            .filter(|t| t.span.start >= sentence_start && t.is_word())
            .filter(|t| ctx.verb(t) == Some(VerbForm::Finite))
            .map(|t| t.span.start)
            .collect();
        let mut subjects = Vec::new();
        if !self.in_salience {
            reporting_subjects(ctx, &toks, &mut subjects);
        }
        // `introduced_before(pos, PRONOUN_WINDOW)`: the same window.
        let mut introduced = Vec::new();
        if matches!(want, Want::Person(_)) {
            introduced_people(ctx, &toks, &mut introduced);
        }
        // "Powell declined to respond": a known inferred person by surname.
        let mut by_surname: Vec<(usize, Target)> = Vec::new();
        if !self.inferred.is_empty() {
            let surnames: HashMap<&str, usize> = self
                .recent_inferred()
                .filter(|(_, p)| p.kind == EntityType::Person)
                .filter_map(|(i, p)| Some((p.name.rsplit(' ').next()?, i)))
                .collect();
            for t in toks.iter().filter(|t| t.is_capitalized(text)) {
                if ctx.mention_overlapping(t.span).is_some() {
                    continue;
                }
                if let Some(&i) = surnames.get(t.stem(text)) {
                    by_surname.push((t.span.start, Target::Inferred(i)));
                }
            }
        }
        self.toks = toks;
        let here = bounds.len();
        let sentence_of = |at: usize| bounds.partition_point(|&b| b <= at);
        // Candidates in text order: (position, target).
        let mut cands: Vec<(usize, Target)> = Vec::new();
        let first = ctx.mentions.partition_point(|m| m.span.start < from);
        for (mi, m) in ctx.mentions.iter().enumerate().skip(first) {
            if m.span.start >= pos {
                break;
            }
            if m.demonym || ctx.inside_quote(m.span.start) {
                continue;
            }
            let Some(e) = ctx.mention_entity(mi) else {
                continue;
            };
            let Some(kind) = ctx.entity_kind(e) else {
                continue;
            };
            if self.fits(want, kind, Target::Entity(e), Some(mi)) {
                cands.push((m.span.start, Target::Entity(e)));
            }
        }
        let first = self.occurrences.partition_point(|&(at, _)| at < from);
        for &(at, i) in &self.occurrences[first..] {
            let t = Target::Inferred(i);
            if at < pos && self.fits(want, self.inferred[i].kind, t, None) {
                cands.push((at, t));
            }
        }
        for (at, t) in by_surname {
            if let Target::Inferred(i) = t {
                if self.fits(want, self.inferred[i].kind, t, None) {
                    cands.push((at, t));
                }
            }
        }
        self.in_salience = true;
        if matches!(want, Want::Person(_)) {
            for person in introduced {
                let t = self.name_target(person.span, false, false);
                if self.fits(want, EntityType::Person, t, None) {
                    cands.push((person.span.start, t));
                }
            }
        }
        for phrase in subjects {
            let t = match phrase.kind {
                PhraseKind::Name { org } => Some(self.name_target(phrase.span, org, false)),
                PhraseKind::Descriptor => self.descriptor(phrase.span),
                _ => None,
            };
            let Some(t) = t else { continue };
            let kind = match t {
                Target::Entity(e) => ctx.entity_kind(e),
                Target::Inferred(i) => Some(self.inferred[i].kind),
            };
            if kind.is_some_and(|k| self.fits(want, k, t, None)) {
                cands.push((phrase.span.start, t));
            }
        }
        self.in_salience = false;
        cands.sort_by_key(|c| c.0);
        let in_reach = |c: &&(usize, Target)| {
            let s = sentence_of(c.0);
            s < here && s + PRONOUN_SENTENCES >= here
        };
        let chosen = match want {
            Want::Organization => cands.iter().rev().find(in_reach),
            Want::Person(_) => cands
                .iter()
                .find(|c| sentence_of(c.0) == here && verbs_here.iter().any(|&v| v > c.0))
                .or_else(|| {
                    cands
                        .iter()
                        .filter(in_reach)
                        .max_by_key(|c| (sentence_of(c.0), std::cmp::Reverse(c.0)))
                })
                .or_else(|| cands.iter().find(|c| sentence_of(c.0) == here)),
        };
        chosen.map(|c| c.1)
    }

    /// Whether an entity of `kind` can be what is wanted.
    fn fits(&self, want: Want, kind: EntityType, t: Target, mention: Option<usize>) -> bool {
        match want {
            Want::Person(gender) => {
                kind == EntityType::Person
                    && gender
                        .is_none_or(|want| self.gender_of(t, mention).is_none_or(|g| g == want))
            }
            Want::Organization => kind == EntityType::Organization,
        }
    }

    fn gender_of(&self, t: Target, mention: Option<usize>) -> Option<Gender> {
        if let Some(&g) = self.learned.get(&t) {
            return Some(g);
        }
        match t {
            Target::Entity(e) => {
                let ent = self.ctx.gazetteer.entity(e);
                let gender = ent.property("gender").unwrap_or("");
                let is = |words: &[&str]| words.iter().any(|w| gender.eq_ignore_ascii_case(w));
                if is(&["male", "m", "man"]) {
                    return Some(Gender::Male);
                }
                if is(&["female", "f", "woman"]) {
                    return Some(Gender::Female);
                }
                let m = &self.ctx.mentions[mention?];
                let text = self.ctx.text;
                let title = m.title.map_or("", |s| &text[s.range()]);
                let before =
                    &text[ceil_boundary(text, m.span.start.saturating_sub(6))..m.span.start];
                let inside = &text[m.span.range()];
                title
                    .split_whitespace()
                    .chain(before.split_whitespace())
                    .chain(inside.split_whitespace().take(1))
                    .find_map(cues::gender_word)
            }
            Target::Inferred(i) => self.inferred[i].gender,
        }
    }

    // ---- descriptors ----

    /// Resolves a descriptor. The subjects around every pronoun are
    /// resolved again for each one: while resolving salient subjects, an
    /// answer is reused as long as nothing it could read has changed
    /// (`version`) and computing it changed nothing either.
    fn descriptor(&mut self, span: Span) -> Option<Target> {
        if !self.in_salience {
            return self.resolve_descriptor(span);
        }
        let key = (span.start, span.end);
        if let Some(&(version, t)) = self.salient_descriptors.get(&key) {
            if version == self.version {
                return t;
            }
        }
        let version = self.version;
        let t = self.resolve_descriptor(span);
        if self.version == version {
            self.salient_descriptors.insert(key, (version, t));
        }
        t
    }

    fn resolve_descriptor(&mut self, span: Span) -> Option<Target> {
        let ctx = self.ctx;
        let text = ctx.text;
        let raw: Vec<&str> = text[span.range()]
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let (det, rest) = match raw.split_first() {
            Some((d, rest)) if cues::is_determiner(d) => (Some(*d), rest),
            _ => (None, &raw[..]),
        };
        let words: Vec<String> = rest
            .iter()
            .map(|w| possessive_stem(w).to_lowercase())
            .collect();
        let head = words.last()?.clone();
        let indefinite = det.is_some_and(|d| !cues::is_definite(d));
        // A mention inside the phrase ("a Kremlin spokesman", "the Kremlin leader").
        let inner_org = self.org_mention_in(span);
        if cues::is_org_head(&head) && !cues::is_spokesperson(&head) {
            return self.org_descriptor(span, rest, &words, &head);
        }
        if !indefinite {
            if let Some(t) = self.person_by_description(span, &words, &head) {
                return Some(t);
            }
            if let Some(t) = self.gazetteer_descriptor(&words.join(" ")) {
                return Some(t);
            }
            if words.len() == 1 {
                if let Some(t) = self.person_of_nationality(span, &head) {
                    return Some(t);
                }
            }
            if !self.in_salience && (is_bare_person_noun(&head) || cues::is_nationality_noun(&head))
            {
                // "the 24-year-old", "the veteran": whoever the text is about.
                return self.antecedent(span.start, Want::Person(None));
            }
        }
        if cues::is_spokesperson(&head) {
            // "a spokeswoman for the ministry", "a Kremlin spokesman": the organization.
            return inner_org.map(Target::Entity);
        }
        if !indefinite
            && !self.in_salience
            && !cues::is_group_noun(&head)
            && !is_anonymous_head(&head)
        {
            return self.named_in_lead_after(span, &words, &head);
        }
        None
    }

    /// A role in a headline or lead that the next paragraphs name: "…, the
    /// health secretary has warned." / "Wes Streeting told the BBC …". Only
    /// in the first paragraphs, only the next person named, and only when
    /// what the text says about that person does not contradict the role.
    fn named_in_lead_after(&mut self, span: Span, words: &[String], head: &str) -> Option<Target> {
        let ctx = self.ctx;
        let text = ctx.text;
        if ctx.paragraphs.partition_point(|p| p.end <= span.start) >= LEAD_PARAGRAPHS {
            return None;
        }
        let end = floor_boundary(text, (span.end + LEAD_LOOKAHEAD).min(text.len()));
        let mut toks = std::mem::take(&mut self.toks);
        ctx.tokenize(Span::new(span.end, end), &mut toks);
        let mut people = Vec::new();
        introduced_people(ctx, &toks, &mut people);
        self.toks = toks;
        let first_mi = ctx.mentions.partition_point(|m| m.span.start < span.end);
        let mention = ctx.mentions[first_mi..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.span.start < end)
            .find_map(|(k, m)| {
                let e = ctx.mention_entity(first_mi + k)?;
                let person = ctx.entity_kind(e) == Some(EntityType::Person)
                    && !m.demonym
                    && !ctx.inside_quote(m.span.start);
                person.then_some((m.span.start, e))
            });
        let person = people.into_iter().next();
        match (mention, person) {
            (Some((at, e)), p) if p.as_ref().is_none_or(|p| at < p.span.start) => {
                let ent = ctx.gazetteer.entity(e);
                let descs: Vec<String> = ent
                    .list_property("descriptors")
                    .chain(ent.property("role"))
                    .map(str::to_lowercase)
                    .collect();
                let fits = descs.is_empty()
                    || descs
                        .iter()
                        .any(|d| description_score(d, words, head, &[], None) > 0);
                fits.then_some(Target::Entity(e))
            }
            (_, Some(p)) => {
                let fits = p
                    .description
                    .as_deref()
                    .is_none_or(|d| description_score(d, words, head, &[], None) > 0);
                fits.then(|| self.name_target(p.span, false, true))
            }
            _ => None,
        }
    }

    /// "the Italian": the last person named before whose country has that demonym.
    fn person_of_nationality(&self, span: Span, head: &str) -> Option<Target> {
        let ctx = self.ctx;
        let demonyms = self.demonyms_in(span);
        let (_, place, _) = demonyms.iter().find(|(w, _, _)| w == head)?;
        let first = ctx.mentions.partition_point(|m| m.span.start < span.start);
        (first.saturating_sub(DESCRIPTOR_MENTIONS)..first)
            .rev()
            .find_map(|mi| {
                let e = ctx.mention_entity(mi)?;
                let ent = ctx.gazetteer.entity(e);
                (ent.kind == EntityType::Person && ent.property("country") == Some(place.as_str()))
                    .then_some(Target::Entity(e))
            })
    }

    fn org_mention_in(&self, span: Span) -> Option<EntityIdx> {
        let ctx = self.ctx;
        let first = ctx.mentions.partition_point(|m| m.span.end <= span.start);
        ctx.mentions[first..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.span.start < span.end)
            .filter(|(_, m)| !m.demonym)
            .find_map(|(k, _)| {
                let e = ctx.mention_entity(first + k)?;
                (ctx.entity_kind(e) == Some(EntityType::Organization)).then_some(e)
            })
    }

    /// "the ministry": the last organization named before whose name has the
    /// head word; "the Russian foreign ministry": else an inferred organization.
    fn org_descriptor(
        &mut self,
        span: Span,
        rest: &[&str],
        words: &[String],
        head: &str,
    ) -> Option<Target> {
        let ctx = self.ctx;
        let first = ctx.mentions.partition_point(|m| m.span.start < span.start);
        let lo = first.saturating_sub(DESCRIPTOR_MENTIONS);
        for mi in (lo..first).rev() {
            let Some(e) = ctx.mention_entity(mi) else {
                continue;
            };
            let ent = ctx.gazetteer.entity(e);
            if ent.kind != EntityType::Organization {
                continue;
            }
            let names = std::iter::once(ent.name.as_str())
                .chain(ent.aliases.iter().map(String::as_str))
                .chain(ent.list_property("descriptors"));
            let hit = names.map(str::to_lowercase).any(|n| {
                n.split_whitespace().any(|w| w == head)
                    && words
                        .iter()
                        .all(|w| n.contains(w.as_str()) || is_modifier_free(w))
            });
            if hit {
                return Some(Target::Entity(e));
            }
        }
        if let Some((i, _)) = self.recent_inferred().find(|(_, p)| {
            p.kind == EntityType::Organization
                && p.name.to_lowercase().split_whitespace().any(|w| w == head)
        }) {
            return Some(Target::Inferred(i));
        }
        let group_like = matches!(
            head,
            "group"
                | "movement"
                | "militia"
                | "organisation"
                | "organization"
                | "faction"
                | "rebels"
        );
        if (cues::is_generic_company_head(head) || group_like) && words.len() == 1 {
            if let Some(t) = self.last_company_before(span.start, group_like) {
                return Some(t);
            }
        }
        if let Some(t) = self.gazetteer_descriptor(&words.join(" ")) {
            return Some(t);
        }
        // Named by its modifiers ("the Russian defence ministry"): inferred,
        // from the first capitalized word; a run of capitalized words alone
        // when there is one ("the ruling Georgian Dream party").
        let named = rest.len() > 1
            && rest[..rest.len() - 1]
                .iter()
                .any(|w| w.starts_with(char::is_uppercase));
        if named {
            let spans = word_spans(self.ctx.text, span);
            let caps: Vec<bool> = spans
                .iter()
                .map(|w| self.ctx.text[w.range()].starts_with(char::is_uppercase))
                .collect();
            let skip = usize::from(
                spans
                    .first()
                    .is_some_and(|w| cues::is_determiner(&self.ctx.text[w.range()])),
            )
            .min(caps.len());
            let first = skip + caps[skip..].iter().position(|&c| c).unwrap_or(0);
            let run_end = first + caps[first..].iter().take_while(|&&c| c).count();
            let possessive = |w: &Span| possessive_stem(&self.ctx.text[w.range()]).len() != w.len();
            let end = if run_end - first >= 2 && !possessive(&spans[run_end - 1]) {
                spans[run_end - 1].end
            } else {
                span.end
            };
            let name_span = Span::new(spans.get(first).map_or(span.start, |w| w.start), end);
            return Some(self.name_target(name_span, true, true));
        }
        None
    }

    /// "the company": the last organization named before that is not a news
    /// outlet (a gazetteer mention or a name ending in Inc., Corp., Group…).
    fn last_company_before(&mut self, pos: usize, group_like: bool) -> Option<Target> {
        let ctx = self.ctx;
        let text = ctx.text;
        let first = ctx.mentions.partition_point(|m| m.span.start < pos);
        let lo = first.saturating_sub(DESCRIPTOR_MENTIONS);
        let known = (lo..first).rev().find_map(|mi| {
            let e = ctx.mention_entity(mi)?;
            let ent = ctx.gazetteer.entity(e);
            let ok = ent.kind == EntityType::Organization
                && !is_news_outlet(ent)
                && !ctx.inside_quote(ctx.mentions[mi].span.start);
            ok.then_some((ctx.mentions[mi].span.start, Target::Entity(e)))
        });
        let from = ceil_boundary(text, pos.saturating_sub(PRONOUN_WINDOW * 2));
        let mut toks = std::mem::take(&mut self.toks);
        ctx.tokenize(Span::new(from, pos), &mut toks);
        let corporate = |w: &str| {
            matches!(
                w.trim_end_matches('.'),
                "Inc"
                    | "Corp"
                    | "Ltd"
                    | "Co"
                    | "Group"
                    | "Holdings"
                    | "LLC"
                    | "PLC"
                    | "plc"
                    | "AG"
                    | "SA"
                    | "GmbH"
                    | "Corporation"
            )
        };
        // A company name ends with Inc., Corp., …; a group's with Forces,
        // Front, Movement, … ("the Rapid Support Forces … the group said").
        let named = (0..toks.len()).rev().find(|&k| {
            let t = &toks[k];
            let w = t.text(text);
            let acronym = group_like
                && (2..=6).contains(&w.len())
                && w.chars().all(|c| c.is_ascii_uppercase())
                && !cues::is_not_name(w);
            let named = t.is_capitalized(text)
                && (corporate(w) || (group_like && cues::is_org_suffix(w)))
                && k > 0
                && toks[k - 1].is_capitalized(text);
            (named || acronym) && ctx.mention_overlapping(t.span).is_none()
        });
        let named = named.map(|k| {
            let mut s = k;
            while s > 0
                && (corporate(toks[k].text(text))
                    || toks[k].text(text).chars().any(|c| c.is_lowercase()))
                && k - s < 4
                && toks[s - 1].is_capitalized(text)
                && !cues::is_company_noun(toks[s - 1].text(text))
                && !cues::is_not_name(toks[s - 1].text(text))
            {
                s -= 1;
            }
            Span::new(toks[s].span.start, toks[k].span.end)
        });
        self.toks = toks;
        match (known, named) {
            (Some((at, t)), Some(span)) if at > span.start => Some(t),
            (_, Some(span)) => Some(self.name_target(span, true, true)),
            (Some((_, t)), None) => Some(t),
            (None, None) => None,
        }
    }

    /// The person the document described with these words before `span`.
    fn person_by_description(
        &mut self,
        span: Span,
        words: &[String],
        head: &str,
    ) -> Option<Target> {
        let ctx = self.ctx;
        let text = ctx.text;
        let demonyms = self.demonyms_in(span);
        self.ensure_appositions();
        let first = ctx.mentions.partition_point(|m| m.span.start < span.start);
        let lo = first.saturating_sub(DESCRIPTOR_MENTIONS);
        let mut best: Option<(u8, usize, Target)> = None;
        let mut consider = |score: u8, pos: usize, t: Target| {
            let ok = score >= 3 || (score >= 1 && words.len() == 1);
            if ok && best.is_none_or(|(s, p, _)| score > s || (score == s && pos > p)) {
                best = Some((score, pos, t));
            }
        };
        let appositions = self.appositions.as_deref().unwrap_or(&[]);
        for mi in lo..first {
            let m = &ctx.mentions[mi];
            if m.demonym {
                continue;
            }
            let Some(e) = ctx.mention_entity(mi) else {
                continue;
            };
            let ent = ctx.gazetteer.entity(e);
            if ent.kind != EntityType::Person {
                continue;
            }
            let country = ent.property("country");
            // What the document and the gazetteer say about this mention's
            // person: the same for every descriptor, so built once.
            let descs = self.mention_descriptions.entry(mi).or_insert_with(|| {
                let mut descs: Vec<String> = Vec::new();
                if let Some(t) = m.title {
                    descs.push(text[t.range()].to_lowercase());
                }
                let a = appositions.partition_point(|(k, _)| *k < mi);
                descs.extend(
                    appositions[a..]
                        .iter()
                        .take_while(|(k, _)| *k == mi)
                        .map(|(_, d)| d.clone()),
                );
                descs.extend(ent.list_property("descriptors").map(str::to_lowercase));
                descs.extend(ent.property("role").map(str::to_lowercase));
                descs.into_iter().map(Description::new).collect()
            });
            let score = descs
                .iter()
                .map(|d| score_description(&d.text, &d.words, words, head, &demonyms, country))
                .max()
                .unwrap_or(0);
            consider(score, m.span.start, Target::Entity(e));
        }
        let from = self
            .occurrences
            .partition_point(|&(at, _)| at + DESCRIPTOR_REACH < span.start);
        for &(at, i) in &self.occurrences[from..] {
            if at >= span.start || self.inferred[i].kind != EntityType::Person {
                continue;
            }
            let score = self.inferred[i]
                .descriptions
                .iter()
                .map(|d| description_score(d, words, head, &demonyms, None))
                .max()
                .unwrap_or(0);
            consider(score, at, Target::Inferred(i));
        }
        if best.as_ref().is_none_or(|b| b.0 < 3) {
            for person in self
                .introduced_before(span.start, PRONOUN_WINDOW * 2)
                .iter()
            {
                let Some(d) = person.description.as_deref() else {
                    continue;
                };
                let score = description_score(d, words, head, &demonyms, None);
                let ok = score >= 3 || (score >= 1 && words.len() == 1);
                if ok
                    && best
                        .as_ref()
                        .is_none_or(|b| score > b.0 || (score == b.0 && person.span.start > b.1))
                {
                    let t = self.name_target(person.span, false, false);
                    best = Some((score, person.span.start, t));
                }
            }
        }
        best.map(|b| b.2)
    }

    /// Demonym mentions inside `span`: (lower-case word, place id, place name).
    fn demonyms_in(&self, span: Span) -> Vec<(String, String, String)> {
        let ctx = self.ctx;
        let first = ctx.mentions.partition_point(|m| m.span.end <= span.start);
        ctx.mentions[first..]
            .iter()
            .take_while(|m| m.span.start < span.end)
            .filter(|m| m.demonym)
            .filter_map(|m| {
                let e = m.entity?;
                let ent = ctx.gazetteer.entity(e);
                Some((
                    ctx.text[m.span.range()].to_lowercase(),
                    ent.id.clone(),
                    ent.name.to_lowercase(),
                ))
            })
            .collect()
    }

    fn ensure_appositions(&mut self) {
        if self.appositions.is_some() {
            return;
        }
        let ctx = self.ctx;
        let mut out = Vec::new();
        for (mi, m) in ctx.mentions.iter().enumerate() {
            if m.demonym {
                continue;
            }
            if let Some(d) = apposition_after(ctx.text, m.span.end) {
                out.push((mi, d));
            }
        }
        self.appositions = Some(out);
    }

    /// A name the tagger left alone (a surname that is also a word, "Trump")
    /// that names exactly one gazetteer entity of the right kind.
    fn gazetteer_name(&mut self, name: &str, org: bool) -> Option<EntityIdx> {
        let gaz = self.ctx.gazetteer;
        let want = if org {
            EntityType::Organization
        } else {
            EntityType::Person
        };
        let mut hits = gaz
            .lookup()
            .named(&name.to_lowercase())
            .iter()
            .copied()
            .filter(|&e| gaz.entity(e).kind == want);
        match (hits.next(), hits.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    }

    /// An entity that is the only one in the gazetteer listing this descriptor.
    fn gazetteer_descriptor(&mut self, phrase: &str) -> Option<Target> {
        match self
            .ctx
            .gazetteer
            .lookup()
            .described(&descriptor_key(phrase))
        {
            [only] => Some(Target::Entity(*only)),
            _ => None,
        }
    }
}

/// How well the phrase's words (head last) match a description: 4 exact, 3
/// head and every modifier (a demonym matching the person's country or a
/// place named in the description), 1 head only.
fn description_score(
    desc: &str,
    words: &[String],
    head: &str,
    demonyms: &[(String, String, String)],
    country: Option<&str>,
) -> u8 {
    let mut dwords = Vec::new();
    description_words(desc, &mut dwords);
    score_description(desc, &dwords, words, head, demonyms, country)
}

/// The words of a description as compared (byte ranges into it):
/// possessives dropped, determiners left out.
fn description_words(desc: &str, out: &mut Vec<(usize, usize)>) {
    out.clear();
    for piece in desc.split(|c: char| c.is_whitespace() || c == ',' || c == '-') {
        let w = possessive_stem(piece);
        if !w.is_empty() && !cues::is_determiner(w) {
            let start = piece.as_ptr() as usize - desc.as_ptr() as usize;
            out.push((start, start + w.len()));
        }
    }
}

/// `description_score` with the description's words already split.
fn score_description(
    desc: &str,
    dwords: &[(usize, usize)],
    words: &[String],
    head: &str,
    demonyms: &[(String, String, String)],
    country: Option<&str>,
) -> u8 {
    let dword = |r: &(usize, usize)| &desc[r.0..r.1];
    if dwords.len() == words.len() && dwords.iter().zip(words).all(|(a, b)| dword(a) == b) {
        return 4;
    }
    let same_head = |w: &str| {
        w == head
            || (cues::is_spokesperson(w) && cues::is_spokesperson(head) && w.starts_with("spokes"))
    };
    if !dwords.iter().any(|w| same_head(dword(w))) {
        return 0;
    }
    let modifiers_ok = words[..words.len() - 1].iter().all(|w| {
        dwords.iter().any(|d| dword(d) == w)
            || demonyms.iter().any(|(dw, id, name)| {
                dw == w && (country == Some(id.as_str()) || desc.contains(name.as_str()))
            })
            || is_modifier_free(w)
    });
    if modifiers_ok {
        3
    } else {
        1
    }
}

/// A description and its words (see `description_words`).
struct Description {
    text: String,
    words: Vec<(usize, usize)>,
}

impl Description {
    fn new(text: String) -> Description {
        let mut words = Vec::new();
        description_words(&text, &mut words);
        Description { text, words }
    }
}

/// Modifiers that do not narrow a descriptor ("the top diplomat").
fn is_modifier_free(w: &str) -> bool {
    w.ends_with("-year-old")
        || matches!(
            w,
            "top"
                | "senior"
                | "chief"
                | "main"
                | "current"
                | "new"
                | "veteran"
                | "then"
                | "country's"
                | "nation's"
        )
}

/// The apposition after a name: ", the Kremlin spokesman," or ", a nurse in
/// Ohio." -> "kremlin spokesman" / "nurse in ohio" (determiner dropped).
pub(crate) fn apposition_after(text: &str, end: usize) -> Option<String> {
    let rest = &text[end..floor_boundary(text, (end + 120).min(text.len()))];
    let rest = rest.strip_prefix(',')?.trim_start();
    let stop = rest
        .find([',', '.', ';', '\n', '(', ')', '“', '"', '”'])
        .unwrap_or(rest.len());
    let body = &rest[..stop];
    let mut words = body.split_whitespace();
    let first = words.next()?;
    if !cues::is_determiner(first) && possessive_stem(first) == first {
        return None;
    }
    let mut tail: Vec<&str> = if cues::is_determiner(first) {
        words.collect()
    } else {
        body.split_whitespace().collect()
    };
    if let Some(cut) = tail
        .iter()
        .position(|w| cues::reporting_verb(w).is_some() || matches!(*w, "who" | "which"))
    {
        tail.truncate(cut);
    }
    (!tail.is_empty() && tail.len() <= 8).then(|| tail.join(" ").to_lowercase())
}

/// Head nouns of definite descriptors that name no role anybody holds, only
/// the person being written about ("the 24-year-old", "the veteran").
fn is_bare_person_noun(head: &str) -> bool {
    head.ends_with("-year-old")
        || matches!(
            head,
            "veteran"
                | "teenager"
                | "youngster"
                | "striker"
                | "midfielder"
                | "forward"
                | "defender"
                | "goalkeeper"
                | "player"
                | "star"
                | "champion"
                | "winner"
                | "rookie"
                | "captain"
                | "singer"
                | "actor"
                | "actress"
                | "author"
                | "novelist"
                | "frenchman"
                | "englishman"
                | "scot"
                | "welshman"
                | "irishman"
                | "dutchman"
                | "spaniard"
                | "swede"
                | "dane"
                | "briton"
                | "finn"
                | "pole"
                | "swiss"
                | "veteran's"
                | "grandmother"
                | "grandfather"
                | "mother"
                | "father"
                | "widow"
                | "survivor"
                | "mayor"
                | "coach"
                | "manager"
        )
}

/// Heads of descriptors for people the text does not name ("the official",
/// "the diplomat"): never looked for in the paragraphs after them.
fn is_anonymous_head(head: &str) -> bool {
    matches!(
        head,
        "official"
            | "diplomat"
            | "source"
            | "person"
            | "man"
            | "woman"
            | "resident"
            | "witness"
            | "officer"
            | "analyst"
            | "expert"
            | "aide"
            | "insider"
            | "employee"
            | "worker"
            | "member"
            | "lawmaker"
            | "negotiator"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "statement"
            | "source's"
            | "official's"
            | "representative"
            | "adviser"
            | "advisor"
            | "researcher"
            | "doctor"
            | "nurse"
            | "teacher"
            | "student"
            | "victim"
            | "survivor"
    )
}

/// A news organization: reports, does not act ("seen by The Associated Press").
fn is_news_outlet(ent: &crate::gazetteer::Entity) -> bool {
    const WORDS: &[&str] = &[
        "press",
        "news",
        "times",
        "post",
        "journal",
        "guardian",
        "telegraph",
        "herald",
        "tribune",
        "gazette",
        "television",
        "radio",
        "tv",
        "broadcasting",
        "newspaper",
        "broadcaster",
        "agency",
        "reuters",
        "bloomberg",
        "bbc",
        "cnn",
        "interfax",
        "tass",
        "xinhua",
    ];
    cues::is_outlet(&ent.name)
        || std::iter::once(ent.name.as_str())
            .chain(ent.list_property("descriptors"))
            .any(|n| {
                n.split_whitespace()
                    .any(|w| WORDS.iter().any(|x| w.eq_ignore_ascii_case(x)))
            })
}

/// The spans of the white-space separated words of `text[span]`.
fn word_spans(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[span.range()].char_indices() {
        let at = span.start + i;
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(Span::new(s, at));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, span.end));
    }
    out
}
