"""``takedown review``: one self-contained HTML page to read an output folder by eye.

Each article's text is shown with every fact highlighted where its evidence lies (styled
after displaCy's entity view: a coloured ``<mark>`` per fact with its label), followed by a
table of its facts with their normalized values. Given an earlier output (``--against``),
added, removed and changed facts are marked, in the text and in the tables.

The page is static and standalone: CSS and JS inline, nothing fetched (a Content Security
Policy forbids it), so it can be attached to a CI run and opened from disk. Article text is
untrusted input: it is HTML-escaped everywhere, and the CSP only runs the page's own script
(by nonce), so even a ``<script>`` in an article stays inert text.

Records hold offsets, not text, so the texts are read again from the articles folder and
checked against each record's ``sha256``: a missing or edited file is said plainly on the
page, and its facts are listed without highlights rather than highlighted in the wrong place.
"""

from __future__ import annotations

import hashlib
import heapq
import html
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from takedown.io import Article, iter_inputs
from takedown.review.diff import (
    FACT_TYPES,
    OUTPUT_FILES,
    Fact,
    Output,
    article_facts,
    describe,
    diff_facts,
    load_output,
)

#: displaCy's palette where a spaCy label fits (EVENT, PRODUCT, ORG, GPE, PERSON, DATE).
COLORS: dict[str, str] = {
    "operation": "#ffeb80",
    "marketplace": "#bfeeb7",
    "agency": "#7aecec",
    "country": "#feca74",
    "person": "#aa9cfc",
    "figure": "#f4b6c2",
    "date": "#bfe1d9",
    "unresolved_date": "#e0e0e0",
    "published": "#9cc9cc",
    "title": "#f5f5f5",
}


@dataclass
class TextStatus:
    """Whether an article's text could be shown, and if not, why (said on the page)."""

    text: str | None
    problem: str | None = None


@dataclass
class _Mark:
    start: int
    end: int
    fact: Fact
    uid: str
    status: str  # "", "added", "removed", "changed"


@dataclass
class _Row:
    fact: Fact
    uid: str
    status: str
    old: str = ""
    in_text: bool = True  # may be highlighted (a removed fact only when the text is the same)
    highlighted: bool = False  # set when rendered: the evidence was found at its offsets


@dataclass
class ArticleView:
    """Everything the page shows for one article."""

    name: str
    record: dict[str, Any] | None
    text: TextStatus
    rows: list[_Row] = field(default_factory=list)
    article_status: str = ""  # "", "added", "removed" (against an older output)


# --------------------------------------------------------------------------------------------
# Texts
# --------------------------------------------------------------------------------------------


def recorded_articles_dir(folder: Path) -> Path | None:
    """The input folder an output records for itself, if any file in it names one.

    The extract command may keep run metadata beside its outputs (a manifest for resuming);
    any JSON object there with an ``inputs``/``input``/``articles`` entry naming one existing
    folder is taken. Without one, ``--articles`` must say where the texts are.
    """
    for path in sorted(folder.glob("*.json")):
        if path.name in OUTPUT_FILES:
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict):
            continue
        for key in ("inputs", "input", "articles", "articles_dir"):
            value = data.get(key)
            candidates = value if isinstance(value, list) else [value]
            dirs = [Path(str(c)) for c in candidates if isinstance(c, str)]
            dirs = [d if d.is_absolute() else folder / d for d in dirs] + dirs
            existing = [d for d in dirs if d.is_dir()]
            if len(candidates) == 1 and existing:
                return existing[0]
    return None


