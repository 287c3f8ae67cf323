"""``finditer_guarded`` must give exactly what the pattern with its guard in front gives."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from takedown.normalize import figures, names
from takedown.normalize.scan import NOT_AFTER_WORD, finditer_guarded

PAIRS = [
    (r"(?<!\w)", r"ab|b|abc"),
    (r"(?<![\w.,])", r"\d+(?:\.\d+)?"),
    (r"(?<![ \t])", r"[ \t]+with[ \t]+\d+"),
    (r"(?<!\w)", names._HEAD.pattern),
    (r"(?<!\w)", names._OPERATION.pattern),
    (r"(?<!\w)", names._CALLED.pattern),
    (r"(?<!\w)", names._LISTED_MARKETS.pattern),
    (r"(?<!\w)", names._QUOTED_MARKET.pattern),
    (names._NAME_RUN_GUARD.pattern, names._NAME_RUN.pattern),
    (figures._LINKED_NUMBER_GUARD.pattern, figures._LINKED_NUMBER.pattern),
]

PIECES = [
    "a", "b", "c", "ab", "x", " ", "\t", ".", ",", "1", "2.5", "with", "Operation", "operation",
    "SpecTor", "Police", "Department", "of", "Justice", "called", "markets", "including",
    "Hydra", "shop", '"', "Shiny", "John", "Smith", "-", "’", "'", "Germany", "had", "12",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.integers(0, 5))
@pytest.mark.parametrize(("guard", "body"), PAIRS)
def test_same_matches_as_the_guarded_pattern(guard: str, body: str, text: str, pos: int) -> None:
    full = re.compile(guard + "(?:" + body + ")")
    expected = [(m.start(), m.end(), m.group(0)) for m in full.finditer(text, pos)]
    got = [
        (m.start(), m.end(), m.group(0))
        for m in finditer_guarded(re.compile(body), re.compile(guard), text, pos)
    ]
    assert got == expected


def test_guard_sees_before_pos_and_endpos_bounds() -> None:
    rx = re.compile(r"b+")
    assert [m.span() for m in finditer_guarded(rx, NOT_AFTER_WORD, "ab b", 1)] == [(3, 4)]
    assert [m.span() for m in finditer_guarded(rx, NOT_AFTER_WORD, " bbb", 0, 2)] == [(1, 2)]
