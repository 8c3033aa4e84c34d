"""Shared set-up helpers for scripts/start.py and scripts/test.py (standard library only).

Everything here is safe to run again and again: the virtual environment at <repo>/.venv is
created once and reused, pip only runs when pyproject.toml (or the requested extras) changed,
and Debian packages are only installed when running as root and something is actually missing.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".venv"
VENV_BIN = VENV / "bin"
VENV_PYTHON = VENV_BIN / "python"
MARKER = VENV / ".laomo-installed"
MIN_PYTHON = (3, 11)

# Shared libraries that PySide6's wheel loads but does not ship (checked with ldd/objdump on
# Qt/lib/libQt6{Core,Gui,Widgets,XcbQpa,DBus,Network,PrintSupport}.so.6 and on the
# platforms/libqxcb.so, platforms/libqoffscreen.so, xcbglintegrations/*.so and
# printsupport/libcupsprintersupport.so plugins; on a clean Debian 12 these leave only optional
# plugins unloadable: the GTK3 theme and database drivers we do not use). Qt 6 no longer
# links libxcb-xinerama0.
QT_RUNTIME_DEBS: tuple[str, ...] = (
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libglib2.0-0",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-glx0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libwayland-cursor0",  # platforms/libqwayland.so (native Wayland sessions)
    "libwayland-egl1",
    "libgssapi-krb5-2",  # QtNetwork
    "libcups2",  # Qt's CUPS print-support plugin (printer list in print dialogs)
)
# TrueType CJK fonts so that Chinese text renders (in the GUI and in reportlab PDFs): WenQuanYi
# Micro Hei for the common characters, and Hanazono (HanaMinA/HanaMinB: CJK Extension A and B,
# 𠮷 U+20BB7) for rare characters in names, which the demo register has (tests/test_demo.py).
FONT_DEBS: tuple[str, ...] = ("fonts-wqy-microhei", "fonts-hanazono")
APP_DEBS: tuple[str, ...] = QT_RUNTIME_DEBS + FONT_DEBS
TEST_DEBS: tuple[str, ...] = (
    *APP_DEBS,
    "poppler-utils",  # pdftotext / pdftoppm for checking generated reports
    "zbar-tools",  # zbarimg: the QR codes on printed certificates decode back to serial + hash
    "xvfb",
    "xauth",
    "postgresql",  # server binaries for the throw-away test database (scripts/pgtemp.py)
    "fontconfig",  # fc-list / fc-match
    "age",  # the standard age tool opens a handoff package (tests/handoff/test_package.py)
)

APT_TIMEOUT = 45 * 60
PIP_TIMEOUT = 45 * 60

_apt_updated = False


# --------------------------------------------------------------------------- output helpers


def say(message: str) -> None:
    print(message, flush=True)


def warn(message: str) -> None:
    print(f"!! 警告 / WARNING: {message}", file=sys.stderr, flush=True)


def fail(message: str, code: int = 1) -> SystemExit:
    """Print an error and return a SystemExit to ``raise``."""
    print(f"!! 错误 / ERROR: {message}", file=sys.stderr, flush=True)
    return SystemExit(code)


def header(title: str) -> None:
    line = "=" * 78
    print(f"\n{line}\n==> {title}\n{line}", flush=True)


def check_python() -> None:
    if sys.version_info < MIN_PYTHON:
        need = ".".join(map(str, MIN_PYTHON))
        raise fail(
            f"需要 Python {need} 或更高版本，当前为 {sys.version.split()[0]}。\n"
            f"   Python >= {need} is required, this is {sys.version.split()[0]}."
        )


def is_root() -> bool:
    return os.geteuid() == 0


def _descendants(pid: int) -> list[int]:
    """All processes below ``pid`` (read from /proc), children before grandchildren."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rpartition(")")[2].split()
        if len(fields) > 1:
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    result: list[int] = []
    queue = [pid]
    while queue:
        for child in children.get(queue.pop(0), []):
            result.append(child)
            queue.append(child)
    return result


def kill_tree(proc: subprocess.Popen[bytes], grace: float = 5.0) -> None:
    """Terminate ``proc`` and everything it started (e.g. pytest-xdist workers)."""
    pids = [proc.pid, *_descendants(proc.pid)]
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=grace)
        pids = [p for p in pids if Path(f"/proc/{p}").exists()]
        if not pids:
            return


