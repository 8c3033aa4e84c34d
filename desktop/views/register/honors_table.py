"""The 荣誉 tab: honors as an editable table, the derived treatment level and its override."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.domain import HonorFacts, derived_treatment_level, level_for_title
from desktop.core.reference import TREATMENT_LEVELS
from desktop.core.vocabulary import TREATMENT_LEVEL
from desktop.services.register.types import HonorDraft
from desktop.views.form_widgets import (
    PROBLEM_STYLE,
    ChoiceField,
    DateField,
    FieldBox,
    IntField,
    TextField,
    button_row,
)
from desktop.views.i18n import word

# Columns of the table; the names are HonorDraft attributes, so "honors[2].year" finds its cell.
COLUMNS = ("title", "level", "year", "granting_body", "document_number", "revoked_date",
           "revoke_reason")
_BAD_CELL = "background: #fde7ea"


def usual_titles(districts: Iterable[str]) -> list[str]:
    titles = ["全国劳动模范", "全国先进工作者", "享受全国劳模待遇", "全国五一劳动奖章",
              "浙江省劳动模范", "浙江省先进工作者", "享受省部级劳模待遇", "浙江省五一劳动奖章",
              "湖州市劳动模范", "湖州市先进工作者"]
    for d in districts:
        if d != "市本级":
            titles += [f"{d}劳动模范", f"{d}先进工作者"]
    return list(dict.fromkeys(titles))  # once each (issue 14: 湖州市劳动模范 twice)


GRANTING_BODIES = ("中共中央、国务院", "中华全国总工会", "浙江省人民政府", "浙江省总工会",
                   "湖州市人民政府", "湖州市总工会")


def granting_bodies(districts: Iterable[str]) -> list[str]:
    """The usual awarding bodies, the association's own county bodies included (长兴县人民政府,
    长兴县总工会: most county honors are theirs)."""
    bodies = list(GRANTING_BODIES)
    for d in districts:
        if d != "市本级":
            bodies += [f"中共{d}委、{d}人民政府", f"{d}人民政府", f"{d}总工会"]
    return list(dict.fromkeys(bodies))


class LevelCombo(QComboBox):
    """An honor's level: shown in the UI's language, ``value()`` the stored Chinese word."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem("", "")
        for level in TREATMENT_LEVELS:
            self.addItem(word(TREATMENT_LEVEL, level), level)

    def value(self) -> str:
        return str(self.currentData() or "")

    def set_value(self, level: str) -> None:
        index = self.findData(level)
        if index < 0:  # an older level word is kept as it is
            self.addItem(level, level)
            index = self.count() - 1
        self.setCurrentIndex(index)


@dataclass
class HonorRow:
    """The editors of one table row, and what the row does not show but must keep."""

    title: ChoiceField
    level: LevelCombo
    year: IntField
    granting_body: ChoiceField
    document_number: TextField
    revoked_date: DateField
    revoke_reason: TextField
    kept: HonorDraft | None = None  # as loaded: id, session and notes survive an edit
    level_chosen: bool = False  # the user picked the level: the title no longer suggests one

    def editors(self) -> list[QWidget]:
        return [getattr(self, c) for c in COLUMNS]

    def is_blank(self) -> bool:
        texts = [self.title.currentText(), self.level.currentText(), self.year.text(),
                 self.granting_body.currentText(), self.document_number.text(),
                 self.revoked_date.text(), self.revoke_reason.text()]
        return self.kept is None and not any(t.strip() for t in texts)

    def draft(self) -> HonorDraft:
        k = self.kept
        return HonorDraft(
            title=self.title.value() or "", level=self.level.value(),
            year=self.year.value(), session=k.session if k else None,
            granting_body=self.granting_body.value(),
            document_number=self.document_number.value(),
            revoked_date=self.revoked_date.value(), revoke_reason=self.revoke_reason.value(),
            notes=k.notes if k else None, id=k.id if k else None)


