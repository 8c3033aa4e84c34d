"""Demo visits and recuperation, as of the day the demo is made (``today``): the Spring Festival
and Double Ninth rounds of the past year recorded, a round running today recorded up to
yesterday (the rest still planned), the next round planned and scheduled for three teams as a
draft, and recuperation batches (the last one that has left confirmed, the next being filled).
Set-based inserts inside the demo's own transaction, so 100,000 persons stay fast and a
cancelled demo leaves nothing.

With ``years`` > 1 (``laomo demo --years 5``, the handoff benchmark) every one of those years
has its recorded rounds: Spring Festival, 送清凉 (national and provincial model workers still
at work), Double Ninth and the condolence visits (去世/吊唁) to the families of those who died
that year."""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from dataclasses import replace
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from desktop.models import (
    RecuperationBatch,
    RecuperationEntry,
    Visit,
    VisitCampaign,
    VisitStaff,
    VisitStandard,
    VisitTeam,
)
from desktop.services import audit
from desktop.services.holidays import calendar_in
from desktop.services.permissions import Actor
from desktop.services.visits.recuperation import RecuperationRules, eligibility_rows
from desktop.services.visits.rules import (
    Rules,
    default_draft,
    default_window,
    matches,
    reasons_text,
)
from desktop.services.visits.store import area_of, district_names, ref_date, standard_for

STAFF = (("王建国", "协会会长"), ("李秀英", "协会秘书长"), ("张伟", "办公室主任"),
         ("刘芳", "干事"), ("陈静", "干事"), ("杨磊", "工会干部"))
SITUATIONS = ("身体健康，生活安定", "腿脚不便，由子女照顾", "精神很好，感谢组织关心",
              "患有高血压，按时服药", "独居，需要多关心")
CONDOLENCES = ("家属情绪平稳，转达组织慰问", "协助家属办理后事", "配偶年迈，需多关心")
FOLLOW_UPS = ("住院治疗中，需探望", "家庭收入下降，建议建立困难档案", "房屋漏雨，需协调维修")
CHUNK = 2000
_VISIT = cast(Table, Visit.__table__)
_BLANK: dict[str, Any] = dict(
    reason=None, added_manually=False, status="planned", removed_reason=None, team_id=None,
    planned_date=None, time_slot=None, area=None, route_order=None, actual_date=None, way=None,
    visitors=None, money_fen=None, goods=None, over_standard_reason=None, situation=None,
    follow_up=False, follow_up_note=None, follow_up_closed=False, recorded_by=None,
    row_version=1, deleted_at=None, deleted_by=None, delete_reason=None,
)


# 送清凉 in the demo: the national and provincial model workers still at work (the default
# rule, every level at work, would be a third of the register every summer)
# and the condolence round: the families of model workers who died within the year
SPECIAL = {"送清凉": Rules(levels=("全国", "省部级"), employed_only=True),
           "去世/吊唁": Rules(deceased_families=True, deceased_within_years=1)}


MAIN = ("元旦春节", "重阳")  # the rounds of ``years`` = 1, and the next one planned
EVERY = ("元旦春节", "送清凉", "重阳", "去世/吊唁")  # of each year when ``years`` > 1


def demo_rounds(today: dt.date, years: int = 1) -> tuple[list[tuple[str, int]], tuple[str, int]]:
    """The rounds that have begun by ``today`` (past ones and the one running, oldest first)
    and the next one to plan: of the last twelve months (``years`` = 1) or of the calendar
    years ``today.year - years + 1`` … ``today.year``."""
    occasions = MAIN if years == 1 else EVERY
    cutoff = (today - dt.timedelta(days=365) if years == 1
              else dt.date(today.year - years + 1, 1, 1))
    begun: list[tuple[dt.date, str, int]] = []
    coming: list[tuple[dt.date, str, int]] = []
    for y in range(today.year - years, today.year + 3):
        for occasion in occasions:
            start, end, _day = default_window(occasion, y)
            if start <= today and end >= cutoff:
                begun.append((start, occasion, y))
            elif start > today and occasion in MAIN:
                coming.append((start, occasion, y))
    begun.sort()
    _start, occasion, y = min(coming)
    return [(o, y_) for _s, o, y_ in begun], (occasion, y)


