"""The 困难劳模档案表 of a file with several payments, as the print service makes it: the table's
header repeats only at the top of a page, a section title never ends a page without its first
row, and the signature boxes never stand alone on the last page (walk-through, December 2026)."""

from __future__ import annotations

import datetime as dt
import io
import re
import uuid

import pypdf
import pytest

from desktop.database import Database
from desktop.services.hardship.prints import HardshipPrint
from tests.hardship_support import CAST, TODAY, add_people, attach_document, service, walk

HEADER = "项目内容项目内容"
SIGN = "本人签字"


def _pages(pdf: bytes) -> list[str]:
    return ["".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def _sheet(db: Database, payments: int) -> list[str]:
    [pid] = add_people(db, 1)
    case_id: uuid.UUID = walk(db, pid, "approved")
    clerk = service(db, CAST["maker"])
    for n in range(payments):
        clerk.record_payment(case_id, kind="春节慰问金", amount=200_000 + n,
                             paid_on=TODAY - dt.timedelta(days=n), payer="长兴县总工会")
    pdf = HardshipPrint(db.sessions, CAST["admin"], db.read_sessions,
                        today=lambda: TODAY).case_sheet(case_id)
    return _pages(pdf)


def check_pages(pages: list[str], *, titles: tuple[str, ...], last_rows: tuple[str, ...]
                ) -> None:
    """The layout rules on the text of each page."""
    for n, text in enumerate(pages, start=1):
        # one header per page, at its top (before any row of the table)
        assert text.count(HEADER) == 1, (n, text)
        for title in titles:
            assert text.count(title) <= 1, (n, title, text)
            # a title is followed on its page by at least one more line of the table
            if title in text:
                rest = text.split(title, 1)[1]
                assert rest.strip() and not rest.startswith("第"), (n, title, text)
    last = pages[-1]
    assert SIGN in last
    assert any(row in last.split(SIGN)[0] for row in last_rows), last


@pytest.mark.parametrize("payments", [2, 3])
def test_the_file_sheet_breaks_pages_where_an_official_expects(sqlite_db: Database,
                                                              payments: int) -> None:
    from tests.conftest import initialise

    initialise(sqlite_db)
    pages = _sheet(sqlite_db, payments)
    check_pages(pages, titles=("六、帮扶记录",),
                last_rows=tuple(f"2,000.0{n}" for n in range(payments)))


def test_the_birth_label_promises_what_is_printed(sqlite_db: Database) -> None:
    """Beside the masked ID number only the birth year prints: the label says 出生年份, not
    出生年月 (walk-through: "出生年月 1960")."""
    from desktop.core.idnumber import make
    from tests.conftest import initialise

    initialise(sqlite_db)
    [with_id] = add_people(sqlite_db, 1, id_number=make("330522", dt.date(1960, 1, 1), 12))
    [without] = add_people(sqlite_db, 1, start=1)
    printer = HardshipPrint(sqlite_db.sessions, CAST["admin"], sqlite_db.read_sessions,
                            today=lambda: TODAY)
    masked = "".join(_pages(printer.case_sheet(walk(sqlite_db, with_id, "verified"))))
    assert "出生年份1960" in masked and "出生年月" not in masked, masked[:400]
    plain = "".join(_pages(printer.case_sheet(walk(sqlite_db, without, "verified"))))
    assert "出生年月1960.01" in plain and "出生年份" not in plain, plain[:400]


def test_the_workflow_column_has_no_doubled_marks(db: Database, admin: object) -> None:
    """An opinion ending in 。 followed by the 核查 facts: "同意公示；…", never "同意公示。；…"
    (walk-through); the 经办人 is the name people know (审核员), not the log-in (rev1)."""
    [pid] = add_people(db, 1)
    case_id: uuid.UUID = walk(db, pid, "submitted")
    service(db, CAST["reviewer"]).verify(
        case_id, on=TODAY - dt.timedelta(days=3), by="王科长", method="入户",
        findings="情况属实。", opinion="情况属实，同意公示。")
    pdf = HardshipPrint(db.sessions, CAST["admin"], db.read_sessions,
                        today=lambda: TODAY).case_sheet(case_id)
    text = "".join(_pages(pdf))
    assert "同意公示；" in text
    for doubled in ("。；", "；；", "，；"):
        assert doubled not in text, text
    assert "审核员" in text and "rev1" not in text


def test_the_sheet_dates_its_steps_on_the_office_calendar_and_totals_its_payments(
        sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Section 五 printed the steps' dates as 2026-05-11 (the payments beside them read
    2026.06.10) and on the UTC calendar: a step taken at 07:30 in Beijing printed the day
    before; the verification and next-review dates inside the opinions read 2026-05-11 too.
    Section 六 listed the payments without saying what they came to (walk-through, December
    2026)."""
    import time

    from sqlalchemy import update

    from desktop.models import HardshipStep
    from tests.conftest import initialise

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        initialise(sqlite_db)
        [pid] = add_people(sqlite_db, 1)
        case_id = walk(sqlite_db, pid, "approved")
        with sqlite_db.sessions.begin() as s:  # opened at 07:30 Beijing time on 1 May
            s.execute(update(HardshipStep).where(HardshipStep.case_id == case_id,
                                                 HardshipStep.seq == 1)
                      .values(at=dt.datetime(2026, 4, 30, 23, 30, tzinfo=dt.UTC)))
        clerk = service(sqlite_db, CAST["maker"])
        for amount in (160_000, 400_000, 150_000):
            clerk.record_payment(case_id, kind="春节慰问金", amount=amount,
                                 paid_on=TODAY - dt.timedelta(days=3), payer="长兴县总工会")
        pdf = HardshipPrint(sqlite_db.sessions, CAST["admin"], sqlite_db.read_sessions,
                            today=lambda: TODAY).case_sheet(case_id)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    text = "".join(_pages(pdf))
    checks = text.split("五、核查")[1].split("六、帮扶记录")[0]
    assert not re.search(r"\d{4}-\d{2}-\d{2}", checks), checks
    assert "2026.05.01建档" in checks, checks
    verified = TODAY - dt.timedelta(days=30)
    assert f"{verified.year}年{verified.month}月{verified.day}日入户核查" in checks, checks
    assert "下次复核：" in checks and "年" in checks.split("下次复核：")[1][:8], checks
    assert "合计：3笔，7,100.00元" in text.split("六、帮扶记录")[-1], text


def test_the_household_heading_says_what_its_third_column_holds(sqlite_db: Database) -> None:
    """The 二、家庭成员 heading read 健康·状况 (as if a typo of 健康状况) over cells like
    "良好，无业" (health, then work or school)."""
    from tests.conftest import initialise

    initialise(sqlite_db)
    [pid] = add_people(sqlite_db, 1)
    printer = HardshipPrint(sqlite_db.sessions, CAST["admin"], sqlite_db.read_sessions,
                            today=lambda: TODAY)
    text = "".join(_pages(printer.case_sheet(walk(sqlite_db, pid, "verified"))))
    assert "健康及就业状况" in text and "健康·状况" not in text, text[:600]
    assert "无业" in text


def test_a_user_without_a_full_name_is_a_blank_to_sign(db: Database) -> None:
    """The administrator made by ``laomo init --admin admin`` (no --admin-name) has the log-in
    as their name: the 经办人 column prints nothing for them (a blank the official signs),
    never "admin"; a Chinese log-in is a name and is printed (walk-through, December 2026)."""
    from desktop.services import accounts
    from desktop.services.permissions import Actor, Role
    from tests.conftest import ADMIN_PASSWORD

    accounts.initialise(db.sessions, association="长兴县", admin_name="admin",
                        admin_password=ADMIN_PASSWORD)
    unnamed = accounts.AccountService(db.sessions).login("admin", ADMIN_PASSWORD)
    named = Actor(22, "李明", "李明", Role.REVIEWER)
    [pid] = add_people(db, 1)
    case_id: uuid.UUID = walk(db, pid, "submitted")
    service(db, named).verify(
        case_id, on=TODAY - dt.timedelta(days=3), by="王科长", method="入户",
        findings="情况属实。", opinion="情况属实，同意公示。")
    attach_document(db, case_id, "入户核查记录")  # the notice waits for it
    service(db, unnamed).start_notice(case_id, start=TODAY - dt.timedelta(days=2),
                                     opinion="同意公示")
    pdf = HardshipPrint(db.sessions, named, db.read_sessions,
                        today=lambda: TODAY).case_sheet(case_id)
    text = "".join(_pages(pdf))
    assert "李明" in text and "录入员甲" in text
    assert "admin" not in text, text
    assert "公示同意公示" in text  # the step is there, its 经办人 blank
