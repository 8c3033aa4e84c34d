"""A person entered without an ID number and without a sex (walk-through, December 2026): the
register showed the stored code "0" (未知的性别) in the 性别 column; it shows nothing, as the
prints and exports do."""

from __future__ import annotations

from desktop.services.register.types import PersonDraft, RegisterFilter
from desktop.services.workspace import Workspace
from desktop.views.register.register_table_model import RegisterTableModel


def test_unknown_sex_is_an_empty_cell_not_a_code(ws: Workspace) -> None:
    ws.persons().create(PersonDraft(name="李秀英", district="长兴县"))
    ws.persons().create(PersonDraft(name="王丽华", district="长兴县", sex="2"))
    listing = ws.register().search(RegisterFilter())
    model = RegisterTableModel()
    model.set_source(None, listing.total, listing.rows)
    shown = {model.index(r, model.NAME).data(): model.index(r, model.SEX).data()
             for r in range(model.rowCount())}
    assert shown == {"李秀英": "", "王丽华": "女"}
