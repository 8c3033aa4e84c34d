"""The ``laomo`` command. Calls services only; with no command it opens the GUI.

Each command is implemented in the module of its group (``admin``, ``members``, ``reports``,
``visits``, ``hardship``), imported only when that command runs, so that starting the GUI does
not pay for SQLAlchemy and Alembic before the log-in dialog.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from desktop import logsetup
from desktop.cli.common import EXIT_FAILED, say
from desktop.cli.parser import build_parser
from desktop.core.texts import error_text
from desktop.errors import AppError, PermissionDenied

log = logging.getLogger(__name__)

COMMANDS: dict[str, str] = {
    "init": "admin:cmd_init",
    "demo": "admin:cmd_demo",
    "backup": "admin:cmd_backup",
    "restore": "admin:cmd_restore",
    "check": "admin:cmd_check",
    "members list": "members:members_list",
    "members export": "members:members_export",
    "members import": "members:members_import",
    "members undo-import": "members:members_undo_import",
    "members template": "members:members_template",
    "report roster": "reports:report_roster",
    "report certificate": "reports:report_certificate",
    "report cards": "reports:report_cards",
    "report void": "reports:report_void",
    "visits plan": "visits:visits_plan",
    "visits campaigns": "visits:visits_campaigns",
    "visits coverage": "visits:visits_coverage",
    "visits export": "visits:visits_export",
    "visits calendar": "visits:visits_calendar",
    "report visit-list": "visits:report_visit_list",
    "report recuperation-roster": "visits:report_recuperation_roster",
    "hardship list": "hardship:hardship_list",
    "hardship standards": "hardship:hardship_standards",
    "hardship standard": "hardship:hardship_standard",
    "report hardship-file": "hardship:report_hardship_file",
    "report hardship-proof": "hardship:report_hardship_proof",
    "report hardship-notice": "hardship:report_hardship_notice",
    "report hardship-payments": "hardship:report_hardship_payments",
    "handoff card": "handoff:handoff_card",
    "handoff trust": "handoff:handoff_trust",
    "handoff export": "handoff:handoff_export",
    "handoff import": "handoff:handoff_import",
    "handoff merge": "handoff:handoff_merge",
    "handoff undo": "handoff:handoff_undo",
    "handoff receipt": "handoff:handoff_receipt",
    "handoff reference": "handoff:handoff_reference",
    "handoff list": "handoff:handoff_list",
    "handoff items": "handoff:handoff_items",
    "handoff resolve": "handoff:handoff_resolve",
    "handoff propose-honor": "handoff:handoff_propose_honor",
    "handoff proposals": "handoff:handoff_proposals",
    "handoff accept": "handoff:handoff_accept",
    "handoff decline": "handoff:handoff_decline",
    "users add": "handoff:users_add",
    "users list": "handoff:users_list",
}
"""Command (``args.command_key`` for nested ones, e.g. "members list") -> "module:function"
in ``desktop.cli``."""


def command(key: str) -> Callable[..., int]:
    """The function that implements a command, its module imported now."""
    module, _, name = COMMANDS[key].partition(":")
    found: Callable[..., int] = getattr(importlib.import_module(f"desktop.cli.{module}"), name)
    return found


def run_command(key: str, args: object, out: TextIO) -> int:
    return command(key)(args, out)


def lang_given(argv: Sequence[str] | None) -> bool:
    """Whether the user chose the language for this start: ``--lang`` or ``LAOMO_LANG``."""
    words = list(sys.argv[1:] if argv is None else argv)
    return "LAOMO_LANG" in os.environ or any(
        w == "--lang" or w.startswith("--lang=") for w in words)


def console_never_fails(stream: object) -> None:
    """Output whose encoding lacks a character shows '?' for it instead of failing the command.

    A redirected ``laomo`` on a Chinese Windows writes GBK (code page 936), which has no 𠮷
    (CJK Extension B): without this, a name or file name with such a character would stop the
    command half-way with a UnicodeEncodeError (tests/cli/test_cli_console.py). UTF-8 output
    (Linux, the bundled program, an interactive Windows console) is left alone.
    """
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and encoding and not encoding.startswith("utf"):
        reconfigure(errors="replace")


def _record_denied(args: argparse.Namespace, exc: PermissionDenied) -> None:
    """Exit 4 leaves an audit entry in the database the command was refused on."""
    from desktop.database import Database
    from desktop.services.accounts import record_denied

    try:
        db = Database.open(args.db)
    except AppError:
        return
    try:
        if db.sqlite_path is None or db.sqlite_path.exists():
            record_denied(db.sessions, exc, "cli:" + str(getattr(args, "command_key", None)
                                                         or args.command))
    finally:
        db.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    console_never_fails(sys.stdout)
    parser = build_parser()
    args = parser.parse_args(argv)
    logsetup.configure()
    if args.self_test or args.command is None:
        from desktop import app  # the GUI is only loaded when it is wanted

        if args.self_test:
            return app.self_test(db=args.db, lang=args.lang)
        # The language saved in 设置 → 界面语言 counts unless --lang (or LAOMO_LANG) is given
        # (issue 14: the command-line default overrode the saved preference).
        return app.run(db=args.db, lang=args.lang if lang_given(argv) else None)
    try:
        return run_command(getattr(args, "command_key", args.command), args, sys.stdout)
    except AppError as exc:
        log.info("laomo %s refused: %s", args.command, exc.code)
        if isinstance(exc, PermissionDenied):
            _record_denied(args, exc)
        print(error_text(exc, args.lang), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(say(args.lang, "已取消。", "Cancelled."), file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # a bug: say so briefly, keep the details in the log
        log.exception("laomo %s failed", args.command)
        brief = logsetup.scrub(str(exc).split("\n", 1)[0])[:300]
        print(say(args.lang, f"出错了：{brief}（详情见日志）",
                   f"Failed: {brief} (details in the log)"), file=sys.stderr)
        return EXIT_FAILED
