"""``laomo report …``: printed documents on the command line (loaded only when such a command
runs).

``roster`` renders the (filtered) register as a landscape roster (花名册), ``certificate`` a
proof of title (荣誉称号证明) or its reprint, ``cards`` membership cards (会员证), all through
``DocumentService`` (the administrator's fonts and seal); ``void`` voids a serial. ``--out`` is
checked before the database is opened; the PDF is rendered in memory, then written to a temporary
file beside ``--out`` and renamed, so a failure (nobody matches, a character no font has, no font)
leaves no file.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path
from typing import TextIO

from desktop.cli.common import (
    EXIT_OK,
    check_pdf_target,
    closing_workspace,
    say,
    say_fonts,
)
from desktop.cli.members import filter_from_args
from desktop.files import write_atomically

__all__ = ["check_pdf_target", "report_cards", "report_certificate", "report_roster",
           "report_void"]


def _page_count(data: bytes) -> int | None:
    try:
        from pypdf import PdfReader

        return len(PdfReader(io.BytesIO(data)).pages)
    except Exception:  # the count is only for the message; the file is already written
        return None


def report_roster(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo report roster [filters] --out FILE.pdf``."""
    target: Path = args.out
    check_pdf_target(target)
    with closing_workspace(args) as ws:
        issued = ws.documents().roster(filter_from_args(args), unmask=args.unmask,
                                       reason=args.reason, everyone=args.everyone)
        say_fonts(ws)
    write_atomically(target, issued.pdf)
    pages = _page_count(issued.pdf)
    count = issued.count
    if pages is None:
        print(say(args.lang, f"已生成花名册：{count} 人：{target}",
                   f"Roster written: {count} person(s): {target}"), file=out)
    else:
        print(say(args.lang, f"已生成花名册：{count} 人，共 {pages} 页：{target}",
                   f"Roster written: {count} person(s), {pages} page(s): {target}"), file=out)
    return EXIT_OK


def report_certificate(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo report certificate --person UUID|ID [--unmask --reason R] --out F.pdf`` or
    ``--reprint SERIAL --reason R``."""
    target: Path = args.out
    check_pdf_target(target)
    with closing_workspace(args) as ws:
        service = ws.documents()
        if args.reprint:
            issued = service.reprint(args.reprint, args.reason or "", unmask=args.unmask)
        else:
            person = service.find_person(args.person)
            issued = service.certificate(person, unmask=args.unmask, reason=args.reason,
                                         deceased_reason=args.deceased_reason)
        say_fonts(ws)
    write_atomically(target, issued.pdf)
    serial = issued.serials[0]
    if args.reprint:
        zh, en = (("帮扶证明", "Proof of assistance") if "-BF-" in serial
                  else ("荣誉称号证明", "Proof of title"))
        print(say(args.lang, f"已补打{zh}，编号 {serial}：{target}",
                   f"{en} reprinted, serial {serial}: {target}"), file=out)
    else:
        print(say(args.lang, f"已出具荣誉称号证明，编号 {serial}：{target}",
                   f"Proof of title issued, serial {serial}: {target}"), file=out)
    return EXIT_OK


def report_cards(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo report cards [filters] --out F.pdf``: one serial per card."""
    target: Path = args.out
    check_pdf_target(target)
    with closing_workspace(args) as ws:
        issued = ws.documents().cards(filter=filter_from_args(args), everyone=args.everyone)
        say_fonts(ws)
    write_atomically(target, issued.pdf)
    first, last = issued.serials[0], issued.serials[-1]
    print(say(args.lang, f"已生成会员证 {issued.count} 张（编号 {first} 至 {last}）：{target}",
               f"{issued.count} card(s) written (serials {first} to {last}): {target}"),
          file=out)
    return EXIT_OK


def report_void(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo report void SERIAL --reason R``."""
    with closing_workspace(args) as ws:
        ws.documents().void(args.serial, args.reason)
    print(say(args.lang, f"编号 {args.serial.strip().upper()} 已作废。",
               f"Serial {args.serial.strip().upper()} is void."), file=out)
    return EXIT_OK
