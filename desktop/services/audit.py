"""The append-only, hash-chained audit log.

Every write a service makes appends an entry in the *same* transaction, so the log and the data
never disagree. Each entry's hash covers the previous entry's hash, so editing, deleting or
reordering an entry breaks the chain; the head (last seq and hash) lives in ``setting`` so that
cutting off the newest entries shows too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.models import AuditEvent, Setting
from desktop.services import seal
from desktop.services.permissions import Actor, Perm

seal.install()

GENESIS = "0" * 64
HEAD_KEY = "audit.head"


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    entity: str | None
    entity_id: str | None
    detail: dict[str, Any]
    subject: str | None = None  # whom or what it was about, by name (issue 14, point 16)
    names: Mapping[str, str] = field(default_factory=dict)
    """Persons the detail names by id ({"by": "<uuid>"}), by name."""


@dataclass(frozen=True)
class ChainReport:
    entries: int
    ok: bool
    problems: tuple[str, ...]  # "seq 12: hash mismatch (edited)" … (codes + seq)


def _now_text() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(
    prev_hash: str, seq: int, at: str, actor: str, action: str,
    entity: str | None, entity_id: str | None, detail: str, row_state: str | None = None,
) -> str:
    fields: list[Any] = [seq, at, actor, action, entity, entity_id, detail]
    if row_state is not None:  # entries older than the row digests hash as they did
        fields.append(row_state)
    canonical = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def _detail_text(detail: Mapping[str, Any] | None) -> str:
    return json.dumps(dict(detail or {}), ensure_ascii=False, sort_keys=True, default=str)


def _head(s: Session) -> tuple[Setting | None, int, str]:
    # FOR UPDATE serialises writers on PostgreSQL; SQLite's BEGIN IMMEDIATE already does.
    row = s.get(Setting, HEAD_KEY, with_for_update=True)
    if row is None:
        return None, 0, GENESIS
    try:
        head = json.loads(row.value)
        return row, int(head["seq"]), str(head["hash"])
    except (ValueError, KeyError, TypeError):
        return row, -1, GENESIS  # unreadable: _tail decides where to go on


def _tail(s: Session) -> tuple[int, str]:
    """The last entry actually stored (seq 0 and the genesis hash when there is none)."""
    last = s.execute(select(AuditEvent.seq, AuditEvent.hash)
                     .order_by(AuditEvent.seq.desc()).limit(1)).first()
    return (int(last[0]), str(last[1])) if last else (0, GENESIS)


def append(
    s: Session,
    actor: Actor | str,
    action: str,
    *,
    entity: str | None = None,
    entity_id: object = None,
    detail: Mapping[str, Any] | None = None,
) -> int:
    """Append one entry inside the caller's transaction; returns its seq."""
    return append_many(s, actor, [(action, entity, entity_id, detail)])


