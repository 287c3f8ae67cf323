"""Tests for the evaluation scorer and its renderers.

The scorer decides what "better" means for every change to the extractor, so its rules are
pinned down here table by table, and a hand-degraded record is scored to exact counts.
"""

from __future__ import annotations

import copy
import itertools
import json
import random
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from takedown.models.records import (
    ArticleRecord,
    DateFact,
    Entity,
    Equivalent,
    Figure,
)
from takedown.review.render import render_markdown, render_table
from takedown.review.scoring import (
    FIELDS,
    Counts,
    Report,
    max_weight_matching,
    normalize_name,
    score,
    score_article,
    score_corpus,
    values_agree,
)

SEEDS = Path("/work/shared/corpus/seeds")


def _seed_golds() -> list[Path]:
    if not SEEDS.is_dir():
        return []
    return sorted(p for p in SEEDS.glob("*.gold.json") if p.name != "corpus.gold.json")


def _counts(score_: Any) -> dict[str, tuple[int, int, int]]:
    return {f: (c.tp, c.fp, c.fn) for f, c in score_.counts.items()}


# --------------------------------------------------------------------------------------------
# Normalization
# --------------------------------------------------------------------------------------------

MUST_MATCH: list[tuple[str, str, bool]] = [
    # (a, b, operation-normalization)
    ("Federal Bureau of Investigation", "federal bureau of investigation", False),
    ("FBI's", "FBI", False),
    ("FBI\u2019s", "FBI", False),
    ("the FBI", "FBI", False),
    ("The Netherlands", "Netherlands", False),
    ("U.S.", "US", False),
    ("U.S. Postal Service", "US Postal Service", False),
    ("J-CODE", "JCODE", False),
    ("J\u2013CAT", "J-CAT", False),
    ("Dark HunTor", "DarkHunTor", False),
    ("DarkhunTor", "Dark-Huntor", False),
    ("European Cybercrime Centre", "European Cybercrime Center", False),
    ("Organised Crime Unit", "Organized Crime Unit", False),
    ("Operation SpecTor", "SpecTor", True),
    ("operation  DisrupTor", "Disruptor", True),
    ("the Operation ProtecTor", "ProtecTor", True),
    ("Justice Dept.", "Justice Dept", False),
    ("\uff25\uff55\uff52\uff4f\uff50\uff4f\uff4c", "Europol", False),
    ("Monopoly  Market", "Monopoly Market", False),
    ("\u201cMonopoly Market\u201d", "Monopoly Market", False),
    ("U.S. Attorney\u2019s Office", "US Attorney's Office", False),
    ("Silk Road 2.0", "silk road 2.0", False),
    ("Immigration & Customs Enforcement", "Immigration and Customs Enforcement", False),
    ("Polizei Stra\u00dfe", "POLIZEI STRASSE", False),
    ("the Dutch National Police\u2019s", "Dutch National Police", False),
    ("Ministry of Defence", "Ministry of Defense", False),
]

MUST_NOT_MATCH: list[tuple[str, str, bool]] = [
    ("National Crime Agency", "National Criminal Investigation Service", False),
    ("Silk Road", "Silk Road 2.0", False),
    ("Silk Road 2.0", "Silk Road 3.0", False),
    ("Silk Road 2.0", "Silk Road 20", False),
    ("FBI", "FDA", False),
    ("Europol", "Eurojust", False),
    ("Hydra", "Hydra Market", False),
    ("Austria", "Australia", False),
    ("SpecTor", "DisrupTor", True),
    ("Operation SpecTor", "SpecTor", False),  # "operation " only goes for operations
    ("United States", "US", False),
    ("Theodore Smith", "odore Smith", False),
    ("Homeland Security Investigations", "Homeland Security", False),
    ("Dream Market", "Dream Market 2", False),
]


@pytest.mark.parametrize(("a", "b", "operation"), MUST_MATCH)
def test_normalization_matches(a: str, b: str, operation: bool) -> None:
    assert normalize_name(a, operation=operation) == normalize_name(b, operation=operation)


