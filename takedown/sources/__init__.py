"""Readers, one per input format, behind one entry point: ``iter_sources``.

| suffix | reader | the text offsets index (``text_source``) |
| --- | --- | --- |
| .txt .text .md .markdown | ``text`` | the decoded file (``file``) |
| .html .htm .xhtml | ``html`` (trafilatura) | the page's main text (``html-main-text``) |
| .json .jsonl .ndjson | ``records`` | each record's text field (``json-field``) |
| any of them + .gz | the same, decompressed | the same |

Everything yielded is an ``Article`` or an ``InputError``: a reader never raises for a bad
input, so one file cannot stop a run.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from takedown.errors import InputError
from takedown.sources.base import (
    DEFAULT_MAX_BYTES,
    FORMATS,
    Article,
    JsonFields,
    ReadOptions,
    RecordError,
    format_of,
    make_article,
)
from takedown.sources.discover import Entry, walk_inputs

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "Article",
    "Entry",
    "JsonFields",
    "ReadOptions",
    "RecordError",
    "iter_sources",
    "make_article",
    "read_entry",
    "read_path",
    "read_stdin",
]


def read_entry(entry: Entry, options: ReadOptions) -> Iterator[Article | InputError]:
    """The articles of one file (one, or many for JSON/JSONL), or the reasons they fail."""
    from takedown.sources.html import read_html
    from takedown.sources.records import iter_json, iter_jsonl
    from takedown.sources.text import read_text

    try:
        if entry.source_format == "jsonl":
            yield from iter_jsonl(entry.name, entry.path, options, gz=entry.gz)
        elif entry.source_format == "json":
            yield from iter_json(entry.name, entry.path, options, gz=entry.gz)
        elif entry.source_format == "html":
            yield read_html(entry.name, entry.path, options, gz=entry.gz)
        else:
            yield read_text(entry.name, entry.path, options, source_format=entry.source_format,
                            gz=entry.gz)
    except InputError as exc:
        yield exc


def read_path(name: str, path: Path, options: ReadOptions, *, explicit: bool = True,
              ) -> Iterator[Article | InputError]:
    """Read one file by name; ``explicit`` files of unknown type are read as plain text."""
    fmt, gz = format_of(path.name)
    if fmt is None and not explicit:
        yield InputError(str(path), "unsupported file type")
        return
    yield from read_entry(Entry(name, path, fmt or "text", gz), options)


def read_stdin(options: ReadOptions) -> Article | InputError:
    """One plain-text article from standard input, named "stdin"."""
    from takedown.sources.text import text_article

    data = sys.stdin.buffer.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        return InputError("-", f"too large: more than {options.max_bytes} bytes on stdin "
                               "(raise the limit with --max-bytes)")
    if not data.strip():
        return InputError("-", "empty input on stdin")
    try:
        return text_article("stdin", data, "-", options)
    except InputError as exc:
        return exc


def iter_sources(paths: Iterable[str | Path], options: ReadOptions | None = None,
                 ) -> Iterator[Article | InputError]:
    """Every article of every input, and an InputError for every input that fails, streamed:
    memory holds one article at a time whatever the inputs are."""
    opts = options or ReadOptions()
    items = [str(p) for p in paths]
    if "-" in items:
        yield read_stdin(opts)
    for entry in walk_inputs([p for p in items if p != "-"], opts):
        if isinstance(entry, InputError):
            yield entry
        else:
            yield from read_entry(entry, opts)
