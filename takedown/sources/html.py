"""HTML pages: the main text as trafilatura finds it, with title, date and URL from metadata.

The page is parsed (lxml, through trafilatura), never executed: scripts, styles and external
resources are dropped, nothing is fetched. Offsets index the extracted main text
(``text_source="html-main-text"``), which ``takedown show`` reproduces by reading the page
again the same way. The date comes only from the page's metadata (``extensive_search`` off):
a date guessed from the body text or the URL would override the article's own dates.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from takedown.errors import InputError
from takedown.sources.base import Article, ReadOptions, iso_date, make_article
from takedown.sources.decode import decode
from takedown.sources.files import input_error, read_file

for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False


def main_text(html: str) -> dict[str, Any] | None:
    """trafilatura's main text and metadata of one page, or None when it finds no main text."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return None
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return data if isinstance(data.get("text"), str) and data["text"].strip() else None


def html_article(name: str, data: bytes, where: str, options: ReadOptions,
                 path: str | None = None) -> Article:
    """Decode and extract one page already read into memory."""
    if not data.strip():
        raise InputError(where, "empty file")
    decoded = decode(data, where, html=True)
    try:
        found = main_text(decoded.text)
    except (ValueError, TypeError, RecursionError, MemoryError) as exc:
        raise input_error(where, f"HTML could not be parsed ({type(exc).__name__})", exc) from exc
    if found is None:
        raise InputError(where, "no main text found in the HTML page")
    title = found.get("title")
    url = found.get("url")
    return make_article(
        found["text"], name, path, iso_date(found.get("date")) or options.published,
        title=title.strip() if isinstance(title, str) and title.strip() else None,
        url=url if isinstance(url, str) and url else None,
        encoding=decoded.encoding, source_format="html", text_source="html-main-text",
    )


def read_html(name: str, path: Path, options: ReadOptions, *, gz: bool = False) -> Article:
    """Read one HTML page (or its .gz)."""
    where = str(path)
    return html_article(name, read_file(path, options.max_bytes, where, gz=gz), where, options,
                        where)
