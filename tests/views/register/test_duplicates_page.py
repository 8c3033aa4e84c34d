"""The 疑似重复 page: a planted pair is listed, dismissed, merged, and the merge undone."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.core import idnumber
from desktop.database import Database
from desktop.errors import NotFound
from desktop.services import accounts
from desktop.services.permissions import Actor, Role
from desktop.services.register.types import HonorDraft, PersonDraft
from desktop.services.workspace import Workspace
from desktop.views.main_window import MainWindow
from desktop.views.preferences import Preferences
from desktop.views.reason_dialog import ReasonDialog
from desktop.views.register.duplicates_page import DuplicatesPage
from desktop.views.register.merge_dialog import MergeDialog
from desktop.views.register.person_timeline import event_kind_label
from desktop.views.tasks import TaskRunner
from tests.views.dialog_driver import on_next_modal

BIRTH = dt.date(1965, 3, 12)




def _plant_pair(ws: Workspace) -> tuple[uuid.UUID, uuid.UUID]:
    """The same man entered twice: once with his ID number, once from an old paper list."""
    persons = ws.persons()
    first = persons.create(PersonDraft(
        name="王建国", district="长兴县", id_number=idnumber.make("330522", BIRTH, 111),
        work_unit="长兴县供电局", honors=(HonorDraft("浙江省劳动模范", "省部级", 2005),)))
    second = persons.create(PersonDraft(
        name="王建国", district="长兴县", birth_date=BIRTH, sex="1", mobile="13905721234",
        honors=(HonorDraft("长兴县劳动模范", "县级", 1998),)))
    return first, second


def _page(qtbot: QtBot, ws: Workspace) -> DuplicatesPage:
    page = DuplicatesPage(ws, TaskRunner())
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    return page


def _reason(text: str):  # type: ignore[no-untyped-def]
    def act(widget: QWidget) -> None:
        assert isinstance(widget, ReasonDialog)
        ok = widget.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # the reason is required
        widget.reason.setText(text)
        ok.click()
    return act


def test_the_page_lists_a_pair_merges_it_and_undoes_the_merge(qtbot: QtBot,
                                                              ws: Workspace) -> None:
    first, second = _plant_pair(ws)
    page = _page(qtbot, ws)
    assert page.table.rowCount() == 1
    assert "1 对记录疑似同一人" in page.summary.text()
    a, b, why, score = (page.table.item(0, c).text() for c in range(4))
    assert "王建国" in a and "1965" in a and "1965-03" not in a and "王建国" in b
    assert "139****1234" in a + b and "13905721234" not in a + b  # phones stay masked
    assert "姓名和出生日期相同" in why and score.endswith("%")
    assert not page.merge_button.isEnabled()  # nothing selected yet
    page.table.selectRow(0)
    assert page.merge_button.isEnabled()

    def merge(widget: QWidget) -> None:
        assert isinstance(widget, MergeDialog)
        ok = widget.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert widget.keep_a.isChecked() and not ok.isEnabled()
        widget.reason.setText("同一人重复录入")
        ok.click()

    on_next_modal(merge)
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    assert page.table.rowCount() == 0
    assert page.merges_list.count() == 1 and "王建国" in page.merges_list.item(0).text()
    kept = ws.persons().get(first)
    assert {h.title for h in kept.draft.honors} == {"浙江省劳动模范", "长兴县劳动模范"}
    with pytest.raises(NotFound):  # the duplicate is retired into the kept record
        ws.persons().get(second)
    assert "合并" in [event_kind_label(e.kind) for e in kept.events]

    on_next_modal(_reason("合并错了"))
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    assert page.merges_list.count() == 0 and page.undo_button.isHidden()
    assert page.table.rowCount() == 1  # the pair is back
    assert ws.persons().get(second).draft.mobile == "13905721234"  # restored
    assert {h.title for h in ws.persons().get(first).draft.honors} == {"浙江省劳动模范"}


def test_merge_can_keep_the_second_record(qtbot: QtBot, ws: Workspace) -> None:
    _plant_pair(ws)
    page = _page(qtbot, ws)
    page.table.selectRow(0)
    pair = page._pairs[0]

    def keep_b(widget: QWidget) -> None:
        assert isinstance(widget, MergeDialog)
        widget.keep_b.setChecked(True)
        widget.reason.setText("保留后录入的一条")
        widget.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    on_next_modal(keep_b)
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    with pytest.raises(NotFound):
        ws.persons().get(pair.a.id)
    assert any(e.kind == "merge" for e in ws.persons().get(pair.b.id).events)


def test_dismissed_pairs_do_not_come_back(qtbot: QtBot, ws: Workspace) -> None:
    _plant_pair(ws)
    page = _page(qtbot, ws)
    page.table.selectRow(0)
    on_next_modal(_reason("父子同名，不是同一人"))
    qtbot.mouseClick(page.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    assert page.table.rowCount() == 0
    assert ws.duplicates().candidates() == []


def test_the_page_is_there_for_clerks_only(qtbot: QtBot, db: Database, admin: Actor) -> None:
    svc = accounts.AccountService(db.sessions)
    info = accounts.association_info(db.sessions)
    assert info is not None
    window = MainWindow(Workspace(db, admin, info), Preferences())
    qtbot.addWidget(window)
    pages = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "疑似重复" in pages and window.duplicates is not None
    svc.create_user(admin, name="viewer1", display_name="只读", role=Role.VIEWER,
                    password="viewer-123")
    viewer = svc.login("viewer1", "viewer-123")
    limited = MainWindow(Workspace(db, viewer, info), Preferences())
    qtbot.addWidget(limited)
    assert limited.duplicates is None
    assert "疑似重复" not in [limited.nav.item(i).text() for i in range(limited.nav.count())]
