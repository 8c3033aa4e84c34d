"""The ``laomo`` command as a user runs it: a subprocess, a database file in a temp folder."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import resource
import shutil
import signal
import sqlite3
import subprocess
import threading
import time
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import insert

from desktop.database import Database
from desktop.models import District, Honor, Person
from desktop.services.accounts import AccountService
from desktop.services.permissions import Role
from tests.conftest import ADMIN_PASSWORD, initialise

RunLaomo = Callable[..., subprocess.CompletedProcess[str]]
PASSPHRASE_ENV = "LAOMO_BACKUP_PASSPHRASE"
PASSPHRASE = "长兴 backup 2026"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def query(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def user_names(path: Path) -> set[str]:
    return {str(r[0]) for r in query(path, "SELECT name FROM user")}


def data_snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """The register and the accounts (a log-in updates last_login_at and the audit log, which
    is how it should be; everything else must stay as it was)."""
    return {
        "user": query(path, "SELECT name, role, password_hash, active FROM user ORDER BY name"),
        "person": query(path, "SELECT * FROM person ORDER BY id"),
        "honor": query(path, "SELECT * FROM honor ORDER BY id"),
        "district": query(path, "SELECT * FROM district ORDER BY id"),
        "setting": query(path, "SELECT key, value FROM setting WHERE key != 'audit.head' "
                               "ORDER BY key"),
        "alembic": query(path, "SELECT version_num FROM alembic_version"),
    }


@pytest.fixture
def cli_db(tmp_path: Path, sqlite_template: Path) -> Path:
    """A database file set up for 长兴县 with admin / secret123, one person with an honor."""
    path = tmp_path / "data" / "laomo.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    try:
        initialise(db)
        with db.sessions.begin() as s:
            district = s.query(District).filter_by(name="长兴县").one()
            person = Person(name="王建国", district_id=district.id, sex="1",
                            birth_date=dt.date(1958, 5, 1), treatment_level="全国")
            person.honors.append(Honor(title="全国劳动模范", level="全国", year=1995))
            s.add(person)
    finally:
        db.dispose()
    return path


def add_user(path: Path, name: str, role: Role, password: str) -> None:
    db = Database(f"sqlite:///{path}")
    try:
        service = AccountService(db.sessions)
        admin = service.login("admin", ADMIN_PASSWORD)
        service.create_user(admin, name=name, display_name=name, role=role, password=password)
    finally:
        db.dispose()


# -- demo ------------------------------------------------------------------------------------------


def test_demo_for_a_given_day_is_the_same_data(tmp_path: Path, sqlite_template: Path,
                                                run_laomo: RunLaomo) -> None:
    """``laomo demo --seed S --today D`` describes day D (its rounds, its hardship files) and
    makes the same register every time."""
    made = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.sqlite3"
        shutil.copyfile(sqlite_template, path)
        db = Database(f"sqlite:///{path}")
        try:
            initialise(db)
        finally:
            db.dispose()
        done = run_laomo("--db", str(path), "--user", "admin", "demo", "--members", "60",
                         "--seed", "3", "--today", "2027-01-20")
        assert done.returncode == 0, done.stderr
        made.append(path)
    first, second = (query(p, "SELECT name, id_number, birth_date FROM person "
                             "ORDER BY id_number")
                     for p in made)
    assert first == second and len(first) == 60
    rounds = query(made[0], "SELECT occasion, year, approved_by IS NOT NULL FROM visit_campaign "
                            "ORDER BY start_date")
    assert rounds == [("元旦春节", 2026, 1), ("重阳", 2026, 1), ("元旦春节", 2027, 1),
                      ("重阳", 2027, 0)]
    opened = query(made[0], "SELECT max(created_at) FROM hardship_case")[0][0]
    assert str(opened) < "2027-01-21"


# -- init ------------------------------------------------------------------------------------------


def test_init_county_then_again(tmp_path: Path, run_laomo: RunLaomo) -> None:
    path = tmp_path / "laomo.sqlite3"

    done = run_laomo("--db", str(path), "init", "--district", "长兴县", "--admin", "admin")
    assert done.returncode == 0, done.stderr
    assert "长兴县" in done.stdout and "区县模式" in done.stdout
    assert user_names(path) == {"admin"}

    again = run_laomo("--db", str(path), "init", "--district", "长兴县", "--admin", "admin")
    assert again.returncode == 0, again.stderr
    assert "长兴县" in again.stdout

    other = run_laomo("--db", str(path), "init", "--district", "湖州市", "--admin", "boss")
    assert other.returncode == 1
    assert "已初始化" in other.stderr and "长兴县" in other.stderr
    assert user_names(path) == {"admin"}
    assert query(path, "SELECT value FROM setting WHERE key = 'association.mode'") == [
        ('"county"',)
    ]


def test_init_names_the_administrator(tmp_path: Path, run_laomo: RunLaomo) -> None:
    """``--admin-name``: the full name documents print as 经办人 (not the log-in "admin")."""
    path = tmp_path / "laomo.sqlite3"
    done = run_laomo("--db", str(path), "init", "--district", "长兴县", "--admin", "admin",
                     "--admin-name", "王秘书")
    assert done.returncode == 0, done.stderr
    assert query(path, "SELECT name, display_name FROM user") == [("admin", "王秘书")]


def test_init_city_mode(tmp_path: Path, run_laomo: RunLaomo) -> None:
    path = tmp_path / "city.sqlite3"
    done = run_laomo("init", "--district", "湖州市", "--admin", "admin", "--db", str(path))
    assert done.returncode == 0, done.stderr
    assert "湖州市" in done.stdout and "市级模式" in done.stdout


def test_init_unknown_district_creates_nothing(tmp_path: Path, run_laomo: RunLaomo) -> None:
    path = tmp_path / "laomo.sqlite3"
    done = run_laomo("--db", str(path), "init", "--district", "北京市", "--admin", "admin")
    assert done.returncode == 3
    assert "北京市" in done.stderr and "长兴县" in done.stderr  # says what is known
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]


def test_init_short_password_is_rejected(tmp_path: Path, run_laomo: RunLaomo) -> None:
    path = tmp_path / "laomo.sqlite3"
    done = run_laomo("--db", str(path), "init", "--district", "长兴县", "--admin", "admin",
                     password="abc1")
    assert done.returncode == 3
    assert "密码至少 8 位" in done.stderr
    assert not path.exists()


def test_init_without_admin_is_a_usage_error(tmp_path: Path, run_laomo: RunLaomo) -> None:
    done = run_laomo("--db", str(tmp_path / "x.sqlite3"), "init", "--district", "长兴县")
    assert done.returncode == 2
    assert "--admin" in done.stderr
    assert not (tmp_path / "x.sqlite3").exists()


def test_init_without_password_and_terminal(tmp_path: Path, run_laomo: RunLaomo) -> None:
    path = tmp_path / "laomo.sqlite3"
    done = run_laomo("--db", str(path), "init", "--district", "长兴县", "--admin", "admin",
                     password=None)
    assert done.returncode == 2
    assert "LAOMO_PASSWORD" in done.stderr
    assert not path.exists()


# -- permissions -----------------------------------------------------------------------------------


def test_wrong_password_is_refused(cli_db: Path, run_laomo: RunLaomo) -> None:
    done = run_laomo("--db", str(cli_db), "--user", "admin", "check", password="wrong-pass-1")
    assert done.returncode == 4
    assert "用户名或密码不正确" in done.stderr
    assert done.stdout == ""


def test_viewer_may_not_back_up(cli_db: Path, tmp_path: Path, run_laomo: RunLaomo) -> None:
    add_user(cli_db, "viewer1", Role.VIEWER, "viewer-pass-1")
    out = tmp_path / "backup.zip"
    done = run_laomo("--db", str(cli_db), "--user", "viewer1", "backup", str(out),
                     password="viewer-pass-1")
    assert done.returncode == 4
    assert "没有权限" in done.stderr
    assert not out.exists() and not out.with_name(out.name + ".part").exists()


# -- backup ----------------------------------------------------------------------------------------


def read_zip(path: Path) -> tuple[dict[str, object], bytes]:
    with zipfile.ZipFile(path) as z:
        return json.loads(z.read("manifest.json")), z.read("laomo.sqlite3")


def test_backup_writes_a_verifiable_zip(cli_db: Path, tmp_path: Path, run_laomo: RunLaomo) -> None:
    out = tmp_path / "out" / "备份.zip"
    out.parent.mkdir()
    done = run_laomo("--db", str(cli_db), "--user", "admin", "backup", str(out), "--no-encrypt")
    assert done.returncode == 0, done.stderr
    assert "备份完成" in done.stdout and "未加密" in done.stdout

    manifest, member = read_zip(out)
    assert manifest["format"] == "laomo-backup/1"
    head = Database(f"sqlite:///{tmp_path / 'h.sqlite3'}").head_revision()
    assert manifest["schema_revision"] == head
    assert manifest["association"] == "长兴县"
    assert manifest["sha256"] == sha256_bytes(member)
    assert manifest["size"] == len(member)
    copy = tmp_path / "member.sqlite3"
    copy.write_bytes(member)
    counts = {t: query(copy, f'SELECT count(*) FROM "{t}"')[0][0]
              for t in ("person", "honor", "user", "audit_event")}
    assert manifest["counts"] == counts
    assert counts["person"] == counts["honor"] == counts["user"] == 1
    assert query(copy, "PRAGMA integrity_check") == [("ok",)]
    assert query(copy, "SELECT name FROM person") == [("王建国",)]
    assert sorted(p.name for p in out.parent.iterdir()) == ["备份.zip"]
    # The backup itself is in the live audit log.
    # (followed by the signed checkpoint a backup writes)
    assert query(cli_db, "SELECT action, entity_id FROM audit_event ORDER BY seq DESC LIMIT 2") \
        == [("audit.checkpoint", None), ("backup.create", "备份.zip")]


def test_backup_beside_a_busy_writer(cli_db: Path, tmp_path: Path, run_laomo: RunLaomo) -> None:
    """Another program has committed data still in the WAL and an open write transaction; the
    backup waits for its turn (log-in and audit need the write lock), then holds exactly the
    committed data."""
    out = tmp_path / "busy.zip"
    writer = sqlite3.connect(cli_db, isolation_level=None)
    results: list[subprocess.CompletedProcess[str]] = []
    try:
        assert writer.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        writer.execute("INSERT INTO setting (key, value) VALUES ('committed.in.wal', '1')")
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO setting (key, value) VALUES ('never.committed', '1')")
        runner = threading.Thread(target=lambda: results.append(
            run_laomo("--db", str(cli_db), "--user", "admin", "backup", str(out),
                      "--no-encrypt")))
        runner.start()
        time.sleep(1.5)  # the command has started and is waiting for the lock
        assert runner.is_alive() and not out.exists()
        writer.execute("ROLLBACK")
        runner.join(timeout=60)
    finally:
        writer.close()
    [done] = results
    assert done.returncode == 0, done.stderr
    manifest, member = read_zip(out)
    assert manifest["sha256"] == sha256_bytes(member)
    copy = tmp_path / "member.sqlite3"
    copy.write_bytes(member)
    assert query(copy, "PRAGMA integrity_check") == [("ok",)]
    keys = {r[0] for r in query(copy, "SELECT key FROM setting")}
    assert "committed.in.wal" in keys and "never.committed" not in keys


def _small_file_limit() -> None:
    """In the child: files may not grow past 64 KiB, as on a full disk; report it as an
    error (EFBIG) instead of killing the process with SIGXFSZ."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


