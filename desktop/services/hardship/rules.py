"""The rules of a hardship file, without a database: value lists, input checks, the income
computation, working days and the workflow table (which step, from where, by whom).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core import idnumber
from desktop.core.reference import code_table
from desktop.errors import FieldProblem, ValidationError
from desktop.services.hardship.types import CaseDraft
from desktop.services.permissions import Perm

if TYPE_CHECKING:
    from desktop.services.holidays import Calendar

CATEGORIES: tuple[str, ...] = ("深度困难", "相对困难", "意外致困")
"""Current union practice. Older labels (低收入/困难/特困) come from the setting below."""
OLDER_CATEGORIES_KEY = "hardship.older_categories"
OLDER_CATEGORIES_DEFAULT: tuple[str, ...] = ("低收入", "困难", "特困")
REVIEW_MONTHS_KEY = "hardship.review_months"
REVIEW_MONTHS_DEFAULT = 6
NOTICE_DAYS_KEY = "hardship.notice_min_days"
NOTICE_DAYS_DEFAULT = 5
DIBAO = "低保标准"
"""The ``standard.kind`` of the monthly 低保 line per person."""

PAYMENT_KINDS: tuple[str, ...] = (
    "生活困难补助", "特殊困难帮扶金", "医疗救助", "助学", "春节慰问金", "健康体检补助",
)
VERIFY_METHODS: tuple[str, ...] = ("入户", "电话", "信息比对")
REJECT_REASONS: dict[str, str] = {
    "income_above_line": "家庭人均收入高于认定标准",
    "information_false": "申报信息不实",
    "objection_upheld": "公示异议经核实成立",
    "duplicate_household": "同一家庭已建档",
    "not_eligible": "不符合帮扶条件",
    "other": "其他",
}
CLOSE_KINDS: tuple[str, ...] = ("脱困", "撤档")
DOCUMENTS: dict[str, tuple[str, ...]] = {
    "深度困难": ("本人申请", "身份证", "户口本", "收入证明", "低保证", "入户核查记录", "公示材料"),
    "相对困难": ("本人申请", "身份证", "户口本", "收入证明", "入户核查记录", "公示材料"),
    "意外致困": ("本人申请", "身份证", "户口本", "收入证明", "诊断书", "医药费票据",
                 "入户核查记录", "公示材料"),
}
DOCUMENTS_DEFAULT: tuple[str, ...] = ("本人申请", "身份证", "户口本", "收入证明",
                                      "入户核查记录", "公示材料")
LATER_DOCUMENTS: frozenset[str] = frozenset({"入户核查记录", "公示材料"})
"""Documents the later steps make (the 入户核查 its record, the 公示 its notice): not asked for
at 提交. The others (本人申请 signed, 身份证, 户口本, 收入证明 …) are the application itself."""


def application_documents(category: str) -> tuple[str, ...]:
    """What a file of ``category`` must carry before it is submitted (DOMAIN.md: the process
    starts with the signed 本人申请 and its documents, then 核查 and 公示 add theirs)."""
    return tuple(d for d in DOCUMENTS.get(category, DOCUMENTS_DEFAULT)
                 if d not in LATER_DOCUMENTS)


def step_documents(action: str, category: str) -> tuple[str, ...]:
    """What a file of ``category`` must carry before the step ``action``: the application's
    documents at 提交, and the 入户核查记录 as well at 公示 (the notice shows a checked file),
    every document of the category, the 公示材料 too, at 审批 (a walk-through found a file
    approved while both were listed as missing)."""
    every = DOCUMENTS.get(category, DOCUMENTS_DEFAULT)
    if action == "submit":
        return application_documents(category)
    if action == "notice":
        return tuple(d for d in every if d != "公示材料")
    if action == "approve":
        return every
    return ()


DOCUMENT_TYPES: tuple[str, ...] = (
    "本人申请", "身份证", "户口本", "收入证明", "低保证", "诊断书", "医药费票据", "学费票据",
    "入户核查记录", "公示材料", "其他",
)
DOCUMENTS_FIXED: frozenset[str] = frozenset({"approved", "review", "closed", "rejected"})
"""A decided file's documents are what the decision was taken on: no retype, no removal."""
SENSITIVE_DOCUMENTS: frozenset[str] = frozenset({"身份证", "户口本", "银行卡"})
"""Scans that show an ID number, a household's registration or a bank account in full: opened
only by a user who may see full numbers (Perm.UNMASK), as the numbers themselves. 银行卡 is no
type one can choose now, but files from older versions or other offices may carry it."""


