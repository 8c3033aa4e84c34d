"""Public notices (公示) count working days on the holiday calendar of the visits: official
holidays are days off, 调休 make-up Saturdays and Sundays are working days."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.database import Database
from desktop.errors import ValidationError
from desktop.services.hardship.rules import add_working_days, working_days
from desktop.services.holidays import parse_calendar, shipped_calendar_data
from desktop.services.permissions import Actor
from tests.hardship_support import CAST, add_people, service, walk

SEP_30 = dt.date(2026, 9, 30)  # Wednesday before the National Day holiday (10-01 … 10-07)


def test_the_calendar_skips_national_day_and_counts_the_make_up_saturday() -> None:
    calendar = parse_calendar(shipped_calendar_data())
    assert dt.date(2026, 10, 10).weekday() == 5  # 调休: a Saturday that is a working day
    # 09-30, 10-08, 10-09, 10-10 (Saturday, 调休), 10-12 — and not 10-01 … 10-07, 10-11
    assert add_working_days(SEP_30, 5, calendar) == dt.date(2026, 10, 12)
    assert working_days(SEP_30, dt.date(2026, 10, 12), calendar) == 5
    assert working_days(dt.date(2026, 10, 10), dt.date(2026, 10, 11), calendar) == 1
    # without a calendar (Monday to Friday) the holiday would count
    assert add_working_days(SEP_30, 5) == dt.date(2026, 10, 6)
    # a notice starting on a holiday starts on the next working day
    assert add_working_days(dt.date(2026, 10, 3), 1, calendar) == dt.date(2026, 10, 8)


def test_default_notice_runs_five_calendar_working_days(db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "verified")
    clerk = service(db, CAST["maker"])
    assert clerk.default_notice_end(SEP_30) == dt.date(2026, 10, 12)
    clerk.start_notice(case_id, start=SEP_30, opinion="公示")
    got = clerk.get(case_id)
    assert (got.notice_start, got.notice_end) == (SEP_30, dt.date(2026, 10, 12))


def test_a_notice_over_the_holiday_is_too_short_though_it_spans_five_weekdays(
        db: Database, admin: Actor) -> None:
    (person,) = add_people(db, 1)
    case_id = walk(db, person, "verified")
    clerk = service(db, CAST["maker"])
    # 09-30 … 10-09 holds eight weekdays but only three working days
    with pytest.raises(ValidationError) as caught:
        clerk.start_notice(case_id, start=SEP_30, end=dt.date(2026, 10, 9), opinion="公示")
    assert caught.value.codes() == {"notice_end": "notice_too_short"}
    assert clerk.get(case_id).status == "verified"
    # ending on the 调休 Saturday is four; the Monday after is five and accepted
    with pytest.raises(ValidationError):
        clerk.start_notice(case_id, start=SEP_30, end=dt.date(2026, 10, 11), opinion="公示")
    clerk.start_notice(case_id, start=SEP_30, end=dt.date(2026, 10, 12), opinion="公示")
    assert clerk.get(case_id).status == "notice"


def test_the_command_line_describes_the_notice_it_prints() -> None:
    """``laomo report --help`` promised a 公示名单 "with masked ID numbers"; the public notice
    prints no ID number at all (name, unit, kind of help, 公示期)."""
    from desktop.cli.parser import build_parser

    sub = build_parser()._subparsers
    assert sub is not None
    report = sub._group_actions[0].choices["report"]  # type: ignore[index]
    words = " ".join(report.format_help().split())
    assert "masked ID numbers" not in words and "no ID number" in words, words
