"""What reconcile needs from the gazetteers: canonical names, forms, acronyms, active years.

The extractor already tags mentions with gazetteer ids; reconcile uses the gazetteers again
for three things the per-article records cannot carry: the well-known forms of an entry (so a
pattern-found "US Justice Department" meets "United States Department of Justice"), the
entries that share a name (Hydra 2014 and Hydra Market 2015-2022: homonyms are resolved by
the years an article's records carry), and agency anaphors ("the Bureau") that must never link
across articles on their own.

A :class:`Gazetteer` can be built from any entries, so tests and the benchmark supply their
own; :func:`default_gazetteer` reads the shipped rules once per process.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from takedown.reconcile.names import acronym_key, is_acronym, name_key


@dataclass(frozen=True)
class GazetteerEntry:
    """One gazetteer entry as reconcile sees it (type is reconcile's singular type name)."""

    id: str
    type: str
    name: str
    forms: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    anaphors: tuple[str, ...] = ()
    country: str | None = None
    era: tuple[int, int] | None = None


def parse_era(value: str | int | None) -> tuple[int, int] | None:
    """ "2014" -> (2014, 2014); "2015/2022" -> (2015, 2022); 2023 -> (2023, 2023)."""
    if value is None:
        return None
    parts = str(value).split("/")
    try:
        years = [int(p[:4]) for p in parts if p[:4].isdigit()]
    except ValueError:
        return None
    if not years:
        return None
    return (min(years), max(years))


@dataclass
class Gazetteer:
    """Entries indexed by (type, id) and by (type, name key)."""

    entries: dict[tuple[str, str], GazetteerEntry] = field(default_factory=dict)
    by_key: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    weak_keys: frozenset[str] = frozenset()

    @classmethod
    def from_entries(cls, entries: Iterable[GazetteerEntry]) -> Gazetteer:
        table: dict[tuple[str, str], GazetteerEntry] = {}
        keys: dict[tuple[str, str], set[str]] = defaultdict(set)
        weak: set[str] = set()
        for entry in entries:
            table[(entry.type, entry.id)] = entry
            for form in (entry.name, *entry.forms):
                if entry.type == "agency" and is_acronym(form):
                    continue
                key = name_key(form, entry.type)
                if key:
                    keys[(entry.type, key)].add(entry.id)
            for anaphor in entry.anaphors:
                weak.add(name_key(anaphor, entry.type))
        return cls(
            entries=table,
            by_key={k: tuple(sorted(v)) for k, v in keys.items()},
            weak_keys=frozenset(weak),
        )

    def get(self, etype: str, gid: str | None) -> GazetteerEntry | None:
        if gid is None:
            return None
        return self.entries.get((etype, gid))

    def homonyms(self, etype: str, key: str) -> tuple[str, ...]:
        """Ids of every entry of this type with a form whose key is ``key``."""
        return self.by_key.get((etype, key), ())

    def acronyms(self, etype: str, gid: str) -> tuple[str, ...]:
        entry = self.get(etype, gid)
        return tuple(acronym_key(a) for a in entry.acronyms) if entry else ()


def _entries_from_rules() -> Iterable[GazetteerEntry]:
    from takedown.resources import default_rules

    for rule in default_rules("agencies"):
        yield GazetteerEntry(
            id=rule.id,  # type: ignore[attr-defined]
            type="agency",
            name=rule.name,  # type: ignore[attr-defined]
            forms=tuple(rule.aliases),  # type: ignore[attr-defined]
            acronyms=tuple(rule.acronyms),  # type: ignore[attr-defined]
            anaphors=tuple(rule.anaphors),  # type: ignore[attr-defined]
            country=rule.country,  # type: ignore[attr-defined]
        )
    for rule in default_rules("markets"):
        yield GazetteerEntry(
            id=rule.id,  # type: ignore[attr-defined]
            type="marketplace",
            name=rule.name,  # type: ignore[attr-defined]
            forms=tuple(rule.aliases),  # type: ignore[attr-defined]
            era=parse_era(rule.active),  # type: ignore[attr-defined]
        )
    for rule in default_rules("operations"):
        yield GazetteerEntry(
            id=rule.id,  # type: ignore[attr-defined]
            type="operation",
            name=rule.name,  # type: ignore[attr-defined]
            forms=tuple(rule.aliases),  # type: ignore[attr-defined]
            era=parse_era(rule.year),  # type: ignore[attr-defined]
        )
    for rule in default_rules("countries"):
        yield GazetteerEntry(
            id=rule.id,  # type: ignore[attr-defined]
            type="country",
            name=rule.name,  # type: ignore[attr-defined]
            forms=tuple(rule.aliases),  # type: ignore[attr-defined]
        )


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteers, loaded once per process."""
    return Gazetteer.from_entries(_entries_from_rules())


__all__ = ["Gazetteer", "GazetteerEntry", "default_gazetteer", "parse_era"]
