"""``laomo visits …`` and the visit/recuperation ``laomo report …`` documents (loaded only when
such a command runs).

Campaign and batch ids are UUIDs; a unique leading part (at least 8 characters) is accepted too.
Documents are checked (target) before the database is opened, printed with the administrator's
fonts (and seal on notification letters) through ``services.printing``, rendered in memory and
written atomically, so a refusal leaves no file.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
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
    write_utf8,
)
from desktop.errors import AppError
from desktop.exchange.files import write_atomically

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
    found = [k for k in known if str(k).startswith(key)]
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
    from desktop.exchange.visit_list import visit_list_xlsx

    target: Path = args.out
    if target.suffix.lower() != ".xlsx":
        raise UsageError("export_unknown_format", path=str(target))
    with closing_workspace(args) as ws:
        svc = ws.visits()
        cid = _resolve(args.campaign, [c.id for c in svc.campaigns()], "visit_campaign")
        rows = svc.visits(cid, unmask=args.unmask, reason=args.reason)
        title = svc.campaign(cid).title + "走访慰问名单"
    write_atomically(target, visit_list_xlsx(rows, title=title))
    print(say(args.lang, f"已导出走访名单：{len(rows)} 人：{target}",
               f"Visit list exported: {len(rows)} visit(s): {target}"), file=out)
    return EXIT_OK


def report_visit_list(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo report visit-list --campaign ID [--team T] [--day D] [--sheet …] --out F.pdf``."""
    from desktop.reports.visits import receipt_document, summary_document, visit_list_document

    target: Path = args.out
    check_pdf_target(target)
    with closing_workspace(args) as ws:
        printer = ws.printer()
        printer.fontset()  # no font: said before anything is read
        svc = ws.visits()
        cid = _resolve(args.campaign, [c.id for c in svc.campaigns()], "visit_campaign")
        c = svc.campaign(cid)
        team_id = None
        if args.team:
            teams = {t.name: t.id for t in svc.teams(cid)}
            if args.team not in teams:
                raise AppError("not_found", entity="visit_team", key=args.team)
            team_id = teams[args.team]
        association = ws.association.title
        today = dt.date.today()
        if args.sheet == "summary":
            doc = summary_document(svc.summary(cid), association=association, campaign=c.title,
                                   rules=c.rules.describe(), budget_fen=c.budget_fen,
                                   date=today)
            count = sum(x.planned for x in svc.summary(cid))
        else:
            svc.require_approved(cid)  # the final list and the receipt sheet: approved only
            rows = svc.visits(cid, team_id=team_id, day=args.day, unmask=args.unmask,
                              reason=args.reason)
            if not rows:
                raise AppError("report_empty")
            count = len(rows)
            if args.sheet == "receipt":
                doc = receipt_document(rows, association=association, campaign=c.title,
                                       date=today)
            else:
                doc = visit_list_document(rows, association=association, campaign=c.title,
                                          date=today, team=args.team)
        data = printer.render(doc)
    write_atomically(target, data)
    print(say(args.lang, f"已生成{doc.title}：{count} 人：{target}",
               f"{doc.title} written: {count} person(s): {target}"), file=out)
    return EXIT_OK


def report_recuperation_roster(args: argparse.Namespace, out: TextIO) -> int:
    """``laomo report recuperation-roster --batch ID --out F.pdf [--letters DIR]``."""
    from desktop.reports.visits import notification_document, recuperation_roster_document

    target: Path = args.out
    check_pdf_target(target)
    if args.letters is not None and args.letters.exists() and not args.letters.is_dir():
        raise AppError("output_is_directory", path=str(args.letters))
    with closing_workspace(args) as ws:
        printer = ws.printer()
        printer.fontset()  # no font: said before anything is read
        svc = ws.recuperation()
        bid = _resolve(args.batch, [b.id for b in svc.batches()], "recuperation_batch")
        batch = svc.batch(bid)
        rows = svc.roster(bid, unmask=args.unmask, reason=args.reason)
        if not rows:
            raise AppError("report_empty")
        association = ws.association.title
        today = dt.date.today()
        data = printer.render(recuperation_roster_document(
            rows, association=association, batch=batch, date=today))
        letters: list[tuple[str, bytes]] = []
        if args.letters is not None:
            for n, r in enumerate(rows, start=1):
                if r.status in ("nominated", "confirmed"):
                    letters.append((f"{n:03d}_{r.name}.pdf", printer.render(
                        notification_document(r, association=association, batch=batch,
                                              date=today), seal=True)))
    write_atomically(target, data)
    if args.letters is not None:
        args.letters.mkdir(parents=True, exist_ok=True)
        for name, pdf in letters:
            write_atomically(args.letters / name, pdf)
    print(say(args.lang, f"已生成疗休养名单：{len(rows)} 人：{target}",
               f"Recuperation roster written: {len(rows)} person(s): {target}"), file=out)
    return EXIT_OK


