"""The Windows fonts, simulated on Linux: a folder laid out like ``C:\\Windows\\Fonts`` and a
per-user fonts folder, filled with REAL TrueType files (installed Debian fonts copied under the
Windows file names), then the faces chosen, the collection faces, and the Ext-B fallback.

Sources (scripts/_bootstrap.py installs both): fonts-wqy-microhei, a .ttc collection with two
faces and no Extension B, stands in for simsun.ttc, msyh.ttc and simfang.ttf (its first face;
the file type is read from the header, not the name); fonts-hanazono's HanaMinB, which has
Extension B only, stands in for simsunb.ttf.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.core.texts import error_text
from desktop.errors import AppError
from desktop.reports import fonts
from desktop.reports.fonts import FontSet, find_fonts
from tests.reports.test_fonts import RARE, _assert_embedded, _pdf, _texts

DEBS = {"WenQuanYi Micro Hei": "fonts-wqy-microhei", "HanaMinB": "fonts-hanazono"}


def installed(family: str) -> Path:
    found = [path for path, _index, _fam in fonts._fc_list(f":family={family}")
             if path.suffix.lower() in (".ttf", ".ttc")]
    assert found, f"font {family} is not installed: apt install {DEBS[family]}"
    return sorted(found)[0]


def lay_out(folder: Path, files: dict[str, str]) -> Path:
    """``folder`` with each Windows file name a copy of the installed ``family``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, family in files.items():
        shutil.copyfile(installed(family), folder / name)
    return folder


@pytest.fixture(scope="module")
def windows_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """C:\\Windows\\Fonts with SimSun/NSimSun, FangSong and SimSun-ExtB; Microsoft YaHei only
    in the user's own fonts folder (installed without administrator rights)."""
    root = tmp_path_factory.mktemp("C")
    lay_out(root / "Windows" / "Fonts", {"simsun.ttc": "WenQuanYi Micro Hei",
                                         "simfang.ttf": "WenQuanYi Micro Hei",
                                         "simsunb.ttf": "HanaMinB"})
    lay_out(root / "Users" / "王芳" / "AppData" / "Local" / "Microsoft" / "Windows" / "Fonts",
            {"msyh.ttc": "WenQuanYi Micro Hei"})
    return root


@pytest.fixture(scope="module")
def office(windows_root: Path) -> FontSet:
    mp = pytest.MonkeyPatch()
    mp.setattr("sys.platform", "win32")
    mp.setenv("WINDIR", str(windows_root / "Windows"))
    mp.setenv("LOCALAPPDATA", str(windows_root / "Users" / "王芳" / "AppData" / "Local"))
    try:
        return find_fonts()  # the defaults, as the program calls it on Windows
    finally:
        mp.undo()


