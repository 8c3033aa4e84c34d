"""The one way printed documents are made: plain data in, PDF bytes out.

A :class:`Document` is a titled table (optionally in sections with subtotals, and a total) on A4
portrait or landscape pages: the association's name in the header of every page, the title and
date on the first, the table's header row repeated on every page, long cells wrapped, signature
lines (制表人 / 审核人 / 日期) after the table and ``第 X 页 共 Y 页`` in the footer. Every piece of
text is checked against the :class:`~desktop.reports.fonts.FontSet` first (a character no font has
is an error naming the person), and runs the base face lacks are drawn in a fallback face.
Output is deterministic: the same document gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Sequence
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import FrameBreak
from reportlab.platypus.flowables import Flowable

from desktop.errors import AppError
from desktop.reports.fonts import FontSet, paragraph_markup
from desktop.reports.linebreak import CJKParagraph as Paragraph
from desktop.reports.linebreak import fit_style

MARGIN = 15 * mm
HEADER_SIZE = 9.0
FOOTER_SIZE = 9.0
CELL_SIZE = 9.0
CELL_LEADING = 12.0
CELL_PAD = 3.0  # points on every side of a cell
CONTINUED = "（续）"  # marks the part of a row that goes on from the page before
# A row taller than a page begins under the rows above it when this much of it fits there
# (three lines); with less room it begins the next page.
LEAST_PIECE = 3 * CELL_LEADING + 2 * CELL_PAD
HEAD_FILL = colors.Color(0.88, 0.88, 0.88)
SECTION_FILL = colors.Color(0.95, 0.95, 0.95)
SIGNATURES = ("制表人", "审核人", "日期")
# Fixed document information, so two renders of the same document are byte-identical.
CREATOR = "劳模之家"


@dataclasses.dataclass(frozen=True)
class Column:
    """A table column: its header and its share of the available width; ``align="right"`` for
    amounts."""

    title: str
    width: float
    align: Literal["left", "center", "right"] = "left"


@dataclasses.dataclass(frozen=True)
class Section:
    """A group of rows, headed by ``title`` (none when empty), closed by ``subtotal`` (if any)."""

    title: str
    rows: tuple[tuple[str, ...], ...]
    subtotal: str | None = None
    continued: str | None = None  # the title repeated atop a page (default: title + （续）)


@dataclasses.dataclass(frozen=True)
class Document:
    """Everything one printed table document shows; no fonts, no Qt, no database."""

    association: str
    title: str
    date: dt.date
    columns: tuple[Column, ...]
    sections: tuple[Section, ...]
    subtitle: str | None = None
    orientation: Literal["portrait", "landscape"] = "portrait"
    total: str | None = None
    name_column: int | None = 0  # the cell that names the person in glyph_missing errors
    signatures: bool = True
    seal: bytes | None = None  # PNG/JPEG (reports.seal.check_image) stamped by the signatures
    sign_rows: tuple[str, ...] = ()  # signature boxes closing the table (本人签字, 单位意见…)
    row_height: float = 0.0  # points; at least this tall (a line to sign by hand: 9 mm)
    page_sum: int | None = None  # a column of amounts (yuan text): 本页小计 on every page
    closing: tuple[str, ...] = ()  # a letter's 落款: lines at the right after the table (the
    # last two are the issuer and the date; the seal goes over them)

    @property
    def row_count(self) -> int:
        return sum(len(s.rows) for s in self.sections)


def format_date(day: dt.date) -> str:
    """2026年11月28日 (no leading zeros, as official documents write it)."""
    return f"{day.year}年{day.month}月{day.day}日"


def _who(doc: Document, row: Sequence[str]) -> str:
    if doc.name_column is None or doc.name_column >= len(row):
        return ""
    return row[doc.name_column]


def _draw_text(canvas: Canvas, fontset: FontSet, text: str, x: float, y: float, size: float,
               *, base: str, align: Literal["left", "center", "right"] = "left") -> None:
    """Draw ``text`` on one line, each run in the first face that has it."""
    runs = fontset.runs(text, base, field="header")
    width = sum(stringWidth(run, font, size) for font, run in runs)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    for font, run in runs:
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, font, size)


draw_text = _draw_text
"""Draw one line of text with per-character font fallback (public for other documents)."""


class _SealStamp(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """The seal, overlapping the signature line above it as a stamp does."""

    SIZE = 40 * mm

    def __init__(self, data: bytes, across: float = 0.42, *, lift: bool = False) -> None:
        super().__init__()
        self._data = data
        self._across = across  # the stamp's centre, as a share of the width
        self._lift = lift  # no room of its own: over the two closing lines that follow

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._width = avail_width
        return avail_width, 0 if self._lift else self.SIZE / 2

    def draw(self) -> None:
        from desktop.reports.seal import draw_seal

        centre = -20.0 if self._lift else self.SIZE / 2
        draw_seal(self.canv, self._data, self._width * self._across, centre, self.SIZE)


def _canvas_class(doc: Document, fontset: FontSet) -> type[Canvas]:
    """A canvas that holds the pages back until it knows their number, then decorates each."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for page in self._pages:
                self.__dict__.update(page)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            body = fontset.body.name
            top = height - MARGIN + 4 * mm
            self.saveState()
            _draw_text(self, fontset, doc.association, MARGIN, top, HEADER_SIZE, base=body)
            _draw_text(self, fontset, doc.title, width - MARGIN, top, HEADER_SIZE, base=body,
                       align="right")
            self.setLineWidth(0.5)
            self.line(MARGIN, top - 2 * mm, width - MARGIN, top - 2 * mm)
            footer = f"第 {self._pageNumber} 页 共 {total} 页"
            _draw_text(self, fontset, footer, width / 2, MARGIN - 8 * mm, FOOTER_SIZE,
                       base=body, align="center")
            self.restoreState()

    return NumberedCanvas


