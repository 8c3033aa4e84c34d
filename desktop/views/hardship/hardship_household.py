"""The household tab of a hardship file: category, causes, incomes, situation, bank account and
the household members; reads a ``CaseDetail`` and makes a ``CaseDraft``."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.money import MoneyError, parse_yuan, to_fen, to_yuan, yuan
from desktop.core.reference import code_table
from desktop.core.reference_words import (
    DISABILITY_TYPE,
    HEALTH,
    HOUSING,
    INSURANCE,
    INSURANCE_SHORT,
)
from desktop.core.texts import problem_text
from desktop.core.vocabulary import HARDSHIP_CAUSE
from desktop.errors import FieldProblem
from desktop.services.hardship.rules import causes
from desktop.services.hardship.types import CaseDetail, CaseDraft, MemberDraft
from desktop.views.data_words import choices, data_word
from desktop.views.form_widgets import (
    PROBLEM_STYLE,
    ChoiceField,
    MoneyField,
    NotesField,
    TextField,
    button_row,
    push_button,
)
from desktop.views.i18n import current_language, word

MEMBER_HEADERS = 6
MEMBER_INCOME_COLUMN = 4

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class MoneyDelegate(QStyledItemDelegate):
    """A money column: amounts right-aligned, shown and typed (the walk-through found them
    left-aligned in the hardship dialog's tables, unlike every other list of amounts)."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.displayAlignment = RIGHT

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setAlignment(RIGHT)
        return editor


SPOUSE = "配偶"  # the relation word the register's spouse is entered with
CODED_MEMBER_COLUMNS = (1, 3, 5)  # relation, health, status: words from the code tables


class HouseholdForm(QWidget):
    """The form; the owning dialog connects ``save_button`` and decides open/update/amend."""

    def __init__(self, categories: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("householdForm")
        form = QFormLayout()
        self.category = QComboBox(self)
        self.category.setObjectName("category")
        for code in categories:  # the stored word as data, shown in the UI's language
            self.category.addItem(data_word(code), code)
        self.main_cause = QComboBox(self)
        self.main_cause.setObjectName("mainCause")
        self.secondary = [QComboBox(self) for _ in range(3)]
        for code, words in causes().items():  # in the UI's language (issue 14, point 3)
            self.main_cause.addItem(word(HARDSHIP_CAUSE, code, words), code)
        for combo in (self.category, self.main_cause):
            # a new file starts with nothing chosen: the first choices are the most severe
            # (深度困难, 无劳动能力), saved unread by a clerk who did not choose them
            combo.setPlaceholderText(self.tr("Choose…"))
            combo.setCurrentIndex(-1)
        for combo in self.secondary:
            combo.addItem("", None)
            for code, words in causes().items():
                combo.addItem(word(HARDSHIP_CAUSE, code, words), code)
        self.person_income = MoneyField(self)
        self.person_income.setObjectName("personIncome")
        self.other_income = MoneyField(self)
        self.fixed_costs = MoneyField(self)
        # code-table words with suggestions, shown in the UI's language and stored as the
        # Chinese words the file sheet prints (English mode showed 良好, 商品房: walk-through)
        self.health = self._words(20, choices(HEALTH, code_table("health_status_ACFTU_newer")))
        self.disability = self._words(40, choices(DISABILITY_TYPE))
        self.housing = self._words(20, choices(HOUSING))
        self.insurance = self._words(100, {**choices(INSURANCE_SHORT), **choices(INSURANCE)})
        for name, field in (("hardshipHealth", self.health), ("hardshipDisability",
                            self.disability), ("hardshipHousing", self.housing),
                            ("hardshipInsurance", self.insurance)):
            field.setObjectName(name)
        self.bank_name = TextField(self, max_length=60)
        self.bank_account = TextField(self, max_length=40)
        self.bank_account.setObjectName("bankAccount")
        self.notes = NotesField(self)
        self.per_capita = QLabel(self)
        self.per_capita.setObjectName("perCapita")
        self.per_capita.setWordWrap(True)
        self.income_warning = QLabel(self)
        self.income_warning.setObjectName("incomeWarning")
        self.income_warning.setStyleSheet("color: #9a5b00")
        self.income_warning.setWordWrap(True)
        self._line: int | None = None  # the 低保 line of the file shown, fen
        self._line_known = False  # whether _line was looked up (None then means: none set)
        # what the register says: (月收入, spouse name, spouse income), fen; compared live
        self._register: tuple[int | None, str | None, int | None] | None = None
        second = QHBoxLayout()
        for combo in self.secondary:
            second.addWidget(combo)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Main cause"), self.main_cause)
        form.addRow(self.tr("Secondary causes"), second)
        form.addRow(self.tr("Own monthly income (yuan)"), self.person_income)
        form.addRow(self.tr("Other monthly income (yuan)"), self.other_income)
        form.addRow(self.tr("Fixed monthly costs (yuan)"), self.fixed_costs)
        form.addRow(self.tr("Per capita"), self.per_capita)
        form.addRow(self.income_warning)
        form.addRow(self.tr("Health"), self.health)
        form.addRow(self.tr("Disability"), self.disability)
        form.addRow(self.tr("Housing"), self.housing)
        form.addRow(self.tr("Insurance"), self.insurance)
        form.addRow(self.tr("Bank"), self.bank_name)
        form.addRow(self.tr("Bank account"), self.bank_account)
        form.addRow(self.tr("Notes"), self.notes)
        self.members = QTableWidget(0, MEMBER_HEADERS, self)
        self.members.setObjectName("householdMembers")
        self.members.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Relation"), self.tr("ID number"), self.tr("Health"),
            self.tr("Monthly income (yuan)"), self.tr("Status")])
        self.members.setItemDelegateForColumn(MEMBER_INCOME_COLUMN, MoneyDelegate(self.members))
        self.members.verticalHeader().setVisible(False)
        self.members.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.members.horizontalHeader().setStretchLastSection(True)
        self.problems = QLabel(self)
        self.problems.setObjectName("hardshipProblems")
        self.problems.setStyleSheet(PROBLEM_STYLE)
        self.problems.setWordWrap(True)
        self.save_button = push_button(self, "saveHardship", self.tr("Save"), lambda: None)
        rows = button_row(self, [
            ("addMember", self.tr("Add member"), self.add_member),
            ("removeMember", self.tr("Remove member"), self.remove_member)])
        rows.addWidget(self.save_button)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Household members"), self))
        right.addWidget(self.members, 1)
        right.addWidget(self.problems)
        right.addLayout(rows)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)  # six columns with an 18-digit ID number
        # 人均收入 follows what is typed, before 保存 (issue 14, point 11)
        for money in (self.person_income, self.other_income, self.fixed_costs):
            money.changed.connect(self.recompute)
        self.members.itemChanged.connect(self.recompute)
        self.members.model().rowsInserted.connect(self.recompute)
        self.members.model().rowsRemoved.connect(self.recompute)
        self.recompute()

    def _member_incomes(self) -> list[int]:
        out = []
        for r in range(self.members.rowCount()):
            try:
                out.append(parse_yuan(self._cell(r, 4)) if self._cell(r, 4) else 0)
            except MoneyError:
                out.append(0)  # the service names the bad cell on 保存
        return out

    def recompute(self) -> None:
        """人均收入 from the figures on screen (the service's rule: income less fixed costs,
        divided by the household, rounded down); warns when 其他月收入 and the members'
        incomes are both filled in, since they are summed."""
        members = self._member_incomes()
        other = to_fen(self.other_income.value() or 0)
        household = to_fen(self.person_income.value() or 0) + other + sum(members)
        size = 1 + len(members)
        per_capita = max(household - to_fen(self.fixed_costs.value() or 0), 0) // size
        words = self.tr("%1 yuan per person per month").replace("%1", yuan(per_capita))
        if self._line is not None:
            words += self.tr(" (subsistence line %1, ×2 %2)").replace(
                "%1", yuan(self._line)).replace("%2", yuan(2 * self._line))
            words += self.tr(": %1").replace("%1", self._band_words(per_capita, self._line))
        elif self._line_known:
            words += self.tr(" (no subsistence line set for the year)")
        self.per_capita.setText(words)
        notes = []
        if other > 0 and any(m > 0 for m in members):
            notes.append(self.tr(
                "Other income and the members' incomes are both added up: make sure the other "
                "income does not already contain a member's income."))
        notes += self._register_differences(members)
        self.income_warning.setText("\n".join(notes))

    def set_line(self, line: int | None) -> None:
        """The 低保 line of the district and year (fen; None: none set), for a file not yet
        saved: the comparison follows what is typed from the start."""
        self._line, self._line_known = line, True
        self.recompute()

    def _band_words(self, per_capita: int, line: int) -> str:
        """Where the per-capita income stands against the line (the service's ``band``)."""
        if per_capita < line:
            return self.tr("below the subsistence line")
        if per_capita < 2 * line:
            return self.tr("below twice the subsistence line")
        return self.tr("above twice the subsistence line")

    def set_register(self, income: int | None, spouse: str | None, spouse_income: int | None,
                     *, prefill: bool) -> None:
        """The register's figures for this person; ``prefill`` copies them into an empty new
        form (own income, the spouse as a member)."""
        self._register = (income, spouse, spouse_income)
        if prefill:
            if income is not None and not self.person_income.text():
                self.person_income.set_value(to_yuan(income))
            if spouse and self.members.rowCount() == 0:
                self.add_member()
                self.set_member(0, 0, spouse)
                self.set_member(0, 1, SPOUSE)
                if spouse_income is not None:
                    self.set_member(0, 4, yuan(spouse_income))
        self.recompute()

    def _register_differences(self, members: list[int]) -> list[str]:
        if self._register is None:
            return []
        income, spouse, spouse_income = self._register
        out = []
        own = to_fen(self.person_income.value() or 0)
        if income is not None and own != income:
            out.append(self.tr("The register says a monthly income of %1 yuan; this file says "
                               "%2.").replace("%1", yuan(income)).replace("%2", yuan(own)))
        rows = [r for r in range(self.members.rowCount()) if self._cell(r, 1) == SPOUSE]
        if spouse and rows and self._cell(rows[0], 0) != spouse:
            out.append(self.tr("The register names the spouse %1; this file says %2.")
                       .replace("%1", spouse).replace("%2", self._cell(rows[0], 0)))
        elif spouse and rows and spouse_income is not None \
                and members[rows[0]] != spouse_income:
            out.append(self.tr("The register says the spouse earns %1 yuan a month; this file "
                               "says %2.").replace("%1", yuan(spouse_income))
                       .replace("%2", yuan(members[rows[0]])))
        return out

    def _words(self, length: int, offered: dict[str, str]) -> ChoiceField:
        """Free text with the code table's words offered; ``value()`` is the stored word."""
        field = ChoiceField(self, suggestions=offered)
        edit = field.lineEdit()
        if edit is not None:
            edit.setMaxLength(length)
        return field

    def add_member(self) -> None:
        self.members.insertRow(self.members.rowCount())

    def remove_member(self) -> None:
        row = self.members.currentRow()
        if row >= 0:
            self.members.removeRow(row)

    def set_member(self, row: int, column: int, text: str) -> None:
        """A cell as stored; the relation, health and status words shown in the UI's language
        (配偶 reads Spouse in English), the stored word kept with the cell for ``_cell``."""
        shown = data_word(text) if column in CODED_MEMBER_COLUMNS and text else text
        item = QTableWidgetItem(shown)
        if shown != text:
            item.setData(Qt.ItemDataRole.UserRole, text)
        self.members.setItem(row, column, item)

    def _cell(self, row: int, col: int) -> str:
        """A cell's value for the service: the stored word of a shown translation left as it
        was, else what the clerk typed."""
        item = self.members.item(row, col)
        if item is None:
            return ""
        stored = item.data(Qt.ItemDataRole.UserRole)
        if stored and item.text() == data_word(stored):
            return str(stored)
        return item.text().strip()

    def draft(self, person_id: uuid.UUID, year: int | None) -> CaseDraft:
        members = []
        for r in range(self.members.rowCount()):
            income_text = self._cell(r, 4)
            try:
                income = parse_yuan(income_text) if income_text else 0
            except MoneyError:
                income = -1  # the service names it
            members.append(MemberDraft(
                name=self._cell(r, 0), relation=self._cell(r, 1),
                id_number=self._cell(r, 2) or None, health=self._cell(r, 3) or None,
                income=income, status=self._cell(r, 5) or None))
        return CaseDraft(
            person_id=person_id,
            category=str(self.category.currentData() or self.category.currentText()),
            main_cause=str(self.main_cause.currentData() or ""),
            secondary_causes=tuple(str(c.currentData()) for c in self.secondary
                                   if c.currentData()),
            person_income=to_fen(self.person_income.value() or 0),
            other_income=to_fen(self.other_income.value() or 0),
            fixed_costs=to_fen(self.fixed_costs.value() or 0), members=tuple(members),
            health_status=self.health.value(), disability=self.disability.value(),
            housing_type=self.housing.value(), insurance=self.insurance.value(),
            bank_name=self.bank_name.value(),
            bank_account=self.bank_account.value(),  # still masked: the service keeps it
            notes=self.notes.value(), year=year)

    def show_detail(self, d: CaseDetail, *, editable: bool) -> None:
        if self.category.findData(d.category) < 0:  # a label no longer offered
            self.category.addItem(data_word(d.category), d.category)
        self.category.setCurrentIndex(self.category.findData(d.category))
        self.main_cause.setCurrentIndex(max(self.main_cause.findData(d.main_cause), 0))
        for i, combo in enumerate(self.secondary):
            code = d.secondary_causes[i] if i < len(d.secondary_causes) else None
            combo.setCurrentIndex(max(combo.findData(code), 0) if code else 0)
        self.person_income.set_value(to_yuan(d.person_income))
        self.other_income.set_value(to_yuan(d.other_income))
        self.fixed_costs.set_value(to_yuan(d.fixed_costs))
        for field, value in ((self.health, d.health_status), (self.disability, d.disability),
                             (self.housing, d.housing_type), (self.insurance, d.insurance),
                             (self.bank_name, d.bank_name), (self.bank_account, d.bank_account),
                             (self.notes, d.notes)):
            field.set_value(value)
        self._line, self._line_known = d.income.dibao_line, True
        self.members.setRowCount(len(d.members))
        for r, m in enumerate(d.members):
            for c, text in enumerate((m.name, m.relation, m.id_number, m.health,
                                      yuan(m.income), m.status)):
                self.set_member(r, c, text)
        self.recompute()  # the same rule as the service's d.income.per_capita
        self.save_button.setEnabled(editable)
        for name in ("addMember", "removeMember"):  # members change with the form only
            button = self.findChild(QWidget, name)
            if button is not None:
                button.setEnabled(editable)
        self.save_button.setText(self.tr("Save") if d.status == "draft" else self.tr("Amend…"))

    def show_problems(self, problems: list[FieldProblem]) -> None:
        lang = current_language()
        self.problems.setText("\n".join(problem_text(p, lang) for p in problems))
