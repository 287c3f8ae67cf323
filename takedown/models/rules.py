"""Schemas of the rules files in ``takedown/rules/``: each JSONL line validates against one."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AgencyRule(_Rule):
    """A law-enforcement or justice body. ``anaphors`` ("the Bureau") count only after the
    body itself was named in the same article, so they never invent an agency."""

    id: str
    name: str
    acronyms: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    anaphors: list[str] = Field(default_factory=list)
    country: str | None = None
    parent: str | None = None
    kind: Literal[
        "agency", "unit", "prosecutor", "court", "task_force", "international", "ministry", "police"
    ] = "agency"


class MarketRule(_Rule):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    kind: Literal["market", "forum", "shop", "service"] = "market"
    active: str | None = Field(default=None, description="ISO year or interval, e.g. 2019/2021")
    note: str | None = None


class CountryRule(_Rule):
    id: str = Field(description="ISO 3166-1 alpha-2 code")
    name: str = Field(description="Common English short name, as FORMAT.md uses")
    aliases: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)


class SubstanceRule(_Rule):
    id: str
    name: str = Field(description="Canonical substance name written to figures")
    synonyms: list[str] = Field(default_factory=list)
    slang: list[str] = Field(default_factory=list)
    category: str | None = None


class OperationRule(_Rule):
    id: str
    name: str = Field(description="Name without the word 'Operation', in its official casing")
    aliases: list[str] = Field(default_factory=list)
    year: int | None = None
    lead: str | None = None


class UnitRule(_Rule):
    surface: str = Field(description="Lower-cased form as written: 'kg', 'kilograms', 'euros'")
    unit: str = Field(description="Normalised unit: kg, lb, EUR, pill, count ...")
    dimension: Literal["mass", "volume", "currency", "count", "time", "percent"]
    ambiguous: bool = Field(default=False, description="'pounds': mass or money by context")
    prefix: bool = Field(
        default=False, description="Written before the number, like a symbol ('Rs 20 lakh')"
    )


class KindCueRule(_Rule):
    """Words around a number that tell what it counts. ``cue`` names the role the words
    play for the figures component (a verb of seizing, a noun of people, ...)."""

    cue: Literal[
        "arrest_verb",
        "arrest_noun",
        "person_noun",
        "weapon_noun",
        "sale_noun",
        "seize_verb",
        "sale_verb",
        "sentence_cue",
        "legal_cue",
    ]
    cues: list[str] = Field(min_length=1)


class BoilerplateRule(_Rule):
    pattern: str = Field(description="Line pattern (case-insensitive regex, full line)")
    scope: Literal["line", "paragraph"] = Field(
        default="line",
        description=(
            "line: the pattern is a whole short line (a button, a heading, a credit); "
            "paragraph: it is the opening of a standard paragraph a site repeats on every page "
            "(of any length), and the whole line is furniture"
        ),
    )
    note: str | None = None

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        """A bad pattern fails here, at load, where the loader can name its file and line."""
        try:
            re.compile(value, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"invalid regular expression: {exc}") from exc
        return value