@pytest.mark.parametrize(("a", "b", "operation"), MUST_NOT_MATCH)
def test_normalization_keeps_apart(a: str, b: str, operation: bool) -> None:
    assert normalize_name(a, operation=operation) != normalize_name(b, operation=operation)


def test_normalization_tables_are_large_enough() -> None:
    assert len(MUST_MATCH) >= 20 and len(MUST_NOT_MATCH) >= 10


# --------------------------------------------------------------------------------------------
# Figure values and units
# --------------------------------------------------------------------------------------------

AGREE: list[tuple[float, str, float, str, bool]] = [
    (850, "kg", 1873.9, "lb", True),
    (1873.9, "lb", 850, "kg", True),
    (1875, "lb", 850, "kg", True),
    (850, "kg", 850, "lb", False),
    (1, "oz", 28.35, "g", True),
    (2, "t", 2000, "kg", True),
    (500, "mg", 0.5, "g", True),
    (43, "kg", 43, "kilograms", True),
    (152, "lb", 152, "pounds", True),
    (100, "USD", 100, "EUR", False),
    (100, "usd", 100, "USD", True),
    (100, "count", 100, "pill", False),
    (100, "pill", 100, "pills", True),
    (100, "kg", 100, "count", False),
    (288, "count", 287, "count", False),  # small integers are exact
    (288, "count", 288.0, "count", True),
    (50_800_000, "EUR", 50_900_000, "EUR", True),  # 0.197 %
    (50_800_000, "EUR", 51_100_000, "EUR", False),  # 0.59 %
    (1.5, "year", 1.5, "years", True),
    (1.5, "year", 18, "month", False),
    (5, "percent", 5, "%", True),
    (71_238, "count", 71_200, "count", True),  # large: within 0.5 %
]


@pytest.mark.parametrize(("a", "ua", "b", "ub", "expected"), AGREE)
def test_values_agree(a: float, ua: str, b: float, ub: str, expected: bool) -> None:
    assert values_agree(a, ua, b, ub) is expected


def _fig(kind: str, value: float, unit: str, **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "value": value, "unit": unit, "text": f"{value} {unit}", **extra}


def _article(**fields: Any) -> dict[str, Any]:
    return {"article": "x.txt", **fields}


def test_mass_conversion_in_scoring() -> None:
    gold = _article(figures=[_fig("drugs_seized", 1875, "lb")])
    pred = _article(figures=[_fig("drugs_seized", 850, "kg")])
    assert _counts(score_article(gold, pred))["figures"] == (1, 0, 0)


def test_a_range_matches_gold_by_either_bound_once() -> None:
    rng = {**_fig("sentence", 8, "year"), "value_max": 23}
    for gold_value in (8, 23):
        gold = _article(figures=[_fig("sentence", gold_value, "year")])
        assert _counts(score_article(gold, _article(figures=[rng])))["figures"] == (1, 0, 0)
    # both bounds listed as two gold facts: the one range is one of them, not both
    both = _article(figures=[_fig("sentence", 8, "year"), _fig("sentence", 23, "year")])
    assert _counts(score_article(both, _article(figures=[rng])))["figures"] == (1, 0, 1)
    # a value inside the range is neither bound
    gold = _article(figures=[_fig("sentence", 15, "year")])
    assert _counts(score_article(gold, _article(figures=[rng])))["figures"] == (0, 1, 1)


# --------------------------------------------------------------------------------------------
# One-to-one matching
# --------------------------------------------------------------------------------------------


def test_one_prediction_matches_one_of_two_equal_gold_figures() -> None:
    gold = _article(
        figures=[
            _fig("arrests", 1, "count", country="Poland"),
            _fig("arrests", 1, "count", country="Brazil"),
        ]
    )
    pred = _article(figures=[_fig("arrests", 1, "count", country="Brazil")])
    result = score_article(gold, pred)
    assert _counts(result)["figures"] == (1, 0, 1)
    assert _counts(result)["figures_kind"] == (1, 0, 1)
    assert [m["country"] for m in result.missed["figures"]] == ["Poland"]  # type: ignore[index]


