"""Fixtures for the robustness tests: every regular expression takedown uses, and how.

Patterns are found three ways: module attributes of every ``takedown`` module, attributes of
the pipeline's components (patterns compiled from rules), and a profiler hook that watches a
real extraction of the sample articles. The hook also records the method each pattern is
called with: a pattern only ever ``match``-ed at a position is tested anchored, a pattern
that is searched over a text is tested scanning (the stricter test).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import takedown

PACKAGE = str(Path(takedown.__file__).parent)
SCANNING = frozenset({"search", "finditer", "findall", "sub", "subn", "split"})
ANCHORED = frozenset({"match", "fullmatch"})


def _walk(obj: Any, found: set[re.Pattern[str]], seen: set[int], depth: int = 0) -> None:
    if id(obj) in seen or depth > 6:
        return
    seen.add(id(obj))
    if isinstance(obj, re.Pattern):
        if isinstance(obj.pattern, str):
            found.add(obj)
    elif isinstance(obj, dict):
        for v in obj.values():
            _walk(v, found, seen, depth + 1)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for v in obj:
            _walk(v, found, seen, depth + 1)
    elif type(obj).__module__.startswith("takedown") and hasattr(obj, "__dict__"):
        _walk(vars(obj), found, seen, depth + 1)


def _ours(frame: FrameType | None) -> bool:
    """Is the call made by takedown code (directly, or through a function of ``re``)?"""
    while frame is not None and frame.f_code.co_filename.endswith(("re/__init__.py", "re.py")):
        frame = frame.f_back
    return frame is not None and frame.f_code.co_filename.startswith(PACKAGE)


def catalogue(texts: Iterable[str]) -> dict[re.Pattern[str], set[str]]:
    """Every pattern takedown holds or calls, mapped to the methods seen called on it
    (an empty set when the sample run never reached it)."""
    from takedown import Extractor

    uses: dict[re.Pattern[str], set[str]] = defaultdict(set)

    def hook(frame: FrameType, event: str, arg: Any) -> None:
        if event == "c_call":
            owner = getattr(arg, "__self__", None)
            if isinstance(owner, re.Pattern) and isinstance(owner.pattern, str) and _ours(frame):
                uses[owner].add(arg.__name__)

    extractor = Extractor()
    sys.setprofile(hook)
    try:
        for text in texts:
            extractor.extract(text, published="2023-05-02")
    finally:
        sys.setprofile(None)
    found: set[re.Pattern[str]] = set()
    seen: set[int] = set()
    for info in pkgutil.walk_packages(takedown.__path__, "takedown."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, (re.Pattern, dict, list, tuple)):
                _walk(value, found, seen)
    for _, component in extractor.nlp.pipeline:
        _walk(component, found, seen)
    for pattern in found:
        uses.setdefault(pattern, set())
    return dict(uses)


@pytest.fixture(scope="session")
def regex_catalogue() -> dict[re.Pattern[str], set[str]]:
    data = Path(__file__).resolve().parents[2] / "data" / "articles"
    texts = [p.read_text(encoding="utf-8") for p in sorted(data.glob("*.txt"))]
    return catalogue(texts)
