"""The database file itself: upgrades that keep data, failed upgrades that change nothing,
SQLite pragmas, real transactions, and refusals of files that are not ours."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import sqlite3
import textwrap
import threading
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory as _Scripts
from argon2 import PasswordHasher
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from desktop import database
from desktop.core.texts import error_text
from desktop.database import Database, is_network_location
from desktop.errors import DatabaseProblem
from desktop.models import Base, District, Honor, Person, PersonEvent
from desktop.paths import migrations_dir
from desktop.services import accounts, audit

HEAD = _Scripts(str(migrations_dir())).get_current_head()

TABLES_0001 = ("district", "user", "setting", "audit_event")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows(path: Path, table: str, columns: list[str] | None = None) -> list[tuple[object, ...]]:
    """Every row of ``table`` read with the plain sqlite3 module (no ORM in between)."""
    con = sqlite3.connect(path)
    try:
        cols = ", ".join(f'"{c}"' for c in columns) if columns else "*"
        return con.execute(f'SELECT {cols} FROM "{table}" ORDER BY 1').fetchall()
    finally:
        con.close()


def columns_of(path: Path, table: str) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
    finally:
        con.close()


def revision_of(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return str(con.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        con.close()


def fill_0001(path: Path) -> str:
    """Rows in every 0001 table, written with raw SQL as an old program version would.

    Returns the password of the user it creates."""
    password = "old-version-pw-1"
    city, county = uuid.uuid4().hex, uuid.uuid4().hex
    stamp = "2025-03-04 05:06:07.000000"
    con = sqlite3.connect(path)
    try:
        con.execute(
            "INSERT INTO district (id, name, gbt2260, kind, sort_order, active, parent_id, "
            "created_at, updated_at, row_version, origin_district_id) "
            "VALUES (?, '湖州市', '330500', 'city', 0, 1, NULL, ?, ?, 1, NULL)",
            (city, stamp, stamp),
        )
        con.execute(
            "INSERT INTO district (id, name, gbt2260, kind, sort_order, active, parent_id, "
            "created_at, updated_at, row_version, deleted_at, deleted_by, delete_reason, "
            "origin_district_id) "
            "VALUES (?, '长兴县', '330522', 'county', 5, 1, ?, ?, ?, 3, NULL, NULL, NULL, ?)",
            (county, city, stamp, stamp, city),
        )
        con.execute(
            "INSERT INTO user (id, uuid, name, display_name, role, password_hash, active, "
            "failed_attempts, locked_until, must_change_password, district_id, created_at, "
            "last_login_at) VALUES (1, ?, 'admin', '老管理员', 'admin', ?, 1, 2, NULL, 0, ?, ?, ?)",
            (uuid.uuid4().hex, PasswordHasher().hash(password), county, stamp, stamp),
        )
        con.execute(
            "INSERT INTO user (id, uuid, name, display_name, role, password_hash, active, "
            "failed_attempts, must_change_password, district_id, created_at) "
            "VALUES (2, ?, 'lucy', '录入员', 'clerk', 'x', 0, 0, 1, NULL, ?)",
            (uuid.uuid4().hex, stamp),
        )
        for key, value in (("association.name", "长兴县"), ("association.mode", "county"),
                           ("association.city", "湖州市")):
            con.execute("INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)",
                        (key, json.dumps(value, ensure_ascii=False), stamp))
        prev = audit.GENESIS
        for seq, action in enumerate(("setup.initialise", "auth.login", "user.create"), 1):
            at = f"2025-03-04T05:06:0{seq}.000000Z"
            detail = json.dumps({"n": seq, "词": "值"}, ensure_ascii=False)
            digest = audit.entry_hash(prev, seq, at, "admin", action, "user", "lucy", detail)
            con.execute(
                "INSERT INTO audit_event VALUES (?, ?, 'admin', ?, 'user', 'lucy', ?, ?, ?)",
                (seq, at, action, detail, prev, digest),
            )
            prev = digest
        con.execute("INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)",
                    (audit.HEAD_KEY, json.dumps({"seq": 3, "hash": prev}), stamp))
        con.commit()
    finally:
        con.close()
    return password


def test_upgrade_from_0001_keeps_every_row_and_backs_up_first(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = Database(f"sqlite:///{path}")
    try:
        first = db.upgrade(target="0001")
        assert (first.from_revision, first.to_revision, first.backup) == (None, "0001", None)
        password = fill_0001(path)
        before = {t: rows(path, t) for t in TABLES_0001}
        assert all(before.values())

        result = db.upgrade()

        assert (result.from_revision, result.to_revision) == ("0001", HEAD)
        assert revision_of(path) == HEAD
        assert {"person", "honor", "person_event"} <= set(inspect(db.engine).get_table_names())
        # (columns added since, such as audit_event.row_state in 0013, come after the old ones)
        assert {t: [r[:len(before[t][0])] for r in rows(path, t)] for t in TABLES_0001} \
            == before
        # The backup was taken before the upgrade: it is the 0001 file with the same rows.
        assert result.backup is not None and result.backup.is_file()
        assert revision_of(result.backup) == "0001"
        assert {t: rows(result.backup, t) for t in TABLES_0001} == before
        # The upgraded data is usable: the chain still verifies and the old user logs in.
        with db.sessions.begin() as s:
            assert audit.verify_chain(s).ok
        actor = accounts.AccountService(db.sessions).login("admin", password)
        assert actor.display_name == "老管理员"
    finally:
        db.dispose()


# -- migrations added after the head (a copy of desktop/migrations) ----------------------------

REVISION_HEADER = f'''\
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{HEAD}"
branch_labels = None
depends_on = None

'''


def migrations_with_0003(tmp_path: Path, name: str, body: str) -> Path:
    copy = tmp_path / f"migrations_{name}"
    shutil.copytree(migrations_dir(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "versions" / f"9001_{name}.py").write_text(
        REVISION_HEADER + textwrap.dedent(body), encoding="utf-8"
    )
    return copy


def add_register(db: Database) -> None:
    """Two persons with honors and history: children of ``person`` with ON DELETE CASCADE."""
    with db.sessions.begin() as s:
        district = District(name="长兴县", kind="county")
        s.add(district)
        s.flush()
        for n in range(2):
            person = Person(name=f"劳模{n}", district_id=district.id, notes="备注",
                            id_number=f"33052219600101{n:03d}X", birth_date=dt.date(1960, 1, 1))
            person.honors.append(Honor(title="全国劳动模范", level="全国", year=1989 + n))
            person.honors.append(Honor(title="浙江省劳动模范", level="省部级", year=1985))
            person.events.append(PersonEvent(kind="create", event_date=dt.date(2020, 1, 1),
                                             recorded_by="admin"))
            s.add(person)


def register_snapshot(path: Path, person_columns: list[str]) -> dict[str, list[tuple[object, ...]]]:
    return {
        "person": rows(path, "person", person_columns),
        "honor": rows(path, "honor"),
        "person_event": rows(path, "person_event"),
        "district": rows(path, "district"),
    }


def foreign_keys_pragma(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one())


def test_failing_migration_changes_nothing(sqlite_db: Database, tmp_path: Path) -> None:
    path = sqlite_db.sqlite_path
    assert path is not None
    add_register(sqlite_db)
    person_columns = columns_of(path, "person")
    before = register_snapshot(path, person_columns)
    script = migrations_with_0003(tmp_path, "broken", '''
        def upgrade() -> None:
            op.create_table("scratch", sa.Column("id", sa.Integer(), primary_key=True))
            with op.batch_alter_table("person", recreate="always") as batch:
                batch.add_column(sa.Column("nickname", sa.String(20)))
            op.execute("INSERT INTO scratch (id) VALUES (1)")
            op.execute("INSERT INTO setting (key, value) VALUES ('half.done', '1')")
            raise RuntimeError("boom in 0003")


        def downgrade() -> None:
            pass
    ''')

    with pytest.raises(DatabaseProblem) as caught:
        sqlite_db.upgrade(script_location=script)

    assert caught.value.code == "upgrade_failed"
    assert "boom in 0003" in caught.value.params["reason"]
    assert sqlite_db.current_revision() == HEAD
    assert revision_of(path) == HEAD
    assert "scratch" not in inspect(sqlite_db.engine).get_table_names()
    assert "nickname" not in columns_of(path, "person")
    assert [r for r in rows(path, "setting") if r[0] == "half.done"] == []
    assert register_snapshot(path, person_columns) == before
    # New connections enforce foreign keys again.
    assert foreign_keys_pragma(sqlite_db) == 1
    with pytest.raises(IntegrityError), sqlite_db.sessions.begin() as s:
        s.add(Honor(person_id=uuid.uuid4(), title="悬空荣誉", level="市级"))


def test_batch_rebuild_keeps_cascading_children(sqlite_db: Database, tmp_path: Path) -> None:
    """A batch rebuild drops ``person``; with foreign keys on, that would cascade-delete every
    honor and history row. Database.upgrade turns them off while migrating."""
    path = sqlite_db.sqlite_path
    assert path is not None
    add_register(sqlite_db)
    person_columns = columns_of(path, "person")
    before = register_snapshot(path, person_columns)
    assert len(before["honor"]) == 4 and len(before["person_event"]) == 2
    script = migrations_with_0003(tmp_path, "rebuild", '''
        def upgrade() -> None:
            with op.batch_alter_table("person", recreate="always") as batch:
                batch.add_column(sa.Column("nickname", sa.String(20)))


        def downgrade() -> None:
            with op.batch_alter_table("person", recreate="always") as batch:
                batch.drop_column("nickname")
    ''')

    result = sqlite_db.upgrade(script_location=script)

    assert result.to_revision == "9001"
    assert revision_of(path) == "9001"
    assert "nickname" in columns_of(path, "person")
    assert register_snapshot(path, person_columns) == before
    # The pooled connection that ran the migration has foreign keys back on.
    assert foreign_keys_pragma(sqlite_db) == 1
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []


def test_autogenerate_finds_no_difference(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


# -- SQLite connections and transactions -------------------------------------------------------


def test_every_sqlite_connection_gets_the_pragmas(sqlite_db: Database) -> None:
    # Two connections at once (raw: every SQLAlchemy transaction here is BEGIN IMMEDIATE, so
    # two open transactions would queue behind each other).
    one, two = sqlite_db.engine.raw_connection(), sqlite_db.engine.raw_connection()
    try:
        for conn in (one, two):
            def pragma(name: str, conn: object = conn) -> object:
                return conn.execute(f"PRAGMA {name}").fetchone()[0]  # type: ignore[attr-defined]

            assert pragma("foreign_keys") == 1
            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert int(pragma("busy_timeout")) > 0  # type: ignore[call-overload]
    finally:
        one.close()
        two.close()


def test_a_transaction_that_raises_leaves_nothing(sqlite_db: Database) -> None:
    path = sqlite_db.sqlite_path
    assert path is not None
    with pytest.raises(RuntimeError, match="halfway"), sqlite_db.sessions.begin() as s:
        s.add(District(name="半途区", kind="county"))
        s.flush()
        assert s.scalar(select(func.count()).select_from(District)) == 1
        raise RuntimeError("halfway")
    with sqlite_db.sessions.begin() as s:
        assert s.scalar(select(func.count()).select_from(District)) == 0
    assert rows(path, "district") == []
    # DDL is transactional too (we emit BEGIN ourselves).
    with pytest.raises(RuntimeError), sqlite_db.engine.connect() as conn, conn.begin():
        conn.exec_driver_sql("CREATE TABLE half_made (x INTEGER)")
        raise RuntimeError("halfway")
    assert "half_made" not in inspect(sqlite_db.engine).get_table_names()


def test_backup_copy_while_another_connection_writes(sqlite_db: Database, tmp_path: Path) -> None:
    """The online backup API copies committed data (also still in the WAL) and not a writer's
    open transaction, without waiting for it."""
    path = sqlite_db.sqlite_path
    assert path is not None
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("INSERT INTO setting (key, value) VALUES ('committed', '1')")
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO setting (key, value) VALUES ('uncommitted', '1')")
        copy = tmp_path / "copy" / "copy.sqlite3"
        done = threading.Event()
        worker = threading.Thread(target=lambda: (sqlite_db.copy_sqlite_to(copy), done.set()))
        worker.start()
        worker.join(timeout=10)
        assert done.is_set(), "the copy waited for the writer"
        writer.execute("ROLLBACK")
    finally:
        writer.close()
    keys = {r[0] for r in rows(copy, "setting")}
    assert "committed" in keys and "uncommitted" not in keys
    con = sqlite3.connect(copy)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    assert not copy.with_name(copy.name + ".part").exists()


# -- refusals that change nothing ---------------------------------------------------------------


def test_text_file_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("这是一份会议记录，不是数据库。\n" * 50, encoding="utf-8")
    digest = sha256(path)
    db = Database(f"sqlite:///{path}")
    try:
        with pytest.raises(DatabaseProblem) as caught:
            db.upgrade()
    finally:
        db.dispose()
    assert caught.value.code == "not_a_database"
    assert caught.value.params["path"] == str(path)
    assert sha256(path) == digest
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["notes.sqlite3"]


def make_foreign_database(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        con.execute("INSERT INTO customers VALUES (1, '张三')")
        con.commit()
    finally:
        con.close()


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite3"
    make_foreign_database(path)
    db = Database(f"sqlite:///{path}")
    try:
        with pytest.raises(DatabaseProblem) as caught:
            db.upgrade()
    finally:
        db.dispose()
    assert caught.value.code == "foreign_database"
    assert rows(path, "customers") == [(1, "张三")]
    con = sqlite3.connect(path)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()
    assert tables == {"customers"}
    assert not (tmp_path / "backups").exists()


def test_foreign_database_bytes_are_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite3"
    make_foreign_database(path)
    digest = sha256(path)
    db = Database(f"sqlite:///{path}")
    try:
        with pytest.raises(DatabaseProblem):
            db.upgrade()
    finally:
        db.dispose()
    assert sha256(path) == digest


def test_database_from_a_newer_program_is_refused_unchanged(
    tmp_path: Path, sqlite_template: Path
) -> None:
    path = tmp_path / "newer.sqlite3"
    shutil.copyfile(sqlite_template, path)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    digest = sha256(path)
    db = Database(f"sqlite:///{path}")
    try:
        with pytest.raises(DatabaseProblem) as caught:
            db.upgrade()
    finally:
        db.dispose()
    assert caught.value.code == "schema_too_new"
    assert (caught.value.params["revision"], caught.value.params["head"]) == ("9999", HEAD)
    assert sha256(path) == digest
    assert not (tmp_path / "backups").exists()


def test_a_busy_database_is_not_called_corrupt(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program holds the write lock longer than the busy timeout: reading still works
    (WAL), and a write says "busy" — never that the file is corrupt or foreign."""
    path = sqlite_db.sqlite_path
    assert path is not None
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 100)
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        busy = Database(f"sqlite:///{path}")
        try:
            assert busy.check_schema()[0] is not None  # readers are not blocked by a writer
            with pytest.raises(DatabaseProblem) as caught, busy.sessions.begin() as s:
                s.execute(text("INSERT INTO setting (key, value) VALUES ('k', '1')"))
        finally:
            busy.dispose()
        writer.execute("ROLLBACK")
    finally:
        writer.close()
    assert caught.value.code == "database_busy"
    assert "正被其他程序占用" in error_text(caught.value)


