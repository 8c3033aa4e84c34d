"""Writing the (filtered) register to a file for the GUI's export dialog (issue 4); the
command line does the same in ``desktop.cli.members``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from desktop.errors import AppError
from desktop.exchange import register_export
from desktop.exchange.files import write_atomically
from desktop.exchange.import_template import template_workbook
from desktop.services.register.service import RegisterService
from desktop.services.register.types import RegisterFilter

__all__ = ["export_register", "write_template"]


def export_register(register: RegisterService, association: str, f: RegisterFilter,
                    path: Path, keys: Sequence[str], *, unmask: bool = False,
                    reason: str | None = None, filter_text: str = "全部（未筛选）") -> int:
    """Write .xlsx or .csv (by the name); returns the number of persons written."""
    kind = register_export.export_format(path.name)
    if kind is None:
        raise AppError("export_unknown_format", path=str(path))
    rows = register.export(f, unmask=unmask, reason=reason, purpose="file",
                           extra=register_export.extra_keys(keys))
    if kind == "csv":
        data = register_export.to_csv(rows, keys)
    else:
        header = register_export.ExportHeader(
            association=association, districts="、".join(f.districts) or "全部",
            exported_on=dt.date.today(), filter_text=filter_text,
            unmask_reason=reason.strip() if unmask and reason else None)
        data = register_export.to_xlsx(rows, header, keys)
    write_atomically(path, data)
    return len(rows)


def write_template(path: Path) -> None:
    """The fill-in import workbook."""
    write_atomically(path, template_workbook())
