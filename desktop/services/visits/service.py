"""Visit campaigns (走访慰问, 送清凉): plan from rules, add/remove with a reason, check coverage
("不遗漏、全覆盖"); scheduling and recording are in ``visit_schedule`` and ``visit_records``,
whose methods ``VisitService`` inherits so the views have one service.

Candidate lists and the coverage check are set-based (one statement over the register, then
Python over the matches only), so a 100,000-person register answers in well under two seconds.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, insert, or_, select
from sqlalchemy.orm import Session

from desktop.core.domain import age_on
from desktop.core.reference import LIFE_DECEASED
from desktop.core.search_keys import name_keys
from desktop.core.vocabulary import LIFE_STATUS, zh
from desktop.errors import AppError, FieldProblem, NotFound, PermissionDenied, ValidationError
from desktop.models import AuditEvent, Person, Visit, VisitCampaign, VisitStandard
from desktop.services import audit, ownership
from desktop.services.base import Service, display_names
from desktop.services.hardship.workflow import local_date
from desktop.services.permissions import Perm
from desktop.services.visits.records import VisitRecords
from desktop.services.visits.rules import (
    STANDALONE,
    CampaignDraft,
    LevelStandard,
    Rules,
    check_draft,
    default_draft,
    matches,
    reasons_text,
)
from desktop.services.visits.schedule import VisitSchedule, renumber
from desktop.services.visits.store import (
    EDIT,
    area_of,
    clean,
    district_names,
    load_campaign,
    load_visit,
    origin_of,
    persons,
    ref_date,
    standards_of,
)
from desktop.services.visits.types import (
    CampaignDetail,
    CampaignRow,
    CandidateRow,
    Coverage,
    CoverageRow,
)

__all__ = ["CampaignMakerChecker", "VisitService"]


class CampaignMakerChecker(PermissionDenied):
    """The campaign list's maker or last editor tried to approve it (maker ≠ checker)."""

    def __init__(self, user: str) -> None:
        super().__init__("maker_checker", user=user)
        self.code = "campaign_maker_checker"


