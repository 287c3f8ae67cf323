"""Numbers as news write them: "1,875", "50.8 million", "$2.4bn", "€26m", "three hundred",
"twenty-five", "a dozen". One table of words, one function, tested entry by entry."""

from __future__ import annotations

import re

UNITS_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALE_WORDS: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Indian and Pakistani outlets write amounts in lakhs and crores ("Rs 4.65 lakh"); only after
# digits, never as number words of their own
SOUTH_ASIAN_SCALES: dict[str, int] = {
    "lakh": 100_000,
    "lakhs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
}
# Abbreviated scales glued to digits ("€26m", "$2.4bn", "5k").
SCALE_SUFFIXES: dict[str, int] = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "b": 1_000_000_000,
    "bn": 1_000_000_000,
    "bln": 1_000_000_000,
    "tn": 1_000_000_000_000,
}
ORDINALS: dict[str, int] = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "fifteenth": 15,
    "twentieth": 20,
}

_WORD_ALT = "|".join(sorted([*UNITS_WORDS, *SCALE_WORDS], key=len, reverse=True))


def _by_first_letter(alternation: str) -> str:
    """The same alternation with its words grouped under their first letter ("t(?:hirteen|
    wenty|...)"). The regex engine tries a branch's alternatives one after the other; grouped,
    it rejects a position after one test per letter instead of one per word. Words with
    different first letters never match at the same place, so the first word that matches,
    and so every match, is the same as with the flat list."""
    words = alternation.split("|")
    letters = list(dict.fromkeys(w[0] for w in words))
    return "|".join(f"{c}(?:{'|'.join(w[1:] for w in words if w[0] == c)})" for c in letters)


_NUMBER_WORDS_BODY = (
    rf"a\s+dozen|(?:{_WORD_ALT})"
    rf"(?:(?:[ \t]+and[ \t]+|[ \t]+|-)(?:{_WORD_ALT}))*(?:[ \t]+dozen)?"
)
# A run of number words joined by spaces, hyphens or "and": "three hundred and twenty-five".
# Each repetition must consume a separator and a whole word, so there is no ambiguity to
# backtrack over.
NUMBER_WORDS_RE = re.compile(rf"\b(?:{_NUMBER_WORDS_BODY})\b", re.IGNORECASE)
# The same pattern without IGNORECASE, for scanning an ASCII-lowercased copy of a text: the
# regex engine can then reject most positions by their first character, which it cannot do
# case-insensitively. ``ascii_lower`` keeps every offset (str.lower() may not: "İ").
NUMBER_WORDS_LOWER_RE = re.compile(NUMBER_WORDS_RE.pattern)
_LOWER_BODY = (
    rf"a\s+dozen|(?:{_by_first_letter(_WORD_ALT)})"
    rf"(?:(?:[ \t]+and[ \t]+|[ \t]+|-)(?:{_by_first_letter(_WORD_ALT)}))*(?:[ \t]+dozen)?"
)
# the phrase body for scans of the lowercased copy that test the left boundary themselves
NUMBER_WORDS_LOWER_BODY = _LOWER_BODY
by_first_letter = _by_first_letter
# For the scan: the leading ``\b`` becomes the non-word character before the phrase. A
# pattern that starts with ``\b`` is tried at every character of the text; one that starts
# with ``\W`` only where such a character is (a phrase at offset 0 has none: matched apart).
_WORDS_AFTER_NON_WORD = re.compile(rf"\W(?P<n>{_LOWER_BODY})\b")
_WORDS_AT_START = re.compile(rf"(?:{_LOWER_BODY})\b")


def number_word_spans(low: str) -> list[tuple[int, int]]:
    """Spans of ``NUMBER_WORDS_LOWER_RE.finditer(low)``, found about twice as fast.

    Each match of the scan is the same phrase: the original's leftmost start s (a word
    character after a non-word one) is the leftmost start s - 1 of the new scan, and the
    phrases cannot touch (a boundary ends one and another begins the next), so the non-word
    character the scan consumes is never part of the previous phrase.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    first = _WORDS_AT_START.match(low)
    if first is not None:
        spans.append(first.span())
        pos = first.end()
    spans.extend(m.span("n") for m in _WORDS_AFTER_NON_WORD.finditer(low, pos))
    return spans


#: Mass units (as records write them) in kilograms: how the scorer and the reconciler compare
#: "144 kg" with "317 lb". Every other unit only equals itself.
KG_PER_UNIT: dict[str, float] = {
    "kg": 1.0,
    "g": 1e-3,
    "mg": 1e-6,
    "lb": 0.45359237,
    "oz": 0.028349523125,
    "t": 1000.0,
}
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """Lower-case A-Z only, so offsets into the copy are offsets into the text."""
    low = text.lower()  # far faster than translate; exact when it keeps every length
    # every character lower-cases to one or more: equal lengths mean one each, so
    # offsets agree (tests/normalize/test_figures_speed.py checks the premise)
    if len(low) == len(text):
        return low
    return text.translate(_ASCII_LOWER)


_SPLIT = re.compile(r"[\s-]+")


def words_to_number(phrase: str) -> int | None:
    """Value of a number-word phrase, or None when it is not one ("a dozen" is 12)."""
    tokens = [t for t in _SPLIT.split(phrase.lower().strip()) if t and t != "and"]
    if not tokens:
        return None
    if tokens == ["a", "dozen"]:
        return 12
    dozen = tokens[-1] == "dozen"
    if dozen:
        tokens = tokens[:-1]
    total = 0
    current = 0
    seen = False
    for tok in tokens:
        if tok in UNITS_WORDS:
            current += UNITS_WORDS[tok]
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
            seen = True
        elif tok in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[tok]
            current = 0
            seen = True
        else:
            return None
    if not seen:
        return None
    value = total + current
    return value * 12 if dozen else value


def parse_digits(digits: str) -> float:
    """ "1,875" -> 1875.0, "50.8" -> 50.8. Thousands separators are commas (English news)."""
    return float(digits.replace(",", ""))


def scale_value(scale: str | None) -> int:
    """Multiplier of a scale word or suffix; 1 when there is none."""
    if not scale:
        return 1
    s = scale.lower().rstrip(".")
    return SCALE_WORDS.get(s) or SCALE_SUFFIXES.get(s) or SOUTH_ASIAN_SCALES.get(s) or 1


def tidy(value: float) -> int | float:
    """Integral values as int, others rounded to 10 significant digits (no float noise)."""
    rounded = float(f"{value:.10g}")
    return int(rounded) if rounded.is_integer() else rounded


def parse_number(text: str) -> int | float | None:
    """Value of a whole number expression: digits with an optional scale, or number words."""
    s = text.strip()
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?([a-zA-Z]+)?", s)
    if m:
        scale = m.group(2)
        if scale and scale_value(scale) == 1:
            return None
        return tidy(parse_digits(m.group(1)) * scale_value(scale))
    words = words_to_number(s)
    return words
