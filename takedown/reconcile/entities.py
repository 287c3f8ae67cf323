"""Clusters -> :class:`CanonicalEntity` records: canonical name, stable id, forms and evidence.

The canonical name is the gazetteer's when the cluster has an entry, else the name most
articles use (longer, then alphabetical, on ties). The id is ``type:slug-of-the-name``: it
depends on what the entity is called, never on the order articles came in. Two distinct
entities with one name (Hydra 2014 and Hydra Market, when the gazetteer gives them one
name, or an ambiguous mention left alone) get a suffix from their years, else from their
first mention.

Each surface form carries one reason, the strongest found for it: the merge that brought its
node into the cluster (read off a spanning tree of the merges, grown from the cluster's most
mentioned name), or the within-article rule that tied it to its local entity.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from takedown.models.corpus import CORPUS_SCHEMA_VERSION, CorpusCluster
from takedown.reconcile.gazetteer import Gazetteer
from takedown.reconcile.link import DATED, Linking
from takedown.reconcile.local import ArticleCtx, LocalEntity, rule_detail
from takedown.reconcile.names import acronym_key, fold, is_acronym, name_key

_RULE_ORDER: dict[str, int] = {
    r: i
    for i, r in enumerate(
        (
            "canonical",
            "gazetteer",
            "same_form",
            "within_article",
            "acronym_definition",
            "acronym_initials",
            "anaphor",
            "surname",
            "context",
            "fuzzy",
        )
    )
}


@dataclass
class Assembled:
    """Canonical entities of one type, and which entity each local entity became."""

    entities: list[dict[str, Any]]  # JSON-ready CanonicalEntity data
    le_entity: dict[int, str]
    clusters: list[CorpusCluster]


def _slug(name: str) -> str:
    """The canonical name as an id: folded, possessives and punctuation gone, words kept
    ("United States Department of Justice" -> "united-states-department-of-justice")."""
    s = fold(name).replace("'s ", " ").replace("&", " and ")
    s = re.sub(r"(?<!\d)\.|\.(?!\d)", "", s)  # "U.S." -> "us", "2.0" stays
    slug = re.sub(r"[^\w.]+", "-", s).strip("-_")
    return slug or hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


def _era_text(years: tuple[int, int] | None) -> str | None:
    if not years:
        return None
    lo, hi = years
    return str(lo) if lo == hi else f"{lo}/{hi}"


def _event_index(link: Linking) -> dict[int, list[tuple[int, int]]]:
    """node -> [(event number, other node)] over all merges of one type."""
    adj: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for n, ev in enumerate(link.events):
        adj[ev.a].append((n, ev.b))
        adj[ev.b].append((n, ev.a))
    return adj


def _spanning_reasons(
    link: Linking, adj: dict[int, list[tuple[int, int]]], start: int
) -> dict[int, tuple[str, int | None, float | None, str]]:
    """Why each node of one cluster is in it: the merge that reached it from ``start``."""
    out: dict[int, tuple[str, int | None, float | None, str]] = {
        start: ("canonical", None, None, "")
    }
    queue = deque([start])
    while queue:
        x = queue.popleft()
        for n, y in sorted(adj.get(x, ())):
            if y in out:
                continue
            ev = link.events[n]
            out[y] = (ev.rule, x, ev.score, ev.detail)
            queue.append(y)
    return out


def assemble(
    link: Linking,
    les: Sequence[LocalEntity],
    ctxs: Sequence[ArticleCtx],
    gaz: Gazetteer,
) -> Assembled:
    """Build the canonical entities of one linked type (see module doc)."""
    etype = link.type
    nodes = link.nodes
    by_root: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(link.root):
        by_root[r].append(i)
    drafts: list[tuple[str, dict[str, Any], list[int], tuple[str, int]]] = []
    adj = _event_index(link)
    for root in sorted(by_root):
        members = by_root[root]
        le_ids = sorted(j for n in members for j in nodes[n].les)
        if not le_ids:
            continue  # only gazetteer forms: nothing was mentioned
        mles = [les[j] for j in le_ids]
        gid = next((nodes[n].gaz for n in members if nodes[n].gaz), None)
        entry = gaz.get(etype, gid)
        if entry is not None:
            name = entry.name
        else:
            full = [le for le in mles if not le.acronym_only and not le.weak] or mles
            counts = Counter(le.name for le in full)
            name = min(counts, key=lambda n: (-counts[n], -len(n), n))
        canon_key = name_key(name, etype)
        if entry is not None and entry.era:
            era = entry.era
        else:
            ys = [y for le in mles if le.era_level == 2 for y in le.era_years]
            era = (min(ys), max(ys)) if ys and etype in DATED else None
        countries = Counter(le.country for le in mles if le.country)
        country = (
            entry.country
            if entry is not None and entry.country
            else (min(countries, key=lambda c: (-countries[c], c)) if countries else None)
        )
        # the node most mentions use is where the explanation tree starts
        # (the canonical name's own node, else the most mentioned full name)
        live = [n for n in members if nodes[n].les]
        rep = min(
            live,
            key=lambda n: (
                nodes[n].key != canon_key,
                nodes[n].acronym_only,
                -nodes[n].count,
                nodes[n].key,
            ),
        )
        reasons = _spanning_reasons(link, adj, rep)
        forms: Counter[str] = Counter()
        form_articles: dict[str, set[int]] = defaultdict(set)
        best: dict[str, tuple[int, str, str | None, str | None, float | None, str]] = {}
        acr_surface: dict[str, Counter[str]] = defaultdict(Counter)
        by_article: dict[int, list[LocalEntity]] = defaultdict(list)
        node_of: dict[int, int] = {j: n for n in members for j in nodes[n].les}
        for j, le in zip(le_ids, mles, strict=True):
            by_article[le.article].append(le)
            art = ctxs[le.article].name
            texts = [t.strip() for _, _, t in le.mentions if t.strip()] or [le.name]
            for t in texts:
                forms[t] += 1 if le.mentions else 0
                form_articles[t].add(le.article)
                if etype == "agency" and is_acronym(t):
                    acr_surface[acronym_key(t)][t.rstrip("'s’")] += 1
            n = node_of[j]
            nrule, partner, score, detail = reasons.get(n, ("same_form", None, None, ""))
            if n == rep and nrule == "canonical" and gid:
                nrule, detail = "gazetteer", f"gazetteer entry {gid}"
            for t in set(texts):
                k = name_key(t, etype)
                if k == canon_key:
                    cand = ("canonical", art, None, None, "")
                elif k == le.key or (le.acronym_only and acronym_key(t) == le.key):
                    against = nodes[partner].display if partner is not None else None
                    cand = (nrule, art, against, score, detail)
                else:
                    rule, arg = le.form_rules.get(t, ("within_article", le.name))
                    against = None if rule in ("gazetteer", "context", "canonical") else arg
                    cand = (rule, art, against, None, rule_detail(rule, arg))
                ranked = (_RULE_ORDER.get(cand[0], 99), *cand)
                if t not in best or ranked[:3] < best[t][:3]:
                    best[t] = ranked  # type: ignore[assignment]
        surface = [
            {
                "form": t,
                "count": forms[t],
                "articles": len(form_articles[t]),
                "rule": best[t][1],
                "article": best[t][2],
                "against": best[t][3],
                "score": best[t][4],
                "detail": best[t][5],
            }
            for t in sorted(forms, key=lambda f: (-forms[f], f))
        ]
        acronyms = sorted(min(c, key=lambda s: (-c[s], s)) for c in acr_surface.values())
        if entry is not None:
            for a in entry.acronyms:
                if acronym_key(a) not in acr_surface and a not in acronyms:
                    acronyms.append(a)
        articles = []
        for aidx in sorted(by_article, key=lambda a: (ctxs[a].name, ctxs[a].record_id)):
            group = by_article[aidx]
            mentions = [
                {"text": t, "start": s, "end": e}
                for s, e, t in sorted({m for le in group for m in le.mentions})
            ]
            articles.append(
                {
                    "article": ctxs[aidx].name,
                    "entity_ids": sorted({e for le in group for e in le.entity_ids}),
                    "mentions": mentions,
                }
            )
        notes = sorted({note for le in mles for note in le.notes} | set(link.notes.get(root, [])))
        first = (ctxs[mles[0].article].name, mles[0].first)
        ent: dict[str, Any] = {
            "schema_version": CORPUS_SCHEMA_VERSION,
            "id": "",
            "type": etype,
            "name": name,
            "gazetteer_id": gid,
            "country": country if etype == "agency" else None,
            "acronyms": acronyms,
            "era": _era_text(era),
            "forms": surface,
            "articles": articles,
            "notes": notes,
        }
        drafts.append((f"{etype}:{_slug(name)}", ent, le_ids, first))
    # Ids: type and canonical name; a suffix only where two entities share both.
    by_base: dict[str, list[int]] = defaultdict(list)
    for k, (base, _e, _l, _f) in enumerate(drafts):
        by_base[base].append(k)
    le_entity: dict[int, str] = {}
    entities: list[dict[str, Any]] = []
    for base, ks in by_base.items():
        for k in ks:
            _b, ent, le_ids, first = drafts[k]
            eid = base
            if len(ks) > 1:
                eras = [drafts[x][1]["era"] for x in ks]
                if ent["era"] and eras.count(ent["era"]) == 1:
                    eid = f"{base}~{ent['era'].replace('/', '-')}"
                else:
                    digest = hashlib.sha1(f"{first[0]}\x1f{first[1]}".encode()).hexdigest()[:8]
                    eid = f"{base}~{digest}"
            ent["id"] = eid
            entities.append(ent)
            for j in le_ids:
                le_entity[j] = eid
    entities.sort(key=lambda e: e["id"])
    # corpus.json: clusters that share a name get the id's suffix in theirs, since the corpus
    # scorer merges clusters by name (two Hydras must stay two).
    same_name = Counter(name_key(e["name"], etype) for e in entities)
    clusters = [
        CorpusCluster.model_construct(
            name=(
                f"{e['name']} [{e['id'].split('~', 1)[1] if '~' in e['id'] else e['id']}]"
                if same_name[name_key(e["name"], etype)] > 1
                else e["name"]
            ),
            id=e["id"],
            articles=sorted({a["article"] for a in e["articles"]}),
        )
        for e in entities
    ]
    return Assembled(entities, le_entity, clusters)


__all__ = ["Assembled", "assemble"]
