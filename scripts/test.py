#!/usr/bin/env python3
"""Run every check of 劳模之家 (laomo), setting up whatever is missing first.

    python3 scripts/test.py [--quick] [--no-package] [pytest arguments ...]

Steps, stopping at the first failure (non-zero exit code):
  0. set-up: Debian packages (as root, only when missing), <repo>/.venv,
     pip install -e .[test,package] (skipped when pyproject.toml is unchanged)
  1. ruff check .
  2. mypy                         (configured in pyproject.toml)
  3. lint-imports                 (import-linter, configured in pyproject.toml)
  4. pytest over tests/ with -n 2 (unless -n is given), QT_QPA_PLATFORM=offscreen, and a
     throw-away PostgreSQL server whose URL is exported as LAOMO_TEST_PG_URL; pytest's
     "no tests collected" (exit code 5) counts as a failure
  5. python installer/build.py --self-test   (if that file exists)

Options:
  --quick        skip steps 1-3 and 5 (only set-up and pytest)
  --no-package   skip step 5 (also: LAOMO_SKIP_PACKAGE=1)
  -h, --help     this text (pytest's own help: ``-- --help``)
  --             everything after it goes to pytest unchanged
Any other argument is passed to pytest, e.g. ``tests/test_x.py -k foo``.
Environment: LAOMO_PYTEST_TIMEOUT (seconds, default 2700) kills a pytest run that hangs;
LAOMO_SKIP_PACKAGE=1 is the same as --no-package. Standard library only.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, os.fspath(Path(__file__).resolve().parent))

import _bootstrap as bs
import pgtemp

EXTRAS = ("test", "package")
PYTEST_WORKERS = "2"
STEP_TIMEOUT = 20 * 60.0  # ruff, mypy, lint-imports, installer self-test
# The whole pytest run; CI gives a run 90 minutes. A hung test (say a modal dialog waiting
# forever offscreen) then fails the run with a message instead of eating the budget.
PYTEST_TIMEOUT = float(os.environ.get("LAOMO_PYTEST_TIMEOUT", 45 * 60))


def _usage() -> None:
    print((__doc__ or "").strip())


def _split_args(argv: list[str]) -> tuple[set[str], list[str]]:
    own: set[str] = set()
    rest: list[str] = []
    for index, arg in enumerate(argv):
        if arg == "--":
            rest.extend(argv[index + 1 :])
            break
        if arg in ("--quick", "--no-package", "-h", "--help"):
            own.add(arg)
        else:
            rest.append(arg)
    return own, rest


def _has_worker_option(args: list[str]) -> bool:
    """Did the user choose the number of xdist workers (or something xdist can't do)?"""
    for arg in args:
        if arg in ("-n", "--numprocesses", "--pdb", "--trace", "no:xdist", "-pno:xdist"):
            return True
        if arg.startswith("--numprocesses="):
            return True
        if arg.startswith("-n") and arg[2:].lstrip("=").replace("auto", "0").isdigit():
            return True
    return False


def _absolutize(args: list[str], cwd: Path) -> list[str]:
    """pytest runs in the repo root: make paths given relative to the caller's cwd absolute."""
    if cwd == bs.REPO:
        return args
    result = []
    for arg in args:
        path, sep, rest = arg.partition("::")
        if not arg.startswith("-") and path and (cwd / path).exists():
            arg = os.fspath((cwd / path).resolve()) + sep + rest
        result.append(arg)
    return result


class Steps:
    def __init__(self, total: int) -> None:
        self.total = total
        self.number = 0
        self.timings: list[tuple[str, float, str]] = []

    def run(
        self,
        title: str,
        cmd: list[str],
        env: dict[str, str] | None = None,
        timeout: float = STEP_TIMEOUT,
    ) -> int:
        self.number += 1
        bs.header(f"[{self.number}/{self.total}] {title}\n    $ {' '.join(cmd)}")
        started = time.monotonic()
        code = bs.run(cmd, cwd=bs.REPO, env=env or bs.venv_env(), timeout=timeout)
        elapsed = time.monotonic() - started
        self.timings.append((title, elapsed, "ok" if code == 0 else f"FAILED ({code})"))
        return code

    def skip(self, title: str, why: str) -> None:
        self.number += 1
        bs.header(f"[{self.number}/{self.total}] {title}: 跳过 / skipped ({why})")
        self.timings.append((title, 0.0, f"skipped: {why}"))

    def summary(self) -> None:
        print("\n---- summary ----", flush=True)
        for title, elapsed, status in self.timings:
            print(f"  {status:<24} {elapsed:7.1f} s  {title}", flush=True)


def _pytest(steps: Steps, pytest_args: list[str]) -> int:
    args = list(pytest_args)
    if not _has_worker_option(args):
        args = ["-n", PYTEST_WORKERS, *args]
    cmd = [os.fspath(bs.VENV_PYTHON), "-m", "pytest", *args]
    env = bs.venv_env(QT_QPA_PLATFORM="offscreen")
    env.pop("LAOMO_TEST_PG_URL", None)
    title = "pytest (SQLite + PostgreSQL)"

    bin_dir = pgtemp.find_bin_dir()
    if bin_dir is None:
        banner = "!" * 78
        print(
            f"\n{banner}\n"
            "!! 未找到 PostgreSQL 服务器程序：只运行 SQLite 测试，PostgreSQL 测试将被跳过！\n"
            "!! PostgreSQL server binaries not found: running the SQLite tests ONLY,\n"
            "!! the PostgreSQL tests will be skipped.  Fix: sudo apt install postgresql\n"
            f"{banner}\n",
            file=sys.stderr,
            flush=True,
        )
        return _pytest_exit(
            steps.run("pytest (SQLite only, no PostgreSQL)", cmd, env, PYTEST_TIMEOUT)
        )

    bs.say(f"启动临时 PostgreSQL / starting a throw-away PostgreSQL server ({bin_dir}) ...")
    try:
        with pgtemp.temp_postgres(bin_dir=bin_dir) as url:
            bs.say(f"LAOMO_TEST_PG_URL={url}")
            env["LAOMO_TEST_PG_URL"] = url
            code = steps.run(title, cmd, env, PYTEST_TIMEOUT)
    except RuntimeError as exc:  # initdb / pg_ctl failed
        raise bs.fail(f"无法启动临时 PostgreSQL / could not start PostgreSQL:\n{exc}") from exc
    return _pytest_exit(code)


def _pytest_exit(code: int) -> int:
    if code == 124:
        print(
            f"!! pytest 在 {PYTEST_TIMEOUT:.0f} 秒内没有结束，已终止"
            "（可能有测试卡住，例如模态对话框）。\n"
            f"!! pytest did not finish within {PYTEST_TIMEOUT:.0f} s and was killed: a test is\n"
            "!! probably stuck (e.g. a modal dialog waiting offscreen). Set LAOMO_PYTEST_TIMEOUT\n"
            "!! (seconds) to change the limit.",
            file=sys.stderr,
            flush=True,
        )
    if code == 5:
        print(
            "!! pytest 没有收集到任何测试（退出码 5），按失败处理。\n"
            "!! pytest collected no tests (exit code 5): counted as a failure.",
            file=sys.stderr,
            flush=True,
        )
    return code


def _on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # so that finally-blocks (PostgreSQL clean-up) run


def main(argv: list[str]) -> int:
    own, pytest_args = _split_args(argv)
    if own & {"-h", "--help"}:
        _usage()
        return 0
    signal.signal(signal.SIGTERM, _on_sigterm)
    quick = "--quick" in own
    package = not (
        quick or "--no-package" in own or os.environ.get("LAOMO_SKIP_PACKAGE") == "1"
    )
    pytest_args = _absolutize(pytest_args, Path.cwd().resolve())

    bs.header("[0] 环境准备 / set-up: Debian packages, .venv, pip install -e .[test,package]")
    started = time.monotonic()
    bs.bootstrap(extras=EXTRAS, debs=bs.TEST_DEBS, purpose="tests")
    bs.say(f"环境就绪 / set-up done ({time.monotonic() - started:.1f} s)")

    steps = Steps(total=2 if quick else 5)
    if not quick:
        for title, cmd in (
            ("ruff check .", [os.fspath(bs.VENV_BIN / "ruff"), "check", "."]),
            ("mypy", [os.fspath(bs.VENV_BIN / "mypy")]),
            ("lint-imports (import-linter)", [os.fspath(bs.VENV_BIN / "lint-imports")]),
        ):
            code = steps.run(title, cmd)
            if code != 0:
                steps.summary()
                return code

    code = _pytest(steps, pytest_args)
    if code != 0:
        steps.summary()
        return code

    build = bs.REPO / "installer" / "build.py"
    title = "installer/build.py --self-test"
    if not package:
        why = "--quick" if quick else "--no-package / LAOMO_SKIP_PACKAGE=1"
        steps.skip(title, why)
    elif not build.exists():
        steps.skip(title, "installer/build.py 不存在 / does not exist yet")
    else:
        code = steps.run(title, [os.fspath(bs.VENV_PYTHON), os.fspath(build), "--self-test"])
        if code != 0:
            steps.summary()
            return code

    steps.summary()
    print("\n全部通过 / all checks passed", flush=True)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        print("\n中断 / interrupted", file=sys.stderr, flush=True)
        sys.exit(130)
