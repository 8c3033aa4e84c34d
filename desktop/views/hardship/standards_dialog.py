"""帮扶标准: the standards table of a year (the monthly 低保 line; per payment kind the cap per
payment, the medical share and the times per year; general rows and a district's own), for
administrators: choose the year, copy last year's rows into it, pick a row to change it or
type a new one. Money is shown and typed in yuan, stored in fen by the service, which checks
the permission and the values and keeps the audit entry."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.money import to_fen, to_yuan, yuan
from desktop.core.reference_words import PAYMENT_KIND
from desktop.core.texts import problem_text
from desktop.errors import AppError, FieldProblem, ValidationError
from desktop.services.hardship.payments import MEDICAL
from desktop.services.hardship.rules import DIBAO
from desktop.services.hardship.standards import STANDARD_KINDS
from desktop.services.hardship.types import StandardRow
from desktop.services.workspace import Workspace
from desktop.views.form_widgets import (
    PROBLEM_STYLE,
    WARNING_STYLE,
    FieldBox,
    IntField,
    MoneyField,
    TextField,
    button_row,
    list_table,
    problem_words,
    push_button,
)
from desktop.views.i18n import current_language, word
from desktop.views.messages import refusal_words
from desktop.views.screen_fit import grow_to_content

FIRST_YEAR, LAST_YEAR = 2000, 2100  # what the service accepts


def _message(parent: QWidget, name: str, style: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setStyleSheet(style)
    label.setWordWrap(True)
    label.hide()
    return label


class StandardsDialog(QDialog):
    """Open with ``StandardsDialog.open_for``; the year shown is ``year.value()``."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, *,
                 year: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("standardsDialog")
        self.setWindowTitle(self.tr("Hardship standards"))
        self.resize(900, 620)  # fitted to a smaller screen as every window is
        self._service = workspace.hardship()
        self.rows: list[StandardRow] = []
        self.districts = self._service.standard_districts()

        self.year = QSpinBox(self)
        self.year.setObjectName("standardsYear")
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(year or dt.date.today().year)
        self.year.valueChanged.connect(self.refresh)
        self.copy_button = push_button(self, "copyStandards", "", self.copy_last_year)
        self.status = QLabel(self)
        self.status.setObjectName("standardsStatus")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year)
        top.addWidget(self.copy_button)
        top.addWidget(self.status, 1)

        self.table = list_table(self, "standardsTable", [
            self.tr("Kind"), self.tr("District"), self.tr("Amount (yuan)"),
            self.tr("Medical share"), self.tr("Times per year"), self.tr("Note")])
        self.table.itemSelectionChanged.connect(self._row_chosen)

        self._build_form()
        close = button_row(self, [])
        close.addWidget(push_button(self, "closeStandards", self.tr("Close"), self.accept))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.rule_box)
        layout.addLayout(close)
        self.refresh()
        self._kind_changed()

    def _build_form(self) -> None:
        self.rule_box = QGroupBox(self.tr("Rule"), self)
        self.rule_box.setObjectName("standardRule")
        self.kind = QComboBox(self.rule_box)
        self.kind.setObjectName("standardKind")
        for kind in STANDARD_KINDS:
            self.kind.addItem(self.kind_label(kind), kind)
        self.district = QComboBox(self.rule_box)
        self.district.setObjectName("standardDistrict")
        self.district.addItem(self.tr("General (all districts)"), "")
        for name in self.districts:
            self.district.addItem(name, name)
        self.amount = MoneyField(self.rule_box)
        self.amount.setObjectName("standardAmount")
        self.ratio = IntField(3, self.rule_box)
        self.ratio.setObjectName("standardRatio")
        self.per_year = IntField(2, self.rule_box)
        self.per_year.setObjectName("standardPerYear")
        self.note = TextField(self.rule_box, max_length=200)
        self.note.setObjectName("standardNote")
        for field in (self.amount, self.ratio, self.per_year):
            field.setMaximumWidth(160)
        self.boxes: dict[str, FieldBox] = {}
        """The form's fields by the name the service's problems give them."""
        self.amount_label = QLabel(self.rule_box)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labels = {"kind": QLabel(self.tr("Kind"), self.rule_box),
                  "district": QLabel(self.tr("District"), self.rule_box),
                  "amount": self.amount_label,
                  "ratio_pct": QLabel(self.tr("Medical share (% of self-paid costs)"),
                                      self.rule_box),
                  "per_year": QLabel(self.tr("Times per year"), self.rule_box),
                  "notes": QLabel(self.tr("Note"), self.rule_box)}
        editors: dict[str, QWidget] = {"kind": self.kind, "district": self.district,
                                       "amount": self.amount, "ratio_pct": self.ratio,
                                       "per_year": self.per_year, "notes": self.note}
        for name, editor in editors.items():
            self.boxes[name] = FieldBox(editor, self.rule_box)
            form.addRow(labels[name], self.boxes[name])
        self.replaces = _message(self.rule_box, "standardReplaces", WARNING_STYLE)
        self.problem = _message(self.rule_box, "standardProblem", PROBLEM_STYLE)
        buttons = button_row(self.rule_box, [
            ("newStandard", self.tr("New rule"), self.new_rule),
            ("saveStandard", self.tr("Save rule"), self._save_clicked)])
        self.save_button = self.rule_box.findChild(QWidget, "saveStandard")
        inner = QVBoxLayout(self.rule_box)
        inner.addLayout(form)
        inner.addWidget(self.replaces)
        inner.addWidget(self.problem)
        inner.addLayout(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.district.currentIndexChanged.connect(self._update)
        for field in (self.amount, self.ratio, self.per_year):
            field.changed.connect(self._update)

    # -- words --------------------------------------------------------------------------------

    def kind_label(self, kind: str) -> str:
        return self.tr("Subsistence line") if kind == DIBAO else word(PAYMENT_KIND, kind)

    def district_label(self, name: str) -> str:
        return name or self.tr("General (all districts)")

    # -- the year's rows ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the year's rows (and whether last year has any to copy)."""
        year = self.year.value()
        order = {k: i for i, k in enumerate(STANDARD_KINDS)}
        self.status.clear()
        try:
            rows = self._service.standards(year)
            last = self._service.standards(year - 1) if year > FIRST_YEAR else []
        except AppError as exc:
            self._say_refusal(exc)
            return
        self.rows = sorted(rows, key=lambda r: (order.get(r.kind, len(order)), r.kind,
                                                r.district != "", r.district))
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cells = (self.kind_label(row.kind), self.district_label(row.district),
                     yuan(row.amount), f"{row.ratio_pct}%" if row.ratio_pct else "",
                     str(row.per_year) if row.per_year else "", row.note or "")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.clearSelection()
        self.table.blockSignals(False)
        self.copy_button.setText(self.tr("Copy the rules of %1").replace("%1", str(year - 1)))
        self.copy_button.setEnabled(bool(last))
        self.copy_button.setToolTip("" if last else self.tr("%1 has no rules to copy.")
                                    .replace("%1", str(year - 1)))
        if not self.rows:
            self.status.setText(self.tr("No rules for %1 yet.").replace("%1", str(year)))
        self._update()

    def copy_last_year(self) -> None:
        """Last year's rows into this year; a rule this year already has is kept."""
        year = self.year.value()
        try:
            copied, kept = self._service.copy_standards(year - 1, year)
        except AppError as exc:
            self._say_refusal(exc)
            return
        self.refresh()
        text = (self.tr("Copied %1 rule(s) from %2; %3 rule(s) this year already had were "
                        "kept.") if kept else self.tr("Copied %1 rule(s) from %2."))
        self.status.setText(text.replace("%1", str(copied)).replace("%2", str(year - 1))
                            .replace("%3", str(kept)))

    # -- the form -----------------------------------------------------------------------------

    def _row_chosen(self) -> None:
        r = self.table.currentRow()
        if not 0 <= r < len(self.rows) or not self.table.selectedItems():
            return
        row = self.rows[r]
        self.kind.setCurrentIndex(max(self.kind.findData(row.kind), 0))
        index = self.district.findData(row.district)
        if index < 0:  # another district's row (from the city's reference data): shown only
            self.district.addItem(row.district, row.district)
            index = self.district.count() - 1
        self.district.setCurrentIndex(index)
        self.amount.set_value(None if row.amount is None else to_yuan(row.amount))
        self.ratio.set_value(row.ratio_pct)
        self.per_year.set_value(row.per_year)
        self.note.set_value(row.note)
        self._clear_problems()
        self._kind_changed()

    def new_rule(self) -> None:
        """An empty form for a rule the year does not have yet."""
        self.table.clearSelection()
        for field in (self.amount, self.ratio, self.per_year, self.note):
            field.set_value(None)
        self.district.setCurrentIndex(0)
        self._clear_problems()
        self.kind.setFocus()
        self._update()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.amount_label.setText(self.tr("Monthly line per person (yuan)") if kind == DIBAO
                                  else self.tr("Cap per payment (yuan)"))
        # the 低保 line is an amount only; the medical share is a rule of 医疗救助 alone
        self.ratio.setEnabled(kind == MEDICAL)
        self.per_year.setEnabled(kind != DIBAO)
        self._update()

    def _existing(self) -> StandardRow | None:
        kind, district = self.kind.currentData(), self.district.currentData()
        return next((r for r in self.rows if r.kind == kind and r.district == district), None)

    def _update(self) -> None:
        """Save is offered when there is something to save; a rule the year already has for
        the kind and district is said to be replaced."""
        kind, district = self.kind.currentData(), self.district.currentData()
        values = self._values()
        ours = district == "" or district in self.districts
        ok = ours and (values["amount"] is not None if kind == DIBAO
                       else any(v is not None for k, v in values.items() if k != "notes"))
        assert self.save_button is not None
        self.save_button.setEnabled(ok)
        if not ours:
            self._show(self.replaces, self.tr("The rule of %1 is not set here.")
                       .replace("%1", str(district)))
        elif self._existing() is not None:
            self._show(self.replaces, self.tr(
                "%1 already has this rule for %2: saving replaces it.")
                .replace("%1", str(self.year.value())).replace("%2", self.district_label(
                    str(district))))
        else:
            self._show(self.replaces, "")

    def _values(self) -> dict[str, int | str | None]:
        amount = self.amount.value()
        return {"amount": None if amount is None else to_fen(amount),
                "ratio_pct": self.ratio.value() if self.ratio.isEnabled() else None,
                "per_year": self.per_year.value() if self.per_year.isEnabled() else None,
                "notes": self.note.value()}

    def _save_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        """Set the rule through the service; its problems under their fields, nothing
        written; True when saved."""
        values = self._values()
        kind = str(self.kind.currentData())
        district = str(self.district.currentData() or "")
        amount, ratio, per_year = values["amount"], values["ratio_pct"], values["per_year"]
        try:
            self._service.set_standard(
                self.year.value(), kind,
                amount=amount if isinstance(amount, int) else None,
                district=district or None,
                ratio_pct=ratio if isinstance(ratio, int) else None,
                per_year=per_year if isinstance(per_year, int) else None,
                note=str(values["notes"]) if values["notes"] else None)
        except AppError as exc:
            self._say_refusal(exc)
            return False
        self._clear_problems()
        self.refresh()
        self.status.setText(self.tr("Saved: %1, %2.").replace("%1", self.kind_label(kind))
                            .replace("%2", self.district_label(district)))
        self._select(kind, district)
        return True

    def _select(self, kind: str, district: str) -> None:
        for r, row in enumerate(self.rows):
            if row.kind == kind and row.district == district:
                self.table.selectRow(r)

    # -- messages -----------------------------------------------------------------------------

    def _show(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))
        if text:
            grow_to_content(label)

    def _clear_problems(self) -> None:
        for box in self.boxes.values():
            box.set_problems([])
        self._show(self.problem, "")

    def _say_refusal(self, exc: AppError) -> None:
        """Each problem under its field; the others (the year, a refusal) above the
        buttons."""
        problems: list[FieldProblem] = exc.problems if isinstance(exc, ValidationError) else []
        for name, box in self.boxes.items():
            box.set_problems(problem_words(p) for p in problems if p.field == name)
        rest = ([problem_text(p, current_language()) for p in problems
                 if p.field not in self.boxes] if isinstance(exc, ValidationError)
                else [refusal_words(exc)])
        self._show(self.problem, "\n".join(rest))

    @classmethod
    def open_for(cls, workspace: Workspace, parent: QWidget | None = None, *,
                 year: int | None = None) -> StandardsDialog:
        dialog = cls(workspace, parent, year=year)
        dialog.show()
        return dialog
