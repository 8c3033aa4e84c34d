"""Migration 0003 fills the search haystack and highest honor of existing persons exactly as the
services compute them for new ones."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import select, text

from desktop.core.domain import HonorLabel, highest_honor
from desktop.core.search_keys import name_keys, search_text
from desktop.database import Database
from desktop.models import Person


def test_0003_backfills_search_text_and_highest_honor(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    db.upgrade(target="0002")
    district, person = uuid.uuid4().hex, uuid.uuid4().hex
    pinyin, initials = name_keys("朱荣荣")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO district (id, name, kind) VALUES (:i, '长兴县', 'county')"),
                     {"i": district})
        conn.execute(text(
            "INSERT INTO person (id, name, name_pinyin, name_initials, id_number, work_unit, "
            "mobile, district_id) VALUES (:i, '朱荣荣', :p, :n, '33052219580315123X', "
            "'长兴县人民医院', '13800001234', :d)"), {"i": person, "p": pinyin, "n": initials,
                                                  "d": district})
        for title, level, year, revoked in (("长兴县劳动模范", "县级", 1990, None),
                                            ("浙江省劳动模范", "省部级", 2000, None),
                                            ("全国劳动模范", "全国", 2005, "2010-01-01")):
            conn.execute(text(
                "INSERT INTO honor (id, person_id, title, level, year, revoked_date) "
                "VALUES (:i, :p, :t, :l, :y, :r)"),
                {"i": uuid.uuid4().hex, "p": person, "t": title, "l": level, "y": year,
                 "r": revoked})
    db.upgrade()
    with db.sessions.begin() as s:
        row = s.scalars(select(Person)).one()
        assert row.search_text == search_text(row.name, row.name_pinyin, row.name_initials,
                                              row.id_number, row.work_unit, row.phone, row.mobile)
        assert "zhurongrong" in (row.search_text or "") and "33052219580315123x" in (
            row.search_text or "")
        expected = highest_honor(HonorLabel(h.title, h.level, h.year, h.revoked_date is not None)
                                 for h in row.honors)
        assert row.highest_honor == expected == "浙江省劳动模范(2000)"
    db.dispose()
