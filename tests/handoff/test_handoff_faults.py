"""The handoff under faults (issue 11, "Bad input and faults"): ``laomo handoff export``,
``import`` and ``merge`` killed with SIGKILL at hooked moments (tests/handoff/kill_child.py)
leave no package under its name, nothing staged or half merged, and a database that
``laomo check`` passes; the next run works. A full USB stick and a read-only target give a
clear message, exit 1 and no file."""

from __future__ import annotations

import datetime as dt
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core import idnumber
from desktop.models import HandoffPackage, HandoffUndo, Person
from desktop.services import maintenance
from tests.conftest import ADMIN_PASSWORD
from tests.handoff.support import REVIEWER_PASSWORD, Office, enrol, make_office
from tests.handoff.test_handoff_flow import person

ROOT = Path(__file__).resolve().parents[2]
PERSONS = 12


def ids(n: int) -> str:
    return idnumber.make("330522", dt.date(1950 + n % 40, 1 + n % 12, 1 + n % 28), 11 + 2 * n)


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path
            ) -> Iterator[tuple[Office, Office]]:
    root = tmp_path_factory.mktemp("faults")
    city = make_office(root, sqlite_template, "湖州市")
    county = make_office(root, sqlite_template, "长兴县")
    enrol(city, county)
    for n in range(PERSONS):
        county.persons().create(person("劳模" + "甲乙丙丁戊己庚辛壬癸子丑"[n], "长兴县", ids(n)))
    city.db.dispose()
    county.db.dispose()
    yield city, county
    city.db.dispose()
    county.db.dispose()


def laomo(office: Office, moment: str | None, *args: str, user: str = "admin",
          preexec_fn: Callable[[], object] | None = None) -> subprocess.CompletedProcess[str]:
    """``laomo --db … ARGS`` for an office (its data folder holds its keys), killed with
    SIGKILL at ``moment`` when one is given."""
    assert office.db.sqlite_path is not None
    env = dict(os.environ, PYTHONPATH=str(ROOT), LAOMO_HOME=str(office.keys.parent),
               LAOMO_PASSWORD=REVIEWER_PASSWORD if user == "reviewer" else ADMIN_PASSWORD)
    command = ["--db", str(office.db.sqlite_path), "--user", user, *args]
    head = [sys.executable, "-m", "tests.handoff.kill_child", moment] if moment else \
        [sys.executable, "-m", "desktop"]
    return subprocess.run([*head, *command], capture_output=True, text=True, timeout=120,
                          env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
                          preexec_fn=preexec_fn)


def killed(done: subprocess.CompletedProcess[str]) -> bool:
    return done.returncode == -signal.SIGKILL


def checks_pass(office: Office) -> None:
    report = maintenance.run_checks(office.db)
    assert report.ok, report.items
    office.db.dispose()


def test_kill_during_export_leaves_no_package(offices: tuple[Office, Office],
                                              tmp_path: Path) -> None:
    _city, county = offices
    out = tmp_path / "usb" / "长兴县-2026Q4.lmpkg"
    out.parent.mkdir()
    with county.db.sessions.begin() as s:
        sent = s.scalar(select(func.count()).select_from(HandoffPackage)) or 0
    for moment in ("export.reading", "export.written", "export.recorded"):
        done = laomo(county, moment, "handoff", "export", "--quarter", "2026Q4",
                     "--out", str(out))
        assert killed(done), (moment, done.returncode, done.stderr)
        assert not out.exists(), moment
        # at most a hidden temporary file, which no one takes for a package
        assert all(p.name.startswith(".") and p.name.endswith(".part")
                   for p in out.parent.iterdir()), list(out.parent.iterdir())
        with county.db.sessions.begin() as s:
            states = s.scalars(select(HandoffPackage.state).offset(sent)).all()
        # the ledger knows every package that could exist: only the last moment, after
        # the ledger was committed and before the rename, leaves a row (without a file)
        assert states == (["sent"] if moment == "export.recorded" else []), (moment, states)
        checks_pass(county)
    done = laomo(county, None, "handoff", "export", "--quarter", "2026Q4", "--out", str(out))
    assert done.returncode == 0, done.stderr
    with county.db.sessions.begin() as s:
        ledger = s.execute(select(HandoffPackage.sequence, HandoffPackage.state)
                           .order_by(HandoffPackage.sequence)).all()
    assert ledger[sent:] == [(sent + 1, "superseded"), (sent + 2, "sent")]
    assert laomo(county, None, "check").returncode == 0


def _received(city: Office) -> tuple[int, int, int]:
    with city.db.sessions.begin() as s:
        result = (s.scalar(select(func.count()).select_from(HandoffPackage)) or 0,
                  s.scalar(select(func.count()).select_from(Person)) or 0,
                  s.scalar(select(func.count()).select_from(HandoffUndo)) or 0)
    city.db.dispose()
    return result


