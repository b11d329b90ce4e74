"""Sessions: which processes have the vault unlocked right now, so ``chronika lock`` can end them.

Every process that unlocks a vault holds the keys in its memory until it exits. Most commands exit
within a second, but an import of thousands of files, or the desk later, may run for hours; when
someone knocks at the door, ``chronika lock`` must end them without asking for the passphrase.

Each unlocked process creates ``run/<pid>.pid`` in the vault folder and holds an exclusive
``flock`` on it for as long as it is unlocked. The file is empty: it shows only that a process
had the vault open. ``lock_sessions`` finds the files, tells a held lock (a live session) from a
free one (a process that died without cleaning up), asks each live session to stop with SIGTERM
(the CLI turns that into wiping its keys and exiting), waits, and uses SIGKILL on any that does
not stop in time: a killed process loses its keys with its memory, and the ledger is safe against
a kill at any moment (tested). Only processes holding a session lock of this vault are signalled,
so a reused process id cannot point the signal at an unrelated program.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from chronika.vault.files import PRIVATE_FILE_MODE, make_private_dir

__all__ = ["RUN_DIR", "LockReport", "Session", "lock_sessions"]

RUN_DIR = "run"
_SUFFIX = ".pid"
_POLL_SECONDS = 0.05


class Session:
    """This process has the vault unlocked; :meth:`end` when the keys are gone."""

    def __init__(self, path: Path | None, fd: int) -> None:
        self._path = path
        self._fd = fd

    @classmethod
    def start(cls, directory: Path) -> Session:
        """Register, best effort: on read-only media the vault still opens, unregistered."""
        path = directory / RUN_DIR / f"{os.getpid()}{_SUFFIX}"
        # Locked under a temporary name first, so ``lock_sessions`` never sees it unlocked.
        building = path.with_name(f".{path.name}.new")
        fd = -1
        try:
            make_private_dir(path.parent)
            fd = os.open(building, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.replace(building, path)
        except OSError:
            if fd >= 0:
                os.close(fd)
            with contextlib.suppress(OSError):
                building.unlink()
            return cls(None, -1)
        return cls(path, fd)

    def end(self) -> None:
        if self._path is not None:
            with contextlib.suppress(OSError):
                self._path.unlink()
            self._path = None
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


@dataclass(frozen=True, slots=True)
class LockReport:
    stopped: int  # sessions that ended after SIGTERM
    killed: int  # sessions that had to be killed
    stale: int  # files left by processes that had already died


def lock_sessions(directory: Path, *, grace: float = 10.0) -> LockReport:
    """End every process that has the vault at ``directory`` unlocked; see the module doc."""
    run = directory / RUN_DIR
    if not run.is_dir():
        return LockReport(0, 0, 0)
    live: list[tuple[int, int, Path]] = []
    stale = 0
    for path in sorted(run.glob(f"*{_SUFFIX}")):
        try:
            pid = int(path.name.removesuffix(_SUFFIX))
            fd = os.open(path, os.O_RDONLY)
        except (ValueError, OSError):
            continue
        if _try_lock(fd):
            stale += 1
            _remove(path, fd)
        elif pid == os.getpid():
            os.close(fd)
        else:
            live.append((pid, fd, path))
    for pid, _, _ in live:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    stopped = killed = 0
    for pid, fd, path in live:
        while not _try_lock(fd) and time.monotonic() < deadline:
            time.sleep(_POLL_SECONDS)
        if _try_lock(fd):
            stopped += 1
        else:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
            # The kernel releases a dead process's locks as soon as it is reaped.
            kill_deadline = time.monotonic() + grace
            while not _try_lock(fd) and time.monotonic() < kill_deadline:
                time.sleep(_POLL_SECONDS)
            killed += 1
        _remove(path, fd)
    return LockReport(stopped, killed, stale)


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _remove(path: Path, fd: int) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
    os.close(fd)
