"""``takedown review``: the static review page, checked in a real headless Chromium.

The browser tests open the page as a reviewer would (from disk, scripts on, nothing from the
network) and read the DOM after the page's script ran: every fact of every record must be
highlighted exactly over its evidence, the counts the page shows must be the records' counts,
a filter in the URL must filter, and an article's ``<script>`` must stay text. They skip,
saying why, only where no Chromium is installed (``.ci/run`` installs Debian's ``chromium``
when it can).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from takedown.cli import app
from takedown.review.diff import Fact, load_output
from takedown.review.html import (
    _Mark,
    build_views,
    highlight,
    load_texts,
    recorded_articles_dir,
    render_page,
)

runner = CliRunner()

EVIL = (
    "Police shut down Evil Market\n\n"
    "German police arrested 12 suspects <script>document.body.setAttribute('data-pwned','1')"
    "</script> and seized 5 kg of cocaine <img src=x onerror=\"document.body.setAttribute("
    "'data-pwned','2')\"> in Berlin, the Bundeskriminalamt said on 3 May 2023. "
    "A | pipe & an </mark> end tag.\n"
)
PLAIN = (
    "AlphaBay taken down\n\n"
    "The Federal Bureau of Investigation (FBI) and the Dutch National Police took down "
    "AlphaBay and Hansa in July 2017. The FBI said 40,000 vendors had sold drugs there, "
    "and agents seized $4 million in cryptocurrency.\n"
)
ENTITY_FIELDS = {
    "operations": "operation", "marketplaces": "marketplace", "agencies": "agency",
    "persons": "person", "country_entities": "country",
}


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


CHROMIUM = _chromium()
needs_browser = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium installed: `apt-get install chromium` (Debian) to run the browser test; "
    ".ci/run installs it when it runs as root with apt available",
)


def dump_dom(page: Path, tmp_path: Path, fragment: str = "") -> str:
    """The page's DOM after its script ran, from headless Chromium."""
    assert CHROMIUM is not None
    profile = tmp_path / f"profile{len(list(tmp_path.glob('profile*')))}"
    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", f"--user-data-dir={profile}",
        "--virtual-time-budget=2000", "--dump-dom", page.resolve().as_uri() + fragment,
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "<html" in proc.stdout, proc.stderr[-2000:]
    return proc.stdout


