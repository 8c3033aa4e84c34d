"""The city's report of a district package never holds a full personal value: the changed ID
number, phones and birth dates are masked (birth dates as the year) when the report is built,
in the stored report a viewer reads and in the workbook; a report stored before masking is
masked when read."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from pathlib import Path

from openpyxl import load_workbook

from desktop.core import idnumber
from desktop.models import HandoffPackage
from desktop.services import accounts
from desktop.services.permissions import Role
from tests.handoff.support import enrol, make_office
from tests.handoff.test_handoff_flow import person

OLD_ID = idnumber.make("330522", dt.date(1953, 11, 11), 889)
NEW_ID = idnumber.make("330522", dt.date(1953, 11, 12), 891)
OLD_MOBILE, NEW_MOBILE = "15251761906", "13900001111"


def test_the_report_of_changes_masks_numbers_phones_and_birth_dates(
        tmp_path: Path, sqlite_template: Path) -> None:
    city, cx = (make_office(tmp_path, sqlite_template, n) for n in ("湖州市", "长兴县"))
    try:
        enrol(city, cx)
        draft = dataclasses.replace(person("陈水", "长兴县", OLD_ID), mobile=OLD_MOBILE,
                                    birth_date=dt.date(1953, 11, 11))
        pid = cx.persons().create(draft)
        cx.handoff().export("2026Q3", tmp_path / "p1.lmpkg")
        first = city.handoff().import_file((tmp_path / "p1.lmpkg").read_bytes())
        assert first.package_id is not None
        city.handoff(city.reviewer).merge(first.package_id)

        cx.persons().update(pid, dataclasses.replace(
            draft, id_number=NEW_ID, mobile=NEW_MOBILE, birth_date=dt.date(1953, 11, 12)),
            expected_version=cx.persons().get(pid).row_version)
        cx.handoff().export("2026Q4", tmp_path / "p2.lmpkg")
        raw = (tmp_path / "p2.lmpkg").read_bytes()
        full = (OLD_ID, NEW_ID, OLD_MOBILE, NEW_MOBILE, "1953-11-11", "1953-11-12")

        dry = city.handoff().import_file(raw, dry_run=True)
        staged = city.handoff().import_file(raw)
        assert staged.package_id is not None
        accounts.AccountService(city.db.sessions).create_user(
            city.admin, name="viewer", display_name="查看", role=Role.VIEWER,
            password="viewer123")
        viewer = accounts.AccountService(city.db.sessions).login("viewer", "viewer123")
        seen = city.handoff(viewer).report(staged.package_id)
        workbook = city.handoff(viewer).report_workbook(staged.package_id)
        with city.db.sessions.begin() as s:
            row = s.get(HandoffPackage, staged.package_id)
            assert row is not None
            stored = row.report or ""

        for report in (dry.report, staged.report, seen):
            fields = report["changed_persons"][0]["fields"]
            assert fields["id_number"] == [idnumber.mask(OLD_ID), idnumber.mask(NEW_ID)]
            assert fields["mobile"] == ["152****1906", "139****1111"]
            # both years are the same: the change still shows (said, for the admin who
            # decides the merge), the day does not
            assert fields["birth_date"] == ["1953", "1953（隐藏部分有变化）"]
        sheet = load_workbook(io.BytesIO(workbook))["修改前后"]
        cells = {str(c) for row_ in sheet.iter_rows(values_only=True) for c in row_}
        assert "139****1111" in cells
        for value in full:
            assert value not in stored and value not in cells
            assert value not in json.dumps(seen) and value not in json.dumps(dry.report)

        # a report stored in full before this change: masked when read
        with city.db.sessions.begin() as s:
            row = s.get(HandoffPackage, staged.package_id)
            assert row is not None
            row.report = json.dumps({"changed_persons": [{"name": "陈水", "fields": {
                "mobile": [OLD_MOBILE, NEW_MOBILE], "work_unit": [None, "新单位"]}}],
                "items": [{"kind": "same_id", "id_number": OLD_ID}]}, ensure_ascii=False)
        old = city.handoff(viewer).report(staged.package_id)
        assert old["changed_persons"][0]["fields"] == {
            "mobile": ["152****1906", "139****1111"], "work_unit": [None, "新单位"]}
        assert old["items"][0]["id_number"] == idnumber.mask(OLD_ID)
    finally:
        for office in (city, cx):
            office.db.dispose()


def test_masking_a_value_twice_changes_nothing() -> None:
    from desktop.services.handoff.rows import masked_value

    for key, value, shown in (("id_number", OLD_ID, idnumber.mask(OLD_ID)),
                              ("phone", "0572-6021234", "0572-****234"),
                              ("mobile", OLD_MOBILE, "152****1906"),
                              ("spouse_birth_date", "1955-03-02", "1955"),
                              ("bank_account", "6228480012345678901", "*" * 15 + "8901"),
                              ("work_unit", "长兴县电厂", "长兴县电厂")):
        assert masked_value(key, value) == shown
        assert masked_value(key, shown) == shown, key
    assert masked_value("mobile", None) is None
