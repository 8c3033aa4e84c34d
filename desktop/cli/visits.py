"""``laomo visits …`` and the visit/recuperation ``laomo report …`` documents (loaded only when
such a command runs).

Campaign and batch ids are UUIDs; a unique leading part (at least 8 characters) is accepted too.
Documents are checked (target) before the database is opened, made by ``VisitPrints`` (the
same calls as the window: permission, approval, fonts and seal there) and written atomically,
so a refusal leaves no file.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import uuid
from pathlib import Path
from typing import TextIO

from desktop.cli.common import (
    EXIT_OK,
    UsageError,
    check_pdf_target,
    closing_workspace,
    say,
    say_fonts,
    write_utf8,
)
from desktop.errors import AppError
from desktop.files import write_atomically

__all__ = [
    "report_recuperation_roster", "report_visit_list", "visits_calendar", "visits_campaigns",
    "visits_coverage",
    "visits_export", "visits_plan",
]

OCCASION_ALIASES = {"春节": "元旦春节", "元旦": "元旦春节"}
PROBLEM_WORDS = {"not_planned": "未列入名单", "removed": "已移出名单",
                 "dropped": "上次走访、本次未列入"}


def _resolve(text: str, known: list[uuid.UUID], what: str) -> uuid.UUID:
    key = text.strip().lower()
    if len(key) < 8:
        raise UsageError("id_too_short", value=text)
    # the id as the program prints it (dashed) or as the database holds it (32 hex digits)
    bare = key.replace("-", "")
    found = [k for k in known if str(k).startswith(key) or k.hex.startswith(bare)]
    if len(found) != 1:
        raise AppError("not_found", entity=what, key=text)
    return found[0]


def visits_plan(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo visits plan --occasion 春节 --year 2027``: a campaign from the default rules,
    its candidate list planned; prints the campaign id."""
    occasion = OCCASION_ALIASES.get(args.occasion, args.occasion)
    with closing_workspace(args) as ws:
        svc = ws.visits()
        draft = svc.default_draft(occasion, args.year)
        if args.title:
            import dataclasses

            draft = dataclasses.replace(draft, title=args.title)
        cid = svc.create_campaign(draft)
        added = svc.plan(cid) if not draft.rules.empty else 0
        print(cid, file=out)
        print(say(args.lang, f"已建立“{draft.title}”（{draft.start_date} 至 {draft.end_date}），"
                              f"列入 {added} 人。",
                   f"Created “{draft.title}” ({draft.start_date} to {draft.end_date}) with "
                   f"{added} person(s)."), file=_stderr())
        return EXIT_OK


def _stderr() -> TextIO:
    import sys

    return sys.stderr


def visits_campaigns(args: argparse.Namespace, out: TextIO) -> int:
    with closing_workspace(args) as ws:
        rows = ws.visits().campaigns()
    items = [{"id": str(r.id), "occasion": r.occasion, "year": r.year, "title": r.title,
              "start_date": r.start_date.isoformat(), "end_date": r.end_date.isoformat(),
              "occasion_date": r.occasion_date.isoformat() if r.occasion_date else None,
              "budget_fen": r.budget_fen, "planned": r.planned, "done": r.done} for r in rows]
    if args.format == "json":
        write_utf8(out, json.dumps(items, ensure_ascii=False, indent=1) + "\n")
    else:
        for i in items:
            write_utf8(out, f"{i['id']}  {i['title']}  {i['start_date']}~{i['end_date']}  "
                             f"{i['done']}/{i['planned']}\n")
    return EXIT_OK