class Dom(HTMLParser):
    """Just enough of the DOM: elements by tag, and the text inside every ``<mark>``."""

    VOID = frozenset({"meta", "input", "br", "img", "hr", "link", "wbr"})

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.texts: dict[int, list[str]] = defaultdict(list)  # element index -> text inside
        self.stack: list[tuple[str, int]] = []
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        if tag not in self.VOID:
            self.stack.append((tag, len(self.elements) - 1))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        for _, index in self.stack:
            self.texts[index].append(data)

    def find(self, tag: str, **attrs: str) -> list[tuple[int, dict[str, str]]]:
        return [
            (i, a) for i, (t, a) in enumerate(self.elements)
            if t == tag and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def text(self, index: int) -> str:
        return "".join(self.texts[index])

    def by_id(self, ident: str) -> tuple[int, dict[str, str]]:
        (hit,) = [(i, a) for i, (_, a) in enumerate(self.elements) if a.get("id") == ident]
        return hit


def expected_facts(record: dict[str, Any]) -> Counter[str]:
    """Facts per type, counted straight from the record (not through the diff module)."""
    c: Counter[str] = Counter()
    for fld, label in ENTITY_FIELDS.items():
        c[label] += sum(len(e["mentions"]) for e in record[fld])
    c["figure"] += len(record["figures"])
    c["date"] += len(record["dates"])
    c["unresolved_date"] += len(record["unresolved_dates"])
    c["title"] += record["title"] is not None
    c["published"] += record["published"] is not None
    return c


def evidence(record: dict[str, Any]) -> list[tuple[str, str]]:
    """(type, evidence text) of every fact with a span."""
    out = [(label, m["text"]) for fld, label in ENTITY_FIELDS.items()
           for e in record[fld] for m in e["mentions"]]
    out += [("figure", f["text"]) for f in record["figures"]]
    out += [("date", d["text"]) for d in record["dates"]]
    out += [("unresolved_date", d["text"]) for d in record["unresolved_dates"]]
    for single in ("title", "published"):
        if record.get(f"{single}_span"):
            out.append((single, record[f"{single}_span"]["text"]))
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Articles, their extraction, and an 'older' output with one figure less, one figure
    more (at the evidence "Police") and one agency renamed."""
    root = tmp_path_factory.mktemp("review")
    articles = root / "articles"
    articles.mkdir()
    (articles / "evil.txt").write_text(EVIL, encoding="utf-8")
    (articles / "plain.txt").write_text(PLAIN, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(articles), "-o", str(root / "new"), "-q"])
    assert result.exit_code == 0, result.output
    lines = (root / "new" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    plain = next(r for r in records if r["article"] == "plain.txt")
    assert plain["figures"] and plain["agencies"]
    old_plain = json.loads(json.dumps(plain))
    dropped = old_plain["figures"].pop()  # -> added in the new output
    old_plain["figures"].append(dict(dropped, id="fig_old", start=0, end=8, text="AlphaBay",
                                     value=1, unit="count", kind="other"))  # -> removed
    old_plain["agencies"][0]["name"] = "Old Name"  # -> changed (all its mentions)
    old = root / "old"
    old.mkdir()
    (old / "articles.jsonl").write_text(
        "".join(json.dumps(r if r is not plain else old_plain) + "\n" for r in records),
        encoding="utf-8",
    )
    return {"root": root, "articles": articles, "new": root / "new", "old": old}


# --------------------------------------------------------------------------------------------
# Highlighting, without a browser
# --------------------------------------------------------------------------------------------


def _mark(start: int, end: int, uid: str, ftype: str = "agency") -> _Mark:
    return _Mark(start, end, Fact(ftype, start, end, None, {"name": uid}, uid), uid, "")


@pytest.mark.parametrize(
    "spans",
    [
        [(0, 5), (6, 11)],  # apart
        [(0, 11), (0, 5)],  # nested, same start
        [(0, 11), (6, 11)],  # nested, same end
        [(0, 8), (3, 11)],  # crossing: the second is cut at 8 and continued
        [(0, 11), (2, 9), (4, 6), (5, 10)],  # crossing inside nesting
        [(0, 11), (0, 11)],  # identical spans, two facts
    ],
)
def test_highlight_nests_cuts_and_keeps_every_character(spans: list[tuple[int, int]]) -> None:
    text = "hello world<"
    marks = [_mark(s, e, f"u{i}") for i, (s, e) in enumerate(spans)]
    markup = highlight(text, marks)
    dom = Dom(f"<div>{markup}</div>")
    assert dom.text(0) == text  # nothing lost, nothing doubled, "<" escaped and back
    pieces: dict[str, list[str]] = defaultdict(list)
    for i, attrs in dom.find("mark"):
        pieces[attrs["data-fact"]].append(dom.text(i))
    for i, (s, e) in enumerate(spans):
        assert "".join(pieces[f"u{i}"]) == text[s:e]
    firsts = [a for _, a in dom.find("mark") if "first" in a["class"].split()]
    lasts = [a for _, a in dom.find("mark") if "last" in a["class"].split()]
    assert len(firsts) == len(lasts) == len(spans)  # one id and one label per fact
    assert markup.count("<mark") == markup.count("</mark>")


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet="ab<&> ", min_size=1, max_size=30),
    spans=st.lists(st.tuples(st.integers(0, 30), st.integers(1, 30)), max_size=8),
)
def test_highlight_holds_for_any_spans(text: str, spans: list[tuple[int, int]]) -> None:
    spans = [(s, min(s + w, len(text))) for s, w in spans if s < len(text)]
    marks = [_mark(s, e, f"u{i}") for i, (s, e) in enumerate(spans)]
    dom = Dom(f"<div>{highlight(text, marks)}</div>")
    assert dom.text(0) == text
    pieces: dict[str, list[str]] = defaultdict(list)
    for i, attrs in dom.find("mark"):
        pieces[attrs["data-fact"]].append(dom.text(i))
    for i, (s, e) in enumerate(spans):
        assert "".join(pieces[f"u{i}"]) == text[s:e]


def test_marks_outside_the_text_are_skipped() -> None:
    assert highlight("abc", [_mark(2, 9, "x")]) == "abc"


def test_texts_are_verified_by_sha256(corpus: dict[str, Path], tmp_path: Path) -> None:
    records = list(load_output(corpus["new"]).records.values())
    ok = load_texts(records, corpus["articles"])
    assert all(t.text is not None and t.problem is None for t in ok.values())
    edited = tmp_path / "articles"
    shutil.copytree(corpus["articles"], edited)
    (edited / "plain.txt").write_text(PLAIN.replace("40,000", "50,000"), encoding="utf-8")
    (edited / "evil.txt").unlink()
    texts = load_texts(records, edited)
    assert texts["plain.txt"].text is None
    assert "has changed since extraction" in str(texts["plain.txt"].problem)
    assert "article text not found" in str(texts["evil.txt"].problem)
    missing = load_texts(records, None)
    assert "--articles" in str(missing["plain.txt"].problem)


def test_the_articles_folder_may_be_recorded_in_the_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "texts").mkdir()
    assert recorded_articles_dir(out) is None
    (out / "manifest.json").write_text(json.dumps({"inputs": [str(tmp_path / "texts")]}))
    assert recorded_articles_dir(out) == tmp_path / "texts"


def test_review_command_writes_one_page_and_warns_about_missing_text(
    corpus: dict[str, Path], tmp_path: Path
) -> None:
    page = tmp_path / "review.html"
    result = runner.invoke(app, ["review", str(corpus["new"]), "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert "--articles" in result.output and "2 without highlights" in result.output
    html_text = page.read_text(encoding="utf-8")
    assert "<mark" not in html_text and "facts not highlighted" in html_text
    result = runner.invoke(app, ["review", str(corpus["new"]), "--articles",
                                 str(corpus["articles"]), "-o", str(page)])
    assert result.exit_code == 0 and "0 without highlights" in result.output
    html_text = page.read_text(encoding="utf-8")
    # self-contained: no URL is fetched, scripts only by nonce
    for needle in ("http://", "https://", "src=\"", "<link", "@import"):
        assert needle not in html_text.replace("src=x onerror", "")
    assert "default-src 'none'" in html_text
    assert "&lt;script&gt;document.body.setAttribute" in html_text
    missing = runner.invoke(app, ["review", str(corpus["root"] / "nope"), "-o", str(page)])
    assert missing.exit_code == 2


def test_page_is_deterministic(corpus: dict[str, Path]) -> None:
    new = load_output(corpus["new"])
    a = render_page(build_views(new, None, corpus["articles"]), "out")
    b = render_page(build_views(new, None, corpus["articles"]), "out")
    assert a == b


# --------------------------------------------------------------------------------------------
# In the browser
# --------------------------------------------------------------------------------------------


@needs_browser
def test_page_in_chromium_highlights_every_fact_and_counts_them(
    corpus: dict[str, Path], tmp_path: Path
) -> None:
    page = tmp_path / "review.html"
    result = runner.invoke(app, ["review", str(corpus["new"]), "--articles",
                                 str(corpus["articles"]), "-o", str(page)])
    assert result.exit_code == 0, result.output
    dom = Dom(dump_dom(page, tmp_path))
    records = list(load_output(corpus["new"]).records.values())
    expected = sum((expected_facts(r) for r in records), Counter())
    total = sum(expected.values())

    (_, body), = dom.find("body")
    assert body.get("data-js") == "ready", "the page's script did not run"
    _, showing = dom.by_id("showing")
    assert (showing["data-total"], showing["data-shown"], showing["data-highlighted"]) == (
        str(total), str(total), str(total)
    )
    for ftype in expected:
        (i, _), = dom.find("span", data_count=ftype)
        assert dom.text(i) == str(expected[ftype]), ftype

    # every fact is highlighted once, over exactly its evidence, in its own colour
    pieces: dict[str, list[str]] = defaultdict(list)
    types: dict[str, str] = {}
    for i, attrs in dom.find("mark"):
        pieces[attrs["data-fact"]].append(dom.text(i))
        types[attrs["data-fact"]] = attrs["data-type"]
        assert f"t-{attrs['data-type']}" in attrs["class"].split()
    assert Counter(types.values()) == expected
    for rec in records:
        prefix = f"a{sorted(r['article'] for r in records).index(rec['article'])}-"
        shown = sorted((types[u], "".join(p)) for u, p in pieces.items() if u.startswith(prefix))
        assert shown == sorted(evidence(rec)), rec["article"]

    # the article's markup is text: no injected element ran or even exists
    assert "data-pwned" not in body
    assert len(dom.find("script")) == 1 and dom.find("img") == []
    (i, _), = dom.find("article", data_article="evil.txt")
    assert "<script>document.body.setAttribute('data-pwned','1')</script>" in dom.text(i)
    assert "</mark> end tag" in dom.text(i)
    (i, _), = dom.find("title")
    assert dom.text(i) == f"takedown review: {corpus['new']}"


@needs_browser
def test_page_in_chromium_marks_changes_and_filters_from_the_url(
    corpus: dict[str, Path], tmp_path: Path
) -> None:
    page = tmp_path / "review.html"
    result = runner.invoke(app, ["review", str(corpus["new"]), "--against", str(corpus["old"]),
                                 "--articles", str(corpus["articles"]), "-o", str(page)])
    assert result.exit_code == 0, result.output
    dom = Dom(dump_dom(page, tmp_path))
    plain = load_output(corpus["new"]).records["plain.txt"]
    renamed = len(plain["agencies"][0]["mentions"])
    _, changes = dom.by_id("changes")
    assert (changes["data-added"], changes["data-removed"], changes["data-changed"]) == (
        "1", "1", str(renamed)
    )
    marks = {a["data-fact"]: (a["class"].split(), dom.text(i)) for i, a in dom.find("mark")
             if "first" in a["class"].split()}
    added = [t for c, t in marks.values() if "added" in c]
    removed = [t for c, t in marks.values() if "removed" in c]
    changed = [t for c, t in marks.values() if "changed" in c]
    assert added == [plain["figures"][-1]["text"]]
    assert removed == ["AlphaBay"]  # same text: the removed fact is shown where it was
    assert len(changed) == renamed
    rows = dom.find("tr", data_status="changed")
    assert len(rows) == renamed and all("Old Name" in dom.text(i) for i, _ in rows)

    # a filter in the URL: only figures, only changes
    records = list(load_output(corpus["new"]).records.values())
    figures = sum(len(r["figures"]) for r in records)
    dom = Dom(dump_dom(page, tmp_path, "#types=figure"))
    _, showing = dom.by_id("showing")
    assert showing["data-shown"] == str(figures)
    off = [a for _, a in dom.find("mark") if "off" in a["class"].split()]
    assert off and all(a["data-type"] != "figure" for a in off)
    dom = Dom(dump_dom(page, tmp_path, "#types=figure&changes=1"))
    _, showing = dom.by_id("showing")
    assert showing["data-shown"] == "1"  # the added figure (the removed one is not current)


def test_articles_only_one_side_has_are_marked(corpus: dict[str, Path], tmp_path: Path) -> None:
    new = load_output(corpus["new"])
    old_folder = tmp_path / "old"
    old_folder.mkdir()
    evil = new.records["evil.txt"]
    gone = dict(evil, article="gone.txt")
    (old_folder / "articles.jsonl").write_text(json.dumps(gone) + "\n", encoding="utf-8")
    views = {v.name: v for v in build_views(new, load_output(old_folder), corpus["articles"])}
    assert views["gone.txt"].article_status == "removed"
    assert views["gone.txt"].text.problem and "not found" in views["gone.txt"].text.problem
    assert {r.status for r in views["gone.txt"].rows} == {"removed"}
    assert views["evil.txt"].article_status == "added"
    assert {r.status for r in views["evil.txt"].rows} == {"added"}
    page = render_page(list(views.values()), "new", "old")
    assert "removed article" in page and "added article" in page
