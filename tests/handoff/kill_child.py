"""Child process of the kill -9 tests: run one ``laomo`` command and SIGKILL itself at a named
moment, as a power cut or the task manager would end it.

Usage: ``python -m tests.handoff.kill_child MOMENT LAOMO-ARGS…``. MOMENT is one of
:data:`MOMENTS`, or ``random:SECONDS`` (SIGKILL from a timer after that many seconds, wherever
the command is then; it may also have finished).
"""

from __future__ import annotations

import functools
import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any


def die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def _wrap(owner: Any, name: str, when: Callable[..., bool], *, after: bool) -> None:
    original = getattr(owner, name)

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        hit = when(*args, **kwargs)
        if hit and not after:
            die()
        result = original(*args, **kwargs)
        if hit:
            die()
        return result

    setattr(owner, name, wrapper)


def _nth(n: int) -> Callable[..., bool]:
    calls = [0]

    def when(*_a: Any, **_k: Any) -> bool:
        calls[0] += 1
        return calls[0] == n
    return when


def _audit_action(action: str) -> Callable[..., bool]:
    return lambda *args, **_k: len(args) > 2 and args[2] == action


def _to_package(*args: Any, **_k: Any) -> bool:
    """The rename of the package itself (the audit checkpoint's outside copy is renamed
    into place first, with the same function)."""
    return len(args) > 1 and str(args[1]).endswith(".lmpkg")


def _part_fsync(fd: int, *_a: Any) -> bool:
    try:
        return os.readlink(f"/proc/self/fd/{fd}").endswith(".part")
    except OSError:
        return False


def _install(moment: str) -> None:
    from desktop import files
    from desktop.exchange import handoff_package
    from desktop.services import audit
    from desktop.services.handoff import rows

    if moment.startswith("random:"):
        timer = threading.Timer(float(moment.split(":", 1)[1]), die)
        timer.daemon = True
        timer.start()
    elif moment == "export.reading":  # rows half read into the package
        _wrap(handoff_package.PackageWriter, "add", _nth(2), after=False)
    elif moment == "export.written":  # the .part file on the disk, the ledger not yet
        _wrap(os, "fsync", _part_fsync, after=True)
    elif moment == "export.recorded":  # the ledger committed, the rename not yet done
        _wrap(files, "replace_file", _to_package, after=False)
    elif moment in ("import.checking", "merge.rows"):  # in the middle of the rows
        _wrap(rows, "_merge_batch", _nth(2), after=True)
    elif moment == "import.staging":  # the staged package written, not committed
        _wrap(audit, "append", _audit_action("handoff.import"), after=True)
    elif moment == "merge.written":  # every row and the undo list written, not committed
        _wrap(audit, "append", _audit_action("handoff.merge"), after=True)
    else:
        raise SystemExit(f"unknown moment {moment}")


MOMENTS = ("export.reading", "export.written", "export.recorded", "import.checking",
           "import.staging", "merge.rows", "merge.written")


def main(argv: list[str]) -> int:
    _install(argv[0])
    from desktop.cli.main import main as laomo

    return laomo(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
