"""Which incidents a table, a CSV download or a chronology shows: query parameters in, records out.

Pages, the CSV download and the API all read the same parameters (``q``, ``from``, ``to``,
``act``, ``status``, ``response``, ``actor``, ``role``, ``place``, ``sort``, ``order``, ``page``,
``per``), parsed once into :class:`Criteria`, so a CSV holds exactly the rows the table showed and
a link copied from the address bar reproduces the view.

The view answers filters and full-text search by date, newest or oldest first, a page at a time.
Two things the table offers are not in the view's interface yet: another sort order, and "this
actor as a perpetrator only" (or victim only). For those the desk reads the matching incidents in pages of
:data:`~chronika.vault.view.MAX_PAGE` up to :data:`SCAN_LIMIT` and sorts or filters them here; the
page says when the limit was reached, rather than pretending the order is complete.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from chronika.desk.timeline import period_edges
from chronika.display import parse_day
from chronika.errors import UsageError
from chronika.model import Act
from chronika.publish.chronology import link_group
from chronika.vault.record import ResponseKind, Status
from chronika.vault.state import IncidentRecord
from chronika.vault.vault import Vault
from chronika.vault.view import MAX_PAGE, NO_RESPONSE, Filters, PageRequest

__all__ = [
    "CHRONOLOGY_PAGE",
    "PER_PAGE_CHOICES",
    "SCAN_LIMIT",
    "Chronology",
    "Criteria",
    "Role",
    "Selection",
    "Sort",
    "chronology",
    "iterate",
    "ordered",
    "select",
]

#: The most incidents read to sort or filter in the desk (see the module doc); about 5 MB of records.
SCAN_LIMIT = 5000
PER_PAGE_CHOICES = (20, 50, 100)
#: A chronology's dated list shows this many incidents a page; one that fits on a page is drawn one
#: mark per incident, a longer one as counts per period (see :func:`chronology`).
CHRONOLOGY_PAGE = 50
MAX_TEXT = 500
E = TypeVar("E", bound=StrEnum)


class Role(StrEnum):
    ANY = "any"
    PERPETRATOR = "perpetrator"
    VICTIM = "victim"


class Sort(StrEnum):
    DATE = "date"
    ACTS = "acts"
    PLACE = "place"
    STATUS = "status"
    CONFIDENCE = "confidence"


def _one(values: Mapping[str, Sequence[str]], name: str) -> str:
    found = values.get(name) or []
    text = (found[-1] if found else "").strip()
    if len(text) > MAX_TEXT:
        raise UsageError(f"{name} is longer than {MAX_TEXT} characters")
    return text


def _choices(values: Sequence[str], kind: type[E], name: str) -> tuple[E, ...]:
    chosen = []
    for value in values:
        if not value.strip():
            continue
        try:
            chosen.append(kind(value.strip()))
        except ValueError:
            known = ", ".join(member.value for member in kind)
            raise UsageError(f"unknown {name} {value!r}; known: {known}") from None
    return tuple(dict.fromkeys(chosen))


@dataclass(frozen=True, slots=True)
class Criteria:
    """Everything that selects and orders incidents, as typed values."""

    q: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    acts: tuple[Act, ...] = ()
    statuses: tuple[Status, ...] = ()
    responses: tuple[str, ...] = ()
    actor: str = ""
    role: Role = Role.ANY
    place: str = ""
    sort: Sort = Sort.DATE
    descending: bool = True
    page: int = 1
    per: int = PER_PAGE_CHOICES[0]
    texts: dict[str, str] = field(default_factory=dict, compare=False)

    @classmethod
    def parse(cls, values: Mapping[str, Sequence[str]]) -> Criteria:
        """From query parameters (each name to its list of values); UsageError names a bad one."""
        texts = {name: _one(values, name) for name in ("q", "from", "to", "actor", "place")}
        responses = []
        for value in values.get("response", []):
            if value.strip():
                if value.strip() != NO_RESPONSE:
                    _choices([value], ResponseKind, "response")
                responses.append(value.strip())
        try:
            page = int(_one(values, "page") or 1)
            per = int(_one(values, "per") or PER_PAGE_CHOICES[0])
        except ValueError:
            raise UsageError("page and per must be whole numbers") from None
        if page < 1 or page > 100_000:
            raise UsageError("page must be between 1 and 100000")
        if per not in PER_PAGE_CHOICES:
            raise UsageError(f"per must be one of {', '.join(map(str, PER_PAGE_CHOICES))}")
        order = _one(values, "order") or "desc"
        if order not in ("asc", "desc"):
            raise UsageError("order must be asc or desc")
        criteria = cls(
            q=texts["q"],
            date_from=parse_day(texts["from"], option="from") if texts["from"] else None,
            date_to=parse_day(texts["to"], last=True, option="to") if texts["to"] else None,
            acts=_choices(values.get("act", []), Act, "act"),
            statuses=_choices(values.get("status", []), Status, "status"),
            responses=tuple(dict.fromkeys(responses)),
            actor=texts["actor"],
            role=(_choices([_one(values, "role")], Role, "role") or (Role.ANY,))[0],
            place=texts["place"],
            sort=(_choices([_one(values, "sort")], Sort, "sort") or (Sort.DATE,))[0],
            descending=order == "desc",
            page=page,
            per=per,
            texts=texts,
        )
        criteria.filters()  # a reversed date range is refused now, not when the page is drawn
        return criteria

    def filters(self) -> Filters:
        return Filters(
            date_from=self.date_from,
            date_to=self.date_to,
            acts=self.acts,
            statuses=self.statuses,
            responses=self.responses,
            actor=self.actor or None,
            place=self.place or None,
        )

    @property
    def needs_scan(self) -> bool:
        """Whether the view alone cannot answer (see the module doc)."""
        return self.role is not Role.ANY or self.sort is not Sort.DATE

    @property
    def oldest_first(self) -> bool:
        """By date from the earliest: the view's other order (anything else is sorted here)."""
        return self.sort is Sort.DATE and not self.descending

    def params(
        self, *, page: int | None = None, sort: Sort | None = None, descending: bool | None = None
    ) -> list[tuple[str, str]]:
        """These criteria as query parameters (for links: next page, another sort, CSV)."""
        page = self.page if page is None else page
        sort = self.sort if sort is None else sort
        descending = self.descending if descending is None else descending
        pairs = [
            (name, self.texts[name]) for name in ("q", "from", "to", "actor", "place") if self.texts.get(name)
        ]
        pairs += [("act", act.value) for act in self.acts]
        pairs += [("status", status.value) for status in self.statuses]
        pairs += [("response", response) for response in self.responses]
        if self.role is not Role.ANY:
            pairs.append(("role", self.role.value))
        if sort is not Sort.DATE:
            pairs.append(("sort", sort.value))
        if not descending:
            pairs.append(("order", "asc"))
        if self.per != PER_PAGE_CHOICES[0]:
            pairs.append(("per", str(self.per)))
        if page != 1:
            pairs.append(("page", str(page)))
        return pairs


