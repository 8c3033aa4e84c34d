"""市级 honors proposed by the city to the districts (DESIGN.md "Who owns what").

- At the city (汇总), ``ProposeHonorDialog`` records a 市级 honor the city granted to a person a
  district manages, found by ID number; the next reference package proposes it to the
  district.
- At a district (报送), ``ProposalsDialog`` lists what the city proposed: a clerk accepts (typing
  the ID number of a new person, which the signed but unencrypted reference package never
  carries) or declines with a reason. Nothing enters the register without that step.

The services check the permissions and audit each decision; these dialogs show the controls
only to the roles that may use them and say a refusal in the dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import NotFound
from desktop.services.permissions import Perm
from desktop.services.workspace import Workspace
from desktop.views.data_words import bracketed, joined
from desktop.views.form_widgets import list_table
from desktop.views.handoff.base import ERROR_STYLE, error_words

CITY_TITLES = ("湖州市劳动模范", "湖州市先进工作者", "享受湖州市劳模待遇")
CITY_LEVEL = "市级"


class ProposeHonorDialog(QDialog):
    """City: a 市级 honor for a person a district manages, by the person's ID number."""

    def __init__(self, propose: Callable[..., Any], parent: QWidget | None = None, *,
                 lookup: Callable[[str], list[Any]] | None = None) -> None:
        """``lookup(id_number)`` finds the register's rows for a typed number, so the dialog
        says whose honor it records before it is recorded."""
        super().__init__(parent)
        self.setObjectName("proposeHonorDialog")
        self._lookup = lookup
        self._found: bool | None = None
        self.setWindowTitle(self.tr("Propose a city honor"))
        self._propose = propose
        intro = QLabel(self.tr(
            "Record an honor the city granted to a person a district manages. The person "
            "stays the district's; the next reference data proposes the honor to the "
            "district, whose clerk accepts or declines it."), self)
        intro.setWordWrap(True)
        self.id_number = QLineEdit(self)
        self.id_number.setObjectName("proposeIdNumber")
        self.id_number.setMaxLength(18)
        self.who = QLabel(self)
        self.who.setObjectName("proposeWho")
        self.who.setWordWrap(True)
        self.title = QComboBox(self)
        self.title.setObjectName("proposeTitle")
        self.title.setEditable(True)
        self.title.addItems(CITY_TITLES)
        self.level = QLabel(CITY_LEVEL, self)
        self.level.setObjectName("proposeLevel")
        self.year = QSpinBox(self)
        self.year.setObjectName("proposeYear")
        self.year.setRange(1950, 2100)
        self.year.setValue(dt.date.today().year)
        self.body = QLineEdit("湖州市人民政府", self)
        self.body.setObjectName("proposeBody")
        self.document = QLineEdit(self)
        self.document.setObjectName("proposeDocument")
        self.document.setPlaceholderText(self.tr("e.g. 湖政发〔2026〕12号"))
        form = QFormLayout()
        form.addRow(self.tr("ID number:"), self.id_number)
        form.addRow("", self.who)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Level:"), self.level)
        form.addRow(self.tr("Year:"), self.year)
        form.addRow(self.tr("Granted by:"), self.body)
        form.addRow(self.tr("Document No.:"), self.document)
        self.message = QLabel(self)
        self.message.setObjectName("proposeMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Record and propose"))
        self.ok.setObjectName("proposeOk")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.id_number.textChanged.connect(lambda _t: self._look_up())
        self.title.currentTextChanged.connect(lambda _t: self._update())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(520, 360)
        self._update()

    def _look_up(self) -> None:
        number = self.id_number.text().strip().upper()
        self._found = None
        self.who.clear()
        if self._lookup is not None and len(number) in (15, 18):
            try:
                rows = self._lookup(number)
            except Exception:  # e.g. no permission to search by number: the service decides
                rows = None
            if rows is not None:
                self._found = bool(rows)
                where = joined(x for x in (rows[0].district, rows[0].work_unit) if x) \
                    if rows else ""
                self.who.setText(self.tr("For %1 (%2).").replace("%1", rows[0].name)
                                 .replace("%2", where)
                                 if rows else self.tr("No person with this ID number is in "
                                                      "the register."))
        self._update()

    def _update(self) -> None:
        number = self.id_number.text().strip()
        self.ok.setEnabled(len(number) in (15, 18) and bool(self.title.currentText().strip())
                           and self._found is not False)

    def save(self) -> None:
        number = self.id_number.text().strip().upper()
        try:
            self._propose(number, self.title.currentText().strip(), CITY_LEVEL,
                          self.year.value(), granting_body=self.body.text().strip() or None,
                          document_number=self.document.text().strip() or None)
        except NotFound:
            self.message.setText(self.tr(
                "No person with this ID number is in the register (or the record was "
                "deleted): check the number."))
            return
        except Exception as exc:
            self.message.setText(error_words(exc))
            return
        self.accept()


