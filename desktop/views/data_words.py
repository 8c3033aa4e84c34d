"""The register's own words in English mode (issue 14, point 3).

Sex, employment status, treatment level and similar values are stored as the Chinese words of
the forms (男, 在职, 省部级...). In Chinese mode they show as stored; in English mode the known
ones show in English and anything else (names, work units, free text) as stored.
"""

from __future__ import annotations

from desktop.views.i18n import current_language

ENGLISH: dict[str, str] = {
    "男": "Male", "女": "Female", "未知的性别": "Unknown", "未说明的性别": "Not stated",
    "在职": "Employed", "离退休": "Retired", "下岗(买断工龄)": "Laid off (bought out)",
    "自谋职业": "Self-employed", "其他": "Other",
    "全国": "National", "省部级": "Provincial", "市级": "City", "县级": "County",
    "退休": "Retired",
    "汉族": "Han",
    "中共党员": "CPC member", "群众": "No party",
    "未分组": "No team", "未排日期": "No date",
    "已走访": "Visited", "未走访": "Not visited", "待走访": "To visit",
    "春节": "Spring Festival", "元旦春节": "New Year and Spring Festival",
    "五一": "May Day", "生日": "Birthday", "住院": "In hospital",
    "生活困难": "Hardship in living", "医疗困难": "Medical hardship",
    "子女教育": "Children's education", "意外灾害": "Accident or disaster",
}


def data_word(value: str) -> str:
    """``value`` as the current language shows it."""
    if current_language() != "en":
        return value
    return ENGLISH.get(value, value)


def with_colon(label: str) -> str:
    """A label followed by the current language's colon (Chinese full-width, English ':')."""
    return label + (": " if current_language() == "en" else "：")
