"""The import's outcome in words (Chinese by default): per row for the report workbook and the
wizard, and the counts line for the command line."""

from __future__ import annotations

from pathlib import Path

from desktop.core.texts import PROBLEMS, ZH, field_label, problem_text, sentences
from desktop.errors import FieldProblem
from desktop.exchange.import_map import FIELD_TITLES
from desktop.exchange.import_read import read_sheet
from desktop.exchange.import_report import ReportLine, write_report
from desktop.exchange.xlsx_stream import column_letter
from desktop.services.imports.types import ImportResult, RowOutcome

__all__ = ["column_name", "counts_text", "report_workbook", "row_text"]


def column_name(index: int) -> str:
    """A sheet column (0 = A) as Excel names it: A, B, … AA."""
    return column_letter(index + 1)


def row_text(outcome: RowOutcome, lang: str = ZH) -> str:
    zh = lang.startswith("zh")
    words = [PROBLEMS[p.code][0 if zh else 1].format(**p.params) for p in outcome.warnings]
    return sentences([_status_text(outcome, lang), *words], lang)


def _status_text(outcome: RowOutcome, lang: str) -> str:
    zh = lang.startswith("zh")
    if outcome.status == "rejected":
        return sentences((problem_text(FieldProblem(p.field, p.code, p.params), lang)
                          for p in outcome.problems), lang)
    if outcome.status == "duplicate":
        return (f"与第 {outcome.same_as} 行重复，已跳过" if zh
                else f"repeats row {outcome.same_as}; skipped")
    if outcome.status == "unchanged":
        return "与库中记录相同，无变化" if zh else "same as the register; no change"
    if outcome.status == "new":
        return "新增" if zh else "new"
    changes = [f"{_label(c.field, lang)}：{c.before or '（空）'} → {c.after}" if zh else
               f"{_label(c.field, lang)}: {c.before or '(empty)'} -> {c.after}"
               for c in outcome.changes]
    return ("更新：" if zh else "update: ") + sentences(changes, lang)


def _label(field: str, lang: str) -> str:
    label = field_label(field, lang)
    return FIELD_TITLES.get(field, label) if label == field else label


def counts_text(result: ImportResult, lang: str = ZH) -> str:
    c = result.counts
    if lang.startswith("zh"):
        text = (f"新增 {c['new']} 人，更新 {c['updated']} 人，无变化 {c['unchanged']} 人，"
                f"拒绝 {c['rejected']} 行，重复跳过 {c['duplicate']} 行")
        if result.numbers_row is not None:
            text += f"；第 {result.numbers_row} 行是栏目编号（1、2、3……），已跳过"
        if result.folded_rows:
            rows = "、".join(str(row) for row, _into in result.folded_rows)
            text += (f"；{len(result.folded_rows)} 行是上一行同一人的续行（姓名为合并单元格），"
                     f"荣誉已并入（第 {rows} 行）")
        if result.footer_rows:
            rows = "、".join(str(n) for n in result.footer_rows)
            text += f"；表尾合计/签名行已跳过（第 {rows} 行）"
        if result.warned:
            text += f"；其中 {result.warned} 行可能与登记册中已有的人重复，请核对"
        if result.noted:
            text += f"；{result.noted} 行有提示，见各行说明"
        for column in result.unread_columns:
            title = _title(result, column, lang)
            text += f"；第 {column_name(column)} 列{title}有内容但没有导入"
        return text
    text = (f"{c['new']} new, {c['updated']} updated, {c['unchanged']} unchanged, "
            f"{c['rejected']} rejected, {c['duplicate']} duplicate row(s) skipped")
    if result.numbers_row is not None:
        text += f"; row {result.numbers_row} numbers the columns (1, 2, 3 …): skipped"
    if result.folded_rows:
        text += (f"; {len(result.folded_rows)} row(s) go on with the person above (the name "
                 "cell merged over them): their honors joined that row (rows "
                 + ", ".join(str(row) for row, _into in result.folded_rows) + ")")
    if result.footer_rows:
        text += "; totals/signature rows skipped (rows " + ", ".join(
            str(n) for n in result.footer_rows) + ")"
    if result.warned:
        text += (f"; {result.warned} row(s) may repeat persons already in the register: "
                 "check them")
    if result.noted:
        text += f"; {result.noted} row(s) with a note (see the rows)"
    for column in result.unread_columns:
        text += (f"; column {column_name(column)}{_title(result, column, lang)} has "
                 "content that is not imported")
    return text


def _title(result: ImportResult, column: int, lang: str) -> str:
    """A column's header text in brackets after its letter, when it has one."""
    title = result.titles[column] if column < len(result.titles) else ""
    if not title:
        return ""
    return f"（{title}）" if lang.startswith("zh") else f" ({title})"


def report_workbook(source: Path, result: ImportResult, lang: str = ZH) -> bytes:
    """The user's sheet with a reasons column and the bad cells red."""
    sheet = read_sheet(source, result.sheet)
    lines = [ReportLine(o.number, row_text(o, lang),
                        tuple(sorted({p.column for p in o.problems if p.column is not None})),
                        "rejected" if o.status == "rejected" else
                        "skipped" if o.status == "duplicate" else
                        "warning" if o.warnings else "ok")
             for o in result.rows]
    skipped = "表尾行，未导入" if lang.startswith("zh") else "footer row, not imported"
    lines += [ReportLine(n, skipped, (), "skipped") for n in result.footer_rows]
    lines += [ReportLine(row, f"荣誉并入第 {into} 行" if lang.startswith("zh")
                         else f"honors joined row {into}", (), "skipped")
              for row, into in result.folded_rows]
    if result.numbers_row is not None:
        lines.append(ReportLine(result.numbers_row, "栏目编号行，未导入" if lang.startswith("zh")
                                else "column numbers, not imported", (), "skipped"))
    return write_report(source, sheet, result.header_row, lines, counts_text(result, lang))
