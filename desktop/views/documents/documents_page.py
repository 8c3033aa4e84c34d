"""证书登记 (document log): issued certificate and card serials, their reprints and voids; and
the administrator's document settings (fonts, seal image)."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.texts import permission_refusal, problem_text
from desktop.errors import AppError, ValidationError
from desktop.services.documents.service import DocumentLogEntry, check_seal_image
from desktop.services.permissions import Perm
from desktop.services.workspace import Workspace
from desktop.views.data_words import joined, local_minute
from desktop.views.document_preview import DocumentPreviewDialog
from desktop.views.file_dialogs import SETTINGS, open_file
from desktop.views.form_widgets import list_table, push_button
from desktop.views.i18n import current_language
from desktop.views.messages import present_error
from desktop.views.reason_dialog import ReasonDialog, masked_or_full_menu
from desktop.views.tasks import TaskRunner


def proof_of_title_button(parent: QWidget, workspace: Workspace,
                          person_id: uuid.UUID) -> QPushButton:
    """"Proof of title" with a menu: ID number masked, or in full (asks why; audited)."""
    button = QPushButton(QCoreApplication.translate("DocumentLogPage", "Proof of title"), parent)
    button.setObjectName("proofOfTitle")
    tasks = TaskRunner(button)

    def issue(reason: str | None) -> None:
        unmask = reason is not None
        why_dead = None
        if workspace.persons().get(person_id).life_status == "deceased":
            why_dead = ReasonDialog.ask(parent, QCoreApplication.translate(
                "DocumentLogPage", "Proof for a deceased person"), QCoreApplication.translate(
                "DocumentLogPage", "This person has died. What is the proof for (e.g. a family "
                "matter)? The reason is printed on the proof and kept in the log."))
            if why_dead is None:
                return
        service = workspace.documents()
        DocumentPreviewDialog.generate(
            parent, tasks,
            lambda: service.certificate(person_id, preview=True,  # masked: nothing audited yet
                                        deceased_reason=why_dead),
            issue=lambda: service.certificate(person_id, unmask=unmask, reason=reason,
                                              deceased_reason=why_dead),
            title=QCoreApplication.translate("DocumentLogPage", "Proof of title"),
            file_name="荣誉称号证明.pdf",
            label=QCoreApplication.translate("DocumentLogPage", "Preparing the proof of title…"))

    masked_or_full_menu(
        button, workspace, "proof", issue,
        full_text=QCoreApplication.translate("DocumentLogPage", "Full ID number…"),
        title=QCoreApplication.translate("DocumentLogPage", "Full ID number"),
        prompt=QCoreApplication.translate(
            "DocumentLogPage", "Why does the proof need the full ID number? The reason is "
            "kept in the document log and the audit log."))
    return button


class DocumentLogPage(QWidget):
    """The ledger, newest first; void or reprint the selected serial (each asks why)."""

    def __init__(self, workspace: Workspace, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentLogPage")
        self._ws = workspace
        self._tasks = tasks
        self._entries: list[DocumentLogEntry] = []
        self.search = QLineEdit(self)
        self.search.setObjectName("documentLogSearch")
        self.search.setPlaceholderText(self.tr("Search serial or name"))
        self.search.returnPressed.connect(self.refresh)
        self.reprint_button = push_button(self, "reprintSerial", self.tr("Reprint…"),
                                          lambda: None)  # its menu below
        # a certificate issued with the full ID number can be reprinted so, as `laomo report
        # certificate --reprint SERIAL --unmask --reason` (issue 14, point 9)
        masked_or_full_menu(
            self.reprint_button, workspace, "reprint", self._reprint_chosen,
            full_text=self.tr("With the full ID number…"),
            title=self.tr("Reprint with the full ID number"),
            prompt=self.tr("Why is the proof printed again, with the full ID number? The reason "
                           "is kept in the document log and the audit log."))
        if not workspace.actor.can_issue():  # a reprint is issued (Actor.require_issuer)
            self.reprint_button.setEnabled(False)
            self.reprint_button.setToolTip(permission_refusal(
                "issue_documents", workspace.actor.role.value, current_language()))
        self.void_button = push_button(self, "voidSerial", self.tr("Void…"), self.void)
        self.void_button.setVisible(workspace.actor.can(Perm.EDIT_PERSONS))
        self.settings_button = push_button(self, "documentSettings",
                                           self.tr("Fonts and seal…"), self.edit_settings)
        self.settings_button.setVisible(workspace.actor.can(Perm.MANAGE_SETTINGS))
        self.table = list_table(self, "documentLogTable", [
            self.tr("Serial"), self.tr("Document"), self.tr("Action"), self.tr("Person"),
            self.tr("User"), self.tr("Time"), self.tr("Reason")])
        self.table.itemSelectionChanged.connect(self._selection_changed)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for b in (self.reprint_button, self.void_button, self.settings_button):
            top.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        try:
            self._entries = self._ws.documents().log(text=self.search.text())
        except AppError as exc:
            present_error(self, exc)
            return
        kinds = {"certificate": self.tr("Proof of title"), "card": self.tr("Membership card"),
                 "hardship_proof": self.tr("Proof of assistance")}
        actions = {"issue": self.tr("Issued"), "reprint": self.tr("Reprinted"),
                   "void": self.tr("Voided")}
        self.table.setRowCount(len(self._entries))
        for r, e in enumerate(self._entries):
            serial = e.serial + ("（" + self.tr("void") + "）" if e.voided else "")
            when = local_minute(e.at)
            for c, text in enumerate((serial, kinds.get(e.kind, e.kind),
                                      actions.get(e.action, e.action), e.person_name, e.actor,
                                      when, e.reason or "")):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, e.serial)
                self.table.setItem(r, c, item)
        self._selection_changed()

    def selected(self) -> DocumentLogEntry | None:
        row = self.table.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def void(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        reason = ReasonDialog.ask(self, self.tr("Void serial"), self.tr(
            "Why is %1 void? A void serial is never printed again.").replace("%1", entry.serial))
        if reason is None:
            return
        try:
            self._ws.documents().void(entry.serial, reason)
        except AppError as exc:
            present_error(self, exc)
        self.refresh()

    def _selection_changed(self) -> None:
        """Only a certificate has an ID number to print in full (not a 帮扶证明)."""
        entry = self.selected()
        full = self.findChild(QAction, "reprintFull")
        if full is not None:
            full.setEnabled(entry is not None and entry.kind == "certificate")

    def _reprint_chosen(self, full_reason: str | None) -> None:
        self.reprint(full_reason=full_reason)

    def reprint(self, *, full_reason: str | None = None) -> None:
        """补打 the selected serial, asking why; ``full_reason`` (already asked by the menu):
        with the full ID number, checked and audited by the service."""
        entry = self.selected()
        if entry is None:
            return
        reason = full_reason or ReasonDialog.ask(self, self.tr("Reprint"), self.tr(
            "Why is %1 printed again? The reprint is marked 补打 and logged.")
            .replace("%1", entry.serial))
        if reason is None:
            return
        service = self._ws.documents()
        unmask = full_reason is not None
        DocumentPreviewDialog.generate(
            self, self._tasks, lambda: service.reprint(entry.serial, reason, unmask=unmask),
            title=(self.tr("Proof of assistance (reprint)") if entry.kind == "hardship_proof"
                   else self.tr("Proof of title (reprint)")), file_name=f"{entry.serial}.pdf",
            label=self.tr("Preparing the reprint…"), done=lambda _r: self.refresh())

    def edit_settings(self) -> None:
        DocumentSettingsDialog.edit(self._ws, self)


class DocumentSettingsDialog(QDialog):
    """Administrators: font files to use first, and the seal image (PNG/JPEG)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentSettingsDialog")
        self.setWindowTitle(self.tr("Fonts and seal for documents"))
        self._ws = workspace
        current = workspace.documents().document_settings()
        self._current = current
        self.seal: bytes | None = current.seal
        self.fonts = QPlainTextEdit(self)
        self.fonts.setObjectName("fontPaths")
        self.fonts.setPlaceholderText(self.tr(
            "One TrueType font file (.ttf/.ttc) per line; empty: found automatically"))
        self.fonts.setPlainText("\n".join(current.font_paths))
        self.fonts.setFixedHeight(80)
        add_font = push_button(self, "addFont", self.tr("Add font file…"), self._add_font)
        self.in_use = QLabel(self)
        self.in_use.setObjectName("fontsInUse")
        self.in_use.setWordWrap(True)
        self.seal_preview = QLabel(self)
        self.seal_preview.setObjectName("sealPreview")
        self.seal_preview.setFixedSize(120, 120)
        self.seal_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seal_preview.setStyleSheet("border: 1px solid #bbb;")
        choose = push_button(self, "chooseSeal", self.tr("Choose image…"), self._choose_seal)
        remove = push_button(self, "removeSeal", self.tr("Remove"), self._remove_seal)
        seal_row = QHBoxLayout()
        seal_row.addWidget(self.seal_preview)
        seal_buttons = QVBoxLayout()
        seal_buttons.addWidget(choose)
        seal_buttons.addWidget(remove)
        seal_buttons.addStretch(1)
        seal_row.addLayout(seal_buttons)
        seal_row.addStretch(1)
        self.contact = QLineEdit(self)
        self.contact.setObjectName("objectionContact")
        self.contact.setPlaceholderText(self.tr(
            "e.g. Association office, Mr Wang, 0572-6021234 (printed under every notice)"))
        self.contact.setText(workspace.settings().association_contact())
        self._contact = self.contact.text()
        self.contact_problem = QLabel(self)
        self.contact_problem.setObjectName("contactProblem")
        self.contact_problem.setStyleSheet("color: #b00020;")
        self.contact_problem.hide()
        contact_box = QVBoxLayout()
        contact_box.addWidget(self.contact)
        contact_box.addWidget(self.contact_problem)
        font_box = QVBoxLayout()
        font_box.addWidget(self.fonts)
        font_box.addWidget(add_font, 0, Qt.AlignmentFlag.AlignLeft)
        font_box.addWidget(self.in_use)
        form = QFormLayout()
        form.addRow(self.tr("Fonts"), font_box)
        form.addRow(self.tr("Seal image"), seal_row)
        form.addRow(self.tr("Objections to a notice"), contact_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._show_seal()
        self._show_fonts()
        self.resize(620, 360)

    def _show_fonts(self) -> None:
        try:
            fs = self._ws.documents().fontset()
        except AppError as exc:
            self.in_use.setText(str(exc))
            return
        self.in_use.setText(self.tr("In use: title %1, body %2").replace(
            "%1", fs.title.family).replace("%2", fs.body.family))

    def _show_seal(self) -> None:
        if self.seal is None:
            self.seal_preview.setText(self.tr("No seal"))
            self.seal_preview.setPixmap(QPixmap())
            return
        pixmap = QPixmap()
        pixmap.loadFromData(self.seal)
        self.seal_preview.setPixmap(pixmap.scaled(
            110, 110, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    def _add_font(self) -> None:
        path = open_file(self, self.tr("Font file"), self.tr("TrueType fonts (*.ttf *.ttc)"),
                         SETTINGS)
        if path:
            lines = [t for t in self.fonts.toPlainText().splitlines() if t.strip()]
            self.fonts.setPlainText("\n".join([*lines, path]))

    def _choose_seal(self) -> None:
        path = open_file(self, self.tr("Seal image"), self.tr("Images (*.png *.jpg *.jpeg)"),
                         SETTINGS)
        if path:
            self.set_seal_file(Path(path))

    def set_seal_file(self, path: Path) -> bool:
        """Load and check an image (a file that is not a PNG/JPEG is refused here)."""
        try:
            data = path.read_bytes()
            check_seal_image(data, name=path.name)
        except OSError as exc:
            present_error(self, exc)
            return False
        except AppError as exc:
            present_error(self, exc)
            return False
        self.seal = data
        self._show_seal()
        return True

    def _remove_seal(self) -> None:
        self.seal = None
        self._show_seal()

    def save(self) -> None:
        service = self._ws.documents()
        try:
            fonts = tuple(t.strip() for t in self.fonts.toPlainText().splitlines() if t.strip())
            if fonts != self._current.font_paths:
                service.set_fonts(fonts)
            if self.seal != self._current.seal:
                service.set_seal(self.seal, name="seal")
            if self.contact.text().strip() != self._contact.strip():
                self.contact.setText(
                    self._ws.settings().set_association_contact(self.contact.text()))
        except ValidationError as exc:  # beside the field, not in a message box
            self.contact_problem.setText(joined((problem_text(p, current_language())
                                                  for p in exc.problems), "；"))
            self.contact_problem.show()
            return
        except AppError as exc:
            present_error(self, exc)
            return
        self.accept()

    @classmethod
    def edit(cls, workspace: Workspace, parent: QWidget | None = None) -> bool:
        dialog = cls(workspace, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted
