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
    r"|(?<=: )\d{6}(?:18|19|20)\d{2}[01]\d[0-3]\d\d{3}[\dXx]\b")  # an ID number in a message


def scrub(text: str) -> str:
    """``text`` without the row values database drivers put into their messages."""
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
