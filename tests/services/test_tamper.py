"""Tamper evidence (issue 16, item 6): each of the 17 tampers with the audit log and each of the
direct edits of data that the hostile run made is done here with plain SQL on a real migrated
database after a real working session, and ``check`` must report it.

The session: an administrator creates a viewer, a clerk registers a person with an honor and
looks at the full ID number (unmask entries), a hardship file is verified, another approved and
paid; the program closes (a signed checkpoint). Then one tamper, then the checks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.database import Database
from desktop.services import audit, seal
from desktop.services.accounts import AccountService
from desktop.services.maintenance import CheckReport, run_checks
from desktop.services.permissions import Actor, Role
from tests.hardship_support import add_people, pay, walk
from tests.person_support import CLERK, draft, honor, service

Tamper = Callable[["Scene"], None]


@dataclass
class Scene:
    db: Database
    path: Path
    admin: Actor
    person: str  # person.id as SQLite stores it (32 hex digits)
    verified_case: str
    paid_case: str
    viewer: int

    def sql(self, *statements: str, params: tuple[object, ...] = ()) -> None:
        con = sqlite3.connect(self.path)
        try:
            for stmt in statements:
                con.execute(stmt, params) if params else con.execute(stmt)
            con.commit()
        finally:
            con.close()

    def rows(self, query: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        con = sqlite3.connect(self.path)
        try:
            return con.execute(query, params).fetchall()
        finally:
            con.close()


def _rehash_from(scene: Scene, first: int) -> None:
    """What a forger with the unkeyed formula does: recompute every hash from ``first`` on and
    write the head to match (the old, unkeyed head format)."""
    entries = scene.rows("SELECT seq, at, actor, action, entity, entity_id, detail, row_state "
                         "FROM audit_event WHERE seq >= ? ORDER BY seq", (first,))
    prev = scene.rows("SELECT hash FROM audit_event WHERE seq = ?", (first - 1,))
    prev_hash = str(prev[0][0]) if prev else audit.GENESIS
    con = sqlite3.connect(scene.path)
    try:
        for seq, at, actor, action, entity, entity_id, detail, state in entries:
            digest = audit.entry_hash(prev_hash, seq, at, actor, action, entity, entity_id,
                                      detail, state)
            con.execute("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?",
                        (prev_hash, digest, seq))
            prev_hash = digest
        last = con.execute("SELECT max(seq) FROM audit_event").fetchone()[0] or 0
        con.execute("UPDATE setting SET value = ? WHERE key = ?",
                    (json.dumps({"seq": last, "hash": prev_hash}), audit.HEAD_KEY))
        con.commit()
    finally:
        con.close()


def _last_seq(scene: Scene) -> int:
    return int(scene.rows("SELECT max(seq) FROM audit_event")[0][0])


def _seq_of(scene: Scene, action: str) -> int:
    return int(scene.rows("SELECT min(seq) FROM audit_event WHERE action = ?", (action,))[0][0])


def _forge_entry(scene: Scene, after: int, action: str, detail: dict[str, object]) -> None:
    """Insert a well-formed entry after ``after`` (shifting the rest) and re-hash."""
    scene.sql("UPDATE audit_event SET seq = -seq - 1 WHERE seq > ?", params=(after,))
    scene.sql("UPDATE audit_event SET seq = -seq WHERE seq < 0")
    at = scene.rows("SELECT at FROM audit_event WHERE seq = ?", (after,))[0][0]
    scene.sql("INSERT INTO audit_event (seq, at, actor, action, entity, entity_id, detail, "
              "prev_hash, hash) VALUES (?, ?, 'rev1', ?, 'hardship_case', ?, ?, '', '')",
              params=(after + 1, at, action, scene.verified_case,
                      json.dumps(detail, ensure_ascii=False, sort_keys=True)))
    _rehash_from(scene, after + 1)


# -- the 17 tampers with the log ---------------------------------------------------------------

def edit_detail(scene: Scene) -> None:
    scene.sql("UPDATE audit_event SET detail = '{}' WHERE seq = ?", params=(3,))


def edit_actor(scene: Scene) -> None:
    scene.sql("UPDATE audit_event SET actor = 'someone' WHERE seq = ?", params=(4,))


def edit_time(scene: Scene) -> None:
    scene.sql("UPDATE audit_event SET at = '2020-01-01T00:00:00.000000Z' WHERE seq = 5")


def delete_middle(scene: Scene) -> None:
    scene.sql("DELETE FROM audit_event WHERE seq = 6")


def reorder(scene: Scene) -> None:
    scene.sql("UPDATE audit_event SET seq = -1 WHERE seq = 6",
              "UPDATE audit_event SET seq = 6 WHERE seq = 7",
              "UPDATE audit_event SET seq = 7 WHERE seq = -1")


def cut_tail(scene: Scene) -> None:
    scene.sql("DELETE FROM audit_event WHERE seq > ?", params=(_last_seq(scene) - 3,))


def cut_tail_fix_head(scene: Scene) -> None:
    scene.sql("DELETE FROM audit_event WHERE seq > ?", params=(_last_seq(scene) - 3,))
    _rehash_from(scene, _last_seq(scene))


def cut_tail_replay_head(scene: Scene) -> None:
    """Cut back to an earlier moment and put back the (sealed) head of that moment."""
    old_head = scene.rows("SELECT value FROM setting WHERE key = ?", (audit.HEAD_KEY,))[0][0]
    keep = json.loads(str(old_head))["seq"]
    with scene.db.sessions.begin() as s:  # the office works on, and closes
        audit.append(s, scene.admin, "register.export", detail={"count": 1})
    AccountService(scene.db.sessions).close(scene.admin)
    scene.sql("DELETE FROM audit_event WHERE seq > ?", params=(keep,))
    scene.sql("UPDATE setting SET value = ? WHERE key = ?", params=(old_head, audit.HEAD_KEY))


def forge_approval_at_end(scene: Scene) -> None:
    _forge_entry(scene, _last_seq(scene), "hardship.approve", {"opinion": "同意"})


def forge_approval_in_middle(scene: Scene) -> None:
    _forge_entry(scene, _seq_of(scene, "hardship.verify"), "hardship.approve",
                 {"opinion": "同意"})


def delete_unmask_and_renumber(scene: Scene) -> None:
    scene.sql("DELETE FROM audit_event WHERE action = 'person.reveal_id'")
    rows = [r[0] for r in scene.rows("SELECT seq FROM audit_event ORDER BY seq")]
    for new, old in enumerate(rows, start=1):
        scene.sql("UPDATE audit_event SET seq = ? WHERE seq = ?", params=(new, old))
    _rehash_from(scene, 1)


def empty_log(scene: Scene) -> None:
    scene.sql("DELETE FROM audit_event", "DELETE FROM setting WHERE key = 'audit.head'")


def empty_log_keep_head(scene: Scene) -> None:
    scene.sql("DELETE FROM audit_event")


def delete_head(scene: Scene) -> None:
    scene.sql("DELETE FROM setting WHERE key = 'audit.head'")


def garble_head(scene: Scene) -> None:
    scene.sql("UPDATE setting SET value = 'x' WHERE key = 'audit.head'")


def strip_head_seal(scene: Scene) -> None:
    """Downgrade: the head written the old, unkeyed way (so a forger need not know the key)."""
    value = json.loads(str(scene.rows("SELECT value FROM setting WHERE key = 'audit.head'")[0][0]))
    scene.sql("UPDATE setting SET value = ? WHERE key = 'audit.head'",
              params=(json.dumps({"seq": value["seq"], "hash": value["hash"]}),))


def rewrite_with_own_key(scene: Scene) -> None:
    """Rewrite the history and re-sign its checkpoints with a key of the forger's own."""
    import base64

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    scene.sql("DELETE FROM audit_event WHERE action = 'person.reveal_id'")
    rows = [r[0] for r in scene.rows("SELECT seq FROM audit_event ORDER BY seq")]
    for new, old in enumerate(rows, start=1):
        scene.sql("UPDATE audit_event SET seq = ? WHERE seq = ?", params=(new, old))
    private = Ed25519PrivateKey.generate()
    public = base64.b64encode(private.public_key().public_bytes(
        Encoding.Raw, PublicFormat.Raw)).decode()
    prev_hash = audit.GENESIS
    for seq, at, actor, action, entity, entity_id, detail, state in scene.rows(
            "SELECT seq, at, actor, action, entity, entity_id, detail, row_state "
            "FROM audit_event ORDER BY seq"):
        if action == seal.CHECKPOINT_ACTION:
            message = f"laomo-audit-checkpoint/1|{seq - 1}|{prev_hash}".encode()
            detail = json.dumps({"seq": seq - 1, "hash": prev_hash, "key": public,
                                 "sig": base64.b64encode(private.sign(message)).decode()},
                                sort_keys=True)
        digest = audit.entry_hash(prev_hash, int(seq), str(at), str(actor), str(action),
                                  entity, entity_id, str(detail), state)
        scene.sql("UPDATE audit_event SET prev_hash = ?, hash = ?, detail = ? WHERE seq = ?",
                  params=(prev_hash, digest, detail, seq))
        prev_hash = digest
    scene.sql("UPDATE setting SET value = ? WHERE key = 'audit.head'",
              params=(json.dumps({"seq": rows and len(rows), "hash": prev_hash}),))


