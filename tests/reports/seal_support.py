"""A red round seal drawn with Pillow, for tests and screenshots (never a real seal)."""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw, ImageFont

WQY = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def seal_png(text: str = "长兴县劳动模范协会", size: int = 400) -> bytes:
    """A transparent PNG: a red ring, a star, ``text`` around the top."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    red = (200, 20, 20, 230)
    d.ellipse((8, 8, size - 8, size - 8), outline=red, width=size // 40)
    c = size / 2
    star = [(c + size * (0.16 if i % 2 == 0 else 0.065)
             * math.sin(math.pi * i / 5), c - size * (0.16 if i % 2 == 0 else 0.065)
             * math.cos(math.pi * i / 5)) for i in range(10)]
    d.polygon(star, fill=red)
    font = ImageFont.truetype(WQY, size // 9)
    n = len(text)
    for i, ch in enumerate(text):
        angle = math.radians(-150 + 300 * i / max(n - 1, 1))
        r = size * 0.34
        x, y = c + r * math.sin(angle), c - r * math.cos(angle)
        g = size // 5
        glyph = Image.new("RGBA", (g, g), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((g // 2, g // 2), ch, font=font, fill=red,
                                   anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle), resample=Image.Resampling.BICUBIC)
        img.alpha_composite(glyph, (int(x - g / 2), int(y - g / 2)))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()
