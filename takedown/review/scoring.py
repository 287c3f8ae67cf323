"""Score extracted records against gold annotations (the engine behind ``takedown evaluate``).

Everything here is a pure function over plain dicts: gold files as loaded from JSON, predicted
records as ``ArticleRecord.model_dump(mode="json")``. Nothing imports spaCy or the pipeline, so
the scorer can judge any extractor (or a hand-written prediction in a test) by the same rules.

The unit of scoring is the *fact*, not the span (``shared/corpus/FORMAT.md``): a fact counts once
however often the article repeats it, on both sides, and a predicted fact can be credited for at
most one gold fact (one-to-one matching, solved exactly as a maximum-weight bipartite matching).

Matching rules per field:

* ``operations``, ``marketplaces``, ``agencies``, ``persons``: a predicted entity matches a gold
  entity when their sets of normalized forms (``name`` + ``aliases``, plus a predicted
  ``acronym``) intersect; see :func:`normalize_name`. Entries on one side whose form sets
  intersect are one fact (merged transitively) -- a repeated entity is not a second fact. An
  extractor that lists "FBI" and "Federal Bureau of Investigation" as two unconnected entities
  gets one TP and one FP: FORMAT.md requires variants of one body to be one entry.
* ``countries``: set comparison of normalized strings (no alias table: "US" is not
  "United States"; FORMAT.md fixes the common English short name).
* ``figures``: value within 0.5 % relative, compared exactly for integral values below 10,000
  (so 287 arrests never passes for 288), and units equal after conversion (masses only convert;
  currencies, ``count``, ``pill``, durations must be equal). A figure's ``equivalents`` are
  alternative statements of the same fact: a gold figure may match a predicted figure through
  one, and a predicted figure whose span lies inside another figure's equivalent is not a fact
  of its own. A range ("eight to 23 years": ``value`` 8, ``value_max`` 23) states both bounds:
  a gold figure may match it by either one (FORMAT.md leaves ranges open). Kind, substance
  and country are not required, but among pairings of equal size
  the one where kind, substance and country agree is preferred.
* ``figures_kind``: as ``figures``, but the kind must also agree.
* ``dates``: set comparison of ``value`` strings.
* ``published``: one fact per article when either side is non-null; a wrong value is an FP and
  an FN.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import PurePath
from typing import Any

from takedown.normalize.numbers import KG_PER_UNIT
from takedown.normalize.quotes import QUOTES

FIELDS: tuple[str, ...] = (
    "operations",
    "marketplaces",
    "agencies",
    "countries",
    "persons",
    "figures",
    "figures_kind",
    "dates",
    "published",
)
ENTITY_FIELDS: tuple[str, ...] = ("operations", "marketplaces", "agencies", "persons")

#: Relative tolerance for figure values (rounding in restatements, converted units).
REL_TOLERANCE = 0.005
#: Integral values below this must agree exactly: 0.5 % of 288 arrests would admit 287.
EXACT_BELOW = 10_000

Fact = dict[str, Any] | str


# --------------------------------------------------------------------------------------------
# Counts and reports
# --------------------------------------------------------------------------------------------


@dataclass
class Counts:
    """True positives, false positives and false negatives of one field (or a sum of fields).

    An empty count (nothing in gold, nothing predicted) scores 1.0 everywhere: there was nothing
    to find and nothing was invented, and a perfect self-score must read as perfect. Otherwise a
    side with no facts scores 0.0 (no predictions: precision 0, not undefined).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def empty(self) -> bool:
        return self.tp + self.fp + self.fn == 0

    @property
    def precision(self) -> float:
        if self.empty:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.empty:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        # 2PR/(P+R) written over counts: no division by zero, and 0.0 whenever tp == 0.
        if self.empty:
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, float | int]:
        """Rounded scores first, raw counts after: the shape every report row shares."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def _sum_counts(counts: Iterable[Counts]) -> Counts:
    total = Counts()
    for c in counts:
        total = total + c
    return total


@dataclass
class ArticleScore:
    """One article's counts plus the facts behind its errors, for error analysis."""

    article: str
    counts: dict[str, Counts]
    missed: dict[str, list[Fact]]
    spurious: dict[str, list[Fact]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "counts": {f: self.counts[f].to_dict() for f in FIELDS},
            "missed": {f: list(self.missed[f]) for f in FIELDS},
            "spurious": {f: list(self.spurious[f]) for f in FIELDS},
        }