LOG_TAMPERS: dict[str, Tamper] = {
    "edit_detail": edit_detail, "edit_actor": edit_actor, "edit_time": edit_time,
    "delete_middle": delete_middle, "reorder": reorder, "cut_tail": cut_tail,
    "cut_tail_fix_head": cut_tail_fix_head, "cut_tail_replay_head": cut_tail_replay_head,
    "forge_approval_at_end": forge_approval_at_end,
    "forge_approval_in_middle": forge_approval_in_middle,
    "delete_unmask_and_renumber": delete_unmask_and_renumber, "empty_log": empty_log,
    "empty_log_keep_head": empty_log_keep_head, "delete_head": delete_head,
    "garble_head": garble_head, "strip_head_seal": strip_head_seal,
    "rewrite_with_own_key": rewrite_with_own_key,
}


# -- direct edits of the data ------------------------------------------------------------------

def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


DATA_EDITS: dict[str, Tamper] = {
    "name": lambda sc: sc.sql("UPDATE person SET name = '李四' WHERE id = ?", params=(sc.person,)),
    "id_number": lambda sc: sc.sql("UPDATE person SET id_number = '330522195805010011' "
                                   "WHERE id = ?", params=(sc.person,)),
    "soft_delete": lambda sc: sc.sql(f"UPDATE person SET deleted_at = '{_now()}' WHERE id = ?",
                                     params=(sc.person,)),
    "hardship_approved": lambda sc: sc.sql("UPDATE hardship_case SET status = 'approved' "
                                           "WHERE id = ?", params=(sc.verified_case,)),
    "viewer_made_admin": lambda sc: sc.sql("UPDATE user SET role = 'admin' WHERE id = ?",
                                           params=(sc.viewer,)),
    "honor_level_raised": lambda sc: sc.sql("UPDATE honor SET level = '全国' WHERE person_id = ?",
                                            params=(sc.person,)),
    "payment_amount": lambda sc: sc.sql("UPDATE hardship_payment SET amount = amount * 10 "
                                        "WHERE case_id = ?", params=(sc.paid_case,)),
    "person_inserted": lambda sc: sc.sql(
        "INSERT INTO person (id, name, district_id, sex, life_status, row_version) "
        "SELECT '00000000000040008000000000000001', '王五', district_id, '1', 'alive', 1 "
        "FROM person WHERE id = ?", params=(sc.person,)),
    "honor_deleted": lambda sc: sc.sql("DELETE FROM honor WHERE person_id = ?",
                                       params=(sc.person,)),
    "password_replaced": lambda sc: sc.sql(
        "UPDATE user SET password_hash = (SELECT password_hash FROM user WHERE name = 'admin') "
        "WHERE id = ?", params=(sc.viewer,)),
    "payment_deleted": lambda sc: sc.sql("DELETE FROM hardship_payment WHERE case_id = ?",
                                         params=(sc.paid_case,)),
}


