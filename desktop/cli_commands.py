"""Implementations of the ``laomo`` sub-commands (loaded only when a command is given, so
that starting the GUI does not pay for SQLAlchemy and Alembic before the log-in dialog)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from desktop.cli import EXIT_FAILED, EXIT_OK, UsageError, _say
from desktop.database import Database
from desktop.errors import AppError
from desktop.services import accounts, maintenance
from desktop.services.permissions import Actor


def _password(prompt: str, *, confirm: bool = False) -> str:
    env = os.environ.get("LAOMO_PASSWORD")
    if env is not None:
        return env
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError("password_required")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(prompt) != first:
        raise UsageError("passwords_differ")
    return first


def _open(args: argparse.Namespace, *, upgrade: bool = True) -> Database:
    """Open an existing database (only ``init`` creates one: a mistyped path must not)."""
    db = Database.open(args.db)
    if db.sqlite_path is not None and not db.sqlite_path.exists():
        raise AppError("database_missing", path=str(db.sqlite_path))
    if upgrade:
        db.upgrade()
    return db


def _login(db: Database, args: argparse.Namespace) -> Actor:
    if not accounts.is_initialised(db.sessions):
        raise AppError("not_initialised")
    if not args.user:
        raise UsageError("user_required")
    return accounts.AccountService(db.sessions).login(args.user, _password("密码 Password: "))


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    db = Database.open(args.db)
    try:
        exists = db.sqlite_path is None or db.sqlite_path.exists()
        if exists:
            db.check_schema()  # a foreign or newer file is refused before anything is written
            info = accounts.association_info(db.sessions) if _has_schema(db) else None
            if info is not None:
                if info.name != args.district.strip():
                    raise AppError("already_initialised", association=info.name)
                db.upgrade()
                print(_say(args.lang, f"数据库已是最新，已初始化为 {info.name}：{db.describe()}",
                           f"Database is up to date, set up for {info.name}: {db.describe()}"),
                      file=out)
                return EXIT_OK
        # Validate what we can before the file is created, so bad input leaves no trace.
        accounts.validate_setup(association=args.district, admin_name=args.admin)
        password = _password("管理员密码 Administrator password: ", confirm=True)
        accounts.validate_setup(association=args.district, admin_name=args.admin,
                                admin_password=password)
        db.upgrade()
        info = accounts.initialise(db.sessions, association=args.district,
                                   admin_name=args.admin, admin_password=password,
                                   admin_display_name=args.display_name)
        mode = _say(args.lang, "市级模式" if info.mode == "city" else "区县模式",
                    "city mode" if info.mode == "city" else "county mode")
        print(_say(args.lang,
                   f"已初始化 {info.name}（{mode}），管理员 {args.admin}：{db.describe()}",
                   f"Set up {info.name} ({mode}), administrator {args.admin}: {db.describe()}"),
              file=out)
        return EXIT_OK
    finally:
        db.dispose()


def _has_schema(db: Database) -> bool:
    current, _head = db.check_schema()
    return current is not None


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.services.demo import DemoService

    if args.members < 1:
        raise UsageError("validation_failed", count=1)
    db = _open(args)
    try:
        if not accounts.is_initialised(db.sessions):
            raise AppError("demo_needs_setup")
        actor = _login(db, args)
        started = time.perf_counter()
        result = DemoService(db.sessions, actor).generate(args.members, seed=args.seed)
        seconds = time.perf_counter() - started
        print(_say(args.lang,
                   f"已生成演示数据：{result.persons} 人，{result.honors} 项荣誉，"
                   f"{result.events} 条动态记录，用时 {seconds:.1f} 秒。",
                   f"Demo data: {result.persons} persons, {result.honors} honors, "
                   f"{result.events} events in {seconds:.1f} s."), file=out)
        return EXIT_OK
    finally:
        db.dispose()


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    db = _open(args)
    try:
        actor = _login(db, args)
        manifest = maintenance.MaintenanceService(db, actor).backup(args.out)
        print(_say(args.lang,
                   f"备份完成：{args.out}（{manifest.counts.get('person', 0)} 人，"
                   f"SHA-256 {manifest.sha256[:16]}…，数据库版本 {manifest.schema_revision}）",
                   f"Backup written: {args.out} ({manifest.counts.get('person', 0)} persons, "
                   f"SHA-256 {manifest.sha256[:16]}…, schema {manifest.schema_revision})"),
              file=out)
        return EXIT_OK
    finally:
        db.dispose()


def _restore_actor(db: Database, args: argparse.Namespace, source: Path) -> Actor:
    """Authenticate against the current database, or, when it is unusable, the backup's."""
    try:
        db.check_schema()
        usable = accounts.is_initialised(db.sessions)
    except AppError:
        usable = False
    if usable:
        return _login(db, args)
    import tempfile

    with tempfile.TemporaryDirectory() as work:
        copy = Path(work) / "candidate.sqlite3"
        maintenance.read_backup(source, copy)
        candidate = Database(f"sqlite:///{copy}")
        try:
            return _login(candidate, args)
        finally:
            candidate.dispose()


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    db = Database.open(args.db)  # restoring onto a new machine: no file yet
    try:
        actor = _restore_actor(db, args, args.source)
        result = maintenance.restore(db, args.source, actor)
        kept = result.previous_kept_at or "-"
        print(_say(args.lang,
                   f"已从 {args.source} 恢复（备份时间 {result.manifest.created_at}）。"
                   f"原数据库保留在：{kept}",
                   f"Restored from {args.source} (made {result.manifest.created_at}). "
                   f"The previous database is kept at: {kept}"), file=out)
        return EXIT_OK
    finally:
        db.dispose()


