"""Writing output files: whole or not at all (every file the program writes: PDFs, workbooks,
CSV, backups of settings, handoff packages). Views, the command line and services all use this
one writer."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from desktop.errors import AppError
from desktop.paths import replace_file

__all__ = ["write_atomically"]

FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def write_error(exc: OSError, path: Path, code: str = "export_failed") -> AppError:
    """An operating system's refusal to write ``path`` in the user's words: a full disk or
    USB stick (``disk_full``), a read-only or forbidden target (``target_read_only``), else
    ``code`` with the system's reason."""
    if exc.errno in FULL:
        return AppError("disk_full", path=str(path))
    if exc.errno in READ_ONLY:
        return AppError("target_read_only", path=str(path))
    return AppError(code, path=str(path), reason=exc.strerror or str(exc))


def write_atomically(path: Path, data: bytes, *, before_rename: Callable[[], None] | None = None,
                     error_code: str = "export_failed") -> None:
    """Write to a temporary file beside ``path``, flush it to the disk, then rename: never a
    half-written file, and after a crash at most a hidden ``.NAME.*.part`` beside it.

    ``before_rename`` runs once the data is safely on the disk and before the file appears
    under its name (the handoff records its sent ledger there, so no package exists that the
    ledger does not know); if it raises, the temporary file is removed and nothing appears.
    A target another program holds open (Windows) raises ``file_in_use`` after a few tries
    (:func:`desktop.paths.replace_file`); the old file stays as it was."""
    path = Path(path)
    if path.is_dir():
        raise AppError("output_is_directory", path=str(path))
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise write_error(exc, path, error_code) from exc
    try:
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise write_error(exc, path, error_code) from exc
        if before_rename is not None:
            before_rename()
        try:
            replace_file(temp, path)
        except OSError as exc:
            raise write_error(exc, path, error_code) from exc
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
