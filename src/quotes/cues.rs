//! Cues: the words that report speech and the small closed word classes the
//! attribution rules read (pronouns, determiners, auxiliaries, titles).
//!
//! The reporting-verb lexicon lists lemmas; every tense is generated from
//! them (said/says/saying/say, warned/warns/warning), irregular verbs are
//! listed with their forms.

use rustc_hash::FxBuildHasher;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A closed word list for ASCII-case-insensitive membership tests: the
/// lengths present as a bit mask (most words are rejected by it), then a
/// hash set of the lower-cased entries. Same answers as comparing `word`
/// with every entry by `eq_ignore_ascii_case`.
struct WordSet {
    lens: u64,
    words: HashSet<Box<[u8]>, FxBuildHasher>,
}

impl WordSet {
    fn new(list: &[&str]) -> WordSet {
        let mut set = WordSet {
            lens: 0,
            words: HashSet::default(),
        };
        for w in list {
            debug_assert!(w.len() < 64, "{w}");
            set.lens |= 1 << w.len();
            set.words.insert(w.to_ascii_lowercase().into_bytes().into());
        }
        set
    }

    fn contains(&self, word: &str) -> bool {
        let n = word.len();
        if n >= 64 || self.lens & (1 << n) == 0 {
            return false;
        }
        let mut buf = [0u8; 64];
        for (d, s) in buf.iter_mut().zip(word.as_bytes()) {
            *d = s.to_ascii_lowercase();
        }
        self.words.contains(&buf[..n])
    }
}

/// Membership of `word` in a constant word list (ASCII case ignored); the
/// list's set is built on first use.
macro_rules! in_list {
    ($word:expr, $list:expr $(,)?) => {{
        static SET: OnceLock<WordSet> = OnceLock::new();
        SET.get_or_init(|| WordSet::new($list)).contains($word)
    }};
}

/// Reporting verbs with regular inflection.
#[rustfmt::skip]
const REGULAR: &[&str] = &[
    "add", "note", "insist", "stress", "warn", "acknowledge", "inform", "tweet", "post", "argue",
    "claim", "declare", "explain", "ask", "reply", "respond", "continue", "urge", "concede",
    "admit", "announce", "vow", "pledge", "predict", "suggest", "recall", "complain", "caution",
    "emphasise", "emphasize", "remark", "observe", "comment", "quip", "joke", "shout", "whisper",
    "testify", "lament", "boast", "state", "assert", "affirm", "confirm", "deny", "maintain",
    "contend", "counter", "retort", "reiterate", "repeat", "mention", "report", "reveal",
    "disclose", "agree", "allege", "charge", "accuse", "blast", "criticise", "criticize", "slam",
    "praise", "hail", "describe", "call", "demand", "plead", "beg", "promise", "threaten", "assure",
    "reassure", "estimate", "conclude", "summarise", "summarize", "point", "signal", "hint", "muse",
    "wonder", "exclaim", "cry", "yell", "scream", "sigh", "laugh", "grumble", "mutter", "murmur",
    "protest", "object", "recount", "reflect", "speculate", "answer", "question", "inquire",
    "enquire", "challenge", "interject", "proclaim", "pronounce", "instruct", "advise", "recommend",
    "propose", "reason", "clarify", "specify", "underline", "underscore", "highlight", "opine",
    "posit", "aver", "attest", "certify", "guarantee", "remind", "brief", "relay", "convey",
    "quote", "cite", "chide", "scold", "rebuke", "snap", "bark", "fume", "rage", "thunder", "gush",
    "enthuse", "marvel", "confess", "apologise", "apologize", "rebut", "reject", "dismiss",
    "downplay", "concur", "surmise", "recollect", "assess", "grant", "text", "message", "email",
    "blog", "vent", "address",
];

/// Irregular reporting verbs: every form, space-separated, `-ing` form last.
#[rustfmt::skip]
const IRREGULAR: &[&str] = &[
    "say says said saying", "tell tells told telling", "write writes wrote written writing",
    "speak speaks spoke spoken speaking", "swear swears swore sworn swearing",
    "begin begins began begun beginning", "read reads reading",
    "forecast forecasts forecasted forecasting",
];

/// Lemmas that double their last consonant (admit -> admitted).
const DOUBLING: &[&str] = &["quip", "admit", "snap", "regret", "rebut", "beg", "chat"];

