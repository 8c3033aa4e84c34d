"""帮助 → 用户手册 inside the program: docs/user-guide.md shown in a window, its screenshots
beside it, searchable. Opening the .md with the system failed on office computers (Windows has
no program for .md files), and the guide is no use if it cannot be read."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QCursor, QGuiApplication, QImage, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

_MARGIN = 48  # the text's margin and a scroll bar beside a screenshot


class GuideBrowser(QTextBrowser):
    """A text browser that reads the guide's images from its folder, as wide as the window
    at most (a 1366-pixel screenshot must not push the text off the screen)."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self.setOpenExternalLinks(True)
        self.setSearchPaths([str(folder)])

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        if kind == QTextDocument.ResourceType.ImageResource.value:
            path = (self._folder / (name.toString() if isinstance(name, QUrl) else name)
                    ).resolve()
            if path.is_file() and self._folder.resolve() in path.parents:
                image = QImage(str(path))
                widest = max(200, self.viewport().width() - _MARGIN)
                if not image.isNull() and image.width() > widest:
                    image = image.scaledToWidth(widest)
                return image
        return super().loadResource(kind, name)


# A line of Chinese text wrapped in the source: Markdown reads the line break as a space, which
# Chinese does not have ("不需要 管理员权限"). Joined when both sides are CJK text or punctuation
# (the next line's indentation, a list item's continuation, goes with the break).
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_ENDS_CJK = re.compile(f"[{_CJK}]$")
_STARTS_CJK = re.compile(f"^[ \t]*[{_CJK}]")


def joined_lines(markdown: str) -> str:
    """The guide's Markdown with Chinese lines wrapped in the source joined again (a heading
    keeps its own line)."""
    out: list[str] = []
    for line in markdown.split("\n"):
        if out and _ENDS_CJK.search(out[-1]) and _STARTS_CJK.match(line) \
                and not out[-1].lstrip().startswith("#"):
            out[-1] += line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


class UserGuideWindow(QDialog):
    """The user guide: a window of its own beside the program (not modal), with a find bar
    (Ctrl+F; Enter finds the next place, from the top again after the last)."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuideWindow")
        self.setWindowTitle(self.tr("User guide"))
        self.browser = GuideBrowser(path.parent, self)
        self.browser.setObjectName("userGuideText")
        self.browser.setMarkdown(joined_lines(path.read_text(encoding="utf-8")))
        self.find_box = QLineEdit(self)
        self.find_box.setObjectName("userGuideFind")
        self.find_box.setPlaceholderText(self.tr("Find in the guide (Ctrl+F)"))
        self.find_box.setClearButtonEnabled(True)
        self.find_box.returnPressed.connect(self.find_next)
        self.not_found = QLabel(self)
        self.not_found.setObjectName("userGuideNotFound")
        next_button = QPushButton(self.tr("Find next"), self)
        next_button.setObjectName("userGuideFindNext")
        next_button.clicked.connect(self.find_next)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self._focus_find)
        top = QHBoxLayout()
        top.addWidget(self.find_box, 1)
        top.addWidget(next_button)
        top.addWidget(self.not_found)
        top.addStretch()
        top.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)
        screen = (parent.screen() if parent is not None
                  else QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen())
        room = screen.availableGeometry()
        self.resize(min(980, room.width() - 40), room.height() - 80)

    def _focus_find(self) -> None:
        self.find_box.setFocus()
        self.find_box.selectAll()

    def find_next(self) -> bool:
        """Select the next place the search text appears; True when found."""
        text = self.find_box.text().strip()
        self.not_found.clear()
        if not text:
            return False
        if self.browser.find(text):
            return True
        cursor = self.browser.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.browser.setTextCursor(cursor)
        if self.browser.find(text):
            return True
        self.not_found.setText(self.tr("Not found"))
        return False
