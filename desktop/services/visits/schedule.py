"""Scheduling of a campaign's visits: association staff, teams, dates and time slots, routes
grouped by district and township, and the conflict warnings (a team in two places, a person
twice, an office holiday, a visit after the person's death, a date outside the window)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.domain import age_on
from desktop.core.masking import mask_phone
from desktop.core.reference_words import HOLIDAY
from desktop.core.vocabulary import EN, SEX, TIME_SLOT, label, zh
from desktop.errors import NotFound, ValidationError
from desktop.models import Honor, Person, Visit, VisitCampaign, VisitPhoto, VisitStaff, VisitTeam
from desktop.services import audit
from desktop.services.holidays import calendar_in
from desktop.services.permissions import Actor, Perm
from desktop.services.visits.store import (
    CHUNK,
    EDIT,
    clean,
    district_names,
    load_campaign,
    standard_for,
    standards_of,
)
from desktop.services.visits.types import (
    Conflict,
    ScheduleOutcome,
    StaffRow,
    TeamRow,
    VisitRow,
)

SLOTS = ("上午", "下午")


class VisitSchedule:
    """Staff, teams, dates and routes (mixed into ``VisitService``)."""

    _sessions: sessionmaker[Session]
    _read_sessions: sessionmaker[Session]
    _actor: Actor
    _today: Callable[[], dt.date]

    # -- staff and teams ------------------------------------------------------------------------

    def staff(self) -> list[StaffRow]:
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            return [StaffRow(r.id, r.name, r.position or "", r.phone or "", r.active)
                    for r in s.scalars(select(VisitStaff).where(VisitStaff.deleted_at.is_(None))
                                       .order_by(VisitStaff.name))]

    def add_staff(self, name: str, position: str | None = None,
                  phone: str | None = None) -> uuid.UUID:
        self._actor.require(EDIT)
        who = clean(name)
        if who is None:
            raise ValidationError.single("name", "value_required")
        with self._sessions.begin() as s:
            row = VisitStaff(id=uuid.uuid4(), name=who, position=clean(position),
                             phone=clean(phone))
            s.add(row)
            s.flush()
            audit.append(s, self._actor, "visit_staff.create", entity="visit_staff",
                         entity_id=row.id, detail={"name": who})
            return row.id

    def teams(self, campaign_id: uuid.UUID) -> list[TeamRow]:
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            return _teams(s, campaign_id)

    def create_team(self, campaign_id: uuid.UUID, name: str, leader_id: uuid.UUID | None,
                    member_ids: Sequence[uuid.UUID] = ()) -> uuid.UUID:
        """A team of a campaign: a leader and members from the staff list."""
        self._actor.require(EDIT)
        label = clean(name)
        if label is None:
            raise ValidationError.single("team_name", "value_required")
        with self._sessions.begin() as s:
            load_campaign(s, campaign_id, edit=True)
            known = set(s.scalars(select(VisitStaff.id).where(VisitStaff.deleted_at.is_(None))))
            wanted = ([leader_id] if leader_id else []) + list(member_ids)
            if any(w not in known for w in wanted):
                raise ValidationError.single("team_members", "staff_unknown")
            taken = s.scalars(select(VisitTeam.id).where(
                VisitTeam.campaign_id == campaign_id, VisitTeam.name == label,
                VisitTeam.deleted_at.is_(None))).first()
            if taken is not None:
                raise ValidationError.single("team_name", "team_name_taken", name=label)
            team = VisitTeam(id=uuid.uuid4(), campaign_id=campaign_id, name=label,
                             leader_id=leader_id,
                             member_ids=json.dumps([str(m) for m in member_ids]))
            s.add(team)
            s.flush()
            audit.append(s, self._actor, "visit_team.create", entity="visit_team",
                         entity_id=team.id, detail={"name": label})
            return team.id

    # -- dates and routes -----------------------------------------------------------------------

    def assign(self, visit_ids: Sequence[uuid.UUID], team_id: uuid.UUID | None,
               day: dt.date | None, slot: str | None = None) -> None:
        """Give visits a team, a date and a time slot (the date must be inside the window);
        the routes of the touched team-days are renumbered."""
        self._actor.require(EDIT)
        with self._sessions.begin() as s:
            visits = _load_visits(s, visit_ids)
            campaigns = {v.campaign_id for v in visits}
            for cid in campaigns:
                if cid is None:
                    continue
                c = load_campaign(s, cid, edit=True)
                if day is not None and not c.start_date <= day <= c.end_date:
                    raise ValidationError.single(
                        "planned_date", "visit_outside_window", start=c.start_date.isoformat(),
                        end=c.end_date.isoformat())
                if team_id is not None:
                    team = s.get(VisitTeam, team_id)
                    if team is None or team.campaign_id != cid:
                        raise NotFound("visit_team", team_id)
            for v in visits:
                v.team_id, v.planned_date, v.time_slot = team_id, day, clean(slot)
            s.flush()
            for cid in campaigns:
                if cid is not None:
                    renumber(s, cid)
            audit.append(s, self._actor, "visit.assign", entity="visit_team",
                         entity_id=team_id, detail={"visits": len(visits),
                                                    "date": day.isoformat() if day else None})

    def auto_schedule(self, campaign_id: uuid.UUID, team_ids: Sequence[uuid.UUID],
                      first_day: dt.date, per_day: int = 12) -> int:
        """``schedule`` and return how many visits got a date."""
        return self.schedule(campaign_id, team_ids, first_day, per_day).scheduled

    def schedule(self, campaign_id: uuid.UUID, team_ids: Sequence[uuid.UUID],
                 first_day: dt.date, per_day: int = 12) -> ScheduleOutcome:
        """Spread the unscheduled planned visits over the teams and the office's working days
        from ``first_day``, neighbours together (district, then township, then address): each
        team-day takes up to ``per_day`` visits, half in the morning and half in the afternoon.
        Says how many got a date, how many are left and what would fit them."""
        self._actor.require(EDIT)
        if not team_ids:
            raise ValidationError.single("teams", "value_required")
        if per_day < 1:
            raise ValidationError.single("per_day", "out_of_range", minimum=1, maximum=200,
                                         value=per_day)
        with self._sessions.begin() as s:
            c = load_campaign(s, campaign_id, edit=True)
            calendar = calendar_in(s)
            names = district_names(s)
            pending = list(s.execute(
                select(Visit, Person.district_id, Person.address, Person.name)
                .join(Person, Person.id == Visit.person_id)
                .where(Visit.campaign_id == c.id, Visit.deleted_at.is_(None),
                       Visit.status.in_(("planned", "postponed")),
                       Visit.planned_date.is_(None))).all())
            pending.sort(key=lambda r: (names.get(r.district_id, ""), r[0].area or "",
                                        r.address or ""))
            held = _held(s, c.id)
            window = set(_team_days(team_ids, first_day, c.end_date, calendar.office_closed))
            busy = sum(1 for key, day in held.items() if key in window and day.total)
            slots = _team_days(team_ids, first_day, c.end_date, calendar.office_closed)
            morning = (per_day + 1) // 2
            slot: tuple[uuid.UUID, dt.date] | None = None
            day = _TeamDay()
            done = 0
            for row in pending:
                district = row.district_id
                if (slot is None or day.total >= per_day
                        or (day.districts and district not in day.districts)):
                    slot, day = _next_team_day(slots, held, per_day, district)
                if slot is None:
                    break  # the window is full: the rest stay unscheduled (coverage shows it)
                v = row[0]
                v.team_id, v.planned_date = slot
                v.time_slot = SLOTS[0] if day.am < morning else SLOTS[1]
                day.add(v.time_slot, district)
                done += 1
            s.flush()
            renumber(s, c.id)
            left = len(pending) - done
            audit.append(s, self._actor, "visit_campaign.schedule", entity="visit_campaign",
                         entity_id=c.id, detail={"scheduled": done, "teams": len(team_ids),
                                                 "left": left})
            days = sum(1 for _t, _d in _team_days(team_ids[:1], first_day, c.end_date,
                                                  calendar.office_closed))
            return _outcome(done, left, len(team_ids), days, per_day, first_day, c.end_date,
                            _district_runs(pending), tuple(r.name for r in pending[done:]),
                            busy)

    # -- reading --------------------------------------------------------------------------------

    def visits(self, campaign_id: uuid.UUID | None, *, team_id: uuid.UUID | None = None,
               day: dt.date | None = None, include_removed: bool = False,
               unmask: bool = False, reason: str | None = None) -> list[VisitRow]:
        """The visits of a campaign (``None``: the stand-alone ones), in route order. Phones
        are masked unless ``unmask`` with the permission and a reason (audited)."""
        self._actor.require(Perm.VIEW)
        if not unmask:
            with self._read_sessions.begin() as s:
                return _visit_rows(s, campaign_id, team_id, day, include_removed, False,
                                   years_only=not self._actor.can(Perm.UNMASK))
        self._actor.require(Perm.UNMASK)
        why = clean(reason)
        if why is None:
            raise ValidationError.single("reason", "reason_required")
        with self._sessions.begin() as s:
            rows = _visit_rows(s, campaign_id, team_id, day, include_removed, True)
            audit.append(s, self._actor, "visit.unmask_list", entity="visit_campaign",
                         entity_id=campaign_id, detail={"reason": why, "count": len(rows)})
            return rows

    def conflicts(self, campaign_id: uuid.UUID) -> list[Conflict]:
        """Warnings about the schedule; none of them stops saving."""
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            c = load_campaign(s, campaign_id)
            return _conflicts(s, c)


def _district_runs(pending: Sequence[Any]) -> list[int]:
    """How many visits each district has, in route order (a team-day never mixes two)."""
    runs: list[int] = []
    last = object()
    for row in pending:
        if row.district_id != last:
            runs.append(0)
            last = row.district_id
        runs[-1] += 1
    return runs


def _slots_needed(runs: Sequence[int], per_day: int) -> int:
    return sum(-(-n // per_day) for n in runs)


def _outcome(done: int, left: int, teams: int, days: int, per_day: int, first: dt.date,
             last: dt.date, runs: Sequence[int], left_names: tuple[str, ...],
             busy: int = 0) -> ScheduleOutcome:
    """The figures and the two ways to fit everyone: more visits per day, or more teams.
    ``busy``: the team-days already holding visits before this run (a second run after
    adding teams), which the teams in all must also cover."""
    available = teams * days
    per_day_needed, teams_needed = per_day, teams
    if left and available:
        per_day_needed = next((p for p in range(per_day, 201)
                               if _slots_needed(runs, p) <= available), 201)
        teams_needed = -(-(busy + _slots_needed(runs, per_day)) // days)
    elif left:
        per_day_needed, teams_needed = 0, 0  # no working day left before the campaign ends
    return ScheduleOutcome(done, left, teams, days, per_day, first, last, per_day_needed,
                           teams_needed, left_names)


class _TeamDay:
    """What one team-day holds: visits in the morning and afternoon and their districts."""

    def __init__(self) -> None:
        self.am, self.pm = 0, 0
        self.districts: set[Any] = set()

    @property
    def total(self) -> int:
        return self.am + self.pm

    def add(self, slot: str | None, district: Any) -> None:
        if slot == SLOTS[0]:
            self.am += 1
        else:
            self.pm += 1
        self.districts.add(district)


def _held(s: Session, campaign_id: uuid.UUID) -> dict[tuple[uuid.UUID, dt.date], _TeamDay]:
    """The visits each team-day already holds (both slots), so running the scheduler again
    after adding teams fills only what is left of a day instead of booking it twice."""
    held: dict[tuple[uuid.UUID, dt.date], _TeamDay] = defaultdict(_TeamDay)
    for v, district in s.execute(
            select(Visit, Person.district_id).join(Person, Person.id == Visit.person_id)
            .where(Visit.campaign_id == campaign_id, Visit.deleted_at.is_(None),
                   Visit.status != "removed", Visit.team_id.is_not(None),
                   Visit.planned_date.is_not(None))):
        if v.team_id is not None and v.planned_date is not None:  # the query says so
            held[(v.team_id, v.planned_date)].add(v.time_slot, district)
    return held


def _next_team_day(slots: Iterator[tuple[uuid.UUID, dt.date]],
                   held: dict[tuple[uuid.UUID, dt.date], _TeamDay], per_day: int,
                   district: Any) -> tuple[tuple[uuid.UUID, dt.date] | None, _TeamDay]:
    """The next team-day with room for a visit in ``district``: a full day is skipped, and so
    is a day already holding another district (a team-day never mixes two)."""
    for slot in slots:
        day = held.get(slot)
        if day is None:
            day = held[slot] = _TeamDay()
        if day.total < per_day and (not day.districts or day.districts == {district}):
            return slot, day
    return None, _TeamDay()


def _team_days(team_ids: Sequence[uuid.UUID], first: dt.date, last: dt.date,
               closed: Callable[[dt.date], str | None]) -> Iterator[tuple[uuid.UUID, dt.date]]:
    """(team, day) for every office working day from ``first`` to ``last``, teams in turn."""
    day = first
    while day <= last:
        if closed(day) is None:
            for team_id in team_ids:
                yield team_id, day
        day += dt.timedelta(days=1)


def _load_visits(s: Session, ids: Sequence[uuid.UUID]) -> list[Visit]:
    out: list[Visit] = []
    id_list = list(ids)
    for start in range(0, len(id_list), CHUNK):
        out.extend(s.scalars(select(Visit).where(Visit.id.in_(id_list[start:start + CHUNK]),
                                                 Visit.deleted_at.is_(None))))
    if len(out) != len(set(id_list)):
        raise NotFound("visit", ",".join(str(i) for i in id_list[:3]))
    return out


def renumber(s: Session, campaign_id: uuid.UUID) -> None:
    """Route order within each team-day: district, township, address (neighbours together)."""
    names = district_names(s)
    rows = s.execute(
        select(Visit, Person.district_id, Person.address)
        .join(Person, Person.id == Visit.person_id)
        .where(Visit.campaign_id == campaign_id, Visit.deleted_at.is_(None),
               Visit.status != "removed", Visit.planned_date.is_not(None))).all()
    groups: dict[tuple[Any, ...], list[Any]] = defaultdict(list)
    for row in rows:
        groups[(row[0].team_id, row[0].planned_date)].append(row)
    for members in groups.values():
        members.sort(key=lambda r: (r[0].time_slot or "", names.get(r.district_id, ""),
                                    r[0].area or "", r.address or ""))
        for n, row in enumerate(members, start=1):
            if row[0].route_order != n:
                row[0].route_order = n


def _teams(s: Session, campaign_id: uuid.UUID) -> list[TeamRow]:
    staff = dict(s.execute(select(VisitStaff.id, VisitStaff.name)).all())
    counts = dict(s.execute(
        select(Visit.team_id, func.count()).where(
            Visit.campaign_id == campaign_id, Visit.deleted_at.is_(None),
            Visit.status != "removed", Visit.team_id.is_not(None))
        .group_by(Visit.team_id)).all())
    out = []
    for t in s.scalars(select(VisitTeam).where(
            VisitTeam.campaign_id == campaign_id, VisitTeam.deleted_at.is_(None))
            .order_by(VisitTeam.name)):
        members = tuple(uuid.UUID(m) for m in json.loads(t.member_ids or "[]"))
        out.append(TeamRow(t.id, t.campaign_id, t.name, t.leader_id,
                           staff.get(t.leader_id, "") if t.leader_id else "", members,
                           tuple(staff.get(m, "?") for m in members), counts.get(t.id, 0)))
    return out


def honors_text(s: Session, person_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    """person -> "全国劳动模范(2015)；浙江省劳动模范(2010)" (kept honors, newest first)."""
    found: dict[uuid.UUID, list[str]] = defaultdict(list)
    ids = list(person_ids)
    for start in range(0, len(ids), CHUNK):
        for pid, title, year in s.execute(
            select(Honor.person_id, Honor.title, Honor.year).where(
                Honor.person_id.in_(ids[start:start + CHUNK]), Honor.revoked_date.is_(None),
                Honor.deleted_at.is_(None)).order_by(Honor.year.desc())):
            found[pid].append(f"{title}({year})" if year else title)
    return {pid: "；".join(v) for pid, v in found.items()}


def _visit_rows(s: Session, campaign_id: uuid.UUID | None, team_id: uuid.UUID | None,
                day: dt.date | None, include_removed: bool, unmask: bool, *,
                years_only: bool = False) -> list[VisitRow]:
    """``years_only``: ages from the birth year (the age reached this year), for a user who
    sees no birth date: an exact age on a known day narrows down the hidden birth date."""
    q = (select(Visit, Person.name, Person.sex, Person.birth_date, Person.treatment_level,
                Person.in_hardship, Person.life_status, Person.death_date, Person.address,
                Person.mobile, Person.phone, Person.district_id, Person.employment_status,
                Person.name_pinyin, Person.spouse_name)
         .join(Person, Person.id == Visit.person_id)
         .where(Visit.deleted_at.is_(None)))
    q = q.where(Visit.campaign_id == campaign_id if campaign_id is not None
                else Visit.campaign_id.is_(None))
    if team_id is not None:
        q = q.where(Visit.team_id == team_id)
    if day is not None:
        q = q.where(Visit.planned_date == day)
    if not include_removed:
        q = q.where(Visit.status != "removed")
    rows = s.execute(q).all()
    names = district_names(s)
    standards = standards_of(s, campaign_id) if campaign_id is not None else ()
    teams = {t.id: t for t in _teams(s, campaign_id)} if campaign_id is not None else {}
    honors = honors_text(s, list({r[0].person_id for r in rows}))
    photos = dict(s.execute(
        select(VisitPhoto.visit_id, func.count()).join(Visit, Visit.id == VisitPhoto.visit_id)
        .where(VisitPhoto.deleted_at.is_(None),
               Visit.campaign_id == campaign_id if campaign_id is not None
               else Visit.campaign_id.is_(None))
        .group_by(VisitPhoto.visit_id)).all())
    today = dt.date.today()
    out = []
    for r in rows:
        v: Visit = r[0]
        st = standard_for(standards, r.treatment_level, r.in_hardship)
        contact = r.mobile or r.phone or ""
        out.append(VisitRow(
            id=v.id, campaign_id=v.campaign_id, person_id=v.person_id, kind=v.kind,
            name=r.name, sex=zh(SEX, r.sex, default=""),
            age=None if r.birth_date is None else (
                (v.planned_date or today).year - r.birth_date.year if years_only
                else age_on(r.birth_date, v.planned_date or today)),
            district=names.get(r.district_id, ""), treatment_level=r.treatment_level,
            honors=honors.get(v.person_id, ""), in_hardship=r.in_hardship,
            life_status=r.life_status, death_date=r.death_date,
            family=(r.spouse_name or "") if r.life_status == "deceased" else "",
            employment_status=r.employment_status or "", address=r.address or "",
            phone=contact if unmask else mask_phone(contact), reason=v.reason or "",
            added_manually=v.added_manually, status=v.status,
            removed_reason=v.removed_reason or "", team_id=v.team_id,
            team=teams[v.team_id].name if v.team_id in teams else "",
            team_people=teams[v.team_id].people if v.team_id in teams else "",
            planned_date=v.planned_date,
            time_slot=v.time_slot or "", area=v.area or "", route_order=v.route_order,
            actual_date=v.actual_date, way=v.way or "", visitors=v.visitors or "",
            money_fen=v.money_fen, goods=v.goods or "",
            standard_fen=st.money_fen if st else 0, standard_goods=st.goods if st else "",
            situation=v.situation or "", follow_up=v.follow_up,
            follow_up_note=v.follow_up_note or "", follow_up_closed=v.follow_up_closed,
            photos=photos.get(v.id, 0), row_version=v.row_version,
        ))
    pinyin = {r[0].id: r.name_pinyin or r.name for r in rows}  # 丁, 万, 严 sorted by pinyin
    out.sort(key=lambda r: (r.planned_date or dt.date.max, r.team, r.route_order or 0,
                            r.district, r.area, pinyin[r.id], r.name))
    return out


def _conflicts(s: Session, c: VisitCampaign) -> list[Conflict]:
    calendar = calendar_in(s)
    rows = s.execute(
        select(Visit.id, Visit.person_id, Visit.team_id, Visit.planned_date, Visit.time_slot,
               Visit.area, Visit.reason, Person.name, Person.life_status, Person.death_date,
               Person.district_id)
        .join(Person, Person.id == Visit.person_id)
        .where(Visit.campaign_id == c.id, Visit.deleted_at.is_(None),
               Visit.status.in_(("planned", "postponed")))).all()
    names = district_names(s)
    teams = {t.id: t.name for t in _teams(s, c.id)}
    out: list[Conflict] = []
    by_person: dict[uuid.UUID, list[Any]] = defaultdict(list)
    places: dict[tuple[Any, ...], set[str]] = defaultdict(set)
    for r in rows:
        by_person[r.person_id].append(r)
        day = r.planned_date
        if day is not None:
            closed = calendar.office_closed(day)
            if closed is not None:
                out.append(Conflict("office_closed", r.id, r.name,
                                    f"{day.isoformat()} 为{closed}，机关不上班",
                                    f"{day.isoformat()} ({label(HOLIDAY, closed, EN)}): "
                                    "offices are closed"))
            if not c.start_date <= day <= c.end_date:
                out.append(Conflict("outside_window", r.id, r.name,
                                    f"{day.isoformat()} 不在走访时段内",
                                    f"{day.isoformat()} is outside the campaign's dates"))
            if r.team_id is not None:
                # two districts in one half-day: a team cannot be in both (townships of one
                # district are neighbours, which the route order takes care of)
                places[(r.team_id, day, r.time_slot or "")].add(names.get(r.district_id, ""))
        family = "家属" in (r.reason or "")
        if r.life_status == "deceased" and not family and (
                day is None or r.death_date is None or day >= r.death_date):
            out.append(Conflict("after_death", r.id, r.name, "此人已故，请改为走访家属或移出",
                                "deceased: visit the family instead, or take off the list"))
    for rs in by_person.values():
        if len(rs) > 1:
            for r in rs:
                out.append(Conflict("person_twice", r.id, r.name,
                                    f"此人在本次活动中安排了 {len(rs)} 次",
                                    f"on this campaign's list {len(rs)} times"))
    for r in rows:
        key = (r.team_id, r.planned_date, r.time_slot or "")
        if r.team_id is not None and r.planned_date is not None and len(places[key]) > 1:
            team, day, slot = teams.get(r.team_id, ""), r.planned_date.isoformat(), r.time_slot
            out.append(Conflict(
                "team_double_booked", r.id, r.name,
                f"{team} {day}{slot or ''} 同时安排在：{'、'.join(sorted(places[key]))}",
                f"{team} {day} {label(TIME_SLOT, slot, EN) if slot else ''} is in two "
                f"districts at once: {', '.join(sorted(places[key]))}"))
    # The same team on the same day in another campaign.
    team_days = {(r.team_id, r.planned_date) for r in rows if r.team_id and r.planned_date}
    if team_days:
        leaders = dict(s.execute(select(VisitTeam.id, VisitTeam.leader_id).where(
            VisitTeam.campaign_id == c.id)).all())
        other = s.execute(
            select(VisitTeam.leader_id, Visit.planned_date, VisitCampaign.title)
            .join(Visit, Visit.team_id == VisitTeam.id)
            .join(VisitCampaign, VisitCampaign.id == Visit.campaign_id)
            .where(VisitTeam.campaign_id != c.id, Visit.deleted_at.is_(None),
                   VisitTeam.leader_id.in_([lid for lid in leaders.values() if lid]),
                   Visit.status.in_(("planned", "postponed")))
            .distinct()).all()
        busy = {(lid, day): title for lid, day, title in other}
        for r in rows:
            lid = leaders.get(r.team_id) if r.team_id else None
            if lid and (lid, r.planned_date) in busy:
                out.append(Conflict(
                    "team_double_booked", r.id, r.name,
                    f"组长当天另有安排：{busy[(lid, r.planned_date)]}",
                    f"the team leader is busy that day: {busy[(lid, r.planned_date)]}"))
    return out
