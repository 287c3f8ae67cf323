"""Unicode spaces read as plain spaces, without moving a single offset.

Why: scraped pages put no-break and thin spaces where a writer typed a space ("$1.4\u00a0million",
"Operation\u00a0SpecTor", "May\u00a02"), and every pattern, gazetteer form and tokenizer rule
expects " ". Each such space is one character, so replacing it with " " keeps every offset;
the extractors read this matching text, and the record's evidence is sliced from the original.
"""

from __future__ import annotations

import re

# Unicode's space separators (category Zs) other than the space itself
_SPECIAL_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)
_ANY_SPECIAL = re.compile(f"[{_SPECIAL_SPACES}]")
_TO_SPACE = str.maketrans(dict.fromkeys(_SPECIAL_SPACES, " "))


def matching_text(text: str) -> str:
    """``text`` with every Unicode space separator as " " (the same string when it has none)."""
    if _ANY_SPECIAL.search(text) is None:  # most texts: one scan in C, no copy
        return text
    return text.translate(_TO_SPACE)
