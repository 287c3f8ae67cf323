"""``Occupied`` answers overlap questions exactly as a scan over every range would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from takedown.normalize.intervals import Occupied

RANGES = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=15,
)


@settings(max_examples=300, deadline=None)
@given(RANGES, RANGES, st.integers(-5, 75), st.integers(0, 15))
def test_overlaps_like_a_full_scan(
    bulk: list[tuple[int, int]], added: list[tuple[int, int]], start: int, width: int
) -> None:
    occupied = Occupied(bulk)
    for s, e in added:
        occupied.add(s, e)
    end = start + width
    expected = any(e > start and s < end for s, e in bulk + added)
    assert occupied.overlaps(start, end) == expected
