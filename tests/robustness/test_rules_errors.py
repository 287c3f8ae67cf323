"""Malformed rules files fail at load, naming file:line and the reason; rules are data."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from takedown.errors import RulesError
from takedown.resources import load_rules

CASES = {
    "invalid-json": (b'{"pattern": "ok"}\n{bad json\n', ":2: invalid JSON"),
    "wrong-type": (b'{"pattern": 5}\n', ":1: pattern: Input should be a valid string"),
    "missing-field": (b'{"note": "x"}\n', ":1: pattern: Field required"),
    "not-an-object": (b"[1, 2]\n", ":1:"),
    "code-as-field": (b'{"pattern": "x", "__class__": "os.system"}\n', ":1: __class__"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_malformed_rules_name_file_and_line(tmp_path: Path, case: str) -> None:
    data, expected = CASES[case]
    (tmp_path / "boilerplate.jsonl").write_bytes(data)
    with pytest.raises(RulesError) as info:
        load_rules("boilerplate", tmp_path)
    message = str(info.value)
    assert f"boilerplate.jsonl{expected}" in message, message


def test_component_from_disk_validates(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("takedown_boilerplate")
    pipe.to_disk(tmp_path)
    target = next(tmp_path.glob("*.jsonl"))
    target.write_text('{"oops": true}\n', encoding="utf-8")
    with pytest.raises(RulesError, match=rf"{target.name}:1:"):
        pipe.from_disk(tmp_path)


def test_code_in_a_rules_value_stays_a_string(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payload = f"__import__('os').system('touch {marker}')"
    (tmp_path / "boilerplate.jsonl").write_text(f'{{"pattern": "{payload}"}}\n', "utf-8")
    (rule,) = load_rules("boilerplate", tmp_path)
    assert rule.pattern == payload  # type: ignore[attr-defined]
    assert not marker.exists()


def test_non_utf8_rules_file(tmp_path: Path) -> None:
    (tmp_path / "boilerplate.jsonl").write_bytes(b'{"pattern": "ok"}\n{"pattern": "caf\xe9"}\n')
    with pytest.raises(RulesError, match=r"boilerplate.jsonl:2:"):
        load_rules("boilerplate", tmp_path)


def test_invalid_regex_in_rules(tmp_path: Path) -> None:
    (tmp_path / "boilerplate.jsonl").write_text('{"pattern": "(unclosed"}\n', "utf-8")
    with pytest.raises(RulesError, match=r"boilerplate.jsonl:1:"):
        load_rules("boilerplate", tmp_path)
