"""What every use-case service holds: the writer and reader session factories, the actor whose
permissions it checks, and the clock (a parameter so tests can move "today")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.logsetup import scrub
from desktop.services.permissions import Actor

__all__ = ["Service"]


class Service:
    """Writers use ``_sessions`` (``BEGIN IMMEDIATE`` on SQLite); readers use ``_read_sessions``
    (a plain ``BEGIN``, so that lists never queue behind a writer), the writers by default."""

    def __init__(
        self, sessions: sessionmaker[Session], actor: Actor,
        read_sessions: sessionmaker[Session] | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._sessions = sessions
        self._read_sessions = read_sessions or sessions
        self._actor = actor
        self._today = today


def constraint_name(exc: Exception) -> str:
    """What a refused write may tell the user: the driver's first line (which constraint), never
    its detail lines, which carry the row's values (issue 16, item 11)."""
    orig = getattr(exc, "orig", exc)
    return scrub(str(orig).split("\n", 1)[0])[:200]


def signing_name(login: str, shown: str) -> str:
    """A user who acted (经办人) as a document prints them: the name people know them by, or
    nothing where that is only the log-in (admin, luru: no full name was given, the account
    made with the log-in as its name). "admin" on a file is no one an official can ask;
    a blank is where the 经办人 writes or signs their name. A Chinese log-in (李明) is a name."""
    if shown == login and login.isascii():
        return ""
    return shown


def display_names(s: Session, logins: Iterable[str | None]) -> dict[str, str]:
    """Log-in name (luru) -> the name people know the user by (李录入), for the 记录人 and
    操作人 columns; a log-in whose account is gone, or has no display name, maps to itself."""
    from desktop.models import User

    wanted = {x for x in logins if x}
    found = {name: shown for name, shown in s.execute(
        select(User.name, User.display_name).where(User.name.in_(wanted))) if shown} \
        if wanted else {}
    return {x: found.get(x, x) for x in wanted}
