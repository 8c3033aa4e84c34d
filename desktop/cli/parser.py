"""The ``laomo`` command line: options and sub-commands (argparse only, nothing loaded).

Exit codes (DESIGN.md): 0 done; 1 failed; 2 usage error; 3 input rejected by validation
(nothing written); 4 not permitted.
"""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path

from desktop import APP_DISPLAY_NAME, __version__
from desktop.core.texts import EN, ZH

log = logging.getLogger(__name__)


def _global_options(p: argparse.ArgumentParser, *, suppress: bool) -> None:
    """Global options, accepted before and after the command (``laomo init … --db x``)."""

    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    p.add_argument("--db", default=default(None),
                   help="SQLite file or SQLAlchemy URL (default: the user data folder)")
    p.add_argument("--user", default=default(os.environ.get("LAOMO_USER")), help="user name")
    p.add_argument("--lang", default=default(os.environ.get("LAOMO_LANG", ZH)),
                   choices=[ZH, EN])


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="laomo", description=f"{APP_DISPLAY_NAME} {__version__}",
        epilog="Password: LAOMO_PASSWORD, else prompted. Exit codes: 0 done, 1 failed, "
               "2 usage, 3 input rejected, 4 not permitted.",
    )
    _global_options(p, suppress=False)
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)
    p.add_argument("--version", action="version", version=f"laomo {__version__}")
    p.add_argument("--self-test", action="store_true",
                   help="offscreen start-up check of the installed program, then exit")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    s = sub.add_parser("init", parents=[common],
                       help="create or upgrade a database and its first administrator")
    s.add_argument("--district", required=True,
                   help="association district (长兴县) or city (湖州市)")
    s.add_argument("--admin", required=True, help="user name of the first administrator")
    s.add_argument("--admin-name", "--display-name", dest="display_name", metavar="姓名",
                   help="the administrator's full name, printed as 经办人 on documents "
                        "(without it they print a blank to sign; set later on the users page)")
    s = sub.add_parser("demo", parents=[common],
                       help="fill the database with realistic synthetic data")
    s.add_argument("--members", type=int, required=True)
    s.add_argument("--seed", type=int, default=1)
    s.add_argument("--years", type=int, default=1,
                   help="years of visit rounds and hardship files (default 1)")
    s.add_argument("--today", type=_iso_date, metavar="YYYY-MM-DD", default=None,
                   help="the day the data describes (default: today); a seed and a day "
                        "always make the same data")
    s = sub.add_parser("backup", parents=[common],
                       help="write a consistent backup with a manifest, encrypted with a "
                            "passphrase (LAOMO_BACKUP_PASSPHRASE or asked twice)")
    s.add_argument("out", type=Path)
    s.add_argument("--no-encrypt", action="store_true",
                   help="write a plain zip that anyone with the file can read")
    s = sub.add_parser("restore", parents=[common],
                       help="verify a backup, then replace the database with it (an encrypted "
                            "one asks its passphrase, or reads LAOMO_BACKUP_PASSPHRASE)")
    s.add_argument("source", type=Path)
    s.add_argument("--other-association", metavar="REASON", default=None,
                   help="restore another association's backup over this one, for this reason")
    sub.add_parser("check", parents=[common], help="check integrity, schema and the audit chain")
    _members_parser(sub, common)
    _report_parser(sub, common)
    _visits_parser(sub, common)
    _hardship_parser(sub, common)
    _handoff_parser(sub, common)
    _users_parser(sub, common)
    return p


