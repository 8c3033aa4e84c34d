"""``laomo hardship list`` and ``laomo report hardship-…``: hardship files on the command line
(loaded only when such a command runs).

``list`` prints a table, CSV (UTF-8 with BOM) or one JSON array of files. The reports render
the 档案表, 公示名单, 发放签收表 and 帮扶证明 through ``HardshipPrint`` (the same calls as the
window); the PDF is written atomically (``write_atomically``), so a refusal leaves no file.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from desktop.cli.common import (
    EXIT_OK,
    UsageError,
    check_pdf_target,
    closing_workspace,
    display_width,
    say,
    say_fonts,
    write_console,
    write_utf8,
)
from desktop.core.money import MoneyError, parse_yuan, yuan
from desktop.core.vocabulary import HARDSHIP_STATUS, label
from desktop.files import write_atomically
from desktop.services.hardship.lists import HardshipLists
from desktop.services.hardship.prints import HardshipPrint
from desktop.services.hardship.types import CaseRow

__all__ = ["LIST_KEYS", "hardship_list", "hardship_standard", "hardship_standards",
           "report_hardship_file", "report_hardship_notice", "report_hardship_payments",
           "report_hardship_proof"]

LIST_KEYS = ("serial", "uuid", "name", "district", "year", "category", "status",
             "per_capita", "notice_end", "next_review_date", "updated_at", "paid_total")
# key, Chinese heading, English heading
TABLE = (("serial", "档案编号", "File"), ("name", "姓名", "Name"), ("district", "区县", "District"),
         ("category", "类别", "Category"), ("status", "状态", "Status"),
         ("per_capita", "人均月收入", "Per capita"), ("next_review_date", "下次复核", "Review"),
         ("paid_total", "已发放（元）", "Paid"))


def _row(r: CaseRow) -> dict[str, Any]:
    return {
        "serial": r.serial, "uuid": str(r.id), "name": r.person_name, "district": r.district,
        "year": r.year, "category": r.category, "status": r.status,
        "per_capita": yuan(r.per_capita),
        "notice_end": r.notice_end.isoformat() if r.notice_end else None,
        "next_review_date": r.next_review_date.isoformat() if r.next_review_date else None,
        "updated_at": r.updated_at.isoformat(), "paid_total": yuan(r.paid_total),
    }


def _table(rows: Sequence[dict[str, Any]], lang: str) -> list[str]:
    heads = [say(lang, zh, en) for _k, zh, en in TABLE]

    def cell(r: dict[str, Any], key: str) -> str:
        value = r.get(key)
        if key == "status":
            return label(HARDSHIP_STATUS, str(value), lang)
        return "" if value is None else str(value)

    cells = [[cell(r, k) for k, _zh, _en in TABLE] for r in rows]
    widths = [max([display_width(h), *(display_width(c[i]) for c in cells)])
              for i, h in enumerate(heads)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (widths[i] - display_width(v))
                         for i, v in enumerate(values)).rstrip()

    return [line(heads), "  ".join("-" * w for w in widths), *(line(c) for c in cells)]


def hardship_list(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo hardship list [--status S] [--due] [--search T] [--format table|csv|json]``."""
    with closing_workspace(args) as ws:
        found = ws.hardship_lists().cases(
            statuses=tuple(args.status or ()), due=args.due, search=args.search or "",
            with_paid=True)
        rows = [_row(r) for r in found]
        if args.format == "json":
            body = ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
            write_utf8(out, f"[\n{body}\n]\n" if rows else "[]\n")
        elif args.format == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(LIST_KEYS)
            for r in rows:
                writer.writerow(["" if r[k] is None else r[k] for k in LIST_KEYS])
            write_utf8(out, "\ufeff" + buffer.getvalue())
        else:
            lines = _table(rows, args.lang)
            lines.append(say(args.lang, f"共 {len(rows)} 份档案", f"{len(rows)} file(s)"))
            write_console(out, "\n".join(lines) + "\n")
        return EXIT_OK


def hardship_standards(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo hardship standards [--year Y]``: the standards table."""
    with closing_workspace(args) as ws:
        rows = ws.hardship().standards(args.year)
    for r in rows:
        parts = [str(r.year), r.kind, r.district or say(args.lang, "（全部）", "(all)"),
                 yuan(r.amount) if r.amount is not None else "-"]
        if r.ratio_pct:
            parts.append(f"{r.ratio_pct}%")
        if r.per_year:
            parts.append(say(args.lang, f"每年 {r.per_year} 次", f"{r.per_year}/year"))
        print("  ".join(parts), file=out)
    return EXIT_OK


def hardship_standard(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo hardship standard --year Y --kind K --amount YUAN [...]``."""
    amount = None
    if args.amount is not None:
        try:
            amount = parse_yuan(args.amount)
        except MoneyError:
            raise UsageError("validation_failed", count=1) from None
    with closing_workspace(args) as ws:
        ws.hardship().set_standard(
            args.year, args.kind, amount=amount, district=args.district, ratio_pct=args.ratio,
            per_year=args.per_year)
    print(say(args.lang, f"已设置 {args.year} 年“{args.kind}”标准。",
               f"Standard set: {args.year} {args.kind}."), file=out)
    return EXIT_OK


def _report(args: argparse.Namespace, out: TextIO,
            build: Callable[[HardshipPrint, HardshipLists], bytes], what: tuple[str, str]
            ) -> int:
    """Check the target, let the service make the PDF (one call: permission, approval, serial
    and rendering), then write it whole."""
    target: Path = args.out
    check_pdf_target(target)
    with closing_workspace(args) as ws:
        data = build(ws.hardship_print(), ws.hardship_lists())
        say_fonts(ws)
    write_atomically(target, data)
    print(say(args.lang, f"已生成{what[0]}：{target}", f"{what[1]} written: {target}"),
          file=out)
    return EXIT_OK


def report_hardship_file(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo report hardship-file --file KN-2026-00001 --out F.pdf``: the 档案表."""
    return _report(args, out, lambda p, lists: p.case_sheet(lists.find(args.file)),
                   ("困难劳模档案表", "Hardship file"))


def report_hardship_proof(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo report hardship-proof --file KN-… --out F.pdf``: 帮扶证明 with a new serial."""
    return _report(args, out, lambda p, lists: p.proof(lists.find(args.file)).pdf,
                   ("帮扶证明", "Proof of assistance"))


def report_hardship_notice(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo report hardship-notice [--file KN-…]… --out F.pdf``: 公示名单 (files in notice
    by default)."""
    return _report(args, out, lambda p, lists: p.notice([lists.find(f) for f in args.file]),
                   ("公示名单", "Public notice"))


def report_hardship_payments(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo report hardship-payments [--year Y] [--kind K] [--district D] --out F.pdf``."""
    return _report(args, out, lambda p, _lists: p.payments(
        year=args.year, kind=args.kind, district=args.district),
        ("发放签收表", "Payment list"))