def test_backup_on_a_full_disk_leaves_nothing(
    cli_db: Path, tmp_path: Path, run_laomo: RunLaomo
) -> None:
    # through a session, so the log records the rows (a raw INSERT is a tamper `check` reports)
    db = Database(f"sqlite:///{cli_db}")
    try:
        with db.sessions.begin() as s:
            district = s.query(District).filter_by(name="长兴县").one().id
            s.execute(insert(Person), [
                {"id": uuid.uuid4(), "name": f"劳模{n}", "district_id": district,
                 "notes": uuid.uuid4().hex * 32} for n in range(2000)])
    finally:
        db.dispose()
    assert cli_db.stat().st_size > 2_000_000
    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    out = out_dir / "backup.zip"

    done = run_laomo("--db", str(cli_db), "--user", "admin", "backup", str(out),
                     preexec_fn=_small_file_limit, env={PASSPHRASE_ENV: PASSPHRASE})

    assert done.returncode == 1, done.stdout + done.stderr
    assert "备份失败" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()
    assert not out.with_name(out.name + ".part").exists()
    assert list(out_dir.iterdir()) == []
    assert not list(cli_db.parent.glob(".laomo-backup-*"))  # the plain scratch copy is gone
    # The database itself is fine.
    assert run_laomo("--db", str(cli_db), "--user", "admin", "check").returncode == 0