@dataclass
class Report:
    """Scores of a whole evaluation run.

    ``micro`` sums over every field in :data:`FIELDS` (``figures`` and ``figures_kind`` both
    count, so kind errors weigh in the headline number). ``corpus`` holds the cross-article link
    scores when a gold corpus file was given.
    """

    fields: dict[str, Counts]
    micro: Counts
    articles: list[ArticleScore]
    corpus: dict[str, Counts] | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, key order fixed by :data:`FIELDS`, so reports diff cleanly across runs."""
        return {
            "fields": {f: self.fields[f].to_dict() for f in FIELDS},
            "micro": self.micro.to_dict(),
            "corpus": (
                None if self.corpus is None else {k: c.to_dict() for k, c in self.corpus.items()}
            ),
            "articles": [a.to_dict() for a in self.articles],
        }


# --------------------------------------------------------------------------------------------
# Normalization
# --------------------------------------------------------------------------------------------

# Outer wrapping that is never part of a name: quotes, brackets, trailing clause punctuation.
_OUTER = " \t\n\"'()[]{}<>,;:!?"
# Hyphens, dashes, the minus sign, soft hyphen, and whitespace vanish: "J-CODE" == "JCODE".
_JOINERS = re.compile(r"[\s\-\u00ad\u2010-\u2015\u2212]+")
# A dot goes unless it sits between digits: "U.S." -> "us", but "2.0" stays "2.0".
_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")
# British spellings that agencies' own names and news copy disagree on.
_SPELLING: tuple[tuple[str, str], ...] = (
    ("centre", "center"),
    ("organis", "organiz"),
    ("defence", "defense"),
)


def normalize_name(text: str, *, operation: bool = False) -> str:
    """Reduce a name to the key that variants of it share.

    Only differences of spelling and typography go; words stay. Abbreviation expansion and
    fuzzy similarity are deliberately absent: "National Crime Agency" and "National Criminal
    Investigation Service" are different bodies however similar they look, and "Silk Road" is
    not "Silk Road 2.0". Aliases carry the variants that spelling cannot.

    ``operation`` additionally drops a leading "operation " (FORMAT.md names operations without
    the word, the articles mostly with it).
    """
    s = unicodedata.normalize("NFKC", text).casefold().translate(QUOTES)
    s = re.sub(r"\s+", " ", s).strip(_OUTER)
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"'s$", "", s).strip(_OUTER)
    if operation:
        s = re.sub(r"^operation\s+", "", s)
    s = s.replace("&", " and ")
    s = _DOT.sub("", s)
    for british, american in _SPELLING:
        s = s.replace(british, american)
    return _JOINERS.sub("", s).strip(_OUTER)


_UNIT_ALIASES: dict[str, str] = {
    "kilogram": "kg",
    "kilograms": "kg",
    "kgs": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "gram": "g",
    "grams": "g",
    "gr": "g",
    "milligram": "mg",
    "milligrams": "mg",
    "lbs": "lb",
    "pound": "lb",
    "pounds": "lb",
    "ounce": "oz",
    "ounces": "oz",
    "tonne": "t",
    "tonnes": "t",
    "metric ton": "t",
    "metric tons": "t",
    "pills": "pill",
    "tablet": "pill",
    "tablets": "pill",
    "years": "year",
    "months": "month",
    "days": "day",
    "%": "percent",
    "per cent": "percent",
}


def normalize_unit(unit: str | None) -> str:
    """Canonical unit symbol: masses to FORMAT.md's symbols, currency codes case-insensitive."""
    u = unicodedata.normalize("NFKC", unit or "").strip().casefold()
    return _UNIT_ALIASES.get(u, u)