class VisitService(VisitSchedule, VisitRecords, Service):
    """Use cases of visit campaigns; every public method is one transaction."""

    def today(self) -> dt.date:
        """The service's today: a result's date may not be later (the record dialog's default)."""
        return self._today()

    # -- campaigns ----------------------------------------------------------------------------

    def default_draft(self, occasion: str, year: int) -> CampaignDraft:
        """The default title, window, rules and standards for an occasion and year."""
        if occasion == "春节":
            occasion = "元旦春节"
        return default_draft(occasion, year)

    def campaigns(self) -> list[CampaignRow]:
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            counts: dict[uuid.UUID, tuple[int, int]] = {}
            for cid, status, n in s.execute(  # campaign_id IS NOT NULL
                select(Visit.campaign_id, Visit.status, func.count())
                .where(Visit.deleted_at.is_(None), Visit.status != "removed",
                       Visit.campaign_id.is_not(None))
                .group_by(Visit.campaign_id, Visit.status)
            ):
                assert cid is not None
                p, d = counts.get(cid, (0, 0))
                counts[cid] = (p + n, d + (n if status == "done" else 0))
            rows = s.scalars(select(VisitCampaign).where(VisitCampaign.deleted_at.is_(None))
                             .order_by(VisitCampaign.year.desc(), VisitCampaign.start_date.desc()))
            return [CampaignRow(c.id, c.occasion, c.year, c.title, c.start_date, c.end_date,
                                c.occasion_date, c.budget_fen, *counts.get(c.id, (0, 0)),
                                approved_by=c.approved_by)
                    for c in rows]

    def campaign(self, campaign_id: uuid.UUID) -> CampaignDetail:
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            c = load_campaign(s, campaign_id)
            return CampaignDetail(
                c.id, c.occasion, c.year, c.title, c.start_date, c.end_date, c.occasion_date,
                c.budget_fen, Rules.from_json(c.rules), standards_of(s, c.id), c.notes,
                c.row_version, created_by=c.created_by, last_edited_by=c.last_edited_by,
                approved_by=c.approved_by, approved_at=c.approved_at,
                owner=ownership.foreign_owner(s, c.origin_district_id),
                approver=_display_name(s, c.approved_by), unscheduled=_unscheduled(s, c.id))

    def create_campaign(self, draft: CampaignDraft) -> uuid.UUID:
        """A new campaign; refused (nothing saved) without rules or when one for the same
        occasion and year exists."""
        self._actor.require(EDIT)
        problems = check_draft(draft)
        if problems:
            raise ValidationError(problems)
        with self._sessions.begin() as s:
            self._check_overlap(s, draft, None)
            c = VisitCampaign(
                id=uuid.uuid4(), occasion=draft.occasion, year=draft.year,
                title=draft.title.strip(), start_date=draft.start_date, end_date=draft.end_date,
                occasion_date=draft.occasion_date, budget_fen=draft.budget_fen,
                rules=draft.rules.to_json(), notes=clean(draft.notes),
                created_by=self._actor.name, last_edited_by=self._actor.name,
                origin_district_id=ownership.home_id(s),
            )
            s.add(c)
            s.flush()
            self._put_standards(s, c.id, draft.standards)
            audit.append(s, self._actor, "visit_campaign.create", entity="visit_campaign",
                         entity_id=c.id, detail={"occasion": c.occasion, "year": c.year,
                                                 "rules": draft.rules.describe()})
            return c.id

    def update_campaign(self, campaign_id: uuid.UUID, draft: CampaignDraft) -> None:
        """Change title, window, budget, rules and standards (planned visits stay)."""
        self._actor.require(EDIT)
        problems = check_draft(draft)
        if problems:
            raise ValidationError(problems)
        with self._sessions.begin() as s:
            c = load_campaign(s, campaign_id, edit=True)
            self._check_overlap(s, draft, c.id)
            c.occasion, c.year, c.title = draft.occasion, draft.year, draft.title.strip()
            c.start_date, c.end_date = draft.start_date, draft.end_date
            c.occasion_date, c.budget_fen = draft.occasion_date, draft.budget_fen
            c.rules, c.notes = draft.rules.to_json(), clean(draft.notes)
            self._put_standards(s, c.id, draft.standards)
            withdrawn = self._edited(c)
            audit.append(s, self._actor, "visit_campaign.update", entity="visit_campaign",
                         entity_id=c.id, detail={"rules": draft.rules.describe(),
                                                 **withdrawn})

    # -- approval (maker ≠ checker) ---------------------------------------------------------------

    def approve_campaign(self, campaign_id: uuid.UUID, opinion: str | None = None) -> int:
        """A reviewer (or administrator) approves the campaign's list (审批名单). Never the
        person who made it or last changed it; any later change to the list (rules, planning,
        adding or removing a person) withdraws the approval. Visits without a team or a date
        do not stop it (a list is approved before the teams are formed, and a death or a
        hospital stay is visited at once): their number is returned and written to the audit
        log, and the page tells the reviewer before confirming (``CampaignDetail.unscheduled``)."""
        self._actor.require(Perm.APPROVE)
        with self._sessions.begin() as s:
            c = load_campaign(s, campaign_id, edit=True)
            if c.approved_by is not None:
                raise AppError("campaign_already_approved", user=c.approved_by,
                               when=local_date(c.approved_at).isoformat() if c.approved_at else "")
            if self._actor.name in campaign_makers(s, c):
                raise CampaignMakerChecker(self._actor.name)
            planned = s.scalar(select(func.count()).select_from(Visit).where(
                Visit.campaign_id == c.id, Visit.deleted_at.is_(None),
                Visit.status != "removed")) or 0
            unscheduled = _unscheduled(s, c.id)
            c.approved_by, c.approved_at = self._actor.name, dt.datetime.now(dt.UTC)
            audit.append(s, self._actor, "visit_campaign.approve", entity="visit_campaign",
                         entity_id=c.id, detail={"planned": int(planned),
                                                 "unscheduled": unscheduled,
                                                 "opinion": clean(opinion)})
            return unscheduled

    def require_approved(self, campaign_id: uuid.UUID) -> None:
        """Printing the final visit list or the receipt sheet needs an approved list:
        ``campaign_not_approved`` otherwise (the summary and the Excel working copy do not)."""
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            c = load_campaign(s, campaign_id)
            if c.approved_by is None:
                raise AppError("campaign_not_approved", title=c.title)

    def _edited(self, c: VisitCampaign) -> dict[str, Any]:
        """The list changed: the actor becomes its last editor and an approval is withdrawn
        (returned for the audit detail)."""
        c.last_edited_by = self._actor.name
        if c.approved_by is None:
            return {}
        was = c.approved_by
        c.approved_by, c.approved_at = None, None
        return {"approval_withdrawn": was}

    @staticmethod
    def _check_overlap(s: Session, draft: CampaignDraft, own: uuid.UUID | None) -> None:
        if draft.occasion in STANDALONE:
            return
        q = select(VisitCampaign.title).where(
            VisitCampaign.deleted_at.is_(None), VisitCampaign.occasion == draft.occasion,
            VisitCampaign.year == draft.year)
        home = ownership.home_id(s)
        if home is not None:  # at the city the districts' own campaigns do not count
            q = q.where(or_(VisitCampaign.origin_district_id.is_(None),
                            VisitCampaign.origin_district_id == home))
        if own is not None:
            q = q.where(VisitCampaign.id != own)
        other = s.scalars(q).first()
        if other is not None:
            raise ValidationError(FieldProblem("occasion", "campaign_overlaps", {
                "title": other, "occasion": draft.occasion, "year": draft.year}))

    @staticmethod
    def _put_standards(s: Session, campaign_id: uuid.UUID,
                       standards: tuple[LevelStandard, ...]) -> None:
        existing = {st.level: st for st in s.scalars(
            select(VisitStandard).where(VisitStandard.campaign_id == campaign_id))}
        for st in standards:
            row = existing.pop(st.level, None)
            if row is None:
                s.add(VisitStandard(id=uuid.uuid4(), campaign_id=campaign_id, level=st.level,
                                    money_fen=st.money_fen, goods=clean(st.goods)))
            else:
                row.money_fen, row.goods = st.money_fen, clean(st.goods)
        for row in existing.values():
            s.delete(row)

    # -- candidates and coverage ----------------------------------------------------------------

    def candidates(self, campaign_id: uuid.UUID) -> list[CandidateRow]:
        """Everyone the rules name, with the reason, and whether already planned."""
        return self.candidates_and_coverage(campaign_id)[0]

    def coverage(self, campaign_id: uuid.UUID) -> Coverage:
        """Who the rules name but the campaign does not plan (or removed), and who the
        previous campaign of the same occasion visited but this one does not."""
        return self.candidates_and_coverage(campaign_id)[1]

    def candidates_and_coverage(
            self, campaign_id: uuid.UUID) -> tuple[list[CandidateRow], Coverage]:
        """Both at once from one pass of the rules over the register (what the page shows)."""
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            c = load_campaign(s, campaign_id)
            rules, ref = Rules.from_json(c.rules), ref_date(c)
            hits = matches(s, rules, ref)
            names = district_names(s)
            status: dict[uuid.UUID, tuple[str, str | None]] = {
                pid: (st, why) for pid, st, why in s.execute(
                    select(Visit.person_id, Visit.status, Visit.removed_reason).where(
                        Visit.campaign_id == c.id, Visit.deleted_at.is_(None)))}
            reasons = {pid: reasons_text(rules, p, p.treatment_level, p.birth_date,
                                         p.death_date, ref) for pid, p in hits.items()}
            out = []
            for p in hits.values():
                st = status.get(p.id)
                out.append(CandidateRow(
                    p.id, p.name, p.sex, age_on(p.birth_date, ref) if p.birth_date else None,
                    names.get(p.district_id, ""), p.treatment_level, p.in_hardship,
                    p.life_status, reasons[p.id], st is not None and st[0] != "removed"))
            out.sort(key=lambda r: (r.district, name_keys(r.name)[0], r.name))  # pinyin
            return out, _coverage(s, c, hits, reasons, status, names)

    def plan(self, campaign_id: uuid.UUID) -> int:
        """Add every person the rules name who is not yet in the campaign (removed persons
        stay removed); returns how many were added."""
        self._actor.require(EDIT)
        with self._sessions.begin() as s:
            c = load_campaign(s, campaign_id, edit=True)
            rules, ref = Rules.from_json(c.rules), ref_date(c)
            if rules.empty:
                raise ValidationError.single("rules", "campaign_no_rules")
            hits = matches(s, rules, ref)
            known = set(s.scalars(select(Visit.person_id).where(
                Visit.campaign_id == c.id, Visit.deleted_at.is_(None))))
            rows: list[dict[str, Any]] = []
            origin = origin_of(s, c)
            for p in (hits[pid] for pid in hits if pid not in known):
                rows.append(dict(
                    id=uuid.uuid4(), campaign_id=c.id, person_id=p.id, kind=c.occasion,
                    reason=reasons_text(rules, hits[p.id], p.treatment_level, p.birth_date,
                                        p.death_date, ref)[:300],
                    status="planned", area=area_of(p.address), origin_district_id=origin,
                ))
            for start in range(0, len(rows), 2000):
                s.execute(insert(Visit), rows[start:start + 2000])
            withdrawn = self._edited(c) if rows else {}
            audit.append(s, self._actor, "visit_campaign.plan", entity="visit_campaign",
                         entity_id=c.id, detail={"added": len(rows), **withdrawn})
            return len(rows)

    def add_person(self, campaign_id: uuid.UUID, person_id: uuid.UUID, reason: str) -> uuid.UUID:
        """Put someone the rules do not name on the list (or back on it), with a reason."""
        self._actor.require(EDIT)
        why = clean(reason)
        if why is None:
            raise ValidationError.single("reason", "reason_required")
        with self._sessions.begin() as s:
            c = load_campaign(s, campaign_id, edit=True)
            p = s.get(Person, person_id)
            if p is None or p.deleted_at is not None:
                raise NotFound("person", person_id)
            visit = s.scalars(select(Visit).where(
                Visit.campaign_id == c.id, Visit.person_id == p.id,
                Visit.deleted_at.is_(None))).first()
            if visit is not None and visit.status != "removed":
                raise ValidationError.single("person", "already_planned", name=p.name)
            if visit is None:
                visit = Visit(id=uuid.uuid4(), campaign_id=c.id, person_id=p.id,
                              kind=c.occasion, area=area_of(p.address),
                              origin_district_id=origin_of(s, c))
                s.add(visit)
            visit.status, visit.removed_reason = "planned", None
            visit.reason, visit.added_manually = f"手工添加：{why}"[:300], True
            s.flush()
            withdrawn = self._edited(c)
            audit.append(s, self._actor, "visit.add", entity="visit", entity_id=visit.id,
                         detail={"person": str(p.id), "reason": why, **withdrawn})
            return visit.id

    def remove_visit(self, visit_id: uuid.UUID, reason: str) -> None:
        """Take a planned visit off the list; the reason shows in the coverage check."""
        self._actor.require(EDIT)
        why = clean(reason)
        if why is None:
            raise ValidationError.single("reason", "reason_required")
        with self._sessions.begin() as s:
            visit = load_visit(s, visit_id, edit=True)
            if visit.status not in ("planned", "postponed"):
                raise ValidationError.single("status", "visit_already_recorded")
            visit.status, visit.removed_reason = "removed", why[:300]
            s.flush()
            withdrawn: dict[str, Any] = {}
            if visit.campaign_id is not None:
                renumber(s, visit.campaign_id)
                withdrawn = self._edited(load_campaign(s, visit.campaign_id))
            audit.append(s, self._actor, "visit.remove", entity="visit", entity_id=visit.id,
                         detail={"reason": why, **withdrawn})