# -- the session and the checks ----------------------------------------------------------------

@pytest.fixture
def scene(sqlite_db: Database) -> Scene:
    return build_scene(sqlite_db)


def build_scene(sqlite_db: Database) -> Scene:
    """The working session on a migrated, empty SQLite database (also benchmarks/
    bench_faults.py)."""
    from tests.conftest import initialise

    admin = initialise(sqlite_db)
    accounts = AccountService(sqlite_db.sessions)
    viewer = accounts.create_user(admin, name="view1", display_name="只读", role=Role.VIEWER,
                                  password="viewer-pass-1")
    people = service(sqlite_db, CLERK)
    person = people.create(draft(honors=(honor("湖州市劳动模范", "市级", 2015),)))
    people.reveal_id_number(person, "核对身份")
    people.reveal_id_number(person, "再次核对")
    [first, second] = add_people(sqlite_db, 2)
    verified = walk(sqlite_db, first, "verified")
    paid = walk(sqlite_db, second, "approved")
    pay(sqlite_db, paid)
    accounts.close(admin)
    assert sqlite_db.sqlite_path is not None
    return Scene(sqlite_db, sqlite_db.sqlite_path, admin, person.hex, verified.hex, paid.hex,
                 viewer)


def failed(report: CheckReport) -> dict[str, str]:
    return {i.name: i.detail for i in report.items if not i.ok}


