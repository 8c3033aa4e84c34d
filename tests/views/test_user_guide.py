"""帮助 → 用户手册 opens the guide in a window of the program (the system had no program for
a .md file on office computers): the screenshots are there, no wider than the window, the
window fits a 1366×768 screen, and Ctrl+F finds a word."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from desktop.views.user_guide import UserGuideWindow

GUIDE = Path("docs/user-guide.md")


def test_the_guide_shows_with_its_screenshots_and_finds_words(qtbot: QtBot) -> None:
    window = UserGuideWindow(GUIDE)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    room = window.screen().availableGeometry()  # the office screens: tests/views/test_screen_fit
    assert window.width() <= room.width() and window.height() <= room.height()
    text = window.browser.toPlainText()
    assert "备份" in text and "![" not in text and "##" not in text  # Markdown, rendered
    # a Chinese line wrapped in the source reads without a space ("不需要 管理员权限")
    assert "不需要管理员权限" in text and "不需要 管理员权限" not in text
    first = next(line for line in GUIDE.read_text(encoding="utf-8").splitlines()
                 if line.startswith("![")).split("(")[1].rstrip(")")
    image = window.browser.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                        QUrl(first))
    assert isinstance(image, QImage) and not image.isNull()
    assert image.width() <= window.browser.viewport().width()
    outside = window.browser.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                          QUrl("../../../etc/passwd"))
    assert not isinstance(outside, QImage) or outside.isNull()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.find_box.setText("备份")
    assert window.find_next()
    assert window.browser.textCursor().selectedText() == "备份"
    window.find_box.setText("没有这个词zzz")
    assert not window.find_next() and window.not_found.text()


def test_every_picture_and_link_of_the_documents_is_there() -> None:
    """Each image the guide shows exists, is made by scripts/screenshots.py (so it can be shot
    again when a window changes) and no image is left in docs/images that nothing shows; each
    relative link of the guide and the README leads to a file; both halves of the README give
    the two set-up commands and point to the guide."""
    root = Path(__file__).resolve().parents[2]
    guide = (root / GUIDE).read_text(encoding="utf-8")
    shown = re.findall(r"!\[[^\]]*\]\((images/[^)\s]+)\)", guide)
    assert shown, "the guide shows no picture"
    missing = [p for p in shown if not (root / "docs" / p).is_file()]
    assert not missing, missing
    scripts = "".join((root / "scripts" / name).read_text(encoding="utf-8")
                      for name in ("screenshots.py", "screenshots_work.py"))
    unmade = [p for p in shown if f'"{Path(p).stem}"' not in scripts
              and f"{Path(p).stem}{{suffix}}" not in scripts]
    assert not unmade, unmade
    unused = sorted({p.name for p in (root / "docs" / "images").iterdir()}
                    - {Path(p).name for p in shown})
    assert not unused, unused
    readme = (root / "README.md").read_text(encoding="utf-8")
    for name, text, folder in (("README.md", readme, root), (str(GUIDE), guide, root / "docs")):
        for target in re.findall(r"\]\(([^)\s#]+)(?:#[^)]*)?\)", text):
            if "://" not in target:
                assert (folder / target).exists(), f"{name}: {target}"
    chinese, english = readme.split("# 劳模之家 (laomo) — English")
    for half in (chinese, english):
        assert "python3 scripts/start.py" in half and "python3 scripts/test.py" in half
        assert "(docs/user-guide.md)" in half
    assert "scripts/test.py" in (root / ".ci" / "run").read_text(encoding="utf-8")
