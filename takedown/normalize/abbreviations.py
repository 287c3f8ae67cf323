"""Acronym definitions: "Long Name (ACRONYM)", after Schwartz & Hearst (2003).

Schwartz, A. S. and Hearst, M. A. "A simple algorithm for identifying abbreviation
definitions in biomedical text." Pacific Symposium on Biocomputing 2003. The long form is
the shortest run of words before the bracket whose characters contain the acronym's
letters in order, the first one starting a word.

Limits, stated as scispacy states its own: only the "long (SHORT)" order is read (news
rarely write "SHORT (long)"); a translated acronym whose letters follow another language's
word order ("Cyber Enabled Crime Team (TCEC)") is accepted by a second test: its letters
are the initials of the long form in some order. Definitions are per article; the
reconcile stage carries them across articles.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# "(ACRONYM)" possibly after a possessive: "Enforcement’s (ICE)". Acronyms are 2–10
# characters, start with a capital, hold at least two capitals, and may contain digits,
# hyphens, ampersands and dots ("J-CODE", "EC3", "U.S.P.I.S.").
# The bracket is found first (a literal is what a regex scans for fastest); the possessive
# and spaces before it are stepped over by hand.
# \w: an acronym may hold letters beyond ASCII ("CBŚP"); the capitals count is checked after
_DEFINITION = re.compile(r"\([ \t]*(?P<short>[A-Z][\w&.\-]{1,9})[ \t]*\)")
_WORD = re.compile(r"[^\s()\[\]]+")
_STOP = frozenset("of the and for in on to a an de des du la le van der den von".split())


@dataclass(frozen=True, slots=True)
class Definition:
    long_start: int
    long_end: int
    long_form: str
    short_start: int
    short_end: int
    short_form: str


def _letters(short: str) -> str:
    return "".join(ch for ch in short.lower() if ch.isalnum())


def _schwartz_hearst(short: str, long: str) -> int | None:
    """Index in ``long`` where the shortest matching long form starts, or None."""
    s = _letters(short)
    if not s or not s[0].isalpha():
        return None
    s_idx = len(s) - 1
    l_idx = len(long) - 1
    low = long.lower()
    while s_idx >= 0:
        ch = s[s_idx]
        if not ch.isalnum():
            s_idx -= 1
            continue
        while l_idx >= 0 and (
            low[l_idx] != ch or (s_idx == 0 and l_idx > 0 and low[l_idx - 1].isalnum())
        ):
            l_idx -= 1
        if l_idx < 0:
            return None
        l_idx -= 1
        s_idx -= 1
    start = low.rfind(" ", 0, l_idx + 1) + 1
    return start


def _initials_match(short: str, words: list[str]) -> bool:
    """Letters of the acronym are exactly the initials of the significant words, in any order."""
    letters = Counter(ch for ch in short.lower() if ch.isalpha())
    initials = Counter(w[0].lower() for w in words if w.lower() not in _STOP and w[0].isalpha())
    return bool(letters) and letters == initials


def _shortest_initials_tail(short: str, tokens: list[str]) -> int | None:
    """The fewest last words of ``tokens`` that pass _initials_match, or None.

    The initials are counted one word at a time as the tail grows, not recounted for every
    tail; once they outnumber the acronym's letters no longer tail can match."""
    letters = Counter(ch for ch in short.lower() if ch.isalpha())
    if not letters:
        return None
    size = sum(letters.values())
    initials: Counter[str] = Counter()
    for k in range(1, len(tokens) + 1):
        w = tokens[-k]
        if w.lower() not in _STOP and w[0].isalpha():
            initials[w[0].lower()] += 1
            if initials.total() > size:
                return None
        if initials == letters:
            return k
    return None


def find_definitions(text: str) -> list[Definition]:
    """Every "Long Form (SHORT)" in ``text``, with character offsets of both parts."""
    out: list[Definition] = []
    for m in _DEFINITION.finditer(text):
        short = m.group("short").rstrip(".")
        caps = sum(1 for ch in short if ch.isupper())
        if caps < 2 or len(short) < 2:
            continue
        before = m.start()
        while before > 0 and text[before - 1] in " \t":
            before -= 1
        if text[before - 2 : before] in ("'s", "’s"):
            before -= 2
        n = len(_letters(short))
        max_words = min(n + 5, n * 2)
        # the long form has at most max_words words: read only that far back on the line
        line_start = text.rfind("\n", max(0, before - 40 * max_words), before) + 1
        window = max(line_start, before - 40 * max_words)
        words = list(_WORD.finditer(text, window, before))[-max_words:]
        if window > line_start and len(words) == max_words and words[0].start() == window:
            words = words[1:]  # the window may have cut the first word in two
        if not words:
            continue
        # the long form stops at a clause boundary ("... said the agency, the Bureau (FBI)")
        cut = 0
        for i, w in enumerate(words):
            if w.group(0).endswith((",", ";", ":", "“", '"')) and i < len(words) - 1:
                cut = i + 1
        words = words[cut:]
        if not words:
            continue
        seg_start = words[0].start()
        segment = text[seg_start : words[-1].end()]
        rel = _schwartz_hearst(short, segment)
        if rel is None:
            k = _shortest_initials_tail(short, [w.group(0) for w in words])
            if k is not None:
                rel = words[-k].start() - seg_start
        if rel is None:
            continue
        long_start = seg_start + rel
        long_end = words[-1].end()
        long_form = text[long_start:long_end]
        # trim a possessive left before the bracket and a leading article
        trimmed = re.sub(r"['’]s$", "", long_form)
        long_end = long_start + len(trimmed)
        lead = re.match(r"(?:the|a|an)\s+", trimmed, re.IGNORECASE)
        if lead:
            long_start += lead.end()
        long_form = text[long_start:long_end]
        if not long_form or not long_form[0].isupper():
            continue
        if len(long_form.split()) < 2 and len(long_form) <= len(short):
            continue
        s_start = m.start("short")
        out.append(
            Definition(long_start, long_end, long_form, s_start, s_start + len(short), short)
        )
    return out
