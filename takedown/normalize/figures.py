"""Figures: every number of the story, normalised to a value and a unit, with its kind.

The finder scans the text once with a few compiled patterns (numbers, number words,
"Country (N)" breakdowns), then reads a small window around each hit: the unit and
substance to its right, a qualifier ("more than") to its left, and the cue words of its
sentence that tell an arrest from a seizure or a sale. All the vocabularies come from the
rules files, so the code holds only the shape of how news state figures.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from takedown.models.rules import CountryRule, KindCueRule, SubstanceRule, UnitRule
from takedown.normalize.intervals import Occupied
from takedown.normalize.layout import Layout
from takedown.normalize.numbers import (
    NUMBER_WORDS_LOWER_BODY,
    NUMBER_WORDS_RE,
    ORDINALS,
    SCALE_WORDS,
    UNITS_WORDS,
    ascii_lower,
    by_first_letter,
    parse_digits,
    scale_value,
    tidy,
    words_to_number,
)
from takedown.normalize.scan import NOT_AFTER_WORD, finditer_guarded

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# The same numbers with the first digit taken out of the alternation, so the pattern begins
# with a character class and the engine skips ahead to the next digit (it cannot when the
# pattern begins with a branch); greedy repeats backtrack in the same order.
_DIGITS_LEAD = r"\d(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"
# Digits are scanned as finditer_guarded(_NUMBER_BODY, _NUMBER_GUARD): exactly the matches of
# ``(?<![\w.,])(?P<num>{_DIGITS})(?!\d)``, a number not glued to a word, another number or a
# decimal point, without testing the lookbehind at every character.
_NUMBER_GUARD = re.compile(r"(?<![\w.,])")
_NUMBER_BODY = re.compile(rf"(?P<num>{_DIGITS_LEAD})(?!\d)")
_ORDINAL_ALT = by_first_letter("|".join(sorted(ORDINALS, key=len, reverse=True)))
# What the number scan looks for, as groups: number words (w), digits (d), an ordinal (o).
_NUMBER_KINDS = (
    rf"(?:(?P<w>{NUMBER_WORDS_LOWER_BODY})\b|(?P<d>{_DIGITS_LEAD})(?!\d)|(?P<o>{_ORDINAL_ALT})\b)"
)
_NUMBER_FIRSTS = "".join(sorted({w[0] for w in (*UNITS_WORDS, *SCALE_WORDS, *ORDINALS, "a")}))
# One scan of the lowercased copy for all three (see _number_hits): each begins after a
# character that is no ASCII letter, digit or underscore, a class the engine tests from a
# bitmap (``\W`` needs a Unicode lookup per character); the lookahead turns away most of
# those places after one test.
_NUMBER_SCAN = re.compile(rf"[^a-z0-9_](?=[{_NUMBER_FIRSTS}]|\d){_NUMBER_KINDS}")
_NUMBER_AT_START = re.compile(_NUMBER_KINDS)
_SCALE_TAIL = re.compile(
    r"(?:[ \t]?(?P<suf>mn|mln|bn|bln|tn|m|b|k)\b"
    r"|[ \t]*(?P<word>million|billion|thousand|trillion|lakhs?|crores?)\b)",  # "£1.1million"
    re.IGNORECASE,
)
_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("more than", r"more\s+than|over|in\s+excess\s+of|upwards\s+of|above|exceeding"),
    ("at least", r"at\s+least|a\s+minimum\s+of|no\s+fewer\s+than|no\s+less\s+than"),
    (
        "about",
        r"about|approximately|approx\.|around|roughly|an\s+estimated|estimated|some|nearly"
        r"|almost|close\s+to|circa|an\s+approximate",
    ),
    ("up to", r"up\s+to|as\s+many\s+as|as\s+much\s+as"),
    ("less than", r"less\s+than|fewer\s+than|under|just\s+under|below"),
    ("at most", r"at\s+most|no\s+more\s+than|a\s+maximum\s+of"),
)
_QUALIFIER_WORDS = (
    r"(?:"
    + "|".join(f"(?P<q{i}>{pat})" for i, (_, pat) in enumerate(_QUALIFIERS))
    + r")[ \t]+(?:a\s+total\s+of\s+)?$"
)
# "more than 50" when searched in the slice before the number. _qualifier uses the two halves
# of its leading "^ or separator": a pattern that begins with "^|" is entered at every
# position of the window, one that begins with the separator class only at separators.
_QUALIFIER_RE = re.compile(rf"(?:^|[\s(\[—–-]){_QUALIFIER_WORDS}", re.IGNORECASE)
_QUALIFIER_AFTER_SEPARATOR = re.compile(rf"[\s(\[—–-]{_QUALIFIER_WORDS}", re.IGNORECASE)
_QUALIFIER_AT = re.compile(_QUALIFIER_WORDS, re.IGNORECASE)
# what the text before a qualified number ends with, its whitespace runs made single spaces
# and stripped: a qualifier phrase, or one and "a total of"
_QUALIFIER_PHRASES = tuple(
    re.sub(r"\\s\+", " ", alt).replace("\\.", ".")
    for _, pat in _QUALIFIERS
    for alt in pat.split("|")
)
_QUALIFIER_ENDINGS = (*_QUALIFIER_PHRASES, *(f"{p} a total of" for p in _QUALIFIER_PHRASES))
_QUALIFIER_LAST_WORDS = tuple({p.rsplit(" ", 1)[-1] for p in _QUALIFIER_ENDINGS})
# Numbers that are references, not quantities: "Section 841", "No. 5", "Title 21", "Room 101".
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:section|sections|no\.|number|title|chapter|article|rule|case|room|suite|route|"
    r"highway|interstate|flight|code|page|pages|version|model|episode|season|volume|vol\.|"
    r"district|ward|precinct|unit|level|phase|grade|class|schedule|covid|top|aged|age|ages|"
    # set phrases and names: "cloud nine", "Fortune 500", "Catch-22", "Formula One"
    r"cloud|fortune|formula|catch)"
    r"|§|#)[ \t]*$"
    # a dash or slash glued to the number ("COVID-19", "24/7", "5-10"); "- 288 arrests" with a
    # space is a list bullet, and the number is a figure
    r"|[-–/:]$",
    re.IGNORECASE,
)
_REFERENCE_WORDS = (
    "section sections no. number title chapter article rule case room suite route highway "
    "interstate flight code page pages version model episode season volume vol. district ward "
    "precinct unit level phase grade class schedule covid top aged age ages cloud fortune "
    "formula catch"
).split()
# what a window must end with (before blanks, before a last "\n") for _REFERENCE_BEFORE to match
_REFERENCE_ENDINGS = (*_REFERENCE_WORDS, "§", "#")
_GLUED_BEFORE = frozenset("-–/:")
_AFTER_VETO = re.compile(
    r"(?:st|nd|rd|th)\b|[:/]\d|-\d|[-–](?:year|month|week|day)s?[-–]old\b"
    r"|\s*(?:years?|yrs?)\s+old\b|\.\d"
    r"|[ \t]*(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|[ap]\.m\.|[ap]m\b)"
    r"|[ \t]*min(?:ute)?s?[ \t]+read\b|[ \t]*(?:hrs|h)\b"
    # a strength, not an amount: "30-milligram oxycodone tablets", "a 2-mg dose"
    r"|-(?:milligram|microgram|mg|mcg|µg)s?\b",
    re.IGNORECASE,
)
# the characters other than A-Z and a-z that re.IGNORECASE matches with an ASCII letter
# ("İ" and "ı" with "i", "ſ" with "s", the Kelvin sign with "k"); tests check the list
_FOLDS_INTO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
_FOLDING_CHARACTERS = ("\u0130", "\u0131", "\u017f", "\u212a")


def _foldless(text: str) -> bool:
    """``_FOLDS_INTO_ASCII.search(text) is None``: four ``in`` tests run at memchr speed,
    where the class scan tests every character."""
    return not any(c in text for c in _FOLDING_CHARACTERS)


_WORD_START = re.compile(r"\w")
_EMPTY_GUARD = re.compile("")
_WORD_TOKEN = re.compile(r"[A-Za-z][A-Za-z.'’-]*")
_FUNCTION_WORDS = frozenset(
    "a an the and or of in on at to from for with by as per than that which who were was is are "
    "be been being have has had will would could should may might can do did does not no nor "
    "but so if into onto over under up down out off its their his her our your this these those "
    "it they he she we you more less most least such each every other another all both some "
    "any many much few several million billion thousand hundred".split()
)
_VAGUE_BEFORE = re.compile(r"(?:\b(?:of|tens|hundreds|thousands|millions|billions)\s+)$", re.I)
_DIGITS_RE = re.compile(_DIGITS)
# thousands set off by spaces, as Europol and much of Europe write them: "12 500 products",
# "EUR 1 000 000"; never a group that runs on into more digits ("0800 555 111" is a phone)
_SPACES = frozenset(" \u00a0\u202f")
_SPACED_GROUPS = re.compile(r"(?:[ \u00a0\u202f]\d{3})+(?!\d|[.,]\d|[ \u00a0\u202f]\d)")
_LIST_GAP = re.compile(r",?[ \t]+")
_LOWER_WORD = re.compile(r"[a-z][a-z0-9-]*")
# blanks then a _WORD_TOKEN, in one match (the word begins with a letter, no blank)
_BLANKS_WORD = re.compile(r"[ \t]+(?P<w>[A-Za-z][A-Za-z.'’-]*)")
_IN_YEAR = re.compile(r"[ \t]+in[ \t]+(?:19|20)\d\d\b")
_AGE_TAIL = re.compile(r"[ \t]*(?:-[ \t]*)?(?:(?:years?|months?)[ \t]*)?(?:-|\s)?old\b")
# scanned with finditer_guarded (normalize/scan.py): the lookbehind runs only where the rest
# matched, so the engine skips ahead instead of testing it at every character
_LINKED_NUMBER_GUARD = re.compile(r"(?<![ \t])")
_LINK_WORDS = ("with", "accounted for", "had", "has", "recorded", "reported", "made", "saw")
_LINK_ALT = "|".join(w.replace(" ", r"[ \t]+") for w in _LINK_WORDS)
_LINK_ALT_REVERSED = "|".join(w[::-1].replace(" ", r"[ \t]+") for w in _LINK_WORDS)
_LINKED_N = (
    rf"(?P<n>{_DIGITS}|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)"
    r"(?![ \t]*(?:%|percent|per[ \t]+cent|million|billion|kg|kilo|pounds|tonnes|\$))"
)
# (the guard is also written in: a plain search then enters a blank run only at its start)
_LINKED_NUMBER = re.compile(rf"(?<![ \t])[ \t]+(?:{_LINK_ALT})[ \t]+{_LINKED_N}")
# _LINKED_NUMBER in two halves, for _linked_numbers: the number with what may not follow it,
# and, matched in the reversed text from the number leftwards, the blanks, link word and
# blanks before it, up to a character that is no blank (the guard)
_LINKED_NUMBER_AT = re.compile(_LINKED_N)
# what stands two characters before a linked number: a link word's last letter, or a blank
_LINK_LAST = frozenset(w[-1] for w in _LINK_WORDS) | {" ", "\t"}
_LINK_BEFORE_REVERSED = re.compile(rf"[ \t]+(?:{_LINK_ALT_REVERSED})[ \t]+(?![ \t])")
_WORTH_WORD = re.compile(r"value|worth", re.IGNORECASE)  # every drug_value_before match has one
_PAREN_NUMBER = re.compile(rf"\([ \t]*(?:{_DIGITS})[ \t]*\)")
_NOT_COUNTED = frozenset(
    "decade decades century centuries times ways things reasons sides parts kinds types "
    "steps stages points hours minutes seconds".split()
)
_LABEL_BEFORE = re.compile(r"(?:^|\n)[ \t•*·-]*(?P<label>[A-Za-z][A-Za-z ]{2,30}?)[ \t]*:[ \t]*$")
_ARREST_VERBS = (
    r"arrested|detained|apprehended|charged|indicted|identified|nabbed|held|extradited|"
    r"taken[ \t]+into[ \t]+custody|locked[ \t]+up"
)
_ARREST_BEFORE = re.compile(
    rf"(?:\b(?:{_ARREST_VERBS})|\barrests?[ \t]+of|\barrest[ \t]+of)[ \t]+"
    r"(?:(?:a|an|the|total|of|some|at|least|more|than|over|about|another|further|nearly|"
    r"almost|around|approximately|up|to|its|their|his|her|[a-z][\w-]*['’]s)[ \t]+){0,4}$"
)
_ARREST_AFTER = re.compile(
    # headline style, the participle right after the noun: "seven GTA men charged"
    rf"[ \t]+(?:{_ARREST_VERBS})\b"
    # or a few words on, with an auxiliary: "Four people from the Ottawa area were
    # eventually charged", "179 individuals were arrested"
    r"|(?:[ \t,]+[\w'’-]+){0,6}?[ \t,]+(?:who[ \t]+)?(?:were|was|have|has|had|are|is|being|got)"
    r"(?:[ \t]+(?:been|also|since|all|now|\w+ly))*"
    rf"[ \t]+(?:{_ARREST_VERBS})\b"
)
_ARRESTED = frozenset({"arrested", "detained", "apprehended", "held", "nabbed"})
_OF_THE = re.compile(r"[ \t]+of[ \t]+(?:the|those|these)[ \t]+([A-Za-z]+)")
# a partitive with an owner: "two of the market's top suppliers", "two of Voss's customers";
# group 1 holds the words after the owner
_OWNER_PARTITIVE = re.compile(
    r"[ \t]+of[ \t]+(?:(?:the|those|these|his|her|their|its)[ \t]+)?"
    r"[A-Za-z][\w.-]*['’]s((?:[ \t]+[A-Za-z][\w-]*){1,4})"
)
_NOT_A_DRUG_AFTER = re.compile(
    r"[ \t]+of[ \t]+(?:[a-z-]+[ \t]+){0,2}?(?:(?:cutting|binding|bulking|mixing)[ \t]+agents?"
    r"|adulterants?|fillers?)\b",
    re.IGNORECASE,
)
# "one or two vendors", "two or three times": a vague amount, not a figure (FORMAT.md)
_EITHER_OR_AFTER = re.compile(
    r"[ \t]+or[ \t]+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})(?![\w,.]\d)\b",
    re.IGNORECASE,
)
_EITHER_OR_BEFORE = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[ \t]+or[ \t]+$",
    re.IGNORECASE,
)
# "24 hours a day, seven days a week": a rate, not a duration of the story
_RATE_AFTER = re.compile(r"[ \t]+(?:a|per|each)[ \t]+(?:day|week|month|year)\b", re.IGNORECASE)
_THE_BEFORE = re.compile(r"(?:^|\W)[Tt]he[ \t]+$")
# (a blank run is entered only at its start: a search never re-reads a long run)
_OWNED_WORD = re.compile(r"(?<![ \t])[ \t]+([A-Za-z][\w-]*)")
_AUX_ARREST = re.compile(
    r"[ \t]+(?:were|was|have[ \t]+been|has[ \t]+been|had[ \t]+been|are)[ \t]+(?:also[ \t]+)?"
    r"(?:arrested|detained|charged|apprehended|indicted|taken[ \t]+into[ \t]+custody)\b"
)
_RANGE = re.compile(r"[ \t]*(?:-|–|—|to|and)[ \t]*(?=\d|[A-Za-z$€£])", re.IGNORECASE)
# a money range may repeat its currency before the far end: "$100 to $20,000", "€5m-€10m"
_FAR_CURRENCY = re.compile(r"(?:US\$|A\$|C\$|[$€£])[ \t]?")
_HALF = re.compile(r"(?:[ \t]+|-)and[ \t-]+a[ \t-]+half\b", re.IGNORECASE)
_AND_MONTHS = re.compile(r"[ \t]+and[ \t]+(?P<n>\d{1,2}|[a-z]+)[ \t]+months?\b", re.IGNORECASE)
_PILL_UNIT = re.compile(
    r"(?:pills?|tablets?|capsules?|doses|blotters?|blots?|tabs|stamps)\b", re.IGNORECASE
)
# "X-laced pills": the hyphenated adjective after a drug (or any word) before the unit
_LACED = re.compile(r"-(?:laced|pressed|based|infused|spiked|tainted)(?![A-Za-z])")
_LACED_WORD = re.compile(r"[a-z0-9]+-(?:laced|pressed|based|infused|spiked|tainted)")
_PILL_ADJECTIVES = frozenset(
    "and or counterfeit fake pressed prescription non-prescription illicit illegal opioid "
    "synthetic blue suspected potentially lethal deadly dangerous laced branded generic "
    "controlled narcotic ecstasy-type m30 m-30 xanax-style oxycodone-style".split()
)
_POTENTIAL_PENALTY = re.compile(
    r"\b(?:faces?|facing|could\s+(?:get|receive|face)|maximum|minimum|up\s+to|as\s+much\s+as|"
    r"can\s+attract|attracts?|carr(?:y|ies)|punishable|liable\s+to)\b",
    re.IGNORECASE,
)
# a term imposed, after a cue of one that might have been
_IMPOSED = re.compile(
    r"\b(?:sentenced|jailed|imprisoned|given|received|handed|ordered\s+to\s+serve)\b",
    re.IGNORECASE,
)
# a breakdown line: a bullet or number, a country, a colon or dash, then the count
_BREAKDOWN_LEAD = re.compile(
    r"[ \t]*(?:(?:[-•*·▪◦‣–—]|\d{1,2}[.)])[ \t]*)?(?P<c>[A-Z][\w .'’-]{1,40}?)[:–—-][ \t]*"
)
# "two years later", "three months after the closure": a span of time between two events
_SPAN_BETWEEN = re.compile(
    r"[ \t]+(?:later|earlier|ago|before|after|afterwards|beforehand)\b", re.IGNORECASE
)
# "as little as 2 milligrams can be fatal": a dose, not a seizure
_DOSE_AFTER = re.compile(
    r"[ \t]+(?:of[ \t]+\w+[ \t]+)?(?:can|could|may|might|is|are|would)[ \t]+"
    r"(?:be[ \t]+)?(?:fatal|lethal|deadly|enough[ \t]+to[ \t]+kill|kill)\b",
    re.IGNORECASE,
)
_OR_SO = re.compile(r"[ \t]+or[ \t]+so(?=[ \t])", re.IGNORECASE)
_AUXILIARY = re.compile(
    r"[ \t]+(?:have|has|had|were|was|are|is)(?:[ \t]+been)?"
    r"(?:[ \t]+(?:made|carried[ \t]+out|conducted|recorded|reported))?(?=[ \t])"
)
# "six pill presses": the unit word is an adjective of another noun
_NOT_A_UNIT_AFTER = re.compile(
    r"[ \t]+(?:press(?:es)?|mills?|bottles?|machines?|counters?|transactions?|addresses|"
    r"address|wallets?|accounts?|ATMs?|payments?|mixers?|exchanges?|users?|miners?)\b",
    re.IGNORECASE,
)
# "fined $5,000", "a penalty of £2m": money that is a sentence; and a literal each match holds
# "ordered (him) to forfeit $1.3 million", "a forfeiture money judgment of $2 million": a
# sum the court imposes, a sentence by the gold convention; "forfeited cryptocurrency worth
# $150 million" and "the forfeiture of 1,000 Monero" name assets handed over, money seized
_FINED_BEFORE = re.compile(
    r"\b(?:fined|fines?\s+of|ordered\s+to\s+pay|penalty\s+of)\s+(?:\w+\s+){0,2}$"
    r"|\b(?:(?:ordered|required|agreed|directed)\s+(?:\w+\s+){0,3}?to\s+forfeit|(?:must|shall)\s+"
    r"forfeit|money\s+judge?ment\s+of|confiscation\s+order\s+(?:of|for))\s+(?:(?:about|approximately|roughly|nearly|almost|some"
    r"|more\s+than|over|at\s+least|up\s+to|an\s+estimated)\s+)?$",
    re.IGNORECASE,
)
_FINE_WORDS = ("fine", "ordered", "penalty", "forfeit", "judg", "order ")
# "$2 million in sales": money that is turnover
_SALES_AFTER = re.compile(
    r"\s+(?:in|of|worth\s+of)\s+(?:\w+\s+){0,3}?(?:sales|revenue|transactions|"
    r"trade|turnover|profits?)\b",
    re.IGNORECASE,
)
_SALES_WORDS = ("sales", "revenue", "transactions", "trade", "turnover", "profit")
_DRUG_NOUNS = (
    r"drugs|narcotics|substances|controlled\s+substances|pills|tablets|powder|product|"
    r"illegal\s+drugs|illicit\s+drugs"
)
_DRUG_NOUN_WORDS = (
    *"drugs narcotics substances".split(),
    "controlled substances",
    *"pills tablets powder product".split(),
    "illegal drugs",
    "illicit drugs",
)
# the words of drug_value_before, for its reversed form (see _drug_value_before)
_VALUE_HEADS = ("street", "estimated", "resale", "market", "retail")
# "the estimated street value of the drugs seized is more than $1.1 million": the value named
# first, the amount after a verb (drug_value_before wants the amount right after "value of")
_DRUG_VALUE_IS = re.compile(
    r"\b(?:street|estimated|resale|market|retail)\s+value\s+of\s+(?:the\s+|these\s+|those\s+)?"
    rf"(?:{_DRUG_NOUNS})(?:\s+(?:seized|recovered|found|intercepted|confiscated))?"
    r"\s+(?:is|was|are|were|totals|totalled|totaled|reached|came\s+to)(?:\s+estimated\s+at)?\s+"
    r"(?:(?:about|approximately|around|roughly|some|an\s+estimated|over|more\s+than|nearly"
    r"|almost|up\s+to|at\s+least)\s+)?$",
    re.IGNORECASE,
)
# "estimated the value of the seized LSD at more than ₹10 crore": the thing valued is named
# between "value of" and "at" (drugs: what they are worth; cryptocurrency: money)
_VALUE_OF_AT = re.compile(
    r"\bvalue\s+of\s+(?:the\s+|these\s+|those\s+)?"
    r"(?:(?:seized|recovered|confiscated|intercepted|captured)\s+)?"
    r"(?P<thing>[\w-]+(?:\s+[\w-]+)?)\s+(?:at|as)\s+"
    r"(?:(?:about|approximately|around|roughly|some|an\s+estimated|over|more\s+than|nearly"
    r"|almost|up\s+to|at\s+least)\s+)?$",
    re.IGNORECASE,
)
_BENEFIT_BEFORE = re.compile(
    r"\bbenefit(?:ed|ted|s)?\b[^.;]{0,40}?\b(?:value\s+of|of|at|was|totall?ing)\s+"
    r"(?:(?:about|approximately|around|more\s+than|over|nearly|almost)\s+)?$",
    re.IGNORECASE,
)
# "$184 million in cash and cryptocurrencies" with no verb in its sentence (a list under
# "officers seized:"): held money, so seized
_HELD_MONEY_AFTER = re.compile(
    r"[ \t]+(?:worth[ \t]+)?(?:in|of)[ \t]+(?:cash|crypto|cryptocurrenc|virtual[ \t]+currenc"
    r"|digital[ \t]+(?:assets|currenc)|bank[ \t]+accounts|assets)",
    re.IGNORECASE,
)
_VALUE_QUALIFIERS = (
    *"about approximately around roughly some".split(),
    "an estimated",
    "over",
    "more than",
    "nearly",
    "almost",
    "up to",
)


@dataclass(frozen=True, slots=True)
class Equivalence:
    start: int
    end: int
    text: str
    value: int | float
    unit: str
    qualifier: str | None

    def as_dict(self) -> dict[str, object]:
        """The restatement as the record (and the span extension) hold it."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
        }


