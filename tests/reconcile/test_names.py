"""What counts as the same name, and what keeps look-alikes apart: the tables are the rules."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from takedown.reconcile.names import (
    acronym_key,
    block_keys,
    core_tokens,
    initials,
    is_acronym,
    is_weak,
    name_key,
    tokens,
    veto,
)

SAME_KEY = [
    # (type, a, b): spelling and typography only
    ("operation", "DarkHunTor", "Dark HunTor"),
    ("operation", "Operation Dark Huntor", "DarkHunTor"),
    ("operation", "operation SpecTor", "Spector"),
    ("agency", "J-CODE", "JCODE"),
    ("agency", "European Cybercrime Centre", "European Cybercrime Center"),
    ("agency", "the FBI's", "FBI"),
    ("agency", "Europol’s", "Europol"),
    ("agency", "F.B.I.", "FBI"),
    ("agency", "U.S. Department of Justice", "United States Department of Justice"),
    ("agency", "Organised Crime Unit", "Organized Crime Unit"),
    ("agency", "Bureau of Alcohol, Tobacco & Firearms", "Bureau of Alcohol Tobacco and Firearms"),
    ("marketplace", "Monopoly Market", "Monopoly"),
    ("marketplace", "the Hydra marketplace", "Hydra"),
    ("marketplace", "Silk Road 2.0", "Silk Road 2"),
    ("marketplace", "Dark Market", "DarkMarket"),
    ("person", "Mr. Christopher Wray", "Christopher Wray"),
]

DIFFERENT_KEY = [
    ("marketplace", "Silk Road", "Silk Road 2.0"),
    ("marketplace", "Silk Road 3.1", "Silk Road 31"),
    ("agency", "National Crime Agency", "National Criminal Investigation Service"),
    ("operation", "SpecTor", "ProtecTor"),
]


@pytest.mark.parametrize(("etype", "a", "b"), SAME_KEY)
def test_same_key(etype: str, a: str, b: str) -> None:
    assert name_key(a, etype) == name_key(b, etype)


@pytest.mark.parametrize(("etype", "a", "b"), DIFFERENT_KEY)
def test_different_key(etype: str, a: str, b: str) -> None:
    assert name_key(a, etype) != name_key(b, etype)


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("FBI", True),
        ("F.B.I.", True),
        ("J-CODE", True),
        ("EC3", True),
        ("GdF", True),
        ("USAO-SDNY", True),
        ("the DEA's", True),
        ("DarkHunTor", False),
        ("SpecTor", False),
        ("Europol", False),
        ("Federal Bureau", False),
        ("A", False),
    ],
)
def test_is_acronym(form: str, expected: bool) -> None:
    assert is_acronym(form) is expected


def test_acronym_key_and_initials() -> None:
    assert acronym_key("J-CODE") == acronym_key("JCODE") == "jcode"
    jcode = tokens("Joint Criminal Opioid and Darknet Enforcement", "agency")
    assert "jcode" in initials(jcode)
    assert "doj" in initials(tokens("Department of Justice", "agency"))
    assert "ice" in initials(tokens("U.S. Immigration and Customs Enforcement", "agency"))
    assert initials(("fbi",)) == set()


@pytest.mark.parametrize(
    ("form", "weak"),
    [
        ("the Bureau", True),
        ("U.S. Attorney's Office", True),
        ("Department", True),
        ("Federal Bureau of Investigation", False),
        ("Europol", False),
    ],
)
def test_weak_forms(form: str, weak: bool) -> None:
    assert is_weak(tokens(form, "agency"), "agency") is weak


def _core(name: str, etype: str) -> tuple[str, ...]:
    return core_tokens(tokens(name, etype), etype)


VETOED = [
    # must stay apart although they look alike
    ("agency", "National Crime Agency", "National Criminal Investigation Service"),
    (
        "agency",
        "U.S. Attorney's Office for the Southern District of New York",
        "U.S. District Court for the Southern District of New York",
    ),
    (
        "agency",
        "U.S. Attorney's Office for the Southern District of New York",
        "U.S. Attorney's Office for the Eastern District of New York",
    ),
    ("agency", "FBI Cyber Division", "FBI Criminal Investigative Division"),
    ("agency", "Dark Web Team", "Europol Dark Web Team"),
    ("marketplace", "Silk Road", "Silk Road 2.0"),
    ("marketplace", "Silk Road 2.0", "Silk Road 3.1"),
    ("marketplace", "Silk Road", "Silk Road Reloaded"),
    ("person", "John Smith", "Jane Smith"),
    ("person", "Dmitry Pavlov", "Dmitry Pavlov Ivanov"),
]

ALLOWED = [
    # variants of one name: no veto
    (
        "agency",
        "Joint Criminal Opioid and Darknet Enforcement",
        "Joint Criminal and Opioid Darknet Enforcement",
    ),
    ("agency", "Federal Bureau of Investigation", "Federal Bureau of Investigaton"),
    ("agency", "UK National Crime Agency", "National Crime Agency"),
    ("agency", "US Treasury Department", "Treasury Department"),
    ("agency", "Beltesmi Economic Crime Unit", "Beltesmi Economic Crie Unit"),
    ("person", "Dmitry Pavlov", "Dmitry Olegovich Pavlov"),
    ("person", "Lisa Monaco", "Lisa O. Monaco"),
    ("person", "C. Wray", "Christopher Wray"),
    ("marketplace", "DarkHunTr", "Dark HunTor"),
]


@pytest.mark.parametrize(("etype", "a", "b"), VETOED)
def test_veto_keeps_apart(etype: str, a: str, b: str) -> None:
    assert veto(_core(a, etype), _core(b, etype), etype) is not None


@pytest.mark.parametrize(("etype", "a", "b"), ALLOWED)
def test_no_veto_for_variants(etype: str, a: str, b: str) -> None:
    assert veto(_core(a, etype), _core(b, etype), etype) is None


def test_word_order_scores_as_equal() -> None:
    """Stop words leave the core, so the two JCODE expansions are the same core string."""
    a = " ".join(_core("Joint Criminal Opioid and Darknet Enforcement", "agency"))
    b = " ".join(_core("Joint Criminal and Opioid Darknet Enforcement", "agency"))
    assert fuzz.token_sort_ratio(a, b) == 100


def test_block_keys_survive_typos_and_word_order() -> None:
    """A variant must share at least one blocking key with its original, or it is never
    compared with it."""
    cases = [
        ("agency", "Federal Bureau of Investigation", "Federal Bureau of Investigaton"),
        ("agency", "Dorvel Anti Drug Directorate", "Dorvel Anti Drug Drectorate"),
        ("agency", "Valdora Narcotics Bureau", "Bureau of Narcotics of Valdora"),
        ("operation", "SpecTor", "Spectr"),
        ("marketplace", "Monopoly", "Monopolly"),
        ("person", "Christopher Wray", "Christopher Wrey"),
        ("person", "Christopher Wray", "Kristopher Wray"),
    ]
    for etype, a, b in cases:
        ka = set(block_keys(_core(a, etype), name_key(a, etype), etype))
        kb = set(block_keys(_core(b, etype), name_key(b, etype), etype))
        assert ka & kb, (a, b)
