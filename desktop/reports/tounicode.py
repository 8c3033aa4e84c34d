"""A correct ToUnicode CMap for ReportLab's TrueType subsets (characters above U+FFFF).

ReportLab (checked with 4.x and 5.1) writes each entry of a subset's ToUnicode CMap as
``"<%02X> <%04X>" % (code, codepoint)``, so 𠮷 (U+20BB7) becomes ``<20BB7>``: five hex digits,
which is not UTF-16BE. Text extraction (pdftotext, pypdf, copy and paste, search) then gets a
wrong character or nothing. The glyphs themselves are embedded and drawn correctly; only the map
back to Unicode is wrong.

This module replaces ``reportlab.pdfbase.ttfonts.makeToUnicodeCMap`` — the one function that
writes the map; ``TTFont.addObjects`` looks it up in its module at call time — with a version
that writes UTF-16BE, i.e. a surrogate pair for characters above U+FFFF (``<D842DFB7>``), and
splits the entries into blocks of at most 100 as the PDF reference requires. This is the only
place in the program that changes ReportLab; :func:`install` is idempotent and is called when
``desktop.reports.fonts`` is imported.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase import ttfonts

_BLOCK = 100  # the PDF reference allows at most 100 entries per beginbfchar block


def utf16_hex(codepoint: int) -> str:
    """The UTF-16BE code units of one character as upper-case hex (a pair above U+FFFF)."""
    return chr(codepoint).encode("utf-16-be", "surrogatepass").hex().upper()


def make_to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """A ToUnicode CMap for one ReportLab subset (codes 0..n-1 -> the characters in ``subset``)."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
    ]
    entries = [f"<{code:02X}> <{utf16_hex(cp)}>" for code, cp in enumerate(subset)]
    for start in range(0, len(entries), _BLOCK):
        block = entries[start:start + _BLOCK]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(block)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


def install() -> None:
    """Make ReportLab write correct ToUnicode maps from now on (idempotent)."""
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
