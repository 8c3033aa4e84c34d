"""Reference data back to the districts: the honor title list and the report templates travel
with the standards; conflict resolutions made at the city flow down, are applied once by each
district (audited) and are not raised again by the next quarter's packages."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.cli.main import main
from desktop.core import idnumber
from desktop.errors import ValidationError
from desktop.exchange.handoff_package import PackageRefused
from desktop.models import AuditEvent, HandoffItem, Person, PersonEvent
from desktop.services.imports.export_templates import ExportTemplateService
from tests.handoff.support import REVIEWER_PASSWORD, Office, enrol, make_office
from tests.handoff.test_handoff_flow import person

ID_SAME = idnumber.make("330522", dt.date(1961, 3, 4), 21)
ID_TYPO = idnumber.make("330521", dt.date(1970, 8, 9), 23)


def _applied(office: Office) -> int:
    with office.db.sessions.begin() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "handoff.resolution_applied")) or 0)


def _merge(city: Office, district: Office, quarter: str, path: Path) -> dict[str, object]:
    district.handoff().export(quarter, path)
    staged = city.handoff().import_file(path.read_bytes())
    assert staged.package_id is not None
    return city.handoff(city.reviewer).merge(staged.package_id)


def _laomo(monkeypatch: pytest.MonkeyPatch, office: Office, user: str, password: str,
           *args: str) -> int:
    """``laomo`` in this process (the subprocess contract is test_handoff_cli.py's)."""
    monkeypatch.setenv("LAOMO_PASSWORD", password)
    return main([*args, "--db", str(office.keys.parent / "laomo.sqlite3"), "--user", user])


def test_resolutions_flow_down_and_are_not_raised_again(
        tmp_path: Path, sqlite_template: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    city, cx, dq = (make_office(tmp_path, sqlite_template, n)
                    for n in ("湖州市", "长兴县", "德清县"))
    try:
        enrol(city, cx, dq)
        same_cx = cx.persons().create(person("钱同", "长兴县", ID_SAME))
        typo_cx = cx.persons().create(person("李甲", "长兴县", ID_TYPO))
        same_dq = dq.persons().create(person("钱同", "德清县", ID_SAME))
        typo_dq = dq.persons().create(person("李乙", "德清县", ID_TYPO))
        _merge(city, cx, "2026Q4", tmp_path / "cx1.lmpkg")
        report = _merge(city, dq, "2026Q4", tmp_path / "dq1.lmpkg")
        items = {i.name: i.id for i in city.ws().handoff_items().items(unmask_reason="核对")
                 if i.kind == "same_id"}
        assert set(items) == {"钱同", "李乙"} and len(report["items"]) == 2  # type: ignore

        # the city decides: one person kept by 德清县; two different people
        with pytest.raises(ValidationError) as refused:
            city.handoff(city.reviewer).resolve(items["钱同"], "same_person", keep="德清县")
        assert refused.value.codes() == {"reason": "reason_required"}
        city.handoff(city.reviewer).resolve(items["钱同"], "same_person", keep="德清县",
                                            reason="电话核实：2025年调往德清县")
        assert _laomo(monkeypatch, city, "reviewer", REVIEWER_PASSWORD, "handoff", "items") == 0
        masked = capsys.readouterr().out  # the decided 钱同 is settled; 李乙 is masked
        assert "李*" in masked and "李乙" not in masked and ID_TYPO not in masked
        assert "钱" not in masked
        assert "\t同一身份证号在两个区县\t待处理\t" in masked and "same_id" not in masked
        # full names need a reason: refused in words, nothing recorded
        assert _laomo(monkeypatch, city, "reviewer", REVIEWER_PASSWORD, "handoff", "items",
                      "--unmask") == 3
        refused = capsys.readouterr()
        assert "理由" in refused.out + refused.err and "李乙" not in refused.out
        with city.db.sessions.begin() as s:
            assert s.scalar(select(func.count()).select_from(AuditEvent).where(
                AuditEvent.action == "handoff.reveal_items")) == 1  # only the ws call above
        assert _laomo(monkeypatch, city, "reviewer", REVIEWER_PASSWORD, "handoff", "items",
                      "--all", "--unmask", "--reason", "电话核对") == 0
        full = capsys.readouterr().out
        assert "李乙" in full and ID_TYPO in full and "钱同" in full
        with city.db.sessions.begin() as s:
            assert s.scalar(select(AuditEvent.detail).where(
                AuditEvent.action == "handoff.reveal_items")) is not None
        assert _laomo(monkeypatch, city, "reviewer", REVIEWER_PASSWORD, "handoff", "resolve",
                      str(items["李乙"]), "--different-people",
                      "--reason", "身份证号录入错误，两人不同") == 0
        with city.db.sessions.begin() as s:
            assert s.get(Person, same_cx).merged_into_id == same_dq  # type: ignore[union-attr]

        # what else the reference package carries: the honor titles and report templates
        ExportTemplateService(city.db.sessions, city.admin).save(
            "市级季报", ("name", "sex", "id_number", "district"))
        reference = city.handoff().reference()
        body = json.loads(_part(reference, "reference.json"))
        assert {"title": "湖州市劳动模范", "level": "市级"} in body["honor_titles"]
        assert body["report_templates"]["市级季报"] == ["name", "sex", "id_number", "district"]
        text = _part(reference, "reference.json").decode()
        assert ID_SAME not in text and "钱同" not in text  # by record id only

        for office in (cx, dq):
            applied = office.handoff().import_file(reference)
            assert applied.state == "applied"
            assert "湖州市劳动模范" in office.ws().register().honor_titles()
            assert "市级季报" in ExportTemplateService(office.db.sessions,
                                                      office.admin).templates()
        assert _applied(cx) == 2 and _applied(dq) == 2
        with cx.db.sessions.begin() as s:
            moved = s.get(Person, same_cx)
            assert moved is not None and "德清县" in (moved.conflict_note or "")
            assert s.scalar(select(PersonEvent.kind).where(
                PersonEvent.person_id == same_cx, PersonEvent.kind == "move_out")) == "move_out"
            assert "不是同一人" in (s.get(Person, typo_cx).conflict_note or "")  # type: ignore
        with dq.db.sessions.begin() as s:
            assert "本单位管理" in (s.get(Person, same_dq).conflict_note or "")  # type: ignore
            assert "不是同一人" in (s.get(Person, typo_dq).conflict_note or "")  # type: ignore

        # the next quarter carries the applied decisions: no conflict is raised again
        second = _merge(city, cx, "2027Q1", tmp_path / "cx2.lmpkg")
        second_dq = _merge(city, dq, "2027Q1", tmp_path / "dq2.lmpkg")
        assert second["items"] == [] and second_dq["items"] == []
        with city.db.sessions.begin() as s:
            assert s.get(Person, same_cx).merged_into_id == same_dq  # type: ignore[union-attr]
            assert s.scalar(select(func.count()).select_from(HandoffItem).where(
                HandoffItem.status == "open")) == 0

        # each decision is applied once; the same reference again is refused as older
        newer = city.handoff().reference()
        cx.handoff().import_file(newer)
        assert _applied(cx) == 2
        with pytest.raises(PackageRefused) as caught:
            dq.handoff().import_file(reference)
        assert caught.value.code == "reference_older"

        # a reference package from another city's key (same name) is refused
        other = make_office(tmp_path / "other", sqlite_template, "湖州市")
        try:
            with pytest.raises(PackageRefused) as caught:
                dq.handoff().import_file(other.handoff().reference())
            assert caught.value.code == "package_bad_signature"
        finally:
            other.db.dispose()
    finally:
        for o in (city, cx, dq):
            o.db.dispose()


def _part(data: bytes, name: str) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name)
