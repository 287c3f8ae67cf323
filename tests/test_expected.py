"""Snapshot: ``data/expected/`` is what ``takedown extract data/articles`` writes, byte for byte.

Any change to the rules, the pipeline or the writers that changes what is extracted from the
sample articles fails here, with the markdown diff of what changed and the one command that
accepts it. Accepting is then a reviewed commit of ``data/expected/``, so a pull request shows
its effect on the facts, not only on the code. Run metadata (timings, paths) lives outside the
compared files (``takedown.review.diff.OUTPUT_FILES``), so the snapshot is stable.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer

from takedown.cli import app
from takedown.review.diff import ARTICLES_FILE, OUTPUT_FILES, diff_outputs
from takedown.review.diff_render import render_markdown

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
EXPECTED = ROOT / "data" / "expected"
#: The report printed on a mismatch stays readable in a terminal or a CI log.
REPORT_BYTES = 24_000


def accept_command() -> str:
    """The command that rewrites the snapshot, with the flags ``extract`` really has."""
    extract = typer.main.get_command(app).get_command(None, "extract")  # type: ignore[attr-defined, arg-type]
    options = {o for p in extract.params for o in getattr(p, "opts", [])}
    overwrite = " --overwrite" if "--overwrite" in options else ""
    return f"takedown extract data/articles -o data/expected{overwrite}"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``takedown extract data/articles`` into a new folder, run as a user runs it."""
    out = tmp_path_factory.mktemp("expected") / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "takedown.cli", "extract", "data/articles", "-o", str(out), "-q"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out


def test_snapshot_exists() -> None:
    assert ARTICLES.is_dir()
    assert (EXPECTED / ARTICLES_FILE).is_file(), (
        f"no snapshot: create it with `{accept_command()}` and commit data/expected/"
    )


def test_extraction_matches_the_committed_snapshot(fresh: Path) -> None:
    mismatched = []
    for name in OUTPUT_FILES:
        want, got = EXPECTED / name, fresh / name
        if not want.exists() and not got.exists():
            continue
        if not want.exists() or not got.exists() or want.read_bytes() != got.read_bytes():
            mismatched.append(name)
    if not mismatched:
        return
    if not (EXPECTED / ARTICLES_FILE).is_file():
        pytest.fail(f"no snapshot: create it with `{accept_command()}`", pytrace=False)
    report = render_markdown(diff_outputs(EXPECTED, fresh), REPORT_BYTES)
    report = report.replace(str(fresh), "<fresh extraction>").replace(
        str(EXPECTED), "data/expected"
    )
    pytest.fail(
        f"Extraction of data/articles no longer matches data/expected/ "
        f"({', '.join(mismatched)} differ).\n\n{report}\n"
        f"If every change above is intended, accept it with:\n\n    {accept_command()}\n\n"
        "and commit data/expected/.",
        pytrace=False,
    )


def test_snapshot_holds_no_run_metadata() -> None:
    """Absolute paths or temp folders in a compared file would make it machine-specific."""
    for name in OUTPUT_FILES:
        path = EXPECTED / name
        if path.exists():
            text = path.read_text(encoding="utf-8")
            assert str(ROOT) not in text and "/tmp/" not in text, name
