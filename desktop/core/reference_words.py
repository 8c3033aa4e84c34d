"""English words for the reference lists the windows offer (issue 14, point 3).

The values are stored as the Chinese codes or words of the official forms (prints and exports
stay Chinese); in English mode the windows show these words instead. Each table is ``Words``
(``code or stored word → (Chinese, English)``) like those of ``desktop.core.vocabulary``; the
Chinese side is resources/reference/codes.json or the service's own list, which
tests/core/test_reference_words.py holds them to.
"""

from __future__ import annotations

from desktop.core.reference import code_table
from desktop.core.vocabulary import (
    HARDSHIP_CATEGORY,
    HARDSHIP_STATUS,
    LIFE_STATUS,
    ORGANISER,
    SEX,
    TIME_SLOT,
    TREATMENT_LEVEL,
    VISIT_STATUS,
    Words,
)


def _by_code(table: str, english: dict[str, str]) -> Words:
    chinese = code_table(table)
    return {code: (chinese[code], en) for code, en in english.items()}


def _by_word(pairs: dict[str, str]) -> Words:
    return {zh: (zh, en) for zh, en in pairs.items()}


ETHNICITY: Words = _by_code("ethnicity_GB_3304", dict(zip(
    [f"{n:02d}" for n in range(1, 57)],
    ("Han", "Mongol", "Hui", "Tibetan", "Uyghur", "Miao", "Yi", "Zhuang", "Bouyei", "Korean",
     "Manchu", "Dong", "Yao", "Bai", "Tujia", "Hani", "Kazakh", "Dai", "Li", "Lisu", "Va", "She",
     "Gaoshan", "Lahu", "Sui", "Dongxiang", "Naxi", "Jingpo", "Kyrgyz", "Tu", "Daur", "Mulao",
     "Qiang", "Blang", "Salar", "Maonan", "Gelao", "Xibe", "Achang", "Pumi", "Tajik", "Nu",
     "Uzbek", "Russian", "Evenki", "De'ang", "Bonan", "Yugur", "Gin", "Tatar", "Derung",
     "Oroqen", "Hezhen", "Monba", "Lhoba", "Jino"), strict=True))
    | {"97": "Other", "98": "Foreign-born Chinese citizen"})
"""GB 3304 (the 56 ethnic groups by their standard English names)."""

POLITICAL: Words = _by_code("political_GB_T_4762", {
    "01": "CPC member", "02": "CPC probationary member", "03": "Communist Youth League member",
    "04": "Revolutionary Committee of the Kuomintang", "05": "China Democratic League",
    "06": "Democratic Construction Association",
    "07": "China Association for Promoting Democracy",
    "08": "Peasants' and Workers' Democratic Party", "09": "China Zhi Gong Party",
    "10": "Jiusan Society", "11": "Taiwan Democratic Self-Government League",
    "12": "Non-party personage", "13": "Masses",
})
"""GB/T 4762 political status (two party names shortened to fit the person dialog)."""

POLITICAL_SHORT: Words = _by_word({
    "中共党员": "CPC member", "共青团员": "Youth League member", "群众": "Masses",
    "民主党派": "Democratic party member",
})
"""The short political statuses of the ACFTU forms (and of older rosters)."""

MARITAL: Words = _by_code("marital_GB_T_2261_2_2003", {
    "10": "Unmarried", "20": "Married", "30": "Widowed", "40": "Divorced", "90": "Not stated",
})

EDUCATION: Words = {**_by_code("education_GB_T_4658_2006_top", {
    "10": "Postgraduate", "20": "Undergraduate", "30": "Junior college",
    "40": "Secondary vocational", "60": "Senior high school", "70": "Junior high school",
    "80": "Primary school", "90": "Other",
}), **_by_code("education_GB_T_4658_2006_detail_examples", {
    "11": "Doctorate", "14": "Master's", "21": "Bachelor's", "31": "Junior college graduate",
    "41": "Technical secondary school graduate", "44": "Vocational high school graduate",
    "47": "Skilled-worker school graduate", "61": "Senior high school graduate",
    "71": "Junior high school graduate", "81": "Primary school graduate",
})}
"""GB/T 4658-2006: the top codes and the detailed ones the forms use."""

DEGREE: Words = _by_word({"博士": "Doctor's degree", "硕士": "Master's degree",
                          "学士": "Bachelor's degree"})

HUKOU_TYPE: Words = _by_code("hukou_type", {
    "非农业": "Non-agricultural", "农业": "Agricultural", "农转居": "Agricultural to urban",
})

EMPLOYMENT: Words = _by_code("employment_status_labor_model_survey_2014", {
    "在职": "Employed", "离退休": "Retired", "下岗(买断工龄)": "Laid off (bought out)",
    "自谋职业": "Self-employed", "其他": "Other",
})

