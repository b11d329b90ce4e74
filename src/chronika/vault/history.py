"""A record's history: every version, recomputed from the operations that made it.

The view keeps each operation a record went through (in ledger order); earlier versions are not
stored but recomputed by applying those operations again, one by one, with the same function that
applied them the first time (``state.apply``), so what is shown is exactly what was. A source
document never changes after ``source.add``, and its text is kept once, so its single version is
the current record.
"""

from __future__ import annotations

from chronika.vault.record import SourceAdd
from chronika.vault.state import Record, apply
from chronika.vault.view import Version, ViewStore

__all__ = ["versions"]


def versions(view: ViewStore, current: Record) -> list[tuple[Version, Record]]:
    """``(version, record as that version made it)`` for every change to ``current``, oldest first."""
    history: list[tuple[Version, Record]] = []
    previous: Record | None = None
    for version in view.history(current.id):
        if isinstance(version.op, SourceAdd):
            record: Record = current
        else:

            def lookup(other: str, before: Record | None = previous) -> Record | None:
                return before if other == current.id else view.get(other)

            record = next(r for r in apply(version.op, lookup, version.entry) if r.id == current.id)
        history.append((version, record))
        previous = record
    return history
