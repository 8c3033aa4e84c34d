"""The zh_CN catalogue is complete, keeps every placeholder, and matches the code and the .qm."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.core.texts import FIELDS, MESSAGES, PROBLEMS

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "laomo_zh_CN.ts"
sys.path.insert(0, str(ROOT / "scripts"))
import i18n  # noqa: E402  (scripts/i18n.py: the same lupdate/lrelease calls developers use)

PLACEHOLDER = re.compile(r"%(?:\d+|n)")
FORMAT_FIELD = re.compile(r"\{(\w+)\}")


def _messages(path: Path) -> list[tuple[str, ET.Element]]:
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        out.extend((name, m) for m in ctx.iter("message"))
    return out


def _translations(message: ET.Element) -> list[str]:
    tr = message.find("translation")
    assert tr is not None
    forms = [f.text or "" for f in tr.iter("numerusform")]
    return forms or [tr.text or ""]


def test_every_message_is_translated_and_keeps_placeholders() -> None:
    messages = _messages(TS)
    assert len(messages) > 50
    for context, m in messages:
        source = m.findtext("source") or ""
        tr = m.find("translation")
        assert tr is not None
        assert tr.get("type") not in {"unfinished", "vanished", "obsolete"}, (context, source)
        for text in _translations(m):
            assert text.strip(), (context, source)
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
                context, source, text)
            if re.search(r"[A-Za-z]{4,}", source.replace("劳模之家", "")):
                # a translation identical to an English source means it was not translated
                assert text != source or not re.search(r"[a-z]{3}", source), (context, source)


def test_catalogue_covers_every_string_in_the_code(tmp_path: Path) -> None:
    if not shutil.which("pyside6-lupdate") and not Path(sys.executable).with_name(
            "pyside6-lupdate").exists():
        pytest.fail("pyside6-lupdate is missing from the environment")
    fresh = tmp_path / "laomo_zh_CN.ts"
    shutil.copyfile(TS, fresh)
    i18n.update(tmp_path)
    before = {(c, m.findtext("source")) for c, m in _messages(TS)}
    after = {(c, m.findtext("source")) for c, m in _messages(fresh)}
    assert after - before == set(), "run: python scripts/i18n.py update, then translate"
    assert before - after == set(), "strings no longer in the code: run scripts/i18n.py update"


def test_compiled_catalogue_is_current(tmp_path: Path) -> None:
    (qm,) = i18n.release(qm_dir=tmp_path)
    committed = ROOT / "resources" / "i18n" / "laomo_zh_CN.qm"
    assert committed.read_bytes() == qm.read_bytes(), "run: python scripts/i18n.py release"


def test_service_messages_have_both_languages_with_the_same_fields() -> None:
    for table in (MESSAGES, PROBLEMS, FIELDS):
        for code, (zh, en) in table.items():
            assert zh and en, code
            assert re.search(r"[\u4e00-\u9fff]", zh), code
            assert set(FORMAT_FIELD.findall(zh)) == set(FORMAT_FIELD.findall(en)), code


def test_every_error_code_raised_in_the_code_has_words() -> None:
    """Codes passed to AppError/DatabaseProblem/ValidationError.single in desktop/ are known."""
    pattern = re.compile(
        r'(?:AppError|DatabaseProblem|AuthenticationFailed|UsageError)\(\s*"(\w+)"'
        r'|ValidationError\.single\(\s*"\w+",\s*"(\w+)"'
        r'|FieldProblem\(\s*"\w+",\s*"(\w+)"')
    found: set[str] = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        for groups in pattern.findall(path.read_text(encoding="utf-8")):
            found.update(g for g in groups if g)
    known = set(MESSAGES) | set(PROBLEMS)
    assert found, "the pattern found no codes: it is broken"
    assert found - known == set()


def test_area_files_agree_on_each_source_string() -> None:
    """The per-area JSON files are merged into one catalogue keyed by the English source: two
    areas translating the same source differently would silently let one win (the 证书登记
    page once appeared as 材料). Where a word must differ, a "Context::Source" key says where."""
    import json

    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for f in sorted((ROOT / "resources" / "i18n" / "zh_CN").glob("*.json")):
        for source, text in json.loads(f.read_text(encoding="utf-8")).items():
            if source in seen and seen[source][1] != text:
                clashes.append(f"{source!r}: {seen[source][0]} {seen[source][1]!r} "
                               f"vs {f.name} {text!r}")
            seen.setdefault(source, (f.name, text))
    assert not clashes, "\n".join(clashes)
