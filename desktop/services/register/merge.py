"""Merging a duplicate person into the record that is kept, and undoing such a merge.

Functions here run inside the caller's transaction (``DuplicatesService`` opens it and checks the
permission). A merge writes a 'merge' person event on the kept person whose ``details`` hold
everything an undo needs: the kept person's values before the merge, the honors and events that
moved (with the row version they had right after), the honors dropped as identical and the row
version the kept person had right after the merge. The undo refuses when any of that moved on
since, because it could then not restore both records exactly without losing the later change.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.core import reference
from desktop.core.masking import mask_id, mask_phone
from desktop.core.reference import LIFE_ALIVE
from desktop.core.vocabulary import LIFE_STATUS, zh
from desktop.errors import AppError, NotFound, ValidationError
from desktop.models import District, Honor, Person, PersonEvent
from desktop.services import audit, ownership
from desktop.services.permissions import Actor
from desktop.services.register.store import refresh_derived

__all__ = ["FIELD_LABELS", "merge", "undo"]

_PERSON = cast(Table, Person.__table__)

# Chinese labels for the conflict note (the note is data, read by clerks: always Chinese).
FIELD_LABELS: dict[str, str] = {
    "name": "姓名", "id_number": "身份证号码", "id_legacy15": "15位旧身份证号", "sex": "性别",
    "birth_date": "出生日期", "ethnicity": "民族", "political_status": "政治面貌",
    "party_join_date": "入党时间", "education": "学历", "degree": "学位",
    "native_place": "籍贯", "marital_status": "婚姻状况", "work_start_date": "参加工作时间",
    "work_unit": "工作单位", "position": "职务", "unit_type": "单位类型", "industry": "行业",
    "professional_title": "职称", "technical_grade": "技术等级",
    "employment_status": "就业情况", "phone": "联系电话", "mobile": "手机",
    "address": "通讯地址", "postcode": "邮编", "hukou_type": "户口类别",
    "hukou_region": "户口所在地", "health_status": "健康状况", "health_notes": "疾病说明",
    "disability_type": "残疾类别", "disability_grade": "残疾等级", "insurance": "参保情况",
    "monthly_income": "本人月收入", "household_size": "家庭人口", "spouse_name": "配偶姓名",
    "spouse_birth_date": "配偶出生日期", "spouse_income": "配偶月收入",
    "spouse_health": "配偶健康状况", "is_farmer_model": "农民劳模", "district_id": "管理区县",
    "life_status": "生存状态", "death_date": "去世日期",
    "is_emigrated": "移居国(境)外", "is_lost_contact": "失联",
    "under_investigation": "正在调查", "in_hardship": "困难劳模",
    "treatment_override": "待遇级别(人工认定)", "treatment_override_reason": "人工认定理由",
    "notes": "备注",
}
_CODE_TABLES = {
    "sex": "sex_GB_T_2261_1", "ethnicity": "ethnicity_GB_3304",
    "political_status": "political_GB_T_4762", "education": "education_GB_T_4658_2006_top",
    "marital_status": "marital_GB_T_2261_2_2003",
}
# Columns the merge fills or notes, in table order; the rest are bookkeeping or derived.
MERGED_COLUMNS: tuple[str, ...] = tuple(c.name for c in _PERSON.columns if c.name in FIELD_LABELS)
# Columns an undo may put back on the kept person (everything but identity and versioning).
_RESTORABLE = tuple(
    c.name for c in _PERSON.columns
    if c.name not in {"id", "created_at", "updated_at", "row_version", "origin_district_id"}
)
_DUPLICATE_RETIREMENT = ("merged_into_id", "deleted_at", "deleted_by", "delete_reason")



def _is_empty(column: str, value: object) -> bool:
    """Whether the kept person's value may be filled: nothing, blank, or a default."""
    if value is None:
        return True
    if isinstance(value, str) and not value.strip():
        return True
    if isinstance(value, bool):
        return value is False  # a flag nobody set; True on the other record is information
    if column == "sex":
        return value in ("0", "9")  # 未知的性别 / 未说明的性别
    if column == "life_status":
        return value == LIFE_ALIVE  # a death recorded on either record holds for the person
    return False


def _same(a: object, b: object) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return a.strip() == b.strip()
    return a == b


