"""Nothing lost: atomic output, refusal to overwrite, and resume after SIGINT or SIGKILL
giving output byte-identical to an uninterrupted run."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from takedown import Extractor
from takedown.cli import app
from takedown.output import JOURNAL, STATE, atomic_writer, extract_to_folder

runner = CliRunner()
DATA = Path(__file__).resolve().parents[2] / "data" / "articles"
OUTPUTS = ("articles.jsonl", "errors.jsonl")


def _corpus(root: Path) -> Path:
    """~30 articles in every format, long enough that a run takes a few seconds, plus one
    bad file (errors.jsonl must come out identical too)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]
    src = root / "in"
    (src / "sub").mkdir(parents=True)
    for i in range(24):
        body = texts[i % len(texts)] + "\n" + texts[(i + 5) % len(texts)]
        (src / ("sub" if i % 3 else ".") / f"art{i:02d}.txt").write_text(
            body + f"\nPolice arrested {i + 3} more suspects.\n", encoding="utf-8")
    with (src / "feed.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(5):
            fh.write(json.dumps({"text": texts[i], "title": f"Feed {i}", "url": f"u{i}"}) + "\n")
    (src / "page.html").write_text(
        f"<html><head><title>Page</title></head><body><article><p>{texts[3]}</p>"
        f"<p>{texts[4]}</p></article></body></html>", encoding="utf-8")
    (src / "broken.txt").write_bytes(b"%PDF-1.5 not text")
    return src


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("ref") / "out"
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(out), "-q"])
    assert result.exit_code == 1, result.output  # broken.txt
    assert len((out / "articles.jsonl").read_text().splitlines()) == 30
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def _start(corpus: Path, out: Path, *flags: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "takedown.cli", "extract", str(corpus), "-o", str(out), "-q",
         "--batch-size", "2", *flags],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def _journal_lines(out: Path) -> int:
    try:
        return (out / STATE / JOURNAL).read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def _interrupt_half_way(corpus: Path, out: Path, sig: int) -> tuple[int, bytes]:
    proc = _start(corpus, out)
    deadline = time.monotonic() + 120
    while _journal_lines(out) < 8:
        assert proc.poll() is None, proc.communicate()[1].decode()
        assert time.monotonic() < deadline
        time.sleep(0.005)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    done = _journal_lines(out)
    assert 8 <= done < 30, f"the run was not stopped half-way ({done} articles done)"
    assert not (out / "articles.jsonl").exists(), "no final file from an interrupted run"
    return proc.returncode, err


@pytest.mark.timeout(300)
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_resume_after_a_kill_is_byte_identical(corpus: Path, reference: dict[str, bytes],
                                               tmp_path: Path, sig: int) -> None:
    out = tmp_path / "out"
    code, err = _interrupt_half_way(corpus, out, sig)
    if sig == signal.SIGINT:
        assert code == 130 and b"--resume" in err and b"Traceback" not in err
    else:
        assert code == -signal.SIGKILL
    done = _journal_lines(out)
    again = _start(corpus, out)  # without --resume: refused, nothing touched
    assert again.wait(timeout=120) == 2
    assert _journal_lines(out) == done
    resumed = subprocess.run(
        [sys.executable, "-m", "takedown.cli", "extract", str(corpus), "-o", str(out),
         "--resume"], capture_output=True, timeout=300)
    assert resumed.returncode == 1, resumed.stderr.decode()  # broken.txt, as before
    kept = re.search(r"kept from before \(--resume\)\W+(\d+)", resumed.stderr.decode())
    assert kept and int(kept.group(1)) == done, resumed.stderr.decode()
    for name in OUTPUTS:
        assert (out / name).read_bytes() == reference[name], name
    assert not (out / STATE / JOURNAL).exists()


def test_torn_journal_line_is_dropped(corpus: Path, reference: dict[str, bytes],
                                      tmp_path: Path, extractor: Extractor) -> None:
    out = tmp_path / "out"
    (out / STATE).mkdir(parents=True)
    (out / STATE / JOURNAL).write_bytes(b'0123456789abcdef0123456789abcdef\t["art00.txt",0,')
    extract_to_folder([corpus], out, extractor=extractor, resume=True)
    for name in OUTPUTS:
        assert (out / name).read_bytes() == reference[name], name


def test_resume_of_a_finished_run_extracts_only_what_is_new(
        corpus: Path, tmp_path: Path, extractor: Extractor) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("art00.txt", "art03.txt", "broken.txt"):
        (src / name).write_bytes((corpus / name).read_bytes())
    out = tmp_path / "out"
    first = extract_to_folder([src], out, extractor=extractor)
    assert (first.articles, first.extracted, first.failed) == (2, 2, 1)  # art00, art03 + broken
    (src / "new.txt").write_text("Police arrested 7 suspects in Operation Glow.", "utf-8")
    (src / "art00.txt").write_text("Changed: police arrested 9 suspects.", "utf-8")
    second = extract_to_folder([src], out, extractor=extractor, resume=True)
    assert (second.articles, second.extracted, second.reused) == (3, 2, 1)
    fresh = tmp_path / "fresh"
    extract_to_folder([src], fresh, extractor=extractor)
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    (src / "new.txt").unlink()  # a removed input leaves the output too
    third = extract_to_folder([src], out, extractor=extractor, resume=True)
    assert (third.articles, third.extracted, third.reused) == (2, 0, 2)


def test_a_new_pipeline_version_re_extracts(tmp_path: Path, extractor: Extractor,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Police arrested 7 suspects.", "utf-8")
    extract_to_folder([tmp_path / "in"], tmp_path / "out", extractor=extractor)
    import takedown.output as output

    monkeypatch.setattr(output, "pipeline_version", lambda: "9.9.9+other-rules")
    again = extract_to_folder([tmp_path / "in"], tmp_path / "out", extractor=extractor,
                              resume=True)
    assert (again.extracted, again.reused) == (1, 0)


def test_existing_output_is_never_silently_overwritten(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Police arrested 7 suspects.", "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "articles.jsonl").write_text("precious\n")
    base = ["extract", str(tmp_path / "in"), "-o", str(out), "-q"]
    result = runner.invoke(app, base)
    assert result.exit_code == 2 and "--overwrite" in result.stderr
    assert (out / "articles.jsonl").read_text() == "precious\n"
    assert runner.invoke(app, [*base, "--overwrite", "--resume"]).exit_code == 2
    (tmp_path / "file").write_text("x")
    assert runner.invoke(app, [*base[:3], str(tmp_path / "file")]).exit_code == 2
    assert runner.invoke(app, [*base, "--overwrite"]).exit_code == 0
    assert "Police" not in (out / "articles.jsonl").read_text()  # replaced by a record
    assert json.loads((out / "articles.jsonl").read_text())["article"] == "a.txt"


def test_atomic_writer_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "articles.jsonl"
    target.write_text("old\n")
    with pytest.raises(KeyboardInterrupt), atomic_writer(target) as fh:
        fh.write("half of the new")
        raise KeyboardInterrupt
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles.jsonl"]


def test_interrupt_in_process_leaves_a_resumable_journal(
        corpus: Path, reference: dict[str, bytes], tmp_path: Path, extractor: Extractor) -> None:
    out = tmp_path / "out"

    def stop(n: int) -> None:
        if n == 5:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        extract_to_folder([corpus], out, extractor=Extractor(batch_size=2), on_article=stop)
    assert not (out / "articles.jsonl").exists() and _journal_lines(out) >= 4
    extract_to_folder([corpus], out, extractor=extractor, resume=True)
    for name in OUTPUTS:
        assert (out / name).read_bytes() == reference[name], name
    os.sync()
