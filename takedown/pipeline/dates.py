"""spaCy component ``takedown_dates``: dates at their stated precision, relative ones resolved.

The anchor for relative dates is ``doc._.takedown_anchor`` (an ISO day given by the caller,
e.g. ``--published``) or else the byline date found in the page; with neither, relative
dates are kept aside as unresolved rather than guessed.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from takedown.normalize.dates import find_dates
from takedown.normalize.published import find_published
from takedown.pipeline.common import DATE_GROUP, char_span, ensure_layout, register_extensions


class DateTagger:
    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        layout = ensure_layout(doc)
        published = find_published(doc.text)
        if published is not None and layout.in_zone(published.start, published.end):
            published = None
        doc._.takedown_published = published
        anchor_iso = doc._.takedown_anchor or (published.value if published else None)
        anchor = date.fromisoformat(anchor_iso) if anchor_iso else None
        spans = []
        unresolved = []
        for m in find_dates(doc.text, anchor, list(layout.zones)):
            if m.value is None:
                unresolved.append(m)
                continue
            span = char_span(doc, m.start, m.end, "date")
            if span is None:
                continue
            span._.value = m.value
            span._.modifier = m.modifier
            span._.relative = m.relative
            span._.expression = m.expression
            spans.append(span)
        doc.spans[DATE_GROUP] = spans
        doc._.takedown_unresolved = unresolved
        return doc


@Language.factory("takedown_dates")
def make_dates(nlp: Language, name: str) -> DateTagger:
    return DateTagger(nlp, name)
