"""Operation records: what every source said about one operation, side by side.

**Attribution.** A figure, date or co-mentioned entity belongs to an operation when (first
rule that applies, recorded on the value):

1. ``same_sentence`` -- its sentence names that operation and no other;
2. ``same_paragraph`` -- its paragraph names that operation and no other;
3. ``nearby`` -- (records without sentence layout only) the one operation named within
   ``nearby_chars``;
4. ``sole_operation`` -- the article names only that operation;
5. ``main_operation`` -- the article names several, and this one has ``main_operation_ratio``
   times the mentions of any other and is named first. Only enforcement figures (arrests,
   seizures, sales) follow this weakest rule; a sentence handed down or a count of customers
   in a side story does not.

A value in a sentence or paragraph naming several operations is not attributed (the record
cannot say which); otherwise unattributed figures stay with their article.

**Comparison.** Values of one metric (kind, substance, country) are clustered by agreement:
equal after converting masses, within ``rel_tolerance`` (counts below ``exact_below`` must be
equal), with bounds honoured ("more than $50 million" agrees with $50.8 million). Two
articles whose comparable values have nothing in common are a *conflict*; nothing is ever
averaged. Currencies never convert: EUR and USD values are both kept.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from takedown.models.corpus import (
    Attribution,
    EntityRef,
    FigureGroup,
    OperationDates,
    OperationRecord,
    ReportedDate,
    ReportedFigure,
    ValueCluster,
)
from takedown.normalize.numbers import KG_PER_UNIT
from takedown.reconcile.config import ReconcileConfig
from takedown.reconcile.local import ArticleCtx, LocalEntity

_RULE_RANK: dict[str, int] = {
    r: i
    for i, r in enumerate(
        (
            "same_sentence",
            "same_paragraph",
            "nearby",
            "sole_operation",
            "main_operation",
            "published",
        )
    )
}
#: Figure kinds that may follow an article's main operation without naming it.
CORE_KINDS: frozenset[str] = frozenset(
    {"arrests", "money_seized", "drugs_seized", "weapons_seized", "sales"}
)
_DAYS: dict[str, float] = {"day": 1.0, "week": 7.0, "month": 30.4375, "year": 365.25}
_LOWER = frozenset({"more than", "at least"})
_UPPER = frozenset({"up to", "less than", "at most"})


@dataclass
class _OpAcc:
    """Everything gathered for one operation while walking the articles."""

    articles: set[str] = field(default_factory=set)
    figures: list[tuple[ReportedFigure, Mapping[str, Any]]] = field(default_factory=list)
    refs: dict[str, dict[str, tuple[str, dict[str, str]]]] = field(
        default_factory=lambda: defaultdict(dict)
    )  # field -> entity id -> (name, {article: rule})
    dates: dict[str, list[ReportedDate]] = field(default_factory=lambda: defaultdict(list))


class ArticleAttribution:
    """Which operation a position in one article belongs to (see module doc)."""

    def __init__(
        self,
        ctx: ArticleCtx,
        op_mentions: list[tuple[int, int, str]],
        cfg: ReconcileConfig,
    ) -> None:
        self.ctx = ctx
        self.cfg = cfg
        self.mentions = sorted(op_mentions)
        self._starts = [s for s, _, _ in self.mentions]
        counts = Counter(eid for _, _, eid in self.mentions)
        first = {}
        for s, _, eid in self.mentions:
            first.setdefault(eid, s)
        self.ops = sorted(counts)
        self.sole = self.ops[0] if len(self.ops) == 1 else None
        self.main: str | None = None
        self.main_detail = ""
        if len(self.ops) > 1:
            ranked = sorted(self.ops, key=lambda e: (-counts[e], first[e], e))
            top, second = ranked[0], ranked[1]
            if counts[top] >= cfg.main_operation_ratio * counts[second] and first[top] == min(
                first.values()
            ):
                self.main = top
                self.main_detail = (
                    f"named {counts[top]} times and first; next operation {counts[second]} times"
                )

    def _ops_in(self, lo: int, hi: int) -> list[str]:
        i, j = bisect_left(self._starts, lo), bisect_left(self._starts, hi)
        if i == j:
            return []
        return sorted({self.mentions[k][2] for k in range(i, j)})

    def attribute(
        self, start: int, end: int, kind: str | None = None
    ) -> tuple[str, str, str] | None:
        """(operation id, rule, detail) for a fact at [start, end), or None."""
        if not self.ops:
            return None
        ctx = self.ctx
        sent = ctx.sentence_of(start)
        if sent is not None:
            ops = self._ops_in(*sent)
            if len(ops) == 1:
                return ops[0], "same_sentence", ""
            if len(ops) > 1:
                return None
            para = ctx.paragraph_of(start)
            if para is not None:
                ops = self._ops_in(*para)
                if len(ops) == 1:
                    return ops[0], "same_paragraph", ""
                if len(ops) > 1:
                    return None
        else:
            reach = self.cfg.nearby_chars
            ops = self._ops_in(start - reach, end + reach)
            if len(ops) == 1:
                return ops[0], "nearby", f"named within {reach} characters"
            if len(ops) > 1:
                return None
        if self.sole is not None:
            return self.sole, "sole_operation", ""
        if self.main is not None and (kind is None or kind in CORE_KINDS):
            return self.main, "main_operation", self.main_detail
        return None

    def best_for_mentions(
        self, mentions: Sequence[tuple[int, int, str]]
    ) -> dict[str, tuple[str, str]]:
        """Operation id -> (strongest rule, detail) over an entity's mentions."""
        out: dict[str, tuple[str, str]] = {}
        for s, e, _ in mentions:
            got = self.attribute(s, e)
            if got is None:
                continue
            eid, rule, detail = got
            if eid not in out or _RULE_RANK[rule] < _RULE_RANK[out[eid][0]]:
                out[eid] = (rule, detail)
        return out


