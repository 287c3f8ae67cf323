"""Inputs and rules are data: nothing in them is executed, fetched, or used as a path."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from typer.testing import CliRunner

import takedown
from takedown.cli import app
from takedown.errors import InputError
from takedown.io import Article, ReadOptions
from takedown.sources import iter_sources

runner = CliRunner()
PACKAGE = Path(takedown.__file__).parent
TEXT = "Police arrested 12 suspects in Operation Nightfall, Europol said.\n"
BANNED_CALLS = {"eval", "exec", "compile", "__import__"}
BANNED_MODULES = {"pickle", "cPickle", "marshal", "shelve", "dill", "joblib", "yaml"}


def test_no_code_execution_primitives_in_the_package() -> None:
    """No eval/exec, no pickle or YAML loading: rules and inputs can only ever be data."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in BANNED_CALLS:
                found.append(f"{path.name}:{node.lineno} {node.func.id}()")
            if isinstance(node, ast.Import):
                found += [f"{path.name}:{node.lineno} import {a.name}" for a in node.names
                          if a.name.split(".")[0] in BANNED_MODULES]
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] \
                    in BANNED_MODULES:
                found.append(f"{path.name}:{node.lineno} from {node.module}")
    assert not found, found


def test_rules_are_plain_json_lines() -> None:
    for path in sorted((PACKAGE / "rules").glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                assert isinstance(json.loads(line), dict), f"{path.name}:{n}"


def test_html_is_parsed_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    page = f"""<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<html><head><title>T</title>
<script>require('fs').writeFileSync('{marker}', 'x'); document.write('SCRIPT-RAN')</script>
<link rel="stylesheet" href="http://127.0.0.1:9/evil.css">
<meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/">
</head><body onload="document.write('ONLOAD-RAN')"><article>
<p>{TEXT} &xxe; {TEXT}</p><p>{TEXT}</p>
<img src="http://127.0.0.1:9/x.png" onerror="document.write('ONERROR-RAN')">
<iframe src="file:///etc/passwd"></iframe></article></body></html>"""
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    items = list(iter_sources([str(tmp_path / "p.html")], ReadOptions()))
    text = items[0].text if isinstance(items[0], Article) else ""
    for bad in ("SCRIPT-RAN", "ONLOAD-RAN", "ONERROR-RAN", "root:x:0:0", "require("):
        assert bad not in text
    assert not marker.exists()


def test_output_stays_in_the_output_folder(tmp_path: Path) -> None:
    """Strange input names only ever appear inside records, never as output paths."""
    src = tmp_path / "in"
    src.mkdir()
    for name in ("..txt", "a\nb.txt", "-o.txt", "~root.txt", "%2e%2e%2fx.txt", "名前.md"):
        (src / name).write_text(TEXT, encoding="utf-8")
    (src / "r.jsonl").write_text(json.dumps({"text": TEXT, "id": "../../../escaped",
                                             "url": "file:///etc/passwd"}) + "\n")
    before = {p for p in tmp_path.rglob("*")}
    out = tmp_path / "deep" / "out"
    result = runner.invoke(app, ["extract", str(src), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    created = {p for p in tmp_path.rglob("*")} - before
    assert all(p == tmp_path / "deep" or out in (p, *p.parents) for p in created), created
    assert {p.name for p in out.iterdir()} == {"articles.jsonl", "errors.jsonl",
                                              "manifest.json", ".takedown", "entities.jsonl",
                                              "operations.jsonl", "corpus.json"}
    names = [json.loads(x)["article"] for x in (out / "articles.jsonl").read_text().splitlines()]
    assert "a\nb.txt" in names and "r.jsonl#1" in names


def test_symlink_out_of_the_input_folder_is_skipped(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(TEXT, encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    (src / "link.txt").symlink_to(outside / "secret.txt")
    (src / "dir").symlink_to(outside, target_is_directory=True)
    items = list(iter_sources([str(src)], ReadOptions()))
    assert [i.article for i in items if isinstance(i, Article)] == ["a.txt"]
    reasons = sorted(i.reason for i in items if isinstance(i, InputError))
    assert len(reasons) == 2 and all("--follow-symlinks" in r for r in reasons)
    followed = list(iter_sources([str(src)], ReadOptions(follow_symlinks=True)))
    assert sorted(i.article for i in followed if isinstance(i, Article)) == [
        "a.txt", "dir/secret.txt", "link.txt"]
