"""The record builder's shortcuts against their plain definitions."""

from __future__ import annotations

import random

import pytest

from takedown.build import _forms, _Mention, _paragraphs


def _paragraphs_plain(text: str, sentences: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The definition: sentences grouped by the start of the line each one starts on."""
    out: dict[int, tuple[int, int]] = {}
    for s, e in sentences:
        line = text.rfind("\n", 0, s) + 1
        lo, hi = out.get(line, (s, e))
        out[line] = (min(lo, s), max(hi, e))
    return [out[k] for k in sorted(out)]


def test_paragraphs_group_sentences_by_line() -> None:
    text = "One. Two.\nThree.\n\nFour. Five."
    sentences = ((0, 4), (5, 9), (10, 16), (18, 23), (24, 29))
    assert _paragraphs(text, sentences) == [(0, 9), (10, 16), (18, 29)]


def test_paragraphs_match_the_plain_definition() -> None:
    rng = random.Random(7)
    for _ in range(5000):
        n = rng.randint(0, 60)
        text = "".join(rng.choice("ab \n") for _ in range(n))
        cuts = sorted(rng.sample(range(n + 1), k=min(n + 1, 2 * rng.randint(0, 6))))
        sentences = tuple(
            (cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if cuts[i] < cuts[i + 1]
        )
        assert _paragraphs(text, sentences) == _paragraphs_plain(text, sentences), (text, sentences)


@pytest.mark.parametrize(
    ("form", "unit"),
    [
        ("Justice Department's Criminal Division", "Criminal Division"),
        ("FBI's Baltimore Field Office", "Baltimore Field Office"),
        (
            "IRS Criminal Investigation's Washington, D.C. Field Office",
            "Washington, D.C. Field Office",
        ),
        ("U.S. Attorney's Office", None),
        ("U.S. Attorney's Office in Maryland", None),
        ("Public Prosecutor General's Office in Koblenz", None),
        ("U.S. Attorney's Office for the Northern District of California", None),
    ],
)
def test_an_agency_alias_names_a_unit_after_a_possessive_owner(form: str, unit: str | None) -> None:
    mention = _Mention("agency", "k", form, 0, len(form), form, "pattern", None, None, None)
    aliases = _forms([mention], "agency")
    owner = form.split("'s ")[0]
    assert aliases == [form] + ([unit, f"{owner} {unit}"] if unit else [])
