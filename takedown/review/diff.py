"""``takedown diff``: what changed between two output folders, fact by fact, with evidence.

A reviewer of a rule change (or of a new batch of articles) needs to see which facts
appeared, disappeared or changed, in which article, and how entities were regrouped. This
module computes that as plain data (:class:`DiffReport`, JSON-ready through ``to_dict``);
``takedown.review.diff_render`` draws it for the terminal, a pull request or a machine.

Everything here reads the output files as plain JSON, never through the pydantic models: an
output written by an older schema (the base branch of a pull request) must still diff.

**Facts.** Each record is flattened into facts (:func:`article_facts`): every entity mention
(typed by its label, valued by its entity's canonical name), every figure, date and
unresolved date, the title and the publication date. A fact's identity is its evidence span
and its *category* (entity, figure, date, title, published); two facts with one identity
but different values (kind, value, unit, canonical name, ...) are one *changed* fact, not a
removal plus an addition. So a rule that finds one more figure is exactly one added fact,
and a rule that re-labels a mention is exactly one changed fact.

**Clusters.** Entities are clusters of members: within an article, the mention spans of an
entity; across the corpus (``entities.jsonl``, ``operations.jsonl``, written by the reconcile
stage), whatever per-article mention information each line holds. Linking the two sides
through shared members shows merges (several old clusters now one), splits (one old cluster
now several), renames (same members, other canonical name) and re-typings.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from takedown.errors import TakedownError
from takedown.review.scoring import normalize_name

#: Files of an output folder that the diff reads (and the snapshot test compares).
#: Anything else in the folder (run metadata, timings, resume state) is not compared.
ARTICLES_FILE = "articles.jsonl"
ERRORS_FILE = "errors.jsonl"
CLUSTER_FILES: tuple[str, ...] = ("entities.jsonl", "operations.jsonl")
CORPUS_FILE = "corpus.json"
OUTPUT_FILES: tuple[str, ...] = (ARTICLES_FILE, ERRORS_FILE, *CLUSTER_FILES, CORPUS_FILE)

#: Record fields holding per-article entities, and the label each one's mentions carry.
ENTITY_LABELS: dict[str, str] = {
    "operations": "operation",
    "marketplaces": "marketplace",
    "agencies": "agency",
    "persons": "person",
    "country_entities": "country",
}
#: Fact types in report order.
FACT_TYPES: tuple[str, ...] = (
    *ENTITY_LABELS.values(),
    "figure",
    "date",
    "unresolved_date",
    "title",
    "published",
)
#: Types a record has at most one of: paired by type alone, whatever their spans.
_SINGLE: frozenset[str] = frozenset({"title", "published"})
_CATEGORY: dict[str, str] = {
    **{label: "entity" for label in ENTITY_LABELS.values()},
    "unresolved_date": "date",
}


# --------------------------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------------------------


@dataclass
class Fact:
    """One extracted fact with its evidence; ``values`` is what a change is judged on.

    ``id`` points back into the record (an entity mention's id is its entity's id and the
    mention's index) for the review page to link to; it is never compared, since ids derive
    from content and change along with the values.
    """

    type: str
    start: int | None
    end: int | None
    text: str | None
    values: dict[str, Any]
    id: str = ""

    @property
    def category(self) -> str:
        return _CATEGORY.get(self.type, self.type)

    @property
    def key(self) -> tuple[Any, ...]:
        """Identity across two runs: the evidence span within a category."""
        if self.type in _SINGLE:
            return (self.category,)
        return (self.category, self.start, self.end)

    def signature(self) -> str:
        return json.dumps([self.type, self.values], sort_keys=True, ensure_ascii=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "values": self.values,
            "id": self.id,
        }


@dataclass
class FactChange:
    """One evidence span whose fact differs between the runs: ``fields`` names what differs."""

    old: Fact
    new: Fact

    @property
    def fields(self) -> list[str]:
        out = ["type"] if self.old.type != self.new.type else []
        keys = sorted(set(self.old.values) | set(self.new.values))
        out += [k for k in keys if self.old.values.get(k) != self.new.values.get(k)]
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"old": self.old.to_dict(), "new": self.new.to_dict(), "fields": self.fields}


def _num(value: Any) -> Any:
    """Integral floats as ints, so that ``2.0`` and ``2`` never read as a change."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _span_of(item: Mapping[str, Any]) -> tuple[int | None, int | None, str | None]:
    start, end, text = item.get("start"), item.get("end"), item.get("text")
    return (
        start if isinstance(start, int) else None,
        end if isinstance(end, int) else None,
        text if isinstance(text, str) else None,
    )


def _mappings(items: Any) -> Iterator[Mapping[str, Any]]:
    for item in items or ():
        if isinstance(item, Mapping):
            yield item


def article_facts(record: Mapping[str, Any]) -> list[Fact]:
    """Flatten one record (as JSON) into facts, sorted by evidence position."""
    facts: list[Fact] = []
    for fld, label in ENTITY_LABELS.items():
        for ent in _mappings(record.get(fld)):
            values = {
                "name": ent.get("name"),
                "gazetteer_id": ent.get("gazetteer_id"),
                "country": ent.get("country"),
            }
            for i, mention in enumerate(_mappings(ent.get("mentions"))):
                start, end, text = _span_of(mention)
                facts.append(
                    Fact(label, start, end, text, dict(values), f"{ent.get('id', '')}:{i}")
                )
    for fig in _mappings(record.get("figures")):
        start, end, text = _span_of(fig)
        equivalents = [
            [eq.get("text"), _num(eq.get("value")), eq.get("unit"), eq.get("qualifier")]
            for eq in _mappings(fig.get("equivalents"))
        ]
        values = {
            "kind": fig.get("kind"),
            "value": _num(fig.get("value")),
            "unit": fig.get("unit"),
            "substance": fig.get("substance"),
            "country": fig.get("country"),
            "qualifier": fig.get("qualifier"),
            "equivalents": equivalents,
        }
        facts.append(Fact("figure", start, end, text, values, str(fig.get("id", ""))))
    for date in _mappings(record.get("dates")):
        start, end, text = _span_of(date)
        values = {
            "value": date.get("value"),
            "modifier": date.get("modifier"),
            "relative": bool(date.get("relative")),
        }
        facts.append(Fact("date", start, end, text, values, str(date.get("id", ""))))
    for i, date in enumerate(_mappings(record.get("unresolved_dates"))):
        start, end, text = _span_of(date)
        facts.append(
            Fact("unresolved_date", start, end, text, {"expression": date.get("expression")},
                 f"unresolved:{i}")
        )
    for single in _SINGLE:
        value = record.get(single)
        if value is None:
            continue
        span = record.get(f"{single}_span")
        start, end, text = _span_of(span) if isinstance(span, Mapping) else (None, None, None)
        facts.append(Fact(single, start, end, text, {"value": value}, single))
    facts.sort(key=_position)
    return facts


def _position(fact: Fact) -> tuple[int, int, int, str]:
    start = -1 if fact.start is None else fact.start
    end = -1 if fact.end is None else fact.end
    return (start, end, FACT_TYPES.index(fact.type) if fact.type in FACT_TYPES else 99, fact.id)


def diff_facts(
    old: Sequence[Fact], new: Sequence[Fact]
) -> tuple[list[Fact], list[Fact], list[FactChange]]:
    """(added, removed, changed) between two articles' facts, paired by :attr:`Fact.key`.

    Within one key, identical facts pair first (a span the extractor reports twice is not a
    change); what remains pairs in order as changes, and the surplus is added or removed.
    """
    by_key_old: dict[tuple[Any, ...], list[Fact]] = defaultdict(list)
    by_key_new: dict[tuple[Any, ...], list[Fact]] = defaultdict(list)
    for f in old:
        by_key_old[f.key].append(f)
    for f in new:
        by_key_new[f.key].append(f)
    added: list[Fact] = []
    removed: list[Fact] = []
    changed: list[FactChange] = []
    for key in sorted(set(by_key_old) | set(by_key_new), key=repr):
        olds, news = list(by_key_old.get(key, ())), list(by_key_new.get(key, ()))
        for o in list(olds):
            sig = o.signature()
            match = next((n for n in news if n.signature() == sig), None)
            if match is not None:
                olds.remove(o)
                news.remove(match)
        for o, n in zip(olds, news, strict=False):  # the surplus of either side is below
            changed.append(FactChange(o, n))
        removed.extend(olds[len(news) :])
        added.extend(news[len(olds) :])
    added.sort(key=_position)
    removed.sort(key=_position)
    changed.sort(key=lambda c: _position(c.new))
    return added, removed, changed


def describe(fact: Fact, with_type: bool = False) -> str:
    """The normalized value of a fact in a few words, as every renderer shows it
    (``about 30 kg (drugs_seized, cocaine)``, ``Europol [eu-europol]``, ``2021 (end)``);
    ``with_type`` prefixes the fact type, for when it is not shown beside."""
    v = fact.values
    if fact.category == "entity":
        text = str(v.get("name")) + (f" [{v['gazetteer_id']}]" if v.get("gazetteer_id") else "")
    elif fact.type == "figure":
        value = v.get("value")
        shown = f"{value:,}" if isinstance(value, int) else str(value)
        text = (f"{v['qualifier']} " if v.get("qualifier") else "") + f"{shown} {v.get('unit')}"
        attrs = [str(v.get("kind"))]
        attrs += [str(v[k]) for k in ("substance", "country") if v.get(k)]
        eqs = v.get("equivalents") or []
        if eqs:
            attrs.append("= " + "; ".join(f"{_num(e[1])} {e[2]}" for e in eqs))
        text += " (" + ", ".join(attrs) + ")"
    elif fact.type == "date":
        extra = [str(v["modifier"])] if v.get("modifier") else []
        if v.get("relative"):
            extra.append("relative")
        text = str(v.get("value")) + (f" ({', '.join(extra)})" if extra else "")
    elif fact.type == "unresolved_date":
        text = str(v.get("expression"))
    else:
        text = str(v.get("value"))
    return f"{fact.type}: {text}" if with_type else text


# --------------------------------------------------------------------------------------------
# Clusters: merges, splits, renames
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cluster:
    """An entity as a set of members (mention spans, or articles when that is all we know)."""

    id: str
    type: str
    name: str
    members: frozenset[Hashable]

    def ref(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "name": self.name, "size": len(self.members)}


@dataclass
class ClusterChange:
    """How one group of linked clusters changed.

    ``kind`` is one of ``added``, ``removed``, ``renamed`` (same entity, other canonical name),
    ``retyped``, ``changed`` (same entity and name, members gained or lost), ``merged`` (several
    old clusters are one new cluster), ``split`` (one old cluster is several new ones) and
    ``regrouped`` (several into several).
    """

    kind: str
    old: list[Cluster]
    new: list[Cluster]
    members_gained: int = 0
    members_lost: int = 0
    attributes: list[str] = field(default_factory=list)
    #: What a member is, for the summary: "mention" within an article.
    noun: str = "member"

    @property
    def type(self) -> str:
        return (self.new or self.old)[0].type

    def _count(self, n: int) -> str:
        return f"{n} {self.noun}" + ("" if n == 1 else "s")

    def summary(self) -> str:
        """One line: ``Europol → Europol + European Police Office``."""
        old = " + ".join(c.name for c in self.old) or "(none)"
        new = " + ".join(c.name for c in self.new) or "(none)"
        if self.kind == "added":
            return f"{self.type} {new} ({self._count(len(self.new[0].members))})"
        if self.kind == "removed":
            return f"{self.type} {old} ({self._count(len(self.old[0].members))})"
        text = f"{old} → {new}"
        if self.kind == "retyped":
            text += f" (type {self.old[0].type} → {self.new[0].type})"
        details = []
        if self.members_gained:
            details.append(f"+{self._count(self.members_gained)}")
        if self.members_lost:
            details.append(f"−{self._count(self.members_lost)}")
        if self.attributes:
            details.append("changed: " + ", ".join(self.attributes))
        if details:
            text += " (" + "; ".join(details) + ")"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "type": self.type,
            "old": [c.ref() for c in self.old],
            "new": [c.ref() for c in self.new],
            "members_gained": self.members_gained,
            "members_lost": self.members_lost,
            "attributes": self.attributes,
            "summary": self.summary(),
        }


