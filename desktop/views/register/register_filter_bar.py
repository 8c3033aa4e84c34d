"""The register's filter bar: free text and the common filters on one row, the rest on a second
row that opens on demand. It knows nothing of the database: it turns widgets into a
``RegisterFilter`` and back, and says when that filter changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.reference import EMPLOYMENT_STATUSES, LIFE_ALIVE, LIFE_DECEASED, TREATMENT_LEVELS
from desktop.core.vocabulary import LIFE_STATUS, TREATMENT_LEVEL
from desktop.services.register.types import RegisterFilter
from desktop.views.data_words import data_word
from desktop.views.i18n import word

FIRST_YEAR = 1949
AGE_LIMIT = 120


def _one(combo: QComboBox) -> tuple[str, ...]:
    value = combo.currentData()
    return () if value is None else (str(value),)


def _choose(combo: QComboBox, values: tuple[str, ...]) -> None:
    index = combo.findData(values[0]) if values else 0
    combo.setCurrentIndex(max(index, 0))


def _spin(minimum: int, maximum: int, special: str, name: str, parent: QWidget) -> QSpinBox:
    """A spin box whose lowest value means "no limit"."""
    box = QSpinBox(parent)
    box.setObjectName(name)
    box.setRange(minimum - 1, maximum)
    box.setSpecialValueText(special)
    box.setValue(minimum - 1)
    box.setAccelerated(True)
    return box


def _value(box: QSpinBox) -> int | None:
    return None if box.value() == box.minimum() else box.value()


def _set_value(box: QSpinBox, value: int | None) -> None:
    box.setValue(box.minimum() if value is None else value)


class RegisterFilterBar(QWidget):
    """Emits ``changed`` whenever the filter it describes may have changed."""

    changed = Signal()
    # The second row opened or shut (no bool argument: PySide6 6.12.0 over-releases the
    # True/False a Python-side emit carries, see register_page's notes).
    more_toggled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerFilterBar")
        self.search = QLineEdit(self)
        self.search.setObjectName("registerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Name, pinyin or initials, ID number, work unit, phone (Ctrl+F)"))
        self.search.setMinimumWidth(260)
        self.district = QComboBox(self)
        self.district.setObjectName("districtFilter")
        self.district.addItem(self.tr("All districts"))
        self.level = QComboBox(self)
        self.level.setObjectName("levelFilter")
        self.level.addItem(self.tr("All levels"))
        for value in TREATMENT_LEVELS:
            self.level.addItem(word(TREATMENT_LEVEL, value), value)
        self.level.addItem(self.tr("No level"), "")
        self.life = QComboBox(self)
        self.life.setObjectName("lifeFilter")
        self.life.addItem(self.tr("Living and deceased"))
        for value in (LIFE_ALIVE, LIFE_DECEASED):
            self.life.addItem(word(LIFE_STATUS, value), value)
        self.more = QToolButton(self)
        self.more.setObjectName("moreFilters")
        self.more.setCheckable(True)
        self.more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more.setArrowType(Qt.ArrowType.DownArrow)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setToolTip(self.tr("Clear every filter (Esc clears the search)"))

        self.more_box = QWidget(self)
        self.more_box.setObjectName("moreFilterBox")
        self.honor_title = QComboBox(self.more_box)
        self.honor_title.setObjectName("honorTitleFilter")
        self.honor_title.setEditable(True)
        self.honor_title.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.honor_title.setMinimumContentsLength(10)
        self.honor_title.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        edit = self.honor_title.lineEdit()
        assert edit is not None
        edit.setPlaceholderText(self.tr("Any title"))
        edit.setClearButtonEnabled(True)
        self.honor_title.addItem("")
        any_text = self.tr("Any")
        self.year_from = _spin(FIRST_YEAR, 2100, any_text, "honorYearFrom", self.more_box)
        self.year_to = _spin(FIRST_YEAR, 2100, any_text, "honorYearTo", self.more_box)
        self.employment = QComboBox(self.more_box)
        self.employment.setObjectName("employmentFilter")
        self.employment.addItem(self.tr("Any"))
        for status in EMPLOYMENT_STATUSES:
            self.employment.addItem(data_word(status), status)
        self.age_min = _spin(1, AGE_LIMIT, any_text, "ageMin", self.more_box)
        self.age_max = _spin(1, AGE_LIMIT, any_text, "ageMax", self.more_box)
        for box in (self.age_min, self.age_max):
            box.setToolTip(self.tr(
                "Only the living have an age: with an age given, the deceased are left out."))
        self.hardship = QComboBox(self.more_box)
        self.hardship.setObjectName("hardshipFilter")
        self.hardship.addItem(self.tr("Any"))
        self.hardship.addItem(self.tr("In hardship"), True)
        self.hardship.addItem(self.tr("Not in hardship"), False)

        first = QHBoxLayout()
        first.setContentsMargins(0, 0, 0, 0)
        first.addWidget(self.search, 1)
        for widget in (self.district, self.level, self.life, self.more, self.clear_button):
            first.addWidget(widget)
        second = QHBoxLayout(self.more_box)
        second.setContentsMargins(0, 0, 0, 0)
        for text, widgets in (
            (self.tr("Honor:"), [self.honor_title]),
            (self.tr("Years:"), [self.year_from, self._dash(), self.year_to]),
            (self.tr("Employment:"), [self.employment]),
            (self.tr("Age:"), [self.age_min, self._dash(), self.age_max]),
            (self.tr("Hardship:"), [self.hardship]),
        ):
            label = QLabel(text, self.more_box)
            label.setBuddy(widgets[0])
            second.addSpacing(6)
            second.addWidget(label)
            for w in widgets:
                second.addWidget(w)
        second.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addWidget(self.more_box)
        self.more_box.setVisible(False)

        self.search.textChanged.connect(self.changed)
        self.honor_title.editTextChanged.connect(self.changed)
        for combo in (self.district, self.level, self.life, self.employment, self.hardship):
            combo.currentIndexChanged.connect(self.changed)
        for box in (self.year_from, self.year_to, self.age_min, self.age_max):
            box.valueChanged.connect(self.changed)
        self.changed.connect(self._update_more_text)
        self.more.toggled.connect(self.show_more)
        self.clear_button.clicked.connect(self.clear)
        self._update_more_text()

    def _dash(self) -> QLabel:
        return QLabel("–", self.more_box)

    # -- lists the page supplies ------------------------------------------------------------

    def set_districts(self, names: Iterable[str]) -> None:
        self._fill(self.district, names)

    def set_employment_statuses(self, statuses: Iterable[str]) -> None:
        """The statuses the register holds (stored Chinese words), shown in the UI language."""
        self._fill(self.employment, statuses, data_word)

    def set_honor_titles(self, titles: Sequence[str]) -> None:
        with QSignalBlocker(self.honor_title):
            text = self.honor_title.currentText()
            self.honor_title.clear()
            self.honor_title.addItem("")
            self.honor_title.addItems(list(titles))
            self.honor_title.setEditText(text)

    def _fill(self, combo: QComboBox, values: Iterable[str],
              shown: Callable[[str], str] = str) -> None:
        """Replace the choices after the first ("all") item, keeping the current choice;
        ``shown`` gives an item's words for its stored value."""
        with QSignalBlocker(combo):
            current = combo.currentData()
            while combo.count() > 1:
                combo.removeItem(1)
            for v in values:
                combo.addItem(shown(v), v)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)

    # -- the filter -----------------------------------------------------------------------------

    def filter(self) -> RegisterFilter:
        hardship = self.hardship.currentData()
        return RegisterFilter(
            text=self.search.text().strip(),
            districts=_one(self.district),
            treatment_levels=_one(self.level),
            honor_title=self.honor_title.currentText().strip(),
            honor_year_from=_value(self.year_from),
            honor_year_to=_value(self.year_to),
            employment_statuses=_one(self.employment),
            life_statuses=_one(self.life),
            age_min=_value(self.age_min),
            age_max=_value(self.age_max),
            in_hardship=None if hardship is None else bool(hardship),
        )

    def set_filter(self, f: RegisterFilter) -> None:
        """Show ``f`` (values no longer offered are dropped); emits ``changed`` once."""
        widgets = (self.search, self.district, self.level, self.life, self.honor_title,
                   self.year_from, self.year_to, self.employment, self.age_min, self.age_max,
                   self.hardship)
        blockers = [QSignalBlocker(w) for w in widgets]
        self.search.setText(f.text)
        if f.districts and self.district.findData(f.districts[0]) < 0:
            self.district.addItem(f.districts[0], f.districts[0])
        _choose(self.district, f.districts)
        _choose(self.level, f.treatment_levels)
        _choose(self.life, f.life_statuses)
        _choose(self.employment, f.employment_statuses)
        self.honor_title.setEditText(f.honor_title)
        _set_value(self.year_from, f.honor_year_from)
        _set_value(self.year_to, f.honor_year_to)
        _set_value(self.age_min, f.age_min)
        _set_value(self.age_max, f.age_max)
        self.hardship.setCurrentIndex(
            0 if f.in_hardship is None else self.hardship.findData(f.in_hardship))
        for b in blockers:
            b.unblock()
        self.changed.emit()

    def clear(self) -> None:
        self.set_filter(RegisterFilter())

    def hidden_filters(self) -> int:
        """How many filters of the second row are set (shown on the button when it is shut)."""
        f = self.filter()
        return sum((bool(f.honor_title), f.honor_year_from is not None,
                    f.honor_year_to is not None, bool(f.employment_statuses),
                    f.age_min is not None, f.age_max is not None, f.in_hardship is not None))

    def show_more(self, on: bool) -> None:
        with QSignalBlocker(self.more):
            self.more.setChecked(on)
        self.more.setArrowType(Qt.ArrowType.UpArrow if on else Qt.ArrowType.DownArrow)
        self.more_box.setVisible(on)
        self.more_toggled.emit()

    def more_shown(self) -> bool:
        return self.more.isChecked()

    def _update_more_text(self) -> None:
        n = self.hidden_filters()
        self.more.setText(self.tr("More filters (%1)").replace("%1", str(n)) if n
                          else self.tr("More filters"))
