"""``takedown diff``: facts added, removed and changed, entity merges/splits/renames, renderers.

The end-to-end cases change a real rules file and extract again, because that is what a
reviewer diffs: one more unit makes one more figure (exactly one added fact), and an alias
taken out of the gazetteer splits an agency in two.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from takedown import Extractor
from takedown.cli import app
from takedown.io import make_article
from takedown.output import dumps
from takedown.resources import rules_dir
from takedown.review.diff import (
    Cluster,
    article_facts,
    corpus_clusters,
    diff_clusters,
    diff_outputs,
    diff_records,
    load_output,
)
from takedown.review.diff_render import render_json, render_markdown, render_text, status_line
from takedown.review.markdown import COMMENT_MAX_BYTES

runner = CliRunner()

TEXTS: dict[str, str] = {
    "nightfall.txt": (
        "Nightfall market shut down\n\n"
        "Police in Germany and Hungary shut down the darknet market Nightfall Market on "
        "Tuesday, Europol said. Officers seized 1950 forints and EUR 2 million in cash, and "
        "arrested 12 suspects. The European Police Office coordinated the action.\n"
    ),
    "bayonet.txt": (
        "AlphaBay taken down\n\n"
        "The Federal Bureau of Investigation (FBI) and the Dutch National Police took down "
        "AlphaBay and Hansa in July 2017. The FBI said 40,000 vendors had sold drugs there.\n"
    ),
}
PUBLISHED = "2023-05-02"


def write_output(folder: Path, records: Sequence[Any], **extra: Sequence[dict[str, Any]]) -> Path:
    """An output folder as ``takedown extract`` lays it out (records sorted by article)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [r if isinstance(r, dict) else r.model_dump(mode="json") for r in records]
    rows.sort(key=lambda r: r["article"])
    (folder / "articles.jsonl").write_text("".join(dumps(r) + "\n" for r in rows), "utf-8")
    (folder / "errors.jsonl").write_text("", "utf-8")
    for name, lines in extra.items():
        (folder / f"{name}.jsonl").write_text("".join(dumps(x) + "\n" for x in lines), "utf-8")
    return folder


def extract_all(ex: Extractor) -> list[dict[str, Any]]:
    arts = [make_article(t, name, None, PUBLISHED) for name, t in TEXTS.items()]
    return [r.model_dump(mode="json") for r in ex.extract_many(arts)]


def edited_extractor(tmp_path: Path, edit: Callable[[Path], None]) -> Extractor:
    """A fresh pipeline whose components load a copy of the shipped rules, edited."""
    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    edit(folder)
    ex = Extractor()
    for name in ex.nlp.pipe_names:
        component = ex.nlp.get_pipe(name)
        if hasattr(component, "from_disk") and hasattr(component, "rule_files"):
            component.from_disk(folder)
    return ex


@pytest.fixture(scope="module")
def baseline_records(extractor: Extractor) -> list[dict[str, Any]]:
    return extract_all(extractor)


# --------------------------------------------------------------------------------------------
# The three promises of the issue
# --------------------------------------------------------------------------------------------


def test_diff_of_an_output_with_itself_is_empty(
    tmp_path: Path, baseline_records: list[dict[str, Any]]
) -> None:
    out = write_output(tmp_path / "out", baseline_records)
    report = diff_outputs(out, out)
    assert report.empty
    assert report.articles == []
    assert report.totals().added == report.totals().removed == report.totals().changed == 0
    assert report.totals().old == report.totals().new > 10
    assert status_line(report).startswith("**No extraction changes:**")
    result = runner.invoke(app, ["diff", str(out), str(out), "--fail-on-change"])
    assert result.exit_code == 0, result.output