def _handoff_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                    common: argparse.ArgumentParser) -> None:
    """``laomo handoff …``: the quarterly data package district → city (issue 11)."""
    handoff = sub.add_parser("handoff", parents=[common],
                             help="quarterly data packages: districts report to the city")
    hsub = handoff.add_subparsers(required=True)
    s = hsub.add_parser("card", parents=[common],
                        help="write this association's card (public keys, fingerprint)")
    s.set_defaults(command_key="handoff card")
    s.add_argument("--out", type=Path, required=True, metavar="FILE")
    s = hsub.add_parser("trust", parents=[common],
                        help="trust a peer's card (district: its city; city: a district)")
    s.set_defaults(command_key="handoff trust")
    s.add_argument("file", type=Path, metavar="FILE")
    s.add_argument("--replace-reason", metavar="TEXT",
                   help="re-enrol a peer whose key changed (administrators; revokes the old key)")
    s = hsub.add_parser("export", parents=[common],
                        help="write this district's signed, encrypted package for a quarter")
    s.set_defaults(command_key="handoff export")
    s.add_argument("--quarter", required=True, metavar="YYYYQn", help="e.g. 2026Q4")
    s.add_argument("--out", type=Path, required=True, metavar="FILE.lmpkg")
    s = hsub.add_parser("import", parents=[common],
                        help="verify and stage a district package (city), or import a receipt "
                             "or reference package (district)")
    s.set_defaults(command_key="handoff import")
    s.add_argument("file", type=Path, metavar="FILE")
    s.add_argument("--dry-run", action="store_true",
                   help="verify and show the merge report, write nothing")
    s.add_argument("--report", type=Path, metavar="OUT.xlsx",
                   help="also write the dry-run conflict report as a workbook")
    s.add_argument("--accept-gap", metavar="REASON",
                   help="accept a gap in the sequence (administrators, with a reason)")
    s = hsub.add_parser("merge", parents=[common],
                        help="merge a staged package (reviewer/admin, not the importer)")
    s.set_defaults(command_key="handoff merge")
    s.add_argument("id", type=int, metavar="ID")
    s = hsub.add_parser("undo", parents=[common],
                        help="undo a merge as a batch (reviewer/admin, not the importer)")
    s.set_defaults(command_key="handoff undo")
    s.add_argument("id", type=int, metavar="ID")
    s.add_argument("--reason", default="", metavar="TEXT")
    s.add_argument("--force", action="store_true",
                   help="undo although records were edited at the city since the merge "
                        "(administrators, with --reason)")
    s = hsub.add_parser("receipt", parents=[common],
                        help="write the signed receipt of a merged package (city)")
    s.set_defaults(command_key="handoff receipt")
    s.add_argument("id", type=int, metavar="ID")
    s.add_argument("--out", type=Path, required=True, metavar="FILE")
    s = hsub.add_parser("reference", parents=[common],
                        help="write the signed reference package for the districts (city)")
    s.set_defaults(command_key="handoff reference")
    s.add_argument("--out", type=Path, required=True, metavar="FILE")
    s = hsub.add_parser("items", parents=[common],
                        help="the open items the merges left (city): pairs and conflicts, "
                             "names and ID numbers masked")
    s.set_defaults(command_key="handoff items")
    s.add_argument("--all", action="store_true", help="paired and resolved items too")
    _unmask_options(s)
    s = hsub.add_parser("resolve", parents=[common],
                        help="resolve a same-ID conflict (city, reviewer/admin, with a reason)")
    s.set_defaults(command_key="handoff resolve")
    s.add_argument("item", type=int, metavar="ITEM")
    how = s.add_mutually_exclusive_group(required=True)
    how.add_argument("--keep", metavar="DISTRICT",
                     help="the same person: this district keeps the record")
    how.add_argument("--different-people", action="store_true",
                     help="two different people who share the number")
    s.add_argument("--reason", required=True, metavar="TEXT")
    s = hsub.add_parser("propose-honor", parents=[common],
                        help="record a 市级 honor the city granted to a district's person (city)")
    s.set_defaults(command_key="handoff propose-honor")
    s.add_argument("--id-number", required=True, metavar="NUMBER")
    s.add_argument("--title", required=True, metavar="TEXT", help="e.g. 湖州市劳动模范")
    s.add_argument("--level", required=True, choices=("全国", "省部级", "市级", "县级"))
    s.add_argument("--year", type=int, metavar="YYYY")
    s.add_argument("--body", metavar="TEXT", help="granting body (授予机关)")
    s.add_argument("--document", metavar="TEXT", help="document number (文号)")
    s = hsub.add_parser("proposals", parents=[common],
                        help="the city's proposed 市级 honorees waiting here (district)")
    s.set_defaults(command_key="handoff proposals")
    s = hsub.add_parser("accept", parents=[common],
                        help="take a proposal of the city into the register (district)")
    s.set_defaults(command_key="handoff accept")
    s.add_argument("proposal", metavar="ID")
    s.add_argument("--id-number", metavar="NUMBER",
                   help="the ID number of a proposed new person")
    s = hsub.add_parser("decline", parents=[common],
                        help="decline a proposal of the city (district, with a reason)")
    s.set_defaults(command_key="handoff decline")
    s.add_argument("proposal", metavar="ID")
    s.add_argument("--reason", required=True, metavar="TEXT")
    s = hsub.add_parser("list", parents=[common],
                        help="the sent and received ledger with states and counts")
    s.set_defaults(command_key="handoff list")
    s.add_argument("--format", choices=("table", "json"), default="table")


