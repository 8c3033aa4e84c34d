"""Errors the application raises on purpose.

Every error carries a *code* (stable, English, machine-readable) and parameters; the words a user
reads are produced from the code by the view or the CLI in the user's language (see
``desktop.messages_catalog``). An ``AppError`` is a problem we expected and can explain; anything
else is a bug and goes to the error presenter with its traceback.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any


class AppError(Exception):
    """A problem the user can understand and act on."""

    exit_code = 1

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params: dict[str, Any] = params
        super().__init__(code, params)

    def __str__(self) -> str:
        if not self.params:
            return self.code
        inner = ", ".join(f"{k}={v!r}" for k, v in sorted(self.params.items()))
        return f"{self.code} ({inner})"


@dataclasses.dataclass(frozen=True)
class FieldProblem:
    """One problem with one field: ``field`` names it, ``code`` says what is wrong."""

    field: str
    code: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    row: int | None = None  # 1-based row as the user sees it (files), when it applies


class ValidationError(AppError):
    """Input rejected: nothing was written. Carries one or more field problems."""

    exit_code = 3

    def __init__(self, problems: list[FieldProblem] | FieldProblem, /) -> None:
        self.problems = [problems] if isinstance(problems, FieldProblem) else list(problems)
        super().__init__("validation_failed", count=len(self.problems))

    @classmethod
    def single(cls, field_name: str, code: str, **params: Any) -> ValidationError:
        return cls(FieldProblem(field_name, code, params))

    def codes(self) -> dict[str, str]:
        return {p.field: p.code for p in self.problems}


class PermissionDenied(AppError):
    """The current user may not do this (checked in services, not only hidden in views)."""

    exit_code = 4

    def __init__(self, permission: str, /, **params: Any) -> None:
        self.permission = permission
        super().__init__("permission_denied", permission=permission, **params)


class NotFound(AppError):
    """A record that was asked for does not exist (or was deleted)."""

    def __init__(self, entity: str, key: object, /) -> None:
        super().__init__("not_found", entity=entity, key=str(key))


class AuthenticationFailed(AppError):
    """Wrong user name or password, or a locked account."""

    exit_code = 4


class DatabaseProblem(AppError):
    """The database cannot be used as it is: corrupt, foreign, too new, on a network share."""
