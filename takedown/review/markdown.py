"""GitHub-flavoured markdown building blocks shared by the review reports.

Reports land in a job summary (``$GITHUB_STEP_SUMMARY``, 1 MiB per step) or a pull-request
comment (65,536 characters), so every report is assembled from blocks under a byte budget
(:func:`fit`): what does not fit is left out *as a whole block* and named in a notice, never
cut mid-table where the markdown would break.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

#: Tables longer than this are collapsed inside ``<details>``; shorter ones stay open.
OPEN_ROWS = 10
#: GitHub's limit per job-summary step is 1 MiB; keep clear of it.
SUMMARY_MAX_BYTES = 1_000_000
#: What a pull-request comment holds (GitHub counts 65,536 characters; bytes are safer).
COMMENT_MAX_BYTES = 65_536

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")


def cell(value: object) -> str:
    """Text safe inside a table cell: one line, HTML escaped, markdown punctuation inert.

    Article text can hold anything (a ``|`` would split the cell, ``<script>`` would be
    HTML, ``*`` emphasis); a reviewer must read exactly what the article says.
    """
    text = "" if value is None else str(value)
    text = re.sub(r"\s+", " ", text).strip()
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def inline_html(value: object) -> str:
    """Text for inside an HTML tag (a ``<summary>``): escaped as HTML only, since GitHub
    renders no markdown there and a markdown escape would show as a backslash."""
    return html.escape(re.sub(r"\s+", " ", "" if value is None else str(value)).strip())


def code(value: object) -> str:
    """An inline code span that survives backticks in the value."""
    text = re.sub(r"\s+", " ", str(value)).strip()
    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    """A GFM table; ``align`` holds one of ``l``/``r``/``c`` per column (default left).

    Cells are taken as already escaped (see :func:`cell`)."""
    marks = {"l": ":--", "r": "--:", "c": ":-:"}
    spec = [marks.get(align[i] if i < len(align) else "l", ":--") for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(spec) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def details(summary: str, body: str, rows: int) -> str:
    """``body`` inside ``<details>``, open when it is short (at most :data:`OPEN_ROWS` rows).

    The blank lines around the body are what makes GitHub render markdown inside HTML."""
    opened = " open" if rows <= OPEN_ROWS else ""
    return f"<details{opened}><summary>{summary}</summary>\n\n{body.rstrip()}\n\n</details>\n"


@dataclass
class Block:
    """One unit of a report that is shown whole or not at all."""

    section: str
    name: str
    text: str


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _notice(cut: Sequence[Block], totals: dict[str, int], max_bytes: int, hint: str) -> str:
    if not cut:
        return ""
    by_section: dict[str, list[str]] = {}
    for b in cut:
        by_section.setdefault(b.section, []).append(b.name)
    parts = []
    for section, names in by_section.items():
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        parts.append(f"{len(names)} of {totals[section]} {section} ({cell(shown)})")
    return (
        f"> **Cut to fit {max_bytes:,} bytes:** not shown: " + "; ".join(parts) + ". "
        f"The counts cover everything; {hint}\n"
    )


def fit(status: str, head: str, blocks: Sequence[Block], max_bytes: int, hint: str) -> str:
    """``status``, then a notice of what was cut (if anything), ``head``, then the blocks in
    order until the next one would overflow ``max_bytes``; that one and all after it are cut
    and named. ``hint`` says where to get the full report. The result never exceeds
    ``max_bytes`` (at worst the head itself is truncated, which the text then says)."""
    totals: dict[str, int] = {}
    for b in blocks:
        totals[b.section] = totals.get(b.section, 0) + 1
    full = status + "\n\n" + head + "".join(b.text for b in blocks)
    if _size(full) <= max_bytes:
        return full
    reserve = _size(_notice(blocks, totals, max_bytes, hint)) + 2
    used = _size(status) + 2 + _size(head) + reserve
    kept: list[Block] = []
    for i, b in enumerate(blocks):
        if used + _size(b.text) > max_bytes:
            cut = list(blocks[i:])
            break
        kept.append(b)
        used += _size(b.text)
    else:  # pragma: no cover - the full text fitted above
        cut = []
    notice = _notice(cut, totals, max_bytes, hint)
    out = status + "\n\n" + notice + "\n" + head + "".join(b.text for b in kept)
    if _size(out) <= max_bytes:
        return out
    tail = f"\n\n> **Cut to fit {max_bytes:,} bytes** here; {hint}\n"
    room = max(0, max_bytes - _size(tail))
    return out.encode("utf-8")[:room].decode("utf-8", errors="ignore") + tail


__all__ = [
    "COMMENT_MAX_BYTES",
    "OPEN_ROWS",
    "SUMMARY_MAX_BYTES",
    "Block",
    "cell",
    "code",
    "details",
    "inline_html",
    "fit",
    "table",
]
