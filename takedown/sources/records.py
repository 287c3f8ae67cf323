"""JSON and JSONL files from scrapers: each record is one article.

A JSONL file is read line by line and a JSON array element by element, so a file of any size
costs the memory of one record; a record larger than the size limit, a line that is not JSON
or a record without text is reported (naming the line or the index) and the others go on.
A JSON file holding one object is one article.

Names: ``<file name>#<line number>`` for JSONL, ``<file name>#<index, from 1>`` for a JSON
array, the file name for a single object. Which fields hold text, title, date and URL is set
by ``JsonFields`` (``--text-field`` ... on the command line).
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from takedown.errors import InputError
from takedown.sources.base import (
    Article,
    JsonFields,
    ReadOptions,
    RecordError,
    iso_date,
    make_article,
)
from takedown.sources.decode import _strict, bom_encoding, detect_single_byte, sniff_binary
from takedown.sources.files import GZIP_ERRORS, input_error, open_stream, read_line

_CHUNK = 1 << 16
_WS = re.compile(r"[ \t\r\n]*")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_STRING_BODY = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*')
_VALUE_STOP = re.compile(r'["\[\]{},]')


def lookup(obj: dict[str, object], dotted: str) -> object:
    """``obj["a"]["b"]`` for ``"a.b"``; a key that itself holds a dot wins over the path."""
    if dotted in obj:
        return obj[dotted]
    cur: object = obj
    for part in dotted.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur


def record_article(obj: object, name: str, where: str, label: str, options: ReadOptions,
                   encoding: str, source_format: str, record: int | None,
                   ) -> Article | RecordError:
    """One parsed record as an Article, or the reason it cannot be one."""
    fields: JsonFields = options.fields

    def bad(reason: str) -> RecordError:
        return RecordError(where, f"{label}: {reason}" if label else reason, name)

    if not isinstance(obj, dict):
        return bad(f"not a JSON object (a {type(obj).__name__}); a record must be an object "
                   f"with a {fields.text!r} field")
    text = lookup(obj, fields.text)
    if not isinstance(text, str) or not text.strip():
        keys = ", ".join(sorted(str(k) for k in obj)[:8])
        return bad(f"no text in field {fields.text!r} (fields: {keys or 'none'}; "
                   "choose the field with --text-field)")
    if _SURROGATE.search(text):
        return bad("text holds invalid Unicode (a lone surrogate escape)")
    size = len(text.encode("utf-8"))
    if size > options.max_bytes:
        return bad(f"text too large: {size} bytes (limit {options.max_bytes}; "
                   "raise it with --max-bytes)")
    title = lookup(obj, fields.title)
    url = lookup(obj, fields.url)
    return make_article(
        text, name, where, iso_date(lookup(obj, fields.published)) or options.published,
        title=title.strip() if isinstance(title, str) and title.strip() else None,
        url=url.strip() if isinstance(url, str) and url.strip() else None,
        encoding=encoding, source_format=source_format, text_source="json-field",
        record=record,
    )


def _loads(text: str) -> object:
    return json.loads(text)


def _parse_error(exc: BaseException) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON ({exc.msg} at column {exc.colno})"
    if isinstance(exc, RecursionError):
        return "invalid JSON (nested too deeply)"
    return f"invalid JSON ({exc})"


def iter_jsonl(name: str, path: Path, options: ReadOptions, *, gz: bool = False,
               ) -> Iterator[Article | InputError]:
    """Every line of a JSONL file (or its .gz) as an Article or a RecordError naming the line."""
    where = str(path)
    try:
        with open_stream(path, where, gz=gz) as stream:
            head = _peek(stream)
            bom = bom_encoding(head)
            if bom is None:
                why = sniff_binary(head)
                if why is not None:
                    yield InputError(where, why)
                    return
            if bom is not None and bom[1] != "utf-8-sig":
                yield from _jsonl_wide(name, where, stream, bom[0], bom[1], options)
                return
            lineno = 0
            found = False
            while True:
                raw, too_long = read_line(stream, options.max_bytes)
                if not raw and not too_long:
                    break
                lineno += 1
                label, rname = f"line {lineno}", f"{name}#{lineno}"
                if too_long:
                    found = True
                    yield RecordError(where, f"{label}: record too large: more than "
                                             f"{options.max_bytes} bytes (raise it with "
                                             "--max-bytes)", rname)
                    continue
                if lineno == 1 and bom is not None:
                    raw = raw[3:]
                if not raw.strip():
                    continue
                found = True
                encoding = "utf-8" if bom is None else "utf-8-sig"
                line = _strict(raw, "utf-8")
                if line is None:  # a scraper that wrote cp1252 or latin-1: decide per record
                    encoding = detect_single_byte(raw)
                    line = _strict(raw, encoding)
                    if line is None:
                        encoding, line = "latin-1", raw.decode("latin-1")
                yield _record_from_line(line, rname, where, label, options, encoding, lineno)
            if not found:
                yield InputError(where, "empty file (no records)")
    except GZIP_ERRORS as exc:
        yield input_error(where, f"corrupt gzip file ({exc})", exc)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield input_error(where, f"cannot read: {exc.strerror or exc}", exc)


def _record_from_line(line: str, rname: str, where: str, label: str, options: ReadOptions,
                      encoding: str, lineno: int) -> Article | InputError:
    try:
        obj = _loads(line)
    except (ValueError, RecursionError) as exc:
        return RecordError(where, f"{label}: {_parse_error(exc)}", rname)
    return record_article(obj, rname, where, label, options, encoding, "jsonl", lineno)


def _jsonl_wide(name: str, where: str, stream: BinaryIO, codec: str, encoding: str,
                options: ReadOptions) -> Iterator[Article | InputError]:
    """JSONL in UTF-16 or UTF-32 (with a BOM): lines cannot be split on bytes, so decode."""
    reader = io.TextIOWrapper(stream, encoding=codec, errors="strict", newline="")  # type: ignore[arg-type]
    lineno = 0
    try:
        while True:
            line = reader.readline(options.max_bytes + 1)
            if not line:
                break
            lineno += 1
            label, rname = f"line {lineno}", f"{name}#{lineno}"
            if not line.endswith("\n") and len(line) > options.max_bytes:
                while (rest := reader.readline(1 << 20)) and not rest.endswith("\n"):
                    pass
                yield RecordError(where, f"{label}: record too large: more than "
                                         f"{options.max_bytes} characters", rname)
                continue
            if lineno == 1:
                line = line.lstrip("\ufeff")
            if line.strip():
                yield _record_from_line(line, rname, where, label, options, encoding, lineno)
    except UnicodeDecodeError as exc:
        yield input_error(where, f"line {lineno + 1}: not valid {encoding} ({exc.reason}); "
                                 "the rest of the file was not read", exc)
    finally:
        reader.detach()


def _peek(stream: BinaryIO, n: int = 4096) -> bytes:
    peek = getattr(stream, "peek", None)
    if peek is None:  # pragma: no cover - every stream we open is buffered
        return b""
    return bytes(peek(n)[:n])


class _Chars:
    """A window over a decoded stream: the unconsumed text of at most one record and a chunk."""

    def __init__(self, reader: io.TextIOBase) -> None:
        self.reader = reader
        self.buf = ""
        self.pos = 0
        self.eof = False

    def more(self, size: int = _CHUNK) -> None:
        chunk = self.reader.read(size)
        if not chunk:
            self.eof = True
        self.buf = self.buf[self.pos:] + chunk
        self.pos = 0

    def skip_ws(self) -> str:
        """The next non-blank character ("" at the end), not consumed."""
        while True:
            self.pos = _WS.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if self.eof:
                return ""
            self.more()

    def skip_value(self) -> None:
        """Consume one JSON value without keeping it (a record over the size limit)."""
        depth = 0
        in_string = False
        while True:
            if self.pos >= len(self.buf):
                if self.eof:
                    return
                self.more()
                continue
            if in_string:
                # the unrolled string body (linear, one way to match each character), on a
                # window: the regex engine keeps state per repetition, so bound the repetitions
                limit = min(len(self.buf), self.pos + _CHUNK)
                end = _STRING_BODY.match(self.buf, self.pos, limit).end()  # type: ignore[union-attr]
                if end < len(self.buf) and self.buf[end] == '"':
                    self.pos = end + 1
                    in_string = False
                    if depth == 0:
                        return
                elif end > self.pos:
                    self.pos = end
                elif self.eof:
                    self.pos = len(self.buf)
                    return
                else:  # the buffer ends inside the string, maybe just after a backslash
                    self.more()
                continue
            m = _VALUE_STOP.search(self.buf, self.pos)
            if m is None:
                self.pos = len(self.buf)
                continue
            c = m.group()
            if c == '"':
                in_string = True
                self.pos = m.end()
            elif c in "[{":
                depth += 1
                self.pos = m.end()
            elif c in "]}":
                if depth == 0:  # the enclosing array ends: leave it for the caller
                    self.pos = m.start()
                    return
                depth -= 1
                self.pos = m.end()
                if depth == 0:
                    return
            else:  # a comma
                if depth == 0:
                    self.pos = m.start()
                    return
                self.pos = m.end()


def _json_encoding(head: bytes) -> tuple[str, str]:
    """(codec, reported name) for a JSON file from its first bytes."""
    bom = bom_encoding(head)
    if bom is not None:
        return bom
    # decode incrementally: the sample may end inside a multi-byte character
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8", "utf-8"
    except UnicodeDecodeError:
        name = detect_single_byte(head)
        return name, name


def iter_json(name: str, path: Path, options: ReadOptions, *, gz: bool = False,
              ) -> Iterator[Article | InputError]:
    """A JSON file (or its .gz): one object is one article, an array's objects are many."""
    where = str(path)
    try:
        with open_stream(path, where, gz=gz) as stream:
            head = _peek(stream, _CHUNK)
            if bom_encoding(head) is None:
                why = sniff_binary(head)
                if why is not None:
                    yield InputError(where, why)
                    return
            codec, encoding = _json_encoding(head)
            reader = io.TextIOWrapper(stream, encoding=codec, errors="strict")  # type: ignore[arg-type]
            try:
                yield from _json_values(name, where, _Chars(reader), options, encoding)
            finally:
                reader.detach()
    except UnicodeDecodeError as exc:
        yield input_error(where, f"not valid {exc.encoding} text ({exc.reason}); "
                                 "the rest of the file was not read", exc)
    except GZIP_ERRORS as exc:
        yield input_error(where, f"corrupt gzip file ({exc})", exc)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield input_error(where, f"cannot read: {exc.strerror or exc}", exc)


