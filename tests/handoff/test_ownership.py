"""Who owns what after a merge: at the city a district's persons, hardship files, campaigns,
visits and recuperation are read-only (refused by the services, naming the district); the
city's own records stay editable; a visit belongs to the office that made its campaign."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select, update

from desktop.core.texts import error_text
from desktop.errors import AppError
from desktop.models import District, RecuperationBatch, Visit, VisitCampaign
from desktop.models.visits import ORGANISERS
from desktop.services.visits.recuperation import BatchDraft
from tests.handoff.support import Office, enrol, make_office
from tests.handoff.test_handoff_flow import ID_A, ID_B, person
from tests.hardship_support import draft


def _owned_by(caught: pytest.ExceptionInfo[AppError], district: str) -> None:
    assert caught.value.code == "record_owned_by_district"
    assert caught.value.params["district"] == district
    assert district in error_text(caught.value)


def _district_id(office: Office, name: str) -> uuid.UUID:
    with office.db.sessions.begin() as s:
        found = s.scalar(select(District.id).where(District.name == name))
        assert found is not None
        return found


def test_a_districts_records_are_read_only_at_the_city(
        tmp_path: Path, sqlite_template: Path) -> None:
    city, cx = (make_office(tmp_path, sqlite_template, n) for n in ("湖州市", "长兴县"))
    try:
        enrol(city, cx)
        pid = cx.persons().create(person("朱荣荣", "长兴县", ID_A))
        case_id = cx.ws().hardship().open(draft(pid))
        visits = cx.ws().visits()
        cid = visits.create_campaign(visits.default_draft("春节", 2027))
        visits.add_person(cid, pid, "市级劳模，年老体弱")
        # an older installation stamped its visits with the visited person's district
        with cx.db.sessions.begin() as s:
            s.execute(update(Visit).values(origin_district_id=_district_id(cx, "德清县")))
        batch_id = cx.ws().recuperation().create_batch(BatchDraft(
            year=2027, name="2027年第一批", destination="莫干山", start_date=dt.date(2027, 5, 10),
            end_date=dt.date(2027, 5, 14), days=5, quota=10, cost_per_day_fen=50_000,
            organiser=ORGANISERS[0]))
        cx.handoff().export("2026Q4", tmp_path / "cx.lmpkg")
        staged = city.handoff().import_file((tmp_path / "cx.lmpkg").read_bytes())
        assert staged.package_id is not None
        city.handoff(city.reviewer).merge(staged.package_id)

        # the visit belongs to the campaign's office, not to the stamped district
        cx_id = _district_id(city, "长兴县")
        with city.db.sessions.begin() as s:
            assert list(s.scalars(select(Visit.origin_district_id))) == [cx_id]
            assert s.scalar(select(VisitCampaign.origin_district_id)) == cx_id
            assert s.scalar(select(RecuperationBatch.origin_district_id)) == cx_id

        # the register: shown read-only, every change refused, naming 长兴县
        got = city.persons().get(pid)
        assert not got.editable and got.owner == "长兴县"
        with pytest.raises(AppError) as caught:
            city.persons().update(pid, dataclasses.replace(got.draft, work_unit="市里改的"),
                                  expected_version=got.row_version)
        _owned_by(caught, "长兴县")
        with pytest.raises(AppError) as caught:
            city.persons().death(pid, dt.date(2026, 11, 1))
        _owned_by(caught, "长兴县")
        assert city.persons().get(pid).draft.work_unit is None

        # hardship: the file is read-only
        hardship = city.ws().hardship()
        case = hardship.get(case_id)
        assert not case.editable and case.owner == "长兴县"
        with pytest.raises(AppError) as caught:
            hardship.update(case_id, draft(pid, person_income=1), expected_version=case.row_version)
        _owned_by(caught, "长兴县")

        # visits and recuperation: the district's campaign and batch are read-only
        city_visits = city.ws().visits()
        assert city_visits.campaign(cid).owner == "长兴县"
        with pytest.raises(AppError) as caught:
            city_visits.add_person(cid, pid, "市里加的")
        _owned_by(caught, "长兴县")
        visit_id = city_visits.visits(cid)[0].id
        with pytest.raises(AppError) as caught:
            city_visits.remove_visit(visit_id, "市里删")
        _owned_by(caught, "长兴县")
        with pytest.raises(AppError) as caught:
            city.ws().recuperation().fill(batch_id)
        _owned_by(caught, "长兴县")

        # the city's own records stay editable, and a city campaign's visits are the city's
        own = city.persons().create(person("孙市", "市本级", ID_B))
        mine = city.persons().get(own)
        assert mine.editable and mine.owner is None
        city.persons().update(own, dataclasses.replace(mine.draft, work_unit="市总工会"),
                              expected_version=mine.row_version)
        city_cid = city_visits.create_campaign(city_visits.default_draft("春节", 2027))
        assert city_visits.campaign(city_cid).editable
        city_visits.add_person(city_cid, pid, "市领导走访")  # the city visits a district's person
        home = _district_id(city, "湖州市")
        with city.db.sessions.begin() as s:
            assert s.scalar(select(VisitCampaign.origin_district_id).where(
                VisitCampaign.id == city_cid)) == home
            assert set(s.scalars(select(Visit.origin_district_id).where(
                Visit.campaign_id == city_cid))) == {home}
    finally:
        city.db.dispose()
        cx.db.dispose()


def test_an_import_at_the_city_cannot_change_a_districts_person(
        tmp_path: Path, sqlite_template: Path) -> None:
    from desktop.services.imports.types import ImportOptions
    from tests.exchange.import_support import write_clerk_workbook

    city, cx = (make_office(tmp_path, sqlite_template, n) for n in ("湖州市", "长兴县"))
    try:
        enrol(city, cx)
        cx.persons().create(person("朱荣荣", "长兴县", ID_A))
        cx.handoff().export("2026Q4", tmp_path / "cx.lmpkg")
        staged = city.handoff().import_file((tmp_path / "cx.lmpkg").read_bytes())
        assert staged.package_id is not None
        city.handoff(city.reviewer).merge(staged.package_id)
        path = write_clerk_workbook(
            tmp_path / "市级名册.xlsx",
            [[1, "朱荣荣", "男", ID_A, "长兴县", "市里填的单位"],
             [2, "孙市", "男", ID_B, "市本级", "市总工会"]],
            headers=["序号", "姓名", "性别", "公民身份号码", "所属区县", "工作单位"])
        result = city.ws().importer().run(path, ImportOptions(good_rows_only=True),
                                          dry_run=False)
        assert [r.status for r in result.rows] == ["rejected", "new"]
        problem = result.rows[0].problems[0]
        assert problem.code == "record_owned_by_district"
        assert problem.params["district"] == "长兴县"
        assert city.persons().get(_person_id(city, ID_A)).draft.work_unit is None
    finally:
        city.db.dispose()
        cx.db.dispose()


def _person_id(office: Office, number: str) -> uuid.UUID:
    from desktop.models import Person

    with office.db.sessions.begin() as s:
        found = s.scalar(select(Person.id).where(Person.id_number == number))
        assert found is not None
        return found
