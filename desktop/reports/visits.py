"""Printed documents of visits and recuperation, built on ``framework.render``: the visit list
per team and day (走访慰问名单, in route order), the receipt sheet (慰问金签收表), the campaign
summary, the recuperation roster (疗休养名单) and one notification letter per person.

Rows come in as plain objects with the attributes of the services' ``VisitRow`` /
``RosterRow`` / ``SummaryLine`` (this layer may not import services); nothing here reads the
database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from desktop.core.money import yuan, yuan_capital
from desktop.core.reference import LIFE_DECEASED
from desktop.core.vocabulary import LIFE_STATUS, RECUPERATION_STATUS, VISIT_STATUS, zh
from desktop.reports.framework import Column, Document, Section, format_date

VISIT_LIST_COLUMNS = (
    Column("序号", 0.8), Column("区县", 1.4), Column("姓名", 1.4), Column("性别", 0.8),
    Column("年龄", 0.8), Column("荣誉称号(年份)", 3.0), Column("现状", 1.2),
    Column("是否困难", 0.9), Column("住址/电话", 4.0), Column("慰问标准（元）", 1.5),
    Column("慰问品", 1.6), Column("慰问人", 2.0), Column("日期", 1.6), Column("签收", 1.4),
    Column("备注", 1.7),
)


def _result(status: str) -> str:
    """The visit's result for the print; a visit still to be made leaves the cell blank."""
    return "" if status == "planned" else zh(VISIT_STATUS, status, default="")


def _day(day: dt.date | None) -> str:
    return f"{day.month}月{day.day}日" if day else ""


def _now(row: Any) -> str:
    if row.life_status == "deceased":
        return zh(LIFE_STATUS, LIFE_DECEASED) + "（走访家属）"
    return str(row.employment_status or "")


def visit_list_document(rows: Iterable[Any], *, association: str, campaign: str,
                        date: dt.date, team: str | None = None) -> Document:
    """One section per team and day, rows in route order; "签收" left blank for signing."""
    groups: dict[tuple[str, str], list[Any]] = {}
    for r in rows:
        when = f"{r.planned_date.isoformat()} {r.time_slot}".strip() if r.planned_date \
            else "未排日期"
        groups.setdefault((r.team or "未分组", when), []).append(r)
    sections = []
    for (team_name, when), members in sorted(groups.items()):
        members.sort(key=lambda r: (r.route_order or 0, r.district, r.area, r.name))
        people = members[0].team_people
        cells = []
        for n, r in enumerate(members, start=1):
            standard = yuan(r.standard_fen) if r.standard_fen else ""
            cells.append((
                str(n), r.district, r.name, r.sex, "" if r.age is None else str(r.age),
                r.honors or (r.treatment_level or ""), _now(r), "是" if r.in_hardship else "",
                "／".join(x for x in (r.address, r.phone) if x), standard,
                r.goods or r.standard_goods,
                "" if (r.visitors or people) == people else r.visitors,  # header names them
                _day(r.actual_date or r.planned_date), "",
                "；".join(x for x in (_result(r.status), r.reason) if x),
            ))
        head = f"{team_name}　{when}" + (f"　慰问人：{people}" if people else "")
        sections.append(Section(head, tuple(cells), f"本组本日共 {len(members)} 人"))
    count = sum(len(s.rows) for s in sections)
    return Document(
        association=association, title="走访慰问名单", date=date,
        subtitle=campaign + (f"（{team}）" if team else ""), columns=VISIT_LIST_COLUMNS,
        sections=tuple(sections), orientation="landscape", total=f"合计：{count} 人",
        name_column=2,
    )


def receipt_document(rows: Iterable[Any], *, association: str, campaign: str,
                     date: dt.date) -> Document:
    """慰问金签收表: by district, money at the standard (or as recorded), a signature column."""
    columns = (Column("序号", 0.8), Column("区县", 1.4), Column("姓名", 1.6),
               Column("待遇级别", 1.2), Column("慰问金（元）", 1.4), Column("慰问品", 2.2),
               Column("签收人签字", 2.4), Column("签收日期", 1.6), Column("备注", 2.0))
    groups: dict[str, list[Any]] = {}
    for r in rows:
        groups.setdefault(r.district or "（未填区县）", []).append(r)
    sections, seq, total = [], 0, 0
    for district, members in groups.items():
        members.sort(key=lambda r: (r.route_order or 0, r.name))
        cells, subtotal = [], 0
        for r in members:
            seq += 1
            money = r.money_fen if r.money_fen is not None else r.standard_fen
            subtotal += money or 0
            cells.append((str(seq), district, r.name,
                          r.treatment_level or ("困难" if r.in_hardship else ""), yuan(money),
                          r.goods or r.standard_goods, "", _day(r.actual_date), ""))
        total += subtotal
        sections.append(Section(district, tuple(cells),
                                f"{district} 小计：{len(members)} 人，{yuan(subtotal)} 元"))
    return Document(association=association, title="慰问金签收表", date=date, subtitle=campaign,
                    columns=columns, sections=tuple(sections),
                    total=f"合计：{seq} 人，慰问金 {yuan(total)} 元（大写：{yuan_capital(total)}）",
                    name_column=2)


