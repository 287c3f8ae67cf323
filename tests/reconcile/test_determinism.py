"""Order independence: shuffled input gives byte-identical files, and ids never depend on
what else was in the input."""

from __future__ import annotations

import copy
import importlib.util
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from takedown.reconcile import Gazetteer, reconcile, write_outputs
from takedown.reconcile.io import OUTPUT_FILES

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location(
        "bench_reconcile", ROOT / "bench" / "bench_reconcile.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_reconcile"] = module
    spec.loader.exec_module(module)
    return module


def _files(records: list[dict[str, Any]], folder: Path, gaz: Gazetteer | None) -> dict[str, bytes]:
    write_outputs(reconcile(records, gazetteer=gaz), folder)
    return {name: (folder / name).read_bytes() for name in OUTPUT_FILES}


def _shuffled(records: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = copy.deepcopy(records)
    rng.shuffle(out)
    for rec in out:
        for field in ("operations", "marketplaces", "agencies", "persons", "figures", "dates"):
            rng.shuffle(rec[field])
    return out


def test_shuffled_synthetic_input_gives_identical_files(tmp_path: Path) -> None:
    bench = _bench()
    records = list(bench.generate(6_000, seed=3))
    gaz = Gazetteer()
    want = _files(records, tmp_path / "a", gaz)
    for seed in (1, 2):
        got = _files(_shuffled(records, seed), tmp_path / f"s{seed}", gaz)
        assert got == want
    assert want["entities.jsonl"]


def test_shuffled_real_records_give_identical_files(tmp_path: Path, seeds_dir: Path) -> None:
    """The seed articles' extraction (with the shipped gazetteer) in any order."""
    from takedown import Extractor
    from takedown.io import read_article

    arts = [read_article(p.name, p) for p in sorted(seeds_dir.glob("*.txt"))]
    records = [r.model_dump(mode="json") for r in Extractor().extract_many(arts)]
    want = _files(records, tmp_path / "a", None)
    got = _files(_shuffled(records, 5), tmp_path / "b", None)
    assert got == want
    twice = _files(records, tmp_path / "c", None)
    assert twice == want


def test_duplicate_records_count_once(tmp_path: Path) -> None:
    bench = _bench()
    records = list(bench.generate(2_000, seed=4))
    gaz = Gazetteer()
    assert _files(records + records[:5], tmp_path / "a", gaz) == _files(
        records, tmp_path / "b", gaz
    )


def test_ids_do_not_depend_on_other_articles() -> None:
    """An entity's id comes from its type and canonical name, not from what else is there;
    only two entities sharing a name (homonyms) take a suffix from their years."""
    bench = _bench()
    records = list(bench.generate(3_000, seed=6))
    gaz = Gazetteer()

    def ids(recs: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
        ents = reconcile(recs, gazetteer=gaz).entity_records
        names = Counter((e["type"], e["name"]) for e in ents)
        return {(e["type"], e["name"]): e["id"] for e in ents if names[(e["type"], e["name"])] == 1}

    full, half = ids(records), ids(records[::2])
    shared = set(full) & set(half)
    assert len(shared) > 100
    assert all(full[k] == half[k] for k in shared)