def _display(s: Session, column: str, value: object) -> str:
    """A value as a clerk reads it in the conflict note (ID number and phones masked)."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if column == "district_id" and isinstance(value, uuid.UUID):
        district = s.get(District, value)
        return district.name if district is not None else str(value)
    if column == "id_number":
        return mask_id(str(value))
    if column in ("phone", "mobile"):
        return mask_phone(str(value))
    if column == "life_status":
        return zh(LIFE_STATUS, str(value))
    if column in _CODE_TABLES:
        return reference.code_table(_CODE_TABLES[column]).get(str(value), str(value))
    return " ".join(str(value).split())  # one line, whatever the notes field held


def _encode(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date | Decimal | uuid.UUID):
        return str(value)
    return value


def _decode(column: str, value: object) -> object:
    if value is None:
        return None
    kind = _PERSON.c[column].type.python_type
    if kind is dt.datetime:
        return dt.datetime.fromisoformat(str(value))
    if kind is dt.date:
        return dt.date.fromisoformat(str(value))
    if kind is Decimal:
        return Decimal(str(value))
    if kind is uuid.UUID:
        return uuid.UUID(str(value))
    return value


def _snapshot(p: Person) -> dict[str, object]:
    return {c: getattr(p, c) for c in _RESTORABLE}


def _live_person(s: Session, pid: uuid.UUID) -> Person:
    person = s.get(Person, pid, with_for_update=True)
    if person is None:
        raise NotFound("person", pid)
    if person.merged_into_id is not None:
        raise AppError("person_already_merged", name=person.name)
    if person.deleted_at is not None:
        raise NotFound("person", pid)
    ownership.require_editable(s, person, person.name)
    return person


def _require_reason(reason: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise ValidationError.single("reason", "merge_reason_required")
    return text[:500]


def _honor_key(h: Honor) -> tuple[str, int | None]:
    return (" ".join(h.title.split()), h.year)


def _honor_label(h: Honor) -> str:
    return f"{h.title}({h.year})" if h.year else h.title


def _fill_fields(s: Session, keep: Person, dup: Person) -> tuple[list[str], list[str], list[str]]:
    """Fill the kept person's empty fields from the duplicate; (filled, conflicts, note lines)."""
    filled: list[str] = []
    conflicts: list[str] = []
    lines: list[str] = []
    for column in MERGED_COLUMNS:
        mine, theirs = getattr(keep, column), getattr(dup, column)
        if _is_empty(column, theirs) or _same(mine, theirs):
            continue
        if _is_empty(column, mine):
            setattr(keep, column, theirs)
            filled.append(column)
        else:
            conflicts.append(column)
            lines.append(f"{FIELD_LABELS[column]}: {_display(s, column, mine)} / "
                         f"{_display(s, column, theirs)}")
    return filled, conflicts, lines


def _move_honors(
    keep: Person, kept: list[Honor], theirs: list[Honor]
) -> tuple[list[Honor], list[Honor], list[str]]:
    """Move the duplicate's honors unless the kept person has the same title and year;
    (moved, dropped, note lines). A dropped honor stays on the retired duplicate."""
    seen = {_honor_key(h) for h in kept}
    moved: list[Honor] = []
    dropped: list[Honor] = []
    lines: list[str] = []
    for h in theirs:
        if _honor_key(h) in seen:
            dropped.append(h)
            lines.append(f"荣誉: {_honor_label(h)} 两份记录都有，只保留一条")
            continue
        seen.add(_honor_key(h))
        h.person_id = keep.id
        moved.append(h)
    return moved, dropped, lines


def merge(
    s: Session, actor: Actor, keep_id: uuid.UUID, duplicate_id: uuid.UUID, *, reason: str
) -> uuid.UUID:
    """Merge ``duplicate_id`` into ``keep_id``; returns the id of the 'merge' event."""
    if keep_id == duplicate_id:
        raise AppError("duplicate_self")
    text = _require_reason(reason)
    # Lock in id order, so two clerks merging the same pair both ways wait, not deadlock.
    locked = {pid: _live_person(s, pid) for pid in sorted((keep_id, duplicate_id))}
    keep, dup = locked[keep_id], locked[duplicate_id]
    kept_honors = list(s.scalars(select(Honor).where(Honor.person_id == keep.id,
                                                     Honor.deleted_at.is_(None))))
    dup_honors = list(s.scalars(select(Honor).where(Honor.person_id == dup.id,
                                                    Honor.deleted_at.is_(None))
                                .order_by(Honor.year, Honor.title)))
    dup_events = list(s.scalars(select(PersonEvent).where(PersonEvent.person_id == dup.id,
                                                          PersonEvent.deleted_at.is_(None))))
    before = _snapshot(keep)
    today = dt.date.today()
    now = dt.datetime.now(dt.UTC)

    # The duplicate leaves the live register first: the kept person may take its ID number,
    # and one live person per ID number is a unique index (migration 0012).
    dup_before = {c: _encode(getattr(dup, c)) for c in _DUPLICATE_RETIREMENT}
    dup.merged_into_id = keep.id
    dup.deleted_at = now
    dup.deleted_by = actor.name
    dup.delete_reason = f"已合并到 {keep.name}"[:500]
    s.flush()

    with s.no_autoflush:  # one flush below, so the kept person's version moves once
        filled, conflicts, lines = _fill_fields(s, keep, dup)
        moved_honors, dropped, honor_lines = _move_honors(keep, kept_honors, dup_honors)
        for e in dup_events:
            e.person_id = keep.id
        refresh_derived(keep, honors=kept_honors + moved_honors, keep_name_keys=True)
        lines += honor_lines
        if lines:
            header = f"与“{dup.name}”合并（{today.isoformat()}）时两份记录不一致："
            note = "\n".join([header, *lines])
            keep.conflict_note = f"{keep.conflict_note}\n{note}" if keep.conflict_note else note

    s.flush()

    changed = {c: _encode(v) for c, v in before.items() if v != getattr(keep, c)}
    details = {
        "kept_id": str(keep.id), "duplicate_id": str(dup.id), "duplicate_name": dup.name,
        "kept_before": changed, "kept_row_version": keep.row_version,
        "kept_honors": sorted(str(h.id) for h in kept_honors + moved_honors),
        "filled": filled, "conflicts": conflicts,
        "moved_honors": {str(h.id): h.row_version for h in moved_honors},
        "moved_events": {str(e.id): e.row_version for e in dup_events},
        "dropped_honors": [str(h.id) for h in dropped],
        "duplicate_before": dup_before,
    }
    event = PersonEvent(
        person_id=keep.id, kind="merge", event_date=today, reason=text,
        details=json.dumps(details, ensure_ascii=False, sort_keys=True),
        recorded_by=actor.name, origin_district_id=keep.district_id,
    )
    s.add(event)
    s.flush()
    audit.append(s, actor, "person.merge", entity="person", entity_id=keep.id, detail={
        "duplicate": str(dup.id), "event": str(event.id), "reason": text, "filled": filled,
        "conflicts": conflicts, "honors_moved": len(moved_honors),
        "honors_dropped": len(dropped), "events_moved": len(dup_events),
    })
    return event.id