def diff_clusters(
    old: Sequence[Cluster],
    new: Sequence[Cluster],
    attributes: Callable[[Cluster, Cluster], list[str]] | None = None,
    noun: str = "member",
) -> list[ClusterChange]:
    """Changes between two clusterings, found through the members the clusters share.

    Clusters are linked when they share a member; each connected group of linked clusters is
    one change, classified by how many old and new clusters it holds. Only a member that
    belongs to one cluster on its side identifies anything (a mention span does; an article
    that names two operations does not), so shared ones are not used for linking. A cluster
    left unlinked is paired, when it can be, with an unlinked cluster of the same type and
    normalized name (its mentions moved, the entity stayed). ``attributes`` names the other
    fields that differ between the two sides of a one-to-one pair.
    """
    owner_old = _sole_owners(old)
    owner_new = _sole_owners(new)
    # union-find over old clusters (0..n-1) and new clusters (n..n+m-1)
    n = len(old)
    parent = list(range(n + len(new)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    linked: set[int] = set()
    for m, j in owner_new.items():
        i = owner_old.get(m)
        if i is not None:
            union(i, n + j)
            linked.update((i, n + j))
    # fall back to names for clusters that share no member with the other side
    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, c in enumerate(old):
        if i not in linked:
            by_name[(c.type, normalize_name(c.name))].append(i)
    for j, c in enumerate(new):
        if n + j in linked:
            continue
        candidates = by_name.get((c.type, normalize_name(c.name)))
        if candidates:
            union(candidates.pop(0), n + j)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(n + len(new)):
        olds, news = groups.setdefault(find(i), ([], []))
        (olds if i < n else news).append(i if i < n else i - n)
    changes: list[ClusterChange] = []
    for olds_i, news_i in groups.values():
        olds = [old[i] for i in olds_i]
        news = [new[j] for j in news_i]
        change = _classify(olds, news, attributes)
        if change is not None:
            change.noun = noun
            changes.append(change)
    order = {k: i for i, k in enumerate(CLUSTER_KINDS)}
    changes.sort(key=lambda c: (order[c.kind], c.type, (c.new or c.old)[0].name))
    return changes


def _sole_owners(clusters: Sequence[Cluster]) -> dict[Hashable, int]:
    """Member -> index of the one cluster holding it; members of several clusters left out."""
    owner: dict[Hashable, int] = {}
    shared: set[Hashable] = set()
    for i, c in enumerate(clusters):
        for m in c.members:
            if m in owner and owner[m] != i:
                shared.add(m)
            owner.setdefault(m, i)
    for m in shared:
        del owner[m]
    return owner


CLUSTER_KINDS: tuple[str, ...] = (
    "merged", "split", "regrouped", "renamed", "retyped", "changed", "added", "removed"
)


def _classify(
    olds: list[Cluster],
    news: list[Cluster],
    attributes: Callable[[Cluster, Cluster], list[str]] | None,
) -> ClusterChange | None:
    if not news:
        return ClusterChange("removed", olds, [])
    if not olds:
        return ClusterChange("added", [], news)
    old_members = frozenset().union(*(c.members for c in olds))
    new_members = frozenset().union(*(c.members for c in news))
    gained, lost = len(new_members - old_members), len(old_members - new_members)
    if len(olds) > 1 or len(news) > 1:
        kind = "regrouped" if len(olds) > 1 and len(news) > 1 else (
            "merged" if len(olds) > 1 else "split"
        )
        return ClusterChange(kind, olds, news, gained, lost)
    o, nw = olds[0], news[0]
    attrs = attributes(o, nw) if attributes is not None else []
    if o.name != nw.name:
        kind = "renamed"
    elif o.type != nw.type:
        kind = "retyped"
    elif gained or lost or attrs:
        kind = "changed"
    else:
        return None
    return ClusterChange(kind, olds, news, gained, lost, attrs)


def article_clusters(record: Mapping[str, Any]) -> list[Cluster]:
    """An article's entities as clusters of their mention spans."""
    out: list[Cluster] = []
    for fld, label in ENTITY_LABELS.items():
        for ent in _mappings(record.get(fld)):
            members = frozenset(
                (m.get("start"), m.get("end")) for m in _mappings(ent.get("mentions"))
            )
            out.append(Cluster(str(ent.get("id", "")), label, str(ent.get("name", "")), members))
    return out


# --- corpus-level clusters (entities.jsonl, operations.jsonl), read generically -------------

_ID_KEYS = ("id", "entity_id", "key")
_TYPE_KEYS = ("type", "label", "kind", "entity_type")
_NAME_KEYS = ("name", "canonical", "canonical_name")
_MEMBER_KEYS = ("mentions", "articles", "members", "sources", "provenance", "evidence")


def _first(obj: Mapping[str, Any], keys: Iterable[str], default: Any = None) -> Any:
    for k in keys:
        if obj.get(k) not in (None, ""):
            return obj[k]
    return default


def _members_of(obj: Mapping[str, Any], article: str | None = None) -> set[Hashable]:
    """Mention identities found anywhere under the member keys of one line.

    A mention with an article and offsets is ``(article, start, end)``; an article with no
    offsets is ``(article,)``; a bare string is an article name. Nested lists (an article
    entry holding its own ``mentions``) are followed, carrying the article name down.
    """
    out: set[Hashable] = set()
    for key in _MEMBER_KEYS:
        items = obj.get(key)
        if not isinstance(items, list):
            continue
        for item in items:
            if isinstance(item, str):
                out.add((item,))
            elif isinstance(item, Mapping):
                art = item.get("article") or item.get("file") or article
                nested = _members_of(item, str(art) if art else None)
                if nested:
                    out |= nested
                elif isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
                    out.add((art, item["start"], item["end"]))
                elif art:
                    out.add((str(art),))
    # an article-level member is implied by that article's mention spans: keep the finest
    span_articles = {m[0] for m in out if isinstance(m, tuple) and len(m) == 3}
    return {m for m in out if not (isinstance(m, tuple) and len(m) == 1 and m[0] in span_articles)}


def corpus_clusters(
    lines: Sequence[Mapping[str, Any]], default_type: str, by_id: bool = False
) -> list[Cluster]:
    """Lines of ``entities.jsonl`` / ``operations.jsonl`` as clusters.

    Tolerant by design: the id, type and name are taken from the first key present among
    common spellings, and a line without member information is its own single member, so
    it still diffs by name. ``by_id`` makes the id the only member: for records that are
    not clusters of mentions themselves (an operation's consolidated record, whose entity,
    mentions and all, is in ``entities.jsonl``), so that they pair by id, then by name.
    """
    out: list[Cluster] = []
    for n, line in enumerate(lines):
        cid = str(_first(line, _ID_KEYS, f"line{n + 1}"))
        ctype = str(_first(line, _TYPE_KEYS, default_type))
        name = str(_first(line, _NAME_KEYS, cid))
        members = set() if by_id else _members_of(line)
        members = members or {("\0id", cid) if by_id else ("\0name", ctype, normalize_name(name))}
        out.append(Cluster(cid, ctype, name, frozenset(members)))
    return out


def _attribute_changes(
    old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]],
    old_c: Sequence[Cluster], new_c: Sequence[Cluster],
) -> Callable[[Cluster, Cluster], list[str]]:
    """The comparer of one-to-one pairs: top-level fields, other than id, type, name and
    members (judged by the cluster diff itself), that differ between the two lines."""
    skip = set(_ID_KEYS) | set(_MEMBER_KEYS) | set(_NAME_KEYS) | set(_TYPE_KEYS)
    old_line = dict(zip(old_c, old, strict=True))
    new_line = dict(zip(new_c, new, strict=True))

    def compare(a_c: Cluster, b_c: Cluster) -> list[str]:
        a, b = old_line[a_c], new_line[b_c]
        return [k for k in sorted((set(a) | set(b)) - skip) if a.get(k) != b.get(k)]

    return compare