def _styles(fontset: FontSet) -> dict[str, ParagraphStyle]:
    title, body = fontset.title.name, fontset.body.name
    return {
        "title": ParagraphStyle("title", fontName=title, fontSize=18, leading=24,
                                alignment=TA_CENTER, spaceAfter=2 * mm),
        "subtitle": ParagraphStyle("subtitle", fontName=body, fontSize=11, leading=15,
                                   alignment=TA_CENTER),
        "date": ParagraphStyle("date", fontName=body, fontSize=10, leading=14,
                               alignment=TA_CENTER, spaceAfter=3 * mm),
        "head": ParagraphStyle("head", fontName=title, fontSize=CELL_SIZE, leading=12,
                               alignment=TA_CENTER, wordWrap="CJK"),
        "cell": ParagraphStyle("cell", fontName=body, fontSize=CELL_SIZE, leading=12,
                               wordWrap="CJK"),
        "group": ParagraphStyle("group", fontName=title, fontSize=CELL_SIZE, leading=12,
                                wordWrap="CJK"),
        "closing": ParagraphStyle("closing", fontName=body, fontSize=12, leading=20,
                                  alignment=TA_RIGHT, rightIndent=6 * mm),
        "sign": ParagraphStyle("sign", fontName=body, fontSize=11, leading=16,
                               spaceBefore=8 * mm),
    }


def _para(text: str, style: ParagraphStyle, fontset: FontSet, *, who: str = "",
          field: str = "") -> Paragraph:
    return Paragraph(paragraph_markup(text, fontset, style.fontName, who=who, field=field),
                     style)


def _cell(text: str, style: ParagraphStyle, fontset: FontSet, width: float, *, who: str,
          field: str) -> Paragraph | str:
    """A cell: plain text when it fits on one line in the body face (a Paragraph costs ~10x
    more to lay out), else a wrapping Paragraph with per-character fallback."""
    inner = width - 2 * CELL_PAD - 0.5
    if ("\n" not in text and fontset.single_font(text, style.fontName)
            and stringWidth(text, style.fontName, style.fontSize) <= inner):
        return text
    # an ID number, phone, serial, amount or date never breaks inside: too narrow a column
    # prints it smaller instead
    return _para(text, fit_style(text, style, inner), fontset, who=who, field=field)


