"""Re-enrolment after a lost key (an administrator's action): the city registers a district's
new card in place of the old one, or a district trusts its city's new card.

The dialog shows the old and the new fingerprint in groups of four, asks for the reason and
for the new fingerprint to be read over the phone; the service revokes the old key and records
the replacement with its reason in the audit log.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.views.file_dialogs import HANDOFF, open_file
from desktop.views.handoff.base import ANY_FILTER, ERROR_STYLE, error_words


class ReenrolDialog(QDialog):
    """Replace a trusted card whose owner lost the key."""

    def __init__(self, service: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reenrolDialog")
        self.setWindowTitle(self.tr("Replace a card (lost key)"))
        self._service = service
        self._data: bytes | None = None
        intro = QLabel(self.tr(
            "When an office lost its key (a new computer, a failed disk), it makes a new card. "
            "Load the new card, read the new fingerprint with them over the phone and give "
            "the reason: the old key is revoked and packages signed with it are refused from "
            "now on."), self)
        intro.setWordWrap(True)
        choose = QPushButton(self.tr("Load the new card…"), self)
        choose.setObjectName("loadNewCard")
        choose.clicked.connect(self._choose)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.name = QLabel(self)
        self.name.setObjectName("reenrolName")
        self.old = QLabel(self)
        self.old.setObjectName("oldFingerprint")
        self.old.setFont(mono)
        self.new = QLabel(self)
        self.new.setObjectName("newFingerprint")
        self.new.setFont(mono)
        self.new.setStyleSheet("font-weight: bold")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reenrolReason")
        self.reason.setPlaceholderText(self.tr("e.g. the computer of 长兴县 was replaced, "
                                               "the key was lost"))
        self.reason.textChanged.connect(lambda _t: self._update())
        self.confirmed = QCheckBox(self.tr("I read the new fingerprint with them over the "
                                           "phone: it is the same"), self)
        self.confirmed.setObjectName("reenrolConfirmed")
        self.confirmed.toggled.connect(lambda _on: self._update())
        form = QFormLayout()
        form.addRow(self.tr("Office:"), self.name)
        form.addRow(self.tr("Old fingerprint (revoked):"), self.old)
        form.addRow(self.tr("New fingerprint:"), self.new)
        form.addRow(self.tr("Reason:"), self.reason)
        self.message = QLabel(self)
        self.message.setObjectName("reenrolMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("reenrolOk")
        self.ok.setText(self.tr("Revoke the old key and trust the new card"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(choose)
        layout.addLayout(form)
        layout.addWidget(self.confirmed)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 380)
        self._update()

    def _choose(self) -> None:
        path = open_file(self, self.tr("Load the new card"), ANY_FILTER, HANDOFF)
        if path:
            self.load_card(Path(path))

    def load_card(self, path: Path) -> None:
        """Read and check the new card; say on the dialog why it cannot replace a card."""
        self._data = None
        self.name.clear()
        self.old.clear()
        self.new.clear()
        self.confirmed.setChecked(False)
        try:
            data = path.read_bytes()
            card = self._service.inspect_card(data)
        except OSError as exc:
            self.message.setText(self.tr("Cannot read %1: %2").replace("%1", str(path))
                                 .replace("%2", exc.strerror or str(exc)))
            self._update()
            return
        except Exception as exc:
            self.message.setText(error_words(exc))
            self._update()
            return
        self.name.setText(card.name)
        self.new.setText(card.grouped)
        current = {p.name: p for p in self._service.peers()}.get(card.name)
        if current is None:
            self.message.setText(self.tr("%1 has no card trusted yet: use Trust a card… "
                                         "instead.").replace("%1", card.name))
        elif current.fingerprint == card.fingerprint:
            self.old.setText(current.grouped)
            self.message.setText(self.tr("This card is the one already trusted: nothing to "
                                         "replace."))
        else:
            self.old.setText(current.grouped)
            self.message.clear()
            self._data = data
        self._update()

    def _update(self) -> None:
        self.confirmed.setEnabled(self._data is not None)
        self.ok.setEnabled(self._data is not None and bool(self.reason.text().strip())
                           and self.confirmed.isChecked())

    def save(self) -> None:
        if self._data is None or not self.ok.isEnabled():
            return
        try:
            self._service.trust(self._data, replace_reason=self.reason.text().strip())
        except Exception as exc:
            self.message.setText(error_words(exc))
            return
        self.accept()
