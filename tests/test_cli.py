"""The CLI as a user runs it: real files in, files and exit codes out."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from takedown.cli import app

runner = CliRunner()
ARTICLE = (
    "Police seize darknet market in Germany\n\nBy Jane Roe | May 3, 2023\n\n"
    "German police arrested 12 suspects and seized €2.5 million in Operation Nightfall. "
    "The Bundeskriminalamt said the market launched last November.\n"
)


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "sub").mkdir()
    (src / "sub" / "b.md").write_text(ARTICLE.replace("12", "13"), encoding="utf-8")
    return src


def test_extract_writes_one_sorted_record_per_article(tmp_path: Path) -> None:
    src = _folder(tmp_path)
    result = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "out" / "articles.jsonl").read_text().splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["article"] for r in records] == ["a.txt", "sub/b.md"]
    first = records[0]
    assert first["published"] == "2023-05-03"
    assert ("arrests", 12) in [(f["kind"], f["value"]) for f in first["figures"]]
    assert {"value": "2022-11"}.items() <= next(
        d for d in first["dates"] if d["text"] == "last November"
    ).items()


def test_extract_reports_bad_files_and_exits_1(tmp_path: Path) -> None:
    src = _folder(tmp_path)
    (src / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    errors = (tmp_path / "out" / "errors.jsonl").read_text()
    assert "empty.txt" in errors
    assert len((tmp_path / "out" / "articles.jsonl").read_text().splitlines()) == 2


def test_extract_reads_stdin_with_published(tmp_path: Path) -> None:
    text = "Police said 40 people were arrested on Tuesday."
    result = runner.invoke(
        app, ["extract", "-", "-o", str(tmp_path / "out"), "--published", "2024-02-15"], input=text
    )
    assert result.exit_code == 0, result.output
    rec = json.loads((tmp_path / "out" / "articles.jsonl").read_text())
    assert rec["published"] == "2024-02-15"
    assert [d["value"] for d in rec["dates"]] == ["2024-02-13"]


def test_bad_published_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["extract", "-", "-o", str(tmp_path / "o"), "--published", "x"], input="text"
    )
    assert result.exit_code == 2


def test_show_highlights_facts(tmp_path: Path) -> None:
    src = _folder(tmp_path)
    result = runner.invoke(app, ["show", str(src / "a.txt")])
    assert result.exit_code == 0, result.output
    assert "arrests" in result.output and "Nightfall" in result.output


def test_schema_command(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "-o", str(tmp_path / "s.json")])
    assert result.exit_code == 0
    assert json.loads((tmp_path / "s.json").read_text())["title"] == "ArticleRecord"


def test_evaluate_json(tmp_path: Path) -> None:
    gold_dir = Path(__file__).resolve().parents[1] / "data" / "gold"
    result = runner.invoke(app, ["evaluate", str(gold_dir), "--json", str(tmp_path / "m.json")])
    assert result.exit_code == 0, result.output
    metrics = json.loads((tmp_path / "m.json").read_text())
    assert metrics["micro"]["f1"] >= 0.9
    assert "micro" in result.output
