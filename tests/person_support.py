"""Helpers shared by the person service tests (drafts, counts, audit reading)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from desktop.core import idnumber
from desktop.database import Database
from desktop.models import AuditEvent, Honor, Person, PersonEvent
from desktop.services.permissions import Actor, Role
from desktop.services.register.persons import PersonService
from desktop.services.register.types import HonorDraft, PersonDraft

BIRTH = dt.date(1965, 3, 12)
ID_MALE = idnumber.make("330522", BIRTH, 123)  # odd sequence: a man
ID_FEMALE = idnumber.make("330522", dt.date(1970, 8, 1), 124)
RARE = "\U00020bb7\U00021484"  # 𠮷𡒄 (CJK Extension B)

CLERK = Actor(user_id=901, name="clerk1", display_name="录入员", role=Role.CLERK)
VIEWER = Actor(user_id=902, name="viewer1", display_name="只读", role=Role.VIEWER)


def service(db: Database, actor: Actor) -> PersonService:
    return PersonService(db.sessions, actor, db.read_sessions)


def draft(**changes: Any) -> PersonDraft:
    base = PersonDraft(name="朱荣荣", district="长兴县", id_number=ID_MALE)
    return dataclasses.replace(base, **changes)


def honor(title: str, level: str, year: int | None, **changes: Any) -> HonorDraft:
    return HonorDraft(title=title, level=level, year=year, **changes)


def counts(db: Database) -> tuple[int, int, int, int]:
    """Persons, honors, events and audit entries: a refused write changes none of them."""
    with db.sessions.begin() as s:
        return tuple(  # type: ignore[return-value]
            int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (Person, Honor, PersonEvent, AuditEvent))


def audit_entries(db: Database, prefix: str = "person.") -> list[tuple[str, str, dict[str, Any]]]:
    """(action, raw detail text, detail) of the entries whose action starts with ``prefix``."""
    with db.sessions.begin() as s:
        rows = s.execute(select(AuditEvent.action, AuditEvent.detail)
                         .where(AuditEvent.action.like(f"{prefix}%"))
                         .order_by(AuditEvent.seq)).all()
    return [(a, d, json.loads(d)) for a, d in rows]


def person_row(db: Database, person_id: Any) -> Person:
    with db.sessions.begin() as s:
        person = s.get(Person, person_id)
        assert person is not None
        s.expunge(person)
        return person


def honor_rows(db: Database, person_id: Any) -> list[Honor]:
    with db.sessions.begin() as s:
        rows = list(s.scalars(select(Honor).where(Honor.person_id == person_id)
                              .order_by(Honor.created_at)))
        s.expunge_all()
        return rows


def full_draft() -> PersonDraft:
    """Every field filled, rare characters in the name and the free text."""
    return PersonDraft(
        name=f"{RARE}荣", district="吴兴区", id_number=ID_MALE, sex="1", birth_date=BIRTH,
        ethnicity="01", political_status="01", party_join_date=dt.date(1990, 7, 1),
        education="21", degree="学士", native_place=f"浙江长兴{RARE}", marital_status="20",
        work_start_date=dt.date(1984, 8, 1), work_unit=f"长兴{RARE}纺织有限公司",
        position="车间主任", unit_type="企业", industry="制造业", professional_title="高级工程师",
        technical_grade="高级技师", employment_status="在职", phone="0572-6021234",
        mobile="13857212345", address=f"浙江省湖州市长兴县雉城街道{RARE}村8号", postcode="313100",
        hukou_type="非农业", hukou_region="330522", health_status="良好", health_notes="高血压",
        disability_type="肢体残疾", disability_grade="三级", insurance="城镇职工基本养老保险",
        monthly_income=Decimal("5230.50"), household_size=3, spouse_name=f"王{RARE}",
        spouse_birth_date=dt.date(1967, 1, 2), spouse_income=Decimal("3100.00"),
        spouse_health="良好", is_farmer_model=True, treatment_override=None,
        treatment_override_reason=None, notes=f"备注{RARE}·",
        honors=(
            honor("浙江省劳动模范", "省部级", 2010, session="2010年",
                  granting_body="浙江省人民政府", document_number="浙政发〔2010〕12号",
                  notes="表彰大会"),
            honor("全国劳动模范", "全国", 2015, granting_body="国务院",
                  document_number="国发〔2015〕3号"),
        ),
    )