# -- restore ---------------------------------------------------------------------------------------


def make_backup(cli_db: Path, out: Path, run_laomo: RunLaomo) -> Path:
    """A plain zip, as every backup was before encryption (the tests below rewrite it)."""
    done = run_laomo("--db", str(cli_db), "--user", "admin", "backup", str(out), "--no-encrypt")
    assert done.returncode == 0, done.stderr
    return out


def test_restore_brings_back_the_backup(cli_db: Path, tmp_path: Path, run_laomo: RunLaomo) -> None:
    backup = make_backup(cli_db, tmp_path / "b.zip", run_laomo)
    add_user(cli_db, "added_later", Role.CLERK, "clerk-pass-1")
    assert "added_later" in user_names(cli_db)

    done = run_laomo("--db", str(cli_db), "--user", "admin", "restore", str(backup))

    assert done.returncode == 0, done.stderr
    assert "已从" in done.stdout
    assert user_names(cli_db) == {"admin"}
    assert query(cli_db, "SELECT name FROM person") == [("王建国",)]
    [kept] = list((cli_db.parent / "backups").glob("*before-restore*"))
    assert str(kept) in done.stdout
    assert "added_later" in user_names(kept)
    assert query(cli_db, "SELECT actor FROM audit_event WHERE action = 'backup.restore'") == [
        ("admin",)
    ]
    check = run_laomo("--db", str(cli_db), "--user", "admin", "check")
    assert check.returncode == 0, check.stdout + check.stderr


