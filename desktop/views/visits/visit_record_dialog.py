"""Recording a visit: result, date, way, visitors, money and goods (a reason above the
standard), the situation found, a follow-up, photos."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.core.money import to_fen, to_yuan, yuan
from desktop.core.reference import LIFE_DECEASED
from desktop.core.reference_words import VISIT_WAY
from desktop.core.texts import problem_text
from desktop.core.vocabulary import label
from desktop.errors import AppError, ValidationError
from desktop.services.visits.records import WAYS
from desktop.services.visits.service import VisitService
from desktop.services.visits.types import VisitResult, VisitRow
from desktop.views.data_words import spaced
from desktop.views.file_dialogs import ATTACHMENTS, open_file
from desktop.views.form_widgets import DateField, MoneyField, problem_label
from desktop.views.i18n import current_language
from desktop.views.messages import present_error


def default_result_date(visit: VisitRow, today: dt.date) -> dt.date:
    """The date already recorded, else the planned date when it has passed, else today: a
    planned date still to come would be refused as later than today."""
    if visit.actual_date is not None:
        return visit.actual_date
    if visit.planned_date is not None and visit.planned_date <= today:
        return visit.planned_date
    return today


class VisitRecordDialog(QDialog):
    """One visit's result; OK saves through the service, problems stay in the dialog."""

    def __init__(self, service: VisitService, visit: VisitRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitRecordDialog")
        self.setWindowTitle(self.tr("Record visit: %1").replace("%1", visit.name))
        self.setMinimumWidth(460)
        self._svc = service
        self._visit = visit
        self.photos: list[Path] = []
        self.status = QComboBox(self)
        self.status.setObjectName("recordStatus")
        for code, words in (("done", self.tr("Visited")), ("not_home", self.tr("Not at home")),
                            ("declined", self.tr("Declined")),
                            ("postponed", self.tr("Postponed"))):
            self.status.addItem(words, code)
        self.day = DateField(self)
        self.day.setObjectName("recordDate")
        self.day.set_value(default_result_date(visit, service.today()))
        self.way = QComboBox(self)
        self.way.setObjectName("recordWay")
        for way in WAYS:
            self.way.addItem(label(VISIT_WAY, way, current_language()), way)
        self.visitors = QLineEdit(visit.visitors or visit.team_people, self)
        self.visitors.setObjectName("recordVisitors")
        self.money = MoneyField(self)
        self.money.setObjectName("recordMoney")
        fen = visit.money_fen if visit.money_fen is not None else visit.standard_fen
        self.money.set_value(to_yuan(fen))
        standard = QLabel(self.tr("standard: %1 yuan").replace(
            "%1", yuan(visit.standard_fen)), self)
        self.goods = QLineEdit(visit.goods or visit.standard_goods, self)
        self.goods.setObjectName("recordGoods")
        self.over_reason = QLineEdit(self)
        self.over_reason.setObjectName("recordOverReason")
        self.situation = QPlainTextEdit(visit.situation, self)
        self.situation.setObjectName("recordSituation")
        self.situation.setMaximumHeight(80)
        self.follow_up = QCheckBox(self.tr("Follow-up needed"), self)
        self.follow_up.setObjectName("recordFollowUp")
        self.follow_up.setChecked(visit.follow_up and not visit.follow_up_closed)
        self.follow_note = QLineEdit(visit.follow_up_note, self)
        self.follow_note.setObjectName("recordFollowNote")
        self.hardship_file = QCheckBox(self.tr("then open a hardship file"), self)
        self.hardship_file.setObjectName("recordHardshipFile")
        self.hardship_file.setToolTip(self.tr(
            "After saving, open a hardship draft for this person (needs a follow-up)."))
        self._deceased = visit.life_status == LIFE_DECEASED
        if self._deceased:  # the service refuses a file for the dead: not offered
            self.hardship_file.setToolTip(self.tr(
                "%1 has died: a hardship file is not opened for a deceased person.")
                .replace("%1", visit.name))
        self.hardship_file.setEnabled(self.follow_up.isChecked() and not self._deceased)
        self.follow_up.toggled.connect(self._follow_up_toggled)
        self.photo_label = QLabel(self.tr("%1 photo(s)").replace("%1", str(visit.photos)), self)
        add_photo = QPushButton(self.tr("Add photo…"), self)
        add_photo.setObjectName("recordAddPhoto")
        add_photo.clicked.connect(self._pick_photo)
        self.problem = problem_label(self, "problemLabel")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(spaced((visit.name, visit.district, visit.address)), self))
        form.addRow(self.tr("Result:"), self.status)
        form.addRow(self.tr("Date:"), self.day)
        form.addRow(self.tr("Way:"), self.way)
        form.addRow(self.tr("Visitors:"), self.visitors)
        money = QHBoxLayout()
        money.addWidget(self.money)
        money.addWidget(standard, 1)
        form.addRow(self.tr("Money (yuan):"), money)
        form.addRow(self.tr("Goods:"), self.goods)
        form.addRow(self.tr("Reason if above the standard:"), self.over_reason)
        form.addRow(self.tr("Situation found:"), self.situation)
        form.addRow(self.follow_up, self.follow_note)
        form.addRow("", self.hardship_file)
        photos = QHBoxLayout()
        photos.addWidget(self.photo_label, 1)
        photos.addWidget(add_photo)
        form.addRow(self.tr("Photos:"), photos)
        form.addRow(self.problem)
        form.addRow(self.buttons)

    def _follow_up_toggled(self, on: bool) -> None:
        self.hardship_file.setEnabled(on and not self._deceased)
        if not on:
            self.hardship_file.setChecked(False)

    def wants_hardship_file(self) -> bool:
        """The clerk asked to open a hardship file once the result (with a follow-up) is saved."""
        return self.follow_up.isChecked() and self.hardship_file.isChecked()

    def _pick_photo(self) -> None:
        name = open_file(self, self.tr("Add photo"), self.tr("Images (*.jpg *.jpeg *.png)"),
                         ATTACHMENTS)
        if name:
            self.add_photo(Path(name))

    def add_photo(self, path: Path) -> None:
        self.photos.append(path)
        self.photo_label.setText(self.tr("%1 photo(s)").replace(
            "%1", str(self._visit.photos + len(self.photos))))

    def visit_result(self) -> VisitResult:
        money = self.money.value()
        return VisitResult(
            status=str(self.status.currentData()), actual_date=self.day.value(),
            way=str(self.way.currentData()), visitors=self.visitors.text(),
            money_fen=None if money is None else to_fen(money), goods=self.goods.text(),
            over_standard_reason=self.over_reason.text(),
            situation=self.situation.toPlainText(), follow_up=self.follow_up.isChecked(),
            follow_up_note=self.follow_note.text())

    def save(self) -> None:
        try:
            self._svc.record(self._visit.id, self.visit_result(), self._visit.row_version)
            for path in self.photos:
                self._svc.add_photo(self._visit.id, path.name, path.read_bytes())
        except ValidationError as exc:
            self.problem.setText("\n".join(problem_text(p, current_language())
                                           for p in exc.problems))
            return
        except (AppError, OSError) as exc:
            present_error(self, exc)
            return
        self.accept()
