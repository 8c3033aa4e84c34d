"""Shared fixtures: real databases built by the real migrations, on SQLite and PostgreSQL.

SQLite: the migrations run once per test session into a template file that each test copies.
PostgreSQL (when ``LAOMO_TEST_PG_URL`` is set, as ``scripts/test.py`` does): the migrations run
once into a template database, and each test gets ``CREATE DATABASE … TEMPLATE`` of it.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The offscreen screens are the common office PC's 1366×768 (primary) and a 1920×1080 one beside it
# (issue 14), not Qt's 800×800; tests/views/conftest.py `screen` opens windows on each.
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={Path(__file__).with_name('office_screen.json')}")
# Cheap argon2 parameters for every hash the tests make, here and in the ``laomo`` processes
# they start (desktop/services/accounts.py); test_accounts checks production still gets the
# real ones.
os.environ["LAOMO_TEST_CHEAP_HASHES"] = "1"

from desktop.database import Database
from desktop.services import accounts
from desktop.services.permissions import Actor
from tests.laomo_process import close_zygote, run_laomo_process
from tests.laomo_process import laomo_executable as laomo_executable  # tests import it from here

# Property tests check what is computed, not how fast: a per-example deadline measures the
# machine's load (it failed the stdnum agreement check at load 10) and says nothing of the code.
settings.register_profile("laomo", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("laomo")

PG_URL = os.environ.get("LAOMO_TEST_PG_URL")
# The demo follows the day it is run (its visit rounds, deaths, hardship steps): tests' demo
# databases are made as of one day, so that a test passing today passes next spring too.
DEMO_DAY = dt.date(2026, 12, 4)
BACKENDS = ["sqlite", *(["postgresql"] if PG_URL else [])]
ADMIN_PASSWORD = "secret123"
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user data folder: nothing touches the real profile."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("LAOMO_HOME", str(home))
    monkeypatch.delenv("LAOMO_PASSWORD", raising=False)
    monkeypatch.delenv("LAOMO_USER", raising=False)
    monkeypatch.delenv("LAOMO_BACKUP_PASSPHRASE", raising=False)
    return home


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    db.checkpoint()
    db.dispose()
    return path


def _pg_admin_url(database: str = "postgres") -> str:
    assert PG_URL is not None
    return make_url(PG_URL).set(database=database).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    if not PG_URL:
        pytest.skip("no PostgreSQL server (LAOMO_TEST_PG_URL is not set)")
    name = f"laomo_tpl_{WORKER}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    db = Database(_pg_admin_url(name))
    db.upgrade()
    db.dispose()
    yield name
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def make_pg_database(template: str) -> tuple[Database, str]:
    name = f"laomo_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    admin.dispose()
    return Database(_pg_admin_url(name)), name


def drop_pg_database(name: str) -> None:
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty database on each backend under test."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path / "laomo.sqlite3"
        shutil.copyfile(template, path)
        database = Database(f"sqlite:///{path}")
        yield database
        database.dispose()
    else:
        pg_tpl: str = request.getfixturevalue("pg_template")
        database, name = make_pg_database(pg_tpl)
        yield database
        database.dispose()
        drop_pg_database(name)


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """SQLite only: for the file-level features (backup, restore, pragmas)."""
    path = tmp_path / "laomo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()


def initialise(database: Database, association: str = "长兴县") -> Actor:
    accounts.initialise(database.sessions, association=association, admin_name="admin",
                        admin_password=ADMIN_PASSWORD, admin_display_name="管理员")
    return accounts.AccountService(database.sessions).login("admin", ADMIN_PASSWORD)


@pytest.fixture
def admin(db: Database) -> Actor:
    """``db`` set up for 长兴县 with an administrator ``admin`` / ``secret123``, logged in."""
    return initialise(db)


VIEWER_PASSWORD = "viewer123"


@pytest.fixture
def register_url(db: Database, admin: Actor) -> str:
    """``db`` holding the small test register (tests/register_support.py) and a viewer
    ``viewer1``; its engine is closed so a ``laomo`` subprocess can use the URL."""
    from desktop.services.permissions import Role
    from tests.register_support import REGISTER, add_persons

    add_persons(db, REGISTER)
    accounts.AccountService(db.sessions).create_user(
        admin, name="viewer1", display_name="只读", role=Role.VIEWER, password=VIEWER_PASSWORD)
    db.dispose()
    return db.url


def pytest_sessionfinish() -> None:
    close_zygote()


#: Free space a memory file system needs for the tests' temporary files (a run writes ~150 MB;
#: pytest keeps the last three runs).
TMPFS_MIN_FREE = 2 << 30


def _memory_tmp() -> str | None:
    """/dev/shm when it is a tmpfs with room to spare (Linux), else None."""
    try:
        with open("/proc/mounts", encoding="utf-8") as mounts:
            if not any(line.split()[1:3] == ["/dev/shm", "tmpfs"] for line in mounts):
                return None
        free = os.statvfs("/dev/shm")
    except OSError:
        return None
    if free.f_bavail * free.f_frsize < TMPFS_MIN_FREE or not os.access("/dev/shm", os.W_OK):
        return None
    return "/dev/shm"


def pytest_configure(config: pytest.Config) -> None:
    """Temporary files (every test's databases) on a memory file system when there is one: the
    databases commit with ``synchronous=FULL``, and waiting for the disk's fsync was most of a
    small test's time (0.3–0.9 s of wall time for a register fixture, 0.03–0.17 s in memory).
    ``--basetemp`` or ``LAOMO_TEST_TMPFS=0`` keep pytest's usual place. xdist workers get their
    folders from the controller, which decides here."""
    if (config.option.basetemp or os.environ.get("PYTEST_XDIST_WORKER")
            or os.environ.get("LAOMO_TEST_TMPFS") == "0"):
        return
    memory = _memory_tmp()
    if memory is not None:
        os.environ["TMPDIR"] = memory  # also for the processes the tests start
        tempfile.tempdir = None  # gettempdir() looks again


@pytest.fixture
def run_laomo(_isolated_home: Path):  # type: ignore[no-untyped-def]
    """Run the real ``laomo`` command in its own process (forked from a zygote that has the
    modules imported, tests/laomo_process.py); returns CompletedProcess (text)."""

    def run(*args: str, password: str | None = ADMIN_PASSWORD, timeout: float = 300,
            env: dict[str, str] | None = None, **kwargs: Any,
            ) -> subprocess.CompletedProcess[str]:
        full_env = dict(os.environ)
        full_env["LAOMO_HOME"] = str(_isolated_home)
        full_env.pop("LAOMO_PASSWORD", None)
        if password is not None:
            full_env["LAOMO_PASSWORD"] = password
        full_env.update(env or {})
        return run_laomo_process(args, env=full_env, timeout=timeout, **kwargs)

    return run


@pytest.fixture(scope="session")
def demo_templates() -> Iterator[dict[tuple[str, int, int], str]]:
    """Set-up plus a demo register, generated once per session, backend, size and seed;
    ``demo_copy`` hands each test its own copy (generating 2,000 persons for each of 17 tests
    was a minute of the suite)."""
    made: dict[tuple[str, int, int], str] = {}
    yield made
    for (backend, _members, _seed), where in made.items():
        if backend == "postgresql":
            drop_pg_database(where)


def demo_copy(request: pytest.FixtureRequest, tmp_path: Path, backend: str, members: int,
              seed: int) -> Database:
    """A fresh database holding ``laomo demo --members N --seed S`` for 长兴县 (admin/secret123)."""
    from desktop.services.demo.service import DemoService

    templates: dict[tuple[str, int, int], str] = request.getfixturevalue("demo_templates")
    key = (backend, members, seed)
    if key not in templates:
        if backend == "sqlite":
            base: Path = request.getfixturevalue("sqlite_template")
            path = tmp_path.parent / f"demo-{members}-{seed}-{uuid.uuid4().hex[:6]}.sqlite3"
            shutil.copyfile(base, path)
            source = Database(f"sqlite:///{path}")
            where = str(path)
        else:
            source, where = make_pg_database(request.getfixturevalue("pg_template"))
        actor = initialise(source)
        DemoService(source.sessions, actor).generate(members, seed=seed, today=DEMO_DAY)
        if backend == "sqlite":
            source.checkpoint()
        source.dispose()
        templates[key] = where
    if backend == "sqlite":
        path = tmp_path / "laomo.sqlite3"
        shutil.copyfile(templates[key], path)
        return Database(f"sqlite:///{path}")
    database, name = make_pg_database(templates[key])
    request.addfinalizer(lambda: (database.dispose(), drop_pg_database(name)))
    return database


def login_admin(database: Database) -> Actor:
    return accounts.AccountService(database.sessions).login("admin", ADMIN_PASSWORD)