def test_network_share_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    share = tmp_path / "share"
    (share / "local").mkdir(parents=True)
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw,relatime 0 0\n"
        f"//server/office {share} cifs rw,relatime,vers=3.0 0 0\n"
        f"/dev/sdb1 {share}/local ext4 rw 0 0\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(database, "MOUNTS_FILE", mounts)
    target = share / "laomo.sqlite3"

    with pytest.raises(DatabaseProblem) as caught:
        Database(f"sqlite:///{target}")

    assert caught.value.code == "network_share"
    assert caught.value.params["path"] == str(target)
    assert not target.exists()
    assert is_network_location(target)
    assert not is_network_location(share / "local" / "laomo.sqlite3")  # the longest mount wins
    assert not is_network_location(tmp_path / "laomo.sqlite3")
    assert is_network_location(Path("\\\\server\\share\\x.sqlite3"))
    assert is_network_location(Path("//server/share/x"))


def test_cli_refuses_a_text_file_in_chinese(tmp_path: Path, run_laomo) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "会议记录.sqlite3"
    path.write_text("这不是数据库\n" * 100, encoding="utf-8")
    digest = sha256(path)

    done = run_laomo("--db", str(path), "--user", "admin", "check")

    assert done.returncode == 1, done.stderr
    assert str(path) in done.stderr
    assert "不是" in done.stderr
    assert "Traceback" not in done.stderr
    assert sha256(path) == digest


def test_file_head_is_alembics_head() -> None:
    """The fast "already current" check reads the newest migration file's number; it must be
    what Alembic itself calls the head (a misnamed or branching migration would break it)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    script = _Scripts.from_config(cfg)
    assert database.file_head() == script.get_current_head()
    for path in (migrations_dir() / "versions").glob("[0-9]*.py"):
        assert script.get_revision(path.name[:4]) is not None, path.name


def test_a_current_database_opens_without_loading_alembic(sqlite_db: Database) -> None:
    """Every command and every start upgrades first: for a current schema that costs no
    Alembic import (it was a third of a short command's time)."""
    import subprocess
    import sys

    assert sqlite_db.sqlite_path is not None
    code = ("import sys; from desktop.database import Database; "
            f"db = Database.open({str(sqlite_db.sqlite_path)!r}); r = db.upgrade(); "
            "print(r.backup is None, r.from_revision == r.to_revision, "
            "any(m.startswith('alembic') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["True", "True", "False"]
