"""The article's own publication date: the byline date near the top of a scraped page.

Why a separate finder: the first full date of a page is often not the article's date. News
sites put a date bar in the header ("Tuesday, June 18, 2024" above "90 F"), and the body may
open with a dated event ("On May 2, 2023, police ..."). The byline is recognised by where the
date stands, not by what it says:

* only the first ``HEAD_CHARS`` characters are read (bylines sit above or just below the
  headline), and only full day-precision dates ("absolute-day") count;
* the date must stand on a byline-ish line: alone on its line, or followed on its line only by
  furniture (a time, "|", "by ..."), or preceded on its line by a cue: a separator ("—", "|",
  "•", "/"), "Published", "Posted", "Date:", "Updated" (a clock time may come between), or
  "By <Name>"; or open a press-release dateline ("WASHINGTON, May 2, 2023 — ...");
* a time may follow the date on its line, in any common form, after "|" or "," or not:
  "16:40", "4:05 p.m. ET", "10:30 BST", "13.05 GMT" (a dot time must end the line or meet a
  separator: "12.50 euros" is an amount);
* a date inside a prose sentence is never a byline;
* a date widget is never a byline: a weekday-led date alone on its line next to page furniture
  (weather, "Advertisement", a clock, navigation words, a navigation bar such as "CANADA |
  ONTARIO | CRIME"), or any date alone on its line next to a weather reading. A page whose
  only candidate is a widget has no stated date (``None``).

An "Updated" stamp is reported with the widgets (a date of the page, not of the story) when
another candidate is the publication date.

When several candidates qualify, an explicit publication cue ("Published", "Posted", "Date:")
beats a "By <Name>" byline (the name on the date's line, or on the line just above or below),
which beats a date standing alone or after a separator (a header bar that is not recognised as
a widget looks just like that), which beats "Updated"; within a rank the earliest wins. Any
day-precision form counts, numeric ones included ("05.04.2022 | 16:40 | Updated 18:05").
"""

from __future__ import annotations

import re

from takedown.normalize.dates import WEEKDAY_LED, DateMatch, find_dates

__all__ = ["HEAD_CHARS", "byline_and_widgets", "find_published", "widget_dates"]

HEAD_CHARS = 1500

