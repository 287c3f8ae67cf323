"""The components as spaCy users meet them: by name, alone, saved and loaded."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import spacy

from takedown import Extractor
from takedown.build import build_record
from takedown.output import dumps
from takedown.pipeline import COMPONENTS, build_nlp
from takedown.pipeline.common import BatchComponent

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "articles"


def test_factories_are_entry_points() -> None:
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert set(COMPONENTS) <= names


def test_figures_alone_in_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("takedown_figures")
    doc = nlp("Police seized 850 kg of cocaine and arrested 288 suspects in 2023.")
    got = [
        (s.text, s._.kind, s._.value, s._.unit, s._.substance)
        for s in doc.spans["takedown_figures"]
    ]
    assert got == [
        ("850 kg of cocaine", "drugs_seized", 850, "kg", "cocaine"),
        ("288 suspects", "arrests", 288, "count", None),
    ]


def test_entities_alone_in_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("takedown_entities")
    doc = nlp("The FBI and Europol shut down AlphaBay in Operation Bayonet.")
    labels = {(s.label_, s._.canonical) for s in doc.spans["takedown_entities"]}
    assert ("agency", "Federal Bureau of Investigation") in labels
    assert ("marketplace", "AlphaBay") in labels
    assert ("operation", "Bayonet") in labels


def test_dates_alone_in_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("takedown_dates")
    doc = nlp("The market launched in late 2021 and closed on February 15, 2024.")
    got = [(s.text, s._.value, s._.modifier) for s in doc.spans["takedown_dates"]]
    assert got == [("late 2021", "2021", "end"), ("February 15, 2024", "2024-02-15", None)]


def test_pipeline_round_trips_through_disk(tmp_path: Path) -> None:
    nlp = build_nlp()
    text = "Operation SpecTor: the FBI seized €50.8 million and made 288 arrests in May 2023."
    before = nlp(text)
    nlp.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    after = loaded(text)
    assert loaded.pipe_names == nlp.pipe_names
    for group in ("takedown_entities", "takedown_figures", "takedown_dates"):
        assert [(s.start_char, s.end_char, s.label_) for s in before.spans[group]] == [
            (s.start_char, s.end_char, s.label_) for s in after.spans[group]
        ]
    assert (tmp_path / "nlp" / "takedown_entities" / "agencies.jsonl").is_file()


def test_rules_saved_with_the_pipeline_are_the_ones_used(tmp_path: Path) -> None:
    nlp = build_nlp()
    nlp.to_disk(tmp_path / "nlp")
    ops = tmp_path / "nlp" / "takedown_entities" / "operations.jsonl"
    ops.write_text(ops.read_text() + '{"id": "test-op", "name": "Quiet Harbour"}\n')
    loaded = spacy.load(tmp_path / "nlp")
    doc = loaded("Officers ended Quiet Harbour yesterday.")
    assert [s._.canonical for s in doc.spans["takedown_entities"]] == ["Quiet Harbour"]


def test_batched_pipe_gives_what_one_doc_at_a_time_gives() -> None:
    """Each component takes a whole batch before passing Docs on (cache-friendly); the facts
    must be those of calling the components Doc by Doc, whatever the batch size."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    assert texts
    nlp = build_nlp(spans=False)
    assert all(isinstance(proc, BatchComponent) for _, proc in nlp.pipeline)
    one_by_one = []
    for text in texts:
        doc = nlp.make_doc(text)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        one_by_one.append(doc)
    expected = [dumps(build_record(d, f"a{i}")) for i, d in enumerate(one_by_one)]
    for batch_size in (1, 3, 32):
        docs = list(nlp.pipe(texts, batch_size=batch_size))
        assert [dumps(build_record(d, f"a{i}")) for i, d in enumerate(docs)] == expected
    records = list(Extractor(nlp, batch_size=5).extract_many(texts))
    assert len(records) == len(texts)
