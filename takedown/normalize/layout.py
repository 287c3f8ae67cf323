"""Where the article is: its headline, its sentences, and the page furniture around it.

Scraped pages keep ads, share buttons, widget dates and related-news lists. We never edit
the text (offsets must stay true to the file); instead furniture becomes *zones* that the
extractors skip, and the headline found here becomes the record's title.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

_FURNITURE_MAX = 160
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# A sentence ends at . ! or ? (optionally closed by a quote or bracket) before spaces and an
# upper-case letter, quote, bracket or digit. Abbreviations are vetoed afterwards.
_BOUNDARY = re.compile(r"[.!?][\"'”’)]?[ \t]+(?=[A-Z\"“‘(\d])")
_ABBREV = frozenset(
    "u.s. u.k. u.n. e.u. d.c. l.a. dept. mr. mrs. ms. dr. st. jr. sr. no. gen. lt. sgt. "
    "col. capt. inc. corp. co. ltd. vs. v. e.g. i.e. a.m. p.m. jan. feb. mar. apr. aug. "
    "sep. sept. oct. nov. dec. approx. est. fig. gov. sen. rep. atty. asst. det. insp. "
    "supt. cmdr. prof. mt. ft. ave. blvd.".split()
)
_DATE_LINE = re.compile(
    r"(?i)^[\W_]*(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?"
    r"(?:\d{1,2}\s+)?[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}[\W_]*$"
)
# The heading of a page's tail: lists of other stories, after which nothing is the article's.
# Only tried on a short line in the last 40% of the page.
_TAIL_HEADINGS = re.compile(
    r"(?i)^\s*(?:"
    r"(?:related|latest|recent|more|trending|popular|top|recommended|similar|other)\s+"
    r"(?:news|articles|posts|stories|content|coverage|reading|releases|press\s+releases)"
    r"(?:\s+like\s+this)?"
    r"|related|about\s+the\s+authors?"
    r"|more\s+articles\s+like\s+this|more\s+for\s+you|more\s+from\s+\S+(?:\s+\S+)?"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in)|read\s+(?:more|next)"
    r"|further\s+reading|also\s+read|see\s+also|most\s+(?:read|popular|viewed)"
    r"|editor['’]?s\s+picks|recommended(?:\s+for\s+you)?|what\s+to\s+read\s+next"
    r")\s*:?\s*$"
)


@dataclass(frozen=True)
class Layout:
    """Character ranges (start, end) into the original text."""

    title: tuple[int, int] | None
    zones: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    _zone_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _sent_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def in_zone(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps boilerplate."""
        # Zones are sorted and disjoint: if any zone overlaps, the last one starting before
        # ``end`` does.
        i = bisect_right(self._zone_starts, max(start, end - 1)) - 1
        return i >= 0 and self.zones[i][1] > start

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence containing ``pos`` (or the nearest one before it)."""
        i = bisect_right(self._sent_starts, pos) - 1
        if i < 0:
            return (0, 0)
        return self.sentences[i]


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its newline."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _merge(ranges: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return tuple(out)


def _is_headline(line: str, furniture: re.Pattern[str]) -> bool:
    s = line.strip()
    if not s or furniture.fullmatch(s) or _DATE_LINE.match(s):
        return False
    if "|" in s or s.endswith(":") or s.lower().startswith(("by ", "posted ", "published ")):
        return False
    words = _WORD.findall(s)
    return 5 <= len(words) <= 30


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one line; abbreviations such as "U.S." or "Dept." do not end one."""
    out: list[tuple[int, int]] = []
    cur = start
    for m in _BOUNDARY.finditer(text, start, end):
        word_start = text.rfind(" ", cur, m.start()) + 1
        word = text[max(word_start, cur) : m.start() + 1].lower()
        if word in _ABBREV or (len(word) == 2 and word[0].isalpha()):
            continue
        out.append((cur, m.start() + 1))
        cur = m.end()
    if cur < end:
        out.append((cur, end))
    return out


def analyze_layout(
    text: str, furniture: re.Pattern[str], openers: re.Pattern[str] | None = None
) -> Layout:
    """Find the headline, the furniture zones and the sentences of ``text``.

    ``furniture`` is one compiled alternation of the boilerplate line patterns, matched
    against whole stripped lines. ``openers`` (optional) are the openings of standard
    paragraphs a site repeats on every page (Europol's EMPACT note): a line that opens so is
    furniture whatever its length. Everything above the headline is page header.
    """
    lines = _lines(text)
    zones: list[tuple[int, int]] = []
    title: tuple[int, int] | None = None
    for idx, (s, e) in enumerate(lines[:25]):
        if _is_headline(text[s:e], furniture):
            lead = len(text[s:e]) - len(text[s:e].lstrip())
            trail = len(text[s:e]) - len(text[s:e].rstrip())
            title = (s + lead, e - trail)
            if idx > 0:
                zones.append((0, s))
            break
    sentences: list[tuple[int, int]] = []
    n = len(text)
    for s, e in lines:
        stripped = text[s:e].strip()
        if not stripped:
            continue
        # furniture is short: a long line is prose, and skipping the test there saves most
        # of this function's time
        if len(stripped) <= _FURNITURE_MAX:
            if _TAIL_HEADINGS.match(stripped) and s > 0.6 * n:
                zones.append((s, n))
                break
            if furniture.fullmatch(stripped):
                zones.append((s, e))
                continue
        if openers is not None and openers.match(stripped):
            zones.append((s, e))
            continue
        if title is None or s >= title[0]:
            sentences.extend(split_sentences(text, s, e))
    merged = _merge(zones)
    sents = tuple(sentences)
    return Layout(
        title=title,
        zones=merged,
        sentences=sents,
        _zone_starts=tuple(z[0] for z in merged),
        _sent_starts=tuple(x[0] for x in sents),
    )


def compile_furniture(patterns: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive alternation of whole-line boilerplate patterns."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def compile_openers(patterns: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive alternation of standard paragraphs' openings (None if none)."""
    alternatives = [f"(?:{p})" for p in patterns]
    return re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None
