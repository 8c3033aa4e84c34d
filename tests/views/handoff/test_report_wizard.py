"""报送 as a clerk does it, through the widgets: what is in the package (counts, changes,
masked names), a USB stick or folder (warned while the city's card is not trusted), writing
it (file, size, SHA-256, ledger), and a pulled-out or full stick said on the page."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core import idnumber
from desktop.services import accounts
from desktop.services.permissions import Role
from desktop.services.register.types import PersonDraft
from desktop.views.handoff.report_page import CONTENT, TARGET, WRITE, ReportPage
from desktop.views.tasks import TaskRunner
from tests.handoff.support import Office, enrol, make_office


@pytest.fixture
def offices(tmp_path: Path, sqlite_template: Path):  # type: ignore[no-untyped-def]
    city = make_office(tmp_path, sqlite_template, "湖州市")
    county = make_office(tmp_path, sqlite_template, "长兴县")
    yield city, county
    city.db.dispose()
    county.db.dispose()


def clerk_page(qtbot: QtBot, county: Office, stick: Path) -> ReportPage:
    accounts.AccountService(county.db.sessions).create_user(
        county.admin, name="clerk", display_name="办事员", role=Role.CLERK, password="clerk-2026")
    clerk = accounts.AccountService(county.db.sessions).login("clerk", "clerk-2026")
    page = ReportPage(county.ws(clerk), TaskRunner())
    page.keys_dir = county.keys
    page.drive_lister = lambda: [stick]
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    return page


def test_clerk_writes_the_quarter_to_a_usb_stick(qtbot: QtBot, tmp_path: Path,
                                                  offices: tuple[Office, Office]) -> None:
    city, county = offices
    for name, seq in (("朱荣荣", 11), ("王建国", 13)):
        county.persons().create(PersonDraft(
            name=name, district="长兴县",
            id_number=idnumber.make("330522", dt.date(1960, 5, 1), seq)))
    stick = tmp_path / "media" / "KINGSTON"
    stick.mkdir(parents=True)
    page = clerk_page(qtbot, county, stick)
    page.refresh()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20000)

    # the page fits the main window of a 1366×768 screen, whatever the step
    assert page.minimumSizeHint().height() <= 560 and page.minimumSizeHint().width() <= 1150

    # step 1: the counts, the changes, names masked until asked for
    assert page.step_title.text().startswith("第 1 步")
    assert page.count_labels["person"].text() == "2"
    assert "首次报送" in page.kind_label.text()
    assert "新增 2" in page.changes_label.text() and "删除/注销 0" in page.changes_label.text()
    names = [page.names.item(i).text() for i in range(page.names.count())]
    assert "朱*荣（新增）" in names and "王*国（新增）" in names
    page.show_names.setChecked(True)
    assert "朱荣荣（新增）" in [page.names.item(i).text() for i in range(page.names.count())]
    page.quarter.setCurrentText("2026 四季度")
    assert not page.next_button.isEnabled()  # not a quarter
    page.quarter.setCurrentText("2026Q4")
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)

    # step 2: the stick is listed; without the city's card the page says so and stops here
    assert page.steps.currentIndex() == TARGET
    assert page.drives.count() == 1
    page.drives.setCurrentRow(0)
    assert str(stick / "长兴县-2026Q4-1.lmpkg") in page.target_label.text()
    assert "尚未信任市级名片" in page.trust_warning.text()
    assert "请管理员" in page.trust_warning.text()  # a clerk cannot trust it
    assert not page.trust_button.isEnabled() and "管理员" in page.trust_button.toolTip()
    assert not page.next_button.isEnabled()
    enrol(city, county)  # the administrator trusts the city's card (phone check done)
    page.refresh()
    qtbot.waitUntil(lambda: page.next_button.isEnabled(), timeout=20000)
    assert page.trust_warning.text() == ""
    fingerprint = city.handoff().own_fingerprint()
    assert "加密给 湖州市" in page.city_label.text()
    assert fingerprint[:4] + " " + fingerprint[4:8] in page.city_label.text()
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)

    # step 3: write; the confirmation names the file, its size and fingerprint
    assert page.steps.currentIndex() == WRITE
    assert "2026Q4" in page.write_summary.text()
    shown: list[tuple[int, int]] = []
    page.progress.valueChanged.connect(lambda v: shown.append((v, page.progress.maximum())))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "SHA-256" in page.result.text(), timeout=20000)
    # the bar counted the parts (tables, audit chain, encryption, file), it did not spin
    total = page.progress.maximum()
    assert total > 10 and page.progress.value() == total
    assert page.progress.format() == "已写出"
    values = [v for v, _m in shown]
    assert values == sorted(values) and len(set(values)) > 5 and values[-1] == total
    written = stick / "长兴县-2026Q4-1.lmpkg"
    digest = hashlib.sha256(written.read_bytes()).hexdigest()
    text = page.result.text()
    assert "第 1 号" in text and str(written) in text and " KB" in text
    assert digest[:4] + " " + digest[4:8] in text
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=20000)
    assert page.table.item(0, 5).text() == "已报送"
    assert page.write_error.text() == ""
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.steps.currentIndex() == CONTENT
    # the next package is whole again (no receipt yet): it says why, not "the first one"
    page.refresh()
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.next_sequence == 2,
                    timeout=20000)
    said = page.kind_label.text()
    assert "第 2 号" in said and "首次" not in said, said
    assert "尚未确认" in said and "回执" in said, said
    page._tasks.wait()  # no refresh lands after the page is gone


def test_pulled_out_or_full_stick_is_said_on_the_page(
        qtbot: QtBot, tmp_path: Path, offices: tuple[Office, Office],
        monkeypatch: pytest.MonkeyPatch) -> None:
    city, county = offices
    enrol(city, county)
    stick = tmp_path / "media" / "USB"
    stick.mkdir(parents=True)
    page = clerk_page(qtbot, county, stick)
    page.refresh()
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.city is not None,
                    timeout=20000)
    gone = tmp_path / "media" / "已拔出"
    page.choose_folder(gone)
    page.next_step()
    page.next_step()
    assert page.steps.currentIndex() == WRITE
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.write_error.text() != "", timeout=20000)
    assert "无法写入" in page.write_error.text() and str(gone) in page.write_error.text()
    assert page.export_button.isEnabled() and page.result.text() == ""

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    page.choose_folder(stick)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "U盘已满" in page.write_error.text(), timeout=20000)
    monkeypatch.undo()
    assert list(stick.iterdir()) == []  # no partial package left behind
    page.refresh()
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.next_sequence == 1,
                    timeout=20000)
    assert page.table.rowCount() == 0  # nothing recorded as sent
    page._tasks.wait()
