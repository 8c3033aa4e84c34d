"""The audit log in sentences (issue 14, point 16): local time, who did what to whom, amounts
in yuan, no UUIDs; the raw entry stays one click away."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from desktop.core.texts import PERMISSION_WORDS, ROLE_WORDS, SOME_WORK, field_label
from desktop.core.vocabulary import HARDSHIP_STATUS, RECUPERATION_STATUS, VISIT_STATUS
from desktop.services.audit import AuditEntry

ACTIONS: dict[str, tuple[str, str]] = {
    "setup.initialise": ("完成首次设置", "set the program up"),
    "auth.login": ("登录", "logged in"),
    "auth.logout": ("注销", "logged out"),
    "auth.login_failed": ("登录失败（密码不对）", "failed to log in"),
    "auth.login_locked": ("账户锁定期间尝试登录", "tried to log in while locked"),
    "auth.locked": ("密码输错次数过多，账户被锁定", "was locked out"),
    "user.create": ("新建用户", "created the user"),
    "user.update": ("修改用户", "changed the user"),
    "user.unlock": ("解锁用户", "unlocked the user"),
    "user.reset_password": ("重设用户密码", "reset the password of"),
    "user.change_password": ("修改了自己的密码", "changed their password"),
    "settings.set_contact": ("修改公示异议受理联系方式", "changed the objection contact"),
    "documents.set_fonts": ("修改文书字体", "changed the fonts of documents"),
    "documents.set_seal": ("修改公章图片", "changed the seal image"),
    "person.create": ("新增劳模", "added"),
    "person.update": ("修改劳模信息", "changed"),
    "person.reveal_id": ("查看完整身份证号", "looked at the full ID number of"),
    "person.merge": ("合并重复记录", "merged duplicates of"),
    "person.merge_undo": ("撤销合并", "undid the merge of"),
    "person.import": ("导入名册", "imported"),
    "person.import_undo": ("撤销导入", "undid the import of"),
    "person.event_undo": ("撤销状态变更", "undid a status change of"),
    "duplicate.dismiss": ("确认不是重复", "marked as not a duplicate"),
    "register.unmask_export": ("导出含完整号码的名册", "exported full numbers"),
    "register.export": ("导出名册（号码已隐藏）", "exported the register (masked)"),
    "hardship.open": ("新建困难档案", "opened the hardship file"),
    "hardship.update": ("修改困难档案", "changed the hardship file"),
    "hardship.amend": ("更正困难档案", "amended the hardship file"),
    "hardship.payment": ("登记发放", "recorded a payment for"),
    "hardship.attach": ("添加材料", "added a document to"),
    "hardship.attachment_view": ("查看困难档案材料", "opened a document of"),
    "hardship.attachment_export": ("导出困难档案材料", "exported a document of"),
    "hardship.attachment_retype": ("更正困难档案材料类型", "changed a document's type in"),
    "hardship.attachment_remove": ("删除困难档案材料", "removed a document from"),
    "hardship.objection": ("登记公示异议", "recorded an objection to"),
    "hardship.reveal_account": ("查看完整银行账号", "looked at the bank account of"),
    "hardship.proof": ("开具帮扶证明", "issued a proof of assistance for"),
    "visit_campaign.create": ("新建走访活动", "created the campaign"),
    "visit_campaign.update": ("修改走访活动", "changed the campaign"),
    "visit_campaign.delete": ("删除走访活动", "deleted the campaign"),
    "visit_campaign.plan": ("按规则生成走访名单", "planned the campaign"),
    "visit_campaign.approve": ("审批走访名单", "approved the list of"),
    "visit_campaign.schedule": ("自动排期", "scheduled the campaign"),
    "visit.add": ("加入走访名单", "added a visit"),
    "visit.remove": ("移出走访名单", "took a visit off the list"),
    "visit.record": ("登记走访结果", "recorded a visit"),
    "visit.assign": ("分配走访", "assigned visits"),
    "visit.unmask_list": ("打印含完整电话的走访名单", "printed full phone numbers for"),
    "recuperation_batch.create": ("新建疗休养批次", "created the batch"),
    "recuperation.unmask_roster": ("打印含完整号码的疗休养名单", "printed full numbers for"),
    "recuperation.print_roster": ("打印疗休养名单（号码已隐藏）",
                                  "printed the recuperation roster (masked)"),
    "recuperation.print_letters": ("打印疗休养通知书", "printed recuperation letters"),
    "visit.print_list": ("打印走访名单（电话已隐藏）", "printed a visit list (masked)"),
    "visit.export_list": ("导出走访名单工作簿（电话已隐藏）",
                          "exported the visit list workbook (masked)"),
    "document.issue_cards": ("打印会员证", "printed member cards"),
    "backup.create": ("备份数据库", "backed up the database"),
    "backup.restore": ("恢复数据库", "restored the database"),
    "audit.checkpoint": ("为审计日志签名（检查点）", "signed a checkpoint of the audit log"),
    "audit.state": ("记录数据摘要", "recorded the data's digests"),
    "audit.state_baseline": ("记录全部数据的摘要（基准）", "recorded the digests of all data"),
    "auth.denied": ("尝试无权限的操作（被拒绝）", "was refused an action"),
    "hardship.print_sheet": ("打印困难劳模档案表", "printed the hardship file sheet of"),
    "hardship.print_notice": ("打印困难劳模公示名单", "printed the hardship notice"),
    "hardship.print_payments": ("打印困难帮扶发放签收表", "printed the payment sheet"),
    "demo.generate": ("生成演示数据", "generated demo data"),
    "demo.visits": ("生成演示走访和疗休养数据", "generated demo visits"),
    "handoff.trust": ("信任协会名片", "trusted an association card"),
    "handoff.export": ("写出季度数据包", "wrote the quarterly package"),
    "handoff.merge": ("合并区县数据包", "merged a district package"),
    "handoff.undo": ("撤销数据包合并", "undid the merge of a package"),
    "handoff.receipt": ("写出回执", "wrote a receipt"),
    "handoff.report": ("保存数据包报告", "saved a package report"),
    "handoff.acknowledged": ("导入市级回执", "imported the city's receipt"),
    "handoff.reference": ("写出参考数据包", "wrote reference data"),
    "handoff.reference_applied": ("导入参考数据包", "applied reference data"),
    "handoff.resolve": ("裁定同一身份证号事项", "decided a same-ID item"),
    "handoff.resolution_applied": ("执行市级裁定", "applied the city's decision for"),
    "handoff.reveal_items": ("查看待处理事项的完整姓名和身份证号",
                             "looked at the open items unmasked"),
    "handoff.honor_proposed": ("登记市级荣誉并推荐给区县", "proposed a city honor for"),
    "handoff.proposal_accepted": ("接受市级推荐", "accepted the city's proposal for"),
    "handoff.proposal_declined": ("谢绝市级推荐", "declined the city's proposal for"),
    "handoff.import": ("导入数据包", "imported a package"),
    "export.template_saved": ("保存导出模板", "saved an export template"),
    "export.template_deleted": ("删除导出模板", "deleted an export template"),
    "import.mapping_saved": ("保存导入列对应", "saved an import column mapping"),
    "hardship.standard": ("设定帮扶发放标准", "set the payment standards"),
    "hardship.standards_copied": ("复制帮扶标准到新的年度", "copied the standards into a new year"),
    "holidays.load": ("导入节假日安排", "loaded the holiday calendar"),
    "recuperation.fill": ("按名额补足疗休养人选", "filled the batch by quota"),
    "recuperation.nominate": ("推荐疗休养人选", "nominated for recuperation"),
    "recuperation.confirm": ("确认参加疗休养", "confirmed for recuperation"),
    "recuperation.decline": ("登记谢绝疗休养", "recorded a decline of recuperation"),
    "recuperation.replace": ("替换疗休养人选", "replaced a recuperation nominee"),
    "visit.create_single": ("新增单次走访", "added a single visit"),
    "visit.follow_up_closed": ("关闭回访", "closed a follow-up"),
    "visit.hardship_file": ("由走访建立困难档案", "opened a hardship file from a visit"),
    "visit.photo": ("添加走访照片", "added a visit photo"),
    "visit_team.create": ("新建走访组", "created a visit team"),
    "visit_staff.create": ("添加走访人员", "added visit staff"),
    # composed in the services (f"hardship.{step}", f"person.{kind}", f"document.{action}"):
    # tests/views/test_audit_sentences.py enumerates them from their tables
    "hardship.submit": ("提交困难帮扶申请", "submitted the hardship file"),
    "hardship.return": ("退回困难帮扶申请", "sent back the hardship file"),
    "hardship.verify": ("入户核查困难档案", "verified the hardship file"),
    "hardship.notice": ("公示困难档案", "put on public notice the hardship file"),
    "hardship.approve": ("审批认定困难档案", "approved the hardship file"),
    "hardship.reject": ("不予认定困难档案", "rejected the hardship file"),
    "hardship.start_review": ("开始复核困难档案", "started the review of the hardship file"),
    "hardship.renew": ("复核续档困难档案", "renewed the hardship file"),
    "hardship.close": ("困难档案结案", "closed the hardship file"),
    "person.retire": ("登记退休", "recorded the retirement of"),
    "person.transfer": ("登记调离工作单位", "recorded a change of work unit of"),
    "person.move_out": ("登记迁出", "recorded the moving out of"),
    "person.move_in": ("登记迁入", "recorded the moving in of"),
    "person.death": ("登记去世", "recorded the death of"),
    "person.revoke": ("撤销荣誉称号", "revoked a title of"),
    "person.emigrate": ("登记移居国(境)外", "recorded the emigration of"),
    "person.lost_contact": ("登记失联", "recorded lost contact with"),
    "document.issue": ("开具编号文书", "issued a numbered document for"),
    "document.reprint": ("补打编号文书", "reprinted a numbered document for"),
    "document.void": ("作废编号文书", "voided a numbered document of"),
}
ROSTER_PRINT = ("打印花名册（号码已隐藏）", "printed the roster (masked)")
"""``register.export`` with ``purpose: roster`` is a print of the 花名册, not an export."""
ROSTER_PRINT_UNMASKED = ("打印含完整号码的花名册", "printed the roster with full numbers")

_UUID = re.compile(r"^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$", re.I)
_MONEY = re.compile(r"(amount|fen|paid|cost|income|budget)", re.I)
_KEYS: dict[str, tuple[str, str]] = {
    "reason": ("原因", "reason"), "count": ("数量", "count"), "persons": ("人数", "persons"),
    "scheduled": ("已排", "scheduled"), "left": ("未排", "left"), "teams": ("小组", "teams"),
    "role": ("角色", "role"), "file": ("文件", "file"), "serial": ("编号", "serial"),
    "kind": ("类别", "kind"), "attempt": ("第几次", "attempt"), "opinion": ("意见", "opinion"),
    "honors": ("荣誉", "honors"), "events": ("动态", "events"), "seed": ("随机种子", "seed"),
    "source": ("来源", "source"), "status": ("状态", "status"), "visits": ("走访", "visits"),
    "campaigns": ("活动", "campaigns"), "recuperation": ("疗休养", "recuperation"),
    "new": ("新增", "new"), "updated": ("更新", "updated"), "rejected": ("拒绝", "rejected"),
    "sheet": ("工作表", "sheet"), "date": ("日期", "date"),
    "serials": ("档案编号", "file numbers"), "format": ("格式", "format"),
    "doc_type": ("材料类别", "document type"),
    "fingerprint": ("指纹", "fingerprint"), "replaces": ("替换的旧指纹", "replaces"),
    "resolution": ("裁定", "decision"), "keep": ("管理区县", "kept by"),
    "moved": ("迁出区县", "moved from"), "district": ("区县", "district"),
    "sequence": ("序号", "sequence"), "quarter": ("季度", "quarter"),
    "title": ("称号", "title"), "level": ("级别", "level"), "year": ("年份", "year"),
    "items": ("事项数", "items"), "action": ("处理", "action"), "other": ("另一区县", "other"),
    "added": ("加入", "added"), "planned": ("计划", "planned"), "name": ("名称", "name"),
    "quota": ("名额", "quota"), "amount": ("金额", "amount"), "paid_on": ("发放日期", "paid on"),
    "full_numbers": ("完整号码", "full numbers"), "occasion": ("节日", "occasion"),
    "person": ("人员", "person"), "changed": ("修改", "changed"), "note": ("说明", "note"),
    "mode": ("模式", "mode"), "fields": ("字段", "fields"), "by": ("经办", "by"),
    "display_name": ("姓名", "name"), "standards": ("标准", "standards"),
    "unscheduled": ("未排期", "unscheduled"), "purpose": ("用途", "purpose"),
    "unmasked": ("含完整号码", "unmasked"),
}
_VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "role": ROLE_WORDS,
    "mode": {"county": ("区县协会", "county association"),
             "city": ("市级协会", "city association")},
    "kind": {"certificate": ("荣誉证书", "certificate"), "card": ("会员证", "member card"),
             "hardship_proof": ("帮扶证明", "proof of assistance"),
             "retire": ("退休", "retirement"), "transfer": ("调离工作单位", "change of work unit"),
             "move_out": ("迁出", "moving out"), "move_in": ("迁入", "moving in"),
             "death": ("去世登记", "death"), "revoke": ("撤销荣誉称号", "revoked title"),
             "emigrate": ("移居国(境)外", "emigration"), "lost_contact": ("失联", "lost contact")},
    "purpose": {"roster": ("打印花名册", "printing the roster"),
                "file": ("导出文件", "export to a file"), "list": ("列表", "list")},
    "sheet": {"list": ("走访慰问名单", "visit list"), "receipt": ("慰问金签收表", "receipt sheet"),
              "summary": ("走访慰问情况汇总表", "visit summary")},
    "permission": PERMISSION_WORDS,
    # a visit's result, a hardship file's state, a recuperation entry's (a visit's 谢绝 wins
    # over the batch's 婉拒 for "declined": both are a no)
    "status": {**RECUPERATION_STATUS, **HARDSHIP_STATUS, **VISIT_STATUS},
    "source": {"demo": ("演示数据", "demo data"), "import": ("导入", "import"),
               "visit": ("走访", "visit")},
    "format": {"png": ("PNG 图片", "PNG image"), "jpeg": ("JPEG 图片", "JPEG image"),
               "pdf": ("PDF 文件", "PDF file"), "xlsx": ("Excel 工作簿", "Excel workbook"),
               "csv": ("CSV 文件", "CSV file")},
}
"""Stored codes (``clerk``, ``county``, ``certificate``) in words; a code without words is
shown as stored."""
# What only a machine reads (signatures, hashes, key ids, nested rules): the raw entry, one
# click away, keeps them; the sentence leaves them out, as it leaves out any key without words.


def local_time(at: str) -> str:
    """The stored UTC time as the office's local time, to the minute."""
    try:
        moment = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _value(key: str, value: Any, zh: bool, names: dict[str, str] | None = None
           ) -> str | None:
    if value is None:
        return None
    if key == "fields" and isinstance(value, str):
        return field_label(value, "zh" if zh else "en")
    if isinstance(value, str) and value in _VALUES.get(key, {}):
        return _VALUES[key][value][0 if zh else 1]
    if isinstance(value, str) and names and value in names:
        return names[value]
    if key in ("fingerprint", "replaces") and isinstance(value, str):  # read over the phone
        return " ".join(value[i:i + 4] for i in range(0, len(value), 4)).upper()
    if isinstance(value, str) and _UUID.match(value):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and _MONEY.search(key):
        return f"{value / 100:,.2f} 元" if zh else f"{value / 100:,.2f} yuan"
    if isinstance(value, list | tuple):
        shown = [v for v in (_value(key, v, zh, names) for v in value) if v]
        return ("、" if zh else ", ").join(shown[:5]) + ("…" if len(shown) > 5 else "") \
            if shown else None
    if isinstance(value, dict):
        return None
    return str(value)


