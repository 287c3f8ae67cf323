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