CHECK_NAMES = {
    "schema": ("数据库版本", "schema version"),
    "integrity": ("文件完整性", "file integrity"),
    "foreign_keys": ("数据关联", "references"),
    "audit_chain": ("审计日志链", "audit chain"),
    "treatment_levels": ("待遇级别", "treatment levels"),
}


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    db = _open(args, upgrade=False)
    try:
        db.check_schema()  # a text file, a foreign or a newer database: a clear refusal
        actor = _login(db, args)
        report = maintenance.MaintenanceService(db, actor).check()
        for item in report.items:
            zh, en = CHECK_NAMES.get(item.name, (item.name, item.name))
            mark = _say(args.lang, "正常" if item.ok else "异常", "ok" if item.ok else "PROBLEM")
            print(f"{_say(args.lang, zh, en)}: {mark} ({item.detail})", file=out)
        return EXIT_OK if report.ok else EXIT_FAILED
    finally:
        db.dispose()


def cmd_members_list(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.cli_members import members_list

    return members_list(args, out)


def cmd_members_export(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.cli_members import members_export

    return members_export(args, out)


def cmd_members_import(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.cli_members import members_import

    return members_import(args, out)


def cmd_members_undo_import(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.cli_members import members_undo_import

    return members_undo_import(args, out)


def cmd_members_template(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.cli_members import members_template

    return members_template(args, out)


def cmd_report_roster(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.cli_reports import report_roster

    return report_roster(args, out)


def cmd_report_certificate(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.cli_reports import report_certificate

    return report_certificate(args, out)


def cmd_report_cards(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.cli_reports import report_cards

    return report_cards(args, out)


def cmd_report_void(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.cli_reports import report_void

    return report_void(args, out)


def _visits(name: str) -> Callable[[argparse.Namespace, TextIO], int]:
    """A command implemented in desktop/cli_visits.py, imported only when it runs."""

    def run(args: argparse.Namespace, out: TextIO) -> int:
        from desktop import cli_visits

        command: Callable[[argparse.Namespace, TextIO], int] = getattr(cli_visits, name)
        return command(args, out)

    return run


def _hardship(name: str) -> Callable[[argparse.Namespace, TextIO], int]:
    """A hardship command, imported from ``desktop.cli_hardship`` only when it runs."""

    def run(args: argparse.Namespace, out: TextIO) -> int:
        from desktop import cli_hardship

        command: Callable[[argparse.Namespace, TextIO], int] = getattr(cli_hardship, name)
        return command(args, out)

    return run


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "init": cmd_init, "demo": cmd_demo, "backup": cmd_backup, "restore": cmd_restore,
    "check": cmd_check, "members list": cmd_members_list, "members export": cmd_members_export,
    "report roster": cmd_report_roster,
    "report certificate": cmd_report_certificate,
    "report cards": cmd_report_cards,
    "report void": cmd_report_void,
    "visits plan": _visits("visits_plan"),
    "visits campaigns": _visits("visits_campaigns"),
    "visits coverage": _visits("visits_coverage"),
    "visits export": _visits("visits_export"),
    "visits calendar": _visits("visits_calendar"),
    "report visit-list": _visits("report_visit_list"),
    "report recuperation-roster": _visits("report_recuperation_roster"),
    "members import": cmd_members_import, "members undo-import": cmd_members_undo_import,
    "members template": cmd_members_template,
    "hardship list": _hardship("hardship_list"),
    "hardship standards": _hardship("hardship_standards"),
    "hardship standard": _hardship("hardship_standard"),
    "report hardship-file": _hardship("report_hardship_file"),
    "report hardship-proof": _hardship("report_hardship_proof"),
    "report hardship-notice": _hardship("report_hardship_notice"),
    "report hardship-payments": _hardship("report_hardship_payments"),
}
"""Keyed by the command, or by ``args.command_key`` ("members list") for nested commands."""


