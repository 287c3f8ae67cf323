"""The entities stage's fast paths give exactly what the straightforward code gave.

Each shortcut (a literal found with ``str.find`` before the regex, a run pattern that no
longer returns lone words, a word set tested before a title regex) is compared here with
the plain version it replaced, on generated texts built from the words that matter.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from takedown.normalize import abbreviations, names
from takedown.normalize.intervals import Occupied
from takedown.normalize.layout import Layout, analyze_layout
from takedown.normalize.scan import NOT_AFTER_WORD, finditer_guarded
from takedown.pipeline import entities
from takedown.pipeline.common import default_furniture

ARTICLES = sorted(Path(__file__).parents[2].joinpath("data", "articles").glob("*.txt"))

# -- the straightforward versions -------------------------------------------------------------

_OLD_NAME_RUN = re.compile(
    rf"{names._CAP_WORD}(?:[ \t]+(?:[{names._UP}]\.|{names._CAP_WORD}|U\.S\.|[A-Z]{{2,5}}"
    rf"|{names._PARTICLES}(?=[ \t]+[{names._UP}{names._LO}]))){{0,7}}"
    r"(?:,?[ \t]+(?:Jr\.|Sr\.|III|II|IV)\b)?"
)


def _find_persons_reference(text: str, layout: Layout) -> list[names.NameCandidate]:
    """find_persons as it was before its shortcuts."""
    out: list[names.NameCandidate] = []
    shared_title_at = -1  # a title before "A and B" covers B
    for m in finditer_guarded(_OLD_NAME_RUN, names._NAME_RUN_GUARD, text):
        s, e = m.span()
        run = m.group(0)
        if " " not in run and "\t" not in run:
            continue
        titled = s == shared_title_at
        last = None
        for t in names._TITLE_IN_RUN.finditer(run):
            last = t
        if last is not None:
            titled = True
            s += last.end()
        tokens = text[s:e].split()
        while tokens and tokens[0] in names._NOT_NAME_START:
            s = text.index(tokens[1], s) if len(tokens) > 1 else e
            tokens = tokens[1:]
        run_end = e
        while len(tokens) > 2 and tokens[-1] in names._HONOURS:
            e = text.rindex(tokens[-1], s, e)
            e = len(text[:e].rstrip(" \t,"))
            tokens = tokens[:-1]
        left = text[max(0, s - 80) : s]
        before = names._word_before(text, s, max(0, s - 80))
        context_word = before is not None and before[0].rstrip(",") in names._CONTEXT_LAST_WORDS
        if names._DISTRICT_BEFORE.search(left) and len(tokens) >= 3:
            drop = 1 if len(tokens) == 3 or names._INITIAL.match(tokens[2]) else 2
            if len(tokens) - drop >= 2:
                s = text.index(tokens[drop], s + len(tokens[0]))
                tokens = tokens[drop:]
                titled = True
        if len(tokens) < 2 or len(tokens) > 5 or names._ACRONYM_START.fullmatch(tokens[0]):
            continue
        if not (
            titled
            or (context_word and names._LEFT_CONTEXT.search(left))
            or names._RIGHT_CONTEXT.match(text, run_end)
        ):
            continue
        if layout.in_zone(s, e):
            continue
        out.append(names.NameCandidate("person", s, e, text[s:e], "person-context"))
        if titled:
            joined = re.compile(r"[ \t]+and[ \t]+(?=[A-Z])").match(text, e)
            shared_title_at = joined.end() if joined else -1
    return out


# -- generated texts ----------------------------------------------------------------------

PERSON_PIECES = [" ", " ", "  ", "\t", "\n", ", ", "according to", *"., ' ’ - ( )".split()] + (
    "said says told the The of van de Jr. Sr. III U.S. FBI DEA J. A. John Smith Jean-Luc McCabe "
    "O'Brien Érik Müller Director General Detective Superintendent Special Agent in Charge Dr. "
    "Dr Mr Sgt. Attorney District Maryland New York Acting Chief Inspector was sentenced "
    "arrested who a citizen spokesman Police Europol Executive Catherine Bolle Erek L. Barron "
    "Hello xYz Abc Jane Roe Minister Judge Commissioner Prosecutor 20"
).split()
person_texts = st.lists(st.sampled_from(PERSON_PIECES), max_size=40).map(" ".join) | st.lists(
    st.sampled_from(PERSON_PIECES), max_size=40
).map("".join)


def _layout(text: str) -> Layout:
    return analyze_layout(text, default_furniture())


def _spans(cands: list[names.NameCandidate]) -> list[tuple[int, int, str, str]]:
    return [(c.start, c.end, c.text, c.rule) for c in cands]


@settings(max_examples=600, deadline=None)
@given(person_texts)
def test_find_persons_as_before(text: str) -> None:
    layout = _layout(text)
    assert _spans(names.find_persons(text, layout)) == _spans(_find_persons_reference(text, layout))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_find_persons_as_before_on_articles(path: Path) -> None:
    text = path.read_text()
    layout = _layout(text)
    assert _spans(names.find_persons(text, layout)) == _spans(_find_persons_reference(text, layout))


@settings(max_examples=600, deadline=None)
@given(person_texts)
def test_a_run_with_a_title_holds_a_title_word(text: str) -> None:
    """The word-set test before _TITLE_IN_RUN never skips a run the regex would match."""
    for m in finditer_guarded(_OLD_NAME_RUN, names._NAME_RUN_GUARD, text):
        if names._TITLE_IN_RUN.search(m.group(0)):
            assert not names._TITLE_WORDS.isdisjoint(m.group(0).split())


LITERAL_PIECES = [
    " ",
    "\t",
    '"',
    "“",
    "'",
    *(
        "a o O . - _ peration Operation operation Tor xTor SpecTor DarkHunTor Market Marketplace "
        "Project BIONIC Hydra 1 é called code code- named codenamed known as dubbed shop store "
        "market "
        "marketplace forum site platform Xyz"
    ).split(),
]
LITERAL_SCANS = [
    (names._OPERATION, (("peration", 1),), NOT_AFTER_WORD),
    (names._TOR_TAIL, (("Tor", 1),), None),
    (names._MARKET_HEAD_WORD, (("Market", 0),), NOT_AFTER_WORD),
    (names._PROJECT, (("Project", 0),), NOT_AFTER_WORD),
    (names._CALLED, names._CALLED_ANCHORS, NOT_AFTER_WORD),
    (names._QUOTED_MARKET, names._QUOTED_MARKET_ANCHORS, NOT_AFTER_WORD),
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LITERAL_PIECES), max_size=30).map("".join))
@pytest.mark.parametrize(("rx", "anchors", "guard"), LITERAL_SCANS)
def test_literal_scan_as_finditer(
    rx: re.Pattern[str],
    anchors: tuple[tuple[str, int], ...],
    guard: re.Pattern[str] | None,
    text: str,
) -> None:
    full = re.compile((guard.pattern if guard else "") + "(?:" + rx.pattern + ")")
    expected = [(m.span(), m.groupdict()) for m in full.finditer(text)]
    got = [
        (m.span(), m.groupdict())
        for m in names._finditer_at_literals(rx, anchors, text, guard=guard)
    ]
    assert got == expected


WORD_PIECES = [" ", "\t", *"- _ a D d disrup tor Tor disruptor FBI xFBI FBI- é 1".split()]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORD_PIECES), max_size=30).map("".join))
@pytest.mark.parametrize("word", ["disruptor", "FBI", "d"])
def test_cached_word_patterns_as_the_inline_ones(word: str, text: str) -> None:
    """The acronym and recurrence scans, compiled once and guarded, as they were inline."""
    guard = entities._NOT_AFTER_WORD_OR_HYPHEN
    bare = rf"(?<![\w-]){re.escape(word)}(?![\w-])"
    flexible = r"[ \t]?".join(re.escape(ch) for ch in word)
    spaced = rf"(?<![\w-]){flexible}(?![\w-])"
    for fast, plain in (
        (entities._bare_word_pattern(word), bare),
        (entities._spaced_word_pattern(word), spaced),
    ):
        got = [m.span() for m in finditer_guarded(fast, guard, text)]
        assert got == [m.span() for m in re.finditer(plain, text)]


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="ABCDEab1&.-", min_size=1, max_size=8),
    st.lists(st.sampled_from("of the and Cyber Enabled Crime Team Agency Bureau x 9a".split())),
)
def test_shortest_initials_tail_as_every_tail_tried(short: str, tokens: list[str]) -> None:
    expected = next(
        (k for k in range(1, len(tokens) + 1) if abbreviations._initials_match(short, tokens[-k:])),
        None,
    )
    assert abbreviations._shortest_initials_tail(short, tokens) == expected


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8)), max_size=30))
def test_disjoint_ranges_answer_as_occupied(ranges: list[tuple[int, int]]) -> None:
    """_select's index of kept ranges: the same keep/skip decisions as Occupied."""
    fast, plain = entities._DisjointRanges(), Occupied()
    for start, length in ranges:
        end = start + length
        assert fast.overlaps(start, end) == plain.overlaps(start, end)
        if not plain.overlaps(start, end):
            fast.add(start, end)
            plain.add(start, end)