def test_prediction_without_country_still_counts_once() -> None:
    gold = _article(
        figures=[
            _fig("arrests", 1, "count", country="Poland"),
            _fig("arrests", 1, "count", country="Brazil"),
        ]
    )
    pred = _article(figures=[_fig("arrests", 1, "count"), _fig("arrests", 1, "count")])
    # The two predicted figures are one fact (a repeat), so one gold fact stays missed.
    assert _counts(score_article(gold, pred))["figures"] == (1, 0, 1)


def test_substance_breaks_ties() -> None:
    gold = _article(
        figures=[
            _fig("drugs_seized", 43, "kg", substance="cocaine"),
            _fig("drugs_seized", 43, "kg", substance="MDMA"),
        ]
    )
    pred = _article(figures=[_fig("drugs_seized", 43, "kg", substance="mdma")])
    result = score_article(gold, pred)
    assert [m["substance"] for m in result.missed["figures"]] == ["cocaine"]  # type: ignore[index]


def test_entities_match_one_to_one() -> None:
    gold = _article(agencies=[{"name": "Department of Justice", "aliases": ["DOJ"]}])
    pred = _article(
        agencies=[{"name": "DOJ", "aliases": []}, {"name": "Department of Justice", "aliases": []}]
    )
    result = score_article(gold, pred)
    assert _counts(result)["agencies"] == (1, 1, 0)
    # Equal canonical names win the tie: the bare acronym is the unmerged extra.
    assert result.spurious["agencies"] == [{"name": "DOJ", "aliases": []}]


def test_broad_prediction_cannot_take_two_gold_entities() -> None:
    gold = _article(
        agencies=[
            {"name": "Federal Bureau of Investigation", "aliases": ["FBI"]},
            {"name": "FBI Los Angeles Field Office", "aliases": []},
        ]
    )
    pred = _article(
        agencies=[{"name": "FBI", "aliases": ["FBI Los Angeles Field Office"]}],
    )
    assert _counts(score_article(gold, pred))["agencies"] == (1, 0, 1)


def test_matching_is_maximum_not_greedy() -> None:
    # Greedy would pair gold 0 with pred 0 and strand gold 1; the maximum matching pairs both.
    gold = _article(
        persons=[
            {"name": "Kristen Varel", "aliases": ["Varel", "K. Varel"]},
            {"name": "Varel Smith", "aliases": []},
        ]
    )
    pred = _article(
        persons=[
            {"name": "Varel", "aliases": ["Varel Smith"]},
            {"name": "K. Varel", "aliases": []},
        ]
    )
    assert _counts(score_article(gold, pred))["persons"] == (2, 0, 0)


def test_duplicated_gold_entities_count_once() -> None:
    gold = _article(
        operations=[
            {"name": "SpecTor", "aliases": ["Operation SpecTor"]},
            {"name": "Operation SpecTor", "aliases": []},
        ]
    )
    assert _counts(score_article(gold, _article()))["operations"] == (0, 0, 1)
    assert _counts(score_article(gold, gold))["operations"] == (1, 0, 0)


def test_countries_and_dates_are_sets() -> None:
    gold = _article(
        countries=["Netherlands", "Netherlands", "United States"],
        dates=[{"value": "2021"}, {"value": "2021", "text": "late 2021"}],
    )
    pred = _article(countries=["the Netherlands"], dates=[{"value": "2021"}, {"value": "2020"}])
    counts = _counts(score_article(gold, pred))
    assert counts["countries"] == (1, 0, 1)
    assert counts["dates"] == (1, 1, 0)


def _brute_force_max(n: int, m: int, edges: set[tuple[int, int]]) -> int:
    best = 0
    for k in range(min(n, m), 0, -1):
        for rows in itertools.combinations(range(n), k):
            for cols in itertools.permutations(range(m), k):
                if all((r, c) in edges for r, c in zip(rows, cols, strict=True)):
                    return k
    return best


