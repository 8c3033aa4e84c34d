"""Issue 14 (clerk walk-through): a file goes to the reviewers only with its application's
documents; a payment with no standard for its year is pointed out before it is confirmed."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.database import Database
from desktop.errors import AppError
from desktop.services.permissions import Actor
from tests.hardship_support import CAST, add_people, draft, service


def test_a_file_is_submitted_only_with_its_application_documents(
        db: Database, admin: Actor, tmp_path: Path) -> None:
    """All missing: refused naming them, nothing written; the 入户核查记录 and 公示材料 are
    not asked for (the later steps make them); with the rest attached it goes."""
    (person,) = add_people(db, 1)
    clerk = service(db, CAST["maker"])
    case_id = clerk.open(draft(person, category="相对困难"))
    steps = len(clerk.get(case_id).steps)
    with pytest.raises(AppError) as refused:
        clerk.submit(case_id, "本人申请，社区已签字")
    assert refused.value.code == "hardship_documents_missing"
    named = str(refused.value.params["documents"])
    assert named == "本人申请、身份证、户口本、收入证明"
    got = clerk.get(case_id)
    assert got.status == "draft" and len(got.steps) == steps
    for kind in ("本人申请", "身份证", "户口本"):
        scan = tmp_path / f"{kind}.jpg"
        scan.write_bytes(b"\xff\xd8 " + kind.encode())
        clerk.add_attachment(case_id, scan, kind)
    with pytest.raises(AppError) as refused:
        clerk.submit(case_id, "本人申请，社区已签字")
    assert refused.value.params["documents"] == "收入证明"
    scan = tmp_path / "收入证明.jpg"
    scan.write_bytes(b"\xff\xd8 income")
    clerk.add_attachment(case_id, scan, "收入证明")
    clerk.submit(case_id, "本人申请，社区已签字")
    got = clerk.get(case_id)
    assert got.status == "submitted"
    assert set(got.missing_documents) == {"入户核查记录", "公示材料"}
