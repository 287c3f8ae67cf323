"""Encodings: what the file was written in is detected, reported, and offsets index the
decoded text (never the bytes)."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from takedown import Extractor
from takedown.errors import InputError
from takedown.io import Article, ReadOptions
from takedown.sources import iter_sources
from takedown.sources.decode import decode

TEXT = ("Die Polizei in Köln nahm 12 Verdächtige fest. Europol said the “dark web” market’s "
        "admins – two men – were arrested and €2.5 million was seized in Operation Nightfall.\n")
LATIN1 = "Die Polizei in Köln nahm 12 Verdächtige fest; la police a saisi 85 kg à Orléans.\n"


def _read(path: Path) -> Article:
    (item,) = list(iter_sources([str(path)], ReadOptions()))
    assert isinstance(item, Article), item
    return item


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (TEXT.encode("utf-8"), "utf-8", TEXT),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig", TEXT),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16", TEXT),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16", TEXT),
        (TEXT.encode("cp1252"), "cp1252", TEXT),
        (LATIN1.encode("latin-1"), None, LATIN1),  # cp1252 and latin-1 agree on these bytes
        ("Caf\u00e9 \u0081 and more text of various kinds".encode("latin-1"), "latin-1",
         "Caf\u00e9 \u0081 and more text of various kinds"),
        ("“x”".encode("cp1252"), "cp1252", "“x”"),  # too short for the detector: strict cp1252
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "latin-1-c1",
         "cp1252-short"],
)
def test_encoding_detected_and_reported(tmp_path: Path, data: bytes, encoding: str | None,
                                        text: str) -> None:
    (tmp_path / "a.txt").write_bytes(data)
    art = _read(tmp_path / "a.txt")
    assert art.text == text
    if encoding is None:
        assert art.encoding in {"cp1252", "latin-1"}
    else:
        assert art.encoding == encoding


def test_offsets_index_the_decoded_text(tmp_path: Path, extractor: Extractor) -> None:
    """The same article in UTF-8 and UTF-16 gives the same offsets, which slice the text."""
    (tmp_path / "a.txt").write_bytes(TEXT.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"))
    (tmp_path / "c.txt").write_bytes(TEXT.encode("cp1252"))
    recs = []
    for name in ("a.txt", "b.txt", "c.txt"):
        art = _read(tmp_path / name)
        rec = next(extractor.extract_many([art]))
        assert rec.figures, "the sample has figures"
        for fig in rec.figures:
            assert art.text[fig.start : fig.end] == fig.text
        recs.append([(f.start, f.end, f.value) for f in rec.figures])
    assert recs[0] == recs[1] == recs[2]


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    page = ("<html><head><meta charset='windows-1252'><title>Köln</title></head><body><article>"
            f"<p>{TEXT}</p><p>{TEXT}</p></article></body></html>")
    (tmp_path / "p.html").write_bytes(page.encode("cp1252"))
    art = _read(tmp_path / "p.html")
    assert art.encoding == "cp1252" and "Köln" in art.text and "€2.5 million" in art.text


def test_jsonl_lines_in_cp1252_and_utf16(tmp_path: Path) -> None:
    line = json.dumps({"text": TEXT}, ensure_ascii=False) + "\n"
    (tmp_path / "a.jsonl").write_bytes(line.encode("cp1252") + line.encode("utf-8"))
    (tmp_path / "b.jsonl").write_bytes(codecs.BOM_UTF16_LE + (line * 2).encode("utf-16-le"))
    items = list(iter_sources([str(tmp_path)], ReadOptions()))
    assert [(a.article, a.encoding, a.text == TEXT) for a in items] == [  # type: ignore[union-attr]
        ("a.jsonl#1", "cp1252", True), ("a.jsonl#2", "utf-8", True),
        ("b.jsonl#1", "utf-16", True), ("b.jsonl#2", "utf-16", True)]


def test_bad_utf16_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(codecs.BOM_UTF16_LE + b"a\x00b")  # odd length
    (item,) = list(iter_sources([str(tmp_path / "a.txt")], ReadOptions()))
    assert isinstance(item, InputError) and "utf-16" in item.reason


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_text_or_input_error(data: bytes) -> None:
    try:
        decoded = decode(data, "x")
    except InputError as exc:
        assert exc.reason
    else:
        assert isinstance(decoded.text, str) and decoded.encoding
        decoded.text.encode("utf-8")  # always writable


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_round_trips_through_every_bom_encoding(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    try:
        decoded = decode(data, "x")
    except InputError:
        # refused as binary: only for texts full of control characters or NULs
        assert any(ord(c) < 32 and c not in "\t\n\r\x0b\x0c" or c == "\x7f" for c in text)
        return
    assert decoded.text == (text[1:] if encoding == "utf-8" and text.startswith("\ufeff")
                            else text)
