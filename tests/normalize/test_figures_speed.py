"""The fast paths of the figure finder against the straightforward code they replace.

Each fast path claims to be exactly equivalent; these tests compare both on generated texts
built from the pieces that matter (number words, digits, separators, letters glued on).
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from takedown.normalize.figures import _DIGITS, _NUMBER_BODY, _NUMBER_GUARD, FigureFinder
from takedown.normalize.numbers import (
    NUMBER_WORDS_LOWER_RE,
    ORDINALS,
    SCALE_WORDS,
    UNITS_WORDS,
    ascii_lower,
    number_word_spans,
)
from takedown.normalize.scan import NOT_AFTER_WORD, finditer_guarded

_PIECES = [
    *UNITS_WORDS,
    *SCALE_WORDS,
    *ORDINALS,
    "a dozen",
    "dozen",
    "a",
    "and",
    "some",
    "often",
    "operation",
    "takedown",
    "phase",
    "x",
    "1",
    "12",
    "1,875",
    "1,23",
    "2.5",
    ".5",
    "1.2.3",
    ",",
    ".",
    "-",
    " ",
    "\t",
    "\n",
    "  ",
    "é",
    "_",
]
_texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=400)
@given(_texts)
def test_number_word_spans_are_the_scan(text: str) -> None:
    low = ascii_lower(text)
    assert number_word_spans(low) == [m.span() for m in NUMBER_WORDS_LOWER_RE.finditer(low)]


@settings(max_examples=400)
@given(_texts)
def test_guarded_digit_scan_is_the_lookbehind_scan(text: str) -> None:
    plain = re.compile(rf"(?<![\w.,])(?P<num>{_DIGITS})(?!\d)")
    fast = [(m.span(), m.group("num")) for m in finditer_guarded(_NUMBER_BODY, _NUMBER_GUARD, text)]
    assert fast == [(m.span(), m.group("num")) for m in plain.finditer(text)]


@settings(max_examples=400)
@given(_texts)
def test_ordinal_lookup_is_the_scan(text: str) -> None:
    finder = FigureFinder(units=[], cues=[], substances=[], countries=[])
    low = ascii_lower(text)
    fast = [m.span() for m in finder._ordinal_operations(low)]
    assert fast == [m.span() for m in finditer_guarded(finder.ordinal_re, NOT_AFTER_WORD, low)]


def test_no_character_lower_cases_to_nothing() -> None:
    """ascii_lower's premise: equal lengths mean every character kept its offset."""
    assert all(chr(c).lower() for c in range(sys.maxunicode + 1))


def test_ascii_lower_keeps_offsets() -> None:
    for text in ("Seven MEN", "İstanbul 5", "Straße", "ΣΑΣ 12", "café Ünïcode"):
        low = ascii_lower(text)
        assert len(low) == len(text)
        ascii_at = [i for i, c in enumerate(text) if c.isascii()]
        assert [low[i] for i in ascii_at] == [text[i].lower() for i in ascii_at]
