"""Membership cards (会员证): ten ID-1 cards (85.6 × 54 mm) per A4 page, with cut marks.

Plain data in (:class:`Card`), PDF bytes out, drawn on the canvas directly (a card is a fixed
layout, not flowing text). Text that is too wide for its line is drawn smaller rather than cut.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop.errors import AppError
from desktop.reports.fonts import FontSet
from desktop.reports.framework import CREATOR, draw_text, format_date
from desktop.reports.qr import draw_qr
from desktop.reports.seal import draw_seal

CARD_W, CARD_H = 85.6 * mm, 54 * mm
COLS, ROWS = 2, 5
GAP = 4 * mm  # between cards, so each can be cut on its own lines
MARK = 2.5 * mm  # length of a cut mark (shorter than the gap)
RED = colors.Color(0.78, 0.08, 0.08)
PER_PAGE = COLS * ROWS
PHOTO_W, PHOTO_H = 25 * mm, 35 * mm  # 一寸 photo, on the left of the card
PHOTO_BOTTOM = 6 * mm  # above the serial line, below the red band


@dataclasses.dataclass(frozen=True)
class Card:
    """What one membership card says."""

    association: str
    serial: str
    name: str
    sex: str
    district: str
    treatment_level: str
    honor: str  # the highest honor, e.g. 全国劳动模范（2005）
    issued: dt.date


def _fit(fs: FontSet, text: str, base: str, size: float, width: float) -> float:
    """The font size (at most ``size``, at least 5 pt) at which ``text`` fits ``width``."""
    drawn = sum(stringWidth(run, font, size) for font, run in fs.runs(text, base))
    return size if drawn <= width else max(5.0, size * width / drawn)


def _line(c: Canvas, fs: FontSet, text: str, x: float, y: float, size: float, width: float,
          *, base: str, who: str, align: str = "left") -> None:
    fs.check(text, who=who, field="card")
    draw_text(c, fs, text, x, y, _fit(fs, text, base, size, width), base=base,
              align=align)  # type: ignore[arg-type]


def _origin(slot: int) -> tuple[float, float]:
    page_w, page_h = A4
    block_w = COLS * CARD_W + (COLS - 1) * GAP
    block_h = ROWS * CARD_H + (ROWS - 1) * GAP
    left, bottom = (page_w - block_w) / 2, (page_h - block_h) / 2
    col, row = slot % COLS, slot // COLS
    return left + col * (CARD_W + GAP), bottom + (ROWS - 1 - row) * (CARD_H + GAP)


def _cut_marks(c: Canvas, x: float, y: float) -> None:
    """Short lines outside each corner, in the gap, never on the card."""
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.3)
    off = 0.5 * mm
    for cx in (x, x + CARD_W):
        for cy in (y, y + CARD_H):
            dx = -1 if cx == x else 1
            dy = -1 if cy == y else 1
            c.line(cx + dx * off, cy, cx + dx * (off + MARK), cy)
            c.line(cx, cy + dy * off, cx, cy + dy * (off + MARK))


def _card(c: Canvas, fs: FontSet, card: Card, x: float, y: float, seal: bytes | None) -> None:
    title, body = fs.title.name, fs.body.name
    c.setStrokeColor(colors.Color(0.6, 0.6, 0.6))
    c.setLineWidth(0.4)
    c.roundRect(x, y, CARD_W, CARD_H, 3 * mm)
    band = 11 * mm
    c.saveState()
    outline = c.beginPath()
    outline.roundRect(x, y, CARD_W, CARD_H, 3 * mm)
    c.clipPath(outline, stroke=0, fill=0)
    c.setFillColor(RED)
    c.rect(x, y + CARD_H - band, CARD_W, band, stroke=0, fill=1)
    c.restoreState()
    c.setFillColor(colors.white)
    _line(c, fs, card.association, x + CARD_W / 2, y + CARD_H - 5 * mm, 10, CARD_W - 6 * mm,
          base=title, who=card.name, align="center")
    _line(c, fs, "会 员 证", x + CARD_W / 2, y + CARD_H - 9.5 * mm, 9, CARD_W - 6 * mm,
          base=title, who=card.name, align="center")
    c.setFillColor(colors.black)
    _photo_box(c, fs, x + 4 * mm, y + PHOTO_BOTTOM, body)
    qr = 14 * mm
    qr_x = x + CARD_W - qr - 3 * mm
    draw_qr(c, f"LMZJ1 {card.serial}", qr_x, y + CARD_H - band - qr - 2 * mm, qr)
    lx = x + 4 * mm + PHOTO_W + 3 * mm  # labels right of the photo
    vx = lx + 13.5 * mm
    rows = (("姓　　名", card.name, 12.0), ("性　　别", card.sex, 9.5),
            ("所属区县", card.district, 9.5), ("待遇级别", card.treatment_level, 9.5),
            ("荣誉称号", card.honor, 9.5))
    ty = y + CARD_H - band - 6 * mm
    for n, (label, value, size) in enumerate(rows):
        right = qr_x - 1 * mm if n < 3 else x + CARD_W - 4 * mm  # beside the QR code, or
        draw_text(c, fs, f"{label}：", lx, ty, 7.5, base=body)  # below it: the full width
        _line(c, fs, value, vx, ty, size, right - vx, base=body if size < 12 else title,
              who=card.name)
        ty -= 6 * mm
    _line(c, fs, f"编号：{card.serial}", x + 4 * mm, y + 2.6 * mm, 7, CARD_W / 2, base=body,
          who=card.name)
    _line(c, fs, f"发证日期：{format_date(card.issued)}", x + CARD_W - 4 * mm, y + 2.6 * mm,
          7, CARD_W / 2 - 8 * mm, base=body, who=card.name, align="right")
    if seal is not None:  # stamped over the issue date, as on a paper card
        draw_seal(c, seal, x + CARD_W - 20 * mm, y + 6 * mm, 11 * mm)


def _photo_box(c: Canvas, fs: FontSet, x: float, y: float, base: str) -> None:
    """A one-inch photo (25 × 35 mm, 一寸) is glued here: a thin frame, 贴照片处 inside."""
    c.saveState()
    c.setStrokeColor(colors.Color(0.45, 0.45, 0.45))
    c.setLineWidth(0.4)
    c.setDash(2, 1.5)
    c.rect(x, y, PHOTO_W, PHOTO_H, stroke=1, fill=0)
    c.setFillColor(colors.Color(0.55, 0.55, 0.55))
    draw_text(c, fs, "贴照片处", x + PHOTO_W / 2, y + PHOTO_H / 2 + 1 * mm, 7, base=base,
              align="center")
    draw_text(c, fs, "（一寸）", x + PHOTO_W / 2, y + PHOTO_H / 2 - 3 * mm, 6, base=base,
              align="center")
    c.restoreState()


def render_cards(cards: Sequence[Card], fontset: FontSet, *, seal: bytes | None = None) -> bytes:
    """``PER_PAGE`` cards per A4 page, left to right, top to bottom, cut marks around each."""
    if not cards:
        raise AppError("report_empty")
    for card in cards:  # every character first: a missing glyph stops before any drawing
        for text in (card.association, card.name, card.sex, card.district,
                     card.treatment_level, card.honor, card.serial):
            fontset.check(text, who=card.name, field="card")
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1,
               initialFontName=fontset.body.name)  # no Helvetica object in the file
    c.setTitle("会员证")
    c.setAuthor(cards[0].association)
    c.setCreator(CREATOR)
    c.setProducer(CREATOR)
    pages = (len(cards) + PER_PAGE - 1) // PER_PAGE
    for page in range(pages):
        chunk = cards[page * PER_PAGE:(page + 1) * PER_PAGE]
        for slot, card in enumerate(chunk):
            x, y = _origin(slot)
            _cut_marks(c, x, y)
            _card(c, fontset, card, x, y, seal)
        # the page number in the left margin (17 mm wide), turned: the cards fill the page
        # from 5.5 mm above its foot, so a footer there would print inside the bottom cards
        c.saveState()
        c.translate(8 * mm, A4[1] / 2)
        c.rotate(90)
        draw_text(c, fontset, f"第 {page + 1} 页 共 {pages} 页", 0, 0, 8,
                  base=fontset.body.name, align="center")
        c.restoreState()
        c.showPage()
    c.save()
    return buf.getvalue()
