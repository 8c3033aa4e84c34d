"""Issue 14, point 16: the audit page shows local time and sentences (who did what to whom),
amounts in yuan, no UUIDs; the raw entry is one double-click away."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.services.register.types import RegisterFilter
from desktop.services.workspace import Workspace
from desktop.views.admin.audit_page import AuditPage
from desktop.views.admin.audit_words import local_time
from desktop.views.tasks import TaskRunner

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def test_audit_reads_as_sentences_in_local_time(qtbot: QtBot, demo_ws: Workspace,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    person = demo_ws.register().rows(RegisterFilter(), limit=1)[0]
    demo_ws.register().reveal_id_number(person.id, "核对身份证复印件")
    page = AuditPage(demo_ws, TaskRunner())
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=10000)
    top = [page.table.item(0, c).text() for c in range(5)]
    assert top[2] == f"{demo_ws.actor.display_name}（admin）"  # the person, and the log-in
    assert top[3] == "查看完整身份证号"  # the action alone, never a cut piece of the sentence
    actions = {page.table.item(r, 3).text() for r in range(page.table.rowCount())}
    assert not any("（" in a or "：" in a for a in actions), actions
    assert "查看完整身份证号" in top[4] and person.name in top[4]
    assert "核对身份证复印件" in top[4]
    assert not UUID.search(top[4])
    stored = page.entries[0]
    assert top[1] == local_time(stored.at) and "T" not in top[1]
    utc = dt.datetime.fromisoformat(stored.at.replace("Z", "+00:00"))
    assert top[1] == utc.astimezone().strftime("%Y-%m-%d %H:%M")
    texts = [page.table.item(r, 4).text() for r in range(page.table.rowCount())]
    assert not any(UUID.search(t) for t in texts)
    assert not any('{"' in t for t in texts)
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    page.show_raw(0)
    assert "person.reveal_id" in shown[0] and str(person.id) in shown[0]


def test_every_audited_action_has_words_and_sentences_name_no_internal_keys(
        qtbot: QtBot, demo_ws: Workspace) -> None:
    """Each action the services write (found in the source) reads in words in both languages;
    the sentences of the demo's log hold no internal key (paid_on, full_numbers) or signature."""
    from pathlib import Path

    from desktop.views.admin.audit_words import ACTIONS

    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in Path("desktop").rglob("*.py"))
    written = set(re.findall(r'audit\.append\([^"]*"([a-z_]+\.[a-z_]+)"', source))
    assert len(written) > 40 and not written - set(ACTIONS), sorted(written - set(ACTIONS))
    page = AuditPage(demo_ws, TaskRunner())
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=10000)
    texts = [page.table.item(r, c).text() for r in range(page.table.rowCount())
             for c in (3, 4)]
    assert not [t for t in texts if re.search(r"[a-z]+_[a-z]+|\b(sig|hash|kid)\b", t)], texts
