"""The visit and recuperation documents, one method each for the window and the command line:
rows read through the visit services (permission, masking and unmask audit there), laid out by
``desktop.reports.visits`` (PDF) or ``desktop.exchange.visit_list`` (workbook), rendered with
the administrator's fonts and returned as bytes. The final visit list and the receipt sheet need
an approved campaign; the summary and the Excel working copy do not.
"""

from __future__ import annotations

import datetime as dt
import uuid

from desktop.errors import AppError
from desktop.services import audit, settings
from desktop.services.base import Service
from desktop.services.documents.printer import Printer
from desktop.services.permissions import Perm
from desktop.services.visits.recuperation import RecuperationService
from desktop.services.visits.service import VisitService

__all__ = ["SHEETS", "VisitPrints"]

SHEETS = ("list", "receipt", "summary")
"""走访慰问名单, 慰问金签收表, 走访慰问情况汇总表."""
GOING = ("confirmed",)
"""Who receives a 疗休养通知书: only a confirmed place (拟安排 is not yet 确定)."""


class VisitPrints(Service):
    """Documents of visit campaigns and recuperation batches (PDF or xlsx bytes)."""

    def _visits(self) -> VisitService:
        return VisitService(self._sessions, self._actor, self._read_sessions, self._today)

    def _recuperation(self) -> RecuperationService:
        return RecuperationService(self._sessions, self._actor, self._read_sessions,
                                   self._today)

    def _printer(self) -> Printer:
        printer = Printer(self._read_sessions)
        printer.fontset()  # no font: said before anything is read
        return printer

    def _association(self) -> str:
        with self._read_sessions.begin() as s:
            return settings.association_title(s)

    def _audit_list(self, action: str, entity: str, entity_id: uuid.UUID,
                    **detail: object) -> None:
        """A list that names people leaves with its trace, masked too (as the register's
        roster, ``register.export``): what, of which campaign or batch, how many; never a
        personal value. Unmasked lists are audited where they are read (``visit.unmask_list``,
        ``recuperation.unmask_roster``)."""
        with self._sessions.begin() as s:
            audit.append(s, self._actor, action, entity=entity, entity_id=entity_id,
                         detail=detail)

    def team_id(self, campaign_id: uuid.UUID, name: str) -> uuid.UUID:
        """A campaign's team by its name (``not_found`` otherwise)."""
        teams = {t.name: t.id for t in self._visits().teams(campaign_id)}
        if name not in teams:
            raise AppError("not_found", entity="visit_team", key=name)
        return teams[name]

    def campaign_pdf(self, campaign_id: uuid.UUID, sheet: str = "list", *,
                     team_id: uuid.UUID | None = None, day: dt.date | None = None,
                     unmask: bool = False, reason: str | None = None) -> tuple[bytes, int]:
        """``sheet`` of a campaign as PDF and how many persons it names."""
        from desktop.reports.visits import (
            receipt_document,
            summary_document,
            visit_list_document,
        )

        self._actor.require(Perm.PRINT)
        if sheet not in SHEETS:
            raise ValueError(sheet)
        printer = self._printer()
        svc = self._visits()
        c = svc.campaign(campaign_id)
        association, today = self._association(), self._today()
        if sheet == "summary":
            lines = svc.summary(campaign_id)
            doc = summary_document(lines, association=association, campaign=c.title,
                                   rules=c.rules.describe(), budget_fen=c.budget_fen,
                                   date=today)
            return printer.render(doc), sum(x.planned for x in lines)
        svc.require_approved(campaign_id)  # the final list and the receipt sheet
        team = None
        if team_id is not None:
            team = next((t.name for t in svc.teams(campaign_id) if t.id == team_id), None)
            if sheet == "list" and not unmask and self._actor.can(Perm.UNMASK):
                # a team's visit list is its working list: the phones in full, audited like
                # any unmask (a user without the permission gets them masked)
                unmask, reason = True, f"走访组工作名单（{team}）：入户前电话联系"
        rows = svc.visits(campaign_id, team_id=team_id, day=day, unmask=unmask, reason=reason)
        if sheet == "receipt":
            doc = receipt_document(rows, association=association, campaign=c.title,
                                   date=today, team=team, day=day)
        else:
            doc = visit_list_document(rows, association=association, campaign=c.title,
                                      date=today, team=team, day=day)
        pdf = printer.render(doc)
        if not unmask:
            self._audit_list("visit.print_list", "visit_campaign", campaign_id, sheet=sheet,
                             count=doc.row_count, team=str(team_id) if team_id else None,
                             date=day.isoformat() if day else None)
        return pdf, doc.row_count

    def campaign_xlsx(self, campaign_id: uuid.UUID, *, unmask: bool = False,
                      reason: str | None = None) -> tuple[bytes, int]:
        """The visit list as a workbook (a working copy: names, addresses, phones, health
        notes) and how many visits it holds. A file export: ``Perm.IMPORT_EXPORT``, audited."""
        from desktop.exchange.visit_list import visit_list_xlsx

        self._actor.require(Perm.IMPORT_EXPORT)
        svc = self._visits()
        c = svc.campaign(campaign_id)
        rows = svc.visits(campaign_id, unmask=unmask, reason=reason)
        if not rows:
            raise AppError("report_empty")
        data = visit_list_xlsx(rows, title=c.title)
        if not unmask:
            self._audit_list("visit.export_list", "visit_campaign", campaign_id,
                             count=len(rows))
        return data, len(rows)

    def recuperation_roster(self, batch_id: uuid.UUID, *, unmask: bool = False,
                            reason: str | None = None) -> tuple[bytes, int]:
        """疗休养名单 (PDF) and how many persons go."""
        from desktop.reports.visits import recuperation_roster_document

        self._actor.require(Perm.PRINT)
        printer = self._printer()
        svc = self._recuperation()
        batch = svc.batch(batch_id)
        rows = svc.roster(batch_id, unmask=unmask, reason=reason)
        if not rows:
            raise AppError("report_empty")
        doc = recuperation_roster_document(rows, association=self._association(),
                                           batch=batch, date=self._today())
        going = sum(1 for r in rows if r.status in ("nominated", "confirmed"))
        pdf = printer.render(doc)
        if not unmask:
            self._audit_list("recuperation.print_roster", "recuperation_batch", batch_id,
                             count=len(rows))
        return pdf, going

    def letters(self, batch_id: uuid.UUID) -> list[tuple[str, bytes]]:
        """One 疗休养通知书 (file name, sealed PDF) per confirmed person, in roster order;
        ``recuperation_none_confirmed`` when nobody is confirmed yet."""
        from desktop.reports.visits import notification_document

        self._actor.require(Perm.PRINT)
        printer = self._printer()
        svc = self._recuperation()
        batch = svc.batch(batch_id)
        association, today = self._association(), self._today()
        going = [r for r in svc.roster(batch_id, include_declined=False) if r.status in GOING]
        if not going:
            raise AppError("recuperation_none_confirmed", batch=batch.name)
        letters = [(f"{n:03d}_{r.name}_疗休养通知书.pdf", printer.render(
                       notification_document(r, association=association, batch=batch,
                                             date=today), seal=True))
                   for n, r in enumerate(going, start=1)]
        self._audit_list("recuperation.print_letters", "recuperation_batch", batch_id,
                         count=len(letters), format="files")
        return letters

    def letters_pdf(self, batch_id: uuid.UUID) -> bytes:
        """Every confirmed person's 疗休养通知书 in one PDF, one letter a page (to preview and
        print at once); ``recuperation_none_confirmed`` when nobody is confirmed yet."""
        from desktop.reports.visits import notification_document

        self._actor.require(Perm.PRINT)
        printer = self._printer()
        svc = self._recuperation()
        batch = svc.batch(batch_id)
        association, today = self._association(), self._today()
        going = [r for r in svc.roster(batch_id, include_declined=False) if r.status in GOING]
        if not going:
            raise AppError("recuperation_none_confirmed", batch=batch.name)
        pdf = printer.render_letters([notification_document(
            r, association=association, batch=batch, date=today) for r in going])
        self._audit_list("recuperation.print_letters", "recuperation_batch", batch_id,
                         count=len(going), format="pdf")
        return pdf
