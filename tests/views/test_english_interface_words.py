"""Issue 14, point 3: in English mode no interface word is Chinese. Each page and dialog is
read whole (tests/views/english_support.py); only person data (names, work units, districts,
honor titles, free text typed by the clerk) may stay Chinese. Values are still stored as the
Chinese words the prints need."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.register.types import RegisterFilter
from desktop.services.workspace import Workspace
from desktop.views import i18n
from desktop.views.register.person_dialog import PersonDialog
from tests.views.english_support import chinese_words

PLACES = ("field_district", "field_hukou_region", "honor_title", "honor_granting_body",
          "status_to_district", "status_from_district")
"""Choice lists of place names and honor titles: person data, Chinese in both languages."""


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    i18n.install(qapp, "en")
    yield
    i18n.install(qapp, "zh_CN")


def test_the_person_dialog_offers_english_choices(qtbot: QtBot, demo_ws: Workspace,
                                                  english: None) -> None:
    row = next(r for r in demo_ws.register().rows(RegisterFilter(), limit=100)
               if r.treatment_level and r.employment_status)
    detail = demo_ws.persons().get(row.id)
    dialog = PersonDialog(demo_ws, row.id)
    qtbot.addWidget(dialog)
    person = [detail.draft.name, detail.draft.work_unit or "", detail.draft.address or "",
              detail.draft.native_place or "", detail.draft.position or "",
              *(h.title for h in detail.draft.honors),
              *(h.granting_body or "" for h in detail.draft.honors)]
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        found = chinese_words(dialog, data=person, skip=PLACES)
        assert not found, (dialog.tabs.tabText(tab), found)

    fields = dialog.fields.editors
    fields["ethnicity"].select_label("Zhuang")
    fields["political_status"].select_label("Masses")
    fields["employment_status"].select_label("Retired")
    fields["health_status"].setEditText("Good")
    values = dialog.fields.values()
    assert (values["ethnicity"], values["political_status"], values["employment_status"],
            values["health_status"]) == ("08", "13", "离退休", "良好")  # stored as before
    fields["health_status"].setEditText("腰痛")  # free text stays free text
    assert dialog.fields.values()["health_status"] == "腰痛"
    level = dialog.honors.rows[0].level
    assert level.currentText() in ("National", "Provincial", "City", "County")
    assert dialog.honors.rows[0].draft().level in ("全国", "省部级", "市级", "县级")
