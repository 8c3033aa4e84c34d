"""用户管理 (administrators): create users, change roles, reset passwords, unlock."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.texts import problem_text
from desktop.errors import AppError, ValidationError
from desktop.services.accounts import UserRow
from desktop.services.permissions import Role
from desktop.services.workspace import Workspace
from desktop.views.data_words import bracketed
from desktop.views.form_widgets import button_row, problem_label
from desktop.views.i18n import current_language
from desktop.views.messages import present_error
from desktop.views.password_dialog import password_rule
from desktop.views.roles import role_label


class UserDialog(QDialog):
    """A new user: name, full name, role, first password (changed at first log-in)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userDialog")
        self.setWindowTitle(self.tr("New user"))
        self.name = QLineEdit(self)
        self.name.setObjectName("userName")
        self.display = QLineEdit(self)
        self.display.setObjectName("userDisplayName")
        self.role = QComboBox(self)
        self.role.setObjectName("userRole")
        for role in (Role.CLERK, Role.REVIEWER, Role.VIEWER, Role.ADMIN):
            self.role.addItem(role_label(role), role.value)
        self.password = QLineEdit(self)
        self.password.setObjectName("userPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(password_rule())
        self.password.setMinimumWidth(self.password.fontMetrics().horizontalAdvance(
            password_rule()) + 48)
        self.note = QLabel(self.tr("Tell the user this password: at the first log-in they "
                                   "choose their own."), self)
        self.note.setObjectName("firstPasswordNote")
        self.note.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("problemLabel")
        self.problem.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("User name:"), self.name)
        form.addRow(self.tr("Full name:"), self.display)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("First password:"), self.password)
        form.addRow(self.note)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        for edit in (self.name, self.password):
            edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = bool(self.name.text().strip()) and bool(self.password.text())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class UserEditDialog(QDialog):
    """An existing user's full name and role (the log-in name stays)."""

    def __init__(self, user: UserRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userEditDialog")
        self.setWindowTitle(self.tr("Change user %1").replace("%1", user.name))
        self.display = QLineEdit(user.display_name, self)
        self.display.setObjectName("userDisplayName")
        self.display.setMinimumWidth(240)
        self.role = QComboBox(self)
        self.role.setObjectName("userRole")
        for role in (Role.CLERK, Role.REVIEWER, Role.VIEWER, Role.ADMIN):
            self.role.addItem(role_label(role), role.value)
        self.role.setCurrentIndex(self.role.findData(user.role.value))
        self.problem = problem_label(self, "problemLabel")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("User name:"), QLabel(user.name, self))
        form.addRow(self.tr("Full name:"), self.display)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.problem)
        form.addRow(self.buttons)


class ResetPasswordDialog(QDialog):
    """A new password for a user who forgot theirs, typed twice; they replace it at the next
    log-in."""

    def __init__(self, user: UserRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(self.tr("Reset the password of %1").replace("%1", user.name))
        self.password = QLineEdit(self)
        self.password.setObjectName("resetPassword1")
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("resetPassword2")
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._update)
        self.password.setPlaceholderText(password_rule())
        self.password.setMinimumWidth(self.password.fontMetrics().horizontalAdvance(
            password_rule()) + 48)
        note = QLabel(self.tr("Tell the user this password: at the first log-in they "
                              "choose their own."), self)
        note.setWordWrap(True)
        self.problem = problem_label(self, "problemLabel")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("User:"), QLabel(user.name + bracketed(user.display_name), self))
        form.addRow(self.tr("New password:"), self.password)
        form.addRow(self.tr("Repeat password:"), self.repeat)
        form.addRow(note)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self._update()

    def _update(self) -> None:
        same = self.password.text() == self.repeat.text()
        self.problem.setText("" if same or not self.repeat.text()
                             else self.tr("The two passwords differ."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.password.text()) and same)