/// A form of a reporting verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum VerbForm {
    /// A finite or bare form ("said", "says", "say", "has said").
    Finite,
    /// A participle in -ing ("saying", "adding").
    Ing,
}

fn lexicon() -> &'static HashMap<String, VerbForm, FxBuildHasher> {
    static LEX: OnceLock<HashMap<String, VerbForm, FxBuildHasher>> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut map = HashMap::default();
        for lemma in REGULAR {
            let [base, s, ed, ing] = regular_forms(lemma);
            for f in [base, s, ed] {
                map.insert(f, VerbForm::Finite);
            }
            map.insert(ing, VerbForm::Ing);
        }
        for forms in IRREGULAR {
            let words: Vec<&str> = forms.split(' ').collect();
            for (i, w) in words.iter().enumerate() {
                let form = if i + 1 == words.len() {
                    VerbForm::Ing
                } else {
                    VerbForm::Finite
                };
                map.insert(w.to_string(), form);
            }
        }
        // "a sign reading …" reports nothing; "the statement read" does.
        map.remove("reading");
        map
    })
}

fn regular_forms(lemma: &str) -> [String; 4] {
    let b = lemma.as_bytes();
    let last = b[b.len() - 1];
    let before_last = if b.len() > 1 { b[b.len() - 2] } else { b'a' };
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let stem_y = &lemma[..lemma.len() - 1];
    let s = if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("sh") || lemma.ends_with("ch") {
        format!("{lemma}es")
    } else if last == b'y' && !vowel(before_last) {
        format!("{stem_y}ies")
    } else {
        format!("{lemma}s")
    };
    let doubled = DOUBLING.contains(&lemma);
    let ed = if last == b'e' {
        format!("{lemma}d")
    } else if last == b'y' && !vowel(before_last) {
        format!("{stem_y}ied")
    } else if doubled {
        format!("{lemma}{}ed", last as char)
    } else {
        format!("{lemma}ed")
    };
    let ing = if last == b'e' && before_last != b'e' {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else if doubled {
        format!("{lemma}{}ing", last as char)
    } else {
        format!("{lemma}ing")
    };
    [lemma.to_string(), s, ed, ing]
}

/// True when `word` is the bare form of a reporting verb ("call", "post").
pub(crate) fn is_lemma(word: &str) -> bool {
    static LEMMAS: OnceLock<WordSet> = OnceLock::new();
    LEMMAS
        .get_or_init(|| {
            let irregular = IRREGULAR.iter().filter_map(|f| f.split(' ').next());
            let all: Vec<&str> = REGULAR.iter().copied().chain(irregular).collect();
            WordSet::new(&all)
        })
        .contains(word)
}

/// Nouns for a person of a nationality ("the Spaniard", "the Briton").
pub(crate) fn is_nationality_noun(word: &str) -> bool {
    const NOUNS: &[&str] = &[
        "Spaniard",
        "Frenchman",
        "Frenchwoman",
        "Englishman",
        "Englishwoman",
        "Scot",
        "Welshman",
        "Irishman",
        "Irishwoman",
        "Dutchman",
        "Dutchwoman",
        "Briton",
        "Swede",
        "Dane",
        "Finn",
        "Pole",
        "Swiss",
        "Norwegian",
        "German",
        "Italian",
        "Russian",
        "Ukrainian",
        "American",
        "Australian",
        "Canadian",
        "Brazilian",
        "Argentine",
        "Argentinian",
        "Serb",
        "Croat",
        "Czech",
        "Slovak",
        "Austrian",
        "Belgian",
        "Portuguese",
        "Greek",
        "Turk",
        "Japanese",
        "Chinese",
        "Korean",
        "Indian",
        "Kenyan",
        "Ethiopian",
        "Nigerian",
        "Moroccan",
        "Egyptian",
        "Mexican",
        "Colombian",
        "Chilean",
        "Uruguayan",
        "Georgian",
        "Kazakh",
        "Hungarian",
        "Romanian",
        "Bulgarian",
        "Israeli",
        "Iranian",
        "Pakistani",
        "Afghan",
        "Iraqi",
        "Syrian",
        "Lebanese",
        "Saudi",
        "Emirati",
        "Qatari",
        "Estonian",
        "Latvian",
        "Lithuanian",
        "Belarusian",
        "Slovenian",
        "Bosnian",
        "Albanian",
        "Icelander",
        "New Zealander",
        "Kiwi",
        "Aussie",
    ];
    in_list!(word, NOUNS)
}

/// The form of `word` when it is a reporting verb (any case).
pub(crate) fn reporting_verb(word: &str) -> Option<VerbForm> {
    // A capital is a name ("United States", "Post"), except for the
    // inverted verbs that open a clause ("Said Peskov: …").
    if word.starts_with(|c: char| c.is_uppercase())
        && !matches!(
            word,
            "Said" | "Says" | "Added" | "Wrote" | "Told" | "Asked" | "Replied"
        )
    {
        return None;
    }
    let mut buf = [0u8; 32];
    let w = lower(word, &mut buf)?;
    lexicon().get(w).copied()
}

/// Number of distinct reporting-verb forms known (for documentation and tests).
#[cfg(test)]
pub(crate) fn lexicon_size() -> usize {
    lexicon().len()
}

/// ASCII-lowercases a short word into `buf`; `None` for long or non-ASCII words.
pub(crate) fn lower<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// ASCII-lowercases `word` into `buf`, leaving other characters as they
/// are (like `str::to_ascii_lowercase`); `None` when it does not fit.
fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let b = word.as_bytes();
    let out = buf.get_mut(..b.len())?;
    for (d, s) in out.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}

