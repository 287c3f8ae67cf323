"""Doc -> ArticleRecord: gather what the components annotated into one validated record.

Nothing here re-reads the text for facts; it only groups spans, picks canonical names and
derives stable ids from content, so two runs give identical records.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span

from takedown.models.records import (
    ArticleRecord,
    DateFact,
    Entity,
    Equivalent,
    Figure,
    UnresolvedDate,
)
from takedown.models.records import Span as Evidence
from takedown.pipeline.common import (
    DATE_GROUP,
    ENTITY_GROUP,
    FIGURE_GROUP,
    doc_text,
    ensure_layout,
)
from takedown.pipeline.entities import stable_id

_FIELD_OF = {
    "operation": "operations",
    "marketplace": "marketplaces",
    "agency": "agencies",
    "person": "persons",
}


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id(article: str, sha256: str) -> str:
    return "art_" + stable_id(article, sha256)


def _surface(text: str) -> str:
    """A mention as an alias: no leading article, no possessive, no "Operation"."""
    s = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return re.sub(r"['’]s$", "", s)


def _entities(spans: Iterable[Span], label: str) -> list[Entity]:
    groups: dict[str, list[Span]] = {}
    for span in spans:
        if span.label_ == label:
            groups.setdefault(span._.entity_key, []).append(span)
    out: list[Entity] = []
    for key, members in groups.items():
        members.sort(key=lambda s: (s.start_char, s.end_char))
        first = members[0]
        name = first._.canonical
        forms: list[str] = []
        for s in members:
            form = _surface(s.text)
            if label == "operation":
                form = s.text.strip()
            if form not in forms:
                forms.append(form)
        if first._.source != "gazetteer" and label == "operation":
            bare = [re.sub(r"^(?:[Oo]peration|Project)\s+", "", f) for f in forms]
            camel = [b for b in bare if re.search(r"[a-z][A-Z]", b)]
            name = camel[0] if camel else bare[0]
        aliases = [f for f in forms if f != name]
        acronym = next((s._.acronym for s in members if s._.acronym), None)
        source = max(
            (s._.source for s in members),
            key=lambda src: {"gazetteer": 2, "abbreviation": 1}.get(src, 0),
        )
        out.append(
            Entity(
                id=f"{label[:3]}_" + stable_id(label, key),
                name=name,
                aliases=aliases,
                mentions=[
                    Evidence(text=s.text, start=s.start_char, end=s.end_char) for s in members
                ],
                source=source,
                gazetteer_id=first._.gazetteer_id,
                acronym=acronym,
                country=first._.country,
            )
        )
    out.sort(key=lambda e: e.mentions[0].start)
    return out


def build_record(
    doc: Doc, article: str, sha256: str | None = None, published: str | None = None
) -> ArticleRecord:
    """The record of one processed Doc. ``published`` (the caller's date) wins over the page's."""
    text = doc_text(doc)
    sha = sha256 or sha256_text(text)
    aid = article_id(article, sha)
    layout = ensure_layout(doc)
    ents = list(doc.spans[ENTITY_GROUP]) if ENTITY_GROUP in doc.spans else []
    title = title_span = None
    if layout.title:
        s, e = layout.title
        title = text[s:e]
        title_span = Evidence(text=title, start=s, end=e)
    pub_match = doc._.takedown_published
    pub_value = published or (pub_match.value if pub_match else None)
    pub_span = None
    if pub_match is not None and pub_value == pub_match.value:
        pub_span = Evidence(text=pub_match.text, start=pub_match.start, end=pub_match.end)
    figures: list[Figure] = []
    for span in doc.spans[FIGURE_GROUP] if FIGURE_GROUP in doc.spans else []:
        figures.append(
            Figure(
                id="fig_" + stable_id(aid, span._.kind, str(span.start_char), str(span.end_char)),
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                kind=span._.kind,
                value=span._.value,
                unit=span._.unit,
                substance=span._.substance,
                country=span._.country,
                qualifier=span._.qualifier,
                value_max=span._.value_max,
                equivalents=[Equivalent(**e) for e in span._.equivalents or []],
            )
        )
    dates: list[DateFact] = []
    seen_dates: set[tuple[str, str | None]] = set()
    for span in doc.spans[DATE_GROUP] if DATE_GROUP in doc.spans else []:
        key = (span._.value, span._.modifier)
        if key in seen_dates:
            continue
        seen_dates.add(key)
        dates.append(
            DateFact(
                id="dat_" + stable_id(aid, str(span.start_char), str(span.end_char)),
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                value=span._.value,
                modifier=span._.modifier,
                relative=bool(span._.relative),
                anchor=(doc._.takedown_anchor or pub_value) if span._.relative else None,
            )
        )
    unresolved = [
        UnresolvedDate(text=m.text, start=m.start, end=m.end, expression=m.expression)
        for m in doc._.takedown_unresolved or []
    ]
    country_entities = _entities(ents, "country")
    record = ArticleRecord(
        id=aid,
        article=article,
        sha256=sha,
        title=title,
        title_span=title_span,
        published=pub_value,
        published_span=pub_span,
        countries=[e.name for e in country_entities],
        country_entities=country_entities,
        figures=figures,
        dates=dates,
        unresolved_dates=unresolved,
        **{field: _entities(ents, label) for label, field in _FIELD_OF.items()},
    )
    return record
