"""Issue 14, point 9: a user who sees masked numbers cannot find a person by the hidden digits
(the birth date inside the ID number); the visible ends still find them; with the unmask
permission every digit counts."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.database import Database
from desktop.services import accounts
from desktop.services.permissions import Role
from desktop.services.register.types import RegisterFilter
from desktop.services.workspace import Workspace
from desktop.views.preferences import Preferences
from desktop.views.register.register_page import RegisterPage
from desktop.views.tasks import TaskRunner
from tests.views.conftest import make_workspace


def found(qtbot: QtBot, page: RegisterPage, text: str) -> set[str]:
    page.filters.search.setText(text)
    qtbot.waitUntil(page.up_to_date, timeout=10000)
    m = page.model
    return {m.data(m.index(r, m.NAME)) for r in range(m.rowCount())}


def test_hidden_digits_find_nobody_without_the_unmask_permission(
        qtbot: QtBot, demo_db: Database, demo_ws: Workspace) -> None:
    person = demo_ws.register().rows(RegisterFilter(), limit=1)[0]
    number = demo_ws.register().reveal_id_number(person.id, "测试")
    svc = accounts.AccountService(demo_db.sessions)
    svc.create_user(demo_ws.actor, name="chakan", display_name="只读", role=Role.VIEWER,
                    password="chakan-2026")
    viewer = make_workspace(demo_db, svc.login("chakan", "chakan-2026"))
    tasks = TaskRunner()
    page = RegisterPage(viewer, tasks, Preferences())
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(page.up_to_date, timeout=10000)
    birth = number[6:14]  # hidden behind ******** on this screen
    assert person.name not in found(qtbot, page, birth)
    assert "没有权限" in page.count_label.text()  # said beside the count, not in a dialog
    assert person.name not in found(qtbot, page, number)
    assert person.name in found(qtbot, page, number[-4:].lower())  # shown: 330522****…6962
    # two hidden digits anchored by the separator after the ID number (the search haystack is
    # name|pinyin|initials|id|unit|phone|mobile), or hidden phone digits after a visible prefix
    anchored = [number[-6:].lower() + "|", "|" + number[:8]]
    mobile = demo_ws.persons().get(person.id).draft.mobile
    if mobile:
        anchored.append("|" + mobile[:6])
    for word in anchored:
        assert person.name not in found(qtbot, page, word), word
    # a landline shows its last three digits (0572-****949): the fourth from last stays hidden
    from sqlalchemy import update

    from desktop.models import Person
    with demo_db.sessions.begin() as s:
        s.execute(update(Person).where(Person.id == person.id)
                  .values(phone="0572-5578949", mobile=None))
    assert person.name in found(qtbot, page, "949")
    assert person.name not in found(qtbot, page, "8949")
    admin_page = RegisterPage(demo_ws, tasks, Preferences())
    qtbot.addWidget(admin_page)
    admin_page.show()
    admin_page.refresh()
    qtbot.waitUntil(admin_page.up_to_date, timeout=10000)
    assert person.name in found(qtbot, admin_page, birth)
    assert person.name in found(qtbot, admin_page, anchored[0])
    tasks.wait(10000)