_LIST_ACTIONS = ("visit_campaign.create", "visit_campaign.update", "visit_campaign.plan")


def _display_name(s: Session, login: str | None) -> str | None:
    """The name people know a user by (李审核), for a log-in name (shenhe); the log-in name
    when the account is gone."""
    if not login:
        return login
    return display_names(s, [login])[login]


def _unscheduled(s: Session, campaign_id: uuid.UUID) -> int:
    """Visits still to be made with no team or no date (the page's 提醒 counts the same)."""
    return int(s.scalar(select(func.count()).select_from(Visit).where(
        Visit.campaign_id == campaign_id, Visit.deleted_at.is_(None),
        Visit.status.in_(("planned", "postponed")),
        or_(Visit.planned_date.is_(None), Visit.team_id.is_(None)))) or 0)


def campaign_makers(s: Session, c: VisitCampaign) -> set[str]:
    """Everyone who made or changed the list a checker approves (issue 16, item 7): the
    creator, the last editor, and whoever changed the rules, planned it, or added or removed
    a person, as the audit log records (not only the creator and the last editor)."""
    found = {n for n in (c.created_by, c.last_edited_by) if n}
    found.update(s.scalars(select(AuditEvent.actor).where(
        AuditEvent.entity == "visit_campaign", AuditEvent.entity_id == str(c.id),
        AuditEvent.action.in_(_LIST_ACTIONS))))
    visits = [str(v) for v in s.scalars(select(Visit.id).where(Visit.campaign_id == c.id))]
    for start in range(0, len(visits), 500):
        found.update(s.scalars(select(AuditEvent.actor).where(
            AuditEvent.entity == "visit", AuditEvent.entity_id.in_(visits[start:start + 500]),
            AuditEvent.action.in_(("visit.add", "visit.remove")))))
    return found


