"""Words for error codes, in Chinese and English (Qt-free: the CLI and the GUI share them).

Widget labels are translated with Qt Linguist (resources/i18n); messages that services raise
are codes with parameters and are turned into sentences here, so that the command line, which
has no Qt, says exactly what the window says. ``tests/test_texts.py`` keeps both languages
complete and their placeholders equal.
"""

from __future__ import annotations

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
    "cancelled": ("已取消，未保存任何内容。", "Cancelled; nothing was saved."),
    "no_districts": ("数据库中没有区县，请先初始化（laomo init）。",
                     "The database has no districts: set it up first (laomo init)."),
    "demo_id_space_exhausted": ("演示数据人数太多，无法生成不重复的身份证号码。",
                                "Too many demo members to give each a unique ID number."),
    "demo_needs_setup": ("请先初始化数据库（laomo init），再生成演示数据。",
                         "Set up the database (laomo init) before generating demo data."),
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
}

FIELDS: dict[str, tuple[str, str]] = {
    "district": ("区县", "district"),
    "name": ("用户名", "user name"),
    "password": ("密码", "password"),
    "new_password": ("新密码", "new password"),
    "old_password": ("原密码", "current password"),
    "role": ("角色", "role"),
    "id_number": ("身份证号码", "ID number"),
    "members": ("人数", "members"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang.startswith("zh") else pair[1]


def _fill(template: str, params: dict[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def problem_text(problem: FieldProblem, lang: str = ZH) -> str:
    template = PROBLEMS.get(problem.code)
    words = _fill(_pick(template, lang), dict(problem.params)) if template else problem.code
    field = FIELDS.get(problem.field)
    label = _pick(field, lang) if field else problem.field
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
