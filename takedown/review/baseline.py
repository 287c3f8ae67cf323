"""The accuracy gate behind ``takedown evaluate --baseline``: compare F1 with a saved run.

A baseline is the JSON of an earlier evaluation: exactly what ``takedown evaluate --json``
writes, minus the per-article detail (``--write-baseline`` writes it). Reading either
shape means CI can score the base branch with whatever version of takedown it has and
gate the head against that file.

The gate is per metric: every field of :data:`~takedown.review.scoring.FIELDS`, the micro
sum, and the corpus link scores when both runs have them. One field losing more than the
tolerance fails the run even if another field gained: a gain elsewhere does not pay for
facts that are now wrong.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from takedown.errors import TakedownError
from takedown.output import write_json
from takedown.review.diff import Fact as DiffFact
from takedown.review.diff import describe
from takedown.review.markdown import (
    SUMMARY_MAX_BYTES,
    Block,
    cell,
    code,
    details,
    fit,
    inline_html,
    table,
)
from takedown.review.render import render_markdown as render_scores_markdown
from takedown.review.scoring import FIELDS, Fact, Report

#: Default F1 drop tolerated per metric: rounding noise, not a lost fact on a small corpus.
DEFAULT_TOLERANCE = 0.005
_EPSILON = 1e-9


def baseline_data(report: Report) -> dict[str, Any]:
    """What a baseline file holds: the scores of every metric, not the per-article detail."""
    data = report.to_dict()
    data.pop("articles", None)
    return data


def write_baseline(path: str | Path, report: Report) -> None:
    """Save ``report`` as a baseline (atomically, sorted keys: it diffs cleanly in git)."""
    write_json(path, baseline_data(report))


def _f1_table(data: Mapping[str, Any]) -> dict[str, float]:
    out: dict[str, float] = {}
    for name, scores in (data.get("fields") or {}).items():
        if isinstance(scores, Mapping) and isinstance(scores.get("f1"), int | float):
            out[name] = float(scores["f1"])
    micro = data.get("micro")
    if isinstance(micro, Mapping) and isinstance(micro.get("f1"), int | float):
        out["micro"] = float(micro["f1"])
    for name, scores in (data.get("corpus") or {}).items():
        if isinstance(scores, Mapping) and isinstance(scores.get("f1"), int | float):
            out[name] = float(scores["f1"])
    return out


def load_baseline(path: str | Path) -> dict[str, float]:
    """F1 per metric from a baseline file (or an ``evaluate --json`` report)."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TakedownError(
            f"{p}: no baseline file (write one with `takedown evaluate GOLD --baseline {p} "
            "--write-baseline`)"
        ) from None
    except (OSError, json.JSONDecodeError) as exc:
        raise TakedownError(f"{p}: not a readable baseline ({exc})") from exc
    table_ = _f1_table(data) if isinstance(data, Mapping) else {}
    if not table_:
        raise TakedownError(f"{p}: no F1 scores found (expected the JSON of takedown evaluate)")
    return table_


@dataclass
class MetricChange:
    """One row of the comparison; ``baseline``/``now`` are ``None`` when a side lacks it."""

    metric: str
    baseline: float | None
    now: float | None
    tolerance: float

    @property
    def change(self) -> float | None:
        if self.baseline is None or self.now is None:
            return None
        return round(self.now - self.baseline, 4)

    @property
    def regressed(self) -> bool:
        return (
            self.baseline is not None
            and self.now is not None
            and self.baseline - self.now > self.tolerance + _EPSILON
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "baseline": self.baseline,
            "now": self.now,
            "change": self.change,
            "regressed": self.regressed,
        }


@dataclass
class Comparison:
    """A run's F1 against a baseline's, metric by metric."""

    rows: list[MetricChange]
    tolerance: float
    baseline_path: str

    @property
    def regressions(self) -> list[MetricChange]:
        return [r for r in self.rows if r.regressed]

    @property
    def ok(self) -> bool:
        return not self.regressions

    def to_dict(self) -> dict[str, Any]:
        return {
            "baseline": self.baseline_path,
            "tolerance": self.tolerance,
            "ok": self.ok,
            "rows": [r.to_dict() for r in self.rows],
        }


def compare(
    report: Report,
    baseline: Mapping[str, float],
    tolerance: float = DEFAULT_TOLERANCE,
    baseline_path: str = "baseline",
) -> Comparison:
    """Every metric of either side, in report order (fields, micro, corpus, then the rest)."""
    now = _f1_table(baseline_data(report))
    order = [*FIELDS, "micro"]
    names = order + sorted((set(now) | set(baseline)) - set(order))
    rows = [
        MetricChange(n, baseline.get(n), now.get(n), tolerance)
        for n in names
        if n in now or n in baseline
    ]
    return Comparison(rows, tolerance, baseline_path)


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:.4f}"