def values_agree(a: float, unit_a: str | None, b: float, unit_b: str | None) -> bool:
    """Whether two quantities state the same amount.

    Units must be equal, except that masses convert ("850 kg" equals "1873.9 lb"). Values agree
    within :data:`REL_TOLERANCE`; without a conversion, two integral values below
    :data:`EXACT_BELOW` must be equal, because there a near miss is a different fact (287 vs 288
    arrests), not a rounding.
    """
    a, b = float(a), float(b)
    ua, ub = normalize_unit(unit_a), normalize_unit(unit_b)
    if not (math.isfinite(a) and math.isfinite(b)):
        return False
    if ua == ub:
        if a == b:
            return True
        if a.is_integer() and b.is_integer() and max(abs(a), abs(b)) < EXACT_BELOW:
            return False
        return abs(a - b) <= REL_TOLERANCE * max(abs(a), abs(b))
    if ua in KG_PER_UNIT and ub in KG_PER_UNIT:
        ka, kb = a * KG_PER_UNIT[ua], b * KG_PER_UNIT[ub]
        return abs(ka - kb) <= REL_TOLERANCE * max(abs(ka), abs(kb))
    return False


# --------------------------------------------------------------------------------------------
# One-to-one matching
# --------------------------------------------------------------------------------------------


