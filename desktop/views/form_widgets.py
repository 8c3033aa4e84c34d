"""Small input widgets shared by the register's forms: one ``value()`` protocol for all.

Every field widget here has ``value()`` (the Python value a draft wants, ``None`` when empty),
``set_value()``, ``local_problem()`` (a format problem the widget itself can see, e.g. a date
that is not a date, as translated text, or ``None``) and a ``changed`` signal. The person
dialog reads and writes its fields through this protocol only, so a field's kind is decided in
one place.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.texts import problem_text
from desktop.errors import FieldProblem
from desktop.views.i18n import current_language
from desktop.views.screen_fit import grow_to_content

PROBLEM_STYLE = "color: #b00020"
WARNING_STYLE = "color: #9a5b00"

_DATE_FORMS = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)


def push_button(parent: QWidget, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
    """A button with an objectName (tests and accessibility tools find it by name)."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def button_row(
    parent: QWidget, buttons: Iterable[tuple[str, str, Callable[[], None]]]
) -> QHBoxLayout:
    """A left-aligned row of named buttons: (objectName, text, slot) each."""
    row = QHBoxLayout()
    for name, text, slot in buttons:
        row.addWidget(push_button(parent, name, text, slot))
    row.addStretch(1)
    return row


def refill_combo(combo: QComboBox, items: Iterable[tuple[str, object]]) -> None:
    """Replace a chooser's (text, data) items, keeping the chosen data when it is still there
    (else the first item), without signalling the intermediate states."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(current) if current is not None else 0, 0))
    combo.blockSignals(False)


def parse_date(text: str) -> dt.date | None:
    """``1980-01-02``, ``1980.1.2``, ``1980/1/2`` or ``19800102``; None if it is no date."""
    text = text.strip()
    for form in _DATE_FORMS:
        m = form.fullmatch(text)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


class TextField(QLineEdit):
    """One line of free text; empty means ``None``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, max_length: int = 200) -> None:
        super().__init__(parent)
        self.setMaxLength(max_length)
        self.textChanged.connect(self.changed)

    def value(self) -> str | None:
        return self.text().strip() or None

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else str(value))

    def local_problem(self) -> str | None:
        return None


class DigitsField(TextField):
    """Digits only (postcode, year, household size): ``value()`` is the text; see IntField."""

    def __init__(self, digits: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, max_length=digits)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{digits}}}"),
                                                      self))


class IntField(DigitsField):
    def value(self) -> int | None:  # type: ignore[override]
        text = self.text().strip()
        return int(text) if text else None


class MoneyField(TextField):
    """An amount in 元 with at most two decimals; ``Decimal`` (never float)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, max_length=13)
        self.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"\d{0,10}(\.\d{0,2})?"), self))
        self.setPlaceholderText("0.00")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def value(self) -> Decimal | None:  # type: ignore[override]
        text = self.text().strip().rstrip(".")
        if not text:
            return None
        try:
            return Decimal(text)
        except InvalidOperation:
            return None

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else f"{Decimal(value):.2f}")


class DateField(TextField):
    """A date typed as YYYY-MM-DD (also 1980.1.2 or 19800102); empty is allowed.

    A line edit rather than QDateEdit: a QDateEdit cannot be empty, and most of these dates
    (party membership, spouse's birth) are often unknown.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, max_length=10)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9./\-]{0,10}"),
                                                      self))
        self.setPlaceholderText("YYYY-MM-DD")
        self.editingFinished.connect(self._tidy)
        self.setMaximumWidth(140)

    def _tidy(self) -> None:
        day = parse_date(self.text())
        if day is not None and self.text() != day.isoformat():
            self.setText(day.isoformat())

    def value(self) -> dt.date | None:  # type: ignore[override]
        return parse_date(self.text())

    def set_value(self, value: Any) -> None:
        self.setText(value.isoformat() if isinstance(value, dt.date) else "")

    def local_problem(self) -> str | None:
        if self.text().strip() and parse_date(self.text()) is None:
            return QCoreApplication.translate("FormWidgets", "Not a date: type it as YYYY-MM-DD.")
        return None


class NotesField(QPlainTextEdit):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)  # keyboard users move on with Tab, as in a line edit
        self.setFixedHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self.changed)

    def value(self) -> str | None:
        return self.toPlainText().strip() or None

    def set_value(self, value: Any) -> None:
        self.setPlainText("" if value is None else str(value))

    def local_problem(self) -> str | None:
        return None


