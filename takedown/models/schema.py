"""The published JSON Schema of the records, generated from the pydantic models."""

from __future__ import annotations

import json
from importlib import resources

from takedown.models.records import ArticleRecord

SCHEMA_FILE = "article.schema.json"


def schema_text() -> str:
    schema = ArticleRecord.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/takedown/takedown/schema/article.schema.json"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def committed_schema() -> str:
    return (resources.files("takedown.models") / SCHEMA_FILE).read_text(encoding="utf-8")
