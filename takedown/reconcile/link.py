"""Across articles: local entities -> clusters, by evidence from strongest to weakest.

The unit of work is the **node**: local entities of one type that share a name key (exact
identity after normalization), split where their attributes disagree (different gazetteer
entries, countries, or -- for markets and operations -- years far apart). Deduplicating to
nodes first means rapidfuzz scores each distinct name once, however many mentions it has.

Nodes then merge in five passes, each recording why:

1. **gazetteer** -- the same gazetteer entry. The entry's well-known forms join as extra
   (mention-less) nodes, so a pattern-found "US Justice Department" can meet them in pass 3.
2. **same_form** -- a name one node uses as an alias is another node's name.
3. **fuzzy** -- candidates only from blocks (:func:`names.block_keys`), scored inside each
   block with ``rapidfuzz.process.cdist(score_cutoff=...)`` and the type's scorer, vetoed
   by the token tests of :func:`names.veto`, then merged best score first. A merge must also
   pass between the two clusters' representatives (their most-mentioned names): a typo of a
   typo cannot chain "National Crime Agency" to "National Criminal Agency Service".
4. **acronyms** -- a bare acronym joins the one cluster that defines it in some article (or
   in the gazetteer), else the one cluster whose name has it as initials; with two or more
   candidates it stays alone and says so.
5. **surnames** -- a bare surname joins the one person cluster with that surname.

Every merge checks the clusters' attributes (gazetteer id, country, years), so no bridge can
pull two entries of the gazetteer, or two countries' "National Police", together. Input is
sorted before any of this, so the result does not depend on input order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from takedown.reconcile.config import ReconcileConfig
from takedown.reconcile.gazetteer import Gazetteer
from takedown.reconcile.local import LocalEntity, misfit
from takedown.reconcile.names import (
    block_keys,
    core_tokens,
    edited,
    initials,
    is_acronym,
    tokens,
    veto,
)

Scorer = Callable[..., float]

#: Scorers per type; a pair's score is the best of them. An order-keeping scorer (``ratio``)
#: beside an order-free one: ``token_sort_ratio`` alone re-sorts words, so one typo in a
#: word's first letters ("Drectorate") moves it and collapses the score, while ``ratio``
#: alone misses reordered words ("Justice Department" / "Department of Justice") and, for
#: persons, an added middle name (``token_set_ratio``).
SCORERS: dict[str, tuple[Scorer, ...]] = {
    "agency": (fuzz.ratio, fuzz.token_sort_ratio),
    "marketplace": (fuzz.ratio,),
    "operation": (fuzz.ratio,),
    "person": (fuzz.ratio, fuzz.token_set_ratio),
}


def best_score(scorers: tuple[Scorer, ...], a: str, b: str) -> float:
    """The best score of ``scorers`` for one pair."""
    return max(float(sc(a, b)) for sc in scorers)


DATED: frozenset[str] = frozenset({"marketplace", "operation"})


@dataclass(slots=True)
class Node:
    """Local entities of one type sharing a name key and compatible attributes."""

    type: str
    key: str
    les: list[int]
    toks: tuple[str, ...]
    core: str
    gaz: str | None
    country: str | None
    years: tuple[int, int] | None  # strong (dated-near-mention) years, for markets/operations
    count: int
    acronym_only: bool
    alias_keys: tuple[str, ...] = ()
    frozen: str | None = None
    virtual: bool = False
    display: str = ""
    articles: int = 0


@dataclass(slots=True)
class Event:
    """One merge: ``b``'s cluster joined ``a``'s because of ``rule``."""

    a: int
    b: int
    rule: str
    score: float | None = None
    detail: str = ""


@dataclass
class Linking:
    """The outcome for one type: nodes, their cluster roots, and the merges that made them."""

    type: str
    nodes: list[Node]
    root: list[int]
    events: list[Event]
    notes: dict[int, list[str]] = field(default_factory=dict)  # root -> notes
    stats: dict[str, int] = field(default_factory=dict)


class _Clusters:
    """Union-find over nodes with the attributes a merge must agree on, kept at the roots."""

    def __init__(self, nodes: list[Node], gaz: Gazetteer, cfg: ReconcileConfig) -> None:
        self.nodes = nodes
        self.parent = list(range(len(nodes)))
        self.gaz_ids: list[str | None] = [n.gaz for n in nodes]
        self.country: list[str | None] = [n.country for n in nodes]
        self.years: list[tuple[int, int] | None] = []
        for n in nodes:
            entry = gaz.get(n.type, n.gaz)
            self.years.append(entry.era if entry and entry.era else n.years)
        self.rep: list[int] = list(range(len(nodes)))
        self.size: list[int] = [n.count for n in nodes]
        self.articles: list[int] = [n.articles for n in nodes]
        self.cfg = cfg

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def conflict(self, ra: int, rb: int) -> str | None:
        ga, gb = self.gaz_ids[ra], self.gaz_ids[rb]
        if ga and gb and ga != gb:
            return f"different gazetteer entries ({ga}, {gb})"
        ca, cb = self.country[ra], self.country[rb]
        if ca and cb and ca != cb:
            return f"different countries ({ca}, {cb})"
        ya, yb = self.years[ra], self.years[rb]
        if ya and yb and self.nodes[ra].type in DATED:
            gap = max(ya[0] - yb[1], yb[0] - ya[1], 0)
            if gap > self.cfg.homonym_year_gap:
                return f"dated {ya[0]}-{ya[1]} vs {yb[0]}-{yb[1]}"
        return None

    def union(self, ra: int, rb: int) -> int:
        """Merge two roots; the smaller index stays root (stable under input order)."""
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.gaz_ids[ra] = self.gaz_ids[ra] or self.gaz_ids[rb]
        self.country[ra] = self.country[ra] or self.country[rb]
        ya, yb = self.years[ra], self.years[rb]
        if ya and yb:
            self.years[ra] = (min(ya[0], yb[0]), max(ya[1], yb[1]))
        else:
            self.years[ra] = ya or yb
        na, nb = self.rep[ra], self.rep[rb]
        if (self.nodes[nb].count, -nb) > (self.nodes[na].count, -na):
            self.rep[ra] = nb
        self.size[ra] += self.size[rb]
        self.articles[ra] += self.articles[rb]
        return ra


# --------------------------------------------------------------------------------------------
# Nodes
# --------------------------------------------------------------------------------------------


def _years_interval(les: Sequence[LocalEntity]) -> tuple[int, int] | None:
    ys = [y for le in les if le.era_level == 2 for y in le.era_years]
    return (min(ys), max(ys)) if ys else None


def _partition(
    members: list[int], les: Sequence[LocalEntity], gaz: Gazetteer, cfg: ReconcileConfig
) -> list[tuple[list[int], str | None]]:
    """Split local entities sharing a name key where attributes say they differ.

    Entities with a gazetteer id anchor groups; others join the only group they are
    compatible with (country, years), form their own groups when none fits, and stay alone,
    frozen, when several fit (evidence too thin to choose).
    """
    etype = les[members[0]].type
    out: list[tuple[list[int], str | None]] = []
    anchors: dict[str, list[int]] = {}
    free: list[int] = []
    for i in members:
        le = les[i]
        if le.ambiguous:
            out.append(([i], "; ".join(le.notes) or "ambiguous name"))
        elif le.weak:
            out.append(([i], f"generic name {le.name!r} is not linked across articles"))
        elif le.gaz:
            anchors.setdefault(le.gaz, []).append(i)
        else:
            free.append(i)

    def era_of_group(ids: list[int], gid: str | None) -> tuple[int, int] | None:
        entry = gaz.get(etype, gid)
        if entry and entry.era:
            return entry.era
        return _years_interval([les[j] for j in ids])

    def fits(i: int, ids: list[int], gid: str | None) -> bool:
        le = les[i]
        country = (
            les[ids[0]].country
            if gid
            else next((les[j].country for j in ids if les[j].country), None)
        )
        if le.country and country and le.country != country:
            return False
        if etype in DATED and le.era_level == 2:
            era = era_of_group(ids, gid)
            if era is not None:
                entry = gaz.get(etype, gid)
                if entry and entry.era:
                    return misfit(le.era_years, era) <= cfg.homonym_fit_years
                gap = max(era[0] - max(le.era_years), min(le.era_years) - era[1], 0)
                return gap <= cfg.homonym_year_gap
        return True

    groups = [(ids, gid) for gid, ids in sorted(anchors.items())]
    rest: list[int] = []
    for i in free:
        ok = [g for g in groups if fits(i, g[0], g[1])]
        if len(ok) == 1:
            ok[0][0].append(i)
        elif not ok:
            rest.append(i)
        else:
            names = ", ".join(g[1] or "?" for g in ok)
            out.append(([i], f"{les[i].name!r} fits several entries ({names}): evidence too thin"))
    # Entities without gazetteer ids: by country, then (markets, operations) by years.
    by_country: dict[str | None, list[int]] = {}
    for i in rest:
        by_country.setdefault(les[i].country, []).append(i)
    countries = sorted(c for c in by_country if c)
    unknown = by_country.pop(None, [])
    if unknown and len(countries) == 1:
        by_country[countries[0]].extend(unknown)
    elif unknown and countries:
        for i in unknown:
            out.append(
                (
                    [i],
                    f"{les[i].name!r} names bodies of {', '.join(countries)}: no country to choose",
                )
            )
    elif unknown:
        by_country[None] = unknown
    for _c, ids in sorted(by_country.items(), key=lambda kv: kv[0] or ""):
        if etype not in DATED:
            groups.append((sorted(ids), None))
            continue
        dated = sorted((i for i in ids if les[i].era_level == 2), key=lambda i: les[i].era_years)
        undated = [i for i in ids if les[i].era_level != 2]
        eras: list[list[int]] = []
        hi = None
        for i in dated:
            lo_i, hi_i = min(les[i].era_years), max(les[i].era_years)
            if eras and hi is not None and lo_i - hi <= cfg.homonym_year_gap:
                eras[-1].append(i)
                hi = max(hi, hi_i)
            else:
                eras.append([i])
                hi = hi_i
        if len(eras) <= 1:
            groups.append((sorted((eras[0] if eras else []) + undated), None))
        else:
            spans = [
                (
                    min(y for i in e for y in les[i].era_years),
                    max(y for i in e for y in les[i].era_years),
                )
                for e in eras
            ]
            for i in undated:
                # No date near the mention: the article's own date (or its operation's) may
                # still fit exactly one of the dated groups.
                ys = les[i].era_years
                fit = [
                    k
                    for k, (lo, hi) in enumerate(spans)
                    if ys and max(lo - max(ys), min(ys) - hi, 0) <= cfg.homonym_year_gap
                ]
                if len(fit) == 1:
                    eras[fit[0]].append(i)
                    continue
                shown = ", ".join(f"{lo}-{hi}" for lo, hi in spans)
                out.append(
                    (
                        [i],
                        f"{les[i].name!r}: same name used for things dated {shown}; this "
                        f"mention has no date near it and its article's date "
                        f"({_years_text(ys)}) fits {'both' if fit else 'neither'}: "
                        "evidence too thin",
                    )
                )
            for e in eras:
                groups.append((sorted(e), None))
    out.extend((sorted(ids), None) for ids, _ in groups if ids)
    return out


def _group_gaz(members: list[int], les: Sequence[LocalEntity]) -> str | None:
    """A node's gazetteer id: its members' (the partition gave a node at most one)."""
    return next((les[i].gaz for i in members if les[i].gaz), None)


def _years_text(years: Sequence[int]) -> str:
    if not years:
        return "undated"
    return str(min(years)) if min(years) == max(years) else f"{min(years)}-{max(years)}"


def build_nodes(
    les: Sequence[LocalEntity], indices: list[int], gaz: Gazetteer, cfg: ReconcileConfig
) -> list[Node]:
    """Nodes of one type, in a deterministic order (by key, then first member)."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i in indices:
        le = les[i]
        by_key[("#" + le.key) if le.acronym_only else le.key].append(i)
    nodes: list[Node] = []
    for key in sorted(by_key):
        for members, frozen in _partition(by_key[key], les, gaz, cfg):
            ms = [les[i] for i in members]
            first = ms[0]
            etype = first.type
            core = core_tokens(first.toks, etype)
            names: dict[str, int] = defaultdict(int)
            for le in ms:
                names[le.name] += 1
            display = min(names, key=lambda n: (-names[n], -len(n), n))
            alias: set[str] = set()
            for le in ms:
                alias.update(le.alias_keys)
            alias.discard(first.key)
            nodes.append(
                Node(
                    type=etype,
                    key=key,
                    les=members,
                    toks=core,
                    core=" ".join(core),
                    gaz=_group_gaz(members, les),
                    country=next((le.country for le in ms if le.country), None),
                    years=_years_interval(ms) if etype in DATED else None,
                    count=sum(max(len(le.mentions), 1) for le in ms),
                    acronym_only=first.acronym_only,
                    alias_keys=tuple(sorted(alias)),
                    frozen=frozen,
                    display=display,
                    articles=len({le.article for le in ms}),
                )
            )
    return nodes


