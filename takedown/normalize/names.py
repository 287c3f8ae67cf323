"""General name patterns for what no gazetteer lists.

Each finder reads the shape of how news name things: "Operation X", camel-case "-Tor"
operation names, agency head nouns ("... Unit", "Bureau of ..."), "X Market" in darknet
context, and people introduced by a title, a speech verb or an appositive. They return
plain candidates with offsets; the entities component decides overlaps and links forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from takedown.normalize.layout import Layout
from takedown.normalize.scan import NOT_AFTER_WORD, finditer_guarded

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĘĚĞŁŃŇŐŘŚŠŞŢŤŰŹŻŽ"
_LO = "a-zß-öø-ÿāăąćčďđęěğłńňőřśšşţťűźżž"
# "McCabe", "MacDonald", "O'Brien", "Jean-Luc": capitals inside a name are part of it
_CAP_WORD = rf"[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)?(?:[-'’][{_UP}][{_LO}]+)?"
_PARTICLES = r"(?:van|de|der|den|von|da|di|del|du|la|le|dos|das|ter|ten|bin|al|el)"
_NAME = (
    rf"(?P<name>{_CAP_WORD}"
    rf"(?:[ \t]+(?:[{_UP}]\.|{_CAP_WORD}|{_PARTICLES}(?=[ \t]+[{_UP}{_LO}]))){{1,3}}"
    r"(?:,?[ \t]+(?:Jr\.|Sr\.|III|II|IV))?)"
)
_TITLES = (
    r"(?:(?:Acting|Deputy|Assistant|Associate|Executive|Special|Senior|Chief|Principal|Former|"
    r"Interim|U\.S\.|United[ \t]+States|District|Federal|Magistrate|Circuit|Public|Lead|"
    r"Supervisory|Detective|Police|Regional|National|Attorney|[A-Z]{2,5})[ \t]+){0,3}"
    r"(?:(?:Director|Inspector|Secretary|Solicitor|Attorney|Surgeon)[ \t]+General|Director|"
    r"Attorneys?|Administrator|Commissioner|Superintendent|"
    r"Inspectors?|Detectives?|Sheriff|Judges?|Justice|Minister|Secretary|Prosecutors?|"
    r"Spokesperson|Spokesman|Spokeswoman|President|Senator|Governor|Mayor|Commander|Agents?|"
    r"Officers?|Sergeant|"
    r"Lieutenant|Captain|Constable|Chief|Head|Leader|Commissar|Dr\.?|Mr\.?|Ms\.?|Mrs\.?|"
    r"Prof\.|Insp\.?|Supt\.?|Det\.?|Sgt\.?|Cpl\.?|Cst\.?|Const\.?|Lt\.|Capt\.|Cmdr\.?|"
    r"Gen\.|Snr|Sr\.|Defendant|Co-defendant|Suspect|Miss|"
    # roles that stand before a name like titles ("Courier Tyler Quinn, 24, ...")
    r"Courier|Dealer|Vendor|Driver|Ringleader|Kingpin|Mastermind|Accomplice|Boss|Student|"
    r"Businessman|Businesswoman|Accountant|Chemist|Pharmacist|Nurse|Teacher|Father|Mother|"
    r"Agent[ \t]+in[ \t]+Charge|Special[ \t]+Agent[ \t]+in[ \t]+Charge)"
)
_ROLE_WORDS = (
    r"citizen|national|resident|man|woman|former|supervisory|special|agent|spokesperson|"
    r"spokesman|spokeswoman|director|leader|founder|administrator|operator|vendor|member|"
    r"detective|prosecutor|officer|judge|chief|head|deputy|senior|attorney|lawyer|defendant|"
    r"suspect|programmer|developer|team|co-founder|moderator|partner|professor|researcher|"
    r"analyst|expert|assistant|executive|commander|inspector|superintendent|fugitive|"
    r"trafficker|dealer|courier|ringleader|accomplice|kingpin|mastermind|boss"
)

# the scans below are written without their leading "\b" or lookbehind and run through
# ``finditer_guarded`` (see normalize/scan.py): the engine then skips to each candidate
_OPERATION = re.compile(
    rf"[Oo]peration[ \t]+[\"“‘']?(?P<name>[{_UP}0-9][\w’'-]*"
    rf"(?:[ \t]+(?:[{_UP}][\w’'-]*|[IVX]+\b|\d+\b)){{0,2}})"
)
_CALLED = re.compile(
    rf"(?:called|dubbed|named|code-?named|codenamed|known[ \t]+as)[ \t]+[\"“‘']?"
    rf"(?P<name>[{_UP}][\w’'-]+)"
)
# a literal in every match of _CALLED and where it stands from the match's start
_CALLED_ANCHORS = (
    ("called", 0),
    ("dubbed", 0),
    ("named", 0),
    ("named", 4),
    ("named", 5),
    ("known", 0),
)
# Canadian forces name operations "Project BIONIC": only an all-capitals name counts, so
# "the Tor Project" or "Project Safe Neighborhoods" stay out.
_PROJECT = re.compile(r"Project[ \t]+(?P<name>[A-Z][A-Z0-9-]{2,}(?:[ \t]+[A-Z][A-Z0-9-]{2,})?)\b")
# JCODE's naming habit: a camel-case word ending in a capital "Tor" (SpecTor, DarkHunTor).
_TOR_NAME = re.compile(r"\b(?P<name>[A-Z][a-z]+(?:[A-Z][a-z]+)*[a-z]Tor)\b")

_AGENCY_HEADS = (
    r"Department|Dept\.|Bureau|Agency|Police|Service|Services|Unit|Task[ \t]+Force|Taskforce|"
    r"Office|Administration|Team|Division|Directorate|Command|Squad|Section|Center|Centre|"
    r"Court|Commission|Ministry|Authority|Gendarmerie|Constabulary|Inspectorate|Guard|"
    r"Prosecution|Prosecutor['’]s[ \t]+Office|Customs|Force|Marshals|Coast[ \t]+Guard"
)
_HEAD = re.compile(rf"(?P<head>{_AGENCY_HEADS})\b")  # guard: NOT_AFTER_WORD
# Heads that take an "of/for ..." complement as part of the name ("Bureau of Investigation",
# "Attorney's Office for the Central District of California", "Court for the ...").
_HEAD_FIRST = re.compile(
    r"(?:Department|Dept\.|Bureau|Office|Ministry|Directorate|Division|Court|Commission|Agency)$"
)
_TAIL = re.compile(
    rf"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?:(?:{_CAP_WORD}|[A-Z]{{2,}}|U\.S\.)"
    rf"(?:[ \t]*,?[ \t]+(?:and|of|&)[ \t]+|[ \t]+(?=[{_UP}]))?){{1,6}}"
)
# "Public Prosecutor General's Office in Frankfurt am Main"
_IN_PLACE = re.compile(
    rf"[ \t]+in[ \t]+{_CAP_WORD}(?:[ \t]+(?:am|an[ \t]+der|upon|on|sur)?[ \t]*{_CAP_WORD}){{0,2}}"
)
# "Special Agent in Charge of the DEA Detroit Field Division": a title, then the body
_TITLE_BEFORE_OF = frozenset(
    "Charge Director Chief Head Commissioner Secretary Minister Administrator Inspector "
    "Superintendent Commander Attorney Prosecutor Spokesperson Spokesman Spokeswoman "
    # people of a body, capitalised only because they open the sentence: "Officers of the
    # Vancouver Police Department arrested ..." names the department, not "Officers of ..."
    "Officers Officer Members Member Agents Agent Detectives Investigators Officials "
    "Prosecutors Analysts Experts Staff Employees Representatives Colleagues Partners "
    "Leaders Teams Units Forces".split()
)
# connectors left dangling at a name's end ("... Office for the"); a blank run is entered
# only at its start, so a long run of blanks is read once, not from every position
_DANGLING = re.compile(r"(?:(?<![ \t])[ \t]+(?:of|and|for|the|&))+$")
_CONNECTORS = frozenset({"of", "and", "for", "&", "the", "de"})
_KEEP_POSSESSIVE = frozenset(
    {"attorney", "prosecutor", "general", "sheriff", "marshal", "people", "children", "marshals"}
)
_NOT_NAME_START = frozenset(
    "The A An This That These Those Its Their His Her Our In On At For From By With During After "
    "Before When While As And But Or If Both Each Every Other Several Many Some Such Today "
    "Yesterday Overseas Meanwhile However Also Although Because Since Under Over Through".split()
)
_MARKET_HEAD_WORD = re.compile(r"Market(?:place)?\b")  # guard: NOT_AFTER_WORD
_LISTED_MARKETS = re.compile(
    r"(?:markets|marketplaces)[ \t]*,?[ \t]+(?:including|such[ \t]+as|like|namely)[ \t]+"
)
_LIST_ITEM = re.compile(
    rf"[ \t]*(?:,[ \t]*)?(?:(?:and|or)[ \t]+)?(?P<n>{_CAP_WORD}(?:[ \t]+{_CAP_WORD})?)"
)
_LIST_GLUE = re.compile(r"[ \t]*(?:,|and\b|or\b)")
# 'the shop "Shiny Flakes"', 'a marketplace called “Nexus”': a quoted name after the noun
_QUOTED_MARKET = re.compile(
    r"(?:shop|store|marketplace|market|forum|site|platform)[ \t]+(?:(?:called|named|"
    r"known[ \t]+as|dubbed)[ \t]+)?[\"“‘'](?P<name>[A-Z0-9][\w .&!-]{1,38}?)[\"”’']"
)
_QUOTED_MARKET_ANCHORS = tuple(
    (word, 0) for word in ("shop", "store", "market", "forum", "site", "platform")
)
_MARKET_NAME_WORD = re.compile(rf"[{_UP}0-9][\w’'.!-]*")
_GENERIC_MARKET_WORDS = frozenset(
    "the a an this that its their dark darknet darkweb web online illegal illicit underground "
    "drug drugs stock single common digital free global european russian largest biggest black "
    "crypto internet hidden criminal anonymous major new old former another popular leading "
    "second third first top vendor tor onion".split()
)
_DARK_CONTEXT = re.compile(r"dark[ \t-]?(?:net|web)|\bTor\b|onion|hidden service", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NameCandidate:
    label: str  # operation, marketplace, agency, person
    start: int
    end: int
    text: str
    rule: str


_ACRONYM_WORD = re.compile(r"[A-Z]{2,}|U\.S\.|U\.K\.|[A-Z]\.")
_LINE_WORD = re.compile(r"[A-Za-z][\w'’-]*")


_HEADLINE_MAX = 300


def _title_case_line(text: str, pos: int) -> bool:
    """Headlines in Title Case make every phrase look like a name: patterns stay out."""
    ls = text.rfind("\n", max(0, pos - _HEADLINE_MAX), pos) + 1
    le = text.find("\n", pos, pos + _HEADLINE_MAX)
    if ls == 0 and pos >= _HEADLINE_MAX or le < 0 and pos + _HEADLINE_MAX < len(text):
        return False  # a line this long is prose, not a headline
    line = text[ls : le if le >= 0 else len(text)]
    if line.rstrip().endswith((".", "!", "?", "”", '"', ",")):
        return False  # a sentence, however many capitals it has
    words = [w for w in _LINE_WORD.findall(line) if len(w) > 3]
    if len(words) < 5:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) > 0.7


_TOR_TAIL = re.compile(r"[a-z]Tor\b")


def _finditer_at_literals(
    rx: re.Pattern[str],
    anchors: tuple[tuple[str, int], ...],
    text: str,
    guard: re.Pattern[str] | None = NOT_AFTER_WORD,
) -> Iterator[re.Match[str]]:
    """``finditer_guarded(rx, guard, text)`` (or ``rx.finditer(text)`` without a guard) for a
    pattern each of whose matches holds one of the ``anchors``' literals that many
    characters after its start ("[Oo]peration ...": ("peration", 1)).

    Why: ``re`` skips ahead only to a pattern's possible first characters, so "[Oo]peration"
    is entered at every "o" of the article, "[a-z]Tor" at every lower-case letter and
    "(?:called|dubbed|...)" at every c, d, n and k. ``str.find`` jumps from one occurrence
    of a rare literal to the next instead. Every start where a match is possible is tried,
    in order, and the scan resumes after each match as ``finditer`` does: the matches are
    exactly the same.
    """
    starts: set[int] = set()
    for literal, offset in anchors:
        i = text.find(literal, offset)
        while i >= 0:
            starts.add(i - offset)
            i = text.find(literal, i + 1)
    pos = 0
    for start in sorted(starts):
        if start < pos or (guard is not None and guard.match(text, start) is None):
            continue
        m = rx.match(text, start)
        if m is not None:
            yield m
            pos = max(m.end(), start + 1)


def _tor_names(text: str) -> list[re.Match[str]]:
    """Camel-case "-Tor" names, found from their rare tail rather than at every capital."""
    out: list[re.Match[str]] = []
    last = -1
    for tail in _finditer_at_literals(_TOR_TAIL, (("Tor", 1),), text, guard=None):
        start = tail.start()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        if start <= last:
            continue
        m = _TOR_NAME.match(text, start)
        if m is not None and m.end() == tail.end():
            out.append(m)
            last = m.end()
    return out


def find_operations(text: str, layout: Layout) -> list[NameCandidate]:
    out: list[NameCandidate] = []
    # each pattern needs a literal that most texts lack: test for it before scanning
    operation = "peration" in text
    for m in _finditer_at_literals(_OPERATION, (("peration", 1),), text) if operation else ():
        s, e = m.span("name")
        name = m.group("name")
        camel = bool(re.search(r"[a-z][A-Z]", name))
        if layout.in_zone(s, e) or (_title_case_line(text, s) and not camel):
            continue
        # a capitalised word before "Operation" makes it part of a longer title
        before = text[max(0, m.start() - 30) : m.start()].rstrip()
        prev = re.search(r"([A-Za-z]+)$", before)
        if (
            prev
            and prev.group(1)[0].isupper()
            and not before.endswith((".", ":", "\n"))
            and prev.group(1) not in _NOT_NAME_START
            and not camel
        ):
            continue
        # drop trailing words that start the next clause ("Operation SpecTor The ...")
        words = name.split()
        while len(words) > 1 and words[-1] in _NOT_NAME_START:
            words.pop()
        name = " ".join(words)
        out.append(NameCandidate("operation", s, s + len(name), name, "operation-keyword"))
    for m in _finditer_at_literals(_PROJECT, (("Project", 0),), text):
        s, e = m.span("name")
        if not layout.in_zone(s, e):
            out.append(NameCandidate("operation", s, e, m.group("name"), "project-keyword"))
    for m in _tor_names(text) if "Tor" in text else ():
        s, e = m.span("name")
        if not layout.in_zone(s, e):
            out.append(NameCandidate("operation", s, e, m.group("name"), "camel-tor"))
    for m in _finditer_at_literals(_CALLED, _CALLED_ANCHORS, text) if operation else ():
        s, e = m.span("name")
        sent = layout.sentence_of(s)
        context = text[sent[0] : sent[1]].lower()
        name = m.group("name")
        if "operation" in context and re.search(r"[a-z][A-Z]|^[A-Z]{2,}$", name):
            if not layout.in_zone(s, e):
                out.append(NameCandidate("operation", s, e, name, "operation-called"))
    return out


def _word_before(text: str, pos: int, line_start: int) -> tuple[str, int] | None:
    """The word before ``pos`` (separated from it by spaces) and where it starts."""
    lo = max(line_start, pos - 48)
    j = pos
    while j > lo and text[j - 1] in " \t":
        j -= 1
    if j == pos or j <= lo:
        return None
    i = max(text.rfind(" ", lo, j), text.rfind("\t", lo, j), text.rfind("\n", lo, j)) + 1
    i = max(i, lo)
    return (text[i:j], i) if i < j else None


@lru_cache(maxsize=1 << 14)
def _is_name_word(word: str) -> bool:
    """A word that can sit inside a body's name: capitalised, an acronym, "U.S.", or a
    hyphenated compound whose every part is capitalised ("Zeeland-West", not "AFP-led").

    Cached: the words before head nouns ("Justice", "National", "the") recur in every
    article."""
    if _ACRONYM_WORD.fullmatch(word):
        return True
    if word.endswith(".") and word not in {"Dept.", "St.", "Ft.", "Mt."}:
        return False  # "Eurojust." ends a sentence
    parts = word.split("-")
    return all(p[:1].isupper() and not p.isupper() or re.fullmatch(r"[A-Z]{2,}", p) for p in parts)


def _expand_left(text: str, head_start: int, line_start: int) -> int:
    """Walk back over capitalised words and connectors to the start of the name.

    Connectors ("of", "and", "for", "&") join capitalised words but never a finished name
    to another ("... Brabant Unit and the Central Netherlands Unit" is two names); "the"
    is only inside a name after "of"/"for" ("Office of the Inspector General").
    """
    pos = head_start
    start = head_start
    for _ in range(12):  # no body's name is longer; bounds the walk on any input
        if pos <= line_start or text[pos - 2 : pos] in ("  ", " \t", "\t ", "\t\t"):
            break  # a run of blanks parts the items of a menu ("Businesses   Customs")
        got = _word_before(text, pos, line_start)
        if got is None:
            break
        word, wstart = got
        if word.endswith((",", ";", ":")):
            break
        if word.endswith(("’s", "'s")):
            if word[:-2].lower() in _KEEP_POSSESSIVE:
                start = pos = wstart
                continue
            break
        if word in _CONNECTORS:
            prev = _word_before(text, wstart, line_start)
            if prev is None:
                break
            if word == "the":
                if prev[0] not in {"of", "for"}:
                    break
                pos = wstart
                continue
            if (
                not _is_name_word(prev[0])
                or _HEAD.fullmatch(prev[0])
                or prev[0] in _NOT_NAME_START
                or prev[0] in _TITLE_BEFORE_OF
            ):
                break
            pos = wstart
            continue
        if _is_name_word(word) and word not in _NOT_NAME_START:
            start = pos = wstart
            continue
        break
    return start


def find_agencies(text: str, layout: Layout) -> list[NameCandidate]:
    out: list[NameCandidate] = []
    for m in finditer_guarded(_HEAD, NOT_AFTER_WORD, text):
        hs, he = m.span("head")
        if layout.in_zone(hs, he) or _title_case_line(text, hs):
            continue
        line_start = text.rfind("\n", 0, hs) + 1
        start = _expand_left(text, hs, line_start)
        end = he
        tail = _TAIL.match(text, he)
        if tail and _HEAD_FIRST.search(m.group("head")):
            end = tail.end()
            while text[end - 1] in " \t,":
                end -= 1
        elif re.search(r"Office|Court|Prosecution", m.group("head")) and start < hs:
            place = _IN_PLACE.match(text, he)
            if place:
                end = place.end()
        name = text[start:end]
        # strip dangling connectors ("... Office for the")
        name = _DANGLING.sub("", name)
        end = start + len(name)
        if start == hs and end == he:
            continue  # a bare head noun ("the Agency") is not a name
        words = name.split()
        if len(words) < 2 or words[0].lower() in _CONNECTORS:
            continue
        out.append(NameCandidate("agency", start, end, name, "head-noun"))
    return out


def find_markets(text: str, layout: Layout) -> list[NameCandidate]:
    """ "X Market" names: the head noun is found first, then up to three capitalised
    words before it (reading left from a literal keeps long runs of capitals linear)."""
    if not _DARK_CONTEXT.search(text):
        return []
    out: list[NameCandidate] = []
    for m in _finditer_at_literals(_MARKET_HEAD_WORD, (("Market", 0),), text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        words: list[tuple[str, int]] = []
        pos = m.start()
        while len(words) < 3:
            got = _word_before(text, pos, line_start)
            if got is None or not _MARKET_NAME_WORD.fullmatch(got[0]):
                break
            words.insert(0, got)
            pos = got[1]
        while words and words[0][0].lower().strip("“\"'") in _GENERIC_MARKET_WORDS:
            words = words[1:]
        if not words:
            continue
        s = words[0][1]
        if layout.in_zone(s, m.end()) or _title_case_line(text, s):
            continue
        if words[0][0] in _NOT_NAME_START:
            continue
        out.append(NameCandidate("marketplace", s, m.end(), text[s : m.end()], "market-head"))
    for m in finditer_guarded(_LISTED_MARKETS, NOT_AFTER_WORD, text):
        # "darknet markets including Bohemia and Agartha": the names after the noun
        pos = m.end()
        for _ in range(8):
            item = _LIST_ITEM.match(text, pos)
            if item is None:
                break
            s, e = item.span("n")
            if item.group("n") in _NOT_NAME_START or layout.in_zone(s, e):
                break
            out.append(NameCandidate("marketplace", s, e, item.group("n"), "listed-market"))
            pos = e
            if not _LIST_GLUE.match(text, pos):
                break
    for m in _finditer_at_literals(_QUOTED_MARKET, _QUOTED_MARKET_ANCHORS, text):
        s, e = m.span("name")
        if not layout.in_zone(s, e):
            out.append(NameCandidate("marketplace", s, e, m.group("name"), "quoted-market"))
    return out


_TITLE_IN_RUN = re.compile(rf"(?:^|(?<=[ \t]))(?:{_TITLES}|Charge)[ \t]+")
# The first word of every last title _TITLE_IN_RUN can match, as a whole blank-separated
# word: a run holding none of them has no title, and most runs are tested by this set alone
_TITLE_WORDS = frozenset(
    "Director Inspector Secretary Solicitor Attorney Surgeon Administrator Commissioner "
    "Superintendent Detective Sheriff Judge Justice Minister Prosecutor Spokesperson "
    "Spokesman Spokeswoman President Senator Governor Mayor Commander Agent Officer Sergeant "
    "Lieutenant Captain Constable Chief Head Leader Commissar Dr Dr. Mr Mr. Ms Ms. Mrs Mrs. "
    "Prof. Insp Insp. Supt Supt. Det Det. Sgt Sgt. Cpl Cpl. Cst Cst. Const Const. Lt. Capt. "
    "Cmdr Cmdr. Gen. Snr Sr. Special Charge Defendant Co-defendant Suspect Attorneys Inspectors "
    "Detectives Judges Prosecutors Agents Officers Miss Courier Dealer Vendor Driver Ringleader "
    "Kingpin Mastermind Accomplice Boss Student Businessman Businesswoman Accountant Chemist "
    "Pharmacist Nurse Teacher Father Mother".split()
)
# One pass finds every run of capitalised words; the context of each run then says whether a
# person stands in it (much cheaper than one full scan per context pattern).
_NAME_RUN_GUARD = re.compile(r"(?<![\w.’'-])")
_NAME_RUN_WORD = (
    rf"[ \t]+(?:[{_UP}]\.|{_CAP_WORD}|U\.S\.|[A-Z]{{2,5}}|{_PARTICLES}(?=[ \t]+[{_UP}{_LO}]))"
)
_NAME_SUFFIX = r",?[ \t]+(?:Jr\.|Sr\.|III|II|IV)\b"
# A run of one capitalised word (most runs: sentence starts) is never a name, so the scan
# does not return them: the pattern is "word (word){0,7} suffix?" without its one-word
# outcome, which it would try last. It matches where that pattern gives more than a word,
# with the same span; where that gives a lone word, no start inside the word passes the
# guard, so dropping those matches changes nothing else (test_entities_speed checks it).
_NAME_RUN = re.compile(
    rf"{_CAP_WORD}(?:(?:{_NAME_RUN_WORD}){{1,7}}(?:{_NAME_SUFFIX})?|{_NAME_SUFFIX})"
)
_LEFT_CONTEXT = re.compile(
    rf"(?:\b(?:[Ss]aid|[Ss]ays|[Aa]ccording[ \t]+to|told|added|explained)"
    rf"|\b(?:agent|officer|detective|prosecutor|spokesperson|spokesman|spokeswoman|analyst|"
    rf"investigator|judge|inspector|superintendent|commissioner|director|chief|head|boss)"
    rf"|\b(?:sentenced|arrested|charged|extradited|convicted|indicted|detained|identified|"
    rf"jailed|prosecuted)"
    rf"|\b(?:citizen|national|resident|defendant|suspect|administrator|operator|founder|vendor|"
    rf"leader|man|woman|kingpin|mastermind|wife|husband|brother|sister|son|daughter|"
    rf"girlfriend|boyfriend|accomplice|co-defendant|co-conspirator),?"
    rf"|\b(?:identified|named)[ \t]+as|\breal[ \t]+name[ \t]+(?:is|was)"
    rf"|\b{_TITLES})[ \t]+$"
)
_DISTRICT_BEFORE = re.compile(r"\bDistrict[ \t]+of[ \t]+$")
_RIGHT_CONTEXT = re.compile(
    rf"[ \t]+(?:said|says|told|added|explained|noted|stated)\b"
    rf"|,[ \t]+(?:(?:(?:a|an|the|who|whose|whom)[ \t]+)?(?:[\w-]+[ \t]+){{0,3}}?"
    rf"(?i:{_ROLE_WORDS})\b|(?:who|whom|whose)\b|one[ \t]+of[ \t]+the\b|\d{{2}},"
    rf"|[{_UP}][{_LO}]+(?:n|an|ian|ese|ish|i)[ \t]+(?:{_ROLE_WORDS})\b)"
    rf"|,?[ \t]+(?:(?:was|has[ \t]+been|had[ \t]+been|is|were)[ \t]+(?:also[ \t]+)?"
    r"(?:sentenced|arrested|charged|convicted|extradited|indicted|detained|found[ \t]+guilty|"
    r"jailed|accused)|pleaded|pled|admitted)\b"
    # only people have homes and lawyers: "from James Zhong at his home", "Lin's lawyer said"
    r"|[ \t]+at[ \t]+(?:his|her)[ \t]+(?:home|house|residence|apartment|flat)\b"
    r"|['’]s?[ \t]+(?:lawyer|attorney|solicitor|barrister"
    r"|defen[cs]e[ \t]+(?:lawyer|attorney|team))\b"
)
_INITIAL = re.compile(r"[A-Z]\.$")
# letters after a name: counsel's rank, honours, an MP's seat
_HONOURS = frozenset("KC QC SC MP MBE OBE CBE JP MSP MEP".split())
_AND_NEXT = re.compile(r"[ \t]+and[ \t]+(?=[A-Z])")
# The last word of every left context above: the regex runs only after one of them
_CONTEXT_LAST_WORDS = frozenset(
    "said Said says Says to told added explained agent officer detective prosecutor "
    "spokesperson spokesman spokeswoman analyst investigator judge inspector superintendent "
    "commissioner director chief head boss sentenced arrested charged extradited convicted "
    "indicted detained identified jailed prosecuted citizen national resident defendant "
    "suspect administrator operator founder vendor leader man woman kingpin mastermind "
    "wife husband brother sister son daughter girlfriend boyfriend accomplice co-defendant "
    "co-conspirator as is was "
    "Director General Attorney Administrator Commissioner Superintendent Inspector Detective "
    "Sheriff Judge Justice Minister Secretary Prosecutor Spokesperson Spokesman Spokeswoman "
    "President Senator Governor Mayor Commander Agent Officer Sergeant Lieutenant Captain "
    "Constable Chief Head Leader Commissar Dr. Dr Mr. Mr Ms. Ms Mrs. Mrs Prof. Insp. Insp "
    "Supt. Supt Det. Det Sgt. Sgt Cpl. Cpl Cst. Cst Const. Const Lt. Capt. Cmdr. Cmdr Gen. "
    "Snr Sr. Charge".split()
)
_ACRONYM_START = re.compile(r"[A-Z]{2,5}|U\.S\.")


def find_persons(text: str, layout: Layout) -> list[NameCandidate]:
    out: list[NameCandidate] = []
    shared_title_at = -1  # "Trial Attorneys Alden Whitcombe and Priya Venkataraman": the
    # title covers the name after "and" too
    for m in finditer_guarded(_NAME_RUN, _NAME_RUN_GUARD, text):
        s, e = m.span()
        run = m.group(0)
        titled = s == shared_title_at
        tokens = run.split()
        # "said Detective Superintendent Paul Hopkins", "Europol Executive Director Catherine
        # De Bolle": the name starts after the last title in the run
        if not _TITLE_WORDS.isdisjoint(tokens):
            last = None
            for t in _TITLE_IN_RUN.finditer(run):
                last = t
            if last is not None:
                titled = True
                s += last.end()
                tokens = text[s:e].split()
        while tokens and tokens[0] in _NOT_NAME_START:
            s = text.index(tokens[1], s) if len(tokens) > 1 else e
            tokens = tokens[1:]
        run_end = e  # what follows the run is its right context, honours or not
        while len(tokens) > 2 and tokens[-1] in _HONOURS:  # "Gillian Hartwell KC"
            e = text.rindex(tokens[-1], s, e)
            e = len(text[:e].rstrip(" \t,"))
            tokens = tokens[:-1]
        left = text[max(0, s - 80) : s]
        if len(tokens) >= 3 and "District" in left and _DISTRICT_BEFORE.search(left):
            # "... District of Maryland Erek L. Barron": the place ends where the name starts
            # keep an initial with its name: "Maryland | Erek L. Barron", "New York | Jane Roe"
            drop = 1 if len(tokens) == 3 or _INITIAL.match(tokens[2]) else 2
            if len(tokens) - drop >= 2:
                s = text.index(tokens[drop], s + len(tokens[0]))
                tokens = tokens[drop:]
                titled = True
        if len(tokens) < 2 or len(tokens) > 5 or _ACRONYM_START.fullmatch(tokens[0]):
            continue
        if not (
            titled
            or (_context_word_before(text, s) and _LEFT_CONTEXT.search(left))
            or _RIGHT_CONTEXT.match(text, run_end)
        ):
            continue
        if layout.in_zone(s, e):
            continue
        out.append(NameCandidate("person", s, e, text[s:e], "person-context"))
        if titled:
            joined = _AND_NEXT.match(text, e)
            shared_title_at = joined.end() if joined else -1
    return out


def _context_word_before(text: str, s: int) -> bool:
    """The word before ``s`` could end a left context: only then is the regex tried."""
    before = _word_before(text, s, max(0, s - 80))
    return before is not None and before[0].rstrip(",") in _CONTEXT_LAST_WORDS