_SEPARATORS = "|\u2022\u00b7\u2014\u2013/\\-"
# A cue word opens its line or follows a separator: "Published: ", "By Jane Doe | Updated ".
# "The report was published on May 2, 2023" is prose, not a byline.
_CUE_START = r"(?i)(?:^|[" + _SEPARATORS + r"])\s*"
# a clock time may stand between the cue and the date: "Updated 10:32 AM EDT, Tue May 2, 2023"
_CUE_END = (
    r"(?:\s+(?:on|at))?\s*[:" + _SEPARATORS + r"]?\s*"
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4}\b)?\s*[,|]?\s*)?$"
)
_PUBLISHED_CUE = re.compile(
    _CUE_START
    + r"(?:(?:first|originally)\s+published|published|posted|publication\s+date|date[d]?|"
    r"released|issued|(?:press|news|media)\s+release)" + _CUE_END
)
_UPDATED_CUE = re.compile(
    _CUE_START + r"(?:last\s+updated|updated|last\s+modified|modified|revised)" + _CUE_END
)
_SEPARATOR_CUE = re.compile(r"[" + _SEPARATORS + r"]\s*$")
# "By Jane Doe", "By JANE DOE and John Roe", "By our Europe correspondent", "by admin": a name
# (capitalised words, or a staff word), not "By the time police arrived on". Words are separated by
# required white space, so the bounded repeat cannot backtrack badly.
_BY_NAME = (
    r"(?:[Bb]y|BY)\s+(?:(?:our|the)\s+)?(?:[A-Z][\w.'\u2019-]*|admin|staff|editor|newsdesk)"
    r"(?:,?\s+(?:(?:and|&)\s+)?(?:[A-Z][\w.'\u2019-]*|correspondents?|staff|reporters?|"
    r"writers?|editors?|desk|team)){0,5}"
)
# A byline opening the date's line: "By Staff | ", "By Jane Doe, Reuters | ", "By JANE DOE, "
# ("Written by Staff Writer on ", "Posted by admin on " too: a verb of authorship before "by",
# "on" after the name)
_BY_CUE = re.compile(
    r"^\s*(?:(?i:written|posted|reported|published|story|words|text)\s+)?" + _BY_NAME
    + r"\s*(?:[,;" + _SEPARATORS + r"](?:[^\n]*[," + _SEPARATORS + r"])?)?(?:\s+on)?\s*$"
)
# A byline on its own line right above or below the date line
_BY_LINE = re.compile(r"^\s*" + _BY_NAME + r"\s*[,;]?\s*$")
# Time zones seen after byline times ("13.05 GMT", "10:30 BST", "4:05 p.m. ET")
_ZONE = r"(?:gmt|utc|bst|cet|cest|eet|eest|msk|ist|jst|aest|aedt|[ecmp][sd]?t)"
# What may follow a byline date on its line: nothing, a separator, a time, "by ...", a source.
# A colon time may run on ("10:32 AM ET"); a dot time ("13.05") could be a number, so it
# must end the line or meet a separator.
_AFTER_OK = re.compile(
    # a run of blanks sets the date off as a separator does ("March 28, 2024      Vancouver")
    r"(?i)^(?:[ \t]{2,}\S|\s*(?:$|[" + _SEPARATORS + r"]|"
    r",?\s*(?:at\s+)?\d{1,2}(?::\d{2})?\s*[ap]\.?m\b|"
    r",?\s*(?:at\s+)?\d{1,2}:\d{2}\b|"
    r",?\s*(?:at\s+)?\d{1,2}\.\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:" + _ZONE + r"\b\s*)?"
    r"(?:$|[" + _SEPARATORS + r"])|by\s|\(|"
    # an ISO timestamp's time: "2023-05-02T10:15:00Z", "2023-05-02T10:15+02:00"
    r"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\s*(?:$|[" + _SEPARATORS + r"])))"
)
# A press-release dateline: "WASHINGTON, May 2, 2023 —", "THE HAGUE, Netherlands, ..."
_DATELINE_CUE = re.compile(r"^\s*[A-Z][A-Z.'\u2019 -]{1,40},(?:\s*[A-Z][A-Za-z.]+,)?\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:[\u2014\u2013-]|\(|/)")
# A byline line is short and its text before the date is a few words of furniture.
_MAX_LINE = 160
_MAX_WORDS_BEFORE = 8
_WEATHER = re.compile(
    r"(?i)^\s*-?\d{1,3}\s*\u00b0?\s*[FC]\b|\u00b0|^\s*(?:sunny|cloudy|partly\s+cloudy|clear|"
    r"rain|showers|overcast|fog|snow|thunderstorms?|mostly\s+\w+)\s*$"
)
_FURNITURE = re.compile(
    r"(?i)^[\s\-\u2013\u2014\u2022\u00b7|]*(?:advertisement|loader\s+image|menu|search|"
    r"subscribe|sign\s+in|log\s+in|login|home|e-?paper|today'?s\s+paper|weather|trending|"
    r"breaking(?:\s+news)?|latest(?:\s+news)?|skip\s+to\s+content|follow\s+us)\b"
    r"|^\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*[A-Z]{0,4}\s*$"
)

# A navigation bar or share bar: three or more short items without digits between "|", "•",
# ">" ("CANADA | ONTARIO | CRIME", "Home > News > National Unit"). Items are bounded, and the
# pattern is only tried (anchored) on the lines next to a candidate date.
_NAV_BAR = re.compile(
    r"^\s*[^\d\n|\u2022\u00b7>\u00bb]{1,30}(?:[|\u2022\u00b7>\u00bb][^\d\n|\u2022\u00b7>\u00bb]{1,30}){2,}"
    r"[|\u2022\u00b7>\u00bb]?\s*$"
)

# Lower is surer: an explicit publication cue, then a "By <Name>" byline, then a date alone or
# set off by a separator, then "Updated".
_RANK_PUBLISHED, _RANK_BY, _RANK_BYLINE, _RANK_UPDATED = 0, 1, 2, 3


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _neighbour_lines(text: str, line_start: int, line_end: int) -> list[str]:
    """The nearest non-empty line above and below (page furniture sits right next to widgets)."""
    above = [ln for ln in text[:line_start].split("\n") if ln.strip()][-1:]
    below = [ln for ln in text[line_end:].split("\n") if ln.strip()][:1]
    return above + below