# --------------------------------------------------------------------------------------------
# Figure comparison
# --------------------------------------------------------------------------------------------


def unit_class(unit: str) -> tuple[str, float]:
    """(comparable class, factor to its base unit): masses convert, currencies never do."""
    u = unit.strip().lower()
    if u in KG_PER_UNIT:
        return "mass", KG_PER_UNIT[u]
    if u in _DAYS:
        return "time", _DAYS[u]
    return u if u in ("count", "pill", "percent") else unit.strip().upper(), 1.0


def _amounts(fig: ReportedFigure, extra: Mapping[str, Any]) -> list[tuple[str, float, bool]]:
    """(class, base value, integral-count?) of a figure and its restatements."""
    out = []
    cls, factor = unit_class(fig.unit)
    out.append((cls, float(fig.value) * factor, cls == "count" or cls == "pill"))
    for eq in extra.get("equivalents") or ():
        try:
            c2, f2 = unit_class(str(eq.get("unit")))
            out.append((c2, float(eq.get("value")) * f2, c2 in ("count", "pill")))
        except (TypeError, ValueError):
            continue
    return out


def values_agree(
    a: float, qa: str | None, b: float, qb: str | None, counted: bool, cfg: ReconcileConfig
) -> bool:
    """Whether two statements of one quantity (same base unit) can be the same fact."""
    if a == b:
        return True
    big = max(abs(a), abs(b))
    if qa is None and qb is None:
        if counted and a.is_integer() and b.is_integer() and big < cfg.exact_below:
            return False
        return abs(a - b) <= cfg.rel_tolerance * big
    if "about" in (qa, qb):
        return abs(a - b) <= cfg.approx_tolerance * big

    # bounds: "more than X" holds for values from X up to X * (1 + slack)
    def interval(v: float, q: str | None) -> tuple[float, float]:
        if q in _LOWER:
            return v * (1 - cfg.rel_tolerance), v * (1 + cfg.bound_slack)
        if q in _UPPER:
            return v * (1 - cfg.bound_slack), v * (1 + cfg.rel_tolerance)
        return v * (1 - cfg.rel_tolerance), v * (1 + cfg.rel_tolerance)

    la, ha = interval(a, qa)
    lb, hb = interval(b, qb)
    return la <= hb and lb <= ha


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.4g}"