def attachment_permission(doc_type: str) -> Perm:
    """What opening an attachment of ``doc_type`` needs."""
    return Perm.UNMASK if doc_type in SENSITIVE_DOCUMENTS else Perm.VIEW


OPEN_STATUSES: tuple[str, ...] = ("draft", "submitted", "verified", "notice", "approved",
                                  "review")
ACTIVE_STATUSES: tuple[str, ...] = ("approved", "review")
"""A person with a file in one of these is 在档 (``person.in_hardship``)."""
MAX_MONTHLY = 10_000_000  # fen = 100,000 元 a month: more is a typing error, not hardship
MAX_MEMBERS = 20
MAX_SECONDARY = 3
_BANK_ACCOUNT = re.compile(r"^\d{8,30}$")


def causes() -> dict[str, str]:
    """致困原因 codes (codes.json ``hardship_cause_codes``)."""
    return code_table("hardship_cause_codes")


def clean(value: str | None) -> str | None:
    if value is None:
        return None
    text = value.strip()
    return text or None


def _money(problems: list[FieldProblem], name: str, value: int) -> None:
    if value < 0:
        problems.append(FieldProblem(name, "value_negative"))
    elif value > MAX_MONTHLY:
        problems.append(FieldProblem(name, "amount_absurd", {"max": MAX_MONTHLY // 100}))


def check_draft(draft: CaseDraft, categories: tuple[str, ...]) -> list[FieldProblem]:
    """Every problem with the typed file (the person's existence is checked by the service)."""
    problems: list[FieldProblem] = []
    if not draft.category:
        problems.append(FieldProblem("category", "hardship_category_missing"))
    elif draft.category not in categories:
        problems.append(FieldProblem("category", "hardship_category_unknown",
                                     {"value": draft.category}))
    known = causes()
    if not draft.main_cause:
        problems.append(FieldProblem("main_cause", "hardship_cause_missing"))
    elif draft.main_cause not in known:
        problems.append(FieldProblem("main_cause", "hardship_cause_unknown",
                                     {"value": draft.main_cause}))
    if len(draft.secondary_causes) > MAX_SECONDARY:
        problems.append(FieldProblem("secondary_causes", "hardship_too_many_causes",
                                     {"max": MAX_SECONDARY}))
    for code in draft.secondary_causes:
        if code not in known:
            problems.append(FieldProblem("secondary_causes", "hardship_cause_unknown",
                                         {"value": code}))
    if draft.main_cause in draft.secondary_causes or len(set(draft.secondary_causes)) != len(
            draft.secondary_causes):
        problems.append(FieldProblem("secondary_causes", "hardship_cause_repeated"))
    _money(problems, "person_income", draft.person_income)
    _money(problems, "other_income", draft.other_income)
    _money(problems, "fixed_costs", draft.fixed_costs)
    if len(draft.members) > MAX_MEMBERS:
        problems.append(FieldProblem("household", "hardship_too_many_members",
                                     {"max": MAX_MEMBERS}))
    for i, m in enumerate(draft.members):
        if clean(m.name) is None:
            problems.append(FieldProblem(f"household[{i}].name", "value_required"))
        if clean(m.relation) is None:
            problems.append(FieldProblem(f"household[{i}].relation", "relation_required"))
        _money(problems, f"household[{i}].income", m.income)
        number = clean(m.id_number)
        if number is not None:
            try:
                idnumber.parse(number)
            except ValidationError as error:
                problems.extend(FieldProblem(f"household[{i}].id_number", p.code, p.params)
                                for p in error.problems)
    if draft.housing_area is not None and not 0 <= draft.housing_area <= 10_000:
        problems.append(FieldProblem("housing_area", "hardship_area_absurd"))
    account = clean(draft.bank_account)
    unchanged = account is not None and "*" in account  # the masked account shown back
    if account is not None and not unchanged and not _BANK_ACCOUNT.match(
            account.replace(" ", "")):
        problems.append(FieldProblem("bank_account", "bank_account_invalid"))
    if draft.year is not None and not 2000 <= draft.year <= 2100:
        problems.append(FieldProblem("year", "out_of_range",
                                     {"minimum": 2000, "maximum": 2100}))
    return problems


def per_capita(draft: CaseDraft) -> tuple[int, int, int]:
    """(household income, household size, per-capita income after fixed costs), monthly fen.
    Rounded down: a fen more would never lift a household over a line."""
    household = draft.person_income + draft.other_income + sum(m.income for m in draft.members)
    size = 1 + len(draft.members)
    return household, size, max(household - draft.fixed_costs, 0) // size


def band(per_capita_fen: int, line: int | None) -> str | None:
    if line is None:
        return None
    if per_capita_fen < line:
        return "below_line"
    if per_capita_fen < 2 * line:
        return "below_double"
    return "above"


def mask_account(account: str | None) -> str:
    if not account:
        return ""
    digits = account.replace(" ", "")
    return "*" * max(len(digits) - 4, 0) + digits[-4:]


# -- working days and dates ---------------------------------------------------------------------

def _working(day: dt.date, calendar: Calendar | None) -> bool:
    if calendar is None:
        return day.weekday() < 5
    return calendar.office_closed(day) is None


def add_working_days(start: dt.date, days: int, calendar: Calendar | None = None) -> dt.date:
    """The last day of a notice of ``days`` working days starting on ``start`` (inclusive).
    Working days follow the holiday calendar of the visits (official holidays off, 调休
    make-up Saturdays and Sundays on); without one, Monday to Friday."""
    day = start
    while not _working(day, calendar):
        day += dt.timedelta(days=1)
    counted = 1
    while counted < days:
        day += dt.timedelta(days=1)
        if _working(day, calendar):
            counted += 1
    return day


def working_days(start: dt.date, end: dt.date, calendar: Calendar | None = None) -> int:
    count, day = 0, start
    while day <= end:
        if _working(day, calendar):
            count += 1
        day += dt.timedelta(days=1)
    return count


def add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


# -- the workflow ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Step:
    """One allowed transition: from which statuses, to which, needing which permission, and
    whether it is a check (maker ≠ checker: never by the file's creator or last editor)."""

    sources: tuple[str, ...]
    target: str
    perm: Perm
    check: bool


WORKFLOW: dict[str, Step] = {
    "submit": Step(("draft",), "submitted", Perm.EDIT_PERSONS, False),
    "return": Step(("submitted", "verified", "notice"), "draft", Perm.REVIEW, True),
    "verify": Step(("submitted",), "verified", Perm.REVIEW, True),
    "notice": Step(("verified",), "notice", Perm.EDIT_PERSONS, False),
    "approve": Step(("notice",), "approved", Perm.APPROVE, True),
    "reject": Step(("submitted", "verified", "notice"), "rejected", Perm.APPROVE, True),
    "start_review": Step(("approved",), "review", Perm.EDIT_PERSONS, False),
    "renew": Step(("review",), "approved", Perm.APPROVE, True),
    "close": Step(("approved", "review"), "closed", Perm.APPROVE, True),
}
ACTIONS: tuple[str, ...] = tuple(WORKFLOW)


def opinion_required(opinion: str | None) -> str:
    text = clean(opinion)
    if text is None:
        raise ValidationError.single("opinion", "opinion_required")
    return text
