"""DocumentService: proofs of title, reprints, voids, cards, the seal and the fonts, on a real
database (SQLite and PostgreSQL); every PDF read back with pypdf and pdftotext."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.database import Database
from desktop.errors import AppError, PermissionDenied, ValidationError
from desktop.models import AuditEvent, DocumentLog
from desktop.reports.certificate import certificate_from_content, content_hash, qr_payload
from desktop.services import accounts
from desktop.services.documents.service import DocumentService
from desktop.services.permissions import Actor, Role
from desktop.services.register.types import RegisterFilter
from tests.register_support import RARE_JI, REGISTER, X_ID, ZRR_ID, add_persons
from tests.reports.seal_support import seal_png

SERIAL = re.compile(r"^330522-ZM-\d{4}-\d{4}$")


@pytest.fixture
def ids(db: Database, admin: Actor) -> dict[str, uuid.UUID]:
    return add_persons(db, REGISTER)


@pytest.fixture
def docs(db: Database, admin: Actor) -> DocumentService:
    return DocumentService(db.sessions, admin, db.read_sessions)


def text_of(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    exe = shutil.which("pdftotext")
    assert exe
    return subprocess.run([exe, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pypdf_text(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def viewer(db: Database, admin: Actor) -> Actor:
    accounts.AccountService(db.sessions).create_user(
        admin, name="v1", display_name="只读", role=Role.VIEWER, password="viewer123")
    return accounts.AccountService(db.sessions).login("v1", "viewer123")


def test_certificate_is_issued_logged_and_extracts_back(
        db: Database, docs: DocumentService, ids: dict[str, uuid.UUID], tmp_path: Path) -> None:
    name = "王" + RARE_JI
    issued = docs.certificate(ids[name])
    (serial,) = issued.serials
    assert SERIAL.match(serial)
    for text in (text_of(issued.pdf, tmp_path), pypdf_text(issued.pdf)):
        flat = squeeze(text)
        assert name in flat  # the character above U+FFFF extracts back as itself
        assert "荣誉称号证明" in flat and serial in flat
        assert "湖州市劳动模范" in flat and "2010" in flat
        assert "长兴县劳动模范协会" in flat and "特此证明。" in flat
        assert X_ID not in flat and X_ID[-4:] in flat  # masked by default
    with db.read_sessions.begin() as s:
        row = s.scalars(select(DocumentLog)).one()
        assert (row.serial, row.action, row.kind, row.actor) == (serial, "issue",
                                                                   "certificate", "admin")
        cert = certificate_from_content(json.loads(row.content or ""))
        assert content_hash(cert) == row.content_hash  # what the QR code carries
        assert qr_payload(cert) == f"LMZJ1 {serial} {(row.content_hash or '').upper()}"
        actions = list(s.scalars(select(AuditEvent.action)))
    assert "document.issue" in actions
    second = docs.certificate(ids["朱荣荣"]).serials[0]
    assert int(second[-4:]) == int(serial[-4:]) + 1


def test_unmasking_needs_the_permission_and_a_reason(
        db: Database, docs: DocumentService, admin: Actor, ids: dict[str, uuid.UUID],
        tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        docs.certificate(ids["朱荣荣"], unmask=True, reason=" ")
    weak = DocumentService(db.sessions, viewer(db, admin), db.read_sessions)
    with pytest.raises(PermissionDenied):
        weak.certificate(ids["朱荣荣"], unmask=True, reason="医院要求")
    with pytest.raises(PermissionDenied) as refused:  # a viewer issues no serial at all
        weak.certificate(ids["朱荣荣"])
    assert refused.value.permission == "issue_documents"
    with pytest.raises(PermissionDenied):
        weak.cards(person_ids=[ids["朱荣荣"]])
    masked = docs.certificate(ids["朱荣荣"]).serials[0]
    with pytest.raises(PermissionDenied):
        weak.void(masked, "不要了")  # nor withdraws what was issued
    docs.void(masked, "测试")
    issued = docs.certificate(ids["朱荣荣"], unmask=True, reason="医院要求")
    assert ZRR_ID in squeeze(text_of(issued.pdf, tmp_path))
    with db.read_sessions.begin() as s:
        row = s.scalars(select(DocumentLog).where(DocumentLog.unmasked)).one()
        assert row.reason == "医院要求" and row.serial != masked
        assert ZRR_ID not in (row.content or "")  # the ledger keeps the masked form only


def test_reprint_says_so_and_a_voided_serial_is_never_printed_again(
        db: Database, docs: DocumentService, ids: dict[str, uuid.UUID], tmp_path: Path) -> None:
    serial = docs.certificate(ids["朱荣荣"]).serials[0]
    with pytest.raises(ValidationError):
        docs.reprint(serial, "")
    again = docs.reprint(serial.lower(), "原件遗失")
    flat = squeeze(text_of(again.pdf, tmp_path))
    assert "补打" in flat and serial in flat
    docs.void(serial, "信息有误")
    with pytest.raises(AppError) as e:
        docs.reprint(serial, "再打一次")
    assert e.value.code == "document_voided"
    with pytest.raises(AppError) as e:
        docs.void(serial, "again")
    assert e.value.code == "document_voided"
    with pytest.raises(AppError) as e:
        docs.reprint("330522-ZM-1999-9999", "x")
    assert e.value.code == "document_unknown_serial"
    log = docs.log()
    assert [(x.action, x.reason) for x in log if x.serial == serial] == [
        ("void", "信息有误"), ("reprint", "原件遗失"), ("issue", None)]  # newest first
    assert all(x.voided for x in log)
    assert docs.log(text="朱荣") and not docs.log(text="nobody")


def test_no_kept_honor_no_certificate(docs: DocumentService, ids: dict[str, uuid.UUID]) -> None:
    with pytest.raises(AppError) as e:
        docs.certificate(ids["孙丽"])  # her only honor was revoked
    assert e.value.code == "certificate_no_honors"
    assert docs.log() == []


def test_cards_of_a_filter_ten_per_page_each_with_a_serial(
        db: Database, docs: DocumentService, ids: dict[str, uuid.UUID], tmp_path: Path) -> None:
    issued = docs.cards(filter=RegisterFilter())  # active members: not 王伟, who died
    assert issued.count == len(issued.serials) == len(set(issued.serials)) == 7
    assert all(s.startswith("330522-HY-") for s in issued.serials)
    reader = PdfReader(io.BytesIO(issued.pdf))
    assert len(reader.pages) == 1
    flat = squeeze(text_of(issued.pdf, tmp_path))
    assert "王" + RARE_JI in flat and "会员证" in flat
    for serial in issued.serials:
        assert serial in flat
    chosen = docs.cards(person_ids=[ids["李娜"]])
    assert chosen.count == 1 and "李娜" in squeeze(text_of(chosen.pdf, tmp_path))
    assert len(docs.log()) == 8


def test_cards_are_audited_as_cards_not_as_a_register_export(
        db: Database, docs: DocumentService, ids: dict[str, uuid.UUID]) -> None:
    """A card preview was logged as "导出名册（号码已隐藏）… 用途：列表": a preview is logged
    nowhere (as a certificate's), an issue once, as the cards it is."""
    def actions() -> list[str]:
        with db.sessions.begin() as s:
            return list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))

    before = actions()
    docs.cards(filter=RegisterFilter(), preview=True)
    assert actions() == before
    docs.cards(filter=RegisterFilter())
    assert actions()[len(before):] == ["document.issue_cards"]


