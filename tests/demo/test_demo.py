"""The demo register generator and the pinyin search keys it fills in.

The generated register is checked against independent rules (ID numbers re-parsed, treatment
level re-derived, audit chain re-verified), not against the generator's own bookkeeping.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core import domain, idnumber
from desktop.core.search_keys import name_keys
from desktop.database import Database
from desktop.errors import AppError, PermissionDenied, ValidationError
from desktop.models import AuditEvent, District, Honor, Person, PersonEvent
from desktop.services import accounts, audit
from desktop.services.accounts import AccountService
from desktop.services.demo.service import DemoResult, DemoService
from desktop.services.permissions import Actor, Role

MEMBERS = 2000
SEED = 20261204  # with TODAY: names with Extension B characters among the 2,000
TODAY = dt.date(2026, 12, 4)  # the day the demo describes: a seed and a day, one register
NATIONAL_YEARS = {1989, 1995, 2000, 2005, 2010, 2015, 2020, 2025}


# -- name_keys -------------------------------------------------------------------------------


def test_name_keys_full_and_initials() -> None:
    assert name_keys("朱荣荣") == ("zhurongrong", "zrr")
    assert name_keys("欧阳修") == ("ouyangxiu", "oyx")


def test_name_keys_polyphonic_surname_only_in_first_position() -> None:
    assert name_keys("单田芳") == ("shantianfang", "stf")
    assert name_keys("曾国藩") == ("zengguofan", "zgf")
    assert name_keys("解缙") == ("xiejin", "xj")
    assert name_keys("翟志刚") == ("zhaizhigang", "zzg")
    assert name_keys("王单") == ("wangdan", "wd")  # a given name keeps the everyday reading


def test_name_keys_leaves_out_what_pypinyin_does_not_know() -> None:
    assert name_keys("王\U00020bb7") == ("wang", "w")  # 𠮷, CJK Extension B
    assert name_keys("\U00020bb7") == ("", "")
    assert name_keys("陈\U0002123c超") == ("chentingchao", "ctc")  # 𡈼 is known: ting
    assert name_keys(" 张 三·丰 ") == ("zhangsanfeng", "zsf")


# -- helpers ---------------------------------------------------------------------------------


@dataclass
class Setup:
    db: Database
    admin: Actor
    path: Path


def make_db(folder: Path, association: str = "湖州市") -> Setup:
    """City mode by default: the city's register spreads over every district."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "t.sqlite3"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    accounts.initialise(db.sessions, association=association, admin_name="admin",
                        admin_password="secret123")
    admin = AccountService(db.sessions).login("admin", "secret123")
    return Setup(db, admin, path)


def audit_count(db: Database) -> int:
    with db.sessions.begin() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def names_and_numbers(db: Database) -> list[tuple[str, str | None]]:
    with db.sessions.begin() as s:
        return [(n, i) for n, i in s.execute(select(Person.name, Person.id_number))]


@dataclass
class Generated:
    setup: Setup
    result: DemoResult
    audit_before: int
    progress: list[tuple[int, int]]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Generated]:
    setup = make_db(tmp_path_factory.mktemp("demo"))
    before = audit_count(setup.db)
    calls: list[tuple[int, int]] = []
    service = DemoService(setup.db.sessions, setup.admin)
    service.chunk_size = 700  # several chunks at a test-sized register
    result = service.generate(MEMBERS, seed=SEED, progress=lambda d, t: calls.append((d, t)),
                              today=TODAY)
    yield Generated(setup, result, before, calls)
    setup.db.dispose()


# -- the register ----------------------------------------------------------------------------


def test_counts_and_progress(generated: Generated) -> None:
    r = generated.result
    assert r.persons == MEMBERS
    assert r.honors >= MEMBERS
    assert r.seconds > 0
    with generated.setup.db.sessions.begin() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == MEMBERS
        assert s.scalar(select(func.count()).select_from(Honor)) == r.honors
        assert s.scalar(select(func.count()).select_from(PersonEvent)) == r.events
        per_person = s.execute(
            select(func.count()).select_from(Honor).group_by(Honor.person_id)
        ).scalars().all()
    assert len(per_person) == MEMBERS
    assert set(per_person) <= {1, 2, 3}
    assert generated.progress == [(700, MEMBERS), (1400, MEMBERS), (MEMBERS, MEMBERS)]


