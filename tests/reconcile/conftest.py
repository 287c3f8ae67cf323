"""Hand-written per-article records for the reconcile tests.

``make_record`` builds a dict in the shape of ``ArticleRecord.model_dump(mode="json")`` from
short entity specs, so each test states only what matters to its rule:

    record("a.txt", agencies=[ent("Federal Bureau of Investigation", "FBI", at=10)])

The builders are fixtures (``ent``, ``record``, ``figure``, ``date``), since test modules
cannot import one another under pytest's importlib mode.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from takedown.reconcile import Gazetteer

FIELDS = ("operations", "marketplaces", "agencies", "persons", "country_entities")


def ent(
    name: str,
    *forms: str,
    at: int = 0,
    gaz: str | None = None,
    acronym: str | None = None,
    country: str | None = None,
    source: str = "pattern",
) -> dict[str, Any]:
    """One per-article entity whose mentions are ``name`` then ``forms``, from offset ``at``."""
    mentions = []
    pos = at
    for text in (name, *forms):
        mentions.append({"text": text, "start": pos, "end": pos + len(text)})
        pos += len(text) + 20
    return {
        "id": f"e-{name}-{at}",
        "name": name,
        "aliases": [f for f in dict.fromkeys(forms) if f != name],
        "mentions": mentions,
        "source": "gazetteer" if gaz else source,
        "gazetteer_id": gaz,
        "acronym": acronym,
        "country": country,
    }


def make_record(article: str, published: str | None = None, **fields: Any) -> dict[str, Any]:
    """A record dict; entity fields take lists of :func:`ent` results."""
    rec: dict[str, Any] = {
        "schema_version": "1.0",
        "id": f"art-{article}",
        "article": article,
        "sha256": "0" * 64,
        "published": published,
        "countries": [e["name"] for e in fields.get("country_entities", [])],
    }
    for f in FIELDS:
        rec[f] = fields.pop(f, [])
    rec["figures"] = fields.pop("figures", [])
    rec["dates"] = fields.pop("dates", [])
    rec["unresolved_dates"] = []
    extra = {k: fields.pop(k) for k in ("sentences", "paragraphs") if k in fields}
    assert not fields, f"unknown fields {sorted(fields)}"
    rec.update(extra)
    return rec


def figure(
    kind: str, value: float, unit: str, at: int, text: str = "", **kw: Any
) -> dict[str, Any]:
    text = text or f"{value} {unit}"
    return {
        "id": f"fig-{kind}-{at}",
        "kind": kind,
        "value": value,
        "unit": unit,
        "text": text,
        "start": at,
        "end": at + len(text),
        "substance": kw.get("substance"),
        "country": kw.get("country"),
        "qualifier": kw.get("qualifier"),
        "equivalents": kw.get("equivalents", []),
    }


def date(value: str, at: int, text: str = "", role: str | None = None) -> dict[str, Any]:
    text = text or value
    out: dict[str, Any] = {
        "id": f"d-{at}",
        "value": value,
        "text": text,
        "start": at,
        "end": at + len(text),
        "relative": False,
    }
    if role:
        out["role"] = role
    return out


@pytest.fixture()
def empty_gazetteer() -> Gazetteer:
    """No gazetteer: the name rules alone must decide."""
    return Gazetteer()


@pytest.fixture(name="ent")
def ent_fixture() -> Callable[..., dict[str, Any]]:
    return ent


@pytest.fixture(name="record")
def record_fixture() -> Callable[..., dict[str, Any]]:
    return make_record


@pytest.fixture(name="figure")
def figure_fixture() -> Callable[..., dict[str, Any]]:
    return figure


@pytest.fixture(name="date")
def date_fixture() -> Callable[..., dict[str, Any]]:
    return date
