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
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.longest = 0
        for s, e in ranges:
            self.add(s, e)

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        self.longest = max(self.longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) shares a character with a range in the set."""
        hi = bisect_left(self.starts, end)
        lo = bisect_left(self.starts, start - self.longest)
        return any(self.ends[i] > start for i in range(lo, hi))
