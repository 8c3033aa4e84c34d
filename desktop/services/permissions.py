"""Roles and what they may do. Checked here, in services; views only hide what is refused."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from desktop.errors import PermissionDenied


class Role(StrEnum):
    ADMIN = "admin"
    REVIEWER = "reviewer"
    CLERK = "clerk"
    VIEWER = "viewer"


class Perm(StrEnum):
    VIEW = "view"
    PRINT = "print"
    EDIT_PERSONS = "edit_persons"
    IMPORT_EXPORT = "import_export"
    UNMASK = "unmask"
    REVIEW = "review"
    APPROVE = "approve"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    BACKUP = "backup"
    RESTORE = "restore"
    VIEW_AUDIT = "view_audit"
    CHECK = "check"


_VIEWER = frozenset({Perm.VIEW, Perm.PRINT, Perm.CHECK})
_CLERK = _VIEWER | {Perm.EDIT_PERSONS, Perm.IMPORT_EXPORT, Perm.UNMASK}
_REVIEWER = _VIEWER | {Perm.REVIEW, Perm.APPROVE, Perm.UNMASK}
ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.VIEWER: _VIEWER,
    Role.CLERK: _CLERK,
    Role.REVIEWER: _REVIEWER,
    Role.ADMIN: frozenset(Perm),
}


@dataclass(frozen=True)
class Actor:
    """The logged-in user a service acts for."""

    user_id: int
    name: str
    display_name: str
    role: Role
    # One-time proof that the log-in which made this actor verified the password, issued only
    # to a user who must replace the password the administrator set: the forced change uses it
    # instead of asking that password again (AccountService.choose_first_password). Never the
    # password itself; not shown, not compared.
    password_grant: str | None = field(default=None, repr=False, compare=False)

    @property
    def permissions(self) -> frozenset[Perm]:
        return ROLE_PERMISSIONS[self.role]

    def can(self, perm: Perm) -> bool:
        return perm in self.permissions

    def require(self, perm: Perm) -> None:
        if perm not in self.permissions:
            raise PermissionDenied(perm.value, user=self.name, role=self.role.value)

    def can_issue(self) -> bool:
        """May issue serial-numbered documents (what ``require_issuer`` asks): for the views,
        which offer the 证书, 会员证 and 帮扶证明 buttons only to those who may use them."""
        return self.can(Perm.PRINT) and (self.can(Perm.EDIT_PERSONS) or self.can(Perm.APPROVE))

    def require_issuer(self) -> None:
        """Serial-numbered documents (证书, 会员证, 帮扶证明) enter the ledger under the
        association's seal: the people who keep the register or decide may issue them, a
        read-only viewer may not (issue 16, item 8). Printing lists stays with PRINT."""
        self.require(Perm.PRINT)
        if not self.can_issue():
            raise PermissionDenied("issue_documents", user=self.name, role=self.role.value)


SYSTEM = Actor(user_id=0, name="system", display_name="系统", role=Role.ADMIN)
"""Used for work the program does by itself (first set-up, start-up upgrade)."""
