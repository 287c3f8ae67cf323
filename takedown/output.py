"""Writing outputs so that nothing is lost and nothing is half-written.

Final files (``articles.jsonl``, ``errors.jsonl``, ``manifest.json``) are written to a
temporary file in the same folder, fsynced, and renamed over the target: readers see the old
file or the new one, never a torn one, whatever happens (crash, Ctrl-C, SIGKILL, full disk).

While a run extracts, each record goes to a journal (``OUT/.takedown/journal.tsv``), one
line per article, flushed as it is written and fsynced per batch. Only when every input is
done are the records copied, sorted, into ``articles.jsonl``. So ``--resume`` can continue
an interrupted run: it reads the journal (a torn last line is dropped), skips every article
already there, and finishes with output byte-identical to an uninterrupted run.

An article is "already there" when its key matches: a hash of the pipeline version (package
version, rules files and code), the article's name, the sha256 of its text, and the metadata
that reaches the record (published, title, URL, encoding, format). A changed file, changed
rules or a new ``--published`` re-extracts; everything else is reused. After a run the
journal is folded into ``articles.jsonl`` and ``.takedown/index.tsv`` (the keys of its
lines), so ``--resume`` on a finished folder extracts only what is new.

Memory stays bounded: records live on disk, the run keeps only keys, sort keys and offsets.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Literal, overload

from pydantic import BaseModel

from takedown.errors import InputError, TakedownError
from takedown.sources.base import Article, ReadOptions, RecordError

if TYPE_CHECKING:
    from takedown.extractor import Extractor
    from takedown.models.records import ArticleRecord

ARTICLES = "articles.jsonl"
ERRORS = "errors.jsonl"
MANIFEST = "manifest.json"
STATE = ".takedown"
JOURNAL = "journal.tsv"
ERROR_JOURNAL = "errors.tsv"
INDEX = "index.tsv"
INDEX_HEADER = "#takedown-index 1 "
FACT_FIELDS = ("operations", "marketplaces", "agencies", "countries", "persons", "figures", "dates")

SortKey = tuple[str, int, str, str]


class OutputExistsError(TakedownError):
    """The output folder holds files and neither --overwrite nor --resume was given."""


def dumps(obj: BaseModel | dict[str, Any]) -> str:
    """One canonical JSON line, no ASCII escaping, no spaces to vary. A model is written by
    pydantic's serializer, its fields in the order the model (and its JSON Schema) declares
    them: five times cheaper than dumping to dicts and sorting keys, and as deterministic.
    A plain dict gets sorted keys."""
    if isinstance(obj, BaseModel):
        return obj.model_dump_json()
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable: the directory entry is data too."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


@lru_cache(maxsize=1)
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@overload
def atomic_writer(target: str | Path, binary: Literal[False] = ...) -> Iterator[IO[str]]: ...
@overload
def atomic_writer(target: str | Path, binary: Literal[True]) -> Iterator[IO[bytes]]: ...


@contextmanager  # type: ignore[misc]
def atomic_writer(target: str | Path, binary: bool = False) -> Iterator[IO[Any]]:
    """A file handle whose content replaces ``target`` only if the block completes."""
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp's 0600 would hide results from colleagues
        if binary:
            fh: IO[Any] = os.fdopen(fd, "wb")
        else:
            fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_json(target: str | Path, data: Any) -> None:
    with atomic_writer(target) as fh:
        json.dump(data, fh, ensure_ascii=False, sort_keys=True, indent=2)
        fh.write("\n")


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Package version + a hash of the rules files and the package code: what a record
    depends on besides its input. Resume reuses a record only under the same version."""
    import takedown
    from takedown.resources import rules_dir

    h = hashlib.sha256()
    package = Path(takedown.__file__).parent
    files = sorted(rules_dir().glob("*.jsonl")) + sorted(package.rglob("*.py"))
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return f"{takedown.__version__}+{h.hexdigest()[:16]}"


def article_key(article: Article, pipeline: str) -> str:
    """What identifies an article's record: pipeline, name, content and metadata."""
    parts = (pipeline, article.article, article.sha256, article.published, article.title,
             article.url, article.encoding, article.source_format, article.text_source)
    data = "\x1f".join("" if p is None else p for p in parts)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def sort_key(article: Article, key: str) -> SortKey:
    """Records sort by file name, then by record number inside a JSON/JSONL file (so #2 comes
    before #10), then by name and key (two folders may both hold an ``a.txt``)."""
    base = article.article
    if article.record is not None and base.endswith(f"#{article.record}"):
        base = base[: -len(f"#{article.record}")]
    return (base, article.record or 0, article.article, key)