def rebuild_zip(source: Path, dest: Path, manifest: dict[str, object], member: bytes) -> Path:
    with zipfile.ZipFile(dest, "w") as z:
        z.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
        z.writestr("laomo.sqlite3", member)
    return dest


def assert_refused_unchanged(cli_db: Path, source: Path, run_laomo: RunLaomo,
                             words: str) -> None:
    before = data_snapshot(cli_db)
    done = run_laomo("--db", str(cli_db), "--user", "admin", "restore", str(source))
    assert done.returncode == 1, done.stdout + done.stderr
    assert words in done.stderr
    assert "Traceback" not in done.stderr
    assert data_snapshot(cli_db) == before
    assert "added_later" in user_names(cli_db)
    assert query(cli_db, "SELECT count(*) FROM audit_event WHERE action = 'backup.restore'") \
        == [(0,)]
    assert not list((cli_db.parent / "backups").glob("*before-restore*"))


def test_restore_refuses_a_tampered_backup(
    cli_db: Path, tmp_path: Path, run_laomo: RunLaomo
) -> None:
    backup = make_backup(cli_db, tmp_path / "b.zip", run_laomo)
    add_user(cli_db, "added_later", Role.CLERK, "clerk-pass-1")
    manifest, member = read_zip(backup)
    damaged = bytearray(member)
    damaged[len(damaged) // 2] ^= 0xFF
    tampered = rebuild_zip(backup, tmp_path / "tampered.zip", manifest, bytes(damaged))

    assert_refused_unchanged(cli_db, tampered, run_laomo, "校验和")


def test_restore_refuses_a_text_file(cli_db: Path, tmp_path: Path, run_laomo: RunLaomo) -> None:
    add_user(cli_db, "added_later", Role.CLERK, "clerk-pass-1")
    text = tmp_path / "backup.zip"
    text.write_text("这不是备份文件\n", encoding="utf-8")
    assert_refused_unchanged(cli_db, text, run_laomo, "无法读取备份文件")


def test_restore_refuses_a_backup_from_a_newer_program(
    cli_db: Path, tmp_path: Path, run_laomo: RunLaomo
) -> None:
    backup = make_backup(cli_db, tmp_path / "b.zip", run_laomo)
    add_user(cli_db, "added_later", Role.CLERK, "clerk-pass-1")
    manifest, member = read_zip(backup)
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(member)
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    data = newer.read_bytes()
    manifest.update(sha256=sha256_bytes(data), size=len(data), schema_revision="9999")
    future = rebuild_zip(backup, tmp_path / "future.zip", manifest, data)

    assert_refused_unchanged(cli_db, future, run_laomo, "更新版本")


def test_an_encrypted_backup_round_trip_and_a_wrong_passphrase(
    cli_db: Path, tmp_path: Path, run_laomo: RunLaomo
) -> None:
    """The default backup is an age file nobody reads without the passphrase (given in the
    environment, never on the command line); restore asks for it and refuses a wrong one."""
    out = tmp_path / "usb" / "备份.laomo-backup"
    out.parent.mkdir()
    done = run_laomo("--db", str(cli_db), "--user", "admin", "backup", str(out),
                     env={PASSPHRASE_ENV: PASSPHRASE})
    assert done.returncode == 0, done.stderr
    assert "已用口令加密" in done.stdout
    data = out.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n")
    for plain in ("王建国".encode(), "全国劳动模范".encode(), b"SQLite format 3",
                  b"manifest.json"):
        assert plain not in data
    assert [p.name for p in out.parent.iterdir()] == [out.name]
    add_user(cli_db, "added_later", Role.CLERK, "clerk-pass-1")
    before = data_snapshot(cli_db)

    missing = run_laomo("--db", str(cli_db), "--user", "admin", "restore", str(out))
    wrong = run_laomo("--db", str(cli_db), "--user", "admin", "restore", str(out),
                      env={PASSPHRASE_ENV: PASSPHRASE + "!"})
    assert missing.returncode == 2 and PASSPHRASE_ENV in missing.stderr
    assert wrong.returncode == 1 and "备份口令不正确" in wrong.stderr
    assert "Traceback" not in missing.stderr + wrong.stderr
    assert data_snapshot(cli_db) == before
    assert query(cli_db, "SELECT count(*) FROM audit_event WHERE action = 'backup.restore'") \
        == [(0,)]
    assert not list((cli_db.parent / "backups").glob("*before-restore*"))

    done = run_laomo("--db", str(cli_db), "--user", "admin", "restore", str(out),
                     env={PASSPHRASE_ENV: PASSPHRASE})
    assert done.returncode == 0, done.stderr
    assert user_names(cli_db) == {"admin"}
    assert query(cli_db, "SELECT name FROM person") == [("王建国",)]
    # the passphrase is nowhere: not in the log files, not in the audit log
    home = tmp_path / "home"
    for path in [p for p in home.rglob("*") if p.is_file()]:
        assert PASSPHRASE.encode() not in path.read_bytes(), path
    assert not query(cli_db, "SELECT seq FROM audit_event WHERE detail LIKE ?",
                     f"%{PASSPHRASE}%")
    check = run_laomo("--db", str(cli_db), "--user", "admin", "check")
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_backup_without_a_usable_passphrase_writes_nothing(
    cli_db: Path, tmp_path: Path, run_laomo: RunLaomo
) -> None:
    out = tmp_path / "usb" / "b.laomo-backup"
    out.parent.mkdir()
    none = run_laomo("--db", str(cli_db), "--user", "admin", "backup", str(out))
    short = run_laomo("--db", str(cli_db), "--user", "admin", "backup", str(out),
                      env={PASSPHRASE_ENV: "1234567"})
    assert none.returncode == 2, none.stderr
    assert PASSPHRASE_ENV in none.stderr and "--no-encrypt" in none.stderr
    assert short.returncode == 3 and "至少 8 个字符" in short.stderr
    assert list(out.parent.iterdir()) == []
    assert query(cli_db, "SELECT count(*) FROM audit_event WHERE action = 'backup.create'") \
        == [(0,)]
    usage = run_laomo("backup", "--help", password=None)
    assert "--no-encrypt" in usage.stdout and "--passphrase" not in usage.stdout  # no argv


def test_check_on_a_missing_file(tmp_path: Path, run_laomo: RunLaomo) -> None:
    path = tmp_path / "typo.sqlite3"
    done = run_laomo("--db", str(path), "--user", "admin", "check")
    assert done.returncode == 1
    assert "出错了" not in done.stderr
    assert not path.exists()


def test_check_on_an_older_schema_says_upgrade_first(tmp_path: Path,
                                                    run_laomo: RunLaomo) -> None:
    """A database the program has not upgraded yet (a check reads, it never migrates): a clear
    refusal naming both versions, not a raw SQL error; the file is left as it was. As the
    message says, ``laomo init`` then upgrades it and says so."""
    from tests.services.test_database import fill_0001

    path = tmp_path / "older.sqlite3"
    db = Database(f"sqlite:///{path}")
    try:
        db.upgrade(target="0001")
        fill_0001(path)  # 长兴县 and its administrator, as the first version kept them
        head = db.head_revision()
    finally:
        db.dispose()
    before = sha256_bytes(path.read_bytes())
    done = run_laomo("--db", str(path), "--user", "admin", "check")
    assert done.returncode == 1
    assert "旧版本" in done.stderr and f"版本 0001，本程序为 {head}" in done.stderr
    assert "laomo init" in done.stderr
    assert "出错了" not in done.stderr and "OperationalError" not in done.stderr
    assert sha256_bytes(path.read_bytes()) == before

    upgraded = run_laomo("--db", str(path), "init", "--district", "长兴县", "--admin", "admin")
    assert upgraded.returncode == 0, upgraded.stderr
    assert f"已升级（版本 0001 → {head}" in upgraded.stdout
    again = Database(f"sqlite:///{path}")
    try:
        assert again.check_schema() == (head, head)
    finally:
        again.dispose()


# -- language --------------------------------------------------------------------------------------


def test_english_messages(tmp_path: Path, run_laomo: RunLaomo) -> None:
    path = tmp_path / "laomo.sqlite3"
    refused = run_laomo("--lang", "en", "--db", str(path), "init", "--district", "北京市",
                        "--admin", "admin")
    assert refused.returncode == 3
    assert "Unknown district" in refused.stderr and "nothing was saved" in refused.stderr
    assert "未知" not in refused.stderr

    done = run_laomo("--db", str(path), "init", "--district", "长兴县", "--admin", "admin",
                     "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "Set up 长兴县 (county mode)" in done.stdout

    wrong = run_laomo("--lang", "en", "--db", str(path), "--user", "admin", "check",
                      password="wrong-pass-1")
    assert wrong.returncode == 4
    assert wrong.stderr.strip() == "Wrong user name or password."

    check = run_laomo("--lang", "en", "--db", str(path), "--user", "admin", "check")
    assert check.returncode == 0
    assert "audit chain: ok" in check.stdout


def test_readme_lists_every_command() -> None:
    """The README is the command's contract (DESIGN.md): every command the parser dispatches
    has a line there."""
    from desktop.cli.main import COMMANDS

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    lines = [line.strip() for line in readme.splitlines()]
    missing = [key for key in COMMANDS
               if not any(line.startswith(f"laomo {key.split()[0]}")
                          and key.split()[-1] in line for line in lines)]
    assert not missing, missing
