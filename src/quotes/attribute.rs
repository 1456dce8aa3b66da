//! Attribution: finds the reporting clause of a quotation (its cue) and the
//! words naming the speaker, in bounded windows before and after it.
//!
//! After the quotation: `“…,” Ushakov said`, `“…,” said Kaja Kallas, the
//! EU's foreign policy chief`, `“…,” according to the ministry`, `“…,”
//! Peskov, the Kremlin spokesman, told reporters`. Before it, in the same
//! sentence: `Ushakov said: “…”`, `In a statement, the ministry said: “…”`,
//! `Trump acknowledged he had made “no progress”`, `“…,” she said, “…”`.
//! The speaker phrase is a mention, a pronoun, a descriptor noun phrase or
//! an unknown capitalized name; resolving it to an entity is `resolve`'s job.

use super::cues::{self, VerbForm};
use super::tokens::{Tok, TokKind, TokenIndex};
use crate::gazetteer::{EntityIdx, EntityType, Gazetteer};
use crate::span::Span;
use crate::tag::Mention;

/// How far (bytes) a reporting clause is looked for on either side.
pub(crate) const WINDOW: usize = 600;
/// Longest noun phrase walked over, in tokens.
const MAX_NP: usize = 9;

/// What the attribution rules read about the document.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub mentions: &'a [Mention],
    pub gazetteer: &'a Gazetteer,
    /// Every quotation span, sorted.
    pub quotes: &'a [Span],
    pub paragraphs: &'a [Span],
    /// The tokens of the whole text.
    pub tokens: &'a TokenIndex,
}

impl Ctx<'_> {
    /// The mention overlapping `span`, if any.
    pub fn mention_overlapping(&self, span: Span) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.span.end <= span.start);
        (i < self.mentions.len() && self.mentions[i].span.start < span.end).then_some(i)
    }

    /// The entity of a mention; for an ambiguous one, its only person (or
    /// only organization) candidate.
    pub fn mention_entity(&self, mi: usize) -> Option<EntityIdx> {
        let m = &self.mentions[mi];
        if m.entity.is_some() {
            return m.entity;
        }
        let of_kind = |kind| {
            let mut it = m.candidates.iter().filter(|&&c| {
                c.index() < self.gazetteer.len() && self.gazetteer.entity(c).kind == kind
            });
            match (it.next(), it.next()) {
                (Some(&c), None) => Some(c),
                _ => None,
            }
        };
        of_kind(EntityType::Person).or_else(|| of_kind(EntityType::Organization))
    }

    pub fn entity_kind(&self, idx: EntityIdx) -> Option<EntityType> {
        (idx.index() < self.gazetteer.len()).then(|| self.gazetteer.entity(idx).kind)
    }

    /// True when `pos` lies inside a quotation.
    pub fn inside_quote(&self, pos: usize) -> bool {
        let i = self.quotes.partition_point(|q| q.end <= pos);
        i < self.quotes.len() && self.quotes[i].start <= pos
    }

    pub fn word<'t>(&'t self, t: &Tok) -> &'t str {
        t.text(self.text)
    }

    /// The reporting-verb form of a token (see `cues::reporting_verb`).
    pub fn verb(&self, t: &Tok) -> Option<VerbForm> {
        self.tokens.verb(self.text, t)
    }

    /// True when token `i` of `toks` ends a sentence (see `tokens::ends_sentence`).
    pub fn ends_sentence(&self, toks: &[Tok], i: usize) -> bool {
        self.tokens.ends_sentence(self.text, toks, i)
    }

    /// Tokenizes `text[range]` into `out` (see `tokens::tokenize`).
    pub fn tokenize(&self, range: Span, out: &mut Vec<Tok>) {
        self.tokens.window(self.text, range, self.quotes, out);
    }
}

/// The kind of words naming a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PhraseKind {
    /// A gazetteer mention (index into the mentions).
    Mention(usize),
    /// he, she, they, it.
    Pronoun(cues::Pronoun),
    /// A noun phrase: "the Russian president", "a spokeswoman for the ministry".
    Descriptor,
    /// An unknown capitalized name; `org` when it names an organization.
    Name { org: bool },
    /// An unnamed group ("officials"): never resolved.
    Group,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Phrase {
    pub span: Span,
    pub kind: PhraseKind,
}

/// A reporting clause found for a quotation.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Attribution {
    pub cue: Span,
    pub speaker: Option<Phrase>,
    /// The person or organization spoken to ("Putin told Trump").
    pub addressee: Option<EntityIdx>,
}

/// Finds the reporting clause of the quotation at `q` in paragraph `para`
/// (index `pidx`). An `embedded` quotation (inside a sentence) looks before
/// itself first, a quotation opening a clause looks after itself first.
pub(crate) fn attribute(
    ctx: &Ctx<'_>,
    q: Span,
    pidx: usize,
    embedded: bool,
    toks: &mut Vec<Tok>,
) -> Option<Attribution> {
    let para = ctx.paragraphs[pidx];
    if embedded || introduced_before(ctx, q, para) {
        before_clause(ctx, q, para, toks).or_else(|| after_clause(ctx, q, para, embedded, toks))
    } else {
        after_clause(ctx, q, para, false, toks)
            .or_else(|| before_clause(ctx, q, para, toks))
            .or_else(|| previous_paragraph_colon(ctx, q, pidx, toks))
    }
}

