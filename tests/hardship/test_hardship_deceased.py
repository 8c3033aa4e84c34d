"""Clerk walk-through (hardship): no money to the own account of a person who has died, no new
file for them; the window's workflow sheet and lists name people, not log-in names."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.texts import error_text
from desktop.database import Database
from desktop.errors import AppError, ValidationError
from desktop.services.accounts import AccountService
from desktop.services.permissions import Actor, Role
from desktop.services.visits.service import VisitService
from desktop.services.visits.types import VisitResult
from tests.hardship_support import CAST, TODAY, add_people, draft, service, walk
from tests.person_support import service as persons

DIED = TODAY - dt.timedelta(days=40)


def test_no_payment_dated_after_the_death_to_the_own_account(
        db: Database, admin: Actor) -> None:
    """Death recorded on an approved file: a payment dated after it is refused in words, with
    nothing written, and shown before OK (``check_payment``); one dated before it still goes."""
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "approved")
    persons(db, admin).death(person, DIED, "病故")
    clerk = service(db, CAST["maker"])
    after = DIED + dt.timedelta(days=5)
    with pytest.raises(ValidationError) as refused:
        clerk.record_payment(case_id, kind="春节慰问金", amount=50_000, paid_on=after,
                             payer="县总工会")
    assert refused.value.codes() == {"paid_on": "payment_blocked_deceased"}
    words = error_text(refused.value)
    assert f"已于 {DIED.isoformat()} 去世" in words and "不能再向本人账户发放" in words
    assert "died on " + DIED.isoformat() in error_text(refused.value, "en")
    # an approver's override reason changes nothing: this is no standard to override
    with pytest.raises(AppError):
        service(db, CAST["admin"]).record_payment(
            case_id, kind="春节慰问金", amount=50_000, paid_on=after, payer="县总工会",
            override_reason="领导同意")
    assert clerk.get(case_id).payments == ()
    warned = clerk.check_payment(case_id, "春节慰问金", 50_000, after)
    assert [p.code for p in warned] == ["payment_blocked_deceased"]
    before = DIED - dt.timedelta(days=1)
    assert clerk.check_payment(case_id, "春节慰问金", 50_000, before) == []
    clerk.record_payment(case_id, kind="春节慰问金", amount=50_000, paid_on=before,
                         payer="县总工会")
    assert [p.paid_on for p in clerk.get(case_id).payments] == [before]
    got = clerk.get(case_id)
    assert got.person_deceased and got.person_death_date == DIED


def test_no_new_file_for_a_person_who_has_died(db: Database, admin: Actor) -> None:
    """Refused in words by the service, for the page and for a visit's follow-up alike."""
    (person,) = add_people(db, 1)
    visits = VisitService(db.sessions, CAST["maker"], db.read_sessions, lambda: TODAY)
    visit = visits.create_single(person, "住院", DIED - dt.timedelta(days=3))
    visits.record(visit, VisitResult("done", DIED - dt.timedelta(days=3), situation="病重",
                                     follow_up=True, follow_up_note="建议建困难档案"))
    persons(db, admin).death(person, DIED, "病故")
    clerk = service(db, CAST["maker"])
    with pytest.raises(AppError) as refused:
        clerk.open(draft(person))
    assert refused.value.code == "hardship_person_deceased"
    assert not isinstance(refused.value, ValidationError)
    assert "已故，不能为其新建困难档案" in error_text(refused.value)
    assert clerk.open_case_for(person) is None
    with pytest.raises(AppError) as refused:
        visits.hardship_file_from(visit, "深度困难", "6")
    assert refused.value.code == "hardship_person_deceased"
    assert clerk.open_case_for(person) is None


def test_documents_and_payments_name_the_user_not_the_log_in(
        db: Database, admin: Actor) -> None:
    """材料 添加人 and 发放 经办人 are the user's display name (李录入), as in the history;
    a log-in name without an account (gone) stays as it is."""
    AccountService(db.sessions).create_user(admin, name="clerk1", display_name="李录入",
                                            role=Role.CLERK, password="clerk-pass-1")
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "approved")
    clerk = service(db, CAST["maker"])
    clerk.record_payment(case_id, kind="春节慰问金", amount=50_000,
                         paid_on=TODAY - dt.timedelta(days=1), payer="县总工会")
    got = clerk.get(case_id)
    assert {a.added_by for a in got.attachments} == {"李录入"}
    assert [p.recorded_by for p in got.payments] == ["李录入"]
    service(db, CAST["clerk"]).record_payment(
        case_id, kind="助学", amount=10_000, paid_on=TODAY, payer="县总工会")
    assert [p.recorded_by for p in clerk.get(case_id).payments] == ["李录入", "clerk2"]


@pytest.mark.parametrize("status", ["submitted", "notice", "rejected"])
def test_a_proof_of_an_unapproved_file_says_it_is_not_approved(
        db: Database, admin: Actor, status: str) -> None:
    """开具帮扶证明 on a submitted file: "not yet approved", not the payment's words (发放)."""
    from desktop.services.hardship.prints import HardshipPrint

    (person,) = add_people(db, 1)
    case_id = walk(db, person, status)
    prints = HardshipPrint(db.sessions, CAST["maker"], db.read_sessions, today=lambda: TODAY)
    with pytest.raises(AppError) as refused:
        prints.proof(case_id, preview=True)
    words = error_text(refused.value)
    assert "KN-2026-00001" in words and "不能开具帮扶证明" in words and "发放。" not in words
    assert ("不予认定" if status == "rejected" else "尚未审批认定") in words
    english = error_text(refused.value, "en")
    assert "no proof of assistance can be issued" in english
    with pytest.raises(AppError) as unpaid:  # the payment's own refusal names the file too
        service(db, CAST["maker"]).record_payment(
            case_id, kind="春节慰问金", amount=10_000, paid_on=TODAY, payer="县总工会")
    assert "KN-2026-00001" in error_text(unpaid.value)


