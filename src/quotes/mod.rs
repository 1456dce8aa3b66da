//! Quotes: detection of direct quotations and attribution to speakers.
//!
//! Four steps, one module each:
//! `detect` pairs quote marks into quotation spans (every mark style,
//! apostrophes told apart, nesting, quotations over several paragraphs,
//! broken marks contained to their paragraph); `attribute` finds the
//! reporting clause around each quotation (a lexicon of reporting verbs in
//! `cues`) and the words naming the speaker; `resolve` turns those words
//! into an entity (pronouns, descriptors, unknown names); this module decides
//! the kind, carries a speaker over to the quotation paragraphs that
//! continue them, and lists what each quotation is about.
//!
//! `about` holds the entities mentioned inside the quotation (in order, each
//! once, the speaker left out), then the addressee when the reporting clause
//! names one (`Putin told Trump`). The outlet or host of an interview
//! (`said in an interview with CNN`) is not an addressee.

use crate::gazetteer::{EntityIdx, EntityType, Gazetteer};
use crate::segment::Segments;
use crate::span::Span;
use crate::tag::Mention;
use serde::Serialize;
use std::borrow::Cow;

mod attribute;
mod cues;
mod detect;
mod resolve;
mod tokens;

use attribute::{Attribution, Ctx};
use resolve::{Resolver, Target};
use tokens::{Tok, TokenIndex};

/// Everything the quote finder reads about one document.
#[derive(Clone, Copy, Debug)]
pub struct QuoteInput<'a> {
    /// The (repaired) document text; every span below indexes it.
    pub text: &'a str,
    /// Paragraphs and sentences of `text`.
    pub segments: &'a Segments,
    /// Entity mentions in `text`, sorted by start, not overlapping.
    pub mentions: &'a [Mention],
    /// The gazetteer the mentions' entities come from.
    pub gazetteer: &'a Gazetteer,
}

/// How a quotation is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A quoted sentence or clause.
    Full,
    /// A phrase quoted inside reported speech.
    Partial,
    /// A quoted term that nobody is quoted as saying.
    Scare,
}

/// Who speaks a quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Speaker {
    /// A gazetteer entity.
    Entity(EntityIdx),
    /// A name not in the gazetteer, taken from the text ("Maria Lopez").
    Inferred {
        /// The name as written.
        name: String,
        /// Person, or organization for names like "the Health Ministry".
        kind: EntityType,
    },
}

/// One direct quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Span of the quotation, marks included.
    pub span: Span,
    /// The quoted words without the marks (for a quotation over several
    /// paragraphs, the paragraphs' marks removed, joined by a newline).
    pub text: String,
    /// Full, partial or scare quote.
    pub kind: QuoteKind,
    /// Who said it, if anyone could be found.
    pub speaker: Option<Speaker>,
    /// The words naming the speaker (a name, pronoun or descriptor).
    pub speaker_mention: Option<Span>,
    /// The reporting verb or phrase ("said", "according to").
    pub cue: Option<Span>,
    /// Entities mentioned inside the quotation, then the addressee.
    pub about: Vec<EntityIdx>,
}

/// Finds the direct quotations in a document and attributes them.
///
/// Never panics, whatever the text (unbalanced marks, NUL bytes, huge
/// lines); the work per quotation is bounded, so the whole is linear in the
/// text length.
///
/// ```
/// use newsgraph::quotes::{find_quotes, QuoteInput, QuoteKind, Speaker};
/// use newsgraph::segment::segment;
/// use newsgraph::Gazetteer;
///
/// let text = "“We are ready,” said Maria Lopez, a nurse in Ohio.";
/// let segments = segment(text);
/// let gazetteer = Gazetteer::new();
/// let input = QuoteInput { text, segments: &segments, mentions: &[], gazetteer: &gazetteer };
/// let quotes = find_quotes(&input);
/// assert_eq!(quotes[0].text, "We are ready,");
/// assert_eq!(quotes[0].kind, QuoteKind::Full);
/// assert!(matches!(&quotes[0].speaker, Some(Speaker::Inferred { name, .. }) if name == "Maria Lopez"));
/// ```
pub fn find_quotes(input: &QuoteInput<'_>) -> Vec<Quote> {
    let text = input.text;
    if text.is_empty() {
        return Vec::new();
    }
    let paragraphs = checked_paragraphs(text, input.segments);
    let sentence_starts = checked_sentence_starts(text, input.segments);
    let mut raw = detect::detect(text, &paragraphs, &sentence_starts);
    // Quotations never overlap: on marks broken enough to pair across each
    // other, the later one goes (everything downstream reads sorted,
    // disjoint spans).
    let mut end = 0;
    raw.retain(|q| {
        let keep = q.span.start >= end && q.span.start <= q.span.end;
        if keep {
            end = q.span.end;
        }
        keep
    });
    let spans: Vec<Span> = raw.iter().map(|q| q.span).collect();
    let mentions = checked_mentions(text, input.mentions, input.gazetteer.len());
    let tokens = if raw.is_empty() {
        TokenIndex::new("", &[])
    } else {
        TokenIndex::new(text, &spans)
    };
    let ctx = Ctx {
        text,
        mentions: &mentions,
        gazetteer: input.gazetteer,
        quotes: &spans,
        paragraphs: &paragraphs,
        tokens: &tokens,
    };
    let mut finder = Finder {
        ctx: &ctx,
        resolver: Resolver::new(&ctx),
        toks: Vec::new(),
        last: None,
    };
    let found: Vec<(Quote, Option<Target>)> = raw.iter().map(|q| finder.quote(q)).collect();
    // Speakers are named at the end: an inferred name may have grown
    // ("Arteta" in a headline, "Mikel Arteta" later).
    found
        .into_iter()
        .map(|(mut q, t)| {
            q.speaker = t.map(|t| finder.resolver.speaker(t));
            q
        })
        .collect()
}