def compare(
    values: list[ReportedFigure],
    extras: list[Mapping[str, Any]],
    cfg: ReconcileConfig,
    comparable_kind: bool = True,
) -> tuple[str, str, list[ValueCluster]]:
    """(status, note, agreement clusters) for the values of one metric.

    Status compares articles pairwise in the unit classes both report: two articles without
    one agreeing value are a conflict (unless ``comparable_kind`` is false: the catch-all
    kind ``other`` counts different things); an article may add values the others lack
    (a subtotal, a side case), which the note lists. Articles reporting only in units that
    do not convert into each other (EUR, USD) are ``different_units``.
    """
    n = len(values)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    amounts = [_amounts(v, x) for v, x in zip(values, extras, strict=True)]
    agree: set[tuple[int, int]] = set()
    for i in range(n):
        for j in range(i + 1, n):
            for ca, va, cnt in amounts[i]:
                hit = False
                for cb, vb, _ in amounts[j]:
                    if ca == cb and values_agree(
                        va, values[i].qualifier, vb, values[j].qualifier, cnt, cfg
                    ):
                        hit = True
                        break
                if hit:
                    agree.add((i, j))
                    parent[find(j)] = find(i)
                    break
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    clusters: list[ValueCluster] = []
    for members in sorted(groups.values(), key=lambda m: m[0]):
        head = min(members, key=lambda i: (values[i].qualifier is not None, i))
        clusters.append(
            ValueCluster(
                value=values[head].value,
                unit=values[head].unit,
                figure_ids=[values[i].figure_id for i in members],
                articles=sorted({values[i].article for i in members}),
            )
        )
    classes = sorted({amounts[i][0][0] for i in range(n)})
    arts = sorted({v.article for v in values})
    notes: list[str] = []
    if len(classes) > 1:
        notes.append(f"{' and '.join(classes)} do not convert: all values kept")
    agreeing = [c for c in clusters if len(c.articles) > 1]
    for c in agreeing:
        members = [i for i in range(n) if values[i].figure_id in set(c.figure_ids)]
        shown = " = ".join(
            dict.fromkeys(f"{_fmt(values[i].value)} {values[i].unit}" for i in members)
        )
        conv = " after conversion" if len({values[i].unit.lower() for i in members}) > 1 else ""
        notes.append(f"{shown} agree across {len(c.articles)} articles{conv}")
    if len(arts) == 1:
        status = "single" if n == 1 else ("agree" if len(clusters) == 1 else "several")
        if len(clusters) > 1:
            notes.append("distinct values from one article")
        return status, "; ".join(notes), clusters
    # Compare every pair of articles in the unit classes both report.
    conflicts: list[str] = []
    compared = False
    for x in range(len(arts)):
        for y in range(x + 1, len(arts)):
            ia = [i for i in range(n) if values[i].article == arts[x]]
            ib = [j for j in range(n) if values[j].article == arts[y]]
            shared = {amounts[i][0][0] for i in ia} & {amounts[j][0][0] for j in ib}
            if not shared:
                continue
            compared = True
            if any((min(i, j), max(i, j)) in agree for i in ia for j in ib):
                continue
            ia = [i for i in ia if amounts[i][0][0] in shared]
            ib = [j for j in ib if amounts[j][0][0] in shared]
            conflicts.append(
                f"{'/'.join(_fmt(values[i].value) for i in ia)} {values[ia[0]].unit} "
                f"({arts[x]}) vs {'/'.join(_fmt(values[j].value) for j in ib)} "
                f"{values[ib[0]].unit} ({arts[y]})"
            )
    lone = [
        f"{_fmt(values[i].value)} {values[i].unit} ({values[i].article})"
        for c in clusters
        if len(c.articles) == 1 and len(clusters) > 1
        for i in range(n)
        if values[i].figure_id in set(c.figure_ids)
    ]
    if conflicts and not comparable_kind:
        conflicts = []
    if conflicts:
        status = "conflict"
        notes.append("disagree beyond tolerance: " + "; ".join(conflicts))
    elif not compared:
        status = "different_units"
    elif len(clusters) == 1:
        same = len({(float(v.value), v.unit.lower(), v.qualifier) for v in values}) == 1
        status = "agree" if same else "consistent"
    elif agreeing:
        exact = all(
            len(
                {
                    (float(values[i].value), values[i].unit.lower())
                    for i in range(n)
                    if values[i].figure_id in set(c.figure_ids)
                }
            )
            == 1
            for c in agreeing
        )
        status = "agree" if exact else "consistent"
    else:
        status = "several"
    if lone and status in ("agree", "consistent"):
        notes.append("also reported by one source: " + ", ".join(lone))
    if not comparable_kind and len(clusters) > 1:
        notes.append("'other' figures count different things: not compared")
    return status, "; ".join(notes), clusters


