"""The log-in dialog shown at every start."""

from __future__ import annotations

from collections.abc import Callable

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
from desktop.services.permissions import Actor
from desktop.views.messages import describe

Login = Callable[[str, str], Actor]
NOTICE_STYLE = "color: #1b5e20; background: #e8f5e9; padding: 6px"


class LoginDialog(QDialog):
    """Asks for user name and password; the problem shows inline, the dialog stays open."""

    def __init__(self, login: Login | None, *, association: str, database: str,
                 last_user: str = "", notice: str | None = None,
                 parent: QWidget | None = None) -> None:
        """``notice``: what just happened to the database (a restored backup), shown on top.
        ``last_user`` is offered (the cursor in the password field) at a start; after 注销 /
        切换用户 it is empty, so that the next person types their own name, not a password
        against the previous user's (a failed log-in counted for them, a lock-out risk)."""
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Log in"))  # the platform adds " — 劳模之家"
        self._login = login
        self._pending = False  # 登录 pressed while the database was still opening
        self.actor: Actor | None = None
        heading = QLabel(f"<h2>{association}劳动模范协会</h2>", self)
        heading.setObjectName("loginHeading")
        where = QLabel(self.tr("Database: %1").replace("%1", database), self)
        where.setObjectName("databaseLabel")
        where.setWordWrap(True)
        where.setStyleSheet("color: #555")
        self.user = QLineEdit(last_user, self)
        self.user.setObjectName("userEdit")
        self.password = QLineEdit(self)
        self.password.setObjectName("passwordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(self)
        self.problem.setObjectName("problemLabel")
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        self.notice = QLabel(notice or "", self)
        self.notice.setObjectName("loginNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setVisible(bool(notice))
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(where)
        layout.addWidget(self.buttons)
        for edit in (self.user, self.password):
            edit.textChanged.connect(self._update)
        self._waiting_text = self.tr("Opening the database…")
        self._pending_text = self.tr(
            "Opening the database… You will be logged in as soon as it is open.")
        if login is None:
            self.problem.setText(self._waiting_text)
        self._update()
        (self.password if last_user else self.user).setFocus()
        self.setMinimumWidth(380)

    def set_login(self, login: Login) -> None:
        """The database is open: logging in is possible now (at once if 登录 was pressed)."""
        self._login = login
        if self.problem.text() in (self._waiting_text, self._pending_text):
            self.problem.clear()
        self._update()
        if self._pending:
            self._pending = False
            if self.user.text().strip() and self.password.text():
                self._try()

    def _update(self) -> None:
        # enabled while the database opens too: Enter / 登录 then waits for it (not lost)
        ok = bool(self.user.text().strip()) and bool(self.password.text())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _try(self) -> None:
        if self._login is None:
            self._pending = True
            self.problem.setText(self._pending_text)
            return
        try:
            self.actor = self._login(self.user.text().strip(), self.password.text())
        except AppError as exc:
            self.problem.setText(describe(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.password.clear()  # verified: not kept in the dialog (the window keeps the actor)
        self.accept()
