"""``takedown evaluate``: extract every article that has a gold file, then score.

Gold files sit beside their articles (``NAME.gold.json`` next to ``NAME.txt``) as in the
shared corpus, or in a ``gold/`` folder whose sibling ``articles/`` holds the texts, as in
this repository's ``data/``.

When the folder also holds ``corpus.gold.json`` (which mentions in different articles are the
same thing), the predicted records are reconciled (``takedown.reconcile``) and the clusters
scored as pairwise links per entity type: the report's ``corpus_*`` rows.
"""

from __future__ import annotations

import json
from pathlib import Path

from takedown.errors import TakedownError
from takedown.extractor import Extractor
from takedown.io import read_article
from takedown.review.scoring import Report, score


def _article_path(gold_dir: Path, articles_dir: Path | None, name: str) -> Path:
    for folder in (articles_dir, gold_dir, gold_dir.parent / "articles"):
        if folder is not None and (folder / name).is_file():
            return folder / name
    raise TakedownError(f"{gold_dir}: no article {name!r} beside its gold file")


def evaluate(
    gold_dir: str | Path, articles_dir: str | Path | None = None, extractor: Extractor | None = None
) -> Report:
    """Score the extractor against every ``*.gold.json`` in ``gold_dir``."""
    gdir = Path(gold_dir)
    adir = Path(articles_dir) if articles_dir else None
    gold_files = sorted(gdir.glob("*.gold.json"))
    golds = [
        json.loads(p.read_text(encoding="utf-8"))
        for p in gold_files
        if p.name != "corpus.gold.json"
    ]
    if not golds:
        raise TakedownError(f"{gdir}: no *.gold.json files")
    ex = extractor or Extractor()
    articles = [read_article(g["article"], _article_path(gdir, adir, g["article"])) for g in golds]
    predicted = [r.model_dump(mode="json") for r in ex.extract_many(articles)]
    corpus_gold = gdir / "corpus.gold.json"
    if not corpus_gold.is_file():
        return score(golds, predicted)
    from takedown.reconcile import reconcile

    gold_corpus = json.loads(corpus_gold.read_text(encoding="utf-8"))
    return score(golds, predicted, gold_corpus, reconcile(predicted).corpus_dict())
