"""The figures on the home page: how many model workers, where, at which level."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.reference import LIFE_ALIVE, TREATMENT_LEVELS
from desktop.models import District, Person
from desktop.services.permissions import Actor, Perm


@dataclass(frozen=True)
class DistrictCount:
    district: str
    total: int
    alive: int
    by_level: tuple[int, ...]  # in TREATMENT_LEVELS order, then "none"


@dataclass(frozen=True)
class Overview:
    total: int
    alive: int
    deceased: int
    districts: tuple[DistrictCount, ...]


class OverviewService:
    def __init__(self, sessions: sessionmaker[Session], actor: Actor) -> None:
        self._sessions = sessions
        self._actor = actor

    def summary(self) -> Overview:
        self._actor.require(Perm.VIEW)
        with self._sessions.begin() as s:
            stmt = (
                select(District.name, Person.treatment_level, Person.life_status, func.count())
                .join(Person, Person.district_id == District.id)
                .where(Person.deleted_at.is_(None))
                .group_by(District.name, Person.treatment_level, Person.life_status)
            )
            order = {name: i for i, name in enumerate(
                s.scalars(select(District.name).order_by(District.sort_order)))}
            acc: dict[str, list[int]] = {}
            for district, level, life, n in s.execute(stmt):
                row = acc.setdefault(district, [0] * (len(TREATMENT_LEVELS) + 3))
                row[0] += n
                if life == LIFE_ALIVE:
                    row[1] += n
                idx = TREATMENT_LEVELS.index(level) if level in TREATMENT_LEVELS else len(
                    TREATMENT_LEVELS)
                row[2 + idx] += n
        districts = tuple(
            DistrictCount(name, v[0], v[1], tuple(v[2:]))
            for name, v in sorted(acc.items(), key=lambda kv: order.get(kv[0], 999))
        )
        total = sum(d.total for d in districts)
        alive = sum(d.alive for d in districts)
        return Overview(total, alive, total - alive, districts)
