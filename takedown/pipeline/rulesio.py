"""Rules handling shared by the components: load the shipped rules, save and load them with
the pipeline (``nlp.to_disk``), validate on every load."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar, TypeVar

from pydantic import BaseModel
from spacy.language import Language

from takedown.pipeline.common import BatchComponent, register_extensions
from takedown.resources import RULE_FILES, default_rules, iter_jsonl

M = TypeVar("M", bound=BaseModel)


class RulesComponent(BatchComponent):
    """Base of the rule-driven components: subclasses name their files and compile them."""

    rule_files: ClassVar[tuple[str, ...]] = ()

    def __init__(self, nlp: Language, name: str, spans: bool = True) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        # span groups serve spaCy users; a pipeline that only builds records (the
        # Extractor) turns them off and reads the plain facts each component also leaves
        self.spans = spans
        self.rules: dict[str, list[BaseModel]] = {
            f: list(default_rules(f)) for f in self.rule_files
        }
        self._compile()

    def rules_of(self, name: str, model: type[M]) -> list[M]:
        return [r for r in self.rules[name] if isinstance(r, model)]

    def _compile(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for fname, rules in self.rules.items():
            with (folder / f"{fname}.jsonl").open("w", encoding="utf-8") as fh:
                for rule in rules:
                    fh.write(json.dumps(rule.model_dump(exclude_none=True), ensure_ascii=False))
                    fh.write("\n")

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> RulesComponent:
        folder = Path(path)
        self.rules = {
            f: list(iter_jsonl(folder / f"{f}.jsonl", RULE_FILES[f])) for f in self.rule_files
        }
        self._compile()
        return self
