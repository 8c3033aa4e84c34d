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


def test_composed_actions_have_words() -> None:
    """Actions composed with an f-string (f"hardship.{step}", f"person.{kind}",
    f"document.{action}") escape the scan above: every name their tables can make has words."""
    from pathlib import Path

    from desktop.models.document import DOCUMENT_ACTIONS_SQL
    from desktop.services.hardship.rules import WORKFLOW
    from desktop.services.register.events import UNDOABLE_KINDS
    from desktop.views.admin.audit_words import ACTIONS

    source = "\n".join(p.read_text(encoding="utf-8") for p in Path("desktop").rglob("*.py"))
    composed = set(re.findall(r'audit\.append\([^"]*f"([a-z_]+)\.([a-z_]*)\{', source))
    tables = {("hardship", ""): list(WORKFLOW), ("person", ""): sorted(UNDOABLE_KINDS),
              ("document", ""): re.findall(r"'([a-z_]+)'", DOCUMENT_ACTIONS_SQL),
              ("hardship", "attachment_"): ["view", "export"]}
    assert composed == set(tables), composed  # a new composed name needs its table here
    names = {f"{prefix}.{middle}{tail}" for (prefix, middle), tails in tables.items()
             for tail in tails}
    assert {"hardship.submit", "person.death", "document.issue"} <= names
    assert not names - set(ACTIONS), sorted(names - set(ACTIONS))


def _entry(action: str, detail: dict[str, object], **extra: object) -> object:
    from desktop.services.audit import AuditEntry

    return AuditEntry(1, "2026-12-04T03:00:00+00:00", "clerk", action, None, None, detail,
                      **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_stored_codes_read_as_words(lang: str) -> None:
    """Roles, modes, document kinds, purposes, field names and sheets in words; a None left
    out; a refusal says what was tried; a roster print is a print."""
    from desktop.views.admin.audit_words import action_words, sentence

    zh = lang.startswith("zh")
    said = [
        sentence(_entry("user.create", {"role": "clerk"}), lang),  # type: ignore[arg-type]
        sentence(_entry("setup.initialise", {"mode": "county"}), lang),  # type: ignore[arg-type]
        sentence(_entry("document.issue", {"serial": "长证2026-0001", "kind": "certificate"}),
                 lang),  # type: ignore[arg-type]
        sentence(_entry("person.death", {"date": "2026-01-02",
                                         "fields": ["death_date", "life_status"]}),
                 lang),  # type: ignore[arg-type]
        sentence(_entry("visit.print_list", {"count": 3, "date": None, "sheet": "receipt"}),
                 lang),  # type: ignore[arg-type]
        sentence(_entry("auth.denied", {"permission": "manage_settings", "role": "clerk",
                                        "action": "gui"}), lang),  # type: ignore[arg-type]
        sentence(_entry("register.export", {"purpose": "roster", "count": 5}),
                 lang),  # type: ignore[arg-type]
        sentence(_entry("visit.record", {"date": "2025-12-22", "status": "done"}),
                 lang),  # type: ignore[arg-type]
        sentence(_entry("hardship.open", {"serial": "KN-2026-00001", "source": "demo",
                                          "status": "approved"}), lang),  # type: ignore[arg-type]
        sentence(_entry("documents.set_seal", {"format": "png"}), lang),  # type: ignore[arg-type]
    ]
    text = "\n".join(said)
    codes = ("death_date", "life_status", "None", "gui", "manage_settings", "png")
    for code in codes + (("clerk", "county", "certificate", "roster", "receipt", "done", "demo",
                          "approved") if zh else ()):
        assert code not in text, (code, said)
    if zh:
        assert "角色：录入员" in said[0] and "模式：区县协会" in said[1]
        assert "类别：荣誉证书" in said[2] and "开具编号文书" in said[2]
        assert "字段：去世日期、生存状态" in said[3] and "登记去世" in said[3]
        assert "工作表：慰问金签收表" in said[4] and "日期" not in said[4]
        assert said[5].startswith("尝试修改设置，被拒绝") and "角色：录入员" in said[5]
        assert said[6].startswith("打印花名册")
        assert action_words("register.export", lang, {"purpose": "roster"}).startswith("打印花名册")
        assert "状态：已走访" in said[7]
        assert "来源：演示数据" in said[8] and "状态：已认定" in said[8]
        assert "PNG 图片" in said[9]
    else:
        assert "mode: county association" in said[1] and "kind: certificate" in said[2]
        assert "fields: date of death, life status" in said[3]
        assert "sheet: receipt sheet" in said[4] and "date" not in said[4]
        assert not re.search(r"[\u4e00-\u9fff]", text.replace("长证", "")), said
        assert said[5].startswith("was refused: change the settings")
        assert said[6].startswith("printed the roster")


def test_recuperation_places_name_the_person(qtbot: QtBot, demo_ws: Workspace) -> None:
    """确认参加疗休养 / 替换疗休养人选 say whose place and who takes it."""
    from desktop.services.visits.recuperation import BatchDraft

    svc = demo_ws.recuperation()
    bid = svc.create_batch(BatchDraft(
        year=2030, name="2030年测试批次", destination="舟山", start_date=dt.date(2030, 5, 10),
        end_date=dt.date(2030, 5, 14), days=5, quota=2, cost_per_day_fen=60000,
        organiser="市总"))
    svc.fill(bid)
    first, second = svc.roster(bid)[:2]
    svc.confirm(first.entry_id)
    svc.decline(second.entry_id, "家中有事")
    new = svc.replace(second.entry_id)
    newcomer = next(r for r in svc.roster(bid) if r.entry_id == new)
    page = AuditPage(demo_ws, TaskRunner())
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=10000)
    texts = {page.table.item(r, 3).text(): page.table.item(r, 4).text()
             for r in range(page.table.rowCount())}
    assert first.name in texts["确认参加疗休养"]
    assert second.name in texts["替换疗休养人选"]
    assert newcomer.name in texts["替换疗休养人选"]
