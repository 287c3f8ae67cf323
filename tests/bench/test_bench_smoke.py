"""Smoke test of bench/bench_extract.py: the corpus builder and both measurements run on a
tiny corpus and the report has every number. No timing is asserted: speed on a shared CI
machine is noise, and the benchmark is run by hand (see bench/README.md)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_extract.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    """Loaded from its path: bench/ is a folder of scripts, not a package."""
    spec = importlib.util.spec_from_file_location("bench_extract", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_corpus_is_deterministic_varied_and_a_prefix(bench: ModuleType) -> None:
    samples = bench.load_samples()
    small = list(bench.iter_corpus(20, seed=3, samples=samples))
    assert len(small) == 20
    assert small == list(bench.iter_corpus(20, seed=3, samples=samples))
    assert small[:10] == list(bench.iter_corpus(10, seed=3, samples=samples))
    assert small != list(bench.iter_corpus(20, seed=4, samples=samples))
    originals = {p.read_text(encoding="utf-8") for p in bench.find_sample_files()}
    assert len(set(small)) == 20 and not set(small) & originals
    assert all(len(t.split()) > 100 for t in small)


def test_generator_is_lazy(bench: ModuleType) -> None:
    corpus = bench.iter_corpus(10**9, seed=0)
    assert isinstance(next(corpus), str)  # a billion articles: only if made on demand


def test_variation_keeps_dates_plausible(bench: ModuleType) -> None:
    import random

    rng = random.Random(1)
    out = bench._swap_numbers("On 26 Oct 2021, at 16:40 on 20.04.2024, 1,234.5 kg.", rng)
    day, month, year = re.match(r"On (\d+) (\w+) (\d{4}),", out).groups()  # type: ignore[union-attr]
    assert 1 <= int(day) <= 28 and month in bench.MONTHS_SHORT and 2011 <= int(year) <= 2025
    assert "16:40" in out and "20.04.2024" in out
    assert re.search(r"\b\d,\d{3}\.\d kg\.$", out)


def test_measurement_and_report_on_a_tiny_corpus(bench: ModuleType) -> None:
    samples = bench.load_samples()
    tp = bench.measure_throughput(20, seed=0, samples=samples, chunk=8, warmup=2)
    assert tp.articles == tp.records == 20
    assert tp.words > 0 and tp.tokens >= tp.words // 2 and tp.output_bytes > 0
    assert tp.tokenizer_seconds > 0 and tp.takedown_seconds > 0
    assert len(tp.chunk_ratios) == 3
    assert tp.ratio == pytest.approx(tp.tokenizer_seconds / tp.takedown_seconds)

    mem = bench.measure_memory([4, 12], seed=0)
    assert [p.articles for p in mem] == [4, 12]
    assert all(p.peak_rss >= p.baseline_rss > 0 for p in mem)

    stages = bench.measure_breakdown(5, seed=0, samples=samples)
    assert "tokenizer (make_doc)" in stages and "build_record" in stages
    assert all(v >= 0 for v in stages.values()) and sum(stages.values()) > 0

    report = bench.format_report(tp, mem, 0, len(samples), stages, 5)
    num = r"[\d,]+(?:\.\d+)?"
    assert re.search(rf"tokenizer\s+: {num} words/s", report)
    assert re.search(rf"takedown\s+: {num} words/s", report)
    ratio = re.search(rf"ratio\s+: ({num}) takedown/tokenizer", report)
    assert ratio and float(ratio.group(1)) == pytest.approx(tp.ratio, abs=1e-3)
    assert re.search(r"verdict\s+: (PASS|FAIL) \(floor 0\.333", report)
    assert re.search(rf"breakdown \(separate pass, 5 articles, {num} s\):", report)
    assert re.search(rf"build_record\s+{num} s\s+{num}%", report)
    assert re.search(rf"4 articles: peak {num} MiB, growth after warm-up {num} MiB", report)
    assert re.search(rf"peak ratio 12/4 articles: {num} -> (flat|GROWS)", report)


def test_main_exit_code_is_informational(bench: ModuleType,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--articles", "3", "--memory-sizes", ""]) == 0
    out = capsys.readouterr().out
    assert "words/s" in out and "memory" not in out
