"""spaCy component ``takedown_figures``: every figure with its value, unit and kind.

Spans go to ``doc.spans["takedown_figures"]`` with ``span._.value``, ``._.unit``,
``._.kind``, ``._.qualifier``, ``._.substance``, ``._.country`` and ``._.equivalents``.
Numbers inside dates and names found by earlier components are not figures.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from takedown.models.rules import CountryRule, KindCueRule, SubstanceRule, UnitRule
from takedown.normalize.figures import FigureFinder
from takedown.pipeline.common import (
    FIGURE_GROUP,
    FIGURES_KEY,
    EntityRow,
    char_span,
    date_ranges,
    doc_text,
    ensure_layout,
    entity_rows,
    register_extensions,
)
from takedown.pipeline.rulesio import RulesComponent


class FigureTagger(RulesComponent):
    rule_files = ("units", "kinds", "substances", "countries")

    def _compile(self) -> None:
        self.finder = FigureFinder(
            units=self.rules_of("units", UnitRule),
            cues=self.rules_of("kinds", KindCueRule),
            substances=self.rules_of("substances", SubstanceRule),
            countries=self.rules_of("countries", CountryRule),
        )

    def __call__(self, doc: Doc) -> Doc:
        layout = ensure_layout(doc)
        rows = entity_rows(doc)
        exclude = date_ranges(doc) + [
            (r[2], r[3]) for r in rows if r[0] in {"marketplace", "agency", "operation", "person"}
        ]
        facts = self.finder.find(doc_text(doc), layout, exclude, _local_dollar(rows))
        doc.user_data[FIGURES_KEY] = facts
        if not self.spans:
            return doc
        spans = []
        for fig in facts:
            span = char_span(doc, fig.start, fig.end, fig.kind)
            if span is None:
                continue
            u = span._  # each ``span._`` access builds a new accessor: take it once
            u.value = fig.value
            u.unit = fig.unit
            u.kind = fig.kind
            u.qualifier = fig.qualifier
            u.value_max = fig.value_max
            u.substance = fig.substance
            u.country = fig.country
            u.equivalents = [e.as_dict() for e in fig.equivalents]
            spans.append(span)
        doc.spans[FIGURE_GROUP] = spans
        return doc


_LOCAL_DOLLARS = {
    "Canada": "CAD",
    "Australia": "AUD",
    "New Zealand": "NZD",
    "Singapore": "SGD",
    "Hong Kong": "HKD",
}


def _local_dollar(rows: list[EntityRow]) -> str:
    """What a bare "$" means here: the dollar of the country whose agencies the article
    names most, when that country has its own dollar; else the US dollar."""
    counts: dict[str, int] = {}
    for label, *_, country in rows:
        if label == "agency" and country:
            counts[country] = counts.get(country, 0) + 1
    if not counts:
        return "USD"
    top = max(sorted(counts), key=lambda c: counts[c])
    return _LOCAL_DOLLARS.get(top, "USD")


@Language.factory("takedown_figures", default_config={"spans": True})
def make_figures(nlp: Language, name: str, spans: bool) -> FigureTagger:
    register_extensions()
    return FigureTagger(nlp, name, spans)
