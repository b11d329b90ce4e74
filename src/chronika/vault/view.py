"""The view: the current state of every record, indexed and searchable, derived from the ledger.

The ledger is the truth; the view is a cache of it that answers questions fast (list, filter,
full-text search, history) and can be deleted and rebuilt, equivalent, at any time. Everything
that stores the view implements :class:`ViewStore`: the vault and its commands talk to this
interface only, so the SQLite adapter (``sqlite_view.py``) can be joined by a PostgreSQL one for
teams without touching domain code.

Search queries arrive as plain words from a person and are parsed here into a small
backend-neutral form (:class:`Query`): every clause must match, a clause matches if any of its
phrases does, and a phrase is words in order, the last optionally a prefix. Each adapter renders
that form in its own dialect (FTS5 for SQLite, tsquery for PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from chronika.errors import UsageError
from chronika.model import Act
from chronika.vault.record import Operation, ResponseKind, Status
from chronika.vault.state import Change, DeviceRecord, IncidentRecord, LinkRecord, Record, SourceRecord

__all__ = [
    "NO_RESPONSE",
    "Filters",
    "Head",
    "Page",
    "PageRequest",
    "Phrase",
    "Query",
    "Version",
    "ViewStore",
    "parse_query",
]

#: The ``responses`` filter value for incidents the state has not responded to at all.
NO_RESPONSE = "none"
MAX_PAGE = 1000
MAX_QUERY_CLAUSES = 32


@dataclass(frozen=True, slots=True)
class Head:
    """How much of the ledger the view reflects: its entry count and the Merkle root at that count."""

    size: int
    root: bytes


@dataclass(frozen=True, slots=True)
class Filters:
    """Restrictions on which incidents a list or search returns; empty fields restrict nothing.

    ``date_from``/``date_to`` select incidents that *began* in the range (an open or long span
    counts from its first day), so an incident is found under one date, the one it sorts by.
    ``acts``, ``statuses`` and ``responses`` match any of the values given; ``responses`` is the
    latest response by date, or :data:`NO_RESPONSE`. ``actor`` matches a perpetrator or victim by
    name (and by every alias of an actor record with that name); ``place`` matches the location
    (and every alias of a place record with that name).
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    acts: tuple[Act, ...] = ()
    statuses: tuple[Status, ...] = ()
    responses: tuple[str, ...] = ()
    actor: str | None = None
    place: str | None = None

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise UsageError(f"the date range ends ({self.date_to}) before it starts ({self.date_from})")
        known = {kind.value for kind in ResponseKind} | {NO_RESPONSE}
        for response in self.responses:
            if response not in known:
                raise UsageError(f"unknown response status {response!r}; known: {', '.join(sorted(known))}")


@dataclass(frozen=True, slots=True)
class PageRequest:
    """Which page: newest first (or ``oldest_first``), ``limit`` incidents after skipping ``offset``.

    Undated incidents come last in either order. ``rank`` asks for relevance order (BM25); it is
    honoured only when the match set is small enough to rank in time (see ``Page.ranked``), because
    ranking a frequent word means scoring every document that contains it.
    """

    limit: int = 20
    offset: int = 0
    rank: bool = False
    oldest_first: bool = False

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_PAGE or self.offset < 0:
            raise UsageError(f"a page holds 1 to {MAX_PAGE} incidents, from an offset of 0 or more")


@dataclass(frozen=True, slots=True)
class Page:
    incidents: list[IncidentRecord]
    more: bool
    ranked: bool = False


@dataclass(frozen=True, slots=True)
class Version:
    """One change in a record's history: its version number, ledger entry and operation."""

    record_id: str
    version: int
    entry: int
    op: Operation


@dataclass(frozen=True, slots=True)
class Phrase:
    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    """All clauses must match; a clause is a choice of phrases."""

    clauses: tuple[tuple[Phrase, ...], ...] = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return bool(self.clauses)


class ViewStore(Protocol):
    """Where the view lives. One writer (the vault) calls ``apply``; everything else reads."""

    def head(self) -> Head:
        """The ledger position the view reflects."""

    def clock(self) -> int:
        """The largest hybrid logical clock of any operation applied (0 if none carried one)."""

    def apply(self, changes: Sequence[Change], head: Head) -> None:
        """Store new record versions and the new head, all or nothing."""

    def get(self, record_id: str) -> Record | None: ...

    def source_by_hash(self, sha256: str) -> SourceRecord | None:
        """The source document with this text, if it was imported before."""

    def query(self, filters: Filters, page: PageRequest) -> Page:
        """Incidents matching ``filters``, newest first."""

    def search(self, query: Query, filters: Filters, page: PageRequest) -> Page:
        """Incidents whose words (evidence and the paragraph around it, names, place, notes) match."""

    def count(self, query: Query | None, filters: Filters, limit: int | None = None) -> int:
        """How many incidents match, counting no further than ``limit`` (enough to tell "more than")."""

    def date_bounds(self, query: Query | None, filters: Filters) -> tuple[dt.date, dt.date] | None:
        """The first and the last day on which a matching dated incident began; None if none did."""

    def period_counts(self, query: Query | None, filters: Filters, edges: Sequence[dt.date]) -> list[int]:
        """How many matching incidents began in each period from one edge (included) to the next,
        and last how many are undated (``len(edges)`` numbers in all).

        For a chronology's timeline: a count per month or year is what can be drawn of 100,000
        incidents, and counting in the index costs a fraction of reading the records.
        """

    def search_sources(self, query: Query, page: PageRequest) -> list[SourceRecord]:
        """Source documents whose full text matches, most recently imported first."""

    def history(self, record_id: str) -> list[Version]:
        """Every change to the record, oldest first."""

    def devices(self) -> list[DeviceRecord]:
        """Every device record (the devices admitted by ``device.add`` entries)."""

    def links(self, incident_id: str) -> list[LinkRecord]:
        """Links from or to the incident."""

    def named(self, prefix: str) -> list[Record]:
        """Every actor (``who_``) or place (``plc_``) record."""

    def records(self) -> Iterator[Record]:
        """Every current record (for checking the view against the ledger)."""

    def check(self) -> str | None:
        """A description of internal damage to the store's indexes, or None."""

    def close(self) -> None:
        """Release the store and any key material it holds."""


_TOKEN = re.compile(r'"[^"]*"?|\S+')
_WORD = re.compile(r"[^\W_]+")  # FTS tokenizers split on "_" too


def parse_query(text: str) -> Query:
    """Words as a person types them: all must match; ``"a phrase"``, ``a OR b`` and ``prefix*`` work.

    Punctuation is not syntax (a name like O'Brien is two words), so no input is a syntax error.
    """
    clauses: list[list[Phrase]] = []
    join_next = False
    for token in _TOKEN.findall(text):
        if token == "OR":
            join_next = bool(clauses)
            continue
        quoted = token.startswith('"')
        prefix = not quoted and token.endswith("*")
        words = tuple(word.casefold() for word in _WORD.findall(token))
        if not words:
            continue
        phrases = [Phrase(words, prefix)] if quoted or prefix else [Phrase((word,)) for word in words]
        if join_next and len(phrases) == 1:
            clauses[-1].append(phrases[0])
        else:
            clauses.extend([phrase] for phrase in phrases)
        join_next = False
    if len(clauses) > MAX_QUERY_CLAUSES:
        raise UsageError(f"a search has at most {MAX_QUERY_CLAUSES} words or phrases")
    return Query(tuple(tuple(clause) for clause in clauses))
