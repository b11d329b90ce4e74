"""The FTS5 side of the SQLite view: what is indexed for an incident, and how a search is asked.

Why it is fast: an incident's row id, in its table and in the FTS5 index alike, is its *sort key*,
``(first day of its date span as an ordinal) << 32 | serial``, the serial being the order incidents
were created in (kept through every edit, so equal days list the same way live and after a
rebuild). "Newest first" is then the index's own row order: FTS5 walks its doclists backwards
(forwards for oldest first), stops after the first page however many documents match, and applies
date filters as row-id bounds while walking; a count per month or year is a count within row-id
bounds, so a timeline of 100,000 incidents reads no record. Status, acts and the response status
are indexed as tag tokens in a column of their own (``statusdraft``, ``actarbitrarydetention``,
``responsenone``), so every filter is part of one MATCH expression, never a join. BM25 ranking
scores every match, which for a frequent word is most of the corpus, so it is only done when the
match set is small (:data:`RANK_LIMIT`).

What a word search sees: the paragraph of the source around the evidence (so "petrol" finds the
arson that the sentence before describes), the names, the place, the acts' names, reviewer notes,
a retraction's reason and responses' sources and notes. Whole documents are indexed separately
(``source_fts``) for searching the sources themselves.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from typing import Any

from chronika.vault.state import IncidentRecord
from chronika.vault.view import NO_RESPONSE, Filters, PageRequest, Query

__all__ = [
    "CONTEXT_CHARS",
    "RANK_LIMIT",
    "TOKENIZER",
    "count_keys",
    "date_bounds",
    "incident_row",
    "match_expression",
    "page_keys",
    "period_counts",
    "serial_of",
    "sort_key",
]

#: Rank by relevance only up to this many matches; beyond it BM25 costs more than a page may take.
RANK_LIMIT = 2000
#: A timeline of up to this many matches is counted from their keys, read once (``period_counts``).
ONE_PASS_KEYS = 5000
#: How much of the paragraph around an incident's evidence is indexed with it, each side.
CONTEXT_CHARS = 600
TOKENIZER = "unicode61 remove_diacritics 2"
_SERIAL_BITS = 32
_SERIAL_MASK = (1 << _SERIAL_BITS) - 1
_MIN_KEY, _MAX_KEY = -(2**63), 2**63 - 1
# Column weights for BM25: a name match counts most, then the place, then the text; tags never.
_BM25 = "bm25(incident_fts, 1.0, 4.0, 2.0, 0.0)"


def sort_key(record: IncidentRecord, serial: int) -> int:
    """An unknown date sorts after every known one (ordinal 0), newest first."""
    ordinal = record.date.start.toordinal() if record.date is not None else 0
    return (ordinal << _SERIAL_BITS) | serial


def serial_of(key: int) -> int:
    return key & _SERIAL_MASK


def incident_row(record: IncidentRecord, key: int, text: str | None) -> tuple[int, str, str, str, str]:
    """The FTS row (rowid, body, people, place, tags); ``text`` is the source document's text."""
    context = _paragraph(text, record.evidence_span) if text else ""
    parts = [context or record.evidence, *(note.text for note in record.notes), record.retraction or ""]
    parts += [act.replace("_", " ") for act in record.acts]
    parts += [f"{response.source} {response.note}" for response in record.responses]
    parts += [evidence.text for evidence in record.more_evidence]  # the words of drafts merged in
    body = "\n".join(part for part in parts if part)
    people = "\n".join(record.perpetrators + record.victims)
    return key, body, people, record.location or "", _tags(record)


def _tags(record: IncidentRecord) -> str:
    response = record.response_status
    tags = [
        f"status{record.status}",
        f"response{response or NO_RESPONSE}",
        *(f"act{act}" for act in record.acts),
    ]
    return " ".join(tags).replace("_", "")


def _paragraph(text: str, span: tuple[int, int]) -> str:
    start, end = span
    if not 0 <= start <= end <= len(text):
        return ""
    first = max(text.rfind("\n", 0, start) + 1, start - CONTEXT_CHARS)
    last = text.find("\n", end)
    last = min(len(text) if last < 0 else last, end + CONTEXT_CHARS)
    return text[first:last]


