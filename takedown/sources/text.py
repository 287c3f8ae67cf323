"""Plain text and Markdown: the decoded file is the article, byte for byte."""

from __future__ import annotations

from pathlib import Path

from takedown.errors import InputError
from takedown.sources.base import Article, ReadOptions, make_article
from takedown.sources.decode import decode
from takedown.sources.files import read_file


def text_article(name: str, data: bytes, where: str, options: ReadOptions,
                 source_format: str = "text", path: str | None = None) -> Article:
    """Decode bytes already read into an Article whose offsets index the whole decoded text."""
    if not data.strip():
        raise InputError(where, "empty file")
    decoded = decode(data, where)
    if not decoded.text.strip():
        raise InputError(where, "empty file (only whitespace)")
    return make_article(decoded.text, name, path, options.published, encoding=decoded.encoding,
                        source_format=source_format, text_source="file")


def read_text(name: str, path: Path, options: ReadOptions, *, source_format: str = "text",
              gz: bool = False) -> Article:
    """Read one text or Markdown file (or its .gz)."""
    where = str(path)
    data = read_file(path, options.max_bytes, where, gz=gz)
    return text_article(name, data, where, options, source_format, where)
