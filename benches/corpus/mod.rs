//! A seeded generator of news-like articles, shared by the criterion
//! benches and `gen_corpus`.
//!
//! Every article is made from sentence templates written for this project,
//! filled with names drawn from the default gazetteer (people with their
//! roles, places, organizations), so the text has what real news has: a
//! headline, a dateline, titles and surnames, possessives, quotations with
//! reporting clauses before and after, pronouns, numbers, and some noise
//! (straight and curly marks, an unclosed quotation, a glued word,
//! non-ASCII names). The same seed always gives the same text.

use newsgraph::{EntityType, Gazetteer};
use std::fmt::Write as _;

/// SplitMix64: small, seeded, and the same on every platform.
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

struct Person {
    name: String,
    surname: String,
    role: Option<String>,
    pronoun: &'static str,
}

/// The names articles are filled with.
pub struct Names {
    people: Vec<Person>,
    places: Vec<String>,
    orgs: Vec<String>,
}

impl Names {
    /// People, places and organizations of `g`.
    pub fn from_gazetteer(g: &Gazetteer) -> Names {
        let mut names = Names {
            people: Vec::new(),
            places: Vec::new(),
            orgs: Vec::new(),
        };
        for e in g.entities() {
            match e.kind {
                EntityType::Person => {
                    let surname = e.name.rsplit(' ').next().unwrap_or(&e.name).to_string();
                    let pronoun = match e.property("gender") {
                        Some("female") => "she",
                        _ => "he",
                    };
                    names.people.push(Person {
                        name: e.name.clone(),
                        surname,
                        role: e.property("role").map(str::to_string),
                        pronoun,
                    });
                }
                EntityType::Place => names.places.push(e.name.clone()),
                EntityType::Organization => names.orgs.push(e.name.clone()),
            }
        }
        names
    }
}

const TOPICS: &[&str] = &[
    "the ceasefire proposal",
    "grain exports",
    "the new sanctions package",
    "interest rates",
    "the border crossing",
    "energy prices",
    "the prisoner exchange",
    "the aid convoy",
    "the trade agreement",
    "the election timetable",
    "the peace plan",
    "air defence supplies",
];

const VERBS_AFTER: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "warned",
    "insisted",
    "noted",
    "stressed",
    "argued",
];

const VERBS_BEFORE: &[&str] = &[
    "said",
    "told journalists",
    "wrote on X",
    "said in a statement",
];

const CLAIMS: &[&str] = &[
    "We are not going to accept terms that were written somewhere else",
    "There is still time for a sensible outcome, but not much",
    "Nobody in this building thinks the problem will solve itself",
    "The numbers speak for themselves and they are not good",
    "Our position has not changed since the spring",
    "We expect a clear answer before the end of the month",
    "This is a step in the right direction, nothing more",
    "Families along the border deserve better than more delays",
];

const FILLERS: &[&str] = &[
    "Officials gave no further details, and the talks were expected to continue into the evening.",
    "The figures, published on Tuesday, showed a rise of 3.4% on the year before.",
    "Markets barely moved after the announcement, with analysts calling it largely expected.",
    "Several delegations left early, citing scheduling problems rather than disagreement.",
    "The meeting, the third this year, took place behind closed doors.",
    "A spokesperson declined to comment on the reports, saying the process was ongoing.",
    "Prices for wheat and maize fell by about 2% in early trading.",
    "The statement did not say when a follow-up meeting would take place.",
];

fn dateline(rng: &mut Rng, n: &Names, out: &mut String) {
    let place = rng.pick(&n.places);
    if rng.chance(50) {
        let _ = write!(out, "{} \u{2014} ", place.to_uppercase());
    } else {
        let _ = write!(out, "{place} (Reuters) - ");
    }
}

fn person_ref(rng: &mut Rng, p: &Person, first: bool) -> String {
    match (first, &p.role) {
        (true, Some(role)) if rng.chance(60) => {
            let role: String = role.split([',', '(']).next().unwrap_or(role).trim().into();
            format!("{role} {}", p.name)
        }
        (true, _) => p.name.clone(),
        (false, _) if rng.chance(30) => format!("Mr {}", p.surname),
        (false, _) => p.surname.clone(),
    }
}

