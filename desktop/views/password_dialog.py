"""Changing one's own password: from the Settings menu, and forced at the first log-in after an
administrator created the account or reset its password (issue 14, point 5)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import AppError
from desktop.services.accounts import MIN_PASSWORD_LENGTH
from desktop.views.form_widgets import problem_label
from desktop.views.messages import describe

Change = Callable[[str, str], None]  # (current password, new password)


def password_rule() -> str:
    """The whole rule the accounts service checks, said before anyone types: "at least 8"
    alone sent clerks into 密码不能全是数字或全是字母 after their first try."""
    return QCoreApplication.translate(
        "PasswordRule", "at least %n characters, not only digits or only letters", "",
        MIN_PASSWORD_LENGTH)


class ChangePasswordDialog(QDialog):
    """Current password, new password twice; the problem shows inline, the dialog stays."""

    def __init__(self, change: Change, *, user: str, forced: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change my password"))
        self._change = change
        intro = QLabel(self)
        intro.setObjectName("passwordIntro")
        intro.setWordWrap(True)
        if forced:
            intro.setText(self.tr(
                "%1, your password was set by the administrator. Choose your own password "
                "before you start (%2).").replace("%1", user).replace("%2", password_rule()))
        else:
            intro.setText(self.tr("Password of %1 (%2).").replace("%1", user)
                          .replace("%2", password_rule()))
        self.old = self._edit("oldPassword")
        self.new = self._edit("newPassword")
        self.repeat = self._edit("repeatPassword")
        self.problem = problem_label(self, "passwordProblem")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Change the password"))
        if forced:
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
                self.tr("Log out"))
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Current password:"), self.old)
        form.addRow(self.tr("New password:"), self.new)
        form.addRow(self.tr("New password again:"), self.repeat)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for edit in (self.old, self.new, self.repeat):
            edit.textChanged.connect(self._update)
        self._update()
        self.setMinimumWidth(380)

    def _edit(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _update(self) -> None:
        filled = bool(self.old.text()) and bool(self.new.text()) and bool(self.repeat.text())
        same = self.new.text() == self.repeat.text()
        self.problem.setText("" if same or not self.repeat.text()
                             else self.tr("The two new passwords differ."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(filled and same)

    def _try(self) -> None:
        if self.new.text() == self.old.text():
            self.problem.setText(self.tr("The new password must differ from the current one."))
            return
        try:
            self._change(self.old.text(), self.new.text())
        except AppError as exc:
            self.problem.setText(describe(exc))
            return
        self.accept()

    @classmethod
    def ask(cls, change: Change, *, user: str, forced: bool = False,
            parent: QWidget | None = None) -> bool:
        dialog = cls(change, user=user, forced=forced, parent=parent)
        return dialog.exec() == QDialog.DialogCode.Accepted
