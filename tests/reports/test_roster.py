"""The roster (花名册) through the document framework: many pages, every name extracts back
(𠮷 included), page numbers, repeated header rows, subtotals and total, embedded fonts only,
byte-identical output, and a page that renders to PNG."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from desktop.core.texts import error_text
from desktop.errors import AppError
from desktop.reports.fonts import FontSet, find_fonts
from desktop.reports.framework import render
from desktop.reports.roster import roster_document

RARE = "\U00020BB7"  # 𠮷
ASSOCIATION = "长兴县劳动模范协会"
DATE = dt.date(2026, 11, 28)
DISTRICTS = ("雉城街道", "画溪街道", "泗安镇")
UNIT_PART = "新能源电池材料与智能装备制造产业园区综合服务管理委员会下属第一分公司"
LONG_UNIT = ("长兴县" + UNIT_PART * 3)[:100]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "建国秀英志强丽华明军海燕春梅国庆小红伟东"
BASE14 = {"Helvetica", "Times-Roman", "Courier", "Symbol", "ZapfDingbats"}


def _rows(n: int = 250) -> list[dict[str, Any]]:
    rows = []
    for i in range(n):
        name = SURNAMES[i % 20] + GIVEN[(i // 20) % 20] + GIVEN[(i * 7) % 20] + str(i)
        if i == 17:
            name = RARE + "荣荣"
        rows.append({
            "name": name, "sex": "男" if i % 2 else "女",
            "birth_date": f"19{50 + i % 40}-03-0{1 + i % 9}",
            "age": 76 - i % 40, "district": DISTRICTS[i % 3],
            "work_unit": LONG_UNIT if i == 5 else f"长兴县第{i}机械厂",
            "treatment_level": "省级", "highest_honor": "全国劳动模范",
            "honors": [{"title": "全国劳动模范", "level": "全国", "year": 2000 + i % 20},
                       {"title": "浙江省劳动模范", "level": "省级", "year": 1995}],
            "phone": "138****0000", "id_number": "330522********0011",
        })
    return rows


@pytest.fixture(scope="module")
def fontset() -> FontSet:
    return find_fonts(windows_dir=False)


@pytest.fixture(scope="module")
def pdf(fontset: FontSet) -> bytes:
    doc = roster_document(_rows(), association=ASSOCIATION, date=DATE)
    return render(doc, fontset)


def _pdftotext(pdf: bytes, tmp_path: Path) -> str:
    exe = shutil.which("pdftotext")
    assert exe, "pdftotext (poppler-utils) is needed"
    path = tmp_path / "roster.pdf"
    path.write_bytes(pdf)
    return subprocess.run([exe, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_roster_extracts_back(pdf: bytes, tmp_path: Path) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    pages = len(reader.pages)
    assert pages > 1
    pypdf_pages = [p.extract_text() for p in reader.pages]
    texts = {"pdftotext": _pdftotext(pdf, tmp_path), "pypdf": "\n".join(pypdf_pages)}
    names = [r["name"] for r in _rows()]
    assert RARE + "荣荣" in names
    for tool, text in texts.items():
        squeezed = re.sub(r"\s+", "", text)
        missing = [n for n in names if n not in squeezed]
        assert not missing, (tool, missing[:5])
        assert RARE in text, tool
        for k in range(1, pages + 1):
            assert f"第 {k} 页 共 {pages} 页" in text, (tool, k)
        assert f"第 {pages + 1} 页" not in text
        assert text.count("工作单位") == pages, tool  # the header row repeats on every page
        for district in DISTRICTS:
            assert f"{district} 小计：" in text, tool
        assert "雉城街道 小计：84 人" in text and "泗安镇 小计：83 人" in text
        assert "合计：250 人" in text, tool
        assert "2026年11月28日" in text and "制表人" in text and "审核人" in text
        assert text.count(ASSOCIATION) >= pages, tool  # in the header of every page
        assert LONG_UNIT[:20] in squeezed and LONG_UNIT[-10:] in squeezed, tool
    for page in pypdf_pages:
        assert "工作单位" in page and "姓名" in page


def test_fonts_are_embedded_truetype_only(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    seen = 0
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources["/Font"].values():
            font = font.get_object()
            assert isinstance(font, DictionaryObject)
            base = str(font["/BaseFont"])
            assert not any(b in base for b in BASE14), base
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, base
            seen += 1
    assert seen
    assert b"Helvetica" not in pdf


def test_output_is_deterministic(fontset: FontSet, pdf: bytes) -> None:
    again = render(roster_document(_rows(), association=ASSOCIATION, date=DATE), fontset)
    assert again == pdf


def test_page_renders_to_png(pdf: bytes, tmp_path: Path) -> None:
    exe = shutil.which("pdftoppm")
    assert exe, "pdftoppm (poppler-utils) is needed"
    path = tmp_path / "roster.pdf"
    path.write_bytes(pdf)
    subprocess.run([exe, "-png", "-r", "60", "-f", "1", "-l", "1", str(path),
                    str(tmp_path / "page")], check=True, capture_output=True)
    pngs = list(tmp_path.glob("page*.png"))
    assert len(pngs) == 1 and pngs[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_zero_rows_is_an_error(fontset: FontSet) -> None:
    with pytest.raises(AppError) as e:
        render(roster_document([], association=ASSOCIATION, date=DATE), fontset)
    assert e.value.code == "report_empty"
    assert "没有符合条件的人员" in error_text(e.value)


def test_unknown_column_is_an_error() -> None:
    with pytest.raises(AppError) as e:
        roster_document(_rows(3), association=ASSOCIATION, columns=("name", "shoe_size"))
    assert e.value.code == "export_unknown_columns"


def test_ungrouped_roster_keeps_district_column(fontset: FontSet, tmp_path: Path) -> None:
    doc = roster_document(_rows(5), association=ASSOCIATION, date=DATE, district_groups=False,
                          columns=("seq", "name", "district", "work_unit"))
    assert [c.title for c in doc.columns] == ["序号", "姓名", "区县", "工作单位"]
    assert len(doc.sections) == 1 and doc.sections[0].subtotal is None
    text = re.sub(r"\s+", "", _pdftotext(render(doc, fontset), tmp_path))
    assert "合计：5人" in text and "小计" not in text and "第1页共1页" in text


def test_character_no_font_has_names_the_person(fontset: FontSet) -> None:
    rows = _rows(3)
    rows[1]["work_unit"] = "长兴县\U000F0001厂"  # a private-use plane character: in no font
    with pytest.raises(AppError) as e:
        render(roster_document(rows, association=ASSOCIATION, date=DATE), fontset)
    assert e.value.code == "glyph_missing"
    assert e.value.params["who"] == rows[1]["name"]
    assert e.value.params["field"] == "工作单位"


def test_beside_masked_id_numbers_only_the_birth_year_prints() -> None:
    """A birth month beside 330522********6962 leaves about three possible numbers."""
    row = {"name": "钱秀英", "district": "长兴县", "birth_date": "1974-08-02",
           "id_number": "330522********6962"}
    columns = ("seq", "name", "birth_date", "id_number")
    masked = roster_document([row], association="长兴县劳动模范协会", columns=columns)
    assert [c.title for c in masked.columns][1:3] == ["姓名", "出生年份"]
    assert masked.sections[0].rows[0][2] == "1974"
    full = roster_document([row | {"id_number": "330522197408026962"}],
                           association="长兴县劳动模范协会", columns=columns)
    assert [c.title for c in full.columns][2] == "出生年月"
    assert full.sections[0].rows[0][2] == "1974.08"


def test_a_person_without_an_id_number_prints_an_empty_cell() -> None:
    """On a masked roster a person with no ID number recorded printed "*" as their number."""
    rows = [{"name": "钱秀英", "district": "长兴县", "birth_date": "1974-08-02",
             "id_number": "330522********6962"},
            {"name": "孙无号", "district": "长兴县", "birth_date": "1950-03-04",
             "id_number": None}]
    columns = ("seq", "name", "birth_date", "id_number")
    doc = roster_document(rows, association="长兴县劳动模范协会", columns=columns)
    cells = doc.sections[0].rows
    assert cells[0][3] == "330522********6962"
    assert cells[1][3] == "" and cells[1][2] == "1950"  # still the year only, as headed