def _signed(x: float | None) -> str:
    if x is None:
        return "—"
    return ("+" if x >= 0 else "−") + f"{abs(x):.4f}"


def comparison_status(comparison: Comparison) -> str:
    """The verdict line that opens the markdown (and CI's job summary)."""
    where = f"against {code(comparison.baseline_path)} (tolerance {comparison.tolerance:g})"
    if comparison.ok:
        micro = next((r for r in comparison.rows if r.metric == "micro"), None)
        tail = ""
        if micro is not None:
            tail = f"; micro F1 {_fmt(micro.baseline)} → {_fmt(micro.now)}"
        return f"**Evaluation: no F1 regression** {where}{tail}."
    worst = ", ".join(f"{r.metric} ({_signed(r.change)})" for r in comparison.regressions)
    return f"**Evaluation: F1 regression** in {worst} {where}."


def comparison_table(comparison: Comparison) -> str:
    rows = []
    for r in comparison.rows:
        flag = "❌ regression" if r.regressed else ("new" if r.baseline is None else "")
        if r.now is None:
            flag = "not in this run"
        name = f"**{r.metric}**" if r.metric in ("micro", "corpus_micro") else cell(r.metric)
        rows.append([name, _fmt(r.baseline), _fmt(r.now), _signed(r.change), flag])
    return table(("metric (F1)", "baseline", "now", "change", ""), rows, "lrrrl")


def describe_fact(fact: Fact) -> str:
    """A gold or predicted fact as the scorer reports it, in one line."""
    if isinstance(fact, str):
        return fact
    if "value" in fact and "unit" in fact:
        values = {k: fact.get(k) for k in ("kind", "value", "unit", "substance", "country")}
        text = describe(DiffFact("figure", None, None, fact.get("text"), values))
        return text + (f" «{fact['text']}»" if fact.get("text") else "")
    if "name" in fact:
        aliases = [a for a in fact.get("aliases") or () if a != fact["name"]]
        return str(fact["name"]) + (f" (also {', '.join(aliases)})" if aliases else "")
    return json.dumps(fact, ensure_ascii=False, sort_keys=True)


def error_blocks(report: Report) -> list[Block]:
    """Per article, the gold facts missed and the predicted facts that are spurious."""
    blocks: list[Block] = []
    first = True
    for art in report.articles:
        lines: list[str] = []
        n_missed = n_spurious = 0
        for f in FIELDS:
            if f == "figures_kind":
                # the same figures again; only kind mismatches are news, and they show as a
                # missed and a spurious figure of the right amount under figures_kind
                missed_kind = [x for x in art.missed[f] if x not in art.missed["figures"]]
                spurious_kind = [x for x in art.spurious[f] if x not in art.spurious["figures"]]
            else:
                missed_kind, spurious_kind = art.missed[f], art.spurious[f]
            for label, facts in (("missed", missed_kind), ("spurious", spurious_kind)):
                if not facts:
                    continue
                if label == "missed":
                    n_missed += len(facts)
                else:
                    n_spurious += len(facts)
                items = "; ".join(cell(describe_fact(x)) for x in facts)
                lines.append(f"- **{f}** {label} ({len(facts)}): {items}")
        if not lines:
            continue
        summary = f"<b>{inline_html(art.article)}</b>: {n_missed} missed, {n_spurious} spurious"
        text = ("### Missed and spurious facts by article\n\n" if first else "")
        text += details(summary, "\n".join(lines) + "\n", len(lines)) + "\n"
        first = False
        blocks.append(Block("article error lists", art.article, text))
    return blocks


def render_comparison_markdown(
    report: Report, comparison: Comparison, max_bytes: int = SUMMARY_MAX_BYTES
) -> str:
    """Verdict, F1 against the baseline, all scores, then each article's errors."""
    head = "### F1 against the baseline\n\n" + comparison_table(comparison) + "\n"
    head += details(
        f"All scores ({len(report.articles)} articles)", render_scores_markdown(report), 99
    ) + "\n"
    hint = "run the same `takedown evaluate` command locally for everything."
    return fit(comparison_status(comparison), head, error_blocks(report), max_bytes, hint)


__all__ = [
    "DEFAULT_TOLERANCE",
    "Comparison",
    "MetricChange",
    "baseline_data",
    "compare",
    "comparison_status",
    "comparison_table",
    "describe_fact",
    "error_blocks",
    "load_baseline",
    "render_comparison_markdown",
    "write_baseline",
]