def action_words(action: str, lang: str, detail: dict[str, Any] | None = None) -> str:
    """The action alone, for the 操作 column ("生成演示数据"); the code when unknown. The
    detail tells a print of the 花名册 from an export of the register."""
    words = ACTIONS.get(action)
    if (detail or {}).get("purpose") == "roster" and action == "register.export":
        words = ROSTER_PRINT
    elif (detail or {}).get("purpose") == "roster" and action == "register.unmask_export":
        words = ROSTER_PRINT_UNMASKED
    return (words[0] if lang.startswith("zh") else words[1]) if words else action


def sentence(entry: AuditEntry, lang: str) -> str:
    """"admin 修改劳模信息：张建国（原因：…）" — who, what, whom, and the readable details."""
    zh = lang.startswith("zh")
    action = action_words(entry.action, lang, entry.detail)
    whom = entry.subject or (entry.entity_id if entry.entity in ("user", "handoff_peer")
                             else None)
    detail = dict(entry.detail)
    if entry.action == "auth.denied":  # what was tried, not the internal permission name
        tried = PERMISSION_WORDS.get(str(detail.pop("permission", "")), SOME_WORK)
        action = f"尝试{tried[0]}，被拒绝" if zh else f"was refused: {tried[1]}"
        if detail.get("action") == "gui":
            detail.pop("action")
    if detail.get("purpose") == "roster":  # said by the action already
        detail.pop("purpose")
    head = f"{action}：{whom}" if zh and whom else f"{action} {whom}" if whom else action
    details = []
    for key, value in detail.items():
        shown = _value(key, value, zh, dict(entry.names))
        if shown is None or shown == "":
            continue
        label = _KEYS.get(key)
        if label is None:
            continue
        if isinstance(value, bool):
            shown = ("是" if value else "否") if zh else ("yes" if value else "no")
        if key == "by" and entry.action == "recuperation.replace":
            details.append(f"由 {shown} 替补" if zh else f"replaced by {shown}")
            continue
        details.append(f"{label[0]}：{shown}" if zh else f"{label[1]}: {shown}")
    if details:
        joined = "；".join(details[:6]) if zh else "; ".join(details[:6])
        head += f"（{joined}）" if zh else f" ({joined})"
    return head


def raw(entry: AuditEntry) -> str:
    """The entry exactly as stored (for the tooltip and the 'raw entry' view)."""
    return json.dumps({"seq": entry.seq, "at": entry.at, "actor": entry.actor,
                       "action": entry.action, "entity": entry.entity,
                       "entity_id": entry.entity_id, "detail": entry.detail},
                      ensure_ascii=False, indent=1)
