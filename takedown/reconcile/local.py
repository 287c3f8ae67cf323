"""Within an article first: the per-article entities merged into one local entity per thing.

The extractor already groups most forms of one thing inside an article (an acronym with its
definition, "the Bureau" with the FBI, "Wray" with "Christopher Wray"). This stage applies the
same rules again to whatever records it is given -- records written by another extractor, by
hand, or before a rule existed -- so cross-article linking always starts from one entity per
thing per article:

1. same gazetteer id;
2. the same name key (one sense per discourse: an article that says "Hydra" and "Hydra
   Market" means one market; which one is decided by the years, below);
3. a bare acronym whose definition ("Long Name (ACR)") or, failing that, whose initials match
   exactly one other entity of the article;
4. an anaphor ("the Bureau", "the Department", "U.S. Attorney's Office") to the nearest
   earlier agency whose name contains its words;
5. a surname to the only full name in the article ending with it.

Each local entity also gets the years its mentions are dated to (:func:`era_of`): dates in the
sentences that mention it, years of operations named in the same paragraph, else the article's
main operation or publication year. Markets and operations that share a name with another
gazetteer entry (homonyms) take the entry whose active years fit those years, and say so when
none or several fit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from sys import intern
from typing import Any, NamedTuple

from takedown.reconcile.config import ReconcileConfig
from takedown.reconcile.gazetteer import Gazetteer
from takedown.reconcile.names import (
    QUALIFIERS,
    STOP,
    acronym_key,
    initials,
    is_acronym,
    is_weak,
    name_key,
    tokens,
)

#: Record field -> reconcile type, in the order types are processed (operations first: the
#: other types read the operations' years and attribution).
FIELD_TYPES: tuple[tuple[str, str], ...] = (
    ("operations", "operation"),
    ("marketplaces", "marketplace"),
    ("agencies", "agency"),
    ("persons", "person"),
    ("country_entities", "country"),
)
TYPE_FIELDS: dict[str, str] = {
    "operation": "operations",
    "marketplace": "marketplaces",
    "agency": "agencies",
    "person": "persons",
    "country": "countries",
}
_YEAR = re.compile(r"^(\d{4})")
_YEARS = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_OPERATION_WORD = re.compile(r"^(?:[Tt]he\s+)?(?:[Oo]peration|[Pp]roject)\s+")


@dataclass(slots=True)
class ArticleCtx:
    """One article's layout and facts, as far as reconcile needs them."""

    idx: int
    name: str
    record_id: str
    published: str | None
    published_span: tuple[str, int, int] | None
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    dates: list[Mapping[str, Any]]
    figures: list[Mapping[str, Any]]
    ref_year: int | None
    _sent_starts: list[int] = field(default_factory=list)
    _para_starts: list[int] = field(default_factory=list)

    def sentence_of(self, pos: int) -> tuple[int, int] | None:
        return _containing(self.sentences, self._sent_starts, pos)

    def paragraph_of(self, pos: int) -> tuple[int, int] | None:
        return _containing(self.paragraphs, self._para_starts, pos)


def _containing(
    ranges: list[tuple[int, int]], starts: list[int], pos: int
) -> tuple[int, int] | None:
    i = bisect_right(starts, pos) - 1
    if i >= 0 and ranges[i][0] <= pos < max(ranges[i][1], ranges[i][0] + 1):
        return ranges[i]
    return None


@dataclass(slots=True)
class LocalEntity:
    """One thing in one article: the per-article entities that name it, merged."""

    type: str
    article: int
    name: str
    key: str
    toks: tuple[str, ...]
    alias_keys: tuple[str, ...]
    acronyms: tuple[str, ...]
    defines: tuple[str, ...]
    acronym_only: bool
    weak: bool
    gaz: str | None
    country: str | None
    entity_ids: list[str]
    mentions: list[tuple[int, int, str]]
    form_rules: dict[str, tuple[str, str]]
    gaz_candidates: tuple[str, ...] = ()
    era_years: tuple[int, ...] = ()
    era_level: int = -1  # 2 local dates/operations, 1 article's operation, 0 reference year
    ambiguous: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.mentions[0][0] if self.mentions else 1 << 40


