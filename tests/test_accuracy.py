"""Accuracy floors: the numbers the project promises, held by the test suite.

The shared seeds are real articles (skipped when ../shared is absent); data/gold holds the
sample articles written for this project. A held-out set is measured outside the repo.
"""

from __future__ import annotations

from pathlib import Path

from takedown import Extractor
from takedown.review.evaluate import evaluate

DATA = Path(__file__).resolve().parents[1] / "data"


def test_seed_corpus_floor(extractor: Extractor, seeds_dir: Path) -> None:
    report = evaluate(seeds_dir, extractor=extractor)
    assert report.micro.f1 >= 0.85, report.to_dict()["micro"]
    low = {f: round(c.f1, 3) for f, c in report.fields.items() if c.f1 < 0.7}
    assert not low, f"fields below 0.7: {low}"


def test_sample_corpus_floor(extractor: Extractor) -> None:
    report = evaluate(DATA / "gold", DATA / "articles", extractor=extractor)
    assert len(report.articles) >= 12
    assert report.micro.f1 >= 0.9, report.to_dict()["micro"]
