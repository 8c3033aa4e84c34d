"""Long tables print in linear time: the framework must measure every row once and hand
ReportLab one small table per page, never the whole remaining table at every page break (which
made 2,000 visits take 15-30 s). Counted work, not wall time, so a loaded machine cannot make
this flaky: rows handed to ReportLab tables and Paragraph layouts for 4,000 rows against 1,000."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from reportlab.platypus import Paragraph, Table

from desktop.reports.fonts import FontSet, find_fonts
from desktop.reports.framework import Column, Document, Section, render

UNIT = "湖州市吴兴区新能源电池材料与智能装备制造产业园区综合服务管理委员会"


@pytest.fixture(scope="module")
def fontset() -> FontSet:
    return find_fonts(windows_dir=False)


def _document(n: int) -> Document:
    sections = []
    for s in range(0, n, 100):  # a section (title + subtotal spanning rows) every 100 rows
        rows = tuple((str(i + 1), f"张三{i}", "男", UNIT if i % 3 == 0 else "吴兴区", "退休")
                     for i in range(s, min(n, s + 100)))
        sections.append(Section(f"第 {s // 100 + 1} 组", rows, f"本组共 {len(rows)} 人"))
    columns = (Column("序号", 0.8), Column("姓名", 1.4), Column("性别", 0.8),
               Column("工作单位", 3.0), Column("现状", 1.2))
    return Document(association="湖州市劳动模范协会", title="名单", date=dt.date(2026, 11, 28),
                    columns=columns, sections=tuple(sections), total=f"合计：{n} 人")


def _work(fontset: FontSet, n: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int, int]:
    """(rows handed to Table constructors, Paragraph.wrap calls, pages) for ``n`` rows."""
    counts = {"rows": 0, "wraps": 0}
    table_init, para_wrap = Table.__init__, Paragraph.wrap

    def counting_init(self: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        counts["rows"] += len(data)
        table_init(self, data, *args, **kwargs)

    def counting_wrap(self: Any, *args: Any, **kwargs: Any) -> Any:
        counts["wraps"] += 1
        return para_wrap(self, *args, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(Table, "__init__", counting_init)
        m.setattr(Paragraph, "wrap", counting_wrap)
        pdf = render(_document(n), fontset)
    return counts["rows"], counts["wraps"], pdf.count(b"/Type /Page\n")


def test_long_tables_scale_linearly(fontset: FontSet, monkeypatch: pytest.MonkeyPatch) -> None:
    rows_1k, wraps_1k, pages_1k = _work(fontset, 1000, monkeypatch)
    rows_4k, wraps_4k, pages_4k = _work(fontset, 4000, monkeypatch)
    assert pages_1k > 20 and 3.6 < pages_4k / pages_1k < 4.4  # many page breaks, really
    # Linear work is 4x for 4x the rows; re-measuring the remaining rows per page would be ~16x.
    assert rows_4k / rows_1k < 4.5, (rows_1k, rows_4k)
    assert wraps_4k / wraps_1k < 4.5, (wraps_1k, wraps_4k)
    # Every row goes into exactly one page's table (plus the repeated header per page).
    assert rows_4k <= 4000 + 2 * 40 + 1 + 2 * pages_4k
