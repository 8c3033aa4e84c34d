"""``laomo report roster`` as a subprocess: the PDF of the (filtered) register, read back with
pdftotext; usage errors and empty results leave no file."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.register_support import LISTED, RARE_DA, RARE_JI

Report = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def report(register_url: str, run_laomo: Any) -> Report:
    """``laomo report roster ARGS --db URL --user admin``."""

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return run_laomo("report", "roster", *args, "--db", register_url,  # type: ignore[no-any-return]
                         "--user", "admin")

    return run


def pdftotext(path: Path) -> str:
    exe = shutil.which("pdftotext")
    assert exe, "pdftotext (poppler-utils) is needed"
    return subprocess.run([exe, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    """A folder of its own for the PDFs (tmp_path also holds the database)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_roster_of_the_whole_register(report: Report, outdir: Path) -> None:
    out = outdir / "花名册.pdf"
    result = report("--out", str(out), "--everyone")
    assert result.returncode == 0, result.stderr
    assert out.exists()
    assert leftovers(outdir) == ["花名册.pdf"]
    pages = len(PdfReader(out).pages)
    assert f"共 {pages} 页" in result.stdout
    assert str(len(LISTED)) in result.stdout
    text = pdftotext(out)
    for name in LISTED:
        assert name in text, name
    assert "王" + RARE_JI in text and "陈" + RARE_DA in text
    assert "长兴县劳动模范协会" in text
    squeezed = re.sub(r"\s+", "", text)  # pdftotext drops the spaces of the footer line
    assert f"第1页共{pages}页" in squeezed
    assert "长兴县 小计：" in text
    assert "吴兴区 小计：2 人" in text
    assert "********" in text  # ID numbers masked by default
    assert "张三丰" not in text and "张三\n" not in text  # merged and deleted persons
    assert "王伟" in squeezed and "已故" in squeezed  # everyone asked for: the dead marked
    active = outdir / "在册.pdf"
    assert report("--out", str(active)).returncode == 0
    assert "王伟" not in pdftotext(active)  # by default: active members only


def test_search_filters_the_roster(report: Report, outdir: Path) -> None:
    out = outdir / "r.pdf"
    result = report("--search", "zrr", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = pdftotext(out)
    assert "朱荣荣" in text
    assert "李娜" not in text and "王伟" not in text


def test_out_must_be_a_pdf(report: Report, outdir: Path) -> None:
    out = outdir / "x.txt"
    result = report("--out", str(out))
    assert result.returncode == 2
    assert ".pdf" in result.stderr
    assert leftovers(outdir) == []


def test_nobody_matches_leaves_no_file(report: Report, outdir: Path) -> None:
    out = outdir / "empty.pdf"
    result = report("--search", "没有这个人", "--out", str(out))
    assert result.returncode == 1
    assert "没有符合条件" in result.stderr
    assert leftovers(outdir) == []


@pytest.fixture
def laomo_report(register_url: str, run_laomo: Any) -> Report:
    """``laomo report VERB ARGS --db URL --user admin``."""

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return run_laomo("report", *args, "--db", register_url,  # type: ignore[no-any-return]
                         "--user", "admin")

    return run


def test_certificate_by_id_number_then_reprint_then_void(laomo_report: Report,
                                                         outdir: Path) -> None:
    from tests.register_support import ZRR_ID

    first = outdir / "证明.pdf"
    result = laomo_report("certificate", "--person", ZRR_ID, "--out", str(first))
    assert result.returncode == 0, result.stderr
    serial = re.search(r"330522-ZM-\d{4}-\d{4}", result.stdout)
    assert serial, result.stdout
    text = re.sub(r"\s+", "", pdftotext(first))
    assert "朱荣荣" in text and serial.group() in text and "补打" not in text
    assert ZRR_ID not in text  # masked without --unmask

    again = outdir / "补打.pdf"
    result = laomo_report("certificate", "--reprint", serial.group(), "--out", str(again))
    assert result.returncode == 3 and not again.exists()  # a reprint needs a reason
    result = laomo_report("certificate", "--reprint", serial.group(), "--reason", "原件遗失",
                          "--out", str(again))
    assert result.returncode == 0, result.stderr
    assert "补打" in pdftotext(again)

    result = laomo_report("void", serial.group(), "--reason", "信息有误")
    assert result.returncode == 0, result.stderr
    third = outdir / "再补打.pdf"
    result = laomo_report("certificate", "--reprint", serial.group(), "--reason", "x",
                          "--out", str(third))
    assert result.returncode == 1 and "已作废" in result.stderr
    assert leftovers(outdir) == sorted(["证明.pdf", "补打.pdf"])


def test_certificate_unmasked_and_unknown_person(laomo_report: Report, outdir: Path) -> None:
    from tests.register_support import ZRR_ID

    out = outdir / "full.pdf"
    result = laomo_report("certificate", "--person", ZRR_ID, "--unmask", "--out", str(out))
    assert result.returncode == 3 and not out.exists()
    result = laomo_report("certificate", "--person", ZRR_ID, "--unmask", "--reason", "社保核对",
                          "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert ZRR_ID in re.sub(r"\s+", "", pdftotext(out))
    result = laomo_report("certificate", "--person", "110101199001011234",
                          "--out", str(outdir / "nobody.pdf"))
    assert result.returncode == 1, result.stderr
    assert leftovers(outdir) == ["full.pdf"]


def test_a_viewer_cannot_probe_id_numbers_through_the_certificate(
        register_url: str, run_laomo: Any, outdir: Path) -> None:
    """``--person`` by a whole ID number confirms who holds it: a viewer is refused before
    anything is looked up, with the same words whether the number is registered or not."""
    from tests.conftest import VIEWER_PASSWORD
    from tests.register_support import ZRR_ID

    said = []
    for number in (ZRR_ID, "110101199001011234"):
        done = run_laomo("report", "certificate", "--person", number, "--out",
                         str(outdir / "x.pdf"), "--db", register_url, "--user", "viewer1",
                         password=VIEWER_PASSWORD)
        assert done.returncode == 4, done.stderr
        said.append(done.stderr.replace(number, "N"))
    assert said[0] == said[1] and "没有权限" in said[0]
    assert leftovers(outdir) == []


def test_cards_of_a_filter(laomo_report: Report, outdir: Path) -> None:
    out = outdir / "cards.pdf"
    result = laomo_report("cards", "--district", "吴兴区", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "1 张" in result.stdout  # 王伟 died: no card for him
    text = pdftotext(out)
    assert "陈" + RARE_DA in text and "王伟" not in text and "朱荣荣" not in text
    assert len(PdfReader(out).pages) == 1
    result = laomo_report("cards", "--search", "没有这个人", "--out", str(outdir / "e.pdf"))
    assert result.returncode == 1
    assert leftovers(outdir) == ["cards.pdf"]
