"""spaCy component ``takedown_entities``: operations, marketplaces, agencies, countries, people.

Three sources, strongest first: the curated gazetteers (PhraseMatcher, case-sensitive for
one-word forms and acronyms, case-insensitive for longer names), acronym definitions in
the article (Schwartz–Hearst), and general name patterns. Overlaps are settled longest
first; then forms are linked inside the article (a defined acronym, "the Bureau" after
the FBI, a surname after the full name) so each mention carries its entity's key.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import attrgetter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from takedown.models.rules import AgencyRule, CountryRule, MarketRule, OperationRule
from takedown.normalize.abbreviations import find_definitions
from takedown.normalize.intervals import Occupied
from takedown.normalize.layout import Layout
from takedown.normalize.names import (
    NameCandidate,
    find_agencies,
    find_markets,
    find_operations,
    find_persons,
)
from takedown.normalize.numbers import ascii_lower
from takedown.normalize.scan import finditer_guarded
from takedown.pipeline.common import (
    ENTITY_GROUP,
    MENTIONS_KEY,
    char_span,
    doc_text,
    ensure_layout,
    register_extensions,
)
from takedown.pipeline.rulesio import RulesComponent

_PRIORITY = {"gazetteer": 3, "abbreviation": 2, "pattern": 1}
# A one-word listed market ("Hydra", "Bohemia", "Sipulitori") counts only in a sentence that
# speaks of a site: its noun, or what is done to a site and who runs one.
_MARKET_CONTEXT = re.compile(
    r"market|darknet|dark web|site|platform|forum|shop|vendor|shut down|shutdown|takedown|"
    r"taken down|took down|offline|administrator|moderator|operator",
    re.IGNORECASE,
)
# Country names that are also common first names or US states: only after a preposition.
_AMBIGUOUS_COUNTRY_FORMS = frozenset({"Georgia", "Jordan", "Chad", "Niger", "Mali", "Guinea"})
_DEMONYM_VETO_BEFORE = re.compile(r"(?:Latin|South|North|Central|Native|African)[ \t]+$")
# a demonym as part of a place's or a language's name: "British Columbia", "the British Virgin
# Islands", "the Indian Ocean", "a Russian-language forum", "Russian-speaking vendors"
_DEMONYM_VETO_AFTER = re.compile(
    r"[ \t]+(?:Columbia|Virgin[ \t]+Islands|Guiana|Ocean|Sea|Riviera|Antarctic)\b"
    r"|-(?:language|speaking)\b"
)
# a country's name as a US town's: "Lebanon, OH", "Mexico, Missouri", "Peru, Indiana"
_US_STATE_AFTER = re.compile(
    r",[ \t]*(?:A[LKZR]|C[AOT]|DE|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|"
    r"S[CD]|T[NX]|UT|V[TA]|W[AVIY]|Alabama|Alaska|Arizona|Arkansas|California|Colorado|"
    r"Connecticut|Delaware|Florida|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|"
    r"Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|"
    r"New[ \t]+(?:Hampshire|Jersey|Mexico|York)|North[ \t]+(?:Carolina|Dakota)|Ohio|Oklahoma|"
    r"Oregon|Pennsylvania|Rhode[ \t]+Island|South[ \t]+(?:Carolina|Dakota)|Tennessee|Texas|"
    r"Utah|Vermont|Virginia|Washington|West[ \t]+Virginia|Wisconsin|Wyoming)\b"
)
_ORG_WORDS = re.compile(
    r"\b(?:Market|Marketplace|Department|Police|Agency|Bureau|Service|Unit|Office|Court|"
    r"Operation|Team|Task|Administration|Division|Justice|Europol|Darknet|Dark|Web|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|June|July|August|September|October|November|December|Street|Road|County|"
    r"University|Image|Photo|Attorney|General|Director|Prison|Federal|National|District|"
    r"Enforcement|Agent|Special|Deputy|Chief|Acting|Region|Central|Northern|Southern|Eastern|"
    r"Western|Province|City|State|Republic|Kingdom|Post|Group|Project|Bank|Mixer|Crime|"
    r"Security|Customs|Centre|Center|Command|Ministry|Prosecutor|Office|Agency|Affairs|"
    r"Investigations?|Intelligence|Revenue|Commission|Council|Authority|Directorate|Section|"
    r"Prosecutors|Prosecution|Tribunal|Institute|Association|Coalition|Alliance)\b"
)
# A body's name made only of these is a kind of office, not one office's name ("the Field
# Office", "Press Office" in a page footer); a place or a subject makes it a name.
_GENERIC_WORDS = frozenset(
    "Field Press Media Communications Public Main Head Local Regional Resident Satellite Branch "
    "Area Home Front Back New Old Office Division Unit Team Section Service Department Bureau "
    "Agency Police Desk Headquarters Squad Group Center Centre Command the The".split()
)
# a centre that is a place, not a body: "Vancouver International Mail Processing Centre"
_FACILITY = re.compile(
    r"\b(?:Processing|Mail|Sorting|Distribution|Fulfil+ment|Detention|Medical|Shopping|Data|"
    r"Call|Conference|Convention|Community|Leisure|Health|Treatment|Rehabilitation|"
    r"Correctional|Trade|Business|Service)[ \t]+(?:Centre|Center)$"
)
_AGENCY_LIKE = re.compile(
    r"\b(?:Department|Bureau|Agency|Police|Service|Unit|Task|Force|Taskforce|Office|"
    r"Administration|Team|Division|Directorate|Command|Squad|Section|Center|Centre|Court|"
    r"Commission|Ministry|Authority|Group|Enforcement|Investigations?|Justice|Security|"
    r"Customs|Intelligence|Crime|Drug|Narcotics|Prosecution|Prosecutor|Council|Coordination|"
    r"Cooperation|Inspection)\b"
)


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    label: str
    gid: str
    name: str
    acronym: str | None = None
    country: str | None = None


@dataclass(slots=True)
class _Cand:
    label: str
    start: int
    end: int
    source: str
    key: str
    name: str
    gid: str | None = None
    acronym: str | None = None
    country: str | None = None
    rule: str = ""


def _listed(entry: GazetteerEntry, start: int, end: int, rule: str) -> _Cand:
    """A mention of a listed entry: its key, canonical name, id, acronym and country."""
    return _Cand(
        entry.label,
        start,
        end,
        "gazetteer",
        f"g:{entry.gid}",
        entry.name,
        entry.gid,
        entry.acronym,
        entry.country,
        rule,
    )


_COUNTRY_PREFIX_FORMS = frozenset({"U.S.", "US", "United States", "U.K.", "UK"})
_COUNTRY_PREFIX = re.compile(r"^(?:U\.S\.|US|United States|U\.K\.|UK|American|British)\s+")
_MARKET_HEAD = re.compile(r"(?<!\s)\s+(?:Market|Marketplace)$")
_MARKET_HEAD_AFTER = re.compile(r" (?:Market|Marketplace)\b")
_SUFFIX = re.compile(r"(?<![\s,]),?\s*(?:Jr\.|Sr\.|III|II|IV)$")
_BRACKETED_ACRONYM = re.compile(r"(?:['’]s)?[ \t]*\([ \t]*([A-Z][\w&.-]{1,9})[ \t]*\)")
# the word that introduces an operation's name ("Operation SpecTor", "Project BIONIC")
OPERATION_WORD = re.compile(r"^(?:[Oo]peration|Project)[ \t]+")
_KEY_LEAD = re.compile(r"^(?:the|operation)\s+")
_KEY_POSSESSIVE = re.compile(r"'s$")
_KEY_PUNCT = re.compile(r"[\s.\-'’]+")
_CAMEL_OR_DIGIT = re.compile(r"[a-z][A-Z]|\d")
# A one-word operation name from the list ("Magnus", "Talent", "Kraken", "Bayonet") is also
# an ordinary word or a first name: it counts only in a sentence that speaks of an operation
# (later bare mentions are picked up as recurrences of the first).
_OPERATION_CONTEXT = re.compile(r"operation|code-?named|dubbed", re.IGNORECASE)
# A one-word market name in capitals ("ASAP", "OMG") is also an abbreviation: it counts only
# right before or after the word "market(place)".
_MARKET_WORD_AFTER = re.compile(r"[ \t]+[Mm]arket(?:place)?s?\b")
_MARKET_WORD_BEFORE = re.compile(r"[Mm]arket(?:place)?s?[ \t]+$")
# between a person and the body after them: "... Venkataraman of the Criminal Division"
_AFTER_PERSON = re.compile(
    r"[ \t]*(?:,[ \t]*)?(?:(?:of|for|at|with|from|and)[ \t]+)?(?:the[ \t]+)?"
)
_POSSESSIVE_OWNER = re.compile(r"^(?:the\s+)?(.+?)['’]s\s+\S")
# the left edge of a whole word that may be hyphenated: checked after the rest matched
# (finditer_guarded, normalize/scan.py), so the scan skips ahead to the word's first letter
_NOT_AFTER_WORD_OR_HYPHEN = re.compile(r"(?<![\w-])")
# an ambiguous country name ("Georgia", "Jordan") counts right after a preposition; not after
# a comma, which is how US places are written ("Atlanta, Georgia")
_PREPOSITION_BEFORE = re.compile(r"(?:\bin|\bfrom|\bof|\bto)[ \t]+(?:the[ \t]+)?$")
# "New Mexico", "New South Wales": a country's name inside a longer place name (listed longer
# names such as "Papua New Guinea" win as longer matches)
_NEW_PLACE_BEFORE = re.compile(r"\bNew[ \t]+(?:South[ \t]+)?$")


@lru_cache(maxsize=1 << 16)
def norm_key(text: str) -> str:
    """Comparison key of a name: case, spacing, hyphens, dots and possessives ignored.

    Cached: the same few hundred names recur in every article, and the three substitutions
    cost more than the look-up."""
    t = text.replace("’", "'").lower()
    t = _KEY_LEAD.sub("", t)
    t = _KEY_POSSESSIVE.sub("", t)
    t = t.replace("centre", "center").replace("organised", "organized")
    return _KEY_PUNCT.sub("", t)


def stable_id(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def spelling_variants(name: str) -> set[str]:
    """Spellings news use for the same name: US/U.S./United States, Centre/Center, Dept., and the
    comma form of a US Attorney's office."""
    out = {name}
    swaps = (
        (r"\bUnited States\b", "U.S."),
        (r"\bUnited States\b", "US"),
        (r"\bU\.S\.", "US"),
        (r"\bU\.S\.", "United States"),
        (r"\bCentre\b", "Center"),
        (r"\bCenter\b", "Centre"),
        (r"\bOrganised\b", "Organized"),
        (r"\bOrganized\b", "Organised"),
        (r"\bDefence\b", "Defense"),
        (r"\bDefense\b", "Defence"),
        (r"\bDepartment\b", "Dept."),
        (r"\bProgramme\b", "Program"),
        (r"\bTaskforce\b", "Task Force"),
        (r"\bTask Force\b", "Taskforce"),
        (r" and ", " & "),
        # the Justice Department's own page headers: "U.S. Attorney's Office, District of Arizona"
        (r"\bAttorney's Office for the ((?:[A-Z]\w+ )?District of)", r"Attorney's Office, \1"),
    )
    for _ in range(2):
        for v in list(out):
            for pat, rep in swaps:
                out.add(re.sub(pat, rep, v))
    return {v for v in out if v.strip()}


