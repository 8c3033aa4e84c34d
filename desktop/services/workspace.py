"""What a logged-in session works with: the database, the user and the services.

Each service module is imported when it is first asked for, so that log-in and a command
line call pay only for what they use (pypinyin's dictionary, ReportLab, openpyxl...).

Views receive a ``Workspace`` and ask it for services, so they never see an engine or a
session (the import-linter contract forbids views to import SQLAlchemy or the database).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.database import Database
from desktop.services.accounts import AccountService, AssociationInfo
from desktop.services.permissions import Actor

if TYPE_CHECKING:
    from desktop.services.audit import AuditService
    from desktop.services.demo.service import DemoService
    from desktop.services.documents.printer import Printer
    from desktop.services.documents.service import DocumentService
    from desktop.services.handoff.conflicts import ConflictService
    from desktop.services.handoff.preview import HandoffPreviewService
    from desktop.services.handoff.service import HandoffService
    from desktop.services.hardship.lists import HardshipLists
    from desktop.services.hardship.prints import HardshipPrint
    from desktop.services.hardship.service import HardshipService
    from desktop.services.holidays import HolidayService
    from desktop.services.imports.export_templates import ExportTemplateService
    from desktop.services.imports.exporter import RegisterExporter
    from desktop.services.imports.importer import ImportService
    from desktop.services.maintenance import MaintenanceService
    from desktop.services.overview import OverviewService
    from desktop.services.register.duplicates import DuplicatesService
    from desktop.services.register.persons import PersonService
    from desktop.services.register.service import RegisterService
    from desktop.services.settings import SettingsService
    from desktop.services.visits.prints import VisitPrints
    from desktop.services.visits.recuperation import RecuperationService
    from desktop.services.visits.service import VisitService


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
        from desktop.services.audit import AuditService

        return AuditService(self.db.read_sessions, self.actor)

    def documents(self) -> DocumentService:
        from desktop.services.documents.service import DocumentService

        return DocumentService(self.db.sessions, self.actor, self.db.read_sessions)

    def duplicates(self) -> DuplicatesService:
        from desktop.services.register.duplicates import DuplicatesService

        return DuplicatesService(self.db.sessions, self.actor, self.db.read_sessions)

    def export_templates(self) -> ExportTemplateService:
        from desktop.services.imports.export_templates import ExportTemplateService

        return ExportTemplateService(self.db.sessions, self.actor)

    def exporter(self) -> RegisterExporter:
        """Exports of the register (the window's dialog and ``laomo members export``)."""
        from desktop.services.imports.exporter import RegisterExporter

        return RegisterExporter(self.db.sessions, self.actor, self.db.read_sessions)

    def importer(self) -> ImportService:
        from desktop.services.imports.importer import ImportService

        return ImportService(self.db.sessions, self.actor)

    def handoff(self, keys_dir: Path | None = None) -> HandoffService:
        """The quarterly handoff; the private keys live in the data folder (``keys_dir``
        overrides it for tests and tools)."""
        from desktop.paths import keys_dir as default_keys_dir
        from desktop.services.handoff.keys import KeyStore
        from desktop.services.handoff.service import HandoffService

        return HandoffService(self.db.sessions, self.actor,
                              KeyStore(keys_dir or default_keys_dir()),
                              self.db.head_revision(), self.db.read_sessions)

    def handoff_items(self) -> ConflictService:
        """The city's open items of its merges (汇总 待处理事项), masked unless asked for."""
        from desktop.services.handoff.conflicts import ConflictService

        return ConflictService(self.db.sessions, self.actor, self.db.read_sessions)

    def handoff_preview(self) -> HandoffPreviewService:
        """What the next quarterly package would hold (the 报送 wizard's first step)."""
        from desktop.services.handoff.preview import HandoffPreviewService

        return HandoffPreviewService(self.db.sessions, self.actor, self.db.read_sessions)

    def hardship(self) -> HardshipService:
        from desktop.services.hardship.service import HardshipService

        return HardshipService(self.db.sessions, self.actor, self.db.read_sessions)

    def hardship_lists(self) -> HardshipLists:
        from desktop.services.hardship.lists import HardshipLists

        return HardshipLists(self.db.read_sessions, self.actor)

    def hardship_print(self) -> HardshipPrint:
        # ReportLab is loaded when something is printed, not when the window opens
        from desktop.services.hardship.prints import HardshipPrint

        return HardshipPrint(self.db.sessions, self.actor, self.db.read_sessions)

    def settings(self) -> SettingsService:
        """Settings an administrator edits in the window (the 公示 objection contact)."""
        from desktop.services.settings import SettingsService

        return SettingsService(self.db.sessions, self.actor, self.db.read_sessions)

    def printer(self) -> Printer:
        """Prints documents with the administrator's fonts and seal (ReportLab loaded lazily)."""
        from desktop.services.documents.printer import Printer

        return Printer(self.db.read_sessions)

    def maintenance(self) -> MaintenanceService:
        from desktop.services.maintenance import MaintenanceService

        return MaintenanceService(self.db, self.actor)

    def overview(self) -> OverviewService:
        from desktop.services.overview import OverviewService

        return OverviewService(self.db.read_sessions, self.actor)

    def persons(self) -> PersonService:
        from desktop.services.register.persons import PersonService

        return PersonService(self.db.sessions, self.actor, self.db.read_sessions)

    def register(self) -> RegisterService:
        from desktop.services.register.service import RegisterService

        return RegisterService(self.db.sessions, self.actor, self.db.read_sessions)

    def visits(self) -> VisitService:
        from desktop.services.visits.service import VisitService

        return VisitService(self.db.sessions, self.actor, self.db.read_sessions)

    def visit_prints(self) -> VisitPrints:
        """The visit and recuperation documents (ReportLab and openpyxl loaded when used)."""
        from desktop.services.visits.prints import VisitPrints

        return VisitPrints(self.db.sessions, self.actor, self.db.read_sessions)

    def recuperation(self) -> RecuperationService:
        from desktop.services.visits.recuperation import RecuperationService

        return RecuperationService(self.db.sessions, self.actor, self.db.read_sessions)

    def holidays(self) -> HolidayService:
        from desktop.services.holidays import HolidayService

        return HolidayService(self.db.sessions, self.actor)

    def demo(self) -> DemoService:
        # the generator's word lists are loaded only when demo data is wanted
        from desktop.services.demo.service import DemoService

        return DemoService(self.db.sessions, self.actor)
