"""The proof of title (荣誉称号证明): one A4 page per person, ready to sign and stamp.

Plain data in (:class:`Certificate`), PDF bytes out. The page follows the feel of an official
letter (GB/T 9704): a red rule under the association's name, the title in the title face (Song or
Hei), the body in the body face (FangSong where installed), a table of honors, "特此证明。", the
issuing association and date at the lower right with the seal over them, and at the lower left a
QR code holding the serial and the SHA-256 of the content (:func:`content_hash`), so a checker
can match a paper against the document log. A reprint says so (补打) on the page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import json
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.masking import birth_shown
from desktop.errors import AppError
from desktop.reports.fonts import FontSet, paragraph_markup
from desktop.reports.framework import CREATOR, format_date
from desktop.reports.linebreak import CJKParagraph
from desktop.reports.qr import draw_qr
from desktop.reports.seal import draw_seal

RED = colors.Color(0.78, 0.08, 0.08)
MARGIN_X = 28 * mm  # GB/T 9704: 28 mm left; the text block is 156 mm wide
MARGIN_TOP = 30 * mm
MARGIN_BOTTOM = 25 * mm
BODY_SIZE = 15.0  # close to 三号 (16 pt) while keeping a long honor list on one page
QR_SIZE = 26 * mm
SEAL_SIZE = 42 * mm


@dataclasses.dataclass(frozen=True)
class HonorLine:
    """One honor as printed."""

    year: int | None
    title: str
    level: str
    granting_body: str


@dataclasses.dataclass(frozen=True)
class Certificate:
    """What one proof of title says. ``id_number`` is as printed (masked unless unmasked)."""

    association: str  # 长兴县劳动模范协会
    serial: str
    name: str
    sex: str
    birth_date: dt.date | None
    id_number: str
    work_unit: str
    honors: tuple[HonorLine, ...]
    issued: dt.date
    id_masked: str | None = None  # what the hash covers (default: id_number as printed)
    reprint_of: dt.date | None = None  # the first issue date when this is a reprint (补打)
    printed: dt.date | None = None  # the reprint's date
    deceased: str = ""  # for a person who has died: when, and why the proof is issued

    def content(self) -> dict[str, Any]:
        """The content the hash covers: everything the paper states, not the reprint mark."""
        return {
            "association": self.association, "serial": self.serial, "name": self.name,
            "sex": self.sex,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "id_number": self.id_number if self.id_masked is None else self.id_masked,
            "work_unit": self.work_unit,
            "honors": [[h.year, h.title, h.level, h.granting_body] for h in self.honors],
            "issued": self.issued.isoformat(),
            **({"deceased": self.deceased} if self.deceased else {}),
        }


def content_hash(cert: Certificate) -> str:
    """SHA-256 (hex) of the canonical JSON of :meth:`Certificate.content`."""
    text = json.dumps(cert.content(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def qr_payload(cert: Certificate) -> str:
    """What the QR code holds: ``LMZJ1 <serial> <SHA-256 in upper-case hex>`` (upper case keeps
    it in the QR alphanumeric mode: a smaller symbol)."""
    return f"LMZJ1 {cert.serial} {content_hash(cert).upper()}"


def certificate_from_content(content: dict[str, Any], *, reprint_of: dt.date | None = None,
                             printed: dt.date | None = None) -> Certificate:
    """The certificate a stored :meth:`Certificate.content` describes (for reprints)."""
    born = content.get("birth_date")
    return Certificate(
        association=content["association"], serial=content["serial"], name=content["name"],
        sex=content["sex"], birth_date=dt.date.fromisoformat(born) if born else None,
        id_number=content["id_number"], work_unit=content["work_unit"],
        honors=tuple(HonorLine(y, t, lv, b) for y, t, lv, b in content["honors"]),
        issued=dt.date.fromisoformat(content["issued"]), reprint_of=reprint_of, printed=printed,
        deceased=str(content.get("deceased") or ""),
    )


class _Closing(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """The lower block: QR code and serial at the left, association, date and seal at the right."""

    HEIGHT = 48 * mm

    def __init__(self, cert: Certificate, fontset: FontSet, seal: bytes | None) -> None:
        super().__init__()
        self._cert, self._fontset, self._seal = cert, fontset, seal

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._width = avail_width
        return avail_width, self.HEIGHT

    def draw(self) -> None:
        from desktop.reports.framework import draw_text

        c: Canvas = self.canv
        cert, fs = self._cert, self._fontset
        body = fs.body.name
        draw_qr(c, qr_payload(cert), 0, 8 * mm, QR_SIZE)
        draw_text(c, fs, "扫码核验编号与内容", QR_SIZE / 2, 4 * mm, 8, base=body, align="center")
        right = self._width - 4 * mm
        name_y, date_y = 30 * mm, 21 * mm
        draw_text(c, fs, cert.association, right, name_y, BODY_SIZE, base=body, align="right")
        draw_text(c, fs, format_date(cert.issued), right, date_y, BODY_SIZE, base=body,
                  align="right")
        if self._seal is not None:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            width = sum(stringWidth(run, font, BODY_SIZE)
                        for font, run in fs.runs(cert.association, body))
            draw_seal(c, self._seal, right - width / 2, (name_y + date_y) / 2 + 2 * mm,
                      SEAL_SIZE)


def _styles(fs: FontSet) -> dict[str, ParagraphStyle]:
    title, body = fs.title.name, fs.body.name
    return {
        "head": ParagraphStyle("head", fontName=title, fontSize=20, leading=26,
                               alignment=TA_CENTER, textColor=RED),
        "title": ParagraphStyle("title", fontName=title, fontSize=22, leading=30,
                                alignment=TA_CENTER, spaceBefore=6 * mm, spaceAfter=2 * mm),
        "serial": ParagraphStyle("serial", fontName=body, fontSize=11, leading=15,
                                 alignment=TA_CENTER, spaceAfter=6 * mm),
        "body": ParagraphStyle("body", fontName=body, fontSize=BODY_SIZE, leading=26,
                               firstLineIndent=2 * BODY_SIZE, alignment=TA_JUSTIFY,
                               wordWrap="CJK"),
        "cell": ParagraphStyle("cell", fontName=body, fontSize=11, leading=15, wordWrap="CJK"),
        "cellhead": ParagraphStyle("cellhead", fontName=title, fontSize=11, leading=15,
                                   alignment=TA_CENTER, wordWrap="CJK"),
        "note": ParagraphStyle("note", fontName=body, fontSize=10, leading=14,
                               textColor=RED, alignment=TA_CENTER),
    }


def _p(text: str, style: ParagraphStyle, fs: FontSet, who: str, field: str) -> Paragraph:
    return CJKParagraph(paragraph_markup(text, fs, style.fontName, who=who, field=field), style)


def _intro(cert: Certificate) -> str:
    facts = []
    if cert.sex:
        facts.append(cert.sex)
    if cert.birth_date:
        # beside a masked number the year alone: the hidden digits are the birth date, and a
        # month beside the visible ones leaves two or three candidates (issue 14, point 9)
        shown = birth_shown(cert.birth_date, cert.id_number)
        facts.append(f"{shown}年出生" if len(shown) == 4
                     else f"{cert.birth_date.year}年{cert.birth_date.month}月出生")
    if cert.id_number:
        facts.append(f"身份证号码{cert.id_number}")
    about = f"（{'，'.join(facts)}）" if facts else ""
    unit = f"，工作单位：{cert.work_unit}" if cert.work_unit else ""
    was = "生前系我会登记在册的劳动模范" if cert.deceased else "系我会登记在册的劳动模范"
    return f"兹证明{cert.name}同志{about}{unit}，{was}，曾获得以下荣誉称号："


def _honor_table(cert: Certificate, fs: FontSet, st: dict[str, ParagraphStyle],
                 width: float) -> Table:
    shares = (0.08, 0.12, 0.38, 0.12, 0.30)
    heads = ("序号", "年份", "荣誉称号", "级别", "授予机关")
    data: list[list[Any]] = [[_p(h, st["cellhead"], fs, cert.name, h) for h in heads]]
    for i, h in enumerate(cert.honors, 1):
        cells = (str(i), str(h.year or ""), h.title, h.level, h.granting_body)
        data.append([_p(text, st["cell"], fs, cert.name, head)
                     for text, head in zip(cells, heads, strict=True)])
    return Table(data, colWidths=[width * s for s in shares], repeatRows=1, style=TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fs.body.name),  # never ReportLab's Helvetica
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))


def _story(cert: Certificate, fs: FontSet, st: dict[str, ParagraphStyle], width: float,
           seal: bytes | None) -> list[Flowable]:
    if not cert.honors:
        raise AppError("certificate_no_honors", name=cert.name)
    story: list[Flowable] = [_p(cert.association, st["head"], fs, cert.name, "association"),
                             _Rule(width)]
    title = "荣誉称号证明" + ("（补打）" if cert.reprint_of else "")
    story.append(_p(title, st["title"], fs, cert.name, "title"))
    story.append(_p(f"编号：{cert.serial}", st["serial"], fs, cert.name, "serial"))
    story.append(_p(_intro(cert), st["body"], fs, cert.name, "name"))
    story.append(Spacer(1, 3 * mm))
    story.append(_honor_table(cert, fs, st, width))
    story.append(Spacer(1, 4 * mm))
    if cert.deceased:
        story.append(_p(cert.deceased, st["body"], fs, cert.name, "deceased"))
    story.append(_p("特此证明。", st["body"], fs, cert.name, "body"))
    story.append(Spacer(1, 6 * mm))
    story.append(_Closing(cert, fs, seal))
    if cert.reprint_of is not None:
        printed = format_date(cert.printed) if cert.printed else ""
        story.append(_p(f"补打件：原件出具于{format_date(cert.reprint_of)}，"
                        f"本件补打于{printed}，原编号同上，以登记为准。",
                        st["note"], fs, cert.name, "reprint"))
    return story


class _Rule(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """The red double rule under the issuing body (版头分隔线)."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self._w = width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self._w, 4 * mm

    def draw(self) -> None:
        self.canv.setStrokeColor(RED)
        self.canv.setLineWidth(1.6)
        self.canv.line(0, 2.6 * mm, self._w, 2.6 * mm)
        self.canv.setLineWidth(0.5)
        self.canv.line(0, 1.6 * mm, self._w, 1.6 * mm)


def render_certificates(certs: Sequence[Certificate], fontset: FontSet, *,
                        seal: bytes | None = None) -> bytes:
    """One page per certificate (a long list of honors continues on the next page)."""
    if not certs:
        raise AppError("report_empty")
    buf = io.BytesIO()
    template = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title="荣誉称号证明", author=certs[0].association,
        creator=CREATOR, producer=CREATOR, subject="", keywords="", invariant=1,
        initialFontName=fontset.body.name,
    )
    st = _styles(fontset)
    story: list[Flowable] = []
    for i, cert in enumerate(certs):
        if i:
            story.append(PageBreak())
        story.extend(_story(cert, fontset, st, template.width, seal))
    template.build(story)
    return buf.getvalue()
