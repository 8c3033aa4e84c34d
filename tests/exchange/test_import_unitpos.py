"""工作单位及职务 read as work unit and position: split only when certain (no database)."""

from __future__ import annotations

import pytest

from desktop.exchange.import_unitpos import UnitPosition, unit_and_position

UNIT, POSITION = "长兴华源纺织有限公司", "织造车间主任"
STORED = {"registered": True, "stored_unit": UNIT, "stored_position": POSITION}


@pytest.mark.parametrize(("text", "position", "expected"), [
    # a clear separator before a kind of position
    (f"{UNIT} {POSITION}", None, UnitPosition(UNIT, POSITION)),
    ("长兴县人民医院 党委书记、院长", None, UnitPosition("长兴县人民医院", "党委书记、院长")),
    ("长兴县 林城镇 中心小学 校长", None, UnitPosition("长兴县 林城镇 中心小学", "校长")),
    ("浙江长广集团，副经理", None, UnitPosition("浙江长广集团", "副经理")),
    ("长兴县人民医院（院长）", None, UnitPosition("长兴县人民医院", "院长")),
    ("长兴县煤山镇 退休", None, UnitPosition("长兴县煤山镇", "退休")),
    ("长兴技师学院 教师", None, UnitPosition("长兴技师学院", "教师")),
    # no position named: the unit alone (words that are part of unit names do not count)
    ("长兴县教师进修学校", None, UnitPosition("长兴县教师进修学校", None)),
    ("湖州市第一人民医院长兴分院", None, UnitPosition("湖州市第一人民医院长兴分院", None)),
    ("长兴县工人文化宫", None, UnitPosition("长兴县工人文化宫", None)),
    ("长兴县人民医院 内科", None, UnitPosition("长兴县人民医院 内科", None)),
    # a position without a separator: where does the unit end?
    ("长兴县人民医院院长", None, UnitPosition("长兴县人民医院院长", None, "whole")),
    ("长兴县和平镇农民", None, UnitPosition("长兴县和平镇农民", None, "whole")),
    # the 职务 column says where
    ("长兴县人民医院院长", "院长", UnitPosition("长兴县人民医院", "院长")),
    (f"{UNIT} {POSITION}", "厂长", UnitPosition(UNIT, "厂长")),
])
def test_a_new_persons_cell(text: str, position: str | None, expected: UnitPosition) -> None:
    assert unit_and_position(text, position) == expected


@pytest.mark.parametrize(("text", "expected"), [
    (f"{UNIT} {POSITION}", UnitPosition(UNIT, POSITION)),
    (f"{UNIT}  {POSITION}", UnitPosition(UNIT, POSITION)),
    (f"{UNIT}{POSITION}", UnitPosition(UNIT, POSITION)),
    (f"{UNIT}、{POSITION}", UnitPosition(UNIT, POSITION)),
    (f"{UNIT}，{POSITION}", UnitPosition(UNIT, POSITION)),
    ("长兴华源纺织 有限公司织造车间 主任", UnitPosition(UNIT, POSITION)),
    (UNIT, UnitPosition(UNIT, None)),
    # the stored unit begins it: the rest is the position
    (f"{UNIT}织造车间副主任", UnitPosition(UNIT, "织造车间副主任")),
    (f"{UNIT} 工会主席", UnitPosition(UNIT, "工会主席")),
    # …unless the clerk's separator says the unit goes on
    (f"{UNIT}分厂 厂长", UnitPosition(f"{UNIT}分厂", "厂长")),
    (f"{UNIT}（新）", UnitPosition(f"{UNIT}（新）", None)),
    ("长兴县电力局 班长", UnitPosition("长兴县电力局", "班长")),
    ("长兴县人民医院", UnitPosition("长兴县人民医院", None)),
    # cannot tell: the stored unit stays
    ("长兴县人民医院院长", UnitPosition(None, None, "kept")),
])
def test_a_registered_persons_cell(text: str, expected: UnitPosition) -> None:
    assert unit_and_position(text, **STORED) == expected  # type: ignore[arg-type]


def test_a_registered_person_without_a_stored_unit_is_read_as_a_new_one() -> None:
    assert unit_and_position("长兴县人民医院院长", registered=True) == UnitPosition(
        "长兴县人民医院院长", None, "whole")