/// Is the quotation introduced by the clause before it: `Peskov said: “…”`,
/// or the second half of an interrupted one, `“…,” she said, “…”`? Then
/// that clause is its attribution, not whatever sentence follows it.
fn introduced_before(ctx: &Ctx<'_>, q: Span, para: Span) -> bool {
    let lead = ctx.text[para.start.min(q.start)..q.start].trim_end();
    if lead.ends_with(':') {
        return true;
    }
    if !lead.ends_with(',') {
        return false;
    }
    // "According to Peskov, “…”".
    let sentence = lead
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '.' | '!' | '?' | '”' | '"'))
        .map_or(lead, |(i, c)| &lead[i + c.len_utf8()..]);
    // Compared in place: no lower-cased copy of the lead per quotation.
    let opening = sentence.trim_start().as_bytes();
    if opening.len() > 13 && opening[..13].eq_ignore_ascii_case(b"according to ") {
        return true;
    }
    let at = ctx.quotes.partition_point(|s| s.start < q.start);
    at > 0 && {
        let prev = ctx.quotes[at - 1];
        prev.end >= para.start && prev.end <= q.start && q.start - prev.end <= INTERRUPTION_BYTES
    }
}

/// The longest reporting clause between the halves of an interrupted
/// quotation (`, the Kremlin spokesman told reporters on Monday, `).
const INTERRUPTION_BYTES: usize = 100;

/// `“…,” Peskov said` / `“…,” said Peskov` / `“…,” according to Peskov`:
/// a clause starting right after the quotation.
fn after_clause(
    ctx: &Ctx<'_>,
    q: Span,
    para: Span,
    embedded: bool,
    toks: &mut Vec<Tok>,
) -> Option<Attribution> {
    let end = floor_boundary(ctx.text, para.end.min(q.end + WINDOW));
    if end <= q.end {
        return None;
    }
    ctx.tokenize(Span::new(q.end, end), toks);
    let n = (0..toks.len())
        .find(|&i| toks[i].kind == TokKind::Quote || ctx.ends_sentence(toks, i))
        .unwrap_or(toks.len());
    let toks = &toks[..n];
    let mut i = 0;
    while i < n && i < 2 && matches!(toks[i].kind, TokKind::Punct(',' | '—' | '–' | '-' | '('))
    {
        i += 1;
    }
    if let Some(a) = clause_at(ctx, toks, i, n) {
        return Some(a);
    }
    if !embedded {
        return None;
    }
    // "will take “years, not months”, the health secretary has warned":
    // a reporting clause closing the sentence after a comma.
    (i + 1..n)
        .filter(|&c| toks[c].is_punct(','))
        .find_map(|c| clause_at(ctx, toks, c + 1, n))
}

/// A reporting clause starting at token `i`: `said X`, `X said`,
/// `according to X`.
fn clause_at(ctx: &Ctx<'_>, toks: &[Tok], i: usize, n: usize) -> Option<Attribution> {
    if i >= n || !toks[i].is_word() {
        return None;
    }
    if let Some(a) = according_to(ctx, toks, i, n) {
        return Some(a);
    }
    if ctx.verb(&toks[i]) == Some(VerbForm::Finite) {
        let speaker = subject_after(ctx, toks, i, n)?;
        return Some(Attribution {
            cue: toks[i].span,
            speaker: Some(speaker),
            addressee: None,
        });
    }
    for v in i + 1..n.min(i + 18) {
        let t = toks[v];
        if !t.is_word() {
            continue;
        }
        if ctx.verb(&t) != Some(VerbForm::Finite) || is_noun_use(ctx, toks, v) {
            continue;
        }
        let (speaker, start) = subject_before(ctx, toks, v, i)?;
        if start != i {
            return None;
        }
        if let Some(a) = quoted_object(ctx, toks, v, n) {
            return Some(a);
        }
        return Some(Attribution {
            cue: cue_span(ctx, toks, v),
            speaker: Some(speaker),
            addressee: addressee(ctx, toks, v, n),
        });
    }
    None
}

/// `“…,” the RIA news agency quoted Peskov as saying`: the speaker is the
/// one quoted, not the outlet quoting.
fn quoted_object(ctx: &Ctx<'_>, toks: &[Tok], v: usize, n: usize) -> Option<Attribution> {
    if !matches!(ctx.word(&toks[v]), "quoted" | "cited" | "quotes" | "cites") {
        return None;
    }
    let as_idx = (v + 2..n.min(v + 10)).find(|&k| {
        ctx.word(&toks[k]) == "as"
            && toks
                .get(k + 1)
                .is_some_and(|t| matches!(ctx.word(t), "saying" | "telling" | "writing"))
    })?;
    let speaker = subject_after(ctx, toks, v, as_idx)?;
    Some(Attribution {
        cue: Span::new(toks[v].span.start, toks[as_idx + 1].span.end),
        speaker: Some(speaker),
        addressee: None,
    })
}

/// `Peskov said: “…”`, `In a statement, the ministry said “…”`, and the
/// reporting clause of a partial quotation earlier in its sentence.
fn before_clause(ctx: &Ctx<'_>, q: Span, para: Span, toks: &mut Vec<Tok>) -> Option<Attribution> {
    let start = ceil_boundary(ctx.text, para.start.max(q.start.saturating_sub(WINDOW)));
    if start >= q.start {
        return None;
    }
    ctx.tokenize(Span::new(start, q.start), toks);
    clause_before_end(ctx, toks)
}

/// A quotation opening a paragraph after one ending with a colon
/// (`Peskov told reporters:` / `“…”`).
fn previous_paragraph_colon(
    ctx: &Ctx<'_>,
    q: Span,
    pidx: usize,
    toks: &mut Vec<Tok>,
) -> Option<Attribution> {
    let para = ctx.paragraphs[pidx];
    if pidx == 0 || !ctx.text[para.start..q.start].trim().is_empty() {
        return None;
    }
    let prev = ctx.paragraphs[pidx - 1];
    if !ctx.text[prev.range()].trim_end().ends_with(':') {
        return None;
    }
    let start = ceil_boundary(ctx.text, prev.start.max(prev.end.saturating_sub(WINDOW)));
    ctx.tokenize(Span::new(start, prev.end), toks);
    clause_before_end(ctx, toks)
}