/// Personal pronouns that can name a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pronoun {
    He,
    She,
    They,
    It,
}

pub(crate) fn pronoun(word: &str) -> Option<Pronoun> {
    match word {
        "he" | "He" | "HE" => Some(Pronoun::He),
        "she" | "She" | "SHE" => Some(Pronoun::She),
        "they" | "They" | "THEY" => Some(Pronoun::They),
        "it" | "It" | "IT" => Some(Pronoun::It),
        _ => None,
    }
}

/// Words that open a noun phrase.
pub(crate) fn is_determiner(word: &str) -> bool {
    in_list!(
        word,
        &[
            "the", "a", "an", "its", "his", "her", "their", "this", "that", "these", "those",
            "another", "one", "our",
        ],
    )
}

pub(crate) fn is_definite(word: &str) -> bool {
    in_list!(
        word,
        &["the", "its", "his", "her", "their", "this", "that", "our"],
    )
}

/// Auxiliaries and adverbs that sit between a subject and its verb
/// ("Peskov has also said", "he later told").
pub(crate) fn is_aux_or_adverb(word: &str) -> bool {
    #[rustfmt::skip]
    const AUX: &[&str] = &[
        "has", "have", "had", "was", "is", "were", "are", "will", "would", "could", "can", "may",
        "might", "must", "should", "did", "does", "do", "not", "also", "later", "then", "earlier",
        "again", "once", "further", "previously", "recently", "separately", "already", "never",
        "even", "himself", "herself", "itself", "themselves", "too", "first", "last",
        "subsequently", "often", "since", "now", "still", "just", "had", "been", "reportedly",
        "allegedly",
    ];
    if in_list!(word, AUX) {
        return true;
    }
    word.len() > 4 && word.ends_with("ly") && word.starts_with(|c: char| c.is_lowercase())
}

/// Words that end a noun phrase when walking over it.
pub(crate) fn is_np_stop(word: &str) -> bool {
    #[rustfmt::skip]
    const STOP: &[&str] = &[
        "that", "and", "but", "or", "while", "as", "when", "because", "which", "who", "whom",
        "whose", "if", "so", "then", "after", "before", "since", "until", "where", "to", "in", "on",
        "with", "by", "during", "than", "said", "says", "told", "not", "also", "although", "though",
        "however", "yet", "nor", "whether", "about", "into", "over", "under", "there", "here",
        "what", "how", "why", "adding", "according", "saying", "amid", "despite", "is", "was",
        "were", "are", "has", "had", "have", "will", "would", "i", "we", "you", "me", "us",
    ];
    in_list!(word, STOP)
}