def visits_coverage(args: argparse.Namespace, out: TextIO) -> int:
    """Who must be visited and is not planned, and who was visited last time but not now;
    exit 0 either way (the list is the answer)."""
    with closing_workspace(args) as ws:
        svc = ws.visits()
        cid = _resolve(args.campaign, [c.id for c in svc.campaigns()], "visit_campaign")
        cov = svc.coverage(cid)
    rows = [{"person_uuid": str(r.person_id), "name": r.name, "district": r.district,
             "treatment_level": r.treatment_level, "problem": r.problem,
             "problem_words": PROBLEM_WORDS[r.problem], "reason": r.reason, "note": r.note}
            for r in cov.rows]
    if args.format == "json":
        doc = {"campaign": str(cid), "required": cov.required, "planned": cov.planned,
               "done": cov.done, "previous_campaign": cov.previous_campaign,
               "complete": cov.complete, "rows": rows}
        write_utf8(out, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
        return EXIT_OK
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    keys = ["person_uuid", "name", "district", "treatment_level", "problem", "problem_words",
            "reason", "note"]
    writer.writerow(keys)
    for r in rows:
        writer.writerow(["" if r[k] is None else r[k] for k in keys])
    write_utf8(out, "\ufeff" + buffer.getvalue())
    return EXIT_OK


def visits_calendar(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo visits calendar [--load FILE]``: the holiday calendar's version and years."""

    with closing_workspace(args) as ws:
        svc = ws.holidays()
        cal = svc.load(args.load) if args.load is not None else svc.calendar()
    years = "、".join(str(y) + ("（暂定）" if y in cal.provisional_years else "")
                     for y in cal.years)
    print(say(args.lang, f"节假日日历版本 {cal.version}：{years}",
               f"Holiday calendar version {cal.version}: {years}"), file=out)
    return EXIT_OK


def visits_export(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo visits export --campaign ID OUT.xlsx``: the visit list as a workbook."""
    target: Path = args.out
    if target.suffix.lower() != ".xlsx":
        raise UsageError("export_unknown_format", path=str(target))
    with closing_workspace(args) as ws:
        cid = _resolve(args.campaign, [c.id for c in ws.visits().campaigns()], "visit_campaign")
        data, count = ws.visit_prints().campaign_xlsx(cid, unmask=args.unmask,
                                                      reason=args.reason)
    write_atomically(target, data)
    print(say(args.lang, f"已导出走访名单：{count} 人：{target}",
               f"Visit list exported: {count} visit(s): {target}"), file=out)
    return EXIT_OK


SHEET_TITLES = {"list": ("走访慰问名单", "Visit list"),
                "receipt": ("慰问金签收表", "Receipt sheet"),
                "summary": ("走访慰问情况汇总表", "Visit summary")}


def report_visit_list(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo report visit-list --campaign ID [--team T] [--day D] [--sheet …] --out F.pdf``."""
    target: Path = args.out
    check_pdf_target(target)
    with closing_workspace(args) as ws:
        prints = ws.visit_prints()
        cid = _resolve(args.campaign, [c.id for c in ws.visits().campaigns()], "visit_campaign")
        team_id = prints.team_id(cid, args.team) if args.team else None
        data, count = prints.campaign_pdf(cid, args.sheet or "list", team_id=team_id,
                                          day=args.day, unmask=args.unmask, reason=args.reason)
        say_fonts(ws)
    write_atomically(target, data)
    zh, en = SHEET_TITLES[args.sheet or "list"]
    print(say(args.lang, f"已生成{zh}：{count} 人：{target}",
               f"{en} written: {count} person(s): {target}"), file=out)
    return EXIT_OK


def report_recuperation_roster(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo report recuperation-roster --batch ID --out F.pdf [--letters DIR]``: the roster,
    and with ``--letters`` one 疗休养通知书 per confirmed person."""
    target: Path = args.out
    check_pdf_target(target)
    if args.letters is not None and args.letters.exists() and not args.letters.is_dir():
        raise AppError("output_is_directory", path=str(args.letters))
    with closing_workspace(args) as ws:
        prints = ws.visit_prints()
        bid = _resolve(args.batch, [b.id for b in ws.recuperation().batches()],
                       "recuperation_batch")
        data, count = prints.recuperation_roster(bid, unmask=args.unmask, reason=args.reason)
        letters = prints.letters(bid) if args.letters is not None else []
        say_fonts(ws)
    write_atomically(target, data)
    if args.letters is not None:
        args.letters.mkdir(parents=True, exist_ok=True)
        for name, pdf in letters:
            write_atomically(args.letters / name, pdf)
    print(say(args.lang, f"已生成疗休养名单：{count} 人：{target}",
               f"Recuperation roster written: {count} person(s): {target}"), file=out)
    return EXIT_OK
