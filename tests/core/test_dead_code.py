"""No unreferenced definitions in ``desktop`` (vulture), except the whitelisted ones."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop.cli.main import COMMANDS

ROOT = Path(__file__).resolve().parents[2]
WHITELIST = Path(__file__).with_name("vulture_whitelist.py")


def test_vulture_finds_no_new_dead_code(tmp_path: Path) -> None:
    handlers = tmp_path / "cli_handlers.py"  # named in strings in COMMANDS
    handlers.write_text("".join(f"{spec.partition(':')[2]}\n" for spec in COMMANDS.values()),
                        encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "vulture", "desktop", "tests", "scripts", "benchmarks",
         str(WHITELIST), str(handlers), "--min-confidence", "60"],
        cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.stderr == "", result.stderr
    found = [line for line in result.stdout.splitlines() if line.startswith("desktop")]
    assert found == [], (
        "unused code: remove it, wire it, or (if something vulture cannot see uses it) add it to "
        "tests/core/vulture_whitelist.py saying who uses it:\n" + "\n".join(found))


def test_the_check_catches_dead_code(tmp_path: Path) -> None:
    """The same command reports a function nothing calls (the check is not vacuous)."""
    module = tmp_path / "dead.py"
    module.write_text("def never_called() -> int:\n    return 1\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "vulture", str(module), "--min-confidence",
                             "60"], capture_output=True, text=True, check=False)
    assert "unused function 'never_called'" in result.stdout