/// Capitalized words that are never (part of) a name in subject position.
pub(crate) fn is_not_name(word: &str) -> bool {
    #[rustfmt::skip]
    const NOT: &[&str] = &[
        "The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I",
        "You", "But", "And", "Or", "So", "Yet", "Officials", "Analysts", "Experts", "Police",
        "Witnesses", "Residents", "Sources", "Critics", "Others", "Some", "Many", "Both", "Neither",
        "Everyone", "Nobody", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December", "Asked", "Speaking", "In", "On", "At",
        "When", "While", "After", "Before", "However", "Meanwhile", "Later", "Earlier",
        "Separately", "Still", "Now", "Then", "There", "Here", "His", "Her", "Its", "Their", "Our",
        "My", "Your", "One", "Another", "Diplomats", "Lawmakers", "Protesters", "Investigators",
        "Prosecutors", "Doctors", "Scientists", "Researchers", "Economists", "Observers",
        "Activists", "Campaigners", "Supporters", "Opponents", "Officers", "Troops", "Soldiers",
        "Workers", "Voters", "Fans", "Players", "Authorities", "Rescuers", "Medics", "Several",
        "Most", "All", "Few", "Two", "Three", "No", "Not", "If", "As", "Mr", "Mrs", "Ms", "Dr",
        "Why", "What", "How", "Who", "Where", "Yes",
    ];
    in_list!(word, NOT)
}

/// Plural or collective common nouns for unnamed groups: never resolved.
pub(crate) fn is_group_noun(word: &str) -> bool {
    #[rustfmt::skip]
    const GROUPS: &[&str] = &[
        "officials", "analysts", "experts", "witnesses", "residents", "sources", "critics",
        "diplomats", "lawmakers", "legislators", "protesters", "investigators", "prosecutors",
        "doctors", "scientists", "researchers", "economists", "observers", "activists",
        "campaigners", "supporters", "opponents", "officers", "troops", "soldiers", "workers",
        "voters", "fans", "players", "authorities", "rescuers", "medics", "people", "others",
        "police", "traders", "investors", "officials", "leaders", "ministers", "members",
        "negotiators", "aides", "insiders", "parents", "students", "teachers", "nurses", "families",
        "villagers", "locals", "citizens", "users", "commentators", "pollsters",
    ];
    in_list!(word, GROUPS)
}

/// Title words stripped from the front of an unknown name
/// ("Health Minister Jane Doe" -> "Jane Doe").
pub(crate) fn is_title_word(word: &str) -> bool {
    #[rustfmt::skip]
    const TITLES: &[&str] = &[
        "President", "Vice", "Prime", "Minister", "Secretary", "Chancellor", "Senator", "Sen",
        "Rep", "Representative", "Governor", "Gov", "Mayor", "General", "Gen", "Colonel", "Col",
        "Lieutenant", "Lt", "Major", "Maj", "Captain", "Capt", "Sergeant", "Sgt", "Admiral", "Adm",
        "Commander", "Dr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Professor", "Prof", "Judge", "Justice",
        "Chief", "Executive", "CEO", "Chairman", "Chairwoman", "Chair", "Spokesman", "Spokeswoman",
        "Spokesperson", "Ambassador", "King", "Queen", "Prince", "Princess", "Pope", "Archbishop",
        "Bishop", "Rev", "Reverend", "Father", "Sheikh", "Lord", "Lady", "Sir", "Dame", "Deputy",
        "Defence", "Defense", "Health", "Finance", "Interior", "Foreign", "Economy", "Trade",
        "Energy", "Education", "Labour", "Labor", "Transport", "Agriculture", "State", "Home",
        "Attorney", "Coach", "Manager", "Director", "Head", "Leader", "Speaker", "Senior", "Former",
        "Ex", "Acting", "Interim", "Opposition", "Party", "Army", "Police", "Commissioner", "Envoy",
        "Special", "Kremlin", "White", "House", "Officer", "Press", "Founder", "Economic",
        "Affairs", "National", "Security", "Adviser", "Advisor", "Mp", "MP", "Congressman",
        "Congresswoman", "Councillor", "Councilor", "Premier", "Emir", "Crown", "Supreme", "Grand",
        "Ayatollah", "Patriarch", "Cardinal", "Saint", "St", "Marshal", "Brigadier", "Private",
        "Corporal", "Nurse", "Officer", "Detective", "Inspector", "Superintendent", "Constable",
        "Trooper", "Economist", "Analyst", "Treasury", "Commerce", "Homeland", "Environment",
        "Culture", "Housing", "Veterans", "Communications", "Development", "Science", "Technology",
        "Digital", "Climate", "Sports", "Sport", "Media", "Tourism", "Industry", "Business",
        "Pensions", "Exchequer", "Welfare", "Immigration", "U.S.", "US", "UK", "EU", "UN",
    ];
    let word = word.trim_end_matches('.');
    // "Director-General", "Secretary-General", "Vice-President".
    in_list!(word, TITLES)
        || (word.contains('-') && word.split('-').any(|part| in_list!(part, TITLES)))
}

