"""At the city the person dialog shows a district's record read-only, saying who reported it;
the city's own records stay editable."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.views.register.person_dialog import PersonDialog
from tests.handoff.support import enrol, make_office
from tests.handoff.test_handoff_flow import ID_A, ID_B, person


def test_a_districts_person_opens_read_only_at_the_city(
        qtbot: QtBot, tmp_path: Path, sqlite_template: Path) -> None:
    city, cx = (make_office(tmp_path, sqlite_template, n) for n in ("湖州市", "长兴县"))
    try:
        enrol(city, cx)
        theirs = cx.persons().create(person("朱荣荣", "长兴县", ID_A))
        cx.handoff().export("2026Q4", tmp_path / "cx.lmpkg")
        staged = city.handoff().import_file((tmp_path / "cx.lmpkg").read_bytes())
        assert staged.package_id is not None
        city.handoff(city.reviewer).merge(staged.package_id)
        mine = city.persons().create(person("孙市", "市本级", ID_B))

        dialog = PersonDialog(city.ws(), theirs)
        qtbot.addWidget(dialog)
        assert not dialog.can_edit and dialog.save_button.isHidden()
        # every field locked (the page holding 显示身份证号… stays usable for that button)
        assert not any(e.isEnabled() for e in dialog.fields.editors.values())
        assert not dialog.honors.isEnabled()
        assert all(b.isHidden() for b in dialog._timeline().buttons.values())
        assert "长兴县" in dialog.header.text()

        own = PersonDialog(city.ws(), mine)
        qtbot.addWidget(own)
        assert own.can_edit and not own.save_button.isHidden()
        assert "长兴县" not in own.header.text()
    finally:
        city.db.dispose()
        cx.db.dispose()