/// The last quotation (not a scare quote): its paragraph and speaker.
#[derive(Clone, Copy)]
struct LastSpeaker {
    paragraph: usize,
    target: Option<Target>,
}

struct Finder<'c, 'a> {
    ctx: &'c Ctx<'a>,
    resolver: Resolver<'c, 'a>,
    toks: Vec<Tok>,
    last: Option<LastSpeaker>,
}

impl Finder<'_, '_> {
    fn quote(&mut self, q: &detect::RawQuote) -> (Quote, Option<Target>) {
        let ctx = self.ctx;
        let text = ctx.text;
        let pidx = ctx
            .paragraphs
            .partition_point(|p| p.end <= q.span.start)
            .min(ctx.paragraphs.len().saturating_sub(1));
        let para = ctx.paragraphs[pidx];
        let quoted = q
            .pieces
            .iter()
            .map(|p| &text[p.range()])
            .collect::<Vec<_>>()
            .join("\n");
        let lead = &text[para.start.min(q.span.start)..q.span.start];
        let embedded = !q.open_missing && is_embedded(lead);
        let scare = embedded && (scare_lead(lead) || is_title_of_work(&quoted));
        let attribution = if scare {
            None
        } else {
            attribute::attribute(ctx, q.span, pidx, embedded, &mut self.toks)
        };
        let kind = if scare {
            QuoteKind::Scare
        } else if !embedded || reads_as_sentence(&quoted) {
            QuoteKind::Full
        } else if attribution.is_some() {
            QuoteKind::Partial
        } else if quoted.split_whitespace().count() <= 4 {
            QuoteKind::Scare
        } else {
            QuoteKind::Partial
        };
        let (mut target, speaker_mention) = match attribution.and_then(|a| a.speaker) {
            Some(phrase) => {
                let t = self.resolver.resolve(&phrase);
                if let Some(t) = t {
                    self.resolver.note(phrase.span.start, t);
                }
                (t, Some(phrase.span))
            }
            None => (None, None),
        };
        let unattributed = attribution.and_then(|a| a.speaker).is_none();
        if target.is_none() && unattributed && kind == QuoteKind::Full && !embedded {
            target = self.continuation(q.span, pidx);
        }
        if kind != QuoteKind::Scare {
            // The next unattributed quotation continues this one's speaker,
            // even when that speaker could not be resolved.
            self.last = Some(LastSpeaker {
                paragraph: pidx,
                target,
            });
        }
        let about = self.about(q.span, target, attribution);
        let quote = Quote {
            span: q.span,
            text: quoted,
            kind,
            speaker: None,
            speaker_mention,
            cue: attribution.map(|a| a.cue),
            about,
        };
        (quote, target)
    }

    /// The speaker of a quotation with no reporting clause: the speaker of
    /// the previous quotation in this paragraph or the one before, or the
    /// subject of reported speech just before it.
    fn continuation(&mut self, q: Span, pidx: usize) -> Option<Target> {
        if let Some(last) = self.last {
            if last.paragraph + 1 >= pidx && last.paragraph <= pidx {
                return last.target;
            }
        }
        let ctx = self.ctx;
        let from = if pidx > 0 {
            ctx.paragraphs[pidx - 1].start
        } else {
            ctx.paragraphs[pidx].start
        };
        let from = attribute::ceil_boundary(
            ctx.text,
            from.max(q.start.saturating_sub(attribute::WINDOW)),
        );
        let a = attribute::last_reporting_clause(ctx, Span::new(from, q.start), &mut self.toks)?;
        self.resolver.resolve(&a.speaker?)
    }