fn paragraph(rng: &mut Rng, n: &Names, out: &mut String) {
    let a = rng.pick(&n.people);
    let b = rng.pick(&n.people);
    let place = rng.pick(&n.places);
    let org = rng.pick(&n.orgs);
    let topic = rng.pick(TOPICS);
    match rng.below(7) {
        0 => {
            let _ = write!(
                out,
                "{} met {} in {place} on Monday to discuss {topic}. ",
                person_ref(rng, a, true),
                person_ref(rng, b, true)
            );
            let _ = write!(
                out,
                "\u{201c}{}, and {} knows it,\u{201d} {} {}.",
                rng.pick(CLAIMS),
                b.surname,
                a.surname,
                rng.pick(VERBS_AFTER)
            );
        }
        1 => {
            let _ = write!(
                out,
                "{} {}: \u{201c}{}.\u{201d} {} later repeated the point in {place}.",
                person_ref(rng, a, true),
                rng.pick(VERBS_BEFORE),
                rng.pick(CLAIMS),
                a.pronoun[..1].to_uppercase() + &a.pronoun[1..]
            );
        }
        2 => {
            let _ = write!(
                out,
                "The {org} said {}'s government had asked for {topic} to be put on the agenda. \
                 {} called the request \"premature\".",
                place,
                person_ref(rng, b, false)
            );
        }
        3 => {
            let _ = write!(
                out,
                "\u{201c}{},\u{201d} {} {}, \u{201c}and we will say so in {place}.\u{201d}",
                rng.pick(CLAIMS),
                a.pronoun,
                rng.pick(VERBS_AFTER)
            );
        }
        4 => {
            let _ = write!(
                out,
                "According to {}, the {org} will review {topic} next week. {}",
                person_ref(rng, b, true),
                rng.pick(FILLERS)
            );
        }
        5 => {
            // Noise: an unclosed quotation, a glued word, a straight apostrophe.
            let _ = write!(
                out,
                "{}who chairs the committee, said {place}'s offer was \"not serious. \
                 The {org} disagreed.",
                b.name
            );
        }
        _ => {
            let _ = write!(out, "{} {}", rng.pick(FILLERS), rng.pick(FILLERS));
        }
    }
}

/// Writes one article into `out` (cleared first).
pub fn article(rng: &mut Rng, n: &Names, out: &mut String) {
    out.clear();
    let topic = rng.pick(TOPICS);
    let _ = write!(out, "Talks on {topic} stall in {}\n\n", rng.pick(&n.places));
    dateline(rng, n, out);
    let paragraphs = 6 + rng.below(14);
    for i in 0..paragraphs {
        if i > 0 {
            out.push_str("\n\n");
        }
        paragraph(rng, n, out);
    }
    out.push('\n');
}

/// Articles of about `bytes` bytes in all, from the default gazetteer.
#[allow(dead_code)]
pub fn articles(seed: u64, bytes: usize) -> Vec<String> {
    let names = Names::from_gazetteer(&Gazetteer::default_gazetteer());
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let mut text = String::new();
        article(&mut rng, &names, &mut text);
        total += text.len();
        out.push(text);
    }
    out
}

/// A made-up place name of two to four syllables ("Karomeli").
fn made_up_name(rng: &mut Rng) -> String {
    const ONSETS: &[&str] = &[
        "b", "d", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "tr",
    ];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou"];
    let mut name = String::new();
    for _ in 0..2 + rng.below(3) {
        let (onset, vowel) = (rng.pick::<&str>(ONSETS), rng.pick::<&str>(VOWELS));
        name.push_str(onset);
        name.push_str(vowel);
    }
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Writes a gazetteer of `rows` made-up places with four aliases each
/// (a large gazetteer like all of GeoNames: many forms, few of them in
/// any text), in newsgraph's TSV format.
#[allow(dead_code)]
pub fn write_gazetteer(seed: u64, rows: usize, w: &mut impl std::io::Write) -> std::io::Result<()> {
    let mut rng = Rng::new(seed);
    writeln!(w, "id\ttype\tname\taliases")?;
    for i in 0..rows {
        let name = made_up_name(&mut rng);
        let aliases: Vec<String> = (0..4)
            .map(|k| match k {
                0 => format!("{name} City"),
                1 => format!("Greater {name}"),
                2 => format!("{name}sk"),
                _ => made_up_name(&mut rng),
            })
            .collect();
        writeln!(w, "synthetic-{i}\tplace\t{name}\t{}", aliases.join("|"))?;
    }
    Ok(())
}
