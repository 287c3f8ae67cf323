"""The fast paths of the figure finder against the straightforward code they replace.

Each fast path claims to be exactly equivalent; these tests compare both on generated texts
built from the pieces that matter (number words, digits, separators, letters glued on).
"""

from __future__ import annotations

import re
import sys
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from takedown.models.rules import UnitRule
from takedown.normalize.figures import (
    _DIGITS,
    _DRUG_NOUN_WORDS,
    _DRUG_NOUNS,
    _FINE_WORDS,
    _FINED_BEFORE,
    _FOLDS_INTO_ASCII,
    _FUNCTION_WORDS,
    _LINK_WORDS,
    _LINKED_NUMBER,
    _LINKED_NUMBER_GUARD,
    _NOT_A_UNIT_AFTER,
    _NOT_COUNTED,
    _NUMBER_BODY,
    _NUMBER_GUARD,
    _QUALIFIER_RE,
    _QUALIFIERS,
    _REFERENCE_BEFORE,
    _VALUE_HEADS,
    _VALUE_QUALIFIERS,
    _WORD_TOKEN,
    FigureFinder,
    _Blocked,
    _foldless,
    _linked_numbers,
    _number_hits,
)
from takedown.normalize.intervals import Occupied
from takedown.normalize.layout import Layout, _merge
from takedown.normalize.numbers import (
    NUMBER_WORDS_LOWER_RE,
    ORDINALS,
    SCALE_WORDS,
    UNITS_WORDS,
    ascii_lower,
    number_word_spans,
)
from takedown.normalize.scan import NOT_AFTER_WORD, finditer_guarded
from takedown.resources import default_rules


def default_rules_of(name: str) -> tuple[Any, ...]:
    return default_rules(name)


_UNITS = [
    UnitRule(surface=s, unit=u, dimension=d, prefix=pre)
    for s, u, d, pre in [
        ("$", "USD", "currency", True),
        ("US$", "USD", "currency", True),
        ("£", "GBP", "currency", True),
        ("Rs.", "INR", "currency", True),
        ("eur", "EUR", "currency", False),
        ("kg", "kg", "mass", False),
    ]
]
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


def _ordinal_starts(low: str) -> list[int]:
    """Every place an ordinal word begins, the plain way."""
    starts = []
    for word in ORDINALS:
        i = low.find(word)
        while i >= 0:
            starts.append(i)
            i = low.find(word, i + 1)
    return sorted(starts)


@settings(max_examples=400)
@given(_texts)
def test_ordinal_lookup_is_the_scan(text: str) -> None:
    finder = FigureFinder(units=[], cues=[], substances=[], countries=[])
    low = ascii_lower(text)
    plain = [m.span() for m in finditer_guarded(finder.ordinal_re, NOT_AFTER_WORD, low)]
    starts = [i for i in _ordinal_starts(low) if NOT_AFTER_WORD.match(low, i)]
    assert [m.span() for m in finder._ordinal_operations(low, starts)] == plain
    _, _, hits = _number_hits(text, low)
    assert [m.span() for m in finder._ordinal_operations(low, hits)] == plain


_NUMBERISH = st.lists(
    st.sampled_from([*_PIECES, "5", "05", "1,000", "1,2345", "K", "\u212a", "é5", "ſ", "٣", "x5"]),
    max_size=40,
).map("".join)


@settings(max_examples=1000)
@given(_NUMBERISH)
def test_number_hits_are_the_three_scans(text: str) -> None:
    low = ascii_lower(text)
    digits, words, ordinals = _number_hits(text, low)
    assert digits == [m.span() for m in finditer_guarded(_NUMBER_BODY, _NUMBER_GUARD, text)]
    assert words == number_word_spans(low)
    boundary = re.compile(r"\b")
    plain = [
        i
        for i in _ordinal_starts(low)
        if NOT_AFTER_WORD.match(low, i)
        and any(low.startswith(w, i) and boundary.match(low, i + len(w)) for w in ORDINALS)
    ]
    assert ordinals == sorted(set(plain))


