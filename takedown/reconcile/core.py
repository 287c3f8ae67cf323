"""``reconcile(records)``: per-article records in, canonical entities and operations out.

Records stream through once: each is reduced to its article context and local entities
(``local.py``) and then dropped, so memory holds compact entities, not records. After the
stream, articles are put in a canonical order (name, record id) -- the only order anything
downstream sees -- which makes the output byte-identical for any input order.
"""

from __future__ import annotations

import gc
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from takedown.models.corpus import CanonicalEntity, CorpusLinks, OperationRecord
from takedown.reconcile.config import DEFAULT_CONFIG, ReconcileConfig
from takedown.reconcile.entities import assemble
from takedown.reconcile.gazetteer import Gazetteer, default_gazetteer
from takedown.reconcile.link import link_type
from takedown.reconcile.local import (
    FIELD_TYPES,
    TYPE_FIELDS,
    ArticleCtx,
    LocalEntity,
    _raw_entities,
    build_local,
    era_of,
    make_context,
    resolve_gazetteer,
)
from takedown.reconcile.operations import ArticleAttribution, build_operations

Record = BaseModel | Mapping[str, Any]


@dataclass
class Reconciliation:
    """The result of :func:`reconcile`: what ``entities.jsonl``, ``operations.jsonl`` and
    ``corpus.json`` hold, plus counters for the summary.

    Entities are kept as JSON-ready dicts (``entity_records``), the exact data of
    :class:`CanonicalEntity`: building a pydantic object per mention of a million-mention
    corpus would cost more than linking it. ``entities`` validates them into models on first
    use.
    """

    entity_records: list[dict[str, Any]]
    operations: list[OperationRecord]
    corpus: CorpusLinks
    stats: dict[str, Any] = field(default_factory=dict)
    _models: list[CanonicalEntity] | None = field(default=None, repr=False)

    @property
    def entities(self) -> list[CanonicalEntity]:
        if self._models is None:
            self._models = [CanonicalEntity.model_validate(e) for e in self.entity_records]
        return self._models

    def corpus_dict(self) -> dict[str, Any]:
        """The corpus clusters as plain JSON data (the shape ``score_corpus`` reads)."""
        return self.corpus.model_dump(mode="json")

    def write(self, output_dir: str | Path) -> None:
        """Write the three files atomically (see :func:`takedown.reconcile.io.write_outputs`)."""
        from takedown.reconcile.io import write_outputs

        write_outputs(self, output_dir)


def _as_dict(record: Record) -> Mapping[str, Any]:
    if isinstance(record, BaseModel):
        return record.model_dump(mode="json")
    return record


def _article_op_years(
    op_les: list[LocalEntity], gaz: Gazetteer, ratio: float
) -> tuple[list[tuple[int, int, tuple[int, int]]], tuple[int, int] | None]:
    """Dated operation mentions of one article, and the years of its sole or main operation."""
    dated: list[tuple[int, int, tuple[int, int]]] = []
    counts: Counter[int] = Counter()
    eras: dict[int, tuple[int, int]] = {}
    for k, le in enumerate(op_les):
        entry = gaz.get("operation", le.gaz)
        if entry is None or entry.era is None:
            continue
        eras[k] = entry.era
        counts[k] = len(le.mentions)
        dated += [(s, e, entry.era) for s, e, _ in le.mentions]
    lead = None
    if len(op_les) == 1 and 0 in eras:
        lead = eras[0]
    elif len(op_les) > 1:
        ranked = sorted(
            range(len(op_les)), key=lambda k: (-len(op_les[k].mentions), op_les[k].first)
        )
        top, second = ranked[0], ranked[1]
        if top in eras and len(op_les[top].mentions) >= ratio * len(op_les[second].mentions):
            lead = eras[top]
    return dated, lead