HEALTH: Words = _by_word({
    "良好": "Good", "恶性肿瘤": "Malignant tumour", "心血管病": "Cardiovascular disease",
    "脑血管病": "Cerebrovascular disease", "终末期肾病": "End-stage kidney disease",
    "精神病": "Mental illness", "肝病": "Liver disease", "血液病": "Blood disease",
    "糖尿病": "Diabetes", "肿瘤病": "Tumour", "腰颈椎病": "Spine disorder",
    "高血压病": "Hypertension", "肺病": "Lung disease", "一般疾病": "Minor illness",
    "深度昏迷": "Deep coma", "永久瘫痪": "Permanent paralysis",
    "严重阿尔茨海默病": "Severe Alzheimer's disease",
    "严重帕金森病": "Severe Parkinson's disease",
    "严重运动神经元病": "Severe motor neurone disease", "残疾": "Disability",
    "癌症": "Cancer", "尿毒症": "Uraemia", "慢性病": "Chronic illness",
})
"""Health statuses of the ACFTU forms (the newer list, the older one's extra words, and the
慢性病 household members are often given)."""

DISABILITY_TYPE: Words = _by_word({
    "视力残疾": "Visual disability", "听力残疾": "Hearing disability",
    "言语残疾": "Speech disability", "智力残疾": "Intellectual disability",
    "肢体残疾": "Physical disability", "精神残疾": "Mental disability",
    "多重残疾": "Multiple disabilities",
})

DISABILITY_GRADE: Words = _by_word({
    "一级(极重度)": "Grade 1 (most severe)", "二级(重度)": "Grade 2 (severe)",
    "三级(中度)": "Grade 3 (moderate)", "四级(轻度)": "Grade 4 (mild)",
})

UNIT_TYPE: Words = _by_word({
    "国有机关/事业单位": "State organ or public institution", "国有企业": "State-owned enterprise",
    "集体企业": "Collective enterprise", "民营/私营/个体企业": "Private enterprise",
    "其他": "Other",
})

INDUSTRY: Words = _by_word({
    "农、林、牧、渔业": "Farming, forestry and fishing", "金融保险业": "Finance and insurance",
    "社会服务业": "Social services", "教育": "Education", "科技": "Science and technology",
    "文化": "Culture", "体育": "Sport", "宗教": "Religion", "医疗卫生": "Health care",
    "军队": "Armed forces", "国家机关": "State organs", "纺织系统": "Textiles",
    "冶金系统": "Metallurgy", "煤炭系统": "Coal", "机电系统": "Machinery and electrical",
    "电子仪表": "Electronics and instruments", "化工系统": "Chemicals",
    "国防系统": "Defence industry", "城建系统": "Urban construction",
    "精工系统": "Precision engineering", "财贸系统": "Finance and trade",
    "医药系统": "Pharmaceuticals", "其他": "Other",
})
"""The ACFTU's older industry list."""

TECHNICAL_GRADE: Words = _by_word({
    "高级技师": "Senior technician", "技师": "Technician", "高级工": "Senior worker",
    "中级工": "Intermediate worker", "初级工": "Junior worker",
})

INSURANCE: Words = _by_word({  # short: the whole words do not fit the person dialog
    "城镇职工基本养老保险、城镇职工基本医疗保险": "Employee pension and medical",
    "城乡居民基本养老保险、城乡居民基本医疗保险": "Resident pension and medical",
})

INSURANCE_SHORT: Words = _by_word({
    "职工医保": "Employee medical insurance", "城乡居民医保": "Resident medical insurance",
    "职工医保、养老保险": "Employee medical and pension insurance",
})
"""The short insurance words hardship files are written with (their 参保情况)."""

HOUSING: Words = _by_code("housing_type", {
    "自建房": "Self-built house", "商品房": "Commercial housing",
    "经济适用房": "Affordable housing", "两限房": "Price-capped housing",
    "承租单位公房": "Rented work-unit housing", "政府廉租房": "Public low-rent housing",
    "租房": "Rented", "其他": "Other",
})
"""Housing of a hardship file's household (困难档案 住房情况)."""

PAYMENT_KIND: Words = _by_word({
    "生活困难补助": "Living allowance", "特殊困难帮扶金": "Special hardship aid",
    "医疗救助": "Medical aid", "助学": "Education aid", "春节慰问金": "Spring Festival gift",
    "健康体检补助": "Health check allowance",
})
"""``desktop.services.hardship.rules.PAYMENT_KINDS``."""

VERIFY_METHOD: Words = _by_word({"入户": "Home visit", "电话": "Telephone",
                                 "信息比对": "Records check"})

REJECT_REASON: Words = {
    "income_above_line": ("家庭人均收入高于认定标准", "Income per person above the line"),
    "information_false": ("申报信息不实", "The information given was false"),
    "objection_upheld": ("公示异议经核实成立", "An objection to the notice was upheld"),
    "duplicate_household": ("同一家庭已建档", "The household already has a file"),
    "not_eligible": ("不符合帮扶条件", "Not eligible for aid"),
    "other": ("其他", "Other"),
}
"""``desktop.services.hardship.rules.REJECT_REASONS`` by code."""