def run(
    cmd: Sequence[str | os.PathLike[str]],
    *,
    cwd: str | os.PathLike[str] | None = None,
    env: dict[str, str] | None = None,
    timeout: float | None = None,
) -> int:
    """Run a command, inheriting stdout/stderr, never reading stdin. Returns the exit code.

    On timeout the command and all its descendants are killed and 124 is returned; a death
    by signal N is reported as 128 + N, like a shell does.
    """
    args = [os.fspath(c) for c in cmd]
    try:
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, cwd=cwd, env=env)
    except FileNotFoundError:
        warn(f"找不到命令 / command not found: {args[0]}")
        return 127
    try:
        code = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        warn(f"命令超时 / command timed out after {timeout:.0f} s, killing it: {' '.join(args)}")
        kill_tree(proc)
        return 124
    except KeyboardInterrupt:
        # The child got the SIGINT too: let it finish its clean-up, then make sure.
        with contextlib.suppress(subprocess.TimeoutExpired, KeyboardInterrupt):
            proc.wait(timeout=15)
        kill_tree(proc)
        raise
    except BaseException:  # SystemExit raised by a SIGTERM handler
        kill_tree(proc)
        raise
    return 128 - code if code < 0 else code


# --------------------------------------------------------------------------- Debian packages


def missing_debs(packages: Iterable[str]) -> list[str]:
    """The packages of ``packages`` that dpkg does not report as installed."""
    wanted = list(dict.fromkeys(packages))
    if not wanted:
        return []
    if shutil.which("dpkg-query") is None:
        return []  # not a Debian system: nothing we can check or install
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${Status}\n", *wanted],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    installed = set()
    for line in result.stdout.splitlines():
        name, _, status = line.partition(" ")
        if status.strip() == "install ok installed":
            installed.add(name.split(":")[0])
    return [p for p in wanted if p not in installed]


def _apt_get(*args: str) -> int:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive", NEEDRESTART_MODE="a")
    cmd = [
        "apt-get",
        "-q",
        "-o",
        "Acquire::Retries=3",
        "-o",
        "DPkg::Lock::Timeout=300",
        *args,
    ]
    say(f"$ {' '.join(cmd)}")
    return run(cmd, env=env, timeout=APT_TIMEOUT)


def apt_install(packages: Sequence[str]) -> bool:
    """apt-get update (once per process) and install ``packages``. Needs root."""
    global _apt_updated
    if shutil.which("apt-get") is None:
        warn("没有 apt-get，无法安装系统软件包 / apt-get not found, cannot install packages")
        return False
    if not _apt_updated:
        if _apt_get("update") != 0:
            warn("apt-get update 失败 / apt-get update failed; trying the install anyway")
        _apt_updated = True
    return _apt_get("install", "-y", "--no-install-recommends", *packages) == 0


def ensure_debs(packages: Iterable[str], purpose: str) -> list[str]:
    """Make sure the Debian ``packages`` are installed.

    As root, missing ones are installed with apt-get; otherwise a warning names them.
    Returns the packages that are still missing afterwards.
    """
    missing = missing_debs(packages)
    if not missing:
        return []
    if not is_root():
        warn(
            f"缺少系统软件包（{purpose}）/ missing Debian packages ({purpose}):\n"
            f"   {' '.join(missing)}\n"
            f"   请运行 / please run:  sudo apt install {' '.join(missing)}\n"
            "   继续运行，但可能会出错 / carrying on, but things may fail."
        )
        return missing
    say(f"正在安装系统软件包 / installing Debian packages ({purpose}): {' '.join(missing)}")
    if not apt_install(missing):
        warn(f"apt-get install 失败 / apt-get install failed: {' '.join(missing)}")
    still = missing_debs(missing)
    if still:
        warn(f"仍然缺少 / still missing: {' '.join(still)}")
    return still


# --------------------------------------------------------------------------- virtualenv


