"""First run: choose county or city mode and the association, create the first administrator,
then (skippable) enrol for the quarterly handoff: a district trusts the city's association card
after reading its fingerprint over the phone; the city saves its own card for the districts.
A new or replaced computer can instead restore the association's backup from the first page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.core import reference
from desktop.core.texts import problem_text
from desktop.errors import ValidationError
from desktop.files import write_atomically
from desktop.views.file_dialogs import HANDOFF, open_file, save_file
from desktop.views.form_widgets import problem_label
from desktop.views.i18n import current_language
from desktop.views.messages import describe
from desktop.views.password_dialog import password_rule

if TYPE_CHECKING:
    from desktop.services.maintenance import FirstRestore, RestoreResult

Initialise = Callable[[str, str, str, str], None]  # association, admin, display name, password


class CardDoor(Protocol):
    """What enrolment needs of the handoff service (``Workspace.handoff()``)."""

    def card(self) -> bytes: ...
    def own_fingerprint(self) -> str: ...
    def inspect_card(self, data: bytes) -> _CardLike: ...
    def trust(self, data: bytes) -> _CardLike: ...


class _CardLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def grouped(self) -> str: ...


Enrolment = Callable[[], CardDoor]  # called once the administrator exists


class _AssociationPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your association"))
        self.setSubTitle(self.tr(
            "Choose the district association this computer works for, or the city association "
            "to run in city mode and merge the districts' data."))
        self.combo = QComboBox(self)
        self.combo.setObjectName("associationCombo")
        # no association chosen for the clerk: 长兴县 was preselected and one 下一步 made any
        # county's office 长兴县 for good
        self.combo.addItem(self.tr("(choose the association)"), None)
        for city in reference.cities():
            self.combo.addItem(self.tr("%1 (city association, city mode)").replace("%1", city.name),
                               city.name)
            for d in city.districts:
                if d.kind == "city_level":
                    continue
                self.combo.addItem(self.tr("%1 (district association, county mode)")
                                   .replace("%1", d.name), d.name)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("modeHint")
        self.combo.currentIndexChanged.connect(self._update_hint)
        self.combo.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
        # a replaced PC: the office's data is in a backup, not to be typed in again
        self.restore_hint = QLabel(self.tr(
            "A new or replaced computer? Restore the office's backup instead (its passphrase "
            "and an administrator account of the backup are needed)."), self)
        self.restore_hint.setObjectName("setupRestoreHint")
        self.restore_hint.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Restore from a backup…"), self)
        self.restore_button.setObjectName("setupRestore")
        form = QFormLayout(self)
        form.addRow(self.tr("Association:"), self.combo)
        form.addRow(self.hint)
        form.addRow(self.restore_hint)
        form.addRow("", self.restore_button)
        self._update_hint()

    def isComplete(self) -> bool:
        return self.combo.currentData() is not None

    def _update_hint(self) -> None:
        name = self.combo.currentData()
        if name is None:
            self.hint.setText(self.tr(
                "Choose the association this computer works for: it cannot be changed later."))
            return
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
        self.password.setPlaceholderText(password_rule())
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("adminPasswordRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = problem_label(self, "problemLabel")
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


def grouped(fingerprint: str) -> str:
    return " ".join(fingerprint[i:i + 4] for i in range(0, len(fingerprint), 4))


class EnrolPage(QWizardPage):
    """Handoff enrolment, skippable: a district trusts the city's card (fingerprint read over
    the phone first); the city saves its card for the districts. Both can be done later on
    the 报送 / 汇总 page."""

    def __init__(self, enrolment: Enrolment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrolPage")
        self._enrolment = enrolment
        self._door: CardDoor | None = None
        self.city_mode = False
        self.card_data: bytes | None = None
        self.trusted = False
        self.setTitle(self.tr("Quarterly handoff (can be done later)"))
        self.explain = QLabel(self)
        self.explain.setObjectName("enrolExplain")
        self.explain.setWordWrap(True)
        self.card_button = QPushButton(self)
        self.card_button.setObjectName("enrolCardButton")
        self.card_button.clicked.connect(self._choose)
        # the step can be skipped: Enter finishes the wizard, it does not open a file chooser
        self.card_button.setAutoDefault(False)
        self.card_name = QLabel(self)
        self.card_name.setObjectName("enrolCardName")
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("enrolFingerprint")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(mono.pointSize() + 3)
        self.fingerprint.setFont(mono)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirmed = QCheckBox(self.tr(
            "I read the fingerprint with the city over the phone: it is the same"), self)
        self.confirmed.setObjectName("enrolConfirmed")
        self.confirmed.toggled.connect(lambda _on: self.completeChanged.emit())
        self.outcome = QLabel(self)
        self.outcome.setObjectName("enrolOutcome")
        self.outcome.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.card_button)
        row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Card:"), self.card_name)
        form.addRow(self.tr("Fingerprint:"), self.fingerprint)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(self.confirmed)
        layout.addWidget(self.outcome)
        layout.addStretch(1)

    def set_mode(self, city: bool) -> None:
        self.city_mode = city
        self.confirmed.setVisible(not city)
        if city:
            self.setSubTitle(self.tr(
                "Save this association's card and give it to each district (USB stick or "
                "e-mail). They will read this fingerprint with you over the phone."))
            self.explain.setText(self.tr(
                "Skip this step if you like: the card can be saved later on the Summary page."))
            self.card_button.setText(self.tr("Save our card…"))
        else:
            self.setSubTitle(self.tr(
                "Packages for the city are encrypted to the city's key. Import the city "
                "association's card (a file it gives you) and read its fingerprint with the "
                "city over the phone before trusting it."))
            self.explain.setText(self.tr(
                "Skip this step if you do not have the card yet: it can be trusted later on "
                "the Report to city page."))
            self.card_button.setText(self.tr("Import the city's card…"))

    def initializePage(self) -> None:
        wizard = self.wizard()
        if isinstance(wizard, SetupWizard):
            found = reference.find_association(wizard.association_page.association())
            self.set_mode(bool(found and found[1] is None))
        if self.city_mode:
            try:
                self.card_name.setText(self.door_name())
                self.fingerprint.setText(grouped(self.door().own_fingerprint()))
            except Exception as exc:  # the wizard still finishes: enrolment can wait
                self.outcome.setText(describe(exc))

    def door(self) -> CardDoor:
        if self._door is None:
            self._door = self._enrolment()
        return self._door

    def door_name(self) -> str:
        wizard = self.wizard()
        return wizard.association_page.association() if isinstance(wizard, SetupWizard) else ""

    def _choose(self) -> None:
        if self.city_mode:
            path = save_file(self, self.tr("Save our card"), f"{self.door_name()}.lmcard", "*",
                             HANDOFF)
            if path:
                self.save_card(Path(path))
        else:
            path = open_file(self, self.tr("Import the city's card"), "*", HANDOFF)
            if path:
                self.load_card(Path(path))

    def save_card(self, path: Path) -> None:
        try:
            write_atomically(path, self.door().card())
        except Exception as exc:
            self.outcome.setText(describe(exc))
            return
        self.outcome.setText(self.tr("Card saved: %1").replace("%1", str(path)))

    def load_card(self, path: Path) -> None:
        """Show a card's name and fingerprint; trusted on Finish once confirmed."""
        self.card_data = None
        self.confirmed.setChecked(False)
        try:
            data = path.read_bytes()
            card = self.door().inspect_card(data)
        except Exception as exc:
            self.card_name.clear()
            self.fingerprint.clear()
            self.outcome.setText(describe(exc))
        else:
            self.card_data = data
            self.card_name.setText(card.name)
            self.fingerprint.setText(card.grouped)
            self.outcome.setText(self.tr(
                "Read the fingerprint with the city over the phone, then tick the box above."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        # skipping is fine; a card chosen but not confirmed is not
        return self.card_data is None or self.confirmed.isChecked()

    def trust_chosen(self) -> bool:
        """Trust the chosen card (on Finish); False keeps the wizard open with the reason."""
        if self.city_mode or self.card_data is None or self.trusted:
            return True
        try:
            self.door().trust(self.card_data)
        except Exception as exc:
            self.outcome.setText(describe(exc))
            return False
        self.trusted = True
        return True


class SetupWizard(QWizard):
    """Shown when the database has no users yet. ``initialise`` does the work (a service)."""

    def __init__(self, initialise: Initialise, enrolment: Enrolment | None = None,
                 parent: QWidget | None = None, *, restore: FirstRestore | None = None,
                 ) -> None:
        """``restore``: offered on the first page (a computer replacing another one);
        ``restored`` holds the result once the wizard closed on a restored backup."""
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("First start"))  # the platform adds " — 劳模之家"
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self._initialise = initialise
        self.initialised = False
        self.association_page = _AssociationPage(self)
        self._restore = restore
        self.restored: RestoreResult | None = None
        self.association_page.restore_button.setVisible(restore is not None)
        self.association_page.restore_hint.setVisible(restore is not None)
        self.association_page.restore_button.clicked.connect(self.restore_backup)
        self.admin_page = _AdminPage(self)
        self.addPage(self.association_page)
        self.addPage(self.admin_page)
        self.enrol_page: EnrolPage | None = None
        if enrolment is not None:
            # once the administrator is created there is no going back to change it
            self.admin_page.setCommitPage(True)
            self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create"))
            self.enrol_page = EnrolPage(enrolment, self)
            self.addPage(self.enrol_page)
        else:
            self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Create"))
        self.resize(620, 440)

    def validateCurrentPage(self) -> bool:
        if self.enrol_page is not None and self.currentPage() is self.enrol_page:
            return self.enrol_page.trust_chosen()
        if self.currentPage() is not self.admin_page:
            return True
        page = self.admin_page
        try:
            self._initialise(self.association_page.association(), page.name.text().strip(),
                             page.display.text().strip(), page.password.text())
        except ValidationError as exc:
            page.show_problems(exc)
            return False
        self.initialised = True
        return True

    def restore_backup(self) -> None:
        """The backup file, then the restore dialog as a ``FirstRestore``; the wizard closes
        once the database was restored (then the log-in dialog, with the backup's users)."""
        from desktop.views.restore_dialog import RestoreDialog, choose_backup
        from desktop.views.tasks import TaskRunner

        if self._restore is None:
            return
        path = choose_backup(self, self.tr("Restore from a backup"))
        if path is None:
            return
        result = RestoreDialog.run(self._restore, TaskRunner(self, max_threads=1), path, self)
        if result is None:
            return
        self.restored = result
        self.done(QDialog.DialogCode.Accepted)

    @classmethod
    def run(cls, initialise: Initialise, enrolment: Enrolment | None = None,
            parent: QWidget | None = None, *, restore: FirstRestore | None = None,
            on_restored: Callable[[RestoreResult], None] | None = None) -> bool:
        """True once the association exists (closing the skippable enrolment step after that
        still starts the program), created here or restored from a backup (``on_restored``
        is told)."""
        wizard = cls(initialise, enrolment, parent, restore=restore)
        accepted = wizard.exec() == QWizard.DialogCode.Accepted
        if wizard.restored is not None:
            if on_restored is not None:
                on_restored(wizard.restored)
            return True
        return accepted or wizard.initialised