_Hits = list[tuple[int, int, int, int]]


@dataclass(frozen=True, slots=True)
class _Form:
    """The entries one lower-cased token sequence of the gazetteer's matcher stands for."""

    lower: tuple[int, ...]  # listed case-insensitively (longer names), in entry order
    # listed with their exact tokens (one-word forms, acronyms; anaphors), by those tokens
    orth: dict[tuple[int, ...], tuple[int, ...]]
    anaphor: dict[tuple[int, ...], tuple[int, ...]]


@dataclass(slots=True)
class _FormBuilder:
    lower: set[int] = field(default_factory=set)
    orth: dict[tuple[int, ...], set[int]] = field(default_factory=dict)
    anaphor: dict[tuple[int, ...], set[int]] = field(default_factory=dict)

    def build(self) -> _Form:
        return _Form(
            tuple(sorted(self.lower)),
            {k: tuple(sorted(v)) for k, v in self.orth.items()},
            {k: tuple(sorted(v)) for k, v in self.anaphor.items()},
        )


class EntityRecognizer(RulesComponent):
    rule_files = ("agencies", "markets", "countries", "operations")

    def _compile(self) -> None:
        self.entries: list[GazetteerEntry] = []
        surfaces: dict[str, list[tuple[str, int]]] = {"orth": [], "lower": [], "anaphor": []}
        self.surface_index: dict[str, int] = {}
        self.demonym_forms: set[str] = set()

        def add(entry: GazetteerEntry, forms: Iterable[str], anaphors: Iterable[str] = ()) -> None:
            idx = len(self.entries)
            self.entries.append(entry)
            for form in forms:
                for v in spelling_variants(form):
                    kind = (
                        "orth"
                        if (" " not in v.strip() and "-" not in v) or v.isupper()
                        else "lower"
                    )
                    surfaces[kind].append((v, idx))
                    self.surface_index.setdefault(norm_key(v), idx)
            for a in anaphors:
                surfaces["anaphor"].append((a, idx))

        for r in self.rules_of("agencies", AgencyRule):
            acronym = r.acronyms[0] if r.acronyms else None
            add(
                GazetteerEntry("agency", r.id, r.name, acronym, r.country),
                [r.name, *r.acronyms, *r.aliases],
                r.anaphors,
            )
        for r in self.rules_of("markets", MarketRule):
            if r.kind == "service":
                continue  # mixers, exchanges, forums' news sites: not marketplaces
            add(GazetteerEntry("marketplace", r.id, r.name), [r.name, *r.aliases])
        for r in self.rules_of("operations", OperationRule):
            add(GazetteerEntry("operation", r.id, r.name), [r.name, *r.aliases])
        for r in self.rules_of("countries", CountryRule):
            add(GazetteerEntry("country", r.id, r.name), [r.name, *r.aliases, *r.demonyms])
            self.demonym_forms.update(r.demonyms)
        self.surfaces = surfaces  # (form, entry) by kind: what the matcher was made of
        self._compile_matcher(surfaces)

    def _compile_matcher(self, surfaces: dict[str, list[tuple[str, int]]]) -> None:
        """One case-insensitive PhraseMatcher for every surface form of every kind.

        Why one: a PhraseMatcher pass costs about the same per token whatever it holds (it
        reads each token's attribute and probes its table), and the word tokenizer makes
        many tokens; three passes (exact forms, case-insensitive forms, anaphors) cost three
        times one. An exact form matches where its lower-cased tokens match and the tokens
        themselves are the form's: checked here on the few matches, not on every token.

        Each matcher key is one lower-cased token sequence (``_Form``), whatever entries
        share it: "the U.S. Attorney's Office" is an anaphor of some ninety offices, found
        once instead of ninety times."""
        by_lower: dict[tuple[int, ...], _FormBuilder] = {}
        docs: dict[tuple[int, ...], Doc] = {}
        for kind in ("orth", "lower", "anaphor"):
            forms = sorted({(form, idx) for form, idx in surfaces[kind]})
            pattern_docs = self.nlp.tokenizer.pipe([form for form, _ in forms])
            for (_, idx), pattern in zip(forms, pattern_docs, strict=True):
                if not len(pattern):
                    continue
                lower = tuple(t.lower for t in pattern)
                docs.setdefault(lower, pattern)
                builder = by_lower.setdefault(lower, _FormBuilder())
                if kind == "lower":
                    builder.lower.add(idx)
                else:
                    exact = builder.orth if kind == "orth" else builder.anaphor
                    exact.setdefault(tuple(t.orth for t in pattern), set()).add(idx)
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._forms: dict[int, _Form] = {}
        for i, (lower, builder) in enumerate(by_lower.items()):
            key = f"gazetteer-form-{i}"
            self.matcher.add(key, [docs[lower]])
            self._forms[self.nlp.vocab.strings[key]] = builder.build()

    # -- candidates -------------------------------------------------------------------------

    def _gazetteer(
        self, doc: Doc, layout: Layout
    ) -> tuple[list[_Cand], list[tuple[int, int, tuple[int, ...]]]]:
        """Listed names (exact forms' matches first) and the anaphors' places."""
        text = doc_text(doc)
        exact, folded, anaphors = self._gazetteer_hits(doc)
        out: list[_Cand] = []
        # a sentence's market context is read once however many names stand in it
        market_context: dict[tuple[int, int], bool] = {}
        for hits, case_insensitive in ((exact, False), (folded, True)):
            for cs, ce, idx, tokens in hits:
                entry = self.entries[idx]
                if layout.in_zone(cs, ce) or _in_address(text, cs, ce):
                    continue
                surface = text[cs:ce]
                if case_insensitive and surface.islower():
                    continue  # "the postal service" is a phrase; "Postal Service" a name
                label = entry.label
                if label == "agency" and tokens > 1:
                    entry = self._bracketed_owner(text, ce) or entry
                if label == "operation" and not surface[:1].isupper():
                    continue
                if label == "operation" and tokens == 1 and not _CAMEL_OR_DIGIT.search(surface):
                    sent = layout.sentence_of(cs)
                    if not _OPERATION_CONTEXT.search(text, sent[0], max(sent[1], ce)):
                        continue
                if (
                    label == "marketplace"
                    and tokens == 1
                    and surface.isupper()
                    and not _MARKET_WORD_AFTER.match(text, ce)
                    and not _MARKET_WORD_BEFORE.search(text, max(0, cs - 16), cs)
                ):
                    continue
                if label == "marketplace" and tokens == 1 and not _CAMEL_OR_DIGIT.search(surface):
                    sent = layout.sentence_of(cs)
                    window = (sent[0], max(sent[1], ce))
                    found = market_context.get(window)
                    if found is None:
                        found = _MARKET_CONTEXT.search(text, *window) is not None
                        market_context[window] = found
                    if not found:
                        continue
                if label == "country":
                    if (
                        surface in _AMBIGUOUS_COUNTRY_FORMS
                        and not _PREPOSITION_BEFORE.search(text, max(0, cs - 12), cs)
                        and not self._after_a_country(text, cs)
                    ):
                        continue
                    if surface == "Georgia" and _us_story(text):
                        continue  # "his home in Georgia" in a US story is the state
                    if surface in self.demonym_forms and _DEMONYM_VETO_BEFORE.search(
                        text[max(0, cs - 12) : cs]
                    ):
                        continue
                    if _NEW_PLACE_BEFORE.search(text, max(0, cs - 12), cs):
                        continue
                    if surface in self.demonym_forms and _DEMONYM_VETO_AFTER.match(text, ce):
                        continue
                    if _US_STATE_AFTER.match(text, ce):
                        continue
                out.append(_listed(entry, cs, ce, "gazetteer"))
        return out, anaphors

    def _gazetteer_hits(
        self, doc: Doc
    ) -> tuple[_Hits, _Hits, list[tuple[int, int, tuple[int, ...]]]]:
        """(start, end, entry, tokens) of the exact forms' and of the case-insensitive
        forms' matches, and the anaphors' places with their entries.

        Hits are sorted by (start, end, entry) here: a matcher returns one span's keys in the
        order of its hash table, which says nothing, and the order of equal spans decides
        which entry a tie keeps."""
        exact: _Hits = []
        folded: _Hits = []
        anaphors: list[tuple[int, int, tuple[int, ...]]] = []
        forms = self._forms
        for key, s, e in self.matcher(doc):
            form = forms[key]
            if e - s == 1:  # most matches: one Token gives offsets and spelling
                token = doc[s]
                cs = token.idx
                ce = cs + len(token)
            else:
                token = None
                cs, ce = _char_offsets(doc, s, e)
            for idx in form.lower:
                folded.append((cs, ce, idx, e - s))
            if form.orth or form.anaphor:
                if token is not None:
                    orths: tuple[int, ...] = (token.orth,)
                else:
                    orths = tuple([doc[i].orth for i in range(s, e)])
                for idx in form.orth.get(orths, ()):
                    exact.append((cs, ce, idx, e - s))
                group = form.anaphor.get(orths)
                if group is not None:
                    anaphors.append((cs, ce, group))
        exact.sort()
        folded.sort()
        return exact, folded, anaphors

    def _after_a_country(self, text: str, start: int) -> bool:
        """Listed after another country ("Syria and Jordan", "Armenia, Georgia"): a country
        too, whatever else its name could be."""
        before = text[max(0, start - 40) : start].rstrip()
        if before.endswith((" and", " or")):
            before = before.rsplit(None, 1)[0] if " " in before else ""
        before = before.rstrip().removesuffix(",").rstrip()
        if not before or before.endswith(","):
            return False
        words: list[str] = []
        for w in reversed(before.split()[-3:]):  # the capitalised run before: "South Sudan"
            if not w[:1].isupper() or w.endswith(","):
                break
            words.insert(0, w)
        name = " ".join(words)
        if not name or name in _AMBIGUOUS_COUNTRY_FORMS:
            return False  # "Michael Jordan and Chad Smith": no country to lean on
        idx = self.surface_index.get(norm_key(name))
        return idx is not None and self.entries[idx].label == "country"

    def _bracketed_owner(self, text: str, end: int) -> GazetteerEntry | None:
        """The listed body a bracketed acronym right after a name points to: "Central Bureau
        of Investigation (CBŚP)" is Poland's, not India's namesake."""
        paren = _BRACKETED_ACRONYM.match(text, end)
        if paren is None:
            return None
        idx = self.surface_index.get(norm_key(paren.group(1)))
        if idx is None or self.entries[idx].label != "agency":
            return None
        return self.entries[idx]

    def _patterns(self, text: str, layout: Layout) -> list[_Cand]:
        out: list[_Cand] = []
        found: list[NameCandidate] = [
            *find_operations(text, layout),
            *find_markets(text, layout),
            *find_agencies(text, layout),
        ]
        for c in found:
            if c.rule == "head-noun" and (
                _GENERIC_WORDS.issuperset(c.text.split()) or _FACILITY.search(c.text)
            ):
                continue  # "Field Office", "Mail Processing Centre": a kind of place, no body
            out.append(self._pattern_cand(text, c))
        return out

    def _pattern_cand(self, text: str, c: NameCandidate) -> _Cand:
        """A pattern's name as a candidate: the listed body's when the list knows the name."""
        name = c.text
        start = c.start
        if c.label == "operation":
            op = re.search(
                r"(?:[Oo]peration|Project)[ \t]+[\"“‘']?$", text[max(0, c.start - 14) : c.start]
            )
            if op:
                start = c.start - len(op.group(0))
        idx = None
        if c.label == "agency":
            owner = self._bracketed_owner(text, c.end)
            if owner is not None:
                idx = self.surface_index.get(norm_key(owner.name))
        if idx is None:
            idx = self.surface_index.get(norm_key(name))
        if idx is None:
            # "U.S. Justice Department": a country word before a listed name
            bare = _COUNTRY_PREFIX.sub("", name)
            if bare != name:
                idx = self.surface_index.get(norm_key(bare))
        if idx is not None and self.entries[idx].label == c.label:
            return _listed(self.entries[idx], start, c.end, c.rule)
        return _Cand(
            c.label, start, c.end, "pattern", f"p:{c.label}:{norm_key(name)}", name, rule=c.rule
        )

    def _around_persons(
        self, text: str, cands: list[_Cand], persons: list[_Cand]
    ) -> list[_Cand]:
        """Head-noun names that swallow a person: what follows the last person ("Trial
        Attorneys A and B of the Criminal Division" keeps "Criminal Division") when that is a
        name of two words or more, else nothing."""
        out: list[_Cand] = []
        for c in cands:
            inside = [p for p in persons if p.start < c.end and c.start < p.end]
            if c.rule != "head-noun" or not inside:
                out.append(c)
                continue
            rest = _AFTER_PERSON.match(text, max(p.end for p in inside), c.end)
            if rest is None or rest.end() >= c.end:
                continue
            name = text[rest.end() : c.end]
            if len(name.split()) >= 2 and not _GENERIC_WORDS.issuperset(name.split()):
                trimmed = NameCandidate(c.label, rest.end(), c.end, name, c.rule)
                out.append(self._pattern_cand(text, trimmed))
        return out

    def _persons(self, found: list[NameCandidate], taken: list[_Cand]) -> list[_Cand]:
        out: list[_Cand] = []
        occupied: Occupied | None = None  # built for the first name that passes, if any
        for c in found:
            first, _, rest = c.text.partition(" ")
            if first in self.demonym_forms and len(rest.split()) >= 2:
                # "the Canadian Alexandre Cazes": a nationality, then the name
                c = NameCandidate(c.label, c.end - len(rest), c.end, rest, c.rule)
            name = c.text
            if _ORG_WORDS.search(name) or norm_key(name) in self.surface_index:
                continue
            if occupied is None:
                occupied = Occupied((t.start, t.end) for t in taken)
            if occupied.overlaps(c.start, c.end):
                continue
            out.append(
                _Cand(
                    "person",
                    c.start,
                    c.end,
                    "pattern",
                    f"p:person:{norm_key(name)}",
                    name,
                    rule=c.rule,
                )
            )
        return out

    def _abbreviations(self, text: str, layout: Layout) -> list[tuple[_Cand, _Cand]]:
        """Both halves of each "Long Form (SHORT)" as candidates of one entity: the gazetteer's
        when either half is listed, else a new agency or market named by the long form."""
        pairs: list[tuple[_Cand, _Cand]] = []
        for d in find_definitions(text):
            if layout.in_zone(d.long_start, d.short_end):
                continue
            idx = self.surface_index.get(norm_key(d.long_form))
            if idx is None:
                idx = self.surface_index.get(norm_key(d.short_form))
            if idx is not None:
                e = self.entries[idx]
                if e.label == "country":
                    continue
                proto = _Cand(
                    e.label,
                    0,
                    0,
                    "gazetteer",
                    f"g:{e.gid}",
                    e.name,
                    e.gid,
                    e.acronym or d.short_form,
                    e.country,
                    "acronym-definition",
                )
            else:
                if not _AGENCY_LIKE.search(d.long_form):
                    continue
                label = "marketplace" if re.search(r"Market", d.long_form) else "agency"
                proto = _Cand(
                    label,
                    0,
                    0,
                    "abbreviation",
                    f"p:{label}:{norm_key(d.long_form)}",
                    d.long_form,
                    None,
                    d.short_form,
                    None,
                    "acronym-definition",
                )
            pairs.append(
                (
                    replace(proto, start=d.long_start, end=d.long_end),
                    replace(proto, start=d.short_start, end=d.short_end),
                )
            )
        return pairs

    # -- resolution -------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        layout = ensure_layout(doc)
        gaz, anaphors = self._gazetteer(doc, layout)
        cands = gaz + self._patterns(text, layout)
        pairs = self._abbreviations(text, layout)
        for long_c, short_c in pairs:
            cands.extend((long_c, short_c))
        # a person named by a title or a speech verb outranks a head-noun guess that swallows
        # them ("DEA agent Carl Mark Force IV and Secret Service")
        person_names = find_persons(text, layout)
        early_persons = self._persons(
            person_names, [c for c in cands if c.source == "gazetteer" and c.label != "country"]
        )
        cands = self._around_persons(text, cands, early_persons)
        cands = _listed_after_and(text, cands)
        orgs = _select([c for c in cands if c.label != "country"])
        countries = _select([c for c in cands if c.label == "country"])
        orgs.extend(self._possessive_owners(text, orgs))
        # acronyms defined here: later bare uses are mentions of the same entity
        taken: Occupied | None = None
        for _, short_c in pairs:
            chosen = next(
                (c for c in orgs if c.start == short_c.start and c.end == short_c.end), None
            )
            if chosen is None:
                continue
            if taken is None:
                taken = Occupied((o.start, o.end) for o in orgs)
            short = text[short_c.start : short_c.end]
            for m in finditer_guarded(_bare_word_pattern(short), _NOT_AFTER_WORD_OR_HYPHEN, text):
                if layout.in_zone(m.start(), m.end()):
                    continue
                if taken.overlaps(m.start(), m.end()):
                    continue
                taken.add(m.start(), m.end())
                orgs.append(replace(chosen, start=m.start(), end=m.end(), rule="defined-acronym"))
        orgs.extend(self._recurrences(text, layout, orgs, countries))
        resolved = self._anaphors(anaphors, orgs, layout)
        if resolved:
            # an anaphor resolved to a listed body replaces the head-noun guess at its place
            places = {(a.start, a.end) for a in resolved}
            orgs = [o for o in orgs if not (o.source == "pattern" and (o.start, o.end) in places)]
            orgs.extend(resolved)
        _link_short_forms(orgs)
        persons = self._persons(person_names, orgs)
        persons = _select(persons)
        persons.extend(self._surnames(text, layout, persons, orgs))
        person_ranges = Occupied((p.start, p.end) for p in persons)
        # "U.S." in "the U.S. Postal Inspection Service" names the body's country, not a place
        # of the story (a nationality word such as "Dutch police" still says where)
        body_ranges = Occupied(
            (o.start, o.end) for o in orgs if o.label == "agency" and o.end - o.start > 6
        )
        countries = [
            c
            for c in countries
            if not person_ranges.overlaps(c.start, c.end)
            and not (
                text[c.start : c.end] in _COUNTRY_PREFIX_FORMS
                and body_ranges.overlaps(c.start, c.end)
            )
        ]
        everything = sorted(orgs + persons + countries, key=_START_END_LABEL)
        # the record builder reads these plain tuples (exact offsets) instead of the spans
        doc.user_data[MENTIONS_KEY] = [
            (c.label, c.key, c.start, c.end, c.name, c.source, c.gid, c.acronym, c.country)
            for c in everything
        ]
        if not self.spans:
            return doc
        spans: list[Span] = []
        for c in everything:
            span = char_span(doc, c.start, c.end, c.label)
            if span is None:
                continue
            span.id_ = c.key
            u = span._
            u.canonical = c.name
            u.entity_key = c.key
            u.source = c.source
            u.rule = c.rule
            # None is every extension's default: only set what the mention has
            if c.gid is not None:
                u.gazetteer_id = c.gid
            if c.acronym is not None:
                u.acronym = c.acronym
            if c.country is not None:
                u.country = c.country
            spans.append(span)
        doc.spans[ENTITY_GROUP] = spans
        return doc

    def _possessive_owners(self, text: str, orgs: list[_Cand]) -> list[_Cand]:
        """ "the Justice Department's Criminal Division" names two bodies: the owner gets a
        mention of its own beside the unit's."""
        out: list[_Cand] = []
        for c in orgs:
            surface = text[c.start : c.end]
            if "'s" not in surface and "’s" not in surface:
                continue  # the pattern below needs one
            m = _POSSESSIVE_OWNER.search(surface)
            if not m:
                continue
            idx = self.surface_index.get(norm_key(m.group(1)))
            if idx is None or self.entries[idx].gid == c.gid:
                continue
            e = self.entries[idx]
            s = c.start + m.start(1)
            out.append(_listed(e, s, s + len(m.group(1)), "possessive-owner"))
        return out

    def _recurrences(
        self, text: str, layout: Layout, orgs: list[_Cand], countries: list[_Cand]
    ) -> list[_Cand]:
        """Operation names recur in other casings ("DisrupTor" ... "Disruptor"), market names
        without their head noun ("Hydra Market" ... "Hydra"); never inside a name already
        found, a country's included ("Kingdom Market" ... "the United Kingdom")."""
        out: list[_Cand] = []
        occupied: list[Occupied] = []  # the orgs' ranges, indexed at the first recurrence
        first_of: dict[str, _Cand] = {}
        for o in orgs:
            if o.label in {"marketplace", "operation"}:
                first_of.setdefault(o.key, o)  # one search per entity, not per mention

        def add(c: _Cand, start: int, end: int, rule: str) -> None:
            if layout.in_zone(start, end):
                return
            if not occupied:
                occupied.append(Occupied((o.start, o.end) for o in (*orgs, *countries)))
            if occupied[0].overlaps(start, end):
                return
            occupied[0].add(start, end)
            out.append(_Cand(c.label, start, end, c.source, c.key, c.name, c.gid, rule=rule))

        for c in [o for o in first_of.values() if o.label == "marketplace"]:
            bare = _MARKET_HEAD.sub("", c.name)
            if bare == c.name or len(bare) < 4:
                continue
            for start, end in _word_occurrences(text, bare, 0, either_case=False):
                if not _MARKET_HEAD_AFTER.match(text, end):
                    add(c, start, end, "market-short-form")
        low: str | None = None
        for c in [o for o in first_of.values() if o.label == "operation"]:
            surface = OPERATION_WORD.sub("", text[c.start : c.end]).replace(" ", "").lower()
            if not surface:
                continue
            low = low if low is not None else ascii_lower(text)
            rx = _spaced_word_pattern(surface)
            for m in finditer_guarded(rx, _NOT_AFTER_WORD_OR_HYPHEN, low):
                if text[m.start()].isupper():
                    add(c, m.start(), m.end(), "operation-recurrence")
        return out

    def _anaphors(
        self,
        anaphors: list[tuple[int, int, tuple[int, ...]]],
        orgs: list[_Cand],
        layout: Layout,
    ) -> list[_Cand]:
        """ "the Bureau" stands for the FBI once the FBI itself was named, or anywhere when the
        FBI is the only body named in the article that it could stand for. ``anaphors``: each
        place's offsets and the entries (in order) whose anaphor stands there."""
        out: list[_Cand] = []
        if not anaphors:
            return out
        first_end: dict[str, int] = {}  # where each entity's first-ending mention ends
        for o in orgs:
            if o.end < first_end.get(o.key, o.end + 1):
                first_end[o.key] = o.end
        taken: Occupied | None = None
        places = {(s, e) for s, e, _ in anaphors}
        for s, e, group in sorted(anaphors):
            if layout.in_zone(s, e):
                continue
            named = [idx for idx in group if f"g:{self.entries[idx].gid}" in first_end]
            before = [idx for idx in named if first_end[f"g:{self.entries[idx].gid}"] <= s]
            # before its body is named, an anaphor stands for it only when no other body it
            # could stand for is named at all: a page header "U.S. Attorney's Office" above
            # "District of Arizona" and the office's full name further down
            for idx in before or (named if len(named) == 1 else ()):
                if taken is None:
                    # a head-noun guess at an anaphor's own place does not block it
                    taken = Occupied(
                        (o.start, o.end)
                        for o in orgs
                        if not (o.source == "pattern" and (o.start, o.end) in places)
                    )
                if taken.overlaps(s, e):
                    continue
                out.append(_listed(self.entries[idx], s, e, "anaphor"))
        return out

    def _surnames(
        self, text: str, layout: Layout, persons: list[_Cand], orgs: list[_Cand]
    ) -> list[_Cand]:
        """A surname alone after the full name is the same person ("Desnica", "Varel")."""
        full = [p for p in persons if len(p.name.split()) >= 2]
        for p in persons:
            # "Lowery" or "Brandon Lowery" after "Brandon Keith Lowery": a shorter form
            owners = {
                o.key
                for o in full
                if o.key != p.key
                and (
                    o.name.lower().endswith(" " + p.name.lower())
                    or _without_middle_names(o.name) == p.name
                )
            }
            if len(owners) == 1:
                owner = next(o for o in full if o.key in owners)
                p.key, p.name, p.rule = owner.key, owner.name, "surname"
        by_surname: dict[str, list[_Cand]] = {}
        for p in persons:
            parts = p.name.split()
            i = len(parts) - 1
            while i > 1 and parts[i - 1].lower() in {
                "van",
                "de",
                "der",
                "den",
                "von",
                "da",
                "di",
                "del",
                "du",
                "la",
                "le",
                "ter",
                "ten",
            }:
                i -= 1
            surname = " ".join(parts[i:])
            surname = _SUFFIX.sub("", surname)
            if len(surname) > 2:
                by_surname.setdefault(surname, []).append(p)
        out: list[_Cand] = []
        taken: Occupied | None = None
        for surname, owners in by_surname.items():
            keys = {o.key for o in owners}
            if len(keys) != 1:
                continue  # two people share it: a bare surname is ambiguous
            owner = owners[0]
            first = min(o.start for o in owners)
            for start, end in _word_occurrences(text, surname, first):
                if layout.in_zone(start, end):
                    continue
                if taken is None:
                    taken = Occupied((o.start, o.end) for o in persons + orgs)
                if taken.overlaps(start, end):
                    continue
                taken.add(start, end)
                out.append(
                    _Cand("person", start, end, "pattern", owner.key, owner.name, rule="surname")
                )
        return out


