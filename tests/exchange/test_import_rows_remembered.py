"""Reading a sheet reads each distinct value of a column once (issue 14, import speed): a value
read once must never give another field, another kind of cell or another row a wrong answer;
``split_rows`` must say exactly what ``interpret`` says row by row."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.exchange.import_read import Cell, RawRow
from desktop.exchange.import_rows import RowInput, interpret, is_footer, split_rows
from desktop.exchange.import_values import HonorCell, as_text

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


def read(*rows: RawRow) -> list[RowInput]:
    """The rows read column by column (as an import reads a sheet), checked against reading
    them one by one, each on its own (as the wizard's single rows are)."""
    together, footers = split_rows(list(rows), MAPPING)
    assert footers == []
    alone = [interpret(r, MAPPING) for r in rows]
    assert [seen(r) for r in together] == [seen(r) for r in alone]
    return together


def test_the_same_text_in_different_fields_reads_as_each_field_says() -> None:
    first, second = read(
        row(2, name="王伟", sex="1", ethnicity="1", political_status="1", notes="1",
            district="1", birth_date="1965.03", honor_year="1965.03", work_start_date="1965.03"),
        row(3, name="李娜", sex="1", ethnicity="群众", political_status="汉"))
    assert first.values["sex"] == "1"
    assert first.values["ethnicity"] == "01"
    assert first.values["political_status"] == "01"
    assert first.values["notes"] == "1"
    assert first.values["district"] == "1"
    assert first.values["birth_date"] == first.values["work_start_date"] == dt.date(1965, 3, 1)
    assert first.precision == {"birth_date": "month", "work_start_date": "month"}
    assert second.values["sex"] == "1"
    assert [(i.field, i.code) for i in second.issues] == [
        ("ethnicity", "code_unknown"), ("political_status", "code_unknown")]


def test_equal_cells_of_different_kinds_are_read_apart() -> None:
    """1, 1.0, True and "1" are equal keys in a dict; 1965.1 and "1965.10" too close to call."""
    number, yes, day, no = read(
        row(2, name="王伟", sex=1, birth_date="1965.10", ethnicity=1),
        row(3, name="王伟", sex=True, birth_date=1965.1, ethnicity=True),
        row(4, name="王伟", birth_date=dt.datetime(1965, 3, 1, 8, 30)),
        row(5, name="王伟", sex=0.0, ethnicity=False, honor_year=0))
    assert number.values["sex"] == "1"
    assert number.values["ethnicity"] == "01"
    assert number.values["birth_date"] == dt.date(1965, 10, 1)
    assert [(i.field, i.code) for i in yes.issues] == [
        ("sex", "sex_unreadable"), ("ethnicity", "code_unknown"),
        ("birth_date", "date_ambiguous")]
    assert (day.values["birth_date"], day.precision) == (dt.date(1965, 3, 1),
                                                        {"birth_date": "day"})
    assert [(i.field, i.code) for i in no.issues] == [
        ("sex", "sex_unreadable"), ("ethnicity", "code_unknown"),
        ("honor_year", "date_unreadable")]


def test_a_year_column_given_to_one_row_stays_with_that_row() -> None:
    """The honors cell means the same on every row; the year beside it belongs to its row."""
    with_year, without, several, again, level, bare = read(
        row(2, name="王伟", honors="省劳模", honor_year=2015),
        row(3, name="李娜", honors="省劳模"),
        row(4, name="张三", honors="2015年全国劳模、省劳模", honor_year=2010),
        row(5, name="赵六", honors="2015年全国劳模、省劳模"),
        row(6, name="钱七", honors="劳动模范", honor_level="市级"),
        row(7, name="孙八", honors="劳动模范"))
    assert with_year.honors == [HonorCell("省劳模", "省部级", 2015)]
    assert without.honors == [HonorCell("省劳模", "省部级", None)]
    assert several.honors == [HonorCell("全国劳模", "全国", 2015),
                              HonorCell("省劳模", "省部级", 2010)]
    assert [n.code for n in several.notes] == ["honor_year_applied"]
    assert again.honors == [HonorCell("全国劳模", "全国", 2015),
                            HonorCell("省劳模", "省部级", None)]
    assert again.notes == []
    assert level.honors == [HonorCell("劳动模范", "市级", None)]
    assert bare.honors == [HonorCell("劳动模范", None, None)]
    assert [i.code for i in bare.issues] == ["honor_level_unknown"]
    with_year.honors.append(HonorCell("乱写", None, None))  # a caller's list is its own
    assert read(row(8, name="周九", honors="省劳模"))[0].honors == [
        HonorCell("省劳模", "省部级", None)]


_POOL = st.sampled_from([
    None, "1", "01", 1, 1.0, True, False, 0.0, -0.0, "男", "汉", "汉族", "群众", "党员",
    "1965.03", "1965.1", 1965.1, 1965.03, 23802, "2015", 2015, "2015年省劳模",
    "省劳模、2010年全国劳模", "全国劳动模范(先后获省劳模、全国劳模)", "市级", "县", "退休",
    "农业", "已婚", "本科", "王　伟", " ", "\u3000", "13812345678", "１３８ 1234 5678",
    dt.date(1965, 3, 1), dt.datetime(1965, 3, 1), dt.datetime(1965, 3, 1, 9),
    "330522196503120119", 330522196503120119.0, "不详", "合计", "制表人：王芳", "共 12 人"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_POOL, min_size=len(_FIELDS), max_size=len(_FIELDS)),
                min_size=2, max_size=8))
