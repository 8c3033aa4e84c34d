"""Reference data shipped with the application: code tables and the association districts.

Loaded once and cached; the files live in ``resources/reference`` so they travel in the bundle
and can be replaced by a signed reference package from the city later.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from desktop.paths import resources_dir

TREATMENT_LEVELS: tuple[str, ...] = ("全国", "省部级", "市级", "县级")
"""Treatment levels (待遇级别), highest first. Also the stored value of ``honor.level``."""

EMPLOYMENT_STATUSES: tuple[str, ...] = ("在职", "离退休", "下岗(买断工龄)", "自谋职业", "其他")
LIFE_ALIVE = "alive"
LIFE_DECEASED = "deceased"


@dataclass(frozen=True)
class DistrictInfo:
    name: str
    gbt2260: str | None
    kind: str  # city | city_level | county | zone


@dataclass(frozen=True)
class CityInfo:
    name: str
    gbt2260: str | None
    districts: tuple[DistrictInfo, ...]


def _load(name: str) -> Any:
    with (resources_dir() / "reference" / name).open(encoding="utf-8") as f:
        return json.load(f)


@cache
def codes() -> dict[str, Any]:
    """The code tables (GB/T 2261, 4762, 3304, 4658 and ACFTU value lists)."""
    data: dict[str, Any] = _load("codes.json")
    return data


@cache
def code_table(name: str) -> dict[str, str]:
    """A code table as ``{code: label}``; value lists get their labels as codes. Cached (an
    import checks it for every cell): callers must not change the dict."""
    table = codes()[name]
    if isinstance(table, list):
        return {str(v): str(v) for v in table}
    return {str(k): str(v) for k, v in table.items() if not str(k).startswith("_")}


@cache
def cities() -> tuple[CityInfo, ...]:
    data = _load("districts.json")
    return tuple(
        CityInfo(
            name=c["name"],
            gbt2260=c.get("gbt2260"),
            districts=tuple(
                DistrictInfo(d["name"], d.get("gbt2260"), d["kind"]) for d in c["districts"]
            ),
        )
        for c in data["cities"]
    )


def find_association(name: str) -> tuple[CityInfo, DistrictInfo | None] | None:
    """Look up ``name`` as a city (city mode) or one of its districts (county mode)."""
    wanted = name.strip()
    for city in cities():
        if city.name == wanted:
            return city, None
        for d in city.districts:
            if d.name == wanted:
                return city, d
    return None


def known_association_names() -> list[str]:
    names: list[str] = []
    for city in cities():
        names.append(city.name)
        names.extend(d.name for d in city.districts)
    return names
