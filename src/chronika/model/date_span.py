"""When an incident happened, as precisely as the text allows, and no more precisely.

Reports rarely give a clean day: "in late April", "within days", "since January". A date span keeps
the inclusive interval, how precise it is, and the words it was read from, so a reviewer can judge
the reading and a chronology can sort honest intervals instead of invented days.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import msgspec


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"


class DateSpan(msgspec.Struct, frozen=True, kw_only=True):
    """An inclusive interval of days; ``end`` is None for an open range ("for several days since")."""

    start: dt.date
    end: dt.date | None
    precision: Precision
    text: str = ""

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"date span ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def day(cls, day: dt.date, text: str = "") -> DateSpan:
        return cls(start=day, end=day, precision=Precision.DAY, text=text)

    def overlaps(self, other: DateSpan) -> bool:
        """Whether two spans share a day; an open end reaches indefinitely forward."""
        self_end = self.end or dt.date.max
        other_end = other.end or dt.date.max
        return self.start <= other_end and other.start <= self_end

    def same_interval(self, other: DateSpan) -> bool:
        return (self.start, self.end) == (other.start, other.end)

    def sort_key(self) -> tuple[dt.date, dt.date]:
        return (self.start, self.end or dt.date.max)
