"""Fonts for printed documents: discovery, rejection of unusable files, per-character fallback,
missing characters as errors, and text that extracts back exactly (including U+20BB7)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from desktop.core.texts import error_text
from desktop.errors import AppError
from desktop.reports import fonts
from desktop.reports.fonts import FontSet, find_fonts, paragraph_markup, sniff
from desktop.reports.tounicode import make_to_unicode_cmap

WQY = "WenQuanYi Micro Hei"
RARE = "\U00020BB7"  # 𠮷, CJK Extension B
NAME = "朱荣荣"


@pytest.fixture(scope="module")
def fontset() -> FontSet:
    return find_fonts(windows_dir=False)


def _rare_font(fs: FontSet) -> str | None:
    return fs.font_for(RARE)


def test_fontconfig_finds_wenquanyi(fontset: FontSet) -> None:
    families = [f.family for f in fontset.faces]
    assert WQY in families, families
    assert fontset.title.family == WQY  # a Hei face; no FangSong here, so the body is the same
    assert fontset.body == fontset.title
    assert all(f.name.startswith("LM-") for f in fontset.faces)
    assert list(fonts.describe(fontset))


def test_names_are_stable(fontset: FontSet) -> None:
    again = find_fonts(windows_dir=False)
    assert [f.name for f in again.faces] == [f.name for f in fontset.faces]


def _make_otf(tmp_path: Path) -> Path:
    path = tmp_path / "cff.otf"
    # An sfnt header with the OpenType/CFF tag and a table directory holding a 'CFF ' table.
    header = b"OTTO" + (2).to_bytes(2, "big") + bytes(6)
    tables = b"CFF " + bytes(12) + b"cmap" + bytes(12)
    path.write_bytes(header + tables + bytes(64))
    return path


def _make_corrupt(tmp_path: Path) -> Path:
    path = tmp_path / "broken.ttf"
    path.write_bytes(b"\x00\x01\x00\x00" + b"\xff" * 40)  # TrueType tag, nonsense after it
    return path


def test_cff_and_corrupt_files_are_rejected_with_reasons(tmp_path: Path) -> None:
    with pytest.raises(fonts.FontUnusable, match="CFF"):
        sniff(_make_otf(tmp_path))
    with pytest.raises(fonts.FontUnusable, match=r"corrupt|truncated"):
        sniff(_make_corrupt(tmp_path))
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"<html>not a font</html>")
    with pytest.raises(fonts.FontUnusable, match="not a TrueType"):
        sniff(junk)


def test_windows_folder_skips_bad_files_and_records_why(tmp_path: Path) -> None:
    wqy = next(f for f in find_fonts(windows_dir=False).faces if f.family == WQY).path
    shutil.copyfile(wqy, tmp_path / "msyh.ttc")
    _make_otf(tmp_path).rename(tmp_path / "simsun.ttc")
    _make_corrupt(tmp_path).rename(tmp_path / "simhei.ttf")
    fs = find_fonts(windows_dir=tmp_path, fontconfig=False)
    assert fs.title.path == tmp_path / "msyh.ttc"
    reasons = {r.path.name: r.reason for r in fs.rejected}
    assert "CFF" in reasons["simsun.ttc"]
    assert "corrupt" in reasons["simhei.ttf"] or "truncated" in reasons["simhei.ttf"]


def test_a_real_otf_on_this_machine_is_rejected_if_there_is_one() -> None:
    exe = shutil.which("fc-list")
    if exe is None:
        pytest.skip("no fontconfig")
    out = subprocess.run([exe, "--format", "%{file}\n"], capture_output=True, text=True,
                         timeout=30, check=False).stdout
    otfs = [Path(p) for p in out.splitlines() if p.lower().endswith(".otf")]
    cff = [p for p in otfs if p.read_bytes()[:4] == b"OTTO"]
    if not cff:
        pytest.skip("no CFF .otf installed here; the crafted file covers the case")
    with pytest.raises(fonts.FontUnusable, match="CFF"):
        sniff(cff[0])


@pytest.mark.parametrize("kind", ["otf", "corrupt", "missing"])
def test_a_configured_bad_font_is_an_error_the_user_sees(tmp_path: Path, kind: str) -> None:
    path = {"otf": _make_otf, "corrupt": _make_corrupt,
            "missing": lambda p: p / "nowhere.ttf"}[kind](tmp_path)
    with pytest.raises(AppError) as info:
        find_fonts([path], windows_dir=False)
    assert info.value.code == "font_unusable"
    assert info.value.params["path"] == str(path)
    assert info.value.params["reason"]
    assert str(path) in error_text(info.value)


def test_a_configured_good_font_comes_first(fontset: FontSet, tmp_path: Path) -> None:
    copy = tmp_path / "my-font.ttc"
    shutil.copyfile(fontset.title.path, copy)
    fs = find_fonts([copy], windows_dir=False)
    assert fs.title.path == copy and fs.title.source == "configured"
    assert fs.title.name == "LM-my-font-0"


def test_no_font_at_all_says_what_to_install(tmp_path: Path) -> None:
    with pytest.raises(AppError) as info:
        find_fonts(windows_dir=tmp_path, fontconfig=False)
    assert info.value.code == "no_cjk_font"
    words = error_text(info.value)
    assert "fonts-wqy-microhei" in words and "simsun.ttc" in words


@pytest.mark.parametrize("char", ["\ue000", "\U0002fffd"])  # private use; unassigned plane 2
def test_a_character_no_font_has_names_the_person(fontset: FontSet, char: str) -> None:
    with pytest.raises(AppError) as info:
        fontset.check(f"朱{char}荣", who=NAME, field="姓名")
    err = info.value
    assert err.code == "glyph_missing"
    assert err.params == {"who": NAME, "field": "姓名", "char": char,
                          "codepoint": f"U+{ord(char):04X}"}
    assert NAME in error_text(err) and f"U+{ord(char):04X}" in error_text(err)
    with pytest.raises(AppError):
        paragraph_markup(char, fontset, who=NAME, field="姓名")


def test_coverage_and_markup_fall_back_per_character(fontset: FontSet) -> None:
    body = fontset.body.name
    assert fontset.coverage("朱a") == [("朱", body), ("a", body)]
    assert paragraph_markup("A&B <朱>", fontset) == "A&amp;B &lt;朱&gt;"
    rare = _rare_font(fontset)
    if rare is None:
        pytest.skip(f"no installed font has {RARE} (U+20BB7): apt install fonts-hanazono")
    assert rare != body
    assert paragraph_markup(f"{RARE}田", fontset) == f'<font name="{rare}">{RARE}</font>田'


def test_tounicode_writes_surrogate_pairs() -> None:
    cmap = make_to_unicode_cmap("X", [0x41, 0x20BB7, *range(0x4E00, 0x4E00 + 150)])
    assert "<01> <D842DFB7>" in cmap and "<00> <0041>" in cmap
    assert cmap.count("beginbfchar") == 2  # at most 100 entries a block


def _pdf(fontset: FontSet, lines: list[str]) -> bytes:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, invariant=True,
                            initialFontName=fontset.body.name)  # else Helvetica is referenced
    style = ParagraphStyle("body", fontName=fontset.body.name, fontSize=14, leading=20)
    doc.build([Paragraph(paragraph_markup(t, fontset, who=NAME, field="姓名"), style)
               for t in lines])
    return buf.getvalue()


def _texts(pdf: bytes, tmp_path: Path) -> tuple[list[str], list[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    by_pypdf = [ln.strip() for ln in "".join(p.extract_text() for p in reader.pages).splitlines()]
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    exe = shutil.which("pdftotext")
    assert exe, "poppler-utils (pdftotext) is needed by the tests"
    out = subprocess.run([exe, "-enc", "UTF-8", str(path), "-"], capture_output=True,
                         timeout=60, check=True).stdout.decode("utf-8")
    by_poppler = [ln.strip() for ln in out.replace("\f", "").splitlines()]
    return [x for x in by_pypdf if x], [x for x in by_poppler if x]


def _assert_embedded(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    count = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
            count += 1
    assert count


def test_pdf_text_extracts_back_exactly(fontset: FontSet, tmp_path: Path) -> None:
    lines = [NAME, "劳动模范 张三 & <李四>"]
    pdf = _pdf(fontset, lines)
    _assert_embedded(pdf)
    assert _texts(pdf, tmp_path) == (lines, lines)
    assert pdf == _pdf(fontset, lines)  # deterministic


def test_rare_character_renders_and_extracts_back(fontset: FontSet, tmp_path: Path) -> None:
    if _rare_font(fontset) is None:
        pytest.skip(f"no installed font has {RARE} (U+20BB7): apt install fonts-hanazono")
    lines = [f"{NAME}{RARE}", f"{RARE}田 先生"]
    pdf = _pdf(fontset, lines)
    _assert_embedded(pdf)
    assert _texts(pdf, tmp_path) == (lines, lines)


def test_canvas_runs_extract_back(fontset: FontSet, tmp_path: Path) -> None:
    text = f"{NAME}{RARE}" if _rare_font(fontset) else NAME
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=True, initialFontName=fontset.title.name)
    t = c.beginText(72, 700)
    for font, run in fontset.runs(text, fontset.title.name):
        t.setFont(font, 16)
        t.textOut(run)
    c.drawText(t)
    c.save()
    _assert_embedded(buf.getvalue())
    assert _texts(buf.getvalue(), tmp_path) == ([text], [text])


def test_the_quick_character_map_is_what_reportlab_draws(fontset: FontSet) -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    for face in fontset.faces:
        parsed = TTFont("LM-check", str(face.path), subfontIndex=face.index).face.charToGlyph
        assert face.chars == frozenset(c for c, g in parsed.items() if g), face.family


_ONE_PAGE = """
import datetime, io, json, sys
from pypdf import PdfReader
from desktop.reports import fonts
from desktop.reports.certificate import Certificate, HonorLine, render_certificates
fs = fonts.find_fonts(windows_dir=False)
assert fonts.loaded_faces() == [], fonts.loaded_faces()  # finding fonts parses none
cert = Certificate("长兴县劳动模范协会", "330522-ZM-2026-0001", sys.argv[1], "男", None,
                   "330522********1234", "长兴县供电公司",
                   (HonorLine(2015, "浙江省劳动模范", "省部级", "浙江省人民政府"),),
                   datetime.date(2026, 12, 3))