class FigureMatch(NamedTuple):
    """One figure; ``text == source[start:end]``. A NamedTuple: an article makes a dozen or
    more, and a tuple is built (and ``_replace``d) about four times faster than a frozen
    dataclass, whose fields are each set through ``object.__setattr__``."""

    start: int
    end: int
    text: str
    kind: str
    value: int | float
    unit: str
    substance: str | None = None
    country: str | None = None
    qualifier: str | None = None
    equivalents: tuple[Equivalence, ...] = ()
    number_start: int = 0
    value_max: int | float | None = None
    dimension: str = "count"


Span = tuple[int, int]


def _evidence(text: str, start: int, end: int, *rest: Any, **named: Any) -> FigureMatch:
    """A figure whose evidence is ``text[start:end]``: the slice is taken here, once, so
    no construction site can let text and offsets disagree."""
    return FigureMatch(start, end, text[start:end], *rest, **named)


def _number_hits(text: str, low: str) -> tuple[list[Span], list[Span], list[int]]:
    """Where numbers are: (digit spans, number-word spans, ordinal starts), in text order.

    Exactly the matches of three scans: ``finditer_guarded(_NUMBER_BODY, _NUMBER_GUARD,
    text)`` (digits after no word character, "." or ","), ``number_word_spans(low)`` and the
    ordinal words of ``ordinal_re`` after no word character, but in one pass over ``low``
    (which has the text's digits, dots and commas where the text has them).

    The scan enters at every character that may stand before one of them, a superset of the
    real left contexts (the word characters that are not ASCII, the dot and the comma pass
    it): the real test is made on the match, and when it fails the scan goes on from the
    next character, so no start is skipped. The three kinds never overlap: digits hold no
    letter, and a phrase of number words ends each word at a boundary, where no ordinal (a
    number word with letters after it) or digit can begin inside it; a match consumes the
    character before it, which is never part of the previous match (all of them end in a
    word character). At offset 0, where no character stands before, the kinds are matched
    alone.
    """
    # by group: "d" digits, "w" number words, "o" ordinals (the one group that took part,
    # which is the match's lastgroup: the three hold no group of their own)
    spans: dict[str | None, list[Span]] = {"d": [], "w": [], "o": []}
    pos = 0
    first = _NUMBER_AT_START.match(low)
    if first is not None:
        spans[first.lastgroup].append(first.span(first.lastgroup))
        pos = first.end()
    search = _NUMBER_SCAN.search
    m = search(low, pos)
    while m is not None:
        lead = m.start()
        kind = m.lastgroup
        # the guards as string tests (\w is str.isalnum() or "_": tests check every
        # character): _NUMBER_GUARD on the text before digits, \W on the lead otherwise
        c = text[lead] if kind == "d" else low[lead]
        if not (c.isalnum() or c == "_") and (kind != "d" or c not in ".,"):
            spans[kind].append(m.span(kind))
            m = search(low, m.end())
        else:
            m = search(low, lead + 1)
    return spans["d"], spans["w"], [s for s, _ in spans["o"]]


