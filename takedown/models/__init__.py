"""pydantic records written by takedown, and the schemas of its rules files."""

from takedown.models.records import (
    SCHEMA_VERSION,
    ArticleRecord,
    DateFact,
    Entity,
    Equivalent,
    Figure,
    Span,
    UnresolvedDate,
)

__all__ = [
    "SCHEMA_VERSION",
    "ArticleRecord",
    "DateFact",
    "Entity",
    "Equivalent",
    "Figure",
    "Span",
    "UnresolvedDate",
]
