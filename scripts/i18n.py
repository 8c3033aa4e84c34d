#!/usr/bin/env python3
"""Keep the Qt Linguist catalogue in step with the code.

    python scripts/i18n.py update    # lupdate: add new source strings to resources/i18n/*.ts
    python scripts/i18n.py release   # lrelease: compile the .ts files to .qm (committed)

Translate in Qt Linguist (pyside6-linguist) or any editor, then run ``release``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    here = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(here) if here.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        sys.exit(f"pyside6-{name} not found: install the project's environment first")
    return found


def sources() -> list[str]:
    files = [*sorted((ROOT / "desktop" / "views").glob("*.py")), ROOT / "desktop" / "app.py"]
    return [str(f.relative_to(ROOT)) for f in files]


def update(ts_dir: Path = I18N) -> list[Path]:
    out = []
    for lang in LANGUAGES:
        ts = ts_dir / f"laomo_{lang}.ts"
        subprocess.run([tool("lupdate"), *sources(), "-source-language", "en",
                        "-target-language", lang, "-no-obsolete", "-locations", "none",
                        "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)
        out.append(ts)
    return out


def release(ts_dir: Path = I18N, qm_dir: Path = I18N) -> list[Path]:
    out = []
    for lang in LANGUAGES:
        qm = qm_dir / f"laomo_{lang}.qm"
        subprocess.run([tool("lrelease"), str(ts_dir / f"laomo_{lang}.ts"), "-qm", str(qm)],
                       check=True, capture_output=True)
        out.append(qm)
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in {"update", "release"}:
        sys.exit(__doc__)
    for path in (update() if sys.argv[1] == "update" else release()):
        print(path.relative_to(ROOT))