pdf = render_certificates([cert], fs)
used = set()
for page in PdfReader(io.BytesIO(pdf)).pages:
    for font in page["/Resources"]["/Font"].values():
        used.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
names = {f.key: f for f in fs.faces}
print(json.dumps({"loaded": fonts.loaded_faces(), "used": sorted(used),
                  "faces": {k: f.family for k, f in names.items()}}))
"""


@pytest.mark.parametrize("name", [NAME, f"{RARE}{NAME}"])
def test_a_one_page_document_loads_only_the_faces_it_draws_with(fontset: FontSet,
                                                                  name: str) -> None:
    """Parsing a CJK face costs a quarter of a second: a certificate in one face loads one
    face (the rare character adds the one face that has it), never every face found."""
    import json
    import os
    import sys

    if name != NAME and _rare_font(fontset) is None:
        pytest.skip(f"no installed font has {RARE}: apt install fonts-hanazono")
    out = subprocess.run([sys.executable, "-c", _ONE_PAGE, name], capture_output=True,
                         text=True, timeout=120, check=True,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})
    got = json.loads(out.stdout)
    assert len(got["faces"]) > len(got["loaded"])  # there were faces to leave alone
    # every face loaded is embedded (drawn with) in the PDF, and the other way round
    from reportlab.pdfbase.pdfmetrics import getFont

    expected = {f.key for f in fontset.faces if f.key in got["loaded"]}
    assert set(got["loaded"]) == expected
    assert len(got["used"]) == len(got["loaded"]), got
    assert len(got["loaded"]) == (1 if name == NAME else 2), got
    body = getFont(fontset.body.name).face.name.decode()
    assert any(used.startswith(body) for used in got["used"]), got