def _users_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                  common: argparse.ArgumentParser) -> None:
    """``laomo users add|list`` (administrators)."""
    users = sub.add_parser("users", parents=[common], help="user accounts (administrators)")
    usub = users.add_subparsers(required=True)
    s = usub.add_parser("add", parents=[common],
                        help="add a user (password from LAOMO_NEW_PASSWORD, else prompted)")
    s.set_defaults(command_key="users add")
    s.add_argument("name", metavar="NAME")
    s.add_argument("--role", required=True, choices=("admin", "reviewer", "clerk", "viewer"))
    s.add_argument("--display-name", default="", metavar="TEXT")
    s = usub.add_parser("list", parents=[common], help="list the user accounts")
    s.set_defaults(command_key="users list")


LEVEL_CHOICES = ("全国", "省部级", "市级", "县级")


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, got {value}")
    return value


def _members_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                    common: argparse.ArgumentParser) -> None:
    """``laomo members list|export …``: nested commands dispatch on ``args.command_key``."""
    members = sub.add_parser("members", parents=[common], help="the register of model workers")
    # no dest/metavar: a missing subcommand is then reported as "{list,…}", naming the choices
    msub = members.add_subparsers(required=True)
    s = msub.add_parser("list", parents=[common],
                        help="list (search, filter) the register: table, CSV or JSON")
    s.set_defaults(command_key="members list")
    _register_filters(s)
    s.add_argument("--format", choices=("table", "csv", "json"), default="table")
    s.add_argument("--limit", type=_count, metavar="N", help="at most N persons")
    s = msub.add_parser("export", parents=[common],
                        help="write the (filtered) register to an Excel workbook or a CSV file")
    s.set_defaults(command_key="members export")
    s.add_argument("out", type=Path, metavar="OUT.xlsx|OUT.csv")
    s.add_argument("--columns", metavar="KEY,KEY,...",
                   help="columns to write (default all): name, sex, birth_date, age, id_number, "
                        "district, work_unit, employment_status, life_status, treatment_level, "
                        "highest_honor, honors, phone; more: political_status, ethnicity, "
                        "education, position, address, ... (see the user guide)")
    s.add_argument("--template", metavar="NAME",
                   help="a named column choice: 名册, 全总劳模信息调查表, 疗休养名单 "
                        "or a saved one")
    _register_filters(s)
    _import_parser(msub, common)


