"""Printed documents (issue 5): rosters, proofs of title, membership cards, and their ledger.

Every certificate and card gets a serial ``<district code>-<ZM|HY>-<year>-<sequence>`` (e.g.
``330522-ZM-2026-0007``); issuing, reprinting (补打, needs a reason) and voiding (作废, needs a
reason) each add a ``document_log`` row and an audit entry in the same transaction. A voided
serial is never printed again. The administrator's fonts and seal image are ``setting`` rows, so
they travel with backups.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core import reference
from desktop.core.masking import mask_id
from desktop.core.vocabulary import SEX, zh
from desktop.errors import AppError, NotFound, ValidationError
from desktop.models import District, DocumentLog, Person
from desktop.services import audit, settings
from desktop.services.base import Service, display_names
from desktop.services.permissions import Perm
from desktop.services.register.service import RegisterService, describe_filter
from desktop.services.register.store import home_district_id
from desktop.services.register.types import RegisterFilter

if TYPE_CHECKING:
    from desktop.reports import fonts

# ReportLab (desktop.reports) is imported inside the functions that print: the main window
# imports this module through the Workspace and must not pay for ReportLab at start-up.

__all__ = ["DocumentLogEntry", "DocumentService", "DocumentSettings", "IssuedDocument",
           "check_seal_image"]


def check_seal_image(data: bytes, *, name: str = "") -> str:
    """Raise ``seal_not_image`` unless the bytes are a PNG or JPEG (for the settings dialog);
    the format otherwise."""
    from desktop.reports.seal import check_image

    return check_image(data, name=name)


FONTS_KEY = "documents.fonts"
SEAL_KEY = "documents.seal"
ROSTER_KEYS = ("seq", "name", "sex", "birth_date", "age", "id_number", "work_unit",
               "treatment_level", "honors", "phone")
"""The columns of the printed roster (ID numbers masked unless unmasked with a reason)."""
KIND_CODES = {"certificate": "ZM", "card": "HY", "hardship_proof": "BF"}  # 证明 / 会员 / 帮扶
MAX_CARDS = 2000
PREVIEW_SERIAL = "（预览：打印或保存时编号）"
"""Printed where the serial goes on a preview: serials are taken when printed or saved."""

_FONTSETS: dict[tuple[str, ...], fonts.FontSet] = {}


@dataclasses.dataclass(frozen=True)
class DocumentSettings:
    """What an administrator configured: font files (first choice) and the seal image."""

    font_paths: tuple[str, ...]
    seal: bytes | None


@dataclasses.dataclass(frozen=True)
class IssuedDocument:
    """A rendered PDF and the serials it carries (none for a roster)."""

    pdf: bytes
    serials: tuple[str, ...] = ()
    count: int = 0


@dataclasses.dataclass(frozen=True)
class DocumentLogEntry:
    """One line of the ledger; ``voided`` tells whether the serial has been voided since."""

    serial: str
    kind: str  # certificate / card
    action: str  # issue / reprint / void
    person_id: uuid.UUID | None
    person_name: str
    actor: str
    at: dt.datetime
    reason: str | None
    unmasked: bool
    voided: bool


def fontset_for(paths: Sequence[str]) -> fonts.FontSet:
    """The fonts for documents with ``paths`` first (cached: discovery runs fc-list)."""
    key = tuple(paths)
    found = _FONTSETS.get(key)
    if found is None:
        from desktop.reports.fonts import find_fonts

        found = _FONTSETS[key] = find_fonts(key)
    return found


def configured_settings(s: Session) -> DocumentSettings:
    """The administrator's fonts and seal (``setting`` rows), read in session ``s``."""
    seal = settings.get(s, SEAL_KEY)
    return DocumentSettings(tuple(settings.get(s, FONTS_KEY) or ()),
                            base64.b64decode(seal) if seal else None)


def pinyin_order(name: str) -> tuple[str, ...]:
    """A name's sort key syllable by syllable (程 cheng after every 陈 chen, not among them:
    the register's joined pinyin puts "chengli" between "chengang" and "chenwei")."""
    from desktop.core.search_keys import SURNAME_READINGS, char_pinyin

    return tuple((SURNAME_READINGS.get(ch) if i == 0 else None) or char_pinyin(ch) or ch
                 for i, ch in enumerate(name))


