"""Date expressions in news text: find them and give each its ISO 8601 value.

Why not dateparser or HeidelTime: dateparser's ``search_dates`` returns no character offsets
and drops periods and vague modifiers ("late 2021"); HeidelTime is Java. We need offsets into
the original text (``text[start:end] == match.text``), news-mode resolution of relative dates
against the article's date, and speed over millions of words. So the whole finder is one
precompiled alternation scanned once (``_MASTER``); Python code runs only per candidate.

How a scan works
    ``_MASTER`` is a zero-width lookahead tried at every word start. A trie of the words a date
    can begin with (``_FIRST_WORDS``) rejects most word starts in a character or two. At each
    remaining start the first family (in ``_FAMILY_SOURCES`` order, most specific first) that
    matches yields one candidate. Every candidate is parsed and validated (Feb 30 is dropped),
    candidates overlapping a skip zone are dropped, and then the longest candidates win over
    the shorter ones they overlap ("November 2022" beats the "2022" inside it; "between 1999
    and 2020" beats both years). Because candidates are collected at every word start, a short
    match never hides a longer one that starts later. About 1.5 million words a second.

Regex safety
    No nested quantifiers over overlapping classes; two quantified runs are always separated by
    a required token of another class (``[ ]*-[ ]*``, ``,[ ]*|[ ]+``), so each attempt is
    linear and the scan is linear in practice (see the adversarial tests). Whitespace inside a
    date never crosses a line break: scraped pages put unrelated furniture on adjacent lines.

Rules decided (the tables in ``tests/normalize/test_dates.py`` are the full specification)

Years
    A four-digit number 1970-2039 standing as its own word is a year ("in 2019", "(2020)",
    "the 2014 takedown", "71,238 in 2021"), unless it is part of a larger number or code
    (preceded by a digit and a separator, by ``. , / : $ € £ ¥ # @``, or by "No. "; followed by
    more digits, a decimal part, ":" or "/" and a digit, or a dash and a digit), or is a count or
    an amount: followed by a unit or a counted noun (``_COUNT_WORDS``: "2021 kg", "2021 pills",
    "2020 people"), or by "%", or names a thing rather than a time (``_names_a_thing``):
    a provision or reference ("Section 2002", "§ 2019", "Room 2019", "model 2006", "version
    2019"), a statute ("the 2002 Act", "Proceeds of Crime Act 2002", "Patriot Act of 2001":
    a year beside "Act", "Law", "Code", "Regulations", ... is part of the statute's name, not
    a date the story states), a model year ("a stolen 2018 Ferrari"), a street number ("2002 Elm
    Street"), a copyright line ("© 2022", "Copyright 2014-2024"). After a temporal preposition
    ("in", "since", "by", "until", "during", "before", "after") the year reading wins even
    before a counted noun or a make ("In 2020 people bought more", "In 2018 Ford recalled").
    "1990s" is the decade "199". Years outside 1970-2039 are taken only where a month makes
    them unambiguous ("June 6, 1944", "May 1999").
Numeric dates
    Day, month and a four-digit year: "05.04.2022" and "20-07-2017" are European D.M.Y, "04/05/
    2022" is American M/D/Y. Where the usual order is impossible because a number above 12 can
    only be the day, the other order is read ("25/12/2021", "07-20-2017"); a date impossible in
    both orders ("31.02.2022", "13/13/2022") is none. A numeric date never touches a digit run,
    a letter or a further number part ("1.05.04.2022", "v2.10.2020", "05.04.2022.7"), nor
    follows "version"/"build"; two-digit years ("05.04.22") are not read. ISO "2024-02-15" and
    "2023/05/02" stay year-first.
Months
    Month names must be capitalised (Title or UPPER case): lower-case "may"/"march" are verbs.
    A month with no day and no year is a relative date only with a qualifier ("last", "this",
    "next", "this past"), a modifier ("early", "late", "mid-", "the end of") or a preposition
    right before it ("in", "since", "by", "until", "till", "during", "through", "before",
    "after", "from", "as of"). A bare "May" is never a date.
Relative dates (news mode, as HeidelTime; all need ``anchor``, the article's date)
    * "today", "yesterday", "tomorrow": the anchor day, -1, +1.
    * A bare weekday ("announced Tuesday", "on Tuesday"), "this Tuesday", "this past Tuesday":
      the most recent such weekday on or before the anchor (the anchor day itself when it is a
      Tuesday: news is written in the past tense and the same day is the likeliest reading).
      "last Tuesday": strictly before the anchor. "next Tuesday": strictly after.
    * A month name without year ("in November", "this past November"): the most recent one not
      after the anchor month, so a month later in the year than the article's belongs to the
      previous year. "last November": strictly before the anchor month (an article of
      November 2023 saying "last November" means November 2022). "next November": strictly
      after. "this November": the anchor year.
    * A month and day without year ("May 2"): the most recent such day not after anchor + 7
      days (news reports the past, but announces the coming week). Expression "partial-date".
      A yearless day range ("April 23 and 24") is resolved by its first day.
    * Where the words before such a date in its sentence announce something ("sentencing is
      scheduled for Sept. 30", "will be sentenced in August", "is due in court on Monday"),
      a yearless day, a bare month and a bare weekday are read forward instead: the first such
      day (month, weekday) on or after the anchor. News reports the past; these cues are how
      it states the future, as HeidelTime reads a sentence's tense.
    * A month (and day) with a relative year ("in October last year", "5 May this year",
      "since March of next year"): the anchor's year shifted. A month alone still needs its
      context (a preposition, qualifier or modifier) to be read.
    * "last/this/next year|month|week", "earlier/later this year", "earlier in the year": the
      anchor's year (month) shifted; weeks are ISO weeks "2024-W25". "N years/months/weeks/days
      ago" likewise. "the past year", "the last year" are durations and are not matched.
    * A season's value is the year it falls in (ISO 8601 has no seasons; a vague part of a
      year takes the enclosing value, as "late 2021" does). Meteorological seasons: spring
      Mar-May, summer Jun-Aug, fall Sep-Nov, winter Dec-Feb, and a winter is the year of its
      January (Dec 2023-Feb 2024 is "2024"). "last fall", "this past fall":
      the latest occurrence that began before the season containing the anchor; "next fall":
      the first that begins after it; "this fall": the occurrence nearest to the anchor.
    Without an anchor, relative expressions are still returned with ``value=None`` so the
    caller can list them as unresolved.
Modifiers
    "early"/"the beginning of"/"the start of" -> "start", "mid"/"the middle of" -> "mid",
    "late"/"the end of"/"the close of" -> "end"; the value keeps the enclosing precision
    ("late 2021" -> "2021", "late November 2022" -> "2022-11"). Inside a period the modifier
    is dropped ("from late 2021 to early 2023" -> "2021/2023").
Quarters, halves, seasons, decades
    A quarter or half is its months as an ISO interval, at the precision stated: "the first
    quarter of 2021"/"Q1 2021" -> "2021-01/2021-03", "the second half of 2020" ->
    "2020-07/2020-12". A season is its year: "spring 2021"/"the summer of 2020" -> "2021"/
    "2020". "the late 1990s" -> "199" (end).
Periods
    "between X and Y", "from X to|through|until Y", "X to Y", "X-Y" where Y carries a year and
    X may borrow it ("from March to June 2021" -> "2021-03/2021-06"), "2011-13". The end must
    come after the start. Each end keeps its own precision.
Day ranges in one month
    "6-7 May 2017", "6/7 May 2017", "6 to 7 May 2017" (also "the night of ..."), "6 and 7 May
    2017", "the 6th and 7th of May 2017", "May 2-5, 2023", "April 23 and 24, 2019", "between 23
    and 24 April 2019", "from 6 to 9 May 2017" -> "2017-05-06/2017-05-07" etc. Days joined by
    "and" are a period only when adjacent or after "between": "on 3 and 17 April" names two
    days, not the fortnight between them (only "17 April" is read). Without a year the range
    is relative ("detained on April 23 and 24").
Not dates
    Durations ("14 years", "over the past 1.5 years"), ages ("36-year-old"), times, "24/7",
    phone and version numbers, IP addresses, centuries ("the 21st century"), "COVID-19", money
    and counts, statute names, model years, street numbers, copyright lines (see "Years").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

Modifier = Literal["start", "mid", "end"]

__all__ = ["DateMatch", "Modifier", "find_dates", "WEEKDAY_LED"]


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date expression. ``text == source[start:end]`` always holds.

    ``value`` is ISO 8601 at the stated precision ("2024-02-15", "2022-11", "2019"), an ISO
    interval ("1999/2020", a quarter "2021-01/2021-03"), a decade ("199") or an ISO week
    ("2024-W24"); None for a relative date without anchor.
    ``expression`` is one of: absolute-day, absolute-month, year, decade, season, quarter, half,
    interval, partial-date (month and day, year from the anchor), relative-day,
    relative-weekday, relative-week, relative-month, relative-season, relative-year.
    ``relative`` is True exactly when the value depends on the anchor.
    """

    start: int
    end: int
    text: str
    value: str | None
    modifier: Modifier | None
    relative: bool
    expression: str


# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_MONTH_ABBRS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
    "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}
_MONTH_NUM: dict[str, int] = {n.lower(): i for i, n in enumerate(_MONTH_NAMES, 1)}
_MONTH_NUM.update({a.lower(): n for a, n in _MONTH_ABBRS.items()})

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_ABBRS = ("Mon", "Tue", "Tues", "Wed", "Weds", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun")
_WEEKDAY_NUM = {n.lower(): i for i, n in enumerate(_WEEKDAY_NAMES)}

_SEASON_CODE = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "final": 0, "last": 0,  # 0: the last part, resolved per unit
}

# A year directly followed by one of these is a count or an amount ("2021 kg", "2020 people").
_COUNT_WORDS = (
    "people persons individuals suspects arrests arrested defendants vendors sellers buyers "
    "customers users accounts members officers agents employees victims deaths overdoses cases "
    "packages parcels shipments pills tablets capsules doses g grams gram kg kgs kilos kilo "
    "kilograms kilogram lb lbs pounds ounces oz tons tonnes mg ml liters litres bitcoins bitcoin "
    "btc xmr eth dollars euros usd eur gbp firearms guns weapons rounds listings sites websites "
    "domains servers transactions sales orders items products times km miles meters metres feet "
    "hours hrs minutes seconds days weeks months years percent"
).split()


def _trie(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie ("J(?:an(?:uary)?|u(?:ly?|ne?))").

    Why: a flat alternation of fifty month forms is tried one literal at a time at every word
    start; a trie rejects a non-matching word at its first character.
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        ends_here = "" in node
        body = branches[0] if len(branches) == 1 and not ends_here else (
            "(?:" + "|".join(branches) + ")"
        )
        if ends_here:
            body = body if body.startswith("(?:") else "(?:" + body + ")"
            return body + "?"
        return body

    return build(root)


def _cases(words: Iterable[str]) -> list[str]:
    """Title and UPPER forms: news capitalises month and day names; "may" is a verb."""
    out: list[str] = []
    for w in words:
        out += [w[:1].upper() + w[1:], w.upper()]
    return out


# ---------------------------------------------------------------------------------------------
# Building blocks (``_H``: horizontal white space only, a date never spans a line break)
# ---------------------------------------------------------------------------------------------

_H = "[ \\t\\u00a0\\u2009\\u202f]"
_S = _H + "+"
_OS = _H + "*"
_DASH = "[-\\u2010\\u2011\\u2012\\u2013\\u2014]"
_MODSEP = f"(?:{_OS}-{_OS}|{_S})"
_COMMA_OR_SPACE = f"(?:,{_OS}|{_S})"
_NOT_WORD_AFTER = "(?![0-9A-Za-z])"

_MONTH_RE = (
    f"(?:(?:{_trie(_cases(_MONTH_NAMES))})(?![A-Za-z])"
    f"|(?:{_trie(_cases(_MONTH_ABBRS))})\\.?(?![A-Za-z]|-[A-Za-z]))"
)
_WEEKDAY_FULL_RE = f"(?:{_trie(_cases(_WEEKDAY_NAMES))})(?![A-Za-z])"
_WEEKDAY_ABBR_RE = f"(?:{_trie(_cases(_WEEKDAY_ABBRS))})"
# "Tuesday, " / "Tuesday " / "Tue., " / "Tue, " before a date
_WD_PREFIX = (
    f"(?:{_WEEKDAY_FULL_RE}{_COMMA_OR_SPACE}"
    f"|{_WEEKDAY_ABBR_RE}(?![A-Za-z])(?:\\.,?{_OS}|{_COMMA_OR_SPACE}))"
)
WEEKDAY_LED = re.compile(f"{_WEEKDAY_FULL_RE}|{_WEEKDAY_ABBR_RE}(?![A-Za-z])")
"""Matches at the start of a date's text when the date is led by a weekday name."""

_MOD = (
    "(?i:the" + _S + "(?:very" + _S + ")?(?:end|beginning|start|middle|close|early" + _S
    + "part|latter" + _S + "part|later" + _S + "part)" + _S + "of"
    + "|(?:end|beginning|start|middle)" + _S + "of|early|late|mid)"
)
_SEASON_RE = "(?i:spring|summer|fall|autumn|winter)"
# "this fall in overdose deaths" is a decline, not a season
_REL_SEASON_RE = f"(?i:spring|summer|autumn|winter|fall(?!{_S}(?:in|of|from|to)(?![a-z])))"
_COUNT_AFTER = (
    f"(?!{_OS}(?:%|(?i:{'|'.join(sorted(_COUNT_WORDS, key=len, reverse=True))})"
    f"(?![A-Za-z0-9])))"
)
# Context a bare year may not stand in (see "Years" in the module docstring).
_YEAR_BEFORE = (
    "(?<![0-9$\\u20ac\\u00a3\\u00a5\\u00a9#.,/:@&+=])(?<![0-9][ .,\\-\\u2013\\u2014])"
    "(?<![Nn]o\\. )(?<!\\u00a9 )(?<![0-9] [-\\u2013\\u2014] )"
)
_YEAR_AFTER = (
    f"{_NOT_WORD_AFTER}(?![.,:/][0-9])(?!{_OS}{_DASH}{_OS}[0-9]){_COUNT_AFTER}"
)


# A number that names a thing rather than a time (checked per candidate, in Python, on the few
# characters around a bare year): a provision, a statute, a room, a model, a copyright line.
_STATUTE = (
    f"(?:Act|Law(?!{_S}[Ee]nforcement)|Code|Ordinance|Regulations?|Statute|Decree|Directive|Bill)"
)
_REFERENCE_BEFORE = re.compile(
    "(?:(?<![A-Za-z])(?i:sections?|sec\\.|article|clause|paragraph|para\\.|chapter|schedule|"
    "rule|room|suite|apt\\.?|model|version|build|serial|docket|flight|route|highway|"
    "interstate|page|pp?\\.|vol\\.|copyright)"
    f"|(?<![A-Za-z])(?:{_STATUTE}(?:{_S}of|,)?|Case|Unit|Box|Part|Exit|Form|Item|Lot|Title)"
    "|\\u00a7|\\((?i:c)\\))" + _OS + "$"
)
# Makes a model year stands before ("a stolen 2018 Ferrari"): seizure lists name cars so.
_VEHICLE_MAKES = (
    "Acura|Alfa Romeo|Aston Martin|Audi|Bentley|BMW|Bugatti|Buick|Cadillac|Chevrolet|Chevy|"
    "Chrysler|Dodge|Ferrari|Fiat|Ford|GMC|Harley-Davidson|Honda|Hummer|Hyundai|Infiniti|Jaguar|"
    "Jeep|Kawasaki|Kia|Lamborghini|Land Rover|Lexus|Maserati|Mazda|McLaren|Mercedes|Mitsubishi|"
    "Nissan|Opel|Peugeot|Polaris|Pontiac|Porsche|Range Rover|Renault|Rolls-Royce|Skoda|Subaru|"
    "Suzuki|Tesla|Toyota|Volkswagen|VW|Volvo|Yamaha"
).replace(" ", _S)
_STREET = (
    "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|"
    "Parkway|Pkwy|Highway|Hwy|Terrace|Crescent|Square)"
)
_REFERENCE_AFTER = re.compile(
    f"{_S}(?:{_STATUTE}|[Mm]odel|{_VEHICLE_MAKES})(?![A-Za-z])"
    f"|{_S}(?:(?:[NSEW]\\.?|[A-Z][a-z]+){_S}){{1,3}}{_STREET}(?![A-Za-z])"
)


def _names_a_thing(text: str, start: int, end: int, look_after: bool = True) -> bool:
    """True when the number at text[start:end] is a reference, not a year (see module doc).

    Why in Python and not in ``_MASTER``: a dozen variable-length lookbehinds at every digit
    would slow the scan; a bare year is rare enough to check afterwards.
    """
    return bool(
        _REFERENCE_BEFORE.search(text, max(0, start - 24), start)
        or (look_after and _REFERENCE_AFTER.match(text, end))
    )


def _month(name: str) -> str:
    return f"(?P<{name}>{_MONTH_RE})"


def _day(name: str) -> str:
    return f"(?P<{name}>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?{_NOT_WORD_AFTER}"


def _year(name: str) -> str:
    """Any year 1800-2099: only used next to a month, which makes it unambiguous."""
    return f"(?P<{name}>1[89][0-9][0-9]|20[0-9][0-9])(?![0-9])"


def _bare_year(name: str) -> str:
    """A year standing alone: 1970-2039 only (see "Years" in the module docstring)."""
    return f"(?P<{name}>19[7-9][0-9]|20[0-3][0-9])"


def _mod(name: str = "mod") -> str:
    return f"(?:(?P<{name}>{_MOD}){_MODSEP})"


_THE = f"(?:(?i:the){_S})"
_OF = f"(?:{_S}(?i:of))"

# One point in time, absolute or month/day-only. Group names carry a branch number so the
# parser can pick "the month" as the first non-empty m<N> group.
_P_MDY = f"{_WD_PREFIX}?{_month('m1')}{_OS}{_day('d1')}{_COMMA_OR_SPACE}{_year('y1')}"
_P_DMY = (
    f"{_WD_PREFIX}?{_THE}?{_day('d2')}{_OF}?{_S}{_month('m2')}{_COMMA_OR_SPACE}{_year('y2')}"
)
_P_ISO = (
    f"{_year('y3')}-(?P<m3>0[1-9]|1[0-2])-(?P<d3>0[1-9]|[12][0-9]|3[01])(?![0-9])"
    f"|{_year('y4')}/(?P<m4>0[1-9]|1[0-2])/(?P<d4>0[1-9]|[12][0-9]|3[01])(?![0-9])"
)
# Numeric day, month and year (day precision). Dots and dashes are European, D.M.Y; slashes
# are American, M/D/Y. Which number is the month is settled in ``_parse_point``. The year must
# have four digits ("05.04.22" is as likely a version or a score), and the date may not touch
# another number part, a letter or a version word ("1.05.04.2022", "v2.10.2020", "10.1.2020.5").
_NUM_BEFORE = (
    "(?<![0-9][.\\-/:,])(?<![A-Za-z][.\\-/])(?<![Vv]ersion )(?<![Bb]uild )(?<![Vv]er\\. )"
)
_NUM_AFTER = "(?![0-9A-Za-z])(?![.,\\-/:][0-9])"


def _numeric(sep: str, k: int) -> str:
    """D.M.Y-like numbers joined by one separator (the same twice: "05.04-2022" is no date)."""
    return f"(?P<u{k}>[0-3]?[0-9]){sep}(?P<v{k}>[0-3]?[0-9]){sep}{_year(f'y{k}')}"


_P_NUM = (
    f"{_NUM_BEFORE}(?:{_numeric('[.]', 10)}|{_numeric('-', 11)}|{_numeric('/', 12)}){_NUM_AFTER}"
)
_P_MY = f"{_month('m5')}{_COMMA_OR_SPACE}(?:(?i:of){_S})?{_year('y5')}"
_P_MD = f"{_WD_PREFIX}?{_month('m6')}{_OS}{_day('d6')}"
_P_DM = f"{_WD_PREFIX}?{_THE}?{_day('d7')}{_OF}?{_S}{_month('m7')}"
_P_Y = f"{_bare_year('y8')}{_NOT_WORD_AFTER}"
_P_M = _month("m9")

_POINT = (
    f"{_mod()}?(?:{_P_MDY}|{_P_DMY}|{_P_ISO}|{_P_NUM}|{_P_MY}|{_P_MD}|{_P_DM}|{_P_Y}|{_P_M})"
)
# The far end of a period must carry its year.
_POINT_WITH_YEAR = (
    f"{_mod('mod_b')}?(?:{_P_MDY}|{_P_DMY}|{_P_ISO}|{_P_NUM}|{_P_MY}|{_P_Y})"
)

_QUAL_MONTH = f"(?i:last|this{_S}past|this|next)"
_QUAL_SEASON = f"(?i:last|this{_S}past|this|next|earlier{_S}this|later{_S}this)"
_QUAL_UNIT = (
    f"(?i:last|this|next|earlier{_S}this|later{_S}this|earlier{_S}in{_S}the|later{_S}in{_S}the)"
)
_NOT_AFTER_THE = "(?<![Tt]he )"  # "the last year" is a duration, "the next year" narrative
_MONTH_CONTEXT = "|".join(
    f"(?<=\\b{w} )|(?<=\\b{w.capitalize()} )"
    for w in ("in", "since", "by", "until", "till", "during", "through", "before", "after",
              "from", "as of", "throughout")
)
# After "in", "since", ... a year stays a year before a counted noun: "In 2020 people died".
_YEAR_PREPOSITION = "|".join(
    f"(?<=\\b{w} )|(?<=\\b{w.capitalize()} )"
    for w in ("in", "since", "by", "until", "till", "during", "before", "after")
)
_YEAR_AFTER_PREP = f"{_NOT_WORD_AFTER}(?![.,:/][0-9])(?!{_OS}{_DASH}{_OS}[0-9])(?!{_OS}%)"
_NOT_FEAST = "".join(
    f"(?<!{w} )" for w in ("Black", "Good", "Cyber", "Super", "Ash", "Palm", "Easter", "Holy",
                          "Maundy", "Giving", "Blue", "Bloody")
)

# "The Sunday Times" is a newspaper, not a day
_NOT_PAPER = (
    f"(?!{_S}(?:Times|Telegraph|Mirror|Express|Post|Herald|World|Independent|Observer|Mail)\\b)"
)

def _day_link(name: str) -> str:
    """What joins the two days of a range: "6-7", "6/7", "6 to 7", "23 and 24", "6 & 7"."""
    return (
        f"(?:{_OS}{_DASH}{_OS}|{_OS}/{_OS}|{_S}(?i:to|through|thru|until|till){_S}"
        f"|{_S}(?P<{name}>(?i:and)|&){_S})"
    )


# "October last year", "5 May this year", "March of next year": the year named relatively.
# A tail of the month families, not a family of its own: that would be one more attempt at
# every digit and month in the text.
_YEAR_TAIL = (
    f"(?:{_S}(?i:of))?{_S}(?P<ry>(?i:last|this|next)){_S}(?i:year)(?![A-Za-z0-9-])"
)

_GROUP_NAME = re.compile(r"\(\?P<\w+>")


def _unnamed(pattern: str) -> str:
    """The same pattern with its named groups made non-capturing (names must be unique)."""
    return _GROUP_NAME.sub("(?:", pattern)


_FAMILY_SOURCES: dict[str, str] = {
    # periods
    "between": (
        f"(?i:between){_S}(?P<a>{_unnamed(_POINT)})(?:{_S}(?i:and){_S}|{_OS}{_DASH}{_OS})"
        f"(?P<b>{_unnamed(_POINT_WITH_YEAR)}){_COUNT_AFTER}"
    ),
    "fromto": (
        f"(?<![$\\u20ac\\u00a3\\u00a5\\u00a9#.,/:@])(?<![0-9][ .,\\-\\u2013\\u2014])(?<!\\u00a9 )"
        f"(?:(?i:from){_S})?(?P<a>{_unnamed(_POINT)})"
        f"(?:{_S}(?i:to|through|thru|until|till){_S}|{_OS}{_DASH}{_OS})"
        f"(?P<b>{_unnamed(_POINT_WITH_YEAR)}){_COUNT_AFTER}"
    ),
    "dayrange": (
        f"(?<![0-9.,:/\\-])(?:(?P<pre>(?i:between|from)){_S})?"
        f"(?:{_month('m')}{_OS}{_day('d1')}{_day_link('and1')}{_day('d2')}"
        f"(?:{_COMMA_OR_SPACE}{_year('y')})?"
        f"|{_THE}?{_day('d3')}{_day_link('and2')}{_THE}?{_day('d4')}{_OF}?{_S}{_month('m2')}"
        f"(?:{_COMMA_OR_SPACE}{_year('y2')})?){_COUNT_AFTER}"
    ),
    # absolute points
    "absolute": f"{_P_MDY}|{_P_DMY}|{_P_ISO}|{_P_NUM}|{_mod()}?{_P_MY}",
    "quarter": (
        f"{_THE}?(?P<q>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th)){_S}"
        f"(?P<unit>(?i:quarter|half)){_OF}?{_S}{_year('y')}"
        f"|(?P<code>Q[1-4]|H[12])(?:{_S}|{_OS}[-/]{_OS}){_year('y2')}"
    ),
    "season": f"{_mod()}?{_THE}?(?P<season>{_SEASON_RE}){_OF}?{_S}{_year('y')}",
    "decade": (
        f"(?:(?P<mod>(?i:early|late|mid)){_MODSEP})?(?<![0-9$\\u20ac\\u00a3\\u00a5])"
        f"(?P<dec>1[89][0-9]0|20[0-9]0)s{_NOT_WORD_AFTER}"
    ),
    "yrange": (
        f"{_YEAR_BEFORE}{_bare_year('y1')}(?:{_OS}{_DASH}{_OS}|/)"
        f"(?P<y2>19[7-9][0-9]|20[0-3][0-9]|[0-9][0-9])"
        f"{_NOT_WORD_AFTER}(?![.,:/][0-9])(?!{_OS}{_DASH}{_OS}[0-9]){_COUNT_AFTER}"
    ),
    "partial": f"(?P<pt>{_P_MD}|{_P_DM})(?:{_YEAR_TAIL}|{_COUNT_AFTER})",
    # relative
    "relunit": (
        f"{_mod()}?{_NOT_AFTER_THE}(?P<q>{_QUAL_UNIT}){_S}"
        f"(?P<unit>(?i:year|month|week))(?![A-Za-z0-9-])"
    ),
    "ago": (
        f"(?<![0-9.,])(?P<n>(?i:{'|'.join(_NUMBER_WORDS)})|[0-9]{{1,2}}){_NOT_WORD_AFTER}{_S}"
        f"(?P<unit>(?i:year|month|week|day))(?i:s)?{_S}(?i:ago)(?![A-Za-z])"
    ),
    "relday": "(?<!USA )(?<!USA\\u00a0)(?P<w>(?i:today|yesterday|tomorrow))(?![A-Za-z])",
    "relseason": (
        f"{_mod()}?{_NOT_AFTER_THE}(?P<q>{_QUAL_SEASON}){_S}(?P<season>{_REL_SEASON_RE})"
        f"(?![A-Za-z])"
    ),
    "relmonth": (
        f"(?:{_mod()}(?:(?P<q>{_QUAL_MONTH}){_S})?|{_NOT_AFTER_THE}(?P<q2>{_QUAL_MONTH}){_S}"
        f"|{_MONTH_CONTEXT}){_month('m')}(?:{_YEAR_TAIL})?"
    ),
    "relweekday": (
        f"(?:{_NOT_AFTER_THE}(?P<q>(?i:last|this{_S}past|this|next)){_S})?"
        f"{_NOT_FEAST}(?<!Mail on )(?P<wd>{_WEEKDAY_FULL_RE}){_NOT_PAPER}"
    ),
    "year": (
        f"{_mod()}?{_YEAR_BEFORE}(?:(?:{_YEAR_PREPOSITION}){_bare_year('y')}{_YEAR_AFTER_PREP}"
        f"|{_bare_year('y2')}{_YEAR_AFTER})"
    ),
}


def _any_case(words: Iterable[str]) -> list[str]:
    return [v for w in words for v in (w, w.capitalize(), w.upper())]


# The words a match of each family can begin with ("#" stands for a digit). Why: at most word
# starts no date can begin; a trie of first words rejects them in a character or two, before
# any family's lookbehinds and case-insensitive groups are tried. This makes the scan ~4x
# faster. A family may only start where its guard allows (a period without "from" starts at
# its first date, not at "late"), which the tests pin down.
_MOD_WORDS = ("the", "end", "beginning", "start", "middle", "early", "late", "mid")
_MONTHS_CASED = _cases(_MONTH_NAMES) + _cases(_MONTH_ABBRS)
_WEEKDAYS_CASED = _cases(_WEEKDAY_NAMES) + _cases(_WEEKDAY_ABBRS)
_FIRST_WORDS: dict[str, list[str]] = {
    "between": _any_case(["between"]),
    "fromto": ["#", *_any_case(["from"]), *_MONTHS_CASED, *_WEEKDAYS_CASED],
    "dayrange": ["#", *_any_case(["between", "from", "the"]), *_MONTHS_CASED],
    "absolute": ["#", *_any_case(_MOD_WORDS), *_MONTHS_CASED, *_WEEKDAYS_CASED],
    "quarter": [*_any_case(["the", *_ORDINALS]), "Q1", "Q2", "Q3", "Q4", "H1", "H2"],
    "season": _any_case([*_MOD_WORDS, *_SEASON_CODE]),
    "decade": ["#", *_any_case(["early", "late", "mid"])],
    "yrange": ["#"],
    "partial": ["#", *_any_case(["the"]), *_MONTHS_CASED, *_WEEKDAYS_CASED],
    "relunit": _any_case([*_MOD_WORDS, "last", "this", "next", "earlier", "later"]),
    "ago": ["#", *_any_case(_NUMBER_WORDS)],
    "relday": _any_case(["today", "yesterday", "tomorrow"]),
    "relseason": _any_case([*_MOD_WORDS, "last", "this", "next", "earlier", "later"]),
    "relmonth": [*_any_case([*_MOD_WORDS, "last", "this", "next"]), *_MONTHS_CASED],
    "relweekday": [*_any_case(["last", "this", "next"]), *_cases(_WEEKDAY_NAMES)],
    "year": ["#", *_any_case(_MOD_WORDS)],
}
assert _FIRST_WORDS.keys() == _FAMILY_SOURCES.keys()


def _guard(words: Iterable[str]) -> str:
    """A lookahead that passes only where one of ``words`` (or a digit, for "#") begins."""
    unique = set(words)
    parts = ["[0-9]"] if "#" in unique else []
    unique.discard("#")
    if unique:
        parts.append(f"(?:{_trie(unique)})(?![a-z])")
    return "(?=" + "|".join(parts) + ")"


_FAMILY_RE: dict[str, re.Pattern[str]] = {
    name: re.compile(src) for name, src in _FAMILY_SOURCES.items()
}
_POINT_RE = re.compile(_POINT)
# The master guard also asks of the commonest first words what a date needs next, so most of
# an article's "the", "a", "from" and numbers are rejected there instead of trying every
# family at each (the families still check everything; this only has to let every date by,
# which the property test against the unshortened scan checks):
# - "the" goes on as in "the very end of", "the 15th of", "the first quarter", "the summer of";
# - "a"/"an" only start "a year ago";
# - "from" goes on with a date: a digit, a month or weekday, "the", or a modifier ("late");
# - a number starts a date only as four digits (a year) or as one or two (a day, "5 years ago",
#   "1st quarter") followed by what a day is followed by: a separator ("5.4.2021", "6-7 May"),
#   or a space and a month, "of", "the", a range word, a digit or a unit; never as the head of
#   a grouped number ("1,000"). So "288", "12345", "1,000" and "45 suspects" are rejected.
_AFTER_THE = (
    "(?i:very|end|beginning|start|middle|close|early|latter|later|first|second|third|fourth"
    "|final|last|spring|summer|fall|autumn|winter)|[0-9]"
)
_AFTER_FROM = (
    f"[0-9]|(?i:the|end|beginning|start|middle|early|late|mid)(?![a-z])"
    f"|(?:{_trie(_MONTHS_CASED + _WEEKDAYS_CASED)})(?![a-z])"
)
_SHORTENED = {"the", "The", "THE", "a", "A", "an", "An", "AN", "from", "From", "FROM"}
_FIRST_REST = {w for words in _FIRST_WORDS.values() for w in words} - _SHORTENED - {"#"}
_AFTER_DAY = (
    f"(?:st|nd|rd|th|ST|ND|RD|TH)?(?:{_OS}[./&\\-\u2010-\u2014]|{_S}(?:[0-9]|"
    "(?i:of|the|to|and|through|thru|until|till|year|month|week|day|quarter|half)"
    f"|(?:{_trie(_MONTHS_CASED)})))"
)
_LEADS = (
    f"[0-9](?:[0-9][0-9][0-9](?![0-9])|[0-9]?(?![0-9])(?={_AFTER_DAY}))"
    f"|(?:{_trie(_FIRST_REST)})(?![a-z])"
    f"|(?i:the){_S}(?:{_AFTER_THE})"
    f"|(?i:an?){_S}(?i:year|month|week|day)"
    f"|(?:from|From|FROM){_S}(?:{_AFTER_FROM})"
)
_MASTER = re.compile(
    f"(?<!\\w)(?={_LEADS})"
    + "(?:"
    + "|".join(
        f"{_guard(_FIRST_WORDS[name])}(?=(?P<{name}>{_unnamed(src)}))"
        for name, src in _FAMILY_SOURCES.items()
    )
    + ")"
)
# The same scan entered only after a non-word character (which it consumes): the regex engine
# skips to those in C instead of testing the lookbehind at every character. ``_scan`` tries
# the first position on its own, where no such character precedes.
_MASTER_AFTER_GAP = re.compile("\\W" + _MASTER.pattern[len("(?<!\\w)") :])


def _scan(text: str, pos: int, stop: int) -> Iterator[re.Match[str]]:
    """What ``_MASTER.finditer(text, pos, stop)`` yields (a date can start at ``pos`` or
    right after a non-word character), about a quarter faster."""
    first = _MASTER.match(text, pos, stop)
    if first is not None:
        yield first
    yield from _MASTER_AFTER_GAP.finditer(text, pos, stop)


# ---------------------------------------------------------------------------------------------
# Parsing helpers
# ---------------------------------------------------------------------------------------------


def _first(groups: dict[str, str | None], letter: str) -> str | None:
    """The first non-empty group named ``letter`` + digits (m1, m2, ... are alternatives)."""
    for key, val in groups.items():
        if val is not None and key[:1] == letter and key[1:].isdigit():
            return val
    return None


def _month_num(token: str) -> int:
    """1-12 from a month name, abbreviation ("Sept.") or two-digit ISO month ("02")."""
    return int(token) if token.isdigit() else _MONTH_NUM[token.rstrip(".").lower()]


def _modifier(token: str | None) -> Modifier | None:
    """Map "late", "the end of", "mid", ... to HeidelTime's END/START/MID, lower-cased."""
    if not token:
        return None
    t = token.lower()
    if "mid" in t:
        return "mid"
    if t.startswith("late") or any(w in t for w in ("end", "close", "latter", "later")):
        return "end"
    return "start"


@dataclass(frozen=True, slots=True)
class _Point:
    year: int | None
    month: int | None
    day: int | None
    modifier: Modifier | None

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def key(self) -> tuple[int, int, int]:
        return (self.year or 0, self.month or 1, self.day or 1)


def _parse_point(text: str) -> _Point | None:
    """Year, month, day of one point ("Feb. 15, 2024", "late 2021", "May 2", "March")."""
    m = _POINT_RE.fullmatch(text)
    if m is None:
        return None
    gd = m.groupdict()
    y, mo, d = _first(gd, "y"), _first(gd, "m"), _first(gd, "d")
    first, second = _first(gd, "u"), _first(gd, "v")
    if first is not None and second is not None:  # numeric: "05.04.2022", "04/05/2022"
        numeric = _numeric_day_month(int(first), int(second), gd.get("u12") is not None)
        if numeric is None:
            return None
        d, mo = (str(n) for n in numeric)
    point = _Point(
        int(y) if y else None,
        _month_num(mo) if mo else None,
        int(d) if d else None,
        _modifier(gd.get("mod")),
    )
    if point.day is not None and not _valid_day(point.year or 2000, point.month or 1, point.day):
        return None
    return point


def _numeric_day_month(first: int, second: int, slashes: bool) -> tuple[int, int] | None:
    """(day, month) of a numeric date, or None when no reading has a month 1-12.

    Why: "04/05/2022" is April 5 on American pages (slashes) and "05.04.2022" is 5 April on
    European ones (dots, dashes). Where the usual order is impossible because a number above
    12 can only be the day ("25/12/2021", "07-20-2017"), the other order is the only reading.
    The day itself is checked against the calendar by the caller.
    """
    day, month = (second, first) if slashes else (first, second)
    if month > 12:
        day, month = month, day
    if not 1 <= month <= 12 or day < 1:
        return None
    return day, month


def _valid_day(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _iso_week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _resolve_month(month: int, qualifier: str | None, anchor: date) -> str:
    """Year of a month name without year, news mode (see the module docstring)."""
    q = " ".join((qualifier or "").lower().split())
    y = anchor.year
    if q == "last":
        y = y if month < anchor.month else y - 1
    elif q == "next":
        y = y if month > anchor.month else y + 1
    elif q != "this":  # bare, after a preposition, "this past"
        y = y if month <= anchor.month else y - 1
    return f"{y:04d}-{month:02d}"


def _resolve_partial(month: int, day: int, anchor: date) -> str | None:
    """The most recent month-day not after anchor + 7 days (skipping years without Feb 29)."""
    limit = anchor + timedelta(days=7)
    for y in range(limit.year, limit.year - 9, -1):
        if _valid_day(y, month, day) and date(y, month, day) <= limit:
            return date(y, month, day).isoformat()
    return None


def _resolve_weekday(weekday: int, qualifier: str | None, anchor: date) -> str:
    q = " ".join((qualifier or "").lower().split())
    if q == "next":
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return (anchor + timedelta(days=ahead)).isoformat()
    back = (anchor.weekday() - weekday) % 7
    if q == "last" and back == 0:
        back = 7
    return (anchor - timedelta(days=back)).isoformat()


# Words that put the date after them in the future: the announcement of a hearing, a
# sentencing, a trial. Read in the date's own sentence, before the date (bounded look-back).
_FUTURE_CUE = re.compile(
    r"(?i)\b(?:will|(?:is|are|was|were)\s+(?:set|scheduled|slated|due|expected)|"
    r"scheduled|slated|set\s+for|due\s+(?:to|in|on|back)|expected\s+to|faces?\s+sentencing|"
    r"upcoming|next\s+(?:hearing|court)|adjourned\s+(?:to|until)|remanded\s+until|"
    r"takes?\s+effect|comes?\s+into\s+(?:force|effect)|goes\s+into\s+effect|"
    r"enters?\s+into\s+force)\b"
)
_FUTURE_LOOKBACK = 80
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s+(?=[A-Z\"“‘(])|\n")


def _announces(text: str, start: int) -> bool:
    """True when the words before ``start`` in its sentence put the date in the future."""
    lo = max(0, start - _FUTURE_LOOKBACK)
    window = text[lo:start]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends:
        window = window[ends[-1]:]
    return _FUTURE_CUE.search(window) is not None


def _next_partial(month: int, day: int, anchor: date) -> str | None:
    """The first such month-day on or after the anchor (skipping years without Feb 29)."""
    for y in range(anchor.year, anchor.year + 9):
        if _valid_day(y, month, day) and date(y, month, day) >= anchor:
            return date(y, month, day).isoformat()
    return None


def _next_month(month: int, anchor: date) -> str:
    y = anchor.year if month >= anchor.month else anchor.year + 1
    return f"{y:04d}-{month:02d}"


def _next_weekday(weekday: int, anchor: date) -> str:
    return (anchor + timedelta(days=(weekday - anchor.weekday()) % 7)).isoformat()


def _season_start(year: int, code: str) -> int:
    """Month index (year * 12 + month - 1) of the first month of a named season."""
    first = _SEASON_FIRST_MONTH[code]
    return (year - 1) * 12 + first - 1 if code == "WI" else year * 12 + first - 1


def _resolve_season(code: str, qualifier: str, anchor: date) -> str:
    """The year of the season meant (see "Relative dates" in the module docstring)."""
    q = " ".join(qualifier.lower().split())
    here = anchor.year * 12 + anchor.month - 1
    # the start of the season that contains the anchor month
    current = max(
        _season_start(y, c) for y in (anchor.year, anchor.year + 1) for c in _SEASON_FIRST_MONTH
        if _season_start(y, c) <= here
    )
    options = [(_season_start(y, code), y) for y in range(anchor.year - 2, anchor.year + 3)]
    if q in ("last", "this past"):
        year = max((s, y) for s, y in options if s < current)[1]
    elif q == "next":
        year = min((s, y) for s, y in options if s > current)[1]
    else:  # "this", "earlier this", "later this": the nearest occurrence
        pos = here + (anchor.day - 1) / 31
        year = min(options, key=lambda sy: (abs(sy[0] + 1.5 - pos), sy[0]))[1]
    return f"{year:04d}"  # the season's year (a winter's is its January's)


def _resolve_unit(unit: str, shift: int, anchor: date) -> str:
    if unit == "year":
        return f"{anchor.year + shift:04d}"
    if unit == "month":
        y, m = _shift_month(anchor.year, anchor.month, shift)
        return f"{y:04d}-{m:02d}"
    if unit == "week":
        return _iso_week(anchor + timedelta(weeks=shift))
    return (anchor + timedelta(days=shift)).isoformat()


# ---------------------------------------------------------------------------------------------
# One handler per family: (text, anchor, match of the family regex) -> DateMatch fields
# ---------------------------------------------------------------------------------------------

_Fields = tuple[str | None, Modifier | None, bool, str]  # value, modifier, relative, expression
_Handler = Callable[[re.Match[str], date | None], "_Fields | None"]


def _h_interval(m: re.Match[str], anchor: date | None) -> _Fields | None:
    a, b = _parse_point(m.group("a")), _parse_point(m.group("b"))
    if a is None or b is None or b.year is None:
        return None
    if _names_a_thing(m.string, m.start(), m.end(), look_after=False):
        return None  # "Copyright 2014-2024", "Sections 2002 to 2005"
    if a.year is None:  # "from March to June 2021", "from November to February 2021"
        if a.month is None:
            return None
        late = b.month is not None and a.month > b.month
        a = _Point(b.year - 1 if late else b.year, a.month, a.day, a.modifier)
        if a.day is not None and not _valid_day(a.year or 0, a.month or 1, a.day):
            return None
    if a.key() >= b.key() or b.iso().startswith(a.iso()):
        return None  # backwards, or "2021 to June 2021": not a period
    return f"{a.iso()}/{b.iso()}", None, False, "interval"


def _h_dayrange(m: re.Match[str], anchor: date | None) -> _Fields | None:
    """Days of one month: "6-7 May 2017", "April 23 and 24, 2019", "between 23 and 24 April".

    Why "and" is stricter: "between 3 and 17 April" is a period, and so are two adjacent days
    ("on 6 and 7 May": a raid over a night), but "on 3 and 17 April" names two separate days,
    not the fortnight between them, so it is left to the single-date families.
    Without a year the first day is resolved like a partial date and the second shares its year.
    """
    mon = _month_num(m.group("m") or m.group("m2"))
    d1, d2 = int(m.group("d1") or m.group("d3")), int(m.group("d2") or m.group("d4"))
    if d1 >= d2:
        return None
    between = (m.group("pre") or "").lower() == "between"
    if (m.group("and1") or m.group("and2")) and not between and d2 != d1 + 1:
        return None
    year_text = m.group("y") or m.group("y2")
    if year_text:
        y = int(year_text)
        relative = False
    elif anchor is None:
        return (None, None, True, "interval") if _valid_day(2000, mon, d2) else None
    else:
        start = _resolve_partial(mon, d1, anchor)
        if start is None:
            return None
        y = int(start[:4])
        relative = True
    if not _valid_day(y, mon, d2):
        return None
    return f"{y:04d}-{mon:02d}-{d1:02d}/{y:04d}-{mon:02d}-{d2:02d}", None, relative, "interval"


def _h_absolute(m: re.Match[str], anchor: date | None) -> _Fields | None:
    p = _parse_point(m.group(0))
    if p is None or p.year is None or p.month is None:
        return None
    return p.iso(), p.modifier, False, "absolute-day" if p.day else "absolute-month"


def _h_quarter(m: re.Match[str], anchor: date | None) -> _Fields | None:
    y = m.group("y") or m.group("y2")
    code = m.group("code")
    if code:
        half, n = code[0] == "H", int(code[1])
    else:
        half = m.group("unit").lower() == "half"
        n = _ORDINALS[m.group("q").lower()] or (2 if half else 4)
    if half and n > 2:
        return None
    months = 6 if half else 3
    first, last = (n - 1) * months + 1, n * months
    return f"{y}-{first:02d}/{y}-{last:02d}", None, False, "half" if half else "quarter"


def _h_season(m: re.Match[str], anchor: date | None) -> _Fields | None:
    return m.group("y"), _modifier(m.group("mod")), False, "season"


def _h_decade(m: re.Match[str], anchor: date | None) -> _Fields | None:
    return m.group("dec")[:3], _modifier(m.group("mod")), False, "decade"


def _h_yrange(m: re.Match[str], anchor: date | None) -> _Fields | None:
    if _names_a_thing(m.string, m.start(), m.end()):  # "Copyright 2014-2024", "Act 1999-2000"
        return None
    y1, tail = int(m.group("y1")), m.group("y2")
    y2 = int(tail) if len(tail) == 4 else y1 // 100 * 100 + int(tail)
    if y2 <= y1 or y2 - y1 > 100:
        return None
    return f"{y1:04d}/{y2:04d}", None, False, "interval"


def _h_partial(m: re.Match[str], anchor: date | None) -> _Fields | None:
    """Month and day without year: the most recent, or in a relatively named year."""
    p = _parse_point(m.group("pt"))
    if p is None or p.month is None or p.day is None:
        return None
    if anchor is None:
        return None, None, True, "partial-date"
    if m.group("ry"):  # "5 May this year"
        y = anchor.year + _UNIT_SHIFT.get(m.group("ry").lower(), 0)
        if not _valid_day(y, p.month, p.day):
            return None
        return f"{y:04d}-{p.month:02d}-{p.day:02d}", None, True, "partial-date"
    if _announces(m.string, m.start()):
        return _next_partial(p.month, p.day, anchor), None, True, "partial-date"
    return _resolve_partial(p.month, p.day, anchor), None, True, "partial-date"


_UNIT_SHIFT = {"last": -1, "next": 1}


def _h_relunit(m: re.Match[str], anchor: date | None) -> _Fields | None:
    unit = m.group("unit").lower()
    q = " ".join(m.group("q").lower().split())
    value = _resolve_unit(unit, _UNIT_SHIFT.get(q, 0), anchor) if anchor else None
    return value, _modifier(m.group("mod")), True, f"relative-{unit}"


def _h_ago(m: re.Match[str], anchor: date | None) -> _Fields | None:
    unit = m.group("unit").lower()
    n_text = m.group("n").lower()
    n = _NUMBER_WORDS[n_text] if n_text in _NUMBER_WORDS else int(n_text)
    value = _resolve_unit(unit, -n, anchor) if anchor else None
    return value, None, True, f"relative-{unit}"


_DAY_SHIFT = {"today": 0, "yesterday": -1, "tomorrow": 1}


def _h_relday(m: re.Match[str], anchor: date | None) -> _Fields | None:
    shift = _DAY_SHIFT[m.group("w").lower()]
    value = (anchor + timedelta(days=shift)).isoformat() if anchor else None
    return value, None, True, "relative-day"


def _h_relseason(m: re.Match[str], anchor: date | None) -> _Fields | None:
    code = _SEASON_CODE[m.group("season").lower()]
    value = _resolve_season(code, m.group("q"), anchor) if anchor else None
    return value, _modifier(m.group("mod")), True, "relative-season"


def _h_relmonth(m: re.Match[str], anchor: date | None) -> _Fields | None:
    """A month without year ("in November", "last November", "in October last year")."""
    month = _month_num(m.group("m"))
    modifier = _modifier(m.group("mod"))
    if anchor is None:
        return None, modifier, True, "relative-month"
    if m.group("ry"):
        y = anchor.year + _UNIT_SHIFT.get(m.group("ry").lower(), 0)
        return f"{y:04d}-{month:02d}", modifier, True, "relative-month"
    qualifier = m.group("q") or m.group("q2")
    if qualifier is None and _announces(m.string, m.start()):
        return _next_month(month, anchor), modifier, True, "relative-month"
    return _resolve_month(month, qualifier, anchor), modifier, True, "relative-month"


def _h_relweekday(m: re.Match[str], anchor: date | None) -> _Fields | None:
    wd = _WEEKDAY_NUM[m.group("wd").lower()]
    if anchor is not None and m.group("q") is None and _announces(m.string, m.start()):
        return _next_weekday(wd, anchor), None, True, "relative-weekday"
    value = _resolve_weekday(wd, m.group("q"), anchor) if anchor else None
    return value, None, True, "relative-weekday"


def _h_year(m: re.Match[str], anchor: date | None) -> _Fields | None:
    """A bare year; after a temporal preposition ("in 2002") the year reading always wins."""
    if m.group("y2") and _names_a_thing(m.string, m.start("y2"), m.end("y2")):
        return None
    return m.group("y") or m.group("y2"), _modifier(m.group("mod")), False, "year"


_HANDLERS: dict[str, _Handler] = {
    "between": _h_interval,
    "fromto": _h_interval,
    "dayrange": _h_dayrange,
    "absolute": _h_absolute,
    "quarter": _h_quarter,
    "season": _h_season,
    "decade": _h_decade,
    "yrange": _h_yrange,
    "partial": _h_partial,
    "relunit": _h_relunit,
    "ago": _h_ago,
    "relday": _h_relday,
    "relseason": _h_relseason,
    "relmonth": _h_relmonth,
    "relweekday": _h_relweekday,
    "year": _h_year,
}
assert _HANDLERS.keys() == _FAMILY_SOURCES.keys()


# ---------------------------------------------------------------------------------------------
# The finder
# ---------------------------------------------------------------------------------------------


def _merge_zones(skip: list[tuple[int, int]] | None) -> tuple[list[int], list[int]]:
    """Sorted, merged skip zones as parallel start/end lists, for bisect look-ups."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(z for z in (skip or []) if z[1] > z[0]):
        if ends and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _overlaps(starts: list[int], ends: list[int], s: int, e: int) -> bool:
    i = bisect_right(starts, s)
    if i and ends[i - 1] > s:
        return True
    return i < len(starts) and starts[i] < e


def find_dates(
    text: str,
    anchor: date | None = None,
    skip: list[tuple[int, int]] | None = None,
    pos: int = 0,
    endpos: int | None = None,
) -> list[DateMatch]:
    """All date expressions in text, sorted by start, non-overlapping (longest wins).

    Matches that overlap a skip zone (boilerplate, a page-header date widget) are dropped.
    ``anchor`` is the article's date; relative expressions ("last November", "Tuesday",
    "earlier this year") are resolved against it, or returned with ``value=None`` without it.
    ``pos``/``endpos`` bound the search as for ``re.Pattern.finditer`` (context before
    ``pos`` is still seen), so one expression can be re-read against another anchor.
    """
    zone_starts, zone_ends = _merge_zones(skip)
    candidates: list[DateMatch] = []
    stop = len(text) if endpos is None else endpos
    for hit in _scan(text, pos, stop):
        family = hit.lastgroup
        if family is None:  # pragma: no cover - every branch is a named group
            continue
        start, end = hit.span(family)
        if zone_starts and _overlaps(zone_starts, zone_ends, start, end):
            continue
        m = _FAMILY_RE[family].match(text, start, stop)
        if m is None or m.end() != end:  # pragma: no cover - same pattern, same place
            continue
        fields = _HANDLERS[family](m, anchor)
        if fields is not None:
            candidates.append(DateMatch(start, end, text[start:end], *fields))

    # longest wins; on equal length the earlier start
    candidates.sort(key=lambda c: (c.start - c.end, c.start))
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    kept: list[DateMatch] = []
    for c in candidates:
        if _overlaps(taken_starts, taken_ends, c.start, c.end):
            continue
        i = bisect_right(taken_starts, c.start)
        taken_starts.insert(i, c.start)
        taken_ends.insert(i, c.end)
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


# ---------------------------------------------------------------------------------------------
# Narrative years
# ---------------------------------------------------------------------------------------------

# what sets a paragraph's year: a date with its month ("in May 2019") or a part of a year
# ("the summer of 2017"); a bare year is often a side remark ("the team, set up in 2018, ...
# at a May 2 press conference")
_YEAR_STATED = frozenset({"absolute-day", "absolute-month", "season", "quarter", "half"})


def _bare_month_day(text: str) -> tuple[int, int | None] | None:
    """(month, day) of a match that is only a month name, or a month and a day ("June",
    "Sept.", "June 5", "5 June"), else None."""
    words = text.replace(",", " ").split()
    if not 1 <= len(words) <= 2:
        return None
    months = [w for w in words if w.rstrip(".").lower() in _MONTH_NUM]
    if len(months) != 1:
        return None
    days = [w for w in words if w not in months]
    day = None
    if days:
        digits = days[0].lower().removesuffix("st").removesuffix("nd").removesuffix("rd")
        digits = digits.removesuffix("th")
        if not digits.isdigit():
            return None
        day = int(digits)
    return _MONTH_NUM[months[0].rstrip(".").lower()], day


def narrative_years(text: str, matches: list[DateMatch]) -> list[DateMatch]:
    """Yearless months and days read in the year their paragraph is telling of.

    Why: news resolve "in June" against the article's date, but a paragraph that has just
    said "in May 2017" goes on in 2017 ("Two years later, in May 2019, ... In June, the site
    was gone"), as HeidelTime's narrative mode reads a text. So a bare month ("in June") or
    month and day ("on June 5") takes the year of the latest full date (a month, season or
    quarter and its year) before it in the same paragraph (line); with none, or where the
    words before it announce something to come, it keeps the reading from the article's
    date. ``matches`` are in text order; the others are returned unchanged.
    """
    out: list[DateMatch] = []
    year: int | None = None
    line_end = -1
    for m in matches:
        if m.start > line_end:  # a new paragraph: nothing told yet
            year = None
            nl = text.find("\n", m.start)
            line_end = len(text) if nl < 0 else nl
        if m.expression in _YEAR_STATED and m.value and m.value[:4].isdigit():
            year = int(m.value[:4])
        elif (
            year is not None
            and m.expression in ("relative-month", "partial-date")
            and not _announces(text, m.start)  # "sentencing is set for Sept. 30": ahead
        ):
            parts = _bare_month_day(m.text)
            if parts is not None:
                month, day = parts
                if day is None:
                    m = replace(m, value=f"{year:04d}-{month:02d}")
                elif _valid_day(year, month, day):
                    m = replace(m, value=f"{year:04d}-{month:02d}-{day:02d}")
        out.append(m)
    return out