def _import_parser(msub: argparse._SubParsersAction[argparse.ArgumentParser],
                   common: argparse.ArgumentParser) -> None:
    """``laomo members import|undo-import|template`` (issue 4)."""
    s = msub.add_parser("import", parents=[common],
                        help="import a roster (.xlsx, .xls, .csv): all rows or nothing")
    s.set_defaults(command_key="members import")
    s.add_argument("file", type=Path, metavar="FILE")
    s.add_argument("--dry-run", action="store_true",
                   help="check and count everything, write nothing")
    s.add_argument("--report", type=Path, metavar="OUT.xlsx",
                   help="write the sheet back with a column of reasons, bad cells red")
    s.add_argument("--good-rows-only", action="store_true",
                   help="import the good rows even when others are rejected")
    s.add_argument("--mapping", metavar="NAME", help="a column mapping saved earlier")
    s.add_argument("--sheet", metavar="NAME", help="the worksheet (default: the first)")
    s.add_argument("--header-row", type=int, metavar="N",
                   help="the header's row number as Excel shows it (default: found)")
    s = msub.add_parser("undo-import", parents=[common],
                        help="take back an import batch (new persons removed, changes restored)")
    s.set_defaults(command_key="members undo-import")
    s.add_argument("batch", nargs="?", metavar="BATCH",
                   help="the batch id printed by the import (omit to list the imports)")
    s = msub.add_parser("template", parents=[common],
                        help="write the fill-in workbook for an import (with instructions)")
    s.set_defaults(command_key="members template")
    s.add_argument("out", type=Path, metavar="OUT.xlsx")


def _report_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                   common: argparse.ArgumentParser) -> None:
    """``laomo report roster …``: printed documents (PDF), filtered like ``members list``."""
    report = sub.add_parser("report", parents=[common], help="printed documents (PDF)")
    rsub = report.add_subparsers(required=True)
    s = rsub.add_parser("roster", parents=[common],
                        help="the (filtered) register as a landscape roster (花名册) PDF, "
                             "grouped by district")
    s.set_defaults(command_key="report roster")
    s.add_argument("--out", type=Path, required=True, metavar="FILE.pdf",
                   help="the PDF to write (replaced only when the whole document is ready)")
    s.add_argument("--everyone", action="store_true",
                   help="also the deceased, revoked, emigrated and lost-contact persons "
                        "(marked); by default active members only")
    _register_filters(s)
    s = rsub.add_parser("certificate", parents=[common],
                        help="a proof of title (荣誉称号证明) for one person, under a new serial; "
                             "or a reprint (补打) of an issued serial")
    s.set_defaults(command_key="report certificate")
    who = s.add_mutually_exclusive_group(required=True)
    who.add_argument("--person", metavar="UUID|ID_NUMBER", help="the person (UUID or ID number)")
    who.add_argument("--reprint", metavar="SERIAL", help="print an issued serial again "
                                                         "(needs --reason; marked 补打)")
    s.add_argument("--unmask", action="store_true",
                   help="print the full ID number (needs the permission and --reason; audited)")
    s.add_argument("--reason", help="why (reprint, unmask): recorded in the document log")
    s.add_argument("--deceased-reason", metavar="TEXT",
                   help="for a person who has died: why the proof is issued (printed on it)")
    s.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    s = rsub.add_parser("cards", parents=[common],
                        help="membership cards (会员证) of the (filtered) register, ten per page")
    s.set_defaults(command_key="report cards")
    s.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    s.add_argument("--everyone", action="store_true",
                   help="also persons who are not active members; by default active only")
    _register_filters(s)
    s = rsub.add_parser("void", parents=[common],
                        help="void (作废) a certificate or card serial; it is never printed again")
    s.set_defaults(command_key="report void")
    s.add_argument("serial", metavar="SERIAL")
    s.add_argument("--reason", required=True, help="why (recorded in the document log)")
    _visit_report_parsers(rsub, common)
    _hardship_reports(rsub, common)


def _visit_report_parsers(rsub: argparse._SubParsersAction[argparse.ArgumentParser],
                          common: argparse.ArgumentParser) -> None:
    """``laomo report visit-list|recuperation-roster`` (issue 7; desktop/cli/visits.py)."""
    s = rsub.add_parser("visit-list", parents=[common],
                        help="a campaign's visit list per team and day (走访慰问名单), its receipt "
                             "sheet (慰问金签收表) or its summary, as PDF")
    s.set_defaults(command_key="report visit-list")
    s.add_argument("--campaign", required=True, metavar="ID")
    s.add_argument("--team", metavar="NAME", help="only this team's visits")
    s.add_argument("--day", type=_iso_date, metavar="YYYY-MM-DD", help="only this day")
    s.add_argument("--sheet", choices=("list", "receipt", "summary"), default="list")
    s.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    _unmask_options(s)
    s = rsub.add_parser("recuperation-roster", parents=[common],
                        help="a recuperation batch's roster (疗休养名单) as PDF, optionally a "
                             "notification letter per person")
    s.set_defaults(command_key="report recuperation-roster")
    s.add_argument("--batch", required=True, metavar="ID")
    s.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    s.add_argument("--letters", type=Path, metavar="DIR",
                   help="also write one notification letter (PDF) per person into DIR")
    _unmask_options(s)


