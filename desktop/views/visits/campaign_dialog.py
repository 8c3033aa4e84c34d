"""A visit campaign: occasion, year, window (defaults from the lunar calendar), budget, rules
and per-level standards (money and goods)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.core.money import MoneyError, parse_yuan, to_fen, to_yuan, yuan_plain
from desktop.core.texts import problem_text
from desktop.errors import AppError, ValidationError
from desktop.services.visits.rules import (
    OCCASIONS,
    STANDARD_LEVELS,
    CampaignDraft,
    LevelStandard,
    Rules,
)
from desktop.services.visits.service import VisitService
from desktop.views.data_words import data_word
from desktop.views.form_widgets import DateField, MoneyField, problem_label
from desktop.views.i18n import current_language
from desktop.views.messages import present_error

LEVELS = ("全国", "省部级", "市级", "县级")
AGES = (0, 70, 80, 90)


class CampaignDialog(QDialog):
    """Create (defaults filled in for the occasion and year) or change a campaign."""

    def __init__(self, service: VisitService, campaign_id: uuid.UUID | None = None,
                 districts: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignDialog")
        self.setWindowTitle(self.tr("Visit campaign"))
        self._svc = service
        self._id = campaign_id
        self.saved_id: uuid.UUID | None = None
        self.occasion = QComboBox(self)
        self.occasion.setObjectName("campaignOccasion")
        for occasion in OCCASIONS:
            self.occasion.addItem(data_word(occasion), occasion)
        self.year = QSpinBox(self)
        self.year.setObjectName("campaignYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year + 1)
        self.title = QLineEdit(self)
        self.title.setObjectName("campaignTitle")
        self.start = DateField(self)
        self.start.setObjectName("campaignStart")
        self.end = DateField(self)
        self.end.setObjectName("campaignEnd")
        self.occasion_date = QLabel(self)
        self.budget = MoneyField(self)
        self.budget.setObjectName("campaignBudget")
        rules = QGroupBox(self.tr("Who is visited (any of)"), self)
        grid = QGridLayout(rules)
        self.levels: dict[str, QCheckBox] = {}
        for n, level in enumerate(LEVELS):
            box = QCheckBox(data_word(level), rules)
            box.setObjectName(f"ruleLevel{n}")
            self.levels[level] = box
            grid.addWidget(box, 0, n)
        self.hardship = QCheckBox(self.tr("Active hardship files"), rules)
        self.hardship.setObjectName("ruleHardship")
        self.families = QCheckBox(self.tr("Families of recently deceased model workers"), rules)
        self.families.setObjectName("ruleFamilies")
        self.age = QComboBox(rules)
        self.age.setObjectName("ruleAge")
        self.age.addItem(self.tr("no age rule"), 0)
        for a in AGES[1:]:
            self.age.addItem(self.tr("aged %1 or over").replace("%1", str(a)), a)
        self.employed = QCheckBox(self.tr("Employed only"), rules)
        self.employed.setObjectName("ruleEmployed")
        self.district = QComboBox(rules)
        self.district.setObjectName("ruleDistrict")
        self.district.addItem(self.tr("all districts"), "")
        for d in districts or []:
            self.district.addItem(d, d)
        grid.addWidget(self.hardship, 1, 0, 1, 2)
        grid.addWidget(self.families, 1, 2, 1, 2)
        grid.addWidget(self.age, 2, 0)
        grid.addWidget(self.employed, 2, 1)
        grid.addWidget(self.district, 2, 2, 1, 2)
        self.standards = QTableWidget(len(STANDARD_LEVELS), 3, self)
        self.standards.setObjectName("campaignStandards")
        self.standards.setHorizontalHeaderLabels(
            [self.tr("Level"), self.tr("Money (yuan)"), self.tr("Goods")])
        self.standards.verticalHeader().setVisible(False)
        self.standards.setMinimumHeight(170)
        for r, level in enumerate(STANDARD_LEVELS):
            item = QTableWidgetItem(data_word(level))
            item.setFlags(item.flags() & ~item.flags().ItemIsEditable)
            self.standards.setItem(r, 0, item)
            self.standards.setItem(r, 1, QTableWidgetItem("0"))
            self.standards.setItem(r, 2, QTableWidgetItem(""))
        self.problem = problem_label(self, "problemLabel")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        head = QHBoxLayout()
        head.addWidget(self.occasion)
        head.addWidget(self.year)
        form.addRow(self.tr("Occasion and year:"), head)
        form.addRow(self.tr("Title:"), self.title)
        window = QHBoxLayout()
        window.addWidget(self.start)
        window.addWidget(QLabel("—", self))
        window.addWidget(self.end)
        window.addWidget(self.occasion_date, 1)
        form.addRow(self.tr("Window:"), window)
        form.addRow(self.tr("Budget (yuan):"), self.budget)
        form.addRow(rules)
        form.addRow(self.tr("Standards:"), self.standards)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        if campaign_id is None:
            self._set_occasion("元旦春节")
            self.occasion.currentIndexChanged.connect(self.fill_defaults)
            self.year.valueChanged.connect(self.fill_defaults)
            self.fill_defaults()
        else:
            self._load(campaign_id)

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.standards.item(row, column)
        assert item is not None
        return item

    def fill_defaults(self) -> None:
        self.set_draft(self._svc.default_draft(self._occasion(), self.year.value()))

    def _load(self, campaign_id: uuid.UUID) -> None:
        c = self._svc.campaign(campaign_id)
        self._set_occasion(c.occasion)
        self.year.setValue(c.year)
        self.set_draft(CampaignDraft(c.occasion, c.year, c.title, c.start_date, c.end_date,
                                     c.rules, c.standards, c.budget_fen, c.occasion_date,
                                     c.notes))

    def set_draft(self, d: CampaignDraft) -> None:
        self.title.setText(d.title)
        self.start.set_value(d.start_date)
        self.end.set_value(d.end_date)
        self._occasion_day = d.occasion_date
        self.occasion_date.setText(
            self.tr("(the day: %1)").replace("%1", d.occasion_date.isoformat())
            if d.occasion_date else "")
        self.budget.set_value(to_yuan(d.budget_fen) if d.budget_fen is not None else None)
        for level, box in self.levels.items():
            box.setChecked(level in d.rules.levels)
        self.hardship.setChecked(d.rules.hardship)
        self.families.setChecked(d.rules.deceased_families)
        self.employed.setChecked(d.rules.employed_only)
        self.age.setCurrentIndex(max(self.age.findData(d.rules.age_min or 0), 0))
        self.district.setCurrentIndex(
            max(self.district.findData(d.rules.districts[0] if d.rules.districts else ""), 0))
        by_level = {st.level: st for st in d.standards}
        for r, level in enumerate(STANDARD_LEVELS):
            st = by_level.get(level, LevelStandard(level))
            self._cell(r, 1).setText(yuan_plain(st.money_fen))
            self._cell(r, 2).setText(st.goods)

    def _occasion(self) -> str:
        """The stored (Chinese) occasion, whatever language the list shows."""
        return str(self.occasion.currentData() or self.occasion.currentText())

    def _set_occasion(self, occasion: str) -> None:
        index = self.occasion.findData(occasion)
        if index < 0:
            self.occasion.addItem(occasion, occasion)
            index = self.occasion.count() - 1
        self.occasion.setCurrentIndex(index)

    def draft(self) -> CampaignDraft:
        age = int(self.age.currentData() or 0)
        district = str(self.district.currentData() or "")
        rules = Rules(levels=tuple(lv for lv, b in self.levels.items() if b.isChecked()),
                      hardship=self.hardship.isChecked(), age_min=age or None,
                      deceased_families=self.families.isChecked(),
                      districts=(district,) if district else (),
                      employed_only=self.employed.isChecked())
        standards = []
        for r, level in enumerate(STANDARD_LEVELS):
            try:
                money = parse_yuan(self._cell(r, 1).text().strip() or "0")
            except MoneyError:
                money = -1
            standards.append(LevelStandard(level, money, self._cell(r, 2).text().strip()))
        start = self.start.value() or dt.date(self.year.value(), 1, 1)
        end = self.end.value() or start
        budget = self.budget.value()
        return CampaignDraft(
            occasion=self._occasion(), year=self.year.value(),
            title=self.title.text(), start_date=start, end_date=end, rules=rules,
            standards=tuple(standards), budget_fen=None if budget is None else to_fen(budget),
            occasion_date=getattr(self, "_occasion_day", None))

    def save(self) -> None:
        """Save; problems are shown in the dialog, which stays open."""
        try:
            d = self.draft()
            if self._id is None:
                self.saved_id = self._svc.create_campaign(d)
            else:
                self._svc.update_campaign(self._id, dataclasses.replace(d))
                self.saved_id = self._id
        except ValidationError as exc:
            self.problem.setText("\n".join(problem_text(p, current_language())
                                           for p in exc.problems))
            return
        except AppError as exc:
            present_error(self, exc)
            return
        self.accept()