def test_a_proof_of_assistance_for_a_person_who_has_died_says_so(
        db: Database, admin: Actor) -> None:
    """The 帮扶证明 of a file whose person has since died read "系长兴县劳动模范" as of a
    living person (the proof of title says 生前系 and when): now it does too, and its reprint
    (补打) from the ledger says the same."""
    import io
    import re

    import pypdf

    from desktop.services.documents.service import DocumentService
    from desktop.services.hardship.prints import HardshipPrint

    def words(pdf: bytes) -> str:
        return re.sub(r"\s+", "", "".join(p.extract_text() for p in
                                          pypdf.PdfReader(io.BytesIO(pdf)).pages))

    (person,) = add_people(db, 1)
    case_id = walk(db, person, "approved")
    service(db, CAST["maker"]).record_payment(
        case_id, kind="春节慰问金", amount=160_000, paid_on=DIED - dt.timedelta(days=5),
        payer="县总工会")
    persons(db, admin).death(person, DIED, "病故")
    issued = HardshipPrint(db.sessions, CAST["admin"], db.read_sessions,
                           today=lambda: TODAY).proof(case_id)
    text = words(issued.pdf)
    died = f"{DIED.year}年{DIED.month}月{DIED.day}日"
    assert "生前系本协会登记在册的劳动模范" in text and f"已于{died}去世。特此证明" in text, text
    again = DocumentService(db.sessions, CAST["admin"], db.read_sessions,
                            today=lambda: TODAY).reprint(issued.serials[0], "原件遗失")
    assert "生前系" in words(again.pdf) and f"已于{died}去世" in words(again.pdf)


def test_a_proof_of_assistance_names_the_honor_the_person_holds(
        db: Database, admin: Actor) -> None:
    """Walk-through (December 2026): the 帮扶证明 of a 浙江省先进工作者 (1982; 长兴县先进工作者
    1980) read "系长兴县劳动模范", a county title she does not hold. It names the highest kept
    honor, and its reprint says the same; a proof issued before the honor was kept reprints as
    it was issued."""
    import io
    import json
    import re

    import pypdf
    from sqlalchemy import select, update

    from desktop.models import DocumentLog
    from desktop.services.documents.service import DocumentService
    from desktop.services.hardship.prints import HardshipPrint
    from tests.register_support import Spec, add_persons

    def words(pdf: bytes) -> str:
        return re.sub(r"\s+", "", "".join(p.extract_text() for p in
                                          pypdf.PdfReader(io.BytesIO(pdf)).pages))

    person = add_persons(db, [Spec("曹妹莲", sex="2", honors=(
        ("长兴县先进工作者", "县级", 1980, False), ("浙江省先进工作者", "省部级", 1982, False),
        ("全国劳动模范", "全国", 1989, True)))])["曹妹莲"]
    case_id = walk(db, person, "approved")
    service(db, CAST["maker"]).record_payment(
        case_id, kind="特殊困难帮扶金", amount=300_000, paid_on=TODAY, payer="县总工会")
    issued = HardshipPrint(db.sessions, CAST["admin"], db.read_sessions,
                           today=lambda: TODAY).proof(case_id)
    text = words(issued.pdf)
    assert "系本协会登记在册的劳动模范（1982年浙江省先进工作者）" in text, text
    assert "系长兴县劳动模范" not in text and "全国劳动模范" not in text, text
    # no ID number registered: no empty "（身份证号码）" after the name
    assert "曹妹莲同志系" in text and "身份证号码" not in text, text
    documents = DocumentService(db.sessions, CAST["admin"], db.read_sessions,
                                today=lambda: TODAY)
    again = words(documents.reprint(issued.serials[0], "原件遗失").pdf)
    assert "（1982年浙江省先进工作者）" in again, again
    with db.sessions.begin() as s:  # as a proof issued by an older version was kept
        row = s.scalars(select(DocumentLog).where(
            DocumentLog.serial == issued.serials[0], DocumentLog.action == "issue")).one()
        content = json.loads(row.content)
        del content["honor"]
        s.execute(update(DocumentLog).where(DocumentLog.id == row.id)
                  .values(content=json.dumps(content, ensure_ascii=False)))
    old = words(documents.reprint(issued.serials[0], "原件遗失").pdf)
    assert "系长兴县劳动模范" in old, old


def test_the_public_notice_heads_the_category_as_such(db: Database, admin: Actor) -> None:
    """公示名单 (second walk-through): the column holding 深度困难 / 意外致困 was headed 帮扶类别
    (the kind of payment, as the proof's table has it); it is the file's 困难类别."""
    import io
    import re

    import pypdf

    from desktop.services.hardship.prints import HardshipPrint

    (person,) = add_people(db, 1)
    walk(db, person, "notice")
    pdf = HardshipPrint(db.sessions, CAST["maker"], db.read_sessions,
                        today=lambda: TODAY).notice()
    text = re.sub(r"\s+", "", "".join(p.extract_text()
                                      for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))
    assert "工作单位困难类别公示期" in text and "帮扶类别" not in text, text
    assert "深度困难" in text
