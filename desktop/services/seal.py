"""Tamper evidence beyond the hash chain (issue 16, item 6).

The chain alone is an unkeyed SHA-256: whoever can write the database can rewrite it end to
end. Three things make a rewrite show, all verified by ``laomo check``:

1. **The sealed head.** Every append seals the head (seq, hash) with an HMAC keyed by this
   installation's signing key, which lives in the data folder, not in the database file. A
   forged entry at the end, a cut tail with a "fixed" head, a re-hashed history: the head no
   longer carries a seal the key reproduces.
2. **Signed checkpoints.** Every :data:`CHECKPOINT_EVERY` entries and at close, backup,
   handoff export and check, an ``audit.checkpoint`` entry signs (Ed25519) the entry before
   it; the latest checkpoint is also copied to ``<data folder>/audit/<database>.json``. A
   history rewritten before a checkpoint breaks its signature; a log cut below the copy, or
   emptied, no longer holds the entry the copy names.
3. **Row state.** Every audited write records, in its entry's ``row_state``, a short
   digest of the relevant fields of each person, honor, hardship file, payment and user row
   the transaction wrote. ``check`` recomputes the digests of the current rows and compares,
   so an edit made past the program (a name, an ID number, a soft delete, a file set to
   approved, a viewer made admin) is reported. Digests are keyed by the row's UUID and cover
   several fields together; no field is recorded in the clear.

The rows a transaction writes are collected by session events (ORM flushes and bulk
statements), so services need not list them; a transaction that wrote watched rows after its
last entry gets an ``audit.state`` entry at commit.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Integer,
    String,
    Table,
    Uuid,
    event,
    select,
    type_coerce,
)
from sqlalchemy.orm import ORMExecuteState, Session, attributes
from sqlalchemy.sql.elements import BinaryExpression, BindParameter
from sqlalchemy.sql.operators import eq, in_op
from sqlalchemy.sql.sqltypes import NullType

from desktop.models import Base

CHECKPOINT_EVERY = 1000
CHECKPOINT_ACTION = "audit.checkpoint"
STATE_ACTION = "audit.state"
BASELINE_ACTION = "audit.state_baseline"
BASELINE_KEY = "_baseline"
_TOUCHED = "laomo.seal.touched"
_OUTSIDE = "laomo.seal.outside"
_KNOWN = "laomo.seal.known"
_ACTOR = "laomo.seal.actor"

# What a direct edit must not change unnoticed; derived columns (search keys, in_hardship,
# treatment_level, highest_honor) and bookkeeping (timestamps, log-in counters) are left out,
# so the services' own derived writes never need an entry of their own. The tombstone's
# timestamp comes last (see _digest).
WATCHED: dict[str, tuple[str, ...]] = {
    "person": (
        "name", "id_number", "id_legacy15", "sex", "birth_date", "district_id", "life_status",
        "death_date", "is_revoked", "is_emigrated", "is_lost_contact", "under_investigation",
        "treatment_override", "work_unit", "mobile", "address", "merged_into_id",
        "origin_district_id", "deleted_at",
    ),
    "honor": ("person_id", "title", "level", "year", "revoked_date", "deleted_at"),
    "hardship_case": (
        "person_id", "district_id", "serial", "status", "category", "person_income",
        "other_income", "fixed_costs", "household_size", "per_capita", "bank_account",
        "verified_by", "decided_by", "decided_on", "deleted_at",
    ),
    "hardship_payment": (
        "case_id", "person_id", "kind", "amount", "paid_on", "year", "bank_account",
        "override_by", "deleted_at",
    ),
    "user": ("name", "role", "active", "password_hash", "district_id"),
}


# -- digests ------------------------------------------------------------------------------------

def row_key(value: Any) -> str:
    """The row's id as text: a UUID's 32 hex digits (however it was given), an integer's
    digits."""
    if type(value) is str and len(value) == 32:  # the common case first (the merge's ids)
        return value.lower()
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if len(text) == 32:
        return text.lower()  # SQLite's own form
    try:
        return uuid.UUID(text).hex
    except ValueError:
        return text


def _id_value(table: Table, key: str) -> Any:
    return int(key) if table.name == "user" else uuid.UUID(key)


def _digest(table: str, values: tuple[Any, ...]) -> str:
    """The driver's values as Python writes them (``repr``): the same engine reads them the
    same way at the write and at the check, and it is five times faster than normalising.
    Only a timestamp (the tombstone's) is put in UTC first: PostgreSQL hands it over in each
    client's time zone."""
    if values[-1] is not None and isinstance(values[-1], dt.datetime):
        values = (*values[:-1], values[-1].astimezone(dt.UTC).isoformat())
    text = table + repr(values)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def digests(s: Session, name: str, keys: Iterable[str] | None = None) -> dict[str, str]:
    """Current digests of table ``name`` (all rows, or the rows with these keys)."""
    table = _table(name)
    names = ", ".join(f'"{c}"' for c in ("id", *WATCHED[name]))
    if keys is None:
        # the whole table: straight from the driver's cursor (the same values type_coerce
        # passes through), without SQLAlchemy's row objects
        return _driver_digests(s, name, f'SELECT {names} FROM "{name}"', [()])
    if s.get_bind().dialect.name == "sqlite":
        # SQLite stores a UUID as its 32 hex digits, the row key itself: the same driver
        # path, without building UUIDs and SQLAlchemy rows (a merge of 20,000 persons spent
        # a sixth of its time here)
        wanted_keys = [int(k) if table.name == "user" else k for k in keys]
        parts = [wanted_keys[i:i + 500] for i in range(0, len(wanted_keys), 500)]
        return _driver_digests(s, name, lambda n: f'SELECT {names} FROM "{name}" WHERE "id" '
                               f'IN ({", ".join("?" * n)})', parts)
    # the driver's own values: SQLAlchemy's per-row conversion of UUIDs and SQLite's date text
    # was three quarters of the time on 250,000 rows; write and check read them the same way
    cols = [type_coerce(table.c.id, NullType()),
            *(type_coerce(table.c[c], NullType()) for c in WATCHED[name])]
    out: dict[str, str] = {}
    wanted = [_id_value(table, k) for k in keys]
    for start in range(0, len(wanted), 500):
        for row in s.execute(select(*cols).where(table.c.id.in_(wanted[start:start + 500]))):
            out[row_key(row[0])] = _digest(name, tuple(row))
    return out


def _driver_digests(s: Session, name: str, sql: Any, params: list[Any]) -> dict[str, str]:
    """Digests of the rows the statement returns for each parameter list, read from the
    driver's cursor; ``sql`` is the statement or a function of the list's length."""
    out: dict[str, str] = {}
    cursor = s.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        for part in params:
            cursor.execute(sql(len(part)) if callable(sql) else sql, part)
            while batch := cursor.fetchmany(20000):
                for row in batch:
                    out[row_key(row[0])] = _digest(name, tuple(row))
    finally:
        cursor.close()
    return out


def full_state(s: Session) -> dict[str, dict[str, str | None]]:
    return {name: dict(digests(s, name)) for name in WATCHED}


# -- which rows a transaction wrote -------------------------------------------------------------

def _touched(session: Session) -> dict[str, set[str]]:
    found: dict[str, set[str]] = session.info.setdefault(_TOUCHED, {})
    return found


def _touch(session: Session, name: str, keys: Iterable[str]) -> None:
    """Rows to digest from the table at the entry; a digest computed when one of them was
    written (``note_inserted``) no longer holds after this later write."""
    found = _touched(session).setdefault(name, set())
    known = session.info.get(_KNOWN, {}).get(name)
    if not known:
        found.update(keys)
        return
    for key in keys:
        found.add(key)
        known.pop(key, None)


def _after_flush(session: Session, _context: Any) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        name = getattr(obj, "__tablename__", None)
        if name not in WATCHED:
            continue
        if obj in session.dirty and not any(
                attributes.get_history(obj, c).has_changes() for c in WATCHED[name]):
            continue  # a log-in's counters, a derived column: nothing watched changed
        key = getattr(obj, "id", None)
        if key is not None:
            _touch(session, name, (row_key(key),))


def note_written(s: Session, table_name: str, ids: Iterable[Any]) -> None:
    """Rows a service wrote straight to the driver (no event sees them): recorded as this
    transaction's, so its audit entry holds their digests (the handoff merge's and the
    import's fast paths)."""
    if table_name in WATCHED:
        _touch(s, table_name, (row_key(i) for i in ids if i is not None))


# SQLite keeps a bound value as it is when its column's affinity has nothing to convert: text
# in a text column, an integer in an integer or numeric one, ISO date text (never a number) in a
# date column. Only then is a row's digest the same computed from what was bound as read back.
_KEPT_AS_BOUND: tuple[tuple[type, type], ...] = (
    (String, str), (Uuid, str), (Date, str), (DateTime, str), (Boolean, int), (Integer, int),
)


def note_inserted(s: Session, table: Table, columns: dict[str, Sequence[Any]]) -> None:
    """Rows a service inserted straight to the SQLite driver, given column by column as they
    were bound (after the columns' bind processors; ``id`` among them): their digests come from
    those values, as reading the rows back would give them (a 50,000-row import read 130,000
    rows back for this), provided SQLite stores every watched value as bound; else, and for a
    watched column left to a server default, the rows are read at the entry (``note_written``).
    A later write to one of them in the transaction reads it again."""
    name = table.name
    if name not in WATCHED or s.get_bind().dialect.name != "sqlite":
        note_written(s, name, columns["id"])
        return
    ids = columns["id"]
    values: list[Sequence[Any]] = [ids]
    for c in WATCHED[name]:
        column = table.c[c]
        given = columns.get(c)
        if given is None:
            if column.server_default is not None:
                note_written(s, name, ids)
                return
            given = [None] * len(ids)
        kind = next((v for t, v in _KEPT_AS_BOUND if isinstance(column.type, t)), None)
        if kind is None or any(v is not None and type(v) is not kind for v in given):
            note_written(s, name, ids)
            return
        values.append(given)
    known = s.info.setdefault(_KNOWN, {}).setdefault(name, {})
    touched = _touched(s).get(name)
    for row in zip(*values, strict=True):
        key = row_key(row[0])
        known[key] = _digest(name, row)
        if touched:
            touched.discard(key)


def _bound(param: Any, params: list[dict[str, Any]]) -> list[Any] | None:
    if not isinstance(param, BindParameter):
        return None
    if params and param.key in params[0]:
        return [p[param.key] for p in params]
    value = param.value if param.callable is None else param.callable()
    if value is None:
        return None
    return list(value) if param.expanding else [value]


def _ids_in_where(table: Table, where: Any, params: list[dict[str, Any]]) -> list[Any] | None:
    """The ids an UPDATE/DELETE names as ``id = …`` or ``id IN (…)``; None when it says
    otherwise (then the rows are looked up first)."""
    if isinstance(where, BinaryExpression) and where.operator in (eq, in_op):
        left, right = where.left, where.right
        if getattr(left, "table", None) is table and getattr(left, "name", None) == "id":
            return _bound(right, params)
    return None


def _on_execute(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", None)
    if name not in WATCHED or not isinstance(table, Table):
        return
    raw: Any = state.parameters
    params: list[dict[str, Any]] = [raw] if isinstance(raw, dict) else list(raw or [])
    stmt: Any = state.statement
    ids: list[Any] | None
    if state.is_insert:
        if not params:
            params = [dict(stmt.compile().params)]
        ids = [p.get("id") for p in params]
    else:
        ids = _ids_in_where(table, stmt.whereclause, params)
        if ids is None:  # the rows the statement will reach, looked up before it runs
            query = select(table.c.id)
            if stmt.whereclause is not None:
                query = query.where(stmt.whereclause)
            ids = [i for p in (params or [{}])
                   for i in state.session.execute(query, p).scalars()]
    _touch(state.session, name, (row_key(i) for i in ids if i is not None))


def _clear(session: Session) -> None:
    session.info.pop(_TOUCHED, None)
    session.info.pop(_KNOWN, None)
    session.info.pop(_ACTOR, None)


def _before_commit(session: Session) -> None:
    """Rows written after the transaction's last entry: one more entry records them."""
    from desktop.services import audit

    if session.new or session.dirty or session.deleted:
        session.flush()
    if any(session.info.get(_TOUCHED, {}).values()) or any(
            session.info.get(_KNOWN, {}).values()):
        audit.append(session, session.info.get(_ACTOR) or "system", STATE_ACTION)


def _after_commit(session: Session) -> None:
    outside = session.info.pop(_OUTSIDE, None)
    _clear(session)
    if outside is not None:
        write_outside(*outside)


def _after_rollback(session: Session) -> None:
    session.info.pop(_OUTSIDE, None)
    _clear(session)


_installed = False


def install() -> None:
    """Listen on every session (once per process)."""
    global _installed
    if _installed:
        return
    event.listen(Session, "after_flush", _after_flush)
    event.listen(Session, "do_orm_execute", _on_execute)
    event.listen(Session, "before_commit", _before_commit)
    event.listen(Session, "after_commit", _after_commit)
    event.listen(Session, "after_soft_rollback", lambda s, _t: _after_rollback(s))
    _installed = True


def take_state(s: Session, actor: str, *, baseline: bool = False
               ) -> dict[str, dict[str, str | None]]:
    """The digests of the rows this transaction wrote (flushing first), and forget them;
    ``baseline``: of every watched row."""
    s.info[_ACTOR] = actor
    s.flush()
    touched = s.info.pop(_TOUCHED, None) or {}
    known: dict[str, dict[str, str]] = s.info.pop(_KNOWN, None) or {}
    if baseline:
        return full_state(s)
    out: dict[str, dict[str, str | None]] = {}
    for name in sorted(set(touched) | set(known)):
        keys = touched.get(name, set())
        ready = known.get(name, {})
        if not keys and not ready:
            continue
        read = digests(s, name, keys) if keys else {}
        out[name] = {k: ready[k] if k in ready else read.get(k)
                     for k in sorted(keys | ready.keys())}
    return out


# -- keys: the head's seal and the signed checkpoints ------------------------------------------

@dataclass(frozen=True)
class Keys:
    kid: str
    mac_key: bytes
    private: bytes


_KEYS: dict[str, Keys] = {}


def own_keys(*, create: bool = True) -> Keys | None:
    """This installation's key material (from the data folder), read once per process and
    data folder: the log-in pays a dictionary look-up, not a file read."""
    import os

    from desktop.paths import keys_dir
    from desktop.services.keystore import SIGNING_FILE, KeyStore

    home = os.environ.get("LAOMO_HOME", "")
    cached = _KEYS.get(home)
    if cached is not None:
        return cached
    folder = keys_dir()
    if not create and not (folder / SIGNING_FILE).exists():
        return None
    try:
        raw = KeyStore(folder).signing_private()
    except (OSError, ValueError):
        return None
    keys = Keys(kid=hashlib.sha256(b"laomo-kid/1" + raw).hexdigest()[:16],
                mac_key=hashlib.sha256(b"laomo-audit-head/1" + raw).digest(), private=raw)
    _KEYS[home] = keys
    return keys


def head_value(seq: int, digest: str) -> dict[str, Any]:
    value: dict[str, Any] = {"seq": seq, "hash": digest}
    keys = own_keys()
    if keys is not None:
        value["kid"] = keys.kid
        value["mac"] = hmac.new(keys.mac_key, f"{seq}|{digest}".encode(), "sha256").hexdigest()
    return value


def head_mac_ok(value: dict[str, Any], keys: Keys) -> bool:
    expected = hmac.new(keys.mac_key, f"{value.get('seq')}|{value.get('hash')}".encode(),
                        "sha256").hexdigest()
    return hmac.compare_digest(expected, str(value.get("mac", "")))


def _message(seq: int, digest: str) -> bytes:
    return f"laomo-audit-checkpoint/1|{seq}|{digest}".encode()


def checkpoint_detail(seq: int, digest: str, private_raw: bytes | None = None
                      ) -> dict[str, Any] | None:
    """A signed statement "entry ``seq`` has hash ``digest``", or None without a key."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    if private_raw is None:
        keys = own_keys()
        if keys is None:
            return None
        private_raw = keys.private
    private = Ed25519PrivateKey.from_private_bytes(private_raw)
    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return {"seq": seq, "hash": digest, "key": base64.b64encode(public).decode(),
            "sig": base64.b64encode(private.sign(_message(seq, digest))).decode()}


def signature_ok(detail: dict[str, Any]) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(detail["key"]))
        public.verify(base64.b64decode(detail["sig"]),
                      _message(int(detail["seq"]), str(detail["hash"])))
        return True
    except (InvalidSignature, KeyError, ValueError, TypeError):
        return False


def own_public() -> str | None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    keys = own_keys(create=False)
    if keys is None:
        return None
    public = Ed25519PrivateKey.from_private_bytes(keys.private).public_key().public_bytes(
        Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(public).decode()


# -- the copy outside the database file ---------------------------------------------------------

def database_name(s: Session) -> str:
    bind: Any = s.get_bind()
    url = bind.url if hasattr(bind, "url") else bind.engine.url
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        where = str(Path(str(url.database)).resolve())
    else:
        where = url.render_as_string(hide_password=True)
    return hashlib.sha256(where.encode("utf-8")).hexdigest()[:20]


def outside_path(name: str) -> Path:
    from desktop.paths import user_data_dir

    return user_data_dir() / "audit" / f"{name}.json"


def remember_outside(s: Session, checkpoint: dict[str, Any]) -> None:
    """Copy this checkpoint to the data folder once the transaction commits."""
    s.info[_OUTSIDE] = (database_name(s), checkpoint)


def write_outside(name: str, checkpoint: dict[str, Any]) -> None:
    from desktop.files import write_atomically

    path = outside_path(name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(checkpoint, sort_keys=True).encode("utf-8"))
    except (OSError, ValueError):
        # the database's own checkpoint stands; the next one tries again
        return


def read_outside(s: Session) -> dict[str, Any] | None:
    path = outside_path(database_name(s))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


# -- what check reads while it walks the chain --------------------------------------------------

@dataclass
class Witness:
    """Fed every entry by :func:`audit.verify_chain`; gathers checkpoints and row states."""

    own_key: str | None
    outside: dict[str, Any] | None
    problems: list[str] = field(default_factory=list)
    state: dict[str, dict[str, str | None]] = field(default_factory=dict)
    baseline: bool = False
    sealed_era: bool = False
    checkpoints: int = 0
    foreign_checkpoints: int = 0
    outside_found: bool = False

    def feed(self, seq: int, action: str, detail: str, prev_hash: str, digest: str,
             row_state: str | None) -> None:
        if self.outside is not None and seq == self.outside.get("seq"):
            self.outside_found = digest == self.outside.get("hash")
        if action == CHECKPOINT_ACTION:
            self.sealed_era = True
            self._checkpoint(seq, detail, prev_hash)
        if row_state:
            try:
                states = json.loads(row_state)
            except ValueError:
                return
            if not isinstance(states, dict):
                return
            if states.get(BASELINE_KEY):
                self.baseline = self.sealed_era = True
                self.state = {}
            for name, rows in states.items():
                if isinstance(rows, dict):
                    self.state.setdefault(name, {}).update(rows)

    def _checkpoint(self, seq: int, detail: str, prev_hash: str) -> None:
        try:
            data = json.loads(detail)
        except ValueError:
            data = None
        if not isinstance(data, dict) or not signature_ok(data):
            self.problems.append(f"checkpoint_forged:{seq}")
            return
        if int(data["seq"]) != seq - 1 or data["hash"] != prev_hash:
            self.problems.append(f"checkpoint_mismatch:{seq}")
            return
        if self.own_key is not None and data["key"] != self.own_key:
            self.foreign_checkpoints += 1
        self.checkpoints += 1

    def finish(self, count: int) -> None:
        out = self.outside
        if out is None:
            return
        if not signature_ok(out) or (self.own_key is not None and out.get("key") != self.own_key):
            self.problems.append("outside_copy_forged")
        elif not self.outside_found:
            # the entry the copy outside the database names is gone or different: the log was
            # cut, emptied or rewritten below the last checkpoint
            self.problems.append(f"outside_checkpoint_missing:{out.get('seq')}/{count}")


def reconcile(s: Session, recorded: dict[str, dict[str, str | None]], baseline: bool
              ) -> tuple[list[str], int]:
    """Compare the current rows with the digests their last entries recorded: (problems,
    rows compared)."""
    problems: list[str] = []
    compared = 0
    for name in WATCHED:
        now = digests(s, name)
        then = recorded.get(name, {})
        compared += len(now)
        changed = [k for k, d in now.items() if k in then and then[k] != d]
        unrecorded = [k for k in now if k not in then] if baseline else []
        gone = [k for k, d in then.items() if d is not None and k not in now]
        for code, keys in (("changed", changed), ("unrecorded", unrecorded), ("gone", gone)):
            if keys:
                problems.append(f"{name}.{code}:{len(keys)} ({', '.join(sorted(keys)[:3])})")
    return problems, compared
