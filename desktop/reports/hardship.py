"""Hardship documents (困难劳模帮扶) through the document framework: the file summary (档案表,
the ACFTU archive form's blocks as label/value rows), the public notice (公示名单, masked IDs),
the payment list with a signature column (发放签收表) and the proof of assistance (帮扶证明).

Plain data in (strings already formatted and masked by the caller), ``Document`` out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm

from desktop.core.money import yuan, yuan_capital
from desktop.reports.framework import Column, Document, Section, format_date
from desktop.reports.letter import Letter


@dataclass(frozen=True)
class CaseSheet:
    """What the 档案表 prints, already in words."""

    serial: str
    year: int
    status: str
    facts: tuple[tuple[str, str], ...]  # 基本情况: (label, value) pairs
    members: tuple[tuple[str, str, str, str], ...]  # name+relation, ID, health/status, income
    income: tuple[tuple[str, str], ...]
    causes: tuple[tuple[str, str], ...]
    checks: tuple[tuple[str, str, str, str], ...]  # date, step, who, opinion
    payments: tuple[tuple[str, str, str, str], ...]  # date, kind, amount, payer
    paid_total: str = ""  # 合计：3 笔，7,100.00 元 (under the payments, when there are any)


DATE_BLANK = "______年____月____日"


def _pairs(pairs: Sequence[tuple[str, str]]) -> tuple[tuple[str, ...], ...]:
    """Label/value pairs two to a row (the form's four columns)."""
    rows = []
    for i in range(0, len(pairs), 2):
        left = pairs[i]
        right = pairs[i + 1] if i + 1 < len(pairs) else ("", "")
        rows.append((left[0], left[1], right[0], right[1]))
    return tuple(rows)


def case_sheet_document(sheet: CaseSheet, *, association: str, date: dt.date) -> Document:
    """困难劳模档案表: one file, its household, income, causes, history and payments."""
    sections = [
        Section("一、基本情况", _pairs(sheet.facts)),
        Section("二、家庭成员（姓名·关系 | 身份证号码 | 健康及就业状况 | 月收入（元））",
                sheet.members or (("无", "", "", ""),)),
        Section("三、家庭收入（月）", _pairs(sheet.income)),
        Section("四、致困原因", _pairs(sheet.causes)),
        Section("五、核查、公示、审批与复核（日期 | 环节 | 经办人 | 意见）",
                sheet.checks or (("", "", "", ""),)),
        Section("六、帮扶记录（发放日期 | 类别 | 金额（元） | 发放单位）",
                sheet.payments or (("未帮扶过", "", "", ""),),
                sheet.paid_total if sheet.payments and sheet.paid_total else None),
    ]
    return Document(
        association=association, title="困难劳模档案表",
        subtitle=f"档案编号：{sheet.serial}　建档年度：{sheet.year}　状态：{sheet.status}",
        date=date,
        columns=(Column("项目", 1.2), Column("内容", 2.0), Column("项目", 1.2),
                 Column("内容", 2.0)),
        sections=tuple(sections), name_column=1, signatures=False,
        sign_rows=(
            "本人签字（以上情况属实）：" + "_" * 24 + "　日期：" + DATE_BLANK,
            "单位（社区）意见：" + "_" * 30 + "　（盖章）　日期：" + DATE_BLANK,
            "协会审核意见：" + "_" * 32 + "　（盖章）　日期：" + DATE_BLANK,
        ),
    )


NOTICE_COLUMNS = (
    Column("序号", 0.8), Column("姓名", 1.3), Column("工作单位", 4.0), Column("困难类别", 1.6),
    Column("公示期", 3.0),
)


def notice_document(rows: Sequence[tuple[str, str, str, str, str]], *, association: str,
                    date: dt.date, contact: str = "") -> Document:
    """公示名单: grouped by district (first field of each row). A public notice shows what the
    rules require (name, unit, kind of help and each file's own 公示期), never illness causes,
    incomes or ID numbers, and closes with the association (落款, seal), the date and whom to
    tell of an objection, not with internal 制表人/审核人 lines.

    Each row: district, name, work unit, category, period."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for row in rows:
        groups.setdefault(row[0], []).append(row[1:])
    seq = 0
    sections = []
    for district, members in groups.items():
        cells = []
        for r in members:
            seq += 1
            cells.append((str(seq), *r))
        sections.append(Section(district, tuple(cells), f"{district} 小计：{len(members)} 人"))
    who = contact or "联系人及电话：______________________"
    subtitle = ("以下人员经申请、入户核查，拟认定为困难劳模，现予公示。如有异议，请在公示期内"
                "以书面或电话形式向本协会实名反映。")
    return Document(
        association=association, title="困难劳模认定公示", subtitle=subtitle, date=date,
        columns=NOTICE_COLUMNS, sections=tuple(sections), orientation="portrait",
        total=f"合计：{seq} 人", name_column=1, signatures=False,
        closing=(f"异议受理：{who}", association, format_date(date)),
    )


PAYMENT_COLUMNS = (
    Column("序号", 0.9), Column("姓名", 1.3), Column("档案编号", 1.8), Column("身份证号码", 2.5),
    Column("发放类别", 1.7), Column("金额（元）", 1.4, "right"), Column("发放日期", 1.6),
    Column("本人账号", 2.2), Column("本人签收", 1.8), Column("备注", 1.4),
)


def payments_document(rows: Sequence[tuple[str, str, str, str, str, int, str, str, str]], *,
                      association: str, date: dt.date, subtitle: str | None = None
                      ) -> Document:
    """发放签收表 grouped by district with subtotals; an empty signature cell per line.

    Each row: district, name, serial, masked ID, kind, amount (fen), date, masked account,
    notes."""
    groups: dict[str, list[tuple[str, str, str, str, int, str, str, str]]] = {}
    for d, *rest in rows:
        groups.setdefault(d, []).append(tuple(rest))  # type: ignore[arg-type]
    seq, total = 0, 0
    sections = []
    for district, lines in groups.items():
        cells = []
        subtotal = 0
        for name, serial, id_number, kind, amount, paid_on, account, notes in lines:
            seq += 1
            subtotal += amount
            cells.append((str(seq), name, serial, id_number, kind, yuan(amount), paid_on,
                          account, "", notes))
        total += subtotal
        sections.append(Section(district, tuple(cells),
                                f"{district} 小计：{len(lines)} 笔，{yuan(subtotal)} 元"))
    return Document(
        association=association, title="困难劳模帮扶资金发放签收表", subtitle=subtitle,
        date=date, columns=PAYMENT_COLUMNS, sections=tuple(sections), orientation="landscape",
        total=f"合计：{seq} 笔，{yuan(total)} 元（大写：{yuan_capital(total)}）",
        name_column=1, row_height=9 * mm, page_sum=5,
    )


def proof_document(*, proof_serial: str, name: str, id_number: str, district: str,
                   file_serial: str, category: str, approved_on: dt.date | None,
                   payments: Sequence[tuple[str, str, int]], association: str,
                   date: dt.date, reprinted: dt.date | None = None,
                   deceased: bool = False, died_on: dt.date | None = None,
                   honor: str | None = None) -> Letter:
    """帮扶证明, a letter with its own serial: who, which file, what was paid (date, kind,
    amount, total also in 大写); a reprint (补打) says so under the serial. For a person who
    has died (``deceased``, ``died_on`` when known) it says 生前系 and when, as the proof of
    title does.

    Who the person is: 系本协会登记在册的劳动模范（1982年浙江省先进工作者）, the highest kept
    ``honor`` ("" without one), as the proof of title says it ("系长兴县劳动模范" named a county
    title a provincial honoree does not hold). ``honor=None`` is a proof issued before the honor
    was kept in the ledger: its reprint reads as the original did."""
    approved = format_date(approved_on) if approved_on else "（未审批）"
    total = sum(a for _d, _k, a in payments)
    deceased = deceased or died_on is not None
    was = "生前系" if deceased else "系"
    who = (f"{district}劳动模范" if honor is None
           else "本协会登记在册的劳动模范" + (f"（{honor}）" if honor else ""))
    number = f"（身份证号码 {id_number}）" if id_number else ""
    text = (f"兹证明{name}同志{number}{was}{who}，经本协会审核认定为"
            f"{category}劳模（档案编号 {file_serial}，认定日期 {approved}），"
            f"已纳入困难劳模帮扶范围。本协会已向其发放帮扶资金共计人民币 {yuan(total)} 元"
            f"（大写：{yuan_capital(total)}），明细如下：")
    serial = f"证明编号：{proof_serial}"
    if reprinted is not None:
        serial += f"（补打，{format_date(reprinted)}）"
    table = (("发放日期", "帮扶类别", "金额（元）"),
             *((d, k, yuan(a)) for d, k, a in payments))
    death = ((f"说明：{name}同志已于{format_date(died_on)}去世。" if died_on
              else f"说明：{name}同志已故。",) if deceased else ())
    return Letter(association=association, title="帮扶证明", date=format_date(date),
                  serial=serial, paragraphs=(text, *death, "特此证明。"), table=table,
                  table_after=1,
                  note="本证明仅用于证明帮扶情况，复印无效。", who=name)


def proof_content(*, name: str, id_number: str, district: str, file_serial: str,
                  category: str, approved_on: dt.date | None,
                  payments: Sequence[tuple[str, str, int]], association: str,
                  date: dt.date, deceased: bool = False,
                  died_on: dt.date | None = None, honor: str = "") -> dict[str, Any]:
    """What a proof shows, as JSON for the document ledger (a reprint prints it again)."""
    return {"name": name, "id_number": id_number, "district": district, "honor": honor,
            "deceased": deceased, "died_on": died_on.isoformat() if died_on else None,
            "file_serial": file_serial, "category": category,
            "approved_on": approved_on.isoformat() if approved_on else None,
            "payments": [[d, k, a] for d, k, a in payments], "association": association,
            "date": date.isoformat()}


def proof_from_content(content: dict[str, Any], *, reprinted: dt.date | None = None
                       ) -> Letter:
    """The proof of the ledger's ``content`` (with its ``serial``), as issued or reprinted."""
    approved = content.get("approved_on")
    died = content.get("died_on")  # (not in proofs issued before it was kept)
    return proof_document(
        proof_serial=str(content["serial"]), name=str(content["name"]),
        id_number=str(content["id_number"]), district=str(content["district"]),
        file_serial=str(content["file_serial"]), category=str(content["category"]),
        approved_on=dt.date.fromisoformat(approved) if approved else None,
        payments=[(str(d), str(k), int(a)) for d, k, a in content["payments"]],
        association=str(content["association"]), date=dt.date.fromisoformat(content["date"]),
        reprinted=reprinted, deceased=bool(content.get("deceased")),
        died_on=dt.date.fromisoformat(died) if died else None,
        honor=str(content["honor"]) if "honor" in content else None)