/// Lower-case particles inside names ("Ursula von der Leyen", "Osama bin Laden").
pub(crate) fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "del"
            | "della"
            | "der"
            | "den"
            | "di"
            | "da"
            | "dos"
            | "das"
            | "du"
            | "van"
            | "von"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "la"
            | "le"
            | "ter"
            | "ten"
            | "y"
            | "zu"
            | "st"
            | "abu"
            | "bint"
    )
}

/// Last words of organization names ("Health Ministry", "Acme Inc.").
pub(crate) fn is_org_suffix(word: &str) -> bool {
    #[rustfmt::skip]
    const ORG: &[&str] = &[
        "Ministry", "Party", "Inc", "Ltd", "Agency", "Council", "Committee", "Commission",
        "Department", "Office", "Bank", "Group", "Corp", "Corporation", "Company", "Co",
        "Association", "Union", "Institute", "Organization", "Organisation", "Service", "Services",
        "Authority", "Court", "Army", "Police", "Forces", "Force", "Administration", "Bureau",
        "Foundation", "University", "Federation", "Parliament", "Senate", "Congress", "Cabinet",
        "Government", "Movement", "Front", "Network", "Times", "Post", "News", "Board", "Fund",
        "Reserve", "Guard", "Guards", "Club", "League", "Alliance", "Coalition", "Society", "Trust",
        "Church", "Hospital", "School", "College", "Airlines", "Airways", "Motors", "Holdings",
        "Partners", "Federation", "Assembly", "Secretariat", "Embassy", "Mission", "Centre",
        "Center", "Institution", "Tribunal", "Prosecutor's", "Navy", "Command", "Brigade",
        "Battalion", "Regiment", "Monitor", "Observatory", "Watch", "International", "Agency's",
        "FC", "AG", "SA", "PLC", "plc", "LLC", "GmbH", "Ministry's",
    ];
    in_list!(word.trim_end_matches('.'), ORG)
}

/// News agencies and outlets that speak as organizations when no gazetteer
/// entry names them.
pub(crate) fn is_outlet(word: &str) -> bool {
    matches!(
        word,
        "Reuters"
            | "AP"
            | "AFP"
            | "BBC"
            | "CNN"
            | "TASS"
            | "Tass"
            | "Interfax"
            | "RIA"
            | "Xinhua"
            | "Bloomberg"
            | "Axios"
            | "Politico"
            | "Yonhap"
            | "Kyodo"
            | "Ukrinform"
            | "ANSA"
            | "DPA"
            | "dpa"
            | "EFE"
    )
}

/// Head nouns of organizations in descriptors ("the ministry", "the agency").
pub(crate) fn is_org_head(word: &str) -> bool {
    #[rustfmt::skip]
    const HEADS: &[&str] = &[
        "ministry", "department", "agency", "office", "council", "commission", "committee",
        "government", "administration", "military", "army", "company", "firm", "group", "party",
        "bank", "court", "parliament", "embassy", "service", "union", "board", "institute",
        "organisation", "organization", "federation", "league", "foundation", "club", "team",
        "campaign", "alliance", "bloc", "kremlin", "cabinet", "regulator", "watchdog", "navy",
        "airline", "carrier", "manufacturer", "retailer", "insurer", "lender", "broadcaster",
        "newspaper", "network", "prosecutor's", "command", "movement", "coalition", "presidency",
        "hospital", "university", "school", "police", "force", "forces", "secretariat", "fund",
    ];
    in_list!(word, HEADS) || is_company_noun(word) || matches!(word, "delegation" | "giant")
}

