"""The curated gazetteers reach real prose: a short sentence naming a listed body, market,
operation or drug yields that entity under its canonical name, and ordinary words that
share a listed name ("the Roman Empire", "versus") yield none.

The sentences are written for this table; each names one entry so that a removed or
misspelled form fails here.
"""

from __future__ import annotations

import pytest

# ---------------------------------------------------------------- marketplaces

MARKET_CASES = [
    ("Vendors moved to Agartha after another darknet market closed.", "Agartha"),
    ("Police took the Cypher dark web marketplace offline.", "Cypher Market"),
    ("He sold pills on Tor2Door for two years.", "Tor2Door Market"),
    ("The Torzon darknet market was seized by investigators.", "Torzon Market"),
    ("Buyers on the Samsara market lost their deposits.", "Samsara Market"),
    ("TradeRoute shut its doors and kept the escrow.", "TradeRoute"),
    ("Russian buyers turned to WayAway after the raid.", "WayAway"),
    ("The Matanga darknet site sold drugs across Russia.", "Matanga"),
    ("Sellers on MGM Grand Market offered fentanyl.", "MGM Grand Market"),
    ("The CanadianHQ site stopped answering in the spring.", "Canadian HeadQuarters"),
    ("CannaHome listed hundreds of cannabis vendors.", "CannaHome"),
    ("Psychedelics were traded on the Majestic Garden forum.", "The Majestic Garden"),
    ("Agents infiltrated Alphabay, the darknet market, in 2017.", "AlphaBay"),
    ("Customers of BlackBank lost their bitcoin when the market vanished.", "Black Bank Market"),
    ("Cloud-Nine was among the sites seized that week.", "Cloud 9"),
    ("The Empire Marketplace went dark in August.", "Empire Market"),
    ("Orders placed on the Kingdom Marketplace were traced.", "Kingdom Market"),
    ("Europol named Darkmarket as the largest illegal marketplace.", "DarkMarket"),
]


@pytest.mark.parametrize(("text", "name"), MARKET_CASES, ids=[c[1] for c in MARKET_CASES])
def test_market_is_found(extractor, text, name):
    record = extractor.extract(text)
    assert name in {m.name for m in record.marketplaces}, [m.name for m in record.marketplaces]


# ---------------------------------------------------------------- common-word collisions

NO_MARKET = [
    "The fall of the Roman Empire took centuries.",
    "The United Kingdom and the Kingdom of Spain signed a treaty.",
    "It was the city versus the state in court.",
    "Samsara is a concept in several religions.",
    "They stayed at the MGM Grand in Las Vegas during the conference.",
    "The Empire State Building was lit in blue.",
    "He was on cloud nine after the verdict.",
    "A trade route through the Balkans carried goods west.",
    "The cypher on the letter was never broken.",
]


@pytest.mark.parametrize("text", NO_MARKET)
def test_common_words_are_not_markets(extractor, text):
    record = extractor.extract(text)
    assert not record.marketplaces, [m.name for m in record.marketplaces]


# ---------------------------------------------------------------- agencies

AGENCY_CASES = [
    ("Agents from HSI Newark traced the parcels.", "HSI Newark"),
    ("IRS-CI Chicago followed the bitcoin.", "IRS-CI Chicago Field Office"),
    ("The USPIS Pittsburgh Division intercepted dozens of parcels.", "USPIS Pittsburgh Division"),
    ("The DEA New Orleans Field Division led the case.", "DEA New Orleans Field Division"),
    ("Chicago police searched the apartment.", "Chicago Police Department"),
    ("The stop was made by the New York State Police.", "New York State Police"),
    (
        "The Las Vegas Metropolitan Police Department assisted.",
        "Las Vegas Metropolitan Police Department",
    ),
    ("The Manhattan DA's Office brought the charges.", "Manhattan District Attorney's Office"),
    (
        "The Office of the Special Narcotics Prosecutor filed the complaint.",
        "Office of the Special Narcotics Prosecutor for the City of New York",
    ),
    ("The State Department offered a reward.", "United States Department of State"),
    ("The U.S. Coast Guard boarded the vessel.", "United States Coast Guard"),
    ("Essex Police raided two homes.", "Essex Police"),
    ("Avon and Somerset Constabulary seized the laptop.", "Avon and Somerset Police"),
    ("SOCA investigated the seller before 2013.", "Serious Organised Crime Agency"),
    ("The SPVM seized fentanyl in the raid.", "Service de police de la Ville de Montréal"),
    ("The arrest was made by the Vancouver Police Department.", "Vancouver Police Department"),
    ("Tasmania Police charged the buyer.", "Tasmania Police"),
    ("The NSW Crime Commission froze the wallets.", "New South Wales Crime Commission"),
    ("LKA Brandenburg officers searched the flat.", "Brandenburg State Criminal Police Office"),
    ("The case went to the Bundesgerichtshof.", "Federal Court of Justice"),
    ("NAKA officers detained three suspects.", "Slovak National Criminal Agency"),
    ("The Hungarian Police detained two men.", "Hungarian National Police"),
    ("The case was heard by the Audiencia Nacional.", "Audiencia Nacional"),
    ("USKOK indicted the group.", "Office for the Suppression of Corruption and Organised Crime"),
    (
        "The Guardia di Finanza worked with the DNAA.",
        "Direzione Nazionale Antimafia e Antiterrorismo",
    ),
    (
        "EMPACT funded the action days.",
        "European Multidisciplinary Platform Against Criminal Threats",
    ),
    ("MAOC-N tracked the ship.", "Maritime Analysis and Operations Centre – Narcotics"),
    (
        "The Moscow regional prosecutor's office asked for life.",
        "Moscow Region Prosecutor's Office",
    ),
    ("Abu Dhabi Police arrested the courier.", "Abu Dhabi Police"),
    ("The Enforcement Directorate attached his flats.", "Enforcement Directorate"),
    ("SENAD agents seized cocaine in Asunción.", "National Anti-Drug Secretariat"),
    ("Silk Road was also probed by the Marco Polo Task Force.", "Marco Polo Task Force"),
]


