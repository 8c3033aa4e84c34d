"""What a logged-in session works with: the database, the user and the services.

Views receive a ``Workspace`` and ask it for services, so they never see an engine or a
session (the import-linter contract forbids views to import SQLAlchemy or the database).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.database import Database
from desktop.services.accounts import AccountService, AssociationInfo
from desktop.services.audit import AuditService
from desktop.services.documents import DocumentService
from desktop.services.duplicates import DuplicatesService
from desktop.services.export_templates import ExportTemplateService
from desktop.services.hardship import HardshipService
from desktop.services.hardship_lists import HardshipLists
from desktop.services.holidays import HolidayService
from desktop.services.importer import ImportService
from desktop.services.maintenance import MaintenanceService
from desktop.services.overview import OverviewService
from desktop.services.permissions import Actor
from desktop.services.persons import PersonService
from desktop.services.printing import Printer
from desktop.services.recuperation import RecuperationService
from desktop.services.register import RegisterService
from desktop.services.visits import VisitService

if TYPE_CHECKING:
    from desktop.services.hardship_print import HardshipPrint


@dataclass(frozen=True)
class Workspace:
    db: Database
    actor: Actor
    association: AssociationInfo

    @property
    def database_label(self) -> str:
        return self.db.describe()

    def accounts(self) -> AccountService:
        return AccountService(self.db.sessions)

    def audit(self) -> AuditService:
        return AuditService(self.db.read_sessions, self.actor)

    def documents(self) -> DocumentService:
        return DocumentService(self.db.sessions, self.actor, self.db.read_sessions)

    def duplicates(self) -> DuplicatesService:
        return DuplicatesService(self.db.sessions, self.actor, self.db.read_sessions)

    def export_templates(self) -> ExportTemplateService:
        return ExportTemplateService(self.db.sessions, self.actor)

    def importer(self) -> ImportService:
        return ImportService(self.db.sessions, self.actor)
    def hardship(self) -> HardshipService:
        return HardshipService(self.db.sessions, self.actor, self.db.read_sessions)

    def hardship_lists(self) -> HardshipLists:
        return HardshipLists(self.db.read_sessions, self.actor)

    def hardship_print(self) -> HardshipPrint:
        # ReportLab is loaded when something is printed, not when the window opens
        from desktop.services.hardship_print import HardshipPrint

        return HardshipPrint(self.db.sessions, self.actor, self.db.read_sessions)

    def printer(self) -> Printer:
        """Prints documents with the administrator's fonts and seal (ReportLab loaded lazily)."""
        return Printer(self.db.read_sessions)

    def maintenance(self) -> MaintenanceService:
        return MaintenanceService(self.db, self.actor)

    def overview(self) -> OverviewService:
        return OverviewService(self.db.read_sessions, self.actor)

    def persons(self) -> PersonService:
        return PersonService(self.db.sessions, self.actor, self.db.read_sessions)

    def register(self) -> RegisterService:
        return RegisterService(self.db.read_sessions, self.actor, self.db.sessions)

    def visits(self) -> VisitService:
        return VisitService(self.db.sessions, self.actor, self.db.read_sessions)

    def recuperation(self) -> RecuperationService:
        return RecuperationService(self.db.sessions, self.actor, self.db.read_sessions)

    def holidays(self) -> HolidayService:
        return HolidayService(self.db.sessions, self.actor)
