"""Doc -> ArticleRecord: gather what the components annotated into one validated record.

Nothing here re-reads the text for facts; it only groups spans, picks canonical names and
derives stable ids from content, so two runs give identical records.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from operator import attrgetter
from typing import Any, NamedTuple

from spacy.tokens import Doc

from takedown.models.records import ArticleRecord
from takedown.pipeline.common import (
    DATE_FACTS_KEY,
    DATE_GROUP,
    FIGURE_GROUP,
    FIGURES_KEY,
    doc_text,
    ensure_layout,
    entity_rows,
    source_text,
)
from takedown.pipeline.entities import OPERATION_WORD, stable_id

_FIELD_OF = {
    "operation": "operations",
    "marketplace": "marketplaces",
    "agency": "agencies",
    "person": "persons",
}


#: A cue just before a date ("began in late 2021") gives the date its role: reconcile files
#: an operation's dates as began / ended / announced by it. One pattern with a group per role:
#: the cue must be the last word before the date (bar "in the"), so at most one role matches.
_DATE_ROLE_CUES = {
    "began": r"began|begun|begins|started|starts|launched|initiated|commenced|kicked off",
    "ended": r"ended|ends|concluded|culminated|wrapped up|finished",
    "announced": r"announced|unveiled|revealed|made public",
}
_DATE_ROLE = re.compile(
    r"\b(?:"
    + "|".join(f"(?P<{role}>{cues})" for role, cues in _DATE_ROLE_CUES.items())
    + r")\s+(?:(?:in|on|at|around|during|by)\s+)?(?:the\s+)?$",
    re.I,
)
_ROLE_WORD = re.compile(r"beg|start|launch|initiat|commenc|kick|end|conclu|culmin|wrap|finish|"
                        r"announc|unveil|reveal|made", re.I)


def _date_role(text: str, start: int, sentence_start: int) -> str | None:
    lo = max(sentence_start, start - 48)
    # the end-anchored search tries every start in the window: skip it when no cue is there
    if _ROLE_WORD.search(text, lo, start) is None:
        return None
    m = _DATE_ROLE.search(text, lo, start)
    return m.lastgroup if m else None


def _paragraphs(text: str, sentences: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Sentences grouped by the line they stand on (a paragraph is a line of text).

    The sentences come in text order: one starts a new line exactly when a line break lies
    between its start and the previous sentence's."""
    out: list[tuple[int, int]] = []
    prev = -1
    for s, e in sentences:
        if out and text.find("\n", prev, s) < 0:
            lo, hi = out[-1]
            out[-1] = (lo, max(hi, e))
        else:
            out.append((s, e))
        prev = s
    return out


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id(article: str, sha256: str) -> str:
    return "art_" + stable_id(article, sha256)


# "the Justice Department's Criminal Division": the unit's own name has two capitalised words
# or more ("Attorney's Office" is one body's name, not an owner and a unit, and so is "U.S.
# Attorney's Office in Maryland")
_POSSESSIVE_UNIT = re.compile(r"['’]s\s+([A-Z]\S*\s+[A-Z].*)$")


def _surface(text: str) -> str:
    """A mention as an alias: no leading article, no possessive, no "Operation"."""
    s = text.strip()
    if s[:4] in ("the ", "The "):
        s = s[4:].lstrip()
    if s.endswith(("'s", "’s")):
        s = s[:-2]
    return s


class _Mention(NamedTuple):
    """What one entity mention carries (a tuple: a record holds a few hundred of them, and a
    frozen dataclass costs twice as much to build)."""

    label: str
    key: str
    text: str
    start: int
    end: int
    canonical: str
    source: str
    gazetteer_id: str | None
    acronym: str | None
    country: str | None


_START_END = attrgetter("start", "end")