class FormInfo(NamedTuple):
    """Everything the linking rules ask about one written form, computed once per form."""

    acronym: bool  # an agency acronym ("FBI", "J-CODE")
    acr_key: str
    toks: tuple[str, ...]
    key: str
    weak: bool  # a kind of body, not one ("the Bureau")
    short: bool  # a person's single name (a surname)


@lru_cache(maxsize=1 << 18)
def form_info(form: str, etype: str) -> FormInfo:
    """See :class:`FormInfo`; cached, since a corpus repeats its forms endlessly."""
    acr = etype == "agency" and is_acronym(form)
    toks = tokens(form, etype)
    return FormInfo(
        acronym=acr,
        acr_key=acronym_key(form) if acr else "",
        toks=toks,
        key="".join(toks),
        weak=is_weak(toks, etype),
        short=etype == "person" and len(toks) < 2,
    )


#: How a form joined its local entity, as (rule, argument) -> readable detail.
_DETAIL = {
    "gazetteer": "gazetteer entry {}",
    "acronym_definition": "defined as {!r}",
    "acronym_initials": "initials of {!r}",
    "within_article": "grouped with {!r}",
    "same_form": "same name as {!r}",
    "anaphor": "after {!r}",
    "surname": "after {!r}",
    "context": "{}",
}


def rule_detail(rule: str, arg: str) -> str:
    return _DETAIL.get(rule, "{}").format(arg)


@dataclass(slots=True)
class _Raw:
    id: str
    name: str
    forms: list[str]
    mentions: list[tuple[int, int, str]]
    gaz: str | None
    acronym: str | None
    country: str | None
    source: str


def _pairs(value: Any) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for item in value or ():
        if isinstance(item, Mapping):
            s, e = item.get("start"), item.get("end")
        else:
            s, e = item[0], item[1]
        if isinstance(s, int) and isinstance(e, int):
            out.append((s, e))
    out.sort()
    return out


def _year(value: Any) -> int | None:
    m = _YEAR.match(str(value or ""))
    return int(m.group(1)) if m else None


def make_context(idx: int, record: Mapping[str, Any]) -> ArticleCtx:
    """The article-level view of one record (a dict in the shape of ``ArticleRecord``)."""
    dates = [d for d in record.get("dates") or () if isinstance(d, Mapping)]
    years = [y for d in dates for y in map(int, _YEARS.findall(str(d.get("value") or "")))]
    published = record.get("published")
    ref_year = _year(published) or (max(years) if years else None)
    pub_span = record.get("published_span")
    span = None
    if isinstance(pub_span, Mapping):
        span = (str(pub_span.get("text", "")), int(pub_span["start"]), int(pub_span["end"]))
    sentences = _pairs(record.get("sentences"))
    paragraphs = _pairs(record.get("paragraphs"))
    return ArticleCtx(
        idx=idx,
        name=str(record.get("article") or ""),
        record_id=str(record.get("id") or ""),
        published=published,
        published_span=span,
        sentences=sentences,
        paragraphs=paragraphs,
        dates=dates,
        figures=[f for f in record.get("figures") or () if isinstance(f, Mapping)],
        ref_year=ref_year,
        _sent_starts=[s for s, _ in sentences],
        _para_starts=[s for s, _ in paragraphs],
    )


