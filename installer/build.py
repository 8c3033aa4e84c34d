#!/usr/bin/env python3
"""Build the one-folder bundle ``dist/laomo/`` with PyInstaller, and optionally test it.

    python installer/build.py               build (incremental: PyInstaller reuses build/)
    python installer/build.py --clean       remove build/pyinstaller and dist/laomo first
    python installer/build.py --self-test   build, then run the bundle (see installer/README.md)
    python installer/build.py --no-build --self-test    test the bundle already in dist/

Run it with the Python of the project's environment (the one with PyInstaller and the
application's dependencies installed: ``pip install -e .[package]``); it works from any
directory. Standard library only. Exit status 0 when everything passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "laomo.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "laomo"
WINDOWS = os.name == "nt"
EXE_NAME = "laomo.exe" if WINDOWS else "laomo"  # the console program (command line)
GUI_EXE_NAME = "劳模之家.exe" if WINDOWS else "劳模之家"  # windowed on Windows (Start menu)
ICON = ROOT / "installer" / "laomo.ico"
CONTENTS = "_internal"  # PyInstaller's default contents_directory (sys._MEIPASS)

BUILD_TIMEOUT = 30 * 60
RUN_TIMEOUT = 180
# Modules that must not travel in the bundle (test and development tools).
FORBIDDEN_MODULES = ("pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff", "stdnum",
                     "pypdf", "importlinter", "grimp", "PyInstaller", "tkinter")
FORBIDDEN_QT = ("QtWebEngine", "Qt3D", "QtQuick", "QtQml", "QtMultimedia", "QtCharts",
                "QtDataVisualization", "QtPdfQuick", "QtDesigner")
# Environment variables that would let the frozen program see the development tree.
SCRUBBED_ENV = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "LAOMO_HOME",
                "LAOMO_USER", "LAOMO_PASSWORD", "LAOMO_BACKUP_PASSPHRASE", "LAOMO_LANG",
                "QT_PLUGIN_PATH")
# The bundle runs in Python's UTF-8 mode (laomo.spec), so its piped output is UTF-8 everywhere.
OUTPUT_ENCODING = "utf-8"


class Failed(Exception):
    """A step failed; the message says which and why."""


NOTICES = "THIRD-PARTY-NOTICES.txt"  # beside the programs: what the bundle redistributes
_LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE)[^/]*$", re.IGNORECASE)
_REQUIREMENT = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(root: str = "laomo") -> list[metadata.Distribution]:
    """The installed distributions the program needs: its dependencies and theirs (with the
    extras asked for, e.g. psycopg[binary]); optional extras and what is not installed here
    (another platform's marker) are left out."""
    found: dict[str, metadata.Distribution] = {}
    todo: list[tuple[str, set[str]]] = [(root, set())]
    while todo:
        name, extras = todo.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        key = _key(dist.metadata["Name"])
        if key in found and not extras:
            continue
        found[key] = dist
        for requirement in dist.requires or []:
            spec, _, marker = requirement.partition(";")
            wanted = re.search(r"extra\s*==\s*['\"]([^'\"]+)['\"]", marker)
            if wanted and wanted.group(1) not in extras:
                continue
            match = _REQUIREMENT.match(spec)
            if match:
                more = {e.strip() for e in (match.group(2) or "").split(",") if e.strip()}
                todo.append((match.group(1), more))
    found.pop(_key(root), None)
    return sorted(found.values(), key=lambda d: _key(d.metadata["Name"]))


def notices_text() -> str:
    """Every redistributed library's name, version, licence and licence files' text."""
    parts = ["劳模之家 redistributes the following libraries under their own licences.\n"
             "本程序随附以下第三方库，各自适用其许可证。\n"]
    for dist in runtime_distributions():
        meta = dist.metadata
        licence = meta.get("License-Expression") or meta.get("License") or "; ".join(
            c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
            if c.startswith("License ::"))
        parts.append(f"\n{'=' * 78}\n{meta['Name']} {dist.version}\nLicence: "
                     f"{(licence or 'see the files below').strip().splitlines()[0]}\n"
                     f"Home: {meta.get('Home-page') or (meta.get_all('Project-URL') or [''])[0]}"
                     f"\n")
        for file in sorted(dist.files or [], key=str):
            if _LICENCE_FILE.search(str(file)):
                text = Path(file.locate()).read_bytes().decode("utf-8", "replace")
                parts.append(f"\n--- {file} ---\n{text.strip()}\n")
    return "".join(parts)


def write_notices(bundle: Path) -> None:
    (bundle / NOTICES).write_text(notices_text(), encoding="utf-8")


def step(message: str) -> None:
    print(f"==> {message}", flush=True)


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) under ``folder``, symbolic links not followed."""
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            count += 1
    return total, count


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


# -- build --------------------------------------------------------------------------------------


def build(*, clean: bool) -> None:
    try:
        import PyInstaller  # noqa: F401 - only checking that it is installed
    except ImportError as exc:
        raise Failed(f"PyInstaller is not installed for {sys.executable}; "
                     f"install it with: {sys.executable} -m pip install -e '.[package]'") from exc
    if clean:
        for folder in (WORK, BUNDLE):
            if folder.exists():
                step(f"removing {folder}")
                shutil.rmtree(folder)
    cmd = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm",
           "--distpath", str(DIST), "--workpath", str(WORK)]
    if clean:
        cmd.append("--clean")
    step("PyInstaller: " + " ".join(cmd))
    started = time.perf_counter()
    try:
        result = subprocess.run(cmd, cwd=ROOT, timeout=BUILD_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        raise Failed(f"PyInstaller did not finish within {BUILD_TIMEOUT} s") from exc
    if result.returncode != 0:
        raise Failed(f"PyInstaller failed (exit {result.returncode}); see its output above")
    print(f"    PyInstaller took {time.perf_counter() - started:.0f} s")


def check_layout(bundle: Path) -> None:
    """The files the program loads by path are where desktop.paths looks for them."""
    internal = bundle / CONTENTS
    expected = [
        bundle / EXE_NAME,
        bundle / GUI_EXE_NAME,
        internal / "desktop" / "migrations" / "env.py",
        internal / "desktop" / "migrations" / "script.py.mako",
        internal / "resources" / "i18n" / "laomo_zh_CN.qm",
        internal / "resources" / "reference" / "codes.json",
        internal / "resources" / "reference" / "districts.json",
    ]
    missing = [str(p.relative_to(bundle)) for p in expected if not p.exists()]
    notices = bundle / NOTICES
    missing += [f"{NOTICES}: {name}" for name in notices_missing(
        notices.read_text(encoding="utf-8") if notices.exists() else "")]
    versions = Path("desktop", "migrations", "versions")
    sources = sorted(p.name for p in (ROOT / versions).glob("*.py"))
    bundled = sorted(p.name for p in (internal / versions).glob("*.py"))
    missing += [f"desktop/migrations/versions/{name}" for name in sources if name not in bundled]
    if not any(internal.rglob("qtbase_zh_CN.qm")):
        missing.append("Qt's own translation qtbase_zh_CN.qm")
    if missing:
        raise Failed("the bundle lacks: " + ", ".join(missing))
    prefixes = tuple(f"{pre}{m}" for m in FORBIDDEN_QT for pre in ("libQt6", "Qt6"))
    prefixes += tuple(f"{m}." for m in FORBIDDEN_QT)  # PySide6/QtQuick.abi3.so, QtQuick.pyd
    unwanted = sorted({p.name for p in internal.rglob("*") if p.name.startswith(prefixes)})
    unwanted += bundled_forbidden_modules()
    if unwanted:
        raise Failed("the bundle contains what it should not: " + ", ".join(unwanted))


def notices_missing(text: str) -> list[str]:
    """The project's dependencies (pyproject.toml) that have no entry in the notices."""
    entries = _key_lines(text)
    names = [m.group(1) for d in tomllib.loads((ROOT / "pyproject.toml").read_text(
        encoding="utf-8"))["project"]["dependencies"] if (m := _REQUIREMENT.match(d))]
    return [name for name in names if f"\n{_key(name)} " not in entries]


