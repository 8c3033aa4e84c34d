"""TaskRunner: results, errors and progress arrive on the GUI thread; cancel reaches the job."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.views.tasks import TaskContext, TaskRunner


def test_success_and_progress_on_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    gui = QThread.currentThread()
    seen: dict[str, object] = {}
    worker_threads: list[int] = []

    def job(ctx: TaskContext) -> int:
        worker_threads.append(threading.get_ident())
        for i in range(3):
            ctx.progress(i + 1, 3)
        return 42

    def ok(result: object) -> None:
        seen["result"] = result
        seen["on_gui"] = QThread.currentThread() is gui

    runner.run(job, on_success=ok, on_error=lambda e: seen.setdefault("error", e))
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen == {"result": 42, "on_gui": True}
    assert worker_threads and worker_threads[0] != threading.get_ident()


def test_errors_are_delivered_not_lost(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def job(_ctx: TaskContext) -> None:
        raise ValueError("bad")

    runner.run(job, on_success=lambda r: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError)


def test_slow_job_shows_progress_dialog_and_cancel_reaches_it(qtbot: QtBot,
                                                              qapp: QApplication) -> None:
    from desktop.views import i18n

    i18n.install(qapp, "zh_CN")
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    runner = TaskRunner(parent)
    outcome: list[str] = []

    def job(ctx: TaskContext) -> str:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if ctx.is_cancelled():
                return "cancelled"
            ctx.progress(1, 10)
            time.sleep(0.02)
        return "finished"

    runner.run(job, on_success=outcome.append, on_error=lambda e: outcome.append(repr(e)),
               label="正在处理…", parent=parent)
    qtbot.waitUntil(lambda: bool(parent.findChildren(QProgressDialog)), timeout=3000)
    dialog = parent.findChildren(QProgressDialog)[0]
    assert dialog.labelText() == "正在处理…"
    buttons = dialog.findChildren(QPushButton)
    assert [b.text() for b in buttons] == ["取消"]
    buttons[0].click()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert outcome == ["cancelled"]
    assert runner.active() == 0
