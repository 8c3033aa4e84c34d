#!/usr/bin/env python3
"""Make ``installer/laomo.ico`` (the Windows program and installer icon) from the application
icon ``resources/icons/laomo.svg``, with Qt's SVG renderer (PySide6, already a dependency).

    python installer/make_icon.py          write installer/laomo.ico
    python installer/make_icon.py --check  exit 1 when laomo.ico differs from what it would write

The .ico is committed, so a build needs neither Qt's SVG renderer nor Pillow at build time; run
this again after changing the SVG. Each size is a PNG-compressed image (Windows Vista and later).
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "laomo.svg"
ICO = ROOT / "installer" / "laomo.ico"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render_png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        render_png.app = QGuiApplication([])  # type: ignore[attr-defined]  # kept alive
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO file (ICONDIR, ICONDIRENTRY per image, then the PNG data)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    data = ico({size: render_png(size) for size in SIZES})
    if args.check:
        same = ICO.exists() and ICO.read_bytes() == data
        print(f"{ICO}: {'up to date' if same else 'differs from ' + str(SVG)}")
        return 0 if same else 1
    ICO.write_bytes(data)
    print(f"{ICO}: {len(data)} bytes, sizes {', '.join(map(str, SIZES))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
