"""Recording what happened on a visit, photos, stand-alone visits (birthday, hospital, death),
the work list (round birthdays coming up, open follow-ups) and a campaign's summary."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections import defaultdict
from collections.abc import Callable

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.domain import age_on
from desktop.core.money import yuan
from desktop.errors import AppError, FieldProblem, NotFound, ValidationError
from desktop.models import HardshipCase, Person, Visit, VisitPhoto
from desktop.services import audit
from desktop.services.hardship.service import HardshipService, open_case_of
from desktop.services.hardship.types import CaseDraft
from desktop.services.permissions import Actor, Perm
from desktop.services.visits.rules import LIVE, STANDALONE, years_before
from desktop.services.visits.store import (
    EDIT,
    area_of,
    clean,
    district_names,
    load_campaign,
    load_visit,
    origin_of,
    standard_for,
    standards_of,
)
from desktop.services.visits.types import RECORDABLE, SummaryLine, VisitResult, WorkItem

ROUND_BIRTHDAYS = (80, 90, 100)
WAYS = ("登门", "单位", "快递", "电话")
MAX_PHOTO_BYTES = 20 * 1024 * 1024


class VisitRecords:
    """Results, photos, stand-alone visits and the work list (mixed into ``VisitService``)."""

    _sessions: sessionmaker[Session]
    _read_sessions: sessionmaker[Session]
    _actor: Actor
    _today: Callable[[], dt.date]

    def record(self, visit_id: uuid.UUID, result: VisitResult,
               row_version: int | None = None) -> None:
        """Save the result of a visit; refused (nothing saved) for a date outside the window
        or money above the standard without a reason."""
        self._actor.require(EDIT)
        with self._sessions.begin() as s:
            v = load_visit(s, visit_id, edit=True)
            if row_version is not None and v.row_version != row_version:
                raise AppError("stale_record")
            if v.status == "removed":
                raise ValidationError.single("status", "visit_removed")
            person = s.get(Person, v.person_id)
            assert person is not None
            problems = self._check_result(s, v, person, result)
            if problems:
                raise ValidationError(problems)
            v.status, v.actual_date, v.way = result.status, result.actual_date, clean(result.way)
            v.visitors, v.money_fen, v.goods = (clean(result.visitors), result.money_fen,
                                                clean(result.goods))
            v.over_standard_reason = clean(result.over_standard_reason)
            v.situation = clean(result.situation)
            v.follow_up, v.follow_up_note = result.follow_up, clean(result.follow_up_note)
            v.follow_up_closed = False if result.follow_up else v.follow_up_closed
            v.recorded_by = self._actor.name
            audit.append(s, self._actor, "visit.record", entity="visit", entity_id=v.id,
                         detail={"status": result.status, "money_fen": result.money_fen,
                                 "date": result.actual_date.isoformat()
                                 if result.actual_date else None})

    def _check_result(self, s: Session, v: Visit, person: Person,
                      result: VisitResult) -> list[FieldProblem]:
        problems: list[FieldProblem] = []
        if result.status not in RECORDABLE:
            problems.append(FieldProblem("status", "visit_status_unknown",
                                         {"value": result.status}))
        if result.status == "done" and result.actual_date is None:
            problems.append(FieldProblem("actual_date", "value_required"))
        if result.way is not None and result.way.strip() and result.way.strip() not in WAYS:
            problems.append(FieldProblem("way", "way_unknown", {"known": "、".join(WAYS)}))
        if result.money_fen is not None and result.money_fen < 0:
            problems.append(FieldProblem("money", "value_negative"))
        if result.actual_date is not None:
            if result.actual_date > self._today():
                problems.append(FieldProblem("actual_date", "date_in_future", {
                    "date": result.actual_date.isoformat()}))
            if v.campaign_id is not None:
                c = load_campaign(s, v.campaign_id)
                if not c.start_date <= result.actual_date <= c.end_date:
                    problems.append(FieldProblem("actual_date", "visit_outside_window", {
                        "start": c.start_date.isoformat(), "end": c.end_date.isoformat()}))
        if v.campaign_id is not None and result.money_fen:
            st = standard_for(standards_of(s, v.campaign_id), person.treatment_level,
                              person.in_hardship)
            limit = st.money_fen if st is not None else 0
            if result.money_fen > limit and not clean(result.over_standard_reason):
                problems.append(FieldProblem("money", "money_above_standard", {
                    "money": yuan(result.money_fen), "standard": yuan(limit)}))
        return problems

    def add_photo(self, visit_id: uuid.UUID, file_name: str, data: bytes) -> str:
        """Keep a photo of the visit; returns its SHA-256 (the same photo twice is refused)."""
        self._actor.require(EDIT)
        if not data or len(data) > MAX_PHOTO_BYTES:
            raise ValidationError.single("photo", "photo_size", maximum=MAX_PHOTO_BYTES)
        digest = hashlib.sha256(data).hexdigest()
        with self._sessions.begin() as s:
            v = load_visit(s, visit_id, edit=True)
            same = s.scalars(select(VisitPhoto.id).where(
                VisitPhoto.visit_id == v.id, VisitPhoto.sha256 == digest,
                VisitPhoto.deleted_at.is_(None))).first()
            if same is not None:
                raise ValidationError.single("photo", "photo_duplicate")
            photo = VisitPhoto(id=uuid.uuid4(), visit_id=v.id, file_name=file_name[:200],
                               sha256=digest, data=data)
            s.add(photo)
            s.flush()
            audit.append(s, self._actor, "visit.photo", entity="visit", entity_id=v.id,
                         detail={"sha256": digest, "file": file_name[:200]})
            return digest

    def create_single(self, person_id: uuid.UUID, kind: str, day: dt.date,
                      reason: str | None = None) -> uuid.UUID:
        """A stand-alone birthday, hospital, death or other visit, planned for ``day``."""
        self._actor.require(EDIT)
        if kind not in STANDALONE:
            raise ValidationError.single("kind", "occasion_unknown", value=kind,
                                         known="、".join(STANDALONE))
        with self._sessions.begin() as s:
            p = s.get(Person, person_id)
            if p is None or p.deleted_at is not None:
                raise NotFound("person", person_id)
            v = Visit(id=uuid.uuid4(), person_id=p.id, kind=kind, planned_date=day,
                      reason=clean(reason) or kind, status="planned", area=area_of(p.address),
                      origin_district_id=origin_of(s, None))
            s.add(v)
            s.flush()
            audit.append(s, self._actor, "visit.create_single", entity="visit", entity_id=v.id,
                         detail={"kind": kind, "person": str(p.id), "date": day.isoformat()})
            return v.id

    def hospital_visit_from(self, visit_id: uuid.UUID, day: dt.date) -> uuid.UUID:
        """Turn a follow-up into a planned hospital visit and close the follow-up."""
        with self._sessions.begin() as s:
            v = load_visit(s, visit_id)
            person_id, note = v.person_id, v.follow_up_note
        new_id = self.create_single(person_id, "住院", day, f"回访：{note or '住院'}")
        self.close_follow_up(visit_id, "已安排住院探望")
        return new_id

    def hardship_file_from(self, visit_id: uuid.UUID, category: str, main_cause: str,
                           notes: str | None = None) -> uuid.UUID:
        """Open a hardship draft (困难档案草稿) for the visited person from a recorded visit
        whose follow-up is needed: the file's notes carry what the visit found, the visit keeps
        the file's id and the follow-up is closed, all in one transaction (audited on both
        sides). Refused, nothing written, when the person already has an open file, the
        visit has no open follow-up or already opened a file."""
        self._actor.require(EDIT)
        hardship = HardshipService(self._sessions, self._actor, self._read_sessions,
                                   self._today)
        with self._sessions.begin() as s:
            v = load_visit(s, visit_id, edit=True)
            if v.hardship_case_id is not None:
                linked = s.get(HardshipCase, v.hardship_case_id)
                raise AppError("visit_hardship_linked",
                               serial=linked.serial if linked is not None else "")
            if not v.follow_up or v.follow_up_closed:
                raise AppError("visit_no_follow_up")
            other = open_case_of(s, v.person_id)
            if other is not None:
                raise AppError("visit_hardship_file_open", serial=other.serial,
                               status=other.status)
            when = (v.actual_date or v.planned_date or self._today()).isoformat()
            found = "；".join(x for x in (clean(v.situation), clean(v.follow_up_note),
                                          clean(notes)) if x)
            text = f"走访发现（{when}）：{found}" if found else f"走访发现（{when}）"
            case = hardship.open_in(s, CaseDraft(
                person_id=v.person_id, category=category, main_cause=main_cause,
                notes=text[:2000]), source=f"走访回访 {when}")
            v.hardship_case_id = case.id
            v.follow_up_closed = True
            v.follow_up_note = f"{v.follow_up_note or ''}（已建困难档案 {case.serial}）"[:500]
            audit.append(s, self._actor, "visit.hardship_file", entity="visit", entity_id=v.id,
                         detail={"hardship_case": str(case.id), "serial": case.serial})
            return case.id

    def close_follow_up(self, visit_id: uuid.UUID, note: str | None = None) -> None:
        self._actor.require(EDIT)
        with self._sessions.begin() as s:
            v = load_visit(s, visit_id, edit=True)
            v.follow_up_closed = True
            if clean(note):
                v.follow_up_note = f"{v.follow_up_note or ''}（{clean(note)}）"[:500]
            audit.append(s, self._actor, "visit.follow_up_closed", entity="visit",
                         entity_id=v.id, detail={"note": clean(note)})

    def worklist(self, days: int = 60) -> list[WorkItem]:
        """Round birthdays (80/90/100) in the next ``days`` days not yet visited, and open
        follow-ups. For a role without the unmask permission a birthday gives its year only
        (every round birthday of the years the window touches, "2027年 80 岁生日"): see
        ``WorkItem``."""
        self._actor.require(Perm.VIEW)
        year_only = not self._actor.can(Perm.UNMASK)
        today = self._today()
        start, last = today, today + dt.timedelta(days=days)
        if year_only:  # whole years: where the window starts or ends must not tell the month
            start, last = dt.date(start.year, 1, 1), dt.date(last.year, 12, 31)
        with self._read_sessions.begin() as s:
            names = district_names(s)
            windows = [and_(Person.birth_date >= years_before(start, n),
                            Person.birth_date <= years_before(last, n))
                       for n in ROUND_BIRTHDAYS]
            visited = set(s.scalars(select(Visit.person_id).where(
                Visit.kind == "生日", Visit.deleted_at.is_(None),
                Visit.planned_date >= today - dt.timedelta(days=days))))
            out: list[WorkItem] = []
            for pid, name, born, did in s.execute(
                select(Person.id, Person.name, Person.birth_date, Person.district_id)
                .where(LIVE, Person.life_status == "alive", or_(*windows))):
                if pid in visited or born is None:
                    continue
                if year_only:
                    age = next(n for n in ROUND_BIRTHDAYS
                               if start.year <= born.year + n <= last.year)
                    out.append(WorkItem("birthday", pid, name, names.get(did, ""),
                                        dt.date(born.year + age, 1, 1),
                                        f"{born.year + age}年 {age} 岁生日", None,
                                        year_only=True, age=age))
                    continue
                age = age_on(born, last)
                try:
                    day = born.replace(year=born.year + age)
                except ValueError:
                    day = born.replace(year=born.year + age, day=28)
                out.append(WorkItem("birthday", pid, name, names.get(did, ""), day,
                                    f"{age} 岁生日", None, age=age))
            for vid, pid, name, did, when, note in s.execute(
                select(Visit.id, Visit.person_id, Person.name, Person.district_id,
                       Visit.actual_date, Visit.follow_up_note)
                .join(Person, Person.id == Visit.person_id)
                .where(Visit.deleted_at.is_(None), Visit.follow_up.is_(True),
                       Visit.follow_up_closed.is_(False))):
                out.append(WorkItem("follow_up", pid, name, names.get(did, ""), when or today,
                                    note or "需要回访", vid))
            out.sort(key=lambda w: (w.kind != "follow_up", w.day, w.name))
            return out

    def summary(self, campaign_id: uuid.UUID) -> list[SummaryLine]:
        """Planned vs done, money and goods, by district and treatment level."""
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            c = load_campaign(s, campaign_id)
            names = district_names(s)
            acc: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
            for status, money, goods, level, hardship, did in s.execute(
                select(Visit.status, Visit.money_fen, Visit.goods, Person.treatment_level,
                       Person.in_hardship, Person.district_id)
                .join(Person, Person.id == Visit.person_id)
                .where(Visit.campaign_id == c.id, Visit.deleted_at.is_(None),
                       Visit.status != "removed")):
                key = (names.get(did, ""), level or ("困难" if hardship else "其他"))
                a = acc[key]
                a[0] += 1
                if status == "done":
                    a[1] += 1
                    a[2] += money or 0
                    a[3] += 1 if goods else 0
            return [SummaryLine(d, lv, *vals) for (d, lv), vals in sorted(
                acc.items(), key=lambda kv: (kv[0][0], _level_order(kv[0][1])))]


def _level_order(level: str) -> int:
    order: dict[str, int] = {"全国": 0, "省部级": 1, "市级": 2, "县级": 3, "困难": 4}
    return order.get(level, 5)


