"""Hardship tests: the cast (a maker clerk, another clerk, a reviewer, an admin, a viewer), a
person to open files for, and a helper that walks a file to any state through the real steps."""

from __future__ import annotations

import datetime as dt
import tempfile
import uuid
from pathlib import Path

from sqlalchemy import update

from desktop.database import Database
from desktop.models import HardshipStep
from desktop.services.hardship.rules import application_documents
from desktop.services.hardship.service import HardshipService
from desktop.services.hardship.types import CaseDraft, MemberDraft
from desktop.services.permissions import Actor, Role
from tests.register_support import Spec, add_persons

TODAY = dt.date(2026, 6, 10)  # a Wednesday
CAST: dict[str, Actor] = {
    "maker": Actor(11, "clerk1", "录入员甲", Role.CLERK),
    "clerk": Actor(12, "clerk2", "录入员乙", Role.CLERK),
    "reviewer": Actor(13, "rev1", "审核员", Role.REVIEWER),
    "admin": Actor(14, "admin2", "管理员乙", Role.ADMIN),
    "viewer": Actor(15, "view1", "只读", Role.VIEWER),
}
ADMIN_MAKER = Actor(16, "admin3", "管理员丙", Role.ADMIN)
APPROVER = Actor(17, "rev2", "审核员乙", Role.REVIEWER)  # verifier ≠ approver
PATH: tuple[str, ...] = ("draft", "submitted", "verified", "notice", "approved", "review")


def service(db: Database, actor: Actor) -> HardshipService:
    return HardshipService(db.sessions, actor, db.read_sessions, today=lambda: TODAY)


def add_people(db: Database, count: int, *, id_number: str | None = None, start: int = 0,
               **extra: object) -> list[uuid.UUID]:
    ids = add_persons(db, [Spec(f"困难{chr(0x4e00 + start + i)}", id_number=id_number,
                                extra=dict(extra)) for i in range(count)])
    return list(ids.values())


def draft(person_id: uuid.UUID, **changes: object) -> CaseDraft:
    values: dict[str, object] = dict(
        person_id=person_id, category="深度困难", main_cause="6", secondary_causes=("3",),
        person_income=80_000, other_income=20_000, fixed_costs=40_000,
        members=(MemberDraft("刘芳", "配偶", income=60_000, status="无业"),
                 MemberDraft("张小明", "子女", status="学生")),
        housing_type="自建房", bank_name="农业银行", bank_account="6228480012345678901",
        year=2026)
    values.update(changes)
    return CaseDraft(**values)  # type: ignore[arg-type]


_SCANS: list[tempfile.TemporaryDirectory[str]] = []


def attach_application(db: Database, case_id: uuid.UUID, actor: Actor | None = None,
                       category: str = "深度困难") -> None:
    """The documents a file must carry before 提交 (本人申请, 身份证, 户口本 …), as small scans."""
    if not _SCANS:
        _SCANS.append(tempfile.TemporaryDirectory(prefix="laomo-scans-"))
    clerk = service(db, actor or CAST["maker"])
    for kind in application_documents(category):
        scan = Path(_SCANS[0].name) / f"{kind}.pdf"
        if not scan.exists():
            scan.write_bytes(b"%PDF-1.4 " + kind.encode())
        clerk.add_attachment(case_id, scan, kind)


def attach_document(db: Database, case_id: uuid.UUID, kind: str,
                    actor: Actor | None = None) -> None:
    """One document (入户核查记录, 公示材料 …) as a small scan."""
    if not _SCANS:
        _SCANS.append(tempfile.TemporaryDirectory(prefix="laomo-scans-"))
    scan = Path(_SCANS[0].name) / f"{kind}.pdf"
    if not scan.exists():
        scan.write_bytes(b"%PDF-1.4 " + kind.encode())
    service(db, actor or CAST["maker"]).add_attachment(case_id, scan, kind)


def walk(db: Database, person_id: uuid.UUID, status: str, *, maker: Actor | None = None,
         documents: bool = False) -> uuid.UUID:
    """A file made by ``maker`` (the clerk by default), taken to ``status`` by the others; it
    carries the application's documents from 提交 on (a draft only with ``documents``)."""
    made_by = service(db, maker or CAST["maker"])
    checker = service(db, CAST["reviewer"])
    case_id = made_by.open(draft(person_id))
    if status != "draft" or documents:
        attach_application(db, case_id, maker)
    if status == "draft":
        return case_id
    made_by.submit(case_id, "本人申请，社区已签字")
    with db.sessions.begin() as s:  # submitted long ago: the dated steps below come after it
        s.execute(update(HardshipStep).where(HardshipStep.case_id == case_id).values(
            at=dt.datetime.now(dt.UTC) - dt.timedelta(days=400)))
    if status == "rejected":
        checker.reject(case_id, "income_above_line", "收入超标")
        return case_id
    if status == "submitted":
        return case_id
    checker.verify(case_id, on=TODAY - dt.timedelta(days=30), by="王科长", method="入户",
                   findings="情况属实", opinion="同意上报")
    attach_document(db, case_id, "入户核查记录", maker)
    if status == "verified":
        return case_id
    made_by.start_notice(case_id, start=TODAY - dt.timedelta(days=20), opinion="张榜公示")
    attach_document(db, case_id, "公示材料", maker)
    if status == "notice":
        return case_id
    service(db, APPROVER).approve(case_id, "同意认定为深度困难")
    if status == "approved":
        return case_id
    made_by.start_review(case_id, "半年复核")
    if status == "review":
        return case_id
    assert status == "closed", status
    checker.close(case_id, "脱困", "子女已就业", "同意脱困")
    return case_id


def pay(db: Database, case_id: uuid.UUID, amount: int = 20_000) -> None:
    """One payment on an approved file (a proof of assistance certifies payments made)."""
    service(db, CAST["maker"]).record_payment(
        case_id, kind="春节慰问金", amount=amount, paid_on=TODAY - dt.timedelta(days=3),
        payer="县总工会")
