"""A set of character ranges with overlap tests by bisection.

Articles hold hundreds of mentions and dozens of numbers; testing each new candidate
against every range taken so far would grow with the square of their count.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class Occupied:
    """Ranges [start, end) taken so far (they may overlap one another)."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        # one sort instead of an insertion per range (the order among equal starts does not
        # matter to ``overlaps``)
        pairs = sorted(ranges, key=_start)
        self.starts: list[int] = [s for s, _ in pairs]
        self.ends: list[int] = [e for _, e in pairs]
        self.longest = max((e - s for s, e in pairs), default=0)

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        if end - start > self.longest:
            self.longest = end - start

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) shares a character with a range in the set."""
        hi = bisect_left(self.starts, end)
        lo = bisect_left(self.starts, start - self.longest)
        return lo < hi and max(self.ends[lo:hi]) > start


def _start(pair: tuple[int, int]) -> int:
    return pair[0]