# --------------------------------------------------------------------------------------------
# Building the records
# --------------------------------------------------------------------------------------------


def _span_value(d: Mapping[str, Any]) -> tuple[str, int, int]:
    return str(d.get("text") or ""), int(d.get("start") or 0), int(d.get("end") or 0)


def build_operations(
    ctxs: Sequence[ArticleCtx],
    les: Sequence[LocalEntity],
    le_entity: Mapping[int, str],
    names: Mapping[str, str],
    aliases: Mapping[str, list[str]],
    cfg: ReconcileConfig,
) -> list[OperationRecord]:
    """One record per operation entity (see module doc)."""
    per_article: dict[int, list[int]] = defaultdict(list)
    for j, le in enumerate(les):
        per_article[le.article].append(j)
    acc: dict[str, _OpAcc] = defaultdict(_OpAcc)
    for aidx in sorted(per_article, key=lambda a: (ctxs[a].name, ctxs[a].record_id)):
        ctx = ctxs[aidx]
        ids = per_article[aidx]
        op_mentions = [
            (s, e, le_entity[j])
            for j in ids
            if les[j].type == "operation" and j in le_entity
            for s, e, _ in les[j].mentions
        ]
        op_ids = sorted(
            {le_entity[j] for j in ids if les[j].type == "operation" and j in le_entity}
        )
        if not op_ids:
            continue
        for eid in op_ids:
            acc[eid].articles.add(ctx.name)
        att = ArticleAttribution(ctx, op_mentions, cfg)
        for fig in ctx.figures:
            s, e = int(fig.get("start") or 0), int(fig.get("end") or 0)
            got = att.attribute(s, e, str(fig.get("kind")))
            if got is None:
                continue
            eid, rule, detail = got
            cls, factor = unit_class(str(fig.get("unit")))
            value = fig.get("value")
            reported = ReportedFigure(
                text=str(fig.get("text") or ""),
                start=s,
                end=e,
                article=ctx.name,
                figure_id=str(fig.get("id") or f"{ctx.name}:{s}"),
                value=value,  # type: ignore[arg-type]
                unit=str(fig.get("unit")),
                qualifier=fig.get("qualifier"),
                base_value=(float(value) * factor if cls in ("mass", "time") else None),
                attribution=Attribution(article=ctx.name, rule=rule, detail=detail),  # type: ignore[arg-type]
            )
            acc[eid].figures.append((reported, fig))
        for j in ids:
            le = les[j]
            if le.type == "operation" or j not in le_entity:
                continue
            field_name = {
                "agency": "agencies",
                "marketplace": "marketplaces",
                "person": "persons",
                "country": "countries",
            }[le.type]
            for eid, (rule, _detail) in att.best_for_mentions(le.mentions).items():
                target = le_entity[j]
                entry = acc[eid].refs[field_name].setdefault(target, (names[target], {}))
                prev = entry[1].get(ctx.name)
                if prev is None or _RULE_RANK[rule] < _RULE_RANK[prev]:
                    entry[1][ctx.name] = rule
        for d in ctx.dates:
            text, s, e = _span_value(d)
            got = att.attribute(s, e)
            if got is None:
                continue
            eid, rule, detail = got
            role = d.get("role")
            slot = role if role in ("announced", "began", "ended") else "mentioned"
            acc[eid].dates[slot].append(
                ReportedDate(
                    text=text,
                    start=s,
                    end=e,
                    article=ctx.name,
                    value=str(d.get("value")),
                    modifier=d.get("modifier"),
                    attribution=Attribution(article=ctx.name, rule=rule, detail=detail),  # type: ignore[arg-type]
                )
            )
        if ctx.published:
            lead = att.sole or att.main
            if lead is not None:
                text, s, e = ctx.published_span or ("", 0, 0)
                acc[lead].dates["announced"].append(
                    ReportedDate(
                        text=text,
                        start=s,
                        end=e,
                        article=ctx.name,
                        value=ctx.published,
                        attribution=Attribution(
                            article=ctx.name,
                            rule="published",
                            detail="publication date of an article reporting it as its "
                            + ("only" if att.sole else "main")
                            + " operation",
                        ),
                    )
                )
    records: list[OperationRecord] = []
    for eid in sorted(acc):
        a = acc[eid]
        groups: dict[tuple[str, str, str], list[tuple[ReportedFigure, Mapping[str, Any]]]] = (
            defaultdict(list)
        )
        for rf, x in a.figures:
            key = (
                str(x.get("kind")),
                str(x.get("substance") or "").lower(),
                str(x.get("country") or "").lower(),
            )
            groups[key].append((rf, x))
        fgroups: list[FigureGroup] = []
        for (kind, _sub, _cty), pairs in sorted(groups.items()):
            pairs.sort(key=lambda p: (p[0].article, p[0].start, p[0].figure_id))
            vals = [p[0] for p in pairs]
            extras = [p[1] for p in pairs]
            status, note, clusters = compare(vals, extras, cfg, kind != "other")
            fgroups.append(
                FigureGroup(
                    kind=kind,  # type: ignore[arg-type]
                    substance=extras[0].get("substance"),
                    country=extras[0].get("country"),
                    status=status,  # type: ignore[arg-type]
                    note=note,
                    clusters=clusters,
                    values=vals,
                )
            )
        refs: dict[str, list[EntityRef]] = {}
        for fname in ("agencies", "countries", "marketplaces", "persons"):
            items = a.refs.get(fname, {})
            refs[fname] = [
                EntityRef(
                    id=rid,
                    name=items[rid][0],
                    evidence=[
                        Attribution(article=art, rule=rule)  # type: ignore[arg-type]
                        for art, rule in sorted(items[rid][1].items())
                    ],
                )
                for rid in sorted(items)
            ]
        dates = OperationDates(
            **{
                slot: sorted(a.dates.get(slot, []), key=lambda d: (d.article, d.start, d.value))
                for slot in ("announced", "began", "ended", "mentioned")
            }
        )
        records.append(
            OperationRecord(
                id=eid,
                name=names[eid],
                aliases=aliases.get(eid, []),
                articles=sorted(a.articles),
                dates=dates,
                figures=fgroups,
                **refs,  # type: ignore[arg-type]
            )
        )
    return records


__all__ = ["ArticleAttribution", "build_operations", "compare", "unit_class", "values_agree"]