def _iso_date(text: str) -> object:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {text}") from exc


def _unmask_options(s: argparse.ArgumentParser) -> None:
    s.add_argument("--unmask", action="store_true",
                   help="full ID numbers and phones (needs the permission and --reason; audited)")
    s.add_argument("--reason", help="why the data is unmasked (recorded in the audit log)")


def _visits_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                   common: argparse.ArgumentParser) -> None:
    """``laomo visits plan|campaigns|coverage|export`` (issue 7; desktop/cli/visits.py)."""
    visits = sub.add_parser("visits", parents=[common], help="visit campaigns (走访慰问)")
    vsub = visits.add_subparsers(required=True)
    s = vsub.add_parser("plan", parents=[common],
                        help="create a campaign from the default rules and plan its list; "
                             "prints the campaign id")
    s.set_defaults(command_key="visits plan")
    s.add_argument("--occasion", required=True,
                   help="春节 (元旦春节), 五一, 国庆, 重阳, 中秋, 送清凉 …")
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--title", help="the campaign's name (default: 2027年元旦春节走访慰问)")
    s = vsub.add_parser("campaigns", parents=[common], help="list the campaigns")
    s.set_defaults(command_key="visits campaigns")
    s.add_argument("--format", choices=("table", "json"), default="table")
    s = vsub.add_parser("coverage", parents=[common],
                        help="who must be visited and is not planned; who was visited last "
                             "time but not now")
    s.set_defaults(command_key="visits coverage")
    s.add_argument("--campaign", required=True, metavar="ID")
    s.add_argument("--format", choices=("csv", "json"), default="csv")
    s = vsub.add_parser("calendar", parents=[common],
                        help="show the holiday calendar in use; --load a newer one (admin)")
    s.set_defaults(command_key="visits calendar")
    s.add_argument("--load", type=Path, metavar="FILE.json",
                   help="a newer holiday calendar file (format of resources/reference/"
                        "holidays.json)")
    s = vsub.add_parser("export", parents=[common], help="the visit list as an Excel workbook")
    s.set_defaults(command_key="visits export")
    s.add_argument("--campaign", required=True, metavar="ID")
    s.add_argument("out", type=Path, metavar="OUT.xlsx")
    _unmask_options(s)


HARDSHIP_STATUSES = ("draft", "submitted", "verified", "notice", "approved", "review",
                     "rejected", "closed")


def _hardship_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                     common: argparse.ArgumentParser) -> None:
    """``laomo hardship list …`` (issue 6)."""
    hardship = sub.add_parser("hardship", parents=[common], help="hardship files (困难劳模帮扶)")
    hsub = hardship.add_subparsers(required=True)
    s = hsub.add_parser("list", parents=[common], help="list hardship files: table, CSV or JSON")
    s.set_defaults(command_key="hardship list")
    s.add_argument("--status", action="append", default=[], choices=HARDSHIP_STATUSES,
                   help="file status (repeat for several)")
    s.add_argument("--due", action="store_true", help="only files whose review is due")
    s.add_argument("--search", default="", metavar="TEXT", help="part of a name or file number")
    s.add_argument("--format", choices=("table", "csv", "json"), default="table")
    s = hsub.add_parser("standards", parents=[common],
                        help="show the standards table (低保 lines, payment rules)")
    s.set_defaults(command_key="hardship standards")
    s.add_argument("--year", type=int, metavar="YEAR")
    s = hsub.add_parser("standard", parents=[common],
                        help="set one standard (administrators): a 低保 line or a payment rule")
    s.set_defaults(command_key="hardship standard")
    s.add_argument("--year", type=int, required=True, metavar="YEAR")
    s.add_argument("--kind", required=True, metavar="KIND",
                   help="低保标准 (monthly line per person), or a payment kind: 生活困难补助, "
                        "特殊困难帮扶金, 医疗救助, 助学, 春节慰问金, 健康体检补助")
    s.add_argument("--amount", metavar="YUAN", help="the line, or the cap per payment, in 元")
    s.add_argument("--district", metavar="NAME",
                   help="a district's own row (default: all; a county association: its own)")
    s.add_argument("--ratio", type=int, metavar="PERCENT",
                   help="share of self-paid medical costs (医疗救助)")
    s.add_argument("--per-year", type=int, metavar="N", help="payments allowed per year")