def _phrase(text: str) -> str:
    # FTS5 reads the expression as a C string: a NUL inside a phrase would end it unterminated.
    return '"' + text.replace("\x00", "").replace('"', '""') + '"'


def match_expression(query: Query) -> str:
    """The query in FTS5 syntax: every word or phrase quoted, so no input is a syntax error."""
    clauses = []
    for clause in query.clauses:
        options = [_phrase(" ".join(phrase.words)) + ("*" if phrase.prefix else "") for phrase in clause]
        clauses.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    return " AND ".join(clauses)


def _filter_expressions(
    filters: Filters,
    actor_names: Callable[[str], list[str]],
    place_names: Callable[[str], list[str]] | None = None,
) -> list[str]:
    tags = [
        [f"status{status}" for status in filters.statuses],
        [f"act{act}".replace("_", "") for act in filters.acts],
        [f"response{response}".replace("_", "") for response in filters.responses],
    ]
    parts = [f"tags : ({' OR '.join(group)})" for group in tags if group]
    if filters.actor:
        parts.append(f"people : ({' OR '.join(_phrase(name) for name in actor_names(filters.actor))})")
    if filters.place:
        places = place_names(filters.place) if place_names is not None else [filters.place]
        parts.append(f"place : ({' OR '.join(_phrase(name) for name in places)})")
    return parts


def _key_range(filters: Filters) -> tuple[int, int]:
    """Row-id bounds for the date range; an undated incident (ordinal 0) began in no range."""
    lo = filters.date_from.toordinal() << _SERIAL_BITS if filters.date_from else _MIN_KEY
    if filters.date_to and not filters.date_from:
        lo = 1 << _SERIAL_BITS
    hi = ((filters.date_to.toordinal() + 1) << _SERIAL_BITS) - 1 if filters.date_to else _MAX_KEY
    return lo, hi


def _match(
    query: Query | None,
    filters: Filters,
    actor_names: Callable[[str], list[str]],
    place_names: Callable[[str], list[str]] | None = None,
) -> str | None:
    """The MATCH expression for the words and filters; None when only the date range restricts."""
    parts = [f"{{body people place}} : ({match_expression(query)})"] if query else []
    parts += _filter_expressions(filters, actor_names, place_names)
    return " AND ".join(parts) if parts else None


def _keys(
    db: Any, match: str | None, lo: int, hi: int, ascending: bool, limit: int, offset: int
) -> list[int]:
    """Sort keys in ``[lo, hi]`` matching ``match``, in key order, one window of them."""
    order = "ASC" if ascending else "DESC"
    if match is None:
        sql = f"SELECT key FROM incidents WHERE key BETWEEN ? AND ? ORDER BY key {order} LIMIT ? OFFSET ?"
        return [row[0] for row in db.execute(sql, (lo, hi, limit, offset))]
    sql = (
        "SELECT rowid FROM incident_fts WHERE incident_fts MATCH ? AND rowid BETWEEN ? AND ?"
        f" ORDER BY rowid {order} LIMIT ? OFFSET ?"
    )
    return [row[0] for row in db.execute(sql, (match, lo, hi, limit, offset))]


def _count(db: Any, match: str | None, lo: int, hi: int, limit: int | None = None) -> int:
    if lo > hi:
        return 0
    if match is None:
        inner = "SELECT key FROM incidents WHERE key BETWEEN ?2 AND ?3"
    else:
        inner = "SELECT rowid FROM incident_fts WHERE incident_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3"
    if limit is None:
        return int(db.execute(f"SELECT count(*) FROM ({inner})", (match, lo, hi)).fetchone()[0])
    return int(db.execute(f"SELECT count(*) FROM ({inner} LIMIT ?4)", (match, lo, hi, limit)).fetchone()[0])


