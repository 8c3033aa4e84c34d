"""The hardship documents, one method each for the window and the command line: files read,
words chosen, IDs and accounts masked, laid out by ``desktop.reports.hardship`` and rendered with
the administrator's fonts (``Printer``); every method returns the PDF's bytes.

Printing needs the print permission; a proof of assistance (帮扶证明) needs an approved file
with at least one payment, takes the next serial of its year in the document ledger and is
audited in the same transaction as it is rendered, so every proof handed out can be traced. Its
preview (``preview=True``) takes no serial.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.domain import HonorLabel, best_honor
from desktop.core.masking import birth_label, birth_month_printed, mask_id, mask_phone
from desktop.core.money import yuan
from desktop.core.vocabulary import HARDSHIP_STATUS, HARDSHIP_STEPS, SEX, zh
from desktop.errors import AppError
from desktop.models import District, HardshipCase, HardshipPayment, Honor, Person
from desktop.reports.framework import Document, format_date
from desktop.reports.hardship import (
    CaseSheet,
    case_sheet_document,
    notice_document,
    payments_document,
    proof_content,
    proof_from_content,
)
from desktop.services import audit, settings
from desktop.services.base import Service, display_names, signing_name
from desktop.services.documents.printer import Printer
from desktop.services.documents.service import PREVIEW_SERIAL, IssuedDocument
from desktop.services.hardship.rules import REJECT_REASONS, causes, mask_account
from desktop.services.hardship.store import detail, load_case
from desktop.services.hardship.workflow import local_date
from desktop.services.permissions import Perm

BAND_WORDS = {"below_line": "低于低保标准", "below_double": "低于 2 倍低保标准",
              "above": "高于 2 倍低保标准"}


def _d(day: dt.date | None) -> str:
    """A date in a table: 2026.06.01 (text says 2026年6月1日, ``format_date``)."""
    return f"{day.year}.{day.month:02d}.{day.day:02d}" if day else ""


class HardshipPrint(Service):
    """Documents about hardship files."""


    def _association(self, s: Session) -> str:
        return settings.association_title(s)

    def _printer(self) -> Printer:
        printer = Printer(self._read_sessions)
        printer.fontset()  # no font: said before anything is read or a serial is taken
        return printer

    def case_sheet(self, case_id: uuid.UUID) -> bytes:
        """困难劳模档案表 of one file (PDF). The phone numbers are masked unless the user may
        unmask (issue 16, item 8); every print is audited, saying which it was."""
        self._actor.require(Perm.PRINT)
        printer = self._printer()
        full = self._actor.can(Perm.UNMASK)
        pdf = printer.render(self._case_sheet(case_id, full_phone=full))
        with self._sessions.begin() as s:
            audit.append(s, self._actor, "hardship.print_sheet", entity="hardship_case",
                         entity_id=case_id, detail={"full_numbers": full})
        return pdf

    def notice(self, case_ids: Sequence[uuid.UUID] = ()) -> bytes:
        """公示名单 (PDF) of the given files, or of every file now in notice."""
        self._actor.require(Perm.PRINT)
        printer = self._printer()
        doc, serials = self._notice(case_ids)
        pdf = printer.render(doc, seal=True)
        # a list that names people leaves with its trace (as the register's, register.export)
        self._audit_list("hardship.print_notice", count=len(serials), serials=serials)
        return pdf

    def payments(self, *, year: int | None = None, kind: str | None = None,
                 district: str | None = None) -> bytes:
        """发放签收表 (PDF) of the payments of a year (and kind, district)."""
        self._actor.require(Perm.PRINT)
        printer = self._printer()
        doc = self._payments(year=year, kind=kind, district=district)
        pdf = printer.render(doc)
        self._audit_list("hardship.print_payments", count=doc.row_count, year=year, kind=kind,
                         district=district)
        return pdf

    def _audit_list(self, action: str, **detail: object) -> None:
        """Who printed which list of how many, and when; never a personal value."""
        with self._sessions.begin() as s:
            audit.append(s, self._actor, action, entity="hardship_case",
                         detail={k: v for k, v in detail.items() if v not in (None, [])})

    def _case_sheet(self, case_id: uuid.UUID, *, full_phone: bool) -> Document:
        with self._read_sessions.begin() as s:
            case = load_case(s, case_id)
            got = detail(s, case)
            person = s.get(Person, case.person_id)
            assert person is not None
            honors = s.scalars(select(Honor).where(
                Honor.person_id == person.id, Honor.deleted_at.is_(None),
                Honor.revoked_date.is_(None)).order_by(Honor.year)).all()
            names = causes()
            facts = (
                ("姓名", person.name), ("性别", zh(SEX, person.sex, default="")),
                ("身份证号码", got.person_id_number),
                (birth_label("*" in (got.person_id_number or "")),
                 birth_month_printed(person.birth_date, got.person_id_number)),
                ("区县", got.district), ("工作单位", person.work_unit or ""),
                ("荣誉称号", "；".join(f"{h.year or ''} {h.title}".strip() for h in honors)),
                ("就业情况", person.employment_status or ""),
                ("联系电话", (person.mobile or person.phone or "") if full_phone
                 else mask_phone(person.mobile or person.phone)),
                ("通讯地址", person.address or ""),
                ("健康状况", got.health_status or ""), ("残疾情况", got.disability or ""),
                ("住房情况", (got.housing_type or "") + (f"，{got.housing_area} 平方米"
                                                         if got.housing_area else "")),
                ("参保情况", got.insurance or ""),
                ("开户银行", got.bank_name or ""), ("银行账号", got.bank_account),
                ("困难类别", got.category), ("备注", got.notes or ""),
            )
            line = got.income.dibao_line
            income = (
                ("本人月收入", yuan(got.person_income)), ("其他月收入", yuan(got.other_income)),
                ("家庭月总收入", yuan(got.income.household)),
                ("刚性支出", yuan(got.fixed_costs)),
                ("家庭人口", f"{got.household_size} 人"),
                ("人均月收入", yuan(got.income.per_capita)),
                ("低保标准", yuan(line) if line is not None else "未设置"),
                ("2 倍低保标准", yuan(2 * line) if line is not None else "未设置"),
                ("对照结果", BAND_WORDS.get(got.income.band or "", "")), ("", ""),
            )
            cause = (("主要致困原因", names.get(got.main_cause, got.main_cause)),
                     ("次要致困原因", "、".join(names.get(c, c) for c in got.secondary_causes)))
            who = display_names(s, [st.actor for st in got.steps])
            # each step on the office's calendar (stored in UTC: a step at 07:30 in Beijing
            # printed the day before), written as the table's other dates (2026.05.04)
            checks = tuple(
                (_d(local_date(st.at)), zh(HARDSHIP_STEPS, st.action),
                 _shown_name(st.actor, st.actor_display, who),
                 _step_text(st.action, st.opinion, st.detail))
                for st in got.steps
                if st.action not in ("payment", "attach", "retype", "detach"))
            payments = tuple((_d(p.paid_on), p.kind, yuan(p.amount), p.payer)
                             for p in got.payments)
            sheet = CaseSheet(
                serial=got.serial, year=got.year, status=zh(HARDSHIP_STATUS, got.status),
                facts=facts,
                members=tuple((f"{m.name}（{m.relation}）", m.id_number,
                               "，".join(x for x in (m.health, m.status) if x), yuan(m.income))
                              for m in got.members),
                income=income, causes=cause, checks=checks, payments=payments,
                # what was paid in all, as the proof of assistance and the list of files say
                paid_total=f"合计：{len(got.payments)} 笔，"
                           f"{yuan(sum(p.amount for p in got.payments))} 元")
            return case_sheet_document(sheet, association=self._association(s),
                                       date=self._today())

    def _notice(self, case_ids: Sequence[uuid.UUID]) -> tuple[Document, list[str]]:
        with self._read_sessions.begin() as s:
            stmt = (select(HardshipCase, Person, District.name)
                    .join(Person, Person.id == HardshipCase.person_id)
                    .join(District, District.id == HardshipCase.district_id)
                    .where(HardshipCase.deleted_at.is_(None))
                    .order_by(District.sort_order, HardshipCase.serial))
            stmt = (stmt.where(HardshipCase.id.in_(tuple(case_ids))) if case_ids
                    else stmt.where(HardshipCase.status == "notice"))
            found = s.execute(stmt).all()
            if not found:
                raise AppError("report_empty")
            # only files approved for publication (in notice) are published: never a draft,
            # a rejected or a closed file
            hidden = [c.serial for c, _p, _d in found if c.status != "notice"]
            if hidden:
                raise AppError("hardship_notice_not_public", serials="、".join(hidden))
            rows = [(district, person.name, person.work_unit or "", case.category,
                     _period(case.notice_start, case.notice_end))
                    for case, person, district in found]
            contact = str(settings.get(s, settings.CONTACT) or "")
            return notice_document(rows, association=self._association(s), date=self._today(),
                                   contact=contact), [c.serial for c, _p, _d in found]

    def _payments(self, *, year: int | None, kind: str | None,
                  district: str | None) -> Document:
        with self._read_sessions.begin() as s:
            stmt = (select(HardshipPayment, HardshipCase.serial, Person.name,
                           Person.id_number, District.name)
                    .join(HardshipCase, HardshipCase.id == HardshipPayment.case_id)
                    .join(Person, Person.id == HardshipPayment.person_id)
                    .join(District, District.id == HardshipCase.district_id)
                    .where(HardshipPayment.deleted_at.is_(None))
                    .order_by(District.sort_order, HardshipPayment.paid_on, HardshipCase.serial))
            words = []
            if year is not None:
                stmt = stmt.where(HardshipPayment.year == year)
                words.append(f"{year} 年度")
            if kind:
                stmt = stmt.where(HardshipPayment.kind == kind)
                words.append(kind)
            if district:
                stmt = stmt.where(District.name == district)
                words.append(district)
            found = s.execute(stmt).all()
            if not found:
                raise AppError("report_empty")
            rows = [(d, name, serial, mask_id(number), p.kind, p.amount, _d(p.paid_on),
                     mask_account(p.bank_account), p.notes or "")
                    for p, serial, name, number, d in found]
            return payments_document(rows, association=self._association(s),
                                     date=self._today(),
                                     subtitle="　".join(words) if words else None)

    def proof(self, case_id: uuid.UUID, *, preview: bool = False) -> IssuedDocument:
        """帮扶证明 under the next serial of the year in the document ledger
        (``<district code>-BF-2026-0001``, reprinted and voided on the 证书登记 page like proofs
        of title), stamped with the configured seal; audited. Refused
        (``hardship_proof_not_approved``, ``hardship_proof_rejected``,
        ``hardship_proof_unpaid``) before anything is taken. ``preview=True`` shows the same
        page without a serial (nothing logged): the serial is taken when it is printed or
        saved."""
        from desktop.services.documents.service import DocumentService

        self._actor.require_issuer()
        printer = self._printer()
        today = self._today()
        with self._sessions.begin() as s:
            case = load_case(s, case_id)
            if case.status == "rejected":
                raise AppError("hardship_proof_rejected", serial=case.serial)
            if case.status not in ("approved", "review", "closed"):  # not yet: said so
                raise AppError("hardship_proof_not_approved", serial=case.serial)
            got = detail(s, case)
            if not got.payments:
                raise AppError("hardship_proof_unpaid", serial=got.serial)
            content = proof_content(
                name=got.person_name, id_number=got.person_id_number, district=got.district,
                honor=_proof_honor(s, case.person_id),
                file_serial=got.serial, category=got.category, approved_on=got.decided_on,
                payments=[(_d(p.paid_on), p.kind, p.amount) for p in got.payments],
                association=self._association(s), date=today,
                deceased=got.person_deceased, died_on=got.person_death_date)
            if preview:
                return IssuedDocument(printer.render(
                    proof_from_content(content | {"serial": PREVIEW_SERIAL}), seal=True), (), 1)
            serial = DocumentService(self._sessions, self._actor).log_issue(
                s, "hardship_proof", today.year, case.person_id, got.person_name, content)
            audit.append(s, self._actor, "hardship.proof", entity="hardship_case",
                         entity_id=case.id, detail={"serial": serial})
            # rendered inside the transaction: a proof that cannot be printed takes no serial
            pdf = printer.render(proof_from_content(content | {"serial": serial}), seal=True)
            return IssuedDocument(pdf, (serial,), 1)


def _proof_honor(s: Session, person_id: uuid.UUID) -> str:
    """The person's highest kept honor as a proof names it ("1982年浙江省先进工作者"), or ""
    without one."""
    best = best_honor(HonorLabel(h.title, h.level or "", h.year, False) for h in s.scalars(
        select(Honor).where(Honor.person_id == person_id, Honor.deleted_at.is_(None),
                            Honor.revoked_date.is_(None))))
    if best is None:
        return ""
    return f"{best.year}年{best.title}" if best.year else best.title


def _shown_name(login: str, recorded: str | None, who: dict[str, str]) -> str:
    """The 经办人 as people know them: the display name kept with the step, or (a step
    recorded with only the log-in name) the user's display name; blank for a user who has
    none (``signing_name``: "admin" is printed nowhere)."""
    if recorded and recorded != login:
        return recorded
    return signing_name(login, who.get(login, login))


def _period(start: dt.date | None, end: dt.date | None) -> str:
    """A file's own 公示期: 2026年11月2日至11月8日."""
    if start is None or end is None:
        return ""
    tail = format_date(end)
    if end.year == start.year:
        tail = tail.split("年", 1)[1]
    return f"{format_date(start)}至{tail}"


