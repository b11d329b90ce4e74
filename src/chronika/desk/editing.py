"""A reviewer's edit, from a form or a JSON body, into the facade's ``IncidentChanges``.

Only fields that differ from the current record go into the change, so the ledger entry (and the
history the incident page shows) says what the reviewer actually changed, not every field the
form happened to send back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from chronika.errors import UsageError
from chronika.model import Act, DateSpan, Precision
from chronika.vault.record import IncidentChanges
from chronika.vault.state import IncidentRecord

__all__ = ["MAX_NAMES", "changes_for", "parse_acts", "parse_span"]

MAX_NAMES = 50
MAX_NAME_CHARS = 200


def parse_acts(values: Sequence[str]) -> list[Act]:
    acts = []
    for value in values:
        try:
            acts.append(Act(value.strip()))
        except ValueError:
            raise UsageError(f"unknown act {value!r}; known: {', '.join(a.value for a in Act)}") from None
    return list(dict.fromkeys(acts))


def parse_span(start: str, end: str, precision: str, text: str = "") -> DateSpan | None:
    """A date span from its parts; no start means undated. An empty end is an open range."""
    if not start.strip():
        return None
    try:
        first = dt.date.fromisoformat(start.strip())
        last = dt.date.fromisoformat(end.strip()) if end.strip() else None
        kind = Precision(precision.strip() or "day")
    except ValueError as error:
        raise UsageError(f"the date is not valid: {error}") from None
    if kind is Precision.DAY and last is not None and last != first:
        kind = Precision.RANGE
    if kind is Precision.DAY and last is None:
        last = first
    try:
        return DateSpan(start=first, end=last, precision=kind, text=text.strip()[:200])
    except ValueError as error:
        raise UsageError(str(error)) from None


def _names(values: Sequence[str]) -> list[str]:
    names = [" ".join(value.split())[:MAX_NAME_CHARS] for value in values]
    names = [name for name in names if name]
    if len(names) > MAX_NAMES:
        raise UsageError(f"at most {MAX_NAMES} names")
    return names


def changes_for(current: IncidentRecord, proposed: dict[str, Any]) -> IncidentChanges:
    """The fields of ``proposed`` (date, acts, perpetrators, victims, location) that differ."""
    changed: dict[str, Any] = {}
    if "date" in proposed:
        span: DateSpan | None = proposed["date"]
        old = current.date
        if (span is None) != (old is None) or (
            span is not None
            and old is not None
            and (span.start, span.end, span.precision) != (old.start, old.end, old.precision)
        ):
            changed["date"] = span
    if "acts" in proposed and set(proposed["acts"]) != set(current.acts):
        changed["acts"] = list(proposed["acts"])
    for people in ("perpetrators", "victims"):
        if people in proposed:
            names = _names(proposed[people])
            if names != list(getattr(current, people)):
                changed[people] = names
    if "location" in proposed:
        location = " ".join((proposed["location"] or "").split())[:MAX_NAME_CHARS] or None
        if location != current.location:
            changed["location"] = location
    return IncidentChanges(**changed)
