"""Words for error codes, in Chinese and English (Qt-free: the CLI and the GUI share them).

Widget labels are translated with Qt Linguist (resources/i18n); messages that services raise
are codes with parameters and are turned into sentences here, so that the command line, which
has no Qt, says exactly what the window says. ``tests/test_texts.py`` keeps both languages
complete and their placeholders equal.
"""

from __future__ import annotations

import re
from typing import Any

from desktop.errors import AppError, FieldProblem, ValidationError

ZH = "zh_CN"
EN = "en"

# code -> (Chinese, English); placeholders are str.format fields.
MESSAGES: dict[str, tuple[str, str]] = {
    "validation_failed": ("输入有 {count} 处问题，未保存任何内容。",
                          "{count} problem(s) in the input; nothing was saved."),
    "permission_denied": ("没有权限：{permission}（用户 {user}，角色 {role}）。",
                          "Not permitted: {permission} (user {user}, role {role})."),
    "not_found": ("找不到记录：{entity} {key}。", "Record not found: {entity} {key}."),
    "login_failed": ("用户名或密码不正确。", "Wrong user name or password."),
    "account_locked": ("连续输错密码次数过多，账户已锁定，请 {minutes} 分钟后再试或请管理员解锁。",
                       "Too many wrong passwords: the account is locked. Try again in "
                       "{minutes} minute(s) or ask an administrator to unlock it."),
    "already_initialised": ("数据库已初始化（{association}），不能再次初始化。",
                            "The database is already set up ({association})."),
    "network_share": ("数据库文件位于网络共享目录（{path}）。SQLite 在网络盘上会损坏数据，"
                      "请把数据库放在本机磁盘，多人共用请改用 PostgreSQL。",
                      "The database file is on a network share ({path}). SQLite corrupts data "
                      "there: keep it on a local disk, or use PostgreSQL to share it."),
    "memory_database_unsupported": ("不支持内存数据库。", "In-memory databases are not supported."),
    "cannot_open": ("无法打开数据库文件 {path}：{reason}", "Cannot open the database {path}: {reason}"),
    "not_a_database": ("{path} 不是劳模之家的数据库文件（文件已损坏或是其他文件）。未做任何修改。",
                       "{path} is not a 劳模之家 database (corrupt or another kind of file). "
                       "Nothing was changed."),
    "foreign_database": ("{path} 是其他程序的数据库，劳模之家不会修改它。",
                         "{path} belongs to another program; 劳模之家 will not change it."),
    "schema_too_new": ("数据库 {path} 由更新版本的劳模之家创建（版本 {revision}，本程序只认识到 {head}）。"
                       "请升级程序。未做任何修改。",
                       "The database {path} was made by a newer 劳模之家 (schema {revision}; this "
                       "program knows up to {head}). Please upgrade. Nothing was changed."),
    "upgrade_failed": ("数据库升级失败，已恢复到升级前的状态（备份：{backup}）。原因：{reason}",
                       "The database upgrade failed and was rolled back (backup: {backup}). "
                       "Reason: {reason}"),
    "foreign_key_check_failed": ("数据库升级后发现 {rows} 处关联错误，已撤销升级。",
                                 "After the upgrade {rows} broken reference(s) were found; the "
                                 "upgrade was undone."),
    "backup_needs_sqlite": ("备份与恢复只适用于本机 SQLite 数据库；PostgreSQL 数据库（{url}）请由服务器"
                            "管理员用 pg_dump 备份。",
                            "Backup and restore work on the local SQLite database; back up the "
                            "PostgreSQL database ({url}) on the server with pg_dump."),
    "backup_failed": ("备份失败（{path}）：{reason}。未留下不完整的文件。",
                      "The backup failed ({path}): {reason}. No partial file was left."),
    "export_unknown_format": ("无法识别导出文件 {path} 的类型：文件名请以 .xlsx 或 .csv 结尾。",
                              "Cannot tell the export type of {path}: end the file name in .xlsx or .csv."),
    "export_unknown_columns": ("未知的列：{columns}。可选：{known}",
                               "Unknown column(s): {columns}. Known: {known}"),
    "export_failed": ("导出失败（{path}）：{reason}。未留下不完整的文件。",
                      "The export failed ({path}): {reason}. No partial file was left."),
    "report_not_pdf": ("输出文件 {path} 的文件名请以 .pdf 结尾。",
                       "The output file {path} must end in .pdf."),
    "output_is_directory": ("{path} 是一个文件夹，请给出文件名。", "{path} is a folder: give a file name."),
    "backup_unreadable": ("无法读取备份文件 {path}：{reason}。数据库未被修改。",
                          "Cannot read the backup {path}: {reason}. The database was not changed."),
    "backup_unknown_format": ("{path} 的备份格式 {format} 无法识别。数据库未被修改。",
                              "The backup {path} has an unknown format {format}. The database "
                              "was not changed."),
    "backup_checksum_mismatch": ("备份文件 {path} 校验和不符（文件已损坏或被修改）。数据库未被修改。",
                                 "The backup {path} fails its checksum (damaged or altered). The "
                                 "database was not changed."),
    "backup_corrupt": ("备份中的数据库已损坏（{path}：{reason}）。数据库未被修改。",
                       "The database inside the backup is corrupt ({path}: {reason}). The "
                       "database was not changed."),
    "database_busy": ("数据库 {path} 正被其他程序占用（可能另一个劳模之家窗口正在写入），请稍后再试。未做任何修改。",
                      "The database {path} is busy (another 劳模之家 window may be writing). Try again shortly. Nothing was changed."),
    "database_missing": ("找不到数据库文件 {path}。请检查路径，或先用 laomo init 创建数据库。",
                         "There is no database at {path}. Check the path, or create one with laomo init."),
    "not_initialised": ("数据库尚未初始化：请先运行 laomo init --district 区县 --admin 用户名。",
                        "The database is not set up yet: run laomo init --district NAME --admin "
                        "NAME first."),
    "password_required": ("需要密码：请设置环境变量 LAOMO_PASSWORD 或在终端中输入。",
                          "A password is needed: set LAOMO_PASSWORD or type it in a terminal."),
    "user_required": ("需要用户名：请用 --user 指定。", "A user name is needed: give --user."),
    "passwords_differ": ("两次输入的密码不一致。", "The two passwords differ."),
    "report_empty": ("没有符合条件的人员，未生成文件。", "No one matches; no file was written."),
    "cancelled": ("已取消，未保存任何内容。", "Cancelled; nothing was saved."),
    "no_districts": ("数据库中没有区县，请先初始化（laomo init）。",
                     "The database has no districts: set it up first (laomo init)."),
    "demo_id_space_exhausted": ("演示数据人数太多，无法生成不重复的身份证号码。",
                                "Too many demo members to give each a unique ID number."),
    "demo_needs_setup": ("请先初始化数据库（laomo init），再生成演示数据。",
                         "Set up the database (laomo init) before generating demo data."),
    # duplicates and merging (desktop/services/duplicates.py, person_merge.py)
    "duplicate_self": ("不能把一条记录与它自己合并或比对。",
                       "A record cannot be merged with or compared to itself."),
    "person_already_merged": ("“{name}”已合并到另一条记录，不能再合并。",
                              "“{name}” was already merged into another record."),
    "not_a_merge": ("这条动态记录不是合并，不能按合并撤销。",
                    "This history entry is not a merge and cannot be undone as one."),
    "merge_already_undone": ("这次合并已经撤销过了。", "This merge was already undone."),
    "merge_undo_conflict": ("合并后“{name}”的记录又有改动，无法原样撤销合并；请先撤销之后的改动。",
                            "“{name}” changed after the merge, so the merge cannot be undone "
                            "exactly; undo the later changes first."),
    # persons (desktop/services/persons.py, person_events.py)
    "stale_record": ("这条记录在您打开之后已被他人修改，请重新打开后再编辑。未保存任何内容。",
                     "Someone changed this record after you opened it: open it again and redo "
                     "the edit. Nothing was saved."),
    "nothing_to_undo": ("没有可以撤销的动态记录。", "There is no status change to undo."),
    "undo_conflict": ("不能撤销：此后又修改过 {fields}，撤销会覆盖这些修改。",
                      "Cannot undo: {fields} changed again since; an undo would overwrite that."),
    # printed documents (desktop/reports/)
    "no_cjk_font": ("找不到可用的中文 TrueType 字体，无法生成文档。{hint}",
                    "No usable Chinese TrueType font was found, so documents cannot be made. {hint}"),
    "font_unusable": ("设置中指定的字体 {path} 无法使用：{reason}",
                      "The configured font {path} cannot be used: {reason}"),
    "glyph_missing": ("{who} 的{field}中有字符“{char}”（{codepoint}）在所有已安装的字体中都没有，"
                      "无法打印。请安装或设置包含该字的字体（如 SimSun-ExtB）。",
                      "{who}: the character “{char}” ({codepoint}) in {field} is in none of the "
                      "installed fonts, so it cannot be printed. Install or configure a font "
                      "that has it (such as SimSun-ExtB)."),
    # --- hardship files (issue 6) ---
    "hardship_read_only": ("档案当前状态为“{status}”，不能直接修改；已审批的档案请用“变更”并填写理由。",
                           "The file is “{status}” and cannot be edited directly; change an "
                           "approved file through an amendment with a reason."),
    "hardship_step_out_of_order": ("档案当前状态为“{status}”，不能执行“{action}”（不能越过或颠倒流程）。",
                                   "The file is “{status}”: “{action}” is not the next step."),
    "hardship_maker_checker": ("用户 {user} 建立或最后修改了这份档案，不能由本人核查或审批（审核与经办须分离）。",
                               "{user} created or last edited this file and so cannot verify "
                               "or approve it (maker ≠ checker)."),
    "hardship_notice_running": ("公示期到 {end} 才结束，公示期满后才能审批。",
                                "The public notice runs until {end}: approve after it ends."),
    "hardship_not_approved": ("档案状态为“{status}”，只有已审批的档案才能发放。",
                              "The file is “{status}”: only approved files can be paid."),
    "payment_blocked_revoked": ("“{name}”的劳模称号已撤销，不能发放帮扶资金。",
                                "{name}'s title was revoked: no payment."),
    "payment_blocked_emigrated": ("“{name}”已移居国(境)外，不能发放帮扶资金。",
                                  "{name} has emigrated: no payment."),
    "payment_blocked_lost_contact": ("“{name}”已失联，不能发放帮扶资金。",
                                     "{name} is out of contact: no payment."),
    "payment_blocked_investigation": ("“{name}”正在接受调查，不能发放帮扶资金。",
                                      "{name} is under investigation: no payment."),
    "attachment_corrupt": ("附件“{file}”的内容与保存时的校验值不符，可能已损坏。",
                           "The attachment “{file}” does not match its stored checksum."),
}

