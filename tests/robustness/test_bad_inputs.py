"""Bad inputs: each gets one line in errors.jsonl and on stderr naming the file and the
reason, the run goes on, the exit status is 1, and no traceback is shown without --debug."""

from __future__ import annotations

import gzip
import json
import os
import tracemalloc
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from typer.testing import CliRunner

from takedown.cli import app
from takedown.errors import InputError
from takedown.io import Article, ReadOptions
from takedown.output import extract_to_folder
from takedown.sources import iter_sources
from takedown.sources.files import read_line

runner = CliRunner()
GOOD = "Police arrested 12 suspects in Operation Nightfall, Europol said.\n"
MB = 1024 * 1024


def _zip() -> bytes:
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", GOOD)
    return buf.getvalue()


# file name -> (content, words the reason must contain)
BAD: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty"),
    "blank.md": (b" \n\t\n", "empty"),
    "report.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    "archive.md": (_zip(), "zip"),
    "nul.txt": (GOOD.encode() + b"\x00\x00" + GOOD.encode(), "NUL"),
    "controls.txt": (bytes(range(1, 9)) * 200, "binary"),
    "lines.jsonl": (b'{"text": "ok text"}\n{not json\n', "line 2: invalid JSON"),
    "truncated.json": (b'[{"text": "ok text"}, {"text": "cut', "record 2"),
    "bad.txt.gz": (b"\x1f\x8b\x08\x00garbage", "gzip"),
    "scan.pdf": (b"%PDF-1.4", "unsupported file type"),
}


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "good2.txt").write_text(GOOD.replace("12", "13"), encoding="utf-8")
    for name, (data, _) in BAD.items():
        (src / name).write_bytes(data)
    with open(src / "big.txt", "wb") as fh:  # 50 MB, sparse: nothing is read to refuse it
        fh.truncate(50 * MB)
    (src / "long-line.txt").write_bytes(b"word " * (MB + 1))  # one 5 MB line
    (src / "gone.txt").symlink_to(src / "never-there.txt")  # a broken symlink
    return src


