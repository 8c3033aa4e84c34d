"""The Windows installer files cannot run here (no Windows): check that they agree with each
other and with the code — names, the AppId the workflow looks up, per-user install, a data
folder nobody deletes, and an icon made from the current SVG."""

from __future__ import annotations

import re
import struct
from pathlib import Path

from desktop import APP_DISPLAY_NAME, APP_NAME

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "installer" / "laomo.iss"
SPEC = ROOT / "installer" / "laomo.spec"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


def sections(text: str) -> dict[str, list[str]]:
    """Inno Setup sections -> their non-comment lines."""
    out: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            out[current] = []
        elif current:
            out[current].append(line)
    return out


def test_the_inno_setup_script_installs_per_user_and_never_deletes_the_data() -> None:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup needs the UTF-8 BOM for Chinese text"
    text = raw.decode("utf-8-sig")
    parts = sections(text)
    setup = dict(line.split("=", 1) for line in parts["Setup"])

    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"].startswith("{autopf}")  # the user's Programs folder
    assert "UninstallDelete" not in parts
    assert all("{app}" in line for line in parts["InstallDelete"])
    assert APP_NAME not in " ".join(parts["InstallDelete"]).replace("{app}", "")
    assert f'#define AppName "{APP_DISPLAY_NAME}"' in text
    assert f'#define AppExe "{APP_DISPLAY_NAME}.exe"' in text
    icons = parts["Icons"]
    assert any(line.startswith('Name: "{autoprograms}\\{#AppName}"') for line in icons)
    assert any(line.startswith('Name: "{autodesktop}\\{#AppName}"') for line in icons)
    assert all('Filename: "{app}\\{#AppExe}"' in line for line in icons)


def test_the_spec_builds_the_executables_the_installer_and_build_py_name() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    build = (ROOT / "installer" / "build.py").read_text(encoding="utf-8")

    assert f'PRODUCT = "{APP_DISPLAY_NAME}"' in spec
    assert 'CONSOLE_NAME = "laomo"' in spec
    assert "executable(PRODUCT, console=False" in spec
    assert "executable(CONSOLE_NAME, console=True" in spec
    assert f'GUI_EXE_NAME = "{APP_DISPLAY_NAME}.exe" if WINDOWS else "{APP_DISPLAY_NAME}"' in build


def test_the_workflow_looks_up_the_installation_the_script_makes() -> None:
    iss = ISS.read_text(encoding="utf-8-sig")
    workflow = WORKFLOW.read_text(encoding="utf-8")
    app_id = re.search(r"^AppId=\{\{([0-9A-F-]{36})\}$", iss, re.M)
    assert app_id, "AppId={{GUID} in laomo.iss"
    assert f"Uninstall\\{{{app_id.group(1)}}}_is1" in workflow
    assert "OutputBaseFilename=laomo-{#AppVersion}-setup" in iss
    assert r"\dist\laomo-$version-setup.exe" in workflow
    for needed in ("runs-on: windows-latest", 'python-version: "3.11"', "choco install innosetup",
                   "/VERYSILENT", "/CURRENTUSER", r'& "$env:APP\laomo.exe" --self-test',
                   "actions/upload-artifact", "installer/build.py --self-test"):
        assert needed in workflow, needed


def test_the_icon_has_every_windows_size_as_png() -> None:
    """installer/laomo.ico (made by installer/make_icon.py from resources/icons/laomo.svg; byte
    equality with a fresh rendering is left to ``make_icon.py --check``, as Qt versions may
    anti-alias differently)."""
    data = (ROOT / "installer" / "laomo.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, height, _c, _r, _p, bits, size, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i:22 + 16 * i])
        png = data[offset:offset + size]
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and bits == 32
        png_width, png_height = struct.unpack(">II", png[16:24])
        assert (png_width, png_height) == (width or 256, height or 256)
        sizes.append(png_width)
    assert sizes == [16, 20, 24, 32, 40, 48, 64, 128, 256]