def test_an_untouched_database_passes_and_check_seals_it(scene: Scene) -> None:
    report = run_checks(scene.db)
    assert failed(report) == {}
    assert not report.needs_baseline
    items = {i.name: i.detail for i in report.items}
    assert items["data_state"].split()[0].isdigit() and int(items["data_state"].split()[0]) >= 8
    assert int(items["audit_seal"]) >= 1  # the close's checkpoint, verified
    # the copy outside the database names the close's checkpoint
    with scene.db.sessions.begin() as s:
        outside = seal.read_outside(s)
    assert outside is not None and outside["seq"] == _last_seq(scene) - 1


def test_digests_are_kept_beside_the_detail(scene: Scene) -> None:
    [(detail, state)] = scene.rows(
        "SELECT detail, row_state FROM audit_event WHERE action = 'person.create'")
    assert "person" not in json.loads(str(detail))
    recorded = json.loads(str(state))
    assert set(recorded) == {"person", "honor"} and scene.person in recorded["person"]
    assert "330522" not in str(state)  # digests, no ID number


@pytest.mark.parametrize("name", list(LOG_TAMPERS))
def test_log_tampers_are_detected(scene: Scene, name: str) -> None:
    LOG_TAMPERS[name](scene)
    problems = failed(run_checks(scene.db))
    assert set(problems) & {"audit_chain", "audit_seal"}, (name, problems)


@pytest.mark.parametrize("name", list(DATA_EDITS))
def test_direct_edits_of_data_are_detected(scene: Scene, name: str) -> None:
    DATA_EDITS[name](scene)
    problems = failed(run_checks(scene.db))
    assert "data_state" in problems, (name, problems)
    assert "audit_chain" not in problems  # the log itself is whole: the data moved past it


def test_writes_through_the_program_stay_consistent(scene: Scene) -> None:
    """The same kinds of change made through the services pass: no false alarms."""
    accounts = AccountService(scene.db.sessions)
    accounts.update_user(scene.admin, scene.viewer, role=Role.CLERK)
    people = service(scene.db, CLERK)
    import uuid

    pid = uuid.UUID(scene.person)
    detail = people.get(pid)
    people.update(pid, draft(name="朱荣", honors=(honor("浙江省劳动模范", "省部级", 2018),)),
                  expected_version=detail.row_version)
    assert failed(run_checks(scene.db)) == {}


def test_an_older_database_gets_its_baseline_at_the_first_check(scene: Scene) -> None:
    """A log written before the digests: the first clean check records every row, after which
    an edit shows."""
    scene.sql("UPDATE audit_event SET row_state = NULL")
    _rehash_from(scene, 1)
    scene.sql("DELETE FROM audit_event WHERE action = 'audit.checkpoint'")
    rows = [r[0] for r in scene.rows("SELECT seq FROM audit_event ORDER BY seq")]
    for new, old in enumerate(rows, start=1):
        scene.sql("UPDATE audit_event SET seq = ? WHERE seq = ?", params=(new, old))
    _rehash_from(scene, 1)
    import os

    for f in (Path(os.environ["LAOMO_HOME"]) / "audit").glob("*.json"):
        f.unlink()
    from desktop.services.maintenance import seal_after_check

    report = run_checks(scene.db)
    assert failed(report) == {} and report.needs_baseline
    seal_after_check(scene.db, scene.admin, report)
    assert not run_checks(scene.db).needs_baseline
    DATA_EDITS["name"](scene)
    assert "data_state" in failed(run_checks(scene.db))


def test_digest_is_short_and_keyed_by_the_row() -> None:
    one = seal._digest("person", ("a" * 32, "张三"))
    assert len(one) == 16 and one != seal._digest("person", ("b" * 32, "张三"))
    assert hashlib.sha256(b"").hexdigest() != one


