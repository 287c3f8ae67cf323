"""The committed JSON Schema is the one the models generate."""

from __future__ import annotations

import json

from takedown.models.schema import committed_schema, schema_text


def test_committed_schema_is_current() -> None:
    assert committed_schema() == schema_text(), (
        "takedown/models/article.schema.json is stale: run "
        "`takedown schema -o takedown/models/article.schema.json`"
    )


def test_schema_forbids_unknown_fields() -> None:
    schema = json.loads(schema_text())
    assert schema["additionalProperties"] is False
    assert {"operations", "figures", "dates", "published", "schema_version"} <= set(
        schema["properties"]
    )
