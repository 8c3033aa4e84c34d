"""The import wizard's dry run shows on the row why a phone cell was kept as written or left
out, and the import writes the numbers where the dry run said."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.services.register.types import RegisterFilter
from desktop.services.workspace import Workspace
from tests.imports.test_import_phones import ROWS, _book
from tests.views.imports.wizard_driver import dry_run


def test_the_wizard_says_why_a_phone_cell_was_kept_or_left_out(
        ws: Workspace, qtbot: Any, tmp_path: Path) -> None:
    wizard = dry_run(ws, qtbot, _book(tmp_path))
    dry = wizard.dry_page
    assert dry.result is not None and dry.result.rejected == 0

    def tip(name: str) -> str:
        line = next(r for r in range(dry.table.rowCount())
                    if dry.table.item(r, 1).text() == name)
        return dry.table.item(line, 3).toolTip()

    assert "有两个手机号码" in tip("王三")
    assert "0572-6O24444" in tip("周七") and "未导入" in tip("周七")
    assert "手机栏已另有号码" in tip("孙六")
    wizard.next()
    run = wizard.run_page
    qtbot.waitUntil(lambda: run.finished_run, timeout=20000)
    assert run.result is not None and run.result.written
    persons = {r.name: r.id for r in ws.register().rows(RegisterFilter(), limit=50)}
    for name, _, _, phone, mobile, _ in ROWS:
        draft = ws.persons().get(persons[name]).draft
        assert (draft.phone, draft.mobile) == (phone, mobile), name