def _virtual_nodes(nodes: list[Node], etype: str, gaz: Gazetteer) -> list[Node]:
    """The gazetteer's other forms of every entry present, as mention-less nodes."""
    have: dict[str, set[str]] = defaultdict(set)
    for n in nodes:
        if n.gaz:
            have[n.gaz].add(n.key)
            have[n.gaz].update(n.alias_keys)
    out: list[Node] = []
    for gid in sorted(have):
        entry = gaz.get(etype, gid)
        if entry is None:
            continue
        for form in sorted({entry.name, *entry.forms}):
            if etype == "agency" and is_acronym(form):
                continue
            toks = tokens(form, etype)
            key = "".join(toks)
            if not key or key in have[gid] or key in gaz.weak_keys:
                continue
            have[gid].add(key)
            core = core_tokens(toks, etype)
            out.append(
                Node(
                    type=etype,
                    key=key,
                    les=[],
                    toks=core,
                    core=" ".join(core),
                    gaz=gid,
                    country=entry.country,
                    years=None,
                    count=0,
                    acronym_only=False,
                    virtual=True,
                    display=form,
                )
            )
    return out


# --------------------------------------------------------------------------------------------
# Fuzzy candidates
# --------------------------------------------------------------------------------------------


def _length_bound(cutoff: float) -> float:
    """Longest/shortest length ratio at which a ratio-type score can still reach ``cutoff``."""
    c = max(min(cutoff, 100.0), 1.0)
    return (200.0 - c) / c


