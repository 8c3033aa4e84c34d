"""What every use-case service holds: the writer and reader session factories, the actor whose
permissions it checks, and the clock (a parameter so tests can move "today")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

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
