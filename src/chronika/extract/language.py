"""The seam between the language-neutral pipeline and each language's grammar and lexicon.

A language is a module that provides the functions of ``Language``; adding Russian means adding
``chronika/extract/ru/`` and one registry line, not forking the pipeline.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from chronika.errors import UnsupportedLanguage
from chronika.extract.timeline import Mention
from chronika.model import Act, Place


@dataclass(frozen=True, slots=True)
class Trigger:
    """Words that state an act, at ``[start, end)`` of the document."""

    act: Act
    start: int
    end: int
    anaphoric: bool = False  # "the raids came two days after...": refers back to an act told before


@dataclass(frozen=True, slots=True)
class Dateline:
    date: dt.date
    start: int
    end: int
    stated: bool  # "Published 4 March 2021" rather than a dateline "(Nalchik, 4 March 2021) –"


@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Locus:
    """A place named at ``[start, end)`` as the scene of something, with how firmly the words say so:
    ``strength`` 2 for "in Nalchik" or "Ganja City Court", 1 for a hint ("a nurse from Yevpatoria")."""

    start: int
    end: int
    place: Place
    text: str  # the name as the document writes it, which is what the incident reports
    strength: int


@dataclass(frozen=True, slots=True)
class Language:
    """What the pipeline needs from a language; each field is a plain function."""

    code: str
    find_dates: Callable[[str], list[Mention]]
    find_dateline: Callable[[str, list[Mention]], Dateline | None]
    find_triggers: Callable[[str, list[tuple[int, int]]], list[list[Trigger]]]
    read_cast: Callable[[str], object]
    participants: Callable[
        [str, object, tuple[int, int], Trigger], tuple[list[Participant], list[Participant]]
    ]
    places: Callable[[str, object, int, int], list[Locus]]
    hedged: Callable[[str], bool]
    # where an authority's own account of events begins in a sentence ("police said that ..."), if any
    official_account: Callable[[str], int | None] = lambda sentence: None
    # agent nouns that add nothing beside a named agent of the same occasion ("FSB" and "officers")
    generic_agents: frozenset[str] = frozenset()


_REGISTRY: dict[str, Callable[[], Language]] = {}


def register(code: str, loader: Callable[[], Language]) -> None:
    _REGISTRY[code] = loader


_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z]")


def detect(text: str) -> str:
    """The language of a text, by script: enough to choose between the modules we have."""
    sample = text[:20_000]
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    return "ru" if cyrillic > latin else "en"


def get(code: str) -> Language:
    loader = _REGISTRY.get(code)
    if loader is None:
        available = ", ".join(sorted(_REGISTRY))
        raise UnsupportedLanguage(f"no extraction module for language '{code}' yet (available: {available})")
    return loader()
