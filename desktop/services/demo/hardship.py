"""Demo hardship files (困难劳模帮扶) in every state, so a new user sees a living example.

Called by ``DemoService.generate`` inside its transaction, after the persons are written. About
one person in nine gets a file (every person the register flags as in hardship gets an active
one); each file carries a history consistent with its state and with the rules the services
keep: a demo clerk makes and submits, a demo reviewer verifies, a demo approver decides and
closes (maker ≠ checker, verifier ≠ approver); none is a real user, so any real reviewer may act
on them. The household is the register's (own income, spouse and the spouse's income, household
size), a few files deliberately differing in the income, so that 与名册不一致 shows where it
means something. Payments keep the demo standards. Dates are relative to ``today`` so the work
lists are alive: notices ending this week, reviews due, files not touched for a year; no time is
later than ``now``. Rows are written with bulk inserts (10,000 files in a few seconds).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session

from desktop.models import (
    HardshipAttachment,
    HardshipCase,
    HardshipMember,
    HardshipPayment,
    HardshipStep,
    Person,
    Standard,
)
from desktop.services import audit
from desktop.services.hardship.rules import (
    DIBAO,
    add_months,
    add_working_days,
    causes,
    step_documents,
)
from desktop.services.permissions import Actor

CLERK = ("demo_clerk", "演示录入员", "clerk")
REVIEWER = ("demo_reviewer", "演示审核员", "reviewer")  # verifies (入户核查)
APPROVER = ("demo_approver", "演示审批人", "reviewer")  # approves, rejects, closes
DIFFERING_SHARE = 0.04  # files whose income differs from the register (it was out of date)
SHARE = 0.11  # files per person (10,000 at a 100,000-person register)
HISTORY_SHARE = 0.033  # closed files per person and earlier year (``years`` > 1)
# state -> weight among the files of persons not flagged in hardship
STATES = (("draft", 10), ("submitted", 8), ("verified", 6), ("notice", 8), ("approved", 20),
          ("review", 6), ("rejected", 8), ("closed", 34))
# kind -> (cap in fen, ratio %, per year)
RULES: dict[str, tuple[int, int | None, int | None]] = {
    "生活困难补助": (250_000, None, 1), "特殊困难帮扶金": (300_000, None, 1),
    "医疗救助": (5_000_000, 60, None), "助学": (500_000, None, 1),
    "春节慰问金": (200_000, None, 1), "健康体检补助": (50_000, None, 1),
}
DIBAO_LINES = {2019: 80_000, 2020: 85_000, 2021: 90_000, 2022: 98_000, 2023: 105_000,
               2024: 111_000, 2025: 117_000, 2026: 121_000}
RELATIONS = (("子女", 0.7), ("子女", 0.25), ("父母", 0.15))  # besides the register's spouse
FAMILY = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "建国秀英志强丽华明军海燕春梅国庆小红伟东晓雨"
FINDINGS = ("入户查看，住房简陋，家庭收入情况属实", "电话询问本人及社区，情况属实",
            "与民政低保信息比对一致", "邻里走访，反映情况属实，配偶长期患病")
T_CASE = cast(Table, HardshipCase.__table__)
T_MEMBER = cast(Table, HardshipMember.__table__)
T_STEP = cast(Table, HardshipStep.__table__)
T_PAYMENT = cast(Table, HardshipPayment.__table__)
T_STANDARD = cast(Table, Standard.__table__)
T_ATTACHMENT = cast(Table, HardshipAttachment.__table__)


def _standards(s: Session, years: range) -> None:
    """The demo's standards (general rows, no district), unless the year already has them."""
    have = {(y, k) for y, k in s.execute(select(Standard.year, Standard.kind)
                                         .where(Standard.district_id.is_(None)))}
    rows: list[dict[str, Any]] = []
    for year in years:
        if (year, DIBAO) not in have:
            rows.append(dict(id=uuid.uuid4(), year=year, kind=DIBAO, district_id=None,
                             amount=DIBAO_LINES.get(year, 121_000), note="演示：月低保标准"))
        for kind, (cap, ratio, per_year) in RULES.items():
            if (year, kind) not in have:
                rows.append(dict(id=uuid.uuid4(), year=year, kind=kind, district_id=None,
                                 amount=cap, ratio_pct=ratio, per_year=per_year,
                                 note="演示标准"))
    if rows:
        s.execute(T_STANDARD.insert(), [
            {"ratio_pct": None, "per_year": None, "updated_at": dt.datetime.now(dt.UTC), **r}
            for r in rows])


