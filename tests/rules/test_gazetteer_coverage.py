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
