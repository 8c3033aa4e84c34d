"""The pairing of ID numbers at the city counts the holders of each number first and reads
rows only for numbers someone else holds too: the dry-run report (nothing written yet, the
city's holder is the only one) and the merge both name the conflict; a number held by the
incoming person alone raises nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.core import idnumber
from tests.handoff.support import enrol, make_office
from tests.handoff.test_handoff_flow import person

SHARED = idnumber.make("330522", dt.date(1958, 6, 1), 31)
ALONE = idnumber.make("330521", dt.date(1966, 2, 3), 33)


def test_a_number_held_in_two_districts_is_named_in_the_dry_run_and_the_merge(
        tmp_path: Path, sqlite_template: Path) -> None:
    city, cx, dq = (make_office(tmp_path, sqlite_template, n)
                    for n in ("湖州市", "长兴县", "德清县"))
    try:
        enrol(city, cx, dq)
        cx.persons().create(person("沈同", "长兴县", SHARED))
        dq.persons().create(person("沈同", "德清县", SHARED))
        dq.persons().create(person("陆独", "德清县", ALONE))
        for office, path in ((cx, tmp_path / "cx.lmpkg"), (dq, tmp_path / "dq.lmpkg")):
            office.handoff().export("2026Q4", path)
            staged = city.handoff().import_file(path.read_bytes())
            assert staged.package_id is not None
            dry = [(i["kind"], i["id_number"]) for i in staged.report["items"]]
            merged = city.handoff(city.reviewer).merge(staged.package_id)
            done = [(i["kind"], i["id_number"]) for i in merged["items"]]
            expected = [] if office is cx else [("same_id", idnumber.mask(SHARED))]  # masked
            assert dry == expected and done == expected, office.name
    finally:
        for office in (city, cx, dq):
            office.db.dispose()
