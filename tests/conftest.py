"""Shared fixtures: one Extractor per test session (building the pipeline is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest

from takedown import Extractor

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"shared corpus not present at {SEEDS}")
    return SEEDS
