"""Opening input files safely: regular files only, bounded reads, gzip transparently.

Every failure becomes an InputError with a plain reason (the exception that caused it is kept
as ``__cause__`` so ``--debug`` can show it). Reads are bounded by the article size limit, so
a 50 MB file, a gzip bomb or a file that grows while it is read never fills memory.
"""

from __future__ import annotations

import errno
import gzip
import os
import stat
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from takedown.errors import InputError

GZIP_ERRORS: tuple[type[BaseException], ...] = (gzip.BadGzipFile, EOFError, zlib.error)


def input_error(where: str, reason: str, cause: BaseException | None = None) -> InputError:
    """An InputError that remembers its cause without being raised (for yielded errors)."""
    exc = InputError(where, reason)
    exc.__cause__ = cause
    return exc


def os_reason(exc: OSError, path: Path) -> str:
    """A plain reason for an OS error: the user needs to know what to fix, not the errno."""
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            return f"broken symlink (points to {os.readlink(path)!s}, which does not exist)"
        return "file not found (it disappeared during the run, or the path is wrong)"
    if isinstance(exc, PermissionError):
        return "permission denied (cannot read the file)"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    return f"cannot read: {exc.strerror or exc}"


@contextmanager
def open_regular(path: Path, max_bytes: int | None, where: str) -> Iterator[BinaryIO]:
    """Open ``path`` for binary reading if it is a regular file within the size limit.

    Opened non-blocking and checked with fstat on the open descriptor: a FIFO or a device
    never blocks the run, and a file swapped between check and read is still the one checked.
    ``max_bytes=None`` skips the size check (formats that hold many articles check per record).
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise input_error(where, os_reason(exc, path), exc) from exc
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(where, "is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(where, "not a regular file (a device, FIFO or socket)")
        if max_bytes is not None and st.st_size > max_bytes:
            raise InputError(where, f"too large: {st.st_size} bytes (limit {max_bytes}; "
                                    "raise it with --max-bytes)")
        fh = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with fh:
        yield fh


def read_limited(fh: BinaryIO, max_bytes: int, where: str, *, gz: bool) -> bytes:
    """All bytes of ``fh`` (decompressed if ``gz``), or InputError if more than ``max_bytes``."""
    try:
        if gz:
            with gzip.GzipFile(fileobj=fh, mode="rb") as z:
                data = z.read(max_bytes + 1)
        else:
            data = fh.read(max_bytes + 1)
    except GZIP_ERRORS as exc:
        raise input_error(where, f"corrupt gzip file ({exc})", exc) from exc
    except OSError as exc:
        raise input_error(where, f"cannot read: {exc.strerror or exc}", exc) from exc
    if len(data) > max_bytes:
        what = "after decompression" if gz else "(the file grew while it was read)"
        raise InputError(where, f"too large: more than {max_bytes} bytes {what} "
                                "(raise the limit with --max-bytes)")
    return data


def read_file(path: Path, max_bytes: int, where: str, *, gz: bool = False) -> bytes:
    """The bytes of one file holding one article, within the size limit."""
    with open_regular(path, None if gz else max_bytes, where) as fh:
        return read_limited(fh, max_bytes, where, gz=gz)


@contextmanager
def open_stream(path: Path, where: str, *, gz: bool) -> Iterator[BinaryIO]:
    """A binary stream over a file that holds many records (JSON, JSONL), decompressed if gz."""
    with open_regular(path, None, where) as fh:
        if gz:
            with gzip.GzipFile(fileobj=fh, mode="rb") as z:
                yield z  # type: ignore[misc]
        else:
            yield fh


def read_line(stream: BinaryIO, max_bytes: int) -> tuple[bytes, bool]:
    """One line of at most ``max_bytes`` (plus its newline); (line, too_long).

    A longer line is consumed to its end in bounded chunks and reported as too long, so one
    5 MB line in a JSONL file costs neither memory nor the records after it.
    """
    line = stream.readline(max_bytes + 1)
    if line.endswith(b"\n") or len(line) <= max_bytes:
        return line, False
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return b"", True
