"""``takedown.word_tokenizer.v1``: the tokenizer of takedown's own pipeline.

Why not spaCy's English tokenizer: nothing takedown extracts depends on linguistic tokens.
Every component reads the text and reports character offsets; tokens serve only the
gazetteer's PhraseMatchers, which need the text and the patterns cut the same way, not cut
well. The English rules (hundreds of exceptions, URL and emoticon matching, many affix
patterns) made tokenizing a quarter of the extraction time. This is spaCy's own ``Tokenizer``
with three one-class rules and no exceptions: it keeps spaCy's cache and whitespace handling
(one space is a token's trailing whitespace, any other white space a token of its own, so
``doc.text == text``) and runs about ten times faster.

Tokens: runs of word characters (``\\w``: letters, digits, "_") and single characters that
are neither word characters nor white space ("FBI" "'" "s", "(" "EC3" ")", "$" "25"); a
dollar sign after capitals stays with them ("US$25", "C$").
A surface name therefore matches wherever it stands between non-word characters.

The components do not depend on this choice: added to a pipeline with the English tokenizer
they cut their patterns with that tokenizer and find the same facts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

# A dollar sign right after capitals stays with them: "US$", "NZ$", "HK$", "C$" name a
# currency, and "US" alone would read as a mention of the country (the English tokenizer
# keeps these whole too).
_OTHER = r"(?:[^\w\s$]|(?<![A-Z])\$)"
_PREFIX = re.compile(rf"^{_OTHER}")
_SUFFIX = re.compile(rf"{_OTHER}$")
_INFIX = re.compile(_OTHER)


def word_tokenizer(nlp: Language) -> Tokenizer:
    return Tokenizer(
        nlp.vocab,
        rules={},
        prefix_search=_PREFIX.search,
        suffix_search=_SUFFIX.search,
        infix_finditer=_INFIX.finditer,
    )


@spacy.registry.tokenizers("takedown.word_tokenizer.v1")
def create_word_tokenizer() -> Callable[[Language], Tokenizer]:
    return word_tokenizer
