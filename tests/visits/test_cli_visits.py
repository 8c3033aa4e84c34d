"""``laomo visits …`` and the visit/recuperation reports, run as the real command."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from desktop.database import Database
from desktop.services.permissions import Actor, Role
from desktop.services.visits.recuperation import RecuperationService
from desktop.services.visits.service import VisitService
from tests.visits.support import add_people
from tests.visits.test_recuperation import draft

REVIEWER = Actor(30, "rev1", "审核员", Role.REVIEWER)


def test_plan_campaigns_coverage_and_reports(  # type: ignore[no-untyped-def]
        db: Database, admin: Actor, run_laomo, tmp_path: Path) -> None:
    add_people(db)
    batch = RecuperationService(db.sessions, admin).create_batch(draft())
    RecuperationService(db.sessions, admin).fill(batch)
    first = RecuperationService(db.sessions, admin).roster(batch)[0]
    RecuperationService(db.sessions, admin).confirm(first.entry_id)  # letters: confirmed only
    db.dispose()
    base = ("--db", db.url, "--user", "admin")
    done = run_laomo(*base, "visits", "plan", "--occasion", "春节", "--year", "2027")
    assert done.returncode == 0, done.stderr
    cid = uuid.UUID(done.stdout.strip())
    again = run_laomo(*base, "visits", "plan", "--occasion", "春节", "--year", "2027")
    assert again.returncode == 3 and "已有" in again.stderr
    listed = run_laomo(*base, "visits", "campaigns", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    (campaign,) = json.loads(listed.stdout)
    assert (campaign["id"], campaign["planned"], campaign["occasion_date"]) == (
        str(cid), 5, "2027-02-06")
    cov = run_laomo(*base, "visits", "coverage", "--campaign", str(cid)[:8], "--format", "json")
    assert cov.returncode == 0, cov.stderr
    assert json.loads(cov.stdout)["complete"] is True
    csv_out = run_laomo(*base, "visits", "coverage", "--campaign", str(cid), "--format", "csv")
    assert csv_out.stdout.lstrip("\ufeff").startswith("person_uuid,name")
    pdf = tmp_path / "list.pdf"
    draft_list = run_laomo(*base, "report", "visit-list", "--campaign", str(cid),
                           "--out", str(pdf))
    assert draft_list.returncode == 1 and "尚未审批" in draft_list.stderr
    assert not pdf.exists()  # the final list prints only once a reviewer approved it
    VisitService(db.sessions, REVIEWER).approve_campaign(cid)
    db.dispose()
    rep = run_laomo(*base, "report", "visit-list", "--campaign", str(cid), "--out", str(pdf))
    assert rep.returncode == 0, rep.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    missing = tmp_path / "none.pdf"
    bad = run_laomo(*base, "report", "visit-list", "--campaign", str(cid), "--team", "无此组",
                    "--out", str(missing))
    assert bad.returncode == 1 and not missing.exists()
    roster = tmp_path / "roster.pdf"
    rep = run_laomo(*base, "report", "recuperation-roster", "--batch", str(batch),
                    "--out", str(roster), "--letters", str(tmp_path / "letters"))
    assert rep.returncode == 0, rep.stderr
    assert roster.read_bytes().startswith(b"%PDF")
    assert [p.name for p in (tmp_path / "letters").glob("*.pdf")] == [
        f"001_{first.name}_疗休养通知书.pdf"]  # a nominee (拟安排) is not told 确定
    xlsx = tmp_path / "list.xlsx"
    exp = run_laomo(*base, "visits", "export", "--campaign", str(cid), str(xlsx))
    assert exp.returncode == 0, exp.stderr
    assert xlsx.exists()
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    assert sheet is not None and sheet["A1"].value.count("走访慰问") == 1  # not doubled
    assert sheet.auto_filter.ref and sheet.page_setup.orientation == "landscape"


def test_calendar_show_and_load(db: Database, admin: Actor, run_laomo,  # type: ignore[no-untyped-def]
                                tmp_path: Path) -> None:
    db.dispose()
    base = ("--db", db.url, "--user", "admin")
    shown = run_laomo(*base, "visits", "calendar")
    assert shown.returncode == 0, shown.stderr
    assert "2026" in shown.stdout and "2027（暂定）" in shown.stdout
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    refused = run_laomo(*base, "visits", "calendar", "--load", str(bad))
    assert refused.returncode == 1 and "无效" in refused.stderr


def test_an_id_is_found_dashed_or_as_the_database_holds_it() -> None:
    """``--batch 689bcac4b5b24b4eacec6e4be84ab710`` (the id as sqlite shows it) was "not
    found" though the same id with dashes printed the roster."""
    import uuid

    from desktop.cli.visits import _resolve

    one, other = uuid.UUID("689bcac4-b5b2-4b4e-acec-6e4be84ab710"), uuid.uuid4()
    for text in ("689bcac4b5b24b4eacec6e4be84ab710", "689bcac4-b5b2", "689bcac4b5b2",
                 str(one)):
        assert _resolve(text, [one, other], "recuperation_batch") == one, text
