#!/usr/bin/env python3
"""Regenerate newsgraph's default gazetteer from the shared sources and the curated files here.

    python3 gazetteer/build/build.py [--sources DIR] [--words FILE] [--quiet]

Reads the raw sources (GeoNames extracts, rigour territories, i18n-iso-countries, the Wikidata
leaders export, the congress-legislators extract) and the hand-written files in this directory,
validates everything, and writes gazetteer/places.tsv, people.tsv, organizations.tsv and
english-words.txt. Output is sorted and byte-for-byte deterministic. Standard library only.
"""

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
GAZ = HERE.parent
ROOT = GAZ.parent
DEFAULT_SOURCES = ROOT.parent / "shared" / "data" / "gazetteer-sources"
DEFAULT_WORDS = Path("/usr/share/dict/american-english")

COLUMNS = ["id", "type", "name", "aliases", "wikidata", "country", "role",
           "descriptors", "demonyms", "gender", "weak"]
TYPES = {"person", "place", "organization"}
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Cities of 1M+ people are all taken from GeoNames; this is the floor.
BIG_CITY = 1_000_000


class BuildError(Exception):
    pass


# ---------------------------------------------------------------- helpers

def fold(s):
    """Lower-case, strip diacritics and unify apostrophes: the key two surface forms share when
    the tagger would treat them as the same."""
    s = s.replace("\u2019", "'").replace("\u02bb", "'").replace("\u2018", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    for a, b in (("ı", "i"), ("ł", "l"), ("ø", "o"), ("đ", "d"), ("ß", "ss"), ("æ", "ae"),
                 ("œ", "oe"), ("ð", "d"), ("þ", "th")):
        s = s.replace(a, b).replace(a.upper(), b)
    return s.lower()


def slug(s):
    s = fold(s).replace("&", " and ").replace("'", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def split_list(cell):
    return [x.strip() for x in cell.split("|") if x.strip()] if cell else []


def read_tsv(path):
    """Rows of a curated TSV as dicts: '#' comments, a header line, tab separated."""
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
                continue
            if len(fields) > len(header):
                raise BuildError(f"{path.name}:{lineno}: {len(fields)} fields, header has {len(header)}")
            fields += [""] * (len(header) - len(fields))
            row = {k: v.strip() for k, v in zip(header, fields)}
            row["_where"] = f"{path.name}:{lineno}"
            rows.append(row)
    return rows


def uniq(seq):
    seen = set()
    out = []
    for x in seq:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


class Entity:
    __slots__ = ("id", "type", "name", "aliases", "wikidata", "country", "role", "descriptors",
                 "demonyms", "gender", "weak", "where")

    def __init__(self, id, type, name, aliases=(), wikidata="", country="", role="",
                 descriptors=(), demonyms=(), gender="", weak=(), where=""):
        self.id, self.type, self.name = id, type, name
        self.aliases = list(aliases)
        self.wikidata, self.country, self.role = wikidata, country, role
        self.descriptors, self.demonyms = list(descriptors), list(demonyms)
        self.gender, self.weak, self.where = gender, list(weak), where

    def forms(self):
        return [self.name] + self.aliases

    def row(self):
        aliases = [a for a in uniq(self.aliases) if a != self.name]
        forms = set([self.name] + aliases)
        weak = [w for w in uniq(self.weak) if w in forms]
        return [self.id, self.type, self.name, "|".join(aliases), self.wikidata, self.country,
                self.role, "|".join(uniq(self.descriptors)), "|".join(uniq(self.demonyms)),
                self.gender, "|".join(weak)]


# ---------------------------------------------------------------- english words

def load_words(words_path):
    """All-lower-case entries of wamerican without apostrophes. Falls back to the committed
    english-words.txt when the dictionary is not installed, so the build stays reproducible."""
    committed = GAZ / "english-words.txt"
    if words_path.exists():
        words = set()
        with open(words_path, encoding="utf-8") as f:
            for w in f:
                w = w.strip()
                if w and "'" not in w and w == w.lower() and w.isalpha():
                    words.add(w)
        return sorted(words), str(words_path)
    if committed.exists():
        print(f"note: {words_path} missing (apt-get install wamerican); reusing {committed.name}",
              file=sys.stderr)
        return committed.read_text(encoding="utf-8").split(), str(committed)
    raise BuildError(f"{words_path} missing: apt-get install wamerican")


# ---------------------------------------------------------------- sources

def load_rigour(src):
    out = {}
    with open(src / "rigour_territories.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            out[r["code"]] = r
    return out


def load_geonames(src):
    english = {}
    with open(src / "geonames_english_names_libgeonames.tsv", encoding="utf-8") as f:
        next(f)
        for line in f:
            k, v = line.rstrip("\n").split("\t", 1)
            english[k] = v
    cities = []
    with open(src / "geonames_cities_pop100k.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            r["population"] = int(r["population"])
            r["english"] = english.get(r["geonameid"], "")
            cities.append(r)
    return cities, english


def load_leaders(src):
    """officeholder label (folded) -> set of QIDs, and QID -> label, from the Wikidata export."""
    by_name = defaultdict(set)
    by_qid = {}
    with open(src / "world_leaders_wikidata_2024-10.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            q, label = r["officeholder"], r["officeholderLabel"]
            if QID_RE.match(q) and label and not QID_RE.match(label):
                by_name[fold(label)].add(q)
                by_qid[q] = label
    return by_name, by_qid


def load_congress(src):
    rows = []
    with open(src / "us_congress_current.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            rows.append(r)
    return rows


# ---------------------------------------------------------------- places

def build_countries(src, rigour, ents):
    i18n = json.load(open(src / "i18n-iso-countries_en.json", encoding="utf-8"))["countries"]
    rows = read_tsv(HERE / "countries.tsv")
    by_iso = {}
    for r in rows:
        iso = r["iso2"]
        if iso in by_iso:
            raise BuildError(f"{r['_where']}: duplicate code {iso}")
        rg = rigour.get(iso.lower())
        qid = r["qid"] or (rg["qid"] if rg else "")
        e = Entity(r["id"], "place", r["name"], split_list(r["aliases"]), qid,
                   demonyms=split_list(r["demonyms"]), weak=split_list(r["weak"]),
                   where=r["_where"])
        ents.append(e)
        by_iso[iso] = (e, r)
    missing = sorted(set(i18n) - set(by_iso))
    if missing:
        raise BuildError(f"countries.tsv lacks ISO codes {missing}")
    return by_iso


def build_subdivisions(rigour, ents):
    """Subdivisions of a few countries from rigour, as listed in subdivisions.tsv."""
    used = set()
    for r in read_tsv(HERE / "regions.tsv"):
        if r["wikidata"].startswith("rigour:"):
            used.add(r["wikidata"].split(":", 1)[1])
    taken_qids = {e.wikidata for e in ents if e.wikidata}
    n = 0
    for spec in read_tsv(HERE / "subdivisions.tsv"):
        exclude = set(spec["exclude"].split())
        for code in sorted(rigour):
            t = rigour[code]
            if not code.startswith(spec["prefix"]) or code in exclude or code in used:
                continue
            if t.get("is_historical") or t["qid"] in taken_qids:
                continue
            orig = t["name"]
            if orig.endswith(" Oblast") and "Autonomous" not in orig:
                name, aliases = orig[: -len(" Oblast")] + " region", [orig]
            elif orig.endswith(" Krai"):
                name, aliases = orig, [orig[: -len(" Krai")] + " region"]
            else:
                name, aliases = orig, []
            ents.append(Entity(slug(orig), "place", name, aliases, t["qid"], country=spec["country"],
                               where=f"rigour {code}"))
            n += 1
    return n


def build_cities(src, by_iso, words, ents, report):
    cities, english = load_geonames(src)
    by_gid = {c["geonameid"]: c for c in cities}
    curated = read_tsv(HERE / "cities.tsv")
    over = {}
    extra = []
    for r in curated:
        if r["geonameid"]:
            if r["geonameid"] not in by_gid:
                raise BuildError(f"{r['_where']}: geonameid {r['geonameid']} not in GeoNames file")
            over[r["geonameid"]] = r
        else:
            extra.append(r)

    chosen = {}  # geonameid -> reason
    for c in cities:
        if c["population"] >= BIG_CITY:
            chosen[c["geonameid"]] = "1M+"
    for gid in over:
        chosen.setdefault(gid, "curated")

    # capitals: find each in GeoNames (by name, English name or curated alias) or in the extras
    extra_names = {(fold(r["name"]), r["country"]) for r in extra}
    for iso, (e, r) in sorted(by_iso.items()):
        cap = r["capital"]
        if not cap:
            continue
        if (fold(cap), iso) in extra_names:
            continue
        hits = [c for c in cities if c["countrycode"] == iso and
                (fold(cap) in (fold(c["name"]), fold(c["english"])) or
                 fold(cap) == fold(over.get(c["geonameid"], {}).get("name", "")))]
        if not hits:
            raise BuildError(f"capital {cap!r} of {iso} found neither in GeoNames nor cities.tsv")
        best = max(hits, key=lambda c: c["population"])
        chosen.setdefault(best["geonameid"], "capital")
        chosen[best["geonameid"]] += "+capital" if chosen[best["geonameid"]] != "capital" else ""

    records = []
    for gid, why in chosen.items():
        c = by_gid[gid]
        o = over.get(gid, {})
        if o.get("action") == "drop":
            report["dropped cities"].append(f"{c['name']} ({c['countrycode']}) {o.get('note', '')}".strip())
            continue
        iso = o.get("country") or c["countrycode"]
        if iso not in by_iso:
            raise BuildError(f"city {c['name']}: unknown country {iso}")
        name = o.get("name") or c["english"] or c["name"]
        aliases = []
        for n in (c["name"], c["english"]):
            if n and n != name and fold(n) != fold(name) and o.get("action") != "noalias":
                aliases.append(n)
        aliases += split_list(o.get("aliases", ""))
        records.append(dict(gid=gid, name=name, aliases=aliases, iso=iso, pop=c["population"],
                            weak=split_list(o.get("weak", "")), qid=o.get("wikidata", ""),
                            demonyms=split_list(o.get("demonyms", "")), id=o.get("id", ""),
                            where=o.get("_where", f"GeoNames {gid}")))
    for r in extra:
        if r.get("action") == "drop":
            continue
        if r["country"] not in by_iso:
            raise BuildError(f"{r['_where']}: unknown country {r['country']}")
        records.append(dict(gid="", name=r["name"], aliases=split_list(r["aliases"]),
                            iso=r["country"], pop=int(r["population"] or 0),
                            weak=split_list(r["weak"]), qid=r["wikidata"],
                            demonyms=split_list(r["demonyms"]), id=r["id"], where=r["_where"]))

    # drop aliases that are lower-case English words or duplicates of a country name
    country_forms = {fold(f) for e, _ in by_iso.values() for f in e.forms()}
    records.sort(key=lambda x: (-x["pop"], x["name"]))
    used = set(e.id for e in ents)
    for x in records:
        keep = []
        for a in uniq(x["aliases"]):
            if a.lower() in words and a not in x["weak"]:
                report["city aliases dropped (English words)"].append(f"{x['name']}: {a}")
                continue
            keep.append(a)
        x["aliases"] = keep
        cid = x["id"] or slug(x["name"])
        if cid in used:
            cid = f"{slug(x['name'])}-{by_iso[x['iso']][0].id}"
        if cid in used:
            raise BuildError(f"{x['where']}: city id {cid} taken; give an id in cities.tsv")
        used.add(cid)
        if fold(x["name"]) in country_forms and not x["weak"]:
            report["cities named like a country"].append(f"{x['name']} ({x['iso']})")
        ents.append(Entity(cid, "place", x["name"], x["aliases"], x["qid"],
                           country=by_iso[x["iso"]][0].id, demonyms=x["demonyms"],
                           weak=x["weak"], where=x["where"]))
    return len(records)


def build_us_states(src, rigour, ents):
    states = json.load(open(src / "geonames_us_states.json", encoding="utf-8"))
    curated = {r["code"]: r for r in read_tsv(HERE / "us_states.tsv")}
    n = 0
    for code, s in sorted(states.items()):
        r = curated.get(code)
        if r is None:
            raise BuildError(f"us_states.tsv lacks {code}")
        if r.get("action") == "skip":
            continue
        rg = rigour.get("us-" + code.lower())
        qid = r["wikidata"] or (rg["qid"] if rg else "")
        ents.append(Entity(r["id"] or slug(s["name"]), "place", r["name"] or s["name"],
                           split_list(r["aliases"]), qid, country="united-states",
                           descriptors=split_list(r["descriptors"]),
                           demonyms=split_list(r["demonyms"]), weak=split_list(r["weak"]),
                           where=r["_where"]))
        n += 1
    return n


def build_regions(rigour, ents):
    n = 0
    for r in read_tsv(HERE / "regions.tsv"):
        qid = r["wikidata"]
        if qid.startswith("rigour:"):
            code = qid.split(":", 1)[1]
            if code not in rigour:
                raise BuildError(f"{r['_where']}: no rigour territory {code}")
            qid = rigour[code]["qid"]
        ents.append(Entity(r["id"], "place", r["name"], split_list(r["aliases"]), qid,
                           country=r["country"], descriptors=split_list(r["descriptors"]),
                           demonyms=split_list(r["demonyms"]), weak=split_list(r["weak"]),
                           where=r["_where"]))
        n += 1
    return n


# ---------------------------------------------------------------- people and organizations

def qid_from_sources(names, leaders_by_name, congress_by_name):
    found = set()
    for n in names:
        found |= leaders_by_name.get(fold(n), set())
        found |= congress_by_name.get(fold(n), set())
    return found


# Roles of the form "<Title> of <Country>" give descriptors news uses instead of the name:
# "Russian president", "president of Russia", "Russia's president".
TITLE_DESCRIPTORS = {
    "President": ["president"],
    "Vice President": ["vice president"],
    "Prime Minister": ["prime minister"],
    "Premier": ["premier"],
    "Chancellor": ["chancellor"],
    "Foreign Minister": ["foreign minister"],
    "Defence Minister": ["defence minister", "defense minister"],
    "King": ["king"],
    "Emir": ["emir"],
    "Sultan": ["sultan"],
    "Emperor": ["emperor"],
    "Supreme Leader": ["supreme leader"],
}
# adjectives used before a title; default: the country's first demonym
COUNTRY_ADJECTIVES = {
    "united-states": ["U.S.", "US", "American"],
    "united-kingdom": ["British", "UK"],
    "philippines": ["Philippine"],
    "china": ["Chinese"],
    "democratic-republic-of-the-congo": ["Congolese", "DR Congo"],
    "republic-of-the-congo": [],
}


def auto_descriptors(role, country, places):
    m = re.match(r"^(.+?) of (the )?(.+)$", role)
    if not m or m.group(1) not in TITLE_DESCRIPTORS or country not in places:
        return []
    place = places[country]
    if m.group(3) not in place.forms():
        return []
    article = m.group(2) or ""
    adjs = COUNTRY_ADJECTIVES.get(country, place.demonyms[:1])
    out = []
    for t in TITLE_DESCRIPTORS[m.group(1)]:
        out += [f"{a} {t}" for a in adjs]
        out.append(f"{t} of {article}{m.group(3)}")
        if not article:
            out.append(f"{m.group(3)}'s {t}")
    return out


def build_people(src, ents, places, report):
    leaders_by_name, leaders_by_qid = load_leaders(src)
    congress = load_congress(src)
    congress_by_name = defaultdict(set)
    congress_by_qid = {}
    for c in congress:
        congress_by_qid[c["wikidata"]] = c
        for n in (c["official_full"], f"{c['first']} {c['last']}",
                  f"{c['nickname']} {c['last']}" if c["nickname"] else ""):
            if n:
                congress_by_name[fold(n)].add(c["wikidata"])
    n = 0
    for r in read_tsv(HERE / "people.tsv"):
        qid = r["wikidata"]
        names = [r["name"]] + split_list(r["aliases"])
        found = qid_from_sources(names, leaders_by_name, congress_by_name)
        if qid == "-":
            qid = ""  # curated: sources name someone else of the same name
        elif not qid:
            if len(found) == 1:
                qid = found.pop()
            elif len(found) > 1:
                report["people with several source QIDs (left empty)"].append(
                    f"{r['name']}: {sorted(found)}")
        elif found and qid not in found:
            report["people whose curated QID differs from the sources"].append(
                f"{r['name']}: curated {qid}, sources {sorted(found)}")
        desc = auto_descriptors(r["role"], r["country"], places) + split_list(r["descriptors"])
        ents.append(Entity(r["id"] or slug(r["name"]), "person", r["name"], split_list(r["aliases"]),
                           qid, country=r["country"], role=r["role"],
                           descriptors=desc, gender=r["gender"],
                           weak=split_list(r["weak"]), where=r["_where"]))
        n += 1

    # members of Congress picked in congress.tsv, by QID
    chamber = {"sen": "U.S. Senator", "rep": "U.S. Representative"}
    for r in read_tsv(HERE / "congress.tsv"):
        c = congress_by_qid.get(r["wikidata"])
        if c is None:
            raise BuildError(f"{r['_where']}: {r['wikidata']} is not in us_congress_current.tsv")
        party = {"Democrat": "Democrat", "Republican": "Republican",
                 "Independent": "independent"}.get(c["party"], c["party"])
        role = r["role"] or f"{chamber[c['chamber']]} from {STATE_NAMES[c['state']]} ({party})"
        name = r["name"] or f"{c['first']} {c['last']}"
        aliases = split_list(r["aliases"])
        if c["official_full"] != name and '"' not in c["official_full"]:
            aliases.append(c["official_full"])
        ents.append(Entity(r["id"] or slug(name), "person", name, aliases, c["wikidata"],
                           country="united-states", role=role,
                           descriptors=split_list(r["descriptors"]), gender=r["gender"],
                           weak=split_list(r["weak"]), where=r["_where"]))
        n += 1
    return n


def build_leaders(src, ents, places, report):
    """Officeholders of the Wikidata export not curated in people.tsv, as reviewed in leaders.tsv."""
    have = {e.wikidata for e in ents if e.wikidata}
    review = {}
    for r in read_tsv(HERE / "leaders.tsv"):
        if r["action"] not in ("keep", "former", "skip"):
            raise BuildError(f"{r['_where']}: action must be keep, former or skip")
        review[r["wikidata"]] = r
    by_qid_place = {e.wikidata: e.id for e in places.values() if e.wikidata}
    by_qid_place.update(LEADER_COUNTRY_QIDS)
    seen = set()
    n = 0
    with open(src / "world_leaders_wikidata_2024-10.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        q = row["officeholder"]
        if row["end_year"] or q in have or q in seen:
            continue
        seen.add(q)
        r = review.get(q)
        if r is None:
            raise BuildError(f"leaders.tsv lacks a decision on {q} ({row['officeholderLabel']}, "
                             f"{row['positionLabel']})")
        if r["action"] == "skip":
            report["leaders export rows skipped"].append(f"{q} {row['officeholderLabel']}: {r['note']}")
            continue
        country = by_qid_place.get(row["countryid"])
        if country is None:
            raise BuildError(f"{r['_where']}: no place with QID {row['countryid']} ({row['country']})")
        name = r["name"] or row["officeholderLabel"]
        aliases = split_list(r["aliases"])
        if row["officeholderLabel"] != name:
            aliases.append(row["officeholderLabel"])
        role = r["role"] or row["positionLabel"]
        desc = auto_descriptors(role, country, places) if r["action"] == "keep" else []
        ents.append(Entity(slug(name), "person", name, aliases, q, country=country, role=role,
                           descriptors=desc, gender=r["gender"], weak=split_list(r["weak"]),
                           where=r["_where"]))
        n += 1
    unused = sorted(set(review) - seen)
    if unused:
        raise BuildError(f"leaders.tsv rows match no open officeholder row in the export: {unused}")
    return n


# countries of the export whose QID differs from ours (the export uses the kingdoms)
LEADER_COUNTRY_QIDS = {"Q756617": "denmark", "Q29999": "netherlands"}


def build_organizations(ents):
    n = 0
    for r in read_tsv(HERE / "organizations.tsv"):
        ents.append(Entity(r["id"] or slug(r["name"]), "organization", r["name"],
                           split_list(r["aliases"]), r["wikidata"], country=r["country"],
                           descriptors=split_list(r["descriptors"]), weak=split_list(r["weak"]),
                           where=r["_where"]))
        n += 1
    return n


def build_ministries(places, ents):
    """Foreign and defence ministries of the countries in ministries.tsv."""
    taken = {e.id for e in ents} | {fold(f) for e in ents for f in e.forms()}
    n = 0
    for r in read_tsv(HERE / "ministries.tsv"):
        place = places.get(r["country"])
        if place is None:
            raise BuildError(f"{r['_where']}: unknown country {r['country']}")
        adj = r["adjective"] or (place.demonyms[0] if place.demonyms else "")
        if not adj:
            raise BuildError(f"{r['_where']}: {place.id} has no demonym; give an adjective")
        poss = [] if place.name.endswith("s") else [f"{place.name}'s"]
        kinds = []
        if r["foreign"] == "yes":
            kinds.append(("foreign-ministry", "Foreign Ministry", ["foreign ministry"],
                          ["Ministry of Foreign Affairs"]))
        if r["defence"] == "yes":
            kinds.append(("defence-ministry", "Defence Ministry",
                          ["defence ministry", "defense ministry", "Defense Ministry"],
                          ["Ministry of Defence", "Ministry of Defense"]))
        for suffix, title, lower, formal in kinds:
            name = f"{adj} {title}"
            aliases = [f"{adj} {t}" for t in lower]
            aliases += [f"{p} {t}" for p in poss for t in [title] + lower]
            aliases += [f"{f} of {place.name}" for f in formal] + [f"{adj} {f}" for f in formal]
            eid = f"{place.id}-{suffix}"
            if eid in taken or fold(name) in taken:
                raise BuildError(f"{r['_where']}: {name} is already in organizations.tsv")
            ents.append(Entity(eid, "organization", name, aliases, country=place.id,
                               where=r["_where"]))
            n += 1
    return n


STATE_NAMES = {}


# ---------------------------------------------------------------- validation and output

def validate(ents, words, report):
    errors = []
    ids = {}
    place_ids = {e.id for e in ents if e.type == "place"}
    for e in ents:
        where = e.where
        if e.id in ids:
            errors.append(f"{where}: duplicate id {e.id} (also {ids[e.id]})")
        ids[e.id] = where
        if not ID_RE.match(e.id):
            errors.append(f"{where}: bad id {e.id!r}")
        if e.type not in TYPES:
            errors.append(f"{where}: bad type {e.type!r}")
        if not e.name:
            errors.append(f"{where}: empty name")
        if e.wikidata and not QID_RE.match(e.wikidata):
            errors.append(f"{where}: bad QID {e.wikidata!r}")
        if e.country and e.country not in place_ids:
            errors.append(f"{where}: country {e.country!r} is no place id")
        if e.gender not in ("", "male", "female"):
            errors.append(f"{where}: bad gender {e.gender!r}")
        for cell in e.row():
            if "\t" in cell or "\n" in cell:
                errors.append(f"{where}: tab or newline inside a cell of {e.id}")
        for f in e.forms() + e.descriptors + e.demonyms:
            if "|" in f or "\t" in f or f != f.strip() or not f:
                errors.append(f"{where}: bad surface form {f!r} in {e.id}")
        for w in e.weak:
            if w not in e.forms():
                errors.append(f"{where}: weak form {w!r} is not a name or alias of {e.id}")
        for d in e.descriptors:
            if d.lower().startswith("the "):
                errors.append(f"{where}: descriptor {d!r} starts with an article")
    qids = defaultdict(list)
    for e in ents:
        if e.wikidata:
            qids[e.wikidata].append(e.id)
    for q, who in sorted(qids.items()):
        if len(who) > 1:
            errors.append(f"QID {q} on several entities: {who}")
    if errors:
        raise BuildError("validation failed:\n  " + "\n  ".join(errors))

    wordset = set(words)
    claims = defaultdict(list)
    for e in ents:
        for f in uniq(e.forms()):
            claims[fold(f)].append((e.id, f))
    amb = {k: v for k, v in claims.items() if len({i for i, _ in v}) > 1}
    for k in sorted(amb):
        report["surface forms claimed by several entities"].append(
            f"{k}: " + ", ".join(sorted({i for i, _ in amb[k]})))
    desc = defaultdict(set)
    for e in ents:
        for d in e.descriptors:
            desc[fold(d)].add(e.id)
    for d in sorted(desc):
        if len(desc[d]) > 1:
            report["descriptors shared by several entities"].append(f"{d}: {', '.join(sorted(desc[d]))}")
    # the loader derives a surname from each person's name; list surnames that are also some
    # other entity's surface form so the collision is a known one (Jim Jordan / Jordan)
    for e in ents:
        if e.type != "person":
            continue
        last = e.name.split()[-1] if " " in e.name else ""
        if last and fold(last) in claims and any(i != e.id for i, _ in claims[fold(last)]):
            others = sorted({i for i, _ in claims[fold(last)]} - {e.id})
            report["person surnames that are other entities' names"].append(
                f"{last} ({e.id}) = {', '.join(others)}")
    for e in ents:
        if e.type == "person" and not e.gender:
            report["people without gender"].append(e.id)
        if e.type == "person" and not e.role:
            report["people without role"].append(e.id)
    reviewed = set()
    with open(HERE / "strong-words.txt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                reviewed.add(line)
    seen_reviewed = set()
    for e in ents:
        for f in uniq(e.forms()):
            if f.lower() in wordset and f not in e.weak:
                key = f"{f} ({e.id})"
                if key in reviewed:
                    seen_reviewed.add(key)
                else:
                    report["English-word surface forms neither weak nor reviewed in "
                           "strong-words.txt"].append(key)
    for key in sorted(reviewed - seen_reviewed):
        report["strong-words.txt entries that match nothing (remove them)"].append(key)
    report["_reviewed"] = [str(len(seen_reviewed))]
    return len(amb)


def write_tsv(path, ents, title):
    lines = [f"# newsgraph default gazetteer: {title}.",
             "# Generated by gazetteer/build/build.py from the curated files in gazetteer/build/ and",
             "# openly licensed sources; see gazetteer/README.md for provenance, licences and the",
             "# date the offices are true for. Do not edit by hand: edit the inputs and rebuild.",
             "\t".join(COLUMNS)]
    for e in sorted(ents, key=lambda e: e.id):
        lines.append("\t".join(e.row()))
    data = "\n".join(lines) + "\n"
    old = path.read_text(encoding="utf-8") if path.exists() else None
    if old != data:
        path.write_text(data, encoding="utf-8")
    return len(ents)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    ap.add_argument("--words", type=Path, default=DEFAULT_WORDS)
    ap.add_argument("--quiet", action="store_true", help="summary only, no review lists")
    args = ap.parse_args()
    src = args.sources
    if not src.is_dir():
        raise BuildError(f"sources directory {src} not found (use --sources)")

    words, words_src = load_words(args.words)
    wordset = set(words)
    report = defaultdict(list)
    rigour = load_rigour(src)
    states = json.load(open(src / "geonames_us_states.json", encoding="utf-8"))
    STATE_NAMES.update({k: v["name"] for k, v in states.items()})
    for k, v in (("PR", "Puerto Rico"), ("GU", "Guam"), ("VI", "the U.S. Virgin Islands"),
                 ("AS", "American Samoa"), ("MP", "the Northern Mariana Islands")):
        STATE_NAMES.setdefault(k, v)

    places = []
    by_iso = build_countries(src, rigour, places)
    n_countries = len(places)
    n_states = build_us_states(src, rigour, places)
    n_regions = build_regions(rigour, places)
    n_regions += build_subdivisions(rigour, places)
    n_cities = build_cities(src, by_iso, wordset, places, report)
    people = []
    place_by_id = {e.id: e for e in places}
    build_people(src, people, place_by_id, report)
    build_leaders(src, people, place_by_id, report)
    orgs = []
    build_organizations(orgs)
    build_ministries(place_by_id, orgs)

    allents = places + people + orgs
    n_amb = validate(allents, words, report)

    write_tsv(GAZ / "places.tsv", places, "places (countries, territories, US states, regions, "
              "cities, continents)")
    write_tsv(GAZ / "people.tsv", people, "people")
    write_tsv(GAZ / "organizations.tsv", orgs, "organizations")
    # SCOWL's licence asks that its copyright notice travel with every copy of the list
    notice = Path("/usr/share/doc/wamerican/copyright")
    if args.words == DEFAULT_WORDS and notice.exists():
        ntext = notice.read_text(encoding="utf-8")
        npath = GAZ / "english-words.COPYRIGHT"
        if not npath.exists() or npath.read_text(encoding="utf-8") != ntext:
            npath.write_text(ntext, encoding="utf-8")
    wtext = "\n".join(words) + "\n"
    wpath = GAZ / "english-words.txt"
    if not wpath.exists() or wpath.read_text(encoding="utf-8") != wtext:
        wpath.write_text(wtext, encoding="utf-8")

    if not args.quiet:
        for k in sorted(k for k in report if not k.startswith("_")):
            print(f"\n== {k} ({len(report[k])})")
            for line in report[k]:
                print("  " + line)
    forms = lambda es: sum(len(set(e.forms())) for e in es)
    print("\n== summary")
    print(f"  places        {len(places):5d} entities  {forms(places):5d} names+aliases "
          f"(countries/territories {n_countries}, US states {n_states}, regions/continents "
          f"{n_regions}, cities {n_cities})")
    print(f"  people        {len(people):5d} entities  {forms(people):5d} names+aliases")
    print(f"  organizations {len(orgs):5d} entities  {forms(orgs):5d} names+aliases")
    tot = forms(allents)
    print(f"  total         {len(allents):5d} entities  {tot:5d} names+aliases, "
          f"{sum(len(e.demonyms) for e in allents)} demonyms, "
          f"{sum(len(e.descriptors) for e in allents)} descriptors")
    print(f"  surface forms claimed by several entities: {n_amb}")
    print(f"  English-word forms kept strong after review (strong-words.txt): "
          f"{report['_reviewed'][0]}; weak forms: {sum(len(e.weak) for e in allents)}")
    print(f"  english-words.txt: {len(words)} words from {words_src}")


if __name__ == "__main__":
    try:
        main()
    except BuildError as e:
        print(f"build.py: error: {e}", file=sys.stderr)
        sys.exit(1)
