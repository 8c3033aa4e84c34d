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
        db: Database, admin: Actor, field: str, value: str, code: str) -> None:
    svc = service(db, admin)
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
        db: Database, admin: Actor, field: str, value: str) -> None:
    svc = service(db, admin)
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