def _is_widget(text: str, m: DateMatch) -> bool:
    """A header date bar: a date alone on its line next to page furniture (see module doc)."""
    line_start, line_end = _line_bounds(text, m.start, m.end)
    before = text[line_start:m.start].strip()
    after = text[m.end:line_end].strip()
    if before:
        return False
    if after:  # only a weather reading may share the line with a widget's date
        return bool(_WEATHER.search(after))
    neighbours = _neighbour_lines(text, line_start, line_end)
    if any(_WEATHER.search(n) for n in neighbours):
        return True  # weather beside a date: a date bar whatever its form
    return bool(WEEKDAY_LED.match(m.text)) and any(
        _FURNITURE.match(n) or _NAV_BAR.match(n) for n in neighbours
    )


def _byline_rank(text: str, m: DateMatch) -> int | None:
    """How surely this date is the byline date (lower is surer), or None if it is not one."""
    line_start, line_end = _line_bounds(text, m.start, m.end)
    before = text[line_start:m.start]
    after = text[m.end:line_end]
    if _PUBLISHED_CUE.search(before):
        return _RANK_PUBLISHED
    if _UPDATED_CUE.search(before):
        return _RANK_UPDATED
    if _DATELINE_CUE.match(before) and _DATELINE_AFTER.match(after):
        return _RANK_BYLINE  # the dateline opens the first paragraph: no length limit
    if not _AFTER_OK.match(after):
        return None  # the date runs on into a sentence: "May 2, 2023, was ..."
    if line_end - line_start > _MAX_LINE or len(before.split()) > _MAX_WORDS_BEFORE:
        return None  # a long line is prose even where a dash sets the date off
    if _BY_CUE.match(before):
        return _RANK_BY
    if before.strip() and not _SEPARATOR_CUE.search(before):
        return None  # a date inside prose
    if any(_BY_LINE.match(n) for n in _neighbour_lines(text, line_start, line_end)):
        return _RANK_BY  # "By Jane Doe" on the line above or below
    return _RANK_BYLINE


def _head(text: str) -> str:
    """The first HEAD_CHARS characters, extended to the end of the line they cut."""
    cut = text.find("\n", HEAD_CHARS)
    return text if cut < 0 or cut > HEAD_CHARS + 200 else text[:cut]


def _head_days(head: str) -> list[DateMatch]:
    return [m for m in find_dates(head) if m.expression == "absolute-day"]


def widget_dates(text: str) -> list[DateMatch]:
    """Header date-bar dates near the top of ``text``; callers may add them to skip zones."""
    return byline_and_widgets(text)[1]


def find_published(text: str) -> DateMatch | None:
    """The article's own publication (byline) date, found near the top of a scraped page."""
    return byline_and_widgets(text)[0]


def byline_and_widgets(
    text: str, found: list[DateMatch] | None = None
) -> tuple[DateMatch | None, list[DateMatch]]:
    """Both answers from one reading of the page head. ``found`` may pass the dates already
    found in the whole text (unfiltered by zones), so the head is not scanned again."""
    head = _head(text)
    best: tuple[int, int, DateMatch] | None = None
    widgets: list[DateMatch] = []
    days = (
        _head_days(head)
        if found is None
        else [m for m in found if m.expression == "absolute-day" and m.end <= len(head)]
    )
    updates: list[DateMatch] = []
    for m in days:
        if _is_widget(head, m):
            widgets.append(m)
            continue
        if m.start >= HEAD_CHARS:
            continue
        rank = _byline_rank(head, m)
        if rank == _RANK_UPDATED:
            updates.append(m)
        if rank is not None and (best is None or (rank, m.start) < best[:2]):
            best = (rank, m.start, m)
    # an "Updated" stamp beside the publication date is page furniture, not a date of the story
    if best is not None and best[0] != _RANK_UPDATED:
        widgets.extend(updates)
        widgets.sort(key=lambda w: w.start)
    return (best[2] if best else None), widgets
