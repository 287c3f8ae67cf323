"""spaCy component ``takedown_boilerplate``: headline, sentences and page-furniture zones.

Furniture is marked, never removed, so offsets stay true to the file; the zones are a span
group (``doc.spans["takedown_boilerplate"]``) and the full layout rides on
``doc._.takedown_layout`` for the components after it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from takedown.models.rules import BoilerplateRule
from takedown.normalize.layout import analyze_layout, compile_furniture, compile_openers
from takedown.pipeline.common import LAYOUT_GROUP, char_span, doc_text
from takedown.pipeline.rulesio import RulesComponent


class BoilerplateMarker(RulesComponent):
    rule_files = ("boilerplate",)

    def _compile(self) -> None:
        rules = self.rules_of("boilerplate", BoilerplateRule)
        self.furniture = compile_furniture(r.pattern for r in rules if r.scope == "line")
        self.openers = compile_openers(r.pattern for r in rules if r.scope == "paragraph")

    def __call__(self, doc: Doc) -> Doc:
        layout = analyze_layout(doc_text(doc), self.furniture, self.openers)
        doc._.takedown_layout = layout
        if self.spans:
            spans = [char_span(doc, s, e, "boilerplate") for s, e in layout.zones]
            doc.spans[LAYOUT_GROUP] = [s for s in spans if s is not None]
        return doc


@Language.factory("takedown_boilerplate", default_config={"spans": True})
def make_boilerplate(nlp: Language, name: str, spans: bool) -> BoilerplateMarker:
    return BoilerplateMarker(nlp, name, spans)