def summary_document(lines: Sequence[Any], *, association: str, campaign: str, rules: str,
                     budget_fen: int | None, date: dt.date) -> Document:
    """Planned against done, money and goods, by district and level."""
    columns = (Column("待遇级别", 1.4), Column("计划人数", 1.0), Column("已走访", 1.0),
               Column("完成率", 1.0), Column("慰问金（元）", 1.4), Column("慰问品（份）", 1.2))
    groups: dict[str, list[Any]] = {}
    for line in lines:
        groups.setdefault(line.district or "（未填区县）", []).append(line)
    sections = []
    planned = done = money = goods = 0
    for district, members in groups.items():
        cells = []
        for x in members:
            cells.append((x.level, str(x.planned), str(x.done), _rate(x.done, x.planned),
                          yuan(x.money_fen), str(x.goods)))
        p, d = sum(x.planned for x in members), sum(x.done for x in members)
        m, g = sum(x.money_fen for x in members), sum(x.goods for x in members)
        planned, done, money, goods = planned + p, done + d, money + m, goods + g
        sections.append(Section(district, tuple(cells),
                                f"{district} 小计：计划 {p} 人，已走访 {d} 人（{_rate(d, p)}），"
                                f"慰问金 {yuan(m)} 元，慰问品 {g} 份"))
    budget = f"；预算 {yuan(budget_fen)} 元" if budget_fen else ""
    return Document(
        association=association, title="走访慰问情况汇总表", date=date,
        subtitle=f"{campaign}（对象：{rules}{budget}）", columns=columns,
        sections=tuple(sections), name_column=None,
        total=f"合计：计划 {planned} 人，已走访 {done} 人（{_rate(done, planned)}），"
              f"慰问金 {yuan(money)} 元，慰问品 {goods} 份",
    )


def _rate(done: int, planned: int) -> str:
    return f"{done * 100 // planned}%" if planned else "-"


ROSTER_COLUMNS = (
    Column("序号", 0.7), Column("姓名", 1.3), Column("性别", 0.7), Column("出生年月/年龄", 1.6),
    Column("身份证号", 2.6), Column("荣誉称号及年份", 3.0), Column("工作单位及职务", 3.0),
    Column("在职/退休", 1.1), Column("身体状况", 1.1), Column("上次疗休养年份", 1.2),
    Column("联系电话", 1.8), Column("批次/线路", 2.0), Column("备注", 1.6),
)


def recuperation_roster_document(rows: Iterable[Any], *, association: str, batch: Any,
                                 date: dt.date) -> Document:
    """疗休养名单: confirmed and nominated first, declined and replaced after, with reasons."""
    cells = []
    route = f"{batch.name}／{batch.destination}"
    for n, r in enumerate(rows, start=1):
        born = f"{r.birth_date.year}.{r.birth_date.month:02d}" if r.birth_date else ""
        age = f"/{r.age}岁" if r.age is not None else ""
        note = zh(RECUPERATION_STATUS, r.status)
        if r.decline_reason:
            note += f"：{r.decline_reason}"
        cells.append((str(n), r.name, r.sex, born + age, r.id_number, r.honors, r.work_unit,
                      r.employment_status, r.health_status,
                      "" if r.last_year is None else str(r.last_year), r.phone, route, note))
    subtitle = (f"{batch.name}（{batch.organiser}组织，{format_date(batch.start_date)}至"
                f"{format_date(batch.end_date)}，{batch.days} 天，名额 {batch.quota} 人）")
    going = sum(1 for r in cells if r[-1].startswith(("拟安排", "已确认")))
    return Document(association=association, title="疗休养名单", date=date, subtitle=subtitle,
                    columns=ROSTER_COLUMNS, sections=(Section("", tuple(cells)),),
                    orientation="landscape", name_column=1,
                    total=f"合计：{going} 人（名额 {batch.quota} 人）")


def notification_document(row: Any, *, association: str, batch: Any,
                          date: dt.date) -> Document:
    """A notification letter (疗休养通知书) to one person: the batch's facts as a form."""
    items = (
        ("姓名", f"{row.name} 同志"),
        ("批次", batch.name),
        ("目的地/线路", batch.destination),
        ("时间", f"{format_date(batch.start_date)}至{format_date(batch.end_date)}，"
                 f"共 {batch.days} 天（含往返）"),
        ("费用", f"每人每天 {yuan(batch.cost_per_day_fen)} 元以内，由{batch.organiser}统一安排，"
                 "个人不承担"),
        ("报到", "请于出发前一日与协会联系确认集合时间和地点，携带身份证及常用药品。"),
        ("说明", "如因身体或工作原因不能参加，请尽早告知协会，以便安排候补人员。"),
    )
    return Document(
        association=association, title="疗休养通知书", date=date,
        subtitle=f"{row.name} 同志：经研究，您被确定参加{batch.name}，现将有关事项通知如下。",
        columns=(Column("事项", 1.0), Column("内容", 4.0)),
        sections=(Section("", tuple(items)),), name_column=None, signatures=False,
        total=f"{association}（盖章）　　{format_date(date)}",
    )
