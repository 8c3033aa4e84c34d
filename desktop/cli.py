"""The ``laomo`` command. Calls services only; with no command it opens the GUI.

Exit codes (DESIGN.md): 0 done; 1 failed; 2 usage error; 3 input rejected by validation
(nothing written); 4 not permitted.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import APP_DISPLAY_NAME, __version__, logsetup
from desktop.errors import AppError
from desktop.texts import EN, ZH, error_text

log = logging.getLogger(__name__)
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INVALID, EXIT_DENIED = 0, 1, 2, 3, 4


class UsageError(AppError):
    exit_code = EXIT_USAGE


def _say(lang: str, zh: str, en: str) -> str:
    return zh if lang.startswith("zh") else en


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
    s.add_argument("--display-name", help="the administrator's full name")
    s = sub.add_parser("demo", parents=[common],
                       help="fill the database with realistic synthetic data")
    s.add_argument("--members", type=int, required=True)
    s.add_argument("--seed", type=int, default=1)
    s = sub.add_parser("backup", parents=[common], help="write a consistent backup with a manifest")
    s.add_argument("out", type=Path)
    s = sub.add_parser("restore", parents=[common],
                       help="verify a backup, then replace the database with it")
    s.add_argument("source", type=Path)
    sub.add_parser("check", parents=[common], help="check integrity, schema and the audit chain")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logsetup.configure()
    if args.self_test or args.command is None:
        from desktop import app  # the GUI is only loaded when it is wanted

        if args.self_test:
            return app.self_test(db=args.db, lang=args.lang)
        return app.run(db=args.db, lang=args.lang)
    try:
        from desktop.cli_commands import COMMANDS

        return COMMANDS[args.command](args, sys.stdout)
    except AppError as exc:
        log.info("laomo %s refused: %s", args.command, exc.code)
        print(error_text(exc, args.lang), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(_say(args.lang, "已取消。", "Cancelled."), file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # a bug: say so briefly, keep the details in the log
        log.exception("laomo %s failed", args.command)
        print(_say(args.lang, f"出错了：{exc}（详情见日志）",
                   f"Failed: {exc} (details in the log)"), file=sys.stderr)
        return EXIT_FAILED
