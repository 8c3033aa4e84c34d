"""Driving the import wizard offscreen as far as its dry run (shared by the wizard tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.services.workspace import Workspace
from desktop.views.imports.import_wizard import ImportWizard
from desktop.views.tasks import TaskRunner


def dry_run(ws: Workspace, qtbot: Any, book: Path) -> ImportWizard:
    """A wizard on ``book``, past the mapping page, with its dry run's result shown."""
    wizard = ImportWizard(ws.importer(), TaskRunner())
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(book))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.mapping_page.preview is not None, timeout=20000)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.dry_page.result is not None, timeout=20000)
    return wizard
