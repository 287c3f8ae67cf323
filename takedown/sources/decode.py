"""Bytes to text: which encoding, and whether the bytes are text at all.

Offsets are defined on the decoded text, so the decoding must be deterministic and must say
what it did: every successful decode returns the encoding it used, and the record carries it.

Order of decisions (first that applies wins):

1. a byte-order mark: UTF-8, UTF-16 or UTF-32, decoded strictly;
2. known binary signatures (PDF, PNG, zip, ...) and NUL bytes: not text;
3. strict UTF-8 (the common case, and ASCII);
4. a charset the page itself declares (HTML ``<meta charset>``), when it decodes strictly;
5. charset-normalizer, restricted to cp1252 and latin-1: unrestricted it guesses exotic code
   pages (cp852, mac_iceland) for short Western texts, which is worse than no guess;
6. cp1252 when it decodes strictly, else latin-1 (which decodes any byte sequence).

A decoded text with many control characters is rejected too: latin-1 "decodes" a binary
file, but nobody wants facts from it.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

from takedown.errors import InputError

# Signatures of formats analysts' folders hold that are not text (checked before NUL bytes,
# because the reason is clearer: "a PDF document" rather than "NUL bytes").
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x1f\x8b", "gzip-compressed data (name it .gz to have it decompressed)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),  # before UTF-16 LE: it starts the same
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""",
                           re.IGNORECASE)
# C0 controls other than tab, newline, vertical tab, form feed, carriage return; and DEL.
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
_SAMPLE = 65536
_DETECT_SAMPLE = 256 * 1024

logging.getLogger("charset_normalizer").addHandler(logging.NullHandler())


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded text and the name of the encoding that produced it (as records report it)."""

    text: str
    encoding: str


def bom_encoding(head: bytes) -> tuple[str, str] | None:
    """(codec that strips the BOM, name to report) when ``head`` starts with a byte-order mark."""
    for bom, codec, name in _BOMS:
        if head.startswith(bom):
            return codec, name
    return None


def sniff_binary(head: bytes) -> str | None:
    """Why ``head`` (the first bytes of a file) is not text, or None if it may be text."""
    if bom_encoding(head) is not None:
        return None  # UTF-16/32 text holds NUL bytes by design
    for magic, what in MAGIC:
        if head.startswith(magic):
            return f"binary file ({what}), not text"
    if b"\x00" in head:
        return "binary file (NUL bytes), not text"
    return None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _normal_name(codec: str) -> str:
    name = codecs.lookup(codec).name
    return {"iso8859-1": "latin-1", "latin_1": "latin-1"}.get(name, name)


def detect_single_byte(sample: bytes) -> str:
    """cp1252 or latin-1 for bytes that are not UTF-8, chosen by charset-normalizer when it is
    sure and by strict decoding when it is not (it declines short or unusual texts)."""
    from charset_normalizer import from_bytes

    best = from_bytes(sample[:_DETECT_SAMPLE], cp_isolation=["cp1252", "latin_1"]).best()
    if best is not None:
        return _normal_name(best.encoding)
    return "cp1252" if _strict(sample, "cp1252") is not None else "latin-1"


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes, if Python knows it."""
    m = _META_CHARSET.search(head[:4096])
    if not m:
        return None
    try:
        return _normal_name(m.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None


def decode(data: bytes, where: str, *, html: bool = False) -> Decoded:
    """Decode a whole file's bytes; raise InputError (with a plain reason) when it is not text."""
    bom = bom_encoding(data[:4])
    if bom is not None:
        codec, name = bom
        text = _strict(data, codec)
        if text is None:
            raise InputError(where, f"starts with a {name} byte-order mark but is not valid {name}")
        if text.startswith("\ufeff"):
            text = text[1:]
        return _checked(Decoded(text, name), where)
    why = sniff_binary(data[:_SAMPLE])
    if why is None and b"\x00" in data:
        why = "binary file (NUL bytes), not text"
    if why is not None:
        raise InputError(where, why)
    text = _strict(data, "utf-8")
    if text is not None:
        return _checked(Decoded(text, "utf-8"), where)
    if html:
        declared = declared_charset(data)
        if declared is not None and declared != "utf-8":
            text = _strict(data, declared)
            if text is not None:
                return _checked(Decoded(text, declared), where)
    encoding = detect_single_byte(data)
    text = _strict(data, encoding)
    if text is None:  # charset-normalizer chose cp1252 for a sample; the rest disagrees
        encoding, text = "latin-1", data.decode("latin-1")
    return _checked(Decoded(text, encoding), where)


def _checked(decoded: Decoded, where: str) -> Decoded:
    sample = decoded.text[:_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(where, f"binary file (control characters), not {decoded.encoding} text")
    return decoded
