"""Entities, as a table: a sentence, then the (field, canonical name, aliases it must carry)."""

from __future__ import annotations

import pytest

from takedown import Extractor

CASES: list[tuple[str, str, str, list[str]]] = [
    # gazetteer: acronym and long form are one body
    (
        "The FBI and the Federal Bureau of Investigation agree.",
        "agencies",
        "Federal Bureau of Investigation",
        ["FBI"],
    ),
    (
        "Poland's Central Bureau of Investigation (CBŚP) arrested seven people.",
        "agencies",
        "Central Investigation Bureau of Police",
        ["CBŚP"],
    ),
    (
        "Europol coordinated the action.",
        "agencies",
        "European Union Agency for Law Enforcement Cooperation",
        ["Europol"],
    ),
    (
        "The Justice Department announced charges.",
        "agencies",
        "United States Department of Justice",
        ["Justice Department"],
    ),
    (
        "The U.S. Department of Justice announced charges.",
        "agencies",
        "United States Department of Justice",
        ["U.S. Department of Justice"],
    ),
    (
        "J-CODE agents made arrests.",
        "agencies",
        "Joint Criminal Opioid and Darknet Enforcement",
        ["J-CODE"],
    ),
    ("The National Crime Agency arrested him.", "agencies", "National Crime Agency", []),
    ("Officers of the Bundeskriminalamt seized servers.", "agencies", None, ["Bundeskriminalamt"]),
    (
        "Europol's European Cybercrime Center helped.",
        "agencies",
        "European Cybercrime Centre",
        ["European Cybercrime Center"],
    ),
    # anaphor only after the body was named
    (
        "The FBI led the case. The Bureau said more arrests would follow.",
        "agencies",
        "Federal Bureau of Investigation",
        ["FBI", "Bureau"],
    ),
    # acronym definitions and later bare uses
    (
        "The Cyber Enabled Crime Team (TCEC) worked on it. TCEC made arrests.",
        "agencies",
        "Cyber Enabled Crime Team",
        ["TCEC"],
    ),
    # head nouns
    (
        "Detectives from the Zeeland-West Brabant Unit took part.",
        "agencies",
        "Zeeland-West Brabant Unit",
        [],
    ),
    (
        "The FBI's High Tech Organized Crime Unit coordinates the work.",
        "agencies",
        "High Tech Organized Crime Unit",
        [],
    ),
    (
        "The Postal Intervention Team of the Infrastructure Service helped.",
        "agencies",
        "Postal Intervention Team",
        [],
    ),
    (
        "The Public Prosecutor General's Office in Koblenz said.",
        "agencies",
        "Public Prosecutor General's Office in Koblenz",
        [],
    ),
    # markets
    ("Monopoly Market was a dark web marketplace.", "marketplaces", "Monopoly Market", []),
    ("AlphaBay was the largest darknet market.", "marketplaces", "AlphaBay", []),
    ("Agents shut down Silk Road 2.0 on the dark web.", "marketplaces", "Silk Road 2.0", []),
    (
        "Police seized Hydra Market on the darknet. Hydra had 17 million users.",
        "marketplaces",
        "Hydra Market",
        ["Hydra"],
    ),
    ("Vendors moved to Nebula Market, a new darknet site.", "marketplaces", "Nebula Market", []),
    ('He ran the darknet shop "Shiny Flakes" from his bedroom.', "marketplaces", "Shiny Flakes",
     []),
    ("They sold on darknet markets including Bohemia and Agartha.", "marketplaces", "Agartha",
     []),
    # operations
    ("Operation SpecTor led to 288 arrests.", "operations", "SpecTor", ["Operation SpecTor"]),
    (
        "During DisrupTor (2020) and DarkhunTor (2021) many were arrested.",
        "operations",
        "DisrupTor",
        [],
    ),
    (
        "Operation Spector was announced. Spector followed DisrupTor.",
        "operations",
        "SpecTor",
        ["Operation Spector", "Spector"],
    ),
    (
        "Police ran Operation Golden Eagle against vendors.",
        "operations",
        "Golden Eagle",
        ["Operation Golden Eagle"],
    ),
    ("The operation, code-named MegaTor, ended.", "operations", "MegaTor", []),
    ("Ontario police led Project BIONIC.", "operations", "BIONIC", ["Project BIONIC"]),
    # persons
    ("said FBI Director Christopher Wray.", "persons", "Christopher Wray", []),
    (
        "A Serbian citizen, Milomir Desnica, was sentenced. Desnica ran the site.",
        "persons",
        "Milomir Desnica",
        ["Desnica"],
    ),
    (
        "Nan van de Coevering, team leader of TCEC, is proud. Van de Coevering said more.",
        "persons",
        "Nan van de Coevering",
        ["Van de Coevering"],
    ),
    (
        "“We will continue,” said Kristen Varel, a supervisory special agent.",
        "persons",
        "Kristen Varel",
        [],
    ),
    ("said Deputy Attorney General Jeffrey Rosen.", "persons", "Jeffrey Rosen", []),
    (
        "said U.S. Attorney for the District of Maryland Erek L. Barron.",
        "persons",
        "Erek L. Barron",
        [],
    ),
    (
        "The Public Prosecutor General's Office in Frankfurt am Main led the case.",
        "agencies",
        "Public Prosecutor General's Office Frankfurt am Main",
        ["Public Prosecutor General's Office in Frankfurt am Main"],
    ),
    (
        "The RCMP worked with Canada Post Security to trace the parcels.",
        "agencies",
        "Canada Post Security and Investigation Services",
        ["Canada Post Security"],
    ),
    ("A court sentenced Stanislav Moiseev to life in prison.", "persons", "Stanislav Moiseev", []),
    ("Agents seized 50,676 bitcoin from James Zhong at his home in Georgia.", "persons",
     "James Zhong", []),
    ("Rui-Siang Lin's lawyer declined to comment.", "persons", "Rui-Siang Lin", []),
    ("said Detective Superintendent Paul Hopkins.", "persons", "Paul Hopkins", []),
    ("said Acting FBI Director Andrew McCabe.", "persons", "Andrew McCabe", []),
    ("AFP Detective Superintendent Sarah Jones said so. “No,” Det Supt Jones said.", "persons",
     "Sarah Jones", ["Jones"]),
]


