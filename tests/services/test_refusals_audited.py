"""Issue 16, item 8: a refused attempt leaves an audit entry (who, which permission, which
command, when; no row values), and a viewer's 困难劳模档案表 shows the mobile masked."""

from __future__ import annotations

import json
import subprocess
import uuid
from collections.abc import Callable
from pathlib import Path

import pypdf
from sqlalchemy import select, update

from desktop.database import Database
from desktop.models import AuditEvent, Person
from desktop.services.hardship.prints import HardshipPrint
from desktop.services.permissions import Actor
from tests.conftest import VIEWER_PASSWORD
from tests.hardship_support import CAST, TODAY, add_people, walk

MOBILE = "13857291234"


def _entries(db: Database, action: str) -> list[tuple[str, dict[str, object]]]:
    with db.read_sessions.begin() as s:
        rows = s.execute(select(AuditEvent.actor, AuditEvent.detail).where(
            AuditEvent.action == action).order_by(AuditEvent.seq)).all()
    return [(a, json.loads(d)) for a, d in rows]


def test_a_refused_command_is_audited(register_url: str, db: Database,
                                      run_laomo: Callable[..., subprocess.CompletedProcess[str]],
                                      tmp_path: Path) -> None:
    done = run_laomo("--db", register_url, "--user", "viewer1", "backup",
                     str(tmp_path / "b.zip"), password=VIEWER_PASSWORD)
    assert done.returncode == 4, done.stderr
    [(actor, detail)] = _entries(db, "auth.denied")
    assert actor == "viewer1"
    assert detail == {"permission": "backup", "role": "viewer", "action": "cli:backup"}


def _print_sheet(db: Database, actor: Actor, case_id: uuid.UUID) -> str:
    pdf = HardshipPrint(db.sessions, actor, db.read_sessions, today=lambda: TODAY) \
        .case_sheet(case_id)
    out = Path(db.sqlite_path.parent if db.sqlite_path else ".") / "sheet.pdf"
    out.write_bytes(pdf)
    return "".join(page.extract_text() for page in pypdf.PdfReader(out).pages)


def test_a_viewer_prints_the_file_sheet_with_the_mobile_masked(sqlite_db: Database) -> None:
    from tests.conftest import initialise

    initialise(sqlite_db)
    [pid] = add_people(sqlite_db, 1)
    with sqlite_db.sessions.begin() as s:
        s.execute(update(Person).where(Person.id == pid).values(mobile=MOBILE))
    case_id = walk(sqlite_db, pid, "verified")
    seen = _print_sheet(sqlite_db, CAST["viewer"], case_id)
    assert MOBILE not in seen and "138****1234" in seen.replace(" ", "")
    full = _print_sheet(sqlite_db, CAST["reviewer"], case_id)
    assert MOBILE in full.replace(" ", "")
    prints = _entries(sqlite_db, "hardship.print_sheet")
    assert [(a, {k: v for k, v in d.items() if not k.startswith("_")}) for a, d in prints] \
        == [("view1", {"full_numbers": False}), ("rev1", {"full_numbers": True})]
