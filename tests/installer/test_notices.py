"""The bundle redistributes its libraries with their licences: every dependency in
pyproject.toml has an entry (name, version, licence) in THIRD-PARTY-NOTICES.txt, with the text
of the licence files its wheel ships; the build's layout check fails without them."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("installer_build",
                                                  ROOT / "installer" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_dependency_has_its_licence_in_the_notices() -> None:
    build = _build()
    text = build.notices_text()
    assert build.notices_missing(text) == []
    assert "MPL-2.0" in text  # orjson's, among others
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text.upper()  # Qt for Python (LGPL)
    assert "Permission is hereby granted" in text  # the MIT texts themselves, not just names
    names = {d.metadata["Name"].lower() for d in build.runtime_distributions()}
    assert not names & {"pytest", "hypothesis", "pyinstaller", "mypy", "ruff", "laomo"}
    without = "\n".join(line for line in text.splitlines() if not line.startswith("orjson "))
    assert build.notices_missing(without) == ["orjson"]