def annotate(record: ArticleRecord, article: Article) -> ArticleRecord:
    """The record with its provenance, and the title the page or the scraper gave (metadata
    is explicit; the layout's first-line guess is not). The title keeps its span only when
    the text holds it there."""
    update: dict[str, Any] = {
        f: getattr(article, f)
        for f in ("source_format", "text_source", "encoding", "url")
        if getattr(article, f) is not None
    }
    if article.title and article.title != record.title:
        from takedown.models.records import Span

        update["title"] = article.title
        update["title_span"] = (
            Span(text=article.title, start=0, end=len(article.title))
            if article.text.startswith(article.title) else None
        )
    return record.model_copy(update=update) if update else record


@dataclass
class _Entry:
    sort: SortKey
    source: int  # 0: the journal, 1: the previous articles.jsonl
    offset: int
    length: int


class Journal:
    """An append-only file of ``key TAB sort-key-json TAB payload`` lines.

    Written with O_NOFOLLOW (a planted symlink cannot redirect it), flushed per line, fsynced
    on ``sync``. ``load`` drops a torn last line (the process died mid-write) and truncates
    the file there, so appending goes on from a clean line boundary.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fh: BinaryIO | None = None
        self.size = 0

    def load(self) -> dict[str, _Entry]:
        entries: dict[str, _Entry] = {}
        if not self.path.exists():
            return entries
        good = 0
        with self.path.open("rb") as fh:
            for line in fh:
                if not line.endswith(b"\n"):
                    break
                parts = line.split(b"\t", 2)
                try:
                    key = parts[0].decode("ascii")
                    sort = tuple(json.loads(parts[1]))
                    if len(parts) != 3 or len(key) != 32 or len(sort) != 4:
                        break
                except (ValueError, IndexError, TypeError, UnicodeDecodeError):
                    break
                start = good + len(parts[0]) + len(parts[1]) + 2
                entries.setdefault(key, _Entry(sort, 0, start, len(line) - 1 - (start - good)))  # type: ignore[arg-type]
                good += len(line)
        if good != self.path.stat().st_size:
            os.truncate(self.path, good)
        return entries

    def open(self, *, reset: bool) -> None:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
        if reset:
            flags |= os.O_TRUNC
        fd = os.open(self.path, flags, 0o644)
        self.fh = os.fdopen(fd, "ab")
        self.size = self.fh.seek(0, os.SEEK_END)

    def append(self, key: str, sort: SortKey, payload: str) -> _Entry:
        assert self.fh is not None
        head = f"{key}\t{json.dumps(list(sort), ensure_ascii=False)}\t".encode()
        body = payload.encode("utf-8")
        self.fh.write(head + body + b"\n")
        self.fh.flush()
        entry = _Entry(sort, 0, self.size + len(head), len(body))
        self.size += len(head) + len(body) + 1
        return entry

    def sync(self) -> None:
        if self.fh is not None:
            self.fh.flush()
            os.fsync(self.fh.fileno())

    def close(self) -> None:
        if self.fh is not None:
            try:
                self.sync()
            finally:
                self.fh.close()
                self.fh = None


def _load_previous(output: Path) -> dict[str, _Entry]:
    """Entries of a finished run's ``articles.jsonl``, if its index matches it exactly."""
    index_path, articles = output / STATE / INDEX, output / ARTICLES
    if not index_path.is_file() or not articles.is_file():
        return {}
    with index_path.open(encoding="utf-8") as fh:
        header = fh.readline()
        if not header.startswith(INDEX_HEADER):
            return {}
        digest = header[len(INDEX_HEADER):].strip()
        keys = [line.rstrip("\n").split("\t", 1) for line in fh]
    h = hashlib.sha256()
    entries: dict[str, _Entry] = {}
    offset = n = 0
    with articles.open("rb") as fh:
        for i, line in enumerate(fh):
            h.update(line)
            if i < len(keys) and len(keys[i]) == 2 and line.endswith(b"\n"):
                try:
                    sort = tuple(json.loads(keys[i][1]))
                except (ValueError, TypeError):
                    return {}
                entries[keys[i][0]] = _Entry(sort, 1, offset, len(line) - 1)  # type: ignore[arg-type]
            offset += len(line)
            n = i + 1
    if h.hexdigest() != digest or len(entries) != len(keys) or n != len(keys):
        return {}  # edited by hand or torn: trust nothing in it
    return entries


