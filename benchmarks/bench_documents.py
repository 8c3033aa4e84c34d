"""Time printed documents against plain ReportLab building the same thing with the same font.

    .venv/bin/python benchmarks/bench_documents.py [--db /tmp/bench/b.sqlite3] [--runs 3]
        [--roster-rows 20000] [--parts one-page,roster,proofs]

Without ``--db`` a throw-away database with 3,000 demo persons is made (``DemoService``). The
rows come from the register (``RegisterService.export``), so the text is the demo's: names,
units, several honors per person.

0. One page from the command line: ``laomo report certificate --person UUID --out F.pdf`` run
   as a user runs it (a new process: imports, log-in, fonts, one PDF), on a COPY of the
   database; wall and CPU seconds (target ≤ 1.5 s), and the load average, since wall time on a
   shared machine depends on it.
1. Roster: 1,000 rows (``--roster-rows``, e.g. 20,000), landscape, grouped by district
   (``framework.render``): seconds, pages, pages/s; baseline: a bare ReportLab
   ``SimpleDocTemplate`` + ``LongTable`` of ``Paragraph`` cells with the same rows, the same
   body font and the same column widths (no per-character font check, no fallback, no page X
   of Y).
2. 500 proofs of title: rendering them (``render_certificates``, one PDF of 500 pages) and
   issuing them one by one through ``DocumentService.certificate`` (serial, document log, audit,
   one PDF each); baseline: bare ReportLab drawing the same title, paragraph, honors table and
   QR code per page with the same fonts.

Each figure is the median of ``--runs``; the ratio is ours / baseline (target ≤ 1.5).
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    LongTable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from desktop.database import Database
from desktop.reports.certificate import Certificate, HonorLine, render_certificates
from desktop.reports.fonts import FontSet
from desktop.reports.framework import render
from desktop.reports.roster import ROSTER_COLUMNS, cell_text, roster_document
from desktop.services import accounts
from desktop.services.demo.service import DemoService
from desktop.services.documents.service import ROSTER_KEYS, DocumentService
from desktop.services.register.service import RegisterService
from desktop.services.register.types import RegisterFilter

PASSWORD = "secret123"


def median_time(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def plain_roster(rows: list[dict[str, Any]], font: str) -> bytes:
    """The baseline: the same table in bare ReportLab, one font, no checks."""
    keys = list(ROSTER_KEYS)
    cell = ParagraphStyle("c", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=15 * mm,
                            rightMargin=15 * mm, topMargin=21 * mm, bottomMargin=15 * mm)
    share = sum(ROSTER_COLUMNS[k][1] for k in keys)
    widths = [doc.width * ROSTER_COLUMNS[k][1] / share for k in keys]
    data = [[Paragraph(ROSTER_COLUMNS[k][0], cell) for k in keys]]
    for i, row in enumerate(rows, 1):
        data.append([Paragraph(str(i) if k == "seq" else cell_text(row, k), cell)
                     for k in keys])
    table = LongTable(data, colWidths=widths, repeatRows=1, style=TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    doc.build([Paragraph("劳动模范花名册", cell), table])
    return buf.getvalue()


class _QR(Flowable):  # type: ignore[misc]
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def wrap(self, w: float, h: float) -> tuple[float, float]:
        return 26 * mm, 26 * mm

    def draw(self) -> None:
        widget = QrCodeWidget(self.text)
        x0, y0, x1, y1 = widget.getBounds()
        d = Drawing(26 * mm, 26 * mm, transform=[26 * mm / (x1 - x0), 0, 0,
                                                 26 * mm / (y1 - y0), 0, 0])
        d.add(widget)
        renderPDF.draw(d, self.canv, 0, 0)


def plain_certificates(certs: list[Certificate], fs: FontSet) -> bytes:
    title = ParagraphStyle("t", fontName=fs.title.name, fontSize=22, leading=30)
    body = ParagraphStyle("b", fontName=fs.body.name, fontSize=15, leading=26, wordWrap="CJK")
    cell = ParagraphStyle("c", fontName=fs.body.name, fontSize=11, leading=15, wordWrap="CJK")
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=28 * mm, rightMargin=28 * mm,
                            topMargin=30 * mm, bottomMargin=25 * mm)
    story: list[Flowable] = []
    for c in certs:
        if story:
            story.append(PageBreak())
        story += [Paragraph(c.association, title), Paragraph("荣誉称号证明", title),
                  Paragraph(f"编号：{c.serial}", body),
                  Paragraph(f"兹证明{c.name}同志（{c.sex}，身份证号码{c.id_number}），工作单位："
                            f"{c.work_unit}，系我会登记在册的劳动模范，曾获得以下荣誉称号：", body)]
        data = [[Paragraph(h, cell) for h in ("序号", "年份", "荣誉称号", "级别", "授予机关")]]
        data += [[Paragraph(str(i), cell), Paragraph(str(h.year or ""), cell),
                  Paragraph(h.title, cell), Paragraph(h.level, cell),
                  Paragraph(h.granting_body, cell)] for i, h in enumerate(c.honors, 1)]
        story.append(Table(data, style=TableStyle([("GRID", (0, 0), (-1, -1), 0.6,
                                                     colors.black)])))
        story += [Paragraph("特此证明。", body), _QR(f"LMZJ1 {c.serial} {'0' * 64}"),
                  Paragraph(c.association, body)]
    doc.build(story)
    return buf.getvalue()


def make_database(folder: Path, members: int) -> Database:
    db = Database(f"sqlite:///{folder / 'docs.sqlite3'}")
    db.upgrade()
    accounts.initialise(db.sessions, association="长兴县", admin_name="admin",
                        admin_password=PASSWORD, admin_display_name="管理员")
    actor = accounts.AccountService(db.sessions).login("admin", PASSWORD)
    DemoService(db.sessions, actor).generate(members, seed=5)
    return db


def one_page_cli(db_path: Path, person: str, folder: Path, runs: int) -> None:
    """Time ``laomo report certificate`` as a new process, on a copy of the database."""
    copy = folder / "cli.sqlite3"
    shutil.copyfile(db_path, copy)
    env = {**os.environ, "LAOMO_HOME": str(folder / "home"), "LAOMO_PASSWORD": PASSWORD,
           "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    command = [sys.executable, "-m", "desktop", "--db", str(copy), "--user", "admin",
               "report", "certificate", "--person", person]
    subprocess.run([*command, "--out", str(folder / "warm.pdf")], env=env, check=True,
                   capture_output=True)  # the first run upgrades nothing but warms the disk
    walls, cpus = [], []
    for n in range(runs):
        before = os.times()
        start = time.perf_counter()
        subprocess.run([*command, "--out", str(folder / f"one-{n}.pdf")], env=env, check=True,
                       capture_output=True)
        walls.append(time.perf_counter() - start)
        after = os.times()
        cpus.append(after.children_user - before.children_user
                    + after.children_system - before.children_system)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"one-page certificate from the command line: wall {statistics.median(walls):.2f} s "
          f"(min {min(walls):.2f}), CPU {statistics.median(cpus):.2f} s; load average {load}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a demo database (a copy is not needed: "
                                                "issuing proofs adds document-log rows)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--roster-rows", type=int, default=1000,
                        help="rows of the roster compared with plain ReportLab (e.g. 20000)")
    parser.add_argument("--parts", default="one-page,roster,proofs",
                        help="which measurements, comma-separated (default: all three)")
    args = parser.parse_args()
    temp = tempfile.TemporaryDirectory(prefix="bench-docs-")
    if args.db is None:
        print("making a database with 3,000 demo persons …", flush=True)
        db = make_database(Path(temp.name), 3000)
        db_path = Path(temp.name) / "docs.sqlite3"
    else:
        db = Database(f"sqlite:///{args.db}")
        db_path = args.db
    actor = accounts.AccountService(db.sessions).login("admin", PASSWORD)
    docs = DocumentService(db.sessions, actor, db.read_sessions)
    fs = docs.fontset()
    rows = RegisterService(db.sessions, actor, db.read_sessions).export(
        RegisterFilter(active_only=True), limit=max(args.roster_rows, 1000), sort="district")
    print(f"fonts: title {fs.title.family}, body {fs.body.family}; rows: {len(rows)}")
    parts = set(args.parts.split(","))
    if "one-page" in parts:
        person = next(r["uuid"] for r in rows if r["honors"])
        one_page_cli(db_path, person, Path(temp.name), args.runs)
    if "roster" in parts:
        roster(rows[:args.roster_rows], fs, args.runs)
    if "proofs" in parts:
        proofs(rows[:1000], fs, docs, args.runs)
    db.dispose()
    temp.cleanup()
    return 0


def roster(table: list[dict[str, Any]], fs: FontSet, runs: int) -> None:
    """Our roster against plain ReportLab, the same rows, the same font, in one run."""
    doc = roster_document(table, association="长兴县劳动模范协会", columns=ROSTER_KEYS)
    cpu = time.process_time()
    ours, pdf = median_time(lambda: render(doc, fs), runs)
    ours_cpu = (time.process_time() - cpu) / runs
    cpu = time.process_time()
    base, base_pdf = median_time(lambda: plain_roster(table, fs.body.name), runs)
    base_cpu = (time.process_time() - cpu) / runs
    n = pages(pdf)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    # On a shared machine wall time depends on the load: CPU seconds say what the work costs.
    print(f"roster {len(table):,} rows: {ours:.2f} s wall ({ours_cpu:.2f} s CPU), {n} pages, "
          f"{n / ours:.0f} pages/s wall, {n / ours_cpu:.0f} pages/s CPU; plain ReportLab "
          f"{base:.2f} s wall ({base_cpu:.2f} s CPU, {pages(base_pdf)} pages); ratio "
          f"{ours / base:.2f} wall, {ours_cpu / base_cpu:.2f} CPU; load average {load}")


def proofs(rows: list[dict[str, Any]], fs: FontSet, docs: DocumentService, runs: int) -> None:
    """500 proofs of title: rendered at once, against plain ReportLab, then issued one by one
    (this adds document-log rows to the database)."""
    with_honors = [r for r in rows if r["honors"]][:500]
    certs = [Certificate("长兴县劳动模范协会", f"330522-ZM-2026-{i:04d}", r["name"],
                         r["sex"] or "", None, r["id_number"] or "", r["work_unit"] or "",
                         tuple(HonorLine(h["year"], h["title"], h["level"] or "", "浙江省人民政府")
                               for h in r["honors"]), __import__("datetime").date.today())
             for i, r in enumerate(with_honors, 1)]
    ours, pdf = median_time(lambda: render_certificates(certs, fs), runs)
    base, _ = median_time(lambda: plain_certificates(certs, fs), runs)
    print(f"500 proofs of title rendered: {ours:.2f} s ({pages(pdf)} pages); "
          f"plain ReportLab {base:.2f} s; ratio {ours / base:.2f}")

    ids = [uuid.UUID(r["uuid"]) for r in with_honors]
    start = time.perf_counter()
    for pid in ids:
        docs.certificate(pid, deceased_reason="家属办理事项")
    issued = time.perf_counter() - start
    print(f"500 proofs of title issued one by one (serial, log, audit, one PDF each): "
          f"{issued:.2f} s; ratio to plain ReportLab rendering {issued / base:.2f}")


if __name__ == "__main__":
    sys.exit(main())
