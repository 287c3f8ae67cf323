"""Load and validate the rules shipped in ``takedown/rules/``.

Rules are data: each JSONL line is validated by its pydantic model, and a bad line fails at
load with ``file:line`` and the reason instead of surfacing later as a wrong extraction.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from takedown.errors import RulesError
from takedown.models.rules import (
    AgencyRule,
    BoilerplateRule,
    CountryRule,
    KindCueRule,
    MarketRule,
    OperationRule,
    SubstanceRule,
    UnitRule,
)

M = TypeVar("M", bound=BaseModel)

RULE_FILES: dict[str, type[BaseModel]] = {
    "agencies": AgencyRule,
    "markets": MarketRule,
    "countries": CountryRule,
    "substances": SubstanceRule,
    "operations": OperationRule,
    "units": UnitRule,
    "kinds": KindCueRule,
    "boilerplate": BoilerplateRule,
}


def rules_dir() -> Path:
    """The folder of the rules shipped with the package."""
    return Path(str(resources.files("takedown") / "rules"))


def iter_jsonl(path: Path, model: type[M]) -> Iterator[M]:
    """Validate each non-blank line of ``path``; the first bad one raises RulesError naming
    file:line and the reason."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise RulesError(f"{path}: cannot read rules file ({exc.strerror})") from exc
    with handle:
        for lineno, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise RulesError(f"{path}:{lineno}: not UTF-8 ({exc.reason})") from exc
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RulesError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from exc
            try:
                yield model.model_validate(data)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"]) or "line"
                raise RulesError(f"{path}:{lineno}: {where}: {first['msg']}") from exc


def load_rules(name: str, directory: Path | None = None) -> list[BaseModel]:
    """All entries of one rules file (``name`` without ``.jsonl``)."""
    model = RULE_FILES[name]
    folder = directory or rules_dir()
    return list(iter_jsonl(folder / f"{name}.jsonl", model))


@cache
def default_rules(name: str) -> tuple[BaseModel, ...]:
    """The shipped rules, loaded once per process: every component shares them."""
    return tuple(load_rules(name))