# field / problem code -> (Chinese, English)
PROBLEMS: dict[str, tuple[str, str]] = {
    "unknown_district": ("未知的区县或城市“{name}”。可选：{known}",
                         "Unknown district or city “{name}”. Known: {known}"),
    "user_name_invalid": ("用户名须为 2–32 个字母、数字、下划线、点或连字符。",
                          "A user name is 2–32 letters, digits, underscores, dots or hyphens."),
    "user_exists": ("用户名“{name}”已存在。", "The user name “{name}” is taken."),
    "password_too_short": ("密码至少 {minimum} 位。", "The password needs at least {minimum} characters."),
    "password_too_simple": ("密码不能全是数字或全是字母。",
                            "The password cannot be only digits or only letters."),
    "password_wrong": ("原密码不正确。", "The current password is wrong."),
    "last_admin": ("不能停用或降级最后一个管理员。", "The last administrator cannot be removed."),
    "out_of_range": ("数值超出范围（{minimum}–{maximum}）。", "The value is out of range ({minimum}–{maximum})."),
    "id_empty": ("身份证号码为空。", "The ID number is empty."),
    "id_bad_chars": ("身份证号码含有无效字符。", "The ID number has invalid characters."),
    "id_bad_length": ("身份证号码应为 18 位（或旧的 15 位）。",
                      "An ID number has 18 characters (or 15 for old ones)."),
    "id_bad_date": ("身份证号码中的出生日期无效。", "The birth date inside the ID number is invalid."),
    "id_bad_checksum": ("身份证号码校验位不符，请核对后重新输入。",
                        "The ID number's check character is wrong; check and type it again."),
    "id_float_mangled": ("身份证号码被 Excel 当作数字保存，末几位已丢失，请重新录入。",
                         "Excel stored the ID number as a number and lost its last digits; "
                         "please type it again."),
    "id_bad_region": ("身份证号码的地区码无效。", "The region code in the ID number is invalid."),
    "merge_reason_required": ("请填写合并或撤销合并的原因。", "Give a reason for the merge or its undo."),
    # persons (desktop/services/person_rules.py, persons.py, person_events.py)
    "id_duplicate": ("该身份证号码已登记在“{existing_name}”名下，请打开已有记录。",
                     "This ID number is already registered to “{existing_name}”: open that record."),
    "sex_mismatch": ("性别与身份证号码不符。", "The sex does not match the ID number."),
    "birth_date_mismatch": ("出生日期与身份证号码不符。", "The birth date does not match the ID number."),
    "name_empty": ("姓名不能为空。", "The name is empty."),
    "name_invalid_chars": ("姓名只能由汉字和间隔号“·”组成，不能含有“{chars}”。",
                           "A name is Chinese characters and the middle dot “·” only, not “{chars}”."),
    "too_long": ("内容太长，最多 {maximum} 个字符。", "Too long: at most {maximum} characters."),
    "birth_in_future": ("出生日期不能晚于今天。", "The birth date cannot be after today."),
    "birth_too_early": ("出生日期不能早于 {minimum}。", "The birth date cannot be before {minimum}."),
    "death_before_birth": ("去世日期早于出生日期。", "The date of death is before the birth date."),
    "date_before_birth": ("日期早于出生日期（{birth_date}）。",
                          "The date is before the birth date ({birth_date})."),
    "date_in_future": ("日期 {date} 晚于今天。", "The date {date} is after today."),
    "party_join_before_birth": ("入党时间早于出生日期（{birth_date}）。",
                                "The party join date is before the birth date ({birth_date})."),
    "work_start_too_young": ("参加工作时不满 {minimum_age} 周岁，请核对参加工作时间或出生日期。",
                             "Younger than {minimum_age} at the start of work: check the dates."),
    "honor_too_young": ("获得荣誉时不满 {minimum_age} 周岁（出生于 {birth_year} 年），请核对年份。",
                        "Younger than {minimum_age} when honored (born {birth_year}): check the year."),
    "honor_year_future": ("荣誉年份 {year} 晚于今年。", "The honor year {year} is after this year."),
    "honor_year_too_early": ("荣誉年份不能早于 {minimum} 年。", "The honor year cannot be before {minimum}."),
    "revoked_before_award": ("撤销日期早于授予年份 {year}。", "Revoked before it was awarded ({year})."),
    "reason_required": ("请填写理由。", "A reason is required."),
    "code_unknown": ("“{value}”不在代码表中。", "“{value}” is not in the code list."),
    "level_unknown": ("级别“{value}”无效，应为 全国、省部级、市级 或 县级。",
                      "Unknown level “{value}”: use 全国, 省部级, 市级 or 县级."),
    "value_negative": ("不能为负数。", "Cannot be negative."),
    "value_required": ("此项必填。", "This is required."),
    "digits_required": ("应为 {digits} 位数字。", "Must be {digits} digits."),
    "honor_unknown": ("找不到这项荣誉（可能已被删除），请重新打开记录。",
                      "This honor does not exist (perhaps deleted): open the record again."),
    "no_kept_honor": ("此人没有未撤销的荣誉。", "This person has no honor left to revoke."),
    "status_unchanged": ("状态没有变化。", "Nothing changes: it is already so."),
    "person_deceased": ("此人已去世，不能记录这项变动。", "This person has died: this change cannot be recorded."),
    "constraint_failed": ("数据库拒绝了这些数据：{detail}", "The database refused the data: {detail}"),
    # --- hardship files (issue 6) ---
    "hardship_category_unknown": ("困难类别“{value}”无效。", "Unknown hardship category “{value}”."),
    "hardship_cause_unknown": ("致困原因代码“{value}”无效。", "Unknown cause code “{value}”."),
    "hardship_too_many_causes": ("次要致困原因最多选 {max} 项。",
                                 "At most {max} secondary causes."),
    "hardship_cause_repeated": ("致困原因重复（次要原因不能与主要原因相同）。",
                                "A cause is repeated (a secondary cause equals the main one)."),
    "amount_absurd": ("金额不合理（每月超过 {max} 元），请核对单位是否为元。",
                      "Implausible amount (over {max} yuan a month): check the unit."),
    "amount_not_positive": ("金额必须大于零。", "The amount must be more than zero."),
    "hardship_too_many_members": ("家庭成员最多 {max} 人。", "At most {max} household members."),
    "relation_required": ("请填写与本人的关系。", "Give the relation to the model worker."),
    "hardship_area_absurd": ("住房面积不合理。", "Implausible housing area."),
    "bank_account_invalid": ("银行账号应为 8–30 位数字。", "A bank account is 8–30 digits."),
    "opinion_required": ("请填写意见。", "An opinion is required."),
    "hardship_person_unknown": ("找不到这位劳模（可能已删除或合并）。",
                                "This person is not in the register (deleted or merged)."),
    "hardship_file_open": ("此人已有未结案的困难档案（一户一档），请打开已有档案。",
                           "This person already has an open hardship file: open it."),
    "hardship_person_fixed": ("档案所属的劳模不能更改。", "A file's person cannot be changed."),
    "hardship_ratio_invalid": ("比例应在 1–100 之间。", "The ratio is 1–100."),
    "hardship_method_unknown": ("核查方式“{value}”无效，应为 入户、电话 或 信息比对。",
                                "Unknown method “{value}”: use 入户, 电话 or 信息比对."),
    "notice_too_short": ("公示期不得少于 {days} 个工作日。",
                         "The public notice needs at least {days} working days."),
    "hardship_reason_unknown": ("不予认定的理由“{value}”无效。", "Unknown rejection reason “{value}”."),
    "date_not_in_future": ("日期应晚于今天。", "The date must be after today."),
    "hardship_close_kind_unknown": ("结案方式“{value}”无效，应为 脱困 或 撤档。",
                                    "Unknown way to close “{value}”: use 脱困 or 撤档."),
    "payment_kind_unknown": ("发放类别“{value}”无效。", "Unknown payment kind “{value}”."),
    "hardship_no_account": ("档案中没有本人银行账号，资金只能发放到本人账户。",
                            "The file has no bank account of the person's own."),
    "payment_above_cap": ("{kind}每次不得超过 {limit} 元。",
                          "{kind}: at most {limit} yuan per payment."),
    "payment_above_medical_share": ("医疗救助不得超过自付医疗费的 {ratio}%（本次上限 {limit} 元）。",
                                    "Medical aid is at most {ratio}% of self-paid costs "
                                    "(limit {limit} yuan)."),
    "payment_per_year": ("{kind}每年最多发放 {count} 次，{year} 年已发放。",
                         "{kind}: at most {count} per year, already paid in {year}."),
    "attachment_type_unknown": ("材料类别“{value}”无效。", "Unknown document type “{value}”."),
    "attachment_not_a_file": ("“{path}”不是文件。", "“{path}” is not a file."),
    "attachment_empty": ("文件“{path}”是空的。", "The file “{path}” is empty."),
    "attachment_too_large": ("文件“{path}”有 {size_mb} MB，超过 {max_mb} MB 的上限；请扫描成较小的图片或 PDF。",
                             "“{path}” is {size_mb} MB, over the {max_mb} MB limit; scan it "
                             "smaller."),
}