def _raw_entities(record: Mapping[str, Any], fname: str) -> list[_Raw]:
    items = record.get(fname)
    if fname == "country_entities" and not items:
        # Hand-written or older records: country names without entities.
        items = [{"name": c, "id": f"country:{c}"} for c in record.get("countries") or ()]
    out: list[_Raw] = []
    for n, ent in enumerate(items or ()):
        if isinstance(ent, str):
            ent = {"name": ent}
        if not isinstance(ent, Mapping) or not ent.get("name"):
            continue
        mentions = []
        for m in ent.get("mentions") or ():
            if isinstance(m, Mapping) and isinstance(m.get("start"), int):
                # interned: a corpus writes the same few forms a million times
                mentions.append((int(m["start"]), int(m["end"]), intern(str(m.get("text") or ""))))
        mentions.sort()
        name = str(ent["name"])
        forms = [name, *[str(a) for a in ent.get("aliases") or () if a]]
        forms += [t for _, _, t in mentions if t]
        out.append(
            _Raw(
                id=str(ent.get("id") or f"{fname}:{n}"),
                name=name,
                forms=list(dict.fromkeys(f.strip() for f in forms if f.strip())),
                mentions=mentions,
                gaz=ent.get("gazetteer_id"),
                acronym=ent.get("acronym"),
                country=ent.get("country"),
                source=str(ent.get("source") or "pattern"),
            )
        )
    out.sort(key=lambda r: (r.mentions[0][0] if r.mentions else 1 << 40, r.name, r.id))
    return out


class _UF:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _display(name: str, etype: str) -> str:
    if etype == "operation":
        bare = _OPERATION_WORD.sub("", name.strip())
        return bare or name.strip()
    return name.strip()


def within_article(
    raws: list[_Raw], etype: str, gaz: Gazetteer
) -> tuple[list[list[int]], dict[int, tuple[str, str]]]:
    """Groups of raw entities that name one thing, and why each joined its group.

    Returns the groups (indices into ``raws``, first = earliest) and, for every index that
    joined by a rule, (rule, the name it joined).
    """
    n = len(raws)
    uf = _UF(n)
    why: dict[int, tuple[str, str]] = {}
    infos = [[form_info(f, etype) for f in r.forms] for r in raws]
    keys: list[set[str]] = []
    for fis in infos:
        ks = {
            fi.key
            for fi in fis
            if fi.key
            and not fi.acronym
            and not fi.weak
            and not fi.short
            and fi.key not in gaz.weak_keys
        }
        keys.append(ks)
    toks_of = [form_info(r.name, etype).toks for r in raws]
    acr_only = [etype == "agency" and all(fi.acronym for fi in fis) for fis in infos]
    gaz_of: dict[int, set[str]] = {i: ({r.gaz} if r.gaz else set()) for i, r in enumerate(raws)}
    keys_of: dict[int, set[str]] = {i: set(k) for i, k in enumerate(keys)}

    def join(a: int, b: int, rule: str) -> bool:
        """Merge b's group into a's unless two different gazetteer entries would meet
        (homonyms -- entries sharing a name key -- may: the years decide later)."""
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            return False
        ga, gb = gaz_of[ra], gaz_of[rb]
        if ga and gb and not (ga & gb) and not (keys_of[ra] & keys_of[rb]):
            return False
        uf.union(ra, rb)
        root, other = (ra, rb) if uf.find(ra) == ra else (rb, ra)
        gaz_of[root] |= gaz_of[other]
        keys_of[root] |= keys_of[other]
        why.setdefault(b, (rule, raws[a].name))
        return True

    # 1. same gazetteer id; 2. same name key
    first_of: dict[str, int] = {}
    for i, r in enumerate(raws):
        for k in ([f"\0{r.gaz}"] if r.gaz else []) + sorted(keys[i]):
            j = first_of.setdefault(k, i)
            if j != i:
                join(j, i, "gazetteer" if k.startswith("\0") else "same_form")
    if etype == "agency" and any(acr_only):
        # 3. bare acronyms: a definition first, initials second; only a unique match links.
        for i in range(n):
            if not acr_only[i]:
                continue
            acr = infos[i][0].acr_key
            defs = sorted(
                {
                    uf.find(j)
                    for j in range(n)
                    if j != i
                    and not acr_only[j]
                    and (
                        (raws[j].acronym and acronym_key(raws[j].acronym) == acr)
                        or any(fi.acronym and fi.acr_key == acr for fi in infos[j])
                        or acr in gaz.acronyms(etype, raws[j].gaz or "")
                    )
                }
            )
            rule = "acronym_definition"
            if not defs:
                defs = sorted(
                    {
                        uf.find(j)
                        for j in range(n)
                        if j != i and not acr_only[j] and acr in initials(toks_of[j])
                    }
                )
                rule = "acronym_initials"
            if len(defs) == 1:
                join(defs[0], i, rule)
    if etype == "agency":
        # 4. anaphors: the nearest earlier agency whose words include the anaphor's.
        for i in range(n):
            t = toks_of[i]
            if not is_weak(t, etype) and "".join(t) not in gaz.weak_keys:
                continue
            need = {w for w in t if w not in STOP and w not in QUALIFIERS} or set(t)
            start = raws[i].mentions[0][0] if raws[i].mentions else 1 << 40
            best: int | None = None
            best_start = -1
            for j in range(n):
                if j == i or uf.find(j) == uf.find(i):
                    continue
                entry = gaz.get(etype, raws[j].gaz)
                anaphor_ok = entry is not None and any(
                    name_key(a, etype) == "".join(t) for a in entry.anaphors
                )
                if not anaphor_ok and not (
                    need <= set(toks_of[j]) and not is_weak(toks_of[j], etype)
                ):
                    continue
                sj = raws[j].mentions[0][0] if raws[j].mentions else 1 << 40
                if sj <= start and sj > best_start:
                    best, best_start = j, sj
            if best is not None:
                join(best, i, "anaphor")
    if etype == "person":
        # 5. a surname to the only full name ending with it
        for i in range(n):
            t = toks_of[i]
            if len(t) != 1:
                continue
            cands = sorted(
                {uf.find(j) for j in range(n) if len(toks_of[j]) >= 2 and toks_of[j][-1] == t[0]}
            )
            if len(cands) == 1:
                join(cands[0], i, "surname")
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(uf.find(i), []).append(i)
    return [groups[r] for r in sorted(groups)], why