class ProposalsDialog(QDialog):
    """District: the city's proposals waiting for a decision (accept / decline)."""

    def __init__(self, workspace: Workspace, service: Any, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("proposalsDialog")
        self.setWindowTitle(self.tr("Proposals from the city"))
        self._service = service
        self.proposals: list[dict[str, Any]] = []
        self.may_decide = workspace.actor.can(Perm.EDIT_PERSONS)
        intro = QLabel(self.tr(
            "The city proposes its new city-level honorees managed by this district. Accepted, a "
            "person or honor enters the register with the city's record; declined, the city "
            "reads your reason."), self)
        intro.setWordWrap(True)
        self.table = list_table(self, "proposalList", [
            self.tr("Proposal"), self.tr("Name"), self.tr("Born"), self.tr("Work unit"),
            self.tr("Honors")])
        self.table.itemSelectionChanged.connect(self._update)
        self.id_number = QLineEdit(self)
        self.id_number.setObjectName("acceptIdNumber")
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText(self.tr("ID number of a new person (typed here: "
                                                  "the city never sends it)"))
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setObjectName("acceptProposal")
        self.accept_button.clicked.connect(self.accept_selected)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("declineReason")
        self.reason.setPlaceholderText(self.tr("Reason for declining"))
        self.reason.textChanged.connect(lambda _t: self._update())
        self.decline_button = QPushButton(self.tr("Decline"), self)
        self.decline_button.setObjectName("declineProposal")
        self.decline_button.clicked.connect(self.decline_selected)
        accept_row = QHBoxLayout()
        accept_row.addWidget(self.id_number, 1)
        accept_row.addWidget(self.accept_button)
        decline_row = QHBoxLayout()
        decline_row.addWidget(self.reason, 1)
        decline_row.addWidget(self.decline_button)
        self.decide = QWidget(self)
        decide = QVBoxLayout(self.decide)
        decide.setContentsMargins(0, 0, 0, 0)
        decide.addLayout(accept_row)
        decide.addLayout(decline_row)
        self.decide.setVisible(self.may_decide)
        self.message = QLabel(self)
        self.message.setObjectName("proposalsMessage")
        self.message.setWordWrap(True)
        if not self.may_decide:
            self.message.setText(self.tr("A clerk or an administrator accepts or declines "
                                         "the proposals."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.decide)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(860, 480)
        self.load()

    def load(self) -> None:
        try:
            self.proposals = list(self._service.proposals())
        except Exception as exc:
            self.say(error_words(exc), error=True)
            return
        self.table.setRowCount(len(self.proposals))
        for r, p in enumerate(self.proposals):
            person = p.get("person") or {}
            honors = joined((str(h.get("title")) + bracketed(str(h.get("year") or ""))
                             for h in p.get("honors", [])), "、")
            kind = self.tr("New person") if p.get("kind") == "person" else self.tr("New honor")
            values = [kind, str(person.get("name") or ""),
                      str(person.get("birth_date") or "")[:4],
                      str(person.get("work_unit") or ""), honors]
            for c, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(v))
        if not self.proposals:
            self.say(self.tr("No proposals are waiting."))
        self._update()

    def selected(self) -> dict[str, Any] | None:
        row = self.table.currentRow()
        return self.proposals[row] if 0 <= row < len(self.proposals) else None

    def _update(self) -> None:
        p = self.selected()
        new_person = p is not None and p.get("kind") == "person"
        self.id_number.setEnabled(new_person)
        self.accept_button.setEnabled(p is not None)
        self.decline_button.setEnabled(p is not None and bool(self.reason.text().strip()))

    def accept_selected(self) -> None:
        p = self.selected()
        if p is None:
            return
        number = self.id_number.text().strip().upper() or None
        try:
            self._service.accept_proposal(p["id"], number if p.get("kind") == "person"
                                          else None)
        except Exception as exc:
            self.say(error_words(exc), error=True)
            return
        self.id_number.clear()
        self.load()
        self.say(self.tr("%1 accepted into the register.").replace(
            "%1", str((p.get("person") or {}).get("name") or "")))

    def decline_selected(self) -> None:
        p = self.selected()
        if p is None:
            return
        try:
            self._service.decline_proposal(p["id"], self.reason.text())
        except Exception as exc:
            self.say(error_words(exc), error=True)
            return
        self.reason.clear()
        self.load()
        self.say(self.tr("Proposal for %1 declined.").replace(
            "%1", str((p.get("person") or {}).get("name") or "")))

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