def test_no_character_lower_cases_to_nothing() -> None:
    """ascii_lower's premise: equal lengths mean every character kept its offset."""
    assert all(chr(c).lower() for c in range(sys.maxunicode + 1))


def test_ascii_lower_keeps_offsets() -> None:
    for text in ("Seven MEN", "İstanbul 5", "Straße", "ΣΑΣ 12", "café Ünïcode"):
        low = ascii_lower(text)
        assert len(low) == len(text)
        ascii_at = [i for i, c in enumerate(text) if c.isascii()]
        assert [low[i] for i in ascii_at] == [text[i].lower() for i in ascii_at]


def test_folds_into_ascii_lists_every_such_character() -> None:
    """The literal prechecks stand in for IGNORECASE patterns only without these."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    folding = [chr(c) for c in range(128, sys.maxunicode + 1) if letter.match(chr(c))]
    assert all(_FOLDS_INTO_ASCII.match(c) for c in folding)


_LEFT = st.lists(
    st.sampled_from(
        [
            "more than",
            "over",
            "about",
            "a total of",
            "A Total\nof",
            "no more than",
            "approx.",
            "close to",
            "as many as",
            "of",
            "to",
            "\u0131n excess of",
            "moreover",
            "Section",
            "no.",
            "No.",
            "fined",
            "ordered to pay",
            "penalty of",
            "US$",
            "$",
            "£",
            "EUR",
            "Rs.",
            "covid",
            "COVID-",
            "page",
            "§",
            "#",
            "/",
            "x",
            "é",
            "ſ",
            "ı",
            " ",
            "  ",
            "\t",
            "\n",
            "(",
            "—",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=500)
@given(_LEFT)
def test_left_context_fast_paths_are_the_regexes(left: str) -> None:
    """_qualifier, _reference_before, _may_have_prefix and _may_contain against the plain
    searches they stand in for, on the window that ends where a number would start."""
    finder = FigureFinder(units=_UNITS, cues=[], substances=[], countries=[])
    text = left + "5 kg"
    start = len(left)
    finder._low = ascii_lower(text)
    finder._foldless = _FOLDS_INTO_ASCII.search(text) is None
    m = _QUALIFIER_RE.search(text[max(0, start - 32) : start])
    want = next((name for i, (name, _) in enumerate(_QUALIFIERS) if m and m.group(f"q{i}")), None)
    assert finder._qualifier(text, start) == want
    before = text[max(0, start - 24) : start]
    assert finder._reference_before(before) == bool(_REFERENCE_BEFORE.search(before))
    lo = max(0, start - 8)
    if finder.prefix_re.search(text, lo, start):
        assert finder._may_have_prefix(text, lo, start)
    fine_lo = max(0, start - 40)
    if _FINED_BEFORE.search(text[fine_lo:start]):
        assert finder._may_contain(fine_lo, start, _FINE_WORDS)


def _rules_finder() -> FigureFinder:
    """A finder with the shipped units, cues, substances and countries."""
    return FigureFinder(
        units=default_rules_of("units"),
        cues=default_rules_of("kinds"),
        substances=default_rules_of("substances"),
        countries=default_rules_of("countries"),
    )


_FINDER = _rules_finder()
_FOLDING = ["\u0130", "\u0131", "\u017f", "\u212a"]
_WORDISH = st.lists(
    st.sampled_from(
        [
            *(u.surface for u in default_rules_of("units")),
            *(w for c in default_rules_of("kinds") for w in c.cues),
            "KG",
            "Kilos",
            "Grams of",
            "USD",
            "kg-",
            "kgs",
            "ounce",
            "x",
            "é",
            "É",
            "Σ",
            "5",
            "-",
            " ",
            "\t",
            "\n",
            "\u00a0",
            ".",
            "_",
            *_FOLDING,
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300)
@given(_WORDISH)
def test_foldless_is_the_class_search(text: str) -> None:
    assert _foldless(text) == (_FOLDS_INTO_ASCII.search(text) is None)


@settings(max_examples=300)
@given(_WORDISH, st.data())
def test_cue_scans_are_the_bounded_patterns(text: str, data: st.DataObject) -> None:
    """The guarded cue scans find what ``\\b(?:cues)\\b`` finds in any slice of the text."""
    low = ascii_lower(text)
    word_starts = [m.start() for m in re.finditer(r"\b\w", low)] or [0]
    lo = data.draw(st.one_of(st.integers(0, len(low)), st.sampled_from(word_starts)))
    hi = data.draw(st.integers(lo, len(low)))
    _FINDER._low = low
    _FINDER._cue_cache = {}
    assert _FINDER.cue_leads  # the shipped cues all take the fast path
    for role, pat in _FINDER.cue_patterns.items():
        body, guard = _FINDER.cue_scans[role]
        plain = [(m.start(), m.end(), m.group(0)) for m in pat.finditer(low, lo, hi)]
        fast = [
            (m.start(), m.end(), m.group(0)) for m in finditer_guarded(body, guard, low, lo, hi)
        ]
        assert fast == plain, role
        assert _FINDER._cues_in(text, role, lo, hi) == plain, role


@settings(max_examples=500)
@given(_WORDISH)
def test_unit_on_the_lowercased_copy_is_unit_re(text: str) -> None:
    finder = _FINDER
    assert finder.unit_low_re is not None
    finder._low = ascii_lower(text)
    finder._foldless = _foldless(text)
    for pos in range(len(text) + 1):
        fast = finder._unit(text, pos)
        plain = finder.unit_re.match(text, pos)
        if plain is not None and _NOT_A_UNIT_AFTER.match(text, plain.end()):
            plain = None
        assert (fast and (fast.span(), fast.group("unit").lower())) == (
            plain and (plain.span(), plain.group("unit").lower())
        )


_LINKED_TEXTS = st.lists(
    st.tuples(
        st.sampled_from([" ", " ", "  ", "\t", "", "\n", "-", ".", ","]),
        st.sampled_from(
            [
                *_LINK_WORDS,
                "accounted\tfor",
                "One",
                "one",
                "twelve",
                "twenty",
                "a dozen",
                "5",
                "1,000",
                "1,2345",
                "2.5",
                "x",
                "Germany",
                "%",
                "percent",
                "million",
                "kg",
                "é",
            ]
        ),
    ),
    max_size=12,
).map(lambda parts: "".join(sep + word for sep, word in parts))


@settings(max_examples=1000)
@given(_LINKED_TEXTS)
def test_linked_numbers_are_the_scan(text: str) -> None:
    digits, words, _ = _number_hits(text, ascii_lower(text))
    starts = sorted(s for s, _ in [*digits, *words])
    fast = [(start, m.span("n")) for start, m in _linked_numbers(text, starts)]
    plain = finditer_guarded(_LINKED_NUMBER, _LINKED_NUMBER_GUARD, text)
    assert fast == [(m.start(), m.span("n")) for m in plain]


_SUBSTANCE_FORMS = sorted(
    {w for s in default_rules_of("substances") for w in (s.name, *s.synonyms, *s.slang)}
)
_SEP = st.sampled_from([" ", " ", "  ", "\n", "", "-", ","])
_VALUE_WORDS = [
    *_DRUG_NOUN_WORDS,
    *_VALUE_HEADS,
    *_VALUE_QUALIFIERS,
    "value of",
    "Value Of",
    "worth",
    "WORTH",
    "valued at",
    "valued\nat",
    "x",
    "seized",
    "\u017fome",
    "é",
    "5",
]
_VALUE_PART = st.one_of(st.sampled_from(_SUBSTANCE_FORMS), st.sampled_from(_VALUE_WORDS))
# mostly the shape of a match (drug, up to three words, worth, a qualifier), with any part
# swapped for another word or left out, and separators that may glue words together
_VALUE_TEXTS = st.lists(
    st.tuples(
        _SEP,
        st.one_of(
            st.tuples(
                st.sampled_from(["", "x", "é", "seized", "the"]),
                st.one_of(st.sampled_from(_SUBSTANCE_FORMS), st.sampled_from(_VALUE_HEADS)),
                st.lists(st.sampled_from(["x", "of", "3-b", "é", "worth"]), max_size=3),
                st.sampled_from(["worth", "valued at", "value of", "Worth", "x"]),
                st.sampled_from(["", *_VALUE_QUALIFIERS]),
            ).map(lambda t: t[0] + " " + t[1] + " " + " ".join(t[2]) + " " + t[3] + " " + t[4]),
            _VALUE_PART,
        ),
    ),
    max_size=4,
).map(lambda parts: "".join(sep + word for sep, word in parts).replace("  ", " "))


@settings(max_examples=1000)
@given(_VALUE_TEXTS, st.sampled_from(["", " ", "  ", "\n", " \n"]), st.data())
def test_drug_value_before_reversed_is_the_search(
    text: str, tail: str, data: st.DataObject
) -> None:
    text += tail
    hi = len(text)
    lo = data.draw(st.integers(0, hi))
    plain = _FINDER.drug_value_before.search(text, lo, hi) is not None
    assert _FINDER._drug_value_before(text, lo, hi) == plain


def test_drug_value_before_reversed_examples() -> None:
    for text, lo, want in [
        ("seized cocaine worth about ", 0, True),
        ("seized cocaine worth about ", 7, True),
        ("seized cocaine worth about ", 8, False),  # the window cuts the substance
        ("xcocaine worth ", 1, False),  # no word boundary before it
        ("a street value of ", 0, True),
        ("Heroin, valued at more than ", 0, False),
        ("Heroin valued at more than ", 0, True),
        ("the drugs have a total worth of ", 0, False),
        ("pills and tablets worth\n", 0, True),
        ("cryptocurrency worth around ", 0, False),
    ]:
        plain = _FINDER.drug_value_before.search(text, lo, len(text)) is not None
        assert plain == want, text
        assert _FINDER._drug_value_before(text, lo, len(text)) == want, text


def test_drug_noun_words_are_the_alternation() -> None:
    assert "|".join(w.replace(" ", r"\s+") for w in _DRUG_NOUN_WORDS) == _DRUG_NOUNS


_QUALIFIER_PHRASES = [
    alt.replace(r"\s+", " ").replace("\\.", ".") for _, p in _QUALIFIERS for alt in p.split("|")
]


@settings(max_examples=1000)
@given(
    st.sampled_from(["", "x", "(", "—", "é", "\u0131", "the", "\n"]),
    st.sampled_from(["", " ", "\t", "(", "-"]),
    st.sampled_from([*_QUALIFIER_PHRASES, "of", "in", "Moreover", "proof"]),
    st.sampled_from([" ", "  ", "\t", "", "\n"]),
    st.sampled_from(["", "a total of ", "A TOTAL OF\n", "a total of", "total of "]),
    st.sampled_from(["", "\n", " \n", " "]),
)
def test_qualifier_is_the_regex(
    head: str, sep: str, phrase: str, blank: str, total: str, tail: str
) -> None:
    finder = _FINDER
    left = head + sep + phrase + blank + total + tail
    text = left + "5 kg"
    start = len(left)
    finder._low = ascii_lower(text)
    finder._foldless = _foldless(text)
    m = _QUALIFIER_RE.search(text[max(0, start - 32) : start])
    want = next((name for i, (name, _) in enumerate(_QUALIFIERS) if m and m.group(f"q{i}")), None)
    assert finder._qualifier(text, start) == want


_RANGES = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6)


@settings(max_examples=1000)
@given(_RANGES, _RANGES, st.integers(0, 40), st.integers(1, 10))
def test_blocked_is_zones_and_exclusions(
    zones: list[tuple[int, int]], exclude: list[tuple[int, int]], start: int, size: int
) -> None:
    """One bisection of the merged ranges against in_zone and Occupied, for any zones (the
    merged ones analyze_layout makes, and others) and any exclusions (empty ones too)."""
    for zs in (tuple(zones), _merge(zones)):
        layout = Layout(None, zs, (), _zone_starts=tuple(z[0] for z in zs))
        blocked = _Blocked.of(layout, exclude)
        end = start + size
        plain = layout.in_zone(start, end) or Occupied(exclude).overlaps(start, end)
        assert blocked(start, end) == plain


def _plain_head_noun(finder: FigureFinder, text: str, pos: int) -> tuple[int, str | None]:
    """_head_noun as it was: blanks and word matched apart, roles asked one by one."""
    roles = ("arrest_noun", "person_noun", "weapon_noun", "sale_noun")
    of_the = re.compile(r"[ \t]+of[ \t]+(?:the|those|these)[ \t]+([A-Za-z]+)").match(text, pos)
    if of_the and any(of_the.group(1).lower() in finder.cue_words.get(r, ()) for r in roles):
        return of_the.end(), of_the.group(1).lower()
    cur = pos
    words: list[tuple[int, str]] = []
    capitalised: set[int] = set()
    for _ in range(4):
        m = re.compile(r"[ \t]+").match(text, cur)
        if not m:
            break
        w = _WORD_TOKEN.match(text, m.end())
        if not w:
            break
        token = (
            w.group(0).rstrip(".,;:’'").lower()
            if not w.group(0).endswith("U.S.")
            else w.group(0).lower()
        )
        words.append((w.start() + len(token), token))
        if w.group(0)[:1].isupper() and token not in {"u.s.", "u.k."}:
            capitalised.add(len(words) - 1)
        cur = w.start() + len(token)
        if token in _FUNCTION_WORDS and token != "of":
            break
    if not words:
        return pos, None
    if words[0][1] == "of" and len(words) > 1 and words[1][1] in {"them", "those", "whom"}:
        return words[1][0], "them"
    for end, token in words:
        if token in _FUNCTION_WORDS:
            break
        for role in roles:
            if token in finder.cue_words.get(role, ()):
                return end, token
    first_end, first = words[0]
    if first in _FUNCTION_WORDS or not first.isalpha() and first not in {"u.s.", "u.k."}:
        return pos, None
    if first in _NOT_COUNTED:
        return pos, None
    if 0 in capitalised or (first in {"u.s.", "u.k."} and 1 in capitalised):
        return pos, None
    end = first_end
    for e, token in words:
        if token in _FUNCTION_WORDS:
            break
        end = e
        if token.endswith("s") and token not in {"u.s.", "this", "its", "was", "has", "is"}:
            break
    return end, first


_HEAD_TEXTS = st.lists(
    st.tuples(
        st.sampled_from([" ", " ", "  ", "\t", "", "\n", ","]),
        st.sampled_from(
            [
                *(w for c in default_rules_of("kinds") for w in c.cues),
                "of",
                "the",
                "those",
                "them",
                "U.S.",
                "U.K.",
                "Agencies",
                "agencies.",
                "pill",
                "presses",
                "it's",
                "x’",
                "5",
            ]
        ),
    ),
    max_size=7,
).map(lambda parts: "".join(sep + word for sep, word in parts))


@settings(max_examples=1000)
@given(_HEAD_TEXTS)
def test_head_noun_is_the_plain_loop(text: str) -> None:
    assert _FINDER._head_noun(text, 0) == _plain_head_noun(_FINDER, text, 0)


def test_word_characters_are_alnum_or_underscore() -> None:
    """_number_hits tests \\w as str.isalnum() or "_"."""
    word = re.compile(r"\w")
    assert all(
        (word.match(c) is not None) == (c.isalnum() or c == "_")
        for c in map(chr, range(sys.maxunicode + 1))
    )


_SUBSTANCE_TEXTS = st.lists(
    st.one_of(
        st.sampled_from(_SUBSTANCE_FORMS),
        st.sampled_from(_SUBSTANCE_FORMS).map(str.upper),
        st.sampled_from(_SUBSTANCE_FORMS).map(lambda f: f[:2]),
        st.sampled_from(
            ["people", "tablets", " ", "-", "x", "é", "\u212a", "\u017f", "\u0131", "5"]
        ),
    ),
    max_size=4,
).map("".join)


@settings(max_examples=1000)
@given(_SUBSTANCE_TEXTS)
def test_substance_prefix_test_never_hides_a_match(text: str) -> None:
    for pos in range(len(text) + 1):
        if _FINDER.substance_at.match(text, pos) is not None:
            assert _FINDER.substance_starts.may_match(text, pos), (text, pos)