def test_kill_during_import_and_merge_leaves_nothing_half_done(
        offices: tuple[Office, Office], tmp_path: Path) -> None:
    city, county = offices
    package = tmp_path / "长兴县.lmpkg"
    assert laomo(county, None, "handoff", "export", "--quarter", "2026Q4",
                 "--out", str(package)).returncode == 0
    assert _received(city) == (0, 0, 0)
    for moment in ("import.checking", "import.staging"):
        done = laomo(city, moment, "handoff", "import", str(package))
        assert killed(done), (moment, done.returncode, done.stderr)
        assert _received(city) == (0, 0, 0), moment
        checks_pass(city)
    done = laomo(city, "random:1.5", "handoff", "import", str(package))
    assert killed(done) or done.returncode == 0, done.stderr
    # killed at a random moment: before the commit (nothing) or after it (staged), never between
    staged = _received(city)[0]
    assert staged == 1 or done.returncode != 0
    assert _received(city) == (staged, 0, 0)
    checks_pass(city)
    if not staged:
        assert laomo(city, None, "handoff", "import", str(package)).returncode == 0
    with city.db.sessions.begin() as s:
        package_id = s.scalar(select(HandoffPackage.id))
    city.db.dispose()

    for moment in ("merge.rows", "merge.written", "random:1.5"):
        done = laomo(city, moment, "handoff", "merge", str(package_id), user="reviewer")
        if moment.startswith("random") and done.returncode == 0:
            break  # finished before the timer: the merge below must say it is merged
        assert killed(done), (moment, done.returncode, done.stderr)
        with city.db.sessions.begin() as s:
            state = s.get(HandoffPackage, package_id).state  # type: ignore[union-attr]
        if moment.startswith("random") and state == "merged":
            checks_pass(city)  # killed after the commit: wholly merged
            break
        assert state == "staged", moment
        assert _received(city) == (1, 0, 0), moment  # no person, no undo list: nothing half
        checks_pass(city)
    else:
        done = laomo(city, None, "handoff", "merge", str(package_id), user="reviewer")
        assert done.returncode == 0, done.stderr
    assert _received(city)[1] == PERSONS
    assert laomo(city, None, "check").returncode == 0


ROOM = 2048  # bytes left on the full stick; a package of a dozen persons is several times that


def _tiny_file_limit() -> None:
    """In the child: files may not grow past ROOM bytes, as on a full USB stick (EFBIG
    instead of SIGXFSZ)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (ROOM, ROOM))


@pytest.fixture
def tiny_stick(tmp_path: Path) -> Iterator[tuple[Path, Callable[[], None] | None]]:
    """A nearly full USB stick: a real 64 KiB tmpfs filled up to a few KiB where this may
    mount one (root), else a file-size limit in the child."""
    stick = tmp_path / "stick"
    stick.mkdir()
    if os.geteuid() == 0 and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(stick)],
            capture_output=True).returncode == 0:
        try:
            filler = stick / "照片.jpg"
            with filler.open("wb", buffering=0) as f:
                try:
                    while True:
                        f.write(b"\0" * 4096)
                except OSError:
                    pass
            os.truncate(filler, filler.stat().st_size - 4096)  # one page left
            yield stick, None
        finally:
            subprocess.run(["umount", str(stick)], check=False)
        return
    yield stick, _tiny_file_limit


@pytest.fixture
def read_only_stick(tmp_path: Path) -> Iterator[Path]:
    stick = tmp_path / "ro"
    stick.mkdir()
    if os.geteuid() != 0:
        stick.chmod(0o555)
        yield stick
        stick.chmod(0o755)
        return
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=16k", "tmpfs", str(stick)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot make a read-only folder as root without mounting one")
    try:
        yield stick
    finally:
        subprocess.run(["umount", str(stick)], check=False)


def test_a_full_stick_and_a_read_only_one_say_so(
        offices: tuple[Office, Office], tiny_stick: tuple[Path, Callable[[], None] | None],
        read_only_stick: Path) -> None:
    _city, county = offices
    stick, limit = tiny_stick
    with county.db.sessions.begin() as s:
        before = s.scalar(select(func.count()).select_from(HandoffPackage))
    county.db.dispose()
    out = stick / "长兴县.lmpkg"
    done = laomo(county, None, "handoff", "export", "--quarter", "2026Q4", "--out", str(out),
                 preexec_fn=limit)
    assert done.returncode == 1, done.stderr
    assert "已满" in done.stderr and str(out) in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert [p.name for p in stick.iterdir()] in ([], ["照片.jpg"])
    done = laomo(county, None, "handoff", "export", "--quarter", "2026Q4",
                 "--out", str(read_only_stick / "长兴县.lmpkg"))
    assert done.returncode == 1, done.stderr
    assert "只读" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert list(read_only_stick.iterdir()) == []
    with county.db.sessions.begin() as s:  # a package that was never written is not sent
        assert s.scalar(select(func.count()).select_from(HandoffPackage)) == before
    county.db.dispose()