/// Head nouns of people who speak for an organization ("a Pentagon
/// spokesman", "a spokeswoman for the ministry").
pub(crate) fn is_spokesperson(word: &str) -> bool {
    in_list!(
        word,
        &[
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "representative",
            "statement",
            "spokesmen",
            "spokespeople",
            "press",
            "communique",
            "communiqué",
        ],
    )
}

/// Words that tell a person's gender.
pub(crate) fn gender_word(word: &str) -> Option<Gender> {
    #[rustfmt::skip]
    const F: &[&str] = &[
        "Mrs", "Ms", "Miss", "spokeswoman", "chairwoman", "congresswoman", "businesswoman",
        "actress", "queen", "princess", "mother", "wife", "daughter", "sister", "grandmother",
        "widow", "woman", "lady", "Dame", "policewoman", "stateswoman", "councilwoman",
        "sportswoman", "girl", "aunt", "niece",
    ];
    #[rustfmt::skip]
    const M: &[&str] = &[
        "Mr", "spokesman", "chairman", "congressman", "businessman", "actor", "king", "prince",
        "father", "husband", "son", "brother", "grandfather", "widower", "man", "Sir", "Lord",
        "policeman", "statesman", "councilman", "sportsman", "boy", "uncle", "nephew",
    ];
    let w = word.trim_end_matches('.');
    if in_list!(w, F) {
        Some(Gender::Female)
    } else if in_list!(w, M) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// A person's grammatical gender as the text reveals it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// Abbreviations whose period does not end a sentence.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    const ABBR: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt",
        "Prof", "Jr", "Sr", "Adm", "Maj", "Cpl", "Rev", "No", "Vol", "Inc", "Ltd", "Co", "Corp",
        "vs", "etc", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Mt", "Ft", "approx",
    ];
    word.contains('.')
        || (word.len() == 1 && word.starts_with(|c: char| c.is_uppercase()))
        || in_list!(word, ABBR)
}

/// Nouns for what someone said ("his answer was: …").
pub(crate) fn is_words_noun(word: &str) -> bool {
    in_list!(
        word,
        &[
            "answer",
            "reply",
            "response",
            "message",
            "words",
            "statement",
            "comment",
            "comments",
            "remarks",
            "verdict",
            "advice",
            "warning",
            "retort",
            "explanation",
            "plea",
            "promise",
        ],
    )
}

/// "his" / "her" / "its" / "their" as the owner of words.
pub(crate) fn possessive_pronoun(word: &str) -> Option<Pronoun> {
    let mut buf = [0u8; 32];
    match lower(word, &mut buf)? {
        "his" => Some(Pronoun::He),
        "her" => Some(Pronoun::She),
        "its" => Some(Pronoun::It),
        "their" => Some(Pronoun::They),
        _ => None,
    }
}

/// Words before a quotation that make it a scare quote or a title:
/// `so-called “root causes”`, `the film “Oppenheimer”`.
pub(crate) fn is_scare_lead(word: &str) -> bool {
    in_list!(
        word,
        &[
            "so-called",
            "dubbed",
            "termed",
            "nicknamed",
            "titled",
            "entitled",
            "film",
            "book",
            "song",
            "album",
            "novel",
            "show",
            "series",
            "documentary",
            "programme",
            "program",
            "play",
            "podcast",
            "column",
            "opera",
            "poem",
            "movie",
            "slogan",
            "hashtag",
            "operation",
            "codenamed",
            "code-named",
            "branded",
            "self-styled",
            "self-proclaimed",
            "word",
            "term",
            "phrase",
            "label",
            "motto",
            "campaign",
        ],
    )
}