def _coverage(s: Session, c: VisitCampaign, hits: dict[uuid.UUID, Any],
              reasons: dict[uuid.UUID, str], status: dict[uuid.UUID, tuple[str, str | None]],
              names: dict[uuid.UUID, str]) -> Coverage:
    active = {pid for pid, (st, _w) in status.items() if st != "removed"}
    done = sum(1 for st, _w in status.values() if st == "done")
    previous = s.scalars(select(VisitCampaign).where(
        VisitCampaign.deleted_at.is_(None), VisitCampaign.occasion == c.occasion,
        VisitCampaign.year < c.year).order_by(VisitCampaign.year.desc())).first()
    before: set[uuid.UUID] = set()
    if previous is not None:
        before = set(s.scalars(select(Visit.person_id).where(
            Visit.campaign_id == previous.id, Visit.deleted_at.is_(None),
            Visit.status == "done")))
    worry = {pid for pid in hits if pid not in active} | {
        pid for pid in before if pid not in active}
    found = [(hits[pid], names.get(hits[pid].district_id, "")) for pid in worry if pid in hits]
    found += persons(s, [pid for pid in worry if pid not in hits])
    rows = []
    for p, district in found:
        st, removed = status.get(p.id, ("", None))
        if p.id in hits:
            problem = "removed" if st == "removed" else "not_planned"
            rows.append(CoverageRow(p.id, p.name, district, p.treatment_level, problem,
                                    reasons[p.id], removed or ""))
        else:
            assert previous is not None
            rows.append(CoverageRow(
                p.id, p.name, district, p.treatment_level, "dropped",
                f"{previous.year}年{previous.occasion}已走访", removed or _now_status(p)))
    order = {"not_planned": 0, "dropped": 1, "removed": 2}
    rows.sort(key=lambda r: (order[r.problem], r.district, name_keys(r.name)[0], r.name))
    return Coverage(c.id, len(hits), len(active), done,
                    previous.title if previous is not None else None, tuple(rows))


def _now_status(p: Any) -> str:
    if p.life_status == "deceased":
        return zh(LIFE_STATUS, LIFE_DECEASED)
    for flag, words in ((p.is_revoked, "称号已撤销"), (p.is_emigrated, "已移居国(境)外"),
                        (p.is_lost_contact, "失联"), (p.under_investigation, "接受调查")):
        if flag:
            return words
    if p.merged_into_id is not None:
        return "记录已合并"
    return "本次规则未包含"
