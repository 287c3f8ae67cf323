"""The library entry point: one pipeline, loaded once, for one text or a stream of them."""

from __future__ import annotations

import gc
import multiprocessing
import re
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from takedown.build import build_record
from takedown.io import Article, make_article
from takedown.models.records import ArticleRecord
from takedown.normalize.spaces import matching_text
from takedown.pipeline import build_nlp
from takedown.pipeline.common import SOURCE_KEY, TEXT_KEY, register_extensions


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise ValueError(f"published must be an ISO date (YYYY-MM-DD), got {value!r}") from exc


_RUN_START = re.compile(r"\S{1000}")
_RUN_REST = re.compile(r"\S*")
_RUN_PIECE = 100
_BLOCK = 500  # half the run length: any 1,000-char run covers a whole aligned block
_SPACE = re.compile(r"\s")


def _may_hold_long_run(text: str) -> bool:
    """False when every aligned 500-char block holds white space, which rules out a run of
    1,000 non-space characters. A handful of searches that stop at the first space, instead
    of ``\\S{1000}`` tried at every character (7% of the tokenizer's own time)."""
    find = _SPACE.search
    return any(find(text, k, k + _BLOCK) is None for k in range(0, len(text) - _BLOCK + 1, _BLOCK))


def make_doc_bounded(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc`` with a bound on what one whitespace-free run may cost.

    spaCy's tokenizer strips affixes one at a time from a chunk without spaces, which is
    quadratic in its length (100,000 commas take minutes). Runs of 1,000 or more such
    characters, which no article holds as words, become tokens of 100 characters instead;
    the Doc's text is the input, character for character, so offsets are unchanged.
    """
    first = _RUN_START.search(text) if _may_hold_long_run(text) else None
    if first is None:
        return nlp.make_doc(text)
    docs: list[Doc] = []
    pos = 0
    m: re.Match[str] | None = first
    while m is not None:
        start = m.start()
        end = _RUN_REST.match(text, m.end()).end()  # type: ignore[union-attr]
        if start > pos:
            docs.append(nlp.make_doc(text[pos:start]))
        run = text[start:end]
        words = [run[i : i + _RUN_PIECE] for i in range(0, len(run), _RUN_PIECE)]
        docs.append(Doc(nlp.vocab, words=words, spaces=[False] * len(words)))
        pos = end
        m = _RUN_START.search(text, pos)
    if pos < len(text):
        docs.append(nlp.make_doc(text[pos:]))
    return Doc.from_docs(docs, ensure_whitespace=False)


class Extractor:
    """``Extractor().extract(text)`` -> ArticleRecord; ``extract_many`` streams through
    ``nlp.pipe`` in batches, so memory stays flat however many articles come in.

    ``jobs`` > 1 spreads batches over that many worker processes (each loads the pipeline
    once); records still come back in input order, with at most ``2 * jobs`` batches in
    flight, so memory stays bounded too.
    """

    def __init__(
        self,
        nlp: Language | None = None,
        batch_size: int = 32,
        jobs: int = 1,
        forget_words: bool = False,
    ) -> None:
        register_extensions()
        self.nlp = nlp or build_nlp(spans=False)  # records need no span groups
        self.batch_size = batch_size
        self.jobs = max(1, jobs)
        # spaCy keeps every word it has seen in its vocab: that memory grows with the
        # vocabulary of the stream, not its length (it levels off), and keeping it makes
        # tokenizing a third faster. A long-lived service fed endless new words can set
        # forget_words=True to drop each batch's new words (spaCy's memory zones).
        self.forget_words = forget_words

    def _doc(self, article: Article) -> Doc:
        # the Doc is made of the matching text (Unicode spaces as " ": the tokenizer splits
        # there too); the record's evidence is sliced from the text as it came
        text = matching_text(article.text)
        doc = make_doc_bounded(self.nlp, text)
        doc.user_data[TEXT_KEY] = text
        if text is not article.text:
            doc.user_data[SOURCE_KEY] = article.text
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
        if self.jobs > 1:
            yield from _parallel(self, stream)
            return
        while True:
            batch = list(islice(stream, self.batch_size))
            if not batch:
                return
            if not self.forget_words:
                # each record goes to the caller as soon as it is built, while its Doc's
                # facts are still in the CPU caches (collecting the batch's records first
                # and writing them afterwards cost a seventh more)
                docs = self.nlp.pipe((self._doc(a) for a in batch), batch_size=self.batch_size)
                for art, doc in zip(batch, docs, strict=True):
                    yield build_record(doc, art.article, art.sha256, art.published)
                continue
            # with ``forget_words`` the strings a batch adds to the vocab are dropped when
            # the zone closes; records are built inside the zone and yielded after it
            with self.nlp.memory_zone():
                docs = self.nlp.pipe((self._doc(a) for a in batch), batch_size=self.batch_size)
                records = [
                    build_record(doc, art.article, art.sha256, art.published)
                    for art, doc in zip(batch, docs, strict=True)
                ]
            yield from records


def settle_heap() -> None:
    """Take everything allocated so far (the loaded pipeline: rules, gazetteers, matchers,
    compiled patterns, pydantic validators) out of the cyclic garbage collector's sight.

    Why: a full collection re-scans every container object in the process, and the loaded
    pipeline is most of them while extraction allocates many short-lived ones; freezing the
    long-lived heap makes extraction about a tenth faster. Objects are still freed by
    reference counting; what was frozen is only never checked for cycles again, so call it
    once, after loading, in a program that then streams articles (``takedown extract`` does).
    """
    gc.collect()
    gc.freeze()


def extract(text: str, published: str | None = None) -> ArticleRecord:
    """One-off convenience; build an Extractor to process many texts."""
    return Extractor().extract(text, published=published)


_WORKER: Extractor | None = None


def _init_worker(batch_size: int) -> None:
    global _WORKER
    _WORKER = Extractor(batch_size=batch_size)


def _work(batch: list[Article]) -> list[str]:
    """Records travel back as JSON: a string pickles far faster than a tree of models, and
    the parent validates it again in one Rust pass."""
    assert _WORKER is not None
    return [r.model_dump_json() for r in _WORKER.extract_many(batch)]


def _parallel(parent: Extractor, stream: Iterator[Article]) -> Iterator[ArticleRecord]:
    """Batches to worker processes, results in input order, a bounded number in flight."""
    global _WORKER
    batch_size, jobs = parent.batch_size, parent.jobs
    # fork where the platform has it: workers inherit the loaded pipeline and callers need
    # no ``if __name__ == "__main__"`` guard; spawn (each worker loads its own) elsewhere
    forking = "fork" in multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if forking else "spawn")
    if forking:
        _WORKER = Extractor(parent.nlp, batch_size)
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=ctx,
        initializer=None if forking else _init_worker,
        initargs=() if forking else (batch_size,),
    ) as pool:
        pending: deque[Future[list[str]]] = deque()
        while True:
            while len(pending) < 2 * jobs:
                batch = list(islice(stream, batch_size))
                if not batch:
                    break
                pending.append(pool.submit(_work, batch))
            if not pending:
                return
            for line in pending.popleft().result():
                yield ArticleRecord.model_validate_json(line)
