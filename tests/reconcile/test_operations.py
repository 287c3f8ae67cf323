"""Operation records: which figures, dates and entities belong to an operation, and how the
values of several sources compare (never averaged)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from takedown.models.corpus import ReportedFigure
from takedown.reconcile import DEFAULT_CONFIG, reconcile
from takedown.reconcile.operations import compare, values_agree

Rec = Callable[..., dict[str, Any]]


def op_record(result: Any, name: str) -> Any:
    (op,) = [o for o in result.operations if o.name == name]
    return op


def group(op: Any, kind: str, substance: str | None = None, country: str | None = None) -> Any:
    (g,) = [
        g
        for g in op.figures
        if g.kind == kind and g.substance == substance and g.country == country
    ]
    return g


def _spector(ent: Rec, record: Rec, figure: Rec, date: Rec) -> list[dict[str, Any]]:
    """The SpecTor example of the issue: two articles, figures in several units."""
    a = record(
        "001.txt",
        operations=[ent("SpecTor", "Operation SpecTor", at=100, gaz="spector")],
        figures=[
            figure("arrests", 288, "count", 0, "288 arrests"),
            figure("money_seized", 50_800_000, "EUR", 20, "€50.8 million"),
            figure("drugs_seized", 850, "kg", 150, "850 kg of drugs"),
        ],
        sentences=[(0, 60), (100, 200)],
        paragraphs=[(0, 60), (100, 200)],
    )
    b = record(
        "004.txt",
        published="2023-05-02",
        operations=[ent("SpecTor", "Operation SpecTor", "SpecTor", at=10, gaz="spector")],
        figures=[
            figure("money_seized", 50_000_000, "USD", 300, "$50 million", qualifier="more than"),
            figure("drugs_seized", 1875, "lb", 330, "1,875 pounds of pills"),
            figure("arrests", 288, "count", 360, "288 arrests"),
        ],
        dates=[date("2021", 420, "late 2021", role="began")],
        sentences=[(0, 90), (300, 400), (410, 440)],
        paragraphs=[(0, 90), (300, 440)],
    )
    return [a, b]


def test_spector_figures_side_by_side(ent: Rec, record: Rec, figure: Rec, date: Rec):
    result = reconcile(_spector(ent, record, figure, date))
    op = op_record(result, "SpecTor")
    assert op.articles == ["001.txt", "004.txt"]
    arrests = group(op, "arrests")
    assert arrests.status == "agree"
    assert [v.value for v in arrests.values] == [288, 288]
    drugs = group(op, "drugs_seized")
    assert drugs.status == "consistent"
    assert "after conversion" in drugs.note
    money = group(op, "money_seized")
    assert money.status == "different_units"
    assert {v.unit for v in money.values} == {"EUR", "USD"}
    assert next(v for v in money.values if v.unit == "USD").qualifier == "more than"
    # provenance on every value
    for g in op.figures:
        for v in g.values:
            assert v.article and v.figure_id and v.text and v.end > v.start
            assert v.attribution.rule in ("same_sentence", "same_paragraph", "sole_operation")
    assert [d.value for d in op.dates.began] == ["2021"]
    assert [(d.value, d.attribution.rule) for d in op.dates.announced] == [
        ("2023-05-02", "published")
    ]


def test_conflict_is_flagged_not_averaged(ent: Rec, record: Rec, figure: Rec):
    recs = [
        record(
            "a.txt",
            operations=[ent("DisrupTor")],
            figures=[figure("arrests", 179, "count", 50, "179 arrests")],
        ),
        record(
            "b.txt",
            operations=[ent("DisrupTor")],
            figures=[figure("arrests", 170, "count", 50, "170 arrests")],
        ),
    ]
    op = op_record(reconcile(recs), "DisrupTor")
    g = group(op, "arrests")
    assert g.status == "conflict"
    assert "179" in g.note and "170" in g.note
    assert sorted(v.value for v in g.values) == [170, 179]
    assert len(g.clusters) == 2


def test_attribution_rules(ent: Rec, record: Rec, figure: Rec):
    """Sentence, then paragraph, then the article's only or main operation; a sentence that
    names two operations keeps its figure with the article."""
    rec = record(
        "a.txt",
        operations=[
            ent("SpecTor", "SpecTor", "SpecTor", "SpecTor", at=0),  # 4 mentions: main
            ent("DisrupTor", at=1000),
            ent("RapTor", at=1030),
        ],
        figures=[
            figure("arrests", 288, "count", 10, "288 arrests"),  # same sentence as SpecTor
            figure("arrests", 179, "count", 1050, "179 arrests"),  # sentence names two ops
            figure("arrests", 153, "count", 2050, "153 arrests"),  # paragraph names DisrupTor
            figure("arrests", 10, "count", 3000, "10 arrests"),  # nothing named: main op
            figure("other", 6000, "count", 3050, "6,000 customers"),  # not a core kind
        ],
        sentences=[(0, 200), (1000, 1100), (2000, 2040), (2045, 2100), (3000, 3100)],
        paragraphs=[(0, 200), (1000, 1100), (2000, 2100), (3000, 3100)],
    )
    rec["operations"][1]["mentions"].append({"text": "DisrupTor", "start": 2005, "end": 2014})
    result = reconcile([rec])
    spector = op_record(result, "SpecTor")
    disruptor = op_record(result, "DisrupTor")
    got = {(v.value, v.attribution.rule) for g in spector.figures for v in g.values}
    assert got == {(288, "same_sentence"), (10, "main_operation")}
    got = {(v.value, v.attribution.rule) for g in disruptor.figures for v in g.values}
    assert got == {(153, "same_paragraph")}
    everywhere = {v.value for op in result.operations for g in op.figures for v in g.values}
    assert 179 not in everywhere and 6000 not in everywhere


def test_sole_operation_and_nearby_without_layout(ent: Rec, record: Rec, figure: Rec):
    one = record(
        "a.txt",
        operations=[ent("SpecTor", at=500)],
        figures=[figure("arrests", 288, "count", 5000, "288 arrests")],
    )
    op = op_record(reconcile([one]), "SpecTor")
    assert [v.attribution.rule for g in op.figures for v in g.values] == ["sole_operation"]
    two = record(
        "b.txt",
        operations=[ent("SpecTor", at=500), ent("RapTor", at=5000)],
        figures=[figure("arrests", 288, "count", 560, "288 arrests")],
    )
    op = op_record(reconcile([two]), "SpecTor")
    assert [v.attribution.rule for g in op.figures for v in g.values] == ["nearby"]


def test_entities_involved_carry_their_evidence(ent: Rec, record: Rec):
    rec = record(
        "a.txt",
        operations=[ent("SpecTor", at=0)],
        agencies=[ent("Europol", at=20)],
        country_entities=[ent("Germany", at=40, gaz="DE")],
        marketplaces=[ent("Monopoly Market", at=60)],
        persons=[ent("Catherine De Bolle", at=80)],
        sentences=[(0, 120)],
        paragraphs=[(0, 120)],
    )
    op = op_record(reconcile([rec]), "SpecTor")
    for field in ("agencies", "countries", "marketplaces", "persons"):
        (ref,) = getattr(op, field)
        assert ref.evidence[0].article == "a.txt"
        assert ref.evidence[0].rule == "same_sentence"


@pytest.mark.parametrize(
    ("a", "qa", "b", "qb", "agree"),
    [
        (288, None, 288, None, True),
        (288, None, 287, None, False),  # counts below 10,000 must be equal
        (850, None, 1875 * 0.45359237, None, True),  # 850 kg vs 1,875 lb in kg
        (50_000_000, "more than", 50_800_000, None, True),
        (50_000_000, "more than", 80_000_000, None, False),  # beyond the bound's slack
        (500, "about", 530, None, True),
        (500, "about", 600, None, False),
        (40_000_000, "up to", 38_000_000, None, True),
    ],
)
def test_values_agree(a: float, qa: str | None, b: float, qb: str | None, agree: bool) -> None:
    counted = float(a).is_integer() and float(b).is_integer()
    assert values_agree(float(a), qa, float(b), qb, counted, DEFAULT_CONFIG) is agree


def test_other_figures_are_never_a_conflict() -> None:
    def rf(article: str, value: float, unit: str) -> ReportedFigure:
        return ReportedFigure.model_validate(
            {
                "text": "x",
                "start": 0,
                "end": 1,
                "article": article,
                "figure_id": f"{article}{value}",
                "value": value,
                "unit": unit,
                "attribution": {"article": article, "rule": "sole_operation"},
            }
        )

    values = [rf("a", 9, "count"), rf("b", 3, "count")]
    status, note, _ = compare(values, [{}, {}], DEFAULT_CONFIG, comparable_kind=False)
    assert status != "conflict"
    assert "not compared" in note
