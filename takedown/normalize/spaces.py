"""Unicode spaces read as plain spaces, without moving a single offset.

Why: scraped pages put no-break and thin spaces where a writer typed a space ("$1.4\u00a0million",
"Operation\u00a0SpecTor", "May\u00a02"), and every pattern, gazetteer form and tokenizer rule
expects " ". Each such space is one character, so replacing it with " " keeps every offset;
the extractors read this matching text, and the record's evidence is sliced from the original.
"""

from __future__ import annotations

# Unicode's space separators (category Zs) other than the space itself
_SPECIAL_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)


def matching_text(text: str) -> str:
    """``text`` with every Unicode space separator as " " (the same string when it has none).

    An ASCII string is known as such without a scan; otherwise each kind of space is looked
    for and replaced by ``str`` methods in C (a character-class regex or ``str.translate``
    over the whole text cost ten times as much)."""
    if text.isascii():
        return text
    for ch in _SPECIAL_SPACES:
        if ch in text:
            text = text.replace(ch, " ")
    return text