def test_matching_cardinality_equals_brute_force() -> None:
    rng = random.Random(20240215)
    for _ in range(200):
        n, m = rng.randint(0, 5), rng.randint(0, 5)
        edges = {(i, j) for i in range(n) for j in range(m) if rng.random() < 0.35}
        pairs = max_weight_matching(n, m, lambda i, j, e=edges: 1 if (i, j) in e else 0)
        assert all(p in edges for p in pairs)
        assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
        assert len(pairs) == _brute_force_max(n, m, edges)


# --------------------------------------------------------------------------------------------
# published and Counts
# --------------------------------------------------------------------------------------------

PUBLISHED: list[tuple[str | None, str | None, tuple[int, int, int]]] = [
    (None, None, (0, 0, 0)),
    ("2023-05-02", "2023-05-02", (1, 0, 0)),
    ("2023-05-02", None, (0, 0, 1)),
    (None, "2023-05-02", (0, 1, 0)),
    ("2023-05-02", "2023-05-03", (0, 1, 1)),
]


@pytest.mark.parametrize(("gold", "pred", "expected"), PUBLISHED)
def test_published(gold: str | None, pred: str | None, expected: tuple[int, int, int]) -> None:
    result = score_article(_article(published=gold), _article(published=pred))
    assert _counts(result)["published"] == expected


def test_published_missing_key_is_null() -> None:
    assert _counts(score_article(_article(published="2020-10-05"), {}))["published"] == (0, 0, 1)


COUNTS: list[tuple[Counts, float, float, float]] = [
    (Counts(), 1.0, 1.0, 1.0),
    (Counts(tp=3), 1.0, 1.0, 1.0),
    (Counts(fn=2), 0.0, 0.0, 0.0),
    (Counts(fp=2), 0.0, 0.0, 0.0),
    (Counts(tp=1, fp=1, fn=2), 0.5, 1 / 3, 0.4),
    (Counts(tp=2, fp=1, fn=0), 2 / 3, 1.0, 0.8),
]


@pytest.mark.parametrize(("counts", "p", "r", "f1"), COUNTS)
def test_counts_scores(counts: Counts, p: float, r: float, f1: float) -> None:
    assert counts.precision == pytest.approx(p)
    assert counts.recall == pytest.approx(r)
    assert counts.f1 == pytest.approx(f1)


# --------------------------------------------------------------------------------------------
# A deliberately degraded record, scored to exact counts
# --------------------------------------------------------------------------------------------

GOLD: dict[str, Any] = {
    "article": "900_degraded.txt",
    "title": "288 arrests and \u20ac50.8 million seized",
    "published": None,
    "operations": [
        {"name": "SpecTor", "aliases": ["Operation SpecTor"]},
        {"name": "DisrupTor", "aliases": []},
        {"name": "DarkHunTor", "aliases": []},
    ],
    "marketplaces": [{"name": "Monopoly Market", "aliases": []}],
    "agencies": [
        {"name": "European Union Agency for Law Enforcement Cooperation", "aliases": ["Europol"]},
        {"name": "European Cybercrime Centre", "aliases": ["EC3"]},
        {"name": "Dutch National Police", "aliases": ["Dutch police"]},
    ],
    "countries": ["Netherlands", "United States", "Poland", "Brazil"],
    "persons": [{"name": "Nan van de Coevering", "aliases": ["Van de Coevering"]}],
    "figures": [
        _fig("arrests", 288, "count"),
        _fig("money_seized", 50_800_000, "EUR"),
        _fig("drugs_seized", 850, "kg"),
        _fig("weapons_seized", 117, "count"),
        _fig("arrests", 1, "count", country="Poland"),
        _fig("arrests", 1, "count", country="Brazil"),
        _fig("drugs_seized", 43, "kg", substance="cocaine"),
    ],
    "dates": [{"value": "2021-12", "text": "December 2021"}, {"value": "2023-05-02"}],
}


def _entity(i: int, name: str, *aliases: str) -> Entity:
    return Entity(id=f"e{i}", name=name, aliases=list(aliases), source="gazetteer")