# --------------------------------------------------------------------------------------------
# Output folders
# --------------------------------------------------------------------------------------------


@dataclass
class Output:
    """One output folder, read: records by article name, and whatever else is present."""

    folder: Path
    records: dict[str, dict[str, Any]]
    errors: list[dict[str, Any]]
    clusters: dict[str, list[dict[str, Any]] | None]  # file name -> lines, None if absent
    corpus: dict[str, Any] | None


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise TakedownError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from exc
            if not isinstance(obj, dict):
                raise TakedownError(f"{path}:{lineno}: expected a JSON object")
            out.append(obj)
    return out


def load_output(folder: str | Path) -> Output:
    """Read an output folder; only ``articles.jsonl`` is required."""
    root = Path(folder)
    articles = root / ARTICLES_FILE
    if not articles.is_file():
        raise TakedownError(f"{root}: no {ARTICLES_FILE} (is this a takedown output folder?)")
    records: dict[str, dict[str, Any]] = {}
    for rec in _read_jsonl(articles):
        name = str(rec.get("article", ""))
        if name in records:
            raise TakedownError(f"{articles}: two records for article {name!r}")
        records[name] = rec
    errors_path = root / ERRORS_FILE
    errors = _read_jsonl(errors_path) if errors_path.is_file() else []
    clusters = {
        name: (_read_jsonl(root / name) if (root / name).is_file() else None)
        for name in CLUSTER_FILES
    }
    corpus = None
    if (root / CORPUS_FILE).is_file():
        try:
            loaded = json.loads((root / CORPUS_FILE).read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise TakedownError(f"{root / CORPUS_FILE}: invalid JSON ({exc.msg})") from exc
        corpus = loaded if isinstance(loaded, dict) else {"value": loaded}
    return Output(root, records, errors, clusters, corpus)


# --------------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------------


@dataclass
class ArticleDiff:
    """What changed in one article. ``status``: ``added``, ``removed`` or ``changed``."""

    article: str
    status: str
    added: list[Fact]
    removed: list[Fact]
    changed: list[FactChange]
    entities: list[ClusterChange]
    old_sha256: str | None = None
    new_sha256: str | None = None

    @property
    def text_changed(self) -> bool:
        """The article's text itself differs, so shifted offsets may explain some changes."""
        return (
            self.status == "changed"
            and self.old_sha256 is not None
            and self.new_sha256 is not None
            and self.old_sha256 != self.new_sha256
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "status": self.status,
            "text_changed": self.text_changed,
            "added": [f.to_dict() for f in self.added],
            "removed": [f.to_dict() for f in self.removed],
            "changed": [c.to_dict() for c in self.changed],
            "entities": [c.to_dict() for c in self.entities],
        }


@dataclass
class FactCount:
    old: int = 0
    new: int = 0
    added: int = 0
    removed: int = 0
    changed: int = 0

    def to_dict(self) -> dict[str, int]:
        return {
            "old": self.old, "new": self.new, "added": self.added, "removed": self.removed,
            "changed": self.changed,
        }


@dataclass
class CorpusFileDiff:
    """One of ``entities.jsonl`` / ``operations.jsonl``: presence, sizes and cluster changes."""

    file: str
    old_present: bool
    new_present: bool
    old_count: int
    new_count: int
    changes: list[ClusterChange]

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "old_present": self.old_present,
            "new_present": self.new_present,
            "old_count": self.old_count,
            "new_count": self.new_count,
            "changes": [c.to_dict() for c in self.changes],
        }


