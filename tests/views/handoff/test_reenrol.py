"""Re-enrolment after a lost key from the pages: trusting a changed card is refused in words
that point to the administrator's path; the city replaces a district's card and a district
its city's (reason, fingerprints in groups of four read over the phone), the old key revoked
and the replacement audited; packages signed with the old key are refused afterwards."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.exchange.handoff_package import PackageRefused
from desktop.models import AuditEvent, HandoffPeer
from desktop.views.admin.audit_words import sentence
from desktop.views.handoff.report_page import ReportPage
from desktop.views.handoff.summary_page import SummaryPage
from desktop.views.tasks import TaskRunner
from tests.handoff.support import enrol, make_office


def test_lost_keys_are_replaced_by_an_administrator(qtbot: QtBot, tmp_path: Path,
                                                    sqlite_template: Path) -> None:
    tasks = TaskRunner()
    city, cx = (make_office(tmp_path, sqlite_template, n) for n in ("湖州市", "长兴县"))
    try:
        enrol(city, cx)
        old_package = tmp_path / "old.lmpkg"
        cx.handoff().export("2026Q3", old_package)
        # 长兴县's computer died: new keys, a new card
        shutil.rmtree(cx.keys)
        new_card = tmp_path / "cx-new.lmcard"
        new_card.write_bytes(cx.handoff().card())
        new_fp = cx.handoff().own_fingerprint()

        page = SummaryPage(city.ws(), tasks)
        page.keys_dir = city.keys
        qtbot.addWidget(page)
        page.refresh()
        qtbot.waitUntil(lambda: "长兴县" in page.status.text(), timeout=20000)
        assert page.reenrol_button.isVisibleTo(page)
        page.trust_file(new_card)  # the plain way: refused, said on the page
        assert "已用另一把密钥登记" in page.status.text() and "重新登记名片" in page.status.text()

        dialog = page.reenrol_dialog()
        qtbot.addWidget(dialog)
        assert not dialog.ok.isEnabled()
        assert dialog.minimumSizeHint().height() <= 660  # fits a 1366×768 laptop
        dialog.load_card(new_card)
        groups = dialog.new.text().split(" ")
        assert "".join(groups) == new_fp and {len(g) for g in groups} == {4}
        assert dialog.old.text() and dialog.old.text() != dialog.new.text()
        dialog.reason.setText("长兴县电脑更换，原密钥丢失")
        assert not dialog.ok.isEnabled()  # not yet read over the phone
        dialog.confirmed.setChecked(True)
        assert dialog.ok.isEnabled()
        dialog.ok.click()
        assert dialog.result() == dialog.DialogCode.Accepted
        with city.db.sessions.begin() as s:
            peers = list(s.scalars(select(HandoffPeer).where(HandoffPeer.name == "长兴县")
                                   .order_by(HandoffPeer.id)))
            assert [p.revoked_at is not None for p in peers] == [True, False]
            assert peers[0].revoke_reason == "长兴县电脑更换，原密钥丢失"
            assert peers[1].fingerprint == new_fp
            entry = s.scalars(select(AuditEvent).where(AuditEvent.action == "handoff.trust")
                              .order_by(AuditEvent.seq.desc())).first()
            assert entry is not None and "长兴县电脑更换" in entry.detail
        trusted = next(e for e in city.ws().audit().recent(50) if e.action == "handoff.trust")
        said = sentence(trusted, "zh_CN")  # how the audit page reads it
        assert said.startswith("信任协会名片：长兴县（")
        assert "原因：长兴县电脑更换，原密钥丢失" in said
        assert "替换的旧指纹：" + dialog.old.text() in said and dialog.new.text() in said
        with pytest.raises(PackageRefused):  # signed with the revoked key
            city.handoff().import_file(old_package.read_bytes())
        again = page.reenrol_dialog()
        qtbot.addWidget(again)
        again.load_card(new_card)
        assert "已信任的就是这张名片" in again.message.text() and not again.ok.isEnabled()

        # the city lost its key too: 长兴县 re-trusts the city's new card
        shutil.rmtree(city.keys)
        city_card = tmp_path / "city-new.lmcard"
        city_card.write_bytes(city.handoff().card())
        report = ReportPage(cx.ws(), tasks)
        report.keys_dir = cx.keys
        qtbot.addWidget(report)
        report.refresh()
        qtbot.waitUntil(lambda: "湖州市" in report.status.text(), timeout=20000)
        district = report.reenrol_dialog()
        qtbot.addWidget(district)
        district.load_card(tmp_path / "missing.lmcard")
        assert district.message.text() and not district.ok.isEnabled()
        district.load_card(city_card)
        district.reason.setText("市级更换电脑")
        district.confirmed.setChecked(True)
        district.save()
        assert district.result() == district.DialogCode.Accepted
        assert [p.fingerprint for p in cx.handoff().peers()] == [city.handoff().own_fingerprint()]
        cx.handoff().export("2026Q4", tmp_path / "new.lmpkg")  # encrypted to the new city key
        assert city.handoff().import_file((tmp_path / "new.lmpkg").read_bytes()).state == "staged"

        # a reviewer is no administrator: no button; the service refuses anyway
        reviewer = SummaryPage(city.ws(city.reviewer), tasks)
        qtbot.addWidget(reviewer)
        assert not reviewer.reenrol_button.isVisibleTo(reviewer)
    finally:
        tasks.wait()
        for office in (city, cx):
            office.db.dispose()
