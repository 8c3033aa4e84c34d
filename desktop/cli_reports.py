"""``laomo report …``: printed documents on the command line (loaded only when such a command
runs).

``roster`` renders the (filtered) register as a landscape roster (花名册) PDF through
``desktop.reports``. The command line is checked and the fonts are found before the database is
opened; the PDF is rendered in memory, then written to a temporary file beside ``--out`` and
renamed, so a failure (nobody matches, a character no font has, no font) leaves no file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
from pathlib import Path
from typing import TextIO

from desktop.cli import EXIT_OK, UsageError, _say
from desktop.cli_commands import _login, _open
from desktop.cli_members import filter_from_args, filter_words, write_atomically
from desktop.errors import AppError
from desktop.services.accounts import association_info
from desktop.services.register import RegisterService

__all__ = ["ASSOCIATION_SUFFIX", "ROSTER_KEYS", "check_pdf_target", "report_roster"]

ASSOCIATION_SUFFIX = "劳动模范协会"
ROSTER_KEYS = ("seq", "name", "sex", "birth_date", "age", "id_number", "work_unit",
               "treatment_level", "honors", "phone")
"""The columns of the printed roster (ID numbers masked unless ``--unmask --reason``)."""


def check_pdf_target(target: Path) -> None:
    """Usage errors for ``--out`` before anything else is done."""
    if target.suffix.lower() != ".pdf":
        raise UsageError("report_not_pdf", path=str(target))
    if target.is_dir():
        raise AppError("output_is_directory", path=str(target))


def _page_count(data: bytes) -> int | None:
    try:
        from pypdf import PdfReader

        return len(PdfReader(io.BytesIO(data)).pages)
    except Exception:  # the count is only for the message; the file is already written
        return None


def report_roster(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo report roster [filters] --out FILE.pdf``."""
    from desktop.reports.fonts import find_fonts
    from desktop.reports.framework import render
    from desktop.reports.roster import roster_document

    target: Path = args.out
    check_pdf_target(target)
    fontset = find_fonts()  # no font: a clear message before the database is touched
    db = _open(args)
    try:
        actor = _login(db, args)
        service = RegisterService(db.read_sessions, actor, db.sessions)
        rows = service.export(filter_from_args(args), unmask=args.unmask, reason=args.reason)
        if not rows:
            raise AppError("report_empty")
        info = association_info(db.sessions)
        association = (info.name if info is not None else "") + ASSOCIATION_SUFFIX
        words = filter_words(args)
        subtitle = None if words == "全部（未筛选）" else f"筛选条件：{words}"
        doc = roster_document(rows, association=association, date=dt.date.today(),
                              columns=ROSTER_KEYS, subtitle=subtitle)
        data = render(doc, fontset)
    finally:
        db.dispose()
    write_atomically(target, data)
    pages = _page_count(data)
    count = len(rows)
    if pages is None:
        print(_say(args.lang, f"已生成花名册：{count} 人：{target}",
                   f"Roster written: {count} person(s): {target}"), file=out)
    else:
        print(_say(args.lang, f"已生成花名册：{count} 人，共 {pages} 页：{target}",
                   f"Roster written: {count} person(s), {pages} page(s): {target}"), file=out)
    return EXIT_OK
