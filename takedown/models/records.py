"""Per-article records.

Field names and vocabularies follow ``shared/corpus/FORMAT.md`` so that gold files and
extractor output can be compared field by field; everything FORMAT.md lacks (offsets,
qualifiers, modifiers, ids) is added alongside, never in place of, a gold field.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

FigureKind = Literal[
    "arrests", "money_seized", "drugs_seized", "weapons_seized", "sales", "sentence", "other"
]
Qualifier = Literal["more than", "at least", "about", "up to", "less than", "at most"]
DateModifier = Literal["start", "mid", "end"]
EntitySource = Literal["gazetteer", "pattern", "abbreviation"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Span(_Strict):
    """A piece of evidence: ``text == article_text[start:end]`` always holds (so ``end`` is
    never before ``start``; the tests check every record against its text rather than a
    per-object Python validator, which would cost more than the rest of validation)."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Entity(_Strict):
    """A named thing as one article refers to it: one canonical name, the forms used."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)
    source: EntitySource
    gazetteer_id: str | None = None
    acronym: str | None = None
    country: str | None = None


class Equivalent(Span):
    """A restatement of a figure in another unit, e.g. "(approximately 317 pounds)"."""

    value: int | float
    unit: str
    qualifier: Qualifier | None = None


class Figure(Span):
    id: str
    kind: FigureKind
    value: int | float
    unit: str
    substance: str | None = None
    country: str | None = None
    qualifier: Qualifier | None = None
    value_max: int | float | None = Field(
        default=None, description='Upper end of a range ("eight to 23 years": value 8, max 23).'
    )
    equivalents: list[Equivalent] = Field(default_factory=list)


class DateFact(Span):
    id: str
    value: str
    modifier: DateModifier | None = None
    relative: bool = False
    anchor: str | None = Field(
        default=None, description="The article date a relative expression was resolved against."
    )
    role: Literal["began", "ended", "announced"] | None = Field(
        default=None,
        description='What its sentence says happened then ("began in late 2021"), from a cue '
        "word just before the date; reconcile files operation dates by it.",
    )


class UnresolvedDate(Span):
    """A relative date ("last November") that the article gives no date to resolve against."""

    expression: str


class ArticleRecord(_Strict):
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    id: str
    article: str
    sha256: str
    title: str | None = None
    title_span: Span | None = None
    published: str | None = None
    published_span: Span | None = None
    operations: list[Entity] = Field(default_factory=list)
    marketplaces: list[Entity] = Field(default_factory=list)
    agencies: list[Entity] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    country_entities: list[Entity] = Field(default_factory=list)
    persons: list[Entity] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    dates: list[DateFact] = Field(default_factory=list)
    unresolved_dates: list[UnresolvedDate] = Field(default_factory=list)
    # provenance (set by the readers in takedown.sources; None for texts passed directly)
    source_format: Literal["text", "markdown", "html", "json", "jsonl"] | None = Field(
        default=None, description="The input format the article was read from."
    )
    text_source: Literal["file", "html-main-text", "json-field"] | None = Field(
        default=None,
        description="The text offsets index: the decoded file, the main text trafilatura "
        "found in an HTML page, or a JSON record's text field.",
    )
    encoding: str | None = Field(default=None, description="How the input bytes were decoded.")
    url: str | None = Field(default=None, description="The page's URL from its metadata.")
    # layout, so that later stages (reconcile) can tie a fact to what its sentence names
    sentences: list[tuple[int, int]] = Field(
        default_factory=list, description="[start, end) of each sentence outside page furniture."
    )
    paragraphs: list[tuple[int, int]] = Field(
        default_factory=list, description="[start, end) of each paragraph (a line of text)."
    )

    def evidence(self) -> Iterator[tuple[str, int, int]]:
        """(text, start, end) of every piece of evidence in the record: every mention, figure,
        restatement, date, unresolved date, the title and the byline. Each must satisfy
        ``article_text[start:end] == text``, which is what callers check it for."""
        for entities in (self.operations, self.marketplaces, self.agencies, self.persons,
                         self.country_entities):
            for ent in entities:
                for m in ent.mentions:
                    yield m.text, m.start, m.end
        for f in self.figures:
            yield f.text, f.start, f.end
            for e in f.equivalents:
                yield e.text, e.start, e.end
        for d in [*self.dates, *self.unresolved_dates]:
            yield d.text, d.start, d.end
        for span in (self.title_span, self.published_span):
            if span is not None:
                yield span.text, span.start, span.end
