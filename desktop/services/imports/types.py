"""The import's data transfer objects (frozen: they cross from the worker thread to the GUI)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

POSSIBLE_DUPLICATE = "possible_duplicate"  # the codes of the warnings "maybe registered"


@dataclass(frozen=True)
class ImportOptions:
    """How to read the file. ``mapping`` (column index -> field key) overrides what the header
    says; ``saved_mapping`` names a mapping saved earlier (by header text)."""

    sheet: str | None = None
    header_row: int | None = None  # Excel's row number of the header
    mapping: Mapping[int, str] | None = None
    saved_mapping: str | None = None
    good_rows_only: bool = False


@dataclass(frozen=True)
class RowProblem:
    """Why a row is rejected: ``column`` is the sheet column (0 = A) or None for the row."""

    column: int | None
    field: str
    code: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class FieldChange:
    """One field an update changes, as words (code-table values by their names)."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class RowOutcome:
    """What happened (or, in a dry run, would happen) to one data row."""

    number: int  # Excel's row number
    status: str  # new | updated | unchanged | rejected | duplicate
    name: str
    problems: tuple[RowProblem, ...] = ()
    changes: tuple[FieldChange, ...] = ()
    same_as: int | None = None  # duplicate: the row it repeats
    warnings: tuple[RowProblem, ...] = ()  # e.g. possibly a person already in the register


@dataclass(frozen=True)
class ImportPreview:
    """The file as the wizard's second page shows it."""

    sheets: tuple[str, ...]
    sheet: str
    header_row: int
    titles: tuple[str, ...]
    mapping: dict[int, str]
    sample: tuple[tuple[int, tuple[str, ...]], ...]  # (row number, cell texts)
    data_rows: int
    header_rows: int = 1  # 2: the header is rows header_row and header_row + 1
    numbers_row: int | None = None  # the row under the header numbering the columns, skipped


@dataclass(frozen=True)
class ImportResult:
    """Counts, per-row outcomes and, after a real import, its batch id."""

    file_name: str
    sheet: str
    header_row: int
    titles: tuple[str, ...]
    mapping: dict[int, str]
    dry_run: bool
    written: bool
    batch_id: uuid.UUID | None
    counts: dict[str, int]
    rows: tuple[RowOutcome, ...]
    footer_rows: tuple[int, ...]  # totals and signatures skipped
    # columns (0 = A) that hold something in the data rows but are mapped to no field
    unread_columns: tuple[int, ...] = ()
    numbers_row: int | None = None  # the row numbering the columns (栏次), skipped
    # (row, the row it joined): one person over several rows, the name merged down
    folded_rows: tuple[tuple[int, int], ...] = ()

    @property
    def rejected(self) -> int:
        return self.counts.get("rejected", 0)

    @property
    def warned(self) -> int:
        """Rows imported (or to be) that may be a person already registered (same name and
        birth date or work unit)."""
        return sum(1 for o in self.rows
                   if any(w.code.startswith(POSSIBLE_DUPLICATE) for w in o.warnings))

    @property
    def noted(self) -> int:
        """Rows imported (or to be) with a note of another kind (a year taken from the year
        column, a second honor without a year …): said on the row."""
        return sum(1 for o in self.rows
                   if any(not w.code.startswith(POSSIBLE_DUPLICATE) for w in o.warnings))


@dataclass(frozen=True)
class ImportBatchRow:
    """One import in the list of imports (for undo)."""

    id: uuid.UUID
    created_at: dt.datetime
    created_by: str
    file_name: str
    counts: dict[str, int]
    undone_at: dt.datetime | None