_DOMAIN_AFTER = re.compile(r"\.[a-z]")


def _in_address(text: str, start: int, end: int) -> bool:
    """A name inside a web or mail address ("Canada.ca", "www.europol.europa.eu",
    "tips@fbi.gov") is part of the address, not a mention."""
    return (start > 0 and text[start - 1] in "./@") or _DOMAIN_AFTER.match(text, end) is not None


_US_STORY = re.compile(
    r"\bU\.S\.|\bUnited States\b|\bFBI\b|\bDEA\b|\bJustice Department\b|\bDepartment of "
    r"Justice\b|\bHomeland Security\b|\bAttorney's Office\b"
)
_GEORGIA_THE_COUNTRY = re.compile(r"\bTbilisi\b|\bGeorgian\b|\bRepublic of Georgia\b")


def _us_story(text: str) -> bool:
    """A story told from the United States and never pointing at the Caucasus: there "Georgia"
    is the state (the country has its capital, its demonym or its long name nearby)."""
    return _US_STORY.search(text) is not None and _GEORGIA_THE_COUNTRY.search(text) is None


def _listed_after_and(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Drop a head-noun name that runs "X and <a listed body>" ("Royal Mail and Border
    Force"): the listed body is the name; what stands before "and" is something else (a
    listed body of its own is found on its own)."""
    listed_ends: dict[int, list[int]] = {}
    for c in cands:
        if c.source == "gazetteer" and c.label == "agency":
            listed_ends.setdefault(c.end, []).append(c.start)
    if not listed_ends:
        return cands
    out: list[_Cand] = []
    for c in cands:
        if c.rule == "head-noun" and c.end in listed_ends and " and " in text[c.start : c.end]:
            joint = text.rfind(" and ", c.start, c.end)
            if any(s >= joint + 5 for s in listed_ends[c.end]):
                continue
        out.append(c)
    return out


def _without_middle_names(name: str) -> str | None:
    """ "Brandon Keith Lowery" -> "Brandon Lowery", "Erek L. Barron" -> "Erek Barron"; None
    for a name of two words (nothing in the middle)."""
    parts = name.split()
    return f"{parts[0]} {parts[-1]}" if len(parts) >= 3 else None


def _char_offsets(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens [start, end): two Token look-ups per match are cheaper
    than the offset arrays of the whole Doc (a gazetteer matches a few dozen times)."""
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last)


