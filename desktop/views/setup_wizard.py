"""First run: choose county or city mode and the association, create the first administrator."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.core import reference
from desktop.core.texts import problem_text
from desktop.errors import ValidationError
from desktop.services.accounts import MIN_PASSWORD_LENGTH
from desktop.views.i18n import current_language

Initialise = Callable[[str, str, str, str], None]  # association, admin, display name, password


class _AssociationPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your association"))
        self.setSubTitle(self.tr(
            "Choose the district association this computer works for, or the city association "
            "to run in city mode and merge the districts' data."))
        self.combo = QComboBox(self)
        self.combo.setObjectName("associationCombo")
        for city in reference.cities():
            self.combo.addItem(self.tr("%1 (city association, city mode)").replace("%1", city.name),
                               city.name)
            for d in city.districts:
                if d.kind == "city_level":
                    continue
                self.combo.addItem(self.tr("%1 (district association, county mode)")
                                   .replace("%1", d.name), d.name)
        default = self.combo.findData("长兴县")
        self.combo.setCurrentIndex(max(default, 0))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("modeHint")
        self.combo.currentIndexChanged.connect(self._update_hint)
        form = QFormLayout(self)
        form.addRow(self.tr("Association:"), self.combo)
        form.addRow(self.hint)
        self._update_hint()

    def _update_hint(self) -> None:
        name = self.combo.currentData()
        found = reference.find_association(str(name))
        if found and found[1] is None:
            self.hint.setText(self.tr(
                "City mode: the register covers every district; district packages are merged."))
        else:
            self.hint.setText(self.tr(
                "County mode: the register of one district; data is handed to the city every "
                "quarter."))

    def association(self) -> str:
        return str(self.combo.currentData())


class _AdminPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("First administrator"))
        self.setSubTitle(self.tr(
            "The administrator manages users, settings and backups. Keep the password safe: "
            "it cannot be recovered."))
        self.name = QLineEdit(self)
        self.name.setObjectName("adminName")
        self.name.setText("admin")
        self.display = QLineEdit(self)
        self.display.setObjectName("adminDisplayName")
        self.password = QLineEdit(self)
        self.password.setObjectName("adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("At least %n characters, not only digits", "", MIN_PASSWORD_LENGTH))
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("adminPasswordRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(self)
        self.problem.setObjectName("problemLabel")
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.name)
        form.addRow(self.tr("Full name:"), self.display)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat password:"), self.repeat)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        for edit in (self.name, self.password, self.repeat):
            edit.textChanged.connect(self._changed)

    def _changed(self) -> None:
        self.problem.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.name.text().strip()) and bool(self.password.text()) and (
            self.password.text() == self.repeat.text())

    def show_problems(self, error: ValidationError) -> None:
        self.problem.setText("\n".join(problem_text(p, current_language())
                                       for p in error.problems))


class SetupWizard(QWizard):
    """Shown when the database has no users yet. ``initialise`` does the work (a service)."""

    def __init__(self, initialise: Initialise, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("First start"))  # the platform adds " — 劳模之家"
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self._initialise = initialise
        self.association_page = _AssociationPage(self)
        self.admin_page = _AdminPage(self)
        self.addPage(self.association_page)
        self.addPage(self.admin_page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Create"))
        self.resize(560, 400)

    def validateCurrentPage(self) -> bool:
        if self.currentPage() is not self.admin_page:
            return True
        page = self.admin_page
        try:
            self._initialise(self.association_page.association(), page.name.text().strip(),
                             page.display.text().strip(), page.password.text())
        except ValidationError as exc:
            page.show_problems(exc)
            return False
        return True

    @classmethod
    def run(cls, initialise: Initialise, parent: QWidget | None = None) -> bool:
        return cls(initialise, parent).exec() == QWizard.DialogCode.Accepted
