"""Names reduced to what variants share, and the token tests that keep look-alikes apart.

Three representations of a name, each for one job:

* the **key** (``name_key``): exact identity. Spelling and typography go (case, quotes,
  "the", possessives, dots, hyphens, spaces, Centre/Center, "Operation", a market's "Market",
  "U.S."/"United States"), words stay. "Dark HunTor", "DarkHunTor" and "Operation Dark
  Huntor" share the key ``darkhuntor``; "J-CODE" and "JCODE" share ``jcode``.
* the **core** (``core_tokens``): what fuzzy scoring sees. For agencies, stop words and
  country qualifiers are dropped, so "US Treasury Department" and "Treasury Department" score
  100 (the country attribute, when known, still separates bodies of different countries).
* the **tokens** for vetoes (``veto``): a candidate pair that rapidfuzz scores high is still
  rejected when a token was substituted ("Office" vs "Court", "Southern" vs "Eastern", "Crime
  Agency" vs "Criminal Investigation Service"), a version or number differs ("Silk Road" vs
  "Silk Road 2.0"), or, except for the allowed cases, a word was inserted.

Nothing here knows the corpus; everything is a pure function of one or two names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import OSA

from takedown.normalize.quotes import QUOTES

ENTITY_TYPES: tuple[str, ...] = ("operation", "marketplace", "agency", "person", "country")

# British spellings that agencies' own names and news copy disagree on.
_SPELLING: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"centre", "center"),
        (r"organis", "organiz"),
        (r"defence", "defense"),
        (r"programme", "program"),
        (r"licence", "license"),
        (r"offence", "offense"),
    )
)
# Multi-word country qualifiers first, folded to one token, so "U.S." and "United States"
# agree before any scoring.
_COUNTRY_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"(?<![a-z0-9]){p}(?![a-z0-9])"), r)
    for p, r in (
        (r"united states of america", "us"),
        (r"united states", "us"),
        (r"u\.\s?s\.\s?a\.?", "us"),
        (r"u\.\s?s\.?", "us"),
        (r"united kingdom", "uk"),
        (r"u\.\s?k\.?", "uk"),
        (r"great britain", "uk"),
    )
)
_TOKEN = re.compile(r"\d+(?:\.\d+)*|[^\W\d_]+(?:\d+)?|\d+")
_POSSESSIVE = re.compile(r"(?<=\w)'s?(?=\W|$)")

STOP: frozenset[str] = frozenset(
    "the of for and in on at to a an by de du des la le les del della di da van von der den "
    "het y e et".split()
)
#: Country qualifiers: dropping one never makes two bodies of the same country different.
QUALIFIERS: frozenset[str] = frozenset(
    "us usa america american uk britain british england english dutch german germany french "
    "france european eu italian spanish canadian australian federal-us".split()
)
#: Head nouns of agency names: never inserted or substituted silently, and too common to block on.
HEADS: frozenset[str] = frozenset(
    "agency office court service bureau department administration unit police team force "
    "taskforce task division section center commission ministry directorate command authority "
    "prosecutor prosecution attorney attorneys customs investigations investigation "
    "enforcement security intelligence council group network branch squad program "
    "inspectorate gendarmerie guard".split()
)
#: Words too common in agency names to be a blocking key on their own.
COMMON: frozenset[str] = HEADS | frozenset(
    "national federal state states general public criminal crime central regional district "
    "international joint special organized organised serious drug drugs cyber high tech "
    "county city royal law affairs justice internal economic financial homeland".split()
)
#: Generic suffixes of market names ("Monopoly Market" is "Monopoly").
_MARKET_SUFFIX: frozenset[str] = frozenset({"market", "marketplace", "markets", "shop", "store"})
_MARKET_GENERIC: frozenset[str] = frozenset({"dark", "darknet", "darkweb", "web", "online"})
_OPERATION_PREFIX: frozenset[str] = frozenset({"operation", "operacion", "operazione", "op"})
_PERSON_TITLES: frozenset[str] = frozenset(
    "mr mrs ms dr sir judge director agent officer chief attorney general deputy special "
    "secretary minister commissioner inspector detective sergeant lieutenant captain "
    "prof jr sr".split()
)
_ROMAN = re.compile(r"^(?:ii|iii|iv|vi|vii|viii|ix|xi|xii)$")
#: Tokens that distinguish otherwise equal names: they must match exactly.
_DISTINGUISHING_WORDS: frozenset[str] = frozenset(
    "north south east west northern southern eastern western central middle upper lower "
    "new old reloaded relaunch relaunched first second third fourth fifth junior senior".split()
)


_SPACES = re.compile(r"\s+")
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")
_COUNTRY_HINTS: tuple[str, ...] = ("united", "u.", "britain")
_SPELLING_HINTS: tuple[str, ...] = (
    "centre",
    "organis",
    "defence",
    "programme",
    "licence",
    "offence",
)


def fold(text: str) -> str:
    """Case, compatibility forms, quotes and spacing folded; words untouched."""
    s = unicodedata.normalize("NFKC", text).casefold().translate(QUOTES)
    return _SPACES.sub(" ", s).strip()


def _spell(s: str) -> str:
    if any(h in s for h in _SPELLING_HINTS):
        for pattern, repl in _SPELLING:
            s = pattern.sub(repl, s)
    return s


@lru_cache(maxsize=1 << 18)
def tokens(text: str, etype: str) -> tuple[str, ...]:
    """The words of a name after folding, for scoring and vetoes.

    Leading "the", possessives, a leading "Operation" (operations) and a trailing "Market"
    (marketplaces, unless nothing but "dark"/"darknet" would remain) go; "2.0" becomes "2";
    "&" becomes "and"; dotted abbreviations ("U.S.", "F.B.I.") close up.
    """
    s = fold(text).strip(" \t\"'()[]{}<>,;:!?*")
    if "'" in s:
        s = _POSSESSIVE.sub("", s)
    if "&" in s:
        s = s.replace("&", " and ")
    if any(h in s for h in _COUNTRY_HINTS):
        for pattern, repl in _COUNTRY_PHRASES:
            s = pattern.sub(repl, s)
    if "." in s:
        # "F.B.I." -> "fbi" (a dotted run of single letters), before dots become separators.
        s = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), s)
    s = _spell(s)
    toks = _TOKEN.findall(s)
    if "." in s:
        toks = [t[:-2] if t.endswith(".0") and t[:-2].isdigit() else t for t in toks]
    while toks and toks[0] == "the":
        toks.pop(0)
    if etype == "operation":
        while len(toks) > 1 and toks[0] in _OPERATION_PREFIX:
            toks.pop(0)
    elif etype == "marketplace":
        while len(toks) > 1 and toks[-1] in _MARKET_SUFFIX:
            rest = toks[:-1]
            if all(t in _MARKET_GENERIC for t in rest):
                break
            toks = rest
    elif etype == "person":
        while len(toks) > 1 and toks[0] in _PERSON_TITLES:
            toks.pop(0)
    return tuple(toks)


@lru_cache(maxsize=1 << 18)
def name_key(text: str, etype: str) -> str:
    """Exact identity of a name: its tokens with spaces squashed ("dark huntor" = "darkhuntor").

    Dots between digits survive ("3.1"), so "Silk Road 3.1" never equals "Silk Road 31".
    """
    return "".join(tokens(text, etype))


def core_tokens(toks: tuple[str, ...], etype: str) -> tuple[str, ...]:
    """The tokens fuzzy scoring compares: agencies lose stop words and country qualifiers."""
    if etype == "agency":
        core = tuple(t for t in toks if t not in STOP and t not in QUALIFIERS)
        return core or toks
    return toks


@lru_cache(maxsize=1 << 18)
def is_acronym(surface: str) -> bool:
    """An all-capitals short form: "FBI", "F.B.I.", "J-CODE", "EC3", "GdF", "USAO-SDNY".

    Mixed-case coined names ("DarkHunTor", "SpecTor") are not acronyms: fewer than half of
    their letters are capitals.
    """
    s = unicodedata.normalize("NFKC", surface).strip().translate(QUOTES)
    s = re.sub(r"^(?:the|The)\s+", "", s)
    s = re.sub(r"'s?$", "", s)
    if " " in s:
        return False
    core = re.sub(r"[.\-/&]", "", s)
    if not (2 <= len(core) <= 10) or not core.isalnum():
        return False
    letters = [c for c in core if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return upper >= 2 and upper * 2 > len(letters)


@lru_cache(maxsize=1 << 18)
def acronym_key(surface: str) -> str:
    """ "J-CODE", "JCODE", "J.C.O.D.E." -> "jcode"."""
    return re.sub(r"[^0-9a-z]", "", fold(surface))


def initials(toks: tuple[str, ...]) -> set[str]:
    """Acronyms a long name can have: initials without stop words, with them, and without
    country qualifiers ("U.S. Immigration and Customs Enforcement" -> "ice", "usice")."""
    if len(toks) < 2:
        return set()
    words = [t for t in toks if t[0].isalpha()]

    def first(t: str) -> str:
        return t if t in ("us", "uk") else t[0]

    out = {
        "".join(first(t) for t in words if t not in STOP),
        "".join(first(t) for t in words),
        "".join(first(t) for t in words if t not in STOP and t not in QUALIFIERS),
    }
    return {x for x in out if len(x) >= 2}


def is_weak(toks: tuple[str, ...], etype: str) -> bool:
    """A form that names a kind of body, not one body: "the Bureau", "U.S. Attorney's Office".

    Weak forms link only inside their article (as anaphors), never across articles.
    """
    if etype != "agency" or not toks:
        return False
    return all(t in HEADS or t in STOP or t in QUALIFIERS for t in toks)


@lru_cache(maxsize=1 << 16)
def is_distinguishing(tok: str) -> bool:
    """Numbers, versions, Roman numerals and directions: "2" vs "3" is a different market."""
    return any(c.isdigit() for c in tok) or tok in _DISTINGUISHING_WORDS or bool(_ROMAN.match(tok))


def _tokens_match(a: str, b: str, etype: str, min_len: int) -> bool:
    if a == b:
        return True
    da, db = is_distinguishing(a), is_distinguishing(b)
    if (da and db) or any(c.isdigit() for c in a + b):
        return False  # "Southern" is never "Northern", "2" never "3"
    if (da or db) and min(len(a), len(b)) < min_len:
        return False  # a typo of a direction only in a long word: "Nortaern"
    if etype == "person":
        # An initial stands for any name with that letter; "Chris" for "Christopher".
        if (len(a) == 1 or len(b) == 1) and a[0] == b[0]:
            return True
        short, long_ = sorted((a, b), key=len)
        if len(short) >= 3 and long_.startswith(short):
            return True
    if max(len(a), len(b)) < min_len or min(len(a), len(b)) < min_len - 1:
        return False
    limit = 2 if min(len(a), len(b)) >= 9 else 1
    return OSA.distance(a, b, score_cutoff=limit) <= limit


def align(
    a: tuple[str, ...], b: tuple[str, ...], etype: str, min_len: int = 5
) -> tuple[list[str], list[str]]:
    """Tokens of ``a`` and of ``b`` left unmatched after pairing equal, then near tokens."""
    left = list(a)
    right = list(b)
    for tok in list(left):
        if tok in right:
            left.remove(tok)
            right.remove(tok)
    for tok in list(left):
        for other in right:
            if _tokens_match(tok, other, etype, min_len):
                left.remove(tok)
                right.remove(other)
                break
    return left, right


def edited(a: tuple[str, ...], b: tuple[str, ...], etype: str, min_len: int = 5) -> bool:
    """Whether two names match only through character edits (a typo), not through equal
    words in another order, stop words, qualifiers, a middle name or an initial."""
    if etype in ("marketplace", "operation"):
        return sorted(a) != sorted(b) and "".join(sorted(a)) != "".join(sorted(b))
    left, right = list(a), list(b)
    for tok in list(left):
        if tok in right:
            left.remove(tok)
            right.remove(tok)
    if not left or not right:
        return False  # only insertions
    if etype == "person":
        for tok in list(left):
            for other in right:
                if (len(tok) == 1 or len(other) == 1) and tok[0] == other[0]:
                    left.remove(tok)
                    right.remove(other)
                    break
    return bool(left and right)


def veto(a: tuple[str, ...], b: tuple[str, ...], etype: str, min_len: int = 5) -> str | None:
    """Why two similar-looking names are different things, or None when nothing says so.

    ``a`` and ``b`` are core tokens. For markets and operations (short coined names scored
    as squashed strings) only distinguishing tokens count; for agencies and persons a
    substituted word vetoes, and so does an inserted one unless it is a person's middle name
    or initial.
    """
    if etype in ("marketplace", "operation"):
        dist_a = {t for t in a if is_distinguishing(t)}
        dist_b = {t for t in b if is_distinguishing(t)}
        if dist_a != dist_b:
            return f"distinguishing words differ ({' '.join(sorted(dist_a ^ dist_b))})"
        squashed_a, squashed_b = "".join(a), "".join(b)
        if squashed_a != squashed_b and (squashed_a in squashed_b or squashed_b in squashed_a):
            extra = squashed_b if len(squashed_b) > len(squashed_a) else squashed_a
            if len(extra) - min(len(squashed_a), len(squashed_b)) >= 3:
                return "one name extends the other by a word"
        return None
    left, right = align(a, b, etype, min_len)
    unmatched = [t for t in left + right if is_distinguishing(t)]
    if unmatched:
        return f"distinguishing words differ ({' '.join(sorted(unmatched))})"
    if left and right:
        return f"words substituted ({' '.join(left)} / {' '.join(right)})"
    extra = left or right
    if not extra:
        return None
    if etype == "person":
        longer, shorter = (a, b) if len(a) > len(b) else (b, a)
        if (
            len(shorter) >= 2
            and _tokens_match(longer[0], shorter[0], etype, min_len)
            and _tokens_match(longer[-1], shorter[-1], etype, min_len)
        ):
            return None
        return f"words inserted ({' '.join(extra)})"
    return f"words inserted ({' '.join(extra)})"


def block_keys(core: tuple[str, ...], key: str, etype: str) -> list[str]:
    """Blocking keys: names can only be compared when they share one.

    Agencies block on the first and last uncommon word (4-letter prefixes, so a typo late in
    a word still meets its original) and on the sorted initials of the core words; coined
    market and operation names on their first and last three letters; persons on the
    surname, the surname's prefix with the first initial, and the first name with the
    surname's initial. Word order changes none of the agency keys.
    """
    out: list[str] = []
    if etype == "agency":
        rare = [t for t in core if t not in COMMON and not t.isdigit()]
        if rare:
            out.append("w:" + rare[0][:4])
            out.append("w:" + rare[-1][:4])
        if len(core) >= 2:
            out.append("i:" + "".join(sorted(t[0] for t in core)))
        elif core:
            out.append("w:" + core[0][:4])
    elif etype in ("marketplace", "operation"):
        if len(key) >= 3:
            out.append("p:" + key[:3])
            out.append("s:" + key[-3:])
        elif key:
            out.append("p:" + key)
    elif etype == "person":
        if len(core) >= 2:
            first, last = core[0], core[-1]
            out.append("l:" + last)
            out.append("lp:" + last[:3] + "|" + first[0])
            out.append("f:" + first + "|" + last[0])
    return sorted(set(out))


__all__ = [
    "COMMON",
    "ENTITY_TYPES",
    "HEADS",
    "QUALIFIERS",
    "STOP",
    "acronym_key",
    "align",
    "block_keys",
    "core_tokens",
    "edited",
    "fold",
    "initials",
    "is_acronym",
    "is_distinguishing",
    "is_weak",
    "name_key",
    "tokens",
    "veto",
]
