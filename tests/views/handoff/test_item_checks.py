"""The city's cross-district checks beside the merge items: one district recorded a death, the
other still visits its record of the same person; the two records' honors disagree. Masked
unless unmasked with a reason, said in a sentence, nothing to decide; gone once the pair is decided
to be different people."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from desktop.core import idnumber
from desktop.errors import AppError
from desktop.exchange.handoff_report import report_xlsx
from desktop.services.register.types import HonorDraft
from desktop.views.handoff.base import report_text
from desktop.views.handoff.items_dialog import OpenItemsDialog
from tests.conftest import drop_pg_database
from tests.handoff.support import Office, enrol, make_office
from tests.handoff.test_handoff_flow import person

ID_TWICE = idnumber.make("330522", dt.date(1950, 6, 1), 31)


def _merge(city: Office, district: Office, path: Path) -> None:
    district.handoff().export("2026Q4", path)
    staged = city.handoff().import_file(path.read_bytes())
    assert staged.package_id is not None
    city.handoff(city.reviewer).merge(staged.package_id)


def _disagreeing(city: Office, cx: Office, dq: Office, tmp_path: Path) -> dict[str, Any]:
    """长兴县 records 沈老's death and a national honor; 德清县 still visits its record."""
    enrol(city, cx, dq)
    national = HonorDraft(title="全国劳动模范", level="全国", year=2010)
    died = cx.persons().create(dataclasses.replace(
        person("沈老", "长兴县", ID_TWICE),
        honors=(*person("沈老", "长兴县", ID_TWICE).honors, national)))
    cx.persons().death(died, dt.date(2026, 10, 3))
    alive = dq.persons().create(person("沈老", "德清县", ID_TWICE))
    dq.ws().visits().create_single(alive, "生日", dt.date(2026, 12, 1), "八十大寿")
    _merge(city, cx, tmp_path / "cx.lmpkg")
    # the dry-run report of 德清县's package already says both (screen and .xlsx)
    dq.handoff().export("2026Q4", tmp_path / "dq.lmpkg")
    staged = city.handoff().import_file((tmp_path / "dq.lmpkg").read_bytes())
    assert staged.package_id is not None
    found = {c["kind"]: c for c in staged.report["checks"]}
    assert set(found) == {"died_visited", "honors_differ"}
    assert found["died_visited"]["detail"] == {"died": "2026-10-03", "visited": "2026-12-01"}
    said = report_text(staged.report)
    assert "待核对：荣誉记录不一致" in said and "长兴县记有全国劳动模范（2010）" in said
    assert "待核对：一方去世、另一方仍在走访" in said and "2026-10-03 去世；2026-12-01 走访" in said
    sheet = load_workbook(io.BytesIO(report_xlsx(staged.report)))["待处理事项"]
    kinds = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert {"荣誉记录不一致", "一方去世、另一方仍在走访"} <= set(kinds)
    city.handoff(city.reviewer).merge(staged.package_id)
    items = {i.kind: i for i in city.ws().handoff_items().items()}
    assert set(items) == {"same_id", "died_visited", "honors_differ"}
    visited = items["died_visited"]
    assert (visited.district, visited.other_district) == ("长兴县", "德清县")
    assert (visited.died, visited.visited) == ("2026-10-03", "2026-12-01")
    assert visited.name == "沈*" and ID_TWICE not in visited.id_number
    assert not visited.actions and visited.id < 0
    differ = items["honors_differ"]  # (which record comes first is not fixed)
    assert {differ.district: differ.only_here, differ.other_district: differ.only_there} == {
        "长兴县": ("全国劳动模范（2010）",), "德清县": ()}
    with pytest.raises(AppError) as twice:  # which record would the city's honor go on?
        city.handoff().propose_honor(ID_TWICE, "湖州市劳动模范", "市级", 2026)
    assert twice.value.code == "handoff_honor_id_twice"
    return items