def _linked_numbers(text: str, number_starts: list[int]) -> list[tuple[int, re.Match[str]]]:
    """``finditer_guarded(_LINKED_NUMBER, _LINKED_NUMBER_GUARD, text)`` as (start, match of
    the number): "with 52", "accounted for 45".

    The scan would enter its leading blanks at every blank of the article. Every match ends
    in a number after a blank: digits there are where the digit scan starts one, and one of
    the number words there begins a phrase of the number-word scan (the link word before it
    is no number word), so ``number_starts`` holds every such place. From each, the link
    word and its blanks are matched leftwards in the reversed text, then the number
    rightwards. Matches cannot overlap (blanks come only before the number), so all are
    found, in text order.
    """
    found: list[tuple[int, re.Match[str]]] = []
    reversed_text: str | None = None
    size = len(text)
    for p in number_starts:
        if p < 2 or text[p - 1] not in " \t" or text[p - 2] not in _LINK_LAST:
            continue
        if reversed_text is None:
            reversed_text = text[::-1]
        before = _LINK_BEFORE_REVERSED.match(reversed_text, size - p)
        if before is None:
            continue
        n = _LINKED_NUMBER_AT.match(text, p)
        if n is not None:
            found.append((size - before.end(), n))
    return found


def _after_non_word(
    lead: re.Pattern[str], body: re.Pattern[str], low: str, lo: int, hi: int
) -> list[tuple[int, int, str]]:
    """``finditer_guarded(body, NOT_AFTER_WORD, low, lo, hi)`` as (start, end, text), where
    ``lead`` is ``body`` after ``[^a-z0-9_]``.

    The guarded scan enters the body at every letter a cue word begins with, inside words
    too; led by the character before the word, the scan enters only after characters that
    are no ASCII word character, about half as often. That class lets through the word
    characters that are not ASCII, so the lead is tested as ``\\W`` on the match (failing,
    the scan goes on from the next character). A word at ``lo`` has its lead at ``lo - 1``,
    before the range, as the guard there looks; at offset 0 the body is matched alone.
    After a match the next lead may be its last character (a word may begin right after
    a cue ending in "."), so no later start is skipped.
    """
    found: list[tuple[int, int, str]] = []
    pos = lo
    if lo == 0:
        first = body.match(low, 0, hi)
        if first is not None:
            found.append((0, first.end(), first.group(0)))
            pos = first.end()
    start = pos - 1 if pos > 0 else 0
    search = lead.search
    m = search(low, start, hi)
    while m is not None:
        at = m.start()
        c = low[at]
        if c.isalnum() or c == "_":
            m = search(low, at + 1, hi)
            continue
        found.append((at + 1, m.end(), low[at + 1 : m.end()]))
        m = search(low, m.end() - 1, hi)
    return found


