"""Human-readable views of a :class:`~takedown.review.scoring.Report`.

Both views show the same rows and the same rounded numbers as ``Report.to_dict()``, so a number
quoted from a terminal, a pull request or the JSON report is the same number.
"""

from __future__ import annotations

from rich.table import Table

from takedown.review.scoring import FIELDS, Counts, Report

_HEADERS: tuple[str, ...] = ("Field", "P", "R", "F1", "TP", "FP", "FN")


def _rows(report: Report) -> list[tuple[list[str], bool]]:
    """(cells, starts a new section) for every row: fields, micro, then corpus scores."""

    def cells(name: str, c: Counts) -> list[str]:
        d = c.to_dict()
        return [
            name,
            f"{d['precision']:.4f}",
            f"{d['recall']:.4f}",
            f"{d['f1']:.4f}",
            str(c.tp),
            str(c.fp),
            str(c.fn),
        ]

    rows = [(cells(f, report.fields[f]), False) for f in FIELDS]
    rows.append((cells("micro", report.micro), True))
    if report.corpus:
        for i, (name, c) in enumerate(report.corpus.items()):
            rows.append((cells(name, c), i == 0 or name == "corpus_micro"))
    return rows


def render_table(report: Report) -> Table:
    """A rich table for the terminal; sections separate fields, micro and corpus rows."""
    table = Table(title=f"takedown evaluate ({len(report.articles)} articles)")
    for i, header in enumerate(_HEADERS):
        table.add_column(header, justify="left" if i == 0 else "right", no_wrap=True)
    for cells, new_section in _rows(report):
        if new_section:
            table.add_section()
        bold = cells[0] in ("micro", "corpus_micro")
        table.add_row(*cells, style="bold" if bold else None)
    return table


def render_markdown(report: Report) -> str:
    """A GitHub-flavoured markdown table (for pull requests and CI summaries)."""
    lines = [
        "| " + " | ".join(_HEADERS) + " |",
        "|" + "|".join([":---"] + ["---:"] * (len(_HEADERS) - 1)) + "|",
    ]
    for cells, _ in _rows(report):
        if cells[0] in ("micro", "corpus_micro"):
            cells = [f"**{c}**" for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


__all__ = ["render_markdown", "render_table"]
