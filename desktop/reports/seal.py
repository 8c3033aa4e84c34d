"""The association's seal image (公章图片): checked when an administrator sets it, drawn in the
signature or seal area of a document."""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop.errors import AppError

MAX_SEAL_BYTES = 2 * 1024 * 1024
FORMATS = ("PNG", "JPEG")


def check_image(data: bytes, *, name: str = "") -> str:
    """The format ("PNG" or "JPEG") of ``data``; ``seal_not_image`` when it is anything else,
    ``seal_too_large`` above 2 MB. The whole image is decoded, so a truncated file is refused."""
    if len(data) > MAX_SEAL_BYTES:
        raise AppError("seal_too_large", name=name, size=f"{len(data) / 1048576:.1f}")
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format or ""
            image.load()
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError,
            Image.DecompressionBombError):
        raise AppError("seal_not_image", name=name) from None
    if kind not in FORMATS or width < 16 or height < 16:
        raise AppError("seal_not_image", name=name)
    return kind


def draw_seal(canvas: Canvas, data: bytes, cx: float, cy: float, size: float) -> None:
    """Draw the seal centred on (``cx``, ``cy``), fitted in a ``size`` square, transparent
    parts left transparent (the seal sits over the association's name, as a stamp does)."""
    reader = ImageReader(io.BytesIO(data))
    w, h = reader.getSize()
    scale = size / max(w, h)
    dw, dh = w * scale, h * scale
    canvas.drawImage(reader, cx - dw / 2, cy - dh / 2, dw, dh, mask="auto")