def test_a_rule_that_finds_one_more_figure_is_exactly_one_added_fact(
    tmp_path: Path, baseline_records: list[dict[str, Any]]
) -> None:
    unit = {"surface": "forints", "unit": "HUF", "dimension": "currency"}

    def add_unit(folder: Path) -> None:
        with (folder / "units.jsonl").open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(unit) + "\n")

    before = {r["article"]: r for r in baseline_records}
    assert "1950 forints" not in [f["text"] for f in before["nightfall.txt"]["figures"]], (
        "precondition: without the unit, '1950 forints' reads as a year and is no figure"
    )
    new_records = extract_all(edited_extractor(tmp_path, add_unit))
    old = write_output(tmp_path / "old", baseline_records)
    new = write_output(tmp_path / "new", new_records)
    report = diff_outputs(old, new)
    assert [a.article for a in report.articles] == ["nightfall.txt"]
    (article,) = report.articles
    assert article.removed == [] and article.changed == [] and article.entities == []
    (fact,) = article.added
    assert (fact.type, fact.text, fact.values["value"], fact.values["unit"]) == (
        "figure", "1950 forints", 1950, "HUF"
    )
    assert TEXTS["nightfall.txt"][fact.start : fact.end] == "1950 forints"
    totals = report.totals()
    assert (totals.added, totals.removed, totals.changed) == (1, 0, 0)
    assert report.fact_counts["figure"].added == 1


def test_removing_an_alias_from_the_gazetteer_shows_the_entity_split(
    tmp_path: Path, baseline_records: list[dict[str, Any]]
) -> None:
    def drop_alias(folder: Path) -> None:
        path = folder / "agencies.jsonl"
        lines = path.read_text(encoding="utf-8").splitlines()
        out = []
        for line in lines:
            if line.strip():
                rule = json.loads(line)
                if rule["id"] == "eu-europol":
                    assert "European Police Office" in rule["aliases"]
                    rule["aliases"].remove("European Police Office")
                line = json.dumps(rule, ensure_ascii=False)
            out.append(line)
        path.write_text("\n".join(out) + "\n", encoding="utf-8")

    before = {r["article"]: r for r in baseline_records}["nightfall.txt"]
    europol = [a for a in before["agencies"] if a.get("gazetteer_id") == "eu-europol"]
    assert len(europol) == 1 and len(europol[0]["mentions"]) == 2, (
        "precondition: 'Europol' and 'European Police Office' are one agency"
    )
    new_records = extract_all(edited_extractor(tmp_path, drop_alias))
    report = diff_outputs(
        write_output(tmp_path / "old", baseline_records),
        write_output(tmp_path / "new", new_records),
    )
    (article,) = report.articles
    (split,) = [c for c in article.entities if c.kind == "split"]
    assert [c.name for c in split.old] == [europol[0]["name"]]
    assert sorted(c.name for c in split.new) == sorted(
        [europol[0]["name"], "European Police Office"]
    )
    assert report.entity_counts["split"] == 1
    # at fact level: the same evidence, another canonical name -> one changed fact
    (change,) = article.changed
    assert change.new.text == "European Police Office"
    assert "name" in change.fields and "gazetteer_id" in change.fields
    assert article.added == [] and article.removed == []
    md = render_markdown(report)
    assert "**split**" in md and "European Police Office" in md


# --------------------------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------------------------


def _figure(start: int, end: int, text: str, value: float, unit: str = "count",
            kind: str = "arrests", fid: str = "f1") -> dict[str, Any]:
    return {"id": fid, "text": text, "start": start, "end": end, "kind": kind, "value": value,
            "unit": unit, "substance": None, "country": None, "qualifier": None,
            "equivalents": []}


def _entity(eid: str, name: str, spans: Sequence[tuple[int, int, str]], **kw: Any) -> dict:
    return {"id": eid, "name": name, "aliases": [], "source": "gazetteer",
            "mentions": [{"start": s, "end": e, "text": t} for s, e, t in spans], **kw}


