#!/usr/bin/env python3
"""Start 劳模之家 (laomo): set everything up on first use, then run the application.

    python3 scripts/start.py [laomo arguments ...]

Creates or reuses the virtual environment <repo>/.venv, installs the project into it
(pip install -e .; skipped when pyproject.toml is unchanged), installs the Qt runtime
libraries and a CJK font with apt-get when running as root and something is missing, and
then replaces itself with <repo>/.venv/bin/laomo. Standard library only.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, os.fspath(Path(__file__).resolve().parent))

import _bootstrap as bs


def main(argv: list[str]) -> int:
    bs.bootstrap(extras=(), debs=bs.APP_DEBS, purpose="Qt 运行库和中文字体 / Qt runtime + CJK font")
    laomo = bs.VENV_BIN / "laomo"
    if not laomo.exists():
        raise bs.fail(f"找不到 / not found: {laomo} (pip install -e . did not create it?)")
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(laomo, [os.fspath(laomo), *argv], bs.venv_env())
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