@dataclasses.dataclass
class _Rows:
    """The table's rows laid out once: cell values, each row's height, and which rows span."""

    widths: list[float]
    header: list[Any]
    header_height: float
    rows: list[list[Any]]
    heights: list[float]
    fills: dict[int, colors.Color | None]  # row index -> fill of a spanning (group) row
    after: list[float]  # after[i] = sum(heights[i:]), so any remaining height is O(1)
    right: tuple[int, ...] = ()  # right-aligned columns (amounts)
    amounts: dict[int, int] = dataclasses.field(default_factory=dict)  # row -> fen
    page_sum: tuple[float, ParagraphStyle, FontSet] | None = None  # 本页小计 row: height, style
    data_after: list[int] = dataclasses.field(default_factory=list)  # persons from row i on
    section_of: list[int | None] = dataclasses.field(default_factory=list)  # its group title
    name_column: int = 0  # where a continued row says whose it is: 王五（续）
    cell_style: ParagraphStyle | None = None
    fontset: FontSet | None = None
    # a group title repeated at the top of a page: 第一组 2027年1月8日 上午（续）, its height
    continued: dict[int, tuple[list[Any], float]] = dataclasses.field(default_factory=dict)


def _amount(text: str) -> int:
    """ "2,000" / "1,234.50" yuan -> fen (0 for anything else, e.g. a blank cell)."""
    from desktop.core.money import MoneyError, parse_yuan

    try:
        return parse_yuan(text.replace("元", "").strip() or "0")
    except MoneyError:
        return 0


def _fit_headers(widths: list[float], titles: Sequence[str], style: ParagraphStyle
                 ) -> list[float]:
    """Widen a column whose header would break inside the word ("待遇级/别", "慰问金（/元）")
    up to the header's width, taking the room from the columns that have more than their
    header needs (in proportion to that slack). Only when the table cannot give the room does
    a header wrap."""
    need = [stringWidth(t, style.fontName, style.fontSize) + 2 * CELL_PAD + 1 for t in titles]
    short = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=True))
    if short <= 0:
        return widths
    slack = [max(0.0, w - n) for n, w in zip(need, widths, strict=True)]
    room = sum(slack)
    if room <= 0:
        return widths
    take = min(1.0, short / room)
    return [max(w, n) if n > w else w - s * take
            for n, w, s in zip(need, widths, slack, strict=True)]


def _height(value: Any, width: float) -> float:
    """A cell's height as ReportLab's Table computes it (text lines or the wrapped Paragraph,
    plus the top and bottom padding)."""
    if isinstance(value, Flowable):
        return float(value.wrap(width - 2 * CELL_PAD, 1e9)[1]) + 2 * CELL_PAD
    return CELL_LEADING * len(str(value).split("\n")) + 2 * CELL_PAD


