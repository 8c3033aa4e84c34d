"""Reading a sheet remembers what repeated cells mean (issue 14, import speed): a value read once
must never give another field, another kind of cell or another row a wrong answer."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.exchange.import_read import Cell, RawRow
from desktop.exchange.import_rows import RowInput, interpret
from desktop.exchange.import_values import HonorCell

_FIELDS = ["name", "sex", "ethnicity", "political_status", "education", "birth_date",
           "work_start_date", "honors", "honor_year", "honor_level", "notes", "district",
           "phone", "id_number", "employment_status", "hukou_type", "marital_status"]
MAPPING = dict(enumerate(_FIELDS))


def row(number: int, **cells: Cell) -> RawRow:
    return RawRow(number, tuple(cells.get(f) for f in _FIELDS))


def seen(r: RowInput) -> tuple[object, ...]:
    """Everything a row reading says, types included (1 and 1.0 and True compare equal)."""
    return tuple(repr(x) for x in (r.number, r.values, r.precision, r.honors, r.issues,
                                   r.id_cell, r.notes))


def test_the_same_text_in_different_fields_reads_as_each_field_says() -> None:
    first = interpret(row(2, name="王伟", sex="1", ethnicity="1", political_status="1",
                          notes="1", district="1", birth_date="1965.03", honor_year="1965.03",
                          work_start_date="1965.03"), MAPPING)
    assert first.values["sex"] == "1"
    assert first.values["ethnicity"] == "01"
    assert first.values["political_status"] == "01"
    assert first.values["notes"] == "1"
    assert first.values["district"] == "1"
    assert first.values["birth_date"] == first.values["work_start_date"] == dt.date(1965, 3, 1)
    assert first.precision == {"birth_date": "month", "work_start_date": "month"}
    second = interpret(row(3, name="李娜", sex="1", ethnicity="群众", political_status="汉"),
                       MAPPING)
    assert second.values["sex"] == "1"
    assert [(i.field, i.code) for i in second.issues] == [
        ("ethnicity", "code_unknown"), ("political_status", "code_unknown")]


def test_equal_cells_of_different_kinds_are_read_apart() -> None:
    """1, 1.0, True and "1" are equal keys in a dict; 1965.1 and "1965.10" too close to call."""
    number = interpret(row(2, name="王伟", sex=1, birth_date="1965.10"), MAPPING)
    assert number.values["sex"] == "1"
    assert number.values["birth_date"] == dt.date(1965, 10, 1)
    yes = interpret(row(3, name="王伟", sex=True, birth_date=1965.1), MAPPING)
    assert [(i.field, i.code) for i in yes.issues] == [
        ("sex", "sex_unreadable"), ("birth_date", "date_ambiguous")]
    day = interpret(row(4, name="王伟", birth_date=dt.datetime(1965, 3, 1, 8, 30)), MAPPING)
    assert (day.values["birth_date"], day.precision) == (dt.date(1965, 3, 1),
                                                        {"birth_date": "day"})


def test_a_year_column_given_to_one_row_stays_with_that_row() -> None:
    """The honors cell means the same on every row; the year beside it belongs to its row."""
    with_year = interpret(row(2, name="王伟", honors="省劳模", honor_year=2015), MAPPING)
    assert with_year.honors == [HonorCell("省劳模", "省部级", 2015)]
    with_year.honors.append(HonorCell("乱写", None, None))  # a caller's list is its own
    without = interpret(row(3, name="李娜", honors="省劳模"), MAPPING)
    assert without.honors == [HonorCell("省劳模", "省部级", None)]
    several = interpret(row(4, name="张三", honors="2015年全国劳模、省劳模", honor_year=2010),
                        MAPPING)
    assert several.honors == [HonorCell("全国劳模", "全国", 2015),
                              HonorCell("省劳模", "省部级", 2010)]
    assert [n.code for n in several.notes] == ["honor_year_applied"]
    again = interpret(row(5, name="赵六", honors="2015年全国劳模、省劳模"), MAPPING)
    assert again.honors == [HonorCell("全国劳模", "全国", 2015),
                            HonorCell("省劳模", "省部级", None)]
    assert again.notes == []
    level = interpret(row(6, name="钱七", honors="劳动模范", honor_level="市级"), MAPPING)
    assert level.honors == [HonorCell("劳动模范", "市级", None)]
    bare = interpret(row(7, name="孙八", honors="劳动模范"), MAPPING)
    assert bare.honors == [HonorCell("劳动模范", None, None)]
    assert [i.code for i in bare.issues] == ["honor_level_unknown"]


_POOL = st.sampled_from([
    None, "1", "01", 1, 1.0, True, False, 0.0, -0.0, "男", "汉", "汉族", "群众", "党员",
    "1965.03", "1965.1", 1965.1, 1965.03, 23802, "2015", 2015, "2015年省劳模",
    "省劳模、2010年全国劳模", "全国劳动模范(先后获省劳模、全国劳模)", "市级", "县", "退休",
    "农业", "已婚", "本科", "王　伟", " ", "\u3000", "13812345678", "１３８ 1234 5678",
    dt.date(1965, 3, 1), dt.datetime(1965, 3, 1), dt.datetime(1965, 3, 1, 9),
    "330522196503120119", 330522196503120119.0, "不详"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_POOL, min_size=len(_FIELDS), max_size=len(_FIELDS)),
                min_size=2, max_size=8))
def test_a_row_reads_the_same_whatever_was_read_before(rows: list[list[Cell]]) -> None:
    """Read forwards and backwards: every row must come out the same either way."""
    raw = [RawRow(n + 2, tuple(cells)) for n, cells in enumerate(rows)]
    forwards = [seen(interpret(r, MAPPING)) for r in raw]
    backwards = [seen(interpret(r, MAPPING)) for r in reversed(raw)][::-1]
    assert forwards == backwards
