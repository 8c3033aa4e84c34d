"""The handoff end to end at service level: enrolment, export, verify, stage, dry-run report,
merge, move pair, receipts, a second quarter with only the changes, undo, and the refusals
(tampered, replayed, gap, unknown or wrong signature, another city, newer schema, truncated)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core import idnumber
from desktop.errors import AppError
from desktop.exchange import handoff_package as pkg
from desktop.exchange.handoff_package import PackageRefused
from desktop.models import AuditEvent, HandoffPackage, Person
from desktop.services import audit
from desktop.services.handoff.keys import KeyStore
from desktop.services.handoff.service import HandoffService
from desktop.services.register.types import HonorDraft, PersonDraft
from tests.conftest import BACKENDS, drop_pg_database
from tests.handoff.support import Office, enrol, make_office, reseal

ID_A = idnumber.make("330522", dt.date(1960, 5, 1), 11)
ID_MOVE = idnumber.make("330522", dt.date(1962, 7, 9), 13)
ID_B = idnumber.make("330521", dt.date(1958, 2, 3), 15)


def person(name: str, district: str, id_number: str) -> PersonDraft:
    return PersonDraft(name=name, district=district, id_number=id_number, sex="1",
                       monthly_income=Decimal("4680.00"),
                       honors=(HonorDraft(title="湖州市劳动模范", level="市级", year=2015),))


def counts(office: Office) -> tuple[int, int]:
    with office.db.sessions.begin() as s:
        return (s.scalar(select(func.count()).select_from(Person)) or 0,
                s.scalar(select(func.count()).select_from(HandoffPackage)) or 0)


def refused(service: HandoffService, data: bytes, code: str, office: Office, **kw: object
            ) -> None:
    before = counts(office)
    with office.db.sessions.begin() as s:
        audit_before = s.scalar(select(func.count()).select_from(AuditEvent))
    with pytest.raises(PackageRefused) as caught:
        service.import_file(data, **kw)  # type: ignore[arg-type]
    assert caught.value.code == code, caught.value
    assert caught.value.exit_code == 3
    assert counts(office) == before
    with office.db.sessions.begin() as s:
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == audit_before


@pytest.fixture
def offices(tmp_path: Path, sqlite_template: Path):  # type: ignore[no-untyped-def]
    made = [make_office(tmp_path, sqlite_template, n) for n in ("湖州市", "长兴县", "德清县")]
    yield made
    for o in made:
        o.db.dispose()


@pytest.fixture(params=BACKENDS)
def engine_offices(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The three offices on each engine under test (the core flow runs on PostgreSQL too:
    the merge has a SQLite fast path and a SQLAlchemy Core one)."""
    if request.param == "sqlite":
        yield request.getfixturevalue("offices")
        return
    template = request.getfixturevalue("pg_template")
    made = [make_office(tmp_path, template, n) for n in ("湖州市", "长兴县", "德清县")]
    yield made
    for o in made:
        name = o.db.url.rsplit("/", 1)[-1]
        o.db.dispose()
        drop_pg_database(name)


