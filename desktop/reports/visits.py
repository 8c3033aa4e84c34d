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

from reportlab.lib.units import mm

from desktop.core.masking import birth_label, birth_month_printed
from desktop.core.money import yuan, yuan_capital
from desktop.core.reference import LIFE_DECEASED
from desktop.core.visit_order import list_order, unscheduled
from desktop.core.vocabulary import LIFE_STATUS, RECUPERATION_STATUS, VISIT_STATUS, zh
from desktop.reports.framework import Column, Document, Section, format_date
from desktop.reports.letter import Letter

SIGN_ROW = 9 * mm
"""A line signed by hand is at least 9 mm tall."""

VISIT_LIST_COLUMNS = (
    Column("序号", 0.9), Column("区县", 1.4), Column("姓名", 1.4), Column("性别", 0.8),
    Column("年龄", 0.8), Column("荣誉称号(年份)", 3.3), Column("现状", 1.2),
    Column("是否困难", 0.9), Column("住址/电话", 3.2), Column("慰问标准（元）", 1.5, "right"),
    Column("慰问品", 2.0), Column("慰问人", 1.7), Column("日期", 1.6), Column("签收", 1.4),
    Column("备注", 2.1),
)
"""慰问品 and 备注 hold six characters a line ("慰问品一份", "省部级劳模" on one line), the honour
"浙江省劳动模范(2003)" one line; the address wraps (it is the longest cell in any case)."""


def _result(status: str) -> str:
    """The visit's result for the print; a visit still to be made leaves the cell blank."""
    return "" if status == "planned" else zh(VISIT_STATUS, status, default="")


def _day(day: dt.date | None) -> str:
    return f"{day.month}月{day.day}日" if day else ""


def _now(row: Any) -> str:
    if row.life_status == "deceased":
        return zh(LIFE_STATUS, LIFE_DECEASED) + "（走访家属）"
    return str(row.employment_status or "")


def _deceased(row: Any) -> bool:
    return bool(row.life_status == LIFE_DECEASED)


def _age(row: Any) -> str:
    """已故 for a dead person, as the 花名册 prints (the list printed 88 for a man who died in
    2022), else the age on the visit's day."""
    if _deceased(row):
        return zh(LIFE_STATUS, LIFE_DECEASED)
    return "" if row.age is None else str(row.age)


def _contact(row: Any) -> str:
    """住址/电话: for a dead person the family named in the file, and the number on the file
    marked as his former one (the family is visited, not him)."""
    if not _deceased(row):
        return "／".join(x for x in (row.address, row.phone) if x)
    family = getattr(row, "family", "")
    return "／".join(x for x in (row.address, f"家属：配偶 {family}" if family else "",
                                 f"原号码 {row.phone}" if row.phone else "") if x)


def _signer(row: Any) -> str:
    """The name on the receipt: a dead person's money is signed for by the family."""
    return f"{row.name}（家属代领）" if _deceased(row) else str(row.name)


def _who_when(campaign: str, team: str | None, day: dt.date | None) -> str:
    """The subtitle of a team's sheet: the campaign, the team and its day."""
    parts = [x for x in (team, format_date(day) if day else None) if x]
    return campaign + (f"（{'　'.join(parts)}）" if parts else "")


def visit_list_document(rows: Iterable[Any], *, association: str, campaign: str,
                        date: dt.date, team: str | None = None,
                        day: dt.date | None = None) -> Document:
    """One section per team and day, team by team and day by day, rows in route order; "签收"
    left blank for signing. Visits without a team or a date come last, under "尚未排期（N
    人）", so that the list a team takes out starts with its real work (issue 14, point 4:
    "未分组 未排日期" sorted first)."""
    groups: dict[tuple[str, dt.date, str], list[Any]] = {}
    waiting: list[Any] = []
    for r in list_order(rows):  # the workbook's order too
        if unscheduled(r):
            waiting.append(r)
        else:
            groups.setdefault((r.team, r.planned_date, r.time_slot or ""), []).append(r)
    sections = []
    for (team_name, when, slot), members in groups.items():
        people = members[0].team_people
        # the date as the document says dates (2027年1月8日), not the database's 2027-01-08
        day_slot = f"{team_name}　{format_date(when)} {slot}".rstrip()
        staff = f"　慰问人：{people}" if people else ""
        # a day's 上午 and 下午 are two groups: each counts its own half-day, and says so;
        # atop the next page the group says it goes on (第一组 2027年1月8日 上午（续）)
        sections.append(Section(day_slot + staff, _visit_cells(members, people),
                                f"本组本日{slot}共 {len(members)} 人",
                                continued=f"{day_slot}（续）{staff}"))
    if waiting:
        # already in the service's order: district, township, then names by pinyin
        sections.append(Section(
            f"尚未排期（{len(waiting)} 人）：没有走访组或日期，排期后再走访",
            _visit_cells(waiting, ""), f"尚未排期共 {len(waiting)} 人"))
    count = sum(len(s.rows) for s in sections)
    return Document(
        association=association, title="走访慰问名单", date=date,
        subtitle=_who_when(campaign, team, day), columns=VISIT_LIST_COLUMNS,
        sections=tuple(sections), orientation="landscape", total=f"合计：{count} 人",
        name_column=2, row_height=SIGN_ROW,
    )


