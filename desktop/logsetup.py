"""Logging to a rotating file in the user data folder (shared by the GUI and the CLI).

Nothing a person is may reach the log or an error message (issue 16, item 11): the engine is
made with ``hide_parameters=True`` so a failed statement never prints its values, and
``scrub`` removes what database drivers add on their own (PostgreSQL's ``DETAIL: Key
(id_number)=(…)`` and ``Failing row contains (…)``, a ``[parameters: …]`` block) from every
formatted record and traceback.
"""

from __future__ import annotations

import logging
import logging.handlers
import re

from desktop.paths import log_dir

_configured = False
_ROW_VALUES = re.compile(
    r"(?m)^\s*(DETAIL|详细|HINT|CONTEXT):.*$"  # PostgreSQL's detail lines carry row values
    r"|\[parameters: .*?\](?=\n|$)"  # SQLAlchemy's bound values, if ever shown
    r"|Failing row contains \(.*?\)\.?"
    r"|Key \(.*?\)=\(.*?\)[^\n]*"
    # a long number standing alone anywhere in a message: an ID number (18 or 15 digits), a
    # mobile, a bank account (never a UUID's hex, a time or a line number)
    r"|(?<![0-9A-Za-z])\d{10,}[\dXx](?![0-9A-Za-z])")


def scrub(text: str) -> str:
    """``text`` without the row values database drivers put into their messages, and
    without any long number (ID numbers, phones, bank accounts) a message may quote."""
    return _ROW_VALUES.sub("[…]", text)


class ScrubbingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def configure(level: int = logging.INFO) -> None:
    global _configured
    if _configured:
        return
    handler = logging.handlers.RotatingFileHandler(
        log_dir() / "laomo.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(
        ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = True