_Moved = tuple[Honor | PersonEvent | None, int]


def _moved_rows(s: Session, details: dict[str, Any]) -> list[_Moved]:
    """The honors and events the merge moved, with the row version each had after it."""
    rows: list[_Moved] = []
    for row_id, version in details["moved_honors"].items():
        rows.append((s.get(Honor, uuid.UUID(row_id)), version))
    for row_id, version in details["moved_events"].items():
        rows.append((s.get(PersonEvent, uuid.UUID(row_id)), version))
    return rows


def _undo_is_safe(s: Session, keep: Person, dup: Person, details: dict[str, Any]) -> bool:
    if keep.deleted_at is not None or keep.row_version != details["kept_row_version"]:
        return False
    if dup.merged_into_id != keep.id or dup.deleted_at is None:
        return False
    live = {str(i) for i in s.scalars(select(Honor.id).where(
        Honor.person_id == keep.id, Honor.deleted_at.is_(None)))}
    if live != set(details["kept_honors"]):
        return False
    return all(
        row is not None and row.person_id == keep.id and row.deleted_at is None
        and row.row_version == version
        for row, version in _moved_rows(s, details)
    )


def undo(s: Session, actor: Actor, event_id: uuid.UUID, *, reason: str) -> None:
    """Put both persons back as they were before the merge recorded by ``event_id``."""
    text = _require_reason(reason)
    event = s.get(PersonEvent, event_id, with_for_update=True)
    if event is None or event.deleted_at is not None:
        raise NotFound("person_event", event_id)
    if event.kind != "merge" or not event.details:
        raise AppError("not_a_merge")
    if event.undone_at is not None:
        raise AppError("merge_already_undone")
    details: dict[str, Any] = json.loads(event.details)
    keep = s.get(Person, uuid.UUID(details["kept_id"]), with_for_update=True)
    dup = s.get(Person, uuid.UUID(details["duplicate_id"]), with_for_update=True)
    if keep is None or dup is None:
        raise AppError("merge_undo_conflict", name=details.get("duplicate_name", ""))
    if not _undo_is_safe(s, keep, dup, details):
        raise AppError("merge_undo_conflict", name=keep.name)

    for column, value in details["kept_before"].items():
        setattr(keep, column, _decode(column, value))
    s.flush()  # the kept person gives back an ID number it took before the duplicate is live
    for row, _version in _moved_rows(s, details):
        assert row is not None  # checked by _undo_is_safe
        row.person_id = dup.id
    name = dup.name
    try:
        with s.no_autoflush:
            for column, value in details["duplicate_before"].items():
                setattr(dup, column, _decode(column, value))
            event.undone_at = dt.datetime.now(dt.UTC)
            details.update(undone_by=actor.name, undo_reason=text)  # as person_events does
            event.details = json.dumps(details, ensure_ascii=False, sort_keys=True)
        s.flush()
    except IntegrityError as exc:  # both would hold one ID number again (migration 0012)
        raise AppError("merge_undo_same_id", name=name) from exc
    audit.append(s, actor, "person.merge_undo", entity="person", entity_id=keep.id, detail={
        "duplicate": str(dup.id), "event": str(event.id), "reason": text,
    })