@contextlib.contextmanager
def _bootstrap_lock() -> Iterator[None]:
    """Serialise venv creation / pip between concurrent runs in the same checkout."""
    key = hashlib.sha256(os.fsencode(REPO)).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"laomo-bootstrap-{os.getuid()}-{key}.lock"
    try:
        fh = open(path, "a+b")  # noqa: SIM115 - closed below
    except OSError:
        yield  # cannot lock: go on without
        return
    with fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say("等待另一个安装进程 / waiting for another set-up run in this checkout ...")
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _venv_python_ok() -> bool:
    if not VENV_PYTHON.exists():
        return False
    probe = (
        "import sys, pip; "
        f"sys.exit(0 if sys.version_info >= {MIN_PYTHON!r} else 3)"
    )
    try:
        result = subprocess.run(
            [os.fspath(VENV_PYTHON), "-c", probe],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def _ensurepip_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("ensurepip") is not None


def _create_venv() -> bool:
    if VENV.exists():
        shutil.rmtree(VENV, ignore_errors=True)
    say(f"正在创建虚拟环境 / creating virtual environment: {VENV}")
    code = run([sys.executable, "-m", "venv", os.fspath(VENV)], timeout=600)
    if code == 0 and _venv_python_ok():
        # Debian 12's bundled pip is 23.0; a current one builds everything with PEP 517.
        upgrade = [os.fspath(VENV_PYTHON), "-m", "pip", "install", "--quiet"]
        if run([*upgrade, "--disable-pip-version-check", "--upgrade", "pip"], timeout=600):
            warn("pip 升级失败，继续使用自带版本 / could not upgrade pip, using the bundled one")
        return True
    shutil.rmtree(VENV, ignore_errors=True)  # Debian leaves a half-made venv without pip
    return False


def _no_venv_error() -> SystemExit:
    return fail(
        "无法创建 Python 虚拟环境：缺少 python3-venv。请先运行：\n"
        "       sudo apt install python3-venv\n"
        "   然后重新运行本命令。\n"
        "   Cannot create the Python virtual environment: python3-venv is missing.\n"
        "   Please run:  sudo apt install python3-venv  and then run this command again."
    )


def ensure_venv() -> None:
    """Create <repo>/.venv unless a working one (Python >= 3.11 with pip) is there."""
    if MARKER.exists() and VENV_PYTHON.exists():
        return  # fast path: set up by an earlier run
    if _venv_python_ok():
        return
    if VENV.exists():
        say(f"虚拟环境不完整，重新创建 / {VENV} is incomplete, re-creating it")
    if not _ensurepip_available():
        # Debian's python3 has no ensurepip without python3-venv: install it first.
        if not is_root():
            raise _no_venv_error()
        ensure_debs(["python3-venv"], "python3 -m venv")
    if _create_venv():
        return
    if is_root() and missing_debs(["python3-venv"]):
        ensure_debs(["python3-venv"], "python3 -m venv")
        if _create_venv():
            return
    if not is_root() and missing_debs(["python3-venv"]):
        raise _no_venv_error()
    raise fail(
        f"无法创建虚拟环境 / could not create the virtual environment at {VENV} "
        f"with {sys.executable} -m venv (see the messages above)."
    )


def _pyproject_hash() -> str:
    return hashlib.sha256((REPO / "pyproject.toml").read_bytes()).hexdigest()


def _read_marker() -> tuple[str, set[str]]:
    try:
        data = json.loads(MARKER.read_text(encoding="utf-8"))
        return str(data["pyproject_sha256"]), set(data["extras"])
    except (OSError, ValueError, KeyError, TypeError):
        return "", set()


def ensure_installed(extras: Sequence[str] = ()) -> None:
    """pip install -e <repo>[extras] into the venv unless already done for this pyproject."""
    wanted = set(extras)
    digest = _pyproject_hash()
    done_digest, done_extras = _read_marker()
    entry_point = VENV_BIN / "laomo"
    if done_digest == digest and wanted <= done_extras and entry_point.exists():
        return
    # Same pyproject: extras installed earlier are still there, keep recording them.
    record = wanted | done_extras if done_digest == digest else wanted
    spec = "." + (f"[{','.join(sorted(wanted))}]" if wanted else "")
    say(
        f"正在安装依赖（首次运行需要几分钟）/ installing dependencies: pip install -e {spec}"
        " (the first run takes a few minutes)"
    )
    MARKER.unlink(missing_ok=True)
    started = time.monotonic()
    code = run(
        [
            os.fspath(VENV_PYTHON),
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--quiet",
            "-e",
            spec,
        ],
        cwd=REPO,
        timeout=PIP_TIMEOUT,
    )
    if code != 0:
        raise fail(f"pip install -e {spec} 失败 / failed (exit code {code})", code or 1)
    MARKER.write_text(
        json.dumps({"pyproject_sha256": digest, "extras": sorted(record)}) + "\n",
        encoding="utf-8",
    )
    say(f"依赖安装完成 / dependencies installed ({time.monotonic() - started:.0f} s)")


def bootstrap(extras: Sequence[str], debs: Sequence[str], purpose: str) -> None:
    """Everything start.py / test.py need before they can run anything from the venv."""
    check_python()
    if not _ensurepip_available() and not (MARKER.exists() and VENV_PYTHON.exists()):
        debs = [*debs, "python3-venv"]  # one apt transaction instead of two
    ensure_debs(debs, purpose)
    with _bootstrap_lock():
        ensure_venv()
        ensure_installed(extras)


def venv_env(**extra: str) -> dict[str, str]:
    """os.environ with the venv activated (its bin/ first on PATH)."""
    env = dict(os.environ)
    env["VIRTUAL_ENV"] = os.fspath(VENV)
    env["PATH"] = os.pathsep.join([os.fspath(VENV_BIN), env.get("PATH", os.defpath)])
    env.pop("PYTHONHOME", None)
    env.update(extra)
    return env