@pytest.mark.parametrize(
    ("text", "field", "name", "aliases"), CASES, ids=[c[0][:50] for c in CASES]
)
def test_entities(
    extractor: Extractor, text: str, field: str, name: str | None, aliases: list[str]
) -> None:
    record = extractor.extract(text)
    ents = getattr(record, field)
    if name is None:
        assert any(set(aliases) <= set(e.aliases) | {e.name} for e in ents), ents
        return
    match = [e for e in ents if e.name == name]
    assert match, f"{name!r} not in {[e.name for e in ents]}"
    assert set(aliases) <= set(match[0].aliases), match[0].aliases
    for m in match[0].mentions:
        assert text[m.start : m.end] == m.text


COUNTRY_CASES = [
    ("A Serbian citizen was arrested in Austria.", ["Serbia", "Austria"]),
    (
        "Dutch police worked with the U.S. and the UK.",
        ["Netherlands", "United States", "United Kingdom"],
    ),
    ("German investigators shared data with Britain.", ["Germany", "United Kingdom"]),
    ("Latin American vendors were active.", []),
    ("The suspect fled to Georgia.", ["Georgia"]),
    ("He was arrested in Jordan.", ["Jordan"]),
    ("Michael Jordan and Chad Smith watched.", []),
]


@pytest.mark.parametrize(("text", "countries"), COUNTRY_CASES)
def test_countries(extractor: Extractor, text: str, countries: list[str]) -> None:
    assert extractor.extract(text).countries == countries


NOT_ENTITIES = [
    (
        "International Law Enforcement Operation Targeting Opioid Traffickers Results in Arrests",
        "operations",
    ),
    ("Vendors moved to the Dark Web Market and the Black Market.", "marketplaces"),
    ("Photo by Rmai Al Zayat on Unsplash", "persons"),
    ("The Bureau said nothing.", "agencies"),
    ("Drugs were shipped through the postal service.", "agencies"),
    ("The Federal Bureau of Investigation's lawyer declined to comment.", "persons"),
    ("Officers raided Silk Road at his home.", "persons"),
]


@pytest.mark.parametrize(("text", "field"), NOT_ENTITIES)
def test_not_entities(extractor: Extractor, text: str, field: str) -> None:
    assert getattr(extractor.extract(text), field) == []
