"""``verify``: the ledger's signatures, chain and Merkle root, then the view against the ledger.

The ledger half is :func:`~chronika.vault.verify.verify_ledger`, which names the first bad frame.
The view half replays the ledger into the plain reference store (:class:`~chronika.vault.state.State`)
and compares every record, byte for byte in its canonical encoding, with what the view holds; then
the view's own indexes are checked. A view that differs names the record and the ledger entry that
last changed it. The view is derived, so the remedy for any view problem is ``chronika rebuild``;
a ledger problem has no such remedy, and the message says where the damage is.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import msgspec

from chronika.errors import LedgerBusy, ViewUnusable
from chronika.vault.replay import replay_state
from chronika.vault.secret import DataKey
from chronika.vault.verify import VerifyReport
from chronika.vault.view import Head, ViewStore

__all__ = ["Audit", "check_view", "ledger_lock"]

_encode = msgspec.msgpack.Encoder().encode


@dataclass(frozen=True, slots=True)
class Audit:
    """What ``verify`` checked, for the report it prints."""

    entries: int
    checkpoints: int
    segments: int
    total_bytes: int
    root: bytes
    records: int
    view_checked: bool


@contextmanager
def ledger_lock(directory: Path) -> Iterator[None]:
    """Hold the ledger's writer lock (the same ``flock`` the ledger takes) while verifying."""
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LedgerBusy(
                f"another Chronika process is writing to {directory}; verify when it is done"
            ) from None
        yield
    finally:
        os.close(fd)


def audit_of(report: VerifyReport, records: int, *, view_checked: bool) -> Audit:
    return Audit(
        entries=report.entries,
        checkpoints=report.checkpoints,
        segments=report.segments,
        total_bytes=report.total_bytes,
        root=report.root,
        records=records,
        view_checked=view_checked,
    )


def check_view(view: ViewStore, directory: Path, data_key: DataKey, report: VerifyReport) -> Audit:
    """Raise ViewUnusable naming the first difference between ``view`` and the ledger's records."""
    head = view.head()
    if head != Head(report.size, report.root):
        raise ViewUnusable(
            f"the view reflects {head.size} entries but the ledger has {report.size}: run chronika rebuild"
        )
    expected = replay_state(directory, data_key).records
    problems: list[tuple[int, str]] = []
    count = 0
    for record in view.records():
        count += 1
        truth = expected.pop(record.id, None)
        if truth is None:
            problems.append((record.entry, f"record {record.id} is in the view but not in the ledger"))
        elif _encode(truth) != _encode(record):
            problems.append((truth.entry, f"record {record.id} differs from the ledger"))
    problems += [
        (record.entry, f"record {record.id} is missing from the view") for record in expected.values()
    ]
    if problems:
        entry, what = min(problems)
        raise ViewUnusable(
            f"the view is inconsistent with the ledger at entry #{entry}: {what}"
            f"{f' (and {len(problems) - 1} more)' if len(problems) > 1 else ''}; run chronika rebuild"
        )
    damage = view.check()
    if damage is not None:
        raise ViewUnusable(f"{damage}; run chronika rebuild")
    return audit_of(report, count, view_checked=True)
