"""The removable drives the 报送 step 2 lists: mount points under /media/USER/ and
/run/media/USER/ (udisks); anything unreadable is no drive, never an error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.views.handoff import drives


def test_mounted_sticks_below_the_media_folders(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    media, run_media = tmp_path / "media", tmp_path / "run-media"
    sticks = [media / "wanglh" / "KINGSTON", run_media / "wanglh" / "U盘", media / "SDCARD"]
    for folder in (*sticks, media / "wanglh" / "not-mounted"):
        folder.mkdir(parents=True)
    mounted = {str(p) for p in sticks}
    monkeypatch.setattr(os.path, "ismount", lambda p: str(p) in mounted)  # the plug-in
    monkeypatch.setattr(drives, "LINUX_ROOTS", (media, run_media, tmp_path / "missing"))
    monkeypatch.setattr(drives.sys, "platform", "linux")
    assert drives.removable_drives() == [media / "SDCARD", media / "wanglh" / "KINGSTON",
                                         run_media / "wanglh" / "U盘"]


def test_no_media_folder_is_no_drive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drives, "LINUX_ROOTS", (tmp_path / "none",))
    monkeypatch.setattr(drives.sys, "platform", "linux")
    assert drives.removable_drives() == []
