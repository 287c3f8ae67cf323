"""Schwartz–Hearst acronym definitions."""

from __future__ import annotations

import pytest

from takedown.normalize.abbreviations import find_definitions

CASES = [
    ("The Department of Justice (DOJ) said.", "Department of Justice", "DOJ"),
    (
        "the Joint Criminal Opioid and Darknet Enforcement (JCODE) team",
        "Joint Criminal Opioid and Darknet Enforcement",
        "JCODE",
    ),
    (
        "U.S. Immigration and Customs Enforcement’s (ICE) Homeland",
        "Immigration and Customs Enforcement",
        "ICE",
    ),
    ("Homeland Security Investigations (HSI) has", "Homeland Security Investigations", "HSI"),
    ("The Cyber Enabled Crime Team (TCEC) of the police", "Cyber Enabled Crime Team", "TCEC"),
    (
        "the Operational Coordination Group (OPCG) of Europol",
        "Operational Coordination Group",
        "OPCG",
    ),
    (
        "the Centers for Disease Control and Prevention (CDC).",
        "Centers for Disease Control and Prevention",
        "CDC",
    ),
    ("the National Crime Agency (NCA) arrested", "National Crime Agency", "NCA"),
    # a German acronym of an English name shares no letters in order: no definition
    ("the Federal Criminal Police Office (BKA)", None, None),
]


@pytest.mark.parametrize(("text", "long", "short"), CASES)
def test_definitions(text: str, long: str | None, short: str | None) -> None:
    found = find_definitions(text)
    if long is None:
        assert found == []
        return
    assert [(d.long_form, d.short_form) for d in found] == [(long, short)]
    d = found[0]
    assert text[d.long_start : d.long_end] == long and text[d.short_start : d.short_end] == short


@pytest.mark.parametrize("text", ["He paid (USD) in cash.", "the site (2019) closed", "(a)"])
def test_not_definitions(text: str) -> None:
    assert find_definitions(text) == []