def _rows(doc: Document, fontset: FontSet, styles: dict[str, ParagraphStyle],
          avail: float) -> _Rows:
    ncols = len(doc.columns)
    share = sum(c.width for c in doc.columns) or 1.0
    widths = _fit_headers([avail * c.width / share for c in doc.columns],
                          [c.title for c in doc.columns], styles["head"])
    full = sum(widths)
    header: list[Any] = [_para(c.title, fit_style(c.title, styles["head"],
                                                  w - 2 * CELL_PAD - 1, whole=True),
                               fontset, field=c.title)
                         for c, w in zip(doc.columns, widths, strict=True)]
    rows: list[list[Any]] = []
    heights: list[float] = []
    fills: dict[int, colors.Color | None] = {}
    amounts: dict[int, int] = {}  # row index -> fen, for 本页小计

    continued: dict[int, tuple[list[Any], float]] = {}

    def spanning(text: str, fill: colors.Color | None, again_text: str | None = None) -> None:
        para = _para(text, styles["group"], fontset)
        if fill is SECTION_FILL:
            again = _para(again_text or text + CONTINUED, styles["group"], fontset)
            continued[len(rows)] = ([again] + [""] * (ncols - 1), _height(again, full))
        fills[len(rows)] = fill
        rows.append([para] + [""] * (ncols - 1))
        heights.append(_height(para, full))

    for section in doc.sections:
        if section.title:
            spanning(section.title, SECTION_FILL, section.continued)
        for row in section.rows:
            if len(row) != ncols:
                raise ValueError(f"a row has {len(row)} cells, the table {ncols} columns")
            who = _who(doc, row)
            cells = [_cell(cell, styles["cell"], fontset, width, who=who, field=col.title)
                     for cell, col, width in zip(row, doc.columns, widths, strict=True)]
            rows.append(cells)
            heights.append(max(doc.row_height, *(_height(v, w)
                                                 for v, w in zip(cells, widths, strict=True))))
            if doc.page_sum is not None:
                amounts[len(rows) - 1] = _amount(row[doc.page_sum])
        if section.subtotal:
            spanning(section.subtotal, None)
    if doc.total:
        spanning(doc.total, HEAD_FILL)
    for text in doc.sign_rows:  # room to sign and stamp: 24 mm each
        spanning(text, None)
        heights[-1] = max(heights[-1], 24 * mm)
    after = [0.0] * (len(heights) + 1)
    data_after = [0] * (len(heights) + 1)
    for i in range(len(heights) - 1, -1, -1):
        after[i] = after[i + 1] + heights[i]
        data_after[i] = data_after[i + 1] + (0 if i in fills else 1)
    section_of: list[int | None] = []
    current: int | None = None
    for i in range(len(rows)):
        if i in fills and fills[i] is SECTION_FILL:
            current = i
        elif data_after[i] == 0:
            current = None  # totals and signatures belong to no section
        section_of.append(current)
    page_sum = None
    if doc.page_sum is not None:
        probe = _para("本页小计：0.00 元", styles["group"], fontset)
        page_sum = (_height(probe, full), styles["group"], fontset)
    return _Rows(widths, header, max(_height(v, w) for v, w in zip(header, widths, strict=True)),
                 rows, heights, fills, after,
                 tuple(i for i, c in enumerate(doc.columns) if c.align == "right"),
                 amounts, page_sum, data_after, section_of,
                 doc.name_column if doc.name_column is not None and doc.name_column < ncols
                 else 0, styles["cell"], fontset, continued)


_BASE_STYLE: tuple[tuple[Any, ...], ...] = (
    ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),  # plain-text cells (see _cell)
    ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
    ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
    ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD),
    ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD),
)


Piece = tuple[list[Any], float]  # a part of a row cut at a page break: its cells, its height


def _cut_row(cells: Sequence[Any], widths: Sequence[float], height: float
             ) -> tuple[Piece, list[Any | None]] | None:
    """A row cut so that its first part is at most ``height`` tall: that part, and what each
    cell has left for the next page (None: the cell is done). None when not one line of it
    fits, or a cell cannot be cut."""
    inner = height - 2 * CELL_PAD
    head: list[Any] = []
    rest: list[Any | None] = []
    for value, width in zip(cells, widths, strict=True):
        if isinstance(value, Paragraph):
            try:
                top, bottom = value.cut(width - 2 * CELL_PAD, inner)
            except ValueError:
                return None  # (a paragraph ReportLab broke itself: an image, leader dots)
        elif _height(value, width) <= height + 1e-6:
            top, bottom = value, None
        elif isinstance(value, Flowable):
            return None  # (no such cell today: every wrapping cell is a Paragraph)
        else:
            top, bottom = None, value
        head.append("" if top is None else top)
        rest.append(bottom)
    if all(top == "" for top in head):
        return None
    return (head, max(_height(v, w) for v, w in zip(head, widths, strict=True))), rest


def _plain(value: Any) -> str:
    return str(value.getPlainText()) if isinstance(value, Flowable) else str(value)