# -- the gazetteer's one matcher ----------------------------------------------------------


@pytest.fixture(scope="module")
def recognizer() -> entities.EntityRecognizer:
    from takedown import Extractor

    return Extractor().nlp.get_pipe("takedown_entities")


@pytest.fixture(scope="module")
def three_matchers(recognizer: entities.EntityRecognizer) -> list[PhraseMatcher]:
    """The gazetteer's matchers as they were: exact forms (ORTH), longer names (LOWER),
    anaphors (ORTH), one key per entry."""
    out = []
    for kind, attr in (("orth", "ORTH"), ("lower", "LOWER"), ("anaphor", "ORTH")):
        matcher = PhraseMatcher(recognizer.nlp.vocab, attr=attr)
        by_idx: dict[int, set[str]] = {}
        for form, idx in recognizer.surfaces[kind]:
            by_idx.setdefault(idx, set()).add(form)
        for idx, forms in by_idx.items():
            matcher.add(str(idx), list(recognizer.nlp.tokenizer.pipe(sorted(forms))))
        out.append(matcher)
    return out


def _three_matchers_hits(matchers: list[PhraseMatcher], doc: Doc) -> tuple[list, list, list]:
    """_gazetteer_hits as the three matchers found them."""
    out: list[list[tuple[int, int, int, int]]] = []
    for matcher in matchers:
        hits = []
        for mid, s, e in matcher(doc):
            cs, ce = entities._char_offsets(doc, s, e)
            hits.append((cs, ce, int(doc.vocab.strings[mid]), e - s))
        out.append(sorted(hits))
    anaphors: dict[tuple[int, int], list[int]] = {}
    for cs, ce, idx, _ in out[2]:
        anaphors.setdefault((cs, ce), []).append(idx)
    return out[0], out[1], sorted((cs, ce, tuple(ids)) for (cs, ce), ids in anaphors.items())