def test_id_numbers_valid_unique_and_agree_with_sex_and_birth_date(generated: Generated) -> None:
    with generated.setup.db.sessions.begin() as s:
        rows = s.execute(
            select(Person.id_number, Person.sex, Person.birth_date, Person.id_legacy15)
        ).all()
    numbers = [r.id_number for r in rows]
    assert None not in numbers
    assert len(set(numbers)) == len(numbers) == MEMBERS
    regions: set[str] = set()
    for number, sex, birth_date, _legacy in rows:
        parsed = idnumber.parse(number)
        assert parsed.number == number  # stored normalised: 18 characters, upper-case X
        assert parsed.birth_date == birth_date
        assert parsed.sex == (idnumber.SEX_MALE if sex == "1" else idnumber.SEX_FEMALE)
        assert 1935 <= birth_date.year <= 1990
        regions.add(number[:6])
    assert {"330502", "330503", "330521", "330522", "330523"} <= regions
    assert any(r[:2] != "33" for r in regions)  # some members come from other provinces
    legacy = [r for r in rows if r.id_legacy15]
    assert 0 < len(legacy) < MEMBERS * 0.03
    # A legacy number is stored upgraded: born 19xx, and the 15-digit form upgrades back to it.
    for number, *_ in legacy:
        assert idnumber.upgrade15(number[:6] + number[8:17]) == number


def test_treatment_level_is_derived_from_kept_honors(generated: Generated) -> None:
    with generated.setup.db.sessions.begin() as s:
        honors: dict[object, list[domain.HonorFacts]] = defaultdict(list)
        for person_id, level, revoked_date, year, title in s.execute(
            select(Honor.person_id, Honor.level, Honor.revoked_date, Honor.year, Honor.title)
        ):
            honors[person_id].append(domain.HonorFacts(level, revoked_date is not None))
            assert year <= 2025
            if title.startswith("全国") and title != "全国五一劳动奖章":
                assert year in NATIONAL_YEARS
                assert level == "全国"
            assert domain.level_for_title(title) == level
        persons = s.execute(
            select(Person.id, Person.treatment_level, Person.is_revoked, Person.birth_date)
        ).all()
        years = dict(s.execute(select(Honor.person_id, func.min(Honor.year))
                               .group_by(Honor.person_id)).all())
    levels = {p.treatment_level for p in persons}
    assert {"全国", "省部级", "市级", "县级"} <= levels
    for pid, level, is_revoked, birth_date in persons:
        assert level == domain.derived_treatment_level(honors[pid])
        assert is_revoked == all(h.revoked for h in honors[pid])
        assert years[pid] >= birth_date.year + 23


def test_rare_character_names_survive_the_database(generated: Generated) -> None:
    with generated.setup.db.sessions.begin() as s:
        rows = s.execute(select(Person.id, Person.name, Person.name_pinyin,
                                Person.name_initials)).all()
    for _pid, name, pinyin, initials in rows:
        assert (pinyin, initials) == name_keys(name)
    rare = [r for r in rows if any(ord(ch) > 0xFFFF for ch in r.name)]
    assert rare, "expected at least one name with a CJK Extension B character"
    # Read the bytes back with the plain sqlite3 driver: real 4-byte UTF-8, not '?' or
    # surrogate pairs, and the same text found again by an exact-match query.
    raw = sqlite3.connect(generated.setup.path)
    try:
        for _pid, name, *_ in rare:
            stored = raw.execute(
                "SELECT hex(name), name FROM person WHERE name = ?", (name,)
            ).fetchall()
            assert stored == [(name.encode("utf-8").hex().upper(), name)]
    finally:
        raw.close()


