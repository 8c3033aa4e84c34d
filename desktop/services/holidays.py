"""Dates the visit planning needs: lunar holidays (computed with lunar-python) and the official
holidays and make-up working days (调休), which no formula gives, from a versioned calendar file.

The shipped calendar is ``resources/reference/holidays.json``; an administrator can load a newer
one (it is kept in the database, so it backs up and migrates with the data). A year marked
``provisional`` lists the statutory days only, until the State Council notice is loaded.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lunar_python import Lunar
from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import AppError
from desktop.paths import resources_dir
from desktop.services import audit, settings
from desktop.services.permissions import Actor, Perm

CALENDAR_KEY = "visits.holiday_calendar"
FORMAT = 1


def lunar_to_solar(year: int, month: int, day: int) -> dt.date:
    solar = Lunar.fromYmd(year, month, day).getSolar()
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def spring_festival(year: int) -> dt.date:
    """春节 (正月初一) of the lunar year that starts in ``year``."""
    return lunar_to_solar(year, 1, 1)


def lunar_holidays(year: int) -> dict[str, dt.date]:
    """春节, 除夕, 元宵, 端午, 中秋 and 重阳 falling in (or starting) ``year``."""
    spring = spring_festival(year)
    return {
        "除夕": spring - dt.timedelta(days=1),
        "春节": spring,
        "元宵": lunar_to_solar(year, 1, 15),
        "端午": lunar_to_solar(year, 5, 5),
        "中秋": lunar_to_solar(year, 8, 15),
        "重阳": lunar_to_solar(year, 9, 9),
    }


@dataclass(frozen=True)
class Calendar:
    """Official days off and make-up working days, by the version of the file they came from."""

    version: str
    holidays: dict[dt.date, str]
    workdays: frozenset[dt.date]
    years: tuple[int, ...]
    provisional_years: tuple[int, ...]

    def office_closed(self, day: dt.date) -> str | None:
        """Why offices are closed on ``day`` (holiday name or 周末), or None when open."""
        if day in self.holidays:
            return self.holidays[day]
        if day.weekday() >= 5 and day not in self.workdays:
            return "周末"
        return None


def parse_calendar(data: Any) -> Calendar:
    """A calendar from the file's JSON; ``holiday_calendar_invalid`` when it is not one."""
    try:
        if data.get("format") != FORMAT:
            raise ValueError("format")
        holidays: dict[dt.date, str] = {}
        workdays: set[dt.date] = set()
        provisional = []
        for year_text, year in data["years"].items():
            int(year_text)
            for h in year["holidays"]:
                day, last = dt.date.fromisoformat(h["from"]), dt.date.fromisoformat(h["to"])
                if last < day:
                    raise ValueError("range")
                while day <= last:
                    holidays[day] = str(h["name"])
                    day += dt.timedelta(days=1)
            workdays.update(dt.date.fromisoformat(d) for d in year.get("workdays", []))
            if year.get("provisional"):
                provisional.append(int(year_text))
        return Calendar(version=str(data["version"]), holidays=holidays,
                        workdays=frozenset(workdays),
                        years=tuple(sorted(int(y) for y in data["years"])),
                        provisional_years=tuple(sorted(provisional)))
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise AppError("holiday_calendar_invalid", detail=str(exc)) from exc


def shipped_calendar_data() -> Any:
    with (resources_dir() / "reference" / "holidays.json").open(encoding="utf-8") as f:
        return json.load(f)


def calendar_in(s: Session) -> Calendar:
    """The loaded calendar when it is newer than the shipped one, else the shipped one."""
    shipped = shipped_calendar_data()
    loaded = settings.get(s, CALENDAR_KEY)
    if loaded is not None and str(loaded.get("version", "")) > str(shipped["version"]):
        return parse_calendar(loaded)
    return parse_calendar(shipped)


class HolidayService:
    """Reads the calendar in force and lets an administrator load a newer file."""

    def __init__(self, sessions: sessionmaker[Session], actor: Actor) -> None:
        self._sessions = sessions
        self._actor = actor

    def calendar(self) -> Calendar:
        self._actor.require(Perm.VIEW)
        with self._sessions.begin() as s:
            return calendar_in(s)

    def load(self, path: Path) -> Calendar:
        """Load ``path``; refused (nothing saved) unless valid and newer than the one in force."""
        self._actor.require(Perm.MANAGE_SETTINGS)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise AppError("holiday_calendar_invalid", detail=str(exc)) from exc
        new = parse_calendar(data)
        with self._sessions.begin() as s:
            current = calendar_in(s)
            if new.version <= current.version:
                raise AppError("holiday_calendar_not_newer", version=new.version,
                               current=current.version)
            settings.put(s, CALENDAR_KEY, data)
            audit.append(s, self._actor, "holidays.load", entity="setting",
                         entity_id=CALENDAR_KEY, detail={"version": new.version,
                                                         "years": list(new.years)})
        return new
