"""Words for error codes, in Chinese and English (Qt-free: the CLI and the GUI share them).

Widget labels are translated with Qt Linguist (resources/i18n); messages that services raise
are codes with parameters and are turned into sentences here, so that the command line, which
has no Qt, says exactly what the window says. ``tests/test_texts.py`` keeps both languages
complete and their placeholders equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from desktop.core.vocabulary import HARDSHIP_STATUS, HARDSHIP_STEPS
from desktop.errors import AppError, FieldProblem, ValidationError

ZH = "zh_CN"
EN = "en"

# code -> (Chinese, English); placeholders are str.format fields.
MESSAGES: dict[str, tuple[str, str]] = {
    "validation_failed": ("输入有 {count} 处问题，未保存任何内容。",
                          "{count} problem(s) in the input; nothing was saved."),
    "permission_denied": ("没有权限：{role}不能{permission}。请由有此权限的同事办理，"
                          "或请管理员调整您的角色。",
                          "Not permitted: a {role} cannot {permission}. Ask a colleague who "
                          "may, or ask the administrator to change your role."),
    "not_found": ("找不到记录：{entity} {key}。", "Record not found: {entity} {key}."),
    "login_failed": ("用户名或密码不正确。", "Wrong user name or password."),
    "password_grant_invalid": ("登录已过期，请重新登录后再设置密码。",
                               "The log-in has expired: log in again to set your password."),
    "account_locked": ("连续输错密码次数过多，账户已锁定，请 {minutes} 分钟后再试或请管理员解锁。",
                       "Too many wrong passwords: the account is locked. Try again in "
                       "{minutes} minute(s) or ask an administrator to unlock it."),
    "already_initialised": ("数据库已初始化（{association}），不能再次初始化。",
                            "The database is already set up ({association})."),
    "network_share": ("数据库文件位于网络共享目录（{path}）。SQLite 在网络盘上会损坏数据，"
                      "请把数据库放在本机磁盘，多人共用请改用 PostgreSQL。",
                      "The database file is on a network share ({path}). SQLite corrupts data "
                      "there: keep it on a local disk, or use PostgreSQL to share it."),
    "file_in_use": ("无法替换文件 {path}：它正被其他程序打开（如 PDF 阅读器、Excel、杀毒软件），"
                    "或没有写入权限。请关闭打开它的程序后重试，或换一个文件名。原有文件未改动。",
                    "Cannot replace {path}: another program has it open (a PDF reader, Excel, "
                    "an antivirus scanner) or it may not be written. Close that program and try "
                    "again, or choose another file name. The existing file was not changed."),
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
    "schema_outdated": ("数据库 {path} 是旧版本的结构（版本 {revision}，本程序为 {head}）：检查只读不改，"
                        "请先启动程序或运行 laomo init 升级（升级前自动备份），再检查。未做任何修改。",
                        "The database {path} has an older schema ({revision}; this program is "
                        "at {head}): the check only reads. Start the program or run laomo init "
                        "to upgrade it (a backup is made first), then check again. Nothing was "
                        "changed."),
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
    "disk_full": ("无法写入 {path}：磁盘或U盘已满。请腾出空间或换一个U盘后重试。未留下不完整的文件。",
                  "Cannot write {path}: the disk or USB stick is full. Free some space or use "
                  "another stick and try again. No partial file was left."),
    "target_read_only": ("无法写入 {path}：目标位置是只读的（U盘写保护开关、光盘或没有写入权限）。"
                         "请换一个位置后重试。未留下不完整的文件。",
                         "Cannot write {path}: the target is read-only (a USB stick's write "
                         "protection, a disc, or no permission). Choose another place and try "
                         "again. No partial file was left."),
    "output_is_directory": ("{path} 是一个文件夹，请给出文件名。", "{path} is a folder: give a file name."),
    "backup_unreadable": ("无法读取备份文件 {path}（文件已损坏、不完整或不是劳模之家的备份）。数据库未被修改。",
                          "Cannot read the backup {path} (damaged, incomplete, or not a 劳模之家 backup). The database was not changed."),
    "demo_real_register": ("这个数据库已有 {count} 位真实人员，不能加入演示数据（演示人员混入后无法区分）。请另建一个空数据库来演示：laomo --db 演示.sqlite3 init …。未写入任何内容。",
                           "This database holds {count} real persons: demo data cannot be added (invented persons could not be told apart afterwards). Make an empty database for demonstrations. Nothing was written."),
    "backup_size_mismatch": ("备份文件 {path} 的清单记载数据库为 {declared} 字节，压缩包中却是 {stored} 字节（文件已损坏或被构造），未解压。数据库未被修改。",
                             "The manifest of {path} says {declared} bytes but the archive holds {stored} (damaged or crafted); nothing was unpacked. The database was not changed."),
    "backup_no_space": ("磁盘空间不足，无法恢复 {path}：需要约 {need} MB，只剩 {free} MB。数据库未被修改。",
                        "Not enough disk space to restore {path}: about {need} MB needed, {free} MB free. The database was not changed."),
    "restore_needs_login": ("这台电脑的数据库已有用户：请以管理员身份登录后，在“文件 → 恢复备份”中恢复。数据库未被修改。",
                            "This computer's database has users already: log in as an administrator and restore from File → Restore a backup. The database was not changed."),
    "backup_other_association": ("备份 {path} 属于“{backup}”，而当前数据库属于“{current}”。恢复会用别的协会的数据覆盖本会数据，已拒绝。确需如此，请用 --other-association \"原因\" 说明原因后再恢复。数据库未被修改。",
                                 "The backup {path} belongs to “{backup}”, this database to “{current}”: restoring would replace this association's data with another's, so it was refused. If that is really meant, give the reason with --other-association \"reason\". The database was not changed."),
    "database_in_use": ("数据库 {path} 正被其他程序使用：{holder}。请先关闭该程序（退出劳模之家窗口）再恢复，否则它之后保存的内容会丢失。数据库未被修改。",
                        "The database {path} is in use by another program: {holder}. Close it (quit the 劳模之家 window) first, or what it saves afterwards would be lost. The database was not changed."),
    "backup_unknown_format": ("{path} 的备份格式 {format} 无法识别。数据库未被修改。",
                              "The backup {path} has an unknown format {format}. The database "
                              "was not changed."),
    "backup_passphrase_short": ("备份口令太短：至少 {minimum} 个字符。未写入任何文件。",
                                "The backup passphrase is too short: at least {minimum} "
                                "characters. No file was written."),
    "backup_passphrase_required": ("备份需要口令：请设置环境变量 LAOMO_BACKUP_PASSPHRASE 或在终端中输入；"
                                   "确需不加密的备份，请加 --no-encrypt。",
                                   "A backup passphrase is needed: set LAOMO_BACKUP_PASSPHRASE or "
                                   "type it in a terminal; for an unencrypted backup on purpose, "
                                   "add --no-encrypt."),
    "backup_passphrase_needed": ("备份 {path} 已加密，需要备份口令：请设置环境变量 "
                                 "LAOMO_BACKUP_PASSPHRASE 或在终端中输入。数据库未被修改。",
                                 "The backup {path} is encrypted: its passphrase is needed (set "
                                 "LAOMO_BACKUP_PASSPHRASE or type it in a terminal). The database "
                                 "was not changed."),
    "backup_wrong_passphrase": ("备份口令不正确，无法解密 {path}。请核对口令（区分大小写）后重试。"
                                "数据库未被修改。",
                                "Wrong passphrase: the backup {path} cannot be decrypted. Check "
                                "the passphrase (capitals count) and try again. The database was "
                                "not changed."),
    "backup_too_slow_here": ("备份 {path} 是在快得多的电脑上加密的，在这台电脑上解密约需 {seconds} 秒，已停止。请在更快的电脑上恢复，或请信息科用 age 工具解密。数据库未被修改。",
                             "The backup {path} was encrypted on a much faster computer: decrypting it here would take about {seconds} seconds, so it was stopped. Restore it on a faster computer, or have IT decrypt it with the age tool. The database was not changed."),
    "passphrases_differ": ("两次输入的备份口令不一致。未写入任何文件。",
                           "The two passphrases differ. No file was written."),
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
    "password_required": ("需要密码：请设置环境变量 {env} 或在终端中输入。",
                          "A password is needed: set {env} or type it in a terminal."),
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
    # duplicates and merging (desktop/services/register/duplicates.py, person_merge.py)
    "duplicate_self": ("不能把一条记录与它自己合并或比对。",
                       "A record cannot be merged with or compared to itself."),
    "person_already_merged": ("“{name}”已合并到另一条记录，不能再合并。",
                              "“{name}” was already merged into another record."),
    "not_a_merge": ("这条动态记录不是合并，不能按合并撤销。",
                    "This history entry is not a merge and cannot be undone as one."),
    "merge_already_undone": ("这次合并已经撤销过了。", "This merge was already undone."),
    "merge_undo_same_id": ("“{name}”与保留的记录身份证号码相同，撤销合并会使同一身份证号码有两份在册记录，"
                           "因此不能撤销。未做任何修改。",
                           "“{name}” has the kept record's ID number: undoing the merge would "
                           "register one ID number twice, so it cannot be undone. Nothing was "
                           "changed."),
    "merge_undo_conflict": ("合并后“{name}”的记录又有改动，无法原样撤销合并；请先撤销之后的改动。",
                            "“{name}” changed after the merge, so the merge cannot be undone "
                            "exactly; undo the later changes first."),
    # persons (desktop/services/register/persons.py, person_events.py)
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
    # --- printed documents (issue 5) ---
    "seal_not_image": ("{name} 不是图片：公章图片须为 PNG 或 JPEG 文件。",
                       "{name} is not an image: the seal must be a PNG or JPEG file."),
    "seal_too_large": ("公章图片 {name} 太大（{size} MB），请使用 2 MB 以内的图片。",
                       "The seal image {name} is too large ({size} MB); use one under 2 MB."),
    "certificate_no_honors": ("{name} 没有未撤销的荣誉称号，不能出具荣誉称号证明。",
                              "{name} holds no kept honor, so no proof of title can be issued."),
    "document_voided": ("编号 {serial} 已作废，不能补打或再次作废。",
                        "Serial {serial} was voided; it cannot be reprinted or voided again."),
    "document_unknown_serial": ("登记中没有编号 {serial}。",
                                "There is no serial {serial} in the document log."),
    "document_not_certificate": ("编号 {serial} 是会员证，不是荣誉称号证明，不能补打为证明。",
                                 "Serial {serial} is a membership card, not a proof of title."),
    "cards_too_many": ("一次最多打印 {limit} 张会员证，当前有 {count} 人，请缩小筛选范围。",
                       "At most {limit} cards at a time ({count} match): narrow the filter."),
    # --- visits and recuperation (issue 7) ---
    "holiday_calendar_invalid": (
        "节假日日历文件无效：{detail}。未作任何更改。",
        "The holiday calendar file is not valid: {detail}. Nothing was changed.",
    ),
    "holiday_calendar_not_newer": (
        "节假日日历版本 {version} 不比当前使用的 {current} 新，未载入。",
        "Holiday calendar version {version} is not newer than {current} in use: not loaded.",
    ),
    "id_too_short": (
        "编号“{value}”太短：请至少给出前 8 位。",
        "The id “{value}” is too short: give at least its first 8 characters.",
    ),
    "recuperation_replace_confirmed": (
        "{name} 已确认参加，替补只能替换婉拒的人员：请选中婉拒的那一行。",
        "{name} has confirmed and goes: only a person who declined can be replaced. Select "
        "the row of the person who declined.",
    ),
    "recuperation_replace_nominated": (
        "{name} 尚未婉拒，替补只能替换婉拒的人员：先点“婉拒…”登记原因，或选中婉拒的那一行。",
        "{name} has not declined: only a person who declined can be replaced. Record the "
        "refusal with “Declined…” first, or select the row of the person who declined.",
    ),
    "recuperation_replace_replaced": (
        "{name} 的名额已经替补过了：请选中另一位婉拒的人员。",
        "{name}'s place was already filled from the waiting list: select another person "
        "who declined.",
    ),
    "recuperation_no_waiting": (
        "候补名单中没有符合条件的人选可以替补。",
        "Nobody eligible is left on the waiting list to replace them.",
    ),
    # --- import (issue 4) ---
    "import_unknown_format": ("无法识别 {path} 的类型：可导入 .xlsx、.xls 或 .csv 文件。",
                              "Cannot import {path}: use an .xlsx, .xls or .csv file."),
    "import_missing": ("找不到文件 {path}。", "The file {path} does not exist."),
    "import_unreadable": ("系统无法读取文件 {path}（可能正被其他程序占用，或所在的磁盘、U 盘已断开）。未导入任何内容。",
                          "The system cannot read {path} (another program may hold it, or its disk is gone). Nothing was imported."),
    "import_no_access": ("没有读取文件 {path} 的权限。请把文件复制到“文档”或桌面后再导入。未导入任何内容。",
                         "No permission to read {path}: copy it to your documents or desktop and import again. Nothing was imported."),
    "import_damaged": ("{path} 已损坏或不完整（可能下载或拷贝没有完成），无法读取。请从原处重新获取文件，或在 Excel/WPS 中打开后另存，再导入。未导入任何内容。",
                       "{path} is damaged or incomplete (an unfinished download or copy?). Get it again, or open it in Excel/WPS and save it, then import. Nothing was imported."),
    "import_not_workbook": ("{path} 的扩展名是 .{ext}，但内容不是 Excel 工作簿（可能是网页、PDF 或其他文件改了扩展名）。请在 Excel/WPS 中打开后另存为 .xlsx，再导入。未导入任何内容。",
                            "{path} is named .{ext} but is no Excel workbook (a web page, PDF or other file renamed?). Open it in Excel/WPS, save it as .xlsx and import again. Nothing was imported."),
    "import_not_text": ("{path} 不是文本格式的 CSV 文件（含有空字符：可能是 UTF-16 的“Unicode 文本”、已损坏，或其他文件改了扩展名）。请在 Excel/WPS 中另存为“CSV UTF-8”后再导入。未导入任何内容。",
                        "{path} is no CSV text (it holds NUL bytes: UTF-16 “Unicode text”, damaged, or another file renamed). Save it as “CSV UTF-8” in Excel/WPS and import again. Nothing was imported."),
    "import_encoding": ("无法识别 {path} 的文字编码。可导入 UTF-8 或 GBK/GB18030 编码的 CSV 文件：请在 Excel/WPS 中另存为“CSV UTF-8”。未导入任何内容。",
                        "Unknown text encoding in {path}: CSV files must be UTF-8 or GBK/GB18030. Save it as “CSV UTF-8” in Excel/WPS. Nothing was imported."),
    "import_too_big": ("{path} 的内容（解压后）超过 {limit} MB，超出了一次导入的上限；文件可能已损坏或被恶意构造。请删除多余内容后另存，或拆分成几个文件导入。未导入任何内容。",
                       "{path} holds more than {limit} MB (unpacked), over the limit of one import; the file may be damaged or crafted. Remove what is not needed or split it. Nothing was imported."),
    "import_far_cell": ("{path} 的工作表“{sheet}”在 {cell} 处有内容，超出了可导入的范围（最多 {rows} 行、{columns} 列）。多半是表格下方或右侧有误填的内容：请在 Excel/WPS 中删除这些行、列后另存，再导入。未导入任何内容。",
                        "Sheet “{sheet}” of {path} holds something at {cell}, beyond what can be imported ({rows} rows, {columns} columns at most). Probably stray content below or right of the table: delete those rows/columns in Excel/WPS, save, and import again. Nothing was imported."),
    "import_too_many_rows": ("{path} 的工作表“{sheet}”有 {count} 行，超出了一次导入的上限 {limit} 行。请拆分成几个文件分别导入。未导入任何内容。",
                             "Sheet “{sheet}” of {path} has {count} rows, over the limit of {limit} per import: split it into several files. Nothing was imported."),
    "import_too_many_strings": ("{path} 的共享文本表有 {count} 项，超出了上限 {limit}；文件可能已损坏或被恶意构造。请在 Excel/WPS 中打开后另存，再导入。未导入任何内容。",
                                "{path} has {count} shared strings, over the limit of {limit}; the file may be damaged or crafted. Open it in Excel/WPS, save it and import again. Nothing was imported."),
    "import_unsafe_xml": ("{path} 内含文档类型声明或实体定义（DTD），正常的 Excel/WPS 文件不会有这些内容，为安全起见拒绝读取。请在 Excel/WPS 中打开后另存，再导入。未导入任何内容。",
                          "{path} contains a document type declaration or entities (DTD), which no Excel/WPS file has; it is refused for safety. Open it in Excel/WPS, save it and import again. Nothing was imported."),
    "import_cell_too_long": ("{path} 第 {row} 行附近有一格内容超过 {limit} 个字符，不像名册数据（可能引号没有配对）。请检查后另存，再导入。未导入任何内容。",
                             "Near row {row} of {path} one cell holds more than {limit} characters, which no roster has (an unpaired quote?). Check it, save, and import again. Nothing was imported."),
    "import_encrypted": ("{path} 设有打开密码。请在 Excel/WPS 中取消密码（文件 → 信息 → 保护工作簿）后另存，再导入。",
                         "{path} is password-protected. Remove the password in Excel/WPS, save, and import again."),
    "import_empty": ("{path} 中没有任何数据。", "{path} holds no data."),
    "import_no_sheet": ("{path} 中没有名为“{sheet}”的工作表。可选：{known}",
                        "{path} has no sheet named “{sheet}”. Sheets: {known}"),
    "import_no_header": ("在前 {rows} 行中找不到表头（需要“姓名”列和至少一个其他可识别的列，如身份证号码、性别）。",
                         "No header row in the first {rows} rows (a “姓名” column and at least one other known column are needed)."),
    "import_no_name_column": ("没有指定“姓名”列，无法导入。", "No column is mapped to the name: cannot import."),
    "import_no_rows": ("{path} 的表头下面没有数据行。", "{path} has no data rows under the header."),
    "import_cancelled": ("导入已取消，未写入任何内容。", "Import cancelled; nothing was written."),
    "import_mapping_unknown": ("没有名为“{name}”的列对应方案。已保存的方案：{known}",
                               "No saved column mapping named “{name}”. Saved: {known}"),
    "import_report_not_xlsx": ("文件 {path} 的文件名请以 .xlsx 结尾。", "The file {path} must end in .xlsx."),
    "import_batch_unknown": ("找不到导入批次 {batch}。", "No import batch {batch}."),
    "import_batch_undone": ("导入批次 {batch} 已经撤销过。", "Import batch {batch} was already undone."),
    "import_undo_edited": ("该批次中有 {count} 人在导入后又被修改或删除（{names}），不能整批撤销。未做任何修改。",
                           "{count} person(s) of this batch were edited or deleted after the import "
                           "({names}): it cannot be undone as a whole. Nothing was changed."),
    "import_busy": ("另一位同事正在导入，等了一分钟仍未完成。请稍后再导入。未写入任何内容。",
                    "Another import is running and did not finish within a minute. Import again "
                    "later. Nothing was written."),
    "import_id_taken": ("导入期间有人登记了表中某个身份证号码的人员。为免同一人登记两次，未写入任何内容，"
                        "请重新导入（已登记的人将按更新处理）。",
                        "While the file was being imported someone registered a person with one "
                        "of its ID numbers. To avoid registering anyone twice nothing was written: "
                        "import again (those persons will be updated)."),
    "import_row_changed": ("导入期间有人修改了要更新的人员记录。未写入任何内容，请重新导入。",
                           "Someone changed a person this import updates while it ran. Nothing "
                           "was written: import again."),
    "export_template_unknown": ("没有名为“{name}”的导出模板。可选：{known}",
                                "No export template named “{name}”. Known: {known}"),
    # --- hardship files (issue 6) ---
    "hardship_read_only": ("档案当前状态为“{status}”，不能直接修改；已审批的档案请用“变更”并填写理由。",
                           "The file is “{status}” and cannot be edited directly; change an "
                           "approved file through an amendment with a reason."),
    "hardship_step_out_of_order": ("档案当前状态为“{status}”，不能执行“{action}”（不能越过或颠倒流程）。",
                                   "The file is “{status}”: “{action}” is not the next step."),
    "hardship_verifier_decides": ("{user} 已为本档案做过入户核查，审批须由另一位审核人作出（核查与审批分离）。未做任何修改。",
                                  "{user} recorded this file's verification; the decision must be taken by another reviewer (verifier ≠ approver). Nothing was changed."),
    "hardship_maker_checker": ("用户 {user} 建立或最后修改了这份档案，不能由本人核查或审批（审核与经办须分离）。",
                               "{user} created or last edited this file and so cannot verify "
                               "or approve it (maker ≠ checker)."),
    "hardship_documents_lacking": ("提交申请前请先在“材料”中添加：{documents}（本人申请及其证明材料齐全后才能交审核）。",
                                   "Before submitting, add these documents under Documents: "
                                   "{documents} (the application goes to the reviewers "
                                   "complete)."),
    "hardship_documents_missing": ("提交前请先在“材料”中添加：{documents}（本人申请及其证明材料齐全后才能交审核；入户核查记录、公示材料在核查、公示时补充）。未做任何修改。",
                                   "Add these documents before submitting: {documents} (the "
                                   "application goes to the reviewers complete; the check and "
                                   "notice records follow with those steps). Nothing was changed."),
    "hardship_documents_fixed": ("档案当前状态为“{status}”，材料已是审批所依据的材料，不能更正类型或删除。未做任何修改。",
                                 "The file is “{status}”: its documents are those the "
                                 "decision was taken on and cannot be retyped or removed. "
                                 "Nothing was changed."),
    "hardship_notice_documents_lacking": ("开始公示前请先在“材料”中添加：{documents}（公示的是已核查的档案）。",
                                          "Before the public notice, add these documents "
                                          "under Documents: {documents} (the notice shows "
                                          "a checked file)."),
    "hardship_approve_documents_lacking": ("审批认定前请先在“材料”中添加：{documents}（审批前档案材料须齐全，包括入户核查记录和公示材料）。",
                                           "Before approval, add these documents under "
                                           "Documents: {documents} (every document, the home "
                                           "visit record and the notice too, is on file "
                                           "before approval)."),
    "hardship_notice_documents_missing": ("以下材料尚未添加，不能开始公示：{documents}（公示的是已核查的档案，须先在“材料”中附入户核查记录）。未做任何修改。",
                                          "The public notice cannot start while these "
                                          "documents are missing: {documents} (add the "
                                          "home visit record under Documents first). "
                                          "Nothing was changed."),
    "hardship_approve_documents_missing": ("以下材料尚未添加，不能审批认定：{documents}（审批前档案材料须齐全，包括入户核查记录和公示材料）。未做任何修改。",
                                           "The file cannot be approved while these "
                                           "documents are missing: {documents} (every "
                                           "document, the home visit record and the notice "
                                           "too, is on file before approval). Nothing was "
                                           "changed."),
    "hardship_notice_running": ("公示期到 {end} 才结束，公示期满后才能审批。",
                                "The public notice runs until {end}: approve after it ends."),
    "hardship_not_approved": ("档案 {serial} 不在已审批认定的在档状态，不能登记发放（只有已审批、仍在档的档案才能发放）。",
                              "File {serial} is not an approved open file: only approved "
                              "files still open can be paid."),
    "hardship_proof_not_approved": ("档案 {serial} 尚未审批认定，不能开具帮扶证明（审批认定并登记发放后才能开具）。",
                                    "File {serial} is not approved yet: no proof of assistance "
                                    "can be issued (it follows the approval and a payment)."),
    "hardship_proof_rejected": ("档案 {serial} 不予认定，不能开具帮扶证明。",
                                "File {serial} was rejected: no proof of assistance can be "
                                "issued."),
    "hardship_proof_unpaid": ("档案 {serial} 还没有发放记录，不能出具帮扶证明（证明的是已发放的帮扶）。请先登记发放。",
                              "File {serial} has no payment yet: a proof of assistance certifies payments made. Record a payment first."),
    "hardship_notice_not_public": ("以下档案未进入公示，不能列入公示名单：{serials}。",
                                   "These files are not in notice and cannot be published: {serials}."),
    "payment_blocked_revoked": ("“{name}”的劳模称号已撤销，不能发放帮扶资金。",
                                "{name}'s title was revoked: no payment."),
    "payment_blocked_emigrated": ("“{name}”已移居国(境)外，不能发放帮扶资金。",
                                  "{name} has emigrated: no payment."),
    "payment_blocked_lost_contact": ("“{name}”已失联，不能发放帮扶资金。",
                                     "{name} is out of contact: no payment."),
    "payment_blocked_investigation": ("“{name}”正在接受调查，不能发放帮扶资金。",
                                      "{name} is under investigation: no payment."),
    "hardship_person_deceased": ("“{name}”已故，不能为其新建困难档案（已故劳模的家属仍可走访慰问）。",
                                 "{name} has died: no new hardship file can be opened for them "
                                 "(their family may still be visited)."),
    "attachment_corrupt": ("附件“{file}”的内容与保存时的校验值不符，可能已损坏。",
                           "The attachment “{file}” does not match its stored checksum."),
    # --- visit follow-ups and campaign approval (integration) ---
    "visit_hardship_file_open": (
        "此人已有未结案的困难档案 {serial}（一户一档），请在“困难帮扶”页打开该档案，不另建新档。",
        "This person already has an open hardship file {serial}: open it on the Hardship page "
        "instead of a new one.",
    ),
    "visit_hardship_linked": (
        "这次走访已经建立了困难档案 {serial}。",
        "This visit already opened hardship file {serial}.",
    ),
    "visit_no_follow_up": (
        "这次走访没有待办的回访事项：请先登记结果并勾选“需要回访”。",
        "This visit has no open follow-up: record it with “follow-up needed” first.",
    ),
    "campaign_maker_checker": (
        "用户 {user} 建立或最后修改了这份走访名单，不能由本人审批（审核与经办须分离）。",
        "{user} made or last changed this campaign list and so cannot approve it "
        "(maker ≠ checker).",
    ),
    # the quarterly handoff (报送 / 汇总)
    "file_unreadable": ("无法读取 {path}：{reason}。未做任何更改。", "Cannot read {path}: {reason}. Nothing was changed."),
    "handoff_report_not_xlsx": ("报告文件 {path} 的文件名请以 .xlsx 结尾。", "The report file {path} must end in .xlsx."),
    "card_unreadable": ("无法读取协会名片：{reason}。未做任何更改。", "Cannot read the association card: {reason}. Nothing was changed."),
    "card_bad_signature": ("协会名片“{name}”的签名或指纹不符（文件被改动过）。未做任何更改。", "The association card “{name}” fails its signature or fingerprint (the file was altered). Nothing was changed."),
    "card_other_city": ("名片“{name}”属于{city}，不是本市的协会。未做任何更改。", "The card “{name}” belongs to {city}, not to this city. Nothing was changed."),
    "card_not_city": ("区县只能信任本市（市级协会）的名片，“{name}”不是。", "A district trusts only its city's card; “{name}” is not one."),
    "card_no_recipient": ("市级名片“{name}”缺少加密公钥，无法报送。", "The city card “{name}” has no encryption key: packages cannot be sent."),
    "card_unknown_district": ("“{name}”不是本市协会的区县，不能登记。", "“{name}” is not a district of this city's association."),
    "card_key_changed": ("“{name}”已登记了另一把密钥（指纹 {old}）。重新登记须由管理员给出理由（--replace-reason），旧密钥将被吊销。", "“{name}” is already enrolled with another key (fingerprint {old}). Re-enrolment needs an administrator and a reason (--replace-reason); the old key is revoked."),
    "card_key_in_use": ("“{name}”的名片与已登记的“{other}”用的是同一把密钥（两个协会的名片是否在同一台电脑上生成？）。每个协会须有自己的密钥：请{name}在自己的电脑上重新保存名片。未做任何更改。", "The card of “{name}” has the same key as “{other}”, which is enrolled (were both cards made on one computer?). Each association needs its own key: {name} saves its card again on its own computer. Nothing was changed."),
    "package_damaged": ("数据包已损坏或不完整：{reason}。未做任何更改。", "The package is damaged or incomplete: {reason}. Nothing was changed."),
    "package_unknown_format": ("数据包格式 {format} 无法识别。未做任何更改。", "Unknown package format {format}. Nothing was changed."),
    "package_not_for_us": ("这个数据包不是发给本协会的（加密给了别的市或别的单位）。未做任何更改。", "This package is not addressed to this association (encrypted for another city or office). Nothing was changed."),
    "package_wrong_kind": ("这里不能导入这种文件（{kind}）。未做任何更改。", "This kind of file ({kind}) cannot be imported here. Nothing was changed."),
    "package_unknown_sender": ("数据包的发送方“{sender}”没有登记：请管理员先在“汇总”页点“信任名片…”登记其名片，并与对方电话核对指纹（命令行：laomo handoff trust）。未做任何更改。", "The sender “{sender}” is not enrolled: an administrator first trusts its card with “Trust a card…” on the Summary page and reads the fingerprint over the phone (command line: laomo handoff trust). Nothing was changed."),
    "package_bad_signature": ("数据包的签名不对：不是“{sender}”登记的密钥签的。未做任何更改。", "The package's signature is wrong: not made with the key enrolled for “{sender}”. Nothing was changed."),
    "package_tampered": ("数据包被改动过：{part} 与签名的清单不符。未做任何更改。", "The package was altered: {part} does not match the signed manifest. Nothing was changed."),
    "package_replay": ("{district} 的第 {sequence} 号数据包已经导入过（已合并到第 {merged} 号）：重复的数据包被拒绝。", "Package {sequence} of {district} was already received (merged up to {merged}): a replayed package is refused."),
    "package_gap": ("{district} 的第 {sequence} 号数据包基于第 {base} 号，但本市只合并到第 {merged} 号：中间缺数据包。请先导入缺少的数据包，或由管理员导入时说明理由后接受（命令行：--accept-gap 理由）。", "Package {sequence} of {district} builds on package {base}, but only {merged} was merged here: packages are missing. Import them first, or an administrator importing it accepts the gap with a reason (command line: --accept-gap REASON)."),
    "package_newer_schema": ("数据包来自更新版本的程序（数据结构 {revision}，本程序 {ours}）。请先升级本程序。未做任何更改。", "The package comes from a newer program (schema {revision}, this program {ours}). Upgrade this program first. Nothing was changed."),
    "package_audit_broken": ("{district} 的操作日志与上次报送的不衔接（第 {seq} 条）：历史可能被改写。未做任何更改。", "The audit log of {district} does not continue the one sent last time (entry {seq}): its history may have been rewritten. Nothing was changed."),
    "receipt_unknown_package": ("回执对应的第 {sequence} 号数据包不在本单位的报送记录中。", "The receipt is for package {sequence}, which is not in this office's sent ledger."),
    "reference_older": ("参考数据包第 {sequence} 号不比已有的第 {have} 号新，被拒绝。", "Reference package {sequence} is not newer than the one applied ({have}): refused."),
    "handoff_write_failed": ("无法写入 {path}：{reason}（U盘已满或只读？）。未留下不完整的文件。", "Cannot write {path}: {reason} (USB stick full or read-only?). No partial file was left."),
    "handoff_city_cannot_export": ("市级协会不报送数据包，它接收各区县的数据包。", "The city does not export packages; it receives the districts' packages."),
    "handoff_no_city": ("还没有信任本市的名片：请管理员先在“报送”页点“信任名片…”登记市级名片，并与市级电话核对指纹（命令行：laomo handoff trust 市级名片文件）。", "No city card is trusted yet: an administrator first trusts the city's card with “Trust a card…” on the Report to city page and reads the fingerprint over the phone (command line: laomo handoff trust with the city's card)."),
    "handoff_not_staged": ("数据包 {id} 当前状态为 {state}，不能合并。", "Package {id} is {state}: it cannot be merged."),
    "handoff_not_merged": ("数据包 {id} 当前状态为 {state}，尚未合并。", "Package {id} is {state}: it is not merged."),
    "handoff_maker_checker": ("数据包 {id} 由您导入：合并或撤销须由另一位审核员或管理员进行。", "You imported package {id}: another reviewer or administrator merges or undoes it."),
    "handoff_undo_later_merge": ("数据包 {id} 之后又合并了其他数据包，不能单独撤销。", "Other packages were merged after package {id}: it cannot be undone alone."),
    "record_owned_by_district": ("“{what}”是{district}报送的记录，在市级只读：请由{district}修改后随下季度数据包报送，或由市级把更正随参考数据包发回。未做任何更改。", "“{what}” is a record reported by {district}: read-only at the city. {district} changes it and reports it again, or the city sends the correction back in the reference package. Nothing was changed."),
    "handoff_undo_later_edits": ("数据包 {id} 合并后，其中 {count} 条记录在市级又被修改过（{records}）：撤销会覆盖这些修改，已拒绝。确需撤销，请由管理员说明理由强制撤销（--force --reason 理由）。", "{count} records of package {id} were changed at the city after the merge ({records}): undoing would overwrite those changes, so it is refused. An administrator can force it with a reason (--force --reason TEXT)."),
    "handoff_item_not_open": ("事项 {id} 不是待处理的同身份证号冲突（当前：{status}），不能再裁定。", "Item {id} is not an open same-ID conflict (now: {status}): it cannot be resolved."),
    "handoff_proposal_decided": ("市级推荐的“{name}”已处理过（{status}）。", "The city's proposal “{name}” was already decided ({status})."),
    "handoff_reference_city_only": ("只有市级协会发布参考数据包。", "Only the city issues reference packages."),
    "handoff_honor_id_twice": (
        "身份证号 {number} 在两个区县都有记录：请先在 汇总 → 待处理事项 裁定这一身份证号事项，"
        "再推荐荣誉。",
        "The ID number {number} is on record in two districts: decide its item under "
        "Summary → Open items first, then propose the honor."),
    "campaign_already_approved": (
        "这份走访名单已由 {user} 于 {when} 审批。",
        "This campaign list was already approved by {user} on {when}.",
    ),
    "card_not_active": ("{name}（{state}）不是在册会员，不发会员证。",
                        "{name} ({state}) is not an active member: no membership card."),
    "certificate_deceased_reason": ("{name}已故：出具荣誉称号证明须说明理由（如家属办理事项），理由将印在证明上并记入日志。",
                                    "{name} has died: give the reason for this proof (e.g. a family matter); it is printed on the proof and logged."),
    "recuperation_none_confirmed": ("“{batch}”还没有已确认参加的人员：通知书只发给已确认的人（拟安排的人尚未确定）。",
                                    "Nobody is confirmed for “{batch}” yet: letters go only to confirmed persons."),
    "campaign_not_approved": (
        "“{title}”的走访名单尚未审批（草稿）：审核员审批后才能打印正式的走访慰问名单和签收表。",
        "The list of “{title}” is not approved yet (a draft): a reviewer approves it before "
        "the visit list and the receipt sheet are printed.",
    ),
}

# field / problem code -> (Chinese, English)
PROBLEMS: dict[str, tuple[str, str]] = {
    "payment_blocked_deceased": ("“{name}”已于 {date} 去世，不能再向本人账户发放（发放日期在去世之后）。",
                                 "{name} died on {date}: nothing dated after the death can be "
                                 "paid to their own account."),
    "payment_blocked_deceased_undated": (
        "“{name}”已故，名册中没有去世日期，不能再向本人账户发放。请先在名册中补记去世日期。",
        "{name} has died and the register has no date of death: nothing can be paid to their "
        "own account. Record the date of death in the register first."),
    "quarter_invalid": ("季度“{value}”的格式应为 2026Q4。", "The quarter “{value}” should look like 2026Q4."),
    "unknown_district": ("未知的区县或城市“{name}”。可选：{known}",
                         "Unknown district or city “{name}”. Known: {known}"),
    "user_name_invalid": ("用户名须为 2–32 个字母、数字、下划线、点或连字符。",
                          "A user name is 2–32 letters, digits, underscores, dots or hyphens."),
    "user_exists": ("用户名“{name}”已存在。", "The user name “{name}” is taken."),
    "password_too_short": ("密码至少 {minimum} 位。", "The password needs at least {minimum} characters."),
    "password_too_simple": ("密码不能全是数字或全是字母。",
                            "The password cannot be only digits or only letters."),
    "password_wrong": ("原密码不正确。", "The current password is wrong."),
    # --- phone numbers (person form and import) ---
    "phone_letters": ("电话号码“{value}”里有字母：请核对（数字 0 和字母 O、数字 1 和字母 l 容易混淆）。",
                      "The number “{value}” has letters in it: check it (0 and O, 1 and l "
                      "look alike)."),
    "phone_no_digits": ("“{value}”不是电话号码：没有电话请留空。",
                        "“{value}” is not a phone number: leave the field empty if there is "
                        "none."),
    "mobile_invalid": ("手机号码应为 1 开头的 11 位数字，“{value}”是 {digits} 位：请核对。",
                       "A mobile number is 11 digits starting with 1; “{value}” has {digits}: "
                       "check it."),
    "mobile_is_landline": ("注意：“{value}”是固定电话号码，应填在“联系电话”栏。",
                           "Note: “{value}” is a landline number; it belongs under phone."),
    "phone_is_mobile": ("注意：“{value}”是手机号码，可填在“手机”栏。",
                        "Note: “{value}” is a mobile number; it can go under mobile."),
    "phone_unreadable": ("注意：“{value}”不像完整的电话号码，请核对。",
                         "Note: “{value}” does not look like a whole phone number: check it."),
    "password_unchanged": ("新密码不能与原密码相同。",
                           "The new password must differ from the current one."),
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
    # persons (desktop/services/register/rules.py, persons.py, person_events.py)
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
    "record_owned_by_district": ("“{what}”是{district}报送的记录，在市级只读，不能由导入修改。", "“{what}” is a record reported by {district}: read-only at the city, an import cannot change it."),
    "value_not_allowed": ("“{value}”不可选，可选：{allowed}。", "“{value}” is not allowed; choose one of: {allowed}."),
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
    "death_before_event": ("去世日期早于 {date} 已记录的变动（如退休）：去世之后不能再有其他变动，请核对日期。",
                           "The death is dated before a change recorded on {date} (say a retirement): nothing happens after a death; check the dates."),
    "notice_before_submission": ("公示开始日期不能早于档案提交日期（{submitted}）。",
                                 "The notice cannot start before the file was submitted ({submitted})."),
    "notice_before_verification": ("公示开始日期不能早于入户核查日期（{verified}）：公示的是已核查的档案。",
                                   "The notice cannot start before the verification ({verified}): it shows a checked file."),
    "person_deceased": ("此人已故，不能记录这项变动。", "This person has died: this change cannot be recorded."),
    "constraint_failed": ("数据库拒绝了这些数据：{detail}", "The database refused the data: {detail}"),
    # --- visits and recuperation (issue 7) ---
    "occasion_unknown": (
        "慰问类别“{value}”无效。可选：{known}",
        "Unknown occasion “{value}”. Known: {known}",
    ),
    "window_reversed": (
        "结束日期早于开始日期。",
        "The last day is before the first day.",
    ),
    "campaign_no_rules": (
        "没有设置任何走访对象规则（待遇级别、困难劳模、年龄或已故劳模家属），无法生成名单。",
        "No selection rule is set (treatment level, hardship, age or deceased families): "
        "there would be nobody to visit.",
    ),
    "campaign_overlaps": (
        "{year} 年已有{occasion}走访活动“{title}”，不能重复建立。",
        "There is already a {occasion} campaign for {year}: “{title}”.",
    ),
    "already_planned": (
        "{name} 已在本次走访名单中。",
        "{name} is already on this campaign's list.",
    ),
    "visit_already_recorded": (
        "这次走访已记录结果，不能再移出名单。",
        "This visit already has a result and cannot be taken off the list.",
    ),
    "visit_removed": (
        "此人已移出本次走访名单，请先重新列入再登记结果。",
        "This person was taken off the list: put them back before recording a result.",
    ),
    "staff_unknown": (
        "组长或组员不在工作人员名单中。",
        "The leader or a member is not on the staff list.",
    ),
    "team_name_taken": (
        "本次活动已有名为“{name}”的走访组。",
        "This campaign already has a team named “{name}”.",
    ),
    "visit_outside_window": (
        "日期不在本次走访时段内（{start} 至 {end}）。",
        "The date is outside the campaign's window ({start} to {end}).",
    ),
    "visit_status_unknown": (
        "走访结果“{value}”无效。",
        "Unknown visit result “{value}”.",
    ),
    "way_unknown": (
        "走访方式应为：{known}。",
        "The way must be one of: {known}.",
    ),
    "money_above_standard": (
        "慰问金 {money} 元高于标准 {standard} 元，请填写超标准的理由。",
        "{money} yuan is above the standard of {standard} yuan: give a reason.",
    ),
    "photo_size": (
        "照片为空或超过 {maximum} 字节。",
        "The photo is empty or larger than {maximum} bytes.",
    ),
    "photo_duplicate": (
        "这张照片已经添加过了。",
        "This photo was already added.",
    ),
    "recuperation_over_age": (
        "{name} 在出发日已满 {age} 岁，超过 {limit} 岁的年龄上限。",
        "{name} is {age} on the start date, over the age limit of {limit}.",
    ),
    "recuperation_already_this_year": (
        "{name} 今年已参加或已入选疗休养（{batch}），每年最多一次。",
        "{name} already has a recuperation place this year ({batch}): at most once a year.",
    ),
    "recuperation_not_eligible": (
        "{name} 不符合本批次疗休养条件：{why}",
        "{name} is not eligible for this batch: {why}",
    ),
    "recuperation_quota_full": (
        "本批次名额 {quota} 人已满。",
        "The batch's {quota} places are taken.",
    ),
    "recuperation_already_on_roster": (
        "{name} 已在本批次名单中。",
        "{name} is already on this batch's roster.",
    ),
    "recuperation_status": (
        "当前状态下不能进行此操作。",
        "This cannot be done in the entry's present state.",
    ),
    "organiser_unknown": (
        "组织单位应为：全总、省总、市总 或 区县。",
        "The organiser must be 全总, 省总, 市总 or 区县.",
    ),
    # --- import (issue 4) ---
    "date_unreadable": ("无法识别的日期“{value}”（可写 1965.03、1965年3月、1965/3/1）。",
                        "Cannot read the date “{value}” (write 1965.03, 1965年3月 or 1965/3/1)."),
    "date_ambiguous": ("“{value}”不明确：Excel 把 1965.10 存成了 1965.1，是 1 月还是 10 月？请写成 1965年10月。",
                       "“{value}” is ambiguous: Excel stores 1965.10 as 1965.1. January or October? Write 1965年10月."),
    "year_unreadable": ("无法识别的年份“{value}”。", "Cannot read the year “{value}”."),
    "sex_unreadable": ("无法识别的性别“{value}”（应为 男 或 女）。", "Cannot read the sex “{value}” (男 or 女)."),
    "honor_title_missing": ("填了获得年份或级别，但没有荣誉称号。", "A year or level is given but no honor title."),
    "honor_level_unknown": ("无法判断荣誉“{title}”的级别，请写明（如 市劳动模范）或填写“荣誉级别”列。",
                            "Cannot tell the level of the honor “{title}”: name it fully (市劳动模范) or fill the level column."),
    "district_required": ("请填写所属区县。", "The district is required."),
    "district_other": ("“{name}”不属于本协会（{home}），区县模式下只能导入本区县的人员。",
                       "“{name}” is not this association's district ({home}): a county database imports its own district only."),
    "id_other_person": ("该身份证号码已登记在“{existing_name}”名下，与本行姓名不同（两个人不能共用一个号码）。",
                        "This ID number belongs to “{existing_name}” in the register, not to the name in this row."),
    "changed_during_import": ("导入期间此人的记录已被他人修改、删除或合并，本行未覆盖他人的修改；"
                              "请核对后重新导入这一行。",
                              "This person was changed, deleted or merged by someone else while the "
                              "import ran: the row did not overwrite it. Check and import the row "
                              "again."),
    "id_twice_in_file": ("同一身份证号码在第 {row} 行也出现了，但内容不同。", "The same ID number is in row {row} too, with different data."),
    "template_builtin": ("“{name}”是内置模板，请另取一个名称。", "“{name}” is a built-in template: choose another name."),
    "columns_unknown": ("未知的列：{columns}。", "Unknown column(s): {columns}."),
    # --- hardship files (issue 6) ---
    "hardship_category_unknown": ("困难类别“{value}”无效。", "Unknown hardship category “{value}”."),
    "hardship_category_missing": ("请选择困难类别。", "Choose the hardship category."),
    "hardship_cause_missing": ("请选择主要致困原因。", "Choose the main cause of hardship."),
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
    "standard_district_not_own": ("本协会只能设定通用标准或本区县（{own}）的标准，不能设定“{name}”的。",
                                  "This association sets the general rules or its own "
                                  "district's ({own}), not those of “{name}”."),
    "standards_none_to_copy": ("{year} 年没有可复制的标准。", "{year} has no rules to copy."),
    "hardship_no_account": ("档案中没有本人银行账号，资金只能发放到本人账户。",
                            "The file has no bank account of the person's own."),
    "payment_above_cap": ("{kind}每次不得超过 {limit} 元。",
                          "{kind}: at most {limit} yuan per payment."),
    "payment_above_medical_share": ("医疗救助不得超过自付医疗费的 {ratio}%（本次上限 {limit} 元）。",
                                    "Medical aid is at most {ratio}% of self-paid costs "
                                    "(limit {limit} yuan)."),
    "payment_no_standard": ("{year} 年尚未设定“{kind}”的发放标准，金额无法按标准核对：请确认金额无误（发放标准由管理员设定：laomo hardship standard）。",
                            "No standard is set for “{kind}” in {year}: the amount cannot be "
                            "checked against one, so make sure it is right (an administrator "
                            "sets standards: laomo hardship standard)."),
    "payment_same_day": ("{date} 已向本人发放过{kind}（{amounts} 元），请确认不是重复登记。",
                         "{kind} was already paid on {date} ({amounts} yuan): make sure this is "
                         "not the same payment twice."),
    "payment_per_year": ("{kind}每年最多发放 {count} 次，{year} 年已发放。",
                         "{kind}: at most {count} per year, already paid in {year}."),
    "attachment_type_unknown": ("材料类别“{value}”无效。", "Unknown document type “{value}”."),
    "attachment_not_a_file": ("“{path}”不是文件。", "“{path}” is not a file."),
    "attachment_empty": ("文件“{path}”是空的。", "The file “{path}” is empty."),
    "attachment_twice": ("“{path}”已于 {date} 作为“{doc_type}”添加过（{first}），不必再添加。",
                         "“{path}” was already added as “{doc_type}” on {date} ({first})."),
    "attachment_too_large": ("文件“{path}”有 {size_mb} MB，超过 {max_mb} MB 的上限；请扫描成较小的图片或 PDF。",
                             "“{path}” is {size_mb} MB, over the {max_mb} MB limit; scan it "
                             "smaller."),
    # --- import (issue 4 follow-up) ---
    "possible_duplicate_birth": (
        "注意：登记册中已有同名同出生日期的{name}（{district}，{unit}），可能是同一人，请核对后再导入。",
        "Note: the register already has a {name} with this birth date ({district}, {unit}); "
        "possibly the same person, check before importing.",
    ),
    "possible_duplicate_unit": (
        "注意：登记册中已有同名同工作单位的{name}（{district}，出生 {birth}），可能是同一人，请核对后再导入。",
        "Note: the register already has a {name} at this work unit ({district}, born {birth}); "
        "possibly the same person, check before importing.",
    ),
    # --- import (issue 14) ---
    "honor_year_applied": (
        "注意：荣誉称号栏有 {count} 项荣誉，年份栏的 {year} 年已记在“{title}”上，请核对。",
        "Note: the title cell holds {count} honors; the year column's {year} was given to "
        "“{title}”: check it.",
    ),
    "birth_date_from_id": (
        "出生年月“{value}”无法识别，已按身份证号码登记为 {date}。",
        "The birth date “{value}” cannot be read: registered as {date}, from the ID number.",
    ),
    "import_continued_row": (
        "第 {row} 行（姓名与本行合并为一格）的荣誉已一并导入。",
        "The honors of row {row} (its name cell merged with this row's) are imported too.",
    ),
    "import_said_deceased": (
        "注意：这一行写着“{text}”，导入后此人仍登记为健在，会列入走访名单：请在人员信息中登记去世及日期。",
        "Note: this row says “{text}”; after the import the person is still registered as alive "
        "and goes on visit lists: record the death and its date in the person's details.",
    ),
    "import_phone_two_mobiles": (
        "注意：“{value}”有两个手机号码，已按原样登记在此栏，请核对。",
        "Note: “{value}” holds two mobile numbers; registered as written in this column: check it.",
    ),
    "import_phone_two_landlines": (
        "注意：“{value}”有两个固定电话号码，已按原样登记在此栏，请核对。",
        "Note: “{value}” holds two landline numbers; registered as written in this column: "
        "check it.",
    ),
    "import_phone_mobile_kept": (
        "注意：“{value}”含手机号码，手机栏已另有号码，已按原样登记在联系电话，请核对。",
        "Note: “{value}” holds a mobile number while the mobile column has another; registered "
        "as written under phone: check it.",
    ),
    "import_phone_landline_kept": (
        "注意：“{value}”含固定电话号码，联系电话栏已另有号码，已按原样登记在手机，请核对。",
        "Note: “{value}” holds a landline number while the phone column has another; registered "
        "as written under mobile: check it.",
    ),
    "import_phone_kept": (
        "注意：“{value}”有几个号码，已按原样登记在此栏，请核对。",
        "Note: “{value}” holds several numbers; registered as written in this column: check it.",
    ),
    "import_phone_unread": (
        "注意：“{value}”不像完整的电话号码，已按原样登记，请核对。",
        "Note: “{value}” does not look like a whole phone number; registered as written: "
        "check it.",
    ),
    "import_phone_dropped": (
        "注意：“{value}”不是可用的电话号码，未导入：请核对后在人员信息中补录。",
        "Note: “{value}” is not a usable phone number and was not imported: check it and enter "
        "it in the person's details.",
    ),
    "honor_title_expanded": (
        "注意：荣誉称号的简称已按全称登记（{pairs}），请核对。",
        "Note: abbreviated honor titles are registered in full ({pairs}): check them.",
    ),
    "honor_year_unplaced": (
        "注意：“{titles}”没有年份（荣誉称号栏有 {count} 项荣誉，年份栏只有 {year} 年），请核对后补上。",
        "Note: “{titles}” has no year (the title cell holds {count} honors, the year column "
        "only {year}): check and add it.",
    ),
    "unit_position_whole": (
        "注意：工作单位及职务“{text}”分不清单位与职务，已整体登记为工作单位：请在人员信息中核对，把职务分出。",
        "Note: the work unit and position “{text}” cannot be told apart: all of it is "
        "registered as the work unit; check it in the person's details and move the position.",
    ),
    "unit_position_kept": (
        "注意：工作单位及职务“{text}”分不清单位与职务，登记册中的工作单位（{unit}）未改动：如有变动请在人员信息中修改。",
        "Note: the work unit and position “{text}” cannot be told apart: the registered work "
        "unit ({unit}) is left as it is; if it changed, edit it in the person's details.",
    ),
}

FIELDS: dict[str, tuple[str, str]] = {
    "district": ("区县", "district"),
    "user_name": ("用户名", "user name"),
    "name": ("姓名", "name"),
    "age": ("年龄", "age"),
    "password": ("密码", "password"),
    "new_password": ("新密码", "new password"),
    "old_password": ("原密码", "current password"),
    "role": ("角色", "role"),
    "id_number": ("身份证号码", "ID number"),
    "members": ("人数", "members"),
    "years": ("年数", "years"),
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
    "unit_position": ("工作单位及职务", "work unit and position"),
    "unit_type": ("单位类型", "unit type"),
    "industry": ("行业", "industry"),
    "professional_title": ("职称", "professional title"),
    "technical_grade": ("技术等级", "technical grade"),
    "employment_status": ("就业情况", "employment status"),
    "phone": ("联系电话", "phone"),
    "contact": ("公示异议受理联系方式", "objection contact"),
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
    "id_legacy15": ("15位旧身份证号", "old 15-digit ID number"),
    "is_farmer_model": ("农民劳模", "farmer model worker"),
    "district_id": ("管理区县", "managing district"),
    "death_date": ("去世日期", "date of death"),
    "under_investigation": ("正在调查", "under investigation"),
    "in_hardship": ("困难劳模", "in hardship"),
    "is_revoked": ("称号已撤销", "title revoked"),
    "treatment_level": ("待遇级别", "treatment level"),
    "highest_honor": ("最高荣誉", "highest honor"),
    "merged_into_id": ("已并入", "merged into"),
    "conflict_note": ("冲突说明", "conflict note"),
    "deleted_at": ("删除时间", "deleted at"),
    "delete_reason": ("删除原因", "reason for deletion"),
    "origin_district_id": ("报送区县", "reporting district"),
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
    # --- visits and recuperation (issue 7) ---
    "occasion": ("慰问类别", "occasion"),
    "campaign_title": ("活动名称", "campaign title"),
    "team_name": ("组名", "team name"),
    "batch_name": ("批次名称", "batch name"),
    "end_date": ("结束日期", "last day"),
    "start_date": ("开始日期", "first day"),
    "rules": ("走访对象规则", "selection rules"),
    "age_min": ("年龄下限", "minimum age"),
    "budget": ("预算", "budget"),
    "standards": ("慰问标准", "standards"),
    "person": ("人员", "person"),
    "status": ("状态", "status"),
    "team_members": ("组长或组员", "leader or members"),
    "planned_date": ("走访日期", "visit date"),
    "teams": ("走访组", "teams"),
    "per_day": ("每组每天人数", "visits per team and day"),
    "actual_date": ("实际走访日期", "date visited"),
    "way": ("走访方式", "way"),
    "money": ("慰问金", "money"),
    "photo": ("照片", "photo"),
    "kind": ("类别", "kind"),
    "quota": ("名额", "places"),
    "days": ("天数", "days"),
    "destination": ("目的地", "destination"),
    "organiser": ("组织单位", "organiser"),
    "cost_per_day": ("每天费用", "cost per day"),
    "max_age": ("年龄上限", "age limit"),
    # --- import (issue 4) ---
    "honor_year": ("获得年份", "year awarded"),
    "honor_level": ("荣誉级别", "honor level"),
    "mapping_name": ("方案名称", "mapping name"),
    "template_name": ("模板名称", "template name"),
    "columns": ("列", "columns"),
    # --- hardship files (issue 6) ---
    "household": ("家庭成员", "household member"),
    "relation": ("与本人关系", "relation"),
    "health": ("健康状况", "health"),
    "income": ("月收入", "monthly income"),
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
    "notice_start": ("公示开始日期", "notice start"),
    "notice_end": ("公示结束日期", "notice end"),
    "reject_reason": ("不予认定理由", "rejection reason"),
    "next_review_date": ("下次复核日期", "next review"),
    "closed_kind": ("结案方式", "closed as"),
    "closed_reason": ("结案理由", "reason for closing"),
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


def _fill(template: str, params: dict[str, Any], lang: str = ZH) -> str:
    """``template`` with ``params``; in English a parameter ``x_en`` (words a service made in
    Chinese and in English, such as a recuperation check) stands in for ``x``."""
    if not lang.startswith("zh"):
        params = {k: params.get(f"{k}_en", v) for k, v in params.items()}
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


_ENDS_ZH = ("。", "！", "？", "；")
_ENDS_EN = (".", "!", "?", ";")


def sentences(parts: Iterable[str], lang: str = ZH) -> str:
    """Notes one after the other: "；" between them in Chinese ("; " in English), none after
    a note that already ends its sentence (性别与身份证号码不符。出生日期…, not 。；)."""
    zh = lang.startswith("zh")
    out = ""
    for part in parts:
        if not part:
            continue
        if not out:
            out = part
        elif zh:
            out += part if out.endswith(_ENDS_ZH) else "；" + part
        else:
            out += (" " if out.endswith(_ENDS_EN) else "; ") + part
    return out


def problem_text(problem: FieldProblem, lang: str = ZH) -> str:
    template = PROBLEMS.get(problem.code)
    words = _fill(_pick(template, lang), dict(problem.params), lang) if template \
        else problem.code
    label = field_label(problem.field, lang)
    where = ""
    if problem.row is not None:
        where = f"第 {problem.row} 行，" if lang.startswith("zh") else f"row {problem.row}, "
    elif not lang.startswith("zh"):  # the field's name begins the sentence: "Sex: …"
        label = label[:1].upper() + label[1:]
    sep = "：" if lang.startswith("zh") else ": "
    return f"{where}{label}{sep}{words}"


PERMISSION_WORDS: dict[str, tuple[str, str]] = {
    "view": ("查看名册", "view the register"),
    "print": ("打印证明和名单", "print documents"),
    "edit_persons": ("登记或修改（人员、困难档案、发放、走访、疗休养批次）",
                     "enter or change records (persons, hardship files, payments, visits, "
                     "recuperation batches)"),
    "import_export": ("导入或导出文件（名册、走访名单、数据包）",
                      "import or export files (the register, visit lists, packages)"),
    "unmask": ("查看完整的身份证号和电话", "see full ID and phone numbers"),
    "review": ("审核", "review"),
    "approve": ("审批", "approve"),
    "manage_users": ("管理用户", "manage users"),
    "manage_settings": ("修改设置", "change the settings"),
    "backup": ("备份数据库", "back up the database"),
    "restore": ("恢复数据库", "restore the database"),
    "view_audit": ("查看审计日志", "view the audit log"),
    "check": ("检查数据库", "check the database"),
    # not Perms of their own: work that needs one of the above, named as the work
    "import_reference": ("导入市级参考数据包（标准、代码表、节假日，由管理员导入）",
                         "import the city's reference data (standards, code lists, holidays: "
                         "an administrator imports it)"),
    "accept_gap": ("接受缺号的数据包（须由管理员说明理由）",
                   "accept a package with a gap (an administrator, with a reason)"),
    # Actor.require_issuer (print, and enter records or approve)
    "issue_documents": ("开具编号文书（证书、会员证、帮扶证明）",
                        "issue numbered documents (certificates, member cards, proofs of "
                        "assistance)"),
}
"""What a permission lets people do, in words for people (issue 14: refusals never show the
internal names such as ``edit_persons``). A name missing here reads as :data:`SOME_WORK`."""
SOME_WORK = ("做这项工作", "do this")
ANY_ROLE = ("当前角色", "your role")

ROLE_WORDS: dict[str, tuple[str, str]] = {
    "admin": ("管理员", "administrator"), "reviewer": ("审核员", "reviewer"),
    "clerk": ("录入员", "clerk"), "viewer": ("只读用户", "viewer"),
}


STATE_WORDS: dict[str, tuple[str, str]] = {
    "staged": ("已暂存", "staged"), "merged": ("已合并", "merged"),
    "receipted": ("已发回执", "receipt sent"), "undone": ("已撤销合并", "undone"),
    "superseded": ("已被替代", "superseded"), "open": ("待处理", "open"),
    "paired": ("已配对", "paired"), "resolved": ("已裁定", "decided"),
    "accepted": ("已接受", "accepted"), "declined": ("已谢绝", "declined"),
}
"""States of handoff packages, items and proposals that refusals name (``{state}``,
``{status}``), in words for people."""


def permission_refusal(permission: str, role: str, lang: str = ZH) -> str:
    """Why a button is disabled or a step refused: the role and the work, in words."""
    return error_text(AppError("permission_denied", permission=permission, role=role), lang)


DAMAGE_REASONS = {
    "decryption": ("文件不完整或被改动过，无法解密（拷贝时是否中断？请区县重新拷贝一份）",
                   "the file is incomplete or was altered and cannot be decrypted (was the copy "
                   "interrupted? ask the district for a new copy)"),
    "not a package (zip unreadable)": ("这不是数据包文件，请选择区县报送的 .lmpkg 文件",
                                       "this is not a data package: choose the .lmpkg file "
                                       "the district sent"),
    "manifest missing": ("这不是数据包文件（缺少数据包清单），请选择区县报送的 .lmpkg 文件",
                         "this is not a data package (no package manifest): choose the .lmpkg "
                         "file the district sent"),
}
"""Why a package is damaged, in words (the package code's reasons are technical English)."""
_SOME_DAMAGE = ("内容不符合数据包的格式（技术细节：{reason}）",
                "its contents are not those of a package (technical detail: {reason})")


def error_text(error: AppError, lang: str = ZH) -> str:
    """One or more lines that say what went wrong and where."""
    template = MESSAGES.get(error.code)
    params = error.params
    if error.code == "package_damaged":
        reason = str(params.get("reason", ""))
        words = DAMAGE_REASONS.get(reason)
        params = dict(params) | {"reason": _pick(words, lang) if words else
                                 _pick(_SOME_DAMAGE, lang).format(reason=reason)}
    if error.code == "permission_denied":
        params = dict(params)
        perm, role = str(params.get("permission")), str(params.get("role"))
        # never the internal name (only_read_user cannot issue_documents): words, or
        # general words when a name has none
        params["permission"] = _pick(PERMISSION_WORDS.get(perm, SOME_WORK), lang)
        params["role"] = _pick(ROLE_WORDS.get(role, ANY_ROLE), lang)
    for key in ("state", "status"):
        if str(params.get(key)) in STATE_WORDS:
            params = dict(params) | {key: _pick(STATE_WORDS[str(params[key])], lang)}
    if error.code.startswith("hardship_"):
        # a hardship file's status and step in words (档案当前状态为“approved”, 不能执行“amend”)
        for key, table in (("status", HARDSHIP_STATUS), ("action", HARDSHIP_STEPS)):
            if str(params.get(key)) in table:
                params = dict(params) | {key: _pick(table[str(params[key])], lang)}
    head = _fill(_pick(template, lang), params, lang) if template else str(error)
    if isinstance(error, ValidationError):
        return "\n".join([head, *("  " + problem_text(p, lang) for p in error.problems)])
    return head


# the city's cross-district checks, as the handoff report (screen and .xlsx) words them
CHECK_KINDS = {"died_visited": "一方去世、另一方仍在走访", "honors_differ": "荣誉记录不一致"}


def check_words(c: dict[str, Any]) -> str:
    """What a cross-district check found, in a line: the death and the later visit, or the
    honors only one side records."""
    d = c.get("detail") or {}
    if c["kind"] == "died_visited":
        return f"{d.get('died')} 去世；{d.get('visited')} 走访"
    here, there = "、".join(d.get("only_here") or ()), "、".join(d.get("only_there") or ())
    return "；".join(x for x in (f"{c.get('district')}记有{here}" if here else "",
                                 f"{c.get('other_district')}记有{there}" if there else "") if x)
