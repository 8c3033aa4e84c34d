"""汇总: a package that builds on one the city never merged (a package lost on the way). The
clerk reads why; an administrator is asked for a reason on the page and the package is staged
(before, only the command's --accept-gap could take it)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core import idnumber
from desktop.exchange import handoff_package as pkg
from desktop.services import accounts
from desktop.services.handoff.keys import KeyStore
from desktop.services.permissions import Role
from desktop.services.register.types import PersonDraft
from desktop.views.handoff import summary_page
from desktop.views.handoff.summary_page import SummaryPage
from desktop.views.tasks import TaskRunner
from tests.handoff.support import enrol, make_office, reseal


def test_an_administrator_accepts_a_gap_on_the_page(
        qtbot: QtBot, tmp_path: Path, sqlite_template: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    city, cx = (make_office(tmp_path, sqlite_template, n) for n in ("湖州市", "长兴县"))
    tasks = TaskRunner()
    try:
        enrol(city, cx)
        cx.persons().create(PersonDraft(
            name="朱荣荣", district="长兴县",
            id_number=idnumber.make("330522", dt.date(1960, 5, 1), 11)))
        cx.handoff().export("2026Q4", tmp_path / "cx.lmpkg")

        def gap(members: dict[str, bytes]) -> None:
            manifest = json.loads(members["manifest.json"])
            manifest["base_sequence"] = 5
            members["manifest.json"] = pkg.canonical_json(manifest)
            members["manifest.sig"] = pkg.sign(KeyStore(cx.keys).signing_private(),
                                               members["manifest.json"])
        gapped = tmp_path / "长兴县-2026Q4-7.lmpkg"
        gapped.write_bytes(reseal((tmp_path / "cx.lmpkg").read_bytes(), city, gap))
        asked: list[str] = []
        monkeypatch.setattr(summary_page.ReasonDialog, "ask", lambda _p, _t, prompt: (
            asked.append(prompt), "长兴县第 6 号数据包U盘损坏，已电话确认")[1])

        # a clerk: told what is missing, not asked (an administrator decides)
        accounts.AccountService(city.db.sessions).create_user(
            city.admin, name="clerk", display_name="办事员", role=Role.CLERK,
            password="clerk-2026")
        clerk = accounts.AccountService(city.db.sessions).login("clerk", "clerk-2026")
        page = SummaryPage(city.ws(clerk), tasks)
        page.keys_dir = city.keys
        qtbot.addWidget(page)
        page.import_file(gapped)
        qtbot.waitUntil(lambda: "中间缺数据包" in page.message.text(), timeout=20000)
        assert asked == [] and city.handoff().ledger() == []

        admin = SummaryPage(city.ws(), tasks)
        admin.keys_dir = city.keys
        qtbot.addWidget(admin)
        admin.import_file(gapped)
        qtbot.waitUntil(lambda: "已核验并暂存" in admin.message.text(), timeout=20000)
        assert len(asked) == 1 and asked[0].startswith("长兴县第 1 号数据包基于第 5 号")
        assert [(r.district, r.state) for r in city.handoff().ledger()] == [("长兴县", "staged")]
    finally:
        tasks.wait()
        city.db.dispose()
        cx.db.dispose()
