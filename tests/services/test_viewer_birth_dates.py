"""Issue 14, point 9, for a role without the unmask permission (viewer): nothing a service
hands out beside a masked ID number gives its hidden digits (the birth date) back. The person
detail, the register rows and their age sort and filter, the visits work list, the recuperation
roster and the proof of title, for every caller (window and command line); a role with the
permission sees it whole."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import uuid
from decimal import Decimal
from pathlib import Path

from sqlalchemy import update

from desktop.core import idnumber
from desktop.database import Database
from desktop.models import Person
from desktop.reports.certificate import Certificate, _intro
from desktop.services.documents.service import DocumentService
from desktop.services.permissions import Actor
from desktop.services.register.persons import PersonService
from desktop.services.register.service import RegisterService
from desktop.services.register.types import HonorDraft, PersonDraft, RegisterFilter
from desktop.services.visits.prints import VisitPrints
from desktop.services.visits.recuperation import BatchDraft, RecuperationService
from desktop.services.visits.service import VisitService
from tests.person_support import CLERK, VIEWER
from tests.visits.support import add_people

BIRTH = dt.date(1963, 8, 19)
NUMBER = idnumber.make("330522", BIRTH, 499)
TODAY = dt.date(2026, 6, 1)
FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _person(db: Database, admin: Actor, name: str, born: dt.date, seq: int = 499,
            **extra: object) -> uuid.UUID:
    number = idnumber.make("330522", born, seq)
    return PersonService(db.sessions, admin).create(PersonDraft(
        name=name, district="长兴县", id_number=number, **extra))  # type: ignore[arg-type]


def _wang(db: Database, admin: Actor) -> uuid.UUID:
    return _person(db, admin, "王建国", BIRTH, mobile="17542544369", phone="0572-5578949",
                   spouse_name="李秀英", spouse_birth_date=dt.date(1965, 2, 7),
                   monthly_income=Decimal("3200"))


def test_person_detail_gives_a_viewer_years_and_masked_phones(
        db: Database, admin: Actor) -> None:
    pid = _wang(db, admin)
    with db.sessions.begin() as s:  # a merge's conflict note names both birth dates
        s.execute(update(Person).where(Person.id == pid).values(conflict_note=(
            "与“王建国”合并（2026-01-05）时两份记录不一致：\n出生日期: 1963-08-19 / 1963-08-29\n"
            "工作单位: 甲 / 乙")))
    seen = PersonService(db.sessions, VIEWER).get(pid)
    assert seen.masked and seen.draft.id_number == idnumber.mask(NUMBER)
    assert seen.draft.birth_date is None and seen.birth_year == 1963
    assert seen.draft.spouse_birth_date is None and seen.spouse_birth_year == 1965
    assert seen.draft.mobile == "175****4369" and seen.draft.phone == "0572-****949"
    assert seen.conflict_note is not None and "1963-08" not in seen.conflict_note
    assert "出生日期: 1963 / 1963" in seen.conflict_note
    assert "工作单位: 甲 / 乙" in seen.conflict_note
    assert seen.draft.spouse_name == "李秀英"  # the rest as stored
    assert seen.draft.monthly_income == Decimal("3200")
    text = repr(seen)
    for secret in ("1963-08-19", "1965-02-07", "17542544369", "5578949", NUMBER):
        assert secret not in text

    whole = PersonService(db.sessions, CLERK).get(pid)  # the clerk may reveal: whole
    assert not whole.masked and whole.draft.birth_date == BIRTH
    assert whole.draft.spouse_birth_date == dt.date(1965, 2, 7)
    assert whole.draft.mobile == "17542544369" and whole.draft.phone == "0572-5578949"
    assert whole.conflict_note is not None and "1963-08-29" in whole.conflict_note


def test_register_rows_give_a_viewer_the_year_and_the_age_reached_this_year(
        db: Database, admin: Actor) -> None:
    _person(db, admin, "张伟", dt.date(1970, 12, 30), seq=11)  # young by date, last by name
    _person(db, admin, "阿强", dt.date(1970, 1, 2), seq=12)
    _person(db, admin, "王五", dt.date(1969, 6, 1), seq=13)
    viewer = RegisterService(db.sessions, VIEWER, today=lambda: TODAY)
    clerk = RegisterService(db.sessions, CLERK, today=lambda: TODAY)

    rows = {r.name: r for r in viewer.search(RegisterFilter()).rows}
    zhang = rows["张伟"]
    assert zhang.birth_date is None and zhang.birth_year == 1970
    assert zhang.age == 56 and zhang.birth_shown == "1970"  # 2026 - 1970, birthday or not
    exact = {r.name: r for r in clerk.rows(RegisterFilter())}["张伟"]
    assert exact.birth_date == dt.date(1970, 12, 30) and exact.age == 55
    assert exact.birth_shown == "1970"  # beside the masked number, also for the clerk

    # age sorts by the birth year, then by name: not by the hidden day
    def order(service: RegisterService, descending: bool = False) -> list[str]:
        return [r.name for r in service.rows(RegisterFilter(), sort="age",
                                             descending=descending)]
    assert order(viewer) == ["阿强", "张伟", "王五"]
    assert order(viewer, descending=True) == ["王五", "阿强", "张伟"]
    assert order(clerk) == ["张伟", "阿强", "王五"]
    # the age filter counts as the shown age does
    assert {r.name for r in viewer.rows(RegisterFilter(age_min=56))} == {"张伟", "阿强", "王五"}
    assert {r.name for r in clerk.rows(RegisterFilter(age_min=56))} == {"阿强", "王五"}
    assert {r.name for r in viewer.rows(RegisterFilter(age_max=56))} == {"张伟", "阿强"}
    assert viewer.count(RegisterFilter(age_min=57)) == 1

    listed = {r["name"]: r for r in viewer.export(RegisterFilter())}  # members list, exports
    assert listed["张伟"]["birth_date"] == "1970" and listed["张伟"]["age"] == 56
    assert not FULL_DATE.search(repr(listed))


def test_the_work_list_gives_a_viewer_the_year_of_a_round_birthday(
        db: Database, admin: Actor) -> None:
    _person(db, admin, "张元寿", dt.date(1947, 3, 3), seq=21)
    _person(db, admin, "钱福", dt.date(1947, 11, 28), seq=22)  # beyond the window's last day
    _person(db, admin, "孙寿", dt.date(1937, 1, 5), seq=23)  # before it: 90 this year
    today = dt.date(2027, 2, 20)

    def births(actor: Actor) -> list[tuple[str, dt.date, str, str]]:
        svc = VisitService(db.sessions, actor, today=lambda: today)
        return sorted((w.name, w.day, w.day_shown, w.text) for w in svc.worklist(days=30)
                      if w.kind == "birthday")

    assert births(admin) == [("张元寿", dt.date(2027, 3, 3), "2027-03-03", "80 岁生日")]
    # whole years for the viewer: the month with the shown year and the masked number's check
    # digit left about three birth days; where the window ends must not tell the month either
    assert births(VIEWER) == [
        ("孙寿", dt.date(2027, 1, 1), "2027", "2027年 90 岁生日"),
        ("张元寿", dt.date(2027, 1, 1), "2027", "2027年 80 岁生日"),
        ("钱福", dt.date(2027, 1, 1), "2027", "2027年 80 岁生日")]


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "certificate.pdf"
    path.write_bytes(pdf)
    exe = shutil.which("pdftotext")
    assert exe
    out = subprocess.run([exe, str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", "", out.stdout)


def test_a_certificate_with_a_masked_number_prints_the_birth_year_only(
        db: Database, admin: Actor, tmp_path: Path) -> None:
    pid = _person(db, admin, "王建国", BIRTH,
                  honors=(HonorDraft(title="长兴县劳动模范", level="县级", year=2001),))
    docs = DocumentService(db.sessions, admin, db.read_sessions)

    masked = _pdf_text(docs.certificate(pid).pdf, tmp_path)
    assert "1963年出生" in masked and "1963年8月" not in masked
    assert idnumber.mask(NUMBER) in masked
    whole = _pdf_text(docs.certificate(pid, unmask=True, reason="办理社保").pdf, tmp_path)
    assert "1963年8月出生" in whole and NUMBER in whole

    cert = Certificate(association="长兴县劳动模范协会", serial="S", name="王建国", sex="男",
                       birth_date=BIRTH, id_number=idnumber.mask(NUMBER), work_unit="",
                       honors=(), issued=TODAY)
    assert "（男，1963年出生，身份证号码330522********" in _intro(cert)


def test_a_viewer_s_recuperation_roster_gives_the_birth_year(
        db: Database, admin: Actor, tmp_path: Path) -> None:
    ids = add_people(db)
    svc = RecuperationService(db.sessions, admin)
    bid = svc.create_batch(BatchDraft(
        year=2027, name="2027年市总劳模疗休养", destination="舟山",
        start_date=dt.date(2027, 5, 10), end_date=dt.date(2027, 5, 14), days=5, quota=3,
        cost_per_day_fen=60000, organiser="市总"))
    svc.nominate(bid, ids["市级丙"])  # born 1975-06-01: 51 on 10 May 2027, 52 that year
    (whole,) = svc.roster(bid)
    assert (whole.birth_date, whole.age) == (dt.date(1975, 6, 1), 51)
    (seen,) = RecuperationService(db.sessions, VIEWER, db.read_sessions).roster(bid)
    assert (seen.birth_date, seen.birth_year, seen.age) == (None, 1975, 52)
    pdf, going = VisitPrints(db.sessions, VIEWER, db.read_sessions).recuperation_roster(bid)
    printed = _pdf_text(pdf, tmp_path)
    assert going == 1 and "市级丙" in printed and "1975" in printed
    assert "1975.06" not in printed


def test_a_viewer_s_eligibility_and_visit_rows_give_ages_from_the_year(
        db: Database, admin: Actor) -> None:
    """On the same recuperation page the roster gives a viewer the age reached in the year;
    the eligibility tab gave the exact age on the day of departure (51 against 52: born after
    10 May), and visit rows the exact age on the planned day. The decision stays exact."""
    ids = add_people(db)
    svc = RecuperationService(db.sessions, admin)
    bid = svc.create_batch(BatchDraft(
        year=2027, name="2027年市总劳模疗休养", destination="舟山",
        start_date=dt.date(2027, 5, 10), end_date=dt.date(2027, 5, 14), days=5, quota=3,
        cost_per_day_fen=60000, organiser="市总"))
    person = ids["市级丙"]  # born 1975-06-01
    whole = next(r for r in svc.eligibility(bid) if r.person_id == person)
    seen = next(r for r in RecuperationService(db.sessions, VIEWER, db.read_sessions)
                .eligibility(bid) if r.person_id == person)
    assert whole.age == 51 and any("出发日 51 岁" in c.text for c in whole.checks)
    assert seen.age == 52 and any("出发当年 52 岁" in c.text for c in seen.checks)
    assert not any("51" in c.text or "51" in c.english for c in seen.checks)
    assert seen.eligible == whole.eligible
    # a stand-alone visit planned for 10 May 2027: exact age 51 for the clerk, 52 for a viewer
    VisitService(db.sessions, admin, db.read_sessions).create_single(
        person, "其他", dt.date(2027, 5, 10), "回访")
    ages = {who: next(v.age for v in VisitService(db.sessions, actor, db.read_sessions)
                      .visits(None) if v.person_id == person)
            for who, actor in (("admin", admin), ("viewer", VIEWER))}
    assert ages == {"admin": 51, "viewer": 52}