class _PagedTable(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """The rows from ``start`` on, cut into one small Table per page with the header repeated.

    ReportLab's LongTable rebuilds (and re-measures) a table of all remaining rows at every page
    break, which makes long lists quadratic; here every row is measured once (``_rows``) and each
    page's table holds only that page's rows, so printing time grows linearly with the rows.

    ``tail`` (the 制表人 / 审核人 line and the seal over it) is drawn under the last rows, on the
    same page: when it does not fit there, the last person goes over with it.

    A row taller than a page (a remark of several hundred characters) is cut between two lines
    of its cells and goes on at the top of the next page, under the header, as ``lead``: the
    rest of its cells and the person's name with （续）.
    """

    def __init__(self, rows: _Rows, font: str, start: int = 0,
                 tail: Sequence[Flowable] = (), lead: Piece | None = None) -> None:
        super().__init__()
        self._r = rows
        self._font = font
        self._start = start
        self._tail = tuple(tail)
        self._tail_height: float | None = None
        self._lead = lead
        # as wide as the frame without its padding, like the page tables split off it: centred
        # the same way (the last page's table stood 2 mm to the right of the others)
        self.hAlign = "CENTER"
        self._avail_width = 0.0

    def _tail_room(self, width: float) -> float:
        if self._tail_height is None:
            self._tail_height = sum(f.getSpaceBefore() + f.wrap(width, 1e9)[1]
                                    for f in self._tail)
        return self._tail_height

    def _carried(self, start: int | None = None) -> int | None:
        """The group title repeated at the top of a continuation page (its section goes on)."""
        r = self._r
        start = self._start if start is None else start
        if start == 0 or start >= len(r.section_of):
            return None
        title = r.section_of[start]
        return None if title is None or title == start else title

    def _extra(self, start: int | None = None) -> float:
        carried = self._carried(start)
        return ((self._r.page_sum[0] if self._r.page_sum is not None else 0.0)
                + (self._r.continued[carried][1] if carried is not None else 0.0))

    def _first(self) -> tuple[list[Any], float]:
        """The first row: the rest of a row cut at the last page break, or a whole row."""
        if self._lead is not None:
            return self._lead
        return self._r.rows[self._start], self._r.heights[self._start]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = sum(self._r.widths)
        self._avail_width = avail_width
        rest = self._r.after[self._start]
        if self._lead is not None:
            rest += self._lead[1] - self._r.heights[self._start]
        self.height = (self._r.header_height + rest + self._extra()
                       + self._tail_room(self.width))
        return self.width, self.height

    def _page(self, stop: int, head: Piece | None = None) -> Table:
        """The rows from the start up to ``stop`` (and ``head``, the first part of row
        ``stop``) as one page's table."""
        r, start, lead = self._r, self._start, self._lead
        missing = object()
        entries: list[tuple[list[Any], float, Any, bool]] = [
            (*(lead if lead is not None and i == start else (r.rows[i], r.heights[i])),
             r.fills.get(i, missing), lead is not None and i == start)
            for i in range(start, stop)]
        if head is not None:
            entries.append((*head, r.fills.get(stop, missing), True))
        carried = self._carried()
        if carried is not None:  # the group's own column words again (档案表: 家庭成员 …),
            # marked as going on: its subtotal counts the rows of the page before too
            entries.insert(0, (*r.continued[carried], r.fills[carried], False))
        if r.page_sum is not None:  # 本页小计: what the rows on this page add up to
            height, style, fontset = r.page_sum
            # a person's amount counts on the page where the row begins
            fen = sum(r.amounts.get(i, 0) for i in range(start, stop + (head is not None))
                      if lead is None or i != start)
            text = f"本页小计：{fen // 100:,}.{fen % 100:02d} 元"
            at = len(entries)  # after the last person on the page, before closing totals
            while at > 0 and entries[at - 1][2] is not missing:
                at -= 1
            line = [_para(text, style, fontset)] + [""] * (len(r.widths) - 1)
            entries.insert(at, (line, height, None, False))
        commands: list[tuple[Any, ...]] = [("FONTNAME", (0, 0), (-1, -1), self._font),
                                           *_BASE_STYLE]
        commands.extend(("ALIGN", (c, 1), (c, -1), "RIGHT") for c in r.right)
        for n, (_cells, _h, fill, piece) in enumerate(entries, start=1):
            if fill is not missing:
                commands.append(("SPAN", (0, n), (-1, n)))
                if fill is not None:
                    commands.append(("BACKGROUND", (0, n), (-1, n), fill))
            if piece:  # a cut row reads from the top, its name beside its first line
                commands.append(("VALIGN", (0, n), (-1, n), "TOP"))
        return Table([r.header, *(e[0] for e in entries)], colWidths=r.widths,
                     rowHeights=[r.header_height, *(e[1] for e in entries)],
                     style=TableStyle(commands))

    def _page_room(self, row: int) -> float:
        """The room for rows on a page that begins with ``row`` (under the header)."""
        frame = getattr(self, "_frame", None)
        whole = float(frame._aH) if frame is not None else 1e9
        return whole - self._r.header_height - self._extra(row)

    def _cut(self, row: int, height: float) -> list[Flowable] | None:
        """This page up to row ``row`` and the part of it that fits in ``height``; the rest
        of the row begins the next page. None when the row cannot be cut there."""
        r = self._r
        cells, _h = self._first() if row == self._start else (r.rows[row], r.heights[row])
        # a group title, subtotal or total spans the whole table: cut it at the whole width
        widths = ([sum(r.widths)] + [0.0] * (len(r.widths) - 1) if row in r.fills
                  else r.widths)
        cut = _cut_row(cells, widths, height)
        if cut is None:
            return None
        head, rest = cut
        page = self._page(row, head)
        if all(v is None for v in rest):  # the cells fit after all
            if row + 1 == len(r.heights):
                return [page, *self._tail]
            return [page, FrameBreak(), _PagedTable(r, self._font, row + 1, self._tail)]
        assert r.cell_style is not None and r.fontset is not None
        col = 0 if row in r.fills else r.name_column
        going_on = rest[col]
        if isinstance(going_on, Paragraph):  # the cell itself goes on: the mark before it
            rest[col] = going_on.prefixed(_para(CONTINUED, going_on.style, r.fontset))
        elif going_on:
            rest[col] = _cell(f"{CONTINUED}{going_on}", r.cell_style, r.fontset, r.widths[col],
                              who=_plain(r.rows[row][col]), field="")
        else:  # the name again, so that the page says whose row goes on, the mark under it
            # (a name and （续） on one line would not fit a narrow name column)
            who = _plain(r.rows[row][col])
            style = fit_style(who, r.cell_style, r.widths[col] - 2 * CELL_PAD - 0.5)
            rest[col] = Paragraph(
                paragraph_markup(who, r.fontset, style.fontName, who=who)
                + ("<br/>" if who.strip() else "")
                + paragraph_markup(CONTINUED, r.fontset, style.fontName), style)
        lead = [("" if v is None else v) for v in rest]
        piece = (lead, max(_height(v, w) for v, w in zip(lead, widths, strict=True)))
        return [page, FrameBreak(), _PagedTable(r, self._font, row, self._tail, piece)]

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        r, start, end = self._r, self._start, len(self._r.heights)
        room = avail_height - r.header_height - self._extra()
        first = self._first()[1]
        stop = start
        if first <= room + 1e-6:
            room -= first
            stop += 1
            while stop < end and r.heights[stop] <= room + 1e-6:
                room -= r.heights[stop]
                stop += 1
        if stop < end and room >= LEAST_PIECE - 1e-6:
            height = first if stop == start else r.heights[stop]
            if height > self._page_room(stop) + 1e-6:  # it would not fit any page: cut it
                pieces = self._cut(stop, room)
                if pieces is not None:
                    return pieces
        natural = fitting = stop
        if stop == end and room < self._tail_room(sum(r.widths)) - 1e-6:
            stop = natural = end - 1  # the signatures need the room of the last row(s)
        if stop < end and (r.data_after[stop] == 0
                           or (stop in r.fills and r.fills[stop] is not SECTION_FILL)):
            # the next page would begin with a subtotal, the total or the signature boxes: the
            # last person on this page goes over with them (and what belongs before them)
            while stop > start and (stop == natural or stop in r.fills):
                stop -= 1
        while stop > start and r.fills.get(stop - 1) is SECTION_FILL:
            stop -= 1  # a group's title never ends a page: it goes over with its first row
        if stop == start:
            frame = getattr(self, "_frame", None)
            if frame is None or not getattr(frame, "_atTop", False):
                return []  # the whole rest begins on the next page
            stop = natural  # a fresh page: the rules must give way to at least one row
            if stop == start and fitting == end:
                # the last row fills a whole page with no room left for the signatures: its
                # last lines go over with them (a row of one or two lines cannot be cut, and
                # the signatures go to the next page alone rather than nothing being printed)
                if start not in r.fills and first >= LEAST_PIECE + 2 * CELL_LEADING:
                    pieces = self._cut(start, first - 2 * CELL_LEADING)
                    if pieces is not None:
                        return pieces
                return [self._page(end), FrameBreak(), *self._tail]
            if stop == start:
                return []  # not even one row fits a whole page (ReportLab says so)
        if stop == end:
            return [self._page(stop), *self._tail]
        # the rest begins on the next page, never under this page's rows: its header and its
        # group title repeat only at the top of a page
        return [self._page(stop), FrameBreak(), _PagedTable(r, self._font, stop, self._tail)]

    def draw(self) -> None:  # the whole rest fits: draw it as one page table
        table = self._page(len(self._r.heights))
        y = self._tail_room(self.width)
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, y)
        x = max(0.0, (self.width - self._avail_width) / 2)  # where the frame puts a paragraph
        for flowable in self._tail:
            y -= flowable.getSpaceBefore() + flowable.wrapOn(self.canv, self.width, 1e9)[1]
            flowable.drawOn(self.canv, x, y)


