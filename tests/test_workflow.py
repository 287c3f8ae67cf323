"""The extraction-review workflow: it parses, and every takedown command in it is real.

The workflow only calls the CLI, so the CLI is its contract: a renamed option would fail in
CI on the next pull request, long after the rename. Here each ``takedown`` invocation is
parsed by the real command (click's own parser) as soon as the rename happens.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import srsly
import typer

from takedown.cli import app

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "extraction-review.yml"
#: Shell tokens that end a command's arguments.
_SHELL_STOPS = {">", ">>", "|", "||", "&&", ";", "2>", "2>&1", "&"}
_INVOCATION = re.compile(r"(?:^|[\s\"'/])takedown\"?\s+(.*)$")


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def takedown_calls(script: str) -> list[list[str]]:
    """The argument lists of every ``takedown`` call in a shell script (folded lines joined,
    redirections dropped; variables stay as written)."""
    calls: list[list[str]] = []
    for line in script.replace("\\\n", " ").splitlines():
        m = _INVOCATION.search(line.strip())
        if not m:
            continue
        args: list[str] = []
        for token in shlex.split(m.group(1), comments=True):
            if token in _SHELL_STOPS or token.startswith((">", "2>")):
                break
            args.append(token)
        calls.append(args)
    return calls


def check_call(args: list[str]) -> Any:
    """Parse ``args`` exactly as ``takedown`` would; raise on an unknown command or option.

    Typer may ship its own copy of click, so the group and its errors are used by behaviour
    (``get_command``, ``make_context``, a ``UsageError`` subclass), not by class."""
    group = typer.main.get_command(app)
    assert args, "takedown without a command"
    command = group.get_command(None, args[0])  # type: ignore[attr-defined, arg-type]
    assert command is not None, f"no command `takedown {args[0]}`"
    command.make_context(f"takedown {args[0]}", list(args[1:]))
    return command


def _is_usage_error(exc: BaseException) -> bool:
    return any(cls.__name__ == "UsageError" for cls in type(exc).__mro__)


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    data = srsly.yaml_loads(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_workflow_parses_and_runs_on_pull_requests(workflow: dict[str, Any]) -> None:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 readers turn `on` into True
    assert isinstance(on, dict) and "pull_request" in on
    assert workflow["permissions"] == {"contents": "read"}
    for step in _steps(workflow):
        assert "name" in step or "uses" in step
        if "uses" in step:
            assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]


def test_every_takedown_call_names_a_real_command_and_real_options(
    workflow: dict[str, Any],
) -> None:
    calls = [c for s in _steps(workflow) for c in takedown_calls(s.get("run", ""))]
    assert len(calls) >= 7
    for args in calls:
        check_call(args)
    assert {c[0] for c in calls} == {"extract", "diff", "review", "evaluate"}


def test_steps_call_only_the_cli(workflow: dict[str, Any]) -> None:
    """No logic hides in the YAML: each line sets up an environment or runs takedown."""
    allowed = re.compile(
        r"""^(python -m venv \S+|"\$RUNNER_TEMP/venv-\w+/bin/pip" install -q \./\w+|"""
        r"""echo "\$RUNNER_TEMP/venv-head/bin" >> "\$GITHUB_PATH"|mkdir -p \S+|"""
        r""""?(\$RUNNER_TEMP/venv-\w+/bin/)?takedown"? .*)$"""
    )
    for step in _steps(workflow):
        for line in step.get("run", "").splitlines():
            if line.strip():
                assert allowed.match(line.strip()), line


def test_the_review_flow_is_complete(workflow: dict[str, Any]) -> None:
    steps = _steps(workflow)
    runs = [(s.get("working-directory"), " ".join(s.get("run", "").split())) for s in steps]
    extracts = [(wd, r) for wd, r in runs if " extract data/articles" in r]
    assert {wd for wd, _ in extracts} == {"base", "head"}
    assert any("venv-base/bin/takedown" in r for wd, r in extracts if wd == "base")
    summary = [r for _, r in runs if r.endswith('>> "$GITHUB_STEP_SUMMARY"')]
    assert any(r.startswith("takedown diff") and "--format markdown" in r for r in summary)
    gate = [s for s in steps if "--baseline" in s.get("run", "")]
    assert len(gate) == 1 and not gate[0].get("continue-on-error")
    assert gate[0]["run"].rstrip().endswith('>> "$GITHUB_STEP_SUMMARY"')
    # the gate is last, so the diff and the review page exist even when it fails
    assert steps[-1] is gate[0]
    baseline = next(s for s in steps if "base-metrics.json" in s.get("run", "")
                    and "--json" in s["run"])
    assert steps.index(baseline) < steps.index(gate[0])


def test_the_checker_catches_what_it_should() -> None:
    assert takedown_calls('takedown diff "$A" b --format markdown >> "$GITHUB_STEP_SUMMARY"') == [
        ["diff", "$A", "b", "--format", "markdown"]
    ]
    with pytest.raises(AssertionError, match="no command"):
        check_call(["difff", "a", "b"])
    for bad in (["diff", "a", "b", "--formatt", "markdown"], ["diff", "a"],
                ["diff", "a", "b", "--format", "yaml"]):
        with pytest.raises(Exception) as info:  # noqa: B017 - any click copy's UsageError
            check_call(bad)
        assert _is_usage_error(info.value), bad