def _visit_cells(members: Sequence[Any], people: str) -> tuple[tuple[str, ...], ...]:
    cells = []
    for n, r in enumerate(members, start=1):
        standard = yuan(r.standard_fen) if r.standard_fen else ""
        cells.append((
            str(n), r.district, r.name, r.sex, _age(r),
            r.honors or (r.treatment_level or ""), _now(r), "是" if r.in_hardship else "",
            _contact(r), standard,
            r.goods or r.standard_goods,
            "" if (r.visitors or people) == people else r.visitors,  # header names them
            _day(r.actual_date or r.planned_date), "",
            "；".join(x for x in (_result(r.status), r.reason) if x),
        ))
    return tuple(cells)


NO_MONEY = ("declined", "not_home", "removed", "postponed")
"""Visits that handed nothing over: never on the receipt sheet (谢绝, 不在家, 移出, 改期)."""


def receipt_document(rows: Iterable[Any], *, association: str, campaign: str,
                     date: dt.date, team: str | None = None,
                     day: dt.date | None = None) -> Document:
    """慰问金签收表: by district (a team's sheet: in route order), a signature column. A visit
    done prints the money recorded (what the summary counts as paid) and its date; a visit still
    planned prints the standard to be handed over, no date and an empty 备注 (the signer's:
    the 合计 says how many are still to visit); a visit declined, not at home,
    postponed or removed is not on the sheet at all."""
    columns = (Column("序号", 0.9), Column("区县", 1.4), Column("姓名", 1.6),
               Column("待遇级别", 1.2), Column("慰问金（元）", 1.4, "right"),
               Column("慰问品", 2.2),
               Column("签收人签字", 2.4), Column("签收日期", 1.6), Column("备注", 2.0))
    groups: dict[str, list[Any]] = {}
    for r in rows:
        if r.status in NO_MONEY:
            continue
        key = "" if team else (r.district or "（未填区县）")
        groups.setdefault(key, []).append(r)
    sections, seq, total, pending, pending_fen = [], 0, 0, 0, 0
    for district, members in groups.items():
        members.sort(key=lambda r: (r.planned_date or dt.date.max, r.route_order or 0, r.name))
        cells, subtotal = [], 0
        for r in members:
            seq += 1
            done = r.status == "done"
            money = (r.money_fen or 0) if done else r.standard_fen
            subtotal += money or 0
            if not done:
                pending, pending_fen = pending + 1, pending_fen + (money or 0)
            # 备注 is the signer's (no 待走访 on a sheet taken out before the round: the 合计
            # says how many are still to visit); a family's row says who signs
            note = ""
            if _deceased(r):  # who signs for the family: the spouse named in the file
                family = getattr(r, "family", "")
                note = f"配偶 {family} 签收" if family else "家属签收"
            cells.append((str(seq), r.district, _signer(r),
                          r.treatment_level or ("困难" if r.in_hardship else ""), yuan(money),
                          (r.goods or r.standard_goods) if done or not r.goods else r.goods,
                          "", _day(r.actual_date) if done else "", note))
        total += subtotal
        label = district or "本组"
        sections.append(Section(district, tuple(cells),
                                f"{label} 小计：{len(members)} 人，{yuan(subtotal)} 元"
                                if district else None))
    tail = f"（其中待走访 {pending} 人，{yuan(pending_fen)} 元）" if pending else ""
    return Document(association=association, title="慰问金签收表", date=date,
                    subtitle=_who_when(campaign, team, day),
                    columns=columns, sections=tuple(sections),
                    total=f"合计：{seq} 人，慰问金 {yuan(total)} 元"
                          f"（大写：{yuan_capital(total)}）{tail}",
                    name_column=2, row_height=SIGN_ROW, page_sum=4)


