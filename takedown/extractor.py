"""The library entry point: one pipeline, loaded once, for one text or a stream of them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from takedown.build import build_record
from takedown.io import Article, make_article
from takedown.models.records import ArticleRecord
from takedown.pipeline import build_nlp
from takedown.pipeline.common import register_extensions


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise ValueError(f"published must be an ISO date (YYYY-MM-DD), got {value!r}") from exc


class Extractor:
    """``Extractor().extract(text)`` -> ArticleRecord; ``extract_many`` streams through
    ``nlp.pipe`` in batches, so memory stays flat however many articles come in."""

    def __init__(self, nlp: Language | None = None, batch_size: int = 32) -> None:
        register_extensions()
        self.nlp = nlp or build_nlp()
        self.batch_size = batch_size

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc.user_data["takedown_text"] = article.text
        doc._.takedown_anchor = article.published
        return doc

    def extract(
        self, text: str, published: str | None = None, article: str = "<text>"
    ) -> ArticleRecord:
        art = make_article(text, article, None, _check_date(published))
        return next(self.extract_many([art]))

    def extract_many(
        self, items: Iterable[str | Article], published: str | None = None
    ) -> Iterator[ArticleRecord]:
        default_pub = _check_date(published)

        def articles() -> Iterator[Article]:
            for n, item in enumerate(items):
                if isinstance(item, Article):
                    if item.published is None and default_pub:
                        item = make_article(item.text, item.article, item.path, default_pub)
                    yield item
                else:
                    yield make_article(item, f"text-{n:06d}", None, default_pub)

        stream = articles()
        while True:
            batch = list(islice(stream, self.batch_size))
            if not batch:
                return
            # strings the batch adds to the vocab (new words, entity keys) are dropped when
            # the zone closes, so memory stays flat however long the stream; records are
            # built inside the zone and yielded after it
            with self.nlp.memory_zone():
                docs = self.nlp.pipe((self._doc(a) for a in batch), batch_size=self.batch_size)
                records = [
                    build_record(doc, art.article, art.sha256, art.published)
                    for art, doc in zip(batch, docs, strict=True)
                ]
            yield from records


def extract(text: str, published: str | None = None) -> ArticleRecord:
    """One-off convenience; build an Extractor to process many texts."""
    return Extractor().extract(text, published=published)
