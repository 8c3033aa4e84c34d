"""Regenerate the committed import fixtures in this folder (needs LibreOffice; the encrypted
workbook also needs msoffcrypto-tool, e.g. in a throw-away venv):

    .venv/bin/python tests/exchange/data/make_fixtures.py [--crypt-python /tmp/venv/bin/python]

- clerk.xls        BIFF8 (Excel 97-2003) written by LibreOffice from the clerk roster of
                   tests/exchange/import_support.py: merged title rows, odd headers, mixed date
                   styles, a row with a bad check digit, totals and a signature under the table.
- locked.xlsx      the clerk roster encrypted with the password ``secret`` (an OLE container
                   holding the encrypted OOXML package, as Excel and WPS write it).

The files are committed so the .xls and encrypted-workbook tests run where LibreOffice is absent
(CI); tests/exchange/test_import_fixtures.py reads them.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from tests.exchange.import_support import write_clerk_workbook  # noqa: E402

PASSWORD = "secret"


def _convert(source: Path, target: Path, filter_name: str, work: Path) -> None:
    out = work / "out"
    out.mkdir(exist_ok=True)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/lo", "--headless",
                    "--convert-to", f"xls:{filter_name}", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=300)
    shutil.move(out / (source.stem + ".xls"), target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crypt-python", default=sys.executable,
                        help="a python that has msoffcrypto-tool installed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        book = write_clerk_workbook(work / "clerk.xlsx")
        _convert(book, HERE / "clerk.xls", "MS Excel 97", work)
        script = ("import msoffcrypto.format.ooxml as o, sys\n"
                  "f = o.OOXMLFile(open(sys.argv[1], 'rb'))\n"
                  "with open(sys.argv[2], 'wb') as out:\n"
                  "    f.encrypt(sys.argv[3], out)\n")
        subprocess.run([args.crypt_python, "-c", script, str(book), str(HERE / "locked.xlsx"),
                        PASSWORD], check=True)
    for name in ("clerk.xls", "locked.xlsx"):
        print(name, (HERE / name).stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
