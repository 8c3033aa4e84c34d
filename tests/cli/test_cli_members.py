"""``laomo members list`` as a subprocess: formats, filters, masking, unmasking, exit codes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.cli.common import display_width
from desktop.core.domain import age_on
from desktop.database import Database
from desktop.models import AuditEvent
from tests.conftest import ADMIN_PASSWORD, VIEWER_PASSWORD
from tests.laomo_process import run_laomo_process
from tests.register_support import RARE_DA, RARE_JI, REGISTER, ZRR_ID

WANG_JI, CHEN_DA = "王" + RARE_JI, "陈" + RARE_DA
BY_PINYIN = [CHEN_DA, "李娜", "钱多多", "孙丽", WANG_JI, "王伟", "赵蓉蓉", "朱荣荣"]
Run = Callable[..., subprocess.CompletedProcess[bytes]]


@pytest.fixture
def url(register_url: str) -> str:
    return register_url


@pytest.fixture
def laomo(url: str, _isolated_home: Path) -> Run:
    """``laomo --db URL --user admin members list ARGS`` with raw bytes out."""

    def run(*args: str, user: str = "admin", password: str = ADMIN_PASSWORD,
            lang: str | None = None) -> subprocess.CompletedProcess[bytes]:
        env = dict(os.environ, LAOMO_HOME=str(_isolated_home), LAOMO_PASSWORD=password)
        head = ["--lang", lang] if lang else []
        return run_laomo_process([*head, "members", "list", *args, "--db", url, "--user", user],
                                 env=env, timeout=120, text=False)

    return run


def json_rows(result: subprocess.CompletedProcess[bytes]) -> list[dict[str, Any]]:
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    data = json.loads(result.stdout.decode("utf-8"))
    assert isinstance(data, list)
    return data


def test_json_has_the_design_keys_masked_and_rare_characters_intact(laomo: Run) -> None:
    result = laomo("--format", "json")
    rows = json_rows(result)
    assert [r["name"] for r in rows] == BY_PINYIN
    for r in rows:
        assert {"uuid", "name", "sex", "birth_date", "id_number", "district", "work_unit",
                "employment_status", "life_status", "treatment_level", "honors"} <= set(r)
        assert r["sex"] in ("男", "女")
        assert r["treatment_level"] in ("全国", "省部级", "市级", "县级", None)
        for h in r["honors"]:
            assert set(h) == {"title", "level", "year"}
    zhu = rows[-1]
    assert zhu["id_number"] == ZRR_ID[:6] + "********" + ZRR_ID[-4:]
    assert zhu["phone"] == "138****5678" and zhu["birth_date"] == "1960"
    assert [h["year"] for h in zhu["honors"]] == [2000, 2005]
    # the bytes themselves: 4-byte UTF-8 for Extension B, never \\u escapes or "?"
    assert WANG_JI.encode("utf-8") in result.stdout and CHEN_DA.encode("utf-8") in result.stdout
    assert b"\\u" not in result.stdout
    assert json_rows(laomo("--search", "xyz", "--format", "json")) == []


def test_csv_has_a_bom_the_json_keys_and_joined_honors(laomo: Run) -> None:
    result = laomo("--format", "csv", "--search", "长兴")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8-sig"), newline="")))
    assert list(table[0]) == ["uuid", "name", "sex", "birth_date", "id_number", "district",
                              "work_unit", "employment_status", "life_status",
                              "treatment_level", "honors", "phone", "age", "highest_honor"]
    by_name = {r["name"]: r for r in table}
    assert set(by_name) == {"朱荣荣", "赵蓉蓉", WANG_JI, "李娜", "钱多多", "孙丽"}
    assert by_name["朱荣荣"]["honors"] == "浙江省劳动模范(2000)；全国劳动模范(2005)"
    assert by_name["朱荣荣"]["id_number"].count("*") == 8
    assert by_name["孙丽"]["honors"] == "" and by_name["孙丽"]["treatment_level"] == ""
    assert by_name[WANG_JI]["name"].encode("utf-8") == b"\xe7\x8e\x8b\xf0\xa0\xae\xb7"


def test_table_is_aligned_for_a_cjk_terminal(laomo: Run) -> None:
    result = laomo()
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode("utf-8").splitlines()
    header, rule, *body, total = lines
    assert header.split()[:3] == ["姓名", "性别", "年龄"]
    assert total == "共 8 人"
    assert len(body) == 8
    starts = [i for i, ch in enumerate(rule) if ch == "-" and (i == 0 or rule[i - 1] == " ")]

    def columns(line: str) -> list[int]:
        """Display columns where each cell starts (after a run of two spaces)."""
        out, col = [0], 0
        for i, ch in enumerate(line):
            if ch != " " and i >= 2 and line[i - 2:i] == "  ":
                out.append(col)
            col += display_width(ch)
        return out

    assert columns(header) == starts
    for line in body:  # empty cells leave gaps: each start must still be a column start
        assert set(columns(line)) <= set(starts), line
        assert line[0] != " " and not line.endswith(" ")
    zhu = next(line for line in body if line.startswith("朱荣荣"))
    assert "138****5678" in zhu and ZRR_ID not in zhu
    assert "在世" in zhu and "已故" in next(line for line in body if line.startswith("王伟 "))
    english = laomo("--limit", "2", lang="en").stdout.decode("utf-8").splitlines()
    assert english[0].split()[:3] == ["Name", "Sex", "Age"]
    assert english[-1] == "8 person(s), 2 shown"


@pytest.mark.parametrize(("args", "expected"), [
    (["--search", "zrr"], {"朱荣荣", "赵蓉蓉"}),
    (["--search", "zhurongrong"], {"朱荣荣"}),
    (["--search", "１９６００３１５"], {"朱荣荣"}),
    (["--search", RARE_JI], {WANG_JI}),
    (["--district", "吴兴区", "--level", "全国"], {"王伟"}),
    (["--level", "省部级", "--level", "县级"], {"李娜", "赵蓉蓉"}),
    (["--honor", "全国", "--honor-year-from", "2000", "--honor-year-to", "2020"],
     {"朱荣荣", "李娜"}),
    (["--employment", "自谋职业", "--employment", "下岗(买断工龄)"], {"钱多多", "孙丽"}),
    (["--life", "deceased"], {"王伟"}),
    (["--hardship", "yes"], {"李娜"}),
    (["--hardship", "no", "--district", "吴兴区"], {CHEN_DA, "王伟"}),
])
def test_filters(laomo: Run, args: list[str], expected: set[str]) -> None:
    assert {r["name"] for r in json_rows(laomo(*args, "--format", "json"))} == expected


def test_age_range_and_limit(laomo: Run) -> None:
    today = dt.date.today()
    ages = {s.name: age_on(s.born, today) for s in REGISTER
            if s.born and not s.deleted and s.merged_into is None}
    rows = json_rows(laomo("--age-min", "45", "--age-max", "70", "--format", "json"))
    assert {r["name"] for r in rows} == {n for n, a in ages.items() if 45 <= a <= 70}
    assert all(45 <= r["age"] <= 70 for r in rows)
    assert [r["name"] for r in json_rows(laomo("--limit", "3", "--format", "json"))] == \
        BY_PINYIN[:3]


def audit_actions(url: str) -> list[tuple[str, str, dict[str, Any]]]:
    """The audit log without the log-ins (every command logs in)."""
    db = Database(url)
    try:
        with db.sessions.begin() as s:
            rows = s.execute(select(AuditEvent.actor, AuditEvent.action, AuditEvent.detail)
                             .order_by(AuditEvent.seq)).all()
    finally:
        db.dispose()
    return [(a, b, json.loads(c)) for a, b, c in rows if b != "auth.login"]


def test_unmask_needs_a_reason_and_is_audited(laomo: Run, url: str) -> None:
    before = audit_actions(url)
    refused = laomo("--unmask", "--search", "zrr")
    assert refused.returncode == 3 and refused.stdout == b""
    assert "理由" in refused.stderr.decode("utf-8")
    assert audit_actions(url) == before
    rows = json_rows(laomo("--unmask", "--reason", "春节走访", "--search", "zhurongrong",
                           "--format", "json"))
    assert [(r["id_number"], r["phone"]) for r in rows] == [(ZRR_ID, "13812345678")]
    after = audit_actions(url)
    assert after[:-1] == before
    assert after[-1] == ("admin", "register.unmask_export", {
        "reason": "春节走访", "count": 1, "filter": {"text": "zhurongrong"}})
    # searched by the whole ID number: the audit detail never holds it
    rows = json_rows(laomo("--unmask", "--reason", "医院核对", "--search", ZRR_ID,
                           "--format", "json"))
    assert len(rows) == 1
    detail = audit_actions(url)[-1][2]
    assert ZRR_ID not in json.dumps(detail) and detail["filter"]["text"].startswith(ZRR_ID[:4])


def test_viewer_may_list_but_never_unmask(laomo: Run, url: str) -> None:
    assert len(json_rows(laomo("--format", "json", user="viewer1",
                               password=VIEWER_PASSWORD))) == len(BY_PINYIN)
    before = audit_actions(url)
    for extra in (["--reason", "看看"], []):
        denied = laomo("--unmask", *extra, user="viewer1", password=VIEWER_PASSWORD)
        assert denied.returncode == 4 and denied.stdout == b""
        assert "没有权限" in denied.stderr.decode("utf-8")
    # a search by the whole ID number (or most of a mobile) would confirm who holds it
    for number in (ZRR_ID, ZRR_ID[:10], "13812345678"):
        denied = laomo("--search", number, user="viewer1", password=VIEWER_PASSWORD)
        assert denied.returncode == 4 and denied.stdout == b"", number
    # each refusal is on record (issue 16, item 8): who, which permission, which command;
    # nothing else, so neither the ID number searched for nor the mobile
    after = audit_actions(url)
    assert after[:len(before)] == before
    assert after[len(before):] == [
        ("viewer1", "auth.denied",
         {"permission": "unmask", "role": "viewer", "action": "cli:members list"})] * 5


def test_bad_input_exit_codes(laomo: Run) -> None:
    unknown = laomo("--district", "火星区")
    assert unknown.returncode == 3
    assert "火星区" in unknown.stderr.decode("utf-8") and unknown.stdout == b""
    assert laomo("--level", "省级").returncode == 2
    assert laomo("--limit", "-1").returncode == 2
    assert laomo("--format", "xml").returncode == 2


def test_members_without_a_subcommand_is_a_usage_error(run_laomo: Any) -> None:
    result = run_laomo("members")
    assert result.returncode == 2
    assert "list" in result.stderr