def build_local(
    ctx: ArticleCtx,
    raws: list[_Raw],
    etype: str,
    gaz: Gazetteer,
) -> list[LocalEntity]:
    """Merge one article's entities of one type into local entities (see module doc)."""
    if not raws:
        return []
    if len(raws) == 1:
        groups: list[list[int]] = [[0]]
        why: dict[int, tuple[str, str]] = {}
    else:
        groups, why = within_article(raws, etype, gaz)
    weak_keys = gaz.weak_keys
    agency = etype == "agency"
    out: list[LocalEntity] = []
    for members in groups:
        rs = [raws[i] for i in members]
        gaz_ids = sorted({r.gaz for r in rs if r.gaz})
        # The name: a gazetteer entity's, else the longest full (non-acronym, non-weak) one.
        named = [r for r in rs if r.gaz] or rs
        full = [
            r
            for r in named
            if not form_info(r.name, etype).acronym and not form_info(r.name, etype).weak
        ] or named
        if etype == "person" and len(full) > 1:
            full.sort(key=lambda r: -len(form_info(r.name, etype).toks))
        head = full[0]
        name = _display(head.name, etype)
        info = form_info(name, etype)
        key = info.key
        alias: set[str] = set()
        acronyms: set[str] = set()
        defines: set[str] = set()
        for r in rs:
            fis = [form_info(f, etype) for f in r.forms]
            has_long = not all(fi.acronym for fi in fis)
            for fi in fis:
                if fi.acronym:
                    acronyms.add(fi.acr_key)
                    if has_long:
                        defines.add(fi.acr_key)
                elif fi.key and fi.key != key and not fi.weak and not fi.short:
                    if not (agency and fi.key in weak_keys):
                        alias.add(fi.key)
            if r.acronym and agency:
                ak = acronym_key(r.acronym)
                acronyms.add(ak)
                defines.add(ak)
        if len(rs) == 1:
            mentions = rs[0].mentions
        else:
            mentions = sorted({m for r in rs for m in r.mentions})
        form_rules: dict[str, tuple[str, str]] = {}
        for idx, r in zip(members, rs, strict=True):
            rule = why.get(idx)
            acr_key = acronym_key(r.acronym) if (r.acronym and agency) else None
            for f in [t for _, _, t in r.mentions] or r.forms:
                if f in form_rules:
                    continue
                if rule is not None:
                    form_rules[f] = rule
                elif acr_key is not None and acronym_key(f) == acr_key:
                    form_rules[f] = ("acronym_definition", r.name)
                elif r.gaz and r.source == "gazetteer":
                    form_rules[f] = ("gazetteer", r.gaz)
                else:
                    form_rules[f] = ("within_article", r.name)
        acronym_only = agency and all(form_info(f, etype).acronym for r in rs for f in r.forms)
        le = LocalEntity(
            type=etype,
            article=ctx.idx,
            name=name,
            key=acronym_key(name) if acronym_only else key,
            toks=info.toks,
            alias_keys=tuple(sorted(alias)),
            acronyms=tuple(sorted(acronyms)),
            defines=tuple(sorted(defines)),
            acronym_only=acronym_only,
            weak=info.weak or (agency and key in weak_keys),
            gaz=gaz_ids[0] if len(gaz_ids) == 1 else None,
            country=next((r.country for r in rs if r.country), None),
            entity_ids=sorted({r.id for r in rs}),
            mentions=mentions,
            form_rules=form_rules,
        )
        if len(gaz_ids) > 1:
            le.gaz_candidates = tuple(gaz_ids)
        out.append(le)
    return out