def load_texts(
    records: Iterable[dict[str, Any]], articles_dir: Path | None
) -> dict[str, TextStatus]:
    """The text each record was extracted from, by article name, verified by its sha256.

    The folder is read the way ``takedown extract`` reads it (``takedown.io.iter_inputs``):
    the same names (a path relative to the folder, ``file.jsonl#3`` for a record inside a
    file) and the same decoding, so the same text yields the same hash.
    """
    names = [str(r.get("article", "")) for r in records]
    if articles_dir is None:
        reason = "no articles folder given (use --articles DIR): facts not highlighted"
        return {n: TextStatus(None, reason) for n in names}
    if not articles_dir.is_dir():
        reason = f"articles folder {articles_dir} not found: facts not highlighted"
        return {n: TextStatus(None, reason) for n in names}
    found: dict[str, Article] = {}
    for item in iter_inputs([str(articles_dir)]):
        if isinstance(item, Article):
            found[item.article] = item
    out: dict[str, TextStatus] = {}
    for rec in records:
        name = str(rec.get("article", ""))
        article = found.get(name)
        expected = rec.get("sha256")
        if article is None:
            out[name] = TextStatus(
                None, f"article text not found: no readable {name!r} in {articles_dir}"
            )
        elif expected and article.sha256 != expected:
            out[name] = TextStatus(
                None,
                f"the text of {name!r} in {articles_dir} has changed since extraction "
                f"(sha256 {article.sha256[:12]}… is not the recorded {str(expected)[:12]}…): "
                "facts not highlighted",
            )
        else:
            out[name] = TextStatus(article.text)
    return out


# --------------------------------------------------------------------------------------------
# Highlighting
# --------------------------------------------------------------------------------------------


