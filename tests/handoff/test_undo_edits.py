"""Undo of a merge batch checks for later edits at the city: refused naming the records, or
forced by an administrator with a reason (audited with what it overwrote)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select, update

from desktop.core.texts import error_text
from desktop.errors import AppError, PermissionDenied, ValidationError
from desktop.models import AuditEvent, Person
from desktop.services import accounts
from desktop.services.permissions import Role
from tests.handoff.support import enrol, make_office
from tests.handoff.test_handoff_flow import ID_A, ID_B, person


def test_undo_refuses_after_a_city_edit_unless_an_admin_forces_it(
        tmp_path: Path, sqlite_template: Path) -> None:
    city, cx = (make_office(tmp_path, sqlite_template, n) for n in ("湖州市", "长兴县"))
    try:
        enrol(city, cx)
        edited = cx.persons().create(person("朱荣荣", "长兴县", ID_A))
        cx.persons().create(person("孙德", "长兴县", ID_B))
        cx.handoff().export("2026Q4", tmp_path / "cx.lmpkg")
        staged = city.handoff().import_file((tmp_path / "cx.lmpkg").read_bytes())
        assert staged.package_id is not None
        city.handoff(city.reviewer).merge(staged.package_id)

        # a correction made at the city after the merge (e.g. a resolution applied there)
        with city.db.sessions.begin() as s:
            s.execute(update(Person).where(Person.id == edited).values(
                work_unit="市里核对后的单位",
                updated_at=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)))

        with pytest.raises(AppError) as caught:
            city.handoff(city.reviewer).undo(staged.package_id, "核对")
        assert caught.value.code == "handoff_undo_later_edits"
        assert caught.value.params["count"] == 1
        text = error_text(caught.value)
        assert "朱荣荣" in text and "孙德" not in text
        with pytest.raises(PermissionDenied):  # only an administrator may force it
            city.handoff(city.reviewer).undo(staged.package_id, "核对", force=True)

        accounts.AccountService(city.db.sessions).create_user(
            city.admin, name="admin2", display_name="管理员乙", role=Role.ADMIN,
            password="admin2pass")
        admin2 = accounts.AccountService(city.db.sessions).login("admin2", "admin2pass")
        with pytest.raises(ValidationError):  # and only with a reason
            city.handoff(admin2).undo(staged.package_id, " ", force=True)
        with city.db.sessions.begin() as s:  # nothing was undone by the refusals
            assert s.scalar(select(Person.work_unit).where(Person.id == edited)) \
                == "市里核对后的单位"

        rows = city.handoff(admin2).undo(staged.package_id, "长兴县数据有误，重新报送", force=True)
        assert rows >= 2
        with city.db.sessions.begin() as s:
            assert s.get(Person, edited) is None
            entry = s.scalars(select(AuditEvent).where(
                AuditEvent.action == "handoff.undo")).one()
            detail = json.loads(entry.detail) if isinstance(entry.detail, str) else entry.detail
        assert detail["forced"] is True and detail["reason"] == "长兴县数据有误，重新报送"
        assert [r["label"] for r in detail["overwritten"]] == ["朱荣荣"]
    finally:
        city.db.dispose()
        cx.db.dispose()


def test_a_district_clock_running_ahead_is_no_edit(tmp_path: Path,
                                                   sqlite_template: Path) -> None:
    city, cx = (make_office(tmp_path, sqlite_template, n) for n in ("湖州市", "长兴县"))
    try:
        enrol(city, cx)
        pid = cx.persons().create(person("朱荣荣", "长兴县", ID_A))
        with cx.db.sessions.begin() as s:  # the county's PC clock is a day ahead
            s.execute(update(Person).where(Person.id == pid).values(
                updated_at=dt.datetime.now(dt.UTC) + dt.timedelta(days=1)))
        cx.handoff().export("2026Q4", tmp_path / "cx.lmpkg")
        staged = city.handoff().import_file((tmp_path / "cx.lmpkg").read_bytes())
        assert staged.package_id is not None
        city.handoff(city.reviewer).merge(staged.package_id)
        assert city.handoff(city.reviewer).undo(staged.package_id, "重新报送") >= 1
    finally:
        city.db.dispose()
        cx.db.dispose()
