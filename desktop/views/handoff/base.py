"""What the 报送 and 汇总 pages share: the ledger table, cards (save ours, trust theirs) and
importing a file on the worker.

Files are chosen with dialogs; the ``*_file`` methods take a path so tests (and drag and drop
later) need no dialog.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.core.texts import CHECK_KINDS, check_words, field_label
from desktop.core.vocabulary import (
    EN,
    FLAG_FIELDS,
    HANDOFF_ITEM_KINDS,
    HANDOFF_ITEM_STATES,
    HANDOFF_KINDS,
    HANDOFF_STATES,
    HANDOFF_TABLES,
    TABLES,
    ZH,
    change_value,
    label,
)
from desktop.errors import AppError
from desktop.files import write_atomically
from desktop.services.handoff.rows import HIDDEN_CHANGE
from desktop.services.handoff.service import ImportResult, LedgerRow
from desktop.services.permissions import Perm
from desktop.services.workspace import Workspace
from desktop.views.data_words import with_colon
from desktop.views.file_dialogs import HANDOFF, open_file, save_file
from desktop.views.form_widgets import set_up_list_table
from desktop.views.i18n import word
from desktop.views.messages import describe, present_error
from desktop.views.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop.views.handoff.reenrol_dialog import ReenrolDialog



def package_filter() -> str:
    """The file dialog's filter for data packages, in the UI's language."""
    return QCoreApplication.translate("HandoffFiles", "Data packages (*.lmpkg)")


ANY_FILTER = "*"
ERROR_STYLE = "color: #b00020"
STATES = HANDOFF_STATES
KINDS = HANDOFF_KINDS
TABLE_WORDS = HANDOFF_TABLES
TABLE_ORDER = tuple(TABLE_WORDS)
_ITEM_KINDS = HANDOFF_ITEM_KINDS
_ITEM_STATES = HANDOFF_ITEM_STATES
_CHECK_KINDS_EN = {"died_visited": "died on one side, visited on the other",
                   "honors_differ": "honors disagree"}


def current_quarter(today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    return f"{today.year}Q{(today.month - 1) // 3 + 1}"


def recent_quarters(today: dt.date | None = None, count: int = 4) -> list[str]:
    """The current quarter and the ones before it, newest first (the 报送 quarter list)."""
    today = today or dt.date.today()
    year, q = today.year, (today.month - 1) // 3 + 1
    out = []
    for _ in range(count):
        out.append(f"{year}Q{q}")
        year, q = (year, q - 1) if q > 1 else (year - 1, 4)
    return out


def grouped(text: str) -> str:
    """A fingerprint in groups of four (read over the phone)."""
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def _value(field: str, value: Any, lang: str = ZH) -> str:
    """A changed value as a clerk reads it: words for codes, 空 for nothing."""
    en = not lang.startswith("zh")
    if value is None or value == "" or field in TABLES or field in FLAG_FIELDS:
        return change_value(field, value, lang)
    text = str(value)
    hidden = f"（{HIDDEN_CHANGE}）"
    if en and text.endswith(hidden):  # the report stores the service's words
        return f"{text.removesuffix(hidden)} (changed in the hidden part)"
    return text


def report_text(report: dict[str, Any], lang: str = ZH) -> str:
    """The dry-run / merge report as lines a clerk reads, in ``lang`` (names, districts and
    honor titles as they are)."""
    if not lang.startswith("zh"):
        return _report_in_english(report)
    lines = [f"{report.get('district', '')} 第 {report.get('sequence', '')} 号数据包"
             f"（{report.get('quarter') or ''}）"]
    for name, c in _counts(report):
        lines.append(f"  {label(TABLE_WORDS, name)}：新增 {c['new']}，修改 {c['changed']}，"
                     f"未变 {c['unchanged']}，跳过 {c['skipped']}，移除 {c['removed']}")
    for item in report.get("items") or []:
        name = (item.get("detail") or {}).get("name", "")
        lines.append(f"  待处理：{label(_ITEM_KINDS, item['kind'])}"
                     f"（{label(_ITEM_STATES, item['status'])}）"
                     f" {name} {item.get('district') or ''} {item.get('other_district') or ''}")
    for check in report.get("checks") or []:
        lines.append(f"  待核对：{CHECK_KINDS.get(check['kind'], check['kind'])}"
                     f" {check.get('name', '')} {check_words(check)}")
    for change in (report.get("changed_persons") or [])[:50]:
        fields = "；".join(f"{field_label(k)}：{_value(k, b)} → {_value(k, a)}"
                          for k, (b, a) in change["fields"].items())
        lines.append(f"  修改：{change.get('name')} {fields}")
    return "\n".join(lines)


def _counts(report: dict[str, Any]) -> list[tuple[str, dict[str, int]]]:
    return sorted((report.get("counts") or {}).items(),
                  key=lambda kv: TABLE_ORDER.index(kv[0])
                  if kv[0] in TABLE_ORDER else len(TABLE_ORDER))


def _report_in_english(report: dict[str, Any]) -> str:
    lines = [f"{report.get('district', '')} package No. {report.get('sequence', '')}"
             f" ({report.get('quarter') or ''})"]
    for name, c in _counts(report):
        lines.append(f"  {label(TABLE_WORDS, name, EN)}: new {c['new']}, changed {c['changed']}"
                     f", unchanged {c['unchanged']}, skipped {c['skipped']}, removed "
                     f"{c['removed']}")
    for item in report.get("items") or []:
        name = (item.get("detail") or {}).get("name", "")
        lines.append(f"  Open item: {label(_ITEM_KINDS, item['kind'], EN)}"
                     f" ({label(_ITEM_STATES, item['status'], EN)})"
                     f" {name} {item.get('district') or ''} {item.get('other_district') or ''}")
    for check in report.get("checks") or []:
        d = check.get("detail") or {}
        found = (f"died {d.get('died')}, visited {d.get('visited')}"
                 if check["kind"] == "died_visited" else "; ".join(
                     f"{where} records {', '.join(titles)}" for where, titles in (
                         (check.get("district"), d.get("only_here")),
                         (check.get("other_district"), d.get("only_there"))) if titles))
        lines.append(f"  To check: {_CHECK_KINDS_EN.get(check['kind'], check['kind'])}"
                     f" {check.get('name', '')} {found}")
    for change in (report.get("changed_persons") or [])[:50]:
        fields = "; ".join(f"{field_label(k, EN)}: {_value(k, b, EN)} → {_value(k, a, EN)}"
                           for k, (b, a) in change["fields"].items())
        lines.append(f"  Changed: {change.get('name')} {fields}")
    return "\n".join(lines)


class LedgerTable(QTableWidget):
    """The sent or received ledger: one row per package, receipt or reference file."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(0, 8, parent)
        set_up_list_table(self, [
            self.tr("No."), self.tr("Kind"), self.tr("District"), self.tr("Quarter"),
            self.tr("Sequence"), self.tr("State"), self.tr("Persons"), self.tr("Open items")])
        self.rows: list[LedgerRow] = []

    def show_rows(self, rows: list[LedgerRow]) -> None:
        self.rows = rows
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            persons = row.counts.get("person")
            values = [str(row.id), word(KINDS, row.kind), row.district,
                      row.quarter or "", str(row.sequence), word(STATES, row.state),
                      str(persons) if isinstance(persons, int) else "", str(row.open_items)]
            for c, v in enumerate(values):
                self.setItem(r, c, QTableWidgetItem(v))

    def selected(self) -> LedgerRow | None:
        index = self.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None


