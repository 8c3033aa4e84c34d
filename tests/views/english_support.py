"""Finding Chinese interface words in a widget shown in English (issue 14, point 3).

``chinese_words(widget)`` reads what a user sees: labels, buttons, group and tab titles, the
items of every combo box, placeholders, the headers and cells of every item view and the window
title, and returns those with Chinese characters. Person data (names, work units, districts,
honor titles) legitimately stays Chinese: a test removes it with ``data`` (texts taken out of
every string before looking) and ``skip`` (object names of widgets or item views that show
only such data).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

HAN = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]")
"""Chinese characters and the full-width punctuation (，：（）) that goes with them."""


def _texts(root: QWidget, skip: set[str]) -> Iterator[tuple[str, str]]:
    for w in [root, *root.findChildren(QWidget)]:
        if w.objectName() in skip or (w is not root and not w.isVisibleTo(root)):
            continue
        name = f"{type(w).__name__}#{w.objectName()}"
        if isinstance(w, (QLabel, QAbstractButton)):
            yield name, w.text()
        elif isinstance(w, QGroupBox):
            yield name, w.title()
        elif isinstance(w, QLineEdit):
            yield name, w.placeholderText()
        if isinstance(w, QTabWidget):
            yield from ((name, w.tabText(i)) for i in range(w.count()))
        if isinstance(w, QComboBox):
            yield from ((name, w.itemText(i)) for i in range(w.count()))
        if (isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView)
                and w.model() is not None):  # a header shows its table's model
            m = w.model()
            columns = 1 if isinstance(m, QAbstractListModel) else m.columnCount()
            for c in range(columns):
                header = str(m.headerData(c, Qt.Orientation.Horizontal) or c)
                yield f"{name} header", header
                if f"{w.objectName()}:{header}" in skip:
                    continue
                for r in range(m.rowCount()):
                    yield f"{name}[{header}]", str(m.data(m.index(r, c)) or "")
    yield "window title", root.windowTitle()


def chinese_words(root: QWidget, *, data: Iterable[str] = (),
                  skip: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(where, text) for each text ``root`` shows with Chinese in it, once ``data`` is taken
    out. ``skip``: object names, or "tableName:Header" for one column of an item view."""
    person_data = sorted({d for d in data if d}, key=len, reverse=True)
    found = []
    for where, text in _texts(root, set(skip)):
        rest = text
        for d in person_data:
            rest = rest.replace(d, "")
        if HAN.search(rest):
            found.append((where, text))
    return sorted(set(found))