/// Lower-case nouns for what people do, which introduce a name after them
/// ("coach Fabien Galthie", "chief executive Laura Chen").
pub(crate) fn is_role_noun(word: &str) -> bool {
    #[rustfmt::skip]
    const ROLES: &[&str] = &[
        "coach", "manager", "captain", "executive", "chief", "minister", "secretary", "spokesman",
        "spokeswoman", "spokesperson", "analyst", "economist", "professor", "researcher",
        "scientist", "doctor", "nurse", "lawyer", "attorney", "director", "president", "chairman",
        "chairwoman", "founder", "head", "leader", "official", "ambassador", "envoy", "aide",
        "adviser", "advisor", "commander", "officer", "mayor", "governor", "senator", "lawmaker",
        "candidate", "author", "fly-half", "striker", "midfielder", "defender", "goalkeeper",
        "player", "forward", "winger", "teammate", "technician", "teacher", "student", "activist",
        "campaigner", "expert", "strategist", "consultant", "editor", "correspondent", "journalist",
        "reporter", "judge", "prosecutor", "investigator", "negotiator", "diplomat", "premier",
        "meteorologist", "epidemiologist", "virologist", "physician", "surgeon", "engineer",
        "pilot", "resident", "farmer", "owner", "ceo", "cfo", "chancellor", "commissioner",
        "representative", "rep", "sen", "gov", "boss", "skipper", "veteran", "star", "champion",
        "opener", "bowler", "batsman", "quarterback", "guard", "centre", "center", "rider",
        "driver", "cyclist", "runner", "sprinter", "swimmer", "boxer", "fighter", "singer", "actor",
        "actress", "director", "producer", "writer", "novelist", "historian", "spokesperson",
        "press", "deputy", "general", "colonel", "sergeant", "lieutenant",
    ];
    in_list!(word.trim_end_matches('.'), ROLES)
}

/// Common nouns that open a company name at the start of a sentence
/// ("Chipmaker Vantrex Inc."): not part of the name.
pub(crate) fn is_company_noun(word: &str) -> bool {
    let mut buf = [0u8; 64];
    let Some(w) = ascii_lower(word, &mut buf) else {
        return word.to_ascii_lowercase().ends_with("maker");
    };
    w.ends_with("maker")
        || matches!(
            w,
            "retailer"
                | "lender"
                | "insurer"
                | "carrier"
                | "airline"
                | "broadcaster"
                | "miner"
                | "conglomerate"
                | "startup"
                | "start-up"
                | "bank"
                | "manufacturer"
                | "supplier"
                | "developer"
                | "operator"
                | "utility"
                | "shipper"
                | "exporter"
                | "importer"
                | "streamer"
                | "publisher"
                | "brewer"
                | "distiller"
                | "grocer"
                | "firm"
                | "company"
        )
}

/// Generic organization heads that can stand for any company named before.
pub(crate) fn is_generic_company_head(word: &str) -> bool {
    is_company_noun(word) || matches!(word, "group" | "business" | "giant")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_set_matches_linear_case_insensitive_scan() {
        let list = ["Mr", "U.S.", "so-called", "communiqué", "Prosecutor's", "a"];
        let set = WordSet::new(&list);
        for w in [
            "mr",
            "MR",
            "Mr",
            "Mr.",
            "u.s.",
            "U.S",
            "SO-CALLED",
            "COMMUNIQUé",
            "communiqué",
            "COMMUNIQUÉ",
            "prosecutor's",
            "A",
            "",
            "b",
            "Mrs",
            "ａ",
        ] {
            let linear = list.iter().any(|l| l.eq_ignore_ascii_case(w));
            assert_eq!(set.contains(w), linear, "{w}");
        }
        assert!(!set.contains(&"x".repeat(100)));
    }

    #[test]
    fn lexicon_covers_tenses() {
        for w in [
            "said",
            "says",
            "saying",
            "say",
            "told",
            "added",
            "noted",
            "insisted",
            "stressed",
            "warned",
            "acknowledged",
            "informed",
            "tweeted",
            "posted",
            "wrote",
            "argued",
            "claimed",
            "declared",
            "explained",
            "asked",
            "replied",
            "responded",
            "continued",
            "urged",
            "conceded",
            "admitted",
            "announced",
            "vowed",
            "pledged",
            "predicted",
            "suggested",
            "recalled",
            "complained",
            "cautioned",
            "emphasised",
            "emphasized",
            "remarked",
            "observed",
            "commented",
            "quipped",
            "joked",
            "shouted",
            "whispered",
            "testified",
            "lamented",
            "boasted",
            "Said",
            "adding",
            "testifies",
        ] {
            assert!(reporting_verb(w).is_some(), "{w}");
        }
        assert_eq!(reporting_verb("adding"), Some(VerbForm::Ing));
        assert!(reporting_verb("table").is_none());
        assert!(REGULAR.len() + IRREGULAR.len() > 100);
        assert!(lexicon_size() > 400);
    }
}
