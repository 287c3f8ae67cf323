"""Writing outputs so that a crash never leaves a half-written file behind.

Lines are streamed to a temporary file in the destination folder, fsynced, and renamed over
the target only when complete: readers see the old file or the new one, never a torn one.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel


def dumps(obj: BaseModel | dict[str, Any]) -> str:
    """One canonical JSON line: sorted keys, no ASCII escaping, no spaces to vary."""
    data = obj.model_dump(mode="json") if isinstance(obj, BaseModel) else obj
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@contextmanager
def atomic_writer(target: str | Path) -> Iterator[IO[str]]:
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_json(target: str | Path, data: Any) -> None:
    with atomic_writer(target) as fh:
        json.dump(data, fh, ensure_ascii=False, sort_keys=True, indent=2)
        fh.write("\n")