def add_demo_visits(s: Session, rng: random.Random, actor: Actor, today: dt.date,
                    years: int = 1, now: dt.datetime | None = None) -> dict[str, int]:
    """Everything above, for the register as it stands in ``s``; returns counts. Nothing is
    recorded after ``today`` or stamped later than ``now``."""
    now = now or dt.datetime.now(dt.UTC)
    staff = [uuid.uuid4() for _ in STAFF]
    s.execute(insert(VisitStaff), [dict(id=i, name=n, position=p)
                                   for i, (n, p) in zip(staff, STAFF, strict=True)])
    counts = {"campaigns": 0, "visits": 0, "recuperation": 0}
    begun, coming = demo_rounds(today, years)
    for (occasion, y), started in (*((r, True) for r in begun), (coming, False)):
        counts["visits"] += _campaign(s, rng, occasion, y, started, staff, today, now)
        counts["campaigns"] += 1
    counts["recuperation"] = _recuperation(s, rng, today)
    audit.append(s, actor, "demo.visits", detail=counts)
    return counts


def _campaign(s: Session, rng: random.Random, occasion: str, year: int, started: bool,
              staff: list[uuid.UUID], today: dt.date, now: dt.datetime) -> int:
    """A round; ``started``: approved before it began, the visits before ``today`` recorded
    (a round still running has the rest planned); else a draft of the next round."""
    draft = default_draft(occasion, year)
    if occasion in SPECIAL:
        draft = replace(draft, rules=SPECIAL[occasion])
    c = VisitCampaign(id=uuid.uuid4(), occasion=occasion, year=year, title=draft.title,
                      start_date=draft.start_date, end_date=draft.end_date,
                      occasion_date=draft.occasion_date, rules=draft.rules.to_json(),
                      created_by="demo", last_edited_by="demo")
    if started:  # rounds were approved before anyone went out; the next is a draft
        c.approved_by = "demo-reviewer"
        c.approved_at = min(dt.datetime.combine(draft.start_date, dt.time(9), dt.UTC), now)
    s.add(c)
    s.flush()
    s.execute(insert(VisitStandard), [dict(id=uuid.uuid4(), campaign_id=c.id, level=st.level,
                                           money_fen=st.money_fen, goods=st.goods or None)
                                      for st in draft.standards])
    teams = []
    for n in range(3):
        team = uuid.uuid4()
        teams.append(team)
        members = [str(staff[(n * 2 + k) % len(staff)]) for k in (1, 2)]
        s.add(VisitTeam(id=team, campaign_id=c.id, name=f"第{'一二三'[n]}组",
                        leader_id=staff[n], member_ids=json.dumps(members)))
    s.flush()
    ref = ref_date(c)
    hits = matches(s, draft.rules, ref)
    if occasion == "去世/吊唁":  # the families of those who died that year
        hits = {k: v for k, v in hits.items() if v.death_date and v.death_date.year == year}
    names = district_names(s)
    people = [(p, names.get(p.district_id, "")) for p in hits.values()]  # the rule rows
    people.sort(key=lambda pd: (pd[1], area_of(pd[0].address) or "", pd[0].address or "",
                                str(pd[0].id)))
    calendar = calendar_in(s)
    day, slot_fill, team_index = draft.start_date, 0, 0
    workdays = sum(1 for n in range((draft.end_date - draft.start_date).days + 1)
                   if calendar.office_closed(draft.start_date + dt.timedelta(days=n)) is None)
    per_day = max(12, -(-len(people) // (len(teams) * max(workdays - 1, 1))))
    total = c.budget_fen = 0
    rows: list[dict[str, Any]] = []
    for p, _district in people:
        while calendar.office_closed(day) is not None and day < draft.end_date:
            day += dt.timedelta(days=1)
        st = standard_for(draft.standards, p.treatment_level, p.in_hardship)
        when = day
        if occasion == "去世/吊唁" and p.death_date is not None:  # the family after the death
            when = min(max(day, p.death_date + dt.timedelta(days=3)), draft.end_date)
        row: dict[str, Any] = dict(
            _BLANK, id=uuid.uuid4(), campaign_id=c.id, person_id=p.id, kind=occasion,
            reason=reasons_text(draft.rules, hits[p.id], p.treatment_level, p.birth_date,
                                p.death_date, ref)[:300],
            status="planned", area=area_of(p.address), team_id=teams[team_index],
            planned_date=when, time_slot="上午" if slot_fill < per_day // 2 else "下午",
            route_order=slot_fill + 1, origin_district_id=c.origin_district_id,
        )
        if started and when < today:
            roll = rng.random()
            status = ("done" if roll < 0.92 else "not_home" if roll < 0.95 else
                      "declined" if roll < 0.97 else "planned")
            row["status"] = status
            if status != "planned":
                row["actual_date"] = when
                row["way"] = "登门"
                row["visitors"] = None
            if status == "done":
                row["money_fen"] = st.money_fen if st else 0
                row["goods"] = st.goods if st and st.goods else None
                said = CONDOLENCES if occasion == "去世/吊唁" else SITUATIONS
                row["situation"] = said[rng.randrange(len(said))]
                total += row["money_fen"] or 0
                if rng.random() < 0.02:
                    row["follow_up"] = True
                    row["follow_up_note"] = FOLLOW_UPS[rng.randrange(len(FOLLOW_UPS))]
            row["recorded_by"] = "demo"
        rows.append(row)
        slot_fill += 1
        if slot_fill >= per_day:
            slot_fill, team_index = 0, team_index + 1
            if team_index >= len(teams):
                team_index, day = 0, min(day + dt.timedelta(days=1), draft.end_date)
    for start in range(0, len(rows), CHUNK):
        s.execute(_VISIT.insert(), rows[start:start + CHUNK])
    c.budget_fen = max(total, sum((st.money_fen for st in draft.standards), 0) * 10) \
        if started else None
    return len(rows)


def _recuperation(s: Session, rng: random.Random, today: dt.date) -> int:
    """The last batch that has left by ``today`` (its roster confirmed) and the next one, being
    filled with the following names."""
    done = 0
    ranked: list[Any] = []
    last = today.year if dt.date(today.year, 5, 11) <= today else today.year - 1
    for y, organiser, quota, confirm in ((last, "市总", 30, True), (last + 1, "市总", 30, False)):
        start = dt.date(y, 5, 11)
        b = RecuperationBatch(
            id=uuid.uuid4(), year=y, name=f"{y}年{organiser}劳模疗休养（第一批）",
            destination="舟山普陀", start_date=start, end_date=start + dt.timedelta(days=4),
            days=5, quota=quota, cost_per_day_fen=60000, organiser=organiser,
            rules=RecuperationRules().to_json())
        s.add(b)
        s.flush()
        if confirm:  # one eligibility pass: next year's batch takes the following names
            ranked = [r for r in eligibility_rows(s, b, None) if r.eligible]
        take = ranked[:quota] if confirm else ranked[quota:quota + quota // 2]
        entries = []
        for r in take:
            status = "confirmed" if confirm else "nominated"
            decline = None
            if confirm and rng.random() < 0.1:
                status, decline = "declined", "身体原因"
            entries.append(dict(id=uuid.uuid4(), batch_id=b.id, person_id=r.person_id,
                                status=status, priority=r.rank, explanation=r.explanation,
                                decline_reason=decline))
        if entries:
            s.execute(insert(RecuperationEntry), entries)
        done += len(entries)
    return done
