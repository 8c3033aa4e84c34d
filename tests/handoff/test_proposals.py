"""市级 honorees recorded at the city go down to the district as proposals the clerk accepts
(nothing written silently); accepted, they come back in the next package as the district's own
records, without duplicates at the city."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.cli.main import main
from desktop.core import idnumber
from desktop.errors import AppError
from desktop.models import District, Honor, Person
from desktop.services.register.types import HonorDraft, PersonDraft
from tests.conftest import ADMIN_PASSWORD
from tests.handoff.support import enrol, make_office
from tests.handoff.test_handoff_flow import ID_A, person

ID_NEW = idnumber.make("330522", dt.date(1985, 4, 2), 24)


def _proposals(reference: bytes) -> list[dict[str, object]]:
    with zipfile.ZipFile(io.BytesIO(reference)) as z:
        return list(json.loads(z.read("reference.json"))["proposals"])


def test_city_honorees_are_proposed_accepted_and_handed_over(
        tmp_path: Path, sqlite_template: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    city, cx = (make_office(tmp_path, sqlite_template, n) for n in ("湖州市", "长兴县"))
    try:
        enrol(city, cx)
        known = cx.persons().create(person("朱荣荣", "长兴县", ID_A))
        cx.handoff().export("2026Q4", tmp_path / "cx1.lmpkg")
        staged = city.handoff().import_file((tmp_path / "cx1.lmpkg").read_bytes())
        assert staged.package_id is not None
        city.handoff(city.reviewer).merge(staged.package_id)

        # the city records its new honorees: a new person for 长兴县, an honor for a known one
        new = city.persons().create(PersonDraft(
            name="周新", district="长兴县", sex="2", birth_date=dt.date(1985, 4, 2),
            work_unit="长兴某厂", honors=(HonorDraft(title="湖州市劳动模范", level="市级",
                                                   year=2026),)))
        monkeypatch.setenv("LAOMO_PASSWORD", ADMIN_PASSWORD)
        assert main(["handoff", "propose-honor", "--id-number", ID_A, "--title", "湖州市劳动模范",
                     "--level", "市级", "--year", "2026", "--body", "湖州市人民政府",
                     "--db", str(tmp_path / "湖州市" / "laomo.sqlite3"), "--user", "admin"]) == 0
        assert not city.persons().get(known).editable  # the person itself stays 长兴县's

        reference = city.handoff().reference()
        assert sorted(p["kind"] for p in _proposals(reference)) == ["honor", "person"]
        with zipfile.ZipFile(io.BytesIO(reference)) as z:  # signed, not encrypted: no ID numbers
            assert ID_A not in z.read("reference.json").decode()
        cx.handoff().import_file(reference)
        pending = {p["person"]["name"]: p for p in cx.handoff().proposals()}
        assert set(pending) == {"周新", "朱荣荣"}
        # a new honor of a known person: the register's birth date, to tell who it is
        assert pending["朱荣荣"]["person"]["birth_date"][:4] == ID_A[6:10]
        with cx.db.sessions.begin() as s:  # proposals only: nothing in the register yet
            assert s.scalar(select(func.count()).select_from(Person)) == 1
            assert s.scalar(select(func.count()).select_from(Honor)) == 1

        # the clerk accepts both (typing the new person's ID number)
        cli = ["--db", str(tmp_path / "长兴县" / "laomo.sqlite3"), "--user", "admin"]
        assert main(["handoff", "proposals", *cli]) == 0
        listed = capsys.readouterr().out
        assert "周新" in listed and "\t新人员\t" in listed and "\t新荣誉\t" in listed, listed
        assert main(["handoff", "accept", str(pending["周新"]["id"]), "--id-number", ID_NEW,
                     *cli]) == 0
        cx.handoff().accept_proposal(pending["朱荣荣"]["id"])
        with pytest.raises(AppError) as caught:
            cx.handoff().accept_proposal(pending["朱荣荣"]["id"])
        assert caught.value.code == "handoff_proposal_decided"
        assert cx.handoff().proposals() == []
        got = cx.persons().get(new)
        assert got.draft.name == "周新" and got.treatment_level == "市级" and got.editable
        assert len(cx.persons().get(known).draft.honors) == 2

        # the next package brings them back: handed over to 长兴县, nothing twice
        cx.handoff().export("2027Q1", tmp_path / "cx2.lmpkg")
        staged = city.handoff().import_file((tmp_path / "cx2.lmpkg").read_bytes())
        assert staged.package_id is not None
        report = city.handoff(city.reviewer).merge(staged.package_id)
        assert report["items"] == [] and report["skipped"] == []
        with city.db.sessions.begin() as s:
            cx_id = s.scalar(select(District.id).where(District.name == "长兴县"))
            moved = s.get(Person, new)
            assert moved is not None and moved.origin_district_id == cx_id
            assert moved.id_number == ID_NEW
            assert s.scalar(select(func.count()).select_from(Person)) == 2
            assert s.scalar(select(func.count()).select_from(Honor)) == 3
            assert set(s.scalars(select(Honor.origin_district_id))) == {cx_id}
        assert not city.persons().get(new).editable
        assert _proposals(city.handoff().reference()) == []
    finally:
        city.db.dispose()
        cx.db.dispose()
