"""takedown: structured, source-linked facts from news about darknet drug-market enforcement.

The public API: ``Extractor`` (and ``extract`` for one text), ``reconcile(records)`` to link
articles into canonical entities and operations, ``evaluate`` against gold files, ``diff`` of
two output folders, and the record models in ``takedown.models``.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

from takedown import reconcile  # a callable package: takedown.reconcile(records)
from takedown.extractor import Extractor, extract
from takedown.models.records import ArticleRecord

if TYPE_CHECKING:  # imported lazily below: diffing needs no pipeline
    from takedown.review.diff import DiffReport

try:
    __version__ = version("takedown")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"


def evaluate(gold_dir: str, articles_dir: str | None = None):  # type: ignore[no-untyped-def]
    """Score extraction against a folder of gold files; see ``takedown.review.evaluate``."""
    from takedown.review.evaluate import evaluate as _evaluate

    return _evaluate(gold_dir, articles_dir)


def diff(old_dir: str | Path, new_dir: str | Path) -> DiffReport:
    """Compare two output folders fact by fact; see ``takedown.review.diff``."""
    from takedown.review.diff import diff_outputs

    return diff_outputs(old_dir, new_dir)


__all__ = [
    "ArticleRecord",
    "Extractor",
    "__version__",
    "diff",
    "evaluate",
    "extract",
    "reconcile",
]