def _mentions(doc: Doc) -> dict[str, dict[str, list[_Mention]]]:
    """Entity mentions grouped by label, then by entity key, in text order."""
    out: dict[str, dict[str, list[_Mention]]] = {}
    text = doc_text(doc)
    for label, key, start, end, canonical, source, gid, acronym, country in entity_rows(doc):
        m = _Mention(
            label, key, text[start:end], start, end, canonical, source, gid, acronym, country
        )
        out.setdefault(label, {}).setdefault(key, []).append(m)
    return out


_SOURCE_RANK = {"gazetteer": 2, "abbreviation": 1}
_CAMEL = re.compile(r"[a-z][A-Z]")


@lru_cache(maxsize=1 << 14)
def _entity_id(label: str, key: str) -> str:
    """An entity's id depends on its label and key alone, and the same bodies recur in
    article after article: hashed once per process, not once per record."""
    return f"{label[:3]}_" + stable_id(label, key)


def _forms(members: list[_Mention], label: str) -> list[str]:
    """The distinct surface forms of an entity's mentions, in text order."""
    forms: list[str] = []
    for m in members:
        form = m.text.strip() if label == "operation" else _surface(m.text)
        if form not in forms:
            forms.append(form)
        # "the Justice Department's Criminal Division" also calls the unit by its own name,
        # and by the owner's and its own together ("Justice Department Criminal Division")
        if label == "agency" and ("'s" in form or "’s" in form):
            unit = _POSSESSIVE_UNIT.search(form)
            if unit:
                joined = form[: unit.start()] + " " + unit.group(1)
                for f in (unit.group(1), joined):
                    if f not in forms:
                        forms.append(f)
    return forms