def test_two_counties_merge_at_the_city(engine_offices: list[Office], tmp_path: Path) -> None:
    city, cx, dq = engine_offices
    enrol(city, cx, dq)
    peers = city.handoff().peers()
    assert {p.name for p in peers} == {"长兴县", "德清县"}
    assert len(peers[0].grouped.split(" ")) == 8

    # 长兴县: two persons, one moves to 德清县; 德清县: one person and the one who moved in
    a = cx.persons().create(person("朱荣荣", "长兴县", ID_A))
    moved = cx.persons().create(person("钱迁", "长兴县", ID_MOVE))
    cx.persons().move_out(moved, dt.date(2026, 10, 8), "德清县", "工作调动")
    dq.persons().create(person("孙德", "德清县", ID_B))
    moved_in = dq.persons().create(person("钱迁", "德清县", ID_MOVE))
    dq.persons().move_in(moved_in, dt.date(2026, 10, 9), "长兴县")

    e1 = cx.handoff().export("2026Q4", tmp_path / "cx1.lmpkg")
    assert e1.full and e1.sequence == 1 and e1.counts["person"] == 2
    raw_cx1 = (tmp_path / "cx1.lmpkg").read_bytes()
    assert pkg.is_encrypted(raw_cx1) and ID_A.encode() not in raw_cx1
    assert not (tmp_path / "cx1.lmpkg.part").exists()
    dq.handoff().export("2026Q4", tmp_path / "dq1.lmpkg")
    raw_dq1 = (tmp_path / "dq1.lmpkg").read_bytes()

    # dry run: the report, nothing written
    before = counts(city)
    dry = city.handoff().import_file(raw_cx1, dry_run=True)
    assert dry.dry_run and dry.report["counts"]["person"]["new"] == 2
    assert counts(city) == before

    staged = city.handoff().import_file(raw_cx1)
    assert staged.state == "staged"
    with pytest.raises(AppError, match="handoff_maker_checker"):
        city.handoff().merge(staged.package_id)  # the importer may not merge
    city.handoff(city.reviewer).merge(staged.package_id)
    staged_dq = city.handoff().import_file(raw_dq1)
    report = city.handoff(city.reviewer).merge(staged_dq.package_id)

    # the move shows as a pair; the old record points at the new one; origins kept
    pairs = [i for i in report["items"] if i["kind"] == "move_pair"]
    assert len(pairs) == 1 and pairs[0]["status"] == "paired"
    with city.db.sessions.begin() as s:
        old = s.get(Person, moved)
        assert old is not None and old.merged_into_id == moved_in
        live = s.scalars(select(Person.name).where(Person.merged_into_id.is_(None))).all()
        assert sorted(live) == sorted(["朱荣荣", "钱迁", "孙德"])
        names = {p.id: p.origin_district_id for p in s.scalars(select(Person))}
        assert len(set(names.values())) == 2

    # replay of a merged package: refused, nothing written
    refused(city.handoff(), raw_cx1, "package_replay", city)

    # receipts go back; the sent ledger shows them acknowledged
    for office, pid in ((cx, staged.package_id), (dq, staged_dq.package_id)):
        receipt = city.handoff().receipt(pid)
        result = office.handoff().import_file(receipt)
        assert result.kind == "receipt" and result.state == "acknowledged"
        assert [r.state for r in office.handoff().ledger()] == ["acknowledged"]

    # second quarter: only the change travels
    detail = cx.persons().get(a)
    cx.persons().update(a, dataclasses.replace(person("朱荣荣", "长兴县", ID_A),
                                               work_unit="长兴新单位"),
                        expected_version=detail.row_version)
    e2 = cx.handoff().export("2027Q1", tmp_path / "cx2.lmpkg")
    assert not e2.full and e2.sequence == 2
    if cx.db.is_sqlite:
        assert e2.counts["person"] == 1 and e2.counts["person_event"] == 0  # not the moved one
    else:  # PostgreSQL writers run concurrently: rows of the last 10 minutes go again
        assert e2.counts["person"] == 2
    raw_cx2 = (tmp_path / "cx2.lmpkg").read_bytes()

    # tampered part: the signed manifest no longer matches
    def tamper(members: dict[str, bytes]) -> None:
        members["rows/person.jsonl"] = members["rows/person.jsonl"].replace(
            "长兴新单位".encode(), "别的单位".encode())
    refused(city.handoff(), reseal(raw_cx2, city, tamper), "package_tampered", city)
    # truncated file
    refused(city.handoff(), raw_cx2[: len(raw_cx2) // 2], "package_damaged", city)

    s2 = city.handoff().import_file(raw_cx2)
    changed = s2.report["changed_persons"]
    # only what changed: the income stored as 4680.00 and read back as 4680 is no change
    assert changed[0]["fields"] == {"work_unit": [None, "长兴新单位"]}
    city.handoff(city.reviewer).merge(s2.package_id)
    with city.db.sessions.begin() as s:
        assert s.get(Person, a).work_unit == "长兴新单位"  # type: ignore[union-attr]

    # undo as a batch (never by the importer): the city's copy is as before the merge
    with pytest.raises(AppError, match="handoff_maker_checker"):
        city.handoff().undo(s2.package_id, "核对")
    city.handoff(city.reviewer).undo(s2.package_id, "核对")
    with city.db.sessions.begin() as s:
        assert s.get(Person, a).work_unit is None  # type: ignore[union-attr]
    assert [r.state for r in city.handoff().ledger()] == ["receipted", "receipted", "undone"]

    if not city.db.is_sqlite:
        return  # the print and reference packages do not depend on the engine: SQLite only

    # the city prints a 花名册 of the whole city: both counties, the moved person once
    from pypdf import PdfReader

    from desktop.services.register.types import RegisterFilter

    issued = city.ws().documents().roster(RegisterFilter())
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(issued.pdf)).pages)
    assert issued.count == 3
    assert "长兴县" in text and "德清县" in text and "孙德" in text and "朱荣荣" in text

    # reference data back: signed by the trusted city, newer only
    reference = city.handoff().reference()
    applied = cx.handoff().import_file(reference)
    assert applied.kind == "reference" and applied.state == "applied"
    refused(cx.handoff(), reference, "reference_older", cx)
    refused(dq.handoff(), reference.replace(b"reference.json", b"reference.jsox"),
            "package_tampered", dq)
    forged = pkg.build({"kind": "reference", "sender": "湖州市", "sequence": 9},
                       {"reference.json": b"{}"}, KeyStore(cx.keys).signing_private())
    refused(dq.handoff(), forged, "package_bad_signature", dq)