def max_weight_matching(
    n_left: int, n_right: int, weight: Callable[[int, int], int]
) -> list[tuple[int, int]]:
    """Maximum-weight bipartite matching over integer weights; ``weight <= 0`` means no edge.

    The Hungarian algorithm (Kuhn-Munkres with potentials, O(n^2 m)) on the tiny per-article
    graphs. Callers that want "as many pairs as possible, then the best-agreeing ones" give
    every edge a base weight larger than the sum of all tie-break bonuses, which makes every
    maximum-weight matching a maximum-cardinality one. Ties resolve deterministically by input
    order. Returns sorted (left, right) pairs.
    """
    if n_left == 0 or n_right == 0:
        return []
    transpose = n_left > n_right
    rows, cols = (n_right, n_left) if transpose else (n_left, n_right)

    def w(i: int, j: int) -> int:
        return max(0, weight(j, i) if transpose else weight(i, j))

    cost = [[-w(i, j) for j in range(cols)] for i in range(rows)]
    inf = 1 << 62
    u = [0] * (rows + 1)
    v = [0] * (cols + 1)
    p = [0] * (cols + 1)  # p[j]: row (1-based) assigned to column j; 0 = free
    way = [0] * (cols + 1)
    for i in range(1, rows + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, cols + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(cols + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs: list[tuple[int, int]] = []
    for j in range(1, cols + 1):
        i = p[j]
        if i and cost[i - 1][j - 1] < 0:  # an assignment over a non-edge is "unmatched"
            pairs.append((j - 1, i - 1) if transpose else (i - 1, j - 1))
    return sorted(pairs)


def _match(
    gold: Sequence[Any],
    predicted: Sequence[Any],
    edge: Callable[[Any, Any], bool],
    bonus: Callable[[Any, Any], int],
    max_bonus: int,
) -> list[tuple[int, int]]:
    """Maximum one-to-one matching along ``edge``, then maximal total ``bonus`` among those."""
    base = max_bonus * min(len(gold), len(predicted)) + 1

    def weight(i: int, j: int) -> int:
        g, p = gold[i], predicted[j]
        return base + bonus(g, p) if edge(g, p) else 0

    return max_weight_matching(len(gold), len(predicted), weight)


def _tally(
    gold: Sequence[Any],
    predicted: Sequence[Any],
    pairs: Sequence[tuple[int, int]],
    show: Callable[[Any], Fact],
) -> tuple[Counts, list[Fact], list[Fact]]:
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    missed = [show(g) for i, g in enumerate(gold) if i not in matched_g]
    spurious = [show(p) for j, p in enumerate(predicted) if j not in matched_p]
    return Counts(len(pairs), len(spurious), len(missed)), missed, spurious


# --------------------------------------------------------------------------------------------
# Per-field fact extraction
# --------------------------------------------------------------------------------------------


@dataclass
class _EntityFact:
    name: str
    aliases: list[str]
    keys: set[str]
    canonical: str


def _entity_facts(items: Iterable[Any], *, operation: bool) -> list[_EntityFact]:
    """Entities as facts: entries sharing a normalized form merge (a repeat is not a new fact).

    Merging is transitive (union-find over shared forms). A merged fact keeps its first entry's
    name for reports and the union of every form, in input order.
    """
    entries: list[tuple[str, list[str], set[str]]] = []
    for item in items or ():
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, Mapping):
            continue
        name = str(item.get("name") or "")
        aliases = [str(a) for a in item.get("aliases") or () if a]
        forms = [name, *aliases]
        if item.get("acronym"):
            forms.append(str(item["acronym"]))
        keys = {k for k in (normalize_name(f, operation=operation) for f in forms) if k}
        if keys:
            entries.append((name, [f for f in forms[1:] if f], keys))

    parent = list(range(len(entries)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, (_, _, keys) in enumerate(entries):
        for k in sorted(keys):
            if k in owner:
                a, b = find(i), find(owner[k])
                parent[max(a, b)] = min(a, b)  # the earliest entry stays the root
            else:
                owner[k] = i

    facts: dict[int, _EntityFact] = {}
    for i, (name, aliases, keys) in enumerate(entries):
        root = find(i)
        if root not in facts:
            facts[root] = _EntityFact(name, [], set(), normalize_name(name, operation=operation))
        fact = facts[root]
        fact.keys |= keys
        for form in ([name] if i != root else []) + aliases:
            if form and form != fact.name and form not in fact.aliases:
                fact.aliases.append(form)
    return [facts[r] for r in sorted(facts)]


def _show_entity(fact: _EntityFact) -> dict[str, Any]:
    return {"name": fact.name, "aliases": list(fact.aliases)}


def _score_entities(
    gold: Any, predicted: Any, *, operation: bool
) -> tuple[Counts, list[Fact], list[Fact]]:
    g = _entity_facts(gold, operation=operation)
    p = _entity_facts(predicted, operation=operation)
    pairs = _match(
        g,
        p,
        edge=lambda a, b: bool(a.keys & b.keys),
        bonus=lambda a, b: int(a.canonical == b.canonical),
        max_bonus=1,
    )
    return _tally(g, p, pairs, _show_entity)


def _score_strings(
    gold: Iterable[str], predicted: Iterable[str], key: Callable[[str], str]
) -> tuple[Counts, list[Fact], list[Fact]]:
    """Set comparison under ``key``; reports show the first original spelling of each key."""

    def firsts(items: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for s in items:
            k = key(s)
            if k:
                out.setdefault(k, s)
        return out

    g, p = firsts(gold), firsts(predicted)
    missed: list[Fact] = [s for k, s in g.items() if k not in p]
    spurious: list[Fact] = [s for k, s in p.items() if k not in g]
    return Counts(len(g) - len(missed), len(spurious), len(missed)), missed, spurious


def _country_strings(items: Any) -> list[str]:
    out: list[str] = []
    for item in items or ():
        if isinstance(item, Mapping):
            item = item.get("name")
        if item:
            out.append(str(item))
    return out


@dataclass
class _FigureFact:
    kind: str | None
    value: float
    unit: str
    substance: str | None
    country: str | None
    text: str | None
    alternatives: list[tuple[float, str]]  # equivalents: (value, unit)


def _as_float(value: Any) -> float | None:
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def _span(item: Mapping[str, Any]) -> tuple[int, int] | None:
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int):
        return start, end
    return None


def _is_restatement(fig: Mapping[str, Any], others: Iterable[Mapping[str, Any]]) -> bool:
    """Whether ``fig`` merely restates another figure: its span lies inside an equivalent.

    An extractor may emit "(approximately 317 pounds)" both as an equivalent of "144 kg" and as
    a figure of its own; the article states one fact. Without offsets (hand-written records),
    the same text and amount as an equivalent is taken as the same restatement.
    """
    span = _span(fig)
    value = _as_float(fig.get("value"))
    for other in others:
        if other is fig:
            continue
        for eq in other.get("equivalents") or ():
            eq_span = _span(eq)
            if span is not None and eq_span is not None:
                if eq_span[0] <= span[0] and span[1] <= eq_span[1]:
                    return True
            elif (
                fig.get("text")
                and fig.get("text") == eq.get("text")
                and value is not None
                and (eq_value := _as_float(eq.get("value"))) is not None
                and values_agree(value, fig.get("unit"), eq_value, eq.get("unit"))
            ):
                return True
    return False


def _opt_key(text: Any, *, name: bool = False) -> str | None:
    if not text:
        return None
    return normalize_name(str(text)) if name else str(text).strip().casefold()


def _figure_facts(items: Any) -> list[_FigureFact]:
    """Figures as facts: restatements dropped, exact repeats (same kind, amount, unit,
    substance, country) merged into one."""
    figs = [f for f in items or () if isinstance(f, Mapping)]
    facts: list[_FigureFact] = []
    seen: dict[tuple[Any, ...], _FigureFact] = {}
    for fig in figs:
        value = _as_float(fig.get("value"))
        if value is None or _is_restatement(fig, figs):
            continue
        unit = normalize_unit(fig.get("unit"))
        alternatives: list[tuple[float, str]] = []
        for eq in fig.get("equivalents") or ():
            eq_value = _as_float(eq.get("value")) if isinstance(eq, Mapping) else None
            if eq_value is not None:
                alternatives.append((eq_value, normalize_unit(eq.get("unit"))))
        upper = _as_float(fig.get("value_max"))
        if upper is not None:  # a range states its upper bound too ("eight to 23 years")
            alternatives.append((upper, unit))
        kind = fig.get("kind")
        substance = fig.get("substance")
        country = fig.get("country")
        key = (
            kind,
            value,
            unit,
            _opt_key(substance),
            _opt_key(country, name=True),
        )
        if key in seen:
            seen[key].alternatives += [a for a in alternatives if a not in seen[key].alternatives]
            continue
        fact = _FigureFact(kind, value, unit, substance, country, fig.get("text"), alternatives)
        seen[key] = fact
        facts.append(fact)
    return facts


def _figure_edge(g: _FigureFact, p: _FigureFact) -> bool:
    g_amounts = [(g.value, g.unit), *g.alternatives]
    p_amounts = [(p.value, p.unit), *p.alternatives]
    return any(values_agree(a, ua, b, ub) for a, ua in g_amounts for b, ub in p_amounts)


def _figure_bonus(g: _FigureFact, p: _FigureFact) -> int:
    """Tie-breaks among equally large matchings: agreeing attributes, then a direct statement.

    This keeps the pairing stable where it matters for error reports: one predicted "1 arrest
    in Brazil" against gold arrests of 1 in Poland and 1 in Brazil pairs with Brazil.
    """
    return (
        int(g.kind == p.kind)
        + int(_opt_key(g.substance) == _opt_key(p.substance))
        + int(_opt_key(g.country, name=True) == _opt_key(p.country, name=True))
        + int(values_agree(g.value, g.unit, p.value, p.unit))
    )


def _show_figure(fact: _FigureFact) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": fact.kind, "value": fact.value, "unit": fact.unit}
    if fact.value.is_integer():
        out["value"] = int(fact.value)
    if fact.substance:
        out["substance"] = fact.substance
    if fact.country:
        out["country"] = fact.country
    if fact.text:
        out["text"] = fact.text
    return out


def _score_figures(
    gold: list[_FigureFact], predicted: list[_FigureFact], *, by_kind: bool
) -> tuple[Counts, list[Fact], list[Fact]]:
    def edge(g: _FigureFact, p: _FigureFact) -> bool:
        return (not by_kind or g.kind == p.kind) and _figure_edge(g, p)

    pairs = _match(gold, predicted, edge=edge, bonus=_figure_bonus, max_bonus=4)
    return _tally(gold, predicted, pairs, _show_figure)


def _date_values(items: Any) -> list[str]:
    out: list[str] = []
    for item in items or ():
        value = item.get("value") if isinstance(item, Mapping) else item
        if value:
            out.append(str(value))
    return out


def _score_published(gold: Any, predicted: Any) -> tuple[Counts, list[Fact], list[Fact]]:
    g = str(gold).strip() if gold else None
    p = str(predicted).strip() if predicted else None
    if g is None and p is None:
        return Counts(), [], []
    if g == p:
        return Counts(tp=1), [], []
    missed: list[Fact] = [g] if g is not None else []
    spurious: list[Fact] = [p] if p is not None else []
    return Counts(fp=len(spurious), fn=len(missed)), missed, spurious


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def article_key(name: Any) -> str:
    """The name articles are paired by: the file name, whatever directory a record recorded."""
    return PurePath(str(name or "")).name


def score_article(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> ArticleScore:
    """Score one predicted record against one gold file, field by field (see module doc)."""
    results: dict[str, tuple[Counts, list[Fact], list[Fact]]] = {}
    for name in ENTITY_FIELDS:
        results[name] = _score_entities(
            gold.get(name), predicted.get(name), operation=name == "operations"
        )
    results["countries"] = _score_strings(
        _country_strings(gold.get("countries")),
        _country_strings(predicted.get("countries")),
        normalize_name,
    )
    g_figs = _figure_facts(gold.get("figures"))
    p_figs = _figure_facts(predicted.get("figures"))
    results["figures"] = _score_figures(g_figs, p_figs, by_kind=False)
    results["figures_kind"] = _score_figures(g_figs, p_figs, by_kind=True)
    results["dates"] = _score_strings(
        _date_values(gold.get("dates")), _date_values(predicted.get("dates")), str.strip
    )
    results["published"] = _score_published(gold.get("published"), predicted.get("published"))
    return ArticleScore(
        article=article_key(gold.get("article") or predicted.get("article")),
        counts={f: results[f][0] for f in FIELDS},
        missed={f: results[f][1] for f in FIELDS},
        spurious={f: results[f][2] for f in FIELDS},
    )


def _canonical_clusters(clusters: Any, *, operation: bool) -> list[set[str]]:
    """Clusters merged by normalized canonical name, as sets of article file names."""
    merged: dict[str, set[str]] = {}
    for i, cluster in enumerate(clusters or ()):
        if not isinstance(cluster, Mapping):
            continue
        name = normalize_name(str(cluster.get("name") or ""), operation=operation)
        articles = {article_key(a) for a in cluster.get("articles") or () if a}
        merged.setdefault(name or f"\0unnamed{i}", set()).update(articles)
    return list(merged.values())


def _pair_multiset(clusters: list[set[str]]) -> Counter[tuple[str, str]]:
    pairs: Counter[tuple[str, str]] = Counter()
    for articles in clusters:
        pairs.update(combinations(sorted(articles), 2))
    return pairs


def score_corpus(
    gold_corpus: Mapping[str, Any], predicted_corpus: Mapping[str, Any]
) -> dict[str, Counts]:
    """Pairwise cross-article link scores per entity type, plus their sum.

    Definition. For each entity type ``T`` listed in the gold corpus (a list-valued key; types
    only the prediction has are not annotated, so not scored):

    1. Clusters on each side are first made canonical: clusters whose names normalize equally
       (:func:`normalize_name`, with "operation " stripped for operations) are one cluster with
       the union of their articles; article names compare by file name.
    2. A canonical cluster with articles ``A`` links every unordered pair ``{a, b}`` of distinct
       articles in ``A``, once. The links of a side form a multiset: ``g(p)`` (gold) and ``q(p)``
       (predicted) count the canonical clusters of type ``T`` that link pair ``p``. A pair can
       thus count more than once -- articles 000 and 002 share both the FBI and the DOJ, two
       links -- but never twice for the same canonical cluster.
    3. ``TP = sum_p min(g(p), q(p))``, ``FP = sum_p q(p) - TP``, ``FN = sum_p g(p) - TP``.
       Predicted clusters are never matched to gold clusters by name; only how many links each
       article pair receives matters. A prediction that fuses FBI and DOJ into one cluster
       earns one TP and one FN for each of their shared pairs.

    Keys are ``corpus_<type>`` in :data:`FIELDS` order (other types after, sorted), then
    ``corpus_micro``, the sum over types.
    """
    order = {f: i for i, f in enumerate(FIELDS)}
    types = sorted(
        (t for t, v in gold_corpus.items() if isinstance(v, list)),
        key=lambda t: (order.get(t, len(order)), t),
    )
    out: dict[str, Counts] = {}
    for t in types:
        operation = t == "operations"
        g = _pair_multiset(_canonical_clusters(gold_corpus.get(t), operation=operation))
        p = _pair_multiset(_canonical_clusters(predicted_corpus.get(t), operation=operation))
        tp = sum((g & p).values())
        out[f"corpus_{t}"] = Counts(tp, sum(p.values()) - tp, sum(g.values()) - tp)
    out["corpus_micro"] = _sum_counts(out.values())
    return out


def score(
    golds: list[dict[str, Any]],
    predicted: list[dict[str, Any]],
    gold_corpus: dict[str, Any] | None = None,
    predicted_corpus: dict[str, Any] | None = None,
) -> Report:
    """Score a run: records pair with gold files by article file name.

    A gold article without a prediction scores against an empty record (everything missed); a
    prediction without gold is skipped, since nothing says what it should have found. Corpus
    link scores are computed whenever a gold corpus is given (a missing predicted corpus links
    nothing). Two gold files, or two records, for one article are an error, not a guess.
    """
    by_article: dict[str, dict[str, Any]] = {}
    for record in predicted:
        key = article_key(record.get("article"))
        if key in by_article:
            raise ValueError(f"two predicted records for article {key!r}")
        by_article[key] = record
    seen: set[str] = set()
    articles: list[ArticleScore] = []
    for gold in golds:
        key = article_key(gold.get("article"))
        if key in seen:
            raise ValueError(f"two gold files for article {key!r}")
        seen.add(key)
        articles.append(score_article(gold, by_article.get(key, {"article": key})))
    articles.sort(key=lambda a: a.article)
    fields = {f: _sum_counts(a.counts[f] for a in articles) for f in FIELDS}
    corpus = None
    if gold_corpus is not None:
        corpus = score_corpus(gold_corpus, predicted_corpus or {})
    return Report(
        fields=fields,
        micro=_sum_counts(fields.values()),
        articles=articles,
        corpus=corpus,
    )


__all__ = [
    "ENTITY_FIELDS",
    "FIELDS",
    "ArticleScore",
    "Counts",
    "Report",
    "article_key",
    "max_weight_matching",
    "normalize_name",
    "normalize_unit",
    "score",
    "score_article",
    "score_corpus",
    "values_agree",
]