def test_both_windows_fonts_folders_are_searched(windows_root: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("WINDIR", str(windows_root / "Windows"))
    monkeypatch.setenv("LOCALAPPDATA", r"C:\Users\王芳\AppData\Local")

    assert [str(p) for p in fonts.windows_fonts_dirs()] == [
        str(windows_root / "Windows" / "Fonts"),
        str(Path(r"C:\Users\王芳\AppData\Local") / "Microsoft" / "Windows" / "Fonts")]


def test_windows_faces_are_chosen_by_role(office: FontSet, windows_root: Path) -> None:
    faces = {f.family: f for f in office.faces}

    assert office.title.family == "SimSun" and office.title.index == 0
    assert office.title.path.name == "simsun.ttc"
    assert office.body.family == "FangSong"  # 仿宋 for the body of official documents
    # Both faces of the collection, the user's own font, and the Ext-B font; nothing from
    # fontconfig (not on Windows).
    assert faces["NSimSun"].path.name == "simsun.ttc" and faces["NSimSun"].index == 1
    assert faces["Microsoft YaHei"].path.parent.parent.parent.name == "Microsoft"
    assert faces["SimSun-ExtB"].path.name == "simsunb.ttf"
    assert set(faces) == {"SimSun", "NSimSun", "FangSong", "Microsoft YaHei", "SimSun-ExtB"}
    assert {f.source for f in office.faces} == {"windows"}
    assert office.fallbacks[-1].family == "SimSun-ExtB"


def test_ext_b_falls_back_to_simsun_extb_and_prints(office: FontSet, tmp_path: Path) -> None:
    name = "王" + RARE
    extb = next(f for f in office.faces if f.family == "SimSun-ExtB")

    assert office.font_for(RARE) == extb.name
    assert office.runs(name) == [(office.body.name, "王"), (extb.name, RARE)]
    lines = [name, "劳动模范 王芳"]
    pdf = _pdf(office, lines)
    _assert_embedded(pdf)
    assert _texts(pdf, tmp_path) == (lines, lines)


def test_the_second_face_of_a_collection_prints(office: FontSet, tmp_path: Path) -> None:
    nsimsun = next(f for f in office.faces if f.family == "NSimSun")
    one = FontSet(nsimsun, nsimsun, ())
    lines = ["中华人民共和国劳动模范协会"]

    pdf = _pdf(one, lines)

    _assert_embedded(pdf)
    assert _texts(pdf, tmp_path) == (lines, lines)
    assert nsimsun.name.endswith("-1")


def test_without_an_ext_b_font_the_rare_character_is_refused_by_name(tmp_path: Path) -> None:
    folder = lay_out(tmp_path / "Windows" / "Fonts", {"simsun.ttc": "WenQuanYi Micro Hei"})
    fs = find_fonts(windows_dir=folder, fontconfig=False)

    assert fs.font_for(RARE) is None
    with pytest.raises(AppError) as caught:
        fs.check("王" + RARE, who="王" + RARE, field="姓名")

    assert caught.value.code == "glyph_missing"
    assert "U+20BB7" in error_text(caught.value, "zh_CN")
    assert "SimSun-ExtB" in error_text(caught.value, "zh_CN")


def _sans_ext_b(folder: Path) -> Path:
    """A sans (黑体) Ext-B face for the test: HanaMinB under another PostScript name (the
    same number of bytes, so every offset holds) and a Hei file name."""
    data = installed("HanaMinB").read_bytes()
    data = data.replace(b"HanaMinB", b"HanaGotB").replace(
        "HanaMinB".encode("utf-16-be"), "HanaGotB".encode("utf-16-be"))
    path = folder / "HanaGothicB.ttf"  # "gothic": a sans face
    path.write_bytes(data)
    return path


def _pdffonts(pdf: bytes, tmp_path: Path) -> str:
    exe = shutil.which("pdffonts")
    assert exe, "poppler-utils (pdffonts) is needed by the tests"
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    return subprocess.run([exe, str(path)], capture_output=True, text=True, check=True,
                          timeout=60).stdout


def test_a_rare_character_falls_back_to_a_face_of_the_same_style(tmp_path: Path) -> None:
    """宋体 text takes 𠮷 from a serif Ext-B face (SimSun-ExtB), 黑体 text from a sans one,
    even when the sans face comes first in the list (an administrator configured it)."""
    folder = lay_out(tmp_path / "Fonts", {"simsun.ttc": "WenQuanYi Micro Hei",
                                          "msyh.ttc": "WenQuanYi Micro Hei",
                                          "simsunb.ttf": "HanaMinB"})
    gothic = _sans_ext_b(tmp_path)
    fs = find_fonts([gothic], windows_dir=folder, fontconfig=False)
    faces = {f.family: f for f in fs.faces}
    assert fs.title.family == "SimSun"
    assert fonts.style_of(fs.title) == "serif" and fonts.style_of(faces["HanaGothicB"]) == "sans"

    assert fs.font_for(RARE, fs.title.name) == faces["SimSun-ExtB"].name
    assert fs.font_for(RARE, faces["Microsoft YaHei"].name) == faces["HanaGothicB"].name

    song = _pdffonts(_pdf(fs, ["王" + RARE]), tmp_path)  # paragraphs in the body face (宋)
    assert "HanaMinB" in song and "HanaGotB" not in song, song
    hei = FontSet(faces["Microsoft YaHei"], faces["Microsoft YaHei"], fs.fallbacks)
    sans = _pdffonts(_pdf(hei, ["王" + RARE]), tmp_path)
    assert "HanaGotB" in sans and "HanaMinB" not in sans, sans
