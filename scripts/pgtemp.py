#!/usr/bin/env python3
"""A throw-away PostgreSQL server for the test run (standard library only).

    with temp_postgres() as url:   # postgresql+psycopg://postgres@127.0.0.1:PORT/postgres
        ...

The server lives in a fresh temporary directory (data + unix socket), listens on a free
127.0.0.1 port with trust authentication, and is stopped (``pg_ctl stop -m immediate``) and
deleted afterwards, also on errors and Ctrl-C. PostgreSQL refuses to run as root, so as root
the directory belongs to the ``postgres`` system user (or a ``laomo-pg`` system user created
for the purpose) and initdb / pg_ctl run through ``runuser -u USER --``.

Run this file directly to check that it works: it starts a server, prints
``SELECT version()`` and stops it again.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

SUPERUSER = "postgres"
FALLBACK_OS_USER = "laomo-pg"
START_TIMEOUT = 90.0


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries (initdb, pg_ctl) were found."""


def _version_key(path: Path) -> tuple[int, ...]:
    # /usr/lib/postgresql/<version>/bin
    return tuple(int(n) for n in re.findall(r"\d+", path.parent.name)) or (0,)


def find_bin_dir() -> Path | None:
    """Directory holding initdb and pg_ctl: newest Debian cluster version first, then PATH."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_version_key, reverse=True)
    for name in ("initdb", "pg_ctl"):
        found = shutil.which(name)
        if found:
            candidates.append(Path(found).resolve().parent)
    for directory in candidates:
        if all(os.access(directory / tool, os.X_OK) for tool in ("initdb", "pg_ctl")):
            return directory
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _os_user_for_root() -> str:
    """The unprivileged system user that runs the server when we are root."""
    for name in (SUPERUSER, FALLBACK_OS_USER):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    useradd = shutil.which("useradd") or "/usr/sbin/useradd"
    subprocess.run(
        [useradd, "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
         FALLBACK_OS_USER],
        stdin=subprocess.DEVNULL,
        check=True,
        timeout=60,
    )
    return FALLBACK_OS_USER


def _log(message: str) -> None:
    print(f"[pgtemp] {message}", file=sys.stderr, flush=True)


class _Server:
    def __init__(self, bin_dir: Path, root_dir: Path, run_as: str | None) -> None:
        self.bin_dir = bin_dir
        self.root_dir = root_dir
        self.data_dir = root_dir / "data"
        self.log_file = root_dir / "server.log"
        self.run_as = run_as
        self.started = False

    def _cmd(self, tool: str, *args: str) -> list[str]:
        cmd = [os.fspath(self.bin_dir / tool), *args]
        if self.run_as is not None:
            runuser = shutil.which("runuser") or "/usr/sbin/runuser"
            cmd = [runuser, "-u", self.run_as, "--", *cmd]
        return cmd

    def _run(self, tool: str, *args: str, timeout: float) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, LC_ALL="C", LANG="C")
        for var in ("PGDATA", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGPASSWORD"):
            env.pop(var, None)
        return subprocess.run(
            self._cmd(tool, *args),
            cwd=self.root_dir,  # the server user may not be able to read our cwd
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def _server_log(self) -> str:
        try:
            return self.log_file.read_text(encoding="utf-8", errors="replace")[-4000:]
        except OSError:
            return "(no server log)"

    def initdb(self) -> None:
        result = self._run(
            "initdb",
            "-D", os.fspath(self.data_dir),
            "-U", SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync",
            timeout=180,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"initdb failed ({result.returncode}):\n{result.stdout}{result.stderr}"
            )

    def start(self, port: int, timeout: float) -> None:
        options = " ".join(
            shlex.quote(o)
            for o in (
                "-h", "127.0.0.1",
                "-p", str(port),
                "-k", os.fspath(self.root_dir),
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "max_connections=200",
            )
        )
        result = self._run(
            "pg_ctl",
            "-D", os.fspath(self.data_dir),
            "-l", os.fspath(self.log_file),
            "-o", options,
            "-w",
            "-t", str(int(timeout)),
            "start",
            timeout=timeout + 30,
        )
        self.started = True  # even on failure: a half-started postmaster must be stopped
        if result.returncode != 0:
            raise RuntimeError(
                f"pg_ctl start failed ({result.returncode}):\n{result.stdout}{result.stderr}\n"
                f"--- server log ---\n{self._server_log()}"
            )

    def wait_ready(self, port: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        pg_isready = self.bin_dir / "pg_isready"
        while True:
            if pg_isready.exists():
                ok = subprocess.run(
                    [os.fspath(pg_isready), "-q", "-h", "127.0.0.1", "-p", str(port),
                     "-U", SUPERUSER, "-d", "postgres", "-t", "5"],
                    stdin=subprocess.DEVNULL,
                    capture_output=True,
                    timeout=30,
                    check=False,
                ).returncode == 0
            else:
                with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
                    sock.settimeout(2)
                    ok = sock.connect_ex(("127.0.0.1", port)) == 0
            if ok:
                return
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"PostgreSQL did not become ready within {timeout:.0f} s\n"
                    f"--- server log ---\n{self._server_log()}"
                )
            time.sleep(0.3)

    def stop(self) -> None:
        if not self.started:
            return
        try:
            self._run(
                "pg_ctl", "-D", os.fspath(self.data_dir), "-m", "immediate", "-w", "-t", "30",
                "stop", timeout=60,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            _log(f"pg_ctl stop failed: {exc}")
        self._kill_leftover()

    def _kill_leftover(self) -> None:
        """If the postmaster survived pg_ctl stop, kill it by the pid in postmaster.pid."""
        try:
            pid = int((self.data_dir / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return
        for sig in (signal.SIGQUIT, signal.SIGKILL):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                return
            except PermissionError:
                _log(f"cannot signal leftover postmaster {pid}")
                return
            time.sleep(1.0)


@contextlib.contextmanager
def temp_postgres(timeout: float = START_TIMEOUT, bin_dir: Path | None = None) -> Iterator[str]:
    """Start a throw-away PostgreSQL server and yield its SQLAlchemy URL.

    Raises PostgresUnavailable when no server binaries are installed.
    """
    bin_dir = bin_dir or find_bin_dir()
    if bin_dir is None:
        raise PostgresUnavailable(
            "PostgreSQL server binaries (initdb, pg_ctl) not found; "
            "install the Debian package 'postgresql'"
        )
    run_as = _os_user_for_root() if os.geteuid() == 0 else None
    # As root use /tmp: $TMPDIR might be inside /root, which the server user cannot enter.
    # Keep the path short, the unix socket path is limited to ~100 bytes.
    parent = "/tmp" if run_as is not None or len(tempfile.gettempdir()) > 60 else None
    root_dir = Path(tempfile.mkdtemp(prefix="laomo-pg-", dir=parent))
    server = _Server(bin_dir, root_dir, run_as)
    try:
        if run_as is not None:
            entry = pwd.getpwnam(run_as)
            os.chown(root_dir, entry.pw_uid, entry.pw_gid)
        os.chmod(root_dir, 0o700)
        server.initdb()
        for attempt in range(3):
            port = free_port()
            try:
                server.start(port, timeout)
                break
            except RuntimeError:
                server.stop()
                server.started = False
                if attempt == 2:
                    raise
                _log(f"start on port {port} failed, retrying on another port")
        server.wait_ready(port, timeout)
        yield f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/postgres"
    finally:
        server.stop()
        shutil.rmtree(root_dir, ignore_errors=True)


def _query_version(bin_dir: Path, url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    psql = bin_dir / "psql"
    if not psql.exists() and shutil.which("psql"):
        psql = Path(shutil.which("psql") or "psql")
    if psql.exists():
        result = subprocess.run(
            [os.fspath(psql), "-X", "-A", "-t", "-h", parts.hostname or "127.0.0.1",
             "-p", str(parts.port), "-U", parts.username or SUPERUSER, "-d", "postgres",
             "-c", "SELECT version()"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return result.stdout.strip()
    venv_python = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "python"
    code = (
        "import sys, psycopg\n"
        "with psycopg.connect(sys.argv[1]) as c:\n"
        "    print(c.execute('SELECT version()').fetchone()[0])\n"
    )
    dsn = url.replace("postgresql+psycopg://", "postgresql://", 1)
    result = subprocess.run(
        [os.fspath(venv_python), "-c", code, dsn],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def main(argv: Sequence[str] = ()) -> int:
    bin_dir = find_bin_dir()
    if bin_dir is None and os.geteuid() == 0:
        sys.path.insert(0, os.fspath(Path(__file__).resolve().parent))
        import _bootstrap

        _bootstrap.ensure_debs(["postgresql"], "PostgreSQL server")
        bin_dir = find_bin_dir()
    if bin_dir is None:
        _log("PostgreSQL server binaries not found (apt install postgresql)")
        return 1
    _log(f"using {bin_dir}")
    started = time.monotonic()
    with temp_postgres(bin_dir=bin_dir) as url:
        _log(f"ready after {time.monotonic() - started:.1f} s: {url}")
        print(_query_version(bin_dir, url), flush=True)
    _log("stopped and removed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