def _years_in(ctx: ArticleCtx, start: int, end: int, cfg: ReconcileConfig) -> list[int]:
    """Years of the dates stated in the sentence of [start, end) (or within reach)."""
    sent = ctx.sentence_of(start)
    lo, hi = sent if sent else (start - cfg.nearby_chars, end + cfg.nearby_chars)
    out: list[int] = []
    for d in ctx.dates:
        ds = d.get("start")
        if isinstance(ds, int) and lo <= ds < hi:
            out += [int(y) for y in _YEARS.findall(str(d.get("value") or ""))]
    return out


def era_of(
    le: LocalEntity,
    ctx: ArticleCtx,
    op_years: list[tuple[int, int, tuple[int, int]]],
    article_op_years: tuple[int, int] | None,
    cfg: ReconcileConfig,
) -> None:
    """Fill ``le.era_years``/``le.era_level`` from the dates and operations around it.

    ``op_years`` holds (start, end, (first, last year)) of operation mentions with known
    years; ``article_op_years`` the years of the article's sole or main operation.
    """
    years: list[int] = []
    for s, e, _ in le.mentions:
        years += _years_in(ctx, s, e, cfg)
        para = ctx.paragraph_of(s)
        lo, hi = para if para else (s - cfg.nearby_chars, e + cfg.nearby_chars)
        for os_, _oe, (y0, y1) in op_years:
            if lo <= os_ < hi:
                years += [y0, y1]
    if years:
        le.era_years, le.era_level = tuple(sorted(set(years))), 2
    elif article_op_years is not None:
        le.era_years, le.era_level = tuple(sorted(set(article_op_years))), 1
    elif ctx.ref_year is not None:
        le.era_years, le.era_level = (ctx.ref_year,), 0


#: A year before an entry existed weighs this many years after it closed: articles look back
#: at closed markets (trials, sentences, anniversaries), but never mention one before it opened.
EARLY_WEIGHT = 3