/// The last reporting clause of the sentence that `toks` ends with.
fn clause_before_end(ctx: &Ctx<'_>, toks: &[Tok]) -> Option<Attribution> {
    let n = toks.len();
    let start = (0..n)
        .rev()
        .find(|&i| ctx.ends_sentence(toks, i))
        .map_or(0, |i| i + 1);
    if let Some(a) =
        headline_colon(ctx, &toks[start..]).or_else(|| owner_of_words(ctx, &toks[start..]))
    {
        return Some(a);
    }
    let mut participle: Option<usize> = None;
    for v in (start..n).rev() {
        let t = toks[v];
        if !t.is_word() {
            continue;
        }
        if let Some(a) = according_to(ctx, toks, v, n) {
            return Some(a);
        }
        let Some(form) = ctx.verb(&t) else {
            continue;
        };
        if is_noun_use(ctx, toks, v) || is_irrealis(ctx, toks, v) {
            continue;
        }
        if let Some(a) = quoted_as_saying(ctx, toks, v, start) {
            return Some(a);
        }
        match form {
            VerbForm::Ing => {
                participle.get_or_insert(v);
            }
            VerbForm::Finite => {
                // "Said Peskov: …" (inverted, the verb opens the clause).
                let inverted = || {
                    (v == start)
                        .then(|| subject_after(ctx, toks, v, n))
                        .flatten()
                };
                // "Merz arrived on Monday and said: …": the subject of a
                // coordinated verb is the clause's.
                let coordinated = || {
                    (v > start && matches!(ctx.word(&toks[v - 1]), "and" | "but"))
                        .then(|| first_speaker_of(ctx, toks, start, v - 1))
                        .flatten()
                };
                let speaker = subject_before(ctx, toks, v, start)
                    .map(|(p, _)| p)
                    .or_else(inverted)
                    .or_else(coordinated);
                if let Some(speaker) = speaker {
                    return Some(Attribution {
                        cue: cue_span(ctx, toks, v),
                        speaker: Some(speaker),
                        addressee: addressee(ctx, toks, v, n),
                    });
                }
            }
        }
    }
    // "Speaking in Kyiv, Zelensky, adding: …" style: a participle whose
    // subject is the sentence's first name.
    let v = participle?;
    // "with Lagarde saying": the noun phrase right before the participle.
    let speaker = subject_before(ctx, toks, v, start)
        .map(|(p, _)| p)
        .filter(|p| matches!(p.kind, PhraseKind::Mention(_) | PhraseKind::Name { .. }))
        .or_else(|| first_speaker_of(ctx, toks, start, v));
    Some(Attribution {
        cue: toks[v].span,
        speaker,
        addressee: None,
    })
}

/// The speaker a clause `toks[start..end]` is about: its first person
/// mentioned, else the name it starts with, else its first organization.
fn first_speaker_of(ctx: &Ctx<'_>, toks: &[Tok], start: usize, end: usize) -> Option<Phrase> {
    let first_of = |kind: EntityType| {
        (start..end).find_map(|i| {
            let mi = ctx
                .mention_overlapping(toks[i].span)
                .filter(|&mi| !ctx.mentions[mi].demonym)?;
            let e = ctx.mention_entity(mi)?;
            (ctx.entity_kind(e) == Some(kind)).then_some(Phrase {
                span: ctx.mentions[mi].span,
                kind: PhraseKind::Mention(mi),
            })
        })
    };
    first_of(EntityType::Person)
        .or_else(|| clause_subject_name(ctx, &toks[start..end]))
        .or_else(|| first_of(EntityType::Organization))
}

/// `Arteta: ‘We showed character’`: a clause that is only a name and a colon.
fn headline_colon(ctx: &Ctx<'_>, clause: &[Tok]) -> Option<Attribution> {
    let (colon, name) = clause.split_last()?;
    if !colon.is_punct(':')
        || name.is_empty()
        || name.len() > 5
        || !name.iter().all(|t| t.is_word())
    {
        return None;
    }
    let (phrase, start) = subject_before(ctx, clause, name.len(), 0)?;
    if start != 0
        || !matches!(
            phrase.kind,
            PhraseKind::Mention(_) | PhraseKind::Name { .. }
        )
    {
        return None;
    }
    Some(Attribution {
        cue: colon.span,
        speaker: Some(phrase),
        addressee: None,
    })
}

/// The name a clause starts with ("Senator Elizabeth Warren of
/// Massachusetts voted …"), for a participle with no subject of its own.
fn clause_subject_name(ctx: &Ctx<'_>, clause: &[Tok]) -> Option<Phrase> {
    let mut people = Vec::new();
    introduced_people(ctx, clause, &mut people);
    if let Some(p) = people.first() {
        return Some(Phrase {
            span: p.span,
            kind: PhraseKind::Name { org: false },
        });
    }
    let run = clause
        .iter()
        .take_while(|t| t.is_capitalized(ctx.text) && ctx.mention_overlapping(t.span).is_none())
        .count();
    let followed_by_word = clause
        .get(run)
        .is_some_and(|t| t.is_word() && !t.is_capitalized(ctx.text));
    let common_word = run == 1
        && crate::gazetteer::english_words()
            .contains(clause[0].text(ctx.text).to_lowercase().as_str());
    if run == 0 || run > 4 || !followed_by_word || common_word {
        return None;
    }
    classify_np(ctx, &clause[..run]).filter(|p| matches!(p.kind, PhraseKind::Name { org: false }))
}

