"""Chinese line breaking for every paragraph and table cell of the printed documents.

GB/T 15834 and the usual rules of Chinese typesetting: closing punctuation (，。）」…) never
begins a line (避头) and opening punctuation (（「《“) never ends one (避尾); the character next
to it moves with it instead (推入/推出, never hung in the margin, which would cross a table's
grid). Tokens an official checks digit by digit never break inside: ID numbers (masked or not),
phone numbers, serials, amounts with their 元, dates (2026年12月3日, 1969.01) and Latin words;
nor the words 省部级 and 劳模.
A token wider than the line still breaks (by character) rather than running off the page;
table cells avoid that by shrinking their font (:func:`fitting_size`).

:class:`CJKParagraph` is a ReportLab ``Paragraph`` whose line breaking is this one, for every
style (ReportLab's own CJK wrap knows only 避头, and hangs the character instead).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.paragraph import (
    Paragraph,
    ParaLines,
    cjkU,
    makeCJKParaLine,
)

CANNOT_START = "，。；：、？！）」』》〉】〕］｝’”…—·％‰℃,.;:!?)]}%"
"""Closing punctuation that never begins a line (避头点)."""
CANNOT_END = "（「『《〈【〔［｛‘“([{￥¥$＄"
"""Opening punctuation that never ends a line (避尾点)."""

_TOKEN = re.compile(
    r"省部级|劳模"  # words the lists are full of ("全国、省/部级" in a balanced subtitle)
    r"|\d{4}年\d{1,2}月(?:\d{1,2}日)?"  # 2026年12月3日, 1969年1月
    r"|\d{1,2}月\d{1,2}日"
    r"|[¥￥]?[0-9A-Za-z*＊]+(?:[-./:,·×][0-9A-Za-z*＊]+)*(?:\s?元)?"  # IDs, phones, serials,
    # amounts (1,234.50 元), dates (2026-12-03, 1969.01), words
)
_FUZZ = 1e-6


def unbreakable(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of ``text`` that never break inside (tokens of two or more
    characters)."""
    return [m.span() for m in _TOKEN.finditer(text) if m.end() - m.start() > 1]


def break_allowed(text: str, *, tokens: bool = True) -> list[bool]:
    """``allowed[i]``: a line may break before ``text[i]`` (``allowed[0]`` is False).
    ``tokens=False`` keeps only the punctuation rules (to break a token too wide for a line)."""
    allowed = [True] * (len(text) + 1)
    allowed[0] = False
    if tokens:
        for start, end in unbreakable(text):
            for i in range(start + 1, end):
                allowed[i] = False
    for i, ch in enumerate(text):
        if ch in CANNOT_START or ch.isspace():  # spaces stay at the end of a line
            allowed[i] = False
        if ch in CANNOT_END:
            allowed[i + 1] = False
    allowed[len(text)] = True
    return allowed


def longest_token(text: str, font: str, size: float) -> float:
    """The width of the widest piece of ``text`` that may not break (a token and the
    punctuation glued to it), in points."""
    allowed = break_allowed(text)
    widest, start = 0.0, 0
    for i in range(1, len(text) + 1):
        if allowed[i]:
            widest = max(widest, stringWidth(text[start:i].rstrip(), font, size))
            start = i
    return widest


def fitting_size(text: str, font: str, size: float, width: float, *,
                 smallest: float = 5.0) -> float:
    """``size``, or a smaller size (by quarter points, not below ``smallest``) at which every
    token of ``text`` fits in ``width``: a cell shrinks rather than split an ID number."""
    if not text or width <= 0:
        return size
    widest = longest_token(text, font, size)
    if widest <= width + _FUZZ:
        return size
    fitted = int(size * width / widest * 4) / 4
    return max(smallest, min(size, fitted))