def _esc(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _uid(prefix: str, fact: Fact) -> str:
    return prefix + re.sub(r"[^A-Za-z0-9_-]", "-", f"{fact.type}-{fact.id}-{fact.start}")


def _label(fact: Fact) -> str:
    if fact.type == "figure":
        return str(fact.values.get("kind") or "figure").upper()
    return fact.type.upper()


def _open(mark: _Mark, first: bool, last: bool) -> str:
    classes = ["f", f"t-{mark.fact.type}"]
    if mark.status:
        classes.append(mark.status)
    if first:
        classes.append("first")
    if last:
        classes.append("last")
    title = describe(mark.fact, with_type=True)
    if mark.status:
        title = f"{mark.status}: {title}"
    return (
        f'<mark class="{" ".join(classes)}" data-fact="{_esc(mark.uid)}" '
        f'data-type="{_esc(mark.fact.type)}" data-label="{_esc(_label(mark.fact))}" '
        f'title="{_esc(title)}"' + (f' id="{_esc(mark.uid)}"' if first else "") + ">"
    )


def highlight(text: str, marks: Sequence[_Mark]) -> str:
    """``text`` as escaped HTML with each mark wrapped in ``<mark>``, properly nested.

    Spans that cross (one starts inside another and ends after it) are cut at the outer
    span's end and continued after it: every piece carries the fact's ``data-fact``, the
    first piece its ``id``, the last its label. Marks outside the text are skipped.
    """
    # pieces to open, smallest start first, longest first among equal starts
    heap = [
        (m.start, -m.end, n, m) for n, m in enumerate(marks) if 0 <= m.start < m.end <= len(text)
    ]
    heapq.heapify(heap)
    out: list[str] = []
    pos = 0
    open_ends: list[int] = []  # ends of the open <mark>s, innermost last
    started: set[str] = set()

    def close_until(limit: int) -> None:
        nonlocal pos
        while open_ends and open_ends[-1] <= limit:
            end = open_ends.pop()
            out.append(_esc(text[pos:end]) + "</mark>")
            pos = end

    while heap:
        start, neg_end, n, mark = heapq.heappop(heap)
        end = -neg_end
        close_until(start)
        out.append(_esc(text[pos:start]))
        pos = start
        last = True
        if open_ends and end > open_ends[-1]:
            # crosses the open span: this piece ends with it, the rest follows after it
            heapq.heappush(heap, (open_ends[-1], neg_end, n, mark))
            end, last = open_ends[-1], False
        out.append(_open(mark, mark.uid not in started, last))
        started.add(mark.uid)
        open_ends.append(end)
    close_until(len(text))
    out.append(_esc(text[pos:]))
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Building the views
# --------------------------------------------------------------------------------------------


def build_views(
    new: Output, old: Output | None = None, articles_dir: Path | None = None
) -> list[ArticleView]:
    """One view per article of ``new`` (and per article only ``old`` has, as removed).

    Against an older output, each article's facts are diffed as ``takedown diff`` does
    (:func:`~takedown.review.diff.diff_facts`) and every row carries its status; removed
    facts are rows too, highlighted in the text only when the text itself is unchanged.
    """
    names = sorted(set(new.records) | (set(old.records) if old else set()))
    shown_records = [
        new.records[n] if n in new.records else old.records[n]  # type: ignore[union-attr]
        for n in names
    ]
    texts = load_texts(shown_records, articles_dir)
    views: list[ArticleView] = []
    for i, name in enumerate(names):
        rec = new.records.get(name)
        old_rec = old.records.get(name) if old is not None else None
        view = ArticleView(name, rec, texts[name])
        prefix = f"a{i}-"
        new_facts = article_facts(rec) if rec is not None else []
        if old is None:
            view.rows = [_Row(f, _uid(prefix, f), "") for f in new_facts]
            views.append(view)
            continue
        if rec is None:
            view.article_status = "removed"
        elif old_rec is None:
            view.article_status = "added"
        old_facts = article_facts(old_rec) if old_rec is not None else []
        added, removed, changed = diff_facts(old_facts, new_facts)
        status = {id(f): "added" for f in added}
        before = {id(c.new): c.old for c in changed}
        for f in new_facts:
            st = "changed" if id(f) in before else status.get(id(f), "")
            prev = before.get(id(f))
            old_text = describe(prev, prev.type != f.type) if prev is not None else ""
            view.rows.append(_Row(f, _uid(prefix, f), st, old_text))
        # the text shown is the new record's (the old one's for a removed article): the old
        # offsets hold in it only when it is the same text
        same_text = rec is None or (
            old_rec is not None and rec.get("sha256") == old_rec.get("sha256")
        )
        for f in removed:
            view.rows.append(_Row(f, _uid(prefix + "old-", f), "removed", in_text=same_text))
        view.rows.sort(key=lambda r: (_pos(r.fact), r.status == "removed"))
        views.append(view)
    return views


def _pos(fact: Fact) -> int:
    return -1 if fact.start is None else fact.start


# --------------------------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light; }
body { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif;
  margin: 0; color: #1f2328; background: #fff; }
header { position: sticky; top: 0; background: #f6f8fa; border-bottom: 1px solid #d0d7de;
  padding: 0.6rem 1.2rem; z-index: 2; }
header h1 { font-size: 1.2rem; margin: 0 0 0.3rem 0; }
.meta, .paths { color: #59636e; font-size: 0.85rem; }
.legend { display: inline-flex; align-items: center; gap: 0.25rem; margin: 0.2rem 0.6rem 0.2rem 0;
  padding: 0.1rem 0.5rem; border-radius: 0.35em; font-size: 0.85rem; cursor: pointer; }
.legend .n { font-weight: bold; }
#showing { font-size: 0.9rem; margin-top: 0.3rem; }
nav { padding: 0.5rem 1.2rem; border-bottom: 1px solid #d0d7de; font-size: 0.85rem; }
nav a { margin-right: 0.8rem; white-space: nowrap; }
main { padding: 0 1.2rem 3rem 1.2rem; max-width: 72rem; }
article { border-bottom: 1px solid #d0d7de; padding: 1rem 0; }
article h2 { font-size: 1.05rem; margin: 0.2rem 0; }
.badge { font-size: 0.75rem; padding: 0.05rem 0.4rem; border-radius: 1em; margin-left: 0.4rem;
  border: 1px solid currentColor; }
.problem { background: #fff8c5; border: 1px solid #d4a72c; padding: 0.4rem 0.6rem;
  border-radius: 0.35em; font-size: 0.9rem; }
.text { white-space: pre-wrap; line-height: 2.5; font-size: 0.95rem; margin: 0.6rem 0;
  font-family: Georgia, "Times New Roman", serif; }
/* displaCy's entity style */
mark.f { padding: 0.25em 0.35em; margin: 0 0.1em; line-height: 1; border-radius: 0.35em;
  box-decoration-break: clone; -webkit-box-decoration-break: clone; color: inherit; }
mark.f.last::after { content: attr(data-label); font-size: 0.6em; font-weight: bold;
  line-height: 1; border-radius: 0.35em; vertical-align: middle; margin-left: 0.4rem;
  font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
mark.f.off { background: transparent !important; padding: 0; margin: 0; }
mark.f.off::after { content: none; }
mark.added { box-shadow: 0 0 0 2px #1a7f37; }
mark.changed { box-shadow: 0 0 0 2px #bf8700; }
mark.removed { text-decoration: line-through; text-decoration-color: #cf222e;
  box-shadow: 0 0 0 2px #cf222e; opacity: 0.8; }
mark.flash { outline: 3px solid #0969da; }
table.facts { border-collapse: collapse; font-size: 0.85rem; width: 100%; }
table.facts th, table.facts td { border: 1px solid #d0d7de; padding: 0.2rem 0.4rem;
  text-align: left; vertical-align: top; }
table.facts th { background: #f6f8fa; }
table.facts tr[data-fact] { cursor: pointer; }
tr.added td:first-child { color: #1a7f37; font-weight: bold; }
tr.removed td { color: #82071e; text-decoration: line-through; }
tr.removed td:first-child { text-decoration: none; font-weight: bold; }
tr.changed td:first-child { color: #9a6700; font-weight: bold; }
tr.hidden { display: none; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 0.2em; }
td.at { white-space: nowrap; color: #59636e; }
"""

_JS = """
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-type]"));
  var changesOnly = document.getElementById("changes-only");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-fact]"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark[data-fact]"));

  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    if (params.has("types")) {
      var on = params.get("types").split(",");
      boxes.forEach(function (b) { b.checked = on.indexOf(b.dataset.type) >= 0; });
    }
    if (changesOnly && params.has("changes")) { changesOnly.checked = true; }
  }

  function writeHash() {
    var on = boxes.filter(function (b) { return b.checked; }).map(function (b) {
      return b.dataset.type;
    });
    var parts = [];
    if (on.length !== boxes.length) { parts.push("types=" + on.join(",")); }
    if (changesOnly && changesOnly.checked) { parts.push("changes=1"); }
    history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname);
  }

  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.dataset.type] = b.checked; });
    var onlyChanges = changesOnly ? changesOnly.checked : false;
    function visible(el) {
      return on[el.dataset.type] && (!onlyChanges || el.dataset.status);
    }
    var totals = {}, shown = 0, total = 0, articles = {};
    rows.forEach(function (r) {
      var v = visible(r);
      r.classList.toggle("hidden", !v);
      if (r.dataset.status === "removed") { return; }
      total += 1;
      totals[r.dataset.type] = (totals[r.dataset.type] || 0) + 1;
      if (v) { shown += 1; articles[r.dataset.article] = true; }
    });
    marks.forEach(function (m) { m.classList.toggle("off", !visible(m)); });
    boxes.forEach(function (b) {
      var n = document.querySelector('.n[data-count="' + b.dataset.type + '"]');
      if (n) { n.textContent = String(totals[b.dataset.type] || 0); }
    });
    var highlighted = {};
    marks.forEach(function (m) {
      if (!m.classList.contains("off") && !m.classList.contains("removed")) {
        highlighted[m.dataset.fact] = true;
      }
    });
    var showing = document.getElementById("showing");
    showing.textContent = "Showing " + shown + " of " + total + " facts in " +
      Object.keys(articles).length + " articles; " + Object.keys(highlighted).length +
      " highlighted in the text.";
    showing.dataset.shown = String(shown);
    showing.dataset.total = String(total);
    showing.dataset.highlighted = String(Object.keys(highlighted).length);
  }

  function onChange() { writeHash(); apply(); }
  boxes.forEach(function (b) { b.addEventListener("change", onChange); });
  if (changesOnly) { changesOnly.addEventListener("change", onChange); }
  rows.forEach(function (r) {
    r.addEventListener("click", function () {
      var m = document.getElementById(r.dataset.fact);
      if (!m) { return; }
      m.scrollIntoView({ block: "center" });
      m.classList.add("flash");
      setTimeout(function () { m.classList.remove("flash"); }, 1200);
    });
  });
  window.addEventListener("hashchange", function () { readHash(); apply(); });
  readHash();
  apply();
  document.body.dataset.js = "ready";
})();
"""


def _type_css() -> str:
    return "".join(
        f"mark.t-{t}, .legend.t-{t}, .swatch.t-{t} {{ background: {c}; }}\n"
        for t, c in COLORS.items()
    )


def _value_cell(fact: Fact) -> str:
    return _esc(describe(fact))


def _render_article(view: ArticleView, index: int) -> str:
    text = view.text.text
    marks: list[_Mark] = []
    for row in view.rows:
        f = row.fact
        ok = (
            text is not None
            and row.in_text
            and f.start is not None
            and f.end is not None
            and 0 <= f.start < f.end <= len(text)
            and (f.text is None or text[f.start : f.end] == f.text)
        )
        row.highlighted = bool(ok)
        if ok:
            assert f.start is not None and f.end is not None
            marks.append(_Mark(f.start, f.end, f, row.uid, row.status))
    counts = Counter(r.fact.type for r in view.rows if r.status != "removed")
    changes = Counter(r.status for r in view.rows if r.status)
    parts = [f'<article id="article-{index}" data-article="{_esc(view.name)}">']
    badge = (
        f'<span class="badge {view.article_status}">{view.article_status} article</span>'
        if view.article_status else ""
    )
    parts.append(f"<h2>{_esc(view.name)}{badge}</h2>")
    rec = view.record or {}
    meta = []
    if rec.get("title"):
        meta.append(f"title: {_esc(rec['title'])}")
    if rec.get("published"):
        meta.append(f"published: {_esc(rec['published'])}")
    summary = ", ".join(f"{counts[t]} {t}" for t in FACT_TYPES if counts[t])
    meta.append(f'<span class="article-count" data-facts="{sum(counts.values())}">'
                f"{sum(counts.values())} facts</span> ({_esc(summary)})")
    if changes:
        meta.append(
            f'<span class="article-changes">+{changes["added"]} −{changes["removed"]} '
            f'~{changes["changed"]}</span>'
        )
    parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if view.text.problem:
        parts.append(f'<p class="problem">{_esc(view.text.problem)}</p>')
    if text is not None:
        parts.append(f'<div class="text">{highlight(text, marks)}</div>')
    parts.append(_facts_table(view))
    parts.append("</article>")
    return "\n".join(parts)


def _facts_table(view: ArticleView) -> str:
    with_status = any(r.status for r in view.rows)
    head = ["<th></th>"] if with_status else []
    head += ["<th>type</th>", "<th>evidence</th>", "<th>at</th>", "<th>normalized value</th>"]
    if with_status:
        head.append("<th>before</th>")
    lines = [f'<table class="facts"><thead><tr>{"".join(head)}</tr></thead><tbody>']
    signs = {"added": "+", "removed": "−", "changed": "~", "": ""}
    for r in view.rows:
        f = r.fact
        at = "" if f.start is None else f"{f.start}–{f.end}"
        if not r.highlighted and f.start is not None and view.text.text is not None and r.in_text:
            at += " (evidence not at these offsets)"
        cells = [f"<td>{signs[r.status]}</td>"] if with_status else []
        cells += [
            f'<td><span class="swatch t-{_esc(f.type)}"></span> {_esc(f.type)}</td>',
            f"<td>{_esc(f.text)}</td>",
            f'<td class="at">{_esc(at)}</td>',
            f"<td>{_value_cell(f)}</td>",
        ]
        if with_status:
            cells.append(f"<td>{_esc(r.old)}</td>")
        lines.append(
            f'<tr class="{r.status}" data-fact="{_esc(r.uid)}" data-type="{_esc(f.type)}" '
            f'data-status="{r.status}" data-article="{_esc(view.name)}" '
            f'data-highlighted="{str(r.highlighted).lower()}">{"".join(cells)}</tr>'
        )
    lines.append("</tbody></table>")
    return "\n".join(lines)


def render_page(
    views: Sequence[ArticleView], new_label: str, old_label: str | None = None
) -> str:
    """The whole page as one string (deterministic for the same views)."""
    articles_html = "\n".join(_render_article(v, i) for i, v in enumerate(views))
    totals = Counter(r.fact.type for v in views for r in v.rows if r.status != "removed")
    changes = Counter(r.status for v in views for r in v.rows if r.status)
    legend = []
    for t in FACT_TYPES:
        legend.append(
            f'<label class="legend t-{t}"><input type="checkbox" data-type="{t}" checked> {t} '
            f'<span class="n" data-count="{t}">{totals[t]}</span></label>'
        )
    against = ""
    if old_label is not None:
        against = (
            f'<p class="paths">against {_esc(old_label)}: <span id="changes" '
            f'data-added="{changes["added"]}" data-removed="{changes["removed"]}" '
            f'data-changed="{changes["changed"]}">{changes["added"]} facts added, '
            f'{changes["removed"]} removed, {changes["changed"]} changed</span> · '
            '<label><input type="checkbox" id="changes-only"> only changes</label></p>'
        )
    problems = sum(1 for v in views if v.text.problem)
    warn = (
        f'<p class="problem" id="text-problems">{problems} of {len(views)} articles are shown '
        "without highlights: their text is missing or has changed (see each article).</p>"
        if problems else ""
    )
    nav = " ".join(
        f'<a href="#article-{i}">{_esc(v.name)}</a>' for i, v in enumerate(views)
    )
    body = (
        "<header><h1>takedown review</h1>"
        f'<p class="paths">{_esc(new_label)} · {len(views)} articles</p>{against}'
        f'<div id="legend">{"".join(legend)}</div>'
        f'<p id="showing">{sum(totals.values())} facts.</p>{warn}</header>'
        f"<nav>{nav}</nav><main>{articles_html}</main>"
    )
    nonce = hashlib.sha256((body + _JS).encode("utf-8")).hexdigest()[:32]
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'nonce-{nonce}'; img-src data:; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>takedown review: {_esc(new_label)}</title>"
        f"<style>{_CSS}{_type_css()}</style></head>\n<body>{body}\n"
        f'<script nonce="{nonce}">{_JS}</script></body></html>\n'
    )


def review(
    out_dir: str | Path,
    against: str | Path | None = None,
    articles_dir: str | Path | None = None,
) -> tuple[str, list[ArticleView]]:
    """Build the review page of ``out_dir`` (optionally against an older output): the HTML
    and the views behind it (which articles lacked text, and why)."""
    new = load_output(out_dir)
    old = load_output(against) if against is not None else None
    adir = Path(articles_dir) if articles_dir is not None else recorded_articles_dir(new.folder)
    views = build_views(new, old, adir)
    page = render_page(views, str(out_dir), str(against) if against is not None else None)
    return page, views


__all__ = [
    "COLORS",
    "ArticleView",
    "TextStatus",
    "build_views",
    "highlight",
    "load_texts",
    "recorded_articles_dir",
    "render_page",
    "review",
]
