"""报送 (districts): the quarter's package in three steps, as a clerk does it.

1. 内容: the quarter, what the package holds (counts) and the changes since the last package
   the city acknowledged, names masked unless asked for;
2. 目标: a USB stick (the removable drives mounted now) or any folder; a warning when the
   city's card is not trusted yet, with the button that trusts it;
3. 写入: written on the worker, then the file name, size and SHA-256 to read out or compare,
   and the sent ledger below updated. A full or read-only stick is said on the page.

Receipts and reference data from the city are imported from the same page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.handoff.preview import (
    CHANGE_KINDS,
    CONTENT_TABLES,
    FileFingerprint,
    PackagePreview,
    file_fingerprint,
    mask_name,
)
from desktop.services.handoff.service import ImportResult
from desktop.services.permissions import Perm
from desktop.services.workspace import Workspace
from desktop.views.data_words import bracketed, joined, with_colon
from desktop.views.file_dialogs import HANDOFF, open_file, open_folder
from desktop.views.handoff.base import (
    ANY_FILTER,
    ERROR_STYLE,
    HandoffPageBase,
    current_quarter,
    error_words,
    file_error_words,
    grouped,
    recent_quarters,
)
from desktop.views.handoff.drives import removable_drives
from desktop.views.handoff.proposals import ProposalsDialog
from desktop.views.messages import present_error
from desktop.views.tasks import TaskRunner

QUARTER_RE = re.compile(r"^\d{4}Q[1-4]$")
CONTENT, TARGET, WRITE = range(3)


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


class ReportPage(HandoffPageBase):
    """报送: a three-step wizard inside the page, the sent ledger below it."""

    direction = "sent"

    def __init__(self, workspace: Workspace, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, tasks, parent)
        self.setObjectName("handoffReportPage")
        self.drive_lister: Callable[[], list[Path]] = removable_drives
        self.preview: PackagePreview | None = None
        self.folder: Path | None = None
        self.written: tuple[Any, FileFingerprint] | None = None
        self.step_title = QLabel(self)
        self.step_title.setObjectName("handoffStepTitle")
        self.step_title.setStyleSheet("font-weight: bold")
        self.steps = QStackedWidget(self)
        self.steps.setObjectName("handoffSteps")
        self.steps.addWidget(self._content_step())
        self.steps.addWidget(self._target_step())
        self.steps.addWidget(self._write_step())
        self.back_button = QPushButton(self.tr("< Back"), self)
        self.back_button.setObjectName("handoffBack")
        self.back_button.clicked.connect(self.back_step)
        self.next_button = QPushButton(self.tr("Next >"), self)
        self.next_button.setObjectName("handoffNext")
        self.next_button.clicked.connect(self.next_step)
        self.import_button = QPushButton(self.tr("Import receipt or reference data…"), self)
        self.import_button.setObjectName("importReceipt")
        self.import_button.clicked.connect(self._import)
        self.proposals_button = QPushButton(self.tr("Proposals from the city…"), self)
        self.proposals_button.setObjectName("proposalsButton")
        self.proposals_button.clicked.connect(self.open_proposals)
        self.import_result = QLabel(self)
        self.import_result.setObjectName("handoffImportResult")
        self.import_result.setWordWrap(True)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        nav.addWidget(self.import_result, 2)
        nav.addWidget(self.import_button)
        nav.addWidget(self.proposals_button)
        intro = QLabel(self.tr(
            "Each quarter the package goes to the city: the first one holds the whole "
            "register, later ones the changes since the last receipt. It is signed and "
            "encrypted for the city."), self)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.cards)
        layout.addWidget(self.step_title)
        layout.addWidget(self.steps)
        layout.addLayout(nav)
        layout.addWidget(QLabel(self.tr("Packages sent:"), self))
        layout.addWidget(self.table, 1)
        self.go_to(CONTENT)

    # -- step 1: what is in the package -------------------------------------------------------

    def _content_step(self) -> QWidget:
        step = QWidget(self)
        step.setObjectName("contentStep")
        self.quarter = QComboBox(step)
        self.quarter.setObjectName("handoffQuarter")
        self.quarter.setEditable(True)
        self.quarter.addItems(recent_quarters())
        self.quarter.setCurrentText(current_quarter())
        self.quarter.setMinimumWidth(100)
        self.quarter.currentTextChanged.connect(lambda _t: self._update_buttons())
        self.kind_label = QLabel(step)
        self.kind_label.setObjectName("packageKind")
        self.kind_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Quarter:"), step))
        top.addWidget(self.quarter)
        top.addWidget(self.kind_label, 1)
        words = {
            "person": self.tr("Persons"), "honor": self.tr("Honors"),
            "person_event": self.tr("Status events"),
            "hardship_case": self.tr("Hardship files"),
            "hardship_payment": self.tr("Hardship payments"), "visit": self.tr("Visits"),
            "recuperation_batch": self.tr("Recuperation batches"),
            "document_log": self.tr("Document log"), "audit": self.tr("Audit entries")}
        counts_box = QGroupBox(self.tr("In the package"), step)
        grid = QGridLayout(counts_box)
        self.count_labels: dict[str, QLabel] = {}
        for i, name in enumerate((*CONTENT_TABLES, "audit")):
            value = QLabel("–", counts_box)
            value.setObjectName(f"count_{name}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(60)
            self.count_labels[name] = value
            grid.addWidget(QLabel(with_colon(words[name]), counts_box), i // 3, (i % 3) * 3)
            grid.addWidget(value, i // 3, (i % 3) * 3 + 1)
        for column in (2, 5, 8):
            grid.setColumnMinimumWidth(column, 40)
        grid.setColumnStretch(8, 1)
        self.change_words = {
            "new": self.tr("new"), "changed": self.tr("changed"),
            "deleted": self.tr("deleted"), "died": self.tr("died"),
            "revoked": self.tr("title revoked"), "moved": self.tr("moved"),
            "lost_contact": self.tr("lost contact")}
        changes_box = QGroupBox(self.tr("Persons changed since the last acknowledged package"),
                                step)
        self.changes_label = QLabel(changes_box)
        self.changes_label.setObjectName("changeCounts")
        self.changes_label.setWordWrap(True)
        self.show_names = QCheckBox(self.tr("Show full names"), changes_box)
        self.show_names.setObjectName("showNames")
        self.show_names.setEnabled(self._workspace.actor.can(Perm.UNMASK))
        self.show_names.toggled.connect(lambda _on: self._show_names())
        self.names = QListWidget(changes_box)
        self.names.setObjectName("changedNames")
        self.names.setFlow(QListWidget.Flow.LeftToRight)
        self.names.setWrapping(True)
        self.names.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.names.setSpacing(2)
        box = QVBoxLayout(changes_box)
        row = QHBoxLayout()
        row.addWidget(self.changes_label, 1)
        row.addWidget(self.show_names)
        box.addLayout(row)
        box.addWidget(self.names)
        layout = QVBoxLayout(step)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(counts_box)
        layout.addWidget(changes_box, 1)
        return step

    def _show_preview(self, preview: PackagePreview) -> None:
        self.preview = preview
        for name, label in self.count_labels.items():
            n = preview.audit_entries if name == "audit" else preview.counts.get(name, 0)
            label.setText(str(n))
        if preview.full and preview.next_sequence > 1:
            # sent before, never acknowledged: not "the first one" (the clerk would wonder
            # where the earlier package went); say why it is whole again and what helps
            self.kind_label.setText(self.tr(
                "Package No. %1: the whole register again, because the city has not "
                "acknowledged any package yet (import its receipt first for a package of "
                "changes only).").replace("%1", str(preview.next_sequence)))
        elif preview.full:
            self.kind_label.setText(self.tr(
                "Package No. %1, the first one: the whole register.")
                .replace("%1", str(preview.next_sequence)))
        else:
            self.kind_label.setText(self.tr(
                "Package No. %1: the changes since package No. %2 (%3), which the city "
                "acknowledged.").replace("%1", str(preview.next_sequence))
                .replace("%2", str(preview.base_sequence))
                .replace("%3", preview.base_quarter or ""))
        self.changes_label.setText(joined(
            f"{self.change_words[k]} {preview.changes.get(k, 0)}" for k in CHANGE_KINDS))
        self._show_names()
        self._show_target()
        self._update_buttons()

    def _show_names(self) -> None:
        self.names.clear()
        if self.preview is None:
            return
        full = self.show_names.isChecked()
        for person in self.preview.persons:
            name = person.name if full else mask_name(person.name)
            self.names.addItem(QListWidgetItem(name + bracketed(self.change_words[person.kind])))

    # -- step 2: where it goes ----------------------------------------------------------------

    def _target_step(self) -> QWidget:
        step = QWidget(self)
        step.setObjectName("targetStep")
        self.drives = QListWidget(step)
        self.drives.setObjectName("driveList")
        self.drives.setMaximumHeight(110)
        self.drives.currentItemChanged.connect(self._drive_chosen)
        self.drives_hint = QLabel(step)
        self.drives_hint.setObjectName("drivesHint")
        self.drives_hint.setWordWrap(True)
        rescan = QPushButton(self.tr("Look again"), step)
        rescan.setObjectName("rescanDrives")
        rescan.clicked.connect(self.list_drives)
        browse = QPushButton(self.tr("Choose a folder…"), step)
        browse.setObjectName("chooseFolder")
        browse.clicked.connect(self._browse)
        buttons = QHBoxLayout()
        buttons.addWidget(rescan)
        buttons.addWidget(browse)
        buttons.addStretch(1)
        self.target_label = QLabel(step)
        self.target_label.setObjectName("targetPath")
        self.target_label.setWordWrap(True)
        self.target_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.city_label = QLabel(step)
        self.city_label.setObjectName("cityCard")
        self.city_label.setWordWrap(True)
        self.trust_warning = QLabel(step)
        self.trust_warning.setObjectName("trustWarning")
        self.trust_warning.setWordWrap(True)
        self.trust_warning.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(step)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("USB sticks and removable drives:"), step))
        layout.addWidget(self.drives)
        layout.addWidget(self.drives_hint)
        layout.addLayout(buttons)
        layout.addWidget(self.target_label)
        layout.addWidget(self.city_label)
        layout.addWidget(self.trust_warning)
        layout.addStretch(1)
        return step

    def list_drives(self) -> None:
        self.drives.clear()
        for drive in self.drive_lister():
            item = QListWidgetItem(str(drive))
            item.setData(Qt.ItemDataRole.UserRole, str(drive))
            self.drives.addItem(item)
        self.drives_hint.setText(self.tr(
            "No USB stick found: plug one in and press Look again, or choose a folder.")
            if self.drives.count() == 0 else "")

    def _drive_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.choose_folder(Path(str(item.data(Qt.ItemDataRole.UserRole))))

    def _browse(self) -> None:
        path = open_folder(self, self.tr("Choose a folder"), HANDOFF, self.folder)
        if path:
            self.choose_folder(Path(path))

    def choose_folder(self, folder: Path) -> None:
        self.folder = folder
        self._show_target()
        self._update_buttons()

    def target_path(self) -> Path | None:
        if self.folder is None:
            return None
        sequence = self.preview.next_sequence if self.preview else 1
        name = f"{self._workspace.association.name}-{self.quarter.currentText().strip()}" \
               f"-{sequence}.lmpkg"
        return self.folder / name

    def _show_target(self) -> None:
        target = self.target_path()
        self.target_label.setText(self.tr("The package will be written to: %1")
                                  .replace("%1", str(target)) if target else
                                  self.tr("Choose a USB stick or a folder."))
        if self.preview is not None and self.preview.city is None:
            self.trust_warning.setText(self.tr(
                "The city's card is not trusted yet: the package cannot be encrypted for the "
                "city. Press Trust a card… above and read the fingerprint with the city over "
                "the phone.") if self.can_trust else self.tr(
                "The city's card is not trusted yet: the package cannot be encrypted for the "
                "city. Ask an administrator to trust it (Trust a card… on this page)."))
            self.city_label.setText("")
        elif self.preview is not None:
            self.trust_warning.setText("")
            self.city_label.setText(self.tr("Encrypted for %1 (card fingerprint %2).")
                                    .replace("%1", self.preview.city or "")
                                    .replace("%2", grouped(self.preview.city_fingerprint or "")))

    # -- step 3: write ------------------------------------------------------------------------

    def _write_step(self) -> QWidget:
        step = QWidget(self)
        step.setObjectName("writeStep")
        self.write_summary = QLabel(step)
        self.write_summary.setObjectName("writeSummary")
        self.write_summary.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Write the package"), step)
        self.export_button.setObjectName("exportPackage")
        self.export_button.clicked.connect(self.write)
        self.progress = QProgressBar(step)
        self.progress.setObjectName("writeProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.write_error = QLabel(step)
        self.write_error.setObjectName("writeError")
        self.write_error.setWordWrap(True)
        self.write_error.setStyleSheet(ERROR_STYLE)
        self.result = QLabel(step)
        self.result.setObjectName("handoffResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.progress, 1)
        layout = QVBoxLayout(step)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.write_summary)
        layout.addLayout(row)
        layout.addWidget(self.write_error)
        layout.addWidget(self.result)
        layout.addStretch(1)
        return step

    def write(self) -> None:
        target = self.target_path()
        if target is not None:
            self.export_file(target)

    def export_file(self, path: Path) -> None:
        quarter = self.quarter.currentText().strip()
        self.write_error.clear()
        self.result.clear()
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("Reading the register…"))

        def job(ctx: Any) -> tuple[Any, FileFingerprint]:
            result = self.service().export(quarter, path, progress=ctx.progress)
            return result, file_fingerprint(result.path)

        self._tasks.run(job, on_success=self._exported, on_error=self._export_failed,
                        label=self.tr("Writing the package…"), parent=self, cancellable=False,
                        on_progress=self._show_progress)

    def _show_progress(self, done: int, total: int) -> None:
        """The parts written so far (one per table, the audit chain, encryption, the file)."""
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))
        if done >= total:
            text = self.tr("Written")
        elif done == total - 1:
            text = self.tr("Writing the file…")
        elif done == total - 2:
            text = self.tr("Encrypting for the city…")
        else:
            text = self.tr("%1 of %2 parts packed").replace("%1", str(done)).replace(
                "%2", str(total))
        self.progress.setFormat(text)

    def _export_failed(self, exc: BaseException) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Not written"))
        self.export_button.setEnabled(True)
        self.write_error.setText(error_words(exc))

    def _exported(self, outcome: tuple[Any, FileFingerprint]) -> None:
        result, fp = outcome
        self.written = outcome
        self.progress.setValue(self.progress.maximum())
        self.progress.setFormat(self.tr("Written"))
        self.export_button.setEnabled(True)
        self.result.setText(self.tr(
            "Package No. %1 written (%2 persons): %3\nSize: %4\nSHA-256: %5")
            .replace("%1", str(result.sequence))
            .replace("%2", str(result.counts.get("person", 0)))
            .replace("%3", str(result.path)).replace("%4", size_text(fp.size))
            .replace("%5", grouped(fp.sha256)))
        self.refresh()

    # -- moving between the steps -------------------------------------------------------------

    def go_to(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        titles = (self.tr("Step 1 of 3: what the package holds"),
                  self.tr("Step 2 of 3: where to write it"),
                  self.tr("Step 3 of 3: write"))
        self.step_title.setText(titles[step])
        if step == TARGET:
            self.list_drives()
            self._show_target()
        if step == WRITE:
            self.write_summary.setText(self.tr(
                "Quarter %1, %2 persons. File: %3").replace(
                "%1", self.quarter.currentText().strip())
                .replace("%2", str(self.preview.counts.get("person", 0)
                                   if self.preview else 0))
                .replace("%3", str(self.target_path())))
        self._update_buttons()

    def next_step(self) -> None:
        if self.steps.currentIndex() < WRITE and self.next_button.isEnabled():
            self.go_to(self.steps.currentIndex() + 1)

    def back_step(self) -> None:
        if self.steps.currentIndex() > CONTENT:
            self.go_to(self.steps.currentIndex() - 1)

    def _update_buttons(self) -> None:
        step = self.steps.currentIndex()
        quarter_ok = bool(QUARTER_RE.match(self.quarter.currentText().strip()))
        trusted = self.preview is not None and self.preview.city is not None
        ready = {CONTENT: quarter_ok and self.preview is not None,
                 TARGET: self.folder is not None and trusted, WRITE: False}
        self.next_button.setEnabled(ready[step])
        self.back_button.setEnabled(step > CONTENT)
        self.export_button.setEnabled(self.folder is not None and trusted and quarter_ok)

    # -- refresh, receipts --------------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        self._tasks.run(lambda _ctx: self._workspace.handoff_preview().preview(),
                        on_success=self._show_preview,
                        on_error=lambda e: present_error(self, e))
        self._tasks.run(lambda _ctx: self.service().proposals(),
                        on_success=self._show_proposals,
                        on_error=lambda e: present_error(self, e))

    def _show_proposals(self, pending: list[Any]) -> None:
        self.proposals_button.setText(
            self.tr("Proposals from the city (%1)…").replace("%1", str(len(pending)))
            if pending else self.tr("Proposals from the city…"))

    def proposals_dialog(self) -> ProposalsDialog:
        """The city's proposals (new 市级 honorees) waiting for this district's decision."""
        return ProposalsDialog(self._workspace, self.service(), self)

    def open_proposals(self) -> None:
        self.proposals_dialog().exec()
        self.refresh()

    def _import(self) -> None:
        path = open_file(self, self.tr("Import receipt or reference data"), ANY_FILTER,
                         HANDOFF)
        if path:
            self.import_file(Path(path))

    def _checking_label(self) -> str:
        return self.tr("Checking the file…")

    def _import_failed(self, exc: BaseException, file_name: str = "") -> None:
        self.import_result.setStyleSheet(ERROR_STYLE)
        self.import_result.setText(file_error_words(exc, file_name))

    def _imported(self, result: ImportResult) -> None:
        self.import_result.setStyleSheet("")
        if result.kind == "receipt":
            self.import_result.setText(self.tr("Receipt imported: package %1 is acknowledged.")
                                       .replace("%1", str(result.sequence)))
        else:
            self.import_result.setText(self.tr("Reference data %1 applied.")
                                       .replace("%1", str(result.sequence)))
        self.refresh()