@lru_cache(maxsize=1 << 12)
def _bare_word_pattern(word: str) -> re.Pattern[str]:
    """``word`` not followed by a word character or hyphen; its left edge is the guard
    _NOT_AFTER_WORD_OR_HYPHEN. Compiled once per acronym, not once per article."""
    return re.compile(rf"{re.escape(word)}(?![\w-])")


@lru_cache(maxsize=1 << 12)
def _spaced_word_pattern(surface: str) -> re.Pattern[str]:
    """``surface`` with an optional blank between any two characters ("disruptor" finds
    "Disrup Tor"), as a whole word (left edge: the guard _NOT_AFTER_WORD_OR_HYPHEN)."""
    flexible = r"[ \t]?".join(re.escape(ch) for ch in surface)
    return re.compile(rf"{flexible}(?![\w-])")


# What a longer name may add to a short one for both to be the same thing: a market's head
# noun ("Hydra" / "Hydra Market", never "Silk Road" / "Silk Road 2.0"), an office's district
_SHORT_FORM_TAILS = {
    "marketplace": re.compile(r"\s+(?:Market|Marketplace|Forum|Shop)"),
    "agency": re.compile(r"\s+(?:for|of|in)\s.+"),
}


def _word_occurrences(
    text: str, word: str, start: int, either_case: bool = True
) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``word`` from ``start`` on; its first letter in either case
    ("van de Coevering" / "Van de Coevering"). Plain ``str.find``: no regex to compile per
    name and article."""
    out: list[tuple[int, int]] = []
    variants = (
        {word, word[:1].upper() + word[1:], word[:1].lower() + word[1:]} if either_case else {word}
    )
    for form in variants:
        i = text.find(form, start)
        while i >= 0:
            j = i + len(form)
            before = text[i - 1] if i > 0 else " "
            after = text[j] if j < len(text) else " "
            if not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_"):
                out.append((i, j))
            i = text.find(form, j)
    out.sort()
    return out


def _link_short_forms(orgs: list[_Cand]) -> None:
    """Inside one article a shorter name that starts a longer one of the same type is that
    one: "Hydra" beside "Hydra Market", "the U.S. Attorney's Office" beside "the U.S.
    Attorney's Office for the District of Maryland". Only when the longer name is unique."""
    names: dict[str, dict[str, _Cand]] = {}
    for c in orgs:
        names.setdefault(c.label, {}).setdefault(c.name, c)
    # mentions of one entity share a name: the longer names are looked for once per name
    # (the lists hold the candidates themselves, whose fields are read when linking)
    longer_of: dict[tuple[str, str], list[_Cand]] = {}
    for c in orgs:
        tail = _SHORT_FORM_TAILS.get(c.label)
        if tail is None:
            continue
        longer = longer_of.get((c.label, c.name))
        if longer is None:
            longer = longer_of[(c.label, c.name)] = [
                o
                for name, o in names[c.label].items()
                if name != c.name
                and name.startswith(c.name)
                and tail.fullmatch(name[len(c.name) :])
            ]
        if len(longer) == 1 and longer[0].key != c.key:
            target = longer[0]
            c.key, c.name, c.gid, c.source = target.key, target.name, target.gid, target.source
            c.acronym, c.country, c.rule = target.acronym, target.country, "short-form"


