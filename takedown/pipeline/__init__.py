"""The takedown spaCy pipeline: takedown's word tokenizer and four rule-based components."""

from __future__ import annotations

from typing import Literal

import spacy
from spacy.language import Language

# importing the modules registers the factories (also exposed as spacy_factories entry points)
# and the tokenizer (a spacy_tokenizers entry point)
from takedown.pipeline import boilerplate, dates, entities, figures  # noqa: F401
from takedown.pipeline import tokenizer as _tokenizer  # noqa: F401

COMPONENTS = ("takedown_boilerplate", "takedown_dates", "takedown_entities", "takedown_figures")
TOKENIZERS = {"word": "takedown.word_tokenizer.v1", "english": "spacy.Tokenizer.v1"}


def build_nlp(spans: bool = True, tokenizer: Literal["word", "english"] = "word") -> Language:
    """Layout first (everything skips furniture), dates before figures (a year or a day is
    not a count), entities before figures (a number inside a name is not a figure).

    ``spans=False`` leaves out the span groups: the records need only the plain facts each
    component also leaves on the Doc, and the groups cost a fifth of the extraction time.
    ``tokenizer="word"`` is takedown's own (see pipeline/tokenizer.py): the facts are the
    same, it is ten times faster than spaCy's English rules, which ``"english"`` keeps.
    """
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZERS[tokenizer]}}})
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"spans": spans})
    return nlp
