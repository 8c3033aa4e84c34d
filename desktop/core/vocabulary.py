"""One code→label table for each coded value the program shows (Qt-free: CLI, prints, views).

Each table maps the stored code to its words as ``(Chinese, English)``. Prints and exports are
Chinese; the command line and the windows pick the language of their user: views through
``desktop.views.i18n.word`` (the installed UI language), the CLI with ``label(..., lang)``.

One state, one word: a dead person is 已故 everywhere (去世 is only the name of the 动态管理
event that records the death).
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.core.reference import LIFE_ALIVE, LIFE_DECEASED, TREATMENT_LEVELS

ZH = "zh_CN"
EN = "en"

Words = Mapping[str, tuple[str, str]]

SEX: Words = {"1": ("男", "Male"), "2": ("女", "Female")}
"""GB/T 2261.1 codes as stored in ``person.sex``."""

LIFE_STATUS: Words = {LIFE_ALIVE: ("在世", "Living"), LIFE_DECEASED: ("已故", "Deceased")}

VISIT_STATUS: Words = {
    "planned": ("待走访", "To visit"), "done": ("已走访", "Visited"),
    "not_home": ("不在家", "Not at home"), "declined": ("谢绝", "Declined"),
    "postponed": ("改期", "Postponed"), "removed": ("已移出", "Removed"),
}

RECUPERATION_STATUS: Words = {
    "nominated": ("拟安排", "Nominated"), "confirmed": ("已确认", "Confirmed"),
    "declined": ("婉拒", "Declined"), "replaced": ("已替补", "Replaced"),
}
"""States of a person on a recuperation (疗休养) batch."""

HARDSHIP_STATUS: Words = {
    "draft": ("草稿", "Draft"), "submitted": ("已提交", "Submitted"),
    "verified": ("已核查", "Verified"), "notice": ("公示中", "Public notice"),
    "approved": ("已认定", "Approved"), "rejected": ("不予认定", "Rejected"),
    "review": ("复核中", "Under review"), "closed": ("已结案", "Closed"),
}
"""States of a hardship case (困难档案)."""

HARDSHIP_STEPS: Words = {
    "open": ("建档", "open the file"), "submit": ("提交申请", "submit"),
    "return": ("退回", "return"), "verify": ("入户核查", "verify"),
    "notice": ("公示", "start the public notice"), "objection": ("公示异议", "record an objection"),
    "approve": ("审批认定", "approve"), "reject": ("不予认定", "reject"),
    "start_review": ("定期复核", "start the review"), "renew": ("复核续档", "renew"),
    "close": ("结案", "close"), "amend": ("变更", "amend"), "payment": ("发放", "pay"),
    "attach": ("上传材料", "add a document"),
    "retype": ("更正材料类型", "change a document's type"),
    "detach": ("删除材料", "remove a document"),
}
"""Steps of a hardship file: the 档案表's 流程 column and the refusals that name a step."""

HARDSHIP_CATEGORY: Words = {
    "深度困难": ("深度困难", "Severe hardship"), "相对困难": ("相对困难", "Relative hardship"),
    "意外致困": ("意外致困", "Hardship by mishap"),
}
"""Categories of a hardship file; the code is the stored Chinese word (older labels an
administrator configured are shown as they are)."""

HARDSHIP_CAUSE: Words = {
    "1": ("无劳动能力", "Unable to work"), "2": ("有劳动能力而未就业", "Able to work, no job"),
    "3": ("下岗失业", "Laid off or unemployed"), "4": ("未参加社会保险", "No social insurance"),
    "5": ("社会保险待遇落实不到位", "Social insurance not paid in full"),
    "6": ("患重特大疾病", "Serious illness"), "7": ("遭受自然灾害", "Natural disaster"),
    "8": ("遭受意外事故", "Accident"), "9": ("子女上学", "Children at school"),
    "10": ("其他", "Other"),
}
"""致困原因 codes (resources/reference/codes.json ``hardship_cause_codes``) in English; the
Chinese words come from the reference file."""

TIME_SLOT: Words = {"上午": ("上午", "Morning"), "下午": ("下午", "Afternoon")}
"""A visit's half day; the code is the stored Chinese word (a time such as 09:30 stays)."""

ORGANISER: Words = {
    "全总": ("全总", "National federation"), "省总": ("省总", "Provincial federation"),
    "市总": ("市总", "City federation"), "区县": ("区县", "County federation"),
}
"""Who organises a recuperation batch (the trade-union level); the code is the stored word."""

TREATMENT_LEVEL: Words = dict(zip(
    TREATMENT_LEVELS, (("全国", "National"), ("省部级", "Provincial"), ("市级", "City"),
                       ("县级", "County")), strict=True))
"""Treatment levels (待遇级别), highest first; the code is the stored Chinese word."""

