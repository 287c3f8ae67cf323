"""Finding the inputs: walking folders, choosing a reader by name, and the symlink policy.

Folders are walked in sorted order, hidden files and folders (".git", ".DS_Store") and gold
annotations (``*.gold.json``) are skipped, and every other file is either read or reported:
a file of an unsupported type, a broken symlink, or a symlink leading outside the folder given
(unless ``follow_symlinks``) gets an InputError, so nothing an analyst put in a folder
disappears without a word. Symlinked folders are entered only with ``follow_symlinks``,
and never twice (no loops).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from takedown.errors import InputError
from takedown.sources.base import SUPPORTED, ReadOptions, format_of
from takedown.sources.files import input_error, os_reason

# takedown's own gold annotations sit beside the articles they annotate; they are not inputs
GOLD_SUFFIX = ".gold.json"


@dataclass(frozen=True, slots=True)
class Entry:
    """One file to read: its article name, where it is, its format and compression."""

    name: str
    path: Path
    source_format: str
    gz: bool


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _excluded(real: str, options: ReadOptions) -> bool:
    return any(_inside(real, os.path.realpath(x)) for x in options.exclude)


def walk_inputs(paths: Iterable[str | Path], options: ReadOptions,
                ) -> Iterator[Entry | InputError]:
    """Entries (and errors) for files and folders given on the command line."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from _walk_folder(p, options)
        elif p.is_file():
            fmt, gz = format_of(p.name)
            # a file named explicitly is read even with an unknown suffix: as plain text
            yield Entry(p.name, p, fmt or "text", gz)
        elif os.path.islink(p):
            yield InputError(str(p), os_reason(FileNotFoundError(), p))
        elif p.exists():
            yield InputError(str(p), "not a regular file (a device, FIFO or socket)")
        else:
            yield InputError(str(p), "no such file or folder")


def _walk_folder(root: Path, options: ReadOptions) -> Iterator[Entry | InputError]:
    real_root = os.path.realpath(root)
    seen_dirs: set[str] = {real_root}
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=options.follow_symlinks,
                                                onerror=errors.append):
        while errors:
            exc = errors.pop()
            yield input_error(str(exc.filename or dirpath), f"cannot list folder: "
                                                            f"{exc.strerror or exc}", exc)
        here = Path(dirpath)
        keep: list[str] = []
        for d in sorted(dirnames):
            full = here / d
            if d.startswith("."):
                continue
            real = os.path.realpath(full)
            if _excluded(real, options):
                continue
            if os.path.islink(full):
                if not options.follow_symlinks:
                    if not _inside(real, real_root):
                        yield InputError(str(full), "symlink to a folder outside the input "
                                                    "folder: not followed (use --follow-symlinks)")
                    continue  # inside: its files are read through their real path
                if real in seen_dirs or _inside(real_root, real):
                    continue  # a loop, or a folder already read
            seen_dirs.add(real)
            keep.append(d)
        dirnames[:] = keep
        for fn in sorted(filenames):
            if fn.startswith(".") or fn.lower().endswith(GOLD_SUFFIX):
                continue
            full = here / fn
            item = _file_entry(full, full.relative_to(root).as_posix(), real_root, options)
            if item is not None:
                yield item


def _file_entry(full: Path, name: str, real_root: str, options: ReadOptions,
                ) -> Entry | InputError | None:
    if os.path.islink(full):
        real = os.path.realpath(full)
        if not os.path.exists(real):
            try:
                os.stat(full)
            except OSError as exc:  # the real error, kept for --debug
                return input_error(str(full), os_reason(exc, full), exc)
            return InputError(str(full), os_reason(FileNotFoundError(), full))
        if not _inside(real, real_root) and not options.follow_symlinks:
            return InputError(str(full), "symlink to a file outside the input folder: not "
                                         "read (use --follow-symlinks)")
        if _excluded(real, options):
            return None
    fmt, gz = format_of(full.name)
    if fmt is None:
        return InputError(str(full), f"unsupported file type (takedown reads {SUPPORTED})")
    return Entry(name, full, fmt, gz)
