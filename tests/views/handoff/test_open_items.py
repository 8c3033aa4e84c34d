"""汇总 → 待处理事项 through the widgets: a move shown as a pair, the same ID number in two
districts masked by default, decided by a reviewer with a reason (audited, carried down), a
stale decision refused in words, the decision controls only for those who may decide, and a
city 市级 honor proposed from the page and accepted at the district."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.core import idnumber
from desktop.models import AuditEvent, Honor, Person
from desktop.services import accounts
from desktop.services.permissions import Role
from desktop.services.register.types import HonorDraft, PersonDraft
from desktop.views.handoff.items_dialog import OpenItemsDialog
from desktop.views.handoff.report_page import ReportPage
from desktop.views.handoff.summary_page import SummaryPage
from desktop.views.tasks import TaskRunner
from tests.handoff.support import Office, enrol, make_office
from tests.handoff.test_handoff_flow import ID_A, person
from tests.views.dialog_driver import give_reason

ID_SAME = idnumber.make("330522", dt.date(1961, 3, 4), 21)
ID_MOVE = idnumber.make("330522", dt.date(1962, 7, 9), 13)
ID_NEW = idnumber.make("330522", dt.date(1985, 4, 2), 24)


def _merge(city: Office, district: Office, quarter: str, path: Path) -> None:
    district.handoff().export(quarter, path)
    staged = city.handoff().import_file(path.read_bytes())
    assert staged.package_id is not None
    city.handoff(city.reviewer).merge(staged.package_id)


def _user(office: Office, name: str, role: Role) -> object:
    accounts.AccountService(office.db.sessions).create_user(
        office.admin, name=name, display_name=name, role=role, password="secret-2026")
    return accounts.AccountService(office.db.sessions).login(name, "secret-2026")


def _rows(dialog: OpenItemsDialog) -> list[list[str]]:
    return [[dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
            for r in range(dialog.table.rowCount())]


def test_open_items_decided_and_honors_proposed(qtbot: QtBot, tmp_path: Path,
                                                sqlite_template: Path) -> None:
    tasks = TaskRunner()
    city, cx, dq = (make_office(tmp_path, sqlite_template, n)
                    for n in ("湖州市", "长兴县", "德清县"))
    try:
        enrol(city, cx, dq)
        cx.persons().create(person("朱荣荣", "长兴县", ID_A))
        cx.persons().create(person("钱同", "长兴县", ID_SAME))
        moved = cx.persons().create(person("钱迁", "长兴县", ID_MOVE))
        cx.persons().move_out(moved, dt.date(2026, 10, 8), "德清县", "工作调动")
        dq.persons().create(person("钱同", "德清县", ID_SAME))
        moved_in = dq.persons().create(person("钱迁", "德清县", ID_MOVE))
        dq.persons().move_in(moved_in, dt.date(2026, 10, 9), "长兴县")
        _merge(city, cx, "2026Q4", tmp_path / "cx1.lmpkg")
        _merge(city, dq, "2026Q4", tmp_path / "dq1.lmpkg")

        page = SummaryPage(city.ws(city.reviewer), tasks)
        page.keys_dir = city.keys
        qtbot.addWidget(page)
        page.refresh()
        qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=20000)
        assert page.items_button.text() == "待处理事项（1）…"
        assert not page.propose_button.isVisible()  # a reviewer records no honors

        # masked by default: only the open same-ID item
        dialog = page.items_dialog()
        qtbot.addWidget(dialog)
        for shown in (dialog, page.propose_dialog()):  # fits a 1366×768 laptop
            hint = shown.minimumSizeHint()
            assert hint.height() <= 660 and hint.width() <= 1300, (shown, hint)
        assert dialog.decide_box.isVisibleTo(dialog)
        (row,) = _rows(dialog)
        assert row[0] == "同一身份证号在两个区县" and row[1] == "钱*"
        assert ID_SAME not in row[2] and row[2].startswith("330522") and "*" in row[2]
        assert {row[3], row[4]} == {"长兴县", "德清县"} and row[5] == "待处理"
        dialog.table.selectRow(0)
        assert "都有此身份证号" in dialog.explain.text()
        assert not dialog.decide_button.isEnabled()
        item = dialog.selected()
        assert item is not None
        dialog.keep_other.setChecked(True)
        assert not dialog.decide_button.isEnabled()  # a reason first
        dialog.reason.setText("电话核实：2025年调往" + item.other_district)

        # an administrator decided meanwhile in another window: refused in words
        stale = OpenItemsDialog(city.ws(), city.handoff().resolve)
        qtbot.addWidget(stale)
        stale.table.selectRow(0)
        stale.different.setChecked(True)
        stale.reason.setText("两人不同")
        dialog.decide()
        assert "下一个参考数据" in dialog.message.text()
        assert dialog.table.rowCount() == 0 and dialog.explain.text() == "没有待处理的事项。"
        stale.decide()
        assert "（当前：已裁定），不能再裁定" in stale.message.text()
        assert "#b00020" in stale.message.styleSheet()

        # settled items: the decision and the move pair, full names on a recorded reason
        dialog.settled.setChecked(True)
        give_reason("核对迁移人员")  # OK off until a reason is typed (checked there)
        dialog.unmask_button.click()
        rows = _rows(dialog)
        assert {r[0] for r in rows} == {"同一身份证号在两个区县", "迁出/迁入"}
        assert any(r[2] == ID_SAME for r in rows) and any(r[1] == "钱迁" for r in rows)
        said = []
        for r in range(len(dialog.items)):
            dialog.table.selectRow(r)
            said.append(dialog.explain.text())
        assert any("钱迁从长兴县迁往德清县" in text for text in said)  # the pair
        assert any("长兴县报来钱迁的迁移" in text and "已配对" in text for text in said)
        assert any("已裁定：同一人，由" + item.other_district in text for text in said)
        with city.db.sessions.begin() as s:
            actions = list(s.scalars(select(AuditEvent.action).where(
                AuditEvent.action.in_(("handoff.resolve", "handoff.reveal_items")))))
        assert sorted(actions) == ["handoff.resolve", "handoff.reveal_items"]

        # a viewer sees the list, neither the decision nor the unmasking
        viewer = OpenItemsDialog(city.ws(_user(city, "viewer", Role.VIEWER)),  # type: ignore[arg-type]
                                 city.handoff().resolve)
        qtbot.addWidget(viewer)
        assert not viewer.decide_box.isVisibleTo(viewer)
        assert not viewer.unmask_button.isVisibleTo(viewer)

        # a city clerk proposes a 市级 honor for 长兴县's 朱荣荣 from the page
        clerk_page = SummaryPage(city.ws(_user(city, "clerk", Role.CLERK)), tasks)  # type: ignore[arg-type]
        clerk_page.keys_dir = city.keys
        qtbot.addWidget(clerk_page)
        assert clerk_page.propose_button.isVisibleTo(clerk_page)
        propose = clerk_page.propose_dialog()
        qtbot.addWidget(propose)
        assert not propose.ok.isEnabled()
        propose.id_number.setText(ID_NEW)  # nobody holds it: said before recording
        assert propose.who.text() == "名册中没有这个身份证号的人员。"
        assert not propose.ok.isEnabled()
        propose._lookup = None  # as for a user who may not search by number: the service says
        propose.id_number.clear()
        propose.id_number.setText(ID_NEW)
        propose.ok.click()
        assert "名册中没有这个身份证号" in propose.message.text() and propose.result() == 0
        propose._lookup = clerk_page.propose_dialog()._lookup
        propose.id_number.setText(ID_A.lower())
        assert propose.who.text() == "为朱荣荣（长兴县）登记。" and propose.ok.isEnabled()
        propose.document.setText("湖政发〔2026〕12号")
        propose.ok.click()
        assert propose.result() == propose.DialogCode.Accepted
        with city.db.sessions.begin() as s:
            honor = s.scalar(select(Honor).where(Honor.document_number == "湖政发〔2026〕12号"))
            assert honor is not None and honor.level == "市级"

        # 长兴县 receives it with the reference data; a viewer may not decide, a clerk may
        cx.handoff().import_file(city.handoff().reference())
        report = ReportPage(cx.ws(), tasks)
        report.keys_dir = cx.keys
        qtbot.addWidget(report)
        report.refresh()
        qtbot.waitUntil(lambda: "（1）" in report.proposals_button.text(), timeout=20000)
        cx_viewer = report.__class__(cx.ws(_user(cx, "viewer", Role.VIEWER)), tasks)  # type: ignore[arg-type]
        qtbot.addWidget(cx_viewer)
        looking = cx_viewer.proposals_dialog()
        qtbot.addWidget(looking)
        assert looking.table.rowCount() == 1 and not looking.decide.isVisibleTo(looking)
        proposals = report.proposals_dialog()
        qtbot.addWidget(proposals)
        assert proposals.table.item(0, 0).text() == "新荣誉"
        assert proposals.table.item(0, 1).text() == "朱荣荣"
        assert "湖州市劳动模范（" in proposals.table.item(0, 4).text()
        proposals.table.selectRow(0)
        assert not proposals.id_number.isEnabled()  # a known person: no number to type
        assert not proposals.decline_button.isEnabled()  # no reason yet
        proposals.accept_selected()
        assert "已接受" in proposals.message.text() and proposals.table.rowCount() == 0
        proposals.proposals = looking.proposals  # a second window still lists it
        proposals.table.setRowCount(1)
        proposals.table.selectRow(0)
        proposals.accept_selected()
        assert "已处理过（已接受）" in proposals.message.text()
        looking.table.selectRow(0)
        looking.reason.setText("已在本县登记")
        looking.decline_selected()  # the viewer's stale window: refused by the service
        assert "没有权限" in looking.message.text()
        with cx.db.sessions.begin() as s:
            assert s.scalar(select(AuditEvent.action).where(
                AuditEvent.action == "handoff.proposal_accepted")) is not None

        # a new 市级 honoree for 长兴县: the clerk types the ID number the city never sends
        city.persons().create(PersonDraft(
            name="周新", district="长兴县", sex="2", birth_date=dt.date(1985, 4, 2),
            honors=(HonorDraft(title="湖州市劳动模范", level="市级", year=2026),)))
        cx.handoff().import_file(city.handoff().reference())
        proposals.load()
        assert proposals.table.item(0, 0).text() == "新人员"
        assert proposals.table.item(0, 2).text() == "1985"
        proposals.table.selectRow(0)
        assert proposals.id_number.isEnabled()
        proposals.id_number.setText(ID_NEW[:-1] + ("0" if ID_NEW[-1] != "0" else "1"))
        proposals.accept_selected()
        assert "#b00020" in proposals.message.styleSheet() and "校验" in proposals.message.text()
        assert proposals.table.rowCount() == 1  # nothing written
        proposals.id_number.setText(ID_NEW)
        proposals.accept_selected()
        assert "已接受周新" in proposals.message.text() and proposals.table.rowCount() == 0
        with cx.db.sessions.begin() as s:
            assert s.scalar(select(Person.id_number).where(Person.name == "周新")) == ID_NEW
    finally:
        tasks.wait()
        for office in (city, cx, dq):
            office.db.dispose()
