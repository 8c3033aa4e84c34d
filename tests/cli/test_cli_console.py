"""``laomo`` on a Chinese Windows console (code page 936, GBK), simulated with
PYTHONIOENCODING=gbk (strict): Chinese comes out as GBK, and a character GBK lacks (𠮷, CJK
Extension B) shows as '?' instead of failing the command half-way (issue 15)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ADMIN_PASSWORD, laomo_executable
from tests.register_support import RARE_JI

WANG_JI = "王" + RARE_JI


def gbk_laomo(url: str, home: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, LAOMO_HOME=str(home), LAOMO_PASSWORD=ADMIN_PASSWORD,
               PYTHONIOENCODING="gbk")
    env.pop("PYTHONUTF8", None)
    return subprocess.run([*laomo_executable(), "--db", url, "--user", "admin", *args],
                          capture_output=True, timeout=120, env=env, stdin=subprocess.DEVNULL)


def test_gbk_console_prints_chinese_and_survives_a_character_gbk_lacks(
        register_url: str, _isolated_home: Path, tmp_path: Path) -> None:
    with pytest.raises(UnicodeEncodeError):
        RARE_JI.encode("gbk")  # the premise: GBK has no 𠮷

    # A table (members list) and a message with the name in a file name (report roster).
    table = gbk_laomo(register_url, _isolated_home, "members", "list")
    target = tmp_path / f"{WANG_JI}的花名册.pdf"
    roster = gbk_laomo(register_url, _isolated_home, "report", "roster", "--search", "王",
                       "--out", str(target))

    for result in (table, roster):
        assert result.returncode == 0, result.stderr.decode("gbk", "replace")
    text = table.stdout.decode("gbk")  # strict: every byte is valid GBK
    assert "姓名" in text and "朱荣荣" in text and "共 8 人" in text
    assert "王?" in text and RARE_JI not in text
    message = roster.stdout.decode("gbk")
    assert message.startswith("已生成花名册") and "王?的花名册.pdf" in message
    assert target.is_file()  # the file itself has its real name
