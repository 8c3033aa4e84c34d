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


def test_a_deceased_persons_age_column_says_deceased(ws: Workspace) -> None:
    """Not the age the dead person would have reached today."""
    import datetime as dt

    pid = ws.persons().create(PersonDraft(name="李秀英", district="长兴县",
                                          birth_date=dt.date(1936, 5, 1), sex="2"))
    ws.persons().create(PersonDraft(name="王丽华", district="长兴县",
                                    birth_date=dt.date(1960, 5, 1), sex="2"))
    ws.persons().death(pid, dt.date(1986, 6, 1))
    listing = ws.register().search(RegisterFilter())
    model = RegisterTableModel()
    model.set_source(None, listing.total, listing.rows)
    ages = {model.index(r, model.NAME).data(): model.index(r, model.AGE).data()
            for r in range(model.rowCount())}
    assert ages["李秀英"] == "已故" and ages["王丽华"].isdigit()