def _step_text(action: str, opinion: str, extra: dict[str, object]) -> str:
    parts = [opinion] if opinion else []
    if action == "verify":
        parts.append(f"{_said(extra.get('verified_on'))}{extra.get('method', '')}核查，"
                     f"核查人：{extra.get('verified_by', '')}；情况：{extra.get('findings', '')}")
    elif action == "notice":
        start, end = extra.get("start"), extra.get("end")
        if isinstance(start, str) and isinstance(end, str):
            parts.append(f"公示期 {format_date(dt.date.fromisoformat(start))}至"
                         f"{format_date(dt.date.fromisoformat(end))}")
    elif action == "reject":
        parts.append("理由：" + REJECT_REASONS.get(str(extra.get("reason")), ""))
    elif action in ("approve", "renew") and extra.get("next_review"):
        parts.append(f"下次复核：{_said(extra['next_review'])}")
    elif action == "close":
        parts.append(f"{extra.get('kind', '')}：{extra.get('reason', '')}")
    return clauses(parts)


def _said(day: object) -> str:
    """A date kept in a step's detail (ISO text) as the sentence says dates: 2026年5月4日."""
    if not isinstance(day, str) or not day:
        return ""
    try:
        return format_date(dt.date.fromisoformat(day))
    except ValueError:
        return day


_CLAUSE_ENDS = "。；，、;,. "


def clauses(parts: Sequence[str]) -> str:
    """Sentences of one cell joined with "；", each without its own end mark first: "同意公示；
    公示期 …", never "同意公示。；公示期 …" (a doubled mark on the 档案表)."""
    kept = [p.rstrip(_CLAUSE_ENDS) for p in parts]
    return "；".join(p for p in kept if p)