@dataclass(frozen=True, slots=True)
class Selection:
    incidents: list[IncidentRecord]
    more: bool
    capped: bool = False  # the scan stopped at SCAN_LIMIT: the order covers only the incidents read


def _matches_role(incident: IncidentRecord, criteria: Criteria) -> bool:
    if criteria.role is Role.ANY or not criteria.actor:
        return True
    wanted = " ".join(criteria.actor.split()).casefold()
    names = incident.perpetrators if criteria.role is Role.PERPETRATOR else incident.victims
    return any(wanted in name.casefold() for name in names)


def _sort_key(sort: Sort) -> Callable[[IncidentRecord], Any]:
    far = dt.date.max
    keys: dict[Sort, Callable[[IncidentRecord], Any]] = {
        Sort.DATE: lambda i: (i.date.start, i.date.end or far) if i.date else (far, far),
        Sort.ACTS: lambda i: i.acts[0].value if i.acts else "~",
        Sort.PLACE: lambda i: (i.location or "\uffff").casefold(),
        Sort.STATUS: lambda i: i.status.value,
        Sort.CONFIDENCE: lambda i: i.confidence,
    }
    return keys[sort]


def iterate(vault: Vault, criteria: Criteria, limit: int = SCAN_LIMIT) -> Iterator[IncidentRecord]:
    """Every matching incident in the view's order (by date, as the criteria ask), at most ``limit``."""
    filters = criteria.filters()
    offset = 0
    seen = 0
    while seen < limit:
        request = PageRequest(
            limit=min(MAX_PAGE, limit - seen), offset=offset, oldest_first=criteria.oldest_first
        )
        page = vault.search(criteria.q, filters, request)
        for incident in page.incidents:
            if _matches_role(incident, criteria):
                yield incident
        seen += len(page.incidents)
        offset += len(page.incidents)
        if not page.more or not page.incidents:
            return


