"""Export templates (the ACFTU survey shape, saved ones) and the exported workbook as
LibreOffice reads it."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop.database import Database
from desktop.errors import ValidationError
from desktop.exchange.register_export import BUILTIN_TEMPLATES, column_title
from desktop.services.imports.export_templates import ExportTemplateService
from desktop.services.permissions import Actor
from tests.register_support import REGISTER, add_persons

SURVEY = "全总劳模信息调查表"


def test_survey_template_columns_and_values(register_url: str, run_laomo: Any,
                                            tmp_path: Path) -> None:
    out = tmp_path / "survey.xlsx"
    done = run_laomo("--db", register_url, "--user", "admin", "members", "export", str(out),
                     "--template", SURVEY)
    assert done.returncode == 0, done.stderr
    ws = openpyxl.load_workbook(out).active
    titles = [c.value for c in ws[7]]
    assert titles == [column_title(k) for k in BUILTIN_TEMPLATES[SURVEY]]
    wanted = {"政治面貌", "入党时间", "籍贯", "本人月收入（元）", "参保情况", "就业状况"}
    assert wanted <= set(titles)
    done = run_laomo("--db", register_url, "--user", "admin", "members", "export", str(out),
                     "--template", "没有这个")
    assert done.returncode == 2 and "全总劳模信息调查表" in done.stderr


def test_saved_templates(db: Database, admin: Actor) -> None:
    service = ExportTemplateService(db.sessions, admin)
    service.save("城市季报", ["name", "id_number", "political_status"])
    assert service.templates()["城市季报"] == ("name", "id_number", "political_status")
    with pytest.raises(ValidationError):
        service.save(SURVEY, ["name"])
    with pytest.raises(ValidationError):
        service.save("坏的", ["name", "shoe_size"])
    service.delete("城市季报")
    assert "城市季报" not in service.templates()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_exported_workbook_opens_in_libreoffice_with_the_same_content(
        db: Database, admin: Actor, run_laomo: Any, tmp_path: Path) -> None:
    add_persons(db, REGISTER)
    db.dispose()
    out = tmp_path / "名册.xlsx"
    done = run_laomo("--db", db.url, "--user", "admin", "members", "export", str(out))
    assert done.returncode == 0, done.stderr
    ours = [[("" if v is None else v) for v in row]
            for row in openpyxl.load_workbook(out).active.iter_rows(values_only=True)]
    converted = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path),
         str(out)], capture_output=True, text=True, timeout=170)
    assert converted.returncode == 0, converted.stderr
    with (tmp_path / "名册.csv").open(encoding="utf-8") as handle:
        theirs = list(csv.reader(handle))
    assert len(theirs) == len(ours)
    title_row = 6  # 0-based: the header block, a blank line, then the titles
    assert theirs[0][0] == ours[0][0] and theirs[title_row] == [str(v) for v in ours[title_row]]
    for mine, lo in zip(ours[title_row + 1:], theirs[title_row + 1:], strict=True):
        assert lo[0] == mine[0] and lo[4] == mine[4]  # names (𠮷 too) and masked IDs as text
        assert lo[2] == (mine[2].date().isoformat() if mine[2] else "")