GAZETTEER_PIECES = [" ", "  ", "\n", ".", ",", "'s", "’s", "(", ")", "-"] + (
    "FBI fbi Fbi DEA dea ICE ice Ice US us Us U.S. u.s. the The Bureau bureau Federal federal "
    "of Investigation investigation Attorney attorney Attorney's attorney's Office office Chad "
    "chad Turkey turkey Hydra hydra Market AlphaBay alphabay Alphabay LKA lka Europol EUROPOL "
    "Met met Department department Justice justice National Crime Agency agency DisrupTor "
    "SpecTor spector J-CODE j-code Silk Road 2.0 Germany GERMANY German Dutch"
).split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(GAZETTEER_PIECES), max_size=40))
def test_one_matcher_finds_what_three_found(
    recognizer: entities.EntityRecognizer, three_matchers: list[PhraseMatcher], pieces: list[str]
) -> None:
    for text in (" ".join(pieces), "".join(pieces)):
        doc = recognizer.nlp.make_doc(text)
        assert recognizer._gazetteer_hits(doc) == _three_matchers_hits(three_matchers, doc)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_one_matcher_finds_what_three_found_on_articles(
    recognizer: entities.EntityRecognizer, three_matchers: list[PhraseMatcher], path: Path
) -> None:
    doc = recognizer.nlp.make_doc(path.read_text())
    assert recognizer._gazetteer_hits(doc) == _three_matchers_hits(three_matchers, doc)