def ingest(
    records: Iterable[Record], gaz: Gazetteer, cfg: ReconcileConfig
) -> tuple[list[ArticleCtx], list[LocalEntity]]:
    """Contexts and local entities of every record, in canonical (article, id) order."""
    ctxs: list[ArticleCtx] = []
    les: list[LocalEntity] = []
    seen: set[str] = set()
    for n, rec in enumerate(records):
        data = _as_dict(rec)
        rid = str(data.get("id") or "")
        if rid and rid in seen:
            continue  # the same article (name and content) given twice
        if rid:
            seen.add(rid)
        ctx = make_context(n, data)
        article_les: dict[str, list[LocalEntity]] = {}
        for fname, etype in FIELD_TYPES:
            raws = _raw_entities(data, fname)
            article_les[etype] = build_local(ctx, raws, etype, gaz)
        op_les = article_les["operation"]
        for le in op_les:
            era_of(le, ctx, [], None, cfg)
            resolve_gazetteer(le, ctx, gaz, cfg)
        dated_ops, lead = _article_op_years(op_les, gaz, cfg.main_operation_ratio)
        if lead is not None and ctx.ref_year is not None:
            # The article's operation dates the article only if the article dates from then:
            # an explainer written in 2025 that names Operation Onymous is not a 2014 story.
            if max(lead[0] - ctx.ref_year, ctx.ref_year - lead[1], 0) > cfg.homonym_year_gap:
                lead = None
        for etype, group in article_les.items():
            if etype == "operation":
                continue
            for le in group:
                if etype == "marketplace":
                    era_of(le, ctx, dated_ops, lead, cfg)
                resolve_gazetteer(le, ctx, gaz, cfg)
        ctxs.append(ctx)
        for group in article_les.values():
            les.extend(group)
    # canonical order: articles by (name, record id), entities by (type, article, position)
    order = sorted(range(len(ctxs)), key=lambda i: (ctxs[i].name, ctxs[i].record_id, i))
    new_idx = {old: new for new, old in enumerate(order)}
    by_old = {c.idx: c for c in ctxs}
    ctxs = []
    for new, old in enumerate(order):
        c = by_old[old]
        c.idx = new
        ctxs.append(c)
    type_rank = {t: i for i, (_, t) in enumerate(FIELD_TYPES)}
    for le in les:
        le.article = new_idx[le.article]
    les.sort(key=lambda le: (type_rank[le.type], le.article, le.first, le.key, le.name))
    return ctxs, les


def reconcile(
    records: Iterable[Record],
    config: ReconcileConfig | None = None,
    gazetteer: Gazetteer | None = None,
) -> Reconciliation:
    """Link per-article records into canonical entities and operation records.

    ``records`` are :class:`~takedown.models.records.ArticleRecord` objects or dicts of the
    same shape (as read from ``articles.jsonl``); they are read once, in any order. The
    gazetteer defaults to the shipped rules.
    """
    cfg = config or DEFAULT_CONFIG
    gaz = gazetteer or default_gazetteer()
    # Millions of small, acyclic objects: the cyclic collector would rescan them all again
    # and again (a third of the run time at a million mentions) and find nothing.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _reconcile(records, cfg, gaz)
    finally:
        if gc_was_enabled:
            gc.enable()


def _reconcile(records: Iterable[Record], cfg: ReconcileConfig, gaz: Gazetteer) -> Reconciliation:
    t0 = time.perf_counter()
    ctxs, les = ingest(records, gaz, cfg)
    t1 = time.perf_counter()
    names = [c.name for c in ctxs]
    entities: list[dict[str, Any]] = []
    clusters: dict[str, list[Any]] = {}
    le_entity: dict[int, str] = {}
    stats: dict[str, Any] = {"articles": len(ctxs), "local_entities": len(les)}
    link_stats: dict[str, dict[str, int]] = {}
    for _fname, etype in FIELD_TYPES:
        indices = [i for i, le in enumerate(les) if le.type == etype]
        linking = link_type(etype, les, indices, gaz, cfg, names)
        link_stats[etype] = linking.stats
        assembled = assemble(linking, les, ctxs, gaz)
        entities.extend(assembled.entities)
        le_entity.update(assembled.le_entity)
        clusters[TYPE_FIELDS[etype]] = assembled.clusters
    t2 = time.perf_counter()
    entities.sort(key=lambda e: e["id"])
    by_id = {e["id"]: e for e in entities}
    op_names = {e["id"]: e["name"] for e in entities}
    op_aliases = {
        e["id"]: [f["form"] for f in e["forms"] if f["form"] != e["name"]]
        for e in entities
        if e["type"] == "operation"
    }
    operations = build_operations(ctxs, les, le_entity, op_names, op_aliases, cfg)
    for op in operations:
        ent = by_id.get(op.id)
        if ent is not None:
            op.notes = list(ent["notes"])
    corpus = CorpusLinks.model_construct(schema_version="1.0", **clusters)
    stats.update(
        {
            "mentions": sum(len(le.mentions) for le in les),
            "entities": dict(Counter(e["type"] for e in entities)),
            "operations": len(operations),
            "ambiguous": sum(1 for e in entities if e["notes"]),
            "conflicts": sum(1 for op in operations for g in op.figures if g.status == "conflict"),
            "linking": link_stats,
            "seconds": {
                "ingest": round(t1 - t0, 3),
                "link": round(t2 - t1, 3),
                "operations": round(time.perf_counter() - t2, 3),
            },
        }
    )
    return Reconciliation(entities, operations, corpus, stats)


__all__ = ["ArticleAttribution", "Reconciliation", "ingest", "reconcile"]
