"""Tests for ``takedown.normalize.layout``: where a page's tail of other stories begins."""

from __future__ import annotations

import pytest

from takedown.normalize.layout import analyze_layout
from takedown.pipeline.common import default_furniture

ARTICLE = (
    "Darknet vendor sentenced to eight years in federal prison\n\n"
    + "A man who sold counterfeit pills on darknet markets was sentenced on Tuesday, "
    "prosecutors said. He shipped thousands of parcels from his home over three years.\n\n" * 4
)
TAIL = "FBI Seizes Another Forum | May 15, 2024\nPhoenix Woman Pleads Guilty\nJuly 20, 2023\n"


@pytest.mark.parametrize(
    "heading",
    [
        "Related news",
        "Related Content",
        "More For You",
        "Read more:",
        "You might also like",
        "Most Read",
        "Editor's Picks",
        "More from CoinDesk",
        "Related Coverage",
        "Recommended for you",
        "Further reading",
        "Related",
        "About the author",
    ],
)
def test_tail_headings_end_the_article(heading: str) -> None:
    text = ARTICLE + heading + "\n" + TAIL
    layout = analyze_layout(text, default_furniture())
    cut = text.index(heading)
    assert layout.zones[-1] == (cut, len(text))
    assert all(e <= cut for _, e in layout.sentences)


@pytest.mark.parametrize(
    "line",
    [
        "More from the court hearing came out on Friday, when the judge read the charges.",
        "Related arrests followed in Spain.",
        "Other vendors were arrested in Spain and Portugal.",
    ],
)
def test_prose_lines_that_start_alike_are_not_tail_headings(line: str) -> None:
    text = ARTICLE + line + "\n" + TAIL
    layout = analyze_layout(text, default_furniture())
    assert not any(s <= text.index(line) < e for s, e in layout.zones)


EMPACT = (
    "The EMPACT priority\n\n"
    "In 2010 the European Union set up a four-year Policy Cycle to ensure greater continuity in "
    "the fight against serious international and organised crime. In 2017 the Council of the EU "
    "decided to continue the EU Policy Cycle for the 2018 - 2021 period.\n"
)


def test_a_standard_paragraph_is_furniture_whatever_its_length() -> None:
    from takedown.pipeline.common import default_openers

    text = ARTICLE + EMPACT + "Police in Spain arrested four more vendors in 2021.\n"
    layout = analyze_layout(text, default_furniture(), default_openers())
    heading = text.index("The EMPACT priority")
    note = text.index("In 2010")
    assert any(s <= heading < e for s, e in layout.zones)
    assert any(s <= note and text.index("period.") < e for s, e in layout.zones)
    after = text.index("Police in Spain")
    assert not any(s <= after < e for s, e in layout.zones)


def test_the_standard_paragraph_gives_no_dates() -> None:
    from takedown import Extractor

    rec = Extractor().extract(ARTICLE + EMPACT)
    assert [d.value for d in rec.dates] == []


@pytest.mark.parametrize(
    "line",
    [
        "ALSO READ | Mumbai: Customs seize cocaine worth Rs 32 crore at airport",
        "Also read: Police bust darknet ring in Pune",
        "Trending: Odisha train accident | Monsoon 2023 | WTC Final",
        "($1 = 0.9456 euros)",
        "(1 euro = $1.0860)",
    ],
)
def test_links_bars_and_rate_notes_are_furniture(line: str) -> None:
    text = ARTICLE + line + "\n" + ARTICLE
    layout = analyze_layout(text, default_furniture())
    at = text.index(line)
    assert any(s <= at < e for s, e in layout.zones)