@pytest.mark.parametrize(("text", "name"), AGENCY_CASES, ids=[c[1] for c in AGENCY_CASES])
def test_agency_is_found(extractor, text, name):
    record = extractor.extract(text)
    assert name in {a.name for a in record.agencies}, [a.name for a in record.agencies]


NO_AGENCY = [
    "Durham police investigated the break-in.",  # Durham, North Carolina: not Durham Constabulary
    "Cleveland police found the car.",
    "The coast guard rescued a swimmer.",
    "He visited the state department store downtown.",
    "They stayed at the MGM Grand in Las Vegas.",
]


@pytest.mark.parametrize("text", NO_AGENCY)
def test_ambiguous_words_are_not_listed_agencies(extractor, text):
    record = extractor.extract(text)
    assert not [a.name for a in record.agencies if a.source == "gazetteer"]


# ---------------------------------------------------------------- substances

SUBSTANCE_CASES = [
    ("Officers found 10,000 fentanyl-laced pills in the car.", "fentanyl", 10000, "pill"),
    ("Police seized 5 kg of fentanyl-laced heroin.", "fentanyl", 5, "kg"),
    ("Agents seized 40 kg of Captagon pills.", "Captagon", 40, "kg"),
    ("Police seized 5 kg of para-fluorofentanyl.", "para-fluorofentanyl", 5, "kg"),
    ("They found 300 grams of magic truffles.", "psilocybin mushrooms", 300, "g"),
    ("They found 20 grams of 2C-I in the flat.", "2C-I", 20, "g"),
    ("Officers seized 12 kg of shatter.", "THC", 12, "kg"),
    ("He had 50 grams of medetomidine.", "medetomidine", 50, "g"),
    ("Police seized 100 kg of 4-AP.", "4-AP", 100, "kg"),
    ("They seized 2 kg of MDPV.", "MDPV", 2, "kg"),
    ("Police seized 2,000 Endone tablets.", "oxycodone", 2000, "pill"),
    ("Police seized 300 Ativan pills.", "lorazepam", 300, "pill"),
    ("They seized 3 kg of coca paste.", "cocaine", 3, "kg"),
    ("Customs seized 50 kg of APAAN.", "APAAN", 50, "kg"),
    ("Police seized 10 kg of pingers.", "ecstasy", 10, "kg"),
    ("Police seized 2 kg of molly.", "MDMA", 2, "kg"),
    ("Police seized 4 kg of crystal meth.", "methamphetamine", 4, "kg"),
]


@pytest.mark.parametrize(
    ("text", "substance", "value", "unit"), SUBSTANCE_CASES, ids=[c[0] for c in SUBSTANCE_CASES]
)
def test_substance_is_named(extractor, text, substance, value, unit):
    record = extractor.extract(text)
    got = [(f.substance, f.value, f.unit) for f in record.figures]
    assert (substance, value, unit) in got, got


# ---------------------------------------------------------------- operations

OPERATION_CASES = [
    ("The DEA's Operation Web Tryp shut research chemical websites.", "Web Tryp"),
    ("Operation Cyber Chase targeted rogue online pharmacies.", "Cyber Chase"),
    ("Agents in Operation Dark Gold posed as money launderers.", "Dark Gold"),
    ("Europol coordinated Operation Onymous against dozens of sites.", "Onymous"),
    ("Results of the SpecTor operation were announced in May.", "SpecTor"),
]


@pytest.mark.parametrize(("text", "name"), OPERATION_CASES, ids=[c[1] for c in OPERATION_CASES])
def test_operation_is_found(extractor, text, name):
    record = extractor.extract(text)
    assert name in {o.name for o in record.operations}, [o.name for o in record.operations]


def test_listed_operation_carries_its_year():
    from takedown.resources import default_rules

    years = {r.name: r.year for r in default_rules("operations")}
    assert years["Dark Gold"] == 2018  # announced by the Justice Department in June 2018
    assert years["Web Tryp"] == 2004
