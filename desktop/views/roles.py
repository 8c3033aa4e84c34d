"""The roles as people read them (the status bar, the users page, refusals)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.permissions import Role


def role_label(role: Role) -> str:
    labels = {
        Role.ADMIN: QCoreApplication.translate("Roles", "Administrator"),
        Role.REVIEWER: QCoreApplication.translate("Roles", "Reviewer"),
        Role.CLERK: QCoreApplication.translate("Roles", "Clerk"),
        Role.VIEWER: QCoreApplication.translate("Roles", "Viewer"),
    }
    return labels[role]