/// `Peskov's answer was blunt: “No.”` / `His message was clear: “…”`: a
/// clause ending in a colon whose words-noun has an owner.
fn owner_of_words(ctx: &Ctx<'_>, clause: &[Tok]) -> Option<Attribution> {
    let text = ctx.text;
    if !clause.last()?.is_punct(':') {
        return None;
    }
    let k = clause
        .iter()
        .position(|t| t.is_word() && cues::is_words_noun(t.text(text)))?;
    let owner = clause.get(k.checked_sub(1)?)?;
    let w = owner.text(text);
    let phrase = if let Some(p) = cues::possessive_pronoun(w) {
        Phrase {
            span: owner.span,
            kind: PhraseKind::Pronoun(p),
        }
    } else if owner.stem(text).len() != w.len() {
        let mi = ctx
            .mention_overlapping(owner.span)
            .filter(|&mi| !ctx.mentions[mi].demonym);
        match mi {
            Some(mi) => Phrase {
                span: ctx.mentions[mi].span,
                kind: PhraseKind::Mention(mi),
            },
            None if owner.is_capitalized(text) => Phrase {
                span: Span::new(owner.span.start, owner.stem_end(text)),
                kind: PhraseKind::Name { org: false },
            },
            None => return None,
        }
    } else {
        return None;
    };
    Some(Attribution {
        cue: clause[k].span,
        speaker: Some(phrase),
        addressee: None,
    })
}

/// `according to X` at token `i`.
fn according_to(ctx: &Ctx<'_>, toks: &[Tok], i: usize, n: usize) -> Option<Attribution> {
    let is = |k: usize, w: &str| {
        toks.get(k)
            .is_some_and(|t| t.is_word() && ctx.word(t).eq_ignore_ascii_case(w))
    };
    if !(is(i, "according") && is(i + 1, "to")) {
        return None;
    }
    let cue = Span::new(toks[i].span.start, toks[i + 1].span.end);
    let speaker = subject_after(ctx, toks, i + 1, n).or_else(|| {
        // "according to a statement from the ministry": the first mention.
        (i + 2..n.min(i + 10))
            .take_while(|&k| toks[k].is_word())
            .find_map(|k| {
                let mi = ctx.mention_overlapping(toks[k].span)?;
                (!ctx.mentions[mi].demonym).then_some(Phrase {
                    span: ctx.mentions[mi].span,
                    kind: PhraseKind::Mention(mi),
                })
            })
    });
    Some(Attribution {
        cue,
        speaker,
        addressee: None,
    })
}

/// `Interfax quoted Peskov as saying`: the speaker is the object of "quoted".
fn quoted_as_saying(ctx: &Ctx<'_>, toks: &[Tok], v: usize, start: usize) -> Option<Attribution> {
    let w = ctx.word(&toks[v]);
    if !w.eq_ignore_ascii_case("saying")
        || v < 2
        || !ctx.word(&toks[v - 1]).eq_ignore_ascii_case("as")
    {
        return None;
    }
    let quoted = (start..v - 1).rev().take(10).find(|&k| {
        let w = ctx.word(&toks[k]);
        w.eq_ignore_ascii_case("quoted") || w.eq_ignore_ascii_case("cited")
    })?;
    // "Peskov was quoted as saying" (passive) or "Interfax quoted Peskov as saying".
    let passive = quoted > 0
        && matches!(
            ctx.word(&toks[quoted - 1]).to_ascii_lowercase().as_str(),
            "was" | "is" | "were" | "been"
        );
    let speaker = if passive || quoted + 1 == v - 1 {
        subject_before(ctx, toks, quoted, start).map(|(p, _)| p)
    } else {
        subject_after(ctx, toks, quoted, v - 1)
    };
    Some(Attribution {
        cue: Span::new(toks[quoted].span.start, toks[v].span.end),
        speaker,
        addressee: None,
    })
}

/// A verb after a modal or "to" ("would respond", "to say") reports nothing yet.
fn is_irrealis(ctx: &Ctx<'_>, toks: &[Tok], v: usize) -> bool {
    let prev = |k: usize| {
        (v >= k && toks[v - k].is_word()).then(|| ctx.word(&toks[v - k]).to_ascii_lowercase())
    };
    let modal = |w: &str| {
        matches!(
            w,
            "would"
                | "will"
                | "could"
                | "should"
                | "might"
                | "may"
                | "must"
                | "can"
                | "to"
                | "shall"
        )
    };
    prev(1).is_some_and(|w| modal(&w))
        || (prev(1).is_some_and(|w| w == "not" || w.ends_with("ly"))
            && prev(2).is_some_and(|w| modal(&w)))
}

/// A reporting verb used as a noun ("the report said", "a call").
fn is_noun_use(ctx: &Ctx<'_>, toks: &[Tok], v: usize) -> bool {
    let det = |k: usize| toks[k].is_word() && cues::is_determiner(ctx.word(&toks[k]));
    if v > 0 && det(v - 1) {
        return true;
    }
    // "in a phone call", "a blog post": a bare form after "a/the + noun".
    let w = ctx.word(&toks[v]);
    v > 1
        && cues::is_lemma(w)
        && toks[v - 1].is_word()
        && !cues::is_aux_or_adverb(ctx.word(&toks[v - 1]))
        && cues::pronoun(ctx.word(&toks[v - 1])).is_none()
        && det(v - 2)
}