def prepare_output(output: Path, *, overwrite: bool, resume: bool) -> None:
    """Refuse to write into a folder that holds files unless asked to (exit status 2)."""
    if overwrite and resume:
        raise OutputExistsError("choose --overwrite (start again) or --resume (continue), not both")
    if output.exists() and not output.is_dir():
        raise OutputExistsError(f"{output} exists and is not a folder")
    if output.is_dir() and not (overwrite or resume) and any(output.iterdir()):
        raise OutputExistsError(
            f"{output} already holds files: pass --resume to continue the run that wrote them "
            "(only new or changed articles are extracted), or --overwrite to replace them"
        )


@dataclass
class RunSummary:
    """What one run did, for the CLI's table and for callers of ``extract_to_folder``."""

    articles: int = 0  # records in articles.jsonl
    extracted: int = 0  # extracted by this run
    reused: int = 0  # taken from an earlier run (--resume)
    failed: int = 0  # lines in errors.jsonl
    words: int = 0
    seconds: float = 0.0
    counts: Counter[str] = field(default_factory=Counter)


ErrorHook = Callable[[dict[str, str], BaseException], None]


def _error_line(exc: InputError) -> dict[str, str]:
    line = {"file": exc.path, "reason": exc.reason}
    if isinstance(exc, RecordError):
        line["article"] = exc.article
    return line


def extract_to_folder(
    inputs: Iterable[str | Path],
    output: str | Path,
    *,
    options: ReadOptions | None = None,
    extractor: Extractor | None = None,
    batch_size: int = 32,
    resume: bool = False,
    overwrite: bool = False,
    on_error: ErrorHook | None = None,
    on_article: Callable[[int], None] | None = None,
    settle: bool = False,
) -> RunSummary:
    """Extract every input into ``output`` (articles.jsonl, errors.jsonl, manifest.json).

    ``settle`` freezes the loaded pipeline out of the garbage collector's sight
    (``extractor.settle_heap``): for a program that owns its process, as the CLI does.

    ``batch_size`` (for the Extractor built when none is given) is also how many articles
    go to the journal between two fsyncs. Raises OutputExistsError before doing anything if
    ``output`` holds files and neither
    ``resume`` nor ``overwrite`` is set. KeyboardInterrupt (Ctrl-C, or SIGTERM as the CLI
    maps it) leaves the journal complete up to the last article and every final file as it
    was; ``resume=True`` continues from there.
    """
    from takedown.sources import iter_sources

    out = Path(output)
    prepare_output(out, overwrite=overwrite, resume=resume)
    state = out / STATE
    state.mkdir(parents=True, exist_ok=True)
    base = options or ReadOptions()
    opts = ReadOptions(max_bytes=base.max_bytes, published=base.published,
                       follow_symlinks=base.follow_symlinks, fields=base.fields,
                       exclude=(*base.exclude, out))
    pipeline = pipeline_version()
    journal, errors = Journal(state / JOURNAL), Journal(state / ERROR_JOURNAL)
    index: dict[str, _Entry] = {}
    if resume:
        index = _load_previous(out)
        index.update(journal.load())
    journal.open(reset=not resume)
    errors.open(reset=True)
    if extractor is None:
        from takedown.extractor import Extractor, settle_heap

        extractor = Extractor(batch_size=batch_size)
        if settle:
            settle_heap()
    summary = RunSummary()
    seen: set[str] = set()
    error_entries: dict[str, _Entry] = {}
    started = time.perf_counter()

    def fail(exc: InputError, cause: BaseException | None = None) -> None:
        line = _error_line(exc)
        payload = json.dumps(line, ensure_ascii=False, sort_keys=True)
        key = hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        if key not in error_entries:
            sort = (line["file"], 0, line.get("article", ""), line["reason"])
            error_entries[key] = errors.append(key, sort, payload)
        if on_error is not None:
            on_error(line, cause or exc)

    def run_batch(batch: list[tuple[str, Article]]) -> None:
        results = _extract_batch(extractor, [a for _, a in batch])
        for (key, art), result in zip(batch, results, strict=True):
            if isinstance(result, BaseException):
                fail(RecordError(art.path or art.article, "extraction failed: "
                                 f"{type(result).__name__}: {result}", art.article), result)
                continue
            index[key] = journal.append(key, sort_key(art, key), result[1])
            summary.extracted += 1
            summary.words += len(art.text.split())
            for f in FACT_FIELDS:
                summary.counts[f] += len(getattr(result[0], f))
            if on_article is not None:
                on_article(summary.extracted + summary.reused)
        journal.sync()

    try:
        batch: list[tuple[str, Article]] = []
        for item in iter_sources(inputs, opts):
            if isinstance(item, InputError):
                fail(item)
                continue
            key = article_key(item, pipeline)
            if key in seen:
                continue  # the same file reached twice (two arguments naming it)
            seen.add(key)
            if key in index:
                summary.reused += 1
                if on_article is not None:
                    on_article(summary.extracted + summary.reused)
                continue
            batch.append((key, item))
            if len(batch) >= extractor.batch_size:
                run_batch(batch)
                batch = []
        if batch:
            run_batch(batch)
    finally:
        journal.close()
        errors.close()
    summary.seconds = time.perf_counter() - started
    summary.articles = _write_sorted(out / ARTICLES, [(k, index[k]) for k in seen],
                                     {0: state / JOURNAL, 1: out / ARTICLES}, state / INDEX)
    summary.failed = _write_sorted(out / ERRORS, list(error_entries.items()),
                                   {0: state / ERROR_JOURNAL}, None)
    write_json(out / MANIFEST, {
        "takedown": pipeline.split("+")[0],
        "pipeline": pipeline,
        "articles": summary.articles,
        "failed": summary.failed,
        "options": {"max_bytes": opts.max_bytes, "published": opts.published,
                    "follow_symlinks": opts.follow_symlinks,
                    "fields": {"text": opts.fields.text, "title": opts.fields.title,
                               "published": opts.fields.published, "url": opts.fields.url}},
    })
    for name in (JOURNAL, ERROR_JOURNAL):
        (state / name).unlink(missing_ok=True)
    return summary