class _DisjointRanges:
    """Non-empty ranges [start, end) none of which overlaps another, sorted: a range
    overlaps one of them exactly when it overlaps the last one starting at or before it or
    the first one starting after it. Same answers as Occupied for such ranges, without
    scanning every range within the longest one's reach."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)
        return (i > 0 and self.ends[i - 1] > start) or (
            i < len(self.starts) and self.starts[i] < end
        )

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


# sort keys read in C (cheaper than a lambda per candidate)
_START_END = attrgetter("start", "end")
_START_END_LABEL = attrgetter("start", "end", "label")


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates: longest first, then the stronger source."""
    ordered = sorted(cands, key=lambda c: (-(c.end - c.start), -_PRIORITY[c.source], c.start))
    chosen: list[_Cand] = []
    # what is kept never overlaps: one neighbour on each side answers the overlap test
    taken = _DisjointRanges() if all(c.start < c.end for c in cands) else Occupied()
    for c in ordered:
        if taken.overlaps(c.start, c.end):
            continue
        taken.add(c.start, c.end)
        chosen.append(c)
    chosen.sort(key=_START_END)
    return chosen


@Language.factory("takedown_entities", default_config={"spans": True})
def make_entities(nlp: Language, name: str, spans: bool) -> EntityRecognizer:
    register_extensions()
    return EntityRecognizer(nlp, name, spans)