/// The cue: the verb, extended over "reporters" / "in a statement" style
/// complements that make up multi-word cues.
fn cue_span(ctx: &Ctx<'_>, toks: &[Tok], v: usize) -> Span {
    let mut span = toks[v].span;
    let words: Vec<&str> = toks[v + 1..]
        .iter()
        .take(4)
        .take_while(|t| t.is_word())
        .map(|t| ctx.word(t))
        .collect();
    let ext = match words.as_slice() {
        ["reporters" | "journalists" | "lawmakers" | "parliament", ..] => 1,
        ["in", "a" | "an" | "the", "statement" | "interview" | "post" | "video" | "letter" | "speech", ..] => {
            3
        }
        ["on", "X" | "Telegram" | "Twitter" | "Facebook" | "Instagram" | "Truth" | "television", ..] => {
            2
        }
        _ => 0,
    };
    if ext > 0 {
        span.end = toks[v + ext].span.end;
    }
    span
}

/// The entity spoken to: "Putin told Trump", "told the BBC" is not one.
fn addressee(ctx: &Ctx<'_>, toks: &[Tok], v: usize, n: usize) -> Option<EntityIdx> {
    let w = ctx.word(&toks[v]);
    if !matches!(
        w,
        "told"
            | "tells"
            | "tell"
            | "telling"
            | "informed"
            | "assured"
            | "warned"
            | "urged"
            | "reminded"
    ) {
        return None;
    }
    let t = toks.get(v + 1).filter(|_| v + 1 < n)?;
    let mi = ctx.mention_overlapping(t.span)?;
    let m = &ctx.mentions[mi];
    if m.demonym || m.span.start != t.span.start {
        return None;
    }
    let e = ctx.mention_entity(mi)?;
    (ctx.entity_kind(e) != Some(EntityType::Organization) || !is_outlet_entity(ctx, e)).then_some(e)
}

fn is_outlet_entity(ctx: &Ctx<'_>, e: EntityIdx) -> bool {
    cues::is_outlet(&ctx.gazetteer.entity(e).name)
}

/// The subject of the verb at `v`, walking back no further than `lo`:
/// returns the phrase and the index of its first token (apposition and
/// titles included).
pub(crate) fn subject_before(
    ctx: &Ctx<'_>,
    toks: &[Tok],
    v: usize,
    lo: usize,
) -> Option<(Phrase, usize)> {
    let text = ctx.text;
    let mut i = v;
    while i > lo && toks[i - 1].is_word() && cues::is_aux_or_adverb(ctx.word(&toks[i - 1])) {
        i -= 1;
    }
    if i > lo && toks[i - 1].is_punct(')') {
        // "Peskov (pictured) said": skip the brackets.
        let close = i - 1;
        let open = (lo..close)
            .rev()
            .take(12)
            .find(|&k| toks[k].is_punct('('))?;
        i = open;
    }
    if i > lo && toks[i - 1].is_punct(',') {
        // "Peskov, the Kremlin spokesman, said": skip the apposition.
        let close = i - 1;
        let mut j = close;
        let mut open = None;
        while j > lo && close - j < 28 {
            j -= 1;
            let t = toks[j];
            if t.is_punct(',') {
                open = Some(j);
                break;
            }
            if !(t.is_word() || matches!(t.kind, TokKind::Quote | TokKind::Punct('-' | '\'' | '’')))
            {
                break;
            }
        }
        let open = open?;
        // "Hungary's foreign minister, Peter Szijjarto, said": the name in
        // commas is the subject, the descriptor before it its role.
        if let Some(named) = apposed_name(ctx, toks, open + 1, close) {
            return Some((named, walk_np_back(ctx, toks, open, lo)));
        }
        i = open;
    }
    if i <= lo {
        return None;
    }
    let head = i - 1;
    let h = toks[head];
    if h.is_word() && matches!(h.text(text), "who" | "which") {
        // "Trump, who has accused allies of …": the subject is who "who" is.
        let j = if head > lo && toks[head - 1].is_punct(',') {
            head - 1
        } else {
            head
        };
        return (j > lo).then(|| subject_before(ctx, toks, j, lo)).flatten();
    }
    if !h.is_word() || cues::is_np_stop(h.text(text)) {
        return None;
    }
    if let Some(mi) = ctx
        .mention_overlapping(h.span)
        .filter(|&mi| !part_of_longer_name(ctx, toks, mi, lo))
    {
        let m = &ctx.mentions[mi];
        if !m.demonym && m.span.end <= h.span.end + 3 {
            let from = m.title.map_or(m.span.start, |t| t.start.min(m.span.start));
            let mut s = head;
            while s > lo && toks[s - 1].span.start >= from {
                s -= 1;
            }
            let s = walk_np_back(ctx, toks, s, lo);
            return Some((
                Phrase {
                    span: m.span,
                    kind: PhraseKind::Mention(mi),
                },
                s,
            ));
        }
    }
    if let Some(p) = cues::pronoun(h.text(text)) {
        return Some((
            Phrase {
                span: h.span,
                kind: PhraseKind::Pronoun(p),
            },
            head,
        ));
    }
    let s = walk_np_back(ctx, toks, head, lo);
    let mut phrase = classify_np(ctx, &toks[s..=head])?;
    if let PhraseKind::Name { org } = &mut phrase.kind {
        // A place or organization mention at the head: still an organization.
        let mention_kind = ctx
            .mention_overlapping(h.span)
            .and_then(|mi| ctx.mention_entity(mi))
            .and_then(|e| ctx.entity_kind(e));
        *org |= matches!(
            mention_kind,
            Some(EntityType::Organization | EntityType::Place)
        );
    }
    Some((phrase, s))
}