def test_refusals_of_foreign_packages(offices: list[Office], tmp_path: Path,
                                      sqlite_template: Path) -> None:
    city, cx, dq = offices
    enrol(city, cx)  # 德清县 is not registered at the city
    dq.handoff().trust(city.handoff().card())
    cx.persons().create(person("朱荣荣", "长兴县", ID_A))
    dq.handoff().export("2026Q4", tmp_path / "dq.lmpkg")
    refused(city.handoff(), (tmp_path / "dq.lmpkg").read_bytes(), "package_unknown_sender",
            city)

    # another city (same name, its own keys): its packages cannot be opened here
    other = make_office(tmp_path / "other", sqlite_template, "湖州市")
    other_cx = make_office(tmp_path / "other", sqlite_template, "长兴县")
    try:
        enrol(other, other_cx)
        other_cx.handoff().export("2026Q4", tmp_path / "other.lmpkg")
        refused(city.handoff(), (tmp_path / "other.lmpkg").read_bytes(), "package_not_for_us",
                city)
    finally:
        other.db.dispose()
        other_cx.db.dispose()

    cx.handoff().export("2026Q4", tmp_path / "cx.lmpkg")
    raw = (tmp_path / "cx.lmpkg").read_bytes()

    # signed with another key than the one enrolled
    def resign(members: dict[str, bytes]) -> None:
        members["manifest.sig"] = pkg.sign(KeyStore(dq.keys).signing_private(),
                                            members["manifest.json"])
    refused(city.handoff(), reseal(raw, city, resign), "package_bad_signature", city)

    # an extra member smuggled in
    def smuggle(members: dict[str, bytes]) -> None:
        members["../../evil.json"] = b"{}"
    refused(city.handoff(), reseal(raw, city, smuggle), "package_tampered", city)

    # a newer schema than this program
    newer = HandoffService(cx.db.sessions, cx.admin, KeyStore(cx.keys), "9999",
                           cx.db.read_sessions)
    newer.export("2026Q4", tmp_path / "newer.lmpkg")
    refused(city.handoff(), (tmp_path / "newer.lmpkg").read_bytes(), "package_newer_schema",
            city)

    # a gap: a package that builds on one the city never merged
    def gap(members: dict[str, bytes]) -> None:
        manifest = json.loads(members["manifest.json"])
        manifest["base_sequence"] = 5
        members["manifest.json"] = pkg.canonical_json(manifest)
        members["manifest.sig"] = pkg.sign(KeyStore(cx.keys).signing_private(),
                                           members["manifest.json"])
    gapped = reseal(raw, city, gap)
    refused(city.handoff(), gapped, "package_gap", city)
    accepted = city.handoff().import_file(gapped, gap_reason="市里的数据库从备份恢复过")
    assert accepted.state == "staged"


