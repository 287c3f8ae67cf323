"""Table-driven tests for ``takedown.normalize.dates``.

Each row marks the expected match inline with brackets, as edsnlp's tests do:
``"arrested in [November 2022]."`` means exactly one date is found and its text is
"November 2022". A row without brackets must yield no date at all. The table is the
specification of what the rules cover; read it before changing a pattern.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from takedown.normalize.dates import DateMatch, find_dates

TUE = date(2024, 6, 18)  # a Tuesday; the anchor of most relative rows
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"


class Case(NamedTuple):
    text: str  # the expected match in [brackets]; no brackets: nothing may match
    anchor: date | None
    value: str | None
    modifier: str | None = None
    expression: str | None = None  # checked when given


CASES: list[Case] = [
    # --- full dates: every month name and abbreviation, both orders, ISO, weekday-led --------
    Case("He was sentenced on [January 9, 2024].", None, "2024-01-09", None, "absolute-day"),
    Case("filed [Jan. 9, 2024] in court", None, "2024-01-09"),
    Case("On [February 15, 2024], Desnica received", None, "2024-02-15"),
    Case("[Feb. 15, 2024]", None, "2024-02-15"),
    Case("dated [Feb 15 2024] and signed", None, "2024-02-15"),
    Case("[15 February 2024]", None, "2024-02-15"),
    Case("[15 Feb 2024]", None, "2024-02-15"),
    Case("on [15th of February 2024]", None, "2024-02-15"),
    Case("on [the 15th of February, 2024]", None, "2024-02-15"),
    Case("[March 3, 2023]", None, "2023-03-03"),
    Case("[Mar. 3, 2023]", None, "2023-03-03"),
    Case("[April 12, 2022]", None, "2022-04-12"),
    Case("[Apr 12, 2022]", None, "2022-04-12"),
    Case("a press conference [May 2, 2023], in Washington", None, "2023-05-02"),
    Case("[MAY 2, 2023]", None, "2023-05-02"),
    Case("[June 18, 2024]", None, "2024-06-18"),
    Case("[Jun. 18, 2024]", None, "2024-06-18"),
    Case("[July 4, 2021]", None, "2021-07-04"),
    Case("[Jul 4, 2021]", None, "2021-07-04"),
    Case("[August 31, 2020]", None, "2020-08-31"),
    Case("[Aug. 31, 2020]", None, "2020-08-31"),
    Case("[September 28, 2020]", None, "2020-09-28"),
    Case("On Behalf of | [Sep 28, 2020] | Drug Trafficking |", None, "2020-09-28"),
    Case("[Sept. 28, 2020]", None, "2020-09-28"),
    Case("[Sept 28, 2020]", None, "2020-09-28"),
    Case("— [October 5, 2020]", None, "2020-10-05"),
    Case("[Oct. 5, 2020]", None, "2020-10-05"),
    Case("[November 30, 2022]", None, "2022-11-30"),
    Case("[Nov. 30, 2022]", None, "2022-11-30"),
    Case("[December 1, 2021]", None, "2021-12-01"),
    Case("[Dec. 1st, 2021]", None, "2021-12-01"),
    Case("[2024-02-15]", None, "2024-02-15"),
    Case("Posted on [2023/05/02]", None, "2023-05-02"),
    # --- numeric dates: dots and dashes D.M.Y, slashes M/D/Y; the other order when forced ------
    Case("[05.04.2022] | 16:40 | Updated 18:05", None, "2022-04-05", None, "absolute-day"),
    Case("News | National Unit | [20-07-2017] | 17:30", None, "2017-07-20"),
    Case("Stand: [3.2.2021].", None, "2021-02-03"),
    Case("Date:[29.02.2024]", None, "2024-02-29"),
    Case("filed on [04/05/2022] in", None, "2022-04-05"),
    Case("filed on [25/12/2021] in", None, "2021-12-25"),
    Case("dated [12/25/2021]", None, "2021-12-25"),
    Case("Published [07-20-2017]", None, "2017-07-20"),
    Case("[from 05.04.2022 to 07.04.2022]", None, "2022-04-05/2022-04-07", None, "interval"),
    Case("[Tuesday, June 18, 2024]", None, "2024-06-18"),
    Case("[Wed., June 19, 2024]", None, "2024-06-19"),
    Case("[Friday 13 March 2020]", None, "2020-03-13"),
    Case("Updated 10:32 AM EDT, [Tue May 2, 2023]", None, "2023-05-02"),
    Case("D-Day, [June 6, 1944]", None, "1944-06-06"),
    Case("[February 29, 2024] was a leap day", None, "2024-02-29"),
    # --- month and day without year: resolved from the anchor --------------------------------
    Case("at a [May 2] press conference", date(2023, 5, 10), "2023-05-02", None, "partial-date"),
    Case("at a [May 2] press conference", None, None, None, "partial-date"),
    Case("arrested on [December 20]", date(2024, 1, 5), "2023-12-20"),
    Case("a hearing set for [January 8]", date(2024, 1, 5), "2024-01-08"),
    Case("seized on [2 May]", date(2023, 6, 1), "2023-05-02"),
    Case("seized on [Monday, June 17]", TUE, "2024-06-17"),
    # --- month and year ----------------------------------------------------------------------
    Case("arrested in Austria in [November 2022].", None, "2022-11", None, "absolute-month"),
    Case("[Nov. 2022]", None, "2022-11"),
    Case("in [November of 2022]", None, "2022-11"),
    Case("in [November, 2022]", None, "2022-11"),
    Case("[Sept. 2019]", None, "2019-09"),
    Case("[JUNE 2023]", None, "2023-06"),
    Case("taken offline in [December 2021].", None, "2021-12"),
    Case("[May 1999]", None, "1999-05"),
    # --- years ------------------------------------------------------------------------------
    Case("Launched in [2019], Monopoly Market", None, "2019", None, "year"),
    Case("since [2018]", None, "2018"),
    Case("operations DisrupTor ([2020]) and", None, "2020"),
    Case("by [2021]", None, "2021"),
    Case("increased to 71,238 in [2021], up", None, "2021"),
    Case("the [2014] takedown of Silk Road 2.0", None, "2014"),
    Case("the team, created in [2018].", None, "2018"),
    Case("[1970]", None, "1970"),
    Case("[2039]", None, "2039"),
    Case("pre-[2019] levels", None, "2019"),
    Case("In [2020] people bought more online", None, "2020"),
    Case("In [2018] Ford recalled the trucks", None, "2018"),
    Case("the [2019] Law Enforcement Awards", None, "2019"),
    Case("[2018]'s record haul", None, "2018"),
    Case("the report ([2018]) said", None, "2018"),
    Case("Hydra launched in [2015] and", None, "2015"),
    # --- vague modifiers --------------------------------------------------------------------
    Case("The operation began in [late 2021].", None, "2021", "end"),
    Case("[Late 2021]", None, "2021", "end"),
    Case("[early 2020]", None, "2020", "start"),
    Case("[mid-2019]", None, "2019", "mid"),
    Case("[mid 2019]", None, "2019", "mid"),
    Case("in [the middle of 2019]", None, "2019", "mid"),
    Case("by [the end of 2022]", None, "2022", "end"),
    Case("[the beginning of 2021]", None, "2021", "start"),
    Case("[the start of 2021]", None, "2021", "start"),
    Case("[the close of 2020]", None, "2020", "end"),
    Case("in [late November 2022]", None, "2022-11", "end", "absolute-month"),
    Case("in [early-2020]", None, "2020", "start"),
    # --- periods ----------------------------------------------------------------------------
    Case("died [between 1999 and 2020], according", None, "1999/2020", None, "interval"),
    Case("[from 2011 to 2013]", None, "2011/2013"),
    Case("[2011-2013]", None, "2011/2013"),
    Case("[2011–13]", None, "2011/2013"),
    Case("the [2019/20] fiscal year", None, "2019/2020"),
    Case("[2019 through 2021]", None, "2019/2021"),
    Case("[from March to June 2021]", None, "2021-03/2021-06"),
    Case("[March–June 2021]", None, "2021-03/2021-06"),
    Case("[from November to February 2021]", None, "2020-11/2021-02"),
    Case("[between November 2022 and June 2023]", None, "2022-11/2023-06"),
    Case("[May 2–5, 2023]", None, "2023-05-02/2023-05-05"),
    Case("[18-19 June 2024]", None, "2024-06-18/2024-06-19"),
    Case("[from late 2021 to early 2023]", None, "2021/2023"),
    Case("[from May 2 to May 5, 2023]", None, "2023-05-02/2023-05-05"),
    Case("[from 2019 to June 2021]", None, "2019/2021-06"),
    Case("[30 April to 2 May 2017]", None, "2017-04-30/2017-05-02"),
    Case("[April 30-May 2, 2019]", None, "2019-04-30/2019-05-02"),
    # --- day ranges in one month --------------------------------------------------------------
    Case("[6 to 7 May 2017]", None, "2017-05-06/2017-05-07", None, "interval"),
    Case("on the night of [6 to 7 May 2017]", None, "2017-05-06/2017-05-07"),
    Case("the night of [6/7 May 2017]", None, "2017-05-06/2017-05-07"),
    Case("On [6 and 7 May 2017], he moved", None, "2017-05-06/2017-05-07"),
    Case("[6 & 7 May 2017]", None, "2017-05-06/2017-05-07"),
    Case("on [the 6th and 7th of May 2017]", None, "2017-05-06/2017-05-07"),
    Case("[from 6 to 9 May 2017]", None, "2017-05-06/2017-05-09"),
    Case("detained on [April 23 and 24, 2019] in", None, "2019-04-23/2019-04-24"),
    Case("[April 23-24, 2019]", None, "2019-04-23/2019-04-24"),
    Case("[Sept. 3 to 5, 2021]", None, "2021-09-03/2021-09-05"),
    Case("[between 23 and 24 April 2019]", None, "2019-04-23/2019-04-24"),
    Case("[between 3 and 17 April 2019]", None, "2019-04-03/2019-04-17"),
    Case("on 3 and [17 April 2019]", None, "2019-04-17", None, "absolute-day"),
    Case("detained on [April 23 and 24] in", date(2019, 5, 3), "2019-04-23/2019-04-24", None,
         "interval"),
    Case("raids on [6-7 May]", date(2017, 5, 10), "2017-05-06/2017-05-07"),
    Case("detained on [April 23 and 24] in", None, None, None, "interval"),
    Case("between 6 and 31 [April 2019]", None, "2019-04", None, "absolute-month"),
    # --- quarters, halves, seasons, decades -------------------------------------------------
    Case("in [the first quarter of 2021]", None, "2021-01/2021-03", None, "quarter"),
    Case("[Q3 2022]", None, "2022-07/2022-09"),
    Case("[H1 2023]", None, "2023-01/2023-06", None, "half"),
    Case("[the last quarter of 2020]", None, "2020-10/2020-12"),
    Case("in [the second half of 2020]", None, "2020-07/2020-12", None, "half"),
    Case("[spring 2021]", None, "2021", None, "season"),
    Case("in [the summer of 2020]", None, "2020"),
    Case("[autumn 2019]", None, "2019"),
    Case("[Fall 2019]", None, "2019"),
    Case("[winter 2022]", None, "2022"),
    Case("in the [late 1990s]", None, "199", "end", "decade"),
    Case("in the [2010s]", None, "201", None, "decade"),
    # --- relative days (anchor: Tuesday 18 June 2024) ----------------------------------------
    Case("[today]", TUE, "2024-06-18", None, "relative-day"),
    Case("[Today]'s announcement", TUE, "2024-06-18"),
    Case("[yesterday]", TUE, "2024-06-17"),
    Case("[tomorrow]", TUE, "2024-06-19"),
    Case("announced [yesterday]", None, None, None, "relative-day"),
    # --- every weekday: most recent on or before the anchor ----------------------------------
    Case("arrested on [Monday]", TUE, "2024-06-17", None, "relative-weekday"),
    Case("announced [Tuesday]", TUE, "2024-06-18"),
    Case("on [Wednesday]", TUE, "2024-06-12"),
    Case("on [Thursday]", TUE, "2024-06-13"),
    Case("on [Friday]", TUE, "2024-06-14"),
    Case("on [Saturday]", TUE, "2024-06-15"),
    Case("on [Sunday]", TUE, "2024-06-16"),
    Case("[last Tuesday]", TUE, "2024-06-11"),
    Case("[this Tuesday]", TUE, "2024-06-18"),
    Case("The FBI said [Thursday] that 288 people", TUE, "2024-06-13"),
    Case("[last Friday]", TUE, "2024-06-14"),
    Case("[this past Sunday]", TUE, "2024-06-16"),
    Case("[next Monday]", TUE, "2024-06-24"),
    Case("[next Tuesday]", TUE, "2024-06-25"),
    Case("on [Tuesday]", None, None, None, "relative-weekday"),
    # --- month names without year ------------------------------------------------------------
    Case("In one case [last November], a man", TUE, "2023-11", None, "relative-month"),
    Case("He was sentenced in [December] to 16 years", TUE, "2023-12"),
    Case("in [May]", TUE, "2024-05"),
    Case("in [June]", TUE, "2024-06"),
    Case("[last June]", TUE, "2023-06"),
    Case("[next March]", TUE, "2025-03"),
    Case("[this November]", TUE, "2024-11"),
    Case("in [early December]", TUE, "2023-12", "start"),
    Case("since [mid-March]", TUE, "2024-03", "mid"),
    Case("in [December]", date(2024, 1, 10), "2023-12"),
    Case("[last November]", date(2023, 11, 20), "2022-11"),
    Case("in [November]", date(2023, 11, 20), "2023-11"),
    Case("In one case [last November], a man", None, None, None, "relative-month"),
    # --- years, months, weeks relative to the anchor -----------------------------------------
    Case("[last year]", TUE, "2023", None, "relative-year"),
    Case("[this year]'s operation", TUE, "2024"),
    Case("[earlier this year]", TUE, "2024"),
    Case("efforts made [earlier in the year].", date(2020, 9, 28), "2020", None, "relative-year"),
    Case("[next year]", TUE, "2025"),
    Case("[later this year]", TUE, "2024"),
    Case("[earlier this month]", TUE, "2024-06", None, "relative-month"),
    Case("until [the end of December]", TUE, "2023-12", "end", "relative-month"),
    Case("[late last year]", TUE, "2023", "end"),
    Case("[early this year]", TUE, "2024", "start"),
    Case("[last month]", TUE, "2024-05", None, "relative-month"),
    Case("[this month]", TUE, "2024-06"),
    Case("[last month]", date(2024, 1, 3), "2023-12"),
    Case("[last week]", TUE, "2024-W24", None, "relative-week"),
    Case("[this week]", TUE, "2024-W25"),
    Case("[last week]", date(2021, 1, 4), "2020-W53"),
    Case("[two years ago]", TUE, "2022", None, "relative-year"),
    Case("closed in [October last year].", date(2014, 11, 7), "2013-10", None, "relative-month"),
    Case("in [January this year]", TUE, "2024-01"),
    Case("in [October of last year]", TUE, "2023-10"),
    Case("[early March next year]", TUE, "2025-03", "start"),
    Case("on [5 May this year]", TUE, "2024-05-05", None, "partial-date"),
    Case("in [October last year]", None, None, None, "relative-month"),
    Case("[three months ago]", TUE, "2024-03"),
    Case("[a week ago]", TUE, "2024-W24"),
    Case("[5 days ago]", TUE, "2024-06-13", None, "relative-day"),
    # --- announced dates: the words before put them ahead of the anchor ---------------------
    Case("Sentencing is set for [Sept. 30].", TUE, "2024-09-30", None, "partial-date"),
    Case("He pleaded guilty on [Sept. 30].", TUE, "2023-09-30", None, "partial-date"),
    Case("The trial is scheduled to begin [May 2].", TUE, "2025-05-02", None, "partial-date"),
    Case("The hearing will take place on [June 18].", TUE, "2024-06-18", None, "partial-date"),
    Case("He will be sentenced in [August].", TUE, "2024-08", None, "relative-month"),
    Case("He faces sentencing in [July].", TUE, "2024-07", None, "relative-month"),
    Case("He pleaded guilty in [August].", TUE, "2023-08", None, "relative-month"),
    Case("He was arrested in [March].", TUE, "2024-03", None, "relative-month"),
    Case("She is due in court on [Monday].", TUE, "2024-06-24", None, "relative-weekday"),
    Case("She is due in court on [Tuesday].", TUE, "2024-06-18", None, "relative-weekday"),
    Case("Police searched the flat on [Monday].", TUE, "2024-06-17", None, "relative-weekday"),
    Case("The law takes effect on [April 1st].", date(2024, 2, 29), "2024-04-01"),
    # a cue in the sentence before does not reach across a full stop
    Case("He will appeal. Police searched the flat on [Monday].", TUE, "2024-06-17"),
    Case("He will be sentenced in [August]", None, None, None, "relative-month"),
    # --- seasons (the year; a winter is its January's) ----------------------------
    Case("In one operation [last fall], investigators", TUE, "2023", None, "relative-season"),
    Case("an effort [this spring] called", TUE, "2024"),
    Case("[last summer]", TUE, "2023"),
    Case("[last winter]", TUE, "2024"),
    Case("[last spring]", TUE, "2024"),
    Case("[next winter]", TUE, "2025"),
    Case("[this fall]", TUE, "2024"),
    Case("[last spring]", date(2024, 4, 15), "2023"),
    Case("[this winter]", date(2023, 12, 20), "2024"),
    Case("[late last summer]", TUE, "2023", "end"),
    Case("an effort [this spring] called", None, None, None, "relative-season"),
    # --- not dates ----------------------------------------------------------------------------
    Case("sentenced to 14 years in prison", TUE, None),
    Case("actions that took place over the past 1.5 years", TUE, None),
    Case("for three months", TUE, None),
    Case("a 36-year-old Los Angeles man", TUE, None),
    Case("at 10:30 a.m. local time", TUE, None),
    Case("open 24/7", TUE, None),
    Case("call 555-2020 or (202) 514-2007", TUE, None),
    Case("version 2.2019 and build 2019.5", TUE, None),
    Case("The 21st century has ushered in", TUE, None),
    Case("during the COVID-19 pandemic", TUE, None),
    Case("paid $2021 in cash, €2019 and £2018", TUE, None),
    Case("seized 2,000 pills and 12019 tablets", TUE, None),
    Case("seized 2021 kg of cocaine and 2021 pills", TUE, None),
    Case("2020 people were arrested", TUE, None),
    Case("up 2021% on", TUE, None),
    Case("in 1969 and 2040", TUE, None),
    Case("case No. 2019 and #2020", TUE, None),
    Case("they may march on May Day", TUE, None),
    Case("May the best team win", TUE, None),
    Case("in the past year and over the last month", TUE, None),
    Case("the next year, the market closed", TUE, None),
    Case("this weekend", TUE, None),
    Case("Black Friday sales", TUE, None),
    Case("USA Today reported", TUE, None),
    Case("The Sunday Times and the Mail on Sunday reported", TUE, None),
    Case("this fall in overdose deaths", TUE, None),
    Case("a dinner at Mar-a-Lago", TUE, None),
    Case("4 Min Read", TUE, None),
    Case("seized 1,875 pounds of pills", TUE, None),
    Case("a few years ago", TUE, None),
    Case("Over 27 Years Of Criminal Defense Experience", TUE, None),
    # numbers that look like numeric dates
    Case("on 31.02.2022 and 29.02.2023", TUE, None),
    Case("codes 13/13/2022 and 00.04.2022", TUE, None),
    Case("serial 1.05.04.2022 and 05.04.2022.7", TUE, None),
    Case("version 1.12.2019, v2.10.2020 and build 3.11.2021", TUE, None),
    Case("servers at 192.168.10.20 and 10.12.20.1", TUE, None),
    Case("call 0800-12-10-2019 or 555.12.10.2019", TUE, None),
    Case("on 05.04.22 at", TUE, None),
    # four digits that name a thing, not a time
    Case("under Section 2002 of the code and § 2019", TUE, None),
    Case("the 2002 Act and the Proceeds of Crime Act 2002 (Cth)", TUE, None),
    Case("the USA PATRIOT Act of 2001 and the 2018 Regulations", TUE, None),
    Case("under the NDPS Act, 1985, possession is an offence", TUE, None),
    Case("The Act, passed in [1985], changed little.", TUE, "1985"),
    Case("a Toyota model 2006 and a 2018 model", TUE, None),
    Case("a stolen 2018 Ferrari 488 Spider and a 2019 Ford F-150", TUE, None),
    Case("a 2017 Range Rover and a 2016 Mercedes-Benz", TUE, None),
    Case("lives at 2002 Elm Street, offices at 1999 N. Main St.", TUE, None),
    Case("call +1 202 514 2018 or 202-514-2018", TUE, None),
    Case("Room 2019, Suite 2020", TUE, None),
    Case("© 2022 All rights reserved", TUE, None),
    Case("Copyright 2014-2024 Reuters; (c) 2021; ©2014–2024", TUE, None),
    Case("2018 people were charged", TUE, None),
]


def _unmark(marked: str) -> tuple[str, tuple[int, int] | None]:
    if "[" not in marked:
        return marked, None
    start = marked.index("[")
    end = marked.index("]") - 1
    return marked.replace("[", "", 1).replace("]", "", 1), (start, end)


@pytest.mark.parametrize("case", CASES, ids=[c.text for c in CASES])
def test_table(case: Case) -> None:
    text, span = _unmark(case.text)
    found = find_dates(text, case.anchor)
    if span is None:
        assert found == [], f"no date expected in {text!r}, found {found}"
        return
    assert len(found) == 1, f"one date expected in {text!r}, found {found}"
    m = found[0]
    assert (m.start, m.end) == span, f"span {m.text!r} != {text[span[0]:span[1]]!r}"
    assert m.text == text[m.start : m.end]
    assert m.value == case.value
    assert m.modifier == case.modifier
    if case.expression is not None:
        assert m.expression == case.expression
    if case.anchor is None and m.relative:
        assert m.value is None


def test_table_is_large_and_covers_every_month_and_weekday() -> None:
    assert len(CASES) >= 90
    body = " ".join(c.text for c in CASES)
    for word in ("January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December", "Jan.", "Feb.", "Mar.",
                 "Apr ", "Jun.", "Jul ", "Aug.", "Sep ", "Sept.", "Oct.", "Nov.", "Dec.",
                 "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        assert word in body, word


def test_relative_flag() -> None:
    found = find_dates("In late 2021 and last November, then May 2, 2023.", TUE)
    assert [(m.text, m.relative) for m in found] == [
        ("late 2021", False),
        ("last November", True),
        ("May 2, 2023", False),
    ]


def test_several_dates_sorted_and_longest_wins() -> None:
    text = (
        "Desnica was arrested in Austria in November 2022. He was extradited in June 2023. "
        "In November 2023, he pleaded guilty; on February 15, 2024, he was sentenced. "
        "Deaths rose between 1999 and 2020, from 2011 to 2013 most of all."
    )
    found = find_dates(text)
    assert [m.value for m in found] == [
        "2022-11", "2023-06", "2023-11", "2024-02-15", "1999/2020", "2011/2013",
    ]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_skip_zones_drop_overlapping_matches() -> None:
    text = "Tuesday, June 18, 2024\n90 F\nThe operation began in late 2021."
    assert [m.value for m in find_dates(text, skip=[(0, 22)])] == ["2021"]
    # zones are applied before "longest wins": the part of a date clear of a zone survives
    assert [m.text for m in find_dates(text, skip=[(5, 6), (40, 200)])] == ["June 18, 2024"]
    assert [m.value for m in find_dates(text, skip=[(0, 200)])] == []
    assert [m.value for m in find_dates(text, skip=[])] == ["2024-06-18", "2021"]


def test_invalid_calendar_dates_are_not_days() -> None:
    assert [m.value for m in find_dates("February 30, 2023")] != ["2023-02-30"]
    assert find_dates("on February 29", date(2023, 3, 1))[0].value == "2020-02-29"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([
            "May", "2", "2021", ",", " ", "  ", "-", "–", "late", "last", "in", "between", "and",
            "from", "to", "Tuesday", "June", "18", "the", "end", "of", "spring", "1999", "\n",
            "Sept.", "15th", "today", "ago", "two", "years", "(", ")", "$", "kg", "Q1", "s",
        ]),
        max_size=40,
    ).map("".join),
    st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))),
)
def test_invariants_on_any_text(text: str, anchor: date | None) -> None:
    found = find_dates(text, anchor)
    last_end = -1
    for m in found:
        assert isinstance(m, DateMatch)
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end  # sorted, non-overlapping
        last_end = m.end
        assert m.modifier in (None, "start", "mid", "end")
        if anchor is None and m.relative:
            assert m.value is None
        if not m.relative:
            assert m.value is not None


ADVERSARIAL = {
    "digits": "1" * 100_000,
    "commas": "," * 100_000,
    "spaces": " " * 100_000,
    "capitals": "A" * 100_000,
    "may": "May " * 25_000,
    "digit-commas": "1," * 50_000,
    "digit-spaces": "1 " * 50_000,
    "digit-dashes": "1-" * 50_000,
    "years": "2019 " * 20_000,
    "year-dashes": "2019-" * 20_000,
    "month-then-spaces": "May" + " " * 100_000 + "2",
    "weekday-then-spaces": "Tuesday" + " " * 100_000,
    "between": "between 2019 and " * 6_000,
    "the-end-of": "the end of " * 9_000,
    "mixed": "Tuesday, June 18 , ,2024 -- 12 May May 1999-2020 " * 2_000,
    "numeric-dots": "05.04." * 17_000,
    "numeric-slashes": "1/2/" * 25_000,
    "numeric-dates": "05.04.2022-" * 9_000,
    "day-and": "6 and " * 17_000,
    "day-ranges": "between 6 to 7 and " * 6_000,
    "month-relative-year": "May of last " * 9_000,
    "section-years": "Section 2002 Act " * 6_000,
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_input_finishes(name: str) -> None:
    """Catastrophic backtracking would not finish: pytest-timeout is the safety net here,
    not a speed target (speed is measured by the benchmark, never asserted in tests)."""
    text = ADVERSARIAL[name][:100_000]
    found = find_dates(text, TUE)
    assert all(text[m.start : m.end] == m.text for m in found)


def _seed_articles() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.mark.skipif(not _seed_articles(), reason="shared seed corpus not present")
def test_seed_corpus_gold_dates_are_found() -> None:
    """Every gold date value of the seed articles is found; extras are reported, not failed.

    The anchor is the byline date ``find_published`` gives, as the pipeline does, and header
    date widgets are passed as skip zones.
    """
    from takedown.normalize.published import find_published, widget_dates

    report: list[str] = []
    missing: list[str] = []
    for path in _seed_articles():
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        published = find_published(text)
        anchor = date.fromisoformat(published.value) if published and published.value else None
        skip = [(w.start, w.end) for w in widget_dates(text)]
        found = find_dates(text, anchor, skip)
        values = {m.value for m in found}
        gold_values = {d["value"] for d in gold.get("dates", [])}
        missing += [f"{path.name}: {v}" for v in sorted(gold_values - values)]
        extras = [f"{m.text!r}={m.value}" for m in found if m.value and m.value not in gold_values]
        unresolved = [m.text for m in found if m.value is None]
        report.append(f"{path.name}: extras {extras}, unresolved {unresolved}")
    print("\n".join(report))
    assert not missing, missing


def _reference_master() -> re.Pattern[str]:
    """The scan without the "the ..." shortcut: every first word of every family."""
    from takedown.normalize import dates as d

    first = d._guard(w for words in d._FIRST_WORDS.values() for w in words)
    families = "|".join(
        f"{d._guard(d._FIRST_WORDS[name])}(?=(?P<{name}>{d._unnamed(src)}))"
        for name, src in d._FAMILY_SOURCES.items()
    )
    return re.compile(f"(?<!\\w){first}(?:{families})")


_REFERENCE = _reference_master()


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from([
            "the", "The", "THE", " ", "  ", "\u00a0", "\t", "\n", "very", "Very", "end", "END",
            "of", "beginning", "start", "middle", "close", "early", "latter", "later", "part",
            "first", "final", "last", "4th", "15th", "spring", "Winter", "AUTUMN", "fall",
            "quarter", "2021", "March", "other", "then", "them", "-", ",", "x", "half", "of",
            "3", "15", "1999", "1990s", ".", "(", "/", "and", "to", "between", "ago", "years",
            "May", "Tue.", "today", "last", "in", "Q1", "#", "$", "288", "1,000", "12345",
            "1", "31", "from", "From", "a", "A", "an", "year", "days", "ago", "2021,", "Friday",
            "Fri", "mid-", "1st", "&", "45", "people", "5.4.2021", "6-7", "/", "through", "OF",
            "th",
        ]),
        max_size=30,
    ).map("".join)
)
def test_master_scan_shortcut_changes_nothing(text: str) -> None:
    from takedown.normalize.dates import _MASTER, _scan

    expected = [(m.start(), m.lastgroup) for m in _REFERENCE.finditer(text)]
    assert [(m.start(), m.lastgroup) for m in _MASTER.finditer(text)] == expected
    # the scan entered after non-word characters, on the whole text and on a window of it
    # (its matches start at that character: the date starts where the family's group does)
    assert _starts(_scan(text, 0, len(text))) == expected
    lo, hi = len(text) // 3, len(text) - len(text) // 4
    window = [(m.start(), m.lastgroup) for m in _REFERENCE.finditer(text, lo, hi)]
    assert _starts(_scan(text, lo, hi)) == window


def _starts(hits: Iterable[re.Match[str]]) -> list[tuple[int, str | None]]:
    return [(m.start(m.lastgroup or 0), m.lastgroup) for m in hits]


def _narrative(text: str, anchor: date | None) -> list[tuple[str, str | None]]:
    from takedown.normalize.dates import narrative_years

    return [(m.text, m.value) for m in narrative_years(text, find_dates(text, anchor))]


def test_a_paragraph_goes_on_in_the_year_it_tells_of() -> None:
    text = "Two years later, in May 2019, police seized it. In June, the site was gone. On June 5 "
    text += "the admin was arrested.\nPolice said the vendor was arrested in March."
    assert _narrative(text, TUE) == [
        ("May 2019", "2019-05"),
        ("June", "2019-06"),
        ("June 5", "2019-06-05"),
        ("March", "2024-03"),  # a new paragraph: the article's date again
    ]


def test_a_season_sets_the_year_and_a_bare_year_does_not() -> None:
    assert _narrative("In the summer of 2017, police took over the market in June.", TUE) == [
        ("the summer of 2017", "2017"),
        ("June", "2017-06"),
    ]
    # "set up in 2018" is a side remark; the press conference is the article's
    assert _narrative("The team, set up in 2018, spoke at a May 2 press conference.", TUE) == [
        ("2018", "2018"),
        ("May 2", "2024-05-02"),
    ]


def test_announced_dates_and_qualified_months_keep_their_reading() -> None:
    text = "He was arrested in May 2023. Sentencing is set for Sept. 30. Last June he fled."
    assert _narrative(text, TUE) == [
        ("May 2023", "2023-05"),
        ("Sept. 30", "2024-09-30"),
        ("Last June", "2023-06"),
    ]


def test_without_an_article_date_the_paragraph_still_gives_the_year() -> None:
    assert _narrative("Police struck in May 2019. In June, the site was gone.", None) == [
        ("May 2019", "2019-05"),
        ("June", "2019-06"),
    ]
