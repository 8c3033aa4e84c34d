"""The ``laomo handoff`` and ``laomo users`` contract as a new office would use it, in
subprocesses with separate data folders (keys live there). One scenario, few calls; the
details are covered at service level (test_handoff_flow.py)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

from pypdf import PdfReader

from desktop.database import Database
from desktop.services.register.persons import PersonService
from desktop.services.register.types import PersonDraft
from tests.conftest import initialise
from tests.handoff.test_handoff_flow import ID_A, ID_MOVE


def _office(root: Path, template: Path, name: str) -> tuple[str, Path]:
    home = root / f"home-{name}"
    home.mkdir()
    path = home / "laomo.sqlite3"
    shutil.copyfile(template, path)
    db = Database(f"sqlite:///{path}")
    actor = initialise(db, name)
    if name != "湖州市":
        service = PersonService(db.sessions, actor, db.read_sessions)
        service.create(PersonDraft(name="朱荣荣", district=name, id_number=ID_A))
        moved = service.create(PersonDraft(name="钱迁", district=name, id_number=ID_MOVE))
        service.move_out(moved, dt.date(2026, 10, 8), "德清县")
    db.dispose()
    return str(path), home


def test_handoff_commands(run_laomo, tmp_path: Path, sqlite_template: Path) -> None:  # type: ignore[no-untyped-def]
    city_db, city_home = _office(tmp_path, sqlite_template, "湖州市")
    cx_db, cx_home = _office(tmp_path, sqlite_template, "长兴县")

    def city(*args: str, **kw: object):  # type: ignore[no-untyped-def]
        return run_laomo("--db", city_db, "--user", kw.pop("user", "admin"), *args,
                         env={"LAOMO_HOME": str(city_home), **kw.pop("env", {})}, **kw)

    def county(*args: str):  # type: ignore[no-untyped-def]
        return run_laomo("--db", cx_db, "--user", "admin", *args,
                         env={"LAOMO_HOME": str(cx_home)})

    r = city("users", "add", "rev", "--role", "reviewer")  # the new user's password: named
    assert r.returncode == 2 and "LAOMO_NEW_PASSWORD" in r.stderr, r.stderr
    r = city("users", "add", "rev", "--role", "reviewer",
             env={"LAOMO_NEW_PASSWORD": "review123"})
    assert r.returncode == 0 and "（审核员）" in r.stdout, r.stderr
    r = city("users", "list")
    assert "rev\t审核员\trev\t在用" in r.stdout and "reviewer" not in r.stdout, r.stdout
    r = city("handoff", "card", "--out", str(tmp_path / "city.card"))
    assert r.returncode == 0, r.stderr
    assert (city_home / "keys" / "age.key").exists()
    r = county("handoff", "trust", str(tmp_path / "city.card"))
    assert r.returncode == 0, r.stderr
    assert re.search(r"([0-9A-F]{4} ){7}[0-9A-F]{4}", r.stdout), r.stdout
    assert county("handoff", "card", "--out", str(tmp_path / "cx.card")).returncode == 0
    assert city("handoff", "trust", str(tmp_path / "cx.card")).returncode == 0

    pkg = tmp_path / "usb" / "长兴县-2026Q4.lmpkg"
    pkg.parent.mkdir()
    r = county("handoff", "export", "--quarter", "2026Q4", "--out", str(pkg))
    assert r.returncode == 0, r.stderr
    assert pkg.exists() and not list(pkg.parent.glob("*.part"))

    r = city("handoff", "import", str(pkg), "--dry-run", "--report", str(tmp_path / "r.xlsx"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "r.xlsx").exists()
    r = city("handoff", "import", str(pkg))
    assert r.returncode == 0, r.stderr
    assert "  人员：新增 2" in r.stdout and "person" not in r.stdout, r.stdout  # words, not codes
    package_id = re.search(r"handoff merge (\d+)", r.stdout).group(1)  # type: ignore[union-attr]
    r = city("handoff", "merge", package_id)  # the importer: refused
    assert r.returncode == 1 and "另一位" in r.stderr, r.stderr
    r = city("handoff", "merge", package_id, user="rev", env={"LAOMO_PASSWORD": "review123"})
    assert r.returncode == 0, r.stderr

    r = city("handoff", "import", str(pkg))  # replay: refused, exit 3
    assert r.returncode == 3 and "重复" in r.stderr, r.stderr

    r = city("handoff", "receipt", package_id, "--out", str(tmp_path / "receipt.lmrcpt"))
    assert r.returncode == 0, r.stderr
    r = county("handoff", "import", str(tmp_path / "receipt.lmrcpt"))
    assert r.returncode == 0, r.stderr
    r = county("handoff", "list")
    assert r.returncode == 0 and "报出" in r.stdout and "已回执" in r.stdout, r.stdout
    assert "sent" not in r.stdout and "district" not in r.stdout, r.stdout
    r = county("handoff", "list", "--format", "json")
    ledger = json.loads(r.stdout)
    assert [(x["direction"], x["state"], x["sequence"]) for x in ledger] == [
        ("sent", "acknowledged", 1)]

    r = city("report", "roster", "--out", str(tmp_path / "roster.pdf"))
    assert r.returncode == 0, r.stderr
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "roster.pdf").pages)
    assert "朱荣荣" in text and "钱迁" in text
