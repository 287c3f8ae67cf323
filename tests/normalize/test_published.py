"""Tests for ``takedown.normalize.published``: byline dates versus widgets and prose.

Each row is the top of a scraped page and the publication date expected from it (``None``: the
page states none). The rows are variations on how real pages lay out a byline; they are not
copied from the seed articles, which are checked separately at the end.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from takedown.normalize.published import HEAD_CHARS, find_published, widget_dates

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"
BODY = (
    "Police in three countries arrested 40 people in a coordinated action against darknet "
    "vendors, officials said.\n"
)

ROWS: list[tuple[str, str, str | None]] = [
    # (name, page top, expected ISO day)
    ("dash byline", "Legal News\n\nDOJ Takes Down Network\n\n— October 5, 2020\n\n" + BODY,
     "2020-10-05"),
    ("pipe byline", "Dealers targeted in sting\n\nOn Behalf of | Sep 28, 2020 | Drug Crimes |\n\n"
     + BODY, "2020-09-28"),
    ("published colon", "Headline here\nPublished: 15 Feb 2024\n" + BODY, "2024-02-15"),
    ("by author pipe", "Headline here\nBy Jane Doe | March 3, 2023\n" + BODY, "2023-03-03"),
    ("posted on iso", "Headline here\nPosted on 2023-05-02\n" + BODY, "2023-05-02"),
    ("updated only", "Headline here\nUpdated May 3, 2023\n" + BODY, "2023-05-03"),
    ("date colon", "Headline here\nDate: 2021-11-30\n" + BODY, "2021-11-30"),
    ("by author comma", "Headline here\nBy JANE DOE and John Roe, \nApril 7, 2022\n" + BODY,
     "2022-04-07"),
    ("own line under headline", "Market seized\nMay 2, 2023\n\n" + BODY, "2023-05-02"),
    ("date with time", "Market seized\nOctober 5, 2020 at 10:32 am\n" + BODY, "2020-10-05"),
    ("time zone", "Market seized\nFeb 15, 2024 10:32 AM ET\n" + BODY, "2024-02-15"),
    ("published beats updated", "Headline\nUpdated May 3, 2023 | Published May 2, 2023\n" + BODY,
     "2023-05-02"),
    ("published weekday-led", "Headline\nPublished: Tuesday, June 18, 2024\n" + BODY,
     "2024-06-18"),
    ("weekday-led own line without furniture", "Headline\n\nTuesday, June 18, 2024\n\n" + BODY,
     "2024-06-18"),
    ("widget then byline", "loader image\n\nTuesday, June 18, 2024\n90 F\n- Advertisement -\n\n"
     "Headline\nBy Jane Doe | June 17, 2024\n" + BODY, "2024-06-17"),
    ("cue then clock", "Headline\nUpdated 10:32 AM EDT, Tue May 2, 2023\n" + BODY, "2023-05-02"),
    ("dateline", "Headline\nWASHINGTON, May 2, 2023 — The Justice Department announced today "
     "that 288 people were arrested worldwide in an operation against darknet vendors of "
     "fentanyl and other opioids.\n", "2023-05-02"),
    ("wire slash", "Headline\nSep 28, 2020 /PRNewswire/ -- A new report\n", "2020-09-28"),
    # ranks: published cue < "By <Name>" < bare or separator date < updated
    ("by-line beats header bar", "Saturday, September 27, 2025\n\nHeadline\n\n"
     "By Staff | Sep 26, 2025\n\n" + BODY, "2025-09-26"),
    ("by-line beats dash date", "Headline\n— October 5, 2020\nBy Jane Doe, Reuters | "
     "October 4, 2020\n" + BODY, "2020-10-04"),
    ("by line below the date", "September 27, 2025\n\nHeadline\n3 May 2019 – 17:45 CEST\n"
     "By Tech and Security Staff\n\n" + BODY, "2019-05-03"),
    ("by line above the date", "September 27, 2025\n\nHeadline\nBy our Europe correspondent\n"
     "Dec 3, 2024 · 4 min read\n\n" + BODY, "2024-12-03"),
    ("published beats by-line", "Headline\nBy Jane Doe | May 1, 2023\nPublished: May 2, 2023\n"
     + BODY, "2023-05-02"),
    ("by-line beats updated", "Headline\nUpdated May 3, 2023\nBy Jane Doe | May 2, 2023\n"
     + BODY, "2023-05-02"),
    ("header bar over nav bar", "Saturday, September 27, 2025\nCANADA | ONTARIO | CRIME\n\n"
     "- Advertisement -\n\nHeadline\n\nBy Staff | Sep 26, 2025\n\n" + BODY, "2025-09-26"),
    # a time after the byline date
    ("dot time GMT", "Headline\n\nFriday 7 November 2014 13.05 GMT\n\n" + BODY, "2014-11-07"),
    ("pipe clock", "Headline\nMay 2, 2023 | 16:40\n" + BODY, "2023-05-02"),
    ("comma p.m. ET", "Headline\nMay 2, 2023, 4:05 p.m. ET\n" + BODY, "2023-05-02"),
    ("clock BST", "Headline\n2 May 2023 10:30 BST\n" + BODY, "2023-05-02"),
    ("by-line pipe clock", "Headline\nBy Staff | Sep 26, 2025 | 17:30\n" + BODY, "2025-09-26"),
    # numeric byline dates
    ("numeric dots", "Headline\n\n05.04.2022 | 16:40 | Updated 18:05\n\n" + BODY,
     "2022-04-05"),
    ("numeric dashes after nav", "Home > News > National Unit\n\nNews | National Unit | "
     "20-07-2017 | 17:30\n\nHeadline\n" + BODY, "2017-07-20"),
    ("numeric slashes", "Headline\nPosted 04/05/2022\n" + BODY, "2022-04-05"),
    ("numeric beside weather widget", "Wednesday, 6 April 2022 | Frankfurt 9°C\nHeadline\n\n"
     "05.04.2022 | 16:40\n\n" + BODY, "2022-04-05"),
    ("written by on", "Headline\nWritten by Staff Writer on 05/02/2023\n" + BODY, "2023-05-02"),
    ("posted by admin on", "Headline\nPosted by admin on 12th January 2022\n" + BODY,
     "2022-01-12"),
    ("iso timestamp", "Headline\n2023-05-02T10:15:00Z\n" + BODY, "2023-05-02"),
    ("iso timestamp offset", "Headline\nPublished 2023-05-02T10:15:00+02:00\n" + BODY,
     "2023-05-02"),
    ("date set off by blanks", "Headline\nNews release\n\nMarch 28, 2024          Vancouver, "
     "British Columbia          Canada Border Services Agency\n\n" + BODY, "2024-03-28"),
    ("press release stamp", "Headline\nPress release 17.10.2024 10.00\n\n" + BODY, "2024-10-17"),
    # not bylines
    ("widget over nav bar", "Saturday, September 27, 2025\nCANADA | ONTARIO | CRIME\n\n"
     "Headline\n" + BODY, None),
    ("dot number after date", "Headline\nMay 2, 2023 12.50 euros were found on one suspect.\n",
     None),
    ("by-line in prose", "Headline\nBy Tuesday, police had seized the servers on May 2, 2023, "
     "in Germany.\n", None),
    ("widget with weather", "loader image\n- Advertisement -\n\nTuesday, June 18, 2024\n90 F\n"
     "- Advertisement -\n\nSweep Targets Markets\n\n" + BODY, None),
    ("widget with advert", "- Advertisement -\nMonday, May 1, 2023\n\nHeadline\n" + BODY, None),
    ("widget weather same line", "Menu\nJune 18, 2024 | 72°F Sunny\nHeadline\n" + BODY, None),
    ("widget clock", "Wed, Jan. 10, 2024\n10:32 AM\nHeadline\n" + BODY, None),
    ("prose opening", "Headline\nOn May 2, 2023, police arrested 288 people in nine countries.\n",
     None),
    ("prose at line start", "Headline\nMay 2, 2023, was a bad day for darknet vendors.\n", None),
    ("by in prose", "Headline\nBy the time police arrived on May 2, 2023, the site was gone.\n",
     None),
    ("published in prose", "Headline\nThe report was published on May 2, 2023, by Europol.\n",
     None),
    ("dash in prose", "Headline\nArrests followed — May 2, 2023 — in nine countries, as police "
     "moved in on vendors who had sold fentanyl and methamphetamine to thousands of buyers "
     "across Europe and the US.\n", None),
    ("month precision only", "Headline\nPublished: May 2023\n" + BODY, None),
    ("beyond the head", "Headline\n" + BODY * 20 + "\n— October 5, 2020\n", None),
    ("no date", "Headline\n" + BODY, None),
    ("written by in prose", "Headline\nThe letter was written by Jane Doe on May 2, 2023, and "
     "sent to the court.\n", None),
]


@pytest.mark.parametrize(("name", "page", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_byline_rows(name: str, page: str, expected: str | None) -> None:
    found = find_published(page)
    if expected is None:
        assert found is None, f"{name}: {found}"
        return
    assert found is not None, name
    assert found.value == expected
    assert found.expression == "absolute-day"
    assert page[found.start : found.end] == found.text


def test_rows_cover_enough_variants() -> None:
    assert len(ROWS) >= 12
    assert len(BODY * 20) > HEAD_CHARS


def test_widget_dates_are_reported_for_skipping() -> None:
    page = "loader image\n\nTuesday, June 18, 2024\n90 F\n\nHeadline\n" + BODY
    widgets = widget_dates(page)
    assert [w.text for w in widgets] == ["Tuesday, June 18, 2024"]
    assert widget_dates("Headline\nBy Jane Doe | June 17, 2024\n" + BODY) == []


def test_an_update_stamp_beside_the_byline_is_skipped_as_furniture() -> None:
    page = "Headline\nUpdated May 21, 2024 at 3:12 p.m. UTC | Published May 20, 2024\n" + BODY
    assert find_published(page).text == "May 20, 2024"  # type: ignore[union-attr]
    assert [w.text for w in widget_dates(page)] == ["May 21, 2024"]
    # the only date of the page head: it is the publication date, and no widget
    only = "Headline\nUpdated May 21, 2024\n" + BODY
    assert find_published(only).text == "May 21, 2024"  # type: ignore[union-attr]
    assert widget_dates(only) == []


def _seed_articles() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.mark.skipif(not _seed_articles(), reason="shared seed corpus not present")
@pytest.mark.parametrize("path", _seed_articles(), ids=lambda p: p.name)
def test_seed_corpus_published(path: Path) -> None:
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    found = find_published(path.read_text(encoding="utf-8"))
    assert (found.value if found else None) == gold["published"]
