"""Asking for a reason before something that leaves a trace (reveal, dismiss, undo a merge)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.permissions import Perm
from desktop.services.workspace import Workspace


class ReasonDialog(QDialog):
    """One line of reason; OK stays disabled until something is typed (QInputDialog cannot:
    it let an empty reason through to be refused afterwards). ``prompt`` says what the reason
    is for; the box is labelled 原因 and says it is required. Every place that asks a reason
    for something audited asks it here (the services still refuse an empty one)."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(360)
        label = QLabel(prompt, self)
        label.setObjectName("reasonPrompt")
        label.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reasonEdit")
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("Required"))
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.reason.text().strip()))

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str) -> str | None:
        dialog = cls(title, prompt, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        text = dialog.reason.text().strip()
        dialog.deleteLater()  # not kept under its parent once closed (a later one crashed)
        return (text or None) if accepted else None


def add_masked_or_full(menu: QMenu, owner: QWidget, workspace: Workspace, name: str,
                       act: Callable[[str | None], Any], *, full_text: str, title: str,
                       prompt: str) -> None:
    """The one path to a working document with full numbers (issue 14, point 9), as the CLI's
    ``--unmask --reason``: ``menu`` gets two actions, numbers masked or — for a user with the
    unmask permission — ``full_text``, which asks ``prompt`` for a reason first (the dialog
    over ``owner``'s window). ``act`` gets None (masked) or the reason; the service checks the
    permission again and audits it. Actions are named ``<name>Masked`` and ``<name>Full``."""
    masked = menu.addAction(QCoreApplication.translate("ReasonDialog", "Numbers masked"))
    masked.setObjectName(f"{name}Masked")
    full = menu.addAction(full_text)
    full.setObjectName(f"{name}Full")
    full.setVisible(workspace.actor.can(Perm.UNMASK))

    def ask_full() -> None:
        reason = ReasonDialog.ask(owner.window(), title, prompt)
        if reason is not None:
            act(reason)

    masked.triggered.connect(lambda: act(None))
    full.triggered.connect(ask_full)


def masked_or_full_menu(button: QPushButton, workspace: Workspace, name: str,
                        act: Callable[[str | None], Any], *, full_text: str, title: str,
                        prompt: str) -> QMenu:
    """``button`` opens a menu named ``<name>Menu`` of ``add_masked_or_full``'s two actions."""
    menu = QMenu(button)
    menu.setObjectName(f"{name}Menu")
    add_masked_or_full(menu, button, workspace, name, act, full_text=full_text, title=title,
                       prompt=prompt)
    button.setMenu(menu)
    return menu
