"""Invariants of every record: offsets slice to their text, records validate against the
committed schema's models, ids are stable, two runs give byte-identical output."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from takedown import Extractor
from takedown.io import Article, iter_inputs
from takedown.models.records import ArticleRecord
from takedown.output import dumps

DATA = Path(__file__).resolve().parents[1] / "data" / "articles"


def _spans(record: ArticleRecord) -> Iterator[tuple[str, int, int]]:
    return record.evidence()


def _articles(*folders: Path) -> list:  # type: ignore[type-arg]
    items = iter_inputs([str(f) for f in folders if f.is_dir()])
    return [a for a in items if isinstance(a, Article)]


def test_offsets_slice_to_their_text(extractor: Extractor, seeds_dir: Path) -> None:
    arts = _articles(DATA, seeds_dir)
    assert len(arts) >= 17
    for art, rec in zip(arts, extractor.extract_many(arts), strict=False):
        for text, start, end in _spans(rec):
            assert art.text[start:end] == text, (art.article, text, start, end)
        assert rec.sha256 == art.sha256


def test_records_validate_round_trip(extractor: Extractor) -> None:
    for rec in extractor.extract_many(_articles(DATA)):
        again = ArticleRecord.model_validate_json(dumps(rec))
        assert again == rec


def test_two_runs_are_byte_identical() -> None:
    arts = _articles(DATA)
    first = [dumps(r) for r in Extractor().extract_many(arts)]
    second = [dumps(r) for r in Extractor(batch_size=3).extract_many(arts)]
    assert first == second


def test_published_argument_anchors_relative_dates(extractor: Extractor) -> None:
    rec = extractor.extract("Police arrested him last November.", published="2023-05-02")
    assert [(d.value, d.relative) for d in rec.dates] == [("2022-11", True)]
    rec = extractor.extract("Police arrested him last November.")
    assert rec.dates == [] and [u.text for u in rec.unresolved_dates] == ["last November"]


def test_bad_published_is_a_clear_error(extractor: Extractor) -> None:
    with pytest.raises(ValueError, match="ISO date"):
        extractor.extract("text", published="May 2")


def test_boilerplate_yields_no_facts(extractor: Extractor) -> None:
    text = (
        "Police seize darknet market servers in Germany\n\n- Advertisement -spot_img\n"
        "Share This Article\nLeave a comment\n4 Min Read\nPhoto by Jane Roe on Unsplash\n"
        "Related news\nFBI arrests 500 in Operation Nowhere\n"
    )
    rec = extractor.extract(text)
    assert rec.title == "Police seize darknet market servers in Germany"
    assert rec.figures == [] and rec.persons == [] and rec.operations == []
    assert rec.countries == ["Germany"]


def test_empty_and_whitespace_texts(extractor: Extractor) -> None:
    for text in ["", "   \n\n  ", "\x00"]:
        rec = extractor.extract(text)
        assert rec.figures == [] and rec.title is None


def test_parallel_workers_give_the_same_records_in_order() -> None:
    arts = _articles(DATA)
    serial = [dumps(r) for r in Extractor(batch_size=4).extract_many(arts)]
    parallel = [dumps(r) for r in Extractor(batch_size=4, jobs=2).extract_many(arts)]
    assert parallel == serial


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("The operation began in late 2021 and", "began"),
        ("Investigators kicked off the probe on May 3, 2022.", None),
        ("The probe kicked off in the summer of 2020.", "began"),
        ("The takedown was announced on 2 May 2023.", "announced"),
        ("It concluded in November 2022.", "ended"),
        ("The market was Wrapped Up in 2019.", "ended"),
        ("Police restarted nothing in 2019.", None),
        ("The market went offline in 2019.", None),
        ("Arrests made public on Tuesday, June 18, 2024 were", "announced"),
    ],
)
def test_date_roles_from_the_cue_right_before(
    extractor: Extractor, sentence: str, role: str | None
) -> None:
    dates = extractor.extract(sentence, published="2024-06-20").dates
    assert dates, sentence
    assert dates[0].role == role
