#!/usr/bin/env python3
"""Keep the Qt Linguist catalogue in step with the code.

    python scripts/i18n.py update    # lupdate: add new source strings to resources/i18n/*.ts
    python scripts/i18n.py release   # lrelease: compile the .ts files to .qm (committed)
    python scripts/i18n.py merge     # update, fill translations from resources/i18n/zh_CN/*.json,
                                     # then release

Translate either in Qt Linguist (pyside6-linguist) or by adding "English source": "中文" pairs
to a JSON file in resources/i18n/zh_CN/ (one per area, so that several people can work at
once without editing the same XML), then run ``merge``. A key "Context::English" (Context = the
widget class, as in the .ts file) translates the string in that class only, where one English
word needs another Chinese word ("Status" is 状态 on one page and 就业状况 on another).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
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
    files = [*sorted((ROOT / "desktop" / "views").rglob("*.py")), ROOT / "desktop" / "app.py"]
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


def fill(ts_dir: Path = I18N) -> list[str]:
    """Write the JSON translations into the .ts files; return sources still untranslated."""
    import json
    import xml.etree.ElementTree as ET

    pairs: dict[str, str] = {}
    for f in sorted((I18N / "zh_CN").glob("*.json")):
        pairs.update(json.loads(f.read_text(encoding="utf-8")))
    missing: list[str] = []
    for lang in LANGUAGES:
        path = ts_dir / f"laomo_{lang}.ts"
        tree = ET.parse(path)
        for message, context in _messages(tree):
            source = message.findtext("source") or ""
            tr = message.find("translation")
            assert tr is not None
            text = pairs.get(f"{context}::{source}", pairs.get(source))
            if text is None:
                if tr.get("type") == "unfinished":
                    missing.append(source)
                continue
            tr.attrib.clear()
            for child in list(tr):
                tr.remove(child)
            if message.get("numerus") == "yes":
                tr.text = None
                ET.SubElement(tr, "numerusform").text = text
            else:
                tr.text = text
        tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


def _messages(tree: ET.ElementTree[ET.Element]) -> list[tuple[ET.Element, str]]:
    return [(m, c.findtext("name") or "") for c in tree.getroot().iter("context")
            for m in c.iter("message")]


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in {"update", "release", "merge"}:
        sys.exit(__doc__)
    if sys.argv[1] == "merge":
        update()
        for source in fill():
            print("untranslated:", source)
        release()
    else:
        for path in (update() if sys.argv[1] == "update" else release()):
            print(path.relative_to(ROOT))
