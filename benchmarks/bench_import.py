#!/usr/bin/env python3
"""Import of a 50,000-row messy workbook into a 100,000-person register (dry run and real),
and export of the whole register to .xlsx; each phase in its own process, with its peak RSS.

Baseline measured in the same run: python-calamine alone reading the same file into Python
lists (what any import must at least do).

    LAOMO_PASSWORD=secret123 .venv/bin/python benchmarks/bench_import.py \
        --db /tmp/bench/county.sqlite3 [--rows 50000]

Run it on a 100,000-person COUNTY database (benchmarks/README.md): issue 14's workload is a
county's roster whose fifth of known persons really update. On a city database the updates
of district-owned persons are refused (issue 11) and the new rows spread over the districts.
The database is copied for the real import, so the prepared one stays as it was.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DISTRICTS = ("吴兴区", "南浔区", "德清县", "长兴县", "安吉县")
HONORS = ("全国劳动模范", "省劳动模范", "市劳动模范", "全国五一劳动奖章", "县先进工作者",
          "省劳模", "市劳模")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建国建华国强红梅海燕志强小红"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time of this process: on a shared, overloaded machine the wall clock mostly
    measures the neighbours; a single-threaded phase's CPU time is its idle-machine time."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _date_style(rnd: random.Random, born: dt.date) -> object:
    style = rnd.randrange(6)
    if style == 0:
        return f"{born.year}.{born.month:02d}"
    if style == 1:
        return f"{born.year}年{born.month}月"
    if style == 2:
        return f"{born.year}/{born.month}/{born.day}"
    if style == 3:
        return (born - dt.date(1899, 12, 30)).days  # an Excel serial
    if style == 4:
        return born
    return f"{born:%Y-%m-%d}"


def make_workbook(path: Path, db: Path, rows: int, seed: int = 7) -> None:
    """20% of the rows are persons already in the register (some with a changed work unit),
    about 3% are broken (float IDs, bad check characters, unreadable dates). In a county
    database every row belongs to the county (a county refuses other districts' rows); in a
    city one the new rows are spread over the districts."""
    import sqlite3

    from openpyxl import Workbook

    from desktop.core import idnumber
    rnd = random.Random(seed)
    conn = sqlite3.connect(db)
    mode, home = (json.loads(v) for (v,) in conn.execute(
        "SELECT value FROM setting WHERE key IN ('association.mode', 'association.name') "
        "ORDER BY key"))  # mode, then name
    districts = (home,) if mode == "county" else DISTRICTS
    existing = conn.execute(
        "SELECT p.name, p.id_number, p.birth_date, p.work_unit, d.name FROM person p "
        "JOIN district d ON d.id = p.district_id WHERE p.id_number IS NOT NULL AND "
        "p.deleted_at IS NULL AND p.merged_into_id IS NULL LIMIT ?", (rows // 5,)).fetchall()
    conn.close()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("劳模名单")
    ws.append(["湖州市劳动模范名册（汇总）"])
    ws.append(["填报单位：各区县总工会", None, None, None, None, None, None, None, "2026年"])
    ws.append(["序号", "姓 名", "性别", "公民身份号码", "出生年月", "民族", "政治面貌",
               "工作单位及职务", "荣誉称号", "获评时间", "联系电话", "所属区县", "备注"])
    used: set[str] = set()
    for n in range(rows):
        if n < len(existing):
            name, number, born_text, unit, district = existing[n]
            born = dt.date.fromisoformat(born_text)
            unit = unit if rnd.random() < 0.5 else f"{unit or ''}（新）"
        else:
            born = dt.date(rnd.randint(1940, 1990), rnd.randint(1, 12), rnd.randint(1, 28))
            while True:
                number = idnumber.make("3305" + rnd.choice(("02", "03", "21", "22", "23")),
                                       born, rnd.randrange(1000))
                if number not in used:
                    break
            name = rnd.choice(SURNAMES) + rnd.choice(GIVEN) + (rnd.choice(GIVEN)
                                                               if rnd.random() < 0.6 else "")
            unit = f"湖州{rnd.choice('东南西北')}{rnd.randrange(1, 300)}号单位"
            district = rnd.choice(districts)
        used.add(number)
        id_cell: object = number.lower() if rnd.random() < 0.1 else number
        problem = rnd.random()
        if problem < 0.01 and number[-1] != "X":
            id_cell = float(number)  # Excel turned it into a number
        elif problem < 0.02:
            id_cell = number[:-1] + ("0" if number[-1] != "0" else "1")
        date_cell = _date_style(rnd, born) if problem >= 0.03 or problem < 0.02 else "不详"
        honors = "、".join(f"{rnd.randint(born.year + 22, 2025)}年{rnd.choice(HONORS)}"
                          for _ in range(rnd.randint(1, 3)))
        ws.append([n + 1, name, "男" if int(number[16]) % 2 else "女", id_cell, date_cell,
                   rnd.choice(("汉", "汉族", "01", "回族")),
                   rnd.choice(("中共党员", "党员", "群众", "01", "13")), unit, honors, None,
                   f"138{rnd.randrange(10**8):08d}", district, None])
    ws.append(["合计", None, f"共 {rows} 人"])
    ws.append(["制表人：王芳", None, None, None, "审核人：李明"])
    wb.save(path)


@contextlib.contextmanager
def _profiled(target: Path | None) -> Iterator[None]:
    """cProfile the block into ``target`` (``--profile``; the timing is then not meaningful)."""
    if target is None:
        yield
        return
    import cProfile

    profiler = cProfile.Profile()
    profiler.enable()
    try:
        yield
    finally:
        profiler.disable()
        profiler.dump_stats(str(target))


def phase(args: argparse.Namespace) -> None:
    """One measured phase in this process; prints JSON {seconds, peak_mb, ...}."""
    started = time.perf_counter()
    cpu = cpu_seconds()
    out: dict[str, object] = {}
    if args.phase == "calamine":
        import python_calamine as pc

        wb = pc.CalamineWorkbook.from_path(str(args.file))
        rows = wb.get_sheet_by_index(0).to_python()
        out["rows"] = len(rows)
    elif args.phase in ("dry", "real", "report", "wizard"):
        from desktop.database import Database
        from desktop.services import accounts
        from desktop.services.imports.importer import ImportService
        from desktop.services.imports.types import ImportOptions

        db = Database(f"sqlite:///{args.db}")
        actor = accounts.AccountService(db.sessions).login("admin", "secret123")
        service = ImportService(db.sessions, actor)
        if args.phase == "report":  # the report workbook of a dry run (not timed: see dry)
            from desktop.services.imports.words import report_workbook

            result = service.run(args.file, ImportOptions(good_rows_only=True), dry_run=True)
            started, cpu = time.perf_counter(), cpu_seconds()
            with _profiled(args.profile):
                out["mb"] = round(len(report_workbook(args.file, result, "zh_CN")) / 2**20, 1)
        elif args.phase == "wizard":  # the wizard's way: the dry run shown, then the import
            dry = service.run(args.file, ImportOptions(), dry_run=True)
            out["dry_seconds"] = round(time.perf_counter() - started, 2)
            del dry
            started, cpu = time.perf_counter(), cpu_seconds()
            with _profiled(args.profile):
                result = service.run(args.file, ImportOptions(good_rows_only=True),
                                     dry_run=False)
        else:
            started, cpu = time.perf_counter(), cpu_seconds()
            with _profiled(args.profile):
                result = service.run(args.file, ImportOptions(good_rows_only=True),
                                     dry_run=args.phase == "dry")
        out["counts"] = result.counts
        out["written"] = result.written
        db.dispose()
    elif args.phase == "export":
        from desktop.database import Database
        from desktop.exchange import register_export
        from desktop.services import accounts
        from desktop.services.register.service import RegisterService
        from desktop.services.register.types import RegisterFilter

        db = Database(f"sqlite:///{args.db}")
        actor = accounts.AccountService(db.sessions).login("admin", "secret123")
        started, cpu = time.perf_counter(), cpu_seconds()
        rows = RegisterService(db.sessions, actor, db.read_sessions).export(RegisterFilter())
        header = register_export.ExportHeader("湖州市", "全部", dt.date.today(), "全部")
        data = register_export.to_xlsx(rows, header)
        args.file.write_bytes(data)
        out["persons"] = len(rows)
        out["mb"] = round(len(data) / 2**20, 1)
        db.dispose()
    out["seconds"] = round(time.perf_counter() - started, 2)
    out["cpu"] = round(cpu_seconds() - cpu, 2)
    out["peak_mb"] = round(peak_mb())
    print(json.dumps(out, ensure_ascii=False))


def _mode(db: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        found = dict(conn.execute("SELECT key, value FROM setting WHERE key IN "
                                  "('association.mode', 'association.name')"))
        persons = conn.execute("SELECT count(*) FROM person").fetchone()[0]
    finally:
        conn.close()
    mode, name = (json.loads(found.get(k, "null")) for k in ("association.mode",
                                                                 "association.name"))
    warning = "" if mode == "county" else " (not issue 14's workload: use a county database)"
    return f"{mode} {name}, {persons} persons{warning}"


def run_phase(name: str, file: Path, db: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, __file__, "--phase", name, "--file", str(file),
                           "--db", str(db)], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"phase {name} failed:\n{done.stderr}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True, type=Path)
    p.add_argument("--rows", type=int, default=50_000)
    p.add_argument("--phase")
    p.add_argument("--file", type=Path)
    p.add_argument("--profile", type=Path, help="with --phase: write cProfile stats here")
    p.add_argument("--keep", type=Path,
                   help="keep the generated workbook here (and reuse it when it exists)")
    args = p.parse_args()
    if args.phase:
        phase(args)
        return
    with tempfile.TemporaryDirectory(dir=args.db.parent) as work:
        book = args.keep or Path(work) / "messy.xlsx"
        started = time.perf_counter()
        if not book.exists():
            make_workbook(book, args.db, args.rows)
        print(f"database: {_mode(args.db)}")
        print(f"generated {args.rows} messy rows: {book.stat().st_size / 2**20:.1f} MiB "
              f"in {time.perf_counter() - started:.1f} s")
        base = run_phase("calamine", book, args.db)
        print(f"python-calamine reading the file: {base['seconds']} s (CPU {base['cpu']} s), "
              f"peak {base['peak_mb']} MB")
        seconds, cpu = float(str(base["seconds"])), float(str(base["cpu"]))
        copy = Path(work) / "copy.sqlite3"
        shutil.copyfile(args.db, copy)
        for name, what in (("dry", "dry run"), ("real", "real, cold (no dry run before)")):
            r = run_phase(name, book, copy)
            print(f"import {what}: {r['seconds']} s wall, {r['cpu']} s CPU (target <= 15), "
                  f"ratio to calamine {float(str(r['seconds'])) / seconds:.1f} wall / "
                  f"{float(str(r['cpu'])) / cpu:.1f} CPU, peak {r['peak_mb']} MB "
                  f"(target <= 500), {r['counts']}")
        shutil.copyfile(args.db, copy)
        r = run_phase("wizard", book, copy)
        print(f"import real, after the wizard's dry run ({r['dry_seconds']} s) of the same file: "
              f"{r['seconds']} s wall, {r['cpu']} s CPU, ratio to calamine "
              f"{float(str(r['seconds'])) / seconds:.1f} wall / "
              f"{float(str(r['cpu'])) / cpu:.1f} CPU, peak {r['peak_mb']} MB (whole process), "
              f"{r['counts']}")
        r = run_phase("report", book, args.db)
        print(f"report workbook of the dry run: {r['seconds']} s wall, {r['cpu']} s CPU "
              f"(target <= 15), {r['mb']} MiB, peak {r['peak_mb']} MB")
        r = run_phase("export", Path(work) / "export.xlsx", args.db)
        print(f"export {r['persons']} persons to .xlsx: {r['seconds']} s wall, {r['cpu']} s "
              f"CPU (target <= 15), "
              f"{r['mb']} MiB, peak {r['peak_mb']} MB (target <= 500)")


if __name__ == "__main__":
    main()