class UsersPage(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersPage")
        self._workspace = workspace
        self._rows: list[UserRow] = []
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("State"),
            self.tr("Last log-in")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        buttons = button_row(self, (
            ("addUser", self.tr("New user…"), self._add),
            ("changeRole", self.tr("Change…"), self._change_role),
            ("resetPassword", self.tr("Reset password…"), self._reset),
            ("unlockUser", self.tr("Unlock"), self._unlock),
            ("toggleActive", self.tr("Disable / enable"), self._toggle),
        ))
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _button(self, name: str) -> QPushButton:
        button = self.findChild(QPushButton, name)
        assert button is not None
        return button

    def _update_buttons(self) -> None:
        """What the selected user allows, each button saying why when it is off (they were
        all on, and answered 请先选择一个用户 or did nothing)."""
        row = self.table.currentRow() if self.table.selectionModel().hasSelection() else -1
        user = self._rows[row] if 0 <= row < len(self._rows) else None
        choose = self.tr("Select a user in the list first.")
        for name in ("changeRole", "resetPassword", "unlockUser", "toggleActive"):
            self._button(name).setEnabled(user is not None)
            self._button(name).setToolTip(choose if user is None else "")
        toggle = self._button("toggleActive")
        if user is None:
            toggle.setText(self.tr("Disable / enable"))
            return
        unlock = self._button("unlockUser")
        unlock.setEnabled(user.locked)
        unlock.setToolTip("" if user.locked else self.tr(
            "%1 is not locked (an account is locked for a while after repeated wrong "
            "passwords).").replace("%1", user.name))
        toggle.setText(self.tr("Disable") if user.active else self.tr("Enable"))
        if user.id == self._workspace.actor.user_id and user.active:
            toggle.setEnabled(False)
            toggle.setToolTip(self.tr("You cannot disable your own account."))

    def refresh(self) -> None:
        try:
            self._rows = self._workspace.accounts().list_users(self._workspace.actor)
        except AppError as exc:
            present_error(self, exc)
            return
        self.table.setRowCount(len(self._rows))
        for r, u in enumerate(self._rows):
            state = self.tr("Locked") if u.locked else (
                self.tr("Active") if u.active else self.tr("Disabled"))
            last = (u.last_login_at.astimezone().strftime("%Y-%m-%d %H:%M")
                    if u.last_login_at else "")
            for c, text in enumerate([u.name, u.display_name, role_label(u.role), state, last]):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self._update_buttons()

    def _selected(self) -> UserRow | None:
        row = self.table.currentRow()
        if 0 <= row < len(self._rows):
            return self._rows[row]
        QMessageBox.information(self, self.tr("Users"), self.tr("Select a user first."))
        return None

    def _act(self, fn: object) -> None:
        try:
            fn()  # type: ignore[operator]
        except AppError as exc:
            present_error(self, exc)
        self.refresh()

    def _add(self) -> None:
        dialog = UserDialog(self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self._workspace.accounts().create_user(
                    self._workspace.actor, name=dialog.name.text(),
                    display_name=dialog.display.text(), role=Role(dialog.role.currentData()),
                    password=dialog.password.text())
            except ValidationError as exc:
                dialog.problem.setText("\n".join(problem_text(p, current_language())
                                                 for p in exc.problems))
                continue
            break
        self.refresh()

    def _change_role(self) -> None:
        """Full name and role (a typo in the full name stayed for good: it is what records,
        prints and the audit log show)."""
        user = self._selected()
        if user is None:
            return
        edit = UserEditDialog(user, self)
        self._until_done(edit, lambda: self._workspace.accounts().update_user(
            self._workspace.actor, user.id, role=Role(edit.role.currentData()),
            display_name=edit.display.text()))

    def _reset(self) -> None:
        """Typed twice, the rule said, a refusal shown in the dialog (one hidden entry: a typo
        locked the clerk out; a refusal closed it and said so in a box)."""
        user = self._selected()
        if user is None:
            return
        reset = ResetPasswordDialog(user, self)
        self._until_done(reset, lambda: self._workspace.accounts().reset_password(
            self._workspace.actor, user.id, reset.password.text()))

    def _until_done(self, dialog: UserEditDialog | ResetPasswordDialog,
                    act: Callable[[], object]) -> None:
        """Run ``dialog`` until ``act`` succeeds or it is cancelled: a refusal of what was
        typed stays in the dialog to be corrected; any other refusal is said in a box."""
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                act()
            except ValidationError as exc:
                dialog.problem.setText("\n".join(problem_text(p, current_language())
                                                 for p in exc.problems))
                continue
            except AppError as exc:
                present_error(self, exc)
            break
        dialog.deleteLater()
        self.refresh()

    def _unlock(self) -> None:
        user = self._selected()
        if user is not None:
            self._act(lambda: self._workspace.accounts().unlock(self._workspace.actor, user.id))

    def _toggle(self) -> None:
        user = self._selected()
        if user is not None:
            self._act(lambda: self._workspace.accounts().update_user(
                self._workspace.actor, user.id, active=not user.active))
