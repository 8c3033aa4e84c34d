"""One TaskRunner for slow work: a thread pool, callbacks on the GUI thread, progress, cancel.

A job is a plain function ``job(ctx) -> result`` that calls a service (which opens its own
session on the worker thread). ``ctx.progress(done, total)`` reports; ``ctx.is_cancelled()``
tells the service to stop, which rolls its transaction back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)
SHOW_PROGRESS_AFTER_MS = 500


class TaskContext:
    """Handed to a job: report progress and ask whether the user cancelled."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()
        self.executing = True  # cleared by the worker when the job function returns

    def progress(self, done: int, total: int) -> None:
        try:
            self._signals.progress.emit(int(done), int(total))
        except RuntimeError:  # the window went away; the job learns it through is_cancelled
            self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[TaskContext], Any], signals: _Signals,
                 ctx: TaskContext) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._signals, self._ctx = fn, signals, ctx

    def run(self) -> None:
        try:
            try:
                result = self._fn(self._ctx)
            except BaseException as exc:  # delivered to the GUI thread, never lost
                self._ctx.executing = False
                self._signals.failed.emit(exc)
            else:
                self._ctx.executing = False
                self._signals.succeeded.emit(result)
        except RuntimeError:  # the receiver was destroyed (window closed): nobody to tell
            log.info("task finished after its window was closed")


class Task(QObject):
    """A running job; emits ``done`` once when it has finished either way."""

    done = Signal()

    def __init__(self, ctx: TaskContext, parent: QObject, *, quiet: bool) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.quiet = quiet  # a refresh the user did not ask for: cancelled without asking
        self.finished = False

    def cancel(self) -> None:
        self.ctx.cancel()


class TaskRunner(QObject):
    """Runs jobs on a thread pool and shows a progress dialog when they take a while."""

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._running: set[Task] = set()

    def run(
        self,
        job: Callable[[TaskContext], Any],
        *,
        on_success: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        label: str = "",
        parent: QWidget | None = None,
        cancellable: bool = True,
        quiet: bool | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        """Run ``job`` on a worker. A job without a ``label`` is a quiet background refresh.
        ``on_progress(done, total)`` gets the job's progress on the GUI thread too (a page
        showing its own bar)."""
        signals = _Signals()
        ctx = TaskContext(signals)
        task = Task(ctx, self, quiet=not label if quiet is None else quiet)
        self._running.add(task)
        dialog: list[QProgressDialog] = []

        def show_dialog() -> None:
            if task.finished or parent is None:
                return
            d = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 0, parent)
            d.setObjectName("taskProgress")
            d.setWindowModality(Qt.WindowModality.WindowModal)
            d.setMinimumDuration(0)
            d.setAutoClose(False)
            d.setAutoReset(False)
            if cancellable:
                d.canceled.connect(task.cancel)
            else:
                d.setCancelButton(None)
            d.show()
            dialog.append(d)

        def progressed(done: int, total: int) -> None:
            if on_progress is not None and not task.finished:
                on_progress(done, total)
            if dialog:
                dialog[0].setMaximum(max(total, 0))
                dialog[0].setValue(min(done, total) if total else 0)

        def finish() -> None:
            task.finished = True
            self._running.discard(task)
            if dialog:
                dialog[0].close()
                dialog[0].deleteLater()
            task.done.emit()

        def ok(result: Any) -> None:
            finish()
            on_success(result)

        def failed(exc: BaseException) -> None:
            finish()
            on_error(exc)

        signals.progress.connect(progressed)
        signals.succeeded.connect(ok)
        signals.failed.connect(failed)
        task._signals = signals  # type: ignore[attr-defined]  # keep alive with the task
        # with a context object, Qt drops the timer when the window (or the task) is gone
        QTimer.singleShot(SHOW_PROGRESS_AFTER_MS, parent if parent is not None else task,
                          show_dialog)
        self._pool.start(_Job(job, signals, ctx))
        return task

    def active(self) -> int:
        """Jobs whose result has not been delivered yet."""
        return len(self._running)

    def busy(self) -> bool:
        """True while work the user started (not a quiet refresh) is still executing."""
        return any(t.ctx.executing and not t.quiet for t in self._running)

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)