def test_a_row_reads_the_same_whatever_was_read_before(rows: list[list[Cell]]) -> None:
    """Read forwards and backwards: every row must come out the same either way."""
    raw = [RawRow(n + 2, tuple(cells)) for n, cells in enumerate(rows)]
    forwards = [seen(interpret(r, MAPPING)) for r in raw]
    backwards = [seen(interpret(r, MAPPING)) for r in reversed(raw)][::-1]
    assert forwards == backwards


def one_by_one(rows: list[RawRow], mapping: dict[int, str]) -> tuple[list[RowInput], list[int]]:
    """What the importer did row by row before ``split_rows`` read a sheet column by column."""
    inputs: list[RowInput] = []
    footers: list[int] = []
    name_col = next(i for i, k in mapping.items() if k == "name")
    for r in rows:
        if is_footer(r, mapping) or (footers and (
                name_col >= len(r.cells) or as_text(r.cells[name_col]) is None)):
            footers.append(r.number)
            continue
        inputs.append(interpret(r, mapping))
    return inputs, footers


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_POOL, max_size=len(_FIELDS) + 2), max_size=12),
       st.permutations(_FIELDS), st.booleans())
def test_reading_column_by_column_is_reading_row_by_row(
        rows: list[list[Cell]], fields: list[str], twice: bool) -> None:
    """Rows of any length (trimmed: short ones), columns in any order, a field mapped twice."""
    mapping = {0: "seq", **{n + 1: f for n, f in enumerate(fields)}}
    if twice:
        mapping[len(fields) + 1] = fields[1]
    raw = [RawRow(n + 2, tuple(cells)) for n, cells in enumerate(rows)]
    inputs, footers = split_rows(raw, mapping)
    expected, expected_footers = one_by_one(raw, mapping)
    assert footers == expected_footers
    assert [seen(r) for r in inputs] == [seen(r) for r in expected]


def test_split_rows_leaves_the_collector_as_it_found_it() -> None:
    """It pauses Python's cyclic collector while it makes the rows, never for good."""
    import gc

    rows = [row(2, name="王伟"), RawRow(3, ("合计", None, "共 1 人"))]
    assert gc.isenabled()
    inputs, footers = split_rows(rows, MAPPING)
    assert gc.isenabled() and (len(inputs), footers) == (1, [3])
    gc.disable()
    try:
        split_rows(rows, MAPPING)
        assert not gc.isenabled()
    finally:
        gc.enable()
