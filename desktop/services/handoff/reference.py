"""What the city's reference package carries besides standards and the holiday calendar, and
how a district applies it: the honor title list and the report templates (the column headers
of the city's quarterly report, DOMAIN.md "Reporting upward")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models import Honor
from desktop.services import settings
from desktop.services.imports.export_templates import TEMPLATES_KEY
from desktop.services.register.service import HONOR_TITLES_KEY


def honor_titles(s: Session) -> list[dict[str, str]]:
    """The city's honor title list: the one it set, else every kept title with its level."""
    fixed = settings.get(s, HONOR_TITLES_KEY)
    if fixed:
        return [dict(t) for t in fixed]
    rows = s.execute(select(Honor.title, Honor.level).where(
        Honor.revoked_date.is_(None), Honor.deleted_at.is_(None)).group_by(
        Honor.title, Honor.level).order_by(func.count().desc(), Honor.title))
    return [{"title": title, "level": level} for title, level in rows if title]


def extra_body(s: Session) -> dict[str, Any]:
    """The honor title list and the report templates, for the reference package."""
    return {"honor_titles": honor_titles(s),
            "report_templates": settings.get(s, TEMPLATES_KEY, {}) or {}}


def apply_extra(s: Session, body: dict[str, Any]) -> dict[str, int]:
    """Take the city's lists: its honor titles replace the district's list, its report
    templates replace the district's templates of the same name (others are kept)."""
    counts: dict[str, int] = {}
    titles = body.get("honor_titles")
    if isinstance(titles, list):
        clean = [{"title": str(t["title"]), "level": str(t.get("level") or "")}
                 for t in titles if isinstance(t, dict) and t.get("title")]
        settings.put(s, HONOR_TITLES_KEY, clean)
        counts["honor_titles"] = len(clean)
    templates = body.get("report_templates")
    if isinstance(templates, dict):
        mine = dict(settings.get(s, TEMPLATES_KEY, {}) or {})
        for name, keys in templates.items():
            if isinstance(keys, list):
                mine[str(name)] = [str(k) for k in keys]
        settings.put(s, TEMPLATES_KEY, mine)
        counts["report_templates"] = len(templates)
    return counts
