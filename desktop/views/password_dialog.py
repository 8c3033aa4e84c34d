"""Changing one's own password: from the Settings menu, and forced at the first log-in after an
administrator created the account or reset its password (issue 14, point 5)."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

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
FirstChange = Callable[[str], None]  # (new password): the log-in has just verified the current


def password_rule() -> str:
    """The whole rule the accounts service checks, said before anyone types: "at least 8"
    alone sent clerks into 密码不能全是数字或全是字母 after their first try."""
    return QCoreApplication.translate(
        "PasswordRule", "at least %n characters, not only digits or only letters", "",
        MIN_PASSWORD_LENGTH)


class ChangePasswordDialog(QDialog):
    """Current password, new password twice; the problem shows inline, the dialog stays.

    ``forced``: right after a log-in with the password the administrator set; ``change`` is
    then a ``FirstChange`` and the current password is not asked again (the user has just
    typed it to log in: the service relies on that log-in's one-time grant instead)."""

    def __init__(self, change: Change | FirstChange, *, user: str, forced: bool = False,
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
        self.old: QLineEdit | None = None if forced else self._edit("oldPassword")
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
        if self.old is not None:
            form.addRow(self.tr("Current password:"), self.old)
        form.addRow(self.tr("New password:"), self.new)
        form.addRow(self.tr("New password again:"), self.repeat)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for edit in self._edits():
            edit.textChanged.connect(self._update)
        self._update()
        self.setMinimumWidth(380)

    def _edit(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _edits(self) -> list[QLineEdit]:
        return [e for e in (self.old, self.new, self.repeat) if e is not None]

    def _update(self) -> None:
        filled = all(e.text() for e in self._edits())
        same = self.new.text() == self.repeat.text()
        self.problem.setText("" if same or not self.repeat.text()
                             else self.tr("The two new passwords differ."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(filled and same)

    def _try(self) -> None:
        if self.old is not None and self.new.text() == self.old.text():
            self.problem.setText(self.tr("The new password must differ from the current one."))
            return
        try:
            if self.old is None:  # forced: the service says if it is the current one
                cast(FirstChange, self._change)(self.new.text())
            else:
                cast(Change, self._change)(self.old.text(), self.new.text())
        except AppError as exc:
            self.problem.setText(describe(exc))
            return
        self.accept()

    @classmethod
    def ask(cls, change: Change | FirstChange, *, user: str, forced: bool = False,
            parent: QWidget | None = None) -> bool:
        dialog = cls(change, user=user, forced=forced, parent=parent)
        done = dialog.exec() == QDialog.DialogCode.Accepted
        for edit in dialog._edits():  # no password left in a closed window's fields
            edit.clear()
        dialog.deleteLater()
        return done
