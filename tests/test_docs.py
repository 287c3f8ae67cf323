"""The README cannot drift from the CLI (after sqlite-utils' ``tests/test_docs.py``).

Every command must have help text, every parameter a help string, every command must be named
in the README, and every ``takedown ...`` line in the README's code blocks must parse with the
real command-line parser.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import typer

from takedown.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
GROUP: Any = typer.main.get_command(app)
COMMANDS: list[str] = sorted(GROUP.list_commands(None))
_STOPS = {">", ">>", "|", "||", "&&", ";", "&"}


def _command(name: str) -> Any:
    return GROUP.get_command(None, name)


def _readme_calls() -> list[list[str]]:
    """Argument lists of the ``takedown`` commands in the README's fenced code blocks."""
    calls: list[list[str]] = []
    for block in re.findall(r"```(?:bash|sh|console|shell)\n(.*?)```", README, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            for part in re.split(r"&&|\|\||;", line):
                tokens = shlex.split(part.strip().removeprefix("$ "), comments=True)
                if tokens[:1] != ["takedown"]:
                    continue
                args = []
                for t in tokens[1:]:
                    if t in _STOPS or t.startswith(">"):
                        break
                    args.append(t)
                calls.append(args)
    return calls


def test_there_are_commands() -> None:
    assert {"extract", "evaluate", "diff", "review"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(name: str) -> None:
    command = _command(name)
    assert (command.help or "").strip(), f"`takedown {name}` has no help text (docstring)"
    for param in command.params:
        assert (getattr(param, "help", None) or "").strip(), (
            f"`takedown {name}`: {param.name} has no help text"
        )


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name: str) -> None:
    assert re.search(rf"`takedown {name}\b", README), (
        f"`takedown {name}` is not documented in README.md"
    )


def test_readme_commands_parse() -> None:
    calls = _readme_calls()
    assert len(calls) >= 5
    for args in calls:
        assert args and args[0] in COMMANDS, f"README names `takedown {' '.join(args)}`"
        _command(args[0]).make_context(f"takedown {args[0]}", list(args[1:]))


def test_readme_explains_reviewing_extraction_changes() -> None:
    m = re.search(r"^## Reviewing extraction changes\n(.*?)(?=^## |\Z)", README, re.S | re.M)
    assert m, "README has no 'Reviewing extraction changes' section"
    section = m.group(1)
    for needle in ("takedown diff", "--format markdown", "--max-bytes", "--fail-on-change",
                   "--baseline", "--write-baseline", "--tolerance", "takedown review",
                   "--against", "data/expected", "extraction-review.yml"):
        assert needle in section, needle
    assert "**Extraction changed:**" in section  # a sample of the markdown report