def _record(article: str = "a.txt", **fields: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {"article": article, "id": "art_1", "sha256": "0" * 64,
                           "schema_version": "1.0"}
    rec.update(fields)
    return rec


@pytest.mark.parametrize(
    ("old", "new", "fields"),
    [
        (_figure(0, 11, "12 suspects", 12), _figure(0, 11, "12 suspects", 13), ["value"]),
        (_figure(0, 5, "5 kg", 5, "kg", "drugs_seized"),
         _figure(0, 5, "5 kg", 5, "lb", "drugs_seized"), ["unit"]),
        (_figure(0, 11, "12 suspects", 12), _figure(0, 11, "12 suspects", 12, kind="other"),
         ["kind"]),
        # ids derive from content and change with it: never a change by themselves
        (_figure(0, 11, "12 suspects", 12), _figure(0, 11, "12 suspects", 12.0, fid="f9"), []),
    ],
)
def test_same_span_other_value_is_one_changed_fact(
    old: dict[str, Any], new: dict[str, Any], fields: list[str]
) -> None:
    d = diff_records(_record(figures=[old]), _record(figures=[new]))
    if not fields:
        assert d is None
        return
    assert d is not None and d.added == [] and d.removed == []
    (change,) = d.changed
    assert change.fields == fields


def test_canonical_name_and_label_changes_are_changes_of_a_mention() -> None:
    old = _record(agencies=[_entity("e1", "Europol", [(0, 7, "Europol")])])
    renamed = _record(agencies=[_entity("e2", "European Union Agency", [(0, 7, "Europol")])])
    relabeled = _record(marketplaces=[_entity("e1", "Europol", [(0, 7, "Europol")])])
    d = diff_records(old, renamed)
    assert d is not None
    assert [c.fields for c in d.changed] == [["name"]]
    assert [c.kind for c in d.entities] == ["renamed"]
    d = diff_records(old, relabeled)
    assert d is not None
    assert [c.fields for c in d.changed] == [["type"]]
    assert [c.kind for c in d.entities] == ["retyped"]


def test_moved_span_is_a_removal_and_an_addition() -> None:
    d = diff_records(_record(figures=[_figure(0, 11, "12 suspects", 12)]),
                     _record(figures=[_figure(0, 2, "12", 12)]))
    assert d is not None
    assert [f.text for f in d.added] == ["12"] and [f.text for f in d.removed] == ["12 suspects"]


def test_article_facts_cover_every_kind_of_fact() -> None:
    rec = _record(
        title="Title", title_span={"start": 0, "end": 5, "text": "Title"},
        published="2023-05-02", published_span=None,
        persons=[_entity("p", "Jane Roe", [(10, 18, "Jane Roe"), (30, 33, "Roe")],
                         source="pattern")],
        figures=[_figure(40, 51, "12 suspects", 12)],
        dates=[{"id": "d", "text": "May 2023", "start": 60, "end": 68, "value": "2023-05",
                "modifier": None, "relative": False, "anchor": None}],
        unresolved_dates=[{"text": "last week", "start": 70, "end": 79,
                           "expression": "relative-week"}],
    )
    types = [f.type for f in article_facts(rec)]
    assert sorted(types) == sorted(
        ["published", "title", "person", "person", "figure", "date", "unresolved_date"]
    )
    # the published date has no span, yet pairs with itself across runs
    other = dict(rec, published="2023-05-03")
    d = diff_records(rec, other)
    assert d is not None and [(c.old.type, c.fields) for c in d.changed] == [
        ("published", ["value"])
    ]


def test_added_removed_and_text_changed_articles(tmp_path: Path) -> None:
    a = _record("a.txt", figures=[_figure(0, 11, "12 suspects", 12)])
    b = _record("b.txt", figures=[_figure(0, 11, "12 suspects", 12)])
    c_old = _record("c.txt", figures=[_figure(0, 11, "12 suspects", 12)])
    c_new = dict(c_old, sha256="1" * 64)
    old = write_output(tmp_path / "old", [a, c_old])
    new = write_output(tmp_path / "new", [b, c_new])
    report = diff_outputs(old, new)
    assert {d.article: d.status for d in report.articles} == {
        "a.txt": "removed", "b.txt": "added", "c.txt": "changed"
    }
    c = next(d for d in report.articles if d.article == "c.txt")
    assert c.text_changed and not (c.added or c.removed or c.changed)
    assert report.article_counts == {
        "old": 2, "new": 2, "added": 1, "removed": 1, "changed": 1, "text_changed": 1,
        "unchanged": 0,
    }
    assert "the article text itself changed" in render_markdown(report)


# --------------------------------------------------------------------------------------------
# Clusters
# --------------------------------------------------------------------------------------------


def _c(cid: str, name: str, members: set[Any], ctype: str = "agency") -> Cluster:
    return Cluster(cid, ctype, name, frozenset(members))


def test_cluster_changes_are_classified_by_shared_members() -> None:
    old = [
        _c("1", "FBI", {1, 2}), _c("2", "Federal Bureau of Investigation", {3}),  # -> merged
        _c("3", "Europol", {4, 5}),  # -> split
        _c("4", "DEA", {6}),  # -> renamed
        _c("5", "NCA", {7}),  # -> removed
        _c("6", "BKA", {8}),  # -> changed (one more mention)
        _c("7", "Hydra", {9}, "marketplace"),  # moved mentions, same name -> changed
        _c("8", "ZIT", {10}),  # unchanged
    ]
    new = [
        _c("a", "FBI", {1, 2, 3}),
        _c("b", "Europol", {4}), _c("c", "European Police Office", {5}),
        _c("d", "Drug Enforcement Administration", {6}),
        _c("e", "JCODE", {11}),
        _c("f", "BKA", {8, 12}),
        _c("g", "Hydra", {13}, "marketplace"),
        _c("h", "ZIT", {10}),
    ]
    changes = {c.kind: c for c in diff_clusters(old, new)}
    assert sorted(changes) == sorted(["merged", "split", "renamed", "removed", "added", "changed"])
    assert [x.name for x in changes["merged"].old] == ["FBI", "Federal Bureau of Investigation"]
    assert [x.name for x in changes["split"].new] == ["Europol", "European Police Office"]
    assert changes["renamed"].summary() == "DEA → Drug Enforcement Administration"
    assert [x.name for x in changes["added"].new] == ["JCODE"]
    moved = [c for c in diff_clusters(old, new) if c.kind == "changed"]
    assert {c.old[0].name for c in moved} == {"BKA", "Hydra"}
    assert diff_clusters(old, old) == []


def _canonical(eid: str, name: str, mentions: dict[str, list[tuple[int, int]]],
               etype: str = "agency") -> dict[str, Any]:
    """A line of entities.jsonl as takedown.models.corpus.CanonicalEntity writes it."""
    return {
        "schema_version": "1.0", "id": eid, "type": etype, "name": name,
        "gazetteer_id": None, "country": None, "acronyms": [], "era": None, "notes": [],
        "forms": [{"form": name, "count": 1, "articles": 1, "rule": "canonical"}],
        "articles": [
            {"article": art, "entity_ids": [], "mentions": [
                {"start": s, "end": e, "text": name} for s, e in spans]}
            for art, spans in mentions.items()
        ],
    }


def test_corpus_entities_merge_and_split_across_articles(tmp_path: Path) -> None:
    rec = _record("a.txt")
    old_entities = [
        _canonical("ent_fbi", "FBI", {"a.txt": [(0, 3)], "b.txt": [(5, 8)]}),
        _canonical("ent_fbi2", "Federal Bureau of Investigation", {"c.txt": [(0, 31)]}),
        _canonical("ent_hydra", "Hydra", {"a.txt": [(40, 45)], "d.txt": [(1, 6)]},
                   "marketplace"),
    ]
    new_entities = [
        _canonical("ent_fbi", "Federal Bureau of Investigation",
                   {"a.txt": [(0, 3)], "b.txt": [(5, 8)], "c.txt": [(0, 31)]}),
        _canonical("ent_hydra", "Hydra", {"a.txt": [(40, 45)]}, "marketplace"),
        _canonical("ent_hydra2", "Hydra", {"d.txt": [(1, 6)]}, "marketplace"),
    ]
    old_ops = [{"id": "op1", "name": "SpecTor", "articles": ["a.txt", "b.txt"], "figures": []}]
    new_ops = [{"id": "op1", "name": "SpecTor", "articles": ["a.txt", "b.txt"],
                "figures": [{"kind": "arrests"}]}]
    old = write_output(tmp_path / "old", [rec], entities=old_entities, operations=old_ops)
    new = write_output(tmp_path / "new", [rec], entities=new_entities, operations=new_ops)
    (tmp_path / "old" / "corpus.json").write_text(json.dumps({"agencies": [{"id": "x"}]}))
    (tmp_path / "new" / "corpus.json").write_text(
        json.dumps({"agencies": [{"id": "x"}, {"id": "y"}]})
    )
    report = diff_outputs(old, new)
    assert not report.empty and report.articles == []
    files = {f.file: f for f in report.corpus_files}
    kinds = sorted(c.kind for c in files["entities.jsonl"].changes)
    assert kinds == ["merged", "split"]
    (ops_change,) = files["operations.jsonl"].changes
    assert (ops_change.kind, ops_change.attributes) == ("changed", ["figures"])
    assert report.corpus_json == [{"path": "agencies", "old": "1 items", "new": "2 items",
                                   "detail": "+1 −0 ~0 by id"}]
    md = render_markdown(report)
    assert "### Corpus: entities.jsonl" in md and "### Corpus: corpus.json" in md


def test_corpus_files_may_be_missing_on_either_side(tmp_path: Path) -> None:
    rec = _record("a.txt")
    old = write_output(tmp_path / "old", [rec])
    entities = [_canonical("e", "FBI", {"a.txt": [(0, 3)]})]
    new = write_output(tmp_path / "new", [rec], entities=entities)
    report = diff_outputs(old, new)
    (f,) = report.corpus_files
    assert (f.old_present, f.new_present, f.new_count) == (False, True, 1)
    assert [c.kind for c in f.changes] == ["added"]
    assert diff_outputs(old, old).corpus_files == []


def test_corpus_lines_are_read_generically() -> None:
    lines = [
        {"entity_id": "x", "label": "agency", "canonical": "FBI",
         "mentions": [{"article": "a.txt", "start": 0, "end": 3}]},
        {"id": "y", "name": "Hydra", "articles": ["a.txt", "b.txt"]},
        {"id": "z", "name": "No members"},
    ]
    a, b, c = corpus_clusters(lines, "entity")
    assert (a.id, a.type, a.name, a.members) == ("x", "agency", "FBI",
                                                 frozenset({("a.txt", 0, 3)}))
    assert (b.type, b.members) == ("entity", frozenset({("a.txt",), ("b.txt",)}))
    assert len(c.members) == 1  # its own name: still diffs, by name


# --------------------------------------------------------------------------------------------
# Renderers and the command
# --------------------------------------------------------------------------------------------


def _big_report(tmp_path: Path, n: int = 60) -> tuple[Path, Path]:
    olds, news = [], []
    for i in range(n):
        figs = [_figure(j * 20, j * 20 + 11, f"{j} suspects | <b>", j, fid=f"f{j}")
                for j in range(40)]
        olds.append(_record(f"article-{i:03d}.txt", figures=figs))
        news.append(_record(f"article-{i:03d}.txt",
                            figures=[dict(f, value=f["value"] + 1) for f in figs]))
    return write_output(tmp_path / "old", olds), write_output(tmp_path / "new", news)


def test_markdown_is_status_first_with_h3_and_details(tmp_path: Path) -> None:
    old, new = _big_report(tmp_path, 3)
    md = render_markdown(diff_outputs(old, new))
    first = md.splitlines()[0]
    assert first.startswith("**Extraction changed:**") and "~120" in first
    assert "### Counts" in md and "### Articles" in md
    assert re.search(r"^#{1,2} ", md, re.M) is None  # h3 and below only
    assert md.count("<details>") == 3  # 40 rows each: collapsed
    assert "</details>" in md
    # article text is escaped: no raw tag, no cell-splitting pipe
    assert "suspects \\| &lt;b&gt;" in md
    assert "suspects | <b>" not in md and "<b>" not in md.replace("<b>article-", "")


def test_markdown_fits_max_bytes_and_says_what_was_cut(tmp_path: Path) -> None:
    old, new = _big_report(tmp_path, 60)
    report = diff_outputs(old, new)
    full = render_markdown(report)
    assert len(full.encode()) > COMMENT_MAX_BYTES
    cut = render_markdown(report, COMMENT_MAX_BYTES)
    assert len(cut.encode()) <= COMMENT_MAX_BYTES
    assert cut.splitlines()[0] == full.splitlines()[0]
    notice = cut.splitlines()[2]
    m = re.search(r"Cut to fit 65,536 bytes:\*\* not shown: (\d+) of 60 article sections", notice)
    assert m, notice
    shown = cut.count("<summary><b>article-")
    assert shown + int(m.group(1)) == 60 and shown > 0
    assert f"article-{shown:03d}.txt" in notice  # the first one cut is named
    assert "takedown diff" in notice
    result = runner.invoke(app, ["diff", str(old), str(new), "-f", "markdown",
                                 "--max-bytes", "65536"])
    assert result.exit_code == 0
    assert len(result.stdout.encode()) <= COMMENT_MAX_BYTES
    tiny = runner.invoke(app, ["diff", str(old), str(new), "-f", "markdown",
                               "--max-bytes", "100"])
    assert tiny.exit_code == 2


def test_json_and_text_formats(tmp_path: Path) -> None:
    old, new = _big_report(tmp_path, 2)
    report = diff_outputs(old, new)
    data = json.loads(render_json(report))
    assert data["fact_totals"]["changed"] == 80 and data["empty"] is False
    assert data["articles"][0]["changed"][0]["fields"] == ["value"]
    console = Console(record=True, width=160)
    console.print(render_text(report))
    text = console.export_text()
    assert "Extraction changed:" in text and "article-001.txt" in text
    result = runner.invoke(app, ["diff", str(old), str(new), "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["fact_totals"]["changed"] == 80


def test_fail_on_change_and_usage_errors(tmp_path: Path) -> None:
    old, new = _big_report(tmp_path, 1)
    assert runner.invoke(app, ["diff", str(old), str(new)]).exit_code == 0
    assert runner.invoke(app, ["diff", str(old), str(new), "--fail-on-change"]).exit_code == 1
    missing = runner.invoke(app, ["diff", str(old), str(tmp_path / "nope")])
    assert missing.exit_code == 2
    assert "no articles.jsonl" in " ".join(missing.output.split())


def test_load_output_reports_bad_lines(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "articles.jsonl").write_text('{"article": "a.txt"}\nnot json\n')
    with pytest.raises(Exception, match=r"articles.jsonl:2: invalid JSON"):
        load_output(folder)


def test_members_shared_by_two_clusters_link_nothing() -> None:
    """An article naming two operations says nothing about which is which."""
    old = [_c("1", "BIONIC", {"a.txt", "b.txt"}, "operation"),
           _c("2", "GOLDEN", {"a.txt"}, "operation")]
    new = [_c("1", "BIONIC", {"a.txt", "b.txt"}, "operation"),
           _c("2", "GOLDEN", {"a.txt", "c.txt"}, "operation")]
    changes = diff_clusters(old, new)
    assert [(c.kind, [x.name for x in c.old]) for c in changes] == [("changed", ["GOLDEN"])]


def test_operations_pair_by_id_and_show_what_changed(tmp_path: Path) -> None:
    rec = _record("a.txt")
    ops = [{"id": "operation:bionic", "name": "BIONIC", "articles": ["a.txt", "b.txt"]},
           {"id": "operation:golden", "name": "GOLDEN", "articles": ["a.txt"], "dates": []}]
    new_ops = [ops[0], dict(ops[1], dates=[{"value": "2021"}])]
    report = diff_outputs(write_output(tmp_path / "old", [rec], operations=ops),
                          write_output(tmp_path / "new", [rec], operations=new_ops))
    (f,) = report.corpus_files
    assert [(c.kind, c.old[0].name, c.attributes) for c in f.changes] == [
        ("changed", "GOLDEN", ["dates"])
    ]


def test_summaries_are_html_escaped_not_markdown_escaped(tmp_path: Path) -> None:
    """GitHub renders no markdown inside <summary>: a `\\_` there would show its backslash."""
    name = "dark_web<x>.txt"
    old = write_output(tmp_path / "old", [_record(name, figures=[_figure(0, 2, "12", 12)])])
    new = write_output(tmp_path / "new", [_record(name, figures=[_figure(0, 2, "12", 13)])])
    md = render_markdown(diff_outputs(old, new))
    assert "<summary><b>dark_web&lt;x&gt;.txt</b>:" in md
