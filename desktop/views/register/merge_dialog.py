"""Merging two records of one person: both side by side, the clerk picks the one to keep."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.vocabulary import LIFE_STATUS, SEX
from desktop.services.register.types import DuplicatePair, MemberRow
from desktop.views.i18n import shown, word


def member_facts(m: MemberRow) -> list[tuple[str, str]]:
    """What a clerk compares to decide whether two records are one person."""
    born = m.birth_shown
    return [
        (QCoreApplication.translate("MergeDialog", "Name"),
         m.name),
        (QCoreApplication.translate("MergeDialog", "Sex"),
         shown(SEX, m.sex)),
        (QCoreApplication.translate("MergeDialog", "Birth date"),
         born),
        (QCoreApplication.translate("MergeDialog", "ID number"),
         m.id_number),
        (QCoreApplication.translate("MergeDialog", "District"),
         m.district),
        (QCoreApplication.translate("MergeDialog", "Work unit"),
         m.work_unit),
        (QCoreApplication.translate("MergeDialog", "Treatment level"),
         m.treatment_level or ""),
        (QCoreApplication.translate("MergeDialog", "Highest honor"),
         m.highest_honor or ""),
        (QCoreApplication.translate("MergeDialog", "Employment status"),
         m.employment_status or ""),
        (QCoreApplication.translate("MergeDialog", "Life status"),
         word(LIFE_STATUS, m.life_status)),
        (QCoreApplication.translate("MergeDialog", "Phone"),
         m.phone),
    ]


class MergeDialog(QDialog):
    """Both records in two columns (differences in amber), which one to keep, and a reason."""

    def __init__(self, pair: DuplicatePair, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge two records"))
        self.pair = pair
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        self.keep_a = QRadioButton(self.tr("Keep this record"), self)
        self.keep_a.setObjectName("keepA")
        self.keep_b = QRadioButton(self.tr("Keep this record"), self)
        self.keep_b.setObjectName("keepB")
        self.keep_a.setChecked(True)  # a is the older record: usually the one to keep
        group = QButtonGroup(self)
        group.addButton(self.keep_a)
        group.addButton(self.keep_b)
        grid.addWidget(self.keep_a, 0, 1)
        grid.addWidget(self.keep_b, 0, 2)
        for row, ((label, a), (_l, b)) in enumerate(
                zip(member_facts(pair.a), member_facts(pair.b), strict=True), start=1):
            grid.addWidget(QLabel(label + "：", self), row, 0)
            for col, text in ((1, a), (2, b)):
                cell = QLabel(text, self)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                if a != b:
                    cell.setStyleSheet("color: #9a5b00; font-weight: bold")
                grid.addWidget(cell, row, col)
        explain = QLabel(self.tr(
            "The kept record gets the other's honors and history and fills its empty fields "
            "from it; values that differ are kept in a conflict note. The other record is "
            "retired with a pointer to the kept one. The merge can be undone."), self)
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #555")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("mergeReason")
        self.reason.setPlaceholderText(self.tr("Reason (required), e.g. entered twice"))
        self.reason.setMaxLength(500)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(explain)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update)
        self._update()
        self.setMinimumWidth(560)

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.reason.text().strip()))

    def choice(self) -> tuple[uuid.UUID, uuid.UUID, str]:
        keep, other = (self.pair.a, self.pair.b) if self.keep_a.isChecked() else (
            self.pair.b, self.pair.a)
        return keep.id, other.id, self.reason.text().strip()

    @classmethod
    def ask(cls, pair: DuplicatePair, parent: QWidget | None = None
            ) -> tuple[uuid.UUID, uuid.UUID, str] | None:
        """(keep id, duplicate id, reason), or None when cancelled."""
        dialog = cls(pair, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