def edit_limit(a: str, b: str) -> int:
    """Edits two coined names may differ by and still be one name: one (two from ten letters
    on), none below five letters. ``ratio`` charges a transposition twice ("Prteen" vs
    "Preten" scores 83), so short names need this second test."""
    n = min(len(a), len(b))
    return 0 if n < 5 else (1 if n < 10 else 2)


def similar(etype: str, a: str, b: str, cutoff: float) -> bool:
    """The candidate test of one pair, as blocks apply it (used again between clusters)."""
    if best_score(SCORERS[etype], a, b) >= cutoff:
        return True
    if etype in DATED:
        lim = edit_limit(a, b)
        return lim > 0 and OSA.distance(a, b, score_cutoff=lim) <= lim
    return False


def _cdist(
    queries: list[str],
    choices: list[str],
    scorers: tuple[Scorer, ...],
    cutoff: float,
    workers: int,
    edits: bool,
) -> np.ndarray:
    """Scores of every query/choice pair; 0 below the cutoff. With ``edits``, pairs within
    :func:`edit_limit` edits count too, at their ``ratio`` score (never 0)."""
    mat = None
    for sc in scorers:
        m = process.cdist(
            queries, choices, scorer=sc, score_cutoff=cutoff, dtype=np.uint8, workers=workers
        )
        mat = m if mat is None else np.maximum(mat, m)
    assert mat is not None
    if edits:
        dist = process.cdist(
            queries,
            choices,
            scorer=OSA.distance,
            score_cutoff=2,
            dtype=np.uint8,
            workers=workers,
        )
        for i, j in zip(*np.nonzero((dist <= 2) & (mat == 0)), strict=True):
            a, b = queries[int(i)], choices[int(j)]
            if dist[i, j] <= edit_limit(a, b):
                mat[i, j] = max(1, int(fuzz.ratio(a, b)))
    return mat