def append_many(
    s: Session,
    actor: Actor | str,
    items: Iterable[tuple[str, str | None, object, Mapping[str, Any] | None]],
    *,
    checkpoint: bool = False,
    baseline: bool = False,
    signing_key: bytes | None = None,
) -> int:
    """Append several entries at once (bulk work such as demo data or an import batch).

    The last entry records the digests of the watched rows the transaction wrote (see
    :mod:`seal`); every :data:`seal.CHECKPOINT_EVERY` entries, or when ``checkpoint`` is
    asked for, a signed checkpoint follows; the head is sealed with the installation's key."""
    name = actor if isinstance(actor, str) else actor.name
    row, seq, prev = _head(s)
    at = _now_text()
    rows: list[dict[str, Any]] = []
    work = list(items)
    tail_seq, tail_hash = _tail(s)
    baseline = baseline or (tail_seq == 0 and seq <= 0)  # the first entry: every row so far
    state = seal.take_state(s, name, baseline=baseline)
    if state and not work:
        work = [(seal.STATE_ACTION, None, None, None)]
    state_text: str | None = None
    if work and (state or baseline):
        state_text = json.dumps({**state, **({seal.BASELINE_KEY: True} if baseline else {})},
                                sort_keys=True, separators=(",", ":"))
    if tail_seq > seq or (seq < 0):
        # The table holds entries past the head (or the head is unreadable): appending after
        # the head would collide with a stored seq, and every log-in would fail. Go on after
        # the real tail and say so in the chain itself, so `check` still reports the damage.
        work.insert(0, ("audit.head_repaired", "audit", None,
                        {"head_seq": seq if seq >= 0 else None, "tail_seq": tail_seq}))
        seq, prev = tail_seq, tail_hash
    first = seq
    for n, (action, entity, entity_id, detail) in enumerate(work, start=1):
        seq += 1
        eid = None if entity_id is None else str(entity_id)
        text = _detail_text(detail)
        row_state = state_text if n == len(work) else None  # on the last entry
        digest = entry_hash(prev, seq, at, name, action, entity, eid, text, row_state)
        rows.append(dict(seq=seq, at=at, actor=name, action=action, entity=entity,
                         entity_id=eid, detail=text, prev_hash=prev, hash=digest,
                         row_state=row_state))
        prev = digest
    if seq and (checkpoint or seq // seal.CHECKPOINT_EVERY > first // seal.CHECKPOINT_EVERY):
        signed = seal.checkpoint_detail(seq, prev, signing_key)
        if signed is not None:
            seq += 1
            text = _detail_text(signed)
            digest = entry_hash(prev, seq, at, name, seal.CHECKPOINT_ACTION, "audit", None, text)
            rows.append(dict(seq=seq, at=at, actor=name, action=seal.CHECKPOINT_ACTION,
                             entity="audit", entity_id=None, detail=text, prev_hash=prev,
                             hash=digest, row_state=None))
            seal.remember_outside(s, signed)
            prev = digest
    if rows:
        s.execute(insert(AuditEvent), rows)
        value = json.dumps(seal.head_value(seq, prev))
        if row is None:
            s.add(Setting(key=HEAD_KEY, value=value))
        else:
            row.value = value
        s.flush()
    return seq


def checkpoint(s: Session, actor: Actor | str, *, baseline: bool = False,
               signing_key: bytes | None = None) -> int:
    """A signed checkpoint of the log as it stands (at close, backup, export and check);
    ``baseline``: first record the digests of every watched row (a log older than them);
    ``signing_key``: another key than the data folder's (the handoff's key store)."""
    items = [(seal.BASELINE_ACTION, "audit", None, None)] if baseline else []
    return append_many(s, actor, items, checkpoint=True, baseline=baseline,
                       signing_key=signing_key)


def verify_chain(
    s: Session, *, progress: Callable[[int, int], None] | None = None,
    witness: seal.Witness | None = None,
) -> ChainReport:
    """Walk the whole log and say where it was edited, cut, reordered or deleted."""
    problems: list[str] = []
    prev = GENESIS
    expected_seq = 1
    count = 0
    total = s.query(AuditEvent).count()
    stmt = select(
        AuditEvent.seq, AuditEvent.at, AuditEvent.actor, AuditEvent.action, AuditEvent.entity,
        AuditEvent.entity_id, AuditEvent.detail, AuditEvent.prev_hash, AuditEvent.hash,
        AuditEvent.row_state,
    ).order_by(AuditEvent.seq).execution_options(yield_per=5000)
    for (seq, at, actor, action, entity, entity_id, detail, prev_hash, digest,
         row_state) in s.execute(stmt):
        count += 1
        if seq != expected_seq:
            problems.append(f"missing:{expected_seq}-{seq - 1}")
        if prev_hash != prev:
            problems.append(f"broken_link:{seq}")
        if entry_hash(prev_hash, seq, at, actor, action, entity, entity_id, detail,
                      row_state) != digest:
            problems.append(f"edited:{seq}")
        if witness is not None:
            witness.feed(seq, action, detail, prev_hash, digest, row_state)
        prev = digest
        expected_seq = seq + 1
        if progress is not None and count % 10000 == 0:
            progress(count, total)
        if action == "audit.head_repaired":
            problems.append(f"head_repaired:{seq}")  # the damage stays on record
    head_row = s.get(Setting, HEAD_KEY)
    if head_row is not None:
        try:
            head = json.loads(head_row.value)
            if int(head["seq"]) != expected_seq - 1 or head["hash"] != prev:
                problems.append(f"head_mismatch:{head['seq']}")
        except (ValueError, KeyError, TypeError):
            problems.append("head_unreadable")
    elif count:
        problems.append("head_missing")
    return ChainReport(entries=count, ok=not problems, problems=tuple(problems))


class AuditService:
    """Reading the log (admins)."""

    def __init__(self, sessions: sessionmaker[Session], actor: Actor) -> None:
        self._sessions = sessions
        self._actor = actor

    def recent(self, limit: int = 500, *, search: str = "") -> list[AuditEntry]:
        self._actor.require(Perm.VIEW_AUDIT)
        with self._sessions.begin() as s:
            stmt = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)
            if search:
                like = f"%{search}%"
                stmt = stmt.where(
                    AuditEvent.actor.like(like) | AuditEvent.action.like(like)
                    | AuditEvent.detail.like(like)
                )
            events = list(s.scalars(stmt))
            names = _subject_names(s, [(e.entity, e.entity_id) for e in events])
            details = [json.loads(e.detail) for e in events]
            mentioned = _subject_names(s, [("person", v) for d in details for v in d.values()
                                           if isinstance(v, str) and len(v) in (32, 36)])
            return [
                AuditEntry(e.seq, e.at, e.actor, e.action, e.entity, e.entity_id, d,
                           names.get((e.entity, e.entity_id)),
                           {v: mentioned[("person", v)] for v in d.values()
                            if isinstance(v, str) and ("person", v) in mentioned})
                for e, d in zip(events, details, strict=True)
            ]

    def verify(self) -> ChainReport:
        self._actor.require(Perm.CHECK)
        with self._sessions.begin() as s:
            return verify_chain(s)


def _subject_names(s: Session, keys: list[tuple[str | None, str | None]]
                   ) -> dict[tuple[str | None, str | None], str]:
    """The names behind the entity ids of these entries (persons, files, campaigns...), so
    that the log reads "who did what to whom" instead of UUIDs."""
    from desktop.models import (
        HardshipCase,
        Person,
        RecuperationBatch,
        RecuperationEntry,
        VisitCampaign,
    )

    tables: dict[str, tuple[Any, Any]] = {
        "person": (Person, Person.name),
        "hardship_case": (HardshipCase, HardshipCase.serial),
        "visit_campaign": (VisitCampaign, VisitCampaign.title),
        "recuperation_batch": (RecuperationBatch, RecuperationBatch.name),
        # a place on a batch (确认参加, 替换): the person who holds it
        "recuperation_entry": (RecuperationEntry, select(Person.name).where(
            Person.id == RecuperationEntry.person_id).scalar_subquery()),
    }
    out: dict[tuple[str | None, str | None], str] = {}
    for entity, (model, column) in tables.items():
        ids: dict[uuid.UUID, str] = {}
        for kind, key in keys:
            if kind == entity and key:
                try:
                    ids[uuid.UUID(key)] = key
                except ValueError:
                    continue
        wanted = list(ids)
        for start in range(0, len(wanted), 500):
            for row_id, name in s.execute(select(model.id, column).where(
                    model.id.in_(wanted[start:start + 500]))):
                out[(entity, ids[row_id])] = str(name)
    return out
