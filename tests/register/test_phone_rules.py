"""Phone and mobile numbers in the person's record: what the service refuses (letters, a mobile
of the wrong length, a field without a digit) and what it keeps as typed because it could be a
real number (extensions, short numbers, numbers abroad, two numbers in one field)."""

from __future__ import annotations

import pytest

from desktop.core.phones import LANDLINE, MOBILE, SHORT, UNREADABLE, read_numbers
from desktop.core.texts import problem_text
from desktop.database import Database
from desktop.errors import ValidationError
from desktop.services.permissions import Actor
from tests.conftest import initialise
from tests.person_support import counts, draft, person_row, service

REFUSED = [
    ("mobile", "1390572123", "mobile_invalid"),  # 10 digits
    ("mobile", "139 0572 12345", "mobile_invalid"),  # 12 digits
    ("mobile", "23905721234", "mobile_invalid"),  # not 1x
    ("mobile", "139O5721234", "phone_letters"),
    ("phone", "0572-6O21234", "phone_letters"),
    ("phone", "同上", "phone_no_digits"),
]
KEPT = [
    ("phone", "0572-6021234转8012"),
    ("phone", "0572-6021234-8012"),
    ("phone", "(0572)6021234"),
    ("phone", "8012"),  # an internal line
    ("phone", "0572-6021234 13905721234"),
    ("phone", "0572-6021234（办）"),
    ("mobile", "661234"),  # a network's 短号
    ("mobile", "+86 139 0572 1234"),
    ("mobile", "+852 9123 4567"),
    ("mobile", "13905721234/13805720000"),
    ("mobile", "0572-6021234"),  # a landline typed as the mobile: warned in the form only
]


@pytest.mark.parametrize(("field", "value", "code"), REFUSED)
def test_what_cannot_be_a_number_is_refused_on_its_field(
        sqlite_db: Database, field: str, value: str, code: str) -> None:
    # rules of the service, the same on every database: on SQLite alone (the suite's time)
    db = sqlite_db
    svc = service(db, initialise(db))
    before = counts(db)
    with pytest.raises(ValidationError) as caught:
        svc.create(draft(**{field: value}))
    assert caught.value.codes() == {field: code}
    assert counts(db) == before
    assert [(p.field, p.code) for p in svc.validate(draft(**{field: value}))] == [(field, code)]
    words = problem_text(caught.value.problems[0])
    assert value in words or "同上" in words, words


@pytest.mark.parametrize(("field", "value"), KEPT)
def test_what_could_be_a_real_number_is_kept_as_typed(
        sqlite_db: Database, field: str, value: str) -> None:
    db = sqlite_db
    svc = service(db, initialise(db))
    pid = svc.create(draft(**{field: value}))
    assert getattr(person_row(db, pid), field) == value


def test_a_cell_of_two_numbers_is_read_as_two() -> None:
    assert [(n.kind, n.value) for n in read_numbers("0572-6021234 13905721234")] == [
        (LANDLINE, "0572-6021234"), (MOBILE, "13905721234")]
    assert [n.kind for n in read_numbers("13905721234，0572-6021234")] == [MOBILE, LANDLINE]
    assert [n.value for n in read_numbers("+86 139-0572-1234")] == ["13905721234"]
    assert [n.kind for n in read_numbers("13905721234（短号661234）")] == [MOBILE, SHORT]
    assert [n.kind for n in read_numbers("0572-602123")] == [UNREADABLE]  # 6-digit local
    assert read_numbers("无") == ()


def test_a_masked_number_is_no_number_to_warn_about() -> None:
    from desktop.core.phones import phone_warnings

    assert phone_warnings("0572-****234", "138****5678") == []
    assert [p.code for p in phone_warnings("0572-602123", None)] == ["phone_unreadable"]


def test_a_number_stored_before_the_checks_does_not_hold_up_other_changes(
        db: Database, admin: Actor) -> None:
    """A mobile of the wrong length saved before numbers were checked (an old import) stays
    as it is while the record is saved for something else; typed again wrong, it is refused."""
    import dataclasses

    from sqlalchemy import update

    from desktop.models import Person

    svc = service(db, admin)
    pid = svc.create(draft())
    with db.sessions.begin() as s:  # as an older version of the program stored it
        s.execute(update(Person).where(Person.id == pid).values(mobile="1390572123"))
    detail = svc.get(pid)
    svc.update(pid, dataclasses.replace(detail.draft, work_unit="长兴县供电公司"),
               expected_version=detail.row_version)
    stored = person_row(db, pid)
    assert (stored.work_unit, stored.mobile) == ("长兴县供电公司", "1390572123")
    detail = svc.get(pid)
    with pytest.raises(ValidationError) as caught:
        svc.update(pid, dataclasses.replace(detail.draft, mobile="1380572123"),
                   expected_version=detail.row_version)
    assert caught.value.codes() == {"mobile": "mobile_invalid"}