def _block_pairs(
    members: list[int],
    strings: list[str],
    scorers: tuple[Scorer, ...],
    cutoff: float,
    cfg: ReconcileConfig,
    edits: bool = False,
) -> list[tuple[int, int, int]]:
    """(node, node, score) for every pair of one block that passes :func:`similar`."""
    out: list[tuple[int, int, int]] = []
    n = len(members)
    if n < 2:
        return out
    workers = cfg.workers if n >= 64 else 1
    if n <= cfg.max_block:
        mat = _cdist(strings, strings, scorers, cutoff, workers, edits)
        ii, jj = np.nonzero(np.triu(mat, 1))
        for i, j, s in zip(ii.tolist(), jj.tolist(), mat[ii, jj].tolist(), strict=True):
            out.append((members[i], members[j], s))
        return out
    # A huge block: windows of similar length, since a score can only reach the cutoff
    # between strings whose lengths are within _length_bound of each other.
    order = sorted(range(n), key=lambda k: (len(strings[k]), k))
    lengths = [len(strings[k]) for k in order]
    bound = float("inf") if fuzz.token_set_ratio in scorers else _length_bound(cutoff)
    step = max(cfg.max_block // 2, 1)
    for lo in range(0, n, step):
        hi = min(lo + step, n)
        max_len = max(lengths[hi - 1] * bound, lengths[hi - 1] + 2) + 1
        end = hi
        while end < n and lengths[end] <= max_len:
            end += 1
        queries = [strings[order[k]] for k in range(lo, hi)]
        choices = [strings[order[k]] for k in range(lo, end)]
        mat = _cdist(queries, choices, scorers, cutoff, cfg.workers, edits)
        ii, jj = np.nonzero(mat)
        for i, j, s in zip(ii.tolist(), jj.tolist(), mat[ii, jj].tolist(), strict=True):
            if j > i:  # choices start at the same offset as queries: upper triangle only
                out.append((members[order[lo + i]], members[order[lo + j]], s))
    return out


def fuzzy_candidates(
    nodes: list[Node], eligible: list[int], etype: str, cfg: ReconcileConfig
) -> tuple[dict[tuple[int, int], int], dict[str, int]]:
    """Scored candidate pairs (a < b) from blocking, before vetoes."""
    scorers = SCORERS[etype]
    cutoff = float(getattr(cfg, f"cutoff_{etype}"))
    blocks: dict[str, list[int]] = defaultdict(list)
    for i in eligible:
        node = nodes[i]
        for bk in block_keys(node.toks, node.key, etype):
            blocks[bk].append(i)
    pairs: dict[tuple[int, int], int] = {}
    compared = 0
    largest = 0
    for bk in sorted(blocks):
        members = blocks[bk]
        if len(members) < 2:
            continue
        largest = max(largest, len(members))
        compared += len(members) * (len(members) - 1) // 2
        strings = [nodes[i].key if etype in DATED else nodes[i].core for i in members]
        for a, b, s in _block_pairs(members, strings, scorers, cutoff, cfg, etype in DATED):
            if a > b:
                a, b = b, a
            if a != b:
                pairs[(a, b)] = max(pairs.get((a, b), 0), s)
    return pairs, {"blocks": len(blocks), "largest_block": largest, "compared": compared}


# --------------------------------------------------------------------------------------------
# Linking one type
# --------------------------------------------------------------------------------------------


def link_type(
    etype: str,
    les: Sequence[LocalEntity],
    indices: list[int],
    gaz: Gazetteer,
    cfg: ReconcileConfig,
    article_names: Sequence[str],
) -> Linking:
    """Cluster the local entities ``indices`` (all of type ``etype``); see module doc."""
    nodes = build_nodes(les, indices, gaz, cfg)
    nodes += _virtual_nodes(nodes, etype, gaz)
    cl = _Clusters(nodes, gaz, cfg)
    events: list[Event] = []
    notes: dict[int, list[str]] = defaultdict(list)
    stats: dict[str, int] = defaultdict(int)
    stats["nodes"] = len(nodes)

    def merge(a: int, b: int, rule: str, score: float | None, detail: str) -> bool:
        ra, rb = cl.find(a), cl.find(b)
        if ra == rb:
            return False
        if cl.conflict(ra, rb):
            stats[f"vetoed_{rule}"] += 1
            return False
        cl.union(ra, rb)
        events.append(Event(a, b, rule, score, detail))
        stats[f"merged_{rule}"] += 1
        return True

    def article_of(n: int) -> str:
        node = nodes[n]
        return article_names[les[node.les[0]].article] if node.les else "gazetteer"

    live = [i for i, n in enumerate(nodes) if not n.frozen]
    # 1. gazetteer
    by_gaz: dict[str, int] = {}
    for i in live:
        g = nodes[i].gaz
        if g is None:
            continue
        if g in by_gaz:
            merge(by_gaz[g], i, "gazetteer", None, f"gazetteer entry {g}")
        else:
            by_gaz[g] = i
    # 2. same form: one node's alias is another's name (or alias)
    by_key: dict[str, list[int]] = defaultdict(list)
    for i in live:
        node = nodes[i]
        if node.acronym_only:
            continue
        for k in (node.key, *node.alias_keys):
            by_key[k].append(i)
    for k in sorted(by_key):
        ids = by_key[k]
        for other in ids[1:]:
            merge(ids[0], other, "same_form", None, f"both use the form {k!r}")
    # 3. fuzzy
    if etype in SCORERS:
        eligible = [
            i
            for i in live
            if not nodes[i].acronym_only
            and nodes[i].key
            and not (etype == "person" and len(nodes[i].toks) < 2)
        ]
        pairs, st = fuzzy_candidates(nodes, eligible, etype, cfg)
        for k, v in st.items():
            stats[k] += v
        stats["candidates"] += len(pairs)
        edges: list[tuple[int, int, int]] = []
        for (a, b), s in pairs.items():
            if cl.find(a) == cl.find(b):
                continue
            if veto(nodes[a].toks, nodes[b].toks, etype, cfg.token_typo_min_length):
                stats["vetoed_names"] += 1
                continue
            edges.append((a, b, s))
        edges.sort(key=lambda e: (-e[2], e[0], e[1]))
        scorers = SCORERS[etype]
        cutoff = float(getattr(cfg, f"cutoff_{etype}"))

        def text(node: Node) -> str:
            return node.key if etype in DATED else node.core

        for a, b, _s in edges:
            ra, rb = cl.find(a), cl.find(b)
            if ra == rb:
                continue
            pa, pb = nodes[cl.rep[ra]], nodes[cl.rep[rb]]
            if (pa is not nodes[a] or pb is not nodes[b]) and (
                not similar(etype, text(pa), text(pb), cutoff)
                or veto(pa.toks, pb.toks, etype, cfg.token_typo_min_length)
            ):
                stats["vetoed_chain"] += 1
                continue
            if edited(pa.toks, pb.toks, etype, cfg.token_typo_min_length) or edited(
                nodes[a].toks, nodes[b].toks, etype, cfg.token_typo_min_length
            ):
                # A typo is idiosyncratic: one article, rarely a few. A spelling that many
                # articles use is a name of its own ("VarTor" / "ArTor", "Unbri" / "Unbra").
                small, big = sorted((cl.articles[ra], cl.articles[rb]))
                if small > max(1.0, min(cfg.typo_max_articles, cfg.typo_share * big)):
                    stats["vetoed_confirmed"] += 1
                    continue
            score = round(best_score(scorers, text(nodes[a]), text(nodes[b])), 1)
            merge(
                a,
                b,
                "fuzzy",
                score,
                f"score {score} between {text(nodes[a])!r} and {text(nodes[b])!r}",
            )
    # 4. acronyms
    if etype == "agency":
        _link_acronyms(nodes, les, cl, live, gaz, merge, notes, article_names)
    # 5. surnames
    if etype == "person":
        _link_surnames(nodes, cl, live, merge, notes, article_of)
    root = [cl.find(i) for i in range(len(nodes))]
    for i, node in enumerate(nodes):
        if node.frozen:
            notes[root[i]].append(node.frozen)
    return Linking(etype, nodes, root, events, dict(notes), dict(stats))


def _link_acronyms(
    nodes: list[Node],
    les: Sequence[LocalEntity],
    cl: _Clusters,
    live: list[int],
    gaz: Gazetteer,
    merge: Callable[[int, int, str, float | None, str], bool],
    notes: dict[int, list[str]],
    article_names: Sequence[str],
) -> None:
    """Bare acronyms: the one cluster defining them, else the one with those initials."""
    defines: dict[str, dict[int, str]] = defaultdict(dict)
    inits: dict[str, dict[int, str]] = defaultdict(dict)
    has_long: set[int] = set()
    for i in live:
        node = nodes[i]
        if node.acronym_only:
            continue
        r = cl.find(i)
        has_long.add(r)
        for j in node.les:
            le = les[j]
            for acr in le.defines:
                defines[acr].setdefault(r, f"defined in {article_names[le.article]} as {le.name!r}")
        if node.gaz:
            for acr in gaz.acronyms("agency", node.gaz):
                defines[acr].setdefault(r, f"gazetteer acronym of {node.gaz}")
        for acr in initials(tuple(t for t in tokens(node.display or node.key, "agency"))):
            inits[acr].setdefault(r, f"initials of {node.display!r}")
    for i in live:
        node = nodes[i]
        if not node.acronym_only or cl.find(i) in has_long:
            continue
        acr = node.key.lstrip("#")
        own = cl.find(i)
        cands = {r: d for r, d in defines.get(acr, {}).items() if cl.find(r) != own}
        rule = "acronym_definition"
        if not cands:
            cands = {r: d for r, d in inits.get(acr, {}).items() if cl.find(r) != own}
            rule = "acronym_initials"
        roots = sorted({cl.find(r) for r in cands})
        if len(roots) == 1:
            target = next(r for r in sorted(cands) if cl.find(r) == roots[0])
            if merge(cl.rep[roots[0]], i, rule, None, f"{node.display}: {cands[target]}"):
                has_long.add(cl.find(i))
        elif len(roots) > 1:
            names = " or ".join(sorted({nodes[cl.rep[r]].display for r in roots}))
            notes[own].append(
                f"acronym {node.display!r} could stand for {names}: evidence too thin, not linked"
            )


def _link_surnames(
    nodes: list[Node],
    cl: _Clusters,
    live: list[int],
    merge: Callable[[int, int, str, float | None, str], bool],
    notes: dict[int, list[str]],
    article_of: Callable[[int], str],
) -> None:
    """A bare surname joins the only person cluster with that surname."""
    by_surname: dict[str, set[int]] = defaultdict(set)
    for i in live:
        node = nodes[i]
        if len(node.toks) >= 2:
            by_surname[node.toks[-1]].add(cl.find(i))
    for i in live:
        node = nodes[i]
        if len(node.toks) != 1:
            continue
        roots = sorted({cl.find(r) for r in by_surname.get(node.toks[0], ())} - {cl.find(i)})
        if len(roots) == 1:
            full = nodes[cl.rep[roots[0]]].display
            merge(cl.rep[roots[0]], i, "surname", None, f"the only person named {full!r}")
        elif len(roots) > 1:
            names = " or ".join(sorted({nodes[cl.rep[r]].display for r in roots}))
            notes[cl.find(i)].append(
                f"surname {node.display!r} ({article_of(i)}) could be {names}: evidence too "
                "thin, not linked"
            )


__all__ = ["Event", "Linking", "Node", "build_nodes", "fuzzy_candidates", "link_type"]