def _key_lines(text: str) -> str:
    """The notices with each line's first word normalised, for finding a library's entry."""
    return "\n" + "\n".join(_key(line.split(" ", 1)[0]) + " " + line.partition(" ")[2]
                             for line in text.splitlines())


def bundled_forbidden_modules() -> list[str]:
    """Forbidden modules in the PYZ archive, read from PyInstaller's table of contents."""
    toc = WORK / "laomo" / "PYZ-00.toc"
    if not toc.exists():
        return []
    entries = ast.literal_eval(toc.read_text(encoding="utf-8"))
    names = {entry[0] for entry in entries[-1]} if entries else set()
    return sorted(n for n in names if n.split(".")[0] in FORBIDDEN_MODULES)


# -- running the bundle -------------------------------------------------------------------------


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    env.update(QT_QPA_PLATFORM="offscreen", LAOMO_HOME=str(home), **extra)
    return env


def run(exe: Path, args: Sequence[str], *, env: dict[str, str], cwd: Path,
        expect: str | None = None) -> str:
    """Run the bundled program; fail unless it exits 0 (and prints ``expect``)."""
    shown = " ".join([exe.name, *args])
    step(shown)
    started = time.perf_counter()
    try:
        result = subprocess.run([str(exe), *args], env=env, cwd=cwd, capture_output=True,
                                encoding=OUTPUT_ENCODING, errors="replace",
                                timeout=RUN_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        raise Failed(f"`{shown}` did not finish within {RUN_TIMEOUT} s") from exc
    except OSError as exc:
        raise Failed(f"`{shown}` could not be started: {exc}") from exc
    for line in (result.stdout + result.stderr).splitlines():
        print(f"    {line}")
    print(f"    (exit {result.returncode}, {time.perf_counter() - started:.1f} s)")
    if result.returncode != 0:
        raise Failed(f"`{shown}` exited with {result.returncode}")
    if expect is not None and expect not in result.stdout:
        raise Failed(f"`{shown}` did not print {expect!r}")
    return result.stdout


def self_test(bundle: Path, *, postgres: bool) -> None:
    exe = bundle / EXE_NAME
    version = project_version()
    with tempfile.TemporaryDirectory(prefix="laomo-bundle-test-") as tmp:
        work = Path(tmp)
        env = clean_env(work / "home")
        run(exe, ["--version"], env=env, cwd=work, expect=f"laomo {version}")
        run(exe, ["--self-test"], env=env, cwd=work, expect="self-test ok")
        # The windowed program shares the folder; on Windows it has no stdout (console=False),
        # so only its exit status tells.
        run(bundle / GUI_EXE_NAME, ["--self-test"], env=clean_env(work / "home-gui"), cwd=work,
            expect=None if WINDOWS else "self-test ok")

        # The bundle must not depend on where it was built: copy it to a folder whose name has
        # a space and Chinese characters, and run a CLI round trip from there.
        moved = work / "劳模 之家" / bundle.name
        step(f"copying the bundle to {moved}")
        shutil.copytree(bundle, moved, symlinks=True)
        exe = moved / EXE_NAME
        db = work / "数据" / "x.sqlite3"
        db.parent.mkdir()
        env = clean_env(work / "home2", LAOMO_PASSWORD="secret123",
                        LAOMO_BACKUP_PASSPHRASE="bundle-backup-2026")
        run(exe, ["--db", str(db), "init", "--district", "长兴县", "--admin", "admin"],
            env=env, cwd=work)
        run(exe, ["--db", str(db), "--user", "admin", "check"], env=env, cwd=work)
        # encrypted (the default): pyrage's scrypt in the bundle, both ways
        sealed = work / "x-backup.laomo-backup"
        run(exe, ["--db", str(db), "--user", "admin", "--lang", "en", "backup", str(sealed)],
            env=env, cwd=work, expect="Backup written")
        run(exe, ["--db", str(db), "--user", "admin", "--lang", "en", "restore", str(sealed)],
            env=env, cwd=work, expect="Restored from")
        # Printing from the bundle: ReportLab, its QR code modules and the system's Chinese
        # fonts (Windows: %WINDIR%\Fonts; Linux: fontconfig).
        pdf = work / "花名册.pdf"
        run(exe, ["--db", str(db), "--user", "admin", "demo", "--members", "30"], env=env,
            cwd=work)
        run(exe, ["--db", str(db), "--user", "admin", "report", "roster", "--out", str(pdf)],
            env=env, cwd=work)
        if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF-"):
            raise Failed(f"`report roster` wrote no PDF at {pdf}")
        if postgres:
            postgres_round_trip(exe, env=env, cwd=work)


def postgres_round_trip(exe: Path, *, env: dict[str, str], cwd: Path) -> None:
    """init + check against a throw-away PostgreSQL server (scripts/pgtemp.py)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import pgtemp
    except ImportError as exc:
        raise Failed(f"--postgres needs scripts/pgtemp.py: {exc}") from exc
    if pgtemp.find_bin_dir() is None:
        raise Failed("--postgres: no PostgreSQL server binaries (initdb, pg_ctl) found")
    step("starting a throw-away PostgreSQL server")
    with pgtemp.temp_postgres() as url:
        run(exe, ["--db", url, "init", "--district", "湖州市", "--admin", "admin"],
            env=env, cwd=cwd)
        run(exe, ["--db", url, "--user", "admin", "check"], env=env, cwd=cwd)


# -- main ---------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    # The log names Chinese paths (劳模 之家, 花名册.pdf): never fail on a console or a pipe
    # whose encoding lacks them (a Windows CI runner writes cp1252 to pipes).
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    parser = argparse.ArgumentParser(description="Build (and test) the laomo bundle.")
    parser.add_argument("--clean", action="store_true",
                        help="remove build/pyinstaller and dist/laomo, and PyInstaller's cache")
    parser.add_argument("--self-test", action="store_true",
                        help="run the bundle: --version, --self-test and a CLI round trip")
    parser.add_argument("--postgres", action="store_true",
                        help="with --self-test: also init/check a throw-away PostgreSQL")
    parser.add_argument("--no-build", action="store_true",
                        help="do not build; check and test the bundle already in dist/laomo")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        if not args.no_build:
            build(clean=args.clean)
            write_notices(BUNDLE)
        if not (BUNDLE / EXE_NAME).exists():
            raise Failed(f"no bundle at {BUNDLE}; build it first")
        check_layout(BUNDLE)
        size, files = folder_size(BUNDLE)
        print(f"Bundle: {BUNDLE} — {megabytes(size)} in {files} files")
        if args.self_test:
            self_test(BUNDLE, postgres=args.postgres)
    except Failed as exc:
        print(f"\nFAILED: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nInterrupted.", file=sys.stderr)
        return 1
    done = [] if args.no_build else ["built"]
    done += ["checked", "tested"] if args.self_test else ["checked"]
    print(f"\nOK: {BUNDLE} {', '.join(done)} in {time.perf_counter() - started:.0f} s "
          f"({megabytes(size)}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
