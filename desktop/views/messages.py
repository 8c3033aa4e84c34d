"""The one error presenter and the excepthook.

Expected problems (``AppError``) get their sentence from ``desktop.core.texts`` in the UI language;
anything else is a bug: a short apology, the details behind a button, the traceback logged.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.core.texts import error_text
from desktop.errors import AppError, PermissionDenied
from desktop.logsetup import scrub
from desktop.paths import log_dir
from desktop.views.i18n import current_language

log = logging.getLogger(__name__)

denial_recorder: Callable[[PermissionDenied], None] | None = None
"""Set by the application after log-in: a refusal shown here leaves an audit entry."""


def describe(exc: BaseException) -> str:
    if isinstance(exc, AppError):
        return error_text(exc, current_language())
    return QCoreApplication.translate(
        "Messages", "An unexpected error occurred. The details were written to the log in %1."
    ).replace(
        "%1", str(log_dir())
    )


def refusal_words(exc: AppError) -> str:
    """The sentence for a refusal shown inside a form rather than in a box: logged and, for a
    permission, recorded as ``present_error`` does."""
    log.info("refused: %s", exc)
    if isinstance(exc, PermissionDenied) and denial_recorder is not None:
        denial_recorder(exc)
    return describe(exc)


def present_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show ``exc`` to the user; never raises."""
    box = QMessageBox(parent)
    box.setObjectName("errorBox")
    box.setWindowTitle(QCoreApplication.translate("Messages", "劳模之家"))
    box.setText(describe(exc))
    if isinstance(exc, AppError):
        box.setIcon(QMessageBox.Icon.Warning)
        log.info("refused: %s", exc)
        if isinstance(exc, PermissionDenied) and denial_recorder is not None:
            denial_recorder(exc)
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        details = scrub("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        box.setDetailedText(details)
        log.error("unexpected error\n%s", details)
    box.exec()


def install_excepthook() -> None:
    """Route uncaught exceptions (slots included) to the log and the presenter."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        exc.__traceback__ = tb
        log.critical("uncaught exception", exc_info=(kind, exc, tb))
        if QApplication.instance() is not None:
            present_error(QApplication.activeWindow(), exc)

    sys.excepthook = hook
