"""spaCy component ``takedown_dates``: dates at their stated precision, relative ones resolved.

The anchor for relative dates is ``doc._.takedown_anchor`` (an ISO day given by the caller,
e.g. ``--published``) or else the byline date found in the page; with neither, relative
dates are kept aside as unresolved rather than guessed.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from takedown.normalize.dates import find_dates, narrative_years
from takedown.normalize.published import byline_and_widgets
from takedown.pipeline.common import (
    DATE_FACTS_KEY,
    DATE_GROUP,
    DATES_KEY,
    BatchComponent,
    char_span,
    doc_text,
    ensure_layout,
    register_extensions,
)

# "last week" resolves to an ISO week, but analysts do not list it as a date of the story:
# it is kept with the unresolved expressions instead.
_NOT_STATED = frozenset({"relative-week"})


class DateTagger(BatchComponent):
    def __init__(self, nlp: Language, name: str, spans: bool = True) -> None:
        register_extensions()
        self.name = name
        self.spans = spans  # span groups for spaCy users; the Extractor reads DATE_FACTS_KEY

    def __call__(self, doc: Doc) -> Doc:
        layout = ensure_layout(doc)
        # the byline may sit in the page header, above the headline: it still counts, and it
        # is one of the article's dates; a header date bar (widget) is neither
        text = doc_text(doc)
        given = doc._.takedown_anchor
        # one scan of the whole text serves the byline search too (absolute days do not
        # depend on the anchor); relative expressions are re-read once the anchor is known
        everything = find_dates(text, date.fromisoformat(given) if given else None)
        published, widgets = byline_and_widgets(text, everything)
        doc._.takedown_published = published
        anchor_iso = given or (published.value if published else None)
        anchor = date.fromisoformat(anchor_iso) if anchor_iso else None
        skip = sorted([*layout.zones, *((w.start, w.end) for w in widgets)])
        found = []
        for m in everything:
            if any(s < m.end and m.start < e for s, e in skip):
                continue
            if m.value is None and anchor is not None and not given:
                again = find_dates(text, anchor, None, m.start, m.end)
                m = next((a for a in again if (a.start, a.end) == (m.start, m.end)), m)
            found.append(m)
        if published is not None and not any(m.start == published.start for m in found):
            found.append(published)
            found.sort(key=lambda m: m.start)
        found = narrative_years(text, found)
        stated = [m for m in found if m.value is not None and m.expression not in _NOT_STATED]
        doc._.takedown_unresolved = [
            m for m in found if m.value is None or m.expression in _NOT_STATED
        ]
        doc.user_data[DATE_FACTS_KEY] = stated
        doc.user_data[DATES_KEY] = [(m.start, m.end) for m in found]
        if self.spans:
            spans = []
            for m in stated:
                span = char_span(doc, m.start, m.end, "date")
                if span is None:
                    continue
                u = span._
                u.value = m.value
                u.modifier = m.modifier
                u.relative = m.relative
                u.expression = m.expression
                spans.append(span)
            doc.spans[DATE_GROUP] = spans
        return doc


@Language.factory("takedown_dates", default_config={"spans": True})
def make_dates(nlp: Language, name: str, spans: bool) -> DateTagger:
    return DateTagger(nlp, name, spans)
