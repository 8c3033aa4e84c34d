"""What the 报送 wizard shows before writing: counts of what travels and the persons changed
since the last package the city acknowledged (new, changed, died ...), the same rows the
export then writes; and the written file's size and SHA-256."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

from desktop.core import idnumber
from desktop.services.handoff.preview import file_fingerprint, mask_name
from desktop.services.register.types import HonorDraft, PersonDraft
from tests.handoff.support import enrol, make_office


def draft(name: str, sequence: int) -> PersonDraft:
    return PersonDraft(name=name, district="长兴县", sex="1",
                       id_number=idnumber.make("330522", dt.date(1960, 5, 1), sequence),
                       honors=(HonorDraft(title="长兴县劳动模范", level="县级", year=2012),))


def test_preview_counts_and_changes_since_the_acknowledged_package(
        tmp_path: Path, sqlite_template: Path) -> None:
    city = make_office(tmp_path, sqlite_template, "湖州市")
    county = make_office(tmp_path, sqlite_template, "长兴县")
    try:
        persons = county.persons()
        stays = persons.create(draft("朱荣荣", 11))
        dies = persons.create(draft("王建国", 13))
        persons.create(draft("李红", 15))
        first = county.ws().handoff_preview().preview()
        assert first.full and first.next_sequence == 1 and first.city is None
        assert first.counts["person"] == 3 and first.counts["honor"] == 3
        assert first.changes["new"] == 3 and sum(first.changes.values()) == 3
        assert first.audit_entries > 0

        enrol(city, county)
        assert county.ws().handoff_preview().preview().city == "湖州市"
        written = county.handoff().export("2026Q3", tmp_path / "q3.lmpkg")
        assert written.counts["person"] == first.counts["person"]
        staged = city.handoff().import_file((tmp_path / "q3.lmpkg").read_bytes())
        city.handoff(city.reviewer).merge(staged.package_id)
        county.handoff().import_file(city.handoff().receipt(staged.package_id))

        detail = persons.get(stays)
        persons.update(stays, dataclasses.replace(draft("朱荣荣", 11), work_unit="长兴织造厂"),
                       expected_version=detail.row_version)
        persons.death(dies, dt.date(2026, 10, 3))
        persons.create(draft("赵小燕", 17))
        later = county.ws().handoff_preview().preview()
        assert not later.full and later.base_sequence == 1 and later.base_quarter == "2026Q3"
        assert later.next_sequence == 2
        assert later.changes == {"new": 1, "changed": 1, "deleted": 0, "died": 1, "revoked": 0,
                                 "moved": 0, "lost_contact": 0}
        assert {(p.name, p.kind) for p in later.persons} == {
            ("朱荣荣", "changed"), ("王建国", "died"), ("赵小燕", "new")}
        # what the wizard counted is what the package holds
        second = county.handoff().export("2026Q4", tmp_path / "q4.lmpkg")
        assert second.counts["person"] == later.counts["person"] == 3
        fp = file_fingerprint(second.path)
        data = second.path.read_bytes()
        assert fp.size == len(data) and fp.sha256 == hashlib.sha256(data).hexdigest()
        assert fp.grouped.replace(" ", "") == fp.sha256 and fp.grouped[4] == " "
    finally:
        city.db.dispose()
        county.db.dispose()


def test_deleted_persons_are_counted_as_deleted_not_changed(
        tmp_path: Path, sqlite_template: Path) -> None:
    """A tombstone travels (a duplicate merged into another record, an undone import): the
    wizard says 删除/注销, not 修改."""
    county = make_office(tmp_path, sqlite_template, "长兴县")
    try:
        keep = county.persons().create(draft("朱荣荣", 11))
        duplicate = county.persons().create(dataclasses.replace(
            draft("朱荣荣", 11), id_number=None, work_unit="长兴织造厂", honors=()))
        county.ws().duplicates().merge(keep, duplicate, reason="同一人重复录入")
        preview = county.ws().handoff_preview().preview()
        assert preview.changes["deleted"] == 1 and preview.changes["changed"] == 0
        assert sorted(p.kind for p in preview.persons) == ["deleted", "new"]
        written = county.ws().handoff_preview().preview().counts["person"]
        assert written == 2  # the tombstone travels too
    finally:
        county.db.dispose()


def test_mask_name() -> None:
    assert [mask_name(n) for n in ("朱荣荣", "王强", "李", "欧阳小燕")] == [
        "朱*荣", "王*", "李", "欧**燕"]