def test_a_paired_move_is_no_disagreement(tmp_path: Path, sqlite_template: Path) -> None:
    """The old district's record of a moved person points at the new one: an honor the new
    district records after the move is not 'honors that disagree'."""
    city, cx, dq = (make_office(tmp_path, sqlite_template, n)
                    for n in ("湖州市", "长兴县", "德清县"))
    try:
        enrol(city, cx, dq)
        moved = cx.persons().create(person("钱迁", "长兴县", ID_TWICE))
        cx.persons().move_out(moved, dt.date(2026, 10, 8), "德清县", "工作调动")
        arrived = dq.persons().create(dataclasses.replace(
            person("钱迁", "德清县", ID_TWICE),
            honors=(*person("钱迁", "德清县", ID_TWICE).honors,
                    HonorDraft(title="德清县劳动模范", level="县级", year=2026))))
        dq.persons().move_in(arrived, dt.date(2026, 10, 9), "长兴县")
        _merge(city, cx, tmp_path / "cx.lmpkg")
        _merge(city, dq, tmp_path / "dq.lmpkg")
        kinds = [i.kind for i in city.ws().handoff_items().items(settled=True)]
        assert "move_pair" in kinds and "honors_differ" not in kinds, kinds
    finally:
        for office in (city, cx, dq):
            office.db.dispose()


def test_the_checks_read_the_same_on_postgresql(tmp_path: Path, sqlite_template: Path,
                                               pg_template: str) -> None:
    """The city's queries on the engine an office outgrowing one PC uses."""
    city = make_office(tmp_path, pg_template, "湖州市")
    cx, dq = (make_office(tmp_path, sqlite_template, n) for n in ("长兴县", "德清县"))
    try:
        items = _disagreeing(city, cx, dq, tmp_path)
        city.handoff(city.reviewer).resolve(items["same_id"].id, "different_people",
                                            reason="身份证号录入错误")
        assert city.ws().handoff_items().items() == []
    finally:
        name = city.db.url.rsplit("/", 1)[-1]
        for office in (city, cx, dq):
            office.db.dispose()
        drop_pg_database(name)


def test_death_in_one_visit_in_another_and_honors_that_disagree(
        qtbot: QtBot, tmp_path: Path, sqlite_template: Path) -> None:
    city, cx, dq = (make_office(tmp_path, sqlite_template, n)
                    for n in ("湖州市", "长兴县", "德清县"))
    try:
        items = _disagreeing(city, cx, dq, tmp_path)
        dialog = OpenItemsDialog(city.ws(city.reviewer), city.handoff(city.reviewer).resolve)
        qtbot.addWidget(dialog)
        said = {}
        for row, item in enumerate(dialog.items):
            dialog.table.selectRow(row)
            said[dialog.table.item(row, 0).text()] = dialog.explain.text()  # type: ignore[union-attr]
            assert dialog.decide_button.isEnabled() is False
            assert dialog.different.isEnabled() is (item.kind == "same_id")
        assert said["一方去世、另一方仍在走访"] == (
            "长兴县记录沈*已于2026-10-03去世；德清县在2026-12-01走访或计划走访此人。"
            "如是慰问家属则无妨，否则请告知德清县。")
        assert said["荣誉记录不一致"] == ("沈*的荣誉记录不一致：长兴县记有全国劳动模范（2010），"
                                         "德清县没有。请管理此人的区县核对更正。")
        full = {i.kind: i for i in city.ws(city.reviewer).handoff_items().items(
            unmask_reason="核对去世人员")}
        assert full["died_visited"].name == "沈老" and full["died_visited"].id_number == ID_TWICE

        # decided as different people: neither check is raised for the pair any more
        city.handoff(city.reviewer).resolve(items["same_id"].id, "different_people",
                                            reason="身份证号录入错误")
        assert city.ws().handoff_items().items() == []
    finally:
        for office in (city, cx, dq):
            office.db.dispose()