def _figure(i: int, kind: str, value: float, unit: str, start: int, **extra: Any) -> Figure:
    text = f"{value} {unit}"
    end = start + len(text)
    return Figure(
        id=f"f{i}", kind=kind, value=value, unit=unit, text=text, start=start, end=end, **extra
    )


def _date(i: int, value: str, start: int) -> DateFact:
    return DateFact(id=f"d{i}", value=value, text=value, start=start, end=start + len(value))


def _degraded() -> dict[str, Any]:
    restated = Equivalent(value=1874, unit="lb", text="1,874 pounds", start=300, end=312)
    record = ArticleRecord(
        id="r1",
        article="runs/latest/900_degraded.txt",  # paired by file name
        sha256="0" * 64,
        published="2023-05-02",  # gold has none: FP
        operations=[
            _entity(1, "Operation Spector"),  # SpecTor, via "operation " and casefold
            _entity(2, "Dark HunTor"),  # DarkHunTor, via whitespace collapse
            _entity(3, "Operation Trawler"),  # FP; DisrupTor is missed
        ],
        marketplaces=[
            _entity(4, "the Monopoly Market"),
            _entity(5, "Monopoly Market"),  # a repeat, not a second fact
        ],
        agencies=[
            _entity(6, "Europol"),
            _entity(7, "EC3", "European Cybercrime Center"),
            _entity(8, "Europol\u2019s"),  # a repeat of Europol
            _entity(9, "National Crime Agency"),  # FP; Dutch National Police is missed
        ],
        countries=["the Netherlands", "U.S.", "Brazil", "Brazil"],
        persons=[],
        figures=[
            _figure(1, "arrests", 287, "count", 10),  # FP, and 288 missed
            _figure(2, "money_seized", 50_800_000, "EUR", 40),
            _figure(3, "drugs_seized", 850, "kg", 290, equivalents=[restated]),
            _figure(4, "drugs_seized", 1874, "lb", 300),  # inside the equivalent: dropped
            _figure(5, "other", 117, "count", 400),  # right amount, wrong kind
            _figure(6, "arrests", 1, "count", 500, country="Brazil"),  # Poland missed
            _figure(7, "drugs_seized", 43, "kg", 600, substance="cocaine"),
            _figure(8, "drugs_seized", 43, "kg", 700, substance="Cocaine"),  # a repeat
        ],
        dates=[_date(1, "2021-12", 20), _date(2, "2021-12", 800), _date(3, "2023-05", 900)],
    )
    return record.model_dump(mode="json")


DEGRADED_COUNTS: dict[str, tuple[int, int, int]] = {
    "operations": (2, 1, 1),
    "marketplaces": (1, 0, 0),
    "agencies": (2, 1, 1),
    "countries": (2, 1, 2),
    "persons": (0, 0, 1),
    "figures": (5, 1, 2),
    "figures_kind": (4, 2, 3),
    "dates": (1, 1, 1),
    "published": (0, 1, 0),
}


def test_degraded_copy_exact_counts() -> None:
    result = score_article(GOLD, _degraded())
    assert result.article == "900_degraded.txt"
    assert _counts(result) == DEGRADED_COUNTS
    assert result.missed["operations"] == [{"name": "DisrupTor", "aliases": []}]
    assert result.missed["countries"] == ["United States", "Poland"]
    assert result.spurious["countries"] == ["U.S."]
    assert result.missed["dates"] == ["2023-05-02"]
    assert result.spurious["dates"] == ["2023-05"]
    assert result.spurious["published"] == ["2023-05-02"]
    missed_figs = result.missed["figures_kind"]
    assert [(f["kind"], f["value"]) for f in missed_figs] == [  # type: ignore[index]
        ("arrests", 288),
        ("weapons_seized", 117),
        ("arrests", 1),
    ]
    spurious_figs = result.spurious["figures"]
    assert [(f["kind"], f["value"]) for f in spurious_figs] == [("arrests", 287)]  # type: ignore[index]