def test_seal_must_be_an_image_and_is_drawn(
        db: Database, docs: DocumentService, admin: Actor, ids: dict[str, uuid.UUID]) -> None:
    for bad in (b"not an image at all", seal_png()[:200], b"GIF89a" + bytes(100)):
        with pytest.raises(AppError) as e:
            docs.set_seal(bad, name="seal.png")
        assert e.value.code == "seal_not_image"
    weak = DocumentService(db.sessions, viewer(db, admin), db.read_sessions)
    with pytest.raises(PermissionDenied):
        weak.set_seal(seal_png())
    docs.set_seal(seal_png(), name="seal.png")
    assert docs.document_settings().seal == seal_png()
    pdf = docs.certificate(ids["朱荣荣"]).pdf
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert len(page.images) == 1  # the seal (the QR code is vector)
    docs.set_seal(None)
    assert docs.document_settings().seal is None


def test_administrator_fonts_come_first_and_bad_ones_are_refused(
        docs: DocumentService, tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttf"
    bad.write_bytes(b"\x00\x01\x00\x00" + bytes(30))
    with pytest.raises(AppError) as e:
        docs.set_fonts([str(bad)])
    assert e.value.code == "font_unusable"
    assert docs.document_settings().font_paths == ()
    good = "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"
    found = docs.set_fonts([good])
    assert found.title.source == "configured" and str(found.title.path) == good
    assert docs.document_settings().font_paths == (good,)
    assert docs.fontset().title.path == found.title.path


def test_roster_through_the_service(docs: DocumentService, ids: dict[str, uuid.UUID],
                                    tmp_path: Path) -> None:
    issued = docs.roster(RegisterFilter(text="朱荣荣"))
    assert issued.count == 1 and "朱荣荣" in squeeze(text_of(issued.pdf, tmp_path))
    with pytest.raises(AppError):
        docs.roster(RegisterFilter(text="没有这个人"))


def test_the_qr_code_decodes_to_serial_and_hash(
        db: Database, docs: DocumentService, ids: dict[str, uuid.UUID], tmp_path: Path) -> None:
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbarimg (zbar-tools) is needed: scripts/_bootstrap.py installs it"
    issued = docs.certificate(ids["王" + RARE_JI])
    (tmp_path / "c.pdf").write_bytes(issued.pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(tmp_path / "c.pdf"),
                    str(tmp_path / "page")], check=True)
    decoded = subprocess.run([zbarimg, "-q", "--raw", str(tmp_path / "page-1.png")],
                             capture_output=True, text=True).stdout.strip()
    with db.read_sessions.begin() as s:
        digest = s.scalars(select(DocumentLog.content_hash)).one()
    assert decoded == f"LMZJ1 {issued.serials[0]} {(digest or '').upper()}"


def test_certificates_render_deterministically(docs: DocumentService) -> None:
    import datetime as dt

    from desktop.reports.certificate import Certificate, HonorLine, render_certificates

    cert = Certificate("长兴县劳动模范协会", "330522-ZM-2026-0001", "王" + RARE_JI, "男",
                       dt.date(1966, 6, 1), "330502********123X", "长兴县煤山镇新川村",
                       (HonorLine(2010, "湖州市劳动模范", "市级", "湖州市人民政府"),),
                       dt.date(2026, 11, 28))
    fs = docs.fontset()
    assert render_certificates([cert], fs) == render_certificates([cert], fs)
