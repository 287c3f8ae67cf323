"""Reconciliation benchmark: synthetic mentions with realistic variation, scored and timed.

    python bench/bench_reconcile.py                      # 250k, 500k, 1M mentions
    python bench/bench_reconcile.py --sizes 20000        # a quick run
    python bench/bench_reconcile.py --sweep              # P/R per threshold (config defaults)

The generator writes an ``articles.jsonl`` of synthetic per-article records (the shape
``takedown extract`` writes) and each size is reconciled in a fresh subprocess through
``reconcile(read_records(...))`` -- exactly what ``takedown reconcile`` does -- so the time
includes reading the JSON and the peak memory (``ru_maxrss``) is that size's own.

What the synthetic corpus contains (seeded, deterministic):

* agencies named from place x topic x head ("Valdora Narcotics Bureau", "Office of the
  Attorney for the Southern District of Kesmar"), persons, coined market names with or
  without "Market", coined "-Tor" and two-word operation names;
* variation within one entity: typos (one edit in a word of five letters or more),
  acronyms defined ("Long Name (LNB)") or bare, adjacent words swapped, possessives, "the",
  Centre/Center, "Operation X"/"X", "X Market"/"X", "Dark HunTor"/"DarkHunTor", a middle
  initial, a surname after the full name, gazetteer ids on the most-mentioned agencies;
* look-alike *distinct* entities: the same place and topic under another head (Office vs
  Court), another direction (Southern vs Eastern District), versions ("X" vs "X 2.0"),
  and same-name markets active years apart (told apart only by the dates near mentions).

Truth travels in each per-article entity id (``t<entity>.m<mentions>.<n>``), so scoring
reads the output's ``entity_ids`` without a second index. Pairwise precision and recall
count pairs of mentions: predicted together and truly together, over all pairs predicted
(precision) or true (recall).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_SYL = (
    "ka ro vel dor an mi tes bra lun zor qui per sal ten vor lia mar nes gal fen ost rik sa "
    "lo ben dra cor hal vin mor tas el un is ar bel cas dun fal gor hes jor kel lam nor pol "
    "ras sev tul var wen yor zan bri cla dre flo gra pre tri"
).split()
_TOPICS = [
    ["Narcotics"],
    ["Drug", "Enforcement"],
    ["Cyber", "Crime"],
    ["Organized", "Crime"],
    ["Financial", "Intelligence"],
    ["Border", "Protection"],
    ["Criminal", "Investigation"],
    ["Serious", "Fraud"],
    ["Customs"],
    ["Counter", "Narcotics"],
    ["Economic", "Crime"],
    ["Internet", "Crime"],
    ["Dark", "Web"],
    ["Money", "Laundering"],
    ["Anti", "Drug"],
    ["High", "Tech", "Crime"],
    ["Cybercrime"],
    ["Forensic", "Science"],
    ["Maritime", "Security"],
    ["Postal", "Inspection"],
    ["Asset", "Recovery"],
    ["Cyber", "Intelligence"],
]
_HEADS = [
    "Agency",
    "Bureau",
    "Office",
    "Service",
    "Unit",
    "Department",
    "Directorate",
    "Command",
    "Centre",
    "Police",
    "Task Force",
    "Division",
    "Commission",
    "Court",
    "Authority",
]
_HEAD_WORDS = {w for h in _HEADS for w in h.split()} | {"of", "for", "the"}
_TOPIC_WORDS = {w for t in _TOPICS for w in t}
_DIRECTIONS = ["Northern", "Southern", "Eastern", "Western", "Central"]
_OP_WORDS = ["Dark", "Iron", "Silent", "Black", "Red", "Golden", "Shadow", "Crystal", "Storm"]


def _pseudo(rng: random.Random, lo: int = 2, hi: int = 3) -> str:
    return "".join(rng.choice(_SYL) for _ in range(rng.randint(lo, hi))).capitalize()


def _typo(rng: random.Random, text: str) -> str:
    """One edit in one word of at least five letters (or the text unchanged)."""
    words = text.split(" ")
    cands = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not cands:
        return text
    i = rng.choice(cands)
    w = words[i]
    p = rng.randint(1, len(w) - 2)
    op = rng.randrange(4)
    if op == 0:
        w = w[:p] + w[p + 1] + w[p] + w[p + 2 :]
    elif op == 1:
        w = w[:p] + w[p + 1 :]
    elif op == 2:
        w = w[:p] + rng.choice("aeiourstln") + w[p:]
    else:
        w = w[:p] + rng.choice("aeiourstln") + w[p + 1 :]
    words[i] = w
    return " ".join(words)


class Entity:
    __slots__ = ("id", "type", "words", "acronym", "era", "middle", "gaz", "weight")

    def __init__(self, eid: int, etype: str, words: list[str]) -> None:
        self.id = eid
        self.type = etype
        self.words = words
        self.acronym: str | None = None
        self.era: tuple[int, int] | None = None
        self.middle: str | None = None
        self.gaz: str | None = None
        self.weight = 1.0

    @property
    def name(self) -> str:
        return " ".join(self.words)


def make_entities(n: int, rng: random.Random) -> list[Entity]:
    """``n`` distinct entities (agencies 40 %, persons 35 %, markets 15 %, operations 10 %)."""
    out: list[Entity] = []
    seen: set[tuple[str, str]] = set()
    places = sorted({_pseudo(rng, 2, 3) for _ in range(max(n // 4, 200))})
    firsts = sorted({_pseudo(rng, 2, 2) for _ in range(max(n // 20, 100))})
    lasts = sorted({_pseudo(rng, 2, 3) for _ in range(max(n // 2, 500))})

    def add(etype: str, words: list[str]) -> Entity | None:
        key = (etype, " ".join(words).lower())
        if key in seen:
            return None
        seen.add(key)
        ent = Entity(len(out), etype, words)
        out.append(ent)
        return ent

    counts = {"agency": int(n * 0.40), "person": int(n * 0.35), "marketplace": int(n * 0.15)}
    counts["operation"] = n - sum(counts.values())
    while sum(1 for e in out if e.type == "agency") < counts["agency"]:
        place = rng.choice(places)
        topic = rng.choice(_TOPICS)
        head = rng.choice(_HEADS)
        r = rng.random()
        if r < 0.12:
            # prosecutors and courts of one district: look-alikes by head and direction
            d = rng.choice(_DIRECTIONS)
            words = ["Attorney's", "Office", "for", "the", d, "District", "of", place]
            twin = ["District", "Court", "for", "the", d, "District", "of", place]
            other = [
                "Attorney's",
                "Office",
                "for",
                "the",
                rng.choice(_DIRECTIONS),
                "District",
                "of",
                place,
            ]
            for w in (words, twin, other):
                add("agency", w)
            continue
        words = (
            [place, *topic, *head.split()]
            if r < 0.75
            else [*head.split(), "of", *topic, "of", place]
        )
        ent = add("agency", words)
        if ent is not None and rng.random() < 0.15:
            # a sibling under another head: same place and topic, a different body
            add("agency", [place, *topic, *rng.choice([h for h in _HEADS if h != head]).split()])
    while sum(1 for e in out if e.type == "person") < counts["person"]:
        ent = add("person", [rng.choice(firsts), rng.choice(lasts)])
        if ent is not None and rng.random() < 0.4:
            ent.middle = rng.choice("ABCDEFGHJKLMNPRSTW") + "."
    while sum(1 for e in out if e.type == "marketplace") < counts["marketplace"]:
        words = [_pseudo(rng, 2, 3)] + ([_pseudo(rng, 2, 2)] if rng.random() < 0.3 else [])
        ent = add("marketplace", words)
        if ent is None:
            continue
        start = rng.randint(2011, 2020)
        ent.era = (start, start + rng.randint(0, 4))
        if rng.random() < 0.08:
            v = add("marketplace", [*words, rng.choice(["2.0", "3", "Reloaded"])])
            if v is not None:
                v.era = (ent.era[1], ent.era[1] + 2)
        if rng.random() < 0.03:
            # a homonym: another market of the same name, years later (one node, two entities)
            twin = Entity(len(out), "marketplace", list(words))
            twin.era = (ent.era[1] + 7, ent.era[1] + 9)
            out.append(twin)
    while sum(1 for e in out if e.type == "operation") < counts["operation"]:
        if rng.random() < 0.6:
            stem = _pseudo(rng, 1, 2)
            words = [stem + "Tor"]
        else:
            words = [rng.choice(_OP_WORDS), _pseudo(rng, 2, 2)]
        ent = add("operation", words)
        if ent is not None:
            y = rng.randint(2012, 2024)
            ent.era = (y, y)
    # popularity: Zipf-like within each type, in a shuffled order
    for etype in ("agency", "person", "marketplace", "operation"):
        group = [e for e in out if e.type == etype]
        rng.shuffle(group)
        for rank, e in enumerate(group):
            e.weight = 1.0 / (rank + 20) ** 0.9
            if etype == "agency" and rank < 300:
                e.gaz = f"gz-{e.id}"
    # Acronyms as agencies coin them: district offices "USAO-SDKE" / "USDC-SDKE", others the
    # place's first and last two letters and the initials of the rest ("Kaflo Serious Fraud
    # Police" -> "KALOSFP"); about 60 % of agencies have one. Collisions remain (and are ambiguous).
    for e in out:
        if e.type != "agency" or rng.random() > 0.6:
            continue
        w = e.words
        if "District" in w and ("Attorney's" in w or "Court" in w):
            head = "USAO" if "Attorney's" in w else "USDC"
            e.acronym = f"{head}-{w[4][0]}D{(w[-1][:2] + w[-1][-2:]).upper()}"
        else:
            place = next((x for x in w if x not in _HEAD_WORDS and x not in _TOPIC_WORDS), w[0])
            rest = [x[0] for x in w if x[0].isupper() and x != place and x != "Task"]
            e.acronym = (place[:2] + place[-2:] + "".join(rest)).upper()
    return out


def _cum(weights: list[float]) -> list[float]:
    total = 0.0
    out = []
    for w in weights:
        total += w
        out.append(total)
    return out


def _surface(ent: Entity, rng: random.Random) -> tuple[str, list[str], str | None, bool]:
    """(name in this article, extra forms, acronym defined here, typo'd?) for one entity."""
    words = list(ent.words)
    typo = False
    if ent.type == "agency":
        if "Centre" in words and rng.random() < 0.5:
            words[words.index("Centre")] = "Center"
        if (
            rng.random() < 0.05
            and len(words) >= 3
            and words[1][0].isupper()
            and words[2][0].isupper()
        ):
            words[1], words[2] = words[2], words[1]
        name = " ".join(words)
        if rng.random() < 0.08:
            name, typo = _typo(rng, name), True
        acr = ent.acronym if ent.acronym and rng.random() < 0.3 else None
        return name, [acr] if acr else [], acr, typo
    if ent.type == "person":
        name = " ".join(
            [words[0], ent.middle, words[1]] if ent.middle and rng.random() < 0.5 else words
        )
        if rng.random() < 0.06:
            name, typo = _typo(rng, name), True
        return name, [], None, typo
    if ent.type == "marketplace":
        name = " ".join(words)
        if rng.random() < 0.06:
            name, typo = _typo(rng, name), True
        r = rng.random()
        if r < 0.4:
            name += " Market"
        elif r < 0.5:
            name += " marketplace"
        return name, [], None, typo
    name = " ".join(words)
    if len(words) == 1 and rng.random() < 0.2:
        w = words[0]
        name = w[:-3] + " " + w[-3:] if rng.random() < 0.5 else w[:-3] + "tor"
    if rng.random() < 0.06:
        name, typo = _typo(rng, name), True
    return name, [], None, typo


def _mention_text(name: str, ent: Entity, rng: random.Random) -> str:
    r = rng.random()
    if ent.type == "operation" and r < 0.5:
        return "Operation " + name
    if ent.type in ("agency", "marketplace") and r < 0.15:
        return "the " + name
    if ent.type in ("agency", "marketplace") and r < 0.25:
        return name + "'s"
    return name


def generate(
    n_mentions: int, seed: int = 7, entities: int | None = None
) -> Iterator[dict[str, Any]]:
    """Synthetic per-article records until ``n_mentions`` mentions have been written."""
    rng = random.Random(seed)
    n_ent = entities or max(60_000 * n_mentions // 1_000_000, 400)
    ents = make_entities(n_ent, rng)
    by_type = {
        t: [e for e in ents if e.type == t]
        for t in ("agency", "person", "marketplace", "operation")
    }
    cums = {t: _cum([e.weight for e in g]) for t, g in by_type.items()}
    per_article = {"agency": 5, "person": 3, "marketplace": 2, "operation": 1.5}
    written = 0
    art = 0
    while written < n_mentions:
        art += 1
        name = f"synthetic/{art:07d}.txt"
        record: dict[str, Any] = {
            "schema_version": "1.0",
            "id": f"art_{art:07d}",
            "article": name,
            "sha256": f"{art:064x}",
            "operations": [],
            "marketplaces": [],
            "agencies": [],
            "persons": [],
            "countries": [],
            "country_entities": [],
            "figures": [],
            "dates": [],
            "unresolved_dates": [],
        }
        # The story: one operation or market, dated within its active years; the article
        # appears then (or a year later), and names other entities around it.
        lead_type = "operation" if rng.random() < 0.5 else "marketplace"
        lead = rng.choices(by_type[lead_type], cum_weights=cums[lead_type])[0]
        assert lead.era is not None
        year = min(rng.randint(lead.era[0], lead.era[1]) + rng.randint(0, 1), 2035)
        record["published"] = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        pos = 100
        chosen: set[int] = set()
        for etype, mean in per_article.items():
            k = max(0, int(rng.gauss(mean, 1.0) + 0.5))
            group = by_type[etype]
            picks = []
            for _ in range(k):
                # markets and operations named beside the story are of its time
                for _try in range(20):
                    ent = rng.choices(group, cum_weights=cums[etype])[0]
                    if ent.era is None or ent.era[0] - 2 <= year <= ent.era[1] + 3:
                        break
                picks.append(ent)
            if etype == lead_type:
                picks.insert(0, lead)
            for ent in picks:
                if ent.id in chosen:
                    continue
                chosen.add(ent.id)
                if etype in ("marketplace", "operation") and ent.era and rng.random() < 0.6:
                    lo, hi = ent.era
                    y = rng.randint(lo, hi) if rng.random() < 0.85 else hi + rng.randint(1, 2)
                    record["dates"].append(
                        {
                            "id": f"d{pos}",
                            "text": str(y),
                            "start": pos,
                            "end": pos + 4,
                            "value": str(y),
                            "relative": False,
                        }
                    )
                    pos += 20
                display, extra, acr, _typo_used = _surface(ent, rng)
                m = rng.randint(1, 5)
                mentions = []
                forms = [display, *extra]
                for j in range(m):
                    text = _mention_text(forms[j % len(forms)] if j else display, ent, rng)
                    mentions.append({"text": text, "start": pos, "end": pos + len(text)})
                    pos += len(text) + 40
                entities = [
                    {
                        "id": f"t{ent.id}.m{m}.{pos}",
                        "name": display,
                        "aliases": extra,
                        "mentions": mentions,
                        "source": "pattern",
                        "gazetteer_id": ent.gaz if ent.gaz and rng.random() < 0.7 else None,
                        "acronym": acr,
                        "country": None,
                    }
                ]
                if etype == "agency" and ent.acronym and rng.random() < 0.05:
                    # a bare acronym in an article that never defines it
                    entities[0] = {
                        "id": f"t{ent.id}.m{m}.{pos}",
                        "name": ent.acronym,
                        "aliases": [],
                        "mentions": [
                            {
                                "text": ent.acronym,
                                "start": s["start"],
                                "end": s["start"] + len(ent.acronym),
                            }
                            for s in mentions
                        ],
                        "source": "abbreviation",
                        "gazetteer_id": None,
                        "acronym": ent.acronym,
                        "country": None,
                    }
                if etype == "person" and rng.random() < 0.3:
                    surname = ent.words[-1]
                    entities.append(
                        {
                            "id": f"t{ent.id}.m1.{pos}s",
                            "name": surname,
                            "aliases": [],
                            "mentions": [
                                {"text": surname, "start": pos, "end": pos + len(surname)}
                            ],
                            "source": "pattern",
                            "gazetteer_id": None,
                            "acronym": None,
                            "country": None,
                        }
                    )
                    pos += len(surname) + 40
                    m += 1
                field = {
                    "agency": "agencies",
                    "person": "persons",
                    "marketplace": "marketplaces",
                    "operation": "operations",
                }[etype]
                record[field].extend(entities)
                written += m
        yield record


def write_corpus(path: Path, n_mentions: int, seed: int) -> int:
    """Write the synthetic ``articles.jsonl``; returns the number of articles."""
    n = 0
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as fh:  # type: ignore[operator]
        for rec in generate(n_mentions, seed):
            fh.write(json.dumps(rec, separators=(",", ":")) + "\n")
            n += 1
    return n


def pairwise(result: Any) -> dict[str, float]:
    """Pairwise precision/recall of mentions against the truth carried in entity ids."""
    cell: Counter[tuple[str, str]] = Counter()
    pred: Counter[str] = Counter()
    true: Counter[str] = Counter()
    for ent in result.entity_records:
        for art in ent["articles"]:
            for rid in art["entity_ids"]:
                t, m, _ = rid.split(".", 2)
                count = int(m[1:])
                cell[(ent["id"], t)] += count
                pred[ent["id"]] += count
                true[t] += count

    def pairs(c: Counter[Any]) -> int:
        return sum(v * (v - 1) // 2 for v in c.values())

    tp, pp, tt = pairs(cell), pairs(pred), pairs(true)
    return {
        "precision": tp / pp if pp else 1.0,
        "recall": tp / tt if tt else 1.0,
        "true_entities": len(true),
        "predicted_entities": len(pred),
    }


def run_one(path: Path, config: dict[str, Any] | None = None) -> dict[str, Any]:
    """Reconcile one corpus file in this process; report time, memory, P/R."""
    from takedown.reconcile import (
        Gazetteer,
        ReconcileConfig,
        read_records,
        reconcile,
        write_outputs,
    )

    cfg = ReconcileConfig(**(config or {}))
    t0 = time.perf_counter()
    result = reconcile(read_records([path]), cfg, Gazetteer())
    seconds = time.perf_counter() - t0
    write_seconds = None
    if not config:
        with tempfile.TemporaryDirectory(prefix="takedown-bench-out-") as out:
            t1 = time.perf_counter()
            write_outputs(result, out)
            write_seconds = time.perf_counter() - t1
    scores = pairwise(result)
    return {
        "mentions": result.stats["mentions"],
        "articles": result.stats["articles"],
        "seconds": seconds,
        "mentions_per_second": result.stats["mentions"] / seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "stage_seconds": result.stats["seconds"],
        "write_seconds": write_seconds,
        **scores,
    }


def _subprocess(path: Path, config: dict[str, Any] | None = None) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--one", str(path)]
    if config:
        cmd += ["--config", json.dumps(config)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="250000,500000,1000000")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--sweep", action="store_true", help="P/R per fuzzy cutoff at 200k")
    ap.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--config", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, json.loads(args.config) if args.config else None)))
        return 0
    with tempfile.TemporaryDirectory(prefix="takedown-bench-") as tmp:
        if args.sweep:
            path = Path(tmp) / "sweep.jsonl"
            write_corpus(path, 200_000, args.seed)
            print(f"{'setting (others at their defaults)':<40} {'P':>7} {'R':>7} {'s':>6}")
            grid: list[dict[str, Any]] = [{}]
            for value in (80, 85, 88, 92, 96):
                grid.append({"cutoff_agency": value})
            for value in (75, 80, 85, 90, 95):
                grid.append({"cutoff_marketplace": value, "cutoff_operation": value})
            for value in (80, 85, 90, 95):
                grid.append({"cutoff_person": value})
            for value in (1, 3, 10):
                grid.append({"typo_max_articles": value})
            for share in (0.05, 0.1, 0.3):
                grid.append({"typo_share": share})
            for gap in (2, 4, 8):
                grid.append({"homonym_year_gap": gap})
            for conf in grid:
                r = _subprocess(path, conf)
                label = ", ".join(f"{k}={v}" for k, v in conf.items()) or "defaults"
                print(
                    f"{label:<40} {r['precision']:7.4f} {r['recall']:7.4f} {r['seconds']:6.1f}",
                    flush=True,
                )
            return 0
        rows = []
        for size in [int(s) for s in args.sizes.split(",")]:
            path = Path(tmp) / f"articles-{size}.jsonl"
            t0 = time.perf_counter()
            n_articles = write_corpus(path, size, args.seed)
            gen = time.perf_counter() - t0
            r = _subprocess(path)
            r["generate_seconds"] = gen
            rows.append(r)
            print(
                f"{r['mentions']:>9,} mentions  {n_articles:>7,} articles  "
                f"{r['true_entities']:>7,} true entities  -> {r['predicted_entities']:>7,}  "
                f"{r['seconds']:6.1f} s  {r['mentions_per_second']:>9,.0f} mentions/s  "
                f"peak {r['peak_mb']:6.0f} MB  P {r['precision']:.4f}  R {r['recall']:.4f}  "
                f"(+{r['write_seconds']:.1f} s to write the files)",
                flush=True,
            )
            os.unlink(path)
        if len(rows) > 1:
            base = rows[0]
            for r in rows[1:]:
                growth = (r["seconds"] / base["seconds"]) / (r["mentions"] / base["mentions"])
                print(
                    f"time ratio / size ratio {r['mentions']:,} vs {base['mentions']:,}: "
                    f"{growth:.2f} (1.00 = linear)"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
