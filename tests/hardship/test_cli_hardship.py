"""``laomo hardship list`` and ``laomo report hardship-…`` as subprocesses: JSON/CSV/table,
PDFs read back with pdftotext (masked IDs, signature column, proof serials), refusals."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.database import Database
from desktop.services import accounts
from desktop.services.hardship.rules import DIBAO
from desktop.services.permissions import Actor, Role
from tests.conftest import VIEWER_PASSWORD
from tests.documents.test_report_cli import pdftotext
from tests.hardship_support import CAST, add_people, service, walk
from tests.register_support import ZRR_ID


@pytest.fixture
def hardship_url(db: Database, admin: Actor) -> str:
    """Four files (draft, notice, approved with two payments, closed) in 长兴县."""
    people = add_people(db, 3) + add_people(db, 1, id_number=ZRR_ID, start=3)
    service(db, CAST["admin"]).set_standard(2026, DIBAO, amount=120_000)
    walk(db, people[0], "draft")
    walk(db, people[1], "notice")
    walk(db, people[2], "closed")
    approved = walk(db, people[3], "approved")
    clerk = service(db, CAST["clerk"])
    for kind, amount in (("春节慰问金", 200_000), ("医疗救助", 350_050)):
        clerk.record_payment(approved, kind=kind, amount=amount, paid_on=dt.date(2026, 6, 1),
                             payer="长兴县总工会", medical_self_paid=1_000_000)
    accounts.AccountService(db.sessions).create_user(
        admin, name="viewer1", display_name="只读", role=Role.VIEWER, password=VIEWER_PASSWORD)
    db.dispose()
    return db.url


def test_list_as_json_csv_and_table(hardship_url: str, run_laomo: Any) -> None:
    base = ("--db", hardship_url, "--user", "admin")
    result = run_laomo("hardship", "list", "--format", "json", *base)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["status"] for r in rows] == ["draft", "notice", "closed", "approved"]
    assert rows[3]["paid_total"] == "5,500.50" and rows[3]["serial"] == "KN-2026-00004"
    result = run_laomo("hardship", "list", "--status", "approved", "--status", "notice",
                       "--format", "csv", *base)
    table = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert sorted(r["status"] for r in table) == ["approved", "notice"]
    result = run_laomo("hardship", "list", "--due", *base)
    assert result.returncode == 0 and "共 0 份档案" in result.stdout
    result = run_laomo("hardship", "list", "--status", "nonsense", *base)
    assert result.returncode == 2


def test_reports(hardship_url: str, run_laomo: Any, tmp_path: Path) -> None:
    base = ("--db", hardship_url, "--user", "admin")
    sheet = tmp_path / "档案表.pdf"
    result = run_laomo("report", "hardship-file", "--file", "KN-2026-00004", "--out", str(sheet),
                       *base)
    assert result.returncode == 0, result.stderr
    text = pdftotext(sheet).replace("\n", "")
    for words in ("困难劳模档案表", "KN-2026-00004", "家庭成员", "刘芳（配偶）", "入户核查",
                  "王科长", "同意认定为深度困难", "春节慰问金", "3,500.50", "低于低保标准",
                  "患重特大疾病", "第1页共", "本人签字", "单位（社区）意见", "协会审核意见",
                  "（盖章）"):
        assert words in text, words
    assert ZRR_ID not in text and ZRR_ID[-4:] in text  # masked
    notice = tmp_path / "公示.pdf"
    result = run_laomo("report", "hardship-notice", "--out", str(notice), *base)
    assert result.returncode == 0, result.stderr
    text = pdftotext(notice)
    assert "困难劳模认定公示" in text and "合计：1 人" in text and "公示期" in text
    assert "异议受理" in text and "制表人" not in text and "审核人" not in text
    for private in ("人均月收入", "致困原因", "身份证"):  # a public notice shows no more
        assert private not in text, private
    pay = tmp_path / "签收.pdf"
    result = run_laomo("report", "hardship-payments", "--year", "2026", "--out", str(pay), *base)
    assert result.returncode == 0, result.stderr
    text = pdftotext(pay)
    assert "本人签收" in text and "合计：2 笔，5,500.50 元（大写：伍仟伍佰元伍角）" in text
    assert ZRR_ID not in text
    for n in (1, 2):
        proof = tmp_path / f"证明{n}.pdf"
        result = run_laomo("report", "hardship-proof", "--file", "KN-2026-00004",
                           "--out", str(proof), *base)
        assert result.returncode == 0, result.stderr
        assert "-BF-" in pdftotext(proof) and f"-000{n}" in pdftotext(proof)
    assert len(PdfReader(sheet).pages) >= 1


def test_report_refusals_leave_no_file(hardship_url: str, run_laomo: Any,
                                       tmp_path: Path) -> None:
    base = ("--db", hardship_url, "--user", "admin")
    out = tmp_path / "x.pdf"
    result = run_laomo("report", "hardship-file", "--file", "KN-1999-00001", "--out", str(out),
                       *base)
    assert result.returncode == 1 and "找不到记录" in result.stderr
    result = run_laomo("report", "hardship-proof", "--file", "KN-2026-00001", "--out", str(out),
                       *base)
    assert result.returncode == 1 and "尚未审批认定，不能开具帮扶证明" in result.stderr
    result = run_laomo("report", "hardship-payments", "--year", "2020", "--out", str(out), *base)
    assert result.returncode == 1
    # a draft is never published, even when named
    result = run_laomo("report", "hardship-notice", "--file", "KN-2026-00001", "--out",
                       str(out), *base)
    assert result.returncode == 1 and "KN-2026-00001" in result.stderr, result.stderr
    assert "未进入公示" in result.stderr
    assert not out.exists()


def test_standards_are_set_by_administrators_only(hardship_url: str, run_laomo: Any) -> None:
    base = ("--db", hardship_url)
    result = run_laomo("hardship", "standard", "--year", "2026", "--kind", "医疗救助",
                       "--amount", "50000", "--ratio", "60", "--district", "长兴县",
                       *base, "--user", "admin")
    assert result.returncode == 0, result.stderr
    result = run_laomo("hardship", "standards", "--year", "2026", *base, "--user", "admin")
    assert "2026  低保标准  （全部）  1,200.00" in result.stdout
    assert "2026  医疗救助  长兴县  50,000.00  60%" in result.stdout
    result = run_laomo("hardship", "standard", "--year", "2026", "--kind", "红包",
                       "--amount", "-5", "--district", "火星区", *base, "--user", "admin")
    assert result.returncode == 3
    assert "发放类别“红包”无效" in result.stderr and "未知的区县" in result.stderr
    result = run_laomo("hardship", "standard", "--year", "2026", "--kind", "助学",
                       "--amount", "100", *base, "--user", "viewer1",
                       password=VIEWER_PASSWORD)
    assert result.returncode == 4
    result = run_laomo("hardship", "list", "--format", "json", *base, "--user", "viewer1",
                       password=VIEWER_PASSWORD)
    assert result.returncode == 0 and len(json.loads(result.stdout)) == 4
