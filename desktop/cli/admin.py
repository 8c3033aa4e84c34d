"""Implementations of the ``laomo`` sub-commands (loaded only when a command is given, so
that starting the GUI does not pay for SQLAlchemy and Alembic before the log-in dialog)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TextIO

from sqlalchemy.exc import SQLAlchemyError

from desktop.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    backup_passphrase,
    closing_workspace,
    login,
    open_database,
    password,
    say,
)
from desktop.database import Database
from desktop.errors import AppError, DatabaseProblem
from desktop.services import accounts, maintenance
from desktop.services.permissions import Actor, Perm


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
                done = db.upgrade()
                if done.from_revision != done.to_revision:
                    kept = done.backup or "—"
                    print(say(args.lang, f"数据库已升级（版本 {done.from_revision} → "
                              f"{done.to_revision}，升级前的备份：{kept}）。",
                              f"Database upgraded (schema {done.from_revision} → "
                              f"{done.to_revision}; the backup made before: {kept})."),
                          file=out)
                print(say(args.lang, f"数据库已是最新，已初始化为 {info.name}：{db.describe()}",
                           f"Database is up to date, set up for {info.name}: {db.describe()}"),
                      file=out)
                return EXIT_OK
        # Validate what we can before the file is created, so bad input leaves no trace.
        accounts.validate_setup(association=args.district, admin_name=args.admin)
        admin_password = password("管理员密码 Administrator password: ", confirm=True)
        accounts.validate_setup(association=args.district, admin_name=args.admin,
                                admin_password=admin_password)
        db.upgrade()
        info = accounts.initialise(db.sessions, association=args.district,
                                   admin_name=args.admin, admin_password=admin_password,
                                   admin_display_name=args.display_name)
        mode = say(args.lang, "市级模式" if info.mode == "city" else "区县模式",
                    "city mode" if info.mode == "city" else "county mode")
        print(say(args.lang,
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
    from desktop.services.demo.service import DemoService

    if args.members < 1:
        raise UsageError("validation_failed", count=1)
    db = open_database(args)
    try:
        if not accounts.is_initialised(db.sessions):
            raise AppError("demo_needs_setup")
        actor = login(db, args)
        started = time.perf_counter()
        result = DemoService(db.sessions, actor).generate(args.members, seed=args.seed,
                                                      years=args.years, today=args.today)
        seconds = time.perf_counter() - started
        print(say(args.lang,
                   f"已生成演示数据：{result.persons} 人，{result.honors} 项荣誉，"
                   f"{result.events} 条动态记录，用时 {seconds:.1f} 秒。",
                   f"Demo data: {result.persons} persons, {result.honors} honors, "
                   f"{result.events} events in {seconds:.1f} s."), file=out)
        return EXIT_OK
    finally:
        db.dispose()


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    with closing_workspace(args) as ws:
        ws.actor.require(Perm.BACKUP)  # refused before anyone types a passphrase
        phrase = None if args.no_encrypt else backup_passphrase(confirm=True)
        manifest = ws.maintenance().backup(args.out, passphrase=phrase)
        sealed = say(args.lang, "已用口令加密" if phrase is not None else
                     "未加密：拿到文件的人能读出全部数据",
                     "encrypted with the passphrase" if phrase is not None else
                     "NOT encrypted: anyone with the file can read all of it")
        print(say(args.lang,
                   f"备份完成：{args.out}（{manifest.counts.get('person', 0)} 人，{sealed}，"
                   f"SHA-256 {manifest.sha256[:16]}…，数据库版本 {manifest.schema_revision}）",
                   f"Backup written: {args.out} ({manifest.counts.get('person', 0)} persons, "
                   f"{sealed}, SHA-256 {manifest.sha256[:16]}…, schema "
                   f"{manifest.schema_revision})"),
              file=out)
        return EXIT_OK


class _Passphrase:
    """The restore passphrase, asked once and only when the backup is encrypted."""

    def __init__(self, source: Path) -> None:
        self._source = source
        self._value: str | None = None

    def __call__(self) -> str | None:
        if self._value is None and maintenance.is_encrypted(self._source):
            self._value = backup_passphrase(confirm=False, missing="backup_passphrase_needed",
                                            path=str(self._source))
        return self._value


def _restore_actor(db: Database, args: argparse.Namespace, source: Path,
                   passphrase: _Passphrase) -> Actor:
    """Authenticate against the current database, or, when it is unusable, the backup's."""
    try:
        db.check_schema()
        usable = accounts.is_initialised(db.sessions)
    except (AppError, SQLAlchemyError):
        usable = False  # a new machine, an empty file, a fresh --db, a damaged file
    if usable:
        try:
            return login(db, args)
        except SQLAlchemyError:
            pass  # a damaged database: the backup's own accounts decide who may restore
    return maintenance.backup_actor(db, source, passphrase(),
                                    lambda candidate: login(candidate, args))


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    db = Database.open(args.db)  # restoring onto a new machine: no file yet
    try:
        passphrase = _Passphrase(args.source)
        actor = _restore_actor(db, args, args.source, passphrase)
        actor.require(Perm.RESTORE)  # refused before anyone types a passphrase
        result = maintenance.restore(db, args.source, actor,
                                     other_association_reason=args.other_association,
                                     passphrase=passphrase())
        kept = result.previous_kept_at or "-"
        print(say(args.lang,
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
    "audit_seal": ("审计日志签名与检查点", "audit seal and checkpoints"),
    "data_state": ("数据与审计记录一致", "data matches the audit log"),
    "treatment_levels": ("待遇级别", "treatment levels"),
    "id_unique": ("身份证号唯一", "one person per ID number"),
}


CHECK_HINTS: dict[str, tuple[str, str]] = {
    "audit_seal": ("审计日志与签名检查点不符：日志在本程序之外被截断、清空或改写。",
                   "The audit log does not match its signed checkpoints: it was cut, emptied "
                   "or rewritten outside the program."),
    "data_state": ("这些记录（表.情况:条数（记录号））在本程序之外被改动、增加或删除，"
                   "与审计日志记下的不一致。",
                   "These rows (table.kind:count (ids)) were changed, added or removed outside "
                   "the program: they differ from what the audit log recorded."),
    "id_unique": ("括号中的数目是同时由两位在册劳模持有的身份证号个数：数据库的唯一约束要等"
                  "它们处理完才建立。请在 查重 页合并或更正这些记录。",
                  "The number in brackets counts ID numbers held by two live persons: the "
                  "database's unique constraint waits until they are dealt with. Merge or "
                  "correct them on the Duplicates page."),
}


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    db = open_database(args, upgrade=False)
    try:
        # a text file, a foreign or a newer database: a clear refusal; an older one too (the
        # checks read the current schema, and a check changes nothing)
        current, head = db.check_schema()
        if current is not None and current != head:
            raise DatabaseProblem("schema_outdated", path=db.describe(), revision=current,
                                  head=head)
        # the checks read first: the log-in below appends to the very chain they verify
        report = maintenance.run_checks(db)
        actor = login(db, args)
        actor.require(Perm.CHECK)
        maintenance.seal_after_check(db, actor, report)
        for item in report.items:
            zh, en = CHECK_NAMES.get(item.name, (item.name, item.name))
            mark = (say(args.lang, "待处理", "attention") if item.attention else
                    say(args.lang, "正常" if item.ok else "异常", "ok" if item.ok else "PROBLEM"))
            print(f"{say(args.lang, zh, en)}: {mark} ({item.detail})", file=out)
            if (item.attention or not item.ok) and item.name in CHECK_HINTS:
                print("  " + say(args.lang, *CHECK_HINTS[item.name]), file=out)
        if not report.ok:
            last = report.last_backup
            if last:
                print(say(args.lang,
                          f"最近一次备份：{last.get('path')}（{last.get('created_at')}）。"
                          f"可用 laomo restore \"{last.get('path')}\" 恢复到该备份。",
                          f"Last backup: {last.get('path')} ({last.get('created_at')}). "
                          f"laomo restore \"{last.get('path')}\" brings it back."), file=out)
            else:
                print(say(args.lang, "没有找到本数据库的备份记录：请找到最近的备份文件，用 "
                          "laomo restore <备份文件> 恢复。",
                          "No backup of this database is on record: find the latest backup "
                          "file and run laomo restore <file>."), file=out)
        return EXIT_OK if report.ok else EXIT_FAILED
    finally:
        db.dispose()