class FlagField(QCheckBox):
    changed = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.toggled.connect(self.changed)

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        self.setChecked(bool(value))

    def local_problem(self) -> str | None:
        return None


class ChoiceField(QComboBox):
    """An editable combo with type-ahead (matches anywhere in the label).

    With ``codes`` (``{code: label}``) it shows labels and ``value()`` is the code: the text
    must be one of the labels (or match ``free_pattern``, e.g. a 6-digit region code that is not
    in the list). Without codes it is free text with suggestions; suggestions given as
    ``{stored word: label}`` show the label (English words in English mode) and ``value()`` is
    the stored word when one is chosen.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *,
                 codes: Mapping[str, str] | None = None,
                 suggestions: Iterable[str] | Mapping[str, str] = (),
                 free_pattern: str | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self._strict = codes is not None
        self._free = re.compile(free_pattern) if free_pattern else None
        self.addItem("", None)
        if codes is not None:
            for code, label in codes.items():
                self.addItem(label, code)
        offered = (suggestions if isinstance(suggestions, Mapping)
                   else {text: text for text in suggestions})
        for stored, text in offered.items():
            self.addItem(text, stored)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.editTextChanged.connect(self.changed)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)

    def _index_of_text(self) -> int:
        return self.findText(self.currentText().strip(), Qt.MatchFlag.MatchExactly)

    def value(self) -> str | None:
        text = self.currentText().strip()
        if not text:
            return None
        index = self._index_of_text()
        if not self._strict:
            return str(self.itemData(index)) if index > 0 else text
        if index > 0:
            return str(self.itemData(index))
        if self._free is not None and self._free.fullmatch(text):
            return text
        return None

    def set_value(self, value: Any) -> None:
        if value is None or value == "":
            self.setCurrentIndex(0)
            self.setEditText("")
            return
        index = self.findData(str(value))
        if index < 0:
            # a value that is not (or no longer) in the list is kept, never lost
            self.addItem(str(value), str(value))
            index = self.count() - 1
        self.setCurrentIndex(index)

    def local_problem(self) -> str | None:
        if self._strict and self.currentText().strip() and self.value() is None:
            return QCoreApplication.translate("FormWidgets",
                                              "Choose one of the entries in the list.")
        return None

    def select_label(self, label: str) -> None:
        """Pick the entry shown as ``label`` (what a click in the list does)."""
        index = self.findText(label, Qt.MatchFlag.MatchExactly)
        if index < 0:
            raise ValueError(f"{label!r} is not in the list")
        self.setCurrentIndex(index)


class FieldBox(QWidget):
    """A field with its problem (red) and warning (amber) lines underneath, hidden when empty."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None,
                 *, extra: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.lines = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if extra is None:
            layout.addWidget(editor)
        else:
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(editor, 1)
            row.addWidget(extra)
            layout.addLayout(row)
        self.problem = _message_label(self, PROBLEM_STYLE)
        self.warning = _message_label(self, WARNING_STYLE)
        layout.addWidget(self.problem)
        layout.addWidget(self.warning)

    def set_problems(self, texts: Iterable[str]) -> None:
        _show(self.problem, texts)

    def set_warnings(self, texts: Iterable[str]) -> None:
        _show(self.warning, texts)


def _message_label(parent: QWidget, style: str) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(style)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def _show(label: QLabel, texts: Iterable[str]) -> None:
    unique = list(dict.fromkeys(t for t in texts if t))
    label.setText("\n".join(unique))
    label.setVisible(bool(unique))
    if unique:
        grow_to_content(label)


def problem_words(problem: FieldProblem) -> str:
    """The sentence for a problem without the field name: it is shown under the field."""
    text = problem_text(dataclasses.replace(problem, field="", row=None), current_language())
    return text.lstrip("：: ")


def list_table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    """A read-only list to pick one row from: whole rows selected, no row numbers, columns as
    wide as their contents, the last one taking the rest."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    return set_up_list_table(table, headers)


def set_up_list_table(table: QTableWidget, headers: list[str]) -> QTableWidget:
    """``list_table``'s settings for a table made otherwise (a subclass)."""
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table

PROBLEM_COLOUR = "#b00020"


def problem_label(parent: QWidget, name: str = "problemLabel") -> QLabel:
    """The red line of a dialog or form that says what is wrong (wrapped, empty until then)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setStyleSheet(f"color: {PROBLEM_COLOUR}")
    label.setWordWrap(True)
    return label
