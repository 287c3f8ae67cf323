"""Figures: every number of the story, normalised to a value and a unit, with its kind.

The finder scans the text once with a few compiled patterns (numbers, number words,
"Country (N)" breakdowns), then reads a small window around each hit: the unit and
substance to its right, a qualifier ("more than") to its left, and the cue words of its
sentence that tell an arrest from a seizure or a sale. All the vocabularies come from the
rules files, so the code holds only the shape of how news state figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from takedown.models.rules import CountryRule, KindCueRule, SubstanceRule, UnitRule
from takedown.normalize.layout import Layout
from takedown.normalize.numbers import (
    NUMBER_WORDS_RE,
    ORDINALS,
    parse_digits,
    scale_value,
    tidy,
    words_to_number,
)

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_TAIL = re.compile(
    r"(?:[ \t]?(?P<suf>mn|mln|bn|bln|tn|m|b|k)\b|[ \t]+(?P<word>million|billion|thousand|trillion)\b)",
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
_QUALIFIER_RE = re.compile(
    r"(?:^|[\s(\[—–-])(?:"
    + "|".join(f"(?P<q{i}>{pat})" for i, (_, pat) in enumerate(_QUALIFIERS))
    + r")[ \t]+(?:a\s+total\s+of\s+)?$",
    re.IGNORECASE,
)
# Numbers that are references, not quantities: "Section 841", "No. 5", "Title 21", "Room 101".
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:section|sections|no\.|number|title|chapter|article|rule|case|room|suite|route|"
    r"highway|interstate|flight|code|page|pages|version|model|episode|season|volume|vol\.|"
    r"district|ward|precinct|unit|level|phase|grade|class|schedule|covid|top|aged|age|ages)"
    r"|§|#|[-–/:])[ \t]*$",
    re.IGNORECASE,
)
_AFTER_VETO = re.compile(r"(?:st|nd|rd|th)\b|[:/]\d|-\d|[-–](?:year|month|week|day)s?[-–]old\b"
                         r"|\s*(?:years?|yrs?)\s+old\b|\.\d", re.IGNORECASE)
_WORD_TOKEN = re.compile(r"[A-Za-z][A-Za-z.'’-]*")
_FUNCTION_WORDS = frozenset(
    "a an the and or of in on at to from for with by as per than that which who were was is are "
    "be been being have has had will would could should may might can do did does not no nor "
    "but so if into onto over under up down out off its their his her our your this these those "
    "it they he she we you more less most least such each every other another all both some "
    "any many much few several million billion thousand hundred".split()
)
_VAGUE_BEFORE = re.compile(r"(?:\b(?:of|tens|hundreds|thousands|millions|billions)\s+)$", re.I)
_AUXILIARY = re.compile(r"[ \t]+(?:have|has|had|were|was|are|is)(?:[ \t]+been)?(?=[ \t])")
# "six pill presses": the unit word is an adjective of another noun
_NOT_A_UNIT_AFTER = re.compile(r"[ \t]+(?:press(?:es)?|mills?|bottles?|machines?|counters?)\b",
                               re.IGNORECASE)
_MASS_UNITS = frozenset({"kg", "g", "mg", "lb", "oz", "t"})
_TIME_UNITS = frozenset({"year", "month", "week", "day"})
_DRUG_NOUNS = (
    r"drugs|narcotics|substances|controlled\s+substances|pills|tablets|powder|product|"
    r"illegal\s+drugs|illicit\s+drugs"
)


@dataclass(frozen=True, slots=True)
class Equivalence:
    start: int
    end: int
    text: str
    value: int | float
    unit: str
    qualifier: str | None


@dataclass(frozen=True, slots=True)
class FigureMatch:
    """One figure; ``text == source[start:end]``."""

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
    dimension: str = "count"


@dataclass
class _Cues:
    """One compiled alternation per cue role, searched inside a sentence."""

    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)

    def positions(self, role: str, text: str, start: int, end: int) -> list[int]:
        pat = self.patterns.get(role)
        if pat is None:
            return []
        return [m.start() for m in pat.finditer(text, start, end)]


def _alternation(words: Iterable[str]) -> str:
    uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


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
        prefix = [u.surface for u in units if u.dimension == "currency" and not u.surface.isalpha()]
        codes = [u.surface.upper() for u in units if u.dimension == "currency" and len(u.surface) == 3
                 and u.surface.isalpha()]
        self.currency_prefix = {s.lower(): self.unit_by_surface[s.lower()].unit for s in prefix}
        self.currency_prefix.update({c.lower(): self.unit_by_surface[c.lower()].unit for c in codes})
        prefix_alt = _alternation([*(p.upper() for p in prefix), *prefix])
        code_alt = _alternation(codes)
        self.number_re = re.compile(
            rf"(?:(?P<sym>{prefix_alt})[ \t]?|\b(?P<code>{code_alt})[ \t]+)?"
            rf"(?<![\w.,])(?P<num>{_DIGITS})(?![\d])",
        )
        after = [u.surface for u in units if u.surface.isalpha() or " " in u.surface
                 or u.surface in {"%", "u.s. dollars"}]
        self.unit_re = re.compile(
            rf"[ \t]?-?[ \t]?(?P<unit>{_alternation(after)})(?![A-Za-z])", re.IGNORECASE
        )
        self.sub_names: dict[str, str] = {}
        sub_words: list[str] = []
        for s in substances:
            for w in (s.name, *s.synonyms, *s.slang):
                self.sub_names[w.lower()] = s.name
                sub_words.append(w)
        sub_alt = _alternation(sub_words)
        self.substance_after = re.compile(
            rf"[ \t]+(?:of[ \t]+)?(?:(?:[a-z][a-z-]*[ \t]+){{0,3}}?)"
            rf"(?:(?P<sub>{sub_alt})|(?P<drug>{_DRUG_NOUNS}))\b",
            re.IGNORECASE,
        )
        self.substance_before_pills = re.compile(
            rf"[ \t]+(?:[a-z][a-z-]*[ \t]+){{0,2}}?(?P<sub>{sub_alt})[ \t]+(?:[a-z-]+[ \t]+)?"
            rf"(?P<unit>pills?|tablets?|capsules?|doses|blotters?|tabs)\b",
            re.IGNORECASE,
        )
        self.country_name: dict[str, str] = {}
        names: list[str] = []
        for c in countries:
            for w in (c.name, *c.aliases):
                self.country_name[w.lower()] = c.name
                names.append(w)
        country_alt = _alternation(names)
        self.in_country = re.compile(
            rf"[ \t]+(?:were\s+|was\s+)?(?:arrested\s+|detained\s+)?in[ \t]+(?:the[ \t]+)?"
            rf"(?P<c>{country_alt})(?![A-Za-z])"
        )
        self.country_paren = re.compile(
            rf"(?<![A-Za-z])(?:the[ \t]+)?(?P<c>{country_alt})[ \t]*\([ \t]*(?P<n>{_DIGITS})[ \t]*\)"
        )
        self.cues = _Cues(
            {
                c.cue: re.compile(rf"\b(?:{_alternation(c.cues)})\b", re.IGNORECASE)
                for c in cues
            }
        )
        self.cue_words: dict[str, frozenset[str]] = {
            c.cue: frozenset(w.lower() for w in c.cues) for c in cues
        }
        self.ordinal_re = re.compile(
            rf"\b(?P<ord>{'|'.join(ORDINALS)})\b(?P<mid>(?:[ \t]+[a-z-]+){{0,4}}?)[ \t]+"
            r"(?P<noun>operation|action|takedown|crackdown|sweep|phase|iteration)\b",
            re.IGNORECASE,
        )

    # -- public -------------------------------------------------------------------------

    def find(
        self, text: str, layout: Layout, exclude: Sequence[tuple[int, int]] = ()
    ) -> list[FigureMatch]:
        """All figures of ``text`` outside furniture and outside ``exclude`` (dates, names)."""
        blocked = sorted(exclude)
        out: list[FigureMatch] = []
        taken: list[tuple[int, int]] = []

        def free(s: int, e: int) -> bool:
            if layout.in_zone(s, e):
                return False
            return not any(bs < e and s < be for bs, be in blocked) and not any(
                ts < e and s < te for ts, te in taken
            )

        for m in self.country_paren.finditer(text):
            if not free(m.start(), m.end()):
                continue
            sent = layout.sentence_of(m.start())
            if not self._has(text, "arrest_verb", sent) and not self._has(text, "arrest_noun", sent):
                continue
            country = self.country_name.get(m.group("c").lower())
            start = m.start("c")
            out.append(
                FigureMatch(start, m.end(), text[start : m.end()], "arrests",
                            tidy(parse_digits(m.group("n"))), "count", country=country,
                            number_start=m.start("n"))
            )
            taken.append((start, m.end()))

        for m in self.number_re.finditer(text):
            fig = self._from_digits(text, m, layout)
            if fig and free(fig.number_start, fig.end) and free(fig.start, fig.start + 1):
                out.append(fig)
                taken.append((fig.start, fig.end))
        for m in NUMBER_WORDS_RE.finditer(text):
            fig = self._from_words(text, m, layout)
            if fig and free(fig.start, fig.end):
                out.append(fig)
                taken.append((fig.start, fig.end))
        for m in self.ordinal_re.finditer(text):
            if free(m.start(), m.end()):
                out.append(
                    FigureMatch(m.start(), m.end(), m.group(0), "other", ORDINALS[m.group("ord").lower()],
                                "count", number_start=m.start())
                )
        out.sort(key=lambda f: (f.start, f.end))
        return _consolidate(_link_equivalents(text, out))

    # -- candidates ---------------------------------------------------------------------

    def _from_digits(self, text: str, m: re.Match[str], layout: Layout) -> FigureMatch | None:
        num_s, num_e = m.span("num")
        digits = m.group("num")
        value = parse_digits(digits)
        pos = num_e
        scale = _SCALE_TAIL.match(text, pos)
        mult = 1
        if scale:
            mult = scale_value(scale.group("suf") or scale.group("word"))
            pos = scale.end()
        if _AFTER_VETO.match(text, num_e):
            return None
        before = text[max(0, num_s - 24) : num_s]
        cur_tok = m.group("sym") or m.group("code")
        if not cur_tok and _REFERENCE_BEFORE.search(before):
            return None
        start = m.start() if cur_tok else num_s
        unit: str | None = None
        dimension = "count"
        if cur_tok:
            unit = self.currency_prefix.get(cur_tok.lower())
            dimension = "currency"
            # "US$4 million dollars" / "€5 million euros": swallow a repeated currency word
            u = self.unit_re.match(text, pos)
            if u and self.unit_by_surface[u.group("unit").lower()].dimension == "currency":
                pos = u.end()
        else:
            u = self._unit(text, pos)
            if u:
                rule = self.unit_by_surface[_norm_space(u.group("unit").lower())]
                unit, dimension = rule.unit, rule.dimension
                pos = u.end()
                if rule.ambiguous:
                    unit, dimension = self._pounds(text, pos, mult)
        if unit is None:
            if mult == 1 and "." not in digits and "," not in digits and 1900 <= value <= 2100:
                return None  # a year: the dates component owns it
        value *= mult
        return self._finish(text, layout, start, num_s, pos, tidy(value), unit, dimension)

    def _from_words(self, text: str, m: re.Match[str], layout: Layout) -> FigureMatch | None:
        phrase = m.group(0)
        value = words_to_number(phrase)
        if value is None:
            return None
        low = phrase.lower()
        if low in {"one", "zero"} and not self.in_country.match(text, m.end()):
            nxt = _WORD_TOKEN.match(text, m.end() + 1)
            if not nxt or nxt.group(0).lower().rstrip(".,") not in (
                self.cue_words.get("person_noun", frozenset()) | {"arrest", "firearm", "weapon"}
            ):
                return None
        before = text[max(0, m.start() - 16) : m.start()]
        if _VAGUE_BEFORE.search(before) and low in {"hundred", "thousand", "million", "billion"}:
            return None
        pos = m.end()
        unit: str | None = None
        dimension = "count"
        u = self._unit(text, pos)
        if u:
            rule = self.unit_by_surface[_norm_space(u.group("unit").lower())]
            unit, dimension = rule.unit, rule.dimension
            pos = u.end()
            if rule.ambiguous:
                unit, dimension = self._pounds(text, pos, 1)
        return self._finish(text, layout, m.start(), m.start(), pos, value, unit, dimension)

    def _unit(self, text: str, pos: int) -> re.Match[str] | None:
        u = self.unit_re.match(text, pos)
        if u and _NOT_A_UNIT_AFTER.match(text, u.end()):
            return None
        return u

    def _pounds(self, text: str, pos: int, mult: int) -> tuple[str, str]:
        """ "pounds" is money when it is sterling by its words, mass otherwise: deterministic."""
        tail = text[pos : pos + 24].lower()
        if re.match(r"\s+(?:sterling|in\s+(?:cash|fines?|assets|proceeds|profits?|criminal)|worth)", tail):
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
            pills = self.substance_before_pills.match(text, pos)
            if pills:
                substance = self.sub_names.get(_norm_space(pills.group("sub").lower()))
                unit, dimension, end = "pill", "count", pills.end()
        if dimension == "mass" or unit == "pill":
            if substance is None:
                s = self.substance_after.match(text, end)
                if s:
                    if s.group("sub"):
                        substance = self.sub_names.get(_norm_space(s.group("sub").lower()))
                    end = s.end()
            kind = self._drug_kind(text, sent, num_s)
            if kind is None:
                return None
            return FigureMatch(start, end, text[start:end], kind, value, unit or "pill", substance,
                               None, qualifier, number_start=num_s, dimension="mass")
        if dimension == "currency":
            kind = self._money_kind(text, sent, start, end)
            return FigureMatch(start, end, text[start:end], kind, value, unit or "USD", None, None,
                               qualifier, number_start=num_s, dimension="currency")
        if dimension == "percent":
            noun = _WORD_TOKEN.match(text, end + 1)
            if noun and noun.group(0).lower() not in _FUNCTION_WORDS:
                end = noun.end()
            return FigureMatch(start, end, text[start:end], "other", value, "percent", None, None,
                               qualifier, number_start=num_s, dimension="percent")
        if dimension == "time":
            kind = "sentence" if self._sentence_term(text, sent, num_s, end) else "other"
            tail = re.match(r"[ \t]+(?:in|of)[ \t]+(?:federal[ \t]+|state[ \t]+)?"
                            r"(?:prison|jail|custody|imprisonment)|[ \t]+behind[ \t]+bars|"
                            r"[ \t]+(?:prison|jail)[ \t]+(?:sentence|term)", text[end : end + 40])
            if kind == "sentence" and tail:
                end += tail.end()
            return FigureMatch(start, end, text[start:end], kind, value, unit or "year", None, None,
                               qualifier, number_start=num_s, dimension="time")
        # plain counts
        country_m = self.in_country.match(text, end)
        head_end, head = self._head_noun(text, end)
        if country_m and head is None:
            country = self.country_name.get(country_m.group("c").lower())
            arrests = self._has(text, "arrest_verb", sent) or self._has(text, "arrest_noun", sent)
            end = country_m.end()
            return FigureMatch(start, end, text[start:end], "arrests" if arrests else "other",
                               value, "count", None, country, qualifier, number_start=num_s)
        if head is None:
            if re.match(r"[ \t]+in[ \t]+(?:19|20)\d\d\b", text[end : end + 9]):
                return FigureMatch(start, end, text[start:end], "other", value, "count", None, None,
                                   qualifier, number_start=num_s)
            return None
        end = head_end
        kind = self._count_kind(text, sent, num_s, end, head)
        country_m = self.in_country.match(text, end)
        if country_m is None:
            aux = _AUXILIARY.match(text, end)
            country_m = self.in_country.match(text, aux.end()) if aux else None
        if country_m is not None and kind in {"arrests", "other"}:
            country = self.country_name.get(country_m.group("c").lower())
        return FigureMatch(start, end, text[start:end], kind, value, "count", None, country,
                           qualifier, number_start=num_s)

    def _head_noun(self, text: str, pos: int) -> tuple[int, str | None]:
        """The noun a count counts ("288 arrests", "12 U.S. agencies", "six pill presses")."""
        cur = pos
        words: list[tuple[int, str]] = []
        for _ in range(4):
            m = re.compile(r"[ \t]+").match(text, cur)
            if not m:
                break
            w = _WORD_TOKEN.match(text, m.end())
            if not w:
                break
            token = w.group(0).rstrip(".,;:’'").lower() if not w.group(0).endswith("U.S.") \
                else w.group(0).lower()
            words.append((w.start() + len(token), token))
            cur = w.start() + len(token)
            if token in _FUNCTION_WORDS and token != "of":
                break
        if not words:
            return pos, None
        if words[0][1] == "of" and len(words) > 1 and words[1][1] in {"them", "those", "whom"}:
            return words[1][0], "them"
        roles = ("arrest_noun", "person_noun", "weapon_noun", "sale_noun")
        for end, token in words:
            if token in _FUNCTION_WORDS:
                break
            for role in roles:
                if token in self.cue_words.get(role, ()):
                    return end, token
        first_end, first = words[0]
        if first in _FUNCTION_WORDS or not first.isalpha() and first not in {"u.s.", "u.k."}:
            return pos, None
        # generic noun phrase: run of lowercase words up to the first plural
        end = first_end
        for e, token in words:
            if token in _FUNCTION_WORDS:
                break
            end = e
            if token.endswith("s") and token not in {"u.s.", "this", "its", "was", "has", "is"}:
                break
        return end, first

    def _count_kind(self, text: str, sent: tuple[int, int], num_s: int, end: int, head: str) -> str:
        if head in self.cue_words.get("arrest_noun", ()):
            return "arrests"
        if head in self.cue_words.get("weapon_noun", ()):
            return "weapons_seized"
        if head in self.cue_words.get("sale_noun", ()):
            return "sales"
        if head == "them" or head in self.cue_words.get("person_noun", ()):
            near = self._nearest(text, sent, num_s, ("arrest_verb",), window=90)
            return "arrests" if near else "other"
        return "other"

    def _drug_kind(self, text: str, sent: tuple[int, int], num_s: int) -> str | None:
        legal = self._nearest(text, sent, num_s, ("legal_cue",), window=120)
        if legal and re.search(r"dose|kill", legal[1], re.IGNORECASE):
            return None  # "two milligrams is a lethal dose": a fact about the drug, not the case
        found = self._nearest(text, sent, num_s, ("seize_verb", "sale_verb", "legal_cue"))
        if found is None:
            return "drugs_seized"
        role = found[0]
        return {"seize_verb": "drugs_seized", "sale_verb": "sales", "legal_cue": "other"}[role]

    def _money_kind(self, text: str, sent: tuple[int, int], num_s: int, end: int) -> str:
        """``num_s`` is where the amount starts, currency symbol included."""
        if re.search(r"\b(?:fined|fine\s+of|ordered\s+to\s+pay|penalty\s+of)\s+(?:\w+\s+)?$",
                     text[max(sent[0], num_s - 40) : num_s], re.IGNORECASE):
            return "sentence"
        right = text[end : min(sent[1], end + 40)]
        if re.match(r"\s+(?:in|of|worth\s+of)\s+(?:\w+\s+){0,3}?(?:sales|revenue|transactions|"
                    r"trade|turnover|profits?|proceeds)\b", right, re.IGNORECASE):
            return "sales"
        found = self._nearest(text, sent, num_s, ("seize_verb", "sale_verb"))
        if found is None:
            return "other"
        return "money_seized" if found[0] == "seize_verb" else "sales"

    def _sentence_term(self, text: str, sent: tuple[int, int], num_s: int, end: int) -> bool:
        if re.match(r"[ \t]*-?[ \t]*(?:years?|months?)?[ \t]*(?:-|\s)?old\b", text[end : end + 8]):
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
            pat = self.cues.patterns.get(role)
            if pat is None:
                continue
            for m in pat.finditer(text, lo, hi):
                d = abs(m.start() - pos)
                if best is None or d < best[0]:
                    best = (d, role, m.group(0))
        return (best[1], best[2]) if best else None

    def _has(self, text: str, role: str, sent: tuple[int, int]) -> bool:
        pat = self.cues.patterns.get(role)
        return bool(pat and pat.search(text, sent[0], sent[1]))

    def _qualifier(self, text: str, start: int) -> str | None:
        m = _QUALIFIER_RE.search(text[max(0, start - 32) : start])
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
_WORTH_GAP = re.compile(r"[ \t]*,?[ \t]*(?:worth|valued[ \t]+at)[ \t]+(?:(?:approximately|about|"
                        r"around|roughly|some|nearly|almost|over|more[ \t]+than)[ \t]+)?$",
                        re.IGNORECASE)


def _link_equivalents(text: str, figs: list[FigureMatch]) -> list[FigureMatch]:
    """Fold a bracketed restatement ("144 kg (approximately 317 pounds)") into its figure."""
    out: list[FigureMatch] = []
    i = 0
    while i < len(figs):
        cur = figs[i]
        equivalents = list(cur.equivalents)
        j = i + 1
        while j < len(figs):
            nxt = figs[j]
            gap = text[cur.end if not equivalents else equivalents[-1].end : nxt.start]
            same_dim = nxt.dimension == cur.dimension and cur.dimension in {"mass", "currency"}
            crypto_fiat = cur.dimension == "currency" and nxt.dimension == "currency"
            bracketed = _EQUIV_GAP.fullmatch(gap) is not None and re.match(
                r"[ \t]*[)\]]", text[nxt.end : nxt.end + 3]
            )
            worth = crypto_fiat and cur.unit in {"BTC", "XMR", "ETH", "LTC", "USDT"} and \
                _WORTH_GAP.fullmatch(gap) is not None
            if (same_dim and bracketed) or worth:
                equivalents.append(
                    Equivalence(nxt.start, nxt.end, nxt.text, nxt.value, nxt.unit, nxt.qualifier)
                )
                j += 1
                continue
            break
        out.append(replace(cur, equivalents=tuple(equivalents)) if equivalents else cur)
        i = j
    return out


def _significant(v: float) -> int:
    digits = f"{v:.10g}".replace(".", "").replace("-", "").rstrip("0")
    return len(digits)


def _consolidate(figs: list[FigureMatch]) -> list[FigureMatch]:
    """A fact counts once: drop exact repeats, and a rounded "more than 50 million" when a more
    precise statement of the same figure (50.8 million, same kind and unit) exists."""
    seen: dict[tuple[object, ...], FigureMatch] = {}
    for f in figs:
        key = (f.kind, f.unit, f.value, f.substance, f.country)
        if key not in seen:
            seen[key] = f
    # the same figure stated without and with its country or substance is one fact
    specific = {(f.kind, f.unit, f.value) for f in seen.values() if f.country or f.substance}
    uniq = [
        f for f in seen.values()
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
                    f.kind, f.unit, f.substance, f.country
                ):
                    continue
                if lo <= g.value <= hi and _significant(g.value) > _significant(f.value):
                    absorbed = True
                    break
        if not absorbed:
            keep.append(f)
    keep.sort(key=lambda f: (f.start, f.end))
    return keep
