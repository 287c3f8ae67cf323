"""Walking folders: stable order, hidden and gold files skipped, symlinks by policy, the output
folder never read back as input."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from takedown.cli import app
from takedown.errors import InputError
from takedown.io import Article, ReadOptions, discover
from takedown.sources import iter_sources

TEXT = "Police arrested 12 suspects in Operation Nightfall, Europol said.\n"


def _names(items: list[Article | InputError]) -> list[str]:
    return [i.article for i in items if isinstance(i, Article)]


def test_symlinks_inside_the_folder_are_read_once(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").symlink_to(tmp_path / "real" / "a.txt")
    (tmp_path / "alias").symlink_to(tmp_path / "real", target_is_directory=True)
    assert _names(list(iter_sources([str(tmp_path)], ReadOptions()))) == ["b.txt", "real/a.txt"]


def test_symlink_loops_end(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    items = list(iter_sources([str(tmp_path)], ReadOptions(follow_symlinks=True)))
    assert _names(items) == ["a/x.txt"]
    assert [type(i).__name__ for i in items].count("InputError") == 1  # self.txt


def test_output_inside_input_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "out"
    for flag in ([], ["--resume"]):
        result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(out), "-q", *flag])
        assert result.exit_code == 0, result.output
    lines = (out / "articles.jsonl").read_text().splitlines()
    assert [json.loads(x)["article"] for x in lines] == ["a.txt"]


def test_explicit_file_of_unknown_type_is_read_as_text(tmp_path: Path) -> None:
    (tmp_path / "notes.log").write_text(TEXT, encoding="utf-8")
    assert _names(list(iter_sources([str(tmp_path / "notes.log")]))) == ["notes.log"]
    assert discover([tmp_path]) == []  # in a folder it is reported, not read


def test_two_arguments_naming_the_same_file_give_one_record(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "o"
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "a.txt"),
                                      "-o", str(out), "-q"])
    assert result.exit_code == 0
    assert len((out / "articles.jsonl").read_text().splitlines()) == 1