def test_every_bad_file_gets_one_line_and_the_run_goes_on(tmp_path: Path) -> None:
    src = _folder(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(src), "-o", str(out), "-q"])
    assert result.exit_code == 1, result.output
    records = [json.loads(x) for x in (out / "articles.jsonl").read_text().splitlines()]
    assert [r["article"] for r in records] == ["good.txt", "good2.txt", "lines.jsonl#1",
                                               "truncated.json#1"]
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    by_file = {Path(e["file"]).name: e["reason"] for e in errors}
    expected = {**{k: v for k, (_, v) in BAD.items()}, "big.txt": "too large",
                "long-line.txt": "too large", "gone.txt": "broken symlink"}
    assert sorted(by_file) == sorted(expected)
    assert len(errors) == len(expected)  # one line each
    for name, words in expected.items():
        assert words in by_file[name], (name, by_file[name])
    stderr = result.stderr
    for name in expected:
        assert sum(name in line for line in stderr.splitlines() if line.startswith("error")) == 1
    assert "Traceback" not in result.output + stderr


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "gone.txt").symlink_to(src / "nowhere")
    result = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "o"), "--debug"])
    assert result.exit_code == 1
    assert "Traceback" in result.stderr and "FileNotFoundError" in result.stderr


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD * 10, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": GOOD * 10}) + "\n" +
                                      json.dumps({"text": GOOD}) + "\n", encoding="utf-8")
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(b"x" * 10_000))  # a small gzip bomb
    items = list(iter_sources([str(tmp_path)], ReadOptions(max_bytes=200)))
    reasons = [i.reason for i in items if isinstance(i, InputError)]
    assert len(reasons) == 3 and all("too large" in r and "200" in r for r in reasons)
    assert [i.article for i in items if isinstance(i, Article)] == ["b.jsonl#2"]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads any file whatever its mode, so the denial is simulated at open."""
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(GOOD, encoding="utf-8")
    real_open = os.open

    def deny(path: object, *args: object, **kw: object) -> int:
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", deny)
    items = list(iter_sources([str(tmp_path)], ReadOptions()))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], InputError) and "permission denied" in items[1].reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_mode(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "secret.txt").chmod(0)
    (item,) = list(iter_sources([str(tmp_path)], ReadOptions()))
    assert isinstance(item, InputError) and "permission denied" in item.reason


def test_fifo_does_not_block(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (item,) = list(iter_sources([str(tmp_path / "pipe.txt")], ReadOptions()))
    assert isinstance(item, InputError)


def test_file_disappearing_during_the_run(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(GOOD + name, encoding="utf-8")
    stream = iter_sources([str(tmp_path)], ReadOptions())
    first = next(stream)
    (tmp_path / "b.txt").unlink()  # listed already, gone before it is read
    rest = list(stream)
    assert isinstance(first, Article)
    assert isinstance(rest[0], InputError) and "disappeared" in rest[0].reason
    assert isinstance(rest[1], Article) and rest[1].article == "c.txt"


def test_file_disappearing_during_a_folder_run(tmp_path: Path, extractor: object) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_text(GOOD + name, encoding="utf-8")
    seen: list[dict[str, str]] = []

    def on_article(n: int) -> None:
        pass

    # delete b.txt as soon as a.txt has been read: hook the reader of the first file
    import takedown.sources as sources

    real = sources.read_entry

    def read_then_delete(entry, options):  # type: ignore[no-untyped-def]
        yield from real(entry, options)
        (src / "b.txt").unlink(missing_ok=True)

    sources.read_entry = read_then_delete  # type: ignore[assignment]
    try:
        summary = extract_to_folder([src], tmp_path / "out", extractor=extractor,  # type: ignore[arg-type]
                                    on_error=lambda line, exc: seen.append(line),
                                    on_article=on_article)
    finally:
        sources.read_entry = real  # type: ignore[assignment]
    assert summary.articles == 1 and summary.failed == 1
    assert "b.txt" in seen[0]["file"] and "disappeared" in seen[0]["reason"]


def test_long_line_costs_bounded_memory(tmp_path: Path) -> None:
    """A 40 MB line in a JSONL file is skipped in chunks, not held in memory."""
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as fh:
        fh.write(b'{"text": "' + b"a" * (40 * MB) + b'"}\n')
        fh.write(json.dumps({"text": GOOD}).encode() + b"\n")
    tracemalloc.start()
    try:
        items = list(iter_sources([str(path)], ReadOptions()))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(items[0], InputError) and "line 1" in items[0].reason
    assert isinstance(items[1], Article) and items[1].article == "huge.jsonl#2"
    assert peak < 16 * MB, peak


def test_huge_json_array_element_is_skipped_with_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as fh:
        fh.write(b'[{"text": "first ok"}, {"text": "' + b"a\\\"b" * (4 * MB) + b'", "x": [1, {}]},')
        fh.write(b' {"text": "third ok"}]')
    tracemalloc.start()
    try:
        items = list(iter_sources([str(path)], ReadOptions(max_bytes=MB)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [type(i).__name__ for i in items] == ["Article", "RecordError", "Article"]
    assert "record 2" in items[1].reason and "too large" in items[1].reason  # type: ignore[union-attr]
    assert items[2].article == "big.json#3"  # type: ignore[union-attr]
    assert peak < 8 * MB, peak


def test_read_line_limits() -> None:
    stream = BytesIO(b"abc\n" + b"x" * 100 + b"\nlast")
    assert read_line(stream, 10) == (b"abc\n", False)  # type: ignore[arg-type]
    assert read_line(stream, 10) == (b"", True)  # type: ignore[arg-type]
    assert read_line(stream, 10) == (b"last", False)  # type: ignore[arg-type]
    assert read_line(stream, 10) == (b"", False)  # type: ignore[arg-type]


@pytest.mark.parametrize("body", [
    b"[" * 100_000,  # nested too deeply for the parser
    b'{"text": ' + b"1" * 10_000 + b"}",  # an integer too long to convert
    b'{"text": "\\ud800 lone surrogate"}',
    b"[1, 2",
    b'[{"text": "a"} {"text": "b"}]',
    b"",
])
def test_malformed_json_is_an_error_not_a_crash(tmp_path: Path, body: bytes) -> None:
    (tmp_path / "x.json").write_bytes(body)
    (tmp_path / "x.jsonl").write_bytes(body.replace(b"\n", b" ") + b"\n")
    items = list(iter_sources([str(tmp_path)], ReadOptions()))
    assert items and all(isinstance(i, (Article, InputError)) for i in items)
    assert any(isinstance(i, InputError) for i in items)


def test_missing_input_path(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.stderr
