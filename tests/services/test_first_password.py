"""The password change forced at the first log-in does not ask again for the password the
user has just typed: the log-in leaves a one-time grant on the actor, which the service checks
(same user, still due, not reset since, within the window) instead; the password itself is
kept nowhere for it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from desktop.database import Database
from desktop.errors import AuthenticationFailed, ValidationError
from desktop.models import AuditEvent, User
from desktop.services import accounts
from desktop.services.accounts import AccountService
from desktop.services.permissions import Actor, Role

FIRST = "first-pass-1"


def _clerk(db: Database, admin: Actor) -> AccountService:
    service = AccountService(db.sessions)
    service.create_user(admin, name="luru", display_name="录入员小李", role=Role.CLERK,
                        password=FIRST)
    return service


def _must_change(db: Database) -> bool:
    with db.sessions.begin() as s:
        return bool(s.scalar(select(User.must_change_password).where(User.name == "luru")))


def test_first_password_is_chosen_on_the_log_in_grant(db: Database, admin: Actor) -> None:
    service = _clerk(db, admin)
    clerk = service.login("luru", FIRST)
    assert clerk.password_grant and FIRST not in repr(clerk)
    # the same password again is refused in words, the grant still good
    with pytest.raises(ValidationError) as caught:
        service.choose_first_password(clerk, FIRST)
    assert caught.value.codes() == {"new_password": "password_unchanged"}
    with pytest.raises(ValidationError) as caught:
        service.choose_first_password(clerk, "short1")
    assert caught.value.codes() == {"new_password": "password_too_short"}
    service.choose_first_password(clerk, "luru-2026-own")
    assert not _must_change(db)
    assert service.login("luru", "luru-2026-own").password_grant is None  # no change due
    with pytest.raises(AuthenticationFailed):
        service.login("luru", FIRST)
    # the grant was used up: it cannot set another password
    with pytest.raises(AuthenticationFailed) as refused:
        service.choose_first_password(clerk, "another-pass-2")
    assert refused.value.code == "password_grant_invalid"
    with db.sessions.begin() as s:
        details = list(s.scalars(select(AuditEvent.detail).where(
            AuditEvent.action == "user.change_password")))
    assert len(details) == 1 and FIRST not in str(details) and "luru-2026" not in str(details)


def test_no_grant_without_that_log_in(db: Database, admin: Actor) -> None:
    service = _clerk(db, admin)
    clerk = service.login("luru", FIRST)
    for actor in (dataclasses.replace(clerk, password_grant=None),  # an actor made otherwise
                  dataclasses.replace(clerk, password_grant="forged-token"),
                  dataclasses.replace(clerk, user_id=admin.user_id)):  # another user's
        with pytest.raises(AuthenticationFailed):
            service.choose_first_password(actor, "luru-2026-own")
    # too late: the log-in is no proof any more
    later = dt.datetime.now(dt.UTC) + accounts.FIRST_CHANGE_WINDOW + dt.timedelta(minutes=1)
    with pytest.raises(AuthenticationFailed):
        service.choose_first_password(clerk, "luru-2026-own", now=later)
    # reset by the administrator after the log-in: that log-in proves nothing about it
    service.reset_password(admin, clerk.user_id, "temporary-pass-3")
    with pytest.raises(AuthenticationFailed):
        service.choose_first_password(clerk, "luru-2026-own")
    # logged out: the grant goes with the session
    again = service.login("luru", "temporary-pass-3")
    service.log_out(again)
    with pytest.raises(AuthenticationFailed):
        service.choose_first_password(again, "luru-2026-own")
    assert _must_change(db)
