"""信任名片… with a card this office cannot trust (a district's card at a district): refused in
words before the phone-check question, not after the clerk read a fingerprint aloud."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.texts import error_text
from desktop.views.handoff import base
from desktop.views.handoff.report_page import ReportPage
from desktop.views.tasks import TaskRunner
from tests.handoff.support import make_office


def test_a_wrong_card_is_refused_before_the_phone_check(
        qtbot: QtBot, tmp_path: Path, sqlite_template: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    county, neighbour, city = (make_office(tmp_path, sqlite_template, n)
                               for n in ("长兴县", "德清县", "湖州市"))
    asked: list[str] = []
    shown: list[BaseException] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (
        asked.append(str(a[2])), QMessageBox.StandardButton.Yes)[1])
    monkeypatch.setattr(base, "present_error", lambda _parent, exc: shown.append(exc))
    tasks = TaskRunner()
    try:
        page = ReportPage(county.ws(), tasks)
        page.keys_dir = county.keys
        qtbot.addWidget(page)
        wrong = tmp_path / "德清县.lmcard"
        wrong.write_bytes(neighbour.handoff().card())
        page.trust_file(wrong, confirm=True)
        assert asked == [] and len(shown) == 1
        assert "区县只能信任本市（市级协会）的名片" in error_text(shown[0])  # type: ignore[arg-type]
        assert county.handoff().peers() == []
        right = tmp_path / "湖州市.lmcard"
        right.write_bytes(city.handoff().card())
        page.trust_file(right, confirm=True)  # the city's card: asked, then trusted
        assert len(asked) == 1 and "湖州市" in asked[0] and len(shown) == 1
        assert [p.name for p in county.handoff().peers()] == ["湖州市"]
    finally:
        tasks.wait()
        for office in (county, neighbour, city):
            office.db.dispose()