@dataclass
class DiffReport:
    """Everything that differs between two output folders, counts first."""

    old: str
    new: str
    articles: list[ArticleDiff]
    article_counts: dict[str, int]
    fact_counts: dict[str, FactCount]
    corpus_files: list[CorpusFileDiff]
    corpus_json: list[dict[str, Any]]
    errors_added: list[dict[str, Any]]
    errors_removed: list[dict[str, Any]]

    @property
    def entity_counts(self) -> Counter[str]:
        """Within-article entity changes by kind."""
        return Counter(c.kind for a in self.articles for c in a.entities)

    @property
    def empty(self) -> bool:
        return not (
            self.articles
            or any(f.changes or f.old_present != f.new_present for f in self.corpus_files)
            or self.corpus_json
            or self.errors_added
            or self.errors_removed
        )

    def totals(self) -> FactCount:
        total = FactCount()
        for c in self.fact_counts.values():
            total.old += c.old
            total.new += c.new
            total.added += c.added
            total.removed += c.removed
            total.changed += c.changed
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "empty": self.empty,
            "article_counts": dict(self.article_counts),
            "fact_counts": {t: c.to_dict() for t, c in self.fact_counts.items()},
            "fact_totals": self.totals().to_dict(),
            "entity_counts": {k: self.entity_counts.get(k, 0) for k in CLUSTER_KINDS},
            "articles": [a.to_dict() for a in self.articles],
            "corpus_files": [f.to_dict() for f in self.corpus_files],
            "corpus_json": self.corpus_json,
            "errors_added": self.errors_added,
            "errors_removed": self.errors_removed,
        }


