"""Reading ``articles.jsonl`` back and writing the three reconcile outputs atomically.

``write_reconciliation(output_dir)`` is what ``takedown extract`` calls once
``articles.jsonl`` is complete; ``takedown reconcile`` reads any number of ``articles.jsonl``
files (extracted at different times) through :func:`read_records`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from takedown.errors import TakedownError
from takedown.output import atomic_writer, dumps
from takedown.reconcile.config import ReconcileConfig

OUTPUT_FILES: tuple[str, ...] = ("entities.jsonl", "operations.jsonl", "corpus.json")


def articles_path(path: str | Path) -> Path:
    """A folder means the ``articles.jsonl`` inside it."""
    p = Path(path)
    return p / "articles.jsonl" if p.is_dir() else p


def read_records(paths: Iterable[str | Path]) -> Iterator[dict[str, Any]]:
    """Stream the records of one or more ``articles.jsonl`` files as dicts.

    A line that is not a JSON object fails with ``file:line`` and the reason: a corrupt input
    must not silently lose articles from the corpus.
    """
    for raw in paths:
        path = articles_path(raw)
        try:
            handle = path.open(encoding="utf-8")
        except OSError as exc:
            raise TakedownError(f"{path}: cannot read ({exc.strerror})") from exc
        with handle:
            for lineno, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise TakedownError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from exc
                if not isinstance(data, dict) or "article" not in data:
                    raise TakedownError(f"{path}:{lineno}: not an article record")
                yield data


def write_outputs(result: Any, output_dir: str | Path) -> list[Path]:
    """``entities.jsonl``, ``operations.jsonl`` (one sorted canonical JSON line each) and
    ``corpus.json``; each appears complete or not at all."""
    out = Path(output_dir)
    paths = [out / name for name in OUTPUT_FILES]
    with atomic_writer(paths[0]) as fh:
        for ent in result.entity_records:
            fh.write(dumps(ent) + "\n")
    with atomic_writer(paths[1]) as fh:
        for op in result.operations:
            fh.write(dumps(op) + "\n")
    with atomic_writer(paths[2]) as fh:
        json.dump(result.corpus_dict(), fh, ensure_ascii=False, sort_keys=True, indent=2)
        fh.write("\n")
    return paths


def write_reconciliation(output_dir: str | Path, config: ReconcileConfig | None = None) -> Any:
    """Reconcile ``output_dir/articles.jsonl`` and write the three files beside it."""
    from takedown.reconcile.core import reconcile

    result = reconcile(read_records([Path(output_dir) / "articles.jsonl"]), config)
    write_outputs(result, output_dir)
    return result


__all__ = ["OUTPUT_FILES", "articles_path", "read_records", "write_outputs", "write_reconciliation"]
