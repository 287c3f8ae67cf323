"""Sentences in the shapes real news takes, where a listed name is also an ordinary word.

Each row is a sentence written for this table and what must (or must not) come out of it.
"""

from __future__ import annotations

import pytest

from takedown import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "operations"),
    [
        ("Magnus Carlsen won again on Tuesday.", []),
        ("Talent is rare among darknet vendors, the FBI said.", []),
        ("Kraken, the exchange, froze the accounts.", []),
        ("Operation Bayonet took down AlphaBay. Bayonet was led by the FBI.", [("Bayonet", 2)]),
        ("Europol said Magnus, an operation against infostealers, hit RedLine.", [("Magnus", 1)]),
        (
            "The takedown, code-named SpecTor, followed DisrupTor.",
            [("SpecTor", 1), ("DisrupTor", 1)],
        ),
    ],
)
def test_one_word_operation_names_need_an_operation_in_the_sentence(
    ex: Extractor, text: str, operations: list[tuple[str, int]]
) -> None:
    assert [(e.name, len(e.mentions)) for e in ex.extract(text).operations] == operations


@pytest.mark.parametrize(
    ("text", "markets"),
    [
        ("Users of the darknet market were told to withdraw their coins ASAP.", []),
        ("The ASAP market went offline in 2024.", ["ASAP Market"]),
        (
            "Vendors fled the darknet marketplace ASAP Market for Abacus.",
            ["ASAP Market", "Abacus Market"],
        ),
    ],
)
def test_capitalised_abbreviations_are_markets_only_beside_the_word_market(
    ex: Extractor, text: str, markets: list[str]
) -> None:
    assert [e.name for e in ex.extract(text).marketplaces] == markets


def test_people_opening_a_sentence_are_not_part_of_the_body(ex: Extractor) -> None:
    rec = ex.extract("Officers of the Vancouver Police Department arrested two men.")
    assert [e.name for e in rec.agencies] == ["Vancouver Police Department"]
    rec = ex.extract("Members of the Royal Canadian Mounted Police searched the house.")
    assert [e.name for e in rec.agencies] == ["Royal Canadian Mounted Police"]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (
            "Police seized 5,000 fentanyl-laced pills and 300 meth-laced tablets.",
            [(5000, "pill", "fentanyl"), (300, "pill", "methamphetamine")],
        ),
        ("Agents found 1,200 xylazine-tainted pills.", [(1200, "pill", "xylazine")]),
        (
            "Officers recovered 40 counterfeit oxycodone-pressed tablets.",
            [(40, "pill", "oxycodone")],
        ),
    ],
)
def test_hyphenated_drug_adjectives_before_pills(
    ex: Extractor, text: str, figures: list[tuple[int, str, str | None]]
) -> None:
    got = [(f.value, f.unit, f.substance) for f in ex.extract(text).figures]
    assert got == figures