def _guarded_word_scan(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(body, guard) for ``finditer_guarded`` that find what ``pattern`` (``\\b(?:words)\\b``)
    finds. Without its leading ``\\b`` the pattern begins with a branch of literals, so the
    engine skips to the words' first letters instead of entering at every character. When
    every word begins with a word character, ``\\b`` there is "no word character before";
    otherwise the pattern is kept whole, with an empty guard."""
    words = pattern.pattern.removeprefix(r"\b(?:").removesuffix(r")\b")
    firsts = [w[:1] for w in words.split("|")]
    if not pattern.pattern.startswith(r"\b(?:") or not all(_WORD_START.match(c) for c in firsts):
        return pattern, _EMPTY_GUARD
    return re.compile(pattern.pattern.removeprefix(r"\b"), pattern.flags), NOT_AFTER_WORD


def _lowered_alternation(words: Iterable[str]) -> str | None:
    """``_alternation(words)`` with every alternative lower-cased, in the same order (so the
    first alternative that matches is the same one), for a pattern matched without
    IGNORECASE against ``ascii_lower(text)``; None when a word is not ASCII.

    The regex engine rejects a position after one comparison per alternative's first
    character; case-insensitively it must fold every character first, which made the long
    unit alternation the slowest match of the finder. Matching the lowercased copy gives the
    same spans when the words are ASCII (a lower-cased text character equals a lower-case
    ASCII letter exactly when it matches that letter case-insensitively) and the text holds
    none of the characters that IGNORECASE folds into ASCII letters (``_foldless``).
    ``re.escape`` escapes no letter and the only class is ``\\s``, so lowering the
    alternation changes only the words' letters.
    """
    words = list(words)
    if not all(w.isascii() for w in words):
        return None
    return _alternation(words).lower()


class _PrefixTest:
    """Whether a case-insensitive alternation of ``forms`` (``substance_at``) may match at a
    place, from the first three characters there: the long alternation costs microseconds
    even where it fails, at the word after nearly every count.

    Kept are the ASCII strings a form's first three characters match (shorter when a form
    is shorter or has whitespace sooner, which ``\\s+`` lets stretch); which ASCII
    characters match a form's character is asked of the regex engine, so case folding
    ("k" for the Kelvin sign) is the engine's. Text that is not ASCII there goes to the
    regex.
    """

    def __init__(self, forms: Sequence[str]) -> None:
        ascii_chars = [chr(i) for i in range(128)]
        folds: dict[str, list[str]] = {}
        for c in {c for f in forms for c in f[:3]}:
            rx = re.compile(re.escape(c), re.IGNORECASE)
            folds[c] = [a for a in ascii_chars if rx.fullmatch(a)]
        self.by_length: dict[int, set[str]] = {1: set(), 2: set(), 3: set()}
        self.always = False
        for f in forms:
            if not f:
                continue
            head = f[:3]
            cut = next((i for i, c in enumerate(head) if c.isspace()), len(head))
            if cut == 0:
                self.always = True  # a form that begins with whitespace
                continue
            strings = [""]
            for c in head[:cut]:
                strings = [s + a for s in strings for a in folds[c]]
            self.by_length[cut].update(strings)

    def may_match(self, text: str, pos: int) -> bool:
        three = text[pos : pos + 3]
        if self.always or len(three) < 3 or not three.isascii():
            return True
        return (
            three in self.by_length[3]
            or three[:2] in self.by_length[2]
            or three[:1] in self.by_length[1]
        )


def _reversed_alternation(words: Iterable[str]) -> str:
    """``_alternation`` of the words spelt backwards: "htrow" for "worth"."""
    return _alternation(w[::-1] for w in words)


def _lexicon(entries: Iterable[tuple[str, Iterable[str]]]) -> tuple[dict[str, str], str]:
    """(lower-cased form -> canonical name, one regex alternation of every form)."""
    names: dict[str, str] = {}
    forms: list[str] = []
    for canonical, surfaces in entries:
        for w in surfaces:
            names[w.lower()] = canonical
            forms.append(w)
    return names, _alternation(forms)


def _alternation(words: Iterable[str]) -> str:
    uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


class _Blocked:
    """Whether a range overlaps furniture or an excluded range (a date, a name), for
    non-empty ranges: ``layout.in_zone(s, e) or Occupied(exclude).overlaps(s, e)``.

    The zones and the exclusions are merged once into disjoint ranges, so a test is one
    bisection instead of two searches. The union of ranges overlaps a range exactly when
    one of them does; ``in_zone`` agrees with that when the zones are non-empty, sorted and
    disjoint, as analyze_layout makes them (otherwise the two tests are asked as before).
    An empty exclusion [a, a) overlaps what holds a strictly inside for Occupied: those
    rare ones keep their own set.
    """

    def __init__(self, ranges: list[tuple[int, int]], empty: Occupied | None) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for s, e in sorted(ranges):
            if self.ends and s <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], e)
            else:
                self.starts.append(s)
                self.ends.append(e)
        self.empty = empty

    @staticmethod
    def of(layout: Layout, exclude: Sequence[tuple[int, int]]) -> Callable[[int, int], bool]:
        zones = layout.zones
        if not all(s < e for s, e in zones) or any(
            zones[i][1] > zones[i + 1][0] for i in range(len(zones) - 1)
        ):
            occupied = Occupied(exclude)
            return lambda s, e: layout.in_zone(s, e) or occupied.overlaps(s, e)
        empty = [(s, e) for s, e in exclude if e <= s]
        ranges = [*zones, *(r for r in exclude if r[1] > r[0])]
        return _Blocked(ranges, Occupied(empty) if empty else None).overlaps

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1
        if i >= 0 and self.ends[i] > start:
            return True
        return self.empty is not None and self.empty.overlaps(start, end)


class FigureFinder:
    """Compiled once from the rules; ``find`` runs per article."""

    def __init__(
        self,
        units: Sequence[UnitRule],
        cues: Sequence[KindCueRule],
        substances: Sequence[SubstanceRule],
        countries: Sequence[CountryRule],
    ) -> None:
        self.unit_by_surface: dict[str, UnitRule] = {u.surface.lower(): u for u in units}
        prefix = [
            u.surface
            for u in units
            if u.dimension == "currency" and (u.prefix or not u.surface.isalpha())
        ]
        codes = [
            u.surface.upper()
            for u in units
            if u.dimension == "currency" and len(u.surface) == 3 and u.surface.isalpha()
        ]
        self.currency_prefix = {s.lower(): self.unit_by_surface[s.lower()].unit for s in prefix}
        self.currency_prefix.update(
            {c.lower(): self.unit_by_surface[c.lower()].unit for c in codes}
        )
        prefix_alt = _alternation(
            [*(p.upper() for p in prefix), *(p.title() for p in prefix), *prefix]
        )
        code_alt = _alternation(codes)
        # digits are found by a plain scan; the currency before them is read from a short
        # window, which is far cheaper than an optional prefix tried at every position
        self.prefix_re = re.compile(
            rf"(?:(?P<sym>{prefix_alt})[ \t]?|\b(?P<code>{code_alt})[ \t]+)$"
        )
        # the last character of every symbol and code prefix_re knows (it is case-sensitive)
        self.prefix_last = frozenset(
            w[-1] for w in (*prefix, *(p.upper() for p in prefix), *(p.title() for p in prefix))
        ) | frozenset(c[-1] for c in codes)
        after = [
            u.surface
            for u in units
            if u.surface.isalpha() or " " in u.surface or u.surface in {"%", "u.s. dollars"}
        ]
        self.unit_re = re.compile(
            rf"[ \t]?-?[ \t]?(?P<unit>{_alternation(after)})(?![A-Za-z])", re.IGNORECASE
        )
        low_alt = _lowered_alternation(after)
        self.unit_low_re = (
            None if low_alt is None else re.compile(rf"[ \t]?-?[ \t]?(?P<unit>{low_alt})(?![a-z])")
        )
        self.sub_names, sub_alt = _lexicon(
            (s.name, (s.name, *s.synonyms, *s.slang)) for s in substances
        )
        sub_forms = [w for s in substances for w in (s.name, *s.synonyms, *s.slang)]
        self.drug_value_before = re.compile(
            r"(?:\b(?:street|estimated|resale|market|retail)\s+value\s+of"
            rf"|\b(?:{sub_alt}|{_DRUG_NOUNS})\s+(?:[\w-]+\s+){{0,2}}?(?:worth|valued\s+at))"
            r"\s+(?:(?:about|approximately|around|roughly|some|an\s+estimated|over|"
            r"more\s+than|nearly|almost|up\s+to)\s+)?$",
            re.IGNORECASE,
        )
        # drug_value_before read right to left from the end of its window (_drug_value_before)
        self.drug_value_reversed = re.compile(
            rf"(?:\s+(?:{_reversed_alternation(_VALUE_QUALIFIERS)}))?\s+"
            rf"(?:fo\s+eulav\s+(?:{_reversed_alternation(_VALUE_HEADS)})"
            rf"|(?:htrow|ta\s+deulav)(?:\s+[\w-]+){{0,2}}\s+"
            rf"(?:{_reversed_alternation([*sub_forms, *_DRUG_NOUN_WORDS])}))"
            r"\b(?=[\s\S])",
            re.IGNORECASE,
        )
        self.substance_after = re.compile(
            rf"[ \t]+(?:of[ \t]+)?(?:(?:[a-z][a-z-]*[ \t]+){{0,3}}?)"
            rf"(?:(?P<sub>{sub_alt})|(?P<drug>{_DRUG_NOUNS}))\b",
            re.IGNORECASE,
        )
        self.substance_at = re.compile(rf"(?:{sub_alt})(?![A-Za-z])", re.IGNORECASE)
        self.substance_starts = _PrefixTest(sub_forms)
        self.country_name, country_alt = _lexicon((c.name, (c.name, *c.aliases)) for c in countries)
        # "two Italian marketplaces", "16 European countries": a capitalised adjective of
        # nationality does not make the words after a number a name ("Ferrari 488 Spider")
        self.demonyms: frozenset[str] = frozenset(
            d.lower() for c in countries for d in c.demonyms
        ) | frozenset(("european", "african", "asian", "american", "international"))
        self.in_country = re.compile(
            rf"[ \t]+(?:were\s+|was\s+)?(?:arrested\s+|detained\s+)?in[ \t]+(?:the[ \t]+)?"
            rf"(?P<c>{country_alt})(?![A-Za-z])"
        )
        self.country_paren = re.compile(
            rf"(?<![A-Za-z])(?:the[ \t]+)?(?P<c>{country_alt})"
            rf"[ \t]*\([ \t]*(?P<n>{_DIGITS})[ \t]*\)"
        )
        # distributive counts: "four each in Italy and the Netherlands", "two arrests each in
        # Austria and Switzerland": one figure per country, the next ones read by and_country
        self.each_in = re.compile(
            r"[ \t]+(?:(?:arrests?|suspects|people|persons|individuals)[ \t]+)?"
            r"(?:(?:were|was)[ \t]+(?:arrested|detained)[ \t]+)?each[ \t]+in[ \t]+(?:the[ \t]+)?"
            rf"(?P<c>{country_alt})(?![A-Za-z])"
        )
        self.and_country = re.compile(
            rf"(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)(?:the[ \t]+)?(?P<c>{country_alt})"
            r"(?![A-Za-z])"
        )
        # the same, anchored at the end of the search window (the closing bracket)
        self.country_paren_end = re.compile(self.country_paren.pattern + "$")
        self.country_end = re.compile(rf"(?<![A-Za-z])(?P<c>{country_alt})$")
        # cue words are searched in the ASCII-lowercased copy of the text (no IGNORECASE,
        # which would keep the regex engine from skipping ahead on first characters)
        self.cue_patterns: dict[str, re.Pattern[str]] = {
            c.cue: re.compile(rf"\b(?:{_alternation(w.lower() for w in c.cues)})\b") for c in cues
        }
        # the scans themselves: the leading \b as a guard (see _cues_in)
        self.cue_scans: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
            role: _guarded_word_scan(pat) for role, pat in self.cue_patterns.items()
        }
        # the guarded ones once more, led by the character before the word (_after_non_word)
        self.cue_leads: dict[str, re.Pattern[str]] = {
            role: re.compile(rf"[^a-z0-9_](?:{body.pattern})")
            for role, (body, guard) in self.cue_scans.items()
            if guard is NOT_AFTER_WORD
        }
        self.cue_words: dict[str, frozenset[str]] = {
            c.cue: frozenset(w.lower() for w in c.cues) for c in cues
        }
        # the nouns a count may count, of any of these roles (_head_noun)
        self.head_nouns: frozenset[str] = frozenset().union(
            *(
                self.cue_words.get(r, ())
                for r in ("arrest_noun", "person_noun", "weapon_noun", "sale_noun")
            )
        )
        self.ordinal_re = re.compile(
            rf"(?P<ord>{'|'.join(ORDINALS)})\b(?P<mid>(?:[ \t]+[a-z-]+){{0,4}}?)[ \t]+"
            r"(?P<noun>operation|action|takedown|crackdown|sweep|phase|iteration)\b",
        )  # scanned over the ASCII-lowercased text, guarded by NOT_AFTER_WORD

    # -- public -------------------------------------------------------------------------

    def find(
        self,
        text: str,
        layout: Layout,
        exclude: Sequence[tuple[int, int]] = (),
        dollar: str = "USD",
    ) -> list[FigureMatch]:
        """All figures of ``text`` outside furniture and outside ``exclude`` (dates, names).

        ``dollar`` is what a bare "$" means in this article (CAD in a Canadian police
        release); "US$", "C$", "A$" always say which dollar they are.
        """
        self._cue_cache: dict[tuple[str, int, int], list[tuple[int, int, str]]] = {}
        self._also: list[FigureMatch] = []  # more figures of the one just read (_each_country)
        self._low = ascii_lower(text)  # offsets into it are offsets into ``text``
        # literal tests may stand in for case-insensitive patterns (see _reference_before)
        self._foldless = _foldless(text)
        out: list[FigureMatch] = []
        taken = Occupied()
        blocked = _Blocked.of(layout, exclude)

        def free(s: int, e: int) -> bool:
            """[s, e) (never empty) is outside furniture, exclusions and figures taken."""
            return not (blocked(s, e) or taken.overlaps(s, e))

        low = self._low
        digit_spans, word_spans, ordinal_starts = _number_hits(text, low)
        hits = [(s, 0, e) for s, e in digit_spans]
        hits += [(s, 1, e) for s, e in word_spans]
        hits.sort()
        number_starts = [h[0] for h in hits]
        for start, end, country, value, num_s in self._country_breakdowns(text, number_starts):
            if not free(start, end):
                continue
            sent = layout.sentence_of(start)
            if not self._has(text, "arrest_verb", sent) and not self._has(
                text, "arrest_noun", sent
            ):
                continue
            out.append(
                _evidence(
                    text,
                    start,
                    end,
                    "arrests",
                    value,
                    "count",
                    country=country,
                    number_start=num_s,
                )
            )
            taken.add(start, end)

        # digits and number words in text order, so a range's near end ("eight to 23 years")
        # claims the far end before the far end is read as a figure of its own
        for s, is_words, e in hits:
            if not free(s, e):
                continue  # inside a date, a name, furniture or a figure already read: skip early
            self._also = []
            fig = (
                self._from_words(text, s, e, layout)
                if is_words
                else self._from_digits(text, s, e, layout, dollar)
            )
            # the second test is the first's when the figure starts at its number
            if (
                fig
                and free(fig.number_start, fig.end)
                and (fig.start == fig.number_start or free(fig.start, fig.start + 1))
            ):
                out.append(fig)
                out.extend(self._also)
                taken.add(fig.start, fig.end)
        for m in self._ordinal_operations(low, ordinal_starts):
            if free(m.start(), m.end()):
                out.append(
                    _evidence(
                        text,
                        m.start(),
                        m.end(),
                        "other",
                        ORDINALS[m.group("ord").lower()],
                        "count",
                        number_start=m.start(),
                    )
                )
        out.sort(key=lambda f: (f.start, f.end))
        return _consolidate(_listed_sentences(text, _link_equivalents(text, out)))

    # -- candidates ---------------------------------------------------------------------

    def _ordinal_operations(self, low: str, starts: list[int]) -> list[re.Match[str]]:
        """``finditer_guarded(self.ordinal_re, NOT_AFTER_WORD, low)``: "second operation".

        ``starts`` are the places where an ordinal word begins after no word character and
        ends at a word boundary, in text order (from _number_hits); every match begins at
        one, so the pattern is tried only there. Those inside the previous match are
        skipped, as the scan would.
        """
        found: list[re.Match[str]] = []
        resume = 0
        for i in starts:
            if i < resume:
                continue
            m = self.ordinal_re.match(low, i)
            if m is not None:
                found.append(m)
                resume = m.end()
        return found

    def _country_breakdowns(
        self, text: str, number_starts: list[int]
    ) -> list[tuple[int, int, str | None, int | float, int]]:
        """Per-country counts written after the country: "the United States (153)", "Germany
        with 52", "Britain accounted for 45". The number and its link word are found first
        (cheap literals; ``number_starts`` are where digits and number words begin, in text
        order), then the country name that ends just before them.
        Returns (start, end, country, value, number start)."""
        out: list[tuple[int, int, str | None, int | float, int]] = []
        for p in _PAREN_NUMBER.finditer(text):
            m = self.country_paren_end.search(text, max(0, p.start() - 48), p.end())
            if m is not None:
                country = self.country_name.get(m.group("c").lower())
                out.append(
                    (m.start("c"), m.end(), country, tidy(parse_digits(m.group("n"))), m.start("n"))
                )
        for link_start, p in _linked_numbers(text, number_starts):
            m = self.country_end.search(text, max(0, link_start - 40), link_start)
            if m is None:
                continue
            digits = p.group("n")
            value = tidy(parse_digits(digits)) if digits[0].isdigit() else words_to_number(digits)
            if value is None:
                continue
            country = self.country_name.get(m.group("c").lower())
            out.append((m.start("c"), p.end(), country, value, p.start("n")))
        return out

    def _from_digits(
        self, text: str, num_s: int, num_e: int, layout: Layout, dollar: str = "USD"
    ) -> FigureMatch | None:
        """The number written in digits ``text[num_s:num_e]``."""
        digits = text[num_s:num_e]
        window_start = max(0, num_s - 8)
        pre = (
            self.prefix_re.search(text, window_start, num_s)
            if self._may_have_prefix(text, window_start, num_s)
            else None
        )
        if _AFTER_VETO.match(text, num_e):
            return None
        cur_tok = (pre.group("sym") or pre.group("code")) if pre else None
        before = text[max(0, num_s - 24) : num_s]
        if not cur_tok and self._reference_before(before):
            return None
        if (
            not cur_tok
            and text.startswith(" or ", num_e)
            and _EITHER_OR_AFTER.match(text, num_e)
            or before.endswith("or ")
            and _EITHER_OR_BEFORE.search(before)
        ):
            return None  # "2 or 3 vendors", "two or 3": a guess, not a figure
        value = parse_digits(digits)
        pos = num_e
        if len(digits) <= 3 and digits.isdigit() and num_e < len(text) and text[num_e] in _SPACES:
            groups = _SPACED_GROUPS.match(text, num_e)
            # not the tail of a longer run of numbers ("+49 611", "0800 555 111")
            lead = text[max(0, num_s - 2) : num_s]
            if groups and "+" not in lead and not any(c.isdigit() for c in lead):
                value = int(digits + "".join(c for c in groups.group(0) if c.isdigit()))
                pos = groups.end()
        approx = _OR_SO.match(text, pos)
        if approx:
            pos = approx.end()
        scale = _SCALE_TAIL.match(text, pos)
        mult = 1
        if scale:
            mult = scale_value(scale.group("suf") or scale.group("word"))
            pos = scale.end()
        start = pre.start() if pre else num_s
        currency = None
        if cur_tok:
            currency = dollar if cur_tok == "$" else self.currency_prefix.get(cur_tok.lower())
        elif (
            mult == 1
            and "." not in digits
            and "," not in digits
            and 1900 <= value <= 2100
            and self._unit(text, pos) is None
        ):
            return None  # a year: the dates component owns it
        fig = self._quantity(text, layout, start, num_s, pos, value * mult, mult, currency)
        if fig is not None and approx and fig.qualifier is None:
            fig = fig._replace(qualifier="about")
        return fig

    def _from_words(self, text: str, start: int, end: int, layout: Layout) -> FigureMatch | None:
        """The number-word phrase ``text[start:end]``."""
        low = self._low[start:end]
        value = words_to_number(low)
        if value is None:
            return None
        before = text[max(0, start - 16) : start]
        if _VAGUE_BEFORE.search(before) and low in {"hundred", "thousand", "million", "billion"}:
            return None
        if self._reference_before(before) or _EITHER_OR_BEFORE.search(before):
            return None  # "cloud nine", "Formula One"; "one or two vendors"
        if _EITHER_OR_AFTER.match(text, end):
            return None
        pos = end
        half = _HALF.match(text, pos)
        if half:
            value += 0.5
            pos = half.end()
        if (
            low in {"one", "zero"}
            and not self.in_country.match(text, pos)
            and not self._unit(text, pos)
        ):
            nxt = _WORD_TOKEN.match(text, pos + 1)
            if not nxt or nxt.group(0).lower().rstrip(".,") not in (
                self.cue_words.get("person_noun", frozenset()) | {"arrest", "firearm", "weapon"}
            ):
                return None
        return self._quantity(text, layout, start, start, pos, value, 1, None)

    def _number_at(self, text: str, pos: int) -> tuple[float, int, int] | None:
        """A second number right here (the far end of a range): value, end and its scale."""
        d = _DIGITS_RE.match(text, pos)
        if d:
            value = parse_digits(d.group(0))
            end = d.end()
            mult = 1
            scale = _SCALE_TAIL.match(text, end)
            if scale:
                mult = scale_value(scale.group("suf") or scale.group("word"))
                end = scale.end()
            return value * mult, end, mult
        w = NUMBER_WORDS_RE.match(text, pos)
        if w:
            v = words_to_number(w.group(0))
            if v is not None:
                return float(v), w.end(), 1
        return None

    def _quantity(
        self,
        text: str,
        layout: Layout,
        start: int,
        num_s: int,
        pos: int,
        value: float,
        mult: int,
        currency: str | None,
    ) -> FigureMatch | None:
        """Everything right of the number: a range's far end, the unit, a composite term."""
        value_max: int | float | None = None
        rng = _RANGE.match(text, pos)
        if rng and (
            rng.group(0).strip().lower() != "and"
            or re.search(r"\bbetween[ \t]+(?:\S+[ \t]+)?$", text[max(0, start - 20) : start], re.I)
        ):
            far_at = rng.end()
            if currency is not None:
                sign = _FAR_CURRENCY.match(text, far_at)
                far_at = sign.end() if sign else far_at
            far = self._number_at(text, far_at)
            if far is not None and (currency is not None or self._unit(text, far[1]) is not None):
                far_value, far_end, far_mult = far
                if mult == 1 and far_mult > 1:
                    value *= far_mult  # "5 to 10 million": the scale covers both ends
                if far_value > value:
                    value_max, pos = far_value, far_end
        unit: str | None = currency
        dimension = "currency" if currency else "count"
        u = self._unit(text, pos)
        if u:
            rule = self.unit_by_surface[_norm_space(u.group("unit").lower())]
            if currency is None or rule.dimension == "currency":
                pos = u.end()
                if currency is None:
                    unit, dimension = rule.unit, rule.dimension
                    if rule.ambiguous:
                        unit, dimension = self._pounds(text, pos, mult)
        if unit == "year":
            months = _AND_MONTHS.match(text, pos)
            if months:
                extra = (
                    int(months.group("n"))
                    if months.group("n").isdigit()
                    else words_to_number(months.group("n"))
                )
                if extra is not None:
                    value, unit, pos = value * 12 + extra, "month", months.end()
        fig = self._finish(text, layout, start, num_s, pos, tidy(value), unit, dimension)
        if fig is not None and value_max is not None:
            fig = fig._replace(value_max=tidy(value_max))
        return fig

    def _pill_phrase(self, text: str, pos: int) -> tuple[str | None, int] | None:
        """ "25,000 fentanyl pills", "200,000 ecstasy, oxycodone and meth pills",
        "10,000 prescription and non-prescription pills": (first substance, end) or None."""
        cur = pos
        substance: str | None = None
        for _ in range(9):
            gap = _LIST_GAP.match(text, cur)
            if not gap:
                return None
            cur = gap.end()
            unit = _PILL_UNIT.match(text, cur)
            if unit:
                if _NOT_A_UNIT_AFTER.match(text, unit.end()):
                    return None
                return substance, unit.end()
            sub = (
                self.substance_at.match(text, cur)
                if self.substance_starts.may_match(text, cur)
                else None
            )
            if sub:
                if substance is None:
                    substance = self.sub_names.get(_norm_space(sub.group(0).lower()))
                cur = sub.end()
                if re.search(r"(?:pills?|tablets?|capsules?)$", sub.group(0), re.IGNORECASE):
                    return substance, cur  # "ecstasy tablets" is itself a listed form
                laced = _LACED.match(text, cur)  # "meth-laced", "fentanyl-pressed"
                if laced:
                    cur = laced.end()
                continue
            word = _LOWER_WORD.match(text, cur)
            if not word or (
                word.group(0) not in _PILL_ADJECTIVES and not _LACED_WORD.fullmatch(word.group(0))
            ):
                return None
            cur = word.end()
        return None

    def _unit(self, text: str, pos: int) -> re.Match[str] | None:
        """The unit right after ``pos``. The match is of ``self._low`` when the text lets
        the lowercased pattern stand in for ``unit_re`` (see _lowered): its group is then
        already lower-case, and its offsets are those of ``text``."""
        low_re = self.unit_low_re
        if low_re is not None and self._foldless:
            u = low_re.match(self._low, pos)
        else:
            u = self.unit_re.match(text, pos)
        if u and _NOT_A_UNIT_AFTER.match(text, u.end()):
            return None
        return u

    def _pounds(self, text: str, pos: int, mult: int) -> tuple[str, str]:
        """ "pounds" is money when it is sterling by its words, mass otherwise: deterministic."""
        tail = text[pos : pos + 24].lower()
        if re.match(
            r"\s+(?:sterling|in\s+(?:cash|fines?|assets|proceeds|profits?|criminal)|worth)", tail
        ):
            return "GBP", "currency"
        if mult >= 1_000_000 and not re.match(r"\s+of\b", tail):
            return "GBP", "currency"
        return "lb", "mass"

    # -- kind, substance, country -----------------------------------------------------------

    def _finish(
        self,
        text: str,
        layout: Layout,
        start: int,
        num_s: int,
        pos: int,
        value: int | float,
        unit: str | None,
        dimension: str,
    ) -> FigureMatch | None:
        sent = layout.sentence_of(num_s)
        qualifier = self._qualifier(text, start)
        substance: str | None = None
        country: str | None = None
        end = pos
        if unit is None:
            pills = self._pill_phrase(text, pos)
            if pills:
                substance, end = pills
                unit, dimension = "pill", "count"
        if dimension in ("mass", "volume") or unit == "pill":
            if substance is None:
                s = self.substance_after.match(text, end)
                if s:
                    if s.group("sub"):
                        substance = self.sub_names.get(_norm_space(s.group("sub").lower()))
                    end = s.end()
            kind = self._drug_kind(text, sent, num_s)
            if kind is None or _DOSE_AFTER.match(text, end):
                return None
            if substance is None and _NOT_A_DRUG_AFTER.match(text, end):
                kind = "other"  # "3 kilograms of binding agents": what drugs are cut with
            return _evidence(
                text,
                start,
                end,
                kind,
                value,
                unit or "pill",
                substance,
                None,
                qualifier,
                number_start=num_s,
                dimension="mass",
            )
        if dimension == "currency":
            kind = self._money_kind(text, sent, start, end)
            return _evidence(
                text,
                start,
                end,
                kind,
                value,
                unit or "USD",
                None,
                None,
                qualifier,
                number_start=num_s,
                dimension="currency",
            )
        if dimension == "percent":
            noun = _WORD_TOKEN.match(text, end + 1)
            if noun and noun.group(0).lower() not in _FUNCTION_WORDS:
                end = noun.end()
            return _evidence(
                text,
                start,
                end,
                "other",
                value,
                "percent",
                None,
                None,
                qualifier,
                number_start=num_s,
                dimension="percent",
            )
        if dimension == "time":
            if _RATE_AFTER.match(text, end):
                return None
            if _SPAN_BETWEEN.match(text, end) and self._low[max(0, start - 4) : start] != "for ":
                return None  # "two years later" (but "ran for three years before ..." lasted)
            if self._potential_penalty(text, max(sent[0], num_s - 60), num_s):
                # "faces a mandatory minimum of 10 years": a penalty that may come, not a fact
                return None
            kind = "sentence" if self._sentence_term(text, sent, num_s, end) else "other"
            if kind == "sentence" and self._low[max(0, start - 7) : start] == "within ":
                kind = "other"  # "ordered to pay £80,000 within three months": a deadline
            if kind == "sentence" and self._low[max(0, start - 14) : start] == "suspended for ":
                kind = "other"  # "20 months, suspended for two years": the term is the 20
            tail = re.match(
                r"[ \t]+(?:in|of)[ \t]+(?:federal[ \t]+|state[ \t]+)?"
                r"(?:prison|jail|custody|imprisonment)|[ \t]+behind[ \t]+bars|"
                r"[ \t]+(?:prison|jail)[ \t]+(?:sentence|term)",
                text[end : end + 40],
            )
            if kind == "sentence" and tail:
                end += tail.end()
            return _evidence(
                text,
                start,
                end,
                kind,
                value,
                unit or "year",
                None,
                None,
                qualifier,
                number_start=num_s,
                dimension="time",
            )
        # plain counts
        if "each" in text[end : end + 32]:
            each = self._each_country(text, layout, start, num_s, end, value, qualifier)
            if each is not None:
                return each
        head_end, head = self._counted_noun(text, end)
        country_m = self.in_country.match(text, end) if head is None else None
        if country_m and head is None:
            country = self.country_name.get(country_m.group("c").lower())
            arrests = self._has(text, "arrest_verb", sent) or self._has(text, "arrest_noun", sent)
            end = country_m.end()
            return _evidence(
                text,
                start,
                end,
                "arrests" if arrests else "other",
                value,
                "count",
                None,
                country,
                qualifier,
                number_start=num_s,
            )
        if head is None and _AUX_ARREST.match(text, end):
            return _evidence(
                text,
                start,
                end,
                "arrests",
                value,
                "count",
                None,
                None,
                qualifier,
                number_start=num_s,
            )
        if head is None:
            # "Arrests: 45", "Firearms seized: 12": a label before the number names it
            label = _LABEL_BEFORE.search(text, max(0, start - 40), start)
            if label is not None:
                kind = self._label_kind(label.group("label").lower())
                if kind is not None:
                    ls = label.start("label")
                    return _evidence(
                        text,
                        ls,
                        end,
                        kind,
                        value,
                        "count",
                        None,
                        None,
                        qualifier,
                        number_start=num_s,
                    )
            if _IN_YEAR.match(text, end, end + 9):
                return _evidence(
                    text,
                    start,
                    end,
                    "other",
                    value,
                    "count",
                    None,
                    None,
                    qualifier,
                    number_start=num_s,
                )
            return None
        end = head_end
        kind = self._count_kind(text, sent, num_s, end, head)
        if (
            kind == "other"
            and text[num_s].isalpha()
            and _THE_BEFORE.search(text, max(0, num_s - 5), num_s)
        ):
            return None  # "the two authorities", "the three men": the ones named before
        country_m = self.in_country.match(text, end)
        if country_m is None:
            aux = _AUXILIARY.match(text, end)
            country_m = self.in_country.match(text, aux.end()) if aux else None
        if country_m is not None and kind in {"arrests", "other"}:
            country = self.country_name.get(country_m.group("c").lower())
        elif kind == "other" and head in self.cue_words.get("person_noun", ()):
            listed = self._listed_country(text, start)
            if listed is not None:
                country, kind = listed, "arrests"
        return _evidence(
            text,
            start,
            end,
            kind,
            value,
            "count",
            None,
            country,
            qualifier,
            number_start=num_s,
        )

    def _listed_country(self, text: str, start: int) -> str | None:
        """The country a breakdown line opens with ("• Finland: six suspects, ...") when the
        lines before it speak of arrests; else None."""
        line_start = text.rfind("\n", max(0, start - 80), start) + 1
        lead = _BREAKDOWN_LEAD.fullmatch(text, line_start, start) if line_start else None
        if lead is None:
            return None
        country = self.country_name.get(lead.group("c").strip().lower())
        if country is None:
            return None
        before = self._low[max(0, line_start - 400) : line_start]
        return country if "arrest" in before or "detain" in before else None

    def _each_country(
        self,
        text: str,
        layout: Layout,
        start: int,
        num_s: int,
        pos: int,
        value: int | float,
        qualifier: str | None,
    ) -> FigureMatch | None:
        """ "four each in Italy and the Netherlands": the figure for the first country; the
        same count for each further one waits in ``self._also`` (find takes it)."""
        m = self.each_in.match(text, pos)
        if m is None:
            return None
        countries = [self.country_name.get(m.group("c").lower())]
        end = m.end()
        for _ in range(8):
            more = self.and_country.match(text, end)
            if more is None:
                break
            countries.append(self.country_name.get(more.group("c").lower()))
            end = more.end()
        if len(countries) < 2:
            return None  # "nine each in Spain": no distribution to read
        sent = layout.sentence_of(num_s)
        arrests = (
            "arrest" in m.group(0).lower()
            or self._has(text, "arrest_verb", sent)
            or self._has(text, "arrest_noun", sent)
        )
        kind = "arrests" if arrests else "other"
        figs = [
            _evidence(
                text, start, end, kind, value, "count", None, c, qualifier, number_start=num_s
            )
            for c in countries
        ]
        self._also.extend(figs[1:])
        return figs[0]

    def _counted_noun(self, text: str, pos: int) -> tuple[int, str | None]:
        """_head_noun, after two shapes it does not read: an owner before the people counted
        ("two of the market's top suppliers": its last listed noun) and a capitalised
        adjective of nationality, which is no name ("two Italian marketplaces")."""
        owned = _OWNER_PARTITIVE.match(text, pos)
        if owned is not None:
            found: tuple[int, str] | None = None
            for w in _OWNED_WORD.finditer(text, owned.start(1), owned.end(1)):
                token = w.group(1).lower()
                if token in _FUNCTION_WORDS:
                    break
                if token in self.head_nouns:
                    found = (w.end(), token)
            if found is not None:
                return found
        w = _BLANKS_WORD.match(text, pos)
        if w is not None and w.group("w").lower() in self.demonyms:
            end, head = self._head_noun(text, w.end())
            if head is not None:
                return end, head
        return self._head_noun(text, pos)

    def _head_noun(self, text: str, pos: int) -> tuple[int, str | None]:
        """The noun a count counts ("288 arrests", "12 U.S. agencies", "six pill presses")."""
        head_nouns = self.head_nouns
        of_the = _OF_THE.match(text, pos)
        if of_the and of_the.group(1).lower() in head_nouns:
            return of_the.end(), of_the.group(1).lower()
        cur = pos
        words: list[tuple[int, str]] = []
        capitalised: set[int] = set()
        for _ in range(4):
            w = _BLANKS_WORD.match(text, cur)
            if not w:
                break
            word = w.group("w")
            token = word.rstrip(".,;:’'").lower() if not word.endswith("U.S.") else word.lower()
            cur = w.start("w") + len(token)
            words.append((cur, token))
            if word[:1].isupper() and token not in {"u.s.", "u.k."}:
                capitalised.add(len(words) - 1)
            if token in _FUNCTION_WORDS and token != "of":
                break
        if not words:
            return pos, None
        if words[0][1] == "of" and len(words) > 1 and words[1][1] in {"them", "those", "whom"}:
            return words[1][0], "them"
        for end, token in words:
            if token in _FUNCTION_WORDS:
                break
            if token in head_nouns:
                return end, token
        first_end, first = words[0]
        if first in _FUNCTION_WORDS or not first.isalpha() and first not in {"u.s.", "u.k."}:
            return pos, None
        if first in _NOT_COUNTED:
            return pos, None  # "in two decades", "three times": a manner of speaking
        if 0 in capitalised or (first in {"u.s.", "u.k."} and 1 in capitalised):
            return pos, None  # "Ferrari 488 Spider", "Room 101": a name, not a count
        # generic noun phrase: run of lowercase words up to the first plural
        end = first_end
        for e, token in words:
            if token in _FUNCTION_WORDS:
                break
            end = e
            if token.endswith("s") and token not in {"u.s.", "this", "its", "was", "has", "is"}:
                break
        return end, first

    def _label_kind(self, label: str) -> str | None:
        """The kind a "Label: N" line gives its number, or None for a label that is no count."""
        words = label.split()
        for w in words:
            if w in self.cue_words.get("arrest_noun", ()) or w in _ARRESTED or w == "arrested":
                return "arrests"
            if w in self.cue_words.get("weapon_noun", ()):
                return "weapons_seized"
            if w in self.cue_words.get("sale_noun", ()):
                return "sales"
        if any(w in self.cue_words.get("person_noun", ()) for w in words):
            return "other"
        return None

    def _count_kind(self, text: str, sent: tuple[int, int], num_s: int, end: int, head: str) -> str:
        if head in self.cue_words.get("arrest_noun", ()) or head in _ARRESTED:
            return "arrests"  # "288 arrests", headline style "3 arrested in Germany"
        if head in self.cue_words.get("weapon_noun", ()):
            return "weapons_seized"
        if head in self.cue_words.get("sale_noun", ()):
            return "sales"
        if head == "them" or head in self.cue_words.get("person_noun", ()):
            # the people are the object of the arrest: "arrested (a total of) 288 suspects",
            # "the arrest of 179 of them", "179 individuals were arrested", "10 people have
            # been charged"; an arrest word elsewhere in the sentence ("charged a commission")
            # does not make vendors arrestees
            low = self._low
            if _ARREST_BEFORE.search(low, max(sent[0], num_s - 50), num_s):
                return "arrests"
            if _ARREST_AFTER.match(low, end, min(max(sent[1], end), end + 80)):
                return "arrests"
            return "other"
        return "other"

    def _drug_kind(self, text: str, sent: tuple[int, int], num_s: int) -> str | None:
        legal = self._nearest(text, sent, num_s, ("legal_cue",), window=120)
        if legal and re.search(r"dose|kill", legal[1], re.IGNORECASE):
            return None  # "two milligrams is a lethal dose": a fact about the drug, not the case
        found = self._nearest(text, sent, num_s, ("seize_verb", "sale_verb", "legal_cue"))
        if found is None:
            # "7,500 orders ... for a total of 310,000 pills": what the orders were for
            return "sales" if self._has(text, "sale_noun", sent) else "drugs_seized"
        role = found[0]
        return {"seize_verb": "drugs_seized", "sale_verb": "sales", "legal_cue": "other"}[role]

    def _money_kind(self, text: str, sent: tuple[int, int], num_s: int, end: int) -> str:
        """``num_s`` is where the amount starts, currency symbol included."""
        fine_lo = max(sent[0], num_s - 64)  # "ordered Sterlingov to forfeit approximately $"
        if self._may_contain(fine_lo, num_s, _FINE_WORDS) and _FINED_BEFORE.search(
            text[fine_lo:num_s]
        ):
            return "sentence"
        # "cocaine worth $50 million", "a street value of £2 million": what the drugs are
        # worth, not money seized (cryptocurrency "worth" 2.3 million euros stays money)
        lo = max(sent[0], num_s - 60)
        # the long substance alternation is tried only where its literal could be
        if _WORTH_WORD.search(text, lo, num_s) and (
            self._drug_value_before(text, lo, num_s)
            or _DRUG_VALUE_IS.search(text, max(sent[0], num_s - 90), num_s)
        ):
            # "he sold cocaine worth £165,000": what was sold; else what the drugs are worth
            verb = self._nearest(text, (sent[0], num_s), num_s, ("seize_verb", "sale_verb"))
            return "sales" if verb is not None and verb[0] == "sale_verb" else "other"
        if _WORTH_WORD.search(text, lo, num_s):
            valued = _VALUE_OF_AT.search(text, lo, num_s)
            if valued and self._names_drugs(valued.group("thing")):
                return "other"
        # "benefited from his crimes to the value of £613,147": a court's reckoning, not cash
        if "benefit" in self._low[lo:num_s] and _BENEFIT_BEFORE.search(text, lo, num_s):
            return "other"
        right_hi = min(sent[1], end + 40)
        if self._may_contain(end, right_hi, _SALES_WORDS) and _SALES_AFTER.match(
            text[end:right_hi]
        ):
            return "sales"
        found = self._nearest(text, sent, num_s, ("seize_verb", "sale_verb"))
        if found is None:
            return "money_seized" if _HELD_MONEY_AFTER.match(text, end) else "other"
        return "money_seized" if found[0] == "seize_verb" else "sales"

    @staticmethod
    def _potential_penalty(text: str, lo: int, hi: int) -> bool:
        """A cue of a penalty that may come ("faces", "a maximum of") before the term, and no
        term imposed after that cue ("faced a maximum of life in prison, and was sentenced
        to 151 months": the 151 months were imposed)."""
        cues = list(_POTENTIAL_PENALTY.finditer(text, lo, hi))
        return bool(cues) and _IMPOSED.search(text, cues[-1].end(), hi) is None

    def _names_drugs(self, words: str) -> bool:
        """ "LSD", "seized cocaine", "the drugs": a substance of the list or a drug noun."""
        low = _norm_space(words.lower())
        last = low.split()[-1]
        return (
            low in self.sub_names
            or last in self.sub_names
            or last in _DRUG_NOUN_WORDS
            or low in _DRUG_NOUN_WORDS
        )

    def _sentence_term(self, text: str, sent: tuple[int, int], num_s: int, end: int) -> bool:
        if _AGE_TAIL.match(text, end, end + 8):
            return False
        found = self._nearest(text, sent, num_s, ("sentence_cue", "legal_cue"), window=80)
        return bool(found and found[0] == "sentence_cue")

    def _nearest(
        self,
        text: str,
        sent: tuple[int, int],
        pos: int,
        roles: Sequence[str],
        window: int = 200,
    ) -> tuple[str, str] | None:
        """The cue closest to ``pos`` in its sentence among ``roles``: (role, cue text)."""
        lo = max(sent[0], pos - window)
        hi = min(max(sent[1], pos), pos + window)
        best: tuple[int, str, str] | None = None
        for role in roles:
            for start, end, cue in self._cues_in(text, role, sent[0], max(sent[1], pos)):
                if start < lo or end > hi:
                    continue
                d = abs(start - pos)
                if best is None or d < best[0]:
                    best = (d, role, cue)
        return (best[1], best[2]) if best else None

    def _cues_in(self, text: str, role: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """Cue words of one role in one sentence, searched once per article and sentence
        however many numbers the sentence holds."""
        key = (role, lo, hi)
        found = self._cue_cache.get(key)
        if found is None:
            scan = self.cue_scans.get(role)
            lead = self.cue_leads.get(role)
            if scan is None:
                found = []
            elif lead is not None:
                found = _after_non_word(lead, scan[0], self._low, lo, hi)
            else:
                found = [
                    (m.start(), m.end(), m.group(0))
                    for m in finditer_guarded(scan[0], scan[1], self._low, lo, hi)
                ]
            self._cue_cache[key] = found
        return found

    def _has(self, text: str, role: str, sent: tuple[int, int]) -> bool:
        return bool(self._cues_in(text, role, sent[0], sent[1]))

    def _drug_value_before(self, text: str, lo: int, hi: int) -> bool:
        """``self.drug_value_before.search(text, lo, hi) is not None``: "cocaine worth".

        The search tries the long substance alternation at every position of the window,
        case-insensitively: tens of microseconds a call. Every match ends at ``hi`` (or
        before a last newline, and then its closing blanks can take the newline too), so a
        match exists exactly when the reversed pattern matches the reversed window at its
        start: a single place, from which the alternation is tried only where the words
        before "worth" may begin. The character before the window is kept (a space stands
        for the text's start) for the ``\\b`` before the substance, which sees it, as the
        search's does; the closing lookahead keeps the match off it, so no match starts
        before ``lo``.
        """
        window = text[lo - 1 : hi] if lo > 0 else " " + text[:hi]
        return self.drug_value_reversed.match(window[::-1]) is not None

    def _may_have_prefix(self, text: str, lo: int, hi: int) -> bool:
        """False when ``prefix_re.search(text, lo, hi)`` cannot match: every match ends with
        a symbol or code and blanks (``$`` may also stand before a last "\n"), so the last
        character before those blanks must end a symbol or a code."""
        window = text[lo:hi]
        if window.endswith("\n"):
            window = window[:-1]
        window = window.rstrip(" \t")
        return bool(window) and window[-1] in self.prefix_last

    def _may_contain(self, lo: int, hi: int, words: tuple[str, ...]) -> bool:
        """False when no word of ``words`` is in ``text[lo:hi]`` in any case: then a
        case-insensitive pattern that needs one of them cannot match there. Always True in a
        text with characters that case-fold into ASCII letters (see _reference_before)."""
        if not self._foldless:
            return True
        window = self._low[lo:hi]
        return any(w in window for w in words)

    def _reference_before(self, before: str) -> bool:
        """``_REFERENCE_BEFORE.search(before)``, which every number asks; the regex runs only
        when the window ends like one of its words or signs. The literal test is exact only
        when no character of the text case-folds into an ASCII letter (e.g. "ſ" is "s" to
        IGNORECASE): otherwise the regex alone decides."""
        if self._foldless:
            tail = before[:-1] if before.endswith("\n") else before
            if not tail:
                return False
            if tail[-1] not in _GLUED_BEFORE and not tail.rstrip(" \t").lower().endswith(
                _REFERENCE_ENDINGS
            ):
                return False
        return _REFERENCE_BEFORE.search(before) is not None

    def _qualifier(self, text: str, start: int) -> str | None:
        """The qualifier just before ``start``: ``_QUALIFIER_RE.search`` of the 32 characters
        before it, without the slice and without entering the pattern at every position."""
        if start == 0 or not text[start - 1].isspace():
            return None  # every match ends in blanks (``$`` may also stand before a last "\n")
        lo = max(0, start - 32)
        if self._foldless:  # literal tests: exact without characters that fold into ASCII
            window = self._low[lo:start]
            if not window.rstrip().endswith(_QUALIFIER_LAST_WORDS):
                return None
            if not " ".join(window.split()).endswith(_QUALIFIER_ENDINGS):
                return None
        # "^" matches only at the slice's start: there, where the slice begins a word
        m = _QUALIFIER_AT.match(text, lo, start) or _QUALIFIER_AFTER_SEPARATOR.search(
            text, lo, start
        )
        if not m:
            return None
        for i, (name, _) in enumerate(_QUALIFIERS):
            if m.group(f"q{i}"):
                return name
        return None


def _norm_space(s: str) -> str:
    return re.sub(r"\s+", " ", s)


_EQUIV_GAP = re.compile(
    r"[ \t]*[(\[][ \t]*(?:or[ \t]+|worth[ \t]+|valued[ \t]+at[ \t]+|equivalent[ \t]+to[ \t]+)?"
    r"(?:(?:approximately|approx\.|about|around|roughly|some|nearly|almost|over|more[ \t]+than|"
    r"c\.|ca\.|circa)[ \t]+)?$",
    re.IGNORECASE,
)
_WORTH_GAP = re.compile(
    r"[ \t]*(?:,[ \t]*)?(?:(?:then|now|currently|at[ \t]+the[ \t]+time)[ \t]+)?"
    r"(?:worth|valued[ \t]+at)[ \t]+(?:(?:approximately|about|"
    r"around|roughly|some|nearly|almost|over|more[ \t]+than)[ \t]+)?$",
    re.IGNORECASE,
)


# the bracket may close after a few words: "(roughly 7.9 bitcoin at the time of seizure)"
_CLOSING_BRACKET = re.compile(r"[ \t]*[^()\[\]\d\n]{0,40}?[)\]]")
# "around 23 million euros, or roughly US$25 million": the same sum in another currency
_OR_GAP = re.compile(
    r"[ \t]*(?:,[ \t]*)?or[ \t]+"
    r"(?:(?:approximately|about|around|roughly|some|nearly|almost)[ \t]+)?$",
    re.IGNORECASE,
)


# between two sums of one list: "forfeit 14.7 bitcoin, about 212 Monero and ..."
_SUM_LIST_GAP = re.compile(
    r"(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)"
    r"(?:(?:about|approximately|around|roughly|some|nearly|almost|over|more[ \t]+than)[ \t]+)?$",
    re.IGNORECASE,
)


def _listed_sentences(text: str, figs: list[FigureMatch]) -> list[FigureMatch]:
    """Sums listed after one court order are all imposed ("ordered the couple to forfeit 14.7
    bitcoin, about 212 Monero and their house"): the cue stands before the first only."""
    out: list[FigureMatch] = []
    for f in figs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "sentence"
            and prev.dimension == "currency"
            and f.dimension == "currency"
            and f.kind != "sentence"
            and _SUM_LIST_GAP.fullmatch(text, prev.end, f.start) is not None
        ):
            f = f._replace(kind="sentence")
        out.append(f)
    return out


