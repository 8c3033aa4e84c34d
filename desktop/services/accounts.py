"""First set-up, log-in and user management."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import secrets
import threading
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from desktop.core import reference
from desktop.errors import (
    AppError,
    AuthenticationFailed,
    FieldProblem,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from desktop.models import District, User
from desktop.services import audit, settings
from desktop.services.permissions import SYSTEM, Actor, Perm, Role

log = logging.getLogger(__name__)

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = dt.timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
FIRST_CHANGE_WINDOW = dt.timedelta(minutes=30)
"""How long after the log-in the forced password change may rely on it."""
_NAME_RE = re.compile(r"^[\w.\-]{2,32}$")

# Parameters chosen for modest office PCs: ~50 ms a log-in, 64 MiB memory.
TEST_HASHING_VARIABLE = "LAOMO_TEST_CHEAP_HASHES"


def _make_hasher() -> PasswordHasher:
    """The production parameters, unless the test suite asks for cheap hashes (it sets
    ``LAOMO_TEST_CHEAP_HASHES=1`` for itself and the ``laomo`` processes it starts, so that
    hundreds of log-ins cost milliseconds). Verification always uses the parameters stored in
    the hash, and a cheap hash is re-hashed with the production ones at its next log-in."""
    if os.environ.get(TEST_HASHING_VARIABLE) == "1":
        return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    return PasswordHasher(time_cost=2, memory_cost=65536, parallelism=2)


_hasher = _make_hasher()
_dummy_hash: list[str] = []


def _spend_a_verification(password: str) -> None:
    """An unknown user name costs the same argon2 verification as a wrong password, so the
    time a log-in takes does not tell whether the name exists (issue 16, item 12)."""
    if not _dummy_hash:
        _dummy_hash.append(_hasher.hash("laomo-no-such-user"))
    with contextlib.suppress(VerifyMismatchError, VerificationError, InvalidHashError):
        _hasher.verify(_dummy_hash[0], password)


@dataclass(frozen=True)
class _Grant:
    """What a log-in that must be followed by a password change leaves for it: a random token
    (given to the actor), the hash it verified (a reset in between voids the grant) and until
    when. The password itself is never kept."""

    token: str
    password_hash: str
    until: dt.datetime


_grants: dict[int, _Grant] = {}  # user id -> the grant of their latest log-in
_grants_lock = threading.Lock()


def _verifies(password_hash: str, password: str) -> bool:
    try:
        return bool(_hasher.verify(password_hash, password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class UserRow:
    id: int
    name: str
    display_name: str
    role: Role
    active: bool
    locked: bool
    last_login_at: dt.datetime | None


@dataclass(frozen=True)
class AssociationInfo:
    """Who this installation is: the association, its mode and its districts."""

    name: str
    mode: str  # county | city
    city: str
    districts: tuple[str, ...]

    @property
    def title(self) -> str:
        """长兴县劳动模范协会: the name documents and headings use."""
        return self.name + settings.ASSOCIATION_SUFFIX


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and value.tzinfo is None:  # SQLite hands back naive UTC
        return value.replace(tzinfo=dt.UTC)
    return value


def _check_password(password: str, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError.single(field, "password_too_short", minimum=MIN_PASSWORD_LENGTH)
    if password.isdigit() or password.isalpha():
        raise ValidationError.single(field, "password_too_simple")


def _check_user_name(name: str) -> None:
    if not _NAME_RE.match(name):
        raise ValidationError.single("user_name", "user_name_invalid")


def is_initialised(sessions: sessionmaker[Session]) -> bool:
    with sessions.begin() as s:
        return bool(s.scalar(select(func.count()).select_from(User)))


def association_info(sessions: sessionmaker[Session]) -> AssociationInfo | None:
    with sessions.begin() as s:
        name = settings.get(s, settings.ASSOCIATION)
        if name is None:
            return None
        districts = s.scalars(
            select(District.name).where(District.deleted_at.is_(None))
            .order_by(District.sort_order)
        ).all()
        return AssociationInfo(
            name=name, mode=settings.get(s, settings.MODE), city=settings.get(s, settings.CITY),
            districts=tuple(districts),
        )


def validate_setup(
    *, association: str, admin_name: str, admin_password: str | None = None
) -> None:
    """Raise ``ValidationError`` listing every problem with the first-run answers."""
    found = reference.find_association(association)
    problems: list[FieldProblem] = []
    if found is None:
        problems.append(FieldProblem(
            "district", "unknown_district",
            {"name": association, "known": "、".join(reference.known_association_names())},
        ))
    try:
        _check_user_name(admin_name)
    except ValidationError as exc:
        problems.extend(exc.problems)
    if admin_password is not None:
        try:
            _check_password(admin_password)
        except ValidationError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ValidationError(problems)


def initialise(
    sessions: sessionmaker[Session],
    *,
    association: str,
    admin_name: str,
    admin_password: str,
    admin_display_name: str | None = None,
) -> AssociationInfo:
    """First run: set county or city mode from the association's name, load its districts and
    create the first administrator. Refused once users exist."""
    validate_setup(association=association, admin_name=admin_name, admin_password=admin_password)
    found = reference.find_association(association)
    assert found is not None
    city, district = found
    with sessions.begin() as s:
        if s.scalar(select(func.count()).select_from(User)):
            raise AppError("already_initialised", association=settings.get(s, settings.ASSOCIATION))
        existing = {d.name: d for d in s.scalars(select(District))}
        city_row = existing.get(city.name) or District(name=city.name, gbt2260=city.gbt2260,
                                                       kind="city", sort_order=0)
        s.add(city_row)
        s.flush()
        rows: dict[str, District] = {city.name: city_row}
        for order, known in enumerate(city.districts, start=1):
            row = existing.get(known.name) or District(
                name=known.name, gbt2260=known.gbt2260, kind=known.kind, sort_order=order,
                parent_id=city_row.id, origin_district_id=city_row.id,
            )
            s.add(row)
            rows[known.name] = row
        s.flush()
        home = rows[district.name] if district else city_row
        settings.put(s, settings.MODE, "county" if district else "city")
        settings.put(s, settings.ASSOCIATION, association)
        settings.put(s, settings.CITY, city.name)
        settings.put(s, "association.district_id", str(home.id))
        admin = User(
            name=admin_name, display_name=admin_display_name or admin_name, role=Role.ADMIN.value,
            password_hash=_hasher.hash(admin_password), district_id=home.id,
        )
        s.add(admin)
        s.flush()
        audit.append(s, SYSTEM, "setup.initialise", entity="association", entity_id=association,
                     detail={"mode": "county" if district else "city", "admin": admin_name})
    info = association_info(sessions)
    assert info is not None
    return info


def record_denied(sessions: sessionmaker[Session], exc: PermissionDenied, action: str) -> None:
    """A refused attempt (exit 4, a refused button) leaves an entry: who, which permission,
    which command or page, when; no row values (issue 16, item 8). Best effort: a database
    that cannot be written to does not turn a refusal into a crash."""
    user = str(exc.params.get("user") or "?")[:64]
    try:
        with sessions.begin() as s:
            audit.append(s, user, "auth.denied", detail={
                "permission": exc.permission, "role": exc.params.get("role"),
                "action": action[:64]})
    except SQLAlchemyError:
        log.warning("a refused attempt could not be recorded")


class AccountService:
    """Log-in with lock-out, and user management for administrators."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def login(self, name: str, password: str, *, now: dt.datetime | None = None) -> Actor:
        """Check the password; after ``MAX_FAILED_ATTEMPTS`` failures lock for ``LOCKOUT``.

        The failure count is committed even though the call raises: that is the point of it.
        """
        now = now or dt.datetime.now(dt.UTC)
        with self._sessions.begin() as s:
            user = s.scalar(select(User).where(User.name == name.strip()))
            if user is None or not user.active:
                _spend_a_verification(password)
                audit.append(s, name.strip()[:64] or "?", "auth.login_failed",
                             detail={"reason": "unknown_user"})
                outcome: Actor | AuthenticationFailed = AuthenticationFailed("login_failed")
            else:
                outcome = self._verify(s, user, password, now)
        if isinstance(outcome, AuthenticationFailed):
            raise outcome
        return outcome

    def _verify(
        self, s: Session, user: User, password: str, now: dt.datetime
    ) -> Actor | AuthenticationFailed:
        locked_until = _aware(user.locked_until)
        if locked_until is not None and locked_until > now:
            audit.append(s, user.name, "auth.login_locked", entity="user", entity_id=user.name)
            minutes = max(1, int((locked_until - now).total_seconds() // 60) + 1)
            return AuthenticationFailed("account_locked", minutes=minutes)
        try:
            _hasher.verify(user.password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            user.failed_attempts += 1
            detail = {"attempt": user.failed_attempts}
            if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
                user.locked_until = now + LOCKOUT
                user.failed_attempts = 0
                audit.append(s, user.name, "auth.locked", entity="user", entity_id=user.name,
                             detail=detail)
                return AuthenticationFailed("account_locked",
                                            minutes=int(LOCKOUT.total_seconds() // 60))
            audit.append(s, user.name, "auth.login_failed", entity="user",
                         entity_id=user.name, detail=detail)
            return AuthenticationFailed(
                "login_failed", remaining=MAX_FAILED_ATTEMPTS - user.failed_attempts
            )
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        user.failed_attempts = 0
        user.locked_until = None
        user.last_login_at = now
        audit.append(s, user.name, "auth.login", entity="user", entity_id=user.name)
        grant = None
        if user.must_change_password:
            grant = secrets.token_urlsafe(32)
            with _grants_lock:
                _grants[user.id] = _Grant(grant, user.password_hash, now + FIRST_CHANGE_WINDOW)
        return Actor(user.id, user.name, user.display_name, Role(user.role),
                     password_grant=grant)

    # -- administration -----------------------------------------------------------------

    def list_users(self, actor: Actor) -> list[UserRow]:
        actor.require(Perm.MANAGE_USERS)
        now = dt.datetime.now(dt.UTC)
        with self._sessions.begin() as s:
            return [
                UserRow(u.id, u.name, u.display_name, Role(u.role), u.active,
                        bool(_aware(u.locked_until) and _aware(u.locked_until) > now),  # type: ignore[operator]
                        _aware(u.last_login_at))
                for u in s.scalars(select(User).order_by(User.name))
            ]

    def create_user(
        self, actor: Actor, *, name: str, display_name: str, role: Role, password: str
    ) -> int:
        actor.require(Perm.MANAGE_USERS)
        name = name.strip()
        _check_user_name(name)
        _check_password(password)
        with self._sessions.begin() as s:
            if s.scalar(select(User.id).where(User.name == name)) is not None:
                raise ValidationError.single("user_name", "user_exists", name=name)
            user = User(name=name, display_name=display_name.strip() or name, role=role.value,
                        password_hash=_hasher.hash(password), must_change_password=True)
            s.add(user)
            s.flush()
            audit.append(s, actor, "user.create", entity="user", entity_id=name,
                         detail={"role": role.value, "display_name": user.display_name})
            return user.id

    def _admins_left(self, s: Session, excluding: int) -> int:
        return s.scalar(
            select(func.count()).select_from(User).where(
                User.role == Role.ADMIN.value, User.active.is_(True), User.id != excluding
            )
        ) or 0

    def update_user(
        self, actor: Actor, user_id: int, *, role: Role | None = None,
        active: bool | None = None, display_name: str | None = None,
    ) -> None:
        actor.require(Perm.MANAGE_USERS)
        with self._sessions.begin() as s:
            user = s.get(User, user_id)
            if user is None:
                raise NotFound("user", user_id)
            losing_admin = user.role == Role.ADMIN.value and (
                (role is not None and role != Role.ADMIN) or active is False
            )
            if losing_admin and self._admins_left(s, user.id) == 0:
                raise ValidationError.single("role", "last_admin")
            changes: dict[str, object] = {}
            if role is not None and role.value != user.role:
                changes["role"] = [user.role, role.value]
                user.role = role.value
            if active is not None and active != user.active:
                changes["active"] = [user.active, active]
                user.active = active
            if display_name is not None and display_name.strip() != user.display_name:
                changes["display_name"] = [user.display_name, display_name.strip()]
                user.display_name = display_name.strip()
            if changes:
                audit.append(s, actor, "user.update", entity="user", entity_id=user.name,
                             detail=changes)

    def reset_password(self, actor: Actor, user_id: int, new_password: str) -> None:
        actor.require(Perm.MANAGE_USERS)
        _check_password(new_password)
        with self._sessions.begin() as s:
            user = s.get(User, user_id)
            if user is None:
                raise NotFound("user", user_id)
            user.password_hash = _hasher.hash(new_password)
            user.must_change_password = True
            user.failed_attempts = 0
            user.locked_until = None
            audit.append(s, actor, "user.reset_password", entity="user", entity_id=user.name)

    def unlock(self, actor: Actor, user_id: int) -> None:
        actor.require(Perm.MANAGE_USERS)
        with self._sessions.begin() as s:
            user = s.get(User, user_id)
            if user is None:
                raise NotFound("user", user_id)
            user.failed_attempts = 0
            user.locked_until = None
            audit.append(s, actor, "user.unlock", entity="user", entity_id=user.name)

    def change_own_password(self, actor: Actor, old_password: str, new_password: str) -> None:
        _check_password(new_password, "new_password")
        with self._sessions.begin() as s:
            user = s.get(User, actor.user_id)
            if user is None:
                raise NotFound("user", actor.user_id)
            try:
                _hasher.verify(user.password_hash, old_password)
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                raise ValidationError.single("old_password", "password_wrong") from None
            user.password_hash = _hasher.hash(new_password)
            user.must_change_password = False
            audit.append(s, actor, "user.change_password", entity="user", entity_id=user.name)

    def choose_first_password(self, actor: Actor, new_password: str, *,
                              now: dt.datetime | None = None) -> None:
        """The password change forced right after the log-in (an account the administrator
        created or reset): the log-in has just verified the password, so it is not asked again;
        instead the actor carries that log-in's one-time grant, checked here (the same user,
        within ``FIRST_CHANGE_WINDOW``, the password not reset since, a change still due).
        Without a valid grant: ``AuthenticationFailed("password_grant_invalid")``, log in
        again."""
        now = now or dt.datetime.now(dt.UTC)
        _check_password(new_password, "new_password")
        with self._sessions.begin() as s:
            user = s.get(User, actor.user_id)
            with _grants_lock:
                grant = _grants.get(actor.user_id)
            if (user is None or not user.active or not user.must_change_password
                    or grant is None or actor.password_grant is None
                    or not secrets.compare_digest(grant.token, actor.password_grant)
                    or grant.password_hash != user.password_hash or grant.until < now):
                raise AuthenticationFailed("password_grant_invalid")
            if _verifies(user.password_hash, new_password):
                raise ValidationError.single("new_password", "password_unchanged")
            user.password_hash = _hasher.hash(new_password)
            user.must_change_password = False
            audit.append(s, actor, "user.change_password", entity="user", entity_id=user.name)
        with _grants_lock:
            _grants.pop(actor.user_id, None)

    def must_change_password(self, actor: Actor) -> bool:
        """The administrator set this user's password (new account or reset): the user must
        choose their own before working (issue 14, point 5)."""
        with self._sessions.begin() as s:
            user = s.get(User, actor.user_id)
            return bool(user is not None and user.must_change_password)

    def log_out(self, actor: Actor) -> None:
        """The user leaves (注销 / 切换用户): recorded, so the audit shows who worked when."""
        with _grants_lock:
            _grants.pop(actor.user_id, None)
        with self._sessions.begin() as s:
            audit.append(s, actor, "auth.logout", entity="user", entity_id=actor.name)
            audit.checkpoint(s, actor)

    def record_denied(self, exc: PermissionDenied, action: str) -> None:
        """The window's refusals (see :func:`record_denied`)."""
        record_denied(self._sessions, exc, action)

    def close(self, actor: Actor) -> None:
        """The program closes: a signed checkpoint of the log (issue 16, item 6), so what was
        written in this session cannot be cut off or rewritten unnoticed. Best effort: quitting
        never fails on it (a locked or vanished database, a key folder that cannot be read)."""
        try:
            with self._sessions.begin() as s:
                audit.checkpoint(s, actor)
        except (SQLAlchemyError, OSError, ValueError):
            log.warning("no checkpoint of the audit log at close")
