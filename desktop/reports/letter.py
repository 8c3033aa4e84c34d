"""Letters issued by the association (帮扶证明, 疗休养通知书), laid out like the 荣誉称号证明:
the association's name in red over a red double rule (红头), the title, the serial, body
paragraphs (an optional small table between them), and at the lower right the association (落款)
and the date with the seal over them, never over the body or a signature line.

Plain data in (:class:`Letter`), PDF bytes out; the same fonts and per-character fallback as
every document (``FontSet``), no base-14 font.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.reports.certificate import (
    BODY_SIZE,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    SEAL_SIZE,
    _p,
    _Rule,
    _styles,
)
from desktop.reports.fonts import FontSet
from desktop.reports.framework import CREATOR, draw_text
from desktop.reports.linebreak import fit_style

__all__ = ["Letter", "render_letter", "render_letters"]


@dataclasses.dataclass(frozen=True)
class Letter:
    """What a letter says, already in words."""

    association: str  # 长兴县劳动模范协会: the red head and the 落款
    title: str  # 帮扶证明
    date: str  # 2026年12月3日 (the 落款 date)
    paragraphs: tuple[str, ...]  # the body, each indented two characters
    serial: str = ""  # 证明编号：… (under the title)
    salutation: str = ""  # 王建国同志： (flush left, before the body)
    table: tuple[tuple[str, ...], ...] = ()  # header row first; between the paragraphs
    table_after: int = 1  # the table follows this many paragraphs
    note: str = ""  # a small red line at the foot (补打, 复印无效)
    who: str = ""  # the person (named in a missing-glyph error)
    seal: bytes | None = None  # PNG/JPEG stamped over the 落款 and date


class _Closing(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """落款 and date at the right, the seal centred over them."""

    HEIGHT = 34 * mm

    def __init__(self, letter: Letter, fontset: FontSet) -> None:
        super().__init__()
        self._letter, self._fs = letter, fontset

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._width = avail_width
        return avail_width, self.HEIGHT

    def draw(self) -> None:
        from desktop.reports.seal import draw_seal

        letter, fs, body = self._letter, self._fs, self._fs.body.name
        right = self._width - 4 * mm
        name_y, date_y = 20 * mm, 11 * mm
        draw_text(self.canv, fs, letter.association, right, name_y, BODY_SIZE, base=body,
                  align="right")
        draw_text(self.canv, fs, letter.date, right, date_y, BODY_SIZE, base=body,
                  align="right")
        if letter.seal is not None:
            width = sum(stringWidth(run, font, BODY_SIZE)
                        for font, run in fs.runs(letter.association, body))
            draw_seal(self.canv, letter.seal, right - width / 2,
                      (name_y + date_y) / 2 + 2 * mm, SEAL_SIZE)


def render_letter(letter: Letter, fontset: FontSet) -> bytes:
    """One letter as PDF (a long table continues on the next page; the 落款 is kept whole)."""
    return render_letters([letter], fontset)


def render_letters(letters: Sequence[Letter], fontset: FontSet) -> bytes:
    """Letters one after another, each from a new page (a batch's 通知书 printed at once)."""
    letter = letters[0]
    buf = io.BytesIO()
    template = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=letter.title, author=letter.association,
        creator=CREATOR, producer=CREATOR, subject="", keywords="", invariant=1,
        initialFontName=fontset.body.name,
    )
    story: list[Flowable] = []
    for n, one in enumerate(letters):
        if n:
            story.append(PageBreak())
        story.extend(_story(one, fontset, template.width))
    template.build(story)
    return buf.getvalue()


def _story(letter: Letter, fontset: FontSet, width: float) -> list[Flowable]:
    st, who = _styles(fontset), letter.who
    story: list[Flowable] = [_p(letter.association, st["head"], fontset, who, "association"),
                             _Rule(width),
                             _p(letter.title, st["title"], fontset, who, "title")]
    if letter.serial:
        story.append(_p(letter.serial, st["serial"], fontset, who, "serial"))
    if letter.salutation:
        flush = ParagraphStyle("salutation", parent=st["body"], firstLineIndent=0)
        story.append(_p(letter.salutation, flush, fontset, who, "salutation"))
    for n, text in enumerate(letter.paragraphs):
        if letter.table and n == letter.table_after:
            story.extend([Spacer(1, 2 * mm), _table(letter, fontset, width),
                          Spacer(1, 3 * mm)])
        story.append(_p(text, st["body"], fontset, who, "body"))
    if letter.table and letter.table_after >= len(letter.paragraphs):
        story.extend([Spacer(1, 2 * mm), _table(letter, fontset, width)])
    closing: list[Flowable] = [Spacer(1, 8 * mm), _Closing(letter, fontset)]
    if letter.note:
        closing.append(_p(letter.note, st["note"], fontset, who, "note"))
    story.append(KeepTogether(closing))
    return story


def _table(letter: Letter, fs: FontSet, width: float) -> Table:
    st = _styles(fs)
    head, *rows = letter.table
    share = width / len(head)
    inner = share - 13  # the Table's default padding (6 points a side) and the rule
    data = [[_p(h, fit_style(h, st["cellhead"], inner, whole=True), fs, letter.who, h)
             for h in head]]
    # amounts stand right-aligned, as in every other table (帮扶证明: 金额（元）)
    money = ParagraphStyle("cellmoney", parent=st["cell"], alignment=TA_RIGHT)
    data += [[_p(c, fit_style(c, money if "（元）" in h else st["cell"], inner), fs,
                 letter.who, h)
              for c, h in zip(r, head, strict=True)] for r in rows]
    return Table(data, colWidths=[share] * len(head), repeatRows=1, style=TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fs.body.name),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
