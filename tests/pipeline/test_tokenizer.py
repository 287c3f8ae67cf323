"""takedown's own tokenizer: lossless, predictable cuts, and the same facts as English tokens."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokenizer import Tokenizer

from takedown import Extractor
from takedown.extractor import make_doc_bounded
from takedown.pipeline import COMPONENTS, build_nlp
from takedown.pipeline.tokenizer import word_tokenizer

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "articles"


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return word_tokenizer(spacy.blank("en"))


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("The FBI's agents", ["The", "FBI", "'", "s", "agents"]),
        ("Europol-led (EC3) raid.", ["Europol", "-", "led", "(", "EC3", ")", "raid", "."]),
        ("US$25 million", ["US$25", "million"]),
        ("C$ 2 ($3)", ["C$", "2", "(", "$", "3", ")"]),
        ("a  b\n\nc", ["a", " ", "b", "\n\n", "c"]),
        ("  lead", ["  ", "lead"]),
        ("Dark0de, Tor2Door", ["Dark0de", ",", "Tor2Door"]),
        ("CBŚP i Policja", ["CBŚP", "i", "Policja"]),
        ("", []),
    ],
)
def test_cuts(tokenizer: Tokenizer, text: str, tokens: list[str]) -> None:
    assert [t.text for t in tokenizer(text)] == tokens


_TOKENIZER = word_tokenizer(spacy.blank("en"))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_text_is_kept_character_for_character(text: str) -> None:
    doc = _TOKENIZER(text)
    assert doc.text == text
    assert all(t.idx + len(t.text) <= len(text) for t in doc)


def test_long_runs_stay_cheap_through_the_extractor() -> None:
    """Affixes are stripped one at a time, so the Extractor cuts 1,000+ character runs into
    100-character tokens first (``make_doc_bounded``): 100,000 commas take moments."""
    nlp = build_nlp(spans=False)
    doc = make_doc_bounded(nlp, "a " + "," * 100_000 + " b")
    assert doc.text == "a " + "," * 100_000 + " b"


def test_build_nlp_uses_it_and_round_trips_through_disk(tmp_path: Path) -> None:
    nlp = build_nlp(spans=False)
    text = "The FBI's agents seized US$25 million (EC3)."
    cuts = [t.text for t in nlp.make_doc(text)]
    assert cuts == [t.text for t in _TOKENIZER(text)]
    nlp.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    assert [t.text for t in loaded.make_doc(text)] == cuts


def test_same_records_as_with_the_english_tokenizer() -> None:
    """The components read text, not tokens: cutting it another way changes no fact in the
    sample articles (the gazetteer's patterns are cut by the same tokenizer as the text)."""
    english = spacy.blank("en")
    for name in COMPONENTS:
        english.add_pipe(name, config={"spans": False})
    ours, theirs = Extractor(), Extractor(english)
    paths = sorted(SAMPLES.glob("*.txt"))
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        a = ours.extract(text).model_dump()
        b = theirs.extract(text).model_dump()
        assert a == b, path.name