@dataclass(frozen=True)
class _Register:
    """What the register says of a person's household (incomes in fen)."""

    income: int | None
    spouse_name: str | None
    spouse_income: int | None
    spouse_health: str | None
    household_size: int | None


def _fen(yuan: Decimal | None) -> int | None:
    return None if yuan is None else int(yuan * 100)


class _Files:
    """Builds the rows; owns the random stream (same seed, same files)."""

    def __init__(self, rng: random.Random, today: dt.date, now: dt.datetime,
                 salt: int = 0) -> None:
        self.rng = rng
        self.salt = salt
        self.today = today
        self.now = now
        self.cases: list[dict[str, Any]] = []
        self.members: list[dict[str, Any]] = []
        self.steps: list[dict[str, Any]] = []
        self.payments: list[dict[str, Any]] = []
        self.attachments: list[dict[str, Any]] = []
        self.serials: dict[int, int] = {}
        self.cause_codes = list(causes())
        self._case_steps: list[str] = []
        self._case_docs: set[str] = set()
        self._last_at: dt.datetime | None = None

    def uid(self) -> uuid.UUID:
        # salted with the database's own district id: the same seed in two districts' demo
        # databases must not make the same record ids (the city would take one district's
        # files for the other's)
        return uuid.UUID(int=self.rng.getrandbits(128) ^ self.salt, version=4)

    def at(self, day: dt.date) -> dt.datetime:
        """A working-hours time of ``day``, never later than ``now`` (a step of today at 16:55
        seen at 14:30 was in the future)."""
        at = dt.datetime.combine(day, dt.time(9 + self.rng.randrange(8), self.rng.randrange(60)),
                                 tzinfo=dt.UTC)
        if at <= self.now:
            return at
        start = dt.datetime.combine(day, dt.time(9), tzinfo=dt.UTC)
        minutes = int((self.now - start).total_seconds() // 60)
        return start + dt.timedelta(minutes=self.rng.randrange(minutes)) if minutes > 0 \
            else self.now  # between nine and now, else now

    def serial(self, year: int) -> str:
        self.serials[year] = self.serials.get(year, 0) + 1
        return f"KN-{year}-{self.serials[year]:05d}"

    def step(self, case: dict[str, Any], action: str, before: str, after: str, day: dt.date,
             opinion: str, who: tuple[str, str, str], detail: dict[str, Any] | None = None
             ) -> None:
        at = self.at(day)
        if self._last_at is not None and at <= self._last_at:  # same day: keep the order
            at = min(self._last_at + dt.timedelta(minutes=7), max(self.now, self._last_at))
        self._last_at = at
        self.steps.append(dict(
            id=self.uid(), case_id=case["id"], seq=len(self._case_steps) + 1,
            action=action, from_status=before, to_status=after, actor=who[0],
            actor_display=who[1], role=who[2], at=at, opinion=opinion,
            detail=json.dumps(detail or {}, ensure_ascii=False)))
        self._case_steps.append(action)

    def attach(self, case: dict[str, Any], action: str) -> None:
        """The documents the step ``action`` needs that the file does not carry yet, as small
        text scans dated with the step (a demo file approved carries what approval needs).
        The ids come from the file's, not from the random stream (the same seed keeps the
        same files)."""
        for kind in step_documents(action, case["category"]):
            if kind in self._case_docs:
                continue
            self._case_docs.add(kind)
            content = f"演示材料：{kind}（{case['serial']}）".encode()
            self.attachments.append(dict(
                id=uuid.uuid5(case["id"], kind), case_id=case["id"], doc_type=kind,
                # named as a scanner names its files (the type is the document's column)
                file_name=f"{case['serial']}-{len(self._case_docs):02d}.txt",
                media_type="text/plain", size=len(content),
                sha256=hashlib.sha256(content).hexdigest(), content=content,
                added_by=CLERK[0], created_at=self._last_at, updated_at=self._last_at,
                row_version=1, deleted_at=None, deleted_by=None, delete_reason=None,
                origin_district_id=case["origin_district_id"]))

    def file(self, person_id: uuid.UUID, district_id: uuid.UUID, state: str,
             origin: uuid.UUID | None, opened: dt.date | None = None,
             register: _Register | None = None) -> None:
        rng, today = self.rng, self.today
        self._case_steps = []
        self._case_docs = set()
        self._last_at = None
        if opened is None:
            old = state in ("closed", "rejected") and rng.random() < 0.7
            opened = today - dt.timedelta(days=rng.randrange(400, 2200) if old else
                                          rng.randrange(200, 330) if state == "review" else
                                          rng.randrange(20, 330))  # a review after six months
            if state in ("draft", "submitted") and rng.random() < 0.2:
                opened = today - dt.timedelta(days=rng.randrange(380, 700))  # 一年未改
        year = opened.year
        reg = register or _Register(None, None, None, None, None)
        # the household as the register has it (the hardship dialog compares the file with
        # the register's income, spouse and spouse's income: every demo file said 与名册不一致)
        members: list[tuple[str, str, int, str | None]] = []  # name, relation, income, health
        if reg.spouse_name:
            members.append((reg.spouse_name, "配偶", reg.spouse_income or 0,
                            reg.spouse_health or None))
        if reg.household_size is not None:
            extra = [r for r, _p in RELATIONS][:max(reg.household_size - 1 - len(members), 0)]
        else:
            extra = [r for r, p in RELATIONS if rng.random() < p]
        for relation in extra:
            members.append((rng.choice(FAMILY) + rng.choice(GIVEN) + rng.choice(GIVEN),
                            relation, rng.choice((0, 0, 50_000, 100_000, 150_000)),
                            rng.choice((None, "良好", "慢性病"))))
        person_income = (reg.income if reg.income is not None
                         else rng.choice((0, 0, 60_000, 90_000, 130_000, 180_000, 220_000)))
        if reg.income is not None and rng.random() < DIFFERING_SHARE:
            # a deliberate difference: the verified income is lower than the register's
            person_income = reg.income // 2 // 100 * 100
        member_incomes = [m[2] for m in members]
        other = rng.choice((0, 0, 20_000, 50_000))
        fixed = rng.choice((0, 30_000, 80_000, 150_000, 300_000))
        size = 1 + len(members)
        per_capita = max(person_income + other + sum(member_incomes) - fixed, 0) // size
        line = DIBAO_LINES.get(year, 121_000)
        category = ("深度困难" if per_capita < line else "相对困难" if per_capita < 2 * line
                    else "意外致困")
        main = rng.choice(self.cause_codes)
        secondary = rng.sample([c for c in self.cause_codes if c != main], rng.randrange(0, 3))
        case: dict[str, Any] = dict(
            id=self.uid(), serial=self.serial(year), person_id=person_id,
            district_id=district_id, year=year, status=state, category=category,
            main_cause=main, secondary_causes=",".join(secondary), person_income=person_income,
            other_income=other, fixed_costs=fixed, household_size=size, per_capita=per_capita,
            health_status=rng.choice((None, "良好", "恶性肿瘤", "心血管病", "糖尿病", "残疾")),
            health_notes=None, disability=None,
            housing_type=rng.choice(("自建房", "商品房", "租房", "承租单位公房", "政府廉租房")),
            housing_area=rng.randrange(25, 140),
            insurance=rng.choice(("城乡居民医保", "职工医保", "职工医保、养老保险")),
            bank_name=rng.choice(("农业银行", "工商银行", "湖州银行", "农商银行")),
            bank_account="6228" + "".join(str(rng.randrange(10)) for _ in range(15)),
            notes=None, created_by=CLERK[0], last_edited_by=CLERK[0],
            verified_on=None, verified_by=None, verify_method=None, verify_findings=None,
            notice_start=None, notice_end=None, decided_by=None, decided_on=None,
            reject_reason=None, next_review_date=None, closed_kind=None, closed_reason=None,
            created_at=self.at(opened), row_version=1, deleted_at=None, deleted_by=None,
            delete_reason=None, origin_district_id=origin)
        for i, (name, relation, income, health) in enumerate(members):
            self.members.append(dict(
                id=self.uid(), case_id=case["id"], position=i, name=name,
                relation=relation, id_number=None, health=health,
                income=income, status=rng.choice(("在职", "无业", "退休", "学生"))))
        self.step(case, "open", "draft", "draft", opened, "", CLERK, {"serial": case["serial"]})
        day = opened
        order = ["submitted", "verified", "notice", "approved", "review"]
        reach = {"draft": 0, "submitted": 1, "verified": 2, "notice": 3, "approved": 4,
                 "review": 5, "closed": 4, "rejected": rng.randrange(1, 4)}[state]
        if reach >= 1:
            day = min(day + dt.timedelta(days=rng.randrange(1, 5)), today)
            self.attach(case, "submit")
            self.step(case, "submit", "draft", "submitted", day, "本人申请，单位/社区已签署意见",
                      CLERK)
        if reach >= 2:
            day = min(day + dt.timedelta(days=rng.randrange(2, 10)), today)
            method = rng.choice(("入户", "入户", "电话", "信息比对"))
            finding = rng.choice(FINDINGS)
            case.update(verified_on=day, verified_by="工会干部" + rng.choice(FAMILY) + "某",
                        verify_method=method, verify_findings=finding)
            self.step(case, "verify", "submitted", "verified", day, "情况属实，同意公示", REVIEWER,
                      {"verified_on": day.isoformat(), "verified_by": case["verified_by"],
                       "method": method, "findings": finding})
            self.attach(case, "notice")  # the home visit record
        if reach >= 3:
            if state == "notice":  # running now: some end this week
                day = today - dt.timedelta(days=rng.randrange(0, 6))
            else:
                day = min(day + dt.timedelta(days=rng.randrange(1, 5)), today)
            end = add_working_days(day, 5)
            case.update(notice_start=day, notice_end=end)
            self.step(case, "notice", "verified", "notice", day, "在单位和社区张榜公示", CLERK,
                      {"start": day.isoformat(), "end": end.isoformat()})
            self.attach(case, "approve")  # the notice
            day = min(end + dt.timedelta(days=rng.randrange(1, 6)), today)
        if state == "rejected":
            before = order[reach - 1]
            reason = rng.choice(("income_above_line", "information_false", "objection_upheld",
                                 "not_eligible"))
            case.update(decided_by=APPROVER[0], decided_on=day, reject_reason=reason)
            self.step(case, "reject", before, "rejected", day, "经研究，不予认定", APPROVER,
                      {"reason": reason})
        elif reach >= 4:
            review = add_months(day, 6)
            case.update(decided_by=APPROVER[0], decided_on=day, next_review_date=review)
            self.step(case, "approve", "notice", "approved", day, "经协会研究，同意认定", APPROVER,
                      {"next_review": review.isoformat()})
            self.pay(case, day)
            if state == "review":
                start = max(min(review - dt.timedelta(days=10), today), day)
                self.step(case, "start_review", "approved", "review", start, "到期复核", CLERK)
                day = start
            if state == "closed":
                end_day = min(review + dt.timedelta(days=rng.randrange(0, 30)), today)
                kind = rng.choice(("脱困", "脱困", "撤档"))
                why = "子女已就业，家庭收入超过标准" if kind == "脱困" else "本人申请退出"
                case.update(closed_kind=kind, closed_reason=why, next_review_date=None)
                self.step(case, "close", "approved", "closed", end_day, "同意" + kind, APPROVER,
                          {"kind": kind, "reason": why})
                day = end_day
        case["updated_at"] = self._last_at
        self.cases.append(case)

    def pay(self, case: dict[str, Any], approved: dt.date) -> None:
        """0–3 payments after approval, within the rules (15 % never assisted)."""
        rng = self.rng
        if rng.random() < 0.15:
            return
        kinds = rng.sample(("生活困难补助", "春节慰问金", "特殊困难帮扶金", "医疗救助", "助学"),
                           rng.randrange(1, 4))
        days = sorted(min(approved + dt.timedelta(days=rng.randrange(3, 90)), self.today)
                      for _ in kinds)  # the history stays in date order
        for kind, day in zip(kinds, days, strict=True):
            cap, ratio, _per_year = RULES[kind]
            self_paid = None
            if ratio:
                self_paid = rng.randrange(200_000, 3_000_000, 100)
                amount = min(self_paid * ratio // 100, cap)
            else:
                amount = rng.choice((cap, cap // 2, cap * 4 // 5))
            self.payments.append(dict(
                id=self.uid(), case_id=case["id"], person_id=case["person_id"], kind=kind,
                amount=amount, paid_on=day, year=day.year, payer="湖州市总工会",
                bank_account=case["bank_account"], medical_self_paid=self_paid,
                recorded_by=CLERK[0], override_by=None, override_reason=None, notes=None,
                created_at=self.at(day), updated_at=self.at(day), row_version=1,
                deleted_at=None, deleted_by=None, delete_reason=None,
                origin_district_id=case["origin_district_id"]))
            self.step(case, "payment", "approved", "approved", day, "", CLERK,
                      {"kind": kind, "amount": amount, "paid_on": day.isoformat()})


def add_demo_files(s: Session, actor: Actor, *, seed: int, origin: uuid.UUID | None,
                   today: dt.date | None = None, now: dt.datetime | None = None,
                   years: int = 1) -> int:
    """Files for about one person in nine of the register (those without a file yet); with
    ``years`` > 1 also, for each earlier year, files of about one person in thirty opened that
    year, approved, paid and closed (the history a long-running register holds). No step,
    payment or change is stamped later than ``now``."""
    today = today or dt.date.today()
    now = now or dt.datetime.now(dt.UTC)
    rng = random.Random(seed * 7919 + 6)
    _standards(s, range(today.year - 7, today.year + 1))
    taken = set(s.scalars(select(HardshipCase.person_id)))
    registered: dict[uuid.UUID, _Register] = {}
    people: list[tuple[uuid.UUID, uuid.UUID, bool]] = []
    for pid, did, in_hardship, income, marital, spouse, spouse_income, spouse_health, size \
            in s.execute(select(
                Person.id, Person.district_id, Person.in_hardship, Person.monthly_income,
                Person.marital_status, Person.spouse_name, Person.spouse_income,
                Person.spouse_health, Person.household_size).where(
            Person.deleted_at.is_(None), Person.merged_into_id.is_(None),
            Person.life_status == "alive", Person.is_revoked.is_(False),
            Person.is_emigrated.is_(False), Person.is_lost_contact.is_(False),
            Person.under_investigation.is_(False)).order_by(Person.id)):
        if pid in taken:
            continue
        people.append((pid, did, in_hardship))
        # 丧偶 (or the register's spouse 已故): no spouse in the household
        living = spouse if spouse and marital != "30" and spouse_health != "已故" else None
        registered[pid] = _Register(_fen(income), living, _fen(spouse_income) if living else None,
                                    spouse_health if living else None, size)
    if not people:
        return 0
    gen = _Files(rng, today, now, origin.int if origin is not None else 0)
    for year, last in s.execute(select(HardshipCase.year, func.max(HardshipCase.serial))
                                .group_by(HardshipCase.year)):
        gen.serials[int(year)] = int(str(last)[-5:])  # KN-<year>-NNNNN: the file's year
    flagged = [p for p in people if p[2]]
    others = [p for p in people if not p[2]]
    wanted = max(int(len(people) * SHARE) - len(flagged), len(STATES))
    chosen = rng.sample(others, min(wanted, len(others)))
    states = [st for st, _w in STATES]
    weights = [w for _st, w in STATES]
    for i, (pid, did, _f) in enumerate(chosen):
        state = states[i] if i < len(states) else rng.choices(states, weights)[0]
        gen.file(pid, did, state, origin, register=registered[pid])
    for pid, did, _f in flagged:
        gen.file(pid, did, "approved" if rng.random() < 0.8 else "review", origin,
                 register=registered[pid])
    picked = set(chosen)
    rest = [p for p in others if p not in picked]
    for back in range(1, years):
        first = dt.date(today.year - back, 1, 1)
        for pid, did, _f in rng.sample(rest, min(len(rest), int(len(people) * HISTORY_SHARE))):
            gen.file(pid, did, "closed", origin,
                     opened=first + dt.timedelta(days=rng.randrange(300)),
                     register=registered[pid])
    for table, rows in ((T_CASE, gen.cases), (T_MEMBER, gen.members), (T_STEP, gen.steps),
                        (T_PAYMENT, gen.payments), (T_ATTACHMENT, gen.attachments)):
        for start in range(0, len(rows), 5000):
            s.execute(table.insert(), rows[start:start + 5000])
    active = [c["person_id"] for c in gen.cases if c["status"] in ("approved", "review")]
    for start in range(0, len(active), 500):
        s.execute(update(Person).where(Person.id.in_(active[start:start + 500]))
                  .values(in_hardship=True).execution_options(synchronize_session=False))
    audit.append_many(s, actor, [("hardship.open", "hardship_case", c["id"],
                                  {"source": "demo", "status": c["status"]})
                                 for c in gen.cases])
    return len(gen.cases)