def test_deaths_have_a_date_and_an_event(generated: Generated) -> None:
    with generated.setup.db.sessions.begin() as s:
        persons = s.execute(select(Person.id, Person.life_status, Person.death_date,
                                   Person.birth_date)).all()
        deaths = dict(s.execute(select(PersonEvent.person_id, PersonEvent.event_date)
                                .where(PersonEvent.kind == "death")).all())
        events = s.execute(select(PersonEvent.kind, PersonEvent.event_date,
                                  PersonEvent.recorded_by)).all()
    deceased = [p for p in persons if p.life_status == "deceased"]
    assert 0.04 * MEMBERS < len(deceased) < 0.13 * MEMBERS
    for pid, status, death_date, birth_date in persons:
        if status == "deceased":
            assert death_date is not None and birth_date < death_date <= TODAY
            assert deaths[pid] == death_date
        else:
            assert death_date is None and pid not in deaths
    assert {"retire", "transfer"} <= {e.kind for e in events}
    assert all(e.event_date <= TODAY and e.recorded_by == "admin" for e in events)


def test_districts_and_statuses(generated: Generated) -> None:
    with generated.setup.db.sessions.begin() as s:
        districts = {d.id: d for d in s.scalars(select(District))}
        persons = s.execute(select(
            Person.district_id, Person.origin_district_id, Person.employment_status,
            Person.is_farmer_model, Person.ethnicity, Person.mobile, Person.address,
        )).all()
    used = {p.district_id for p in persons}
    assert all(districts[d].kind != "city" for d in used)
    assert len(used) == len([d for d in districts.values() if d.kind != "city"])
    assert all(p.origin_district_id == p.district_id for p in persons)
    statuses = {p.employment_status for p in persons}
    assert {"在职", "离退休"} <= statuses
    assert any(p.is_farmer_model for p in persons)
    assert sum(p.ethnicity == "01" for p in persons) > 0.95 * MEMBERS
    for p in persons:
        if p.mobile is not None:
            assert len(p.mobile) == 11 and p.mobile[0] == "1" and p.mobile[1] in "3456789"
        name = districts[p.district_id].name
        assert p.address.startswith("浙江省湖州市")
        assert name in p.address or name == "市本级"


def test_audit_chain_has_one_entry_per_person(generated: Generated) -> None:
    db = generated.setup.db
    with db.sessions.begin() as s:
        report = audit.verify_chain(s)
        creates = s.execute(select(AuditEvent.entity_id, AuditEvent.detail)
                            .where(AuditEvent.action == "person.create")).all()
        summary = s.execute(select(AuditEvent.detail)
                            .where(AuditEvent.action == "demo.generate")).scalars().all()
        ids = {str(i) for i in s.scalars(select(Person.id))}
    assert report.ok, report.problems
    with db.sessions.begin() as s:  # demo hardship files are audited too (issue 6)
        files = s.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "hardship.open")) or 0
        checkpoints = s.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "audit.checkpoint")) or 0
    # + demo.generate, demo.visits, one entry per demo hardship file and the signed
    # checkpoints of every thousand entries (issue 16, item 6)
    assert checkpoints == (generated.audit_before + MEMBERS + 2 + files) // 1000
    assert report.entries == generated.audit_before + MEMBERS + 2 + files + checkpoints
    assert {e for e, _ in creates} == ids
    assert all(json.loads(d) == {"source": "demo", "seed": SEED} for _, d in creates)
    assert len(summary) == 1
    assert json.loads(summary[0])["persons"] == MEMBERS


# -- determinism, cancel, permissions --------------------------------------------------------


def test_same_seed_same_register_other_seed_other_register(
    generated: Generated, tmp_path: Path
) -> None:
    again = make_db(tmp_path / "again")
    other = make_db(tmp_path / "other")
    try:
        DemoService(again.db.sessions, again.admin).generate(MEMBERS, seed=SEED, today=TODAY)
        DemoService(other.db.sessions, other.admin).generate(MEMBERS, seed=SEED + 1,
                                                             today=TODAY)
        first = sorted(names_and_numbers(generated.setup.db))
        assert sorted(names_and_numbers(again.db)) == first
        different = sorted(names_and_numbers(other.db))
        assert different != first
        assert len({n for _, n in different} & {n for _, n in first}) < MEMBERS // 10
    finally:
        again.db.dispose()
        other.db.dispose()