def diff_records(
    old: Mapping[str, Any] | None,
    new: Mapping[str, Any] | None,
    article: str = "",
    old_facts: list[Fact] | None = None,
    new_facts: list[Fact] | None = None,
) -> ArticleDiff | None:
    """One article's changes (``None`` when there are none); either side may be missing.

    ``old_facts``/``new_facts`` are the records' :func:`article_facts` when the caller has
    them already."""
    if old_facts is None:
        old_facts = article_facts(old) if old is not None else []
    if new_facts is None:
        new_facts = article_facts(new) if new is not None else []
    added, removed, changed = diff_facts(old_facts, new_facts)
    entities: list[ClusterChange] = []
    if old is not None and new is not None:
        entities = diff_clusters(article_clusters(old), article_clusters(new), noun="mention")
    status = "added" if old is None else "removed" if new is None else "changed"
    old_sha = str(old.get("sha256")) if old is not None and old.get("sha256") else None
    new_sha = str(new.get("sha256")) if new is not None and new.get("sha256") else None
    if status == "changed" and not (added or removed or changed or entities):
        if old_sha == new_sha:
            return None
    name = article or str((new or old or {}).get("article", ""))
    return ArticleDiff(name, status, added, removed, changed, entities, old_sha, new_sha)


def _list_change(old: list[Any], new: list[Any]) -> str:
    """How a list that differs differs, by id when its items have one (else nothing more
    than its sizes say)."""
    def ids(items: list[Any]) -> dict[str, Any] | None:
        out: dict[str, Any] = {}
        for item in items:
            if not isinstance(item, Mapping) or _first(item, _ID_KEYS) is None:
                return None
            out[str(_first(item, _ID_KEYS))] = item
        return out

    a, b = ids(old), ids(new)
    if a is None or b is None:
        return ""
    changed = sum(1 for k in set(a) & set(b) if a[k] != b[k])
    return f"+{len(set(b) - set(a))} −{len(set(a) - set(b))} ~{changed} by id"