def test_degraded_report_micro_sums() -> None:
    report = score([GOLD], [_degraded()])
    expected = Counts()
    for tp, fp, fn in DEGRADED_COUNTS.values():
        expected = expected + Counts(tp, fp, fn)
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (17, 8, 11)
    assert report.micro == expected
    for f in FIELDS:
        assert (report.fields[f].tp, report.fields[f].fp, report.fields[f].fn) == (
            DEGRADED_COUNTS[f]
        )


def test_micro_sums_fields_over_articles() -> None:
    other = copy.deepcopy(GOLD)
    other["article"] = "901_other.txt"
    # The second gold article has no prediction at all: everything in it is missed.
    report = score([other, GOLD], [_degraded()])
    assert [a.article for a in report.articles] == ["900_degraded.txt", "901_other.txt"]
    assert report.fields["operations"] == Counts(2, 1, 1 + 3)
    assert report.micro == Counts(
        sum(c.tp for c in report.fields.values()),
        sum(c.fp for c in report.fields.values()),
        sum(c.fn for c in report.fields.values()),
    )


def test_predictions_without_gold_are_skipped_and_duplicates_rejected() -> None:
    stray = _article(operations=[{"name": "Bayonet", "aliases": []}])
    stray["article"] = "999_no_gold.txt"
    assert score([GOLD], [_degraded(), stray]).micro == Counts(17, 8, 11)
    with pytest.raises(ValueError):
        score([GOLD, GOLD], [])
    with pytest.raises(ValueError):
        score([GOLD], [_degraded(), _degraded()])


# --------------------------------------------------------------------------------------------
# to_dict
# --------------------------------------------------------------------------------------------


def test_to_dict_is_deterministic_and_rounded() -> None:
    other = copy.deepcopy(GOLD)
    other["article"] = "901_other.txt"
    a = score([GOLD, other], [_degraded()], {"operations": []}, {"operations": []}).to_dict()
    b = score([other, GOLD], [_degraded()], {"operations": []}, {"operations": []}).to_dict()
    assert json.dumps(a) == json.dumps(b)
    assert list(a) == ["fields", "micro", "corpus", "articles"]
    assert list(a["fields"]) == list(FIELDS)
    assert list(a["fields"]["operations"]) == ["precision", "recall", "f1", "tp", "fp", "fn"]
    assert a["fields"]["figures"]["precision"] == round(5 / 6, 4) == 0.8333
    assert list(a["corpus"]) == ["corpus_operations", "corpus_micro"]
    first = a["articles"][0]
    assert first["article"] == "900_degraded.txt"
    assert list(first["missed"]) == list(FIELDS) == list(first["spurious"])
    json.loads(json.dumps(a))  # JSON-ready


def test_to_dict_without_corpus() -> None:
    assert score([GOLD], [GOLD]).to_dict()["corpus"] is None


# --------------------------------------------------------------------------------------------
# Corpus links
# --------------------------------------------------------------------------------------------


def test_corpus_pairs_count_once_per_canonical_cluster() -> None:
    gold = {
        "agencies": [
            {"name": "Federal Bureau of Investigation", "articles": ["a.txt", "b.txt", "c.txt"]},
            {"name": "United States Department of Justice", "articles": ["a.txt", "b.txt"]},
        ],
        "operations": [
            {"name": "SpecTor", "articles": ["a.txt", "b.txt"]},
            {"name": "Operation SpecTor", "articles": ["b.txt", "c.txt"]},  # same cluster
        ],
    }
    pred = {
        "agencies": [  # FBI and DOJ fused: a-b linked once, not twice
            {"name": "FBI", "articles": ["a.txt", "b.txt", "c.txt", "d.txt"]},
        ],
        "operations": [
            {"name": "whatever", "articles": ["out/a.txt", "b.txt", "c.txt", "c.txt"]},
        ],
        "persons": [{"name": "Wray", "articles": ["a.txt", "b.txt"]}],  # not in gold: unscored
    }
    result = score_corpus(gold, pred)
    assert list(result) == ["corpus_operations", "corpus_agencies", "corpus_micro"]
    # Gold agencies: ab, ac, bc (FBI) + ab (DOJ) = 4 links; predicted: 6 pairs over a-d.
    assert result["corpus_agencies"] == Counts(tp=3, fp=3, fn=1)
    # Gold operations (merged SpecTor): ab, ac, bc; predicted: the same three.
    assert result["corpus_operations"] == Counts(tp=3, fp=0, fn=0)
    assert result["corpus_micro"] == Counts(tp=6, fp=3, fn=1)


