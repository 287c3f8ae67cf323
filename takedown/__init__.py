"""takedown: structured, source-linked facts from news about darknet drug-market enforcement.

The public API: ``Extractor`` (and ``extract`` for one text), ``evaluate`` against gold
files, and the record models in ``takedown.models``.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from takedown.extractor import Extractor, extract
from takedown.models.records import ArticleRecord

try:
    __version__ = version("takedown")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"


def evaluate(gold_dir: str, articles_dir: str | None = None):  # type: ignore[no-untyped-def]
    """Score extraction against a folder of gold files; see ``takedown.review.evaluate``."""
    from takedown.review.evaluate import evaluate as _evaluate

    return _evaluate(gold_dir, articles_dir)


__all__ = ["ArticleRecord", "Extractor", "__version__", "evaluate", "extract"]