    /// Entities inside the quotation (the speaker left out), then the addressee.
    fn about(&self, span: Span, speaker: Option<Target>, a: Option<Attribution>) -> Vec<EntityIdx> {
        let ctx = self.ctx;
        let speaker = match speaker {
            Some(Target::Entity(e)) => Some(e),
            _ => None,
        };
        let mut out: Vec<EntityIdx> = Vec::new();
        let first = ctx.mentions.partition_point(|m| m.span.start < span.start);
        for (k, m) in ctx.mentions[first..].iter().enumerate() {
            if m.span.end > span.end {
                break;
            }
            if let Some(e) = ctx.mention_entity(first + k) {
                if Some(e) != speaker && !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        if let Some(e) = a.and_then(|a| a.addressee) {
            if Some(e) != speaker && !out.contains(&e) {
                out.push(e);
            }
        }
        out
    }
}

/// True when the quotation sits inside a sentence: words before it in its
/// paragraph, not ending with a colon, comma, dash or sentence end.
fn is_embedded(lead: &str) -> bool {
    match lead.trim_end().chars().last() {
        None => false,
        Some(c) => {
            !matches!(
                c,
                ':' | ',' | '—' | '–' | '-' | '(' | '[' | ';' | '.' | '!' | '?' | '…'
            ) && !is_quote_mark(c)
        }
    }
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„')
}

/// "so-called", "the film", "dubbed" right before the quotation.
fn scare_lead(lead: &str) -> bool {
    let last = lead
        .trim_end()
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    cues::is_scare_lead(last.trim_end_matches([',', ':']))
}

/// A title ("State of the Union", "Operation Spiderweb"): every word
/// capitalized but the small ones, no end punctuation, two to eight words.
fn is_title_of_work(quoted: &str) -> bool {
    let words: Vec<&str> = quoted.split_whitespace().collect();
    let small = |w: &str| {
        matches!(
            w,
            "of" | "the" | "and" | "a" | "an" | "in" | "on" | "for" | "to" | "at" | "with"
        )
    };
    (2..=8).contains(&words.len())
        && !quoted.trim_end().ends_with(['.', ',', '!', '?', ';', ':'])
        && words[0].starts_with(char::is_uppercase)
        && words
            .iter()
            .all(|w| small(w) || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

/// A quoted sentence: a capital first, end punctuation last, several words.
fn reads_as_sentence(quoted: &str) -> bool {
    let t = quoted.trim();
    t.starts_with(|c: char| c.is_uppercase())
        && t.ends_with(['.', '!', '?', ','])
        && t.split_whitespace().count() >= 4
}

/// The paragraphs of the segmentation, or of our own split when the
/// segmentation does not fit the text (never trust spans blindly).
fn checked_paragraphs(text: &str, segments: &Segments) -> Vec<Span> {
    let mut prev_end = 0;
    let ok = !segments.paragraphs.is_empty()
        && segments.paragraphs.iter().all(|p| {
            let fine = p.start >= prev_end
                && p.start <= p.end
                && p.end <= text.len()
                && text.is_char_boundary(p.start)
                && text.is_char_boundary(p.end);
            prev_end = p.end;
            fine
        });
    if ok {
        segments.paragraphs.clone()
    } else {
        paragraphs(text)
    }
}

/// Where the segmenter's sentences start, sorted; those that do not fit
/// the text (a caller's own segments) are left out.
fn checked_sentence_starts(text: &str, segments: &Segments) -> Vec<usize> {
    let mut starts: Vec<usize> = segments
        .sentences
        .iter()
        .map(|s| s.span.start)
        .filter(|&p| p <= text.len() && text.is_char_boundary(p))
        .collect();
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// Paragraphs: the trimmed lines of `text`.
pub(crate) fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let span = detect::trimmed(text, Span::new(pos, pos + line.len()));
        if !span.is_empty() {
            out.push(span);
        }
        pos += line.len();
    }
    out
}

/// The mentions, dropping any whose span does not fit the text, breaks the
/// order or names an entity the gazetteer does not have (borrowed as they
/// are when all fit).
fn checked_mentions<'m>(
    text: &str,
    mentions: &'m [Mention],
    entities: usize,
) -> Cow<'m, [Mention]> {
    let known = |e: &EntityIdx| e.index() < entities;
    let fits = |m: &Mention, prev_end: usize| {
        m.entity.as_ref().is_none_or(known)
            && m.candidates.iter().all(known)
            && m.span.start >= prev_end
            && m.span.start <= m.span.end
            && m.span.end <= text.len()
            && text.is_char_boundary(m.span.start)
            && text.is_char_boundary(m.span.end)
            && m.title.is_none_or(|t| {
                t.start <= t.end
                    && t.end <= text.len()
                    && text.is_char_boundary(t.start)
                    && text.is_char_boundary(t.end)
            })
    };
    let mut prev_end = 0;
    let all_fit = mentions.iter().all(|m| {
        let ok = fits(m, prev_end);
        prev_end = m.span.end;
        ok
    });
    if all_fit {
        return Cow::Borrowed(mentions);
    }
    let mut out = Vec::with_capacity(mentions.len());
    let mut prev_end = 0;
    for m in mentions {
        if fits(m, prev_end) {
            prev_end = m.span.end;
            out.push(m.clone());
        }
    }
    Cow::Owned(out)
}
