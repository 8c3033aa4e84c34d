"""USB sticks and other removable drives a package can be written to (报送 step 2).

Linux mounts them under /media/USER/LABEL or /run/media/USER/LABEL (udisks); Windows gives
them a drive letter of the removable type. Anything else (a network folder, macOS volumes) is
chosen with the folder dialog.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

LINUX_ROOTS = (Path("/media"), Path("/run/media"))
DRIVE_REMOVABLE = 2  # GetDriveTypeW


def _mounted_below(root: Path) -> list[Path]:
    """Mount points directly below ``root`` or one level deeper (the user's folder)."""
    found: list[Path] = []
    try:
        entries = sorted(p for p in root.iterdir() if p.is_dir())
    except OSError:
        return found
    for entry in entries:
        if os.path.ismount(entry):
            found.append(entry)
            continue
        try:
            found.extend(sorted(p for p in entry.iterdir()
                                if p.is_dir() and os.path.ismount(p)))
        except OSError:
            continue
    return found


def _windows_removable() -> list[Path]:
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = kernel.GetLogicalDrives()
    found = []
    for i in range(26):
        if mask & (1 << i):
            root = f"{chr(ord('A') + i)}:\\"
            if kernel.GetDriveTypeW(root) == DRIVE_REMOVABLE:
                found.append(Path(root))
    return found


def removable_drives() -> list[Path]:
    """The removable drives mounted now, best effort (never raises)."""
    try:
        if sys.platform == "win32":
            return _windows_removable()
        drives: list[Path] = []
        for root in LINUX_ROOTS:
            drives.extend(_mounted_below(root))
        return drives
    except Exception:  # a drive list is a convenience: the folder dialog always works
        return []
