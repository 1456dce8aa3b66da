//! Coverage of the default gazetteer on international news paragraphs
//! written for this test: every expected entity is found, nothing else is.

use newsgraph::{Document, Pipeline};
use std::collections::BTreeSet;

const PARAGRAPHS: &[(&str, &[&str])] = &[
    (
        "KYIV, Ukraine \u{2014} Ukrainian President Volodymyr Zelenskyy met Polish Prime Minister Donald Tusk \
         in Kyiv on Friday, days after Russian drones struck power stations near Kharkiv and Odesa.",
        &["ukraine", "volodymyr-zelensky", "poland", "donald-tusk", "kyiv", "russia", "kharkiv", "odesa"],
    ),
    (
        "Chinese President Xi Jinping told visiting Brazilian leader Luiz In\u{e1}cio Lula da Silva in Beijing \
         that China would buy more soybeans, the Xinhua news agency reported.",
        &["china", "xi-jinping", "brazil", "luiz-inacio-lula-da-silva", "beijing", "xinhua"],
    ),
    (
        "The International Monetary Fund cut its growth forecast for Germany and Japan, while the European \
         Central Bank left interest rates unchanged at its meeting in Frankfurt.",
        &["imf", "germany", "japan", "european-central-bank", "frankfurt"],
    ),
    (
        "Israeli Prime Minister Benjamin Netanyahu said Hamas must free every hostage before talks in Cairo \
         could move forward. Qatar and Egypt have mediated between Israel and Hamas for months.",
        &["israel", "benjamin-netanyahu", "hamas", "cairo", "qatar", "egypt"],
    ),
    (
        "Indian Prime Minister Narendra Modi arrived in Washington, D.C. for talks at the White House, \
         where trade and Pakistan were expected to top the agenda.",
        &["india", "narendra-modi", "washington-dc", "white-house", "pakistan"],
    ),
    (
        "NATO foreign ministers gathered in Brussels as Turkey and Hungary signalled they would not block \
         the alliance's plans for the Baltic Sea region. Lithuania, Latvia and Estonia pressed for more troops.",
        &["nato", "brussels", "turkey", "hungary", "baltic-sea", "lithuania", "latvia", "estonia"],
    ),
    (
        "In Nairobi, Kenyan President William Ruto urged the African Union to do more to end the war in Sudan, \
         where fighting around Khartoum and in Darfur has displaced millions.",
        &["nairobi", "kenya", "william-ruto", "african-union", "sudan", "khartoum", "darfur"],
    ),
    (
        "French President Emmanuel Macron and British Prime Minister Keir Starmer spoke by phone about \
         migrant crossings in the English Channel, Downing Street said.",
        &["france", "emmanuel-macron", "united-kingdom", "keir-starmer", "english-channel", "downing-street"],
    ),
    (
        "Japan's Prime Minister and South Korea's President held a summit in Tokyo, their first since \
         North Korea fired a ballistic missile into the Sea of Japan, Kyodo reported.",
        &["japan", "south-korea", "tokyo", "north-korea", "sea-of-japan", "kyodo"],
    ),
    (
        "Oil prices rose after OPEC and its allies, led by Saudi Arabia and Russia, agreed to extend output cuts, \
         Reuters reported from Riyadh.",
        &["opec", "saudi-arabia", "russia", "reuters", "riyadh"],
    ),
    (
        "Mexican President Claudia Sheinbaum said Mexico City would not accept new tariffs from the United States, \
         a day after talks with Canada's prime minister in Ottawa.",
        &["mexico", "claudia-sheinbaum", "mexico-city", "united-states", "canada", "ottawa"],
    ),
    (
        "We ate turkey and watched a chad of paper fall; nobody mentioned a country. Reading the news, \
         she said the nice weather would last, and that china cups were on sale.",
        &[],
    ),
];

#[test]
fn every_expected_entity_and_nothing_else() {
    let p = Pipeline::builder().build().unwrap();
    let mut failures = Vec::new();
    for (i, (text, want)) in PARAGRAPHS.iter().enumerate() {
        let a = p.analyze(&Document::from_text(format!("p{i}"), *text));
        let got: BTreeSet<&str> = a
            .mentions
            .iter()
            .filter_map(|m| m.entity.as_deref())
            .collect();
        let want: BTreeSet<&str> = want.iter().copied().collect();
        let missing: Vec<_> = want.difference(&got).collect();
        let extra: Vec<_> = got.difference(&want).collect();
        let ambiguous: Vec<_> = a
            .mentions
            .iter()
            .filter(|m| m.ambiguous)
            .map(|m| &m.text)
            .collect();
        if !missing.is_empty() || !extra.is_empty() || !ambiguous.is_empty() {
            failures.push(format!(
                "paragraph {i}: missing {missing:?}, unexpected {extra:?}, ambiguous {ambiguous:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Issue rule: ordinary English words never match in lower case, and
/// first names and ambiguous surnames never match alone.
#[test]
fn precision_rules_of_the_default_gazetteer() {
    let p = Pipeline::builder().build().unwrap();
    let cases: &[(&str, &[&str])] = &[
        (
            "the turkey, the chad, a nice day, some reading, fine china",
            &[],
        ),
        ("Lee said the plan was sound.", &[]),
        ("Kim said the plan was sound.", &[]),
        ("Johnson said the plan was sound.", &[]),
        ("May said the plan was sound.", &[]),
        ("Donald said the plan was sound.", &[]),
        ("Emmanuel said the plan was sound.", &[]),
        ("Turkey said the plan was sound.", &["turkey"]),
        ("Chad said the plan was sound.", &["chad"]),
        ("us officials said who was there", &[]),
        ("Kim Jong Un said the plan was sound.", &["kim-jong-un"]),
        (
            "Kim Jong Un spoke, and later Kim said more.",
            &["kim-jong-un"],
        ),
    ];
    for (text, want) in cases {
        let a = p.analyze(&Document::from_text("t", *text));
        let got: Vec<&str> = a
            .mentions
            .iter()
            .filter_map(|m| m.entity.as_deref())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        assert_eq!(got, *want, "{text:?}: {:?}", a.mentions);
    }
}
