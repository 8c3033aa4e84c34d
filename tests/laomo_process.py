"""Run the real ``laomo`` command in a child process, without paying Python's start-up for each.

Most of a ``laomo`` process's time is spent importing SQLAlchemy, the models and the services
before the command starts (about 0.5 s of CPU a call; the CLI tests make hundreds of calls: more
than half of the suite's CPU went into those imports). Each xdist worker therefore starts one
small *zygote* process that imports the modules the ``laomo`` command imports and then only
forks: every ``laomo`` call is still its own process, with its own stdin (/dev/null), stdout,
stderr, working directory, environment and ``sys.argv``; it runs the console script's code
(``sys.exit(desktop.cli.main())``), exits through the interpreter's normal shutdown (atexit,
logging), and its exit status (negative for a signal) comes back as in ``subprocess.run``.

What a fork cannot give is what a new interpreter decides at start-up: the encoding of stdout,
locale, ``PYTHON*`` settings and module-level reads of the environment (the cheap test hashes).
A call whose environment differs from the zygote's in anything but the variables ``laomo``
reads when a command runs (``RUNTIME_ENV``) is started as a fresh ``laomo`` process instead, and
so is every call when ``LAOMO_TEST_FRESH_PROCESSES=1`` is set or the platform has no ``fork``.
Tests that need the real executable's start-up (the GBK console, kills at hooked moments, the
installer's bundle) start their processes themselves.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

#: Environment variables ``laomo`` reads while a command runs (not at import time): a call may
#: set them differently from the zygote's environment and still be forked.
RUNTIME_ENV = frozenset({
    "LAOMO_HOME", "LAOMO_PASSWORD", "LAOMO_USER", "LAOMO_NEW_PASSWORD", "LAOMO_LANG",
    "LAOMO_BACKUP_PASSPHRASE",
    "PYTEST_CURRENT_TEST",
})

#: What the zygote imports before it forks: the ``laomo`` command's modules and what its
#: commands import when they run. Never Qt (the command loads the GUI only for ``--self-test``
#: or no command, and then imports it itself).
PRELOAD = (
    "desktop.cli.main", "desktop.cli.admin", "desktop.cli.members", "desktop.cli.reports",
    "desktop.cli.visits", "desktop.cli.hardship", "desktop.cli.handoff",
    "desktop.database", "desktop.services.accounts", "desktop.services.maintenance",
    "desktop.services.demo.service", "desktop.services.handoff", "desktop.services.imports",
    "desktop.services.documents", "desktop.services.visits", "desktop.services.hardship",
    "desktop.services.register", "desktop.reports", "desktop.exchange",
    "alembic.command", "alembic.config", "alembic.runtime.migration", "openpyxl", "reportlab",
)


def laomo_executable() -> list[str]:
    script = Path(sys.executable).with_name("laomo")
    return [str(script)] if script.exists() else [sys.executable, "-m", "desktop"]


# -- the zygote (runs in its own process) ------------------------------------------------------


def _preload() -> None:
    import importlib

    for name in PRELOAD:
        # a module that fails here fails the command that needs it in its own process
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    if any(name == "PySide6" or name.startswith("PySide6.") for name in sys.modules):
        raise SystemExit("laomo zygote: the preloaded modules import Qt")
    try:  # the mappers are configured at the first query of every process: once here
        from sqlalchemy.orm import configure_mappers

        configure_mappers()
    except Exception:  # the command's own first query will say what is wrong
        pass
    # Children neither collect nor tear down (at exit) what the zygote holds: without this a
    # child spent 0.3 s of CPU walking the preloaded modules' objects (and copying their pages).
    import gc

    gc.collect()
    gc.freeze()


def _serve(listener: socket.socket, lifeline: int) -> tuple[dict[str, Any], list[int]] | None:
    """Accept requests and fork a child for each. Returns in the child (with its request and
    its stdio descriptors); returns None in the zygote when the test worker has gone."""
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    os.set_blocking(wake_r, False)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.set_wakeup_fd(wake_w)
    running: dict[int, socket.socket] = {}
    while True:
        readable, _, _ = select.select([listener, wake_r, lifeline], [], [])
        if lifeline in readable and not os.read(lifeline, 1):
            for pid in running:
                os.kill(pid, signal.SIGKILL)
            return None
        if wake_r in readable:
            while True:
                try:
                    if not os.read(wake_r, 512):
                        break
                except BlockingIOError:
                    break
        _report_exits(running)
        if listener in readable:
            try:
                conn, _ = listener.accept()
            except BlockingIOError:
                continue
            conn.setblocking(True)
            data, fds, _, _ = socket.recv_fds(conn, 1 << 20, 3)
            if len(fds) != 3 or not data:
                for fd in fds:
                    os.close(fd)
                conn.close()
                continue
            request = json.loads(data)
            pid = os.fork()
            if pid == 0:  # the child: leave everything of the zygote behind
                signal.set_wakeup_fd(-1)
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                for sock in (listener, conn, *running.values()):
                    sock.close()
                for fd in (wake_r, wake_w, lifeline):
                    os.close(fd)
                return request, fds
            for fd in fds:
                os.close(fd)
            running[pid] = conn
            conn.sendall(f"pid {pid}".encode())
            _report_exits(running)  # a child that ended before it was registered


def _report_exits(running: dict[int, socket.socket]) -> None:
    while running:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        conn = running.pop(pid, None)
        if conn is not None:
            with contextlib.suppress(OSError):  # the test side gave up (timeout)
                conn.sendall(f"exit {os.waitstatus_to_exitcode(status)}".encode())
            conn.close()


def _become_laomo(request: dict[str, Any], fds: list[int]) -> None:
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = list(request["argv"])
    sys.path.insert(0, os.path.dirname(sys.argv[0]))  # as for the console script
    # What the console script does (see the ``laomo`` file pip writes):
    from desktop.cli import main

    sys.argv[0] = sys.argv[0].removesuffix(".exe")
    sys.exit(main())


def zygote_main(socket_path: str, lifeline: int) -> None:
    del sys.path[0]  # this file's folder is not on a ``laomo`` process's path
    _preload()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    listener.bind(socket_path)
    listener.listen(16)
    listener.setblocking(False)
    os.write(1, b"ready\n")
    child = _serve(listener, lifeline)
    if child is None:
        return
    _become_laomo(*child)


# -- the test side ---------------------------------------------------------------------------


class _Zygote:
    def __init__(self) -> None:
        self.env = dict(os.environ)
        self.folder = tempfile.mkdtemp(prefix="laomo-zygote-")
        self.path = os.path.join(self.folder, "s")
        lifeline_r, self._lifeline_w = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, __file__, self.path, str(lifeline_r)], env=self.env,
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, pass_fds=(lifeline_r,),
            cwd=self.folder)
        os.close(lifeline_r)
        assert self.process.stdout is not None
        ready = self.process.stdout.readline()
        if ready != b"ready\n":
            raise RuntimeError(f"the laomo zygote did not start (exit {self.process.wait()})")

    def forkable(self, env: Mapping[str, str]) -> bool:
        keys = (set(env) | set(self.env)) - RUNTIME_ENV
        return self.process.poll() is None and all(
            env.get(k) == self.env.get(k) for k in keys)

    def run(self, argv: list[str], env: Mapping[str, str], timeout: float | None,
            cwd: str | None) -> tuple[int, bytes, bytes]:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
                open(os.devnull, "rb") as stdin, \
                socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET) as conn:
            conn.connect(self.path)
            request = {"argv": argv, "env": dict(env), "cwd": cwd or os.getcwd()}
            socket.send_fds(conn, [json.dumps(request).encode()],
                            [stdin.fileno(), out.fileno(), err.fileno()])
            pid = int(conn.recv(64).decode().removeprefix("pid "))
            conn.settimeout(timeout)
            try:
                answer = conn.recv(64)
            except TimeoutError:
                os.kill(pid, signal.SIGKILL)
                conn.settimeout(30)
                conn.recv(64)
                out.seek(0)
                err.seek(0)
                raise subprocess.TimeoutExpired(argv, timeout or 0, out.read(),
                                                err.read()) from None
            code = int(answer.decode().removeprefix("exit "))
            out.seek(0)
            err.seek(0)
            return code, out.read(), err.read()

    def close(self) -> None:
        os.close(self._lifeline_w)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        if self.process.stdout is not None:
            self.process.stdout.close()
        for name in os.listdir(self.folder):
            os.unlink(os.path.join(self.folder, name))
        os.rmdir(self.folder)


_zygote: _Zygote | None = None
_starting = threading.Lock()  # tests that run two laomo commands at once, from threads


def _the_zygote() -> _Zygote | None:
    global _zygote
    if os.environ.get("LAOMO_TEST_FRESH_PROCESSES") == "1" or not hasattr(os, "fork"):
        return None
    if len(laomo_executable()) != 1:  # no console script: ``python -m desktop``
        return None
    with _starting:
        if _zygote is None or _zygote.process.poll() is not None:
            _zygote = _Zygote()
        return _zygote


def close_zygote() -> None:
    global _zygote
    if _zygote is not None:
        _zygote.close()
        _zygote = None


def _text(data: bytes) -> str:
    """As ``subprocess.run(text=True)`` decodes: the locale's encoding, universal newlines."""
    import locale

    encoding = locale.getpreferredencoding(False)
    return data.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")


