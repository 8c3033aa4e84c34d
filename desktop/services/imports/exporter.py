"""The register written to a file, one pipeline for the window's export dialog and ``laomo
members export``: the rows of a ``RegisterFilter`` (masked unless unmasked with a reason, which
``RegisterService.export`` audits), as .xlsx (a header block saying what was exported, the
filter described from the filter itself by ``describe_filter``) or .csv, returned as bytes.

The column vocabulary of exports (``ALL_KEYS``, ``column_title``, ``parse_columns``,
``export_format``) is offered here so that views and the command line need not reach into
``desktop.exchange``.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.errors import AppError
from desktop.exchange import register_export
from desktop.exchange.register_export import ALL_KEYS, column_title, export_format, parse_columns
from desktop.services import settings
from desktop.services.base import Service
from desktop.services.permissions import Perm
from desktop.services.register.service import RegisterService, describe_filter
from desktop.services.register.types import RegisterFilter

__all__ = ["ALL_KEYS", "RegisterExporter", "column_title", "export_format", "parse_columns"]


class RegisterExporter(Service):
    """Exports of the register (the caller writes the bytes with ``desktop.files``)."""

    def export(self, f: RegisterFilter, file_name: str, keys: Sequence[str], *,
               unmask: bool = False, reason: str | None = None) -> tuple[bytes, int]:
        """The workbook or CSV (by ``file_name``'s ending) of ``f`` and the number of persons;
        ``export_unknown_format`` for any other ending. A file of the register is an export
        (clerks and administrators), never a viewer's or a reviewer's, masked or not."""
        self._actor.require(Perm.IMPORT_EXPORT)
        kind = export_format(file_name)
        if kind is None:
            raise AppError("export_unknown_format", path=file_name)
        register = RegisterService(self._sessions, self._actor, self._read_sessions,
                                   self._today)
        rows = register.export(f, unmask=unmask, reason=reason, purpose="file",
                               extra=register_export.extra_keys(keys))
        if kind == "csv":
            return register_export.to_csv(rows, keys, unmasked=unmask), len(rows)
        with self._read_sessions.begin() as s:
            association = str(settings.get(s, settings.ASSOCIATION) or "")
        header = register_export.ExportHeader(
            association=association, districts="、".join(f.districts) or "全部",
            exported_on=self._today(), filter_text=describe_filter(f),
            unmask_reason=reason.strip() if unmask and reason else None)
        return register_export.to_xlsx(rows, header, keys), len(rows)

