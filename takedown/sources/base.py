"""What every reader shares: options, the format table, and per-record errors."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from takedown.errors import InputError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

# suffix (lower case, after removing .gz) -> source format as records report it
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
SUPPORTED = ", ".join(sorted(FORMATS)) + " (and .gz of each)"


@dataclass(frozen=True, slots=True)
class JsonFields:
    """Where a scraper's JSON record keeps each field; dotted paths reach nested objects
    ("data.body"). Configurable because every scraper names them differently."""

    text: str = "text"
    title: str = "title"
    published: str = "published"
    url: str = "url"


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read. ``published`` is the date for articles that carry none;
    ``exclude`` lists folders never to read (the output folder, when it sits inside an input)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    published: str | None = None
    follow_symlinks: bool = False
    fields: JsonFields = field(default_factory=JsonFields)
    exclude: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One text to extract, with where it came from.

    ``text`` is what offsets index: the decoded file, the main text trafilatura found in an
    HTML page, or a JSON record's text field (``text_source`` says which). ``title``,
    ``published`` and ``url`` come from the page's or the record's metadata when present.
    ``record`` is the 1-based position in a file that holds many articles (JSON, JSONL).
    """

    article: str
    text: str
    sha256: str
    path: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None
    encoding: str | None = None
    source_format: str | None = None
    text_source: str | None = None
    record: int | None = None


def make_article(text: str, article: str = "<text>", path: str | None = None,
                 published: str | None = None, *, title: str | None = None,
                 url: str | None = None, encoding: str | None = None,
                 source_format: str | None = None, text_source: str | None = None,
                 record: int | None = None) -> Article:
    """An Article with its content hash (sha256 of the UTF-8 encoded text)."""
    return Article(article, text, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
                   path, published, title, url, encoding, source_format, text_source, record)


class RecordError(InputError):
    """One record of a file holding many (JSON, JSONL) is bad; the file's others still count."""

    def __init__(self, path: str, reason: str, article: str) -> None:
        super().__init__(path, reason)
        self.article = article


def format_of(name: str) -> tuple[str | None, bool]:
    """(source format or None if unsupported, gzip-compressed?) from a file name."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    dot = lower.rfind(".")
    return (FORMATS.get(lower[dot:]) if dot > 0 else None), gz


def iso_date(value: object) -> str | None:
    """A scraper's or a page's publication date as YYYY-MM-DD, or None when it is not one.

    Accepts ISO dates and datetimes ("2023-05-02T10:00:00Z") and RFC 2822 dates as feeds
    write them ("Tue, 02 May 2023 10:00:00 GMT"); anything else is ignored, not guessed.
    """
    if not isinstance(value, str):
        return None
    s = value.strip()
    if len(s) >= 10:
        try:
            return date.fromisoformat(s[:10]).isoformat()
        except ValueError:
            pass
    try:
        return datetime.fromisoformat(s).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