/// A name filling `toks[from..to]` entirely: a person mention or a
/// capitalized name.
fn apposed_name(ctx: &Ctx<'_>, toks: &[Tok], from: usize, to: usize) -> Option<Phrase> {
    if from >= to || to - from > 6 {
        return None;
    }
    let np = &toks[from..to];
    if let Some(mi) = ctx.mention_overlapping(np[np.len() - 1].span) {
        let is_person =
            ctx.mention_entity(mi).and_then(|e| ctx.entity_kind(e)) == Some(EntityType::Person);
        return is_person.then_some(Phrase {
            span: ctx.mentions[mi].span,
            kind: PhraseKind::Mention(mi),
        });
    }
    let all_caps = np
        .iter()
        .all(|t| t.is_capitalized(ctx.text) || cues::is_name_particle(ctx.word(t)));
    if !all_caps || !np[0].is_capitalized(ctx.text) {
        return None;
    }
    classify_np(ctx, np).filter(|p| matches!(p.kind, PhraseKind::Name { org: false }))
}

/// True when a person mention is only part of a capitalized name the
/// gazetteer does not know: "Paul" in "Sgt. Paul Bouchard", "Kelly" in "Dan
/// Kelly". Title words and the mention's own title do not count.
pub(crate) fn part_of_longer_name(ctx: &Ctx<'_>, toks: &[Tok], mi: usize, lo: usize) -> bool {
    let m = &ctx.mentions[mi];
    if m.demonym {
        return false;
    }
    let person =
        ctx.mention_entity(mi).and_then(|e| ctx.entity_kind(e)) == Some(EntityType::Person);
    let text = ctx.text;
    if !person {
        // "Mount Sinai" (a hospital, not the peninsula), "Georgian Dream":
        // a place or organization after a name word is part of another name.
        let first = toks.partition_point(|t| t.span.end <= m.span.start);
        let Some(prev) = first.checked_sub(1).filter(|&p| p >= lo).map(|p| &toks[p]) else {
            return false;
        };
        let w = prev.text(text);
        let name_word = matches!(
            w,
            "Mount"
                | "New"
                | "Port"
                | "Fort"
                | "Lake"
                | "Cape"
                | "San"
                | "Santa"
                | "Saint"
                | "St."
                | "Royal"
                | "Greater"
                | "Upper"
                | "Lower"
        ) || !crate::gazetteer::english_words().contains(w.to_lowercase().as_str());
        return prev.is_capitalized(text)
            && prev.span.end + 1 >= m.span.start
            && name_word
            && !cues::is_title_word(w)
            && !cues::is_not_name(w)
            && ctx.mention_overlapping(prev.span).is_none()
            && prev.stem(text).len() == w.len();
    }
    let first = toks.partition_point(|t| t.span.end <= m.span.start);
    let last = toks.partition_point(|t| t.span.start < m.span.end);
    if first >= last {
        return false;
    }
    let stranger = |t: &Tok| {
        let w = t.text(text);
        t.is_capitalized(text)
            && !cues::is_title_word(w)
            && !cues::is_not_name(w)
            && !m.title.is_some_and(|s| s.contains(t.span))
            && ctx.mention_overlapping(t.span).is_none_or(|other| {
                // "Dan Kelly": two surname mentions side by side are one name.
                let e = ctx.mention_entity(other);
                e != m.entity && e.and_then(|e| ctx.entity_kind(e)) == Some(EntityType::Person)
            })
    };
    let before =
        first > lo && stranger(&toks[first - 1]) && toks[first - 1].span.end + 1 >= m.span.start;
    let after = toks
        .get(last)
        .is_some_and(|t| stranger(t) && t.span.start <= m.span.end + 1);
    before || after
}

/// The first index of the noun phrase ending at token `head` (inclusive).
fn walk_np_back(ctx: &Ctx<'_>, toks: &[Tok], head: usize, lo: usize) -> usize {
    let mut s = head;
    while s > lo && head - s < MAX_NP {
        let t = toks[s - 1];
        let joins_names = s >= 2
            && matches!(ctx.word(&t), "and" | "of" | "&" | "for")
            && toks[s].is_capitalized(ctx.text)
            && toks[s - 2].is_capitalized(ctx.text);
        if !joins_names && (!t.is_word() || is_np_boundary(ctx, &t)) {
            break;
        }
        s -= 1;
    }
    s
}

fn is_np_boundary(ctx: &Ctx<'_>, t: &Tok) -> bool {
    let w = ctx.word(t);
    if cues::is_np_stop(w) {
        return true;
    }
    let lower = w.starts_with(|c: char| c.is_lowercase());
    lower
        && cues::reporting_verb(w).is_some()
        && (w.ends_with("ed")
            || w.ends_with('s')
            || matches!(w, "told" | "wrote" | "spoke" | "said"))
}