def misfit(years: Sequence[int], era: tuple[int, int]) -> int:
    """How far the farthest dated mention lies outside an entry's active years (weighted)."""
    lo, hi = era
    return max((max(EARLY_WEIGHT * (lo - y), y - hi, 0) for y in years), default=0)


def resolve_gazetteer(
    le: LocalEntity, ctx: ArticleCtx, gaz: Gazetteer, cfg: ReconcileConfig
) -> None:
    """Settle the entity's gazetteer id: homonyms by years, untagged names by exact form.

    * An untagged entity whose name is exactly one entry's form takes that entry.
    * Markets and operations whose name several entries share (Hydra 2014 and Hydra Market
      2015-2022) take the entry whose active years fit the years around their mentions (see
      :func:`era_of`). The extractor's own pick is evidence of the name only, so it is
      re-decided; when no entry or several fit equally, the entity keeps no gazetteer id,
      says why, and will not be linked on the name alone.
    * Agencies keep the extractor's pick (it had the context; agencies have no years).
    """
    cands = set(le.gaz_candidates)
    if le.gaz:
        cands.add(le.gaz)
    dated = le.type in ("marketplace", "operation")
    if dated or not cands:
        for k in (le.key, *le.alias_keys) if dated else (le.key,):
            cands |= set(gaz.homonyms(le.type, k))
    if not cands:
        return
    entries = sorted(cands)
    if len(entries) == 1:
        if le.gaz is None:
            le.gaz = entries[0]
            le.form_rules = {
                f: (("gazetteer", le.gaz) if r[0] == "within_article" else r)
                for f, r in le.form_rules.items()
            }
        return
    if not dated:
        if le.gaz is None:
            le.notes.append(
                f"{ctx.name}: {le.name!r} is a form of several gazetteer entries "
                f"({', '.join(entries)}); left unassigned"
            )
        return
    eras = {g: (e.era if (e := gaz.get(le.type, g)) else None) for g in entries}
    level = ("the article's date", "the article's operation", "dates near its mentions")[
        max(le.era_level, 0)
    ]
    years = _span_text(le.era_years)
    if not le.era_years or any(eras[g] is None for g in entries):
        le.gaz, le.ambiguous = None, "homonyms"
        le.notes.append(
            f"{ctx.name}: {le.name!r} may be {' or '.join(entries)}; no dates to decide: "
            "evidence too thin"
        )
        return
    scored = sorted((misfit(le.era_years, eras[g]), g) for g in entries)  # type: ignore[arg-type]
    best, gid = scored[0]
    if best <= cfg.homonym_fit_years and scored[1][0] - best >= cfg.homonym_margin:
        if le.gaz != gid:
            was = f", not {le.gaz}" if le.gaz else ""
            le.notes.append(
                f"{ctx.name}: {le.name!r} taken as {gid} (active {_span_text(eras[gid])}){was}: "
                f"{level}: {years}"
            )
        le.gaz, le.ambiguous = gid, None
        le.form_rules = {
            f: (("context", f"{gid} by {level} ({years})") if r[0] != "within_article" else r)
            for f, r in le.form_rules.items()
        }
        return
    le.gaz, le.ambiguous = None, "homonyms"
    le.notes.append(
        f"{ctx.name}: {le.name!r} could be "
        + " or ".join(f"{g} (active {_span_text(eras[g])})" for g in entries)
        + f"; {level} ({years}) fit {'none' if best > cfg.homonym_fit_years else 'both'}: "
        "evidence too thin"
    )


def _span_text(years: Sequence[int] | tuple[int, int] | None) -> str:
    if not years:
        return "undated"
    lo, hi = min(years), max(years)
    return str(lo) if lo == hi else f"{lo}-{hi}"


__all__ = [
    "FIELD_TYPES",
    "TYPE_FIELDS",
    "ArticleCtx",
    "LocalEntity",
    "build_local",
    "era_of",
    "make_context",
    "misfit",
    "resolve_gazetteer",
]
