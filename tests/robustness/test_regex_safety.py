"""Every regular expression takedown uses finishes on adversarial 100,000-character inputs.

Catastrophic backtracking shows on inputs made of one character class repeated: runs of
digits, commas, dots, spaces, capitals (and their alternations). Each pattern is run the way
takedown runs it (``conftest.catalogue`` watches a real extraction): anchored patterns with
``match``/``fullmatch`` at the start and the middle, scanning ones with ``search`` as well.
pytest-timeout is only the safety net; a safe pattern takes milliseconds here.

``KNOWN_QUADRATIC`` lists the patterns that are not exponential but scan quadratically on one
long run (each start position re-reads the run). They are owned by the extraction rules and
reported there; until they are fixed they are checked on 300-character runs (one of them is
cubic), which still catches exponential blow-up, instead of 100,000. A fixed pattern drops
out of the list by itself once its source changes (a stale entry exempts nothing).

The whole pipeline also runs on each kind of run (10,000 characters: end to end, the
quadratic patterns above cost seconds at 100,000, and spaCy's tokenizer minutes on commas).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

N = 100_000
SCANNING = frozenset({"search", "finditer", "findall", "sub", "subn", "split"})


def adversarial(n: int) -> dict[str, str]:
    return {
        "digits": "1" * n,
        "commas": "," * n,
        "dots": "." * n,
        "spaces": " " * n,
        "tabs": "\t" * n,
        "newlines": "\n" * n,
        "capitals": "A" * n,
        "digit-comma": "1," * (n // 2),
        "digit-dot": "1." * (n // 2),
        "digit-space": "1 " * (n // 2),
        "capital-space": "A " * (n // 2),
        "word-space": "Ab " * (n // 3),
        "capital-dot": "A." * (n // 2),
    }


# pattern source prefix -> where it lives and why it is slow (reported to the rules owner)
# Empty: every pattern once listed here was rewritten to read a long run once (a literal
# found first, a blank run entered only at its start, or a bounded walk).
KNOWN_QUADRATIC: dict[str, str] = {}


def _known(pattern: re.Pattern[str]) -> str | None:
    return next((why for p, why in KNOWN_QUADRATIC.items() if pattern.pattern.startswith(p)), None)


@pytest.fixture(scope="module")
def patterns(regex_catalogue: dict[re.Pattern[str], set[str]]) -> dict[re.Pattern[str], set[str]]:
    assert len(regex_catalogue) > 50, "the catalogue should see the pipeline's patterns"
    return regex_catalogue


def _exercise(pattern: re.Pattern[str], uses: set[str], text: str) -> None:
    pattern.match(text)
    pattern.match(text, len(text) // 2)
    pattern.fullmatch(text)
    if not uses or uses & SCANNING:  # unseen patterns get the stricter test
        pattern.search(text)


@pytest.mark.timeout(600)
@pytest.mark.parametrize("kind", sorted(adversarial(10)))
def test_patterns_finish_on_adversarial_runs(patterns: dict[re.Pattern[str], set[str]],
                                             kind: str) -> None:
    long_text, short_text = adversarial(N)[kind], adversarial(300)[kind]
    for pattern, uses in patterns.items():
        _exercise(pattern, uses, short_text if _known(pattern) else long_text)


# spaCy's tokenizer is quadratic on a whitespace-free chunk; the Extractor bounds such runs
# (make_doc_bounded), so every kind runs at full size end to end.
END_TO_END_SIZE: dict[str, int] = {}


@pytest.mark.timeout(600)
@pytest.mark.parametrize("kind", sorted(adversarial(10)))
def test_extraction_finishes_on_adversarial_runs(extractor: object, kind: str) -> None:
    from takedown import Extractor
    from takedown.models.records import ArticleRecord

    assert isinstance(extractor, Extractor)
    text = adversarial(END_TO_END_SIZE.get(kind, N))[kind]
    record = extractor.extract(text, published="2023-05-02")
    ArticleRecord.model_validate(record.model_dump())
    for fig in record.figures:
        assert text[fig.start : fig.end] == fig.text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([" ", "\n", "\u00a0", "\u2009", "a b"]),
            st.integers(1, 1600).map(lambda k: "x" * k),
        ),
        max_size=8,
    ).map("".join)
)
def test_long_run_precheck_never_hides_a_run(text: str) -> None:
    """The block test that spares most texts the ``\\S{1000}`` search must say "maybe"
    whenever that search would find a run, or the tokenizer would meet it unbounded."""
    from takedown.extractor import _RUN_START, _may_hold_long_run

    if _RUN_START.search(text) is not None:
        assert _may_hold_long_run(text)
