"""Unicode spaces: read as " " by the extractors, quoted as they stand in the records."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from takedown import Extractor
from takedown.normalize.spaces import matching_text

ARTICLES = Path(__file__).resolve().parents[2] / "data" / "articles"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$1.4\u00a0million", "$1.4 million"),
        ("Operation\u202fSpecTor", "Operation SpecTor"),
        ("12\u2009500 pills", "12 500 pills"),
        ("May\u20072, 2023\u3000", "May 2, 2023 "),
        ("no special spaces", "no special spaces"),
        ("zero\u200bwidth and soft\u00adhyphen stay", "zero\u200bwidth and soft\u00adhyphen stay"),
    ],
)
def test_matching_text_keeps_length_and_reads_spaces(text: str, expected: str) -> None:
    assert matching_text(text) == expected
    assert len(matching_text(text)) == len(text)


def test_a_text_without_special_spaces_is_not_copied() -> None:
    text = "Police seized 43 kg of cocaine."
    assert matching_text(text) is text


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _facts(rec: object) -> dict[str, object]:
    r = rec.model_dump()  # type: ignore[attr-defined]
    return {
        "figures": [(f["start"], f["end"], f["kind"], f["value"], f["unit"]) for f in r["figures"]],
        "dates": [(d["start"], d["end"], d["value"]) for d in r["dates"]],
        "published": r["published"],
        "countries": r["countries"],
        **{
            k: [(e["name"], [(m["start"], m["end"]) for m in e["mentions"]]) for e in r[k]]
            for k in ("operations", "marketplaces", "agencies", "persons")
        },
    }


@pytest.mark.skipif(not ARTICLES.is_dir(), reason="sample articles not present")
def test_no_break_spaces_change_no_fact_and_evidence_quotes_the_file(ex: Extractor) -> None:
    rng = random.Random(3)
    for path in sorted(ARTICLES.glob("*.txt"))[:8]:
        plain = path.read_text(encoding="utf-8")
        spaced = "".join("\u00a0" if c == " " and rng.random() < 0.2 else c for c in plain)
        a, b = ex.extract(plain), ex.extract(spaced)
        assert _facts(a) == _facts(b), path.name
        for fig in b.figures:
            assert fig.text == spaced[fig.start : fig.end]
        for ent in b.agencies + b.persons + b.marketplaces + b.operations:
            for m in ent.mentions:
                assert m.text == spaced[m.start : m.end]
        for d in b.dates:
            assert d.text == spaced[d.start : d.end]
        if b.title_span is not None:
            assert b.title == spaced[b.title_span.start : b.title_span.end]
        assert b.sha256 != a.sha256  # the hash is of the text as it came


def test_components_in_a_spacy_pipeline_read_no_break_spaces_too() -> None:
    from takedown.build import build_record
    from takedown.pipeline import build_nlp

    nlp = build_nlp()
    text = (
        "Police seized 43\u00a0kg of cocaine and arrested 12\u00a0people on 2\u00a0May\u00a02023."
    )
    rec = build_record(nlp(text), "a.txt")
    assert [(f.value, f.unit, f.text) for f in rec.figures] == [
        (43, "kg", "43\u00a0kg of cocaine"),
        (12, "count", "12\u00a0people"),
    ]
    assert [(d.value, d.text) for d in rec.dates] == [("2023-05-02", "2\u00a0May\u00a02023")]
