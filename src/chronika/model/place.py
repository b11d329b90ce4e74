"""Where something happened: the most specific place a report names, tied to a gazetteer entry."""

from __future__ import annotations

from enum import StrEnum

import msgspec


class PlaceKind(StrEnum):
    COUNTRY = "country"
    REGION = "region"
    CITY = "city"


class Place(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    kind: PlaceKind
    country: str | None = None
    population: int = 0
    latitude: float | None = None
    longitude: float | None = None

    @property
    def specificity(self) -> int:
        """Higher is more specific: a city beats its region, a region its country."""
        return {PlaceKind.COUNTRY: 0, PlaceKind.REGION: 1, PlaceKind.CITY: 2}[self.kind]