def _link_equivalents(text: str, figs: list[FigureMatch]) -> list[FigureMatch]:
    """Fold a bracketed restatement ("144 kg (approximately 317 pounds)") into its figure, and
    the same sum in another currency after "or" ("23 million euros, or roughly US$25 million")."""
    out: list[FigureMatch] = []
    i = 0
    while i < len(figs):
        cur = figs[i]
        equivalents = list(cur.equivalents)
        j = i + 1
        while j < len(figs):
            nxt = figs[j]
            same_dim = nxt.dimension == cur.dimension and cur.dimension in {"mass", "currency"}
            crypto_fiat = cur.dimension == "currency" and nxt.dimension == "currency"
            if not same_dim and not crypto_fiat:
                break  # neither a restatement nor a worth: the gap need not be read
            gap = text[cur.end if not equivalents else equivalents[-1].end : nxt.start]
            bracketed = _EQUIV_GAP.fullmatch(gap) is not None and _CLOSING_BRACKET.match(
                text, nxt.end, nxt.end + 48
            )
            if not bracketed and same_dim and cur.dimension == "currency" and nxt.unit != cur.unit:
                bracketed = _OR_GAP.fullmatch(gap) is not None
            worth = (
                crypto_fiat
                and cur.unit in {"BTC", "XMR", "ETH", "LTC", "USDT"}
                and _WORTH_GAP.fullmatch(gap) is not None
            )
            if (same_dim and bracketed) or worth:
                equivalents.append(
                    Equivalence(nxt.start, nxt.end, nxt.text, nxt.value, nxt.unit, nxt.qualifier)
                )
                j += 1
                continue
            break
        out.append(cur._replace(equivalents=tuple(equivalents)) if equivalents else cur)
        i = j
    return out


