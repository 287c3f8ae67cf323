"""Every input format the issue names, read into Articles with the right names and provenance."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from takedown.errors import InputError
from takedown.io import Article, JsonFields, ReadOptions, iter_inputs, read_article
from takedown.sources import RecordError, iter_sources

TEXT = "Police arrested 12 suspects in Operation Nightfall, Europol said on 3 May 2023.\n"
HTML = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Nightfall: 12 arrested | Europol</title>
<meta property="og:title" content="Nightfall: 12 arrested">
<meta property="article:published_time" content="2023-05-02T10:00:00Z">
<link rel="canonical" href="https://example.org/news/nightfall">
<script>document.write('SCRIPT-OUTPUT'); alert(1)</script>
<style>body { color: red }</style></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Nightfall: 12 arrested</h1>
<p>Law enforcement agencies arrested 12 suspects and seized EUR 2.5 million in Operation
Nightfall, Europol said on Tuesday. The darknet market had 40,000 users.</p>
<p>Police also seized 85 kg of drugs and 17 firearms in Germany and the Netherlands.</p>
</article><footer>Share on Twitter</footer></body></html>
"""


def _all(paths: list[Path], **kw: object) -> list[Article | InputError]:
    return list(iter_sources([str(p) for p in paths], ReadOptions(**kw)))  # type: ignore[arg-type]


def _one(path: Path, **kw: object) -> Article:
    items = _all([path], **kw)
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_text_and_markdown(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title\n\n" + TEXT, encoding="utf-8")
    a, b = _all([tmp_path])
    assert isinstance(a, Article) and isinstance(b, Article)
    assert (a.article, a.text, a.source_format, a.text_source, a.encoding) == (
        "a.txt", TEXT, "text", "file", "utf-8")
    assert (b.article, b.source_format) == ("b.md", "markdown")


def test_html_main_text_title_date_url(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    art = _one(tmp_path / "page.html")
    assert art.source_format == "html" and art.text_source == "html-main-text"
    assert "arrested 12 suspects" in art.text and "85 kg" in art.text
    assert "SCRIPT-OUTPUT" not in art.text and "color: red" not in art.text
    assert "Share on Twitter" not in art.text and "Home" not in art.text
    assert art.title == "Nightfall: 12 arrested"
    assert art.published == "2023-05-02"
    assert art.url == "https://example.org/news/nightfall"


def test_html_without_main_text_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "x.htm").write_text("<html><head><script>var a=1;</script></head><body>"
                                     "</body></html>", encoding="utf-8")
    (err,) = _all([tmp_path / "x.htm"])
    assert isinstance(err, InputError) and "no main text" in err.reason


def test_jsonl_records_are_articles_named_by_line(tmp_path: Path) -> None:
    lines = [
        {"text": TEXT, "title": "T1", "published": "2023-05-02T08:00:00Z", "url": "https://a/1"},
        {},
        {"text": TEXT.replace("12", "13"), "published": "Tue, 02 May 2023 10:00:00 GMT"},
    ]
    body = "\n".join(json.dumps(x) if x else "" for x in lines) + "\n"
    (tmp_path / "feed.jsonl").write_text(body, encoding="utf-8")
    a, b = _all([tmp_path / "feed.jsonl"])
    assert isinstance(a, Article) and isinstance(b, Article)
    assert (a.article, a.record, a.title, a.published, a.url) == (
        "feed.jsonl#1", 1, "T1", "2023-05-02", "https://a/1")
    assert (b.article, b.record, b.published) == ("feed.jsonl#3", 3, "2023-05-02")
    assert a.source_format == "jsonl" and a.text_source == "json-field"


def test_json_array_object_and_custom_fields(tmp_path: Path) -> None:
    records = [{"data": {"body": TEXT}, "headline": "H"}, {"data": {"body": TEXT + "x"}}]
    (tmp_path / "arr.json").write_text(json.dumps(records, indent=1), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps(records[0]), encoding="utf-8")
    fields = JsonFields(text="data.body", title="headline")
    a, b, c = _all([tmp_path], fields=fields)
    assert [x.article for x in (a, b, c)] == ["arr.json#1", "arr.json#2", "one.json"]  # type: ignore[union-attr]
    assert a.title == "H" and a.text == TEXT  # type: ignore[union-attr]
    assert c.record is None  # type: ignore[union-attr]


def test_json_record_without_text_names_the_field(tmp_path: Path) -> None:
    (tmp_path / "r.jsonl").write_text('{"body": "x"}\n', encoding="utf-8")
    (err,) = _all([tmp_path / "r.jsonl"])
    assert isinstance(err, RecordError)
    assert err.article == "r.jsonl#1" and "'text'" in err.reason and "--text-field" in err.reason


@pytest.mark.parametrize("name", ["a.txt.gz", "a.md.gz", "a.html.gz", "a.jsonl.gz", "a.json.gz"])
def test_gzip_of_each_format(tmp_path: Path, name: str) -> None:
    inner = {"txt": TEXT, "md": TEXT, "html": HTML, "jsonl": json.dumps({"text": TEXT}) + "\n",
             "json": json.dumps([{"text": TEXT}])}[name.split(".")[1]]
    (tmp_path / name).write_bytes(gzip.compress(inner.encode("utf-8")))
    art = _one(tmp_path / name)
    assert "arrested 12 suspects" in art.text
    assert art.article.startswith(name)


def test_mixed_folder_reads_everything_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    (tmp_path / "d.json.gz").write_bytes(gzip.compress(json.dumps({"text": TEXT}).encode()))
    (tmp_path / "x.gold.json").write_text("{}", encoding="utf-8")  # gold files are not inputs
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    names = [a.article for a in _all([tmp_path])]  # type: ignore[union-attr]
    assert names == ["a.txt", "b.jsonl#1", "d.json.gz", "sub/c.html"]


def test_unsupported_file_in_a_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04...")
    (err,) = _all([tmp_path])
    assert isinstance(err, InputError) and "unsupported file type" in err.reason


def test_compat_entry_points(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "p.html").write_text(HTML, encoding="utf-8")
    assert read_article("a.txt", tmp_path / "a.txt").text == TEXT
    assert read_article("p.html", tmp_path / "p.html").title == "Nightfall: 12 arrested"
    with pytest.raises(InputError):
        read_article("nope", tmp_path / "nope.txt")
    arts = list(iter_inputs([str(tmp_path / "a.txt")], published="2024-01-02"))
    assert isinstance(arts[0], Article) and arts[0].published == "2024-01-02"