class HandoffPageBase(QWidget):
    direction = "sent"

    def __init__(self, workspace: Workspace, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tasks = tasks
        self.keys_dir: Path | None = None  # the data folder's keys/ unless set (tests)
        self.peers: list[Any] = []
        self.status = QLabel(self)
        self.status.setObjectName("handoffStatus")
        self.status.setWordWrap(True)
        self.table = LedgerTable(self)
        self.table.setObjectName("handoffLedger")
        self.card_button = QPushButton(self.tr("Save our card…"), self)
        self.card_button.setObjectName("saveCard")
        self.card_button.clicked.connect(self._save_card)
        self.trust_button = QPushButton(self.tr("Trust a card…"), self)
        self.trust_button.setObjectName("trustCard")
        self.trust_button.clicked.connect(self._trust_card)
        self.can_trust = workspace.actor.can(Perm.MANAGE_SETTINGS)
        self.trust_button.setEnabled(self.can_trust)
        if not self.can_trust:
            self.trust_button.setToolTip(self.tr("Only an administrator trusts a card."))
        self.reenrol_button = QPushButton(self.tr("Replace a card (lost key)…"), self)
        self.reenrol_button.setObjectName("reenrolCard")
        self.reenrol_button.clicked.connect(self.reenrol)
        self.reenrol_button.setVisible(self.can_trust)
        self.cards = QHBoxLayout()
        self.cards.addWidget(self.card_button)
        self.cards.addWidget(self.trust_button)
        self.cards.addWidget(self.reenrol_button)
        self.cards.addWidget(self.status, 1)

    def service(self) -> Any:
        return self._workspace.handoff(self.keys_dir)

    def refresh(self) -> None:
        self._tasks.run(lambda _ctx: (self.service().ledger(), self.service().peers()),
                        on_success=self._show, on_error=lambda e: present_error(self, e))

    def _show(self, result: tuple[list[LedgerRow], list[Any]]) -> None:
        ledger, peers = result
        self.table.show_rows([r for r in ledger if r.direction == self.direction])
        self.peers = peers
        self.show_peers(peers)

    def show_peers(self, peers: list[Any]) -> None:
        if not peers:
            self.status.setText(self.tr("No card trusted yet."))
            return
        self.status.setText("\n".join(with_colon(p.name) + p.grouped for p in peers))

    def _save_card(self) -> None:
        path = save_file(self, self.tr("Save our card"),
                         f"{self._workspace.association.name}.lmcard", ANY_FILTER, HANDOFF)
        if path:
            self.save_card_file(Path(path))

    def save_card_file(self, path: Path) -> None:
        try:
            write_atomically(path, self.service().card())
        except Exception as exc:
            present_error(self, exc)

    def _trust_card(self) -> None:
        path = open_file(self, self.tr("Trust a card"), ANY_FILTER, HANDOFF)
        if path:
            self.trust_file(Path(path), confirm=True)

    def trust_file(self, path: Path, *, confirm: bool = False) -> None:
        try:
            data = path.read_bytes()
            card = self.service().inspect_card(data)
            if confirm:  # a card this office cannot trust is refused before the phone call
                self.service().trust(data, check_only=True)
            if confirm and QMessageBox.question(
                    self, self.tr("Trust a card"),
                    self.tr("Trust %1? Read this fingerprint over the phone with them:\n%2")
                    .replace("%1", card.name).replace("%2", card.grouped)
                    ) != QMessageBox.StandardButton.Yes:
                return
            self.service().trust(data)
        except AppError as exc:
            if exc.code != "card_key_changed":
                present_error(self, exc)
                return
            # a lost key: the administrator replaces the card (no command-line words here)
            self.status.setText(self.tr(
                "%1 is already trusted with another key (fingerprint %2). If they lost "
                "their key, use Replace a card (lost key)… and give the reason.")
                .replace("%1", str(exc.params.get("name"))).replace(
                    "%2", str(exc.params.get("old"))))
            return
        except Exception as exc:
            present_error(self, exc)
            return
        self.refresh()

    def reenrol_dialog(self) -> ReenrolDialog:
        """Re-enrolment after a lost key (administrators; the service checks)."""
        from desktop.views.handoff.reenrol_dialog import ReenrolDialog  # it uses this module

        return ReenrolDialog(self.service(), self)

    def reenrol(self) -> None:
        if self.reenrol_dialog().exec():
            self.refresh()

    def import_file(self, path: Path, gap_reason: str | None = None) -> None:
        """Check and take in a file on the worker (a package at the city; a receipt or
        reference data at a district); ``_imported`` shows the outcome. ``gap_reason``: an
        administrator accepts a package that builds on one the city never merged."""
        def job(_ctx: Any) -> ImportResult:
            result: ImportResult = self.service().import_file(path.read_bytes(),
                                                              gap_reason=gap_reason)
            return result

        def failed(exc: BaseException) -> None:
            self.last_import = path
            self._import_failed(exc, path.name)

        self._tasks.run(job, on_success=self._imported, on_error=failed,
                        label=self._checking_label(), parent=self, cancellable=False)

    def _import_failed(self, exc: BaseException, file_name: str = "") -> None:
        present_error(self, exc)

    def _checking_label(self) -> str:
        raise NotImplementedError

    def _imported(self, result: ImportResult) -> None:
        raise NotImplementedError


def file_error_words(exc: BaseException, file_name: str) -> str:
    """``error_words`` after the name of the file it is about (a clerk with several files on
    a stick sees which one was refused)."""
    said = error_words(exc)
    if not file_name:
        return said
    return QCoreApplication.translate("Handoff", "%1: %2").replace("%1", file_name).replace(
        "%2", said)


def error_words(exc: BaseException) -> str:
    """The sentence an inline error label shows (the same words as the error box)."""
    if isinstance(exc, OSError):
        return QCoreApplication.translate("Handoff", "Cannot write %1: %2").replace(
            "%1", str(exc.filename or "")).replace("%2", exc.strerror or str(exc))
    return describe(exc)
