"""QR codes drawn straight onto the canvas: one encoding, one filled path.

ReportLab's ``QrCodeWidget`` encodes the text twice (bounds, then drawing) and makes a shape
object per dark module, ~0.2 s a page; this draws the same symbol (ReportLab's own encoder,
error correction M, the mask with the lowest penalty as the standard asks) as one path of
horizontal runs. Text made only of QR "alphanumeric" characters (digits, upper-case letters,
space and ``$%*+-./:``) is encoded in that denser mode, giving a smaller symbol.
"""

from __future__ import annotations

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

QUIET = 4  # modules of white margin the standard asks for; included in ``size``


def matrix(text: str) -> list[list[bool]]:
    """The modules of the QR symbol for ``text`` (True = dark)."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)  # picks numeric / alphanumeric / byte mode by itself
    code.make()
    return [list(row) for row in code.modules]


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw the symbol for ``text`` with its quiet zone in the square (x, y, size)."""
    modules = matrix(text)
    n = len(modules)
    unit = size / (n + 2 * QUIET)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        top = y + size - (QUIET + r + 1) * unit
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                path.rect(x + (QUIET + start) * unit, top, (c - start) * unit, unit)
            else:
                c += 1
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