TABLES: dict[str, Words] = {
    "sex": SEX, "life_status": LIFE_STATUS, "visit_status": VISIT_STATUS,
    "recuperation_status": RECUPERATION_STATUS, "hardship_status": HARDSHIP_STATUS,
    "treatment_level": TREATMENT_LEVEL,
}


def label(table: Words, code: str | None, lang: str = ZH, default: str | None = None) -> str:
    """The words for ``code`` in ``lang`` (zh… → Chinese, anything else → English).

    An unknown code gives ``default``, or the code itself (never an exception: an old database
    may hold a value the program no longer knows, and a list must still show it); None gives
    ``default`` or "".
    """
    if code is None:
        return default or ""
    pair = table.get(code)
    if pair is None:
        return code if default is None else default
    return pair[0] if lang.startswith("zh") else pair[1]


def relabel(table: Words, chinese: str | None, lang: str) -> str:
    """Chinese words already in a row (a DTO that carries 男/女 for prints) in ``lang``;
    words the table does not know are returned as they are."""
    if not chinese:
        return ""
    for zh_word, en_word in table.values():
        if zh_word == chinese:
            return zh_word if lang.startswith("zh") else en_word
    return chinese


def zh(table: Words, code: str | None, default: str | None = None) -> str:
    """The Chinese words (prints, exports, stored text)."""
    return label(table, code, ZH, default)


# the quarterly handoff: tables of a package and the city's open items, as a clerk reads them
HANDOFF_TABLES: Words = {
    "person": ("人员", "Persons"), "honor": ("荣誉", "Honors"),
    "person_event": ("动态管理记录", "Status changes"),
    "hardship_case": ("困难档案", "Hardship files"),
    "hardship_member": ("家庭成员", "Household members"),
    "hardship_step": ("审核流程", "Workflow steps"),
    "hardship_payment": ("帮扶发放", "Payments"),
    "hardship_attachment": ("档案附件", "File documents"),
    "visit_campaign": ("走访活动", "Visit campaigns"),
    "visit_standard": ("慰问标准", "Visit standards"), "visit_staff": ("走访人员", "Visit staff"),
    "visit_team": ("走访小组", "Visit teams"), "visit": ("走访记录", "Visits"),
    "visit_photo": ("走访照片", "Visit photos"),
    "recuperation_batch": ("疗休养批次", "Recuperation batches"),
    "recuperation_entry": ("疗休养人员", "Recuperation entries"),
    "document_log": ("文书登记", "Document log")}
"""Table names in the handoff reports (screen, .xlsx, ``laomo handoff``) as a clerk reads them."""
HANDOFF_ITEM_KINDS: Words = {"move_pair": ("迁出/迁入配对", "moved out and in"),
                      "died_visited": ("一方去世、另一方仍在走访",
                                       "died on one side, visited on the other"),
                      "honors_differ": ("荣誉记录不一致", "honors disagree"),
                      "same_id": ("同一身份证号在两个区县", "same ID number in two districts"),
                      "owner_conflict": ("属于其他区县的记录", "a record of another district")}
HANDOFF_ITEM_STATES: Words = {"open": ("待处理", "open"), "resolved": ("已处理", "resolved"),
                       "paired": ("已配对", "paired"),
                       "dismissed": ("已搁置", "set aside")}
HANDOFF_STATES: Words = {
    "sent": ("已报送", "Sent"), "acknowledged": ("已回执", "Acknowledged"),
    "superseded": ("已被替代", "Superseded"), "staged": ("已暂存", "Staged"),
    "merged": ("已合并", "Merged"), "receipted": ("已发回执", "Receipt sent"),
    "undone": ("已撤销", "Undone"), "applied": ("已应用", "Applied")}
"""The states of the sent and received ledger."""
HANDOFF_KINDS: Words = {"district": ("数据包", "Package"), "receipt": ("回执", "Receipt"),
                        "reference": ("参考数据", "Reference data")}
HANDOFF_DIRECTIONS: Words = {"sent": ("报出", "sent"), "received": ("收到", "received")}


FLAG_FIELDS = frozenset({"is_revoked", "is_emigrated", "is_lost_contact", "under_investigation",
                         "in_hardship", "is_farmer_model"})


def change_value(field: str, value: object, lang: str = ZH) -> str:
    """A changed value of a handoff report as a clerk reads it: words for codes and yes/no
    flags, 空 for nothing, anything else as it is."""
    en = not lang.startswith("zh")
    if value is None or value == "":
        return "empty" if en else "空"
    if field in TABLES:
        return label(TABLES[field], str(value), lang)
    if field in FLAG_FIELDS:
        yes = value in (True, 1, "1", "true")
        return ("yes" if yes else "no") if en else ("是" if yes else "否")
    return str(value)
