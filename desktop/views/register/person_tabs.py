"""The person dialog's field tabs: 基本信息, 工作, 联系与户籍, 健康与家庭.

``PersonFields`` owns one editor per ``PersonDraft`` field (see ``form_widgets``) and knows how
the ID number fills birth date and sex. It neither validates business rules nor saves: the
dialog does that through the person service.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.core import idnumber
from desktop.core.phones import phone_warnings
from desktop.core.reference import EMPLOYMENT_STATUSES, LIFE_DECEASED, code_table, codes
from desktop.core.reference_words import (
    DEGREE,
    DISABILITY_GRADE,
    DISABILITY_TYPE,
    EDUCATION,
    EMPLOYMENT,
    ETHNICITY,
    HEALTH,
    HUKOU_TYPE,
    INDUSTRY,
    INSURANCE,
    MARITAL,
    POLITICAL,
    TECHNICAL_GRADE,
    UNIT_TYPE,
)
from desktop.core.vocabulary import LIFE_STATUS, SEX
from desktop.errors import ValidationError
from desktop.views.data_words import choices, data_word
from desktop.views.form_widgets import (
    ChoiceField,
    DateField,
    DigitsField,
    FieldBox,
    FlagField,
    IntField,
    MoneyField,
    NotesField,
    TextField,
    problem_words,
)
from desktop.views.i18n import shown, word

SEX_CODES = {idnumber.SEX_MALE: "1", idnumber.SEX_FEMALE: "2"}


def _list(name: str) -> list[str]:
    return [str(v) for v in codes()[name] if not str(v).startswith("(")]


class PersonFields(QObject):
    """The editors of the four field tabs, keyed by ``PersonDraft`` field name.

    Each editor's objectName is ``field_<name>``; its problem line is ``FieldBox.problem``.
    """

    changed = Signal()

    def __init__(self, districts: Iterable[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.editors: dict[str, Any] = {}
        self.boxes: dict[str, FieldBox] = {}
        self._host = parent
        self._masked_id: str | None = None  # the masked number as loaded: not parsed
        self._id_problem: str | None = None
        # the stored birth date while the ID number is masked: the field shows 1968-**-**,
        # since the hidden digits of the number are that date (issue 14, point 9)
        self._hidden_birth: dt.date | None = None
        self.reveal_button = QPushButton(self.tr("Show ID number…"), parent)
        self.reveal_button.setObjectName("revealIdNumber")
        self.reveal_button.hide()
        self.pages: list[tuple[str, QWidget]] = [
            (self.tr("Basic"), self._basic_page(list(districts))),
            (self.tr("Work"), self._work_page()),
            (self.tr("Contact and household"), self._contact_page()),
            (self.tr("Health and family"), self._health_page()),
        ]
        self.editors["id_number"].textChanged.connect(self._id_changed)

    # -- building --------------------------------------------------------------------------

    def _add(self, name: str, editor: Any, *, extra: QWidget | None = None) -> FieldBox:
        editor.setObjectName(f"field_{name}")
        editor.changed.connect(self.changed)
        box = FieldBox(editor, self._host, extra=extra)
        box.problem.setObjectName(f"problem_{name}")
        box.warning.setObjectName(f"warning_{name}")
        self.editors[name] = editor
        self.boxes[name] = box
        return box

    def _page(self, *columns: list[tuple[str, str, Any]]) -> QWidget:
        page = QWidget(self._host)
        row = QHBoxLayout(page)
        self._forms: list[QFormLayout] = []
        for column in columns:
            form = QFormLayout()
            self._forms.append(form)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for label, name, editor in column:
                form.addRow(label, self._add(name, editor))
            stack = QVBoxLayout()
            stack.addLayout(form)
            stack.addStretch(1)  # rows keep their height; the space left goes below them
            row.addLayout(stack, 1)
        return page

    def _basic_page(self, districts: list[str]) -> QWidget:
        p = self._host
        id_edit = TextField(p, max_length=40)
        id_edit.setPlaceholderText(self.tr("18 characters (or an old 15-digit number)"))
        page = self._page(
            [
                (self.tr("Name:"), "name", TextField(p, max_length=50)),
                (self.tr("Sex:"), "sex", ChoiceField(p, codes={
                    c: data_word(w) for c, w in code_table("sex_GB_T_2261_1").items()})),
                (self.tr("Birth date:"), "birth_date", DateField(p)),
                (self.tr("Ethnicity:"), "ethnicity",
                 ChoiceField(p, codes=choices(ETHNICITY))),
                (self.tr("Native place:"), "native_place", TextField(p, max_length=60)),
                (self.tr("Marital status:"), "marital_status",
                 ChoiceField(p, codes=choices(MARITAL))),
            ],
            [
                (self.tr("Political status:"), "political_status",
                 ChoiceField(p, codes=choices(POLITICAL))),
                (self.tr("Party member since:"), "party_join_date", DateField(p)),
                (self.tr("Education:"), "education",
                 ChoiceField(p, codes=choices(EDUCATION))),
                (self.tr("Degree:"), "degree",
                 ChoiceField(p, suggestions=choices(DEGREE))),
                (self.tr("Managing district:"), "district",
                 ChoiceField(p, codes={d: d for d in districts})),
                ("", "is_farmer_model", FlagField(self.tr("Farmer model worker"), p)),
            ],
        )
        # the ID number spans the page: it is the field typed first and read most
        form = self._forms[0]
        form.insertRow(1, self.tr("ID number:"), self._add("id_number", id_edit,
                                                           extra=self.reveal_button))
        # Tab goes name -> ID number -> sex, the order of the form, not of widget creation
        QWidget.setTabOrder(self.editors["name"], id_edit)
        QWidget.setTabOrder(id_edit, self.reveal_button)
        QWidget.setTabOrder(self.reveal_button, self.editors["sex"])
        return page

    def _work_page(self) -> QWidget:
        p = self._host
        return self._page(
            [
                (self.tr("Work unit:"), "work_unit", TextField(p)),
                (self.tr("Position:"), "position", TextField(p, max_length=100)),
                (self.tr("Unit type:"), "unit_type",
                 ChoiceField(p, suggestions=choices(
                     UNIT_TYPE, [*_list("unit_nature_partial"), "其他"]))),
                (self.tr("Industry:"), "industry",
                 ChoiceField(p, suggestions=choices(INDUSTRY,
                                                    _list("industry_list_old_ACFTU")))),
            ],
            [
                (self.tr("Professional title:"), "professional_title",
                 TextField(p, max_length=60)),
                (self.tr("Technical grade:"), "technical_grade",
                 ChoiceField(p, suggestions=choices(TECHNICAL_GRADE))),
                (self.tr("Employment status:"), "employment_status",
                 ChoiceField(p, codes=choices(EMPLOYMENT, EMPLOYMENT_STATUSES))),
                (self.tr("Started work:"), "work_start_date", DateField(p)),
            ],
        )

    def _contact_page(self) -> QWidget:
        p = self._host
        regions = {code: f"{label} {code}" for code, label
                   in code_table("admin_division_huzhou").items()}
        return self._page(
            [
                (self.tr("Mobile phone:"), "mobile", TextField(p, max_length=40)),
                (self.tr("Telephone:"), "phone", TextField(p, max_length=40)),
                (self.tr("Postal address:"), "address", TextField(p, max_length=300)),
                (self.tr("Postcode:"), "postcode", DigitsField(6, p)),
            ],
            [
                (self.tr("Household type:"), "hukou_type",
                 ChoiceField(p, codes=choices(HUKOU_TYPE))),
                (self.tr("Household region:"), "hukou_region",
                 ChoiceField(p, codes=regions, free_pattern=r"\d{6}")),
            ],
        )

    def _health_page(self) -> QWidget:
        p = self._host
        health = _list("health_status_ACFTU_newer")
        return self._page(
            [
                (self.tr("Health:"), "health_status",
                 ChoiceField(p, suggestions=choices(HEALTH, health))),
                (self.tr("Illness notes:"), "health_notes", NotesField(p)),
                (self.tr("Disability:"), "disability_type",
                 ChoiceField(p, suggestions=choices(DISABILITY_TYPE,
                                                    _list("disability_types")))),
                (self.tr("Disability grade:"), "disability_grade",
                 ChoiceField(p, suggestions=choices(DISABILITY_GRADE,
                                                    _list("disability_grades")))),
                (self.tr("Insurance:"), "insurance",
                 ChoiceField(p, suggestions=choices(INSURANCE))),
                (self.tr("Monthly income (yuan):"), "monthly_income", MoneyField(p)),
                (self.tr("Household size:"), "household_size", IntField(2, p)),
            ],
            [
                (self.tr("Spouse:"), "spouse_name", TextField(p, max_length=50)),
                (self.tr("Spouse born:"), "spouse_birth_date", DateField(p)),
                (self.tr("Spouse income (yuan):"), "spouse_income", MoneyField(p)),
                (self.tr("Spouse health:"), "spouse_health",
                 ChoiceField(p, suggestions={**choices(HEALTH, health),
                                             "已故": word(LIFE_STATUS, LIFE_DECEASED)})),
                (self.tr("Notes:"), "notes", NotesField(p)),
            ],
        )

    # -- values ----------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """Every field's value as a ``PersonDraft`` wants it (unreadable input gives None)."""
        out = {name: editor.value() for name, editor in self.editors.items()}
        if self._hidden_birth is not None:
            out["birth_date"] = self._hidden_birth
        return out

    def load(self, values: Mapping[str, Any], *, masked_id: str | None = None,
             years_only: Mapping[str, int | None] | None = None) -> None:
        """``years_only``: date fields of which this user is given the year alone (a role
        without the unmask permission, whose form is read-only): shown as 1963-**-**."""
        self._masked_id = masked_id
        self._hidden_birth = None
        for name, editor in self.editors.items():
            editor.set_value(values.get(name))
        born = values.get("birth_date")
        if masked_id is not None and isinstance(born, dt.date):
            self._hide_birth(born)
        for name, year in (years_only or {}).items():
            if year is not None and values.get(name) is None:
                self._show_year(name, year)
        self._id_changed()

    def _show_year(self, name: str, year: int) -> None:
        field: DateField = self.editors[name]
        field.blockSignals(True)
        field.setText(f"{year:04d}-**-**")
        field.blockSignals(False)
        field.setReadOnly(True)
        field.setToolTip(self.tr("Only the year is shown to your role: the day of birth is "
                                 "part of the ID number."))

    def _hide_birth(self, born: dt.date) -> None:
        birth: DateField = self.editors["birth_date"]
        self._hidden_birth = born
        birth.blockSignals(True)
        birth.setText(f"{born.year:04d}-**-**")
        birth.blockSignals(False)
        birth.setReadOnly(True)
        birth.setToolTip(self.tr("The day is hidden with the ID number: it is part of it."))

    def _show_birth(self, born: dt.date | None) -> None:
        birth: DateField = self.editors["birth_date"]
        self._hidden_birth = None
        birth.setReadOnly(False)
        birth.setToolTip("")
        birth.set_value(born)

    def load_id(self, number: str) -> None:
        """The full number, revealed by a permitted user (the birth date with it)."""
        born = self._hidden_birth
        self._masked_id = None
        self.editors["id_number"].setText(number)
        if born is not None:
            self._show_birth(born)

    def id_is_masked(self) -> bool:
        """The ID field still shows the masked number it was loaded with."""
        return self._masked_id is not None and self.editors["id_number"].text() == self._masked_id

    def local_problems(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for name, editor in self.editors.items():
            if name == "birth_date" and self._hidden_birth is not None:
                continue
            if isinstance(editor, DateField) and editor.text().endswith("-**-**"):
                continue  # a year shown alone to a role without the unmask permission
            text = editor.local_problem()
            if text:
                found.setdefault(name, []).append(text)
        if self._id_problem:
            found.setdefault("id_number", []).append(self._id_problem)
        return found

    def show_problems(self, problems: Mapping[str, list[str]],
                      warnings: Mapping[str, list[str]]) -> None:
        for name, box in self.boxes.items():
            box.set_problems(problems.get(name, ()))
            box.set_warnings(warnings.get(name, ()))

    # -- the ID number ---------------------------------------------------------------------

    def parsed_id(self) -> idnumber.IdNumber | None:
        text = self.editors["id_number"].text()
        if not text.strip() or self.id_is_masked():
            return None
        try:
            return idnumber.parse(text)
        except ValidationError:
            return None

    def _id_changed(self) -> None:
        if self._hidden_birth is not None and not self.id_is_masked():
            # another number is being typed: the birth date comes from it, not from the
            # stored one (which would give the old number back)
            self._show_birth(None)
        self._parse_id()
        # shown at once, keystroke by keystroke; the dialog's validation adds the rest later
        self.boxes["id_number"].set_problems([self._id_problem] if self._id_problem else [])

    def _parse_id(self) -> None:
        text = self.editors["id_number"].text()
        self._id_problem = None
        if not text.strip() or self.id_is_masked():
            return
        try:
            parsed = idnumber.parse(text)
        except ValidationError as exc:
            self._id_problem = problem_words(exc.problems[0])
            return
        birth: DateField = self.editors["birth_date"]
        sex: ChoiceField = self.editors["sex"]
        if not birth.text().strip():
            birth.set_value(parsed.birth_date)
        if sex.value() in (None, "0", "9"):
            sex.set_value(SEX_CODES[parsed.sex])

    def phone_warnings(self) -> dict[str, list[str]]:
        """A landline typed as the mobile, a mobile typed as the phone (the mobile empty), a
        number that cannot be read: shown beside the field, saved as typed (the service
        refuses only what cannot be a number: letters, a mobile of the wrong length)."""
        found: dict[str, list[str]] = {}
        for p in phone_warnings(self.editors["phone"].value(), self.editors["mobile"].value()):
            found.setdefault(p.field, []).append(problem_words(p))
        return found

    def id_warnings(self) -> list[str]:
        """What disagrees with the ID number: shown, but the user decides (no block)."""
        parsed = self.parsed_id()
        if parsed is None:
            return []
        sex_code = self.editors["sex"].value()
        sex = {code: label for label, code in SEX_CODES.items()}.get(sex_code)
        born: dt.date | None = self.editors["birth_date"].value()
        out = []
        if parsed.legacy15:
            # the clerk saw the 15 digits typed and later 18 in the register without a word
            out.append(self.tr("An old 15-digit number: saved as the 18-digit %1 (the "
                               "register keeps a note of the old form).")
                       .replace("%1", parsed.number))
        for code in idnumber.mismatches(parsed, sex=sex, birth_date=born):
            if code == idnumber.MISMATCH_SEX:
                out.append(self.tr("The ID number says the sex is %1.").replace(
                    "%1", shown(SEX, parsed.sex)))
            else:
                out.append(self.tr("The ID number says the birth date is %1.")
                           .replace("%1", parsed.birth_date.isoformat()))
        return out