def test_the_programs_bulk_writes_leave_check_clean(sqlite_db: Database, tmp_path: Path
                                                    ) -> None:
    """Demo data, an import (rows written straight to the driver on SQLite), a second import
    that updates, and undoing it: every row is recorded, no false alarm."""
    from desktop.services.demo.service import DemoService
    from desktop.services.imports.importer import ImportService
    from tests.conftest import initialise
    from tests.exchange.import_support import clerk_rows, write_clerk_workbook

    admin = initialise(sqlite_db)
    DemoService(sqlite_db.sessions, admin).generate(members=30, seed=3)
    assert failed(run_checks(sqlite_db)) == {}
    importer = ImportService(sqlite_db.sessions, admin, today=lambda: dt.date(2026, 6, 1))
    rows = clerk_rows()[:3]
    importer.run(write_clerk_workbook(tmp_path / "a.xlsx", rows), dry_run=False)
    assert failed(run_checks(sqlite_db)) == {}
    rows[0][7] = "长兴县供电公司"
    rows[0][8] = "2015年全国劳模、2020年全国五一劳动奖章"
    second = importer.run(write_clerk_workbook(tmp_path / "b.xlsx", rows), dry_run=False)
    assert failed(run_checks(sqlite_db)) == {}
    assert second.batch_id is not None
    importer.undo(second.batch_id)
    assert failed(run_checks(sqlite_db)) == {}


def test_laomo_check_names_a_direct_edit(scene: Scene, run_laomo: Callable[..., object]
                                         ) -> None:
    scene.db.dispose()
    clean = run_laomo("--db", str(scene.path), "--user", "admin", "check")
    assert clean.returncode == 0, clean.stdout + clean.stderr  # type: ignore[attr-defined]
    assert "数据与审计记录一致: 正常" in clean.stdout  # type: ignore[attr-defined]
    DATA_EDITS["viewer_made_admin"](scene)
    done = run_laomo("--db", str(scene.path), "--user", "admin", "check")
    assert done.returncode == 1  # type: ignore[attr-defined]
    assert f"user.changed:1 ({scene.viewer})" in done.stdout  # type: ignore[attr-defined]
    assert "在本程序之外被改动" in done.stdout  # type: ignore[attr-defined]


def test_every_kind_of_statement_is_recorded(scene: Scene) -> None:
    """Bulk statements a service may issue (a composite WHERE, a DELETE by another column, an
    executemany keyed by a bound parameter): the rows they reach are recorded at commit."""
    import uuid

    from sqlalchemy import bindparam, delete, update

    from desktop.models import Honor, Person

    pid = uuid.UUID(scene.person)
    query = "SELECT actor FROM audit_event WHERE action = 'audit.state'"
    before = len(scene.rows(query))
    with scene.db.sessions.begin() as s:
        s.execute(update(Person).where(Person.id == pid, Person.row_version >= 1)
                  .values(name="朱荣"))
    with scene.db.sessions.begin() as s:
        s.execute(delete(Honor).where(Honor.person_id == pid))
    with scene.db.sessions.begin() as s:
        table = Person.__table__
        s.execute(update(table).where(table.c.id == bindparam("b_id"))
                  .values(work_unit=bindparam("b_unit")), [{"b_id": pid, "b_unit": "某厂"}])
    # (the honor gone, the stored treatment level is stale: that check's business)
    assert set(failed(run_checks(scene.db))) == {"treatment_levels"}
    states = scene.rows(query)[before:]
    assert len(states) == 3 and {a for (a,) in states} == {"system"}


@pytest.mark.parametrize("edit", [
    "UPDATE person SET name = '李四'",
    "UPDATE person SET deleted_at = CURRENT_TIMESTAMP",
    "UPDATE \"user\" SET role = 'admin' WHERE name = 'view1'",
])
def test_direct_edits_are_detected_on_both_engines(db: Database, admin: Actor, edit: str
                                                   ) -> None:
    """The digests read the same at the write and at the check on PostgreSQL too (its UUIDs,
    dates and time zones), and an edit past the program shows."""
    from sqlalchemy import text

    AccountService(db.sessions).create_user(admin, name="view1", display_name="只读",
                                            role=Role.VIEWER, password="viewer-pass-1")
    people = service(db, CLERK)
    people.create(draft(honors=(honor("湖州市劳动模范", "市级", 2015),)))
    assert failed(run_checks(db)) == {}
    with db.engine.begin() as conn:  # past the program: no session, no entry
        conn.execute(text(edit))
    assert "data_state" in failed(run_checks(db))