def summary_document(lines: Sequence[Any], *, association: str, campaign: str, rules: str,
                     budget_fen: int | None, date: dt.date) -> Document:
    """Planned against done, money and goods, by district and level."""
    # counts and money right-aligned, their last digits in line (as every table with money)
    columns = (Column("待遇级别", 1.4), Column("计划人数", 1.0, "right"),
               Column("已走访", 1.0, "right"), Column("完成率", 1.0, "right"),
               Column("慰问金（元）", 1.4, "right"), Column("慰问品（份）", 1.2, "right"))
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
    Column("序号", 0.9), Column("姓名", 1.3), Column("性别", 0.7), Column("出生年月/年龄", 1.6),
    Column("身份证号", 2.6), Column("荣誉称号及年份", 3.0), Column("工作单位及职务", 3.0),
    Column("在职/退休", 1.1), Column("身体状况", 1.1), Column("上次疗休养年份", 1.2),
    Column("联系电话", 1.8), Column("备注", 2.2),
)


def recuperation_roster_document(rows: Iterable[Any], *, association: str, batch: Any,
                                 date: dt.date) -> Document:
    """疗休养名单: those going (已确认, then 拟安排) numbered under their total; those who
    declined or were replaced after it, unnumbered, in a section of their own with reasons."""
    going_rows: list[tuple[str, ...]] = []
    other_rows: list[tuple[str, ...]] = []
    rows = list(rows)
    # beside masked ID numbers only the birth year prints, on every line, and the header says so
    masked = any("*" in (r.id_number or "") for r in rows)
    for r in rows:
        year = getattr(r, "birth_year", None)  # the year alone for a role without unmask
        born = birth_month_printed(r.birth_date if r.birth_date is not None
                                   else (f"{year:04d}" if year else None),
                                   "*" if masked else r.id_number)
        age = f"/{r.age}岁" if r.age is not None else ""
        note = zh(RECUPERATION_STATUS, r.status)
        if r.decline_reason:
            note += f"：{r.decline_reason}"
        going = r.status in ("nominated", "confirmed")
        seq = str(len(going_rows) + 1) if going else ""
        cell = (seq, r.name, r.sex, born + age, r.id_number, r.honors, r.work_unit,
                r.employment_status, r.health_status,
                "" if r.last_year is None else str(r.last_year), r.phone, note)
        (going_rows if going else other_rows).append(cell)
    subtitle = (f"{batch.name}（{batch.destination}；{batch.organiser}组织，"
                f"{format_date(batch.start_date)}至"
                f"{format_date(batch.end_date)}，{batch.days} 天，名额 {batch.quota} 人）")
    sections = [Section("", tuple(going_rows),
                        f"合计：{len(going_rows)} 人（名额 {batch.quota} 人）")]
    if other_rows:
        sections.append(Section("以下人员不参加本批次（婉拒或已替补），不计入合计",
                                tuple(other_rows)))
    columns = tuple(Column(f"{birth_label(masked)}/年龄", c.width) if c.title == "出生年月/年龄"
                    else c for c in ROSTER_COLUMNS)
    return Document(association=association, title="疗休养名单", date=date, subtitle=subtitle,
                    columns=columns, sections=tuple(sections),
                    orientation="landscape", name_column=1)


def notification_document(row: Any, *, association: str, batch: Any,
                          date: dt.date) -> Letter:
    """疗休养通知书 to one confirmed person: a letter (红头, title, body, 落款 and date)."""
    when = (f"{format_date(batch.start_date)}至{format_date(batch.end_date)}，"
            f"共 {batch.days} 天（含往返）")
    return Letter(
        association=association, title="疗休养通知书", date=format_date(date),
        salutation=f"{row.name}同志：",
        paragraphs=(
            f"经研究，确定您参加{batch.name}。现将有关事项通知如下：",
            # a destination typed as a sentence ("舟山普陀。") keeps one full stop
            f"一、地点与线路：{str(batch.destination).rstrip('。．.；;，,、 　')}。",
            f"二、时间：{when}。",
            f"三、费用：每人每天 {yuan(batch.cost_per_day_fen)} 元以内，由{batch.organiser}"
            "统一安排，个人不承担。",
            "四、报到：请于出发前一日与协会联系确认集合时间和地点，携带身份证及常用药品。",
            "五、如因身体或工作原因不能参加，请尽早告知协会，以便安排候补人员。",
            "特此通知。",
        ),
        who=row.name,
    )