def fit_style(text: str, style: ParagraphStyle, width: float, *,
              whole: bool = False) -> ParagraphStyle:
    """``style``, or a copy in a smaller font (leading in proportion) at which no token of
    ``text`` is wider than ``width``; ``whole=True`` fits the whole text on one line (a column
    header, which must not break inside a word), but not below 6.5 points: a longer header
    then wraps."""
    font, size = style.fontName, style.fontSize
    if whole:
        full = stringWidth(text, font, size)
        fitted = size if full <= width + _FUZZ else max(6.5, int(size * width / full * 4) / 4)
    else:
        fitted = fitting_size(text, font, size, width)
    if fitted >= size:
        return style
    return ParagraphStyle(f"{style.name}-{fitted}", parent=style, fontSize=fitted,
                          leading=style.leading * fitted / size)


def _groups(allowed: Sequence[bool], breaks: Sequence[bool]) -> list[tuple[int, int, bool]]:
    """Runs of characters between break opportunities: (start, end, forced line break after
    it); ``breaks[i]``: character i is a forced line break."""
    out: list[tuple[int, int, bool]] = []
    start = 0
    for i, forced in enumerate(breaks):
        if forced or allowed[i + 1]:
            out.append((start, i + 1, forced))
            start = i + 1
    if start < len(breaks):
        out.append((start, len(breaks), False))
    return out


def _letters(text: str) -> int:
    """How many characters of ``text`` are neither punctuation nor space."""
    return sum(1 for ch in text if not (ch in CANNOT_START or ch in CANNOT_END or ch.isspace()))


def _spans(text: str, widths: Sequence[float], breaks: Sequence[bool], width_at: Any
           ) -> list[tuple[int, int, bool]]:
    """The lines of ``text`` as (start, end, forced line break after it), each at most
    ``width_at(line number)`` wide where the rules allow."""
    allowed = break_allowed(text)
    punctuation_only = break_allowed(text, tokens=False)
    spans: list[tuple[int, int, bool]] = []

    def close(start: int, end: int, line_break: bool) -> None:
        spans.append((start, end, line_break))

    line_start, used = 0, 0.0
    for start, end, forced in _groups(allowed, breaks):
        width = sum(widths[start:end])
        limit = width_at(len(spans))
        if used + width > limit + _FUZZ and start > line_start:
            close(line_start, start, False)
            line_start, used, limit = start, 0.0, width_at(len(spans))
        if width > limit + _FUZZ:  # a token wider than a whole line: break it, but never
            for i in range(start, end):  # before closing or after opening punctuation
                if used + widths[i] > limit + _FUZZ and i > line_start:
                    j = i
                    while j > line_start and not punctuation_only[j]:
                        j -= 1
                    if j == line_start and text[i] in CANNOT_START:
                        j = -1  # one character a line and it closes: it hangs instead
                    elif j == line_start:
                        j = i
                    if j > 0:
                        close(line_start, j, False)
                        line_start, limit = j, width_at(len(spans))
                        used = sum(widths[j:i])
                used += widths[i]
        else:
            used += width
        if forced:
            close(line_start, end, True)
            line_start, used = end, 0.0
    if line_start < len(text):
        close(line_start, len(text), False)
    _no_orphan(text, spans, allowed, widths, width_at)
    return spans


def _no_orphan(text: str, spans: list[tuple[int, int, bool]], allowed: Sequence[bool],
               widths: Sequence[float], width_at: Any) -> None:
    """A paragraph's last line never holds a single character (孤字: "家/属）", "慰问品一/份"):
    it takes the previous character(s) too, up to the last break the rules allow, when they
    fit."""
    for k in range(1, len(spans)):
        start, end, forced = spans[k]
        last = forced or k == len(spans) - 1
        before_start, _before_end, before_forced = spans[k - 1]
        if not last or before_forced or _letters(text[start:end].rstrip("\n")) >= 2:
            continue
        for j in range(start - 1, before_start, -1):
            if not allowed[j]:
                continue
            if sum(widths[j:end]) > width_at(k) + _FUZZ:
                break
            if _letters(text[j:end]) >= 2 and _letters(text[before_start:j]) >= 1:
                spans[k - 1] = (before_start, j, False)
                spans[k] = (j, end, forced)
                break


