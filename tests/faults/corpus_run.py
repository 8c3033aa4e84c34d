"""Run malformed files through the import service in child processes that may die.

``run_corpus(paths, db_url)`` feeds the files to ``tests.faults.corpus_child``; when the child
dies (an abort, a segfault, the memory limit) or stays silent past ``timeout`` seconds on one
file, that file is recorded as crashed/hung and a new child carries on with the next one.
``memory_limit_mb`` sets RLIMIT_AS in the children so a runaway allocation ends the child, not
the machine.
"""

from __future__ import annotations

import json
import os
import resource
import select
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Outcome:
    path: str
    outcome: str  # ok | refused | bug | crashed | hung
    code: str = ""
    message: str = ""
    seconds: float = 0.0
    maxrss_mb: int = 0


def _limit(memory_limit_mb: int | None):  # type: ignore[no-untyped-def]
    def apply() -> None:
        if memory_limit_mb:
            size = memory_limit_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (size, size))
    return apply


def run_corpus(paths: list[Path], db_url: str, *, timeout: float = 60.0,
               memory_limit_mb: int | None = None) -> list[Outcome]:
    results: list[Outcome] = []
    pending = list(paths)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    while pending:
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.faults.corpus_child", db_url], cwd=ROOT, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, preexec_fn=_limit(memory_limit_mb))
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write("".join(f"{p}\n" for p in pending))
        child.stdin.close()
        current: str | None = None
        done_here = 0
        while True:
            ready, _, _ = select.select([child.stdout], [], [], timeout)
            if not ready:
                child.kill()
                child.wait()
                results.append(Outcome(current or str(pending[done_here]), "hung"))
                done_here += 1
                break
            line = child.stdout.readline()
            if not line:
                child.wait()
                if current is None and not done_here:
                    raise RuntimeError(f"the corpus child failed to start ({child.returncode})")
                if current is not None:
                    results.append(Outcome(current, "crashed",
                                           code=f"exit {child.returncode}"))
                    done_here += 1
                break
            if line.startswith("START "):
                current = line[6:].strip()
                continue
            record = json.loads(line)
            results.append(Outcome(**record))
            current = None
            done_here += 1
        pending = pending[done_here:]
    return results
