"""Number normalisation, entry by entry: every word of the table has its own row, because an
off-by-one in such a table goes unnoticed otherwise."""

from __future__ import annotations

import pytest

from takedown.normalize.numbers import (
    NUMBER_WORDS_RE,
    ORDINALS,
    SCALE_SUFFIXES,
    SCALE_WORDS,
    UNITS_WORDS,
    parse_number,
    tidy,
    words_to_number,
)

WORD_VALUES = [
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
]


@pytest.mark.parametrize(("word", "value"), WORD_VALUES)
def test_every_unit_word(word: str, value: int) -> None:
    assert words_to_number(word) == value
    assert words_to_number(word.capitalize()) == value


def test_table_is_covered() -> None:
    assert {w for w, _ in WORD_VALUES} == set(UNITS_WORDS)


PHRASES = [
    ("twenty-five", 25),
    ("twenty five", 25),
    ("ninety-nine", 99),
    ("one hundred", 100),
    ("three hundred", 300),
    ("three hundred and twenty-five", 325),
    ("two thousand", 2000),
    ("one million", 1_000_000),
    ("two billion", 2_000_000_000),
    ("a dozen", 12),
    ("two dozen", 24),
    ("hundred", 100),
    ("thousand", 1000),
    ("Sixty-five", 65),
    ("twelve thousand five hundred", 12_500),
]


@pytest.mark.parametrize(("phrase", "value"), PHRASES)
def test_word_phrases(phrase: str, value: int) -> None:
    assert words_to_number(phrase) == value


DIGITS = [
    ("1,875", 1875),
    ("50.8 million", 50_800_000),
    ("2.4bn", 2_400_000_000),
    ("26m", 26_000_000),
    ("1.5", 1.5),
    ("5k", 5000),
    ("3 billion", 3_000_000_000),
    ("30.17 million", 30_170_000),
    ("1,000,000", 1_000_000),
    ("0.5", 0.5),
    ("12mn", 12_000_000),
    ("7 thousand", 7000),
    ("1.23bn", 1_230_000_000),
]


@pytest.mark.parametrize(("text", "value"), DIGITS)
def test_digits(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["abc", "12 apples", ""])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_scale_tables() -> None:
    assert SCALE_WORDS["million"] == 10**6 and SCALE_SUFFIXES["bn"] == 10**9
    assert ORDINALS["fifth"] == 5 and ORDINALS["second"] == 2


def test_tidy_removes_float_noise() -> None:
    assert tidy(50.8 * 1_000_000) == 50_800_000
    assert isinstance(tidy(3.0), int)


def test_number_words_regex_finds_runs() -> None:
    found = [m.group(0) for m in NUMBER_WORDS_RE.finditer("six presses, three hundred and two men")]
    assert found == ["six", "three hundred and two"]