@pytest.mark.parametrize("chunk_size", [5000, 500])
def test_cancel_rolls_everything_back(tmp_path: Path, chunk_size: int) -> None:
    setup = make_db(tmp_path)
    before = audit_count(setup.db)
    asked: list[int] = []

    def is_cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1  # fine before the first chunk, cancelled after it

    progress: list[tuple[int, int]] = []
    service = DemoService(setup.db.sessions, setup.admin)
    service.chunk_size = chunk_size
    with pytest.raises(AppError) as caught:
        service.generate(MEMBERS, seed=3, progress=lambda d, t: progress.append((d, t)),
                         is_cancelled=is_cancelled)
    assert caught.value.code == "cancelled"
    assert progress == [(min(chunk_size, MEMBERS), MEMBERS)]  # the first chunk was written
    with setup.db.sessions.begin() as s:
        for table in (Person, Honor, PersonEvent):
            assert s.scalar(select(func.count()).select_from(table)) == 0
        assert audit.verify_chain(s).ok
    assert audit_count(setup.db) == before
    setup.db.dispose()


def test_viewer_may_not_generate(tmp_path: Path) -> None:
    setup = make_db(tmp_path)
    AccountService(setup.db.sessions).create_user(
        setup.admin, name="viewer", display_name="查看员", role=Role.VIEWER,
        password="viewer123",
    )
    viewer = AccountService(setup.db.sessions).login("viewer", "viewer123")
    assert viewer.role is Role.VIEWER
    with pytest.raises(PermissionDenied):
        DemoService(setup.db.sessions, viewer).generate(10)
    with setup.db.sessions.begin() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0
    setup.db.dispose()


@pytest.mark.parametrize("members", [0, -5, 1_000_001])
def test_member_count_is_checked(tmp_path: Path, members: int) -> None:
    setup = make_db(tmp_path)
    with pytest.raises(ValidationError):
        DemoService(setup.db.sessions, setup.admin).generate(members)
    setup.db.dispose()


def test_county_mode_register_stays_in_its_district(tmp_path: Path) -> None:
    setup = make_db(tmp_path / "county", association="长兴县")
    DemoService(setup.db.sessions, setup.admin).generate(300, seed=5)
    with setup.db.sessions.begin() as s:
        stmt = select(District.name).join(Person, Person.district_id == District.id)
        names = set(s.scalars(stmt))
    assert names == {"长兴县"}


def test_the_whole_register_roster_prints_with_the_set_up_fonts(
        generated: Generated, tmp_path: Path) -> None:
    """The README set-up installs every font the demo data needs (scripts/_bootstrap.py:
    FONT_DEBS, with an Extension B font): the whole register's roster prints, rare names
    included, and extracts back."""
    import shutil
    import subprocess

    from desktop.services.documents.service import DocumentService
    from desktop.services.register.types import RegisterFilter

    db = generated.setup.db
    issued = DocumentService(db.sessions, generated.setup.admin, db.read_sessions).roster(
        RegisterFilter(), everyone=True)

    assert issued.count == MEMBERS
    with db.sessions.begin() as s:
        rare = [n for n in s.scalars(select(Person.name))
                if any(ord(ch) > 0xFFFF or 0x3400 <= ord(ch) <= 0x4DBF for ch in n)]
    assert rare
    path = tmp_path / "花名册.pdf"
    path.write_bytes(issued.pdf)
    exe = shutil.which("pdftotext")
    assert exe, "pdftotext (poppler-utils) is needed"
    text = subprocess.run([exe, "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    assert all(name in text for name in rare), [n for n in rare if n not in text]


def test_two_districts_demo_databases_share_no_record_ids(tmp_path: Path) -> None:
    """Two county offices train with `laomo demo` and the same (default) seed, then practise
    the handoff: the city must not find one district's persons, honors or hardship files to
    be records of the other (the ids were the seed's alone)."""
    from desktop.models import HardshipCase

    made = [make_db(tmp_path / name, association=name) for name in ("长兴县", "安吉县")]
    try:
        ids = []
        for setup in made:
            DemoService(setup.db.sessions, setup.admin).generate(200, seed=1)
            with setup.db.sessions.begin() as s:
                ids.append({*s.scalars(select(Person.id)), *s.scalars(select(Honor.id)),
                            *s.scalars(select(HardshipCase.id))})
        assert ids[0] and ids[1] and not ids[0] & ids[1]
    finally:
        for setup in made:
            setup.db.dispose()