def _json_values(name: str, where: str, chars: _Chars, options: ReadOptions, encoding: str,
                 ) -> Iterator[Article | InputError]:
    first = chars.skip_ws()
    if first == "\ufeff":
        chars.pos += 1
        first = chars.skip_ws()
    if not first:
        yield InputError(where, "empty file")
        return
    if first != "[":
        rest = chars.reader.read(max(0, options.max_bytes + 1 - (len(chars.buf) - chars.pos)))
        text = chars.buf[chars.pos:] + rest
        if len(text) > options.max_bytes:
            yield InputError(where, f"too large: more than {options.max_bytes} characters in "
                                    "one JSON value (raise the limit with --max-bytes)")
            return
        try:
            obj = _loads(text)
        except (ValueError, RecursionError) as exc:
            yield input_error(where, _parse_error(exc), exc)
            return
        yield record_article(obj, name, where, "", options, encoding, "json", None)
        return
    chars.pos += 1
    decoder = json.JSONDecoder()
    index = 0
    while True:
        c = chars.skip_ws()
        if c == "]":
            return
        if not c:
            yield InputError(where, f"invalid JSON: the array ends after record {index} "
                                    "without ']' (a truncated file?)")
            return
        index += 1
        label, rname = f"record {index}", f"{name}#{index}"
        want = _CHUNK
        while True:
            try:
                obj, end = decoder.raw_decode(chars.buf, chars.pos)
                if end < len(chars.buf) or chars.eof:
                    chars.pos = end
                    break
                error: BaseException | None = None  # a number may go on in the next chunk
            except (ValueError, RecursionError) as exc:
                error = exc
            if chars.eof:
                yield RecordError(where, f"{label}: {_parse_error(error)}; the rest of the "
                                         "file was not read", rname)
                return
            if len(chars.buf) - chars.pos > options.max_bytes:
                chars.skip_value()
                obj = _TOO_LARGE
                break
            chars.more(want)
            want *= 2
        if obj is _TOO_LARGE:
            yield RecordError(where, f"{label}: record too large: more than {options.max_bytes}"
                                     " characters (raise it with --max-bytes)", rname)
        else:
            yield record_article(obj, rname, where, label, options, encoding, "json", index)
        c = chars.skip_ws()
        if c == ",":
            chars.pos += 1
        elif c != "]":
            yield InputError(where, f"invalid JSON after record {index}: expected ',' or ']'"
                                    f"{' but the file ends' if not c else ''}; the rest of "
                                    "the file was not read")
            return


_TOO_LARGE = object()