def _corpus_json_changes(old: Any, new: Any, prefix: str = "") -> list[dict[str, Any]]:
    """Differing leaves of two JSON values, by dotted path; a list is one leaf, summarized
    (``12 items`` → ``13 items``, ``+1 −0 ~2 by id``) rather than dumped."""
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        out: list[dict[str, Any]] = []
        for key in sorted(set(old) | set(new), key=str):
            path = f"{prefix}.{key}" if prefix else str(key)
            out += _corpus_json_changes(old.get(key), new.get(key), path)
        return out
    if old == new:
        return []
    change: dict[str, Any] = {"path": prefix or "(root)", "old": old, "new": new}
    if isinstance(old, list) and isinstance(new, list):
        change["old"], change["new"] = f"{len(old)} items", f"{len(new)} items"
        change["detail"] = _list_change(old, new)
    return [change]


def diff_outputs(old: Output | str | Path, new: Output | str | Path) -> DiffReport:
    """Compare two output folders (or loaded :class:`Output`) into a :class:`DiffReport`."""
    a = old if isinstance(old, Output) else load_output(old)
    b = new if isinstance(new, Output) else load_output(new)
    names = sorted(set(a.records) | set(b.records))
    article_diffs: list[ArticleDiff] = []
    fact_counts = {t: FactCount() for t in FACT_TYPES}
    for name in names:
        ra, rb = a.records.get(name), b.records.get(name)
        fa = article_facts(ra) if ra is not None else []
        fb = article_facts(rb) if rb is not None else []
        for f in fa:
            fact_counts.setdefault(f.type, FactCount()).old += 1
        for f in fb:
            fact_counts.setdefault(f.type, FactCount()).new += 1
        d = None if ra == rb else diff_records(ra, rb, name, fa, fb)
        if d is None:
            continue
        article_diffs.append(d)
        for f in d.added:
            fact_counts.setdefault(f.type, FactCount()).added += 1
        for f in d.removed:
            fact_counts.setdefault(f.type, FactCount()).removed += 1
        for ch in d.changed:
            fact_counts.setdefault(ch.new.type, FactCount()).changed += 1
    article_counts = {
        "old": len(a.records),
        "new": len(b.records),
        "added": sum(d.status == "added" for d in article_diffs),
        "removed": sum(d.status == "removed" for d in article_diffs),
        "changed": sum(d.status == "changed" for d in article_diffs),
        "text_changed": sum(d.text_changed for d in article_diffs),
        "unchanged": len(names) - len(article_diffs),
    }
    corpus_files: list[CorpusFileDiff] = []
    for fname in CLUSTER_FILES:
        la, lb = a.clusters.get(fname), b.clusters.get(fname)
        if la is None and lb is None:
            continue
        operations = fname.startswith("operations")
        default_type = "operation" if operations else "entity"
        ca = corpus_clusters(la or [], default_type, by_id=operations)
        cb = corpus_clusters(lb or [], default_type, by_id=operations)
        attrs = _attribute_changes(la or [], lb or [], ca, cb)
        corpus_files.append(
            CorpusFileDiff(fname, la is not None, lb is not None, len(ca), len(cb),
                           diff_clusters(ca, cb, attrs, "mention" if not operations else "member"))
        )
    corpus_json: list[dict[str, Any]] = []
    if a.corpus is not None or b.corpus is not None:
        corpus_json = _corpus_json_changes(a.corpus or {}, b.corpus or {})

    def err_key(e: Mapping[str, Any]) -> str:
        return json.dumps(e, sort_keys=True, ensure_ascii=False)

    ea, eb = {err_key(e): e for e in a.errors}, {err_key(e): e for e in b.errors}
    return DiffReport(
        old=str(a.folder),
        new=str(b.folder),
        articles=article_diffs,
        article_counts=article_counts,
        fact_counts={t: c for t, c in fact_counts.items() if c.old or c.new},
        corpus_files=corpus_files,
        corpus_json=corpus_json,
        errors_added=[eb[k] for k in sorted(set(eb) - set(ea))],
        errors_removed=[ea[k] for k in sorted(set(ea) - set(eb))],
    )


__all__ = [
    "CLUSTER_FILES",
    "CLUSTER_KINDS",
    "FACT_TYPES",
    "OUTPUT_FILES",
    "ArticleDiff",
    "Cluster",
    "ClusterChange",
    "DiffReport",
    "Fact",
    "FactChange",
    "Output",
    "article_clusters",
    "article_facts",
    "corpus_clusters",
    "describe",
    "diff_clusters",
    "diff_facts",
    "diff_outputs",
    "diff_records",
    "load_output",
]