def run_laomo_process(args: Sequence[str], *, env: Mapping[str, str], timeout: float | None,
                      text: bool = True, cwd: str | os.PathLike[str] | None = None,
                      **popen: Any) -> subprocess.CompletedProcess[Any]:
    """``subprocess.run([laomo, *args], capture_output=True, stdin=DEVNULL, ...)``, forked from
    the zygote when that gives the same process (see the module's docstring). Other
    ``subprocess`` arguments (``preexec_fn``, ...) start a fresh process with them."""
    cmd = [*laomo_executable(), *args]
    zygote = _the_zygote()
    if zygote is None or popen or not zygote.forkable(env):
        return subprocess.run(cmd, capture_output=True, text=text, timeout=timeout, env=env,
                              cwd=cwd, stdin=subprocess.DEVNULL, **popen)
    try:
        code, out, err = zygote.run(cmd, env, timeout, None if cwd is None else os.fspath(cwd))
    except subprocess.TimeoutExpired as exc:
        if text:
            exc.output = _text(exc.output or b"")
            exc.stderr = _text(exc.stderr or b"")
        raise
    if text:
        return subprocess.CompletedProcess(cmd, code, _text(out), _text(err))
    return subprocess.CompletedProcess(cmd, code, out, err)


if __name__ == "__main__":
    zygote_main(sys.argv[1], int(sys.argv[2]))
