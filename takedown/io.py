"""Inputs: folders, files and stdin become Articles, or InputErrors naming the file and reason.

The readers for each format live in ``takedown.sources``; this module re-exports the
``Article`` every stage passes along and holds the entry points that the CLI,
``takedown show`` and evaluation use.

Names: an article read from a folder is named by its path relative to that folder (as
FORMAT.md's ``article`` field), so records from the same folder compare across machines; a
file named on the command line is named by its file name; a record of a JSON array or a
JSONL file is ``<file name>#<n>`` (n = 1-based index in the array, or line number in the
JSONL file), stable as long as the file is, and unique within it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from takedown.errors import InputError
from takedown.sources.base import (
    DEFAULT_MAX_BYTES,
    Article,
    JsonFields,
    ReadOptions,
    make_article,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Article",
    "JsonFields",
    "ReadOptions",
    "discover",
    "iter_inputs",
    "make_article",
    "read_article",
]


def discover(paths: Iterable[str | Path], options: ReadOptions | None = None,
             ) -> list[tuple[str, Path]]:
    """(article name, path) of every readable input file, in reading order (no errors)."""
    from takedown.sources.discover import Entry, walk_inputs

    return [(e.name, e.path) for e in walk_inputs(paths, options or ReadOptions())
            if isinstance(e, Entry)]


def read_article(name: str, path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
                 published: str | None = None) -> Article:
    """Read one file that holds one article (text, Markdown, HTML, or their .gz); raise
    InputError with a plain reason otherwise. A JSON file yields its first record."""
    from takedown.sources import read_path

    options = ReadOptions(max_bytes=max_bytes, published=published)
    for item in read_path(name, Path(path), options, explicit=True):
        if isinstance(item, InputError):
            raise item
        return item
    raise InputError(str(path), "no article in the file")


def iter_inputs(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES,
                published: str | None = None, options: ReadOptions | None = None,
                ) -> Iterator[Article | InputError]:
    """Articles and errors, streamed in a stable order; "-" reads one article from stdin."""
    from takedown.sources import iter_sources

    opts = options or ReadOptions(max_bytes=max_bytes, published=published)
    yield from iter_sources(paths, opts)
