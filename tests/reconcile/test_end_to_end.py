"""End to end: the command, the evaluation floor on the shared seeds, the output records
against their models, and the benchmark at a small scale."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from takedown.cli import app
from takedown.models.corpus import CanonicalEntity, CorpusLinks, OperationRecord
from takedown.reconcile import Gazetteer, reconcile
from takedown.reconcile.io import OUTPUT_FILES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seed_records(seeds_dir: Path) -> list[dict[str, Any]]:
    from takedown import Extractor
    from takedown.io import read_article

    arts = [read_article(p.name, p) for p in sorted(seeds_dir.glob("*.txt"))]
    return [r.model_dump(mode="json") for r in Extractor().extract_many(arts)]


def test_evaluate_scores_corpus_links_on_the_seeds(seeds_dir: Path) -> None:
    """Done means corpus link F1 >= 0.95 on the seeds, per-article scores unharmed."""
    from takedown.review.evaluate import evaluate

    report = evaluate(seeds_dir)
    assert report.corpus is not None
    assert report.corpus["corpus_micro"].f1 >= 0.95
    for name in ("corpus_operations", "corpus_agencies", "corpus_marketplaces"):
        assert report.corpus[name].f1 >= 0.95, name
    assert report.micro.f1 >= 0.95


def test_seed_clusters(seed_records: list[dict[str, Any]]) -> None:
    """SpecTor across two articles, DisrupTor, JCODE across its spellings, the DOJ variants,
    Monopoly Market."""
    corpus = reconcile(seed_records).corpus_dict()

    def articles(field: str, name: str) -> list[str]:
        (c,) = [c for c in corpus[field] if c["name"] == name]
        return [a[:3] for a in c["articles"]]

    assert articles("operations", "SpecTor") == ["001", "004"]
    assert articles("operations", "DisrupTor") == ["001", "002"]
    assert articles("agencies", "Joint Criminal Opioid and Darknet Enforcement") == [
        "002",
        "003",
        "004",
    ]
    assert articles("agencies", "United States Department of Justice") == ["000", "002", "004"]
    assert articles("marketplaces", "Monopoly Market") == ["000", "001"]


def test_records_validate_against_their_models(seed_records: list[dict[str, Any]]) -> None:
    result = reconcile(seed_records)
    for e in result.entity_records:
        ent = CanonicalEntity.model_validate(e)
        assert ent.model_dump(mode="json") == e
        for art in ent.articles:
            assert art.mentions and all(m.end > m.start for m in art.mentions)
    for op in result.operations:
        OperationRecord.model_validate(op.model_dump(mode="json"))
    CorpusLinks.model_validate(result.corpus_dict())
    assert len(result.entities) == len(result.entity_records)


def test_reconcile_command(tmp_path: Path, seed_records: list[dict[str, Any]]) -> None:
    src = tmp_path / "run"
    src.mkdir()
    (src / "articles.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in seed_records), encoding="utf-8"
    )
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["reconcile", str(src), "-o", str(out), "-q"])
    assert res.exit_code == 0, res.output
    for name in OUTPUT_FILES:
        assert (out / name).is_file()
    lines = (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    ids = [json.loads(line)["id"] for line in lines]
    assert ids == sorted(ids)
    # two runs extracted apart reconcile together (the same article once)
    res = CliRunner().invoke(
        app, ["reconcile", str(src / "articles.jsonl"), str(src), "-o", str(out), "-q"]
    )
    assert res.exit_code == 0
    assert (out / "entities.jsonl").read_text(encoding="utf-8").splitlines() == lines


def test_reconcile_command_errors(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["reconcile", str(tmp_path / "nowhere"), "-o", str(tmp_path)])
    assert res.exit_code == 2
    bad = tmp_path / "articles.jsonl"
    bad.write_text('{"article": "a.txt"}\nnot json\n', encoding="utf-8")
    res = CliRunner().invoke(app, ["reconcile", str(bad), "-o", str(tmp_path / "o")])
    assert res.exit_code != 0
    assert not (tmp_path / "o" / "entities.jsonl").exists()


def test_extract_writes_the_reconciled_files(tmp_path: Path, seeds_dir: Path) -> None:
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["extract", str(seeds_dir), "-o", str(out), "-q"])
    assert res.exit_code == 0, res.output
    for name in OUTPUT_FILES:
        assert (out / name).is_file(), name
    ops = [json.loads(x) for x in (out / "operations.jsonl").read_text().splitlines()]
    assert "SpecTor" in {o["name"] for o in ops}


def test_library_entry_point(seed_records: list[dict[str, Any]]) -> None:
    import takedown

    result = takedown.reconcile(seed_records)
    assert result.operations and result.corpus_dict()["operations"]


def test_benchmark_smoke() -> None:
    """The 1M-mention benchmark is not a test; the same code at 30k mentions is."""
    spec = importlib.util.spec_from_file_location(
        "bench_reconcile", ROOT / "bench" / "bench_reconcile.py"
    )
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    sys.modules["bench_reconcile"] = bench
    spec.loader.exec_module(bench)
    result = reconcile(bench.generate(30_000, seed=11), gazetteer=Gazetteer())
    scores = bench.pairwise(result)
    assert result.stats["mentions"] >= 30_000
    assert scores["precision"] >= 0.97 and scores["recall"] >= 0.97, scores