def inactive_state(p: Person) -> str:
    """Why a person is not an active member ("" when they are): 已故, 称号已撤销, …"""
    if p.life_status == "deceased":
        return "已故"
    if p.is_revoked:
        return "称号已撤销"
    if p.is_emigrated:
        return "已移居境外"
    if p.is_lost_contact:
        return "失联"
    return ""


def active_unless_asked(f: RegisterFilter, everyone: bool) -> RegisterFilter:
    """Cards and rosters go to active members (alive, title kept, not emigrated, in contact)
    unless everyone was asked for, or the deceased explicitly (the roster then marks them)."""
    if everyone or "deceased" in f.life_statuses:
        return f
    return dataclasses.replace(f, active_only=True)


def _reason(reason: str | None, field: str = "reason") -> str:
    why = (reason or "").strip()
    if not why:
        raise ValidationError.single(field, "reason_required")
    return why[:500]


class DocumentService(Service):
    """Renders documents for the views and the command line, and keeps the serial ledger."""


    # -- settings ------------------------------------------------------------------------------

    def document_settings(self) -> DocumentSettings:
        self._actor.require(Perm.PRINT)
        with self._read_sessions.begin() as s:
            return self._settings(s)

    @staticmethod
    def _settings(s: Session) -> DocumentSettings:
        return configured_settings(s)

    def set_fonts(self, paths: Sequence[str]) -> fonts.FontSet:
        """Administrators choose font files to use first; each must be a usable TrueType font
        (``font_unusable`` names the file and why not). An empty list restores discovery."""
        self._actor.require(Perm.MANAGE_SETTINGS)
        from desktop.reports.fonts import find_fonts

        clean = [p.strip() for p in paths if p.strip()]
        found = find_fonts(clean)
        _FONTSETS[tuple(clean)] = found
        with self._sessions.begin() as s:
            settings.put(s, FONTS_KEY, clean)
            audit.append(s, self._actor, "documents.set_fonts", entity="setting",
                         entity_id=FONTS_KEY, detail={"fonts": clean})
        return found

    def set_seal(self, data: bytes | None, *, name: str = "") -> None:
        """Set (PNG/JPEG, checked by decoding it) or remove (None) the seal image."""
        self._actor.require(Perm.MANAGE_SETTINGS)
        kind = check_seal_image(data, name=name) if data is not None else None
        with self._sessions.begin() as s:
            settings.put(s, SEAL_KEY, base64.b64encode(data).decode("ascii") if data else None)
            audit.append(s, self._actor, "documents.set_seal", entity="setting",
                         entity_id=SEAL_KEY, detail={"format": kind, "name": name,
                                                     "bytes": len(data or b"")})

    def fontset(self) -> fonts.FontSet:
        """The fonts documents are printed with (``no_cjk_font`` when there is none)."""
        return fontset_for(self.document_settings().font_paths)

    # -- roster -------------------------------------------------------------------------------

    def roster(self, filter: RegisterFilter, *, unmask: bool = False, reason: str | None = None,
               subtitle: str | None = None, everyone: bool = False) -> IssuedDocument:
        """The register roster (花名册) of ``filter`` as a landscape PDF; the subtitle says the
        filter (``describe_filter``) unless given."""
        from desktop.reports.framework import render
        from desktop.reports.roster import roster_document

        self._actor.require(Perm.PRINT)
        fs = self.fontset()
        register = RegisterService(self._sessions, self._actor, self._read_sessions)
        printed = active_unless_asked(filter, everyone)
        rows = register.export(printed, unmask=unmask, reason=reason, purpose="roster")
        if not rows:
            raise AppError("report_empty")
        # the list on the screen holds them too: the roster says how many it leaves out
        left_out = register.count(filter) - len(rows) if printed != filter else 0
        with self._read_sessions.begin() as s:
            association = self._association(s)
            seal = self._settings(s).seal
            self._roster_order(s, rows)
        if subtitle is None:
            words = describe_filter(filter)
            subtitle = None if words == "全部（未筛选）" else f"筛选条件：{words}"
        if left_out > 0:
            note = f"另有 {left_out} 人已故、称号已撤销、移居境外或失联，未列入"
            subtitle = f"{subtitle}；{note}" if subtitle else note
        columns: tuple[str, ...] = ROSTER_KEYS
        if printed == filter:  # everyone (or the deceased): the inactive are marked, counted
            marks = self._inactive_marks(rows)
            inactive = sum(1 for r in rows if r.get("life_status") == "deceased"
                           or marks.get(str(r["uuid"])))
            if marks:  # 已故 stands in the age column; the other states in 备注
                columns = (*ROSTER_KEYS, "remarks")
                rows = [{**r, "remarks": marks.get(str(r["uuid"]), "")} for r in rows]
            if inactive and filter.life_statuses != ("deceased",):
                note = f"含已故、称号已撤销、移居境外或失联 {inactive} 人（已注明）"
                subtitle = f"{subtitle}；{note}" if subtitle else note
        doc = roster_document(rows, association=association, date=self._today(),
                              subtitle=subtitle, columns=columns)
        doc = dataclasses.replace(doc, seal=seal)
        return IssuedDocument(render(doc, fs), (), len(rows))

    @staticmethod
    def _roster_order(s: Session, rows: list[dict[str, Any]]) -> None:
        """Sort export rows as the roster lists them: the association's district order, then
        names by pinyin syllable by syllable (陈水 before 程鹏俊)."""
        order = {name: n for n, name in enumerate(s.scalars(
            select(District.name).order_by(District.sort_order, District.name)))}
        rows.sort(key=lambda r: (order.get(r.get("district") or "", len(order)),
                                 pinyin_order(str(r.get("name") or ""))))

    def _inactive_marks(self, rows: Sequence[dict[str, Any]]) -> dict[str, str]:
        """uuid -> 称号已撤销、已移居境外、失联 for the printed persons who are not active
        for a reason other than death (the roster prints 已故 where the age would be)."""
        ids = {str(r["uuid"]) for r in rows}
        marks: dict[str, str] = {}
        with self._read_sessions.begin() as s:
            for pid, revoked, emigrated, lost in s.execute(
                    select(Person.id, Person.is_revoked, Person.is_emigrated,
                           Person.is_lost_contact).where(
                        Person.is_revoked | Person.is_emigrated | Person.is_lost_contact)):
                words = [w for w, on in (("称号已撤销", revoked), ("已移居境外", emigrated),
                                         ("失联", lost)) if on]
                if str(pid) in ids and words:
                    marks[str(pid)] = "、".join(words)
        return marks

    # -- certificates -------------------------------------------------------------------------

    def certificate(self, person_id: uuid.UUID, *, unmask: bool = False,
                    reason: str | None = None, preview: bool = False,
                    deceased_reason: str | None = None) -> IssuedDocument:
        """Issue a proof of title (荣誉称号证明) under a new serial, logged and audited, rendered
        in the same transaction. ``preview=True``: the same page without a serial, nothing
        logged (the serial is taken when the proof is printed or saved). For a person who has
        died a reason is required (``certificate_deceased_reason``) and printed on the page."""
        from desktop.reports.certificate import (
            Certificate,
            HonorLine,
            content_hash,
            render_certificates,
        )

        self._actor.require_issuer()
        why = None
        if unmask:
            self._actor.require(Perm.UNMASK)
            why = _reason(reason)
        fs = self.fontset()
        today = self._today()
        with self._sessions.begin() as s:
            person = self._person(s, person_id)
            deceased = ""
            if person.life_status == "deceased":
                why_dead = (deceased_reason or "").strip()
                if not why_dead:
                    raise AppError("certificate_deceased_reason", name=person.name)
                when = (f"已于{person.death_date.year}年{person.death_date.month}月"
                        f"{person.death_date.day}日去世" if person.death_date else "已故")
                # the sentence ends with its own 。: "补助。" typed in printed "补助。。"
                purpose = why_dead[:100].rstrip("。．.；;，,、 　")
                deceased = (f"说明：{person.name}同志{when}。本证明应家属申请出具，"
                            f"用途：{purpose}。")
            serial = PREVIEW_SERIAL if preview else self._next_serial(s, "certificate",
                                                                      today.year)
            kept = sorted((h for h in person.honors
                           if h.deleted_at is None and h.revoked_date is None),
                          key=lambda h: (h.year is None, h.year or 0, h.title))
            cert = Certificate(
                association=self._association(s), serial=serial, name=person.name,
                sex=zh(SEX, person.sex, default=""), birth_date=person.birth_date,
                id_number=(person.id_number if unmask else mask_id(person.id_number)) or "",
                id_masked=mask_id(person.id_number) or "", work_unit=person.work_unit or "",
                honors=tuple(HonorLine(h.year, h.title, h.level, h.granting_body or "")
                             for h in kept),
                issued=today, deceased=deceased,
            )
            pdf = render_certificates([cert], fs, seal=self._settings(s).seal)
            if preview:
                return IssuedDocument(pdf, (), 1)
            self._log(s, serial, "certificate", "issue", person.id, person.name, why,
                      content=cert.content(), content_hash=content_hash(cert), unmasked=unmask)
            return IssuedDocument(pdf, (serial,), 1)

    def reprint(self, serial: str, reason: str, *, unmask: bool = False) -> IssuedDocument:
        """Print an issued certificate again (补打): same serial and content, marked as a
        reprint; needs a reason; refused for a voided serial."""
        from desktop.reports.certificate import certificate_from_content, render_certificates

        self._actor.require_issuer()
        why = _reason(reason)
        if unmask:
            self._actor.require(Perm.UNMASK)
        fs = self.fontset()
        with self._sessions.begin() as s:
            issue, voided = self._issue_row(s, serial)
            if voided:
                raise AppError("document_voided", serial=issue.serial)
            if issue.kind == "hardship_proof":
                pdf = self._reprint_proof(s, issue, fs)
                self._log(s, issue.serial, issue.kind, "reprint", issue.person_id,
                          issue.person_name, why)
                return IssuedDocument(pdf, (issue.serial,), 1)
            if issue.kind != "certificate":
                raise AppError("document_not_certificate", serial=issue.serial)
            cert = certificate_from_content(json.loads(issue.content or "{}"),
                                            reprint_of=_issued_on(issue), printed=self._today())
            if unmask and issue.person_id is not None:
                full = self._person(s, issue.person_id).id_number or ""
                cert = dataclasses.replace(cert, id_number=full, id_masked=cert.id_number)
            pdf = render_certificates([cert], fs, seal=self._settings(s).seal)
            self._log(s, issue.serial, "certificate", "reprint", issue.person_id,
                      issue.person_name, why, unmasked=unmask)
            return IssuedDocument(pdf, (issue.serial,), 1)

    def _reprint_proof(self, s: Session, issue: DocumentLog, fs: fonts.FontSet) -> bytes:
        """A 帮扶证明 again from what was issued, marked 补打 with today's date."""
        from desktop.reports.hardship import proof_from_content
        from desktop.reports.letter import render_letter

        doc = proof_from_content(json.loads(issue.content or "{}"), reprinted=self._today())
        return render_letter(dataclasses.replace(doc, seal=self._settings(s).seal), fs)

    def log_issue(self, s: Session, kind: str, year: int, person_id: uuid.UUID | None,
                  name: str, content: dict[str, Any]) -> str:
        """The next serial of ``kind`` in ``year``, logged as issued in the caller's transaction
        (not audited here: the caller audits what it issued)."""
        serial = self._next_serial(s, kind, year)
        self._log(s, serial, kind, "issue", person_id, name, None,
                  content=content | {"serial": serial}, audited=False)
        return serial

    def void(self, serial: str, reason: str) -> None:
        """Void a serial (作废): it can never be printed again. Needs a reason and the right to
        edit the register (a viewer prints, but does not withdraw what was issued)."""
        self._actor.require(Perm.EDIT_PERSONS)
        why = _reason(reason)
        with self._sessions.begin() as s:
            issue, voided = self._issue_row(s, serial)
            if voided:
                raise AppError("document_voided", serial=issue.serial)
            self._log(s, issue.serial, issue.kind, "void", issue.person_id, issue.person_name,
                      why)

    # -- cards --------------------------------------------------------------------------------

    def cards(self, *, filter: RegisterFilter | None = None,
              person_ids: Sequence[uuid.UUID] = (), preview: bool = False,
              everyone: bool = False) -> IssuedDocument:
        """Membership cards (会员证) for the chosen persons or the filter, one serial each
        (none on a ``preview``: nothing is logged)."""
        from desktop.reports.cards import Card, render_cards

        self._actor.require_issuer()
        fs = self.fontset()
        today = self._today()
        rows: list[dict[str, Any]] = []
        if person_ids:
            with self._read_sessions.begin() as s:
                for pid in person_ids:
                    p = self._person(s, pid)
                    state = inactive_state(p)
                    if state and not everyone:
                        raise AppError("card_not_active", name=p.name, state=state)
                    district = s.get(District, p.district_id)
                    rows.append({"uuid": str(p.id), "name": p.name,
                                 "sex": zh(SEX, p.sex, default=""),
                                 "district": district.name if district else "",
                                 "treatment_level": p.treatment_level,
                                 "highest_honor": p.highest_honor})
        else:
            # a filter for the deceased lists them on a roster (marked), but a membership
            # card goes to a living member unless everyone is asked for, as for one person
            chosen = filter or RegisterFilter()
            # read, not exported: the issue is audited below (a preview, as a certificate's,
            # nowhere), not as "导出名册 … 用途：列表"
            rows = RegisterService(self._sessions, self._actor,
                                   self._read_sessions).document_rows(
                chosen if everyone else dataclasses.replace(chosen, active_only=True),
                limit=MAX_CARDS + 1)
        if not rows:
            raise AppError("report_empty")
        if len(rows) > MAX_CARDS:
            raise AppError("cards_too_many", count=len(rows), limit=MAX_CARDS)
        with self._sessions.begin() as s:
            if not person_ids:  # the serials in the roster's order, to hand out beside it
                self._roster_order(s, rows)
            association = self._association(s)
            serials = ([PREVIEW_SERIAL] * len(rows) if preview
                       else self._next_serials(s, "card", today.year, len(rows)))
            cards = [Card(association, serial, r["name"], r.get("sex") or "",
                          r.get("district") or "", r.get("treatment_level") or "",
                          (r.get("highest_honor") or "").replace("(", "（").replace(")", "）"),
                          today) for serial, r in zip(serials, rows, strict=True)]
            pdf = render_cards(cards, fs, seal=self._settings(s).seal)
            if preview:
                return IssuedDocument(pdf, (), len(cards))
            for card, r in zip(cards, rows, strict=True):
                self._log(s, card.serial, "card", "issue", uuid.UUID(r["uuid"]), card.name,
                          None, content=dataclasses.asdict(card) | {"issued": today.isoformat()},
                          audited=False)
            audit.append(s, self._actor, "document.issue_cards", entity="document_log",
                         detail={"count": len(cards), "first": serials[0],
                                 "last": serials[-1]})  # the serials name the persons
            return IssuedDocument(pdf, tuple(serials), len(cards))

    # -- the ledger ---------------------------------------------------------------------------

    def log(self, *, text: str = "", limit: int = 500) -> list[DocumentLogEntry]:
        """Ledger rows, newest first; ``text`` matches a serial or a name."""
        self._actor.require(Perm.PRINT)
        with self._read_sessions.begin() as s:
            voided = set(s.scalars(select(DocumentLog.serial).where(
                DocumentLog.action == "void")))
            stmt = select(DocumentLog).order_by(DocumentLog.at.desc(), DocumentLog.serial)
            if text.strip():
                like = f"%{text.strip()}%"
                stmt = stmt.where(DocumentLog.serial.like(like)
                                  | DocumentLog.person_name.like(like))
            found = list(s.scalars(stmt.limit(limit)))
            names = display_names(s, (r.actor for r in found))  # 操作人 李录入, not luru
            return [DocumentLogEntry(r.serial, r.kind, r.action, r.person_id, r.person_name,
                                     names.get(r.actor, r.actor), r.at, r.reason, r.unmasked,
                                     r.serial in voided)
                    for r in found]

    def find_person(self, key: str) -> uuid.UUID:
        """A person by UUID or ID number (for ``laomo report certificate --person``). Finding
        someone by a whole ID number confirms who holds it, an unmasking: it needs that
        permission, asked before anything is looked up (a refusal never says whether the
        number is registered)."""
        self._actor.require(Perm.VIEW)
        text = key.strip()
        try:
            return uuid.UUID(text)
        except ValueError:
            pass
        self._actor.require(Perm.UNMASK)
        with self._read_sessions.begin() as s:
            found = list(s.scalars(select(Person.id).where(
                Person.id_number == text.upper(), Person.deleted_at.is_(None),
                Person.merged_into_id.is_(None))))
        if len(found) != 1:
            raise NotFound("person", text)
        return found[0]

    # -- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _person(s: Session, person_id: uuid.UUID) -> Person:
        person = s.get(Person, person_id)
        if person is None or person.deleted_at is not None or person.merged_into_id is not None:
            raise NotFound("person", person_id)
        return person

    @staticmethod
    def _association(s: Session) -> str:
        return settings.association_title(s)

    @staticmethod
    def _prefix(s: Session) -> str:
        name = str(settings.get(s, settings.ASSOCIATION) or "")
        found = reference.find_association(name)
        code = None
        if found is not None:
            city, district = found
            code = (district or city).gbt2260
        if code is None:
            code = s.scalar(select(District.gbt2260).where(District.name == name))
        return code or "LM"

    def _next_serials(self, s: Session, kind: str, year: int, count: int) -> list[str]:
        stem = f"{self._prefix(s)}-{KIND_CODES[kind]}-{year}-"
        last = s.scalar(select(func.max(DocumentLog.serial)).where(
            DocumentLog.action == "issue", DocumentLog.serial.like(stem + "%")))
        start = int(last.rsplit("-", 1)[1]) + 1 if last else 1
        return [f"{stem}{n:04d}" for n in range(start, start + count)]

    def _next_serial(self, s: Session, kind: str, year: int) -> str:
        return self._next_serials(s, kind, year, 1)[0]

    @staticmethod
    def _issue_row(s: Session, serial: str) -> tuple[DocumentLog, bool]:
        wanted = serial.strip().upper()
        issue = s.scalar(select(DocumentLog).where(DocumentLog.serial == wanted,
                                                   DocumentLog.action == "issue"))
        if issue is None:
            raise AppError("document_unknown_serial", serial=wanted)
        voided = s.scalar(select(func.count()).select_from(DocumentLog).where(
            DocumentLog.serial == wanted, DocumentLog.action == "void")) or 0
        return issue, bool(voided)

    def _log(self, s: Session, serial: str, kind: str, action: str,
             person_id: uuid.UUID | None, name: str, reason: str | None, *,
             content: dict[str, Any] | None = None, content_hash: str | None = None,
             unmasked: bool = False, audited: bool = True) -> None:
        s.add(DocumentLog(
            serial=serial, kind=kind, action=action, person_id=person_id, person_name=name,
            content=json.dumps(content, ensure_ascii=False, sort_keys=True) if content else None,
            content_hash=content_hash, unmasked=unmasked, actor=self._actor.name,
            at=dt.datetime.now(dt.UTC), reason=reason,
            origin_district_id=home_district_id(s),  # serials are unique per district
        ))
        if not audited:
            return
        detail: dict[str, Any] = {"serial": serial, "kind": kind}
        if reason:
            detail["reason"] = reason
        if unmasked:
            detail["unmasked"] = True
        audit.append(s, self._actor, f"document.{action}", entity="person",
                     entity_id=person_id, detail=detail)



def _issued_on(issue: DocumentLog) -> dt.date:
    """The day a certificate was first issued, as it printed it (the office's date); the
    stored moment is UTC, whose date is the day before for one issued before 08:00 in
    Beijing (its 补打 said 原件出具于 the wrong day)."""
    issued = json.loads(issue.content or "{}").get("issued")
    if issued:
        return dt.date.fromisoformat(issued)
    at = issue.at if issue.at.tzinfo is not None else issue.at.replace(tzinfo=dt.UTC)
    return at.astimezone().date()