OLDER_CATEGORY: Words = _by_word({"低收入": "Low income", "困难": "Hardship",
                                  "特困": "Extreme hardship"})
"""The older hardship categories an association may still offer (``OLDER_CATEGORIES_DEFAULT``);
困难 is also the hardship row of a campaign's standards."""

CLOSE_KIND: Words = _by_word({"脱困": "Out of hardship", "撤档": "File withdrawn"})

DOCUMENT_TYPE: Words = _by_word({
    "本人申请": "Application", "身份证": "ID card", "户口本": "Household register",
    "收入证明": "Proof of income", "低保证": "Subsistence allowance card",
    "诊断书": "Diagnosis", "医药费票据": "Medical receipts", "学费票据": "Tuition receipts",
    "入户核查记录": "Home visit record", "公示材料": "Public notice record", "其他": "Other",
})
"""The documents of a hardship file (``DOCUMENT_TYPES``)."""

OCCASION: Words = _by_word({
    "元旦春节": "New Year and Spring Festival", "五一": "May Day", "国庆": "National Day",
    "重阳": "Double Ninth Festival", "中秋": "Mid-Autumn Festival",
    "送清凉": "Summer cooling visit", "生日": "Birthday", "住院": "In hospital",
    "去世/吊唁": "Condolence", "其他": "Other",
})
"""``desktop.models.visits.OCCASIONS``."""

HOLIDAY: Words = _by_word({
    "元旦": "New Year's Day", "春节": "Spring Festival", "清明节": "Qingming Festival",
    "劳动节": "Labour Day", "端午节": "Dragon Boat Festival", "中秋节": "Mid-Autumn Festival",
    "国庆节": "National Day", "国庆节、中秋节": "National Day and Mid-Autumn Festival",
    "周末": "Weekend",
})
"""The public holidays of resources/reference/holidays.json, and 周末."""

VISIT_WAY: Words = _by_word({"登门": "At home", "单位": "At the work unit",
                             "快递": "By courier", "电话": "By telephone"})
"""How a visit was made (``desktop.services.visits.records.WAYS``)."""

EXPORT_TEMPLATE: Words = _by_word({
    "名册": "Register", "全总劳模信息调查表": "ACFTU model worker survey",
    "疗休养名单": "Recuperation list",
})
"""The built-in export templates (``BUILTIN_TEMPLATES``): named after the Chinese forms."""

EVERYDAY: Words = _by_word({
    "退休": "Retired", "未分组": "No team", "未排日期": "No date", "未走访": "Not visited",
    "春节": "Spring Festival", "生活困难": "Hardship in living", "医疗困难": "Medical hardship",
    "子女教育": "Children's education", "意外灾害": "Accident or disaster",
    "无业": "Unemployed", "学生": "Student",
    "未知的性别": "Unknown", "未说明的性别": "Not stated",
    # what the visits' coverage check says of a person no longer on the list
    "称号已撤销": "Title revoked", "已移居国(境)外": "Emigrated", "失联": "Lost contact",
    "接受调查": "Under investigation", "记录已合并": "Record merged",
    "本次规则未包含": "Not named by this campaign's rules",
})
"""Words the lists show that belong to no one table (older campaign and hardship values)."""

RELATION: Words = _by_word({
    "配偶": "Spouse", "子女": "Child", "儿子": "Son", "女儿": "Daughter", "父母": "Parent",
    "父亲": "Father", "母亲": "Mother", "孙子女": "Grandchild", "兄弟姐妹": "Sibling",
    "本人": "Self", "其他": "Other",
})
"""Household members' relation to the model worker (困难档案's 家庭成员 table)."""

_ALL: tuple[Words, ...] = (
    SEX, TREATMENT_LEVEL, LIFE_STATUS, EMPLOYMENT, ETHNICITY, POLITICAL_SHORT, POLITICAL,
    MARITAL, EDUCATION, DEGREE, HUKOU_TYPE, HEALTH, DISABILITY_TYPE, DISABILITY_GRADE,
    UNIT_TYPE, INDUSTRY, TECHNICAL_GRADE, INSURANCE, INSURANCE_SHORT, HOUSING,
    HARDSHIP_CATEGORY, OLDER_CATEGORY, PAYMENT_KIND,
    VERIFY_METHOD, CLOSE_KIND, DOCUMENT_TYPE, OCCASION, VISIT_WAY, TIME_SLOT, ORGANISER,
    VISIT_STATUS, HARDSHIP_STATUS, EXPORT_TEMPLATE, EVERYDAY, RELATION,
)


def english_words() -> dict[str, str]:
    """Every Chinese word above → its English (the first table that knows a word wins: 电话
    is "Telephone" in a list that does not say which table it comes from)."""
    out: dict[str, str] = {}
    for table in _ALL:
        for zh, en in table.values():
            out.setdefault(zh, en)
    return out