def test_corpus_without_prediction() -> None:
    gold = {"marketplaces": [{"name": "Monopoly Market", "articles": ["a.txt", "b.txt"]}]}
    assert score_corpus(gold, {})["corpus_micro"] == Counts(fn=1)


# --------------------------------------------------------------------------------------------
# Seeds scored against themselves
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", _seed_golds(), ids=lambda p: p.name)
def test_seed_against_itself_is_perfect(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    result = score_article(gold, gold)
    for f in FIELDS:
        c = result.counts[f]
        assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0), f
        assert c.fp == c.fn == 0, f
        assert not result.missed[f] and not result.spurious[f], f


def test_seed_corpus_against_itself_is_perfect() -> None:
    paths = _seed_golds()
    if not paths or not (SEEDS / "corpus.gold.json").is_file():
        pytest.skip("seed corpus not available")
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    corpus = json.loads((SEEDS / "corpus.gold.json").read_text(encoding="utf-8"))
    report = score(golds, copy.deepcopy(golds), corpus, copy.deepcopy(corpus))
    assert report.micro.fp == report.micro.fn == 0 and report.micro.tp > 0
    assert report.corpus is not None
    for name, c in report.corpus.items():
        assert (c.precision, c.recall, c.f1, c.fp, c.fn) == (1.0, 1.0, 1.0, 0, 0), name


@pytest.mark.parametrize("path", _seed_golds(), ids=lambda p: p.name)
def test_seed_with_first_facts_dropped(path: Path) -> None:
    """Dropping the first entry of every list field misses exactly one fact per field."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    degraded = copy.deepcopy(gold)
    for f in FIELDS:
        if isinstance(degraded.get(f), list) and degraded[f]:
            degraded[f] = degraded[f][1:]
    degraded["published"] = None
    result = score_article(gold, degraded)
    for f in FIELDS:
        source = "figures" if f == "figures_kind" else f
        had = bool(gold.get(source))
        assert result.counts[f].fn == int(had), f
        assert result.counts[f].fp == 0, f


def test_seeds_absent_means_skip_not_fail() -> None:
    if SEEDS.is_dir():
        assert _seed_golds(), "seed directory exists but holds no gold files"
    else:
        assert _seed_golds() == []


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------


def _report_with_corpus() -> Report:
    corpus = {"marketplaces": [{"name": "Monopoly Market", "articles": ["a.txt", "b.txt"]}]}
    return score([GOLD], [_degraded()], corpus, {})


def test_render_table() -> None:
    table = render_table(_report_with_corpus())
    assert [c.header for c in table.columns] == ["Field", "P", "R", "F1", "TP", "FP", "FN"]
    assert table.row_count == len(FIELDS) + 1 + 2
    console = Console(width=120, record=True)
    console.print(table)
    text = console.export_text()
    assert "figures_kind" in text and "micro" in text and "corpus_marketplaces" in text


def test_render_markdown_same_numbers() -> None:
    report = _report_with_corpus()
    md = render_markdown(report)
    lines = md.strip().splitlines()
    assert lines[0] == "| Field | P | R | F1 | TP | FP | FN |"
    assert len(lines) == 2 + len(FIELDS) + 1 + 2
    assert "| figures | 0.8333 | 0.7143 | 0.7692 | 5 | 1 | 2 |" in lines
    assert "| **micro** | **0.6800** | **0.6071** | **0.6415** | **17** | **8** | **11** |" in lines
    assert "| corpus_marketplaces | 0.0000 | 0.0000 | 0.0000 | 0 | 0 | 1 |" in lines
