"""Making the visit and recuperation documents for the pages (run on a worker thread): the
services give the rows, ``desktop.reports`` the PDF, ``desktop.exchange`` the workbook."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from desktop.exchange.files import write_atomically
from desktop.services.workspace import Workspace

# ReportLab and openpyxl are imported inside the functions: the main window must not pay for
# them at start-up (benchmarks/bench_startup.py).



def association(ws: Workspace) -> str:
    return ws.association.title


def write_file(path: Path, data: bytes) -> None:
    """Beside the target first, then renamed: never a half-written file (``file_in_use``
    when another program holds the old one open)."""
    write_atomically(path, data)


def campaign_document(ws: Workspace, campaign_id: uuid.UUID, kind: str,
                      team_id: uuid.UUID | None = None) -> bytes:
    """``kind``: list (走访慰问名单), receipt (慰问金签收表), summary, xlsx."""
    from desktop.exchange.visit_list import visit_list_xlsx
    from desktop.reports.visits import receipt_document, summary_document, visit_list_document

    svc = ws.visits()
    c = svc.campaign(campaign_id)
    today = dt.date.today()
    if kind == "summary":
        return ws.printer().render(summary_document(
            svc.summary(campaign_id), association=association(ws), campaign=c.title,
            rules=c.rules.describe(), budget_fen=c.budget_fen, date=today))
    rows = svc.visits(campaign_id, team_id=team_id)
    if kind == "xlsx":
        return visit_list_xlsx(rows, title=c.title + "走访慰问名单")
    if kind == "receipt":
        doc = receipt_document(rows, association=association(ws), campaign=c.title, date=today)
    else:
        doc = visit_list_document(rows, association=association(ws), campaign=c.title,
                                  date=today)
    return ws.printer().render(doc)


def roster_pdf(ws: Workspace, batch_id: uuid.UUID) -> bytes:
    from desktop.reports.visits import recuperation_roster_document

    svc = ws.recuperation()
    return ws.printer().render(recuperation_roster_document(
        svc.roster(batch_id), association=association(ws), batch=svc.batch(batch_id),
        date=dt.date.today()))


def letters(ws: Workspace, batch_id: uuid.UUID, folder: Path) -> int:
    """One notification letter (PDF) per person going; returns how many were written."""
    from desktop.reports.visits import notification_document

    svc = ws.recuperation()
    batch = svc.batch(batch_id)
    printer = ws.printer()
    written = 0
    for n, row in enumerate(svc.roster(batch_id, include_declined=False), start=1):
        data = printer.render(notification_document(
            row, association=association(ws), batch=batch, date=dt.date.today()), seal=True)
        write_file(folder / f"{n:03d}_{row.name}.pdf", data)
        written += 1
    return written
