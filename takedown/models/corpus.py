"""Corpus-level records: what ``takedown reconcile`` writes after linking articles together.

Per-article records (``takedown.models.records``) say what one article states; these records
say which of those statements are about the same real-world thing, and why we think so. Every
value keeps its provenance (article, character offsets, qualifier) and every link keeps the
rule that made it, so an analyst can audit a merge instead of trusting it.

* :class:`CanonicalEntity` -> ``entities.jsonl``: one operation, marketplace, agency, person or
  country, with every surface form seen, the articles and offsets of its mentions, and the
  evidence for each form.
* :class:`OperationRecord` -> ``operations.jsonl``: one operation with the agencies, countries,
  markets and people involved, its dates, and every figure reported about it, grouped by
  metric and compared across sources (never averaged).
* :class:`CorpusLinks` -> ``corpus.json``: the clusters in the shape of the corpus-level gold
  of ``shared/corpus/FORMAT.md``, so ``takedown evaluate`` can score cross-article linking.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from takedown.models.records import FigureKind, Qualifier, Span

CORPUS_SCHEMA_VERSION = "1.0"

EntityType = Literal["operation", "marketplace", "agency", "person", "country"]

#: Why a surface form belongs to its entity, strongest first.
LinkRule = Literal[
    "canonical",  # the form is the entity's canonical name (or spells it identically)
    "gazetteer",  # the extractor matched the same gazetteer entry
    "same_form",  # the same normalized form in several articles
    "within_article",  # the extractor grouped the forms in one article
    "acronym_definition",  # "Long Name (ACRONYM)" in some article, or the gazetteer's acronym
    "acronym_initials",  # a bare acronym whose letters are the initials of exactly one name
    "anaphor",  # "the Bureau" after the FBI, in the same article
    "surname",  # a surname after (or without) the full name, matching exactly one person
    "fuzzy",  # rapidfuzz score against another form, within a block, no veto
    "context",  # same name, assigned by dates or co-mentioned operations
]

#: How a figure, date or entity was tied to an operation, strongest first.
AttributionRule = Literal[
    "same_sentence",  # the sentence names this operation and no other
    "same_paragraph",  # the paragraph names this operation and no other
    "nearby",  # no sentence layout in the record: the only operation named within reach
    "sole_operation",  # the article names only this operation
    "main_operation",  # the article names several, this one dominates (count and position)
    "published",  # the article's publication date, for an article reporting the operation
]

FigureStatus = Literal[
    "single",  # one value, nothing to compare
    "agree",  # every value identical
    "consistent",  # values agree after unit conversion, rounding tolerance or bounds
    "different_units",  # values in units that do not convert (EUR vs USD): all kept
    "several",  # distinct values, but never two articles without a value in common
    "conflict",  # two articles whose comparable values disagree beyond tolerance
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------------------------
# entities.jsonl
# --------------------------------------------------------------------------------------------


class SurfaceForm(_Strict):
    """One way the entity was written, and the evidence that it is this entity."""

    form: str
    count: int = Field(ge=0, description="Mentions written this way across all articles.")
    articles: int = Field(ge=0, description="Articles using this form.")
    rule: LinkRule
    article: str | None = Field(default=None, description="Where the linking evidence is.")
    against: str | None = Field(default=None, description="The form it was matched to.")
    score: float | None = Field(default=None, description="rapidfuzz score, for fuzzy links.")
    detail: str = ""


class EntityArticle(_Strict):
    """The entity in one article: the per-article entity ids merged, and every mention
    (``text == article_text[start:end]``, as in the per-article records)."""

    article: str
    entity_ids: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class CanonicalEntity(_Strict):
    """One real-world operation, marketplace, agency, person or country across the corpus."""

    schema_version: Literal["1.0"] = CORPUS_SCHEMA_VERSION
    id: str = Field(description="Derived from type and canonical name, never from input order.")
    type: EntityType
    name: str
    gazetteer_id: str | None = None
    country: str | None = Field(default=None, description="An agency's country.")
    acronyms: list[str] = Field(default_factory=list)
    era: str | None = Field(
        default=None, description="Years the records' dates place it in (ISO year or interval)."
    )
    forms: list[SurfaceForm] = Field(default_factory=list)
    articles: list[EntityArticle] = Field(default_factory=list)
    notes: list[str] = Field(
        default_factory=list, description="Decisions taken on thin evidence, and overrides."
    )


# --------------------------------------------------------------------------------------------
# operations.jsonl
# --------------------------------------------------------------------------------------------


class Attribution(_Strict):
    article: str
    rule: AttributionRule
    detail: str = ""


class EntityRef(_Strict):
    """An entity involved in an operation, with the articles that tie it there."""

    id: str
    name: str
    evidence: list[Attribution] = Field(default_factory=list)


class ReportedFigure(Span):
    """One figure as one article reported it, with the rule that tied it to the operation."""

    article: str
    figure_id: str
    value: int | float
    unit: str
    qualifier: Qualifier | None = None
    base_value: float | None = Field(
        default=None, description="The value in the group's base unit (kg for masses)."
    )
    attribution: Attribution


class ValueCluster(_Strict):
    """Values that state the same amount (after conversion and tolerance)."""

    value: int | float
    unit: str
    figure_ids: list[str]
    articles: list[str]


class FigureGroup(_Strict):
    """Every value reported for one metric of one operation, side by side."""

    kind: FigureKind
    substance: str | None = None
    country: str | None = None
    status: FigureStatus
    note: str = ""
    clusters: list[ValueCluster] = Field(default_factory=list)
    values: list[ReportedFigure] = Field(default_factory=list)


class ReportedDate(Span):
    article: str
    value: str
    modifier: Literal["start", "mid", "end"] | None = None
    attribution: Attribution


class OperationDates(_Strict):
    announced: list[ReportedDate] = Field(default_factory=list)
    began: list[ReportedDate] = Field(default_factory=list)
    ended: list[ReportedDate] = Field(default_factory=list)
    mentioned: list[ReportedDate] = Field(
        default_factory=list, description="Other dates stated about the operation."
    )


class OperationRecord(_Strict):
    """One operation as all sources together report it."""

    schema_version: Literal["1.0"] = CORPUS_SCHEMA_VERSION
    id: str = Field(description="The operation's entity id in entities.jsonl.")
    name: str
    aliases: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)
    agencies: list[EntityRef] = Field(default_factory=list)
    countries: list[EntityRef] = Field(default_factory=list)
    marketplaces: list[EntityRef] = Field(default_factory=list)
    persons: list[EntityRef] = Field(default_factory=list)
    dates: OperationDates = Field(default_factory=OperationDates)
    figures: list[FigureGroup] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------------------------
# corpus.json
# --------------------------------------------------------------------------------------------


class CorpusCluster(_Strict):
    name: str
    id: str
    articles: list[str]


class CorpusLinks(_Strict):
    """FORMAT.md's corpus-level gold shape (plus ids), as ``score_corpus`` reads it."""

    schema_version: Literal["1.0"] = CORPUS_SCHEMA_VERSION
    operations: list[CorpusCluster] = Field(default_factory=list)
    marketplaces: list[CorpusCluster] = Field(default_factory=list)
    agencies: list[CorpusCluster] = Field(default_factory=list)
    persons: list[CorpusCluster] = Field(default_factory=list)
    countries: list[CorpusCluster] = Field(default_factory=list)


__all__ = [
    "CORPUS_SCHEMA_VERSION",
    "Attribution",
    "AttributionRule",
    "CanonicalEntity",
    "CorpusCluster",
    "CorpusLinks",
    "EntityArticle",
    "EntityRef",
    "EntityType",
    "FigureGroup",
    "FigureStatus",
    "LinkRule",
    "OperationDates",
    "OperationRecord",
    "ReportedDate",
    "ReportedFigure",
    "SurfaceForm",
    "ValueCluster",
]