class HonorsEditor(QWidget):
    """Honors with add/remove/revoke, the live treatment level and the override with reason.

    ``revoke_saved`` is called for an honor that is already stored (edit mode): revoking it is a
    status change recorded in the history, not an edit of the form.
    """

    changed = Signal()

    def __init__(self, districts: Iterable[str], parent: QWidget | None = None, *,
                 home: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("honorsEditor")
        self.revoke_saved: Callable[[uuid.UUID], None] | None = None
        districts = list(districts)
        # a county association's honors come from its own county and above: 吴兴区's titles
        # and bodies in 长兴县's lists were only in the way (another one can still be typed)
        own = [home] if home else districts
        self._titles = usual_titles(own)
        self._bodies = granting_bodies(own)
        self.rows: list[HonorRow] = []

        self.derived = QLabel(self)
        self.derived.setObjectName("derivedLevel")
        self.override = QComboBox(self)
        self.override.setObjectName("treatmentOverride")
        self.override.addItem(self.tr("(none: use the derived level)"), None)
        for level in TREATMENT_LEVELS:
            self.override.addItem(word(TREATMENT_LEVEL, level), level)
        self.override_reason = TextField(self, max_length=500)
        self.override_reason.setObjectName("overrideReason")
        self.override_reason.setPlaceholderText(
            self.tr("Why the level differs from the honors (document, decision)"))
        self.override_box = FieldBox(self.override, self)
        self.reason_box = FieldBox(self.override_reason, self)
        self.reason_box.problem.setObjectName("problem_treatment_override_reason")
        top = QFormLayout()
        top.addRow(self.tr("Treatment level:"), self.derived)
        top.addRow(self.tr("Override:"), self.override_box)
        top.addRow(self.tr("Reason for the override:"), self.reason_box)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("honorsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Title"), self.tr("Level"), self.tr("Year"), self.tr("Granted by"),
            self.tr("Document No."), self.tr("Revoked on"), self.tr("Revocation reason")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((170, 80, 64, 150, 150, 110)):
            self.table.setColumnWidth(col, width)
        self.problems = QLabel(self)
        self.problems.setObjectName("honorProblems")
        self.problems.setStyleSheet(PROBLEM_STYLE)
        self.problems.setWordWrap(True)
        self.problems.hide()

        buttons = button_row(self, (
            ("addHonor", self.tr("Add honor"), self._add_clicked),
            ("removeHonor", self.tr("Remove"), self._remove),
            ("revokeHonor", self.tr("Revoke…"), self._revoke),
        ))
        self.remove_button = self._find_button("removeHonor")
        self.revoke_button = self._find_button("revokeHonor")
        self.table.currentCellChanged.connect(lambda *_a: self._update_buttons())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems)
        self.override.currentIndexChanged.connect(self._override_changed)
        self.override_reason.changed.connect(self.changed)
        self._override_changed()

    def _find_button(self, name: str) -> QPushButton:
        button = self.findChild(QPushButton, name)
        assert button is not None
        return button

    def _update_buttons(self) -> None:
        """删除 and 撤销称号 act on the current honor: off, saying why, without one (they did
        nothing when clicked), 撤销称号 also for a title already revoked."""
        row = self._current()
        self.remove_button.setEnabled(row is not None)
        self.remove_button.setToolTip("" if row is not None else self.tr(
            "Click the honor to remove first."))
        revoked = row is not None and row.revoked_date.value() is not None
        self.revoke_button.setEnabled(row is not None and not revoked)
        self.revoke_button.setToolTip(
            self.tr("Click the honor whose title was revoked first.") if row is None else
            self.tr("This title is already revoked.") if revoked else "")

    # -- rows ------------------------------------------------------------------------------

    def _add_clicked(self) -> None:
        self.add_row()

    def add_row(self, honor: HonorDraft | None = None) -> HonorRow:
        r = self.table.rowCount()
        self.table.insertRow(r)
        level = LevelCombo(self)
        row = HonorRow(
            title=ChoiceField(self, suggestions=self._titles),
            level=level, year=IntField(4, self),
            granting_body=ChoiceField(self, suggestions=self._bodies),
            document_number=TextField(self, max_length=100), revoked_date=DateField(self),
            revoke_reason=TextField(self, max_length=500), kept=honor)
        row.title.setMinimumContentsLength(6)
        row.granting_body.setMinimumContentsLength(6)
        for col, (attr, editor) in enumerate(zip(COLUMNS, row.editors(), strict=True)):
            editor.setObjectName(f"honor_{attr}")
            if hasattr(editor, "setFrame"):
                editor.setFrame(False)
            self.table.setCellWidget(r, col, editor)
        self.rows.append(row)
        if honor is not None:
            row.title.set_value(honor.title)
            row.level.set_value(honor.level)
            row.level_chosen = True
            row.year.set_value(honor.year)
            row.granting_body.set_value(honor.granting_body)
            row.document_number.set_value(honor.document_number)
            row.revoked_date.set_value(honor.revoked_date)
            row.revoke_reason.set_value(honor.revoke_reason)
        row.title.changed.connect(lambda: self._title_changed(row))
        row.level.activated.connect(lambda _i: setattr(row, "level_chosen", True))
        row.level.currentIndexChanged.connect(self._changed)
        for w in (row.year, row.granting_body, row.document_number, row.revoked_date,
                  row.revoke_reason):
            w.changed.connect(self._changed)
        self._paint(row)
        if honor is None:
            self.table.setCurrentCell(r, 0)
            row.title.setFocus()
            self._changed()
        return row

    def _title_changed(self, row: HonorRow) -> None:
        suggested = level_for_title(row.title.currentText())
        if suggested and not (row.level_chosen and row.level.value()):
            row.level.set_value(suggested)
        self._changed()

    def _current(self) -> HonorRow | None:
        r = self.table.currentRow()
        return self.rows[r] if 0 <= r < len(self.rows) else None

    def _remove(self) -> None:
        row = self._current()
        if row is None:
            return
        r = self.rows.index(row)
        self.rows.pop(r)
        self.table.removeRow(r)
        self._changed()

    def _revoke(self) -> None:
        row = self._current()
        if row is None or row.revoked_date.value() is not None:
            return
        if row.kept is not None and row.kept.id is not None and self.revoke_saved is not None:
            self.revoke_saved(row.kept.id)
            return
        answer = RevokeHonorDialog.ask(self, row.title.currentText())
        if answer is not None:
            row.revoked_date.set_value(answer[0])
            row.revoke_reason.set_value(answer[1])

    def _paint(self, row: HonorRow) -> None:
        revoked = bool(row.revoked_date.text().strip())
        for w in row.editors():
            w.setStyleSheet("color: #888" if revoked else "")

    # -- values ----------------------------------------------------------------------------

    def load(self, honors: Iterable[HonorDraft], override: str | None,
             reason: str | None) -> None:
        self.table.setRowCount(0)
        self.rows.clear()
        for h in honors:
            self.add_row(h)
        index = self.override.findData(override) if override else 0
        self.override.setCurrentIndex(max(index, 0))
        self.override_reason.set_value(reason)
        self._changed()

    def drafts(self) -> tuple[tuple[HonorDraft, ...], list[int]]:
        """The honors to save and, for each, its table row (blank new rows are left out)."""
        kept = [(row.draft(), r) for r, row in enumerate(self.rows) if not row.is_blank()]
        return tuple(d for d, _ in kept), [r for _, r in kept]

    def override_value(self) -> tuple[str | None, str | None]:
        level = self.override.currentData()
        return (str(level) if level else None), self.override_reason.value()

    def derived_level(self) -> str | None:
        facts = [HonorFacts(row.level.value(), bool(row.revoked_date.text().strip()))
                 for row in self.rows]
        return derived_treatment_level(facts)

    def _override_changed(self) -> None:
        self.override_reason.setEnabled(self.override.currentData() is not None)
        self._changed()

    def _changed(self) -> None:
        for row in self.rows:
            self._paint(row)
        self._update_buttons()
        level = self.derived_level()
        text = word(TREATMENT_LEVEL, level) if level else self.tr("none (no kept honor)")
        override = self.override.currentData()
        if override:
            text = self.tr("%1 (derived from the honors: %2)") \
                .replace("%1", word(TREATMENT_LEVEL, str(override))) \
                .replace("%2", word(TREATMENT_LEVEL, level) if level else self.tr("none"))
        self.derived.setText(f"<b>{text}</b>")
        self.changed.emit()

    # -- problems --------------------------------------------------------------------------

    def local_problems(self) -> dict[tuple[int, str], list[str]]:
        out: dict[tuple[int, str], list[str]] = {}
        for r, row in enumerate(self.rows):
            for attr in ("title", "revoked_date"):
                text = getattr(row, attr).local_problem()
                if text:
                    out.setdefault((r, attr), []).append(text)
            if row.title.currentText().strip() and not row.year.text().strip():
                # issue 14: honors were saved without a year (the certificate needs it)
                out.setdefault((r, "year"), []).append(self.tr("Enter the year it was awarded."))
        return out

    def show_problems(self, cells: Mapping[tuple[int, str], list[str]],
                      fields: Mapping[str, list[str]]) -> None:
        """Mark the cells with problems and list the sentences under the table."""
        lines = []
        for r, row in enumerate(self.rows):
            for attr, editor in zip(COLUMNS, row.editors(), strict=True):
                texts = cells.get((r, attr), [])
                revoked = bool(row.revoked_date.text().strip())
                editor.setStyleSheet(_BAD_CELL if texts else ("color: #888" if revoked else ""))
                editor.setToolTip("\n".join(texts))
                lines += [self.tr("Honor %1: %2").replace("%1", str(r + 1)).replace("%2", t)
                          for t in texts]
        lines += fields.get("honors", [])
        unique = list(dict.fromkeys(lines))
        self.problems.setText("\n".join(unique))
        self.problems.setVisible(bool(unique))
        self.override_box.set_problems(fields.get("treatment_override", ()))
        self.reason_box.set_problems(fields.get("treatment_override_reason", ()))


class RevokeHonorDialog(QDialog):
    """Date and reason for revoking an honor that is not stored yet."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revokeHonorDialog")
        self.setWindowTitle(self.tr("Revoke %1").replace("%1", title))
        self.date = DateField(self)
        self.date.setObjectName("revokeDate")
        self.date.set_value(dt.date.today())
        self.reason = TextField(self, max_length=500)
        self.reason.setObjectName("revokeReason")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Revoked on:"), self.date)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.buttons)
        for w in (self.date, self.reason):
            w.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = self.date.value() is not None and self.reason.value() is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> tuple[dt.date, str] | None:
        dialog = cls(title, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        day, reason = dialog.date.value(), dialog.reason.value()
        return (day, reason) if day is not None and reason is not None else None
