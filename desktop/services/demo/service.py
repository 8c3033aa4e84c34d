"""A synthetic but realistic register for demonstrations, training and load tests.

Everything a real 湖州 register has that makes software break: common and polyphonic surnames,
rare characters outside the Basic Multilingual Plane, valid ID numbers (some upgraded from 15
digits, some from other provinces), people with several honors at different levels, revoked
titles, deaths, retirements, transfers, emigrants and people who lost contact.

The output is a pure function of the seed and the day it describes (``today``: the day it is
run unless given; ``random.Random(seed)``, UUIDs from the same generator), except for
timestamps, none of which is later than the moment it is made. It is written in one
transaction with Core bulk inserts: 100,000 members take seconds, not minutes, and a cancel
rolls everything back.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.core import idnumber
from desktop.core.domain import (
    HonorFacts,
    HonorLabel,
    age_on,
    derived_treatment_level,
    highest_honor,
)
from desktop.core.search_keys import name_keys, search_text
from desktop.errors import AppError, ValidationError
from desktop.models import District, Honor, Person, PersonEvent
from desktop.services import audit, settings
from desktop.services.demo.data import (
    _BIRTH_YEARS,
    _BRANDS,
    _CITY_HOSPITALS,
    _CITY_SCHOOLS,
    _CITY_YEARS,
    _COLLECTIVE,
    _COMPANY_SUFFIX,
    _COUNTY_YEARS,
    _DEATH_REASONS,
    _EDUCATION,
    _EMIGRATE_TO,
    _EMIGRATED_SHARE,
    _ESTATES,
    _ETHNICITY,
    _FARMER_SHARE,
    _FIRST_AWARD_YEAR,
    _GIVEN,
    _GOV,
    _GRADES,
    _HEALTH_OLD,
    _HEALTH_YOUNG,
    _HONOR_COUNT,
    _HOSPITALS,
    _INDUSTRY,
    _LAST_AWARD_YEAR,
    _LEGACY15_SHARE_OLD,
    _LOST_CONTACT_SHARE,
    _MALE_SHARE,
    _MEDAL_YEARS,
    _MOBILE_PREFIX,
    _NATIONAL_YEARS,
    _ONE_CHAR_GIVEN_SHARE,
    _OTHER_PROVINCES,
    _OTHER_ZHEJIANG,
    _PLACES,
    _POLITICAL_OLD,
    _POLITICAL_YOUNG,
    _POSITIONS,
    _PROVINCE_YEARS,
    _PUBLIC,
    _RARE,
    _RARE_SHARE,
    _REGION_ORIGIN,
    _RETIRE_EVENT_SHARE,
    _REVOKE_REASONS,
    _REVOKED_SHARE,
    _ROADS,
    _SCHOOLS,
    _SERVICE,
    _SOE,
    _SPOUSE_HEALTH,
    _SURNAMES,
    _TITLES,
    _TOP,
    _TRADES,
    _TRANSFER_SHARE,
    _UNIT_KINDS,
    _UNIT_TYPE,
    _VILLAGE_HEADS,
    _VILLAGE_TAILS,
    CHUNK,
    MAX_MEMBERS,
    _in_hardship,
    _Place,
    _split_codes,
    _Weighted,
)
from desktop.services.demo.hardship import add_demo_files
from desktop.services.demo.visits import add_demo_visits
from desktop.services.permissions import Actor, Perm
from desktop.services.register.store import home_district_id

MAX_YEARS = 10  # of visit rounds and hardship files
DEMO_MARK = "demo.database"  # set by the first demo run: this register holds invented persons

__all__ = ["DEMO_MARK", "MAX_MEMBERS", "DemoResult", "DemoService"]

@dataclass(frozen=True)
class DemoResult:
    persons: int
    honors: int
    events: int
    seconds: float


_PERSON = cast(Table, Person.__table__)
_HONOR = cast(Table, Honor.__table__)
_EVENT = cast(Table, PersonEvent.__table__)


def _blank(table: Table) -> dict[str, Any]:
    return {c.name: None for c in table.columns}


@dataclass
class _Batch:
    persons: list[dict[str, Any]] = field(default_factory=list)
    honors: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


class _Generator:
    """Makes rows; owns the random stream, so the same seed gives the same register."""

    def __init__(
        self,
        rng: random.Random,
        districts: Sequence[District],
        used_numbers: set[str],
        recorded_by: str,
        now: dt.datetime,
        salt: int = 0,
        as_of: dt.date | None = None,
    ) -> None:
        self.rng = rng
        self.as_of = as_of or now.date()  # the day the register describes (ages, deaths …)
        self.last_award = min(_LAST_AWARD_YEAR, self.as_of.year)
        self.salt = salt
        self.used = used_numbers
        self.recorded_by = recorded_by
        self.now = now
        self.places: list[tuple[uuid.UUID, str, _Place]] = []
        for d in districts:
            self.places.append((d.id, d.name, self._place(d)))
        self.district = _Weighted((i, p[2].weight) for i, p in enumerate(self.places))
        self.person_blank = _blank(_PERSON)
        self.honor_blank = _blank(_HONOR)
        self.event_blank = _blank(_EVENT)

    # -- set-up ---------------------------------------------------------------------------

    @staticmethod
    def _place(d: District) -> _Place:
        spec = _PLACES.get(d.name)
        if spec is None:  # a district this generator has no detail for: plausible defaults
            code = d.gbt2260 or "330500"
            return _Place(
                regions=_Weighted([(code, 1.0)]), hukou_region=code,
                address_prefix=f"浙江省{d.name}", unit_prefix=d.name, company_places=("浙江",),
                towns=("城关镇", "城南街道", "城北街道"), postcode="313000", native="浙江",
                honor_title=d.name, honor_body=f"{d.name}人民政府",
                honor_doc=f"{d.name[0]}政发", honor_since=_FIRST_AWARD_YEAR, weight=50.0,
            )
        (regions, hukou, address, unit, companies, towns, postcode, native, title, body, doc,
         since, weight) = spec
        return _Place(
            regions=_split_codes(regions), hukou_region=hukou,
            address_prefix=address, unit_prefix=unit, company_places=companies, towns=towns,
            postcode=postcode, native=native, honor_title=title, honor_body=body,
            honor_doc=doc, honor_since=since, weight=weight,
        )

    def new_id(self) -> uuid.UUID:
        # the same random stream for a seed (the same register), ids salted with the
        # database's own district id: two districts' demo databases made with one seed must
        # not share person ids (at the city one district's persons were "another's records")
        return uuid.UUID(int=self.rng.getrandbits(128) ^ self.salt, version=4)

    def date_between(self, lo: dt.date, hi: dt.date) -> dt.date:
        if hi <= lo:
            return lo
        return lo + dt.timedelta(days=self.rng.randrange((hi - lo).days + 1))

    # -- one chunk ------------------------------------------------------------------------

    def batch(self, n: int) -> _Batch:
        out = _Batch()
        for _ in range(n):
            self.person(out)
        return out

    def name(self, sex: str, born: int) -> str:
        rng = self.rng
        surname = _SURNAMES.pick(rng)
        pool = _GIVEN[(sex, born < 1965)]
        if rng.random() < _ONE_CHAR_GIVEN_SHARE:
            given = [pool.pick(rng)]
        else:
            given = [pool.pick(rng), pool.pick(rng)]
            if given[0] == given[1] and rng.random() < 0.7:  # 荣荣 happens, but not that often
                given[1] = pool.pick(rng)
        if rng.random() < _RARE_SHARE:
            given[rng.randrange(len(given))] = _RARE.pick(rng)
        return surname + "".join(given)

    def id_number(self, region: str, born: dt.date, male: bool) -> str:
        rng = self.rng
        for _attempt in range(50):
            half = rng.randrange(1, 500)
            sequence = half * 2 - 1 if male else half * 2  # odd for men, even for women
            number = idnumber.make(region, born, sequence)
            if number not in self.used:
                self.used.add(number)
                return number
        raise AppError("demo_id_space_exhausted", region=region, birth_date=born.isoformat())

    def person(self, out: _Batch) -> None:
        rng = self.rng
        district_index = self.district.pick(rng)
        district_id, _district_name, place = self.places[district_index]
        pid = self.new_id()

        # identity
        male = rng.random() < _MALE_SHARE
        sex = "1" if male else "2"
        year = _BIRTH_YEARS.pick(rng)
        born = self.date_between(dt.date(year, 1, 1), dt.date(year, 12, 31))
        origin = _REGION_ORIGIN.pick(rng)
        if origin == "local":
            region = place.regions.pick(rng)
            native = place.native
        elif origin == "zhejiang":
            region, native = _OTHER_ZHEJIANG[rng.randrange(len(_OTHER_ZHEJIANG))]
        else:
            region, native = _OTHER_PROVINCES[rng.randrange(len(_OTHER_PROVINCES))]
        legacy15 = year < 1965 and rng.random() < _LEGACY15_SHARE_OLD
        number = self.id_number(region, born, male)
        name = self.name(sex, year)
        pinyin, initials = name_keys(name)
        age = age_on(born, self.as_of)

        # work
        farmer = place.honor_title != "" and rng.random() < _FARMER_SHARE
        kind = "village" if farmer else _UNIT_KINDS.pick(rng)
        town = place.towns[rng.randrange(len(place.towns))]
        unit = self.work_unit(kind, place, town)
        public = kind in _PUBLIC
        retire_age = 60 if male else (55 if public else 50)
        retired = age >= retire_age
        if farmer:
            employment = "其他" if age >= 60 else "在职"
        elif retired:
            employment = "离退休"
        else:
            r = rng.random()
            if 1950 <= year <= 1975 and kind in ("collective", "private") and r < 0.04:
                employment = "下岗(买断工龄)"
            elif r < 0.06:
                employment = "自谋职业"
            elif r < 0.07:
                employment = "其他"
            else:
                employment = "在职"
        position = _POSITIONS[kind].pick(rng)
        title = _TITLES[kind].pick(rng)
        grade = _GRADES.pick(rng) if kind in ("private", "soe", "collective", "service") else "-"

        # honors
        honors = self.honors(pid, district_id, place, kind, born)
        revoked = rng.random() < _REVOKED_SHARE
        last_year = max(h["year"] for h in honors)
        if revoked:
            revoked_on = self.date_between(
                dt.date(min(last_year + 1, self.as_of.year), 1, 1), self.as_of)
            reason = _REVOKE_REASONS[rng.randrange(len(_REVOKE_REASONS))]
            for h in honors:
                h["revoked_date"] = revoked_on
                h["revoke_reason"] = reason
        level = derived_treatment_level(
            HonorFacts(h["level"], h["revoked_date"] is not None) for h in honors
        )
        top = highest_honor(
            HonorLabel(h["title"], h["level"], h["year"], h["revoked_date"] is not None)
            for h in honors
        )
        out.honors.extend(honors)

        # life events
        events: list[tuple[str, dt.date, str, dict[str, Any] | None]] = []
        if revoked:
            events.append(("revoke", honors[0]["revoked_date"], honors[0]["revoke_reason"],
                           {"honors": len(honors)}))
        deceased = rng.random() < self._death_probability(age)
        death_date: dt.date | None = None
        if deceased:
            lo = max(dt.date(last_year + 1, 1, 1), _add_years(born, 50))
            if lo <= self.as_of:
                death_date = self.date_between(lo, self.as_of)
                events.append(("death", death_date, _DEATH_REASONS.pick(rng), None))
                if age_on(born, death_date) < retire_age and employment == "离退休":
                    employment = "在职"
        retire_on = _add_years(born, retire_age)
        if (employment == "离退休" and rng.random() < _RETIRE_EVENT_SHARE
                and (death_date is None or retire_on < death_date)):
            events.append(("retire", retire_on, "到龄退休", None))
        if not farmer and rng.random() < _TRANSFER_SHARE:
            lo = dt.date(max(last_year, born.year + 25), 1, 1)
            hi = min(death_date or self.as_of, retire_on if retired else self.as_of)
            if lo < hi:
                old_unit = self.work_unit(kind, place, town)
                events.append(("transfer", self.date_between(lo, hi), "调离原单位",
                               {"from": old_unit, "to": unit}))
        emigrated = lost = False
        if death_date is None:
            r = rng.random()
            if r < _EMIGRATED_SHARE:
                emigrated = True
                events.append(("emigrate", self.date_between(dt.date(2000, 1, 1), self.as_of),
                               "移居国(境)外",
                               {"country": _EMIGRATE_TO[rng.randrange(len(_EMIGRATE_TO))]}))
            elif r < _EMIGRATED_SHARE + _LOST_CONTACT_SHARE:
                lost = True
                events.append(("lost_contact", self.date_between(dt.date(2015, 1, 1), self.as_of),
                               "多次联系未果", None))
        for kind_, when, reason, details in events:
            row = self.event_blank.copy()
            row.update(
                id=self.new_id(), created_at=self.now, updated_at=self.now, row_version=1,
                origin_district_id=district_id, person_id=pid, kind=kind_, event_date=when,
                reason=reason, recorded_by=self.recorded_by,
                details=None if details is None else json.dumps(details, ensure_ascii=False),
            )
            out.events.append(row)

        row = self.person_blank.copy()
        row.update(
            id=pid, created_at=self.now, updated_at=self.now, row_version=1,
            origin_district_id=district_id, district_id=district_id,
            name=name, name_pinyin=pinyin, name_initials=initials, id_number=number,
            id_legacy15=legacy15, sex=sex, birth_date=born,
            native_place=native, work_unit=unit, position=position,
            unit_type=_UNIT_TYPE[kind], industry=_INDUSTRY[kind].pick(rng),
            professional_title=None if title == "-" else title,
            technical_grade=None if grade == "-" else grade,
            employment_status=employment,
            is_farmer_model=farmer, life_status="alive" if death_date is None else "deceased",
            death_date=death_date, is_revoked=revoked, is_emigrated=emigrated,
            is_lost_contact=lost, under_investigation=False, treatment_level=level,
            highest_honor=top, in_hardship=False,
        )
        self.personal_details(row, place, town, born, age, male, farmer, retired, deceased)
        row["in_hardship"] = _in_hardship(row)
        row["search_text"] = search_text(name, pinyin, initials, number, unit, row["phone"],
                                         row["mobile"])
        out.persons.append(row)

    def personal_details(
        self, row: dict[str, Any], place: _Place, town: str, born: dt.date, age: int,
        male: bool, farmer: bool, retired: bool, deceased: bool,
    ) -> None:
        """Code-table fields, contact, household and health."""
        rng = self.rng
        year = born.year
        row["ethnicity"] = _ETHNICITY.pick(rng)
        political = (_POLITICAL_OLD if year < 1970 else _POLITICAL_YOUNG).pick(rng)
        if political == "03" and age > 35:
            political = "13"  # 共青团员 only up to 28, give or take
        row["political_status"] = political
        if political in ("01", "02"):
            lo = _add_years(born, 20)
            hi = min(self.as_of, _add_years(born, 45))
            row["party_join_date"] = (
                self.date_between(dt.date(self.as_of.year - 1, 1, 1), self.as_of)
                if political == "02"
                else self.date_between(lo, hi)
            )
        education = next(w for limit, w in _EDUCATION if year < limit).pick(rng)
        row["education"] = education
        if education == "10":
            row["degree"] = "博士" if rng.random() < 0.15 else "硕士"
        elif education == "20":
            row["degree"] = "学士"
        row["work_start_date"] = self.date_between(_add_years(born, 16), _add_years(born, 24))
        # marriage
        if age < 30 and rng.random() < 0.4:
            marital = "10"
        elif age >= 70 and rng.random() < 0.25:
            marital = "30"
        else:
            r = rng.random()
            marital = "40" if r < 0.04 else "10" if r < 0.05 else "20"
        row["marital_status"] = marital
        if marital in ("20", "30"):
            spouse_sex = "2" if male else "1"
            spouse_year = min(max(year + rng.randint(-3, 5) * (1 if male else -1), 1930), 1995)
            row["spouse_name"] = self.name(spouse_sex, spouse_year)
            row["spouse_birth_date"] = self.date_between(
                dt.date(spouse_year, 1, 1), dt.date(spouse_year, 12, 31)
            )
            row["spouse_health"] = "已故" if marital == "30" else _SPOUSE_HEALTH.pick(rng)
            if marital == "20":
                row["spouse_income"] = Decimal(rng.randrange(150, 900) * 10)
        # contact
        if not (year < 1945 and rng.random() < 0.2):
            row["mobile"] = f"1{_MOBILE_PREFIX.pick(rng)[1]}{rng.randrange(10**9):09d}"
        if year < 1965 and rng.random() < 0.6:
            row["phone"] = f"0572-{rng.randrange(2000000, 6000000)}"
        row["address"] = self.address(place, town, farmer)
        row["postcode"] = place.postcode
        row["hukou_type"] = "农业" if farmer else ("非农业" if rng.random() < 0.8 else "农转居")
        row["hukou_region"] = place.hukou_region
        # health, income, household
        row["health_status"] = (_HEALTH_OLD if age >= 65 else _HEALTH_YOUNG).pick(rng)
        if rng.random() < 0.005:
            row["disability_type"] = "肢体残疾"
            row["disability_grade"] = "四级(轻度)" if rng.random() < 0.6 else "三级(中度)"
        row["insurance"] = (
            "城乡居民基本养老保险、城乡居民基本医疗保险" if farmer
            else "城镇职工基本养老保险、城镇职工基本医疗保险"
        )
        if not deceased:
            low, high = (200, 600) if farmer else (300, 800) if retired else (450, 1500)
            row["monthly_income"] = Decimal(rng.randrange(low, high) * 10)
        row["household_size"] = rng.choice((1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6))

    def work_unit(self, kind: str, place: _Place, town: str) -> str:
        rng = self.rng
        p = place.unit_prefix
        if kind == "private":
            where = place.company_places[rng.randrange(len(place.company_places))]
            brand = _BRANDS[rng.randrange(len(_BRANDS))]
            trade = _TRADES[rng.randrange(len(_TRADES))]
            return f"{where}{brand}{trade}{_COMPANY_SUFFIX.pick(rng)}"
        if kind == "village":
            head = _VILLAGE_HEADS[rng.randrange(len(_VILLAGE_HEADS))]
            tail = _VILLAGE_TAILS[rng.randrange(len(_VILLAGE_TAILS))]
            return f"{p}{town}{head}{tail}村"
        templates: Sequence[str] = {
            "soe": _SOE, "collective": _COLLECTIVE, "hospital": _HOSPITALS, "school": _SCHOOLS,
            "gov": _GOV, "service": _SERVICE,
        }[kind]
        if kind == "hospital" and rng.random() < 0.3:
            return _CITY_HOSPITALS[rng.randrange(len(_CITY_HOSPITALS))]
        if kind == "school" and rng.random() < 0.2:
            return _CITY_SCHOOLS[rng.randrange(len(_CITY_SCHOOLS))]
        short = p.removeprefix("湖州市") if kind == "soe" and p != "湖州市" else p
        return templates[rng.randrange(len(templates))].format(p=short, t=town)

    def address(self, place: _Place, town: str, rural: bool) -> str:
        rng = self.rng
        if rural:
            head = _VILLAGE_HEADS[rng.randrange(len(_VILLAGE_HEADS))]
            tail = _VILLAGE_TAILS[rng.randrange(len(_VILLAGE_TAILS))]
            return (f"{place.address_prefix}{town}{head}{tail}村"
                    f"{rng.randint(1, 12)}组{rng.randint(1, 90)}号")
        road = _ROADS[rng.randrange(len(_ROADS))]
        if rng.random() < 0.3:
            return f"{place.address_prefix}{town}{road}{rng.randint(1, 400)}号"
        estate = _ESTATES[rng.randrange(len(_ESTATES))]
        return (f"{place.address_prefix}{town}{road}{estate}小区{rng.randint(1, 40)}幢"
                f"{rng.randint(1, 4)}单元{rng.randint(1, 18)}0{rng.randint(1, 4)}室")

    @staticmethod
    def _death_probability(age: int) -> float:
        if age >= 85:
            return 0.42
        if age >= 80:
            return 0.26
        if age >= 70:
            return 0.13
        if age >= 60:
            return 0.05
        if age >= 50:
            return 0.02
        return 0.005

    # -- honors ---------------------------------------------------------------------------

    def honors(
        self, pid: uuid.UUID, district_id: uuid.UUID, place: _Place, kind: str, born: dt.date
    ) -> list[dict[str, Any]]:
        """One to three honors: the person's highest, and lower ones won earlier."""
        rng = self.rng
        lo = max(_FIRST_AWARD_YEAR, born.year + rng.randint(23, 27))
        hi = min(self.last_award, born.year + 58)
        # 市本级 awards no county-level honors; 吴兴区 and 南浔区 only since they exist (2003).
        county_from = max(lo, place.honor_since) if place.honor_title else 9999
        top = _TOP.pick(rng)
        if top == "county" and county_from > hi:
            top = "city"
        ladder = ["national", "medal", "province", "city", "county"]
        wanted = int(_HONOR_COUNT.pick(rng))
        lower = ladder[ladder.index(top) + 1:]
        if top == "medal" or (top == "national" and rng.random() < 0.6):
            lower = [lv for lv in lower if lv != "medal"]
        rng.shuffle(lower)
        chosen = [top, *sorted(lower[: wanted - 1], key=ladder.index)]
        rows: list[dict[str, Any]] = []
        ceiling = hi
        for lv in chosen:
            first = county_from if lv == "county" else lo
            years = [y for y in _award_years(lv) if first <= y <= ceiling]
            if not years:
                if rows:
                    continue
                years = [min(_award_years(lv), key=lambda y: abs(y - (lo + hi) // 2))]
            year = years[rng.randrange(len(years))]
            ceiling = year - 1
            rows.append(self.honor_row(pid, district_id, place, kind, lv, year))
        rows.reverse()  # oldest first
        return rows

    def honor_row(
        self, pid: uuid.UUID, district_id: uuid.UUID, place: _Place, kind: str, lv: str,
        year: int,
    ) -> dict[str, Any]:
        rng = self.rng
        worker = "先进工作者" if kind in _PUBLIC else "劳动模范"
        number = rng.randint(2, 60)
        if lv == "national":
            title, level, body = f"全国{worker}", "全国", "中共中央、国务院"
            doc, session = f"中发〔{year}〕{rng.randint(3, 20)}号", f"{year}年全国劳模表彰大会"
        elif lv == "medal":
            title, level, body = "全国五一劳动奖章", "省部级", "中华全国总工会"
            doc, session = f"总工发〔{year}〕{rng.randint(5, 30)}号", f"{year}年"
        elif lv == "province":
            title, level, body = f"浙江省{worker}", "省部级", "浙江省人民政府"
            doc, session = f"浙政发〔{year}〕{number}号", f"{year}年"
        elif lv == "city":
            title, level, body = f"湖州市{worker}", "市级", "湖州市人民政府"
            doc, session = f"湖政发〔{year}〕{number}号", f"{year}年"
        else:
            prefix, body, doc_prefix = place.honor_title, place.honor_body, place.honor_doc
            title, level = f"{prefix}{worker}", "县级"
            doc, session = f"{doc_prefix}〔{year}〕{number}号", f"{year}年"
        row = self.honor_blank.copy()
        row.update(
            id=self.new_id(), created_at=self.now, updated_at=self.now, row_version=1,
            origin_district_id=district_id, person_id=pid, title=title, level=level, year=year,
            session=session, granting_body=body, document_number=doc,
        )
        return row


def _award_years(level: str) -> tuple[int, ...]:
    return {
        "national": _NATIONAL_YEARS, "medal": _MEDAL_YEARS, "province": _PROVINCE_YEARS,
        "city": _CITY_YEARS, "county": _COUNTY_YEARS,
    }[level]


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class DemoService:
    """Fills the database with a synthetic register (demonstrations, training, load tests)."""

    chunk_size = CHUNK

    def __init__(self, sessions: sessionmaker[Session], actor: Actor) -> None:
        self._sessions = sessions
        self._actor = actor

    def generate(
        self,
        members: int,
        *,
        seed: int = 1,
        years: int = 1,
        progress: Callable[[int, int], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
        today: dt.date | None = None,
        now: dt.datetime | None = None,
    ) -> DemoResult:
        """Add ``members`` synthetic persons with honors and history, in one transaction.

        ``years``: how many years of visit rounds and hardship files (1, the default, is
        quick: the current year's rounds and files; the handoff benchmark asks for 5).
        ``today``: the day the demo describes, the day it is run unless given (tests give one:
        a seed and a day always make the same register); ``now``: the moment it is made (the
        clock unless given; a ``today`` in the past: that day's evening). Past visit rounds
        are recorded, a round running today up to yesterday, the next one planned; the
        recuperation batch that has left is confirmed; no timestamp is later than ``now``.
        Raises ``AppError("cancelled")`` (and writes nothing) when ``is_cancelled`` says so;
        it is asked before every chunk and once more before the commit.
        """
        self._actor.require(Perm.EDIT_PERSONS)
        # fake persons in a real register cannot be told apart afterwards: only an
        # administrator, and only into an empty or a demonstration database (issue 16, item 11)
        self._actor.require(Perm.MANAGE_SETTINGS)
        with self._sessions.begin() as s:
            held = s.scalar(select(func.count()).select_from(Person)) or 0
            if held and not settings.get(s, DEMO_MARK):
                raise AppError("demo_real_register", count=held)
        if not 1 <= members <= MAX_MEMBERS:
            raise ValidationError.single("members", "out_of_range", minimum=1,
                                         maximum=MAX_MEMBERS, value=members)
        if not 1 <= years <= MAX_YEARS:
            raise ValidationError.single("years", "out_of_range", minimum=1,
                                         maximum=MAX_YEARS, value=years)
        started = time.perf_counter()
        rng = random.Random(seed)
        if now is None:
            now = dt.datetime.now(dt.UTC)
            if today is None:
                today = dt.date.today()
            elif today < now.date():  # a day in the past: its own evening is "now"
                now = dt.datetime.combine(today, dt.time(18), dt.UTC)
        elif today is None:
            today = now.date()
        honors = events = 0

        def check_cancel() -> None:
            if is_cancelled is not None and is_cancelled():
                raise AppError("cancelled")

        with self._sessions.begin() as s:
            districts = [
                d for d in s.scalars(
                    select(District).where(District.deleted_at.is_(None))
                    .order_by(District.sort_order, District.name)
                )
                if d.kind != "city"
            ]
            # A county association's register holds its own district's model workers only.
            if settings.get(s, settings.MODE) == "county":
                home = str(settings.get(s, "association.district_id"))
                districts = [d for d in districts if str(d.id) == home]
            if not districts:
                raise AppError("no_districts")
            used = {
                n for n in s.scalars(select(Person.id_number).where(Person.id_number.is_not(None)))
                if n is not None
            }
            own = home_district_id(s)
            gen = _Generator(rng, districts, used, self._actor.name, now,
                             own.int if own is not None else 0, as_of=today)
            detail = {"source": "demo", "seed": seed}
            done = 0
            while done < members:
                check_cancel()
                batch = gen.batch(min(self.chunk_size, members - done))
                s.execute(_PERSON.insert(), batch.persons)
                if batch.honors:
                    s.execute(_HONOR.insert(), batch.honors)
                if batch.events:
                    s.execute(_EVENT.insert(), batch.events)
                audit.append_many(
                    s, self._actor,
                    [("person.create", "person", p["id"], detail) for p in batch.persons],
                )
                done += len(batch.persons)
                honors += len(batch.honors)
                events += len(batch.events)
                if progress is not None:
                    progress(done, members)
            settings.put(s, DEMO_MARK, True)
            add_demo_files(s, self._actor, seed=seed, origin=home_district_id(s),
                           today=today, now=now, years=years)  # issue 6
            check_cancel()
            add_demo_visits(s, rng, self._actor, today, years, now)  # campaigns, recuperation
            audit.append_many(s, self._actor, [(
                "demo.generate", None, None,
                {"seed": seed, "years": years, "persons": done, "honors": honors, "events": events},
            )])
        return DemoResult(persons=done, honors=honors, events=events,
                          seconds=time.perf_counter() - started)
