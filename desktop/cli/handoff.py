"""``laomo handoff …`` (the quarterly package district → city) and ``laomo users add|list``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from desktop.cli.common import (
    EXIT_OK,
    UsageError,
    closing_workspace,
    display_width,
    password,
    say,
    write_console,
    write_utf8,
)
from desktop.core.texts import ROLE_WORDS
from desktop.core.vocabulary import (
    HANDOFF_DIRECTIONS,
    HANDOFF_ITEM_KINDS,
    HANDOFF_ITEM_STATES,
    HANDOFF_KINDS,
    HANDOFF_STATES,
    HANDOFF_TABLES,
    label,
)
from desktop.errors import AppError


def _read(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise AppError("file_unreadable", path=str(path), reason=exc.strerror or str(exc)
                       ) from exc


def _write(path: Path, data: bytes) -> None:
    from desktop.files import write_atomically

    write_atomically(Path(path), data)


def handoff_card(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.handoff.service import card_summary

    with closing_workspace(args) as ws:
        data = ws.handoff().card()
    _write(args.out, data)
    name, fingerprint = card_summary(data)
    write_console(out, say(args.lang, f"已写出 {name} 的协会名片：{args.out}\n指纹："
                                       f"{fingerprint}\n",
                           f"Wrote the card of {name}: {args.out}\nFingerprint: "
                           f"{fingerprint}\n"))
    return EXIT_OK


def handoff_trust(args: argparse.Namespace, out: TextIO) -> int:
    data = _read(args.file)
    with closing_workspace(args) as ws:
        card = ws.handoff().trust(data, replace_reason=args.replace_reason)
    write_console(out, say(
        args.lang,
        f"已信任 {card.name} 的名片。请与对方电话核对指纹：\n{card.grouped}\n",
        f"Trusted the card of {card.name}. Read the fingerprint over the phone:\n"
        f"{card.grouped}\n"))
    return EXIT_OK


def handoff_export(args: argparse.Namespace, out: TextIO) -> int:
    with closing_workspace(args) as ws:
        result = ws.handoff().export(args.quarter, args.out)
    kind = say(args.lang, "全量" if result.full else "变更", "full" if result.full else "changes")
    persons = result.counts.get("person", 0)
    write_console(out, say(
        args.lang,
        f"已写出 {args.quarter} 第 {result.sequence} 号数据包（{kind}，人员 {persons} 条）："
        f"{result.path}\n",
        f"Wrote package {result.sequence} for {args.quarter} ({kind}, {persons} persons): "
        f"{result.path}\n"))
    return EXIT_OK


def _report_lines(report: dict[str, Any], lang: str) -> list[str]:
    """The dry-run or merge report in words (table and item names, not their codes)."""
    lines = []
    order = tuple(HANDOFF_TABLES)
    for name, c in sorted((report.get("counts") or {}).items(),
                          key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order)):
        table = label(HANDOFF_TABLES, name, lang)
        lines.append(say(lang, f"  {table}：新增 {c['new']}，修改 {c['changed']}，未变 "
                               f"{c['unchanged']}，跳过 {c['skipped']}，移除 {c['removed']}",
                         f"  {table}: new {c['new']}, changed {c['changed']}, unchanged "
                         f"{c['unchanged']}, skipped {c['skipped']}, removed {c['removed']}"))
    for item in report.get("items") or []:
        name = (item.get("detail") or {}).get("name", "")
        kind = label(HANDOFF_ITEM_KINDS, item["kind"], lang)
        status = label(HANDOFF_ITEM_STATES, item["status"], lang)
        lines.append(say(lang, f"  待处理：{kind}（{status}）：{name} "
                               f"{item.get('district') or ''}/{item.get('other_district') or ''}",
                         f"  open item: {kind} ({status}): {name} "
                         f"{item.get('district') or ''}/{item.get('other_district') or ''}"))
    return lines


def handoff_import(args: argparse.Namespace, out: TextIO) -> int:
    data = _read(args.file)
    if args.report is not None and args.report.suffix.lower() != ".xlsx":
        raise UsageError("handoff_report_not_xlsx", path=str(args.report))
    with closing_workspace(args) as ws:
        result = ws.handoff().import_file(data, dry_run=args.dry_run,
                                          gap_reason=args.accept_gap)
        if args.report is not None and result.kind == "district":
            _write(args.report, ws.handoff().workbook_of(result.report, result.package_id))
    if result.kind == "district":
        head = say(args.lang,
                   f"{result.district} 第 {result.sequence} 号数据包验证通过"
                   + ("（试运行，未写入）：" if result.dry_run
                      else f"，已暂存为 {result.package_id}：合并请用 laomo handoff merge "
                           f"{result.package_id}"),
                   f"Package {result.sequence} of {result.district} verified"
                   + (" (dry run, nothing written):" if result.dry_run
                      else f", staged as {result.package_id}: merge with laomo handoff merge "
                           f"{result.package_id}"))
        lines = [head, *_report_lines(result.report, args.lang)]
    elif result.kind == "receipt":
        lines = [say(args.lang, f"回执已导入：第 {result.sequence} 号数据包已被市级确认。",
                     f"Receipt imported: package {result.sequence} is acknowledged.")]
    else:
        lines = [say(args.lang, f"参考数据包第 {result.sequence} 号已应用。",
                     f"Reference package {result.sequence} applied.")]
    write_console(out, "\n".join(lines) + "\n")
    return EXIT_OK


def handoff_merge(args: argparse.Namespace, out: TextIO) -> int:
    with closing_workspace(args) as ws:
        report = ws.handoff().merge(args.id)
    lines = [say(args.lang, f"数据包 {args.id} 已合并。", f"Package {args.id} merged."),
             *_report_lines(report, args.lang)]
    write_console(out, "\n".join(lines) + "\n")
    return EXIT_OK


def handoff_undo(args: argparse.Namespace, out: TextIO) -> int:
    with closing_workspace(args) as ws:
        rows = ws.handoff().undo(args.id, args.reason, force=args.force)
    write_console(out, say(args.lang, f"已撤销数据包 {args.id} 的合并（{rows} 条记录）。\n",
                           f"Undid the merge of package {args.id} ({rows} rows).\n"))
    return EXIT_OK


def handoff_receipt(args: argparse.Namespace, out: TextIO) -> int:
    with closing_workspace(args) as ws:
        data = ws.handoff().receipt(args.id)
    _write(args.out, data)
    write_console(out, say(args.lang, f"已写出数据包 {args.id} 的回执：{args.out}\n",
                           f"Wrote the receipt of package {args.id}: {args.out}\n"))
    return EXIT_OK


def handoff_reference(args: argparse.Namespace, out: TextIO) -> int:
    with closing_workspace(args) as ws:
        data = ws.handoff().reference()
    _write(args.out, data)
    write_console(out, say(args.lang, f"已写出参考数据包：{args.out}\n",
                           f"Wrote the reference package: {args.out}\n"))
    return EXIT_OK


def handoff_list(args: argparse.Namespace, out: TextIO) -> int:
    with closing_workspace(args) as ws:
        rows = ws.handoff().ledger()
    if args.format == "json":
        data = [{"id": r.id, "direction": r.direction, "kind": r.kind, "district": r.district,
                 "quarter": r.quarter, "sequence": r.sequence, "state": r.state,
                 "hash": r.package_hash, "counts": r.counts, "created_at": r.created_at,
                 "created_by": r.created_by, "merged_by": r.merged_by,
                 "open_items": r.open_items} for r in rows]
        write_utf8(out, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return EXIT_OK
    head = [say(args.lang, *pair) for pair in (
        ("编号", "ID"), ("方向", "dir"), ("种类", "kind"), ("区县", "district"),
        ("季度", "quarter"), ("序号", "seq"), ("状态", "state"), ("人员", "persons"),
        ("待处理", "open"))]
    cells = [[str(r.id), label(HANDOFF_DIRECTIONS, r.direction, args.lang),
              label(HANDOFF_KINDS, r.kind, args.lang), r.district, r.quarter or "",
              str(r.sequence), label(HANDOFF_STATES, r.state, args.lang),
              str(r.counts.get("person") if isinstance(r.counts.get("person"), int)
                   else ""), str(r.open_items)] for r in rows]
    widths = [max([display_width(h), *(display_width(c[i]) for c in cells)])
              for i, h in enumerate(head)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (widths[i] - display_width(v))
                         for i, v in enumerate(values)).rstrip()
    write_console(out, "\n".join([line(head), "  ".join("-" * w for w in widths),
                                  *(line(c) for c in cells)]) + "\n")
    return EXIT_OK


def handoff_items(args: argparse.Namespace, out: TextIO) -> int:
    """The 汇总 page's list: id, kind, status, names, ID number (masked unless ``--unmask``
    with ``--reason``, audited), the two districts; the cross-district checks have negative
    ids (nothing to decide)."""
    with closing_workspace(args) as ws:
        items = ws.handoff_items().items(
            settled=args.all, unmask_reason=(args.reason or "") if args.unmask else None)
    lines = ["\t".join((str(i.id), label(HANDOFF_ITEM_KINDS, i.kind, args.lang),
                        label(HANDOFF_ITEM_STATES, i.status, args.lang), i.name, i.other_name,
                        i.id_number, i.district, i.other_district)) for i in items]
    write_console(out, "\n".join(lines) + ("\n" if lines else ""))
    return EXIT_OK


def handoff_resolve(args: argparse.Namespace, out: TextIO) -> int:
    action = "different_people" if args.different_people else "same_person"
    with closing_workspace(args) as ws:
        ws.handoff().resolve(args.item, action, keep=args.keep, reason=args.reason)
    write_console(out, say(args.lang, f"事项 {args.item} 已裁定，将随下一个参考数据包发给区县。\n",
                           f"Item {args.item} resolved; the next reference package carries it "
                           f"to the districts.\n"))
    return EXIT_OK


def handoff_propose_honor(args: argparse.Namespace, out: TextIO) -> int:
    with closing_workspace(args) as ws:
        ws.handoff().propose_honor(args.id_number, args.title, args.level, args.year,
                                   granting_body=args.body, document_number=args.document)
    write_console(out, say(args.lang,
                           f"已记录“{args.title}”，将随下一个参考数据包推荐给所属区县。\n",
                           f"Recorded “{args.title}”; the next reference package proposes it to "
                           f"the person's district.\n"))
    return EXIT_OK


def handoff_proposals(args: argparse.Namespace, out: TextIO) -> int:
    with closing_workspace(args) as ws:
        pending = ws.handoff().proposals()
    kinds = {"person": ("新人员", "new person"), "honor": ("新荣誉", "new honor")}
    lines = [f"{p['id']}\t{say(args.lang, *kinds.get(p['kind'], (p['kind'], p['kind'])))}\t"
             f"{p['person']['name']}\t"
             + "、".join(f"{h['title']}（{h.get('year') or ''}）" for h in p["honors"])
             for p in pending]
    write_console(out, "\n".join(lines) + ("\n" if lines else ""))
    return EXIT_OK


def handoff_accept(args: argparse.Namespace, out: TextIO) -> int:
    with closing_workspace(args) as ws:
        ws.handoff().accept_proposal(args.proposal, args.id_number)
    write_console(out, say(args.lang, "已接受市级推荐，已记入名册。\n",
                           "Proposal accepted into the register.\n"))
    return EXIT_OK


def handoff_decline(args: argparse.Namespace, out: TextIO) -> int:
    with closing_workspace(args) as ws:
        ws.handoff().decline_proposal(args.proposal, args.reason)
    write_console(out, say(args.lang, "已谢绝市级推荐。\n", "Proposal declined.\n"))
    return EXIT_OK


def users_add(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.permissions import Role

    with closing_workspace(args) as ws:
        new_password = password("新用户密码 New user's password: ", confirm=True,
                                env="LAOMO_NEW_PASSWORD")
        ws.accounts().create_user(ws.actor, name=args.name,
                                  display_name=args.display_name or args.name,
                                  role=Role(args.role), password=new_password)
    role = ROLE_WORDS.get(args.role, (args.role, args.role))
    write_console(out, say(args.lang, f"已添加用户 {args.name}（{role[0]}）。\n",
                           f"Added user {args.name} ({role[1]}).\n"))
    return EXIT_OK


def users_list(args: argparse.Namespace, out: TextIO) -> int:
    with closing_workspace(args) as ws:
        users = ws.accounts().list_users(ws.actor)
    zh = args.lang.startswith("zh")

    def role(value: str) -> str:
        pair = ROLE_WORDS.get(value, (value, value))
        return pair[0] if zh else pair[1]
    lines = [f"{u.name}\t{role(u.role.value)}\t{u.display_name}\t"
             + say(args.lang, *(("在用", "active") if u.active else ("停用", "inactive")))
             + ("\t" + say(args.lang, "已锁定", "locked") if u.locked else "")
             for u in users]
    write_console(out, "\n".join(lines) + "\n")
    return EXIT_OK