def _hardship_reports(rsub: argparse._SubParsersAction[argparse.ArgumentParser],
                      common: argparse.ArgumentParser) -> None:
    """``laomo report hardship-file|hardship-notice|hardship-payments|hardship-proof``."""
    def out(s: argparse.ArgumentParser) -> None:
        s.add_argument("--out", type=Path, required=True, metavar="FILE.pdf",
                       help="the PDF to write (replaced only when the whole document is ready)")

    s = rsub.add_parser("hardship-file", parents=[common], help="one file's 档案表 (PDF)")
    s.set_defaults(command_key="report hardship-file")
    s.add_argument("--file", required=True, metavar="SERIAL", help="file number (KN-2026-00001)")
    out(s)
    s = rsub.add_parser("hardship-proof", parents=[common], help="帮扶证明 with a serial (PDF)")
    s.set_defaults(command_key="report hardship-proof")
    s.add_argument("--file", required=True, metavar="SERIAL", help="file number (KN-2026-00001)")
    out(s)
    s = rsub.add_parser("hardship-notice", parents=[common],
                        help="公示名单: name, work unit, kind of help and 公示期, no ID number "
                             "or income (default: the files in notice)")
    s.set_defaults(command_key="report hardship-notice")
    s.add_argument("--file", action="append", default=[], metavar="SERIAL",
                   help="file number (repeat for several)")
    out(s)
    s = rsub.add_parser("hardship-payments", parents=[common],
                        help="发放签收表 with a signature column")
    s.set_defaults(command_key="report hardship-payments")
    s.add_argument("--year", type=int, metavar="YEAR")
    s.add_argument("--kind", metavar="KIND", help="生活困难补助, 特殊困难帮扶金, 医疗救助 …")
    s.add_argument("--district", metavar="NAME")
    out(s)


def _register_filters(s: argparse.ArgumentParser) -> None:
    """The filters and unmasking options shared by ``members list`` and ``members export``."""
    s.add_argument("--search", default="", metavar="TEXT",
                   help="name, pinyin (zhurongrong) or initials (zrr), ID or phone fragment, "
                        "work unit; several words must all match")
    s.add_argument("--district", action="append", default=[], metavar="NAME",
                   help="managing district (repeat for several)")
    s.add_argument("--level", action="append", default=[], choices=LEVEL_CHOICES,
                   help="treatment level (repeat for several)")
    s.add_argument("--honor", default="", metavar="TITLE", help="part of a kept honor's title")
    s.add_argument("--honor-year-from", type=int, metavar="YEAR")
    s.add_argument("--honor-year-to", type=int, metavar="YEAR")
    s.add_argument("--employment", action="append", default=[], metavar="STATUS",
                   help="在职, 离退休, 下岗(买断工龄), 自谋职业, 其他 (repeat for several)")
    s.add_argument("--life", choices=("alive", "deceased"))
    s.add_argument("--age-min", type=int, metavar="N")
    s.add_argument("--age-max", type=int, metavar="N")
    s.add_argument("--hardship", choices=("yes", "no"))
    _unmask_options(s)
