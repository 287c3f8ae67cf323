"""Views of a :class:`~takedown.review.diff.DiffReport`: terminal (rich), markdown, JSON.

All three show the same numbers in the same order: counts first, then the cross-article
entity changes, then article by article the facts added (+), removed (-) and changed (~)
with their evidence and offsets, and the entity merges, splits and renames in that article.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from takedown.review.diff import (
    CLUSTER_KINDS,
    ArticleDiff,
    ClusterChange,
    CorpusFileDiff,
    DiffReport,
    Fact,
    describe,
)
from takedown.review.markdown import (
    SUMMARY_MAX_BYTES,
    Block,
    cell,
    code,
    details,
    fit,
    inline_html,
    table,
)

_SIGN = {"added": "+", "removed": "−", "changed": "~"}
_STYLE = {"added": "green", "removed": "red", "changed": "yellow"}


def _at(fact: Fact) -> str:
    return "" if fact.start is None else f"{fact.start}–{fact.end}"


def _start(fact: Fact) -> int:
    return -1 if fact.start is None else fact.start


def _fact_rows(d: ArticleDiff) -> Iterator[tuple[str, Fact, str, str]]:
    """(status, the fact whose evidence is shown, old value, new value), in text order."""
    rows: list[tuple[tuple[int, int], tuple[str, Fact, str, str]]] = []
    for f in d.added:
        rows.append(((_start(f), 0), ("added", f, "", describe(f))))
    for f in d.removed:
        rows.append(((_start(f), 1), ("removed", f, describe(f), "")))
    for c in d.changed:
        retyped = c.old.type != c.new.type
        old, new = describe(c.old, retyped), describe(c.new, retyped)
        rows.append(((_start(c.new), 2), ("changed", c.new, old, new)))
    rows.sort(key=lambda r: r[0])
    for _, row in rows:
        yield row


def _article_summary(d: ArticleDiff) -> str:
    parts = [f"{len(d.added)} added", f"{len(d.removed)} removed", f"{len(d.changed)} changed"]
    kinds = Counter(c.kind for c in d.entities)
    ent = ", ".join(f"{kinds[k]} {k}" for k in CLUSTER_KINDS if kinds[k])
    text = "facts: " + ", ".join(parts)
    if ent:
        text += f"; entities: {ent}"
    if d.status != "changed":
        text = f"article {d.status}; " + text
    if d.text_changed:
        text += "; the article text itself changed"
    return text


def status_line(report: DiffReport) -> str:
    """The first line of every view: the verdict and the headline numbers."""
    t = report.totals()
    ac = report.article_counts
    if report.empty:
        return (
            f"**No extraction changes:** {ac['new']} articles, {t.new} facts, identical."
        )
    bits = [
        f"{ac['added'] + ac['removed'] + ac['changed']} of {max(ac['old'], ac['new'])} articles "
        "differ",
        f"facts +{t.added} −{t.removed} ~{t.changed}",
    ]
    ec = report.entity_counts
    ent = [f"{ec[k]} {k}" for k in ("merged", "split", "renamed") if ec.get(k)]
    if ent:
        bits.append("entities " + ", ".join(ent))
    for f in report.corpus_files:
        if f.changes:
            bits.append(f"{f.file}: {len(f.changes)} changes")
    if report.errors_added or report.errors_removed:
        bits.append(f"failed files +{len(report.errors_added)} −{len(report.errors_removed)}")
    return "**Extraction changed:** " + "; ".join(bits) + "."


def _count_rows(report: DiffReport) -> list[list[str]]:
    ac = report.article_counts
    rows = [["articles", str(ac["old"]), str(ac["new"]), str(ac["added"]), str(ac["removed"]),
             str(ac["changed"])]]
    for t, c in report.fact_counts.items():
        rows.append([t, str(c.old), str(c.new), str(c.added), str(c.removed), str(c.changed)])
    t = report.totals()
    rows.append(["facts", str(t.old), str(t.new), str(t.added), str(t.removed), str(t.changed)])
    return rows


_COUNT_HEADERS = ("", "old", "new", "added", "removed", "changed")


def _entity_kinds(report: DiffReport) -> str:
    """``1 split, 2 renamed``: the within-article entity changes by kind, or empty."""
    ec = report.entity_counts
    return ", ".join(f"{ec[k]} {k}" for k in CLUSTER_KINDS if ec.get(k))


def _corpus_rows(f: CorpusFileDiff) -> list[list[str]]:
    return [
        [c.kind, cell(c.type), cell(" + ".join(x.name for x in c.old)),
         cell(" + ".join(x.name for x in c.new)), cell(c.summary())]
        for c in f.changes
    ]


def _corpus_note(f: CorpusFileDiff) -> str:
    if not f.old_present:
        return f"only in the new output ({f.new_count} lines)"
    if not f.new_present:
        return f"only in the old output ({f.old_count} lines)"
    return f"{f.old_count} → {f.new_count} lines, {len(f.changes)} changes"


# --------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------


def render_markdown(report: DiffReport, max_bytes: int = SUMMARY_MAX_BYTES) -> str:
    """GitHub-flavoured markdown under ``max_bytes``: status line first, h3 headings, long
    tables in ``<details>``; whole article sections are cut from the end when too long."""
    status = status_line(report)
    head = f"Comparing {code(report.old)} (old) with {code(report.new)} (new).\n\n"
    if report.empty:
        return status + "\n\n" + head
    head += "### Counts\n\n" + table(_COUNT_HEADERS, _count_rows(report), "lrrrrr")
    kinds = _entity_kinds(report)
    if kinds:
        head += f"\nEntity changes within articles: {kinds}.\n"
    head += "\n"
    blocks: list[Block] = []
    for f in report.corpus_files:
        if not f.changes and f.old_present == f.new_present:
            continue
        text = f"### Corpus: {f.file}\n\n{cell(_corpus_note(f))}\n\n"
        if f.changes:
            body = table(("change", "type", "old", "new", "detail"), _corpus_rows(f))
            text += details(f"{len(f.changes)} changes", body, len(f.changes)) + "\n"
        blocks.append(Block("corpus files", f.file, text))
    if report.corpus_json:
        rows = [[cell(c["path"]), cell(_short(c["old"])), cell(_short(c["new"])),
                 cell(c.get("detail", ""))] for c in report.corpus_json]
        text = "### Corpus: corpus.json\n\n" + details(
            f"{len(rows)} values differ", table(("path", "old", "new", "detail"), rows), len(rows)
        ) + "\n"
        blocks.append(Block("corpus files", "corpus.json", text))
    if report.errors_added or report.errors_removed:
        rows = [["+", cell(e.get("file")), cell(e.get("reason"))] for e in report.errors_added]
        rows += [["−", cell(e.get("file")), cell(e.get("reason"))] for e in report.errors_removed]
        text = "### Failed files\n\n" + table(("", "file", "reason"), rows, "cll") + "\n"
        blocks.append(Block("failed-file lists", "errors.jsonl", text))
    first = True
    for d in report.articles:
        rows = [
            [_SIGN[status], cell(f.type), cell(f.text), _at(f), cell(old), cell(new)]
            for status, f, old, new in _fact_rows(d)
        ]
        body = table(("", "type", "evidence", "at", "old", "new"), rows, "cllrll") if rows else ""
        if d.entities:
            lines = [f"- **{c.kind}** {cell(c.summary())}" for c in d.entities]
            body += "\n" + "\n".join(lines) + "\n"
        summary = f"<b>{inline_html(d.article)}</b>: {inline_html(_article_summary(d))}"
        text = "### Articles\n\n" if first else ""
        text += details(summary, body, len(rows) + len(d.entities))
        first = False
        blocks.append(Block("article sections", d.article, text + "\n"))
    hint = (
        f"run {code(f'takedown diff {report.old} {report.new}')} for the full report "
        "(add `--format json` for every detail)."
    )
    return fit(status, head, blocks, max_bytes, hint)


def _short(value: object, limit: int = 120) -> str:
    if isinstance(value, str):
        text = value
    else:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------------------------
# Terminal
# --------------------------------------------------------------------------------------------


def render_text(report: DiffReport) -> RenderableType:
    """A rich renderable: the status, the counts table, then one table per changed article."""
    parts: list[RenderableType] = [Text.from_markup(_markup_status(report))]
    parts.append(Text(f"old: {report.old}\nnew: {report.new}", style="dim"))
    if report.empty:
        return Group(*parts)
    counts = Table(title="counts", title_justify="left")
    for i, h in enumerate(_COUNT_HEADERS):
        counts.add_column(h, justify="left" if i == 0 else "right")
    rows = _count_rows(report)
    for i, row in enumerate(rows):
        counts.add_row(*row, style="bold" if i == len(rows) - 1 else None)
    parts.append(counts)
    kinds = _entity_kinds(report)
    if kinds:
        parts.append(Text(f"entity changes within articles: {kinds}"))
    for f in report.corpus_files:
        if not f.changes and f.old_present == f.new_present:
            continue
        parts.append(Text(f"\n{f.file}: {_corpus_note(f)}", style="bold"))
        parts.extend(_change_line(c) for c in f.changes)
    for c in report.corpus_json:
        detail = f" ({c['detail']})" if c.get("detail") else ""
        parts.append(Text(f"corpus.json {c['path']}: {_short(c['old'])} → {_short(c['new'])}"
                          + detail))
    for e in report.errors_added:
        parts.append(Text(f"+ failed: {e.get('file')}: {e.get('reason')}", style="red"))
    for e in report.errors_removed:
        parts.append(Text(f"− failed: {e.get('file')}: {e.get('reason')}", style="green"))
    for d in report.articles:
        t = Table(title=f"{d.article} — {_article_summary(d)}", title_justify="left",
                  show_lines=False, expand=False)
        for h, j in (("", "center"), ("type", "left"), ("evidence", "left"), ("at", "right"),
                     ("old", "left"), ("new", "left")):
            t.add_column(h, justify=j)  # type: ignore[arg-type]
        for status, f, old, new in _fact_rows(d):
            t.add_row(_SIGN[status], f.type, Text(f.text or ""), _at(f), Text(old), Text(new),
                      style=_STYLE[status])
        parts.append(t)
        parts.extend(_change_line(c) for c in d.entities)
    return Group(*parts)


def _markup_status(report: DiffReport) -> str:
    line = status_line(report)
    return line.replace("**", "[bold]", 1).replace("**", "[/bold]", 1)


def _change_line(c: ClusterChange) -> Text:
    style = {"merged": "magenta", "split": "magenta", "renamed": "yellow", "added": "green",
             "removed": "red"}.get(c.kind, "")
    t = Text(f"  {c.kind:<9} ", style=f"bold {style}".strip())
    t.append(c.summary())
    return t


def print_text(report: DiffReport, console: Console) -> None:
    console.print(render_text(report))


# --------------------------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------------------------


def render_json(report: DiffReport) -> str:
    """The whole report as indented JSON with sorted keys (stable across runs)."""
    return json.dumps(report.to_dict(), ensure_ascii=False, sort_keys=True, indent=2) + "\n"


__all__ = ["print_text", "render_json", "render_markdown", "render_text", "status_line"]
