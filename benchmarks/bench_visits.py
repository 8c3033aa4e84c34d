"""Time the Spring Festival candidate list and coverage check, and printing 2,000 visits.

    .venv/bin/python benchmarks/bench_visits.py --db /tmp/bench/b.sqlite3 [--runs 3]

Works on a copy of the database (the file given is never changed). On the copy it creates the
next 元旦春节 campaign with the default rules and times (median of ``--runs``):

* ``VisitService.candidates_and_coverage()`` (what the visits page shows) before planning
  (everyone is "not planned": the worst case), ``plan()``, and the same after planning;
* the visit list (走访慰问名单) of the first 2,000 planned visits: ``visits()`` (timed alone),
  then document → PDF through ``framework.render`` (wall and CPU time), and the sum.

Baselines in the same run: a bare sqlite3 ``SELECT id, treatment_level, in_hardship,
birth_date FROM person`` fetch, and a bare ReportLab canvas writing 2,000 lines of text.
Targets (issue 7): candidates + coverage ≤ 2 s; printing 2,000 visits ≤ 4 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop.database import Database
from desktop.reports.fonts import find_fonts
from desktop.reports.framework import render
from desktop.reports.visits import visit_list_document
from desktop.services.permissions import SYSTEM
from desktop.services.visits.service import VisitService


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def copy_database(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def bare_fetch(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return len(con.execute("SELECT id, treatment_level, in_hardship, birth_date FROM person"
                               " WHERE deleted_at IS NULL").fetchall())
    finally:
        con.close()


def bare_pdf(lines: int) -> int:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    y = 800.0
    for n in range(lines):
        c.drawString(40, y, f"{n} visit line with a little text and an address")
        y -= 12
        if y < 40:
            c.showPage()
            y = 800.0
    c.save()
    return len(buf.getvalue())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--print-rows", type=int, default=2000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "copy.sqlite3"
        copy_database(args.db, path)
        db = Database(f"sqlite:///{path}")
        svc = VisitService(db.sessions, SYSTEM, db.read_sessions)
        year = max([c.year for c in svc.campaigns() if c.occasion == "元旦春节"] or [2026]) + 1
        cid = svc.create_campaign(svc.default_draft("春节", year))
        base, persons = timed(lambda: bare_fetch(path), args.runs)
        print(f"baseline bare sqlite3 fetch of {persons} persons: {base:.3f} s")

        def both() -> tuple[int, int]:
            candidates, coverage = svc.candidates_and_coverage(cid)
            return len(candidates), len(coverage.rows)

        t, (n, missing) = timed(both, args.runs)
        print(f"candidates + coverage before planning: {t:.3f} s ({n} candidates, {missing} "
              f"not planned) ratio {t / base:.1f}x  target <= 2 s: {'OK' if t <= 2 else 'SLOW'}")
        t_plan, added = timed(lambda: svc.plan(cid), 1)
        print(f"plan (insert {added} visits): {t_plan:.3f} s")
        t, (n, missing) = timed(both, args.runs)
        print(f"candidates + coverage after planning: {t:.3f} s ({n} candidates, {missing} "
              f"rows) ratio {t / base:.1f}x  target <= 2 s: {'OK' if t <= 2 else 'SLOW'}")
        fontset = find_fonts()
        pbase, _ = timed(lambda: bare_pdf(args.print_rows), args.runs)
        print(f"baseline bare ReportLab canvas, {args.print_rows} lines: {pbase:.3f} s")

        t_rows, rows = timed(lambda: svc.visits(cid)[: args.print_rows], args.runs)
        print(f"visits() rows for the list: {t_rows:.3f} s")

        def printed() -> int:
            doc = visit_list_document(rows, association="湖州市劳动模范协会",
                                      campaign=f"{year}年元旦春节走访慰问", date=dt.date.today())
            return len(render(doc, fontset))

        cpu = time.process_time()
        t, size = timed(printed, args.runs)
        cpu = (time.process_time() - cpu) / args.runs
        print(f"visit list of {args.print_rows} visits, document + PDF: {t:.3f} s (CPU "
              f"{cpu:.3f} s, {size // 1024} KiB) ratio {t / pbase:.1f}x")
        total = t_rows + t
        print(f"printing {args.print_rows} visits (rows + PDF): {total:.3f} s  target <= 4 s: "
              f"{'OK' if total <= 4 else 'SLOW'}")
        db.dispose()


if __name__ == "__main__":
    main()
