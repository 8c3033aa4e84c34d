"""Named column choices for exports (issue 4): the built-in ones (the register, the ACFTU
survey, the recuperation list) and the ones a clerk saved, kept in the database."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import ValidationError
from desktop.exchange.register_export import BUILTIN_TEMPLATES, parse_columns
from desktop.services import audit, settings
from desktop.services.permissions import Actor, Perm

__all__ = ["TEMPLATES_KEY", "ExportTemplateService"]

TEMPLATES_KEY = "export.templates"


class ExportTemplateService:
    """List, save and delete export column templates."""

    def __init__(self, sessions: sessionmaker[Session], actor: Actor) -> None:
        self._sessions = sessions
        self._actor = actor

    def templates(self) -> dict[str, tuple[str, ...]]:
        """Built-in templates first, then the saved ones (a saved name may not shadow one)."""
        self._actor.require(Perm.IMPORT_EXPORT)  # the export dialog's: exporters only
        with self._sessions.begin() as s:
            saved = settings.get(s, TEMPLATES_KEY, {}) or {}
        out = dict(BUILTIN_TEMPLATES)
        for name, keys in saved.items():
            out.setdefault(name, tuple(keys))
        return out

    def save(self, name: str, keys: Sequence[str]) -> None:
        self._actor.require(Perm.IMPORT_EXPORT)
        label = name.strip()
        if not label:
            raise ValidationError.single("template_name", "value_required")
        if label in BUILTIN_TEMPLATES:
            raise ValidationError.single("template_name", "template_builtin", name=label)
        chosen, unknown = parse_columns(",".join(keys))
        if unknown or not keys:
            raise ValidationError.single("columns", "columns_unknown",
                                         columns=",".join(unknown) or "-")
        with self._sessions.begin() as s:
            data = dict(settings.get(s, TEMPLATES_KEY, {}) or {})
            data[label] = list(chosen)
            settings.put(s, TEMPLATES_KEY, data)
            audit.append(s, self._actor, "export.template_saved", detail={"name": label})

    def delete(self, name: str) -> None:
        self._actor.require(Perm.IMPORT_EXPORT)
        with self._sessions.begin() as s:
            data = dict(settings.get(s, TEMPLATES_KEY, {}) or {})
            if data.pop(name, None) is not None:
                settings.put(s, TEMPLATES_KEY, data)
                audit.append(s, self._actor, "export.template_deleted", detail={"name": name})
