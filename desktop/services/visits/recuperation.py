"""Recuperation (疗休养): batches, eligibility computed and explained per person, the roster
(nominate, confirm, decline with a reason, replace from the waiting list in priority order,
quota enforced) and each person's history (last recuperation year).

ACFTU 总工办发〔2019〕21号 as applied locally (DOMAIN.md): 市级 and above (and 五一劳动奖章),
age ≤ 65 on the start date, fit, serving (在职) first, at most once a year across all levels,
priority to those never sent or sent longest ago. Every threshold lives in the batch's rules.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.core.domain import age_on
from desktop.core.masking import mask_id, mask_phone
from desktop.core.reference_words import EMPLOYMENT, HEALTH
from desktop.core.vocabulary import EN, SEX, TREATMENT_LEVEL, label, zh
from desktop.errors import AppError, FieldProblem, NotFound, ValidationError
from desktop.models import Honor, Person, RecuperationBatch, RecuperationEntry
from desktop.models.visits import ORGANISERS
from desktop.services import audit, ownership
from desktop.services.base import Service
from desktop.services.permissions import Perm
from desktop.services.visits.rules import LIVE, years_before
from desktop.services.visits.schedule import honors_text
from desktop.services.visits.store import CHUNK, EDIT, clean, district_names

ON_ROSTER = ("nominated", "confirmed")
COST_PER_DAY_LIMIT_FEN = 60_000
"""The Zhejiang workers' scheme pays at most 600 元 a person a day: a batch above it is
warned about before saving, not refused (another province's scheme may differ)."""
MAY_DAY = "五一劳动奖章"


def default_batch_name(year: int) -> str:
    """The name a new batch is offered: Chinese in either UI language, as the batch's name is
    printed on the Chinese roster and in each person's notification letter (参加…)."""
    return f"{year}年疗休养第一批"


@dataclass(frozen=True)
class RecuperationRules:
    levels: tuple[str, ...] = ("全国", "省部级", "市级")
    include_may_day: bool = True
    max_age: int = 65
    fit_health: tuple[str, ...] = ("良好", "一般疾病")
    unknown_health_ok: bool = True
    employed_first: bool = True
    once_a_year: bool = True

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> RecuperationRules:
        data: dict[str, Any] = json.loads(text or "{}")
        base = cls()
        return cls(
            levels=tuple(data.get("levels", base.levels)),
            include_may_day=bool(data.get("include_may_day", base.include_may_day)),
            max_age=int(data.get("max_age", base.max_age)),
            fit_health=tuple(data.get("fit_health", base.fit_health)),
            unknown_health_ok=bool(data.get("unknown_health_ok", base.unknown_health_ok)),
            employed_first=bool(data.get("employed_first", base.employed_first)),
            once_a_year=bool(data.get("once_a_year", base.once_a_year)),
        )


@dataclass(frozen=True)
class BatchDraft:
    year: int
    name: str
    destination: str
    start_date: dt.date
    end_date: dt.date
    days: int
    quota: int
    cost_per_day_fen: int
    organiser: str
    rules: RecuperationRules = RecuperationRules()
    notes: str | None = None


@dataclass(frozen=True)
class RecuperationBatchRow:
    id: uuid.UUID
    year: int
    name: str
    destination: str
    start_date: dt.date
    end_date: dt.date
    days: int
    quota: int
    cost_per_day_fen: int
    organiser: str
    rules: RecuperationRules
    taken: int
    confirmed: int


@dataclass(frozen=True)
class Check:
    name: str  # level | age | health | once_a_year | status
    ok: bool
    text: str
    english: str  # the same for the English windows (prints and refusals say ``text``)


def _level_check(level: str | None, level_ok: bool, medal_ok: bool,
                 wanted: tuple[str, ...]) -> Check:
    if level_ok:
        return Check("level", True, f"{level}劳模",
                     f"{label(TREATMENT_LEVEL, level, EN)} model worker")
    if medal_ok:
        return Check("level", True, "五一劳动奖章获得者", "May Day Labour Medal")
    return Check("level", False, f"待遇级别{level or '无'}，不在{'、'.join(wanted)}内",
                 f"treatment level {label(TREATMENT_LEVEL, level, EN, default='none')}, not among "
                 + ", ".join(label(TREATMENT_LEVEL, w, EN) for w in wanted))


@dataclass(frozen=True)
class EligibilityRow:
    person_id: uuid.UUID
    name: str
    sex: str
    age: int | None
    district: str
    treatment_level: str | None
    employment_status: str
    health_status: str
    last_year: int | None
    eligible: bool
    checks: tuple[Check, ...]
    rank: int  # 1 = first in priority; 0 = not eligible
    on_roster: str | None  # this batch's entry status, if any

    @property
    def explanation(self) -> str:
        return "；".join(("✓" if c.ok else "✗") + c.text for c in self.checks)

    def explained(self, lang: str) -> str:
        """``explanation`` in ``lang``."""
        if lang.startswith("zh"):
            return self.explanation
        return "; ".join(("✓" if c.ok else "✗") + c.english for c in self.checks)


@dataclass(frozen=True)
class RosterRow:
    entry_id: uuid.UUID
    person_id: uuid.UUID
    status: str
    name: str
    sex: str
    birth_date: dt.date | None
    age: int | None
    id_number: str
    honors: str
    work_unit: str
    employment_status: str
    health_status: str
    last_year: int | None
    phone: str
    address: str
    district: str
    decline_reason: str
    explanation: str
    # for a role without the unmask permission ``birth_date`` is None, the year is here and
    # ``age`` is the age reached in the batch's year (issue 14, point 9)
    birth_year: int | None = None


def _check_draft(d: BatchDraft) -> list[FieldProblem]:
    p: list[FieldProblem] = []
    if not clean(d.name):
        p.append(FieldProblem("batch_name", "value_required"))
    if not clean(d.destination):
        p.append(FieldProblem("destination", "value_required"))
    if d.end_date < d.start_date:
        p.append(FieldProblem("end_date", "window_reversed"))
    if d.organiser not in ORGANISERS:
        p.append(FieldProblem("organiser", "organiser_unknown"))
    if not 1 <= d.quota <= 10000:
        p.append(FieldProblem("quota", "out_of_range", {"minimum": 1, "maximum": 10000,
                                                        "value": d.quota}))
    if not 1 <= d.days <= 30:
        p.append(FieldProblem("days", "out_of_range", {"minimum": 1, "maximum": 30,
                                                       "value": d.days}))
    if d.cost_per_day_fen < 0:
        p.append(FieldProblem("cost_per_day", "value_negative"))
    if not 40 <= d.rules.max_age <= 100:
        p.append(FieldProblem("max_age", "out_of_range", {"minimum": 40, "maximum": 100,
                                                          "value": d.rules.max_age}))
    if not 2000 <= d.year <= 2100:
        p.append(FieldProblem("year", "out_of_range", {"minimum": 2000, "maximum": 2100,
                                                       "value": d.year}))
    return p


def last_years(s: Session, person_ids: Sequence[uuid.UUID] | None = None,
               before: int | None = None) -> dict[uuid.UUID, int]:
    """person -> the last year they went on recuperation (a confirmed entry), any organiser."""
    q = (select(RecuperationEntry.person_id, func.max(RecuperationBatch.year))
         .join(RecuperationBatch, RecuperationBatch.id == RecuperationEntry.batch_id)
         .where(RecuperationEntry.status == "confirmed", RecuperationEntry.deleted_at.is_(None),
                RecuperationBatch.deleted_at.is_(None))
         .group_by(RecuperationEntry.person_id))
    if before is not None:
        q = q.where(RecuperationBatch.year < before)
    if person_ids is None:
        return {pid: year for pid, year in s.execute(q)}
    out: dict[uuid.UUID, int] = {}
    ids = list(person_ids)
    for start in range(0, len(ids), CHUNK):
        out.update({pid: year for pid, year in s.execute(
            q.where(RecuperationEntry.person_id.in_(ids[start:start + CHUNK])))})
    return out


class RecuperationService(Service):
    """Use cases of recuperation batches; every public method is one transaction."""


    # -- batches --------------------------------------------------------------------------------

    def batches(self) -> list[RecuperationBatchRow]:
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            counts: dict[tuple[uuid.UUID, str], int] = {
                (bid, st): n for bid, st, n in s.execute(
                    select(RecuperationEntry.batch_id, RecuperationEntry.status, func.count())
                    .where(RecuperationEntry.deleted_at.is_(None))
                    .group_by(RecuperationEntry.batch_id, RecuperationEntry.status))}
            return [self._row(b, counts) for b in s.scalars(
                select(RecuperationBatch).where(RecuperationBatch.deleted_at.is_(None))
                .order_by(RecuperationBatch.year.desc(), RecuperationBatch.start_date))]

    def batch(self, batch_id: uuid.UUID) -> RecuperationBatchRow:
        for b in self.batches():
            if b.id == batch_id:
                return b
        raise NotFound("recuperation_batch", batch_id)

    @staticmethod
    def _row(b: RecuperationBatch,
             counts: dict[tuple[uuid.UUID, str], int]) -> RecuperationBatchRow:
        taken = sum(counts.get((b.id, st), 0) for st in ON_ROSTER)
        return RecuperationBatchRow(
                        b.id, b.year, b.name, b.destination, b.start_date, b.end_date, b.days,
                        b.quota, b.cost_per_day_fen, b.organiser,
                        RecuperationRules.from_json(b.rules), taken,
                        counts.get((b.id, "confirmed"), 0))

    def create_batch(self, draft: BatchDraft) -> uuid.UUID:
        self._actor.require(EDIT)
        problems = _check_draft(draft)
        if problems:
            raise ValidationError(problems)
        with self._sessions.begin() as s:
            b = RecuperationBatch(
                id=uuid.uuid4(), year=draft.year, name=draft.name.strip(),
                destination=draft.destination.strip(), start_date=draft.start_date,
                end_date=draft.end_date, days=draft.days, quota=draft.quota,
                cost_per_day_fen=draft.cost_per_day_fen, organiser=draft.organiser,
                rules=draft.rules.to_json(), notes=clean(draft.notes),
                origin_district_id=ownership.home_id(s))
            s.add(b)
            s.flush()
            audit.append(s, self._actor, "recuperation_batch.create",
                         entity="recuperation_batch", entity_id=b.id,
                         detail={"name": b.name, "quota": b.quota, "year": b.year})
            return b.id

    # -- eligibility ----------------------------------------------------------------------------

    def eligibility(self, batch_id: uuid.UUID) -> list[EligibilityRow]:
        """Everyone who could be considered, eligible first in priority order, each with the
        checks that decided it."""
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            return eligibility_rows(s, _batch(s, batch_id), None,
                                    years_only=not self._actor.can(Perm.UNMASK))

    def explain(self, batch_id: uuid.UUID, person_id: uuid.UUID) -> EligibilityRow:
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            rows = eligibility_rows(s, _batch(s, batch_id), [person_id],
                                    years_only=not self._actor.can(Perm.UNMASK))
            if not rows:
                raise NotFound("person", person_id)
            return rows[0]

    # -- roster ---------------------------------------------------------------------------------

    def nominate(self, batch_id: uuid.UUID, person_id: uuid.UUID) -> uuid.UUID:
        """Put an eligible person on the roster; refused when over age, already going this
        year, otherwise not eligible, or when the quota is full."""
        self._actor.require(EDIT)
        with self._sessions.begin() as s:
            b = _batch(s, batch_id, edit=True)
            # the place on the whole waiting list (a list of one ranks everyone first)
            rank = next((r.rank for r in eligibility_rows(s, b, None)
                         if r.person_id == person_id), None)
            entry = self._nominate(s, b, person_id, rank)
            audit.append(s, self._actor, "recuperation.nominate", entity="recuperation_entry",
                         entity_id=entry.id, detail={"person": str(person_id)})
            return entry.id

    def fill(self, batch_id: uuid.UUID) -> int:
        """Nominate from the top of the waiting list until the quota is reached."""
        self._actor.require(EDIT)
        with self._sessions.begin() as s:
            b = _batch(s, batch_id, edit=True)
            free = b.quota - _taken(s, b.id)
            added = 0
            for row in eligibility_rows(s, b, None):
                if added >= free:
                    break
                if row.eligible and row.on_roster is None:
                    self._nominate(s, b, row.person_id, row.rank)
                    added += 1
            audit.append(s, self._actor, "recuperation.fill", entity="recuperation_batch",
                         entity_id=b.id, detail={"added": added})
            return added

    def _nominate(self, s: Session, b: RecuperationBatch, person_id: uuid.UUID,
                  rank: int | None) -> RecuperationEntry:
        """``rank``: the person's place on the whole waiting list, which orders the roster
        (the checks below take the person alone, where everyone is first: every entry had
        priority 1 and the printed roster came in no order; walk-through, December 2026)."""
        rows = eligibility_rows(s, b, [person_id])
        if not rows:
            raise NotFound("person", person_id)
        row = rows[0]
        if row.on_roster in ON_ROSTER:
            raise ValidationError.single("person", "recuperation_already_on_roster",
                                         name=row.name)
        failed = {c.name: c for c in row.checks if not c.ok}
        if "age" in failed:
            raise ValidationError.single("person", "recuperation_over_age", name=row.name,
                                         age=row.age, limit=RecuperationRules.from_json(
                                             b.rules).max_age)
        if "once_a_year" in failed:
            raise ValidationError.single("person", "recuperation_already_this_year",
                                         name=row.name, batch=failed["once_a_year"].text,
                                         batch_en=failed["once_a_year"].english)
        if failed:
            raise ValidationError.single("person", "recuperation_not_eligible", name=row.name,
                                         why="；".join(c.text for c in failed.values()),
                                         why_en="; ".join(c.english for c in failed.values()))
        if _taken(s, b.id) >= b.quota:
            raise ValidationError.single("quota", "recuperation_quota_full", quota=b.quota)
        entry = s.scalars(select(RecuperationEntry).where(
            RecuperationEntry.batch_id == b.id, RecuperationEntry.person_id == person_id)).first()
        if entry is None:
            entry = RecuperationEntry(id=uuid.uuid4(), batch_id=b.id, person_id=person_id,
                                      origin_district_id=b.origin_district_id)
            s.add(entry)
        entry.status, entry.priority = "nominated", rank if rank is not None else row.rank
        entry.explanation, entry.decline_reason = row.explanation, None
        s.flush()
        return entry

    def confirm(self, entry_id: uuid.UUID) -> None:
        self._actor.require(EDIT)
        with self._sessions.begin() as s:
            e = _entry(s, entry_id, edit=True)
            if e.status != "nominated":
                raise ValidationError.single("status", "recuperation_status")
            e.status = "confirmed"
            audit.append(s, self._actor, "recuperation.confirm", entity="recuperation_entry",
                         entity_id=e.id)

    def decline(self, entry_id: uuid.UUID, reason: str) -> None:
        self._actor.require(EDIT)
        why = clean(reason)
        if why is None:
            raise ValidationError.single("reason", "reason_required")
        with self._sessions.begin() as s:
            e = _entry(s, entry_id, edit=True)
            if e.status not in ON_ROSTER:
                raise ValidationError.single("status", "recuperation_status")
            e.status, e.decline_reason = "declined", why[:300]
            audit.append(s, self._actor, "recuperation.decline", entity="recuperation_entry",
                         entity_id=e.id, detail={"reason": why})

    def replace(self, entry_id: uuid.UUID) -> uuid.UUID:
        """Fill a declined place with the first person on the waiting list."""
        self._actor.require(EDIT)
        with self._sessions.begin() as s:
            e = _entry(s, entry_id, edit=True)
            if e.status != "declined":
                # said for people, with the name (the walk-through read 状态：当前状态下不能…)
                person = s.get(Person, e.person_id)
                raise AppError(f"recuperation_replace_{e.status}",
                               name=person.name if person is not None else "")
            b = _batch(s, e.batch_id)
            nxt = next((r for r in eligibility_rows(s, b, None)
                        if r.eligible and r.on_roster is None), None)
            if nxt is None:
                raise AppError("recuperation_no_waiting")
            new = self._nominate(s, b, nxt.person_id, nxt.rank)
            e.status, e.replaced_by_id = "replaced", new.id
            audit.append(s, self._actor, "recuperation.replace", entity="recuperation_entry",
                         entity_id=e.id, detail={"by": str(nxt.person_id)})
            return new.id

    def roster(self, batch_id: uuid.UUID, *, include_declined: bool = True,
               unmask: bool = False, reason: str | None = None) -> list[RosterRow]:
        """The roster in priority order; ID numbers and phones masked unless unmasked with
        the permission and a reason (audited)."""
        self._actor.require(Perm.VIEW)
        if not unmask:
            with self._read_sessions.begin() as s:
                return _roster(s, _batch(s, batch_id), include_declined, False,
                               masked=not self._actor.can(Perm.UNMASK))
        self._actor.require(Perm.UNMASK)
        why = clean(reason)
        if why is None:
            raise ValidationError.single("reason", "reason_required")
        with self._sessions.begin() as s:
            rows = _roster(s, _batch(s, batch_id), include_declined, True)
            audit.append(s, self._actor, "recuperation.unmask_roster",
                         entity="recuperation_batch", entity_id=batch_id,
                         detail={"reason": why, "count": len(rows)})
            return rows

    def last_years(self, person_ids: Sequence[uuid.UUID] | None = None) -> dict[uuid.UUID, int]:
        """person -> last recuperation year (the register shows it)."""
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            return last_years(s, person_ids)


def _batch(s: Session, batch_id: uuid.UUID, *, edit: bool = False) -> RecuperationBatch:
    b = s.get(RecuperationBatch, batch_id)
    if b is None or b.deleted_at is not None:
        raise NotFound("recuperation_batch", batch_id)
    if edit:  # at the city a district's batch is read-only
        ownership.require_editable(s, b, b.name)
    return b


def _entry(s: Session, entry_id: uuid.UUID, *, edit: bool = False) -> RecuperationEntry:
    e = s.get(RecuperationEntry, entry_id)
    if e is None or e.deleted_at is not None:
        raise NotFound("recuperation_entry", entry_id)
    if edit:  # at the city a district's roster entry is read-only
        ownership.require_editable(s, e, "疗休养名单")
    return e


def _taken(s: Session, batch_id: uuid.UUID) -> int:
    return int(s.scalar(select(func.count()).select_from(RecuperationEntry).where(
        RecuperationEntry.batch_id == batch_id, RecuperationEntry.deleted_at.is_(None),
        RecuperationEntry.status.in_(ON_ROSTER))) or 0)


def eligibility_rows(s: Session, b: RecuperationBatch,
                 only: Sequence[uuid.UUID] | None, *,
                 years_only: bool = False) -> list[EligibilityRow]:
    """``years_only``: the age shown (and its words) from the birth year, for a user who sees
    no birth date; the decision itself still takes the exact age on the day of departure."""
    rules = RecuperationRules.from_json(b.rules)
    may_day = (select(Honor.person_id).where(
        Honor.title.like(f"%{MAY_DAY}%"), Honor.revoked_date.is_(None),
        Honor.deleted_at.is_(None)))
    q = select(Person.id, Person.name, Person.sex, Person.birth_date, Person.treatment_level,
               Person.employment_status, Person.health_status, Person.district_id).where(
        LIVE, Person.life_status == "alive")
    if only is not None:
        q = q.where(Person.id.in_(list(only)))
    else:
        # Over-age persons are left out of the list (``explain`` still says why for one).
        q = q.where(Person.birth_date > years_before(b.start_date, rules.max_age + 1))
        by_level = Person.treatment_level.in_(rules.levels)
        q = q.where(or_(by_level, Person.id.in_(may_day)) if rules.include_may_day
                    else by_level)
    people = s.execute(q).all()
    ids = [p.id for p in people]
    medal: set[uuid.UUID] = set()
    if rules.include_may_day:
        for start in range(0, len(ids), CHUNK):
            medal.update(s.scalars(may_day.where(Honor.person_id.in_(ids[start:start + CHUNK]))))
    history = last_years(s, ids)
    this_year: dict[uuid.UUID, str] = {}
    for pid, name, bid in s.execute(
        select(RecuperationEntry.person_id, RecuperationBatch.name, RecuperationBatch.id)
        .join(RecuperationBatch, RecuperationBatch.id == RecuperationEntry.batch_id)
        .where(RecuperationBatch.year == b.year, RecuperationBatch.deleted_at.is_(None),
               RecuperationEntry.deleted_at.is_(None),
               RecuperationEntry.status.in_(ON_ROSTER))):
        if bid != b.id:
            this_year[pid] = name
    own = {pid: st for pid, st in s.execute(
        select(RecuperationEntry.person_id, RecuperationEntry.status).where(
            RecuperationEntry.batch_id == b.id, RecuperationEntry.deleted_at.is_(None)))}
    names = district_names(s)
    rows: list[tuple[tuple[Any, ...], EligibilityRow]] = []
    for p in people:
        checks = []
        level_ok = p.treatment_level in rules.levels
        medal_ok = rules.include_may_day and p.id in medal
        checks.append(_level_check(p.treatment_level, level_ok, medal_ok, rules.levels))
        age = age_on(p.birth_date, b.start_date) if p.birth_date else None
        if age is None:
            checks.append(Check("age", False, "出生日期未登记", "birth date not recorded"))
        elif years_only:
            over = age > rules.max_age
            age = b.start_date.year - p.birth_date.year
            checks.append(Check(
                "age", not over,
                f"出发当年 {age} 岁" + (f"，出发日超过 {rules.max_age} 岁" if over else ""),
                f"{age} in the year of departure"
                + (f", over {rules.max_age} on the day" if over else "")))
        else:
            over = age > rules.max_age
            checks.append(Check(
                "age", not over,
                f"出发日 {age} 岁" + (f"，超过 {rules.max_age} 岁" if over else ""),
                f"{age} on the day of departure" + (f", over {rules.max_age}" if over else "")))
        health = p.health_status
        if health is None:
            checks.append(Check("health", rules.unknown_health_ok, "健康状况未登记，需确认",
                                "health not recorded, to be confirmed"))
        else:
            checks.append(Check("health", health in rules.fit_health, f"健康状况：{health}",
                                f"health: {label(HEALTH, health, EN)}"))
        if rules.once_a_year and p.id in this_year:
            checks.append(Check("once_a_year", False, f"{b.year}年已安排：{this_year[p.id]}",
                                f"already on a batch in {b.year}: {this_year[p.id]}"))
        last = history.get(p.id)
        if last is not None and last >= b.year and rules.once_a_year:
            checks.append(Check("once_a_year", False, f"{last}年已参加",
                                f"took part in {last}"))
        checks.append(Check("history", True, "从未参加" if last is None else f"上次 {last} 年",
                            "never sent" if last is None else f"last sent in {last}"))
        employed = p.employment_status == "在职"
        checks.append(Check("status", True, p.employment_status or "就业状况未登记",
                            label(EMPLOYMENT, p.employment_status, EN)
                            if p.employment_status else "employment not recorded"))
        eligible = all(c.ok for c in checks)
        key = (not eligible, (not employed) if rules.employed_first else False,
               -1 if last is None else last, p.birth_date or dt.date.max, p.name)
        rows.append((key, EligibilityRow(
            p.id, p.name, zh(SEX, p.sex, default=""), age, names.get(p.district_id, ""),
            p.treatment_level, p.employment_status or "", health or "", last, eligible,
            tuple(checks), 0, own.get(p.id))))
    rows.sort(key=lambda kv: kv[0])
    out, rank = [], 0
    for _key, row in rows:
        if row.eligible:
            rank += 1
            object.__setattr__(row, "rank", rank)  # built here, not yet shared: still frozen
        out.append(row)
    return out


def _roster(s: Session, b: RecuperationBatch, include_declined: bool,
            unmask: bool, *, masked: bool = False) -> list[RosterRow]:
    q = (select(RecuperationEntry, Person).join(Person, Person.id == RecuperationEntry.person_id)
         .where(RecuperationEntry.batch_id == b.id, RecuperationEntry.deleted_at.is_(None)))
    if not include_declined:
        q = q.where(RecuperationEntry.status.in_(ON_ROSTER))
    pairs = s.execute(q.order_by(RecuperationEntry.priority)).all()
    ids = [p.id for _e, p in pairs]
    honors = honors_text(s, ids)
    history = last_years(s, ids, before=b.year)
    names = district_names(s)
    order = {"confirmed": 0, "nominated": 1, "declined": 2, "replaced": 3}
    out = []
    for e, p in sorted(pairs, key=lambda ep: (order[ep[0].status], ep[0].priority)):
        contact = p.mobile or p.phone or ""
        out.append(RosterRow(
            e.id, p.id, e.status, p.name, zh(SEX, p.sex, default=""),
            None if masked else p.birth_date,
            (b.start_date.year - p.birth_date.year if masked else
             age_on(p.birth_date, b.start_date)) if p.birth_date else None,
            (p.id_number or "") if unmask else mask_id(p.id_number), honors.get(p.id, ""),
            "，".join(x for x in (p.work_unit, p.position) if x), p.employment_status or "",
            p.health_status or "", history.get(p.id), contact if unmask else mask_phone(contact),
            p.address or "", names.get(p.district_id, ""), e.decline_reason or "",
            e.explanation or "", p.birth_date.year if p.birth_date else None))
    return out
