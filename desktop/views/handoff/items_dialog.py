"""汇总 → 待处理事项: the open items of the city's merges and the decisions the city takes.

Names and ID numbers are masked (朱*荣, 330522********1234) until a user who may unmask gives
a reason (audited by the service). The same ID number in two districts is decided here by a
reviewer or administrator: the same person kept by one district, or different people, always
with a reason; the service checks the permission and records the decision, which the next
reference package carries down to both districts. Other roles see the list without the
decision controls; a refusal is said in the dialog.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.handoff.conflicts import OpenItem
from desktop.services.permissions import Perm
from desktop.services.workspace import Workspace
from desktop.views.data_words import joined
from desktop.views.form_widgets import list_table
from desktop.views.handoff.base import ERROR_STYLE, TABLE_WORDS, error_words
from desktop.views.i18n import word
from desktop.views.reason_dialog import ReasonDialog


class OpenItemsDialog(QDialog):
    """The list of open items, what each one means, and the city's decision."""

    def __init__(self, workspace: Workspace, resolve: object, parent: QWidget | None = None
                 ) -> None:
        """``resolve(item_id, action, keep=, reason=)`` writes a decision (the page's
        handoff service)."""
        super().__init__(parent)
        self.setObjectName("openItemsDialog")
        self.setWindowTitle(self.tr("Open items of the merges"))
        self._workspace = workspace
        self._resolve = resolve
        self._unmask_reason: str | None = None
        self.items: list[OpenItem] = []
        actor = workspace.actor
        self.may_decide = actor.can(Perm.APPROVE)
        intro = QLabel(self.tr(
            "What the merges left to the city: a person who moved out or in waits for the "
            "other district's package; the same ID number in two districts is decided here "
            "(with a reason) and the decision goes to both districts with the next reference "
            "data."), self)
        intro.setWordWrap(True)
        self.settled = QCheckBox(self.tr("Also show settled items"), self)
        self.settled.setObjectName("showSettled")
        self.settled.toggled.connect(lambda _on: self.load())
        self.unmask_button = QPushButton(self.tr("Show full names and ID numbers…"), self)
        self.unmask_button.setObjectName("unmaskItems")
        self.unmask_button.clicked.connect(self._ask_unmask)
        self.unmask_button.setVisible(actor.can(Perm.UNMASK))
        top = QHBoxLayout()
        top.addWidget(self.settled)
        top.addStretch(1)
        top.addWidget(self.unmask_button)
        self.table = list_table(self, "openItems", [
            self.tr("Item"), self.tr("Name"), self.tr("ID number"), self.tr("District"),
            self.tr("Other district"), self.tr("State")])
        self.table.itemSelectionChanged.connect(self._selected)
        self.explain = QLabel(self)
        self.explain.setObjectName("itemExplained")
        self.explain.setWordWrap(True)
        self.decide_box = QGroupBox(self.tr("Decision"), self)
        self.decide_box.setObjectName("decisionBox")
        self.keep_first = QRadioButton(self.decide_box)
        self.keep_first.setObjectName("keepFirst")
        self.keep_other = QRadioButton(self.decide_box)
        self.keep_other.setObjectName("keepOther")
        self.different = QRadioButton(self.tr("Different people (both records stay)"),
                                      self.decide_box)
        self.different.setObjectName("differentPeople")
        self.choice = QButtonGroup(self)
        for b in (self.keep_first, self.keep_other, self.different):
            self.choice.addButton(b)
            b.toggled.connect(lambda _on: self._update())
        self.reason = QLineEdit(self.decide_box)
        self.reason.setObjectName("resolveReason")
        self.reason.setPlaceholderText(self.tr("Reason (e.g. checked by phone with both "
                                               "districts)"))
        self.reason.textChanged.connect(lambda _t: self._update())
        self.decide_button = QPushButton(self.tr("Decide"), self.decide_box)
        self.decide_button.setObjectName("resolveItem")
        self.decide_button.clicked.connect(self.decide)
        box = QVBoxLayout(self.decide_box)
        box.addWidget(self.keep_first)
        box.addWidget(self.keep_other)
        box.addWidget(self.different)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Reason:"), self.decide_box))
        row.addWidget(self.reason, 1)
        row.addWidget(self.decide_button)
        box.addLayout(row)
        self.decide_box.setVisible(self.may_decide)
        self.message = QLabel(self)
        self.message.setObjectName("itemsMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.explain)
        layout.addWidget(self.decide_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self.load()

    # -- the list -----------------------------------------------------------------------------

    def load(self) -> None:
        try:
            self.items = self._workspace.handoff_items().items(
                settled=self.settled.isChecked(), unmask_reason=self._unmask_reason)
        except Exception as exc:
            self._unmask_reason = None
            self.say(error_words(exc), error=True)
            return
        self.table.setRowCount(len(self.items))
        for r, item in enumerate(self.items):
            values = [self.item_kind(item), _pair(item.name, item.other_name),
                      item.id_number, item.district, item.other_district,
                      self.item_state(item.status)]
            for c, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(v))
        if not self.items:
            self.explain.setText(self.tr("No open items."))
        self._update()

    def _ask_unmask(self) -> None:
        reason = ReasonDialog.ask(self, self.tr("Show full names and ID numbers"),
                                  self.tr("Why do you need the full names and ID numbers? "
                                          "The reason is kept in the audit log."))
        if reason is not None:  # OK waits for a reason
            self.unmask(reason)

    def unmask(self, reason: str) -> None:
        """Show the names and numbers in full (the service checks and records the reason)."""
        self._unmask_reason = reason
        self.load()
        if self._unmask_reason is not None:
            self.say(self.tr("Full names and ID numbers shown (recorded in the audit log)."))

    def selected(self) -> OpenItem | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _selected(self) -> None:
        item = self.selected()
        self.explain.setText(self.item_sentence(item) if item else "")
        if item is not None and item.actions:
            self.keep_first.setText(self.tr("Same person, kept by %1").replace(
                "%1", item.district))
            self.keep_other.setText(self.tr("Same person, kept by %1").replace(
                "%1", item.other_district))
        self.choice.setExclusive(False)
        for b in (self.keep_first, self.keep_other, self.different):
            b.setChecked(False)
        self.choice.setExclusive(True)
        self._update()

    def _update(self) -> None:
        item = self.selected()
        can = item is not None and bool(item.actions)
        for b in (self.keep_first, self.keep_other, self.different):
            b.setEnabled(can)
        if not can:
            self.keep_first.setText(self.tr("Same person, kept by the first district"))
            self.keep_other.setText(self.tr("Same person, kept by the other district"))
        self.reason.setEnabled(can)
        self.decide_button.setEnabled(can and self.choice.checkedButton() is not None
                                      and bool(self.reason.text().strip()))
        if item is not None and not can:
            self.decide_button.setToolTip(self.tr(
                "Only the same ID number in two districts is decided here."))
        else:
            self.decide_button.setToolTip("")

    # -- words ------------------------------------------------------------------------------

    def item_kind(self, item: OpenItem) -> str:
        if item.kind == "move_pair":
            return self.tr("Moved out or in")
        if item.kind == "same_id":
            return self.tr("Same ID number in two districts")
        if item.kind == "died_visited":
            return self.tr("Died in one, visited in another")
        if item.kind == "honors_differ":
            return self.tr("Honors that disagree")
        return self.tr("Record owned by another office")

    def item_state(self, status: str) -> str:
        return {"open": self.tr("open"), "paired": self.tr("paired"),
                "resolved": self.tr("decided")}.get(status, status)

    def item_sentence(self, item: OpenItem) -> str:
        """What the item means and what happens next, in a sentence."""
        if item.kind == "move_pair" and item.status == "paired" and not item.moved_from:
            return self.tr("%1 reported %2 as a move; the other district's half arrived "
                           "later and the two were paired.").replace(
                "%1", item.district).replace("%2", item.name)
        if item.kind == "move_pair" and item.status == "paired":
            to = item.other_district if item.moved_from == item.district else item.district
            return self.tr("%1 moved from %2 to %3: both halves arrived and were paired; %3 "
                           "manages the person now.").replace("%1", item.name).replace(
                "%2", item.moved_from).replace("%3", to)
        if item.kind == "move_pair":
            half = (self.tr("moved out (迁出)") if item.half == "move_out"
                    else self.tr("moved in (迁入)"))
            return self.tr("%1 reported %2 %3; the other district's half has not arrived: "
                           "it pairs by itself when that package is merged.").replace(
                "%1", item.district).replace("%2", item.name).replace("%3", half)
        if item.kind == "same_id" and item.status == "resolved":
            decided = (self.tr("the same person, kept by %1").replace("%1", item.keep)
                       if item.resolution == "same_person" else self.tr("different people"))
            return self.tr("Decided: %1 (reason: %2).").replace("%1", decided).replace(
                "%2", item.reason)
        if item.kind == "same_id":
            return self.tr("%1 and %2 both hold a record with this ID number (%3 / %4) and "
                           "neither reported a move. Check with both districts, then decide."
                           ).replace("%1", item.district).replace("%2", item.other_district
                                                                  ).replace(
                "%3", item.name).replace("%4", item.other_name or item.name)
        if item.kind == "died_visited":
            return self.tr("%1 recorded the death of %2 on %3; %4 visited or plans to visit "
                           "the person on %5. A visit to the family is fine; otherwise tell "
                           "%4.").replace("%1", item.district).replace("%2", item.name).replace(
                "%3", item.died).replace("%4", item.other_district).replace("%5", item.visited)
        if item.kind == "honors_differ":
            parts = [self.tr("%1 records %2, %3 does not").replace("%1", has).replace(
                "%2", joined(titles, "、")).replace("%3", lacks)
                for has, titles, lacks in ((item.district, item.only_here, item.other_district),
                                           (item.other_district, item.only_there,
                                            item.district)) if titles]
            return self.tr("The records of %1 disagree on honors: %2. Ask the district that "
                           "manages the person to correct them.").replace(
                "%1", item.name).replace("%2", self.tr("; ").join(parts))
        table = word(TABLE_WORDS, item.table)
        return self.tr("The package of %1 carried a record (%2) that %3 keeps: the record "
                       "stays as %3 has it. If %1 changed it, ask them to send the change to "
                       "%3.").replace("%1", item.district).replace("%2", table).replace(
            "%3", item.other_district)

    # -- deciding ----------------------------------------------------------------------------

    def decide(self) -> None:
        item = self.selected()
        if item is None:
            return
        checked = self.choice.checkedButton()
        action, keep = ("different_people", None) if checked is self.different else (
            "same_person", item.district if checked is self.keep_first else item.other_district)
        try:
            self._resolve(item.id, action, keep=keep,  # type: ignore[operator]
                          reason=self.reason.text())
        except Exception as exc:
            self.say(error_words(exc), error=True)
            return
        self.reason.clear()
        self.say(self.tr("Decided: the next reference data carries it to %1 and %2.")
                 .replace("%1", item.district).replace("%2", item.other_district))
        self.load()

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)


def _pair(first: str, second: str) -> str:
    return f"{first} / {second}" if second and second != first else first