def _extract_batch(extractor: Extractor, articles: list[Article],
                   ) -> list[tuple[ArticleRecord, str] | BaseException]:
    """(record, canonical line) per article, or the exception that article raised: a batch
    that fails is redone one article at a time, so the error names the article."""

    def one_line(rec: ArticleRecord, art: Article) -> tuple[ArticleRecord, str]:
        rec = annotate(rec, art)
        line = dumps(rec)
        line.encode("utf-8")  # a lone surrogate would fail at write time: fail here instead
        return rec, line

    try:
        records = extractor.extract_many(articles)
        return [one_line(r, a) for r, a in zip(records, articles, strict=True)]
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
        if len(articles) == 1:
            return [exc]
        return [r for a in articles for r in _extract_batch(extractor, [a])]


def _write_sorted(target: Path, entries: list[tuple[str, _Entry]], sources: dict[int, Path],
                  index_path: Path | None) -> int:
    """Copy payloads from the journals into ``target`` in sort order, atomically; write the
    keys beside them (``index_path``) so a later --resume can reuse them."""
    entries.sort(key=lambda ke: ke[1].sort)
    handles: dict[int, BinaryIO] = {}
    h = hashlib.sha256()
    try:
        for src, p in sources.items():
            if p.exists():
                handles[src] = p.open("rb")
        with atomic_writer(target, binary=True) as fh:
            for _, e in entries:
                src = handles[e.source]
                src.seek(e.offset)
                line = src.read(e.length) + b"\n"
                h.update(line)
                fh.write(line)
    finally:
        for handle in handles.values():
            handle.close()
    if index_path is not None:
        with atomic_writer(index_path) as fh:
            fh.write(f"{INDEX_HEADER}{h.hexdigest()}\n")
            for key, e in entries:
                fh.write(f"{key}\t{json.dumps(list(e.sort), ensure_ascii=False)}\n")
    return len(entries)
