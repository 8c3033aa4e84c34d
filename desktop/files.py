"""Writing output files: whole or not at all (every file the program writes: PDFs, workbooks,
CSV, backups of settings). Views, the command line and services all use this one writer."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from desktop.errors import AppError
from desktop.paths import replace_file

__all__ = ["write_atomically"]


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename: never a half-written file.

    A target another program holds open (Windows) raises ``file_in_use`` after a few tries
    (:func:`desktop.paths.replace_file`); the old file stays as it was."""
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise AppError("export_failed", path=str(path), reason=exc.strerror or str(exc)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        replace_file(temp, path)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise AppError("export_failed", path=str(path),
                           reason=exc.strerror or str(exc)) from exc
        raise
