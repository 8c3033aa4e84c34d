"""Where the file dialogs open: in the folder last used for that kind of file (remembered in
the user's preferences, so the next day too), else in the user's Documents folder. A bare
file name used to open them in the program's working folder (on an office PC the
installation folder), every time, so the clerk looked for the printed list or the export
where the program had put it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.views.preferences import Preferences

# the kinds of file remembered apart: a roster is opened from the office's share, a printed
# list saved for the printer's folder, a package written to the USB stick
DOCUMENTS = "documents"  # PDFs and printed lists
EXPORTS = "exports"  # register exports, import reports and templates, merge reports
ROSTERS = "rosters"  # rosters to import
HANDOFF = "handoff"  # packages, association cards, receipts, reference data
ATTACHMENTS = "attachments"  # scans of hardship documents, visit photos
SETTINGS = "settings"  # fonts, the seal image


def start_folder(kind: str) -> Path:
    """The folder a dialog for ``kind`` opens in."""
    last = Preferences().last_folder(kind)
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember(kind: str, path: str | Path) -> None:
    """``path`` (a file, or a folder) was chosen: the next dialog for ``kind`` opens there."""
    chosen = Path(path)
    folder = chosen if chosen.is_dir() else chosen.parent
    Preferences().set_last_folder(kind, str(folder))


def save_file(parent: QWidget | None, title: str, name: str, filters: str, kind: str) -> str:
    """``QFileDialog.getSaveFileName`` offering ``name`` in ``kind``'s folder; the path
    chosen ("" when cancelled)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder(kind) / name),
                                          filters)
    if path:
        remember(kind, path)
    return path


def open_file(parent: QWidget | None, title: str, filters: str, kind: str) -> str:
    """``QFileDialog.getOpenFileName`` in ``kind``'s folder; the path chosen ("" when
    cancelled)."""
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(kind)), filters)
    if path:
        remember(kind, path)
    return path


def open_folder(parent: QWidget | None, title: str, kind: str,
                current: Path | None = None) -> str:
    """``QFileDialog.getExistingDirectory`` at ``current`` or ``kind``'s folder."""
    path = QFileDialog.getExistingDirectory(parent, title,
                                            str(current or start_folder(kind)))
    if path:
        remember(kind, path)
    return path