def _significant(v: float) -> int:
    digits = f"{v:.10g}".replace(".", "").replace("-", "").rstrip("0")
    return len(digits)


_MONTHS_PER = {"year": 12, "month": 1}
_TEXT_NOISE = re.compile(r"[\d.,\s$€£]+")


def _same_fact(a: FigureMatch, b: FigureMatch) -> bool:
    """Two readings of one amount: money and masses rarely coincide by chance; counts must
    also count the same thing (their words after the number agree)."""
    if a.dimension in {"currency", "mass"}:
        return True
    return (
        _TEXT_NOISE.sub(" ", a.text.lower()).split()[-1:]
        == _TEXT_NOISE.sub(" ", b.text.lower()).split()[-1:]
    )


def _comparable(unit: str, value: int | float) -> tuple[str, float]:
    """A unit and value in which restatements compare equal: "15 years" is "180 months"."""
    if unit in _MONTHS_PER:
        return "month", round(value * _MONTHS_PER[unit], 6)
    return unit, float(value)


def _consolidate(figs: list[FigureMatch]) -> list[FigureMatch]:
    """A fact counts once: drop exact repeats, and a rounded "more than 50 million" when a more
    precise statement of the same figure (50.8 million, same kind and unit) exists, or whole
    years of a prison term stated in years and months."""
    seen: dict[tuple[object, ...], FigureMatch] = {}
    for f in figs:
        # kind is left out of the key: the same amount read twice with two kinds is one
        # fact misread once; the more specific kind wins over "other"
        key = (*_comparable(f.unit, f.value), f.substance, f.country)
        if key not in seen:
            seen[key] = f
        elif seen[key].kind == f.kind:
            continue
        elif not _same_fact(seen[key], f):
            # "17 arrests" and "17 countries": one number, two facts
            seen[(*key, f.kind, f.text)] = f
        elif seen[key].kind == "other" and f.kind != "other":
            seen[key] = f._replace(
                start=seen[key].start,
                end=seen[key].end,
                text=seen[key].text,
                number_start=seen[key].number_start,
            )
    # the same figure stated without and with its country or substance is one fact
    specific = {(f.kind, f.unit, f.value) for f in seen.values() if f.country or f.substance}
    uniq = [
        f
        for f in seen.values()
        if f.country or f.substance or (f.kind, f.unit, f.value) not in specific
    ]
    keep: list[FigureMatch] = []
    for f in uniq:
        rounded = f.qualifier in {"more than", "at least", "about"}
        absorbed = False
        if rounded and f.value:
            hi = f.value * (1.1 if f.qualifier == "about" else 1.15)
            lo = f.value * (0.9 if f.qualifier == "about" else 1.0)
            for g in uniq:
                if g is f or (g.kind, g.unit, g.substance, g.country) != (
                    f.kind,
                    f.unit,
                    f.substance,
                    f.country,
                ):
                    continue
                if lo <= g.value <= hi and _significant(g.value) > _significant(f.value):
                    absorbed = True
                    break
        if not absorbed and f.kind == "sentence" and f.unit == "year" and f.value_max is None:
            # "jailed for over 12 years" in a headline, "12 years and six months" below: the
            # whole years are the same term, rounded down (a headline or lead rounds what the
            # body then states: "five years of supervised release" after "five years and ten
            # months in prison" is a term of its own)
            years = float(f.value)
            absorbed = years.is_integer() and any(
                g.kind == "sentence"
                and g.unit == "month"
                and g.country == f.country
                and g.start > f.start
                and years * 12 < float(g.value) < (years + 1) * 12
                for g in uniq
            )
        if not absorbed:
            keep.append(f)
    keep.sort(key=lambda f: (f.start, f.end))
    return keep