def split_lines(chars: Sequence[Any], max_widths: Sequence[float],
                calc_bounds: bool, *, balance: bool = False) -> Any:
    """``chars`` (cjkU, one per character) broken into ReportLab CJK lines (kind 1).
    ``balance=True`` (a centred title) makes the lines of a paragraph as even as the rules
    allow (排列对称) instead of filling the first ones."""
    text = "".join(str(c) or "\n" for c in chars)
    widths = [c.width for c in chars]
    breaks = [hasattr(c.frag, "lineBreak") for c in chars]

    def width_at(n: int) -> float:
        return float(max_widths[n] if n < len(max_widths) else max_widths[-1])

    spans = _spans(text, widths, breaks, width_at)
    if balance and len(spans) > 1 and not any(f for _s, _e, f in spans) \
            and len(set(max_widths)) == 1:
        count, low, high = len(spans), sum(widths) / len(spans), width_at(0)
        for _ in range(10):  # the narrowest measure that still gives as many lines
            mid = (low + high) / 2
            if len(_spans(text, widths, breaks, lambda _n, w=mid: w)) > count:
                low = mid
            else:
                high = mid
        spans = _spans(text, widths, breaks, lambda _n: high)
    lines: list[Any] = []
    for start, end, line_break in spans:
        limit = width_at(len(lines))
        used = sum(widths[start:end])
        lines.append(makeCJKParaLine(list(chars[start:end]), limit, used, limit - used,
                                     line_break, calc_bounds))
    return ParaLines(kind=1, lines=lines)


class CJKParagraph(Paragraph):  # type: ignore[misc]  # ReportLab has no type hints
    """A Paragraph broken into lines by the rules above, whatever its style's ``wordWrap``."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # A table cell is measured once when the rows are laid out and again by the page's
        # Table at the same width: the lines are the same, so the first answer is kept.
        key = (availWidth, self.style.fontSize, self.style.leading)
        if getattr(self, "_wrapped", None) == key and hasattr(self, "blPara"):
            return self.width, self.height
        result = super().wrap(availWidth, availHeight)
        self._wrapped = key
        return result  # type: ignore[no-any-return]

    def breakLines(self, width: Any) -> Any:
        return self.breakLinesCJK(width)

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        frags = self.frags
        if self.style.endDots or any(hasattr(f, "cbDefn") for f in frags) or not frags:
            return super().breakLinesCJK(maxWidths)
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        self.height = 0
        chars: list[Any] = []
        for f in frags:
            text = f.text.decode("utf8") if isinstance(f.text, bytes) else f.text
            if text:
                chars.extend(cjkU(t, f, "utf8") for t in text)
            else:
                chars.append(cjkU(text, f, "utf8"))
        auto = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return split_lines(chars, maxWidths, auto not in ("", "off"),
                           balance=self.style.alignment == TA_CENTER)

    def cut(self, width: float, height: float
            ) -> tuple[CJKParagraph | None, CJKParagraph | None]:
        """The lines that fit in ``height`` (a table row going on on the next page) and a
        paragraph of the rest: ``(None, self)`` when not one line fits, ``(self, None)`` when
        all do. The cut falls between two lines these rules made, so the rest begins where a
        line began (never with closing punctuation) and is broken again the same way.

        ReportLab's own ``split`` joins the lines of each part with spaces (Latin words),
        which would open gaps in Chinese text; here the characters are kept as they are."""
        self.wrap(width, 1e9)
        para = self.blPara
        if para.kind != 1 or getattr(self.style, "autoLeading", "") not in ("", "off", None):
            raise ValueError("only plain CJK paragraphs are cut")
        lines = para.lines
        fit = int((height + _FUZZ) / self.style.leading)
        if fit <= 0:
            return None, self
        if fit >= len(lines):
            return self, None
        head = CJKParagraph(None, self.style, frags=[w for ln in lines[:fit] for w in ln.words])
        head.blPara = ParaLines(kind=1, lines=lines[:fit], aH=height, aW=width)
        head._splitpara = 1
        rest = CJKParagraph(None, self.style, frags=[w for ln in lines[fit:] for w in ln.words])
        return head, rest

    def prefixed(self, mark: Paragraph) -> CJKParagraph:
        """This paragraph with ``mark`` (another paragraph in the same style, e.g. （续）)
        before it on its first line."""
        return CJKParagraph(None, self.style, frags=[*mark.frags, *self.frags])
