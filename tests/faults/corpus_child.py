"""Child process of the malformed-file suite: import (dry run) each file named on stdin.

Usage: ``python -m tests.faults.corpus_child DB_URL`` with one path per line on stdin. For each
file it prints ``START <path>`` before and one JSON line after:
``{"path", "outcome": ok|refused|bug, "code", "message", "seconds", "maxrss_mb"}``. ``bug`` is any
exception that is not an ``AppError``. An abort of the process (the parent sees no result line
after ``START``) is counted by the parent as a crash.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import sys
import time
import traceback
from pathlib import Path

from desktop.core.texts import error_text
from desktop.database import Database
from desktop.errors import AppError
from desktop.services import accounts
from desktop.services.imports.importer import ImportService
from desktop.services.imports.types import ImportOptions


def main(url: str) -> None:
    database = Database(url)
    database.upgrade()
    if not accounts.is_initialised(database.sessions):
        accounts.initialise(database.sessions, association="长兴县", admin_name="admin",
                            admin_password="secret123", admin_display_name="管理员")
    actor = accounts.AccountService(database.sessions).login("admin", "secret123")
    service = ImportService(database.sessions, actor, today=lambda: dt.date(2026, 6, 1))
    for line in sys.stdin:
        path = Path(line.strip())
        if not line.strip():
            continue
        print("START", path, flush=True)
        started = time.perf_counter()
        record: dict[str, object] = {"path": str(path)}
        try:
            result = service.run(path, ImportOptions(good_rows_only=True), dry_run=True)
            record.update(outcome="ok", code="", message=f"{result.counts}")
        except AppError as exc:
            record.update(outcome="refused", code=exc.code, message=error_text(exc, "zh"))
        except Exception as exc:
            record.update(outcome="bug", code=type(exc).__name__,
                          message=traceback.format_exc()[-600:])
        record["seconds"] = round(time.perf_counter() - started, 3)
        record["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(json.dumps(record, ensure_ascii=False), flush=True)
    database.dispose()


if __name__ == "__main__":
    main(sys.argv[1])
