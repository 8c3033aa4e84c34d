"""First set-up, log-in with lock-out, roles and user management, on every backend."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.database import Database
from desktop.errors import AppError, AuthenticationFailed, PermissionDenied, ValidationError
from desktop.models import AuditEvent, District, Setting, User
from desktop.services import accounts, settings
from desktop.services.accounts import AccountService
from desktop.services.maintenance import MaintenanceService
from desktop.services.permissions import Actor, Role
from tests.conftest import ADMIN_PASSWORD, initialise

HUZHOU_DISTRICTS = (
    "湖州市", "市本级", "吴兴区", "南浔区", "德清县", "长兴县", "安吉县", "南太湖新区",
)
CLERK_PASSWORD = "clerk-pass-1"
RunLaomo = Callable[..., subprocess.CompletedProcess[str]]


def add_user(db: Database, admin: Actor, name: str, role: Role,
             password: str = CLERK_PASSWORD) -> Actor:
    AccountService(db.sessions).create_user(admin, name=name, display_name=name, role=role,
                                            password=password)
    return AccountService(db.sessions).login(name, password)


def user_row(db: Database, name: str) -> User:
    with db.sessions.begin() as s:
        user = s.scalar(select(User).where(User.name == name))
        assert user is not None
        s.expunge(user)
        return user


def audit_log(db: Database) -> list[AuditEvent]:
    with db.sessions.begin() as s:
        entries = list(s.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
        s.expunge_all()
        return entries


def count(db: Database, model: type) -> int:
    with db.sessions.begin() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


# -- first set-up --------------------------------------------------------------------------------


def test_initialise_county_mode(db: Database) -> None:
    info = accounts.initialise(db.sessions, association="长兴县", admin_name="admin",
                               admin_password=ADMIN_PASSWORD)
    assert (info.name, info.mode, info.city) == ("长兴县", "county", "湖州市")
    assert info.districts == HUZHOU_DISTRICTS
    with db.sessions.begin() as s:
        home = s.scalar(select(District).where(District.name == "长兴县"))
        assert home is not None and home.gbt2260 == "330522"
        assert settings.get(s, "association.district_id") == str(home.id)
        admin = s.scalar(select(User))
        assert admin is not None
        assert (admin.name, admin.role, admin.district_id) == ("admin", "admin", home.id)
    assert accounts.association_info(db.sessions) == info


def test_initialise_city_mode(db: Database) -> None:
    initialise(db, "湖州市")
    info = accounts.association_info(db.sessions)
    assert info is not None
    assert (info.name, info.mode, info.city) == ("湖州市", "city", "湖州市")
    assert info.districts == HUZHOU_DISTRICTS
    with db.sessions.begin() as s:
        city = s.scalar(select(District).where(District.name == "湖州市"))
        assert city is not None and city.kind == "city"
        assert settings.get(s, "association.district_id") == str(city.id)
        children = s.scalars(select(District.name).where(District.parent_id == city.id)).all()
        assert set(children) == set(HUZHOU_DISTRICTS[1:])


def test_initialise_unknown_district_writes_nothing(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        accounts.initialise(db.sessions, association="北京市", admin_name="admin",
                            admin_password=ADMIN_PASSWORD)
    assert caught.value.codes() == {"district": "unknown_district"}
    assert caught.value.exit_code == 3
    assert count(db, User) == count(db, District) == count(db, Setting) == 0
    assert count(db, AuditEvent) == 0
    assert not accounts.is_initialised(db.sessions)


def test_initialise_twice_is_refused(db: Database, admin: Actor) -> None:
    with pytest.raises(AppError) as caught:
        accounts.initialise(db.sessions, association="湖州市", admin_name="other",
                            admin_password="another-pass-1")
    assert caught.value.code == "already_initialised"
    assert caught.value.params["association"] == "长兴县"
    assert [u.name for u in AccountService(db.sessions).list_users(admin)] == ["admin"]
    assert accounts.association_info(db.sessions).mode == "county"  # type: ignore[union-attr]


# -- log-in and lock-out ---------------------------------------------------------------------------


def test_login(db: Database, admin: Actor) -> None:
    actor = AccountService(db.sessions).login("admin", ADMIN_PASSWORD)
    assert (actor.name, actor.display_name, actor.role) == ("admin", "管理员", Role.ADMIN)
    assert user_row(db, "admin").last_login_at is not None


def test_wrong_password_says_how_many_attempts_remain(db: Database, admin: Actor) -> None:
    service = AccountService(db.sessions)
    for remaining in (4, 3):
        with pytest.raises(AuthenticationFailed) as caught:
            service.login("admin", "wrong-password")
        assert caught.value.code == "login_failed"
        assert caught.value.params["remaining"] == remaining
        assert caught.value.exit_code == 4
    assert user_row(db, "admin").failed_attempts == 2
    service.login("admin", ADMIN_PASSWORD)
    assert user_row(db, "admin").failed_attempts == 0


def test_unknown_user_fails_like_a_wrong_password(db: Database, admin: Actor) -> None:
    with pytest.raises(AuthenticationFailed) as caught:
        AccountService(db.sessions).login("nobody", ADMIN_PASSWORD)
    assert caught.value.code == "login_failed"


def lock_out(db: Database, name: str) -> AuthenticationFailed:
    service = AccountService(db.sessions)
    for _ in range(accounts.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthenticationFailed):
            service.login(name, "wrong-password")
    with pytest.raises(AuthenticationFailed) as caught:
        service.login(name, "wrong-password")
    return caught.value


def test_five_failures_lock_the_account_until_it_expires(db: Database, admin: Actor) -> None:
    add_user(db, admin, "clerk1", Role.CLERK)
    locked = lock_out(db, "clerk1")
    assert locked.code == "account_locked"
    assert locked.params["minutes"] == 15

    # The right password does not help, also for a fresh service (the lock is in the database).
    with pytest.raises(AuthenticationFailed) as caught:
        AccountService(db.sessions).login("clerk1", CLERK_PASSWORD)
    assert caught.value.code == "account_locked"
    assert user_row(db, "clerk1").locked_until is not None

    later = dt.datetime.now(dt.UTC) + accounts.LOCKOUT + dt.timedelta(minutes=1)
    actor = AccountService(db.sessions).login("clerk1", CLERK_PASSWORD, now=later)
    assert actor.name == "clerk1"
    assert user_row(db, "clerk1").locked_until is None


def test_admin_unlocks_a_locked_account(db: Database, admin: Actor) -> None:
    add_user(db, admin, "clerk1", Role.CLERK)
    assert lock_out(db, "clerk1").code == "account_locked"
    service = AccountService(db.sessions)
    [row] = [u for u in service.list_users(admin) if u.name == "clerk1"]
    assert row.locked

    service.unlock(admin, row.id)

    assert service.login("clerk1", CLERK_PASSWORD).name == "clerk1"
    assert not next(u for u in service.list_users(admin) if u.name == "clerk1").locked


# -- roles and administration --------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.CLERK, Role.VIEWER])
def test_non_admins_may_not_manage_users_or_back_up(
    db: Database, admin: Actor, role: Role, tmp_path: Path
) -> None:
    actor = add_user(db, admin, "someone", role)
    service = AccountService(db.sessions)
    users_before = count(db, User)

    with pytest.raises(PermissionDenied) as caught:
        service.create_user(actor, name="sneaky", display_name="sneaky", role=Role.ADMIN,
                            password="sneaky-pass-1")
    assert caught.value.permission == "manage_users"
    with pytest.raises(PermissionDenied):
        service.list_users(actor)
    with pytest.raises(PermissionDenied) as caught:
        MaintenanceService(db, actor).backup(tmp_path / "backup.zip", passphrase=None)
    assert caught.value.permission == "backup"
    assert caught.value.exit_code == 4

    assert count(db, User) == users_before
    assert not (tmp_path / "backup.zip").exists()


def test_the_last_admin_stays(db: Database, admin: Actor) -> None:
    service = AccountService(db.sessions)
    for change in ({"role": Role.CLERK}, {"active": False}):
        with pytest.raises(ValidationError) as caught:
            service.update_user(admin, admin.user_id, **change)  # type: ignore[arg-type]
        assert caught.value.codes() == {"role": "last_admin"}
    assert (user_row(db, "admin").role, user_row(db, "admin").active) == ("admin", True)

    # With a second administrator the first may step down.
    add_user(db, admin, "admin2", Role.ADMIN)
    service.update_user(admin, admin.user_id, role=Role.REVIEWER)
    assert user_row(db, "admin").role == "reviewer"


def test_reset_password_forces_a_change(db: Database, admin: Actor) -> None:
    clerk = add_user(db, admin, "clerk1", Role.CLERK)
    service = AccountService(db.sessions)
    service.change_own_password(clerk, CLERK_PASSWORD, "my-own-pass-2")
    assert user_row(db, "clerk1").must_change_password is False

    service.reset_password(admin, clerk.user_id, "temporary-pass-3")

    assert user_row(db, "clerk1").must_change_password is True
    with pytest.raises(AuthenticationFailed):
        service.login("clerk1", "my-own-pass-2")
    assert service.login("clerk1", "temporary-pass-3").name == "clerk1"


def test_change_own_password_checks_the_old_one(db: Database, admin: Actor) -> None:
    clerk = add_user(db, admin, "clerk1", Role.CLERK)
    service = AccountService(db.sessions)
    hash_before = user_row(db, "clerk1").password_hash

    with pytest.raises(ValidationError) as caught:
        service.change_own_password(clerk, "not-my-password", "new-pass-44")
    assert caught.value.codes() == {"old_password": "password_wrong"}
    assert user_row(db, "clerk1").password_hash == hash_before

    with pytest.raises(ValidationError) as caught:
        service.change_own_password(clerk, CLERK_PASSWORD, "short1")
    assert caught.value.codes() == {"new_password": "password_too_short"}

    service.change_own_password(clerk, CLERK_PASSWORD, "new-pass-44")
    assert service.login("clerk1", "new-pass-44").name == "clerk1"
    with pytest.raises(AuthenticationFailed):
        service.login("clerk1", CLERK_PASSWORD)


# -- secrets and the audit trail -----------------------------------------------------------------


def test_passwords_are_never_stored_or_logged(
    db: Database, admin: Actor, run_laomo: RunLaomo, _isolated_home: Path
) -> None:
    secret, wrong, reset = "Geheim-Pa55-劳模", "Falsch-Pa55-劳模", "Reset-Pa55-劳模"
    clerk = add_user(db, admin, "clerk1", Role.CLERK, password=secret)
    service = AccountService(db.sessions)
    with pytest.raises(AuthenticationFailed):
        service.login("clerk1", wrong)
    service.reset_password(admin, clerk.user_id, reset)
    service.change_own_password(clerk, reset, secret)
    # The real command writes the log file; once refused, once let in.
    assert run_laomo("--db", db.url, "--user", "clerk1", "check", password=wrong).returncode == 4
    done = run_laomo("--db", db.url, "--user", "clerk1", "check", password=secret)
    assert done.returncode == 0, done.stderr

    logs = [p for p in (_isolated_home / "logs").iterdir() if p.is_file()]
    log_text = "".join(p.read_text(encoding="utf-8") for p in logs)
    assert "login_failed" in log_text  # the log was written, so its silence means something
    with db.sessions.begin() as s:
        audit_text = json.dumps([
            [e.actor, e.action, e.entity, e.entity_id, e.detail]
            for e in s.scalars(select(AuditEvent))
        ], ensure_ascii=False)
        setting_text = json.dumps([[r.key, r.value] for r in s.scalars(select(Setting))],
                                  ensure_ascii=False)
        hashes = list(s.scalars(select(User.password_hash)))
    assert "auth.login_failed" in audit_text
    for password in (secret, wrong, reset, ADMIN_PASSWORD):
        assert password not in log_text
        assert password not in audit_text
        assert password not in setting_text
        assert all(password not in h for h in hashes)
    assert len(hashes) == 2 and all(h.startswith("$argon2id$") for h in hashes)


def new_entries(db: Database, since: int) -> list[tuple[str, str, str | None, dict[str, object]]]:
    """The entries after ``since``, without the row digests and checkpoints (tests/services/
    test_tamper.py covers those)."""
    return [(e.actor, e.action, e.entity_id,
             {k: v for k, v in json.loads(e.detail).items() if not k.startswith("_")})
            for e in audit_log(db) if e.seq > since and not e.action.startswith("audit.")]


def test_every_write_is_audited(db: Database, admin: Actor) -> None:
    service = AccountService(db.sessions)
    head = audit_log(db)[-1].seq

    service.create_user(admin, name="clerk1", display_name="小王", role=Role.CLERK,
                        password=CLERK_PASSWORD)
    assert new_entries(db, head) == [
        ("admin", "user.create", "clerk1", {"role": "clerk", "display_name": "小王"})
    ]
    head = audit_log(db)[-1].seq

    with pytest.raises(AuthenticationFailed):
        service.login("clerk1", "wrong-password")
    assert new_entries(db, head) == [("clerk1", "auth.login_failed", "clerk1", {"attempt": 1})]

    with pytest.raises(AuthenticationFailed):
        service.login("ghost", "wrong-password")
    assert new_entries(db, head + 1) == [
        ("ghost", "auth.login_failed", None, {"reason": "unknown_user"})
    ]
    head = audit_log(db)[-1].seq

    for _ in range(accounts.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthenticationFailed):
            service.login("clerk1", "wrong-password")
    actions = [a for _, a, _, _ in new_entries(db, head)]
    assert actions == ["auth.login_failed"] * 3 + ["auth.locked"]
    head = audit_log(db)[-1].seq

    with pytest.raises(AuthenticationFailed):
        service.login("clerk1", CLERK_PASSWORD)
    assert [a for _, a, _, _ in new_entries(db, head)] == ["auth.login_locked"]
    head = audit_log(db)[-1].seq

    clerk_id = user_row(db, "clerk1").id
    service.unlock(admin, clerk_id)
    service.update_user(admin, clerk_id, role=Role.VIEWER)
    service.reset_password(admin, clerk_id, "another-pass-9")
    assert [(a, e) for _, a, e, _ in new_entries(db, head)] == [
        ("user.unlock", "clerk1"), ("user.update", "clerk1"), ("user.reset_password", "clerk1"),
    ]
    assert new_entries(db, head)[1][3] == {"role": ["clerk", "viewer"]}


def test_production_hashes_use_the_office_parameters(monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite's cheap hashes never leak into the program: without the test variable the
    hasher has the production cost, and a cheap hash is re-hashed at the next log-in."""
    from argon2 import PasswordHasher
    from argon2.low_level import Type

    monkeypatch.delenv(accounts.TEST_HASHING_VARIABLE, raising=False)
    hasher = accounts._make_hasher()
    assert (hasher.time_cost, hasher.memory_cost, hasher.parallelism) == (2, 65536, 2)
    assert hasher.type is Type.ID
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash("secret123")
    assert hasher.check_needs_rehash(cheap)