FIELDS: dict[str, tuple[str, str]] = {
    "district": ("区县", "district"),
    "user_name": ("用户名", "user name"),
    "name": ("姓名", "name"),
    "password": ("密码", "password"),
    "new_password": ("新密码", "new password"),
    "old_password": ("原密码", "current password"),
    "role": ("角色", "role"),
    "id_number": ("身份证号码", "ID number"),
    "members": ("人数", "members"),
    # persons (PersonDraft fields; honors[i].x reads "荣誉第 i+1 项的x")
    "sex": ("性别", "sex"),
    "birth_date": ("出生日期", "birth date"),
    "ethnicity": ("民族", "ethnicity"),
    "political_status": ("政治面貌", "political status"),
    "party_join_date": ("入党时间", "party join date"),
    "education": ("学历", "education"),
    "degree": ("学位", "degree"),
    "native_place": ("籍贯", "native place"),
    "marital_status": ("婚姻状况", "marital status"),
    "work_start_date": ("参加工作时间", "work start date"),
    "work_unit": ("工作单位", "work unit"),
    "position": ("职务", "position"),
    "unit_type": ("单位类型", "unit type"),
    "industry": ("行业", "industry"),
    "professional_title": ("职称", "professional title"),
    "technical_grade": ("技术等级", "technical grade"),
    "employment_status": ("就业情况", "employment status"),
    "phone": ("联系电话", "phone"),
    "mobile": ("手机", "mobile"),
    "address": ("通讯地址", "address"),
    "postcode": ("邮编", "postcode"),
    "hukou_type": ("户口类别", "household registration type"),
    "hukou_region": ("户口所在地", "household registration region"),
    "health_status": ("健康状况", "health"),
    "health_notes": ("疾病说明", "health notes"),
    "disability_type": ("残疾类别", "disability type"),
    "disability_grade": ("残疾等级", "disability grade"),
    "insurance": ("参保情况", "insurance"),
    "monthly_income": ("本人月收入", "monthly income"),
    "household_size": ("家庭人口", "household size"),
    "spouse_name": ("配偶姓名", "spouse's name"),
    "spouse_birth_date": ("配偶出生日期", "spouse's birth date"),
    "spouse_income": ("配偶收入", "spouse's income"),
    "spouse_health": ("配偶健康状况", "spouse's health"),
    "treatment_override": ("待遇级别（手工指定）", "treatment level (override)"),
    "treatment_override_reason": ("指定待遇级别的理由", "reason for the treatment level"),
    "notes": ("备注", "notes"),
    "honors": ("荣誉", "honor"),
    "title": ("称号", "title"),
    "level": ("级别", "level"),
    "year": ("年份", "year"),
    "session": ("届次", "session"),
    "granting_body": ("授予机关", "granting body"),
    "document_number": ("文号", "document number"),
    "revoked_date": ("撤销日期", "revoked on"),
    "revoke_reason": ("撤销原因", "revocation reason"),
    "id": ("记录", "record"),
    "record": ("记录", "record"),
    "reason": ("理由", "reason"),
    "date": ("日期", "date"),
    "life_status": ("生存状态", "life status"),
    "is_emigrated": ("移居国(境)外", "emigrated"),
    "is_lost_contact": ("失联", "lost contact"),
    "honor_ids": ("荣誉", "honors"),
    "new_work_unit": ("新工作单位", "new work unit"),
    "new_position": ("新职务", "new position"),
    "to_district": ("迁往区县", "moving to"),
    "from_district": ("迁出地", "moving from"),
    # --- hardship files (issue 6) ---
    "household": ("家庭成员", "household member"),
    "relation": ("与本人关系", "relation"),
    "health": ("健康状况", "health"),
    "income": ("月收入", "monthly income"),
    "status": ("状况", "status"),
    "person": ("劳模", "model worker"),
    "category": ("困难类别", "hardship category"),
    "main_cause": ("主要致困原因", "main cause"),
    "secondary_causes": ("次要致困原因", "secondary causes"),
    "person_income": ("本人月收入", "own monthly income"),
    "other_income": ("其他月收入", "other monthly income"),
    "fixed_costs": ("刚性支出", "fixed costs"),
    "housing_area": ("住房面积", "housing area"),
    "bank_account": ("银行账号", "bank account"),
    "opinion": ("意见", "opinion"),
    "verify_method": ("核查方式", "verification method"),
    "verified_by": ("核查人", "verified by"),
    "verified_on": ("核查日期", "verified on"),
    "verify_findings": ("核查情况", "findings"),
    "notice_end": ("公示结束日期", "notice end"),
    "reject_reason": ("不予认定理由", "rejection reason"),
    "next_review_date": ("下次复核日期", "next review"),
    "closed_kind": ("结案方式", "closed as"),
    "closed_reason": ("结案理由", "reason for closing"),
    "kind": ("类别", "kind"),
    "amount": ("金额", "amount"),
    "medical_self_paid": ("自付医疗费", "self-paid medical costs"),
    "paid_on": ("发放日期", "paid on"),
    "payer": ("发放单位", "payer"),
    "ratio_pct": ("比例", "ratio"),
    "doc_type": ("材料类别", "document type"),
    "file": ("文件", "file"),
    "per_year": ("每年次数", "per year"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang.startswith("zh") else pair[1]


def _fill(template: str, params: dict[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


_ITEM_FIELD = re.compile(r"^(\w+)\[(\d+)\]\.(\w+)$")


def field_label(name: str, lang: str = ZH) -> str:
    """The words for a field; an item of a list (``honors[2].year``) says which item."""
    item = _ITEM_FIELD.match(name)
    if item is None:
        pair = FIELDS.get(name)
        return _pick(pair, lang) if pair else name
    whole, index, part = item.group(1), int(item.group(2)) + 1, item.group(3)
    if lang.startswith("zh"):
        return f"{field_label(whole, lang)}第 {index} 项的{field_label(part, lang)}"
    return f"{field_label(whole, lang)} {index}, {field_label(part, lang)}"


def problem_text(problem: FieldProblem, lang: str = ZH) -> str:
    template = PROBLEMS.get(problem.code)
    words = _fill(_pick(template, lang), dict(problem.params)) if template else problem.code
    label = field_label(problem.field, lang)
    where = ""
    if problem.row is not None:
        where = f"第 {problem.row} 行，" if lang.startswith("zh") else f"row {problem.row}, "
    sep = "：" if lang.startswith("zh") else ": "
    return f"{where}{label}{sep}{words}"


def error_text(error: AppError, lang: str = ZH) -> str:
    """One or more lines that say what went wrong and where."""
    template = MESSAGES.get(error.code)
    head = _fill(_pick(template, lang), error.params) if template else str(error)
    if isinstance(error, ValidationError):
        return "\n".join([head, *("  " + problem_text(p, lang) for p in error.problems)])
    return head
