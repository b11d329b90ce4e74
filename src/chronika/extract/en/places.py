"""Where an English report says things happened: place names with the words around them.

A name only counts where the words around it make it the scene: "in Nalchik", "the village of
Mazeze", a table cell "| Hrodna |", a court or police force named after its town ("Ganja City
Court", "the Supreme Court of Dagestan"). A place a person goes to ("a flight to Paris", "deported to
Moscow") is not where the act happened and is left out; a place a person comes from ("a nurse from
Yevpatoria") is only a weak hint. Settlements too small for the gazetteer are still read where
the text itself says what they are ("the municipality of Caldono") or puts them after a locative
preposition ("in Argelia") and they name no one the report has introduced.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from chronika.extract.en.actors import (
    NOT_NAMES,
    ORG_HEADS,
    STOP_CAPS,
    Cast,
    _classify,
    _runs,
    _trim,
    _well_known_place,
    names_area,
)
from chronika.extract.gazetteer import Gazetteer
from chronika.extract.language import Locus
from chronika.model import ActorKind, Place, PlaceKind

STRONG = 2  # the text places the act there
WEAK = 1  # a hint only: a country named in passing, a person's home town
UNCONFIRMED = 0  # a small town's name with no cue: a place only if listed after one ("in X and Y")

_LOCATIVE = re.compile(
    r"(?:\b(?:in|near|at|outside|around|across|throughout|inside|within|between|through|"
    r"(?:city|town|village|capital|region|republic|province|district|municipality|commune|settlement|"
    r"county|governorate|oblast|state|territory|area|outskirt|suburb|centre|center|street|neighbou?rhood|"
    r"quarter|part)s?\s+of|"
    r"capital,|city,|town,|village,|central|northern|southern|eastern|western|downtown|north-?eastern|"
    r"north-?western|south-?eastern|south-?western|rural)\s+(?:the\s+)?(?:[a-z-]+\s+)?)$"
    r"|(?:^|\n|\|)\s*\(?$",
    re.IGNORECASE,
)
_TIGHT_LOCATIVE = re.compile(
    r"\b(?:in|near|at|outside|around|across|throughout|inside|between|"
    r"(?:city|town|village|municipality|commune|settlement|community|hamlet|area)s?\s+of)\s+$",
    re.IGNORECASE,
)
_FACILITY_AFTER = re.compile(
    r"['’]?s?\s+(?:metro|station|square|street|avenue|building|monument|bridge|mosque|church|cathedral|"
    r"prison|colony|airport|market|hospital|university|school|stadium|hotel|park|road|highway|"
    r"neighbou?rhood|quarter|camp|compound|base|detention|police|court|office)\b",
    re.IGNORECASE,
)
_DESTINATION = re.compile(r"\b(?:to|towards|into|for)\s+$", re.IGNORECASE)
_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+(?:town|city|village)\s+of\s+)?$", re.IGNORECASE)
_AREA_AFTER = re.compile(
    r"\s+(?:district|province|region|county|territory|governorate|oblast|state|department|prefecture|"
    r"municipality|area)\b",
    re.IGNORECASE,
)
_SETTLEMENT_AFTER = re.compile(r"\s+(?:village|town|city|settlement|commune|camp)\b", re.IGNORECASE)
_INSTITUTION_AFTER = re.compile(
    r"['’]?s?\s+(?:[a-z-]+\s+){0,2}"
    r"(?:police|court|administration|authorities|prosecutor|council|prison|airport|station|"
    r"university|hospital|mayor|governor|military)\b",
    re.IGNORECASE,
)
_LANGUAGE_OR_PEOPLE = re.compile(
    r"(?:ian|ean|ese|ish|ic|stani|jani|aqi|aini|udi|ali)$|^(?:Chechen|Kazakh|Uzbek|Tatar|Bashkir|Kyrgyz|Tajik|Turkmen|"
    r"Uyghur|Uighur|Kurd|Farsi|Dari|Pashto|Urdu|Hindi|Tamil|Sinhala|Burmese|Thai|Khmer|Lao|Mandarin|"
    r"Cantonese|Tigrinya|Amharic|Oromo|Swahili|Hausa|Yoruba|Igbo|Quechua|Aymara|Maya|Q'eqchi'|"
    r"Circassian|Avar|Lezgin|Ossetian|Crimean|French|Dutch|Greek|Czech|Welsh|Irish|Scots)$"
)
_NOT_PLACE_WORDS = NOT_NAMES | ORG_HEADS | STOP_CAPS | frozenset(
    "custody detention court prison camp police station square street avenue office home court's "
    "hearing trial school church mosque".split()
)


def find(text: str, cast: Cast, gazetteer: Gazetteer) -> list[Locus]:
    """Every place a document names as a scene, in order, with how strongly the words say so."""
    found: list[Locus] = []
    people = {m.name.casefold() for m in cast.mentions if m.kind is ActorKind.PERSON}
    for start, _end, run in cast.runs or _runs(text):
        words = _trim(run)
        if not words:
            continue
        offset = text.find(words[0], start)
        for named in _in_run(text, offset, words, gazetteer, cast, people):
            locus = named
            if locus.strength < STRONG and found and _listed_after(text, found[-1], locus):
                locus = replace(locus, strength=STRONG)  # "in Tbilisi and Kutaisi": one cue for the list
            if locus.strength > UNCONFIRMED:
                found.append(locus)
    return found


def _listed_after(text: str, previous: Locus, locus: Locus) -> bool:
    return previous.strength == STRONG and bool(_LIST_GAP.fullmatch(text[previous.end : locus.start]))


def _in_run(
    text: str, offset: int, words: list[str], gazetteer: Gazetteer, cast: Cast, people: set[str]
) -> list[Locus]:
    surface = " ".join(words)
    if not text.startswith(surface, offset):
        return []
    whole = _strip_possessive(surface)
    if whole in cast.expansions and not names_area(cast.expansions[whole], gazetteer.lookup):
        return []  # "the KRC office": an organisation's acronym, even if it spells a town
    place = gazetteer.lookup(whole)
    if (
        cast.kinds.get(cast.aliases.get(whole.casefold(), "")) is ActorKind.PERSON
        and not _well_known_place(place)
    ):
        return []  # "Mr. Alvarado": the surname of someone the report names, not a town
    if place is not None:
        locus = _judge(text, offset, offset + len(whole), place, gazetteer, embedded=False)
        return [locus] if locus is not None else []
    # a place inside an institution's name: "Ganja City Court", "Supreme Court of Dagestan"
    loci: list[Locus] = []
    cursor = offset
    positions = []
    for word in words:
        at = text.find(word, cursor)
        positions.append(at)
        cursor = at + len(word)
    for size in (3, 2, 1):
        for first in range(len(words) - size + 1):
            part = _strip_possessive(" ".join(words[first : first + size]))
            if first > 0 and words[first - 1].lower() != "of":
                continue  # only the head ("Hrodna Regional Court") or after "of"
            if first == 0 and len(words) == size:
                continue
            place = gazetteer.lookup(part)
            if place is None or not text.startswith(part, positions[first]):
                continue
            if first == 0 and not any(w.lower().strip("'’") in ORG_HEADS for w in words[size:]):
                continue  # "Crimean Solidarity" is no place; "Hrodna Regional Court" names one
            if first == 0 and words[size].lower() in ("district", "raion", "rayon"):
                continue  # "the Tverskoy District Court": a district inside a city, named like a town
            start = positions[first]
            if any(start < locus.end and locus.start < start + len(part) for locus in loci):
                continue
            locus = _judge(text, start, start + len(part), place, gazetteer, embedded=True)
            if locus is not None:
                loci.append(locus)
    if any(words[i].lower() == "of" for i in range(len(words))):
        # "the Kyivskyi District Court of Simferopol": the place after "of" is the town
        after_of = [locus for locus in loci if text[max(0, locus.start - 3) : locus.start] == "of "]
        loci = after_of or loci
    if loci:
        return loci
    unknown = _settlement(text, offset, whole, words, cast, people)
    return [unknown] if unknown is not None else []


def _judge(
    text: str, start: int, end: int, place: Place, gazetteer: Gazetteer, embedded: bool
) -> Locus | None:
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    name = text[start:end]
    if name.isupper() and len(name) > 3:
        name = place.name  # a dateline's "ALMATY" is Almaty
    if _DESTINATION.search(before):
        return None  # "a flight to Paris": where someone was going, not where it happened
    if _ORIGIN.search(before):
        return Locus(start, end, place, name, WEAK)
    cued = bool(_LOCATIVE.search(before)) or embedded or bool(_INSTITUTION_AFTER.match(after))
    if place.kind is PlaceKind.COUNTRY:
        return Locus(start, end, place, name, STRONG if cued and not embedded else WEAK)
    if cued:
        return Locus(start, end, place, name, STRONG)
    return Locus(start, end, place, name, UNCONFIRMED if gazetteer.needs_cue(place) else WEAK)


def _settlement(
    text: str, offset: int, name: str, words: list[str], cast: Cast, people: set[str]
) -> Locus | None:
    """A settlement the gazetteer does not know, where the words say it is one."""
    if not 1 <= len(words) <= 3 or name.casefold() in cast.aliases:
        return None
    if name.casefold() in people and not cast.only_after_locatives(text, name):
        return None
    folded = [w.lower().strip(".'’") for w in words]
    if any(w in _NOT_PLACE_WORDS for w in folded) or any(_LANGUAGE_OR_PEOPLE.search(w) for w in words):
        return None
    if name.isupper() and len(name) <= 8:
        return None  # an acronym
    end = offset + len(name)
    before = text[max(0, offset - 40) : offset]
    after = text[end : end + 30]
    if _DESTINATION.search(before) or _ORIGIN.search(before):
        return None
    if text[end : end + 2] in ("'s", "’s") and not _INSTITUTION_AFTER.match(after):
        return None
    area = bool(_AREA_AFTER.match(after)) or bool(_AREA_OF_BEFORE.search(before))
    settlement = bool(_SETTLEMENT_AFTER.match(after))
    if not (area or settlement or _TIGHT_LOCATIVE.search(before)):
        return None
    if not (area or settlement) and _FACILITY_AFTER.match(after):
        return None  # "near Pushkinskaya metro station": a spot inside a city, not a settlement
    if not (area or settlement) and _classify(words, {}) is ActorKind.ORGANISATION:
        return None
    kind = PlaceKind.REGION if area else PlaceKind.CITY
    # "the Tverskoy district" may be a part of a city, which is not a location on its own
    strength = WEAK if area and _DISTRICT_AFTER.match(after) else STRONG
    return Locus(offset, end, Place(name=name, kind=kind), name, strength)


_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")
_AREA_OF_BEFORE = re.compile(r"\b(?:district|province|region|county|governorate|oblast|state)\s+of\s+$", re.I)
_DISTRICT_AFTER = re.compile(r"\s+district\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")


def _strip_possessive(name: str) -> str:
    if "s" not in name[-2:]:
        return name  # no possessive ending can match (a fast path: this runs for every run and part)
    return _POSSESSIVE.sub("", name)


def between(loci: Sequence[Locus], start: int, end: int) -> list[Locus]:
    return [locus for locus in loci if start <= locus.start < end]
