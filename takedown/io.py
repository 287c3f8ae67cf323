"""Inputs: folders, files and stdin become Articles, or an InputError naming the reason.

An article's name is its path relative to the folder given (as FORMAT.md's ``article``
field), so records from the same folder compare across machines.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from takedown.errors import InputError

TEXT_SUFFIXES = (".txt", ".md")
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Article:
    article: str
    text: str
    sha256: str
    path: str | None = None
    published: str | None = None


def make_article(
    text: str, article: str = "<text>", path: str | None = None, published: str | None = None
) -> Article:
    return Article(article, text, hashlib.sha256(text.encode("utf-8")).hexdigest(), path, published)


def discover(paths: Iterable[str | Path]) -> list[tuple[str, Path]]:
    """(article name, path) of every input, sorted by name within each argument."""
    out: list[tuple[str, Path]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = []
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames.sort()
                for fn in filenames:
                    if fn.lower().endswith(TEXT_SUFFIXES) and not fn.startswith("."):
                        full = Path(dirpath) / fn
                        found.append((full.relative_to(p).as_posix(), full))
            out.extend(sorted(found))
        else:
            out.append((p.name, p))
    return out


def read_article(
    name: str, path: Path, max_bytes: int = DEFAULT_MAX_BYTES, published: str | None = None
) -> Article:
    """Read and decode one file; every failure is an InputError with a plain reason."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise InputError(str(path), "file not found (or a broken symlink)") from exc
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}") from exc
    if not path.is_file():
        raise InputError(str(path), "not a regular file")
    if size > max_bytes:
        raise InputError(str(path), f"too large: {size} bytes (limit {max_bytes})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}") from exc
    if not data.strip():
        raise InputError(str(path), "empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(str(path), "binary file (NUL bytes), not text")
    text = _decode(data, str(path))
    return make_article(text, name, str(path), published)


def _decode(data: bytes, where: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise InputError(where, "not decodable as UTF-8 or cp1252") from exc


def iter_inputs(
    paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES, published: str | None = None
) -> Iterator[Article | InputError]:
    """Articles in a stable order; "-" reads one article from stdin."""
    plain = [p for p in paths if str(p) != "-"]
    if len(plain) != len(list(paths)):
        data = sys.stdin.buffer.read()
        if not data.strip():
            yield InputError("-", "empty input on stdin")
        else:
            yield make_article(_decode(data, "-"), "stdin", None, published)
    for name, path in discover(plain):
        try:
            yield read_article(name, path, max_bytes, published)
        except InputError as err:
            yield err
