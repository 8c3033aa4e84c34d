"""Malformed rosters (issue 16, items 9 and 10): a clear Chinese message, nothing written, never
a crash, an abort or a hang. The corpus is generated once per session (tests/exchange/
malformed_corpus.py); the child-process runs prove that no file can end the process."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core.texts import MESSAGES, error_text
from desktop.database import Database
from desktop.errors import AppError
from desktop.exchange.import_read import read_sheet
from desktop.models import Person
from desktop.services.imports.importer import ImportService
from desktop.services.imports.types import ImportOptions
from desktop.services.permissions import Actor
from tests.conftest import initialise
from tests.exchange.import_support import ID_A
from tests.exchange.malformed_corpus import (
    DATA,
    Specimen,
    _cell,
    generate,
    header_rows,
    sheet_xml,
    write_xlsx,
)
from tests.faults.corpus_run import run_corpus

# words a message may hold in Latin letters (names of programs and formats)
ALLOWED = {"excel", "wps", "csv", "utf", "gbk", "gb", "dtd", "xml", "mb", "xlsx", "xls",
           "unicode", "pdf", "xlsm"}


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Specimen]:
    return generate(tmp_path_factory.mktemp("malformed"))


@pytest.fixture
def service(sqlite_db: Database) -> ImportService:
    actor: Actor = initialise(sqlite_db)
    return ImportService(sqlite_db.sessions, actor, today=lambda: dt.date(2026, 6, 1))


def foreign_words(message: str, path: Path) -> list[str]:
    rest = message.replace(str(path), "").replace(path.stem, "")
    rest = re.sub(r"[A-Z]{1,5}\d+", "", rest)  # a cell reference such as XFD1048576
    return [w for w in re.findall(r"[A-Za-z]{2,}", rest) if w.lower() not in ALLOWED]


def test_the_corpus_holds_over_200_files_of_every_family(corpus: list[Specimen]) -> None:
    families = {s.family for s in corpus}
    assert len(corpus) >= 200
    assert {"far_cell", "zip_bomb", "xml_bomb", "truncated", "bad_crc", "wrong_extension",
            "control_chars", "nul_bytes", "date_serial", "shared_strings",
            "row_flood"} <= families


def test_every_malformed_file_is_refused_clearly_or_read(corpus: list[Specimen],
                                                         service: ImportService,
                                                         sqlite_db: Database) -> None:
    """All of them in this process: one abort (a far cell handed to calamine) ends the run."""
    bugs, unclear = [], []
    refused = 0
    for specimen in corpus:
        try:
            service.run(specimen.path, ImportOptions(good_rows_only=True), dry_run=True)
        except AppError as exc:
            refused += 1
            text = error_text(exc, "zh")
            if exc.code not in MESSAGES or foreign_words(text, specimen.path):
                unclear.append((specimen.path.name, text))
        except Exception as exc:
            bugs.append((specimen.path.name, repr(exc)[:200]))
    assert bugs == []
    assert unclear == []
    assert refused > len(corpus) // 2
    with sqlite_db.sessions.begin() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0


def test_files_that_aborted_the_process_now_end_in_a_message(corpus: list[Specimen],
                                                              tmp_path: Path,
                                                              sqlite_template: Path) -> None:
    """A child process imports the worst files: before, a far cell aborted it (exit 134), a
    date serial out of range panicked in Rust and a bomb took gigabytes."""
    names = {"two_cells.xlsx", "far_0_2.xlsx", "row_bad_3.xlsx", "serial_9.xlsx",
             "trunc_10.xls", "bomb_sheet.xlsx", "rows_1m.xlsx", "sst_3m.xlsx"}
    paths = [s.path for s in corpus if s.path.name in names]
    assert len(paths) == len(names)
    db = tmp_path / "child.sqlite3"
    shutil.copyfile(sqlite_template, db)
    outcomes = run_corpus(paths, f"sqlite:///{db}", timeout=60, memory_limit_mb=1500)
    assert {o.path.rsplit("/", 1)[-1]: o.outcome for o in outcomes} == dict.fromkeys(
        names, "refused")
    assert max(o.maxrss_mb for o in outcomes) <= 500
    assert max(o.seconds for o in outcomes) < 30


# --- the single findings of item 10, each on its own --------------------------------------------

def test_a_plain_xls_renamed_xlsx_is_read_as_the_xls_it_is(tmp_path: Path,
                                                           service: ImportService) -> None:
    path = tmp_path / "名册.xlsx"
    shutil.copy(DATA / "clerk.xls", path)
    assert read_sheet(path).kind == "xls"
    result = service.run(path, ImportOptions(good_rows_only=True), dry_run=True)
    assert result.counts["new"] == 4


def test_a_wrong_crc_is_refused(corpus: list[Specimen], service: ImportService) -> None:
    path = next(s.path for s in corpus if s.path.name == "crc_0.xlsx")
    with pytest.raises(AppError) as caught:
        service.run(path, dry_run=True)
    assert caught.value.code == "import_damaged"
    assert "已损坏" in error_text(caught.value)


def test_nul_bytes_after_the_first_4_kb_of_a_csv(tmp_path: Path, service: ImportService) -> None:
    path = tmp_path / "名册.csv"
    path.write_bytes(f"姓名,身份证号码\n张三,{ID_A}\n".encode() + "李四,\n".encode() * 800
                     + b"\x00\n")
    with pytest.raises(AppError) as caught:
        service.run(path, dry_run=True)
    assert caught.value.code == "import_not_text"
    assert "空字符" in error_text(caught.value)


def test_a_date_serial_with_a_fraction_is_a_day(tmp_path: Path, service: ImportService) -> None:
    body = ('<row r="1">' + _cell("A1", "姓名") + _cell("B1", "身份证号码")
            + _cell("C1", "出生日期")
            + '</row><row r="2">' + _cell("A2", "张三") + _cell("B2", ID_A)
            + '<c r="C2"><v>23813.5</v></c></row>')
    path = write_xlsx(tmp_path / "serial.xlsx", sheet_xml(body, None))
    result = service.run(path, ImportOptions(good_rows_only=True), dry_run=True)
    assert result.counts["new"] == 1, result.rows


def test_control_characters_never_reach_the_register(tmp_path: Path,
                                                     service: ImportService) -> None:
    body = ('<row r="1">' + _cell("A1", "姓名") + _cell("B1", "身份证号码")
            + _cell("C1", "工作单位")
            + '</row><row r="2">' + _cell("A2", "张_x0001_三") + _cell("B2", ID_A)
            + _cell("C2", "供电_x0000_公司_x001B_") + "</row>")
    path = write_xlsx(tmp_path / "ctl.xlsx", sheet_xml(body, None))
    sheet = read_sheet(path)
    assert sheet.rows[1].cells[:3] == ("张三", ID_A, "供电公司")


def test_a_far_cell_names_the_cell_and_the_limit(tmp_path: Path, service: ImportService) -> None:
    path = write_xlsx(tmp_path / "far.xlsx", sheet_xml(
        header_rows() + '<row r="1048576">' + _cell("XFD1048576", "x") + "</row>", "A1:C2"))
    with pytest.raises(AppError) as caught:
        service.preview(path)
    assert caught.value.code == "import_far_cell"
    text = error_text(caught.value)
    assert "XFD1048576" in text and "名单" in text and "未导入任何内容" in text