def render(doc: Document, fontset: FontSet) -> bytes:
    """The PDF of ``doc``; raises AppError("report_empty") for an empty table."""
    if doc.row_count == 0:
        raise AppError("report_empty")
    pagesize = landscape(A4) if doc.orientation == "landscape" else A4
    styles = _styles(fontset)
    buf = io.BytesIO()
    template = SimpleDocTemplate(
        buf, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN + 6 * mm, bottomMargin=MARGIN,
        title=doc.title, author=doc.association, creator=CREATOR, producer=CREATOR,
        subject="", keywords="", invariant=1, initialFontName=fontset.body.name,
        initialFontSize=CELL_SIZE, initialLeading=12,
    )
    story: list[Flowable] = [_para(doc.title, styles["title"], fontset, field="title")]
    if doc.subtitle:
        story.append(_para(doc.subtitle, styles["subtitle"], fontset, field="subtitle"))
    story.append(_para(format_date(doc.date), styles["date"], fontset))
    tail: list[Flowable] = []  # the signatures (and the seal over them) stay with the table
    if doc.signatures:
        gap = "\u3000" * 4
        line = gap.join(paragraph_markup(f"{s}：", fontset, styles["sign"].fontName) + "_" * 12
                        for s in SIGNATURES)
        tail.append(Spacer(1, 2 * mm))
        tail.append(Paragraph(line, styles["sign"]))
    closing: list[Flowable] = []
    if doc.closing:
        closing.append(Spacer(1, 6 * mm))
        closing.extend(_para(line, styles["closing"], fontset, field="closing")
                       for line in doc.closing)
    if doc.seal is not None and doc.closing:  # over the issuer and the date, at the right,
        # with room above them so that the stamp covers no other line
        closing.insert(len(closing) - 2, _SealStamp(doc.seal, 0.80, lift=True))
        if len(doc.closing) > 2:
            closing.insert(len(closing) - 3, Spacer(1, 14 * mm))
    elif doc.seal is not None:  # over the 审核人 signature, or over the association's name that
        # closes a letter (its last row, e.g. "××劳动模范协会（盖章）")
        tail.append(_SealStamp(doc.seal, 0.42 if doc.signatures else 0.14))
    story.append(_PagedTable(_rows(doc, fontset, styles, template.width), fontset.body.name,
                             tail=tail))
    if closing:
        story.append(KeepTogether(closing))
    template.build(story, canvasmaker=_canvas_class(doc, fontset))
    return buf.getvalue()