def page_keys(
    db: Any,
    query: Query | None,
    filters: Filters,
    page: PageRequest,
    actor_names: Callable[[str], list[str]],
    *,
    place_names: Callable[[str], list[str]] | None = None,
) -> tuple[list[int], bool, bool]:
    """The sort keys of one page of incidents, whether more follow, and whether they were ranked."""
    lo, hi = _key_range(filters)
    match = _match(query, filters, actor_names, place_names)
    window = page.limit + 1
    ranked = False
    if page.oldest_first:
        keys = _oldest_first(db, match, lo, hi, window, page.offset)
    elif match is None or not (page.rank and query):
        keys = _keys(db, match, lo, hi, False, window, page.offset)
    else:
        where = "incident_fts MATCH ? AND rowid BETWEEN ? AND ?"
        ranked = _count(db, match, lo, hi, RANK_LIMIT + 1) <= RANK_LIMIT
        order = f"{_BM25}, rowid DESC" if ranked else "rowid DESC"
        sql = f"SELECT rowid FROM incident_fts WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?"
        keys = [row[0] for row in db.execute(sql, (match, lo, hi, window, page.offset))]
    return keys[: page.limit], len(keys) > page.limit, ranked


def _oldest_first(db: Any, match: str | None, lo: int, hi: int, limit: int, offset: int) -> list[int]:
    """Dated incidents from the earliest, then the undated (whose keys are the smallest of all).

    The undated are counted only when a page starts past the last dated incident, which only the
    last pages of a long list do.
    """
    dated_lo, undated_hi = max(lo, 1 << _SERIAL_BITS), min(hi, (1 << _SERIAL_BITS) - 1)
    keys = _keys(db, match, dated_lo, hi, True, limit, offset) if dated_lo <= hi else []
    if len(keys) < limit and lo <= undated_hi:
        skip = 0 if keys else max(0, offset - _count(db, match, dated_lo, hi))
        keys += _keys(db, match, lo, undated_hi, True, limit - len(keys), skip)
    return keys


def count_keys(
    db: Any,
    query: Query | None,
    filters: Filters,
    actor_names: Callable[[str], list[str]],
    limit: int | None,
    *,
    place_names: Callable[[str], list[str]] | None = None,
) -> int:
    lo, hi = _key_range(filters)
    return _count(db, _match(query, filters, actor_names, place_names), lo, hi, limit)


def date_bounds(
    db: Any,
    query: Query | None,
    filters: Filters,
    actor_names: Callable[[str], list[str]],
    *,
    place_names: Callable[[str], list[str]] | None = None,
) -> tuple[dt.date, dt.date] | None:
    lo, hi = _key_range(filters)
    lo = max(lo, 1 << _SERIAL_BITS)
    match = _match(query, filters, actor_names, place_names)
    first = _keys(db, match, lo, hi, True, 1, 0) if lo <= hi else []
    if not first:
        return None
    last = _keys(db, match, lo, hi, False, 1, 0)
    return dt.date.fromordinal(first[0] >> _SERIAL_BITS), dt.date.fromordinal(last[0] >> _SERIAL_BITS)


def period_counts(
    db: Any,
    query: Query | None,
    filters: Filters,
    edges: Sequence[dt.date],
    actor_names: Callable[[str], list[str]],
    *,
    place_names: Callable[[str], list[str]] | None = None,
) -> list[int]:
    """One count per period, then the undated; each a count within row-id bounds (see the module
    doc), so all of them together cost about one count of the whole, and no record is read."""
    lo, hi = _key_range(filters)
    match = _match(query, filters, actor_names, place_names)
    starts = [edge.toordinal() << _SERIAL_BITS for edge in edges]
    undated = min(hi, (1 << _SERIAL_BITS) - 1)
    # Up to a few thousand matches, reading their keys once and counting here is cheaper than a
    # query per period (each walks the doclists again, and expands a prefix or checks a phrase
    # again); a prefix is always expanded only once.
    prefix = query is not None and any(phrase.prefix for clause in query.clauses for phrase in clause)
    if prefix or _count(db, match, lo, hi, ONE_PASS_KEYS + 1) <= ONE_PASS_KEYS:
        keys = _keys(db, match, lo, hi, True, -1, 0)
        counts = [
            bisect.bisect_left(keys, min(hi + 1, b)) - bisect.bisect_left(keys, max(lo, a))
            for a, b in itertools.pairwise(starts)
        ]
        return [*counts, bisect.bisect_right(keys, undated)]
    counts = [_count(db, match, max(lo, a), min(hi, b - 1)) for a, b in itertools.pairwise(starts)]
    return [*counts, _count(db, match, lo, undated)]
