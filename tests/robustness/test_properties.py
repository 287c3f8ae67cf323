"""Property tests: over random Unicode and over mutated articles, extraction never raises,
every offset slices to its text, and every record validates and serialises."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from takedown import Extractor
from takedown.errors import InputError
from takedown.io import Article, ReadOptions, make_article
from takedown.models.records import ArticleRecord
from takedown.output import annotate, dumps
from takedown.sources.records import iter_json, iter_jsonl

DATA = Path(__file__).resolve().parents[2] / "data" / "articles"
ARTICLES = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _spans(record: ArticleRecord) -> Iterator[tuple[str, int, int]]:
    return record.evidence()


def check(extractor: Extractor, text: str, published: str | None = None) -> None:
    art = make_article(text, "prop.txt", None, published, encoding="utf-8",
                       source_format="text", text_source="file")
    record = annotate(next(extractor.extract_many([art])), art)
    for span_text, start, end in _spans(record):
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == span_text, (span_text, start, end)
    line = dumps(record)
    line.encode("utf-8")
    assert ArticleRecord.model_validate_json(line) == record


# text with the characters news scrapes are made of, and the ones that break tokenizers
NEWSY = st.lists(
    st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from(list("0123456789,.;:-–—()[]\"'“”‘’€$£%/ \n\t\u00a0\u200b\u2028\ufeff")),
        st.sampled_from(["kg", "million", "Operation ", "Europol", "arrested", "seized",
                         "last November", "2021", "FBI", "(JCODE)", "Market", " Tor"]),
    ),
    max_size=200,
).map("".join)


@SETTINGS
@given(text=st.text(max_size=300))
def test_random_unicode(extractor: Extractor, text: str) -> None:
    check(extractor, text)


@SETTINGS
@given(text=NEWSY, published=st.sampled_from([None, "2023-05-02"]))
def test_newsy_noise(extractor: Extractor, text: str, published: str | None) -> None:
    check(extractor, text, published)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(ARTICLES))
    for _ in range(draw(st.integers(1, 6))):
        n = len(text)
        i = draw(st.integers(0, n))
        j = draw(st.integers(i, min(n, i + 200)))
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "upper", "digits", "lines"]))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "insert":
            text = text[:i] + draw(NEWSY) + text[i:]
        elif op == "upper":
            text = text[:i] + text[i:j].upper() + text[j:]
        elif op == "digits":
            text = text[:i] + "".join("9" if c.isdigit() else c for c in text[i:j]) + text[j:]
        else:
            text = text[:i] + text[i:j].replace(" ", "\n") + text[j:]
    return text


@SETTINGS
@given(text=mutated())
def test_mutated_articles(extractor: Extractor, text: str) -> None:
    check(extractor, text, "2023-05-02")


@settings(max_examples=100, deadline=None)
@given(lines=st.lists(st.one_of(
    st.builds(lambda t: json.dumps({"text": t}), st.text(max_size=50)),
    st.text(max_size=60),
    st.binary(max_size=60).map(lambda b: b.decode("latin-1")),
), max_size=8))
def test_json_readers_never_raise(tmp_path_factory: object, lines: list[str]) -> None:
    folder = tmp_path_factory.mktemp("j")  # type: ignore[attr-defined]
    body = "\n".join(lines).encode("utf-8", "surrogatepass")
    (folder / "x.jsonl").write_bytes(body)
    (folder / "x.json").write_bytes(b"[" + b",".join(x.encode("utf-8", "surrogatepass")
                                                   for x in lines) + b"]")
    opts = ReadOptions(max_bytes=200)
    for item in [*iter_jsonl("x.jsonl", folder / "x.jsonl", opts),
                 *iter_json("x.json", folder / "x.json", opts)]:
        assert isinstance(item, (Article, InputError))
        if isinstance(item, Article):
            assert item.text.strip()