def test_re_enrolment_needs_a_reason_and_revokes_the_old_key(
        offices: list[Office], tmp_path: Path) -> None:
    city, cx, _dq = offices
    enrol(city, cx)
    shutil.rmtree(cx.keys)  # the county lost its keys: a new card
    new_card = cx.handoff().card()
    with pytest.raises(PackageRefused, match="card_key_changed"):
        city.handoff().trust(new_card)
    card = city.handoff().trust(new_card, replace_reason="长兴县电脑更换，电话核对指纹")
    assert [p.fingerprint for p in city.handoff().peers()] == [card.fingerprint]
    with city.db.sessions.begin() as s:
        actions = s.scalars(select(AuditEvent.action).where(
            AuditEvent.action == "handoff.trust")).all()
    assert len(actions) == 2


def test_the_package_carries_a_signed_head_the_city_verifies(offices: list[Office],
                                                             tmp_path: Path) -> None:
    """Issue 16, item 6: the district signs its log's head at export; the city refuses a
    segment whose checkpoint another key signed or whose head the manifest misstates."""
    city, cx, dq = offices
    enrol(city, cx)
    cx.persons().create(person("朱荣荣", "长兴县", ID_A))
    cx.handoff().export("2026Q4", tmp_path / "cx.lmpkg")
    raw = (tmp_path / "cx.lmpkg").read_bytes()

    def read(members: dict[str, bytes]) -> None:
        manifest = json.loads(members["manifest.json"])
        events = [json.loads(x) for x in members["audit.jsonl"].splitlines() if x.strip()]
        assert events[-1]["action"] == "audit.checkpoint"
        assert manifest["audit"]["head_seq"] == events[-1]["seq"]
        assert manifest["audit"]["checkpoint"]["seq"] == events[-1]["seq"] - 1
    reseal(raw, city, read)

    def resign_checkpoint(members: dict[str, bytes]) -> None:
        from desktop.services import seal as sealing

        events = [json.loads(x) for x in members["audit.jsonl"].splitlines() if x.strip()]
        last = events[-1]
        detail = json.loads(last["detail"])
        forged = sealing.checkpoint_detail(detail["seq"], detail["hash"],
                                           KeyStore(dq.keys).signing_private())
        assert forged is not None
        last["detail"] = json.dumps(forged, ensure_ascii=False, sort_keys=True)
        last["hash"] = audit.entry_hash(last["prev_hash"], last["seq"], last["at"],
                                        last["actor"], last["action"], last["entity"],
                                        last["entity_id"], last["detail"])
        members["audit.jsonl"] = pkg.jsonl(events)
        manifest = json.loads(members["manifest.json"])
        manifest["audit"]["head_hash"] = last["hash"]
        body = members["audit.jsonl"]
        manifest["parts"]["audit.jsonl"] = {"sha256": pkg.sha256_hex(body), "size": len(body)}
        members["manifest.json"] = pkg.canonical_json(manifest)
        members["manifest.sig"] = pkg.sign(KeyStore(cx.keys).signing_private(),
                                           members["manifest.json"])
    forged = reseal(raw, city, resign_checkpoint)
    with pytest.raises(PackageRefused) as caught:
        city.handoff().import_file(forged)
    assert caught.value.code == "package_audit_broken"
    assert city.handoff().import_file(raw).state == "staged"