/// The speaker right after the verb at `v`: `said Kaja Kallas`, `said he`,
/// `said the ministry`, `according to Kremlin aide Yuri Ushakov`.
pub(crate) fn subject_after(ctx: &Ctx<'_>, toks: &[Tok], v: usize, n: usize) -> Option<Phrase> {
    let mut i = v + 1;
    while i < n
        && toks[i].is_word()
        && cues::is_aux_or_adverb(ctx.word(&toks[i]))
        && cues::pronoun(ctx.word(&toks[i])).is_none()
    {
        i += 1;
    }
    if i >= n || !toks[i].is_word() {
        return None;
    }
    let first = ctx.word(&toks[i]);
    if let Some(p) = cues::pronoun(first) {
        return Some(Phrase {
            span: toks[i].span,
            kind: PhraseKind::Pronoun(p),
        });
    }
    // The noun phrase: words up to a stop word or punctuation.
    let det = cues::is_determiner(first);
    let mut j = i + usize::from(det);
    while j < n
        && j - i < MAX_NP
        && toks[j].is_word()
        && !is_np_boundary(ctx, &toks[j])
        && !cues::is_determiner(ctx.word(&toks[j]))
    {
        // "said Sgt. Paul Bouchard of the state police": the name ends.
        let after_name = !det && j > i && toks[j - 1].is_capitalized(ctx.text);
        if after_name && matches!(ctx.word(&toks[j]), "of" | "for" | "at" | "from") {
            break;
        }
        j += 1;
    }
    while j > i + 1 && matches!(ctx.word(&toks[j - 1]), "of" | "for" | "at" | "from") {
        j -= 1;
    }
    if j == i + usize::from(det) {
        return None;
    }
    // A mention in it: the first person, else the first other non-demonym.
    let mut best: Option<usize> = None;
    for k in i..j {
        if let Some(mi) = ctx.mention_overlapping(toks[k].span) {
            let m = &ctx.mentions[mi];
            if m.demonym || part_of_longer_name(ctx, toks, mi, i) {
                continue;
            }
            let is_person =
                ctx.mention_entity(mi).and_then(|e| ctx.entity_kind(e)) == Some(EntityType::Person);
            // "the head of NATO": a mention after "of"/"for" inside a descriptor is not the speaker.
            let after_prep =
                k > i && matches!(ctx.word(&toks[k - 1]), "of" | "for" | "at" | "from");
            if after_prep && !is_person {
                continue;
            }
            if is_person {
                best = Some(mi);
                break;
            }
            let is_head = ctx.mentions[mi].span.end >= toks[j - 1].span.end;
            if best.is_none() && (!det || (k == i + 1 && is_head)) {
                best = Some(mi);
            }
        }
    }
    if let Some(mi) = best {
        return Some(Phrase {
            span: ctx.mentions[mi].span,
            kind: PhraseKind::Mention(mi),
        });
    }
    classify_np(ctx, &toks[i..j])
}

/// Classifies a noun phrase without a mention at its head.
fn classify_np(ctx: &Ctx<'_>, np: &[Tok]) -> Option<Phrase> {
    let text = ctx.text;
    let head = np.last()?;
    let hw = head.stem(text);
    let span = Span::new(np[0].span.start, head.span.end);
    let demonym_head = ctx
        .mention_overlapping(head.span)
        .is_some_and(|mi| ctx.mentions[mi].demonym);
    if demonym_head {
        // "the Italian", "the Russians": a descriptor or a group.
        let kind = if np.len() >= 2 && cues::is_definite(np[0].text(text)) {
            PhraseKind::Descriptor
        } else {
            PhraseKind::Group
        };
        return Some(Phrase { span, kind });
    }
    if !head.is_capitalized(text) {
        if cues::is_group_noun(hw) {
            return Some(Phrase {
                span,
                kind: PhraseKind::Group,
            });
        }
        if np.len() == 1 {
            return None;
        }
        // A capitalized run inside ("nurse Maria Lopez, 45" is not this
        // case); a descriptor noun phrase.
        return Some(Phrase {
            span,
            kind: PhraseKind::Descriptor,
        });
    }
    // The capitalized run at the end, with name particles.
    let mut r = np.len() - 1;
    while r > 0 && np.len() - r < 6 {
        let t = &np[r - 1];
        let w = t.text(text);
        let joins =
            matches!(w, "and" | "of" | "&" | "for") && r >= 2 && np[r - 2].is_capitalized(text);
        if t.is_capitalized(text) && !cues::is_not_name(w) || cues::is_name_particle(w) || joins {
            r -= 1;
        } else {
            break;
        }
    }
    let run_start = r;
    let last = np.len() - 1;
    let ends_org = cues::is_org_suffix(head.text(text)) || cues::is_outlet(hw) || is_acronym(hw);
    if !ends_org
        && np[run_start..]
            .iter()
            .any(|t| matches!(t.text(text), "and" | "&"))
    {
        // "Merz and Macron pledged": two speakers, none resolved.
        return Some(Phrase {
            span,
            kind: PhraseKind::Group,
        });
    }
    let strippable = |t: &Tok| {
        let w = t.text(text);
        cues::is_title_word(w)
            || cues::is_name_particle(w)
            || t.stem(text).len() != w.len()
            || ctx.mention_overlapping(t.span).is_some_and(|mi| {
                ctx.mentions[mi].demonym
                    || ctx.mention_entity(mi).and_then(|e| ctx.entity_kind(e))
                        != Some(EntityType::Person)
            })
    };
    if ends_org {
        // "China's Commerce Ministry" -> "Commerce Ministry"; "Chipmaker
        // Vantrex Inc." -> "Vantrex Inc.".
        while r < last
            && (np[r].stem(text).len() != np[r].text(text).len()
                || cues::is_company_noun(np[r].text(text)))
        {
            r += 1;
        }
    } else {
        // "Massachusetts Gov. Maura Healey": everything up to the last title.
        if let Some(t) = (r..last)
            .rev()
            .find(|&k| cues::is_title_word(np[k].text(text)))
        {
            r = t + 1;
        }
        while r < last && strippable(&np[r]) {
            r += 1;
        }
    }
    if cues::is_not_name(np[r].text(text)) {
        if r == last {
            return cues::is_group_noun(hw).then_some(Phrase {
                span,
                kind: PhraseKind::Group,
            });
        }
        r += 1;
    }
    let the_before = run_start > 0 && np[run_start - 1].text(text).eq_ignore_ascii_case("the");
    if the_before && r == last && cues::is_nationality_noun(hw) {
        // "the Spaniard", "the Frenchman": a descriptor, not a name.
        return Some(Phrase {
            span: Span::new(np[run_start - 1].span.start, head.span.end),
            kind: PhraseKind::Descriptor,
        });
    }
    let org = ends_org || the_before;
    Some(Phrase {
        span: Span::new(np[r].span.start, head.span.start + hw.len()),
        kind: PhraseKind::Name { org },
    })
}