def _entities(groups: dict[str, list[_Mention]], label: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for key, members in groups.items():
        members.sort(key=_START_END)
        first = members[0]
        name = first.canonical
        forms = _forms(members, label)
        if first.source != "gazetteer" and label == "operation":
            bare = [OPERATION_WORD.sub("", f) for f in forms]
            camel = [b for b in bare if _CAMEL.search(b)]
            name = camel[0] if camel else bare[0]
        source = max((m.source for m in members), key=lambda src: _SOURCE_RANK.get(src, 0))
        out.append(
            dict(
                id=_entity_id(label, key),
                name=name,
                aliases=[f for f in forms if f != name],
                mentions=[{"text": m.text, "start": m.start, "end": m.end} for m in members],
                source=source,
                gazetteer_id=first.gazetteer_id,
                acronym=next((m.acronym for m in members if m.acronym), None),
                country=first.country,
            )
        )
    out.sort(key=lambda e: e["mentions"][0]["start"])
    return out


def _figure_facts(doc: Doc) -> list[dict[str, Any]]:
    """The figures as plain data: from the figures component's facts (exact offsets), or
    else from its span group."""
    facts = doc.user_data.get(FIGURES_KEY)
    if facts is not None:
        return [
            {
                "text": f.text,
                "start": f.start,
                "end": f.end,
                "kind": f.kind,
                "value": f.value,
                "unit": f.unit,
                "substance": f.substance,
                "country": f.country,
                "qualifier": f.qualifier,
                "value_max": f.value_max,
                "equivalents": [e.as_dict() for e in f.equivalents],
            }
            for f in facts
        ]
    out: list[dict[str, Any]] = []
    for span in doc.spans.get(FIGURE_GROUP, ()):
        u = span._  # each ``span._`` access builds a new accessor: take it once
        out.append(
            {
                "text": span.text,
                "start": span.start_char,
                "end": span.end_char,
                "kind": u.kind,
                "value": u.value,
                "unit": u.unit,
                "substance": u.substance,
                "country": u.country,
                "qualifier": u.qualifier,
                "value_max": u.value_max,
                "equivalents": list(u.equivalents or []),
            }
        )
    return out


def _date_facts(doc: Doc) -> list[dict[str, Any]]:
    """The stated dates as plain data, from the dates component's facts or its spans."""
    facts = doc.user_data.get(DATE_FACTS_KEY)
    if facts is not None:
        return [
            {
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "value": m.value,
                "modifier": m.modifier,
                "relative": bool(m.relative),
            }
            for m in facts
        ]
    out: list[dict[str, Any]] = []
    for span in doc.spans.get(DATE_GROUP, ()):
        u = span._
        out.append(
            {
                "text": span.text,
                "start": span.start_char,
                "end": span.end_char,
                "value": u.value,
                "modifier": u.modifier,
                "relative": bool(u.relative),
            }
        )
    return out


def build_record(
    doc: Doc, article: str, sha256: str | None = None, published: str | None = None
) -> ArticleRecord:
    """The record of one processed Doc. ``published`` (the caller's date) wins over the page's."""
    text = doc_text(doc)
    sha = sha256 or sha256_text(source_text(doc))
    aid = article_id(article, sha)
    layout = ensure_layout(doc)
    ents = _mentions(doc)
    title = title_span = None
    if layout.title:
        s, e = layout.title
        title = text[s:e]
        title_span = {"text": title, "start": s, "end": e}
    pub_match = doc._.takedown_published
    pub_value = published or (pub_match.value if pub_match else None)
    pub_span = None
    if pub_match is not None and pub_value == pub_match.value:
        pub_span = {"text": pub_match.text, "start": pub_match.start, "end": pub_match.end}
    figures: list[dict[str, Any]] = []
    for f in _figure_facts(doc):
        figures.append(
            dict(
                id="fig_" + stable_id(aid, f["kind"], str(f["start"]), str(f["end"])),
                **f,
            )
        )
    dates: list[dict[str, Any]] = []
    seen_dates: set[tuple[str, str | None]] = set()
    anchor = doc._.takedown_anchor or pub_value
    for d in _date_facts(doc):
        key = (d["value"], d["modifier"])
        if key in seen_dates:
            continue
        seen_dates.add(key)
        dates.append(
            dict(
                id="dat_" + stable_id(aid, str(d["start"]), str(d["end"])),
                **d,
                anchor=anchor if d["relative"] else None,
                role=_date_role(text, d["start"], layout.sentence_of(d["start"])[0]),
            )
        )
    unresolved = [
        {"text": m.text, "start": m.start, "end": m.end, "expression": m.expression}
        for m in doc._.takedown_unresolved or []
    ]
    country_entities = _entities(ents.get("country", {}), "country")
    # one validation of the whole record (nested models are validated from plain data in
    # one pass, far cheaper than constructing each fact as a model)
    data = dict(
        id=aid,
        article=article,
        sha256=sha,
        title=title,
        title_span=title_span,
        published=pub_value,
        published_span=pub_span,
        countries=[e["name"] for e in country_entities],
        country_entities=country_entities,
        figures=figures,
        dates=dates,
        unresolved_dates=unresolved,
        sentences=layout.sentences,
        paragraphs=_paragraphs(text, layout.sentences),
        **{field: _entities(ents.get(label, {}), label) for label, field in _FIELD_OF.items()},
    )
    source = source_text(doc)
    if source is not text:
        data = _evidence_from(source, data)
    return ArticleRecord.model_validate(data)


def _evidence_from(source: str, data: Any) -> Any:
    """``data`` with every piece of evidence ({"text", "start", "end"}) and the title sliced
    from the text as it came: the components read Unicode spaces as " " (same offsets), the
    record quotes the file."""
    if isinstance(data, list):
        return [_evidence_from(source, v) for v in data]
    if not isinstance(data, dict):
        return data
    out = {k: _evidence_from(source, v) for k, v in data.items()}
    if isinstance(out.get("text"), str) and isinstance(out.get("start"), int):
        out["text"] = source[out["start"] : out["end"]]
    span = out.get("title_span")
    if isinstance(span, dict):
        out["title"] = span["text"]
    return out
