"""The curated gazetteers in ``takedown/rules/``: schema, shape and must-have entries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from takedown.models.rules import (
    AgencyRule,
    CountryRule,
    MarketRule,
    OperationRule,
    SubstanceRule,
)

RULES = Path(__file__).resolve().parents[2] / "takedown" / "rules"

GAZETTEERS = {
    "agencies": (AgencyRule, 170),
    "markets": (MarketRule, 70),
    "countries": (CountryRule, 199),
    "substances": (SubstanceRule, 50),
    "operations": (OperationRule, 10),
}


def _load(name: str) -> list:
    model, _ = GAZETTEERS[name]
    rows = []
    path = RULES / f"{name}.jsonl"
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        assert line.strip(), f"{path.name}:{lineno}: blank line"
        rows.append(model.model_validate(json.loads(line)))
    return rows


@pytest.fixture(scope="module", params=sorted(GAZETTEERS))
def gazetteer(request):
    return request.param, _load(request.param)


def _by_id(name: str) -> dict:
    return {r.id: r for r in _load(name)}


def _surfaces(rule) -> list[str]:
    out = [rule.name]
    for field in ("acronyms", "aliases", "demonyms"):
        out += getattr(rule, field, [])
    return out


# ---------------------------------------------------------------- shape of every file


def test_minimum_count(gazetteer):
    name, rows = gazetteer
    assert len(rows) >= GAZETTEERS[name][1]


def test_ids_unique_and_sorted(gazetteer):
    _, rows = gazetteer
    ids = [r.id for r in rows]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)


def test_ids_are_lowercase_kebab(gazetteer):
    name, rows = gazetteer
    for r in rows:
        if name == "countries":
            assert len(r.id) == 2 and r.id.isupper(), r.id
        else:
            assert r.id == r.id.lower() and " " not in r.id and "_" not in r.id, r.id


def test_canonical_names_unique(gazetteer):
    _, rows = gazetteer
    names = [r.name.casefold() for r in rows]
    dupes = {n for n in names if names.count(n) > 1}
    assert not dupes


def test_no_blank_or_padded_strings(gazetteer):
    _, rows = gazetteer
    for r in rows:
        for value in r.model_dump().values():
            for s in value if isinstance(value, list) else [value]:
                if isinstance(s, str):
                    assert s and s == s.strip(), (r.id, s)


def test_no_duplicate_forms_within_entry(gazetteer):
    # Case variants ("SpecTor"/"Spector") are deliberate; exact repeats are not.
    _, rows = gazetteer
    for r in rows:
        forms = _surfaces(r)
        assert len(forms) == len(set(forms)), r.id


@pytest.mark.parametrize("name", ["agencies", "markets", "countries", "operations"])
def test_surface_forms_point_to_one_entry(name):
    owner: dict[str, str] = {}
    for r in _load(name):
        for s in _surfaces(r):
            key = s.casefold()
            assert owner.setdefault(key, r.id) == r.id, (s, owner[key], r.id)


# ---------------------------------------------------------------- agencies


def test_agency_parents_exist_and_are_acyclic():
    agencies = _by_id("agencies")
    for a in agencies.values():
        seen = {a.id}
        parent = a.parent
        while parent is not None:
            assert parent in agencies, (a.id, parent)
            assert parent not in seen, f"cycle through {a.id}"
            seen.add(parent)
            parent = agencies[parent].parent


def test_agency_countries_are_country_names():
    countries = {c.name for c in _load("countries")}
    for a in _load("agencies"):
        assert a.country is None or a.country in countries, (a.id, a.country)
        if a.id.startswith(("eu-", "int-")):
            assert a.country is None, a.id


def test_all_94_federal_districts_have_a_us_attorney():
    usaos = [a for a in _load("agencies") if a.id.startswith("us-usao-")]
    assert all(a.kind == "prosecutor" and a.parent == "us-doj" for a in usaos)
    # Guam and the Northern Mariana Islands share one office.
    assert len(usaos) == 93
    guam = _by_id("agencies")["us-usao-gu"]
    assert "Northern Mariana Islands" in guam.name


AGENCY_MUST = [
    ("us-fbi", "Federal Bureau of Investigation", {"acronyms": ["FBI"], "anaphors": ["Bureau"]}),
    (
        "us-doj",
        "United States Department of Justice",
        {
            "acronyms": ["DOJ"],
            "aliases": ["Department of Justice", "Justice Department", "Justice Dept."],
        },
    ),
    (
        "eu-europol",
        "European Union Agency for Law Enforcement Cooperation",
        {"aliases": ["Europol"]},
    ),
    ("eu-ec3", "European Cybercrime Centre", {"acronyms": ["EC3"]}),
    (
        "us-jcode",
        "Joint Criminal Opioid and Darknet Enforcement",
        {
            "acronyms": ["JCODE", "J-CODE"],
            "aliases": ["Joint Criminal and Opioid Darknet Enforcement"],
        },
    ),
    ("us-dea", "Drug Enforcement Administration", {"acronyms": ["DEA"]}),
    ("us-dea-sod", "Special Operations Division", {"acronyms": ["SOD"]}),
    ("us-hsi", "Homeland Security Investigations", {"acronyms": ["HSI"]}),
    ("us-ice", "U.S. Immigration and Customs Enforcement", {"acronyms": ["ICE"]}),
    ("us-irs", "Internal Revenue Service", {"acronyms": ["IRS"]}),
    ("us-irs-ci", "IRS Criminal Investigation", {"acronyms": ["IRS-CI"]}),
    ("us-fda", "Food and Drug Administration", {"acronyms": ["FDA"]}),
    ("us-fda-oci", "FDA Office of Criminal Investigations", {}),
    (
        "us-uspis",
        "United States Postal Inspection Service",
        {"acronyms": ["USPIS"], "aliases": ["Postal Inspection Service"]},
    ),
    ("us-usps", "United States Postal Service", {"acronyms": ["USPS"]}),
    ("us-cdc", "Centers for Disease Control and Prevention", {"acronyms": ["CDC"]}),
    ("us-doj-ccips", "Computer Crime and Intellectual Property Section", {"acronyms": ["CCIPS"]}),
    ("us-doj-ndds", "Narcotic and Dangerous Drug Section", {"acronyms": ["NDDS"]}),
    ("us-ocdetf", "Organized Crime Drug Enforcement Task Forces", {"acronyms": ["OCDETF"]}),
    ("eu-jcat", "Joint Cybercrime Action Taskforce", {"acronyms": ["J-CAT"]}),
    ("us-fbi-htocu", "High Tech Organized Crime Unit", {}),
    ("us-fbi-fo-los-angeles", "FBI Los Angeles Field Office", {}),
    ("uk-nca", "National Crime Agency", {"acronyms": ["NCA"], "anaphors": ["Agency"]}),
    ("nl-ncis", "National Criminal Investigation Service", {}),
    ("nl-police", "Netherlands Police", {"aliases": ["Dutch Police", "Politie"]}),
    (
        "de-bka",
        "Federal Criminal Police Office",
        {"acronyms": ["BKA"], "aliases": ["Bundeskriminalamt"]},
    ),
    ("de-zit", "Central Office for Combating Internet Crime", {"acronyms": ["ZIT"]}),
    ("int-interpol", "International Criminal Police Organization", {"aliases": ["Interpol"]}),
    (
        "eu-eurojust",
        "European Union Agency for Criminal Justice Cooperation",
        {"aliases": ["Eurojust"]},
    ),
    ("int-unodc", "United Nations Office on Drugs and Crime", {"acronyms": ["UNODC"]}),
    (
        "us-usao-cdca",
        "United States Attorney's Office for the Central District of California",
        {
            "acronyms": ["USAO-CDCA"],
            "aliases": ["U.S. Attorney for the Central District of California"],
        },
    ),
    ("us-usdc-sdny", "United States District Court for the Southern District of New York", {}),
    ("ca-rcmp", "Royal Canadian Mounted Police", {"acronyms": ["RCMP"]}),
    ("au-afp", "Australian Federal Police", {"acronyms": ["AFP"]}),
]


@pytest.mark.parametrize(
    ("rule_id", "name", "fields"), AGENCY_MUST, ids=[m[0] for m in AGENCY_MUST]
)
def test_agency_must_haves(rule_id, name, fields):
    rule = _by_id("agencies")[rule_id]
    assert rule.name == name
    for field, values in fields.items():
        assert set(values) <= set(getattr(rule, field)), (field, values)


def test_agency_structure():
    agencies = _by_id("agencies")
    assert agencies["nl-ncis"].parent == "nl-police-le"
    assert agencies["nl-ncis"].country == "Netherlands"
    assert agencies["uk-nca"].country == "United Kingdom"
    assert agencies["eu-ec3"].parent == "eu-europol"
    assert agencies["us-fbi-fo-los-angeles"].parent == "us-fbi"
    assert agencies["us-usao-cdca"].kind == "prosecutor"
    assert agencies["us-usdc-sdny"].kind == "court"
    assert agencies["eu-europol"].country is None
    assert agencies["eu-europol"].kind == "international"


# ---------------------------------------------------------------- markets


MARKET_MUST = [
    ("silk-road", "Silk Road"),
    ("silk-road-2", "Silk Road 2.0"),
    ("silk-road-3-1", "Silk Road 3.1"),
    ("alphabay", "AlphaBay"),
    ("hansa", "Hansa"),
    ("dream-market", "Dream Market"),
    ("wall-street-market", "Wall Street Market"),
    ("empire-market", "Empire Market"),
    ("monopoly-market", "Monopoly Market"),
    ("hydra-market", "Hydra Market"),
    ("hydra-2014", "Hydra"),
    ("darkmarket", "DarkMarket"),
    ("white-house-market", "White House Market"),
    ("dark0de-reborn", "Dark0de Reborn"),
    ("cannazon", "Cannazon"),
    ("torrez", "ToRReZ Market"),
    ("valhalla", "Valhalla"),
    ("deepdotweb", "DeepDotWeb"),
    ("genesis", "Genesis Market"),
    ("televend", "Televend"),
]


@pytest.mark.parametrize(("rule_id", "name"), MARKET_MUST, ids=[m[0] for m in MARKET_MUST])
def test_market_must_haves(rule_id, name):
    assert _by_id("markets")[rule_id].name == name


def test_market_details():
    markets = _by_id("markets")
    assert markets["silk-road"].active == "2011/2013"
    assert markets["silk-road-2"].active == "2013/2014"
    assert "Silkkitie" in markets["valhalla"].aliases
    assert markets["deepdotweb"].kind == "service"
    assert markets["televend"].kind == "service"
    assert markets["hydra-market"].active != markets["hydra-2014"].active
    for m in markets.values():
        if m.active is not None:
            parts = m.active.split("/")
            assert len(parts) in (1, 2) and all(p.isdigit() and len(p) == 4 for p in parts), m.id
            assert parts == sorted(parts), m.id


# ---------------------------------------------------------------- countries


COUNTRY_MUST = [
    (
        "US",
        "United States",
        ["U.S.", "US", "USA", "America", "United States of America"],
        ["American"],
    ),
    (
        "GB",
        "United Kingdom",
        ["UK", "U.K.", "Britain", "England", "Scotland"],
        ["British", "Briton"],
    ),
    ("NL", "Netherlands", ["Holland", "The Netherlands"], ["Dutch"]),
    ("DE", "Germany", [], ["German", "Germans"]),
    ("CZ", "Czech Republic", ["Czechia"], ["Czech"]),
    ("KR", "South Korea", ["Republic of Korea"], ["South Korean"]),
    ("RU", "Russia", ["Russian Federation"], ["Russian"]),
    ("TR", "Turkey", ["Türkiye"], ["Turkish"]),
    ("CI", "Ivory Coast", ["Côte d'Ivoire"], ["Ivorian"]),
    ("RS", "Serbia", [], ["Serbian", "Serb"]),
    ("CO", "Colombia", [], ["Colombian"]),
    ("IR", "Iran", [], []),
    ("VN", "Vietnam", [], []),
    ("XK", "Kosovo", [], []),
    ("TW", "Taiwan", [], []),
    ("PS", "Palestine", [], []),
    ("VA", "Vatican City", ["Holy See"], []),
    ("HK", "Hong Kong", [], []),
    ("MO", "Macau", [], []),
    ("TD", "Chad", [], []),
    ("JO", "Jordan", [], []),
    ("GE", "Georgia", [], []),
]


@pytest.mark.parametrize(
    ("code", "name", "aliases", "demonyms"), COUNTRY_MUST, ids=[m[0] for m in COUNTRY_MUST]
)
def test_country_must_haves(code, name, aliases, demonyms):
    rule = _by_id("countries")[code]
    assert rule.name == name
    assert set(aliases) <= set(rule.aliases)
    assert set(demonyms) <= set(rule.demonyms)


def test_countries_cover_un_members_plus_extras():
    # 193 UN members + Kosovo, Taiwan, Palestine, Vatican + Hong Kong, Macau
    assert len(_load("countries")) == 199


def test_ambiguous_country_words_are_not_aliases():
    forms = {s for c in _load("countries") for s in c.aliases + c.demonyms}
    for risky in (
        "Chad",
        "Jordan",
        "Georgian",
        "Kiwi",
        "Pole",
        "Poles",
        "English",
        "Korea",
        "Congo",
    ):
        assert risky not in forms, risky


# ---------------------------------------------------------------- substances


SUBSTANCE_MUST = [
    ("fentanyl", "fentanyl", "opioid", [], []),
    ("heroin", "heroin", "opioid", [], ["smack"]),
    ("cocaine", "cocaine", "stimulant", [], ["coke"]),
    ("crack-cocaine", "crack cocaine", "stimulant", [], []),
    ("methamphetamine", "methamphetamine", "stimulant", ["meth"], ["crystal meth", "ice"]),
    ("amphetamine", "amphetamine", "stimulant", [], ["speed"]),
    ("mdma", "MDMA", "stimulant", [], ["molly"]),
    ("ecstasy", "ecstasy", "stimulant", [], []),
    ("cannabis", "cannabis", "cannabinoid", ["marijuana", "marihuana"], ["weed"]),
    ("hashish", "hashish", "cannabinoid", [], []),
    ("ketamine", "ketamine", "dissociative", [], []),
    ("lsd", "LSD", "hallucinogen", [], []),
    (
        "psilocybin-mushrooms",
        "psilocybin mushrooms",
        "hallucinogen",
        ["magic mushrooms"],
        ["shrooms"],
    ),
    ("oxycodone", "oxycodone", "opioid", ["OxyContin"], ["oxy"]),
    ("alprazolam", "alprazolam", "depressant", ["Xanax"], []),
    ("carfentanil", "carfentanil", "opioid", [], []),
    ("nitazenes", "nitazenes", "opioid", ["isotonitazene", "protonitazene"], []),
    ("xylazine", "xylazine", "depressant", [], []),
    ("mephedrone", "mephedrone", "stimulant", [], ["meow meow"]),
    ("synthetic-cannabinoids", "synthetic cannabinoids", "cannabinoid", [], ["spice"]),
    ("precursor-chemicals", "precursor chemicals", "precursor", [], []),
]


@pytest.mark.parametrize(
    ("rule_id", "name", "category", "synonyms", "slang"),
    SUBSTANCE_MUST,
    ids=[m[0] for m in SUBSTANCE_MUST],
)
def test_substance_must_haves(rule_id, name, category, synonyms, slang):
    rule = _by_id("substances")[rule_id]
    assert rule.name == name
    assert rule.category == category
    assert set(synonyms) <= set(rule.synonyms)
    assert set(slang) <= set(rule.slang)


def test_substance_categories_and_names():
    allowed = {
        "opioid",
        "stimulant",
        "hallucinogen",
        "cannabinoid",
        "depressant",
        "dissociative",
        "precursor",
        "other",
    }
    for s in _load("substances"):
        assert s.category in allowed, s.id
        # lower-case generic names, except acronyms / codes such as MDMA, LSD, 2C-B
        assert s.name == s.name.lower() or any(c.isupper() for c in s.name), s.id


def test_short_common_words_are_slang_not_synonyms():
    synonyms = {w.casefold() for s in _load("substances") for w in s.synonyms}
    for word in ("ice", "speed", "crystal", "molly", "spice", "coke", "crack", "weed", "acid"):
        assert word not in synonyms, word


def test_substance_forms_not_shared():
    owner: dict[str, str] = {}
    for s in _load("substances"):
        for form in [s.name, *s.synonyms, *s.slang]:
            key = form.casefold()
            assert owner.setdefault(key, s.id) == s.id, (form, owner[key], s.id)


# ---------------------------------------------------------------- operations


OPERATION_MUST = [
    ("spector", "SpecTor", 2023),
    ("disruptor", "DisrupTor", 2020),
    ("dark-huntor", "Dark HunTor", 2021),
    ("sabotor", "SaboTor", 2019),
    ("raptor", "RapTor", 2025),
    ("onymous", "Onymous", 2014),
    ("bayonet", "Bayonet", 2017),
    ("hyperion", "Hyperion", 2016),
    ("trojan-shield", "Trojan Shield", 2021),
    ("pangea", "Pangea", 2008),
]


@pytest.mark.parametrize(
    ("rule_id", "name", "year"), OPERATION_MUST, ids=[m[0] for m in OPERATION_MUST]
)
def test_operation_must_haves(rule_id, name, year):
    rule = _by_id("operations")[rule_id]
    assert rule.name == name
    assert rule.year == year
    assert not rule.name.lower().startswith("operation")


def test_dark_huntor_alias():
    assert "DarkHunTor" in _by_id("operations")["dark-huntor"].aliases