def select(vault: Vault, criteria: Criteria) -> Selection:
    """One page of incidents for the table (or the API)."""
    start = (criteria.page - 1) * criteria.per
    if not criteria.needs_scan:
        request = PageRequest(limit=criteria.per, offset=start, oldest_first=criteria.oldest_first)
        page = vault.search(criteria.q, criteria.filters(), request)
        return Selection(page.incidents, page.more)
    found = list(iterate(vault, criteria, SCAN_LIMIT + 1))
    capped = len(found) > SCAN_LIMIT
    found = found[:SCAN_LIMIT]
    dated = ordered(found, criteria)
    return Selection(dated[start : start + criteria.per], len(dated) > start + criteria.per, capped)


def ordered(incidents: list[IncidentRecord], criteria: Criteria) -> list[IncidentRecord]:
    """``incidents`` in the order the criteria ask for."""
    return sorted(incidents, key=_sort_key(criteria.sort), reverse=criteria.descending)


@dataclass(frozen=True, slots=True)
class Chronology:
    """One page of a chronology's dated list (oldest first) and what its timeline needs.

    ``edges`` and ``counts`` (incidents that began in each period between two edges) are empty
    when the page holds the whole chronology, which is then drawn one mark per incident.
    """

    incidents: list[IncidentRecord]
    count: int
    more: bool
    edges: list[dt.date] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)


def chronology(vault: Vault, criteria: Criteria, per: int = CHRONOLOGY_PAGE) -> Chronology:
    """A page of the chronology; beyond one page, the timeline's counts per period from the index.

    The counts come from the view's index without reading a record (``fts.py``), so a chronology of
    30,000 incidents costs about what one of 300 does.
    """
    filters = criteria.filters()
    request = PageRequest(limit=per, offset=(criteria.page - 1) * per, oldest_first=True)
    page = vault.search(criteria.q, filters, request)
    if criteria.page == 1 and not page.more:
        return Chronology(page.incidents, len(page.incidents), more=False)
    bounds = vault.date_bounds(criteria.q, filters)
    edges = period_edges(*bounds) if bounds else []
    counts = vault.period_counts(criteria.q, filters, edges)
    return Chronology(page.incidents, sum(counts), page.more, edges, counts[:-1])


def linked_chronology(vault: Vault, criteria: Criteria, incident_id: str) -> Chronology:
    """The chronology of a link group (in the criteria's statuses), oldest first, on one page.

    A link group is made by hand, one link at a time, so it is small; it is capped at
    ``SCAN_LIMIT`` all the same and drawn one mark per incident.
    """
    members = [vault.incident(member) for member in link_group(vault, incident_id, SCAN_LIMIT)]
    kept = [i for i in members if not criteria.statuses or i.status in criteria.statuses]
    far = dt.date.max
    kept.sort(key=lambda i: (i.date.start, i.date.end or far, i.id) if i.date else (far, far, i.id))
    return Chronology(kept, len(kept), more=False)
