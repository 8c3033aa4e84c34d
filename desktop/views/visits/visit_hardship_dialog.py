"""Open a hardship draft (困难档案草稿) from a visit's follow-up: the clerk picks the category and
the main cause; the service copies what the visit found into the file's notes and links the file
to the visit. A person who already has an open file is refused with the file's serial."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.core.texts import problem_text
from desktop.core.vocabulary import HARDSHIP_CAUSE
from desktop.errors import AppError, ValidationError
from desktop.services.hardship.rules import causes
from desktop.services.visits.service import VisitService
from desktop.views.data_words import data_word
from desktop.views.form_widgets import problem_label
from desktop.views.i18n import current_language, word
from desktop.views.messages import present_error


class VisitHardshipDialog(QDialog):
    """OK opens the draft through ``VisitService.hardship_file_from``; problems stay here."""

    def __init__(self, service: VisitService, visit_id: uuid.UUID, name: str,
                 categories: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitHardshipDialog")
        self.setWindowTitle(self.tr("Open a hardship file: %1").replace("%1", name))
        self.setMinimumWidth(420)
        self._svc = service
        self._visit_id = visit_id
        self.case_id: uuid.UUID | None = None
        self.category = QComboBox(self)
        self.category.setObjectName("hardshipCategory")
        for code in categories:  # the stored word as data, shown in the UI's language
            self.category.addItem(data_word(code), code)
        self.cause = QComboBox(self)
        self.cause.setObjectName("hardshipCause")
        for code, words in causes().items():
            self.cause.addItem(f"{code} {word(HARDSHIP_CAUSE, code, words)}", code)
        self.notes = QLineEdit(self)
        self.notes.setObjectName("hardshipNotes")
        self.problem = problem_label(self, "problemLabel")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        hint = QLabel(self.tr("A draft file is opened for the visited person; what the visit "
                              "found goes into its notes. Complete it on the Hardship page."),
                      self)
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self.tr("Category:"), self.category)
        form.addRow(self.tr("Main cause:"), self.cause)
        form.addRow(self.tr("Notes:"), self.notes)
        form.addRow(self.problem)
        form.addRow(buttons)

    def save(self) -> None:
        try:
            self.case_id = self._svc.hardship_file_from(
                self._visit_id, str(self.category.currentData()), str(self.cause.currentData()),
                self.notes.text())
        except ValidationError as exc:
            self.problem.setText("\n".join(problem_text(p, current_language())
                                           for p in exc.problems))
            return
        except AppError as exc:
            present_error(self, exc)
            return
        self.accept()
