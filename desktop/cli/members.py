"""``laomo members …``: the register on the command line (loaded only when such a command runs).

``list`` prints a terminal table, CSV (UTF-8 with BOM, for Excel) or one JSON array; ``export``
writes the same rows to an .xlsx or .csv file (``RegisterExporter``, as the window does). ID numbers
and phones are masked unless ``--unmask --reason`` is given by a user with the permission.
CSV and JSON are written as UTF-8 bytes whatever the console's code page, so that names with
characters outside GBK (𠮷) arrive intact in a redirected file.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from desktop.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    UsageError,
    closing_workspace,
    display_width,
    say,
    write_console,
    write_utf8,
)
from desktop.core.vocabulary import LIFE_STATUS, label
from desktop.errors import AppError
from desktop.files import write_atomically
from desktop.services.register.types import RegisterFilter

__all__ = [
    "CSV_KEYS", "display_width", "format_table", "members_export", "members_list",
    "write_atomically",
]

CSV_KEYS = (
    "uuid", "name", "sex", "birth_date", "id_number", "district", "work_unit",
    "employment_status", "life_status", "treatment_level", "honors", "phone", "age",
    "highest_honor",
)
"""The keys of ``RegisterService.export`` rows (DESIGN.md's, then phone, age, highest honor)."""
# (key, Chinese heading, English heading, widest cell in terminal columns or None)
TABLE_COLUMNS: tuple[tuple[str, str, str, int | None], ...] = (
    ("name", "姓名", "Name", None),
    ("sex", "性别", "Sex", None),
    ("age", "年龄", "Age", None),
    ("district", "区县", "District", None),
    ("work_unit", "工作单位", "Work unit", 30),
    ("treatment_level", "待遇级别", "Level", None),
    ("highest_honor", "最高荣誉", "Highest honor", 30),
    ("employment_status", "就业状况", "Employment", None),
    ("life_status", "状态", "Status", None),
    ("phone", "电话", "Phone", None),
    ("id_number", "身份证号", "ID number", None),
)
ELLIPSIS = "..."  # ASCII: "…" is East Asian "ambiguous" and two columns wide on some consoles


def filter_from_args(args: argparse.Namespace) -> RegisterFilter:
    return RegisterFilter(
        text=args.search or "",
        districts=tuple(args.district or ()),
        treatment_levels=tuple(args.level or ()),
        honor_title=args.honor or "",
        honor_year_from=args.honor_year_from,
        honor_year_to=args.honor_year_to,
        employment_statuses=tuple(args.employment or ()),
        life_statuses=(args.life,) if args.life else (),
        age_min=args.age_min,
        age_max=args.age_max,
        in_hardship=None if args.hardship is None else args.hardship == "yes",
    )


def _clip(text: str, limit: int | None) -> str:
    if limit is None or display_width(text) <= limit:
        return text
    room = limit - len(ELLIPSIS)
    out: list[str] = []
    used = 0
    for ch in text:
        w = display_width(ch)
        if used + w > room:
            break
        out.append(ch)
        used += w
    return "".join(out) + ELLIPSIS


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _cell(row: dict[str, Any], key: str, lang: str) -> str:
    value = row.get(key)
    if value is None:
        return ""
    if key == "life_status":
        return label(LIFE_STATUS, str(value), lang)
    return str(value)


def format_table(rows: Sequence[dict[str, Any]], lang: str) -> list[str]:
    """Aligned lines: a heading, a rule, one line per person (no trailing spaces)."""
    headings = [say(lang, zh, en) for _k, zh, en, _w in TABLE_COLUMNS]
    cells = [[_clip(_cell(r, key, lang), limit) for key, _zh, _en, limit in TABLE_COLUMNS]
             for r in rows]
    widths = [max([display_width(h), *(display_width(c[i]) for c in cells)])
              for i, h in enumerate(headings)]
    lines = ["  ".join(_pad(h, widths[i]) for i, h in enumerate(headings)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines.extend("  ".join(_pad(c, widths[i]) for i, c in enumerate(line)).rstrip()
                 for line in cells)
    return lines


def _honors_text(honors: Sequence[dict[str, Any]]) -> str:
    return "；".join(f"{h['title']}({h['year']})" if h.get("year") else str(h["title"])
                    for h in honors)


def format_csv(rows: Sequence[dict[str, Any]]) -> str:
    """CSV with the JSON keys as header, a BOM (Excel reads UTF-8 then) and CRLF lines."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_KEYS)
    for r in rows:
        writer.writerow(["" if r.get(k) is None else
                         (_honors_text(r[k]) if k == "honors" else r[k]) for k in CSV_KEYS])
    return "\ufeff" + buffer.getvalue()


def format_json(rows: Sequence[dict[str, Any]]) -> str:
    """One JSON array, one person a line (readable, greppable, still one document)."""
    if not rows:
        return "[]\n"
    body = ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    return f"[\n{body}\n]\n"


def members_list(args: argparse.Namespace, out: TextIO) -> int:
    with closing_workspace(args) as ws:
        service = ws.register()
        f = filter_from_args(args)
        rows = service.export(f, unmask=args.unmask, reason=args.reason, limit=args.limit)
        if args.format == "json":
            write_utf8(out, format_json(rows))
        elif args.format == "csv":
            write_utf8(out, format_csv(rows))
        else:
            total = len(rows)
            if args.limit is not None and total >= args.limit:
                total = service.count(f)
            lines = format_table(rows, args.lang)
            shown = len(rows)
            lines.append(say(args.lang, f"共 {total} 人" + (f"，显示 {shown} 人" if shown < total
                                                           else ""),
                              f"{total} person(s)" + (f", {shown} shown" if shown < total
                                                      else "")))
            write_console(out, "\n".join(lines) + "\n")
        return EXIT_OK


def members_export(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo members export OUT.xlsx|OUT.csv``: checks the command line before the database
    is opened, and writes nothing unless every row was read (and, unmasked, audited). The same
    service call as the window's export dialog (``RegisterExporter.export``)."""
    # openpyxl and the export vocabulary are loaded only when exporting (not for a report)
    from desktop.services.imports.exporter import ALL_KEYS, export_format, parse_columns

    target: Path = args.out
    if export_format(target.name) is None:
        raise UsageError("export_unknown_format", path=str(target))
    keys, unknown = parse_columns(args.columns)
    if unknown:
        raise UsageError("export_unknown_columns", columns=",".join(unknown),
                         known=",".join(ALL_KEYS))
    if target.is_dir():
        raise AppError("output_is_directory", path=str(target))
    with closing_workspace(args) as ws:
        if args.template:
            templates = ws.export_templates().templates()
            if args.template not in templates:
                raise UsageError("export_template_unknown", name=args.template,
                                 known="、".join(templates))
            keys = templates[args.template] if not args.columns else keys
        data, count = ws.exporter().export(filter_from_args(args), target.name, keys,
                                           unmask=args.unmask, reason=args.reason)
    write_atomically(target, data)
    print(say(args.lang, f"已导出 {count} 人：{target}",
               f"Exported {count} person(s): {target}"), file=out)
    return EXIT_OK


# -- import (issue 4) ------------------------------------------------------------------------


def members_import(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo members import FILE``: exit 3 (nothing written) when rows are rejected and
    ``--good-rows-only`` is not given; the report workbook is written in every case."""
    from desktop.services.imports.importer import import_format
    from desktop.services.imports.types import ImportOptions
    from desktop.services.imports.words import counts_text, report_workbook, row_text

    source: Path = args.file
    if import_format(source) is None:
        raise UsageError("import_unknown_format", path=str(source))
    if not source.is_file():
        raise AppError("import_missing", path=str(source))
    if args.report is not None and args.report.suffix.lower() != ".xlsx":
        raise UsageError("import_report_not_xlsx", path=str(args.report))
    with closing_workspace(args) as ws:
        service = ws.importer()
        options = ImportOptions(sheet=args.sheet, header_row=args.header_row,
                                saved_mapping=args.mapping, good_rows_only=args.good_rows_only)
        result = service.run(source, options, dry_run=args.dry_run)
        for outcome in result.rows:
            # every row the summary points at ("见各行说明"): notes on new rows too
            if outcome.status in ("rejected", "updated", "duplicate") or outcome.warnings:
                label = say(args.lang, f"第 {outcome.number} 行", f"row {outcome.number}")
                print(f"{label} {outcome.name}: {row_text(outcome, args.lang)}", file=out)
        print(counts_text(result, args.lang), file=out)
        if args.report is not None:
            write_atomically(args.report, report_workbook(source, result, args.lang))
            print(say(args.lang, f"导入报告：{args.report}", f"Report: {args.report}"), file=out)
        if result.written:
            print(say(args.lang, f"已导入，批次号 {result.batch_id}（撤销：laomo members "
                                  f"undo-import {result.batch_id}）",
                       f"Imported as batch {result.batch_id} (undo: laomo members undo-import "
                       f"{result.batch_id})"), file=out)
            return EXIT_OK
        if args.dry_run:
            print(say(args.lang, "试导入：未写入任何内容。", "Dry run: nothing was written."),
                  file=out)
            return EXIT_OK if not result.rejected or args.good_rows_only else EXIT_INVALID
        print(say(args.lang, f"有 {result.rejected} 行被拒绝，未导入任何内容（修改后重试，或用 "
                              "--good-rows-only 只导入正确的行）。",
                   f"{result.rejected} row(s) rejected; nothing was imported (fix them, or use "
                   "--good-rows-only)."), file=out)
        return EXIT_INVALID


def members_undo_import(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo members undo-import [BATCH]``: without a batch, list the imports."""
    import uuid


    with closing_workspace(args) as ws:
        service = ws.importer()
        if not args.batch:
            for b in service.batches():
                state = say(args.lang, "已撤销", "undone") if b.undone_at else ""
                counts = b.counts
                print(f"{b.id}  {b.created_at:%Y-%m-%d %H:%M}  {b.created_by}  {b.file_name}  "
                      f"+{counts.get('new', 0)} ~{counts.get('updated', 0)}  {state}".rstrip(),
                      file=out)
            return EXIT_OK
        try:
            batch = uuid.UUID(args.batch)
        except ValueError:  # the short id: a unique beginning of the batch id (issue 14)
            key = args.batch.strip().lower()
            hits = [b.id for b in service.batches() if len(key) >= 6
                    and (str(b.id).startswith(key) or b.id.hex.startswith(key))]
            if len(hits) != 1:
                raise UsageError("import_batch_unknown", batch=args.batch) from None
            batch = hits[0]
        count = service.undo(batch)
        print(say(args.lang, f"已撤销导入批次 {batch}（{count} 人）",
                   f"Import batch {batch} undone ({count} person(s))"), file=out)
        return EXIT_OK


def members_template(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo members template OUT.xlsx``: the fill-in workbook (no database needed)."""
    from desktop.services.imports.importer import ImportService

    target: Path = args.out
    if target.suffix.lower() != ".xlsx":
        raise UsageError("import_report_not_xlsx", path=str(target))
    if target.is_dir():
        raise AppError("output_is_directory", path=str(target))
    write_atomically(target, ImportService.template())
    print(say(args.lang, f"已写出导入模板：{target}", f"Template written: {target}"), file=out)
    return EXIT_OK