fn is_acronym(w: &str) -> bool {
    w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// The largest char boundary at or below `pos`.
pub(crate) fn floor_boundary(text: &str, pos: usize) -> usize {
    let mut p = pos.min(text.len());
    while !text.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// The smallest char boundary at or above `pos`.
pub(crate) fn ceil_boundary(text: &str, pos: usize) -> usize {
    let mut p = pos.min(text.len());
    while !text.is_char_boundary(p) {
        p += 1;
    }
    p
}

/// The last reporting clause with a subject in `range` (reported speech
/// before a quotation that has no clause of its own).
pub(crate) fn last_reporting_clause(
    ctx: &Ctx<'_>,
    range: Span,
    toks: &mut Vec<Tok>,
) -> Option<Attribution> {
    if range.is_empty() {
        return None;
    }
    ctx.tokenize(range, toks);
    for v in (0..toks.len()).rev() {
        let t = toks[v];
        if !t.is_word() || ctx.verb(&t) != Some(VerbForm::Finite) || is_noun_use(ctx, toks, v) {
            continue;
        }
        if let Some((speaker, _)) = subject_before(ctx, toks, v, 0) {
            return Some(Attribution {
                cue: cue_span(ctx, toks, v),
                speaker: Some(speaker),
                addressee: None,
            });
        }
    }
    None
}

/// The subjects of the reporting clauses in `toks` (for salience: people
/// introduced through reported speech).
pub(crate) fn reporting_subjects(ctx: &Ctx<'_>, toks: &[Tok], out: &mut Vec<Phrase>) {
    for v in 0..toks.len() {
        let t = toks[v];
        if !t.is_word() || ctx.verb(&t) != Some(VerbForm::Finite) || is_noun_use(ctx, toks, v) {
            continue;
        }
        let lo = (0..v)
            .rev()
            .find(|&i| ctx.ends_sentence(toks, i))
            .map_or(0, |i| i + 1);
        if let Some((p, _)) = subject_before(ctx, toks, v, lo) {
            if matches!(
                p.kind,
                PhraseKind::Name { org: false } | PhraseKind::Descriptor
            ) {
                out.push(p);
            }
        }
    }
}

/// A person introduced by a title or role before the name ("German
/// Chancellor Friedrich Merz", "France coach Fabien Galthie"), by an
/// apposition after it ("Tom Sanders, an emeritus professor") or as the
/// subject of a reporting verb: name span and description (lower case).
pub(crate) struct Introduced {
    pub span: Span,
    pub description: Option<String>,
}

/// The people introduced in `toks` (see [`Introduced`]).
pub(crate) fn introduced_people(ctx: &Ctx<'_>, toks: &[Tok], out: &mut Vec<Introduced>) {
    let text = ctx.text;
    let is_name_tok = |t: &Tok| {
        ctx.tokens.name_flag(t, |t| {
            let w = t.stem(text);
            t.is_capitalized(text)
                && !cues::is_title_word(w)
                && !cues::is_not_name(w)
                && !cues::is_org_suffix(w)
                && ctx.mention_overlapping(t.span).is_none()
        })
    };
    let mut k = 0;
    while k < toks.len() {
        if !is_name_tok(&toks[k]) || (k > 0 && is_name_tok(&toks[k - 1])) {
            k += 1;
            continue;
        }
        let mut e = k + 1;
        while e < toks.len()
            && e - k < 4
            && (is_name_tok(&toks[e])
                || (cues::is_name_particle(toks[e].text(text))
                    && e + 1 < toks.len()
                    && is_name_tok(&toks[e + 1])))
        {
            e += 1;
        }
        let relative = toks.get(e).is_some_and(|t| t.is_punct(','))
            && toks
                .get(e + 1)
                .is_some_and(|t| matches!(t.text(text), "who" | "whose"));
        if (e - k < 2 && !relative) || (e < toks.len() && toks[e].is_capitalized(text)) {
            k = e;
            continue;
        }
        let span = Span::new(toks[k].span.start, toks[e - 1].stem_end(text));
        let mut role: Vec<&str> = Vec::new();
        let mut p = k;
        while p > 0 && role.len() < 4 {
            let t = &toks[p - 1];
            let w = t.text(text);
            let titled = cues::is_title_word(w) || cues::is_role_noun(w);
            let modifier = !role.is_empty()
                && t.is_word()
                && !cues::is_np_stop(w)
                && !cues::is_determiner(w)
                && ctx.verb(t).is_none();
            if !(titled || modifier) {
                break;
            }
            role.push(w.trim_end_matches('.'));
            p -= 1;
        }
        role.reverse();
        let appositive = toks.get(e).is_some_and(|t| t.is_punct(','))
            && toks
                .get(e + 1)
                .is_some_and(|t| t.is_word() && cues::is_determiner(t.text(text)));
        let speaks = toks
            .get(e)
            .is_some_and(|t| t.is_word() && ctx.verb(t) == Some(VerbForm::Finite));
        if !role.is_empty() || appositive || speaks || relative {
            let description = if role.is_empty() {
                appositive
                    .then(|| super::resolve::apposition_after(text, toks[e - 1].span.end))
                    .flatten()
            } else {
                Some(role.join(" ").to_lowercase())
            };
            out.push(Introduced { span, description });
        }
        k = e;
    }
}
